"""A bullet that ends in a bare URL is titled by its words, not cut mid-sentence: 'Hash tables: https://…' is
'Hash tables', but 'Deploy to https://…' keeps its URL (the words lead into it), and so does an aside in brackets
('Read (see https://…)'), whose bracket the cut would leave open."""

from __future__ import annotations

import pytest

from bot.content.search import SearchIndex
from tests.content.helpers import parse_body

BODY = """
# Links

## Phase 1: Basics (Weeks 1-2)
- Hash tables: https://example.com/hash
- Python docs https://docs.python.org
- Deploy to https://fly.io
- Read the guide (see https://example.com/guide)
- Sorting — https://example.com/sorting
"""


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("hash tables", "Hash tables"),
        ("python docs", "Python docs"),
        ("deploy", "Deploy to https://fly.io"),
        ("read the guide", "Read the guide (see https://example.com/guide)"),
        ("sorting", "Sorting"),
    ],
)
def test_a_bullet_ending_in_a_url_is_titled_by_its_words_never_cut_mid_sentence(query: str, title: str):
    role, problems = parse_body(BODY)
    assert problems == []
    assert next(iter(SearchIndex([role]).search(query))).section.title == title
