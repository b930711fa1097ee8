"""Headings of one day: a series of meetings ('Lecture 2 (Sep 26)') is a plan of weeks, its days of one week that
week's phase; a module, unit or sprint of one day is read as it always was, so files that loaded keep their phases
and their tasks' IDs."""

from __future__ import annotations

import pytest

from tests.content.helpers import parse_body, phase_spans

MODULES = """
# OS course

## Module 1 (Sep 24)
### Tasks
- [ ] Read slides
- [ ] Watch recording

## Module 2 (Sep 26)
### Tasks
- [ ] Read slides
- [ ] Watch recording

## Module 3 (Oct 1)
### Tasks
- [ ] Read slides
"""


def test_modules_of_one_day_stay_a_phase_each_and_their_repeated_tasks_load() -> None:
    role, problems = parse_body(MODULES)
    assert [(p.number, p.title) for p in role.phases] == [(1, "(Sep 24)"), (2, "(Sep 26)"), (3, "(Oct 1)")]
    assert len({i.id for i in role.checklist}) == 5
    assert not [p for p in problems if p.severity == "error"]


def test_sprints_of_one_day_are_numbered_by_their_series() -> None:
    body = "## Sprint 1: Kickoff (Mon, Jan 6)\n- a\n\n## Sprint 2: Build (Thu, Jan 9)\n- b\n\n## Sprint 3: Ship (Jan 16)\n- c\n"
    role, problems = parse_body(body)
    assert [(p.number, p.title) for p in role.phases] == [
        (1, "Kickoff (Mon, Jan 6)"),
        (2, "Build (Thu, Jan 9)"),
        (3, "Ship (Jan 16)"),
    ]
    assert [p.section_id for p in role.phases] == [
        "phase-1-kickoff-mon-jan-6",
        "phase-2-build-thu-jan-9",
        "phase-3-ship-jan-16",
    ]
    assert not [p for p in problems if p.severity == "error"]


def test_two_units_of_one_week_load_self_paced_as_they_did() -> None:
    role, problems = parse_body("## Unit 1 (Oct 1)\n- [ ] Install tools\n\n## Unit 2 (Oct 3)\n- [ ] Read docs\n")
    assert role.phases == ()
    assert [i.text for i in role.checklist] == ["Install tools", "Read docs"]
    assert not [p for p in problems if p.severity == "error"]


def test_lectures_of_one_week_are_that_weeks_phase_named_by_their_heading() -> None:
    body = (
        "## Lecture 1 (Sep 24)\n- Processes\n\n## Lecture 2 (Sep 26)\n- Threads\n\n## Lecture 3 (Oct 1)\n- Scheduling\n"
    )
    role, problems = parse_body(body)
    assert phase_spans(role) == [(1, "Lecture 1 (Sep 24)", (1, 1)), (2, "Lecture 3 (Oct 1)", (2, 2))]
    assert not [p for p in problems if p.severity == "error"]


def test_two_lectures_of_one_week_are_no_plan_of_weeks_and_load() -> None:
    role, problems = parse_body("## Lecture 1 (Oct 1)\n- [ ] Read\n\n## Lecture 2 (Oct 3)\n- [ ] Write\n")
    assert len(role.checklist) == 2
    assert not [p for p in problems if p.severity == "error"]


@pytest.mark.parametrize("date", ["30 August, 2018", "30th August", "30 Aug 2018", "30 de agosto"])
def test_a_day_heading_with_its_date_after_it_is_that_day_not_a_range_of_days(date: str) -> None:
    day_two = date.replace("30", "31", 1)
    body = f"# Log\n\n### Day 1 - {date}\n\nFixed CSS.\n\n### Day 2 - {day_two}\n\nLearned flexbox.\n"
    role, problems = parse_body(body)
    assert role.phases == ()  # a log of days: its days are sections, no plan of weeks
    assert [s.title for s in role.sections if s.title.startswith("Day")] == [f"Day 1 - {date}", f"Day 2 - {day_two}"]
