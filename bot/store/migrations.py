"""Forward-only schema migrations for both backends, from one list.

`STEPS[i]` takes a database from version `i` to version `i + 1`: its `sqlite` script for SQLite files (the
version is `PRAGMA user_version`), its `postgres` script for PostgreSQL (the version is the one row of
`schema_version`). Version 0 is an empty database. To change the schema, append a step with both scripts:
never edit one that has shipped, because databases in the wild already ran it. Each step runs in its own
transaction together with the version bump, so a failure leaves the database at the previous version.

SQLite scripts run with foreign-key enforcement off (SQLite ignores `PRAGMA foreign_keys` inside a
transaction), so the usual table-rebuild recipe works: `CREATE TABLE new_x ...; INSERT INTO new_x
SELECT ... FROM x; DROP TABLE x; ALTER TABLE new_x RENAME TO x;` then recreate x's indexes.
`PRAGMA foreign_key_check` runs before each commit and a violation aborts the migration.
Statements must end with `;`. Do not put BEGIN/COMMIT or `PRAGMA user_version` in a script.

Both backends store the same values: timestamps as fixed-width ISO-8601 UTC text, dates as text, booleans
as 0/1 integers, so rows copy between them unchanged (`bot.store.copy`). PostgreSQL gets BIGINT for ids
(Discord snowflakes need 64 bits) and an expression index for the case-insensitive group names.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass

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

# Check-ins (a learner's "I'm on it this week" for a role) and the index behind a group's ticks since a
# date: a member's ticks in one role are read by time, not scanned. Check-ins go with the learner.
_V5 = """
CREATE TABLE checkins (
    user_id    INTEGER NOT NULL REFERENCES learners (user_id) ON DELETE CASCADE,
    role       TEXT    NOT NULL CHECK (length(role) >= 1),
    checked_at TEXT    NOT NULL CHECK (length(checked_at) = 32 AND checked_at LIKE '%+00:00'),
    PRIMARY KEY (user_id, role, checked_at)
) WITHOUT ROWID;

CREATE INDEX checklist_progress_by_time ON checklist_progress (user_id, role, done_at);
"""

# Spaced review (`bot.domain.review`): one row per ticked item of a learner's path, with its Leitner box (1-4)
# and when it is due next (NULL: retired, it never comes back); `last_answer_at` is the last "Still got it" or
# "Review again" (NULL: not answered yet). Unticking an item deletes its row. `review_settings` holds a
# learner's choice to turn reviews off (no row: on). Both go with the learner.
_V6 = """
CREATE TABLE reviews (
    user_id        INTEGER NOT NULL REFERENCES learners (user_id) ON DELETE CASCADE,
    role           TEXT    NOT NULL CHECK (length(role) >= 1),
    item_id        TEXT    NOT NULL CHECK (length(item_id) >= 1),
    box            INTEGER NOT NULL CHECK (box BETWEEN 1 AND 4),
    due_at         TEXT    CHECK (due_at IS NULL OR (length(due_at) = 32 AND due_at LIKE '%+00:00')),
    last_answer_at TEXT    CHECK (last_answer_at IS NULL
                                  OR (length(last_answer_at) = 32 AND last_answer_at LIKE '%+00:00')),
    PRIMARY KEY (user_id, role, item_id)
) WITHOUT ROWID;

CREATE TABLE review_settings (
    user_id    INTEGER PRIMARY KEY REFERENCES learners (user_id) ON DELETE CASCADE,
    enabled    INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    updated_at TEXT    NOT NULL CHECK (length(updated_at) = 32 AND updated_at LIKE '%+00:00')
);
"""

# Several processes share the reminders of one database (PostgreSQL): a due target is claimed before it is
# sent. `claimed_by` names the process (as a lease's holder) and `claim_until` when its claim lapses, after
# which any process may claim the target again; both are cleared whenever the plan moves. `rate_slots` spaces
# the requests of every process out under Discord's global limit: `next_at` is the next free instant (seconds
# since the epoch, by the database's clock) of the limit called `name`.
_V7 = """
ALTER TABLE reminder_plan ADD COLUMN claimed_by TEXT CHECK (claimed_by IS NULL OR length(claimed_by) BETWEEN 1 AND 300);
ALTER TABLE reminder_plan ADD COLUMN claim_until TEXT CHECK (claim_until IS NULL OR length(claim_until) = 32);

CREATE TABLE rate_slots (
    name    TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
    next_at REAL NOT NULL
) WITHOUT ROWID;
"""

# The language the bot writes to a learner in when no interaction says it (their weekly reminder): the language
# of their latest command or click, as `bot.i18n` names it ("en", "de"); and a study group's, for its posts: its
# server's language, or its creator's. Rows from before are English, as everything was then.
_V8 = """
ALTER TABLE learners ADD COLUMN locale TEXT NOT NULL DEFAULT 'en' CHECK (length(locale) BETWEEN 2 AND 10);
ALTER TABLE study_groups ADD COLUMN locale TEXT NOT NULL DEFAULT 'en' CHECK (length(locale) BETWEEN 2 AND 10);
"""

# PostgreSQL: the same tables, columns, keys and indexes as the SQLite scripts above, version by version.
_PG_V1 = """
CREATE TABLE learners (
    user_id          BIGINT  PRIMARY KEY,
    timezone         TEXT    NOT NULL DEFAULT 'UTC',
    progress_visible INTEGER NOT NULL DEFAULT 0 CHECK (progress_visible IN (0, 1)),
    dm_undeliverable INTEGER NOT NULL DEFAULT 0 CHECK (dm_undeliverable IN (0, 1)),
    created_at       TEXT    NOT NULL
);

CREATE TABLE enrollments (
    user_id    BIGINT  NOT NULL REFERENCES learners (user_id) ON DELETE CASCADE,
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

CREATE TABLE checklist_progress (
    user_id BIGINT NOT NULL REFERENCES learners (user_id) ON DELETE CASCADE,
    role    TEXT   NOT NULL,
    item_id TEXT   NOT NULL,
    done_at TEXT   NOT NULL,
    proof   TEXT,
    PRIMARY KEY (user_id, role, item_id)
);

CREATE INDEX checklist_progress_by_item ON checklist_progress (role, item_id);

CREATE TABLE reminder_settings (
    user_id      BIGINT  PRIMARY KEY REFERENCES learners (user_id) ON DELETE CASCADE,
    enabled      INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    local_time   TEXT    NOT NULL CHECK (local_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
    timezone     TEXT,
    paused_until TEXT,
    updated_at   TEXT    NOT NULL
);

CREATE TABLE study_groups (
    id         BIGINT  GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    guild_id   BIGINT  NOT NULL,
    name       TEXT    NOT NULL,
    role       TEXT    NOT NULL,
    channel_id BIGINT  NOT NULL,
    weekday    INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    local_time TEXT    NOT NULL CHECK (local_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
    timezone   TEXT    NOT NULL,
    paused     INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
    created_by BIGINT,
    created_at TEXT    NOT NULL
);

CREATE UNIQUE INDEX study_groups_by_name ON study_groups (guild_id, lower(name));

CREATE TABLE group_members (
    group_id  BIGINT NOT NULL REFERENCES study_groups (id) ON DELETE CASCADE,
    user_id   BIGINT NOT NULL REFERENCES learners (user_id) ON DELETE CASCADE,
    joined_at TEXT   NOT NULL,
    PRIMARY KEY (group_id, user_id)
);

CREATE INDEX group_members_by_user ON group_members (user_id);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

_PG_V2 = """
CREATE TABLE reminder_plan (
    target_kind TEXT   NOT NULL CHECK (target_kind IN ('user', 'group')),
    target_id   BIGINT NOT NULL,
    next_due    TEXT   NOT NULL CHECK (length(next_due) = 32 AND next_due LIKE '%+00:00'),
    PRIMARY KEY (target_kind, target_id)
);

CREATE INDEX reminder_plan_by_due ON reminder_plan (next_due, target_kind, target_id);

CREATE TABLE deliveries (
    target_kind TEXT    NOT NULL CHECK (target_kind IN ('user', 'group')),
    target_id   BIGINT  NOT NULL,
    slot        TEXT    NOT NULL CHECK (length(slot) BETWEEN 1 AND 64),
    nonce       TEXT    NOT NULL CHECK (length(nonce) BETWEEN 1 AND 25),
    state       TEXT    NOT NULL CHECK (state IN ('sending', 'sent', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 1),
    error       TEXT,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    PRIMARY KEY (target_kind, target_id, slot)
);

CREATE INDEX deliveries_in_flight ON deliveries (updated_at) WHERE state = 'sending';
"""

_PG_V3 = """
CREATE TABLE leases (
    name         TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
    holder       TEXT NOT NULL CHECK (length(holder) BETWEEN 1 AND 300),
    acquired_at  TEXT NOT NULL,
    heartbeat_at TEXT NOT NULL,
    expires_at   TEXT NOT NULL CHECK (expires_at >= heartbeat_at)
);
"""

_PG_V4 = """
ALTER TABLE enrollments ADD COLUMN behind_slot TEXT CHECK (behind_slot IS NULL OR length(behind_slot) BETWEEN 1 AND 64);
"""

_PG_V5 = """
CREATE TABLE checkins (
    user_id    BIGINT NOT NULL REFERENCES learners (user_id) ON DELETE CASCADE,
    role       TEXT   NOT NULL CHECK (length(role) >= 1),
    checked_at TEXT   NOT NULL CHECK (length(checked_at) = 32 AND checked_at LIKE '%+00:00'),
    PRIMARY KEY (user_id, role, checked_at)
);

CREATE INDEX checklist_progress_by_time ON checklist_progress (user_id, role, done_at);
"""

_PG_V6 = """
CREATE TABLE reviews (
    user_id        BIGINT  NOT NULL REFERENCES learners (user_id) ON DELETE CASCADE,
    role           TEXT    NOT NULL CHECK (length(role) >= 1),
    item_id        TEXT    NOT NULL CHECK (length(item_id) >= 1),
    box            INTEGER NOT NULL CHECK (box BETWEEN 1 AND 4),
    due_at         TEXT    CHECK (due_at IS NULL OR (length(due_at) = 32 AND due_at LIKE '%+00:00')),
    last_answer_at TEXT    CHECK (last_answer_at IS NULL
                                  OR (length(last_answer_at) = 32 AND last_answer_at LIKE '%+00:00')),
    PRIMARY KEY (user_id, role, item_id)
);

CREATE TABLE review_settings (
    user_id    BIGINT  PRIMARY KEY REFERENCES learners (user_id) ON DELETE CASCADE,
    enabled    INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    updated_at TEXT    NOT NULL CHECK (length(updated_at) = 32 AND updated_at LIKE '%+00:00')
);
"""

_PG_V7 = """
ALTER TABLE reminder_plan ADD COLUMN claimed_by TEXT CHECK (claimed_by IS NULL OR length(claimed_by) BETWEEN 1 AND 300);
ALTER TABLE reminder_plan ADD COLUMN claim_until TEXT CHECK (claim_until IS NULL OR length(claim_until) = 32);

CREATE TABLE rate_slots (
    name    TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
    next_at DOUBLE PRECISION NOT NULL
);
"""

_PG_V8 = """
ALTER TABLE learners ADD COLUMN locale TEXT NOT NULL DEFAULT 'en' CHECK (length(locale) BETWEEN 2 AND 10);
ALTER TABLE study_groups ADD COLUMN locale TEXT NOT NULL DEFAULT 'en' CHECK (length(locale) BETWEEN 2 AND 10);
"""


@dataclass(frozen=True, slots=True)
class Step:
    """One schema version: the script that makes it on SQLite and the one on PostgreSQL."""

    sqlite: str
    postgres: str


STEPS: tuple[Step, ...] = (
    Step(_V1, _PG_V1),
    Step(_V2, _PG_V2),
    Step(_V3, _PG_V3),
    Step(_V4, _PG_V4),
    Step(_V5, _PG_V5),
    Step(_V6, _PG_V6),
    Step(_V7, _PG_V7),
    Step(_V8, _PG_V8),
)
"""Schema steps in order; the step at index i produces version i + 1."""

MIGRATIONS: tuple[str, ...] = tuple(step.sqlite for step in STEPS)
"""The SQLite scripts of `STEPS`, in order (what makes a SQLite file of each version)."""

LATEST_VERSION = len(STEPS)


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


def get_version(db: sqlite3.Connection) -> int:
    """Return a SQLite database's `user_version`."""
    row = db.execute("PRAGMA user_version").fetchone()
    return int(row[0]) if row else 0


def migrate(db: sqlite3.Connection, *, target: int | None = None, path: str = "?") -> int:
    """Bring a SQLite database up to `target` (default: latest) and return the resulting version.

    `db` must be in autocommit mode (`isolation_level=None`). Raises SchemaTooNewError when the
    database is newer than the code, MigrationError when a script fails.
    """
    latest = len(STEPS)
    target = latest if target is None else target
    if not 0 <= target <= latest:
        raise ValueError(f"target version must be between 0 and {latest}, got {target}")
    current = get_version(db)
    if current > latest:
        raise SchemaTooNewError(path, current, latest)
    if current >= target:
        return current
    # foreign_keys cannot change inside a transaction, so switch it off around the whole run.
    row = db.execute("PRAGMA foreign_keys").fetchone()
    fk_was_on = bool(row and row[0])
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        while current < target:
            current = _apply_one(db, current + 1, path)
    finally:
        if fk_was_on:
            db.execute("PRAGMA foreign_keys = ON")
    return current


def _apply_one(db: sqlite3.Connection, version: int, path: str) -> int:
    """Apply the SQLite script producing `version` in one transaction; return the version now on disk."""
    latest = len(STEPS)
    db.execute("BEGIN IMMEDIATE")
    try:
        # Re-read under the write lock: another process may have migrated meanwhile.
        found = get_version(db)
        if found > latest:
            raise SchemaTooNewError(path, found, latest)
        if found >= version:
            db.rollback()
            return found
        log.info("migrating %s to schema version %d", path, version)
        for statement in split_statements(STEPS[version - 1].sqlite):
            db.execute(statement)
        violations = db.execute("PRAGMA foreign_key_check").fetchall()
        if violations:
            raise MigrationError(
                f"migration to version {version} leaves foreign-key violations: {list(map(tuple, violations))}"
            )
        db.execute(f"PRAGMA user_version = {int(version)}")
        db.commit()
    except BaseException as exc:
        db.rollback()
        if isinstance(exc, StoreError) or not isinstance(exc, Exception):
            raise
        raise MigrationError(f"migration of {path} to schema version {version} failed: {exc}") from exc
    return version
