"""A file whose one phase heading holds the plan's weeks ('# Month 1: Clay basics' over '### Week 1: Wedging' …
'### Week 4: A first bowl'), as a month's page of a longer course writes it, is a plan of those weeks: a phase per
week, not one phase of four with its weeks as parts. Where several months each hold their weeks, the months stay the
phases."""

from __future__ import annotations

from bot.handlers.learning import phase_body
from tests.content.helpers import parse_messages, phase_spans

MONTH = """
# Month 1: Clay basics

## Goals of the month
- Wedge clay without air pockets
- Center a ball on the wheel

## Weekly structure

### Week 1: Wedging
- [Lesson 1.1: Ram's head wedging](https://example.com/1-1)
- [Lesson 1.2: Spiral wedging](https://example.com/1-2)

### Week 2: Centering
- [Lesson 2.1: Cone up, cone down](https://example.com/2-1)

### Week 3: Opening and pulling
- [Lesson 3.1: Opening the floor](https://example.com/3-1)

### Week 4: A first bowl
- [ ] Throw and trim a bowl

## Method
- Theory: 30 minutes a day
"""


def test_the_weeks_under_a_files_one_month_are_its_phases():
    role, _ = parse_messages(MONTH)
    assert phase_spans(role) == [
        (1, "Wedging", (1, 1)),
        (2, "Centering", (2, 2)),
        (3, "Opening and pulling", (3, 3)),
        (4, "A first bowl", (4, 4)),
    ]
    assert "Spiral wedging" in phase_body(role.phases[0])
    assert "Spiral wedging" not in phase_body(role.phases[1])
    assert [i.phase for i in role.checklist] == [4]


def test_several_months_of_weeks_stay_phases_of_months():
    body = "# Plan\n\n" + "".join(
        f"## Month {m}: Part {m}\n\n"
        + "".join(f"### Week {w}: Topic {w}\n\n- Drill {w}\n\n" for w in range(4 * m - 3, 4 * m + 1))
        for m in (1, 2)
    )
    role, _ = parse_messages(body)
    assert phase_spans(role) == [(1, "Part 1", (1, 4)), (2, "Part 2", (5, 8))]


def test_a_month_with_one_week_heading_under_it_stays_the_phase():
    role, _ = parse_messages(
        "# Month 1: Clay basics\n\n## Week 1: Wedging\n\n- Wedge daily\n\n## Later weeks\n\n- Center and pull\n"
    )
    assert phase_spans(role) == [(1, "Clay basics", (1, 4))]


def test_weeks_that_stop_short_of_their_month_leave_it_the_phase():
    role, _ = parse_messages(MONTH.replace("### Week 4: A first bowl\n- [ ] Throw and trim a bowl\n", ""))
    assert phase_spans(role) == [(1, "Clay basics", (1, 4))]
