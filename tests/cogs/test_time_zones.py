"""Time zones as members meet them: only canonical names are taken, and a stored zone this server can't use
counts in UTC, with a note, instead of breaking every command and every reminder of that learner.

`Europe/Atlantis` stands for a zone a host lacks (a database moved to another machine, a hand edit);
`localtime` for one whose meaning depends on the host: both are computed in UTC and said so.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from bot.cogs.reminders import DiscordSender
from bot.reminders.planning import replan_group
from bot.reminders.scheduler import Scheduler
from tests.cogs.conftest import NOW
from tests.cogs.helpers import BACKEND, GIT_ITEM, assert_error, message_of, text

MONDAY_9 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
NOTE = "isn't one this server can use, so times and weeks follow UTC"


@pytest.fixture
def store(simcord_env):
    return simcord_env.bot.services.store


@pytest.fixture
def scheduler(simcord_env):
    bot = simcord_env.bot
    return Scheduler(bot.services, DiscordSender(bot), lambda: MONDAY_9, rate=1000.0)


@pytest.fixture
async def learner(channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND)
    return alice


# --------------------------------------------------------------------------- choosing a zone


@pytest.mark.parametrize(
    ("typed", "snippets"),
    [
        ("localtime", ("'localtime' names a setting of the server's own clock, not a place", "Europe/Berlin")),
        ("posixrules", ("'posixrules' names a setting of the server's own clock",)),
        ("right/UTC", ("'right/UTC' names a setting of the server's own clock", "Use `timezone:UTC`.")),
        ("Factory", ("'Factory' names a setting of the server's own clock",)),
        ("US/Pacific", ("'US/Pacific' is an old name of America/Los_Angeles: use `timezone:America/Los_Angeles`.",)),
        ("Asia/Calcutta", ("is an old name of Asia/Kolkata",)),
        ("Europe/Kiev", ("is an old name of Europe/Kyiv",)),
        ("Zulu", ("is an old name of UTC",)),
        ("CET", ("'CET' is an abbreviation, not a place", "Europe/Berlin")),
        ("Etc/GMT+2", ("'Etc/GMT+2' is not a time zone but a fixed offset", "it means UTC-2")),
        ("Berlin", ("'Berlin' is not a time zone. Did you mean `timezone:Europe/Berlin`?",)),
    ],
)
async def test_only_canonical_names_are_taken(store, channel, learner, typed, snippets):
    assert_error(await learner.slash(channel, "remind set", timezone=typed), *snippets)

    assert (await store.get_learner(learner.id)).timezone == "UTC"
    assert (await store.get_reminder_settings(learner.id)).timezone is None
    assert await store.get_plan("user", learner.id) == MONDAY_9


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("europe/berlin", "Europe/Berlin"),
        ("America/New York", "America/New_York"),
        ("UTC", "UTC"),
        ("Etc/UTC", "Etc/UTC"),
    ],
)
async def test_a_canonical_name_is_taken_in_its_own_spelling(store, channel, learner, typed, stored):
    result = await learner.slash(channel, "remind set", timezone=typed)

    assert message_of(result).content.startswith(f"Reminders: Mondays at 09:00 ({stored}).")
    assert (await store.get_learner(learner.id)).timezone == stored


async def test_a_group_takes_only_canonical_names_too(store, guild, channel, admin):
    result = await admin.slash(
        channel, "group create", name="Owls", role=BACKEND, channel=channel, timezone="localtime"
    )

    assert_error(result, "'localtime' names a setting of the server's own clock")
    assert await store.get_group_by_name(guild.id, "Owls") is None


async def test_autocomplete_offers_canonical_names_only(channel, alice):
    pacific = [c["value"] for c in await alice.autocomplete(channel, "remind set", "timezone", "pacific")]
    assert "US/Pacific" not in pacific
    assert "Pacific/Auckland" in pacific
    assert [c["value"] for c in await alice.autocomplete(channel, "remind set", "timezone", "calcutta")] == []
    assert [c["value"] for c in await alice.autocomplete(channel, "remind set", "timezone", "kolkata")] == [
        "Asia/Kolkata"
    ]


# --------------------------------------------------------------------------- a stored zone this server can't use


@pytest.mark.parametrize("stored", ["Europe/Atlantis", "localtime", "right/UTC", "posixrules"])
async def test_every_command_works_in_utc_and_says_so(store, channel, learner, stored):
    await store.set_timezone(learner.id, stored, NOW)

    shown = await learner.slash(channel, "progress")
    assert not message_of(shown).content.startswith("❌")
    assert f"⚠️ Your time zone '{stored}' {NOTE}." in message_of(shown).content
    assert "Week 1 of 36" in text(shown)
    resumed = await learner.slash(channel, "start-learning", role=BACKEND)
    assert f"time zone '{stored}' {NOTE}" in message_of(resumed).content
    assert "Welcome back" in text(resumed)
    for name, options in [
        ("checklist", {}),
        ("phase", {}),
        ("done", {"item": GIT_ITEM}),
        ("skill-deep-dive", {"topic": "week 3"}),
    ]:
        result = await learner.slash(channel, name, **options)
        assert not message_of(result).content.startswith("❌"), (name, message_of(result).content)
        assert "Something went wrong" not in message_of(result).content
    on = await learner.slash(channel, "remind on")
    assert message_of(on).content.startswith("Weekly reminders are on: Mondays at 09:00 (UTC). Next one: Monday")
    assert f"time zone '{stored}' {NOTE}" in message_of(on).content
    paused = await learner.slash(channel, "remind pause", until="2026-12-24")
    assert message_of(paused).content.startswith("Reminders paused until 2026-12-24.")


async def test_the_weekly_reminder_goes_out_in_utc_and_says_so(simcord_env, store, scheduler, learner):
    await store.set_timezone(learner.id, "Europe/Atlantis", NOW)

    (outcome,) = await scheduler.run_due(MONDAY_9)
    await simcord_env.settle()

    assert outcome.sent, outcome
    (dm,) = learner.user.dm_channel.history()
    assert dm.content.startswith(f"⚠️ Your time zone 'Europe/Atlantis' {NOTE}.")
    assert dm.embeds[0].title.startswith("Week 1 of 36")
    assert await store.get_plan("user", learner.id) == datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


async def test_setting_a_zone_puts_it_right(store, channel, learner):
    await store.set_timezone(learner.id, "localtime", NOW)

    result = await learner.slash(channel, "remind set", timezone="Europe/Berlin")

    assert message_of(result).content == (
        "Reminders: Mondays at 09:00 (Europe/Berlin). Next one: Monday 2026-11-30 09:00 (Europe/Berlin)."
    )
    assert "⚠️" not in message_of(await learner.slash(channel, "progress")).content


async def test_a_groups_stored_zone_this_server_cant_use(simcord_env, store, guild, channel, alice, scheduler):
    group = await store.create_group(
        guild_id=guild.id,
        name="Owls",
        role=BACKEND,
        channel_id=channel.id,
        weekday=0,
        local_time=time(9, 0),
        timezone="Europe/Atlantis",
        created_by=None,
        now=NOW,
    )
    await replan_group(simcord_env.bot.services, group.id, NOW)
    await alice.slash(channel, "group join", name="Owls")

    board = await alice.slash(channel, "group board", name="Owls")
    assert message_of(board).content == f"⚠️ This group's time zone 'Europe/Atlantis' {NOTE}."
    assert "Weekly post: Mondays 09:00 (UTC)" in text(board)

    outcomes = await scheduler.run_due(MONDAY_9)
    await simcord_env.settle()
    assert all(o.sent for o in outcomes), outcomes
    posts = [m for m in channel.history() if m.author.id == simcord_env.bot.user.id and m.interaction_metadata is None]
    assert posts and posts[-1].content.startswith("⚠️ This group's time zone 'Europe/Atlantis'")
