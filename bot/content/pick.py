"""Find the checklist item a learner means from the words they typed: typos forgiven, every word counted.

A whole-string score (rapidfuzz's WRatio) lets a short item win over the one that holds every typed word: 'insert
into tree' scored 'insert' above 'insert // insert value into tree'. Here each typed word is looked up among the
items' words (a typo of one still counts, the last word also as the start of one: 'insert into tr'), and an item
ranks by how many of the typed words it holds, then by how few other words it has.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from bot.content.accents import fold_case, fold_words
from bot.content.cjk import cjk_words

_WORD = re.compile(r"\w+")
TYPO_SCORE = 80  # fuzz.ratio of a typed word to an item's word that still counts it ('profesionaly')
PREFIX_LENGTH = 3  # the last typed word counts as the start of a word from this many characters


class Fit(NamedTuple):
    """How well an item fits what was typed."""

    index: int  # the item's place in the texts given
    found: float  # the share of typed words the item holds (a typo of one counts by its likeness)
    precise: float  # the share of the item's words that were typed
    exact: bool  # the item's whole text is what was typed (case aside)


def words(text: str) -> list[str]:
    """Return the words of a text, in lower case and without the marks on their letters ('thiết kế' is 'thiet',
    'ke': `fold_words`); Chinese, Japanese and Korean ones as search finds them (`cjk_words`)."""
    if text.isascii():
        return _WORD.findall(text.lower())
    return cjk_words(fold_words(_WORD.findall(fold_case(text))))


def rank(query: str, texts: Sequence[str]) -> list[Fit]:
    """Return the texts that hold at least one typed word, best first."""
    from rapidfuzz import fuzz, process  # here: the console and the bot start without it (see tests/architecture)

    typed = words(query)
    if not typed:
        return []
    split = [words(t) for t in texts]
    vocabulary = sorted({w for ws in split for w in ws})
    # For each typed word: the likeness (0-1) of each vocabulary word that counts as it.
    likeness: list[dict[str, float]] = []
    for n, word in enumerate(typed):
        if len(word) < PREFIX_LENGTH:  # 'a', 'of', 'js': only the word itself
            near = {word: 1.0} if word in vocabulary else {}
        else:
            found = process.extract(word, vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_SCORE, limit=None)
            near = {w: score / 100 for w, score, _ in found}
        if n == len(typed) - 1 and len(word) >= PREFIX_LENGTH:
            near.update((w, 1.0) for w in vocabulary if w.startswith(word))
        likeness.append(near)
    wanted = " ".join(typed)
    counted = set().union(*likeness)  # the vocabulary words that count as a typed word
    fits = []
    for index, item_words in enumerate(split):
        held = set(item_words)
        if counted.isdisjoint(held):
            continue
        total = 0.0
        matched: set[str] = set()
        for near in likeness:
            closest = max(((near[w], w) for w in held if w in near), default=None)
            if closest is not None:
                total += closest[0]
                matched.add(closest[1])
        if total:
            exact = " ".join(item_words) == wanted
            fits.append(Fit(index, total / len(typed), len(matched) / len(held), exact))
    fits.sort(key=lambda f: (-f.exact, -f.found, -f.precise, f.index))
    return fits


def best(fits: Sequence[Fit], margin: float = 0.05) -> list[Fit]:
    """Return the fit a learner surely meant as a list of one, or the fits that tie for best.

    An item whose whole text was typed is meant; otherwise the items that hold as many of the typed words as the
    best (within `margin`) tie: picking one of them by its length would tick what the learner may not mean."""
    if not fits:
        return []
    if fits[0].exact:
        return [fits[0]]
    return [f for f in fits if f.found >= fits[0].found - margin]
