"""SIGKILL a real scheduler process at random moments: every (target, slot) is sent, repeats keep their nonce.

That is the documented guarantee: a slot is never skipped, and a repeat (the process died after the
message went out but before the log said so) carries the nonce of the first attempt, so Discord
(`enforce_nonce`) returns the first message instead of posting a second one.
"""

from __future__ import annotations

import asyncio
import os
import random
import select
import signal
import subprocess
import sys
import time
from collections import defaultdict
from datetime import timedelta
from pathlib import Path

from bot.content.holder import ContentHolder
from bot.content.loader import ContentIndex
from bot.domain.reminders import next_due, slot_key
from bot.services import Services
from bot.store import Store
from tests import peek
from tests.reminders.conftest import ANN, BOB, CAT, CONTENT_DIR, DAN, NOW, ROOT, group, learner

KILLS = 5
END = NOW + timedelta(weeks=30)  # across the March/April DST changes
USERS = {ANN: "UTC", BOB: "Europe/Berlin", CAT: "America/New_York", DAN: "Australia/Lord_Howe"}
DEADLINE = 60.0  # seconds for the whole test, however the child behaves


async def make_db(index: ContentIndex, db: Path) -> dict[tuple[str, int], tuple[int, str, str]]:
    """Four learners in four zones and two groups; return each target's (weekday, HH:MM, zone)."""
    store = await Store.open(db)
    try:
        svc = Services(ContentHolder(CONTENT_DIR, index, NOW), store)
        for user, tz in USERS.items():
            await learner(svc, user, tz=tz)
        first = await group(svc, "Study", members=(ANN, BOB))
        second = await group(svc, "Evening", channel=7777, day="friday", time="18:30", tz="Asia/Kolkata")
    finally:
        await store.close()
    targets = {("user", u): (0, "09:00", tz) for u, tz in USERS.items()}
    targets["group", first] = (0, "09:00", "UTC")
    targets["group", second] = (4, "18:30", "Asia/Kolkata")
    return targets


def expected_slots(targets: dict[tuple[str, int], tuple[int, str, str]]) -> set[tuple[str, str, str]]:
    from datetime import time as wall

    out = set()
    for (kind, target), (weekday, at, tz) in targets.items():
        due = NOW
        while (due := next_due(due, weekday, wall.fromisoformat(at), tz)) <= END:
            out.add((kind, str(target), slot_key(due, tz)))
    return out


def run_child(
    db: Path, outbox: Path, kill_after: int | None, kill_at: float | None, deadline: float
) -> tuple[int, bool]:
    """Run the child; SIGKILL it right after its `kill_after`-th send, or `kill_at` seconds after it is ready.

    Return (sends seen, whether it finished).
    """
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.reminders.crash_child", str(db), str(outbox), END.isoformat()],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    sends, finished, buffer, kill_time = 0, False, b"", None
    try:
        while not finished:
            remaining = deadline - time.monotonic()
            assert remaining > 0, "the child took too long"
            wait = remaining if kill_time is None else max(0.0, min(remaining, kill_time - time.monotonic()))
            ready, _, _ = select.select([proc.stdout], [], [], wait)
            if kill_time is not None and time.monotonic() >= kill_time:
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=10)
                return sends, False
            assert ready, "the child went quiet"
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                break
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            for line in lines:
                if line == b"READY" and kill_at is not None:
                    kill_time = time.monotonic() + kill_at
                if line == b"SENT":
                    sends += 1
                    if kill_after is not None and sends >= kill_after:
                        proc.send_signal(signal.SIGKILL)
                        proc.wait(timeout=10)
                        return sends, False
                finished = finished or line == b"DONE"
        proc.wait(timeout=max(1.0, deadline - time.monotonic()))
        assert proc.returncode == 0, proc.stderr.read().decode() if proc.stderr else proc.returncode
        return sends, finished
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
        proc.stdout.close()
        if proc.stderr is not None:
            proc.stderr.close()


def test_sigkill_never_skips_a_slot_and_repeats_keep_their_nonce(shipped_index: ContentIndex, tmp_path: Path) -> None:
    deadline = time.monotonic() + DEADLINE
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    db, outbox = tmp_path / "crash.sqlite3", tmp_path / "outbox.txt"
    targets = asyncio.run(make_db(shipped_index, db))
    expected = expected_slots(targets)
    assert len(expected) == 6 * 30

    # Half the kills land right after a message went out (before the log says 'sent': the riskiest
    # moment), the others at a random instant of the run (reading the plan, composing, committing).
    for attempt in range(KILLS + 5):
        kill_after = rng.randint(1, 25) if attempt < KILLS and attempt % 2 == 0 else None
        kill_at = rng.uniform(0.0, 0.15) if attempt < KILLS and attempt % 2 == 1 else None
        _, finished = run_child(db, outbox, kill_after, kill_at, deadline)
        if finished:
            break
    else:
        raise AssertionError(f"the child never finished (seed {seed})")

    sent: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    lines = outbox.read_text().splitlines()
    for line in lines:
        kind, target, slot, nonce = line.split()
        sent[kind, target, slot].add(nonce)
    assert set(sent) == expected, f"seed {seed}"  # nothing skipped, nothing extra
    assert all(len(nonces) == 1 for nonces in sent.values()), f"seed {seed}: a repeat with a new nonce"
    assert len({n for nonces in sent.values() for n in nonces}) == len(expected)  # a nonce per slot

    async def check_log() -> None:
        store = await Store.open(db)
        try:
            assert await peek.pending_deliveries(store) == []
            for kind, target, slot in expected:
                assert await peek.delivery_state(store, kind, int(target), slot) == "sent", (kind, target, slot)
        finally:
            await store.close()

    asyncio.run(check_log())
