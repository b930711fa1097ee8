"""Span headings of a timeline whose ranges share their ends ('## Months 0-3', '## Months 3-6', '## Months 6-12';
'(Months 1-3)', '(Months 3-6)'; '## Weeks 0-4', '## Weeks 4-8') each start after the one before ends: months 1-3,
4-6 and 7-12, a plan that loads, not phases that overlap."""

from __future__ import annotations

import pytest

from tests.content.helpers import parse_messages, phase_spans


@pytest.mark.parametrize(
    ("headings", "weeks"),
    [
        (("## Months 0-3: Basics", "## Months 3-6: More", "## Months 6-12: Frameworks"), [(1, 12), (13, 24), (25, 48)]),
        (
            (
                "## Phase 1: Basics (Months 0–3)",
                "## Phase 2: More (Months 3–6)",
                "## Phase 3: Frameworks (Months 6–12)",
            ),
            [(1, 12), (13, 24), (25, 48)],
        ),
        (("## Months 1-3: Basics", "## Months 3-6: More", "## Months 6-12: Frameworks"), [(1, 12), (13, 24), (25, 48)]),
        (("## Weeks 0-4: Basics", "## Weeks 4-8: More", "## Weeks 8-12: Frameworks"), [(1, 4), (5, 8), (9, 12)]),
    ],
)
def test_ranges_that_share_their_ends_run_one_after_another(headings: tuple[str, ...], weeks: list) -> None:
    body = "\n".join(f"{heading}\n- a topic\n" for heading in headings)
    role, messages = parse_messages(body)
    assert [p.title for p in role.phases] == ["Basics", "More", "Frameworks"]
    assert [p.weeks for p in role.phases] == weeks
    assert messages == []


def test_ranges_that_overlap_otherwise_stay_an_error() -> None:
    from bot.content.loader import parse_bytes
    from tests.content.helpers import role_file

    body = "## Weeks 1-4: Basics\n- a\n\n## Weeks 3-6: More\n- b\n"
    role, problems = parse_bytes(role_file(body=body).encode(), "x.md")
    assert role is None
    assert any("overlaps" in p.message for p in problems)


def test_a_week_after_another_is_no_shared_end() -> None:
    role, _ = parse_messages("## Week 1: Basics\n- a\n\n## Week 2: More\n- b\n")
    assert phase_spans(role) == [(1, "Basics", (1, 1)), (2, "More", (2, 2))]
