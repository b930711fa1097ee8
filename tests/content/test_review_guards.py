"""Shapes that read as they did before readings of new shapes were added beside them: phases that give ranges and
then lengths, a bold label over headings in list items, H1s of a series written newest first or skipping numbers,
a week's block inside a block inside a phase's block."""

from __future__ import annotations

import pytest

from tests.content.helpers import parse_body


def _tasks(*titled: str) -> str:
    return "".join(f"## {title}\n- [ ] Task {i}\n" for i, title in enumerate(titled, 1))


@pytest.mark.parametrize(
    ("headings", "weeks"),
    [
        # ranges, then lengths of one number: all are lengths
        (
            ["Phase 1: Basics (1-2 weeks)", "Phase 2: OOP (3-4 weeks)", "Phase 3: Web (2 weeks)"],
            [(1, 2), (3, 6), (7, 8)],
        ),
        # ranges that count on, then one that does not: all are lengths
        (
            ["Phase 1: Basics (1-2 weeks)", "Phase 2: OOP (3-4 weeks)", "Phase 3: Web (4 weeks)"],
            [(1, 2), (3, 6), (7, 10)],
        ),
        # ranges that count on, then a capstone without a phase word: it goes on after them
        (["Phase 1: Basics (1-4 weeks)", "Phase 2: OOP (5-9 weeks)", "Capstone (2 weeks)"], [(1, 4), (5, 9), (10, 11)]),
    ],
)
def test_ranges_then_lengths_are_read_as_lengths(headings, weeks):
    role, problems = parse_body("# Python Roadmap\n\n" + _tasks(*headings))
    assert [p.weeks for p in role.phases] == weeks
    assert not [p for p in problems if p.severity == "error"]


def test_a_bold_label_over_headings_in_list_items_names_them():
    role, _ = parse_body(
        "# Notes\n\n## Data Structures\n\n**Practice:**\n- ### Arrays\n  - [ ] Two pointers\n- ### Hashing\n"
        "  - [ ] Count words\n- [ ] Review all of the above\n"
    )
    (practice,) = [s for s in role.sections if s.title == "Practice"]
    assert practice.text  # an entry that shows what it holds
    assert {item.text: item.group for item in role.checklist}["Review all of the above"] == "Practice"


@pytest.mark.parametrize(
    "h1s",
    [["Day 3: Flexbox", "Day 2: Selectors", "Day 1: HTML"], ["Week 1 — Setup", "Week 3 — APIs", "Week 5 — Deploy"]],
    ids=["newest-first", "skipping"],
)
def test_a_series_of_h1s_in_any_order_is_no_title_of_the_file(h1s):
    role, _ = parse_body("".join(f"# {h1}\n\n- [ ] Task {i}\n\n" for i, h1 in enumerate(h1s)))
    assert role.title == role.display_name  # the file's name, not its first part


def test_a_weeks_block_inside_a_block_inside_a_phases_block_stays_in_that_phase():
    role, _ = parse_body(
        "# ML Roadmap\n\n<details>\n<summary>Phase 1 · Basics — weeks 1–4</summary>\n\n<details>\n"
        "<summary>Extra reading</summary>\n\n<details>\n<summary>Week 2 — Tensors</summary>\n\n- [ ] Reshape a tensor\n"
        "\n</details>\n\n- [ ] Read the paper\n\n</details>\n\n- [ ] Phase 1 wrap-up\n\n</details>\n\n<details>\n"
        "<summary>Phase 2 · Models — weeks 5–8</summary>\n\n- [ ] Train a model\n\n</details>\n"
    )
    (week,) = [s for s in role.sections if s.title == "Week 2 — Tensors"]
    assert week.path[:2] == ("ML Roadmap", "Phase 1 · Basics — weeks 1–4")


def _weeks_of(body: str) -> list[tuple[str, tuple[int, int]]]:
    role, problems = parse_body(body)
    assert not [p for p in problems if p.severity == "error"], problems
    return [(p.title, p.weeks) for p in role.phases]


def test_a_tilde_before_hours_is_about_no_span_of_weeks():
    body = "# Weekly hours\n\n" + "".join(
        f"## Week {n} ~ {h} hours\n\n- [ ] Task {n}\n\n" for n, h in [(1, 10), (2, 12)]
    )
    assert [weeks for _, weeks in _weeks_of(body)] == [(1, 1), (2, 2)]


def test_a_week_titled_by_a_question_in_capitals_is_that_week():
    body = "# Git\n\n## Week 1 Setup\n- [ ] a\n## Week 2 What is a commit?\n- [ ] b\n## Week 3 Branching\n- [ ] c\n"
    assert [weeks for _, weeks in _weeks_of(body)] == [(1, 1), (2, 2), (3, 3)]


def test_a_possessive_week_heading_among_week_headings_is_its_week():
    body = "# Plan\n\n## Week 1's Challenge: Setup\n- [ ] a\n## Week 2: Git\n- [ ] b\n## Week 3: SQL\n- [ ] c\n"
    assert _weeks_of(body) == [("Challenge: Setup", (1, 1)), ("Git", (2, 2)), ("SQL", (3, 3))]


def test_a_month_that_gives_its_weeks_keeps_them_whatever_its_sub_headings_say():
    body = (
        "# Plan\n\n## Month 1: Basics (Weeks 1-4)\n\n### Week 1\n- [ ] a\n### Week 4\n- [ ] b\n\n"
        "## Month 2: Web (Weeks 5-8)\n\n### Week 5\n- [ ] c\n### Week 9: Stretch goals (optional, if time allows)\n- [ ] d\n"
    )
    assert [weeks for _, weeks in _weeks_of(body)] == [(1, 4), (5, 8)]


def test_a_due_column_of_weeks_with_gaps_is_no_plan():
    role, _ = parse_body(
        "# Course\n\n## Deliverables\n\n| Due | Deliverable |\n|---|---|\n| Week 2 | Proposal |\n| Week 4 | Prototype |\n"
        "| Week 6 | Final report |\n"
    )
    assert role.phases == ()


@pytest.mark.parametrize("title", ["Build a CRUD app - To-Do", "Electricity basics (Current)"])
def test_words_of_a_title_that_could_be_a_status_stay(title):
    assert _weeks_of(f"# Plan\n\n## Phase 1: {title} (Weeks 1-2)\n- [ ] a\n")[0][0] == title


@pytest.mark.parametrize("title", ["Git 🔄 Current", "Git 📝 To-Do"])
def test_current_or_to_do_after_a_mark_is_the_authors_status(title):
    assert _weeks_of(f"# Plan\n\n## Phase 1: {title} (Weeks 1-2)\n- [ ] a\n")[0][0] == "Git"
