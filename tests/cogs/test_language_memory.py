"""The language a member uses Discord in is remembered for their reminders; a study group takes its server's.

SimCord sends every interaction as en-US; `speak` makes it send another user locale and server locale, as
Discord does for a member whose client is in German, or a Community server whose language is Spanish.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import discord
import pytest
import simcord.interactions as simcord_interactions

from bot import i18n
from bot.cogs.reminders import DiscordSender
from bot.discord_io import caller_of, guild_locale_of
from bot.reminders import scheduler as scheduler_module
from bot.reminders.scheduler import Scheduler
from tests.cogs.helpers import BACKEND, components, message_of

MONDAY_9 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
OWLS = "Night Owls"


@pytest.fixture
def speak(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The locales SimCord's interactions carry from now on: set `["user"]` and `["guild"]` (Discord's tags)."""
    said = {"user": "en-US", "guild": "en-US"}
    real = simcord_interactions.base_payload

    def base_payload(*args: Any, **kwargs: Any) -> Any:
        record, payload = real(*args, **kwargs)
        payload["locale"] = said["user"]
        if "guild_locale" in payload:
            payload["guild_locale"] = said["guild"]
        return record, payload

    monkeypatch.setattr(simcord_interactions, "base_payload", base_payload)
    return said


@pytest.fixture
def store(simcord_env):
    return simcord_env.bot.services.store


@pytest.fixture
def writes(store, monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often the bot stored a learner's language, by the language stored."""
    counted: Counter[str] = Counter()
    real = store.set_learner_locale

    async def spy(user_id: int, locale: str) -> bool:
        counted[locale] += 1
        return await real(user_id, locale)

    monkeypatch.setattr(store, "set_learner_locale", spy)
    return counted


def community(env, guild) -> None:
    """Make the guild a Community server, the only kind whose language Discord lets its admins choose."""
    env.bot.get_guild(guild.id).features.append("COMMUNITY")


async def test_commands_and_clicks_remember_the_language_once_per_change(speak, store, writes, channel, alice):
    speak["user"] = "de"
    started = await alice.slash(channel, "start-learning", role=BACKEND)
    learner = await store.get_learner(alice.id)
    assert learner.locale == "de"  # the command that made her a learner recorded it
    for _ in range(3):
        await alice.slash(channel, "today")
    assert writes == Counter(de=1)  # German again and again: nothing more written

    speak["user"] = "es-ES"
    clickable = next(c["custom_id"] for c in components(started) if c.get("custom_id"))
    await alice.click(message_of(started), custom_id=clickable)
    assert (await store.get_learner(alice.id)).locale == "es"
    assert writes == Counter(de=1, es=1)


async def test_someone_who_only_looks_around_is_not_stored(speak, store, writes, channel, alice):
    speak["user"] = "de"
    await alice.slash(channel, "roles")
    assert await store.get_learner(alice.id) is None
    assert writes == Counter()


@pytest.fixture
def composed_in(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The language each study group post was composed in."""
    seen: list[str] = []
    real = scheduler_module.compose_group

    async def compose_group(*args: Any, **kwargs: Any) -> Any:
        seen.append(i18n.current())
        return await real(*args, **kwargs)

    monkeypatch.setattr(scheduler_module, "compose_group", compose_group)
    return seen


async def test_a_group_created_in_a_german_community_server_posts_in_german(
    simcord_env, speak, store, composed_in, guild, channel, admin
):
    community(simcord_env, guild)
    speak["guild"] = "de"  # the admin's own Discord is in English
    await admin.slash(channel, "group create", name=OWLS, role=BACKEND, channel=channel)
    group = await store.get_group_by_name(guild.id, OWLS)
    assert group.locale == "de"
    scheduler = Scheduler(simcord_env.bot.services, DiscordSender(simcord_env.bot), lambda: MONDAY_9, rate=1000.0)
    outcomes = await scheduler.run_due(MONDAY_9)
    assert [o.sent for o in outcomes] == [True]
    assert composed_in == ["de"]


async def test_a_server_that_chose_no_language_takes_its_creator(simcord_env, speak, store, guild, channel, admin):
    speak["user"], speak["guild"] = "es-419", "en-US"  # Discord's default for every server but a Community one
    await admin.slash(channel, "group create", name=OWLS, role=BACKEND, channel=channel)
    group = await store.get_group_by_name(guild.id, OWLS)
    assert group.locale == "es"


def interaction(*, guild_id: int | None, guild_locale: str | None, features: list[str] | None) -> Any:
    """A stand-in for what `caller_of` reads of a `discord.Interaction`."""
    guild = None if features is None else SimpleNamespace(features=features)
    return SimpleNamespace(
        user=SimpleNamespace(id=7, display_name="ann"),
        locale=discord.Locale.german,
        guild_id=guild_id,
        guild_locale=None if guild_locale is None else discord.Locale(guild_locale),
        guild=guild,
    )


@pytest.mark.parametrize(
    ("guild_id", "guild_locale", "features", "expected"),
    [
        (None, None, None, None),  # a DM: no server
        (5, "es-ES", ["COMMUNITY"], "es"),
        (5, "fr", ["COMMUNITY"], "en"),  # a language the bot does not speak: English
        (5, "en-US", [], None),  # not a Community server: en-US is Discord's default, not a choice
        (5, "de", None, "de"),  # the server not known here: the interaction's word is taken
    ],
)
def test_the_server_language_is_the_one_a_community_chose(guild_id, guild_locale, features, expected):
    found = interaction(guild_id=guild_id, guild_locale=guild_locale, features=features)
    assert guild_locale_of(found) == expected
    caller = caller_of(found)
    assert (caller.locale, caller.guild_locale) == ("de", expected)
