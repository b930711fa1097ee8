"""Copy every row of one Waymark database into another, empty one: SQLite into PostgreSQL and back.

Both are opened (and so migrated) to the current schema first; rows go across table by table, parents
first, in chunks read in primary-key order; then the row counts of every table are compared, and any
difference is an error. Leases are not copied: a lease names a process of the source database. The
study groups' id counter goes along, so an id that was ever used is never handed out again.

Copy from a database nothing writes to meanwhile (stop the bot first): chunks are read one after another.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.store.database import Database
from bot.store.errors import StoreError
from bot.store.sql import Sql, Work, in_list, many, one, run
from bot.store.sql import rows as all_rows

log = logging.getLogger(__name__)

CHUNK = 5000


class CopyError(StoreError):
    """A copy was refused or did not arrive whole; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Table:
    """A table to copy: its columns and its primary key (the order chunks are read in)."""

    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]


TABLES: tuple[Table, ...] = (
    Table(
        "learners",
        ("user_id", "timezone", "progress_visible", "dm_undeliverable", "created_at", "locale"),
        ("user_id",),
    ),
    Table(
        "study_groups",
        (
            "id",
            "guild_id",
            "name",
            "role",
            "channel_id",
            "weekday",
            "local_time",
            "timezone",
            "paused",
            "created_by",
            "created_at",
            "locale",
        ),
        ("id",),
    ),
    Table(
        "enrollments",
        ("user_id", "role", "pace", "start_date", "status", "week_shift", "created_at", "updated_at", "behind_slot"),
        ("user_id", "role"),
    ),
    Table("checklist_progress", ("user_id", "role", "item_id", "done_at", "proof"), ("user_id", "role", "item_id")),
    Table("checkins", ("user_id", "role", "checked_at"), ("user_id", "role", "checked_at")),
    Table("reviews", ("user_id", "role", "item_id", "box", "due_at", "last_answer_at"), ("user_id", "role", "item_id")),
    Table("review_settings", ("user_id", "enabled", "updated_at"), ("user_id",)),
    Table(
        "reminder_settings",
        ("user_id", "enabled", "weekday", "local_time", "timezone", "paused_until", "updated_at"),
        ("user_id",),
    ),
    Table("group_members", ("group_id", "user_id", "joined_at"), ("group_id", "user_id")),
    Table("meta", ("key", "value"), ("key",)),
    Table("reminder_plan", ("target_kind", "target_id", "next_due"), ("target_kind", "target_id")),
    Table(
        "deliveries",
        ("target_kind", "target_id", "slot", "nonce", "state", "attempts", "error", "created_at", "updated_at"),
        ("target_kind", "target_id", "slot"),
    ),
)

# The highest study group id ever handed out (deleted groups included).
_GROUP_COUNTER = Sql(
    "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'study_groups'), 0)",
    "SELECT COALESCE(pg_sequence_last_value(pg_get_serial_sequence('study_groups', 'id')::regclass), 0)",
)
_SET_GROUP_COUNTER = Sql(
    "INSERT INTO sqlite_sequence (name, seq) SELECT 'study_groups', ?"
    " WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'study_groups')",
    "SELECT setval(pg_get_serial_sequence('study_groups', 'id'), ?)",
)
_RAISE_GROUP_COUNTER = Sql(
    "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'study_groups'",
    "SELECT ?::bigint",  # setval above already did it
)


def _count(table: str) -> Work[int]:
    row = yield one(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 - a name from TABLES, not user input
    return int(row[0])


def _counts() -> Work[dict[str, int]]:
    counts = {}
    for table in TABLES:
        counts[table.name] = yield from _count(table.name)
    return counts


def _chunk(table: Table, after: tuple[Any, ...] | None, limit: int) -> Work[list[tuple[Any, ...]]]:
    columns = ", ".join(table.columns)
    key = ", ".join(table.key)
    where = "" if after is None else f" WHERE ({key}) > ({in_list(len(table.key))})"
    found = yield all_rows(
        f"SELECT {columns} FROM {table.name}{where} ORDER BY {key} LIMIT ?",  # noqa: S608 - names from TABLES
        *(after or ()),
        limit,
    )
    return [tuple(row[c] for c in table.columns) for row in found]


def _insert(table: Table, batch: list[tuple[Any, ...]]) -> Work[None]:
    columns = ", ".join(table.columns)
    yield many(
        f"INSERT INTO {table.name} ({columns}) VALUES ({in_list(len(table.columns))})",  # noqa: S608
        batch,
    )


def _group_counter() -> Work[int]:
    row = yield one(_GROUP_COUNTER)
    return int(row[0] or 0)


def _set_group_counter(value: int) -> Work[None]:
    if value <= 0:
        return
    yield one(_SET_GROUP_COUNTER, value)
    yield run(_RAISE_GROUP_COUNTER, value)


async def copy_rows(
    source: Database, dest: Database, *, chunk: int = CHUNK, report: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy every table of `source` into the empty `dest`; return the rows copied per table, checked by counts.

    Raises CopyError when `dest` already holds rows, or when the counts differ after the copy.
    """
    held = {name: n for name, n in (await dest.read(_counts)).items() if n}
    if held:
        shown = ", ".join(f"{name} ({n})" for name, n in held.items())
        raise CopyError(
            f"{dest.location} already holds rows: {shown}; copy into a new, empty database "
            "(a SQLite path that does not exist yet, or a freshly created PostgreSQL database)"
        )
    for table in TABLES:
        after: tuple[Any, ...] | None = None
        copied = 0
        while True:
            batch = await source.read(_chunk, table, after, chunk)
            if not batch:
                break
            await dest.write(_insert, table, batch)
            copied += len(batch)
            after = tuple(batch[-1][table.columns.index(c)] for c in table.key)
        if report is not None:
            report(table.name, copied)
    counter = await source.read(_group_counter)
    await dest.write(_set_group_counter, max(counter, await dest.read(_group_counter)))
    expected = await source.read(_counts)
    found = await dest.read(_counts)
    wrong = {name: (n, found.get(name)) for name, n in expected.items() if found.get(name) != n}
    if wrong:
        shown = ", ".join(f"{name}: {src} in the source, {dst} in the copy" for name, (src, dst) in wrong.items())
        raise CopyError(f"the copy is not whole ({shown}); was something writing to {source.location}? try again")
    log.info("copied %s into %s: %s", source.location, dest.location, found)
    return found
