"""Words shown to users: real plurals, and user-supplied text made safe to echo back.

* `plural(3, "week")` is "3 weeks", `plural(1, "ticked item")` "1 ticked item"; `agree(n, "was")` is the
  verb that goes with it ("was"/"were"). Irregular forms are in `IRREGULAR`, or passed as `many`.
* `escape_user_text` is the one way a reply shows text a user typed (a group name, a date, a query):
  markdown, mentions and invisible direction changes are neutralised, so it reads as exactly what was typed.
"""

from __future__ import annotations

import re
import unicodedata

import discord

from bot.render.paging import ZWSP, clip

IRREGULAR = {
    "is": "are",
    "was": "were",
    "has": "have",
    "this": "these",
    "it": "they",
    "person": "people",
    "entry": "entries",
}
"""Plurals that the spelling rules in `plural_of` do not produce (and verbs, for `agree`)."""


def plural_of(word: str) -> str:
    """Return the plural of a noun or noun phrase: only its last word changes ("weekly post" -> "weekly posts")."""
    head, space, last = word.rpartition(" ")
    if last in IRREGULAR:
        many = IRREGULAR[last]
    elif last.endswith("y") and last[-2:-1].isalpha() and last[-2:-1] not in "aeiou":
        many = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        many = last + "es"
    else:
        many = last + "s"
    return head + space + many


def plural(n: int, word: str, many: str | None = None) -> str:
    """Return a count and its noun: "1 week", "0 weeks", "3 weeks" (`many` overrides the plural form)."""
    return f"{n} {word if n == 1 else many or plural_of(word)}"


def agree(n: int, one: str, many: str | None = None) -> str:
    """Return the word that agrees with a count of `n`: agree(1, "was") is "was", agree(2, "was") "were"."""
    return one if n == 1 else many or plural_of(one)


_MENTION_SYNTAX = re.compile(r"<(?=[@#/:]|a:|t:)")
"""`<@…>`, `<@&…>`, `<#…>`, `</…>` mentions, and `<:…>`, `<a:…>` emoji and `<t:…>` timestamps."""

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Characters that change the direction of the text after them (RTL override and friends)."""

REPLACEMENT = "\ufffd"


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
    escaped = discord.utils.escape_mentions(discord.utils.escape_markdown(text))
    return _MENTION_SYNTAX.sub("<" + ZWSP, escaped)
