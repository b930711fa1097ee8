"""A goal line in each part of a phase ('### Week 2: Sauces' then '**Goal:** …'): the bullets after it are that
part's work, as the first part's are; no part named 'Goal' takes them from it."""

from __future__ import annotations

from bot.content.models import Phase
from tests.content.helpers import errors, parse_body


def parts(phase: Phase) -> list[tuple[str, list[str]]]:
    return [(s.label, [t.title for t in s.topics]) for s in phase.subsections]


WEEKS_WITH_GOALS = """
## Phase 1: Kitchen Basics (Weeks 1-3)

### Week 1: Knife Skills
**Goal:** Dice an onion evenly.
- Claw grip
- Rocking cut

### Week 2: Sauces

**Goal:** Hold an emulsion.

- Hollandaise
- Beurre blanc

### Week 3: Stocks
**Focus:** Clear, not cloudy.
- Skimming
"""


def test_each_weeks_bullets_stay_under_that_week() -> None:
    role, problems = parse_body(WEEKS_WITH_GOALS)
    assert errors(problems) == []
    (phase,) = role.phases
    assert parts(phase) == [
        ("Week 1: Knife Skills", ["Claw grip", "Rocking cut"]),
        ("Week 2: Sauces", ["Hollandaise", "Beurre blanc"]),
        ("Week 3: Stocks", ["Skimming"]),
    ]


def test_each_goal_still_shows_under_its_week() -> None:
    role, _ = parse_body(WEEKS_WITH_GOALS)
    shown = [(p.md, p.rest) for p in role.phases[0].body if p.kind == "label"]
    assert shown == [
        ("Week 1: Knife Skills", ""),
        ("Goal", "Dice an onion evenly."),
        ("Week 2: Sauces", ""),
        ("Goal", "Hold an emulsion."),
        ("Week 3: Stocks", ""),
        ("Focus", "Clear, not cloudy."),
    ]


def test_after_the_phases_own_objective_a_parts_goal_keeps_its_bullets_too() -> None:
    role, _ = parse_body(
        """
## Phase 2: Baking (Weeks 4-5)
**Objective:** Bake bread that rises.

### Week 4: Yeast
**Goal:** Proof a dough.
- Bloom the yeast

### Week 5: Ovens
**Goal:** Read an oven.
- Preheat with a stone
"""
    )
    (phase,) = role.phases
    assert phase.objective == "Bake bread that rises."
    assert parts(phase) == [("Week 4: Yeast", ["Bloom the yeast"]), ("Week 5: Ovens", ["Preheat with a stone"])]


def test_a_goals_label_over_its_own_list_in_a_part_is_still_a_part() -> None:
    role, _ = parse_body(
        """
## Phase 3: Plating (Weeks 6-7)
**Objective:** Serve a plate that looks cared for.

### Week 6: Colour
**Goals:**
- Contrast on the plate
- Sauce as paint
"""
    )
    assert parts(role.phases[0]) == [("Week 6: Colour", []), ("Goals", ["Contrast on the plate", "Sauce as paint"])]


def test_a_goal_in_a_later_part_is_that_parts_not_the_phases() -> None:
    role, _ = parse_body(
        """
## Phase 4: Pastry (Weeks 8-9)

### Reading
- Laminated doughs

### Practice
**Goal:** Fold butter into dough six times.
- Croissants
"""
    )
    (phase,) = role.phases
    assert phase.objective is None
    assert parts(phase) == [("Reading", ["Laminated doughs"]), ("Practice", ["Croissants"])]


def test_after_the_phases_own_sentence_a_parts_goal_is_the_parts() -> None:
    role, _ = parse_body(
        """
## Phase 5: Fermentation (Weeks 10-11)
Slow food, on purpose. Start a crock early.

### Practice
**Goal:** Keep a sauerkraut alive for a month.
- Salt by weight
"""
    )
    (phase,) = role.phases
    assert phase.objective == "Slow food, on purpose."
    assert parts(phase) == [("Practice", ["Salt by weight"])]


def test_a_goal_in_the_part_that_opens_the_phase_is_its_objective() -> None:
    role, _ = parse_body(
        """
## Phase 6: Grilling (Weeks 12-13)

### Overview
**Goal:** Cook over live fire.

### Practice
- Two-zone fire
"""
    )
    assert role.phases[0].objective == "Cook over live fire."
