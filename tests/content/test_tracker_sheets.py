"""Interview-prep trackers and sheets as people keep them: week headings whose number is joined to their word as a
file name joins it ('WEEK-1', 'Phase_2'), and bold group labels right under the untitled week parts of a phase."""

from __future__ import annotations

import pytest

from bot.content.search import SearchIndex
from bot.handlers.learning import phase_body
from tests.content.helpers import parse_body, section_titled, warnings

JOINED_WEEKS = """
# Coding interview sprint

## 📅 WEEK-1 — Arrays and Strings

### Day 1 — Two pointers
- [ ] Pair with target sum
- [ ] Squares of a sorted list

# 📅 Week_2: Sliding Windows

### Day 1 — Fixed windows
- [ ] Average of every window

## WEEK-3 - Graphs
- [ ] Count islands
"""


def test_a_week_joined_to_its_number_by_a_hyphen_or_an_underscore_is_a_phase() -> None:
    role, problems = parse_body(JOINED_WEEKS)
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Arrays and Strings", (1, 1)),
        ("Sliding Windows", (2, 2)),
        ("Graphs", (3, 3)),
    ]
    assert [(i.text, i.phase) for i in role.checklist] == [
        ("Pair with target sum", 1),
        ("Squares of a sorted list", 1),
        ("Average of every window", 2),
        ("Count islands", 3),
    ]
    assert not [m for m in warnings(problems) if "is not read as a phase" in m or "starts at week" in m]


@pytest.mark.parametrize(
    ("heading", "read"),
    [
        ("Phase-1: Foundations (Weeks 1-3)", ("Foundations", (1, 3))),
        ("PHASE_1 — Foundations (Weeks 1-3)", ("Foundations", (1, 3))),
        ("Weeks-1-3: Foundations", ("Foundations", (1, 3))),
    ],
)
def test_a_phase_or_a_span_of_weeks_joined_to_its_number_is_read(heading: str, read: tuple[str, object]) -> None:
    role, _ = parse_body(f"# Plan\n\n## {heading}\n- [ ] Install tools\n\n## Week 4: Practice\n- [ ] Mock\n")
    assert (role.phases[0].title, role.phases[0].weeks) == read


def test_a_series_joined_to_its_numbers_is_read_as_its_series() -> None:
    body = "# Course\n\n## Module-1: Basics\n- loops\n\n## Module-2: Data\n- lists\n\n## Module-3: Files\n- io\n"
    role, _ = parse_body(body)
    assert [p.title for p in role.phases] == ["Basics", "Data", "Files"]


def test_a_hyphenated_word_that_names_no_phase_stays_a_section() -> None:
    role, _ = parse_body("# Notes\n\n## Top-10 Problems\n- Two Sum\n\n## COVID-19 Tracker\n- a project\n")
    assert role.phases == ()
    assert {"Top-10 Problems", "COVID-19 Tracker"} <= {s.title for s in role.sections}


GROUPED_WEEK_PARTS = """
# Interview plan

## Weeks 1-2: Data Structures

**Goal:** Learn the core patterns

### Problems

#### Week 1:
**Arrays (2 problems)**
- [ ] Two Sum
- [ ] Three Sum

**Hashing (1 problem)**
- [ ] Group Anagrams

#### Week 2:
**Lists (1 problem)**
- [ ] Reverse a list

## Week 3: Review
- [ ] Mock interview
"""


def test_a_bold_label_under_an_untitled_week_part_stays_its_group() -> None:
    role, _ = parse_body(GROUPED_WEEK_PARTS)
    assert [(p.title, p.weeks) for p in role.phases] == [("Data Structures", (1, 2)), ("Review", (3, 3))]
    first = role.phases[0]
    assert [p.md for p in first.body if p.kind == "label"] == [
        "Problems",
        "Week 1:",
        "Arrays (2 problems)",
        "Hashing (1 problem)",
        "Week 2:",
        "Lists (1 problem)",
    ]
    assert [(i.text, i.group) for i in role.checklist][:4] == [
        ("Two Sum", "Arrays (2 problems)"),
        ("Three Sum", "Arrays (2 problems)"),
        ("Group Anagrams", "Hashing (1 problem)"),
        ("Reverse a list", "Lists (1 problem)"),
    ]
    shown = phase_body(first, role.checklist)
    assert "Arrays (2 problems)" in shown and "Lists (1 problem)" in shown


def test_bold_lines_under_untitled_phases_still_title_them() -> None:
    body = "# Plan\n\n## Week 1\n**Setup**\n- [ ] Install\n\n## Week 2\n**Basics**\n- [ ] Loops\n"
    role, _ = parse_body(body)
    assert [p.title for p in role.phases] == ["Setup", "Basics"]


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Step 3 Binary Search (1D, 2D Arrays, Search Space)", "Binary Search (1D, 2D Arrays, Search Space)"),
        ("Step-3 Matrices (2D)", "Matrices (2D)"),
        ("Step 3: Scaling reads (1M rows)", "Scaling reads (1M rows)"),
    ],
)
def test_a_dimension_or_a_count_in_brackets_is_no_length(heading: str, title: str) -> None:
    body = f"# Sheet\n\n## Step 1 Basics\n- loops\n\n## Step 2 Sorting\n- merge sort\n\n## {heading}\n- a problem\n"
    role, _ = parse_body(body)
    assert [p.title for p in role.phases] == ["Basics", "Sorting", title]
    # no phase gives its length: each is planned as long as the others
    assert len({p.weeks[1] - p.weeks[0] for p in role.phases}) == 1


def test_a_time_box_in_lower_case_letters_is_still_a_length() -> None:
    body = (
        "# Sheet\n\n## Step 1 Basics [2w]\n- loops\n\n## Step 2 Sorting [3d]\n- merge sort\n\n## Step 3 Graphs\n- bfs\n"
    )
    role, _ = parse_body(body)
    assert [(p.title, p.weeks) for p in role.phases][:2] == [("Basics", (1, 2)), ("Sorting", (3, 3))]


@pytest.mark.parametrize("header", ["Title", "Problem", "Question", "Topic"])
def test_a_column_of_titles_or_problems_titles_a_problem_lists_rows(header: str) -> None:
    body = (
        "# Blind 75\n\n## Sheet\n\n"
        f"| Number | Type | {header} | Difficulty | Status |\n| :---: | :---: | ---- | :---: | :---: |\n"
        "| 1 | Array | Two Sum | Easy | ok |\n| 2 | Array | Contains Duplicate | Easy | retry |\n"
        "| 3 | Graph | Clone Graph | Medium | |\n"
    )
    role, _ = parse_body(body)
    assert section_titled(role, "Clone Graph").text == ("Clone Graph — Number: 3 · Type: Graph · Difficulty: Medium")
    assert not [s for s in role.sections if s.title == "Array"]
    hits = SearchIndex([role]).search("clone graph")
    assert hits and hits[0].section.title == "Clone Graph"


def test_without_a_column_of_titles_the_first_cell_with_words_titles_a_row() -> None:
    body = "# Notes\n\n## Sheet\n\n| Type | Name | Level |\n|---|---|---|\n| Array | Two Sum | Easy |\n"
    role, _ = parse_body(body)
    assert section_titled(role, "Array").text == "Array — Name: Two Sum · Level: Easy"


LADDER = """
# Codeforces ladder

## Rating 800

1. [4A - Watermelon](https://codeforces.com/problemset/problem/4/A)  ✔
2. [71A - Way Too Long Words](https://codeforces.com/problemset/problem/71/A)
3. [59A - Word](https://codeforces.com/problemset/problem/59/A) ✅
"""


def test_the_authors_tick_after_a_ladders_problem_is_no_word_of_its_title() -> None:
    role, _ = parse_body(LADDER)
    assert [s.title for s in role.sections][-3:] == ["4A - Watermelon", "71A - Way Too Long Words", "59A - Word"]
    hits = SearchIndex([role]).search("watermelon")
    assert hits and hits[0].section.title == "4A - Watermelon"


def test_a_tick_after_a_tasks_text_is_no_word_of_its_title_and_its_id_stays() -> None:
    body = (
        "# Grind\n\n## Week 1: Basics\n- [ ] 1. Two Sum (LC #1) [Easy] ✓\n"
        "- [ ] 2. Valid Parentheses (LC #20) [Easy]\n- [x] Merge Intervals ✔️\n"
    )
    role, _ = parse_body(body)
    assert [(i.text, i.id) for i in role.checklist] == [
        ("1. Two Sum (LC #1) [Easy]", "item-e850ba45a5"),  # the IDs of the texts as written
        ("2. Valid Parentheses (LC #20) [Easy]", "item-8597d55948"),
        ("Merge Intervals", "item-41f70b680e"),
    ]


def test_a_difficulty_square_and_an_icon_link_are_no_words_of_a_problems_title() -> None:
    body = (
        "# NeetCode\n\nArrays\n------\n\n"
        "1. 🟩 [Two Sum](https://leetcode.com/problems/two-sum/) [[🚀](https://neetcode.io/problems/two-integer-sum)]\n"
        "2. 🟨 [Group Anagrams](https://leetcode.com/problems/group-anagrams/) "
        "[[🚀](https://neetcode.io/problems/anagram-groups)]\n"
        "3. 🟥 [Trapping Rain Water](https://leetcode.com/problems/trapping-rain-water/)\n"
    )
    role, _ = parse_body(body)
    assert [s.title for s in role.sections][-3:] == ["Two Sum", "Group Anagrams", "Trapping Rain Water"]
    two_sum = section_titled(role, "Two Sum")
    assert "https://neetcode.io/problems/two-integer-sum" in two_sum.text  # the icon's link stays in its text


def test_a_box_ticked_with_a_check_mark_is_a_ticked_task() -> None:
    body = (
        "# Grind\n\n## Week 1: Basics\n- [✓] 1. Two Sum\n- [ ] 2. Valid Parentheses\n- [✔️] 3. Merge Two Lists\n"
        "- [√] 4. Flood Fill\n\n## Notes\n- [✓](https://example.com/legend) means solved\n"
    )
    role, _ = parse_body(body)
    assert [i.text for i in role.checklist] == [
        "1. Two Sum",
        "2. Valid Parentheses",
        "3. Merge Two Lists",
        "4. Flood Fill",
    ]
    assert [p.kind for p in role.phases[0].body] == ["task"] * 4


def test_a_tick_or_a_difficulty_dot_after_a_rows_title_is_no_word_of_it() -> None:
    role, _ = parse_body(
        "## Arrays\n\n| Number | Type | Title |\n|---|---|---|\n| 1 | Array | Two Sum ✓ |\n"
        "| 2 | Array | Best Time to Buy 🟢 |\n| 3 | Array | Contains Duplicate |\n"
    )
    titles = [s.title for s in role.sections if s.kind == "topic"]
    assert titles == ["Two Sum", "Best Time to Buy", "Contains Duplicate"]
