"""Fixtures for the console tests: a console over the shipped content, a fresh database, a fixed clock."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.console import Console
from bot.content.holder import ContentHolder
from bot.content.loader import ContentIndex
from bot.services import Services
from bot.store import Store

ROOT = Path(__file__).resolve().parents[2]
CONTENT_DIR = ROOT / "content"
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


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


@asynccontextmanager
async def fixture_session(tmp_path: Path, *names: str, now: datetime = NOW) -> AsyncIterator[Session]:
    """Open a console at `now` over copies of these roadmap fixtures (`tests/fixtures/roadmaps/NAME.md`) and a fresh
    database."""
    from tests.content.helpers import ROADMAPS

    folder = tmp_path / "content"
    folder.mkdir()
    for name in names:
        shutil.copy(ROADMAPS / f"{name}.md", folder / f"{name}.md")
    holder = ContentHolder.load(folder, now)
    async with await Store.open(tmp_path / "db.sqlite3") as store:
        yield Session(Console(Services(holder, store), "learner", now))
