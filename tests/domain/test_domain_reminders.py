"""Tests for bot.domain.reminders: due times across DST, slot keys, catch-up, views, board."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.domain.reminders import (
    CATCHUP_AFTER,
    MAX_NEXT_ITEMS,
    Catchup,
    OpenItem,
    build_reminder_view,
    checklist_groups,
    group_for_week,
    is_paused,
    next_due,
    next_open_items,
    plan_after_downtime,
    slot_key,
)
from bot.domain.weeks import position, schedule

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)

ZONES = (
    "UTC",
    "Europe/Berlin",
    "Europe/London",
    "America/New_York",
    "America/Los_Angeles",
    "America/St_Johns",
    "America/Santiago",  # DST changes at midnight
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Australia/Lord_Howe",  # 30-minute DST shift
    "Pacific/Chatham",
    "Pacific/Auckland",
)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def naive(*args: int) -> datetime:
    """A naive datetime: a local wall time, or a deliberately bad input."""
    return datetime(*args)  # noqa: DTZ001


def local(zone: ZoneInfo, *args: int, fold: int = 0) -> datetime:
    return datetime(*args, tzinfo=zone, fold=fold)


def wall(instant: datetime, zone: ZoneInfo) -> datetime:
    """The naive local wall time of `instant` in `zone`."""
    return instant.astimezone(zone).replace(tzinfo=None)


# --------------------------------------------------------------------------- next_due basics


def test_same_day_before_the_time():
    # Monday 2026-01-05, 07:00 local; the reminder is Monday 09:00 Berlin (08:00 UTC in winter).
    after = local(BERLIN, 2026, 1, 5, 7, 0)
    assert next_due(after, MON, time(9, 0), "Europe/Berlin") == utc(2026, 1, 5, 8, 0)


def test_same_day_after_the_time_goes_to_next_week():
    after = local(BERLIN, 2026, 1, 5, 10, 0)
    assert next_due(after, MON, time(9, 0), BERLIN) == utc(2026, 1, 12, 8, 0)


def test_strictly_after():
    due = utc(2026, 1, 5, 8, 0)
    assert next_due(due, MON, time(9, 0), BERLIN) == utc(2026, 1, 12, 8, 0)
    assert next_due(due - timedelta(microseconds=1), MON, time(9, 0), BERLIN) == due


def test_later_in_the_week_and_wrapping():
    after = local(BERLIN, 2026, 1, 7, 12, 0)  # Wednesday
    assert next_due(after, FRI, time(18, 30), BERLIN) == utc(2026, 1, 9, 17, 30)
    assert next_due(after, TUE, time(18, 30), BERLIN) == utc(2026, 1, 13, 17, 30)  # wraps


def test_result_is_utc_and_input_zone_does_not_matter():
    after_berlin = local(BERLIN, 2026, 1, 5, 7, 0)
    after_tokyo = after_berlin.astimezone(ZoneInfo("Asia/Tokyo"))
    after_fixed = after_berlin.astimezone(timezone(timedelta(hours=-5)))
    results = {next_due(a, MON, time(9, 0), BERLIN) for a in (after_berlin, after_tokyo, after_fixed)}
    assert len(results) == 1
    assert next(iter(results)).utcoffset() == timedelta(0)


def test_local_date_decides_the_weekday():
    # 23:30 UTC Sunday is already Monday 08:30 in Tokyo: Monday 09:00 Tokyo is 30 minutes away.
    after = utc(2026, 1, 4, 23, 30)
    assert next_due(after, MON, time(9, 0), "Asia/Tokyo") == utc(2026, 1, 5, 0, 0)


def test_seconds_in_the_time_are_kept():
    assert next_due(utc(2026, 1, 1), MON, time(9, 0, 30), "UTC") == utc(2026, 1, 5, 9, 0, 30)


@pytest.mark.parametrize(
    ("after", "weekday", "at", "tz", "error"),
    [
        (naive(2026, 1, 5, 7, 0), MON, time(9), "UTC", ValueError),  # naive
        (utc(2026, 1, 5), 7, time(9), "UTC", ValueError),
        (utc(2026, 1, 5), -1, time(9), "UTC", ValueError),
        (utc(2026, 1, 5), True, time(9), "UTC", ValueError),
        (utc(2026, 1, 5), MON, time(9), "Mars/Olympus_Mons", ValueError),
        (utc(2026, 1, 5), MON, time(9, tzinfo=UTC), "UTC", ValueError),
        (utc(2026, 1, 5), MON, "09:00", "UTC", TypeError),
    ],
)
def test_next_due_rejects_bad_input(after, weekday, at, tz, error):
    with pytest.raises(error):
        next_due(after, weekday, at, tz)


# --------------------------------------------------------------------------- next_due across DST


def test_berlin_spring_forward_keeps_local_hour():
    # Sunday 09:00: 08:00 UTC in winter, 07:00 UTC from 2026-03-29 on.
    before = next_due(utc(2026, 3, 21), SUN, time(9, 0), BERLIN)
    after = next_due(before, SUN, time(9, 0), BERLIN)
    assert before == utc(2026, 3, 22, 8, 0)
    assert after == utc(2026, 3, 29, 7, 0)
    assert wall(after, BERLIN) == naive(2026, 3, 29, 9, 0)


def test_berlin_fall_back_keeps_local_hour():
    before = next_due(utc(2026, 10, 17), SUN, time(9, 0), BERLIN)
    after = next_due(before, SUN, time(9, 0), BERLIN)
    assert (before, after) == (utc(2026, 10, 18, 7, 0), utc(2026, 10, 25, 8, 0))


def test_berlin_gap_moves_to_three():
    due = next_due(utc(2026, 3, 28), SUN, time(2, 30), BERLIN)
    assert due == utc(2026, 3, 29, 1, 0)
    assert wall(due, BERLIN) == naive(2026, 3, 29, 3, 0)
    # The week after, 02:30 exists again.
    assert wall(next_due(due, SUN, time(2, 30), BERLIN), BERLIN) == naive(2026, 4, 5, 2, 30)


def test_berlin_gap_start_moves_too():
    assert wall(next_due(utc(2026, 3, 28), SUN, time(2, 0), BERLIN), BERLIN) == naive(2026, 3, 29, 3, 0)
    assert wall(next_due(utc(2026, 3, 28), SUN, time(3, 0), BERLIN), BERLIN) == naive(2026, 3, 29, 3, 0)
    assert next_due(utc(2026, 3, 28), SUN, time(1, 59), BERLIN) == utc(2026, 3, 29, 0, 59)


def test_berlin_ambiguous_takes_first_occurrence():
    due = next_due(utc(2026, 10, 24), SUN, time(2, 30), BERLIN)
    assert due == utc(2026, 10, 25, 0, 30)  # 02:30 CEST, not 02:30 CET (01:30 UTC)
    assert due.astimezone(BERLIN).utcoffset() == timedelta(hours=2)
    # Strictly after the first occurrence, the second one does not count: next week.
    assert next_due(due, SUN, time(2, 30), BERLIN) == utc(2026, 11, 1, 1, 30)


def test_new_york_spring_forward():
    assert next_due(utc(2026, 3, 7), SUN, time(9, 0), NEW_YORK) == utc(2026, 3, 8, 13, 0)
    assert next_due(utc(2026, 3, 1), SUN, time(9, 0), NEW_YORK) == utc(2026, 3, 1, 14, 0)
    gap = next_due(utc(2026, 3, 7), SUN, time(2, 30), NEW_YORK)
    assert gap == utc(2026, 3, 8, 7, 0)
    assert wall(gap, NEW_YORK) == naive(2026, 3, 8, 3, 0)


def test_new_york_fall_back():
    assert next_due(utc(2026, 10, 31), SUN, time(9, 0), NEW_YORK) == utc(2026, 11, 1, 14, 0)
    ambiguous = next_due(utc(2026, 10, 31), SUN, time(1, 30), NEW_YORK)
    assert ambiguous == utc(2026, 11, 1, 5, 30)  # 01:30 EDT
    assert ambiguous.astimezone(NEW_YORK).utcoffset() == timedelta(hours=-4)


def test_lord_howe_half_hour_gap():
    # 2026-10-04 02:00 -> 02:30 (+10:30 -> +11): 02:15 does not exist and becomes 02:30.
    due = next_due(utc(2026, 10, 2), SUN, time(2, 15), LORD_HOWE)
    assert wall(due, LORD_HOWE) == naive(2026, 10, 4, 2, 30)
    assert due == utc(2026, 10, 3, 15, 30)
    # 02:45 that day exists.
    assert wall(next_due(utc(2026, 10, 2), SUN, time(2, 45), LORD_HOWE), LORD_HOWE) == naive(2026, 10, 4, 2, 45)


def test_lord_howe_half_hour_fall_back():
    # 2026-04-05 02:00 -> 01:30 (+11 -> +10:30): 01:45 happens twice; take the first (+11).
    due = next_due(utc(2026, 4, 3), SUN, time(1, 45), LORD_HOWE)
    assert due == utc(2026, 4, 4, 14, 45)
    assert due.astimezone(LORD_HOWE).utcoffset() == timedelta(hours=11)
    # 09:00 keeps its local hour: 22:00 UTC before, 22:30 UTC after.
    assert next_due(utc(2026, 3, 28), SUN, time(9, 0), LORD_HOWE) == utc(2026, 3, 28, 22, 0)
    assert next_due(utc(2026, 4, 4), SUN, time(9, 0), LORD_HOWE) == utc(2026, 4, 4, 22, 30)


def test_santiago_midnight_gap():
    # Chile springs forward at 24:00 on Saturday 2026-09-05: Sunday 00:30 becomes 01:00.
    zone = ZoneInfo("America/Santiago")
    due = next_due(utc(2026, 9, 1), SUN, time(0, 30), zone)
    assert wall(due, zone) == naive(2026, 9, 6, 1, 0)


def _in_gap(day: date, at: time, zone: ZoneInfo) -> bool:
    """Independent gap check: no UTC instant that day has this wall time."""
    naive = datetime.combine(day, at)
    offsets = {
        (datetime.combine(day, time(12), tzinfo=UTC) + timedelta(hours=h)).astimezone(zone).utcoffset()
        for h in range(-48, 49)
    }
    return all(wall(naive.replace(tzinfo=UTC) - off, zone) != naive for off in offsets)


def _transitions(zone: ZoneInfo, start: datetime, end: datetime) -> list[datetime]:
    """The UTC instants (to the second) at which `zone`'s offset changes, found by a daily scan."""
    found = []
    day = start
    while day < end:
        lo, hi = int(day.timestamp()), int(day.timestamp()) + 86400
        if datetime.fromtimestamp(lo, zone).utcoffset() != datetime.fromtimestamp(hi, zone).utcoffset():
            before = datetime.fromtimestamp(lo, zone).utcoffset()
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if datetime.fromtimestamp(mid, zone).utcoffset() == before:
                    lo = mid
                else:
                    hi = mid
            found.append(datetime.fromtimestamp(hi, UTC))
        day += timedelta(days=1)
    return found


@pytest.mark.parametrize("tz", ZONES)
def test_every_dst_change_in_2026_and_2027(tz):
    """Wall times in every gap move to the jump; in every overlap they take the first occurrence."""
    zone = ZoneInfo(tz)
    for jump in _transitions(zone, utc(2026, 1, 1), utc(2028, 1, 1)):
        old = (jump - timedelta(seconds=1)).astimezone(zone).utcoffset()
        new = jump.astimezone(zone).utcoffset()
        shift = new - old
        after = jump - timedelta(days=3)
        if shift > timedelta(0):  # gap: walls [jump+old, jump+new) do not exist
            gap_start = (jump + old).replace(tzinfo=None)
            landed = jump.astimezone(zone)
            for offset in (timedelta(0), shift / 2, shift - timedelta(minutes=1)):
                at = (gap_start + offset).time()
                due = next_due(after, gap_start.weekday(), at, tz)
                assert due == jump, (tz, at)
                assert due.astimezone(zone).time() == landed.time()
            just_after = (gap_start + shift).time()
            assert wall(next_due(after, gap_start.weekday(), just_after, tz), zone).time() == just_after
        else:  # overlap: walls [jump+new, jump+old) happen twice
            overlap_start = (jump + new).replace(tzinfo=None)
            for offset in (timedelta(0), -shift / 2, -shift - timedelta(minutes=1)):
                moment = overlap_start + offset
                due = next_due(after, moment.weekday(), moment.time(), tz)
                assert wall(due, zone) == moment
                assert due < jump, (tz, moment)  # first occurrence: before the clocks go back
                assert due.astimezone(zone).utcoffset() == old


def test_a_wall_time_in_a_gap_at_midnight_moves_to_the_first_instant_after_it():
    """Chile's clocks go from 00:00 to 01:00 on 2026-09-06: a Sunday 00:00 reminder goes out at 01:00 that day."""
    due = next_due(datetime(2026, 9, 1, tzinfo=UTC), 6, time(0, 0), "America/Santiago")
    assert due == datetime(2026, 9, 6, 4, tzinfo=UTC)
    assert wall(due, ZoneInfo("America/Santiago")) == naive(2026, 9, 6, 1)


instants = st.datetimes(min_value=naive(2026, 1, 1), max_value=naive(2027, 12, 31, 23, 59), timezones=st.just(UTC))
times = st.times()


@given(after=instants, weekday=st.integers(0, 6), at=times, tz=st.sampled_from(ZONES))
@example(after=datetime(2026, 9, 1, tzinfo=UTC), weekday=6, at=time(0, 0), tz="America/Santiago")  # a midnight gap
@settings(max_examples=400, deadline=None)
def test_next_due_properties(after, weekday, at, tz):
    zone = ZoneInfo(tz)
    due = next_due(after, weekday, at, tz)
    assert due.utcoffset() == timedelta(0)
    assert after < due <= after + timedelta(days=7, hours=1)
    here = due.astimezone(zone)
    assert here.weekday() == weekday
    if here.time() != at:
        # Only a wall time in a gap moves, and then to the first instant after the jump.
        assert _in_gap(here.date(), at, zone)
        assert here.time() > at
        just_before = (due - timedelta(seconds=1)).astimezone(zone)
        assert just_before.utcoffset() < here.utcoffset()
        # as a wall date and time: a gap that starts at midnight starts after the day before's 23:59:59
        assert just_before.replace(tzinfo=None) < datetime.combine(here.date(), at)
    else:
        # An ambiguous wall time is sent at its first occurrence.
        second = datetime.combine(here.date(), at, tzinfo=zone).replace(fold=1).astimezone(UTC)
        assert due <= second
    # Nothing in between: the due time is the first one.
    assert next_due(due - timedelta(microseconds=1), weekday, at, tz) == due


@given(after=instants, weekday=st.integers(0, 6), at=times, tz=st.sampled_from(ZONES))
@settings(max_examples=150, deadline=None)
def test_consecutive_due_times_are_a_week_apart_locally(after, weekday, at, tz):
    zone = ZoneInfo(tz)
    first = next_due(after, weekday, at, tz)
    second = next_due(first, weekday, at, tz)
    assert (second.astimezone(zone).date() - first.astimezone(zone).date()).days == 7
    assert timedelta(days=6, hours=22) <= second - first <= timedelta(days=7, hours=2)


# --------------------------------------------------------------------------- slot_key


def test_slot_key_format():
    assert slot_key(utc(2026, 11, 23, 8, 0), BERLIN) == "2026-W48"
    assert slot_key(utc(2026, 1, 5, 8, 0), "Europe/Berlin") == "2026-W02"


def test_slot_key_uses_the_local_date():
    # Sunday 23:30 UTC is Monday in Berlin: a different ISO week.
    instant = utc(2026, 3, 1, 23, 30)
    assert slot_key(instant, "UTC") == "2026-W09"
    assert slot_key(instant, BERLIN) == "2026-W10"


def test_slot_key_iso_year_boundary():
    # 2026 has 53 ISO weeks: Sunday 2027-01-03 is still 2026-W53, Monday 2027-01-04 is 2027-W01.
    assert slot_key(utc(2026, 12, 31, 12), "UTC") == "2026-W53"
    assert slot_key(utc(2027, 1, 3, 12), "UTC") == "2026-W53"
    assert slot_key(utc(2027, 1, 4, 12), "UTC") == "2027-W01"
    # Monday 2025-12-29 already belongs to 2026.
    assert slot_key(utc(2025, 12, 29, 12), "UTC") == "2026-W01"
    # Late Sunday 2027-01-03 UTC is Monday in Tokyo.
    assert slot_key(utc(2027, 1, 3, 20), "Asia/Tokyo") == "2027-W01"


def test_slot_key_same_week_same_key():
    assert slot_key(utc(2026, 6, 1, 0, 1), "UTC") == slot_key(utc(2026, 6, 7, 23, 59), "UTC")


def test_slot_key_rejects_naive():
    with pytest.raises(ValueError, match="aware"):
        slot_key(naive(2026, 1, 1), "UTC")


@given(after=instants, weekday=st.integers(0, 6), at=times, tz=st.sampled_from(ZONES))
@settings(max_examples=100, deadline=None)
def test_slot_keys_distinct_and_consecutive_across_dst(after, weekday, at, tz):
    zone = ZoneInfo(tz)
    due = next_due(after, weekday, at, tz)
    keys = []
    for _ in range(60):  # more than a year: every DST change in between
        keys.append(slot_key(due, tz))
        assert slot_key(due, tz) == keys[-1]  # stable
        due = next_due(due, weekday, at, tz)
    assert len(set(keys)) == len(keys)
    assert keys == sorted(keys)
    # Each key is the ISO week of the local date.
    assert keys[0] == "{}-W{:02d}".format(*next_due(after, weekday, at, zone).astimezone(zone).isocalendar()[:2])


# --------------------------------------------------------------------------- plan_after_downtime

MON_9 = (MON, time(9, 0), "Europe/Berlin")


def test_on_time():
    due = utc(2026, 1, 5, 8, 0)
    plan = plan_after_downtime(due, due, *MON_9)
    assert plan == Catchup(slot="2026-W02", missed=0, next_due=utc(2026, 1, 12, 8, 0), is_catchup=False)


def test_a_little_late_is_not_a_catchup():
    due = utc(2026, 1, 5, 8, 0)
    plan = plan_after_downtime(due, due + CATCHUP_AFTER, *MON_9)
    assert (plan.slot, plan.missed, plan.is_catchup) == ("2026-W02", 0, False)
    assert plan.next_due == utc(2026, 1, 12, 8, 0)


def test_very_late_is_a_catchup():
    due = utc(2026, 1, 5, 8, 0)
    plan = plan_after_downtime(due, due + CATCHUP_AFTER + timedelta(seconds=1), *MON_9)
    assert (plan.slot, plan.missed, plan.is_catchup) == ("2026-W02", 0, True)


def test_down_three_weeks():
    # Due Jan 5; down until just after Jan 19's slot. Jan 5, 12 and 19 passed: one message
    # for Jan 19's slot, two missed.
    plan = plan_after_downtime(utc(2026, 1, 5, 8, 0), utc(2026, 1, 19, 8, 5), *MON_9)
    assert plan == Catchup(slot="2026-W04", missed=2, next_due=utc(2026, 1, 26, 8, 0), is_catchup=True)


def test_down_until_just_before_the_next_slot():
    plan = plan_after_downtime(utc(2026, 1, 5, 8, 0), utc(2026, 1, 19, 7, 59), *MON_9)
    assert plan == Catchup(slot="2026-W03", missed=1, next_due=utc(2026, 1, 19, 8, 0), is_catchup=True)


def test_down_across_dst_and_the_year_boundary():
    # From the 2026-03-23 slot (08:00 UTC) to just after the 2027-01-04 slot: 42 slots, 41 missed.
    plan = plan_after_downtime(utc(2026, 3, 23, 8, 0), utc(2027, 1, 4, 8, 0), *MON_9)
    assert plan == Catchup(slot="2027-W01", missed=41, next_due=utc(2027, 1, 11, 8, 0), is_catchup=True)


def test_very_long_outage_counts_exactly():
    start = next_due(utc(2026, 1, 1), SUN, time(2, 30), BERLIN)
    due, count = start, 0
    while due <= utc(2036, 1, 1):
        count += 1
        due = next_due(due, SUN, time(2, 30), BERLIN)
    plan = plan_after_downtime(start, utc(2036, 1, 1), SUN, time(2, 30), BERLIN)
    assert plan.missed == count - 1
    assert plan.next_due == due


def test_stale_next_due_counts_as_one_due_time():
    # Settings changed from Monday to Wednesday after next_due was stored.
    plan = plan_after_downtime(utc(2026, 1, 5, 8, 0), utc(2026, 1, 7, 9, 0), WED, time(9, 0), BERLIN)
    assert plan == Catchup(slot="2026-W02", missed=1, next_due=utc(2026, 1, 14, 8, 0), is_catchup=True)
    plan = plan_after_downtime(utc(2026, 1, 5, 8, 0), utc(2026, 1, 6, 9, 0), WED, time(9, 0), BERLIN)
    assert plan == Catchup(slot="2026-W02", missed=0, next_due=utc(2026, 1, 7, 8, 0), is_catchup=True)


def test_plan_rejects_not_yet_due_and_naive():
    with pytest.raises(ValueError, match="nothing is due"):
        plan_after_downtime(utc(2026, 1, 5, 8, 0), utc(2026, 1, 5, 7, 59), *MON_9)
    with pytest.raises(ValueError, match="aware"):
        plan_after_downtime(naive(2026, 1, 5, 8, 0), utc(2026, 1, 5, 8, 0), *MON_9)
    with pytest.raises(ValueError, match="aware"):
        plan_after_downtime(utc(2026, 1, 5, 8, 0), naive(2026, 1, 5, 8, 0), *MON_9)


def _due_times(first: datetime, until: datetime, weekday: int, at: time, tz: str) -> list[datetime]:
    result, due = [], first
    while due <= until:
        result.append(due)
        due = next_due(due, weekday, at, tz)
    return result


@given(
    start=instants,
    downtime=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=400)),
    weekday=st.integers(0, 6),
    at=times,
    tz=st.sampled_from(ZONES),
)
@settings(max_examples=200, deadline=None)
def test_plan_property(start, downtime, weekday, at, tz):
    first = next_due(start, weekday, at, tz)
    now = first + downtime
    plan = plan_after_downtime(first, now, weekday, at, tz)
    due_times = _due_times(first, now, weekday, at, tz)
    assert plan.missed == len(due_times) - 1
    assert plan.slot == slot_key(due_times[-1], tz)
    assert plan.next_due == next_due(now, weekday, at, tz)
    assert plan.next_due > now  # so the scheduler is done with this target until then
    assert plan.is_catchup == (plan.missed > 0 or now - due_times[-1] > CATCHUP_AFTER)


@given(
    start=instants,
    wakeups=st.lists(st.timedeltas(min_value=timedelta(minutes=1), max_value=timedelta(days=60)), max_size=20),
    weekday=st.integers(0, 6),
    at=times,
    tz=st.sampled_from(ZONES),
)
@settings(max_examples=100, deadline=None)
def test_simulated_scheduler_never_floods_or_repeats(start, wakeups, weekday, at, tz):
    """A scheduler that wakes at random times (sometimes after long downtime) and acts on due targets."""
    first = next_due(start, weekday, at, tz)
    stored, now = first, first
    delivered: list[str] = []
    missed_total = 0
    for gap in [timedelta(0), *wakeups]:
        now += gap
        sends_this_wakeup = 0
        while stored <= now:  # what a scheduler loop would do: act until nothing is due
            plan = plan_after_downtime(stored, now, weekday, at, tz)
            sends_this_wakeup += 1
            assert plan.slot not in delivered
            delivered.append(plan.slot)
            missed_total += plan.missed
            stored = plan.next_due
        assert sends_this_wakeup <= 1
    assert len(delivered) + missed_total == len(_due_times(first, now, weekday, at, tz))


# --------------------------------------------------------------------------- is_paused


def test_is_paused():
    now = utc(2026, 1, 5, 8, 0)
    assert not is_paused(None, now)
    assert is_paused(now + timedelta(seconds=1), now)
    assert not is_paused(now, now)  # the pause ends at paused_until
    assert not is_paused(now - timedelta(days=1), now)
    assert is_paused(local(BERLIN, 2026, 1, 5, 9, 30), now)  # any aware zone


def test_is_paused_rejects_naive():
    with pytest.raises(ValueError, match="aware"):
        is_paused(naive(2026, 1, 6), utc(2026, 1, 5))
    with pytest.raises(ValueError, match="aware"):
        is_paused(None, naive(2026, 1, 5))


# --------------------------------------------------------------------------- build_reminder_view


@dataclass(frozen=True)
class T:
    text: str


@dataclass(frozen=True)
class P:
    number: int
    title: str
    first_week: int
    last_week: int
    objective: str | None = None
    topics: tuple[T, ...] = ()


@dataclass(frozen=True)
class Item:
    id: str
    group: str
    text: str
    phase: int | None = None
    md: str = ""
    note: str = ""
    parent: str = ""
    depth: int = 0
    note_after: int = 0


PHASES = (
    P(1, "Foundations", 1, 4, "Learn the basics", tuple(T(f"basics {i}") for i in range(7))),
    P(2, "Language", 5, 12, "Master a language", (T("syntax"), T("idioms"))),
    P(3, "Databases", 13, 18, None, ()),
)
TOTAL = 18
PLAN = schedule(PHASES, TOTAL)
START = date(2026, 1, 5)  # a Monday
GROUPS = ("Foundations (1-2 months)", "Intermediate (3-6 months)", "Advanced (6-12 months)")
CHECKLIST = tuple(Item(f"{g[:3].lower()}-{i}", g, f"{g.split()[0]} item {i}") for g in GROUPS for i in range(1, 13))


def view_for(week: int, done: set[str] | None = None, missed: int = 0, *, checklist=CHECKLIST):
    today = START + timedelta(weeks=week - 1)
    pos = position(PLAN, TOTAL, START, today)
    return build_reminder_view(PHASES, PLAN, pos, checklist, done or set(), missed)


def test_first_week_is_active():
    view = view_for(1)
    assert (view.week, view.total_weeks, view.status) == (1, 18, "active")
    assert (view.phase_number, view.phase_title, view.phase_span) == (1, "Foundations", "weeks 1-4")
    assert view.objective == "Learn the basics"
    assert view.focus == tuple(f"basics {i}" for i in range(5))  # at most five
    assert view.items_group == GROUPS[0]
    assert len(view.open_items) == 10  # at most ten
    assert view.open_items[0] == OpenItem("fou-1", "Foundations item 1")
    assert (view.done, view.total, view.missed) == (0, 36, 0)
    assert view.weeks_left_in_phase == 4


def test_phase_boundaries():
    assert view_for(4).status == "active"
    change = view_for(5)
    assert change.status == "phase_change"
    assert (change.phase_number, change.phase_title, change.phase_span) == (2, "Language", "weeks 5-12")
    assert change.focus == ("syntax", "idioms")
    assert view_for(6).status == "active"
    assert view_for(12).status == "active"
    last = view_for(13)
    assert last.status == "phase_change"
    assert (last.phase_number, last.objective, last.focus) == (3, None, ())
    assert view_for(18).status == "active"


def test_finished_after_the_last_week():
    view = view_for(19)
    assert view.status == "finished"
    assert (view.week, view.phase_number) == (18, 3)
    assert view.weeks_left_in_phase == 0


def test_not_started_previews_the_first_phase():
    pos = position(PLAN, TOTAL, START, START - timedelta(days=3))
    view = build_reminder_view(PHASES, PLAN, pos, CHECKLIST, set())
    assert view.status == "not_started"
    assert (view.week, view.days_until_start) == (0, 3)
    assert (view.phase_number, view.phase_title) == (1, "Foundations")
    assert view.items_group == GROUPS[0]


@pytest.mark.parametrize(
    ("week", "group"),
    [(1, 0), (6, 0), (7, 1), (12, 1), (13, 2), (18, 2), (19, 2)],
)
def test_open_items_group_follows_progress(week, group):
    # 18 weeks, 3 groups: weeks 1-6, 7-12, 13-18.
    assert view_for(week).items_group == GROUPS[group]


# The same path with its checklist written in the phases: Phase 2 (weeks 5-12) has two items, Phase 3 none.
PHASED = (
    Item("git", "Phase 1: Foundations", "Use git", 1),
    Item("http", "Phase 1: Foundations", "Understand HTTP", 1),
    Item("code", "Phase 2: Language", "Write clean code", 2),
    Item("tests", "Phase 2: Language", "Write tests", 2),
)


@pytest.mark.parametrize(("week", "group"), [(1, 0), (4, 0), (5, 1), (12, 1), (13, 1), (19, 1)])
def test_a_checklist_written_in_the_phases_follows_them(week, group):
    # Proportionally, weeks 1-9 would show Phase 1's items and weeks 10-18 Phase 2's: week 5 is Phase 2's,
    # and Phase 3 has no items of its own, so it shows what is left of Phase 2 (never an earlier phase).
    assert view_for(week, checklist=PHASED).items_group == PHASED[2 * group].group


def test_a_phase_written_checklist_moves_on_but_never_back():
    view = view_for(5, {"code", "tests"}, checklist=PHASED)
    assert (view.items_group, view.open_items) == ("Phase 2: Language", ())  # Phase 1's are left to /checklist
    view = view_for(1, {"git", "http"}, checklist=PHASED)
    assert view.items_group == "Phase 2: Language"
    assert [i.id for i in view.open_items] == ["code", "tests"]


def test_items_partly_outside_the_phases_keep_the_proportional_groups():
    mixed = (*PHASED, Item("capstone", "Capstone", "Ship a project"))
    assert view_for(5, checklist=mixed).items_group == "Phase 1: Foundations"  # week 5 of 18: group 0 of 3


def test_open_items_skip_done_items_and_keep_ids():
    done = {f"fou-{i}" for i in range(1, 11)} | {"int-1"}
    view = view_for(1, done)
    assert view.open_items == (OpenItem("fou-11", "Foundations item 11"), OpenItem("fou-12", "Foundations item 12"))
    assert (view.done, view.total) == (11, 36)


def test_group_all_done_moves_to_the_next_with_open_items():
    done = {i.id for i in CHECKLIST if i.group in GROUPS[:2]} | {"adv-1"}
    view = view_for(1, done)
    assert view.items_group == GROUPS[2]
    assert view.open_items[0].id == "adv-2"
    assert len(view.open_items) == 10


def test_never_moves_back_and_all_done_is_empty():
    done = {i.id for i in CHECKLIST if i.group == GROUPS[2]}
    view = view_for(15, done)
    assert (view.items_group, view.open_items) == (GROUPS[2], ())
    everything = view_for(1, {i.id for i in CHECKLIST})
    assert everything.open_items == ()
    assert (everything.done, everything.total) == (36, 36)


def test_stale_done_ids_and_duplicate_items_are_ignored_in_counts():
    checklist = (*CHECKLIST, CHECKLIST[0])
    view = view_for(1, {"fou-1", "gone-item"}, checklist=checklist)
    assert (view.done, view.total) == (1, 36)


def test_empty_checklist_and_missed():
    view = view_for(2, missed=3, checklist=())
    assert (view.items_group, view.open_items, view.done, view.total, view.missed) == (None, (), 0, 0, 3)
    with pytest.raises(ValueError, match="missed"):
        view_for(2, missed=-1)


def test_unknown_phase_number_leaves_content_empty():
    pos = position(PLAN, TOTAL, START, START)
    view = build_reminder_view(PHASES[1:], PLAN, pos, CHECKLIST, set())
    assert (view.phase_number, view.phase_span, view.phase_title, view.objective, view.focus) == (
        1,
        "weeks 1-4",
        None,
        None,
        (),
    )


def test_view_is_frozen():
    view = view_for(1)
    with pytest.raises(FrozenInstanceError):
        view.week = 2  # type: ignore[misc]


def test_works_with_real_content_models():
    from bot.content.models import ChecklistItem, Phase, Topic

    phases = (
        Phase(1, "Foundations", 1, 2, 1, "p1", "Basics", (Topic("HTTP", 2),)),
        Phase(2, "APIs", 3, 4, 5, "p2"),
    )
    items = (ChecklistItem("a", "Foundations (1-2 months)", "Use git", 9),)
    plan = schedule(phases, 8)
    view = build_reminder_view(phases, plan, position(plan, 8, START, START + timedelta(weeks=4)), items, set())
    assert (view.status, view.phase_title, view.phase_span, view.week) == ("phase_change", "APIs", "weeks 5-8", 5)
    assert view.open_items == (OpenItem("a", "Use git"),)


def test_checklist_groups_in_order():
    assert checklist_groups(CHECKLIST) == GROUPS
    assert checklist_groups(()) == ()


@pytest.mark.parametrize(
    ("week", "total", "groups", "expected"),
    [
        (1, 36, 3, 0),
        (12, 36, 3, 0),
        (13, 36, 3, 1),
        (24, 36, 3, 1),
        (25, 36, 3, 2),
        (36, 36, 3, 2),
        (40, 36, 3, 2),  # clamped
        (0, 36, 3, 0),  # clamped
        (1, 1, 3, 0),
        (2, 2, 3, 1),
        (5, 10, 1, 0),
    ],
)
def test_group_for_week(week, total, groups, expected):
    assert group_for_week(week, total, groups) == expected


@given(total=st.integers(1, 120), groups=st.integers(1, 8))
def test_group_for_week_is_monotonic_and_covers_from_zero(total, groups):
    indexes = [group_for_week(w, total, groups) for w in range(1, total + 1)]
    assert indexes[0] == 0
    assert indexes == sorted(indexes)
    assert all(0 <= i < groups for i in indexes)
    if total >= groups:
        assert set(indexes) == set(range(groups))


def test_group_for_week_rejects_nonsense():
    with pytest.raises(ValueError, match="group_count"):
        group_for_week(1, 10, 0)
    with pytest.raises(ValueError, match="total_weeks"):
        group_for_week(1, 0, 3)


# --------------------------------------------------------------------------- self-paced paths


def self_paced_view(days: int, done: set[str] | None = None, *, checklist=CHECKLIST):
    pos = position((), 0, START, START + timedelta(days=days))
    return build_reminder_view((), (), pos, checklist, done or set())


def test_phased_view_groups_its_open_items_under_the_week_group():
    view = view_for(1)
    assert view.open_by_group == ((GROUPS[0], view.open_items),)
    assert not view.self_paced


def test_self_paced_view_lists_the_next_items_without_phase_or_end():
    view = self_paced_view(400)  # week 58: no week ever maps to a later group, nor finishes the path
    assert (view.status, view.week, view.total_weeks, view.self_paced) == ("active", 58, 0, True)
    assert (view.phase_number, view.phase_title, view.phase_span, view.objective, view.focus) == (
        None,
        None,
        None,
        None,
        (),
    )
    assert view.items_group is None
    assert view.open_items == tuple(OpenItem(f"fou-{i}", f"Foundations item {i}") for i in range(1, 6))
    assert view.open_by_group == ((GROUPS[0], view.open_items),)
    assert (view.done, view.total) == (0, 36)


def test_self_paced_view_runs_on_into_the_next_groups():
    done = {f"fou-{i}" for i in range(1, 11)} | {"int-1"}
    view = self_paced_view(0, done)
    assert view.open_by_group == (
        (GROUPS[0], (OpenItem("fou-11", "Foundations item 11"), OpenItem("fou-12", "Foundations item 12"))),
        (GROUPS[1], tuple(OpenItem(f"int-{i}", f"Intermediate item {i}") for i in range(2, 5))),
    )
    assert len(view.open_items) == MAX_NEXT_ITEMS
    assert view.done == 11


def test_self_paced_view_with_everything_done_or_no_checklist():
    all_done = self_paced_view(7, {i.id for i in CHECKLIST})
    assert (all_done.status, all_done.open_items, all_done.open_by_group, all_done.done) == ("active", (), (), 36)
    empty = self_paced_view(7, checklist=())
    assert (empty.open_items, empty.total) == ((), 0)


def test_self_paced_view_before_the_start_previews_the_first_items():
    view = self_paced_view(-3)
    assert (view.status, view.days_until_start, view.week) == ("not_started", 3, 0)
    assert view.open_items[0] == OpenItem("fou-1", "Foundations item 1")


def test_next_open_items_keeps_group_order_and_counts_a_repeated_item_once():
    checklist = (Item("a", "G1", "A"), Item("b", "G2", "B"), Item("a", "G2", "A again"), Item("c", "G1", "C"))
    assert next_open_items(checklist, {"c"}, limit=5) == (
        ("G1", (OpenItem("a", "A"),)),
        ("G2", (OpenItem("b", "B"),)),
    )
    assert next_open_items(checklist, set(), limit=1) == (("G1", (OpenItem("a", "A"),)),)
    assert next_open_items((), set()) == ()
