"""A span whose only words are the hours it takes a week ('## Weeks 1-4 · 10 h/week', a bold line '**Weeks 5-6 | 8
hours per week**') is named by its span: how long it takes is no title of what it is about. Hours after a title
stay its note ('Basics (10 h/week)')."""

from __future__ import annotations

from tests.content.helpers import parse_messages, phase_spans


def test_a_heading_of_a_span_and_its_hours_is_named_by_its_span():
    role, _ = parse_messages(
        "# Pottery\n\n## Weeks 1-4 · 10 h/week\n\n- wedging\n\n## Weeks 5-6: 8 hours per week\n\n- glazes\n"
    )
    assert phase_spans(role) == [(1, "Weeks 1-4", (1, 4)), (2, "Weeks 5-6", (5, 6))]


def test_a_bold_line_of_a_span_and_its_hours_is_named_by_its_span():
    role, _ = parse_messages("# Pottery\n\n## Schedule\n\n**Weeks 1-4 · 10 h/week**\n\nThe pace of it.\n")
    assert phase_spans(role) == [(1, "Weeks 1-4", (1, 4))]


def test_hours_after_a_title_stay_its_note():
    role, _ = parse_messages("# Pottery\n\n## Weeks 1-4: Wedging (10 h/week)\n\n- clay\n")
    assert phase_spans(role) == [(1, "Wedging (10 h/week)", (1, 4))]
