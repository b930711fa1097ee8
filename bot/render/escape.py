"""The one way a reply shows text a user typed (a group name, a date, a query, a time zone).

Markdown, mentions and invisible direction changes are neutralised, so the text reads as exactly what was
typed and can neither ping anyone nor restyle the message around it.
"""

from __future__ import annotations

import re
import unicodedata

from bot.render.paging import ZWSP, clip

_MENTION_SYNTAX = re.compile(r"<(?=[@#/:]|a:|t:)")
"""`<@…>`, `<@&…>`, `<#…>`, `</…>` mentions, and `<:…>`, `<a:…>` emoji and `<t:…>` timestamps."""

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Characters that change the direction of the text after them (RTL override and friends)."""

REPLACEMENT = "\ufffd"

# Discord's markdown and mention escapes, as discord.py's `utils.escape_markdown` (links left working) and
# `utils.escape_mentions` write them; kept here so that rendering never imports discord.py (the console
# starts without it). tests/render/test_escape.py checks that both still agree with discord.py's.
_MARKDOWN_COMMON = r"^>(?:>>)?\s|\[.+\]\(.+\)|^#{1,3}|^\s*-"
_URL = r"(?P<url><[^: >]+:\/[^ >]+>|(?:https?|steam):\/\/[^\s<]+[^<.,:;\"\'\]\s])"
_MARKDOWN = re.compile(rf"(?:{_URL}|(?P<markdown>[_\\~|\*`]|{_MARKDOWN_COMMON}))", re.MULTILINE)
_MENTIONS = re.compile(r"@(everyone|here|[!&]?[0-9]{17,20})")


def escape_markdown(text: str) -> str:
    """Escape Discord markdown with backslashes, leaving links working."""
    return _MARKDOWN.sub(lambda m: m.group("url") or "\\" + m.group("markdown"), text)


def escape_mentions(text: str) -> str:
    """Break `@everyone`, `@here` and user and role mentions with a zero-width space."""
    return _MENTIONS.sub("@\u200b\\1", text)


def _visible_controls(text: str) -> str:
    """Turn line breaks and tabs into spaces, other control and direction characters into "�"."""
    out = []
    for ch in text:
        if ch in "\n\r\t":
            out.append(" ")
        elif ch in BIDI_CONTROLS or unicodedata.category(ch) == "Cc":
            out.append(REPLACEMENT)
        else:
            out.append(ch)
    return "".join(out)


def escape_user_text(text: str, limit: int | None = None) -> str:
    """Return user-supplied text to show back in a reply, on one line, as plain text.

    `limit` clips the text (with "…") *before* escaping, so a cut never splits an escape. Markdown is
    escaped with a backslash (links are left working); `@everyone`/`@here` and `<@…>`, `<@&…>`, `<#…>`,
    `</…>`, `<:…>`, `<t:…>` syntax get a zero-width space so they stay text; line breaks become spaces,
    and control and direction-changing characters (an RTL override would turn the rest of the line
    around) show as "�". Send replies with `AllowedMentions.none()` as well: this is the belt to those braces.
    """
    text = _visible_controls(text)
    if limit is not None:
        text = clip(text, limit)
    escaped = escape_mentions(escape_markdown(text))
    return _MENTION_SYNTAX.sub("<" + ZWSP, escaped)
