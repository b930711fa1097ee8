"""Counted words: real plurals and the verbs that agree with them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bot.wording import agree, plural, plural_of


@pytest.mark.parametrize(
    ("n", "word", "expected"),
    [
        (0, "week", "0 weeks"),
        (1, "week", "1 week"),
        (2, "week", "2 weeks"),
        (1, "day", "1 day"),
        (3, "day", "3 days"),  # a vowel before the y: just an s
        (2, "entry", "2 entries"),
        (2, "summary", "2 summaries"),
        (2, "match", "2 matches"),
        (2, "box", "2 boxes"),
        (2, "person", "2 people"),
        (1, "ticked item", "1 ticked item"),
        (4, "weekly post", "4 weekly posts"),  # only the last word changes
        (-1, "week", "-1 weeks"),
    ],
)
def test_plural(n: int, word: str, expected: str) -> None:
    assert plural(n, word) == expected


def test_plural_takes_an_irregular_form() -> None:
    assert plural(2, "cactus", "cacti") == "2 cacti"
    assert plural(1, "cactus", "cacti") == "1 cactus"


@pytest.mark.parametrize(("one", "many"), [("is", "are"), ("was", "were"), ("has", "have"), ("this", "these")])
def test_agree(one: str, many: str) -> None:
    assert agree(1, one) == one
    assert agree(0, one) == agree(2, one) == many
    assert plural_of(one) == many


def test_no_message_says_s_in_brackets() -> None:
    """Every count is spelt with `plural`: no "week(s)" is left in a string anywhere in the bot."""
    root = Path(__file__).resolve().parents[1] / "bot"
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                for match in re.finditer(r"(\w+)\(s\)", node.value):
                    if match.group(1) != "http":  # "http(s)" names two schemes, not a count
                        found.append(f"{path.relative_to(root.parent)}:{node.lineno}: {match.group()}")
    assert found == []
