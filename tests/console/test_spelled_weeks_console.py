"""A path whose week headings spell their numbers ('## Week One: Setup') in the console: a weekly plan."""

from __future__ import annotations

import io
from pathlib import Path

from bot.console import run_console
from tests.console.conftest import NOW
from tests.content.helpers import SPELT_WEEKS, role_file


async def test_spelt_week_headings_walk_week_by_week(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "b.md").write_text(role_file("b", "B path", SPELT_WEEKS), encoding="utf-8")
    out = io.StringIO()

    code = await run_console(
        content, tmp_path / "db.sqlite3", "learner", NOW, io.StringIO("/start-learning role:b\n/today\n"), out
    )

    shown = out.getvalue()
    assert code == 0
    assert "self-paced" not in shown
    assert "Where you are: Week 1 of 3 · Phase 1 (week 1)" in shown
    assert (
        "The path · 3 weeks as written:\n"
        "  ▶ **Phase 1: Setup** · week 1\n"
        "  · **Phase 2: HTML** · week 2\n"
        "  · **Phase 3: CSS** · week 3\n"
    ) in shown
    assert "Today · B path · week 1 of 3" in shown
    assert "**Phase 1: Setup** (week 1)\n\n- Install node" in shown
