"""Plans written as date ranges, as one line per week, and as a table of days: their phases, their problems, and the
answers to week and day questions on them."""

from __future__ import annotations

import pytest

from bot.content.answers import answer
from bot.content.loader import build_index
from bot.handlers.learning import phase_body
from tests.content.helpers import parse_messages, phase_spans

parse = parse_messages
phases = phase_spans


# --- phases headed by dates ----------------------------------------------------------------------------------------

DATED = """
# iOS cohort

Our group meets on Mondays.

## Jan 6 – Jan 19: Swift Foundations
**Goal:** Read Swift.
- Optionals
- [ ] Finish the Swift Tour

## Jan 20 – Feb 2: SwiftUI Basics
- Views, modifiers

## Feb 3 – Feb 23: Data and Networking
- URLSession

## Week of February 24: Break week
No new material.

## Week of March 3: Architecture
- MVVM

## 2025-03-24 → 2025-04-13: Capstone
### Planning
- Pick an idea
- [ ] Submit a build

## After the cohort
- Keep shipping
"""


def test_headings_of_consecutive_date_ranges_are_phases_counted_in_weeks_from_the_first_date():
    role, problems = parse(DATED)
    assert phases(role) == [
        (1, "Swift Foundations", (1, 2)),
        (2, "SwiftUI Basics", (3, 4)),
        (3, "Data and Networking", (5, 7)),
        (4, "Break week", (8, 8)),
        (5, "Architecture", (9, 9)),
        # a week between the dates (March 10-23) is a gap in the plan
        (6, "Capstone", (12, 14)),
    ]
    assert not [m for m in problems if "no phases found" in m]
    assert phase_body(role.phases[0]).splitlines()[0] == "**Objective:** Read Swift."
    assert [s.label for s in role.phases[5].subsections] == ["Planning"]
    # what follows the last phase at its level is a section of its own
    assert "Keep shipping" not in phase_body(role.phases[5])
    assert [(c.text, c.phase) for c in role.checklist] == [("Finish the Swift Tour", 1), ("Submit a build", 6)]


@pytest.mark.parametrize(
    ("headings", "weeks"),
    [
        # a range that crosses the new year counts on into January
        (["## Dec 16 – Dec 29: Basics", "## Jan 6 – Jan 12: More"], [(1, 2), (4, 4)]),
        # days before the month, full month names, a year, an end in the same month
        (["## 6 January 2025 - 12 January 2025: Basics", "## January 13-26: More"], [(1, 1), (2, 3)]),
        (["### Mar 3 to Mar 9 — Basics", "### Mar. 10 through Mar. 16 | More"], [(1, 1), (2, 2)]),
        # weekdays before the dates, short or long, with or without a comma
        (["## Mon, Jan 6 – Fri, Jan 17: Basics", "## Mon Jan 20 - Fri Jan 31: More"], [(1, 2), (3, 4)]),
        (["## Monday, 3 February – Friday, 14 February: Basics", "## Week of Mon. Feb 17: More"], [(1, 2), (3, 3)]),
    ],
)
def test_date_ranges_in_other_shapes(headings, weeks):
    body = "# Plan\n\n" + "\n- topic\n\n".join(headings) + "\n- topic\n"
    role, _ = parse(body)
    assert [(p.title, p.weeks) for p in role.phases] == list(zip(["Basics", "More"], weeks, strict=True))


@pytest.mark.parametrize(
    "body",
    [
        # one dated heading is an event, not a plan
        "# Log\n\n## Jan 6 – Jan 19: Kickoff\n- a\n\n## Notes\n- b\n",
        # dates that go back in time are no plan in calendar order
        "# Log\n\n## 2025-03-03 – 2025-03-09: B\n- a\n\n## 2025-01-06 – 2025-01-12: A\n- b\n",
        # a file with other phase headings keeps them as its plan, and dated headings as its sections
        "# P\n\n## Phase 1: Basics (Weeks 1-2)\n- a\n\n## Jan 6 – Jan 19: Extra\n- b\n\n## Jan 20 – Feb 2: More\n- c\n",
    ],
)
def test_dated_headings_that_are_no_plan_stay_sections(body):
    role, _ = parse(body)
    assert all(p.title == "Basics" for p in role.phases)
    assert any(s.title.endswith(("Kickoff", "B", "Extra")) and s.kind == "section" for s in role.sections)


def test_dates_that_are_no_plan_get_a_hint_naming_them():
    _, problems = parse("# Log\n\n## 2025-03-03 – 2025-03-09: B\n- a\n\n## 2025-01-06 – 2025-01-12: A\n- b\n")
    (warning,) = [m for m in problems if "no phases found" in m]
    assert "'2025-03-03 – 2025-03-09: B'" in warning
    assert "'## Week 1 (Jan 6 – Jan 12): Title'" in warning


# --- one line per week ---------------------------------------------------------------------------------------------

LINES = """
# Full-stack

## The plan

Week 1 :: HTML basics
Week 2 :: CSS and the box model

Notes for weeks 1-2: build one small page per week.

Week 3 | Git in depth | branches, rebase, pull requests
Week 4 | Node.js | modules, npm

Weeks 5-7 — React (components, hooks)

Weeks 8-9: Capstone: a full-stack app

## Checklist
- [ ] Deploy the capstone
"""


def test_lines_of_weeks_in_paragraphs_are_the_plan_of_a_file_without_phase_headings():
    role, problems = parse(LINES)
    assert phases(role) == [
        (1, "HTML basics", (1, 1)),
        (2, "CSS and the box model", (2, 2)),
        (3, "Git in depth", (3, 3)),
        (4, "Node.js", (4, 4)),
        (5, "React (components, hooks)", (5, 7)),
        (6, "Capstone: a full-stack app", (8, 9)),
    ]
    assert not [m for m in problems if "no phases found" in m]
    # the rest of a '|' line is its details
    assert phase_body(role.phases[2]) == "- branches, rebase, pull requests"
    assert phase_body(role.phases[3]) == "- modules, npm"
    # a paragraph of other words after a plan line is the text around the plan
    assert phase_body(role.phases[1]) == ""
    assert [s.text for s in role.sections if s.title == "The plan"] == [
        "Notes for weeks 1-2: build one small page per week."
    ]
    # the checklist after the plan is no part of its last phase
    assert [(c.text, c.phase) for c in role.checklist] == [("Deploy the capstone", None)]


def test_list_items_of_weeks_with_pipes_are_phases_titled_by_their_first_cell():
    body = "# Plan\n\n- Week 1 | Git | branches, rebase\n  - reflog\n- Week 2 | Node.js | modules\n"
    role, _ = parse(body)
    assert phases(role) == [(1, "Git", (1, 1)), (2, "Node.js", (2, 2))]
    # the details stand beside the bullets nested under the item
    assert phase_body(role.phases[0]) == "- branches, rebase\n- reflog"
    assert phase_body(role.phases[1]) == "- modules"


@pytest.mark.parametrize(
    "body",
    [
        # one line alone is a sentence of the text
        "# Plan\n\nWeek 1 :: HTML basics\n\nThen we see.\n\n- topic\n",
        # lines whose weeks go back are no plan
        "# Plan\n\nWeek 3 :: A\nWeek 1 :: B\n",
    ],
)
def test_week_lines_that_are_no_plan_stay_text(body):
    role, _ = parse(body)
    assert role.phases == ()


def test_week_lines_do_not_replace_headings_that_are_the_plan():
    body = "# Plan\n\nWeek 1 :: A\nWeek 2 :: B\n\n## Week 1: Basics\n- a\n## Week 2: More\n- b\n"
    role, _ = parse(body)
    assert phases(role) == [(1, "Basics", (1, 1)), (2, "More", (2, 2))]


# --- a table of days -----------------------------------------------------------------------------------------------

DAYS = (
    "# 30 Days\n\n| # Day | Topics |\n|-------|--------|\n"
    + "".join(f"| {d:02d} | [Topic {d}](https://example.com/{d}) |\n" for d in range(1, 18))
    + "| 18 | [Promises](https://example.com/18) |\n| 19 | [Closure](https://example.com/19) |\n\n"
    + "Share your progress.\n\n## 📔 Day 1\n\n### Setup\n- Install Node\n\n## 💻 Day 1: Exercises\n\n"
    + "- [ ] Finish the Day 1 exercises\n\n## 📔 Day 2 - Data Types\n\n- [ ] Finish the Day 2 exercises\n"
)


def test_a_table_whose_first_column_counts_days_is_a_plan_of_weeks():
    role, problems = parse(DAYS)
    assert [(p.number, p.weeks) for p in role.phases] == [(1, (1, 1)), (2, (2, 2)), (3, (3, 3))]
    assert role.phases[2].title == "Topic 15 · Topic 16 · Topic 17 · Promises · Closure"
    assert role.phases[0].title == "Topic 1 · Topic 2 · Topic 3 · Topic 4 · Topic 5 · Topic 6 · Topic 7"
    assert phase_body(role.phases[2]).splitlines()[3] == "- Day 18: [Promises](https://example.com/18)"
    assert not [m for m in problems if "no phases found" in m]
    # the header's '#' is in no title or details
    assert not [s for s in role.sections if "#" in s.title or "# Day" in s.text]
    # the day sections after the table are no part of the last phase
    assert [(c.text, c.phase) for c in role.checklist] == [
        ("Finish the Day 1 exercises", None),
        ("Finish the Day 2 exercises", None),
    ]


def test_a_days_topic_that_names_its_day_again_shows_it_once():
    rows = "".join(
        f"| {d:02d} | [Day {d:02d} - {t}](https://example.com/day-{d:02d}) |\n"
        for d, t in enumerate(["Crane", "Frog", *["To be added"] * 7], start=1)
    )
    role, problems = parse("# Folds\n\n| Day | Project |\n|---:|:---|\n" + rows)
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Crane · Frog · To be added", (1, 1)),
        ("To be added", (2, 2)),  # the same topic of several days titles its week once
    ]
    body = phase_body(role.phases[0]).splitlines()
    assert "- Day 1: [Crane](https://example.com/day-01)" in body
    assert [t.title for t in role.phases[0].topics][:2] == ["Day 1: Crane", "Day 2: Frog"]
    # a topic naming another day than its row's keeps it
    role, _ = parse("# Folds\n\n| Day | Project |\n|---|---|\n| 1 | Day 2 - Prep |\n| 2 | Fold |\n")
    assert role.phases[0].topics[0].title == "Day 1: Day 2 - Prep"


def test_a_row_of_ellipses_in_a_table_of_days_leaves_the_days_between_out():
    rows = "".join(f"| {d:02d} | Fold {d} |\n" for d in range(1, 5)) + "| ... | … |\n"
    rows += "".join(f"| {d} | Fold {d} |\n" for d in range(8, 11))
    role, problems = parse("# Folds\n\n| Day | Topic |\n|---|---|\n" + rows)
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Fold 1 · Fold 2 · Fold 3 · Fold 4", (1, 1)),
        ("Fold 8 · Fold 9 · Fold 10", (2, 2)),
    ]
    assert not [m for m in problems if "no phases found" in m or "..." in m]
    # the rows left out may say their status, as the author's rows do
    tracked = "".join(f"| {d} | Fold {d} | ✅ Done |\n" for d in (1, 2)) + "| ... | ... | ⏳ Pending |\n"
    tracked += "".join(f"| {d} | Fold {d} | ⏳ Pending |\n" for d in (8, 9))
    role, _ = parse("# Folds\n\n| Day | Topic | Status |\n|---|---|---|\n" + tracked)
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2)]


def test_a_table_of_days_that_is_no_plan_names_its_column_without_its_mark():
    role, _ = parse("# Days\n\n| # Day | Topics |\n|---|---|\n| 18 | Promises |\n| 3 | Booleans |\n")
    assert role.phases == ()
    assert [s.text for s in role.sections if s.title == "Promises"] == ["Promises — Day: 18"]


def test_a_week_of_long_day_topics_is_titled_by_its_first_and_last():
    rows = "".join(f"| {d} | A rather long topic about subject number {d} |\n" for d in range(1, 8))
    role, _ = parse("# Days\n\n| Day | Topic |\n|---|---|\n" + rows)
    assert phases(role) == [
        (1, "A rather long topic about subject number 1 … A rather long topic about subject number 7", (1, 1))
    ]


def test_a_day_and_a_week_question_answer_with_the_phase_on_a_table_of_days():
    role, _ = parse(DAYS)
    index = build_index([role], []).search
    day = answer(index, "day 18", role=role.name)
    assert day.problem == ""
    assert day.hits[0].section.kind == "phase"
    assert (
        day.note == "Day 18 of Test Role is in Phase 3: Topic 15 · Topic 16 · Topic 17 · Promises · Closure (week 3)."
    )
    week = answer(index, "week 2", role=role.name)
    assert week.hits[0].section.kind == "phase" and week.hits[0].section.phase == 2


def test_a_week_question_answers_with_the_phase_of_a_week_line():
    role, _ = parse(LINES)
    index = build_index([role], []).search
    found = answer(index, "week 6", role=role.name)
    assert found.problem == ""
    assert found.note == "Week 6 of Test Role is in Phase 5: React (components, hooks) (weeks 5-7)."


def test_the_self_paced_warning_counts_distinct_days():
    body = "# Log\n\n## 📔 Day 1\n- a\n## 💻 Day 1: Exercises\n- b\n## Day 2\n- c\n## Day 3\n- d\n"
    _, problems = parse(body)
    (warning,) = [m for m in problems if "no phases found" in m]
    assert "its 3 'Day N' headings are days" in warning


# --- sprints (and other series) that give their dates -------------------------------------------------------------


def test_sprints_that_give_their_dates_are_dated_by_them():
    body = """
    # Flutter in sprints

    **Sprint length:** 2 weeks

    ## Sprint 1 (Jan 5 – Jan 16): Dart & tooling
    - [ ] Install Flutter

    ## Sprint 2 (Jan 19 – Jan 30): Widgets & layout
    - [ ] Layouts

    ## Sprint 3 (Feb 2 – Feb 13): State & navigation
    - [ ] Riverpod
    """
    role, messages = parse(body)
    assert phases(role) == [
        (1, "Dart & tooling (Jan 5 – Jan 16)", (1, 2)),
        (2, "Widgets & layout (Jan 19 – Jan 30)", (3, 4)),
        (3, "State & navigation (Feb 2 – Feb 13)", (5, 6)),
    ]
    assert messages == []


@pytest.mark.parametrize(
    "heading",
    ["## Sprint {n}: {title} ({dates})", "## Milestone {n} [{dates}] — {title}", "## Sprint {n} ({dates}): {title}"],
)
def test_two_dated_sprints_are_a_plan_whichever_side_their_dates_are_on(heading):
    first = heading.format(n=1, title="Dart", dates="Jan 5 – Jan 16")
    second = heading.format(n=2, title="Widgets", dates="Jan 19 – Jan 30")
    role, _ = parse(f"# T\n\n{first}\n- a\n\n{second}\n- b\n")
    assert phases(role) == [(1, "Dart (Jan 5 – Jan 16)", (1, 2)), (2, "Widgets (Jan 19 – Jan 30)", (3, 4))]
