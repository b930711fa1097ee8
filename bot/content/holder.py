"""The live content index, swapped atomically on reload, and what a reload would change."""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from rapidfuzz import fuzz

from bot.content.loader import ContentIndex, load_content
from bot.content.models import ChecklistItem, Role, Section


def section_key(role: str, section_id: str) -> str:
    """Return a short stable key for a section, small enough for a Discord custom_id."""
    return hashlib.blake2s(f"{role}\0{section_id}".encode(), digest_size=6).hexdigest()


@dataclass(frozen=True)
class Rename:
    """A checklist item that looks reworded: removed `old`, added `new`, in the same role."""

    role: str
    old: ChecklistItem
    new: ChecklistItem


@dataclass(frozen=True)
class ContentDiff:
    """What replacing one index with another changes."""

    roles_added: tuple[str, ...] = ()
    roles_removed: tuple[str, ...] = ()
    items_added: tuple[tuple[str, ChecklistItem], ...] = ()
    items_removed: tuple[tuple[str, ChecklistItem], ...] = ()
    renamed: tuple[Rename, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.roles_added or self.roles_removed or self.items_added or self.items_removed)


def diff_indexes(old: ContentIndex, new: ContentIndex) -> ContentDiff:
    """Compare two indexes: roles and checklist items added, removed, or probably renamed."""
    added_roles = tuple(n for n in new.roles if n not in old.roles)
    removed_roles = tuple(n for n in old.roles if n not in new.roles)
    added: list[tuple[str, ChecklistItem]] = []
    removed: list[tuple[str, ChecklistItem]] = []
    renamed: list[Rename] = []
    for name, role in new.roles.items():
        before = old.roles.get(name)
        if before is None:
            continue
        old_ids = {i.id: i for i in before.checklist}
        new_ids = {i.id: i for i in role.checklist}
        gone = [i for i in before.checklist if i.id not in new_ids]
        came = [i for i in role.checklist if i.id not in old_ids]
        removed.extend((name, i) for i in gone)
        added.extend((name, i) for i in came)
        # One new item takes over at most one old item's progress: best-matching pairs first.
        pairs = sorted(
            ((fuzz.token_set_ratio(o.text, c.text), i, j) for i, o in enumerate(gone) for j, c in enumerate(came)),
            key=lambda p: (-p[0], p[1], p[2]),
        )
        taken_old: dict[int, int] = {}
        taken_new: set[int] = set()
        for score, i, j in pairs:
            if score < 60:
                break
            if i not in taken_old and j not in taken_new:
                taken_old[i] = j
                taken_new.add(j)
        renamed.extend(Rename(name, gone[i], came[taken_old[i]]) for i in sorted(taken_old))
    for name in removed_roles:
        removed.extend((name, i) for i in old.roles[name].checklist)
    return ContentDiff(added_roles, removed_roles, tuple(added), tuple(removed), tuple(renamed))


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
