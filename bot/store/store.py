"""The `Store`: every read and write of Waymark's SQLite database goes through it.

One aiosqlite connection serves the whole event loop. An `asyncio.Lock` is held around every
operation, so two command handlers never interleave inside a transaction (nor does one read
another's uncommitted writes). Each write method runs in a single `BEGIN IMMEDIATE` transaction and
commits before it returns; with WAL and `synchronous=FULL`, an acknowledged write survives a crash.

The store knows nothing of Discord or of the content: users, guilds and channels are int
snowflakes, roles and paces are slug strings, checklist items are opaque string ids.

Weekly reminders
----------------
`reminder_plan` holds, for each target (`'user'`: a learner's DM; `'group'`: a study group's
channel post) that currently gets reminders, its next due time in UTC. The scheduler is one loop:
clear `plans_changed`, read `earliest_due()`, sleep until then or until `plans_changed` is set,
then work through `due_targets(now)`. For each due target it computes the slot (e.g. `2026-W48`)
and follows the delivery protocol:

1. `d = begin_delivery(kind, id, slot, now)`. None: that slot was already sent; don't send, just
   move the plan on with `set_plan`/`clear_plan`.
2. Send the message with `nonce=d.nonce, enforce_nonce=True`.
3. On success `finish_delivery(..., next_due)`; on a definitive error `fail_delivery(..., error,
   next_due)` (or `mark_dm_undeliverable` / `pause_group_for_missing_channel`). Each records the
   outcome and advances the plan (None clears it) in one transaction.

Exact guarantee, for a `kill -9` (or power loss: WAL with synchronous=FULL) at any point:

* Before `begin_delivery` commits: no delivery row and the plan still says due, so after the
  restart the target is due again and the reminder is sent then. Sent once.
* After `begin_delivery` commits, before Discord received the message: the row stays 'sending' and
  the plan still says due; after the restart `begin_delivery` returns the same row (same nonce,
  `attempts + 1`) and it is sent. Sent once.
* After Discord received the message, before `finish_delivery` commits: likewise resent with the
  same nonce. Discord returns the original message instead of posting a new one if the resend
  comes within its nonce window (a few minutes after the first send): delivered once. A restart
  later than that window repeats exactly that message: the one reminder of that (target, slot)
  still 'sending' at the kill — one duplicate per such row (one per crash with one loop sending
  serially), never another slot's. `pending_deliveries()` lists those rows at start-up, and
  their `updated_at` (when the interrupted attempt began) tells the scheduler whether the window
  has passed; the store's default is to resend (at least once), not to drop.
* After `finish_delivery`/`fail_delivery` commits: the slot is 'sent'/'failed' and the plan points
  past it, atomically; `begin_delivery` returns None for a sent slot. Never repeated.

Nothing is ever skipped: the plan only moves past a slot in the same transaction that records
that slot as 'sent' or 'failed' (or by an explicit `set_plan`/`clear_plan`/pause/delete), and no
(target, slot) is ever recorded twice (it is the deliveries' primary key).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import sqlite3
import uuid
from collections.abc import AsyncIterator, Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import aiosqlite

from bot.store import codec
from bot.store.backup import copy_database
from bot.store.checks import check_opened, explain_sqlite_error, prepare_path
from bot.store.errors import DatabaseOpenError, GroupNameTakenError, GroupNotFoundError, StoreClosedError
from bot.store.migrations import LATEST_VERSION, get_version, migrate
from bot.store.models import (
    DELIVERY_STATES,
    ENROLLMENT_STATUSES,
    TARGET_KINDS,
    Delivery,
    DeliveryState,
    DueTarget,
    Enrollment,
    EnrollmentStatus,
    GroupMember,
    ItemProgress,
    Learner,
    Lease,
    ReminderSettings,
    StopResult,
    StudyGroup,
    TargetKind,
)

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
EXPORT_FORMAT = "waymark-user-export"
NONCE_LENGTH = 25  # Discord's maximum message nonce length
MAX_SLOT_LENGTH = 64
MAX_ERROR_LENGTH = 1000
DUE_TARGETS_LIMIT = 500

Params = Sequence[Any]

# Single-column enrollment updates; params: (value, updated_at, user_id, role, value).
_ENROLLMENT_UPDATES = {
    "status": "UPDATE enrollments SET status = ?, updated_at = ? WHERE user_id = ? AND role = ? AND status IS NOT ?",
    "pace": "UPDATE enrollments SET pace = ?, updated_at = ? WHERE user_id = ? AND role = ? AND pace IS NOT ?",
}

# Every table holding rows about a user, children before `learners`.
_DELETE_USER = (
    "DELETE FROM checklist_progress WHERE user_id = ?",
    "DELETE FROM enrollments WHERE user_id = ?",
    "DELETE FROM reminder_settings WHERE user_id = ?",
    "DELETE FROM group_members WHERE user_id = ?",
    "DELETE FROM reminder_plan WHERE target_kind = 'user' AND target_id = ?",
    "DELETE FROM deliveries WHERE target_kind = 'user' AND target_id = ?",
    "DELETE FROM learners WHERE user_id = ?",
)


class Store:
    """Waymark's persistence layer over one SQLite file; create it with `await Store.open(path)`."""

    def __init__(self, db: aiosqlite.Connection, path: Path) -> None:
        """Wrap an already configured and migrated connection; use `Store.open` instead."""
        self._db = db
        self._path = path
        self._lock = asyncio.Lock()
        self._closed = False
        self._plans_changed = asyncio.Event()

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    async def open(cls, path: str | Path) -> Store:
        """Open (creating if needed), check and migrate the database file at `path`.

        A file that cannot be used raises DatabaseOpenError (SchemaTooNewError for a newer Waymark's) whose
        message says why and what to do: a folder, not a database, damaged (`PRAGMA quick_check`), not
        Waymark's, or not writable. Nothing on disk changes before these checks pass.
        """
        path = Path(path)
        prepare_path(path)
        try:
            db = await aiosqlite.connect(path, isolation_level=None)
        except sqlite3.Error as exc:
            raise DatabaseOpenError(path, explain_sqlite_error(path, exc)) from exc
        try:
            db.row_factory = sqlite3.Row
            await db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # Check before changing anything persistent (such as the journal mode).
            await check_opened(db, path)
            mode = await _pragma(db, "PRAGMA journal_mode = WAL")
            if str(mode).lower() != "wal":
                log.warning("could not switch %s to WAL (journal_mode is %s)", path, mode)
            await db.execute("PRAGMA synchronous = FULL")
            await db.execute("PRAGMA foreign_keys = ON")
            version = await migrate(db, path=str(path))
            if not await _pragma(db, "PRAGMA foreign_keys"):
                raise RuntimeError("SQLite refused to enable foreign keys")
        except sqlite3.Error as exc:
            await db.close()
            raise DatabaseOpenError(path, explain_sqlite_error(path, exc)) from exc
        except BaseException:
            await db.close()
            raise
        log.info("opened store %s at schema version %d", path, version)
        return cls(db, path)

    async def close(self) -> None:
        """Wait for the running operation, then close the connection (idempotent)."""
        if self._closed:
            return
        async with self._lock:
            if self._closed:
                return
            self._closed = True
            try:
                await self._db.execute("PRAGMA optimize")
            except sqlite3.Error:
                log.exception("PRAGMA optimize failed while closing %s", self._path)
            await self._db.close()
            log.info("closed store %s", self._path)

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
    def path(self) -> Path:
        """Return the database file's path."""
        return self._path

    @property
    def plans_changed(self) -> asyncio.Event:
        """Set after every committed change to the reminder plan; the scheduler clears it.

        Clear it *before* reading `earliest_due()`, then wait on it (with the time until that
        instant as timeout): a change committed in between is never missed.
        """
        return self._plans_changed

    @property
    def closed(self) -> bool:
        """Return whether `close()` was called."""
        return self._closed

    async def schema_version(self) -> int:
        """Return the database's schema version."""
        async with self._read() as db:
            return await get_version(db)

    async def pragma(self, name: str) -> Any:
        """Return the value of a read-only PRAGMA such as `journal_mode` (for diagnostics)."""
        if not name.replace("_", "").isalnum():
            raise ValueError(f"not a pragma name: {name!r}")
        async with self._read() as db:
            return await _pragma(db, f"PRAGMA {name}")

    # ------------------------------------------------------------------ transactions

    def _conn(self) -> aiosqlite.Connection:
        """Return the connection, or raise if the store is closed."""
        if self._closed:
            raise StoreClosedError(f"store {self._path} is closed")
        return self._db

    @contextlib.asynccontextmanager
    async def _write(self) -> AsyncIterator[aiosqlite.Connection]:
        """Hold the lock around one IMMEDIATE transaction, committed if the body succeeds."""
        async with self._lock:
            db = self._conn()
            try:
                await db.execute("BEGIN IMMEDIATE")
                yield db
                await db.commit()
            except BaseException:
                await _rollback(db)
                raise

    @contextlib.asynccontextmanager
    async def _read(self, *, snapshot: bool = False) -> AsyncIterator[aiosqlite.Connection]:
        """Hold the lock for reads; with `snapshot`, read them all from one transaction."""
        async with self._lock:
            db = self._conn()
            if not snapshot:
                yield db
                return
            try:
                await db.execute("BEGIN")
                yield db
            finally:
                await _rollback(db)

    # ------------------------------------------------------------------ learners

    async def ensure_learner(self, user_id: int, now: datetime, timezone: str | None = None) -> Learner:
        """Create the learner if missing (`timezone` only applies then) and return it."""
        now_s = codec.encode_datetime(now)
        async with self._write() as db:
            await _insert_learner(db, user_id, now_s, timezone)
            return await _get_learner(db, user_id)

    async def get_learner(self, user_id: int) -> Learner | None:
        """Return the learner, or None if nothing is stored about them."""
        async with self._read() as db:
            row = await _one(db, "SELECT * FROM learners WHERE user_id = ?", (user_id,))
        return None if row is None else _learner(row)

    async def set_timezone(self, user_id: int, tz: str, now: datetime) -> Learner:
        """Set the learner's IANA timezone name (creating the learner if needed)."""
        now_s = codec.encode_datetime(now)
        async with self._write() as db:
            await _exec(
                db,
                "INSERT INTO learners (user_id, timezone, created_at) VALUES (?, ?, ?)"
                " ON CONFLICT (user_id) DO UPDATE SET timezone = excluded.timezone",
                (user_id, tz, now_s),
            )
            return await _get_learner(db, user_id)

    async def set_progress_visible(self, user_id: int, visible: bool, now: datetime) -> Learner:
        """Set whether others may see the learner's progress (creating the learner if needed).

        It also records that the learner has chosen (`visibility_chosen`), whichever way.
        """
        now_s = codec.encode_datetime(now)
        async with self._write() as db:
            await _exec(
                db,
                "INSERT INTO learners (user_id, progress_visible, created_at) VALUES (?, ?, ?)"
                " ON CONFLICT (user_id) DO UPDATE SET progress_visible = excluded.progress_visible",
                (user_id, int(bool(visible)), now_s),
            )
            await _exec(
                db,
                "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO NOTHING",
                (_visibility_key(user_id),),
            )
            return await _get_learner(db, user_id)

    async def visibility_chosen(self, user_id: int) -> bool:
        """Return whether the learner ever chose to show or hide their progress (else it is hidden by default)."""
        async with self._read() as db:
            row = await _one(db, "SELECT 1 FROM meta WHERE key = ?", (_visibility_key(user_id),))
        return row is not None

    async def set_dm_undeliverable(self, user_id: int, flag: bool) -> bool:
        """Record whether DMs to an existing learner fail; return whether the flag changed."""
        async with self._write() as db:
            changed = await _exec(
                db,
                "UPDATE learners SET dm_undeliverable = ? WHERE user_id = ? AND dm_undeliverable <> ?",
                (int(bool(flag)), user_id, int(bool(flag))),
            )
        return changed > 0

    # ------------------------------------------------------------------ enrollments

    async def enroll(
        self,
        user_id: int,
        role: str,
        pace: str | None,
        start_date: date | None,
        now: datetime,
    ) -> tuple[Enrollment, bool]:
        """Enroll in a role, or resume an existing enrollment; return it and whether it is new.

        New: `start_date` None means today in the learner's timezone; `pace` None means the
        default pace. Resume (any existing status): status becomes active and progress is kept;
        `pace` None keeps the current pace; `start_date` None keeps the start date and week shift,
        while an explicit `start_date` replaces it and resets the week shift (and the last move back).
        """
        now_s = codec.encode_datetime(now)
        start_s = None if start_date is None else codec.encode_date(start_date)
        async with self._write() as db:
            await _insert_learner(db, user_id, now_s, None)
            existing = await _get_enrollment(db, user_id, role)
            if existing is None:
                if start_s is None:
                    learner = await _get_learner(db, user_id)
                    start_s = codec.encode_date(_local_today(learner.timezone, now))
                await _exec(
                    db,
                    "INSERT INTO enrollments (user_id, role, pace, start_date, status, week_shift,"
                    " created_at, updated_at) VALUES (?, ?, ?, ?, 'active', 0, ?, ?)",
                    (user_id, role, pace, start_s, now_s, now_s),
                )
                created = True
            else:
                new_pace = existing.pace if pace is None else pace
                new_start = existing.start_date if start_date is None else start_date
                new_shift = existing.week_shift if start_date is None else 0
                new_behind = existing.behind_slot if start_date is None else None  # a new start: no move yet
                if (existing.status, existing.pace, existing.start_date, existing.week_shift, existing.behind_slot) != (
                    "active",
                    new_pace,
                    new_start,
                    new_shift,
                    new_behind,
                ):
                    await _exec(
                        db,
                        "UPDATE enrollments SET status = 'active', pace = ?, start_date = ?,"
                        " week_shift = ?, behind_slot = ?, updated_at = ? WHERE user_id = ? AND role = ?",
                        (new_pace, codec.encode_date(new_start), new_shift, new_behind, now_s, user_id, role),
                    )
                created = False
            enrollment = await _get_enrollment(db, user_id, role)
        assert enrollment is not None
        return enrollment, created

    async def get_enrollment(self, user_id: int, role: str) -> Enrollment | None:
        """Return the learner's enrollment in a role, whatever its status."""
        async with self._read() as db:
            return await _get_enrollment(db, user_id, role)

    async def list_enrollments(
        self, user_id: int, statuses: Iterable[EnrollmentStatus] | None = ("active",)
    ) -> list[Enrollment]:
        """Return the learner's enrollments with one of `statuses` (None: all), oldest first."""
        sql = "SELECT * FROM enrollments WHERE user_id = ?"
        params: list[Any] = [user_id]
        if statuses is not None:
            wanted = [_check_status(s) for s in statuses]
            if not wanted:
                return []
            sql += f" AND status IN ({', '.join('?' * len(wanted))})"
            params += wanted
        async with self._read() as db:
            rows = await _all(db, sql + " ORDER BY created_at, role", params)
        return [_enrollment(row) for row in rows]

    async def stop_enrollment(self, user_id: int, role: str, now: datetime, forget: bool = False) -> StopResult:
        """Stop an active enrollment (a completed one stays completed), keeping its progress.

        With `forget`, delete the enrollment row (whatever its status) and all checklist progress
        in that role instead, so a later `enroll` starts afresh.
        """
        now_s = codec.encode_datetime(now)
        async with self._write() as db:
            existing = await _get_enrollment(db, user_id, role)
            forgotten = 0
            if forget:
                forgotten = await _exec(
                    db, "DELETE FROM checklist_progress WHERE user_id = ? AND role = ?", (user_id, role)
                )
                await _exec(db, "DELETE FROM enrollments WHERE user_id = ? AND role = ?", (user_id, role))
            elif existing is not None and existing.status == "active":
                await _exec(
                    db,
                    "UPDATE enrollments SET status = 'stopped', updated_at = ? WHERE user_id = ? AND role = ?",
                    (now_s, user_id, role),
                )
        return StopResult(None if existing is None else existing.status, forgotten)

    async def shift_enrollment(self, user_id: int, role: str, weeks: int, now: datetime) -> Enrollment | None:
        """Push the plan back by `weeks` (negative pulls it forward, not below 0); None if not enrolled."""
        if isinstance(weeks, bool) or not isinstance(weeks, int):
            raise TypeError(f"weeks must be an int, got {weeks!r}")
        now_s = codec.encode_datetime(now)
        async with self._write() as db:
            existing = await _get_enrollment(db, user_id, role)
            if existing is None:
                return None
            new_shift = existing.week_shift + weeks
            if new_shift < 0:
                raise ValueError(f"cannot shift by {weeks} weeks: the plan is only pushed back {existing.week_shift}")
            await _exec(
                db,
                "UPDATE enrollments SET week_shift = ?, updated_at = ? WHERE user_id = ? AND role = ?",
                (new_shift, now_s, user_id, role),
            )
            return await _get_enrollment(db, user_id, role)

    async def move_back_once(
        self, user_id: int, role: str, slot: str, max_shift: int, now: datetime
    ) -> tuple[Enrollment | None, bool]:
        """Push an active plan back a week for weekly `slot`, unless that slot did already or it would pass `max_shift`.

        One statement checks and writes, so two clicks at once move the plan once. Return the enrollment
        (None if there is none) and whether it moved.
        """
        now_s = codec.encode_datetime(now)
        async with self._write() as db:
            moved = await _exec(
                db,
                "UPDATE enrollments SET week_shift = week_shift + 1, behind_slot = ?, updated_at = ?"
                " WHERE user_id = ? AND role = ? AND status = 'active' AND behind_slot IS NOT ? AND week_shift < ?",
                (_check_slot(slot), now_s, user_id, role, slot, max_shift),
            )
            return await _get_enrollment(db, user_id, role), moved > 0

    async def set_enrollment_status(
        self, user_id: int, role: str, status: EnrollmentStatus, now: datetime
    ) -> Enrollment | None:
        """Set an enrollment's status; return it, or None if not enrolled."""
        status = _check_status(status)
        return await self._update_enrollment(user_id, role, now, "status", status)

    async def set_enrollment_pace(self, user_id: int, role: str, pace: str | None, now: datetime) -> Enrollment | None:
        """Set an enrollment's pace (None: default); return it, or None if not enrolled."""
        return await self._update_enrollment(user_id, role, now, "pace", pace)

    async def _update_enrollment(
        self, user_id: int, role: str, now: datetime, column: str, value: Any
    ) -> Enrollment | None:
        """Set one column of an enrollment if it differs, bumping updated_at."""
        sql = _ENROLLMENT_UPDATES.get(column)
        if sql is None:
            raise ValueError(f"unknown enrollment column {column!r}")
        now_s = codec.encode_datetime(now)
        async with self._write() as db:
            await _exec(db, sql, (value, now_s, user_id, role, value))
            return await _get_enrollment(db, user_id, role)

    # ------------------------------------------------------------------ checklist progress

    async def set_item_done(
        self, user_id: int, role: str, item_id: str, now: datetime, proof: str | None = None
    ) -> bool:
        """Tick an item; re-ticking keeps the first done_at but replaces the proof if one is given.

        Return whether anything changed.
        """
        now_s = codec.encode_datetime(now)
        async with self._write() as db:
            await _insert_learner(db, user_id, now_s, None)
            row = await _one(
                db,
                "SELECT proof FROM checklist_progress WHERE user_id = ? AND role = ? AND item_id = ?",
                (user_id, role, item_id),
            )
            if row is None:
                await _exec(
                    db,
                    "INSERT INTO checklist_progress (user_id, role, item_id, done_at, proof) VALUES (?, ?, ?, ?, ?)",
                    (user_id, role, item_id, now_s, proof),
                )
                return True
            if proof is None or proof == row["proof"]:
                return False
            await _exec(
                db,
                "UPDATE checklist_progress SET proof = ? WHERE user_id = ? AND role = ? AND item_id = ?",
                (proof, user_id, role, item_id),
            )
            return True

    async def set_item_undone(self, user_id: int, role: str, item_id: str) -> bool:
        """Untick an item (dropping its proof); return whether it was ticked."""
        async with self._write() as db:
            deleted = await _exec(
                db,
                "DELETE FROM checklist_progress WHERE user_id = ? AND role = ? AND item_id = ?",
                (user_id, role, item_id),
            )
        return deleted > 0

    async def get_progress(self, user_id: int, role: str) -> dict[str, ItemProgress]:
        """Return the learner's ticked items in a role by item id, in the order they were ticked."""
        async with self._read() as db:
            rows = await _all(
                db,
                "SELECT item_id, done_at, proof FROM checklist_progress WHERE user_id = ? AND role = ?"
                " ORDER BY done_at, item_id",
                (user_id, role),
            )
        return {row["item_id"]: _item(row) for row in rows}

    async def progress_counts(self, role: str) -> dict[str, int]:
        """Return, for each item id ticked in a role, how many learners ticked it."""
        async with self._read() as db:
            rows = await _all(
                db,
                "SELECT item_id, COUNT(*) AS n FROM checklist_progress WHERE role = ? GROUP BY item_id",
                (role,),
            )
        return {row["item_id"]: row["n"] for row in rows}

    async def roles_with_progress(self) -> set[str]:
        """Return every role someone has ticked an item in."""
        async with self._read() as db:
            rows = await _all(db, "SELECT DISTINCT role FROM checklist_progress", ())
        return {row["role"] for row in rows}

    # ------------------------------------------------------------------ reminders

    async def get_reminder_settings(self, user_id: int) -> ReminderSettings | None:
        """Return the learner's reminder settings, or None if never set."""
        async with self._read() as db:
            row = await _one(db, "SELECT * FROM reminder_settings WHERE user_id = ?", (user_id,))
        return None if row is None else _reminder(row)

    async def set_reminder_settings(
        self,
        user_id: int,
        *,
        enabled: bool,
        weekday: int,
        local_time: time,
        now: datetime,
        timezone: str | None = None,
        paused_until: datetime | None = None,
    ) -> ReminderSettings:
        """Replace the learner's reminder settings (`timezone` None follows the learner's)."""
        values = (
            user_id,
            int(bool(enabled)),
            codec.check_weekday(weekday),
            codec.encode_local_time(local_time),
            timezone,
            codec.encode_optional_datetime(paused_until),
            codec.encode_datetime(now),
        )
        async with self._write() as db:
            await _insert_learner(db, user_id, values[-1], None)
            await _exec(
                db,
                "INSERT INTO reminder_settings (user_id, enabled, weekday, local_time, timezone,"
                " paused_until, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (user_id) DO UPDATE SET enabled = excluded.enabled,"
                " weekday = excluded.weekday, local_time = excluded.local_time,"
                " timezone = excluded.timezone, paused_until = excluded.paused_until,"
                " updated_at = excluded.updated_at",
                values,
            )
            row = await _one(db, "SELECT * FROM reminder_settings WHERE user_id = ?", (user_id,))
        assert row is not None
        return _reminder(row)

    # ------------------------------------------------------------------ reminder plan

    async def set_plan(self, kind: TargetKind, target_id: int, next_due: datetime) -> None:
        """Plan the target's next reminder at `next_due` (replacing any earlier plan)."""
        kind = _check_kind(kind)
        due_s = codec.encode_datetime(next_due)
        async with self._write() as db:
            await _set_plan(db, kind, target_id, due_s)
        self._plans_changed.set()

    async def clear_plan(self, kind: TargetKind, target_id: int) -> bool:
        """Stop planning reminders for the target; return whether it had a plan."""
        kind = _check_kind(kind)
        async with self._write() as db:
            removed = await _clear_plan(db, kind, target_id)
        if removed:
            self._plans_changed.set()
        return removed > 0

    async def get_plan(self, kind: TargetKind, target_id: int) -> datetime | None:
        """Return the target's next due time, or None if no reminder is planned."""
        kind = _check_kind(kind)
        async with self._read() as db:
            row = await _one(
                db,
                "SELECT next_due FROM reminder_plan WHERE target_kind = ? AND target_id = ?",
                (kind, target_id),
            )
        return None if row is None else codec.decode_datetime(row["next_due"])

    async def unplanned_learners(self) -> list[int]:
        """Return learners with reminders on and an active path but no reminder planned (e.g. after a bad file)."""
        async with self._read() as db:
            rows = await _all(
                db,
                "SELECT DISTINCT s.user_id FROM reminder_settings AS s"
                " JOIN enrollments AS e ON e.user_id = s.user_id AND e.status = 'active'"
                " WHERE s.enabled = 1 AND NOT EXISTS (SELECT 1 FROM reminder_plan AS p"
                " WHERE p.target_kind = 'user' AND p.target_id = s.user_id)"
                " ORDER BY s.user_id",
                (),
            )
        return [row[0] for row in rows]

    async def earliest_due(self) -> datetime | None:
        """Return the earliest planned due time over all targets, or None if nothing is planned."""
        async with self._read() as db:
            row = await _one(db, "SELECT MIN(next_due) AS due FROM reminder_plan", ())
        return None if row is None or row["due"] is None else codec.decode_datetime(row["due"])

    async def due_targets(self, now: datetime, limit: int = DUE_TARGETS_LIMIT) -> list[DueTarget]:
        """Return up to `limit` targets due at or before `now`, earliest first (ties by kind, id)."""
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ValueError(f"limit must be a positive int, got {limit!r}")
        now_s = codec.encode_datetime(now)
        async with self._read() as db:
            rows = await _all(db, _DUE_TARGETS_SQL, (now_s, limit))
        return [DueTarget(row[0], row[1], codec.decode_datetime(row[2])) for row in rows]

    # ------------------------------------------------------------------ reminder deliveries

    async def begin_delivery(self, kind: TargetKind, target_id: int, slot: str, now: datetime) -> Delivery | None:
        """Record an attempt to send the target's reminder for `slot`; None means don't send.

        None: the slot was already sent. A 'sending' row (a crash interrupted an earlier attempt)
        or a 'failed' one (a retry) is returned with its existing nonce and one more attempt, so
        Discord can dedupe the resend. Otherwise a 'sending' row with a fresh nonce is created.
        """
        kind = _check_kind(kind)
        slot = _check_slot(slot)
        now_s = codec.encode_datetime(now)
        key = (kind, target_id, slot)
        async with self._write() as db:
            row = await _one(
                db, "SELECT state FROM deliveries WHERE target_kind = ? AND target_id = ? AND slot = ?", key
            )
            if row is None:
                await _exec(
                    db,
                    "INSERT INTO deliveries (target_kind, target_id, slot, nonce, state, attempts, error,"
                    " created_at, updated_at) VALUES (?, ?, ?, ?, 'sending', 1, NULL, ?, ?)",
                    (*key, _new_nonce(), now_s, now_s),
                )
            elif row["state"] == "sent":
                return None
            else:
                await _exec(
                    db,
                    "UPDATE deliveries SET state = 'sending', attempts = attempts + 1, updated_at = ?"
                    " WHERE target_kind = ? AND target_id = ? AND slot = ?",
                    (now_s, *key),
                )
            delivery = await _get_delivery(db, key)
        assert delivery is not None
        return delivery

    async def finish_delivery(
        self, kind: TargetKind, target_id: int, slot: str, now: datetime, next_due: datetime | None
    ) -> bool:
        """Mark a 'sending' delivery 'sent' and plan the next reminder (None: clear the plan) atomically.

        Return False, changing nothing, if the delivery is not 'sending' (already finished, or its
        target was deleted meanwhile).
        """
        return await self._end_delivery(kind, target_id, slot, now, "sent", None, next_due)

    async def fail_delivery(
        self,
        kind: TargetKind,
        target_id: int,
        slot: str,
        now: datetime,
        error: str,
        next_due: datetime | None,
    ) -> bool:
        """Mark a 'sending' delivery 'failed' with `error` and plan the next reminder, atomically.

        `next_due` None clears the plan. Return False, changing nothing, if the delivery is not
        'sending'.
        """
        return await self._end_delivery(kind, target_id, slot, now, "failed", _check_error(error), next_due)

    async def _end_delivery(
        self,
        kind: TargetKind,
        target_id: int,
        slot: str,
        now: datetime,
        state: DeliveryState,
        error: str | None,
        next_due: datetime | None,
    ) -> bool:
        """Move a 'sending' delivery to `state` and set or clear the plan in the same transaction."""
        kind = _check_kind(kind)
        slot = _check_slot(slot)
        now_s = codec.encode_datetime(now)
        due_s = codec.encode_optional_datetime(next_due)
        async with self._write() as db:
            changed = await _exec(
                db,
                "UPDATE deliveries SET state = ?, error = ?, updated_at = ?"
                " WHERE target_kind = ? AND target_id = ? AND slot = ? AND state = 'sending'",
                (state, error, now_s, kind, target_id, slot),
            )
            if not changed:
                return False
            if due_s is None:
                await _clear_plan(db, kind, target_id)
            else:
                await _set_plan(db, kind, target_id, due_s)
        self._plans_changed.set()
        return True

    async def get_delivery(self, kind: TargetKind, target_id: int, slot: str) -> Delivery | None:
        """Return the delivery of the target's reminder for `slot`, or None if never begun."""
        kind = _check_kind(kind)
        async with self._read() as db:
            return await _get_delivery(db, (kind, target_id, slot))

    async def delivery_state(self, kind: TargetKind, target_id: int, slot: str) -> DeliveryState | None:
        """Return 'sending', 'sent' or 'failed' for the target's reminder for `slot`, or None."""
        delivery = await self.get_delivery(kind, target_id, slot)
        return None if delivery is None else delivery.state

    async def pending_deliveries(self) -> list[Delivery]:
        """Return the deliveries still 'sending' (interrupted by a crash), oldest attempt first."""
        async with self._read() as db:
            rows = await _all(
                db,
                "SELECT * FROM deliveries WHERE state = 'sending' ORDER BY updated_at, target_kind, target_id, slot",
                (),
            )
        return [_delivery(row) for row in rows]

    async def mark_dm_undeliverable(self, user_id: int, now: datetime, error: str = "DMs closed") -> bool:
        """The learner's DMs are closed: flag them, stop planning their reminders, fail any in flight.

        One transaction; return whether the learner exists. Planning again is up to the scheduler
        once the learner can be reached (after `set_dm_undeliverable(user_id, False)`).
        """
        now_s = codec.encode_datetime(now)
        error = _check_error(error)
        async with self._write() as db:
            found = await _exec(db, "UPDATE learners SET dm_undeliverable = 1 WHERE user_id = ?", (user_id,))
            await _stop_target(db, "user", user_id, now_s, error)
        self._plans_changed.set()
        return found > 0

    async def pause_group_for_missing_channel(
        self, group_id: int, now: datetime, error: str = "channel missing"
    ) -> bool:
        """The group's channel is gone: pause the group, clear its plan, fail any delivery in flight.

        One transaction; return whether the group exists.
        """
        now_s = codec.encode_datetime(now)
        error = _check_error(error)
        async with self._write() as db:
            found = await _exec(db, "UPDATE study_groups SET paused = 1 WHERE id = ?", (group_id,))
            await _stop_target(db, "group", group_id, now_s, error)
        self._plans_changed.set()
        return found > 0

    # ------------------------------------------------------------------ study groups

    async def create_group(
        self,
        *,
        guild_id: int,
        name: str,
        role: str,
        channel_id: int,
        weekday: int,
        local_time: time,
        timezone: str,
        created_by: int | None,
        now: datetime,
    ) -> StudyGroup:
        """Create a study group; raise GroupNameTakenError if the guild has one of that name."""
        values = (
            guild_id,
            name,
            role,
            channel_id,
            codec.check_weekday(weekday),
            codec.encode_local_time(local_time),
            timezone,
            created_by,
            codec.encode_datetime(now),
        )
        async with self._write() as db:
            if await _group_by_name(db, guild_id, name) is not None:
                raise GroupNameTakenError(guild_id, name)
            try:
                group_id = await _exec_insert(
                    db,
                    "INSERT INTO study_groups (guild_id, name, role, channel_id, weekday, local_time,"
                    " timezone, paused, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                    values,
                )
            except sqlite3.IntegrityError as exc:
                if "UNIQUE" in str(exc):
                    raise GroupNameTakenError(guild_id, name) from exc
                raise
            row = await _one(db, "SELECT * FROM study_groups WHERE id = ?", (group_id,))
        assert row is not None
        return _group(row)

    async def get_group(self, group_id: int) -> StudyGroup | None:
        """Return a study group by id."""
        async with self._read() as db:
            row = await _one(db, "SELECT * FROM study_groups WHERE id = ?", (group_id,))
        return None if row is None else _group(row)

    async def get_group_by_name(self, guild_id: int, name: str) -> StudyGroup | None:
        """Return a guild's study group by name, compared case-insensitively."""
        async with self._read() as db:
            return await _group_by_name(db, guild_id, name)

    async def list_groups(self, guild_id: int) -> list[StudyGroup]:
        """Return a guild's study groups by name."""
        async with self._read() as db:
            rows = await _all(
                db, "SELECT * FROM study_groups WHERE guild_id = ? ORDER BY name COLLATE NOCASE, id", (guild_id,)
            )
        return [_group(row) for row in rows]

    async def user_groups(self, user_id: int) -> list[StudyGroup]:
        """Return the study groups a user belongs to, in the order joined."""
        async with self._read() as db:
            rows = await _all(
                db,
                "SELECT g.* FROM study_groups g JOIN group_members m ON m.group_id = g.id"
                " WHERE m.user_id = ? ORDER BY m.joined_at, g.id",
                (user_id,),
            )
        return [_group(row) for row in rows]

    async def join_group(self, group_id: int, user_id: int, now: datetime) -> bool:
        """Add a member; return False if already one, raise GroupNotFoundError if no such group."""
        now_s = codec.encode_datetime(now)
        async with self._write() as db:
            if await _one(db, "SELECT 1 FROM study_groups WHERE id = ?", (group_id,)) is None:
                raise GroupNotFoundError(group_id)
            await _insert_learner(db, user_id, now_s, None)
            added = await _exec(
                db,
                "INSERT INTO group_members (group_id, user_id, joined_at) VALUES (?, ?, ?)"
                " ON CONFLICT (group_id, user_id) DO NOTHING",
                (group_id, user_id, now_s),
            )
        return added > 0

    async def leave_group(self, group_id: int, user_id: int) -> bool:
        """Remove a member; return whether they were one."""
        async with self._write() as db:
            removed = await _exec(
                db, "DELETE FROM group_members WHERE group_id = ? AND user_id = ?", (group_id, user_id)
            )
        return removed > 0

    async def group_members(self, group_id: int) -> list[GroupMember]:
        """Return a group's members in the order they joined."""
        async with self._read() as db:
            rows = await _all(
                db,
                "SELECT * FROM group_members WHERE group_id = ? ORDER BY joined_at, user_id",
                (group_id,),
            )
        return [_member(row) for row in rows]

    async def set_group_paused(self, group_id: int, paused: bool) -> bool:
        """Pause or unpause a group's meetings; return whether that changed anything."""
        async with self._write() as db:
            changed = await _exec(
                db,
                "UPDATE study_groups SET paused = ? WHERE id = ? AND paused <> ?",
                (int(bool(paused)), group_id, int(bool(paused))),
            )
        return changed > 0

    async def delete_group(self, group_id: int) -> bool:
        """Delete a group and its memberships; return whether it existed."""
        async with self._write() as db:
            deleted = await _exec(db, "DELETE FROM study_groups WHERE id = ?", (group_id,))
            await _exec(db, "DELETE FROM reminder_plan WHERE target_kind = 'group' AND target_id = ?", (group_id,))
            await _exec(db, "DELETE FROM deliveries WHERE target_kind = 'group' AND target_id = ?", (group_id,))
        self._plans_changed.set()
        return deleted > 0

    # ------------------------------------------------------------------ whole-user data

    async def export_user(self, user_id: int) -> dict[str, Any]:
        """Return everything stored about a user as JSON-serialisable data."""
        async with self._read(snapshot=True) as db:
            learner = await _one(db, "SELECT * FROM learners WHERE user_id = ?", (user_id,))
            enrollments = await _all(
                db, "SELECT * FROM enrollments WHERE user_id = ? ORDER BY created_at, role", (user_id,)
            )
            progress = await _all(
                db,
                "SELECT role, item_id, done_at, proof FROM checklist_progress WHERE user_id = ?"
                " ORDER BY role, done_at, item_id",
                (user_id,),
            )
            reminder = await _one(db, "SELECT * FROM reminder_settings WHERE user_id = ?", (user_id,))
            memberships = await _all(
                db,
                "SELECT m.group_id, g.guild_id, g.name, g.role, m.joined_at FROM group_members m"
                " JOIN study_groups g ON g.id = m.group_id WHERE m.user_id = ? ORDER BY m.joined_at, g.id",
                (user_id,),
            )
            created = await _all(db, "SELECT * FROM study_groups WHERE created_by = ? ORDER BY id", (user_id,))
            plan = await _one(
                db, "SELECT next_due FROM reminder_plan WHERE target_kind = 'user' AND target_id = ?", (user_id,)
            )
            deliveries = await _all(
                db,
                "SELECT * FROM deliveries WHERE target_kind = 'user' AND target_id = ? ORDER BY created_at, slot",
                (user_id,),
            )
        return {
            "format": EXPORT_FORMAT,
            "schema_version": LATEST_VERSION,
            "user_id": user_id,
            "learner": None if learner is None else _jsonable(_learner(learner)),
            "enrollments": [_jsonable(_enrollment(row)) for row in enrollments],
            "checklist_progress": [{"role": row["role"], **_jsonable(_item(row))} for row in progress],
            "reminder_settings": None if reminder is None else _jsonable(_reminder(reminder)),
            "group_memberships": [
                {
                    "group_id": row["group_id"],
                    "guild_id": row["guild_id"],
                    "group_name": row["name"],
                    "role": row["role"],
                    "joined_at": codec.decode_datetime(row["joined_at"]).isoformat(),
                }
                for row in memberships
            ],
            "groups_created": [_jsonable(_group(row)) for row in created],
            "reminder_next_due": None if plan is None else codec.decode_datetime(plan["next_due"]).isoformat(),
            "reminder_deliveries": [_jsonable(_delivery(row)) for row in deliveries],
        }

    async def delete_user(self, user_id: int) -> int:
        """Delete everything stored about a user in one transaction; return the rows deleted.

        That includes their per-user meta keys (DMs-closed notice, reminder snooze, console name, whether
        they chose who sees their progress).
        Study groups the user created are kept for their other members, with `created_by` cleared.
        """
        # Per-user meta keys (exact keys, never a LIKE pattern: `...:1` must not match `...:12`).
        meta_keys = (
            f"told_dms_closed:{user_id}",
            f"snooze:user:{user_id}",
            f"console:name:{user_id}",
            _visibility_key(user_id),
        )
        async with self._write() as db:
            deleted = 0
            for sql in _DELETE_USER:
                deleted += await _exec(db, sql, (user_id,))
            deleted += await _exec(db, "DELETE FROM meta WHERE key IN (?, ?, ?, ?)", meta_keys)
            await _exec(db, "UPDATE study_groups SET created_by = NULL WHERE created_by = ?", (user_id,))
        self._plans_changed.set()
        log.info("deleted %d rows about user %d", deleted, user_id)
        return deleted

    # ------------------------------------------------------------------ meta

    async def get_meta(self, key: str) -> str | None:
        """Return a bot-wide setting, or None if unset."""
        async with self._read() as db:
            row = await _one(db, "SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else row["value"]

    async def set_meta(self, key: str, value: str) -> None:
        """Set a bot-wide setting."""
        if not isinstance(value, str):
            raise TypeError(f"meta values are strings, got {type(value).__name__}")
        async with self._write() as db:
            await _exec(
                db,
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    async def delete_meta(self, key: str) -> bool:
        """Remove a bot-wide setting; return whether it was set."""
        async with self._write() as db:
            return await _exec(db, "DELETE FROM meta WHERE key = ?", (key,)) > 0

    # ------------------------------------------------------------------ backup

    async def backup(self, dest_path: str | Path) -> Path:
        """Write a consistent copy of the database to `dest_path` (replaced atomically) and return it.

        Uses SQLite's online backup API from a second connection in a worker thread:
        under WAL it reads one snapshot without blocking the bot's writes.
        """
        self._conn()
        dest = Path(dest_path)
        await asyncio.to_thread(copy_database, self._path, dest, replace=True)
        log.info("backed up %s to %s", self._path, dest)
        return dest

    # ------------------------------------------------------------------ leases
    #
    # A lease names the one process allowed to do something for this database (`reminder-sender`: send
    # reminders). Its holder renews it before `expires_at`; once that passes, any process may take it over.
    # Each call is one IMMEDIATE transaction, so two processes never both think they took it.

    async def acquire_lease(
        self, name: str, holder: str, now: datetime, ttl: timedelta, *, take_over: str | None = None
    ) -> tuple[Lease, Lease | None]:
        """Take or renew the lease `name` for `holder` until `now + ttl`; return it as it is now, and as it was.

        It is taken when it is free, already `holder`'s, expired at `now`, or still held by `take_over` (a
        holder the caller knows is gone). Otherwise nothing changes and the returned lease names who holds it.
        """
        if not name or not holder:
            raise ValueError("a lease needs a name and a holder")
        if ttl <= timedelta(0):
            raise ValueError(f"a lease must last a while, got ttl={ttl}")
        now_s = codec.encode_datetime(now)
        until_s = codec.encode_datetime(now + ttl)
        async with self._write() as db:
            row = await _one(db, "SELECT * FROM leases WHERE name = ?", (name,))
            before = None if row is None else _lease(row)
            free = before is None or before.holder in (holder, take_over) or before.expired(now)
            if free:
                await _exec(
                    db,
                    "INSERT INTO leases (name, holder, acquired_at, heartbeat_at, expires_at) VALUES (?, ?, ?, ?, ?)"
                    " ON CONFLICT (name) DO UPDATE SET"
                    " acquired_at = CASE WHEN leases.holder = excluded.holder THEN leases.acquired_at"
                    " ELSE excluded.acquired_at END,"
                    " holder = excluded.holder, heartbeat_at = excluded.heartbeat_at, expires_at = excluded.expires_at",
                    (name, holder, now_s, now_s, until_s),
                )
                row = await _one(db, "SELECT * FROM leases WHERE name = ?", (name,))
        assert row is not None
        return _lease(row), before

    async def release_lease(self, name: str, holder: str) -> bool:
        """Give the lease up if `holder` holds it; return whether it did."""
        async with self._write() as db:
            return await _exec(db, "DELETE FROM leases WHERE name = ? AND holder = ?", (name, holder)) > 0

    async def get_lease(self, name: str) -> Lease | None:
        """Return the lease `name` (expired or not), or None when nobody has taken it."""
        async with self._read() as db:
            row = await _one(db, "SELECT * FROM leases WHERE name = ?", (name,))
        return None if row is None else _lease(row)

    # ------------------------------------------------------------------ start-up checks

    async def followed_roles(self) -> dict[str, int]:
        """Return each role that active learners or study groups follow, with how many follow it."""
        async with self._read() as db:
            rows = await _all(
                db,
                "SELECT role, COUNT(*) AS n FROM (SELECT role FROM enrollments WHERE status = 'active'"
                " UNION ALL SELECT role FROM study_groups WHERE paused = 0) GROUP BY role ORDER BY role",
                (),
            )
        return {row["role"]: row["n"] for row in rows}


# ---------------------------------------------------------------------- helpers


async def _rollback(db: aiosqlite.Connection) -> None:
    """Roll back whatever transaction is open, if any, even when the caller is being cancelled.

    aiosqlite runs operations in FIFO order on one thread, so once queued (which happens before
    the first await yields) the ROLLBACK runs after every statement this holder of the lock queued
    and before anything the next holder queues, even if this task is cancelled meanwhile. Don't
    test `in_transaction` first: read from the event loop it can be stale.
    """
    try:
        await db.rollback()
    except sqlite3.Error:
        log.exception("rollback failed")


async def _pragma(db: aiosqlite.Connection, sql: str) -> Any:
    """Run a PRAGMA and return the first column of its first row."""
    async with db.execute(sql) as cursor:
        row = await cursor.fetchone()
    return None if row is None else row[0]


async def _one(db: aiosqlite.Connection, sql: str, params: Params) -> sqlite3.Row | None:
    """Return the first row of a query, or None."""
    async with db.execute(sql, params) as cursor:
        return await cursor.fetchone()


async def _all(db: aiosqlite.Connection, sql: str, params: Params) -> list[sqlite3.Row]:
    """Return every row of a query."""
    async with db.execute(sql, params) as cursor:
        return list(await cursor.fetchall())


async def _exec(db: aiosqlite.Connection, sql: str, params: Params) -> int:
    """Run a data-changing statement and return how many rows it changed."""
    async with db.execute(sql, params) as cursor:
        return cursor.rowcount


async def _exec_insert(db: aiosqlite.Connection, sql: str, params: Params) -> int:
    """Run an INSERT and return the new rowid."""
    async with db.execute(sql, params) as cursor:
        rowid = cursor.lastrowid
    assert rowid is not None
    return rowid


async def _insert_learner(db: aiosqlite.Connection, user_id: int, now_s: str, timezone: str | None) -> None:
    """Insert a learner row unless one exists."""
    await _exec(
        db,
        "INSERT INTO learners (user_id, timezone, created_at) VALUES (?, COALESCE(?, 'UTC'), ?)"
        " ON CONFLICT (user_id) DO NOTHING",
        (user_id, timezone, now_s),
    )


async def _get_learner(db: aiosqlite.Connection, user_id: int) -> Learner:
    """Return a learner known to exist."""
    row = await _one(db, "SELECT * FROM learners WHERE user_id = ?", (user_id,))
    assert row is not None
    return _learner(row)


async def _get_enrollment(db: aiosqlite.Connection, user_id: int, role: str) -> Enrollment | None:
    """Return an enrollment or None."""
    row = await _one(db, "SELECT * FROM enrollments WHERE user_id = ? AND role = ?", (user_id, role))
    return None if row is None else _enrollment(row)


async def _group_by_name(db: aiosqlite.Connection, guild_id: int, name: str) -> StudyGroup | None:
    """Return a guild's group by case-insensitive name, or None."""
    row = await _one(db, "SELECT * FROM study_groups WHERE guild_id = ? AND name = ? COLLATE NOCASE", (guild_id, name))
    return None if row is None else _group(row)


def _visibility_key(user_id: int) -> str:
    """The meta key that marks a learner who chose whether others see their progress."""
    return f"visibility_chosen:{user_id}"


def _check_status(status: str) -> EnrollmentStatus:
    """Return `status` if it is a known enrollment status, else raise ValueError."""
    for known in ENROLLMENT_STATUSES:
        if status == known:
            return known
    raise ValueError(f"unknown enrollment status {status!r}; expected one of {ENROLLMENT_STATUSES}")


def _local_today(tz_name: str, now: datetime) -> date:
    """Return the calendar date at `now` in the named timezone (UTC if the name is unknown)."""
    try:
        zone: Any = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("unknown timezone %r; using UTC for today's date", tz_name)
        zone = UTC
    return now.astimezone(zone).date()


def _learner(row: sqlite3.Row) -> Learner:
    """Build a Learner from its row."""
    return Learner(
        user_id=row["user_id"],
        timezone=row["timezone"],
        progress_visible=bool(row["progress_visible"]),
        dm_undeliverable=bool(row["dm_undeliverable"]),
        created_at=codec.decode_datetime(row["created_at"]),
    )


def _enrollment(row: sqlite3.Row) -> Enrollment:
    """Build an Enrollment from its row."""
    return Enrollment(
        user_id=row["user_id"],
        role=row["role"],
        pace=row["pace"],
        start_date=codec.decode_date(row["start_date"]),
        status=_check_status(row["status"]),
        week_shift=row["week_shift"],
        created_at=codec.decode_datetime(row["created_at"]),
        updated_at=codec.decode_datetime(row["updated_at"]),
        behind_slot=row["behind_slot"],
    )


def _item(row: sqlite3.Row) -> ItemProgress:
    """Build an ItemProgress from its row."""
    return ItemProgress(item_id=row["item_id"], done_at=codec.decode_datetime(row["done_at"]), proof=row["proof"])


def _reminder(row: sqlite3.Row) -> ReminderSettings:
    """Build ReminderSettings from their row."""
    return ReminderSettings(
        user_id=row["user_id"],
        enabled=bool(row["enabled"]),
        weekday=row["weekday"],
        local_time=codec.decode_local_time(row["local_time"]),
        timezone=row["timezone"],
        paused_until=codec.decode_optional_datetime(row["paused_until"]),
        updated_at=codec.decode_datetime(row["updated_at"]),
    )


def _group(row: sqlite3.Row) -> StudyGroup:
    """Build a StudyGroup from its row."""
    return StudyGroup(
        id=row["id"],
        guild_id=row["guild_id"],
        name=row["name"],
        role=row["role"],
        channel_id=row["channel_id"],
        weekday=row["weekday"],
        local_time=codec.decode_local_time(row["local_time"]),
        timezone=row["timezone"],
        paused=bool(row["paused"]),
        created_by=row["created_by"],
        created_at=codec.decode_datetime(row["created_at"]),
    )


def _member(row: sqlite3.Row) -> GroupMember:
    """Build a GroupMember from its row."""
    return GroupMember(
        group_id=row["group_id"], user_id=row["user_id"], joined_at=codec.decode_datetime(row["joined_at"])
    )


_DUE_TARGETS_SQL = (
    "SELECT target_kind, target_id, next_due FROM reminder_plan WHERE next_due <= ?"
    " ORDER BY next_due, target_kind, target_id LIMIT ?"
)


async def _set_plan(db: aiosqlite.Connection, kind: TargetKind, target_id: int, due_s: str) -> None:
    """Insert or replace a target's plan."""
    await _exec(
        db,
        "INSERT INTO reminder_plan (target_kind, target_id, next_due) VALUES (?, ?, ?)"
        " ON CONFLICT (target_kind, target_id) DO UPDATE SET next_due = excluded.next_due",
        (kind, target_id, due_s),
    )


async def _clear_plan(db: aiosqlite.Connection, kind: TargetKind, target_id: int) -> int:
    """Delete a target's plan; return how many rows went (0 or 1)."""
    return await _exec(db, "DELETE FROM reminder_plan WHERE target_kind = ? AND target_id = ?", (kind, target_id))


async def _stop_target(db: aiosqlite.Connection, kind: TargetKind, target_id: int, now_s: str, error: str) -> None:
    """Clear a target's plan and fail its deliveries in flight (it can no longer be reached)."""
    await _clear_plan(db, kind, target_id)
    await _exec(
        db,
        "UPDATE deliveries SET state = 'failed', error = ?, updated_at = ?"
        " WHERE target_kind = ? AND target_id = ? AND state = 'sending'",
        (error, now_s, kind, target_id),
    )


async def _get_delivery(db: aiosqlite.Connection, key: tuple[str, int, str]) -> Delivery | None:
    """Return a delivery by (kind, target id, slot), or None."""
    row = await _one(db, "SELECT * FROM deliveries WHERE target_kind = ? AND target_id = ? AND slot = ?", key)
    return None if row is None else _delivery(row)


def _new_nonce() -> str:
    """Return a fresh Discord message nonce: 25 hex digits of a uuid4 (Discord allows 25 characters)."""
    return uuid.uuid4().hex[:NONCE_LENGTH]


def _check_kind(kind: str) -> TargetKind:
    """Return `kind` if it is a reminder target kind, else raise ValueError."""
    for known in TARGET_KINDS:
        if kind == known:
            return known
    raise ValueError(f"unknown reminder target kind {kind!r}; expected one of {TARGET_KINDS}")


def _check_state(state: str) -> DeliveryState:
    """Return `state` if it is a delivery state, else raise ValueError."""
    for known in DELIVERY_STATES:
        if state == known:
            return known
    raise ValueError(f"unknown delivery state {state!r}; expected one of {DELIVERY_STATES}")


def _check_slot(slot: str) -> str:
    """Return `slot` if it is a non-empty string of at most MAX_SLOT_LENGTH characters."""
    if not isinstance(slot, str) or not 1 <= len(slot) <= MAX_SLOT_LENGTH:
        raise ValueError(f"slot must be a string of 1 to {MAX_SLOT_LENGTH} characters, got {slot!r}")
    return slot


def _check_error(error: str) -> str:
    """Return a delivery error message, cut to MAX_ERROR_LENGTH characters."""
    if not isinstance(error, str):
        raise TypeError(f"error must be a string, got {type(error).__name__}")
    return error[:MAX_ERROR_LENGTH]


def _delivery(row: sqlite3.Row) -> Delivery:
    """Build a Delivery from its row."""
    return Delivery(
        kind=_check_kind(row["target_kind"]),
        target_id=row["target_id"],
        slot=row["slot"],
        nonce=row["nonce"],
        state=_check_state(row["state"]),
        attempts=row["attempts"],
        error=row["error"],
        created_at=codec.decode_datetime(row["created_at"]),
        updated_at=codec.decode_datetime(row["updated_at"]),
    )


def _jsonable(obj: Any) -> dict[str, Any]:
    """Turn a row dataclass into a dict of JSON-friendly values (ISO strings for times)."""
    out: dict[str, Any] = {}
    for key, value in dataclasses.asdict(obj).items():
        if isinstance(value, datetime | date):
            out[key] = value.isoformat()
        elif isinstance(value, time):
            out[key] = value.strftime("%H:%M")
        else:
            out[key] = value
    return out


def _lease(row: sqlite3.Row) -> Lease:
    """Build a Lease from its row."""
    return Lease(
        name=row["name"],
        holder=row["holder"],
        acquired_at=codec.decode_datetime(row["acquired_at"]),
        heartbeat_at=codec.decode_datetime(row["heartbeat_at"]),
        expires_at=codec.decode_datetime(row["expires_at"]),
    )
