"""Phase headings that give the dates they run in brackets instead of weeks ('## Phase 1 (Jan 8 - Jan 14)'): the
dates are the phase's weeks, counted as dated headings count them, and no title; brackets of other words keep the
reading they had."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.__main__ import main
from tests.content.helpers import ROADMAPS, parse_body, parse_messages, phase_spans, roadmap, role_file

ISSUE = """
# C

## Phase 1 (Jan 8 - Jan 14)
- [ ] Learn tags

## Phase 2 (Jan 15 - Jan 21)
- [ ] Flexbox
"""


def plan(*headings: str) -> str:
    """Return a body of these phase headings, a task under each."""
    return "# Plan\n\n" + "".join(f"{h}\n- [ ] Task {n}\n\n" for n, h in enumerate(headings, 1))


def test_phases_of_a_week_of_dates_each_take_a_week_and_are_named_by_it():
    role, messages = parse_messages(ISSUE)
    assert phase_spans(role) == [(1, "Week 1 (Jan 8 - Jan 14)", (1, 1)), (2, "Week 2 (Jan 15 - Jan 21)", (2, 2))]
    assert not [m for m in messages if "no weeks" in m]
    assert [(c.text, c.phase) for c in role.checklist] == [("Learn tags", 1), ("Flexbox", 2)]


def test_content_check_says_nothing_of_planned_weeks(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.delenv("WAYMARK_CONTENT_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.md").write_text(role_file("c", "C path", ISSUE), encoding="utf-8")
    code = main(["content", "check", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0
    assert out.strip() == f"{tmp_path}: 1 role loaded, 0 errors, 0 warnings"


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        (
            ["## Phase 1 (Jan 8 – Feb 4): Basics", "## Phase 2 (Feb 5 – Feb 18): Layout"],
            [(1, "Basics (Jan 8 – Feb 4)", (1, 4)), (2, "Layout (Feb 5 – Feb 18)", (5, 6))],
        ),
        (
            ["## Phase 1: Basics (8 Jan – 4 Feb)", "## Phase 2: Layout (5 Feb – 18 Feb)"],
            [(1, "Basics (8 Jan – 4 Feb)", (1, 4)), (2, "Layout (5 Feb – 18 Feb)", (5, 6))],
        ),
        (
            ["## Phase 1 (2025-01-08 → 2025-01-21)", "## Phase 2 (2025-01-22 → 2025-02-04)"],
            [(1, "Weeks 1-2 (2025-01-08 → 2025-01-21)", (1, 2)), (2, "Weeks 3-4 (2025-01-22 → 2025-02-04)", (3, 4))],
        ),
        # a year on the dates, and square brackets
        (
            ["### Phase 1 — Setup [Jan 8, 2025 – Jan 14, 2025]", "### Phase 2 — Tools [Jan 15, 2025 – Jan 28, 2025]"],
            [(1, "Setup (Jan 8, 2025 – Jan 14, 2025)", (1, 1)), (2, "Tools (Jan 15, 2025 – Jan 28, 2025)", (2, 3))],
        ),
        # across a year end: January after December is the next year's
        (
            ["## Phase 1 (Dec 20 – Jan 9): Basics", "## Phase 2 (Jan 10 – Jan 23): Layout"],
            [(1, "Basics (Dec 20 – Jan 9)", (1, 3)), (2, "Layout (Jan 10 – Jan 23)", (4, 5))],
        ),
        # ten days touch two weeks; the next range starts in the week after
        (
            ["## Stage 1 (Jan 8 - Jan 17)", "## Stage 2 (Jan 18 - Jan 24)"],
            [(1, "Weeks 1-2 (Jan 8 - Jan 17)", (1, 2)), (2, "Week 3 (Jan 18 - Jan 24)", (3, 3))],
        ),
    ],
)
def test_dates_in_a_phase_headings_brackets_are_its_weeks(headings, expected):
    role, messages = parse_messages(plan(*headings))
    assert phase_spans(role) == expected
    assert not [m for m in messages if "no weeks" in m]


@pytest.mark.parametrize(
    ("headings", "weeks"),
    [
        # dates without a year are in a common year: February has 28 days, so Feb 5 – Mar 4 is four weeks
        (
            ["## Phase 1 (Jan 8 – Feb 4)", "## Phase 2 (Feb 5 – Mar 4)", "## Phase 3 (Mar 5 – Mar 18)"],
            [(1, 4), (5, 8), (9, 10)],
        ),
        (["## Jan 8 – Feb 4: Basics", "## Feb 5 – Mar 4: More", "## Mar 5 – Mar 18: Ship"], [(1, 4), (5, 8), (9, 10)]),
        # a 'Feb 29' is a date, in a leap year
        (["## Phase 1 (Feb 2 – Feb 29)", "## Phase 2 (Mar 1 – Mar 14)"], [(1, 4), (5, 6)]),
        # ... also in the year after a December
        (["## Phase 1 (Dec 4 – Dec 31)", "## Phase 2 (Jan 1 – Feb 29)"], [(1, 4), (5, 13)]),
    ],
)
def test_dates_without_a_year_count_february_as_most_years_have_it(headings, weeks):
    role, _ = parse_messages(plan(*headings))
    assert [p.weeks for p in role.phases] == weeks
    assert not [p for p in role.phases if p.planned]


def test_sprints_that_give_only_their_dates_are_dated_too():
    role, messages = parse_messages(plan("## Sprint 1 (Feb 17 – Feb 28)", "## Sprint 2 (Mar 3 – Mar 14)"))
    assert [(p.number, p.weeks) for p in role.phases] == [(1, (1, 2)), (2, (3, 4))]
    assert not [m for m in messages if "no weeks" in m]


def test_a_gap_between_the_dates_is_a_gap_in_the_weeks():
    role, messages = parse_messages(plan("## Phase 1 (Jan 6 - Jan 19)", "## Phase 2 (Feb 3 - Feb 16)"))
    assert [p.weeks for p in role.phases] == [(1, 2), (5, 6)]
    assert "weeks 3-4 belong to no phase (between Phase 1 and Phase 2); add a phase for weeks 3-4" in messages


def test_a_phase_without_dates_after_dated_ones_is_planned_after_them():
    role, messages = parse_messages(
        plan("## Phase 1 (Jan 6 - Jan 19)", "## Phase 2 (Jan 20 - Feb 2)", "## Phase 3: Capstone")
    )
    assert phase_spans(role) == [
        (1, "Weeks 1-2 (Jan 6 - Jan 19)", (1, 2)),
        (2, "Weeks 3-4 (Jan 20 - Feb 2)", (3, 4)),
        (3, "Capstone", (5, 8)),
    ]
    assert any("Phase 3 weeks 5-8" in m for m in messages)


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        # another phase gives its weeks: the dates, counted from week 1, would overlap them
        (
            ["## Phase 1: Basics (Weeks 1-4)", "## Phase 2: More (Feb 5 – Mar 4)", "## Phase 3: Ship (Mar 5 – Apr 1)"],
            [(1, "Basics", (1, 4)), (2, "More (Feb 5 – Mar 4)", (5, 8)), (3, "Ship (Mar 5 – Apr 1)", (9, 12))],
        ),
        # an undated phase before the dated ones: the dates take the weeks it would be planned in
        (
            ["## Phase 1: Orientation", "## Phase 2: More (Feb 5 – Mar 4)", "## Phase 3: Ship (Mar 5 – Apr 1)"],
            [(1, "Orientation", (1, 11)), (2, "More (Feb 5 – Mar 4)", (12, 22)), (3, "Ship (Mar 5 – Apr 1)", (23, 33))],
        ),
        # an undated phase between dated ones whose weeks follow on: no week is free for it
        (
            ["## Phase 1 (Jan 8 – Jan 21)", "## Phase 2: Review", "## Phase 3 (Jan 22 – Feb 4)"],
            [(1, "(Jan 8 – Jan 21)", (1, 11)), (2, "Review", (12, 22)), (3, "(Jan 22 – Feb 4)", (23, 33))],
        ),
    ],
)
def test_dated_phases_beside_phases_that_say_or_need_weeks_before_them_are_planned(headings, expected):
    role, problems = parse_body(plan(*headings))
    assert not [p.message for p in problems if p.severity == "error"]
    assert phase_spans(role) == expected
    assert all(p.planned for p in role.phases if "(" in p.title)


@pytest.mark.parametrize(
    ("headings", "titles"),
    [
        # words, not dates: the phase's title
        (["## Phase 1 (Beginner)", "## Phase 2 (Intermediate)"], ["Beginner", "Intermediate"]),
        # months without days: no dates to count days between (a note of the calendar alone stays a note)
        (["## Phase 1 (Jan–Mar hiring season)", "## Phase 2 (Apr–Jun)"], ["Jan–Mar hiring season", "(Apr–Jun)"]),
        # more than dates in the brackets
        (
            ["## Phase 1 (Jan 8 – Feb 4, evenings)", "## Phase 2 (Feb 5 – Feb 18, evenings)"],
            ["Jan 8 – Feb 4, evenings", "Feb 5 – Feb 18, evenings"],
        ),
        # one dated phase is no calendar
        (["## Phase 1 (Jan 8 - Jan 14)", "## Phase 2: Layout"], ["(Jan 8 - Jan 14)", "Layout"]),
        # dates that go back are no plan in calendar order
        (
            ["## Phase 1 (2025-03-03 – 2025-03-09)", "## Phase 2 (2025-01-06 – 2025-01-12)"],
            ["(2025-03-03 – 2025-03-09)", "(2025-01-06 – 2025-01-12)"],
        ),
    ],
)
def test_brackets_that_are_no_dates_of_a_plan_keep_their_reading(headings, titles):
    role, messages = parse_messages(plan(*headings))
    assert [p.title for p in role.phases] == titles
    assert all(p.planned for p in role.phases if p.title != "Layout")
    assert any("no weeks; planned" in m for m in messages)


def test_a_phase_that_gives_weeks_keeps_them_and_its_dates_in_its_title():
    role, _ = parse_messages(plan("## Phase 1: Basics (Weeks 1-3) (Jan 8 - Jan 14)", "## Phase 2: More (Weeks 4-5)"))
    assert phase_spans(role) == [(1, "Basics (Jan 8 - Jan 14)", (1, 3)), (2, "More", (4, 5))]


def test_repeated_tasks_keep_the_ids_they_had_before_the_dates_were_read():
    check_in = "### Check-in\n- [ ] Post an update\n\n"
    dated = f"## Phase 1 (Jan 8 - Jan 14)\n{check_in}## Phase 2 (Jan 15 - Jan 21)\n{check_in}"
    # the same first heading, read as it was before, where it is the one dated phase of its file
    undated = f"## Phase 1 (Jan 8 - Jan 14)\n{check_in}## Phase 2: More\n{check_in}"
    read, _ = parse_body(dated)
    before, _ = parse_body(undated)
    assert read.phases[0].title == "Week 1 (Jan 8 - Jan 14)"
    assert before.phases[0].title == "(Jan 8 - Jan 14)"
    assert read.checklist[0].id == before.checklist[0].id


def test_the_fixture_of_a_study_group_reads_its_dated_phases():
    role = roadmap("bracketed-phase-dates")
    assert phase_spans(role) == [
        (1, "HTML & CSS Foundations (Jan 8 – Jan 21)", (1, 2)),
        (2, "JavaScript Essentials (22 Jan – 18 Feb)", (3, 6)),
        (3, "Weeks 7-8 (Feb 19 - Mar 4)", (7, 8)),
        # spring break (the week of March 5) is week 9
        (4, "React (2025-03-12 → 2025-04-08)", (10, 13)),
        (5, "Demo Project (Apr 9 – Apr 22)", (14, 15)),
    ]
    assert not [p for p in role.phases if "(" in p.title[:1]]


def test_content_check_on_the_fixture_warns_of_the_spring_break_only(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.delenv("WAYMARK_CONTENT_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    shutil.copy(ROADMAPS / "bracketed-phase-dates.md", tmp_path)
    code = main(["content", "check", str(tmp_path)])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out == [
        "bracketed-phase-dates.md:55: warning: week 9 belongs to no phase (between Phase 3 and Phase 4); add a phase for week 9",
        f"{tmp_path}: 1 role loaded, 0 errors, 1 warning",
    ]
