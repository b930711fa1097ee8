"""A plan written as list items that are headings ('- ### Week 1: Setup' with its bullets nested under it) ends at a
heading of that level or above after the list ('## Notes'): the notes are a section of their own, not a part of the
last week, which /phase and /today would show them in."""

from __future__ import annotations

from tests.content.helpers import parse_body, section_titled

ITEM_HEADINGS = """
# Systems Plan

- ### Week 1: Setup
  - Install the toolchain
  - [ ] Build the hello app
- ### Week 2: Pointers
  - Raw pointers vs references
- ### Week 3: Deep nesting
  - [ ] Level one task
    - [ ] Level two task

## Notes

Ideas for later.

### Reading list
- The systems book, chapter 3
"""


def test_a_heading_above_the_items_level_ends_the_plan():
    role = parse_body(ITEM_HEADINGS)[0]
    assert [(p.number, p.title) for p in role.phases] == [(1, "Setup"), (2, "Pointers"), (3, "Deep nesting")]
    last = role.phases[-1]
    assert not any("Ideas for later" in piece.md or "Notes" in piece.md for piece in last.body)
    assert [sub.label for sub in last.subsections] == []
    assert section_titled(role, "Notes").phase is None
    assert section_titled(role, "Reading list").phase is None


def test_a_heading_deeper_than_the_items_stays_the_last_weeks():
    body = ITEM_HEADINGS.replace("## Notes", "#### Notes").replace("### Reading list", "##### Reading list")
    role = parse_body(body)[0]
    assert section_titled(role, "Notes").phase == 3
