"""Consoles that answer in German (`de`) and in Spanish (`es`), over the shipped content and a fresh database."""

from __future__ import annotations

import pytest

from bot.console import Console
from bot.content.holder import ContentHolder
from bot.content.loader import ContentIndex
from bot.services import Services
from bot.store import Store
from tests.console.conftest import CONTENT_DIR, NOW


@pytest.fixture
def services(shipped_index: ContentIndex, store: Store) -> Services:
    return Services(ContentHolder(CONTENT_DIR, shipped_index, NOW), store)


@pytest.fixture
def de(services: Services) -> Console:
    return Console(services, "learner", NOW, locale="de")


@pytest.fixture
def es(services: Services) -> Console:
    return Console(services, "learner", NOW, locale="es")
