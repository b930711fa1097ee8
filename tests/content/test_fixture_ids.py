"""Every checklist item of every roadmap fixture keeps the ID it had when the fixture was added: learners' progress is
stored under item IDs, so a reader change that moves an ID orphans ticks in community files like these.

A new fixture's IDs are recorded with `.venv/bin/python -m tests.content.test_fixture_ids`, which adds the fixtures
the record does not have and leaves the others as they are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.content.loader import parse_bytes

FIXTURES = Path(__file__).parents[1] / "fixtures"
RECORD = FIXTURES / "roadmaps" / "item-ids.json"
FILES = sorted([*FIXTURES.glob("*.md"), *(FIXTURES / "roadmaps").glob("*.md")])


def _name(path: Path) -> str:
    return path.relative_to(FIXTURES).as_posix()


def item_ids(path: Path) -> dict[str, str]:
    """Return a fixture's checklist items, ID to text, as the content engine reads them."""
    role, problems = parse_bytes(path.read_bytes(), path.name)
    return {item.id: item.text for item in role.checklist} if role is not None else {}


def recorded() -> dict[str, dict[str, str]]:
    return json.loads(RECORD.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", FILES, ids=_name)
def test_a_fixtures_items_keep_their_recorded_ids(path: Path) -> None:
    record = recorded()
    assert _name(path) in record, f"record its IDs: .venv/bin/python -m {__name__}"
    assert item_ids(path) == record[_name(path)]


def main() -> None:
    """Record the IDs of the fixtures the record does not have yet."""
    record = recorded() if RECORD.exists() else {}
    added = [_name(p) for p in FILES if _name(p) not in record]
    for name in added:
        record[name] = item_ids(FIXTURES / name)
    RECORD.write_text(json.dumps(dict(sorted(record.items())), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"recorded {len(added)} fixture(s): {', '.join(added) or 'none new'}")


if __name__ == "__main__":
    main()
