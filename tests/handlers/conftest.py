"""Fixtures for the handler tests: the shipped content, a fresh SQLite file per test, a fixed clock."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.content.holder import ContentHolder
from bot.content.loader import ContentIndex
from bot.services import Caller, Services
from bot.store import Store
from tests.content.helpers import role_file
from tests.replies import button, choose, option_value, press, selects, text  # noqa: F401 - used via this module

ROOT = Path(__file__).resolve().parents[2]
CONTENT_DIR = ROOT / "content"
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)  # a Friday
ANN, BOB = 101, 202


@pytest.fixture
def svc(shipped_index: ContentIndex, store: Store) -> Services:
    return Services(ContentHolder(CONTENT_DIR, shipped_index, NOW), store)


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped content that a test may edit and reload."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def caller(
    user_id: int = ANN, name: str = "ann", now: datetime = NOW, *, days: float = 0, moderator: bool = False
) -> Caller:
    """Someone acting at `now` plus `days`."""
    return Caller(user_id, name, now + timedelta(days=days), guild_id=1, is_moderator=moderator)


Load = Callable[..., Services]


@pytest.fixture
def load(tmp_path: Path, store: Store) -> Load:
    """Load role files given as {name: body} (and front-matter lines) into a fresh content folder."""

    def make(bodies: dict[str, str], extra: str = "") -> Services:
        folder = tmp_path / "content"
        folder.mkdir(exist_ok=True)
        for name, body in bodies.items():
            (folder / f"{name}.md").write_text(role_file(name, body=body, extra=extra), encoding="utf-8")
        holder = ContentHolder.load(folder, NOW)
        assert not holder.index.has_errors, [str(p) for p in holder.index.problems]
        return Services(holder, store)

    return make


def body(reply) -> str:
    """Return the descriptions of a reply's cards, one after another."""
    return "\n".join(card.description or "" for card in reply.cards)
