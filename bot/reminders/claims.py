"""Several processes sending the reminders of one database: each due target is claimed before it is sent.

A scheduler takes its due targets with `Store.claim_due`: the rows are marked as its own (`claimed_by`) until
`claim_until`, and on PostgreSQL rows another process is claiming at that moment are skipped (`FOR UPDATE SKIP
LOCKED`), so two processes never take the same target. Beginning a delivery renews the claim in the same
transaction, or finds that another process holds it now (this one was too slow and its claim lapsed) and sends
nothing. Every plan change clears the claim. A process killed with claims in hand leaves them to lapse: after
`CLAIM_TTL` any process takes those targets, and the delivery log resends a reminder that was begun with the
nonce it was begun with (see `bot.store.reminders`).

A study group's post is claimed only by the process that holds the shard of the group's guild (`Shards`).

On SQLite one process sends (the lease, `bot.reminders.lease`) and reads the due targets without claiming them:
a restart after `kill -9` takes the dead process's lease over at once and need not wait for claims to lapse.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.reminders.lease import Holder
from bot.services import utc_now
from bot.store.models import ShardFilter

CLAIM_TTL = timedelta(seconds=60)
"""How long a claim lasts: how long the targets of a killed process wait before another process takes them.
Far longer than sending one reminder takes, even with Discord's 429s in between (beginning the delivery renews it)."""
SHARED_BATCH = 32
"""Targets one pass claims when processes share the database: small, so a slow or killed process holds few, and
the others keep taking work. A process that sends alone claims `Scheduler`'s whole batch (500)."""
SHARED_POLL_S = 30.0
"""The longest a scheduler sleeps when processes share the database: a plan another process made (and a claim
that lapsed) is only seen by looking."""


@dataclass(frozen=True)
class Shards:
    """The shards of the bot's gateway connection this process holds, out of `count`."""

    count: int = 1
    ids: frozenset[int] = frozenset({0})

    def __post_init__(self) -> None:
        if self.count < 1:
            raise ValueError(f"a bot has at least one shard, got count={self.count}")
        if not self.ids or not all(0 <= i < self.count for i in self.ids):
            raise ValueError(f"shard ids must be from 0 to {self.count - 1}, got {sorted(self.ids)}")

    @property
    def all(self) -> bool:
        """Whether this process holds every shard (then it posts for every guild)."""
        return len(self.ids) == self.count

    def of(self, guild_id: int) -> int:
        """The shard a guild's events come through: Discord's `(guild_id >> 22) % shard_count`."""
        return (guild_id >> 22) % self.count

    def holds(self, guild_id: int) -> bool:
        return self.of(guild_id) in self.ids

    def as_filter(self) -> ShardFilter | None:
        """What the store's claims are given: None when every shard is held (no group is left out)."""
        return None if self.all else (self.count, tuple(sorted(self.ids)))


@dataclass(frozen=True)
class Claimer:
    """Who claims due targets, for how long, and which: one per scheduler."""

    holder: str = field(default_factory=lambda: str(Holder.me()))
    ttl: timedelta = CLAIM_TTL
    shards: Shards = field(default_factory=Shards)
    shared: bool = False
    """Other processes send from the same database (PostgreSQL): small batches, and a poll for their plans."""
    clock: Callable[[], datetime] = utc_now
    """The real clock claims are measured by (never a console's pretend time: other processes share them)."""

    def batch(self, limit: int) -> int:
        """How many targets one pass claims, at most `limit`."""
        return min(limit, SHARED_BATCH) if self.shared else limit

    def until(self) -> datetime:
        """When a claim taken or renewed now lapses."""
        return self.clock() + self.ttl
