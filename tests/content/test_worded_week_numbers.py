"""A week or month numbered by a word of its own language ('Week One', 'Semana dos', 'Woche drei') is that week, as
'Week 1' is."""

from __future__ import annotations

import pytest

from bot.content.phases import read_phase_heading
from tests.content.helpers import finishes_in_a_minute, parse_body, phase_spans


@pytest.mark.parametrize(
    ("heading", "weeks", "title"),
    [
        ("Week One:  Getting Started with Spark", (1, 1), "Getting Started with Spark"),
        ("Week Twelve — Capstone", (12, 12), "Capstone"),
        ("Semana dos: Bases de datos", (2, 2), "Bases de datos"),
        ("Semana três: APIs", (3, 3), "APIs"),
        ("Woche vier: Docker", (4, 4), "Docker"),
        ("Semaine cinq : Tests", (5, 5), "Tests"),
        ("Settimana sei: Deploy", (6, 6), "Deploy"),
        ("Month Two: Back End", (5, 8), "Back End"),
        ("Week Zero: Setup", (0, 0), "Setup"),
    ],
)
def test_a_week_numbered_by_a_word_is_that_week(heading, weeks, title):
    found = read_phase_heading(heading)
    assert found is not None
    assert ((found.first, found.last), found.title) == (weeks, title)


def test_a_word_of_another_language_or_no_number_is_no_week_number():
    assert read_phase_heading("Week once: a recap") is None  # English 'once' is no Spanish eleven here
    assert read_phase_heading("Semana dos, concretamente") is None  # a sentence's number, no title after a mark


def test_a_syllabus_of_worded_weeks_is_its_weeks():
    role, problems = parse_body(
        "# MLOps\n\n## Week by Week Schedule\n\n### Week One:  Getting Started\n\n* Topic: Spark\n\n"
        "### Week Two:  Pipelines\n\n* Topic: CI\n\n### Week Three: Serving\n\n* Topic: APIs\n"
    )
    assert [(p.number, p.title, p.first_week) for p in role.phases] == [
        (1, "Getting Started", 1),
        (2, "Pipelines", 2),
        (3, "Serving", 3),
    ]
    assert [p for p in problems if p.severity == "error"] == []


def test_a_long_heading_of_week_words_is_read_in_time():
    script = (
        "from bot.content.phases import read_phase_heading\n"
        "read_phase_heading('Week ' + ' ' * 100_000 + 'one')\n"
        "read_phase_heading('Week one ' * 20_000)\n"
    )
    finishes_in_a_minute(script, "a heading of 20,000 worded weeks")


def test_worded_weeks_in_a_range_and_a_week_named_only_by_its_word():
    assert read_phase_heading("Semana uno y semana dos: Git")[1:4] == (1, 2, "Git")
    assert read_phase_heading("Weeks One to Three — Basics")[1:4] == (1, 3, "Basics")
    assert read_phase_heading("Semana dos y tareas")[1:4] == (2, 2, "y tareas")  # 'tareas' is no number
    role, _ = parse_body("# Bitácora\n## Semana Uno\n- Instalamos Git\n## Semana Dos\n- Ramas y merge\n")
    assert [(p.title, p.first_week) for p in role.phases] == [("Semana Uno", 1), ("Semana Dos", 2)]


def test_an_untitled_month_in_words_or_roman_numerals_is_named_by_its_span_as_written() -> None:
    for written in (("Month One", "Month Two"), ("Month I", "Month II"), ("Month 1", "Month 2")):
        role, _ = parse_body(f"## {written[0]}\n\n- Python\n\n## {written[1]}\n\n- SQL\n")
        assert phase_spans(role) == [(1, written[0], (1, 4)), (2, written[1], (5, 8))]
