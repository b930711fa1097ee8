"""A phase that opens with its objective as a bullet ('- **Goal:** …'), beside fact bullets ('- **Duration:** 2
weeks'): the bullet is the phase's objective, as the line alone would be, and no topic of its work."""

from __future__ import annotations

from tests.content.helpers import errors, parse_body, phase_spans

FACT_BULLETS = """
## Phase 1: Seeds

- **Duration:** 3 weeks
- **Goal:** Sprout tomatoes indoors.

### Topics
- Germination heat

## Phase 2: Transplanting

- **Objective**: Move seedlings outside without shock.
- **Duration:** 2 weeks

- Hardening off
"""


def test_a_goal_bullet_at_a_phases_top_is_its_objective() -> None:
    role, problems = parse_body(FACT_BULLETS)
    assert errors(problems) == []
    assert phase_spans(role) == [(1, "Seeds", (1, 3)), (2, "Transplanting", (4, 5))]
    first, second = role.phases
    assert first.objective == "Sprout tomatoes indoors."
    assert first.topics == ()
    assert [(s.label, [t.title for t in s.topics]) for s in first.subsections] == [("Topics", ["Germination heat"])]
    assert second.objective == "Move seedlings outside without shock."
    assert [t.title for t in second.topics] == ["Hardening off"]


def test_a_goal_bullet_after_the_phases_topics_stays_a_topic() -> None:
    role, _ = parse_body(
        """
## Phase 3: Pruning (Weeks 6-7)

- Suckers
- **Goal:** one leader per plant
"""
    )
    (phase,) = role.phases
    assert phase.objective is None
    assert [t.title for t in phase.topics] == ["Suckers", "Goal: one leader per plant"]


def test_a_goals_bullet_over_its_own_list_stays_a_topic() -> None:
    role, _ = parse_body(
        """
## Phase 4: Harvest (Weeks 8-9)

- **Goals:**
  - Pick when red
  - Save seeds
"""
    )
    (phase,) = role.phases
    assert phase.objective is None
    assert [t.title for t in phase.topics] == ["Goals"]
