"""Connection settings, concurrency, online backup and crash durability on real files."""

import asyncio
import os
import random
import signal
import sqlite3
import textwrap
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from bot.store import Store
from bot.store.sql import ForeignKeyViolationError, Work, run
from tests import peek
from tests.store.conftest import expect_line, start_child

pytestmark = pytest.mark.sqlite_only  # reads the file or SQLite's own settings

ROOT = Path(__file__).resolve().parents[2]


async def test_connection_pragmas(store: Store) -> None:
    assert await peek.pragma(store, "journal_mode") == "wal"
    assert await peek.pragma(store, "foreign_keys") == 1
    assert await peek.pragma(store, "busy_timeout") == 5000
    assert await peek.pragma(store, "synchronous") == 2  # FULL


async def test_wal_is_persistent_in_the_file(store: Store, db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


async def test_foreign_keys_are_enforced(store: Store, db_path: Path, now: datetime) -> None:
    await store.enroll(1, "r", None, date(2025, 1, 6), now)
    # Deleting the learner alone cascades to their enrollment: only possible with foreign_keys=ON.
    await store.delete_user(1)
    assert await store.get_enrollment(1, "r") is None
    with pytest.raises(ForeignKeyViolationError, match="FOREIGN KEY"):
        await peek.execute(
            store,
            "INSERT INTO enrollments (user_id, role, start_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            999,
            "r",
            "2025-01-01",
            "x",
            "x",
        )


async def test_concurrent_handlers_never_interleave(store: Store, now: datetime) -> None:
    async def handler(i: int) -> None:
        user = i % 5
        await store.enroll(user, f"role-{i % 3}", None, date(2025, 1, 6), now)
        await store.set_item_done(user, f"role-{i % 3}", f"item-{i}", now + timedelta(seconds=i), proof=str(i))
        await store.move_back_once(user, f"role-{i % 3}", f"slot-{i}", 1000, now)
        await store.set_meta(f"k{i % 4}", str(i))

    await asyncio.wait_for(asyncio.gather(*(handler(i) for i in range(60))), timeout=20)
    total = 0
    shifts = 0
    for user in range(5):
        for enrollment in await store.list_enrollments(user):
            shifts += enrollment.week_shift
            total += len(await store.get_progress(user, enrollment.role))
    assert total == 60
    assert shifts == 60


async def test_failed_write_rolls_back_and_store_stays_usable(store: Store, now: datetime) -> None:
    def crashing_work() -> Work[None]:
        yield run("INSERT INTO meta (key, value) VALUES ('half', 'done')")
        raise RuntimeError("handler crashed mid-transaction")

    with pytest.raises(RuntimeError):
        await store.database.write(crashing_work)
    assert await store.get_meta("half") is None
    await store.set_meta("after", "ok")
    assert await store.get_meta("after") == "ok"


async def test_cancelled_handlers_leave_no_partial_transaction(store: Store, now: datetime) -> None:
    """Cancel handlers at arbitrary points: each write is all-or-nothing and the store stays usable."""
    rng = random.Random(1234)
    outcomes = set()
    for user in range(120):
        tasks = [
            asyncio.create_task(store.enroll(user, "r", None, None, now)),
            asyncio.create_task(store.set_item_done(user, "r", "x", now)),
        ]
        await asyncio.sleep(rng.random() * 0.004)
        for task in tasks:
            task.cancel()
        results = await asyncio.gather(*tasks, return_exceptions=True)
        outcomes.update(isinstance(r, asyncio.CancelledError) for r in results)
        # The learner row is written in the same transaction as the enrollment or the tick: read all three
        # from one snapshot (a cancelled write already under way still commits, atomically).
        export = await asyncio.wait_for(store.export_user(user), timeout=5)
        assert (export["learner"] is not None) == bool(export["enrollments"] or export["checklist_progress"])
    assert True in outcomes
    assert await store.set_item_done(10_000, "r", "after", now) is True


async def test_backup_while_writing(store: Store, tmp_path: Path, now: datetime) -> None:
    for i in range(50):
        await store.set_item_done(1, "r", f"item-{i:05d}", now)
    stop = asyncio.Event()
    written = 50

    async def writer() -> None:
        nonlocal written
        while not stop.is_set():
            await store.set_item_done(1, "r", f"item-{written:05d}", now)
            written += 1

    task = asyncio.create_task(writer())
    copies = []
    try:
        for n in range(3):
            await asyncio.sleep(0.02)
            floor = written
            dest = tmp_path / "backups" / f"copy-{n}.db"
            assert await asyncio.wait_for(store.backup(dest), timeout=10) == dest
            copies.append((dest, floor))
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=10)
    assert written > 50

    for dest, floor in copies:
        conn = sqlite3.connect(dest)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        finally:
            conn.close()
        assert not os.path.exists(f"{dest}-wal")  # noqa: ASYNC240 - a test, not a handler
        async with await Store.open(dest) as copy:
            items = sorted(await copy.get_progress(1, "r"))
        # A consistent snapshot: a prefix of the writes, holding at least all done before the call.
        assert len(items) >= floor
        assert items == [f"item-{i:05d}" for i in range(len(items))]
    assert not list((tmp_path / "backups").glob("*.tmp"))


async def test_backup_replaces_existing_file_and_refuses_itself(store: Store, tmp_path: Path, now: datetime) -> None:
    dest = tmp_path / "copy.db"
    dest.write_bytes(b"old junk")
    await store.set_meta("k", "v")
    await store.backup(dest)
    async with await Store.open(dest) as copy:
        assert await copy.get_meta("k") == "v"
    with pytest.raises(ValueError, match="onto itself"):
        await store.backup(store.path)


CRASHER = textwrap.dedent(
    """
    import asyncio, sys, time
    from datetime import UTC, datetime
    from bot.store import Store

    async def main() -> None:
        store = await Store.open(sys.argv[1])
        await store.set_item_done(42, "data-analyst", "w1-sql", datetime.now(UTC), proof="acked")
        print("ACK", flush=True)
        time.sleep(60)  # never closes: the test kills us

    asyncio.run(main())
    """
)


def test_acknowledged_write_survives_sigkill(db_path: Path) -> None:
    proc = start_child(CRASHER, db_path)
    try:
        expect_line(proc, "ACK\n")
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=10) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()

    assert Path(f"{db_path}-wal").stat().st_size > 0  # never checkpointed: recovered from the WAL

    async def reopen() -> None:
        async with await Store.open(db_path) as store:
            progress = await store.get_progress(42, "data-analyst")
            assert set(progress) == {"w1-sql"}
            assert progress["w1-sql"].proof == "acked"

    asyncio.run(asyncio.wait_for(reopen(), timeout=10))
