"""A heading numbered in brackets with the hours its course takes ('## (1) Garden Planning Certificate (300 hours)')
is titled by its words alone in /checklist and search: the number is its place in the list, the hours how long it
takes, neither what it is about. Item IDs stay as they were. (A phase's title keeps its hours: 'Week 2: Loops (4 hrs)' is
how long that week takes, see test_bold_plan_items.)"""

from __future__ import annotations

from bot.content.ids import checklist_item_id
from tests.content.helpers import parse_body

CERTIFICATES = """
# Plan

## (1) Garden Planning Certificate (300 hours)
- Soil basics
- [ ] Test a soil sample

## (2) Orchard Care Certificate (~150 hrs)
- Pruning
- [ ] Prune a young tree
"""


def test_numbered_courses_with_hours_are_grouped_by_their_words():
    role, _ = parse_body(CERTIFICATES)
    assert [(i.group, i.text) for i in role.checklist] == [
        ("Garden Planning Certificate", "Test a soil sample"),
        ("Orchard Care Certificate", "Prune a young tree"),
    ]
    assert [i.id for i in role.checklist] == [
        checklist_item_id("Test a soil sample"),
        checklist_item_id("Prune a young tree"),
    ]


def test_numbered_courses_with_hours_are_found_by_their_words():
    role, _ = parse_body(CERTIFICATES)
    titles = [s.title for s in role.sections if s.kind == "section"]
    assert titles[-2:] == ["Garden Planning Certificate", "Orchard Care Certificate"]
    (item,) = [s for s in role.sections if s.kind == "checklist" and s.title == "Prune a young tree"]
    assert item.path[-1] == "Orchard Care Certificate"


def test_hours_inside_a_title_and_other_brackets_stay():
    role, _ = parse_body(
        "# Plan\n\n## (a) Soil (pH)\n- [ ] Test soil\n\n## A 24 hours garden challenge\n- [ ] Plant\n\n"
        "## (1)\n- [ ] Water\n"
    )
    assert [i.group for i in role.checklist] == ["(a) Soil (pH)", "A 24 hours garden challenge", "(1)"]
