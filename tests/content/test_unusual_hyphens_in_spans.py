"""A span whose numbers are joined by a hyphen other than the keyboard's (a non-breaking hyphen, as word processors and
chat assistants write '1‑4'; the Unicode hyphen; a figure dash; a minus sign) gives the weeks it says, as '1-4' does,
and leaves no '‑4' in the title."""

from __future__ import annotations

import pytest

from tests.content.helpers import errors, parse_body, phase_spans

HYPHENS = ["\u2011", "\u2010", "\u2012", "\u2212"]


@pytest.mark.parametrize("dash", HYPHENS)
@pytest.mark.parametrize(
    "shape",
    [
        "## Phase {n}: {title} (Weeks {a}{d}{b})",
        "## Phase {n}: {title} (Weeks {a} {d} {b})",
        "## Weeks {a}{d}{b}: {title}",
        "## Weeks\u00a0{a}\u00a0{d}\u00a0{b}: {title}",
        "### Week {a}{d}{b} — {title}",
        "## Phase {n}: {title}\n*Weeks {a}{d}{b}*",
        "{n}. **{title} (Weeks {a}{d}{b})**",
        "**Weeks {a}{d}{b}: {title}**",
    ],
)
def test_a_span_joined_by_another_hyphen_gives_its_weeks(dash: str, shape: str) -> None:
    body = "# Pottery\n\n"
    for n, (title, a, b) in enumerate([("Clay", 1, 4), ("Wheel", 5, 8), ("Glazes", 9, 10)], start=1):
        body += shape.format(n=n, title=title, a=a, b=b, d=dash) + "\n\n- practice\n\n"
    role, problems = parse_body(body)
    assert errors(problems) == []
    assert phase_spans(role) == [(1, "Clay", (1, 4)), (2, "Wheel", (5, 8)), (3, "Glazes", (9, 10))]


def test_a_non_breaking_hyphen_inside_a_title_stays_as_written() -> None:
    role, _ = parse_body(
        "## Phase 1: Non\u2011profit Work (Weeks 1\u20114)\n\n- grants\n\n## Phase 2: Boards (Weeks 5-6)\n- x\n"
    )
    assert phase_spans(role)[0] == (1, "Non\u2011profit Work", (1, 4))


def test_a_code_block_keeps_its_hyphens() -> None:
    role, _ = parse_body(
        "## Phase 1: Clay (Weeks 1-4)\n\n```\nx = 5\u22123\n```\n\n## Phase 2: Wheel (Weeks 5-6)\n- x\n"
    )
    assert [piece.md for piece in role.phases[0].body] == ["```\nx = 5\u22123\n```"]
