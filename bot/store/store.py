"""The `Store`: every read and write of Waymark's database goes through it.

A `Store` is composed of one repository per concern (`bot.store.learners`, `.enrollments`, `.reminders`,
`.groups`, `.reviews`, `.user_data`, `.meta`), each typed by a protocol in `bot.store.protocols`, over one database
object (`bot.store.database`): a SQLite file (the default) or PostgreSQL (a `postgresql://` URL). Every
method is one unit of work: a read, or one write transaction committed before it returns.

The store knows nothing of Discord or of the content: users, guilds and channels are int
snowflakes, roles and paces are slug strings, checklist items are opaque string ids.
"""

from __future__ import annotations

import logging
from pathlib import Path
from types import TracebackType
from typing import Self

from bot.store.database import Database, open_database
from bot.store.enrollments import EnrollmentRepository
from bot.store.errors import BackupError
from bot.store.groups import GroupRepository
from bot.store.learners import LearnerRepository
from bot.store.meta import MetaRepository
from bot.store.reminders import ReminderRepository
from bot.store.repository import PlansListener
from bot.store.reviews import ReviewRepository
from bot.store.user_data import UserDataRepository

log = logging.getLogger(__name__)


class Store(
    LearnerRepository,
    EnrollmentRepository,
    ReminderRepository,
    GroupRepository,
    ReviewRepository,
    UserDataRepository,
    MetaRepository,
):
    """Waymark's persistence layer; create it with `await Store.open(path_or_url)`."""

    def __init__(self, db: Database) -> None:
        """Wrap an opened and migrated database; use `Store.open` instead."""
        self._db = db
        self._plan_listeners: list[PlansListener] = []
        self._locales: dict[int, tuple[str, float]] = {}

    @classmethod
    async def open(cls, target: str | Path, *, create: bool = True) -> Store:
        """Open (creating and migrating if needed) the database `target` names: a SQLite file's path, or a
        `postgresql://` URL.

        A database that cannot be used raises DatabaseOpenError (SchemaTooNewError for a newer Waymark's)
        whose message says why and what to do. Nothing changes before these checks pass. Without `create`, a
        database that holds no Waymark tables yet is refused, not made one (a command that only reads).
        """
        return cls(await open_database(target, create=create))

    async def close(self) -> None:
        """Wait for the running operations, then close the database (idempotent)."""
        self._plan_listeners.clear()
        await self._db.close()

    async def __aenter__(self) -> Self:
        """Return the already opened store, for `async with await Store.open(path) as store:`."""
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Close the store."""
        await self.close()

    @property
    def database(self) -> Database:
        """The database object the repositories share."""
        return self._db

    @property
    def location(self) -> str:
        """The SQLite file's path, or the PostgreSQL URL without its password: for messages."""
        return self._db.location

    @property
    def path(self) -> Path:
        """The SQLite database file (a PostgreSQL store has none: see `location`)."""
        path = getattr(self._db, "path", None)
        if not isinstance(path, Path):
            raise AttributeError(f"{self._db.location} is not a file: it has a location, no path")
        return path

    async def schema_version(self) -> int:
        """Return the database's schema version."""
        return await self._db.schema_version()

    async def backup(self, dest_path: str | Path) -> Path:
        """Write a consistent copy of a SQLite database to `dest_path` (replaced atomically) and return it.

        PostgreSQL is backed up with its own tools (`pg_dump`): this raises BackupError saying so.
        """
        backup = getattr(self._db, "backup", None)
        if backup is None:
            raise BackupError(pg_dump_advice(self._db.location))
        return await backup(Path(dest_path))


def pg_dump_advice(location: str) -> str:
    """Say how to back up a PostgreSQL database (Waymark copies only SQLite files)."""
    return (
        f"{location} is a PostgreSQL database: back it up with PostgreSQL's own tools, e.g. "
        f"`pg_dump --format=custom --file=waymark.dump '{location}'` (restore with pg_restore), "
        "or copy it into a SQLite file with `waymark db copy`"
    )
