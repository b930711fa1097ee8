"""Course syllabi and bootcamp schedules as people publish them: weeks written newest first under the units that
group them, and the other shapes of course READMEs."""

from __future__ import annotations

from bot.handlers.learning import phase_body
from tests.content.helpers import errors, parse_body, phase_spans

# An immersive's schedule kept with the current week on top: its units, newest first, each over its weeks, newest
# first, each week a table of the day's modules.
UNITS_NEWEST_FIRST = """
# Evening Web Immersive

## Unit 2: Servers

#### Week 5: Databases and Auth
Sessions, hashing, tokens

Time | Day 1 | Day 2
---- | ----- | -----
**Morning** | Intro to SQL | Joins lab
**Homework** | Schema sketch | Login form

#### Week 4 - Intro to Node

Time | Day 1 | Day 2
---- | ----- | -----
**Morning** | Node basics | Express routes

## Unit 1: The Browser

#### Week 3 - Capstone One

Time | Day 1 | Day 2
---- | ----- | -----
**Morning** | Pitches | Demo day

#### Week 2

Time | Day 1 | Day 2
---- | ----- | -----
**Morning** | Fetch and promises | Forms

#### Week 1 - Tools and Basics

Time | Day 1 | Day 2
---- | ----- | -----
**Morning** | The terminal | Git branches

#### Daily rhythm

Time | Mon–Thu | Fri
---- | ------- | ---
9:00 | Warm-up | Review
"""


def test_weeks_written_newest_first_under_units_are_walked_from_week_one():
    role, problems = parse_body(UNITS_NEWEST_FIRST)
    assert errors(problems) == []
    assert phase_spans(role) == [
        (1, "Tools and Basics", (1, 1)),
        (2, "Week 2", (2, 2)),
        (3, "Capstone One", (3, 3)),
        (4, "Intro to Node", (4, 4)),
        (5, "Databases and Auth", (5, 5)),
    ]
    assert "Fetch and promises" in phase_body(role.phases[1])
    assert "Intro to SQL" in phase_body(role.phases[4])


def test_weeks_that_go_back_after_the_plan_are_still_notes():
    # a plan in order, then weeks under a later heading that go back into it: the notes' weeks, no phases
    role, problems = parse_body(
        """
## Week 1: Setup
- Install tools

## Week 2: Basics
- Variables

## Retrospective

### Week 2
- Went too fast

### Week 1
- Went fine
"""
    )
    assert errors(problems) == []
    assert phase_spans(role) == [(1, "Setup", (1, 1)), (2, "Basics", (2, 2))]


# A study group's week table whose third column keys each session with codes of the group's own before its content.
CODED_SESSIONS = """
# Data Club sessions

| Week | Date | {header} | Content | Slides |
| :--: | :--: | :--: | :--: | :--: |
| 1 | 5 Feb | IN01, IN02 | Setup and a first notebook | [Slides](https://example.org/1) |
| 2 | 12 Feb | RG-1 | Linear regression | [Slides](https://example.org/2) |
| 3 | 19 Feb | TR 2 / TR 3 | Decision trees and forests | |
"""


def test_a_week_table_is_titled_by_its_content_not_its_session_codes():
    for header in ("Session Code", "Workshop ID", "Code"):
        role, problems = parse_body(CODED_SESSIONS.format(header=header))
        assert errors(problems) == []
        assert phase_spans(role) == [
            (1, "Setup and a first notebook", (1, 1)),
            (2, "Linear regression", (2, 2)),
            (3, "Decision trees and forests", (3, 3)),
        ], header
        # the codes stay the week's details
        assert header in phase_body(role.phases[0])


def test_a_column_of_words_named_code_still_titles_its_rows():
    # a 'Code' column of words, no codes: the first column with words titles each week, as before
    role, _ = parse_body(
        """
| Week | Code | Notes |
|------|------|-------|
| 1 | Hello world | install the tools |
| 2 | Loops | read chapter 2 |
"""
    )
    assert phase_spans(role) == [(1, "Hello world", (1, 1)), (2, "Loops", (2, 2))]


# A course book's summary: its weeks numbered in Roman numerals, each over its lectures.
ROMAN_WEEKS = """
# Summary

[Overview](https://example.org/overview)

# Week I: How Machines Count

- [Lecture 1: Bits and Bytes](https://example.org/l1)
- [Lecture 2: Logic Gates](https://example.org/l2)

# Week II — Talking to Machines

- [Lecture 3: Assembly](https://example.org/l3)

# Week III. Programs

- [Lecture 4: Loops](https://example.org/l4)

# Week IV

- [Lecture 5: Review](https://example.org/l5)
"""


def test_weeks_numbered_in_roman_numerals_are_the_plan():
    role, problems = parse_body(ROMAN_WEEKS)
    assert errors(problems) == []
    assert phase_spans(role) == [
        (1, "How Machines Count", (1, 1)),
        (2, "Talking to Machines", (2, 2)),
        (3, "Programs", (3, 3)),
        (4, "Week IV", (4, 4)),  # untitled: named by its span as written
    ]
    assert "Logic Gates" in phase_body(role.phases[0])


def test_a_week_heading_that_goes_on_in_a_sentence_holds_no_roman_numeral():
    role, _ = parse_body(
        """
## Week 1: Setup
- Install the tools

## Week I learned the most in
- Pairing sessions
"""
    )
    assert phase_spans(role) == [(1, "Setup", (1, 1))]


# A self-study tracker of a course path: each course's facts, a bold line that counts its lessons and projects, then
# its checklist.
COUNTED_COURSES = """
# Course tracker

## Courses

### 🎯 Databases

**Status:** Not started
**Estimated Duration:** 10-15 hours
**2 Lessons | 1 Project**

- [ ] **Databases and SQL**
- [ ] **Projects:**
  - [ ] SQL Zoo

### 🎯 Node

**Status:** Not started
**9 lessons · 4 projects · 1 exam**

- [ ] **Express basics**
- [ ] Authentication
"""


def test_a_bold_line_of_counts_is_no_name_of_the_checklist_after_it():
    role, problems = parse_body(COUNTED_COURSES)
    assert errors(problems) == []
    groups = {item.group for item in role.checklist}
    assert groups == {"🎯 Databases", "🎯 Node"}
    assert not [s for s in role.sections if "Lessons" in s.title or "lessons" in s.title]


def test_a_bold_line_of_one_count_still_names_the_list_after_it():
    for label in ("3 Projects", "2 Books & 1 Course"):
        role, _ = parse_body(
            f"""
## Capstone

**{label}**

- [ ] Blog API
- [ ] Chat app
"""
        )
        assert {item.group for item in role.checklist} == {label}


# A certification's sections, each with the author's count of challenges done in brackets after its title.
COUNTED_PROGRESS = """
# Certification notes

## JavaScript

### 1. Basic JavaScript (110 of 110 challenges completed)
Variables, arithmetic, objects and loops.

### 2. Applied Visual Design (0 of 52 challenges completed)
Tools for visual design.

### 3. Debugging (4/12 lessons done)
Finding bugs.

### 4. Graphs (2 of 3)
Two of the three graph kinds.
"""


def test_a_count_of_challenges_done_is_no_part_of_a_section_title():
    role, _ = parse_body(COUNTED_PROGRESS)
    titles = [s.title for s in role.sections]
    assert "1. Basic JavaScript" in titles
    assert "2. Applied Visual Design" in titles
    assert "3. Debugging" in titles
    # a count with no word of progress may be the topic's own ('2 of 3' graph kinds): kept
    assert "4. Graphs (2 of 3)" in titles
