"""Words as a learner types them on a keyboard without accents: 'bản' is 'ban', 'đoạn' 'doan', 'semántico'
'semantico', 'straße' 'strasse'.

Search (`bot.content.search`) and the checklist matcher (`bot.content.pick`) fold words so, in the text they index
and in what is typed alike: a query with its accents finds the text as one without them does. Only matching folds;
what is shown keeps its letters. Latin letters (Vietnamese's too), Greek ones and the Russian 'ё' lose their marks;
other scripts keep theirs (a Korean syllable or a Japanese kana with its voicing mark is another letter).
"""

from __future__ import annotations

import unicodedata
from functools import cache

# Letters that no decomposition takes apart, with the letters typed for them.
_OWN_LETTERS = {
    **dict(zip("đĐðÐøØłŁıħĦŧŦƀɨʉ", "dDdDoOlLihHtTbiu", strict=True)),
    "ß": "ss",
    "ẞ": "SS",
    "æ": "ae",
    "Æ": "AE",
    "œ": "oe",
    "Œ": "OE",
    "þ": "th",
    "Þ": "TH",
}
# The blocks whose letters are folded: Latin-1, Latin Extended-A and -B, the combining marks, Greek, Latin Extended
# Additional (Vietnamese), Greek Extended; and 'ё'.
_RANGES = ((0x00C0, 0x024F), (0x0300, 0x036F), (0x0370, 0x03FF), (0x1E00, 0x1EFF), (0x1F00, 0x1FFF))


@cache  # made on the first word that is not ASCII: 2 ms that English content never spends
def _table() -> dict[int, str | None]:
    """Map each letter with marks to the letters without them; a combining mark alone to nothing."""
    table: dict[int, str | None] = {}
    for code in (c for low, high in _RANGES for c in range(low, high + 1)):
        char = chr(code)
        if unicodedata.combining(char):
            table[code] = None
            continue
        bare = "".join(
            _OWN_LETTERS.get(c, c) for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        if bare and bare != char:
            table[code] = bare
    table[0x0401], table[0x0451] = "Е", "е"  # 'Ё', 'ё': Russian is written with 'е' for it as often as not
    return table


def fold_case(text: str) -> str:
    """Lower-case text, with compatibility characters folded (NFKC) only where there are any: full-width 'Ｗｅｂ' is
    'web', and marks typed apart from their letters (Vietnamese in combining mode) are joined to them.

    A Turkish capital 'İ' lower-cases to 'i' and a combining dot: without the dot, 'İstatistik' is the word a learner
    types as 'istatistik'."""
    if text.isascii():
        return text.lower()
    folded = unicodedata.normalize("NFKC", text).lower()
    return folded.replace("i\u0307", "i") if "\u0307" in folded else folded


def fold_marks(text: str) -> str:
    """Return text without the marks on its letters ('Thiết kế' is 'Thiet ke'); its case as it is."""
    return text if text.isascii() else text.translate(_table())


def fold_words(words: list[str]) -> list[str]:
    """Return words without the marks on their letters (`fold_marks`): an ASCII word is taken as it is."""
    table = _table()
    return [w if w.isascii() else w.translate(table) for w in words]
