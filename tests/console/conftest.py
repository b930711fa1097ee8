"""Fixtures for the console tests: a console over the shipped content, a fresh database, a fixed clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.console import Console
from bot.content.holder import ContentHolder
from bot.content.loader import ContentIndex, load_content
from bot.handlers.context import Services
from bot.store import Store

ROOT = Path(__file__).resolve().parents[2]
CONTENT_DIR = ROOT / "content"
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def shipped_index() -> ContentIndex:
    return load_content(CONTENT_DIR)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(tmp_path / "console.sqlite3")
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
def services(shipped_index: ContentIndex, store: Store) -> Services:
    return Services(ContentHolder(CONTENT_DIR, shipped_index, NOW), store)


@pytest.fixture
def console(services: Services) -> Console:
    return Console(services, "learner", NOW)


class Session:
    """Feeds lines to a console and keeps what it printed."""

    def __init__(self, console: Console) -> None:
        self.console = console

    async def __call__(self, *lines: str) -> str:
        outputs = [await self.console.handle_line(line) for line in lines]
        return outputs[-1] if len(outputs) == 1 else "\n\n".join(outputs)


@pytest.fixture
def run(console: Console) -> Session:
    return Session(console)
