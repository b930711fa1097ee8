"""Exceptions the persistence layer raises on purpose."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base class of every error the store raises on purpose."""


class StoreClosedError(StoreError):
    """The store was used after `Store.close()`."""


class DatabaseOpenError(StoreError):
    """The database file cannot be used as it is: `reason` says why and what to do, in one line."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"cannot open database {path}: {reason}")
        self.path = str(path)
        self.reason = reason


class SchemaTooNewError(DatabaseOpenError):
    """The database was written by a newer Waymark than this one."""

    def __init__(self, path: str | Path, found: int, known: int) -> None:
        super().__init__(
            path,
            f"it is at schema version {found}, but this version of Waymark only knows versions up to {known}; "
            "upgrade Waymark (or restore a backup made by this version) instead of opening it with older code",
        )
        self.found = found
        self.known = known


class BackupError(StoreError, ValueError):
    """A backup was refused or could not be written; the message says why and what to do, in one line."""


class MigrationError(StoreError):
    """A schema migration failed; the database is left at the last version that succeeded."""


class GroupNameTakenError(StoreError):
    """A study group of that name (compared case-insensitively) already exists in the guild."""

    def __init__(self, guild_id: int, name: str) -> None:
        super().__init__(f"a study group named {name!r} already exists in guild {guild_id}")
        self.guild_id = guild_id
        self.name = name


class GroupNotFoundError(StoreError, LookupError):
    """No study group has that id."""

    def __init__(self, group_id: int) -> None:
        super().__init__(f"no study group with id {group_id}")
        self.group_id = group_id


class ClaimLostError(StoreError):
    """A process went to send a reminder whose claim another process holds now (its own had lapsed)."""


NOT_WAYMARKS_YET = "it holds no Waymark tables yet (nothing was created): is it the bot's database?"
"""Why a database opened without `create` (`Store.open`) is refused when it is empty."""
