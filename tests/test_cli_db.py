"""`waymark db backup`: a read-only copy of the live database, and one-line errors for impossible targets."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.store import MIGRATIONS, Store
from tests.conftest import ROOT

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _no_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no .env of the project's
    for key in [k for k in os.environ if k.startswith(("WAYMARK_", "DISCORD_"))]:
        monkeypatch.delenv(key)


@pytest.fixture
async def live(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "waymark.sqlite3"
    async with await Store.open(path) as store:
        await store.ensure_learner(7, NOW)
    return path


def backup(*args: str) -> int:
    return main(["db", "backup", *args])


def test_backup_onto_the_database_itself_is_a_one_line_error(live: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = live.read_bytes()
    assert backup(str(live), "--db", str(live)) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"waymark db backup: {live} is the database itself; write the copy to another file"
    assert live.read_bytes() == before
    # The same file by another spelling, and its -wal beside it, are refused too.
    assert backup(str(live.parent / ".." / "data" / live.name), "--db", str(live)) == 2
    assert backup(f"{live}-wal", "--db", str(live)) == 2
    assert "belongs to the live database" in capsys.readouterr().err


def test_backup_into_a_folder_is_a_one_line_error(
    live: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    assert backup(str(folder), "--db", str(live)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"{folder} is a folder; give the file to write" in err
    assert list(folder.iterdir()) == []  # no temporary file left behind


def test_cli_errors_have_no_traceback(live: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WAYMARK_", "DISCORD_"))}
    for target in (str(live), str(tmp_path)):
        result = subprocess.run(
            [sys.executable, "-m", "bot", "db", "backup", target, "--db", str(live)],
            cwd=tmp_path,
            env={**env, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_backup_reads_the_source_without_migrating_or_changing_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An older database (schema version 1, rollback journal) is copied as it is: no migration, no WAL switch."""
    source = tmp_path / "old.sqlite3"
    db = sqlite3.connect(source)
    db.executescript(MIGRATIONS[0])
    db.execute("INSERT INTO learners (user_id, timezone, progress_visible, created_at) VALUES (7, 'UTC', 0, 'x')")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    before = source.read_bytes()

    assert backup(str(tmp_path / "copy.sqlite3"), "--db", str(source)) == 0

    assert capsys.readouterr().out.strip() == f"Backed up {source} to {tmp_path / 'copy.sqlite3'}"
    assert source.read_bytes() == before
    db = sqlite3.connect(source)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    db.close()
    copy = sqlite3.connect(tmp_path / "copy.sqlite3")
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    assert copy.execute("SELECT user_id FROM learners").fetchall() == [(7,)]
    copy.close()


async def test_backup_of_the_live_database_while_it_is_open(live: Path, tmp_path: Path) -> None:
    dest = tmp_path / "backups" / "copy.sqlite3"
    source = str(live)  # tmp_path is already resolved
    async with await Store.open(live) as store:
        await store.ensure_learner(8, NOW)  # committed to the -wal, not yet checkpointed
        assert backup(str(dest), "--db", str(live)) == 0
        await store.ensure_learner(9, NOW)  # the bot carries on writing
    copied = sqlite3.connect(dest)
    assert copied.execute("SELECT user_id FROM learners ORDER BY user_id").fetchall() == [(7,), (8,)]
    assert copied.execute("SELECT value FROM meta WHERE key = 'backup:source'").fetchone() == (source,)
    assert copied.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one self-contained file
    copied.close()


def test_a_file_that_is_not_a_database_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("not a database " * 100, encoding="utf-8")
    assert backup(str(tmp_path / "copy.sqlite3"), "--db", str(source)) == 1
    assert "could not copy" in capsys.readouterr().err
    assert not (tmp_path / "copy.sqlite3").exists()
