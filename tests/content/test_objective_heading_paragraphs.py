"""An '### Objective' sub-heading that opens a phase gives the phase's objective from its first paragraph; more
paragraphs under it are the phase's own text, shown in /phase after the objective, not a part named 'Objective' that
the week's focus would name as work."""

from __future__ import annotations

from types import SimpleNamespace

from bot.domain.today import ScheduledPhase
from bot.handlers.learning import focus_text, phase_body
from tests.content.helpers import errors, parse_body

SPLICING = """
# Rigging

## Phase 1: Knots (Weeks 1-2)

### Objective

Tie the six knots a deckhand needs without looking.

Expect sore fingers in the first days: short sessions twice a day beat one long one.

### Practice

- Bowline
- Clove hitch

## Phase 2: Splices (Weeks 3-4)

### Objective

Splice three-strand rope by hand.

### Practice

- Eye splice
"""


def test_the_first_paragraph_is_the_objective_and_the_next_the_phases_text() -> None:
    role, problems = parse_body(SPLICING)
    assert errors(problems) == []
    knots, splices = role.phases
    assert knots.objective == "Tie the six knots a deckhand needs without looking."
    assert knots.text == "Expect sore fingers in the first days: short sessions twice a day beat one long one."
    assert [s.label for s in knots.subsections] == ["Practice"]
    shown = phase_body(knots)
    assert shown.startswith("**Objective:** Tie the six knots a deckhand needs without looking.\n\nExpect sore fingers")
    assert "**Objective:**\n" not in shown and shown.count("Tie the six knots") == 1
    # one paragraph, as before: the objective alone
    assert splices.objective == "Splice three-strand rope by hand." and splices.text == ""


def test_the_weeks_focus_says_the_objective_then_the_work() -> None:
    role, _ = parse_body(SPLICING)
    knots = role.phases[0]
    at = ScheduledPhase(1, knots.first_week, knots.last_week)
    plan = SimpleNamespace(role=role, position=SimpleNamespace(phase=at, week=1))
    focus = focus_text(plan, knots)  # type: ignore[arg-type]
    assert focus.split("\n")[0] == "Tie the six knots a deckhand needs without looking."
    assert "• Bowline" in focus and "Objective" not in focus


def test_a_goal_line_under_the_heading_is_the_objective_and_the_paragraphs_after_it_the_phases_text() -> None:
    role, problems = parse_body(
        SPLICING.replace(
            "Tie the six knots a deckhand needs without looking.",
            "**Goal:** Tie the six knots a deckhand needs without looking.",
        )
    )
    assert errors(problems) == []
    knots = role.phases[0]
    assert knots.objective == "Tie the six knots a deckhand needs without looking."
    assert knots.text == "Expect sore fingers in the first days: short sessions twice a day beat one long one."
    assert [s.label for s in knots.subsections] == ["Practice"]
    shown = phase_body(knots)
    assert shown.count("**Objective:**") == 1
    assert shown.startswith("**Objective:** Tie the six knots a deckhand needs without looking.\n\nExpect sore fingers")
