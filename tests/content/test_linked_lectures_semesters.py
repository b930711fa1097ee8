"""Plans that link each week's page from a numbered list, course pages of dated lectures two a week, and degree
plans by semester: the phases a learner sees and what `/phase` shows in them."""

from __future__ import annotations

import pytest

from bot.content.loader import parse_bytes
from bot.content.phases import read_phase_heading
from bot.handlers.learning import phase_body
from tests.content.helpers import parse_messages, phase_spans, role_file

# --- a numbered list of links to the weeks' pages --------------------------------------------------------------------

LINKED_WEEKS = """
# Bootcamp

## Curriculum

1. [Week 1 — The Shell](https://example.org/week-01/)
2. [Week 2 — Users](https://example.org/week-02/)
   - Bonus: [sudo in depth](https://example.org/week-02/sudo/)
3. [Week 3 — Networking Basics](https://example.org/week-03/): IP, DNS, `ss`, `ip`
"""


def test_a_list_plan_of_links_shows_each_weeks_link_in_its_phase():
    role, problems = parse_messages(LINKED_WEEKS)
    assert problems == []
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2), (3, 3)]
    assert phase_body(role.phases[0]) == "[Week 1 — The Shell](https://example.org/week-01/)"
    shown = phase_body(role.phases[1])
    assert "- Bonus: [sudo in depth](https://example.org/week-02/sudo/)" in shown
    assert "[Week 2 — Users](https://example.org/week-02/)" in shown


def test_the_words_after_a_weeks_link_are_its_first_bullet_not_its_title():
    role, _ = parse_messages(LINKED_WEEKS)
    phase = role.phases[2]
    assert phase.title == "Networking Basics"
    assert [t.title for t in phase.topics] == ["IP, DNS, ss, ip"]
    assert phase_body(phase).splitlines() == [
        "- IP, DNS, `ss`, `ip`",
        "[Week 3 — Networking Basics](https://example.org/week-03/)",
    ]


def test_relative_week_links_resolve_against_the_base_url():
    body = "## Plan\n\n1. [Week 1 — Shell](week-01/README.md)\n2. [Week 2 — Users](week-02/README.md)\n"
    text = role_file("linked", body=body, extra="baseUrl: https://github.com/o/r/blob/main/\n")
    role, problems = parse_bytes(text.encode(), "linked.md")
    assert role is not None and not problems
    assert phase_body(role.phases[1]) == "[Week 2 — Users](https://github.com/o/r/blob/main/week-02/README.md)"


# --- lectures on dates, two a week ----------------------------------------------------------------------------------

LECTURES = """
# CS 144

## Schedule

### Lecture 1 — Processes (Sep 24)
Reading: ch. 4
- fork and exec

### Lecture 2 — Direct Execution (Sep 26)
- System calls

### Lecture 3 — Scheduling (Oct 1)
- MLFQ

### Midterm (Oct 8, in class)
- [ ] Review past midterms

### Lecture 4 — Threads (Oct 10)
- Locks

## Grading
Assignments 50%.
"""


def test_dated_lectures_are_a_phase_per_calendar_week_the_later_ones_of_a_week_its_parts():
    role, problems = parse_messages(LECTURES)
    assert not [p for p in problems if "overlap" in p]
    assert phase_spans(role) == [
        (1, "Processes (Sep 24)", (1, 1)),
        (2, "Scheduling (Oct 1)", (2, 2)),
        (3, "Threads (Oct 10)", (3, 3)),
    ]
    assert [s.label for s in role.phases[0].subsections] == ["Lecture 2 — Direct Execution (Sep 26)"]
    shown = phase_body(role.phases[0])
    assert "- fork and exec" in shown and "- System calls" in shown


def test_lecture_and_session_headings_without_dates_are_a_series_of_phases():
    role, _ = parse_messages(
        "# Course\n\n## Lecture 1: Intro\n- a\n\n## Lecture 2: Types\n- b\n\n## Lecture 3: Loops\n- c\n"
    )
    assert [(p.number, p.title) for p in role.phases] == [(1, "Intro"), (2, "Types"), (3, "Loops")]
    role, _ = parse_messages(
        "# Course\n\n## Session 1 - Intro\n- a\n\n## Session 2 - Types\n- b\n\n## Session 3\n- c\n"
    )
    assert [p.number for p in role.phases] == [1, 2, 3]


# --- semesters ------------------------------------------------------------------------------------------------------

SEMESTERS = """
# CS degree

## Year 1

### Semester 1 (Fall 2024)

#### Course: CS50 (4 credit hours)
- Topics: C, Python
- [ ] Final project

#### Course: Maths (3 credit hours)
- Proofs

### Semester 2 (Spring 2025)

#### Course: Algorithms (4 credit hours)
- Graphs

## Year 2

### Semester 3 (Fall 2025)

#### Course: Systems (4 credit hours)
- [ ] Bomb lab
"""


def test_semester_headings_are_phases_of_sixteen_weeks_their_courses_parts():
    role, problems = parse_messages(SEMESTERS)
    assert problems == []
    assert [(p.number, p.weeks) for p in role.phases] == [(1, (1, 16)), (2, (17, 32)), (3, (33, 48))]
    assert [s.label for s in role.phases[0].subsections] == [
        "Course: CS50 (4 credit hours)",
        "Course: Maths (3 credit hours)",
    ]
    assert [item.phase for item in role.checklist] == [1, 3]


def test_terms_read_as_semesters_and_one_alone_is_no_plan():
    found = read_phase_heading("Term 2: Algorithms")
    assert found is not None and (found.first, found.last, found.title) == (17, 32, "Algorithms")
    assert read_phase_heading("Terminal 1") is None
    role, _ = parse_messages("# Notes\n\n## Semester 1 recap\n- a\n\n## Other\n- b\n")
    assert role.phases == ()


@pytest.mark.parametrize(
    ("body", "titles"),
    [
        ("## Semester 1\n- a\n\n## Semester 2\n- b\n", ["Semester 1", "Semester 2"]),
        ("## Term 1\n- a\n\n## Term 2\n- b\n", ["Term 1", "Term 2"]),
        (
            "## Semester 1 (Fall 2024)\n- a\n\n## Semester 2 (Spring 2025)\n- b\n",
            ["Semester 1 (Fall 2024)", "Semester 2 (Spring 2025)"],
        ),
        ("## Q1 (Jan–Mar)\n- a\n\n## Q2 (Apr–Jun)\n- b\n", ["Q1 (Jan–Mar)", "Q2 (Apr–Jun)"]),
        ("## Month 1 (January)\n- a\n\n## Month 2 (February)\n- b\n", ["Month 1 (January)", "Month 2 (February)"]),
        ("## Semester 1: Basics\n- a\n\n## Semester 2 — Systems (Spring)\n- b\n", ["Basics", "Systems (Spring)"]),
    ],
)
def test_a_term_quarter_or_month_without_a_title_is_named_by_its_heading(body: str, titles: list[str]):
    role, problems = parse_messages(f"# Plan\n\n{body}")
    assert [p.title for p in role.phases] == titles
    assert problems == []
