"""Shared fixtures: paths to the shipped content and the seed files."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def content_dir() -> Path:
    return CONTENT_DIR


@pytest.fixture
def seed_text() -> str:
    return (CONTENT_DIR / "backend-engineer.md").read_text(encoding="utf-8")
