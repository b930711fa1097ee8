"""A slash between a week heading's numbers: 'Week 10/11' runs two weeks, 'Week 3/12' counts them ('week 3 of 12'),
and headings that share the number after it count with it ('Week 1/2', 'Week 2/2')."""

from __future__ import annotations

import pytest

from bot.content.phases import own_title, phase_hint, read_phase_heading
from tests.content.helpers import parse_body, phase_spans


@pytest.mark.parametrize(
    ("heading", "weeks", "title"),
    [
        ("Week 10/11: Testing and TypeScript", (10, 11), "Testing and TypeScript"),
        ("Weeks 10 / 11 - Testing", (10, 11), "Testing"),
        ("(Weeks 4/5) Trees", (4, 5), "Trees"),
        ("Week 3/12: CSS", (3, 3), "CSS"),
        ("Week 12/12: Ship", (12, 12), "Ship"),
        ("Week 3 of 12: CSS", (3, 3), "CSS"),
        ("Month 2/3: Back end", (5, 12), "Back end"),
    ],
)
def test_a_slash_between_the_numbers_is_a_range_of_two_weeks_in_a_row_else_a_count(heading, weeks, title) -> None:
    found = read_phase_heading(heading)
    assert found is not None
    assert ((found.first, found.last), found.title) == (weeks, title)
    assert own_title(heading) == title


@pytest.mark.parametrize("heading", ["Week 5/3: Review", "Week 1/2/2024: Setup", "Day 1/100"])
def test_a_slash_before_a_smaller_number_or_a_date_is_no_span(heading) -> None:
    assert read_phase_heading(heading) is None


def test_a_heading_whose_slash_is_not_read_is_told_so_not_that_it_lacks_a_number() -> None:
    assert phase_hint("Week 1/2/2024: Setup") == (
        "its weeks 'Week 1/2/2024' are not read: write 'Week 3: Title' or 'Weeks 3-4: Title'"
    )


def test_week_headings_joined_by_a_slash_are_phases_of_both_weeks() -> None:
    body = "## Week 8 and 9: Routing\n- a\n\n## Week 10/11: Testing\n- b\n\n## Week 12: Ship it\n- c\n"
    role, problems = parse_body(body)
    assert phase_spans(role) == [(1, "Routing", (8, 9)), (2, "Testing", (10, 11)), (3, "Ship it", (12, 12))]
    assert [p.message for p in problems] == [
        "'Routing' starts at week 8, not week 1; add a phase for weeks 1-7, or count the weeks from 1 ('Week 8 and 9: "
        "Routing' to 'Weeks 1-2', and the phases after it alike)"
    ]


def test_headings_that_share_the_number_after_the_slash_count_weeks_of_that_many() -> None:
    body = "## Week 1/2: Setup\n- a\n\n## Week 2/2: Ship\n- b\n"
    role, problems = parse_body(body)
    assert phase_spans(role) == [(1, "Setup", (1, 1)), (2, "Ship", (2, 2))]
    assert problems == []


@pytest.mark.parametrize(
    "heading",
    [
        "## Phase 2: Backend (Weeks 3/4)",
        "## Phase 2: Backend (Week 3/4)",
        "## Phase 2: Backend (Weeks 3 / 4)",
        "## Phase 2 (Weeks 3/4): Backend",
        "## Phase 2: Backend — Weeks 3/4",
        "## Phase 2: Backend (Wks 3/4)",
        "## Phase 2: Backend (Wochen 3/4)",
        "## Phase 2: Backend (Semanas 3/4)",
        "## Phase 2: Backend (Weeks 3 & 4)",
        "## Phase 2: Backend (Weeks 3 and 4)",
        "## Weeks 3 & 4: Backend",
    ],
)
def test_two_weeks_a_slash_and_or_amp_joins_after_a_title_are_read_as_a_dash_joins_them(heading) -> None:
    first = "## Phase 1: Basics (Weeks 1-2)" if "Phase" in heading else "## Weeks 1-2: Basics"
    last = "## Phase 3: Ship (Weeks 5-6)" if "Phase" in heading else "## Weeks 5-6: Ship"
    role, problems = parse_body(f"{first}\n- a\n\n{heading}\n- b\n\n{last}\n- c\n")
    assert phase_spans(role)[1] == (2, "Backend", (3, 4))
    assert problems == []


@pytest.mark.parametrize(
    ("heading", "weeks", "title"),
    [
        ("Weeks 3/4/5: Backend", (3, 5), "Backend"),
        ("Phase 2: Backend (Weeks 3/4/5)", (3, 5), "Backend"),
        ("Phase 2: Backend — Weeks 3/4/5", (3, 5), "Backend"),
        ("Phase 2: Backend (Week 3/12)", (3, 3), "Backend"),  # a count: week 3 of 12
        ("Phase 2: Backend (Weeks 4/2)", (4, 4), "Backend"),  # a smaller number after the slash: a count, as before
        ("Phase 2: Backend (Weeks 3/4, 10 h/week)", (3, 4), "Backend (10 h/week)"),
        ("Phase 1 (3/4 done)", None, "(3/4 done)"),  # no week word: no weeks
    ],
)
def test_a_slash_after_a_title_joins_weeks_only_in_a_row(heading, weeks, title) -> None:
    found = read_phase_heading(heading)
    assert found is not None
    assert (None if found.first is None else (found.first, found.last), found.title) == (weeks, title)


@pytest.mark.parametrize("heading", ["Weeks 3/4/6: Backend", "Week 1/2/2024: Setup"])
def test_three_slashed_numbers_not_in_a_row_are_no_span(heading) -> None:
    assert read_phase_heading(heading) is None


def test_phases_that_share_the_number_after_a_slash_after_their_titles_count_weeks() -> None:
    body = "## Phase 1: Setup (Week 1/2)\n- a\n\n## Phase 2: Ship (Week 2/2)\n- b\n"
    role, problems = parse_body(body)
    assert phase_spans(role) == [(1, "Setup", (1, 1)), (2, "Ship", (2, 2))]
    assert problems == []
