"""Tests for bot.domain.streaks: the plain week streak, check-ins, grace weeks and time-zone edges."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.streaks import GRACE_GAP, Streak, streak_status, week_streak

START = date(2024, 1, 1)  # a Monday
TZ = "UTC"


def tick(week: int, day: int = 0, hour: int = 12) -> datetime:
    """An aware UTC instant on `day` of path `week` (for a UTC learner)."""
    return datetime(2024, 1, 1, hour, tzinfo=UTC) + timedelta(weeks=week - 1, days=day)


def on(week: int, day: int = 0) -> date:
    return START + timedelta(weeks=week - 1, days=day)


def test_no_activity():
    assert week_streak([], START, on(5), TZ) == 0


def test_consecutive_weeks_including_current():
    ticks = [tick(3), tick(4, 2), tick(5, 1)]
    assert week_streak(ticks, START, on(5, 3), TZ) == 3


def test_current_week_without_activity_does_not_break_it_yet():
    ticks = [tick(3), tick(4, 6)]
    assert week_streak(ticks, START, on(5, 6), TZ) == 2


def test_a_whole_empty_week_breaks_it():
    ticks = [tick(3), tick(4)]
    assert week_streak(ticks, START, on(6), TZ) == 0


def test_gap_breaks_it():
    ticks = [tick(1), tick(2), tick(4), tick(5)]
    assert week_streak(ticks, START, on(5), TZ) == 2


def test_many_ticks_in_one_week_count_once():
    ticks = [tick(2, d) for d in range(7)] * 3
    assert week_streak(ticks, START, on(2, 6), TZ) == 1


def test_before_start_and_pre_start_ticks():
    early = [tick(0), tick(-1)]
    assert week_streak(early, START, START - timedelta(days=1), TZ) == 0
    assert week_streak([*early, tick(1)], START, on(1), TZ) == 1  # week 0 doesn't extend it


def test_future_ticks_ignored():
    assert week_streak([tick(7)], START, on(5), TZ) == 0


def test_weeks_are_the_learners_local_weeks():
    # Sunday 2024-01-07 21:00 in New York is already Monday 02:00 UTC (week 2 in UTC).
    late_sunday = datetime(2024, 1, 8, 2, 0, tzinfo=UTC)
    assert week_streak([late_sunday], START, on(1, 6), "America/New_York") == 1
    assert week_streak([late_sunday], START, on(2), "America/New_York") == 1  # week 2 empty so far
    assert week_streak([late_sunday], START, on(3), "America/New_York") == 0
    # The same instant counts for week 2 in Tokyo.
    assert week_streak([late_sunday], START, on(2), ZoneInfo("Asia/Tokyo")) == 1
    assert week_streak([late_sunday], START, on(1, 6), ZoneInfo("Asia/Tokyo")) == 0


def test_naive_timestamp_rejected():
    with pytest.raises(ValueError, match="timezone-aware"):
        week_streak([datetime(2024, 1, 2, 12)], START, on(1), TZ)  # noqa: DTZ001


def test_unknown_zone_rejected():
    with pytest.raises(ValueError, match="unknown time zone"):
        week_streak([], START, on(1), "Nowhere/Special")


@given(
    weeks=st.sets(st.integers(min_value=1, max_value=30), max_size=30),
    current=st.integers(min_value=1, max_value=30),
)
def test_streak_matches_simple_model(weeks, current):
    ticks = [tick(w, 3) for w in weeks]
    expected = 0
    w = current if current in weeks else current - 1
    while w in weeks:
        expected += 1
        w -= 1
    assert week_streak(ticks, START, on(current, 4), TZ) == expected


# --- streak_status: check-ins and grace weeks ---------------------------------------------


def status(weeks: set[int] | list[int], current: int, *, checkins: tuple[int, ...] = (), grace: bool = True) -> Streak:
    return streak_status(
        [tick(w, 3) for w in weeks],
        START,
        on(current, 4),
        TZ,
        checked_in=[tick(w, 1) for w in checkins],
        grace=grace,
    )


def test_a_check_in_counts_like_a_tick():
    result = status([1, 3], 3, checkins=(2,))
    assert (result.current, result.longest, result.grace_weeks) == (3, 3, ())
    assert week_streak([tick(1), tick(3)], START, on(3), TZ) == 1  # ticks alone


def test_one_missed_week_is_forgiven_and_does_not_count():
    result = status([1, 2, 3, 5], 5)
    assert result == Streak(current=4, longest=4, week=5, grace_weeks=(4,), at_risk=False)


def test_two_missed_weeks_in_a_row_break_it_and_use_no_grace():
    result = status([1, 2, 3, 6], 6)
    assert (result.current, result.longest, result.grace_weeks) == (1, 3, ())


def test_grace_weeks_are_at_least_five_weeks_apart():
    # Grace at 4; week 9 has weeks 5-8 before it, with no grace: forgiven too.
    assert status([1, 2, 3, 5, 6, 7, 8, 10], 10).grace_weeks == (4, 9)
    assert status([1, 2, 3, 5, 6, 7, 8, 10], 10).current == 8
    # Week 8 has week 4 among the 4 before it: the streak breaks there.
    result = status([1, 2, 3, 5, 6, 7, 9, 10], 10)
    assert (result.current, result.longest, result.grace_weeks) == (2, 6, (4,))


def test_no_grace_without_a_streak_to_keep():
    assert status([3], 3).grace_weeks == ()  # weeks 1-2 missed before anything was done
    assert status([3], 3).current == 1


def test_the_current_week_neither_counts_nor_breaks_until_it_is_over():
    result = status([1, 2, 3], 4)
    assert (result.current, result.grace_weeks, result.at_risk) == (3, (), False)  # week 4 would be forgiven


def test_at_risk_when_the_grace_week_is_already_in_use():
    result = status([1, 2, 3], 5)  # week 4 missed and forgiven, week 5 empty so far
    assert (result.current, result.grace_weeks, result.at_risk) == (3, (4,), True)
    after = status([1, 2, 3], 6)  # week 5 ended empty too: broken, and week 4 was no grace
    assert (after.current, after.longest, after.grace_weeks, after.at_risk) == (0, 3, (), False)


def test_at_risk_when_the_last_grace_is_too_recent():
    result = status([1, 2, 3, 5, 6], 7)
    assert (result.current, result.at_risk) == (5, True)
    assert not status([1, 2, 3, 5, 6, 7], 7).at_risk


def test_without_grace_it_is_the_plain_streak():
    assert status([1, 2, 3, 5], 5, grace=False).current == 1
    assert status([1, 2, 3, 5], 5, grace=False).grace_weeks == ()


def test_before_the_start():
    result = streak_status([tick(0)], START, START - timedelta(days=2), TZ, checked_in=[tick(-1)])
    assert result == Streak(0, 0, 0, (), at_risk=False)


def test_naive_check_in_rejected():
    with pytest.raises(ValueError, match="timezone-aware"):
        streak_status([], START, on(2), TZ, checked_in=[datetime(2024, 1, 2, 12)])  # noqa: DTZ001


def simple_streak(weeks: set[int], current: int) -> int:
    expected = 0
    w = current if current in weeks else current - 1
    while w in weeks:
        expected += 1
        w -= 1
    return expected


@settings(max_examples=300)
@given(
    weeks=st.sets(st.integers(min_value=1, max_value=40), max_size=40),
    checkins=st.sets(st.integers(min_value=1, max_value=40), max_size=10),
    current=st.integers(min_value=1, max_value=40),
)
def test_streak_properties(weeks, checkins, current):
    result = status(weeks, current, checkins=tuple(checkins))
    active = {w for w in weeks | checkins if w <= current}
    assert result.week == current
    assert 0 <= result.current <= result.longest <= current
    assert result.longest <= len(active)
    assert result.current >= simple_streak(active, current)
    assert status(weeks, current, checkins=tuple(checkins), grace=False).current == simple_streak(active, current)
    graces = result.grace_weeks
    assert list(graces) == sorted(set(graces))
    for earlier, later in pairwise(graces):
        assert later - earlier > GRACE_GAP  # never two graces within 4 weeks
    for g in graces:
        assert g not in active
        assert g < current
        assert g + 1 in active or g + 1 == current  # the streak went on after it
        assert any(w in active for w in range(1, g))  # there was a streak to keep
    if result.at_risk:
        assert result.current > 0
        assert current not in active


@given(
    weeks=st.sets(st.integers(min_value=1, max_value=30), max_size=30),
    current=st.integers(min_value=1, max_value=30),
)
def test_longest_never_shrinks_as_weeks_pass(weeks, current):
    assert status(weeks, current + 1).longest >= status(weeks, current).longest


# --- DST and time-zone edges --------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "start", "wall", "week"),
    [
        # `wall` is a local wall time: 23:30 on the Sunday that ends week 1, in a zone whose offset
        # changed that day.
        ("Europe/Berlin", date(2026, 3, 23), (2026, 3, 29, 23, 30), 1),  # CET -> CEST at 02:00
        ("Europe/Berlin", date(2026, 10, 19), (2026, 10, 25, 23, 30), 1),  # CEST -> CET at 03:00
        ("America/New_York", date(2026, 3, 2), (2026, 3, 8, 23, 30), 1),  # EST -> EDT; Monday in UTC
        ("America/New_York", date(2026, 10, 26), (2026, 11, 1, 23, 30), 1),  # EDT -> EST; Monday in UTC
        ("Australia/Lord_Howe", date(2026, 3, 30), (2026, 4, 5, 23, 30), 1),  # +11 -> +10:30
        ("Australia/Lord_Howe", date(2026, 9, 28), (2026, 10, 4, 23, 30), 1),  # +10:30 -> +11
        ("Pacific/Kiritimati", date(2026, 1, 5), (2026, 1, 11, 23, 30), 1),  # +14
        # Just after midnight on the Monday: week 2, though UTC is still on Sunday.
        ("Europe/Berlin", date(2026, 3, 23), (2026, 3, 30, 0, 30), 2),
        ("Australia/Lord_Howe", date(2026, 3, 30), (2026, 4, 6, 0, 15), 2),
        ("Pacific/Kiritimati", date(2026, 1, 5), (2026, 1, 12, 0, 30), 2),
    ],
)
def test_activity_counts_in_the_learners_local_week(zone, start, wall, week):
    instant = datetime(*wall, tzinfo=ZoneInfo(zone)).astimezone(UTC)
    today = start + timedelta(weeks=week - 1, days=6)  # the last day of that week
    result = streak_status([], start, today, zone, checked_in=[instant])
    assert (result.week, result.current) == (week, 1)
    assert week_streak([instant], start, today, zone) == 1
    if week == 1:  # the next week starts empty: still a streak of one
        assert streak_status([], start, today + timedelta(days=1), zone, checked_in=[instant]).current == 1


def test_the_repeated_hour_of_a_fall_back_counts_once_in_its_week():
    zone = ZoneInfo("America/New_York")
    first = datetime(2026, 11, 1, 1, 30, tzinfo=zone)  # EDT
    second = datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=zone)  # EST, an hour later
    assert first.astimezone(UTC) != second.astimezone(UTC)
    result = streak_status([first, second], date(2026, 10, 26), date(2026, 11, 1), zone)
    assert (result.current, result.longest) == (1, 1)


def test_kiritimatis_missing_day_leaves_a_six_day_week():
    # 1994-12-31 never happened in Kiritimati; week 1 (from Monday 26 December) still ends on Sunday 1 January.
    zone = "Pacific/Kiritimati"
    start = date(1994, 12, 26)
    sunday_late = datetime(1995, 1, 1, 9, 30, tzinfo=UTC)  # 23:30 local
    monday_early = datetime(1995, 1, 1, 10, 30, tzinfo=UTC)  # 00:30 local, Monday 2 January
    assert streak_status([sunday_late], start, date(1995, 1, 1), zone).current == 1
    result = streak_status([sunday_late, monday_early], start, date(1995, 1, 2), zone)
    assert (result.week, result.current) == (2, 2)
