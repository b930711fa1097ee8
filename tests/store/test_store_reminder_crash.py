"""kill -9 at random points of a reminder loop: after every restart nothing is skipped or sent twice.

A child process runs the scheduler's delivery protocol against a fake Discord (an append-only
outbox file that, like Discord with `enforce_nonce`, returns the original message for a nonce it
has already seen). The test kills it with SIGKILL after a random delay, checks the database and
the outbox, and starts it again on the same files; each run first recovers what the last left.
"""

import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.store.conftest import expect_line, start_child

ROOT = Path(__file__).resolve().parents[2]
KILLS = 20
TARGETS = [("user", 1), ("user", 2), ("user", 3), ("group", 1), ("group", 2)]
SLOTS = 100_000  # per target: more than the loop can send before the last kill
BASE = datetime(2026, 1, 5, 9, tzinfo=UTC)  # week 0, the first planned reminder of every target

SCHEDULER = textwrap.dedent(
    """
    import asyncio, os, random, sys, time
    from datetime import UTC, datetime, timedelta
    from bot.store import Store

    BASE = datetime(2026, 1, 5, 9, tzinfo=UTC)
    FAR = datetime(9000, 1, 1, tzinfo=UTC)
    db_path, outbox_path, seed, slots = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(seed)


    def discord_send(fd: int, seen: set[str], line: str, nonce: str) -> bool:
        # enforce_nonce: a nonce seen before returns the original message, posting nothing.
        if nonce in seen:
            return True
        if rng.random() < 0.1:
            return False  # refused (e.g. 403): nothing posted
        os.write(fd, line.encode())  # one small O_APPEND write: posted, or not at all
        seen.add(nonce)
        if rng.random() < 0.5:
            time.sleep(rng.random() * 0.002)  # the reply is slow: a wider window to die in
        return True


    async def main() -> None:
        with open(outbox_path, encoding="utf-8") as f:
            seen = {line.split()[3] for line in f}
        fd = os.open(outbox_path, os.O_WRONLY | os.O_APPEND)
        store = await Store.open(db_path)
        print("READY", flush=True)
        while True:
            due = await store.due_targets(FAR, limit=10)
            if not due:
                break
            for t in due:
                n = (t.next_due - BASE) // timedelta(weeks=1)
                slot = f"S{n:06d}"
                nxt = None if n + 1 >= slots else t.next_due + timedelta(weeks=1)
                d = await store.begin_delivery(t.kind, t.target_id, slot, datetime.now(UTC))
                if d is None:  # already sent: just move the plan on
                    await store.set_plan(t.kind, t.target_id, nxt)
                    continue
                line = f"{t.kind} {t.target_id} {slot} {d.nonce}\\n"
                if discord_send(fd, seen, line, d.nonce):
                    await store.finish_delivery(t.kind, t.target_id, slot, datetime.now(UTC), nxt)
                else:
                    await store.fail_delivery(t.kind, t.target_id, slot, datetime.now(UTC), "403", nxt)
        print("DONE", flush=True)
        time.sleep(60)


    asyncio.run(main())
    """
)


def seed_plan(db_path: Path) -> None:
    """Create the schema through the store and plan every target's first reminder."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = (
        "import asyncio, sys\nfrom datetime import UTC, datetime\nfrom bot.store import Store\n"
        "async def main():\n"
        "    async with await Store.open(sys.argv[1]) as store:\n"
        f"        for kind, target_id in {TARGETS!r}:\n"
        "            await store.set_plan(kind, target_id, datetime(2026, 1, 5, 9, tzinfo=UTC))\n"
        "asyncio.run(main())\n"
    )
    subprocess.run([sys.executable, "-c", code, str(db_path)], cwd=ROOT, env=env, check=True, timeout=30)


def run_and_kill(db_path: Path, outbox: Path, seed: int, delay: float) -> str:
    """Start the scheduler, SIGKILL it `delay` seconds after it is ready; return its last line."""
    proc = start_child(SCHEDULER, db_path, outbox, seed, SLOTS)
    try:
        assert proc.stdout is not None
        line = expect_line(proc, "READY\n")
        ready, _, _ = select.select([proc.stdout], [], [], delay)
        last = proc.stdout.readline() if ready else line
        assert proc.poll() is None, f"scheduler died by itself: {proc.stderr.read()}"
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=10) == -signal.SIGKILL
        return last.strip()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


def check_invariants(db_path: Path, outbox: Path) -> dict[str, int]:
    """Assert nothing is skipped or doubled; return counts of what is recorded."""
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        plan = {(k, i): due for k, i, due in conn.execute("SELECT target_kind, target_id, next_due FROM reminder_plan")}
        rows = conn.execute("SELECT target_kind, target_id, slot, nonce, state FROM deliveries").fetchall()
    finally:
        conn.close()
    states: dict[tuple[str, int], dict[int, tuple[str, str]]] = defaultdict(dict)
    for kind, target_id, slot, nonce, state in rows:
        states[kind, target_id][int(slot[1:])] = (state, nonce)

    posted: dict[tuple[str, int, int], str] = {}
    for line in outbox.read_text(encoding="utf-8").splitlines():
        kind, target_id, slot, nonce = line.split()
        key = (kind, int(target_id), int(slot[1:]))
        assert key not in posted, f"slot posted twice: {line}"  # never a second message for a slot
        posted[key] = nonce

    for target in TARGETS:
        slots = states[target]
        # p: the week after the last one recorded done. The plan must point exactly there.
        p = max((n for n, (state, _) in slots.items() if state != "sending"), default=-1) + 1
        due = plan.get(target)
        assert due is not None, f"{target} lost its plan"
        assert datetime.fromisoformat(due) == BASE + p * timedelta(weeks=1), (target, p, due)
        # Every week before the planned one is recorded as sent or failed: nothing skipped.
        assert all(slots.get(n, ("missing",))[0] in ("sent", "failed") for n in range(p)), (target, p, slots)
        # Nothing recorded beyond the planned week, which is at most in flight.
        assert set(slots) <= set(range(p + 1)), (target, p, sorted(slots))
        assert slots.get(p, ("sending",))[0] == "sending"
        for n, (state, nonce) in slots.items():
            if state == "sent":
                assert posted.get((*target, n)) == nonce, f"{target} week {n} recorded sent but never posted"
            elif state == "failed":
                assert (*target, n) not in posted, f"{target} week {n} recorded failed but posted"
        for (kind, target_id, n), nonce in posted.items():
            if (kind, target_id) == target:
                assert slots.get(n, ("missing", ""))[1] == nonce, f"{target} week {n} posted but unrecorded"
    return {
        "in_flight": sum(state == "sending" for *_, state in rows),
        "sent": sum(state == "sent" for *_, state in rows),
        "posted": len(posted),
    }


def test_sigkill_at_random_points_never_skips_or_repeats(tmp_path: Path) -> None:
    db_path = tmp_path / "waymark.sqlite3"
    outbox = tmp_path / "outbox.txt"
    outbox.touch()
    seed_plan(db_path)
    rng = random.Random(20260105)
    killed_in_flight = killed_after_post = 0
    sent_before = -1
    for run in range(KILLS):
        last = run_and_kill(db_path, outbox, seed=run, delay=rng.uniform(0.005, 0.1))
        assert last != "DONE", "the loop ran out of slots: raise SLOTS"
        counts = check_invariants(db_path, outbox)
        killed_in_flight += counts["in_flight"] > 0
        killed_after_post += counts["posted"] > counts["sent"]  # posted, not yet recorded sent
        assert counts["sent"] >= sent_before  # progress is never lost
        sent_before = counts["sent"]
    assert sent_before > 0
    # The kills did land inside the send window, so recovery was exercised (odds of not: ~1e-6).
    assert killed_in_flight > 0, "no kill landed between begin and finish"
    print(f"{KILLS} kills: {killed_in_flight} mid-send, {killed_after_post} after posting; {sent_before} sent")
