"""/group create|join|leave|board|pause|resume|delete and the weekly group post."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.handlers import groups, progress
from bot.reminders.scheduler import Scheduler
from bot.services import Services
from tests.reminders.conftest import (
    ANN,
    BOB,
    CAT,
    CHANNEL,
    GUILD,
    MOD,
    NOW,
    ROLE,
    Clock,
    RecordingSender,
    caller,
    group,
    learner,
    press,
    says,
    text,
    travel,
    weeks,
)

FIRST = datetime(2026, 11, 30, 9, tzinfo=UTC)
# Phase 1's own checklist items: what the group works on in weeks 1-4.
PHASE_1 = ("Understand HTTP and web protocols", "Use git professionally")
# Five checklist items from phases 1-4 of the path.
FOUNDATIONS = (
    "Write clean, well-documented code in chosen language",
    "Design normalized database schemas",
    "Build basic API endpoints",
    "Use git professionally",
    "Understand HTTP and web protocols",
)


async def tick_all(svc: Services, user_id: int, labels: tuple[str, ...] = PHASE_1) -> None:
    checklist = svc.content.index.roles[ROLE].checklist
    for item in checklist:
        if item.text in labels:
            await svc.store.set_item_done(user_id, ROLE, item.id, NOW)


async def test_create_needs_manage_server(svc: Services) -> None:
    with says("Only members with Manage Server can create"):
        await groups.create(svc, caller(ANN), "Study", ROLE, CHANNEL)
    with says("Study groups live in a server"):
        await groups.create(svc, caller(MOD, guild=None), "Study", ROLE, CHANNEL)
    assert await svc.store.list_groups(GUILD) == []


async def test_create_plans_the_weekly_post(svc: Services) -> None:
    reply = await groups.create(svc, caller(MOD), "  Rust   Club ", ROLE, CHANNEL, "wed", "18:00", "Europe/Berlin")
    assert reply.content == (
        "Study group **Rust Club** follows Backend Engineer. Weekly posts: Wednesdays at 18:00 (Europe/Berlin) "
        f"in <#{CHANNEL}>. Members join with `/group join name:Rust Club`."
    )
    found = await svc.store.get_group_by_name(GUILD, "rust club")
    assert found is not None and found.created_by == MOD
    assert await svc.store.get_plan("group", found.id) == datetime(2026, 12, 2, 17, tzinfo=UTC)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("", ROLE), "A group name needs at least one visible letter, digit or symbol."),
        (("x" * 51, ROLE), "A group name needs 1 to 50 characters; this one has 51."),
        (("Study", "astronaut"), "No role called 'astronaut'"),
        (("Study", ROLE, "someday"), "'someday' is not a day."),
        (("Study", ROLE, None, "noon"), "'noon' is not a time."),
        (("Study", ROLE, None, None, "Europe"), "'Europe' is not a time zone."),
    ],
)
async def test_create_refuses_bad_input(svc: Services, args: tuple, message: str) -> None:
    name, role, *rest = args
    with says(message):
        await groups.create(svc, caller(MOD), name, role, CHANNEL, *rest)
    assert await svc.store.list_groups(GUILD) == []


async def test_duplicate_name_is_refused(svc: Services) -> None:
    await group(svc, "Study")
    with says("There is already a group called 'STUDY' here."):
        await groups.create(svc, caller(MOD), "STUDY", ROLE, CHANNEL + 1)
    assert len(await svc.store.list_groups(GUILD)) == 1
    # Another server may use the name.
    await groups.create(svc, caller(MOD, guild=GUILD + 1), "Study", ROLE, CHANNEL + 1)


async def test_join_enrolls_and_turns_reminders_on(svc: Services) -> None:
    await group(svc)
    reply = await groups.join(svc, caller(ANN), "study")
    assert text(reply).startswith(
        "(only you)\n\nYou joined **Study**. You're now following **Backend Engineer** too: `/progress` shows where you "
        "are.\n\n**May the group see your progress?**"
    )
    enrollment = await svc.store.get_enrollment(ANN, ROLE)
    assert enrollment is not None and enrollment.status == "active"
    assert await svc.store.get_plan("user", ANN) == FIRST
    again = await groups.join(svc, caller(ANN), "Study")
    assert again.content == "You're already in **Study**."
    with says("No study group called 'Nope'. Groups here: **Study**."):
        await groups.join(svc, caller(BOB), "Nope")


async def test_join_keeps_reminders_off_when_the_learner_turned_them_off(svc: Services) -> None:
    from bot.handlers import reminders

    await group(svc)
    await learner(svc, ANN)
    await reminders.remind_off(svc, caller(ANN))
    await svc.store.stop_enrollment(ANN, ROLE, NOW)
    await groups.join(svc, caller(ANN), "Study")
    assert await svc.store.get_plan("user", ANN) is None


async def test_join_brings_back_the_reminders_of_a_returning_learner(svc: Services) -> None:
    from bot.handlers import learning

    await group(svc)
    await learner(svc, ANN, tz="Europe/Berlin")
    await learning.stop_learning(svc, caller(ANN), ROLE)
    assert await svc.store.get_plan("user", ANN) is None
    await groups.join(svc, caller(ANN), "Study")
    assert await svc.store.get_plan("user", ANN) == FIRST - timedelta(hours=1)


async def test_leave(svc: Services) -> None:
    group_id = await group(svc, members=(ANN,))
    await tick_all(svc, ANN, FOUNDATIONS[:1])
    reply = await groups.leave(svc, caller(ANN))
    assert reply.content == "You left **Study**. Your path and progress stay."
    assert await svc.store.group_members(group_id) == []
    assert len(await svc.store.get_progress(ANN, ROLE)) == 1
    with says("You aren't in **Study**."):
        await groups.leave(svc, caller(ANN), "Study")
    with says("You aren't in a study group here."):
        await groups.leave(svc, caller(ANN))


async def test_without_a_name_several_groups_are_ambiguous(svc: Services) -> None:
    await group(svc, "A", members=(ANN,))
    await group(svc, "B", members=(ANN,), channel=CHANNEL + 1)
    with says("You're in several groups (**A**, **B**): say which with `name:`."):
        await groups.board(svc, caller(ANN))


async def test_board_shows_members_progress_most_done_first(svc: Services) -> None:
    await group(svc, members=(ANN, BOB, CAT))
    await tick_all(svc, BOB)
    await tick_all(svc, CAT, PHASE_1[:1])
    for member in (BOB, CAT):  # others' progress shows only if they made it visible
        await svc.store.set_progress_visible(member, True, NOW)
    board = await groups.board(svc, caller(ANN))
    [card] = board.cards
    assert card.title == "Study · Backend Engineer · week 1 of 36"
    assert card.description == (
        f"<@{BOB}> ▰▰▰▰▰▰▰▰ 2/2 (100%)\n<@{CAT}> ▰▰▰▰▱▱▱▱ 1/2 (50%)\n<@{ANN}> ▱▱▱▱▱▱▱▱ 0/2 (0%)"
    )
    assert card.fields[0].value == "Phase 1: Foundations"  # the phase's own items, named once
    assert card.footer == "Weekly post: Mondays 09:00 (UTC)"
    assert board.ephemeral


async def test_the_weekly_post_names_who_ticked_what_since_the_last_post(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await group(svc, members=(ANN, BOB, CAT))
    for member, name in ((ANN, "ann"), (BOB, "bob"), (CAT, "cat")):
        await svc.store.set_meta(f"console:name:{member}", name)  # as the console keeps them
    for member in (ANN, BOB):
        await progress.set_visibility(svc, caller(member), True)
    await tick_all(svc, BOB, FOUNDATIONS[:1])  # at NOW: when the group was created, before its first post
    await travel(scheduler, clock, FIRST)
    [first] = sender.to("channel", CHANNEL)
    assert first.label == "Study"
    assert first.text.startswith("Study · Week 1 of 36 · Backend Engineer\n")
    assert "**Phase 1: Foundations** (weeks 1-4)" in first.text
    assert "Part 1 of 4 of this phase" in first.text
    assert "Since the group started (2026-11-27): No items ticked." in first.text
    assert [b.label for b in first.reply.buttons] == ["My checklist", "I worked on this"]

    # During week 1: ann ticks two items, bob one, cat (hidden) two.
    during = FIRST + timedelta(days=2)
    for member, labels in ((ANN, FOUNDATIONS[1:3]), (BOB, FOUNDATIONS[3:4]), (CAT, FOUNDATIONS[:2])):
        for label in labels:
            await progress.done(svc, caller(member, during), label)
    await travel(scheduler, clock, FIRST + weeks(1))
    post = sender.to("channel", CHANNEL)[-1]
    assert (
        "Since the last post (2026-11-30):\n"
        "  3 members ticked 5 items.\n"
        "  **ann**: Design normalized database schemas, Build basic API endpoints\n"
        "  **bob**: Use git professionally\n"
        "  1 member who keeps their progress hidden: 2 items\n"
        "Board · the past week:\n"
        "  1. **ann** · 2 items · 1-week streak\n"
        "  2. **bob** · 1 item · 1-week streak\n"
        "  0 of 3 members ticked all of this week's items"
    ) in post.text
    named = post.text.split("Since the last post")[1].split("Board")[0]
    assert "**cat**" not in post.text and "Write clean" not in named  # cat's items are counted, never named
    assert "Part 2 of 4 of this phase" in post.text  # the group's week moves on through the phase

    # A quiet week: nothing since the last post, and the board keeps only running streaks.
    await travel(scheduler, clock, FIRST + weeks(2))
    quiet = sender.to("channel", CHANNEL)[-1]
    assert "Since the last post (2026-12-07): No items ticked." in quiet.text
    assert "1. **ann** · 0 items · 1-week streak\n  2. **bob** · 0 items · 1-week streak" in quiet.text


async def test_a_group_without_members_says_so(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await group(svc)
    await travel(scheduler, clock, FIRST)
    assert "Board: No members yet: `/group join`" in sender.sent[0].text


async def test_pause_and_resume(svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock) -> None:
    group_id = await group(svc, members=(ANN,))
    with says("Only members with Manage Server"):
        await groups.set_paused(svc, caller(ANN), True, "Study")
    reply = await groups.set_paused(svc, caller(MOD), True, "Study")
    assert reply.content == "Weekly posts of **Study** are paused."
    assert await svc.store.get_plan("group", group_id) is None
    assert (await groups.board(svc, caller(ANN))).cards[0].footer == "Paused"
    await travel(scheduler, clock, NOW + weeks(2))
    assert sender.to("channel", CHANNEL) == []
    assert len(sender.to("user", ANN)) == 2  # the members' own reminders go on
    reply = await groups.set_paused(svc, caller(MOD, clock.now), False, "Study")
    assert reply.content == "Weekly posts of **Study** are resumed."
    await travel(scheduler, clock, NOW + weeks(3))
    assert [p.due for p in sender.to("channel", CHANNEL)] == [FIRST + weeks(2)]


async def test_delete(svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock) -> None:
    group_id = await group(svc, members=(ANN,))
    await tick_all(svc, ANN, FOUNDATIONS[:1])
    with says("Only members with Manage Server"):
        await groups.delete(svc, caller(ANN), "Study")
    asked = await groups.delete(svc, caller(MOD), "study")
    assert text(asked) == (
        "(only you)\n\nDelete the study group **Study** (1 member)? Its weekly posts stop; members keep their paths "
        "and progress. This cannot be undone.\n\n[Delete the group] [Cancel]"
    )
    assert await svc.store.get_group(group_id) is not None
    cancelled = await press(svc, caller(MOD), asked, "Cancel")
    assert text(cancelled) == "(only you)\n\nCancelled: nothing changed."
    assert await svc.store.get_group(group_id) is not None
    with says("Only members with Manage Server"):  # a button a member got hold of does nothing either
        await press(svc, caller(ANN), asked, "Delete the group")
    done = await press(svc, caller(MOD), asked, "Delete the group")
    assert done.update and text(done) == "(only you)\n\nDeleted **Study**. Members keep their progress."
    assert await svc.store.get_group(group_id) is None
    assert await svc.store.get_plan("group", group_id) is None
    assert len(await svc.store.get_progress(ANN, ROLE)) == 1
    with says("That study group is gone already."):
        await press(svc, caller(MOD), asked, "Delete the group")
    await travel(scheduler, clock, NOW + weeks(2))
    assert sender.to("channel", CHANNEL) == []
    assert len(sender.to("user", ANN)) == 2
    with says("No study group called 'Study'. Groups here: none yet."):
        await groups.board(svc, caller(ANN), "Study")


async def test_joining_asks_once_whether_the_group_may_see_your_progress(svc: Services) -> None:
    await group(svc)
    await group(svc, "Other", channel=CHANNEL + 1)
    asked = await groups.join(svc, caller(ANN), "Study")
    assert [b.label for b in asked.buttons] == ["Show my progress to the group", "Keep it hidden"]
    kept = await press(svc, caller(ANN), asked, "Keep it hidden")
    assert kept.update  # the question is answered in place
    assert text(kept) == (
        "(only you)\n\nYour progress stays hidden: **Study**'s weekly post counts what you tick without naming you. "
        "`/progress` has a button to show it."
    )
    assert not (await svc.store.get_learner(ANN)).progress_visible
    assert (await groups.join(svc, caller(ANN), "Other")).rows == ()  # chosen: not asked again

    # A learner who chose on /progress is not asked either.
    await learner(svc, BOB)
    await progress.set_visibility(svc, caller(BOB), True)
    assert (await groups.join(svc, caller(BOB), "Study")).rows == ()
    shown = await press(svc, caller(CAT), await groups.join(svc, caller(CAT), "Study"), "Show my progress to the group")
    assert "Your progress shows to **Study**: your name and what you tick appear in its weekly post and board." in (
        text(shown)
    )
    assert (await svc.store.get_learner(CAT)).progress_visible


async def test_group_name_suggestions(svc: Services) -> None:
    await group(svc, "Rust Club")
    await group(svc, "Go Club", channel=CHANNEL + 1)
    assert sorted(await groups.group_names(svc, GUILD, "club")) == ["Go Club", "Rust Club"]
    assert await groups.group_names(svc, GUILD, "rust") == ["Rust Club"]
    assert await groups.group_names(svc, None, "") == []


async def test_a_group_in_another_zone_posts_at_its_local_time(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await group(svc, day="sunday", time="02:30", tz="Europe/Berlin")
    clock.now = start = datetime(2027, 3, 20, tzinfo=UTC)
    await groups.set_paused(svc, caller(MOD, start), False, "Study")  # replans from the new now
    await travel(scheduler, clock, datetime(2027, 4, 1, tzinfo=UTC))
    assert [p.due for p in sender.to("channel", CHANNEL)] == [
        datetime(2027, 3, 21, 1, 30, tzinfo=UTC),
        datetime(2027, 3, 28, 1, tzinfo=UTC),  # 02:30 does not exist that night: 03:00 CEST
    ]


async def test_board_of_a_group_whose_path_left_the_content(svc: Services) -> None:
    from datetime import time

    await svc.store.create_group(
        guild_id=GUILD,
        name="Ghosts",
        role="ghost-role",
        channel_id=CHANNEL,
        weekday=0,
        local_time=time(9),
        timezone="UTC",
        created_by=None,
        now=NOW,
    )
    with says("The path of **Ghosts** (`ghost-role`) isn't loaded right now; a moderator may be fixing its file."):
        await groups.board(svc, caller(ANN), "Ghosts")
