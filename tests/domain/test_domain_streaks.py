"""Tests for bot.domain.streaks.week_streak."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.streaks import week_streak

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
