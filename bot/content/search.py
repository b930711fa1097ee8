"""Typo-tolerant search over every section, topic and checklist item of every role.

A full fuzzy scan of 50,000 entries costs hundreds of milliseconds, so the index works on words instead:
1. each query word is matched against the *vocabulary* (a few thousand distinct words): exactly, as a prefix
   (for autocomplete while typing), or fuzzily with rapidfuzz over the words that share its first or second
   letter and are near its length (`postgress` -> `postgresql`; at most 8, close to the closest one);
   a word or phrase of the synonym table (`bot.content.synonyms`) also matches the other names listed for it,
   below the word itself (`databases` -> `postgresql`, `version control` -> `git`);
2. the matched words' posting lists name the entries that hold them in their title or their own text;
3. the rarest query word picks the candidates, and the others add to them, so a word that is everywhere costs
   little; entries score by how much of the query they cover (rare words weigh more), title hits over body hits;
4. a shortlist gets the words of its heading path (role, phase, subsection; for a nested topic or item, the ones it
   is nested under too) as a smaller boost, a title hit counts less the more of the title's other words the query
   leaves out ('Decision trees' is not all about 'trees'), and the list is ranked by specificity (a topic or a
   subsection beats the whole phase that holds it).
Entry IDs are given in order of specificity, so every posting list is sorted most specific first, and a very
common word only touches its most specific entries.
"""

from __future__ import annotations

import bisect
import math
import re
from array import array
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, compress, count, filterfalse, islice, repeat
from operator import add, contains, is_not, itemgetter, mul, neg, not_
from typing import NamedTuple, TypeVar

from bot.content.accents import fold_case, fold_marks, fold_words
from bot.content.cjk import CJK, cjk_words
from bot.content.ids import name_key
from bot.content.models import Role, Section, item_note
from bot.content.phases import ROMAN, own_title, roman_value, without_dates
from bot.content.synonyms import SYNONYMS

T = TypeVar("T")
_WORD = re.compile(r"[^\W_]+[+#]*")
# A heading's bullets are entries of their own (topics, checklist items): its body words are its own prose.
HEADING_KINDS = frozenset({"section", "phase"})
OWN_TEXT_KINDS = HEADING_KINDS | {"subsection"}
_NAMED_KINDS = frozenset({"section", "subsection"})  # may be titled with the heading they are under
# A topic or checklist item shows what is nested under it on the lines after its own: those are entries of their own.
NESTING_KINDS = frozenset({"topic", "checklist"})
EXACT_OFF_PATH = 0.96
EXACT_BULLET = 0.995  # a topic or an item titled by the query: below a heading of that title, above a near one
TYPO_EXACT = 0.8  # a typo's closest word, at least this similar, makes a title of that word an exact one
AUTHOR_TYPO = 0.85  # a look-alike of a word typed, this similar and no more used, is a title's misspelling of it
NEAR_EXACT = 0.99  # a title that is the query but for a plural or a stop word ('Linked Lists', 'Learn Docker')
_ID, _TITLE, _PATH = itemgetter(0), itemgetter(1), itemgetter(2)  # of a Section
# A bullet line ('- x', '* x', '+ x', '1. x', '2) x', indented or not) after a line break, and one that opens the text.
_BULLET_LINE = re.compile(r"\n[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t][^\n]*")
_FIRST_BULLET_LINE = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t][^\n]*")
# A heading's label: a number ('1.2 A first language', '2. Databases') or a word and a number ('Stage 2 — Databases',
# 'Chapter 3: Joins') before a separator; 'Stage 2 project' has none (the number is part of the title).
_LABEL = re.compile(
    r"[^\w]*(?:(\d{1,4}(?:\.\d{1,4})*)(?=$|\s|[:.)\]|–—-])|([^\W\d_]+\s*\d{1,4}(?:\.\d{1,4})*)(?=\s*(?:$|[:.)\]|–—(-])))"
)
# A Roman label, in folded text: a numeral after a word that labels a part of a plan ('Stage III. Cloud', 'Part IV:'),
# or alone ('III. Cloud', 'IV.1 Terraform'). 'I', 'V' and 'X' are words too ('I think', 'X-ray'): the numeral must be
# followed by a separator (`_AFTER_ROMAN`), or by a dotted number and a blank.
_LABEL_WORDS = "|".join(
    [
        *("phase", "stage", "step", "part", "module", "unit", "lesson", "chapter", "level", "sprint", "milestone"),
        *("section", "book", "volume", "vol", "tier", "round", "week", "month", "quarter", "day", "lecture"),
        *("session", "fase", "etapa", "etape", "schritt", "stufe", "teil", "kapitel", "abschnitt", "paso", "parte"),
        *("capitulo", "nivel", "modulo", "unidad", "leccion", "partie", "chapitre", "niveau", "capitolo"),
    ]
)
_ROMAN_LABEL = re.compile(rf"[^\w]*(?:({_LABEL_WORDS})\s+)?({ROMAN})((?:\.\d{{1,4}})*)")
_AFTER_ROMAN = re.compile(r"\s*(?:$|[:)\]|–—(]|[.-](?![^\W\d_]))")
_AFTER_DOTTED = re.compile(r"$|\s|[:.)\]|–—-]")
_ROMAN_QUERY = re.compile(rf"({_LABEL_WORDS}) ({ROMAN})((?:\.\d{{1,4}})*)")
# What a title with a label holds: a number, or a word of the letters of a Roman numeral.
_MAY_LABEL = re.compile(r"\d|\b[ivxIVX]{1,5}\b")
_BLANKS = re.compile(r"\s+")
_SLASHES = re.compile(r"\s+/\s+")  # between the names a title gives its topic ('Heap / Priority Queue')
_NUMBERED = re.compile("[\\d\U0001f51f]")  # a digit, or the keycap 🔟 (a number without one)
# Two words joined by a number as names write them ('nand2tetris', 'peer2peer'): the words, of three letters or more.
_JOINED = re.compile(r"([^\W\d_]{3,})\d{1,2}([^\W\d_]{3,})")
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "how",
        "i",
        "in",
        "into",
        "is",
        "it",
        "me",
        "my",
        "of",
        "on",
        "or",
        "the",
        "to",
        "what",
        "when",
        "where",
        "which",
        "with",
        "about",
        "do",
        "does",
        "learn",
        "learning",
    ]
)
# Words a question is framed in, beside the stop words: they count QUESTION_WEIGHT of their weight in a query that
# names something else ('which bundler should I use', 'what do you need to know about docker').
QUESTION_WORDS = frozenset(
    [
        # what a learner asks for about a topic ('best resources for docker', 'docker tutorial', 'interview prep',
        # 'getting started with kubernetes', 'teach me sql', 'does this path cover kafka')
        "beginner",
        "beginners",
        "cover",
        "covered",
        "covers",
        "getting",
        "guide",
        "guides",
        "path",
        "please",
        "prep",
        "recommended",
        "resource",
        "resources",
        "started",
        "teach",
        "teaches",
        "tips",
        "tutorial",
        "tutorials",
        "any",
        "can",
        "could",
        "get",
        "know",
        "must",
        "need",
        "our",
        "really",
        "shall",
        "should",
        "some",
        "start",
        "study",
        "that",
        "there",
        "these",
        "this",
        "those",
        "understand",
        "us",
        "use",
        "using",
        "want",
        "way",
        "we",
        "whats",
        "who",
        "why",
        "will",
        "worth",
        "would",
        "you",
        "your",
    ]
)
QUESTION_WEIGHT = 0.2
TITLE_WEIGHT = 1.0
BODY_WEIGHT = 0.55
CONTEXT_WEIGHT = 0.35
WORD_BUDGET = 1500  # entries one query word may touch; the most specific ones
SMALL_WORD = 500
_CHUNK = 4096  # entries whose words are found at once while the index is built...
_CHUNK_CHARS = 100_000  # ...and at most this many characters of their text (phases hold long texts)
_OWN_CHUNK = 512  # headings whose own title's words and title's words are compared at once
_STEP = 2048  # entries per step of a C-level pass over all entries (`_listed`): a regex search each is ~4 ms
SHORTLIST = 8  # candidates per wanted hit that get the context boost and the specificity ranking
FUZZY_SPREAD = 10.0  # a typo expands to the words within this many points of its closest one
BESIDE_EXACT = 0.5  # a look-alike of a word the content uses counts at most this: below it in a text (BODY_WEIGHT)
SHORTLIST_FLOOR = 20  # up to this limit the shortlist is the same: a shorter list is the longer one's start
SYNONYM_SIMILARITY = 0.7  # a broader word's narrower names count this much of the word itself (bot.content.synonyms)
PHRASE_SIMILARITY = 0.9  # an abbreviation's hits on the phrase it stands for count this much of the phrase's own
MAX_REWRITES = 3  # phrases an abbreviated query is written out with, at most
MAX_KEY_WORDS = 3  # the longest synonym key, in words
TITLE_SLACK = 10  # hits beyond the limit that `titles` asks for, for repeated titles
ROLE_SCAN = 300  # up to this many role texts, the fuzzy role match scores them all
ROLE_PAIR_SHARE = 0.5  # beyond, only texts holding this share of the query's letter pairs are scored
# A title that holds the query among other words is about it less the more other words it holds: each word the query
# leaves out divides its score by 1 + TITLE_EXTRA_WORD, down to TITLE_FIT_FLOOR ('Decision trees' keeps 0.97 of it
# for 'trees', below any title that is the query; a sentence that mentions 'linked list' among 7 other words 0.8):
# a few more words cost little, so close titles are still offered beside an exact one, and a long title hit still
# counts above a text's BODY_WEIGHT.
TITLE_EXTRA_WORD = 0.035
TITLE_FIT_FLOOR = 0.7
MAX_TITLE_COUNT = 127
MAX_NESTING = 8  # checklist items nested in one another, at most (as bullets are)
KIND_PRIOR = {"topic": 1.0, "subsection": 1.0, "checklist": 0.9, "section": 0.9, "phase": 0.85, "facts": 0.95}


def label_keys(text: str) -> tuple[str, ...]:
    """Return a heading's label as the queries typed alone that find it would be ('stage 2', '1.2'), or () if it has
    none. A Roman numeral after its word is its number ('Stage III' is 'stage 3'), and one of several letters is
    also a label alone ('iii'); alone, it is as written ('IV.1 Terraform' is 'iv.1', 'I. Basics' 'i')."""
    folded = fold_marks(fold_case(text))
    found = _LABEL.match(folded)
    if found is not None:
        return (_BLANKS.sub(" ", (found.group(1) or found.group(2)).strip()),)
    found = _ROMAN_LABEL.match(folded)
    if found is None:
        return ()
    word, numeral, dotted = found.groups()
    after = _AFTER_DOTTED if dotted else _AFTER_ROMAN
    if after.match(folded, found.end()) is None:
        return ()
    if word is None:
        return (numeral + dotted,)
    number = f"{word} {roman_value(numeral)}{dotted}"
    return (number, numeral + dotted) if len(numeral) > 1 else (number,)


def _query_label(query: str) -> str:
    """Return a query as a heading's label would be written: folded, its blanks single, no final punctuation; a
    Roman numeral after a word that labels is its number ('stage III' is 'stage 3', as `label_keys` has it)."""
    key = _BLANKS.sub(" ", fold_marks(fold_case(query)).strip(" \t\n:.?!"))
    roman = _ROMAN_QUERY.fullmatch(key)
    if roman is not None:
        word, numeral, dotted = roman.groups()
        return f"{word} {roman_value(numeral)}{dotted}"
    return key


def tokenize(text: str) -> list[str]:
    """Split text into lower-case words, without the marks on their letters ('bản' is 'ban': `fold_words`);
    Chinese, Japanese and Korean text into pairs of characters (`cjk_words`)."""
    folded = fold_case(text)  # half-width kana ('ｶﾀｶﾅ') are full-width ones after it
    words = _WORD.findall(folded)
    if folded.isascii():
        return words
    words = fold_words(words)  # only its words that are not ASCII are looked at
    return cjk_words(words) if CJK.search(folded) else words  # one look: most text has none


# Plain ASCII text (no '+' or '#', which only count after a word: 'c++') is split far faster as bytes: one
# table maps letters to lower case, keeps digits and the separator, and turns everything else into spaces.
_SEPARATOR = "\x1f"  # a control character; a text that holds one takes the regex path
_ASCII_WORDS = bytes(
    c + 32 if 65 <= c <= 90 else c if (48 <= c <= 57 or 97 <= c <= 122 or c == 0x1F) else 32 for c in range(256)
)


def word_sets(texts: Sequence[str]) -> list[set[str]]:
    """Return each text's set of words, as `tokenize` finds them, for many texts at once."""
    if not texts:
        return []
    plain = [t.isascii() and "+" not in t and "#" not in t and _SEPARATOR not in t for t in texts]
    # One piece per text (an empty one for the others, done with the regex below), so the sets are made by C-level
    # maps over the pieces.
    blob = _SEPARATOR.join([t if p else "" for t, p in zip(texts, plain, strict=True)])
    pieces = blob.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split(_SEPARATOR)
    sets = list(map(set, map(str.split, pieces)))
    for i in compress(count(), map(not_, plain)):
        sets[i] = set(tokenize(texts[i]))
    return sets


def _listed(items: Iterable[T]) -> list[T]:
    """Return `list(items)`, taken `_STEP` items at a time.

    `list(map(f, entries))` with a C function `f` is one C call, which holds the GIL for its whole length: over the
    50,000 entries of 1,000 roles, 5 to 15 ms, as long as the event loop of a bot that builds an index in a worker
    thread waits. Between steps, the interpreter hands the GIL over when it is asked for.
    """
    taking = iter(items)
    out: list[T] = []
    while step := list(islice(taking, _STEP)):
        out += step
    return out


def _exhaust(calls: Iterable[object]) -> None:
    """Run an iterator of C calls to its end, `_STEP` calls at a time (as `_listed`)."""
    taking = iter(calls)
    while len(list(islice(taking, _STEP))) == _STEP:
        pass


def own_text(section: Section) -> str:
    """Return the text a section holds itself: a heading's bullets, and what is nested under a topic or a checklist
    item, are entries of their own."""
    return _own(section.text, section.kind)


def _own(text: str, kind: str) -> str:
    if kind in OWN_TEXT_KINDS:
        return _without_bullets(text)
    if kind in NESTING_KINDS and "\n" in text:
        first = text.index("\n")
        if kind == "checklist":  # its own line and its note: the items nested under it are entries of their own
            note = item_note(text[first + 1 :].split("\n"))
            return f"{text[:first]}\n{note}" if note else text[:first]
        return text[:first]  # its own line: what is nested under a topic is entries of its own
    return text


def _nested_under(role: Role) -> dict[str, tuple[str, ...]]:
    """Return the titles of the topics, or the checklist items, that each nested topic or item of a role is nested
    under, outermost first, by its section ID ('Hooks' under '✔️ React — Recommended')."""
    out: dict[str, tuple[str, ...]] = {}
    topics: dict[str, str] = {}  # a topic's ID ('basics~t.1') is its parent's and its number ('basics~t.1.2')
    for sid, title, _, _, _, kind, _ in role.sections:
        if kind == "topic":
            topics[sid] = title
            parent = sid[: sid.rfind(".")]
            if parent in topics:  # a parent comes before what is nested under it
                out[sid] = (*out.get(parent, ()), topics[parent])
    items = {item.text: item.parent for item in role.checklist}
    for item in role.checklist:
        chain: list[str] = []
        parent = item.parent
        while parent and len(chain) < MAX_NESTING:
            chain.append(parent.rstrip(":").rstrip() or parent)
            parent = items.get(parent, "")
        if chain:
            out[item.id] = tuple(reversed(chain))
    return out


def _without_bullets(text: str) -> str:
    """Empty every bullet line of a text, keeping the line breaks.

    Each line after the first is found by the line break before it, which the regex engine scans for quickly; a
    pattern anchored at every line start (`^` with MULTILINE) is tried at every character instead."""
    if "\n" in text:
        text = _BULLET_LINE.sub("\n", text)
    first = _FIRST_BULLET_LINE.match(text)
    return text[first.end() :] if first else text


class Postings(NamedTuple):
    """Entries by word: in their title, in their other text; and each entry's title word count (for exact titles)."""

    title: dict[str, array[int]]
    body: dict[str, array[int]]
    title_counts: array[int]  # each title's words that are not stop words (`_title_count`)


def post_words(titles: Sequence[str], bodies: Sequence[str]) -> Postings:
    """Post entries 0, 1, 2, ... (`titles[i]`, `bodies[i]`) under their title words and their other words.

    Posting lists are arrays of 4-byte IDs: a list would hold a pointer and an int object per ID. The words are found
    a chunk of entries at a time (at most `_CHUNK` entries and `_CHUNK_CHARS` characters): all at once, their sets
    would take more memory than the finished index.
    """
    title_post: defaultdict[str, array[int]] = defaultdict(_postings)
    body_post: defaultdict[str, array[int]] = defaultdict(_postings)
    title_counts = array("b")
    ends = _listed(accumulate(map(len, titles), initial=0))
    ends = _listed(map(add, ends, accumulate(map(len, bodies), initial=0)))  # characters before each entry
    low = 0
    while low < len(titles):
        high = min(low + _CHUNK, max(low + 1, bisect.bisect_right(ends, ends[low] + _CHUNK_CHARS) - 1))
        title_sets = word_sets(titles[low:high])
        _post(title_post, low, title_sets)
        body_sets = word_sets(bodies[low:high])
        deque(map(set.difference_update, body_sets, title_sets), maxlen=0)  # in place: the sets are this call's own
        _post(body_post, low, body_sets)
        del body_sets
        title_counts.extend(  # `_title_count`, inlined: a call per entry
            [
                min(len(words) if STOPWORDS.isdisjoint(words) else len(words - STOPWORDS), MAX_TITLE_COUNT)
                for words in title_sets
            ]
        )
        low = high
    return Postings(dict(title_post), dict(body_post), title_counts)


_NO_POSTINGS: array[int] = array("I")  # a word only in contexts; shared, never appended to


def _title_count(words: set[str]) -> int:
    """Return how many of a title's words are no stop words, at most MAX_TITLE_COUNT (it is kept in a byte)."""
    return min(len(words) if STOPWORDS.isdisjoint(words) else len(words - STOPWORDS), MAX_TITLE_COUNT)


def _postings() -> array[int]:
    """Return a new, empty posting list."""
    return array("I")


def _post(postings: defaultdict[str, array[int]], first_id: int, sets: list[set[str]]) -> None:
    """Append each entry's ID (`first_id`, `first_id + 1`, ...) to the posting list of each of its words."""
    ids = chain.from_iterable(map(repeat, range(first_id, first_id + len(sets)), map(len, sets)))
    deque(map(array.append, map(postings.__getitem__, chain.from_iterable(sets)), ids), maxlen=0)  # all in C


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result."""

    role: str
    section: Section
    score: float
    terms: tuple[str, ...] = ()  # the query's words
    exact: bool = False  # its own title is the query, but for a plural or a stop word
    titled: bool = False  # its own title holds every word of the query (among others, or exactly)

    @property
    def path(self) -> tuple[str, ...]:
        return self.section.path

    @property
    def snippet(self) -> str:
        """Return the line of the section's text that best shows why it matched (made when asked for)."""
        return _snippet(self.section, self.terms)

    def where(self, role: Role) -> str:
        """Say where the hit is, beside its title: the path's name, then the headings above it ('Backend Engineer ·
        Learning Path › Phase 3: Databases'), as /skill-deep-dive's menu and `waymark search` list it."""
        section = self.section
        trail = role.trail(section.path)
        # A heading's path ends in itself, a bold label's in its label: its title says it
        if section.kind in OWN_TEXT_KINDS and trail[-1:] == section.path[-1:]:
            trail = trail[:-1]
        return f"{role.display_name} · {' › '.join(trail)}" if trail else role.display_name


@dataclass(frozen=True, slots=True)
class RoleMatch:
    """A role found by name, alias or display name."""

    name: str
    display_name: str
    score: float


class SearchIndex:
    """An inverted index of words to entries, with fuzzy word matching."""

    def __init__(self, roles: Iterable[Role], *, defer: bool = False) -> None:
        """Index `roles`; with `defer`, their entries are indexed on the first search (a console may never search).

        The roles' names are indexed at once either way: finding a role by name does not wait for the entries.
        """
        given = list(roles)
        self._roles: dict[str, Role] = {}
        self._role_keys: dict[str, str] = {}
        self._role_choices: list[tuple[str, str]] = []  # (text, role name)
        for role in given:
            name = role.name
            self._roles[name] = role
            for text in (name, role.display_name, *role.aliases):
                self._role_keys.setdefault(name_key(text), name)
                self._role_choices.append((text, name))
        self._build_role_picker()
        # Made here, not with the entries: the cache refers to the index itself, and the content holder counts the
        # references an index has when it is new (`bot.content.holder`), indexed or not.
        self._expand = lru_cache(maxsize=8192)(self._expand_uncached)
        self._look_alikes = lru_cache(maxsize=8192)(self._look_alikes_uncached)
        self._derived: dict[Hashable, object] = {}
        self._unindexed: list[Role] | None = given
        if not defer:
            self._index_entries()

    def _index_entries(self) -> None:
        """Index every section, topic and checklist item of the roles given (once)."""
        roles, self._unindexed = self._unindexed or [], None
        sections: list[Section] = []
        owner: list[str] = []  # each section's role
        contexts: dict[tuple[str, tuple[str, ...]], int] = {}  # (role, heading path) -> context ID
        raw_context: list[int] = []
        # A phase's own title: its heading without its number, weeks and dates ('Week 2: CSS Grid' is 'CSS Grid',
        # 'Week 1 (Jan 6-12): Swift basics' 'Swift basics').
        phase_titles: dict[tuple[str, str], str] = {}
        for role in roles:
            name = role.name
            for phase in role.phases:
                phase_titles[name, phase.section_id] = without_dates(phase.title)
            role_sections = role.sections
            sections += role_sections
            owner += repeat(name, len(role_sections))
            by_path: dict[int, int] = {}  # the entries under a heading share its path tuple: one lookup each
            under = _nested_under(role)  # a nested topic's or item's place: the ones it is nested under too
            for path, sid in zip(map(_PATH, role_sections), map(_ID, role_sections), strict=True):
                above = under.get(sid) if under else None
                if above is not None:
                    key = (name, path[:-1] + above)
                    ctx = contexts.get(key)
                    if ctx is None:
                        ctx = contexts[key] = len(contexts)
                    raw_context.append(ctx)
                    continue
                ctx = by_path.get(id(path))
                if ctx is None:
                    key = (name, path[:-1])
                    ctx = contexts.get(key)
                    if ctx is None:
                        ctx = contexts[key] = len(contexts)
                    by_path[id(path)] = ctx
                raw_context.append(ctx)
        # What each entry holds itself (`own_text`), and the words it holds beyond its title (`_body_text`); the
        # fields are unpacked once per entry, not read one attribute at a time (Section: id, title, path, text,
        # line, kind, phase).
        own_texts = [_own(text, kind) for _, _, _, text, _, kind, _ in sections]
        # Specific entries first (a short topic over the phase that holds it); a place on the path (a phase part)
        # over reference lists: prior = (1.0 on the path, else 0.9) * KIND_PRIOR / (1 + log1p(blanks + 2) / 8),
        # the blanks of its title: a short title names one thing; what an entry says about it (a heading's prose, a
        # course's link and details) makes it no less specific than a bare line of the same title.
        # Both factors take few values: each is worked out once (the same floats as computing it per entry).
        blanks = _listed(map(str.count, map(_TITLE, sections), repeat(" ")))
        shrink = {n: 1 + math.log1p(n + 2) / 8 for n in set(blanks)}
        weight = {
            (kind, on_path): (1.0 if on_path else 0.9) * KIND_PRIOR.get(kind, 0.9)
            for kind in {s[5] for s in sections}
            for on_path in (True, False)
        }
        # ...and so do the priors: one float object each, not one per entry.
        prior_of = {(kind, on_path, n): w / shrink[n] for (kind, on_path), w in weight.items() for n in shrink}
        priors = [
            prior_of[kind, phase is not None, n]
            for (_, _, _, _, _, kind, phase), n in zip(sections, blanks, strict=True)
        ]
        del prior_of
        # A heading's own prose; a topic's or an item's own line; a phase part's text and its topics.
        bodies = [
            own if kind in HEADING_KINDS else "" if (body := own if kind in NESTING_KINDS else text) == title else body
            for (_, title, _, text, _, kind, _), own in zip(sections, own_texts, strict=True)
        ]
        del own_texts
        # Entry IDs follow specificity, so every posting list is sorted most specific first for free. The priors
        # take few values: entries are put in order by value, each value's in their first order, as a stable sort
        # would (which is one C call over every entry).
        by_prior: defaultdict[float, list[int]] = defaultdict(list)
        for eid, prior in enumerate(priors):
            by_prior[prior].append(eid)
        order = _listed(chain.from_iterable(by_prior[prior] for prior in sorted(by_prior, reverse=True)))
        del by_prior
        # Each entry's role and section, side by side: a list of (role, section) pairs would cost a tuple an entry.
        self._entry_role: list[str] = [owner[i] for i in order]
        entry_sections = [sections[i] for i in order]
        self._entry_section: list[Section] = entry_sections
        boost_of = {prior: 0.8 + 0.2 * prior for prior in set(priors)}  # few values: one float object each
        self._boost = [boost_of[priors[i]] for i in order]
        # A title that is exactly the query: in full on the path, a little less in a reference list; a heading is
        # where its topic is taught, a bullet of the same title ('- *Final Project*: …' in a summary) mentions it.
        # Four values: one float object each, not one per entry (1.2 MB at 51,000 entries).
        exact_of = {
            (on_path, heading): (1.0 if on_path else EXACT_OFF_PATH) * (1.0 if heading else EXACT_BULLET)
            for on_path in (True, False)
            for heading in (True, False)
        }
        self._exact_boost = [exact_of[s[6] is not None, s[5] in OWN_TEXT_KINDS] for s in entry_sections]
        entry_bodies = [bodies[i] for i in order]
        del bodies

        # A heading's title counts the words of its own title, so 'css grid' is exactly 'Week 2: CSS Grid' and
        # 'kubernetes' '6️⃣ Kubernetes — 4 weeks': a phase's is its parsed title, another heading's is its title
        # with its number, span, length and dates set aside (`own_title`). Each of those holds a digit, but for
        # the keycap 🔟: other headings are their own titles. Many headings repeat across roles ('Month 1-3'):
        # each distinct title is read once.
        entry_titles = _listed(map(_TITLE, entry_sections))
        entry_role = self._entry_role
        kinds = _listed(map(itemgetter(5), entry_sections))
        phase_ids = _listed(compress(count(), map("phase".__eq__, kinds)))
        owns = [phase_titles.get((entry_role[eid], entry_sections[eid][0])) for eid in phase_ids]
        own_titles: dict[int, str] = dict(compress(zip(phase_ids, owns, strict=True), owns))
        headings = _listed(compress(count(), map(OWN_TEXT_KINDS.__contains__, kinds)))
        # A bold label or a sub-heading written under several headings is titled with its heading ('Phase 2:
        # JavaScript › Learn'): its own title is the label, the last of its path (`bot.content.parse`); the
        # heading's words are where it is, not what it is about, and count as words of its text.
        named_labels: list[int] = []
        for eid in compress(count(), map(_NAMED_KINDS.__contains__, kinds)):
            if " › " not in entry_titles[eid]:
                continue
            label = entry_sections[eid].written_title
            if label != entry_titles[eid]:
                own_titles[eid] = label
                named_labels.append(eid)
        numbered = compress(headings, map(_NUMBERED.search, map(entry_titles.__getitem__, headings)))
        read: dict[str, str] = {}
        for eid in filterfalse(own_titles.__contains__, numbered):
            title = entry_titles[eid]
            own = read.get(title)
            if own is None:
                own = read[title] = own_title(title)
            if own != title:
                own_titles[eid] = own
        # A bullet titled as a heading of its role is ('- Availability vs consistency' under '## Next steps')
        # mentions what that heading teaches: it ranks below the heading for any of the title's words, as it does
        # for the whole title (EXACT_BULLET). A bullet on the path still ranks above a reference section's.
        # Most specific first: of two headings of a title, the first one counts (the last written to the dict).
        # Streamed through maps: lists of every folded title would be the index build's largest passing allocation.
        last_first = headings[::-1]
        heading_titles = map(fold_case, (own_titles.get(eid) or entry_titles[eid] for eid in last_first))
        heading_keys = zip(map(entry_role.__getitem__, last_first), heading_titles, strict=True)
        heading_of = dict(zip(heading_keys, last_first, strict=True))
        nesting = _listed(compress(count(), map(NESTING_KINDS.__contains__, kinds)))
        nesting_titles = map(fold_case, map(entry_titles.__getitem__, nesting))
        helds = list(map(heading_of.get, zip(map(entry_role.__getitem__, nesting), nesting_titles, strict=True)))
        boost = self._boost
        for eid, held in compress(zip(nesting, helds, strict=True), map(is_not, helds, repeat(None))):
            if entry_sections[held][6] is not None or entry_sections[eid][6] is None:
                boost[eid] = min(boost[eid], boost[held] * EXACT_BULLET)
        del last_first, nesting, helds
        # The headings whose title may start with a label ('Stage 2', '1.2', 'Stage III'): `label_keys` reads them.
        may_label = _listed(compress(headings, map(_MAY_LABEL.search, map(entry_titles.__getitem__, headings))))
        del read, kinds, phase_ids, owns, headings, heading_of
        self._own_titles = own_titles
        title_post, body_post, self._title_counts = post_words(entry_titles, entry_bodies)
        # Titles in Chinese, Japanese or Korean are indexed as pairs of characters, which are no words to count: how
        # much of such a title a query covers is not weighed.
        self._paired_titles = frozenset(
            eid for eid, title in enumerate(entry_titles) if not title.isascii() and CJK.search(title)
        )
        slashed = _listed(compress(count(), map(contains, entry_titles, repeat(" / "))))
        del entry_titles, entry_bodies
        # A heading's title counts its own title's words. The words it holds beside its own title (its number, span,
        # length, dates: '4' and 'weeks' of 'Kubernetes — 4 weeks') are kept by word, for `_set_aside`: a query word
        # a heading holds only there counts as a word of its text, no title's. A chunk of titles at a time: their
        # sets, all at once, would be the index build's largest passing allocation.
        counts = self._title_counts
        aside: defaultdict[str, list[int]] = defaultdict(list)
        own_eids = list(own_titles)
        for low in range(0, len(own_eids), _OWN_CHUNK):
            chunk = own_eids[low : low + _OWN_CHUNK]
            owns = word_sets([own_titles[eid] for eid in chunk])
            titles = word_sets([entry_sections[eid][1] for eid in chunk])
            for eid, own, title in zip(chunk, owns, titles, strict=True):
                if own:  # a title of emoji has no words
                    counts[eid] = _title_count(own)
                    for word in title.difference(own):
                        aside[word].append(eid)
        del own_eids
        # A title that names its topic several ways, split by slashes ('Heap / Priority Queue / Binary Heap'), is
        # titled by each name: its names' words, stop words aside (a phase's own title's, without its weeks).
        names: dict[int, tuple[frozenset[str], ...]] = {}
        for eid in slashed:
            section = entry_sections[eid]
            title = own_titles.get(eid, section[1])
            parts = [frozenset(tokenize(part)).difference(STOPWORDS) for part in _SLASHES.split(title)]
            if len(parts) > 1:
                names[eid] = tuple(part for part in parts if part)
        self._names = names
        del phase_titles
        # Headings by their label, so 'stage 2', '1.2' or 'stage III' typed alone finds the heading it labels.
        labels: dict[str, list[int]] = {}
        for eid in may_label:
            for key in label_keys(entry_sections[eid].written_title):  # a bold label's, not its heading's
                labels.setdefault(key, []).append(eid)
        for eid in named_labels:  # its whole title, typed as shown, finds it as a label typed alone does
            labels.setdefault(_query_label(entry_sections[eid][1]), []).append(eid)
        del may_label, named_labels
        self._labels = labels

        # Contexts: a role and a heading path; their words lift the entries under it a little.
        entry_context = [raw_context[i] for i in order]
        parts = list({part: None for _, path in contexts for part in path})
        display = {name: role.display_name for name, role in self._roles.items()}
        parts += display.values()
        part_words = word_sets(parts)
        words = dict.fromkeys(chain(title_post, body_post, chain.from_iterable(part_words)))
        vocab = {w: i for i, w in enumerate(words)}
        del words
        self._title = [title_post.get(w, _NO_POSTINGS) for w in vocab]
        self._body = [body_post.get(w, _NO_POSTINGS) for w in vocab]
        # A context's words are its role's and its path parts': as a sorted tuple of word IDs (a set of ten costs
        # several times as much), one tuple for each distinct set.
        part_ids = {part: [vocab[w] for w in words] for part, words in zip(parts, part_words, strict=True)}
        del part_words
        shared: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._context_ids = [
            shared.setdefault(ids, ids)
            for ids in (
                tuple(sorted(set(part_ids[display[role_name]]).union(*map(part_ids.__getitem__, path))))
                for role_name, path in contexts
            )
        ]
        del shared, part_ids
        self._entry_context = entry_context
        self._vocab = vocab
        # Posting lists of 4-byte IDs, as the others: a frozenset of them costs ten times the memory.
        self._aside = {vocab[w]: array("I", eids) for w, eids in aside.items()}
        del aside
        self._words = list(vocab)
        self._sorted_words = sorted(vocab)
        # Fuzzy candidates: words sharing the query's first letter, or its second (a typo in the first), by
        # length: a word much shorter or longer than the query cannot reach the similarity cutoff.
        by_letter: dict[str, list[str]] = {}
        for w in self._words:
            by_letter.setdefault(w[0], []).append(w)
            if len(w) > 1 and w[1] != w[0]:
                by_letter.setdefault(w[1], []).append(w)
        self._by_letter = {letter: sorted(words, key=len) for letter, words in by_letter.items()}
        self._letter_lengths = {letter: [len(w) for w in words] for letter, words in self._by_letter.items()}
        # Each role's entries, for role-filtered searches (a set of one role's is made per search: tens to hundreds).
        by_role: defaultdict[str, array[int]] = defaultdict(_postings)
        _exhaust(map(array.append, map(by_role.__getitem__, self._entry_role), count()))
        self._role_entries = dict(by_role)
        n = max(len(self._entry_role), 1)
        self._idf = [math.log(1 + n / (1 + len(t) + len(b))) for t, b in zip(self._title, self._body, strict=True)]
        self._related = _related_words(SYNONYMS, vocab)
        self._phrases = _phrases(SYNONYMS, vocab)

    @staticmethod
    def _body_text(section: Section, own: str) -> str:
        """Return the words an entry holds beyond its title."""
        if section.kind in HEADING_KINDS:
            return own
        body = own if section.kind in NESTING_KINDS else section.text
        return "" if body == section.title else body  # a checklist item or a bare bullet

    def derived(self, key: Hashable, make: Callable[[], T]) -> T:
        """Return what `make` works out of the indexed roles, made on the first call for `key` and kept with them."""
        if key not in self._derived:
            self._derived[key] = make()
        return self._derived[key]  # type: ignore[no-any-return]

    def __len__(self) -> int:
        if self._unindexed is not None:
            self._index_entries()
        return len(self._entry_role)

    @property
    def vocabulary_size(self) -> int:
        if self._unindexed is not None:
            self._index_entries()
        return len(self._vocab)

    @property
    def roles(self) -> Mapping[str, Role]:
        """Every role in the index, by name."""
        return self._roles

    # --- roles --------------------------------------------------------------------------------

    def role_by_key(self, text: str) -> Role | None:
        """Return the role whose name, alias or display name is `text` (ignoring case and punctuation)."""
        name = self._role_keys.get(name_key(text))
        return self._roles.get(name) if name else None

    def _build_role_picker(self) -> None:
        """Index role names, aliases and display names for `find_roles`: sorted, and joined in display order."""
        display = {name: role.display_name.lower() for name, role in self._roles.items()}
        self._roles_by_display = [
            RoleMatch(name, self._roles[name].display_name, 0.0)
            for name in sorted(self._roles, key=lambda n: (display[n], n))
        ]
        # Without the marks on their letters, as a learner may type them ('lo trinh' for 'Lộ trình').
        choices = sorted({(fold_marks(text.lower()).replace("\n", " "), name) for text, name in self._role_choices})
        self._role_texts = [text for text, _ in choices]  # sorted: a prefix is one bisect range
        self._role_text_owner = [name for _, name in choices]
        # The texts again, one a line in the order the results are shown (display name): the first roles
        # a substring scan meets are the ones it would list.
        shown = sorted(choices, key=lambda c: (display[c[1]], c[1], c[0]))
        self._role_blob = "\n".join(text for text, _ in shown)
        self._role_blob_starts = list(accumulate((len(text) + 1 for text, _ in shown[:-1]), initial=0))
        self._role_blob_owner = [name for _, name in shown]
        self._role_pairs: dict[str, list[int]] | None = None  # made by the first fuzzy lookup: typos are rarer

    def _role_pair_index(self) -> dict[str, list[int]]:
        """Return each letter pair's role texts (made once, on first use: it costs ~12 ms at 1,000 roles)."""
        if self._role_pairs is None:
            by_pair: defaultdict[str, list[int]] = defaultdict(list)
            for i, text in enumerate(self._role_texts):
                for pair in _letter_pairs(text):
                    by_pair[pair].append(i)
            self._role_pairs = dict(by_pair)
        return self._role_pairs

    def find_roles(self, query: str, limit: int = 25) -> list[RoleMatch]:
        """Find roles by name, alias or display name: exact, then prefix, then substring, then fuzzy; best first."""
        if limit < 1:
            return []
        q = fold_marks(query.strip().lower())
        if not q:
            return self._roles_by_display[:limit]
        best: dict[str, float] = {}
        texts, owner = self._role_texts, self._role_text_owner
        i = bisect.bisect_left(texts, q)
        while i < len(texts) and texts[i].startswith(q):
            score = 95.0 - min(len(texts[i]) - len(q), 20) / 4 if len(texts[i]) > len(q) else 100.0
            best[owner[i]] = max(best.get(owner[i], 0.0), score)
            i += 1
        if "\n" not in q:
            # Every other role with q inside a text scores the same, so the first ones in display order are
            # the ones listed: the scan stops once there are enough.
            blob, starts, blob_owner = self._role_blob, self._role_blob_starts, self._role_blob_owner
            at = blob.find(q)
            while at != -1 and len(best) < limit:
                line = bisect.bisect_right(starts, at) - 1
                best.setdefault(blob_owner[line], 85.0)
                at = blob.find(q, starts[line + 1]) if line + 1 < len(starts) else -1
        closeness: dict[str, float] = {}  # breaks ties between fuzzy matches
        if len(best) < limit:
            from rapidfuzz import fuzz, process  # here: building the index needs no fuzzy matching

            candidates = self._fuzzy_role_texts(q)
            found = process.extract(q, [texts[i] for i in candidates], scorer=fuzz.WRatio, score_cutoff=70, limit=None)
            # WRatio gives every text that holds one query word in full the same 85.5: the text closer as a
            # whole ("compiler reserch": Compiler Research over Compiler Automation) goes first.
            ranked_texts = sorted((-score, -fuzz.ratio(q, text), k) for text, score, k in found)[: limit * 3]
            for negative, negative_closeness, k in ranked_texts:
                name = owner[candidates[k]]
                if -0.84 * negative > best.get(name, 0.0):  # below substring matches, order kept
                    best[name] = -0.84 * negative
                    closeness[name] = -negative_closeness
        roles = self._roles
        ranked = sorted(
            best.items(), key=lambda kv: (-kv[1], -closeness.get(kv[0], 0.0), roles[kv[0]].display_name.lower(), kv[0])
        )
        return [RoleMatch(n, roles[n].display_name, s) for n, s in ranked[:limit]]

    def _fuzzy_role_texts(self, q: str) -> list[int]:
        """Return the role texts (ascending) that share enough letter pairs with `q` to be worth a WRatio."""
        pairs = _letter_pairs(q)
        if len(self._role_texts) <= ROLE_SCAN or not pairs:
            return list(range(len(self._role_texts)))
        by_pair = self._role_pair_index()
        shared = Counter(chain.from_iterable(by_pair.get(p, ()) for p in pairs))
        need = max(1, math.ceil(len(pairs) * ROLE_PAIR_SHARE))
        return sorted(i for i, n in shared.items() if n >= need)

    # --- sections -----------------------------------------------------------------------------

    def _fuzzy_candidates(self, word: str, cutoff: float) -> list[str]:
        """Return the vocabulary words that share `word`'s first or second letter and can reach `cutoff`."""
        # fuzz.ratio is 2 * matches / (len a + len b): it reaches the cutoff only if the shorter word is at
        # least `band` times as long as the longer one.
        band = cutoff / (200 - cutoff)
        shortest, longest = math.ceil(len(word) * band - 1e-9), math.floor(len(word) / band + 1e-9)
        candidates: list[str] = []
        for letter in dict.fromkeys(word[:2]):
            lengths = self._letter_lengths.get(letter)
            if lengths:
                low = bisect.bisect_left(lengths, shortest)
                candidates += self._by_letter[letter][low : bisect.bisect_right(lengths, longest, low)]
        return candidates  # a word with both letters is there twice

    def _expand_uncached(self, word: str, prefix: bool) -> tuple[tuple[int, float], ...]:
        """Return (word id, similarity) for vocabulary words that match `word`."""
        found: dict[int, float] = {}
        exact = self._vocab.get(word)
        if exact is not None:
            found[exact] = 1.0
        if len(word) == 3 and word.isalpha():  # too short for look-alikes, but its plural is the word: 'pbq', 'PBQs'
            plural = self._vocab.get(word + "s")
            if plural is not None:
                found[plural] = 6 / 7  # what fuzz.ratio gives a plural of a longer word ('apis' for 'api')
        if prefix and len(word) >= 2:
            i = bisect.bisect_left(self._sorted_words, word)
            count = 0
            while i < len(self._sorted_words) and self._sorted_words[i].startswith(word) and count < 50:
                other = self._sorted_words[i]
                if other != word:
                    found[self._vocab[other]] = max(0.8, 0.95 - 0.02 * (len(other) - len(word)))
                i += 1
                count += 1
        # A word the content uses is likelier meant than its look-alikes (its plural or singular aside): they
        # count less than it does in a text ('groupby' in a code block over 'groups' in a title).
        forms = _forms(word) if exact is not None else ()
        words = self._words
        for tid, sim in self._look_alikes(word):
            most = BESIDE_EXACT if forms and words[tid] not in forms else 1.0
            found[tid] = max(found.get(tid, 0.0), min(most, sim))
        # Best matches first: the scorer relies on it.
        return tuple(sorted(found.items(), key=lambda kv: -kv[1]))

    def _look_alikes_uncached(self, word: str) -> tuple[tuple[int, float], ...]:
        """Return (word id, similarity) for the vocabulary words closest to `word` but for a slip, best first: at
        most 8, within FUZZY_SPREAD of the closest; on a tie, the more used one (the likelier meant), then ABC
        order."""
        if len(word) < 4:
            return ()
        from rapidfuzz import fuzz, process  # here: building the index needs no fuzzy matching

        cutoff = 80 if len(word) <= 5 else 75
        matches = process.extract(
            word, self._fuzzy_candidates(word, cutoff), scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        )
        close = {other: score for other, score, _ in matches if other != word}
        # ratio counts two swapped neighbours as two edits; a typist makes them in one slip, like a missed key.
        # A word the content uses is no slip: "otlp" must not mean "oltp".
        if word not in self._vocab:
            one_slip = 200 * len(word) / (2 * len(word) + 1)
            for other in self._vocab.keys() & _swaps(word):
                close[other] = max(close.get(other, 0.0), one_slip)
        ranked = sorted((-score, self._idf[self._vocab[other]], other) for other, score in close.items())
        near = ranked[0][0] + FUZZY_SPREAD if ranked else 0.0
        return tuple(
            (self._vocab[other], -0.95 * negative / 100) for negative, _, other in ranked[:8] if negative <= near
        )

    def search(self, query: str, *, role: str | None = None, limit: int = 10, prefix: bool = False) -> list[Hit]:
        """Return the best entries for a query, best first; `prefix` lets the last word be unfinished."""
        if limit < 1:
            return []
        if self._unindexed is not None:
            self._index_entries()
        words = tokenize(query)
        meaningful = list(dict.fromkeys(w for w in words if w not in STOPWORDS)) or words
        if not meaningful:
            return []
        exact: set[int] = set()
        titled: set[int] = set()
        labelled = self._labels.get(_query_label(query), ())
        ranked = self._ranked(set(words), meaningful, role, limit, prefix, exact, labelled, titled)
        rewrites = self._rewrites(meaningful)
        terms = tuple(meaningful)
        if rewrites:  # an abbreviation ('svm') stands for its phrase ('support vector machine'), a little below it
            best = {eid: -negative for negative, eid in ranked}
            for typed, phrase in rewrites:
                for negative, eid in self._ranked(typed, phrase, role, limit, False):
                    if -negative * PHRASE_SIMILARITY > best.get(eid, 0.0):
                        best[eid] = -negative * PHRASE_SIMILARITY
                terms += tuple(w for w in phrase if w not in terms)
            ranked = sorted((-value, eid) for eid, value in best.items())[:limit]
        entry_role, entry_section = self._entry_role, self._entry_section
        return [
            Hit(entry_role[eid], entry_section[eid], round(-100 * negative, 1), terms, eid in exact, eid in titled)
            for negative, eid in ranked
        ]

    def _rewrites(self, words: list[str]) -> list[tuple[set[str], list[str]]]:
        """Return the query with each abbreviation in it written out, and each word that joins two words with a
        number ('nand2tetris', as a title spells out 'Nand to Tetris') as those words: (every word, the words that
        count)."""
        out: list[tuple[set[str], list[str]]] = []
        phrases = self._phrases
        for size in range(min(MAX_KEY_WORDS, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                for phrase in phrases.get(tuple(words[start : start + size]), ()):
                    if len(out) == MAX_REWRITES:
                        return out
                    meant = [*words[:start], *(w for w in phrase if w not in STOPWORDS), *words[start + size :]]
                    out.append(({*words[:start], *phrase, *words[start + size :]}, list(dict.fromkeys(meant))))
        for at, word in enumerate(words):
            joined = _JOINED.fullmatch(word)
            if joined is None or len(out) == MAX_REWRITES:
                continue
            parts = [joined.group(1), joined.group(2)]
            if all(any(f in self._vocab for f in _forms(part)) for part in parts):
                meant = [*words[:at], *parts, *words[at + 1 :]]
                out.append((set(meant), list(dict.fromkeys(meant))))
        # A compound written apart or together ('front end', 'front-end', 'frontend'; 'dev ops', 'full stack'), as the
        # content writes it: two neighbouring words that make a word it uses, or a word it does not use that splits
        # into two it does.
        for at in range(len(words) - 1):
            first, second = words[at], words[at + 1]
            together = first + second
            if len(out) < MAX_REWRITES and min(len(first), len(second)) > 1 and together in self._vocab:
                meant = [*words[:at], together, *words[at + 2 :]]
                out.append((set(meant), list(dict.fromkeys(meant))))
        for at, word in enumerate(words):
            parts = self._apart(word) if len(out) < MAX_REWRITES and word not in self._vocab else None
            if parts is not None:
                meant = [*words[:at], *parts, *words[at + 1 :]]
                out.append((set(meant), list(dict.fromkeys(meant))))
        return out

    def _apart(self, word: str) -> tuple[str, str] | None:
        """Return the two words the content uses that a word it does not use is made of ('frontend': 'front', 'end'),
        each of three letters or more, the most even split first; None when there are none."""
        if not word.isalpha() or len(word) < 6:
            return None
        vocab = self._vocab
        splits = [(word[:i], word[i:]) for i in range(3, len(word) - 2) if word[:i] in vocab and word[i:] in vocab]
        return max(splits, key=lambda parts: min(map(len, parts)), default=None)

    def _ranked(
        self,
        typed: set[str],
        meaningful: list[str],
        role: str | None,
        limit: int,
        prefix: bool,
        exact_out: set[int] | None = None,
        labelled: Sequence[int] = (),
        titled_out: set[int] | None = None,
    ) -> list[tuple[float, int]]:
        """Return (negative score, entry) of the best entries for the query words, best first; `typed` is every word
        typed (stop words too), which a title must be to be the query word for word; `labelled`, the headings whose
        label is the query ('Stage 2 — Databases' for 'stage 2'), which rank as titles typed word for word. The
        entries whose own title is the query (but for a plural, a stop word or a typo) are added to `exact_out`, and
        those whose own title holds every word of it (those too) to `titled_out`."""
        groups = []
        related = self._related_ids(meaningful)
        role_entries = frozenset(self._role_entries.get(role, ())) if role is not None else None
        # The words a question is asked in ('which bundler should I use') count for little beside the ones that
        # name what it is about; a query of nothing else is searched as it is ('How to use it').
        named = [i for i, w in enumerate(meaningful) if w not in QUESTION_WORDS]
        asked = len(named) < len(meaningful) and bool(named)
        for i, w in enumerate(meaningful):
            expansions = self._expand(w, prefix and i == len(meaningful) - 1)
            weight = max(self._idf[tid] for tid, _ in expansions) if expansions else math.log(1 + len(self._entry_role))
            if asked and w in QUESTION_WORDS:
                weight *= QUESTION_WEIGHT
            if related[i]:
                expansions = _with_related(expansions, related[i])
            groups.append((weight, expansions, self._set_aside(expansions, self._matches(expansions, role_entries))))
        weights = [g[0] for g in groups]  # in the query's order
        total_weight = sum(weights) or 1.0
        # Rarest word first: it picks the candidates; a word that is everywhere only adds to them.
        groups.sort(key=lambda g: len(g[2]))
        scores: dict[int, float] = {}
        for weight, _expansions, best in groups:
            share = weight / total_weight
            # A rare word adds its entries as candidates; a common one only adds to the candidates there are.
            adds = not scores or len(best) <= max(len(scores), SMALL_WORD)
            both = list(scores.keys() & best.keys())
            gains = map(share.__mul__, map(best.__getitem__, both))
            scores.update(zip(both, map(add, map(scores.__getitem__, both), gains), strict=True))  # all C calls
            if adds:
                new = best.keys() - scores.keys()
                scores.update(zip(new, map(share.__mul__, map(best.__getitem__, new)), strict=True))
        # Heading words (the role, the phase, the subsection) only lift the best candidates.
        shortlist = _top(scores, max(limit, SHORTLIST_FLOOR) * SHORTLIST)
        entry_context, context_ids = self._entry_context, self._context_ids
        for weight, expansions, best in groups:
            share = weight / total_weight
            word_ids = frozenset(tid for tid, _ in expansions)
            others = list(filterfalse(best.__contains__, shortlist))
            contexts = list(map(context_ids.__getitem__, map(entry_context.__getitem__, others)))
            touched = map(not_, map(word_ids.isdisjoint, contexts))  # the context holds one of the word's matches
            for eid, words in compress(zip(others, contexts, strict=True), touched):
                # Expansions come best first: the first one in the context is its value.
                sim = next(sim for tid, sim in expansions if tid in words)
                shortlist[eid] += share * sim * CONTEXT_WEIGHT
        scores = shortlist
        # How much of each title the query covers: a query word counts in a title that holds it (or its plural, a
        # typo's closest word, a completion), not one that only holds one of a broad word's other names (those score
        # SYNONYM_SIMILARITY there: 'Kubernetes' is no part of 'containers'), nor a look-alike that stands beside a
        # word the content uses (BESIDE_EXACT), nor a text (BODY_WEIGHT at most).
        covered: Counter[int] = Counter()
        for _weight, _expansions, best in groups:
            value = best.get
            covered.update(eid for eid in scores if value(eid, 0.0) > SYNONYM_SIMILARITY)
        if titled_out is not None:
            titled_out.update(eid for eid, n in covered.items() if n == len(groups))
        counts, paired = self._title_counts, self._paired_titles
        for eid, n in covered.items():
            if counts[eid] > n and eid not in paired:
                scores[eid] *= max(TITLE_FIT_FLOOR, 1.0 / (1.0 + TITLE_EXTRA_WORD * (counts[eid] - n)))
        # An entry whose title is exactly the query is the most specific place there is; one that is the query but
        # for a plural or a stop word comes right after it.
        # A title that holds a typo's closest word and nothing else is the query but for the typo: it ranks at its
        # match's score, above the longer titles that hold the same word.
        exact = self._exact_titles(meaningful, weights)
        if asked and not exact:  # a title may be the query without the words it is asked in
            exact = self._exact_titles([meaningful[i] for i in named], [weights[i] for i in named])
        verbatim = dict.fromkeys(labelled, 1.0)
        if role is not None:
            exact = {eid: value for eid, value in exact.items() if self._entry_role[eid] == role}
            verbatim = {eid: value for eid, value in verbatim.items() if self._entry_role[eid] == role}
        if exact or verbatim:
            if exact_out is not None:
                exact_out.update(exact, verbatim)
            if titled_out is not None:
                titled_out.update(exact, verbatim)
            for eid, value in exact.items():
                scores[eid] = max(scores.get(eid, 0.0), value)
                exact[eid] = self._exact_boost[eid] * (
                    1.0 if value == 1.0 and set(tokenize(self._own_title(eid))) == typed else NEAR_EXACT
                )
            for eid in verbatim:
                scores[eid] = max(scores.get(eid, 0.0), 1.0)
                exact[eid] = self._exact_boost[eid]
        factors = list(map(self._boost.__getitem__, scores))
        if exact:
            factors = [exact.get(eid, f) for eid, f in zip(scores, factors, strict=True)]
        return sorted(zip(map(mul, map(neg, scores.values()), factors), scores, strict=True))[:limit]

    def labelled(self, query: str, *, role: str) -> list[Section]:
        """Return a role's headings whose label is the query typed alone ('Step 4: Deploy' for 'step 4')."""
        if self._unindexed is not None:
            self._index_entries()
        entry_role, entry_section = self._entry_role, self._entry_section
        return [entry_section[eid] for eid in self._labels.get(_query_label(query), ()) if entry_role[eid] == role]

    def _set_aside(self, expansions: tuple[tuple[int, float], ...], best: dict[int, float]) -> dict[int, float]:
        """Count a query word's title hits on a heading that holds it only beside its own title (the '4' of
        'Kubernetes — 4 weeks', the 'march' of 'Testing (March 10 – March 23)') as hits in its text; `best` is
        changed in place and returned."""
        aside = self._aside
        found: set[int] = set()
        for tid, _ in expansions:
            eids = aside.get(tid)
            if eids is not None:
                found.update(compress(eids, map(best.__contains__, eids)))  # in C, as long as the list is
        if found:
            own_titles, words = self._own_titles, self._words
            matched = [words[tid] for tid, _ in expansions]
            for eid in found:  # its own title's words, read for the few entries a query finds so
                if set(tokenize(own_titles[eid])).isdisjoint(matched):
                    best[eid] *= BODY_WEIGHT
        return best

    def _related_ids(self, words: list[str]) -> list[tuple[int, ...]]:
        """Return, for each query word, the vocabulary words a synonym key it is part of stands for."""
        out: list[tuple[int, ...]] = [()] * len(words)
        for size in range(min(MAX_KEY_WORDS, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                ids = self._related.get(tuple(words[start : start + size]))
                if ids:
                    for i in range(start, start + size):
                        out[i] += ids
        return out

    def _exact_titles(self, words: list[str], weights: list[float]) -> dict[int, float]:
        """Return the entries whose own title has exactly these words, each or its plural or singular or a
        misspelling of it (`_misspellings`), stop words aside, or for a word the content does not use, its closest
        look-alikes (a typo): as keys, ascending, valued 1.0, or with a typo the words' similarities weighed as the
        query's words are (`weights`): a typo in one word of two costs the title half of what it costs a title of
        that word alone. A title that misspells the query is the query nearly, as a plural is."""
        if len(words) > 8 or not STOPWORDS.isdisjoint(words):
            return {}
        vocab, title = self._vocab, self._title
        forms: list[list[int]] = []
        similar = 0.0
        for w, weight in zip(words, weights, strict=True):
            ids = [vocab[f] for f in _forms(w) if f in vocab]
            sim = 1.0
            if ids:  # a title may misspell it, as a plural would change it
                ids += self._misspellings(w, ids)
            else:
                close = self._expand(w, False)
                if not close or close[0][1] < TYPO_EXACT:
                    return {}
                sim = close[0][1]
                ids = [tid for tid, s in close if s == sim]
            similar += weight * sim
            forms.append(ids)
        typo = min(1.0, similar / (sum(weights) or 1.0))
        forms.sort(key=lambda ids: sum(len(title[i]) for i in ids))
        found: set[int] = set().union(*(title[i] for i in forms[0]))
        for ids in forms[1:]:
            found = set().union(*(found.intersection(title[i]) for i in ids))
            if not found:
                return {}
        counts, words_of = self._title_counts, self._words
        exact = [eid for eid in found if counts[eid] == len(words)]
        for eid in self._names.keys() & found:  # one of a title's names may be the query
            if counts[eid] != len(words) and any(
                len(name) == len(words) and all(any(words_of[i] in name for i in ids) for ids in forms)
                for name in self._names[eid]
            ):
                exact.append(eid)
        exact.sort()
        own_titles = self._own_titles
        decorated = [eid for eid in exact if eid in own_titles]
        if decorated:  # its heading holds the words; its own title must too ('2 grid' is not 'Week 2: Grid')
            wanted = [{self._words[i] for i in ids} for ids in forms]
            for eid in decorated:
                own = set(tokenize(own_titles[eid]))
                if any(own.isdisjoint(w) for w in wanted):
                    exact.remove(eid)
        return dict.fromkeys(exact, typo)

    def _misspellings(self, word: str, forms: list[int]) -> list[int]:
        """Return the words the content may misspell `word` as ('kubernets', 'loging'): look-alikes at least
        AUTHOR_TYPO similar and no more used than the word and its plural or singular (`forms`), as a slip is. A
        word that holds the other or is held in it is another word built on it ('containerd', 'preact'), no slip."""
        words, idf = self._words, self._idf
        rarest = max(idf[tid] for tid in forms)
        return [
            tid
            for tid, sim in self._look_alikes(word)
            if sim >= AUTHOR_TYPO
            and idf[tid] >= rarest
            and word not in words[tid]
            and words[tid] not in word
            and tid not in forms
        ]

    def _own_title(self, eid: int) -> str:
        """Return an entry's own title: a heading's without its number, span, length and dates, else its title."""
        return self._own_titles.get(eid) or self._entry_section[eid].title

    def _matches(
        self, expansions: tuple[tuple[int, float], ...], role_entries: frozenset[int] | None
    ) -> dict[int, float]:
        """Return each entry's best value for one query word: title hits over body hits, better matches first.

        `role_entries`: the entries of the role a search is limited to (None: every role)."""
        found: list[tuple[Collection[int], float]] = []  # best value first
        budget = WORD_BUDGET
        lists = (
            (of[tid], sim * factor)
            for of, factor in ((self._title, TITLE_WEIGHT), (self._body, BODY_WEIGHT))
            for tid, sim in expansions
        )
        for postings, value in lists:
            if role_entries is not None:
                postings = role_entries.intersection(postings)
            elif len(postings) > budget:
                postings = postings[:budget]  # the most specific ones: IDs follow specificity
            if postings:
                found.append((postings, value))
                budget -= len(postings)
                if budget <= 0:
                    break
        best: dict[int, float] = {}
        for postings, value in reversed(found):  # a better value overwrites a worse one
            best.update(zip(postings, repeat(value)))
        return best

    def titles(self, query: str, *, role: str | None = None, limit: int = 25) -> list[Hit]:
        """Return hits with distinct titles, for autocomplete while the user types."""
        if limit < 1:
            return []
        # A few more hits than asked for make up for repeated titles; when they do not, ask for many more.
        wanted = limit + TITLE_SLACK
        hits = self.search(query, role=role, limit=wanted, prefix=True)
        out = _distinct_titles(hits, limit)
        if len(out) < limit and len(hits) == wanted:
            out = _distinct_titles(self.search(query, role=role, limit=limit * 3 + TITLE_SLACK, prefix=True), limit)
        return out


def _distinct_titles(hits: list[Hit], limit: int) -> list[Hit]:
    """Return the first hit of each (role, title), up to `limit` of them."""
    seen: set[tuple[str, str]] = set()
    out: list[Hit] = []
    for hit in hits:
        key = (hit.role, hit.section.title.lower())
        if key not in seen:
            seen.add(key)
            out.append(hit)
            if len(out) == limit:
                break
    return out


def _related_words(table: dict[str, tuple[str, ...]], vocab: dict[str, int]) -> dict[tuple[str, ...], tuple[int, ...]]:
    """Map each synonym key's words (also with its last word's plural or singular) to its values' word IDs."""
    related: dict[tuple[str, ...], tuple[int, ...]] = {}
    variants: dict[tuple[str, ...], tuple[int, ...]] = {}
    for key, values in table.items():
        words = tuple(w for w in tokenize(key) if w not in STOPWORDS)
        ids = tuple(dict.fromkeys(vocab[v] for v in values if v in vocab))
        if not words or not ids:
            continue
        related[words] = ids
        last = words[-1]
        if not last.endswith("s"):
            variants[(*words[:-1], last + "s")] = ids
        elif len(last) > 3 and not last.endswith("ss"):  # "tests" -> "test", but "js" is no plural of "j"
            variants[(*words[:-1], last[:-1])] = ids
    return {**variants, **related}  # a key written out wins over another key's plural


def _phrases(table: dict[str, tuple[str, ...]], vocab: dict[str, int]) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """Map each synonym key's words (also with its last word's plural or singular) to the phrases of several words
    it stands for ('svm': 'support vector machine'), those whose words the content uses (each, or its plural)."""
    out: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for key, values in table.items():
        words = tuple(w for w in tokenize(key) if w not in STOPWORDS)
        phrases = [
            tuple(tokenize(v))
            for v in values
            if " " in v and all(any(f in vocab for f in _forms(w)) for w in tokenize(v) if w not in STOPWORDS)
        ]
        if not words or not phrases:
            continue
        for variant in {words, (*words[:-1], _forms(words[-1])[-1])}:
            out.setdefault(variant, phrases)
    return out


def _with_related(expansions: tuple[tuple[int, float], ...], ids: tuple[int, ...]) -> tuple[tuple[int, float], ...]:
    """Add a word's synonyms to its expansions at SYNONYM_SIMILARITY, best matches still first."""
    found = dict(expansions)
    for tid in ids:
        if found.get(tid, 0.0) < SYNONYM_SIMILARITY:
            found[tid] = SYNONYM_SIMILARITY
    return tuple(sorted(found.items(), key=lambda kv: -kv[1]))


def _forms(word: str) -> tuple[str, ...]:
    """Return a word with its plural or singular: 'list', 'lists'; 'lists', 'list' ('class' and 'js' are no plurals)."""
    if word.endswith("s") and len(word) > 3 and not word.endswith("ss"):
        return (word, word[:-1])
    if word.isalpha() and not word.endswith("s"):
        return (word, word + "s")
    return (word,)


def _letter_pairs(text: str) -> set[str]:
    """Return the pairs of neighbouring characters in text, with a space before it (so a first letter counts)."""
    padded = " " + text
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


def _swaps(word: str) -> set[str]:
    """Return the words made by swapping two neighbouring letters of `word` (`word` itself aside)."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)} - {word}


def _top(scores: dict[int, float], n: int) -> dict[int, float]:
    """Return the n best-scored entries; on a tie, the more specific (lower ID) ones."""
    if n <= 0:
        return {}
    if len(scores) <= n:
        return dict(scores)
    cut = sorted(scores.values(), reverse=True)[n - 1]
    top = dict(compress(scores.items(), map(cut.__le__, scores.values())))
    if len(top) > n:  # more than one entry scored `cut`: keep the lowest IDs among them
        tied = sorted(compress(top.keys(), map(cut.__eq__, top.values())))
        for eid in tied[n - (len(top) - len(tied)) :]:
            del top[eid]
    return top


# A blank to fill in, or a rule drawn in the text ('Learner: ____________ Date: ______', '- - - -', '———'), as written
# or as its markdown escapes it: no words of a snippet.
_FILL_IN = re.compile(r"(?:\\?_){3,}|[-–—=.…·]{4,}")


def _snippet_line(line: str) -> str:
    """Return a line of prose as a snippet shows it: without its blanks to fill in; empty when no words are left."""
    if "_" in line or "--" in line or "—" in line or ".." in line or "==" in line or "…" in line:
        line = " ".join(_FILL_IN.sub(" ", line).split())
    return line if _WORD.search(line) is not None else ""


def _snippet(section: Section, words: Sequence[str], width: int = 160) -> str:
    """Return the line of a section's text that best shows why it matched."""
    prose: list[str] = []
    code: list[str] = []  # the lines of code blocks: shown only where they match better than any other line
    fenced = False
    for ln in map(str.strip, section.text.split("\n")):
        if ln.startswith(("```", "~~~")):
            fenced = not fenced
        elif fenced and ln:
            code.append(ln)
        elif ln := _snippet_line(ln):
            prose.append(ln)
    lines = prose + code  # a line of prose first among lines that match as well
    if not lines:
        return section.title[:width]
    stems = [w[:4] for w in words]

    def hits(line: str) -> int:  # the words are without marks on their letters (`tokenize`), so is the line
        return sum(map(fold_marks(line.lower()).__contains__, stems))

    line = max(lines, key=hits) if stems else lines[0]
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"
