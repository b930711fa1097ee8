"""The live content index, swapped atomically on reload, and what a reload would change.

A reload at 1,000 roles is most of a second of Python work and hundreds of thousands of objects. None of it runs
on the event loop: the load, the diff and the section-key table are made in a worker thread (`ContentHolder.check`),
which hands the GIL back to the loop every millisecond, and the loop only assigns the result (`ContentHolder.swap`).
Three things would still stall the loop from afar, because each holds the GIL for its whole length: a cyclic garbage
collection that walks the index (50 to 300 ms at 1,000 roles), freeing a large index in one go, and one sort of a
long list. See `ContentHolder`, `ContentHolder.release` and `_sorted_in_steps` for how each is avoided.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import hashlib
import heapq
import sys
import threading
from array import array
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice, repeat
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from bot.content.loader import ContentIndex, collector_off, load_content
from bot.content.models import ChecklistItem, Phase, Problem, Role, Section

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
FREE_STEP = 512
"""Items freed at a time when an old index is taken apart."""
GIL_SLICE_S = 0.001
"""How long the worker may hold the GIL while the event loop waits for it (Python's default is 5 ms)."""

T = TypeVar("T")
KEY_BYTES = 6
"""Bytes of a section key's digest (12 hex digits)."""

_heavy = threading.Lock()
"""One load at a time in the process: it changes process-wide settings (the collector, the GIL slice)."""


def section_key(role: str, section_id: str) -> str:
    """Return a short stable key for a section, small enough for a Discord custom_id."""
    return _key_digest(role, section_id).hex()


def _key_digest(role: str, section_id: str) -> bytes:
    return hashlib.blake2s(f"{role}\0{section_id}".encode(), digest_size=KEY_BYTES).digest()


class Keys:
    """Every section of an index by its `section_key`, for the buttons and menus that name one.

    The keys' digests are sorted in one bytes object, beside each one's role and place among the role's sections,
    and a key is found by binary search: at 1,000 roles (50,000 sections) 0.7 MB, where a dict of key strings to
    (role, section) pairs takes 8 MB. Of sections of one ID in a role (the front-matter facts and a heading, both
    'overview'), a key names the last, as a dict filled in order would.
    """

    __slots__ = ("_digests", "_names", "_role_of", "_section_of")

    def __init__(self, index: ContentIndex | None = None) -> None:
        roles = list(index.roles.values()) if index is not None else []
        self._names = [role.name for role in roles]
        digests: list[bytes] = []
        role_of: list[int] = []
        section_of: list[int] = []
        for r, role in enumerate(roles):
            name, sections = role.name, role.sections
            digests += [_key_digest(name, s.id) for s in sections]
            role_of += repeat(r, len(sections))
            section_of += range(len(sections))
        order = list(_sorted_in_steps(list(range(len(digests))), key=digests.__getitem__))
        self._digests = b"".join([digests[i] for i in order])
        self._role_of = array("I", [role_of[i] for i in order])
        self._section_of = array("I", [section_of[i] for i in order])

    def __len__(self) -> int:
        return len(self._role_of)

    def find(self, key: str) -> tuple[str, int] | None:
        """Return the role name and the section's place in its role's sections that `key` names, or None."""
        try:
            digest = bytes.fromhex(key)
        except ValueError:
            return None
        if len(digest) != KEY_BYTES:
            return None
        # The first digest after the key's: equal ones keep their sections' order, so the one before is the last.
        digests, low, high = self._digests, 0, len(self._role_of)
        while low < high:
            mid = (low + high) // 2
            if digests[mid * KEY_BYTES : (mid + 1) * KEY_BYTES] <= digest:
                low = mid + 1
            else:
                high = mid
        if low == 0 or digests[(low - 1) * KEY_BYTES : low * KEY_BYTES] != digest:
            return None
        return self._names[self._role_of[low - 1]], self._section_of[low - 1]


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
    from rapidfuzz import fuzz  # here: only a reload compares items, and a start need not pay the import

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
    from rapidfuzz.utils import default_process

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


@dataclass(frozen=True)
class Checked:
    """The content folder loaded again and compared with the live index.

    `index` (with its section keys) is there only when it was loaded to be swapped in and has no errors;
    otherwise it was freed in the worker thread, and only what a report needs is kept.
    """

    diff: ContentDiff
    problems: tuple[Problem, ...]
    role_count: int
    index: ContentIndex | None = None
    keys: Keys = field(default_factory=Keys, repr=False)
    search_refs: int = field(default=0, repr=False)

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


@dataclass
class _Retired:
    """An index swapped out, with its section keys, waiting for nothing else to hold it."""

    index: ContentIndex
    keys: Keys
    search_refs: int


@dataclass
class ContentHolder:
    """Holds the current index; a reload builds a new one off the event loop and swaps it in one step.

    With `freeze_gc` (the bot process sets it) the live index is kept out of the cyclic garbage collector's
    generations (`gc.freeze()`): it lives until the next reload anyway, and a full collection would otherwise walk
    its hundreds of thousands of objects, holding the GIL (and so the event loop) for 50 to 300 ms each time.
    `gc.freeze()` is the only way to do that, and it takes every object alive at the moment, not only the index:
    a reference cycle alive then and dropped later is never collected (about 8,000 objects per reload in the
    benchmark's workload). The old index is frozen too, so `release` frees it by reference counting.
    It is process-wide, so a process that does not own its heap (tests, the console) leaves it off.

    With `defer_search` (the console sets it) each index's entries are indexed for search on its first search,
    not when it is loaded (`SearchIndex`): on the event loop, so only for a process that may never search and
    does not freeze the index.
    """

    directory: Path
    index: ContentIndex
    loaded_at: datetime | None = None
    freeze_gc: bool = False
    defer_search: bool = False
    # When the last reload since the live index was loaded was refused, and for how many errors in the folder
    refused: tuple[datetime, int] | None = None
    _keys: Keys = field(default_factory=Keys, repr=False)
    _search_refs: int = field(default=0, repr=False)
    _retired: list[_Retired] = field(default_factory=list, repr=False)
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)

    def __post_init__(self) -> None:
        self._keys = Keys(self.index)
        self._search_refs = _search_refs(self.index)

    @classmethod
    def load(
        cls, directory: str | Path, now: datetime | None = None, *, freeze_gc: bool = False, defer_search: bool = False
    ) -> ContentHolder:
        """Load a content folder (blocking); for start-up."""
        if freeze_gc:
            one_malloc_arena()
        index = load_content(directory, defer_search=defer_search)
        holder = cls(Path(directory), index, now, freeze_gc, defer_search)
        if freeze_gc:
            gc.collect()  # garbage frozen now would never be freed (the parser leaves a little)
            gc.freeze()
        return holder

    async def check(self, *, to_swap: bool = False) -> Checked:
        """Load the folder again and compare it with the live index, in a worker thread, without swapping.

        With `to_swap`, an index without errors is kept, with its section keys, ready for `swap`.
        """
        return await asyncio.to_thread(self._check, to_swap)

    def _check(self, to_swap: bool) -> Checked:
        with _heavy:
            self._free_retired()
            # Read here, not passed in: the executor keeps its arguments a moment after the result is out, long
            # enough to make the index look still in use to `release`.
            live, live_keys = self.index, self._keys
            if to_swap and self.freeze_gc:
                # Garbage frozen with the new index would never be freed. The live index is frozen, so this
                # walks only the rest of the process.
                gc.collect()
            # The collector stays off until the new index is frozen or freed: one pass over its objects
            # holds the GIL as long as the event loop may wait.
            with collector_off(), _short_gil_slices():
                index = load_content(self.directory, live, defer_search=self.defer_search)
                diff = diff_indexes(live, index)
                checked = Checked(diff, index.problems, len(index.roles))
                if index is live:  # no file changed: the live index is the folder's index
                    if to_swap and not checked.has_errors:
                        checked = Checked(diff, index.problems, len(index.roles), live, live_keys, self._search_refs)
                    return checked
                if to_swap and not checked.has_errors:
                    keys = Keys(index)
                    checked = Checked(diff, index.problems, len(index.roles), index, keys, _search_refs(index))
                    del index, keys
                    if self.freeze_gc:
                        gc.freeze()
                    return checked
                if index.search is not live.search:  # never left this thread, unless it is the live one's
                    _free_in_steps(index)
                del index
            _return_memory()
            return checked

    def swap(self, new: Checked | ContentIndex, now: datetime) -> None:
        """Make `new` the live index: only assignments, for the event loop. `release` frees the old one."""
        if isinstance(new, ContentIndex):
            index, keys, refs = new, Keys(new), _search_refs(new)
        else:
            if new.index is None:
                raise ValueError("this check was not loaded to be swapped in (or it has errors)")
            index, keys, refs = new.index, new.keys, new.search_refs
        self.refused = None
        if index is self.index:  # nothing changed (`check`): nothing to retire
            self.loaded_at = now
            return
        self._retired.append(_Retired(self.index, self._keys, self._search_refs))
        self.index, self._keys, self._search_refs, self.loaded_at = index, keys, refs, now

    async def release(self) -> None:
        """Free the indexes swapped out that nothing reads any more, in a worker thread."""
        if self._retired:
            await asyncio.to_thread(self._release)

    def _release(self) -> None:
        with _heavy:
            self._free_retired()

    def _free_retired(self) -> None:
        """Free each swapped-out index that only this holder still refers to; keep the others for later.

        The search index refers to itself (an lru_cache of one of its methods), so reference counting alone
        never frees it, and a frozen object is never collected. When no handler holds the old index or its search
        index any more, it is taken apart here, in short steps (what the collector would do in one long one).
        An index a handler still holds (across an `await`) is tried again at the next reload or validate.
        """
        kept: list[_Retired] = []
        freed = False
        while self._retired:
            retired = self._retired.pop()
            index = retired.index
            # Referred to by `retired` and `index` here (and getrefcount's argument); the search index as when new.
            if sys.getrefcount(index) == 3 and _search_refs(index) == retired.search_refs:
                retired.index = _EMPTY
                _free_in_steps(index)
                freed = True
            else:
                kept.append(retired)
            del retired, index
        self._retired.extend(kept)
        if freed:
            _return_memory()

    @property
    def lock(self) -> asyncio.Lock:
        return self._lock

    def section_by_key(self, key: str) -> tuple[Role, Section] | None:
        """Return the role and section a `section_key` names in the live index."""
        found = self._keys.find(key)
        if found is None:
            return None
        role = self.index.roles.get(found[0])
        return (role, role.sections[found[1]]) if role else None


_EMPTY = ContentIndex(roles={})


def _search_refs(index: ContentIndex) -> int:
    """How many references the search index has: as many as when it was built means nobody else holds it."""
    return sys.getrefcount(index.search)


def _free_in_steps(index: ContentIndex) -> None:
    """Take apart an index nothing else holds: its search index's attributes and its dicts, a step at a time."""
    try:
        attributes = vars(index.search)
    except TypeError:  # no instance dict: nothing to take apart
        attributes = {}
    for name in list(attributes):
        value = attributes.pop(name, None)
        _empty_in_steps(value, holders=1)
        del value
    _empty_in_steps(index.roles, holders=1)
    _empty_in_steps(index.parsed, holders=1)


def _empty_in_steps(container: object, holders: int) -> None:
    """Empty a list or dict `FREE_STEP` items at a time, if only the caller's `holders` references hold it.

    Freeing a container of 50,000 objects is one C call that holds the GIL for milliseconds; this is many short ones.
    """
    if sys.getrefcount(container) - 2 > holders:  # 2: this parameter and getrefcount's argument
        return
    if isinstance(container, list):
        while container:
            del container[-FREE_STEP:]
    elif isinstance(container, dict):
        while container:
            for key in list(islice(container, FREE_STEP)):
                del container[key]


def _return_memory() -> None:
    """Hand the memory an old index leaves free back to the system, where the C library can (glibc).

    Otherwise the freed pages stay with the process, scattered among live ones, and each reload's new index takes
    fresh ones: at 1,000 roles the resident size settles about 40 MB higher (bench/bench_reload.py).
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)  # a ctypes call: the GIL is released meanwhile


M_ARENA_MAX = -8  # glibc's malloc.h


@functools.cache
def one_malloc_arena() -> bool:
    """Have the C library allocate for every thread from one arena (glibc); return whether it could.

    For a process that owns its heap (`freeze_gc`), set before it starts worker threads. glibc gives threads
    arenas of their own, and the pages a reload frees in the worker's arena serve only that arena: the next
    reload, in another worker, takes fresh ones. With one arena the peak across reloads at 1,000 roles is about
    12 MB lower (bench/bench_reload.py). Python's own allocator serves the small objects either way.
    """
    import ctypes  # here: only the bot's process calls it

    try:
        return bool(ctypes.CDLL(None).mallopt(M_ARENA_MAX, 1))
    except (AttributeError, OSError):  # not glibc
        return False


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """Return glibc's `malloc_trim`, or None where there is none (looked up once, on the first reload)."""
    import ctypes  # here: only a reload frees an index, and a start need not pay the import

    try:
        return ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):  # not glibc
        return None


@contextmanager
def _short_gil_slices() -> Iterator[None]:
    """Let the event loop have the GIL back within about 1 ms, not 5, while a worker computes."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, GIL_SLICE_S))
    try:
        yield
    finally:
        sys.setswitchinterval(before)
