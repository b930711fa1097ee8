"""A self-paced path (a role file without phases): enrolling, /progress, /checklist, /phase, paces, /roles."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot import components
from bot.content.holder import ContentHolder
from bot.handlers import learning, progress, today
from bot.services import Services, UserError
from bot.store import Store
from tests.handlers.conftest import NOW, caller, choose, option_value, press, selects, text
from tests.handlers.roles import NO_CHECKLIST, PACED_SELF_PACED, SELF_PACED, self_paced_content

BACKEND = "backend-engineer"
MIT_6006 = "https://ocw.mit.edu/courses/6-006-introduction-to-algorithms-spring-2020/"
FIRST_ITEMS = (
    "Pick one language for interviews and stick to it",
    "Set up a folder where every solution gets committed",
    "Learn how to state time and space complexity out loud",
    "Watch the first lectures of MIT 6.006",
)


@pytest.fixture
async def svc(tmp_path: Path) -> AsyncIterator[Services]:
    holder = ContentHolder.load(self_paced_content(tmp_path / "content"), NOW)
    assert not holder.index.has_errors, [str(p) for p in holder.index.problems]
    async with await Store.open(tmp_path / "db.sqlite3") as store:
        yield Services(holder, store)


def says(message: str) -> pytest.RaisesExc[UserError]:
    return pytest.raises(UserError, match=message)


# --------------------------------------------------------------------------- /start-learning


async def test_start_learning_enrolls_and_says_there_is_no_weekly_plan(svc: Services) -> None:
    reply = await learning.start_learning(svc, caller(), SELF_PACED)

    shown = text(reply)
    assert "Coding Interview Prep · Welcome aboard!" in shown
    assert "Where you are: Self-paced · week 1 since you started" in shown
    assert "is self-paced: it has no phases and no weekly plan" in shown
    assert "Work through its checklist at your own pace: `/checklist role:interview-checklist`" in shown
    # The first open items, under their groups: the next few, not the whole checklist.
    # An item shows with its links (a menu shows its words only).
    shown_items = [*FIRST_ITEMS[:3], f"Watch the first lectures of [MIT 6.006]({MIT_6006})"]
    assert "Next on your checklist:\n  **Before You Start**\n" + "".join(f"  ⬜ {t}\n" for t in shown_items) in shown
    assert "**Arrays**\n  ⬜ Implement:" in shown
    assert "Two Sum" not in shown
    for phased in ("Week 1 of", "The path ·", "This week's focus", "Phase "):
        assert phased not in shown
    assert [b.label for b in reply.buttons] == ["Checklist", "Turn reminders off"]
    enrollment = await svc.store.get_enrollment(101, SELF_PACED)
    assert enrollment is not None
    assert (enrollment.status, enrollment.start_date, enrollment.pace) == ("active", NOW.date(), None)
    assert await svc.store.get_plan("user", 101) is not None  # weekly reminders are planned


async def test_resuming_shows_the_items_still_open(svc: Services) -> None:
    await learning.start_learning(svc, caller(), SELF_PACED)
    for item in FIRST_ITEMS[:3]:
        await progress.done(svc, caller(), item)

    shown = text(await learning.start_learning(svc, caller(days=9), SELF_PACED))

    assert "Welcome back, your progress is where you left it." in shown
    assert "Self-paced · week 2 since you started" in shown
    assert f"⬜ {FIRST_ITEMS[0]}" not in shown  # ticked: no longer open (it comes back as a review, below)
    assert f"⬜ Watch the first lectures of [MIT 6.006]({MIT_6006})" in shown
    assert "⬜ Solve five two-pointer problems" in shown


async def test_every_item_ticked_says_so(svc: Services) -> None:
    await learning.start_learning(svc, caller(), PACED_SELF_PACED)
    await progress.done(svc, caller(), "Read the guide")
    await progress.done(svc, caller(), "Write a first program")

    shown = text(await learning.start_learning(svc, caller(days=1), PACED_SELF_PACED))

    assert "All 2 items are ticked. `/progress` shows what you did." in shown


@pytest.mark.parametrize("role", [SELF_PACED, PACED_SELF_PACED])
async def test_a_pace_is_explained_not_taken(svc: Services, role: str) -> None:
    # Even a file that lists paces in its front-matter has no weekly plan for them to stretch.
    with says(r"is self-paced: it has no weekly plan, so there is no pace to pick\. Start it without one"):
        await learning.start_learning(svc, caller(), role, pace="complete_beginner")
    assert await svc.store.get_enrollment(101, role) is None


async def test_a_path_without_a_checklist_points_to_search(svc: Services) -> None:
    reply = await learning.start_learning(svc, caller(), NO_CHECKLIST)

    shown = text(reply)
    assert "Self-paced · week 1 since you started" in shown
    assert (
        "It has no checklist either: look up its topics with `/skill-deep-dive topic:… role:university-curriculum`"
        in (shown)
    )
    assert "Next on your checklist" not in shown
    assert [b.label for b in reply.buttons] == ["Turn reminders off"]


async def test_start_date_in_the_future(svc: Services) -> None:
    shown = text(await learning.start_learning(svc, caller(), SELF_PACED, start="2026-12-01"))
    assert "Starts in 4 days, on 2026-12-01" in shown
    assert "Starts 2026-12-01" in shown


# --------------------------------------------------------------------------- /progress, /checklist


async def test_progress_counts_weeks_since_the_start_and_never_finishes(svc: Services) -> None:
    await learning.start_learning(svc, caller(), SELF_PACED)
    await progress.done(svc, caller(days=7), "Two Sum")
    await progress.done(svc, caller(days=14), "Topological sort")

    shown = text(await progress.progress(svc, caller(days=15)))

    assert "Where: Self-paced · week 3 since you started" in shown
    assert "Checklist: ▰▱▱▱▱▱▱▱▱▱ 2/31 (6%)" in shown
    assert "Streak: 2 weeks in a row" in shown
    assert "Phase" not in shown
    years_later = text(await progress.progress(svc, caller(days=3 * 365)))
    assert "Self-paced · week 157 since you started" in years_later
    assert "Finished" not in years_later
    assert "Week " not in years_later  # no "Week N of M"


async def test_today_lists_the_next_open_items_and_no_pace(svc: Services) -> None:
    await learning.start_learning(svc, caller(), SELF_PACED)
    await progress.done(svc, caller(), FIRST_ITEMS[0])

    shown = text(await today.today(svc, caller(days=9)))

    assert "is self-paced: there is no weekly plan" in shown
    assert f"⬜ {FIRST_ITEMS[1]}" in shown
    assert f"⬜ {FIRST_ITEMS[0]}" not in shown  # ticked: no longer open (it comes back as a review, below)
    progress_shown = text(await progress.progress(svc, caller(days=9)))
    assert "Finish" not in progress_shown
    assert "Pace" not in progress_shown


async def test_today_has_a_menu_to_tick_the_items_it_lists(svc: Services) -> None:
    await learning.start_learning(svc, caller(), SELF_PACED)
    reply = await today.today(svc, caller(days=2))

    # as the weekly reminder has: the items listed, each with its group, a pick away
    [menu] = selects(reply)
    assert [(o.label, o.description) for o in menu.options][:2] == [
        (FIRST_ITEMS[0], "Before You Start"),
        (FIRST_ITEMS[1], "Before You Start"),
    ]
    assert [b.label for b in reply.buttons] == ["I worked on this"]
    ticked = text(await choose(svc, caller(days=2), menu, [option_value(menu, FIRST_ITEMS[1])]))
    assert f"✅ {FIRST_ITEMS[1]}" in ticked
    assert f"⬜ {FIRST_ITEMS[1]}" not in text(await today.today(svc, caller(days=2)))


async def test_today_of_a_path_without_a_checklist_has_no_menu(svc: Services) -> None:
    await learning.start_learning(svc, caller(), NO_CHECKLIST)
    assert selects(await today.today(svc, caller(days=2))) == []


async def test_progress_of_a_self_paced_and_a_phased_path(svc: Services) -> None:
    await learning.start_learning(svc, caller(), BACKEND)
    await learning.start_learning(svc, caller(), SELF_PACED)

    shown = text(await progress.progress(svc, caller(days=7)))

    assert "Where: Week 2 of 36 · Phase 1: Foundations (weeks 1-4)" in shown
    assert "Where: Self-paced · week 2 since you started" in shown


async def test_checklist_ticks_items_of_a_self_paced_path(svc: Services) -> None:
    await learning.start_learning(svc, caller(), SELF_PACED)
    reply = await progress.checklist_view(svc, caller(), SELF_PACED)
    menu = selects(reply)[0]

    after = await choose(svc, caller(), menu, [option_value(menu, FIRST_ITEMS[0])])

    assert f"✅ {FIRST_ITEMS[0]}" in text(after)
    assert "1/31" in text(after)


async def test_reminder_button_on_the_path_card_keeps_the_self_paced_card(svc: Services) -> None:
    reply = await learning.start_learning(svc, caller(), SELF_PACED)
    await progress.done(svc, caller(), FIRST_ITEMS[0])

    turned = await press(svc, caller(), reply, "Turn reminders off")

    shown = text(turned)
    assert "Weekly reminders are off." in shown
    assert "No weekly plan" in shown
    assert f"⬜ {FIRST_ITEMS[0]}" not in shown  # ticked: no longer open (it comes back as a review, below)
    assert [b.label for b in turned.reply.buttons] == ["Checklist", "Turn reminders on"]


# --------------------------------------------------------------------------- /phase, "This week", /roles


async def test_phase_says_the_path_has_no_phases(svc: Services) -> None:
    await learning.start_learning(svc, caller(), SELF_PACED)
    with says(r"Coding Interview Prep is self-paced: it has no phases\. Work through its checklist"):
        await learning.phase_view(svc, caller())
    with says("is self-paced: it has no phases"):
        await learning.phase_view(svc, caller(), 2, SELF_PACED)


async def test_phase_of_a_self_paced_path_one_does_not_follow(svc: Services) -> None:
    await learning.start_learning(svc, caller(), BACKEND)
    with says(r"Self-Taught Computer Science is self-paced: it has no phases\. It has no checklist either"):
        await learning.phase_view(svc, caller(), role=NO_CHECKLIST)
    assert "Phase 1: Foundations" in text(await learning.phase_view(svc, caller()))


async def test_an_old_this_week_button_explains(svc: Services) -> None:
    await learning.start_learning(svc, caller(), SELF_PACED)
    shown = text((await components.handle(svc, caller(), components.WEEK.id(SELF_PACED))).reply)
    assert "is self-paced: there is no weekly plan. Work through its checklist" in shown


async def test_roles_list_marks_self_paced_paths(svc: Services) -> None:
    shown = text(await learning.roles_list(svc, caller()))
    entry = shown.split("Coding Interview Prep:")[1].split("`/start-learning")[0]
    assert "**Self-paced:** no phases or weekly plan" in entry
    assert "Weeks" not in entry
    assert "**Weeks:** 36" in shown  # the phased path as before
