"""A line of many links too long for one page ('Networking: [RFC 791](…), [RFC 792](…), …') is split between two
links, never inside one: each page shows whole links, none of them an unbalanced '[RFC 810 on' or a URL cut short."""

from __future__ import annotations

import re

from bot.render.paging import split_text

_LINK = re.compile(r"\[[^\[\]]*\]\([^()\s]*\)")


def _links_line(count: int) -> str:
    return "- Networking deep dive: " + ", ".join(
        f"[RFC {n} on protocol detail number {n}](https://www.rfc-editor.org/rfc/rfc{n}.html)" for n in range(count)
    )


def _whole_links_only(piece: str) -> bool:
    rest = _LINK.sub("", piece)
    return "[" not in rest and "](" not in rest and "]" not in rest


def test_a_long_line_of_links_is_split_between_links() -> None:
    text = _links_line(30)
    for limit in (200, 500, 1000, 1900):
        pieces = split_text(text, limit)
        assert len(pieces) > 1
        assert all(len(p) <= limit for p in pieces)
        assert all(_whole_links_only(p) for p in pieces), limit
        assert sum(len(_LINK.findall(p)) for p in pieces) == 30


def test_a_link_longer_than_a_page_is_still_cut() -> None:
    text = "See [" + "word " * 80 + "](https://example.org/long)"
    pieces = split_text(text, 100)
    assert all(len(p) <= 100 for p in pieces)
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")


def test_prose_without_links_splits_at_its_last_space_as_before() -> None:
    text = "alpha " * 50
    assert split_text(text, 64)[0] == ("alpha " * 10).rstrip()
