"""Typo-tolerant search over every section, topic and checklist item of every role.

A full fuzzy scan of 50,000 strings costs about 100 ms, so the index works on words instead:
1. each query word is matched against the *vocabulary* (a few thousand distinct words): exactly, as a prefix
   (for autocomplete while typing), or fuzzily with rapidfuzz (`postgress` -> `postgresql`);
2. the matched words' posting lists name the entries that contain them, in the title or in the body;
3. entries are scored by how much of the query they cover (rare words weigh more), title hits over body hits,
   then by specificity (a topic or a subsection beats the whole phase that holds it).
Posting lists are sorted by specificity, so a very common word only looks at the most specific entries.
"""

from __future__ import annotations

import bisect
import heapq
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.content.ids import slugify
from bot.content.models import Role, Section

_WORD = re.compile(r"[^\W_]+[+#]*")
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
TITLE_WEIGHT = 1.0
BODY_WEIGHT = 0.55
CONTEXT_WEIGHT = 0.35
MAX_POSTINGS = 4000
KIND_PRIOR = {"topic": 1.0, "subsection": 1.0, "checklist": 0.9, "section": 0.9, "phase": 0.85, "facts": 0.95}


def tokenize(text: str) -> list[str]:
    """Split text into lower-case words."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result."""

    role: str
    section: Section
    score: float
    snippet: str

    @property
    def path(self) -> tuple[str, ...]:
        return self.section.path


@dataclass(frozen=True, slots=True)
class RoleMatch:
    """A role found by name, alias or display name."""

    name: str
    display_name: str
    score: float


class SearchIndex:
    """An inverted index of words to entries, with fuzzy word matching."""

    def __init__(self, roles: Iterable[Role]) -> None:
        self._entries: list[tuple[str, Section]] = []
        prior: list[float] = []
        vocab: dict[str, int] = {}
        title_post: list[list[int]] = []
        body_post: list[list[int]] = []
        context_post: list[list[int]] = []
        self._roles: dict[str, Role] = {}
        self._role_keys: dict[str, str] = {}
        self._role_choices: list[tuple[str, str]] = []  # (text, role name)
        self._title_words: list[frozenset[str]] = []  # per entry, to spot a query that is exactly its title

        def ids(words: Iterable[str]) -> set[int]:
            out = set()
            for w in words:
                tid = vocab.get(w)
                if tid is None:
                    tid = vocab[w] = len(title_post)
                    title_post.append([])
                    body_post.append([])
                    context_post.append([])
                out.add(tid)
            return out

        for role in roles:
            self._roles[role.name] = role
            for text in (role.name, role.display_name, *role.aliases):
                self._role_keys.setdefault(slugify(text, 100), role.name)
                self._role_choices.append((text, role.name))
            role_words = set(tokenize(role.display_name))
            for section in role.sections:
                eid = len(self._entries)
                self._entries.append((role.name, section))
                title = ids(tokenize(section.title))
                self._title_words.append(frozenset(tokenize(section.title)) - STOPWORDS)
                body_words = tokenize(section.text)
                body = ids(body_words) - title
                context = ids(w for part in section.path[:-1] for w in tokenize(part)) | ids(role_words)
                context -= title | body
                for tid in title:
                    title_post[tid].append(eid)
                for tid in body:
                    body_post[tid].append(eid)
                for tid in context:
                    context_post[tid].append(eid)
                length = len(body_words) + 1
                # Specific entries first; a place on the path (a phase part) over reference lists.
                on_path = 1.0 if section.phase is not None else 0.9
                prior.append(on_path * KIND_PRIOR.get(section.kind, 0.9) / (1 + math.log1p(length) / 8))
        self._prior = prior
        # Posting lists sorted by specificity, so truncating a huge one keeps the most specific entries.
        key = prior.__getitem__
        self._title = [sorted(p, key=key, reverse=True) for p in title_post]
        self._body = [sorted(p, key=key, reverse=True) for p in body_post]
        self._context = [sorted(p, key=key, reverse=True) for p in context_post]
        self._vocab = vocab
        self._words = list(vocab)
        self._sorted_words = sorted(vocab)
        n = max(len(self._entries), 1)
        self._idf = [math.log(1 + n / (1 + len(t) + len(b))) for t, b in zip(self._title, self._body, strict=True)]
        self._expand = lru_cache(maxsize=4096)(self._expand_uncached)

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def vocabulary_size(self) -> int:
        return len(self._vocab)

    # --- roles --------------------------------------------------------------------------------

    def role_by_key(self, text: str) -> Role | None:
        """Return the role whose name, alias or display name is `text` (ignoring case and punctuation)."""
        name = self._role_keys.get(slugify(text, 100))
        return self._roles.get(name) if name else None

    def find_roles(self, query: str, limit: int = 25) -> list[RoleMatch]:
        """Find roles by name, alias or display name: exact, then prefix, then fuzzy; best first."""
        if not query.strip():
            roles = sorted(self._roles.values(), key=lambda r: r.display_name.lower())
            return [RoleMatch(r.name, r.display_name, 0.0) for r in roles[:limit]]
        q = query.strip().lower()
        best: dict[str, float] = {}
        for text, name in self._role_choices:
            low = text.lower()
            if low == q:
                score = 100.0
            elif low.startswith(q):
                score = 95.0 - min(len(low) - len(q), 20) / 4
            elif q in low:
                score = 85.0
            else:
                continue
            best[name] = max(best.get(name, 0.0), score)
        if len(best) < limit:
            texts = [t for t, _ in self._role_choices]
            for _text, score, i in process.extract(
                q, texts, scorer=fuzz.WRatio, processor=str.lower, score_cutoff=70, limit=limit * 3
            ):
                name = self._role_choices[i][1]
                best[name] = max(best.get(name, 0.0), 0.84 * score)  # below substring matches, order kept
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], self._roles[kv[0]].display_name.lower()))
        return [RoleMatch(n, self._roles[n].display_name, s) for n, s in ranked[:limit]]

    # --- sections -----------------------------------------------------------------------------

    def _expand_uncached(self, word: str, prefix: bool) -> tuple[tuple[int, float], ...]:
        """Return (word id, similarity) for vocabulary words that match `word`."""
        found: dict[int, float] = {}
        exact = self._vocab.get(word)
        if exact is not None:
            found[exact] = 1.0
        if prefix and len(word) >= 2:
            i = bisect.bisect_left(self._sorted_words, word)
            count = 0
            while i < len(self._sorted_words) and self._sorted_words[i].startswith(word) and count < 50:
                other = self._sorted_words[i]
                if other != word:
                    found[self._vocab[other]] = max(0.8, 0.95 - 0.02 * (len(other) - len(word)))
                i += 1
                count += 1
        if len(word) >= 4:
            cutoff = 80 if len(word) <= 5 else 75
            for other, score, tid in process.extract(
                word, self._words, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8
            ):
                if other != word:
                    found[tid] = max(found.get(tid, 0.0), 0.95 * score / 100)
        return tuple(found.items())

    def search(self, query: str, *, role: str | None = None, limit: int = 10, prefix: bool = False) -> list[Hit]:
        """Return the best entries for a query, best first; `prefix` lets the last word be unfinished."""
        words = tokenize(query)
        meaningful = [w for w in words if w not in STOPWORDS] or words
        if not meaningful:
            return []
        groups: list[tuple[float, tuple[tuple[int, float], ...]]] = []
        for i, w in enumerate(meaningful):
            expansions = self._expand(w, prefix and i == len(meaningful) - 1)
            weight = max(self._idf[tid] for tid, _ in expansions) if expansions else math.log(1 + len(self._entries))
            groups.append((weight, expansions))
        total_weight = sum(w for w, _ in groups) or 1.0
        scores: dict[int, float] = {}
        for weight, expansions in groups:
            best: dict[int, float] = {}
            for tid, sim in expansions:
                for postings, factor in (
                    (self._title[tid], TITLE_WEIGHT),
                    (self._body[tid], BODY_WEIGHT),
                    (self._context[tid], CONTEXT_WEIGHT),
                ):
                    value = sim * factor
                    for eid in postings[:MAX_POSTINGS]:
                        if best.get(eid, 0.0) < value:
                            best[eid] = value
            share = weight / total_weight
            for eid, value in best.items():
                scores[eid] = scores.get(eid, 0.0) + share * value
        if role is not None:
            scores = {e: s for e, s in scores.items() if self._entries[e][0] == role}
        # An entry whose title is exactly the query counts as the most specific place there is.
        wanted, title_words, base = frozenset(meaningful), self._title_words, self._prior

        def prior(eid: int) -> float:
            return 1.0 if title_words[eid] == wanted else base[eid]

        ranked = heapq.nlargest(limit, scores.items(), key=lambda kv: (kv[1] * (0.8 + 0.2 * prior(kv[0])), -kv[0]))
        hits = []
        for eid, coverage in ranked:
            role_name, section = self._entries[eid]
            score = round(100 * coverage * (0.8 + 0.2 * prior(eid)), 1)
            hits.append(Hit(role_name, section, score, _snippet(section, meaningful)))
        return hits

    def titles(self, query: str, *, role: str | None = None, limit: int = 25) -> list[Hit]:
        """Return hits with distinct titles, for autocomplete while the user types."""
        seen: set[tuple[str, str]] = set()
        out: list[Hit] = []
        for hit in self.search(query, role=role, limit=limit * 3, prefix=True):
            key = (hit.role, hit.section.title.lower())
            if key not in seen:
                seen.add(key)
                out.append(hit)
            if len(out) == limit:
                break
        return out


def _snippet(section: Section, words: Sequence[str], width: int = 160) -> str:
    """Return the line of a section's text that best shows why it matched."""
    lines = [ln.strip() for ln in section.text.split("\n") if ln.strip() and not ln.strip().startswith("```")]
    if not lines:
        return section.title[:width]
    stems = [w[:4] for w in words]

    def hits(line: str) -> int:
        low = line.lower()
        return sum(1 for s in stems if s in low)

    line = max(lines, key=hits) if stems else lines[0]
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"
