"""The child process of `test_crash`: a real Scheduler over a database, sending into an append-only file.

    python -m tests.reminders.crash_child DB OUTBOX END_ISO

The clock is virtual: each pass runs at the earliest planned due time, so a restart carries on
exactly where the killed run stopped (no downtime, no catch-up). The Sender appends
`KIND ID SLOT NONCE` to OUTBOX and fsyncs it (the message is "out"), prints `SENT`, and returns,
so the parent can kill the process at any point around a send.
"""

from __future__ import annotations

import asyncio
import os
import sys
from datetime import datetime
from pathlib import Path

from bot.content.holder import ContentHolder
from bot.reminders.scheduler import Scheduler
from bot.render import Reply
from bot.services import Services
from bot.store import Store
from tests import peek

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"


class FileSender:
    """Writes each send to the outbox, with the slot the scheduler logged for its nonce."""

    def __init__(self, store: Store, fd: int) -> None:
        self.store = store
        self.fd = fd

    async def _append(self, kind: str, target: str, nonce: str) -> None:
        pending = [d for d in await peek.pending_deliveries(self.store) if d.nonce == nonce]
        if len(pending) != 1:  # a send whose nonce the log does not hold: fail the test at once
            print(f"no delivery in flight for nonce {nonce}", file=sys.stderr, flush=True)
            os._exit(3)
        os.write(self.fd, f"{kind} {target} {pending[0].slot} {nonce}\n".encode())
        os.fsync(self.fd)
        print("SENT", flush=True)

    async def send_user(self, user_id: int, reply: Reply, nonce: str, due: datetime) -> None:
        await self._append("user", str(user_id), nonce)

    async def send_channel(self, channel_id: int, label: str, reply: Reply, nonce: str, due: datetime) -> None:
        groups = [g for g in await self.store.list_groups(1) if g.channel_id == channel_id]
        await self._append("group", str(groups[0].id), nonce)


async def main(db: Path, outbox: Path, end: datetime) -> None:
    store = await Store.open(db)
    now = [end]
    try:
        svc = Services(ContentHolder.load(CONTENT_DIR, end), store)
        fd = os.open(outbox, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        scheduler = Scheduler(svc, FileSender(store, fd), lambda: now[0], rate=0)
        print("READY", flush=True)
        while (earliest := await store.earliest_due()) is not None and earliest <= end:
            now[0] = earliest
            await scheduler.run_due(earliest)
        os.close(fd)
    finally:
        await store.close()
    print("DONE", flush=True)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), Path(sys.argv[2]), datetime.fromisoformat(sys.argv[3])))
