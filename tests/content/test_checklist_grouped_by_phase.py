"""A checklist section after the plan whose groups are named by the plan's phases ('## ✅ Checklist' over '### Phase
1: Clay', '### Phase 2', …, or '### Week 1' after a plan of weeks): the groups are the checklist's, no phases again
out of order, and the file loads with its plan as written."""

from __future__ import annotations

import pytest

from tests.content.helpers import errors, parse_body, phase_spans

PLAN = """
# Pottery

## Phase 1: Clay (Weeks 1-2)

- wedging
- [ ] Wedge a kilo of clay

## Phase 2: Wheel (Weeks 3-4)

- centering

## Phase 3: Glaze (Weeks 5-6)

- dipping

## {checklist}

"""

GROUPS = {
    "titled": ["Phase 1: Clay", "Phase 2: Wheel", "Phase 3: Glaze"],
    "bare": ["Phase 1", "Phase 2", "Phase 3"],
    "with their weeks": ["Phase 1: Clay (Weeks 1-2)", "Phase 2: Wheel (Weeks 3-4)", "Phase 3: Glaze (Weeks 5-6)"],
    "from the second": ["Clay", "Phase 2: Wheel", "Phase 3: Glaze"],
    "named as lists": ["Phase 1 Checklist", "Phase 2 Checklist", "Phase 3 Checklist"],
}


@pytest.mark.parametrize("checklist", ["✅ Checklist", "Progress Checklist", "📋 Progress Tracker"])
@pytest.mark.parametrize("groups", GROUPS.values(), ids=GROUPS.keys())
def test_checklist_groups_named_by_phases_are_groups(checklist: str, groups: list[str]) -> None:
    body = PLAN.format(checklist=checklist)
    for n, group in enumerate(groups, start=1):
        body += f"### {group}\n\n- [ ] Finish part {n}\n- [ ] Show a teacher part {n}\n\n"
    role, problems = parse_body(body)
    assert errors(problems) == []
    assert phase_spans(role) == [(1, "Clay", (1, 2)), (2, "Wheel", (3, 4)), (3, "Glaze", (5, 6))]
    assert [(i.group, i.text) for i in role.checklist][1:3] == [
        (groups[0], "Finish part 1"),
        (groups[0], "Show a teacher part 1"),
    ]
    assert len(role.checklist) == 7


def test_week_groups_after_a_plan_of_weeks_are_groups() -> None:
    body = "## Week 1: Clay\n\n- wedging\n\n## Week 2: Wheel\n\n- centering\n\n## Checklist\n\n"
    body += "### Week 1\n\n- [ ] Wedge a kilo\n\n### Week 2\n\n- [ ] Center a kilo\n"
    role, problems = parse_body(body)
    assert errors(problems) == []
    assert phase_spans(role) == [(1, "Clay", (1, 1)), (2, "Wheel", (2, 2))]
    assert [(i.group, i.text) for i in role.checklist] == [("Week 1", "Wedge a kilo"), ("Week 2", "Center a kilo")]


def test_phases_that_go_on_after_a_checklist_heading_stay_phases() -> None:
    body = "## Phase 1: Clay (Weeks 1-2)\n\n- wedging\n\n## Checklist\n\n- [ ] Wedge a kilo\n\n"
    body += "## Phase 2: Wheel (Weeks 3-4)\n\n- centering\n"
    role, _ = parse_body(body)
    assert phase_spans(role) == [(1, "Clay", (1, 2)), (2, "Wheel", (3, 4))]
