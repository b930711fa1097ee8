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


def checklist_ids(body: str) -> list[tuple[str, str]]:
    role, problems = parse(body)
    assert not any("same ID" in p for p in problems), problems
    return [(c.id, c.text) for c in role.checklist]


def test_a_task_repeated_under_a_bold_label_keeps_the_id_the_label_gave_it() -> None:
    body = "## Plan\n**Tasks:**\n- [ ] Week 1: Setup\n- [ ] Write tests\n- [ ] Week 2: Build\n- [ ] Write tests\n"
    role, _ = parse(body)
    assert phase_spans(role) == [(1, "Setup", (1, 1)), (2, "Build", (2, 2))]
    # the IDs this file had where the list was no plan: the label tells the second 'Write tests' apart
    assert checklist_ids(body) == [
        ("item-bcec66a42a", "Week 1: Setup"),
        ("item-fb2ebd2b59", "Write tests"),
        ("item-db51d1a0ae", "Week 2: Build"),
        ("item-479f34d0d8", "Write tests"),
    ]
    assert [(c.phase, c.group) for c in role.checklist] == [
        (1, "Week 1: Setup"),
        (1, "Week 1: Setup"),
        (2, "Week 2: Build"),
        (2, "Week 2: Build"),
    ]


def test_tasks_in_other_scripts_that_clash_keep_the_ids_their_letters_gave_them() -> None:
    body = "## Plan\n- [ ] Week 1: Setup\n- [ ] 10 सवाल हल करें\n- [ ] Week 2: Build\n- [ ] 10 अभ्यास करें\n"
    assert checklist_ids(body) == [
        ("item-bcec66a42a", "Week 1: Setup"),
        ("item-1af6da7242", "10 सवाल हल करें"),
        ("item-db51d1a0ae", "Week 2: Build"),
        ("item-e2a0b65184", "10 अभ्यास करें"),
    ]
    labelled = body.replace("## Plan\n", "## Plan\n**Tasks:**\n")
    assert [item_id for item_id, _ in checklist_ids(labelled)][1::2] == ["item-5181102781", "item-ecbaa2f99b"]


def test_tasks_told_apart_by_the_headings_above_or_an_item_keep_their_ids() -> None:
    body = "## L1\n### Sign-off\n- [ ] Approve\n## L2\n### Sign-off\n- [ ] Week 1: x\n- [ ] Approve\n- [ ] Week 2: y\n"
    assert [item_id for item_id, _ in checklist_ids(body)] == [
        "item-5065f7bb93",
        "item-c6ffdcdb88",
        "item-d4c6f6ff24",
        "item-3bc83154b2",
    ]
    # 'Write tests' under an item of the list without a box, which opens a phase only because the tasks around it do
    body = (
        "## Plan\n- [ ] Week 1: Setup\n  - [ ] Write tests\n- Week 2: Build\n  - [ ] Write tests\n- [ ] Week 3: Ship\n"
    )
    role, _ = parse(body)
    assert phase_spans(role) == [(1, "Setup", (1, 1)), (2, "Build", (2, 2)), (3, "Ship", (3, 3))]
    assert [item_id for item_id, _ in checklist_ids(body)] == [
        "item-bcec66a42a",
        "item-fb2ebd2b59",
        "item-955df9d137",
        "item-63cd47249b",
    ]
    # 'Quiz' after a week task that joins a plan of items without boxes: told apart by the phase it was in before
    body = "- Week 1: A\n- [ ] Quiz\n- Week 2: B\n- [ ] Week 3: C\n- [ ] Quiz\n- Week 4: D\n"
    role, _ = parse(body)
    assert [(c.phase, c.text) for c in role.checklist] == [(1, "Quiz"), (3, "Week 3: C"), (3, "Quiz")]
    assert [item_id for item_id, _ in checklist_ids(body)] == ["item-10e932124d", "item-da78240da5", "item-093b0c8c2f"]


def test_task_items_that_name_phases_without_weeks_are_no_plan() -> None:
    for body in (
        "## Checklist\n- [ ] Phase 1: Learn HTML\n- [ ] Phase 2: Learn CSS\n- [ ] Phase 3: Learn JS\n",
        "## Checklist\n- [ ] Stage 1 — Learn\n- [ ] Stage 2 — Build\n",
    ):
        role, problems = parse(body)
        assert role.phases == (), body
        assert any("no phases found" in p for p in problems)
        assert all(c.phase is None and c.group == "Checklist" for c in role.checklist)


def test_a_checklist_that_names_weeks_among_its_chores_is_no_plan() -> None:
    body = (
        "- [ ] Set up laptop\n- [ ] Week 1: retro with mentor\n- [ ] Read handbook\n"
        "- [ ] Week 4: demo to the team\n- [ ] Write docs\n"
    )
    role, problems = parse(body)
    assert role.phases == ()
    assert any("no phases found" in p for p in problems)
    assert not any("belong to no phase" in p for p in problems), problems
    assert all(c.phase is None for c in role.checklist)
    # weeks at its start but fewer than half its items: a checklist still
    role, _ = parse("- [ ] Week 1: Setup\n- [ ] Week 2: retro\n- [ ] Read\n- [ ] Write\n- [ ] Ship\n")
    assert role.phases == ()
    # half of them, the first a week: a plan, its other tasks the weeks' work
    role, _ = parse("- [ ] Week 1: Setup\n- [ ] Read\n- [ ] Week 2: Build\n- [ ] Write\n")
    assert phase_spans(role) == [(1, "Setup", (1, 1)), (2, "Build", (2, 2))]
    assert [c.phase for c in role.checklist] == [1, 1, 2, 2]


def test_the_reviewed_task_list_of_weeks_is_a_plan() -> None:
    body = "".join(f"- [ ] **Week {n}** — Ch. {n}\n  - Mini project {n}\n" for n in range(1, 8))
    body += "- [ ] **Week 8** — Ch. 20\n  - [ ] Finish the web server\n  - [ ] Post your repo\n"
    role, problems = parse(body)
    assert [span for _, _, span in phase_spans(role)] == [(n, n) for n in range(1, 9)]
    assert not any("no phases found" in p for p in problems)


def test_the_tasks_plugins_fields_are_no_words_of_the_phase() -> None:
    role, _ = parse("- [ ] Week 1: Setup ⏫ 📅 2027-01-04\n- [ ] Week 2: Build 🔼\n")
    assert phase_spans(role) == [(1, "Setup", (1, 1)), (2, "Build", (2, 2))]
    assert [(c.id, c.text, c.group) for c in role.checklist] == [
        ("item-84846d31ce", "Week 1: Setup", "Week 1: Setup"),  # its ID that of its text as written
        ("item-db51d1a0ae", "Week 2: Build", "Week 2: Build"),
    ]
