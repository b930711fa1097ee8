"""A phase heading whose only words of its own are in brackets after its number or span ('## Phase 1 (Python)',
'## Week 1 (Python basics) ✅') is titled by them; a note of the calendar in them ('## Month 1 (January)',
'## Semester 1 (Fall 2024)') stays a note of the span."""

from __future__ import annotations

import pytest

from tests.content.helpers import parse_body


@pytest.mark.parametrize(
    ("heads", "titles"),
    [
        (["## Phase 1 (Python)", "## Phase 2 (Databases)"], ["Python", "Databases"]),
        (["## Week 1 (Python basics)", "## Week 2 (Git and GitHub)"], ["Python basics", "Git and GitHub"]),
        (["## Week 1 (Python) ✅", "## Week 2 (Git) 🔄"], ["Python", "Git"]),
        (["## Week 1 (Python) (done)", "## Week 2 (Git) (in progress)"], ["Python", "Git"]),
        (["## Month 1 (January)", "## Month 2 (February)"], ["Month 1 (January)", "Month 2 (February)"]),
        (
            ["## Semester 1 (Fall 2024)", "## Semester 2 (Spring 2025)"],
            ["Semester 1 (Fall 2024)", "Semester 2 (Spring 2025)"],
        ),
        (
            ["## Week 1 (Jan 8 – Jan 14)", "## Week 2 (Jan 15 – Jan 21)"],
            ["Week 1 (Jan 8 – Jan 14)", "Week 2 (Jan 15 – Jan 21)"],
        ),
        (["## Phase 1: Basics (Python)", "## Phase 2: Data (SQL)"], ["Basics (Python)", "Data (SQL)"]),
        (
            ["## Week 1: Jan 8 – Jan 14 (Python)", "## Week 2: Jan 15 – Jan 21 (Git)"],
            ["Python (Jan 8 – Jan 14)", "Git (Jan 15 – Jan 21)"],
        ),
        (["## Phase 1 (Python) (optional)", "## Phase 2 (10 h/week)"], ["(Python) (optional)", "(10 h/week)"]),
    ],
)
def test_a_phase_is_titled_by_its_bracketed_words_when_it_has_no_others(heads: list[str], titles: list[str]):
    role, problems = parse_body(f"# Plan\n\n{heads[0]}\n- a\n\n{heads[1]}\n- b\n")
    assert [p.title for p in role.phases] == titles
    assert not [p for p in problems if p.severity == "error"]
