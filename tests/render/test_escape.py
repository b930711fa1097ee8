"""The one helper that shows user-supplied text back in a reply."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.render import escape_user_text
from bot.render.escape import escape_markdown, escape_mentions

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- escape_user_text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "forbidden"),
    [
        ("@everyone look", "@everyone"),
        ("hey @here", "@here"),
        ("<@123>", "<@"),
        ("<@!123456789012345678>", "<@"),
        ("<@&123456789012345678>", "<@"),
        ("<#123456789012345678>", "<#"),
        ("</streak:123456789012345678>", "</"),
        ("<t:1700000000:R>", "<t:"),
        ("<:wave:123456789012345678>", "<:"),
        ("<a:wave:123456789012345678>", "<a:"),
    ],
)
def test_escape_neutralises_mentions(raw: str, forbidden: str) -> None:
    escaped = escape_user_text(raw)
    assert forbidden not in escaped
    assert escaped.replace("\u200b", "").replace("\\", "") == raw


def test_escape_neutralises_markdown() -> None:
    assert escape_user_text("**bold**") == r"\*\*bold\*\*"
    assert escape_user_text("__u__ ~~s~~ ||spoiler|| `code`") == r"\_\_u\_\_ \~\~s\~\~ \|\|spoiler\|\| \`code\`"
    assert escape_user_text("# Heading").startswith("\\#")
    assert escape_user_text("-# small").startswith("\\-")
    assert escape_user_text("> quote").startswith("\\>")
    assert escape_user_text("[click](https://evil.test)").startswith("\\[")
    assert escape_user_text("see https://x.test/a_b_c") == "see https://x.test/a_b_c"  # links still work


def test_escape_shows_the_issue_example_as_text() -> None:
    escaped = escape_user_text("@everyone <@&123456789012345678> **x**")
    assert "@everyone" not in escaped
    assert "<@" not in escaped
    assert "**" not in escaped.replace("\\*", "")
    assert escaped.replace("\u200b", "").replace("\\", "") == "@everyone <@&123456789012345678> **x**"


@pytest.mark.parametrize(
    "control", ["\u202e", "\u202a", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c", "\x00", "\x1b"]
)
def test_escape_makes_direction_and_control_characters_visible(control: str) -> None:
    assert escape_user_text(f"abc{control}exe.gnp") == "abc\ufffdexe.gnp"


def test_escape_keeps_the_reply_on_one_line() -> None:
    assert escape_user_text("a\n# b\tc") == "a # b c"  # a heading only starts a line


def test_escape_clips_before_escaping() -> None:
    """A cut never leaves half an escape: a lone backslash would swallow the quote or bold after it."""
    shown = escape_user_text("a" * 9 + "*" * 20, limit=10)
    assert shown == "a" * 9 + "…"
    shown = escape_user_text("*" * 30, limit=10)
    assert shown == "\\*" * 9 + "…"
    assert not shown.endswith("\\")


@FAST
@given(st.text(alphabet="@<>#/&!*_~|`everyonhr0123456789 \n\u202e", max_size=80), st.integers(1, 40))
def test_escape_never_leaves_a_ping(text: str, limit: int) -> None:
    for escaped in (escape_user_text(text), escape_user_text(text, limit)):
        for forbidden in ("@everyone", "@here", "<@", "<#", "</", "\u202e", "\n"):
            assert forbidden not in escaped
        assert not re.search(r"(?<!\\)\*\*", escaped)
        assert not re.search(r"(?<!\\)(?:\\\\)*\\$", escaped)  # never ends in half an escape


_PIECES = [*"ab _*~|`\\>#-[]()<>:/.@&!0123456789\n", "https://x.test/a_b", "@everyone", "@here", "@" + "1" * 18]


@FAST
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_the_escapes_agree_with_discord_py(text: str) -> None:
    """`bot.render` keeps its own copy of discord.py's escapes (it must not import discord.py): they agree."""
    import discord

    assert escape_markdown(text) == discord.utils.escape_markdown(text)
    assert escape_mentions(text) == discord.utils.escape_mentions(text)
