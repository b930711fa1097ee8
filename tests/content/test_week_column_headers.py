"""A week table's week column headed as handbooks and trackers head it ('| Teaching week |', '| Week # |', '| Week
no. |', '| Wk. |'): its rows are the plan's weekly phases, as under '| Week |'. Columns that only look like it
('| Weekly hours |', '| Week day |', a '| # |' of row numbers) are no plan."""

from __future__ import annotations

import pytest

from bot.domain.today import week_slice
from tests.content.helpers import parse_body, parse_messages, phase_spans, roadmap

TABLE = """
# Plan

| {header} | Topic | Lab |
|---|---|---|
| 1 | Git basics | Install git |
| 2 | Branching | Merge conflicts |
| 3 | Testing | pytest kata |
"""

WEEKLY = [(1, "Git basics", (1, 1)), (2, "Branching", (2, 2)), (3, "Testing", (3, 3))]


@pytest.mark.parametrize(
    "header",
    [
        "Week",
        "Teaching week",
        "Study week",
        "Week #",
        "Week No.",
        "Week no",
        "Week number",
        "Week Nr",
        "Wk.",
        "Weeks",
        "Week(s)",
        "# Week",
        "Woche Nr.",
        "Lehrwoche",
        "Semana nº",
        "N° semaine",
        "Settimana n.",
    ],
)
def test_a_week_column_headed_as_handbooks_head_it_makes_a_weekly_plan(header: str) -> None:
    role, messages = parse_messages(TABLE.format(header=header))
    assert phase_spans(role) == WEEKLY
    assert not any("no phases found" in m for m in messages)


def test_a_month_column_with_a_number_sign_makes_a_monthly_plan() -> None:
    role, _ = parse_messages(TABLE.format(header="Month #"))
    assert phase_spans(role) == [(1, "Git basics", (1, 4)), (2, "Branching", (5, 8)), (3, "Testing", (9, 12))]


@pytest.mark.parametrize("header", ["Weekly hours", "Week day", "Weekday", "#", "No.", "Calendar week", "KW"])
def test_a_column_that_only_looks_like_weeks_makes_no_plan(header: str) -> None:
    role, messages = parse_messages(TABLE.format(header=header))
    assert role.phases == ()
    assert any("no phases found" in m for m in messages)


def test_a_week_table_inside_a_phase_gives_each_week_its_row_under_any_week_header() -> None:
    role, _ = parse_messages(
        "## Phase 1: Version control (Weeks 1-2)\n\n"
        "| Teaching week | Topic |\n|---|---|\n| 1 | Commits and history |\n| 2 | Branches and merges |\n"
    )
    phase = role.phases[0]
    shown = [[unit.pieces[0].md for unit in week_slice(phase, 2, week).units] for week in (1, 2)]
    assert shown == [["Commits and history"], ["Branches and merges"]]


def test_a_module_handbooks_teaching_weeks_are_its_phases() -> None:
    role = roadmap("module-handbook-teaching-weeks")
    assert phase_spans(role)[5:] == [
        (6, "Consolidation week — no lecture", (6, 6)),
        (7, "Normal forms", (7, 7)),
        (8, "Indexes and query plans", (8, 8)),
        (9, "Transactions and isolation", (9, 10)),
        (10, "Beyond one server: replication", (11, 11)),
    ]
    # its tables of hours and of assessment stay tables of its sections
    assert [p.title for p in role.phases].count("Lectures") == 0
    assert [i.group for i in role.checklist] == ["Before week 1"] * 3


def test_a_week_table_right_after_another_table_is_still_the_plan() -> None:
    # a table of tools, a blank line, then the table of weeks: two tables, the second the plan
    body = (
        "# Plan\n\n| Tool | Why |\n|---|---|\n| An editor | to write |\n| Version control | to keep history |\n\n"
        "| Week | Topic |\n|---|---|\n| 1 | Markup |\n| 2 | Styles |\n| 3 | Scripts |\n"
    )
    role, _ = parse_body(body)
    assert [(p.title, p.weeks) for p in role.phases] == [("Markup", (1, 1)), ("Styles", (2, 2)), ("Scripts", (3, 3))]
