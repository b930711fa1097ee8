"""A phase heading that gives no weeks over a week table ('### Phase I: Data' over '| Week | Date | Topic |' rows
'| 01 |' … '| 08 |') runs the weeks its rows name, as one over '### Week 1' … '### Week 8' headings does; rows that
count weeks again from 1 under each phase give its length."""

from __future__ import annotations

from tests.content.helpers import parse_body, phase_spans


def _table(first: int, last: int, blank_rows: bool = True) -> str:
    rows = "".join(
        f"| **{w:02d}** | Mon | Lecture {w} |\n" + (f"| | Wed | Lab {w} |\n" if blank_rows else "")
        for w in range(first, last + 1)
    )
    return "| Week | Date | Topic |\n|:---:|:---:|:---|\n" + rows + "\n"


def test_phases_without_weeks_run_the_weeks_their_week_tables_name() -> None:
    body = "## Schedule\n\n### Phase I: Acquiring data\n\n" + _table(1, 3) + "### Phase II: Charts\n\n" + _table(4, 5)
    role, problems = parse_body(body)
    assert phase_spans(role) == [(1, "Acquiring data", (1, 3)), (2, "Charts", (4, 5))]
    assert not [p for p in problems if "no weeks" in p.message]


def test_a_week_two_phase_tables_share_goes_to_the_first() -> None:
    body = (
        "### Phase I: Data\n\n"
        + _table(1, 8)
        + "### Phase II: Charts\n\n"
        + _table(8, 13)
        + ("### Phase III: Mining\n\n" + _table(13, 15))
    )
    role, problems = parse_body(body)
    assert phase_spans(role) == [(1, "Data", (1, 8)), (2, "Charts", (9, 13)), (3, "Mining", (14, 15))]
    assert [p for p in problems if p.severity == "error"] == []


def test_week_tables_counted_again_under_each_phase_give_its_length() -> None:
    body = "## Phase 1: Basics\n\n" + _table(1, 2, False) + "## Phase 2: More\n\n" + _table(1, 3, False)
    role, _ = parse_body(body)
    assert phase_spans(role) == [(1, "Basics", (1, 2)), (2, "More", (3, 5))]


def test_a_phase_that_gives_its_weeks_keeps_them_over_a_shorter_table() -> None:
    body = "## Phase 1: Basics (Weeks 1-4)\n\n" + _table(1, 2, False) + "## Phase 2: More (Weeks 5-8)\n\n- loops\n"
    role, _ = parse_body(body)
    assert phase_spans(role) == [(1, "Basics", (1, 4)), (2, "More", (5, 8))]


def test_a_week_table_row_in_a_phase_is_titled_by_its_topic_not_its_date() -> None:
    body = (
        "### Phase I: Data\n\n| Week | Date | Topic |\n|---|---|---|\n"
        "| **01** | Mon 08/24 | Lecture 1 |\n| | Wed 08/26 | Lab 1 |\n| **02** | Mon 08/31 | Lecture 2 |\n"
    )
    role, _ = parse_body(body)
    rows = [piece.md for piece in role.phases[0].body if piece.kind == "row"]
    assert rows == ["Lecture 1 — Date: Mon 08/24", "Lab 1 — Date: Wed 08/26", "Lecture 2 — Date: Mon 08/31"]


def test_a_table_of_the_whole_plans_weeks_gives_its_phase_none() -> None:
    # an overview before phases that give their own weeks: its rows run into theirs, so they are no weeks of its own
    body = (
        "## Phase 0: Overview\n\n| Week | Focus |\n|---|---|\n| 1 | Basics |\n| 2 | Basics |\n| 3 | Web |\n| 4 | Web |\n\n"
        "## Phase 1: Basics (Weeks 1-2)\n- Syntax\n\n## Phase 2: Web (Weeks 3-4)\n- Pages\n"
    )
    role, problems = parse_body(body)
    assert [p.number for p in role.phases] == [0, 1, 2]
    assert not [p for p in problems if p.severity == "error"]
