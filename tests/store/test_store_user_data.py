"""Whole-user export and deletion, meta settings, time validation and the store's lifecycle."""

import json
from collections.abc import Awaitable, Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.store import LATEST_VERSION, Store, StoreClosedError
from tests import peek

ME, OTHER = 111, 222


async def populate(store: Store, now: datetime, user_id: int, guild_id: int) -> int:
    """Store one of everything about `user_id`; return the id of the group they created."""
    await store.set_timezone(user_id, "Europe/Paris", now)
    await store.set_progress_visible(user_id, True, now)
    await store.enroll(user_id, "data-analyst", "relaxed", date(2025, 1, 6), now)
    await store.enroll(user_id, "backend", None, date(2024, 9, 2), now)
    await store.stop_enrollment(user_id, "backend", now)
    await store.set_item_done(user_id, "data-analyst", "w1-sql", now, proof="https://example.com/proof")
    await store.set_item_done(user_id, "backend", "w1-http", now)
    await store.add_checkin(user_id, "data-analyst", now)
    await store.set_reminder_settings(user_id, enabled=True, weekday=1, local_time=time(8, 15), now=now)
    group = await store.create_group(
        guild_id=guild_id,
        name=f"group of {user_id}",
        role="data-analyst",
        channel_id=9,
        weekday=2,
        local_time=time(19, 0),
        timezone="UTC",
        created_by=user_id,
        now=now,
    )
    await store.join_group(group.id, user_id, now)
    return group.id


async def test_export_contains_everything(store: Store, now: datetime) -> None:
    group_id = await populate(store, now, ME, guild_id=1)
    other_group = await populate(store, now, OTHER, guild_id=2)
    await store.join_group(other_group, ME, now + timedelta(hours=1))

    export = await store.export_user(ME)
    assert json.loads(json.dumps(export)) == export  # JSON-serialisable, losslessly
    assert export["format"] == "waymark-user-export"
    assert export["schema_version"] == LATEST_VERSION
    assert export["user_id"] == ME
    assert export["learner"] == {
        "user_id": ME,
        "timezone": "Europe/Paris",
        "progress_visible": True,
        "dm_undeliverable": False,
        "created_at": now.isoformat(),
    }
    assert {(e["role"], e["status"], e["pace"], e["start_date"]) for e in export["enrollments"]} == {
        ("data-analyst", "active", "relaxed", "2025-01-06"),
        ("backend", "stopped", None, "2024-09-02"),
    }
    assert sorted((p["role"], p["item_id"], p["proof"]) for p in export["checklist_progress"]) == [
        ("backend", "w1-http", None),
        ("data-analyst", "w1-sql", "https://example.com/proof"),
    ]
    assert export["checkins"] == [{"role": "data-analyst", "checked_at": now.isoformat()}]
    assert export["reminder_settings"]["local_time"] == "08:15"
    assert export["reminder_settings"]["weekday"] == 1
    assert [(m["group_id"], m["guild_id"]) for m in export["group_memberships"]] == [(group_id, 1), (other_group, 2)]
    assert export["group_memberships"][1]["group_name"] == f"group of {OTHER}"
    assert [g["id"] for g in export["groups_created"]] == [group_id]
    assert str(OTHER) not in json.dumps({k: v for k, v in export.items() if k != "group_memberships"})


async def test_export_of_unknown_user_is_empty(store: Store) -> None:
    export = await store.export_user(404)
    assert export["learner"] is None
    assert export["reminder_settings"] is None
    assert export["enrollments"] == export["checklist_progress"] == export["group_memberships"] == []


async def count_rows(store: Store, user_id: int) -> dict[str, int]:
    counts = {}
    for table in ("learners", "enrollments", "checklist_progress", "checkins", "reminder_settings", "group_members"):
        [row] = await peek.query(store, f"SELECT COUNT(*) FROM {table} WHERE user_id = ?", user_id)
        counts[table] = row[0]
    return counts


async def test_delete_user_removes_everything_and_nothing_else(store: Store, now: datetime) -> None:
    my_group = await populate(store, now, ME, guild_id=1)
    other_group = await populate(store, now, OTHER, guild_id=2)
    await store.join_group(other_group, ME, now)
    await store.join_group(my_group, OTHER, now)
    other_before = await store.export_user(OTHER)
    before = await count_rows(store, ME)

    deleted = await store.delete_user(ME)

    # The rows about me, and the meta key that says I chose who sees my progress.
    assert deleted == sum(before.values()) + 1 == 1 + 2 + 2 + 1 + 1 + 2 + 1
    assert await count_rows(store, ME) == dict.fromkeys(before, 0)
    assert await store.visibility_chosen(ME) is False
    assert await store.visibility_chosen(OTHER) is True
    export = await store.export_user(ME)
    assert export["learner"] is None
    assert export["enrollments"] == export["checklist_progress"] == export["group_memberships"] == []
    assert export["groups_created"] == []
    # The group I created lives on for its other members, no longer naming me.
    group = await store.get_group(my_group)
    assert group is not None
    assert group.created_by is None
    assert [m.user_id for m in await store.group_members(my_group)] == [OTHER]
    assert [m.user_id for m in await store.group_members(other_group)] == [OTHER]
    assert await store.export_user(OTHER) == other_before
    assert await store.delete_user(ME) == 0


async def test_meta(store: Store) -> None:
    assert await store.get_meta("commands_hash") is None
    await store.set_meta("commands_hash", "abc")
    await store.set_meta("commands_hash", "def")
    assert await store.get_meta("commands_hash") == "def"
    assert await store.delete_meta("commands_hash") is True
    assert await store.delete_meta("commands_hash") is False
    assert await store.get_meta("commands_hash") is None
    with pytest.raises(TypeError):
        await store.set_meta("n", 3)  # type: ignore[arg-type]


NAIVE = datetime(2025, 3, 3, 9, 0)  # noqa: DTZ001 - deliberately naive

NaiveCall = Callable[[Store], Awaitable[object]]
NAIVE_CALLS: dict[str, NaiveCall] = {
    "ensure_learner": lambda s: s.ensure_learner(1, NAIVE),
    "set_timezone": lambda s: s.set_timezone(1, "UTC", NAIVE),
    "set_progress_visible": lambda s: s.set_progress_visible(1, True, NAIVE),
    "enroll": lambda s: s.enroll(1, "r", None, None, NAIVE),
    "stop_enrollment": lambda s: s.stop_enrollment(1, "r", NAIVE, forget=True),
    "set_enrollment_status": lambda s: s.set_enrollment_status(1, "r", "stopped", NAIVE),
    "set_item_done": lambda s: s.set_item_done(1, "r", "i", NAIVE),
    "set_reminder_settings": lambda s: s.set_reminder_settings(
        1, enabled=True, weekday=0, local_time=time(9), now=NAIVE
    ),
    "create_group": lambda s: s.create_group(
        guild_id=1,
        name="g",
        role="r",
        channel_id=2,
        weekday=0,
        local_time=time(9),
        timezone="UTC",
        created_by=1,
        now=NAIVE,
    ),
}


@pytest.mark.parametrize("call", NAIVE_CALLS.values(), ids=NAIVE_CALLS.keys())
async def test_naive_datetimes_are_rejected_before_writing(store: Store, now: datetime, call: NaiveCall) -> None:
    await store.enroll(1, "r", None, date(2025, 1, 6), now)
    await store.set_item_done(1, "r", "kept", now)
    before = await store.export_user(1)
    with pytest.raises(ValueError, match="naive datetime"):
        await call(store)
    assert await store.export_user(1) == before
    assert await store.list_groups(1) == []


async def test_join_group_rejects_naive_datetime(store: Store, now: datetime) -> None:
    group = await store.create_group(
        guild_id=1, name="g", role="r", channel_id=2, weekday=0, local_time=time(9), timezone="UTC",
        created_by=None, now=now,
    )  # fmt: skip
    with pytest.raises(ValueError, match="naive datetime"):
        await store.join_group(group.id, 5, NAIVE)
    assert await store.group_members(group.id) == []


async def test_close_is_idempotent_and_closed_store_refuses_use(db_path: Path, now: datetime) -> None:
    store = await Store.open(db_path)
    await store.ensure_learner(1, now)
    await store.close()
    await store.close()
    assert store.database.closed
    with pytest.raises(StoreClosedError):
        await store.get_learner(1)
    with pytest.raises(StoreClosedError):
        await store.set_item_done(1, "r", "i", now)
    with pytest.raises(StoreClosedError):
        await store.backup(db_path.with_name("copy.db"))


async def test_async_with_closes(target: str | Path, now: datetime) -> None:
    async with await Store.open(target) as store:
        await store.ensure_learner(1, now)
    assert store.database.closed
    async with await Store.open(target) as store:
        assert await store.get_learner(1) is not None
