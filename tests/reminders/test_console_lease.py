"""The console and the reminder lease: it sends nothing from a database another process sends from, says who,
holds the lease while it sends, and gives it back when it ends."""

from __future__ import annotations

import io
import os
import socket
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.console import OWNER_KEY, Console, run_console
from bot.reminders.lease import LEASE_TTL, SENDER_LEASE, Holder, SenderLease
from bot.services import Services
from bot.store import Store
from tests import peek
from tests.reminders.conftest import ANN, CONTENT_DIR, NOW, ROOT, Clock, learner

LATER = NOW + timedelta(days=14)  # two Monday reminders after NOW's enrollment
BOT = "web-1:4242:0badcafe"


async def consoles_database(path: Path) -> None:
    """A database the console made (it sends reminders from it): alice follows a path, her reminder planned."""
    out = await console_run(path, "/start-learning role:backend-engineer\n", now=NOW)
    assert "Welcome aboard!" in out
    async with await Store.open(path) as store:
        assert await store.get_meta(OWNER_KEY) == "1"


async def console_run(path: Path, script: str, now: datetime = LATER) -> str:
    stdout = io.StringIO()
    assert await run_console(CONTENT_DIR, path, "alice", now, io.StringIO(script), stdout) == 0
    return stdout.getvalue()


async def take_lease(path: Path, holder: str, expires_in: timedelta) -> None:
    async with await Store.open(path) as store:
        await store.acquire_lease(SENDER_LEASE, holder, datetime.now(UTC) + expires_in - LEASE_TTL, LEASE_TTL)


async def lease_holder(path: Path) -> str | None:
    async with await Store.open(path) as store:
        lease = await store.get_lease(SENDER_LEASE)
    return None if lease is None else lease.holder


async def test_a_console_on_a_held_database_sends_nothing_and_names_the_sender(tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite3"
    await consoles_database(db)  # a file the console would send from...
    await take_lease(db, BOT, timedelta(seconds=50))  # ...but `waymark run` sends from it now
    async with await Store.open(db) as store:
        due = await store.due_targets(LATER)
    assert due  # alice's reminders are due: a console that sends would catch up at once

    out = await console_run(db, "/progress\n:tick 7d\n")

    first = out.splitlines()[0]
    assert first.startswith(
        f"(reminders are not sent from the console: process 4242 on host web-1 sends the reminders of {db} "
        "(last heartbeat "
    )
    assert "Stop it to send them here, or try them on a copy: `waymark db backup copy.sqlite3`" in first
    assert "reminder to" not in out
    assert "alice · Backend Engineer" in out  # commands still work
    later = (LATER + timedelta(days=7)).isoformat()
    assert f"(it is now {later}; no reminders are sent from the console: process 4242 on host web-1 sends them)" in out
    async with await Store.open(db) as store:
        assert await store.due_targets(LATER) == due  # not moved on
        assert await peek.pending_deliveries(store) == []
    assert await lease_holder(db) == BOT  # untouched


async def test_a_console_in_another_language_names_the_sender_in_it(tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite3"
    await consoles_database(db)
    await take_lease(db, BOT, timedelta(seconds=50))
    stdout = io.StringIO()
    script = io.StringIO("/fortschritt\n:tick 7d\n")
    assert await run_console(CONTENT_DIR, db, "alice", LATER, script, stdout, locale="de") == 0
    out = stdout.getvalue()
    assert out.startswith(
        f"(die Konsole verschickt keine Erinnerungen: Prozess 4242 auf Host web-1 verschickt die Erinnerungen von {db} "
        "(letztes Lebenszeichen vor "
    )
    assert "Prozess 4242 auf Host web-1 verschickt sie)" in out
    assert "process 4242" not in out


async def test_a_console_holds_the_lease_while_it_sends_and_gives_it_back(tmp_path: Path) -> None:
    db = tmp_path / "mine.sqlite3"
    await consoles_database(db)
    seen: list[str | None] = []

    class Watching(io.StringIO):
        """Stdin that looks at the lease (as a second process would) each time the console reads a line."""

        def readline(self, *args: object) -> str:
            with sqlite3.connect(db) as conn:
                row = conn.execute("SELECT holder FROM leases WHERE name = ?", (SENDER_LEASE,)).fetchone()
            seen.append(row[0] if row else None)
            return super().readline(*args)

    stdout = io.StringIO()
    assert await run_console(CONTENT_DIR, db, "alice", LATER, Watching("/progress\n"), stdout) == 0
    assert stdout.getvalue().startswith("reminder to alice at ")  # the catch-up
    me = Holder.parse(seen[0] or "")
    assert me is not None and me.pid == os.getpid() and me.host == socket.gethostname()
    assert await lease_holder(db) is None  # released at the end


async def test_a_lease_left_expired_does_not_stop_the_console(tmp_path: Path) -> None:
    db = tmp_path / "mine.sqlite3"
    await consoles_database(db)
    await take_lease(db, BOT, timedelta(seconds=-1))  # that bot was killed a while ago
    out = await console_run(db, "/progress\n")
    assert out.startswith("reminder to alice at ")


async def test_a_console_that_loses_the_lease_while_idle_stops_sending_and_says_so(svc: Services, store: Store) -> None:
    clock = Clock(datetime.now(UTC))
    mine = SenderLease(store, Holder("here", 1, "console"), clock=clock)
    await mine.acquire()
    console = Console(svc, "alice", NOW, lease=mine)
    await learner(svc, ANN)
    clock.now += LEASE_TTL  # idle at the prompt for a minute: the lease lapsed...
    await SenderLease(store, Holder("web-1", 4242, "bot"), clock=clock).acquire()  # ...and `waymark run` took it

    out = await console.handle_line(":tick 7d")

    assert out.startswith(
        "(no reminders are sent from the console: process 4242 on host web-1 sends them from this database now)"
    )
    assert "reminder to" not in out
    assert await console.handle_line(":tick 7d") == (
        f"(it is now {(NOW + timedelta(days=14)).isoformat()}; no reminders are sent from the console: "
        "process 4242 on host web-1 sends them from this database now)"
    )


def test_the_console_command_on_a_held_database(tmp_path: Path) -> None:
    """As a self-hoster types it: `waymark console --db` on a file a running bot sends from."""
    import asyncio

    db = tmp_path / "shared.sqlite3"
    asyncio.run(consoles_database(db))
    asyncio.run(take_lease(db, BOT, timedelta(seconds=50)))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "WAYMARK_"))}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "console", "--db", str(db), "--content", str(CONTENT_DIR), "--user", "alice"],
        input="/progress\n",
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("(reminders are not sent from the console: process 4242 on host web-1 sends")
    assert "reminder to" not in result.stdout
