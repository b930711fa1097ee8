"""A course table whose bold rows name units ('| **Unit 1: Knife Skills** | | |') over the rows of their lectures
groups the lectures under them: each unit is a part of the section, with its lectures as its topics, as a bold label
over a list is; the unit is no lecture of its own. What follows the table is the section's again."""

from __future__ import annotations

from tests.content.helpers import errors, parse_body

COURSE = """
# Cooking 101

## Schedule

| Lecture | Topic | Reading |
|---|---|---|
| **Unit 1: Knife Skills** | | |
| 1 | Holding a knife | ch. 1 |
| 2 | Dicing onions | ch. 2 |
| **Unit 2: Heat** | | |
| 3 | Searing | ch. 3 |
| 4 | Braising | ch. 4 |

- [ ] Cook a three-course dinner
"""


def test_bold_unit_rows_group_the_lectures_under_them() -> None:
    role, problems = parse_body(COURSE)
    assert errors(problems) == []
    parts = [(s.title, s.path[-1]) for s in role.sections if s.kind in ("subsection", "topic")]
    assert parts == [
        ("Unit 1: Knife Skills", "Unit 1: Knife Skills"),
        ("Holding a knife", "Unit 1: Knife Skills"),
        ("Dicing onions", "Unit 1: Knife Skills"),
        ("Unit 2: Heat", "Unit 2: Heat"),
        ("Searing", "Unit 2: Heat"),
        ("Braising", "Unit 2: Heat"),
    ]
    (unit,) = [s for s in role.sections if s.title == "Unit 1: Knife Skills"]
    assert unit.kind == "subsection" and "Dicing onions — Lecture: 2 · Reading: ch. 2" in unit.text
    (schedule,) = [s for s in role.sections if s.title == "Schedule"]
    assert schedule.text.startswith("**Unit 1: Knife Skills**\n- Holding a knife")
    # the task after the table is the section's, as it was
    assert [(i.text, i.group) for i in role.checklist] == [("Cook a three-course dinner", "Schedule")]


def test_a_table_of_one_bold_row_stays_rows() -> None:
    body = "# T\n\n## Books\n\n| Title | Year |\n|---|---|\n| **Recommended** | |\n| Salt | 2017 |\n| Fat | 2018 |\n"
    role, _ = parse_body(body)
    assert "Recommended" in [s.title for s in role.sections if s.kind == "topic"]
