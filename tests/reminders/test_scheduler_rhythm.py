"""The weekly rhythm: on after /start-learning, the first DM on time, one a week, DST and gaps."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.reminders import slot_key
from bot.reminders.scheduler import Scheduler
from bot.services import Services
from tests import peek
from tests.reminders.conftest import (
    ANN,
    BOB,
    CAT,
    CHANNEL,
    NOW,
    Clock,
    RecordingSender,
    group,
    learner,
    travel,
    weeks,
)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


async def test_reminders_are_on_after_start_learning(svc: Services) -> None:
    await learner(svc)
    settings = await svc.store.get_reminder_settings(ANN)
    assert settings is not None
    assert (settings.enabled, settings.weekday, settings.local_time, settings.timezone) == (True, 0, time(9), None)
    # The learner's zone is UTC until they say otherwise: Monday 2026-11-30 09:00 UTC.
    assert await svc.store.get_plan("user", ANN) == utc(2026, 11, 30, 9)


async def test_first_dm_arrives_at_the_right_utc_instant(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc, tz="Europe/Berlin")
    assert await svc.store.get_plan("user", ANN) == utc(2026, 11, 30, 8)  # 09:00 CET
    assert await scheduler.run_due(utc(2026, 11, 30, 7, 59, 59)) == []
    assert sender.sent == []
    await travel(scheduler, clock, utc(2026, 11, 30, 8))
    [dm] = sender.sent
    assert (dm.kind, dm.target, dm.due, dm.at) == ("user", ANN, utc(2026, 11, 30, 8), utc(2026, 11, 30, 8))
    assert dm.text.startswith("Week 1 of 36 · Phase 1 (weeks 1-4) · Backend Engineer\n")
    assert "**Objective:**" in dm.text
    assert "Part 1 of 4 of this phase" in dm.text
    assert "Open items in this phase:\n  ⬜ Understand HTTP and web protocols\n  ⬜ Use git professionally" in dm.text
    assert "Progress: ▱▱▱▱▱▱▱▱▱▱ 0/15 (0%)" in dm.text
    assert "Finish: 2027-08-05 · on track" in dm.text  # week 36 of a plan started on Friday 2026-11-27
    assert "[Snooze a day] [Pause a week] [I worked on this]" in dm.text  # week 1: no earlier week to move back to
    assert "I was offline" not in dm.text
    assert len(dm.nonce) <= 25
    assert await svc.store.get_plan("user", ANN) == utc(2026, 12, 7, 8)
    assert await peek.delivery_state(svc.store, "user", ANN, "2026-W49") == "sent"


async def test_time_travel_sends_exactly_one_a_week(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc, ANN)
    await learner(svc, BOB, tz="Asia/Kolkata", day="friday", time="18:30")
    await travel(scheduler, clock, NOW + weeks(8))
    ann, bob = sender.to("user", ANN), sender.to("user", BOB)
    assert [s.due for s in ann] == [utc(2026, 11, 30, 9) + weeks(i) for i in range(8)]
    assert [s.due for s in bob] == [utc(2026, 11, 27, 13) + weeks(i) for i in range(8)]  # 18:30 IST, today first
    assert all(s.at == s.due for s in sender.sent)  # sent on time, never late
    for sent, tz in ((ann, "UTC"), (bob, "Asia/Kolkata")):
        slots = [slot_key(s.due, tz) for s in sent]
        assert len(set(slots)) == len(slots)  # one per ISO week
        assert len({s.nonce for s in sent}) == len(sent)
    assert [s.text.split(" · ")[0] for s in ann] == [f"Week {n} of 36" for n in range(1, 9)]


def _mondays_9(start: datetime, end: datetime, tz: str) -> list[datetime]:
    """Every Monday 09:00 local in `tz` between two instants, as UTC, computed independently of the code."""
    zone = ZoneInfo(tz)
    day = start.astimezone(zone).date()
    out = []
    while True:
        if day.weekday() == 0:
            due = datetime(day.year, day.month, day.day, 9, tzinfo=zone).astimezone(UTC)
            if due > end:
                return out
            if due > start:
                out.append(due)
        day += timedelta(days=1)


@pytest.mark.parametrize(
    ("tz", "expected"),
    [
        (
            "Europe/Berlin",  # CEST -> CET on 2026-10-25, CET -> CEST on 2027-03-28
            {
                utc(2026, 10, 19, 7),
                utc(2026, 10, 26, 8),
                utc(2027, 3, 22, 8),
                utc(2027, 3, 29, 7),
            },
        ),
        (
            "America/New_York",  # EDT -> EST on 2026-11-01, EST -> EDT on 2027-03-14
            {
                utc(2026, 10, 26, 13),
                utc(2026, 11, 2, 14),
                utc(2027, 3, 8, 14),
                utc(2027, 3, 15, 13),
            },
        ),
        (
            "Australia/Lord_Howe",  # +10:30 -> +11 on 2026-10-04 (half an hour), back on 2027-04-04
            {
                utc(2026, 9, 27, 22, 30),
                utc(2026, 10, 4, 22),
                utc(2027, 3, 28, 22),
                utc(2027, 4, 4, 22, 30),
            },
        ),
    ],
)
async def test_local_nine_oclock_survives_dst_changes(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock, tz: str, expected: set[datetime]
) -> None:
    start, end = utc(2026, 9, 20, 12), utc(2027, 4, 20)
    clock.now = start
    await learner(svc, ANN, start, tz=tz)
    await travel(scheduler, clock, end)
    dms = sender.to("user", ANN)
    assert [s.due for s in dms] == _mondays_9(start, end, tz)
    assert expected <= {s.due for s in dms}
    assert all(s.at == s.due for s in dms)
    assert {(s.due.astimezone(ZoneInfo(tz)).weekday(), s.due.astimezone(ZoneInfo(tz)).time()) for s in dms} == {
        (0, time(9))
    }
    # Each send is for its own ISO week, and the week number keeps counting through the changes.
    assert len({slot_key(s.due, tz) for s in dms}) == len(dms)
    assert [s.text.split(" · ")[0] for s in dms[:3]] == ["Week 1 of 36", "Week 2 of 36", "Week 3 of 36"]


@pytest.mark.parametrize(
    ("tz", "day", "at", "expected"),
    [
        # 02:30 does not exist in Berlin on 2027-03-28 (02:00 -> 03:00): sent at 03:00 CEST.
        (
            "Europe/Berlin",
            "sunday",
            "02:30",
            [utc(2027, 3, 21, 1, 30), utc(2027, 3, 28, 1), utc(2027, 4, 4, 0, 30)],
        ),
        # 02:15 does not exist on Lord Howe on 2026-10-04 (02:00 -> 02:30): sent at 02:30 (+11).
        (
            "Australia/Lord_Howe",
            "sunday",
            "02:15",
            [utc(2026, 9, 26, 15, 45), utc(2026, 10, 3, 15, 30), utc(2026, 10, 10, 15, 15)],
        ),
        # 02:30 in New York on 2027-03-14 (02:00 -> 03:00): 03:00 EDT.
        (
            "America/New_York",
            "sun",
            "2:30",
            [utc(2027, 3, 7, 7, 30), utc(2027, 3, 14, 7), utc(2027, 3, 21, 6, 30)],
        ),
    ],
)
async def test_a_time_in_the_spring_forward_gap_is_sent_at_the_next_valid_time(
    svc: Services,
    scheduler: Scheduler,
    sender: RecordingSender,
    clock: Clock,
    tz: str,
    day: str,
    at: str,
    expected: list[datetime],
) -> None:
    start = expected[0] - timedelta(days=3)
    clock.now = start
    await learner(svc, ANN, start, tz=tz, day=day, time=at)
    await travel(scheduler, clock, expected[-1] + timedelta(hours=1))
    assert [s.due for s in sender.to("user", ANN)] == expected
    assert [s.at for s in sender.to("user", ANN)] == expected


async def test_fall_back_overlap_sends_once_at_the_first_occurrence(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    # 02:30 happens twice in Berlin on 2026-10-25: the first one (CEST, 00:30 UTC) is used, once.
    clock.now = start = utc(2026, 10, 20)
    await learner(svc, ANN, start, tz="Europe/Berlin", day="sunday", time="02:30")
    await travel(scheduler, clock, utc(2026, 11, 2))
    assert [s.due for s in sender.to("user", ANN)] == [utc(2026, 10, 25, 0, 30), utc(2026, 11, 1, 1, 30)]


async def test_groups_and_learners_in_one_pass(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc, ANN)
    await learner(svc, BOB)
    await group(svc, members=(ANN, BOB, CAT))
    await travel(scheduler, clock, NOW + weeks(3))
    assert len(sender.to("user", ANN)) == len(sender.to("user", BOB)) == 3
    # CAT enrolled through the group: reminders are on for them too.
    assert len(sender.to("user", CAT)) == 3
    posts = sender.to("channel", CHANNEL)
    assert [p.due for p in posts] == [utc(2026, 11, 30, 9) + weeks(i) for i in range(3)]
    assert {p.label for p in posts} == {"Study"}
