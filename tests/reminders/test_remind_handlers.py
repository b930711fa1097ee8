"""/remind on|off|set|pause|preview and the reminder's buttons, driven through the handlers and the scheduler."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from bot.handlers import reminders
from bot.reminders.scheduler import Scheduler
from bot.services import Services, UserError
from tests import peek
from tests.reminders.conftest import (
    ANN,
    BOB,
    NOW,
    ROLE,
    Clock,
    RecordingSender,
    caller,
    choose,
    learner,
    press,
    says,
    selects,
    text,
    travel,
    weeks,
)

FIRST = datetime(2026, 11, 30, 9, tzinfo=UTC)


async def first_reminder(svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock) -> None:
    await learner(svc)
    await travel(scheduler, clock, FIRST + timedelta(minutes=5))
    assert len(sender.to("user", ANN)) == 1


# ---------------------------------------------------------------- /remind on, off, set


async def test_remind_on_and_off(svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock) -> None:
    await learner(svc)
    off = await reminders.remind_off(svc, caller())
    assert text(off) == "(only you)\n\nWeekly reminders are off. `/remind on` brings them back."
    assert await svc.store.get_plan("user", ANN) is None
    await travel(scheduler, clock, NOW + weeks(2))
    assert sender.sent == []
    on = await reminders.remind_on(svc, caller(now=clock.now))
    assert on.content == ("Weekly reminders are on: Mondays at 09:00 (UTC). Next one: Monday 2026-12-14 09:00 (UTC).")
    await travel(scheduler, clock, NOW + weeks(3))
    assert [s.due for s in sender.sent] == [FIRST + weeks(2)]


async def test_remind_on_before_enrolling_says_nothing_is_planned(svc: Services) -> None:
    on = await reminders.remind_on(svc, caller())
    assert "Nothing is planned: enroll in a path with `/start-learning` first." in on.content
    assert await svc.store.get_plan("user", ANN) is None


async def test_remind_set_changes_day_time_and_zone(svc: Services) -> None:
    await learner(svc)
    reply = await reminders.remind_set(svc, caller(), day="Fri", time="18.30", timezone="Asia/Kolkata")
    assert reply.content == (
        "Reminders: Fridays at 18:30 (Asia/Kolkata). Next one: Friday 2026-11-27 18:30 (Asia/Kolkata)."
    )
    assert await svc.store.get_plan("user", ANN) == datetime(2026, 11, 27, 13, tzinfo=UTC)
    learner_row = await svc.store.get_learner(ANN)
    assert learner_row is not None and learner_row.timezone == "Asia/Kolkata"  # the weeks follow the zone too
    # Only the time: the day and the zone stay.
    reply = await reminders.remind_set(svc, caller(), time="7:05")
    assert reply.content.startswith("Reminders: Fridays at 07:05 (Asia/Kolkata).")
    settings = await svc.store.get_reminder_settings(ANN)
    assert settings is not None and (settings.weekday, settings.local_time) == (4, time(7, 5))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"day": "funday"}, "'funday' is not a day. Use monday, tuesday, … or sunday."),
        ({"day": "m"}, "'m' is not a day. Use monday, tuesday, … or sunday."),
        ({"time": "25:00"}, "'25:00' is not a time. Use 24-hour HH:MM, e.g. 09:00 or 18:30."),
        ({"time": "9am"}, "'9am' is not a time. Use 24-hour HH:MM, e.g. 09:00 or 18:30."),
        ({"time": "09:60"}, "'09:60' is not a time."),
        ({"timezone": "Mars/Olympus"}, "'Mars/Olympus' is not a time zone. Use an IANA name like"),
        ({"timezone": "Europe"}, "'Europe' is not a time zone."),  # a folder of zones, not a zone
        ({"timezone": "../etc/passwd"}, "is not a time zone."),
        ({"timezone": "zone.tab"}, "'zone.tab' is not a time zone."),
        ({}, "Give at least one of day, time or timezone, e.g. `/remind set day:friday time:18:00`."),
    ],
)
async def test_remind_set_refuses_bad_input_and_changes_nothing(
    svc: Services, kwargs: dict[str, str], message: str
) -> None:
    await learner(svc)
    before = await svc.store.get_reminder_settings(ANN)
    with pytest.raises(UserError) as raised:
        await reminders.remind_set(svc, caller(), **kwargs)
    assert message in str(raised.value)
    assert await svc.store.get_reminder_settings(ANN) == before
    assert await svc.store.get_plan("user", ANN) == FIRST


def test_parse_day_and_time_accept_the_usual_spellings() -> None:
    assert [reminders.parse_day(d) for d in ("Monday", " tue ", "WED", "thurs", "sunday")] == [0, 1, 2, 3, 6]
    assert [reminders.parse_time(t) for t in ("9:00", "09:00", "18h30", "23.59", "0:00")] == [
        time(9),
        time(9),
        time(18, 30),
        time(23, 59),
        time(0),
    ]
    assert reminders.zone_choices("berlin") == ["Europe/Berlin"]
    assert "America/New_York" in reminders.zone_choices("new_y")


# ---------------------------------------------------------------- /remind pause, preview


async def test_pause_until_a_date_then_resume(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc, tz="Europe/Berlin")
    reply = await reminders.remind_pause(svc, caller(), "2026-12-15")
    assert reply.content == ("Reminders paused until 2026-12-15. Next one: Monday 2026-12-21 09:00 (Europe/Berlin).")
    await travel(scheduler, clock, datetime(2026, 12, 20, tzinfo=UTC))
    assert sender.sent == []
    await travel(scheduler, clock, datetime(2027, 1, 5, tzinfo=UTC))
    assert [s.due for s in sender.sent] == [datetime(2026, 12, 21, 8, tzinfo=UTC) + weeks(n) for n in range(3)]
    # The pause ends at midnight of that day, in the learner's zone: a Monday resumes the same morning.
    await reminders.remind_pause(svc, caller(now=clock.now), "2027-01-11")
    assert await svc.store.get_plan("user", ANN) == datetime(2027, 1, 11, 8, tzinfo=UTC)


@pytest.mark.parametrize(
    ("until", "message"),
    [
        ("soon", "'soon' is not a date. Use YYYY-MM-DD, e.g. 2026-12-04."),
        ("2026-11-27", "Pick a date after today (2026-11-27)."),
        ("2026-11-01", "Pick a date after today (2026-11-27)."),
        ("2027-12-31", "Pause for at most a year; `/remind off` stops reminders for good."),
    ],
)
async def test_pause_refuses_bad_dates(svc: Services, until: str, message: str) -> None:
    await learner(svc)
    with says(message):
        await reminders.remind_pause(svc, caller(), until)
    assert await svc.store.get_plan("user", ANN) == FIRST


async def test_a_pause_from_an_older_plan_is_honoured_at_send_time(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc)
    await reminders.remind_pause(svc, caller(), "2026-12-10")
    await svc.store.set_plan("user", ANN, FIRST)  # a plan made before the pause
    [outcome] = await scheduler.run_due(FIRST)
    assert outcome.skipped == "paused"
    assert await svc.store.get_plan("user", ANN) == FIRST + weeks(2)


async def test_preview_is_this_weeks_reminder(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc)
    preview = await reminders.remind_preview(svc, caller(now=FIRST))
    await travel(scheduler, clock, FIRST)
    [dm] = sender.sent
    assert preview == dm.reply
    assert preview.cards[0].title == "Week 1 of 36 · Phase 1 (weeks 1-4) · Backend Engineer"
    assert await svc.store.get_plan("user", ANN) == FIRST + weeks(1)


async def test_preview_without_a_path(svc: Services) -> None:
    with says("You aren't following any path yet"):
        await reminders.remind_preview(svc, caller())


# ---------------------------------------------------------------- the reminder's buttons


async def test_tick_items_from_the_reminder(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await first_reminder(svc, scheduler, sender, clock)
    [dm] = sender.sent
    [menu] = selects(dm.reply)
    picked = [
        o.value for o in menu.options if o.label in ("Use git professionally", "Understand HTTP and web protocols")
    ]
    response = await choose(svc, caller(now=clock.now), menu, picked)
    assert text(response) == (
        "(only you)\n\nTicked on Backend Engineer:\n✅ Understand HTTP and web protocols\n✅ Use git professionally"
    )
    assert set(await svc.store.get_progress(ANN, ROLE)) == set(picked)
    await travel(scheduler, clock, FIRST + weeks(1))
    second = sender.sent[-1]
    assert "⬜ Use git professionally" not in second.text  # no longer open (it is up for review instead)
    assert "Use git professionally" not in [o.label for menu in selects(second.reply) for o in menu.options]
    assert "Progress: ▰▱▱▱▱▱▱▱▱▱ 2/15 (13%)" in second.text
    with says("Those items changed since this reminder was sent"):
        await choose(svc, caller(now=clock.now), menu, ["no-such-item"])


async def test_snooze_a_day_sends_a_second_reminder_the_next_day(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await first_reminder(svc, scheduler, sender, clock)
    response = await press(svc, caller(now=clock.now), sender.sent[0].reply, "Snooze a day")
    assert text(response) == "(only you)\n\nSnoozed: I'll remind you again at 2026-12-01 09:05 (UTC)."
    await travel(scheduler, clock, FIRST + weeks(1) + timedelta(hours=1))
    first, snoozed, weekly = sender.sent
    assert snoozed.at == FIRST + timedelta(days=1, minutes=5)
    assert snoozed.text.startswith("Week 1 of 36")
    assert snoozed.nonce != first.nonce  # a new message, not a repeat Discord would swallow
    assert weekly.due == FIRST + weeks(1)
    assert await svc.store.get_meta("snooze:user:101") is None


async def test_snooze_works_whatever_the_callers_clock_zone(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    from zoneinfo import ZoneInfo

    await first_reminder(svc, scheduler, sender, clock)
    local_now = clock.now.astimezone(ZoneInfo("Asia/Tokyo"))  # the same instant, another offset
    await press(svc, caller(now=local_now), sender.sent[0].reply, "Snooze a day")
    await travel(scheduler, clock, FIRST + timedelta(days=2))
    assert len(sender.sent) == 2


async def test_pause_a_week(svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock) -> None:
    await first_reminder(svc, scheduler, sender, clock)
    response = await press(svc, caller(now=clock.now), sender.sent[0].reply, "Pause a week")
    assert text(response) == "(only you)\n\nReminders paused for a week. `/remind on` resumes them now."
    await travel(scheduler, clock, FIRST + weeks(3) + timedelta(hours=1))
    assert [s.due for s in sender.sent] == [FIRST, FIRST + weeks(2), FIRST + weeks(3)]


async def test_buttons_of_one_learner_act_for_whoever_clicks(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    # A DM's buttons can only be pressed by its recipient, but the handlers act for the caller anyway.
    await first_reminder(svc, scheduler, sender, clock)
    await learner(svc, BOB)
    await press(svc, caller(BOB, clock.now), sender.sent[0].reply, "Pause a week")
    settings = await svc.store.get_reminder_settings(BOB)
    assert settings is not None and settings.paused_until == clock.now + weeks(1)
    ann = await svc.store.get_reminder_settings(ANN)
    assert ann is not None and ann.paused_until is None


async def test_moving_the_day_within_a_served_week_sends_no_second_reminder(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await first_reminder(svc, scheduler, sender, clock)
    reply = await reminders.remind_set(svc, caller(now=clock.now), day="wednesday")
    assert "Next one: Wednesday 2026-12-02 09:00 (UTC)." in reply.content
    await reminders.remind_off(svc, caller(now=clock.now))
    await reminders.remind_on(svc, caller(now=clock.now))
    await travel(scheduler, clock, FIRST + weeks(1) + timedelta(days=3))
    # Wednesday of the same ISO week is skipped (that week was served on Monday); the next week's comes.
    assert [s.due for s in sender.sent] == [FIRST, FIRST + weeks(1) + timedelta(days=2)]


async def test_tick_on_a_path_gone_from_the_content(svc: Services) -> None:
    from bot import components

    with says("That path is not in the content any more. Your progress is kept."):
        await components.handle(svc, caller(), "wm:rtick:ghost-role", ["x"])


async def test_a_snoozed_reminder_survives_a_passing_failure(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    from bot.reminders.scheduler import RetryLaterError

    await first_reminder(svc, scheduler, sender, clock)
    await press(svc, caller(now=clock.now), sender.sent[0].reply, "Snooze a day")
    sender.errors[("user", ANN)] = [RetryLaterError("503")]
    await travel(scheduler, clock, FIRST + timedelta(days=3))
    assert len(sender.sent) == 2
    assert await peek.pending_deliveries(svc.store) == []
