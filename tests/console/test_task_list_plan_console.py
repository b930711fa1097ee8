"""A plan written as a task list of weeks, as a learner meets it in the console: a weekly plan whose weeks are the
items to tick, each shown as its phase's work and in its phase's group of the checklist."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.console import Console, user_id_for
from bot.content.holder import ContentHolder
from bot.services import Services
from bot.store import Store
from tests.console.conftest import NOW, Session, fixture_session
from tests.content.helpers import role_file

ROLE = "analyst-task-weeks"
WEEK_1 = "Week 1 — Spreadsheets: formulas, lookups, pivot tables"


@pytest.fixture
async def run(tmp_path: Path) -> AsyncIterator[Session]:
    async with fixture_session(tmp_path, ROLE) as session:
        yield session


async def test_the_path_has_a_weekly_plan_of_its_weeks(run: Session) -> None:
    out = await run(f"/start-learning role:{ROLE}")
    assert "Where you are: Week 1 of 8 · Phase 1 (week 1)" in out
    assert "  ▶ **Phase 1: Spreadsheets: formulas, lookups, pivot tables** · week 1\n" in out
    assert "  · **Phase 4: Python and pandas** · weeks 4-5\n" in out
    assert "  · **Phase 6: Capstone dashboard** · weeks 7-8\n" in out
    assert "self-paced" not in out


async def test_today_and_phase_show_the_weeks_item_as_its_work(run: Session) -> None:
    await run(f"/start-learning role:{ROLE}")
    out = await run("/today")
    assert "**Phase 1: Spreadsheets: formulas, lookups, pivot tables** (week 1)" in out
    assert (
        "Open items in this phase:\n"
        "  ⬜ **Week 1** — Spreadsheets: formulas, lookups, pivot tables\n"
        "  \u2003- Read the pivot table chapter of the course notes\n"
    ) in out
    assert f"Work on **{WEEK_1}**, then tick it with `/done`." in out
    out = await run("/phase")
    assert "\n\nPhase 1: Spreadsheets: formulas, lookups, pivot tables (week 1)\n===" in out
    assert (
        "⬜ **Week 1** — Spreadsheets: formulas, lookups, pivot tables\n"
        "  - Read the pivot table chapter of the course notes\n"
        "  - Exercise: clean up the sample sales sheet\n"
    ) in out
    out = await run("/phase number:4")
    assert "\n\nPhase 4: Python and pandas (weeks 4-5)\n===" in out
    assert "- Install Jupyter and load a CSV\n- groupby, merge, pivot_table" in out


async def test_the_checklist_groups_each_week_with_its_tasks(run: Session) -> None:
    await run(f"/start-learning role:{ROLE}")
    out = await run("/checklist")
    assert (
        f"**{WEEK_1}**\n"
        "⬜ **Week 1** — Spreadsheets: formulas, lookups, pivot tables\n"
        "\u2003- Read the pivot table chapter of the course notes\n"
        "\u2003- Exercise: clean up the sample sales sheet\n"
        "\u2003⬜ Share your cleaned sheet in the study thread\n"
        "**Week 2 — SQL basics: SELECT, WHERE, ORDER BY**\n"
    ) in out
    assert "Done: ▱▱▱▱▱▱▱▱▱▱ 0/13 (0%)" in out
    out = await run(f"/done item:{WEEK_1}")
    assert out.startswith(f"(only you)\n\nTicked: **{WEEK_1}** (Data Analyst (weekly tasks) › {WEEK_1})\n")
    out = await run("/today")
    assert "Next step: Work on **Share your cleaned sheet in the study thread**, then tick it" in out


async def session(tmp_path: Path, name: str, body: str) -> AsyncIterator[Session]:
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / f"{name}.md").write_text(role_file(name, body=body), encoding="utf-8")
    holder = ContentHolder.load(folder, NOW)
    async with await Store.open(tmp_path / "db.sqlite3") as store:
        yield Session(Console(Services(holder, store), "learner", NOW))


@pytest.fixture
async def fields(tmp_path: Path) -> AsyncIterator[Session]:
    body = "## Plan\n- [ ] Week 1: Setup ⏫ 📅 2027-01-04\n  - Install the tools\n- [ ] Week 2: Build 🔼\n"
    async for found in session(tmp_path, "fields-weeks", body):
        yield found


async def test_a_weeks_tasks_plugin_fields_show_in_no_phase_title(fields: Session) -> None:
    out = await fields("/start-learning role:fields-weeks")
    assert "  ▶ **Phase 1: Setup** · week 1\n  · **Phase 2: Build** · week 2\n" in out
    assert "This week's focus · Phase 1: Setup:\n  ⬜ Week 1: Setup\n" in out
    out = await fields("/today")
    assert "**Phase 1: Setup** (week 1)\n" in out
    out = await fields("/phase")
    assert "\n\nPhase 1: Setup (week 1)\n===" in out
    out = await fields("/checklist")
    assert (
        "**Week 1: Setup**\n⬜ Week 1: Setup\n\u2003- Install the tools\n**Week 2: Build**\n⬜ Week 2: Build\n" in out
    )
    for shown in (await fields("/phase number:2"), out):
        assert "⏫" not in shown and "🔼" not in shown and "2027-01-04" not in shown


@pytest.fixture
async def labelled(tmp_path: Path) -> AsyncIterator[Session]:
    body = "## Plan\n**Tasks:**\n- [ ] Week 1: Setup\n- [ ] Write tests\n- [ ] Week 2: Build\n- [ ] Write tests\n"
    async for found in session(tmp_path, "labelled-weeks", body):
        yield found


async def test_a_tick_on_a_task_a_label_told_apart_is_kept(labelled: Session) -> None:
    await labelled("/start-learning role:labelled-weeks")
    out = await labelled("/checklist")
    assert "**Week 2: Build**\n⬜ Week 2: Build\n⬜ Write tests\n" in out
    # ticks are stored by ID: the second 'Write tests' keeps the one it had where the list was no plan
    user = user_id_for(labelled.console.user)
    await labelled.console.services.store.set_item_done(user, "labelled-weeks", "item-479f34d0d8", NOW)
    out = await labelled("/checklist")
    assert "**Week 2: Build**\n⬜ Week 2: Build\n✅ Write tests\n" in out
