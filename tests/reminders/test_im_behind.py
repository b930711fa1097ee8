""" "I'm behind" on a weekly reminder: once a week, never before week 1, and an old button says it is old.

Ann enrolls on Friday 2026-11-27; her reminders come on Mondays at 09:00 UTC: week 1 on 2026-11-30 (slot
2026-W49), week 5 on 2026-12-28 (2026-W53), week 6 on 2027-01-04 (2027-W01). Nothing ticked, she is behind by two
weeks in week 5: the first of phase 1's two items fell due after 2 of its 4 weeks, and 4 weeks are over.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot import components
from bot.handlers import learning
from bot.reminders.compose import compose_user
from bot.reminders.scheduler import Scheduler
from bot.services import Services
from tests.reminders.conftest import (
    ANN,
    NOW,
    ROLE,
    Clock,
    RecordingSender,
    caller,
    learner,
    press,
    says,
    text,
    travel,
    weeks,
)

FIRST = datetime(2026, 11, 30, 9, tzinfo=UTC)
BEHIND = "I'm behind"


def labels(sent) -> list[str]:
    return [b.label for b in sent.reply.buttons]


async def shift(svc: Services) -> int:
    enrollment = await svc.store.get_enrollment(ANN, ROLE)
    assert enrollment is not None
    return enrollment.week_shift


async def week_5(svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock):
    """Ann's reminder of week 5 (2026-12-28), the last one sent."""
    await learner(svc)
    await travel(scheduler, clock, FIRST + weeks(4) + timedelta(minutes=5))
    reminder = sender.sent[-1]
    assert reminder.text.startswith("Week 5 of 36")
    return reminder


async def test_it_moves_the_plan_back_a_week_and_says_where_that_is(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    reminder = await week_5(svc, scheduler, sender, clock)
    [button] = [b for b in reminder.reply.buttons if b.label == BEHIND]
    assert button.custom_id == components.BEHIND.id(ROLE, "2026-W53")

    response = await press(svc, caller(now=clock.now), reminder.reply, BEHIND)

    assert text(response) == (
        "(only you)\n\nNo problem: your plan moved back a week, to week 4 of 36 (1 week back in all). "
        "Keep going at your pace."
    )
    await travel(scheduler, clock, FIRST + weeks(5) + timedelta(minutes=5))
    assert sender.sent[-1].text.startswith("Week 5 of 36")  # instead of week 6


async def test_sixty_clicks_move_it_back_once(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    reminder = await week_5(svc, scheduler, sender, clock)
    await press(svc, caller(now=clock.now), reminder.reply, BEHIND)

    for n in range(59):
        with says("Your plan already moved back a week with this reminder (1 week back in all)"):
            await press(svc, caller(now=clock.now + timedelta(minutes=n)), reminder.reply, BEHIND)

    assert await shift(svc) == 1
    # A reminder composed again this week (a preview, a snooze) has no button left to press.
    again = await compose_user(svc, ANN, clock.now + timedelta(hours=1))
    assert again.reply is not None
    assert BEHIND not in [b.label for b in again.reply.buttons]


async def test_next_weeks_reminder_may_move_it_back_again(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    reminder = await week_5(svc, scheduler, sender, clock)
    await press(svc, caller(now=clock.now), reminder.reply, BEHIND)
    await travel(scheduler, clock, FIRST + weeks(5) + timedelta(minutes=5))
    following = sender.sent[-1]
    assert following.text.startswith("Week 5 of 36")

    response = await press(svc, caller(now=clock.now), following.reply, BEHIND)

    assert "to week 4 of 36 (2 weeks back in all)" in text(response)
    assert await shift(svc) == 2


async def test_an_old_button_says_it_is_old_and_moves_nothing(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    reminder = await week_5(svc, scheduler, sender, clock)
    await travel(scheduler, clock, FIRST + weeks(5) + timedelta(minutes=5))

    with says(
        "This button is on the reminder of the week of 2026-12-28: your plan moves back only from this week's. "
        "`/remind preview` sends you this week's reminder with a fresh button."
    ):
        await press(svc, caller(now=clock.now), reminder.reply, BEHIND)
    assert await shift(svc) == 0


async def test_a_button_from_before_buttons_knew_their_week_says_it_is_old(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await week_5(svc, scheduler, sender, clock)

    with says("This button is on an older reminder: your plan moves back only from this week's."):
        await components.handle(svc, caller(now=clock.now), f"wm:behind:{ROLE}")
    assert await shift(svc) == 0


async def test_week_1_has_no_button_and_nothing_to_move_back_to(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc)
    await travel(scheduler, clock, FIRST + timedelta(minutes=5))
    [first] = sender.sent
    assert first.text.startswith("Week 1 of 36")
    assert labels(first) == ["Snooze a day", "Pause a week", "I worked on this"]

    with says("You're in week 1 of Backend Engineer: there is no earlier week to move back to."):
        await components.handle(svc, caller(now=clock.now), components.BEHIND.id(ROLE, "2026-W49"))
    assert await shift(svc) == 0


async def test_only_from_two_weeks_behind(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc)
    # Weeks 2 to 4 with nothing ticked: nothing overdue, then overdue by a week: no nudge, no button.
    for week, pace in ((2, "on track"), (3, "on track"), (4, "behind by 1 week")):
        await travel(scheduler, clock, FIRST + weeks(week - 1) + timedelta(minutes=5))
        reminder = sender.sent[-1]
        assert reminder.text.startswith(f"Week {week} of 36")
        assert labels(reminder) == ["Snooze a day", "Pause a week", "I worked on this"]
        assert f"Finish: 2027-08-05 · {pace}" in reminder.text
    # From week 5 on it moves the plan back to week 4, and the next Monday is week 5 again.
    await travel(scheduler, clock, FIRST + weeks(4) + timedelta(minutes=5))
    reminder = sender.sent[-1]
    response = await press(svc, caller(now=clock.now), reminder.reply, BEHIND)
    assert "to week 4 of 36 (1 week back in all)" in text(response)
    await travel(scheduler, clock, FIRST + weeks(5) + timedelta(minutes=5))
    following = sender.sent[-1]
    assert following.text.startswith("Week 5 of 36")
    response = await press(svc, caller(now=clock.now), following.reply, BEHIND)
    assert "to week 4 of 36 (2 weeks back in all)" in text(response)
    assert await shift(svc) == 2


async def test_on_a_path_left_since(svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock) -> None:
    reminder = await week_5(svc, scheduler, sender, clock)
    await learning.stop_learning(svc, caller(now=clock.now), ROLE, forget=False)

    with says("You aren't following that path any more."):
        await press(svc, caller(now=clock.now), reminder.reply, BEHIND)


async def test_it_targets_a_live_path_not_a_finished_one(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc, start=(NOW - weeks(40)).date().isoformat())  # finished
    await learning.start_learning(svc, caller(), "frontend-engineer")
    await travel(scheduler, clock, FIRST + weeks(4) + timedelta(minutes=5))  # frontend: week 5, 2 weeks behind
    dm = sender.sent[-1]
    behind = [b for b in dm.reply.buttons if b.label == BEHIND]
    assert [b.custom_id for b in behind] == ["wm:behind:frontend-engineer:2026-W53"]
    enrollment = await svc.store.get_enrollment(ANN, ROLE)
    assert enrollment is not None and enrollment.status == "completed"


async def test_the_week_follows_the_learners_reminder_zone(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    """Sunday 23:30 in Tokyo is already Monday: the week of the reminder is the learner's, not UTC's."""
    await learner(svc, tz="Asia/Tokyo", day="monday", time="08:00")
    await travel(scheduler, clock, datetime(2026, 12, 27, 23, 5, tzinfo=UTC))  # Monday 08:05 in Tokyo
    reminder = sender.sent[-1]
    [button] = [b for b in reminder.reply.buttons if b.label == BEHIND]
    assert button.custom_id == components.BEHIND.id(ROLE, "2026-W53")
    assert "moved back a week" in text(await press(svc, caller(now=clock.now), reminder.reply, BEHIND))
