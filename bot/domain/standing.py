"""Where a learner stands on a path at one instant: finish date, pace, streak, and whether to offer help.

Pure: no I/O and no clock. The instant `now` is passed in (aware) with the learner's zone; every rule
works on the learner's *local* date at that instant (`weeks.local_today`), so a reminder that goes out
at 09:00 on a Monday in Sydney counts that Monday, even though it is still Sunday in UTC, and a day
with a DST change is one day like any other. The rules themselves are those of `bot.domain.pace`
(finish date, on-track status, nudge) and `bot.domain.streaks` (current and longest streak).

A self-paced path (no phases, 0 weeks) has no finish date and no pace: only its streak.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction
from zoneinfo import ZoneInfo

from bot.domain.pace import PaceStatus, finish_date, needs_nudge, pace_status
from bot.domain.streaks import Streak, streak_status
from bot.domain.weeks import local_today

__all__ = ["Standing", "standing"]


@dataclass(frozen=True, slots=True)
class Standing:
    """A learner's standing on one path on their local date `today`.

    `finish` and `pace` are None on a self-paced path. `nudge` says the learner is behind by
    `pace.NUDGE_WEEKS` or more.
    """

    today: date
    finish: date | None
    pace: PaceStatus | None
    streak: Streak

    @property
    def nudge(self) -> bool:
        return self.pace is not None and needs_nudge(self.pace)


def standing(
    *,
    start: date,
    total_weeks: int,
    shift_weeks: int,
    done: int,
    items: int,
    done_at: Iterable[datetime],
    now: datetime,
    tz: str | ZoneInfo,
    checked_in: Iterable[datetime] = (),
    due: Sequence[Fraction] | None = None,
) -> Standing:
    """Return the standing of a learner who started on local date `start`, at the aware instant `now` in `tz`.

    `total_weeks` is the plan's length at the learner's pace (0: self-paced) and `shift_weeks` their
    "I'm behind" presses; `done` of `items` checklist items are ticked (distinct, in the checklist
    now); `done_at` holds the instants of every tick on the path and `checked_in` those of every
    "I worked on this", for the streak; `due` when each item falls due (`pace.due_weeks`). Raises ValueError
    for a naive `now` or tick, or an unknown zone.
    """
    today = local_today(now, tz)
    streak = streak_status(done_at, start, today, tz, checked_in=checked_in)
    if total_weeks == 0:
        return Standing(today, None, None, streak)
    finish = finish_date(start, total_weeks, shift_weeks)
    pace = pace_status(done, items, start, today, total_weeks, shift_weeks, due)
    return Standing(today, finish, pace, streak)
