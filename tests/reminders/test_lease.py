"""One reminder sender per database: the lease the scheduler must hold to send (`bot.reminders.lease`)."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.content.holder import ContentHolder
from bot.content.loader import ContentIndex
from bot.reminders.lease import LEASE_TTL, RENEW_EVERY, SENDER_LEASE, Holder, SenderLease, describe, gone, held_message
from bot.reminders.scheduler import NOT_THE_SENDER, Scheduler
from bot.services import Services
from bot.store import Store
from tests import peek
from tests.reminders.conftest import ANN, BOB, CAT, CONTENT_DIR, NOW, Clock, RecordingSender, learner

FIRST = datetime(2026, 11, 30, 9, tzinfo=UTC)
HERE = Holder("here", 100, "aaaa")
THERE = Holder("there", 200, "bbbb")


def lease_of(store: Store, holder: Holder, clock: Clock, alive: bool = True) -> SenderLease:
    return SenderLease(store, holder, clock=clock, alive=lambda pid: alive)


# --------------------------------------------------------------------------- holder ids


def test_holder_ids_round_trip_and_read_for_people() -> None:
    me = Holder.me()
    assert Holder.parse(str(me)) == me
    assert Holder.parse("web-1:1234:0f0f0f0f") == Holder("web-1", 1234, "0f0f0f0f")
    assert Holder.parse("fe80::1:1234:abcd") == Holder("fe80::1", 1234, "abcd")  # a host name with colons
    assert Holder.parse("nonsense") is None
    assert describe("web-1:1234:0f0f0f0f") == "process 1234 on host web-1"
    assert describe("nonsense") == "'nonsense'"


def test_only_a_vanished_process_on_this_host_is_gone() -> None:
    assert gone("here:7:x", HERE, alive=lambda pid: False)
    assert not gone("here:7:x", HERE, alive=lambda pid: True)
    assert not gone("there:7:x", HERE, alive=lambda pid: False)  # another machine: wait for the expiry
    assert not gone("here:100:x", HERE, alive=lambda pid: False)  # our own pid: maybe a twin container
    assert not gone("nonsense", HERE, alive=lambda pid: False)


def test_the_held_message_names_the_holder_and_the_expiry() -> None:
    from bot.store.models import Lease

    lease = Lease(SENDER_LEASE, "web-1:1234:ab", NOW, NOW, NOW + LEASE_TTL)
    text = held_message(lease, "data/waymark.sqlite3", NOW + timedelta(seconds=20))
    assert text == (
        "process 1234 on host web-1 sends the reminders of data/waymark.sqlite3 (last heartbeat 20s ago); "
        "if it was killed, its lease expires at 10:01:00 UTC (in 40s)"
    )


def test_renewals_must_fit_in_the_lease(store: Store) -> None:
    with pytest.raises(ValueError, match="shorter than ttl"):
        SenderLease(store, HERE, ttl=timedelta(seconds=10), renew_every=timedelta(seconds=8))


# --------------------------------------------------------------------------- taking, renewing, losing


async def test_the_first_process_takes_it_the_second_is_told_who_holds_it(store: Store) -> None:
    clock = Clock()
    mine, theirs = lease_of(store, HERE, clock), lease_of(store, THERE, clock)
    assert (await mine.acquire()).holder == str(HERE) and mine.mine and mine.held()
    seen = await theirs.acquire()
    assert seen.holder == str(HERE)
    assert not theirs.mine and not theirs.held()
    assert not await theirs.hold()


async def test_hold_renews_only_when_due_and_stops_short_of_the_expiry(store: Store) -> None:
    clock = Clock()
    lease = lease_of(store, HERE, clock)
    await lease.acquire()
    clock.now = NOW + RENEW_EVERY - timedelta(seconds=1)
    assert await lease.hold()
    assert (await store.get_lease(SENDER_LEASE)).heartbeat_at == NOW  # not due yet: no write
    assert lease.next_renewal() == pytest.approx(1.0)
    clock.now = NOW + RENEW_EVERY
    assert await lease.hold()
    assert (await store.get_lease(SENDER_LEASE)).heartbeat_at == NOW + RENEW_EVERY
    # Without renewals (a frozen process), it stops counting as held a little before the lease lapses.
    clock.now = NOW + RENEW_EVERY + LEASE_TTL - timedelta(seconds=4)
    assert not lease.held()


async def test_an_expired_lease_is_taken_over_and_its_old_holder_stops(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock()
    old, new = lease_of(store, HERE, clock), lease_of(store, THERE, clock)
    await old.acquire()
    clock.now = NOW + LEASE_TTL  # the old holder missed every heartbeat (killed, or frozen)
    with caplog.at_level(logging.WARNING):
        assert await new.hold()
        assert not await old.hold()
    assert "Took over the reminder lease from process 100 on host here: it expired at 10:01:00 UTC" in caplog.text
    assert "is now held by process 200 on host there: this process sends no reminders" in caplog.text


async def test_a_killed_holder_on_this_host_is_taken_over_at_once(store: Store) -> None:
    clock = Clock()
    await lease_of(store, Holder("here", 7, "dead"), clock).acquire()  # then killed: no release
    again = lease_of(store, HERE, clock, alive=False)
    assert (await again.acquire()).holder == str(HERE)


async def test_a_running_holder_on_this_host_keeps_it(store: Store) -> None:
    clock = Clock()
    await lease_of(store, Holder("here", 7, "live"), clock).acquire()
    assert (await lease_of(store, HERE, clock, alive=True).acquire()).holder == "here:7:live"


async def test_release_lets_the_next_process_take_it_at_once(store: Store) -> None:
    clock = Clock()
    first, second = lease_of(store, HERE, clock), lease_of(store, THERE, clock)
    await first.acquire()
    assert await first.release()
    assert not first.mine
    assert await second.hold()
    assert not await first.release()  # not ours any more: nothing to give up


# --------------------------------------------------------------------------- the scheduler


async def test_the_scheduler_sends_nothing_without_the_lease(svc: Services, store: Store) -> None:
    await learner(svc)
    clock = Clock(FIRST)
    await lease_of(store, THERE, clock).acquire()  # another process holds it
    sender = RecordingSender(clock)
    scheduler = Scheduler(svc, sender, clock, rate=0, lease=lease_of(store, HERE, clock))
    assert await scheduler.run_due(FIRST) == []
    assert sender.sent == []
    assert await store.get_plan("user", ANN) == FIRST  # untouched: the holder sends it
    assert await peek.get_delivery(store, "user", ANN, "2026-W49") is None


async def test_two_processes_on_one_database_send_each_reminder_once(
    shipped_index: ContentIndex, db_path: Path
) -> None:
    """Two schedulers, each with its own connection, run every pass together; the lease passes when one freezes.

    The lease lasts 30 days here (renewed daily), so week-long jumps of the clock stand for a process that
    renews all along.
    """
    clock = Clock(FIRST)
    stores = [await Store.open(db_path), await Store.open(db_path)]
    try:
        services = [Services(ContentHolder(CONTENT_DIR, shipped_index, NOW), s) for s in stores]
        for user in (ANN, BOB, CAT):
            await learner(services[0], user)
        senders = [RecordingSender(clock), RecordingSender(clock)]
        leases = [
            SenderLease(s, h, clock=clock, ttl=timedelta(days=30), renew_every=timedelta(days=1))
            for s, h in ((stores[0], HERE), (stores[1], THERE))
        ]
        schedulers = [
            Scheduler(svc, snd, clock, rate=0, lease=ls) for svc, snd, ls in zip(services, senders, leases, strict=True)
        ]
        for week in range(3):
            clock.now = FIRST + timedelta(weeks=week)
            await asyncio.gather(*(s.run_due(clock.now) for s in schedulers))
        first = 0 if leases[0].mine else 1  # whichever took the lease first
        other = 1 - first
        assert len(senders[first].sent) == 9 and senders[other].sent == []

        clock.now = FIRST + timedelta(weeks=7)  # the sender froze for a month: its lease lapsed
        await schedulers[other].run_due(clock.now)
        assert len(senders[other].sent) == 3  # one catch-up each
        assert await schedulers[first].run_due(clock.now) == []  # it came back: the other holds the lease now
        all_sent = [(s.target, s.due) for snd in senders for s in snd.sent]
        assert len(all_sent) == len(set(all_sent)) == 12
    finally:
        for s in stores:
            await s.close()


async def test_a_lease_lost_during_a_batch_stops_the_rest_of_it(svc: Services, store: Store) -> None:
    for user in (ANN, BOB):
        await learner(svc, user)
    clock = Clock(FIRST)
    mine = lease_of(store, HERE, clock)
    await mine.acquire()
    sender = RecordingSender(clock)

    class Slow(RecordingSender):
        async def send_user(self, user_id, reply, nonce, due):  # the first send takes past the lease's end
            await super().send_user(user_id, reply, nonce, due)
            clock.now = FIRST + LEASE_TTL
            await lease_of(store, THERE, clock).acquire()

    sender = Slow(clock)
    scheduler = Scheduler(svc, sender, clock, rate=0, concurrency=1, lease=mine)
    outcomes = await scheduler.run_due(FIRST)
    assert [o.sent for o in outcomes] == [True, False]
    assert outcomes[1].skipped == NOT_THE_SENDER
    assert len(sender.sent) == 1
    assert await store.get_plan("user", BOB) == FIRST  # left for the new holder, nothing begun
    assert await peek.get_delivery(store, "user", BOB, "2026-W49") is None


async def test_the_loop_renews_the_lease_and_takes_it_when_it_becomes_free(svc: Services, store: Store) -> None:
    clock = Clock(FIRST)
    other = lease_of(store, THERE, clock)
    await other.acquire()
    mine = lease_of(store, HERE, clock)
    scheduler = Scheduler(svc, RecordingSender(clock), clock, rate=0, lease=mine)
    task = asyncio.create_task(scheduler.run())
    try:
        await asyncio.sleep(0.05)
        assert not mine.mine
        await other.release()
        clock.now = FIRST + RENEW_EVERY  # the next look is due
        scheduler.wake()
        for _ in range(100):
            if mine.mine:
                break
            await asyncio.sleep(0.01)
        assert mine.mine
        clock.now = FIRST + 2 * RENEW_EVERY
        scheduler.wake()
        for _ in range(100):
            lease = await store.get_lease(SENDER_LEASE)
            if lease.heartbeat_at == clock.now:
                break
            await asyncio.sleep(0.01)
        assert lease.heartbeat_at == clock.now  # the heartbeat, from the scheduler's loop
    finally:
        scheduler.stop()
        await asyncio.wait_for(task, 5)


async def test_the_loop_waits_for_the_next_renewal_while_another_process_sends(svc: Services, store: Store) -> None:
    """Standing by costs one look per renewal period, not a busy loop on the database."""
    clock = Clock(FIRST)
    await lease_of(store, THERE, clock).acquire()
    mine = lease_of(store, HERE, clock)
    looks = 0
    acquire = store.acquire_lease

    async def counted(*args, **kwargs):
        nonlocal looks
        looks += 1
        return await acquire(*args, **kwargs)

    store.acquire_lease = counted  # type: ignore[method-assign]
    scheduler = Scheduler(svc, RecordingSender(clock), clock, rate=0, lease=mine)
    task = asyncio.create_task(scheduler.run())
    try:
        await asyncio.sleep(0.3)
        assert looks == 1
    finally:
        scheduler.stop()
        await asyncio.wait_for(task, 5)
