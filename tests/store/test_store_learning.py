"""Learners, enrollments and checklist progress."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from bot.store import StopResult, Store

LATER = timedelta(hours=5)


# ---------------------------------------------------------------- learners


async def test_ensure_learner_creates_once(store: Store, now: datetime) -> None:
    first = await store.ensure_learner(1, now, timezone="Asia/Tokyo")
    assert (first.user_id, first.timezone, first.progress_visible, first.dm_undeliverable) == (
        1,
        "Asia/Tokyo",
        False,
        False,
    )
    assert first.created_at == now
    again = await store.ensure_learner(1, now + LATER, timezone="Europe/Paris")
    assert again == first  # timezone only applies on creation
    assert await store.get_learner(1) == first
    assert await store.get_learner(2) is None


async def test_ensure_learner_defaults_to_utc(store: Store, now: datetime) -> None:
    assert (await store.ensure_learner(1, now)).timezone == "UTC"


async def test_learner_settings(store: Store, now: datetime) -> None:
    learner = await store.set_timezone(5, "America/Chicago", now)  # creates the learner
    assert learner.timezone == "America/Chicago"
    assert learner.created_at == now
    learner = await store.set_timezone(5, "Europe/Berlin", now + LATER)
    assert learner.timezone == "Europe/Berlin"
    assert learner.created_at == now
    assert (await store.set_progress_visible(5, True, now)).progress_visible is True
    assert (await store.set_progress_visible(6, True, now)).progress_visible is True
    assert (await store.set_progress_visible(5, False, now)).progress_visible is False


async def test_a_choice_to_hide_progress_is_remembered_as_a_choice(store: Store, now: datetime) -> None:
    await store.ensure_learner(5, now)
    assert await store.visibility_chosen(5) is False  # hidden by default, never asked
    await store.set_progress_visible(5, False, now)
    assert await store.visibility_chosen(5) is True
    assert (await store.get_learner(5)).progress_visible is False
    assert await store.visibility_chosen(6) is False


async def test_dm_undeliverable_reports_changes(store: Store, now: datetime) -> None:
    assert await store.set_dm_undeliverable(9, True) is False  # unknown learner: nothing stored
    assert await store.get_learner(9) is None
    await store.ensure_learner(9, now)
    assert await store.set_dm_undeliverable(9, True) is True
    assert await store.set_dm_undeliverable(9, True) is False
    assert (await store.get_learner(9)).dm_undeliverable is True
    assert await store.set_dm_undeliverable(9, False) is True


async def test_returned_datetimes_are_aware_utc(store: Store) -> None:
    paris_noon = datetime(2025, 6, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    learner = await store.ensure_learner(1, paris_noon)
    assert learner.created_at == paris_noon
    assert learner.created_at.tzinfo is UTC
    assert learner.created_at.hour == 10


# ---------------------------------------------------------------- enrollments


async def test_enroll_creates_active_enrollment(store: Store, now: datetime) -> None:
    enrollment, created = await store.enroll(1, "data-analyst", "relaxed", date(2025, 3, 3), now)
    assert created is True
    assert enrollment.status == "active"
    assert (enrollment.pace, enrollment.start_date, enrollment.week_shift) == ("relaxed", date(2025, 3, 3), 0)
    assert enrollment.created_at == enrollment.updated_at == now
    assert await store.get_learner(1) is not None
    assert await store.get_enrollment(1, "data-analyst") == enrollment


async def test_enroll_without_start_date_uses_learners_local_today(store: Store) -> None:
    late_evening_in_la = datetime(2025, 3, 4, 5, 0, tzinfo=UTC)  # still March 3rd in Los Angeles
    await store.set_timezone(1, "America/Los_Angeles", late_evening_in_la)
    enrollment, _ = await store.enroll(1, "r", None, None, late_evening_in_la)
    assert enrollment.start_date == date(2025, 3, 3)
    enrollment, _ = await store.enroll(2, "r", None, None, late_evening_in_la)
    assert enrollment.start_date == date(2025, 3, 4)  # new learner: UTC


async def test_enroll_with_unknown_timezone_falls_back_to_utc(store: Store, now: datetime) -> None:
    await store.set_timezone(1, "Not/AZone", now)
    enrollment, _ = await store.enroll(1, "r", None, None, now)
    assert enrollment.start_date == now.date()


async def test_resume_keeps_start_shift_pace_and_progress(store: Store, now: datetime) -> None:
    await store.enroll(1, "r", "fast", date(2025, 1, 6), now)
    for slot in ("2025-W01", "2025-W02"):
        await store.move_back_once(1, "r", slot, 10, now)
    await store.set_item_done(1, "r", "item-1", now)
    await store.stop_enrollment(1, "r", now)
    resumed, created = await store.enroll(1, "r", None, None, now + LATER)
    assert created is False
    assert resumed.status == "active"
    assert (resumed.pace, resumed.start_date, resumed.week_shift) == ("fast", date(2025, 1, 6), 2)
    assert resumed.created_at == now
    assert resumed.updated_at == now + LATER
    assert set(await store.get_progress(1, "r")) == {"item-1"}


async def test_resume_with_explicit_start_date_resets_shift(store: Store, now: datetime) -> None:
    await store.enroll(1, "r", "fast", date(2025, 1, 6), now)
    for slot in ("2025-W01", "2025-W02", "2025-W03"):
        await store.move_back_once(1, "r", slot, 10, now)
    await store.set_item_done(1, "r", "item-1", now)
    await store.stop_enrollment(1, "r", now)
    resumed, created = await store.enroll(1, "r", "slow", date(2025, 4, 7), now + LATER)
    assert created is False
    assert (resumed.status, resumed.pace, resumed.start_date, resumed.week_shift) == (
        "active",
        "slow",
        date(2025, 4, 7),
        0,
    )
    assert set(await store.get_progress(1, "r")) == {"item-1"}


async def test_enroll_when_already_active_changes_nothing(store: Store, now: datetime) -> None:
    first, _ = await store.enroll(1, "r", "fast", date(2025, 1, 6), now)
    again, created = await store.enroll(1, "r", None, None, now + LATER)
    assert created is False
    assert again == first  # not even updated_at


async def test_enroll_resumes_completed_enrollment(store: Store, now: datetime) -> None:
    await store.enroll(1, "r", None, date(2025, 1, 6), now)
    await store.set_enrollment_status(1, "r", "completed", now)
    resumed, created = await store.enroll(1, "r", None, None, now)
    assert (resumed.status, created) == ("active", False)


async def test_enroll_rejects_datetime_as_start_date(store: Store, now: datetime) -> None:
    with pytest.raises(TypeError, match="not a datetime"):
        await store.enroll(1, "r", None, now, now)
    assert await store.get_learner(1) is None


async def test_list_enrollments_filters_by_status(store: Store, now: datetime) -> None:
    await store.enroll(1, "a", None, date(2025, 1, 6), now)
    await store.enroll(1, "b", None, date(2025, 1, 6), now + timedelta(seconds=1))
    await store.enroll(1, "c", None, date(2025, 1, 6), now + timedelta(seconds=2))
    await store.enroll(2, "a", None, date(2025, 1, 6), now)
    await store.stop_enrollment(1, "b", now)
    await store.set_enrollment_status(1, "c", "completed", now)
    assert [e.role for e in await store.list_enrollments(1)] == ["a"]
    assert [e.role for e in await store.list_enrollments(1, ("stopped", "completed"))] == ["b", "c"]
    assert [e.role for e in await store.list_enrollments(1, None)] == ["a", "b", "c"]
    assert await store.list_enrollments(1, ()) == []
    assert await store.list_enrollments(3) == []
    with pytest.raises(ValueError, match="unknown enrollment status"):
        await store.list_enrollments(1, ("paused",))  # type: ignore[arg-type]


async def test_stop_keeps_progress(store: Store, now: datetime) -> None:
    await store.enroll(1, "r", None, date(2025, 1, 6), now)
    await store.set_item_done(1, "r", "x", now)
    result = await store.stop_enrollment(1, "r", now + LATER)
    assert result == StopResult(previous_status="active", items_forgotten=0)
    stopped = await store.get_enrollment(1, "r")
    assert (stopped.status, stopped.updated_at) == ("stopped", now + LATER)
    assert set(await store.get_progress(1, "r")) == {"x"}
    assert await store.stop_enrollment(1, "r", now) == StopResult("stopped", 0)


async def test_stop_with_forget_deletes_enrollment_and_that_roles_progress(store: Store, now: datetime) -> None:
    await store.enroll(1, "r", "fast", date(2025, 1, 6), now)
    await store.enroll(1, "other", None, date(2025, 1, 6), now)
    for item in ("x", "y"):
        await store.set_item_done(1, "r", item, now)
    await store.set_item_done(1, "other", "x", now)
    await store.set_item_done(2, "r", "x", now)
    result = await store.stop_enrollment(1, "r", now, forget=True)
    assert result == StopResult(previous_status="active", items_forgotten=2)
    assert await store.get_enrollment(1, "r") is None
    assert await store.get_progress(1, "r") == {}
    assert set(await store.get_progress(1, "other")) == {"x"}
    assert set(await store.get_progress(2, "r")) == {"x"}
    again, created = await store.enroll(1, "r", None, date(2025, 5, 5), now)
    assert created is True
    assert (again.pace, again.start_date) == (None, date(2025, 5, 5))


async def test_stop_with_forget_clears_orphaned_progress_without_enrollment(store: Store, now: datetime) -> None:
    await store.set_item_done(1, "r", "x", now)
    assert await store.stop_enrollment(1, "r", now, forget=True) == StopResult(None, 1)


async def test_stop_unknown_enrollment(store: Store, now: datetime) -> None:
    assert await store.stop_enrollment(1, "r", now) == StopResult(None, 0)


async def test_stop_leaves_completed_enrollment_completed(store: Store, now: datetime) -> None:
    await store.enroll(1, "r", None, date(2025, 1, 6), now)
    await store.set_enrollment_status(1, "r", "completed", now)
    assert await store.stop_enrollment(1, "r", now) == StopResult("completed", 0)
    assert (await store.get_enrollment(1, "r")).status == "completed"


async def test_move_back_once_a_slot(store: Store, now: datetime) -> None:
    assert await store.move_back_once(1, "r", "2025-W05", 9, now) == (None, False)
    await store.enroll(1, "r", None, date(2025, 1, 6), now)
    moved, changed = await store.move_back_once(1, "r", "2025-W05", 9, now + LATER)
    assert changed and (moved.week_shift, moved.behind_slot, moved.updated_at) == (1, "2025-W05", now + LATER)
    again, changed = await store.move_back_once(1, "r", "2025-W05", 9, now + 2 * LATER)  # a second click
    assert not changed and (again.week_shift, again.updated_at) == (1, now + LATER)
    moved, changed = await store.move_back_once(1, "r", "2025-W06", 9, now)  # the next week's reminder
    assert changed and (moved.week_shift, moved.behind_slot) == (2, "2025-W06")


async def test_move_back_once_stops_at_the_limit_and_on_a_stopped_path(store: Store, now: datetime) -> None:
    await store.enroll(1, "r", None, date(2025, 1, 6), now)
    assert (await store.move_back_once(1, "r", "2025-W05", 1, now))[1] is True
    limited, changed = await store.move_back_once(1, "r", "2025-W06", 1, now)  # week 1 would be passed
    assert not changed and (limited.week_shift, limited.behind_slot) == (1, "2025-W05")
    await store.stop_enrollment(1, "r", now)
    assert (await store.move_back_once(1, "r", "2025-W07", 9, now))[1] is False
    with pytest.raises(ValueError, match="slot"):
        await store.move_back_once(1, "r", "", 9, now)


async def test_a_new_start_date_forgets_the_moves_back(store: Store, now: datetime) -> None:
    await store.enroll(1, "r", None, date(2025, 1, 6), now)
    await store.move_back_once(1, "r", "2025-W05", 9, now)
    kept, _ = await store.enroll(1, "r", None, None, now)  # resumed: the plan stays where it was
    assert (kept.week_shift, kept.behind_slot) == (1, "2025-W05")
    restarted, _ = await store.enroll(1, "r", None, date(2025, 2, 3), now)
    assert (restarted.week_shift, restarted.behind_slot) == (0, None)


async def test_set_enrollment_status_and_pace(store: Store, now: datetime) -> None:
    assert await store.set_enrollment_status(1, "r", "completed", now) is None
    await store.enroll(1, "r", None, date(2025, 1, 6), now)
    done = await store.set_enrollment_status(1, "r", "completed", now + LATER)
    assert (done.status, done.updated_at) == ("completed", now + LATER)
    same = await store.set_enrollment_status(1, "r", "completed", now + 2 * LATER)
    assert same.updated_at == now + LATER  # no change, no bump
    with pytest.raises(ValueError, match="unknown enrollment status"):
        await store.set_enrollment_status(1, "r", "paused", now)  # type: ignore[arg-type]


# ---------------------------------------------------------------- checklist progress


async def test_tick_untick_and_proof(store: Store, now: datetime) -> None:
    assert await store.set_item_done(1, "r", "a", now) is True
    assert await store.get_learner(1) is not None
    assert await store.set_item_done(1, "r", "a", now + LATER) is False  # re-tick: nothing new
    assert await store.set_item_done(1, "r", "a", now + LATER, proof="https://gist/1") is True
    item = (await store.get_progress(1, "r"))["a"]
    assert (item.done_at, item.proof) == (now, "https://gist/1")  # first done_at kept
    assert await store.set_item_done(1, "r", "a", now + LATER, proof="https://gist/1") is False
    assert await store.set_item_done(1, "r", "a", now + LATER) is False  # no proof given: proof kept
    assert (await store.get_progress(1, "r"))["a"].proof == "https://gist/1"
    assert await store.set_item_undone(1, "r", "a") is True
    assert await store.set_item_undone(1, "r", "a") is False
    assert await store.get_progress(1, "r") == {}
    assert await store.set_item_done(1, "r", "a", now + LATER) is True
    assert (await store.get_progress(1, "r"))["a"] == type(item)("a", now + LATER, None)


async def test_progress_is_kept_per_role_and_in_tick_order(store: Store, now: datetime) -> None:
    await store.set_item_done(1, "r", "b", now)
    await store.set_item_done(1, "r", "a", now + LATER)
    await store.set_item_done(1, "other", "c", now)
    assert list(await store.get_progress(1, "r")) == ["b", "a"]
    assert list(await store.get_progress(1, "other")) == ["c"]


async def test_progress_counts_and_roles_with_progress(store: Store, now: datetime) -> None:
    assert await store.progress_counts("r") == {}
    assert await store.roles_with_progress() == set()
    for user in (1, 2, 3):
        await store.set_item_done(user, "r", "common", now)
    await store.set_item_done(1, "r", "rare", now)
    await store.set_item_done(1, "s", "common", now)
    assert await store.progress_counts("r") == {"common": 3, "rare": 1}
    assert await store.progress_counts("s") == {"common": 1}
    assert await store.roles_with_progress() == {"r", "s"}
    await store.set_item_undone(1, "s", "common")
    assert await store.roles_with_progress() == {"r"}


async def test_progress_survives_stop_and_item_ids_are_opaque(store: Store, now: datetime) -> None:
    weird = "phase-2/week 3/“SQL” ✓; DROP TABLE learners;--"
    await store.enroll(1, "r", None, date(2025, 1, 6), now)
    await store.set_item_done(1, "r", weird, now, proof="it's 'quoted'")
    await store.stop_enrollment(1, "r", now)
    assert (await store.get_progress(1, "r"))[weird].proof == "it's 'quoted'"
    assert await store.get_learner(1) is not None
