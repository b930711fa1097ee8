"""Leases in the store: taken when free, expired or one's own; never by two processes at once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.store import Store

NAME = "reminder-sender"
T0 = datetime(2026, 12, 1, 9, tzinfo=UTC)
TTL = timedelta(seconds=60)


async def test_a_free_lease_is_taken_and_renewed_by_its_holder(store: Store) -> None:
    lease, before = await store.acquire_lease(NAME, "a:1:x", T0, TTL)
    assert before is None
    assert (lease.holder, lease.acquired_at, lease.heartbeat_at, lease.expires_at) == ("a:1:x", T0, T0, T0 + TTL)

    later = T0 + timedelta(seconds=15)
    renewed, before = await store.acquire_lease(NAME, "a:1:x", later, TTL)
    assert before == lease
    assert (renewed.acquired_at, renewed.heartbeat_at, renewed.expires_at) == (T0, later, later + TTL)
    assert await store.get_lease(NAME) == renewed


async def test_a_held_lease_is_not_taken_until_it_expires(store: Store) -> None:
    await store.acquire_lease(NAME, "a:1:x", T0, TTL)
    held, _ = await store.acquire_lease(NAME, "b:2:y", T0 + timedelta(seconds=59), TTL)
    assert held.holder == "a:1:x"  # unchanged: the caller reads who holds it
    assert held.expires_at == T0 + TTL

    taken, before = await store.acquire_lease(NAME, "b:2:y", T0 + TTL, TTL)
    assert taken.holder == "b:2:y"
    assert taken.acquired_at == T0 + TTL
    assert before is not None and before.holder == "a:1:x"
    # The old holder's renewal now fails: it learns who took over.
    assert (await store.acquire_lease(NAME, "a:1:x", T0 + TTL, TTL))[0].holder == "b:2:y"


async def test_take_over_only_from_the_holder_named(store: Store) -> None:
    await store.acquire_lease(NAME, "a:1:x", T0, TTL)
    kept, _ = await store.acquire_lease(NAME, "c:3:z", T0, TTL, take_over="b:2:y")
    assert kept.holder == "a:1:x"
    taken, _ = await store.acquire_lease(NAME, "c:3:z", T0, TTL, take_over="a:1:x")
    assert taken.holder == "c:3:z"


async def test_release_only_by_the_holder(store: Store) -> None:
    await store.acquire_lease(NAME, "a:1:x", T0, TTL)
    assert not await store.release_lease(NAME, "b:2:y")
    assert await store.release_lease(NAME, "a:1:x")
    assert await store.get_lease(NAME) is None
    assert (await store.acquire_lease(NAME, "b:2:y", T0, TTL))[0].holder == "b:2:y"  # free again at once


async def test_bad_arguments_are_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="last a while"):
        await store.acquire_lease(NAME, "a:1:x", T0, timedelta(0))
    with pytest.raises(ValueError, match="name and a holder"):
        await store.acquire_lease(NAME, "", T0, TTL)
    with pytest.raises(ValueError, match="naive"):
        await store.acquire_lease(NAME, "a:1:x", datetime(2026, 12, 1), TTL)  # noqa: DTZ001 - the point of the test


async def test_two_processes_racing_for_a_free_lease_get_one_holder(target: str | Path) -> None:
    """Two connections (as two processes would have) ask at once, many times: each time exactly one holds it."""
    first, second = await Store.open(target), await Store.open(target)
    try:
        for round_ in range(20):
            at = T0 + timedelta(minutes=2 * round_)  # every round starts after the last lease lapsed
            a, b = await asyncio.gather(
                first.acquire_lease(NAME, "a:1:x", at, TTL), second.acquire_lease(NAME, "b:2:y", at, TTL)
            )
            assert a[0].holder == b[0].holder, (a, b)
    finally:
        await first.close()
        await second.close()


async def test_followed_roles_count_active_learners_and_live_groups(store: Store) -> None:
    assert await store.followed_roles() == {}
    await store.enroll(1, "backend-engineer", None, None, T0)
    await store.enroll(2, "backend-engineer", None, None, T0)
    await store.enroll(3, "data-engineer", None, None, T0)
    await store.stop_enrollment(3, "data-engineer", T0)
    group = await store.create_group(
        guild_id=1,
        name="Pipes",
        role="ml-engineer",
        channel_id=5,
        weekday=0,
        local_time=time(9),
        timezone="UTC",
        created_by=None,
        now=T0,
    )
    assert await store.followed_roles() == {"backend-engineer": 2, "ml-engineer": 1}
    await store.set_group_paused(group.id, True)
    assert await store.followed_roles() == {"backend-engineer": 2}
