"""The live content index, swapped atomically on reload, and what a reload would change."""

from __future__ import annotations

import asyncio
import hashlib
import heapq
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from bot.content.loader import ContentIndex, load_content
from bot.content.models import ChecklistItem, Phase, Role, Section

RENAME_MIN_SCORE = 60
"""`fuzz.token_set_ratio` from which a removed and an added item of the same role count as one item reworded."""
EXACT_PAIRS = 40_000
"""Up to this many (removed × added) pairs in a role, every pair is scored."""
MAX_CANDIDATES = 8
"""Past `EXACT_PAIRS`, the removed items an added item is scored against: those sharing its rarest words..."""
NEARBY = 2
"""...and those this close to its place in the list (an item reworded in place)."""
COMMON_WORD = 50
"""A word in more removed items than this proposes none of them (it tells them apart too little)."""
SORT_STEP = 1024
"""Items per sort in `_sorted_in_steps`: about a millisecond of holding the GIL."""

T = TypeVar("T")


def section_key(role: str, section_id: str) -> str:
    """Return a short stable key for a section, small enough for a Discord custom_id."""
    return hashlib.blake2s(f"{role}\0{section_id}".encode(), digest_size=6).hexdigest()


@dataclass(frozen=True)
class Rename:
    """A checklist item that looks reworded: removed `old`, added `new`, in the same role."""

    role: str
    old: ChecklistItem
    new: ChecklistItem


class PhaseFacts(NamedTuple):
    """What a reload compares of a phase."""

    number: int
    title: str
    first_week: int
    last_week: int
    objective: str | None

    @classmethod
    def of(cls, phase: Phase) -> PhaseFacts:
        return cls(phase.number, phase.title, phase.first_week, phase.last_week, phase.objective)


@dataclass(frozen=True)
class PhaseChange:
    """A phase of a role in both indexes that was added (`old` is None), removed (`new` is None) or changed."""

    role: str
    number: int
    old: PhaseFacts | None
    new: PhaseFacts | None

    @property
    def changed(self) -> tuple[str, ...]:
        """Which of "weeks", "title" and "objective" differ; empty for a phase added or removed."""
        if self.old is None or self.new is None:
            return ()
        old, new = self.old, self.new
        return tuple(
            name
            for name, differs in (
                ("weeks", (old.first_week, old.last_week) != (new.first_week, new.last_week)),
                ("title", old.title != new.title),
                ("objective", old.objective != new.objective),
            )
            if differs
        )


@dataclass(frozen=True)
class ContentDiff:
    """What replacing one index with another changes."""

    roles_added: tuple[str, ...] = ()
    roles_removed: tuple[str, ...] = ()
    items_added: tuple[tuple[str, ChecklistItem], ...] = ()
    items_removed: tuple[tuple[str, ChecklistItem], ...] = ()
    renamed: tuple[Rename, ...] = ()
    phases: tuple[PhaseChange, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.roles_added or self.roles_removed or self.items_added or self.items_removed or self.phases)


def diff_indexes(old: ContentIndex, new: ContentIndex) -> ContentDiff:
    """Compare two indexes: roles, phases and checklist items added, removed, changed or probably renamed."""
    added_roles = tuple(n for n in new.roles if n not in old.roles)
    removed_roles = tuple(n for n in old.roles if n not in new.roles)
    added: list[tuple[str, ChecklistItem]] = []
    removed: list[tuple[str, ChecklistItem]] = []
    renamed: list[Rename] = []
    phases: list[PhaseChange] = []
    for name, role in new.roles.items():
        before = old.roles.get(name)
        if before is None or before is role:  # a file whose bytes did not change gives the very same Role
            continue
        phases.extend(_phase_changes(name, before, role))
        new_ids = {i.id for i in role.checklist}
        old_ids = {i.id for i in before.checklist}
        gone = [i for i in before.checklist if i.id not in new_ids]
        came = [i for i in role.checklist if i.id not in old_ids]
        removed.extend((name, i) for i in gone)
        added.extend((name, i) for i in came)
        renamed.extend(Rename(name, gone[i], came[j]) for i, j in pair_renames(gone, came))
    for name in removed_roles:
        removed.extend((name, i) for i in old.roles[name].checklist)
    return ContentDiff(added_roles, removed_roles, tuple(added), tuple(removed), tuple(renamed), tuple(phases))


def _phase_changes(name: str, before: Role, after: Role) -> Iterator[PhaseChange]:
    """Phases by number: added, removed, or with other weeks, title or objective; in number order."""
    old = {p.number: PhaseFacts.of(p) for p in reversed(before.phases)}  # the first of a number wins
    new = {p.number: PhaseFacts.of(p) for p in reversed(after.phases)}
    for number in sorted(old.keys() | new.keys()):
        was, now = old.get(number), new.get(number)
        if was != now:
            yield PhaseChange(name, number, was, now)


def pair_renames(gone: Sequence[ChecklistItem], came: Sequence[ChecklistItem]) -> list[tuple[int, int]]:
    """Pair removed items (`gone`) with added ones (`came`) that look reworded, as (gone index, came index).

    Best-matching pairs first (ties: the earlier removed item, then the earlier added one), a score of at least
    `RENAME_MIN_SCORE`, each item in at most one pair: one new item takes over at most one old item's progress.
    Every pair is scored up to `EXACT_PAIRS`; past that, each added item only against a few likely removed ones
    (`_candidates`), so thousands of items reworded in one role cost thousands of scores, not millions.
    """
    if not gone or not came:
        return []
    scored: list[tuple[float, int, int]] = []
    if len(gone) * len(came) <= EXACT_PAIRS:
        for i, o in enumerate(gone):
            for j, c in enumerate(came):
                score = fuzz.token_set_ratio(o.text, c.text, score_cutoff=RENAME_MIN_SCORE)
                if score:
                    scored.append((score, i, j))
    else:
        for j, candidates in enumerate(_candidates(gone, came)):
            text = came[j].text
            for i in candidates:
                score = fuzz.token_set_ratio(gone[i].text, text, score_cutoff=RENAME_MIN_SCORE)
                if score:
                    scored.append((score, i, j))
    taken_old: dict[int, int] = {}
    taken_new: set[int] = set()
    for _, i, j in _sorted_in_steps(scored, key=lambda p: (-p[0], p[1], p[2])):
        if i not in taken_old and j not in taken_new:
            taken_old[i] = j
            taken_new.add(j)
    return [(i, taken_old[i]) for i in range(len(gone)) if i in taken_old]


def _candidates(gone: Sequence[ChecklistItem], came: Sequence[ChecklistItem]) -> Iterator[list[int]]:
    """For each added item, the removed items worth scoring against it, in ascending order.

    Those sharing the most of its rarer words (each shared word weighs 1 / the removed items that have it), and
    those near its place in the list. Words in more than `COMMON_WORD` removed items are skipped, so the work
    per added item is bounded by its own length.
    """
    postings: dict[str, list[int]] = {}
    for i, item in enumerate(gone):
        for word in set(default_process(item.text).split()):
            postings.setdefault(word, []).append(i)
    stride = len(gone) / len(came)
    for j, item in enumerate(came):
        weights: dict[int, float] = {}
        for word in set(default_process(item.text).split()):
            holders = postings.get(word)
            if holders and len(holders) <= COMMON_WORD:
                share = 1.0 / len(holders)
                for i in holders:
                    weights[i] = weights.get(i, 0.0) + share
        picked = set(heapq.nlargest(MAX_CANDIDATES, weights, key=weights.__getitem__))
        at = int(j * stride)
        picked.update(range(max(0, at - NEARBY), min(len(gone), at + NEARBY + 1)))
        yield sorted(picked)


def _sorted_in_steps(items: list[T], key: Callable[[T], Any]) -> Iterator[T]:
    """`sorted(items, key=key)`, made of sorts of `SORT_STEP` items merged in Python.

    One sort of 50,000 tuples is a single C call that holds the GIL for tens of milliseconds.
    """
    runs = [sorted(items[k : k + SORT_STEP], key=key) for k in range(0, len(items), SORT_STEP)]
    return heapq.merge(*runs, key=key) if len(runs) > 1 else iter(runs[0] if runs else ())


@dataclass
class ContentHolder:
    """Holds the current index; a reload builds a new one off the event loop and swaps it in one step."""

    directory: Path
    index: ContentIndex
    loaded_at: datetime | None = None
    _keys: dict[str, tuple[str, Section]] = field(default_factory=dict, repr=False)
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)

    def __post_init__(self) -> None:
        self._keys = _keys_of(self.index)

    @classmethod
    def load(cls, directory: str | Path, now: datetime | None = None) -> ContentHolder:
        """Load a content folder (blocking); for start-up."""
        return cls(Path(directory), load_content(directory), now)

    async def candidate(self) -> ContentIndex:
        """Load the folder again in a worker thread, without swapping."""
        return await asyncio.to_thread(load_content, self.directory, self.index)

    def swap(self, index: ContentIndex, now: datetime) -> ContentIndex:
        """Make `index` the live one; return the old one."""
        old = self.index
        keys = _keys_of(index)
        self.index, self._keys, self.loaded_at = index, keys, now
        return old

    @property
    def lock(self) -> asyncio.Lock:
        return self._lock

    def section_by_key(self, key: str) -> tuple[Role, Section] | None:
        """Return the role and section a `section_key` names in the live index."""
        found = self._keys.get(key)
        if found is None:
            return None
        role = self.index.roles.get(found[0])
        return (role, found[1]) if role else None


def _keys_of(index: ContentIndex) -> dict[str, tuple[str, Section]]:
    return {section_key(r.name, s.id): (r.name, s) for r in index.roles.values() for s in r.sections}
