"""Several schedulers on one PostgreSQL database: each week's reminder goes out once, whoever sends it.

Each scheduler has a store of its own (its own connection pool, as a process has) and claims its due targets
(`bot.reminders.claims`). The schedule's clock is the test's; the claims' clock is each claimer's own, so a
killed process's claims can be made to lapse without waiting a minute.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, time, timedelta

import pytest

from bot.content.holder import ContentHolder
from bot.content.loader import ContentIndex
from bot.domain.reminders import slot_key
from bot.reminders.claims import CLAIM_TTL, Claimer, Shards
from bot.reminders.scheduler import CLAIMED_ELSEWHERE, Scheduler
from bot.services import Services
from bot.store import Store
from tests.reminders.conftest import CONTENT_DIR, NOW, ROLE, Clock, RecordingSender, learner
from tests.store.conftest import postgres_database

FIRST = datetime(2026, 11, 30, 9, tzinfo=UTC)  # the Monday 09:00 UTC after NOW: every learner's first reminder


class RealClock:
    """The claims' wall clock, settable: `now` starts at the real time and moves only when told."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
async def url() -> AsyncIterator[str]:
    async with postgres_database() as found:
        yield found


async def services(index: ContentIndex, url: str) -> Services:
    return Services(ContentHolder(CONTENT_DIR, index, NOW), await Store.open(url))


async def test_three_schedulers_send_each_reminder_once(shipped_index: ContentIndex, url: str) -> None:
    svcs = [await services(shipped_index, url) for _ in range(3)]
    try:
        users = range(1000, 1060)
        for user in users:
            await learner(svcs[0], user)
        clock = Clock(FIRST)
        senders = [RecordingSender(clock) for _ in svcs]
        schedulers = [
            Scheduler(svc, snd, clock, rate=0, claimer=Claimer(f"host:{n}:x", shared=True))
            for n, (svc, snd) in enumerate(zip(svcs, senders, strict=True))
        ]

        async def drain(scheduler: Scheduler) -> None:
            while await scheduler.run_due(FIRST, limit=5):  # small batches: the three take turns
                pass

        await asyncio.gather(*(drain(s) for s in schedulers))

        got = Counter(sent.target for snd in senders for sent in snd.sent)
        assert got == dict.fromkeys(users, 1)
        assert sum(1 for snd in senders if snd.sent) >= 2, [len(snd.sent) for snd in senders]  # the work was shared
        assert await svcs[0].store.count_due(FIRST) == 0
    finally:
        for svc in svcs:
            await svc.store.close()


async def test_a_killed_process_claims_go_to_another_after_they_lapse(shipped_index: ContentIndex, url: str) -> None:
    killed, survivor = await services(shipped_index, url), await services(shipped_index, url)
    try:
        for user in (1, 2, 3):
            await learner(killed, user)
        # The killed process claimed all three and began the first delivery (it may have reached Discord).
        taken = await killed.store.claim_due(FIRST, "dead:1:x", real_now=datetime.now(UTC), ttl=CLAIM_TTL)
        assert [t.target_id for t in taken] == [1, 2, 3]
        begun = await killed.store.begin_delivery(
            "user", 1, slot_key(FIRST, "UTC"), FIRST, holder="dead:1:x", claim_until=datetime.now(UTC) + CLAIM_TTL
        )
        assert begun is not None

        clock, wall = Clock(FIRST), RealClock()
        sender = RecordingSender(clock)
        scheduler = Scheduler(survivor, sender, clock, rate=0, claimer=Claimer("alive:2:y", shared=True, clock=wall))
        assert await scheduler.run_due(FIRST) == []  # still claimed
        wall.now += CLAIM_TTL + timedelta(seconds=1)
        outcomes = await scheduler.run_due(FIRST)
        assert [o.sent for o in outcomes] == [True, True, True]
        (first,) = sender.to("user", 1)
        assert first.nonce == begun.nonce  # the begun one goes out with its nonce: Discord drops a repeat
    finally:
        await killed.store.close()
        await survivor.store.close()


async def test_a_process_whose_claim_lapsed_mid_batch_leaves_the_target_to_the_new_claimer(
    shipped_index: ContentIndex, url: str
) -> None:
    slow, other = await services(shipped_index, url), await services(shipped_index, url)
    try:
        for user in (1, 2):
            await learner(slow, user)
        clock, wall = Clock(FIRST), RealClock()

        class Stalls(RecordingSender):
            async def send_user(self, user_id, reply, nonce, due):  # the first send outlasts the claims
                await super().send_user(user_id, reply, nonce, due)
                wall.now += CLAIM_TTL + timedelta(seconds=1)
                await other.store.claim_due(FIRST, "other:2:y", real_now=wall.now, ttl=CLAIM_TTL)

        sender = Stalls(clock)
        claimer = Claimer("slow:1:x", shared=True, clock=wall)
        outcomes = await Scheduler(slow, sender, clock, rate=0, concurrency=1, claimer=claimer).run_due(FIRST)
        assert [o.sent for o in outcomes] == [True, False]
        assert outcomes[1].skipped == CLAIMED_ELSEWHERE
        assert [s.target for s in sender.sent] == [1]
        assert await slow.store.get_delivery("user", 2, slot_key(FIRST, "UTC")) is None  # nothing begun for it
    finally:
        await slow.store.close()
        await other.store.close()


async def test_a_group_post_goes_out_from_the_process_holding_its_guilds_shard(
    shipped_index: ContentIndex, url: str
) -> None:
    svc = await services(shipped_index, url)
    try:
        on_shard_1 = await svc.store.create_group(
            guild_id=(1 << 22) | 12345,
            name="Owls",
            role=ROLE,
            channel_id=77,
            weekday=0,
            local_time=time(9),
            timezone="UTC",
            created_by=None,
            now=NOW,
        )
        await svc.store.set_plan("group", on_shard_1.id, FIRST)
        clock = Clock(FIRST)
        senders = {shard: RecordingSender(clock) for shard in (0, 1)}
        for shard in (0, 1):
            claimer = Claimer(f"p:{shard}:x", shared=True, shards=Shards(2, frozenset({shard})))
            await Scheduler(svc, senders[shard], clock, rate=0, claimer=claimer).run_due(FIRST)
        assert senders[0].sent == []
        assert [(s.kind, s.target, s.label) for s in senders[1].sent] == [("channel", 77, "Owls")]
    finally:
        await svc.store.close()


def test_shards_name_the_shard_of_a_guild() -> None:
    shards = Shards(4, frozenset({0, 2}))
    assert shards.of(41771983423143937) == (41771983423143937 >> 22) % 4
    assert [shards.holds(n << 22) for n in range(4)] == [True, False, True, False]
    assert shards.as_filter() == (4, (0, 2))
    assert Shards().as_filter() is None  # one process, every shard: no group is left out
    with pytest.raises(ValueError, match="from 0 to 3"):
        Shards(4, frozenset({4}))


async def test_a_scheduler_that_stops_gives_its_claims_up(shipped_index: ContentIndex, url: str) -> None:
    svc = await services(shipped_index, url)
    try:
        for user in (1, 2):
            await learner(svc, user)
        claimer = Claimer("stopping:1:x", shared=True)
        assert len(await svc.store.claim_due(FIRST, claimer.holder, real_now=datetime.now(UTC), ttl=CLAIM_TTL)) == 2
        scheduler = Scheduler(svc, RecordingSender(Clock(NOW)), Clock(NOW), rate=0, claimer=claimer)
        scheduler.stop()  # a pass cut short by the stop: the claims it held are given up
        await scheduler.run()
        taken = await svc.store.claim_due(FIRST, "other:2:y", real_now=datetime.now(UTC), ttl=CLAIM_TTL)
        assert [t.target_id for t in taken] == [1, 2]  # at once, not a minute later
    finally:
        await svc.store.close()
