"""The database object behind the store: one connection (SQLite) or a pool (PostgreSQL), and transactions.

`Database` is what the repositories need: run a unit of work (`bot.store.sql`) as a read or as one write
transaction. `open_database` picks the backend from what it is given: a `postgresql://` URL opens
PostgreSQL, anything else is a SQLite file's path.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar, runtime_checkable

from bot.store.sql import Dialect, Work

T = TypeVar("T")

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(target: str | Path) -> bool:
    """Return whether `target` names a PostgreSQL database (a `postgresql://` or `postgres://` URL)."""
    return isinstance(target, str) and target.lower().startswith(POSTGRES_SCHEMES)


def redact(url: str) -> str:
    """Return a database URL without its password, for messages and logs.

    Read as text, not parsed: a password holding an unescaped `/`, `#`, `?` or `@` makes a URL that a parser
    splits elsewhere (and one with a bad port makes it raise), and the password must be hidden all the same.
    The user information ends at the last `@`, so whatever the password holds is masked.
    """
    scheme, sep, rest = url.partition("://")
    at = rest.rfind("@")
    if not sep or at < 0:
        return url
    user, colon, _password = rest[:at].partition(":")
    return f"{scheme}://{user}:***@{rest[at + 1 :]}" if colon else url


def describe_target(target: str | Path) -> str:
    """Name a database for a message: a file's path, or a URL without its password."""
    return redact(target) if isinstance(target, str) and "://" in target else str(target)


@runtime_checkable
class Database(Protocol):
    """Runs units of work against one database; every store repository goes through it."""

    @property
    def dialect(self) -> Dialect:
        """Which SQL the database speaks."""
        ...

    @property
    def location(self) -> str:
        """The file's path, or the URL without its password: for messages and logs."""
        ...

    @property
    def closed(self) -> bool:
        """Whether `close()` was called."""
        ...

    async def read(self, fn: Callable[..., Work[T]], *args: Any, snapshot: bool = False, many_rows: bool = False) -> T:
        """Run `fn(*args)` without writing; with `snapshot`, all its statements see one moment.

        `many_rows`: the unit may read a large part of a table (a count over a role): the backend runs it
        where it cannot hold up the event loop.
        """
        ...

    async def write(self, fn: Callable[..., Work[T]], *args: Any, read_committed: bool = False) -> T:
        """Run `fn(*args)` in one write transaction, committed when it returns.

        `read_committed`: the unit is one statement whose row locks make it safe when processes contend for the
        same rows (a claim with `FOR UPDATE SKIP LOCKED`, a counter's `UPDATE ... RETURNING`). PostgreSQL then
        runs it at READ COMMITTED, where a contended row is waited for and read again instead of failing the
        transaction (SERIALIZABLE would only add failed attempts). SQLite's writes are serial anyway.
        """
        ...

    async def schema_version(self) -> int:
        """Return the schema version on disk."""
        ...

    async def close(self) -> None:
        """Let running units finish, then close (idempotent)."""
        ...


async def open_database(target: str | Path, *, create: bool = True) -> Database:
    """Open (creating and migrating when needed) the database that `target` names: a path or a URL; without
    `create`, one that holds no Waymark tables yet is refused (`Store.open`)."""
    if is_postgres_url(target):
        from bot.store.postgres import PostgresDatabase

        return await PostgresDatabase.open(str(target), create=create)
    from bot.store.sqlite import SqliteDatabase

    return await SqliteDatabase.open(Path(target), create=create)
