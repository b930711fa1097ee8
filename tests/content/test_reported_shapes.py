"""Shapes of real learning plans reported to read wrong: each written here in its own words, the shape kept."""

from __future__ import annotations

from tests.content.helpers import errors, parse_body, phase_spans, warnings

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
