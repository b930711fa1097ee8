"""Backups: where a copy goes, what it must never write over, and that a damaged database is never copied."""

from __future__ import annotations

import errno
import os
import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.store import BackupError
from bot.store import backup as backup_module
from bot.store.backup import backup_target, copy_database, dated_name
from tests.broken_db import garble_middle, is_damaged, truncate_half, waymark_database

pytestmark = pytest.mark.sqlite_only  # reads the file or SQLite's own settings

NOW = datetime(2026, 1, 5, 9, 30, 15, tzinfo=UTC)


@pytest.fixture
def live(tmp_path: Path) -> Path:
    return waymark_database(tmp_path / "data" / "waymark.sqlite3", learners=50)


def target(live: Path, dest: Path | str, *, force: bool = False) -> Path:
    return backup_target(live, str(dest), force=force, now=NOW)


def refused(live: Path, dest: Path | str, *, force: bool = False) -> str:
    with pytest.raises(BackupError) as info:
        target(live, dest, force=force)
    assert "\n" not in str(info.value)
    return str(info.value)


def test_the_dated_name_is_in_utc() -> None:
    berlin_winter = timezone(timedelta(hours=1))
    assert dated_name(NOW.astimezone(berlin_winter)) == "waymark-20260105-093015.sqlite3"


def test_a_folder_or_a_trailing_slash_gets_a_dated_file_inside(live: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    assert target(live, folder) == folder / "waymark-20260105-093015.sqlite3"
    assert target(live, f"{tmp_path / 'new'}/") == tmp_path / "new" / "waymark-20260105-093015.sqlite3"
    link = tmp_path / "to-backups"
    link.symlink_to(folder, target_is_directory=True)
    assert target(live, link) == link / "waymark-20260105-093015.sqlite3"


def test_a_trailing_slash_after_a_file_is_refused(live: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert refused(live, f"{tmp_path / 'notes.txt'}/").endswith(
        "is a file, not a folder; give a folder, or the file name without the /"
    )


def test_an_existing_file_is_refused_without_force(live: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes", encoding="utf-8")
    assert refused(live, notes) == (
        f"{notes} already exists; give a new file name, or a folder to put a dated copy in "
        "(--force replaces an earlier backup)"
    )
    assert refused(live, "/dev/null").startswith("/dev/null already exists")


def test_force_replaces_only_an_earlier_backup(live: Path, tmp_path: Path) -> None:
    earlier = tmp_path / "earlier.sqlite3"
    copy_database(live, earlier, replace=False)
    assert target(live, earlier, force=True) == earlier
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes", encoding="utf-8")
    assert refused(live, notes, force=True).endswith(
        "is not a SQLite database; --force replaces only an earlier SQLite backup, never another file; give another path"
    )
    empty = tmp_path / "empty"
    empty.touch()
    assert "is not a SQLite database" in refused(live, empty, force=True)


def test_force_refuses_devices_pipes_and_links(live: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert "is not a regular file (a device, pipe or socket)" in refused(live, fifo, force=True)
    assert "is not a regular file" in refused(live, "/dev/null", force=True)
    earlier = tmp_path / "earlier.sqlite3"
    copy_database(live, earlier, replace=False)
    link = tmp_path / "latest.sqlite3"
    link.symlink_to(earlier)
    assert f"{link} is a symbolic link (to {earlier})" in refused(live, link, force=True)


def test_force_refuses_a_database_a_program_has_open(live: Path, tmp_path: Path) -> None:
    earlier = tmp_path / "earlier.sqlite3"
    copy_database(live, earlier, replace=False)
    Path(f"{earlier}-wal").touch()
    assert refused(live, earlier, force=True).startswith(
        f"{earlier}-wal exists beside {earlier}: a program has it open"
    )


@pytest.mark.parametrize("force", [False, True])
def test_the_database_and_its_side_files_are_refused_however_spelt(live: Path, tmp_path: Path, force: bool) -> None:
    assert refused(live, live, force=force) == f"{live} is the database itself; write the copy to another file"
    assert "is the database itself" in refused(live, live.parent / ".." / "data" / live.name, force=force)
    alias = tmp_path / "alias.sqlite3"
    alias.symlink_to(live)
    assert "is the database itself" in refused(live, alias, force=force)
    hard = tmp_path / "hard.sqlite3"
    os.link(live, hard)
    assert "is the database itself" in refused(live, hard, force=force)
    for suffix in ("-wal", "-shm", "-journal"):
        assert refused(live, f"{live}{suffix}", force=force).endswith(
            "belongs to the live database; write the copy to another file"
        )
    link_to_folder = tmp_path / "data-link"
    link_to_folder.symlink_to(live.parent, target_is_directory=True)
    assert "belongs to the live database" in refused(live, link_to_folder / f"{live.name}-wal", force=force)


def test_a_copy_never_writes_over_a_file_that_appeared(live: Path, tmp_path: Path) -> None:
    dest = tmp_path / "copy.sqlite3"
    dest.write_text("arrived after the check", encoding="utf-8")
    with pytest.raises(BackupError, match="already exists"):
        copy_database(live, dest, replace=False)
    assert dest.read_text(encoding="utf-8") == "arrived after the check"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.sqlite3", "data"]


@pytest.mark.parametrize("code", [errno.EPERM, errno.EOPNOTSUPP])
def test_a_file_system_without_hard_links_still_gets_a_copy(
    live: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    def no_links(*_args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(backup_module.os, "link", no_links)
    dest = tmp_path / "copy.sqlite3"
    copy_database(live, dest, replace=False)
    assert not is_damaged(dest)
    with pytest.raises(BackupError, match="already exists"):
        copy_database(live, dest, replace=False)


def test_a_damaged_database_is_not_copied(live: Path, tmp_path: Path) -> None:
    garble_middle(live, size=8192)
    assert is_damaged(live)
    dest = tmp_path / "new" / "folders" / "copy.sqlite3"
    with pytest.raises(BackupError) as info:
        copy_database(live, dest, replace=False, read_only=True)
    message = str(info.value)
    assert message.startswith(f"cannot back up {live} (no backup was written): the file is damaged (SQLite")
    assert "restore your latest backup (made by `waymark db backup`)" in message
    assert "sqlite3's .recover" in message
    assert not (tmp_path / "new").exists()  # neither the copy nor the folders made for it


def test_a_truncated_database_is_not_copied(live: Path, tmp_path: Path) -> None:
    truncate_half(live)
    with pytest.raises(BackupError, match=r"damaged|cut short"):
        copy_database(live, tmp_path / "copy.sqlite3", replace=False, read_only=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_an_incomplete_database_is_not_copied(tmp_path: Path) -> None:
    source = tmp_path / "recovered.sqlite3"
    db = sqlite3.connect(source)
    db.execute("PRAGMA user_version = 2")
    db.close()
    with pytest.raises(BackupError, match="it is incomplete"):
        copy_database(source, tmp_path / "copy.sqlite3", replace=False, read_only=True)
    assert not (tmp_path / "copy.sqlite3").exists()


@pytest.mark.parametrize("content", [b"", None])
def test_an_empty_database_is_not_copied(tmp_path: Path, content: bytes | None) -> None:
    """What a failed `.recover | sqlite3 new.sqlite3` leaves: an empty file, or a database with no tables."""
    source = tmp_path / "recovered.sqlite3"
    if content is None:  # a SQLite file holding no table
        db = sqlite3.connect(source)
        db.executescript("CREATE TABLE t (x); DROP TABLE t;")
        db.close()
        assert source.stat().st_size > 0
    else:
        source.write_bytes(content)
    with pytest.raises(BackupError, match="it is empty, so there is nothing to back up"):
        copy_database(source, tmp_path / "copy.sqlite3", replace=False, read_only=True)
    assert not (tmp_path / "copy.sqlite3").exists()
