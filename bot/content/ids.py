"""Stable IDs for checklist items and sections.

Learners' progress is keyed on a checklist item's ID, so the ID must not change when an author reorders
items, moves one to another group, or makes a small wording edit. The default ID is therefore derived from the
item's *meaning words* only: lower-cased, markdown and punctuation dropped, common filler words dropped,
plurals folded, and the words sorted. "Use git professionally" and "Use Git, professionally." share an ID;
so do "Design normalized database schemas" and "Design a normalized database schema".

Items that only their words in other scripts tell apart take IDs of those words too, and only they (see
`checklist_item_id`): every other item keeps the ID of its Latin words, which its ticks are stored under. So an item
in another script whose only Latin word is a number ('模拟面试：讲解项目 10 分钟') has the ID of '10', and a rewording
of it into another task with that number keeps its ticks; keying it by all its words would orphan the ticks stored
under that ID, so it stays.

A real rename (new words) needs the old ID kept explicitly: end the item with `{#old-id}`, where old-id is
shown by `waymark content check --json`. An explicit `{#some-id}` always wins over the derived one.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from itertools import filterfalse
from operator import methodcaller

EXPLICIT_ID = re.compile(r"\{#([a-z0-9][a-z0-9_-]{0,63})\}\s*$")
# The letters of the other scripts role files are written in: Cyrillic, kana, CJK ideographs, Hangul syllables.
_SCRIPTS = "\u0400-\u04ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7a3"
_SCRIPT = re.compile(f"[{_SCRIPTS}]")
# A word of an ID: Latin letters and digits ('c++', 'c#'). An item of none is keyed by its whole text.
_WORD = re.compile(r"[a-z0-9][a-z0-9+#]*")
# ...and a run of those scripts' letters too, for items that only their own words tell apart ('Изучить Docker',
# 'Собрать образ Docker': see `checklist_item_id`).
_EVERY_WORD = re.compile(f"[a-z0-9][a-z0-9+#]*|[{_SCRIPTS}]+")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_FILLER = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "your",
        "you",
        "my",
        "at",
        "by",
        "from",
        "into",
        "as",
        "is",
        "are",
        "be",
        "it",
        "its",
        "this",
        "that",
        "using",
        "use",
    ]
)


@lru_cache(maxsize=65536)  # a role file's words repeat; the cache is a C call, the function a Python one
def _fold(word: str) -> str:
    """Fold simple English plurals so 'schemas' and 'schema' match."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "sis", "xis")):
        return word[:-1]
    return word


def meaning_words(text: str, *, every_script: bool = False, every_letter: bool = False) -> list[str]:
    """Return the sorted, de-duplicated meaning words of a text: its Latin ones, with `every_script` its words
    in Cyrillic, Chinese, Japanese and Korean too, and with `every_letter` its words in any script (Devanagari,
    Thai, Greek, Hebrew...)."""
    plain = (text if text.isascii() else unicodedata.normalize("NFKC", text)).lower()
    if "](" in plain:
        plain = _LINK.sub(r"\1", plain)  # markdown links keep their text
    if plain.isascii() or not (every_script or every_letter):
        words = _words(plain)
    else:
        words = _letter_words(plain) if every_letter else _EVERY_WORD.findall(plain)
    return sorted(set(map(_fold, filterfalse(_FILLER.__contains__, words))))  # all in C


# What `_WORD` keeps of ASCII text, as a byte table: letters, digits, '+' and '#' stay, the rest is a space.
_ASCII_WORD_BYTES = bytes(c if (48 <= c <= 57 or 97 <= c <= 122 or c in b"+#") else 32 for c in range(256))


def _words(plain: str) -> list[str]:
    """Return `_WORD.findall(plain)` for lower-case text; ASCII text is split by a byte table, several times faster."""
    if not plain.isascii():
        return _WORD.findall(plain)
    words = plain.encode("ascii").translate(_ASCII_WORD_BYTES).decode("ascii").split()
    if "+" in plain or "#" in plain:  # a word starts with a letter or digit: '+' and '#' only follow one
        words = [w for w in map(methodcaller("lstrip", "+#"), words) if w]
    return words


def _letter_words(plain: str) -> list[str]:
    """Return the words of lower-case text in any script: runs of letters, digits and the marks written on letters
    (a Devanagari or Thai vowel sign is a mark, which `\\w` leaves out: 'करें' would be 'कर'), and '+' and '#'
    after one ('c++'). A Python loop: only items that nothing else tells apart come here (see `checklist_item_id`)."""
    kept = "".join(c if c.isalnum() or c in "+#" or unicodedata.category(c)[0] == "M" else " " for c in plain)
    return [w for w in map(methodcaller("lstrip", "+#"), kept.split()) if w]


def checklist_item_id(text: str, *, every_script: bool = False, every_letter: bool = False) -> str:
    """Return the derived stable ID of a checklist item's text (without any `{#id}` suffix).

    Its words are its Latin ones (a text of none is keyed by all of it), so the IDs of items written with Latin
    words beside others never change. Items that only their words in other scripts tell apart ('Изучить Docker',
    'Собрать образ Docker', '学习 Docker 基础') take `every_script` IDs, from all their words (see
    `bot.content.parse`). Items that not even those tell apart, only words in a script `every_script` does not
    read ('10 अभ्यास करें' and '10 सवाल हल करें', both '10' to it; Thai, Greek), take `every_letter` IDs, from
    their words in any script. `every_script` IDs were given first and stay as they are: a file of items that
    `every_letter` alone tells apart did not load before it, so no tick is stored under their old IDs."""
    words = meaning_words(text, every_script=every_script, every_letter=every_letter) or [text.strip().lower()]
    digest = hashlib.blake2s(" ".join(words).encode("utf-8"), digest_size=5).hexdigest()
    return f"item-{digest}"


def split_explicit_id(text: str) -> tuple[str, str | None]:
    """Split a trailing `{#id}` off an item's text."""
    match = EXPLICIT_ID.search(text) if "{#" in text else None
    if match is None:
        return text, None
    return text[: match.start()].rstrip(), match.group(1)  # rstrip, not a leading \s* (quadratic on blanks)


# Letters and digits stay, every other byte is a space (for `slugify`; text reaches it as ASCII).
_SLUG_BYTES = bytes(c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256))


@lru_cache(maxsize=8192)  # files share their headings ('Learning Path', 'Resources'): a C-level hit
def slugify(text: str, max_len: int = 48) -> str:
    """Return a lower-case ASCII slug of a heading."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    # Runs of anything but letters and digits become one '-', none at the ends: the same as
    # _NOT_SLUG.sub("-", text.lower()).strip("-"), done by a byte table and split/join.
    slug = "-".join(text.lower().encode("ascii").translate(_SLUG_BYTES).decode("ascii").split())
    return slug[:max_len].rstrip("-") or "section"


_KEY_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=4096)
def name_key(text: str) -> str:
    """Return the key a role's name, alias or display name is known by (each unique among roles): its slug, or
    for a name in Cyrillic, Chinese, Japanese or Korean letters its words with those letters kept, which a slug
    drops ('后端工程师学习路线' and 'フロントエンドエンジニア' are no 'section', 'Python-бэкенд разработчик'
    no 'python')."""
    if text.isascii() or _SCRIPT.search(text) is None:
        return slugify(text, 100)
    return "-".join(_KEY_WORD.findall(unicodedata.normalize("NFKC", text).lower()))[:100].rstrip("-") or "section"
