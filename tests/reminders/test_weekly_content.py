"""What a learner's weekly reminder says (issue #14): this week's slice, its links and items, the finish date
in the learner's zone, pace and streak, the nudge when far behind, and no cheer at 0%.

Ann enrolls on Friday 2026-11-27 (UTC); her reminders come on Mondays at 09:00: week 1 on 2026-11-30.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.content.holder import ContentHolder
from bot.handlers import learning, progress, reminders, today
from bot.reminders.compose import compose_user
from bot.reminders.scheduler import Scheduler
from bot.render import Reply
from bot.render.limits import MAX_EMBED_TOTAL
from bot.services import Services
from bot.store import Store
from tests.handlers.roles import ROADMAPS, long_role
from tests.reminders.conftest import (
    ANN,
    BOB,
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
# Phase 1 of Backend Engineer runs weeks 1-4 and has six topics: weeks of 2, 2, 1 and 1.
WEEK_TOPICS = {
    1: ("Internet fundamentals", "Operating system concepts"),
    2: ("Git/GitHub workflows", "Command-line mastery"),
    3: ("Data structures & algorithms",),
    4: ("Complexity analysis",),
}
ALL_TOPICS = {topic for topics in WEEK_TOPICS.values() for topic in topics}


async def reminder(svc: Services, now: datetime, user_id: int = ANN) -> Reply:
    composed = await compose_user(svc, user_id, now)
    assert composed.reply is not None
    return composed.reply


def labels(reply: Reply) -> list[str]:
    return [b.label for b in reply.buttons]


def own_labels(reply: Reply) -> list[str]:
    """The reminder's own buttons (snooze, the nudges, pause), without the answers to due reviews."""
    return [b.label for b in reply.buttons if not b.custom_id or not b.custom_id.startswith("wm:review:")]


async def tick(svc: Services, user_id: int, label: str, when: datetime) -> None:
    await progress.done(svc, caller(user_id, when), label)


# --------------------------------------------------------------------------- this week's slice


async def test_each_week_of_a_phase_shows_its_own_topics(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc)
    await travel(scheduler, clock, FIRST + weeks(3) + timedelta(minutes=5))
    sent = sender.to("user", ANN)
    assert len(sent) == 4
    for week, dm in enumerate(sent, start=1):
        assert dm.text.startswith(f"Week {week} of 36 · Phase 1 (weeks 1-4) · Backend Engineer")
        assert f"Part {week} of 4 of this phase" in dm.text
        shown = {topic for topic in ALL_TOPICS if f"- {topic}" in dm.text}
        assert shown == set(WEEK_TOPICS[week]), week
        # Phase 1 has checklist items of its own: the next step is its first open one, every week until ticked.
        assert "Next step: Work on **Understand HTTP and web protocols**, then tick it with `/done`." in dm.text


@pytest.fixture
async def kube(tmp_path: Path) -> AsyncIterator[Services]:
    """A path whose phases are task lists with links: phase 1 (weeks 1-2) has four checklist items."""
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(ROADMAPS / "phase-checklists.md", folder)
    holder = ContentHolder.load(folder, NOW)
    assert not holder.index.has_errors, [str(p) for p in holder.index.problems]
    async with await Store.open(tmp_path / "db.sqlite3") as store:
        yield Services(holder, store)


async def test_the_phases_own_items_and_the_next_step(kube: Services) -> None:
    await learning.start_learning(kube, caller(), "phase-checklists")
    role = kube.content.index.roles["phase-checklists"]
    first = next(i for i in role.checklist if i.phase == 1)
    await progress.done(kube, caller(), f"{role.name}:{first.id}")

    shown = await reminder(kube, FIRST)

    card = text(shown)
    assert "**Phase 1: Cluster Basics** (weeks 1-2)" in card
    assert "Open items in this phase:" in card and f"⬜ {first.text}" not in card
    opened = [i for i in role.checklist if i.phase == 1 and i.id != first.id]
    assert f"Next step: Work on **{opened[0].text}**, then tick it with `/done`." in card
    # The menu ticks exactly the items the card lists.
    [menu] = [row for row in shown.rows if not isinstance(row, tuple)]
    assert [o.value for o in menu.options] == [i.id for i in opened]


async def test_the_links_of_this_weeks_topics(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(ROADMAPS / "links-everywhere.md", folder)  # phase 1: four topics over three weeks
    async with await Store.open(tmp_path / "db.sqlite3") as store:
        svc = Services(ContentHolder.load(folder, NOW), store)
        await learning.start_learning(svc, caller(), "links-everywhere")
        week_1 = text(await reminder(svc, FIRST))
        week_3 = text(await reminder(svc, FIRST + weeks(2)))
    # Each link shows once, beside the topic it teaches, in the week that topic comes up.
    assert week_1.count("[WCAG 2.2 overview](https://www.w3.org/WAI/standards-guidelines/wcag/)") == 1
    assert "Resources:" not in week_1
    assert "accessibility-intro" not in week_1
    assert week_3.count("](https://www.w3.org/WAI/fundamentals/accessibility-intro/)") == 1  # an autolink
    assert "WCAG 2.2 overview" not in week_3


# --------------------------------------------------------------------------- finish, pace, streak


async def test_finish_date_pace_and_streak(svc: Services) -> None:
    await learner(svc)
    first = await reminder(svc, FIRST)
    assert "Finish: 2027-08-05 · on track" in text(first)  # 36 weeks from Friday 2026-11-27, a Thursday
    assert "Streak: No streak yet" in text(first)

    await tick(svc, ANN, "Use git professionally", FIRST + timedelta(days=1))  # week 1
    await tick(svc, ANN, "Build basic API endpoints", FIRST + weeks(1))  # week 2
    await tick(svc, ANN, "Understand HTTP and web protocols", FIRST + weeks(1) + timedelta(days=1))
    week_3 = text(await reminder(svc, FIRST + weeks(2)))
    assert "Progress: ▰▰▱▱▱▱▱▱▱▱ 3/15 (20%)" in week_3
    # The 3rd item to fall due is phase 2's first, by the end of week 8 (phase 1's two by the ends of weeks 2 and
    # 4): 5 weeks after this week 3
    assert "Finish: 2027-08-05 · ahead by 5 weeks" in week_3
    assert "Streak: 2 weeks in a row · longest 2 weeks" in week_3


@pytest.mark.parametrize(
    ("zone", "enrolled", "finish"),
    [
        # 01:00 on Saturday 2026-11-28 in Sydney (AEDT) is still Friday in UTC: the path starts on Saturday.
        ("Australia/Sydney", datetime(2026, 11, 27, 14, 0, tzinfo=UTC), "2027-08-06"),
        ("UTC", datetime(2026, 11, 27, 14, 0, tzinfo=UTC), "2027-08-05"),
        # 23:30 on Saturday 2027-03-13 in New York (EST), hours before the clocks go forward: a Saturday start.
        ("America/New_York", datetime(2027, 3, 14, 4, 30, tzinfo=UTC), "2027-11-19"),
    ],
)
async def test_the_finish_date_is_in_the_learners_zone(svc: Services, zone: str, enrolled: datetime, finish: str):
    await svc.store.set_timezone(ANN, zone, enrolled)  # the zone first, so the start date is a local one
    await learning.start_learning(svc, caller(ANN, enrolled), ROLE)
    shown = text(await reminder(svc, enrolled + weeks(3)))
    assert f"Finish: {finish} · " in shown


async def test_sydney_reminder_counts_its_own_monday_across_the_end_of_daylight_saving(svc: Services) -> None:
    # Sydney leaves AEDT (UTC+11) for AEST (UTC+10) on Sunday 2027-04-04. Ann started on Monday 2027-03-29.
    enrolled = datetime(2027, 3, 28, 14, 30, tzinfo=UTC)  # Monday 01:30 AEDT
    await svc.store.set_timezone(ANN, "Australia/Sydney", enrolled)
    await learning.start_learning(svc, caller(ANN, enrolled), ROLE)
    await tick(svc, ANN, "Use git professionally", datetime(2027, 4, 4, 12, 0, tzinfo=UTC))  # Sunday 22:00 AEST
    monday = text(await reminder(svc, datetime(2027, 4, 4, 23, 0, tzinfo=UTC)))  # Monday 09:00 AEST
    assert monday.startswith("Week 2 of 36")  # still week 1 in UTC
    assert "Finish: 2027-12-05 · on track" in monday  # the item ticked falls due by the end of week 2
    assert "Streak: 1 week in a row · longest 1 week" in monday


# --------------------------------------------------------------------------- behind: the nudge


async def test_no_nudge_on_track_or_one_week_behind(svc: Services) -> None:
    await learner(svc)
    await tick(svc, ANN, "Use git professionally", FIRST)
    # The second item falls due after 4 weeks: week 5 is on track, week 6 one week behind, week 7 two.
    for week, pace in ((3, "on track"), (5, "on track"), (6, "behind by 1 week")):
        shown = await reminder(svc, FIRST + weeks(week - 1))
        assert f"· {pace}" in text(shown)
        assert "Behind by" not in text(shown)
        assert own_labels(shown) == ["Snooze a day", "Pause a week", "I worked on this"]
    week_7 = await reminder(svc, FIRST + weeks(6))
    assert (
        "⏳ **Behind by 2 weeks**: 1 of 15 checklist items ticked, 6 of the plan's 36 weeks over. **I'm behind** moves "
        "your plan back a week; **Slower pace** switches to complete beginner (46 weeks in all)."
    ) in text(week_7)
    assert own_labels(week_7) == [
        "Snooze a day",
        "I'm behind",
        "Slower pace: complete beginner",
        "Pause a week",
        "I worked on this",
    ]


async def test_no_slower_pace_at_the_slowest_one(svc: Services) -> None:
    await learner(svc, pace="complete_beginner")
    shown = await reminder(svc, FIRST + weeks(5))  # phase 1 is weeks 1-5: its first item fell due after 2.5
    assert "**Behind by 2 weeks**" in text(shown)
    assert "Slower pace" not in text(shown)
    assert labels(shown) == ["Snooze a day", "I'm behind", "Pause a week", "I worked on this"]


async def test_the_slower_pace_says_what_changed(svc: Services) -> None:
    await learner(svc, pace="full_time_accelerated")  # 22 weeks
    shown = await reminder(svc, FIRST + weeks(4))
    assert "Slower pace: programming background" in labels(shown)

    changed = await press(svc, caller(now=FIRST + weeks(4)), shown, "Slower pace: programming background")

    assert text(changed) == (
        "(only you)\n\n**Pace: full time accelerated → programming background** · 22 → 33 weeks · finish "
        "2027-04-29 → 2027-07-15\nWhere you are now: Week 5 of 33 · Phase 2 (weeks 5-11)."
    )
    enrollment = await svc.store.get_enrollment(ANN, ROLE)
    assert enrollment is not None and enrollment.pace == "programming_background"
    with says("You're already at that pace: 33 weeks, and programming background has 33 weeks"):
        await press(svc, caller(now=FIRST + weeks(4)), shown, "Slower pace: programming background")
    following = await reminder(svc, FIRST + weeks(4))
    assert "Finish: 2027-07-15 · behind by 2 weeks" in text(following)  # phase 1's first item: due after 2 weeks
    assert "Slower pace: complete beginner" in labels(following)


async def test_a_slower_pace_button_after_the_path_was_left_or_changed(svc: Services) -> None:
    await learner(svc)
    shown = await reminder(svc, FIRST + weeks(4))
    await learning.start_learning(svc, caller(now=FIRST + weeks(4)), ROLE, pace="complete_beginner")
    with says("You're already at that pace: 46 weeks"):
        await press(svc, caller(now=FIRST + weeks(4)), shown, "Slower pace: complete beginner")
    await learning.stop_learning(svc, caller(now=FIRST + weeks(4)), ROLE)
    with says("You aren't following that path any more."):
        await press(svc, caller(now=FIRST + weeks(4)), shown, "Slower pace: complete beginner")


# --------------------------------------------------------------------------- the last reminder


async def test_the_last_reminder_cheers_only_a_finished_checklist(svc: Services) -> None:
    start = (NOW - weeks(36)).date().isoformat()
    await learner(svc, ANN, start=start)
    await learner(svc, BOB, start=start)
    items = svc.content.index.roles[ROLE].checklist
    for item in items:
        await svc.store.set_item_done(ANN, ROLE, item.id, NOW - weeks(1))
    for item in items[1:]:  # all but one
        await svc.store.set_item_done(BOB, ROLE, item.id, NOW - weeks(1))

    done = await compose_user(svc, ANN, FIRST)
    nearly = await compose_user(svc, BOB, FIRST)

    assert done.reply is not None and nearly.reply is not None
    assert "🎉 You've reached the end of the Backend Engineer path with every checklist item ticked." in text(
        done.reply
    )
    assert done.completed == (ROLE,) and done.reply.rows == ()
    shown = text(nearly.reply)
    assert "⏳ Time is up: the 36 weeks of Backend Engineer are over, with 1 of 15 checklist items still open." in shown
    assert f"Still open: ⬜ {items[0].text}" in shown
    assert "🎉" not in shown and "Congratulations" not in shown
    assert nearly.completed == (ROLE,) and nearly.reply.rows == ()


async def test_after_the_last_reminder_the_path_is_still_the_learners(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    start = (NOW - weeks(36)).date().isoformat()  # its weeks are over on Monday
    await learner(svc, ANN, start=start)
    await travel(scheduler, clock, FIRST + timedelta(minutes=5))
    last = sender.sent[-1]
    assert "This is your last weekly reminder for it. `/checklist` has what is left" in last.text
    enrollment = await svc.store.get_enrollment(ANN, ROLE)
    assert enrollment is not None and enrollment.status == "completed"  # no more reminders

    who = caller(now=clock.now)
    assert "Pace: time is up: 15 items left" in text(await progress.progress(svc, who))
    assert "Backend Engineer · checklist" in text(await progress.checklist_view(svc, who))
    assert "The 36 weeks of Backend Engineer are over" in text(await today.today(svc, who))
    assert "Ticked: **Use git professionally**" in (await progress.done(svc, who, "Use git professionally")).content
    assert "Phase 6" in text(await learning.phase_view(svc, who, role=ROLE))
    with says(
        "The weeks of Backend Engineer are over, so it gets no more weekly reminders; "
        "`/start-learning role:backend-engineer` takes it up again (your ticks are kept)."
    ):
        await reminders.remind_preview(svc, who)
    await travel(scheduler, clock, FIRST + weeks(1) + timedelta(minutes=5))
    assert sender.sent[-1] is last  # and no reminder comes


# --------------------------------------------------------------------------- several paths in one message


async def test_four_long_paths_fit_one_message(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    for n in range(4):
        role = long_role(f"long-{n}").replace("displayName: ", f"displayName: Path {n} ", 1)
        (folder / f"long-{n}.md").write_text(role, encoding="utf-8")
    holder = ContentHolder.load(folder, NOW)
    async with await Store.open(tmp_path / "db.sqlite3") as store:
        svc = Services(holder, store)
        for n in range(4):
            await learning.start_learning(svc, caller(now=NOW - weeks(8)), f"long-{n}")
        shown = await reminder(svc, FIRST)  # the Reply checks every Discord limit as it is built
    assert len(shown.cards) == 4
    assert shown.embed_length <= MAX_EMBED_TOTAL
    for card in shown.cards:
        names = [f.name for f in card.fields]
        assert names[-3:] == ["Progress", "Finish", "Streak"]
        # Whole lines only: what does not fit is named, never cut mid-line.
        assert card.description is not None and card.description.endswith("…the rest of this week is in `/today`.")


async def test_four_shipped_paths_each_show_their_slice(svc: Services) -> None:
    paths = ("backend-engineer", "data-engineer", "devops-sre-engineer", "frontend-engineer")
    for role in paths:
        await learning.start_learning(svc, caller(), role)
    shown = await reminder(svc, FIRST + weeks(2))
    assert [c.title.split(" · ")[-1] for c in shown.cards] == [
        "Backend Engineer",
        "Data Engineer",
        "DevOps / Site Reliability Engineer",
        "Frontend Engineer",
    ]
    for card in shown.cards:
        assert card.description is not None
        assert "Part 3 of " in card.description and "\n- " in card.description
        assert "…the rest of this week" not in card.description
