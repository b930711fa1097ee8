"""Tests for bot.domain.pace: finish dates, on-track status and pace changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from math import ceil, floor
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.pace import (
    NUDGE_WEEKS,
    PaceChange,
    due_weeks,
    elapsed_weeks,
    finish_date,
    needs_nudge,
    pace_change,
    pace_status,
    slower_pace,
)
from bot.domain.standing import standing
from bot.domain.weeks import ScheduledPhase, local_today, pace_weeks, week_number

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


def test_behind_by_the_whole_weeks_since_the_next_item_fell_due():
    # 15 items over 36 weeks: item k falls due after 2.4 * k weeks. In week 11, 10 weeks are over,
    # so 4 items are due; with 2 done, the third fell due after 7.2 weeks: 2.8 weeks behind.
    status = pace_status(2, 15, START, on(11, 2), 36)
    assert (status.state, status.weeks) == ("behind", 2)
    assert (status.expected, status.elapsed_weeks, status.items_left) == (4, 10, 13)
    assert status.finish == date(2026, 9, 13)


def test_on_track_within_a_week_either_way():
    # Week 11: 10 weeks over; the 4th item fell due after 9.6 weeks, the 5th is due after 12: on track.
    assert pace_status(4, 15, START, on(11), 36).state == "on_track"
    # The 5th done, due after 12 weeks, so in week 12: a week after week 11, 1 week ahead.
    status = pace_status(5, 15, START, on(11), 36)
    assert (status.state, status.weeks) == ("ahead", 1)


def test_items_due_this_week_done_on_time_are_on_track():
    # 4 items a phase of 4 weeks: one falls due at the end of each week. Ticking week 3's item in week 3 is
    # on schedule, whichever day of the week; week 4's as well makes it 1 week ahead.
    phases = (ScheduledPhase(1, 1, 4), ScheduledPhase(2, 5, 8))
    due = due_weeks([1] * 4 + [2] * 4, phases, 8)
    for day in range(7):
        assert pace_status(3, 8, START, on(3, day), 8, due=due).state == "on_track"
        status = pace_status(4, 8, START, on(3, day), 8, due=due)
        assert (status.state, status.weeks) == ("ahead", 1)


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
    due = [Fraction(total * k, items) for k in range(1, items + 1)]  # evenly over the plan
    assert pace_status(done, items, START, today, total, shift, due=due) == status
    lag = elapsed - due[done] if done < items else 0
    # Ahead: the last item done falls due in a later week than this one (week elapsed + 1); an item due
    # after t weeks falls in week ceil(t).
    lead = ceil(due[done - 1]) - (elapsed + 1) if done else 0
    if today < START:
        assert status.state == "not_started"
    elif done == items:
        assert status.state == "complete"
    elif today > status.finish:
        assert status.state == "time_up"
        assert status.weeks >= 1
    elif lag >= 1:
        assert (status.state, status.weeks) == ("behind", floor(lag))
    elif lead >= 1:
        assert (status.state, status.weeks) == ("ahead", lead)
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
    assert pace_status(0, 10, start, today, 10).elapsed_weeks == week - 1


def test_items_fall_due_through_their_own_phase():
    phases = (ScheduledPhase(1, 1, 4), ScheduledPhase(2, 5, 8))
    # One item a phase: due at each phase's end; two in phase 2: halfway and at its end; one outside: the plan's end.
    assert due_weeks([1, 2], phases, 8) == (4, 8)
    assert due_weeks([2, 1, 2, None], phases, 8) == (4, 6, 8, 8)
    assert due_weeks([7], phases, 8) == (8,)  # a phase not on the plan: as an item outside any phase


def test_two_phases_of_one_item_each_are_on_track_until_the_first_is_over():
    phases = (ScheduledPhase(1, 1, 4), ScheduledPhase(2, 5, 8))
    due = due_weeks([1, 2], phases, 8)
    for week in (1, 2, 3, 4, 5):  # week 5 starts right after the first item fell due
        assert pace_status(0, 2, START, on(week), 8, due=due).state == "on_track"
    status = pace_status(0, 2, START, on(6), 8, due=due)
    assert (status.state, status.weeks, status.expected) == ("behind", 1, 1)
    status = pace_status(1, 2, START, on(2), 8, due=due)
    assert (status.state, status.weeks) == ("ahead", 2)  # the first phase's item, due in week 4, done in week 2
    with pytest.raises(ValueError, match="1 due weeks given for 2 items"):
        pace_status(0, 2, START, on(2), 8, due=due[:1])


@given(
    lengths=st.lists(st.integers(min_value=1, max_value=8), min_size=1, max_size=6),
    data=st.data(),
)
def test_due_weeks_share_out_each_phase(lengths, data):
    spans, first = [], 1
    for n, weeks in enumerate(lengths, start=1):
        spans.append(ScheduledPhase(n, first, first + weeks - 1))
        first += weeks
    total = first - 1
    numbers = data.draw(st.lists(st.sampled_from([*range(1, len(lengths) + 1), None]), max_size=40))
    due = due_weeks(numbers, spans, total)
    assert list(due) == sorted(due) and len(due) == len(numbers)
    assert all(0 < t <= total for t in due)
    for phase in spans:  # a phase's last item falls due at its end
        if phase.number in numbers:
            assert phase.last_week in due


@given(
    lengths=st.lists(st.integers(min_value=1, max_value=8), min_size=1, max_size=6),
    data=st.data(),
    shift=st.integers(min_value=0, max_value=4),
    weekday=st.integers(min_value=0, max_value=6),
)
def test_doing_exactly_what_is_due_through_this_week_is_on_track(lengths, data, shift, weekday):
    spans, first = [], 1
    for n, weeks in enumerate(lengths, start=1):
        spans.append(ScheduledPhase(n, first, first + weeks - 1))
        first += weeks
    total = first - 1
    numbers = data.draw(st.lists(st.sampled_from([*range(1, len(lengths) + 1), None]), min_size=1, max_size=40))
    due = due_weeks(numbers, spans, total)
    week = data.draw(st.integers(min_value=1, max_value=total))
    start = START + timedelta(days=weekday)  # a path may start on any day of the week
    for day in range(7):  # every day of plan week `week`
        today = start + timedelta(weeks=week - 1 + shift, days=day)
        assert week_number(start, today, shift) == week
        done = sum(1 for t in due if t <= week)  # every item due by the end of this week, and no more
        for given_due in (due, None):
            if given_due is None:  # spread evenly over the plan: the same rule with those due weeks
                done = sum(1 for k in range(1, len(due) + 1) if Fraction(total * k, len(due)) <= week)
            status = pace_status(done, len(due), start, today, total, shift, due=given_due)
            assert status.state == ("complete" if done == len(due) else "on_track"), (week, day, status)


# --- pace_change --------------------------------------------------------------------------


def test_pace_change_says_how_long_and_when():
    start = date(2026, 12, 1)
    new = pace_weeks(BACKEND_TIMELINE, "full_time_accelerated", 36, phase_count=6)
    change = pace_change(start, 36, new)
    assert change == PaceChange(36, 22, date(2027, 8, 9), date(2027, 5, 3))


def test_pace_change_keeps_shifts_unless_told():
    change = pace_change(START, 36, 46, 2)
    assert (change.old_finish, change.new_finish) == (finish_date(START, 36, 2), finish_date(START, 46, 2))
    reset = pace_change(START, 36, 46, 2, new_shift_weeks=0)
    assert reset.new_finish == finish_date(START, 46)


def test_pace_change_same_length():
    change = pace_change(START, 36, 36)
    assert (change.old_weeks, change.new_weeks) == (36, 36)
    assert change.old_finish == change.new_finish == date(2026, 9, 13)


# --- needs_nudge and slower_pace -----------------------------------------------------------


def test_a_nudge_from_two_weeks_behind():
    # 15 items over 36 weeks: item k falls due after 2.4 * k weeks.
    assert not needs_nudge(pace_status(0, 15, START, on(3), 36))  # 2 weeks over, nothing due: on track
    assert not needs_nudge(pace_status(0, 15, START, on(5), 36))  # 4 - 2.4: behind by 1
    assert needs_nudge(pace_status(0, 15, START, on(6), 36))  # 5 - 2.4: behind by 2
    assert not needs_nudge(pace_status(1, 15, START, on(6), 36))  # 5 - 4.8: on track
    assert not needs_nudge(pace_status(0, 15, START, on(40), 36))  # time is up: nothing to nudge into
    assert not needs_nudge(pace_status(15, 15, START, on(20), 36))


def test_the_next_slower_pace_is_the_shortest_plan_longer_than_now():
    # At the three paces: 46, 33 and 22 weeks; as written: 36.
    assert slower_pace(BACKEND_TIMELINE, 22, 6) == "programming_background"
    assert slower_pace(BACKEND_TIMELINE, 33, 6) == "complete_beginner"
    assert slower_pace(BACKEND_TIMELINE, 36, 6) == "complete_beginner"
    assert slower_pace(BACKEND_TIMELINE, 46, 6) is None
    assert slower_pace({}, 36, 6) is None


def test_a_slower_pace_skips_malformed_ranges_and_ties_go_to_the_first_listed():
    timeline = {"broken": (9, 3), "a": (10, 12), "b": (10, 12)}
    assert slower_pace(timeline, 20, 3) == "a"


@given(
    ranges=st.dictionaries(
        st.sampled_from(["p1", "p2", "p3", "p4"]),
        st.tuples(st.integers(min_value=1, max_value=30), st.integers(min_value=0, max_value=10)).map(
            lambda r: (r[0], r[0] + r[1])
        ),
    ),
    current=st.integers(min_value=1, max_value=200),
)
def test_slower_pace_is_slower_and_none_between(ranges, current):
    found = slower_pace(ranges, current, 3)
    weeks = {p: pace_weeks(ranges, p, current, phase_count=3) for p in ranges}
    longer = {p: w for p, w in weeks.items() if w > current}
    if not longer:
        assert found is None
    else:
        assert found is not None and weeks[found] == min(longer.values())


# --- standing: the learner's local date at an instant -----------------------------------


def stand(start: date, now: datetime, tz: str, *, done: int = 0, items: int = 15, total: int = 36, done_at=()):
    return standing(
        start=start, total_weeks=total, shift_weeks=0, done=done, items=items, done_at=done_at, now=now, tz=tz
    )


def test_new_york_finish_day_across_the_fall_back():
    # Week 36 of a plan that starts on Monday 2027-03-08 ends on Sunday 2027-11-14, a week after
    # New York falls back to EST (UTC-5) on 2027-11-07.
    start = date(2027, 3, 8)
    last_evening = stand(start, datetime(2027, 11, 15, 4, 30, tzinfo=UTC), "America/New_York")  # 23:30 EST
    assert last_evening.today == date(2027, 11, 14)
    assert last_evening.finish == date(2027, 11, 14)
    assert last_evening.pace is not None and last_evening.pace.state == "behind"
    after = stand(start, datetime(2027, 11, 15, 5, 30, tzinfo=UTC), "America/New_York")  # 00:30 EST, Monday
    assert after.pace is not None and after.pace.state == "time_up"
    # Counted in UTC, the Sunday evening would already be over.
    assert stand(start, datetime(2027, 11, 15, 4, 30, tzinfo=UTC), "UTC").pace.state == "time_up"


def test_sydney_counts_its_monday_across_the_end_of_daylight_saving():
    # Sydney leaves AEDT (UTC+11) for AEST (UTC+10) on Sunday 2027-04-04. A learner who enrolled at
    # 01:30 on Monday 2027-03-29 (Sunday 14:30 UTC) started on the Monday, local time.
    enrolled = datetime(2027, 3, 28, 14, 30, tzinfo=UTC)
    start = local_today(enrolled, "Australia/Sydney")
    assert start == date(2027, 3, 29)
    reminder = datetime(2027, 4, 4, 23, 0, tzinfo=UTC)  # Monday 2027-04-05 09:00 AEST
    sydney = stand(start, reminder, "Australia/Sydney", done_at=[datetime(2027, 4, 4, 12, 0, tzinfo=UTC)])
    assert sydney.today == date(2027, 4, 5)
    assert sydney.finish == date(2027, 12, 5)  # 36 weeks on from the local start, a Sunday
    assert sydney.pace is not None and sydney.pace.elapsed_weeks == 1  # week 2 began at local midnight
    # The tick at 22:00 AEST on Sunday 2027-04-04 is in week 1; week 2 has none yet, so the streak holds.
    assert (sydney.streak.current, sydney.streak.longest) == (1, 1)
    assert not sydney.nudge


def test_standing_on_a_self_paced_path_has_only_a_streak():
    found = standing(
        start=START,
        total_weeks=0,
        shift_weeks=0,
        done=0,
        items=3,
        done_at=[],
        now=datetime(2026, 3, 1, tzinfo=UTC),
        tz="UTC",
    )
    assert (found.finish, found.pace, found.nudge) == (None, None, False)


ZONES = ["UTC", "America/New_York", "Australia/Sydney", "Europe/Berlin", "Pacific/Kiritimati", "America/St_Johns"]


@given(
    zone=st.sampled_from(ZONES),
    start=st.dates(min_value=date(2026, 1, 1), max_value=date(2028, 12, 31)),
    total=st.integers(min_value=1, max_value=60),
    hours=st.integers(min_value=-24 * 14, max_value=24 * 7 * 70),
    items=st.integers(min_value=1, max_value=30),
    data=st.data(),
)
def test_standing_is_the_pace_on_the_local_date(zone, start, total, hours, items, data):
    done = data.draw(st.integers(min_value=0, max_value=items))
    now = datetime.combine(start, datetime.min.time(), tzinfo=UTC) + timedelta(hours=hours)
    found = standing(
        start=start, total_weeks=total, shift_weeks=0, done=done, items=items, done_at=[], now=now, tz=zone
    )
    local = now.astimezone(ZoneInfo(zone)).date()
    assert found.today == local
    assert found.finish == start + timedelta(days=7 * total - 1)
    assert found.pace == pace_status(done, items, start, local, total)
    assert (found.pace.state == "time_up") == (local > found.finish and done < items)
    assert found.nudge == (found.pace.state == "behind" and found.pace.weeks >= NUDGE_WEEKS)
