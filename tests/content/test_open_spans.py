"""A span left open in words after its last week ('Weeks 21-24 and beyond', 'सप्ताह 21 से 24 और आगे') is read as
one left open by a '+' is: the words are the span's, no words of the title."""

from __future__ import annotations

import pytest

from bot.content.phases import read_phase_heading
from tests.content.helpers import finishes_in_a_minute, parse_body


@pytest.mark.parametrize(
    ("heading", "weeks", "title"),
    [
        ("Weeks 21-24 and beyond: Final project", (21, 24), "Final project"),
        ("Weeks 21 to 24 and onwards — Final project", (21, 24), "Final project"),
        ("Week 21 onwards: Final project", (21, 21), "Final project"),
        ("Phase 5: Final project (Week 21 onward)", (21, 21), "Final project"),
        ("Неделя 21 и далее: Проект", (21, 21), "Проект"),
        ("सप्ताह 21 से 24 और आगे: अंतिम परियोजना", (21, 24), "अंतिम परियोजना"),
        ("Semana 21 en adelante: Proyecto final", (21, 21), "Proyecto final"),
        # a note in brackets or an emoji after the words: no words of the title go on from them
        ("Month 7 onwards (Specialization)", (25, 28), "Specialization"),
        ("Week 13 and beyond 🚀", (13, 13), "🚀"),
    ],
)
def test_a_span_left_open_in_words_keeps_its_weeks_and_a_clean_title(heading, weeks, title):
    found = read_phase_heading(heading)
    assert found is not None
    assert ((found.first, found.last), found.title) == (weeks, title)


def test_words_after_a_span_that_do_not_leave_it_open_stay_in_the_title():
    assert read_phase_heading("Week 3: Onwards and upwards").title == "Onwards and upwards"
    assert read_phase_heading("Weeks 3-4 and beyondness").title == "and beyondness"
    # the words go on as the title's own: no mark ends the span there
    assert read_phase_heading("Week 6 and beyond the basics").title == "and beyond the basics"
    assert read_phase_heading("Week 3 and after that, review").title == "and after that, review"


def test_a_plan_whose_last_part_runs_on_is_read_to_its_last_week():
    role, problems = parse_body(
        "## Weeks 1-6: Course one\n\nWatch a lecture a week.\n\n## Weeks 7-14: Course two\n\nRead the chapters.\n\n"
        "## Weeks 15-16 and beyond: Final project\n\nStart with two roles.\n"
    )
    assert [(p.title, (p.first_week, p.last_week)) for p in role.phases] == [
        ("Course one", (1, 6)),
        ("Course two", (7, 14)),
        ("Final project", (15, 16)),
    ]
    assert [p for p in problems if p.severity == "error"] == []


def test_a_long_run_of_blanks_after_a_span_is_read_in_time():
    script = (
        "from bot.content.phases import read_phase_heading\n"
        "read_phase_heading('Week 1' + ' ' * 100_000 + 'and')\n"
        "read_phase_heading('Week 1 and ' * 20_000)\n"
        "read_phase_heading('Week 1 onwards' + ' ' * 100_000 + 'x')\n"
        "read_phase_heading('Week 1 onwards ' * 20_000)\n"
    )
    finishes_in_a_minute(script, "a heading of a span and 100,000 blanks")
