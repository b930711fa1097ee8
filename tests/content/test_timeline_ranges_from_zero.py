"""Ranges that mark a timeline from month or week 0, each starting where the one before ends ('(0-3 months)', '(3-6
months)', '(6-12 months)'; a table's '| Duration |' of '0-3 months', '3-6 months', then '18+ months'), are those
months, not lengths: the phases run months 1-3, 4-6 and 7-12, and the plan is as long as its author wrote it."""

from __future__ import annotations

from tests.content.helpers import parse_messages, phase_spans


def test_headings_of_a_timeline_from_month_zero_take_those_months() -> None:
    role, messages = parse_messages(
        """
    ## Phase 1: Basics (0-3 months)
    - HTML and CSS
    ## Phase 2: More (3-6 months)
    - Git and bundlers
    ## Phase 3: Frameworks (6-12 months)
    - React
    """
    )
    assert phase_spans(role) == [(1, "Basics", (1, 12)), (2, "More", (13, 24)), (3, "Frameworks", (25, 48))]
    assert messages == []


def test_a_table_of_phases_with_a_timeline_from_zero_and_an_open_end() -> None:
    role, messages = parse_messages(
        """
    | Phase | Level | Duration | Focus |
    |-------|-------|----------|-------|
    | Phase 1 | Beginner | 0-3 months | HTML, CSS |
    | Phase 2 | Intermediate | 3-6 months | Git, bundlers |
    | Phase 3 | Advanced | 6-12 months | React, testing |
    | Phase 4 | Specialist | 12+ months | Pick a specialty |
    """
    )
    assert [p.weeks for p in role.phases] == [(1, 12), (13, 24), (25, 48), (49, 52)]
    assert [p.title for p in role.phases] == ["Beginner", "Intermediate", "Advanced", "Specialist"]
    assert messages == []


def test_lengths_that_start_anew_stay_lengths() -> None:
    role, _ = parse_messages(
        """
    ## Phase 1: Basics (1-2 months)
    - HTML
    ## Phase 2: More (2-3 months)
    - Git
    """
    )
    assert [p.weeks for p in role.phases] == [(1, 6), (7, 16)]  # about 1.5 and 2.5 months, one after the other
