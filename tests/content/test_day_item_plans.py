"""A list of more than a week of days ('- Day 1 - Wedging' … '- Day 10 - Glazing', or '- **Day 1**: Wedging'), as
30- and 90-day challenge READMEs write their topics, is a plan of weeks: a phase per seven days titled by its days'
topics, each day an item of it, as a file of day headings or a table of days is. Fewer days, days out of order, a
list with other items between its days, or a table of contents of links to the file's own days stay as they are."""

from __future__ import annotations

from bot.handlers.learning import phase_body
from tests.content.helpers import parse_messages, phase_spans

POTTERY = [
    "Wedging",
    "Centering",
    "Opening",
    "Pulling walls",
    "Trimming",
    "Handles",
    "Bisque firing",
    "Glaze mixing",
    "Glazing",
    "Kiln loading",
]


def dashed(n: int = 10, *, first: int = 1) -> str:
    """Return a file whose topics are a tight list of `n` days ('- Day 1 - Wedging'), then a section after it."""
    days = "".join(f"- Day {d} - {POTTERY[(d - 1) % len(POTTERY)]}\n" for d in range(first, first + n))
    return (
        "# Ten Days of Pottery\n\nA wheel-throwing challenge.\n\n## Topics\n"
        + days
        + "\n## Resources\n\n- [Glaze atlas](https://example.com)\n"
    )


def test_a_list_of_more_than_a_week_of_days_is_a_phase_per_week():
    role, problems = parse_messages(dashed())
    assert phase_spans(role) == [
        (1, "Wedging · Centering · Opening · Pulling walls · Trimming · Handles · Bisque firing", (1, 1)),
        (2, "Glaze mixing · Glazing · Kiln loading", (2, 2)),
    ]
    assert not [m for m in problems if "no phases found" in m]
    body = phase_body(role.phases[1])
    assert "Day 9 - Glazing" in body
    assert "Glaze atlas" not in body  # the section after the list is no part of the last week


def test_bold_days_in_a_loose_list_are_a_plan_too():
    days = "".join(f"- **Day {d}**: {topic}\n\n" for d, topic in enumerate(POTTERY, start=1))
    role, _ = parse_messages("# Pottery\n\n## Daily topics\n\n" + days + "Keep a photo log.\n")
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2)]
    assert role.phases[1].title == "Glaze mixing · Glazing · Kiln loading"
    assert "Keep a photo log." not in phase_body(role.phases[1])


def test_a_day_zero_of_set_up_is_part_of_the_first_week():
    role, _ = parse_messages(dashed(9, first=0))
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2)]


def test_day_tasks_keep_the_ids_they_had_as_a_self_paced_path():
    def tasks(n: int) -> str:
        return "# Pottery\n\n## Progress\n\n" + "".join(f"- [ ] Day {d}: {POTTERY[d - 1]}\n" for d in range(1, n + 1))

    plan, _ = parse_messages(tasks(10))
    week, _ = parse_messages(tasks(7))  # a week alone stays a self-paced path
    assert week.phases == ()
    assert len(plan.phases) == 2
    assert [(i.id, i.text) for i in plan.checklist][:7] == [(i.id, i.text) for i in week.checklist]
    assert [i.phase for i in plan.checklist] == [1] * 7 + [2] * 3


def test_lists_of_days_that_are_no_plan_of_weeks_stay_as_they_are():
    short = dashed(7)
    backwards = dashed().replace("- Day 3 - Opening", "- Day 30 - Opening")
    interrupted = dashed().replace("- Day 5 - Trimming\n", "- Rest and clean the studio\n- Day 5 - Trimming\n")
    contents = "# Pottery\n\n## Contents\n\n" + "".join(
        f"- [Day {d}: {topic}](#day-{d}-{topic.lower().replace(' ', '-')})\n" for d, topic in enumerate(POTTERY, 1)
    )
    for body in (short, backwards, interrupted, contents):
        role, problems = parse_messages(body)
        assert role.phases == (), body
        assert [m for m in problems if "no phases found" in m]
