"""A table of phases whose phase column only numbers them ('| 1 | Phase 1 | 1-3 | Done |'): the author's status
column titles no phase, nor its search entry."""

from __future__ import annotations

from tests.content.helpers import parse_body


def test_a_status_column_titles_no_phase_of_a_table_whose_phase_cells_only_number_them():
    role, _ = parse_body(
        "# Plan\n\n| # | Phase | Weeks | Status |\n|---|---|---|---|\n| 1 | Phase 1 | 1-3 | Done |\n"
        "| 2 | Phase 2 | 4-6 | In progress |\n"
    )
    assert [(p.first_week, p.last_week) for p in role.phases] == [(1, 3), (4, 6)]
    shown = [s.title for s in role.sections if s.kind == "phase"]
    assert not any("Done" in title or "progress" in title for title in shown), shown
