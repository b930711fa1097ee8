"""Roadmaps written in other shapes, as learners see them in /phase and /skill-deep-dive."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.content.holder import ContentHolder
from bot.handlers import learning, progress
from bot.services import Services
from bot.store import Store
from tests.handlers.conftest import NOW, body, caller, selects

ROADMAPS = Path(__file__).parents[1] / "fixtures" / "roadmaps"


@pytest.fixture
async def roadmaps(tmp_path: Path) -> AsyncIterator[Services]:
    folder = tmp_path / "content"
    folder.mkdir()
    for name in (
        "phase-subheadings",
        "phase-tables",
        "phase-blockquotes",
        "links-everywhere",
        "list-headings",
        "phase-checklists",
        "repeated-phase-checklists",
    ):
        shutil.copy(ROADMAPS / f"{name}.md", folder)
    async with await Store.open(tmp_path / "db.sqlite3") as store:
        yield Services(ContentHolder.load(folder, NOW), store)


async def test_phase_shows_its_sub_headings_as_blocks_with_their_prose_bullets_and_links(roadmaps: Services) -> None:
    reply = await learning.phase_view(roadmaps, caller(), 1, role="phase-subheadings")
    shown = body(reply)
    assert reply.cards[0].title == "Phase 1: Tools of the Trade (weeks 1-3)"
    assert "**Learn Git:** Git records every version of your work" in shown
    assert "\n- Branches and merging\n" in shown
    assert "[Pro Git](https://git-scm.com/book/en/v2)" in shown
    assert "**The Terminal:**\n- Moving around:" in shown
    assert "### " not in shown and "\\*" not in shown


async def test_phase_shows_table_rows_as_topics(roadmaps: Services) -> None:
    role = roadmaps.content.index.roles["phase-tables"]
    phase = next(p for p in role.phases if p.topics and "—" in p.topics[0].text)
    shown = body(await learning.phase_view(roadmaps, caller(), phase.number, role="phase-tables"))
    first = phase.topics[0]
    assert f"- {first.text}" in shown
    assert "|" not in shown  # no table syntax left over


async def test_phase_shows_quoted_lists(roadmaps: Services) -> None:
    shown = body(await learning.phase_view(roadmaps, caller(), 1, role="phase-blockquotes"))
    assert "- Alert on symptoms users feel, not on every cause" in shown


async def test_deep_dive_into_a_sub_heading_shows_its_text_and_links(roadmaps: Services) -> None:
    reply = await learning.skill_deep_dive(roadmaps, caller(), "learn git", role="phase-subheadings")
    card = reply.cards[0]
    assert card.title == "Learn Git"
    assert "[Pro Git](https://git-scm.com/book/en/v2)" in (card.description or "")
    assert card.footer == "Junior Web Developer · Phase 1 · weeks 1-3"


async def test_deep_dive_titles_and_menu_options_are_clean_text(roadmaps: Services) -> None:
    reply = await learning.skill_deep_dive(roadmaps, caller(), "arrays")
    titles = [reply.cards[0].title] + [o.label for menu in selects(reply) for o in menu.options]
    for title in titles:
        assert "**" not in title and "](" not in title and not title.startswith("#"), title


async def test_phase_shows_its_task_lists_with_their_links_and_the_learners_ticks(roadmaps: Services) -> None:
    await learning.start_learning(roadmaps, caller(), "phase-checklists")
    await progress.done(roadmaps, caller(), "Install kubectl and a local cluster")
    shown = body(await learning.phase_view(roadmaps, caller(), 1, role="phase-checklists"))
    assert "✅ Install `kubectl` and a local cluster" in shown
    assert "⬜ Read [Kubernetes components](https://kubernetes.io/docs/concepts/overview/components/)" in shown


async def test_phase_shows_task_items_in_the_part_they_are_written_in(roadmaps: Services) -> None:
    shown = body(await learning.phase_view(roadmaps, caller(), 2, role="repeated-phase-checklists"))
    assert "- Splunk queries\n\n**Checklist:**\n⬜ Watch the lecture\n⬜ Complete the lab" in shown


async def test_deep_dive_into_a_task_item_keeps_its_link(roadmaps: Services) -> None:
    reply = await learning.skill_deep_dive(roadmaps, caller(), "kubernetes components", role="phase-checklists")
    assert reply.cards[0].title == "Read Kubernetes components"
    assert "[Kubernetes components](https://kubernetes.io/docs/concepts/overview/components/)" in (
        reply.cards[0].description or ""
    )


async def test_phase_shows_nested_task_items_under_the_item_they_are_written_in(roadmaps: Services) -> None:
    shown = body(await learning.phase_view(roadmaps, caller(), 2, role="phase-checklists"))
    assert (
        "⬜ Resource requests and limits\n\u2003⬜ Cause an out-of-memory kill on purpose\n"
        "\u2003⬜ Read the pod's events to see why it restarted" in shown
    )
