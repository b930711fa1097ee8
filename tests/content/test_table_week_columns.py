"""Tables that are plans, whatever their column of weeks is headed or however its cells write a week: a table of
phases whose week column is headed 'Timeline' or '周期', or whose cells say '第 1-4 周'; a week 0 or day 0 of setup
before the plan; weeks written 'W1' or 'S1'."""

from __future__ import annotations

import pytest

from bot.content.search import SearchIndex
from bot.handlers.learning import phase_body
from tests.content.helpers import parse_messages

SELF_PACED = "no phases found"


def _weeks(body: str) -> tuple[list[tuple[int, tuple[int, int]]], list[str]]:
    """Return each phase's number and weeks of a role file of `body`, and its problems' messages."""
    role, problems = parse_messages(body)
    return [(p.number, p.weeks) for p in role.phases], problems


PHASE_TABLE = """
# Plan

| {phase} | {weeks} | Goal |
|---|---|---|
| **Phase 1** | {one} | Python and tooling |
| **Phase 2** | {two} | Shipping agents |
| **Phase 3** | {three} | Evaluation |
"""


@pytest.mark.parametrize(
    ("phase", "weeks", "cells"),
    [
        # a header that is no week word, over cells that name their weeks
        ("阶段", "周期", ("第 1-4 周", "第 5-8 周", "第 9-12 周")),
        ("Stage", "Timeline", ("Weeks 1-4", "Weeks 5-8", "Weeks 9-12")),
        ("Phase", "Duration", ("Weeks 1–4", "Weeks 5–8", "Weeks 9–12")),
        # a week header over cells in another language the engine reads
        ("Phase", "Weeks", ("第 1-4 周", "第 5-8 周", "第 9-12 周")),
        ("Phase", "Semanas", ("Semanas 1-4", "Semanas 5-8", "Semanas 9-12")),
    ],
)
def test_a_column_whose_cells_all_name_weeks_is_the_plans_weeks_whatever_its_header(phase, weeks, cells):
    one, two, three = cells
    found, problems = _weeks(PHASE_TABLE.format(phase=phase, weeks=weeks, one=one, two=two, three=three))
    assert found == [(1, (1, 4)), (2, (5, 8)), (3, (9, 12))]
    assert not [m for m in problems if SELF_PACED in m]


@pytest.mark.parametrize(
    "row",
    [
        "| **Phase 0** | 第 0 周 | Setup |",
        "| **Phase 0** | Week 0 | Setup |",
    ],
)
def test_a_phase_0_row_of_setup_starts_the_plan_as_a_week_0_heading_does(row):
    body = PHASE_TABLE.format(phase="阶段", weeks="周期", one="第 1-4 周", two="第 5-8 周", three="第 9-12 周")
    body = body.replace("|---|---|---|\n", f"|---|---|---|\n{row}\n")
    role, problems = parse_messages(body)
    # week 0 is the plan's first week, the others after it
    assert [(p.number, p.weeks) for p in role.phases] == [(0, (1, 1)), (1, (2, 5)), (2, (6, 9)), (3, (10, 13))]
    assert "Setup" in phase_body(role.phases[0]) or role.phases[0].title == "Setup"
    assert not [m for m in problems if SELF_PACED in m or "out of order" in m]


def test_a_phase_0_row_under_a_weeks_header_starts_the_plan():
    body = PHASE_TABLE.format(phase="Phase", weeks="Weeks", one="1-4", two="5-8", three="9-12")
    body = body.replace("|---|---|---|\n", "|---|---|---|\n| **Phase 0** | 0 | Setup |\n")
    found, problems = _weeks(body)
    assert found == [(0, (1, 1)), (1, (2, 5)), (2, (6, 9)), (3, (10, 13))]
    assert not [m for m in problems if SELF_PACED in m]


@pytest.mark.parametrize(
    "table",
    [
        # weeks that go back: a table about weeks, not a plan
        "| Topic | When |\n|---|---|\n| SQL | Week 3 |\n| Git | Week 1 |\n",
        # a table of phases whose weeks leave a gap is lengths or notes, not a plan
        "| Phase | Timeline | Goal |\n|---|---|---|\n| 1 | Weeks 1-4 | A |\n| 2 | Weeks 7-8 | B |\n",
        # quarters may number questions ('Q1'): no plan
        "| # | Question |\n|---|---|\n| Q1 | What is SQL? |\n| Q2 | What is a join? |\n",
        # a week 0 after week 1 is no setup
        "| Topic | When |\n|---|---|\n| SQL | Week 1 |\n| Setup | Week 0 |\n",
    ],
)
def test_a_column_of_weeks_that_is_no_plan_stays_a_table(table):
    found, problems = _weeks(f"# Plan\n\n{table}")
    assert found == []
    assert [m for m in problems if SELF_PACED in m]


DAY_TABLE = """
# 30 days of web

| # Day | Topics |
| ----- | :----: |
| 00 | [Welcome](#welcome)<br> [Install](#install) |
| 01 | [HTML Basics](https://example.com/01) |
| 02 | [CSS Basics](https://example.com/02) |
| 03 | [Flexbox](https://example.com/03) |
| 08 | [Hooks](https://example.com/08) |

## Welcome
Read this first.

## Install
Install node.
"""


def test_a_day_table_opening_with_a_day_0_of_setup_is_a_plan():
    role, problems = parse_messages(DAY_TABLE)
    assert [(p.number, p.weeks) for p in role.phases] == [(0, (1, 1)), (1, (2, 2)), (2, (3, 3))]
    # the day 0 row's lines are its topics, parted as a week's days are
    assert [p.title for p in role.phases] == ["Welcome · Install", "HTML Basics · CSS Basics · Flexbox", "Hooks"]
    assert not [m for m in problems if SELF_PACED in m]
    # a day's search title is its day and topic, as a day table's without day 0 are
    titles = [hit.section.title for hit in SearchIndex([role]).search("hooks", limit=3)]
    assert "Day 8: Hooks" in titles


def test_a_day_0_alone_before_one_day_stays_a_table():
    body = "# Plan\n\n| Day | Topic |\n|---|---|\n| 0 | Setup |\n| 1 | HTML |\n"
    found, _ = _weeks(body)
    assert found == []


WEEK_TABLE = """
# Verification

| {header} | Topic |
|---|---|
| {a} | OOP |
| {b} | Constrained random |
| {c} | Coverage |
"""


@pytest.mark.parametrize(
    ("header", "cells", "title"),
    [
        ("Week", ("W1", "W2", "W3"), "Week 3: Coverage"),
        ("Week", ("Wk 1", "Wk 2", "Wk 3"), "Wk 3: Coverage"),
        ("Week", ("Week 1", "Week 2", "Week 3"), "Week 3: Coverage"),
        ("Week", ("W1", "W2", "W3-W4"), "Week 3-4: Coverage"),
        ("Semana", ("S1", "S2", "S3"), "Semana 3: Coverage"),
        ("Semaine", ("S1", "S2", "S3"), "Semaine 3: Coverage"),
        ("Woche", ("W1", "W2", "W3"), "Woche 3: Coverage"),
    ],
)
def test_weeks_written_with_the_week_words_initial_are_counted(header, cells, title):
    a, b, c = cells
    role, problems = parse_messages(WEEK_TABLE.format(header=header, a=a, b=b, c=c))
    assert [(p.title, p.weeks[0]) for p in role.phases] == [("OOP", 1), ("Constrained random", 2), ("Coverage", 3)]
    assert not [m for m in problems if SELF_PACED in m]
    # the phase is found by its week, as the table's rows say it, not by 'W3'
    assert [hit.section.title for hit in SearchIndex([role]).search("coverage", limit=1)] == [title]


def test_a_letter_that_is_not_the_week_words_initial_is_no_week():
    found, problems = _weeks(WEEK_TABLE.format(header="Week", a="X1", b="X2", c="X3"))
    assert found == []
    assert [m for m in problems if SELF_PACED in m]


def test_a_week_table_inside_a_phase_counts_its_s1_rows_and_titles_them_by_their_topic():
    role, _ = parse_messages(
        """
# Plan

## Phase 1: Basics (Weeks 1-2)

| Semana | Tema | Lectura |
|---|---|---|
| S1 | HTML | MDN |
| S2 | CSS | web.dev |

## Phase 2: More (Weeks 3-4)
- JS
"""
    )
    assert phase_body(role.phases[0]).splitlines() == [
        "- HTML — Lectura: MDN — Semana: S1",
        "- CSS — Lectura: web.dev — Semana: S2",
    ]


@pytest.mark.parametrize(("header", "plan"), [("ID", False), ("#", False), ("周", True), ("Week", True)])
def test_a_column_of_w1_w2_is_weeks_only_under_a_header_of_weeks(header, plan):
    # 'W1' may be an ID (a warning's, a workshop's) as well as a week
    body = f"# Notes\n\n| {header} | Note |\n|---|---|\n| W1 | Disk full |\n| W2 | Slow query |\n| W3 | Stale cache |\n"
    found, problems = _weeks(body)
    assert found == ([(1, (1, 1)), (2, (2, 2)), (3, (3, 3))] if plan else [])
    assert bool([m for m in problems if SELF_PACED in m]) is not plan
