"""Check-ins and a group's ticks since a date: the storage behind the learner's week."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from bot.store import Store

ROLE = "backend-engineer"


async def test_checkins_come_back_oldest_first_in_utc(store: Store, now: datetime) -> None:
    paris = timezone(timedelta(hours=1))
    await store.add_checkin(1, ROLE, now + timedelta(days=2))
    await store.add_checkin(1, ROLE, datetime(2025, 3, 3, 11, 0, tzinfo=paris))  # 10:00 UTC
    await store.add_checkin(1, "data-engineer", now)
    await store.add_checkin(2, ROLE, now)
    found = await store.list_checkins(1, ROLE)
    assert found == [now + timedelta(hours=1), now + timedelta(days=2)]
    assert all(at.tzinfo is UTC for at in found)
    assert await store.list_checkins(1, "data-engineer") == [now]
    assert await store.list_checkins(3, ROLE) == []


async def test_the_same_instant_twice_is_one_checkin(store: Store, now: datetime) -> None:
    await store.add_checkin(1, ROLE, now)
    await store.add_checkin(1, ROLE, now)
    assert await store.list_checkins(1, ROLE) == [now]


async def test_checkins_refuse_naive_times_and_empty_roles(store: Store, now: datetime) -> None:
    with pytest.raises(ValueError, match="naive datetime"):
        await store.add_checkin(1, ROLE, datetime(2025, 3, 3, 9, 0))  # noqa: DTZ001 - the point of the test
    with pytest.raises(ValueError, match="role"):
        await store.add_checkin(1, "", now)
    assert await store.get_learner(1) is None


async def test_checkins_go_with_the_learner(store: Store, now: datetime) -> None:
    await store.add_checkin(1, ROLE, now)
    await store.add_checkin(2, ROLE, now)
    assert (await store.export_user(1))["checkins"] == [{"role": ROLE, "checked_at": now.isoformat()}]
    assert await store.delete_user(1) == 2  # the learner row and the check-in
    assert await store.list_checkins(1, ROLE) == []
    assert (await store.export_user(1))["checkins"] == []
    assert await store.list_checkins(2, ROLE) == [now]


async def group(store: Store, now: datetime, name: str = "Night Owls", role: str = ROLE) -> int:
    created = await store.create_group(
        guild_id=1, name=name, role=role, channel_id=9, weekday=0,
        local_time=time(9, 0), timezone="UTC", created_by=None, now=now,
    )  # fmt: skip
    return created.id


async def test_group_ticks_since_are_the_members_ticks_on_the_groups_role(store: Store, now: datetime) -> None:
    owls = await group(store, now)
    larks = await group(store, now, "Larks", "data-engineer")
    for user in (1, 2, 3):
        await store.enroll(user, ROLE, None, date(2025, 1, 6), now)
    await store.join_group(owls, 1, now)
    await store.join_group(owls, 2, now)
    await store.join_group(larks, 3, now)
    since = now - timedelta(days=7)
    await store.set_item_done(1, ROLE, "old", since - timedelta(seconds=1))  # before: left out
    await store.set_item_done(1, ROLE, "edge", since)  # exactly at `since`: in
    await store.set_item_done(2, ROLE, "b", now - timedelta(days=1))
    await store.set_item_done(1, ROLE, "a", now - timedelta(days=1))  # same instant: by user, then item
    await store.set_item_done(1, "data-engineer", "other-role", now)  # another role: left out
    await store.set_item_done(3, ROLE, "not-a-member", now)  # not in this group: left out
    assert await store.group_ticks_since(owls, since) == [
        (1, "edge", since),
        (1, "a", now - timedelta(days=1)),
        (2, "b", now - timedelta(days=1)),
    ]
    assert await store.group_ticks_since(larks, since) == []
    await store.leave_group(owls, 2)
    assert [t[0] for t in await store.group_ticks_since(owls, since)] == [1, 1]
    assert await store.group_ticks_since(999, since) == []
    with pytest.raises(ValueError, match="naive datetime"):
        await store.group_ticks_since(owls, datetime(2025, 3, 3))  # noqa: DTZ001 - the point of the test


async def test_a_group_roster_reads_what_its_board_shows_of_every_member(store: Store, now: datetime) -> None:
    owls = await group(store, now)
    larks = await group(store, now, "Larks", "data-engineer")
    await store.enroll(1, ROLE, None, date(2025, 1, 6), now)
    await store.enroll(2, "data-engineer", None, date(2025, 2, 3), now)  # a member enrolled in another path
    await store.ensure_learner(3, now, timezone="Asia/Tokyo")  # a member enrolled nowhere
    for later, user in enumerate((2, 1, 3)):
        await store.join_group(owls, user, now + timedelta(seconds=later))
    await store.join_group(larks, 1, now)
    await store.set_progress_visible(1, True, now)
    await store.set_item_done(1, ROLE, "b", now - timedelta(days=1))
    await store.set_item_done(1, ROLE, "a", now - timedelta(days=2))
    await store.set_item_done(1, "data-engineer", "other-role", now)
    await store.set_item_done(2, "data-engineer", "not-this-path", now)
    await store.add_checkin(1, ROLE, now)
    await store.add_checkin(1, ROLE, now - timedelta(days=8))
    await store.add_checkin(2, "data-engineer", now)

    roster = await store.group_roster(owls)

    assert [m.user_id for m in roster.members] == [2, 1, 3]  # joining order
    assert sorted(roster.learners) == [1, 2, 3]
    assert roster.learners[1].progress_visible and not roster.learners[2].progress_visible
    assert roster.learners[3].timezone == "Asia/Tokyo"
    assert list(roster.progress) == [2, 1, 3]
    assert list(roster.progress[1]) == ["a", "b"]  # the order ticked
    assert roster.progress[1] == await store.get_progress(1, ROLE)
    assert roster.progress[2] == roster.progress[3] == {}
    assert list(roster.enrollments) == [1]
    assert roster.enrollments[1] == await store.get_enrollment(1, ROLE)
    assert roster.checkins == {2: [], 1: [now - timedelta(days=8), now], 3: []}
    larks_roster = await store.group_roster(larks)
    assert list(larks_roster.progress[1]) == ["other-role"]
    assert list(larks_roster.enrollments) == []
    empty = await store.group_roster(999)
    assert (empty.members, empty.learners, empty.progress, empty.checkins) == ((), {}, {}, {})


async def test_meta_values_come_back_for_many_keys_at_once(store: Store, now: datetime) -> None:
    keys = [f"console:name:{n}" for n in range(1_200)]  # more than one statement's worth
    for n in range(0, 1_200, 7):
        await store.set_meta(keys[n], f"user {n}")
    found = await store.get_metas([*keys, keys[0], "missing"])
    assert found == {keys[n]: f"user {n}" for n in range(0, 1_200, 7)}
    assert await store.get_metas([]) == {}
