"""A self-paced path (a role file without phases) in the console: the whole walk from enrolling to reminders."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import pytest

from bot.console import Console, run_console
from bot.content.holder import ContentHolder
from bot.services import Services
from bot.store import Store
from tests.console.conftest import NOW, Session
from tests.handlers.roles import ROADMAPS, self_paced_content

SCRIPT = (
    "/start-learning role:interview-checklist\n"
    "/progress\n"
    "/checklist role:interview-checklist\n"
    "/phase\n"
    "/remind preview\n"
    ":tick 7d\n"
)


@pytest.fixture
async def run(tmp_path: Path) -> AsyncIterator[Session]:
    holder = ContentHolder.load(self_paced_content(tmp_path / "content"), NOW)
    async with await Store.open(tmp_path / "db.sqlite3") as store:
        yield Session(Console(Services(holder, store), "learner", NOW))


async def test_the_roadmap_fixtures_walk_through_without_an_error(tmp_path: Path) -> None:
    out = io.StringIO()
    now = datetime.fromisoformat("2026-11-27T10:00:00+00:00")

    code = await run_console(ROADMAPS, tmp_path / "db.sqlite3", "learner", now, io.StringIO(SCRIPT), out)

    shown = out.getvalue()
    assert code == 0
    assert "Something went wrong" not in shown
    assert "> /start-learning role:interview-checklist\n(only you)\n\nCoding Interview Prep · Welcome aboard!" in shown
    assert "No weekly plan:\n  Coding Interview Prep is self-paced: it has no phases and no weekly plan." in shown
    assert "> /progress\n(only you)\n\nlearner · Coding Interview Prep\n" in shown
    assert "Where: Self-paced · week 1 since you started\nChecklist: ▱▱▱▱▱▱▱▱▱▱ 0/31 (0%)" in shown
    assert "Coding Interview Prep · checklist" in shown
    assert "> /phase\n(only you)\n\n❌ Coding Interview Prep is self-paced: it has no phases." in shown
    assert "> /remind preview\nSelf-paced · week 1 since you started · Coding Interview Prep" in shown
    assert "reminder to learner at 2026-11-30T09:00:00+00:00\nSelf-paced · week 1 since you started" in shown
    assert "Next open items:\n  **Before You Start**\n  ⬜ Pick one language for interviews" in shown
    assert "Week 1 of" not in shown


async def test_buttons_and_menus_of_a_self_paced_path(run: Session) -> None:
    out = await run("/start-learning role:interview-checklist")
    assert out.rstrip().endswith("[Checklist] [Turn reminders off]")

    out = await run("click Checklist")
    assert "Coding Interview Prep · checklist" in out
    out = await run("select Two Sum")
    assert "✅ Two Sum" in out

    out = await run("/remind preview", "select Pick one language for interviews and stick to it")
    assert "Ticked on Coding Interview Prep:\n✅ Pick one language for interviews and stick to it" in out
    out = await run("/remind preview")
    assert "Pick one language" not in out.split("Next open items:")[1].split("Progress:")[0]
    assert "Progress: ▰▱▱▱▱▱▱▱▱▱ 2/31 (6%)" in out
    assert out.rstrip().endswith("[Snooze a day] [Pause a week] [I worked on this]")


async def test_pace_phase_and_group_on_a_self_paced_path(run: Session) -> None:
    out = await run("/start-learning role:interview-checklist pace:complete_beginner")
    assert "❌ Coding Interview Prep is self-paced: it has no weekly plan, so there is no pace to pick." in out

    await run("/start-learning role:interview-checklist")
    out = await run("/phase number:2 role:interview-checklist")
    assert "❌ Coding Interview Prep is self-paced: it has no phases." in out

    out = await run("/group create name:Prep role:interview-checklist channel:study", "/group join name:Prep")
    assert "Study group **Prep** follows Coding Interview Prep." in out
    assert "You joined **Prep**." in out
    out = await run("/group board")
    assert "Prep · Coding Interview Prep · week 1 since the group started" in out
    out = await run(":tick 4d")
    assert "reminder to Prep at 2026-11-30T09:00:00+00:00\nPrep · week 1 since the group started" in out
    assert (
        "Board · the past week:\n  Nobody who shows their progress ticked an item in the past week.\n  0 of 1 member ticked the whole checklist"
        in out
    )
