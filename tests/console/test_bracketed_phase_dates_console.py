"""A path whose phase headings give their dates in brackets ('## Phase 1 (Jan 8 - Jan 14)'), as a learner sees it in
the console: a week a phase, named by its week and dates."""

from __future__ import annotations

import io
from pathlib import Path

from bot.console import run_console
from tests.console.conftest import NOW
from tests.content.helpers import role_file

BODY = """
# C

## Phase 1 (Jan 8 - Jan 14)
- [ ] Learn tags

## Phase 2 (Jan 15 - Jan 21)
- [ ] Flexbox
"""


async def test_start_and_today_show_a_week_a_phase_named_by_its_dates(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "c.md").write_text(role_file("c", "C path", BODY), encoding="utf-8")
    out = io.StringIO()

    code = await run_console(
        content, tmp_path / "db.sqlite3", "learner", NOW, io.StringIO("/start-learning role:c\n/today\n"), out
    )

    shown = out.getvalue()
    assert code == 0
    assert "Where you are: Week 1 of 2 · Phase 1 (week 1)" in shown
    assert (
        "  ▶ **Phase 1: Week 1 (Jan 8 - Jan 14)** · week 1\n  · **Phase 2: Week 2 (Jan 15 - Jan 21)** · week 2" in shown
    )
    assert "Today · C path · week 1 of 2" in shown
    assert "**Phase 1: Week 1 (Jan 8 - Jan 14)** (week 1)" in shown
    assert "Phase 1: (Jan" not in shown
    assert "weeks 1-4" not in shown
