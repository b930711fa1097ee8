"""Table cells of several lines ('**SQL basics**<br>☐ SQLBolt'): a line per '<br>', not one run-on text."""

from __future__ import annotations

from tests.content.helpers import parse_body, section_titled

PLAN = """
# Contract

## Weekly plan

| Week | Plan | Resources |
|------|------|-----------|
| 1 | **Spreadsheets refresher**<br>☐ Lookup functions<br>☐ Pivot tables | [Guide](https://example.com/g)<br>[Video](https://example.com/v) |
| 2 | **SQL basics**<br>[ ] SQLBolt lessons<br>Read the docs | Free |
"""


def test_a_week_rows_cell_lines_are_its_phases_title_bullets_and_checklist() -> None:
    role, _ = parse_body(PLAN)
    assert [(p.number, p.title, p.first_week, p.last_week) for p in role.phases] == [
        (1, "Spreadsheets refresher", 1, 1),
        (2, "SQL basics", 2, 2),
    ]
    assert [(i.group, i.text) for i in role.checklist] == [
        ("Week 1: Spreadsheets refresher", "Lookup functions"),
        ("Week 1: Spreadsheets refresher", "Pivot tables"),
        ("Week 2: SQL basics", "SQLBolt lessons"),
    ]
    assert [(p.kind, p.md) for p in role.phases[0].body] == [
        ("task", "Lookup functions"),
        ("task", "Pivot tables"),
        ("item", "Resources: [Guide](https://example.com/g) · [Video](https://example.com/v)"),
    ]
    assert [(p.kind, p.md) for p in role.phases[1].body] == [
        ("task", "SQLBolt lessons"),
        ("item", "Read the docs"),
        ("item", "Resources: Free"),
    ]


def test_a_rows_title_is_its_cells_first_line_and_its_other_lines_are_the_rows() -> None:
    role, _ = parse_body(
        "# T\n\n## Courses\n\n| Course | Notes |\n|---|---|\n| **Git**<br>branches<br>rebase | free |\n| Docker | paid |\n"
    )
    assert section_titled(role, "Git").text == "**Git** — Notes: free\n- branches\n- rebase"
    assert section_titled(role, "Courses").text == (
        "- **Git** — Notes: free\n  - branches\n  - rebase\n- Docker — Notes: paid"
    )


def test_an_html_cells_br_parts_its_lines_as_a_markdown_cells_does() -> None:
    role, _ = parse_body(
        "# T\n\n## Courses\n\n<table><tr><th>Course</th><th>Notes</th></tr>\n"
        "<tr><td><b>Git</b><br>branches<br>rebase</td><td>free</td></tr></table>\n"
    )
    assert section_titled(role, "Git").text == "Git — Notes: free\n- branches\n- rebase"


def test_a_cells_lines_stay_under_its_columns_name_but_its_tasks_are_tasks() -> None:
    role, _ = parse_body(
        "# Plan\n\n| Week | Topic | Work |\n|---|---|---|\n"
        "| 1 | Git | Read the book<br>[ ] Make a repo |\n"
        "| 2 | HTML | [MDN](https://a.b/m)<br>Notes, part 2 |\n"
    )
    assert [(p.kind, p.md) for p in role.phases[0].body] == [("item", "Work: Read the book"), ("task", "Make a repo")]
    assert [(p.kind, p.md) for p in role.phases[1].body] == [("item", "Work: [MDN](https://a.b/m) · Notes, part 2")]
    assert [(i.group, i.text) for i in role.checklist] == [("Week 1: Git", "Make a repo")]


def test_a_cells_lines_with_a_box_are_tasks_as_a_lists_are() -> None:
    role, _ = parse_body(
        "# Plan\n\n| Week | Topic | Tasks |\n|---|---|---|\n"
        "| 1 | HTML | Intro<br>⬜ Read MDN<br>⬜ Build a page |\n"
        "| 2 | CSS | Basics |\n| 3 | JS | Basics |\n"
    )
    assert [(i.group, i.text) for i in role.checklist] == [
        ("Week 1: HTML", "Read MDN"),
        ("Week 1: HTML", "Build a page"),
    ]
