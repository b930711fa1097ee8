"""A file of day headings, more than a week of them ('## Day 1 | Data preprocessing' … '## Day 10'), is a plan of
weeks: a phase per seven days, titled by its days' topics, each day a part of it with what it holds, as a table of
days is. Its tasks keep the IDs they had when the file was a self-paced path, and a sub-heading written under every
day ('### Exercises') is a group per day."""

from __future__ import annotations

from bot.content.answers import answer
from bot.content.loader import build_index
from bot.handlers.learning import phase_body
from tests.content.helpers import parse_messages, phase_spans


def days(n: int, *, first: int = 1, under: str = "") -> str:
    """Return a file of `n` day headings from day `first`, each with a line, a drill and the same task."""
    body = "# Knots in Ten Days\n\nOne knot a day.\n\n"
    for d in range(first, first + n):
        body += f"## Day {d} | Knot {d}\n\nTie knot {d}.\n\n### Exercises\n\n- [ ] Knot {d} drill\n- [ ] Finish the exercises\n\n"
    return body + under


def test_more_than_a_week_of_day_headings_is_a_phase_per_week():
    role, problems = parse_messages(days(10, under="## Resources\n\n- [Knot atlas](https://example.com)\n"))
    assert phase_spans(role) == [
        (1, "Knot 1 · Knot 2 · Knot 3 · Knot 4 · Knot 5 · Knot 6 · Knot 7", (1, 1)),
        (2, "Knot 8 · Knot 9 · Knot 10", (2, 2)),
    ]
    assert not [m for m in problems if "no phases found" in m]
    body = phase_body(role.phases[1])
    assert "Tie knot 9." in body and "Day 9 | Knot 9" in body
    assert "Knot atlas" not in body  # the heading after the days at their level ends the plan
    # a day question finds the week that holds it
    found = answer(build_index([role], []).search, "day 9", role=role.name)
    assert found.problem == ""
    assert found.hits[0].section.title.startswith("Day 9")


def test_the_tasks_keep_the_ids_they_had_as_a_self_paced_path_and_are_grouped_by_day():
    plan, _ = parse_messages(days(10))
    week, problems = parse_messages(days(7))  # a week alone stays a self-paced path
    assert week.phases == () and [m for m in problems if "no phases found" in m]
    assert [(i.id, i.text) for i in plan.checklist][:14] == [(i.id, i.text) for i in week.checklist]
    assert len({i.id for i in plan.checklist}) == 20
    assert [i.group for i in plan.checklist][2:4] == ["Day 2 | Knot 2 › Exercises"] * 2
    assert [i.phase for i in plan.checklist][-1] == 2


def test_a_day_zero_of_set_up_is_part_of_the_first_week():
    role, _ = parse_messages(days(9, first=0))
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2)]
    assert role.phases[0].title.startswith("Knot 0 · Knot 1")


def test_day_headings_that_are_no_plan_of_weeks_stay_sections():
    lesson_and_exercises = "# Days\n\n" + "".join(
        f"## 📔 Day {d}\n\n- read {d}\n\n## 💻 Day {d}: Exercises\n\n- [ ] do {d}\n\n" for d in range(1, 10)
    )
    interrupted = days(10).replace("## Day 5 | Knot 5", "## Break\n\nRest.\n\n## Day 5 | Knot 5")
    backwards = days(10).replace("## Day 3 | Knot 3", "## Day 30 | Knot 3")
    for body in (lesson_and_exercises, interrupted, backwards):
        role, problems = parse_messages(body)
        assert role.phases == ()
        assert [m for m in problems if "'Day N' headings are days, not phases" in m]


def test_a_sub_heading_under_every_week_of_a_month_is_a_group_per_week():
    body = "# Plan\n\n" + "".join(
        f"## Month {m}: Part {m}\n\n"
        + "".join(
            f"### Week {w}: Topic {w}\n\n#### Exercises\n\n- [ ] Drill {w}\n\n" for w in range(4 * m - 3, 4 * m + 1)
        )
        for m in (1, 2)
    )
    role, _ = parse_messages(body)
    assert [i.group for i in role.checklist][:2] == ["Week 1: Topic 1 › Exercises", "Week 2: Topic 2 › Exercises"]
    assert [i.phase for i in role.checklist] == [1, 1, 1, 1, 2, 2, 2, 2]


def test_a_day_written_twice_here_and_there_in_a_log_is_still_a_plan():
    log = days(12).replace("## Day 6 | Knot 6", "## Day 5 | Knot 5 again")
    role, _ = parse_messages(log)
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2)]
    assert "Knot 5 again" in role.phases[0].title
    twice = days(12).replace("## Day 6 | Knot 6", "## Day 5 | Knot 5 again").replace("## Day 9 |", "## Day 8 |")
    assert parse_messages(twice)[0].phases == ()  # two of eleven: more than one in ten


def test_a_week_of_one_untitled_day_is_named_by_that_day():
    body = "# Log\n\n" + "".join(f"## Day {d}\n\n- did {d}\n\n" for d in (*range(1, 9), 15))
    role, _ = parse_messages(body)
    assert [(p.title, p.weeks) for p in role.phases] == [("Days 1-7", (1, 1)), ("Day 8", (2, 2)), ("Day 15", (3, 3))]


def test_days_that_skip_a_week_say_which_days_are_missing():
    role, problems = parse_messages(days(10) + days(9, first=22).split("\n\n", 2)[2])
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2), (4, 4), (5, 5)]
    [gap] = [m for m in problems if "no phase" in m]
    assert gap.endswith(
        "week 3 belongs to no phase (between Day 10 and Day 22); add days 11-21, or number the days after Day 10 from 11"
    )
