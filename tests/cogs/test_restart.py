"""Buttons and menus keep working after the bot restarts; commands are synced only when they change."""

from __future__ import annotations

import pytest

from bot.bot import WaymarkBot
from tests.cogs.conftest import close_store
from tests.cogs.helpers import BACKEND, GIT_ITEM, embed, fields, option_values, select_with


@pytest.fixture
async def restart(simcord_env, settings):
    """Restart the bot: a new WaymarkBot process on the same database and content folder.

    The old bot is drained and detached by SimCord (the virtual Discord, its messages and their
    components persist), then its store is closed, as a real process exit would.
    """
    started: list[WaymarkBot] = []

    async def do() -> WaymarkBot:
        old = simcord_env.bot
        new = WaymarkBot(settings, run_scheduler=False)  # loads content and opens the store itself
        await simcord_env.restart_bot(new)
        await close_store(old)
        started.append(new)
        return new

    yield do
    for bot in started:
        await close_store(bot)


def command_syncs(env) -> int:
    return sum(1 for r in env.http_requests if r.method == "PUT" and r.path.endswith("/commands"))


async def test_buttons_and_selects_work_after_a_restart(simcord_env, channel, alice, restart):
    start = await alice.slash(channel, "start-learning", role=BACKEND)
    checklist = await alice.slash(channel, "checklist")
    first = simcord_env.bot

    second = await restart()

    assert simcord_env.bot is second is not first
    assert second.services is not first.services
    week = await alice.click(start.response, label="This week")
    assert embed(week).title == "Today · Backend Engineer · week 1 of 36"

    menu = select_with(checklist, GIT_ITEM)
    ticked = await alice.select(checklist.response, [option_values(menu)[GIT_ITEM]], custom_id=menu["custom_id"])
    assert "1/15" in fields(ticked)["Done"]
    assert len(await second.services.store.get_progress(alice.id, BACKEND)) == 1


async def test_deep_dive_menu_and_paging_after_a_restart(channel, alice, restart):
    result = await alice.slash(channel, "skill-deep-dive", topic="postgesql")

    await restart()
    picked = await alice.select(
        result.response, [option_values(select_with(result, "PostgreSQL hands-on"))["PostgreSQL hands-on"]]
    )

    assert embed(picked).title == "PostgreSQL hands-on"


async def test_commands_are_synced_only_when_they_change(simcord_env, channel, alice, restart):
    assert command_syncs(simcord_env) == 1

    await restart()
    assert command_syncs(simcord_env) == 1  # same definitions: no sync
    assert (await alice.slash(channel, "help")).response is not None

    await simcord_env.bot.services.store.delete_meta("commands_hash:global")
    await restart()
    assert command_syncs(simcord_env) == 2  # unknown hash: synced again
