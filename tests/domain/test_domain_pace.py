"""Tests for bot.domain.pace: finish dates, on-track status and pace changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from math import floor
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.pace import PaceChange, elapsed_weeks, finish_date, pace_change, pace_status
from bot.domain.weeks import local_today, pace_weeks, week_number

START = date(2026, 1, 5)  # a Monday
BACKEND_TIMELINE = {
    "complete_beginner": (9, 12),
    "programming_background": (6, 9),
    "full_time_accelerated": (4, 6),
}


def on(week: int, day: int = 0, start: date = START) -> date:
    return start + timedelta(weeks=week - 1, days=day)


# --- finish_date --------------------------------------------------------------------------


def test_finish_date_is_the_last_day_of_the_last_week():
    assert finish_date(START, 36) == date(2026, 9, 13)  # a Sunday: weeks run Monday to Sunday here
    assert finish_date(START, 1) == date(2026, 1, 11)


def test_each_shift_moves_the_finish_a_week_later():
    assert finish_date(START, 36, 2) == date(2026, 9, 27)


@given(
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    total=st.integers(min_value=1, max_value=200),
    shift=st.integers(min_value=0, max_value=50),
)
def test_finish_date_matches_week_numbers_and_grows_with_shifts(start, total, shift):
    finish = finish_date(start, total, shift)
    assert week_number(start, finish, shift) == total
    assert week_number(start, finish + timedelta(days=1), shift) == total + 1
    assert finish_date(start, total, shift + 1) > finish
    assert finish_date(start, total + 1, shift) > finish


def test_finish_date_rejects_a_self_paced_plan_and_negative_shifts():
    with pytest.raises(ValueError, match="self-paced"):
        finish_date(START, 0)
    with pytest.raises(ValueError, match="must not be negative"):
        finish_date(START, 10, -1)


def test_finish_date_across_kiritimatis_missing_day():
    # Kiritimati skipped 1994-12-31 when it moved across the date line: the learner's calendar
    # goes from Friday the 30th to Sunday 1 January, and weeks count calendar dates.
    zone = ZoneInfo("Pacific/Kiritimati")
    start = local_today(datetime(1994, 12, 26, 0, tzinfo=UTC), zone)
    assert start == date(1994, 12, 25)
    assert finish_date(start, 1) == date(1994, 12, 31)  # a date that never happened there
    last_moment = datetime(1995, 1, 1, 9, 59, tzinfo=UTC)  # 23:59 on Sunday 1 January, local
    assert local_today(last_moment, zone) == date(1995, 1, 1)
    assert week_number(start, local_today(last_moment, zone)) == 2


# --- elapsed_weeks ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "shift", "elapsed"),
    [
        (START - timedelta(days=3), 0, 0),
        (on(1), 0, 0),
        (on(1, 6), 0, 0),
        (on(2), 0, 1),
        (on(10, 3), 0, 9),
        (on(10, 3), 2, 7),
        (on(36, 6), 0, 35),
        (on(37), 0, 36),
        (on(80), 0, 36),
    ],
)
def test_elapsed_weeks(today, shift, elapsed):
    assert elapsed_weeks(START, today, 36, shift) == elapsed


# --- pace_status --------------------------------------------------------------------------


def test_behind_by_whole_weeks_worth_of_items():
    # 15 items over 36 weeks: one item is 2.4 weeks' worth. In week 11, 10 weeks are over,
    # so 4.17 items are expected; 2 done are 4.8 weeks' worth: 5.2 weeks behind.
    status = pace_status(2, 15, START, on(11, 2), 36)
    assert (status.state, status.weeks) == ("behind", 5)
    assert (status.expected, status.elapsed_weeks, status.items_left) == (4, 10, 13)
    assert status.finish == date(2026, 9, 13)


def test_on_track_within_a_week_either_way():
    # Week 11: 10 weeks over; 4 items are 9.6 weeks' worth, 0.4 behind: on track.
    assert pace_status(4, 15, START, on(11), 36).state == "on_track"
    # 5 items are 12 weeks' worth: 2 weeks ahead.
    status = pace_status(5, 15, START, on(11), 36)
    assert (status.state, status.weeks) == ("ahead", 2)


def test_week_one_is_never_behind():
    status = pace_status(0, 15, START, on(1, 6), 36)
    assert (status.state, status.weeks, status.expected) == ("on_track", 0, 0)


def test_shifts_move_the_expectation_back():
    assert pace_status(2, 15, START, on(11), 36).state == "behind"
    assert pace_status(2, 15, START, on(11), 36, shift_weeks=6).state == "on_track"


def test_last_week_is_still_measured_and_time_is_up_after_it():
    last_day = on(36, 6)
    assert pace_status(0, 15, START, last_day, 36).state == "behind"
    status = pace_status(0, 15, START, last_day + timedelta(days=1), 36)
    assert (status.state, status.weeks, status.items_left) == ("time_up", 1, 15)
    assert pace_status(14, 15, START, on(40), 36).weeks == 4


def test_time_up_is_never_complete_at_zero_percent():
    for day in (on(37), on(60), on(37) + timedelta(days=400)):
        assert pace_status(0, 15, START, day, 36).state == "time_up"


def test_complete_whenever_everything_is_done():
    assert pace_status(15, 15, START, on(3), 36).state == "complete"
    assert pace_status(15, 15, START, on(50), 36).state == "complete"


def test_not_started_and_no_checklist():
    assert pace_status(0, 15, START, START - timedelta(days=1), 36).state == "not_started"
    assert pace_status(0, 0, START, on(5), 36).state == "no_checklist"
    assert pace_status(0, 0, START, on(50), 36).state == "no_checklist"


def test_pace_status_rejects_bad_counts_and_self_paced_plans():
    with pytest.raises(ValueError, match="cannot exceed"):
        pace_status(16, 15, START, on(3), 36)
    with pytest.raises(ValueError, match="negative"):
        pace_status(-1, 15, START, on(3), 36)
    with pytest.raises(ValueError, match="self-paced"):
        pace_status(0, 15, START, on(3), 0)


@given(
    items=st.integers(min_value=1, max_value=60),
    data=st.data(),
    total=st.integers(min_value=1, max_value=80),
    shift=st.integers(min_value=0, max_value=10),
    day=st.integers(min_value=-20, max_value=900),
)
def test_pace_status_follows_the_stated_rule(items, data, total, shift, day):
    done = data.draw(st.integers(min_value=0, max_value=items))
    today = START + timedelta(days=day)
    status = pace_status(done, items, START, today, total, shift)
    elapsed = status.elapsed_weeks
    assert 0 <= elapsed <= total
    assert status.expected == floor(Fraction(items * elapsed, total))
    lag = elapsed - Fraction(done * total, items)
    if today < START:
        assert status.state == "not_started"
    elif done == items:
        assert status.state == "complete"
    elif today > status.finish:
        assert status.state == "time_up"
        assert status.weeks >= 1
    elif lag >= 1:
        assert (status.state, status.weeks) == ("behind", floor(lag))
    elif lag <= -1:
        assert (status.state, status.weeks) == ("ahead", floor(-lag))
    else:
        assert (status.state, status.weeks) == ("on_track", 0)


@pytest.mark.parametrize(
    ("zone", "start", "instant", "week"),
    [
        # 23:30 on the Sunday that ends week 1, the day the clocks changed.
        ("Europe/Berlin", date(2026, 3, 23), datetime(2026, 3, 29, 21, 30, tzinfo=UTC), 1),  # CEST from 02:00
        ("America/New_York", date(2026, 3, 2), datetime(2026, 3, 9, 3, 30, tzinfo=UTC), 1),  # EDT; Monday in UTC
        ("Australia/Lord_Howe", date(2026, 3, 30), datetime(2026, 4, 5, 13, 0, tzinfo=UTC), 1),  # +11 -> +10:30
        # Just after midnight on the Monday after: week 2, though UTC still says Sunday.
        ("Australia/Lord_Howe", date(2026, 3, 30), datetime(2026, 4, 5, 13, 45, tzinfo=UTC), 2),
        ("Pacific/Kiritimati", date(2026, 3, 23), datetime(2026, 3, 29, 10, 30, tzinfo=UTC), 2),  # +14
    ],
)
def test_elapsed_weeks_use_the_learners_local_date(zone, start, instant, week):
    today = local_today(instant, zone)
    assert week_number(start, today) == week
    assert elapsed_weeks(start, today, 10) == week - 1
    assert pace_status(0, 10, start, today, 10).state == ("on_track" if week == 1 else "behind")


# --- pace_change --------------------------------------------------------------------------


def test_pace_change_summary():
    start = date(2026, 12, 1)
    new = pace_weeks(BACKEND_TIMELINE, "full_time_accelerated", 36, phase_count=6)
    change = pace_change(start, 36, new)
    assert change == PaceChange(36, 22, date(2027, 8, 9), date(2027, 5, 3))
    assert change.summary == "36 → 22 weeks, finishing 2027-05-03"


def test_pace_change_keeps_shifts_unless_told():
    change = pace_change(START, 36, 46, 2)
    assert (change.old_finish, change.new_finish) == (finish_date(START, 36, 2), finish_date(START, 46, 2))
    reset = pace_change(START, 36, 46, 2, new_shift_weeks=0)
    assert reset.new_finish == finish_date(START, 46)


def test_pace_change_same_length():
    assert pace_change(START, 36, 36).summary == "36 weeks, finishing 2026-09-13"
