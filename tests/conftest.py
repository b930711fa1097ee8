"""Shared fixtures: paths to the shipped content and the seed files."""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.content.loader import ContentIndex, load_content
from bot.store import Store

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def content_dir() -> Path:
    return CONTENT_DIR


@pytest.fixture
def seed_text() -> str:
    """The user's own backend role file, byte for byte as they wrote it (its checklist after the phases).

    The shipped `content/backend-engineer.md` is edited as the bot grows; this copy keeps the shape the
    user brought, of which `backend-engineer.mojibake.md` is a damaged copy.
    """
    return (FIXTURES / "backend-engineer.md").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shipped_index() -> ContentIndex:
    """The shipped content, loaded once per session (it is immutable)."""
    index = load_content(CONTENT_DIR)
    assert not index.has_errors, [str(p) for p in index.problems]
    return index


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "waymark.sqlite3"


@pytest.fixture
async def store(db_path: Path) -> AsyncIterator[Store]:
    """A fresh SQLite store per test."""
    opened = await Store.open(db_path)
    try:
        yield opened
    finally:
        await opened.close()
