"""A plan line that says a week's whole work in one long sentence ('1. Week 2 - create a weekly email to your
supervisor, organise two co-working sessions, …'): the phase is titled by the start of it, and /phase shows all of
it, rather than a title of two hundred characters over an empty phase."""

from __future__ import annotations

from bot.handlers.learning import phase_body
from tests.content.helpers import parse_body

MILESTONES = """
# Internship milestones

The milestones we check with you:
1. Week 1 - set up your accounts, read the onboarding notes, book a weekly meeting with your supervisors and two with your fellow interns.
2. Week 2 - write the weekly status email. Keep it to five lines.
3. Week 3 - map the problem on the whiteboard so that your supervisors can invite the people who use the tool today.
4. Week 4 - meet the users.
"""


def test_a_long_plan_line_is_titled_by_its_start_and_shown_whole() -> None:
    role, _ = parse_body(MILESTONES)
    titles = [p.title for p in role.phases]
    assert titles == [
        "set up your accounts, read the onboarding notes, book a weekly…",
        "write the weekly status email",
        "map the problem on the whiteboard so that your supervisors can…",
        "meet the users",
    ], titles
    assert all(len(t) <= 64 for t in titles)
    assert "book a weekly meeting with your supervisors and two with your fellow interns" in phase_body(role.phases[0])
    assert phase_body(role.phases[1]) == "**Objective:** write the weekly status email.\n\nKeep it to five lines"
    assert phase_body(role.phases[3]) == ""


def test_an_abbreviation_ends_no_sentence_of_a_plan_line() -> None:
    role, _ = parse_body(
        "# Plan\n\n1. Week 1 - learn a framework, e.g. Flask or FastAPI\n2. Week 2 - compare SQL vs. NoSQL stores\n"
    )
    assert [p.title for p in role.phases] == [
        "learn a framework, e.g. Flask or FastAPI",
        "compare SQL vs. NoSQL stores",
    ]
