"""Shapes of study plans found in public repositories (exam sprints, dated week plans), written small."""

from __future__ import annotations

import pytest

from bot.content.phases import read_phase_heading
from bot.handlers.learning import phase_body
from tests.content.helpers import errors, finishes_in_a_minute, parse_body, role_file, warnings


def test_a_week_whose_days_run_into_the_next_week_is_that_week():
    # a 30-day sprint: four weeks of days, the last one nine days long
    body = (
        "# Sprint\n\n"
        "## Week 1: Basics (Days 1-7)\n- Read the guide\n\n"
        "## Week 2: Practice (Days 8–14)\n- Solve sets\n\n"
        "## Week 3: Mocks (Days 15-21)\n- Timed mock\n\n"
        "## Week 4: Final stretch (Days 22–30)\n\n### Day 29: Revise\n- Formula sheets\n\n### Day 30: Rest\n- Sleep\n"
    )
    role, problems = parse_body(body)
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Basics", (1, 1)),
        ("Practice", (2, 2)),
        ("Mocks", (3, 3)),
        ("Final stretch", (4, 4)),
    ]
    assert "Formula sheets" in phase_body(role.phases[3])
    assert warnings(problems) == []


def test_days_that_start_in_another_week_are_still_a_second_span():
    found = read_phase_heading("Week 4: Final stretch (Days 29-35)")
    assert found is not None and found.title == "Final stretch (Days 29-35)"
    role, problems = parse_body("# T\n\n## Week 1: A\n- a\n\n## Week 2: B (Days 22-30)\n- b\n")
    assert [p.title for p in role.phases] == ["A"]
    assert any("two spans" in w for w in warnings(problems))
    assert errors(problems) == []


def test_a_week_number_written_twice_moves_the_weeks_after_it_on():
    # a year plan of dated weeks whose author wrote one week's number twice, and counted on from there
    body = (
        "# Year plan\n\n"
        "### Week 15 - July 19-25 - Build tools\n- [ ] Bundlers\n\n"
        "### Week 16 - July 26-August 1 - Automation\n- [ ] Task runners\n\n"
        "### Week 16 - August 2-8 - The DOM\n- [ ] Events\n\n"
        "### Week 17 - August 9-15 - jQuery\n- [ ] Selectors\n\n### Week 18 - August 16-22 - Testing\n- [ ] Jest\n"
    )
    role, problems = parse_body(body)
    assert [p.weeks for p in role.phases] == [(w, w) for w in range(15, 20)]
    assert [p.title for p in role.phases][2:] == [
        "The DOM (August 2-8)",
        "jQuery (August 9-15)",
        "Testing (August 16-22)",
    ]
    assert errors(problems) == []
    (repeat,) = [w for w in warnings(problems) if "twice" in w]
    assert "week 16" in repeat and "weeks 17-18 as weeks 18-19" in repeat


def test_a_repeated_week_with_a_later_count_that_leaves_room_moves_only_itself():
    body = "# T\n\n## Week 1: A\n- a\n\n## Week 2: B\n- b\n\n## Week 2: C\n- c\n\n## Week 5: D\n- d\n"
    role, problems = parse_body(body)
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2), (3, 3), (5, 5)]
    assert errors(problems) == []


def test_days_blocks_run_the_weeks_of_their_own_week_headings():
    # a 30/60/90-day plan: each block of days holds its weeks, counted on through the plan
    body = (
        "# Onboarding\n\n"
        "## Days 1–30: Learn\n\n### Week 1: Orientation\n- [ ] Get access\n\n### Weeks 2-4: Map the system\n"
        "- [ ] Trace a call\n\n"
        "## Days 31–60: Contribute\n\n### Weeks 5–6: Design\n- [ ] Design doc\n\n### Weeks 7–8: Build\n- [ ] Ship it\n\n"
        "## Days 61–90: Own\n\n### Weeks 9–12: Ship\n- [ ] Roll out\n\n### Week 13: Retro\n- [ ] Write the retro\n"
    )
    role, problems = parse_body(body)
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Learn", (1, 4)),
        ("Contribute", (5, 8)),
        ("Own", (9, 13)),
    ]
    assert warnings(problems) == []


def test_days_blocks_whose_weeks_count_from_one_again_keep_their_days():
    body = (
        "# T\n\n## Days 1-30: Learn\n\n### Week 1: A\n- a\n\n### Week 2: B\n- b\n\n"
        "## Days 31-60: Build\n\n### Week 1: C\n- c\n\n### Week 2: D\n- d\n"
    )
    role, _ = parse_body(body)
    assert [p.weeks for p in role.phases] == [(1, 5), (6, 9)]


@pytest.mark.parametrize(
    ("heading", "weeks", "title"),
    [
        ("Week One: HTML basics", (1, 1), "HTML basics"),
        ("Week Two", (2, 2), ""),
        ("WEEK TWELVE — Capstone", (12, 12), "Capstone"),
        ("### Week One:  Getting Started with Spark", (1, 1), "Getting Started with Spark"),
        ("Month Two - Asynchronous JavaScript", (5, 8), "Asynchronous JavaScript"),
        ("Weeks Three to Five: Databases", (3, 5), "Databases"),
        ("📅 Week Four: Review", (4, 4), "Review"),
    ],
)
def test_a_week_or_month_numbered_in_words_is_that_week_or_month(heading, weeks, title):
    found = read_phase_heading(heading.lstrip("# "))
    assert found is not None and (found.first, found.last) == weeks and found.title == title


@pytest.mark.parametrize(
    "heading",
    [
        "Week one, concretely",
        "Month one should establish a baseline",
        "Month One in Three Acts",
        "Weekday",
        "Week One-on-one sessions",
        "Month one-off costs",
    ],
)
def test_a_week_in_words_in_a_sentence_is_no_phase(heading):
    assert read_phase_heading(heading) is None


def test_a_plan_of_weeks_numbered_in_words_is_a_plan():
    body = "# Course\n\n## Week One: HTML\n- Tags\n\n## Week Two: CSS\n- Grid\n\n## Week Three: JavaScript\n- DOM\n"
    role, problems = parse_body(body)
    assert [(p.title, p.weeks) for p in role.phases] == [("HTML", (1, 1)), ("CSS", (2, 2)), ("JavaScript", (3, 3))]
    assert problems == []


def test_a_plan_with_a_week_word_before_a_hyphenated_word_still_loads():
    # 'One-on-one' is one word: no week one, which would overlap the plan's weeks
    body = (
        "# Plan\n\n## Week 1: Setup\n- Git\n\n## Week 2: Basics\n- Loops\n\n## Week One-on-one sessions\n"
        "- Book one\n\n## Week 3: Projects\n- Ship\n"
    )
    role, problems = parse_body(body)
    assert errors(problems) == []
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2), (3, 3)]


def test_a_long_heading_of_blanks_after_a_week_word_is_read_in_time():
    finishes_in_a_minute(
        "from bot.content.phases import read_phase_heading\n"
        "for lead in ('Week', 'Weeks one', 'Week one to', '- ' * 20000 + 'Week'):\n"
        "    read_phase_heading(lead + ' ' * 100000 + 'x')\n"
        "    read_phase_heading(lead + ' two' * 30000)\n",
        "reading a week heading in words",
    )


def test_a_dated_class_line_is_no_objective_of_its_unit():
    # a course's units, each a run of classes that open with their date
    body = (
        "# Schedule\n\n### Unit 1: Text as Data\n\n9/5 – Platforms and People\n\n* In class: Jupyter\n\n"
        "9/10 - Web Scraping\n\n* In class: Beautiful Soup\n\n"
        "### Unit 2: Modeling\n\nOct 1 – Topic modeling\n\n* In class: LDA\n\n"
        "### Unit 3: Arguing\n\n3/4 of this unit is reading papers.\n\n* Nguyen et al.\n"
    )
    role, _ = parse_body(body)
    assert [p.objective for p in role.phases] == [None, None, "3/4 of this unit is reading papers."]
    assert "9/5 – Platforms and People" in phase_body(role.phases[0])


def test_a_long_line_of_digits_and_blanks_is_looked_at_in_time():
    finishes_in_a_minute(
        "from bot.content.phases import dated_line\n"
        "for line in ('9/5' + ' ' * 100000 + 'x', '1' * 100000, '1/' * 50000, 'Jan 20' + ' -' * 50000):\n"
        "    dated_line(line)\n",
        "reading a dated line",
    )


def test_a_plan_pasted_twice_is_read_once():
    parts = "## Part 1: Fundamentals\n- Joins\n- [ ] Write a join\n\n## Part 2: Theory\n- Algebra\n\n## Part 3: Advanced\n- CTEs\n\n"
    role, problems = parse_body("# SQL path\n\n" + parts + "---\n\n" + parts)
    assert [(p.number, p.title) for p in role.phases] == [(1, "Fundamentals"), (2, "Theory"), (3, "Advanced")]
    assert errors(problems) == []
    (copy,) = [w for w in warnings(problems) if "again" in w]
    assert "read once" in copy


def test_one_phase_pasted_twice_is_named_as_one():
    week = "## Week 1: Arrays\n- Two Sum\n\n"
    role, problems = parse_body("# T\n\n" + week + week + "## Week 2: Trees\n- Invert a tree\n")
    (copy,) = [w for w in warnings(problems) if "again" in w]
    assert "'Arrays' (line 13) gives the phase of line 10 again, word for word" in copy


def test_a_heading_written_twice_the_first_empty_is_one_phase():
    body = "# T\n\n## Part 1: Fundamentals\n\n## Part 1: Fundamentals\n- Joins\n\n## Part 2: Theory\n- Algebra\n"
    role, problems = parse_body(body)
    assert [(p.number, p.title) for p in role.phases] == [(1, "Fundamentals"), (2, "Theory")]
    assert "Joins" in phase_body(role.phases[0])
    assert errors(problems) == []
    (twice,) = [w for w in warnings(problems) if "written twice" in w]
    assert twice.endswith("read once; remove the empty heading to silence this")


def test_phases_numbered_again_with_other_titles_stay_out_of_order():
    from bot.content.loader import parse_bytes
    from tests.content.helpers import role_file

    parts = "## Part 1: A\n- a\n\n## Part 2: B\n- b\n\n## Part 1: C\n- c\n\n## Part 2: D\n- d\n"
    role, problems = parse_bytes(role_file(body="# T\n\n" + parts).encode(), "x.md")
    assert role is None and any("out of order" in p.message for p in problems)


def test_numbered_topics_that_share_one_week_are_not_moved_on():
    body = "# T\n\n## 1. Arrays — Week 1\n- a\n\n## 2. Two pointers — Week 1\n- b\n\n## 3. Stack — Week 2\n- c\n"
    role, problems = parse_body(body)
    assert problems == []
    # week 1 holds both topics; the topics' numbers are no weeks' count
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [(1, "Arrays", (1, 1)), (2, "Stack", (2, 2))]
    assert "Two pointers" in phase_body(role.phases[0])


MERGED = """# Assignments

- [Week 1: Tools](https://example.org/week-1)
- [Week 2: Review](https://example.org/week-2)
<<<<<<< HEAD
<<<<<<< HEAD
=======
>>>>>>> upstream/master
- [Week 3: Midterm](https://example.org/midterm)
- [Week 4: JavaScript](https://example.org/week-4)
=======
- Week 3: Midterm
- Week 4: JavaScript
>>>>>>> upstream/master
- Week 5: Studio

```text
<<<<<<< HEAD
a conflict shown as an example
=======
the other side
>>>>>>> branch
```
"""


def test_unresolved_merge_markers_keep_the_first_version():
    role, problems = parse_body(MERGED)
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Tools", (1, 1)),
        ("Review", (2, 2)),
        ("Midterm", (3, 3)),
        ("JavaScript", (4, 4)),
        ("Studio", (5, 5)),
    ]
    (merge,) = [p for p in problems if "merge" in p.message]
    assert role_file(body=MERGED).split("\n")[merge.line - 1] == "<<<<<<< HEAD"
    assert "the other side" in phase_body(role.phases[-1])  # in a code block: an example, kept as written


def test_merge_markers_in_a_code_block_whose_fence_is_indented_are_an_example():
    # CommonMark lets a fence sit up to three blanks in; its lines are code, whatever their own indent
    body = (
        "## Week 1: Merging\n\nRead the markers:\n\n ```\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> main\n ```\n\n"
        "## Week 2: Rebasing\n- b\n"
    )
    role, problems = parse_body(body)
    assert not any("merge" in w for w in warnings(problems))
    assert "theirs" in phase_body(role.phases[0])


def test_a_setext_underline_of_seven_marks_is_no_merge_marker():
    role, problems = parse_body("Basics\n=======\n\n## Week 1: A\n- a\n\n## Week 2: B\n- b\n")
    assert role.title == "Basics"
    assert not any("merge" in w for w in warnings(problems))


def test_a_long_file_of_merge_markers_and_fences_is_read_in_time():
    finishes_in_a_minute(
        "from bot.content.loader import parse_bytes\n"
        "from tests.content.helpers import role_file\n"
        "body = '# T\\n' + '<<<<<<< HEAD\\n' * 20000 + '`' * 100000 + '\\n=======\\n' * 20000 + '>>>>>>> x\\n' * 20000\n"
        "parse_bytes(role_file(body=body).encode(), 'x.md')\n",
        "reading a file of merge markers",
    )


def test_a_cell_in_brackets_alone_is_no_title_of_its_row():
    # a week table of tracks, one of them light in some weeks
    body = (
        "# T\n\n| Week | Verification track | Design track |\n|---|---|---|\n"
        "| W1 | OOP foundations | (small DUTs) |\n| W2 | (light) | RISC-V single-cycle CPU |\n"
    )
    role, _ = parse_body(body)
    assert [p.title for p in role.phases] == ["OOP foundations", "RISC-V single-cycle CPU"]
    assert "(light)" in phase_body(role.phases[1])


def test_topics_that_give_their_week_after_the_title_share_it():
    body = "# T\n\n## Arrays (Week 1)\n- a\n\n## Two Pointers (Week 1)\n- b\n\n## Stack (Week 2)\n- c\n"
    role, problems = parse_body(body)
    assert problems == []
    assert [(p.title, p.weeks) for p in role.phases] == [("Arrays", (1, 1)), ("Stack", (2, 2))]
    assert "Two Pointers" in phase_body(role.phases[0])


def test_phases_of_the_same_titles_with_other_work_under_them_are_no_copy():
    from bot.content.loader import parse_bytes
    from tests.content.helpers import role_file

    first = "## Part 1: Basics\n- HTML\n\n## Part 2: Practice\n- A landing page\n\n"
    second = "## Part 1: Basics\n- Python\n\n## Part 2: Practice\n- A CLI tool\n\n"
    role, problems = parse_bytes(role_file(body="# Tracks\n\n" + first + second).encode(), "x.md")
    assert role is None and any("out of order" in p.message for p in problems)


def test_plain_lines_of_phases_in_days_that_meet_in_a_week_are_a_plan():
    # notes written as plain text: each phase a line that gives its days, its title on the next line
    body = (
        "# Study notes\n\n## 60 day plan\n\n"
        "Phase 1 (Days 1-10)\nLearn the architecture\n\nTopics\n\n* control plane\n* scheduler\n\n"
        "Phase 2 (Days 11-25)\nWorkloads and deployments\n\n* create pods\n\n"
        "Phase 3 (Days 26-40)\nNetworking\n\n* services\n"
    )
    role, problems = parse_body(body)
    assert [(p.number, p.weeks) for p in role.phases] == [(1, (1, 2)), (2, (3, 4)), (3, (5, 6))]
    assert "control plane" in phase_body(role.phases[0])
    assert errors(problems) == []


SHARED_WEEKS = """# DSA tracker

## 1. Arrays & Hashing — Week 1
- [ ] Two Sum

## 2. Two Pointers — Week 1
- [ ] Valid Palindrome

## 3. Sliding Window — Week 1-2
- [ ] Best Time to Buy and Sell Stock

## 4. Stack — Week 2
- [ ] Valid Parentheses
"""


def test_numbered_topics_that_share_weeks_are_topics_of_a_self_paced_path():
    role, problems = parse_body(SHARED_WEEKS)
    assert role.phases == ()
    assert [item.text for item in role.checklist] == [
        "Two Sum",
        "Valid Palindrome",
        "Best Time to Buy and Sell Stock",
        "Valid Parentheses",
    ]
    (said,) = [w for w in warnings(problems) if "self-paced" in w]
    assert "share weeks" in said and "'1. Arrays & Hashing — Week 1'" in said


LECTURE_AND_LAB = """
# Intro to programming

## Week 1: Lecture — Intro
- Slides: what a program is

## Week 1: Lab — Setup
- [ ] Install the editor

## Week 2: Lecture — Types
- Slides: numbers and strings

## Week 2: Lab — Drills
- [ ] Finish the type drills

## Week 3: Lecture — Control flow
- Slides: if and while
"""


def test_weeks_each_written_in_parts_are_one_phase_a_week_its_later_headings_parts():
    role, problems = parse_body(LECTURE_AND_LAB)
    assert errors(problems) == []
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Lecture — Intro", (1, 1)),
        ("Lecture — Types", (2, 2)),
        ("Lecture — Control flow", (3, 3)),
    ]
    assert not [w for w in warnings(problems) if "twice" in w]
    # the lab is shown in its week's phase, its task ticked there
    assert "Install the editor" in phase_body(role.phases[0], role.checklist)
    assert [c.phase for c in role.checklist] == [1, 2]


SLIPS_OF_THE_COUNT = """
# Front end in seven weeks

## Week 1: Markup
- Tags and forms

## Week 2: Styles
- Selectors

## Week 2: Layout
- Grid and flex

## Week 4: Scripts
- Values and loops

## Week 5: The page
- Events

## Week 5: Requests
- Loading data

## Week 7: Components
- A first component
"""


def test_two_weeks_each_given_twice_before_a_gap_are_slips_not_parts():
    # each repeat is followed by the week after the one it stands for: read as parts, weeks 3 and 6 would be gaps
    role, problems = parse_body(SLIPS_OF_THE_COUNT)
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Markup", (1, 1)),
        ("Styles", (2, 2)),
        ("Layout", (3, 3)),
        ("Scripts", (4, 4)),
        ("The page", (5, 5)),
        ("Requests", (6, 6)),
        ("Components", (7, 7)),
    ]
    assert len([w for w in warnings(problems) if "twice" in w]) == 2
    assert not [w for w in warnings(problems) if "gap" in w]
