"""Weekly reminders of a self-paced path (no phases): the next open items instead of a phase, DM and group."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot import components
from bot.content.holder import ContentHolder
from bot.handlers import groups, learning, progress, reminders
from bot.reminders.compose import compose_user
from bot.reminders.scheduler import Scheduler
from bot.services import Services
from bot.store import Store
from tests.handlers.roles import NO_CHECKLIST, SELF_PACED, self_paced_content
from tests.reminders.conftest import (
    ANN,
    BOB,
    CHANNEL,
    MOD,
    NOW,
    ROLE,
    Clock,
    RecordingSender,
    caller,
    choose,
    press,
    selects,
    text,
    travel,
    weeks,
)

FIRST = datetime(2026, 11, 30, 9, tzinfo=UTC)  # the first Monday 09:00 after NOW
NEXT_ITEMS = (
    "**Before You Start**\n"
    "  ⬜ Pick one language for interviews and stick to it\n"
    "  ⬜ Set up a folder where every solution gets committed\n"
    "  ⬜ Learn how to state time and space complexity out loud\n"
    "  ⬜ Watch the first lectures of [MIT 6.006](https://ocw.mit.edu/courses/6-006-introduction-to-algorithms-spring-2020/)\n"
    "  **Arrays**\n"
    "  ⬜ Implement:\n"
    "  \u2003- a dynamic array that doubles when full\n"  # what is written under the item, with it
    "  \u2003- insert, delete and get by index\n"
    "  …and 26 more in `/checklist`"  # of the 31 open items
)


@pytest.fixture
async def svc(tmp_path: Path) -> AsyncIterator[Services]:
    holder = ContentHolder.load(self_paced_content(tmp_path / "content"), NOW)
    assert not holder.index.has_errors, [str(p) for p in holder.index.problems]
    async with await Store.open(tmp_path / "db.sqlite3") as store:
        yield Services(holder, store)


async def ids_of(svc: Services, *texts: str) -> list[str]:
    return [i.id for i in svc.content.index.roles[SELF_PACED].checklist if i.text in texts]


async def test_weekly_dm_lists_the_next_open_items_by_group(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learning.start_learning(svc, caller(), SELF_PACED)
    await travel(scheduler, clock, FIRST)

    [dm] = sender.sent
    assert dm.reply.cards[0].title == "Self-paced · week 1 since you started · Coding Interview Prep"
    assert "Self-paced: no phase this week, just the next items on your checklist." in dm.text
    assert f"Next open items:\n  {NEXT_ITEMS}\nProgress: ▱▱▱▱▱▱▱▱▱▱ 0/31 (0%)" in dm.text
    for phased in ("Phase", "Objective", "Focus this week", "Week "):
        assert phased not in dm.text
    [menu] = selects(dm.reply)
    assert len(menu.options) == 5
    assert [b.label for b in dm.reply.buttons] == [
        "Snooze a day",
        "Pause a week",
        "I worked on this",
    ]  # nothing to fall behind on


async def test_ticking_from_the_reminder_moves_the_list_on(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learning.start_learning(svc, caller(), SELF_PACED)
    await travel(scheduler, clock, FIRST)
    [menu] = selects(sender.sent[0].reply)

    picked = [o.value for o in menu.options[:4]]  # all of "Before You Start"
    response = await choose(svc, caller(now=clock.now), menu, picked)

    assert text(response).startswith("(only you)\n\nTicked on Coding Interview Prep:\n✅ Pick one language")
    await travel(scheduler, clock, FIRST + weeks(1))
    second = sender.sent[-1]
    assert second.reply.cards[0].title.startswith("Self-paced · week 2 since you started")
    assert "**Before You Start**" not in second.text  # no open items left in that group
    assert "**Arrays**\n  ⬜ Implement:\n  \u2003- a dynamic array" in second.text
    assert "\u2003- insert, delete and get by index\n  ⬜ Solve five two-pointer problems" in second.text
    assert "**Linked Lists**\n  ⬜ Implement:\n  \u2003- a singly linked list with push, pop and reverse" in second.text
    assert "Progress: ▰▱▱▱▱▱▱▱▱▱ 4/31 (13%)" in second.text


async def test_snooze_and_pause_buttons_work(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learning.start_learning(svc, caller(), SELF_PACED)
    await travel(scheduler, clock, FIRST)
    response = await press(svc, caller(now=clock.now), sender.sent[0].reply, "Snooze a day")
    assert "Snoozed: I'll remind you again at 2026-12-01" in text(response)
    await travel(scheduler, clock, FIRST + timedelta(days=2))
    assert len(sender.sent) == 2
    response = await press(svc, caller(now=clock.now), sender.sent[-1].reply, "Pause a week")
    assert "Reminders paused for a week." in text(response)


async def test_reminders_never_finish_a_self_paced_path(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learning.start_learning(svc, caller(), SELF_PACED)
    await travel(scheduler, clock, FIRST + weeks(104))

    assert len(sender.sent) == 105  # every week for two years, with no last one
    last = sender.sent[-1]
    assert last.reply.cards[0].title.startswith("Self-paced · week 105 since you started")
    assert "Congratulations" not in last.text and "last weekly reminder" not in last.text
    enrollment = await svc.store.get_enrollment(ANN, SELF_PACED)
    assert enrollment is not None and enrollment.status == "active"


async def test_every_item_ticked_and_no_checklist_still_say_what_to_do(svc: Services) -> None:
    await learning.start_learning(svc, caller(), SELF_PACED)
    await learning.start_learning(svc, caller(), NO_CHECKLIST)
    for item in svc.content.index.roles[SELF_PACED].checklist:
        await svc.store.set_item_done(ANN, SELF_PACED, item.id, NOW)

    preview = await reminders.remind_preview(svc, caller(now=FIRST))

    shown = text(preview)
    assert "Every item on the checklist is ticked. `/progress` shows what you did;" in shown
    assert "`/stop-learning role:interview-checklist` ends these reminders" in shown
    assert "Self-Taught Computer Science is self-paced and has no checklist: look up its topics with" in shown
    assert selects(preview) == []
    assert [b.label for b in preview.buttons] == [
        "Snooze a day",
        "Pause a week",
        "I worked on Coding Interview Prep",
    ]  # two paths: it names the first


async def test_a_catch_up_counts_the_missed_reminders(svc: Services) -> None:
    await learning.start_learning(svc, caller(), SELF_PACED)
    composed = await compose_user(svc, ANN, FIRST, missed=1)
    assert composed.reply is not None
    late = "*This comes late: I was offline and missed 1 weekly reminder. Nothing is lost: here is where you are now.*"
    assert late in text(composed.reply)


async def test_im_behind_goes_to_the_phased_path(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learning.start_learning(svc, caller(), SELF_PACED)
    await learning.start_learning(svc, caller(), ROLE)
    await travel(scheduler, clock, FIRST + timedelta(weeks=4))  # week 5, nothing ticked: 2 weeks behind

    dm = sender.sent[-1]
    assert {c.title for c in dm.reply.cards} == {
        "Self-paced · week 5 since you started · Coding Interview Prep",
        "Week 5 of 36 · Phase 2 (weeks 5-12) · Backend Engineer",
    }
    [behind] = [b for b in dm.reply.buttons if b.label == "I'm behind"]
    assert behind.custom_id == components.BEHIND.id(ROLE, "2026-W53")


async def test_an_old_im_behind_button_on_a_self_paced_path_explains(svc: Services) -> None:
    await learning.start_learning(svc, caller(), SELF_PACED)
    response = await components.handle(svc, caller(), components.BEHIND.id(SELF_PACED, "2026-W48"))
    assert "Coding Interview Prep is self-paced: there is no weekly plan to move back" in text(response)
    enrollment = await svc.store.get_enrollment(ANN, SELF_PACED)
    assert enrollment is not None and enrollment.week_shift == 0


async def test_a_path_that_loses_its_phases_keeps_going(svc: Services) -> None:
    # Enrolled at a pace and a week behind on a phased path, whose file is then rewritten without phases.
    folder = svc.content.directory
    phased = (folder / "backend-engineer.md").read_text(encoding="utf-8")
    await learning.start_learning(svc, caller(), ROLE, pace="complete_beginner")
    await svc.store.move_back_once(ANN, ROLE, "2025-W10", 10, NOW)
    head, _, _ = phased.partition("\n# ")
    (folder / "backend-engineer.md").write_text(head + "\n# Backend\n\n## Checklist\n\n- [ ] Ship it\n", "utf-8")
    after = Services(ContentHolder.load(folder, NOW), svc.store)
    assert after.content.index.roles[ROLE].self_paced

    shown = text(await progress.progress(after, caller(now=NOW + timedelta(days=15))))
    assert "Where: Self-paced · week 3 since you started" in shown  # neither the pace nor the shift apply
    preview = text(await reminders.remind_preview(after, caller(now=FIRST)))
    assert "**Checklist**\n  ⬜ Ship it" in preview


# ---------------------------------------------------------------- study groups


async def test_a_group_on_a_self_paced_path_posts_what_not_everyone_has_ticked(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    reply = await groups.create(svc, caller(MOD), "Prep", SELF_PACED, CHANNEL)
    assert "Study group **Prep** follows Coding Interview Prep." in reply.content
    await groups.join(svc, caller(ANN), "Prep")
    await groups.join(svc, caller(BOB), "Prep")
    first, second = await ids_of(
        svc, "Pick one language for interviews and stick to it", "Set up a folder where every solution gets committed"
    )
    later = NOW + timedelta(minutes=5)  # after the group started
    for user_id in (ANN, BOB):
        await svc.store.set_item_done(user_id, SELF_PACED, first, later)
    await svc.store.set_item_done(ANN, SELF_PACED, second, later)

    await travel(scheduler, clock, FIRST)

    [post] = sender.to("channel", CHANNEL)
    assert post.label == "Prep"
    assert post.reply.cards[0].title == "Prep · week 1 since the group started · Coding Interview Prep"
    assert "Next on the checklist, items not everyone has ticked yet:" in post.text
    assert "Pick one language" not in post.text  # everyone ticked it
    assert "⬜ Set up a folder where every solution gets committed" in post.text  # Bob has not
    # Neither chose to show their progress: counted, not named.
    assert (
        "Since the group started (2026-11-27):\n  2 members ticked 3 items.\n"
        "  2 members who keep their progress hidden: 3 items\n"
        "Board · the past week:\n  Nobody who shows their progress ticked an item in the past week.\n"
        "  0 of 2 members ticked the whole checklist"
    ) in post.text
    assert [b.label for b in post.reply.buttons] == ["My checklist", "I worked on this"]
    assert "Phase" not in post.text
    await travel(scheduler, clock, FIRST + weeks(60))
    assert len(sender.to("channel", CHANNEL)) == 61  # the group's posts never finish either


async def test_group_board_of_a_self_paced_path(svc: Services) -> None:
    await groups.create(svc, caller(MOD), "Prep", SELF_PACED, CHANNEL)
    await groups.join(svc, caller(ANN), "Prep")
    [item] = await ids_of(svc, "Two Sum")
    await svc.store.set_item_done(ANN, SELF_PACED, item, NOW)

    shown = text(await groups.board(svc, caller(ANN, NOW + timedelta(days=8)), "Prep"))

    assert "Prep · Coding Interview Prep · week 2 since the group started" in shown
    assert f"<@{ANN}> ▰▱▱▱▱▱▱▱ 1/31 (3%)" in shown
    assert "This stretch: Self-paced, no phases: the whole checklist (31 items)" in shown


async def test_group_board_of_a_path_without_a_checklist(svc: Services) -> None:
    await groups.create(svc, caller(MOD), "Reading", NO_CHECKLIST, CHANNEL)
    await groups.join(svc, caller(ANN), "Reading")
    shown = text(await groups.board(svc, caller(ANN), "Reading"))
    assert "This stretch: Self-paced, no phases: no checklist" in shown


async def test_a_group_post_of_a_path_without_a_checklist_speaks_of_no_items(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await groups.create(svc, caller(MOD), "Reading", NO_CHECKLIST, CHANNEL)
    await groups.join(svc, caller(ANN), "Reading")

    await travel(scheduler, clock, FIRST)

    [post] = sender.to("channel", CHANNEL)
    assert "Self-paced, with no checklist: look up its topics with" in post.text
    # no checklist to tick nor a [My checklist] button to open one: no word of ticked items
    for said in ("My checklist", "No items ticked", "ticked an item", "Board"):
        assert said not in post.text, said
    assert [b.label for b in post.reply.buttons] == ["I worked on this"]


async def test_the_reminder_menu_says_the_group_of_each_item_where_it_holds_several(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learning.start_learning(svc, caller(), SELF_PACED)
    await travel(scheduler, clock, FIRST)

    [menu] = selects(sender.sent[0].reply)
    # a menu shows no headings: each option says the group it is written in, as the card above does
    assert [(o.label, o.description) for o in menu.options] == [
        ("Pick one language for interviews and stick to it", "Before You Start"),
        ("Set up a folder where every solution gets committed", "Before You Start"),
        ("Learn how to state time and space complexity out loud", "Before You Start"),
        ("Watch the first lectures of MIT 6.006", "Before You Start"),
        ("Implement:", "Arrays"),
    ]


async def test_a_group_post_counts_every_item_not_everyone_has_ticked(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await groups.create(svc, caller(MOD), "Prep", SELF_PACED, CHANNEL)
    await groups.join(svc, caller(ANN), "Prep")
    await groups.join(svc, caller(BOB), "Prep")
    [first] = await ids_of(svc, "Pick one language for interviews and stick to it")
    for user_id in (ANN, BOB):
        await svc.store.set_item_done(user_id, SELF_PACED, first, NOW + timedelta(minutes=5))

    await travel(scheduler, clock, FIRST)

    [post] = sender.to("channel", CHANNEL)
    # 30 of the 31 items are open for someone: the post lists the first five and says how many more there are
    assert "⬜ Set up a folder where every solution gets committed" in post.text
    assert "…and 25 more in `/checklist`" in post.text
