"""SQLite behind the store: a writer connection in its own thread, and a reader in the event loop's.

Every write unit (`bot.store.sql`) is handed to the writer's thread (`bot.store.worker`) in one call and runs
there from its first statement to its commit: one hand-off from the event loop per unit, however many
statements, and no other unit can interleave (the thread runs one at a time, in the order they were handed
over). It runs in one `BEGIN IMMEDIATE` transaction; with WAL and `synchronous=FULL`, an acknowledged write
survives a crash, and the commit's fsync happens off the event loop. A unit whose task is cancelled before
the thread picks it up never runs; once picked up, it runs to its end (commit or rollback).

A read unit that looks rows up by key (the commands' reads: tens of microseconds) runs right in the event
loop on a second connection: under WAL it reads the last committed state without waiting for the writer,
and costs no thread hand-off. Reads that may touch many rows (`many_rows`, such as counts over a whole role)
and snapshot reads run in the writer's thread instead, so they never hold up the loop. Should the reader
find the file busy (a checkpoint or a recovery by another process), the unit runs in the thread too.

Statistics: the query planner needs `sqlite_stat1`, which SQLite never writes by itself. Opening a file
without it runs `ANALYZE` (sampled: `analysis_limit`, so it takes milliseconds on a big file); an hour
after the last one, the next write runs `PRAGMA optimize`, which re-analyzes tables that grew; closing
runs it too. The hot queries are also written so that their plan does not depend on statistics (see
`tests/store/test_store_plans.py`).
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from time import monotonic
from typing import Any, TypeVar

from bot.store.backup import copy_database
from bot.store.checks import check_opened, explain_sqlite_error, prepare_path
from bot.store.errors import NOT_WAYMARKS_YET, DatabaseOpenError, StoreClosedError
from bot.store.migrations import get_version, migrate
from bot.store.sql import Dialect, ForeignKeyViolationError, Op, UniqueViolationError, Work, drive, text_of
from bot.store.worker import WorkerThread

log = logging.getLogger(__name__)

T = TypeVar("T")

BUSY_TIMEOUT_MS = 5000
READER_BUSY_TIMEOUT_MS = 20
"""How long a read in the event loop may wait on a lock before it goes to the writer's thread instead."""
ANALYSIS_LIMIT = 1000
"""Rows ANALYZE samples per index: enough for the planner, and fast on any size of file."""
OPTIMIZE_INTERVAL_S = 3600.0
STATISTICS_TABLES = ("learners", "enrollments", "checklist_progress")


class SqliteDatabase:
    """One SQLite file: a connection in its own thread; create it with `await SqliteDatabase.open(path)`."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        reader: sqlite3.Connection,
        path: Path,
        worker: WorkerThread,
    ) -> None:
        """Wrap a configured and migrated writer owned by `worker`'s thread, and a reader; use `open`."""
        self._conn = conn
        self._reader = reader
        self._path = path
        self._worker = worker
        self._closed = False
        self._next_optimize = monotonic() + OPTIMIZE_INTERVAL_S

    @classmethod
    async def open(cls, path: Path, *, create: bool = True) -> SqliteDatabase:
        """Open (creating if needed), check and migrate the database file at `path`.

        A file that cannot be used raises DatabaseOpenError (SchemaTooNewError for a newer Waymark's) whose
        message says why and what to do: a folder, not a database, damaged (`PRAGMA quick_check`), not
        Waymark's, or not writable (or, without `create`, not there or holding no Waymark tables yet). Nothing on
        disk changes before these checks pass.
        """
        worker = WorkerThread("waymark-sqlite")
        try:
            conn, version, analyzed = await worker.call(_open_connection, path, create)
        except BaseException:
            worker.stop()
            raise
        try:
            reader = _open_reader(path)
        except BaseException:
            await worker.call(conn.close)
            worker.stop()
            raise
        log.info(
            "opened store %s at schema version %d%s", path, version, " (statistics were missing: analyzed)" * analyzed
        )
        return cls(conn, reader, path, worker)

    @property
    def dialect(self) -> Dialect:
        """SQLite's."""
        return "sqlite"

    @property
    def path(self) -> Path:
        """The database file."""
        return self._path

    @property
    def location(self) -> str:
        """The database file's path."""
        return str(self._path)

    @property
    def closed(self) -> bool:
        """Whether `close()` was called."""
        return self._closed

    async def read(self, fn: Callable[..., Work[T]], *args: Any, snapshot: bool = False, many_rows: bool = False) -> T:
        """Run `fn(*args)` on the reader, in the event loop; with `snapshot` (inside one read transaction) or
        `many_rows`, in the writer's thread.
        """
        self._check_open()
        if not snapshot and not many_rows:
            try:
                return drive(fn(*args), self._read_now, _translate)
            except sqlite3.OperationalError as exc:
                if getattr(exc, "sqlite_errorname", "") not in ("SQLITE_BUSY", "SQLITE_LOCKED"):
                    raise
                log.debug("reader busy on %s: reading in the writer's thread", self._path)
        return await self._call(self._run_read, fn, args, snapshot)

    async def write(self, fn: Callable[..., Work[T]], *args: Any, read_committed: bool = False) -> T:
        """Run `fn(*args)` in the connection's thread, in one IMMEDIATE transaction committed at its end.

        `read_committed` changes nothing here: SQLite runs one write at a time.
        """
        self._check_open()
        return await self._worker.call(self._run_write, fn, args)

    async def schema_version(self) -> int:
        """Return the file's `user_version`."""
        return await self._call(get_version, self._conn)

    async def close(self) -> None:
        """Let the units already handed over finish, then optimize and close the connection (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self._reader.close()
        try:
            await self._worker.call(self._close_connection)
        except BaseException:
            self._worker.stop()
            raise
        await self._worker.shutdown()
        log.info("closed store %s", self._path)

    async def backup(self, dest: Path) -> Path:
        """Write a consistent copy of the file to `dest` (replaced atomically) and return it.

        SQLite's online backup API, from a second connection in another thread: under WAL it reads one
        snapshot without blocking this connection's writes.
        """
        self._check_open()
        await asyncio.to_thread(copy_database, self._path, dest, replace=True)
        log.info("backed up %s to %s", self._path, dest)
        return dest

    # ------------------------------------------------------------------ in the connection's thread

    def _check_open(self) -> None:
        if self._closed:
            raise StoreClosedError(f"store {self._path} is closed")

    async def _call(self, fn: Callable[..., T], *args: Any) -> T:
        self._check_open()
        return await self._worker.call(fn, *args)

    def _execute(self, op: Op) -> Any:
        return _execute(self._conn, op)

    def _read_now(self, op: Op) -> Any:
        return _execute(self._reader, op)

    def _run_read(self, fn: Callable[..., Work[T]], args: tuple[Any, ...], snapshot: bool) -> T:
        if not snapshot:
            return drive(fn(*args), self._execute, _translate)
        self._conn.execute("BEGIN")
        try:
            return drive(fn(*args), self._execute, _translate)
        finally:
            _rollback(self._conn)

    def _run_write(self, fn: Callable[..., Work[T]], args: tuple[Any, ...]) -> T:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = drive(fn(*args), self._execute, _translate)
            conn.execute("COMMIT")
        except BaseException:
            _rollback(conn)
            raise
        if monotonic() >= self._next_optimize:
            self._next_optimize = monotonic() + OPTIMIZE_INTERVAL_S
            _optimize(conn, self._path)
        return result

    def _close_connection(self) -> None:
        _optimize(self._conn, self._path)
        self._conn.close()


def _execute(conn: sqlite3.Connection, op: Op) -> Any:
    """Run one statement of a unit of work on `conn` and return what its kind asks for."""
    if op.kind == "many":
        conn.executemany(text_of(op.statement, "sqlite"), op.params)
        return None
    cursor = conn.execute(text_of(op.statement, "sqlite"), op.params)
    if op.kind == "one":
        return cursor.fetchone()
    if op.kind == "rows":
        return cursor.fetchall()
    return cursor.rowcount


def _open_reader(path: Path) -> sqlite3.Connection:
    """Open the read connection the event loop uses (the file is already checked, migrated and in WAL)."""
    reader = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        reader.row_factory = sqlite3.Row
        reader.execute(f"PRAGMA busy_timeout = {READER_BUSY_TIMEOUT_MS}")
        reader.execute("PRAGMA query_only = ON")
        reader.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as exc:
        reader.close()
        raise DatabaseOpenError(path, explain_sqlite_error(path, exc)) from exc
    return reader


def _open_connection(path: Path, create: bool = True) -> tuple[sqlite3.Connection, int, bool]:
    """Connect, check, configure, migrate and analyze (in the connection's thread)."""
    if not create and not path.is_file():
        raise DatabaseOpenError(path, "there is no such file (nothing was created)")
    prepare_path(path)
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise DatabaseOpenError(path, explain_sqlite_error(path, exc)) from exc
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Check before changing anything persistent (such as the journal mode).
        check_opened(conn, path)
        if not create and get_version(conn) == 0:
            raise DatabaseOpenError(path, NOT_WAYMARKS_YET)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            log.warning("could not switch %s to WAL (journal_mode is %s)", path, mode)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
        version = migrate(conn, path=str(path))
        if not conn.execute("PRAGMA foreign_keys").fetchone()[0]:
            raise RuntimeError("SQLite refused to enable foreign keys")
        analyzed = statistics_missing(conn)
        if analyzed:
            conn.execute("ANALYZE")
    except sqlite3.Error as exc:
        conn.close()
        raise DatabaseOpenError(path, explain_sqlite_error(path, exc)) from exc
    except BaseException:
        conn.close()
        raise
    return conn, version, analyzed


def statistics_missing(conn: sqlite3.Connection) -> bool:
    """Return whether the planner lacks statistics for one of the big tables (`sqlite_stat1`)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'").fetchone() is None:
        return True
    found = {row[0] for row in conn.execute("SELECT DISTINCT tbl FROM sqlite_stat1")}
    return not set(STATISTICS_TABLES) <= found


def _optimize(conn: sqlite3.Connection, path: Path) -> None:
    try:
        conn.execute("PRAGMA optimize")
    except sqlite3.Error:
        log.exception("PRAGMA optimize failed on %s", path)


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back whatever transaction is open, if any."""
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except sqlite3.Error:
        log.exception("rollback failed")


def _translate(exc: BaseException) -> BaseException | None:
    """Map SQLite's constraint errors to the store's, for a unit of work to handle; None for any other."""
    if isinstance(exc, sqlite3.IntegrityError):
        text = str(exc)
        if text.startswith("UNIQUE") or "PRIMARY KEY" in text:
            return UniqueViolationError(text)
        if "FOREIGN KEY" in text:
            return ForeignKeyViolationError(text)
    return None
