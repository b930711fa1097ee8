"""The reminder plan and the delivery log: CRUD, due ordering, index use and the delivery protocol."""

import sqlite3
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from bot.store import Store
from bot.store import reminders as reminders_module
from bot.store.reminders import DUE_TARGETS_SQL as _DUE_TARGETS_SQL
from bot.store.sql import Work
from tests import peek

WEEK = timedelta(weeks=1)


# ---------------------------------------------------------------------- the plan


async def test_plan_crud(store: Store, now: datetime) -> None:
    assert await store.get_plan("user", 1) is None
    await store.set_plan("user", 1, now + WEEK)
    assert await store.get_plan("user", 1) == now + WEEK
    assert await store.get_plan("group", 1) is None  # kinds are separate namespaces
    await store.set_plan("user", 1, now + 2 * WEEK)  # replaces
    assert await store.get_plan("user", 1) == now + 2 * WEEK
    assert await store.clear_plan("user", 1) is True
    assert await store.clear_plan("user", 1) is False
    assert await store.get_plan("user", 1) is None


async def test_plan_is_stored_in_utc_whatever_the_input_zone(store: Store, now: datetime) -> None:
    paris_winter = timezone(timedelta(hours=1))
    await store.set_plan("group", 3, datetime(2025, 3, 3, 10, 0, tzinfo=paris_winter))
    assert await store.get_plan("group", 3) == now
    [row] = await peek.query(store, "SELECT next_due FROM reminder_plan")
    assert row[0] == "2025-03-03T09:00:00.000000+00:00"


async def test_plan_rejects_bad_input(store: Store, now: datetime) -> None:
    with pytest.raises(ValueError, match="naive"):
        await store.set_plan("user", 1, datetime(2025, 1, 1))  # noqa: DTZ001 - the point of the test
    with pytest.raises(ValueError, match="target kind"):
        await store.set_plan("channel", 1, now)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="limit"):
        await store.due_targets(now, limit=0)
    with pytest.raises(ValueError, match="naive"):
        await store.due_targets(datetime(2025, 1, 1))  # noqa: DTZ001
    assert await store.earliest_due() is None


async def test_due_targets_are_ordered_and_limited(store: Store, now: datetime) -> None:
    assert await store.due_targets(now) == []
    plans = [
        ("user", 5, now - timedelta(minutes=1)),
        ("group", 2, now - timedelta(hours=3)),
        ("user", 1, now),  # due exactly now counts
        ("user", 9, now + timedelta(microseconds=1)),  # not yet
        ("group", 1, now - timedelta(hours=3)),  # ties break by kind, then id
        ("user", 3, now - timedelta(hours=3)),
    ]
    for kind, target_id, due in plans:
        await store.set_plan(kind, target_id, due)
    due = await store.due_targets(now)
    assert [(t.kind, t.target_id) for t in due] == [("group", 1), ("group", 2), ("user", 3), ("user", 5), ("user", 1)]
    assert due[0].next_due == now - timedelta(hours=3)
    assert due[0].next_due.tzinfo is not None
    assert [(t.kind, t.target_id) for t in await store.due_targets(now, limit=2)] == [("group", 1), ("group", 2)]
    assert await store.earliest_due() == now - timedelta(hours=3)
    assert len(await store.due_targets(now + WEEK)) == 6


@pytest.mark.sqlite_only
async def test_due_queries_use_the_index(store: Store, db_path: Path, now: datetime) -> None:
    await store.set_plan("user", 1, now)
    conn = sqlite3.connect(db_path)
    try:
        due_plan = " | ".join(r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN {_DUE_TARGETS_SQL}", ("x", 500)))
        min_plan = " | ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN SELECT MIN(next_due) FROM reminder_plan"))
    finally:
        conn.close()
    # A range search on the covering index, already in ORDER BY order: no scan, no sort.
    assert "COVERING INDEX reminder_plan_by_due (next_due<?)" in due_plan, due_plan
    assert "TEMP B-TREE" not in due_plan, due_plan
    assert "reminder_plan_by_due" in min_plan, min_plan


async def test_plan_changes_call_the_listeners(store: Store, now: datetime) -> None:
    woken: list[str] = []
    store.on_plans_changed(lambda: woken.append("a"))
    remove_b = store.on_plans_changed(lambda: woken.append("b"))
    await store.set_plan("user", 1, now)
    assert woken == ["a", "b"]
    woken.clear()
    assert await store.clear_plan("user", 2) is False  # nothing changed: no wake-up
    assert woken == []
    remove_b()
    await store.clear_plan("user", 1)
    assert woken == ["a"]


async def test_a_failing_listener_does_not_fail_the_write(store: Store, now: datetime) -> None:
    woken: list[bool] = []

    def broken() -> None:
        raise RuntimeError("listener bug")

    store.on_plans_changed(broken)
    store.on_plans_changed(lambda: woken.append(True))
    await store.set_plan("group", 4, now)
    assert woken == [True]
    assert await store.get_plan("group", 4) == now


# ---------------------------------------------------------------------- the delivery protocol


async def test_delivery_sent_once(store: Store, now: datetime) -> None:
    await store.set_plan("user", 1, now)
    delivery = await store.begin_delivery("user", 1, "2025-W10", now)
    assert delivery is not None
    assert (delivery.kind, delivery.target_id, delivery.slot, delivery.state) == ("user", 1, "2025-W10", "sending")
    assert delivery.attempts == 1
    assert delivery.error is None
    assert delivery.created_at == delivery.updated_at == now
    assert len(delivery.nonce) == 25
    int(delivery.nonce, 16)  # hex
    assert await peek.delivery_state(store, "user", 1, "2025-W10") == "sending"
    assert await store.get_plan("user", 1) == now  # still due until finished

    later = now + timedelta(seconds=2)
    assert await store.finish_delivery("user", 1, "2025-W10", later, now + WEEK) is True
    assert await peek.delivery_state(store, "user", 1, "2025-W10") == "sent"
    assert await store.get_plan("user", 1) == now + WEEK
    sent = await peek.get_delivery(store, "user", 1, "2025-W10")
    assert sent is not None
    assert (sent.nonce, sent.attempts, sent.created_at, sent.updated_at) == (delivery.nonce, 1, now, later)

    # A second attempt at the same slot must not send again, nor move the plan.
    assert await store.begin_delivery("user", 1, "2025-W10", later) is None
    assert await store.finish_delivery("user", 1, "2025-W10", later, now + 5 * WEEK) is False
    assert await store.fail_delivery("user", 1, "2025-W10", later, "late", None) is False
    assert await store.get_plan("user", 1) == now + WEEK
    assert await peek.delivery_state(store, "user", 1, "2025-W10") == "sent"
    assert await peek.pending_deliveries(store) == []


async def test_each_slot_and_target_gets_its_own_nonce(store: Store, now: datetime) -> None:
    nonces = set()
    for kind, target_id, slot in [("user", 1, "a"), ("user", 1, "b"), ("user", 2, "a"), ("group", 1, "a")]:
        delivery = await store.begin_delivery(kind, target_id, slot, now)
        assert delivery is not None
        nonces.add(delivery.nonce)
    assert len(nonces) == 4
    assert await peek.delivery_state(store, "group", 2, "a") is None
    assert await peek.get_delivery(store, "group", 2, "a") is None


async def test_crash_mid_send_resends_with_the_same_nonce(target: str | Path, now: datetime) -> None:
    async with await Store.open(target) as store:
        await store.set_plan("group", 7, now)
        first = await store.begin_delivery("group", 7, "2025-W10", now)
        assert first is not None
        # ... the process dies here: no finish_delivery.
    restart = now + timedelta(minutes=1)
    async with await Store.open(target) as store:
        [pending] = await peek.pending_deliveries(store)
        assert (pending.kind, pending.target_id, pending.slot, pending.nonce) == ("group", 7, "2025-W10", first.nonce)
        assert pending.updated_at == now  # when the interrupted attempt began: is Discord's window over?
        assert await store.get_plan("group", 7) == now  # nothing skipped: still due
        assert [t.target_id for t in await store.due_targets(restart)] == [7]
        again = await store.begin_delivery("group", 7, "2025-W10", restart)
        assert again is not None
        assert (again.nonce, again.attempts, again.state) == (first.nonce, 2, "sending")
        assert (again.created_at, again.updated_at) == (now, restart)
        assert await store.finish_delivery("group", 7, "2025-W10", restart, now + WEEK) is True
        assert await peek.pending_deliveries(store) == []
        assert await store.due_targets(restart) == []


async def test_failed_delivery_advances_the_plan_and_can_be_retried(store: Store, now: datetime) -> None:
    await store.set_plan("user", 1, now)
    first = await store.begin_delivery("user", 1, "w", now)
    assert first is not None
    assert await store.fail_delivery("user", 1, "w", now, "503 Service Unavailable " + "x" * 5000, now + WEEK)
    failed = await peek.get_delivery(store, "user", 1, "w")
    assert failed is not None
    assert failed.state == "failed"
    assert failed.error is not None
    assert failed.error.startswith("503")
    assert len(failed.error) == 1000
    assert await store.get_plan("user", 1) == now + WEEK
    # A retry of a failed slot reuses the nonce: Discord dedupes it if the failure was only on our side.
    retry = await store.begin_delivery("user", 1, "w", now + timedelta(hours=1))
    assert retry is not None
    assert (retry.nonce, retry.attempts, retry.state) == (first.nonce, 2, "sending")
    assert await store.finish_delivery("user", 1, "w", now, now + WEEK)
    done = await peek.get_delivery(store, "user", 1, "w")
    assert done is not None
    assert (done.state, done.error) == ("sent", None)


async def test_finishing_with_no_next_due_clears_the_plan(store: Store, now: datetime) -> None:
    await store.set_plan("user", 1, now)
    await store.set_plan("user", 2, now)
    for user in (1, 2):
        assert await store.begin_delivery("user", user, "last", now) is not None
    woken: list[bool] = []
    store.on_plans_changed(lambda: woken.append(True))
    assert await store.finish_delivery("user", 1, "last", now, None)
    assert woken == [True]
    assert await store.fail_delivery("user", 2, "last", now, "path finished", None)
    assert await store.get_plan("user", 1) is None
    assert await store.get_plan("user", 2) is None
    assert await store.earliest_due() is None


async def test_finish_is_atomic(store: Store, now: datetime, monkeypatch: pytest.MonkeyPatch) -> None:
    await store.set_plan("user", 1, now)
    assert await store.begin_delivery("user", 1, "w", now) is not None

    def broken_set_plan(*args: object) -> Work[None]:
        raise OSError("disk I/O error")
        yield  # a unit of work: a generator

    monkeypatch.setattr(reminders_module, "set_plan", broken_set_plan)
    with pytest.raises(OSError, match="disk I/O"):
        await store.finish_delivery("user", 1, "w", now, now + WEEK)
    # Neither half happened: still 'sending' and still due, so the retry resends (same nonce).
    assert await peek.delivery_state(store, "user", 1, "w") == "sending"
    assert await store.get_plan("user", 1) == now
    monkeypatch.undo()
    assert await store.finish_delivery("user", 1, "w", now, now + WEEK)
    assert await store.get_plan("user", 1) == now + WEEK


async def test_finish_after_the_target_was_deleted_does_not_resurrect_it(store: Store, now: datetime) -> None:
    await store.set_plan("user", 1, now)
    await store.set_reminder_settings(1, enabled=True, weekday=0, local_time=time(9, 0), now=now)
    assert await store.begin_delivery("user", 1, "w", now) is not None
    await store.delete_user(1)  # the learner ran /delete while their DM was in flight
    assert await store.finish_delivery("user", 1, "w", now, now + WEEK) is False
    assert await store.get_plan("user", 1) is None
    assert await peek.get_delivery(store, "user", 1, "w") is None


async def test_delivery_input_is_validated(store: Store, now: datetime) -> None:
    with pytest.raises(ValueError, match="slot"):
        await store.begin_delivery("user", 1, "", now)
    with pytest.raises(ValueError, match="slot"):
        await store.begin_delivery("user", 1, "x" * 65, now)
    with pytest.raises(ValueError, match="target kind"):
        await store.begin_delivery("dm", 1, "w", now)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="naive"):
        await store.begin_delivery("user", 1, "w", datetime(2025, 1, 1))  # noqa: DTZ001
    assert await store.begin_delivery("user", 1, "w", now) is not None
    with pytest.raises(TypeError, match="error"):
        await store.fail_delivery("user", 1, "w", now, None, None)  # type: ignore[arg-type]
    assert await peek.delivery_state(store, "user", 1, "w") == "sending"


# ---------------------------------------------------------------------- unreachable targets


async def test_closed_dms_stop_the_learners_reminders(store: Store, now: datetime) -> None:
    await store.ensure_learner(1, now)
    await store.set_plan("user", 1, now)
    await store.set_plan("user", 2, now)
    assert await store.begin_delivery("user", 1, "w", now) is not None
    assert await store.mark_dm_undeliverable(1, now + timedelta(seconds=1)) is True
    learner = await store.get_learner(1)
    assert learner is not None
    assert learner.dm_undeliverable is True
    assert await store.get_plan("user", 1) is None
    assert await store.get_plan("user", 2) == now  # others untouched
    failed = await peek.get_delivery(store, "user", 1, "w")
    assert failed is not None
    assert (failed.state, failed.error) == ("failed", "DMs closed")
    assert await peek.pending_deliveries(store) == []
    assert await store.mark_dm_undeliverable(404, now) is False


async def test_missing_channel_pauses_the_group(store: Store, now: datetime) -> None:
    group = await store.create_group(
        guild_id=1,
        name="g",
        role="r",
        channel_id=5,
        weekday=0,
        local_time=time(9, 0),
        timezone="UTC",
        created_by=None,
        now=now,
    )
    await store.set_plan("group", group.id, now)
    assert await store.begin_delivery("group", group.id, "w", now) is not None
    assert await store.pause_group_for_missing_channel(group.id, now, "404 Unknown Channel") is True
    paused = await store.get_group(group.id)
    assert paused is not None
    assert paused.paused is True
    assert await store.get_plan("group", group.id) is None
    assert await peek.delivery_state(store, "group", group.id, "w") == "failed"
    assert await store.pause_group_for_missing_channel(group.id + 1, now) is False


async def test_deleting_a_group_drops_its_plan_and_log(store: Store, now: datetime) -> None:
    group = await store.create_group(
        guild_id=1,
        name="g",
        role="r",
        channel_id=5,
        weekday=0,
        local_time=time(9, 0),
        timezone="UTC",
        created_by=None,
        now=now,
    )
    await store.set_plan("group", group.id, now)
    await store.set_plan("user", group.id, now)  # same number, other kind: kept
    assert await store.begin_delivery("group", group.id, "w", now) is not None
    assert await store.delete_group(group.id) is True
    assert await store.get_plan("group", group.id) is None
    assert await peek.get_delivery(store, "group", group.id, "w") is None
    assert await store.get_plan("user", group.id) == now


async def test_user_export_and_deletion_cover_reminders(store: Store, now: datetime) -> None:
    await store.enroll(1, "r", None, date(2025, 3, 3), now)
    await store.set_plan("user", 1, now + WEEK)
    await store.set_plan("user", 2, now + WEEK)
    assert await store.begin_delivery("user", 1, "2025-W10", now) is not None
    assert await store.finish_delivery("user", 1, "2025-W10", now, now + WEEK)
    export = await store.export_user(1)
    assert export["reminder_next_due"] == (now + WEEK).isoformat()
    [delivery] = export["reminder_deliveries"]
    assert (delivery["slot"], delivery["state"], delivery["created_at"]) == ("2025-W10", "sent", now.isoformat())
    empty = await store.export_user(404)
    assert empty["reminder_next_due"] is None
    assert empty["reminder_deliveries"] == []

    assert await store.delete_user(1) == 1 + 1 + 1 + 1  # learner, enrollment, plan, delivery
    assert await store.get_plan("user", 1) is None
    assert await peek.get_delivery(store, "user", 1, "2025-W10") is None
    assert await store.get_plan("user", 2) == now + WEEK


async def test_delivery_times_are_utc(store: Store) -> None:
    tokyo = timezone(timedelta(hours=9))
    delivery = await store.begin_delivery("user", 1, "w", datetime(2025, 3, 3, 18, 0, tzinfo=tokyo))
    assert delivery is not None
    assert delivery.created_at == datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
    assert delivery.created_at.utcoffset() == timedelta(0)
