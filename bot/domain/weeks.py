"""Path weeks: how long a path takes at a pace, where its phases fall, and where a learner is.

Everything here is pure: no I/O and no clock. The current instant is always passed in as an
aware `datetime` (normally UTC); callers turn it into the learner's local date with
`local_today` and work with dates from then on.

Rules
-----
Pace
    `pace_weeks` gives the length of a path in weeks. With no pace the path runs as written
    (its nominal length, the last week of its last phase). With a pace, the role's
    `timelineMonths` range for that pace is used: the midpoint of the range in months,
    converted at 52/12 weeks a month and rounded half up (9-12 months -> 10.5 months ->
    45.5 -> 46 weeks). The result is never shorter than the number of phases, so that every
    phase keeps at least one week.

Schedule
    `schedule` stretches or compresses the nominal phase spans to a new total. Each phase's
    nominal *end* week is scaled by ``total / nominal`` and rounded half up, then nudged as
    little as needed so that every phase has at least one week and there is room left for
    the phases after it. Each phase starts the week after the previous one ends, but for a
    phase the plan as written leaves weeks before (Phase 1 weeks 1-4, Phase 2 weeks 7-10): its
    nominal *start* is scaled the same way, so the weeks between stay in no phase (a catch-up
    gap, which may shrink to nothing when the plan is compressed). The last phase ends on the
    total. A plan as written without gaps tiles weeks 1..total exactly, in the order given;
    when the total equals the nominal length the schedule is the nominal one.

Weeks
    Week 1 is the start date and the six days after it, week 2 the next seven days, and so
    on. Before the start date `week_number` is 0 or negative; callers show "starts in N
    days" instead. Each "I'm behind" press (`shift_weeks`) pushes the plan back a week: the
    week number drops by the shift but never below 1 once the path has started.

Position
    `position` combines the above: the display week (0 before the start, otherwise clamped
    to 1..total), the phase that week falls in (the last phase once the path is finished),
    a status, and a few numbers the weekly message needs. A week in a gap of the schedule is
    in no phase: the phase after the gap has not started, and is named as the next one.

The turn of a week
    A weekly message (a learner's reminder, a group's post) comes on a weekday of its own, which need not be
    the weekday the path started on, so it can land on any day of a plan week. Sent on one of a week's last
    `TURN_DAYS` days, it announces the week after it: of the seven days until the next message, at least
    seven minus `TURN_DAYS` are in that week, too few are left for a week's work, and a message that named the
    ending week would tell the learner a week's work the day before the next one starts. `week_turn` gives
    that week, the ending week's last day and the days left in it (today counted). The plan's last week turns
    to no week; a week that does not end where it would (week 1 held back by "I'm behind" presses), and any
    day before the start, after the end or on a self-paced path, has no turn.

Self-paced paths
    A path without phases (a checklist README, a curriculum) has no weekly plan: it lasts 0
    weeks at any pace, its schedule is empty, and its position counts the weeks since the
    start with no end. It is never "finished" and has no phase; "I'm behind" shifts do not
    apply (there is no plan to push back), so the week is the one since the start date, as
    for streaks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from fractions import Fraction
from typing import Literal, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "TURN_DAYS",
    "WEEKS_PER_MONTH",
    "PhaseLike",
    "Position",
    "ScheduledPhase",
    "Status",
    "WeekTurn",
    "days_left_in_week",
    "gap_weeks",
    "local_today",
    "pace_weeks",
    "position",
    "require_aware",
    "resolve_zone",
    "schedule",
    "week_number",
    "week_turn",
]

WEEKS_PER_MONTH = Fraction(52, 12)
"""Weeks in an average month, as used to turn `timelineMonths` into weeks."""

Status = Literal["not_started", "active", "finished"]

TURN_DAYS = 2
"""A weekly message sent on one of a plan week's last this-many days announces the week after it."""


class PhaseLike(Protocol):
    """Anything with a phase number and a nominal week span, like `bot.content.models.Phase`."""

    @property
    def number(self) -> int: ...

    @property
    def first_week(self) -> int: ...

    @property
    def last_week(self) -> int: ...


@dataclass(frozen=True, slots=True)
class ScheduledPhase:
    """A phase placed on a learner's calendar: weeks `first_week`..`last_week` of their path."""

    number: int
    first_week: int
    last_week: int

    @property
    def weeks(self) -> int:
        """How many weeks the phase lasts."""
        return self.last_week - self.first_week + 1

    @property
    def span(self) -> str:
        """``"weeks 13-18"``, or ``"week 3"`` for a one-week phase."""
        if self.first_week == self.last_week:
            return f"week {self.first_week}"
        return f"weeks {self.first_week}-{self.last_week}"

    def __contains__(self, week: object) -> bool:
        return isinstance(week, int) and self.first_week <= week <= self.last_week


@dataclass(frozen=True, slots=True)
class Position:
    """Where a learner is on their path on a given local date.

    `week` is for display: 0 before the start, otherwise clamped to 1..`total_weeks` (so it
    stays on the last week once the path is finished). On a self-paced path `total_weeks` is 0
    and `week` counts on from the start date without end (see `self_paced`). `phase` is None before the start, and
    the last phase once finished; it is None too in a week no phase covers (a gap of the schedule), when
    `next_phase` is the phase after the gap (None otherwise). `days_until_start` is 0 once started. `is_phase_start`
    is true on the first week of a phase while active. `weeks_left_in_phase` counts the current week (1 on a phase's
    last week) while active in a phase, and is 0 otherwise.
    """

    week: int
    total_weeks: int
    phase: ScheduledPhase | None
    status: Status
    days_until_start: int
    is_phase_start: bool
    weeks_left_in_phase: int
    next_phase: ScheduledPhase | None = None

    @property
    def between_phases(self) -> bool:
        """Whether the week is in a gap of the schedule: active, in no phase, with a phase still to come."""
        return self.next_phase is not None

    @property
    def self_paced(self) -> bool:
        """Whether the path has no weekly plan: no phases, no end, never finished."""
        return self.total_weeks == 0


def require_aware(value: datetime, name: str) -> None:
    """Refuse anything but a timezone-aware datetime for `name`, saying which it got."""
    if not isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got naive {value.isoformat()}")


def _round_half_up(value: Fraction) -> int:
    return int((value + Fraction(1, 2)) // 1)


def pace_weeks(
    timeline: Mapping[str, tuple[int, int]],
    pace: str | None,
    nominal_weeks: int,
    *,
    phase_count: int = 1,
) -> int:
    """Return how many weeks the path takes at `pace`.

    `pace` None means the path as written: `nominal_weeks`. Otherwise the midpoint of the
    pace's month range, in weeks, rounded half up, and at least `phase_count` (pass the
    number of phases so each can keep a week). A path without phases (`phase_count` 0) is
    self-paced: 0 weeks, whatever the pace. Raises ValueError for an unknown pace, naming the
    valid ones, or for a malformed range.
    """
    if phase_count == 0:
        return 0
    if pace is None:
        if nominal_weeks < 1:
            raise ValueError(f"nominal_weeks must be at least 1, got {nominal_weeks}")
        return nominal_weeks
    if pace not in timeline:
        valid = ", ".join(timeline) if timeline else "none (this role defines no paces)"
        raise ValueError(f"unknown pace {pace!r}; valid paces: {valid}")
    low, high = timeline[pace]
    if low <= 0 or high < low:
        raise ValueError(f"pace {pace!r} has a malformed month range {low}-{high}")
    weeks = _round_half_up(Fraction(low + high, 2) * WEEKS_PER_MONTH)
    return max(weeks, phase_count, 1)


def schedule(phases: Sequence[PhaseLike], total_weeks: int) -> tuple[ScheduledPhase, ...]:
    """Spread `phases` over weeks 1..`total_weeks`, keeping their nominal proportions.

    The result runs from week 1 (or later, when the first phase starts later as written) to
    `total_weeks` with no overlaps, in the order given, each phase at least one week long. A
    phase starts the week after the one before it ends, unless the phases as written leave
    weeks between them: that gap is kept, scaled as the phases are (see "Schedule" above).
    It is the nominal schedule when `total_weeks` is the nominal length (the largest
    `last_week`) and the phases are in order without overlaps. Raises ValueError if
    `total_weeks` is smaller than the number of phases.
    """
    count = len(phases)
    if count == 0:
        return ()
    if total_weeks < count:
        raise ValueError(f"{total_weeks} weeks cannot hold {count} phases (each needs at least one week)")
    nominal = max(max(p.last_week for p in phases), 1)
    scale = Fraction(total_weeks, nominal)
    result: list[ScheduledPhase] = []
    previous_end = 0
    previous_last = 0  # the nominal last week of the phase before
    for index, phase in enumerate(phases):
        phases_after = count - 1 - index
        first = previous_end + 1
        if phase.first_week > previous_last + 1:  # weeks as written in no phase: a gap, scaled
            ideal_first = _round_half_up((phase.first_week - 1) * scale) + 1
            first = max(first, min(ideal_first, total_weeks - phases_after))
        if phases_after == 0:
            end = total_weeks
        else:
            ideal = _round_half_up(phase.last_week * scale)
            end = max(first, min(ideal, total_weeks - phases_after))
        result.append(ScheduledPhase(phase.number, first, end))
        previous_end, previous_last = end, phase.last_week
    return tuple(result)


def resolve_zone(tz: str | ZoneInfo) -> ZoneInfo:
    """Return `tz` as a ZoneInfo, raising ValueError for a name that is not a known IANA zone."""
    if isinstance(tz, ZoneInfo):
        return tz
    if not isinstance(tz, str) or not tz.strip():
        raise ValueError(f"time zone must be an IANA zone name such as 'Europe/Berlin', got {tz!r}")
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ValueError(
            f"unknown time zone {tz!r}; use an IANA zone name such as 'Europe/Berlin' or 'America/New_York'"
        ) from exc


def local_today(now_utc: datetime, tz: str | ZoneInfo) -> date:
    """Return the date it is in time zone `tz` at the aware instant `now_utc`.

    Raises ValueError for a naive datetime or an unknown zone name.
    """
    if now_utc.tzinfo is None or now_utc.utcoffset() is None:
        raise ValueError("now_utc must be a timezone-aware datetime (an aware UTC instant)")
    return now_utc.astimezone(resolve_zone(tz)).date()


def week_number(start: date, today: date, shift_weeks: int = 0) -> int:
    """Return the path week `today` falls in, for a path that starts on `start`.

    1 on the start date and the six days after, 2 for the next seven, and so on; 0 or
    negative before the start. `shift_weeks` (>= 0) pushes the plan back that many weeks
    once started, never below week 1.
    """
    if shift_weeks < 0:
        raise ValueError(f"shift_weeks must not be negative, got {shift_weeks}")
    raw = (today - start).days // 7 + 1
    if raw < 1:
        return raw
    return max(1, raw - shift_weeks)


def week_start(start: date, week: int, shift_weeks: int = 0) -> date:
    """Return the first day of path week `week` (from 1) for a path that starts on `start`: `week_number`'s
    inverse, each week of `shift_weeks` moving it a week later."""
    if shift_weeks < 0:
        raise ValueError(f"shift_weeks must not be negative, got {shift_weeks}")
    return start + timedelta(weeks=week - 1 + shift_weeks)


def _phase_for_week(plan: Sequence[ScheduledPhase], week: int) -> tuple[ScheduledPhase | None, ScheduledPhase | None]:
    """Return (the phase that covers `week`, None) or, in a gap of the plan, (None, the phase after the gap)."""
    for phase in plan:
        if week in phase:
            return phase, None
        if phase.first_week > week:
            return None, phase
    return (plan[-1] if plan else None), None


def gap_weeks(plan: Sequence[ScheduledPhase], week: int) -> tuple[int, int] | None:
    """Return the first and last week of the gap of `plan` that `week` is in, or None when a phase covers it."""
    before = 0
    for phase in plan:
        if week in phase:
            return None
        if phase.first_week > week:
            return (before + 1, phase.first_week - 1) if week > before else None
        before = phase.last_week
    return None


def position(
    schedule: Sequence[ScheduledPhase],
    total_weeks: int,
    start: date,
    today: date,
    shift_weeks: int = 0,
) -> Position:
    """Return where a learner who started on `start` is on `today` (both local dates).

    `schedule` is the output of `schedule(...)` for `total_weeks`. See `Position`. With no
    phases and 0 weeks the path is self-paced: the week counts on from `start`, unshifted.
    """
    if total_weeks == 0 and not schedule:
        return _self_paced_position(start, today)
    if total_weeks < 1:
        raise ValueError(f"total_weeks must be at least 1, got {total_weeks}")
    week = week_number(start, today, shift_weeks)
    if week < 1:
        return Position(
            week=0,
            total_weeks=total_weeks,
            phase=None,
            status="not_started",
            days_until_start=(start - today).days,
            is_phase_start=False,
            weeks_left_in_phase=0,
        )
    if week > total_weeks:
        return Position(
            week=total_weeks,
            total_weeks=total_weeks,
            phase=schedule[-1] if schedule else None,
            status="finished",
            days_until_start=0,
            is_phase_start=False,
            weeks_left_in_phase=0,
        )
    phase, next_phase = _phase_for_week(schedule, week)
    is_phase_start = False
    weeks_left = 0
    if phase is not None and week in phase:
        is_phase_start = week == phase.first_week
        weeks_left = phase.last_week - week + 1
    return Position(
        week=week,
        total_weeks=total_weeks,
        phase=phase,
        status="active",
        days_until_start=0,
        is_phase_start=is_phase_start,
        weeks_left_in_phase=weeks_left,
        next_phase=next_phase,
    )


def _self_paced_position(start: date, today: date) -> Position:
    week = week_number(start, today)
    started = week >= 1
    return Position(
        week=week if started else 0,
        total_weeks=0,
        phase=None,
        status="active" if started else "not_started",
        days_until_start=0 if started else (start - today).days,
        is_phase_start=False,
        weeks_left_in_phase=0,
    )


@dataclass(frozen=True, slots=True)
class WeekTurn:
    """A weekly message late in plan week `week`: that week's `last_day`, and the `next_week` that starts the day after.

    `days_left` counts the days from the message's day to `last_day`, both included (1 on the last day);
    `next_week` is None when `week` is the plan's last.
    """

    week: int
    last_day: date
    days_left: int
    next_week: int | None

    @property
    def next_start(self) -> date:
        """The first day of the week after `week` (the weekday the path started on)."""
        return self.last_day + timedelta(days=1)


def days_left_in_week(start: date, today: date) -> int:
    """Return the days of the path week `today` is in, from `today` to the week's last day, both counted.

    7 on a week's first day (the weekday of `start`), 1 on its last. "I'm behind" shifts move the plan by whole
    weeks, so they never change it.
    """
    return 7 - (today - start).days % 7


def week_turn(pos: Position, start: date, today: date, shift_weeks: int = 0) -> WeekTurn | None:
    """Return the turn a weekly message on `today` announces, or None when it is about the current week.

    `pos` is `position(...)` on `today` for a path that started on `start` with `shift_weeks`. See "The turn of
    a week" in the module docstring.
    """
    if pos.status != "active" or pos.self_paced:
        return None
    left = days_left_in_week(start, today)
    if left > TURN_DAYS:
        return None
    last_day = today + timedelta(days=left - 1)
    following = week_number(start, last_day + timedelta(days=1), shift_weeks)
    if following == pos.week:  # week 1 held back by shifts goes on
        return None
    return WeekTurn(pos.week, last_day, left, following if following <= pos.total_weeks else None)
