"""A self-paced path (a role file without phases) as members meet it on Discord: commands, autocomplete, reminders."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from bot.cogs.reminders import DiscordSender
from bot.reminders.scheduler import Scheduler
from tests.cogs.helpers import assert_error, buttons, embed, fields, message_of, option_values, select_with
from tests.handlers.roles import PACED_SELF_PACED, SELF_PACED, self_paced_content

MONDAY_9 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
"""The first weekly reminder after enrolling on Friday 2026-11-27 (Mondays 09:00 UTC)."""
FIRST_ITEM = "Pick one language for interviews and stick to it"


@pytest.fixture
def content_path(tmp_path: Path) -> Path:
    return self_paced_content(tmp_path / "content")


@pytest.fixture
def scheduler(simcord_env):
    bot = simcord_env.bot
    return Scheduler(bot.services, DiscordSender(bot), lambda: MONDAY_9, rate=1000.0)


def seen(message):
    """A channel message as the helpers read it (components as Discord's JSON)."""
    rows = [row.to_dict() for row in message.components]
    return SimpleNamespace(content=message.content, embeds=message.embeds, components=rows)


async def test_start_learning_says_there_is_no_weekly_plan(channel, alice):
    result = await alice.slash(channel, "start-learning", role=SELF_PACED)

    assert result.ephemeral
    assert embed(result).title == "Coding Interview Prep · Welcome aboard!"
    shown = fields(result)
    assert shown["Where you are"] == "Self-paced · week 1 since you started"
    assert shown["No weekly plan"].startswith(
        "Coding Interview Prep is self-paced: it has no phases and no weekly plan."
    )
    assert shown["Next on your checklist"].startswith(f"**Before You Start**\n⬜ {FIRST_ITEM}\n")
    assert list(buttons(result)) == ["Checklist", "Turn reminders off"]


async def test_progress_and_phase(channel, alice):
    await alice.slash(channel, "start-learning", role=SELF_PACED)

    progress = await alice.slash(channel, "progress")
    phase = await alice.slash(channel, "phase")

    assert fields(progress)["Where"] == "Self-paced · week 1 since you started"
    assert "0/31" in fields(progress)["Checklist"]
    assert_error(phase, "Coding Interview Prep is self-paced: it has no phases.", "/checklist role:interview-checklist")


async def test_no_paces_to_pick_and_a_pace_is_explained(channel, alice):
    # The file lists paces in its front-matter, but a path without phases has no weekly plan to pace.
    offered = await alice.autocomplete(channel, "start-learning", "pace", "", role=PACED_SELF_PACED)
    result = await alice.slash(channel, "start-learning", role=PACED_SELF_PACED, pace="complete_beginner")

    assert offered == []
    assert_error(result, "Paced Checklist is self-paced: it has no weekly plan, so there is no pace to pick.")


async def test_weekly_reminder_lists_the_next_items_and_its_menu_ticks(simcord_env, channel, alice, scheduler):
    await alice.slash(channel, "start-learning", role=SELF_PACED)

    (outcome,) = await scheduler.run_due(MONDAY_9)
    await simcord_env.settle()

    assert outcome.sent
    (dm,) = alice.user.dm_channel.history()
    card = dm.embeds[0]
    assert card.title == "Self-paced · week 1 since you started · Coding Interview Prep"
    assert {f.name for f in card.fields} == {"Next open items", "Progress", "Streak"}
    assert list(buttons(seen(dm))) == ["Snooze a day", "Pause a week", "I worked on this"]
    menu = select_with(seen(dm), FIRST_ITEM)
    ticked = await alice.user.select(dm, [option_values(menu)[FIRST_ITEM]], custom_id=menu["custom_id"])
    assert message_of(ticked).content == f"Ticked on Coding Interview Prep:\n✅ {FIRST_ITEM}"
    assert "1/31" in fields(await alice.slash(channel, "checklist"))["Done"]
