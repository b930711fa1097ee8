"""/remind on|off|set|pause|preview, the reminder's buttons in a DM, and the scheduler sending through SimCord.

The bot is built with `run_scheduler=False`; scheduler tests build their own `Scheduler` over the bot's
services and a `DiscordSender(bot)`, and call `run_due(at)` with the time they choose.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import discord
import pytest
from simcord import OptionError, SetupError

from bot import discord_io
from bot.cogs.reminders import DiscordSender
from bot.discord_io import DMS_CLOSED_NOTICE
from bot.reminders.scheduler import Scheduler
from tests.cogs.conftest import NOW
from tests.cogs.helpers import (
    BACKEND,
    GIT_ITEM,
    assert_error,
    buttons,
    embed,
    fields,
    message_of,
    option_values,
    select_with,
    selects,
)

MONDAY_9 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
"""Alice's first reminder: enrolling on Friday 2026-11-27 plans Mondays at 09:00 in her zone (UTC)."""
CLOSED = {"status": 403, "code": 50007, "message": "Cannot send messages to this user"}


@pytest.fixture
def store(simcord_env):
    return simcord_env.bot.services.store


@pytest.fixture
def scheduler(simcord_env):
    """A scheduler over the bot's services, sending through SimCord; its clock is never read by `run_due`."""
    bot = simcord_env.bot
    return Scheduler(bot.services, DiscordSender(bot), lambda: MONDAY_9, rate=1000.0)


@pytest.fixture
async def learner(channel, alice):
    """Alice, enrolled in Backend Engineer (so reminders are on: Mondays 09:00 UTC)."""
    await alice.slash(channel, "start-learning", role=BACKEND)
    return alice


def dm_messages(member) -> list[discord.Message]:
    return member.user.dm_channel.history()


def seen(message: discord.Message) -> SimpleNamespace:
    """A channel message as the helpers read it (components as Discord's JSON)."""
    rows = [row.to_dict() for row in message.components]
    return SimpleNamespace(content=message.content, embeds=message.embeds, components=rows)


def close_dms(env, member, times: int | None = None) -> None:
    """Make sending to the member's DM channel fail with 50007, as when they close DMs from the server."""
    env.inject_error("POST", f"/channels/{member.user.dm_channel.id}/messages", times=times, **CLOSED)


async def run_due(env, scheduler: Scheduler, at: datetime):
    outcomes = await scheduler.run_due(at)
    await env.settle()
    return outcomes


# --------------------------------------------------------------------------- /remind on | off


async def test_remind_on_tells_the_next_reminder(store, channel, learner):
    result = await learner.slash(channel, "remind on")

    assert result.ephemeral
    assert message_of(result).content == (
        "Weekly reminders are on: Mondays at 09:00 (UTC). Next one: Monday 2026-11-30 09:00 (UTC)."
    )
    assert await store.get_plan("user", learner.id) == MONDAY_9


async def test_remind_on_without_a_path_plans_nothing(store, channel, alice):
    result = await alice.slash(channel, "remind on")

    assert message_of(result).content.endswith("Nothing is planned: enroll in a path with `/start-learning` first.")
    assert await store.get_plan("user", alice.id) is None


async def test_remind_off_clears_the_plan(store, channel, learner):
    result = await learner.slash(channel, "remind off")

    assert result.ephemeral
    assert message_of(result).content == "Weekly reminders are off. `/remind on` brings them back."
    assert await store.get_plan("user", learner.id) is None
    back = await learner.slash(channel, "remind on")
    assert "Next one: Monday 2026-11-30 09:00 (UTC)." in message_of(back).content


# --------------------------------------------------------------------------- /remind set


async def test_remind_set_day_time_and_zone(store, channel, learner):
    # Friday 10:00 UTC is 11:00 in Berlin: 18:30 today is still ahead.
    result = await learner.slash(channel, "remind set", day="friday", time="18:30", timezone="Europe/Berlin")

    assert result.ephemeral
    assert message_of(result).content == (
        "Reminders: Fridays at 18:30 (Europe/Berlin). Next one: Friday 2026-11-27 18:30 (Europe/Berlin)."
    )
    assert await store.get_plan("user", learner.id) == datetime(2026, 11, 27, 17, 30, tzinfo=UTC)
    assert (await store.get_learner(learner.id)).timezone == "Europe/Berlin"  # weeks follow the zone too


async def test_remind_set_keeps_what_is_not_given(channel, learner):
    await learner.slash(channel, "remind set", day="wednesday", timezone="Asia/Kolkata")

    result = await learner.slash(channel, "remind set", time="7.05")

    assert message_of(result).content.startswith("Reminders: Wednesdays at 07:05 (Asia/Kolkata).")


async def test_remind_set_needs_an_option(channel, learner):
    assert_error(await learner.slash(channel, "remind set"), "Give at least one of day, time or timezone")


@pytest.mark.parametrize("bad", ["25:00", "9am", "12:60", "noon"])
async def test_remind_set_bad_time(channel, learner, bad):
    assert_error(await learner.slash(channel, "remind set", time=bad), f"'{bad}' is not a time", "HH:MM")


@pytest.mark.parametrize("bad", ["Mars/Olympus_Mons", "Berlin", "../etc/passwd", "UTC+2"])
async def test_remind_set_bad_zone(store, channel, learner, bad):
    result = await learner.slash(channel, "remind set", timezone=bad)

    assert_error(result, "is not a time zone", "Europe/Berlin")
    assert (await store.get_learner(learner.id)).timezone == "UTC"  # nothing changed
    assert await store.get_plan("user", learner.id) == MONDAY_9


async def test_remind_set_day_is_a_choice(channel, learner):
    """Discord offers the seven days only; it never sends anything else."""
    with pytest.raises(OptionError):
        await learner.slash(channel, "remind set", day="someday")


async def test_timezone_autocomplete(channel, alice):
    berlin = await alice.autocomplete(channel, "remind set", "timezone", "berl")
    assert berlin[0] == {"name": "Europe/Berlin", "value": "Europe/Berlin"}

    by_city = [c["value"] for c in await alice.autocomplete(channel, "remind set", "timezone", "new york")]
    assert "America/New_York" in by_city

    anything = await alice.autocomplete(channel, "remind set", "timezone", "")
    assert len(anything) == 25
    assert await alice.autocomplete(channel, "remind set", "timezone", "zzzz-no-such") == []


# --------------------------------------------------------------------------- /remind pause


async def test_remind_pause_until_a_date(store, channel, learner):
    result = await learner.slash(channel, "remind pause", until="2026-12-10")

    assert result.ephemeral
    assert message_of(result).content == ("Reminders paused until 2026-12-10. Next one: Monday 2026-12-14 09:00 (UTC).")
    assert await store.get_plan("user", learner.id) == datetime(2026, 12, 14, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("until", "snippet"),
    [
        ("next week", "'next week' is not a date. Use YYYY-MM-DD, e.g. 2026-12-04."),
        ("2026-11-27", "Pick a date after today (2026-11-27)."),
        ("2025-01-01", "Pick a date after today"),
        ("2028-01-01", "Pause for at most a year"),
    ],
)
async def test_remind_pause_bad_dates(store, channel, learner, until, snippet):
    assert_error(await learner.slash(channel, "remind pause", until=until), snippet)
    assert await store.get_plan("user", learner.id) == MONDAY_9


# --------------------------------------------------------------------------- /remind preview


async def test_preview_arrives_as_a_dm(simcord_env, channel, learner):
    result = await learner.slash(channel, "remind preview")

    assert result.ephemeral
    callbacks = [r.json["type"] for r in simcord_env.http_requests if r.path.endswith("/callback")]
    assert callbacks[-1] == 5  # "thinking" at once (opening a DM can be slow), then the answer
    assert message_of(result).content == "Sent you this week's reminder by DM. 📬"
    (dm,) = dm_messages(learner)
    (card,) = dm.embeds
    assert card.title == "Week 1 of 36 · Phase 1 (weeks 1-4) · Backend Engineer"
    assert "**Objective:**" in card.description
    assert card.footer.text.startswith("Weekly reminder")
    assert GIT_ITEM in option_values(select_with(seen(dm), GIT_ITEM))
    assert list(buttons(seen(dm))) == [
        "Snooze a day",
        "Pause a week",
        "I worked on this",
    ]  # week 1: no earlier week to move back to


async def test_preview_without_a_path(channel, alice):
    assert_error(await alice.slash(channel, "remind preview"), "You aren't following any path yet")
    assert dm_messages(alice) == []


async def test_preview_with_dms_closed_is_shown_here_instead(simcord_env, store, channel, learner):
    close_dms(simcord_env, learner)

    result = await learner.slash(channel, "remind preview")

    assert result.ephemeral
    assert message_of(result).content.startswith("I can't DM you (your DMs are closed to me).")
    assert embed(result).title == "Week 1 of 36 · Phase 1 (weeks 1-4) · Backend Engineer"
    assert not selects(result)  # the copy is for reading; the weekly DM has the buttons
    assert dm_messages(learner) == []
    assert not (await store.get_learner(learner.id)).dm_undeliverable  # a preview alone flags nothing


async def test_preview_has_a_cooldown(channel, learner):
    for _ in range(2):
        assert message_of(await learner.slash(channel, "remind preview")).content.startswith("Sent you")

    assert_error(await learner.slash(channel, "remind preview"), "Slow down a little")
    assert len(dm_messages(learner)) == 2


async def test_remind_works_in_dms(simcord_env, channel, learner):
    user = learner.user
    assert "remind preview" in user.available_commands()

    result = await user.slash("remind on")

    assert message_of(result).content.startswith("Weekly reminders are on")
    preview = await user.slash("remind preview")
    assert message_of(preview).content == "Sent you this week's reminder by DM. 📬"
    assert any(m.embeds and m.embeds[0].title.endswith("· Backend Engineer") for m in dm_messages(learner))


# --------------------------------------------------------------------------- the reminder's components, in the DM


@pytest.fixture
async def reminder_dm(channel, learner):
    await learner.slash(channel, "remind preview")
    (dm,) = dm_messages(learner)
    return dm


async def test_tick_items_from_the_reminder(channel, learner, reminder_dm):
    menu = select_with(seen(reminder_dm), GIT_ITEM)
    options = option_values(menu)
    picked = [options[GIT_ITEM], options["Understand HTTP and web protocols"]]  # Phase 1's items

    result = await learner.user.select(reminder_dm, picked, custom_id=menu["custom_id"])

    assert result.ephemeral
    assert (
        message_of(result).content
        == f"Ticked on Backend Engineer:\n✅ {GIT_ITEM}\n✅ Understand HTTP and web protocols"
    )
    checklist = await learner.slash(channel, "checklist")
    assert "2/15" in fields(checklist)["Done"]


async def test_snooze_a_day(store, learner, reminder_dm):
    result = await learner.user.click(reminder_dm, label="Snooze a day")

    assert result.ephemeral
    assert message_of(result).content == "Snoozed: I'll remind you again at 2026-11-28 10:00 (UTC)."
    assert await store.get_plan("user", learner.id) == datetime(2026, 11, 28, 10, 0, tzinfo=UTC)


@pytest.fixture
async def week_5_dm(channel, alice):
    """Alice, four weeks into Backend Engineer with nothing ticked (two weeks behind), and this week's reminder
    (previewed) in her DMs."""
    await alice.slash(channel, "start-learning", role=BACKEND, start="2026-10-30")
    await alice.slash(channel, "remind preview")
    (dm,) = dm_messages(alice)
    assert dm.embeds[0].title.startswith("Week 5 of 36")
    return dm


async def test_im_behind_moves_the_plan_back_once_a_week(store, alice, week_5_dm):
    result = await alice.user.click(week_5_dm, label="I'm behind")

    assert message_of(result).content == (
        "No problem: your plan moved back a week, to week 4 of 36 (1 week back in all). Keep going at your pace."
    )
    for _ in range(59):
        again = await alice.user.click(week_5_dm, label="I'm behind")
        assert_error(again, "Your plan already moved back a week with this reminder", "at most once a week")
    assert (await store.get_enrollment(alice.id, BACKEND)).week_shift == 1


async def test_an_old_im_behind_button_says_so(monkeypatch, store, alice, week_5_dm):
    monkeypatch.setattr(discord_io, "utc_now", lambda: NOW + timedelta(days=7))  # the next week's reminder is out

    result = await alice.user.click(week_5_dm, label="I'm behind")

    assert_error(result, "This button is on the reminder of the week of 2026-11-23", "`/remind preview`")
    assert (await store.get_enrollment(alice.id, BACKEND)).week_shift == 0


async def test_no_im_behind_in_week_1(reminder_dm):
    assert list(buttons(seen(reminder_dm))) == ["Snooze a day", "Pause a week", "I worked on this"]


async def test_pause_a_week(store, learner, reminder_dm):
    result = await learner.user.click(reminder_dm, label="Pause a week")

    assert message_of(result).content == "Reminders paused for a week. `/remind on` resumes them now."
    assert await store.get_plan("user", learner.id) == datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


async def test_another_user_cannot_use_my_reminder(simcord_env, learner, bob, reminder_dm):
    with pytest.raises(SetupError):
        await bob.user.click(reminder_dm, label="Snooze a day")


# --------------------------------------------------------------------------- the scheduler through SimCord


async def test_due_reminder_is_dmed(simcord_env, store, scheduler, learner):
    assert await run_due(simcord_env, scheduler, MONDAY_9 - timedelta(seconds=1)) == []

    (outcome,) = await run_due(simcord_env, scheduler, MONDAY_9)

    assert outcome.sent
    (dm,) = dm_messages(learner)
    assert dm.embeds[0].title == "Week 1 of 36 · Phase 1 (weeks 1-4) · Backend Engineer"
    assert list(buttons(seen(dm))) == ["Snooze a day", "Pause a week", "I worked on this"]
    assert await store.get_plan("user", learner.id) == MONDAY_9 + timedelta(weeks=1)
    assert await run_due(simcord_env, scheduler, MONDAY_9 + timedelta(minutes=1)) == []  # sent once
    sends = [r for r in simcord_env.http_requests if r.method == "POST" and r.path.endswith("/messages")]
    assert sends[-1].json["allowed_mentions"] == {"parse": []}
    assert sends[-1].json.get("nonce")  # Discord dedupes a resend after a crash


async def test_components_of_a_scheduled_reminder_work(simcord_env, channel, scheduler, learner):
    await run_due(simcord_env, scheduler, MONDAY_9)
    (dm,) = dm_messages(learner)

    ticked = await learner.user.select(dm, [option_values(select_with(seen(dm), GIT_ITEM))[GIT_ITEM]])

    assert message_of(ticked).content == f"Ticked on Backend Engineer:\n✅ {GIT_ITEM}"
    assert "1/15" in fields(await learner.slash(channel, "checklist"))["Done"]


async def test_snoozed_reminder_comes_again_next_day(simcord_env, store, scheduler, learner):
    await run_due(simcord_env, scheduler, MONDAY_9)
    (dm,) = dm_messages(learner)
    await learner.user.click(dm, label="Snooze a day")  # clicked at the frozen NOW (Friday 10:00)

    due = await store.get_plan("user", learner.id)
    (outcome,) = await run_due(simcord_env, scheduler, due)

    assert outcome.sent
    assert len(dm_messages(learner)) == 2


async def test_closed_dms_are_told_once_at_the_next_command(simcord_env, store, scheduler, channel, learner):
    close_dms(simcord_env, learner)

    (outcome,) = await run_due(simcord_env, scheduler, MONDAY_9)

    assert outcome.skipped == "dms closed"
    assert (await store.get_learner(learner.id)).dm_undeliverable
    assert await store.get_plan("user", learner.id) is None
    first = await learner.slash(channel, "progress")
    assert first.response is not None and not first.response.content.startswith("❌")
    (notice,) = first.followups
    assert notice.ephemeral
    assert notice.content == DMS_CLOSED_NOTICE
    second = await learner.slash(channel, "progress")
    assert second.followups == []  # once

    back = await learner.slash(channel, "remind on")  # DMs opened again
    assert message_of(back).content.endswith("Next one: Monday 2026-11-30 09:00 (UTC).")  # the clock is frozen
    assert not (await store.get_learner(learner.id)).dm_undeliverable
    assert back.followups == []


async def test_closed_dms_notice_that_fails_is_given_next_time(simcord_env, scheduler, channel, learner):
    close_dms(simcord_env, learner)
    await run_due(simcord_env, scheduler, MONDAY_9)
    simcord_env.inject_error("POST", "/webhooks/*", status=503)  # the notice (a followup) is refused once

    first = await learner.slash(channel, "progress")

    assert first.response is not None and first.followups == []
    (notice,) = (await learner.slash(channel, "progress")).followups
    assert notice.content == DMS_CLOSED_NOTICE


@pytest.fixture
async def grouped(simcord_env, store):
    """Bob in the study group "Night Owls" (posting in #study), in a server of its own.

    Its own server: the fallback post names the learner (`<@id>`), which the `guild` fixture's check
    forbids for any bot message, though it pings no one (allowed_mentions none).
    """
    guild = simcord_env.create_guild("Fallback Server")
    channel = guild.create_text_channel("study")
    managers = guild.create_role("Managers", permissions=discord.Permissions(manage_guild=True))
    admin = guild.add_member(simcord_env.create_user("admin"), roles=[managers])
    bob = guild.add_member(simcord_env.create_user("bob"))
    await admin.slash(channel, "group create", name="Night Owls", role=BACKEND, channel=channel)
    await bob.slash(channel, "group join", name="Night Owls")  # enrolls bob: reminders Mondays 09:00
    await store.clear_plan("group", (await store.get_group_by_name(guild.id, "Night Owls")).id)  # bob only
    return SimpleNamespace(channel=channel, bob=bob)


async def test_closed_dms_fall_back_to_the_group_channel(simcord_env, store, scheduler, grouped):
    channel, bob = grouped.channel, grouped.bob
    close_dms(simcord_env, bob)

    (outcome,) = await run_due(simcord_env, scheduler, MONDAY_9)

    assert outcome.sent
    post = channel.last_message
    assert post.content.startswith(f"<@{bob.id}>, your weekly reminder (I can't DM you")
    sent = [r for r in simcord_env.http_requests if r.path == f"/channels/{channel.id}/messages"]
    assert sent[-1].json["allowed_mentions"] == {"parse": []}  # named, never pinged
    assert post.embeds[0].title.endswith("Backend Engineer")
    assert (await store.get_learner(bob.id)).dm_undeliverable
    (notice,) = (await bob.slash(channel, "progress")).followups
    assert notice.content == DMS_CLOSED_NOTICE


async def test_closed_dms_keep_going_to_the_group_channel(simcord_env, store, scheduler, grouped):
    close_dms(simcord_env, grouped.bob, times=None)
    await run_due(simcord_env, scheduler, MONDAY_9)

    (outcome,) = await run_due(simcord_env, scheduler, MONDAY_9 + timedelta(weeks=1))

    assert outcome.sent
    fallbacks = [m for m in grouped.channel.history() if m.content.startswith(f"<@{grouped.bob.id}>, your weekly")]
    assert len(fallbacks) == 2


@pytest.mark.parametrize(
    ("sub", "options"), [("remind set", {"time": "10:00"}), ("remind pause", {"until": "2026-12-20"})]
)
async def test_settings_with_closed_dms_say_why_nothing_is_planned(
    simcord_env, scheduler, channel, learner, sub, options
):
    close_dms(simcord_env, learner)
    await run_due(simcord_env, scheduler, MONDAY_9)

    result = await learner.slash(channel, sub, **options)

    assert "start-learning" not in message_of(result).content
    assert "DM" in message_of(result).content


async def test_server_error_retries_later(simcord_env, store, scheduler, learner):
    simcord_env.inject_error("POST", f"/channels/{learner.user.dm_channel.id}/messages", status=503, times=None)

    (outcome,) = await run_due(simcord_env, scheduler, MONDAY_9)

    # SimCord raises a plain HTTPException for a 5xx (discord.py raises DiscordServerError, which the
    # sender maps to RetryLaterError: see the e2e test); either way the same slot is tried again later.
    assert outcome.skipped in ("retry", "error")
    assert await store.get_plan("user", learner.id) == MONDAY_9 + timedelta(minutes=5)
    assert not (await store.get_learner(learner.id)).dm_undeliverable
