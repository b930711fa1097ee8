"""The live index across reloads: the old one is freed, and (in the bot) the live one is kept out of the GC."""

from __future__ import annotations

import gc
import platform
import shutil
import weakref
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.content.holder import ContentHolder, one_malloc_arena, section_key
from bot.content.loader import collector_off
from tests.content.helpers import role_file

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
ROLE = "backend-engineer"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def reword(folder: Path) -> None:
    path = folder / f"{ROLE}.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Use git professionally", "Use git daily"), "utf-8")


def in_collector(obj: object) -> bool:
    """Whether a collection would walk `obj` (frozen objects are in no generation)."""
    return any(o is obj for o in gc.get_objects())


async def reload(holder: ContentHolder) -> None:
    checked = await holder.check(to_swap=True)
    assert not checked.has_errors
    holder.swap(checked, NOW)
    await holder.release()


async def test_a_reload_frees_the_index_it_replaces(folder: Path) -> None:
    holder = ContentHolder.load(folder, NOW)
    old = weakref.ref(holder.index.search)
    reword(folder)

    with collector_off():
        await reload(holder)
        assert old() is None

    assert "Use git daily" in {i.text for i in holder.index.roles[ROLE].checklist}


@pytest.mark.parametrize("searched", [False, True])
async def test_a_reload_frees_an_index_deferred_to_its_first_search(folder: Path, searched: bool) -> None:
    holder = ContentHolder.load(folder, NOW, defer_search=True)
    if searched:
        assert holder.index.search.search("postgres", limit=1)
    old = weakref.ref(holder.index.search)
    reword(folder)

    with collector_off():
        await reload(holder)
        assert old() is None

    assert holder.index.search.search("git daily", limit=1)[0].section.title == "Use git daily"


async def test_section_keys_name_the_live_sections_after_a_reload(folder: Path) -> None:
    holder = ContentHolder.load(folder, NOW)
    keys = {name: section_key(name, role.sections[0].id) for name, role in holder.index.roles.items()}
    reword(folder)
    (folder / "data-engineer.md").unlink()

    await reload(holder)

    for name, key in keys.items():
        found = holder.section_by_key(key)
        if name == "data-engineer":
            assert found is None
        else:
            assert found is not None
            role, section = found
            assert role is holder.index.roles[name]
            assert section is role.sections[0]


def test_every_section_is_found_by_its_key_and_nothing_else_is(folder: Path) -> None:
    holder = ContentHolder.load(folder, NOW)
    for name, role in holder.index.roles.items():
        for section in role.sections:
            found = holder.section_by_key(section_key(name, section.id))
            assert found is not None
            assert found[0] is role
            assert found[1].id == section.id

    for key in ("", "not-a-key", "0123456789", "0123456789abcd", section_key("no-such-role", "intro")):
        assert holder.section_by_key(key) is None


async def test_an_old_index_still_in_use_is_freed_once_it_is_not(folder: Path) -> None:
    holder = ContentHolder.load(folder, NOW)
    in_use = holder.index
    old = weakref.ref(in_use.search)
    reword(folder)

    with collector_off():
        await reload(holder)
        # A handler that read the index before the swap still gets answers from it.
        assert in_use.search.search("postgres", limit=1)
        del in_use
        assert old() is not None
        # Freed at the next reload or check.
        await holder.check()
        assert old() is None


async def test_validating_does_not_swap(folder: Path) -> None:
    holder = ContentHolder.load(folder, NOW)
    live = holder.index
    reword(folder)

    checked = await holder.check()

    assert checked.index is None
    assert [r.new.text for r in checked.diff.renamed] == ["Use git daily"]
    assert holder.index is live
    with pytest.raises(ValueError, match="not loaded to be swapped in"):
        holder.swap(checked, NOW)


async def test_with_freeze_gc_the_live_index_is_never_walked_by_the_collector(folder: Path) -> None:
    try:
        holder = ContentHolder.load(folder, NOW, freeze_gc=True)
        assert not in_collector(holder.index.search)
        old = weakref.ref(holder.index.search)
        reword(folder)

        await reload(holder)

        assert not in_collector(holder.index.search)
        assert not in_collector(holder.index.roles[ROLE])
        assert old() is None  # frozen objects are never collected: it was freed by reference counting
    finally:
        gc.unfreeze()


def made_by_the_engine(obj: object) -> bool:
    """Whether `obj` is an object of the content engine, or a function or path it makes while loading."""
    module = getattr(obj, "__module__", None) or type(obj).__module__
    return module.startswith("bot.") or isinstance(obj, Path)


async def test_a_reload_leaves_no_reference_cycle_behind(folder: Path) -> None:
    # The bot freezes the collector over everything alive when a reload ends (`freeze_gc`): a cycle made while
    # loading would never be freed, and the process would grow on every reload. Sub-folders and nested bullets
    # take the paths that walk and nest.
    (folder / "more").mkdir()
    (folder / "more" / "nested.md").write_text(role_file("nested-role"), encoding="utf-8")
    holder = ContentHolder.load(folder, NOW)
    assert not holder.index.has_errors, holder.index.problems
    reword(folder)
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        with collector_off():
            await reload(holder)
            await holder.check()  # validate
        gc.collect()
        left = [obj for obj in gc.garbage if made_by_the_engine(obj)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()

    assert "Use git daily" in {i.text for i in holder.index.roles[ROLE].checklist}
    assert holder.index.roles["nested-role"].phases[0].topics[0].children
    assert left == []


async def test_a_reload_with_nothing_changed_keeps_the_live_index_and_frees_it_later(folder: Path) -> None:
    holder = ContentHolder.load(folder, NOW)
    live = holder.index
    keys = {name: section_key(name, role.sections[0].id) for name, role in live.roles.items()}
    later = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)

    checked = await holder.check(to_swap=True)
    assert checked.diff.empty
    holder.swap(checked, later)
    await holder.release()

    assert holder.index is live
    assert holder.loaded_at == later
    assert all(holder.section_by_key(key) is not None for key in keys.values())
    old = weakref.ref(live.search)
    del live, checked
    reword(folder)
    with collector_off():
        await reload(holder)
        assert old() is None  # kept once, not retired: freed when replaced


def test_a_key_shared_by_two_sections_of_a_role_names_the_later_one(tmp_path: Path) -> None:
    # The front-matter facts and a '## Overview' heading are both 'overview': the heading is what a button names.
    body = "# Dup\n\n## Overview\nWhat this path is.\n\n## Phase 1: Start (Weeks 1-2)\n- x\n"
    for n in range(40):  # enough roles that a binary search lands on either copy for some of them
        (tmp_path / f"dup-{n}.md").write_text(role_file(f"dup-{n}", body=body), encoding="utf-8")
    holder = ContentHolder.load(tmp_path, NOW)
    for name in holder.index.roles:
        found = holder.section_by_key(section_key(name, "overview"))
        assert found is not None
        assert (found[1].kind, found[1].title) == ("section", "Overview")


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="one malloc arena is a glibc setting")
def test_the_bot_process_allocates_from_one_malloc_arena() -> None:
    assert one_malloc_arena() is True
