"""A part written under every week ('## Week 1' then '### Monday') names its checklist group by the week alone,
'Week 1 › Monday', not 'Phase 1: Week 1 › Monday'; a titled week keeps its phase's name."""

from __future__ import annotations

from tests.content.helpers import parse_body

WEEKS = (
    "## Week 1\n\n### Monday\n- [ ] Level the wheel\n\n### Tuesday\n- [ ] Center clay\n\n"
    "## Week 2\n\n### Monday\n- [ ] Pull a wall\n"
)


def test_a_part_under_untitled_weeks_is_named_by_the_week() -> None:
    role, _ = parse_body(WEEKS)
    assert [i.group for i in role.checklist] == ["Week 1 › Monday", "Tuesday", "Week 2 › Monday"]


def test_a_titled_week_keeps_its_phase_name() -> None:
    role, _ = parse_body(WEEKS.replace("## Week 1\n", "## Week 1: Wheel basics\n"))
    assert role.checklist[0].group == "Phase 1: Wheel basics › Monday"


def test_the_name_changes_no_item_id() -> None:
    role, _ = parse_body(WEEKS)
    titled, _ = parse_body(WEEKS.replace("## Week 1\n", "## Week 1: Wheel basics\n"))
    assert [i.id for i in role.checklist] == [i.id for i in titled.checklist]
