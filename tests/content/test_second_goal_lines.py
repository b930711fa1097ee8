"""Two goal lines at a phase's top ('**Goal:** …' then '**Outcome:** …'): the first is its objective, the second
says of the phase as a fact line does; the bullets after them are the phase's work, in no part named 'Outcome'."""

from __future__ import annotations

from tests.content.helpers import parse_body


def test_the_bullets_after_a_second_goal_line_are_the_phases_topics() -> None:
    role, _ = parse_body(
        """
## Phase 1: Woodturning (Weeks 1-3)

**Goal:** Turn a bowl from green wood.
**Outcome:** One finished bowl, oiled.

- Roughing gouge
- Sharpening jigs
"""
    )
    (phase,) = role.phases
    assert phase.objective == "Turn a bowl from green wood."
    assert [t.title for t in phase.topics] == ["Roughing gouge", "Sharpening jigs"]
    assert phase.subsections == ()
    assert [(p.md, p.rest) for p in phase.body if p.kind == "label"] == [("Outcome", "One finished bowl, oiled.")]


def test_a_project_line_still_holds_the_bullets_after_it() -> None:
    role, _ = parse_body(
        """
## Phase 2: Joinery (Weeks 4-5)

**Goal:** Cut tight joints by hand.

**Project:** a small step stool
- Dovetails for the top
"""
    )
    (phase,) = role.phases
    assert [(s.label, [t.title for t in s.topics]) for s in phase.subsections] == [
        ("Project", ["Dovetails for the top"])
    ]
