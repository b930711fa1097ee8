"""A span that takes more weeks after it, whole or in part ('## Week 4 + half of Week 5: Domain 3.0'): the weeks it
runs, its title without them, and the week it shares with the phase after it."""

from __future__ import annotations

from bot.content.loader import parse_bytes
from bot.content.phases import read_phase_heading
from tests.content.helpers import parse_body, phase_spans, role_file


def parse(body: str):
    """Parse a body that must load; return the role and its problems as (severity, line, message)."""
    role, problems = parse_body(body)
    return role, [(p.severity, p.line, p.message) for p in problems]


def test_half_of_the_next_week_runs_the_phase_into_it_and_is_no_title() -> None:
    body = (
        "## Weeks 1-3: Threats\n- actors\n\n"
        "## Week 4 + half of Week 5: Domain 3.0 — Security Architecture (18%)\n- cloud\n\n"
        "## Week 6: Operations\n- SIEM\n"
    )
    role, problems = parse(body)
    assert phase_spans(role) == [
        (1, "Threats", (1, 3)),
        (2, "Domain 3.0 — Security Architecture (18%)", (4, 5)),
        (3, "Operations", (6, 6)),
    ]
    assert problems == []


def test_the_words_that_take_more_weeks_are_read_in_their_common_shapes() -> None:
    for heading, weeks, title in [
        ("Weeks 2-3 and part of week 4: Trees", (2, 4), "Trees"),
        ("Week 4 plus the first half of week 5 — Graphs", (4, 5), "Graphs"),
        ("Week 4 + 5: Heaps", (4, 5), "Heaps"),
        ("Phase 3: Sorting (Week 4 & half of Week 5)", (4, 5), "Sorting"),
        ("Month 2 + part of Month 3: Back End", (5, 12), "Back End"),
    ]:
        found = read_phase_heading(heading)
        assert found is not None and ((found.first, found.last), found.title) == (weeks, title), heading
    found = read_phase_heading("Week 3 + 4 projects")  # a count of something after the week, no week
    assert found is not None and (found.first, found.last) == (3, 3)


def test_a_week_taken_in_part_goes_to_the_phase_that_starts_in_it_with_a_warning() -> None:
    body = (
        "## Weeks 2-3: Threats\n- actors\n\n"
        "## Week 4 + half of Week 5: Domain 3.0 — Security Architecture (18%)\n- cloud\n\n"
        "## Weeks 5-6: Domain 4.0 — Security Operations (28%)\n- SIEM\n"
    )
    role, problems = parse("## Week 1: Concepts\n- CIA\n\n" + body)
    assert phase_spans(role) == [
        (1, "Concepts", (1, 1)),
        (2, "Threats", (2, 3)),
        (3, "Domain 3.0 — Security Architecture (18%)", (4, 4)),
        (4, "Domain 4.0 — Security Operations (28%)", (5, 6)),
    ]
    assert problems == [
        (
            "warning",
            14,
            "'Domain 3.0 — Security Architecture (18%)' takes part of week 5, where 'Domain 4.0 — Security "
            "Operations (28%)' (weeks 5-6, line 17) starts: week 5 is shown with the later phase, and the earlier "
            "runs week 4; give each phase whole weeks to choose otherwise",
        )
    ]


def test_numbered_phases_share_a_part_week_so_too() -> None:
    body = "## Phase 1: Basics (Weeks 1-2 and part of week 3)\n- a\n\n## Phase 2: More (Weeks 3-5)\n- b\n"
    role, problems = parse(body)
    assert phase_spans(role) == [(1, "Basics", (1, 2)), (2, "More", (3, 5))]
    assert [(s, m.split(":")[0]) for s, _, m in problems] == [
        ("warning", "Phase 1 takes part of week 3, where Phase 2 (weeks 3-5, line 11) starts")
    ]


def test_a_whole_week_taken_twice_is_still_an_overlap() -> None:
    body = "## Week 4 + Week 5: Domain 3\n- a\n\n## Weeks 5-6: Domain 4\n- b\n"
    _, problems = parse_bytes(role_file(body=body).encode(), "x.md")
    assert [p.message for p in problems if p.severity == "error"] == [
        "'Domain 4' (weeks 5-6) overlaps 'Domain 3' (weeks 4-5, line 8); shorten 'Week 4 + Week 5: Domain 3' to 'Week 4' "
        "or 'Weeks 5-6: Domain 4' to 'Week 6'"
    ]
