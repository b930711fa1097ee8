"""Spaced review's schedule: Leitner boxes on local dates, across DST changes and pauses, and what is shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.review import (
    BOX_WEEKS,
    MAX_SHOWN,
    ReviewState,
    answer,
    due_on,
    first_review,
    is_due,
    pick_due,
    read_answer,
    review_due,
    upcoming,
)

NEW_YORK, SYDNEY = "America/New_York", "Australia/Sydney"
ZONES = (
    "UTC",
    NEW_YORK,
    SYDNEY,
    "Europe/Berlin",
    "Australia/Lord_Howe",  # half-hour DST shifts
    "Asia/Kathmandu",  # +05:45
    "Pacific/Chatham",  # +12:45 / +13:45
    "America/Santiago",  # clocks jump at midnight: some days start at 01:00
    "America/Havana",  # so do these
    "Asia/Beirut",
    "America/St_Johns",  # -03:30
)


def at(zone: str, *fields: int) -> datetime:
    """A local wall time in `zone`, as an aware datetime."""
    return datetime(*fields, tzinfo=ZoneInfo(zone))  # type: ignore[misc]


def naive(*fields: int) -> datetime:
    """A naive datetime: hypothesis's bounds for aware instants (their zone is given apart)."""
    return datetime(*fields)  # noqa: DTZ001


def local_date(instant: datetime, zone: str) -> date:
    return instant.astimezone(ZoneInfo(zone)).date()


def starts_its_day(instant: datetime, zone: str) -> bool:
    """Whether `instant` is the first moment of its local date in `zone`."""
    return local_date(instant - timedelta(microseconds=1), zone) < local_date(instant, zone)


# ----------------------------------------------------------------------------------------- the first review


def test_a_ticked_item_comes_back_at_the_start_of_the_same_weekday_a_week_later() -> None:
    ticked = datetime(2026, 12, 7, 15, 30, tzinfo=UTC)  # a Monday afternoon
    assert first_review(ticked, "UTC") == ReviewState(1, datetime(2026, 12, 14, tzinfo=UTC))


def test_new_york_spring_forward_keeps_the_review_on_monday() -> None:
    # Ticked Monday 23:30 EST; the clocks go forward on Sunday 8 March 2026.
    ticked = at(NEW_YORK, 2026, 3, 2, 23, 30)
    state = first_review(ticked, NEW_YORK)
    assert state.due_at == datetime(2026, 3, 9, 4, 0, tzinfo=UTC)  # 00:00 EDT
    assert local_date(state.due_at, NEW_YORK) == date(2026, 3, 9)
    # Seven times 24 hours later would be Tuesday there: the date counts, not the hours.
    assert local_date(ticked.astimezone(UTC) + timedelta(days=7), NEW_YORK) == date(2026, 3, 10)


def test_new_york_fall_back_keeps_the_review_on_monday() -> None:
    ticked = at(NEW_YORK, 2026, 10, 26, 23, 30)  # EDT; the clocks go back on Sunday 1 November 2026
    state = first_review(ticked, NEW_YORK)
    assert state.due_at == datetime(2026, 11, 2, 5, 0, tzinfo=UTC)  # 00:00 EST
    # Half an hour to midnight, six days, and the hour the clocks give back.
    assert state.due_at - ticked == timedelta(days=6, hours=1, minutes=30)


def test_sydney_autumn_and_spring_changes_keep_the_review_on_its_date() -> None:
    # Sydney leaves daylight saving on Sunday 5 April 2026: 7 × 24 hours after 00:30 would be Sunday 23:30.
    ticked = at(SYDNEY, 2026, 3, 30, 0, 30)
    assert local_date(ticked.astimezone(UTC) + timedelta(days=7), SYDNEY) == date(2026, 4, 5)
    state = first_review(ticked, SYDNEY)
    assert state.due_at == datetime(2026, 4, 5, 14, 0, tzinfo=UTC)  # Monday 6 April, 00:00 AEST
    # ...and enters it on Sunday 4 October 2026.
    spring = first_review(at(SYDNEY, 2026, 9, 28, 0, 30), SYDNEY)
    assert spring.due_at == datetime(2026, 10, 4, 13, 0, tzinfo=UTC)  # Monday 5 October, 00:00 AEDT


def test_a_day_whose_midnight_does_not_exist_starts_when_the_clocks_land() -> None:
    # Santiago's clocks jump from 00:00 to 01:00 on Sunday 6 September 2026.
    due = due_on(date(2026, 9, 6), "America/Santiago")
    assert due.astimezone(ZoneInfo("America/Santiago")).hour == 1
    assert starts_its_day(due, "America/Santiago")


def test_a_day_the_zone_skipped_gives_the_next_one() -> None:
    # Samoa skipped 30 December 2011.
    assert local_date(due_on(date(2011, 12, 30), "Pacific/Apia"), "Pacific/Apia") == date(2011, 12, 31)


# ----------------------------------------------------------------------------------------- answers and boxes


def test_still_got_it_climbs_the_boxes_1_3_8_21_weeks_then_retires() -> None:
    """Answered on each due Monday at 09:00 in New York, with a DST change along the way."""
    ticked = at(NEW_YORK, 2026, 1, 5, 10, 0)
    state = first_review(ticked, NEW_YORK)
    seen = []
    while not state.retired:
        assert state.due_at is not None
        day = local_date(state.due_at, NEW_YORK)
        seen.append(((day - ticked.date()).days // 7, state.box))
        state = answer(state, "got", at(NEW_YORK, day.year, day.month, day.day, 9, 0), NEW_YORK)
    assert seen == [(1, 1), (4, 2), (12, 3), (33, 4)]  # weeks after the tick, and the box asked from
    assert state == ReviewState(4, None)


def test_review_again_goes_back_to_box_1_a_week_after_the_answer() -> None:
    state = ReviewState(3, datetime(2026, 3, 30, 4, 0, tzinfo=UTC))
    answered = at(NEW_YORK, 2026, 4, 1, 20, 0)  # two days late, on a Wednesday evening
    assert answer(state, "again", answered, NEW_YORK) == ReviewState(1, datetime(2026, 4, 8, 4, 0, tzinfo=UTC))


def test_the_next_review_counts_from_the_answer_not_from_the_due_date() -> None:
    state = ReviewState(1, datetime(2026, 3, 9, tzinfo=UTC))
    late = datetime(2026, 3, 12, 18, 0, tzinfo=UTC)  # answered on Thursday
    assert answer(state, "got", late, "UTC") == ReviewState(2, datetime(2026, 4, 2, tzinfo=UTC))


def test_what_cannot_be_answered() -> None:
    due = datetime(2026, 3, 9, tzinfo=UTC)
    state = ReviewState(2, due)
    with pytest.raises(ValueError, match="not yet"):
        answer(state, "got", due - timedelta(seconds=1), "UTC")
    with pytest.raises(ValueError, match="retired"):
        answer(ReviewState(4, None), "got", due, "UTC")
    with pytest.raises(ValueError, match="answer is one of"):
        answer(state, "maybe", due, "UTC")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="timezone-aware"):
        answer(state, "got", datetime(2026, 3, 9, 9), "UTC")  # noqa: DTZ001 - the point of the test
    with pytest.raises(ValueError, match="unknown time zone"):
        answer(state, "got", due, "Mars/Olympus_Mons")
    with pytest.raises(ValueError, match="box"):
        ReviewState(5, due)
    with pytest.raises(ValueError, match="box"):
        ReviewState(True, due)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="weeks"):
        review_due(due, 0, "UTC")
    assert read_answer("again") == "again"


def test_is_due_from_its_moment_on_and_never_when_retired() -> None:
    due = datetime(2026, 3, 9, tzinfo=UTC)
    assert not is_due(ReviewState(1, due), due - timedelta(microseconds=1))
    assert is_due(ReviewState(1, due), due)
    assert not is_due(ReviewState(4, None), due + timedelta(weeks=500))


# ----------------------------------------------------------------------------------------- what is shown


@dataclass(frozen=True)
class Stored:
    role: str
    item_id: str
    box: int
    due_at: datetime | None


NOW = datetime(2026, 6, 1, 9, tzinfo=UTC)
ORDER = [("backend", f"item-{n}") for n in range(10)] + [("data", "item-0")]


def test_at_most_three_oldest_due_first_ties_in_checklist_order() -> None:
    reviews = [
        Stored("backend", "item-5", 1, NOW - timedelta(weeks=1)),
        Stored("backend", "item-2", 2, NOW - timedelta(weeks=1)),  # same moment: checklist order decides
        Stored("data", "item-0", 1, NOW - timedelta(weeks=3)),
        Stored("backend", "item-7", 1, NOW - timedelta(days=1)),
        Stored("backend", "item-1", 1, NOW + timedelta(seconds=1)),  # not due yet
        Stored("backend", "item-3", 4, None),  # retired
        Stored("backend", "gone", 1, NOW - timedelta(weeks=9)),  # no longer on the checklist
        Stored("stopped-path", "item-0", 1, NOW - timedelta(weeks=9)),  # a path not followed
    ]
    shown = pick_due(reviews, NOW, ORDER)
    assert [(r.role, r.item_id) for r in shown] == [("data", "item-0"), ("backend", "item-2"), ("backend", "item-5")]
    assert [r.item_id for r in pick_due(reviews, NOW, ORDER, limit=None)] == ["item-0", "item-2", "item-5", "item-7"]
    assert [r.item_id for r in pick_due(reversed(reviews), NOW, ORDER)] == ["item-0", "item-2", "item-5"]
    assert [r.item_id for r in upcoming(reviews, NOW, ORDER)] == ["item-1"]


def test_a_paused_learners_reviews_wait_and_three_are_shown_on_return() -> None:
    """Ten items ticked on ten Mondays, then three months away: on return the three oldest are asked, and each
    answer lets the next ones through; nothing moved while they were away."""
    start = datetime(2026, 1, 5, 10, tzinfo=UTC)
    ticks = {f"item-{n}": start + timedelta(weeks=n) for n in range(10)}
    states = {item: first_review(when, "UTC") for item, when in ticks.items()}
    back = start + timedelta(weeks=24)

    def stored() -> list[Stored]:
        return [Stored("backend", item, s.box, s.due_at) for item, s in states.items()]

    assert len(pick_due(stored(), back, ORDER, limit=None)) == 10
    first = pick_due(stored(), back, ORDER)
    assert [r.item_id for r in first] == ["item-0", "item-1", "item-2"]
    assert pick_due(stored(), back + timedelta(weeks=2), ORDER) == first  # unanswered: the same three wait
    for review in first:
        states[review.item_id] = answer(states[review.item_id], "got", back, "UTC")
    assert [r.item_id for r in pick_due(stored(), back, ORDER)] == ["item-3", "item-4", "item-5"]


# ----------------------------------------------------------------------------------------- properties

instants = st.datetimes(min_value=naive(2001, 1, 1), max_value=naive(2036, 12, 31), timezones=st.just(UTC))
zones = st.sampled_from(ZONES)
delays = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=60))


@settings(max_examples=300, deadline=None)
@given(ticked=instants, zone=zones)
def test_the_first_review_is_the_start_of_the_local_date_a_week_on(ticked: datetime, zone: str) -> None:
    state = first_review(ticked, zone)
    assert state.box == 1
    assert state.due_at is not None
    assert local_date(state.due_at, zone) == local_date(ticked, zone) + timedelta(weeks=1)
    assert starts_its_day(state.due_at, zone)


@settings(max_examples=200, deadline=None)
@given(ticked=instants, zone=zones, late=st.lists(delays, min_size=4, max_size=4))
def test_intervals_never_shrink_while_answered_still_got_it(ticked: datetime, zone: str, late: list[timedelta]) -> None:
    state = first_review(ticked, zone)
    answered = ticked
    days: list[int] = []
    hours: list[timedelta] = []
    for delay in late:
        assert state.due_at is not None
        days.append((local_date(state.due_at, zone) - local_date(answered, zone)).days)
        hours.append(state.due_at - answered)
        answered = state.due_at + delay
        state = answer(state, "got", answered, zone)
    assert days == [7 * w for w in BOX_WEEKS]
    assert hours == sorted(hours)
    assert state.retired


@settings(max_examples=200, deadline=None)
@given(
    ticked=instants,
    zone=zones,
    answers=st.lists(st.tuples(st.sampled_from(("got", "again")), delays), max_size=20),
    after=st.lists(delays, min_size=1, max_size=5),
)
def test_a_retired_item_never_comes_back(
    ticked: datetime, zone: str, answers: list[tuple[str, timedelta]], after: list[timedelta]
) -> None:
    state = first_review(ticked, zone)
    when = ticked
    for given_answer, delay in [*answers, *[("got", timedelta(0))] * 4]:  # four more "got" always retire it
        if state.retired:
            break
        assert state.due_at is not None
        when = state.due_at + delay
        state = answer(state, given_answer, when, zone)  # type: ignore[arg-type]
    assert state.retired
    for delay in after:
        when += delay * 100
        assert not is_due(state, when)
        assert pick_due([Stored("backend", "item-0", state.box, state.due_at)], when, ORDER) == []
        with pytest.raises(ValueError, match="retired"):
            answer(state, "again", when, zone)


stored_reviews = st.lists(
    st.builds(
        Stored,
        role=st.just("backend"),
        item_id=st.sampled_from([item for _, item in ORDER]),
        box=st.integers(1, 4),
        due_at=st.none()
        | st.datetimes(min_value=naive(2026, 1, 1), max_value=naive(2026, 12, 31), timezones=st.just(UTC)),
    ),
    max_size=30,
    unique_by=lambda r: r.item_id,
)


@settings(max_examples=300, deadline=None)
@given(
    reviews=stored_reviews,
    now=st.datetimes(min_value=naive(2026, 1, 1), max_value=naive(2027, 1, 1), timezones=st.just(UTC)),
    data=st.data(),
)
def test_at_most_three_are_shown_the_oldest_due_whatever_order_they_come_in(
    reviews: list[Stored], now: datetime, data: st.DataObject
) -> None:
    shown = pick_due(reviews, now, ORDER)
    due = [r for r in reviews if r.due_at is not None and r.due_at <= now]
    assert len(shown) == min(MAX_SHOWN, len(due))
    assert all(r in due for r in shown)
    left = [r for r in due if r not in shown]
    assert all(s.due_at <= r.due_at for s in shown for r in left)  # type: ignore[operator]
    assert pick_due(data.draw(st.permutations(reviews)), now, ORDER) == shown
