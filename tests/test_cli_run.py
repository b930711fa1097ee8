"""`waymark run` without a usable token or database says what to do, with exit code 2 and no traceback."""

import os
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from tests.broken_db import (
    BROKEN_FILES,
    REASONS,
    TOKEN,
    Tripwire,
    broken_database,
    garble_middle,
    is_damaged,
    read_only_file,
    read_only_folder,
    waymark_database,
)
from tests.conftest import CONTENT_DIR, ROOT


def run_bot(env_extra: dict[str, str], tmp_path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "WAYMARK_"))}
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,  # no .env there
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_run_without_token_names_the_setting_and_exits_2(tmp_path):
    result = run_bot({}, tmp_path)
    assert result.returncode == 2
    assert "DISCORD_TOKEN" in result.stderr
    assert "developers/applications" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_bad_setting_is_a_clear_message(tmp_path):
    result = run_bot({"DISCORD_TOKEN": "x", "WAYMARK_DEV_GUILD_ID": "my-server"}, tmp_path)
    assert result.returncode == 2
    assert "WAYMARK_DEV_GUILD_ID must be a Discord ID" in result.stderr
    assert "Traceback" not in result.stderr


def test_token_from_dotenv_file_is_used_and_never_echoed(tmp_path):
    secret = "not.a.real-token-xyz"
    (tmp_path / ".env").write_text(f"DISCORD_TOKEN={secret}\nWAYMARK_DEV_GUILD_ID=oops\n", encoding="utf-8")
    result = run_bot({}, tmp_path)
    assert result.returncode == 2  # the .env was read: the bad guild ID stops it before any login
    assert "WAYMARK_DEV_GUILD_ID" in result.stderr
    assert secret not in result.stderr + result.stdout


# The database is opened and checked before Discord is contacted: a file that cannot be used is one line and exit 2.


@pytest.fixture
def tripwire() -> Iterator[Tripwire]:
    wire = Tripwire()
    try:
        yield wire
    finally:
        wire.close()


def run_on(db: Path, tmp_path: Path, wire: Tripwire, prefix: Sequence[str] = ()) -> subprocess.CompletedProcess[str]:
    """`waymark run` with a fake token, the database at `db`, and Discord pointed at the tripwire."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "WAYMARK_"))}
    env.update(wire.env, DISCORD_TOKEN=TOKEN, WAYMARK_DB_PATH=str(db), WAYMARK_CONTENT_DIR=str(CONTENT_DIR))
    return subprocess.run(
        [*prefix, sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def refused_before_discord(result: subprocess.CompletedProcess[str], db: Path, wire: Tripwire, reason: str) -> str:
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output
    assert TOKEN not in output
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"waymark: cannot open database {db}: {reason}"), result.stderr
    assert wire.connections == 0  # never reached for Discord
    return result.stderr.strip()


@pytest.mark.parametrize("kind", [*BROKEN_FILES, "folder", "symlink-to-folder"])
def test_run_refuses_a_broken_database_before_discord(kind: str, tmp_path: Path, tripwire: Tripwire) -> None:
    db = broken_database(kind, tmp_path / "data" / "waymark.sqlite3")
    before = None if db.is_dir() else db.read_bytes()
    refused_before_discord(run_on(db, tmp_path, tripwire), db, tripwire, REASONS[kind])
    if before is not None:
        assert db.read_bytes() == before


def test_run_names_recovery_for_a_damaged_database(tmp_path: Path, tripwire: Tripwire) -> None:
    db = waymark_database(tmp_path / "waymark.sqlite3")
    garble_middle(db)
    assert is_damaged(db)
    line = refused_before_discord(run_on(db, tmp_path, tripwire), db, tripwire, "the file is damaged (SQLite")
    assert "restore your latest backup (made by `waymark db backup`)" in line
    assert "sqlite3's .recover" in line


def test_run_refuses_a_read_only_database_at_open(tmp_path: Path, tripwire: Tripwire) -> None:
    db = waymark_database(tmp_path / "waymark.sqlite3", learners=3)
    with read_only_file(db):
        result = run_on(db, tmp_path, tripwire)
    refused_before_discord(result, db, tripwire, "")
    assert re.search(r"read-only for user|refuses to let anyone write it", result.stderr)


def test_run_refuses_a_database_in_a_folder_it_cannot_write(tmp_path: Path, tripwire: Tripwire) -> None:
    folder = tmp_path / "data"
    db = waymark_database(folder / "waymark.sqlite3", learners=3)
    with read_only_folder(folder) as prefix:
        result = run_on(db, tmp_path, tripwire, prefix)
        refused_before_discord(result, db, tripwire, "")
        assert re.search(r"read-only disk|not writable by", result.stderr)
        result = run_on(folder / "new.sqlite3", tmp_path, tripwire, prefix)
        refused_before_discord(result, folder / "new.sqlite3", tripwire, "its folder")


def test_run_with_a_good_database_goes_on_to_discord(tmp_path: Path, tripwire: Tripwire) -> None:
    """The other side of the tests above: past the database check, the tripwire is reached."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "WAYMARK_"))}
    env.update(tripwire.env, DISCORD_TOKEN=TOKEN, WAYMARK_DB_PATH=str(tmp_path / "new" / "waymark.sqlite3"))
    env.update(WAYMARK_CONTENT_DIR=str(CONTENT_DIR), PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert tripwire.contacted.wait(timeout=30)
    finally:
        proc.kill()
        proc.wait(timeout=10)
    assert (tmp_path / "new" / "waymark.sqlite3").is_file()
