"""Tasks under a bold label line ('**Assignment 4:**') are grouped under that label in /checklist, as they would be
under a sub-heading, and the label's search entry shows them; their IDs stay those of their words."""

from __future__ import annotations

import pytest

from bot.content.ids import checklist_item_id
from bot.handlers.learning import phase_body
from tests.content.helpers import parse_body, section_titled

ASSIGNMENTS = (
    "# APIs\n\n## Phase 1: Basics (Weeks 1-2)\n- Python\n\n"
    "## Phase 2: APIs (Weeks 3-4)\n### Assignments\n**Assignment 4:**\n- [ ] Build a REST endpoint\n"
    "- [ ] Write its tests\n**Assignment 5:**\n- [ ] Add pagination\n"
)


parse = parse_body


entry = section_titled


def test_tasks_under_a_bold_label_are_grouped_under_the_label():
    role, problems = parse(ASSIGNMENTS)
    assert [(i.group, i.text) for i in role.checklist] == [
        ("Assignment 4", "Build a REST endpoint"),
        ("Assignment 4", "Write its tests"),
        ("Assignment 5", "Add pagination"),
    ]
    assert role.checklist_groups == ("Assignment 4", "Assignment 5")
    assert all(i.phase == 2 for i in role.checklist)
    assert problems == []


def test_a_label_line_right_under_a_task_is_the_next_group_not_words_of_the_task():
    role, _ = parse(ASSIGNMENTS)
    assert "Assignment" not in role.checklist[1].text
    assert [s.label for s in role.phases[1].subsections] == ["Assignments", "Assignment 4", "Assignment 5"]
    assert phase_body(role.phases[1], role.checklist, None) == (
        "__**Assignments**__\n\n**Assignment 4:**\n- Build a REST endpoint\n- Write its tests\n\n"
        "**Assignment 5:**\n- Add pagination"
    )


def test_the_labels_entry_shows_its_tasks_and_each_tasks_entry_sits_under_the_label():
    role, _ = parse(ASSIGNMENTS)
    assert entry(role, "Assignment 4").text == "- ☐ Build a REST endpoint\n- ☐ Write its tests"
    assert entry(role, "Assignment 5").text == "- ☐ Add pagination"
    assert entry(role, "Build a REST endpoint").path == (
        "APIs",
        "Phase 2: APIs (Weeks 3-4)",
        "Assignments",
        "Assignment 4",
    )


def test_a_labels_title_is_clean_whether_its_colon_is_inside_the_bold_or_after_it():
    body = "# T\n\n## Phase 1: A (Weeks 1-2)\n\n**Assignment 4**:\n\n- [ ] Build it\n\n__Assignment 5:__\n\n- [ ] Ship it\n"
    role, _ = parse(body)
    assert role.checklist_groups == ("Assignment 4", "Assignment 5")
    assert entry(role, "Assignment 4").text == "- ☐ Build it"


def test_item_ids_are_those_of_their_words_whatever_label_they_are_under():
    role, _ = parse(ASSIGNMENTS)
    assert [i.id for i in role.checklist] == [checklist_item_id(i.text) for i in role.checklist]


def test_an_item_written_again_under_another_heading_keeps_the_id_its_heading_gave_it():
    # The second 'Write tests' was told apart by its heading ('Part B') before labels grouped tasks: it still is.
    body = "# T\n\n## Part A\n- [ ] Write tests\n\n## Part B\n\n**Assignment 5:**\n- [ ] Write tests\n"
    role, _ = parse(body)
    assert [(i.group, i.id) for i in role.checklist] == [
        ("Part A", checklist_item_id("Write tests")),
        ("Assignment 5", checklist_item_id("Part B Write tests")),
    ]


def test_the_same_task_under_two_labels_of_one_heading_loads_with_an_id_each():
    body = (
        "# T\n\n## Phase 1: A (Weeks 1-2)\n**Assignment 1:**\n- [ ] Write tests\n**Assignment 2:**\n- [ ] Write tests\n"
    )
    role, problems = parse(body)
    assert [i.group for i in role.checklist] == ["Assignment 1", "Assignment 2"]
    assert len({i.id for i in role.checklist}) == 2
    assert problems == []


def test_a_label_with_words_of_its_own_and_a_blank_line_before_the_tasks_leaves_them_under_the_heading():
    # '**For all:** Design patterns, testing' says something of the phase; the tasks after the blank line are the
    # phase's, as the shipped backend path writes them.
    body = (
        "# T\n\n## Phase 1: Code (Weeks 1-2)\n\n**For all:** Design patterns, testing\n\n"
        "- [ ] Write clean code\n- [ ] Write tests\n"
    )
    role, _ = parse(body)
    assert role.checklist_groups == ("Phase 1: Code",)


def test_a_label_with_words_of_its_own_right_above_its_tasks_groups_them():
    body = "# T\n\n## Phase 1: Code (Weeks 1-2)\n\n**Project:** a URL shortener\n- [ ] Build it\n- [ ] Deploy it\n"
    role, _ = parse(body)
    assert role.checklist_groups == ("Phase 1: Code › Project",)  # 'Project' alone would not say where it is
    assert entry(role, "Project").text == "a URL shortener\n- ☐ Build it\n- ☐ Deploy it"


def test_a_label_repeated_in_each_phase_is_named_with_its_phase():
    body = (
        "# T\n\n## Phase 1: A (Weeks 1-2)\n**Tasks:**\n- [ ] Read the guide\n\n"
        "## Phase 2: B (Weeks 3-4)\n**Tasks:**\n- [ ] Build the app\n"
    )
    role, _ = parse(body)
    assert role.checklist_groups == ("Phase 1: A › Tasks", "Phase 2: B › Tasks")
    assert entry(role, "Build the app").path == ("T", "Phase 2: B (Weeks 3-4)", "Tasks")


def test_a_lazy_line_that_is_not_a_label_still_continues_its_task():
    body = "# T\n\n## Phase 1: A (Weeks 1-2)\n- [ ] Build a REST endpoint\nwith **two** routes\n"
    role, _ = parse(body)
    assert [i.text for i in role.checklist] == ["Build a REST endpoint with two routes"]


def test_tasks_after_a_blank_line_that_ends_a_labels_bullets_stay_under_the_heading():
    # '**NoSQL Exploration:**' and its topics, then the phase's tasks, as the shipped backend path writes them
    body = (
        "# T\n\n## Phase 3: Databases (Weeks 13-18)\n**NoSQL Exploration:**\n- MongoDB: document model\n"
        "- Redis: caching\n\n- [ ] Design normalized database schemas\n- [ ] Optimize database queries\n"
    )
    role, _ = parse(body)
    assert role.checklist_groups == ("Phase 3: Databases",)
    assert entry(role, "NoSQL Exploration").text == "- MongoDB: document model\n- Redis: caching"


def test_a_labels_bullets_and_tasks_in_one_list_are_all_its_own():
    body = "# T\n\n## Phase 1: A (Weeks 1-2)\n**Assignment 4:**\n- Read chapter 3\n- [ ] Build the endpoint\n"
    role, _ = parse(body)
    assert role.checklist_groups == ("Assignment 4",)
    assert entry(role, "Assignment 4").text == "- Read chapter 3\n- ☐ Build the endpoint"


@pytest.mark.parametrize(
    "tasks",
    [
        "- [ ] Build it\n  - [ ] Route one\n**Assignment 5:**\n- [ ] Ship it\n",  # after a nested task
        "- [ ] Build it\n\n  - [ ] Route one\n**Assignment 5:**\n\n- [ ] Ship it\n",  # a loose list
        "1. [ ] Build it\n   - [ ] Route one\n__Assignment 5__:\n2. [ ] Ship it\n",  # numbered, '__', ':' after
    ],
)
def test_a_label_line_right_under_nested_or_loose_tasks_starts_the_next_group(tasks):
    role, _ = parse("# T\n\n## Phase 1: A (Weeks 1-2)\n**Assignment 4:**\n" + tasks)
    assert [(i.group, i.text, i.parent) for i in role.checklist] == [
        ("Assignment 4", "Build it", ""),
        ("Assignment 4", "Route one", "Build it"),
        ("Assignment 5", "Ship it", ""),
    ]


def test_a_labelled_line_right_under_a_bullet_is_a_line_of_its_own_not_words_of_the_bullet():
    body = (
        "# T\n\n## Week 1 — pytest\n**Focus:** Write and run tests.\n"
        "- [pytest: Get Started](https://docs.pytest.org/)\n- Fixtures, `parametrize`, markers\n"
        "**Homework:** 15 tests for a small function.\n\n"
        "## Week 2 — APIs\n- [ ] Schema validation with `jsonschema`\n**Homework**: the same checks in CI.\n"
    )
    role, _ = parse(body)
    first, second = role.phases
    assert [t.title for t in first.topics] == ["pytest: Get Started", "Fixtures, parametrize, markers"]
    shown = "- Fixtures, `parametrize`, markers\n\n**Homework:** 15 tests for a small function."
    assert shown in phase_body(first, (), None)
    assert [i.text for i in role.checklist] == ["Schema validation with jsonschema"]
    assert "**Homework:** the same checks in CI." in phase_body(second, (), None)


@pytest.mark.parametrize(
    "lines",
    [
        "- Fixtures\n  **Homework:** indented under the bullet's text, so part of it\n",
        "- Fixtures\n**Python** basics, bold but no label\n",
    ],
)
def test_a_bold_line_that_is_no_label_of_its_own_still_continues_its_bullet(lines):
    role, _ = parse("# T\n\n## Week 1 — pytest\n" + lines)
    (topic,) = role.phases[0].topics
    assert topic.title.startswith("Fixtures ")
