"""Phase titles as a learner meets them in the console: the path of the welcome, /phase and /skill-deep-dive show a
phase by its title, without the author's progress written after it ('(done)', '✅ Completed') nor a series word
in another language before it ('Nivel 1 —')."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.console.conftest import Session, fixture_session


@pytest.fixture
async def run(tmp_path: Path) -> AsyncIterator[Session]:
    async with fixture_session(tmp_path, "progress-marked-phases", "nivel-semanas") as session:
        yield session


async def test_the_path_shows_each_phase_without_the_authors_progress(run: Session) -> None:
    out = await run("/start-learning role:progress-marked-phases")
    assert "  ▶ **Phase 1: Shell and Processes** · weeks 1-2\n" in out
    assert "  · **Phase 2: Networking Basics** · weeks 3-4\n" in out
    assert "  · **Phase 3: Containers** · weeks 5-8\n" in out
    assert "  · **Phase 4: Observability** · weeks 9-12\n" in out
    assert "  · **Phase 6: Reading Group** · weeks 17-20\n" in out
    for mark in ("(done)", "Completed", "(in progress)", "(WIP)", "(ongoing)"):
        assert mark not in out
    out = await run("/phase number:2")
    assert "\n\nPhase 2: Networking Basics (weeks 3-4)\n===" in out
    out = await run("/checklist")  # its groups and the menus to tick them
    assert "**Phase 1: Shell and Processes**\n⬜ Write a script that restarts a stuck service\n" in out
    assert "Select Phase 4: Observability: tick what you've done:" in out
    for mark in ("(done)", "Completed", "(in progress)", "(WIP)", "(ongoing)", "(Weeks"):
        assert mark not in out
    out = await run("/skill-deep-dive topic:observability")
    assert "Phase 4: Observability" in out
    assert "(in progress)" not in out


async def test_a_spanish_level_is_a_phase_titled_as_written_after_it(run: Session) -> None:
    out = await run("/start-learning role:nivel-semanas")
    assert "  ▶ **Phase 1: Fundamentos** · weeks 1-2\n" in out
    assert "  · **Phase 2: Estructuras de datos** · weeks 3-4\n" in out
    assert "  · **Phase 3: Proyecto final** · weeks 5-6\n" in out
    out = await run("/phase")
    assert "\n\nPhase 1: Fundamentos (weeks 1-2)\n===" in out
    out = await run("/skill-deep-dive topic:operadores")
    assert "\n\nOperadores\n===" in out
    assert "*Nivel 1 — Fundamentos (Semanas 1–2) › Operadores*\n" in out
