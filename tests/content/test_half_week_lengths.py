"""A length with a half ('(1.5 weeks)', '— 2.5 months', '(1-1.5 weeks)', '(1,5 Wochen)') is a length, rounded up to
whole weeks as a range's middle is; a version number before a length ('Python 3.5 (2 weeks)') stays in the title."""

from __future__ import annotations

import pytest

from bot.content.phases import time_box
from tests.content.helpers import parse_body, phase_spans


@pytest.mark.parametrize(
    ("heading", "title", "weeks"),
    [
        ("## Phase 2: Sauces (1.5 weeks)", "Sauces", (5, 6)),
        ("## Phase 2: Sauces — 2.5 months", "Sauces", (5, 14)),
        ("## Phase 2: Sauces (1-1.5 weeks)", "Sauces", (5, 6)),
        ("## Phase 2: Soßen (1,5 Wochen)", "Soßen", (5, 6)),
        ("## Phase 2: Python 3.5 (2 weeks)", "Python 3.5", (5, 6)),
    ],
)
def test_a_length_with_a_half_gives_its_phase_whole_weeks(heading: str, title: str, weeks: tuple[int, int]):
    role, problems = parse_body(f"# Kitchen\n\n## Phase 1: Knives (4 weeks)\n- grips\n\n{heading}\n- roux\n")
    assert phase_spans(role)[1] == (2, title, weeks)
    assert not [p for p in problems if "no weeks" in p.message]


def test_a_time_box_with_a_half_is_one():
    assert time_box("Streaming (1-1.5 weeks)") == ("Streaming (1-1.5 weeks)", "Streaming", 2)
