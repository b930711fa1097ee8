"""Catching up after a restart, never sending a slot twice, and what each kind of failure does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.content.holder import ContentHolder
from bot.content.loader import ContentIndex
from bot.domain.reminders import slot_key
from bot.handlers import reminders
from bot.reminders.scheduler import (
    MAX_ATTEMPTS,
    ChannelGoneError,
    DMClosedError,
    RateLimiter,
    RetryLaterError,
    Scheduler,
)
from bot.services import Services
from bot.store import Store
from tests import peek
from tests.reminders.conftest import (
    ANN,
    BOB,
    CAT,
    CHANNEL,
    CONTENT_DIR,
    NOW,
    Clock,
    RecordingSender,
    caller,
    group,
    learner,
    travel,
    weeks,
)

FIRST = datetime(2026, 11, 30, 9, tzinfo=UTC)  # the first Monday 09:00 UTC after NOW


# ---------------------------------------------------------------- catch-up after a restart


async def test_restart_after_three_weeks_sends_one_catch_up_per_target(
    shipped_index: ContentIndex, db_path: Path
) -> None:
    clock = Clock()
    sender = RecordingSender(clock)
    store = await Store.open(db_path)
    svc = Services(ContentHolder(CONTENT_DIR, shipped_index, NOW), store)
    await learner(svc, ANN)
    await learner(svc, BOB, tz="America/New_York")
    await group(svc, members=(ANN,))
    await travel(Scheduler(svc, sender, clock, rate=0), clock, FIRST + timedelta(hours=6))
    assert len(sender.sent) == 3
    await store.close()

    # Down for three weeks: the slots of Dec 7 and Dec 14 pass, Dec 21 is the current one.
    clock.now = FIRST + weeks(3) + timedelta(hours=10)
    sender.sent.clear()
    store = await Store.open(db_path)
    try:
        svc = Services(ContentHolder(CONTENT_DIR, shipped_index, NOW), store)
        scheduler = Scheduler(svc, sender, clock, rate=0)
        await scheduler.run_due(clock.now)
        assert sorted((s.kind, s.target) for s in sender.sent) == [("channel", CHANNEL), ("user", ANN), ("user", BOB)]
        ann, bob = sender.to("user", ANN)[0], sender.to("user", BOB)[0]
        post = sender.to("channel", CHANNEL)[0]
        assert (
            "*This comes late: I was offline and missed 2 weekly reminders. Nothing is lost: here is where you are now.*"
            in ann.text
        )
        assert (
            "*This comes late: I was offline and missed 2 weekly reminders. Nothing is lost: here is where you are now.*"
            in bob.text
        )
        assert (
            "*This comes late: I was offline and missed 2 weekly posts. Nothing is lost: here is where the group is now.*"
            in post.text
        )
        assert ann.text.startswith("Week 4 of 36")  # where the learner is now, not where they were
        for sent in sender.sent:
            assert sent.at == clock.now
        assert await peek.delivery_state(store, "user", ANN, "2026-W52") == "sent"
        assert await peek.get_delivery(store, "user", ANN, "2026-W50") is None  # old slots are skipped, not sent
        assert await peek.get_delivery(store, "user", ANN, "2026-W51") is None

        # The same pass again sends nothing; then the normal rhythm, without the catch-up line.
        assert await scheduler.run_due(clock.now) == []
        sender.sent.clear()
        await travel(scheduler, clock, FIRST + weeks(5) + timedelta(hours=12))
        assert [s.due for s in sender.to("user", ANN)] == [FIRST + weeks(4), FIRST + weeks(5)]
        new_york_nine = FIRST + timedelta(hours=5)  # 09:00 EST
        assert [s.due for s in sender.to("user", BOB)] == [new_york_nine + weeks(4), new_york_nine + weeks(5)]
        assert len(sender.to("channel", CHANNEL)) == 2
        assert all("I was offline" not in s.text for s in sender.sent)
    finally:
        await store.close()


async def test_short_downtime_without_a_missed_slot_still_sends_once(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc)
    clock.now = FIRST + timedelta(days=2)  # the bot was down over Monday
    await scheduler.run_due(clock.now)
    await scheduler.run_due(clock.now)
    [dm] = sender.sent
    # Sent on Wednesday, the second-to-last day of week 1 (Ann started on a Friday): it announces week 2.
    assert dm.text.startswith("Week 2 of 36")
    assert "**Week 1 ends on Thursday; week 2 starts on Friday.**" in dm.text
    assert await svc.store.get_plan("user", ANN) == FIRST + weeks(1)


# ---------------------------------------------------------------- never twice


async def test_run_due_twice_at_the_same_now_sends_once(
    svc: Services, scheduler: Scheduler, sender: RecordingSender
) -> None:
    await learner(svc)
    await group(svc)
    first = await scheduler.run_due(FIRST)
    second = await scheduler.run_due(FIRST)
    assert [o.sent for o in first] == [True, True]
    assert second == []
    assert len(sender.sent) == 2


async def test_two_schedulers_on_one_store_send_once(svc: Services, sender: RecordingSender, clock: Clock) -> None:
    await learner(svc)
    a, b = Scheduler(svc, sender, clock, rate=0), Scheduler(svc, sender, clock, rate=0)
    await a.run_due(FIRST)
    await b.run_due(FIRST)
    assert len(sender.sent) == 1


async def test_a_stale_plan_of_a_sent_slot_is_moved_on_without_sending(
    svc: Services, scheduler: Scheduler, sender: RecordingSender
) -> None:
    # A crash after Discord accepted and the log said 'sent', but before the plan moved (not possible with
    # finish_delivery's single transaction, but the plan can also be set back by hand): no second message.
    await learner(svc)
    await scheduler.run_due(FIRST)
    await svc.store.set_plan("user", ANN, FIRST)
    [outcome] = await scheduler.run_due(FIRST + timedelta(minutes=1))
    assert outcome.skipped == "already sent"
    assert len(sender.sent) == 1
    assert await svc.store.get_plan("user", ANN) == FIRST + weeks(1)


async def test_a_sender_that_fails_after_sending_is_retried_with_the_same_nonce(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc)
    await learner(svc, BOB)
    sender.errors[("user", ANN)] = [("after", RuntimeError("connection reset after the POST"))]
    clock.now = FIRST
    outcomes = {o.target.target_id: o for o in await scheduler.run_due(FIRST)}
    assert outcomes[ANN].skipped == "error"
    assert outcomes[BOB].sent
    assert await peek.delivery_state(svc.store, "user", ANN, "2026-W49") == "sending"
    assert await svc.store.get_plan("user", ANN) == FIRST + timedelta(minutes=5)
    await travel(scheduler, clock, FIRST + timedelta(hours=1))
    first, again = sender.to("user", ANN)
    assert first.nonce == again.nonce  # Discord dedupes the repeat by its nonce
    assert again.at == FIRST + timedelta(minutes=5)
    delivery = await peek.get_delivery(svc.store, "user", ANN, "2026-W49")
    assert delivery is not None
    assert (delivery.state, delivery.attempts, delivery.nonce) == ("sent", 2, first.nonce)
    assert await svc.store.get_plan("user", ANN) == FIRST + weeks(1)


async def test_a_process_that_dies_after_begin_delivery_resends_with_the_same_nonce(
    shipped_index: ContentIndex, db_path: Path
) -> None:
    clock = Clock(FIRST)
    store = await Store.open(db_path)
    svc = Services(ContentHolder(CONTENT_DIR, shipped_index, NOW), store)
    await learner(svc, ANN, tz="Europe/Berlin")
    await group(svc)
    due_user = await store.get_plan("user", ANN)
    assert due_user == FIRST - timedelta(hours=1)
    # The dying process: it logged both deliveries as 'sending' (and may have sent them), then died.
    begun_user = await store.begin_delivery("user", ANN, slot_key(due_user, "Europe/Berlin"), FIRST)
    group_id = (await store.get_group_by_name(1, "Study")).id
    begun_group = await store.begin_delivery("group", group_id, slot_key(FIRST, "UTC"), FIRST)
    assert begun_user is not None and begun_group is not None
    await store.close()  # no finish_delivery: the plans still point at the slot

    store = await Store.open(db_path)
    try:
        svc = Services(ContentHolder(CONTENT_DIR, shipped_index, NOW), store)
        assert {d.nonce for d in await peek.pending_deliveries(store)} == {begun_user.nonce, begun_group.nonce}
        sender = RecordingSender(clock)
        clock.now = FIRST + timedelta(minutes=3)
        await Scheduler(svc, sender, clock, rate=0).run_due(clock.now)
        assert sender.to("user", ANN)[0].nonce == begun_user.nonce
        assert sender.to("channel", CHANNEL)[0].nonce == begun_group.nonce
        assert await peek.pending_deliveries(store) == []
        delivery = await peek.get_delivery(store, "user", ANN, "2026-W49")
        assert delivery is not None and (delivery.state, delivery.attempts) == ("sent", 2)
    finally:
        await store.close()


# ---------------------------------------------------------------- failures


async def test_closed_dms_mark_the_learner_and_others_still_get_theirs(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc, ANN)
    await learner(svc, BOB)
    await group(svc, members=(BOB,))
    sender.errors[("user", ANN)] = [DMClosedError("50007")]
    outcomes = {(o.target.kind, o.target.target_id): o for o in await scheduler.run_due(FIRST)}
    assert outcomes["user", ANN].skipped == "dms closed"
    assert outcomes["user", BOB].sent
    assert outcomes["group", 1].sent
    assert sum(o.sent for o in outcomes.values()) == 2
    assert [s.kind for s in sender.sent].count("channel") == 1  # only the group's own post
    learner_row = await svc.store.get_learner(ANN)
    assert learner_row is not None and learner_row.dm_undeliverable
    assert await svc.store.get_plan("user", ANN) is None
    assert await peek.delivery_state(svc.store, "user", ANN, "2026-W49") == "failed"
    await travel(scheduler, clock, FIRST + weeks(3))
    assert sender.to("user", ANN) == []
    assert len(sender.to("user", BOB)) == 4
    assert not any("<@101>" in s.reply.content for s in sender.sent)
    # /remind on says the DMs work again and plans the next one.
    await reminders.remind_on(svc, caller(ANN, clock.now))
    learner_row = await svc.store.get_learner(ANN)
    assert learner_row is not None and not learner_row.dm_undeliverable
    assert await svc.store.get_plan("user", ANN) == FIRST + weeks(4)


async def test_closed_dms_of_a_group_member_post_the_reminder_in_the_group_channel(
    svc: Services, scheduler: Scheduler, sender: RecordingSender
) -> None:
    await learner(svc, ANN)
    await group(svc, members=(ANN,))
    sender.errors[("user", ANN)] = [DMClosedError("50007")]
    outcomes = {o.target.kind: o for o in await scheduler.run_due(FIRST)}
    assert outcomes["user"].sent
    fallback, post = sorted(sender.to("channel", CHANNEL), key=lambda s: s.reply.content == "")
    assert fallback.reply.content.startswith(f"<@{ANN}>, your weekly reminder (I can't DM you")
    assert fallback.reply.cards[0].title.startswith("Week 1 of 36")
    assert fallback.reply.rows == ()  # the learner's buttons stay private
    assert post.nonce != fallback.nonce
    learner_row = await svc.store.get_learner(ANN)
    assert learner_row is not None and learner_row.dm_undeliverable
    assert await peek.delivery_state(svc.store, "user", ANN, "2026-W49") == "sent"


async def test_a_gone_channel_pauses_the_group(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc, ANN)
    group_id = await group(svc, members=(ANN,))
    sender.errors[("channel", CHANNEL)] = [ChannelGoneError("10003 Unknown Channel")]
    outcomes = {o.target.kind: o for o in await scheduler.run_due(FIRST)}
    assert outcomes["group"].skipped == "channel gone"
    assert outcomes["user"].sent
    found = await svc.store.get_group(group_id)
    assert found is not None and found.paused
    assert await svc.store.get_plan("group", group_id) is None
    await travel(scheduler, clock, FIRST + weeks(2))
    assert sender.to("channel", CHANNEL) == []


async def test_retry_later_backs_off_and_keeps_the_nonce(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc)
    sender.errors[("user", ANN)] = [RetryLaterError("503"), RetryLaterError("503"), RetryLaterError("timeout")]
    nonces = []
    attempts_at = []
    real_send = sender.send_user

    async def spy(user_id: int, reply: object, nonce: str, due: datetime) -> None:
        nonces.append(nonce)
        attempts_at.append(clock.now)
        await real_send(user_id, reply, nonce, due)  # type: ignore[arg-type]

    sender.send_user = spy  # type: ignore[method-assign]
    await travel(scheduler, clock, FIRST + timedelta(hours=2))
    minute = timedelta(minutes=1)
    assert attempts_at == [FIRST, FIRST + 5 * minute, FIRST + 15 * minute, FIRST + 35 * minute]
    assert len(set(nonces)) == 1
    [dm] = sender.sent
    assert dm.nonce == nonces[0]
    delivery = await peek.get_delivery(svc.store, "user", ANN, "2026-W49")
    assert delivery is not None and (delivery.state, delivery.attempts) == ("sent", 4)
    assert await svc.store.get_plan("user", ANN) == FIRST + weeks(1)


async def test_retry_later_gives_up_after_max_attempts_and_keeps_the_weekly_rhythm(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc)
    sender.errors[("user", ANN)] = [RetryLaterError("503") for _ in range(MAX_ATTEMPTS)]
    await travel(scheduler, clock, FIRST + timedelta(days=1))
    assert sender.sent == []
    delivery = await peek.get_delivery(svc.store, "user", ANN, "2026-W49")
    assert delivery is not None and delivery.state == "failed"
    assert await svc.store.get_plan("user", ANN) == FIRST + weeks(1)
    await travel(scheduler, clock, FIRST + weeks(1))
    assert [s.due for s in sender.sent] == [FIRST + weeks(1)]


async def test_one_target_raising_never_stalls_the_others(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc, ANN)
    await learner(svc, BOB)
    await learner(svc, CAT)
    await group(svc)
    sender.always[("user", BOB)] = ZeroDivisionError("a bug in the sender")
    outcomes = {o.target.target_id: o.skipped for o in await scheduler.run_due(FIRST) if o.target.kind == "user"}
    assert outcomes == {ANN: None, BOB: "error", CAT: None}
    assert len(sender.sent) == 3  # ANN, CAT and the group
    # BOB is looked at again after the retry delay, not in a tight loop, and the others keep their rhythm.
    assert await svc.store.get_plan("user", BOB) == FIRST + timedelta(minutes=5)
    for week in range(1, 3):
        clock.now = FIRST + weeks(week)
        await scheduler.run_due(clock.now)
    assert len(sender.to("user", ANN)) == len(sender.to("user", CAT)) == len(sender.to("channel", CHANNEL)) == 3
    # Fixed: the delivery BOB is due goes out, with the nonce it was first tried with.
    del sender.always[("user", BOB)]
    clock.now += timedelta(minutes=5)
    await scheduler.run_due(clock.now)
    [bob] = sender.to("user", BOB)
    delivery = await peek.get_delivery(svc.store, "user", BOB, slot_key(clock.now, "UTC"))
    assert delivery is not None and delivery.state == "sent" and bob.nonce == delivery.nonce
    assert delivery.attempts == 2


async def test_a_compose_failure_is_isolated_too(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.reminders import scheduler as scheduler_module

    await learner(svc, ANN)
    await learner(svc, BOB)
    real = scheduler_module.compose_user

    async def broken(svc_: Services, user_id: int, now: datetime, missed: int = 0) -> object:
        if user_id == ANN:
            raise KeyError("content changed under us")
        return await real(svc_, user_id, now, missed)

    monkeypatch.setattr(scheduler_module, "compose_user", broken)
    outcomes = {o.target.target_id: o for o in await scheduler.run_due(FIRST)}
    assert outcomes[ANN].skipped == "error"
    assert outcomes[BOB].sent


async def test_a_finished_path_sends_the_completion_message_once_then_nothing(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    start = (NOW - weeks(35)).date().isoformat()  # NOW is in week 36 of 36
    await learner(svc, start=start)
    await travel(scheduler, clock, NOW + weeks(6))
    last_week, done = sender.to("user", ANN)
    assert last_week.text.startswith("Week 36 of 36")
    # Nothing ticked: no cheer, but time is up and what is left.
    assert "⏳ Time is up: the 36 weeks of Backend Engineer are over, with 15 of 15 checklist items still open." in (
        done.text
    )
    assert "This is your last weekly reminder for it." in done.text
    assert "Still open:\n  ⬜ Understand HTTP and web protocols" in done.text
    assert "…and 10 more in `/checklist`" in done.text
    assert "Congratulations" not in done.text and "🎉" not in done.text
    assert done.due == FIRST + weeks(1)
    assert done.reply.rows == ()  # no buttons for a finished path
    assert await svc.store.get_plan("user", ANN) is None
    enrollment = await svc.store.get_enrollment(ANN, "backend-engineer")
    assert enrollment is not None and enrollment.status == "completed"


async def test_the_completion_message_survives_a_retry(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc, start=(NOW - weeks(36)).date().isoformat())  # finished by the first reminder
    sender.errors[("user", ANN)] = [RetryLaterError("503")]
    await travel(scheduler, clock, NOW + weeks(3))
    [done] = sender.to("user", ANN)
    assert "This is your last weekly reminder for it." in done.text
    assert await svc.store.get_plan("user", ANN) is None


async def test_previewing_a_finished_path_does_not_swallow_its_completion_message(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc, start=(NOW - weeks(36)).date().isoformat())
    preview = await reminders.remind_preview(svc, caller(ANN, NOW))
    assert "This is your last weekly reminder for it." in "".join(c.description or "" for c in preview.cards)
    await travel(scheduler, clock, NOW + weeks(2))
    [done] = sender.to("user", ANN)
    assert "This is your last weekly reminder for it." in done.text


async def test_a_finished_group_posts_its_last_message_once(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    group_id = await group(svc)
    await travel(scheduler, clock, NOW + weeks(40))
    posts = sender.to("channel", CHANNEL)
    assert posts[0].text.startswith("Study · Week 1 of 36 · Backend Engineer")
    assert "The group's 36 weeks of Backend Engineer are over. This is the group's last weekly post." in (
        posts[-1].text
    )
    assert posts[-1].text.startswith("Study · Finished · Backend Engineer")
    assert not [p for p in posts if "🎉" in p.text]  # no member, nothing ticked: nothing to cheer
    assert posts[-1].reply.rows == ()
    assert len(posts) == 37
    assert await svc.store.get_plan("group", group_id) is None


async def test_paused_and_off_targets_are_skipped_at_send_time(
    svc: Services, scheduler: Scheduler, sender: RecordingSender
) -> None:
    # Settings changed behind the plan's back (e.g. by an older bot version): the pass notices.
    await learner(svc, ANN)
    await learner(svc, BOB)
    settings = await svc.store.get_reminder_settings(ANN)
    assert settings is not None
    await svc.store.set_reminder_settings(ANN, enabled=False, weekday=0, local_time=settings.local_time, now=NOW)
    until = FIRST + timedelta(days=10)
    await svc.store.set_reminder_settings(
        BOB, enabled=True, weekday=0, local_time=settings.local_time, now=NOW, paused_until=until
    )
    outcomes = {o.target.target_id: o.skipped for o in await scheduler.run_due(FIRST)}
    assert outcomes == {ANN: "off", BOB: "paused"}
    assert sender.sent == []
    assert await svc.store.get_plan("user", ANN) is None
    assert await svc.store.get_plan("user", BOB) == FIRST + weeks(2)


async def test_rate_limiter_spaces_calls_without_real_time(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.reminders import scheduler as scheduler_module

    now = [100.0]
    slept: list[float] = []

    async def fake_sleep(delay: float) -> None:
        slept.append(delay)
        now[0] += delay

    monkeypatch.setattr(scheduler_module.asyncio, "sleep", fake_sleep)
    limiter = RateLimiter(4.0, clock=lambda: now[0])
    for _ in range(3):
        await limiter.wait()
    assert slept == [0.25, 0.25]
    assert RateLimiter(0).interval == 0.0


async def test_the_run_loop_wakes_on_plan_changes_and_stops(
    svc: Services, sender: RecordingSender, clock: Clock
) -> None:
    import asyncio

    clock.now = FIRST + timedelta(minutes=1)
    scheduler = Scheduler(svc, sender, clock, rate=0)
    got_one = asyncio.Event()
    real_send = sender.send_user

    async def send_and_signal(*args: object) -> None:
        await real_send(*args)  # type: ignore[arg-type]
        got_one.set()

    sender.send_user = send_and_signal  # type: ignore[method-assign]
    task = asyncio.create_task(scheduler.run())
    try:
        # Nothing is planned: the loop waits (up to an hour) until a handler changes a plan.
        await learner(svc, now=NOW)  # plans Monday 09:00, already past on this clock, and wakes the loop
        await asyncio.wait_for(got_one.wait(), timeout=10)
        assert [s.due for s in sender.sent] == [FIRST]
    finally:
        scheduler.stop()
        await asyncio.wait_for(task, timeout=10)
    assert task.done() and task.exception() is None


async def test_the_run_loop_survives_a_failing_pass(svc: Services, sender: RecordingSender, clock: Clock) -> None:
    import asyncio

    scheduler = Scheduler(svc, sender, clock, rate=0)
    failed = asyncio.Event()

    async def broken(now: datetime, limit: int = 500) -> list:
        failed.set()
        raise RuntimeError("database is locked")

    scheduler.run_due = broken  # type: ignore[method-assign]
    task = asyncio.create_task(scheduler.run())
    await asyncio.wait_for(failed.wait(), timeout=10)
    scheduler.stop()  # wakes the minute's wait at once
    await asyncio.wait_for(task, timeout=10)
    assert task.exception() is None


async def test_paths_and_groups_no_longer_in_the_content_are_deferred(
    svc: Services, scheduler: Scheduler, sender: RecordingSender
) -> None:
    from datetime import time

    await svc.store.enroll(ANN, "ghost-role", None, None, NOW)
    await reminders.remind_on(svc, caller(ANN))
    ghost = await svc.store.create_group(
        guild_id=1,
        name="Ghosts",
        role="ghost-role",
        channel_id=CHANNEL,
        weekday=0,
        local_time=time(9),
        timezone="UTC",
        created_by=None,
        now=NOW,
    )
    from bot.reminders.planning import replan_group

    await replan_group(svc, ghost.id, NOW)
    outcomes = {o.target.kind: o.skipped for o in await scheduler.run_due(FIRST)}
    assert outcomes == {"user": "deferred", "group": "deferred"}
    assert sender.sent == []
    # Nothing is recorded for the week, and the plan looks again soon: the path may come back.
    assert await peek.delivery_state(svc.store, "user", ANN, "2026-W49") is None
    assert await peek.delivery_state(svc.store, "group", ghost.id, "2026-W49") is None
    assert await svc.store.get_plan("user", ANN) == FIRST + timedelta(minutes=30)
    assert await svc.store.get_plan("group", ghost.id) == FIRST + timedelta(minutes=30)


async def test_a_path_that_starts_later_gets_a_look_ahead(
    svc: Services, scheduler: Scheduler, sender: RecordingSender
) -> None:
    await learner(svc, start="2026-12-10")
    await scheduler.run_due(FIRST)
    [dm] = sender.sent
    assert "Your path starts in 10 days. A look at what comes first:" in dm.text


async def test_closed_dms_fall_back_only_to_a_reachable_group(
    svc: Services, scheduler: Scheduler, sender: RecordingSender
) -> None:
    await learner(svc, ANN)
    paused = await group(svc, "Paused", members=(ANN,), channel=CHANNEL + 1)
    await group(svc, "Gone", members=(ANN,), channel=CHANNEL + 2)
    await svc.store.set_group_paused(paused, True)
    sender.errors[("user", ANN)] = [DMClosedError("50007")]
    sender.always[("channel", CHANNEL + 2)] = ChannelGoneError("10003")
    outcomes = {(o.target.kind, o.target.target_id): o.skipped for o in await scheduler.run_due(FIRST)}
    assert outcomes[("user", ANN)] == "dms closed"
    assert sender.sent == []
    assert await svc.store.get_plan("user", ANN) is None


async def test_a_retry_that_crosses_into_the_next_week_keeps_its_slot_and_nonce(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    # Sunday 23:50: the retries run past midnight, into the next ISO week.
    await learner(svc, day="sunday", time="23:50")
    sunday = datetime(2026, 11, 29, 23, 50, tzinfo=UTC)
    assert await svc.store.get_plan("user", ANN) == sunday
    sender.errors[("user", ANN)] = [("after", RetryLaterError("timeout")), RetryLaterError("503")]
    await travel(scheduler, clock, sunday + weeks(2) + timedelta(hours=1))
    first, retried, *weekly = sender.sent
    assert retried.at == sunday + timedelta(minutes=15)  # Monday 00:05, after 5 and 10 minutes
    assert retried.nonce == first.nonce  # Discord sees the same message again, not a second one
    assert await peek.delivery_state(svc.store, "user", ANN, "2026-W48") == "sent"
    # The next week's own reminder still comes: the retry did not use up its slot.
    assert [s.due for s in weekly] == [sunday + weeks(1), sunday + weeks(2)]


async def test_an_unexpected_error_retried_past_midnight_keeps_its_slot(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc, day="sunday", time="23:58")
    sunday = datetime(2026, 11, 29, 23, 58, tzinfo=UTC)
    sender.errors[("user", ANN)] = [("after", ConnectionResetError("reset"))]
    await travel(scheduler, clock, sunday + weeks(1) + timedelta(hours=1))
    first, retried, weekly = sender.sent
    assert retried.at == sunday + timedelta(minutes=5)
    assert retried.nonce == first.nonce
    assert weekly.due == sunday + weeks(1)


async def test_with_closed_dms_the_group_channel_gets_the_reminder_every_week(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc, ANN)
    await group(svc, members=(ANN,))
    attempts: list[datetime] = []
    real_send = sender.send_user

    async def closed(user_id: int, *args: object) -> None:
        attempts.append(clock.now)
        raise DMClosedError("50007")

    sender.send_user = closed  # type: ignore[method-assign]
    await travel(scheduler, clock, FIRST + weeks(2) + timedelta(hours=1))
    fallbacks = [s for s in sender.to("channel", CHANNEL) if s.reply.content.startswith(f"<@{ANN}>")]
    assert [s.due for s in fallbacks] == [FIRST, FIRST + weeks(1), FIRST + weeks(2)]
    assert attempts == [FIRST]  # known closed: no DM is tried again until the learner says so
    assert len({s.nonce for s in sender.sent}) == len(sender.sent)
    # /remind set says where the reminder goes; /remind on tries DMs again.
    reply = await reminders.remind_set(svc, caller(ANN, clock.now), time="10:00")
    assert reply.content.endswith(
        "Next one: Monday 2026-12-21 10:00 (UTC) in your study group's channel (your DMs are closed to me)."
    )
    sender.send_user = real_send  # type: ignore[method-assign]
    await reminders.remind_on(svc, caller(ANN, clock.now))
    await travel(scheduler, clock, FIRST + weeks(3) + timedelta(hours=2))
    assert [s.due for s in sender.to("user", ANN)] == [FIRST + weeks(3) + timedelta(hours=1)]


async def test_with_closed_dms_and_no_group_the_settings_replies_say_why_nothing_is_planned(
    svc: Services, scheduler: Scheduler, sender: RecordingSender
) -> None:
    await learner(svc, ANN)
    sender.errors[("user", ANN)] = [DMClosedError("50007")]
    await scheduler.run_due(FIRST)
    for reply in (
        await reminders.remind_set(svc, caller(ANN, FIRST), time="10:00"),
        await reminders.remind_pause(svc, caller(ANN, FIRST), "2026-12-20"),
    ):
        assert "start-learning" not in reply.content
        assert "Nothing is planned: your DMs are closed to me." in reply.content
    assert await svc.store.get_plan("user", ANN) is None
