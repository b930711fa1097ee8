"""A task whose words only say the author's progress ('- [ ] In progress', '- [x] Done' under each book of a reading
list) is the work of its heading: a learner sees and ticks 'The Rust Book', not 'In progress' twice. Its ID stays
that of its words as written, so ticks already kept stay with it."""

from __future__ import annotations

from tests.content.helpers import parse_body

BOOKS = """# Rust reading

## The Rust Book

* Source: https://example.com/book
* [ ] In progress

## Rust by Example

* Source: https://example.com/rbe
* [x] Done

## Exercises

- [ ] Finish the ownership chapter
"""


def test_a_task_of_a_status_alone_is_titled_by_its_heading():
    role, _ = parse_body(BOOKS)
    assert [(i.group, i.text, i.md) for i in role.checklist] == [
        ("The Rust Book", "The Rust Book", "The Rust Book"),
        ("Rust by Example", "Rust by Example", "Rust by Example"),
        ("Exercises", "Finish the ownership chapter", "Finish the ownership chapter"),
    ]


def test_its_id_stays_that_of_its_words():
    role, _ = parse_body(BOOKS)
    # the IDs these items had when they were titled 'In progress' and 'Done'
    assert [i.id for i in role.checklist] == ["item-0788f78219", "item-4662310fc4", "item-b705dc1187"]


def test_a_task_of_a_mark_alone_keeps_its_mark():
    role, _ = parse_body("## Phase 1: Basics (Weeks 1-2)\n- x\n\n## Notes\n\n- [ ] ✅\n")
    assert [(i.group, i.text) for i in role.checklist] == [("Notes", "✅")]
