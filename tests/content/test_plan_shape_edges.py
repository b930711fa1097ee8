"""Plans near the shapes the engine learned to read, which those rules must leave as their authors meant: time boxes
in capitals, goal labels with nothing listed under them, and count lines at the top of a phase."""

from __future__ import annotations

from bot.handlers.learning import phase_body
from tests.content.helpers import errors, parse_body, phase_spans

# A plan whose phases give their time boxes in capital letters, alone in their brackets.
CAPITAL_TIME_BOXES = """
# Plan

## Phase 1: Terminal (2W)
- Navigate folders

## Phase 2: Web pages [3W]
- Write a form

## Phase 3: Job hunt (1M)
- Send applications

## Phase 4: Portfolio (2 Mo)
- Polish three projects
"""


def test_a_capital_letter_time_box_alone_in_its_brackets_gives_the_phase_its_weeks() -> None:
    role, problems = parse_body(CAPITAL_TIME_BOXES)
    assert errors(problems) == []
    assert [(title, weeks) for _, title, weeks in phase_spans(role)] == [
        ("Terminal", (1, 2)),
        ("Web pages", (3, 5)),
        ("Job hunt", (6, 9)),
        ("Portfolio", (10, 17)),
    ]
    assert not any(phase.planned for phase in role.phases)


def test_a_capital_letter_before_more_words_in_brackets_still_counts_no_length() -> None:
    role, _ = parse_body(
        """
## Phase 1: Searching (1D, 2D Arrays)
- Binary search
## Phase 2: Games (3D)
- A spinning cube
"""
    )
    assert [title for _, title, _ in phase_spans(role)] == ["Searching (1D, 2D Arrays)", "Games (3D)"]


# Goal labels with no list right under them: a sub-heading, a table or code comes first.
GOALS_OVER_NO_LIST = """
## Phase 1: Git (Weeks 1-2)

**Goals:**

### Part A: Local work

- Make a repository
- Commit a change

## Phase 2: Deploying (Weeks 3-4)

**Goal:**

| Tool | Why |
|------|-----|
| CI | Every push is tested |

- [ ] Set up a pipeline
"""


def test_a_goal_label_labels_no_list_after_a_sub_heading_or_a_table() -> None:
    role, problems = parse_body(GOALS_OVER_NO_LIST)
    assert errors(problems) == []
    first = phase_body(role.phases[0])
    # Part A's bullets stay under Part A, with no goal label between them
    assert "Goals" not in first[first.index("Part A") : first.index("Commit a change")]
    # the task after the table stays the phase's, with no goal label over it
    assert [item.group for item in role.checklist] == ["Phase 2: Deploying"]
    assert "label" not in [piece.kind for piece in role.phases[1].body]


# A course's phase whose first line counts its lessons and projects.
COUNT_LINE_ON_TOP = """
## Phase 1: Databases (Weeks 1-4)

**21 Lessons | 2 Projects**

- [ ] Model a library
- [ ] Query the library

## Phase 2: Servers (Weeks 5-6)

*9 lessons · 1 project*

Serve the library over HTTP.

- [ ] Write the routes
"""


def test_a_line_that_counts_lessons_is_no_objective_of_its_phase() -> None:
    role, problems = parse_body(COUNT_LINE_ON_TOP)
    assert errors(problems) == []
    first, second = role.phases
    assert first.objective is None
    assert second.objective == "Serve the library over HTTP."
    assert "21 Lessons | 2 Projects" in phase_body(first)
