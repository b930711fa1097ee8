"""No-break and thin spaces that word processors and chat assistants put around a heading's words ('Week 1–4:\u00a0Clay',
'Clay\u00a0(Weeks 1–4)') are blanks: the phase's title has none of them at its ends."""

from __future__ import annotations

import pytest

from tests.content.helpers import errors, parse_body, phase_spans

SPACES = ["\u00a0", "\u202f", "\u2009", "\u2007"]


@pytest.mark.parametrize("space", SPACES)
@pytest.mark.parametrize(
    "shape",
    [
        "## Weeks {a}–{b}:{s}{title}",
        "## Phase {n}: {title}{s}(Weeks {a}–{b})",
        "## Phase {n}:{s}{title}{s}(Weeks {a}–{b})",
        "## Week{s}{a}–{b}{s}—{s}{title}{s}",
    ],
)
def test_a_title_has_no_blank_at_its_ends(space: str, shape: str) -> None:
    body = "# Pottery\n\n"
    for n, (title, a, b) in enumerate([("Clay", 1, 4), ("Wheel", 5, 8), ("Glazes", 9, 10)], start=1):
        body += shape.format(n=n, title=title, a=a, b=b, s=space) + "\n\n- practice\n\n"
    role, problems = parse_body(body)
    assert errors(problems) == []
    assert phase_spans(role) == [(1, "Clay", (1, 4)), (2, "Wheel", (5, 8)), (3, "Glazes", (9, 10))]


def test_a_no_break_space_inside_a_title_is_a_blank() -> None:
    role, _ = parse_body(
        "## Phase 1: Clay\u00a0& Slip (Weeks 1-4)\n\n- wedging\n\n## Phase 2: Wheel (Weeks 5-6)\n- x\n"
    )
    assert phase_spans(role)[0] == (1, "Clay & Slip", (1, 4))
