"""A study group's weekly post (issue #14): who ticked what since the last post, the board, and their edges.

The group "Study" is created on Friday 2026-11-27 and posts on Mondays at 09:00 UTC, first on 2026-11-30.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.handlers import groups, progress
from bot.reminders.compose import compose_group
from bot.reminders.scheduler import Scheduler
from bot.services import Services
from tests.reminders.conftest import (
    ANN,
    BOB,
    CAT,
    CHANNEL,
    MOD,
    Clock,
    RecordingSender,
    caller,
    group,
    travel,
    weeks,
)

FIRST = datetime(2026, 11, 30, 9, tzinfo=UTC)


async def name(svc: Services, user_id: int, shown: str) -> None:
    await svc.store.set_meta(f"console:name:{user_id}", shown)  # as the console keeps names


async def show(svc: Services, user_id: int) -> None:
    await svc.store.set_progress_visible(user_id, True, FIRST)


async def tick(svc: Services, user_id: int, label: str, when: datetime) -> None:
    await progress.done(svc, caller(user_id, when), label)


async def test_names_are_shown_as_typed_never_as_markdown_or_a_ping(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await group(svc, members=(ANN,))
    await name(svc, ANN, "**ann** @everyone")
    await show(svc, ANN)
    await tick(svc, ANN, "Use git professionally", FIRST - timedelta(days=1))
    await travel(scheduler, clock, FIRST)
    [post] = sender.to("channel", CHANNEL)
    assert "**\\*\\*ann\\*\\* @\u200beveryone**: Use git professionally" in post.text
    assert "1. **\\*\\*ann\\*\\* @\u200beveryone** · 1 item · 1-week streak" in post.text


async def test_a_member_without_a_stored_name_is_a_mention(svc: Services) -> None:
    group_id = await group(svc, members=(ANN,))
    await show(svc, ANN)
    await tick(svc, ANN, "Use git professionally", FIRST - timedelta(days=1))
    found = await svc.store.get_group(group_id)
    assert found is not None
    composed = await compose_group(svc, found, FIRST)
    assert composed.reply is not None
    since = composed.reply.cards[0].fields[0]
    assert since.value == f"1 member ticked 1 item.\n<@{ANN}>: Use git professionally"  # Discord shows the name


async def test_after_downtime_it_counts_from_the_last_post_that_went_out(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await group(svc, members=(ANN,))
    await show(svc, ANN)
    await travel(scheduler, clock, FIRST)  # posted
    await tick(svc, ANN, "Use git professionally", FIRST + timedelta(days=3))  # in the first missed week
    await tick(svc, ANN, "Build basic API endpoints", FIRST + weeks(2) + timedelta(days=1))  # this week
    clock.now = FIRST + weeks(3) + timedelta(hours=2)  # the bot was offline for two posts
    await scheduler.run_due(clock.now)
    late = sender.to("channel", CHANNEL)[-1]
    assert "I was offline and missed 2 weekly posts" in late.text
    assert (
        "Since the last post (2026-11-30):\n  1 member ticked 2 items.\n"
        f"  <@{ANN}>: Use git professionally, Build basic API endpoints"
    ) in late.text
    # The board counts this week's items only (since Monday 2026-12-14's slot).
    assert f"1. <@{ANN}> · 1 item" in late.text


async def test_after_a_pause_it_counts_from_the_week_before_and_says_so(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await group(svc, members=(ANN,))
    await show(svc, ANN)
    await travel(scheduler, clock, FIRST)
    await groups.set_paused(svc, caller(MOD, FIRST + timedelta(hours=1)), True, "Study")
    await tick(svc, ANN, "Use git professionally", FIRST + timedelta(days=3))  # while paused
    await tick(svc, ANN, "Build basic API endpoints", FIRST + weeks(2) + timedelta(days=1))
    await groups.set_paused(svc, caller(MOD, FIRST + weeks(2) + timedelta(days=2)), False, "Study")
    await travel(scheduler, clock, FIRST + weeks(3))
    post = sender.to("channel", CHANNEL)[-1]
    # No post went out for 2026-12-14: the post says the date it counts from, not "the last post".
    assert f"Since 2026-12-14:\n  1 member ticked 1 item.\n  <@{ANN}>: Build basic API endpoints" in post.text
    assert "Use git professionally" not in post.text.split("Since 2026-12-14")[1]


async def test_hidden_members_count_but_the_board_ranks_only_those_who_show(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await group(svc, members=(ANN, BOB, CAT))
    for member, shown in ((ANN, "ann"), (BOB, "bob"), (CAT, "cat")):
        await name(svc, member, shown)
    await show(svc, ANN)
    await show(svc, CAT)
    await travel(scheduler, clock, FIRST)
    for label in ("Use git professionally", "Build basic API endpoints", "Design normalized database schemas"):
        await tick(svc, BOB, label, FIRST + timedelta(days=1))  # bob keeps his progress hidden
    await tick(svc, CAT, "Use git professionally", FIRST + timedelta(days=2))
    await travel(scheduler, clock, FIRST + weeks(1))
    post = sender.to("channel", CHANNEL)[-1]
    assert (
        "Since the last post (2026-11-30):\n"
        "  2 members ticked 4 items.\n"
        "  **cat**: Use git professionally\n"
        "  1 member who keeps their progress hidden: 3 items\n"
        "Board · the past week:\n"
        "  1. **cat** · 1 item · 1-week streak\n"
        "  0 of 3 members ticked all of this week's items"
    ) in post.text
    assert "**bob**" not in post.text  # counted, never named
    assert "**ann**" not in post.text  # ann ticked nothing and has no streak: not on the board
