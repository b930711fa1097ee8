"""'I worked on this': a check-in counts the week for the streak, once a path week, in the learner's own zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.handlers import learning, progress, today
from bot.services import Services, UserError
from tests.handlers.conftest import ANN, NOW, caller, press, text

ROLE = "backend-engineer"


async def check_in(svc: Services, days: float) -> str:
    return text(await progress.check_in(svc, caller(days=days), ROLE))


async def test_a_check_in_counts_the_week_once(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    assert "✅ Week 1 of Backend Engineer counts for your streak. Streak: 1 week in a row" in await check_in(svc, 1)
    assert "✅ Week 1 of Backend Engineer already counts for your streak" in await check_in(svc, 2)
    assert len(await svc.store.list_checkins(ANN, ROLE)) == 1  # one a week is kept
    shown = text(await progress.progress(svc, caller(days=2)))
    assert "Streak: 1 week in a row · longest 1 week" in shown


async def test_check_ins_keep_a_streak_through_a_grace_week(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    for week in (0, 1, 2, 4):  # weeks 1, 2, 3 and 5; week 4 has nothing: one grace week in five is forgiven
        await check_in(svc, 7 * week + 1)
    shown = text(await progress.progress(svc, caller(days=7 * 4 + 2)))
    assert "Streak: 4 weeks in a row · longest 4 weeks" in shown
    later = text(await progress.progress(svc, caller(days=7 * 6 + 2)))  # week 6 went by with nothing
    assert "Streak: No streak now · longest 4 weeks" in later


async def test_ticks_and_check_ins_make_one_streak(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    await progress.done(svc, caller(days=1), "Use git professionally")  # week 1: a tick
    await check_in(svc, 8)  # week 2: a check-in; week 3: nothing (a grace week)
    await check_in(svc, 22)  # week 4: a check-in
    fresh = text(await progress.progress(svc, caller(days=23)))
    assert "Streak: 3 weeks in a row · longest 3 weeks\n" in fresh
    # Week 5 has nothing yet, and the grace week was used within four weeks: this week decides.
    shown = text(await progress.progress(svc, caller(days=29)))
    assert "Streak: 3 weeks in a row · longest 3 weeks · tick an item or check in this week to keep it" in shown


async def test_the_week_is_the_learners_own(svc: Services) -> None:
    await svc.store.set_timezone(ANN, "America/New_York", NOW)
    await learning.start_learning(svc, caller(now=datetime(2026, 3, 2, 14, tzinfo=UTC)), ROLE, start="2026-03-02")
    # 2026-03-09 03:30 UTC is Sunday 23:30 in New York (EDT since that morning): still week 1 there.
    late_sunday = datetime(2026, 3, 9, 3, 30, tzinfo=UTC)
    shown = text(await progress.check_in(svc, caller(now=late_sunday), ROLE))
    assert "✅ Week 1 of Backend Engineer counts" in shown
    monday = text(await progress.check_in(svc, caller(now=late_sunday + timedelta(hours=1)), ROLE))
    assert "✅ Week 2 of Backend Engineer counts" in monday


async def test_before_the_start_or_off_the_path_it_says_why(svc: Services) -> None:
    with pytest.raises(UserError, match="You aren't following Backend Engineer"):
        await check_in(svc, 0)
    await learning.start_learning(svc, caller(), ROLE, start="2026-12-01")
    with pytest.raises(UserError, match="starts on 2026-12-01: check in once it has begun"):
        await check_in(svc, 0)
    assert await svc.store.list_checkins(ANN, ROLE) == []


async def test_today_has_the_button(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    shown = await today.today(svc, caller())
    assert [b.label for b in shown.buttons] == ["Whole phase", "Checklist", "I worked on this"]
    clicked = await press(svc, caller(), shown, "I worked on this")
    assert not clicked.update  # the /today card stays; the check-in answers on its own
    assert "✅ Week 1 of Backend Engineer counts" in text(clicked.reply)
