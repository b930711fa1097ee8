"""Two consoles ticking the same PostgreSQL database at once print every reminder once, between them.

Each is a real `waymark console --db postgresql://...` process; on PostgreSQL a console claims each due
reminder (as every `waymark run` there does) instead of taking the SQLite file's single-sender lease.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
from collections import Counter

from tests.console.conftest import CONTENT_DIR, ROOT
from tests.store.conftest import postgres_database

NOW = "2026-11-27T10:00:00+00:00"  # a Friday: each learner's first reminder is on Monday 09:00
LEARNERS = [f"learner{n:02d}" for n in range(80)]  # more than one pass claims (32)
WEEKS = 3
TIMEOUT = 120.0


async def start(url: str) -> asyncio.subprocess.Process:
    """Start `waymark console` on `url`, reading its input from a pipe."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WAYMARK_", "DISCORD_"))}
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "console",
        "--db",
        url,
        "--content",
        str(CONTENT_DIR),
        "--now",
        NOW,
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)},
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def ready(proc: asyncio.subprocess.Process) -> None:
    """Wait until the console answers a first line: it has opened the database and reads its input."""
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(b":user ready\n")
    await proc.stdin.drain()
    while b"(you are now ready)" not in await asyncio.wait_for(proc.stdout.readline(), TIMEOUT):
        pass


async def finish(proc: asyncio.subprocess.Process, lines: list[str]) -> str:
    """Give the console its last lines, close its input and return what it printed then (it must exit 0)."""
    try:
        out, err = await asyncio.wait_for(proc.communicate("\n".join(lines).encode() + b"\n"), TIMEOUT)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    assert proc.returncode == 0, err.decode()[-2000:]
    return out.decode()


def reminders(printed: str) -> list[tuple[str, str]]:
    """Every `reminder to NAME at TIME` heading: (name, time)."""
    return re.findall(r"^reminder to (.+?) at (\S+)$", printed, flags=re.MULTILINE)


async def test_two_consoles_print_every_reminder_once() -> None:
    async with postgres_database() as url:
        setup = [line for name in LEARNERS for line in (f":user {name}", "/start-learning role:backend-engineer")]
        setup += [":user owner", "/group create name:Night Owls role:backend-engineer channel:study"]
        first = await finish(await start(url), setup)
        assert "Welcome aboard!" in first and "❌" not in first

        consoles = [await start(url), await start(url)]
        await asyncio.gather(*(ready(c) for c in consoles))  # both up: the ticks start together
        tick = [f":tick {WEEKS * 7}d"]
        one, two = await asyncio.gather(*(finish(c, tick) for c in consoles))

    printed = reminders(one) + reminders(two)
    counts = Counter(printed)
    assert [r for r, n in counts.items() if n > 1] == []  # nothing twice
    per_target = Counter(name for name, _ in counts)
    # Every learner and the group got each of the three weeks (Mondays 09:00), from one console or the other.
    assert per_target == dict.fromkeys([*LEARNERS, "Night Owls"], WEEKS), per_target
    assert "Something went wrong" not in one + two
