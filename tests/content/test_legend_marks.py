"""A tracker's legend that names marks of its own ('💤 paused', '🟢 done · ⚪ not started'), and coloured dots that
mark a status or a difficulty beside a title: no word of it."""

from __future__ import annotations

import pytest

from bot.content.ids import checklist_item_id
from tests.content.helpers import parse_body

PAUSED = """
# Plan

Legend: ✅ done · ⏳ in progress · ❌ not started · {mark} {words}

### Milestone 1: Sheets (Weeks 1-2)
- ✅ Pivot tables
- ⏳ Lookups

### Milestone 2: Stats (Weeks 3-4)
- ✅ Descriptive stats
- ✅ Hypothesis tests
- {mark} Bayesian stuff
"""


@pytest.mark.parametrize(("mark", "words"), [("💤", "paused"), ("🅿️", "parked"), ("🧊", "on hold")])
def test_a_mark_the_legend_names_as_paused_drops_its_item_and_keeps_the_others(mark: str, words: str) -> None:
    role, problems = parse_body(PAUSED.format(mark=mark, words=words))
    assert [(i.text, i.phase) for i in role.checklist] == [
        ("Pivot tables", 1),
        ("Lookups", 1),
        ("Descriptive stats", 2),
        ("Hypothesis tests", 2),
    ]
    assert [(p.kind, p.md) for p in role.phases[1].body] == [
        ("task", "Descriptive stats"),
        ("task", "Hypothesis tests"),
    ]
    assert [p for p in problems if p.severity == "error"] == []


def test_a_mark_the_legend_names_as_in_progress_is_an_open_item() -> None:
    role, _ = parse_body(PAUSED.format(mark="🟦", words="doing"))
    assert [i.text for i in role.checklist][-3:] == ["Descriptive stats", "Hypothesis tests", "Bayesian stuff"]


def test_without_a_legend_an_unknown_mark_still_makes_its_lists_marks_picks() -> None:
    """'✔️ Go — Recommended' beside '- 🐍 Python': a roadmap's pick among the languages, no tracker."""
    role, _ = parse_body("# T\n\n## Languages\n- ✔️ Go — Recommended\n- 🐍 Python\n")
    assert role.checklist == ()


def test_a_difficulty_legend_makes_no_tracker() -> None:
    role, _ = parse_body(
        "# T\n\nLevels: 🟢 easy · 🟡 medium · 🔴 hard\n\n## Arrays\n- 🟢 Two Sum\n- 🔴 Trapping Rain Water\n"
    )
    assert role.checklist == ()


DOTS = """
# DevOps tree

Legend: 🟢 done · 🟡 learning now · ⚪ not started · 🔴 skipping

## Containers

- 🟡 Docker
  - 🟢 images and layers
  - ⚪ Docker Compose
- 🔴 LXC
"""


def test_a_tracker_of_coloured_dots_its_legend_names_is_a_checklist() -> None:
    role, _ = parse_body(DOTS)
    assert [(i.text, i.depth) for i in role.checklist] == [
        ("Docker", 0),
        ("images and layers", 1),
        ("Docker Compose", 1),
    ]


def test_coloured_dots_are_no_words_of_a_title_nor_change_a_tasks_id() -> None:
    body = (
        "# T\n\n## Phase 1: Arrays (Weeks 1-2)\n"
        "- [ ] [Group Anagrams](https://leetcode.com/problems/group-anagrams/) 🟡\n"
        "- [ ] Two Sum 🟢\n"
        "- ⭐ 🔴 Sliding window\n"
        "- 🟢 Hash maps\n"
    )
    role, _ = parse_body(body)
    assert [(i.text, i.id) for i in role.checklist] == [
        ("Group Anagrams", checklist_item_id("Group Anagrams 🟡")),
        ("Two Sum", checklist_item_id("Two Sum 🟢")),
    ]
    assert [t.title for t in role.phases[0].topics] == ["Sliding window", "Hash maps"]


def test_a_star_rating_is_no_words_of_a_title_nor_changes_a_tasks_id() -> None:
    body = (
        "# T\n\n## Phase 1: Tools (Weeks 1-2)\n"
        "- [ ] **Version control** ⭐⭐⭐⭐⭐\n"
        "- [ ] Code review ★★★☆☆\n"
        "- ⭐⭐☆ Shell scripting\n"
        "- Favourite editor ⭐\n"
    )
    role, _ = parse_body(body)
    assert [(i.text, i.id) for i in role.checklist] == [
        ("Version control", checklist_item_id("Version control ⭐⭐⭐⭐⭐")),
        ("Code review", checklist_item_id("Code review ★★★☆☆")),
    ]
    assert [t.title for t in role.phases[0].topics] == ["Shell scripting", "Favourite editor ⭐"]


KEY = """
# Frontend notes

Key: ✅ = completed · {mark} = {words} · ⭐ = worth it

## Phase 1: CSS (Weeks 1-4)

- ✅ Flexbox
- ✅ Grid
- {mark} [Every Layout](https://example.org/layout)
- {mark} [Modern CSS](https://example.org/modern)
"""


@pytest.mark.parametrize(
    ("mark", "words"),
    [("📚", "learning resources"), ("👉", "next steps"), ("🧪", "not yet verified"), ("💡", "learned the hard way")],
)
def test_words_that_only_open_with_a_status_name_no_status(mark: str, words: str) -> None:
    """'📚 = learning resources' is what the book mark means, not 'learning': its links are no open tasks, and the
    ticks beside them stay picks of a roadmap."""
    role, _ = parse_body(KEY.format(mark=mark, words=words))
    assert role.checklist == ()
    # a mark before a link is no word of the link's title (see test_icons_before_resource_links)
    titles = ["✅ Flexbox", "✅ Grid", "Every Layout", "Modern CSS"]
    assert [t.title for t in role.phases[0].topics] == titles
    assert [t.text[:2] for t in role.phases[0].topics] == ["✅ ", "✅ ", f"{mark} ", f"{mark} "]


@pytest.mark.parametrize("words", ["doing", "currently doing", "to-do", "not started yet", "learning now"])
def test_a_status_with_a_word_of_when_still_names_the_mark(words: str) -> None:
    role, _ = parse_body(KEY.format(mark="🟦", words=words))
    assert [i.text for i in role.checklist] == ["Flexbox", "Grid", "Every Layout", "Modern CSS"]
