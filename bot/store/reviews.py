"""Spaced review: each ticked item's Leitner box and next due time, and whether a learner wants reviews at all.

The schedule itself (which box, which date) is `bot.domain.review`'s: the store keeps what it is given.
A review row is written together with its tick (`EnrollmentRepository.set_item_done(review_due=...)`) and
deleted together with its untick, so the two never disagree.
"""

from __future__ import annotations

from datetime import datetime

from bot.store import codec, rows
from bot.store.learners import insert_learner
from bot.store.models import Review
from bot.store.repository import Repository
from bot.store.sql import Work, one, run
from bot.store.sql import rows as all_rows

SCHEDULE_FIRST = (
    "INSERT INTO reviews (user_id, role, item_id, box, due_at, last_answer_at) VALUES (?, ?, ?, 1, ?, NULL)"
    " ON CONFLICT (user_id, role, item_id) DO NOTHING"
)
"""Box 1 for an item just ticked; an item already in review (ticked again with a new proof) keeps its place."""
DROP_ONE = "DELETE FROM reviews WHERE user_id = ? AND role = ? AND item_id = ?"
DROP_ROLE = "DELETE FROM reviews WHERE user_id = ? AND role = ?"
_SELECT = "SELECT role, item_id, box, due_at, last_answer_at FROM reviews WHERE user_id = ?"
# The answer lands only on the state it answers: the box the learner saw, and still due. A second click on the
# same button (or one on an older reminder after the item moved on) changes nothing.
_ANSWER = (
    "UPDATE reviews SET box = ?, due_at = ?, last_answer_at = ?"
    " WHERE user_id = ? AND role = ? AND item_id = ? AND box = ? AND due_at IS NOT NULL AND due_at <= ?"
)
_SET_ENABLED = (
    "INSERT INTO review_settings (user_id, enabled, updated_at) VALUES (?, ?, ?)"
    " ON CONFLICT (user_id) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at"
)


def schedule_first(user_id: int, role: str, item_id: str, due_s: str) -> Work[int]:
    """Put a just-ticked item in box 1, due at `due_s`, unless it is in review already; return rows written."""
    return (yield run(SCHEDULE_FIRST, user_id, role, item_id, due_s))


def _list(user_id: int, role: str | None) -> Work[list[Review]]:
    if role is None:
        found = yield all_rows(_SELECT + " ORDER BY role, item_id", user_id)
    else:
        found = yield all_rows(_SELECT + " AND role = ? ORDER BY item_id", user_id, role)
    return [rows.review(row) for row in found]


def _get(user_id: int, role: str, item_id: str) -> Work[Review | None]:
    row = yield one(_SELECT + " AND role = ? AND item_id = ?", user_id, role, item_id)
    return None if row is None else rows.review(row)


def _answer(user_id: int, role: str, item_id: str, from_box: int, box: int, due_s: str | None, now_s: str) -> Work[int]:
    return (yield run(_ANSWER, box, due_s, now_s, user_id, role, item_id, from_box, now_s))


def _enabled(user_id: int) -> Work[bool]:
    row = yield one("SELECT enabled FROM review_settings WHERE user_id = ?", user_id)
    return row is None or bool(row["enabled"])


def _set_enabled(user_id: int, enabled: int, now_s: str) -> Work[None]:
    yield from insert_learner(user_id, now_s, None)
    yield run(_SET_ENABLED, user_id, enabled, now_s)


def _check_box(box: int) -> int:
    if isinstance(box, bool) or not isinstance(box, int) or not 1 <= box <= 4:
        raise ValueError(f"box must be an int from 1 to 4, got {box!r}")
    return box


class ReviewRepository(Repository):
    """The `Reviews` protocol over the store's database."""

    async def get_reviews(self, user_id: int, role: str | None = None) -> list[Review]:
        """Return the learner's items in review (retired ones too), on one path or all, by role and item ID."""
        return await self._db.read(_list, user_id, role)

    async def get_review(self, user_id: int, role: str, item_id: str) -> Review | None:
        """Return one item's review, or None when it is not in review (not ticked, or ticked before reviews)."""
        return await self._db.read(_get, user_id, role, item_id)

    async def answer_review(
        self, user_id: int, role: str, item_id: str, from_box: int, box: int, due_at: datetime | None, now: datetime
    ) -> bool:
        """Move a due review from box `from_box` to `box`, due at `due_at` (None: retired), answered at `now`.

        One statement checks and writes: it changes the row only while it is still in `from_box` and due at
        `now`, so two clicks at once move it once. Return whether it moved.
        """
        now_s = codec.encode_datetime(now)
        due_s = codec.encode_optional_datetime(due_at)
        return (
            await self._db.write(_answer, user_id, role, item_id, _check_box(from_box), _check_box(box), due_s, now_s)
            > 0
        )

    async def reviews_enabled(self, user_id: int) -> bool:
        """Return whether the learner wants due reviews in their reminder and `/today` (on unless turned off)."""
        return await self._db.read(_enabled, user_id)

    async def set_reviews_enabled(self, user_id: int, enabled: bool, now: datetime) -> None:
        """Turn spaced review on or off for a learner (creating the learner if needed)."""
        await self._db.write(_set_enabled, user_id, int(bool(enabled)), codec.encode_datetime(now))
