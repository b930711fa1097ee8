"""Finish dates, on-track status and pace changes for a path with a weekly plan.

Pure: no I/O and no clock. Dates are the learner's local dates (see `weeks.local_today`); the
plan's length comes from `weeks.pace_weeks` and "I'm behind" presses are `shift_weeks`, as in
`weeks.week_number`. A self-paced path (0 weeks) has no finish date and no pace to keep:
these functions raise ValueError for it, and callers check `Position.self_paced` first.

Rules
-----
Finish date
    The last day of the last week: week W of a plan that starts on `start` and was pushed back
    S weeks ends on ``start + 7 * (W + S) - 1`` days. It moves a week later with each shift.

Elapsed weeks
    The plan weeks that are over: ``week_number(start, today, shift) - 1``, clamped to
    0..W. Week 1 is never behind (nothing is over yet); the day after the finish date has all
    W weeks over. Whole weeks only, so the status does not change from day to day within a week.

Due weeks (`due_weeks`)
    Each checklist item falls due at a point of the plan, in weeks from its start: the N items
    written in a phase of L weeks that starts after week F share it out, the k-th due at
    ``F + L * k / N`` (the last at the phase's end); items written outside any phase share out
    the whole plan the same way. With no phases to go by, item k of I is due at ``W * k / I``.

Status (`pace_status`)
    With I checklist items, D of them done, W weeks and E elapsed weeks, taking the items in the
    order they fall due (t_1 <= ... <= t_I), the items expected by now are those with t_k <= E:

    * "not_started": before the start date;
    * "complete": every item is done (whenever that is);
    * "time_up": the last week is over (E == W) and items remain; `weeks` counts the weeks since
      the plan ended (1 in the first week after it). Never "finished" at 0% after the last week;
    * "behind": the next item, t_(D+1), fell due a week or more ago; `weeks` = ``floor(E - t_(D+1))``.
      An item that is not due yet is never a lag: two 4-week phases of one item each are on track
      with nothing ticked until the first phase is over;
    * "ahead": the last item done, t_D, falls due in a later week than the current one. An item due after t
      weeks falls due in week ``ceil(t)`` (by the end of it), and the current week is E + 1, so
      `weeks` = ``ceil(t_D) - (E + 1)`` when that is 1 or more. Items due this week, ticked this week, are on
      schedule, not ahead, whichever day of the week it is;
    * "on_track": otherwise;
    * "no_checklist": the role has no checklist items, so progress cannot be measured.

Behind nudge (`needs_nudge`)
    A learner "behind" by at least `NUDGE_WEEKS` weeks is offered help: move the plan back a week,
    or a slower pace. Less than that is within a normal week's ups and downs, and is never nudged.

Slower pace (`slower_pace`)
    The paces of a role are its `timelineMonths` entries; each lasts `weeks.pace_weeks` weeks. The
    next slower pace is the one with the fewest weeks that is still longer than the learner's plan
    now (the order the file lists paces in breaks ties). A malformed range is never offered.

Pace change
    `pace_change` compares the plan's length and finish date at the old and the new pace,
    for "36 → 22 weeks, finishing 2027-05-03". The week number does not depend on the pace,
    only on the start date and shifts, which carry over unless a new shift count is given.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from typing import Literal

from bot.domain.weeks import ScheduledPhase, pace_weeks, week_number

__all__ = [
    "NUDGE_WEEKS",
    "PaceChange",
    "PaceState",
    "PaceStatus",
    "due_weeks",
    "elapsed_weeks",
    "finish_date",
    "needs_nudge",
    "pace_change",
    "pace_status",
    "slower_pace",
]

NUDGE_WEEKS = 2
"""Behind by this many weeks or more, a reminder offers "I'm behind" and a slower pace."""

PaceState = Literal["not_started", "ahead", "on_track", "behind", "time_up", "complete", "no_checklist"]


def _check_plan(total_weeks: int, shift_weeks: int) -> None:
    if total_weeks < 1:
        raise ValueError(f"a plan needs at least one week (a self-paced path has no finish), got {total_weeks}")
    if shift_weeks < 0:
        raise ValueError(f"shift_weeks must not be negative, got {shift_weeks}")


def finish_date(start: date, total_weeks: int, shift_weeks: int = 0) -> date:
    """Return the local date of the last day of the plan's last week."""
    _check_plan(total_weeks, shift_weeks)
    return start + timedelta(days=7 * (total_weeks + shift_weeks) - 1)


def elapsed_weeks(start: date, today: date, total_weeks: int, shift_weeks: int = 0) -> int:
    """Return how many plan weeks are over on `today`: 0 in week 1 and before the start, `total_weeks` after the end."""
    _check_plan(total_weeks, shift_weeks)
    week = week_number(start, today, shift_weeks)
    return min(max(week - 1, 0), total_weeks)


@dataclass(frozen=True, slots=True)
class PaceStatus:
    """How a learner's checklist progress compares with their plan on one day (see the module docstring).

    `weeks` is N in "behind by N weeks" / "ahead by N weeks", the weeks past the end for
    "time_up", and 0 otherwise. `expected` is the number of items expected done by now, rounded down.
    """

    state: PaceState
    weeks: int
    done: int
    items: int
    expected: int
    elapsed_weeks: int
    total_weeks: int
    finish: date

    @property
    def items_left(self) -> int:
        """How many checklist items are still open."""
        return self.items - self.done


def pace_status(
    done: int,
    items: int,
    start: date,
    today: date,
    total_weeks: int,
    shift_weeks: int = 0,
    due: Sequence[Fraction] | None = None,
) -> PaceStatus:
    """Return whether a learner with `done` of `items` checklist items is ahead, on track or behind on `today`.

    `done` counts distinct done items that are in the checklist now; `due` is when each falls due, ascending
    (`due_weeks`; None: spread evenly over the plan). Raises ValueError for a self-paced plan (0 weeks),
    negative counts, `done` above `items`, or a `due` of another length.
    """
    _check_plan(total_weeks, shift_weeks)
    if items < 0 or done < 0:
        raise ValueError(f"item counts must not be negative, got {done} of {items}")
    if done > items:
        raise ValueError(f"done ({done}) cannot exceed the checklist's {items} items")
    if due is not None and len(due) != items:
        raise ValueError(f"{len(due)} due weeks given for {items} items")
    elapsed = elapsed_weeks(start, today, total_weeks, shift_weeks)
    finish = finish_date(start, total_weeks, shift_weeks)

    def due_at(k: int) -> Fraction:
        """When the k-th item (from 1) falls due."""
        return due[k - 1] if due is not None else Fraction(total_weeks * k, items)

    if due is not None:
        expected = sum(1 for t in due if t <= elapsed)
    else:
        expected = items * elapsed // total_weeks if items else 0

    def status(state: PaceState, weeks: int = 0) -> PaceStatus:
        return PaceStatus(state, weeks, done, items, expected, elapsed, total_weeks, finish)

    if today < start:
        return status("not_started")
    if items == 0:
        return status("no_checklist")
    if done == items:
        return status("complete")
    if today > finish:
        return status("time_up", week_number(start, today, shift_weeks) - total_weeks)
    lag = elapsed - due_at(done + 1)  # exact: fractions of a week
    if lag >= 1:
        return status("behind", math.floor(lag))
    lead = math.ceil(due_at(done)) - (elapsed + 1) if done else 0  # weeks after this one the last done is due in
    if lead >= 1:
        return status("ahead", lead)
    return status("on_track")


def due_weeks(
    item_phases: Sequence[int | None], phases: Sequence[ScheduledPhase], total_weeks: int
) -> tuple[Fraction, ...]:
    """Return when the checklist items fall due, ascending, in weeks from the plan's start (see the module
    docstring); `item_phases` holds the phase each item is written in (None: none, or one not scheduled)."""
    spans = {p.number: (p.first_week - 1, p.weeks) for p in phases}
    counts = Counter(number if number in spans else None for number in item_phases)
    due: list[Fraction] = []
    for number, n in counts.items():
        first, length = spans[number] if number is not None else (0, total_weeks)
        due.extend(first + Fraction(length * k, n) for k in range(1, n + 1))
    return tuple(sorted(due))


@dataclass(frozen=True, slots=True)
class PaceChange:
    """A plan's length and finish date before and after a change of pace."""

    old_weeks: int
    new_weeks: int
    old_finish: date
    new_finish: date


def pace_change(
    start: date,
    old_weeks: int,
    new_weeks: int,
    shift_weeks: int = 0,
    *,
    new_shift_weeks: int | None = None,
    new_start: date | None = None,
) -> PaceChange:
    """Compare a plan of `old_weeks` with one of `new_weeks`.

    `new_shift_weeks` and `new_start` are the shift and start date after the change where they differ
    (None keeps `shift_weeks` and `start`).
    """
    after = shift_weeks if new_shift_weeks is None else new_shift_weeks
    return PaceChange(
        old_weeks=old_weeks,
        new_weeks=new_weeks,
        old_finish=finish_date(start, old_weeks, shift_weeks),
        new_finish=finish_date(start if new_start is None else new_start, new_weeks, after),
    )


def needs_nudge(status: PaceStatus) -> bool:
    """Return whether a learner is far enough behind (`NUDGE_WEEKS` or more) to be offered help."""
    return status.state == "behind" and status.weeks >= NUDGE_WEEKS


def slower_pace(timeline: Mapping[str, tuple[int, int]], current_weeks: int, phase_count: int) -> str | None:
    """Return the pace of `timeline` with the shortest plan longer than `current_weeks`; None when none is slower.

    `phase_count` is the role's number of phases (as `weeks.pace_weeks` takes it).
    """
    best: tuple[int, str] | None = None
    for pace in timeline:
        try:
            weeks = pace_weeks(timeline, pace, current_weeks, phase_count=phase_count)
        except ValueError:  # a malformed range in the role file: never offered
            continue
        if weeks > current_weeks and (best is None or weeks < best[0]):
            best = (weeks, pace)
    return best[1] if best is not None else None
