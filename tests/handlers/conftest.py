"""Fixtures for the handler tests: the shipped content, a fresh SQLite file per test, a fixed clock."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.content.holder import ContentHolder
from bot.content.loader import ContentIndex, load_content
from bot.handlers.actions import handle_component
from bot.handlers.context import Caller, Response, Services
from bot.render import Button, Reply, Select, render_text
from bot.store import Store

ROOT = Path(__file__).resolve().parents[2]
CONTENT_DIR = ROOT / "content"
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)  # a Friday
ANN, BOB = 101, 202


@pytest.fixture(scope="session")
def shipped_index() -> ContentIndex:
    """The shipped content, loaded once: handlers never change an index, a reload swaps in a new one."""
    index = load_content(CONTENT_DIR)
    assert not index.has_errors, [str(p) for p in index.problems]
    return index


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(tmp_path / "data" / "waymark.sqlite3")
    try:
        yield opened
    finally:
        await opened.close()


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


def text(reply: Reply | Response) -> str:
    """What the user sees, as the console prints it."""
    return render_text(reply.reply if isinstance(reply, Response) else reply)


def button(reply: Reply, label: str) -> Button:
    found = [b for b in reply.buttons if b.label == label]
    assert found, f"no button {label!r} in {[b.label for b in reply.buttons]}"
    return found[0]


def selects(reply: Reply) -> list[Select]:
    return [row for row in reply.rows if isinstance(row, Select)]


async def press(svc: Services, who: Caller, reply: Reply, label: str) -> Response:
    """Click a button of a reply, as Discord would send it."""
    target = button(reply, label)
    assert not target.disabled, f"{label!r} is disabled"
    assert target.custom_id is not None
    return await handle_component(svc, who, target.custom_id, ())


async def choose(svc: Services, who: Caller, select: Select, values: Sequence[str]) -> Response:
    """Submit a select menu with these values."""
    return await handle_component(svc, who, select.custom_id, list(values))


def option_value(select: Select, label: str) -> str:
    found = [o.value for o in select.options if o.label == label]
    assert found, f"no option {label!r} in {[o.label for o in select.options]}"
    return found[0]
