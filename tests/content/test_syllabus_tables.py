"""Tables of weeks as course syllabi write them: a column of dates before the topic, and a row of no week (a spring
break) between numbered ones."""

from __future__ import annotations

import pytest

from bot.content.answers import answer
from bot.content.loader import build_index
from bot.handlers.learning import phase_body
from tests.content.helpers import parse_messages, phase_spans

parse = parse_messages
phases = phase_spans


SYLLABUS = """
# CS 142

## Schedule

| Week | Dates | Topic | Reading |
|:----:|-------|-------|---------|
| 1 | Jan 12–16 | Course intro | [MDN](https://developer.mozilla.org/) |
| 2 | Jan 19–23 | HTML | EJ Ch. 13 |
| 3 | Mar 2–6 | **Midterm** (Wed, in class) | review slides |
| {mark} | Mar 9–13 | *Spring break — no class* | |
| 4 | Mar 16–20 | Async JS | EJ Ch. 11 |
| 5 | Mar 30–Apr 3 | Node.js & Express | — |

## Grading
- Midterm: 20%
"""


@pytest.mark.parametrize("mark", ["—", "", "Break", "-"])
def test_a_row_of_no_week_between_numbered_rows_is_part_of_the_week_before_it(mark):
    role, problems = parse(SYLLABUS.format(mark=mark))
    assert phases(role) == [
        (1, "Course intro", (1, 1)),
        (2, "HTML", (2, 2)),
        (3, "Midterm (Wed, in class)", (3, 3)),
        (4, "Async JS", (4, 4)),
        (5, "Node.js & Express", (5, 5)),
    ]
    assert not [m for m in problems if "no phases found" in m]
    # the week's work, then its dates; the break is a row of the week before it, titled by its words
    assert phase_body(role.phases[2]).splitlines() == [
        "- Reading: review slides",
        "- Dates: Mar 2–6",
        "- *Spring break — no class* — " + ("Week: Break · " if mark == "Break" else "") + "Dates: Mar 9–13",
    ]
    assert "Spring break" not in phase_body(role.phases[3])
    # the section after the table is no part of the last phase
    assert [s.phase for s in role.sections if s.title == "Grading"] == [None]


def test_a_week_question_on_a_syllabus_answers_with_its_row():
    role, _ = parse(SYLLABUS.format(mark="—"))
    found = answer(build_index([role], []).search, "week 4", role=role.name)
    assert found.problem == ""
    assert found.note == "Week 4 of Test Role is in Phase 4: Async JS (week 4)."


@pytest.mark.parametrize(
    ("header", "rows", "titles"),
    [
        # a column of titles, in the languages the engine knows, over the first column of words
        ("| Week | Module | Topic |", ["| 1 | Web | HTML |", "| 2 | Web | CSS |"], ["HTML", "CSS"]),
        ("| Woche | Modul | Thema |", ["| 1 | Web | HTML |", "| 2 | Web | CSS |"], ["HTML", "CSS"]),
        ("| Semana | Módulo | Tema |", ["| 1 | Web | HTML |", "| 2 | Web | CSS |"], ["HTML", "CSS"]),
        # without one, the first cell with words that is no date
        ("| Week | When | Focus |", ["| 1 | Jan 6 – Jan 10 | HTML |", "| 2 | 2025-01-13 | CSS |"], ["HTML", "CSS"]),
        # a table of phases is titled by its phases' names, not the topics listed beside them
        (
            "| Phase | Weeks | Topic |",
            ["| 1. Basics | 1-2 | HTML |", "| 2. Styling | 3-4 | CSS |"],
            ["Basics", "Styling"],
        ),
    ],
)
def test_a_row_of_a_table_plan_is_titled_by_its_topic(header, rows, titles):
    role, _ = parse("# Plan\n\n" + "\n".join([header, "|---|---|---|", *rows]) + "\n")
    assert [p.title for p in role.phases] == titles


@pytest.mark.parametrize(
    "rows",
    [
        # a row of no week before the first week
        ["| — | Orientation |", "| 1 | HTML |", "| 2 | CSS |"],
        # one numbered row
        ["| 1 | HTML |", "| — | Break |"],
    ],
)
def test_a_table_with_too_few_numbered_rows_stays_a_table(rows):
    role, _ = parse("# Plan\n\n" + "\n".join(["| Week | Topic |", "|---|---|", *rows]) + "\n")
    assert role.phases == ()


def test_a_table_row_is_titled_by_its_first_cell_with_words_that_is_no_date():
    body = "# Plan\n\n## Phase 1: Basics (Weeks 1-2)\n\n| Date | Event |\n|---|---|\n| Jan 12 | Kickoff |\n"
    role, _ = parse(body)
    assert [t.title for t in role.phases[0].topics] == ["Kickoff"]
