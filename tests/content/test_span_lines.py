"""A phase heading without weeks whose first line gives them, set apart as a note ('*Weeks 1-4*', '📅 Weeks 1–4 |
⏱️ 10 h/week'): those are the phase's weeks, as if its heading gave them."""

from __future__ import annotations

import pytest

from tests.content.helpers import parse_body


@pytest.mark.parametrize(
    "line",
    [
        "*Weeks {a}-{b}*",
        "_Weeks {a}–{b}_",
        "📅 Weeks {a}–{b}",
        "📅 Weeks {a}–{b} | ⏱️ 10 h/week",
        "🗓️ Weeks {a} to {b} · 3 projects",
        "*Weeks {a}-{b} · about 10 hours a week*",
    ],
)
def test_a_span_set_apart_under_a_phase_heading_is_its_weeks(line: str):
    body = "".join(
        f"## Phase {n}: {title}\n{line.format(a=a, b=b)}\n\n- {topic}\n\n"
        for n, title, a, b, topic in [(1, "Foundations", 1, 4, "HTML"), (2, "JavaScript", 5, 8, "DOM")]
    )
    role, problems = parse_body(f"# Plan\n\n{body}")
    assert [(p.title, p.weeks, p.planned) for p in role.phases] == [
        ("Foundations", (1, 4), False),
        ("JavaScript", (5, 8), False),
    ]
    assert [[t.text for t in p.topics] for p in role.phases] == [["HTML"], ["DOM"]]
    assert problems == []


def test_a_week_in_plain_words_under_a_phase_is_a_part_of_it():
    body = "## Phase 1: Foundations\nWeek 1\n- HTML\n\nWeek 2\n- CSS\n\n## Phase 2: JavaScript\n- DOM\n"
    role, _ = parse_body(f"# Plan\n\n{body}")
    assert [(p.title, p.planned) for p in role.phases] == [("Foundations", True), ("JavaScript", True)]
    assert role.phases[0].weeks != (1, 1)


def test_a_bold_span_under_a_phase_is_a_part_of_it_not_its_weeks():
    body = "## Phase 1: Foundations\n**Weeks 1-2**\n- HTML\n\n**Weeks 3-4**\n- CSS\n\n## Phase 2: JavaScript\n- DOM\n"
    role, _ = parse_body(f"# Plan\n\n{body}")
    assert role.phases[0].weeks != (1, 2)
