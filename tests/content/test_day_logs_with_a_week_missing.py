"""Day headings that skip a whole week ('## Day 12' then '## Day 23') are a log of the days the author wrote, no
plan of weeks: a plan made of them would have a week of nothing and warn of a phase missing in a file that has none.
They stay days of a self-paced path, with the hint that says how to plan weeks. Days that skip within weeks are a
plan still."""

from __future__ import annotations

from tests.content.helpers import parse_messages, phase_spans


def log(days: list[int]) -> str:
    return "# Sketchbook\n\n" + "".join(f"## Day {d}: Sketch {d}\n\n- [ ] Draw sketch {d}\n\n" for d in days)


def test_day_headings_that_skip_a_whole_week_stay_days():
    role, problems = parse_messages(log([1, 2, 3, 5, 8, 9, 13, 20, 21, 30]))  # no day of week 4 (days 22-28)
    assert role.phases == ()
    assert [m for m in problems if "'Day N' headings are days, not phases" in m]
    assert not [m for m in problems if "belong" in m and "no phase" in m]


def test_day_headings_that_skip_days_within_weeks_are_a_plan():
    role, problems = parse_messages(log([1, 2, 4, 6, 9, 10, 12, 15, 17]))
    assert [(n, weeks) for n, _, weeks in phase_spans(role)] == [(1, (1, 1)), (2, (2, 2)), (3, (3, 3))]
    assert not [m for m in problems if "no phase" in m]
