"""A log of days headed by their dates ('### Day 1: March 3, 2025', as #100DaysOfCode logs write them) is a plan of
a phase per week whose titles are no list of dates: a date says when a day was, not what it was about, so a week of
dated days is titled by its days alone ('Days 1-7'); days with topics keep them."""

from __future__ import annotations

from tests.content.helpers import parse_messages, phase_spans


def log(days: int) -> str:
    body = "# 100 Days of Pottery - Log\n\n"
    for d in range(1, days + 1):
        body += f"### Day {d}: March {d + 2}, 2025\n\n**Today's progress**: threw pot {d}\n\n**Thoughts:** fine\n\n"
    return body


def test_a_week_of_dated_days_is_titled_by_its_days():
    role, _ = parse_messages(log(10))
    assert phase_spans(role) == [(1, "Days 1-7", (1, 1)), (2, "Days 8-10", (2, 2))]
    assert role.phases[0].subsections[0].label == "Day 1: March 3, 2025"


def test_days_with_topics_and_dates_keep_their_topics():
    body = log(10).replace("### Day 9: March 11, 2025", "### Day 9: Glazing")
    role, _ = parse_messages(body)
    assert role.phases[1].title == "Glazing"
