"""Forward-only schema migrations, tracked with `PRAGMA user_version`.

`MIGRATIONS[i]` is the SQL script that takes a database from version `i` to version `i + 1`;
version 0 is an empty file. To change the schema, append a script: never edit one that has shipped,
because databases in the wild already ran it. Each script runs in its own transaction together with
the `user_version` bump, so a failure leaves the database at the previous version.

Scripts run with foreign-key enforcement off (SQLite ignores `PRAGMA foreign_keys` inside a
transaction), so the usual table-rebuild recipe works: `CREATE TABLE new_x ...; INSERT INTO new_x
SELECT ... FROM x; DROP TABLE x; ALTER TABLE new_x RENAME TO x;` then recreate x's indexes.
`PRAGMA foreign_key_check` runs before each commit and a violation aborts the migration.
Statements must end with `;`. Do not put BEGIN/COMMIT or `PRAGMA user_version` in a script.
"""

from __future__ import annotations

import logging
import sqlite3

import aiosqlite

from bot.store.errors import MigrationError, SchemaTooNewError, StoreError

log = logging.getLogger(__name__)

# Timestamps are ISO-8601 UTC text with microseconds (fixed width, so they sort as text);
# dates are ISO `YYYY-MM-DD`; booleans are 0/1; user, guild and channel ids are Discord snowflakes.
_V1 = """
CREATE TABLE learners (
    user_id          INTEGER PRIMARY KEY,
    timezone         TEXT    NOT NULL DEFAULT 'UTC',
    progress_visible INTEGER NOT NULL DEFAULT 0 CHECK (progress_visible IN (0, 1)),
    dm_undeliverable INTEGER NOT NULL DEFAULT 0 CHECK (dm_undeliverable IN (0, 1)),
    created_at       TEXT    NOT NULL
);

CREATE TABLE enrollments (
    user_id    INTEGER NOT NULL REFERENCES learners (user_id) ON DELETE CASCADE,
    role       TEXT    NOT NULL,
    pace       TEXT,
    start_date TEXT    NOT NULL,
    status     TEXT    NOT NULL DEFAULT 'active'
                       CHECK (status IN ('active', 'stopped', 'completed')),
    week_shift INTEGER NOT NULL DEFAULT 0 CHECK (week_shift >= 0),
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE INDEX enrollments_by_status ON enrollments (status, role);

-- Deliberately no foreign key to enrollments: progress outlives a stopped enrollment, and items
-- whose id vanished from the content are kept (orphaned) rather than dropped.
CREATE TABLE checklist_progress (
    user_id INTEGER NOT NULL REFERENCES learners (user_id) ON DELETE CASCADE,
    role    TEXT    NOT NULL,
    item_id TEXT    NOT NULL,
    done_at TEXT    NOT NULL,
    proof   TEXT,
    PRIMARY KEY (user_id, role, item_id)
);

CREATE INDEX checklist_progress_by_item ON checklist_progress (role, item_id);

CREATE TABLE reminder_settings (
    user_id      INTEGER PRIMARY KEY REFERENCES learners (user_id) ON DELETE CASCADE,
    enabled      INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    local_time   TEXT    NOT NULL CHECK (local_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    timezone     TEXT,
    paused_until TEXT,
    updated_at   TEXT    NOT NULL
);

-- AUTOINCREMENT: a deleted group's id is never reused, so a stale button or message that names
-- a group id cannot act on a different group.
CREATE TABLE study_groups (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id   INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    role       TEXT    NOT NULL,
    channel_id INTEGER NOT NULL,
    weekday    INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    local_time TEXT    NOT NULL CHECK (local_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    timezone   TEXT    NOT NULL,
    paused     INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
    created_by INTEGER,
    created_at TEXT    NOT NULL,
    UNIQUE (guild_id, name COLLATE NOCASE)
);

CREATE TABLE group_members (
    group_id  INTEGER NOT NULL REFERENCES study_groups (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES learners (user_id) ON DELETE CASCADE,
    joined_at TEXT    NOT NULL,
    PRIMARY KEY (group_id, user_id)
);

CREATE INDEX group_members_by_user ON group_members (user_id);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

# Weekly reminders. `reminder_plan` holds each target's next due time, only for targets that
# currently get reminders; the scheduler reads the earliest rows through `reminder_plan_by_due`
# (WITHOUT ROWID: that index's entries carry the primary key, so due-target reads never touch the
# table). `deliveries` is the idempotency log, one row per (target, slot). Targets are either
# learners or study groups, so there is no foreign key: the store deletes these rows itself
# together with the learner or the group.
_V2 = """
CREATE TABLE reminder_plan (
    target_kind TEXT    NOT NULL CHECK (target_kind IN ('user', 'group')),
    target_id   INTEGER NOT NULL,
    next_due    TEXT    NOT NULL CHECK (length(next_due) = 32 AND next_due LIKE '%+00:00'),
    PRIMARY KEY (target_kind, target_id)
) WITHOUT ROWID;

CREATE INDEX reminder_plan_by_due ON reminder_plan (next_due);

CREATE TABLE deliveries (
    target_kind TEXT    NOT NULL CHECK (target_kind IN ('user', 'group')),
    target_id   INTEGER NOT NULL,
    slot        TEXT    NOT NULL CHECK (length(slot) BETWEEN 1 AND 64),
    nonce       TEXT    NOT NULL CHECK (length(nonce) BETWEEN 1 AND 25),
    state       TEXT    NOT NULL CHECK (state IN ('sending', 'sent', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 1),
    error       TEXT,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    PRIMARY KEY (target_kind, target_id, slot)
) WITHOUT ROWID;

-- Only the few in-flight rows, for recovery after a crash.
CREATE INDEX deliveries_in_flight ON deliveries (updated_at) WHERE state = 'sending';
"""

# One row per named lease: the process that holds it (`holder`: host, pid and a random part), when it took
# it, its last heartbeat and when the lease lapses unless renewed. `reminder-sender` makes one process per
# database the one that sends reminders; a lapsed lease may be taken over by another process.
_V3 = """
CREATE TABLE leases (
    name         TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
    holder       TEXT NOT NULL CHECK (length(holder) BETWEEN 1 AND 300),
    acquired_at  TEXT NOT NULL,
    heartbeat_at TEXT NOT NULL,
    expires_at   TEXT NOT NULL CHECK (expires_at >= heartbeat_at)
) WITHOUT ROWID;
"""

# "I'm behind" moves a plan back at most once a week: `behind_slot` is the weekly reminder slot
# ("2026-W48", as in `deliveries.slot`) whose button last moved it.
_V4 = """
ALTER TABLE enrollments ADD COLUMN behind_slot TEXT CHECK (behind_slot IS NULL OR length(behind_slot) BETWEEN 1 AND 64);
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4)
"""Schema scripts in order; the script at index i produces version i + 1."""

LATEST_VERSION = len(MIGRATIONS)


def split_statements(script: str) -> list[str]:
    """Split an SQL script into complete statements (trigger bodies stay whole)."""
    statements: list[str] = []
    start = 0
    for pos, char in enumerate(script):
        if char == ";" and sqlite3.complete_statement(script[start : pos + 1]):
            statements.append(script[start : pos + 1].strip())
            start = pos + 1
    rest = script[start:]
    if _strip_comments(rest).strip():
        raise ValueError(f"SQL script ends with an unterminated statement: {rest.strip()[:80]!r}")
    return statements


def _strip_comments(sql: str) -> str:
    """Drop `--` line comments from a statement tail (good enough for a trailing fragment)."""
    return "\n".join(line.split("--", 1)[0] for line in sql.splitlines())


async def get_version(db: aiosqlite.Connection) -> int:
    """Return the database's `user_version`."""
    async with db.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def migrate(db: aiosqlite.Connection, *, target: int | None = None, path: str = "?") -> int:
    """Bring the database up to `target` (default: latest) and return the resulting version.

    `db` must be in autocommit mode (`isolation_level=None`). Raises SchemaTooNewError when the
    database is newer than the code, MigrationError when a script fails.
    """
    target = LATEST_VERSION if target is None else target
    if not 0 <= target <= LATEST_VERSION:
        raise ValueError(f"target version must be between 0 and {LATEST_VERSION}, got {target}")
    current = await get_version(db)
    if current > LATEST_VERSION:
        raise SchemaTooNewError(path, current, LATEST_VERSION)
    if current >= target:
        return current
    # foreign_keys cannot change inside a transaction, so switch it off around the whole run.
    async with db.execute("PRAGMA foreign_keys") as cursor:
        row = await cursor.fetchone()
    fk_was_on = bool(row and row[0])
    await db.execute("PRAGMA foreign_keys = OFF")
    try:
        while current < target:
            current = await _apply_one(db, current + 1, path)
    finally:
        if fk_was_on:
            await db.execute("PRAGMA foreign_keys = ON")
    return current


async def _apply_one(db: aiosqlite.Connection, version: int, path: str) -> int:
    """Apply the script producing `version` in one transaction; return the version now on disk."""
    await db.execute("BEGIN IMMEDIATE")
    try:
        # Re-read under the write lock: another process may have migrated meanwhile.
        found = await get_version(db)
        if found > LATEST_VERSION:
            raise SchemaTooNewError(path, found, LATEST_VERSION)
        if found >= version:
            await db.rollback()
            return found
        log.info("migrating %s to schema version %d", path, version)
        for statement in split_statements(MIGRATIONS[version - 1]):
            await db.execute(statement)
        async with db.execute("PRAGMA foreign_key_check") as cursor:
            violations = await cursor.fetchall()
        if violations:
            raise MigrationError(
                f"migration to version {version} leaves foreign-key violations: {list(map(tuple, violations))}"
            )
        await db.execute(f"PRAGMA user_version = {int(version)}")
        await db.commit()
    except BaseException as exc:
        await db.rollback()
        if isinstance(exc, StoreError) or not isinstance(exc, Exception):
            raise
        raise MigrationError(f"migration of {path} to schema version {version} failed: {exc}") from exc
    return version
