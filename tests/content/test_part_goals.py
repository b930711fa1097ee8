"""A goal written in each part of a week ('### Monday' then '**Goal:** …', '### Tuesday' then '**Goal:** …') is that
part's: the week's objective is its own goal line, else its first sentence, and /phase shows each part's goal under
that part."""

from __future__ import annotations

from bot.content.models import Phase
from tests.content.helpers import parse_body


def shown(phase: Phase) -> list[str]:
    """What /phase shows under a phase's heading, block by block (a label with what follows it on its line)."""
    return [f"{p.md} {p.rest}".strip() if p.kind == "label" else p.md for p in phase.body]


DAYS_WITH_GOALS = """
## Week 1
Warm up with the shell.

### Monday
**Goal:** Move around the file tree

- Try cd and ls

### Tuesday
**Goal:** Pipe one command into another

- Chain grep and sort

## Week 2
**Goal:** Automate a chore

### Wednesday
**Goal:** Write a first script

- Loop over files

### Thursday
**Goal:** Schedule it

- Read about cron

## Week 3

### Friday
**Goal:** Read logs

- Tail a file

### Saturday
**Goal:** Rotate logs

- Try logrotate
"""


def test_a_goal_in_each_part_of_a_week_is_its_parts_not_the_weeks():
    role, _ = parse_body(DAYS_WITH_GOALS)
    first, second, third = role.phases
    assert first.objective == "Warm up with the shell."
    assert second.objective == "Automate a chore"
    assert third.objective is None
    # each part's goal shows under that part, the first's as the others'
    body = shown(first)
    assert body.index("Monday") < body.index("Goal Move around the file tree") < body.index("Tuesday")
    assert "Goal Pipe one command into another" in body
    assert "Goal Write a first script" in shown(second)
    assert "Goal Read logs" in shown(third)


def test_one_goal_written_under_a_weeks_only_part_is_still_the_weeks():
    role, _ = parse_body(
        "## Week 1\n\n### Overview\n**Goal:** Learn the shell\n\n- Try cd and ls\n\n## Week 2\nMore.\n"
    )
    assert role.phases[0].objective == "Learn the shell"


def test_a_goal_written_on_the_line_after_its_label_in_each_part_is_its_parts_too():
    role, _ = parse_body(
        "## Week 1\nWarm up with the shell.\n\n### Monday\n**Goal:**\nMove around the file tree\n\n- Try cd and ls\n\n"
        "### Tuesday\n**Goal:**\nPipe one command into another\n\n- Chain grep and sort\n\n## Week 2\nMore.\n"
    )
    week = role.phases[0]
    assert week.objective == "Warm up with the shell."
    body = shown(week)
    assert body.index("Monday") < body.index("Goal Move around the file tree") < body.index("Tuesday")
    assert body.index("Tuesday") < body.index("Goal") < body.index("Pipe one command into another")
