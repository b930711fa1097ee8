"""A week heading whose words after its number are only the days it covers ('## Week 1 - Day 1 - Day 2', '## Week
2: Days 3-4') has no title of its own: a span of days says when, not what. The week is named as written ('Week 1'),
as a bare '## Week 1' over its sub-headings is."""

from __future__ import annotations

import pytest

from bot.handlers.learning import phase_body
from tests.content.helpers import errors, parse_body

ENGINES = """
# Workshop

## Week 1 - Day 1 - Day 2

### How Engines Work

- Pistons and valves

## Week 2 - Day 3 - Day 4

### How Brakes Work

- Discs and pads
"""


def test_a_week_titled_by_its_days_alone_is_named_as_written() -> None:
    role, problems = parse_body(ENGINES)
    assert errors(problems) == []
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [(1, "Week 1", (1, 1)), (2, "Week 2", (2, 2))]
    # its sub-heading is still the part /phase shows, and search still finds the week by its days
    assert "How Engines Work" in phase_body(role.phases[0])
    assert "Week 1 - Day 1 - Day 2" in [s.title for s in role.sections if s.phase == 1]


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("## Week 1: Days 1-2", "Week 1"),
        ("## Week 1 — Day 1 to Day 2", "Week 1"),
        ("## Week 1 - Day 3", "Week 1"),
        # days before a title still leave the title
        ("## Week 1 - Days 1-2: Engines", "Days 1-2: Engines"),
        ("## Week 1: Engines (Days 1-2)", "Engines"),
    ],
)
def test_only_a_span_of_days_is_no_title(head: str, title: str) -> None:
    role, _ = parse_body(f"# Workshop\n\n{head}\n- Pistons\n\n## Week 2: Brakes\n- Discs\n")
    assert [p.title for p in role.phases] == [title, "Brakes"]
