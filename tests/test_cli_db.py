"""`waymark db backup`: a read-only copy of the live database, and one-line errors for impossible targets."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.store import MIGRATIONS, Store
from tests.broken_db import garble_middle, is_damaged, truncate_half, waymark_database
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


def waymark(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot ARGS` as a self-hoster would, without the project's settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WAYMARK_", "DISCORD_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def one_line(result: subprocess.CompletedProcess[str], start: str) -> str:
    """Check that the process failed with exit code 2 and one line on stderr starting with `start`."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(start), result.stderr
    return result.stderr.strip()


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


def test_cli_errors_have_no_traceback(live: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes", encoding="utf-8")
    for target in (str(live), str(notes)):
        result = waymark("db", "backup", target, "--db", str(live), cwd=tmp_path)
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
    assert backup(str(tmp_path / "copy.sqlite3"), "--db", str(source)) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"waymark db backup: cannot back up {source}: it is not a SQLite database")
    assert err.count("\n") == 1
    assert not (tmp_path / "copy.sqlite3").exists()


# Row 1: a backup never writes over a file that is not an earlier backup, and a folder gets a dated file.


def test_backup_over_an_existing_file_is_refused_and_keeps_it(live: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes", encoding="utf-8")
    result = waymark("db", "backup", "notes.txt", "--db", str(live), cwd=tmp_path)
    assert one_line(result, "waymark db backup: ") == (
        "waymark db backup: notes.txt already exists; give a new file name, or a folder to put a dated copy in "
        "(--force replaces an earlier backup)"
    )
    assert notes.read_text(encoding="utf-8") == "my notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "notes.txt"]  # no temporary file left


def test_force_replaces_an_earlier_backup_but_not_another_file(live: Path, tmp_path: Path) -> None:
    assert waymark("db", "backup", "earlier.sqlite3", "--db", str(live), cwd=tmp_path).returncode == 0
    async_add_learner(live, 8)
    result = waymark("db", "backup", "earlier.sqlite3", "--force", "--db", str(live), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Backed up {live} to earlier.sqlite3\n"
    copy = sqlite3.connect(tmp_path / "earlier.sqlite3")
    assert copy.execute("SELECT user_id FROM learners ORDER BY user_id").fetchall() == [(7,), (8,)]
    copy.close()

    notes = tmp_path / "notes.txt"
    notes.write_text("my notes", encoding="utf-8")
    result = waymark("db", "backup", "notes.txt", "--force", "--db", str(live), cwd=tmp_path)
    assert one_line(result, "waymark db backup: notes.txt is not a SQLite database; --force replaces only")
    assert notes.read_text(encoding="utf-8") == "my notes"


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_pipe_or_device_target_stays_what_it_is(live: Path, tmp_path: Path, force: list[str]) -> None:
    """As root, `os.replace` onto /dev/null made it a regular file; a FIFO stands in for it here."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result = waymark("db", "backup", str(fifo), *force, "--db", str(live), cwd=tmp_path)
    one_line(result, f"waymark db backup: {fifo} ")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # (never /dev/null itself here: a regression would replace it)


def test_a_trailing_slash_makes_a_folder_with_a_dated_backup(live: Path, tmp_path: Path) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    result = waymark("db", "backup", "newdir/", "--db", str(live), cwd=tmp_path)
    after = datetime.now(UTC)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "newdir").is_dir()
    (written,) = (tmp_path / "newdir").iterdir()
    assert re.fullmatch(r"waymark-\d{8}-\d{6}\.sqlite3", written.name)
    stamp = datetime.strptime(written.name, "waymark-%Y%m%d-%H%M%S.sqlite3").replace(tzinfo=UTC)
    assert before <= stamp <= after
    assert result.stdout == f"Backed up {live} to {Path('newdir') / written.name}\n"
    copy = sqlite3.connect(written)
    assert copy.execute("SELECT user_id FROM learners").fetchall() == [(7,)]
    copy.close()


def test_an_existing_folder_gets_a_dated_backup_inside(live: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    result = waymark("db", "backup", str(folder), "--db", str(live), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (written,) = folder.iterdir()
    assert re.fullmatch(r"waymark-\d{8}-\d{6}\.sqlite3", written.name)


def test_a_target_in_a_folder_that_cannot_be_made_is_one_line(live: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    result = waymark("db", "backup", "notes.txt/copy.sqlite3", "--db", str(live), cwd=tmp_path)
    one_line(result, "waymark db backup: cannot write in notes.txt ")
    result = waymark("db", "backup", "notes.txt/", "--db", str(live), cwd=tmp_path)
    one_line(result, "waymark db backup: notes.txt/ is a file, not a folder")


# Row 4: a damaged database is never backed up silently.


def test_a_damaged_database_is_not_backed_up(live: Path, tmp_path: Path) -> None:
    big = waymark_database(tmp_path / "big.sqlite3")
    garble_middle(big)
    assert is_damaged(big)
    result = waymark("db", "backup", "backups/", "--db", str(big), cwd=tmp_path)
    line = one_line(result, f"waymark db backup: cannot back up {big} (no backup was written): the file is damaged")
    assert "(made by `waymark db backup`)" in line
    assert (
        'rescue what is readable with sqlite3\'s .recover: README.md, "When something goes wrong", has the steps'
        in line
    )
    assert not (tmp_path / "backups").exists()


def test_a_truncated_database_is_not_backed_up(tmp_path: Path) -> None:
    big = waymark_database(tmp_path / "big.sqlite3")
    truncate_half(big)
    result = waymark("db", "backup", "copy.sqlite3", "--db", str(big), cwd=tmp_path)
    one_line(result, f"waymark db backup: cannot back up {big}: the file is cut short")
    assert not (tmp_path / "copy.sqlite3").exists()


def test_a_missing_or_folder_source_is_one_line(tmp_path: Path) -> None:
    result = waymark("db", "backup", "copy.sqlite3", cwd=tmp_path)
    one_line(result, "waymark db backup: cannot back up data/waymark.sqlite3: there is no file there")
    (tmp_path / "data" / "waymark.sqlite3").mkdir(parents=True)
    result = waymark("db", "backup", "copy.sqlite3", cwd=tmp_path)
    one_line(result, "waymark db backup: cannot back up data/waymark.sqlite3: it is a folder, not a file")


def test_a_wal_left_by_a_crash_is_in_the_backup(tmp_path: Path) -> None:
    """The database and -wal of a process that was killed: the backup holds what the WAL held."""
    live = tmp_path / "live.sqlite3"
    crashed = tmp_path / "crashed.sqlite3"

    async def crash() -> None:
        store = await Store.open(live)
        try:
            await store.ensure_learner(7, NOW)  # committed to the -wal, not checkpointed
            shutil.copyfile(live, crashed)
            shutil.copyfile(f"{live}-wal", f"{crashed}-wal")
        finally:
            await store.close()

    asyncio.run(crash())
    assert Path(f"{crashed}-wal").stat().st_size > 0
    result = waymark("db", "backup", "copy.sqlite3", "--db", str(crashed), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    copy = sqlite3.connect(tmp_path / "copy.sqlite3")
    assert copy.execute("SELECT user_id FROM learners").fetchall() == [(7,)]
    copy.close()


def async_add_learner(path: Path, user_id: int) -> None:
    """Add a learner through the store, from sync test code."""

    async def add() -> None:
        async with await Store.open(path) as store:
            await store.ensure_learner(user_id, NOW)

    asyncio.run(add())
