"""Week streaks: how many path weeks in a row a learner has worked on their path.

Pure: no I/O and no clock; `today` is the learner's local date (see `weeks.local_today`).

Rules
-----
* Weeks are the learner's path weeks (`weeks.week_number`): week 1 is the start date and
  the six days after it, in the learner's time zone. Each aware timestamp is turned into a
  local date in that zone first, so a tick late on Sunday evening in New York counts for the
  week it was on the learner's calendar, not the UTC one, whatever offset the zone has that day.
* A week is *active* when it has at least one tick or, for `streak_status`, one check-in
  ("I worked on this").
* The streak counts consecutive active weeks, going back from the current week. The current
  week is still going: without activity yet it neither counts nor breaks the streak, which
  then counts back from the previous week. A streak is only broken once a whole week has
  passed without activity.
* "I'm behind" shifts do not matter here: the streak is about calendar weeks of effort.
* Timestamps before the start date (week 0 or earlier) or in a week after the current one
  (clock skew) are ignored; before the start the streak is 0.

Grace weeks (`streak_status`)
    A finished week without activity is a *grace week*, and does not break the streak, when

    1. a streak is running into it (at least one active week since the streak last broke),
    2. no other grace week lies in the 4 weeks before it (weeks w-4..w-1), and
    3. the streak goes on after it: the next week is active, or is the current week (still
       going). Two finished weeks in a row without activity break the streak, and then the
       first of them is no grace week.

    So grace weeks are at least 5 weeks apart: at most one in any 5 consecutive weeks. A grace
    week keeps the streak alive but does not add to it. A grace week counts in rule 2 even if
    the streak broke later; one that the current streak still relies on (the week before the
    current one) is listed, and stops being one if the current week ends without activity.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.domain.weeks import resolve_zone, week_number

__all__ = ["GRACE_GAP", "Streak", "streak_status", "week_streak"]

GRACE_GAP = 4
"""No two grace weeks within this many weeks of each other (see the module docstring)."""


@dataclass(frozen=True, slots=True)
class Streak:
    """A learner's streaks on one day (see the module docstring).

    `current` and `longest` count active weeks (grace weeks keep a streak alive without adding
    to it); `longest` includes the current streak. `week` is the current path week (0 or less
    before the start). `grace_weeks` are the path weeks forgiven so far, in order. `at_risk`
    says the current streak ends if this week ends without activity.
    """

    current: int
    longest: int
    week: int
    grace_weeks: tuple[int, ...]
    at_risk: bool


def _active_weeks(instants: Iterable[datetime], start: date, current: int, zone: ZoneInfo) -> set[int]:
    active: set[int] = set()
    for instant in instants:
        if instant.tzinfo is None or instant.utcoffset() is None:
            raise ValueError("done_at and checked_in timestamps must be timezone-aware")
        week = week_number(start, instant.astimezone(zone).date())
        if 1 <= week <= current:
            active.add(week)
    return active


def _scan(active: set[int], current: int, grace: bool) -> tuple[int, int, tuple[int, ...]]:
    """Walk weeks 1..`current` and return the current streak, the longest one and the grace weeks."""
    run = longest = 0
    graces: list[int] = []
    pending: int | None = None  # a missed week that is a grace week if the streak goes on after it
    for week in range(1, current + 1):
        if week in active:
            if pending is not None:
                graces.append(pending)
                pending = None
            run += 1
            longest = max(longest, run)
        elif week == current:
            continue  # the current week is still going
        elif grace and pending is None and run > 0 and (not graces or week - graces[-1] > GRACE_GAP):
            pending = week
        else:
            run, pending = 0, None
    if pending is not None:  # the week before the current one, holding the streak up
        graces.append(pending)
    return run, longest, tuple(graces)


def streak_status(
    done_at: Iterable[datetime],
    start: date,
    today: date,
    tz: str | ZoneInfo,
    *,
    checked_in: Iterable[datetime] = (),
    grace: bool = True,
) -> Streak:
    """Return the learner's current and longest week streaks, with grace weeks (see the module docstring).

    `done_at` holds the aware instants items were ticked and `checked_in` those the learner said
    "I worked on this" (any order, duplicates fine); `start` and `today` are local dates in
    `tz`. `grace` False gives the plain streak (`week_streak`). Raises ValueError for a naive
    timestamp or an unknown zone.
    """
    zone = resolve_zone(tz)
    current = week_number(start, today)
    if current < 1:
        return Streak(0, 0, current, (), at_risk=False)
    active = _active_weeks(done_at, start, current, zone) | _active_weeks(checked_in, start, current, zone)
    run, longest, graces = _scan(active, current, grace)
    # At risk: the same weeks seen from next week, with this one over and still empty, end the streak.
    at_risk = run > 0 and current not in active and _scan(active, current + 1, grace)[0] == 0
    return Streak(run, longest, current, graces, at_risk)


def week_streak(done_at: Iterable[datetime], start: date, today: date, tz: str | ZoneInfo) -> int:
    """Return the number of consecutive path weeks, up to now, with at least one tick.

    `done_at` holds the aware instants items were ticked (any order, duplicates fine);
    `start` and `today` are local dates in `tz`. Raises ValueError for a naive timestamp or
    an unknown zone.
    """
    return streak_status(done_at, start, today, tz, grace=False).current
