"""/today: this week's slice of the phase, its links, open items and next step; before, after and without a plan."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.content.holder import ContentHolder
from bot.domain.today import NextStep
from bot.handlers import learning, progress, today
from bot.present import step_text
from bot.render.limits import MAX_EMBED_TOTAL
from bot.services import Services, UserError
from bot.store import Store
from tests.handlers.conftest import NOW, caller, text
from tests.handlers.roles import ROADMAPS, long_role

ROLE = "backend-engineer"
# Phase 1 of Backend Engineer runs weeks 1-4 and has six topics: weeks of 2, 2, 1 and 1.
WEEK_TOPICS = {
    1: ("Internet fundamentals", "Operating system concepts"),
    2: ("Git/GitHub workflows", "Command-line mastery"),
    3: ("Data structures & algorithms",),
    4: ("Complexity analysis",),
}
ALL_TOPICS = {topic for topics in WEEK_TOPICS.values() for topic in topics}


async def test_week_three_of_a_four_week_phase_shows_the_third_part(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    reply = await today.today(svc, caller(days=14))
    shown = text(reply)
    assert reply.ephemeral
    assert reply.cards[0].title == "Today · Backend Engineer · week 3 of 36"
    assert "**Phase 1: Foundations** (weeks 1-4)" in shown
    assert "Part 3 of 4 of this phase" in shown
    assert "- Data structures & algorithms: arrays, linked lists" in shown
    assert not [topic for topic in ALL_TOPICS - set(WEEK_TOPICS[3]) if topic in shown]
    # The phase's own checklist items come first: the next step is the first one still open.
    assert "Next step: Work on **Understand HTTP and web protocols**, then tick it with `/done`." in shown
    assert shown.rstrip().endswith("[Whole phase] [Checklist] [I worked on this]")


async def test_the_slice_moves_on_week_by_week(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    for week, topics in WEEK_TOPICS.items():
        shown = text(await today.today(svc, caller(days=7 * (week - 1))))
        assert f"Part {week} of 4 of this phase" in shown
        assert [topic for topic in ALL_TOPICS if topic in shown and topic in topics] == [
            topic for topic in ALL_TOPICS if topic in topics
        ]
        assert not [topic for topic in ALL_TOPICS - set(topics) if topic in shown]
    # Week 5 is the first of phase 2's eight weeks.
    assert "**Phase 2: Programming Language Mastery** (weeks 5-12)" in text(await today.today(svc, caller(days=28)))


async def test_a_shipped_path_shows_the_links_and_open_items_of_its_phase(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    shown = text(await today.today(svc, caller()))
    assert "- Internet fundamentals: HTTP/HTTPS, DNS, TCP/IP, WebSockets 📖 [HTTP (MDN Web Docs)](https://" in shown
    assert shown.count("](https://developer.mozilla.org/en-US/docs/Web/HTTP)") == 1  # beside its topic, not twice
    assert "Resources:" not in shown
    assert "Open items in this phase:\n  ⬜ Understand HTTP and web protocols\n  ⬜ Use git professionally\n" in shown
    await progress.done(svc, caller(), "Understand HTTP and web protocols")
    shown = text(await today.today(svc, caller(days=7)))  # week 2: Git and the command line
    assert "📖 [Pro Git (free book)](https://git-scm.com/book/en/v2)" in shown
    assert "📖 [The Missing Semester of Your CS Education (MIT)](https://missing.csail.mit.edu/)" in shown
    assert "⬜ Understand HTTP and web protocols" not in shown  # ticked: no longer open (now up for review)
    assert "Next step: Work on **Use git professionally**, then tick it with `/done`." in shown


async def test_before_the_start_says_when(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE, start="2026-12-01")
    shown = text(await today.today(svc, caller()))
    assert "Your path starts in 4 days, on 2026-12-01." in shown
    assert "`/phase number:1`" in shown


async def test_after_the_end_counts_what_is_left_without_a_cheer(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    await progress.done(svc, caller(), "Use git professionally")
    shown = text(await today.today(svc, caller(days=36 * 7)))
    assert "The 36 weeks of Backend Engineer are over. 14 checklist items still open" in shown
    assert "🎉" not in shown


async def test_a_named_path_and_no_path(svc: Services) -> None:
    with pytest.raises(UserError, match="You aren't following any path yet"):
        await today.today(svc, caller())
    await learning.start_learning(svc, caller(), ROLE)
    await learning.start_learning(svc, caller(), "data-engineer")
    shown = text(await today.today(svc, caller(), ROLE))
    assert "Today · Backend Engineer" in shown


@pytest.fixture
async def kube(tmp_path: Path) -> AsyncIterator[Services]:
    """A path whose phases are task lists: phase 1 has four checklist items over two weeks."""
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(ROADMAPS / "phase-checklists.md", folder)
    holder = ContentHolder.load(folder, NOW)
    assert not holder.index.has_errors, [str(p) for p in holder.index.problems]
    async with await Store.open(tmp_path / "db.sqlite3") as store:
        yield Services(holder, store)


async def test_open_items_of_the_phase_and_the_next_step(kube: Services) -> None:
    await learning.start_learning(kube, caller(), "phase-checklists")
    role = kube.content.index.roles["phase-checklists"]
    first = next(i for i in role.checklist if i.phase == 1)
    await progress.done(kube, caller(), f"{role.name}:{first.id}")
    shown = text(await today.today(kube, caller()))
    assert "Open items in this phase:" in shown
    assert f"⬜ {first.text}" not in shown
    opened = [i for i in role.checklist if i.phase == 1 and i.id != first.id]
    assert f"Next step: Work on **{opened[0].text}**, then tick it with `/done`." in shown


async def test_a_long_phase_still_fits_one_card(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "long-role.md").write_text(long_role(), encoding="utf-8")
    holder = ContentHolder.load(folder, NOW)
    async with await Store.open(tmp_path / "db.sqlite3") as store:
        svc = Services(holder, store)
        await learning.start_learning(svc, caller(), "long-role")
        reply = await today.today(svc, caller())
    assert reply.cards[0].length <= MAX_EMBED_TOTAL
    assert "Topic p1t0" in text(reply)


def test_a_next_step_that_is_a_sentence_ends_with_one_full_stop() -> None:
    assert step_text(NextStep("Pick a question.")) == "Start with **Pick a question**."
    assert step_text(NextStep("Git basics")) == "Start with **Git basics**."
    assert step_text(NextStep("Wait for it...")) == "Start with **Wait for it...**."
