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
