"""Words of Chinese, Japanese and Korean text, which no blanks split into the words a reader looks for."""

from __future__ import annotations

import re

# Chinese and Japanese write no blanks between words, and Korean writes its particles and endings onto its words
# ('깃허브에': to GitHub, '명령어를': commands): a run of their characters is indexed and looked up as its
# overlapping pairs ('计算机基础': 计算, 算机, 机基, 基础), as search engines for these languages do, so
# '计算机' finds it and '명령어' finds '명령어를'. A run of one character is that character.
CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7a3]+")


def cjk_words(words: list[str]) -> list[str]:
    """Return words with each run of Chinese, Japanese or Korean characters in them as its pairs, the rest as they
    are."""
    out: list[str] = []
    for word in words:
        if not CJK.search(word):
            out.append(word)
            continue
        at = 0
        for run in CJK.finditer(word):
            if run.start() > at:
                out.append(word[at : run.start()])
            chars = run.group()
            out.extend([chars] if len(chars) == 1 else [chars[i : i + 2] for i in range(len(chars) - 1)])
            at = run.end()
        if at < len(word):
            out.append(word[at:])
    return out
