"""What a learner sees of a module handbook whose schedule is a '| Teaching week |' table (a weekly plan), and of a
study list written for Obsidian's Tasks plugin (tasks shown without their '⏫ 📅 2027-01-08' fields)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.console.conftest import Session, fixture_session

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
FILES = ("module-handbook-teaching-weeks", "obsidian-tasks-study-list")


@pytest.fixture
async def run(tmp_path: Path) -> AsyncIterator[Session]:
    async with fixture_session(tmp_path, *FILES, now=NOW) as session:
        yield session


async def test_a_handbooks_teaching_weeks_are_its_weekly_plan(run: Session) -> None:
    out = await run("/start-learning role:module-handbook-teaching-weeks")
    assert "Where you are: Week 1 of 11 · Phase 1 (week 1)" in out
    assert "  ▶ **Phase 1: The relational model** · week 1\n  · **Phase 2: SELECT, WHERE and ORDER BY** · week 2" in out
    assert "  · **Phase 9: Transactions and isolation** · weeks 9-10\n" in out
    assert "self-paced" not in out
    out = await run("/today")
    assert "**Phase 1: The relational model** (week 1)" in out
    assert "- Practical: Install PostgreSQL and load the sample data\n- Reading: Ch. 1–2" in out
    out = await run("/skill-deep-dive topic:normal forms")
    assert out.startswith("(only you)\n\nWeek 7: Normal forms\n")
    assert "[Databases and Data Modelling (CM2205) · Phase 7 · week 7]" in out


async def test_a_tasks_plugin_list_shows_its_tasks_without_their_fields(run: Session) -> None:
    out = await run("/start-learning role:obsidian-tasks-study-list", "/today")
    assert (
        "Open items in this phase:\n"
        "  ⬜ Work through the first five chapters of *The Linux Command Line*\n"
        "  ⬜ Learn `find`, `grep` and `xargs` well enough to combine them\n"
        "  ⬜ Write a script that renames photos by date\n"
        "  ⬜ Set up dotfiles in a git repository\n"  # the author's tick ('- [x] … ✅ 2026-12-30') is not the learner's
        "  ⬜ Practise with the man pages every day\n"
    ) in out
    assert "  1. Work through the first five chapters of The Linux Command Line\n" in out  # the menu
    out = await run("/checklist")
    assert (
        "**Weeks 3-4: Services and networking**\n"
        "⬜ Write a systemd unit for a small web app\n"
        "⬜ Read journal logs with filters (unit, priority, since)\n"
        "⬜ Set up a firewall with nftables\n"
        "⬜ Trace a DNS lookup end to end with `dig +trace`\n"
        "⬜ Fix the broken VM from the lab kit\n"
        "⬜ Back up /etc every Friday\n"
        "⬜ Review the week ❌ cancelled, no time left\n"  # a cross without a date is the author's word
    ) in out
    assert not any(mark in out for mark in "⏫📅⏳🛫➕🔁🆔⛔🏁")
    out = await run("/skill-deep-dive topic:systemd")
    assert out.startswith("(only you)\n\nWrite a systemd unit for a small web app\n")
