"""Tests for bot.domain.weeks: pace lengths, schedules, local dates, week numbers, positions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from fractions import Fraction
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.weeks import (
    TURN_DAYS,
    Position,
    ScheduledPhase,
    WeekTurn,
    days_left_in_week,
    gap_weeks,
    local_today,
    pace_weeks,
    position,
    schedule,
    week_number,
    week_start,
    week_turn,
)


@dataclass(frozen=True)
class FakePhase:
    number: int
    first_week: int
    last_week: int


BACKEND = (
    FakePhase(1, 1, 4),
    FakePhase(2, 5, 12),
    FakePhase(3, 13, 18),
    FakePhase(4, 19, 24),
    FakePhase(5, 25, 28),
    FakePhase(6, 29, 36),
)
BACKEND_TIMELINE = {
    "complete_beginner": (9, 12),
    "programming_background": (6, 9),
    "full_time_accelerated": (4, 6),
}
START = date(2024, 1, 1)  # a Monday


def phases_from_durations(durations: list[int]) -> tuple[FakePhase, ...]:
    phases = []
    week = 1
    for number, length in enumerate(durations, start=1):
        phases.append(FakePhase(number, week, week + length - 1))
        week += length
    return tuple(phases)


def assert_tiles(plan: tuple[ScheduledPhase, ...], phases: tuple[FakePhase, ...], total: int) -> None:
    assert [p.number for p in plan] == [p.number for p in phases]
    assert plan[0].first_week == 1
    assert plan[-1].last_week == total
    for before, after in pairwise(plan):
        assert after.first_week == before.last_week + 1
    assert all(p.last_week >= p.first_week for p in plan)
    assert sum(p.weeks for p in plan) == total


def assert_orderly(plan: tuple[ScheduledPhase, ...], phases: tuple[FakePhase, ...], total: int) -> None:
    """Assert the phases are all there, in order, each a week or more, none overlapping, the last ending on the
    total."""
    assert [p.number for p in plan] == [p.number for p in phases]
    assert plan[0].first_week >= 1
    assert plan[-1].last_week == total
    assert all(p.last_week >= p.first_week for p in plan)
    for before, after in pairwise(plan):
        assert after.first_week > before.last_week


def phases_with_gaps(parts: list[tuple[int, int]]) -> tuple[FakePhase, ...]:
    """Return phases of (weeks in no phase before it, its length) each, as written."""
    phases = []
    week = 1
    for number, (gap, length) in enumerate(parts, start=1):
        week += gap
        phases.append(FakePhase(number, week, week + length - 1))
        week += length
    return tuple(phases)


# --- pace_weeks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pace", "weeks"),
    [
        ("complete_beginner", 46),  # 10.5 months * 52/12 = 45.5 -> 46
        ("programming_background", 33),  # 7.5 months = 32.5 -> 33 (half up)
        ("full_time_accelerated", 22),  # 5 months = 21.67 -> 22
        (None, 36),
    ],
)
def test_pace_weeks_backend(pace, weeks):
    assert pace_weeks(BACKEND_TIMELINE, pace, 36, phase_count=6) == weeks


def test_pace_weeks_at_least_number_of_phases():
    assert pace_weeks({"sprint": (1, 1)}, "sprint", 36, phase_count=6) == 6
    assert pace_weeks({"sprint": (1, 1)}, "sprint", 36) == 4


def test_pace_weeks_unknown_pace_lists_valid_ones():
    with pytest.raises(ValueError, match="unknown pace 'leisurely'") as info:
        pace_weeks(BACKEND_TIMELINE, "leisurely", 36)
    for name in BACKEND_TIMELINE:
        assert name in str(info.value)


def test_pace_weeks_role_without_paces():
    with pytest.raises(ValueError, match="no paces"):
        pace_weeks({}, "complete_beginner", 36)


def test_pace_weeks_malformed_range():
    with pytest.raises(ValueError, match="malformed"):
        pace_weeks({"odd": (9, 6)}, "odd", 36)


# --- schedule -----------------------------------------------------------------------------

durations_st = st.lists(st.integers(min_value=1, max_value=20), min_size=1, max_size=10)


@given(durations=durations_st, data=st.data())
def test_schedule_tiles_any_total(durations, data):
    phases = phases_from_durations(durations)
    total = data.draw(st.integers(min_value=len(phases), max_value=400))
    assert_tiles(schedule(phases, total), phases, total)


@given(
    spans=st.lists(
        st.tuples(st.integers(min_value=-3, max_value=60), st.integers(min_value=-3, max_value=60)),
        min_size=1,
        max_size=10,
    ),
    data=st.data(),
)
def test_schedule_is_orderly_even_for_messy_phase_lists(spans, data):
    phases = tuple(FakePhase(n, a, b) for n, (a, b) in enumerate(spans, start=1))
    total = data.draw(st.integers(min_value=len(phases), max_value=400))
    plan = schedule(phases, total)
    assert_orderly(plan, phases, total)
    for (before, after), (written_before, written) in zip(pairwise(plan), pairwise(phases), strict=True):
        if written.first_week <= written_before.last_week + 1:  # no weeks between them as written: none scheduled
            assert after.first_week == before.last_week + 1


@given(durations=durations_st)
def test_schedule_identity_at_nominal(durations):
    phases = phases_from_durations(durations)
    total = phases[-1].last_week
    plan = schedule(phases, total)
    assert [(p.number, p.first_week, p.last_week) for p in plan] == [
        (p.number, p.first_week, p.last_week) for p in phases
    ]


@given(durations=durations_st, data=st.data())
def test_schedule_keeps_proportions(durations, data):
    phases = phases_from_durations(durations)
    nominal = phases[-1].last_week
    total = data.draw(st.integers(min_value=len(phases), max_value=400))
    plan = schedule(phases, total)
    scale = Fraction(total, nominal)
    if min(durations) * scale >= 1:
        # Nothing needs nudging: every end is the scaled nominal end, rounded half up.
        for got, nominal_phase, length in zip(plan, phases, durations, strict=True):
            assert abs(got.last_week - nominal_phase.last_week * scale) <= Fraction(1, 2)
            assert abs(got.weeks - length * scale) < 1


@given(durations=durations_st, factor=st.integers(min_value=1, max_value=5))
def test_schedule_whole_multiple_scales_exactly(durations, factor):
    phases = phases_from_durations(durations)
    plan = schedule(phases, phases[-1].last_week * factor)
    assert [p.weeks for p in plan] == [d * factor for d in durations]


def test_schedule_backend_stretched_and_compressed():
    stretched = schedule(BACKEND, 46)
    assert [p.span for p in stretched] == [
        "weeks 1-5",
        "weeks 6-15",
        "weeks 16-23",
        "weeks 24-31",
        "weeks 32-36",
        "weeks 37-46",
    ]
    compressed = schedule(BACKEND, 22)
    assert_tiles(compressed, BACKEND, 22)
    assert compressed[1].weeks > compressed[0].weeks  # phase 2 stays the long one


def test_schedule_squeezed_to_one_week_each():
    plan = schedule(BACKEND, 6)
    assert [p.span for p in plan] == [f"week {n}" for n in range(1, 7)]


def test_schedule_rejects_too_few_weeks():
    with pytest.raises(ValueError, match="cannot hold 6 phases"):
        schedule(BACKEND, 5)


def test_schedule_empty():
    assert schedule((), 10) == ()


def test_span_text():
    assert ScheduledPhase(3, 13, 18).span == "weeks 13-18"
    assert ScheduledPhase(2, 3, 3).span == "week 3"


# --- local_today --------------------------------------------------------------------------


def test_local_today_across_zones():
    instant = datetime(2024, 3, 4, 2, 0, tzinfo=UTC)  # Monday 11:00 in Tokyo, Sunday 21:00 in NY
    assert local_today(instant, "Asia/Tokyo") == date(2024, 3, 4)
    assert local_today(instant, "America/New_York") == date(2024, 3, 3)
    assert local_today(instant, ZoneInfo("UTC")) == date(2024, 3, 4)


def test_local_today_accepts_other_aware_offsets():
    instant = datetime(2024, 3, 3, 23, 30, tzinfo=timezone(timedelta(hours=-2)))  # 01:30 UTC Monday
    assert local_today(instant, "Europe/London") == date(2024, 3, 4)


def test_local_today_rejects_naive():
    with pytest.raises(ValueError, match="timezone-aware"):
        local_today(datetime(2024, 3, 4, 2, 0), "UTC")  # noqa: DTZ001


@pytest.mark.parametrize("name", ["Mars/Olympus_Mons", "", "../etc/passwd", "America"])
def test_local_today_unknown_zone(name):
    with pytest.raises(ValueError, match="time zone"):
        local_today(datetime(2024, 3, 4, tzinfo=UTC), name)


# --- week_number --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("offset", "week"),
    [(0, 1), (6, 1), (7, 2), (13, 2), (14, 3), (-1, 0), (-7, 0), (-8, -1)],
)
def test_week_number_boundaries(offset, week):
    assert week_number(START, START + timedelta(days=offset)) == week


def test_week_number_shift():
    assert week_number(START, START + timedelta(days=35), shift_weeks=2) == 4  # week 6 -> 4
    assert week_number(START, START + timedelta(days=8), shift_weeks=5) == 1  # never below 1
    assert week_number(START, START - timedelta(days=3), shift_weeks=2) == 0  # not started: unchanged


def test_week_number_negative_shift_rejected():
    with pytest.raises(ValueError, match="shift_weeks"):
        week_number(START, START, shift_weeks=-1)


@given(days=st.integers(min_value=0, max_value=5000), shift=st.integers(min_value=0, max_value=100))
def test_week_number_properties(days, shift):
    today = START + timedelta(days=days)
    unshifted = week_number(START, today)
    assert unshifted == days // 7 + 1
    assert week_number(START, today, shift) == max(1, unshifted - shift)


# --- position -----------------------------------------------------------------------------

PLAN = schedule(BACKEND, 36)


def at_week(week: int, day: int = 0) -> date:
    return START + timedelta(weeks=week - 1, days=day)


def test_position_before_start():
    pos = position(PLAN, 36, START, START - timedelta(days=3))
    assert pos == Position(
        week=0,
        total_weeks=36,
        phase=None,
        status="not_started",
        days_until_start=3,
        is_phase_start=False,
        weeks_left_in_phase=0,
    )


def test_position_first_day():
    pos = position(PLAN, 36, START, START)
    assert (pos.status, pos.week, pos.phase, pos.is_phase_start) == ("active", 1, PLAN[0], True)
    assert pos.weeks_left_in_phase == 4
    assert pos.days_until_start == 0


@pytest.mark.parametrize(
    ("week", "phase", "is_start", "left"),
    [(12, 2, False, 1), (13, 3, True, 6), (18, 3, False, 1), (19, 4, True, 6), (36, 6, False, 1)],
)
def test_position_at_phase_boundaries(week, phase, is_start, left):
    for day in (0, 6):
        pos = position(PLAN, 36, START, at_week(week, day))
        assert pos.status == "active"
        assert pos.week == week
        assert pos.phase is not None
        assert pos.phase.number == phase
        assert pos.is_phase_start is is_start
        assert pos.weeks_left_in_phase == left


def test_position_after_the_end():
    pos = position(PLAN, 36, START, at_week(37))
    assert pos.status == "finished"
    assert pos.week == 36
    assert pos.phase == PLAN[-1]
    assert pos.weeks_left_in_phase == 0
    assert not pos.is_phase_start


def test_position_shift_keeps_learner_active():
    pos = position(PLAN, 36, START, at_week(37), shift_weeks=1)
    assert (pos.status, pos.week, pos.phase) == ("active", 36, PLAN[-1])
    pos = position(PLAN, 36, START, at_week(14), shift_weeks=1)
    assert (pos.week, pos.is_phase_start) == (13, True)


def test_position_paced_schedule():
    total = pace_weeks(BACKEND_TIMELINE, "complete_beginner", 36, phase_count=len(BACKEND))
    plan = schedule(BACKEND, total)
    pos = position(plan, total, START, at_week(40))
    assert pos.status == "active"
    assert pos.phase == plan[-1]
    assert pos.weeks_left_in_phase == 7


@given(days=st.integers(min_value=-30, max_value=400), shift=st.integers(min_value=0, max_value=10))
def test_position_is_consistent(days, shift):
    pos = position(PLAN, 36, START, START + timedelta(days=days), shift)
    if pos.status == "not_started":
        assert pos.phase is None
        assert pos.days_until_start == -days > 0
    else:
        assert 1 <= pos.week <= 36
        assert pos.phase is not None
    if pos.status == "active":
        assert pos.phase is not None
        assert pos.phase.first_week <= pos.week <= pos.phase.last_week
        assert pos.weeks_left_in_phase == pos.phase.last_week - pos.week + 1


# --- self-paced paths (no phases) -------------------------------------------------------------


@pytest.mark.parametrize("pace", [None, "complete_beginner", "not-a-pace"])
def test_pace_weeks_without_phases_is_zero_at_any_pace(pace):
    assert pace_weeks(BACKEND_TIMELINE, pace, 0, phase_count=0) == 0
    assert schedule((), 0) == ()


def test_pace_weeks_still_rejects_no_weeks_for_a_phased_path():
    with pytest.raises(ValueError, match="nominal_weeks must be at least 1"):
        pace_weeks({}, None, 0)


def test_self_paced_position_before_start():
    pos = position((), 0, START, START - timedelta(days=3))
    assert pos == Position(
        week=0,
        total_weeks=0,
        phase=None,
        status="not_started",
        days_until_start=3,
        is_phase_start=False,
        weeks_left_in_phase=0,
    )
    assert pos.self_paced


@pytest.mark.parametrize(("days", "week"), [(0, 1), (6, 1), (7, 2), (400, 58), (3650, 522)])
def test_self_paced_position_counts_weeks_without_end(days, week):
    pos = position((), 0, START, START + timedelta(days=days))
    assert (pos.status, pos.week, pos.total_weeks, pos.phase) == ("active", week, 0, None)
    assert (pos.is_phase_start, pos.weeks_left_in_phase, pos.days_until_start) == (False, 0, 0)
    assert pos.self_paced


def test_self_paced_position_ignores_shifts():
    # "I'm behind" has no plan to push back: the week is the one since the start, as for streaks.
    assert position((), 0, START, at_week(5), shift_weeks=3).week == 5


def test_phased_position_is_not_self_paced():
    assert not position(PLAN, 36, START, at_week(40)).self_paced


def test_position_rejects_phases_without_weeks():
    with pytest.raises(ValueError, match="total_weeks must be at least 1"):
        position(PLAN, 0, START, START)


# --- the turn of a week: what a weekly message late in a week announces ------------------------


def test_a_monday_reminder_for_a_wednesday_start_announces_the_week_that_starts_on_wednesday():
    start = date(2026, 11, 25)  # a Wednesday: each plan week runs Wednesday to Tuesday
    monday = date(2026, 12, 14)  # week 3's Monday: week 3 ends on Tuesday 2026-12-15
    pos = position(PLAN, 36, start, monday)
    assert pos.week == 3
    assert days_left_in_week(start, monday) == 2
    turn = week_turn(pos, start, monday)
    assert turn == WeekTurn(week=3, last_day=date(2026, 12, 15), days_left=2, next_week=4)
    assert turn.next_start == date(2026, 12, 16)
    assert turn.next_start.weekday() == start.weekday()


def test_no_turn_with_more_than_turn_days_left():
    start = date(2026, 11, 27)  # a Friday: Monday is the 4th day of a week, with 4 days left
    monday = date(2026, 12, 14)
    assert days_left_in_week(start, monday) == 4 > TURN_DAYS
    assert week_turn(position(PLAN, 36, start, monday), start, monday) is None
    assert week_turn(position(PLAN, 36, START, START), START, START) is None  # the start day: 7 days left


def test_the_last_week_turns_to_no_week():
    last_day = at_week(36) + timedelta(days=6)
    turn = week_turn(position(PLAN, 36, START, last_day), START, last_day)
    assert turn == WeekTurn(week=36, last_day=last_day, days_left=1, next_week=None)


def test_no_turn_before_the_start_after_the_end_or_on_a_self_paced_path():
    before, after = START - timedelta(days=1), at_week(37) + timedelta(days=6)
    assert week_turn(position(PLAN, 36, START, before), START, before) is None
    assert week_turn(position(PLAN, 36, START, after), START, after) is None
    late = START + timedelta(days=6)
    assert week_turn(position((), 0, START, late), START, late) is None


def test_week_one_held_back_by_shifts_does_not_turn():
    # Two "I'm behind" presses in week 2 keep the plan in week 1 until the path's 4th week begins.
    day = START + timedelta(days=13)  # the last day of the path's 2nd week
    pos = position(PLAN, 36, START, day, shift_weeks=2)
    assert pos.week == 1
    assert week_turn(pos, START, day, shift_weeks=2) is None
    day = START + timedelta(days=20)  # the last day of its 3rd: week 2 of the plan starts tomorrow
    assert week_turn(position(PLAN, 36, START, day, shift_weeks=2), START, day, shift_weeks=2) == WeekTurn(1, day, 1, 2)


@given(start=st.dates(date(2020, 1, 1), date(2030, 12, 31)), days=st.integers(min_value=0, max_value=400))
def test_days_left_count_to_the_weeks_last_day(start, days):
    today = start + timedelta(days=days)
    left = days_left_in_week(start, today)
    assert 1 <= left <= 7
    assert week_number(start, today + timedelta(days=left - 1)) == week_number(start, today)
    assert week_number(start, today + timedelta(days=left)) == week_number(start, today) + 1


@given(
    durations=st.lists(st.integers(min_value=1, max_value=6), min_size=1, max_size=6),
    start=st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    days=st.integers(min_value=-10, max_value=300),
    shift=st.integers(min_value=0, max_value=3),
)
def test_a_weekly_message_announces_a_week_with_more_than_turn_days_ahead(durations, start, days, shift):
    total = sum(durations)
    plan = schedule(phases_from_durations(durations), total)
    today = start + timedelta(days=days)
    pos = position(plan, total, start, today, shift)
    turn = week_turn(pos, start, today, shift)
    if pos.status != "active":
        assert turn is None
        return
    left = days_left_in_week(start, today)
    following = position(plan, total, start, today + timedelta(days=left), shift)
    if turn is None:  # the current week, with more than TURN_DAYS days of it left, or one that goes on
        assert left > TURN_DAYS or following.week == pos.week
        return
    # Late in a week: the week after it, which starts within TURN_DAYS days and fills the rest of the
    # 7 days until the next weekly message.
    assert left <= TURN_DAYS and turn.days_left == left and turn.week == pos.week
    assert turn.last_day == today + timedelta(days=left - 1)
    assert position(plan, total, start, turn.last_day, shift).week == pos.week
    if turn.next_week is None:
        assert pos.week == total and following.status == "finished"
    else:
        assert (following.status, following.week) == ("active", turn.next_week)
        assert turn.next_week == pos.week + 1


# --- weeks no phase covers ---------------------------------------------------------------------

GAPPED = (FakePhase(1, 1, 4), FakePhase(2, 7, 10))  # weeks 5-6 are in no phase


def test_a_gap_between_phases_stays_in_no_phase_and_the_next_phase_has_not_started():
    plan = schedule(GAPPED, 10)
    assert [p.span for p in plan] == ["weeks 1-4", "weeks 7-10"]
    for week in (5, 6):
        pos = position(plan, 10, START, at_week(week, 3))
        assert (pos.status, pos.week, pos.phase, pos.next_phase) == ("active", week, None, plan[1])
        assert pos.between_phases and pos.weeks_left_in_phase == 0 and not pos.is_phase_start
        assert gap_weeks(plan, week) == (5, 6)
    seventh = position(plan, 10, START, at_week(7))
    assert (seventh.phase, seventh.is_phase_start, seventh.between_phases) == (plan[1], True, False)
    assert gap_weeks(plan, 4) is None and gap_weeks(plan, 7) is None


def test_a_gap_is_scaled_with_the_phases_at_a_slower_pace():
    assert [p.span for p in schedule(GAPPED, 20)] == ["weeks 1-8", "weeks 13-20"]


def test_weeks_before_a_first_phase_that_starts_late_are_in_no_phase():
    plan = schedule((FakePhase(1, 3, 5),), 5)
    assert [p.span for p in plan] == ["weeks 3-5"]
    pos = position(plan, 5, START, at_week(1))
    assert (pos.phase, pos.next_phase) == (None, plan[0])
    assert gap_weeks(plan, 2) == (1, 2)


gaps_st = st.lists(
    st.tuples(st.integers(min_value=0, max_value=5), st.integers(min_value=1, max_value=12)), min_size=1, max_size=8
)


@given(parts=gaps_st)
def test_a_plan_with_gaps_is_its_own_schedule_as_written(parts):
    phases = phases_with_gaps(parts)
    plan = schedule(phases, phases[-1].last_week)
    assert [(p.number, p.first_week, p.last_week) for p in plan] == [
        (p.number, p.first_week, p.last_week) for p in phases
    ]


@given(parts=gaps_st, data=st.data())
def test_every_week_is_in_one_phase_or_in_a_gap_before_the_next_one(parts, data):
    phases = phases_with_gaps(parts)
    total = data.draw(st.integers(min_value=len(phases), max_value=300))
    plan = schedule(phases, total)
    assert_orderly(plan, phases, total)
    for (before, after), (written_before, written) in zip(pairwise(plan), pairwise(phases), strict=True):
        gap = after.first_week - before.last_week - 1
        if written.first_week == written_before.last_week + 1:
            assert gap == 0  # no gap as written: none at any pace
        elif total >= phases[-1].last_week:
            assert gap >= 1  # a gap as written stays one when the plan is not compressed
    for week in range(1, total + 1):
        pos = position(plan, total, START, at_week(week))
        covering = [p for p in plan if week in p]
        assert pos.status == "active" and pos.week == week
        if covering:
            assert (pos.phase, pos.next_phase) == (covering[0], None)
            assert gap_weeks(plan, week) is None
        else:
            upcoming = min((p for p in plan if p.first_week > week), key=lambda p: p.first_week)
            assert (pos.phase, pos.next_phase) == (None, upcoming)  # the next phase has not started
            first, last = gap_weeks(plan, week) or (0, 0)
            assert first <= week <= last == upcoming.first_week - 1
            assert all(gap_weeks(plan, w) == (first, last) for w in range(first, last + 1))


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    st.integers(1, 520),
    st.integers(0, 52),
    st.integers(0, 6),
)
def test_a_weeks_start_date_and_the_six_days_after_it_are_that_week(start: date, week: int, shift: int, day: int):
    first = week_start(start, week, shift)
    assert week_number(start, first + timedelta(days=day), shift) == week
    assert week_number(start, first - timedelta(days=1), shift) == week - 1 or week == 1


def test_a_weeks_start_refuses_a_negative_shift():
    with pytest.raises(ValueError, match="must not be negative"):
        week_start(date(2026, 1, 5), 1, -1)
