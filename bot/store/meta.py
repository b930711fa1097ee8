"""Bot-wide settings (`meta`), leases between processes, and what the start-up checks ask."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from bot.store import codec, rows
from bot.store.models import Lease
from bot.store.repository import Repository
from bot.store.sql import Sql, Work, in_list, one, run
from bot.store.sql import rows as all_rows

_SELECT_LEASE = "SELECT * FROM leases WHERE name = ?"


def get_meta(key: str) -> Work[str | None]:
    """Return a meta value, or None."""
    row = yield one("SELECT value FROM meta WHERE key = ?", key)
    return None if row is None else row[0]


_KEYS_PER_STATEMENT = 500  # well under SQLite's and PostgreSQL's limits on a statement's parameters


def _get_metas(keys: tuple[str, ...]) -> Work[dict[str, str]]:
    found: dict[str, str] = {}
    for start in range(0, len(keys), _KEYS_PER_STATEMENT):
        chunk = keys[start : start + _KEYS_PER_STATEMENT]
        sql = f"SELECT key, value FROM meta WHERE key IN ({in_list(len(chunk))})"  # noqa: S608 - placeholders only
        for row in (yield all_rows(sql, *chunk)):
            found[row[0]] = row[1]
    return found


def _set_meta(key: str, value: str) -> Work[None]:
    yield run(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value
    )


def _delete_meta(key: str) -> Work[int]:
    return (yield run("DELETE FROM meta WHERE key = ?", key))


def _get_lease(name: str) -> Work[Lease | None]:
    row = yield one(_SELECT_LEASE, name)
    return None if row is None else rows.lease(row)


def _acquire(
    name: str, holder: str, now: datetime, now_s: str, until_s: str, take_over: str | None
) -> Work[tuple[Lease, Lease | None]]:
    before = yield from _get_lease(name)
    free = before is None or before.holder in (holder, take_over) or before.expired(now)
    if not free:
        assert before is not None
        return before, before
    yield run(
        "INSERT INTO leases (name, holder, acquired_at, heartbeat_at, expires_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (name) DO UPDATE SET"
        " acquired_at = CASE WHEN leases.holder = excluded.holder THEN leases.acquired_at"
        " ELSE excluded.acquired_at END,"
        " holder = excluded.holder, heartbeat_at = excluded.heartbeat_at, expires_at = excluded.expires_at",
        name,
        holder,
        now_s,
        now_s,
        until_s,
    )
    after = yield from _get_lease(name)
    assert after is not None
    return after, before


def _release(name: str, holder: str) -> Work[int]:
    return (yield run("DELETE FROM leases WHERE name = ? AND holder = ?", name, holder))


_EPOCH = Sql(
    "((julianday('now') - 2440587.5) * 86400.0)",  # SQLite: one 'now' per statement
    "EXTRACT(EPOCH FROM statement_timestamp())::float8",
)


def _reserve_statement() -> Sql:
    parts = []
    for dialect, biggest in (("sqlite", "max"), ("postgres", "GREATEST")):
        now = _EPOCH.text(dialect)
        parts.append(
            f"INSERT INTO rate_slots AS r (name, next_at) VALUES (?, {now} + ?)"  # noqa: S608 - constants
            f" ON CONFLICT (name) DO UPDATE SET next_at = {biggest}(r.next_at, {now}) + ?"
            f" RETURNING next_at - ? - {now}"
        )
    return Sql(*parts)


RESERVE_SLOT = _reserve_statement()


def _reserve_slot(name: str, interval_s: float) -> Work[float]:
    row = yield one(RESERVE_SLOT, name, interval_s, interval_s, interval_s)
    return max(0.0, float(row[0]))


def _followed_roles() -> Work[dict[str, int]]:
    found = yield all_rows(
        "SELECT role, COUNT(*) AS n FROM (SELECT role FROM enrollments WHERE status = 'active'"
        " UNION ALL SELECT role FROM study_groups WHERE paused = 0) AS followed GROUP BY role ORDER BY role"
    )
    return {row[0]: row[1] for row in found}


def _holds_data() -> Work[bool]:
    row = yield one(
        "SELECT EXISTS (SELECT 1 FROM learners) OR EXISTS (SELECT 1 FROM study_groups)"
        " OR EXISTS (SELECT 1 FROM reminder_plan)"
    )
    return bool(row[0])


class MetaRepository(Repository):
    """The `Meta` protocol (settings, leases, start-up checks) over the store's database."""

    async def get_meta(self, key: str) -> str | None:
        """Return a bot-wide setting, or None if unset."""
        return await self._db.read(get_meta, key)

    async def get_metas(self, keys: Iterable[str]) -> dict[str, str]:
        """Return the settings of these keys that are set, by key (one statement per 500 keys)."""
        return await self._db.read(_get_metas, tuple(dict.fromkeys(keys)))

    async def set_meta(self, key: str, value: str) -> None:
        """Set a bot-wide setting."""
        if not isinstance(value, str):
            raise TypeError(f"meta values are strings, got {type(value).__name__}")
        await self._db.write(_set_meta, key, value)

    async def delete_meta(self, key: str) -> bool:
        """Remove a bot-wide setting; return whether it was set."""
        return await self._db.write(_delete_meta, key) > 0

    # A lease names the one process allowed to do something for this database (`reminder-sender`: send
    # reminders). Its holder renews it before `expires_at`; once that passes, any process may take it over.
    # Each call is one write transaction, so two processes never both think they took it.

    async def acquire_lease(
        self, name: str, holder: str, now: datetime, ttl: timedelta, *, take_over: str | None = None
    ) -> tuple[Lease, Lease | None]:
        """Take or renew the lease `name` for `holder` until `now + ttl`; return it as it is now, and as it was.

        It is taken when it is free, already `holder`'s, expired at `now`, or still held by `take_over` (a
        holder the caller knows is gone). Otherwise nothing changes and the returned lease names who holds it.
        """
        if not name or not holder:
            raise ValueError("a lease needs a name and a holder")
        if ttl <= timedelta(0):
            raise ValueError(f"a lease must last a while, got ttl={ttl}")
        now_s = codec.encode_datetime(now)
        until_s = codec.encode_datetime(now + ttl)
        return await self._db.write(_acquire, name, holder, now, now_s, until_s, take_over)

    async def release_lease(self, name: str, holder: str) -> bool:
        """Give the lease up if `holder` holds it; return whether it did."""
        return await self._db.write(_release, name, holder) > 0

    async def get_lease(self, name: str) -> Lease | None:
        """Return the lease `name` (expired or not), or None when nobody has taken it."""
        return await self._db.read(_get_lease, name)

    async def reserve_rate_slot(self, name: str, interval_s: float) -> float:
        """Take the next free slot of the rate limit `name` (one request every `interval_s` seconds, shared by
        every process on this database); return how many seconds to wait before using it (0: at once).

        Slots are handed out by the database's clock, one after another: however many processes ask, requests
        start at least `interval_s` apart. A slot taken and not used is lost, never handed out twice.
        """
        if not name:
            raise ValueError("a rate limit needs a name")
        if not interval_s > 0:
            raise ValueError(f"interval_s must be positive, got {interval_s!r}")
        return await self._db.write(_reserve_slot, name, float(interval_s), read_committed=True)

    async def holds_data(self) -> bool:
        """Return whether the database has learners, study groups or reminder plans."""
        return await self._db.read(_holds_data)

    async def followed_roles(self) -> dict[str, int]:
        """Return each role that active learners or study groups follow, with how many follow it."""
        return await self._db.read(_followed_roles, many_rows=True)
