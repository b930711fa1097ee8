"""A phase heading that gives the months it ran and then its length in brackets ('## Phase 1: Foundations (May 2025 -
July 2025, 3 Months)') takes that length; the months stay after its title as a note of the calendar, as the dates of
'## Phase 1: Basics (8 Jan – 4 Feb)' do."""

from __future__ import annotations

from tests.content.helpers import parse_body, phase_spans


def test_months_then_a_length_in_brackets_give_the_length():
    role, problems = parse_body(
        "# Plan\n\n## Phase 1: Foundations (May 2025 - July 2025, 3 Months)\n- a\n\n"
        "## Phase 2: Growth (August 2025 - September 2025, 2 months)\n- b\n"
    )
    assert phase_spans(role) == [
        (1, "Foundations (May 2025 - July 2025)", (1, 12)),
        (2, "Growth (August 2025 - September 2025)", (13, 20)),
    ]
    assert not any(p.planned for p in role.phases)
    assert not [p for p in problems if "no weeks" in p.message]


def test_the_same_reading_as_the_length_first():
    first, _ = parse_body("# Plan\n\n## Phase 1: Foundations (3 months, May 2025 - July 2025)\n- a\n")
    last, _ = parse_body("# Plan\n\n## Phase 1: Foundations (May 2025 - July 2025, 3 months)\n- a\n")
    assert phase_spans(first) == phase_spans(last)
