"""Fixtures for the store tests: a fresh database file per test and a fixed clock."""

from datetime import UTC, datetime

import pytest

NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def now() -> datetime:
    return NOW
