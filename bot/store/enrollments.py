"""Enrollments, checklist progress and check-ins: a learner's runs through roles and what they did in them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from bot.store import codec, rows
from bot.store.learners import existing_learner, insert_learner
from bot.store.models import Enrollment, EnrollmentStatus, ItemProgress, StopResult
from bot.store.repository import Repository
from bot.store.reviews import DROP_ONE, DROP_ROLE, schedule_first
from bot.store.sql import Sql, Work, distinct, in_list, one, run
from bot.store.sql import rows as all_rows

# On SQLite `+status` keeps the planner on the primary key (user_id, role) whether or not statistics exist:
# without them it would pick `enrollments_by_status` and scan every active enrollment.
_LIST_ENROLLMENTS = "SELECT * FROM enrollments WHERE user_id = ?{statuses} ORDER BY created_at, role"
_SELECT_ENROLLMENT = "SELECT * FROM enrollments WHERE user_id = ? AND role = ?"
_SELECT_PROGRESS = (
    "SELECT item_id, done_at, proof FROM checklist_progress WHERE user_id = ? AND role = ? ORDER BY done_at, item_id"
)
# One statement per tick: insert, or replace the proof when one is given and differs. The learner row is
# inserted first in the same transaction (progress references it).
_TICK = distinct(
    "INSERT INTO checklist_progress (user_id, role, item_id, done_at, proof) VALUES (?, ?, ?, ?, ?)"
    " ON CONFLICT (user_id, role, item_id) DO UPDATE SET proof = excluded.proof"
    " WHERE excluded.proof IS NOT NULL AND checklist_progress.proof IS DISTINCT FROM excluded.proof"
)
_SINGLE_COLUMN = {
    "status": distinct(
        "UPDATE enrollments SET status = ?, updated_at = ? WHERE user_id = ? AND role = ? AND status IS DISTINCT FROM ?"
    ),
    "pace": distinct(
        "UPDATE enrollments SET pace = ?, updated_at = ? WHERE user_id = ? AND role = ? AND pace IS DISTINCT FROM ?"
    ),
}
_MOVE_BACK = distinct(
    "UPDATE enrollments SET week_shift = week_shift + 1, behind_slot = ?, updated_at = ?"
    " WHERE user_id = ? AND role = ? AND status = 'active' AND behind_slot IS DISTINCT FROM ? AND week_shift < ?"
)


def get_enrollment(user_id: int, role: str) -> Work[Enrollment | None]:
    """Return an enrollment, or None."""
    row = yield one(_SELECT_ENROLLMENT, user_id, role)
    return None if row is None else rows.enrollment(row)


def list_enrollments(user_id: int, statuses: tuple[str, ...] | None) -> Work[list[Enrollment]]:
    """Return the learner's enrollments with one of `statuses` (None: all), oldest first."""
    if statuses is None:
        found = yield all_rows(_LIST_ENROLLMENTS.format(statuses=""), user_id)
    else:
        wanted = f"status IN ({in_list(len(statuses))})"
        sql = Sql(
            _LIST_ENROLLMENTS.format(statuses=f" AND +{wanted}"), _LIST_ENROLLMENTS.format(statuses=f" AND {wanted}")
        )
        found = yield all_rows(sql, user_id, *statuses)
    return [rows.enrollment(row) for row in found]


def get_progress(user_id: int, role: str) -> Work[dict[str, ItemProgress]]:
    """Return the learner's ticked items in a role by item id, in the order they were ticked."""
    found = yield all_rows(_SELECT_PROGRESS, user_id, role)
    return {row["item_id"]: rows.item(row) for row in found}


def _enroll(
    user_id: int, role: str, pace: str | None, start_date: date | None, now: datetime
) -> Work[tuple[Enrollment, bool]]:
    now_s = codec.encode_datetime(now)
    yield from insert_learner(user_id, now_s, None)
    existing = yield from get_enrollment(user_id, role)
    if existing is None:
        if start_date is None:
            learner = yield from existing_learner(user_id)
            start_date = rows.local_today(learner.timezone, now)
        yield run(
            "INSERT INTO enrollments (user_id, role, pace, start_date, status, week_shift,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, 'active', 0, ?, ?)",
            user_id,
            role,
            pace,
            codec.encode_date(start_date),
            now_s,
            now_s,
        )
        created = yield from get_enrollment(user_id, role)
        assert created is not None
        return created, True
    new = _resumed(existing, pace, start_date)
    if new is None:
        return existing, False
    new_pace, new_start, new_shift, new_behind = new
    yield run(
        "UPDATE enrollments SET status = 'active', pace = ?, start_date = ?,"
        " week_shift = ?, behind_slot = ?, updated_at = ? WHERE user_id = ? AND role = ?",
        new_pace,
        codec.encode_date(new_start),
        new_shift,
        new_behind,
        now_s,
        user_id,
        role,
    )
    resumed = yield from get_enrollment(user_id, role)
    assert resumed is not None
    return resumed, False


def _resumed(
    existing: Enrollment, pace: str | None, start_date: date | None
) -> tuple[str | None, date, int, str | None] | None:
    """Return the (pace, start, shift, behind slot) a resume sets, or None when it changes nothing."""
    new_pace = existing.pace if pace is None else pace
    new_start = existing.start_date if start_date is None else start_date
    new_shift = existing.week_shift if start_date is None else 0
    new_behind = existing.behind_slot if start_date is None else None  # a new start: no move yet
    new = (new_pace, new_start, new_shift, new_behind)
    if existing.status == "active" and new == (
        existing.pace,
        existing.start_date,
        existing.week_shift,
        existing.behind_slot,
    ):
        return None
    return new


def _stop(user_id: int, role: str, now_s: str, forget: bool) -> Work[StopResult]:
    existing = yield from get_enrollment(user_id, role)
    forgotten = 0
    if forget:
        forgotten = yield run("DELETE FROM checklist_progress WHERE user_id = ? AND role = ?", user_id, role)
        yield run(DROP_ROLE, user_id, role)  # what is not ticked is not reviewed
        yield run("DELETE FROM enrollments WHERE user_id = ? AND role = ?", user_id, role)
    elif existing is not None and existing.status == "active":
        yield run(
            "UPDATE enrollments SET status = 'stopped', updated_at = ? WHERE user_id = ? AND role = ?",
            now_s,
            user_id,
            role,
        )
    return StopResult(None if existing is None else existing.status, forgotten)


def _move_back(user_id: int, role: str, slot: str, max_shift: int, now_s: str) -> Work[tuple[Enrollment | None, bool]]:
    moved = yield run(
        _MOVE_BACK,
        slot,
        now_s,
        user_id,
        role,
        slot,
        max_shift,
    )
    enrollment = yield from get_enrollment(user_id, role)
    return enrollment, moved > 0


def _update_column(user_id: int, role: str, column: str, value: Any, now_s: str) -> Work[Enrollment | None]:
    yield run(_SINGLE_COLUMN[column], value, now_s, user_id, role, value)
    return (yield from get_enrollment(user_id, role))


def _tick(user_id: int, role: str, item_id: str, now_s: str, proof: str | None, review_s: str | None) -> Work[bool]:
    yield from insert_learner(user_id, now_s, None)
    changed = yield run(_TICK, user_id, role, item_id, now_s, proof)
    if review_s is not None:
        yield from schedule_first(user_id, role, item_id, review_s)
    return changed > 0


def _untick(user_id: int, role: str, item_id: str) -> Work[int]:
    unticked = yield run(
        "DELETE FROM checklist_progress WHERE user_id = ? AND role = ? AND item_id = ?", user_id, role, item_id
    )
    yield run(DROP_ONE, user_id, role, item_id)  # ticked again later, it starts over in box 1
    return unticked


def _progress_counts(role: str) -> Work[dict[str, int]]:
    found = yield all_rows(
        "SELECT item_id, COUNT(*) AS n FROM checklist_progress WHERE role = ? GROUP BY item_id", role
    )
    return {row["item_id"]: row["n"] for row in found}


def _roles_with_progress() -> Work[set[str]]:
    found = yield all_rows("SELECT DISTINCT role FROM checklist_progress")
    return {row["role"] for row in found}


def _add_checkin(user_id: int, role: str, at_s: str) -> Work[None]:
    yield from insert_learner(user_id, at_s, None)
    yield run(
        "INSERT INTO checkins (user_id, role, checked_at) VALUES (?, ?, ?)"
        " ON CONFLICT (user_id, role, checked_at) DO NOTHING",
        user_id,
        role,
        at_s,
    )


def _list_checkins(user_id: int, role: str) -> Work[list[datetime]]:
    found = yield all_rows(
        "SELECT checked_at FROM checkins WHERE user_id = ? AND role = ? ORDER BY checked_at", user_id, role
    )
    return [codec.decode_datetime(row[0]) for row in found]


class EnrollmentRepository(Repository):
    """The `Enrollments` protocol (enrollments, checklist progress and check-ins) over the store's database."""

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
        A resume that changes nothing is answered from a read, without a write transaction.
        """
        codec.encode_datetime(now)  # a naive `now` is refused before anything is read or written
        if start_date is not None:
            codec.encode_date(start_date)  # and so is a datetime for a date
        existing = await self._db.read(get_enrollment, user_id, role)
        if existing is not None and _resumed(existing, pace, start_date) is None:
            return existing, False
        return await self._db.write(_enroll, user_id, role, pace, start_date, now)

    async def get_enrollment(self, user_id: int, role: str) -> Enrollment | None:
        """Return the learner's enrollment in a role, whatever its status."""
        return await self._db.read(get_enrollment, user_id, role)

    async def list_enrollments(
        self, user_id: int, statuses: Iterable[EnrollmentStatus] | None = ("active",)
    ) -> list[Enrollment]:
        """Return the learner's enrollments with one of `statuses` (None: all), oldest first."""
        wanted = None if statuses is None else tuple(rows.check_status(s) for s in statuses)
        if wanted == ():
            return []
        return await self._db.read(list_enrollments, user_id, wanted)

    async def stop_enrollment(self, user_id: int, role: str, now: datetime, forget: bool = False) -> StopResult:
        """Stop an active enrollment (a completed one stays completed), keeping its progress.

        With `forget`, delete the enrollment row (whatever its status) and all checklist progress
        (and its reviews) in that role instead, so a later `enroll` starts afresh.
        """
        return await self._db.write(_stop, user_id, role, codec.encode_datetime(now), forget)

    async def move_back_once(
        self, user_id: int, role: str, slot: str, max_shift: int, now: datetime
    ) -> tuple[Enrollment | None, bool]:
        """Push an active plan back a week for weekly `slot`, unless that slot did already or it would pass `max_shift`.

        One statement checks and writes, so two clicks at once move the plan once. Return the enrollment
        (None if there is none) and whether it moved.
        """
        return await self._db.write(
            _move_back, user_id, role, rows.check_slot(slot), max_shift, codec.encode_datetime(now)
        )

    async def set_enrollment_status(
        self, user_id: int, role: str, status: EnrollmentStatus, now: datetime
    ) -> Enrollment | None:
        """Set an enrollment's status; return it, or None if not enrolled."""
        status = rows.check_status(status)
        return await self._db.write(_update_column, user_id, role, "status", status, codec.encode_datetime(now))

    async def set_item_done(
        self,
        user_id: int,
        role: str,
        item_id: str,
        now: datetime,
        proof: str | None = None,
        review_due: datetime | None = None,
    ) -> bool:
        """Tick an item; re-ticking keeps the first done_at but replaces the proof if one is given.

        `review_due` puts the item in spaced review, box 1, due then (`bot.domain.review.first_review`), in the
        same transaction; an item already in review keeps its place. Return whether the tick changed anything.
        """
        review_s = codec.encode_optional_datetime(review_due)
        return await self._db.write(_tick, user_id, role, item_id, codec.encode_datetime(now), proof, review_s)

    async def set_item_undone(self, user_id: int, role: str, item_id: str) -> bool:
        """Untick an item (dropping its proof and its review); return whether it was ticked."""
        return await self._db.write(_untick, user_id, role, item_id) > 0

    async def get_progress(self, user_id: int, role: str) -> dict[str, ItemProgress]:
        """Return the learner's ticked items in a role by item id, in the order they were ticked."""
        return await self._db.read(get_progress, user_id, role)

    async def progress_counts(self, role: str) -> dict[str, int]:
        """Return, for each item id ticked in a role, how many learners ticked it."""
        return await self._db.read(_progress_counts, role, many_rows=True)

    async def roles_with_progress(self) -> set[str]:
        """Return every role someone has ticked an item in."""
        return await self._db.read(_roles_with_progress, many_rows=True)

    async def add_checkin(self, user_id: int, role: str, at: datetime) -> None:
        """Record that the learner checked in on `role` at `at` (the same instant twice is one check-in)."""
        await self._db.write(_add_checkin, user_id, rows.check_role(role), codec.encode_datetime(at))

    async def list_checkins(self, user_id: int, role: str) -> list[datetime]:
        """Return the learner's check-ins on `role`, oldest first, as aware UTC datetimes."""
        return await self._db.read(_list_checkins, user_id, role)
