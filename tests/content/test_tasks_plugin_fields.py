"""Tasks written for Obsidian's Tasks plugin end in its fields: a priority ('⏫'), dates ('📅 2027-01-04'), a
recurrence ('🔁 every week'), IDs ('🆔 abc', '⛔ abc'). A task is shown and titled without them, in /checklist, its
phase and search; its ID stays that of its text as written, under which learners' ticks are stored."""

from __future__ import annotations

import pytest

from bot.content.ids import checklist_item_id
from bot.handlers.learning import phase_body
from tests.content.helpers import finishes_in_a_minute, parse_body, roadmap

PLAN = """
## Week 1: Cloud basics

- [ ] Create an AWS account and enable MFA on root ⏫ 📅 2027-01-04
- [ ] Set a billing alarm 🔼 ⏳ 2027-01-03 📅 2027-01-05
- [x] Watch the intro video ✅ 2026-12-20
- [ ] Review costs 🔁 every week on Monday 🛫 2027-01-04
- [ ] Tag every resource 🆔 tag1 ⛔ acct1,alarm2
- Read the pricing page 🔼
"""


def test_a_tasks_shown_line_and_title_are_without_its_fields() -> None:
    role, _ = parse_body(PLAN)
    assert [(i.text, i.md) for i in role.checklist] == [
        ("Create an AWS account and enable MFA on root", "Create an AWS account and enable MFA on root"),
        ("Set a billing alarm", "Set a billing alarm"),
        ("Watch the intro video", "Watch the intro video"),
        ("Review costs", "Review costs"),
        ("Tag every resource", "Tag every resource"),
    ]
    assert {s.title for s in role.sections if s.kind == "checklist"} == {i.text for i in role.checklist}
    # /phase shows the tasks as /checklist does; a bullet that is no task keeps what it says
    assert phase_body(role.phases[0]).splitlines()[-1] == "- Read the pricing page 🔼"


def test_a_tasks_id_is_made_of_its_text_as_written() -> None:
    role, _ = parse_body(PLAN)
    assert [i.id for i in role.checklist] == [
        checklist_item_id("Create an AWS account and enable MFA on root ⏫ 📅 2027-01-04"),
        checklist_item_id("Set a billing alarm 🔼 ⏳ 2027-01-03 📅 2027-01-05"),
        checklist_item_id("Watch the intro video ✅ 2026-12-20"),
        checklist_item_id("Review costs 🔁 every week on Monday 🛫 2027-01-04"),
        checklist_item_id("Tag every resource 🆔 tag1 ⛔ acct1,alarm2"),
    ]


@pytest.mark.parametrize(
    "task",
    [
        "Compare the two regions ❌ not worth it",  # a cross without a date: the author's words
        "Read the ⏫ priority guide first",  # a mark inside the text
        "📅 2027-01-04",  # nothing but a field
    ],
)
def test_marks_that_are_no_fields_at_a_tasks_end_stay(task: str) -> None:
    role, _ = parse_body(f"## Tasks\n\n- [ ] {task}\n")
    assert [(i.text, i.md) for i in role.checklist] == [(task, task)]


def test_a_done_mark_without_a_date_is_the_authors_tick_shown_but_no_word_of_the_title() -> None:
    role, _ = parse_body("## Tasks\n\n- [ ] Deploy the site ✅\n")
    (item,) = role.checklist
    assert (item.text, item.md) == ("Deploy the site", "Deploy the site ✅")
    assert item.id == checklist_item_id("Deploy the site ✅")


def test_a_trailing_tag_after_the_fields_goes_as_it_always_went() -> None:
    role, _ = parse_body("## Tasks\n\n- [ ] Rotate the access keys ⏫ 📅 2027-01-04 #security\n")
    (item,) = role.checklist
    assert item.text == "Rotate the access keys"
    assert item.id == checklist_item_id("Rotate the access keys ⏫ 📅 2027-01-04")


def test_a_task_under_a_task_with_fields_names_it_as_shown_and_keeps_its_id() -> None:
    role, _ = parse_body(
        "## Tasks\n\n- [ ] Trees ⏫ 📅 2027-01-04\n  - [ ] Implement\n- [ ] Heaps 🔼\n  - [ ] Implement\n"
    )
    assert [(i.text, i.parent) for i in role.checklist] == [
        ("Trees", ""),
        ("Implement", "Trees"),
        ("Heaps", ""),
        ("Implement", "Heaps"),
    ]
    # the second 'Implement' is told apart by the words of the task it is under, as written
    assert role.checklist[3].id == checklist_item_id("Tasks Heaps 🔼 Implement")


def test_fields_before_an_items_own_id_go_and_the_id_stays() -> None:
    role, _ = parse_body("## Tasks\n\n- [ ] Rotate the access keys ⏫ 📅 2027-01-04 {#rotate-keys}\n")
    assert [(i.id, i.text, i.md) for i in role.checklist] == [
        ("rotate-keys", "Rotate the access keys", "Rotate the access keys")
    ]


def test_the_study_list_fixture_is_shown_without_fields() -> None:
    role = roadmap("obsidian-tasks-study-list")
    texts = [i.text for i in role.checklist]
    assert texts[:5] == [
        "Work through the first five chapters of The Linux Command Line",
        "Learn find, grep and xargs well enough to combine them",
        "Write a script that renames photos by date",
        "Set up dotfiles in a git repository",
        "Practise with the man pages every day",
    ]
    assert not any(mark in text for text in texts for mark in "⏫🔼🔽🔺⏬📅⏳🛫➕✅🔁🆔⛔🏁")
    assert "Review the week ❌ cancelled, no time left" in texts


def test_a_long_task_line_of_marks_is_read_in_time_linear_in_its_size() -> None:
    finishes_in_a_minute(
        "from bot.content.parse import _task_fields_at\n"
        "assert _task_fields_at('x' + ' ⏫' * 100_000 + ' y') is None\n"
        "assert _task_fields_at('x' + ' 🔁 every' * 100_000) is not None\n",
        "a task line of many fields",
    )
