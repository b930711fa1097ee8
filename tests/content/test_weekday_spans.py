"""Bootcamp schedules head each unit with the weekday it starts and ends on, in a week at each end ('#### Wednesday
(Week 2) -> Wednesday (Week 3) - JavaScript'): the unit is a phase of those weeks, titled by the words after them,
not a heading of 'two spans'. Units share the week one ends and the next starts in, as phases counted in days do,
so each moves on to the week after the one before it ends (weeks never hold two phases); the weekdays alone
('Monday - Friday (Week 1)') are no title."""

from __future__ import annotations

from types import SimpleNamespace

from bot.domain.today import ScheduledPhase
from bot.handlers.learning import focus_text
from tests.content.helpers import parse_body, phase_spans

BOOTCAMP = """
# Bootcamp

## Schedule

#### Monday (Week 1) -> Friday (Week 1) - Terminal Basics
- [ ] Navigate the file system
- [ ] Write a shell alias

#### Wednesday (Week 2) -> Wednesday (Week 3) - JavaScript Fundamentals
- [ ] Write a loop

#### Thursday (Week 4) -> Friday (Week 5) - The DOM
- [ ] Change a page's title
"""


def test_a_unit_from_a_weekday_of_one_week_to_one_of_another_spans_those_weeks() -> None:
    role, problems = parse_body(BOOTCAMP)
    assert [p.message for p in problems] == []
    assert phase_spans(role) == [
        (1, "Terminal Basics", (1, 1)),
        (2, "JavaScript Fundamentals", (2, 3)),
        (3, "The DOM", (4, 5)),
    ]
    assert [(i.text, i.phase) for i in role.checklist] == [
        ("Navigate the file system", 1),
        ("Write a shell alias", 1),
        ("Write a loop", 2),
        ("Change a page's title", 3),
    ]
    js = role.phases[1]
    at = ScheduledPhase(2, js.first_week, js.last_week)
    plan = SimpleNamespace(role=role, position=SimpleNamespace(phase=at, week=2))
    assert "Write a loop" in focus_text(plan, js)  # type: ignore[arg-type]


def test_units_that_share_a_week_move_on_as_phases_of_days_do() -> None:
    body = (
        "# Bootcamp\n\n#### Monday (Week 1) -> Tuesday (Week 1) - Git\n- [ ] Commit\n\n"
        "#### Wednesday (Week 1) -> Wednesday (Week 2) - HTML\n- [ ] A page\n\n"
        "#### Thursday (Week 2) -> Friday (Week 2) - CSS\n- [ ] A style sheet\n"
    )
    role, problems = parse_body(body)
    assert [p for p in problems if p.severity == "error"] == []
    assert phase_spans(role) == [(1, "Git", (1, 1)), (2, "HTML", (2, 2)), (3, "CSS", (3, 3))]


def test_weekdays_alone_are_no_title() -> None:
    body = "# Camp\n\n### Monday - Friday (Week 1)\n- Shell\n\n### Monday - Friday (Week 2)\n- Git\n"
    role, _ = parse_body(body)
    assert [p.title for p in role.phases] == ["Week 1", "Week 2"]


def test_one_weekday_name_may_be_a_title() -> None:
    body = "# Astronomy\n\n### Sun (Week 1)\n- Sunspots\n\n### Moon (Week 2)\n- Phases\n"
    role, _ = parse_body(body)
    assert [p.title for p in role.phases] == ["Sun", "Moon"]
