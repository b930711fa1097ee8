"""A plan written as a task list of weeks ('- [ ] **Week 1** — Spreadsheets', '- [x] Weeks 3-4: Traits'): each item
opens its phase, as the same item without its box does, and stays a checklist item of that phase with the ID it had
when the file was read as a self-paced checklist (the fixture's IDs are recorded in `test_fixture_ids`). Tasks that
merely name a week, and week tasks written in a plan of another shape, keep their reading."""

from __future__ import annotations

from tests.content.helpers import parse_messages, phase_spans, roadmap

parse = parse_messages


def test_a_task_list_of_weeks_is_the_plan() -> None:
    role = roadmap("analyst-task-weeks")
    assert phase_spans(role) == [
        (1, "Spreadsheets: formulas, lookups, pivot tables", (1, 1)),
        (2, "SQL basics: SELECT, WHERE, ORDER BY", (2, 2)),
        (3, "Joins and aggregation", (3, 3)),
        (4, "Python and pandas", (4, 5)),  # an item without a box, in the same list
        (5, "Charts that say one thing", (6, 6)),
        (6, "Capstone dashboard", (7, 8)),
    ]


def test_each_week_stays_a_checklist_item_in_its_phases_group() -> None:
    role = roadmap("analyst-task-weeks")
    assert [(c.text, c.phase, c.group) for c in role.checklist] == [
        (
            "Week 1 — Spreadsheets: formulas, lookups, pivot tables",
            1,
            "Week 1 — Spreadsheets: formulas, lookups, pivot tables",
        ),
        ("Share your cleaned sheet in the study thread", 1, "Week 1 — Spreadsheets: formulas, lookups, pivot tables"),
        ("Week 2 — SQL basics: SELECT, WHERE, ORDER BY", 2, "Week 2 — SQL basics: SELECT, WHERE, ORDER BY"),
        ("Post your queries in the study thread", 2, "Week 2 — SQL basics: SELECT, WHERE, ORDER BY"),
        ("Week 3: Joins and aggregation", 3, "Week 3: Joins and aggregation"),
        ("Post your queries in the study thread", 3, "Week 3: Joins and aggregation"),
        ("Week 6 — Charts that say one thing", 5, "Week 6 — Charts that say one thing"),
        ("Weeks 7-8: Capstone dashboard", 6, "Weeks 7-8: Capstone dashboard"),
        ("Publish the dashboard", 6, "Weeks 7-8: Capstone dashboard"),
        ("Present it on the Friday call", 6, "Weeks 7-8: Capstone dashboard"),
        # the tasks of the section after the plan merely name a week: they stay the section's
        ("Review week 3's notes before the SQL quiz", None, "Along the way"),
        ("Week 1 retro with your study partner", None, "Along the way"),
        ("Answer one question in #analytics-help", None, "Along the way"),
    ]


def test_the_file_loads_without_the_self_paced_warning() -> None:
    role, problems = parse("- [ ] **Week 1** — Setup\n  - Install the tools\n- [ ] **Week 2** — Basics\n")
    assert phase_spans(role) == [(1, "Setup", (1, 1)), (2, "Basics", (2, 2))]
    assert not any("no phases found" in p for p in problems), problems


def test_its_nested_bullets_are_the_phases_work_under_its_item() -> None:
    role, _ = parse("- [ ] Week 1: Setup\n  - Install the tools\n  - [ ] Push a first commit\n- [ ] Week 2: Basics\n")
    first = role.phases[0]
    assert [(p.kind, p.md, p.depth) for p in first.body] == [
        ("task", "Week 1: Setup", 0),
        ("item", "Install the tools", 1),
        ("task", "Push a first commit", 1),
    ]
    week = role.checklist[0]
    assert (week.text, week.phase, week.note) == ("Week 1: Setup", 1, "- Install the tools")


def test_ticked_items_ranges_and_months_open_phases_too() -> None:
    role, _ = parse("- [x] Week 1: Setup\n- [ ] Weeks 2-3: Ownership\n- [X] Week 4 — Traits\n")
    assert phase_spans(role) == [(1, "Setup", (1, 1)), (2, "Ownership", (2, 3)), (3, "Traits", (4, 4))]
    role, _ = parse("- [ ] Month 1 — Foundations\n- [ ] Month 2: JavaScript\n")
    assert phase_spans(role) == [(1, "Foundations", (1, 4)), (2, "JavaScript", (5, 8))]
    assert [c.phase for c in role.checklist] == [1, 2]


def test_boxed_items_join_a_plan_their_list_has_without_boxes() -> None:
    body = "- [x] Week 1: Setup\n- Week 2: Slices\n- Week 3: Maps\n- [ ] Week 4: Interfaces\n  - [ ] A CLI\n"
    role, problems = parse(body)
    assert phase_spans(role) == [
        (1, "Setup", (1, 1)),
        (2, "Slices", (2, 2)),
        (3, "Maps", (3, 3)),
        (4, "Interfaces", (4, 4)),
    ]
    assert [(c.text, c.phase) for c in role.checklist] == [
        ("Week 1: Setup", 1),
        ("Week 4: Interfaces", 4),
        ("A CLI", 4),
    ]
    assert not any("belong to no phase" in p or "starts at week 2" in p for p in problems), problems


def test_an_explicit_id_stays_the_items_and_no_words_of_its_phase() -> None:
    role, _ = parse("- [ ] Week 1: Setup {#setup}\n- [ ] Week 2: Basics\n")
    assert phase_spans(role) == [(1, "Setup", (1, 1)), (2, "Basics", (2, 2))]
    assert role.checklist[0].id == "setup"


def test_tasks_that_merely_name_a_week_are_no_plan() -> None:
    for body in (
        "- [ ] Review week 3's notes\n- [ ] Review week 4's notes\n- [ ] Read chapter 5\n",
        "- [ ] Set up the repo\n- [ ] Week 1 retro\n- [ ] Week 2 retro\n- [ ] Write the README\n",
        "- [ ] Set up the repo\n- [ ] Week 1: retro\n- [ ] Write the README\n",  # one alone
        "- [ ] Week 2: Setup\n- [ ] Week 1: Basics\n",  # weeks that go back
    ):
        role, problems = parse(body)
        assert role.phases == (), body
        (warning,) = [p for p in problems if "no phases found" in p]
        assert "add headings like '## Phase 1: Foundations (Weeks 1-4)'" in warning
        assert all(c.phase is None for c in role.checklist)


def test_week_tasks_under_phase_headings_stay_the_phases_tasks() -> None:
    body = (
        "## Phase 1: Basics (Weeks 1-4)\n- [ ] Week 1: Setup\n- [ ] Weeks 2-4: Functions\n"
        "## Phase 2: More (Weeks 5-8)\n- [ ] Week 5: Structs\n- [ ] Weeks 6-8: Project\n"
    )
    role, _ = parse(body)
    assert phase_spans(role) == [(1, "Basics", (1, 4)), (2, "More", (5, 8))]
    assert [(c.phase, c.group) for c in role.checklist] == [
        (1, "Phase 1: Basics"),
        (1, "Phase 1: Basics"),
        (2, "Phase 2: More"),
        (2, "Phase 2: More"),
    ]


def test_week_tasks_under_bold_phase_lines_stay_their_tasks() -> None:
    body = "**Weeks 1-2: Basics**\n- [ ] Week 1: Setup\n- [ ] Week 2: Syntax\n\n**Weeks 3-4: More**\n- [ ] Week 3: Structs\n"
    role, _ = parse(body)
    assert phase_spans(role) == [(1, "Basics", (1, 2)), (2, "More", (3, 4))]
    assert [c.phase for c in role.checklist] == [1, 1, 2]


def test_week_tasks_beside_a_plan_of_lines_or_items_stay_its_tasks() -> None:
    role, _ = parse("Week 1 :: HTML basics\nWeek 2 :: CSS\n\n- [ ] Week 1: build a page\n- [ ] Week 2: style it\n")
    assert phase_spans(role) == [(1, "HTML basics", (1, 1)), (2, "CSS", (2, 2))]
    assert [c.phase for c in role.checklist] == [2, 2]
    body = "- Week 1: Setup\n  - install\n- Week 2: Basics\n\n## Checklist\n- [ ] Week 1: quiz\n- [ ] Week 2: quiz\n"
    role, _ = parse(body)
    assert phase_spans(role) == [(1, "Setup", (1, 1)), (2, "Basics", (2, 2))]
    assert [c.group for c in role.checklist] == ["Phase 2: Basics › Checklist"] * 2
