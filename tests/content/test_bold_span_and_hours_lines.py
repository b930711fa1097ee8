"""A bold line right under a phase heading that gives no weeks, saying its weeks and the hours they take ('**Weeks 1-4
· 10 h/week**'), gives the phase those weeks, as the same line in italics does; a bold span alone ('**Weeks 1-2**')
or with words after it ('**Weeks 1-2 · Knife skills**') still heads a part of the phase."""

from __future__ import annotations

from tests.content.helpers import parse_body, phase_spans

PLAN = """
# Plan

## Phase 1: Knife Skills
{first}
- Dicing
- [ ] Dice an onion

## Phase 2: Sauces
{second}
- Roux
"""


def test_a_bold_span_with_its_hours_gives_the_phase_its_weeks():
    role, problems = parse_body(
        PLAN.format(first="**Weeks 1-4 · 10 h/week**", second="**Weeks 5-8 | ~6 hrs per week**")
    )
    assert phase_spans(role) == [(1, "Knife Skills", (1, 4)), (2, "Sauces", (5, 8))]
    assert [p.subsections for p in role.phases] == [(), ()]
    assert [(i.group, i.phase) for i in role.checklist] == [("Phase 1: Knife Skills", 1)]
    assert not [p for p in problems if "no weeks" in p.message]


def test_a_bold_span_alone_or_with_words_still_heads_a_part():
    role, _ = parse_body(PLAN.format(first="**Weeks 1-2**", second="**Weeks 5-6 · Mother sauces**"))
    assert [[s.label for s in p.subsections] for p in role.phases] == [["Weeks 1-2"], ["Weeks 5-6 · Mother sauces"]]


def test_bold_spans_with_hours_one_after_another_are_the_phases_parts():
    role, _ = parse_body(
        PLAN.format(first="**Weeks 1-2 · 10 h/week**\n- Slicing\n\n**Weeks 3-4 · 10 h/week**", second="**Weeks 5-8**")
    )
    assert [s.label for s in role.phases[0].subsections] == ["Weeks 1-2 · 10 h/week", "Weeks 3-4 · 10 h/week"]
