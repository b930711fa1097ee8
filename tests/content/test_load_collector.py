"""A load leaves the index's objects where the cyclic collector walks them least, and thaws nothing frozen."""

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.content.loader import load_content


@pytest.fixture
def collector_on() -> Iterator[None]:
    """Run the test with the collector on and nothing frozen, as a process that does not freeze starts."""
    enabled = gc.isenabled()
    gc.unfreeze()
    gc.enable()
    try:
        yield
    finally:
        gc.unfreeze()
        if not enabled:
            gc.disable()


def in_generation(obj: object, generation: int) -> bool:
    return any(o is obj for o in gc.get_objects(generation=generation))


def test_with_the_collector_on_the_index_goes_to_the_oldest_generation(content_dir: Path, collector_on: None) -> None:
    index = load_content(content_dir)

    assert gc.isenabled()
    assert in_generation(index.search, 2)
    assert gc.get_count()[0] < 1_000  # nothing left for the youngest generation's next collection to walk
    assert gc.get_freeze_count() == 0


def test_a_load_thaws_nothing_frozen(content_dir: Path, collector_on: None) -> None:
    kept = [object()]
    gc.freeze()
    frozen = gc.get_freeze_count()

    index = load_content(content_dir)

    assert gc.get_freeze_count() == frozen
    assert not in_generation(kept, 2)
    assert not in_generation(index.search, 2)  # left young: moving it would have thawed the frozen ones


def test_with_the_collector_off_a_load_leaves_it_off_and_the_generations_alone(
    content_dir: Path, collector_on: None
) -> None:
    gc.disable()
    try:
        index = load_content(content_dir)

        assert not gc.isenabled()
        assert not in_generation(index.search, 2)  # the caller (the content holder) decides what becomes of it
    finally:
        gc.enable()
