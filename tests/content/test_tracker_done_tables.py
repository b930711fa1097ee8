"""A tracker's table of work with a column of checkboxes ('| Done | Title | Difficulty |' of '[ ]' cells, as a
problem list or a spreadsheet exports it) is a checklist: each row a task item of its title, ticked as its box says,
its other cells under it. A table of weeks keeps its own reading (see test_sheet_exports)."""

from __future__ import annotations

from tests.content.helpers import parse_body

TRACKER = (
    "## Arrays & Hashing\n\n"
    "| Done | Title | Difficulty | Comments | Revisit |\n"
    "| ---- | ----- | ---------- | -------- | ------- |\n"
    "| [ ]  | Contains Duplicate | Easy |  | [ ] |\n"
    "| [x]  | Two Sum | Easy | hash map | [ ] |\n\n"
    "## Two Pointers\n\n"
    "| Done | Title | Difficulty |\n|---|---|---|\n"
    "| [ ] | Valid Palindrome | Easy |\n| [ ] | 3Sum | Medium |\n"
)


def test_rows_of_a_done_column_of_boxes_are_the_checklist() -> None:
    role, problems = parse_body(TRACKER)
    assert [(i.text, i.group) for i in role.checklist] == [
        ("Contains Duplicate", "Arrays & Hashing"),
        ("Two Sum", "Arrays & Hashing"),
        ("Valid Palindrome", "Two Pointers"),
        ("3Sum", "Two Pointers"),
    ]
    assert not [p for p in problems if p.severity == "error"]


def test_a_table_without_a_column_of_boxes_stays_a_table() -> None:
    role, _ = parse_body("## Arrays\n\n| Title | Difficulty |\n|---|---|\n| Two Sum | Easy |\n| 3Sum | Medium |\n")
    assert role.checklist == ()


def test_a_done_column_of_words_is_no_column_of_boxes() -> None:
    body = "## Arrays\n\n| Title | Status |\n|---|---|\n| Two Sum | done |\n| 3Sum | in progress |\n"
    role, _ = parse_body(body)
    assert role.checklist == ()


def test_a_table_of_days_with_a_done_column_stays_a_plan() -> None:
    body = (
        "## Plan\n\n| Day | Topic | Done |\n|---|---|---|\n"
        "| 1 | Install | [ ] |\n| 2 | Hello | [x] |\n| 3 | Loops | [ ] |\n| 8 | Files | [ ] |\n"
    )
    role, _ = parse_body(body)
    assert [p.title for p in role.phases] == ["Install · Hello · Loops", "Files"]


def test_a_table_of_weeks_with_a_done_column_stays_a_plan() -> None:
    body = "| Week | Topic | Done |\n|---|---|---|\n| 1 | Install | FALSE |\n| 2 | Hello | TRUE |\n"
    role, _ = parse_body(body)
    assert [p.title for p in role.phases] == ["Install", "Hello"]


def test_a_column_of_the_authors_status_marks_stays_a_table() -> None:
    body = "## Month 3\n\n| # | Topic | Status |\n|---|---|---|\n| 11 | 1-D DP | ⬜ |\n| 12 | 2-D DP | ⬜ |\n"
    role, _ = parse_body(body)
    assert role.checklist == ()


def test_a_table_right_after_a_tracker_table_keeps_its_own_reading() -> None:
    # two tables with only a blank line between them: the second has no column of boxes, its rows nothing to tick
    body = (
        "## Week 1: Start\n\n"
        "| Done | Task |\n|---|---|\n| [ ] | Install the tools |\n| [x] | Make an account |\n\n"
        "| Resource | Link |\n|---|---|\n| Docs | [Guide](https://example.org/guide) |\n"
        "| Book | [Primer](https://example.org/primer) |\n\n"
        "## Week 2: More\n- Practice\n"
    )
    role, _ = parse_body(body)
    assert [i.text for i in role.checklist] == ["Install the tools", "Make an account"]


def test_a_week_table_right_after_a_tracker_table_stays_a_plan() -> None:
    body = (
        "# Plan\n\n| Done | Task |\n|---|---|\n| [ ] | Install the tools |\n| [ ] | Make an account |\n\n"
        "| Week | Topic |\n|---|---|\n| 1 | Markup |\n| 2 | Styles |\n| 3 | Scripts |\n"
    )
    role, _ = parse_body(body)
    assert [i.text for i in role.checklist] == ["Install the tools", "Make an account"]
