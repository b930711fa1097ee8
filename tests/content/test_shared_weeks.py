"""Plans whose weeks repeat: topics that share a week ('## 3. Trees — Week 3', '## 4. Graphs — Week 3'; '### Week 3:
Trees', '### Week 3: Graphs'; '## Trees (Weeks 3-4)', '## Graphs (Weeks 3-4)') are that week's phase together."""

from __future__ import annotations

from bot.content.loader import parse_bytes
from bot.handlers.learning import phase_body
from tests.content.helpers import errors, parse_body, phase_spans, role_file, warnings

OUTLINED_TOPICS = """
# Data structures in five topics

## 1. Arrays — Week 1
- Index and slice
- [ ] Rotate an array

## 2. Lists — Week 2
- Singly linked lists

## 3. Trees — Week 3
- Walk a binary tree

## 4. Graphs — Week 3
- Breadth-first search
- [ ] Count islands

## 5. DP — Week 4
- Memoize a recursion
"""


def test_numbered_topics_of_one_week_are_that_weeks_phase_together() -> None:
    role, problems = parse_body(OUTLINED_TOPICS)
    assert errors(problems) == [] and warnings(problems) == []
    assert phase_spans(role) == [(1, "Arrays", (1, 1)), (2, "Lists", (2, 2)), (3, "Trees", (3, 3)), (4, "DP", (4, 4))]
    shown = phase_body(role.phases[2], role.checklist)
    assert "Walk a binary tree" in shown and "Graphs" in shown and "Breadth-first search" in shown
    assert [(item.text, item.phase) for item in role.checklist] == [("Rotate an array", 1), ("Count islands", 3)]


def test_week_headings_that_give_one_week_twice_then_go_on_are_that_weeks_phase_together() -> None:
    body = (
        "# Plan\n\n### Week 1: Syntax\n- Variables\n\n### Week 2: Loops\n- For loops\n\n### Week 3: Trees\n- Binary"
        " trees\n\n### Week 3: Graphs\n- Depth-first search\n\n### Week 4: Review\n- Mock interview\n"
    )
    role, problems = parse_body(body)
    assert errors(problems) == [] and warnings(problems) == []
    assert phase_spans(role) == [
        (1, "Syntax", (1, 1)),
        (2, "Loops", (2, 2)),
        (3, "Trees", (3, 3)),
        (4, "Review", (4, 4)),
    ]
    shown = phase_body(role.phases[2])
    assert "Binary trees" in shown and "Week 3: Graphs" in shown and "Depth-first search" in shown


def test_titled_spans_given_twice_are_those_weeks_phase_together() -> None:
    body = (
        "# Plan\n\n## Basics (Weeks 1-2)\n- Syntax\n\n## Trees (Weeks 3-4)\n- Heaps\n\n## Graphs (Weeks 3-4)\n"
        "- Shortest paths\n\n## Review (Weeks 5-6)\n- Mock interviews\n"
    )
    role, problems = parse_body(body)
    assert errors(problems) == []
    assert phase_spans(role) == [(1, "Basics", (1, 2)), (2, "Trees", (3, 4)), (3, "Review", (5, 6))]
    assert "Shortest paths" in phase_body(role.phases[1])


def test_topics_sharing_weeks_only_as_whole_weeks_are_a_plan_of_those_weeks() -> None:
    body = (
        "# Tracker\n\n## 1. Hashing — Week 1\n- [ ] Two sums\n\n## 2. Pointers — Week 1\n- [ ] Palindromes\n\n"
        "## 3. Stacks — Week 2\n- [ ] Brackets\n\n## 4. Queues — Week 2\n- [ ] Ring buffer\n\n## 5. Heaps — Week 3\n"
        "- [ ] Top k\n"
    )
    role, problems = parse_body(body)
    assert errors(problems) == []
    assert phase_spans(role) == [(1, "Hashing", (1, 1)), (2, "Stacks", (2, 2)), (3, "Heaps", (3, 3))]
    assert [item.phase for item in role.checklist] == [1, 1, 2, 2, 3]


def test_a_week_given_twice_whose_next_week_is_skipped_stays_a_slip_of_the_count() -> None:
    role, problems = parse_body("# Log\n\n## Week 1: Git\n- a\n\n## Week 1: SQL\n- b\n\n## Week 3: Go\n- c\n")
    assert phase_spans(role) == [(1, "Git", (1, 1)), (2, "SQL", (2, 2)), (3, "Go", (3, 3))]


def test_phases_numbered_as_phases_that_give_one_week_still_overlap() -> None:
    body = "# Plan\n\n## Phase 1: Trees (Week 1)\n- a\n\n## Phase 2: Graphs (Week 1)\n- b\n\n## Phase 3: DP (Week 2)\n"
    role, problems = parse_bytes(role_file(body=body + "- c\n").encode(), "x.md")
    assert role is None
    assert errors(problems) == [
        "Phase 2 (week 1) overlaps Phase 1 (week 1, line 10); give Phase 2 weeks after week 1, or end Phase 1 before "
        "week 1"
    ]


def test_different_spans_that_overlap_stay_an_error_naming_the_phases_alike() -> None:
    body = "# Plan\n\n## Basics (Weeks 1-4)\n- a\n\n## Trees (Weeks 3-6)\n- b\n"
    role, problems = parse_bytes(role_file(body=body).encode(), "x.md")
    assert role is None
    assert errors(problems) == [
        "'Trees' (weeks 3-6) overlaps 'Basics' (weeks 1-4, line 10); shorten 'Basics (Weeks 1-4)' to '(Weeks 1-2)' or "
        "'Trees (Weeks 3-6)' to '(Weeks 5-6)'"
    ]
    # where no span can be shortened, the fix names them as the first half of the message does
    body = "# Plan\n\n## Basics (Weeks 1-4)\n- a\n\n## Trees (Weeks 1-2)\n- b\n\n## Graphs (Weeks 5-6)\n- c\n"
    _, problems = parse_bytes(role_file(body=body).encode(), "x.md")
    assert errors(problems) == [
        "'Trees' (weeks 1-2) overlaps 'Basics' (weeks 1-4, line 10); give 'Trees' weeks after week 4, or end 'Basics' "
        "before week 1"
    ]


def test_a_week_said_to_continue_is_a_part_of_that_week_dated_or_not() -> None:
    body = (
        "# Log\n\n### Week 1 — Scaffold (Mar 23)\n- Player input\n\n### Week 1 (continued) — Combat (Mar 25)\n"
        "- Drones\n\n### Week 2 — Polish (Mar 30)\n- Menus\n"
    )
    role, problems = parse_body(body)
    assert problems == []
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2)]
    assert "Drones" in phase_body(role.phases[0])


def test_each_week_continued_under_a_heading_of_its_own_shows_in_its_week() -> None:
    body = (
        "# Plan\n\n## Order\n\n### Week 1 (Now)\n1. Prevent duplicates\n\n### Week 1 (continued)\n2. Aggregate evidence"
        "\n\n### Week 2\n3. Wire generation\n\n### Week 2 (continued)\n4. Flip the default\n\n## Success criteria\n\n"
        "- [ ] Fast\n"
    )
    role, problems = parse_body(body)
    assert errors(problems) == []
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2)]
    assert "Aggregate evidence" in phase_body(role.phases[0])
    assert "Flip the default" in phase_body(role.phases[1])


def test_two_days_of_one_week_are_parts_of_it_and_dates_a_week_apart_move_the_count_on() -> None:
    body = "# Log\n\n### Week 1 — Input (Mar 23)\n- a\n\n### Week 1 — Combat (Mar 25)\n- b\n\n### Week 2 — Menus (Mar 30)\n- c\n"
    role, problems = parse_body(body)
    assert problems == []
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2)]
    role, problems = parse_body(body.replace("Mar 25", "Mar 30").replace("Week 2 — Menus (Mar 30)", "Week 2 (Apr 6)"))
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2), (3, 3)]
    assert [w for w in warnings(problems) if "twice" in w]


def test_day_spans_that_fall_in_one_week_are_each_a_phase_of_their_own() -> None:
    # a plan of days: days 1-3 and days 4-7 share week 1 but are no parts of one another
    body = (
        "# Sprint\n\n## Days 1-3: Setup\n- Install tools\n\n## Days 4-7: Basics\n- Write a script\n\n"
        "## Days 8-10: Loops\n- Loop drills\n\n## Days 11-14: Functions\n- Refactor the script\n"
    )
    role, problems = parse_body(body)
    assert errors(problems) == []
    assert [p.title for p in role.phases] == ["Setup", "Basics", "Loops", "Functions"]
    numbered = body.replace("## Days 1-3: Setup", "## 1. Setup (Days 1-3)").replace(
        "## Days 4-7: Basics", "## 2. Basics (Days 4-7)"
    )
    numbered = numbered.replace("## Days 8-10: Loops", "## 3. Loops (Days 8-10)")
    numbered = numbered.replace("## Days 11-14: Functions", "## 4. Functions (Days 11-14)")
    role, _ = parse_body(numbered)
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2), (3, 3), (4, 4)]
    assert "Write a script" in phase_body(role.phases[1])


def test_the_same_days_given_twice_are_that_spans_phase_together() -> None:
    body = (
        "# Sprint\n\n## Days 1-7: Setup\n- Install tools\n\n## Days 1-7: Reading list\n- A book\n\n"
        "## Days 8-14: Loops\n- Loop drills\n"
    )
    role, problems = parse_body(body)
    assert errors(problems) == [] and warnings(problems) == []
    assert phase_spans(role) == [(1, "Setup", (1, 1)), (2, "Loops", (2, 2))]
    assert "A book" in phase_body(role.phases[0])


def test_a_title_that_starts_with_continued_is_no_week_going_on() -> None:
    # 'Continued fractions' is a topic: the week given twice before a skipped week is a slip of the count
    body = "# Log\n\n## Week 1: Intro\n- a\n\n## Week 1: Continued fractions\n- b\n\n## Week 3: Series\n- c\n"
    role, problems = parse_body(body)
    assert phase_spans(role) == [(1, "Intro", (1, 1)), (2, "Continued fractions", (2, 2)), (3, "Series", (3, 3))]
    assert [w for w in warnings(problems) if "twice" in w]
    # said on its own, or in brackets before a title, the week goes on
    for said in ("Week 1 — continued", "Week 1 (continued) — Practice", "Week 1 cont.: Practice"):
        role, _ = parse_body(body.replace("Week 1: Continued fractions", said))
        assert [p.weeks for p in role.phases] == [(1, 1), (3, 3)], said
