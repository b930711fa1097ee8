"""Shapes of real learning plans reported to read wrong: each written here in its own words, the shape kept."""

from __future__ import annotations

import pytest

from bot.content.phases import read_phase_heading
from tests.content.helpers import errors, finishes_in_a_minute, parse_body, phase_spans, warnings

# A learning log: a block per week's objectives under one heading, then a block per week's lessons under another,
# counting from week 1 again.
WEEKLY_LOG = """
# 100 Days of Practice

## Objective
A plan to keep me accountable for a hundred days.

## Calendar
<details><summary>Week 1 Objectives</summary>

1. Build the shopping cart.
2. Read the first chapter.
</details>

![](https://example.com/week1.jpg)

<details><summary>Week 2 Objectives</summary>

1. Plan the landing page.
</details>

<details><summary>Week 3 Objectives</summary>

1. JavaScript
2. React
</details>

## Lessons Learned

<details><summary>Week 1 Lessons Learned</summary>

Date: Jan 18<br>
What I did: set up the project.

<hr>

Date: Jan 19<br>
What I did: fixed a stylesheet path.
</details>

<details><summary>Week 2 Lessons Learned</summary>

What went well: the layout.
</details>
"""


def test_a_second_series_of_weeks_counted_from_one_again_is_notes_on_the_plan() -> None:
    role, problems = parse_body(WEEKLY_LOG)
    assert errors(problems) == []
    assert not [w for w in warnings(problems) if "Lessons" in w]  # no phase written wrong: notes
    assert phase_spans(role) == [(1, "Objectives", (1, 1)), (2, "Objectives", (2, 2)), (3, "Objectives", (3, 3))]
    notes = [s for s in role.sections if s.title.startswith("Week 1 Lessons")]
    assert notes and "stylesheet path" in notes[0].text


# A project's changelog: each release's notes name the phases of its work, newest release first.
CHANGELOG = """
# Changelog

## [0.2.0] - 2024-02-01

### Added

#### Phase 2
- Settings page

#### Phase 3
- Export to CSV

## [0.1.0] - 2024-01-01

### Added

#### Phase 1
- Login screen

#### Phase 2
- Data model
"""


def test_phases_named_in_a_changelogs_release_notes_are_sections() -> None:
    role, problems = parse_body(CHANGELOG)
    assert errors(problems) == []
    assert role.phases == ()
    assert [s.path[-2:] for s in role.sections if s.title == "Phase 1"] == [("Added", "Phase 1")]


def test_one_phase_per_release_newest_first_is_release_notes_too() -> None:
    role, problems = parse_body(
        "# Changelog\n\n## v0.3.0\n\n#### Phase 3\n- Export\n\n## v0.2.0\n\n#### Phase 2\n- Settings\n\n"
        "## v0.1.0\n\n#### Phase 1\n- Login\n"
    )
    assert errors(problems) == []
    assert role.phases == ()


def test_a_span_heading_over_the_week_headings_at_its_own_level_groups_them() -> None:
    role, problems = parse_body(
        """
        # Rust in Two Months

        ## Week 0

        - Install the toolchain

        ## Weeks 1–8

        ## Week 1: Syntax
        - Variables and types

        ## Week 2: Ownership
        - Borrowing

        ## Weeks 3-8: Projects
        - Build a command-line tool
        """
    )
    assert errors(problems) == []
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Week 0", (1, 1)),
        ("Syntax", (2, 2)),
        ("Ownership", (3, 3)),
        ("Projects", (4, 9)),
    ]


def test_a_duration_labelled_in_a_phase_headings_brackets_is_its_length_not_its_title() -> None:
    role, problems = parse_body(
        """
        # Health Data Roadmap

        **Phase 1: Data Platform (Duration: 2 months)**

        1. Build the data lake.

        **Phase 2: Patient Apps (Duration: 6 weeks)**

        1. Ship reminders.

        **Phase 3: Responsible AI (Duration: Ongoing)**

        1. Form a review board.
        """
    )
    assert errors(problems) == []
    assert [(p.title, p.weeks) for p in role.phases][:2] == [("Data Platform", (1, 8)), ("Patient Apps", (9, 14))]
    assert role.phases[2].title == "Responsible AI"


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Phase 1: Data (Time: 10 hrs/week)", "Data (Time: 10 hrs/week)"),
        ("Phase 1: Data (When: after the bootcamp)", "Data (When: after the bootcamp)"),
        ("Phase 1: Data [Time: 2 hours a day]", "Data [Time: 2 hours a day]"),
        ("Phase 1: Data (Schedule: flexible)", "Data"),
    ],
)
def test_a_labelled_note_in_brackets_that_is_no_duration_stays_in_the_title(heading: str, title: str) -> None:
    found = read_phase_heading(heading)
    assert found is not None and found.title == title


def test_a_duration_label_in_brackets_takes_linear_time() -> None:
    finishes_in_a_minute(
        "from bot.content.phases import _without_duration_label as read\n"
        "read('Phase 1: A (Duration:' + ' ' * 50000 + 'x')\n"
        "read('Phase 1: A (Duration: x' + ' ' * 50000 + 'x')\n"
        "read('Phase 1: A' + '(' * 50000 + 'Duration: 1 week')\n"
        "read('Phase 1: A ' + '(Duration: 1' * 20000)\n",
        "a duration label in a phase heading",
    )


# A guide in numbered sections ('## 1.1 …'), each with its own phases counted from 1: no changelog.
NUMBERED_GUIDE = """
# Guide

## 1.1 Getting started

### Phase 1: Install
- Install the tools

### Phase 2: Configure
- Write the config

## 1.2 - Going further

### Phase 1: Advanced install
- Build from source

### Phase 2: Tuning
- Tune the cache
"""


def test_sections_numbered_as_an_outline_are_no_release_notes() -> None:
    role, problems = parse_body(NUMBERED_GUIDE)
    assert errors(problems) == []
    assert [p.title for p in role.phases] == ["Install", "Configure"]


def test_a_release_heading_with_its_date_or_alone_is_a_release() -> None:
    role, _ = parse_body(
        "# Changelog\n\n## 0.3.0 (2024-03-01)\n\n#### Phase 3\n- Export\n\n## 0.2.0 - 2024-02-01\n\n#### Phase 2\n"
        "- Settings\n\n## 0.1.0\n\n#### Phase 1\n- Login\n"
    )
    assert role.phases == ()


def test_long_release_like_headings_are_read_in_time() -> None:
    finishes_in_a_minute(
        "from bot.content.loader import parse_bytes\n"
        "from tests.content.helpers import role_file\n"
        "for heading in ('1.' * 40000, '[v1.2' + ' ' * 80000 + 'x', '1.2' + ' ' * 80000 + '-x'):\n"
        "    body = f'# Log\\n\\n## {heading}\\n\\n#### Phase 2\\n- a\\n\\n## 0.1.0\\n\\n#### Phase 1\\n- b\\n'\n"
        "    parse_bytes(role_file(body=body).encode(), 'x.md')\n",
        "reading release headings",
    )
