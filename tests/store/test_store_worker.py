"""The writer's thread (`bot.store.worker`): order, errors, cancellation, shutdown, and no thread left behind."""

import asyncio
import gc
import subprocess
import sys
import textwrap
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest

from bot.store import Store
from bot.store.worker import WorkerThread

ROOT = Path(__file__).resolve().parents[2]


def sqlite_threads() -> list[threading.Thread]:
    """Return the store's writer threads still running."""
    return [t for t in threading.enumerate() if t.name == "waymark-sqlite"]


async def test_calls_run_in_the_thread_one_at_a_time_in_order() -> None:
    worker = WorkerThread("test-worker")
    seen: list[tuple[int, str]] = []
    busy = threading.Lock()

    def record(n: int) -> int:
        assert busy.acquire(blocking=False), "two calls ran at once"
        try:
            seen.append((n, threading.current_thread().name))
            return n * 2
        finally:
            busy.release()

    try:
        results = await asyncio.gather(*(worker.call(record, n) for n in range(200)))
    finally:
        await worker.shutdown()
    assert results == [n * 2 for n in range(200)]
    assert seen == [(n, "test-worker") for n in range(200)]


async def test_an_exception_reaches_the_caller_and_the_next_call_still_runs() -> None:
    worker = WorkerThread("test-worker")

    def fail() -> None:
        raise ValueError("boom")

    try:
        failing = worker.call(fail)
        after = worker.call(lambda: "ran")
        with pytest.raises(ValueError, match="boom"):
            await failing
        assert await after == "ran"
    finally:
        await worker.shutdown()


async def test_a_call_cancelled_before_the_thread_picks_it_up_never_runs() -> None:
    worker = WorkerThread("test-worker")
    release = threading.Event()
    ran: list[str] = []
    try:
        blocking = worker.call(release.wait, 5)
        skipped = worker.call(ran.append, "skipped")
        skipped.cancel()
        later = worker.call(ran.append, "later")
        release.set()
        assert await blocking is True
        await later
    finally:
        await worker.shutdown()
    assert ran == ["later"]


async def test_a_call_under_way_when_cancelled_runs_to_its_end() -> None:
    worker = WorkerThread("test-worker")
    started = threading.Event()
    finished: list[bool] = []

    def slow() -> None:
        started.set()
        time.sleep(0.05)
        finished.append(True)

    try:
        future = worker.call(slow)
        await asyncio.to_thread(started.wait, 5)
        future.cancel()
        await worker.call(lambda: None)  # runs after `slow` has ended
    finally:
        await worker.shutdown()
    assert finished == [True]


async def test_shutdown_lets_the_calls_handed_over_finish_and_ends_the_thread() -> None:
    worker = WorkerThread("test-worker")
    done: list[int] = []

    def slow(n: int) -> None:
        time.sleep(0.01)
        done.append(n)

    futures = [worker.call(slow, n) for n in range(5)]
    await worker.shutdown()
    assert done == [0, 1, 2, 3, 4]
    assert all(f.done() for f in futures)
    assert not worker.thread.is_alive()
    with pytest.raises(RuntimeError, match="stopped"):
        worker.call(lambda: None)
    await worker.shutdown()  # idempotent


async def test_a_worker_that_is_garbage_ends_its_thread() -> None:
    worker = WorkerThread("test-worker")
    assert await worker.call(lambda: 1) == 1
    thread = worker.thread
    del worker
    gc.collect()
    thread.join(timeout=5)
    assert not thread.is_alive()


def test_the_calls_handed_over_finish_at_interpreter_exit(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    code = textwrap.dedent(
        """
        import asyncio, sys, time
        from pathlib import Path
        from bot.store.worker import WorkerThread

        def slow() -> None:
            time.sleep(0.2)
            Path(sys.argv[1]).write_text("done")

        async def main() -> None:
            WorkerThread("exiting").call(slow)  # neither awaited nor shut down

        asyncio.run(main())
        """
    )
    subprocess.run([sys.executable, "-c", code, str(marker)], cwd=ROOT, check=True, timeout=30)
    assert marker.read_text() == "done"


@pytest.mark.sqlite_only
async def test_close_lets_the_writes_handed_over_commit_and_leaves_no_thread(db_path: Path, now: datetime) -> None:
    before = sqlite_threads()
    store = await Store.open(db_path)
    assert len(sqlite_threads()) == len(before) + 1
    writes = [asyncio.create_task(store.set_item_done(1, "r", f"item-{n}", now)) for n in range(20)]
    await asyncio.sleep(0)  # each task hands its write over
    await store.close()
    assert await asyncio.gather(*writes) == [True] * 20
    assert sqlite_threads() == before
    async with await Store.open(db_path) as reopened:
        assert len(await reopened.get_progress(1, "r")) == 20
    assert sqlite_threads() == before
