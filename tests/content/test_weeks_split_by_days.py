"""A schedule that writes a week under several headings, each naming its days ('## Week 1 - Day 1 - Day 2', then
'## Week 1 - Day 3 - Day 4'), is one week in parts: every heading's work is in that week, and a week named by days
alone ('## Week 2 - Day 1 - Day 2 - Day 3 - Day 4') is titled by its week."""

from __future__ import annotations

from tests.content.helpers import parse_messages, written_role

CAMP = """
# Camp schedule

## Week 1 - Day 1 - Day 2

### How computers talk

#### Outline
- packets and ports

## Week 1 - Day 3 - Day 4

### Pages in the browser

#### Outline
- tags and styles

## Week 2 - Day 1 - Day 2 - Day 3 - Day 4

### Functions

#### Outline
- map and filter

## Week 3 - Day 1 - Day 2

### Version control

#### Outline
- commits

## Week 3 - Day 3 and Day 4

### Servers

#### Outline
- routes
"""


def _labels(body: str) -> list[tuple[str, tuple[int, int], list[str]]]:
    role = written_role("camp", body)
    return [
        (p.title, p.weeks, [piece.md for piece in p.body if piece.kind == "label" and piece.heading])
        for p in role.phases
    ]


def test_each_heading_of_a_week_split_by_days_is_a_part_of_that_week() -> None:
    assert _labels(CAMP) == [
        (
            "Week 1",
            (1, 1),
            ["How computers talk", "Outline", "Week 1 - Day 3 - Day 4", "Pages in the browser", "Outline"],
        ),
        ("Week 2", (2, 2), ["Functions", "Outline"]),
        ("Week 3", (3, 3), ["Version control", "Outline", "Week 3 - Day 3 and Day 4", "Servers", "Outline"]),
    ]
    _, messages = parse_messages(CAMP)
    assert messages == []


def test_one_week_written_in_two_headings_of_its_days_keeps_both() -> None:
    body = CAMP.split("## Week 2")[0]
    assert _labels(body) == [
        (
            "Week 1",
            (1, 1),
            ["How computers talk", "Outline", "Week 1 - Day 3 - Day 4", "Pages in the browser", "Outline"],
        )
    ]


def test_the_same_notes_heading_after_each_week_stays_a_note() -> None:
    body = """
    ## Week 1 - Lessons
    - shells
    ## Week 1 - Notes
    - slow start
    ## Week 2 - Lessons
    - git
    ## Week 2 - Notes
    - better
    """
    role = written_role("notes", body)
    assert [(p.title, p.weeks) for p in role.phases] == [("Week 1 - Lessons", (1, 1)), ("Week 2 - Lessons", (2, 2))]
