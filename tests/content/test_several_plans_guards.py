"""Files of several plans, or of one plan in parts, that loaded as they should before the reading of one plan in
parts was added, and must still: a first track of one phase, a later track that overlaps, a course of many units
of lessons without weeks, two tracks on one timeline, alternatives that repeat the first part's titles."""

from __future__ import annotations

import pytest

from bot.content.loader import parse_bytes

ONE_FIRST = """
# Fullstack roadmap

## Frontend

### 1. HTML & CSS (Weeks 1-4)
- [ ] Build a landing page

## Backend

### 1. Python (Weeks 1-4)
- [ ] Learn Python

### 2. Django (Weeks 5-8)
- [ ] Build an API
"""

LEVELS_BACK = """
# Plan

## Beginner

### Phase 1: Python (Weeks 1-4)
- [ ] a

### Phase 2: Git (Weeks 5-6)
- [ ] b

## Intermediate

### Phase 1: APIs (Weeks 7-10)
- [ ] c

### Phase 2: Portfolio (Weeks 1-10)
Build it alongside everything else.
- [ ] d
"""

OV_SWAP = """
# Fullstack

## Frontend

### Phase 1: Basics (Weeks 1-2)

#### Tasks
- [ ] HTML

### Phase 2: Frameworks (Weeks 3-4)

#### Tasks
- [ ] React

## Backend

### Phase 1: Basics (Weeks 1-2)
- [ ] HTTP

### Phase 2: Frameworks (Weeks 3-4)
- [ ] Django
"""

OV_SWAP_2 = """
# Fullstack

## Frontend

### Phase 1: HTML (Weeks 1-4)

#### Resources
- [MDN](https://developer.mozilla.org)

#### Tasks
- [ ] Build a page

### Phase 2: React (Weeks 5-8)

#### Tasks
- [ ] Build an app

## Backend

### Phase 1: HTTP (Weeks 1-4)
Learn how the web talks.
- [ ] Write a server

### Phase 2: Django (Weeks 5-8)
- [ ] Build an API
"""

OV_DETAIL_SUB = """
# Plan

## Overview

### Phase 1: HTML (Weeks 1-2)
### Phase 2: CSS (Weeks 3-4)

## Detailed plan

### Phase 1: HTML (Weeks 1-2)

#### Tasks
- [ ] Build a page

### Phase 2: CSS (Weeks 3-4)

#### Tasks
- [ ] Style it
"""

OV_SHORT_LINE = """
# Plan

## Summary

### Phase 1: HTML (Weeks 1-2)
Markup.

### Phase 2: CSS (Weeks 3-4)
Styles.

## Detailed plan

### Phase 1: HTML (Weeks 1-2)
#### Tasks
- [ ] Build a page

### Phase 2: CSS (Weeks 3-4)
#### Tasks
- [ ] Style it
"""

PART_CHOOSE = """
# Syllabus

Choose ONE of the two parts below.

## Part 1: Web developer

### Phase 1: Basics
- [ ] HTML

### Phase 2: Frameworks
- [ ] React

## Part 2: Data analyst

### Phase 1: Basics
- [ ] Python

### Phase 2: Frameworks
- [ ] Pandas
"""

# A course of 27 units of 5 lessons, none with weeks: as lessons of 4 weeks each, past the longest plan.
UNITS = "# Course\n\n" + "".join(
    f"## Unit {u}: Topic {u}\n\n"
    + "".join(f"### Lesson {n}: Sub {u}.{n}\n- [ ] Exercise {u}.{n}\n\n" for n in range(1, 6))
    for u in range(1, 28)
)


def _read(body: str) -> tuple:
    """Parse a file of `body` under front-matter without `timelineMonths`: phases without weeks take 4 each."""
    role, problems = parse_bytes(
        f"---\nname: x\ndisplayName: X\ndescription: A test plan.\n---\n{body}".encode(), "x.md"
    )
    return role, [str(p) for p in problems]


@pytest.mark.parametrize("body", [ONE_FIRST, LEVELS_BACK, UNITS], ids=["one-phase-first", "later-overlaps", "27-units"])
def test_a_file_that_loaded_still_loads(body: str) -> None:
    role, problems = _read(body)
    assert role is not None, problems
    assert not [p for p in problems if ": error:" in p]


@pytest.mark.parametrize("body", [OV_SWAP, OV_SWAP_2], ids=["same-weeks", "same-weeks-sub-headings"])
def test_two_tracks_of_one_timeline_keep_the_first_as_the_plan(body: str) -> None:
    role, problems = _read(body)
    assert role is not None
    assert [s.path[-2] for s in role.sections if s.kind == "phase"] == ["Frontend", "Frontend"]
    assert any("holds 2 plans" in p for p in problems)


def test_an_overview_then_a_plan_of_sub_headings_is_the_plan() -> None:
    role, _ = _read(OV_DETAIL_SUB)
    assert role is not None
    assert [s.path[-2] for s in role.sections if s.kind == "phase"] == ["Detailed plan", "Detailed plan"]


def test_a_summary_with_a_line_per_phase_keeps_its_warning() -> None:
    _, problems = _read(OV_SHORT_LINE)
    assert any("holds 2 plans" in p for p in problems)


def test_parts_that_repeat_the_first_parts_titles_are_tracks() -> None:
    role, problems = _read(PART_CHOOSE)
    assert role is not None
    assert [p.title for p in role.phases] == ["Basics", "Frameworks"]
    assert any("holds 2 plans" in p for p in problems)
