"""Spaced review: when a finished checklist item comes back, and which due items to show.

Everything here is pure: no I/O, no clock. Callers pass the current instant in as an aware `datetime`
and the learner's IANA zone; the store keeps each item's box and due time (UTC).

Leitner boxes
-------------
Ticking an item puts it in box 1: it comes back for review one week later. Each answer moves it:

* "Still got it" (``"got"``) moves it up a box, and the next review comes that box's interval after the
  answer: box 2 after 3 weeks, box 3 after 8, box 4 after 21 (`BOX_WEEKS`). Answered "Still got it" in
  box 4, the item is *retired*: it never comes back (unless it is unticked and ticked again, which starts
  over in box 1).
* "Review again" (``"again"``) puts it back in box 1: it comes back one week after the answer.

So an item answered "Still got it" on the day it is due comes back 1, 4, 12 and 33 weeks after the tick:
the intervals between reviews are 1, 3, 8 and 21 weeks, and they never shrink while the learner keeps it.

Local dates
-----------
A review falls on a *date* in the learner's zone, not after a number of hours: an item ticked on Monday
evening in New York is due from the start of the Monday a week later, New York time, whatever daylight
saving did in between. A weekly reminder on that Monday morning therefore shows it, although fewer than
7 × 24 hours passed. `due_on` gives the first instant of a local date (a date whose midnight does not
exist, where clocks jump at 00:00, starts when they land).

What is shown
-------------
At most `MAX_SHOWN` (3) due items at a time, in a weekly reminder and in `/today`: the oldest due first,
ties in checklist order (`pick_due`). An item that is not answered stays due: nothing moves without an
answer, so a paused learner's reviews wait for them, and coming back after a long pause still shows 3.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal, Protocol, TypeVar
from zoneinfo import ZoneInfo

from bot.domain.weeks import local_today, require_aware, resolve_zone

__all__ = [
    "ANSWERS",
    "BOX_WEEKS",
    "LAST_BOX",
    "MAX_SHOWN",
    "Answer",
    "ReviewLike",
    "ReviewState",
    "answer",
    "due_on",
    "first_review",
    "is_due",
    "pick_due",
    "read_answer",
    "review_due",
    "upcoming",
]

BOX_WEEKS: tuple[int, ...] = (1, 3, 8, 21)
"""Weeks until the next review for an item in box 1, 2, 3 and 4."""
LAST_BOX = len(BOX_WEEKS)
MAX_SHOWN = 3
"""Due items shown at once in a weekly reminder and in `/today`."""

Answer = Literal["got", "again"]
ANSWERS: tuple[Answer, ...] = ("got", "again")
""""Still got it" and "Review again", as button arguments spell them."""


@dataclass(frozen=True, slots=True)
class ReviewState:
    """Where an item stands: its box (1-4) and when it is due (UTC); `due_at` None means retired."""

    box: int
    due_at: datetime | None

    def __post_init__(self) -> None:
        if isinstance(self.box, bool) or not isinstance(self.box, int) or not 1 <= self.box <= LAST_BOX:
            raise ValueError(f"box must be an int from 1 to {LAST_BOX}, got {self.box!r}")
        if self.due_at is not None:
            require_aware(self.due_at, "due_at")

    @property
    def retired(self) -> bool:
        """Whether the item left review for good (answered "Still got it" in the last box)."""
        return self.due_at is None


def read_answer(text: str) -> Answer:
    """Return `text` as an answer ("got" or "again"), raising ValueError for anything else."""
    for known in ANSWERS:
        if text == known:
            return known
    raise ValueError(f"an answer is one of {ANSWERS}, got {text!r}")


def due_on(day: date, tz: str | ZoneInfo) -> datetime:
    """Return the first instant of local date `day` in `tz`, in UTC.

    Midnight itself, or, where the clocks jump forward at midnight and it does not exist, the moment they
    land (01:00 local); where midnight happens twice, the first time. A date the zone skipped altogether
    (Samoa's 2011-12-30) gives the start of the next one.
    """
    zone = resolve_zone(tz)
    instant = datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)
    # fold=0 reads a skipped midnight with the offset from before the jump: that is the instant of the jump.
    # Should the offsets put it on another date, step to the first instant that is on `day`.
    while instant.astimezone(zone).date() < day:
        instant += timedelta(minutes=15)
    while (instant - timedelta(minutes=15)).astimezone(zone).date() == day:
        instant -= timedelta(minutes=15)
    return instant


def review_due(at: datetime, weeks: int, tz: str | ZoneInfo) -> datetime:
    """Return when a review `weeks` weeks after `at` is due: the start of that local date in `tz` (UTC)."""
    require_aware(at, "at")
    if weeks < 1:
        raise ValueError(f"weeks must be at least 1, got {weeks}")
    return due_on(local_today(at, tz) + timedelta(weeks=weeks), tz)


def first_review(ticked_at: datetime, tz: str | ZoneInfo) -> ReviewState:
    """Return the review an item ticked at `ticked_at` starts with: box 1, due a week later (local date)."""
    return ReviewState(1, review_due(ticked_at, BOX_WEEKS[0], tz))


def is_due(state: ReviewState, now: datetime) -> bool:
    """Return whether an item is up for review at `now` (never once retired)."""
    require_aware(now, "now")
    return state.due_at is not None and state.due_at <= now


def answer(state: ReviewState, given: Answer, at: datetime, tz: str | ZoneInfo) -> ReviewState:
    """Return the state after answering a due review at `at`: up a box (or retired), or back to box 1.

    Raises ValueError for a retired item, one not due at `at` (an answer comes when it is asked), or an
    unknown answer.
    """
    given = read_answer(given)
    if state.retired:
        raise ValueError("a retired item is not reviewed any more")
    if not is_due(state, at):
        raise ValueError(f"the review is due at {state.due_at}, not yet at {at}")
    if given == "again":
        return ReviewState(1, review_due(at, BOX_WEEKS[0], tz))
    if state.box == LAST_BOX:
        return ReviewState(LAST_BOX, None)
    box = state.box + 1
    return ReviewState(box, review_due(at, BOX_WEEKS[box - 1], tz))


class ReviewLike(Protocol):
    """A stored review, like `bot.store.models.Review`: whose item it is, its box and when it is due."""

    @property
    def role(self) -> str: ...

    @property
    def item_id(self) -> str: ...

    @property
    def box(self) -> int: ...

    @property
    def due_at(self) -> datetime | None: ...


R = TypeVar("R", bound=ReviewLike)


def pick_due(
    reviews: Iterable[R], now: datetime, order: Sequence[tuple[str, str]], limit: int | None = MAX_SHOWN
) -> list[R]:
    """Return the reviews due at `now`, oldest due first, at most `limit` (None: all).

    `order` lists the (role, item ID) pairs that may be shown, in checklist order (paths in the order the
    learner follows them): it breaks ties between items due at the same moment, so the choice never depends
    on the order `reviews` come in. A review not in `order` (a path not followed, an item gone from the
    checklist) is left out.
    """
    require_aware(now, "now")
    rank = {key: n for n, key in enumerate(order)}
    due = [r for r in reviews if (r.role, r.item_id) in rank and r.due_at is not None and r.due_at <= now]
    due.sort(key=lambda r: (r.due_at, rank[(r.role, r.item_id)]))
    return due if limit is None else due[:limit]


def upcoming(reviews: Iterable[R], now: datetime, order: Sequence[tuple[str, str]]) -> list[R]:
    """Return the reviews not due yet at `now` (retired ones left out), soonest first, ties in `order`."""
    require_aware(now, "now")
    rank = {key: n for n, key in enumerate(order)}
    later = [r for r in reviews if (r.role, r.item_id) in rank and r.due_at is not None and r.due_at > now]
    later.sort(key=lambda r: (r.due_at, rank[(r.role, r.item_id)]))
    return later
