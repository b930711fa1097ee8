"""Spaced review in the store: a review comes and goes with its tick, answers land once, and it goes with the learner."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.store import Review, Store
from tests import peek

ROLE, OTHER_ROLE = "backend-engineer", "data-engineer"
ME, YOU = 1, 2


def week(now: datetime, n: int = 1) -> datetime:
    return now + timedelta(weeks=n)


async def test_ticking_with_a_due_time_puts_the_item_in_box_1(store: Store, now: datetime) -> None:
    assert await store.set_item_done(ME, ROLE, "git", now, review_due=week(now)) is True
    await store.set_item_done(ME, ROLE, "http", now)  # no due time given: not in review
    assert await store.get_reviews(ME) == [Review(ROLE, "git", 1, week(now), None)]
    assert await store.get_review(ME, ROLE, "git") == Review(ROLE, "git", 1, week(now), None)
    assert await store.get_review(ME, ROLE, "http") is None
    assert await store.get_reviews(YOU) == []


async def test_reviews_come_back_by_role_then_item_and_can_be_read_for_one_path(store: Store, now: datetime) -> None:
    for role, item in ((OTHER_ROLE, "b"), (ROLE, "z"), (ROLE, "a"), (OTHER_ROLE, "a")):
        await store.set_item_done(ME, role, item, now, review_due=week(now))
    assert [(r.role, r.item_id) for r in await store.get_reviews(ME)] == [
        (ROLE, "a"),
        (ROLE, "z"),
        (OTHER_ROLE, "a"),
        (OTHER_ROLE, "b"),
    ]
    assert [r.item_id for r in await store.get_reviews(ME, OTHER_ROLE)] == ["a", "b"]


async def test_ticking_again_keeps_the_items_place_in_review(store: Store, now: datetime) -> None:
    await store.set_item_done(ME, ROLE, "git", now, review_due=week(now))
    assert await store.answer_review(ME, ROLE, "git", 1, 2, week(now, 4), week(now)) is True
    # A new proof for the same item (`/done` again) is not a new finish: the review stays in box 2.
    later = week(now, 2)
    assert await store.set_item_done(ME, ROLE, "git", later, "https://example.com/p", review_due=week(later)) is True
    assert await store.get_review(ME, ROLE, "git") == Review(ROLE, "git", 2, week(now, 4), week(now))


async def test_unticking_drops_the_review_and_ticking_again_starts_over(store: Store, now: datetime) -> None:
    await store.set_item_done(ME, ROLE, "git", now, review_due=week(now))
    await store.set_item_done(ME, ROLE, "http", now, review_due=week(now))
    await store.answer_review(ME, ROLE, "git", 1, 2, week(now, 4), week(now))
    assert await store.set_item_undone(ME, ROLE, "git") is True
    assert await store.get_review(ME, ROLE, "git") is None
    assert [r.item_id for r in await store.get_reviews(ME)] == ["http"]
    again = week(now, 2)
    await store.set_item_done(ME, ROLE, "git", again, review_due=week(again))
    assert await store.get_review(ME, ROLE, "git") == Review(ROLE, "git", 1, week(again), None)


async def test_an_answer_lands_only_on_a_due_review_in_the_box_it_answers(store: Store, now: datetime) -> None:
    await store.set_item_done(ME, ROLE, "git", now, review_due=week(now))
    early = week(now) - timedelta(seconds=1)
    assert await store.answer_review(ME, ROLE, "git", 1, 2, week(now, 4), early) is False  # not due yet
    assert await store.answer_review(ME, ROLE, "git", 2, 3, week(now, 9), week(now)) is False  # not in box 2
    assert await store.answer_review(ME, ROLE, "git", 1, 2, week(now, 4), week(now)) is True
    # The same click again (from the same reminder): the review moved on, nothing changes.
    assert await store.answer_review(ME, ROLE, "git", 1, 2, week(now, 5), week(now, 1)) is False
    assert await store.get_review(ME, ROLE, "git") == Review(ROLE, "git", 2, week(now, 4), week(now))
    assert await store.answer_review(YOU, ROLE, "git", 1, 2, week(now, 4), week(now)) is False  # not yours


async def test_a_retired_review_is_never_due_again(store: Store, now: datetime) -> None:
    await store.set_item_done(ME, ROLE, "git", now, review_due=week(now))
    for box, at in ((1, 1), (2, 4), (3, 12)):
        assert await store.answer_review(ME, ROLE, "git", box, box + 1, week(now, at + 1), week(now, at)) is True
    assert await store.answer_review(ME, ROLE, "git", 4, 4, None, week(now, 13)) is True
    assert await store.get_review(ME, ROLE, "git") == Review(ROLE, "git", 4, None, week(now, 13))
    assert await store.answer_review(ME, ROLE, "git", 4, 1, week(now, 60), week(now, 59)) is False


async def test_answers_refuse_naive_times_and_boxes_out_of_range(store: Store, now: datetime) -> None:
    await store.set_item_done(ME, ROLE, "git", now, review_due=week(now))
    with pytest.raises(ValueError, match="naive datetime"):
        await store.answer_review(ME, ROLE, "git", 1, 2, None, datetime(2025, 3, 10))  # noqa: DTZ001 - the point
    with pytest.raises(ValueError, match="naive datetime"):
        await store.set_item_done(ME, ROLE, "x", now, review_due=datetime(2025, 3, 10))  # noqa: DTZ001 - the point
    with pytest.raises(ValueError, match="box"):
        await store.answer_review(ME, ROLE, "git", 1, 5, None, week(now))
    assert await store.get_review(ME, ROLE, "x") is None  # the refused tick wrote nothing
    assert await store.get_review(ME, ROLE, "git") == Review(ROLE, "git", 1, week(now), None)


async def test_forgetting_a_path_drops_its_reviews_stopping_keeps_them(store: Store, now: datetime) -> None:
    for role in (ROLE, OTHER_ROLE):
        await store.enroll(ME, role, None, date(2025, 1, 6), now)
        await store.set_item_done(ME, role, "git", now, review_due=week(now))
    await store.stop_enrollment(ME, OTHER_ROLE, now)
    assert len(await store.get_reviews(ME)) == 2
    await store.stop_enrollment(ME, OTHER_ROLE, now, forget=True)
    assert [r.role for r in await store.get_reviews(ME)] == [ROLE]


async def test_reviews_are_on_until_turned_off(store: Store, now: datetime) -> None:
    assert await store.reviews_enabled(ME) is True  # nobody yet
    await store.set_reviews_enabled(ME, False, now)
    assert await store.get_learner(ME) is not None  # turning it off is something stored about them
    assert await store.reviews_enabled(ME) is False
    assert await store.reviews_enabled(YOU) is True
    await store.set_reviews_enabled(ME, True, now + timedelta(hours=1))
    assert await store.reviews_enabled(ME) is True


async def test_reviews_go_with_the_learner_in_export_and_delete(store: Store, now: datetime) -> None:
    for user in (ME, YOU):
        await store.set_item_done(user, ROLE, "git", now, review_due=week(now))
        await store.set_item_done(user, ROLE, "http", now, review_due=week(now))
    await store.answer_review(ME, ROLE, "git", 1, 2, week(now, 4), week(now))
    await store.set_reviews_enabled(ME, False, now)
    export = await store.export_user(ME)
    assert export["reviews"] == [
        {
            "role": ROLE,
            "item_id": "git",
            "box": 2,
            "due_at": week(now, 4).isoformat(),
            "last_answer_at": week(now).isoformat(),
        },
        {"role": ROLE, "item_id": "http", "box": 1, "due_at": week(now).isoformat(), "last_answer_at": None},
    ]
    assert export["reviews_enabled"] is False
    assert (await store.export_user(YOU))["reviews_enabled"] is True

    before = await store.export_user(YOU)
    # The learner, two ticks, two reviews and the setting.
    assert await store.delete_user(ME) == 6
    assert await store.get_reviews(ME) == []
    assert await store.reviews_enabled(ME) is True
    [count] = await peek.query(store, "SELECT COUNT(*) FROM review_settings WHERE user_id = ?", ME)
    assert count[0] == 0
    after = await store.export_user(ME)
    assert after["reviews"] == []
    assert after["reviews_enabled"] is True
    assert await store.export_user(YOU) == before


async def test_due_times_come_back_in_utc(store: Store, now: datetime) -> None:
    local = datetime(2025, 3, 10, 0, 0, tzinfo=ZoneInfo("America/New_York"))  # 04:00 UTC, after the DST change
    await store.set_item_done(ME, ROLE, "git", now, review_due=local)
    [review] = await store.get_reviews(ME)
    assert review.due_at == datetime(2025, 3, 10, 4, 0, tzinfo=UTC)
    assert review.due_at.tzinfo is UTC
