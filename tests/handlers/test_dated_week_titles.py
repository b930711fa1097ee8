"""Week phases whose headings give their dates: dates alone are no title ('### Week 1 (Jan 8 - Jan 14)' is named
'Week 1 (Jan 8 - Jan 14)'), and dates between the span and the title are read as dates ('## Week 1: Mar 4–9 —
Arrays & Hashing' is titled 'Arrays & Hashing (Mar 4–9)', as '## Week 1 (Mar 4–9): Arrays & Hashing' is)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.holder import ContentHolder
from bot.content.phases import read_phase_heading
from bot.handlers import learning, progress
from bot.services import Services
from bot.store import Store
from tests.handlers.conftest import NOW, caller


def services(tmp_path: Path, store: Store, name: str, body: str) -> Services:
    folder = tmp_path / "content"
    folder.mkdir(exist_ok=True)
    front = f"---\nname: {name}\ndisplayName: {name.title()}\ndescription: A plan.\n---\n"
    (folder / f"{name}.md").write_text(front + body, encoding="utf-8")
    holder = ContentHolder.load(folder, NOW)
    assert not holder.index.has_errors, [str(p) for p in holder.index.problems]
    return Services(holder, store)


UNTITLED = """# Learn Go

### Week 1 (Jan 8 - Jan 14)

Getting comfortable with the toolchain.

#### Weekend

- [ ] Build a word counter

### Week 2 (Jan 15 - Jan 21)

Types and interfaces.

#### Weekend

- [ ] Refactor the word counter
"""

BETWEEN = """# Interviews

## Overview

| Week | Dates | Focus |
|------|-------|-------|
| 1 | Mar 4–9 | Arrays & Hashing |
| 2 | Mar 11–16 | Two Pointers & Sliding Window |

## Week 1: Mar 4–9 — Arrays & Hashing

**Goal:** use hash maps.

- [ ] Solve all Week 1 problems

## Week 2: Mar 11–16 — Two Pointers & Sliding Window

**Goal:** move two indices instead of nesting two loops.

- [ ] Explain the window invariant
"""


async def test_a_week_heading_of_dates_alone_names_its_phase_by_its_week_and_dates(
    tmp_path: Path, store: Store
) -> None:
    svc = services(tmp_path, store, "golang", UNTITLED)
    await learning.start_learning(svc, caller(), "golang")
    shown = await learning.phase_view(svc, caller(), 1)
    assert shown.cards[0].title.startswith("Phase 1: Week 1 (Jan 8 - Jan 14)")
    listed = await progress.checklist_view(svc, caller())
    text = listed.cards[0].description or ""
    assert "**Phase 1: Week 1 (Jan 8 - Jan 14) › Weekend**" in text
    assert "Phase 1: (Jan" not in text


async def test_dates_between_a_weeks_span_and_its_title_are_no_words_of_the_title(tmp_path: Path, store: Store) -> None:
    svc = services(tmp_path, store, "interviews", BETWEEN)
    await learning.start_learning(svc, caller(), "interviews")
    shown = await learning.phase_view(svc, caller(), 2)
    assert shown.cards[0].title.startswith("Phase 2: Two Pointers & Sliding Window (Mar 11–16)")
    # The phase's own title is the query: it comes before the overview table's row of the same words.
    found = await learning.skill_deep_dive(svc, caller(), "sliding window")
    assert "move two indices" in (found.cards[0].description or "")


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Week 1: Mar 4–9 — Arrays & Hashing", "Arrays & Hashing (Mar 4–9)"),
        ("Week 1 — Mar 4–9 — Arrays", "Arrays (Mar 4–9)"),
        ("Week 1 (Mar 4–9): Arrays & Hashing", "Arrays & Hashing (Mar 4–9)"),
        ("Week 1 (Jan 8 - Jan 14)", ""),
        ("Week 1: Jan 8 - Jan 14", ""),
        ("Week 1: May 2024 plans", "May 2024 plans"),
    ],
)
def test_dates_before_a_weeks_title_are_read_as_its_dates(heading: str, title: str) -> None:
    found = read_phase_heading(heading)
    assert found is not None
    assert (found.first, found.title) == (1, title)


COURSES = """# Self-taught CS

## Week 1 — Course: Linear Algebra (4 credit hours)

- [ ] Problem set 1

## Week 2 — Course: Discrete Mathematics (3 credits)

- [ ] Problem set 1
"""


async def test_a_course_label_and_its_credits_are_no_words_of_a_phase_title(tmp_path: Path, store: Store) -> None:
    svc = services(tmp_path, store, "courses", COURSES)
    await learning.start_learning(svc, caller(), "courses")
    shown = await learning.phase_view(svc, caller(), 2)
    assert shown.cards[0].title.startswith("Phase 2: Discrete Mathematics ("), shown.cards[0].title
    assert "credit" not in shown.cards[0].title and "Course:" not in shown.cards[0].title
