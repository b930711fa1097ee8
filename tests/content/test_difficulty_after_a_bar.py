"""A problem list's task that gives its difficulty after a bar ('- [ ] Contains Duplicate | easy 🟢') is titled by
its name alone in /checklist and search: the difficulty, with or without its coloured mark, is no word of what to do.
Its ID stays the one its whole text gave: learners' ticks are stored under it."""

from __future__ import annotations

from bot.content.ids import checklist_item_id
from tests.content.helpers import parse_body

PROBLEMS = """
# Plan

## Hash maps
- [ ] Spot a Repeated Value | easy 🟢
- [ ] Bucket the Words | Medium
- [x] Collect Rainwater | 🔴 hard
- [ ] Sort by Colour | easy/medium
- [ ] Pick the hard way | or the easy one
"""


def test_the_difficulty_after_a_bar_is_no_part_of_a_tasks_title():
    role, _ = parse_body(PROBLEMS)
    assert [i.text for i in role.checklist] == [
        "Spot a Repeated Value",
        "Bucket the Words",
        "Collect Rainwater",
        "Sort by Colour | easy/medium",
        "Pick the hard way | or the easy one",
    ]
    checklist_entries = [s.title for s in role.sections if s.kind == "checklist"]
    assert checklist_entries[:3] == ["Spot a Repeated Value", "Bucket the Words", "Collect Rainwater"]


def test_a_task_keeps_the_id_of_its_text_as_written():
    role, _ = parse_body(PROBLEMS)
    assert [i.id for i in role.checklist][:3] == [
        checklist_item_id("Spot a Repeated Value | easy 🟢"),
        checklist_item_id("Bucket the Words | Medium"),
        checklist_item_id("Collect Rainwater | 🔴 hard"),
    ]
    assert checklist_item_id("Bucket the Words | Medium") != checklist_item_id("Bucket the Words")


def test_a_bullet_of_a_problem_list_is_titled_so_too():
    role, _ = parse_body("# Plan\n\n## Hash maps\n- Spot a Repeated Value | easy 🟢\n- Bucket the Words | Medium\n")
    assert [s.title for s in role.sections if s.kind == "topic"] == ["Spot a Repeated Value", "Bucket the Words"]
