"""Due reviews in the weekly reminder: on the right local Monday across DST, waiting out a pause, and within the
reminder's five rows of components."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.handlers import learning, progress, reminders
from bot.reminders.compose import compose_group, compose_user
from bot.reminders.scheduler import Scheduler
from bot.render import Reply
from bot.services import Services
from tests.reminders.conftest import (
    ANN,
    ROLE,
    Clock,
    RecordingSender,
    caller,
    group,
    learner,
    press,
    text,
    travel,
    weeks,
)

NEW_YORK = ZoneInfo("America/New_York")
GIT, HTTP = "Use git professionally", "Understand HTTP and web protocols"
OTHER_PATHS = ("data-engineer", "devops-sre-engineer", "frontend-engineer")


def answers(reply: Reply) -> list[str]:
    return [b.label for b in reply.buttons if b.custom_id and b.custom_id.startswith("wm:review:")]


def reviewed(reply: Reply) -> list[str]:
    """The items the reminder's review card lists, in order."""
    cards = [c for c in reply.cards if c.title and c.title.startswith("🔁")]
    if not cards:
        return []
    [card] = cards
    return [line.split("**")[1].split(". ", 1)[1] for line in (card.description or "").splitlines() if "**" in line]


async def test_new_york_reviews_arrive_on_the_right_mondays_across_the_spring_change(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    start = datetime(2026, 2, 23, 15, 0, tzinfo=UTC)  # Monday 10:00 EST
    clock.now = start
    await learner(svc, now=start, tz="America/New_York", day="monday", time="09:00")
    # Ticked on Monday 2 March at 23:30 EST; the clocks go forward on Sunday 8 March.
    await progress.done(svc, caller(ANN, datetime(2026, 3, 2, 23, 30, tzinfo=NEW_YORK)), GIT)
    await travel(scheduler, clock, datetime(2026, 4, 28, tzinfo=UTC))
    mondays = {s.due.astimezone(NEW_YORK).date().isoformat(): s for s in sender.to("user", ANN)}
    shown = {day: reviewed(s.reply) for day, s in mondays.items()}
    assert shown["2026-03-02"] == []
    assert shown["2026-03-09"] == [GIT]  # 09:00 EDT: not yet 7 × 24 hours after the tick, but a week of dates
    assert all(shown[day] == [GIT] for day in ("2026-03-16", "2026-03-23"))  # unanswered: it waits

    # Answered "Still got it" from the reminder of 9 March: the next review is three Mondays after that.
    clock.now = mondays["2026-03-09"].at
    await press(svc, caller(ANN, clock.now), mondays["2026-03-09"].reply, "1 · Still got it")
    later = [await compose_user(svc, ANN, mondays[day].due) for day in ("2026-03-16", "2026-03-23", "2026-03-30")]
    assert [reviewed(c.reply) for c in later if c.reply] == [[], [], [GIT]]


async def test_a_paused_learners_reviews_wait_and_three_come_back(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc)
    items = [HTTP, GIT, "Write clean, well-documented code in chosen language", "Write comprehensive tests"]
    for n, item in enumerate(items):
        await progress.done(svc, caller(ANN, clock.now + timedelta(hours=n)), item)
    paused = await reminders.remind_pause(svc, caller(ANN, clock.now), "2027-01-25")
    assert "Reminders paused until 2027-01-25" in text(paused)
    await travel(scheduler, clock, datetime(2027, 1, 24, tzinfo=UTC))
    assert sender.to("user", ANN) == []  # nothing while paused, and nothing piles up
    await travel(scheduler, clock, datetime(2027, 2, 2, tzinfo=UTC))
    back, following = sender.to("user", ANN)
    assert reviewed(back.reply) == items[:3]  # the oldest three of four, in the order they were ticked
    assert answers(back.reply) == [f"{n} · {a}" for n in (1, 2, 3) for a in ("Still got it", "Review again")]
    assert reviewed(following.reply) == items[:3]  # unanswered: the same three, still no more than three
    await press(svc, caller(ANN, clock.now), following.reply, "2 · Review again")
    assert reviewed((await compose_user(svc, ANN, clock.now)).reply or Reply(content="-")) == [
        items[0],
        items[2],
        items[3],
    ]


async def test_review_buttons_take_the_rows_the_reminder_has_left(svc: Services) -> None:
    await learner(svc)
    await learning.start_learning(svc, caller(ANN), OTHER_PATHS[0])
    for item in (HTTP, GIT, "Write comprehensive tests"):
        await progress.done(svc, caller(ANN), item)
    two_paths = (await compose_user(svc, ANN, datetime(2026, 12, 7, 9, tzinfo=UTC))).reply
    assert two_paths is not None
    assert len(two_paths.rows) == 5  # two menus, the reminder's buttons, and two reviews' buttons
    assert answers(two_paths) == ["1 · Still got it", "1 · Review again", "2 · Still got it", "2 · Review again"]
    assert "[Answer the other 1 with `/review`.]" in text(two_paths)
    assert reviewed(two_paths) == [HTTP, GIT, "Write comprehensive tests"]
    assert f"**1. {HTTP}** (Backend Engineer)" in text(two_paths)  # several paths: each item names its own

    for role in OTHER_PATHS[1:]:
        await learning.start_learning(svc, caller(ANN), role)
    four_paths = (await compose_user(svc, ANN, datetime(2026, 12, 7, 9, tzinfo=UTC))).reply
    assert four_paths is not None
    assert answers(four_paths) == []  # four menus and the reminder's buttons fill the five rows
    assert "[Answer them with `/review`.]" in text(four_paths)
    assert len(reviewed(four_paths)) == 3


async def test_one_path_lists_items_without_naming_the_path_and_the_group_post_has_none(svc: Services) -> None:
    await learner(svc)
    await group(svc, members=[ANN])
    await progress.done(svc, caller(ANN), GIT)
    composed = await compose_user(svc, ANN, datetime(2026, 12, 7, 9, tzinfo=UTC))
    assert composed.reply is not None
    assert (
        "🔁 Time to review · still got it?\n"
        "=================================\n\n"
        "**1. Use git professionally**\n"
        "From Phase 1: Foundations · `/phase number:1 role:backend-engineer` · review 1 of 4"
    ) in text(composed.reply)
    [study] = await svc.store.list_groups(1)
    post = await compose_group(svc, study, datetime(2026, 12, 7, 9, tzinfo=UTC))
    assert post.reply is not None
    assert "Time to review" not in text(post.reply)  # a member's reviews are their own
    assert study.role == ROLE


async def test_the_reminder_card_stays_within_discords_limits_with_reviews(svc: Services) -> None:
    await learner(svc)
    for role in OTHER_PATHS:
        await learning.start_learning(svc, caller(ANN), role)
    for role in (ROLE, *OTHER_PATHS):
        for item in svc.content.index.roles[role].checklist[:6]:
            await progress.done(svc, caller(ANN), f"{role}:{item.id}")
    monday = datetime(2026, 12, 7, 9, tzinfo=UTC)
    for at in (monday, monday + weeks(30)):
        composed = await compose_user(svc, ANN, at)
        assert composed.reply is not None  # a Reply checks every limit of Discord's as it is built
        assert sum(c.length for c in composed.reply.cards) <= 6000
        assert len(reviewed(composed.reply)) == 3
