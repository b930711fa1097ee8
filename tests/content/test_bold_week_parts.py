"""A bold line naming a week inside a phase of several weeks ('**Week 1: Setup**' under '## Weeks 1-2: Basics') is a
part of that phase, as a '### Week 1: Setup' sub-heading is: `/phase` shows it over the bullets it holds."""

from __future__ import annotations

from bot.present import body_lines
from tests.content.helpers import parse_body, phase_spans


def _labels(role, number: int) -> list[str]:
    phase = role.phases[number - 1]
    return [piece.md for piece in phase.body if piece.kind == "label"]


def test_bold_week_lines_inside_a_phase_of_weeks_head_their_bullets_in_phase() -> None:
    role, problems = parse_body(
        "## Weeks 1-2: Basics\n\nSome words first.\n\n"
        "**Week 1: Setup**\n- install the tools\n- read the guide\n\n"
        "**Week 2: Hello**\n- write a first program\n\n"
        "## Weeks 3-4: More\n\n**Week 3: Loops**\n- count to ten\n"
    )
    assert [p for p in problems if p.severity == "error"] == []
    assert phase_spans(role) == [(1, "Basics", (1, 2)), (2, "More", (3, 4))]
    assert _labels(role, 1) == ["Week 1: Setup", "Week 2: Hello"]
    assert _labels(role, 2) == ["Week 3: Loops"]
    shown = body_lines(role.phases[0].body)
    assert shown.index("**Week 2: Hello:**") < shown.index("- write a first program")
    assert [p.weeks for p in role.phases[0].body if p.kind == "label"] == [(1, 1), (2, 2)]


def test_a_bold_notes_line_of_the_phase_own_week_keeps_its_label_over_its_code_block() -> None:
    role, _ = parse_body(
        "## Week 1: Core Concepts\n\n### Day 1-2: Setup\n- [ ] Install the flashcard app\n\n"
        "**Week 1 Notes:**\n```\n(write here)\n```\n\n"
        "## Week 2: Infrastructure\n\n### Day 1-2: DNS\n- [ ] Read about DNS\n"
    )
    assert phase_spans(role) == [(1, "Core Concepts", (1, 1)), (2, "Infrastructure", (2, 2))]
    assert _labels(role, 1) == ["Day 1-2: Setup", "Week 1 Notes"]
    kinds = [piece.kind for piece in role.phases[0].body]
    assert kinds[-2:] == ["label", "code"]


def test_a_bold_label_that_names_no_week_is_read_as_before() -> None:
    role, _ = parse_body("## Weeks 1-2: Basics\n\n**Resources:**\n- a book\n\n**Week 3 is a break**\n")
    assert _labels(role, 1)[0] == "Resources"
