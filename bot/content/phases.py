"""Read a phase out of a heading, in the shapes people write learning plans in.

Accepted (case, emoji and markdown aside), each a `PhaseHeading`:
- `Phase 2: Databases (Weeks 5-12)`, `Phase 2 - Databases (Week 5)`, with `:`, `-`, `–`, `—` or nothing;
- `PHASE 2 (Weeks 5–12): Databases` (the span anywhere), `Phase 2: Databases (Weeks 5-12) (Beginner Level)`;
- `Phase 2 of 4: Databases` (the count is no title); a span in pieces: `(Weeks 1-2 & 3-4)`, `(Weeks 5-6, 7-8)`;
- `Phase 2: Databases` or `Phase Two` without weeks (the loader plans them); `Stage 2` as `Phase 2`;
- `Phase 2: Databases (4 weeks)`, `(2-3 months)`, `— 3 weeks`, `(Duration: 3 months)`: a length, laid out after the
  phase before; but ranges every phase heading gives that count on from 1 (`(1-4 weeks)`, `(5-9 weeks)`) are spans;
- `Week 3: Title`, `Week 3 — Title`, `Weeks 4-6: Title` (numbered by their order in the file; `Week #3`, `Wk 3`,
  `W3 / Title`, `WEEK 4~6` too; a number word of the unit word's language: `Week One`, `Semana dos`); `Week 3
  (Jan 13-19): Title` and `Week 3: Jan 13-19 — Title`, titled 'Title (Jan 13-19)' (in full-width marks too:
  `WEEK 3（2020.6.1-2020.6.7）：Title`); a number a suffix follows (`Hafta 1’de …`, "Week 1's recap") or a question
  the span runs into (`Week 2 what comes next?`) is prose, no phase (but a series of "Week 1's X", "Week 2's Y" is
  weeks 1 and 2: see `_possessive_weeks`);
- `Month 2: Title` (weeks 5-8) and `Days 31-60: Title` (the weeks those days fall in);
- the headings over week headings counted from 1 again under each ('M01 - Web' over 'Semana 1-2', 'Semana 3'),
  where those are the file's only phase headings: see `_restarted_weeks`;
- `2nd Month: Title`, `2º Mês`, `1er mes`, `2. Woche`, `2e semaine`, `3rd Phase`: an ordinal before the word is its
  number, as `Month 2: Title` (see `_ordinal_first`);
- `1. Foundations (Weeks 1-4)`, `3) Title (Weeks 9-12)`: a numbered section with a span is that phase (in a file
  whose plan such sections are: see `read_phase_headings`);
- `HTML and CSS (Weeks 1-3)`: a section that gives its weeks after its title is that phase, numbered by its order
  (in a file whose plan such sections are, with no phase heading of another shape: see `titled_spans`); so is a
  list item that does (`- **HTML and CSS (Weeks 1-3)**`; numbered: `1. **HTML and CSS (Weeks 1-3)**` is Phase 1)
  in a file whose plan such a list is (see `read_titled_item`);
- `Q1: Title`, `Quarter 3 — Title` (three months: weeks 1-12, 25-36), numbered by their order in the file (in a
  file whose plan they are: see `read_phase_headings`); `Semester 1 (Fall 2024)`, `Term 2: Title` (16 weeks: weeks
  1-16, 17-32) alike.
- `Jan 6 – Jan 19: Title`, `Week of March 3: Title`, `2025-03-24 → 2025-04-13: Title`: the dates a phase runs,
  its weeks counted from the first date of the file's plan (in a file whose plan they are: see `dated_phases`).
- `Phase 1 (Jan 8 – Feb 4): Basics`, `Phase 1: Basics (8 Jan – 4 Feb)`, `Phase 1 (Jan 8 – Jan 14)`: a phase heading
  that gives the dates it runs in brackets instead of weeks, its weeks counted as those above (where two or more do,
  no other phase heading gives weeks or comes before them: see `_bracketed_dates`), titled 'Basics (Jan 8 – Feb 4)',
  or 'Week 1 (Jan 8 – Jan 14)' without a title.
A heading without weeks whose first lines give them ('**Duration:** 2 weeks', '**Weeks:** 5-8') is read as if it
ended with them (see `read_duration`); a phase its heading gives no title is named by its span as written
(`heading_span`: '## Q1' is 'Q1').
The German and Spanish words read as their English ones: `Fase`, `Etapa` (phase); `Woche`, `Wochen`, `Semana`,
`Semanas`; `Monat`, `Monate`, `Mes`, `Meses`; `Tag`, `Tage`, `Día`, `Días` (`Dia`, `Dias` too); and `bis`, `a`,
`al`, `hasta`, `und`, `y` between numbers (`Phase 1: Grundlagen (Wochen 1 bis 4)`, `Fase 1: Fundamentos
(Semanas 1 a 4)`). So do French, Italian and Portuguese ones: `Étape` (phase); `Semaine`, `Semaines`,
`Settimana`, `Settimane`; `Mois`, `Mese`, `Mesi`, `Mês`; `Jour`, `Jours`, `Giorno`, `Giorni`; `à`, `au`, `et`,
`até`, `e` between numbers (`Semaines 4 à 7 : JavaScript`, `Fase 3: Machine Learning (Settimane 9-14)`).
Chinese, Japanese, Korean, Russian, Ukrainian, Arabic and Hindi headings are rewritten in these English words before
they are read (`_in_english`; full-width brackets and colons as ASCII ones), and what of the rewritten words is left in
the title is given back as written ('Этап 4: Практика 3 недели подряд' is titled 'Практика 3 недели подряд'):
- Chinese: `第一阶段：基础（第1-4周）` (Phase 1, weeks 1-4), `阶段二`, `第3周`, `第2个月`, `第1-30天`;
  a number without 第 is a length (`（4周）`, `（1-2个月）`), and `3月` is March; Traditional `第一階段`, `第2個月`
  alike;
- Japanese: `フェーズ1：基礎（第1〜4週）`, `第3段階`, `ステージ2` (phases), `ステップ2` (a step),
  `第3週` or `3週目` (week 3), `第2ヶ月` or `2ヶ月目` (month 2), `1〜30日目` (days 1-30);
  `（4週間）`, `1〜2ヶ月`, `10日間` are lengths, `4月1日` a date;
- Korean: `1단계: 기초 (1-4주차)` (Phase 1, weeks 1-4), `3주차` (week 3), `1개월차` (month 1), `1-30일차` (days 1-30);
  `(4주)`, `(2주간)`, `(1~2개월)`, `(2달)`, `(30일)` are lengths, `3월 1일` a date;
- Russian: `Этап 1: Основы (Недели 1-4)`, `Фаза 2`, `2-й этап`, `Этап 1 из 4`; `Неделя 3` or `3-я неделя`,
  `Недели 5–6`, `Недели 5 до 8` (`по` too), `Месяц 2`, `Дни 1-30`, the words in any case and number; `(4 недели)`,
  `(2 месяца)`, `(10 дней)` are lengths, and `(с 1 по 4 неделю)` a span; Ukrainian alike: `Етап 1: Основи (Тижні 1-4)`,
  `Тиждень 3`, `Тижні 5 до 8`, `Місяць 2`, `(6 тижнів)`;
- Arabic: `المرحلة 1: أساسيات (الأسابيع 1-4)`, `الأسبوع 3`, `الأسابيع 13 إلى 16`, `الشهر 2`, `الأيام 1-30`, and an
  ordinal for the number (`الأسبوع الأول`: week 1, `الأسبوع الثالث والرابع`: weeks 3-4); `(4 أسابيع)` is a length, and
  so are the dual and one in words (`(أسبوعان)`: 2 weeks, `(أسبوع واحد)`: 1 week, `(شهرين)`: 2 months).
  Arabic-Indic and Persian digits (`٥-٨`, `۵`) are read as digits; a title keeps them as written.
- Hindi: `चरण 1: बुनियाद (सप्ताह 1-4)`, `सप्ताह 3` or `हफ़्ता 3`, `सप्ताह 5 से 8 तक`, `महीना 2`, `दिन 1-30`; `(4 सप्ताह)`
  is a length; Devanagari digits (`१-२`) are read as digits.
Turkish, Polish, Indonesian, Vietnamese and Dutch headings are rewritten so too, though most are ASCII ('Hafta 3',
'Tygodnie 3-4', 'Minggu ke-2', 'Giai đoạn 1', 'Weken 1-4'; see `_LATIN_WORD`).
The span said again in brackets after the title (`Week 1: HTML (Week 1)`) is no part of the title when it names
the same weeks; naming others, or none (`(Weeks ?)`), the heading is no phase (`unreadable_span` says why).
A heading that starts like one of these but cannot be read gets a hint (`phase_hint`), its example in the
heading's own words where there is one ('Неделя: Введение': 'Неделя 3: Title').
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date
from functools import lru_cache, partial
from itertools import pairwise
from typing import NamedTuple

# Numbers and ordinals in English words, zero to twenty ('Week Three', 'third week'); questions read them too.
NUMBER_WORDS = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"),
)
ORDINAL_WORDS = (
    *("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh"),
    *("twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"),
    "twentieth",
)
_NUMBER_WORDS = {word: i for i, word in enumerate(NUMBER_WORDS)}
# Roman numerals I to XX ('Phase II'), never empty: 'x', 'xx' alone, else up to two 'x' and one of the rest; in
# lower case (also how search reads a heading's label and questions a phase's number).
ROMAN = r"x{0,2}(?:ix|iv|vi{0,3}|i{1,3})|x{1,2}"
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}
# A Roman numeral is no word's first letters: 'Phase X-ray imaging', 'Stage I/O' hold no number.
_NUMBER = (
    r"(?P<n>\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + rf"|(?:{ROMAN})(?![-/'’][^\W\d_]))\b"
)
# Between a span's numbers: a dash, or a tilde or wave dash as Chinese, Japanese and Korean writers put one there
# in any text ('WEEK 3~4', 'Week 5 ～ 6'; one that opens a number after a blank is 'about': 'Week 1 ~10h'); English
# ('to', 'through', 'thru', 'and'), German ('bis', 'und'), Spanish ('a', 'al', 'hasta', 'y'), French ('à', 'au',
# 'et'), Italian ('a', 'al', 'e'), Portuguese ('a', 'até', 'e') and Dutch ('t/m', 'tot en met', 'tot', 'en') words.
_DUTCH_TO = r"t/m\.?|tm|tot\s+en\s+met|tot|en"
# ... but a tilde before a number of hours is 'about' ('Week 1 ~ 10 hours', 'Week 2 ~8h'), no span
_ABOUT_TIME = r"(?!\s*\d{1,4}(?:[.,]\d+)?\s*(?:h|hrs?|hours?|min|mins|minutes?|小时|小時|時間|시간)(?![^\W\d_]))"
_TILDE = rf"(?<=\d)[~～〜]{_ABOUT_TIME}|(?<=\s)[~～〜](?=\s){_ABOUT_TIME}"
_RANGE_SEP = rf"\s*(?:->|→|⟶|-|–|—|{_TILDE}|{_DUTCH_TO}|to|through|thru|and|&|bis|und|al|a|hasta|y|à|au|et|até|e)\s*"
# The words of each unit, English, German, Spanish, French, Italian and Portuguese (accents optional: people type
# 'dias', 'mes').
WEEK_WORDS = r"weeks?|wks?|wochen?|semanas?|semaines?|settiman[ae]"  # also how questions name a week
_MONTH_WORDS = r"months?|monate?|m[eê]s(?:es)?|mois|mes[ei]"
_DAY_WORDS = r"days?|tage?|d[ií]as?|jours?|giorn[oi]"
DAY_WORDS = _DAY_WORDS  # also how questions name a day (`bot.content.questions`)
_UNIT_WORDS = rf"(?:{WEEK_WORDS}|{_MONTH_WORDS}|{_DAY_WORDS})"
# Not the end of a longer word: 'Games 3D' holds no 'mes 3', 'Stage 2' no 'tage 2'. A 'W' right before a number is
# a week ('W5 — Auth').
_UNIT = rf"(?<![^\W\d_])(?P<unit>(?P<week>{WEEK_WORDS}|w(?=\d))|(?P<month>{_MONTH_WORDS})|(?P<day>{_DAY_WORDS}))"
# The span's own unit again, in any of its words: 'Week 5 to Week 8', never 'Week 1 - Day 3' (a day of week 1).
_SAME_UNIT = rf"(?(week)(?:{WEEK_WORDS}|w(?=\d))|(?(month)(?:{_MONTH_WORDS})|(?:{_DAY_WORDS})))"
# '(Weeks 5-12)', '[Week 5]', '(Week 5 to Week 8)': the unit may be said again before the last number; a '#' may come
# before the first ('Week #4').
# A '+' right after the span's last number leaves it open-ended ('Week 9+ — Portfolio', '(Weeks 20+)'): it is part of
# the span, unless more weeks follow it ('Week 3+4', 'Week 4 + half of Week 5': see `_EXTENDED`). So are the words
# that say so after it ('Weeks 21-24 and beyond', 'Week 21 onwards', 'Неделя 21 и далее', 'सप्ताह 21 से 24 और आगे',
# 'Semana 21 en adelante'), where the heading ends or a mark follows them (':', '(Specialization)', '🚀'): words that
# go on are the title's ('Week 6 and beyond the basics', 'Week 3 and after that, review').
_OPEN_WORDS = (
    r"and\s+(?:beyond|onwards?|later|after)|onwards?|и\s+далее|і\s+далі|और\s+आगे|en\s+adelante|em\s+diante|in\s+poi"
)
_OPEN_END = (
    r"(?:\+(?!\s*(?:\d|#|the\b|(?:first|second|last|other)\s|(?:half|part|bit|start|beginning|end|rest)\s+of\b|"
    rf"{_UNIT_WORDS}))|\s+(?:{_OPEN_WORDS})(?=\s*(?:$|[^\w\s])))?"
)
# A day of the month after a day's number, no end of a span of days: 'Day 1 - 30 August, 2018', 'Day 3 – 2nd Sept',
# 'Día 1 - 30 de agosto' (month names in English, Spanish, French and German).
_MONTH_OF_DAY = (
    r"january|february|march|april|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|(?-i:May|Mai)"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
    r"|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|januar|jänner|februar|märz|juni|juli|oktober|dezember"
)
_DAY_OF_MONTH = rf"(?(day)(?!(?:st|nd|rd|th)?\.?\s*(?:de\s+)?(?:{_MONTH_OF_DAY})\.?(?![^\W\d_])))"
_SPAN = (
    rf"[(\[]?\s*{_UNIT}\.?\s*(?:#\s*)?(?P<a>\d{{1,4}})"
    rf"(?:{_RANGE_SEP}(?:{_SAME_UNIT}\.?\s*)?(?P<b>\d{{1,4}}){_DAY_OF_MONTH})?{_OPEN_END}\s*[)\]]?"
)
# Emoji (keycaps such as 1️⃣ too), symbols and numbering marks before the words, and a ticked box ('[x] Phase 1:
# Linux', as an unticked '[ ]' is all marks): the author's progress, no word of the heading.
_LEAD = re.compile(r"^(?:\[[xX]\]|[\W_]|\d\ufe0f?\u20e3)*")
_PHASE = re.compile(rf"(?:phase|stage|fase|etapa|[ée]tape)\s*(?:#\s*)?{_NUMBER}", re.IGNORECASE)
_SPAN_AT = re.compile(_SPAN, re.IGNORECASE)
# A suffix an apostrophe joins to a number ('Hafta 1’de': 'in week 1', "Week 1's", 'Hafta 1.’de'): the number is a
# word of a sentence, no span a title follows.
_SUFFIXED = r"\.?['’][^\W\d_]"
_SPAN_START = re.compile(rf"{_SPAN}(?![\w/]|{_SUFFIXED})", re.IGNORECASE)
_NUMBER_SUFFIXED = re.compile(rf"\d{{1,4}}{_SUFFIXED}")
# Where a span's unit word may start, in lower-case ASCII text: `_span_search` tries `_SPAN_AT` only there.
_UNIT_AT = re.compile(rf"{WEEK_WORDS}|w(?=\d)|{_MONTH_WORDS}|{_DAY_WORDS}")
_UNIT_ANY_CASE = re.compile(_UNIT_AT.pattern, re.IGNORECASE)  # the same in other text (where lower() may add letters)


def _span_search(text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """Return `_SPAN_AT.search(text, pos, endpos)`, found several times faster, and in time linear in the text's
    length (the regex alone takes quadratic time over a long run of blanks).

    A span opens with its unit word, after a bracket and blanks: the regex is tried where a unit word starts, from
    the blanks and the bracket before it, instead of at every character (its optional opening leaves the regex
    engine no first character to skip ahead to, and IGNORECASE makes each try slow). In ASCII text the unit words
    are found in the lower-cased text, whose positions are the text's."""
    end = len(text) if endpos is None else endpos
    units = _UNIT_AT.finditer(text.lower(), pos, end) if text.isascii() else _UNIT_ANY_CASE.finditer(text, pos, end)
    for unit in units:
        start = unit.start()
        while start > pos and text[start - 1].isspace():
            start -= 1
        if start > pos and text[start - 1] in "([":
            start -= 1
        found = _SPAN_AT.match(text, start, end)
        if found is not None:
            return found
    return None


# A length instead of a span: '(4 weeks)', '[2-3 months]', '(~10 days)', or at the end after a separator
# ('Phase 3: Terraform — 3 weeks'); a number inside the title ('Learn 3 weeks of Python', 'Practice for 6-8
# weeks': a range's dash after a digit is no separator) is not one.
def _length(week: str, month: str, day: str) -> str:
    """Return the pattern of a length in these words of each unit."""
    return (
        r"(?:[~≈]\s*)?(?P<a>\d{1,3})(?P<a_half>[.,]5)?(?:\s*(?:-|–|—|to|bis|à|a)\s*(?P<b>\d{1,3})(?P<b_half>[.,]5)?)?\+?\s*"
        rf"(?:(?P<week>{week})|(?P<month>{month})|(?P<day>{day}))(?![^\W\d_])\.?"
    )


_LENGTH = _length(WEEK_WORDS, _MONTH_WORDS, _DAY_WORDS)
# A clock or a calendar before a length says what it is ('Docker ⏱️ 3 weeks', '(⏳ 2 weeks)', '🗓 1 month').
_CLOCK = r"[\u231a\u231b\u23f0-\u23f3\U0001f4c5\U0001f4c6\U0001f550-\U0001f567\U0001f5d3]\ufe0f?"
# In brackets a length is a time box, its unit perhaps a letter or two: '[3w]', '(~2wk)', '[3d]', '[1m]', '[2 mo]'; a
# note may follow it in them after a mark ('(1-2 weeks: setup)', '（2周，每天一小时）'), which `_without` keeps. Such a
# letter in capitals is a length only alone in its brackets ('(2W)', '[6M]', '(2 Mo)'): before more words it says
# what a number counts ('(1D, 2D Arrays)': dimensions), and a 'D' in capitals is a dimension alone too ('(3D)').
_CLOSED = r"(?=\s*[)\]])"
_LENGTH_BRACKETED = re.compile(
    rf"[(\[]\s*(?:{_CLOCK}\s*)?"
    + _length(
        rf"{WEEK_WORDS}|(?-i:w|W{_CLOSED})",
        rf"{_MONTH_WORDS}|(?-i:mos?|m|(?:MOS?|Mos?|M){_CLOSED})",
        rf"{_DAY_WORDS}|(?-i:d)",
    )
    + r"\s*"
    r"(?:[)\]]|[,;:，；：]\s*(?=[^()\[\]]*[)\]]))",
    re.IGNORECASE,
)
_LENGTH_LAST = re.compile(
    rf"(?:^\s*|(?<!\d)(?:[-–—:|,·•]\s*)?{_CLOCK}\s*|(?<!\d)[-–—:|,·•]\s*){_LENGTH}\s*$", re.IGNORECASE
)
# blanks (no-break, thin and figure spaces too, as word processors and chat assistants write them), separators and the
# dashes people type (hyphen, en, em, bar, figure, minus)
_EDGES = " \t\u00a0\u202f\u2009\u2007:-–—―‒−|.,;·•"
# A hint's example in the words of the heading it is for: (what it is, its word in one and in many).
_HINT_FORMS = {
    word: (kind, one, many)
    for kind, one, many in [
        ("week", "Week", "Weeks"),
        ("week", "Woche", "Wochen"),
        ("week", "Semana", "Semanas"),
        ("month", "Month", "Months"),
        ("month", "Monat", "Monate"),
        ("month", "Mes", "Meses"),
        ("week", "Semaine", "Semaines"),
        ("week", "Settimana", "Settimane"),
        ("month", "Mois", "Mois"),
        ("month", "Mese", "Mesi"),
        ("week", "Неделя", "Недели"),
        ("month", "Месяц", "Месяцы"),
        ("week", "Тиждень", "Тижні"),
        ("month", "Місяць", "Місяці"),
    ]
    for word in (one.casefold(), many.casefold())
}
_ENGLISH_PHASE_HINT = "'Phase 2: Databases (Weeks 5-12)'"
# A phase word's example, in its language ('phase' and 'stage' get the English one).
_PHASE_HINTS = dict.fromkeys(("fase", "etapa", "étape", "etape"), "'Fase 2: Bases de datos (Semanas 5-12)'") | {
    **dict.fromkeys(("этап", "фаза"), "'Этап 2: Базы данных (Недели 5-12)'"),
    "етап": "'Етап 2: Бази даних (Тижні 5-12)'",
    **dict.fromkeys(("フェーズ", "ステージ"), "'フェーズ2：データベース（第5〜12週）'"),
}
_PHASE_WORD = re.compile(
    r"(?:phase|stage|fase|etapa|[ée]tape|этап|етап|фаза|フェーズ|ステージ|"
    + "|".join(sorted(_HINT_FORMS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_SPANISH = re.compile(rf"\(\s*{_UNIT_WORDS}\b[^)]*\)", re.IGNORECASE)
# How every phase heading starts, after its emoji (IGNORECASE folds 'ſ' to 's'): phase, stage, fase, etapa,
# the unit words above, or a span in brackets.
_MAYBE = re.compile(
    r"(?:[\W_]|\d\ufe0f?\u20e3|\[[xX]\])*(?:ph|st|fa|et|ét|we|wk|w\d|wo|se|te|mo|me|mê|da|d[ií]|ta|jo|gi|q|\(|\d{1,2}[.)]\s)",
    re.IGNORECASE,
)
_PHASE_FIRST = "psfeé"  # the first letters of the phase words
_QUARTER = re.compile(r"(?:q|quarter\s*)(?P<n>[1-4])(?!\w)", re.IGNORECASE)  # 'Q1', 'Quarter 3'
# 'Semester 2', 'Term 3': a school term of about 16 weeks (weeks 1-16, 17-32), as a quarter is three months.
_SEMESTER = re.compile(r"(?:semester|term)\s*(?P<n>[1-9])(?![\w.])", re.IGNORECASE)
SEMESTER_WEEKS = 16
_Q_NUMBERED = re.compile(r"q(?P<n>\d{1,3})(?!\w)", re.IGNORECASE)  # 'Q1', 'Q12': a quarter or a question
_OUTLINE = re.compile(r"(?P<n>\d{1,2})[.)]\s+")  # a section's number: '1. ', '3) '
# ... or an outline's number of a part, words after it: '2.2 ', '2.2. ', '2.1.3 ' (search counts the words after it)
_DOTTED_OUTLINE = re.compile(r"\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+(?=[^\W\d_])")
_SPAN_FIRST = "wsmdtjg("  # the first letters of the unit words, and a span's bracket


class PhaseHeading(NamedTuple):
    """What a phase heading says: its number (None: numbered by order), its weeks (None: to plan), its title."""

    number: int | None
    first: int | None
    last: int | None
    title: str
    unit: str  # "week", "month", "quarter", "semester", "day", or "" when no span was given
    length: int | None = None  # weeks, for a phase that gives its length instead of a span ('(2-3 months)')
    # The title as read with a count of the weeks in it ('of 12: CSS' of 'Week 3 of 12: CSS'): what the IDs of the
    # phase's repeated tasks are made of, as they were before counts were set aside; None: `title`.
    id_title: str | None = None


def _weeks(unit: str, a: int, b: int | None) -> tuple[int, int]:
    """Return the weeks a span of `unit`s ("week", "month", "quarter" or "day") a to b covers."""
    b = a if b is None else b
    if unit == "month":
        return 4 * a - 3, 4 * b
    if unit == "quarter":  # three months
        return 12 * a - 11, 12 * b
    if unit == "semester":
        return SEMESTER_WEEKS * (a - 1) + 1, SEMESTER_WEEKS * b
    if unit == "day":
        return (a + 6) // 7, (b + 6) // 7
    return a, b


# The word that labels a title, as a plan line writes it before the title ('Week 1 — Topic: HTML basics', 'Woche 2 –
# Thema: CSS'); in the singular, as a table heads the column of its rows' titles ('| Week | Dates | Topic |').
_TITLE_WORD = (
    r"topic|title|subject|theme|thema|tema|temat|sujet|th[èe]me|titel|t[íi]tulo|titre|titolo|t[óo]pico|assunto"
    r"|argomento|onderwerp|konu|başlık|тема|主题|テーマ|주제"
)
_TITLE_WORDS = (
    rf"{_TITLE_WORD}|topics|titles|subjects|themes|themen|temas|sujets|th[èe]mes|titres|t[íi]tulos|t[óo]picos|assuntos"
    r"|argomenti"
)
# A course a plan line names ('Week 3 — Course: Linear Algebra'): a label too, though no table column of titles.
_COURSE_WORDS = r"courses?|kurs|kurse|cursos?|cours|corsi|corso"
_TITLE_LABEL = re.compile(rf"(?:{_TITLE_WORDS}|{_COURSE_WORDS})\s*[:：]\s*(?=\S)", re.IGNORECASE)
# A course's credits in brackets after its title ('Linear Algebra (4 credit hours)', '(3 credits)', '[6 ECTS]'): how
# much it counts, no words of what it is about.
_CREDITS = re.compile(
    r"\s*[(\[]\s*\d{1,2}(?:[.,]5)?\s*(?:credits?(?:\s+hours?)?|ects(?:\s+credits?)?)\s*[)\]]$", re.IGNORECASE
)


def labelled_title(heading: str, title: str) -> str:
    """Return a phase's title with the word that labels it in its heading ('Topic: CSS' in 'Week 2 — Topic: CSS'),
    else the title: the words the IDs of a task written in several phases are told apart by, which leaving the label
    out of the title shown must not change."""
    at = heading.rfind(title) if title else -1
    before = heading[:at].rstrip() if at > 0 else ""
    if not before.endswith((":", "：")):
        return title
    start = len(before) - 1  # the label is the word before the colon: the regex is tried there alone
    while start > 0 and before[start - 1] in " \t":
        start -= 1
    while start > 0 and before[start - 1].isalpha():
        start -= 1
    label = _TITLE_LABEL.match(heading, start)
    return heading[start:at] + title if label is not None and label.end() == at else title


# A bare URL that ends a title, after its words: 'Programming (https://…)', 'Databases: https://…', 'Networks
# (<https://…>)' (an autolink's text). It is the link of the heading or line, which its text keeps (see
# `bot.content.parse`), no words of its title. A title of a URL alone keeps it.
_TITLE_URL = re.compile(
    r"(?P<mark>\s*[:：|\-–—]\s*|\s+)"
    r"(?:\(\s*<?(?:https?://|www\.)[^\s<>]*?>?\s*\)|<?(?:https?://|www\.)[^\s<>]*>?)$",
    re.IGNORECASE,
)
# The words that lead into a URL after them, which makes it a word of the sentence ('Deploy to https://…', 'Lesen
# auf https://…'), in the languages role files are written in: a preposition, or a verb that points at a place.
_URL_LEAD_INS = frozenset(
    {
        *("to", "from", "at", "on", "in", "into", "onto", "via", "with", "of", "for", "by", "about", "under"),
        *("see", "visit", "read", "check", "use", "using", "watch", "follow", "open"),
        *("auf", "von", "bei", "unter", "nach", "siehe", "mit", "zu"),
        *("en", "de", "a", "desde", "con", "ver", "sur", "à", "depuis", "voir", "avec", "em", "com", "su", "da", "di"),
    }
)


def without_trailing_url(title: str) -> str:
    """Return a title without the bare URL that ends it (see `_TITLE_URL`); not where the title leads into it
    (`_URL_LEAD_INS`), nor where it is the last of an aside in brackets ('Go (see https://…)': its bracket would be
    left open)."""
    if "://" not in title and "www." not in title:  # the cheap check first: nearly no title has one
        return title
    found = _TITLE_URL.search(title)
    if found is None or found.start() == 0:
        return title
    kept = title[: found.start()].rstrip()
    if kept.count("(") > kept.count(")") or kept.count("[") > kept.count("]"):
        return title
    if not found.group("mark").strip() and kept.rpartition(" ")[2].casefold() in _URL_LEAD_INS:
        return title
    return kept


_OPENING = {")": "(", "]": "["}


_ARROW_STARTS = ">=→⟶➜➔➡⇒⟹"
_ARROW_LEAD = re.compile(r"(?:=*>|[→⟶➜➔➡⇒⟹]\ufe0f?)\s+")  # a '>' or arrow with a blank after it


def _title(text: str) -> str:
    """Return a phase title without the separators and emoji around it ('— 🐍 Basics 🐍' is 'Basics'), nor the word
    that labels it ('Topic: Basics', 'Course: Basics' are 'Basics'), nor its credits ('Basics (3 credits)')."""
    first = text.lstrip()[:1]
    if first in _OPENING and text.count(first) > text.count(_OPENING[first]):
        text = text.lstrip()[1:]  # '[Phase 1] Basics': the bracket the phase word opened with closes before it
    if "  " in text or "\t" in text or "\n" in text:
        # Each run of blanks as one space (split and join: what a regex `\s+` -> ' ' gives, but for the text's
        # ends, which are stripped below either way).
        text = " ".join(text.split())
    if text.isascii():
        title = text.strip(_EDGES)
    else:
        start, end = 0, len(text)
        while start < end and (text[start] in _EDGES or _decoration(text[start])):
            start += 1
        while end > start and (text[end - 1] in _EDGES or _decoration(text[end - 1])):
            end -= 1
        title = text[start:end] or text.strip(_EDGES)  # a title of emoji alone stays
    title = without_trailing_url(title)
    # An arrow typed after the span parts it from the title as a dash does ('Week 1 -> Shell', 'Month 1 --> Summary',
    # 'Week 2 => Networks', 'Week 3 → Python'); the dashes of '-->' are edges, its '>' is left to go here.
    if title[:1] in _ARROW_STARTS and (arrow := _ARROW_LEAD.match(title)) is not None and arrow.end() < len(title):
        return _title(title[arrow.end() :])
    # A slash with a blank beside it parts the title from the span too ('Wk 7 / Deploy'); '/etc' is a word.
    if title[:2] in ("/ ", "/\t") or title[-2:] in (" /", "\t/"):
        return _title(title[2:] if title[:1] == "/" else title[:-2])
    if title[-1:] in ")]" and ("redit" in title or "ECTS" in title.upper()):
        credits = _CREDITS.search(title)
        title = title[: credits.start()] if credits is not None and credits.start() > 0 else title
    if ":" in title or "：" in title:
        label = _TITLE_LABEL.match(title)
        if label is not None:
            return title[label.end() :]
    return title


# The author's own progress written after a phase's title ('Linux (done)', 'Docker (in progress)', 'Ansible (100%
# Completed ✅)', 'Kubernetes ✅ Completed', 'Terraform — WIP', 'Git [x]'): a learner's phase is no more done than
# the author's was. In English, Spanish, Portuguese, French, German, Italian, Arabic, Russian and Ukrainian. Fewer
# words than a status column's cells may hold (`_CELL_STATUS_WORDS`): in a title, 'Next steps' or 'Learning Go' are
# its words.
_STATUS_WORDS = (
    r"done|complete|completed|finished|in[\s-]+progress|work\s+in\s+progress|ongoing|wip"
    r"|not\s+(?:yet\s+)?started|started|pending|upcoming|paused"
    r"|completad[oa]|terminad[oa]|hecho|en\s+progreso|en\s+curso|pendiente|conclu[íi]d[oa]|em\s+andamento"
    r"|em\s+progresso|pendente|termin[ée]e?|en\s+cours|[àa]\s+faire|erledigt|abgeschlossen|fertig|in\s+arbeit"
    r"|completat[oa]|in\s+corso|مستمر|مكتمل|منتهي|جاري|قيد\s+التنفيذ"
    r"|выполнено|завершено|пройдено|в\s+процессе|в\s+работе|не\s+начато|виконано|[ву]\s+процесі|не\s+розпочато"
    # the author's place in the plan ('(Current Week)', '← you are here'): where the author was, not the learner
    r"|current\s+(?:week|month|day|phase|stage|step|module|sprint|focus)|(?:you|we)\s+are\s+here"
)
# Marks of done, doing and to do that authors and trackers write after a title ('Arrays ✅', 'Week 3 🔄'): the
# author's progress, dropped from phases' and parts' titles alike. Coloured circles, which rate difficulty as often
# ('Two Sum 🟢'), are not among them.
PROGRESS_MARKS = "✅✔☑🔄⏳⌛🚧⬜🔲❌✓☐✗✘"
_STATUS_MARKS = r"[\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]"
# What a status says: marks, a share done with a word or a mark ('100% done', '100% ✅'), a count done with a word
# ('110 of 110 challenges completed', '4/12 lessons done'), or a status word alone; a share or a count alone ('(12%)',
# '(2 of 3)') may weigh a part of an exam or count the topic's own kinds, no progress.
# Each run of marks or blanks is entered at its start only and repeats a few times at most: a long run ('Linux ✅✅…✅',
# a heading of blanks) is looked at once, not once per character of it.
_STATUS = (
    rf"(?:{_STATUS_MARKS}\s*){{0,6}}(?:\d{{1,3}}\s*%\s*(?:(?:{_STATUS_WORDS})(?![^\W\d_])|{_STATUS_MARKS})\s*"
    rf"|\d{{1,4}}\s*(?:of|/)\s*\d{{1,4}}\s+(?:[^\W\d_]+\s+){{0,2}}(?:{_STATUS_WORDS})(?![^\W\d_])\s*"
    rf"|(?:{_STATUS_WORDS})(?![^\W\d_])\s*)"
    rf"(?:{_STATUS_MARKS}\s*){{0,6}}"
)
_STATUS_AT_END = re.compile(
    # in brackets ('(done)', '[x]', '(✅)', '✅ (Complete)'), anywhere after the title's first word
    rf"(?<!\s)\s+(?:{_STATUS_MARKS}\s*){{0,6}}"
    # ('(current)' in lower case; 'Electricity (Current)' names a topic: see `_CURRENT_AFTER_NUMBER`)
    rf"(?:\(\s*{_STATUS}\)|\[\s*(?:{_STATUS}|[xX ✓✔])\s*\]|\(\s*(?:{_STATUS_MARKS}\s*){{1,6}}\)"
    r"|\((?-i:current)\))"
    rf"(?:\s*{_STATUS_MARKS}){{0,6}}"  # and the marks after it ('Linux (done) ✅')
    # ... or at the end, after a mark ('✅ Completed') or a separator ('— Done', '| 60% done')
    # ('🔄 Current', '📝 To-Do': words of a title elsewhere, 'Electricity (Current)', 'Build a CRUD app - To-Do')
    rf"|(?<!\s)\s*{_STATUS_MARKS}{{1,6}}\s*(?:{_STATUS_WORDS}|current|to[\s-]*do)(?![^\W\d_])\s*(?:{_STATUS_MARKS}\s*){{0,6}}$"
    rf"|(?<!\s)\s+(?:[-–—|·:←⟵]|<-+)\s*{_STATUS}$",  # ('Trees ← you are here', 'Trees <- you are here')
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)  # a title is looked at for its heading, its path and its group: one search each
def without_status(title: str) -> str:
    """Return a phase's title without the author's progress written in it ('Linux (done)' is 'Linux', 'Ansible
    (100% Completed ✅)' is 'Ansible'), which is no part of what the learner studies; a title of a status alone
    stays as it is. Marks of progress alone at its end go too ('Week 3 ✅': see `without_progress_marks`)."""
    if title[-1:] in _PROGRESS_MARK_ENDS:
        bare = without_progress_marks(title)
        title = bare.rstrip(_EDGES) or bare if bare != title else title
    if "urrent" in title and (place := _CURRENT_AFTER_NUMBER.search(title)) is not None:
        title = title[: place.start("current")] + title[place.end() :]  # 'Week 2 (Current)': the author's place
    if title.isascii() and "[" not in title:
        # most titles: without marks or '[x]', only a status word could be one: at the end, or in brackets
        if "(" not in title:
            tail = title[-24:].rstrip().lower()
            if not tail.endswith(_ASCII_STATUS_ENDS) and "current" not in tail:  # ('Trees — Current focus')
                return title
        else:
            lower = title.lower()
            if not any(stem in lower for stem in _ASCII_STATUS_STEMS):
                return title
    if _STATUS_AT_END.search(title) is None:
        return title
    kept = " ".join(_STATUS_AT_END.sub(" ", title).split()).rstrip(_EDGES)
    return kept or title


# How long a course or a phase takes in hours, in brackets after its title ('Garden Planning (300 hours)', '(~40 h)',
# '(about 20-30 hrs)'): its effort, as credits are its weight (`_CREDITS`), no words of what it is about.
_HOURS_AFTER = re.compile(
    r"(?<=\S)\s*[(\[]\s*(?:(?:about|approx\.?|around|ca\.)\s*|[~≈]\s*)?\d{1,4}(?:[.,]\d+)?(?:\s*[-–]\s*\d{1,4})?\+?\s*"
    r"(?:hours?|hrs?|h)\.?\s*[)\]]$",
    re.IGNORECASE,
)
# A number in brackets that opens a title ('(1) Garden Planning'): its place in a list, as '1.' is a numbered line's.
_NUMBER_FIRST = re.compile(r"\(\s*\d{1,3}\s*\)\s*(?=[^\W\d_])")


def without_hours(title: str) -> str:
    """Return a title without the hours it takes in brackets after it ('Garden Planning (300 hours)' is 'Garden
    Planning'); a title of the hours alone stays."""
    if title[-1:] not in ")]" or "h" not in title.lower():  # most titles
        return title
    found = _HOURS_AFTER.search(title)
    return title[: found.start()].rstrip(_EDGES) or title if found is not None else title


def without_number_first(title: str) -> str:
    """Return a heading's title without a number in brackets that opens it ('(1) Garden Planning' is 'Garden
    Planning'): its place in the list of its file's headings, which search and /checklist show them in."""
    if title[:1] != "(":
        return title
    found = _NUMBER_FIRST.match(title)
    return title[found.end() :] if found is not None else title


# '(Current)' after the number of a week or a phase ('Week 3 (Current)', 'Phase 2 (Current) - Finish the parser'):
# where the author was. After a version's number ('Node.js 21 (Current)') it names a release line.
_CURRENT_AFTER_NUMBER = re.compile(
    rf"(?<![^\W\d_])(?:{_UNIT_WORDS}|phase|stage|step|module|sprint|part|unit|lesson|chapter|level)\s*\d{{1,3}}"
    r"(?P<current>\s*\(\s*current\s*\))",
    re.IGNORECASE,
)
_CURRENT_AT_END = re.compile(r"\s*\(\s*current\s*\)$", re.IGNORECASE)


def without_current(name: str, heading: str) -> str:
    """Return a phase's name without a '(Current)' its heading writes after its number ('Week 3 (Current) - Finish
    the parser' is read as 'Finish the parser (Current)'): where the author was, as '(Current)' alone after a week's
    number is (`without_status`); after the title's words ('Electricity (Current)') it names a topic."""
    if name[-1:] != ")" or _CURRENT_AFTER_NUMBER.search(heading) is None:
        return name
    return _CURRENT_AT_END.sub("", name) or name


# The last words of the status words written in ASCII letters (`_STATUS_WORDS`), as a title may end in them: an ASCII
# title without brackets that ends otherwise, and has no 'current' near its end ('Current Week'), holds no status
# (`without_status`), and is looked at no further.
_ASCII_STATUS_ENDS = (
    *("done", "complete", "completed", "finished", "progress", "ongoing", "wip", "started", "pending", "upcoming"),
    *("paused", "completado", "completada", "terminado", "terminada", "hecho", "progreso", "curso", "pendiente"),
    *("concluido", "concluida", "andamento", "progresso", "pendente", "termine", "terminee", "cours", "faire"),
    *("erledigt", "abgeschlossen", "fertig", "arbeit", "completato", "completata", "corso", "here"),
)
# The stems of all of them, one of which an ASCII title holds wherever it has a status word (in brackets or not).
_ASCII_STATUS_STEMS = (
    *("done", "complet", "finish", "progres", "ongoing", "wip", "start", "pend", "upcoming", "paus", "termin"),
    *("hecho", "curso", "conclu", "andamento", "cours", "faire", "erledigt", "abgeschlossen", "fertig", "arbeit"),
    *("corso", "current", "are here"),
)


# A title that is the author's progress alone: '(done) ✅', '✅ (in progress)', 'Done', '✅', '← you are here'.
_STATUS_ALONE = re.compile(
    rf"(?:(?:[←⟵]|<-+)\s*)?(?:{_STATUS_MARKS}\s*){{0,6}}(?:\(\s*(?:{_STATUS}|current)\)|\[\s*(?:{_STATUS}|[xX✓✔])\s*\]|{_STATUS}"
    rf"|(?:[{PROGRESS_MARKS}]\ufe0f?\s*){{1,6}})"
    rf"\s*(?:{_STATUS_MARKS}\s*){{0,6}}",
    re.IGNORECASE,
)


_PROGRESS_MARKS_AT_END = re.compile(rf"(?<=\S)(?:\s*[{PROGRESS_MARKS}]\ufe0f?){{1,6}}$")
_PROGRESS_MARK_ENDS = PROGRESS_MARKS + "\ufe0f"


def without_progress_marks(title: str) -> str:
    """Return a title without the marks of progress after it ('Arrays ✅' is 'Arrays'); one of marks or emoji alone
    stays ('🚀 🔐 ✅', as `_title` keeps a title of emoji alone), and so does one that uses such marks in its words too
    ('Do ✅ / Don't ❌'); one that opens with one ('✔️ Checklist ✅') is decorated, and loses the marks at its end."""
    if title[-1:] not in _PROGRESS_MARK_ENDS:  # most titles
        return title
    kept = _PROGRESS_MARKS_AT_END.sub("", title).rstrip()
    words = kept.lstrip(_PROGRESS_MARK_ENDS + " ")  # after the marks it opens with
    if not any(c.isalnum() for c in words) or any(c in PROGRESS_MARKS for c in words):
        return title
    return kept


# An org-mode export's task keyword before a heading's title, as org writes it ('TODO Learn Docker', 'DONE Install
# Git', 'NEXT [#A] Read the guide': in capitals, perhaps with a priority after it): the author's progress.
_ORG_KEYWORD = re.compile(
    r"(TODO|DONE|NEXT|WAITING|WAIT|HOLD|STARTED|DOING|SOMEDAY|CANCELL?ED|DELEGATED) +(?:\[#[A-Z0-9]\] +)?"
)
# The words after 'TODO' that make it the name of an app of tasks ('TODO List with React', 'TODO App'), no keyword.
_TASK_APP_WORDS = frozenset(("list", "lists", "app", "apps", "application", "api", "mvc", "manager", "tracker"))
# The words after a keyword that make it a word of a phrase a title is ('NEXT Steps', 'DONE Deal', 'HOLD On').
_KEYWORD_PHRASES = {
    "NEXT": frozenset(("steps", "step", "level", "up", "generation", "gen", "chapter", "week", "month", "phase")),
    "DONE": frozenset(("deal",)),
    "HOLD": frozenset(("on",)),
    "WAIT": frozenset(("for", "until")),
}


def without_task_keyword(title: str) -> str:
    """Return a heading's title without an org-mode export's task keyword before it ('TODO Learn Docker' is 'Learn
    Docker'). A title that goes on in lower case ('TODO list app'), in capitals ('NEXT STEPS') or after a dash ('DONE
    — five items'), or that names an app of tasks ('TODO List with React'), keeps it: its words."""
    if title[:1] not in "TDNWHSC" or not title[:4].isupper():  # most titles
        return title
    found = _ORG_KEYWORD.match(title)
    if found is None:
        return title
    rest = title[found.end() :]
    first = rest.split(maxsplit=1)[0] if rest.strip() else ""
    if not (first[:1].isupper() or first[:1].isdigit()) or rest.isupper():
        return title
    word = first.casefold().strip(":,.")
    if word in _TASK_APP_WORDS or word in _KEYWORD_PHRASES.get(found.group(1), ()):
        return title
    return rest


# A status in brackets that opens a title ('[DONE] Tries', '[In progress] Graphs', '[TODO] Heaps').
_STATUS_FIRST = re.compile(rf"\[\s*(?:{_STATUS}|to[\s-]*do)\s*\]\s*", re.IGNORECASE)


def status_first(title: str) -> re.Match[str] | None:
    """Return the author's progress in brackets that opens a title ('[DONE] Tries'), else None."""
    return _STATUS_FIRST.match(title) if title[:1] == "[" else None


# The author's progress that opens a phase's title, right after its number ('Phase 2 (done): Deploy', 'Phase 3 ✅
# Monitor', 'Phase 4 (Current)'), with the separator after it.
_STATUS_OPENING = re.compile(
    rf"(?:\(\s*(?:{_STATUS}|current)\)|\[\s*(?:{_STATUS}|to[\s-]*do|[xX✓✔])\s*\]|(?:[{PROGRESS_MARKS}]\ufe0f?\s*){{1,6}})"
    rf"(?:\s*{_STATUS_MARKS}){{0,6}}[\s{re.escape(_EDGES)}]*",
    re.IGNORECASE,
)
_STATUS_OPENS = "([" + PROGRESS_MARKS


def without_opening_status(name: str) -> str:
    """Return a phase's name without the author's progress that opens it ('(done): Deploy' of 'Phase 2 (done):
    Deploy' is 'Deploy'); a name of that alone stays, as a status alone after a phase's title does."""
    if name[:1] not in _STATUS_OPENS:  # most names
        return name
    found = _STATUS_OPENING.match(name)
    return name[found.end() :] if found is not None and found.end() < len(name) else name


def status_alone(title: str) -> bool:
    """Return True for a phase title that says the author's progress and nothing else ('Week 1 (done) ✅' is titled
    '✅ (done)'): a week so titled is named by its span instead."""
    return len(title) < 40 and _STATUS_ALONE.fullmatch(title) is not None


def _decoration(char: str) -> bool:
    """Return True for emoji and their joiners, variation selectors and skin tones."""
    return unicodedata.category(char) in ("So", "Sk", "Mn", "Me", "Cf") or 0x1F3FB <= ord(char) <= 0x1F3FF


# Plans written in Chinese, Japanese, Korean, Russian, Ukrainian and Arabic: a heading's phase word, span and length
# are rewritten in the English words `_read_phase_heading` reads ('Этап 1: Основы (Недели 1-4)' is read as 'Phase 1:
# Основы (Weeks 1-4)'), and whatever of them is left in the title is given back as written ('Практика 3 недели
# подряд').
# Only text that is not ASCII pays for this.
_ENGLISH_UNITS = {
    "week": ("Week", "Weeks", "weeks"),
    "month": ("Month", "Months", "months"),
    "day": ("Day", "Days", "days"),
}
_ZH_DIGITS = dict(zip("〇零一二两兩三四五六七八九", (0, 0, 1, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_CJK_NUMBER = r"[0-9０-９〇零一二两兩三四五六七八九十]{1,4}"  # Arabic (full-width too) or Chinese numerals
_CJK_TO = r"[-–—~～〜]"  # between two numbers: a dash or a tilde ('1〜4', '5~8')
# Full-width brackets and colons, as Chinese and Japanese write them, read as ASCII ones.
_FULL_WIDTH = str.maketrans({"（": " (", "）": ")", "【": " [", "】": "]", "：": ": ", "－": "-"})
# What a span read out of full-width marks leaves of them in a title: a colon it starts with, brackets emptied, or a
# bracket it starts with, after the span ('WEEK 2（2020.5.25-2020.5.31）：STL', which holds no word of a language that
# reads its full-width marks as ASCII ones).
_FULL_WIDTH_LEFT = re.compile(r"^\s*[：（【]|（\s*）|【\s*】")

# Chinese: '第一阶段：基础（第1-4周）', '阶段二 - 进阶', '第3周：Git', '第2个月', '第1-30天'.
# A number after 第 counts a span ('第1-4周': weeks 1 to 4), one without it a length ('（4周）': four
# weeks, '1-2个月'; '4周+' and '4周以上' at least four); a month is a month only as '个月' or after 第 ('3月' is
# March). Traditional characters read as the simplified ones ('第一階段', '第2個月', '兩').
_ZH_MAYBE = re.compile(r"[阶階]段|周|星期|月|天")
_ZH_PHASE = re.compile(rf"第\s*(?P<a>{_CJK_NUMBER})\s*[阶階]段|[阶階]段\s*(?P<b>{_CJK_NUMBER})")
_ZH_SPAN = re.compile(
    rf"(?:(?P<nth>第)\s*)?(?P<a>{_CJK_NUMBER})\s*(?:(?:{_CJK_TO}|至|到)\s*第?\s*(?P<b>{_CJK_NUMBER})\s*)?"
    r"(?P<unit>周|星期|[个個]月|月|天)(?(nth)|(?P<plus>\+|以上)?)"
)
_ZH_KINDS = {"周": "week", "星期": "week", "天": "day", "个月": "month", "個月": "month", "月": "month"}

# Japanese: 'フェーズ1：基礎（第1〜4週）', '第3段階', 'ステップ2', '第3週' or '3週目' (week 3),
# '第2ヶ月' or '2ヶ月目' (month 2), '1〜30日目' (days 1-30). A number with neither 第 nor 目 is a
# length ('（4週間）', '1〜2ヶ月', '10日間'); a day without 目 or 間 is a date ('4月1日'), as a
# month without ヶ is ('3月').
_JA_MAYBE = re.compile(
    "週|[ヶかカケヵ箇]月|日[目間]|第|フェ[ーイ]ズ|ステ[ーッ]|レベル|モジュール|パート|レッスン|スプリント"
)
_JA_WORDS = dict.fromkeys(("フェーズ", "フェイズ", "ステージ"), "Phase") | {
    "ステップ": "Step",
    "レベル": "Level",
    "モジュール": "Module",
    "パート": "Part",
    "レッスン": "Lesson",
    "スプリント": "Sprint",
}
_JA_WORD = re.compile(rf"(?P<word>{'|'.join(_JA_WORDS)})\s*(?P<a>{_CJK_NUMBER})")
_JA_NTH_WORDS = {"段階": "Phase", "章": "Chapter", "部": "Part"}
_JA_NTH = re.compile(rf"第\s*(?P<a>{_CJK_NUMBER})\s*(?P<word>段階|章|部(?!分))")  # '第一部分' is Chinese: 'part one'
_JA_UNIT = r"週|[ヶかカケヵ箇]月|日"
_JA_SPAN = re.compile(
    rf"(?:(?P<nth>第)\s*)?(?P<a>{_CJK_NUMBER})\s*(?:(?:{_JA_UNIT})目?\s*)?(?:{_CJK_TO}\s*第?\s*(?P<b>{_CJK_NUMBER})\s*)?"
    rf"(?P<unit>{_JA_UNIT})(?P<th>目)?(?P<long>間)?"
)

# Korean: '1단계: 기초 (1-4주차)', '3주차: Git' (week 3), '1개월차' (month 1), '1-30일차' (days 1-30): 차 counts a
# span; a number without it is a length ('(4주)', '(2주간)', '(1~2개월)', '(2달)', '(30일)'), but for a date's day
# ('3월 1일').
_KO_MAYBE = re.compile("[\uac00-\ud7a3]")  # a Hangul syllable
_KO_WORDS = dict.fromkeys(("페이즈", "스테이지"), "Phase") | {
    "스텝": "Step",
    "레벨": "Level",
    "모듈": "Module",
    "파트": "Part",
    "챕터": "Chapter",
    "레슨": "Lesson",
    "스프린트": "Sprint",
}
_KO_WORD = re.compile(rf"(?P<word>{'|'.join(_KO_WORDS)})\s*(?P<a>\d{{1,3}})(?!\d)")
_KO_PHASE = re.compile(r"(?<!\d)(?:제\s*)?(?P<a>\d{1,3})\s*단계|단계\s*(?P<b>\d{1,3})(?!\d)")
_KO_SPAN = re.compile(
    rf"(?<!\d)(?P<a>\d{{1,3}})\s*(?:(?:주차|개월차|일차)\s*)?(?:{_CJK_TO}\s*(?P<b>\d{{1,3}})\s*)?"
    r"(?P<unit>주차|주일|주간|주|개월차|개월간|개월|달|일차|일간|일)(?![가-힣])"
)

# Russian: 'Этап 1: Основы (Недели 1-4)', 'Фаза 2', '2-й этап', 'Неделя 3' or '3-я неделя', 'Недели 5 до 8' ('до',
# 'по' between numbers), 'Месяц 2', 'Дни 1-30', and lengths after a number: '(4 недели)', '(2 месяца)', '(10 дней)';
# 'с 1 по 4 неделю' is a span. The words in any case and number. Ukrainian alike: 'Етап 1: Основи (Тижні 1-4)',
# 'Тиждень 3', 'Тижні 5 до 8', 'Місяць 2', 'Дні 1-30', '(6 тижнів)', '(2 місяці)', 'з 1 по 4 тиждень'.
_RU_MAYBE = re.compile("[\u0400-\u04ff]")  # a Cyrillic letter
_RU_WORDS = dict.fromkeys(("этап", "фаза", "етап"), "Phase") | {
    "шаг": "Step",
    "модуль": "Module",
    "часть": "Part",
    "урок": "Lesson",
    "глава": "Chapter",
    "уровень": "Level",
    "спринт": "Sprint",
    # Ukrainian ('фаза', 'модуль', 'урок' and 'спринт' are the Russian words)
    "крок": "Step",
    "частина": "Part",
    "розділ": "Chapter",
    "рівень": "Level",
}
_RU_UNIT = (
    r"недел(?:я|и|ь|ю|е|ям|ях)|нед\.?|месяц(?:а|ев|ы|ам|ах)?|мес\.?|день|дн(?:и|я|ей|ям|ях|і|ів)"
    r"|тиж(?:день|ня|ню|нем|ні|нів|ням|нях)|тиж\.|місяц(?:ь|я|ю|ем|і|ів|ям|ях)|міс\."  # Ukrainian
)
_RU_TO = r"\s*(?:[-–—]|до|по)\s*"
_RU_ORDINAL = re.compile(
    r"(?<!\d)(?P<a>\d{1,3})-(?:[ыиі]?й|ая|я|ое|е|ой|а|тя)\s+"
    r"(?P<word>этап|фаза|шаг|модуль|урок|неделя|месяц|день|етап|крок|тиждень|місяць)(?![^\W\d_])",
    re.IGNORECASE,
)
_RU_WORD = re.compile(
    rf"(?<![^\W\d_])(?P<word>{'|'.join(_RU_WORDS)})\s*(?:№\s*|#\s*)?(?P<a>\d{{1,3}}(?!\d)|[ivx]{{1,5}}(?![^\W\d_]))",
    re.IGNORECASE,
)
_RU_SPAN = re.compile(
    rf"(?<![^\W\d_])(?P<unit>{_RU_UNIT})\s*(?:№\s*|#\s*)?(?P<a>\d{{1,3}})(?:{_RU_TO}(?:(?:{_RU_UNIT})\s*)?"
    r"(?P<b>\d{1,3}))?(?!\d)",
    re.IGNORECASE,
)
_RU_LENGTH = re.compile(
    rf"(?:(?<![^\W\d_])(?P<nth>с|з)\s+)?(?<![\d.])(?P<a>\d{{1,3}})(?:{_RU_TO}(?P<b>\d{{1,3}}))?(?P<plus>\+)?\s*"
    rf"(?P<unit>{_RU_UNIT})(?![^\W\d_])",
    re.IGNORECASE,
)


def _zh_int(text: str) -> int | None:
    """Return the number a Chinese or Arabic numeral writes ('12', '１２', '十二', '二十', '三'), or None."""
    if text.isdecimal():
        return int(text)
    tens, ten, ones = text.partition("十")
    if not all(c in _ZH_DIGITS for c in tens + ones) or (not ten and not tens):
        return None
    if not ten:
        return int("".join(str(_ZH_DIGITS[c]) for c in tens))
    return (_ZH_DIGITS[tens] if tens else 1) * 10 + (_ZH_DIGITS[ones] if ones else 0)


def _in_words(kind: str, found: re.Match[str], span: bool, plus: str = "") -> str | None:
    """Return the numbers a match found (groups 'a' and 'b') in English words, as a span of `kind`s ('Week 3',
    'Weeks 1-4') or as a length ('4 weeks', '1-2 months'); None when they are no numbers."""
    a = _zh_int(found.group("a"))
    b = _zh_int(found.group("b")) if found.group("b") else None
    if a is None or (found.group("b") and b is None):
        return None
    one, many, length = _ENGLISH_UNITS[kind]
    if span:
        return f"{one} {a}" if b is None else f"{many} {a}-{b}"
    return f"{a}{plus} {length}" if b is None else f"{a}-{b}{plus} {length}"


def _numbered_word(words: dict[str, str], found: re.Match[str]) -> str | None:
    """Return 'Phase 2' for 'フェーズ2', 'Этап 2', '2단계' (the word's English one, the number as digits)."""
    raw = found.group("a") or found.group("b")
    number = raw if raw.isascii() and raw.isalpha() else _zh_int(raw)  # a Roman numeral stays: 'Этап II'
    word = words.get((found.groupdict().get("word") or "").casefold(), "Phase")
    return None if number is None else f"{word} {number}"


def _zh_span(found: re.Match[str]) -> str | None:
    if found.group("unit") == "月" and not found.group("nth"):
        return None  # '3月' is March
    plus = "+" if found.group("plus") else ""
    return _in_words(_ZH_KINDS[found.group("unit")], found, span=bool(found.group("nth")), plus=plus)


def _ja_span(found: re.Match[str]) -> str | None:
    unit = found.group("unit")
    kind = "week" if unit == "週" else "day" if unit == "日" else "month"
    span = bool(found.group("nth") or found.group("th"))
    if kind == "day" and not span and not found.group("long"):
        return None  # '4月1日' is a date
    return _in_words(kind, found, span)


def _ko_span(found: re.Match[str]) -> str | None:
    unit = found.group("unit")
    kind = "week" if unit[0] == "주" else "day" if unit[0] == "일" else "month"
    span = unit.endswith("차")
    if kind == "day" and not span and found.string[: found.start()].rstrip().endswith("월"):
        return None  # '3월 1일' is a date
    return _in_words(kind, found, span)


def _ru_kind(unit: str) -> str:
    unit = unit.casefold()
    return "week" if unit.startswith(("нед", "тиж")) else "month" if unit.startswith(("мес", "міс")) else "day"


def _ru_ordinal(found: re.Match[str]) -> str:
    word = found.group("word").casefold()
    english = _RU_WORDS.get(word) or _ENGLISH_UNITS[_ru_kind(word)][0]
    return f"{english} {found.group('a')}"


# Turkish, Polish, Indonesian, Vietnamese and Dutch, written in Latin letters: 'Aşama 1: Temeller (Hafta 1-4)',
# '3. Hafta' (week 3), 'Tydzień 3', 'Tygodnie 3-4', 'Tygodnie 5 do 8', 'Minggu ke-2', 'Tahap 1 (Minggu 1 sampai 4)',
# 'Giai đoạn 2', 'Tuần 1-2', 'Weken 1-4', 'Maand 2', and lengths after a number: '(4 hafta)', '(2 tygodnie)',
# '(3 minggu)', '(2 tuần)', '(6 weken)'. Vietnamese words count only with their marks ('Tuan' is a name).
_LATIN_PHASE_WORDS = r"a[sş]ama|evre|etap|faza|tahap(?:an)?|giai\s+[dđ]o[aạ]n"
_LATIN_UNIT_WORDS = {
    "week": r"hafta(?:lar)?|tydzie[nń]|tygodni[ea]?|tyg\.|minggu|pekan|tuần|weken",
    "month": r"ay(?:lar)?|miesi[aą]c[ea]?|miesi[eę]cy|bulan|tháng|maand(?:en)?",
    "day": r"g[uü]n(?:ler)?|dzie[nń]|dni|hari|ngày|dagen",
}
_LATIN_UNIT = "|".join(rf"(?P<{kind}>{words})" for kind, words in _LATIN_UNIT_WORDS.items())
_LATIN_UNIT_AGAIN = "|".join(_LATIN_UNIT_WORDS.values())
# Indonesian writes 'sampai (dengan)' or 'hingga' ('until'), shortened 's/d' or 's.d.', and may say 'ke-' again before
# the second number ('Minggu ke-3 sampai ke-4').
_LATIN_TO = rf"\s*(?:[-–—]|do|sampai(?:\s+dengan)?|hingga|s[/.]d\.?|đến|{_DUTCH_TO})\s*"
_LATIN_MAYBE = re.compile(rf"(?<![^\W\d_])(?:{_LATIN_PHASE_WORDS}|{_LATIN_UNIT_AGAIN})(?![^\W\d_])", re.IGNORECASE)
# The same in lower-case ASCII text, several times faster than IGNORECASE (see `_span_search`).
_LATIN_MAYBE_LOWER = re.compile(_LATIN_MAYBE.pattern)
_LATIN_ORDINAL = re.compile(  # Turkish: '3. Hafta', '2. Aşama'
    r"(?<![\d.])(?P<a>\d{1,3})\.\s*(?P<word>hafta|ay|g[uü]n|a[sş]ama|evre)(?![^\W\d_])", re.IGNORECASE
)
_LATIN_WORD = re.compile(
    rf"(?<![^\W\d_])(?:{_LATIN_PHASE_WORDS})\s*(?:ke-?\s*|#\s*)?(?P<a>\d{{1,3}}(?!\d)|[ivx]{{1,5}}(?![^\W\d_]))",
    re.IGNORECASE,
)
_LATIN_SPAN = re.compile(
    rf"(?<![^\W\d_])(?:{_LATIN_UNIT})\s*(?:ke-?\s*|#\s*)?(?P<a>\d{{1,3}})"
    rf"(?:{_LATIN_TO}(?:(?:{_LATIN_UNIT_AGAIN})\s*)?(?:ke-?\s*)?(?P<b>\d{{1,3}}))?(?!\d)",
    re.IGNORECASE,
)
_LATIN_LENGTH = re.compile(
    rf"(?<![\d.])(?P<a>\d{{1,3}})(?:\s*[-–—]\s*(?P<b>\d{{1,3}}))?(?P<plus>\+)?\s*(?:{_LATIN_UNIT})(?![^\W\d_])",
    re.IGNORECASE,
)


def _latin_kind(found: re.Match[str]) -> str:
    return "week" if found.group("week") else "month" if found.group("month") else "day"


_LATIN_ORDINAL_WORDS = dict.fromkeys(("aşama", "asama", "evre"), "Phase") | {
    "hafta": "Week",
    "ay": "Month",
    "gün": "Day",
    "gun": "Day",
}


def _latin_ordinal(found: re.Match[str]) -> str:
    return f"{_LATIN_ORDINAL_WORDS[found.group('word').casefold()]} {found.group('a')}"


# Arabic: 'المرحلة 1: أساسيات الويب (الأسابيع 1-4)' (Phase 1, weeks 1-4), 'الأسبوع 3' (week 3), 'الأسابيع 13 إلى 16'
# ('إلى', 'حتى' or 'و' between numbers), 'الشهر 2', 'الأيام 1-30', and lengths after a number: '(4 أسابيع)',
# '16 أسبوعاً', '(2 أشهر)'; an ordinal after the word counts too: 'الأسبوع الأول' (week 1), 'الأسبوع الثالث والرابع'
# (weeks 3-4), 'المرحلة الثانية' (phase 2). Numbers in Arabic-Indic or Persian digits ('٥-٨', '۵') are read as
# digits (`\d` and `int` take them); what is rewritten is written in ASCII digits, a title keeps its own.
# Persian, in the same script, reads the same way: 'فاز ۲: پایگاه داده (هفته‌های ۵ تا ۸)' (Phase 2, weeks 5-8),
# 'هفته ۱' (week 1), 'ماه ۲' (month 2), 'روزهای ۱ تا ۱۴' (days 1-14), '(۴ هفته)' (a length), and an ordinal after the
# word: 'هفته اول' (week 1), 'هفته سوم و چهارم' (weeks 3-4). A plural is written with or without a joiner ('هفته‌ها',
# 'هفته ها'), and 'هفته‌های ۵ تا ۸' names weeks 5 to 8.
_AR_MAYBE = re.compile("[\u0600-\u06ff]")  # a letter or digit of the Arabic script
_AR_WORDS = dict.fromkeys(("مرحلة", "مرحله", "فاز"), "Phase") | {
    **dict.fromkeys(("خطوة", "گام"), "Step"),
    "وحدة": "Module",
    "جزء": "Part",
}
_AR_WORD_ANY = "|".join(_AR_WORDS)
_FA_PLURAL = "(?:[\u200c ]?ها(?:ی)?)?"  # a Persian plural ('هفته‌ها', 'هفته های ۵ تا ۸')
# 'أشهر' (months) is 'most famous' too: before a number ('أشهر 5 مكتبات') it is no span; 'الأشهر 1-3' is one.
_AR_UNIT_WORDS = {
    "week": rf"(?:ال)?[أاإ]سبوع|(?:ال)?[أا]سابيع|هفته{_FA_PLURAL}",
    "month": rf"(?:ال)?شهر|ال[أا]شهر|(?:ال)?شهور|ماه{_FA_PLURAL}",
    "day": rf"(?:ال)?يوم|(?:ال)?[أا]يام|روز{_FA_PLURAL}",
}
_AR_UNIT = "|".join(rf"(?P<{kind}>{words})" for kind, words in _AR_UNIT_WORDS.items())
_AR_UNIT_AGAIN = "|".join(_AR_UNIT_WORDS.values())
_AR_LENGTH_UNIT = _AR_UNIT.replace("ال[أا]شهر", "(?:ال)?[أا]شهر")  # '(3 أشهر)'
_AR_TO = r"\s*(?:[-–—]|[إا]لى|حتى|و|تا)\s*"  # Persian: 'تا'
# The ordinals one to ten, masculine ('الأسبوع الأول') and feminine ('المرحلة الأولى'), without hamza too.
_AR_ORDINALS = {
    word: n
    for n, stem in enumerate(
        ("الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"), 1
    )
    for word in (stem, stem + "ة", stem + "ى")
}
_AR_ORDINAL_WORD = r"ال[أا]ول[ى]?|(?:الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر)ة?"
_AR_WORD = re.compile(rf"(?<![^\W\d_])(?:ال)?(?P<word>{_AR_WORD_ANY})\s*(?:رقم\s*|#\s*)?(?P<a>\d{{1,3}})(?!\d)")
_AR_ORDINAL = re.compile(
    rf"(?<![^\W\d_])(?:(?:ال)?(?P<word>{_AR_WORD_ANY})|{_AR_UNIT})\s+(?P<a>{_AR_ORDINAL_WORD})"
    rf"(?:{_AR_TO}(?P<b>{_AR_ORDINAL_WORD}))?(?![^\W\d_])"
)
_AR_SPAN = re.compile(
    rf"(?<![^\W\d_])(?:{_AR_UNIT})\s*(?:رقم\s*|#\s*)?(?P<a>\d{{1,3}})"
    rf"(?:{_AR_TO}(?:(?:{_AR_UNIT_AGAIN})\s*)?(?P<b>\d{{1,3}}))?(?!\d)"
)
_AR_LENGTH = re.compile(  # '(4 أسابيع)', '16 أسبوعاً' (the accusative's ending, its mark before or after the alif)
    rf"(?<![\d.])(?P<a>\d{{1,3}})(?:\s*[-–—]\s*(?P<b>\d{{1,3}}))?(?P<plus>\+)?\s*(?:{_AR_LENGTH_UNIT})"
    r"(?:ًا|اً|ا)?(?![^\W\d_])"
)

# A length said in words: the dual ('(أسبوعان)', '(أسبوعين)': two weeks; 'شهران', 'يومان') and one ('(أسبوع واحد)':
# one week; 'شهر واحد', 'يوم واحد'), as '(2 أسابيع)' and '(1 أسبوع)' are.
_AR_WORDED_LENGTHS = {
    **dict.fromkeys(("أسبوعان", "أسبوعين", "اسبوعان", "اسبوعين"), "2 weeks"),
    **dict.fromkeys(("شهران", "شهرين"), "2 months"),
    **dict.fromkeys(("يومان", "يومين"), "2 days"),
    **dict.fromkeys(("أسبوع واحد", "اسبوع واحد"), "1 week"),
    "شهر واحد": "1 month",
    "يوم واحد": "1 day",
}
_AR_WORDED_LENGTH = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(sorted(_AR_WORDED_LENGTHS, key=len, reverse=True)) + r")(?![^\W\d_])"
)


_FA_ORDINALS = dict(
    zip(("اول", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم", "دهم"), range(1, 11), strict=True)
) | {"یکم": 1}
_FA_ORDINAL_WORD = "|".join(_FA_ORDINALS)
_FA_ORDINAL = re.compile(
    rf"(?<![^\W\d_])(?:(?P<word>{_AR_WORD_ANY})|{_AR_UNIT})\s+(?P<a>{_FA_ORDINAL_WORD})"
    rf"(?:{_AR_TO}(?P<b>{_FA_ORDINAL_WORD}))?(?![^\W\d_])"
)


def _ar_ordinal(ordinals: dict[str, int], found: re.Match[str]) -> str | None:
    """Return 'Week 1' for 'الأسبوع الأول' (Persian 'هفته اول'), 'Weeks 3-4' for 'الأسبوع الثالث والرابع', 'Phase 2'
    for 'المرحلة الثانية' (Persian 'فاز دوم'), by the `ordinals` of its language; None for a phase given two
    ordinals."""
    a = ordinals[found.group("a").replace("أ", "ا")]
    b = ordinals[found.group("b").replace("أ", "ا")] if found.group("b") else None
    if found.group("word"):
        return None if b is not None else f"{_AR_WORDS[found.group('word')]} {a}"
    one, many, _ = _ENGLISH_UNITS[_latin_kind(found)]
    return f"{one} {a}" if b is None else f"{many} {a}-{b}"


# Hindi: 'चरण 1: बुनियाद (सप्ताह 1-4)' (Phase 1, weeks 1-4), 'सप्ताह 3' or 'हफ़्ता 3' (week 3), 'सप्ताह 5 से 8 तक'
# ('से', 'और' or a dash between numbers), 'महीना 2', 'दिन 1-30', and lengths after a number: '(4 सप्ताह)', '(2 हफ़्ते)',
# '(3 महीने)'. Numbers in Devanagari digits ('१-२') are read as digits (`\d` and `int` take them), a title keeps
# them. A vowel sign is a mark, no `\w`: a word ends before no Devanagari letter or sign ('दिनांक' is no 'दिन').
_HI_MAYBE = re.compile("[\u0900-\u097f]")  # a letter or digit of the Devanagari script
_HI_WORDS = {"चरण": "Phase", "भाग": "Part", "मॉड्यूल": "Module", "अध्याय": "Chapter"}
_HI_NOT_AFTER = "(?<![^\\W\\d_]|[\u0900-\u0963\u0971-\u097f])"
_HI_NOT_BEFORE = "(?![^\\W\\d_]|[\u0900-\u0963\u0971-\u097f])"
_HI_UNIT_WORDS = {  # 'हफ़्ता' with its nukta as one letter or as a sign
    "week": "सप्ताहों|सप्ताह|ह(?:फ\u093c?|\u095e)्त(?:ों|ा|े)",
    "month": "महीनों|महीना|महीने|माह",
    "day": "दिनों|दिन",
}
_HI_UNIT = "|".join(rf"(?P<{kind}>{words})" for kind, words in _HI_UNIT_WORDS.items())
_HI_UNIT_AGAIN = "|".join(_HI_UNIT_WORDS.values())
_HI_TO = r"\s*(?:[-–—]|से|और|व)\s*"
_HI_WORD = re.compile(
    rf"{_HI_NOT_AFTER}(?P<word>{'|'.join(_HI_WORDS)}){_HI_NOT_BEFORE}\s*(?:#\s*)?(?P<a>\d{{1,3}})(?!\d)"
)
_HI_SPAN = re.compile(
    rf"{_HI_NOT_AFTER}(?:{_HI_UNIT}){_HI_NOT_BEFORE}\s*(?:#\s*)?(?P<a>\d{{1,3}})"
    rf"(?:{_HI_TO}(?:(?:{_HI_UNIT_AGAIN})\s*)?(?P<b>\d{{1,3}})(?:\s*तक{_HI_NOT_BEFORE})?)?(?!\d)"
)
_HI_LENGTH = re.compile(
    rf"(?<![\d.])(?P<a>\d{{1,3}})(?:\s*[-–—]\s*(?P<b>\d{{1,3}}))?(?P<plus>\+)?\s*(?:{_HI_UNIT}){_HI_NOT_BEFORE}"
)


_Rules = tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str | None]], ...]
# Each language: how to tell a heading may be in it, whether it writes full-width punctuation, and its rules.
_LANGUAGES: tuple[tuple[re.Pattern[str], bool, _Rules], ...] = (
    (_ZH_MAYBE, True, ((_ZH_PHASE, partial(_numbered_word, {})), (_ZH_SPAN, _zh_span))),
    (
        _JA_MAYBE,
        True,
        (
            (_JA_WORD, partial(_numbered_word, _JA_WORDS)),
            (_JA_NTH, partial(_numbered_word, _JA_NTH_WORDS)),
            (_JA_SPAN, _ja_span),
        ),
    ),
    (
        _KO_MAYBE,
        False,
        (
            (_KO_WORD, partial(_numbered_word, _KO_WORDS)),
            (_KO_PHASE, partial(_numbered_word, {})),
            (_KO_SPAN, _ko_span),
        ),
    ),
    (
        _RU_MAYBE,
        False,
        (
            (_RU_ORDINAL, _ru_ordinal),
            (_RU_WORD, partial(_numbered_word, _RU_WORDS)),
            (_RU_SPAN, lambda found: _in_words(_ru_kind(found.group("unit")), found, span=True)),
            (
                _RU_LENGTH,
                lambda found: _in_words(
                    _ru_kind(found.group("unit")), found, span=bool(found.group("nth")), plus=found.group("plus") or ""
                ),
            ),
        ),
    ),
    (
        _LATIN_MAYBE,
        False,
        (
            (_LATIN_ORDINAL, _latin_ordinal),
            (_LATIN_WORD, partial(_numbered_word, {})),
            (_LATIN_SPAN, lambda found: _in_words(_latin_kind(found), found, span=True)),
            (
                _LATIN_LENGTH,
                lambda found: _in_words(_latin_kind(found), found, span=False, plus=found.group("plus") or ""),
            ),
        ),
    ),
    (
        _AR_MAYBE,
        False,
        (
            (_AR_ORDINAL, partial(_ar_ordinal, _AR_ORDINALS)),
            (_FA_ORDINAL, partial(_ar_ordinal, _FA_ORDINALS)),
            (_AR_WORD, partial(_numbered_word, _AR_WORDS)),
            (_AR_SPAN, lambda found: _in_words(_latin_kind(found), found, span=True)),
            (
                _AR_LENGTH,
                lambda found: _in_words(_latin_kind(found), found, span=False, plus=found.group("plus") or ""),
            ),
            (_AR_WORDED_LENGTH, lambda found: _AR_WORDED_LENGTHS[found.group()]),
        ),
    ),
    (
        _HI_MAYBE,
        False,
        (
            (_HI_WORD, partial(_numbered_word, _HI_WORDS)),
            (_HI_SPAN, lambda found: _in_words(_latin_kind(found), found, span=True)),
            (
                _HI_LENGTH,
                lambda found: _in_words(_latin_kind(found), found, span=False, plus=found.group("plus") or ""),
            ),
        ),
    ),
)

# A letter of one of these languages: Cyrillic, Arabic (its digits too), Devanagari (its digits too), kana, CJK
# ideographs, Hangul syllables, full-width digits.
_FOREIGN = re.compile("[\u0400-\u04ff\u0600-\u06ff\u0900-\u097f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3\uff10-\uff19]")
Said = tuple[tuple[str, str], ...]  # (English words, the words they stand for as written)


def _in_english(text: str) -> tuple[str, Said]:
    """Return a heading in Chinese, Japanese, Korean, Russian, Ukrainian, Arabic, Turkish, Polish, Indonesian,
    Vietnamese or Dutch in the English words `_read_phase_heading` reads ('Phase 1: 基础 (Weeks 1-4)'), with
    full-width brackets and colons as ASCII ones, and what each rewritten piece said as written (see `_as_written`)."""
    if _FOREIGN.search(text) is None and not _maybe_latin(text):  # emoji, accents: most headings
        return text, ()
    said: list[tuple[str, str]] = []

    def rewrite(words: Callable[[re.Match[str]], str | None], found: re.Match[str]) -> str:
        english = words(found)
        if english is None:
            return found.group()
        said.append((english, found.group()))
        return english

    for maybe, full_width, rules in _LANGUAGES:
        if maybe.search(text) is None:
            continue
        if full_width:
            text = text.translate(_FULL_WIDTH)
        for pattern, words in rules:
            text = pattern.sub(partial(rewrite, words), text)
    return text, tuple(said)


_DIGIT = re.compile(r"\d")


def may_name_weeks(text: str) -> bool:
    """Return whether text may open with a phase, week, month or day word and its number (a quick look, before any
    reading: 'Week 5 — SELECT basics' may, 'Learn 3 joins' may not)."""
    return _MAYBE.match(text) is not None or not text.isascii() or _maybe_latin(text)


def _maybe_latin(text: str) -> bool:
    """Return whether text may hold a number with a Turkish, Polish, Indonesian, Vietnamese or Dutch phase, week,
    month or day word ('Hafta 3', 'Tygodnie 3-4', 'Minggu 1-2', 'Tuần 5', 'Weken 1-4')."""
    if _DIGIT.search(text) is None:
        return False
    if text.isascii():
        return _LATIN_MAYBE_LOWER.search(text.lower()) is not None
    return _LATIN_MAYBE.search(text) is not None


def _maybe_foreign(text: str) -> bool:
    """Return whether a heading may hold words `_in_english` rewrites: Chinese, Japanese, Korean, Cyrillic or Arabic
    ones, or those `_maybe_latin` looks for."""
    return (not text.isascii() and _FOREIGN.search(text) is not None) or _maybe_latin(text)


def as_english(text: str) -> str:
    """Return text in Chinese, Japanese, Korean, Russian, Ukrainian or Arabic with its phase, week, month and day
    words in English ('3주차' is 'Week 3', 'Этап 2' is 'Phase 2', 'الأسبوع ٥' is 'Week 5'), as role files are read
    (also how a learner's question is)."""
    return _in_english(text)[0] if _maybe_foreign(text) else text


def _as_written(title: str, said: Said) -> str:
    """Return a title with the English words `_in_english` wrote in it given back as written: a span or a length
    that was not read as the phase's own is words of its title ('Практика 3 недели подряд')."""
    for english, original in said:
        if english in title:  # not inside a longer number or word: 'Phase 1' is no part of 'Phase 12'
            title = re.sub(
                rf"(?<![0-9A-Za-z]){re.escape(english)}(?![0-9A-Za-z])", lambda _, original=original: original, title
            )
    return title


# A section numbered by keycap emoji ('1️⃣ Foundations — 3 weeks', '🔟 Capstone'): its number, as '1. ' numbers one.
_KEYCAPS = re.compile(r"(?P<lead>\W*?)(?P<caps>(?:\d\ufe0f?\u20e3)+|\U0001f51f)\s*[.:)]?\s*")


def _keycaps_as_number(text: str) -> str:
    """Return a heading numbered by keycap emoji as one numbered '1. ' ('1️⃣ Foundations' is '1. Foundations')."""
    found = _KEYCAPS.match(text)
    if found is None:
        return text
    caps = found.group("caps")
    number = "10" if caps == "\U0001f51f" else "".join(c for c in caps if c.isdigit())
    return f"{found.group('lead')}{int(number)}. {text[found.end() :]}"


# A section numbered as Chinese numbers an outline, its number followed by the enumeration comma
# ('一、基础阶段（2-4周）', '十二、复习', '3、进阶'): its number, as '1. ' numbers one. Numbers the comma lists
# ('1、2周': weeks 1 and 2) are none.
_ENUMERATED = re.compile(r"(?P<lead>\W*?)(?P<n>[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})\s*、\s*(?![0-9０-９])")


def _as_numbered(text: str) -> str:
    """Return a heading numbered by keycap emoji ('1️⃣ Foundations') or by a number and the enumeration comma
    ('一、基础', '1、基础') as one numbered '1. ' ('1. Foundations', '1. 基础'); else text."""
    if "\u20e3" in text or "\U0001f51f" in text:
        return _keycaps_as_number(text)
    if "、" not in text:  # most headings
        return text
    found = _ENUMERATED.match(text)
    number = _zh_int(found.group("n")) if found is not None else None
    if found is None or not number:
        return text
    return f"{found.group('lead')}{number}. {text[found.end() :]}"


# An ordinal before the word, as each language abbreviates it, and the words it may number: English ('2nd Month',
# '1st Week', '3rd Phase'), German ('2. Woche', '3. Monat', '2. Phase'), Portuguese, Spanish and Italian ('2º Mês',
# '2.ª Semana', '1er mes', '2do mes', '3° mese'), French ('2e semaine', '1er mois', '3ème étape') and Dutch ('2e week',
# '1ste maand'). Each is read as the word and its number ('2º Mês' as 'Mês 2'); one with a number after the word
# ('1. Week 3: Arrays') is a numbered section's.
_ORDINAL_FIRST = tuple(
    re.compile(
        rf"(?P<a>\d{{1,2}})(?:{suffix})\s*(?P<word>{words})(?![^\W\d_])(?!\s*[#№]?\s*\d)",
        re.IGNORECASE,
    )
    for suffix, words in (
        (r"st|nd|rd|th", rf"{WEEK_WORDS}|months?|phase|stage"),
        (r"\.", r"wochen?|monate?|phase"),
        (
            r"\.?\s?[ºª°]|era?|r[ao]|[dtmvn][oa]|[aeo]",  # 'a', 'o': 'ª', 'º' typed as letters ('2a semana')
            r"semanas?|settiman[ae]|m[eê]s|mese|fase|etapa|semaines?|mois|[ée]tape|phase",
        ),
        (r"[eè]re|[eè]me|e|ᵉ|ᵉʳ|re", r"semaines?|mois|[ée]tape|phase"),
        (r"e|ste|de", r"week|maand|fase"),
    )
)


# An English ordinal in words before the week or month word ('First month', 'Second Week: Git'), as a 30/60/90-day
# plan heads its months, then the heading's end or a mark that opens its title ('First weeks are hard' is a sentence).
_ORDINAL_WORDS = {word: i for i, word in enumerate(ORDINAL_WORDS[:12], 1)}  # a year's months at most
_ORDINAL_STARTS = frozenset(word[:2] for word in _ORDINAL_WORDS)
_WORDED_ORDINAL = re.compile(
    rf"(?P<a>{'|'.join(_ORDINAL_WORDS)})\s+(?P<word>week|month)(?=\s*(?:$|[:–—(\[|.]|-(?![^\W\d_])))",
    re.IGNORECASE,
)


def _ordinal_first(text: str) -> str:
    """Return a heading whose number comes before its word as an ordinal ('2º Mês: JavaScript', '2nd Month: JS', '2.
    Woche: HTTP', 'Second month') with the number after the word, as the heading is read ('Mês 2: JavaScript'); else
    text."""
    if text[:1].isalpha():  # most headings
        if text[:2].casefold() in _ORDINAL_STARTS and (found := _WORDED_ORDINAL.match(text)) is not None:
            number = _ORDINAL_WORDS[found.group("a").casefold()]
            word = found.group("word")
            if word.islower() and found.group("a")[:1].isupper():  # 'First month' is 'Month 1', as it is titled
                word = word.capitalize()
            return f"{word} {number}{text[found.end() :]}"
        return text
    start = _LEAD.match(text).end()  # type: ignore[union-attr]  # '*' always matches
    if not text[start : start + 1].isdigit():
        return text
    for pattern in _ORDINAL_FIRST:
        found = pattern.match(text, start)
        if found is not None:
            return f"{text[:start]}{found.group('word')} {found.group('a')}{text[found.end() :]}"
    return text


# A span whose numbers are English words ('Week One: HTML', 'MONTH TWO — Back End', 'Weeks Three to Five') or
# Roman numerals ('Week I: How Computers See', 'Week IV'), then the heading's end or a mark that opens its title: a
# number in words before more words is a sentence's ('Week one, concretely', 'Month one should set a baseline', 'Week
# I learned the most in'), and so is one a hyphen joins to a word ('Week One-on-one sessions', 'Month one-off costs').
# A Roman numeral is in capitals, as numerals are written, and never a lone 'X': 'Week X: Final project' stands for a
# week yet to be set.
_WORD_NUMBER = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r"|(?-i:X{0,2}(?:IX|IV|VI{0,3}|I{1,3})|XX)"
_WORDED_SPAN = re.compile(
    rf"(?P<unit>weeks?|months?)\s+(?P<a>{_WORD_NUMBER})"
    rf"(?:(?P<sep>\s*(?:-|–|—|to|through|thru|and|&)\s*)(?P<again>(?:weeks?|months?)\s+)?(?P<b>{_WORD_NUMBER}))?"
    r"(?=\s*(?:$|[:–—(\[|.]|-(?![^\W\d_])))",
    re.IGNORECASE,
)


def _worded_span_as_digits(text: str) -> str:
    """Return a heading whose span gives its numbers in English words ('Week One: HTML') with them in digits ('Week 1:
    HTML'), as it is read; else text."""
    if "eek" not in text and "onth" not in text and "EEK" not in text and "ONTH" not in text:  # most headings
        return text
    start = _LEAD.match(text).end()  # type: ignore[union-attr]  # '*' always matches
    if text[start : start + 1] not in ("w", "W", "m", "M"):
        return text
    found = _WORDED_SPAN.match(text, start)
    if found is None:
        return text
    a = _span_number(found.group("a"))
    rest = ""
    if found.group("b") is not None:
        b = _span_number(found.group("b"))
        rest = f"{found.group('sep')}{found.group('again') or ''}{b}"
    return f"{text[:start]}{found.group('unit')} {a}{rest}{text[found.end() :]}"


def _span_number(word: str) -> int:
    """Return the number an English number word ('three') or a Roman numeral ('III') of `_WORDED_SPAN` is."""
    found = _NUMBER_WORDS.get(word.casefold())
    return found if found is not None else roman_value(word.casefold())


# A week or month numbered by a word of its unit word's own language, as `_WORDED_SPAN` reads English ones:
# 'Semana dos', 'Semana três', 'Woche vier', 'Semaine cinq', 'Settimana sei', 'Semana uno y semana dos', then the
# heading's end or a mark that opens its title. Each is read as its number ('Semana 2'); a word of another language
# is none ('Semana once' is Spanish eleven, 'Woche once' no week).
_WORDED_UNITS = r"semanas?|m[eê]s|wochen?|monat|semaines?|mois|settiman[ae]|mese"
_WORDED_UNIT = re.compile(
    rf"(?P<lead>[\W_]*)(?P<unit>{_WORDED_UNITS})\s+(?P<word>[^\W\d_]{{2,9}})(?![^\W\d_]|-)"
    # a second one after a range's word: 'Semana uno y semana dos', 'Weeks One to Three'
    rf"(?:(?P<to>\s*[-–—]\s*|\s+(?:to|and|y|e|et|und|bis|a|al|à)\s+)(?:(?:{_WORDED_UNITS})\s+)?"
    r"(?P<word2>[^\W\d_]{2,9})(?![^\W\d_]|-))?(?=\s*(?:$|[:\-–—(\[|.]))",
    re.IGNORECASE,
)
# Each language's unit words, and its number words from zero to twelve ('a/b': either word).
_WORDED_NUMBERS = (
    (
        "semana semanas mes mês",
        "cero/zero uno/una/um/uma dos/dois/duas tres/três cuatro/quatro cinco seis siete/sete ocho/oito nueve/nove "
        "diez/dez once/onze doce/doze",
    ),
    ("woche wochen monat", "null eins zwei drei vier fünf/fuenf sechs sieben acht neun zehn elf zwölf/zwoelf"),
    ("semaine semaines mois", "zéro/zero un/une deux trois quatre cinq six sept huit neuf dix onze douze"),
    ("settimana settimane mese", "zero uno/una due tre quattro cinque sei sette otto nove dieci undici dodici"),
)
_UNIT_NUMBERS = {
    unit: {word: n for n, words in enumerate(numbers.split()) for word in words.split("/")}
    for units, numbers in _WORDED_NUMBERS
    for unit in units.split()
}


def _worded_number(text: str) -> str:
    """Return a heading whose week or month a word numbers ('Week One: Spark', 'Semana dos: SQL') with the number
    in digits, as the heading is read ('Week 1: Spark'); else text."""
    found = _WORDED_UNIT.match(text)
    if found is None:
        return text
    numbers = _UNIT_NUMBERS[found.group("unit").casefold()]
    number = numbers.get(found.group("word").casefold())
    if number is None:
        return text
    last = numbers.get(found.group("word2").casefold()) if found.group("word2") else None
    if last is not None:
        return f"{found.group('lead')}{found.group('unit')} {number}-{last}{text[found.end() :]}"
    return f"{found.group('lead')}{found.group('unit')} {number}{text[found.end('word') :]}"


# A board's label before the week a heading names: 'Milestone: Week 1 (due Jan 6)' (a GitHub or GitLab milestone),
# 'Iteration: Week 2' (a GitHub Projects iteration). Such a heading is the week's.
_BOARD_LABEL = re.compile(r"(?P<lead>[\W_]*)(?:milestone|iteration)\s*[:：\-–—]\s*(?=\S)", re.IGNORECASE)


# Keycaps after a word ('Week 1️⃣', 'Day 1️⃣0️⃣', 'Week 🔟'), as a plan pasted from a social post numbers its weeks
# and days: their digits. (One that leads a heading, '1️⃣ Python', numbers a section: see `_LEAD`.)
# Only after a week, month or day word: after a title's word it is an icon ('Phase 4: Security 🔟'), no number.
_KEYCAP_AFTER_WORD = re.compile(
    rf"(?P<word>(?<![^\W\d_]){_UNIT_WORDS} )(?:((?:\d\ufe0f?\u20e3)+)|\U0001f51f)", re.IGNORECASE
)


def _keycap_digits(found: re.Match[str], group: int = 1) -> str:
    caps = found.group(group)
    return caps.replace("\ufe0f", "").replace("\u20e3", "") if caps else "10"


def keycap_cell(text: str) -> str:
    """Return a table cell of keycaps alone ('1️⃣', '1️⃣0️⃣', '🔟', a day column as a social post writes it) as its
    digits; any other cell as it is."""
    if "\u20e3" not in text and "\U0001f51f" not in text:  # most cells
        return text
    found = _KEYCAPS_ALONE.fullmatch(text.strip())
    return _keycap_digits(found) if found is not None else text


_KEYCAPS_ALONE = re.compile(r"((?:\d\ufe0f?\u20e3)+)|\U0001f51f")


def keycap_numbers(text: str) -> str:
    """Return text with the keycaps after a word as their digits ('Day 1️⃣0️⃣' is 'Day 10'); other text as it is."""
    if "\u20e3" in text or "\U0001f51f" in text:
        return _KEYCAP_AFTER_WORD.sub(lambda found: found.group("word") + _keycap_digits(found, 2), text)
    return text


# The word that opens a heading joined to its number by a hyphen or an underscore, as file names join them ('WEEK-1 —
# Arrays', 'Phase_2: APIs', 'Module-3: Files'): the number is the heading's, as in 'Week 1'.
_JOINED_NUMBER = re.compile(r"([^\W\d_]{2,12})[-_](?=\d)")


def _unjoined(text: str) -> str:
    """Return a heading's text with a hyphen or an underscore that joins its first word to a number written as a
    blank ('WEEK-1 — Arrays' is 'WEEK 1 — Arrays'); other text as it is."""
    if "-" not in text[:24] and "_" not in text[:24]:  # most headings
        return text
    lead = _LEAD.match(text)
    joined = _JOINED_NUMBER.match(text, lead.end() if lead else 0)
    return text if joined is None else f"{text[: joined.end(1)]} {text[joined.end() :]}"


def read_phase_heading(text: str) -> PhaseHeading | None:
    """Return the phase a heading's clean text announces, or None."""
    said: Said = ()
    text = _unjoined(text)
    text = keycap_numbers(text)
    if "ilestone" in text or "teration" in text or "ILESTONE" in text or "TERATION" in text:
        label = _BOARD_LABEL.match(text)
        if label is not None:
            text = f"{label.group('lead')}{text[label.end() :]}"
    text = _as_numbered(text)
    if ":" in text and ("(" in text or "[" in text):
        text = _without_duration_label(text)
    text = _worded_span_as_digits(_ordinal_first(text))
    if " " in text[:12]:  # 'Semana dos', 'Woche vier': a unit word and a number word of its language
        text = _worded_number(text)
    if not text.isascii() and _FOREIGN.search(text) is not None:
        text, said = _in_english(text)
        found = _read_phase_heading(text)
    else:  # Turkish, Polish, Indonesian, Vietnamese or Dutch words, where the English ones read no span
        found = _read_phase_heading(text)
        if (found is None or found.first is None) and _maybe_latin(text):
            text, said = _in_english(text)
            found = _read_phase_heading(text)
        elif found is not None and found.unit in ("quarter", "semester") and _maybe_latin(found.title):
            # 'Q1 (Hafta 1–13)': the weeks its English words leave in its title are the quarter's, as in 'Q1
            # (Weeks 1–13)'
            english, words = _in_english(text)
            again = _read_phase_heading(english)
            if again is not None and again.first is not None and again.unit == found.unit:
                text, said, found = english, words, again
    title = found.title if found is not None and found.first is not None else ""
    if found is not None and not title.isascii() and _FULL_WIDTH_LEFT.search(title) is not None:  # none in ASCII
        # 'Phase 1：Python 基础（Week 1–4）': full-width marks around English words, which no language's words made
        # ASCII; read as the ASCII ones, the title keeps none of them ('：Python 基础（ ）' otherwise)
        again = _read_phase_heading(text.translate(_FULL_WIDTH))
        if again is not None and (again.number, again.first, again.last) == (found.number, found.first, found.last):
            found = again
    while found is not None and found.first is not None and "(" in found.title:
        again = _span_in_title(found.title)  # 'Week 1: HTML (Week 1)': the same weeks said twice are no title
        if again is None:
            break
        if _names_its_weeks(found, *again[:2]):
            found = found._replace(title=_title_of(again[2]))
        elif _weeks_of_period(found, *again[:2]):  # 'Month 3 – Capstone (Weeks 9-10)': the month's weeks
            found = found._replace(first=again[1][0], last=again[1][1], title=_title_of(again[2]))  # type: ignore[index]
        else:
            break
    if said and found is not None:
        found = found._replace(title=_as_written(found.title, said))
    return found


_DAYS_SAID = re.compile(rf"[(\[]\s*(?:{_DAY_WORDS})\b", re.IGNORECASE)


def _names_its_weeks(found: PhaseHeading, said: str, weeks: tuple[int, int] | None) -> bool:
    """Whether a span said again after a phase's title (`said`, naming `weeks`) names the weeks the phase was read
    as: the same weeks, or a week's days from one of its first week to one of the week after its last ('Week 4: Mocks
    (Days 22-30)': the last week of a 30-day plan, nine days long)."""
    if weeks is None or found.last is None:
        return False
    if weeks == (found.first, found.last):
        return True
    return (
        found.unit == "week"
        and weeks[0] == found.first
        and weeks[1] <= found.last + 1
        and _DAYS_SAID.match(said) is not None
    )


_WEEKS_SAID = re.compile(r"[(\[]\s*weeks?\b", re.IGNORECASE)


def _weeks_of_period(found: PhaseHeading, said: str, weeks: tuple[int, int] | None) -> bool:
    """Whether a span said after the title of a month heading gives the month's weeks, as 'Month 1 (Weeks 1-4):
    Basics' gives them before it (`_with_weeks`): weeks, all within the month ('MONTH 3 – Capstone (Weeks 9–10)' in
    a ten-week plan). Weeks outside it, or a few weeks of a quarter's twelve ('Q1: Math (Weeks 1-4)'), stay a second
    span (`unreadable_span`)."""
    return (
        weeks is not None
        and found.unit == "month"
        and found.last is not None
        and found.first <= weeks[0]  # type: ignore[operator]
        and weeks[1] <= found.last
        and _WEEKS_SAID.match(said) is not None
    )


def _read_phase_heading(text: str) -> PhaseHeading | None:
    if _MAYBE.match(text) is None:  # most headings: one C-level look at their first word
        return None
    lead = _LEAD.match(text)
    body = text[lead.end() :] if lead else text
    if not body:
        return None
    first = body[0].casefold()  # casefold: 'ſ' is an 's' as for IGNORECASE
    if first.isdigit():
        return _numbered(body)
    if first == "q":
        quarter = _QUARTER.match(body)
        if quarter is None:
            return None
        return _with_weeks((body[quarter.end() :], ""), "quarter", *_weeks("quarter", int(quarter.group("n")), None))
    if first in "st" and (term := _SEMESTER.match(body)) is not None:  # 'Semester 1 (Fall 2024)', 'Term 2'
        n = int(term.group("n"))
        return _with_weeks((body[term.end() :], ""), "semester", *_weeks("semester", n, None))
    if first in _PHASE_FIRST:
        match = _PHASE.match(body)
        if match is not None:
            number = _number(match.group("n"))
            rest = body[match.end() :]
            count = _COUNT.match(rest)  # 'Phase 1 of 4: Basics': how many there are in all is no title
            rest = rest[count.end() :] if count else rest
            return _spanned(number, rest) or PhaseHeading(number, None, None, _unbracketed(_title(rest)), "")
    if first not in _SPAN_FIRST:
        return None
    if lead and text[lead.end() - 1 : lead.end()] in ("(", "["):
        body = text[lead.end() - 1 :]  # the span's own bracket, which holds more: '(Weeks 4-6, part time) Trees'
    slashed = _slashed(body) if "/" in body else None
    if slashed is not None:
        span, a, b = slashed
        unit = _unit(span)
        if unit == "week":
            return PhaseHeading(None, a, a if b is None else b, _title_of(_without(body, span)), unit)
        return _with_weeks(_without(body, span), unit, *_weeks(unit, a, b))
    span = _SPAN_START.match(body)
    if span is None or _asked(body, span):
        return None
    unit = _unit(span)
    a, b = int(span.group("a")), int(span.group("b")) if span.group("b") else None
    if unit == "day" and b is None:
        return None  # one day is not a phase: daily logs stay sections
    rest, b = _span_and_rest(body, span, b)
    if b is None and (count := _COUNT.match(rest[0])) is not None:  # 'Week 3 of 12: CSS': how many in all, no title
        counted = _span_heading(rest, unit, a, b)
        return _span_heading((rest[0][count.end() :], rest[1]), unit, a, b)._replace(id_title=counted.title)
    return _span_heading(rest, unit, a, b)


def _asked(body: str, span: re.Match[str]) -> bool:
    """Return True for a heading that asks a question its span is a word of, no separator between them ('Hafta 1
    sonunda ne olmalı?': 'what should you have at the end of week 1?'): prose, no phase titled by the question. A
    title that asks after a separator ('Week 3: Why SQL?') is a phase's."""
    if not body.rstrip().endswith(("?", "？")):  # most headings
        return False
    after = body[span.end() :]
    words = after.lstrip(" \t")
    return len(words) < len(after) and words[:1].islower()


def _span_heading(rest: tuple[str, str], unit: str, a: int, b: int | None) -> PhaseHeading:
    """Return a heading that opens with its span (`unit`s a to b) and goes on with `rest` (see `_span_and_rest`)."""
    if unit == "week":
        return PhaseHeading(None, a, a if b is None else b, _title_of(rest), unit)
    return _with_weeks(rest, unit, *_weeks(unit, a, b))


# Two numbers a slash parts after a week or month word: 'Week 10/11: Testing', 'Week 3/12: CSS' (see `_slashed`);
# more after further slashes ('Weeks 3/4/5'), which `_slashed` reads only as weeks in a row.
_SLASHED = re.compile(
    rf"[(\[]?\s*{_UNIT}\.?\s*(?:#\s*)?(?P<a>\d{{1,4}})\s*/\s*(?:{_SAME_UNIT}\.?\s*)?(?P<b>\d{{1,4}})"
    r"(?P<more>(?:\s*/\s*\d{1,4})*)(?![\w/])\s*[)\]]?",
    re.IGNORECASE,
)
# More numbers a slash parts after a span's one number, later in a heading: '(Weeks 3/4)', 'Backend — Weeks 3/4/5'.
_SLASH_RUN = re.compile(r"(?:\s*/\s*\d{1,4})+(?![\w/])")
_RUN_NUMBER = re.compile(r"\d+")
# More numbers commas list after a span's one number: 'Weeks 8, 9, 10 - Project work', 'Weeks 8, 9 and 10'; the
# heading's end or a mark that opens its title follows them ('Week 1, 2 hours a day': a count of hours, no week).
_COMMA_RUN = re.compile(
    r"(?:\s*,\s*\d{1,4})+(?:\s*(?:,\s*)?(?:and|&|und|y|et|e)\s+\d{1,4})?(?=\s*(?:$|[-–—:：|()（）\[\]]))",
    re.IGNORECASE,
)


def _in_a_row(a: int, numbers: list[int]) -> bool:
    """Return True when `numbers` go on from `a` one at a time (4, 5 after 3)."""
    return all(n == a + i for i, n in enumerate(numbers, 1))


def _slashed(body: str) -> tuple[re.Match[str], int, int | None] | None:
    """Return a week or month span whose numbers a slash parts, at the start of a heading's words, its first number
    and its last: 'Week 10/11' runs weeks 10 to 11 (two weeks in a row), 'Week 3/12' and 'Week 12/12' count the
    weeks ('week 3 of 12': the last None); None for any other text, days ('Day 1/100' is no phase) and a slash
    before a smaller number ('Week 5/3', perhaps a date). Three numbers or more run from the first to the last
    where each is one more than the one before ('Weeks 3/4/5'); other ones ('Week 1/2/2024') are a date, None. A
    file whose headings share the number after the slash counts with it ('Week 1/2', 'Week 2/2'): see
    `read_phase_headings`."""
    found = _SLASHED.match(body)
    if found is None or found.group("day"):
        return None
    a, b = int(found.group("a")), int(found.group("b"))
    if found.group("more"):
        numbers = [b, *map(int, _RUN_NUMBER.findall(found.group("more")))]
        return (found, a, numbers[-1]) if _in_a_row(a, numbers) else None
    if b < a:
        return None
    return found, a, b if b == a + 1 else None


def _slash_run(text: str, span: re.Match[str]) -> tuple[re.Match[str], int] | None:
    """Return the numbers a slash parts right after a week or month span of one number ('/4' after 'Weeks 3' in
    'Phase 2: Backend (Weeks 3/4)', '/4/5' in '(Weeks 3/4/5)') and the last of them, where each is one more than the
    one before, so that the span runs on to it; else None ('(Week 3/12)' counts the weeks: week 3 of 12)."""
    if span.group("b") or span.group("day") or "/" not in text[span.end() : span.end() + 3]:
        return None
    run = _SLASH_RUN.match(text, span.end())
    if run is None:
        return None
    numbers = list(map(int, _RUN_NUMBER.findall(run.group())))
    return (run, numbers[-1]) if _in_a_row(int(span.group("a")), numbers) else None


def _comma_run(text: str, span: re.Match[str]) -> tuple[re.Match[str], int] | None:
    """Return the numbers commas list right after a week or month span of one number (', 9, 10' after 'Weeks 8' in
    'Weeks 8, 9, 10 - Project work') and the last of them, where each is one more than the one before, so that the
    span runs on to it; else None ('Week 3, 2024': a year)."""
    if span.group("b") or span.group("day") or "," not in text[span.end() : span.end() + 3]:
        return None
    run = _COMMA_RUN.match(text, span.end())
    if run is None:
        return None
    numbers = list(map(int, _RUN_NUMBER.findall(run.group())))
    return (run, numbers[-1]) if _in_a_row(int(span.group("a")), numbers) else None


def _slash_numbers(text: str) -> tuple[int, int] | None:
    """Return the two numbers of a heading's span that a slash parts ('Week 10/11: Testing' gives (10, 11), 'Week
    3/12: CSS' (3, 12), 'Phase 1: Setup (Week 1/2)' (1, 2)), else None; a span of more such numbers gives its
    first and its last ('Weeks 3/4/5': (3, 5))."""
    slashed = _slashed(_span_body(text))
    if slashed is not None:
        found, a, last = slashed
        return a, last if found.group("more") and last is not None else int(found.group("b"))
    span = _span_search(text)
    if span is None or span.group("b") or span.group("day"):
        return None
    run = _SLASH_RUN.match(text, span.end())
    if run is None:
        return None
    numbers = list(map(int, _RUN_NUMBER.findall(run.group())))
    return int(span.group("a")), numbers[-1] if len(numbers) > 1 else numbers[0]


def _span_body(text: str) -> str:
    """Return a heading's words after what leads them (emoji, marks), from the bracket that opens them if one does:
    a bracket that opens a heading is a span's or a date's own ('(Weeks 4-6, part time) Trees')."""
    lead = _LEAD.match(text)
    if lead is None:
        return text
    return text[lead.end() - 1 :] if text[lead.end() - 1 : lead.end()] in ("(", "[") else text[lead.end() :]


_OF_ALL = re.compile(r"(?:of|/|von|de|из|з|من)\s*\d{1,4}", re.IGNORECASE)  # '(week 3 of 12)': how many in all
_COUNT = re.compile(
    r"\s*(?:of|/|von|de|из|з|من)\s*\d{1,3}(?!\d)", re.IGNORECASE
)  # 'Phase 1 of 4', 'Fase 1 de 4', 'Этап 1 из 4', 'Етап 1 з 4', 'المرحلة 1 من 4'
# More of a span's numbers after it, in its brackets: '(Weeks 1-2 & 3-4)', '(Weeks 5-6, 7-8)', '(Weeks 9 + 10)'.
_MORE = re.compile(r"(?:(?:[&+,;]|and|und|y)\s*)?(?P<a>\d{1,4})(?:\s*[-–—]\s*(?P<b>\d{1,4}))?", re.IGNORECASE)
# A bracket before the title, after the span: 'Week 1 (Jan 6 – Jan 12): Basics' is 'Basics (Jan 6 – Jan 12)'.
_NOTE_FIRST = re.compile(r"[(\[](?P<note>[^()\[\]]+)[)\]]\s*[:\-–—|]?\s*(?=\S)")
_BRACKETS = {"(": ")", "[": "]"}


def _without(text: str, found: re.Match[str]) -> tuple[str, str]:
    """Return `text` without the span or length `found` in it, and what else the span's brackets held.

    '(Weeks 1-4, 10 h/week)' leaves '10 h/week' (shown after the title, in brackets); a count of all, as in
    '(week 3 of 12)', goes with the span.
    """
    before, after = text[: found.start()], text[found.end() :]
    matched = found.group().strip()
    close = _BRACKETS.get(matched[:1])
    note = ""
    if close is not None and not matched.endswith(close) and (end := after.find(close)) >= 0:
        inner = after[:end].strip(" \t,;:-–—·•|")  # '(Weeks 1-4 · 10 h/week)': the separator is no note
        after = after[end + 1 :]
        note = "" if _OF_ALL.fullmatch(inner) else inner
    return f"{before} {after}", note


# More weeks after a span, whole or in part: 'Week 4 + half of Week 5', 'Weeks 2-3 and part of week 4', 'Month 2 &
# the first half of Month 3', 'Week 4 + 5:'. The unit said again is the span's own.
_PART_OF = r"(?:the\s+)?(?:(?:first|second|last|other)\s+)?(?P<part>half|part|bit|start|beginning|end|rest)\s+of\s+"
_EXTENDED = re.compile(
    rf"\s*(?:\+|&|and|plus)\s*(?:{_PART_OF})?(?:the\s+)?"
    # each run of blanks is one optional group's only: blanks two '\s*' in a row could share take cubic time
    rf"(?:(?:(?P<week>{WEEK_WORDS})|(?P<month>{_MONTH_WORDS})|(?P<day>{_DAY_WORDS}))\.?\s*)?(?:#\s*)?(?P<a>\d{{1,4}})(?!\d)",
    re.IGNORECASE,
)
_ENDS_HERE = re.compile(r"\s*(?:[:\-–—|)\]]|$)")  # what may follow a number added alone: 'Week 4 + 5: Title'
_PART_WORD = re.compile(rf"(?:[+&]\s*|\b(?:and|plus)\s+){_PART_OF}", re.IGNORECASE)  # a quick look


def _extended(text: str, span: re.Match[str], last: int | None) -> tuple[re.Match[str] | None, int | None]:
    """Return what adds more of the next weeks (months, days) right after a span in `text`, and the span's last
    number taken on to them ('Week 4 + half of Week 5' ends at 5); (None, `last`) where nothing does."""
    more = _EXTENDED.match(text, span.end())
    if more is None:
        return None, last
    unit = _unit(more) if more.group("week") or more.group("month") or more.group("day") else None
    end = int(more.group("a"))
    if (unit is not None and unit != _unit(span)) or end <= (last if last is not None else int(span.group("a"))):
        return None, last
    if unit is None and more.group("part") is None and _ENDS_HERE.match(text, more.end()) is None:
        return None, last  # 'Week 3 + 4 projects': a count of something, no week
    return more, end


def _span_and_rest(text: str, span: re.Match[str], last: int | None) -> tuple[tuple[str, str], int | None]:
    """Return `text` without `span` in it and what else its brackets held (see `_without`), and the span's
    last number, taken on by more weeks after it (`_extended`), by the weeks in a row a slash or commas add to it
    (`_slash_run`: 'Phase 2: Backend (Weeks 3/4)'; `_comma_run`: 'Weeks 8, 9, 10') or in its brackets
    (`_continued`)."""
    run = _slash_run(text, span) if "/" in text else None
    if run is None and "," in text:
        run = _comma_run(text, span)
    if run is not None:  # the added weeks are no title, nor a count of all in the span's brackets
        added, last = run
        text = f"{text[: span.end()]}{' ' * (added.end() - span.end())}{text[added.end() :]}"
    more, last = _extended(text, span, last)
    if more is not None:  # the added weeks are no title: blanked out, so the span keeps its place in the text
        text = f"{text[: span.end()]}{' ' * (more.end() - span.end())}{text[more.end() :]}"
    return _continued(_without(text, span), last)


def part_weeks(text: str) -> tuple[int, int] | None:
    """Return the weeks a phase heading's span takes only part of ('Week 4 + half of Week 5': week 5; 'Month 2 +
    part of Month 3': weeks 9-12), as read after `read_phase_heading`'s span; None for a heading that takes its
    weeks whole."""
    if _PART_WORD.search(text) is None:  # most headings
        return None
    span = _span_search(text)
    if span is None:
        return None
    more, last = _extended(text, span, int(span.group("b")) if span.group("b") else None)
    if more is None or more.group("part") is None or last is None:
        return None
    return _weeks(_unit(span), last, None)


def _continued(without: tuple[str, str], last: int | None) -> tuple[tuple[str, str], int | None]:
    """Return `_without`'s result and the span's last number, taken on by more numbers in the span's brackets
    that go on from it ('(Weeks 1-2 & 3-4)' ends at 4), which are then no note."""
    text, note = without
    more = _MORE.fullmatch(note) if note else None
    if more is None or last is None:
        return without, last
    end = int(more.group("b") or more.group("a"))
    if int(more.group("a")) <= last or end < int(more.group("a")):
        return without, last
    return (text, ""), end


def _title_of(without: tuple[str, str]) -> str:
    """Return the title `_without` leaves, with what the span's brackets also held after it: 'Basics (10 h/week)'.

    A bracket that comes before the title goes after it too: 'Week 1 (Jan 6-12): Basics' is 'Basics (Jan 6-12)', and
    so do dates written before it without one: 'Week 1: Jan 6-12 — Basics' is 'Basics (Jan 6-12)'. Dates alone are
    no title ('Week 1 (Jan 6-12)', 'Week 1: Jan 6-12' are titled '')."""
    text, note = without
    start = len(text) - len(text.lstrip(_EDGES))
    first = _NOTE_FIRST.match(text, start) or _DATES_FIRST.match(text, start)
    if first is not None:
        inner = (first.group("note") if first.re is _NOTE_FIRST else first.group()).strip()
        text = text[first.end() :]
        if not (first.re is _NOTE_FIRST and inner.isdigit() and len(inner) <= 2):  # '(1) Front-End': its number
            note = ", ".join(filter(None, (inner, note)))
    title = _title(text)
    if title and _days_alone(title):
        title = ""  # 'Week 1 - Day 1 - Day 2': the days say when, not what; the week is named by its span
    elif (title[:1].isdigit() or title[:1] in "~≈") and _HOURS_A_WEEK.fullmatch(title) is not None:
        title = ""  # 'Weeks 1-4 · 10 h/week': how long it takes, no words of what; named by its span
    if note and _placeholder(note):
        note = ""  # 'Week 1: [Start Date] – [End Date]', a template's: nothing to say yet
    if not title and note and (only_dates(note) or due_dates(note)):
        return ""  # dates alone are no title: the phase is named by its span and them (`heading_span`)
    bracketed = title[1:-1] if title and title[0] in "([" and title[-1] == _BRACKETS[title[0]] else None
    if bracketed is not None and not note and (only_dates(bracketed) or due_dates(bracketed)):
        return ""  # 'Week 1 (Jan 8 - Jan 14)', 'Week 1 (due Jan 6)': the same
    if bracketed is not None and _placeholder(bracketed):
        return note  # 'Week 1: [Date Range]', 'Week 1 (DATE - DATE)': a template's place for dates, no title
    if note and title and _LENGTH_ALONE.fullmatch(as_english(note.strip(_EDGES))) is not None:
        return title  # '(Weeks 1-4, 4 weeks)': the span says how long
    # its only words in brackets: 'Week 1 (Python basics)', 'Week 1: Jan 8 – Jan 14 (Python)', 'Week 1 (Python) ✅'
    if bracketed is not None and (unbracketed := _unbracketed(title)) != title:
        title = unbracketed
    elif note and _no_words(title) and _names_topic(note):
        return note
    return f"{title} ({note})" if note and title else title or note


def _days_alone(title: str) -> bool:
    """Return True for a title that is only a day or a span of days ('Day 1 - Day 2', 'Days 3-4'), or days one after
    another ('Day 1 - Day 2 - Day 3 - Day 4', 'Day 3 and Day 4')."""
    if _DIGIT.search(title) is None:
        return False
    span = _SPAN_START.fullmatch(title)
    if span is not None:
        return _unit(span) == "day"
    days = _DAYS_LISTED.fullmatch(title)
    return days is not None and as_english(days.group("word")).casefold() in ("day", "days")


# Days written one after another, as a schedule heads a week's part ('Day 1 - Day 2 - Day 3', 'Day 3 and Day 4').
_DAYS_LISTED = re.compile(r"(?P<word>[^\W\d_]+)\s*\d{1,3}(?:\s*(?:[-–—,&]|and)\s*(?P=word)\s*\d{1,3})+", re.IGNORECASE)


def _other_days(text: str, again: str) -> bool:
    """Whether two headings of one week each name their days, other days ('Week 1 - Day 1 - Day 2', then 'Week 1 -
    Day 3 - Day 4'): the week written in parts, no notes on it."""
    days = days_said(text)
    return days is not None and (later := days_said(again)) is not None and later != days


def _unbracketed(title: str) -> str:
    """Return a title written in brackets alone without them where they hold a topic ('Phase 1 (Python)')."""
    if title[:1] in _BRACKETS and title[-1:] == _BRACKETS[title[0]] and _names_topic(title[1:-1]):
        return title[1:-1].strip()
    return title


def _no_words(title: str) -> bool:
    """Return True for a title of no words, or of the author's progress alone ('✅', '(done)')."""
    return not any(c.isalnum() for c in title) or status_alone(title)


# A note of the calendar in a heading's brackets ('(January)', '(Fall 2024)', '(Jan–Mar)', '(2025)'): when its span
# runs, no topic.
_SEASON = r"spring|summer|fall|autumn|winter|primavera|verano|oto[ñn]o|invierno|printemps|[ée]t[ée]|automne|hiver"
_CALENDAR_WORD = rf"(?:(?:{_MONTH_OF_DAY}|may|mai|{_SEASON})\.?(?:\s*\d{{4}})?|\d{{4}}(?:/\d{{2,4}})?)"
_CALENDAR_NOTE = re.compile(rf"{_CALENDAR_WORD}(?:\s*(?:[-–—/&]|to|and)\s*{_CALENDAR_WORD})?", re.IGNORECASE)


_UNIT_FIRST = re.compile(rf"(?:{_UNIT_WORDS})(?![^\W\d_])", re.IGNORECASE)  # '(Weeks ?)': a span not read


def _names_topic(note: str) -> bool:
    """Return True for bracketed words that may title a phase: not dates or a note of the calendar, a template's
    place, the author's progress, a quantity ('10 h/week', '3 credits') or a span that could not be read ('Weeks
    ?')."""
    note = note.strip()
    return not (
        not note
        or any(c in note for c in "()[]")  # '(A) (B)': two notes, no one title
        or note[:1].isdigit()
        or note[:1] in "~≈+"
        or _UNIT_FIRST.match(note) is not None
        or _CALENDAR_NOTE.fullmatch(note) is not None
        or only_dates(note)
        or due_dates(note)
        or _placeholder(note)
        or status_alone(note)
        or status_alone(f"({note})")
    )


# The words of a template's place for what to fill in ('[Date Range]', '(DATE - DATE)', '[Start Date]', '[TBD]'), its
# title's too ('[Topic]', '[Your Topic Here]', '(Subject)').
_PLACEHOLDER_WORDS = frozenset(
    (
        *("date", "dates", "range", "time", "start", "end", "tbd", "tba", "dd", "mm", "yy", "yyyy", "x", "xx", "xxx"),
        *("topic", "title", "subject", "theme", "your", "insert", "here"),
    )
)
_PLACEHOLDER_PARTS = re.compile(r"[\s\-–—/.:,]+")


# Words of a placeholder that say where to write, not what: only beside a word of what ('[Your Topic Here]', '[Insert
# Date]'); 'Start Here' is a title.
_PLACEHOLDER_FILLERS = frozenset(("your", "insert", "here"))
_PLACEHOLDER_WHERE = _PLACEHOLDER_FILLERS | {"start", "end"}


def _placeholder(text: str) -> bool:
    """Return True for the words of a template's placeholder alone (see `_PLACEHOLDER_WORDS`)."""
    words = [w for w in _PLACEHOLDER_PARTS.split(text.strip(" []()").casefold()) if w]
    if not words or len(words) > 4 or not all(w in _PLACEHOLDER_WORDS for w in words):
        return False
    return not _PLACEHOLDER_FILLERS.intersection(words) or not _PLACEHOLDER_WHERE.issuperset(words)


def _with_weeks(rest: tuple[str, str], unit: str, first: int, last: int) -> PhaseHeading:
    """Return the phase of a month, quarter or days heading (weeks `first` to `last`) whose `rest` may give its
    weeks first: 'Month 1 (Weeks 1-4): Basics', 'Q1 (Weeks 1-13): Math' are those weeks."""
    text, note = rest
    weeks = _SPAN_AT.match(text.lstrip())
    if weeks is not None and _unit(weeks) == "week":
        first, last = int(weeks.group("a")), int(weeks.group("b") or weeks.group("a"))
        text, inner = _without(text.lstrip(), weeks)
        note = ", ".join(filter(None, (inner, note)))
    return PhaseHeading(None, first, last, _title_of((text, note)), unit)


def _number(raw: str) -> int:
    """Return the number a phase heading says in digits, in words ('two') or in Roman numerals ('II')."""
    raw = raw.casefold()
    if raw.isdigit():
        return int(raw)
    if raw in _NUMBER_WORDS:
        return _NUMBER_WORDS[raw]
    return roman_value(raw)


def roman_value(numeral: str) -> int:
    """Return the number a lower-case Roman numeral (`ROMAN`) is: 'iv' is 4, 'xii' 12."""
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


# A length that ends a note in brackets, after a comma ('(3D, 2 weeks)', '(May 2025 - July 2025, 3 Months)',
# '(Shaders; ⏳ 3 weeks)'): the note's words stay in the title, as those after a length in them do ('(2 weeks: setup)').
_LENGTH_NOTED = re.compile(rf"(?<=[^\s(\[,;])\s*[,;，；]\s*(?:{_CLOCK}\s*)?{_LENGTH}\s*(?=[)\]])", re.IGNORECASE)


def _noted_length(rest: str) -> re.Match[str] | None:
    """Return the length that ends a note in brackets in `rest` (see `_LENGTH_NOTED`), else None."""
    if "," not in rest and ";" not in rest and "，" not in rest and "；" not in rest:  # most headings
        return None
    found = _LENGTH_NOTED.search(rest)
    if found is None:
        return None
    before = rest[: found.start()]
    opened = max(before.rfind("("), before.rfind("["))
    return found if opened >= 0 and opened > max(before.rfind(")"), before.rfind("]")) else None


def _spanned(number: int | None, rest: str) -> PhaseHeading | None:
    """Return the phase of this number whose span (or length) is somewhere in `rest` (the title is what is left),
    else None."""
    span = _span_search(rest)
    if span is None:
        length = _LENGTH_BRACKETED.search(rest) or _LENGTH_LAST.search(rest)
        if length is None and (length := _noted_length(rest)) is not None:  # '(3D, 2 weeks)': the note is '(3D)'
            without = (rest[: length.start()] + rest[length.end() :], "")
            return PhaseHeading(number, None, None, _title_of(without), "", _length_weeks(length))
        if length is None:
            return None
        return PhaseHeading(number, None, None, _title_of(_without(rest, length)), "", _length_weeks(length))
    unit = _unit(span)
    a = int(span.group("a"))
    b = int(span.group("b")) if span.group("b") else a
    without, b = _span_and_rest(rest, span, b)
    return PhaseHeading(number, *_weeks(unit, a, b), _title_of(without), unit)


def _length_weeks(length: re.Match[str]) -> int:
    """Return the weeks a length `_LENGTH` read takes: the mean of a range, at least one week."""
    a = int(length.group("a")) + (0.5 if length.group("a_half") else 0)  # '1.5 weeks'
    b = int(length.group("b")) + (0.5 if length.group("b_half") else 0) if length.group("b") else a
    mean = (a + b) / 2
    weeks = mean * 4 if length.group("month") else mean / 7 if length.group("day") else mean
    return max(1, math.ceil(weeks))


def time_box(text: str, *, noted: bool = True) -> tuple[str, str, int] | None:
    """Return a text that gives its length in brackets, up to them ('Go fundamentals [3w]' of 'Go fundamentals [3w]
    1.1 Tooling [3d]'), its title and its weeks ('Go fundamentals', 3); else None. A note after the length in the
    brackets ('Docker (1 week, hands-on)') is the box's, or where not `noted` makes it no time box."""
    if "(" not in text and "[" not in text:
        return None
    length = _LENGTH_BRACKETED.search(text)
    if length is None:
        return None
    end = length.end()
    if text[end - 1] not in ")]":  # a note follows the length in its brackets: the box runs to their end
        if not noted:
            return None
        end = min(at for at in (text.find(")", end), text.find("]", end)) if at >= 0) + 1
    boxed = text[:end]
    return boxed, _title_of(_without(boxed, length)), _length_weeks(length)


def _numbered(body: str) -> PhaseHeading | None:
    """Read a numbered section: '1. Foundations (Weeks 1-4)' is Phase 1, '2. Phase 1: Basics' is what follows its
    number, and '5. Checklist' (no weeks) is no phase."""
    outline = _OUTLINE.match(body)
    if outline is None:
        return None
    rest = body[outline.end() :]
    found = read_phase_heading(rest)
    if found is not None:
        return found
    span = _span_search(rest)
    if span is not None and _unit(span) == "day" and not span.group("b"):
        return None  # one day is not a phase, as above
    return _spanned(int(outline.group("n")), rest)


def outline_numbered(text: str) -> bool:
    """Return True for a heading that `read_phase_heading` reads as a phase by its section number alone
    ('1. Foundations (Weeks 1-4)', '1️⃣ Foundations — 3 weeks'), not by the words after its number ('2. Phase 1:
    Basics')."""
    text = _as_numbered(text)
    lead = _LEAD.match(text)
    body = text[lead.end() :] if lead else text
    outline = _OUTLINE.match(body)
    if outline is None or _ordinal_first(body) != body:  # '2. Woche: HTTP' is week 2, not section 2
        return False
    return read_phase_heading(body[outline.end() :]) is None


def read_phase_headings(headings: Sequence[tuple[int, str]]) -> list[PhaseHeading | None]:
    """Read a file's headings ((level, clean text), in order) with `read_phase_heading`.

    Quarters ('Q1: Math') are phases only where they are the file's plan: two or more, its first phase heading
    a quarter, and no 'Q' heading that asks ('Q2: Why Go?') or counts past four ('Q5'): those number interview
    questions, and one 'Q3 roadmap' in a guide is no year plan.

    Numbered sections with weeks are phases only where they are the file's plan: in a file with no other phase
    heading, at the outermost level that has two or more of them. Elsewhere their number is an outline's: one
    timed section of a guide ('## 3. Practice project (2 weeks)'), or the parts of a phase ('### 2. Functions
    (1 week)' under '## Phase 1: Python' or under '## 1. Foundations (Weeks 1-4)'), which as phases would split it.
    """
    found = [read_phase_heading(text) for _, text in headings]
    quarters = [i for i, f in enumerate(found) if f is not None and f.unit == "quarter"]
    if quarters and (len(quarters) < 2 or found[quarters[0]] is not next(filter(None, found)) or _questions(headings)):
        for i in quarters:
            found[i] = None
    terms = [i for i, f in enumerate(found) if f is not None and f.unit == "semester"]
    if terms and (len(terms) < 2 or found[terms[0]] is not next(filter(None, found))):  # one 'Semester 1 recap'
        for i in terms:
            found[i] = None
    _counted_by_slash(headings, found)
    _previews(headings, found)
    outline = [i for i, f in enumerate(found) if f is not None and outline_numbered(headings[i][1])]
    if outline:
        alone = len(outline) == len(found) - found.count(None)
        levels = Counter(headings[i][0] for i in outline)
        level = min((lv for lv, n in levels.items() if n >= 2), default=None) if alone else None
        for i in outline:
            if headings[i][0] != level:
                found[i] = None
        if level is not None:
            _untimed_between(headings, found, level)
            _sections_before_plan(headings, found, level)
    _bracketed_dates(found)
    _shared_ends(headings, found)
    chained = chained_lengths(headings, found)
    for i, more in spans_after_phases(headings, found, chained).items():
        found[i] = more
    _first_weeks(headings, found)
    _weeks_then_months(headings, found)
    _week_groups(headings, found)
    _restarted_weeks(headings, found)
    weeks_again(found, [text for _, text in headings])
    _span_over_plan(headings, found)
    _notes_after_plan(headings, found)
    _weeks_twice(headings, found)
    _possessive_weeks(headings, found)
    _release_notes(headings, found)
    _checklist_groups(headings, found)
    return found


# The heading of a checklist section: '✅ Checklist', 'Progress Checklist', 'Final check-list', '📋 Progress Tracker'.
_CHECKLIST_HEADING = re.compile(r"(?:\w+\s+){0,2}(?:check[\s-]?list|tracker)", re.IGNORECASE)
_EDGE_MARKS = re.compile(r"^[\W_]+|[\W_]+$")


def _checklist_groups(headings: Sequence[tuple[int, str]], found: list[PhaseHeading | None]) -> None:
    """Read as no phases the headings under a checklist section after the plan that name the plan's phases again
    ('## ✅ Checklist' over '### Phase 1: Clay', '### Phase 2', or '### Week 1' after a plan of weeks): they group
    the checklist's items by phase, their numbers or weeks going back to the plan's own, which as phases would be out
    of order. Only the headings deeper than the checklist's, up to the next heading at its level or above."""
    for c, (level, text) in enumerate(headings):
        if found[c] is not None or ("heck" not in text and "HECK" not in text and "rack" not in text.casefold()):
            continue  # the cheap check first: nearly no heading names a checklist
        if _CHECKLIST_HEADING.fullmatch(_EDGE_MARKS.sub("", text)) is None:
            continue
        before = [f for f in found[:c] if f is not None]
        numbers = [f.number for f in before if f.number is not None]
        lasts = [f.last for f in before if f.last is not None]
        if not before:
            continue
        for j in range(c + 1, len(headings)):
            if headings[j][0] <= level:
                break
            f = found[j]
            if f is not None and (
                (f.number is not None and numbers and f.number <= max(numbers))
                or (f.first is not None and lasts and f.first <= max(lasts))
            ):
                found[j] = None


def _shared_ends(headings: Sequence[tuple[int, str]], found: list[PhaseHeading | None]) -> None:
    """Read span headings of a timeline whose ranges share their ends ('Months 0-3', 'Months 3-6', 'Months 6-12';
    'Weeks 0-4', 'Weeks 4-8') as running one after another: months 1-3, 4-6 and 7-12. Only where every phase heading
    of the file gives such a range of weeks or months, in one unit, two or more, the first from 0 or 1 and each of
    the others from the end of the one before, and none takes part of a week (see `part_weeks`): read as written, each
    would overlap the one before."""
    read = [(i, f) for i, f in enumerate(found) if f is not None]
    if len(read) < 2 or any(f.first is None or f.last is None or f.first == f.last for _, f in read):  # most files
        return
    unit = read[0][1].unit
    if unit not in ("week", "month") or any(f.unit != unit for _, f in read):
        return
    if any(part_weeks(headings[i][1]) is not None for i, _ in read):  # 'Weeks 1-2 and part of week 3': a part week
        return
    # the numbers as written: a month's weeks back to its number ('Months 3-6' is weeks 9-24)
    written = [((f.first + 3) // 4, f.last // 4) if unit == "month" else (f.first, f.last) for _, f in read]  # type: ignore[operator]
    if (
        written[0][0] not in (0, 1)
        or any(a >= b for a, b in written)
        or any(b[0] != a[1] for a, b in pairwise(written))
    ):
        return  # a span of one ('Month 2' after 'Months 1-2') is no range of a timeline: it overlaps
    for k, ((i, f), (a, b)) in enumerate(zip(read, written, strict=True)):
        first, last = _weeks(unit, a + 1 if k or a == 0 else a, b)
        found[i] = f._replace(first=first, last=last)


def _untimed_between(headings: Sequence[tuple[int, str]], found: list[PhaseHeading | None], level: int) -> None:
    """Read as phases without weeks the numbered sections at a plan's level whose numbers its numbered phases skip
    ('## 4. Specialise (pick one or two)' between '## 3. Algorithms (4-6 weeks)' and '## 5. Engineering (2-3
    weeks)'): a stage of the plan whose length its author left open, planned as a phase without weeks is. Only
    among phases that give lengths: between phases that give their weeks no week may be free for it."""
    kept = [(i, f.number) for i, f in enumerate(found) if f is not None and headings[i][0] == level]
    if any(f is not None and headings[i][0] == level and f.first is not None for i, f in enumerate(found)):
        return
    for (a, low), (b, high) in pairwise(kept):
        if low is None or high is None or high - low < 2:
            continue
        for j in range(a + 1, b):
            numbered = outline_heading(headings[j][1]) if headings[j][0] == level else None
            if numbered is not None and low < numbered[0] < high:
                found[j] = PhaseHeading(numbered[0], None, None, numbered[1], "")


def _sections_before_plan(headings: Sequence[tuple[int, str]], found: list[PhaseHeading | None], level: int) -> None:
    """Number from 1 the phases of a plan of numbered sections whose outline opens with sections that are no phases
    ('### 1. Prerequisites', then '### 2. Foundation (Week 1-2)'): the outline counts those sections too, so its
    first phase would show as Phase 2. Only where each section before the first phase, at the plan's level, is
    numbered in turn from 1: then the outline's count is the only reason for the gap."""
    phases = [i for i, f in enumerate(found) if f is not None and headings[i][0] == level]
    if not phases or (first := found[phases[0]]) is None or first.number is None or first.number < 2:
        return
    before = [outline_heading(text) for lv, text in headings[: phases[0]] if lv == level]
    if [n[0] if n else None for n in before] != list(range(1, first.number)):
        return
    shift = first.number - 1
    for i in phases:
        f = found[i]
        if f is not None and f.number is not None:
            found[i] = f._replace(number=f.number - shift)


# A heading that names a release of a changelog: '[1.2.0] - 2024-03-01', 'v0.3.0', 'Version 2.1', '0.2.0 (2024-02-01)',
# '[Unreleased]'. A bare number before words is a section's number ('1.1 Getting started', '2.3 - Tuning'), no release.
_VERSION = r"\d{1,4}(?:\.\d{1,4}){1,3}(?![\d.]*\d)"
_RELEASE = re.compile(
    rf"\[?(?:v|version\s*){_VERSION}|\[?{_VERSION}(?=\s*(?:$|[(\]]|[-–—]\s*\d))|\[?unreleased\b",
    re.IGNORECASE,
)


def _release_notes(headings: Sequence[tuple[int, str]], found: list[PhaseHeading | None]) -> None:
    """Read as no phases the numbered phase headings of a changelog's release notes ('## [0.2.0]' over '#### Phase
    2' and '#### Phase 3', then '## [0.1.0]' over '#### Phase 1'): each under a heading that names a release, their
    numbers out of order (newest release first, or counted again per release). The phases are a project's work,
    no plan to walk: sections."""
    numbered = {i: f.number for i, f in enumerate(found) if f is not None and f.number is not None}
    if len(numbered) < 2 or all(a < b for a, b in pairwise(numbered.values())):  # most files: one plan in order
        return
    under: list[tuple[int, bool]] = []  # the headings open: (level, names a release)
    released = set()
    for i, (level, text) in enumerate(headings):
        while under and under[-1][0] >= level:
            under.pop()
        if any(release for _, release in under):
            released.add(i)
        lead = _LEAD.match(text)
        under.append((level, _RELEASE.match(text, lead.end() if lead else 0) is not None))
    if released.issuperset(numbered):
        for i in numbered:
            found[i] = None


def _week_groups(headings: Sequence[tuple[int, str]], found: list[PhaseHeading | None]) -> None:
    """Read as no phase a heading of weeks that groups the week headings after it at its own level ('## Weeks 1–8'
    right over '## Week 1: Syntax', '## Week 2' … '## Weeks 3-8'): the next heading is a week heading of its level
    that starts at its first week and ends inside its span. As a phase of its own, the weeks after it overlap it."""
    for i, j in pairwise(range(len(found))):
        group, week = found[i], found[j]
        if (
            group is not None
            and week is not None
            and group.unit == week.unit == "week"
            and group.number is None is week.number
            and group.first is not None
            and group.last is not None
            and group.first == week.first < group.last
            and (week.last or week.first) <= group.last
            and headings[i][0] == headings[j][0]
        ):
            found[i] = None


def _weeks_twice(headings: Sequence[tuple[int, str]], found: list[PhaseHeading | None]) -> None:
    """Read as no phases the second of each pair of week headings that give one week twice in a row at one level,
    where two or more weeks are so given and every second one has one title ('Week 1 Objectives', 'Week 1 Lessons
    Learned', 'Week 2 Objectives', 'Week 2 Lessons Learned'): each week's notes, sections. Weeks given twice with other
    titles, or each second one saying it goes on ('Week 1 (continued)'), are weeks in parts, or a slip of the count
    (see `weeks_in_parts`)."""
    read = [(i, f) for i, f in enumerate(found) if f is not None]
    if len(read) < 4:
        return
    seconds = [
        (j, b.title.casefold())
        for (i, a), (j, b) in pairwise(read)
        if a.unit == b.unit == "week"
        and a.number is None is b.number
        and a.first is not None
        and (a.first, a.last) == (b.first, b.last)
        and headings[i][0] == headings[j][0]
        and not _other_days(headings[i][1], headings[j][1])
    ]
    titles = {title for _, title in seconds}
    # each second heading saying it goes on with its week ('Week 1 (continued)') is a part of it (`weeks_in_parts`)
    if len(seconds) >= 2 and len(titles) == 1 and _GOES_ON.search(next(iter(titles))) is None:
        for j, _ in seconds:
            found[j] = None


def weeks_again(found: list[PhaseHeading | None], texts: Sequence[str] | None = None) -> None:
    """Read as no phases the week headings that count from the plan's first week again after it, naming only weeks
    the plan has already named ('Week 1 Objectives' … 'Week 3 Objectives', then 'Week 1 Lessons Learned'): notes
    on those weeks, sections, where every phase heading of the file is a week heading. The same for the week items
    of a plan written as lists (a table of contents that lists the lessons' weeks, then the exercises' weeks again).
    (Week headings counted again under headings of their own are modules: see `_restarted_weeks`.)"""
    read = [(i, f) for i, f in enumerate(found) if f is not None]
    if len(read) < 2 or any(f.unit != "week" or f.number is not None or f.first is None for _, f in read):
        return
    start = read[0][1].first
    again = next((k for k, (_, f) in enumerate(read) if k and f.first == start), None)
    if again is None or (again == 1 and texts is not None and _other_days(texts[read[0][0]], texts[read[1][0]])):
        return  # none, or the first week's heading again with its later days: a week in parts (`weeks_in_parts`)
    end = max(f.last or f.first or 0 for _, f in read[:again])
    if all((f.last or f.first or 0) <= end for _, f in read[again:]):
        for i, _ in read[again:]:
            found[i] = None


def _span_over_plan(headings: Sequence[tuple[int, str]], found: list[PhaseHeading | None]) -> None:
    """Read as no phase a heading that gives a span alone in its unit before a plan of headings of another unit, all
    inside its span, a heading that is none closing it before them ('## First Month' over '### Why this page', then
    '## Goals', '## Week by week' over '### Week 1' … '### Week 4'): a page named by the month its plan runs in. As
    the file's first phase heading it would make the file count in months, and the plan's weeks sections."""
    read = [(i, f) for i, f in enumerate(found) if f is not None]
    if len(read) < 3:
        return
    (at, lone), rest = read[0], read[1:]
    if lone.number is not None or lone.first is None or lone.last is None:
        return
    units = {f.unit for _, f in rest}
    if len(units) != 1 or lone.unit in units or any(f.number is not None or f.first is None for _, f in rest):
        return
    if any(f.first < lone.first or (f.last or f.first) > lone.last for _, f in rest):  # type: ignore[operator]
        return
    level = headings[at][0]
    if any(found[j] is None and headings[j][0] <= level for j in range(at + 1, rest[0][0])):
        found[at] = None


def _notes_after_plan(headings: Sequence[tuple[int, str]], found: list[PhaseHeading | None]) -> None:
    """Read as no phases the week, month and day headings under a heading that is none and comes after the plan,
    where the first of them goes back into the plan's weeks: '## Tips' over '### First week' and '### Second month'
    after '## Week 1' … '## Week 3', '## FAQ' over '### Week 1' and '### Month 2' are sections of that advice. Such a
    heading comes after the plan where it closes a phase heading at its level or deeper. Week headings under it that go
    on from the plan ('## Going further' over '### Week 3' after weeks 1-2) stay the plan's, and so do those under a
    heading before the plan ('## Roadmap' over '### Week 1') or under a phase ('## Month 1' over '### Week 1')."""
    end = 0
    for f in found:  # most files: each phase heading after the weeks of those before it, or none at all
        if f is not None and f.first is not None:
            if f.first <= end:
                break
            end = max(end, f.last or f.first)
    else:
        return
    if _counts_down(found):
        return
    end = 0  # the last week of the plan so far
    deepest = 0  # the deepest level of its phase headings so far
    after: dict[int, bool | None] = {}  # headings after the plan, by index: whether they hold notes (None: unknown)
    open_headings: list[int] = []
    for i, (level, _) in enumerate(headings):
        while open_headings and headings[open_headings[-1]][0] >= level:
            open_headings.pop()
        open_headings.append(i)
        f = found[i]
        if f is None:
            if end and deepest >= level:
                after[i] = None
            continue
        over = next((k for k in open_headings if k in after), None)  # the outermost one over it
        if over is not None and f.number is None and f.first is not None and f.unit in _CALENDAR_UNITS:
            if after[over] is None:
                after[over] = f.first <= end  # its first goes back: notes; else weeks the plan goes on with
            if after[over]:
                found[i] = None
                continue
        end = max(end, f.last or f.first or 0)
        deepest = max(deepest, level)


def _counts_down(found: list[PhaseHeading | None]) -> bool:
    """Return whether a file's week, month and day headings count down to the first, each the one before the heading
    above it ('#### Week 8', '#### Week 7' … '#### Week 1'): a log written newest first, which the phases put in the
    order a learner walks it (see `_newest_last` in parse.py), no plan followed by notes that go back into it."""
    read = [f for f in found if f is not None]
    if len(read) < 2 or any(f.number is not None or f.first is None or f.unit not in _CALENDAR_UNITS for f in read):
        return False
    return read[-1].first == 1 and all(a.first == (b.last or b.first) + 1 for a, b in pairwise(read))


# A week named in the possessive before what it holds: "Week 1's Challenge - Danny's Diner" (see `_possessive_weeks`).
_POSSESSIVE = re.compile(rf"(?:{WEEK_WORDS})\s*#?\s*(?P<n>\d{{1,3}})['’]s\s+(?=\S)", re.IGNORECASE)


def _possessive_weeks(headings: Sequence[tuple[int, str]], found: list[PhaseHeading | None]) -> None:
    """Read headings that name their weeks in the possessive, one after another at one level ("## Week 1's
    Challenge - Diner", "## Week 2's Challenge - Pizza"), as those weeks titled by the words after them, in a file
    with no other phase heading: such a series is a plan of weeks. One alone ("## Week 1's labs come first") is
    prose, a section."""
    series = []
    for i, (level, text) in enumerate(headings):
        if "'s" not in text and "’s" not in text:  # most headings
            continue
        lead = _LEAD.match(text)
        said = _POSSESSIVE.match(text, lead.end() if lead else 0)
        if said is not None:
            series.append((i, level, int(said.group("n")), text[said.end() :]))
    weeks = [(headings[i][0], f) for i, f in enumerate(found) if f is not None and f.unit == "week" and f.first]
    if weeks:  # "## Week 1's Challenge" before '## Week 2: Git': that week of the plan, where no heading has it
        levels = {level for level, _ in weeks}
        taken = [(f.first, f.last) for _, f in weeks]
        for i, level, n, rest in series:
            # beside a week of the plan: "## Week 6's project is optional" after weeks 1-3 is a sentence of a note
            beside = n == 1 or any(a - 1 <= n <= (z or a) + 1 for a, z in taken)
            if level in levels and beside and not any(a <= n <= (z or a) for a, z in taken):
                found[i] = PhaseHeading(None, n, n, _title(rest), "week")
        return
    if any(f is not None for f in found):
        return
    if len(series) < 2 or len({level for _, level, _, _ in series}) > 1:
        return
    if any(b[2] <= a[2] for a, b in pairwise(series)):
        return
    for i, _, n, rest in series:
        found[i] = PhaseHeading(None, n, n, _title(rest), "week")


def _restarted_weeks(headings: Sequence[tuple[int, str]], found: list[PhaseHeading | None]) -> None:
    """Read as the phases the headings over week (or month) headings that count from 1 again under each of them:
    '### M01 - Frontend' over '#### Semana 1-2' and '#### Semana 3', then '### M02 - React' over '#### Semana 1-2'
    ... are Phase 1 (weeks 1-3), Phase 2 (the 4 weeks after), their weeks their parts, as under '## Phase N'
    headings (as phases of their own, the weeks overlap). Every phase heading of the file must be such a week
    heading, under a heading that is none at one level, two or more of them, each with its first week at 1."""
    weeks = [i for i, f in enumerate(found) if f is not None]
    if len(weeks) < 2 or any(f is not None and (f.number is not None or f.first is None) for f in found):
        return
    units = {f.unit for f in found if f is not None}
    if len(units) != 1 or not units <= {"week", "month"}:
        return
    parents: dict[int, list[int]] = {}  # each parent heading's week headings, by index
    open_headings: list[int] = []  # the headings above the one read, outermost first
    for i, (level, _) in enumerate(headings):
        while open_headings and headings[open_headings[-1]][0] >= level:
            open_headings.pop()
        if found[i] is not None:
            parent = open_headings[-1] if open_headings else None
            if parent is None or found[parent] is not None:
                return
            parents.setdefault(parent, []).append(i)
        open_headings.append(i)
    if len(parents) < 2 or len({headings[j][0] for j in parents}) != 1 or _notes_by_week(headings, parents, found):
        return
    for children in parents.values():
        spans = [(f.first, f.last) for i in children if (f := found[i]) is not None]
        if spans[0][0] != 1 or any(b[0] is None or a[1] is None or b[0] <= a[1] for a, b in pairwise(spans)):
            return  # each parent's weeks count from 1, then on
    for number, j in enumerate(parents, 1):
        text = headings[j][1]
        series = read_series_heading(text)  # 'Module 2 - React': titled 'React', as a series' phase is
        title = series[1].title if series is not None and series[1].number == number else _title(text)
        found[j] = PhaseHeading(number, None, None, title or text, "")


def _notes_by_week(
    headings: Sequence[tuple[int, str]], parents: dict[int, list[int]], found: Sequence[PhaseHeading | None]
) -> bool:
    """Whether the week headings under a later heading only name, untitled, weeks the first heading's titled week
    headings give ('## Roadmap' over '### Week 1: Python' … '### Week 3: Similarity', then '## Resources' over '###
    Week 1'): that heading's notes on the plan's weeks, no module of weeks of its own (see `_restarted_weeks`). A
    heading of a series ('## Module 2'), or one that numbers itself as the first does ('## Year 2' after '## Year
    1'), is a module whatever its weeks' titles."""
    (top, first), *later = parents.items()
    numbered_as = _DIGITS.sub("#", headings[top][1]).casefold() if _DIGIT.search(headings[top][1]) else None
    plan = {(f.first, f.last) for i in first if (f := found[i]) is not None and f.title}
    if len(plan) < len(first):  # the plan's weeks are titled
        return False
    return any(
        all((f := found[i]) is not None and not f.title and (f.first, f.last) in plan for i in children)
        and read_series_heading(headings[j][1]) is None
        and _DIGITS.sub("#", headings[j][1]).casefold() != numbered_as
        for j, children in later
    )


def _length_range(text: str) -> tuple[int, int, str] | None:
    """Return the numbers and unit of the range a phase heading gives as its length ('Basics (5-9 weeks)': 5, 9,
    "week"; '기초 (5-9주)', 'Основы (5-9 недель)' alike), or None where it gives one number or none."""
    length = _LENGTH_BRACKETED.search(text := as_english(text)) or _LENGTH_LAST.search(text)
    if length is None or length.group("b") is None:
        return None
    unit = "week" if length.group("week") else "month" if length.group("month") else "day"
    return int(length.group("a")), int(length.group("b")), unit


# A length open at its end ('18+ months', '(12+ weeks)'): from there on.
_OPEN_LENGTH = re.compile(rf"(?P<a>\d{{1,3}})\s*\+\s*{_UNIT}", re.IGNORECASE)


def timeline_weeks(texts: Sequence[str]) -> list[tuple[int, int, str]] | None:
    """Return the weeks, and unit, of ranges written as a timeline from 0 rather than as lengths: the first from 0,
    each of the others from where the one before ends, in one unit ('0-3 months', '3-6 months', '6-12 months' are
    months 1-3, 4-6 and 7-12: weeks 1-12, 13-24, 25-48); a last one open at its end ('12+ months') is the unit after
    the one before ends (month 13). None for any other texts (a heading's brackets or a table's cells, in order)."""
    if len(texts) < 2:
        return None
    spans: list[tuple[int, int, str]] = []
    end, unit = 0, ""
    for k, text in enumerate(texts):
        r = _length_range(text)
        if r is None and k == len(texts) - 1 and k >= 2:  # the last, open: '12+ months'
            open_end = _OPEN_LENGTH.search(as_english(text))
            if open_end is None or int(open_end.group("a")) != end or _unit(open_end) != unit:
                return None
            spans.append((*_weeks(unit, end + 1, end + 1), unit))
            break
        if r is None or r[0] != end or r[1] <= r[0] or (unit and r[2] != unit):
            return None
        end, unit = r[1], r[2]
        spans.append((*_weeks(unit, r[0] + 1, r[1]), unit))
    return spans


def chained_lengths(headings: Sequence[tuple[int, str]], found: list[PhaseHeading | None]) -> set[int]:
    """Read as spans the ranges phase headings give as lengths where they count on from one to the next, from 1:
    '(1-4주)', '(5-9주)', '(10-14주)' (or '(1-4 weeks)', '(5-9 weeks)') are weeks 1-4, 5-9 and 10-14, not phases of
    about 3, 7 and 12 weeks. Every phase heading of the file must give such a range, two or more, in one unit: where
    one gives a length of one number ('(1-2 weeks)', '(3-4 weeks)', '(2 weeks)'), all are lengths, as is a range
    that starts anew ('(1-2 months)', '(2-3 months)'). Returns the indices of the headings read so: as phases that
    give their lengths, a heading without a phase word after them may give its own ('## Capstone (2 weeks)', see
    `spans_after_phases`)."""
    read = [(i, f) for i, f in enumerate(found) if f is not None]
    if len(read) < 2 or any(f.length is None or f.first is not None for _, f in read):  # most files
        return set()
    timeline = timeline_weeks([headings[i][1] for i, _ in read])
    if timeline is not None:  # '(0-3 months)', '(3-6 months)': months 1-3 and 4-6
        for (i, f), (first, last, unit) in zip(read, timeline, strict=True):
            found[i] = PhaseHeading(f.number, first, last, f.title, unit, None, f.id_title)
        return {i for i, _ in read}
    chain: list[tuple[int, PhaseHeading, tuple[int, int, str]]] = []
    end, units = 0, set()
    for i, f in read:
        r = _length_range(headings[i][1])
        if r is None or r[0] != end + 1 or r[1] < r[0]:
            break
        chain.append((i, f, r))
        end = r[1]
        units.add(r[2])
    rest = read[len(chain) :]
    if len(chain) < 2 or len(units) != 1 or rest:
        return set()
    for i, f, (a, b, unit) in chain:
        found[i] = PhaseHeading(f.number, *_weeks(unit, a, b), f.title, unit, None, f.id_title)
    return {i for i, _, _ in chain}


def _previews(headings: Sequence[tuple[int, str]], found: list[PhaseHeading | None]) -> None:
    """Read as no phases the span headings a section outside any phase holds that a later, shallower phase heading
    of their unit spans again: '### Day 2–3' and '### Day 4–5' under '## First Week', before '## Days 1–30: Learn',
    are days of that phase's first week told apart ahead of it, not phases of their own (as phases, each would push
    the plan a week on, and days 1-30 would start in week 3)."""
    spanned = [i for i, f in enumerate(found) if f is not None and f.number is None and f.first is not None]
    if len(spanned) < 2 or len({headings[i][0] for i in spanned}) < 2:  # most files: one level of phase headings
        return
    stack: list[tuple[int, bool]] = []  # the headings open: (level, a phase heading)
    for i, (level, _) in enumerate(headings):
        while stack and stack[-1][0] >= level:
            stack.pop()
        f = found[i]
        if f is not None and f.number is None and f.first is not None and not any(p for _, p in stack):
            later = next((j for j in spanned if j > i and headings[j][0] < level), None)
            spans = found[later] if later is not None else None
            if (
                spans is not None
                and spans.unit == f.unit
                and spans.first is not None
                and spans.last is not None
                and spans.first <= f.first <= (f.last or f.first) <= spans.last
            ):
                found[i] = f = None
        stack.append((level, f is not None))


def spans_after_phases(
    headings: Sequence[tuple[int, str]], found: Sequence[PhaseHeading | None], chained: Collection[int] = ()
) -> dict[int, PhaseHeading]:
    """Return the phases of headings without a phase word at the level of a file's phases, after them, that give
    their weeks after their title ('## 🏁 Capstone (week 12)' after '## Phase 5: Async (Weeks 10-11)' or a series of
    '## Sprint N (2 weeks)'), by index: the plan goes on in them. `found`: the file's phase headings, by index.

    Each such heading must start after the weeks of the phases before it, and comes after the last numbered phase
    (it takes the next number); among week, month or day headings, which number none, it may come between them ('##
    Review (week 4)'), before the weeks of the next. Where the phases give their lengths ('(2 weeks)'), a heading
    that gives its length is one too ('## Final project (1 week)'). A heading of weeks the phases before it take ('##
    Summary (weeks 1-12)') is none, nor one of weeks the next phases take ('## Block 2 (weeks 4-6)' over '## Week
    4'). `chained`: the indices of phases whose lengths were read as spans (`chained_lengths`), which count as
    phases that give their lengths."""
    kinds = [(i, "phase" if f.number is not None else f.unit) for i, f in enumerate(found) if f is not None]
    if not kinds or not any("(" in text or "[" in text for _, text in headings):  # most files
        return {}
    kind = kinds[0][1]
    last_numbered = max((i for i, k in kinds if k == "phase"), default=-1)
    levels = {headings[i][0] for i, _ in kinds}
    if not any(
        found[i] is None and at in levels and ("(" in text or "[" in text)
        for i, (at, text) in enumerate(headings[last_numbered + 1 :], last_numbered + 1)
    ):  # no heading that could go on with the plan: most files
        return {}
    more: dict[int, PhaseHeading] = {}
    end: int | None = 0  # the last week of the phases so far, where they say it
    last_day: int | None = None  # the last day of the phase before, where its heading counts days
    level, number, lengths = None, None, True  # lengths: the phases so far give their lengths only
    for i, (at, text) in enumerate(headings):
        f = found[i]
        if f is None and level == at and ("(" in text or "[" in text) and end is not None and i > last_numbered:
            f = _titled_span(text)
            after = next((found[j] for j, _ in kinds if j > i), None)  # the next phase heading
            days = _bracketed_days(text) if f is not None else None
            if days is not None and last_day is not None and days[0] > last_day and f is not None and f.last:
                # '### Final Project (Days 80–90)' after '### Module 7 (Days 70–79)': days that go on from those
                # before, though they start in the week those end in (days count seven to a week); laid out as
                # days are, from the week after (see `bot.content.parse`)
                f = f._replace(unit="day") if f.last > (end or 0) else None
            elif f is not None and f.first is not None and f.last is not None and f.first <= end:
                f = None  # weeks already planned: a summary's, or a part's said again
            elif f is not None and after is not None and after.first is not None and f.last >= after.first:
                f = None  # weeks the phases after it take: a block that holds them ('## Block 2 (weeks 4-6)')
            elif (
                f is None
                and lengths
                and (box := time_box(text, noted=False)) is not None
                and not text[len(box[0]) :].strip()
            ):
                f = PhaseHeading(None, None, None, box[1], "", box[2])
            if f is not None and kind == "phase":
                f = f._replace(number=(number or 0) + 1)
            elif f is not None and f.unit and kind != "week":
                f = f._replace(unit=kind)  # its weeks as read; a file's phases count in one unit
            if f is not None:
                more[i] = f
        if f is None or (("phase" if f.number is not None else f.unit) != kind and i not in more):
            continue
        level, number = at, f.number
        lengths = lengths and (i in chained or (f.first is None and f.length is not None))
        days = _bracketed_days(text) if f.unit == "day" else None
        last_day = days[1] if days is not None else None
        if f.last is not None:
            end = f.last
        elif end is not None and f.length is not None:
            end += f.length
        else:
            end = None
    return more


def _bracketed_days(text: str) -> tuple[int, int] | None:
    """Return the first and last day a heading's bracketed span of days names ('Module 1: Setup (Days 1–10)'), else
    None (a span of weeks, one day, or no span in brackets)."""
    bracket = _SPANISH.search(text)
    span = _SPAN_AT.match(text, bracket.start()) if bracket is not None else None
    if span is None or _unit(span) != "day" or not span.group("b"):
        return None
    return int(span.group("a")), int(span.group("b"))


# A heading that counts days from the start of a plan, or after the part before it: '30 days: Learn', 'First 30 days',
# 'Next 30 days — Contribute', 'The last 30 days', 'First 2 weeks', 'First month' (see `day_count_phases`). The count
# ends the heading's words or a separator or bracket follows it: '30 Days of Python' names a challenge, no span.
_COUNTED = re.compile(
    rf"(?:the\s+)?(?:(?P<how>first|next|last|final)\s+)?(?P<n>\d{{1,3}}\s*)?(?P<unit>{_DAY_WORDS}|weeks?|months?)"
    r"(?![\w-])\s*[:\-–—|.]*\s*",
    re.IGNORECASE,
)
_COUNTED_FIRST = "ftnl0123456789"  # the first letters (and digits) a counted heading starts with


def _counted(text: str) -> tuple[str, int, str, str] | None:
    """Return how a heading counts its days ('first', 'next', 'last' or '' for '30 days'), their number, their unit
    and the heading's title ('Learn'; the words as written where it has none: 'First 30 days'); else None."""
    lead = _LEAD.match(text)
    start = lead.end() if lead else 0
    if text[start : start + 1].casefold() not in _COUNTED_FIRST:  # most headings
        return None
    found = _COUNTED.match(text, start)
    if found is None or (found.group("n") is None and found.group("how") is None):
        return None
    if text[found.end("unit") :].lstrip()[:1].isalnum():  # '30 Days of Python', '100 Days of Code': a title
        return None
    how = (found.group("how") or "").casefold()
    n = int(found.group("n")) if found.group("n") else 1  # 'First month'
    unit = _unit_of(found.group("unit"))
    title = _title(text[found.end() :])
    if title[:1] == "(" and title[-1:] == ")" and "(" not in title[1:]:  # '30 days (learn)': its title in brackets
        title = title[1:-1].strip()
    return ("last" if how == "final" else how), n, unit, title or text[start:].strip()


def _unit_of(word: str) -> str:
    """Return the unit an English (or other) unit word counts in: "week", "month" or "day"."""
    word = word.casefold()
    return "week" if word.startswith("week") else "month" if word.startswith("month") else "day"


def _in_days(unit: str, n: int) -> int:
    return n * 7 if unit == "week" else n * 30 if unit == "month" else n


def day_count_phases(headings: Sequence[tuple[int, str]]) -> list[PhaseHeading | None] | None:
    """Read an onboarding plan's headings that count its days ('## 30 days: Learn', '## 60 days: Contribute', '## 90
    days: Own'; 'First 30 days', 'Next 30 days', 'Last 30 days') as phases of those days, in weeks as 'Days 1-30',
    'Days 31-60' are: '60 days' after '30 days' is the days up to day 60, 'Next 30 days' the 30 after those before
    it. For a file with no phase heading: those at the outermost level that has two or more of them; None when no
    level has two, or they do not count on ('30 days' after '60 days', 'First 30 days' after another)."""
    counted = [(i, c) for i, (_, text) in enumerate(headings) if (c := _counted(text)) is not None]
    levels = Counter(headings[i][0] for i, _ in counted)
    level = min((lv for lv, n in levels.items() if n >= 2), default=None)
    if level is None:
        return None
    found: list[PhaseHeading | None] = [None] * len(headings)
    end = 0  # the last day of the phases so far
    for i, (how, n, unit, title) in counted:
        if headings[i][0] != level:
            continue
        days = _in_days(unit, n)
        if (how == "first" and end) or (how == "" and days <= end):
            return None  # 'First 30 days' after other phases, '30 days' after 60: no count of one plan
        last = days if how == "" else end + days
        found[i] = PhaseHeading(None, *_weeks("day", end + 1, last), title, "day")
        end = last
    return found


def _first_weeks(headings: Sequence[tuple[int, str]], found: list[PhaseHeading | None]) -> None:
    """Read the heading right before a plan's first phase, at its level, as the phase of the weeks before that one
    where it counts them from the start ('## First 30 days' or '## First month' before '## Month 2', '## Month 3';
    '## 30 days' before '## Days 31-60'): the plan's first weeks, not a section before it."""
    first = next((i for i, f in enumerate(found) if f is not None), None)
    if first is None or first == 0:
        return
    f = found[first]
    if f is None or f.number is not None or f.first is None or f.first <= 1 or f.unit not in _CALENDAR_UNITS:
        return
    level = headings[first][0]
    before = next((j for j in range(first - 1, -1, -1) if headings[j][0] <= level), None)
    if before is None or headings[before][0] != level:
        return
    counted = _counted(headings[before][1])
    if counted is None or counted[0] not in ("", "first"):
        return
    _, n, unit, title = counted
    last = min(_weeks("day", 1, _in_days(unit, n))[1], f.first - 1)
    found[before] = PhaseHeading(None, 1, last, title, f.unit)


def _weeks_then_months(headings: Sequence[tuple[int, str]], found: list[PhaseHeading | None]) -> None:
    """Read week, month and day headings at one level that run forward in weeks as one plan counted in the first
    one's unit: '## Week 1: Meet the team', '## Week 2: First ticket', then '## Second Month: Own a feature' (weeks
    5-8) and '## Third Month: Lead' (weeks 9-12), as a 30-60-90 plan counts its first weeks, then months; '## Month
    1', '## Month 2', then '## Week 9: Capstone'; '## Days 1-7', '## Weeks 2-4', '## Days 31-60'. Each phase keeps
    its weeks; a file counts in one unit, so the headings of the other units would be parts or sections. Headings of
    another unit that go back into weeks already planned ('## Month 1 review' after '## Week 2') leave the file as it
    is; deeper ones are parts of the phase over them."""
    units = {f.unit for f in found if f is not None}
    if len(units) < 2 or not units <= _CALENDAR_UNITS:  # most files count in one unit
        return
    read = [(i, f) for i, f in enumerate(found) if f is not None]
    if len(read) < 3:
        return
    level = headings[read[0][0]][0]
    plan = [(i, f) for i, f in read if headings[i][0] == level]
    if any(headings[i][0] < level for i, _ in read) or len({f.unit for _, f in plan}) < 2:
        return
    if any(f.number is not None or f.first is None or f.last is None for _, f in plan):
        return
    unit = plan[0][1].unit
    for (_, a), (_, b) in pairwise(plan):
        # In a plan of days, days that start in the week the span before ends in ('## Days 61-90' after '## Days
        # 31-60', both in week 9) start the week after it, as `bot.content.parse` lays days out.
        if b.first < a.last or (b.first == a.last and not (unit == b.unit == "day")):  # type: ignore[operator]
            return
    for i, f in plan:
        found[i] = f._replace(unit=unit)


# The units of spans of weeks, months and days: a plan may count in more than one of them ('## Week 2', then '## Second
# Month'), and topics share such spans ('### Week 3: Trees', '### Week 3: Graphs'); quarters and semesters are terms.
_CALENDAR_UNITS = frozenset(("week", "month", "day"))


def _counted_by_slash(headings: Sequence[tuple[int, str]], found: list[PhaseHeading | None]) -> None:
    """Read the spans of headings that share the number after their slash as counts of the weeks ('Week 1/2: Setup',
    'Week 2/2: Ship' are week 1 and week 2, of 2), not as ranges ('Week 10/11: Testing' alone is weeks 10-11)."""
    slashed = [
        (i, pair)
        for i, (_, text) in enumerate(headings)
        if found[i] is not None and "/" in text and (pair := _slash_numbers(text)) is not None
    ]
    if not slashed:  # most files
        return
    lasts = Counter(b for _, (_, b) in slashed)
    for i, (a, b) in slashed:
        f = found[i]
        if lasts[b] < 2 or b != a + 1 or f is None:
            continue
        if f.unit in ("week", "month") and (f.first, f.last) == _weeks(f.unit, a, b):
            found[i] = f._replace(last=_weeks(f.unit, a, None)[1])


def titled_spans(headings: Sequence[tuple[int, str]]) -> list[PhaseHeading | None] | None:
    """Read the headings that give their weeks after their title ('HTML and CSS (weeks 1-3)', 'Foundations — weeks
    1-2') as phases numbered by their order, for a file with no phase heading of another shape: those at the
    outermost level that has two or more of them; None when no level has two. Weeks after a dash count where the
    phases they make run forward, each after the one before ('Day 1 — Week 1', 'Day 2 — Week 1' are days)."""
    bracketed = {i: _titled_span(text) for i, (_, text) in enumerate(headings) if "(" in text or "[" in text}
    dashed = {
        i: found
        for i, (_, text) in enumerate(headings)
        if bracketed.get(i) is None and _DIGIT.search(text) is not None and (found := _dashed_span(text)) is not None
    }
    if dashed:
        found = _outermost_spans(headings, bracketed | dashed)
        ours = [f for f in found or () if f is not None]
        if found is not None and all(a.last is not None and b.first > a.last for a, b in pairwise(ours)):
            return found
    return _outermost_spans(headings, bracketed)


def _outermost_spans(
    headings: Sequence[tuple[int, str]], spanned: dict[int, PhaseHeading | None]
) -> list[PhaseHeading | None] | None:
    """Return the phases of `spanned` (by heading) at the outermost level that has two or more, else None."""
    levels = Counter(headings[i][0] for i, f in spanned.items() if f is not None)
    level = min((lv for lv, n in levels.items() if n >= 2), default=None)
    if level is None:
        return None
    found: list[PhaseHeading | None] = [None] * len(headings)
    for i, f in spanned.items():
        if f is not None and headings[i][0] == level:
            found[i] = f
    return found


# A weekday in a week at each end of a span, as bootcamps write their units' days: 'Wednesday (Week 2) -> Wednesday
# (Week 3)', 'Mon (Week 1) – Fri (Week 1)'
_DAY_NAME = r"(?:(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?![^\W\d_])"
_WEEKDAY_IN_WEEK = rf"{_DAY_NAME}\s*[(\[]\s*(?:{WEEK_WORDS})\.?\s*(?P<{{0}}>\d{{{{1,3}}}})\s*[)\]]"
_WEEKDAYS_SPAN = re.compile(
    rf"{_WEEKDAY_IN_WEEK.format('a')}\s*(?:->|→|⟶|–|—|-|to|through|thru|until|till)\s*{_WEEKDAY_IN_WEEK.format('b')}",
    re.IGNORECASE,
)
# A title that is only a range of weekdays ('Monday - Friday'): when in the week, no topic ('Sun' alone may be one)
_DAYS_OF_WEEK = re.compile(rf"{_DAY_NAME}\s*(?:->|→|⟶|–|—|-|to|through|thru|until|till)\s*{_DAY_NAME}", re.IGNORECASE)


def _titled_span(text: str) -> PhaseHeading | None:
    """Return a heading that gives its weeks after its title ('Back end (weeks 7-12)', 'Capstone (Month 5)') as a
    phase numbered by its order, else None; a length ('Capstone (3 weeks)') is no span.

    A weekday in a week at each end ('Wednesday (Week 2) -> Wednesday (Week 3) - DOM') spans those weeks, titled by
    what follows them; a range of weekdays alone ('Monday - Friday (Week 1)') is no title: the phase is named by its
    week."""
    said: Said = ()
    if _maybe_foreign(text):
        text, said = _in_english(text)
    lead = _LEAD.match(text)
    body = text[lead.end() :] if lead else text
    ranged = _WEEKDAYS_SPAN.match(body) if "(" in body or "[" in body else None
    if ranged is not None and int(ranged.group("a")) <= int(ranged.group("b")):
        title = _title_of((body[ranged.end() :], ""))
        return PhaseHeading(None, int(ranged.group("a")), int(ranged.group("b")), title, "day")
    given = _span_in_title(body)
    if given is None or given[1] is None:
        return None
    _, (first, last), rest = given
    title = _title_of(rest)
    if not title:
        return None
    if _DAYS_OF_WEEK.fullmatch(title) is not None:
        title = ""  # 'Monday - Friday (Week 1)': when in the week, named by the week
    if " :" in title:  # 'Ch. 8 (weeks 9–10): Exceptional Control Flow' is 'Ch. 8: Exceptional Control Flow'
        title = title.replace(" :", ":", 1)
    # Days ('Core (Days 8–15)') share a week at a boundary that is no week's end: a phase counted in days moves on
    # from the one before it (see `_plan_weeks`), as one counted in weeks does not.
    bracket = _SPANISH.search(body)
    span = _SPAN_AT.match(body, bracket.start()) if bracket is not None else None
    unit = "day" if span is not None and _unit(span) == "day" else "week"
    return PhaseHeading(None, first, last, _as_written(title, said) if said else title, unit)


# A heading's span after its title and a dash or a colon: 'Foundations — weeks 1-2', 'Buffer — week 15', 'Capstone:
# month 5'.
_DASHED_SPAN = re.compile(rf"(?:\s[-–—|]|[:：])\s*{_SPAN}$", re.IGNORECASE)  # searched in text without trailing blanks


def _dashed_span(text: str) -> PhaseHeading | None:
    """Return a heading that gives its weeks or months after its title and a dash ('Foundations — weeks 1-2',
    'Ch. 1–2 — weeks 1-2', 'Buffer: week 15') as a phase numbered by its order, as `_titled_span` reads one that
    gives them in brackets, else None."""
    text = text.rstrip()
    span = _DASHED_SPAN.search(text)
    if span is None or span.group("day") or not span.group().rstrip().endswith(tuple("0123456789")):
        return None
    title = _title(text[: span.start()])
    if not title or read_phase_heading(title) is not None:
        return None
    a, b = int(span.group("a")), int(span.group("b") or span.group("a"))
    return PhaseHeading(None, *_weeks(_unit(span), a, b), title, "week")


def read_titled_item(text: str, number: int | None) -> PhaseHeading | None:
    """Return the phase a list item gives by its title and weeks, with no phase word, as its heading would: a
    numbered item ('1. **Foundations (Weeks 1-4)**', `number` 1) as `_numbered` reads '## 1. Foundations (Weeks
    1-4)' (Phase 1), a bullet ('- **Foundations (Weeks 1-4)**', `number` None) as `titled_spans` reads '##
    Foundations (Weeks 1-4)' (numbered by its place); None for an item that gives no weeks after its title, or a
    length alone ('2. Functions (1 week)': the parts of something). Such items are phases only where they are a
    file's plan (see `bot.content.parse`). A bullet numbered in its own text ('- **1. Foundations (Weeks 1-4)**')
    is numbered so."""
    if number is None and (outline := _OUTLINE.match(text)) is not None:
        number, text = int(outline.group("n")), text[outline.end() :]
    found = _titled_span(text)
    return found if found is None or number is None else found._replace(number=number)


# A span that ends a bullet after a separator: 'Linear regression — week 10', 'Trees: weeks 12-13'.
_SPAN_LAST = re.compile(rf"\s[-–—:|]\s*{_SPAN}$", re.IGNORECASE)  # searched in text without trailing blanks


def item_weeks(text: str) -> tuple[int, int] | None:
    """Return the weeks a bullet gives after its words, in brackets ('NumPy arrays (weeks 2-3)', 'Maths (Month 2)')
    or at its end after a separator ('Linear regression — week 10'); None for any other bullet (most: no digit)."""
    if _DIGIT.search(text) is None:
        return None
    found = _titled_span(text)
    if found is not None and found.first is not None and found.last is not None:
        return found.first, found.last
    last = _SPAN_LAST.search(text.rstrip())
    if last is None or _unit(last) == "day" or not _title(text[: last.start()]):
        return None
    return _weeks(_unit(last), int(last.group("a")), int(last.group("b")) if last.group("b") else None)


def outline_heading(text: str) -> tuple[int, str] | None:
    """Return the number and title of a heading numbered as an outline's section ('1. Fundamentals', '3) Wrangling',
    '1️⃣ Foundations'), else None."""
    text = _as_numbered(text)
    lead = _LEAD.match(text)
    outline = _OUTLINE.match(text, lead.end() if lead else 0)
    if outline is None:
        return None
    title = _title(text[outline.end() :])
    return (int(outline.group("n")), title) if title else None


# The label of a line under a heading that gives how long its section takes ('**Duration:** 2 weeks', 'Estimated
# time: 3 weeks', '**Duração:** Semanas 8 até 10'), in the languages phase headings are read in.
_DURATION_LABEL = re.compile(
    r"(?:(?:estimated|est\.?|expected|approx(?:imate)?\.?|total)\s+)?"
    r"(?:duration|time(?:\s*(?:frame|line|estimate|needed|required|commitment|to\s+complete|box))?|length|schedule"
    r"|when|effort)"
    r"|(?:gesch[äa]tzte\s+)?(?:dauer|zeit(?:raum|aufwand|rahmen|plan)?)"
    r"|duraci[oó]n(?:\s+estimada)?|tiempo(?:\s+estimado)?|plazo"
    r"|dur[ée]e(?:\s+estim[ée]e)?|temps(?:\s+estim[ée])?"
    r"|durata(?:\s+stimata)?|tempo(?:\s+(?:stimato|estimado|previsto))?|dura[çc][ãa]o(?:\s+estimada)?|prazo"
    # a Brazilian or Spanish course's load, 'Carga horária: 1 mês (30h)': its months, its hours in brackets
    r"|carga\s+hor[áa]ria"
    r"|длительность|продолжительность|срок|время|тривалість|термін"
    r"|(?:ال)?مدة(?:\s+الزمنية)?"
    # '预计周期' (expected period), '建议时长' (suggested length), '所需时间' (time needed), '耗时' (time taken), '工期'
    r"|(?:预计|預計|预估|建议|建議|学习|學習|所需|计划|計劃|参考|參考)?(?:时长|時長|时间|時間|周期|週期|用时|用時)"
    r"|耗时|耗時|工期|期間|所要時間|目安|기간|소요\s*기간|예상\s*기간"
    r"|(?:tahmini\s+)?s[üu]re|czas(?:\s+trwania)?|durasi|waktu|th[ờo]i\s+gian|(?:tijds)?duur|looptijd"
    r"|अवधि|समय(?:\s*सीमा)?",
    re.IGNORECASE,
)
_DURATION_UNIT = re.compile(_UNIT_WORDS, re.IGNORECASE)  # '**Weeks:** 5-8': the unit is the label
_DURATION_NUMBERS = re.compile(rf"\d{{1,3}}(?:{_RANGE_SEP}\d{{1,3}})?", re.IGNORECASE)
_LENGTH_ALONE = re.compile(rf"{_LENGTH}", re.IGNORECASE)
_DURATION_SPLIT = re.compile(r"\s*[:：]\s*")
_DURATION_DASH = re.compile(r"\s+[-–—]\s+")
_BRACKET_NOTE = re.compile(r"\s*[(（][^()（）]*[)）]$")  # a note in brackets that ends a text
_DURATION_EDGES = _EDGES + "()[]*_"
_DIGITS = re.compile(r"\d{1,3}")


# Labels of a period ('周期', a cycle): one number after them is its length in weeks ('周期：4', as '(4 weeks)' after a
# phase's title is), where a range is its weeks ('周期：5-8', as the column's cells: see `_OTHER_WEEK_COLUMNS`).
_PERIOD_LABELS = {"周期": "{n}周"}


def read_duration(text: str, labelled_only: bool = False) -> str | None:
    """Return the span or length a line under a heading gives its section, as it is written after a phase's title
    ('Semanas 8 até 10', '2 weeks', 'Weeks 5-8'), else None.

    A line gives one with a duration label ('Duration: 2 weeks', '**Duração:** Semanas 8 até 10', 'Estimated time:
    3 weeks', '**Weeks:** 5-8'), or as its only words: a length ('⏱️ 2-3 weeks') or a span in brackets ('(Weeks
    5-8)'); a span alone without brackets ('Week 1') is a part's heading, and `labelled_only` (list items) takes
    none of these."""
    if len(text) > 80 or _DIGIT.search(text) is None:  # most lines
        return None
    lead = _LEAD.match(text)
    body = text[lead.end() :] if lead else text
    parts = _DURATION_SPLIT.split(body, maxsplit=1)
    if len(parts) == 1 and " " in body:
        # 'Duration — 2 weeks': a dash after a duration label as its colon ('2 - 3 weeks' is a length alone)
        dashed = _DURATION_DASH.split(body, maxsplit=1)
        if len(dashed) == 2 and _DURATION_LABEL.fullmatch(dashed[0].strip(_DURATION_EDGES)) is not None:
            parts = dashed
    if len(parts) == 2:
        label, value = parts[0].strip(_DURATION_EDGES), parts[1].strip(_DURATION_EDGES)
        if _DURATION_NUMBERS.fullmatch(value) is not None:
            if _DURATION_UNIT.fullmatch(label) is not None:
                return f"{label} {value}"
            period = _PERIOD_LABELS.get(label.casefold()) if value.isdigit() else None
            if period is not None:
                return period.format(n=value)
            other = _OTHER_COLUMN_UNITS.get(label.casefold())  # '주차: 1-4', '周次：3': as their tables' cells
            if other is not None:
                return other[0].format(n=value)
        if _DURATION_LABEL.fullmatch(label) is None:
            return None
        if _span_or_length(value):
            return value
        # 'Duration: 2 weeks (10 h/week)': a note in brackets after the length, how the weeks are spent
        written = parts[1].rstrip(" *_")
        noted = _BRACKET_NOTE.search(written) if written.endswith((")", "）")) else None
        length = written[: noted.start()].strip(_DURATION_EDGES) if noted is not None else ""
        return length if length and _span_or_length(length) else None
    if labelled_only:
        return None
    value = body.strip(_DURATION_EDGES)
    if _LENGTH_ALONE.fullmatch(as_english(value)) is not None:
        return value
    bracketed = lead is not None and lead.group()[-1:] in ("(", "[")
    bracketed = bracketed and _SPAN_AT.fullmatch(as_english(value)) is not None
    return value if bracketed else None


_CLOCK_LEAD = re.compile(rf"\s*{_CLOCK}\s*")
_OTHER_FACTS = re.compile(r"\s+[|·•]\s+")  # '📅 Weeks 1–4 | ⏱️ 10 h/week': the facts after the span


def read_span_line(md: str, text: str) -> str | None:
    """Return the span a line under a heading gives its section where the line sets it apart as a note: in italics
    ('*Weeks 1-4*') or after a calendar or a clock ('📅 Weeks 1–4'), perhaps with other facts after a bar or a dot
    ('🗓️ Weeks 5-8 | ⏱️ 10 h/week'); else None. A span in plain or bold words ('Week 1', '**Weeks 1-2**') heads a
    part (see `read_duration`)."""
    if len(text) > 80 or _DIGIT.search(text) is None:
        return None
    md = md.strip()
    italic = len(md) > 2 and md[0] in "*_" and md[-1] == md[0] and md[1] != md[0]
    clock = _CLOCK_LEAD.match(text)
    if not italic and clock is None:
        return _bold_span_and_hours(md, text)
    first = _OTHER_FACTS.split(text[clock.end() :] if clock else text, maxsplit=1)[0].strip(_DURATION_EDGES)
    return first if _SPAN_AT.fullmatch(as_english(first)) is not None else None


# The hours a week or a day of a span take, as a fact after it ('10 h/week', '~8 hrs per week', '2 hours a day').
_HOURS_A_WEEK = re.compile(
    r"[~≈]?\s*\d{1,3}(?:[.,]\d)?(?:\s*[-–]\s*\d{1,3})?\+?\s*(?:h|hrs?|hours?)\.?"
    r"(?:\s*(?:/|per\s|an?\s)\s*(?:weeks?|wk|w|days?|d))?",
    re.IGNORECASE,
)


def _bold_span_and_hours(md: str, text: str) -> str | None:
    """Return the span of a bold line that gives it with the hours it takes after a bar or a dot ('**Weeks 1-4 · 10
    h/week**'), else None: facts of its section, as in italics; a bold span alone ('**Weeks 1-2**') heads a part."""
    if not (md.startswith("**") and md.endswith("**") and len(md) > 4 and "**" not in md[2:-2]):
        return None
    parts = _OTHER_FACTS.split(text.strip(), maxsplit=1)
    if len(parts) != 2 or _HOURS_A_WEEK.fullmatch(parts[1].strip(_DURATION_EDGES)) is None:
        return None
    first = parts[0].strip(_DURATION_EDGES)
    return first if _SPAN_AT.fullmatch(as_english(first)) is not None else None


def period_range(text: str) -> tuple[int, int] | None:
    """Return the bare range a line under a heading gives after a period label ('周期：2-3'), else None: the weeks
    the section runs where the ranges of a file's sections run on from week 1 ('周期：1-4', '周期：5-8'), else its
    length in weeks (see `period_lengths`)."""
    if "周期" not in text:  # the only period label
        return None
    lead = _LEAD.match(text)
    parts = _DURATION_SPLIT.split(text[lead.end() :] if lead else text, maxsplit=1)
    if len(parts) != 2 or _PERIOD_LABELS.get(parts[0].strip(_DURATION_EDGES).casefold()) is None:
        return None
    value = parts[1].strip(_DURATION_EDGES)
    if value.isdigit() or _DURATION_NUMBERS.fullmatch(value) is None:  # one number: a length (see `read_duration`)
        return None
    first, last = _DIGITS.findall(value)
    return int(first), int(last)


def period_lengths(ranges: Sequence[tuple[int, int]]) -> bool:
    """Return True when the ranges a file's sections give after a period label, in order, are their lengths ('周期：
    2-3' then '周期：3-4': two to three weeks, then three to four), not their weeks: they do not start at week 0 or
    1, or one does not start after the one before it ends. Three or more that each start the week after the one
    before ends ('周期：5-8', '周期：9-12', '周期：13-16') are weeks wherever they start: lengths do not run on so."""
    if len(ranges) >= 3 and all(b[0] == a[1] + 1 and b[0] <= b[1] for a, b in pairwise(ranges)):
        return False
    if not ranges or ranges[0][0] > 1:
        return True
    return any(b[0] <= a[1] or b[1] < b[0] for a, b in pairwise(ranges))


def without_span(heading: str, title: str) -> str:
    """Return a phase heading without the span, length or time box written after its phase's `title` ('Stage III.
    Cloud Fundamentals — 3 weeks' is 'Stage III. Cloud Fundamentals', 'Phase 2: SQL (Weeks 5-8)' and 'Phase 2: SQL
    [4w]' 'Phase 2: SQL'); a
    heading that names its phase by its span ('Week 6: Portfolio'), or says more after it, as it is."""
    at = heading.rfind(title) if title else -1
    if at < 0:
        return heading
    end = at + len(title)
    rest = heading[end:]
    if not rest.isascii():  # full-width brackets as ASCII ones: '机器学习（第9至13周）'
        rest = rest.translate(_FULL_WIDTH)
    boxed = _LENGTH_BRACKETED.fullmatch(rest.strip()) is not None  # a time box: '[2w]', '(3d)'
    if not rest.strip() or (read_duration(rest) is None and not boxed):
        return heading
    return heading[:end]


# A duration labelled in brackets after a phase's title: '(Duration: 6 months)', '[Time: Ongoing]'.
_BRACKET_DURATION = re.compile(
    rf"[(\[]\s*(?:{_DURATION_LABEL.pattern})\s*[:：]\s*(?P<value>[^()\[\]:\s][^()\[\]:]{{0,39}}?)\s*[)\]]",
    re.IGNORECASE,
)


def _without_duration_label(text: str) -> str:
    """Return a heading with the label of a duration in its brackets left out: 'Phase 1: Data (Duration: 6 months)'
    reads as 'Phase 1: Data (6 months)', a length; a duration of no weeks in a word ('(Duration: Ongoing)') is left
    out. A note of more words ('(Time: 10 hrs/week)', '(When: after the bootcamp)') stays as written."""
    found = _BRACKET_DURATION.search(text)
    if found is None:
        return text
    value = found.group("value")
    if _span_or_length(value):
        kept = f" ({value})"
    elif " " in value:
        return text
    else:
        kept = ""
    return f"{text[: found.start()].rstrip()}{kept}{text[found.end() :]}"


def length_alone(text: str) -> int | None:
    """Return the weeks a text that is a length alone takes ('4 weeks', '2-3 weeks' the mean, '1 month', '10 days'),
    as a length after a phase's title does; None for any other text."""
    if _DIGIT.search(text) is None:
        return None
    found = _LENGTH_ALONE.fullmatch(as_english(text.strip(_DURATION_EDGES)))
    return _length_weeks(found) if found is not None else None


def _span_or_length(value: str) -> bool:
    """Return True when `value` is a span ('Weeks 5-8') or a length ('2-3 weeks'), and nothing else."""
    english = as_english(value)
    return _SPAN_AT.fullmatch(english) is not None or _LENGTH_ALONE.fullmatch(english) is not None


def _questions(headings: Sequence[tuple[int, str]]) -> bool:
    """Return True when a file's 'Q' headings number questions: one asks ('Q2: Why Go?') or counts past Q4."""
    for _, text in headings:
        lead = _LEAD.match(text)
        numbered = _Q_NUMBERED.match(text, lead.end() if lead else 0)
        if numbered is not None and (int(numbered.group("n")) > 4 or text.rstrip().endswith("?")):
            return True
    return False


# A line that opens with the span its section runs, alone or before what else it says of it ('*Days 1–10 · lead:
# Priya*', 'Weeks 9–12 | 3 teams'): when, not what for.
_SPAN_LINE = re.compile(rf"{_SPAN}[*_\s]*(?:[·|•]|$)", re.IGNORECASE)


def span_line(text: str) -> bool:
    """Return True for a line that opens with a span, alone or before a '·' or '|' ('Days 1–10 · lead: Priya'): it
    says when its section runs, no aim of it."""
    if _DIGIT.search(text) is None:  # most lines
        return False
    lead = _LEAD.match(text)
    return _SPAN_LINE.match(text, lead.end() if lead else 0) is not None


# A calendar date in digits that opens a line before a separator ('9/5 – Platforms and People', '15.04: Intro',
# '2024-09-05 - Kick-off'): month and day either way round, a year perhaps; '3/4 of the unit' is a fraction, no date.
_NUMERIC_DATE_FIRST = re.compile(
    r"(?:\d{4}-\d{1,2}-\d{1,2}|(?:[1-9]|[012]\d|3[01])[/.](?:[1-9]|[012]\d|3[01])(?:[/.](?:\d{4}|\d{2}))?\.?)"
    r"\s*[-–—:|]\s*\S"
)


def dated_line(text: str) -> bool:
    """Return True for a line that opens with a calendar date and a separator ('9/5 – Platforms and People', 'Oct 1 –
    Topic modeling'): the entry of one day of a schedule, a class or a session, no aim of the part it is under."""
    if _DIGIT.search(text) is None:  # most lines
        return False
    start = _LEAD.match(text).end()  # type: ignore[union-attr]  # '*' always matches
    if _NUMERIC_DATE_FIRST.match(text, start) is not None:
        return True
    return _DATES_FIRST.match(text, start) is not None


def is_day_heading(text: str) -> bool:
    """Return True for the heading of one day ('Day 3 - Operators'), which is a section, not a phase."""
    if _maybe_foreign(text):
        text = _in_english(text)[0]
    lead = _LEAD.match(text)
    span = _SPAN_START.match(text, lead.end() if lead else 0)
    return span is not None and _unit(span) == "day" and not span.group("b")


# Where a heading or item that names its day may open, after its marks, unless Chinese, Japanese, Korean, Cyrillic
# or Arabic words say it: a day word's first letter (English, German, Spanish, French, Italian; Turkish 'Gün',
# Polish 'Dzień', Indonesian 'Hari', Vietnamese 'Ngày', Dutch 'Dagen') or a number (Turkish '3. Gün').
_DAY_WORD_FIRST = re.compile(r"(?:[\W_]|\d\ufe0f?\u20e3)*(?:[dtjghn]|\d)", re.IGNORECASE)


def heading_day(text: str) -> int | None:
    """Return the day a day's heading is for ('📔 Day 1', '💻 Day 1: Exercises' are both day 1), else None."""
    text = keycap_numbers(text)
    if (text.isascii() or _FOREIGN.search(text) is None) and (
        _DIGIT.search(text) is None or _DAY_WORD_FIRST.match(text) is None
    ):  # most items, and this is asked of every one: no day at their start
        return None
    if _maybe_foreign(text):
        text = _in_english(text)[0]
    lead = _LEAD.match(text)
    span = _SPAN_START.match(text, lead.end() if lead else 0)
    return int(span.group("a")) if span is not None and _unit(span) == "day" and not span.group("b") else None


# A heading that names its day after its topic and a bar or dash ('Soldering basics | Day 1', 'Relays — Day 12')
_DAY_LAST = re.compile(rf"\s[|–—-]\s*(?:{_DAY_WORDS})\s*(?P<day>\d{{1,3}})\s*$", re.IGNORECASE)


def day_named_last(text: str) -> tuple[str, int] | None:
    """Return the topic and the day of a heading that names its day after its topic ('Soldering basics | Day 1' is
    ('Soldering basics', 1)), else None."""
    found = _DAY_LAST.search(text) if "|" in text or "-" in text or "–" in text or "—" in text else None
    return (text[: found.start()].strip(), int(found.group("day"))) if found is not None else None


def day_after_topic(text: str) -> int | None:
    """Return the day a heading names after its topic ('Soldering basics | Day 1' is day 1), else None."""
    found = day_named_last(text)
    return found[1] if found is not None else None


def _unit(span: re.Match[str]) -> str:
    """Return the unit a span counts in, whatever language its word is in: "week", "month" or "day"."""
    return "week" if span.group("week") else "month" if span.group("month") else "day"


def phase_hint(text: str) -> str | None:
    """Return a hint for a heading that starts like a phase but is not read as one, else None."""
    lead = _LEAD.match(text)
    body = text[lead.end() :] if lead else text
    word = _PHASE_WORD.match(body)
    if word is None:
        return _misspelt(body)
    rest = body[word.end() :].strip()
    if rest[:1] == "-" and body[word.end() + 1 : word.end() + 2].isalpha():
        return None  # a word of its own that a hyphen joins to another: 'Week-by-week checklist', 'Phase-out plan'
    if not rest or not rest[0].isalpha():  # 'Week: Intro', 'Phase ?: Testing', 'Weeks ? - ?: UI'
        said = word.group().casefold()
        if said not in _HINT_FORMS:  # a phase word
            return f"a phase heading needs a number: {_PHASE_HINTS.get(said, _ENGLISH_PHASE_HINT)}"
        kind, one, many = _HINT_FORMS[said]
        if _NUMBER_SUFFIXED.match(rest) is not None:  # "Week 1's recap", 'Hafta 1’de': a sentence's words
            return None
        if (span := _SPAN_START.match(body)) is not None and _asked(body, span):  # 'Week 3 what comes next?'
            return None
        if rest[:1].isdigit():  # 'Week 1/2/2024: Setup': a number, but none read as a span
            written = f"{body[: word.end()]} {rest.split()[0].rstrip(_EDGES)}"
            return f"its {kind}s '{written}' are not read: write '{one} 3: Title' or '{many} 3-4: Title'"
        return f"a {kind} heading needs a number: '{one} 3: Title' or '{many} 3-4: Title'"
    return None


# A word, a number and a span after them, as a phase heading writes them: the word may be a phase word misspelt.
_WORD_AND_NUMBER = re.compile(r"([^\W\d_]{4,9})\s*(\d{1,3})(?!\d)")
_SPELT = ("Phase", "Stage", "Week", "Weeks", "Month", "Months")
_SPELT_FOLDED = [word.casefold() for word in _SPELT]
MISSPELT = 75  # fuzz.ratio of a heading's first word to a phase word that makes it a misspelling ('Stgae' 80)


class Misspelt(NamedTuple):
    """A phase heading whose phase word is misspelt: the word as written, the word meant, the number after it, and
    the heading with the word spelt right."""

    said: str
    meant: str
    number: str
    respelt: str


def misspelt(text: str) -> Misspelt | None:
    """Read a heading whose phase word is misspelt ('Stgae 4: Docker (Weeks 8-10)'), else return None; a word and
    number with no span after them ('Stake 4: Holders') is no phase heading."""
    if _DIGIT.search(text) is None:  # most headings: no number, no phase
        return None
    lead = _LEAD.match(text)
    start = lead.end() if lead else 0
    found = _WORD_AND_NUMBER.match(text, start)
    if found is None or _span_search(text, found.end()) is None:
        return None
    from rapidfuzz import fuzz, process  # here: only a heading like this one needs it

    said = found.group(1)
    best = process.extractOne(said.casefold(), _SPELT_FOLDED, scorer=fuzz.ratio, score_cutoff=MISSPELT)
    if best is None or best[0] == said.casefold():
        return None
    meant = _SPELT[best[2]]
    return Misspelt(said, meant, found.group(2), f"{text[: found.start(1)]}{meant}{text[found.end(1) :]}")


def _misspelt(body: str) -> str | None:
    """Return a hint for a phase heading whose phase word is misspelt, else None (see `misspelt`)."""
    found = misspelt(body)
    if found is None:
        return None
    return f"'{found.said}' reads like '{found.meant}': write '{found.meant} {found.number}' to make it a phase"


def respell_phases(headings: Sequence[tuple[int, str]], found: list[PhaseHeading | None]) -> dict[int, Misspelt]:
    """Read the headings whose phase word is misspelt as the phases they were meant to be, where the plan has a place
    for them; return them by their index in `headings` (`found`, what `read_phase_headings` gave, is updated).

    A place: the file has phase headings counting as this one does ('Stgae 3' among 'Phase 2' and 'Phase 4'), at its
    heading level, none of them with its number. A heading that fits no such place keeps its hint (`phase_hint`)."""
    read = [(level, f) for (level, _), f in zip(headings, found, strict=True) if f is not None]
    if not read:
        return {}
    levels = {level for level, _ in read}
    kind = "phase" if read[0][1].number is not None else read[0][1].unit
    numbers = {f.number for _, f in read}
    respelt: dict[int, Misspelt] = {}
    for i, ((level, text), f) in enumerate(zip(headings, found, strict=True)):
        if f is not None or level not in levels:
            continue
        typo = misspelt(text)
        meant = read_phase_heading(typo.respelt) if typo is not None else None
        if typo is None or meant is None:
            continue
        if ("phase" if meant.number is not None else meant.unit) != kind or (
            meant.number is not None and meant.number in numbers
        ):
            continue
        found[i] = meant
        numbers.add(meant.number)
        respelt[i] = typo
    return respelt


def _span_in_title(title: str) -> tuple[str, tuple[int, int] | None, tuple[str, str]] | None:
    """Return a '(Weeks ...)' that a phase's title still holds, after the span the phase was read from: as written,
    the weeks it names (None when it names none: '(Weeks ?)'), and the title without it (as `_without` gives it);
    None when the title holds none."""
    bracket = _SPANISH.search(title)
    if bracket is None:
        return None
    span = _SPAN_AT.match(title, bracket.start())
    if span is None:
        return bracket.group(), None, (title, "")
    a, b = int(span.group("a")), int(span.group("b")) if span.group("b") else None
    rest, b = _span_and_rest(title, span, b)
    return bracket.group(), _weeks(_unit(span), a, b), rest


def unreadable_span(text: str, found: PhaseHeading) -> str | None:
    """Return why a phase heading (its clean text, and what `read_phase_heading` read in it) is not read as that
    phase, when its title still holds a '(Weeks ...)': one that is no span ('(Weeks ?)'), or a second span naming
    other weeks than the first ('Week 2: CSS (Week 3)'; one naming the same weeks is read: see
    `read_phase_heading`); else None. A heading in Chinese, Japanese, Korean or Russian is read in the English
    words `_in_english` gives it, and its spans are quoted as written ('第3周：Git（第4周）')."""
    title, said = found.title, ()
    if text.isascii() and "(" not in title and "[" not in title:
        return None  # no second span: most phase headings
    if _maybe_foreign(text):
        text, said = _in_english(text)
        title = _in_english(title)[0]  # the title as read, before `_as_written` gave its words back
    again = _span_in_title(title)
    if again is None:
        return None
    second, weeks, _ = again
    if weeks is None or found.first is None:
        return "its week span is not readable; write it as '(Weeks 5-8)' or '(Week 3)'"
    first = _first_span(text, text.rfind(second))
    return f"it gives two spans, '{_as_written(first, said)}' and '{_as_written(second, said)}'; keep one"


# What may be the rest of a range its words were not read as, after a span in its brackets: a word that starts one
# ('(Weeks 1 to be decided)'), or short words and a number ('(week 1 t/m 4)', '(Week 3 thru 5)').
_CUT_SHORT = re.compile(
    r"(?:to|until|till|through|thru)\b.*|[^\W\d_]{1,4}(?:/[^\W\d_]{1,4})?\.?(?:\s+[^\W\d_]{1,4}){0,2}\s*\d{1,4}",
    re.IGNORECASE,
)


_WORDED_BRACKETS = re.compile(r"[(\[][^()\[\]]*?\d[^()\[\]]*?[^\W\d_]")  # brackets with a letter after a number in them


def cut_short(text: str) -> str | None:
    """Return the words after a phase heading's span, in its brackets, that may be the rest of a range it was not
    read as ('t/m 4' in 'Fase 1: Basis (week 1 t/m 4)' if 't/m' were not read), else None."""
    # Most phase headings: no brackets, or no words after a number in them ('(Weeks 1-4)')
    if ("(" not in text and "[" not in text) or _WORDED_BRACKETS.search(text) is None:
        return None
    english = as_english(text)
    span = _span_search(english)
    if span is None:
        return None
    matched = span.group().strip()
    close = _BRACKETS.get(matched[:1])
    if close is None or matched.endswith(close) or (end := english.find(close, span.end())) < 0:
        return None
    inner = english[span.end() : end].strip()
    if _OF_ALL.fullmatch(inner) is not None:  # '(week 3 of 12)': how many there are in all
        return None
    return inner if _CUT_SHORT.fullmatch(inner) is not None else None


def respan(text: str, weeks: tuple[int, int], first: int, last: int) -> str | None:
    """Return the week span of a phase heading (its clean text) that reads as `weeks`, written for weeks `first` to
    `last` instead, in its words and brackets: for weeks 1-2, 'Phase 1: Basics (Week 1)' gives '(Weeks 1-2)' and
    'Semana 1: HTML' 'Semanas 1-2'. None for a heading whose weeks are no week span of its own (months, dates, a
    length, planned weeks) or in words `_span_search` does not read (Chinese, Russian, ...). A heading that gives
    its weeks after its title reads so too ('HTML (weeks 1-2)'). A message says with it how to change the heading
    (`bot.content.parse`)."""
    span = _span_search(text)
    if span is None or not span.group("week"):
        return None
    a = int(span.group("a"))
    _, b = _span_and_rest(text, span, int(span.group("b")) if span.group("b") else None)
    if (a, a if b is None else b) != weeks:  # the phase's weeks are not this span's ('Month 1 (Weeks 1-4)')
        return None
    word = span.group("week")
    kind, one, many = _HINT_FORMS.get(word.casefold(), ("week", "Week", "Weeks"))
    said = (one if first == last else many) if kind == "week" else ("Week" if first == last else "Weeks")
    if word.islower():  # as the heading writes it: 'weeks 1-2', 'WEEKS 1-2', 'Weeks 1-2'
        said = said.lower()
    elif word.isupper() and len(word) > 1:
        said = said.upper()
    numbers = str(first) if first == last else f"{first}-{last}"
    opened = span.group().lstrip()[:1]
    close = _BRACKETS.get(opened)
    return f"{opened}{said} {numbers}{close}" if close is not None else f"{said} {numbers}"


def heading_span(text: str) -> str | None:
    """Return the span a phase heading names its phase by, as written, for a phase it gives no title ('## Q1' is
    'Q1', '## Month 2' 'Month 2', '## Semanas 2 a 3' 'Semanas 2 a 3', '## 第3周' '第3周', '## Phase 2 (Weeks 5-8)'
    'Weeks 5-8'), with the dates that are all its heading says besides ('## Week 1: Jan 8 – Jan 14' is 'Week 1 (Jan 8
    – Jan 14)'); None when it names none ('## Phase 2')."""
    worded = _WORDED_UNIT.match(text) if " " in text[:12] else None
    if worded is not None and _worded_number(text) != text:  # 'Semana Uno', as written
        return text[len(worded.group("lead")) : worded.end()]
    said: Said = ()
    text = _ordinal_first(text)  # '2º Mês' is named 'Mês 2'
    if _maybe_foreign(text):
        text, said = _in_english(text)
    if "（" in text or "【" in text:  # 'Week 1（2026-06-23 ~ 2026-06-27）': its dates in full-width brackets
        text = text.translate(_FULL_WIDTH)
    lead = _LEAD.match(text)
    start = lead.end() if lead else 0
    if (english := _WORDED_SPAN.match(text, start)) is not None:  # 'Month Two', 'Week IV', as written
        return english.group()
    quarter = _QUARTER.match(text, start) or _SEMESTER.match(text, start)
    slashed = _slashed(text[start:]) if "/" in text else None
    if quarter is not None:  # 'Q1', 'Semester 2'
        words = quarter.group()
    elif slashed is not None:  # 'Week 10/11'
        words = slashed[0].group().strip(" ()[]")
    elif _span_search(text, start) is not None:
        written = _first_span(text, len(text))
        words = written.strip(" ()[]")
        at = text.find(written)
        dates = text[at + len(written) :].strip(_EDGES + "()[]") if at >= 0 else ""
        if dates and (only_dates(dates) or due_dates(dates)):  # 'Week 1 (Jan 8 – Jan 14)', 'Week 1 (due Jan 6)'
            words = f"{words} ({dates})"
    else:
        return None
    if (one := _RANGE_OF_ONE.fullmatch(words)) is not None:  # 'Days 22-22', a week of one day: 'Day 22'
        words = f"{one.group('unit')} {one.group('n')}"
    return _as_written(words, said) if said else words


# A range that starts and ends on the same number ('Days 22-22'): the one, named in the singular ('Day 22')
_RANGE_OF_ONE = re.compile(r"(?P<unit>[^\W\d_]+?)s?\s*(?P<n>\d{1,4})\s*[-–—]\s*(?P=n)")


def _first_span(text: str, end: int) -> str:
    """Return the span a phase heading was read from, as written before `end`: 'Week 2', '(Weeks 5-6, 7-8)',
    'Q1'."""
    first = _span_search(text, 0, end)
    if first is None:
        lead = _LEAD.match(text)
        quarter = _QUARTER.match(text, lead.end() if lead else 0)
        return quarter.group() if quarter else text[:end].strip(_EDGES)
    said = first.group().strip()
    close = _BRACKETS.get(said[:1])
    if close is not None and not said.endswith(close):  # a span in pieces: '(Weeks 5-6, 7-8)'
        shut = text.find(close, first.end(), end)
        said = text[first.start() : shut + 1] if shut >= 0 else said
    return said


_TABLE_SPAN = re.compile(rf"(?:{_UNIT_WORDS}\.?\s*)?\d{{1,3}}(?:{_RANGE_SEP}\d{{1,3}})?", re.IGNORECASE)
# The header of a column that counts weeks or months, as handbooks and trackers write it: the unit alone ('Week',
# 'Weeks', 'Monat'), with a number sign or word after it ('Week #', 'Week No.', 'Week no', 'Week number', 'Semana nº',
# 'Woche Nr.', 'Week(s)', 'Wk.') or before it ('# Week', 'No. Semaine'), or after a word that says which weeks they
# are ('Teaching week', 'Study week'). A calendar week ('Calendar week', 'KW') is a week of the year, no week of a
# plan; a '#' alone numbers rows ('| # | Topic |'); 'Weekly hours' and 'Week day' say other things.
_COLUMN_NUMBER = r"#|№|n[oº°]?\.?|n\.\s?º|nr\.?|nro\.?|num\.?|number|nummer|n[úu]mero"
_TABLE_UNIT = re.compile(
    rf"(?:(?:{_COLUMN_NUMBER})\s*)?"
    r"(?:(?:teaching|study|studies|course|class|lecture|lesson|learning|program|programme|module|semester|term"
    r"|school|bootcamp|cohort|lehr|studien|vorlesungs|kurs)[ -]?)?"
    rf"(?P<unit>(?P<week>{WEEK_WORDS})|{_MONTH_WORDS})(?:\(s\)|\(e?n\))?\.?(?:\s*(?:{_COLUMN_NUMBER}))?",
    re.IGNORECASE,
)


# The header of such a column in the other languages headings are read in: the week or month word alone ('| 주차 |',
# '| 周 |', '| Неделя |', '| Hafta |'), and how its rows' headings write their number in that language ('3주차',
# '第3周', 'Неделя 3'), which read as 'Week 3' does.
_OTHER_WEEK_COLUMNS = (
    ("{n}주차", ("주차", "주")),
    ("第{n}周", ("周", "周次", "周期")),  # '周期' (the period): its bare numbers ('1-4') are weeks
    ("第{n}週", ("週", "週次")),
    ("{n}週目", ("週目",)),
    ("Неделя {n}", ("неделя", "недели")),
    ("Тиждень {n}", ("тиждень", "тижні")),
    ("Hafta {n}", ("hafta",)),
    ("Tuần {n}", ("tuần",)),
    ("Minggu {n}", ("minggu",)),
    ("Pekan {n}", ("pekan",)),
    ("Tydzień {n}", ("tydzień", "tydzien")),
    ("Week {n}", ("weken",)),
    ("الأسبوع {n}", ("الأسبوع", "الأسابيع")),
    ("सप्ताह {n}", ("सप्ताह", "हफ़्ता")),
)
_OTHER_MONTH_COLUMNS = (
    ("{n}개월차", ("개월",)),
    ("第{n}个月", ("个月",)),
    ("{n}ヶ月目", ("ヶ月",)),
    ("Месяц {n}", ("месяц",)),
    ("Місяць {n}", ("місяць",)),
    ("Ay {n}", ("ay",)),
    ("Tháng {n}", ("tháng",)),
    ("Bulan {n}", ("bulan",)),
    ("Miesiąc {n}", ("miesiąc",)),
    ("Maand {n}", ("maand",)),
    ("الشهر {n}", ("الشهر",)),
    ("महीना {n}", ("महीना",)),
)
_OTHER_COLUMN_UNITS = {
    word.casefold(): (form, weeks)
    for weeks, columns in ((True, _OTHER_WEEK_COLUMNS), (False, _OTHER_MONTH_COLUMNS))
    for form, words in columns
    for word in words
}


# The marks of an ordinal after another language's week or month word in a table's header ('Minggu ke-' is 'week no.')
_ORDINAL_MARKS = (" ke-", " ke", "-ke", " thứ")


@lru_cache(maxsize=1024)  # a table's headers are asked of once per row: a C-level hit after the first
def _table_unit(header: str) -> tuple[str, bool] | None:
    """Return the unit a table column's header counts, as a phase heading says it ('Week' for 'Teaching week',
    'Week #' or 'Wk.'; 'Month' for 'Month no.'; the header itself where it is the unit alone; a form to write the
    number into for '주차' or 'Неделя': '{n}주차', 'Неделя {n}'), and whether it counts weeks; None for any other
    header."""
    found = _TABLE_UNIT.fullmatch(header)
    if found is None:
        word = header.casefold()
        # the word and an ordinal's mark, as a column of numbers is headed ('Minggu ke-', 'Tuần thứ'): the word's unit
        mark = next((m for m in _ORDINAL_MARKS if word.endswith(m)), None)
        return _OTHER_COLUMN_UNITS.get(word[: -len(mark)].rstrip() if mark else word)
    unit = found.group("unit")
    if len(unit) != len(header):
        unit = unit[:1].upper() + unit[1:]
    return unit, found.group("week") is not None


# A table cell that gives its number after a letter, the first of its column's unit word: 'W3' under 'Week', 'S3'
# under 'Semana', 'M2' under 'Month'.
_INITIAL_SPAN = re.compile(
    rf"(?P<initial>[^\W\d_])\.?\s*(?P<a>\d{{1,3}})(?:(?P<to>{_RANGE_SEP})(?P=initial)?\.?\s*(?P<b>\d{{1,3}}))?"
)


def _without_initial(unit: str, cell: str) -> str:
    """Return a table cell without the letter its number follows when that letter is the first of its column's unit
    word ('S3' under 'Semana' is '3', 'W2-W3' under 'Week' is '2-3'); any other cell as it is."""
    found = _INITIAL_SPAN.fullmatch(cell)
    if found is None or "{n}" in unit or found.group("initial").casefold() != unit[:1].casefold():
        return cell
    return found.group("a") + (found.group("to") + found.group("b") if found.group("b") else "")


def _without_week_word(form: str, cell: str) -> str:
    """Return a cell of a column headed by another language's week word without that word after its number, as the
    column's form writes it ('3~4주' or '3~4주차' under '주차', '1-2周' under '周'); any other cell as it is."""
    after = form.split("{n}", 1)[1]
    for word in (after, after[:1]):
        if word and cell.endswith(word) and cell[: -len(word)].rstrip()[-1:].isdigit():
            return cell[: -len(word)].rstrip()
    return cell


def table_row_heading(header: str, cell: str) -> str | None:
    """Return the phase heading a table row's first cell makes under its column's header ('Week' and '3-4' make
    'Week 3-4', and so do 'Teaching week' or 'Week #' and '3-4', and 'W3' under 'Week' or 'S3' under 'Semana'; a
    cell that names its unit, 'Weeks 3-4', stands alone), or None when the column does not count weeks or months."""
    header, cell = header.strip(), cell.strip()
    if (unit := _table_unit(header)) is None:
        return None
    cell = _without_initial(unit[0], cell)
    if "{n}" in unit[0] and not cell.isascii():
        cell = _without_week_word(unit[0], cell)
    if _TABLE_SPAN.fullmatch(cell) is None:
        return None
    if cell[:1].isalpha():
        return cell
    if "{n}" in unit[0]:
        return unit[0].format(n=cell)
    # one week under a plural header ('| Semaines |' of '6') is 'Semaine 6', as a heading names it; 'Weeks 1-5' stays
    word = unit[0] if not cell.isdigit() else _singular(unit[0])
    return f"{word} {cell}"


# The plural of each week or month word a table's header may be (see `WEEK_WORDS`), and its singular.
_SINGULAR_UNITS = {
    "weeks": "week",
    "wks": "wk",
    "wochen": "woche",
    "semanas": "semana",
    "semaines": "semaine",
    "settimane": "settimana",
    "months": "month",
    "monate": "monat",
    "meses": "mes",
    "mesi": "mese",
}


def _singular(unit: str) -> str:
    """Return a header's week or month word in the singular ('Semaines' is 'Semaine', 'WEEKS' is 'WEEK'), in the
    case it is written in."""
    one = _SINGULAR_UNITS.get(unit.casefold())
    if one is None:
        return unit
    if unit.isupper():
        return one.upper()
    return one[:1].upper() + one[1:] if unit[:1].isupper() else one


def table_row_weeks(header: str, cell: str) -> tuple[int, int] | None:
    """Return the weeks a table cell under a column of weeks ('Week', 'Week #', 'Teaching week') names ('3', '3-4',
    'Weeks 3-4'): a row of a week table inside a phase is that week's work; None for any other cell."""
    header, cell = header.strip(), cell.strip()
    if (unit := _table_unit(header)) is None or not unit[1]:
        return None
    cell = _without_initial(unit[0], cell)
    if _TABLE_SPAN.fullmatch(cell) is None:
        return None
    numbers = [int(n) for n in re.findall(r"\d{1,3}", cell)]
    first, last = numbers[0], numbers[-1]
    return (first, last) if 1 <= first <= last else None


_DOTTED = re.compile(r"\.\d")  # after a number: '1.2', an outline's number of a part of 1
_RANGED = re.compile(r"\s*[-–]\s*\d")  # after a series number, another: 'Chapter 1–2'
# The series words of Spanish, Portuguese, French, German, Italian, Polish, Dutch, Turkish, Vietnamese and Indonesian
# plans, each read as its English kin ('Nivel 2 — Estructuras' is 'Level 2 — Estructuras', a phase titled
# 'Estructuras' as 'Level 2' is; 'Blok 3', 'Aula 3', 'Buổi 3', 'Pertemuan 3' are 'Block 3', 'Class 3', 'Session 3').
_SERIES_KIN = {
    **dict.fromkeys(("nivel", "nível", "niveau", "stufe", "livello", "poziom", "seviye"), "level"),
    **dict.fromkeys(("módulo", "modulo", "modul", "moduł", "modül"), "module"),
    **dict.fromkeys(("unidad", "unidade", "unité", "unità", "einheit", "ünite", "tema"), "unit"),
    **dict.fromkeys(("lección", "leccion", "lição", "licao", "leçon", "lezione", "lektion", "lekcja"), "lesson"),
    **dict.fromkeys(("ders", "bài", "les"), "lesson"),  # Dutch 'Les 3': see `_SERIES` for French 'Les 3 piliers'
    **dict.fromkeys(("capítulo", "capitulo", "chapitre", "capitolo", "kapitel", "rozdział", "hoofdstuk"), "chapter"),
    **dict.fromkeys(("bölüm", "chương", "bab"), "chapter"),
    **dict.fromkeys(("blok", "bloque", "bloco", "bloc", "blocco"), "block"),
    **dict.fromkeys(("aula", "clase", "zajęcia"), "class"),
    **dict.fromkeys(("sesión", "sesion", "sessão", "sessao", "séance", "seance", "sitzung", "sesja"), "session"),
    **dict.fromkeys(("oturum", "buổi", "pertemuan", "sesi"), "session"),
}
# The last number of a series heading of several ('Lesson 2-3: CSS'), which a title's mark or the heading's end follows:
# a number that a title's words follow is the title's ('Step 1 - 3 ways to learn')
_SERIES_LAST = r"\s*[-–]\s*\d{1,3}(?=\s*(?:[:\-–—)(\[]|\.(?!\d)|$))"
_SERIES = re.compile(
    r"(?P<word>step|module|part|unit|lesson|lecture|session|class|chapter|level|sprint|milestone|block|"
    + "|".join(sorted((w for w in _SERIES_KIN if w != "les"), key=len, reverse=True))
    + r"|(?P<les>les)"
    # 'Lessons 2-4': the plural over a range of them only ('Lessons 1-3 cover the basics' is a sentence)
    + rf")(?:s(?=\s*\d{{1,3}}{_SERIES_LAST}))?"
    # Dutch 'Les 3: CSS' has its title's mark after the number, French 'Les 3 piliers' (the 3 pillars) words: no lesson
    + rf"\s*{_NUMBER}(?(les)(?!\s+[^\W\d_]))"
    # a heading of several ('Lesson 2-3: CSS') is titled by what follows them ('CSS'), not their last number
    + rf"(?:{_SERIES_LAST})?\s*[:.\-–—)]?\s*(?P<title>.*)",
    re.IGNORECASE,
)


def read_series_heading(text: str) -> tuple[str, PhaseHeading] | None:
    """Return ('step', Phase N) for 'Step N: Title' and its kin ('Module 3 - Title'), which are phases only
    where a file has no phase headings and at least three of them (see `series_word`). An outline's dotted number
    ('Lesson 1.2 — Semantic HTML') numbers a part of the first one's, no series of its own: None."""
    said: Said = ()
    text = _unjoined(text)
    if _maybe_foreign(text):
        text, said = _in_english(text)  # 'ステップ2', 'Шаг 2', '모듈 3'
    lead = _LEAD.match(text)
    match = _SERIES.match(text, lead.end() if lead else 0)
    if match is None and _DIGIT.search(text) is not None:  # 'Thu 8 Jan 2026 — Session 1: Kick-off'
        text = _day_last(text, lead.end() if lead else 0)
        match = _SERIES.match(text)
    if match is None or _DOTTED.match(text, match.end("n")) is not None:
        return None
    number, rest = _number(match.group("n")), match.group("title")
    found = _spanned(number, rest) or PhaseHeading(number, None, None, _title(rest), "")
    word = match.group("word").casefold()
    return _SERIES_KIN.get(word, word), found._replace(title=_as_written(found.title, said)) if said else found


def series_last(text: str) -> int | None:
    """Return the last number of a series heading that numbers several of its series ('Lessons 2-4: CSS' is 4, as
    'Les 2-4' is), else None: the phase it opens covers them all, and the next is numbered after it."""
    lead = _LEAD.match(text)
    match = _SERIES.match(text, lead.end() if lead else 0)
    if match is None:
        return None
    ranged = _RANGED.match(text, match.end("n"))
    return int(_DIGITS.search(text, ranged.start()).group()) if ranged is not None else None  # type: ignore[union-attr]


def _ranged(text: str) -> bool:
    """Return True for a series heading that numbers several of its series ('Chapter 1–2 — weeks 1-2')."""
    lead = _LEAD.match(text)
    match = _SERIES.match(text, lead.end() if lead else 0)
    return match is not None and _RANGED.match(text, match.end("n")) is not None


def series_word(
    headings: Sequence[tuple[int, str]], read: Sequence[tuple[str, PhaseHeading] | None] | None = None
) -> str | None:
    """Return the word of a series of 3+ numbered headings at one level ('Step 1', 'Step 2', ...), or of two numbered
    one after the other that each give their weeks or length in weeks or months ('## Sprint 1 (2 weeks)', '## Sprint
    2 (2 weeks)'; two steps of '(1 day)' and '(2 days)' are a guide's, no plan), if any: the largest, but that a
    series whose headings give weeks outranks one deeper whose headings give none ('## Module 1: Web (Weeks 1-3)' over
    its '### Lesson N' parts). `read`: the headings as `read_series_heading` reads them, where the caller has them."""
    if read is None:
        read = [read_series_heading(text) for _, text in headings]
    counts: dict[tuple[int, str], int] = {}
    timed: dict[tuple[int, str], int] = {}  # how many headings of each series give their weeks or length
    weekly: dict[tuple[int, str], int] = {}  # how many of those give them in weeks or months, not days
    ranged: set[tuple[int, str]] = set()  # the series some heading of which numbers several ('Chapter 1–2')
    numbers: dict[tuple[int, str], int | None] = {}  # the number of each series' last heading
    next_to: set[tuple[int, str]] = set()  # the series two headings of which are numbered one after the other
    clocked: dict[tuple[int, str], int] = {}  # how many headings of each series give a time of day
    for (level, text), found in zip(headings, read, strict=True):
        if found is not None:
            key = (level, found[0])
            counts[key] = counts.get(key, 0) + 1
            if time_of_day(text):
                clocked[key] = clocked.get(key, 0) + 1
            if found[1].first is not None or found[1].length is not None:
                timed[key] = timed.get(key, 0) + 1
                if _in_weeks(found[1], text):
                    weekly[key] = weekly.get(key, 0) + 1
            if _ranged(text):
                ranged.add(key)
            if found[1].number is not None and numbers.get(key) == found[1].number - 1:
                next_to.add(key)
            numbers[key] = found[1].number
    series = [(key, n) for key, n in counts.items() if n >= 3 or (n == 2 and weekly.get(key) == 2 and key in next_to)]
    # 'Block 1: Deep work (9:00-11:00)', 'Block 2: Meetings (11:00-12:00)': a day's agenda, whose blocks are its
    # sections, no weeks of a plan
    series = [(key, n) for key, n in series if clocked.get(key, 0) * 2 < n]
    best = max(series, key=lambda kv: kv[1], default=None)
    if best is None or (best[0] in timed and best[0] in ranged):
        # 'Chapter 1–2 — weeks 1-2', 'Chapter 3 — weeks 3-5': the numbers are the book's, several to a phase; the
        # headings are phases by their weeks, numbered by their place (see `titled_spans`)
        return None
    if best[0] not in timed:
        above = [(key, n) for key, n in series if key in timed and key[0] < best[0][0]]
        best = max(above, key=lambda kv: kv[1], default=best)
    return best[0][1]


def steps_of_one_section(
    headings: Sequence[tuple[int, str]], read: Sequence[tuple[str, PhaseHeading] | None], word: str
) -> bool:
    """Return True when the series of `word` headings gives no time and is written inside one section of a long page
    of reference ('### Step 1: Ask what it must do' … under '## How to answer a design question', with many more
    headings of its depth in the page's other sections): the steps of that one procedure, no plan of weeks. `read`:
    the headings as `read_series_heading` reads them."""
    at = [i for i, found in enumerate(read) if found is not None and found[0] == word]
    if not at or any(read[i][1].first is not None or read[i][1].length is not None for i in at):  # type: ignore[index]
        return False
    level = headings[at[0]][0]
    if any(headings[i][0] != level for i in at):
        return False
    parent = next((i for i in range(at[0] - 1, -1, -1) if headings[i][0] < level), None)
    if parent is None:
        return False
    end = next((i for i in range(parent + 1, len(headings)) if headings[i][0] <= headings[parent][0]), len(headings))
    if at[-1] >= end:
        return False
    outside = sum(1 for i, (lv, _) in enumerate(headings) if lv == level and not parent < i < end)
    return outside >= max(6, 2 * len(at))


# A time of day, or a range of them, that a heading of a day's agenda gives ('(9:00-11:00)', '10:30am – 12pm', '2
# pm', '14h00-15h30'): a range of clock times with the minutes of both ends, or one with its am or pm ('(18:40)'
# alone may be a video's length, 'John 3:16-21' is a passage of verses, '(1h30-2h)' a length in hours).
_HOUR = r"(?:[01]?\d|2[0-3])"
_AM_PM = r"\s*[ap]\.?m\b\.?"
_TIME_OF_DAY = re.compile(
    rf"(?<![\d:.])(?:{_HOUR}[:h][0-5]\d\s*[-–—~]\s*{_HOUR}[:h][0-5]\d"
    rf"|{_HOUR}(?:[:.][0-5]\d)?{_AM_PM}(?!\s*[^\W\d_]))(?![\d:])",  # 'Lektion 2 am Montag' is a day
    re.IGNORECASE,
)


def time_of_day(text: str) -> bool:
    """Return True for a heading that gives the time of day its part of an agenda runs ('Block 1: Deep work
    (9:00-11:00)', 'Session 2 (2pm-3pm)'): a day's schedule, no span of weeks."""
    return ("m" in text or ":" in text or "h" in text) and _TIME_OF_DAY.search(text) is not None


def _in_weeks(found: PhaseHeading, text: str) -> bool:
    """Return True for a series heading (`found`, read from `text`) that gives its span or length in weeks or longer
    ('Sprint 1 (2 weeks)', 'Module 2 (Month 3)'), not in days ('Step 1: Install the tools (1 day)')."""
    if found.first is not None:
        return found.unit != "day"
    length = _LENGTH_BRACKETED.search(text) or _LENGTH_LAST.search(text)
    return length is None or not length.group("day")  # None: read in other words ('2週間'), as weeks


def series_before(headings: Sequence[tuple[int, str]], found: Sequence[PhaseHeading | None]) -> bool:
    """Return True when a file's phase headings (`found`, by heading) are notes after its plan, which a series of
    headings that give their weeks is ('### Milestone 1: SQL (Weeks 1-3)', three or more at one level): the phase
    headings all come after the series, deeper than it, in a section of their own that a heading at the series'
    level or above opens (a journal's '#### Week 8 — Sat 22 Feb' under '## 📓 Journal'). Week headings inside the
    series' sections are its parts, and stay the plan."""
    first = next((i for i, f in enumerate(found) if f is not None), 0)
    if first < 4:  # three series headings and the heading of the notes' section come first: most files
        return False
    before = list(headings[:first])
    series = [read_series_heading(text) for _, text in before]
    word = series_word(before, series)
    if word is None:
        return False
    read = [
        (i, level, s[1]) for i, ((level, _), s) in enumerate(zip(before, series, strict=True)) if s and s[0] == word
    ]
    level = Counter(lv for _, lv, _ in read).most_common(1)[0][0]
    ours = [(i, s) for i, lv, s in read if lv == level]
    if len(ours) < 3 or any(s.first is None for _, s in ours):
        return False
    last = ours[-1][0]
    if all(lv > level for lv, _ in before[last + 1 :]):  # no section of their own: they are the last one's parts
        return False
    return all(headings[i][0] > level for i, f in enumerate(found) if f is not None)


# Skill levels, in their order, in the languages role files are read in: a plan laid out by level ('## Beginner',
# '## Intermediate', '## Advanced') has them as its phases (see `level_series`).
_LEVEL_RANKS = {
    word: rank
    for rank, words in enumerate(
        [
            ("beginner", "beginners", "novice", "anfänger", "einsteiger", "principiante", "débutant", "iniciante"),
            ("intermediate", "fortgeschrittene", "intermedio", "intermédiaire", "intermediário", "intermediario"),
            ("advanced", "experte", "avanzado", "avancé", "avanzato", "avançado"),
            ("expert", "experto", "esperto", "especialista"),
        ],
        1,
    )
    for word in words
} | {  # Russian (its adjectives in each gender), Japanese ('初級編': the beginners' part) and Korean ones
    word: rank
    for rank, words in enumerate(
        [
            ("начальный", "начальная", "начальное", "初級", "初級編", "초급"),
            ("средний", "средняя", "среднее", "中級", "中級編", "중급"),
            ("продвинутый", "продвинутая", "продвинутое", "上級", "上級編", "고급"),
            ("эксперт", "экспертный", "エキスパート", "전문가"),
        ],
        1,
    )
    for word in words
}
_LEVEL = re.compile(r"(?P<word>" + "|".join(sorted(_LEVEL_RANKS, key=len, reverse=True)) + r")(?![\w-])", re.I)


def read_level_heading(text: str) -> tuple[int, PhaseHeading] | None:
    """Return (its rank, the phase) for a heading that names a skill level ('🌱 Beginner', 'Intermediate (2-3
    months)', 'Advanced: Own the analysis'), numbered by its place (see `level_series`), else None."""
    said: Said = ()
    if _maybe_foreign(text):
        text, said = _in_english(text)  # '中級（1〜2ヶ月）' gives its length
    lead = _LEAD.match(text)
    body = text[lead.end() :] if lead else text
    match = _LEVEL.match(body)
    if match is None:
        return None
    rank = _LEVEL_RANKS[match.group("word").casefold()]
    found = _spanned(None, body) or PhaseHeading(None, None, None, _title(body), "")
    return rank, found._replace(title=_as_written(found.title, said)) if said else found


def level_series(headings: Sequence[tuple[int, str]]) -> int | None:
    """Return the heading level of a plan laid out by skill level: three or more level headings at it, each a
    higher level than the one before ('## Beginner', '## Intermediate', '## Advanced'); else None."""
    ranks: dict[int, list[int]] = {}
    for level, text in headings:
        found = read_level_heading(text)
        if found is not None:
            ranks.setdefault(level, []).append(found[0])
    for level, seen in sorted(ranks.items()):
        if len(seen) >= 3 and all(a < b for a, b in pairwise(seen)):
            return level
    return None


# Phases headed by the dates they run ('Jan 6 – Jan 19: Swift Foundations', 'Week of March 3: Architecture',
# '2025-03-24 → 2025-04-13: Capstone'): see `dated_phases`. Month names in English, full or cut short.
_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        1,
    )
    for name in names
}
_MONTH_NAME = "(?:" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + r")(?![^\W\d_])\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s*(?P<{0}y>\d{{4}})(?!\d))?"
# A weekday before a date ('Mon, Jan 6', 'Friday 17 January'): the date's, no words of the title.
_WEEKDAY = (
    r"(?:(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?![^\W\d_]),?\s*"
)
# One date: '2025-03-24', 'Jan 6', 'January 6th, 2025', '6 Jan 2025', each perhaps after its weekday.
_DATE = (
    rf"(?:{_WEEKDAY})?"
    r"(?:(?P<{0}iy>\d{{4}})-(?P<{0}im>\d{{1,2}})-(?P<{0}id>\d{{1,2}})(?!\d)"
    rf"|(?P<{{0}}m>{_MONTH_NAME})\s*(?P<{{0}}d>\d{{{{1,2}}}}){_ORDINAL}(?!\d)(?!\s*:\d){_YEAR}"
    rf"|(?P<{{0}}d2>\d{{{{1,2}}}}){_ORDINAL}\s+(?P<{{0}}m2>{_MONTH_NAME}){_YEAR.replace('{0}y', '{0}y2')})"
)
_DATE_SEP = r"\s*(?:->|→|⟶|–|—|-|to|through|thru|until|till)\s*"
_DATED = re.compile(
    r"(?:(?P<week_of>week\s+of)\s+"
    + _DATE.format("a")
    + "|"
    + _DATE.format("s")
    + _DATE_SEP
    + "(?:"
    + _DATE.format("e")
    + r"|(?P<eday>\d{1,2})(?!\d)(?!\s*[:.]\d))"
    + ")",
    re.IGNORECASE,
)
_CLASS_WORDS = frozenset(("lecture", "session", "class"))  # series of meetings, each on a day (`_dated_series`)
_ONE_DAY = re.compile(_DATE.format("s"), re.IGNORECASE)  # one day: 'Oct 1', 'Thu, Oct 3', '2024-10-01'
# One day that opens a heading, and the separator after it: 'Thu 8 Jan 2026 — ' of 'Thu 8 Jan 2026 — Session 1'.
_DAY_FIRST = re.compile(rf"(?P<day>{_DATE.format('s')})\s*[-–—:|·,]\s*", re.IGNORECASE)
# The date is (year or None, month, day).
_Date = tuple[int | None, int, int]
MAX_DATED_DAYS = 366  # a dated phase longer than a year is no phase of a plan
# The year of dates given without one: a common year, so a plan's February has the 28 days it has in most years
# ('Feb 5 – Mar 4' is four weeks); a 'Feb 29' is in a leap year (see `_calendar`).
_NO_YEAR = 2001
_LEAP_YEAR = 2000


class DatedHeading(NamedTuple):
    """A heading that gives the dates it runs: its first and last date, and the words after them."""

    start: _Date
    end: _Date | None  # None: 'Week of March 3', one week
    title: str
    number: int | None = None  # a series heading's own ('Sprint 2 (Jan 19 – Jan 30): Widgets'); None: by its place


def _date_of(found: re.Match[str], key: str) -> _Date | None:
    """Return the date the `key` group of `_DATED` read, or None when it read none."""
    groups = found.groupdict()
    if groups.get(f"{key}iy"):
        return int(groups[f"{key}iy"]), int(groups[f"{key}im"]), int(groups[f"{key}id"])
    for m, d, y in ((f"{key}m", f"{key}d", f"{key}y"), (f"{key}m2", f"{key}d2", f"{key}y2")):
        if groups.get(m):
            year = groups.get(y)
            return int(year) if year else None, _MONTH_NUMBERS[groups[m].rstrip(".").casefold()], int(groups[d])
    return None


def read_dated_heading(text: str) -> DatedHeading | None:
    """Return what a heading that opens with the dates it runs says ('Jan 6 – Jan 19: Swift Foundations', 'Week of
    March 3: Architecture', '2025-03-24 → 2025-04-13: Capstone', 'January 13-26: More'), or a series heading that
    gives them in brackets ('Sprint 1 (Jan 5 – Jan 16): Dart', 'Sprint 1: Dart (Jan 5 – Jan 16)': see
    `_dated_series`), else None."""
    if _DIGIT.search(text) is None:  # most headings
        return None
    lead = _LEAD.match(text)
    found = _DATED.match(text, lead.end() if lead else 0)
    if found is None:
        return _dated_series(text, lead.end() if lead else 0)
    rest = text[found.end() :]
    if rest[:1].isalnum():  # 'Jan 6 – Jan 19th-century maps': the dates are no heading's own
        return None
    if found.group("week_of"):
        start = _date_of(found, "a")
        return DatedHeading(start, None, _title(rest)) if start is not None else None
    start = _date_of(found, "s")
    end = _date_of(found, "e")
    if start is not None and end is None and found.group("eday"):
        end = (start[0], start[1], int(found.group("eday")))  # 'January 13-26': the same month
    if start is None or end is None:
        return None
    return DatedHeading(start, end, _title(rest))


def _dated_series(text: str, start: int) -> DatedHeading | None:
    """Return a series heading ('Sprint 1', 'Milestone 2': see `read_series_heading`) that gives the dates it runs
    in brackets, as a dated heading of its number, titled as a week heading with dates is: 'Sprint 1 (Jan 5 – Jan
    16): Dart' is 'Dart (Jan 5 – Jan 16)', one day ('Lecture 3 — Scheduling (Oct 1)') runs that day; else None. A
    series heading that gives weeks is no dated one; one that opens with its day ('Thu 8 Jan 2026 — Session 1:
    Kick-off') is read as if it gave the day after its title."""
    series = _SERIES.match(text, start)
    if series is None:
        text, start = _day_last(text, start), 0
        series = _SERIES.match(text)
    if series is None or _DOTTED.match(text, series.end("n")) is not None:
        return None
    rest = text[series.end("n") :]
    bracket = _DATES_BRACKETED.search(rest)
    if bracket is None or _span_search(rest) is not None:
        return None
    inner = bracket.group()[1:-1].strip()
    dates = read_dated_heading(inner)
    if dates is None and series.group("word").casefold() in _CLASS_WORDS and (day := _ONE_DAY.fullmatch(inner)):
        # 'Lecture 3 — Scheduling (Oct 1)': a class meets on a day; a sprint or a module of one day is no phase
        start = _date_of(day, "s")
        dates = DatedHeading(start, start, "") if start is not None else None
    if dates is None or dates.title:  # more than dates in the brackets
        return None
    title = _title(f"{rest[: bracket.start()]} {rest[bracket.end() :]}")
    if not title and dates.start == dates.end:  # 'Lecture 1 (Sep 24)': named by its heading, a day is no name
        title = text[series.start() : series.end("n")]
    return dates._replace(title=f"{title} ({inner})" if title else inner, number=_number(series.group("n")))


# A day's date before a part's name, written day first with dots: with its year ('14.03.2024 — Stacks'), or
# without one ('12.03 Linked lists') where the file's titles read as days (see `dotted_days`).
_DOTTED_DAY = re.compile(
    r"(?:(?P<day>0[1-9]|[12]\d|3[01])\.(?P<month>0[1-9]|1[0-2])(?P<year>\.(?:19|20)\d\d)?"
    r"|\d{1,2}\.\d{1,2}(?P<year2>\.(?:19|20)\d\d))(?!\.?\d)\.?\s*(?:[-–—:|·,]\s*)?"
)
_TWO_NUMBERS = re.compile(r"(\d{1,2})\.(\d{1,2})(?![.\d])")


def dotted_days(titles: Iterable[str]) -> frozenset[str]:
    """Return the titles, of those that open with two numbers and no year ('12.03 Linked lists'), that open with a
    day and a month, not a section's numbers ('11.12 Rollback'): those next to one of another first number and the
    same second (the month: '12.03', '14.03'), or of a smaller first and the next second (a month's end: '26.02',
    '05.03'); sections of a chapter share the first ('11.11', '11.12'), and the next chapter's first section has a
    greater first ('11.12', '12.01')."""
    found = [(t, int(m[1]), int(m[2])) for t in titles if t[:1].isdigit() and (m := _TWO_NUMBERS.match(t)) is not None]
    days: set[str] = set()
    for (title, first, second), (after, first_after, second_after) in pairwise(found):
        if (second == second_after and first != first_after) or (
            second_after == second % 12 + 1 and first_after < first
        ):
            days.update((title, after))
    return frozenset(days)


def without_day(title: str, dotted: Collection[str] = ()) -> str:
    """Return a part's title without the day it is on before its name ('14.03.2024 — Stacks', '2024-03-12 — Stacks',
    'Thu 8 Jan 2026: Queues' are titled 'Stacks', 'Queues'; '12.03 Linked lists' is 'Linked lists' where it is
    among the `dotted` days: see `dotted_days`): when, not what. A title of a day alone, or of one day then another
    ('Jan 6 – Jan 19: Swift'), stays."""
    if _DIGIT.search(title, 0, 24) is None:  # most titles
        return title
    found = _DOTTED_DAY.match(title) if title[:1].isdigit() else None
    if found is not None and not (found.group("year") or found.group("year2") or title in dotted):
        return title
    if found is None:
        found = _DAY_FIRST.match(title)
    if found is None:
        return title
    rest = title[found.end() :]
    if not rest[:1].isalpha() or _ONE_DAY.match(rest) is not None:
        return title
    return rest


def _day_last(text: str, start: int) -> str:
    """Return a series heading that opens with its day ('Thu 8 Jan 2026 — Session 1: Kick-off', from `start`) with
    the day after its words, as a heading that gives it in brackets writes it ('Session 1: Kick-off (Thu 8 Jan
    2026)'); any other text from `start`, as it is."""
    day = _DAY_FIRST.match(text, start)
    if day is None or _SERIES.match(text, day.end()) is None:
        return text[start:]
    return f"{text[day.end() :]} ({day.group('day').strip(_EDGES)})"


def _calendar(dates: Sequence[_Date]) -> list[date] | None:
    """Return the dates in the calendar, the year of each without one counted on from those before it (a date
    earlier in the year than the one before it is in the next year), from the first year given (where none is, a
    leap year for a 'Feb 29', else `_NO_YEAR`); None when one is no date or they do not go forward."""
    years_on, last, offsets = 0, None, []
    for year, month, day in dates:
        if year is None and last is not None and (month, day) < last:
            years_on += 1
        offsets.append(years_on)
        last = (month, day)
    given = next(((d[0], off) for d, off in zip(dates, offsets, strict=True) if d[0] is not None), None)
    if given is None:  # no year anywhere: a 'Feb 29' sets the year it is in
        given = next(((_LEAP_YEAR, off) for d, off in zip(dates, offsets, strict=True) if d[1:] == (2, 29)), None)
    base = given[0] - given[1] if given is not None else _NO_YEAR
    try:
        out = [date(y if y is not None else base + off, m, d) for (y, m, d), off in zip(dates, offsets, strict=True)]
    except ValueError:  # 'Feb 30'
        return None
    return out if all(a <= b for a, b in pairwise(out)) else None


def dated_phases(headings: Sequence[tuple[int, str]]) -> list[PhaseHeading | None] | None:
    """Read the headings that give the dates they run as phases in calendar order, for a file with no phase heading
    of another shape: those at the outermost level that has two or more of them, each after the one before. Weeks
    count as `_dated_weeks` counts them. None when no level has two, or they do not run forward."""
    dated = [(i, found) for i, (_, text) in enumerate(headings) if (found := read_dated_heading(text)) is not None]
    levels = Counter(headings[i][0] for i, _ in dated)
    level = min((lv for lv, n in levels.items() if n >= 2), default=None)
    if level is None:
        return None
    ours = [(i, found) for i, found in dated if headings[i][0] == level]
    weeks = _dated_weeks([found for _, found in ours], [headings[i][1] for i, _ in ours])
    if weeks is None:
        return None
    result: list[PhaseHeading | None] = [None] * len(headings)
    for (i, found), (first, last, _) in zip(ours, weeks, strict=True):
        result[i] = PhaseHeading(found.number, first, last, found.title or headings[i][1], "week")
    if any(part for _, _, part in weeks):
        # A phase per week: numbered by their place, as the series' own numbers count days, not weeks.
        if len({f.first for f in result if f is not None}) < 2:  # all in one week: no plan of weeks
            return None
        return [f._replace(number=None) if f is not None else None for f in result]
    return result


def _dated_weeks(dated: Sequence[DatedHeading], texts: Sequence[str]) -> list[tuple[int, int, bool]] | None:
    """Return the weeks each of these dated headings (in file order; `texts`, their clean text) runs, as (first,
    last, whether it is a part of the week before), or None when they do not run forward in the calendar. Weeks
    count from the first date: a range's weeks are those its days fall in, so 'Jan 6 – Jan 19' is weeks 1-2 and
    'Week of February 24' one week; a range that starts in the week the one before ends in starts in the next week;
    a gap between dates is a gap in weeks; a heading of one day in the week the one before ends in is that week's
    (see `week_parts`)."""
    ends = [found.end or found.start for found in dated]
    days = _calendar([d for found, end in zip(dated, ends, strict=True) for d in (found.start, end)])
    if days is None:
        return None
    origin = days[0]
    weeks: list[tuple[int, int, bool]] = []
    last_week = 0
    for k, (found, text) in enumerate(zip(dated, texts, strict=True)):
        start, end = days[2 * k], days[2 * k + 1]
        if (k and start <= days[2 * k - 1]) or (end - start).days > MAX_DATED_DAYS:
            return None
        first = (start - origin).days // 7 + 1
        last = first if found.end is None else (end - origin).days // 7 + 1
        if found.start == found.end and first == last_week and _meets(text):
            # One day in the week the one before ends in ('Lecture 2 (Sep 26)' after 'Lecture 1 (Sep 24)'): that
            # week's, a part of its phase (see `week_parts`).
            weeks.append((first, first, True))
            continue
        # A range that starts in the week the one before ends in (Mon-Thu, then Fri-Sun) starts in the next week.
        first = max(first, last_week + 1)
        last = max(last, first)
        last_week = last
        weeks.append((first, last, False))
    return weeks


def _bracketed_dates(found: list[PhaseHeading | None]) -> None:
    """Give the phase headings that give the dates they run in brackets instead of weeks ('Phase 1 (Jan 8 – Jan
    14)', 'Phase 1 (Jan 8 – Feb 4): Basics', 'Phase 1: Basics (8 Jan – 4 Feb)') the weeks those dates fall in,
    counted as `_dated_weeks` counts them, where two or more do, they run forward in the calendar, and every other
    phase heading is planned after them (`found`, what `read_phase_heading` read, is updated); elsewhere they keep
    their reading, their brackets a part of their title.

    A phase so dated is titled as a dated series heading is, its dates after its title ('Basics (Jan 8 – Feb 4)');
    one its heading gives no title is named by its weeks and dates ('Week 1 (Jan 8 – Jan 14)'), as a week heading of
    dates alone is. Its repeated tasks keep the IDs the title read without the dates gave them (`id_title`)."""
    # (index, the phase as read, its dates, the dates as written, its title without them)
    ours: list[tuple[int, PhaseHeading, DatedHeading, str, str]] = []
    for i, f in enumerate(found):
        # Only a numbered phase without weeks whose title holds a bracket: '(Beginner)' and its kin are few.
        if f is None or f.first is not None or f.length is not None or f.number is None or f.unit:
            continue
        if "(" not in f.title and "[" not in f.title:
            continue
        bracket = _DATES_BRACKETED.search(f.title)
        if bracket is None:  # '(Beginner)', '(Jan–Mar hiring season)': no dates a phase runs
            continue
        inner = bracket.group()[1:-1].strip()
        dates = read_dated_heading(inner)
        if dates is None or dates.title:  # more than dates in the brackets ('(Jan 8 – Feb 4, evenings)')
            continue
        ours.append((i, f, dates, inner, _title(f"{f.title[: bracket.start()]} {f.title[bracket.end() :]}")))
    if len(ours) < 2:  # one dated phase is no calendar to count weeks in
        return
    # The dates count weeks from the plan's start, so they are its weeks only where no other phase heading says
    # where it runs ('(Weeks 1-4)', '(4 weeks)') or comes before a dated one (it would be planned in weeks the
    # dates already take): there each dated phase is planned, its brackets words of its title. An undated phase
    # after the last dated one is planned after them.
    dated = {i for i, _, _, _, _ in ours}
    if any(
        f is not None and i not in dated and (f.first is not None or f.length is not None or i < ours[-1][0])
        for i, f in enumerate(found)
    ):
        return
    # No series of meetings (`_meets`): a phase of one day keeps a week of its own.
    weeks = _dated_weeks([dates for _, _, dates, _, _ in ours], [""] * len(ours))
    if weeks is None:
        return
    for (i, f, _, inner, title), (first, last, _) in zip(ours, weeks, strict=True):
        name = title or (f"Weeks {first}-{last}" if first != last else f"Week {first}")
        found[i] = f._replace(
            first=first,
            last=last,
            title=f"{name} ({inner})",
            unit="week",
            id_title=f.title if f.id_title is None else f.id_title,
        )


def _meets(text: str) -> bool:
    """Return True for a heading of a series of meetings ('Lecture 2 (Sep 26)'): such days of one week are that
    week's phase together. Other headings of a day ('Oct 3: Review', 'Module 2 (Oct 3)') keep a week each, as they
    always have: merged, their repeated tasks would be told apart by another phase's title, or not at all."""
    lead = _LEAD.match(text)
    series = _SERIES.match(_day_last(text, lead.end() if lead else 0))
    return series is not None and series.group("word").casefold() in _CLASS_WORDS


def week_parts(found: Sequence[PhaseHeading | None]) -> bool:
    """Return True where dated headings share weeks (`dated_phases` read several days of one week): each after
    the first of its week is a part of that week's phase, not a phase of its own."""
    weeks = [(f.first, f.last) for f in found if f is not None]
    return any(a == b for a, b in pairwise(weeks))


def weeks_in_parts(
    headings: Sequence[tuple[int, str]], found: Sequence[PhaseHeading | None]
) -> list[PhaseHeading | None] | None:
    """Return the phase headings of a file that writes weeks in parts, each heading that gives the span of the phase
    heading right before it again, at one level, a part of that phase: a course that writes each week in parts ('##
    Week 1: Lecture — Intro', '## Week 1: Lab — Setup', '## Week 2: Lecture — Types', '## Week 2: Lab — Drills'),
    or topics that share a week ('### Week 3: Trees', '### Week 3: Graphs', then '### Week 4'; '## Trees (Weeks
    3-4)', '## Graphs (Weeks 3-4)'; '## 3. Trees — Week 3', '## 4. Graphs — Week 3'). Where such topics are
    numbered as an outline's sections, their numbers count topics, not weeks: every phase is numbered by its place.
    None where the file writes no weeks in parts.

    A span given twice is a slip of the count (see `bot.content.parse`), not a week in parts, where the heading after
    it skips a week ('## Week 2', '## Week 2', '## Week 4': the repeat stands for the week skipped) or the two give
    other dates ('### Week 16 - July 26-August 1', '### Week 16 - August 2-8'); where there are such slips, weeks
    are in parts only where two or more are so given. A heading that says it goes on with its week ('### Week 1
    (continued)', '#### Week 1 (cont.) — Config') is a part of it whatever comes after it."""
    read = [(i, f) for i, f in enumerate(found) if f is not None]
    repeats = {
        k: (a.first, a.last, i, j)
        for k, ((i, a), (j, b)) in enumerate(pairwise(read))
        if a.unit == b.unit
        and a.unit in _CALENDAR_UNITS
        and a.first is not None
        and (a.first, a.last) == (b.first, b.last)
        and headings[i][0] == headings[j][0]
        and headings[i][1].casefold() != headings[j][1].casefold()  # one heading written twice: see `_copies_left_out`
        # days in one week are other days ('Days 1-3', 'Days 4-7'), which `bot.content.parse` lays out one after another
        and (a.unit != "day" or ((days := days_said(headings[i][1])) is not None and days == days_said(headings[j][1])))
    }
    if not repeats:  # most files
        return None
    outlined = False
    for k, (_, _, i, j) in list(repeats.items()):
        numbers = (found[i].number, found[j].number)  # type: ignore[union-attr]
        if numbers == (None, None):
            continue
        if None not in numbers and outline_numbered(headings[i][1]) and outline_numbered(headings[j][1]):
            outlined = True
        else:  # 'Phase 1 (Week 1)', 'Phase 2 (Week 1)': numbered phases that overlap
            del repeats[k]
    other = _next_other_weeks([f for _, f in read])
    parts: set[tuple[int, int]] = set()
    slips = 0
    for k, (first, last, i, j) in repeats.items():
        goes_on = _GOES_ON.search(headings[j][1]) is not None  # '### Week 1 (continued)': a part, whatever follows
        if goes_on or (other[k] in (None, last + 1) and not _dated_apart(headings[i][1], headings[j][1])):
            parts.add((first, last))
        else:
            slips += 1
    if len(parts) < 2 and (not parts or slips):
        return None
    if not outlined:
        return list(found)
    # Topics numbered as an outline's sections ('## 4. Graphs — Week 3'): every numbered phase must be such a topic
    # with its weeks, each then numbered by its place.
    numbered = [i for i, f in read if f.number is not None]
    if any(found[i].first is None or not outline_numbered(headings[i][1]) for i in numbered):  # type: ignore[union-attr]
        return None
    return [f._replace(number=None) if f is not None else None for f in found]


# A heading that says it goes on with the week before ('Week 1 (continued)', 'Week 1 (cont.) — Config', "cont'd",
# 'Week 1 — continued'): the word in brackets, or ending the heading or its part before a separator; a title that
# starts with it says what it is about ('Week 1: Continued fractions').
_CONTINUED = r"(?:cont(?:inued|\.|['’]d)|contd)(?![^\W\d_])"
_GOES_ON = re.compile(
    rf"\(\s*{_CONTINUED}|(?<![^\W\d_]){_CONTINUED}(?=\s*(?:[)\]:|·,\-–—]|$))",
    re.IGNORECASE,
)


def days_said(text: str) -> tuple[int, int] | None:
    """Return the first and last day a heading's span of days names ('Days 4-7: Basics', 'Setup (Days 1-3)': 4 and 7,
    1 and 3), else None (no span of days, or one in words: 'First 30 days')."""
    if _maybe_foreign(text):
        text = _in_english(text)[0]
    span = _span_search(text)
    while span is not None and _unit(span) != "day":  # 'Week 1 - Days 1-3'
        span = _span_search(text, span.end())
    if span is None:
        return None
    first = int(span.group("a"))
    return first, int(span.group("b") or first)


def _dated_apart(text: str, again: str) -> bool:
    """Whether two headings of one week give dates a week or more apart: the second a week written twice ('Week 16 -
    July 26-August 1', then 'Week 16 - August 2-8'), not a later day of the first's week ('Week 1 — Combat (Mar 25)'
    after 'Week 1 — Input (Mar 23)')."""
    starts = []
    for heading in (text, again):
        dates = _DATES_ANY.search(heading)
        found = _ONE_DAY.search(dates.group()) if dates is not None else None  # the first day of its dates
        start = _date_of(found, "s") if found is not None else None
        if start is None:
            return False
        starts.append(start)
    days = _calendar(starts)
    return days is not None and (days[1] - days[0]).days >= 7


def _next_other_weeks(found: Sequence[PhaseHeading]) -> list[int | None]:
    """Return, for each heading, the first week of the first heading after it that gives another week than it does;
    None where none follows or that heading gives no weeks."""
    other: list[int | None] = [None] * len(found)
    for k in range(len(found) - 2, -1, -1):
        after = found[k + 1].first
        other[k] = after if after != found[k].first else other[k + 1]
    return other


def quoted_few(texts: Sequence[str], most: int = 3) -> str:
    """Quote the first `most` texts for a message, and say there are more: "'A', 'B', 'C', …"."""
    return ", ".join(f"'{text}'" for text in texts[:most]) + (", …" if len(texts) > most else "")


def dated_hint(headings: Sequence[tuple[int, str]]) -> str | None:
    """Return a hint naming the dated headings of a file that are no plan (`dated_phases` read none), else None."""
    dated = [text for _, text in headings if read_dated_heading(text) is not None]
    if not dated:
        return None
    named = quoted_few(dated)
    return (
        f"its dated headings ({named}) are phases only when two or more at one level run forward in calendar "
        "order; or write them as '## Week 1 (Jan 6 – Jan 12): Title'"
    )


def day_hint(headings: Sequence[tuple[int, str]]) -> str | None:
    """Return a hint naming the headings of a file that open with one day ('8 Jan 2026 — Kick-off', 'Thu, Oct 3'),
    which are no phases (a series heading may: 'Thu 8 Jan 2026 — Session 1: Kick-off'), else None."""
    days = []
    for _, text in headings:
        lead = _LEAD.match(text) if _DIGIT.search(text) is not None else None
        day = _ONE_DAY.match(text, lead.end()) if lead is not None else None
        if day is not None and text[day.end() :].strip()[:1] in ("", "-", "–", "—", ":", "|", "·", ","):
            days.append(text)
    if len(days) < 2:
        return None
    return (
        f"its headings dated by one day ({quoted_few(days)}) are no phases: give the weeks they are in ('## Week 1 "
        "(Jan 8): Kick-off') or number them ('## Session 1: Kick-off (Jan 8)')"
    )


# A calendar date as plans head a block with one: 'Jan 20', 'March 10th', '3 March', 'Jan 6, 2025', '2025-03-24' (month
# names as `_MONTH_NAME` reads them); a month name needs its day beside it ('May the Force' holds no date).
_DAY_NUMBER = r"\d{1,2}(?:st|nd|rd|th)?"
_ONE_DATE = (
    rf"(?:{_WEEKDAY})?(?:{_MONTH_NAME}\s*{_DAY_NUMBER}(?:,?\s*\d{{4}})?|{_DAY_NUMBER}\s+{_MONTH_NAME}(?:,?\s*\d{{4}})?"
    r"|\d{4}-\d{2}-\d{2})(?![^\W_])"
)
# Dates from one to another ('Jan 20 – Feb 2', 'March 10-23', '2025-03-24 → 2025-04-13', '2026-06-30 ~ 2026-07-04'),
# or a week named by its first day ('Week of March 3').
_DATES = (
    rf"(?:(?:{WEEK_WORDS})\s+of\s+)?{_ONE_DATE}"
    rf"(?:\s*(?:-|–|—|→|~|～|〜|to|until|till)\s*(?:{_ONE_DATE}|\d{{1,2}}(?![^\W_])))?"
)
_DATES_FIRST = re.compile(rf"{_DATES}\s*(?=[:\-–—|(\[]|$)", re.IGNORECASE)
_DATES_BRACKETED = re.compile(rf"[(\[]\s*{_DATES}\s*[)\]]", re.IGNORECASE)
_DATES_LAST = re.compile(rf"[-–—:|,]\s*{_DATES}\s*$", re.IGNORECASE)
_DATES_ANY = re.compile(_DATES, re.IGNORECASE)
_DATES_ONLY = re.compile(rf"\s*{_DATES}\s*", re.IGNORECASE)
_TITLE_COLUMN = re.compile(rf"\s*(?:{_TITLE_WORD})\s*", re.IGNORECASE)
# A column of titles said whose titles they are: a word before its word ('Session Topic', 'Lecture Title', 'Main
# topic'), or after it what they belong to ('Topic of the week', 'Thema der Sitzung', 'Tema de la clase'). A column of
# the word alone titles a row first ('| Reading title | Topic |' is about its topic).
_QUALIFIED_TITLE_COLUMN = re.compile(
    rf"\s*(?:(?P<before>[^\W\d_]+)\s+)?(?:{_TITLE_WORD})"
    rf"(?:\s+(?:of|der|des|de|del|du|della|do|da)(?P<after>(?:\s+[^\W\d_]+){{1,2}}))?\s*",
    re.IGNORECASE,
)
# The work and reading of a week, whose titles a qualified column may hold ('Assignment title', 'Reading topic',
# 'Thema der Hausaufgabe'): no title of the row, which its first column with words gives.
_WORK_QUALIFIERS = frozenset(
    {
        *("assignment", "assignments", "homework", "hw", "project", "projects", "lab", "labs", "exercise", "quiz"),
        *("exam", "test", "reading", "readings", "book", "paper", "essay", "video", "task", "challenge", "problem"),
        *("deliverable", "presentation", "capstone", "aufgabe", "hausaufgabe", "projekt", "übung", "lektüre"),
        *("tarea", "proyecto", "lectura", "ejercicio", "devoir", "projet", "exercice", "compito", "progetto"),
    }
)


def _title_column(column: re.Pattern[str], header: str) -> bool:
    """Return True for a header of a column of titles (`_TITLE_COLUMN`, `_QUALIFIED_TITLE_COLUMN`) that are not the
    titles of a week's work or reading (`_WORK_QUALIFIERS`)."""
    found = column.fullmatch(header)
    if found is None or column is _TITLE_COLUMN:
        return found is not None
    words = f"{found.group('before') or ''} {found.group('after') or ''}".casefold().split()
    return not any(word in _WORK_QUALIFIERS for word in words)


# The header of a table's column that numbers its rows ('#', 'No.', 'Nr', 'S.No', 'Sr. No.', 'S/N', '№', 'Lfd. Nr.').
_COUNTER_COLUMN = re.compile(
    r"#|№|n[oº°]\.?|nr\.?|nro\.?|n[úu]m\.?|(?:s|sr|sl)\.?\s?no\.?|s/n|lfd\.?\s?nr\.?", re.IGNORECASE
)


# A row's count other than digits: a unit's Roman numeral ('III', as courses number their units).
_ROMAN_COUNT = re.compile(rf"(?:{ROMAN})")
# A key of a row under a column of row numbers that is the author's, no count: a letter and a number ('X1', an
# extra lesson; 'A1'). It is shown as a detail of the row, never its title.
_KEYED = re.compile(r"[A-Z]\d{1,2}")


def counter_cell(header: str, plain: str) -> bool:
    """Return True for a table cell that only counts its row: a number ('3', '03', '3.') or a Roman numeral in
    capitals ('IV') under a column of row numbers ('#', 'No.', 'Nr', 'S.No'). It is no title of the row nor a
    detail worth showing."""
    number = plain.rstrip(".)")
    return (
        0 < len(number) <= 4
        and number.isascii()
        and (number.isdigit() or (number.isupper() and _ROMAN_COUNT.fullmatch(number.lower()) is not None))
        and _COUNTER_COLUMN.fullmatch(header.strip()) is not None
    )


def uncounted(cells: tuple[tuple[str, str, str], ...]) -> tuple[tuple[str, str, str], ...]:
    """Return a table row's cells ((header, md, clean text)) without those that only count it (see `counter_cell`),
    or all of them when nothing else is left."""
    if not any(plain[:1].isalnum() and counter_cell(header, plain) for header, _, plain in cells):
        return cells
    kept = tuple(cell for cell in cells if not counter_cell(cell[0], cell[2]))
    return kept or cells


# The header of a table's column of codes that name its rows ('ID', 'Code', 'Course code', 'Module ID', 'Workshop
# Code', 'Ref'), and such a code: letters then a number ('PC3', 'CSB1', 'CS-101', 'T1'), the way a self-study degree
# keys its courses and a study group its sessions; a cell may key its row with several ('PR01, PR03', 'TR 2 / TR 3').
_CODE_COLUMN = re.compile(
    r"\s*(?:[^\W\d_]+\s*)?(?:id|code|ref)\s*|\s*(?:k[üu]rzel|c[óo]digo|codice)\s*",
    re.IGNORECASE,
)
_ONE_CODE = r"\s*[^\W\d_]{1,6}[-_ .]?\d{1,4}[^\W\d_]?\s*"
_CODE = re.compile(rf"{_ONE_CODE}(?:[,/&]{_ONE_CODE})*")


def code_cell(header: str, plain: str) -> bool:
    """Return True for a table cell that only keys its row with codes ('PC3' under 'ID', 'CS-101' under 'Course
    code', 'PR01, PR03' under 'Workshop Code'): it names no topic, and the row is about its course or session ('| PC3 |
    Object Oriented Programming in Java |')."""
    return _CODE.fullmatch(plain) is not None and _CODE_COLUMN.fullmatch(header) is not None


# The header of a problem list's column of the problems it names ('| # | Type | Problem | Difficulty |', '| Question |',
# 'Problem name'): what its rows are about, as a column of titles or topics is.
_PROBLEM_COLUMN = re.compile(r"\s*(?:problems?|questions?)(?:\s+(?:name|title))?\s*", re.IGNORECASE)


def titles_column_cell(cells: Sequence[tuple[str, str, str]]) -> int | None:
    """Return the index of a table row's cell ((header, md, clean text)) under a column of its titles ('Title',
    'Topic', 'Thema', …) or of a problem list's problems ('Problem', 'Question'), where it has words; else None: '|
    1 | Array | Two Sum | Easy |' under '| Number | Type | Title | Difficulty |' is about Two Sum, not Array."""
    for i, (header, _, plain) in enumerate(cells):
        named = _TITLE_COLUMN.fullmatch(header) is not None or _PROBLEM_COLUMN.fullmatch(header) is not None
        if named and any(c.isalpha() for c in plain):
            return i
    return None


def title_cell(cells: Sequence[tuple[str, str, str]], by_header: bool = False) -> int | None:
    """Return the index of the cell ((header, md, clean text)) that titles a table row: with `by_header`, the one
    under a column of titles ('Topic', 'Title', 'Thema', 'Tema', 'Sujet', …) where it has words; else the first with
    words that is no date ('| 8 | Mar 2–6 | Midterm |' is about the Midterm), no code under a column of codes (see
    `code_cell`) or of row numbers ('| X1 | CLIP |' under '| No | Lesson |'), and no aside in brackets alone ('| W8 |
    (light) | RISC-V CPU |' is about the CPU), else the first with words; None when no cell has words."""
    if by_header:
        for column in (_TITLE_COLUMN, _QUALIFIED_TITLE_COLUMN):
            for i, (header, _, plain) in enumerate(cells):
                if _title_column(column, header) and any(c.isalpha() for c in plain):
                    return i
    first = None
    for i, (header, _, plain) in enumerate(cells):
        if any(c.isalpha() for c in plain):
            if (
                not only_dates(plain)
                and not only_day(plain)
                and not code_cell(header, plain)
                and not _aside(plain)
                and not (_KEYED.fullmatch(plain) and _COUNTER_COLUMN.fullmatch(header.strip()))
            ):
                return i
            first = i if first is None else first
    return first


def _aside(text: str) -> bool:
    """Return True for a text that is one aside in brackets and nothing else ('(light)', '(optional)')."""
    return text[:1] == "(" and text[-1:] == ")" and text.count("(") == 1


# A weekday and a date in numbers, as a course schedule writes them ('Mon 1/5', 'Wed 1/28/2026', 'Tue 9/2 – Thu 9/4'):
# a date (the numbers alone, '1/19', are no words to title a row by either).
_NUMERIC_DAY = rf"{_WEEKDAY}\d{{1,2}}/\d{{1,2}}(?:/\d{{2}}(?:\d{{2}})?)?(?!\d)"
_NUMERIC_DAYS = re.compile(rf"\s*{_NUMERIC_DAY}(?:\s*[-–—]\s*{_NUMERIC_DAY})?\s*", re.IGNORECASE)


def only_dates(text: str) -> bool:
    """Return True for a text that gives dates and nothing else ('Jan 12–16', 'Mar 30–Apr 3', '2026-01-12', 'Mon
    1/5')."""
    if not any(c.isdigit() for c in text):
        return False
    return _DATES_ONLY.fullmatch(text) is not None or ("/" in text and _NUMERIC_DAYS.fullmatch(text) is not None)


# A weekday after a date, or alone ('June 27, Monday', 'June 27 (Mon)', 'Tuesday'): said of the date
_WEEKDAY_LAST = re.compile(rf"(?:^|\s*[,(\[–—-]\s*|\s+){_DAY_NAME}\s*[)\]]?\s*$", re.IGNORECASE)


def when_alone(text: str) -> bool:
    """Return True for a text that says when and nothing else: a date, a weekday, or both ('June 27, Monday',
    'Tuesday, March 3', 'Fri', '(March 3)', '(Tue)'), as a log of days heads each day."""
    bracketed = text.lstrip()[:1] in "(["
    text = text.strip(" ()[]")
    weekday = _WEEKDAY_LAST.search(text) if text[-1:].isalpha() or text[-1:] in ")]" else None
    if weekday is None:
        return only_dates(text)
    before = text[: weekday.start()]
    if before.strip():
        return only_dates(before)
    # 'Sun' or 'Wed' alone may be a topic; in brackets it is a note of when
    return bracketed or weekday.group().strip().lower().endswith("day")


_DUE = re.compile(r"(?:due|deadline)\s*(?:[:：]|on|by)?\s*", re.IGNORECASE)


def due_dates(text: str) -> bool:
    """Return True for a text that gives when something is due and nothing else ('due Jan 6', 'Deadline: 2025-01-06'),
    as a milestone's heading writes it after its week."""
    if "ue" not in text and "ine" not in text and "UE" not in text and "INE" not in text:  # most texts
        return False
    due = _DUE.match(text)
    return due is not None and only_dates(text[due.end() :])


def without_dates(title: str) -> str:
    """Return a phase's title without the dates it ends with in brackets ('Arrays & Hashing (Mar 4–9)' is 'Arrays &
    Hashing'): when it runs is no words of what it is about."""
    at = title.rfind("(") if title.endswith(")") else -1
    if at <= 0 or not only_dates(title[at + 1 : -1]):
        return title
    return title[:at].rstrip() or title


# The names of the days of the week, in full and as schedules shorten them, in English, German, Spanish and French
# (casefolded, accents kept and dropped), and the weekend.
# fmt: off
_DAY_NAMES = frozenset([
    "mon", "monday", "tue", "tues", "tuesday", "wed", "weds", "wednesday", "thu", "thur", "thurs", "thursday", "fri",
    "friday", "sat", "saturday", "sun", "sunday", "weekend",
    "mo", "di", "mi", "do", "fr", "sa", "so", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
    "sonnabend", "sonntag", "wochenende",
    "lun", "mar", "mié", "mie", "jue", "vie", "sáb", "sab", "dom", "lunes", "martes", "miércoles", "miercoles",
    "jueves", "viernes", "sábado", "sabado", "domingo",
    "mer", "jeu", "ven", "sam", "dim", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
])
# fmt: on
# A day counted in a schedule ('Day 3', 'Days 4-5', 'Tag 2', 'Día 10').
_COUNTED_DAY = re.compile(rf"(?:{_DAY_WORDS})\s*\d{{1,3}}(?:\s*[-–]\s*\d{{1,3}})?", re.IGNORECASE)
_DAY_NAME_GAPS = re.compile(r"[\s\-–—/&,+.]+")


def only_day(text: str) -> bool:
    """Return True for a table cell that names a day of a schedule and nothing else: a weekday or a few ('Mon',
    'Tuesday', 'Sat–Sun', 'Weekend', 'Lun'), or a counted day ('Day 3', 'Days 4-5'). Like a date, it says when the
    row is, not what: '| Tue | Hash maps | Two Sum |' is about hash maps."""
    if len(text) > 24 or not text[:1].isalpha():
        return False
    if text[-1:].isdigit():
        return _COUNTED_DAY.fullmatch(text.strip()) is not None
    words = _DAY_NAME_GAPS.split(text.casefold().strip(" .,:"))
    return all(word in _DAY_NAMES for word in words)


# The header of an author's column of statuses ('| Status |', '| Progress |', '| Done |'), in the languages role
# files are written in: where the author stands, which no learner does.
_STATUS_COLUMN = re.compile(
    r"status|progress|state|done\??|completed?\??|fortschritt|stand|estado|progreso|statut|progression|avancement"
    r"|stato|avanzamento|progresso|voortgang|durum|postęp|статус|прогресс|прогрес|状态|進捗|状態|진행|상태",
    re.IGNORECASE,
)
# What such a column's cell says, once its marks ('✅', '🚧', ':white_check_mark:') are left out: a status.
_CELL_STATUS_WORDS = re.compile(
    r"(?:(?:currently|now|still|already)\s+)?"
    r"(?:done|completed?|finished|learned|mastered|in\s+progress|learning|doing|started|ongoing|wip|working"
    r"|not\s+(?:started|yet|done)|to[\s-]*do|planned|pending|up\s+next|next|queued|skipped|paused|on\s+hold|blocked"
    r"|yes|no|true|false|x|erledigt|fertig|offen|in\s+arbeit|hecho|completado|terminado|en\s+curso|pendiente"
    r"|fait|termin[ée]e?|en\s+cours|[àa]\s+faire|feito|conclu[íi]do|em\s+andamento|fatto|in\s+corso|da\s+fare"
    r"|gedaan|klaar|bezig|selesai|tamamland[ıi]|zrobione|выполнено|готово|в\s+процессе|виконано|完成|进行中|済|完了"
    r"|завершено|пройдено|изучено|в\s+работе|не\s+начато|запланировано|[ву]\s+процесі|не\s+розпочато)"
    r"(?:\s+(?:now|yet|already))?",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\d{1,3}(?:[.,]\d+)?\s*%")
# Marks, a task's box ('[x] Completed', '[/] In progress'), shortcodes and punctuation: no words of a status.
_CELL_STATUS_MARKS = re.compile(r"\[[ xX/~-]?\]|:[a-z0-9_+-]+:|[^\w\s]|_", re.IGNORECASE)


def status_cell(header: str, text: str) -> bool:
    """Return True for a table cell under an author's column of statuses ('| Status |' of '✅ Complete', '🚧 In
    progress', 'Done', '⏳'): where the author stands on the row, shown to no learner, who stands elsewhere."""
    if _STATUS_COLUMN.fullmatch(header.strip(" *_:")) is None:
        return False
    if _PERCENT.fullmatch(text.strip()) is not None:  # '40%': how far the author got
        return True
    words = " ".join(_CELL_STATUS_MARKS.sub(" ", text).split())
    return (not words and text.strip() != "") or _CELL_STATUS_WORDS.fullmatch(words) is not None


def own_title(text: str) -> str:
    """Return what a heading's clean text titles once its number, its span or length and its dates are set aside:
    '6️⃣ Kubernetes — 4 weeks' is 'Kubernetes', '3. Testing (2 weeks)' 'Testing', 'Tygodnie 6–8: JavaScript'
    'JavaScript', 'Jan 20 – Feb 2: SwiftUI Basics' 'SwiftUI Basics', 'Testing and Debugging (March 10 – March 23)'
    'Testing and Debugging'. A phase word and its number ('Stage 2 project') are words of the title; a heading of
    nothing else ('Week 3') is its own title."""
    original = text
    text = _as_numbered(text)
    said: Said = ()
    if _maybe_foreign(text):
        text, said = _in_english(text)
    body = _span_body(text)
    outline = _OUTLINE.match(body) or _DOTTED_OUTLINE.match(body)
    if outline is not None:
        body = body[outline.end() :]
    dates = _DATES_FIRST.match(body)
    if dates is not None:
        body = body[dates.end() :]
    slashed = _slashed(body.lstrip(_EDGES)) if "/" in body else None
    span = slashed[0] if slashed is not None else _SPAN_START.match(body.lstrip(_EDGES))
    if span is not None:
        body = _title_of(_without(body.lstrip(_EDGES), span))
        count = _COUNT.match(body) if slashed is None and not span.group("b") else None
        body = body[count.end() :] if count is not None else body  # 'Week 3 of 12: CSS': how many in all
    elif (given := _span_in_title(body)) is not None and given[1] is not None:
        body = _title_of(given[2])  # 'HTML and CSS (weeks 1-3)'
    length = _LENGTH_BRACKETED.search(body) or _LENGTH_LAST.search(body)
    if length is not None:
        body = _title_of(_without(body, length))
    dates = _DATES_BRACKETED.search(body) or _DATES_LAST.search(body)
    if dates is not None:
        body = f"{body[: dates.start()]} {body[dates.end() :]}"
    title = _title(body)
    if not title:
        return original
    return _as_written(title, said) if said else title


def numbered_by(text: str) -> tuple[str, int] | None:
    """Return how a phase heading numbers its phase, and the number: its series word ('Step 4: Deploy' is ('step',
    4)), or 'phase' for a phase word or a section number ('Phase 4', 'Stage 4', '4. Containers', '4️⃣ Containers');
    None for a heading numbered by its place in the plan (weeks, months, quarters, levels)."""
    series = read_series_heading(text)
    if series is not None and series[1].number is not None:
        return series[0], series[1].number
    found = read_phase_heading(text)
    if found is None or found.number is None:
        return None
    return "phase", found.number
