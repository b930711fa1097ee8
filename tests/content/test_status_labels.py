"""A bold label that only says the author's progress ('**Done**', '**In progress**', '**✅ Completed**') names no
group: it is where the author stood, not a part of the work. The tasks under it are its heading's, so a learner sees
them under 'Modules', not under 'Done', in `/checklist`, `/today`, the reminders and the review cards. Their IDs are
those they had under the label (a label never changes an item's ID). A label of the work left, '**To do:**' or
'**À faire :**', is a part's list of tasks and still names its group."""

from __future__ import annotations

from tests.content.helpers import parse_messages

TRACKER = """# Algorithms in 100 days

## Modules

How I track it:

{label}

*In Progress*

- [ ] Time complexity
- [ ] *Arrays*
- [ ] Graphs

## Log

### Day 0

- [x] Watched the first lecture
"""


def groups_of(body: str) -> list[tuple[str, str]]:
    role, _ = parse_messages(body)
    return [(item.group, item.text) for item in role.checklist]


def ids_of(body: str) -> list[str]:
    role, _ = parse_messages(body)
    return [item.id for item in role.checklist]


def test_a_legend_label_over_a_tracker_list_names_no_group():
    for label in ("**Done**", "**Completed:**", "**✅ Done**", "**In progress**"):
        assert groups_of(TRACKER.format(label=label)) == [
            ("Modules", "Time complexity"),
            ("Modules", "Arrays"),
            ("Modules", "Graphs"),
            ("Day 0", "Watched the first lecture"),
        ], label


def test_the_items_keep_the_ids_they_had_under_the_label():
    without = TRACKER.replace("{label}\n\n", "")
    assert ids_of(TRACKER.format(label="**Done**")) == ids_of(without)


def test_a_done_label_leaves_its_tasks_with_the_heading_and_a_to_do_label_keeps_its_own():
    body = """# Capstone

## Deploy the app

**Completed:**
- [x] Write the Dockerfile
- [x] Push the image

**To do:**
- [ ] Add a health check
- [ ] Turn on TLS
"""
    assert groups_of(body) == [
        ("Deploy the app", "Write the Dockerfile"),
        ("Deploy the app", "Push the image"),
        ("To do", "Add a health check"),
        ("To do", "Turn on TLS"),
    ]


def test_a_label_that_names_work_still_groups_its_tasks():
    body = """# Capstone

## Deploy the app

**Assignment 4:**
- [ ] Add a health check

**Next steps:**
- [ ] Turn on TLS
"""
    assert groups_of(body) == [("Assignment 4", "Add a health check"), ("Next steps", "Turn on TLS")]


def test_a_status_label_in_a_phase_is_no_part_of_it():
    body = """# Plan

## Phase 1: Shell (Weeks 1-2)

- pipes and redirection

**Done:**
- [ ] Write a backup script
- [ ] Schedule it with cron

## Phase 2: Git (Weeks 3-4)

- branches
"""
    role, _ = parse_messages(body)
    assert [s.label for s in role.phases[0].subsections] == []
    assert [(i.group, i.phase) for i in role.checklist] == [("Phase 1: Shell", 1), ("Phase 1: Shell", 1)]
