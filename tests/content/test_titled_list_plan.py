"""A plan written as a list of titled items that give their weeks ('1. **Foundations (Weeks 1-4)**'), with no phase
word: its phases, their checklist items, and the self-paced warning that names such items where they are no plan."""

from __future__ import annotations

from tests.content.helpers import TITLED_LIST_PLAN, parse_messages

parse = parse_messages
NUMBERED = TITLED_LIST_PLAN


def test_a_numbered_list_of_titled_spans_is_the_plan() -> None:
    role, problems = parse(NUMBERED)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [(1, "Foundations", (1, 4)), (2, "SQL", (5, 8))]
    assert [[t.title for t in p.topics] for p in role.phases] == [["Spreadsheets"], ["Joins and window functions"]]
    assert [(c.text, c.phase, c.group) for c in role.checklist] == [
        ("Clean a messy CSV", 1, "Foundations"),
        ("Write a cohort retention query", 2, "SQL"),
    ]
    assert not any("no phases found" in p for p in problems), problems


def test_a_bullet_list_of_titled_spans_is_the_plan_numbered_by_its_order() -> None:
    role, _ = parse(NUMBERED.replace("1. ", "- ").replace("2. ", "- ").replace("   -", "  -"))
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [(1, "Foundations", (1, 4)), (2, "SQL", (5, 8))]
    assert [c.phase for c in role.checklist] == [1, 2]


def test_bullets_numbered_in_their_own_bold_text_are_the_plan_by_those_numbers() -> None:
    body = "- **1. Foundations (Weeks 1-4)**\n  - HTML\n  - [ ] A page\n- **2. JavaScript (Weeks 5-8)**\n  - DOM\n"
    role, problems = parse(body)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "Foundations", (1, 4)),
        (2, "JavaScript", (5, 8)),
    ]
    assert [[t.title for t in p.topics] for p in role.phases] == [["HTML"], ["DOM"]]
    assert [(c.text, c.phase) for c in role.checklist] == [("A page", 1)]
    assert not any("no phases found" in p for p in problems), problems


def test_bullets_numbered_in_their_text_with_lengths_alone_are_no_plan() -> None:
    role, _ = parse("- **1. Functions (1 week)**\n  - Closures\n- **2. Classes (2 weeks)**\n  - Inheritance\n")
    assert role.phases == ()


def test_months_in_an_items_title_are_its_weeks() -> None:
    role, _ = parse("- Basics (Month 1)\n  - Syntax\n- Projects (Months 2-3)\n  - A CLI\n")
    assert [(p.title, p.weeks) for p in role.phases] == [("Basics", (1, 4)), ("Projects", (5, 12))]


def test_a_list_of_lengths_is_no_plan() -> None:
    role, _ = parse("1. **Functions (1 week)**\n   - Closures\n2. **Classes (2 weeks)**\n   - Inheritance\n")
    assert role.phases == ()


def test_one_titled_span_in_each_of_two_lists_is_no_plan_and_the_warning_names_them() -> None:
    body = "1. **Foundations (Weeks 1-4)**\n   - Sheets\n\nThen:\n\n1. **SQL (Weeks 5-8)**\n   - Joins\n"
    role, problems = parse(body)
    assert role.phases == ()
    (warning,) = [p for p in problems if "no phases found" in p]
    assert "'Foundations (Weeks 1-4)'" in warning and "'SQL (Weeks 5-8)'" in warning


def test_a_lone_titled_span_is_named_by_the_self_paced_warning() -> None:
    role, problems = parse("Some notes.\n\n- **Capstone (Weeks 9-12)**\n  - Ship it\n- Anything else\n")
    assert role.phases == ()
    (warning,) = [p for p in problems if "no phases found" in p]
    assert "'Capstone (Weeks 9-12)'" in warning


def test_a_file_without_such_items_keeps_the_plain_self_paced_warning() -> None:
    _, problems = parse("- Sheets\n- SQL\n")
    (warning,) = [p for p in problems if "no phases found" in p]
    assert "add headings like '## Phase 1: Foundations (Weeks 1-4)'" in warning


def test_a_phase_word_list_plan_is_read_as_before_beside_titled_items() -> None:
    body = "1. Phase 1: HTML (Weeks 1-4)\n   - Tags\n2. Review (Week 5)\n3. Phase 2: CSS (Weeks 6-8)\n   - Grid\n"
    role, _ = parse(body)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [(1, "HTML", (1, 4)), (2, "CSS", (6, 8))]
