"""Counted words as people write them: "1 week", "3 weeks", "1 item was", "2 items were".

`plural(3, "week")` is "3 weeks", `plural(1, "ticked item")` "1 ticked item"; `agree(n, "was")` is the verb
that goes with a count ("was"/"were"). Irregular forms are in `IRREGULAR`, or passed as `many`. Pure and
free of imports, so the command line uses it without loading Discord.
"""

from __future__ import annotations

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
