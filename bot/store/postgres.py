"""PostgreSQL behind the store: an asyncpg pool, for several bot processes sharing one database.

A unit of work (`bot.store.sql`) runs on one pooled connection, each statement awaited in turn (asyncpg
prepares and caches them per connection). A write unit runs in one SERIALIZABLE transaction: units that
read then write (a delivery's first attempt, a lease) behave as on SQLite, where writes are serial. When
PostgreSQL reports a serialization failure or a deadlock, the unit runs again from the start, after a random wait
that grows with each attempt (several processes sending reminders at once collide on the index pages of the
deliveries and the plan: SERIALIZABLE's predicate locks are coarser than the rows).

Migrations come from the same list as SQLite's (`bot.store.migrations.STEPS`); the version is the one row
of `schema_version`, and an advisory lock keeps two processes from migrating at once.

asyncpg was measured against psycopg 3 (async, prepared statements) on this kind of machine over loopback
(`bench/bench_pg_drivers.py`, four runs): a read by key p50 0.11 ms against 0.17-0.25 ms; a read-then-insert
transaction 0.77-1.6 ms against 0.64-1.0 ms, both bound by the commit. The commands are mostly reads (a
resume is nine, /done two reads and one write), so asyncpg.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable
from typing import Any, TypeVar

import asyncpg

from bot.store.checks import schema_problem
from bot.store.database import redact
from bot.store.errors import (
    NOT_WAYMARKS_YET,
    DatabaseOpenError,
    MigrationError,
    SchemaTooNewError,
    StoreClosedError,
    StoreError,
)
from bot.store.migrations import STEPS
from bot.store.sql import (
    Dialect,
    ForeignKeyViolationError,
    Op,
    Statement,
    UniqueViolationError,
    Work,
    placeholders_to_numbered,
    text_of,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

POOL_MIN = 1
POOL_MAX = 10
CONNECT_TIMEOUT_S = 10.0
WRITE_ATTEMPTS = 20
RETRY_BACKOFF_S = 0.002
"""The first wait after a serialization failure; it doubles with each attempt (up to `MAX_BACKOFF_S`), and each
wait is drawn at random below it, so units that collided once do not collide again in step."""
MAX_BACKOFF_S = 0.1
MIGRATION_LOCK = 0x5761796D61726B  # "Waymark": the advisory lock migrations hold
_RETRY = (asyncpg.SerializationError, asyncpg.DeadlockDetectedError)


class _Connection(asyncpg.Connection):
    """A pooled connection handed back as it is: the store sets no session state (no SET, LISTEN or
    session-level advisory lock), so asyncpg's reset query on release would be one more round trip per unit.
    """

    def get_reset_query(self) -> str:
        return ""


class PostgresDatabase:
    """A PostgreSQL database through a connection pool; create it with `await PostgresDatabase.open(url)`."""

    def __init__(self, pool: asyncpg.Pool, url: str) -> None:
        """Wrap an open pool on a migrated database; use `open` instead."""
        self._pool = pool
        self._location = redact(url)
        self._closed = False
        self._sql: dict[Statement, str] = {}

    @classmethod
    async def open(cls, url: str, *, create: bool = True) -> PostgresDatabase:
        """Connect to the database at `url`, check it is Waymark's (or empty) and migrate it.

        Raises DatabaseOpenError saying why and what to do when no server answers, the login or the
        database is refused, or the database holds something else (or, without `create`, nothing of Waymark's);
        SchemaTooNewError for a newer Waymark's.
        """
        location = redact(url)
        try:
            pool = await asyncio.wait_for(
                asyncpg.create_pool(url, min_size=POOL_MIN, max_size=POOL_MAX, connection_class=_Connection),
                timeout=CONNECT_TIMEOUT_S,
            )
        except TimeoutError:
            raise DatabaseOpenError(
                location, f"no PostgreSQL server answered within {CONNECT_TIMEOUT_S:.0f} s; check the host and port"
            ) from None
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, ValueError) as exc:
            raise DatabaseOpenError(location, explain_postgres_error(exc)) from exc
        try:
            async with pool.acquire() as conn:
                version = await migrate_postgres(conn, location, create=create)
        except BaseException:
            await pool.close()
            raise
        log.info("opened store %s at schema version %d", location, version)
        return cls(pool, url)

    @property
    def dialect(self) -> Dialect:
        """PostgreSQL's."""
        return "postgres"

    @property
    def location(self) -> str:
        """The URL, without its password."""
        return self._location

    @property
    def closed(self) -> bool:
        """Whether `close()` was called."""
        return self._closed

    async def read(self, fn: Callable[..., Work[T]], *args: Any, snapshot: bool = False, many_rows: bool = False) -> T:
        """Run `fn(*args)` on one pooled connection; with `snapshot`, in one REPEATABLE READ transaction."""
        self._check_open()
        async with self._pool.acquire() as conn:
            if not snapshot:
                return await self._drive(conn, fn(*args))
            async with conn.transaction(isolation="repeatable_read", readonly=True):
                return await self._drive(conn, fn(*args))

    async def write(self, fn: Callable[..., Work[T]], *args: Any, read_committed: bool = False) -> T:
        """Run `fn(*args)` in one SERIALIZABLE transaction, again from the start after a serialization failure.

        `read_committed`: at READ COMMITTED instead, for a single statement whose row locks give the guarantee
        (see `Database.write`).
        """
        self._check_open()
        isolation = "read_committed" if read_committed else "serializable"
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                async with self._pool.acquire() as conn, conn.transaction(isolation=isolation):
                    return await self._drive(conn, fn(*args))
            except _RETRY:
                if attempt == WRITE_ATTEMPTS:
                    raise
                cap = min(MAX_BACKOFF_S, RETRY_BACKOFF_S * 2 ** (attempt - 1))
                await asyncio.sleep(random.uniform(cap / 2, cap))
        raise AssertionError("unreachable")

    async def schema_version(self) -> int:
        """Return the version recorded in `schema_version`.

        A connection an outage left broken (its server process ended, or an operation cut off midway) fails once:
        the pool then drops its connections, and the query is tried again on a new one, as the health check needs
        to see the database back as soon as it answers."""
        self._check_open()
        try:
            async with self._pool.acquire() as conn:
                return await _version(conn)
        except (asyncpg.InterfaceError, asyncpg.InternalClientError, asyncpg.ConnectionDoesNotExistError):
            await self._pool.expire_connections()
            async with self._pool.acquire() as conn:
                return await _version(conn)

    async def close(self) -> None:
        """Wait for the connections in use to come back, then close the pool (idempotent)."""
        if self._closed:
            return
        self._closed = True
        await self._pool.close()
        log.info("closed store %s", self._location)

    def _check_open(self) -> None:
        if self._closed:
            raise StoreClosedError(f"store {self._location} is closed")

    def _text(self, statement: Statement) -> str:
        sql = self._sql.get(statement)
        if sql is None:
            sql = self._sql[statement] = placeholders_to_numbered(text_of(statement, "postgres"))
        return sql

    async def _execute(self, conn: asyncpg.Connection, op: Op) -> Any:
        sql = self._text(op.statement)
        if op.kind == "one":
            return await conn.fetchrow(sql, *op.params)
        if op.kind == "rows":
            return await conn.fetch(sql, *op.params)
        if op.kind == "many":
            await conn.executemany(sql, op.params)
            return None
        status = await conn.execute(sql, *op.params)
        return int(status.rsplit(" ", 1)[-1]) if status and status[-1].isdigit() else 0

    async def _drive(self, conn: asyncpg.Connection, work: Work[T]) -> T:
        """Run a unit of work: await each statement it yields and send the result back in."""
        try:
            op = next(work)
            while True:
                try:
                    result = await self._execute(conn, op)
                except asyncpg.UniqueViolationError as exc:
                    op = work.throw(UniqueViolationError(str(exc)))
                    continue
                except asyncpg.ForeignKeyViolationError as exc:
                    op = work.throw(ForeignKeyViolationError(f"FOREIGN KEY constraint failed: {exc}"))
                    continue
                op = work.send(result)
        except StopIteration as stop:
            return stop.value
        finally:
            work.close()


async def _version(conn: asyncpg.Connection) -> int:
    exists = await conn.fetchval("SELECT to_regclass('schema_version') IS NOT NULL")
    if not exists:
        return 0
    value = await conn.fetchval("SELECT version FROM schema_version WHERE id = 1")
    return int(value or 0)


async def _tables(conn: asyncpg.Connection) -> set[str]:
    found = await conn.fetch(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        " AND table_type = 'BASE TABLE'"
    )
    return {row[0] for row in found} - {"schema_version"}


async def migrate_postgres(
    conn: asyncpg.Connection, location: str, target: int | None = None, *, create: bool = True
) -> int:
    """Check the database and bring it to `target` (default: latest), one step per transaction; return the version.
    Without `create`, an empty database is refused (DatabaseOpenError), not given Waymark's tables."""
    latest = len(STEPS)
    target = latest if target is None else target
    version = await _version(conn)
    if version > latest:
        raise SchemaTooNewError(location, version, latest)
    if version == 0 and not create:
        raise DatabaseOpenError(location, NOT_WAYMARKS_YET)
    problem = schema_problem(version, await _tables(conn))
    if problem is not None:
        raise DatabaseOpenError(location, problem.replace("WAYMARK_DB_PATH (or --db)", "WAYMARK_DATABASE_URL"))
    while version < target:
        step = version + 1
        try:
            async with conn.transaction():
                await conn.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK)
                await conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version"
                    " (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)"
                )
                found = await _version(conn)  # another process may have migrated meanwhile
                if found > latest:
                    raise SchemaTooNewError(location, found, latest)
                if found < step:
                    log.info("migrating %s to schema version %d", location, step)
                    await conn.execute(STEPS[step - 1].postgres)
                    await conn.execute(
                        "INSERT INTO schema_version (id, version) VALUES (1, $1)"
                        " ON CONFLICT (id) DO UPDATE SET version = excluded.version",
                        step,
                    )
                    found = step
        except StoreError:
            raise
        except asyncpg.PostgresError as exc:
            raise MigrationError(f"migration of {location} to schema version {step} failed: {exc}") from exc
        version = found
    return version


def explain_postgres_error(exc: BaseException) -> str:
    """Say why a PostgreSQL database could not be opened, and what to do, in one line."""
    if isinstance(exc, asyncpg.InvalidCatalogNameError):
        return f"PostgreSQL says: {exc}; create it (`createdb NAME`), or check WAYMARK_DATABASE_URL (or --db)"
    if isinstance(exc, asyncpg.InvalidPasswordError | asyncpg.InvalidAuthorizationSpecificationError):
        return f"PostgreSQL refused the login ({exc}); check the user and password in WAYMARK_DATABASE_URL"
    if isinstance(exc, asyncpg.InsufficientPrivilegeError):
        return f"PostgreSQL refused ({exc}); grant this user the right to create tables in the database"
    if isinstance(exc, ConnectionRefusedError):
        return "no PostgreSQL server answers there (connection refused); start it, or check the host and port"
    if isinstance(exc, OSError):
        return f"no PostgreSQL server could be reached ({exc.strerror or exc}); check the host and port"
    if isinstance(exc, ValueError):
        return f"the URL cannot be used ({exc}); write it as postgresql://USER:PASSWORD@HOST:PORT/DATABASE"
    return f"PostgreSQL says: {exc}"
