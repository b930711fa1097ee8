"""Spaced review on Discord through SimCord: the review buttons of a reminder DM and of /today, /review and
/remind reviews as members see them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import discord
import pytest
from simcord import OptionError, SetupError

from bot import discord_io
from bot.cogs.reminders import DiscordSender
from bot.reminders.scheduler import Scheduler
from tests.cogs.conftest import NOW
from tests.cogs.helpers import BACKEND, GIT_ITEM, assert_error, buttons, embed, fields, message_of, text

MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
"""The second Monday after Alice enrolls (Friday 2026-11-27): the item she ticked that Friday is due since Friday."""
HTTP_ITEM = "Understand HTTP and web protocols"


def seen(message: discord.Message) -> SimpleNamespace:
    rows = [row.to_dict() for row in message.components]
    return SimpleNamespace(content=message.content, embeds=message.embeds, components=rows)


def at(monkeypatch: pytest.MonkeyPatch, when: datetime) -> None:
    """Set the time the bot reads for the next interactions."""
    monkeypatch.setattr(discord_io, "utc_now", lambda: when)


@pytest.fixture
async def ticked(channel, alice):
    """Alice on Backend Engineer, with two items ticked on Friday 2026-11-27."""
    await alice.slash(channel, "start-learning", role=BACKEND)
    await alice.slash(channel, "done", item=GIT_ITEM)
    await alice.slash(channel, "done", item=HTTP_ITEM)
    return alice


async def test_the_reminder_dm_asks_and_its_buttons_answer(simcord_env, monkeypatch, ticked):
    bot = simcord_env.bot
    scheduler = Scheduler(bot.services, DiscordSender(bot), lambda: MONDAY, rate=1000.0)
    await scheduler.run_due(NOW + timedelta(days=3))  # Monday 30 November: nothing due yet
    await scheduler.run_due(MONDAY)
    await simcord_env.settle()
    first, second = ticked.user.dm_channel.history()
    assert "Time to review" not in text(seen(first))
    review_card = embed(seen(second), 1)
    assert review_card.title == "🔁 Time to review · still got it?"
    assert review_card.description == (
        f"**1. {HTTP_ITEM}**\nFrom Phase 1: Foundations · `/phase number:1 role:backend-engineer` · review 1 of 4\n"
        f"**2. {GIT_ITEM}**\nFrom Phase 1: Foundations · `/phase number:1 role:backend-engineer` · review 1 of 4"
    )
    shown = buttons(seen(second))
    assert [label for label in shown if label[0].isdigit()] == [
        "1 · Still got it",
        "1 · Review again",
        "2 · Still got it",
        "2 · Review again",
    ]
    assert shown["1 · Still got it"]["style"] == discord.ButtonStyle.success.value
    assert all(len(b["custom_id"]) <= 100 for b in shown.values())

    at(monkeypatch, MONDAY + timedelta(minutes=5))
    got = await ticked.user.click(second, label="2 · Still got it")
    assert got.ephemeral
    assert message_of(got).content == (
        f"✅ **{GIT_ITEM}**: next review in 3 weeks, on Monday 2026-12-28 (review 2 of 4)."
    )
    again = await ticked.user.click(second, label="2 · Review again")
    assert_error(again, f"Already answered: **{GIT_ITEM}** comes back on Monday 2026-12-28.")
    later = await ticked.user.click(second, label="1 · Review again")
    assert message_of(later).content.startswith(f"🔁 **{HTTP_ITEM}** comes back next week, on Monday 2026-12-14.")


async def test_another_member_cannot_answer_my_reviews(monkeypatch, channel, ticked, bob):
    at(monkeypatch, MONDAY)
    shown = await ticked.slash(channel, "today")
    assert "1 · Still got it" in buttons(shown)
    # The reply is ephemeral: only Alice sees it, so only she can press its buttons. (A review button names no
    # member: pressed by anyone else, it could only answer that member's own review of the item.)
    with pytest.raises(SetupError, match="not visible"):
        await bob.click(shown.response, label="1 · Still got it")


async def test_today_and_review_in_a_server(monkeypatch, channel, ticked):
    at(monkeypatch, NOW + timedelta(days=6))
    assert "Time to review" not in text(await ticked.slash(channel, "today"))
    at(monkeypatch, MONDAY)
    today = await ticked.slash(channel, "today")
    assert fields(today)["🔁 Time to review · still got it?"].startswith(f"**1. {HTTP_ITEM}**\nFrom Phase 1")
    labels = list(buttons(today))
    assert labels[:2] == ["Whole phase", "Checklist"]
    assert labels[-4:] == ["1 · Still got it", "1 · Review again", "2 · Still got it", "2 · Review again"]
    answered = await ticked.click(today.response, label="1 · Still got it")
    assert message_of(answered).content.startswith(f"✅ **{HTTP_ITEM}**: next review in 3 weeks")

    review = await ticked.slash(channel, "review")
    assert review.ephemeral
    assert embed(review).title == "Review · Backend Engineer"
    assert embed(review).description == "1 item due for review. Still got it?"
    assert list(buttons(review)) == ["1 · Still got it", "1 · Review again"]
    await ticked.click(review.response, label="1 · Still got it")
    done = await ticked.slash(channel, "review", role="backend")
    assert embed(done).description.startswith("Nothing to review right now.\nNext: **Understand HTTP")


async def test_remind_reviews_takes_on_or_off(monkeypatch, channel, ticked):
    off = await ticked.slash(channel, "remind reviews", state="off")
    assert off.ephemeral
    assert message_of(off).content.startswith("Spaced review is off:")
    at(monkeypatch, MONDAY)
    assert "Time to review" not in text(await ticked.slash(channel, "today"))
    asked = await ticked.slash(channel, "remind reviews")
    assert message_of(asked).content == "Spaced review is off. `/remind reviews state:on` changes it."
    with pytest.raises(OptionError):
        await ticked.slash(channel, "remind reviews", state="sometimes")  # Discord offers only on and off
    await ticked.slash(channel, "remind reviews", state="on")
    assert "Time to review" in text(await ticked.slash(channel, "today"))
