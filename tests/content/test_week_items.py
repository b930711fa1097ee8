"""A phase that lists its weeks as items ('## Phase 2: SQL', then '1. Week 4 — SELECT basics', '2. Week 5 — …'):
those weeks are the phase's, as '### Week 4' sub-headings would make them."""

from __future__ import annotations

from tests.content.helpers import parse_body


def parse(body: str):
    """Parse a body that must load; return the role and its problems as (severity, line, message)."""
    role, problems = parse_body(body)
    return role, [(p.severity, p.line, p.message) for p in problems]


NUMBERED = """
## Phase 1: Spreadsheets

**Goal:** answer questions with a spreadsheet.

1. Week 1 — Spreadsheet fundamentals
   - Cell references
2. Week 2 — Pivot tables
   - Slicers
   - [ ] Build a sales dashboard
3. Week 3 — Statistics
   - Mean and median

## Phase 2: SQL

1. Week 4 — SELECT basics
   - `WHERE`, `ORDER BY`
2. Week 5 — Aggregation
3. Week 6 — Joins
4. Week 7 — Window functions
"""


def test_numbered_week_items_date_a_phase_without_weeks() -> None:
    role, problems = parse(NUMBERED)
    assert [(p.number, p.title, p.weeks, p.planned) for p in role.phases] == [
        (1, "Spreadsheets", (1, 3), False),
        (2, "SQL", (4, 7), False),
    ]
    assert not [p for p in problems if "no weeks" in p[2]], problems
    assert [t.title for t in role.phases[0].topics] == [
        "Week 1 — Spreadsheet fundamentals",
        "Week 2 — Pivot tables",
        "Week 3 — Statistics",
    ]
    assert [(c.text, c.phase) for c in role.checklist] == [("Build a sales dashboard", 1)]


def test_bulleted_week_items_date_it_too() -> None:
    body = NUMBERED.replace("1. Week", "- Week").replace("2. Week", "- Week").replace("3. Week", "- Week")
    body = body.replace("4. Week", "- Week").replace(" — ", ": ").replace("   -", "  -")
    role, _ = parse(body)
    assert [(p.number, p.weeks, p.planned) for p in role.phases] == [(1, (1, 3), False), (2, (4, 7), False)]


def test_a_sentence_that_names_a_week_dates_nothing() -> None:
    body = "## Phase 1: Setup\n\n- Week 1 is for installing tools\n- Editors\n\n## Phase 2: Code\n\n- Loops\n"
    role, problems = parse(body)
    assert all(p.planned for p in role.phases)
    assert any("2 phases have no weeks" in p[2] for p in problems), problems


def test_week_sub_headings_counted_from_each_phases_start_follow_the_phase_before() -> None:
    body = "## Phase 1: Sheets\n### Week 1 — A\n- a\n### Week 2 — B\n- b\n## Phase 2: SQL\n### Week 1 — C\n- c\n"
    role, problems = parse(body)
    assert [(p.number, p.weeks) for p in role.phases] == [(1, (1, 2)), (2, (3, 3))]
    assert problems == []
