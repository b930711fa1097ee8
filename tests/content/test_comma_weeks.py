"""Weeks listed with commas after a span's word ('Weeks 8, 9, 10 - Project work') are the weeks from the first to
the last, where each is one more than the one before, as 'Weeks 3/4/5' are."""

from __future__ import annotations

import pytest

from bot.content.phases import read_phase_heading
from tests.content.helpers import finishes_in_a_minute, parse_body


@pytest.mark.parametrize(
    ("heading", "weeks", "title"),
    [
        ("Weeks 8, 9, 10 - Project work", (8, 10), "Project work"),
        ("Weeks 8, 9 and 10: Project work", (8, 10), "Project work"),
        ("Weeks 8, 9, & 10 — Project work", (8, 10), "Project work"),
        ("Phase 4: Projects (Weeks 8, 9, 10)", (8, 10), "Projects"),
        ("Semanas 3, 4: Proyecto", (3, 4), "Proyecto"),
    ],
)
def test_weeks_in_a_row_listed_with_commas_are_those_weeks(heading, weeks, title):
    found = read_phase_heading(heading)
    assert found is not None
    assert ((found.first, found.last), found.title) == (weeks, title)


def test_numbers_after_a_comma_that_do_not_go_on_from_the_week_are_no_weeks():
    assert read_phase_heading("Week 3, 2024: Kickoff")[1:3] == (3, 3)
    assert read_phase_heading("Week 3, 5: Review")[1:3] == (3, 3)


def test_a_course_plan_whose_last_weeks_are_listed_with_commas_reads_to_its_last_week():
    role, problems = parse_body(
        "# teaching plan\n\n## Week 1 - The basics\n\nThe DOM.\n\n## Week 2 - Python\n\nFile formats.\n\n"
        "## Weeks 3, 4, 5 - Project work\n\nCome with questions.\n"
    )
    assert [(p.title, (p.first_week, p.last_week)) for p in role.phases] == [
        ("The basics", (1, 1)),
        ("Python", (2, 2)),
        ("Project work", (3, 5)),
    ]
    assert [p for p in problems if p.severity == "error"] == []


def test_a_long_run_of_commas_and_blanks_after_a_span_is_read_in_time():
    script = (
        "from bot.content.phases import read_phase_heading\n"
        "read_phase_heading('Week 1' + ', 2' * 30_000 + 'x')\n"
        "read_phase_heading('Week 1, 2' + ' ' * 100_000 + 'x')\n"
        "read_phase_heading('Week 1, 2' + ' ' * 100_000 + ',' + ' ' * 100_000 + 'x')\n"
    )
    finishes_in_a_minute(script, "a span followed by 30,000 listed numbers")


@pytest.mark.parametrize(
    ("heading", "weeks", "title"),
    [
        ("Week 1, 2 hours a day: Basics", (1, 1), "2 hours a day: Basics"),
        ("Week 7, 8 exercises", (7, 7), "8 exercises"),
        ("Phase 2: Backend (Week 5, 6 hrs a week)", (5, 5), "Backend"),
    ],
)
def test_a_number_that_counts_something_after_the_comma_is_no_week(heading, weeks, title):
    found = read_phase_heading(heading)
    assert found is not None
    assert (found.first, found.last) == weeks
    assert title in found.title


def test_a_plan_whose_first_week_says_its_daily_hours_after_a_comma_loads():
    role, problems = parse_body(
        "# Plan\n\n## Week 1, 2 hours a day: Basics\n\n- Variables\n\n## Week 2: Loops\n\n- For\n\n"
        "## Week 3: Functions\n\n- Def\n"
    )
    assert [p for p in problems if p.severity == "error"] == []
    assert [(p.first_week, p.last_week) for p in role.phases] == [(1, 1), (2, 2), (3, 3)]
