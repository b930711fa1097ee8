"""`waymark console --db PATH` on a file it cannot use: one line, exit 2, the file untouched; fine files still work."""

from __future__ import annotations

import asyncio
import os
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.console import user_id_for
from bot.store import Store
from tests.broken_db import (
    BROKEN_FILES,
    REASONS,
    broken_database,
    garble_middle,
    is_damaged,
    read_only_file,
    read_only_folder,
    waymark_database,
)
from tests.console.conftest import CONTENT_DIR, ROOT

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
ANN = user_id_for("ann")


def console_on(
    db: Path, tmp_path: Path, stdin: str = "/progress\n", prefix: Sequence[str] = ()
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WAYMARK_", "DISCORD_"))}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "bot", "console", "--db", str(db), "--content", str(CONTENT_DIR)],
        input=stdin,
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def refused(result: subprocess.CompletedProcess[str], db: Path, reason: str) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout == ""  # not a single command ran
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"waymark: cannot open database {db}: {reason}"), result.stderr
    return result.stderr.strip()


@pytest.mark.parametrize("kind", [*BROKEN_FILES, "folder", "symlink-to-folder"])
def test_console_refuses_a_broken_database(kind: str, tmp_path: Path) -> None:
    db = broken_database(kind, tmp_path / "data" / "waymark.sqlite3")
    before = None if db.is_dir() else db.read_bytes()
    refused(console_on(db, tmp_path), db, REASONS[kind])
    if before is not None:
        assert db.read_bytes() == before


def test_console_refuses_a_damaged_database_and_names_recovery(tmp_path: Path) -> None:
    db = waymark_database(tmp_path / "waymark.sqlite3")
    garble_middle(db)
    assert is_damaged(db)
    line = refused(console_on(db, tmp_path), db, "the file is damaged (SQLite")
    assert "`waymark db backup`" in line
    assert ".recover" in line


def test_console_refuses_a_read_only_database_instead_of_failing_each_write(tmp_path: Path) -> None:
    db = waymark_database(tmp_path / "waymark.sqlite3", learners=3)
    with read_only_file(db):
        result = console_on(db, tmp_path, "/start-learning role:backend-engineer\n")
    refused(result, db, "")
    assert re.search(r"read-only for user|refuses to let anyone write it", result.stderr)


def test_console_refuses_a_folder_it_cannot_write(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    with read_only_folder(folder) as prefix:
        refused(console_on(folder / "new.sqlite3", tmp_path, prefix=prefix), folder / "new.sqlite3", "its folder")


def test_console_refuses_a_dangling_symlink_and_a_path_under_a_file(tmp_path: Path) -> None:
    link = tmp_path / "waymark.sqlite3"
    link.symlink_to(tmp_path / "unmounted" / "waymark.sqlite3")
    refused(console_on(link, tmp_path), link, "it is a symbolic link to ")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    under = tmp_path / "notes.txt" / "waymark.sqlite3"
    refused(console_on(under, tmp_path), under, f"{tmp_path / 'notes.txt'} is a file, not a folder")


def test_console_on_a_zero_byte_file_starts_a_new_database(tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite3"
    db.touch()
    result = console_on(db, tmp_path, "/start-learning role:backend-engineer\n")
    assert result.returncode == 0, result.stderr
    assert "Welcome aboard!" in result.stdout


def test_console_keeps_what_a_crash_left_in_the_wal(tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite3"
    crashed = tmp_path / "crashed.sqlite3"

    async def crash() -> None:
        store = await Store.open(live)
        try:
            await store.ensure_learner(ANN, NOW)
            await store.enroll(ANN, "backend-engineer", None, NOW.date(), NOW)
            shutil.copyfile(live, crashed)
            shutil.copyfile(f"{live}-wal", f"{crashed}-wal")
        finally:
            await store.close()

    asyncio.run(crash())
    assert Path(f"{crashed}-wal").stat().st_size > 0
    result = console_on(crashed, tmp_path, ":user ann\n/progress\n")
    assert result.returncode == 0, result.stderr
    assert "ann · Backend Engineer" in result.stdout


def test_console_ignores_a_garbage_wal_beside_a_good_database(tmp_path: Path) -> None:
    db = tmp_path / "waymark.sqlite3"
    assert console_on(db, tmp_path, "/start-learning role:backend-engineer\n").returncode == 0
    Path(f"{db}-wal").write_bytes(random.Random(2).randbytes(5000))
    result = console_on(db, tmp_path, "/progress\n")
    assert result.returncode == 0, result.stderr
    assert "learner · Backend Engineer" in result.stdout
