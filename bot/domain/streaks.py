"""Week streaks: how many path weeks in a row a learner has ticked at least one item.

Pure: no I/O and no clock; `today` is the learner's local date (see `weeks.local_today`).

Rules
-----
* Weeks are the learner's path weeks (`weeks.week_number`): week 1 is the start date and
  the six days after it, in the learner's time zone. Each tick's aware timestamp is turned
  into a local date in that zone first, so a tick late on Sunday evening in New York counts
  for the week it was on the learner's calendar, not the UTC one.
* The streak counts consecutive weeks with at least one tick, going back from the current
  week. If the current week has no tick yet, it counts back from the previous week instead:
  a streak is only broken once a whole week has passed without activity.
* "I'm behind" shifts do not matter here: the streak is about calendar weeks of effort.
* Ticks before the start date (week 0 or earlier) or in a week after the current one (clock
  skew) are ignored; before the start the streak is 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.domain.weeks import resolve_zone, week_number

__all__ = ["week_streak"]


def week_streak(done_at: Iterable[datetime], start: date, today: date, tz: str | ZoneInfo) -> int:
    """Return the number of consecutive path weeks, up to now, with at least one tick.

    `done_at` holds the aware instants items were ticked (any order, duplicates fine);
    `start` and `today` are local dates in `tz`. Raises ValueError for a naive timestamp or
    an unknown zone.
    """
    zone = resolve_zone(tz)
    current = week_number(start, today)
    if current < 1:
        return 0
    active: set[int] = set()
    for instant in done_at:
        if instant.tzinfo is None or instant.utcoffset() is None:
            raise ValueError("done_at timestamps must be timezone-aware")
        week = week_number(start, instant.astimezone(zone).date())
        if 1 <= week <= current:
            active.add(week)
    week = current if current in active else current - 1
    streak = 0
    while week in active:
        streak += 1
        week -= 1
    return streak
