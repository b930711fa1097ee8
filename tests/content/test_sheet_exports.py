"""A week table exported from a spreadsheet ('| Week | Topic | Resources | Hours | Done |'): its column of checkboxes
makes each row a checklist item, a row of totals is no topic, a note in a merged cell joins the row above, and a
week's next step names its topic, not a cell of its row."""

from __future__ import annotations

from bot.domain.today import build_today
from bot.domain.weeks import ScheduledPhase
from tests.content.helpers import parse_body

SHEET = """
# Tracker

| Week | Topic | Resources | Hours | Done |
|:----:|-------|-----------|------:|:----:|
| 1 | Shell basics | [The Art of Command Line](https://example.org/art) | 6 | TRUE |
|  | Text editors |  | 4 | FALSE |
| 2 | Containers | [Container guide](https://example.org/containers) | 6 | FALSE |
|  |  | *(do the lab twice)* |  |  |
| 3 | Orchestration |  | 5 | FALSE |
|  |  |  |  |  |
| **Total** |  |  | **=SUM(D3:D9)** |  |
"""


def next_step(role, number: int) -> str:
    phase = role.phases[number - 1]
    view = build_today(phase, ScheduledPhase(number, phase.first_week, phase.last_week), phase.first_week, (), ())
    assert view.next_step is not None
    return view.next_step.text


def test_a_done_column_makes_each_row_a_checklist_item_of_its_week() -> None:
    role, _ = parse_body(SHEET)
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Shell basics", (1, 1)),
        ("Containers", (2, 2)),
        ("Orchestration", (3, 3)),
    ]
    assert [(c.text, c.phase) for c in role.checklist] == [
        ("Shell basics", 1),
        ("Text editors", 1),
        ("Containers", 2),
        ("Orchestration", 3),
    ]
    # the row's other cells are the item's note; the checkbox column is shown nowhere
    first = role.checklist[0]
    assert first.note.splitlines() == ["- Resources: [The Art of Command Line](https://example.org/art)", "- Hours: 6"]
    shown = " ".join(p.md for phase in role.phases for p in phase.body)
    assert "TRUE" not in shown and "FALSE" not in shown and "Done" not in shown


def test_a_row_of_totals_is_no_topic_and_a_note_row_joins_the_row_above() -> None:
    role, _ = parse_body(SHEET)
    shown = [p.md for phase in role.phases for p in phase.body]
    assert not [md for md in shown if "Total" in md or "SUM" in md]
    assert "Resources: [Container guide](https://example.org/containers) · *(do the lab twice)*" in shown
    assert [c.text for c in role.checklist if c.phase == 2] == ["Containers"]


def without_done(body: str) -> str:
    return body.replace(" Done |", "").replace(":----:|\n", "\n").replace(" TRUE |", "").replace(" FALSE |", "")


def test_without_a_done_column_rows_stay_topics_and_the_totals_go() -> None:
    role, _ = parse_body(without_done(SHEET))
    assert role.checklist == ()
    assert [t.title for t in role.phases[0].topics] == ["The Art of Command Line", "Hours: 6", "Text editors"]
    assert not [t for p in role.phases for t in p.topics if "Total" in t.title or "SUM" in t.text]


def test_the_next_step_names_the_weeks_topic_not_a_cell_of_its_row() -> None:
    role, _ = parse_body(without_done(SHEET))
    assert next_step(role, 1) == "Shell basics"
    schedule = """
| Week | Focus | Domains | Hands-on |
|------|-------|---------|----------|
| 1 | Identity and access | 1.1, 1.3 | Policy simulator lab |
| 2 | Networking | 3.2, 4.x | Build a VPC by hand |
| 3 | Review | all | Two timed mocks |
"""
    role, _ = parse_body(schedule)
    assert next_step(role, 1) == "Identity and access"
    # a cell of numbers is titled with its column, in every week alike; a word is its own title
    assert [p.topics[0].title for p in role.phases] == ["Domains: 1.1, 1.3", "Domains: 3.2, 4.x", "all"]


def test_a_continuation_row_is_parted_from_the_row_above_and_a_dashed_row_stays_a_row() -> None:
    """A second resource on the row under a week's shows beside the first, parted as a cell's lines are; a row whose
    week cell is a dash is a row of no week (a break), not a note of the week before."""
    body = (
        "| Week | Topic | Resources | Hours |\n|---|---|---|---|\n"
        "| 1 | Shell | [Linux Journey](https://example.org/lj) | 5 |\n"
        "|  |  | [Missing Semester](https://example.org/ms) |  |\n"
        "| 2 | Git | Pro Git, chapter 2 | 4 |\n"
        "| — |  | Reading week, no class |  |\n"
        "| 3 | Docker | Docker docs | 6 |\n"
    )
    role, _ = parse_body(body)
    first = [p.md for p in role.phases[0].body]
    assert first[0] == "Resources: [Linux Journey](https://example.org/lj) · [Missing Semester](https://example.org/ms)"
    second = [p.md for p in role.phases[1].body]
    assert "Resources: Pro Git, chapter 2" in second
    assert "Reading week, no class" in second


def test_the_words_after_a_plan_lines_title_stay_its_next_step() -> None:
    """Only a table's row names its topic as the next step: the words after a linked list item's title, or the cells
    after a plan line's, are the week's first step, as written."""
    linked = (
        "1. [Week 1 — Version control](https://example.org/w1): commits, branches\n"
        "2. [Week 2 — Testing](https://example.org/w2): pytest fixtures\n"
    )
    role, _ = parse_body(linked)
    assert [p.title for p in role.phases] == ["Version control", "Testing"]
    assert next_step(role, 1) == "commits, branches"
    role, _ = parse_body("Week 1 | Version control | commits, branches\nWeek 2 | Testing | pytest fixtures\n")
    assert next_step(role, 2) == "pytest fixtures"


def test_a_short_word_is_its_own_title_and_one_or_two_characters_name_their_column() -> None:
    body = (
        "| Week | Topic | Tool |\n|---|---|---|\n"
        "| 1 | Version control | Git |\n| 2 | Databases | SQL |\n| 3 | Systems | C++ |\n| 4 | Stats | R |\n"
    )
    role, _ = parse_body(body)
    assert [p.topics[0].title for p in role.phases] == ["Git", "SQL", "C++", "Tool: R"]


def test_a_status_column_of_words_is_no_column_of_checkboxes() -> None:
    """'Status' or 'Check' heads a column of checkboxes only where its cells are marks ('x', '✅', 'TRUE'); a status
    written in words ('done') is the author's progress: no checklist items, and no topic of the week either."""
    table = "| Week | Topic | Status |\n|---|---|---|\n| 1 | Shell | {} |\n| 2 | Git | {} |\n"
    role, _ = parse_body(table.format("done", "done"))
    assert role.checklist == ()
    assert [(p.title, p.topics) for p in role.phases] == [("Shell", ()), ("Git", ())]
    role, _ = parse_body(table.format("✅", "❌"))
    assert [(c.text, c.phase) for c in role.checklist] == [("Shell", 1), ("Git", 2)]


def test_a_day_of_a_day_table_is_the_weeks_first_step_not_the_weeks_joined_topics() -> None:
    """A week of a day table is titled by its days' topics joined; its first step is its first day, as written."""
    rows = "".join(f"| {n:02} | [{topic}](./{n:02}.md) |\n" for n, topic in enumerate(DAYS, start=1))
    role, _ = parse_body("| # Day | Topics |\n|---|---|\n" + rows)
    assert next_step(role, 1) == "Day 1: Introduction"
    assert next_step(role, 2) == "Day 8: DOM"


DAYS = ["Introduction", "Data Types", "Loops", "Functions", "Objects", "Classes", "JSON", "DOM", "Events"]
