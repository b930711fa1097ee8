"""Plain lines of months, each over the lines of its weeks ('Month 1-2: Clay:', then 'Week 1-2: Wedge.', 'Week 3-4:
Center.'), as a roadmap jotted without markup writes them, are a plan of those weeks: a phase per week line, the month
lines grouping them. Lines that mix months and weeks otherwise, or weeks that go back, stay the file's text."""

from __future__ import annotations

from tests.content.helpers import parse_messages, phase_spans

ROADMAP = """
# Pottery roadmap

Month 1-2: Clay:

Week 1-2: Learn to wedge.
Week 3-4: Learn to center.
Week 5-8: Throw cylinders.


Month 3: Glazes:

Week 9-10: Mix glazes.
Week 11-12: Dip and pour.

General tips:

Practice every day.
"""


def test_month_lines_over_week_lines_are_a_plan_of_the_weeks():
    role, problems = parse_messages(ROADMAP)
    assert phase_spans(role) == [
        (1, "Learn to wedge", (1, 2)),
        (2, "Learn to center", (3, 4)),
        (3, "Throw cylinders", (5, 8)),
        (4, "Mix glazes", (9, 10)),
        (5, "Dip and pour", (11, 12)),
    ]
    assert not [m for m in problems if "no phases found" in m]


def test_month_lines_not_each_over_weeks_stay_text():
    for body in (
        ROADMAP.replace("Week 9-10: Mix glazes.\nWeek 11-12: Dip and pour.\n", "Mix glazes, then dip and pour.\n"),
        ROADMAP.replace("Week 9-10", "Week 2-3"),
    ):
        role, problems = parse_messages(body)
        assert role.phases == ()
        assert [m for m in problems if "read like weeks" in m]
