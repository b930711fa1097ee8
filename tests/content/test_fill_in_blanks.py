"""Blanks to fill in ('Learner: ________ Date: _____') and rules drawn in the text: shown as written, no snippet."""

from __future__ import annotations

import pytest

from bot.content.markdown import escape
from bot.content.search import SearchIndex
from tests.content.helpers import parse_body, section_titled

SIGNATURES = """
# Contract

## Signatures

Signed by both parties.

Learner: ____________________ Date: __________

Mentor: ____________________ Date: __________
"""


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("____", "\\_\\_\\_\\_"),
        ("Date: ___", "Date: \\_\\_\\_"),
        ("__init__", "\\_\\_init\\_\\_"),
        ("snake_case", "snake_case"),
        ("snake_case_", "snake_case\\_"),
        ("x__y", "x__y"),
    ],
)
def test_escape_escapes_each_underscore_of_a_run_that_could_open_or_close_emphasis(text: str, escaped: str) -> None:
    assert escape(text) == escaped


def test_a_line_of_blanks_to_fill_in_is_no_snippet() -> None:
    role, _ = parse_body(SIGNATURES)
    assert "Learner: \\_\\_\\_\\_" in section_titled(role, "Signatures").text
    (hit, *_) = SearchIndex([role]).search("signatures")
    assert hit.section.title == "Signatures"
    assert hit.snippet == "Signed by both parties."
    (hit, *_) = SearchIndex([role]).search("mentor date")
    assert hit.snippet == "Mentor: Date:"
    assert "_" not in hit.snippet
    role, _ = parse_body("# C\n\n## Signatures\n\n- ______________\n- ______________\n")
    (hit, *_) = SearchIndex([role]).search("signatures")
    assert hit.snippet == "Signatures"
