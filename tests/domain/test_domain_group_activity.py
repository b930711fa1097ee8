"""Tests for bot.domain.reminders.group_activity: who ticked what since a group's last post, and its board."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.reminders import BOARD_SIZE, BoardRow, MemberActivity, group_activity

NOW = datetime(2026, 12, 14, 9, tzinfo=UTC)
LAST_POST = NOW - timedelta(weeks=1)
ANN, BOB, CAT, DAN, EVE, FAY, GUS = 1, 2, 3, 4, 5, 6, 7


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def activity(members, ticks, visible, streaks=None, *, since=LAST_POST, week_start=LAST_POST, now=NOW):
    return group_activity(members, ticks, visible, streaks or {}, since=since, week_start=week_start, now=now)


def test_names_visible_members_with_their_items_most_first():
    ticks = {
        ANN: [("git", ago(2))],
        BOB: [("sql", ago(1)), ("http", ago(3))],
        CAT: [("old", ago(10))],  # before the last post
    }
    found = activity([ANN, BOB, CAT], ticks, visible={ANN, BOB, CAT})
    assert found.named == (MemberActivity(BOB, ("http", "sql")), MemberActivity(ANN, ("git",)))
    assert (found.members, found.items) == (2, 3)


def test_hidden_members_count_but_are_never_named_or_ranked():
    ticks = {ANN: [("git", ago(2))], BOB: [("sql", ago(1)), ("http", ago(3))]}
    found = activity([ANN, BOB], ticks, visible={ANN}, streaks={BOB: 9})
    assert [m.user_id for m in found.named] == [ANN]
    assert (found.hidden_members, found.hidden_items) == (1, 2)
    assert (found.members, found.items) == (2, 3)
    assert [row.user_id for row in found.board] == [ANN]


def test_board_ranks_by_items_this_week_then_streak_then_joining_order():
    ticks = {
        ANN: [("a", ago(1))],
        BOB: [("a", ago(1)), ("b", ago(2))],
        CAT: [("a", ago(1))],
        DAN: [],
        EVE: [("a", ago(1))],
    }
    streaks = {ANN: 1, CAT: 4, DAN: 2, EVE: 1}
    found = activity([ANN, BOB, CAT, DAN, EVE], ticks, visible={ANN, BOB, CAT, DAN, EVE}, streaks=streaks)
    assert found.board == (
        BoardRow(BOB, 2, 0),
        BoardRow(CAT, 1, 4),
        BoardRow(ANN, 1, 1),
        BoardRow(EVE, 1, 1),
        BoardRow(DAN, 0, 2),  # nothing this week, but a streak still running
    )


def test_board_keeps_the_top_five_and_leaves_off_members_with_nothing():
    members = [ANN, BOB, CAT, DAN, EVE, FAY, GUS]
    ticks = {m: [(f"i{k}", ago(1)) for k in range(m)] for m in members[:-1]}  # gus has nothing
    found = activity(members, ticks, visible=set(members))
    assert [row.user_id for row in found.board] == [FAY, EVE, DAN, CAT, BOB]
    assert len(found.board) == BOARD_SIZE
    assert GUS not in [m.user_id for m in found.named]


def test_this_week_and_since_the_last_post_are_separate_windows():
    # The last post went out three weeks ago (the bot was offline): named ticks reach back to it,
    # the board counts only this week.
    ticks = {ANN: [("a", ago(20)), ("b", ago(2))]}
    found = activity([ANN], ticks, visible={ANN}, since=ago(21), week_start=ago(7))
    assert found.named == (MemberActivity(ANN, ("a", "b")),)
    assert found.board == (BoardRow(ANN, 1, 0),)


def test_window_edges_a_tick_at_the_last_post_belongs_to_that_post():
    ticks = {ANN: [("at-post", LAST_POST), ("just-after", LAST_POST + timedelta(seconds=1)), ("late", NOW)]}
    found = activity([ANN], ticks, visible={ANN})
    assert found.named == (MemberActivity(ANN, ("just-after", "late")),)


def test_ticks_after_now_are_left_for_the_next_post():
    found = activity([ANN], {ANN: [("future", NOW + timedelta(minutes=1))]}, visible={ANN})
    assert found.named == () and found.board == ()


def test_a_member_missing_from_ticks_ticked_nothing_and_non_members_are_ignored():
    found = activity([ANN], {BOB: [("a", ago(1))]}, visible={ANN, BOB})
    assert found.named == () and found.items == 0


def test_naive_instants_are_refused():
    with pytest.raises(ValueError, match="since"):
        activity([ANN], {}, set(), since=datetime(2026, 12, 1))  # noqa: DTZ001 - the point of the test


members_st = st.lists(st.integers(min_value=1, max_value=12), unique=True, max_size=10)


@given(
    members=members_st,
    data=st.data(),
)
def test_activity_properties(members, data):
    ticks = {
        m: data.draw(
            st.lists(
                st.tuples(
                    st.sampled_from("abcdefgh"),
                    st.integers(min_value=-30 * 24, max_value=2).map(lambda h: NOW + timedelta(hours=h)),
                ),
                max_size=8,
            )
        )
        for m in members
    }
    visible = set(data.draw(st.lists(st.sampled_from(members), unique=True))) if members else set()
    streaks = {m: data.draw(st.integers(min_value=0, max_value=20)) for m in members}
    since = NOW - timedelta(hours=data.draw(st.integers(min_value=0, max_value=30 * 24)))
    week_start = NOW - timedelta(weeks=1)
    found = activity(members, ticks, visible, streaks, since=since, week_start=week_start)

    def window(m, after):
        return {item for item, at in ticks[m] if after < at <= NOW}

    # Every member who ticked since the last post is named (visible) or counted (hidden), once.
    named = {m.user_id: set(m.items) for m in found.named}
    assert named == {m: window(m, since) for m in members if m in visible and window(m, since)}
    assert found.hidden_members == sum(1 for m in members if m not in visible and window(m, since))
    assert found.items == sum(len(window(m, since)) for m in members)
    assert [len(m.items) for m in found.named] == sorted((len(m.items) for m in found.named), reverse=True)
    # The board: visible members only, at most five, in order, with this week's counts.
    assert len(found.board) <= BOARD_SIZE
    assert all(row.user_id in visible for row in found.board)
    keys = [(-row.items, -row.streak) for row in found.board]
    assert keys == sorted(keys)
    for row in found.board:
        assert row.items == len(window(row.user_id, week_start)) and row.streak == streaks[row.user_id]
    left_off = [m for m in members if m in visible and m not in {r.user_id for r in found.board}]
    if len(found.board) < BOARD_SIZE:  # room left: only members with nothing at all are missing
        assert all(not window(m, week_start) and not streaks[m] for m in left_off)
    elif found.board:
        worst = (found.board[-1].items, found.board[-1].streak)
        assert all((len(window(m, week_start)), streaks[m]) <= worst for m in left_off)
