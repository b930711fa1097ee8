"""`Store.open` refuses a file it cannot use, in one line that says what to do, and leaves the file as it was."""

from __future__ import annotations

import errno
import os
import random
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.store import LATEST_VERSION, DatabaseOpenError, SchemaTooNewError, Store
from bot.store import checks as checks_module
from bot.store.checks import describe_damage, expected_tables, explain_sqlite_error, file_problem, schema_problem
from tests import peek
from tests.broken_db import (
    BROKEN_FILES,
    REASONS,
    broken_database,
    garble_middle,
    is_damaged,
    read_only_file,
    truncate_half,
    waymark_database,
)

pytestmark = pytest.mark.sqlite_only  # reads the file or SQLite's own settings

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


async def refusal(path: Path) -> DatabaseOpenError:
    with pytest.raises(DatabaseOpenError) as info:
        await Store.open(path)
    message = str(info.value)
    assert message.startswith(f"cannot open database {path}: ")
    assert "\n" not in message
    return info.value


@pytest.mark.parametrize("kind", [*BROKEN_FILES, "folder", "symlink-to-folder"])
async def test_a_broken_file_is_refused_and_left_as_it_was(kind: str, tmp_path: Path) -> None:
    path = broken_database(kind, tmp_path / "data" / "waymark.sqlite3")
    before = None if path.is_dir() else path.read_bytes()
    error = await refusal(path)
    assert error.reason.startswith(REASONS[kind])
    if before is not None:
        assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith("waymark.sqlite3-")) == []


async def test_damage_names_the_backup_command_and_recovery(tmp_path: Path) -> None:
    path = waymark_database(tmp_path / "waymark.sqlite3")
    garble_middle(path)
    assert is_damaged(path)
    reason = (await refusal(path)).reason
    assert "restore your latest backup (made by `waymark db backup`)" in reason
    assert reason.endswith(
        'or rescue what is readable with sqlite3\'s .recover: README.md, "When something goes wrong", has the steps'
    )


async def test_a_good_database_opens_after_the_checks(tmp_path: Path) -> None:
    path = waymark_database(tmp_path / "waymark.sqlite3", learners=3)
    async with await Store.open(path) as store:
        assert await store.get_learner(1002) is not None
        assert await peek.pragma(store, "journal_mode") == "wal"


async def test_a_zero_byte_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    async with await Store.open(path) as store:
        assert await store.schema_version() == LATEST_VERSION


async def test_a_missing_folder_is_created(tmp_path: Path) -> None:
    path = tmp_path / "not" / "yet" / "there.sqlite3"
    async with await Store.open(path) as store:
        assert await store.schema_version() == LATEST_VERSION


async def test_a_path_under_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    error = await refusal(tmp_path / "notes.txt" / "sub" / "waymark.sqlite3")
    assert error.reason == f"{tmp_path / 'notes.txt'} is a file, not a folder; give a path in a folder"


async def test_a_dangling_symlink_is_refused_not_created(tmp_path: Path) -> None:
    path = tmp_path / "waymark.sqlite3"
    path.symlink_to(tmp_path / "unmounted" / "waymark.sqlite3")
    error = await refusal(path)
    assert "symbolic link to" in error.reason
    assert "which does not exist" in error.reason
    assert not (tmp_path / "unmounted").exists()


async def test_a_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "fifo"
    os.mkfifo(path)
    error = await refusal(path)
    assert error.reason.startswith("it is not a regular file")


async def test_a_header_with_garbage_after_it_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "waymark.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + random.Random(5).randbytes(40_000))
    error = await refusal(path)
    assert error.reason.startswith(("it is not a SQLite database", "the file is damaged", "the file is cut short"))


async def test_newer_schema_is_a_database_open_error(tmp_path: Path) -> None:
    path = broken_database("newer-schema", tmp_path / "waymark.sqlite3")
    with pytest.raises(SchemaTooNewError) as info:
        await Store.open(path)
    assert isinstance(info.value, DatabaseOpenError)
    assert str(info.value).startswith(f"cannot open database {path}: it is at schema version {LATEST_VERSION + 1}")


async def test_another_programs_database_gets_no_waymark_tables(tmp_path: Path) -> None:
    path = broken_database("another-programs-database", tmp_path / "app.sqlite3")
    await refusal(path)
    db = sqlite3.connect(path)
    try:
        assert [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["invoices"]
    finally:
        db.close()


async def test_a_database_with_its_version_but_not_its_tables_is_incomplete(tmp_path: Path) -> None:
    """What a recovery by a sqlite3 without .recover support leaves: the version pragma and nothing else."""
    path = tmp_path / "recovered.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {LATEST_VERSION}")
    db.close()
    error = await refusal(path)
    assert error.reason.startswith(f"it is incomplete: a Waymark database at schema version {LATEST_VERSION} has")
    assert "checklist_progress" in error.reason


async def test_a_wal_left_by_a_crash_is_recovered(tmp_path: Path) -> None:
    """The files of a process killed before its WAL was checkpointed: the data in the WAL is kept."""
    live = tmp_path / "live" / "waymark.sqlite3"
    store = await Store.open(live)
    try:
        await store.ensure_learner(7, NOW)
        crashed = tmp_path / "crashed" / "waymark.sqlite3"
        crashed.parent.mkdir()
        shutil.copyfile(live, crashed)
        shutil.copyfile(f"{live}-wal", f"{crashed}-wal")
    finally:
        await store.close()
    assert Path(f"{crashed}-wal").stat().st_size > 0  # noqa: ASYNC240 - a test, not a handler
    async with await Store.open(crashed) as reopened:
        assert await reopened.get_learner(7) is not None


async def test_a_garbage_wal_beside_a_good_database_is_ignored(tmp_path: Path) -> None:
    path = waymark_database(tmp_path / "waymark.sqlite3", learners=3)
    Path(f"{path}-wal").write_bytes(random.Random(1).randbytes(9000))  # noqa: ASYNC240 - a test, not a handler
    async with await Store.open(path) as store:
        assert await store.get_learner(1000) is not None


async def test_a_read_only_file_is_refused_at_open(tmp_path: Path) -> None:
    path = waymark_database(tmp_path / "waymark.sqlite3", learners=3)
    with read_only_file(path):
        error = await refusal(path)
    assert error.reason.startswith(("the file is read-only for ", "the system refuses to let anyone write it"))


async def test_a_write_is_tried_at_open_when_the_system_says_yes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite opens a file it may not write read-only without a word: a write at open tells."""
    path = waymark_database(tmp_path / "waymark.sqlite3", learners=3)
    monkeypatch.setattr(checks_module, "_write_problem", lambda _path: None)  # the system's answer is not asked
    with read_only_file(path):
        error = await refusal(path)
    assert error.reason.startswith("SQLite cannot write it (attempt to write a readonly database)")
    assert isinstance(error.__cause__, sqlite3.OperationalError)


@pytest.mark.parametrize(
    ("code", "start"),
    [
        (errno.EACCES, "the file is read-only for user "),
        (errno.EROFS, "it is on a read-only disk; mount that disk read-write"),
        (errno.EPERM, "the system refuses to let anyone write it (is it marked immutable?"),
    ],
)
async def test_each_way_a_file_is_read_only_is_named(
    code: int, start: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = waymark_database(tmp_path / "waymark.sqlite3", learners=3)
    real_open = os.open

    def refuse_writes(file: object, flags: int, *args: object) -> int:
        if Path(str(file)) == path and flags & (os.O_WRONLY | os.O_RDWR):
            raise OSError(code, os.strerror(code), str(file))
        return real_open(file, flags, *args)

    monkeypatch.setattr(checks_module.os, "open", refuse_writes)
    monkeypatch.setattr(checks_module, "_who", lambda: "user ann (uid 1000)")
    error = await refusal(path)
    assert error.reason.startswith(start)


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("SQLITE_NOTADB", "it is not a SQLite database"),
        ("SQLITE_CORRUPT", 'the file is damaged (SQLite: "database disk image is malformed")'),
        ("SQLITE_BUSY", "another program holds a lock on it"),
        ("SQLITE_FULL", "the disk it is on is full"),
        ("SQLITE_IOERR_READ", "the disk reported an error"),
        ("SQLITE_MISUSE", "SQLite says: "),
    ],
)
def test_sqlite_errors_become_reasons(name: str, start: str, tmp_path: Path) -> None:
    exc = sqlite3.DatabaseError("database disk image is malformed")
    exc.sqlite_errorname = name
    assert explain_sqlite_error(tmp_path / "w.sqlite3", exc).startswith(start)


def test_a_multi_line_check_answer_is_one_line() -> None:
    answer = ["*** in database main ***\nPage 88: btreeInitPage() returns error code 11\nPage 89: never used"]
    assert describe_damage("SQLite's quick_check", answer) == (
        'damaged (SQLite\'s quick_check: "Page 88: btreeInitPage() returns error code 11" and more)'
    )


def test_expected_tables_follow_the_migrations() -> None:
    assert expected_tables(0) == frozenset()
    assert {"learners", "meta"} <= expected_tables(1) < expected_tables(LATEST_VERSION)
    assert schema_problem(LATEST_VERSION, set(expected_tables(LATEST_VERSION)) | {"lost_and_found"}) is None
    assert schema_problem(0, set()) is None
    assert schema_problem(LATEST_VERSION + 1, set()) is None  # a newer schema is refused for its version


@pytest.mark.parametrize(("suffix", "size"), [("-wal", 4096), ("-journal", 512)])
def test_a_short_file_with_a_wal_or_journal_is_left_to_sqlite(tmp_path: Path, suffix: str, size: int) -> None:
    """A crash can leave the file shorter than its header says with the rest in a -wal, or a -journal to roll back."""
    path = waymark_database(tmp_path / "waymark.sqlite3")
    truncate_half(path)
    assert file_problem(path, write=True) is not None
    Path(f"{path}{suffix}").write_bytes(bytes(size))
    assert file_problem(path, write=True) is None


async def test_a_folder_named_like_a_database_is_explained(tmp_path: Path) -> None:
    """What Docker leaves where a bind-mounted file did not exist on the host."""
    path = tmp_path / "waymark.sqlite3"
    path.mkdir()
    assert (await refusal(path)).reason.startswith("it is a folder, not a file (Docker makes one where")
    data = tmp_path / "data"
    data.mkdir()
    assert (
        await refusal(data)
    ).reason == f"it is a folder, not a file; give a file's path, e.g. {data / 'waymark.sqlite3'}"


async def test_the_schema_version_is_read_again_as_soon_as_postgres_answers_after_its_connections_were_ended():
    """What /healthz asks: after an outage ended every connection of the pool, the first check finds the database."""
    import asyncpg

    from tests.store.conftest import ADMIN_URL, postgres_database

    async with postgres_database() as url:
        store = await Store.open(url)
        try:
            assert await store.schema_version() == LATEST_VERSION  # a pooled connection, then ended by the server
            admin = await asyncpg.connect(ADMIN_URL)
            try:
                name = url.rsplit("/", 1)[1]
                await admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", name)
            finally:
                await admin.close()
            assert await store.schema_version() == LATEST_VERSION
        finally:
            await store.close()
