"""One reminder sender per database: a lease kept in the database itself.

Two processes on one SQLite file would both send every reminder. So the process that sends takes the
`reminder-sender` lease (a row: holder, heartbeat, expiry), renews it while it runs, and gives it up on a
clean stop. Another `waymark run` on the same file finds it held and refuses to start; a console finds it
held and sends nothing. A lease whose holder was killed is taken over once it expires, or at once when the
holder was a process on this machine that no longer exists.

The holder id is `host:pid:random`: the host and pid say which process to look for, the random part tells
two runs of the same pid apart.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.log import get_logger
from bot.services import utc_now
from bot.store import Store
from bot.store.models import Lease

log = get_logger(__name__)

SENDER_LEASE = "reminder-sender"
LEASE_TTL = timedelta(seconds=60)
"""How long a lease lasts without a heartbeat: how long reminders wait after the sender was killed."""
RENEW_EVERY = timedelta(seconds=15)
"""How often the holder renews it (a few heartbeats fit in one TTL, so one slow renewal loses nothing)."""
SAFETY_MARGIN = timedelta(seconds=5)
"""The holder stops sending this long before its lease would lapse, in case its renewal is late."""


@dataclass(frozen=True)
class Holder:
    """Who holds a lease: a process on a host, and a random part unique to this run."""

    host: str
    pid: int
    token: str

    def __str__(self) -> str:
        return f"{self.host}:{self.pid}:{self.token}"

    @classmethod
    def parse(cls, text: str) -> Holder | None:
        """Read a holder id written by `str()`; None when it is not one (written by something else)."""
        host, sep, rest = text.rpartition(":")
        host, sep2, pid = host.rpartition(":")
        if not (sep and sep2 and host and pid.isdigit() and rest):
            return None
        return cls(host, int(pid), rest)

    @classmethod
    def me(cls) -> Holder:
        """Return a new holder id for this process."""
        return cls(socket.gethostname() or "localhost", os.getpid(), secrets.token_hex(4))


def describe(holder: str) -> str:
    """Name a holder for people: `process 1234 on host web-1`."""
    parsed = Holder.parse(holder)
    return f"process {parsed.pid} on host {parsed.host}" if parsed else repr(holder)


def pid_alive(pid: int) -> bool:
    """Return whether a process with this pid exists on this machine."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    except OSError:
        return True  # cannot tell: assume it runs, and let the lease expire instead
    return True


def gone(holder: str, me: Holder, alive: Callable[[int], bool] = pid_alive) -> bool:
    """Return whether `holder` is a process on this host that no longer runs, so its lease can be taken now.

    The same pid as ours is not taken for gone: in a container restarted on the same host name it was an
    earlier run, but it may be a twin container too, so that lease waits for its expiry.
    """
    other = Holder.parse(holder)
    return other is not None and other.host == me.host and other.pid != me.pid and not alive(other.pid)


def lease_seconds(lease: Lease, now: datetime) -> tuple[int, int]:
    """Return the seconds since a lease's last heartbeat and the seconds until it expires (never below 0)."""
    beat = max(0, round((now - lease.heartbeat_at).total_seconds()))
    left = max(0, round((lease.expires_at - now).total_seconds()))
    return beat, left


def held_message(lease: Lease, db_path: str, now: datetime) -> str:
    """Say who sends the reminders of a database and when their lease would lapse if they are gone."""
    beat, left = lease_seconds(lease, now)
    return (
        f"{describe(lease.holder)} sends the reminders of {db_path} (last heartbeat {beat}s ago); "
        f"if it was killed, its lease expires at {lease.expires_at:%H:%M:%S} UTC (in {left}s)"
    )


class SenderLease:
    """This process's claim on the `reminder-sender` lease of one database.

    `acquire()` tries to take it; `hold()` renews it when a renewal is due and says whether this process may
    send right now; `release()` gives it up. The times are the real clock's (`clock`), never a console's
    pretend time: the lease is shared with other processes.
    """

    def __init__(
        self,
        store: Store,
        holder: Holder | None = None,
        *,
        ttl: timedelta = LEASE_TTL,
        renew_every: timedelta = RENEW_EVERY,
        clock: Callable[[], datetime] = utc_now,
        alive: Callable[[int], bool] = pid_alive,
        name: str = SENDER_LEASE,
    ) -> None:
        if renew_every + SAFETY_MARGIN >= ttl:
            raise ValueError(f"renew_every ({renew_every}) plus {SAFETY_MARGIN} must be shorter than ttl ({ttl})")
        self.store = store
        self.holder = holder or Holder.me()
        self.name = name
        self.ttl = ttl
        self.renew_every = renew_every
        self.clock = clock
        self.alive = alive
        self.current: Lease | None = None
        """The lease as last seen: ours, or the other holder's."""
        self._renewed_at: datetime | None = None
        self._lock = asyncio.Lock()

    @property
    def mine(self) -> bool:
        """Whether this process held the lease when it last looked."""
        return self.current is not None and self.current.holder == str(self.holder)

    def held(self) -> bool:
        """Whether this process holds the lease now, with the safety margin to spare (no database access)."""
        return self.mine and self.current is not None and self.clock() < self.current.expires_at - SAFETY_MARGIN

    async def other_holder(self) -> Lease | None:
        """Return the lease when another live process holds it (without taking it), else None."""
        lease = await self.store.get_lease(self.name)
        if lease is None or lease.holder == str(self.holder) or lease.expired(self.clock()):
            return None
        return None if gone(lease.holder, self.holder, self.alive) else lease

    async def acquire(self) -> Lease:
        """Take or renew the lease if this process may; return it (`mine` says whether it is ours)."""
        async with self._lock:
            return await self._acquire()

    async def _acquire(self) -> Lease:
        me = str(self.holder)
        was_mine = self.mine
        now = self.clock()
        lease, before = await self.store.acquire_lease(self.name, me, now, self.ttl)
        if lease.holder != me and gone(lease.holder, self.holder, self.alive):
            dead = lease.holder
            lease, before = await self.store.acquire_lease(self.name, me, now, self.ttl, take_over=dead)
            if lease.holder == me:
                log.warning("Took over the reminder lease from %s: that process is gone", describe(dead))
        elif lease.holder == me and before is not None and before.holder != me:
            log.warning(
                "Took over the reminder lease from %s: it expired at %s UTC",
                describe(before.holder),
                f"{before.expires_at:%H:%M:%S}",
            )
        self.current = lease
        if lease.holder == me:
            self._renewed_at = now
            if not was_mine:
                log.info("This process sends the reminders of %s (lease held until renewed)", self.store.location)
        elif was_mine:
            log.warning(
                "The reminder lease of %s is now held by %s: this process sends no reminders while it is",
                self.store.location,
                describe(lease.holder),
            )
        return lease

    async def hold(self) -> bool:
        """Renew the lease when a renewal is due (or take it, if it is free); return whether we may send."""
        async with self._lock:
            now = self.clock()
            due = self._renewed_at is None or now - self._renewed_at >= self.renew_every
            if not self.held() or due:
                await self._acquire()
            return self.held()

    def next_renewal(self) -> float:
        """Return the seconds until the lease should be renewed (or taken again, when another holds it)."""
        if self._renewed_at is None or not self.mine:
            return self.renew_every.total_seconds()
        return max(0.0, (self._renewed_at + self.renew_every - self.clock()).total_seconds())

    async def release(self) -> bool:
        """Give the lease up (on a clean stop), so the next process need not wait for it to expire."""
        async with self._lock:
            if not self.mine:
                return False
            released = await self.store.release_lease(self.name, str(self.holder))
            self.current = None
            self._renewed_at = None
            if released:
                log.info("Released the reminder lease of %s", self.store.location)
            return released
