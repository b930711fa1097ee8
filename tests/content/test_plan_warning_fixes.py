"""A warning about weeks no phase holds, or an error about phases that share weeks, says how to change the file: which
heading to give which weeks, in its own words, or which phase to add."""

from __future__ import annotations

from bot.content.loader import parse_bytes
from tests.content.helpers import parse_messages, role_file


def shown(body: str) -> list[str]:
    """Return the problems of a role file of `body` as `waymark content check` prints them."""
    _, problems = parse_bytes(role_file(body=body).encode(), "x.md")
    return [str(p) for p in problems]


def test_a_gap_says_to_widen_the_phase_before_it_to_the_weeks_left_out_or_add_one() -> None:
    body = "## Phase 1: Basics (Weeks 1)\n- a\n\n## Phase 2: Backend (Weeks 3-4)\n- b\n"
    assert shown(body) == [
        "x.md:11: warning: week 2 belongs to no phase (between Phase 1 and Phase 2); widen 'Phase 1: Basics (Weeks 1)' "
        "to '(Weeks 1-2)' or add a phase for week 2"
    ]


def test_a_gap_after_a_phase_of_months_says_to_widen_the_phase_after_it_in_its_own_words() -> None:
    body = "## Fase 1: Bases (Mes 1)\n- a\n\n## Fase 2: Backend (Semanas 7-8)\n- b\n"
    _, messages = parse_messages(body)
    assert messages == [
        "weeks 5-6 belong to no phase (between Phase 1 and Phase 2); widen 'Fase 2: Backend (Semanas 7-8)' to "
        "'(Semanas 5-8)' or add a phase for weeks 5-6"
    ]


def test_several_gaps_say_how_to_fill_the_first_and_name_the_others() -> None:
    body = "## Week 1: HTML\n- a\n\n## Week 3: CSS\n- b\n\n## Week 5: JavaScript\n- c\n\n## Week 7: React\n- d\n"
    _, messages = parse_messages(body)
    assert messages == [
        "3 gaps between phases: weeks 2, 4 and 6 belong to no phase (the first between 'HTML' and 'CSS'); widen "
        "'Week 1: HTML' to 'Weeks 1-2' or add a phase for week 2, and likewise for the 2 gaps after it"
    ]


def test_an_overlap_says_how_to_shorten_either_phase() -> None:
    body = "## Phase 1: Basics (Weeks 1-4)\n- a\n\n## Phase 2: Backend (weeks 3-6)\n- b\n"
    assert shown(body) == [
        "x.md:11: error: Phase 2 (weeks 3-6) overlaps Phase 1 (weeks 1-4, line 8); shorten 'Phase 1: Basics (Weeks "
        "1-4)' to '(Weeks 1-2)' or 'Phase 2: Backend (weeks 3-6)' to '(weeks 5-6)'"
    ]


def test_an_overlap_of_phases_no_week_span_dates_names_the_weeks_to_move() -> None:
    body = "## Phase 1: Basics (Months 1-2)\n- a\n\n## Phase 2: Backend (Month 2)\n- b\n"
    assert shown(body) == [
        "x.md:11: error: Phase 2 (weeks 5-8) overlaps Phase 1 (weeks 1-8, line 8); give Phase 2 weeks after week 8, "
        "or end Phase 1 before week 5"
    ]


def test_a_plan_that_starts_late_says_to_add_a_phase_or_count_from_week_one() -> None:
    body = "## Weeks 3-4: Basics\n- a\n\n## Weeks 5-6: Backend\n- b\n"
    _, messages = parse_messages(body)
    assert messages == [
        "'Basics' starts at week 3, not week 1; add a phase for weeks 1-2, or count the weeks from 1 ('Weeks 3-4: "
        "Basics' to 'Weeks 1-2', and the phases after it alike)"
    ]


def test_weeks_out_of_order_get_their_error_and_no_gap_measured_from_them() -> None:
    body = "## Phase 1: Basics (Weeks 1-2)\n- a\n\n## Phase 2: Backend (Weeks 4 & 2)\n- b\n\n## Phase 3: Ship (Weeks 5-6)\n"
    assert shown(body) == [
        "x.md:11: error: Phase 2 has impossible weeks 4-2: weeks count from 1 and the last week must not come before "
        "the first (at most 520)"
    ]
