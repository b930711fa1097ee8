"""Interview-prep trackers and sheets as people keep them: week headings whose number is joined to their word as a
file name joins it ('WEEK-1', 'Phase_2')."""

from __future__ import annotations

import pytest

from tests.content.helpers import parse_body, warnings

JOINED_WEEKS = """
# Coding interview sprint

## 📅 WEEK-1 — Arrays and Strings

### Day 1 — Two pointers
- [ ] Pair with target sum
- [ ] Squares of a sorted list

# 📅 Week_2: Sliding Windows

### Day 1 — Fixed windows
- [ ] Average of every window

## WEEK-3 - Graphs
- [ ] Count islands
"""


def test_a_week_joined_to_its_number_by_a_hyphen_or_an_underscore_is_a_phase() -> None:
    role, problems = parse_body(JOINED_WEEKS)
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Arrays and Strings", (1, 1)),
        ("Sliding Windows", (2, 2)),
        ("Graphs", (3, 3)),
    ]
    assert [(i.text, i.phase) for i in role.checklist] == [
        ("Pair with target sum", 1),
        ("Squares of a sorted list", 1),
        ("Average of every window", 2),
        ("Count islands", 3),
    ]
    assert not [m for m in warnings(problems) if "is not read as a phase" in m or "starts at week" in m]


@pytest.mark.parametrize(
    ("heading", "read"),
    [
        ("Phase-1: Foundations (Weeks 1-3)", ("Foundations", (1, 3))),
        ("PHASE_1 — Foundations (Weeks 1-3)", ("Foundations", (1, 3))),
        ("Weeks-1-3: Foundations", ("Foundations", (1, 3))),
    ],
)
def test_a_phase_or_a_span_of_weeks_joined_to_its_number_is_read(heading: str, read: tuple[str, object]) -> None:
    role, _ = parse_body(f"# Plan\n\n## {heading}\n- [ ] Install tools\n\n## Week 4: Practice\n- [ ] Mock\n")
    assert (role.phases[0].title, role.phases[0].weeks) == read


def test_a_series_joined_to_its_numbers_is_read_as_its_series() -> None:
    body = "# Course\n\n## Module-1: Basics\n- loops\n\n## Module-2: Data\n- lists\n\n## Module-3: Files\n- io\n"
    role, _ = parse_body(body)
    assert [p.title for p in role.phases] == ["Basics", "Data", "Files"]


def test_a_hyphenated_word_that_names_no_phase_stays_a_section() -> None:
    role, _ = parse_body("# Notes\n\n## Top-10 Problems\n- Two Sum\n\n## COVID-19 Tracker\n- a project\n")
    assert role.phases == ()
    assert {"Top-10 Problems", "COVID-19 Tracker"} <= {s.title for s in role.sections}
