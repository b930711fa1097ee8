"""The console's database: its own file by default, and never sending reminders from the bot's."""

from __future__ import annotations

import io
import os
import shutil
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.console import BOT_DB_NOTICE, OWNER_KEY, Console, run_console, user_id_for
from bot.content.holder import ContentHolder
from bot.content.loader import ContentIndex
from bot.services import Services
from bot.store import Store
from tests import peek
from tests.console.conftest import CONTENT_DIR, NOW

LATER = NOW + timedelta(days=14)  # two Monday reminders after NOW's enrollment
ALICE = user_id_for("alice")


@pytest.fixture(autouse=True)
def bot_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in tmp_path with the bot's database configured there, as on a server."""
    monkeypatch.chdir(tmp_path)
    for key in [k for k in os.environ if k.startswith(("WAYMARK_", "DISCORD_"))]:
        monkeypatch.delenv(key)
    bot_db = tmp_path / "bot" / "waymark.sqlite3"
    monkeypatch.setenv("WAYMARK_DB_PATH", str(bot_db))
    return bot_db


async def bot_database(path: Path, shipped_index: ContentIndex) -> None:
    """A database as the bot leaves it: alice follows a path, her weekly reminder planned, no console mark."""
    async with await Store.open(path) as store:
        console = Console(Services(ContentHolder(CONTENT_DIR, shipped_index, NOW), store), "alice", NOW)
        assert "Welcome aboard!" in await console.handle_line("/start-learning role:backend-engineer")
        assert await store.get_meta(OWNER_KEY) is None


async def console_run(path: Path, script: str, now: datetime = LATER) -> str:
    stdout = io.StringIO()
    assert await run_console(CONTENT_DIR, path, "alice", now, io.StringIO(script), stdout) == 0
    return stdout.getvalue()


def test_console_defaults_to_its_own_database_not_the_bots(
    bot_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("/start-learning role:backend-engineer\n"))
    assert main(["console", "--content", str(CONTENT_DIR), "--now", NOW.isoformat()]) == 0
    assert "Welcome aboard!" in capsys.readouterr().out
    assert (tmp_path / "data" / "console.sqlite3").is_file()  # created, with its folder
    assert not bot_db.exists()

    monkeypatch.setattr(sys, "stdin", io.StringIO("/start-learning role:backend-engineer\n"))
    assert main(["console", "--content", str(CONTENT_DIR), "--now", NOW.isoformat()]) == 0
    assert "Welcome back" in capsys.readouterr().out  # the same console database next time
    assert not bot_db.exists()


async def test_no_reminders_from_the_bots_database_but_commands_work(bot_db: Path, shipped_index: ContentIndex) -> None:
    await bot_database(bot_db, shipped_index)
    async with await Store.open(bot_db) as store:
        plan = await store.get_plan("user", ALICE)
    assert plan is not None
    assert plan < LATER  # due: a console that sends would catch up at start

    out = await console_run(bot_db, "/progress\n:tick 7d\n")

    assert out.startswith(BOT_DB_NOTICE + "\n\n> /progress\n")
    assert out.count(BOT_DB_NOTICE) == 1
    assert "reminder to" not in out
    assert "alice · Backend Engineer" in out  # commands still work
    later = (LATER + timedelta(days=7)).isoformat()
    assert f"(it is now {later}; no reminders are sent from the console on the bot's database)" in out
    async with await Store.open(bot_db) as store:
        assert await store.get_plan("user", ALICE) == plan  # not moved on
        assert await peek.pending_deliveries(store) == []
        assert (await store.export_user(ALICE))["reminder_deliveries"] == []
        assert await store.get_meta(OWNER_KEY) is None  # and never claimed


async def test_a_fresh_database_is_the_consoles_and_sends_reminders(tmp_path: Path) -> None:
    db = tmp_path / "mine.sqlite3"
    out = await console_run(db, "/start-learning role:backend-engineer\n:tick 14d\n", now=NOW)
    assert BOT_DB_NOTICE not in out
    assert out.count("reminder to alice at ") == 2
    async with await Store.open(db) as store:
        assert await store.get_meta(OWNER_KEY) == "1"
    # Marked: it keeps sending next time, though it now holds learners.
    again = await console_run(db, "/progress\n", now=NOW + timedelta(days=28))
    assert BOT_DB_NOTICE not in again
    assert again.startswith("reminder to alice at ")


async def test_a_backup_copy_sends_reminders_but_not_once_restored(
    bot_db: Path, tmp_path: Path, shipped_index: ContentIndex
) -> None:
    await bot_database(bot_db, shipped_index)
    copy = tmp_path / "copy.sqlite3"
    assert main(["db", "backup", str(copy)]) == 0  # the bot's database, from WAYMARK_DB_PATH

    out = await console_run(copy, "/progress\n")
    assert BOT_DB_NOTICE not in out
    assert out.startswith("reminder to alice at ")  # the catch-up, sent from the copy
    async with await Store.open(bot_db) as store:
        assert (await store.export_user(ALICE))["reminder_deliveries"] == []  # the bot's own is untouched

    # The copy put back in the bot's place (a restore) is the bot's database again.
    restored = tmp_path / "restore.sqlite3"
    assert main(["db", "backup", str(restored)]) == 0
    shutil.copyfile(restored, bot_db)  # over the old file
    assert (await console_run(bot_db, "/progress\n")).startswith(BOT_DB_NOTICE)
