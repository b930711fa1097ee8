"""Study groups and reminder settings: the plain CRUD later issues build on."""

from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest

from bot.store import GroupNameTakenError, GroupNotFoundError, Store, StudyGroup


def group_args(now: datetime, **overrides: Any) -> dict[str, Any]:
    args: dict[str, Any] = {
        "guild_id": 100,
        "name": "Night Owls",
        "role": "data-analyst",
        "channel_id": 555,
        "weekday": 3,
        "local_time": time(21, 0),
        "timezone": "Europe/Paris",
        "created_by": 1,
        "now": now,
    }
    args.update(overrides)
    return args


async def make_group(store: Store, now: datetime, **overrides: Any) -> StudyGroup:
    return await store.create_group(**group_args(now, **overrides))


async def test_create_and_get_group(store: Store, now: datetime) -> None:
    group = await make_group(store, now)
    assert (group.guild_id, group.name, group.role, group.channel_id) == (100, "Night Owls", "data-analyst", 555)
    assert (group.weekday, group.local_time, group.timezone, group.paused) == (3, time(21, 0), "Europe/Paris", False)
    assert (group.created_by, group.created_at) == (1, now)
    assert await store.get_group(group.id) == group
    assert await store.get_group(group.id + 1) is None
    assert await store.get_group_by_name(100, "night OWLS") == group
    assert await store.get_group_by_name(101, "Night Owls") is None


async def test_group_names_are_unique_per_guild_case_insensitively(store: Store, now: datetime) -> None:
    await make_group(store, now)
    with pytest.raises(GroupNameTakenError, match="Night owls"):
        await make_group(store, now, name="Night owls")
    with pytest.raises(GroupNameTakenError):
        await make_group(store, now, name="night owls")
    other_guild = await make_group(store, now, guild_id=200, name="night owls")
    assert other_guild.guild_id == 200
    assert [g.name for g in await store.list_groups(100)] == ["Night Owls"]


async def test_list_groups_sorted_by_name(store: Store, now: datetime) -> None:
    for name in ("beta", "Alpha", "gamma"):
        await make_group(store, now, name=name)
    await make_group(store, now, guild_id=999, name="zeta")
    assert [g.name for g in await store.list_groups(100)] == ["Alpha", "beta", "gamma"]
    assert await store.list_groups(1) == []


async def test_group_validation(store: Store, now: datetime) -> None:
    with pytest.raises(ValueError, match="weekday"):
        await make_group(store, now, weekday=7)
    with pytest.raises(ValueError, match="whole minute"):
        await make_group(store, now, local_time=time(9, 0, 30))
    with pytest.raises(ValueError, match="naive"):
        await make_group(store, now, local_time=time(9, 0, tzinfo=UTC))
    assert await store.list_groups(100) == []


async def test_join_leave_and_members(store: Store, now: datetime) -> None:
    group = await make_group(store, now)
    assert await store.join_group(group.id, 10, now) is True
    assert await store.join_group(group.id, 11, now + timedelta(minutes=1)) is True
    assert await store.join_group(group.id, 10, now + timedelta(minutes=2)) is False
    members = await store.group_members(group.id)
    assert [(m.user_id, m.joined_at) for m in members] == [(10, now), (11, now + timedelta(minutes=1))]
    assert await store.get_learner(10) is not None  # joining registers the learner
    assert [g.id for g in await store.user_groups(10)] == [group.id]
    assert await store.leave_group(group.id, 10) is True
    assert await store.leave_group(group.id, 10) is False
    assert [m.user_id for m in await store.group_members(group.id)] == [11]
    assert await store.user_groups(10) == []
    with pytest.raises(GroupNotFoundError):
        await store.join_group(group.id + 1, 10, now)


async def test_pause_and_delete_group(store: Store, now: datetime) -> None:
    group = await make_group(store, now)
    await store.join_group(group.id, 10, now)
    assert await store.set_group_paused(group.id, True) is True
    assert await store.set_group_paused(group.id, True) is False
    assert (await store.get_group(group.id)).paused is True
    assert await store.set_group_paused(group.id, False) is True
    assert await store.delete_group(group.id) is True
    assert await store.delete_group(group.id) is False
    assert await store.get_group(group.id) is None
    assert await store.group_members(group.id) == []  # cascaded
    assert await store.get_learner(10) is not None  # the member's own data stays


async def test_group_ids_are_not_reused(store: Store, now: datetime) -> None:
    first = await make_group(store, now)
    await store.delete_group(first.id)
    second = await make_group(store, now)
    assert second.id > first.id


async def test_reminder_settings_roundtrip_and_replace(store: Store, now: datetime) -> None:
    assert await store.get_reminder_settings(1) is None
    paused = datetime(2025, 4, 1, tzinfo=UTC)
    settings = await store.set_reminder_settings(
        1, enabled=True, weekday=0, local_time=time(9, 30), now=now, paused_until=paused
    )
    assert (settings.enabled, settings.weekday, settings.local_time) == (True, 0, time(9, 30))
    assert (settings.timezone, settings.paused_until, settings.updated_at) == (None, paused, now)
    assert await store.get_reminder_settings(1) == settings
    assert await store.get_learner(1) is not None
    replaced = await store.set_reminder_settings(
        1, enabled=False, weekday=6, local_time=time(18, 0), timezone="Asia/Tokyo", now=now + timedelta(days=1)
    )
    assert (replaced.enabled, replaced.weekday, replaced.local_time, replaced.timezone) == (
        False,
        6,
        time(18, 0),
        "Asia/Tokyo",
    )
    assert replaced.paused_until is None
    assert replaced.updated_at == now + timedelta(days=1)


async def test_reminder_settings_validation(store: Store, now: datetime) -> None:
    with pytest.raises(ValueError, match="weekday"):
        await store.set_reminder_settings(1, enabled=True, weekday=-1, local_time=time(9), now=now)
    with pytest.raises(ValueError, match="naive"):
        await store.set_reminder_settings(
            1,
            enabled=True,
            weekday=1,
            local_time=time(9),
            now=now,
            paused_until=datetime(2025, 1, 1),  # noqa: DTZ001
        )
    assert await store.get_reminder_settings(1) is None
