"""Units of work: the store's SQL, written once for SQLite and PostgreSQL.

A unit of work is a generator function. It yields statements (`one`, `rows`, `run`) and gets each one's
result back from the `yield`; what it returns is the unit's result:

    def learner(user_id: int) -> Work[Learner | None]:
        row = yield one("SELECT * FROM learners WHERE user_id = ?", user_id)
        return None if row is None else build(row)

The database object (`bot.store.database`) drives it. SQLite runs the whole unit in its connection's
thread, one hand-off from the event loop per unit however many statements it runs; PostgreSQL awaits
each statement on one pooled connection. A write unit runs in one transaction, and PostgreSQL may run it
again from the start after a serialization failure, so a unit has no side effects outside the database
other than its return value.

Statements use `?` placeholders; `Sql` holds a statement whose text differs between the two dialects.
Rows support `row["column"]` and `row[0]` on both backends.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol, TypeVar

from bot.store.errors import StoreError

T = TypeVar("T")

Dialect = Literal["sqlite", "postgres"]
DIALECTS: tuple[Dialect, ...] = ("sqlite", "postgres")


class Row(Protocol):
    """A result row: by column name or position (sqlite3.Row and asyncpg.Record both are)."""

    def __getitem__(self, key: str | int, /) -> Any: ...

    def keys(self) -> Any: ...


@dataclass(frozen=True, slots=True)
class Sql:
    """A statement whose text differs by dialect (same placeholders, in the same order)."""

    sqlite: str
    postgres: str

    def text(self, dialect: Dialect) -> str:
        """Return the statement for `dialect`."""
        return self.sqlite if dialect == "sqlite" else self.postgres


Statement = str | Sql


def distinct(postgres: str) -> Sql:
    """Return a statement using `IS DISTINCT FROM`, spelt `IS NOT` for SQLite (older than 3.39 lacks it)."""
    return Sql(postgres.replace("IS DISTINCT FROM", "IS NOT"), postgres)


def text_of(statement: Statement, dialect: Dialect) -> str:
    """Return a statement's text in `dialect`."""
    return statement if isinstance(statement, str) else statement.text(dialect)


OpKind = Literal["one", "rows", "run", "many"]


@dataclass(frozen=True, slots=True)
class Op:
    """One statement a unit of work asks for; `kind` says what comes back from the yield.

    `one`: the first row or None; `rows`: every row; `run`: how many rows the statement changed; `many`:
    the statement once per parameter tuple in `params` (a bulk insert), and None.
    """

    kind: OpKind
    statement: Statement
    params: tuple[Any, ...]


def one(statement: Statement, *params: Any) -> Op:
    """Ask for the first row of a query (None when there is none)."""
    return Op("one", statement, params)


def rows(statement: Statement, *params: Any) -> Op:
    """Ask for every row of a query."""
    return Op("rows", statement, params)


def run(statement: Statement, *params: Any) -> Op:
    """Run a data-changing statement; the yield gives how many rows it changed."""
    return Op("run", statement, params)


def many(statement: Statement, params: Sequence[Sequence[Any]]) -> Op:
    """Run a data-changing statement once per parameter tuple, in one go (the yield gives None)."""
    return Op("many", statement, tuple(tuple(p) for p in params))


Work = Generator[Op, Any, T]
"""A unit of work: yields statements, receives their results, returns T."""


class UniqueViolationError(StoreError):
    """A statement broke a UNIQUE or PRIMARY KEY constraint; thrown into the unit of work at its yield."""


class ForeignKeyViolationError(StoreError):
    """A statement broke a FOREIGN KEY constraint; thrown into the unit of work at its yield."""


def drive(work: Work[T], execute: Callable[[Op], Any], translate: Callable[[BaseException], BaseException | None]) -> T:
    """Run a unit of work synchronously: each yielded statement goes to `execute`, its result back in.

    An exception from `execute` that `translate` maps to a store error (a constraint violation) is thrown
    into the unit at its yield, so the unit can handle it; any other propagates.
    """
    try:
        op = next(work)
        while True:
            try:
                result = execute(op)
            except Exception as exc:
                mapped = translate(exc)
                if mapped is None:
                    raise
                op = work.throw(mapped)
                continue
            op = work.send(result)
    except StopIteration as stop:
        return stop.value
    finally:
        work.close()


def placeholders_to_numbered(sql: str) -> str:
    """Turn `?` placeholders into PostgreSQL's `$1, $2, ...` (the store's SQL has no `?` in literals)."""
    parts = sql.split("?")
    out = [parts[0]]
    for n, part in enumerate(parts[1:], 1):
        out.append(f"${n}")
        out.append(part)
    return "".join(out)


def in_list(count: int) -> str:
    """Return `?, ?, ...` for an IN list of `count` values."""
    if count < 1:
        raise ValueError("an IN list needs at least one value")
    return ", ".join("?" * count)
