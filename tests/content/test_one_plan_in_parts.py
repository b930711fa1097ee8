"""Files whose phases count from 1 again under each of several headings that are one plan, not several: a plan
written in parts (the headings over the parts count on, 'Module 1', 'Module 2'; or each part's weeks go on from
the last part's) is walked as one plan, its phases numbered on; an overview of bare phase headings followed by the
detailed plan that repeats them gives the learner the detailed plan. Neither is told to split the file."""

from __future__ import annotations

from bot.content.search import SearchIndex
from bot.handlers.learning import phase_body
from tests.content.helpers import errors, parse_body, warnings

SPLIT_ADVICE = "put it in a role file of its own"


def test_modules_over_lessons_counted_from_1_in_each_module_are_one_plan():
    body = (
        "# Intro to Go\n## Module 1: Foundations\n### Lesson 1: Toolchain\n- [ ] Install go\n"
        "### Lesson 2: Types\n- [ ] Write a struct\n## Module 2: Services\n### Lesson 1: HTTP\n- [ ] Serve a page\n"
        "### Lesson 2: Storage\n- [ ] Open a database\n"
    )
    role, problems = parse_body(body)
    assert [(p.number, p.title) for p in role.phases] == [
        (1, "Toolchain"),
        (2, "Types"),
        (3, "HTTP"),
        (4, "Storage"),
    ]
    assert [c.phase for c in role.checklist if c.text == "Serve a page"] == [3]
    assert errors(problems) == []
    assert not [w for w in warnings(problems) if "plans" in w or SPLIT_ADVICE in w]


def test_parts_over_phase_headings_without_weeks_are_one_plan():
    body = (
        "## Part 1: Client\n### Phase 1: Markup\n- Elements\n### Phase 2: Styling\n- Selectors\n"
        "## Part 2: Server\n### Phase 1: Runtime\n- Event loop\n### Phase 2: Persistence\n- Queries\n"
    )
    role, problems = parse_body(body)
    assert [(p.number, p.title) for p in role.phases] == [
        (1, "Markup"),
        (2, "Styling"),
        (3, "Runtime"),
        (4, "Persistence"),
    ]
    assert phase_body(role.phases[2]) == "- Event loop"
    assert not [w for w in warnings(problems) if SPLIT_ADVICE in w]


def test_levels_whose_weeks_go_on_are_one_plan_numbered_on_with_a_warning():
    body = (
        "# Rust path\n## Starter\n### Phase 1: Ownership (Weeks 1-2)\n- Borrowing\n"
        "### Phase 2: Traits (Weeks 3-5)\n- Generics\n## Practitioner\n### Phase 1: Async (Weeks 6-8)\n- Tokio\n"
        "### Phase 2: Unsafe (Weeks 9-10)\n- Raw pointers\n## Expert\n### Phase 1: Macros (Weeks 11-12)\n- macro_rules\n"
    )
    role, problems = parse_body(body)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "Ownership", (1, 2)),
        (2, "Traits", (3, 5)),
        (3, "Async", (6, 8)),
        (4, "Unsafe", (9, 10)),
        (5, "Macros", (11, 12)),
    ]
    assert phase_body(role.phases[4]) == "- macro_rules"
    assert errors(problems) == []
    (said,) = [w for w in warnings(problems) if "again" in w]
    assert said == (
        "the phases under 'Practitioner' (line 14) and 'Expert' (line 19) number from 1 again, but their weeks go "
        "on from the ones before: read as one plan, numbered on (Phase 3 to Phase 5); number them so to silence this"
    )
    assert not [w for w in warnings(problems) if SPLIT_ADVICE in w]


def test_tracks_whose_weeks_each_start_at_1_stay_several_plans():
    body = (
        "## Web\n### Phase 1: HTML (Weeks 1-2)\n- Tags\n### Phase 2: CSS (Weeks 3-4)\n- Grid\n"
        "## Mobile\n### Phase 1: Kotlin (Weeks 1-3)\n- Null safety\n"
    )
    role, problems = parse_body(body)
    assert [p.title for p in role.phases] == ["HTML", "CSS"]
    assert [w for w in warnings(problems) if SPLIT_ADVICE in w]


def test_an_overview_of_bare_phase_headings_then_the_detailed_plan_gives_the_detailed_plan():
    body = (
        "# Data path\n## Summary\n### Phase 1: SQL (Weeks 1-3)\n### Phase 2: Pandas (Weeks 4-6)\n"
        "## The plan\n### Phase 1: SQL (Weeks 1-3)\nJoins first, then windows.\n\n- [ ] Window functions\n"
        "### Phase 2: Pandas (Weeks 4-6)\n- [ ] Group by\n"
    )
    role, problems = parse_body(body)
    assert [(p.title, p.weeks) for p in role.phases] == [("SQL", (1, 3)), ("Pandas", (4, 6))]
    assert "Joins first, then windows." in phase_body(role.phases[0])
    assert [(c.text, c.phase) for c in role.checklist] == [("Window functions", 1), ("Group by", 2)]
    (hit,) = [h for h in SearchIndex([role]).search("window functions") if h.section.title == "Window functions"]
    assert hit.section.path == ("Data path", "The plan", "Phase 1: SQL (Weeks 1-3)")
    assert not [w for w in warnings(problems) if "plans" in w]


def test_an_overview_list_then_the_detailed_list_gives_the_detailed_plan():
    body = (
        "# Data path\n## Summary\n- Phase 1: SQL (Weeks 1-3)\n- Phase 2: Pandas (Weeks 4-6)\n"
        "## The plan\n- Phase 1: SQL (Weeks 1-3)\n  - [ ] Window functions\n"
        "- Phase 2: Pandas (Weeks 4-6)\n  - [ ] Group by\n"
    )
    role, problems = parse_body(body)
    assert [(p.title, p.weeks) for p in role.phases] == [("SQL", (1, 3)), ("Pandas", (4, 6))]
    assert [(c.text, c.phase) for c in role.checklist] == [("Window functions", 1), ("Group by", 2)]
    assert not [w for w in warnings(problems) if "plans" in w]


def test_an_overview_of_bold_lines_then_the_detailed_bold_lines_gives_the_detailed_plan():
    body = (
        "# Data path\n## Summary\n\n**Phase 1: SQL (Weeks 1-3)**\n\n**Phase 2: Pandas (Weeks 4-6)**\n\n"
        "## The plan\n\n**Phase 1: SQL (Weeks 1-3)**\n\n- [ ] Window functions\n\n"
        "**Phase 2: Pandas (Weeks 4-6)**\n\n- [ ] Group by\n"
    )
    role, problems = parse_body(body)
    assert [(p.title, p.weeks) for p in role.phases] == [("SQL", (1, 3)), ("Pandas", (4, 6))]
    assert [(c.text, c.phase) for c in role.checklist] == [("Window functions", 1), ("Group by", 2)]
    assert not [w for w in warnings(problems) if "plans" in w]


def test_two_plans_with_other_titles_stay_several_plans_even_where_one_is_bare():
    body = (
        "## Web\n### Phase 1: HTML\n### Phase 2: CSS\n"
        "## Mobile\n### Phase 1: Kotlin\n- Null safety\n### Phase 2: Compose\n- Layouts\n"
    )
    role, problems = parse_body(body)
    assert [p.title for p in role.phases] == ["HTML", "CSS"]
    assert [w for w in warnings(problems) if SPLIT_ADVICE in w]


def test_a_list_plan_in_parts_whose_weeks_go_on_is_one_plan():
    body = (
        "# Plan\n## Part 1: Client\n- Phase 1: Markup (Weeks 1-2)\n- Phase 2: Styling (Weeks 3-4)\n"
        "## Part 2: Server\n- Phase 1: Runtime (Weeks 5-6)\n- Phase 2: Storage (Weeks 7-8)\n"
    )
    role, problems = parse_body(body)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "Markup", (1, 2)),
        (2, "Styling", (3, 4)),
        (3, "Runtime", (5, 6)),
        (4, "Storage", (7, 8)),
    ]
    assert errors(problems) == []
    assert not [w for w in warnings(problems) if SPLIT_ADVICE in w]


def test_bold_phase_lines_in_parts_whose_weeks_go_on_are_one_plan():
    body = (
        "# Plan\n## Starter\n**Phase 1: Markup (Weeks 1-2)**\n\n- [ ] Tags\n\n**Phase 2: Styling (Weeks 3-4)**\n\n"
        "- [ ] Grid\n\n## Practitioner\n**Phase 1: Runtime (Weeks 5-6)**\n\n- [ ] Event loop\n"
    )
    role, problems = parse_body(body)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "Markup", (1, 2)),
        (2, "Styling", (3, 4)),
        (3, "Runtime", (5, 6)),
    ]
    assert [c.phase for c in role.checklist if c.text == "Event loop"] == [3]
    (said,) = [w for w in warnings(problems) if "again" in w]
    assert said.endswith("read as one plan, numbered on (as Phase 3); number them so to silence this")
    assert not [w for w in warnings(problems) if SPLIT_ADVICE in w]


def test_skill_levels_over_phases_without_weeks_are_one_plan_in_their_order():
    body = (
        "# Plan\n## Beginner\n### Phase 1: Markup\n- [ ] Tags\n### Phase 2: Styling\n- [ ] Grid\n"
        "## Intermediate\n### Phase 1: Runtime\n- [ ] Event loop\n## Advanced\n### Phase 1: Scaling\n- [ ] Caching\n"
    )
    role, problems = parse_body(body)
    assert [(p.number, p.title) for p in role.phases] == [
        (1, "Markup"),
        (2, "Styling"),
        (3, "Runtime"),
        (4, "Scaling"),
    ]
    assert [c.phase for c in role.checklist if c.text == "Caching"] == [4]
    assert not [w for w in warnings(problems) if "again" in w or SPLIT_ADVICE in w]


def test_counted_parts_whose_weeks_each_start_at_1_stay_several_plans():
    body = (
        "# Plan\n## Part 1: Client\n### Phase 1: Markup (Weeks 1-2)\n- Tags\n### Phase 2: Styling (Weeks 3-4)\n"
        "- Grid\n## Part 2: Server\n### Phase 1: Runtime (Weeks 1-2)\n- Event loop\n"
    )
    role, problems = parse_body(body)
    assert [(p.title, p.weeks) for p in role.phases] == [("Markup", (1, 2)), ("Styling", (3, 4))]
    assert errors(problems) == []
    assert [w for w in warnings(problems) if SPLIT_ADVICE in w]


def test_an_overview_whose_titles_are_shorter_than_the_plans_is_told_by_its_weeks():
    body = (
        "# Data path\n## Summary\n### Phase 1: SQL (Weeks 1-3)\n### Phase 2: Pandas (Weeks 4-6)\n"
        "## The plan\n### Phase 1: SQL and window functions (Weeks 1-3)\n- [ ] Rank rows\n"
        "### Phase 2: Pandas in practice (Weeks 4-6)\n- [ ] Group by\n"
    )
    role, problems = parse_body(body)
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("SQL and window functions", (1, 3)),
        ("Pandas in practice", (4, 6)),
    ]
    assert [(c.text, c.phase) for c in role.checklist] == [("Rank rows", 1), ("Group by", 2)]
    assert not [w for w in warnings(problems) if "plans" in w]


def test_parts_named_by_letters_in_order_are_one_plan():
    body = (
        "## Unit A: Client\n### Phase 1: Markup\n- Elements\n### Phase 2: Styling\n- Selectors\n"
        "## Unit B: Server\n### Phase 1: Runtime\n- Event loop\n### Phase 2: Persistence\n- Queries\n"
    )
    role, problems = parse_body(body)
    assert [(p.number, p.title) for p in role.phases] == [
        (1, "Markup"),
        (2, "Styling"),
        (3, "Runtime"),
        (4, "Persistence"),
    ]
    assert errors(problems) == []
    assert not [w for w in warnings(problems) if SPLIT_ADVICE in w]


def test_options_named_by_letters_are_alternatives_several_plans():
    body = (
        "## Option A: Client first\n### Phase 1: Markup\n- Elements\n### Phase 2: Styling\n- Selectors\n"
        "## Option B: Server first\n### Phase 1: Runtime\n- Event loop\n### Phase 2: Persistence\n- Queries\n"
    )
    role, problems = parse_body(body)
    assert [(p.number, p.title) for p in role.phases] == [(1, "Markup"), (2, "Styling")]
    assert [w for w in warnings(problems) if SPLIT_ADVICE in w]
