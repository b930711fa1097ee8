"""Claims on due reminders and the shared rate limit: what lets several processes share one database's reminders."""

from __future__ import annotations

import asyncio
import time as _time
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.store import Store
from bot.store.errors import ClaimLostError
from tests.store.conftest import postgres_database

T0 = datetime(2026, 12, 1, 9, tzinfo=UTC)
TTL = timedelta(seconds=60)
A, B = "host-a:1:aaaa", "host-b:2:bbbb"


async def plan_users(store: Store, ids: range, due: datetime = T0) -> None:
    for user_id in ids:
        await store.set_plan("user", user_id, due)


def keys(targets: list) -> list[tuple[str, int]]:
    return [(t.kind, t.target_id) for t in targets]


async def test_a_claimed_target_is_not_claimed_again_until_the_claim_lapses(store: Store) -> None:
    await plan_users(store, range(1, 4))
    await store.set_plan("user", 9, T0 + timedelta(hours=1))  # not due yet

    mine = await store.claim_due(T0, A, real_now=T0, ttl=TTL, limit=2)
    assert keys(mine) == [("user", 1), ("user", 2)]
    theirs = await store.claim_due(T0, B, real_now=T0 + timedelta(seconds=59), ttl=TTL)
    assert keys(theirs) == [("user", 3)]  # only what A did not take
    assert await store.claim_due(T0, B, real_now=T0 + timedelta(seconds=59), ttl=TTL) == theirs  # its own again

    lapsed = await store.claim_due(T0, B, real_now=T0 + TTL, ttl=TTL)
    assert keys(lapsed) == [("user", 1), ("user", 2), ("user", 3)]  # A's claims lapsed: taken over


async def test_beginning_a_delivery_renews_the_claim_or_says_it_was_lost(store: Store) -> None:
    await plan_users(store, range(1, 2))
    (target,) = await store.claim_due(T0, A, real_now=T0, ttl=TTL)
    later = T0 + timedelta(seconds=50)
    delivery = await store.begin_delivery("user", 1, "2026-W49", T0, holder=A, claim_until=later + TTL)
    assert delivery is not None
    # Renewed: at T0 + 60 s B still finds it claimed.
    assert await store.claim_due(T0, B, real_now=T0 + TTL, ttl=TTL) == []

    taken = await store.claim_due(T0, B, real_now=later + TTL, ttl=TTL)
    assert keys(taken) == [("user", 1)]
    with pytest.raises(ClaimLostError):
        await store.begin_delivery("user", 1, "2026-W49", T0, holder=A, claim_until=later + 2 * TTL)
    again = await store.get_delivery("user", 1, "2026-W49")
    assert again is not None and again.attempts == 1  # A's lost attempt recorded nothing
    resumed = await store.begin_delivery("user", 1, "2026-W49", T0, holder=B, claim_until=later + 2 * TTL)
    assert resumed is not None and resumed.nonce == delivery.nonce  # B resends with the same nonce


async def test_moving_the_plan_clears_the_claim(store: Store) -> None:
    await plan_users(store, range(1, 3))
    claimed = await store.claim_due(T0, A, real_now=T0, ttl=TTL)
    delivery = await store.begin_delivery("user", 1, "2026-W49", T0, holder=A, claim_until=T0 + TTL)
    assert delivery is not None
    await store.finish_delivery("user", 1, "2026-W49", T0, T0)  # planned again at once (a catch-up)
    await store.release_claims(A, [t for t in claimed if t.target_id == 2])
    assert keys(await store.claim_due(T0, B, real_now=T0, ttl=TTL)) == [("user", 1), ("user", 2)]
    await plan_users(store, range(3, 5))
    assert keys(await store.claim_due(T0, A, real_now=T0, ttl=TTL)) == [("user", 3), ("user", 4)]
    await store.release_claims(A)  # all of A's: a scheduler that stops
    assert len(await store.claim_due(T0, "c:3:c", real_now=T0, ttl=TTL)) == 2


async def test_the_earliest_claimable_skips_targets_another_process_claims(store: Store) -> None:
    await plan_users(store, range(1, 2), T0)
    await store.set_plan("user", 2, T0 + timedelta(minutes=5))
    await store.claim_due(T0, A, real_now=T0, ttl=TTL)
    assert await store.earliest_claimable(A, real_now=T0) == T0
    assert await store.earliest_claimable(B, real_now=T0) == T0 + timedelta(minutes=5)
    assert await store.earliest_claimable(B, real_now=T0 + TTL) == T0
    assert await store.count_due(T0) == 1
    assert await store.count_due(T0 + timedelta(minutes=5)) == 2


async def test_group_posts_are_claimed_only_by_the_process_holding_their_guilds_shard(store: Store) -> None:
    shard_0_guild, shard_1_guild = 0 << 22, 1 << 22  # shard = (guild_id >> 22) % count
    groups = {}
    for guild in (shard_0_guild, shard_1_guild):
        group = await store.create_group(
            guild_id=guild,
            name="Owls",
            role="data-analyst",
            channel_id=5,
            weekday=0,
            local_time=time(9),
            timezone="UTC",
            created_by=None,
            now=T0,
        )
        groups[guild] = group.id
        await store.set_plan("group", group.id, T0)
    await store.set_plan("group", 999, T0)  # its group is gone: anyone may claim it (and clears the plan)
    await plan_users(store, range(1, 2))

    zero = await store.claim_due(T0, A, real_now=T0, ttl=TTL, shards=(2, (0,)))
    assert sorted(keys(zero)) == sorted([("group", groups[shard_0_guild]), ("group", 999), ("user", 1)])
    assert await store.earliest_claimable(A, real_now=T0, shards=(2, (0,))) == T0  # its own claims
    one = await store.claim_due(T0, B, real_now=T0, ttl=TTL, shards=(2, (1,)))
    assert keys(one) == [("group", groups[shard_1_guild])]
    lapsed = await store.claim_due(T0, B, real_now=T0 + TTL, ttl=TTL, shards=(2, (1,)))
    assert ("group", groups[shard_0_guild]) not in keys(lapsed)  # A's claims lapsed, but never shard 0's post
    assert sorted(keys(lapsed)) == sorted([("group", groups[shard_1_guild]), ("group", 999), ("user", 1)])
    both = await store.claim_due(T0, "c:3:c", real_now=T0 + 2 * TTL, ttl=TTL, shards=(2, (0, 1)))
    assert len(both) == 4


async def test_bad_claims_are_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="limit"):
        await store.claim_due(T0, A, real_now=T0, ttl=TTL, limit=0)
    with pytest.raises(ValueError, match="last a while"):
        await store.claim_due(T0, A, real_now=T0, ttl=timedelta(0))
    with pytest.raises(ValueError, match="positive"):
        await store.reserve_rate_slot("discord", 0)


async def test_rate_slots_are_handed_out_one_interval_apart(store: Store) -> None:
    interval = 0.5
    started = _time.monotonic()
    waits = [await store.reserve_rate_slot("discord", interval) for _ in range(4)]
    elapsed = _time.monotonic() - started
    # Each slot starts one interval after the one before, whatever time the reservations themselves took.
    for n, wait in enumerate(waits):
        assert n * interval - elapsed - 0.05 <= wait <= n * interval + 0.05, waits
    assert await store.reserve_rate_slot("another limit", interval) == pytest.approx(0.0, abs=0.05)


async def test_two_processes_claiming_at_once_never_take_the_same_target(tmp_path: Path) -> None:
    """Two stores (two connection pools, as two processes have) claim 300 due targets in small batches at once."""
    async with postgres_database() as url:
        one, two = await Store.open(url), await Store.open(url)
        try:
            await plan_users(one, range(1, 301))

            async def drain(store: Store, holder: str) -> list[int]:
                got: list[int] = []
                while batch := await store.claim_due(T0, holder, real_now=T0, ttl=TTL, limit=7):
                    got += [t.target_id for t in batch if t.target_id not in got]
                    # Move each claimed plan on, as a sent reminder does, so the next batch is new targets.
                    for t in batch:
                        await store.set_plan("user", t.target_id, T0 + timedelta(days=7))
                return got

            a, b = await asyncio.gather(drain(one, A), drain(two, B))
            assert not set(a) & set(b)
            assert sorted(a + b) == list(range(1, 301))
            assert a and b, "both took part"
        finally:
            await one.close()
            await two.close()


async def test_two_processes_share_one_rate_limit() -> None:
    async with postgres_database() as url:
        one, two = await Store.open(url), await Store.open(url)
        try:
            interval = 0.25
            # Each slot's start as this process sees it: when the answer came back, plus the wait it gives (off by
            # the time the answer took to come back, not by the time the first request took to be sent).
            first = _time.monotonic() + await two.reserve_rate_slot("discord", interval)
            await asyncio.gather(*(s.reserve_rate_slot("discord", interval) for s in (one, two) * 10))
            last = _time.monotonic() + await one.reserve_rate_slot("discord", interval)
            # 20 slots went to the two processes between them, each its own: the last starts 21 intervals after the
            # first (20 would mean two requests were given the same slot).
            assert last - first == pytest.approx(21 * interval, abs=interval / 2)
        finally:
            await one.close()
            await two.close()
