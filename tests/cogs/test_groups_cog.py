"""/group create|join|leave|board|pause|resume|delete as members use them, and the weekly group post.

Weekly posts are sent by a `Scheduler` the test builds over the bot's services (the bot runs none).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from simcord import OptionError

from bot.cogs.reminders import DiscordSender
from bot.reminders.scheduler import Scheduler
from tests.cogs.helpers import BACKEND, GIT_ITEM, assert_error, buttons, embed, message_of, text

MONDAY_9 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
"""A group created on Friday 2026-11-27 with the defaults posts on Mondays at 09:00 UTC."""
OWLS = "Night Owls"


@pytest.fixture
def store(simcord_env):
    return simcord_env.bot.services.store


@pytest.fixture
def scheduler(simcord_env):
    bot = simcord_env.bot
    return Scheduler(bot.services, DiscordSender(bot), lambda: MONDAY_9, rate=1000.0)


@pytest.fixture
async def owls(guild, channel, admin, store):
    """The group "Night Owls" on Backend Engineer, posting in #learning with the defaults."""
    result = await admin.slash(channel, "group create", name=OWLS, role=BACKEND, channel=channel)
    assert not message_of(result).content.startswith("❌"), message_of(result).content
    return await store.get_group_by_name(guild.id, OWLS)


def posts(env, channel) -> list:
    """The bot's messages in a channel that everyone sees (not interaction replies)."""
    return [m for m in channel.history() if m.author.id == env.bot.user.id and m.interaction_metadata is None]


def post_buttons(post) -> list[str]:
    """The labels of a channel message's buttons."""
    return [item.label for row in post.components for item in row.children]


def sent_to(env, channel) -> list[dict]:
    return [r.json for r in env.http_requests if r.method == "POST" and r.path == f"/channels/{channel.id}/messages"]


# --------------------------------------------------------------------------- /group create


async def test_create_with_the_defaults(store, guild, channel, admin):
    result = await admin.slash(channel, "group create", name=OWLS, role=BACKEND, channel=channel)

    assert result.ephemeral
    assert message_of(result).content == (
        f"Study group **{OWLS}** follows Backend Engineer. Weekly posts: Mondays at 09:00 (UTC) in "
        f"<#{channel.id}>. Members join with `/group join name:{OWLS}`."
    )
    group = await store.get_group_by_name(guild.id, OWLS)
    assert (group.role, group.channel_id, group.created_by) == (BACKEND, channel.id, admin.id)
    assert await store.get_plan("group", group.id) == MONDAY_9


async def test_create_with_day_time_and_zone(store, guild, channel, admin):
    result = await admin.slash(
        channel,
        "group create",
        name="Early Birds",
        role="front",
        channel=channel,
        day="saturday",
        time="07:30",
        timezone="America/New_York",
    )

    assert "follows Frontend Engineer. Weekly posts: Saturdays at 07:30 (America/New_York)" in (
        message_of(result).content
    )
    group = await store.get_group_by_name(guild.id, "early birds")  # names compare case-insensitively
    assert await store.get_plan("group", group.id) == datetime(2026, 11, 28, 12, 30, tzinfo=UTC)


async def test_create_needs_manage_server(store, guild, channel, alice):
    result = await alice.slash(channel, "group create", name=OWLS, role=BACKEND, channel=channel)

    assert_error(result, "Only members with Manage Server can create")
    assert await store.list_groups(guild.id) == []


async def test_moderator_role_may_create(simcord_env, guild, channel, mod_role):
    moderator = guild.add_member(simcord_env.create_user("mod"), roles=[mod_role])

    result = await moderator.slash(channel, "group create", name=OWLS, role=BACKEND, channel=channel)

    assert message_of(result).content.startswith(f"Study group **{OWLS}**")


async def test_create_twice_is_refused(channel, admin, owls):
    result = await admin.slash(channel, "group create", name="night  owls", role=BACKEND, channel=channel)

    assert_error(result, "There is already a group called 'night owls' here.")


@pytest.mark.parametrize(
    ("options", "snippet"),
    [
        ({"role": "bakend"}, "No role called 'bakend'"),
        ({"time": "25:61"}, "'25:61' is not a time"),
        ({"timezone": "Moon/Tranquility"}, "'Moon/Tranquility' is not a time zone"),
        ({"name": "   "}, "A group name needs at least one visible letter, digit or symbol."),
    ],
)
async def test_create_bad_options(store, guild, channel, admin, options, snippet):
    chosen = {"name": OWLS, "role": BACKEND, "channel": channel, **options}

    assert_error(await admin.slash(channel, "group create", **chosen), snippet)
    assert await store.list_groups(guild.id) == []


async def test_create_name_is_at_most_50_characters(channel, admin):
    with pytest.raises(OptionError):  # Discord enforces the option's max_length
        await admin.slash(channel, "group create", name="x" * 51, role=BACKEND, channel=channel)


async def test_create_autocompletes_role_and_zone(channel, admin):
    roles = await admin.autocomplete(channel, "group create", "role", "back")
    assert {"name": "Backend Engineer (backend-engineer)", "value": BACKEND} in roles

    zones = await admin.autocomplete(channel, "group create", "timezone", "kolk")
    assert zones[0]["value"] == "Asia/Kolkata"


async def test_group_commands_are_server_only(simcord_env, alice):
    assert not any(name.startswith("group") for name in alice.user.available_commands())


# --------------------------------------------------------------------------- join, leave, board


async def test_join_enrolls_and_plans_reminders(store, channel, alice, owls):
    result = await alice.slash(channel, "group join", name="night owls")

    assert result.ephemeral
    assert message_of(result).content.startswith(
        f"You joined **{OWLS}**. You're now following **Backend Engineer** too: `/progress` shows where you are."
        "\n\n**May the group see your progress?**"
    )
    assert list(buttons(result)) == ["Show my progress to the group", "Keep it hidden"]
    assert [m.user_id for m in await store.group_members(owls.id)] == [alice.id]
    assert (await store.get_enrollment(alice.id, BACKEND)).status == "active"
    assert await store.get_plan("user", alice.id) == MONDAY_9

    again = await alice.slash(channel, "group join", name=OWLS)
    assert message_of(again).content == f"You're already in **{OWLS}**."


async def test_join_when_already_on_the_path(channel, alice, owls):
    await alice.slash(channel, "start-learning", role=BACKEND)

    result = await alice.slash(channel, "group join", name=OWLS)

    assert message_of(result).content.startswith(f"You joined **{OWLS}**.\n\n**May the group see your progress?**")


async def test_joining_asks_once_who_may_see_your_progress(store, channel, admin, alice, bob, owls):
    joined = await alice.slash(channel, "group join", name=OWLS)
    kept = await alice.click(joined.response, label="Keep it hidden")

    assert message_of(kept).ephemeral
    assert message_of(kept).content == (
        f"Your progress stays hidden: **{OWLS}**'s weekly post counts what you tick without naming you. "
        "`/progress` has a button to show it."
    )
    assert not message_of(kept).components  # the question is answered in place
    assert (await store.get_learner(alice.id)).progress_visible is False
    # Asked once: joining another group later does not ask again.
    await admin.slash(channel, "group create", name="Early Birds", role=BACKEND, channel=channel)
    again = await alice.slash(channel, "group join", name="Early Birds")
    assert message_of(again).content == "You joined **Early Birds**."
    assert not message_of(again).components

    shown = await bob.click(
        (await bob.slash(channel, "group join", name=OWLS)).response, label="Show my progress to the group"
    )
    assert message_of(shown).content.startswith(f"Your progress shows to **{OWLS}**:")
    assert (await store.get_learner(bob.id)).progress_visible is True


async def test_join_unknown_group_lists_the_groups(channel, alice, owls):
    assert_error(await alice.slash(channel, "group join", name="Larks"), "No study group called 'Larks'", OWLS)


async def test_group_name_autocomplete(channel, admin, alice, owls):
    await admin.slash(channel, "group create", name="Early Birds", role=BACKEND, channel=channel)

    every = await alice.autocomplete(channel, "group join", "name", "")
    assert {c["value"] for c in every} == {OWLS, "Early Birds"}
    assert await alice.autocomplete(channel, "group join", "name", "owl") == [{"name": OWLS, "value": OWLS}]
    for sub in ("leave", "board", "pause", "resume", "delete"):
        assert await alice.autocomplete(channel, f"group {sub}", "name", "EARLY") == [
            {"name": "Early Birds", "value": "Early Birds"}
        ]


async def test_leave_keeps_the_path(store, channel, alice, owls):
    await alice.slash(channel, "group join", name=OWLS)

    result = await alice.slash(channel, "group leave")

    assert message_of(result).content == f"You left **{OWLS}**. Your path and progress stay."
    assert await store.group_members(owls.id) == []
    assert (await store.get_enrollment(alice.id, BACKEND)).status == "active"
    assert_error(await alice.slash(channel, "group leave"), "You aren't in a study group here.")
    assert_error(await alice.slash(channel, "group leave", name=OWLS), f"You aren't in **{OWLS}**.")


async def test_board_ranks_members(channel, alice, bob, owls):
    for member in (alice, bob):
        await member.slash(channel, "group join", name=OWLS)
    await bob.slash(channel, "done", item=GIT_ITEM)
    shown = await bob.slash(channel, "progress")
    await bob.click(shown.response, label="Let others see my progress")  # the board respects that choice

    result = await alice.slash(channel, "group board")

    assert result.ephemeral
    card = embed(result)
    assert card.title == f"{OWLS} · Backend Engineer · week 1 of 36"
    first, second = card.description.splitlines()  # out of Phase 1's two items
    assert first.startswith(f"<@{bob.id}> ") and "1/2" in first
    assert second.startswith(f"<@{alice.id}> ") and "0/2" in second
    assert card.footer.text == "Weekly post: Mondays 09:00 (UTC)"
    assert {f.name for f in card.fields} == {"This stretch"}


async def test_board_needs_a_group(channel, admin, alice, owls):
    assert_error(await alice.slash(channel, "group board"), "You aren't in a study group here.")
    await admin.slash(channel, "group create", name="Early Birds", role=BACKEND, channel=channel)
    for name in (OWLS, "Early Birds"):
        await alice.slash(channel, "group join", name=name)

    result = await alice.slash(channel, "group board")

    assert_error(result, "You're in several groups", "say which with `name:`")
    assert embed(await alice.slash(channel, "group board", name="Early Birds")).title.startswith("Early Birds")


# --------------------------------------------------------------------------- pause, resume, delete


async def test_pause_and_resume(store, channel, admin, owls):
    paused = await admin.slash(channel, "group pause", name=OWLS)

    assert message_of(paused).content == f"Weekly posts of **{OWLS}** are paused."
    assert await store.get_plan("group", owls.id) is None
    assert embed(await admin.slash(channel, "group board", name=OWLS)).footer.text == "Paused"

    resumed = await admin.slash(channel, "group resume", name=OWLS)

    assert message_of(resumed).content == f"Weekly posts of **{OWLS}** are resumed."
    assert await store.get_plan("group", owls.id) == MONDAY_9


@pytest.mark.parametrize("sub", ["pause", "resume", "delete"])
async def test_managing_needs_manage_server(store, channel, alice, owls, sub):
    await alice.slash(channel, "group join", name=OWLS)

    assert_error(await alice.slash(channel, f"group {sub}", name=OWLS), "Only members with Manage Server")
    group = await store.get_group(owls.id)
    assert group is not None and not group.paused


async def test_delete_keeps_members_progress(store, guild, channel, admin, alice, owls):
    await alice.slash(channel, "group join", name=OWLS)
    await alice.slash(channel, "done", item=GIT_ITEM)

    asked = await admin.slash(channel, "group delete", name=OWLS)

    assert asked.ephemeral
    assert message_of(asked).content == (
        f"Delete the study group **{OWLS}** (1 member)? Its weekly posts stop; members keep their paths and "
        "progress. This cannot be undone."
    )
    assert list(buttons(asked)) == ["Delete the group", "Cancel"]
    assert await store.get_group(owls.id) is not None  # nothing happens before the confirmation
    result = await admin.click(asked.response, label="Delete the group")

    assert message_of(result).content == f"Deleted **{OWLS}**. Members keep their progress."
    assert await store.list_groups(guild.id) == []
    assert await store.get_plan("group", owls.id) is None
    assert len(await store.get_progress(alice.id, BACKEND)) == 1
    assert await alice.autocomplete(channel, "group join", "name", "") == []
    assert_error(await alice.slash(channel, "group join", name=OWLS), "Groups here: none yet.")


async def test_delete_can_be_cancelled(store, channel, admin, owls):
    asked = await admin.slash(channel, "group delete", name=OWLS)
    cancelled = await admin.click(asked.response, label="Cancel")

    assert message_of(cancelled).content == "Cancelled: nothing changed."
    assert await store.get_group(owls.id) is not None
    assert await store.get_plan("group", owls.id) == MONDAY_9


# --------------------------------------------------------------------------- the weekly post


async def test_weekly_post_goes_to_the_channel(simcord_env, store, scheduler, channel, alice, bob, owls):
    for member in (alice, bob):
        await member.slash(channel, "group join", name=OWLS)
    await store.clear_plan("user", alice.id)  # only the group is due
    await store.clear_plan("user", bob.id)

    (outcome,) = await scheduler.run_due(MONDAY_9)
    await simcord_env.settle()

    assert outcome.sent
    (post,) = posts(simcord_env, channel)
    (card,) = post.embeds
    assert card.title == f"{OWLS} · Week 1 of 36 · Backend Engineer"
    assert "**Phase 1: Foundations**" in card.description
    assert {f.name: f.value for f in card.fields} == {
        "Since the group started (2026-11-27)": "No items ticked. **My checklist** below opens yours.",
        "Board · the past week": "Nobody who shows their progress ticked an item in the past week.\n"
        "0 of 2 members ticked all of this week's items",
    }
    assert card.footer.text.startswith("Study group")
    assert not post.content
    assert post_buttons(post) == ["My checklist", "I worked on this"]
    assert sent_to(simcord_env, channel)[-1]["allowed_mentions"] == {"parse": []}
    assert await store.get_plan("group", owls.id) == MONDAY_9 + timedelta(weeks=1)
    assert await scheduler.run_due(MONDAY_9 + timedelta(hours=1)) == []


async def test_my_checklist_on_the_post_opens_the_clickers_own_and_leaves_the_post(
    simcord_env, store, scheduler, channel, alice, bob, owls
):
    for member in (alice, bob):
        await member.slash(channel, "group join", name=OWLS)
    await bob.slash(channel, "done", item=GIT_ITEM)
    await scheduler.run_due(MONDAY_9)
    await simcord_env.settle()
    (post,) = posts(simcord_env, channel)
    before = text(post)

    mine = await alice.click(post, label="My checklist")

    assert mine.ephemeral  # only alice sees her checklist: a new message, not the post edited
    assert embed(mine).title == "Backend Engineer · checklist"
    assert "⬜ Use git professionally" in embed(mine).description  # bob's tick is his, not hers
    (still,) = posts(simcord_env, channel)
    assert text(still) == before and post_buttons(still) == ["My checklist", "I worked on this"]


async def test_paused_group_gets_no_post(simcord_env, store, scheduler, channel, admin, owls):
    await store.set_plan("group", owls.id, MONDAY_9)  # as if planned before the pause
    await admin.slash(channel, "group pause", name=OWLS)
    await store.set_plan("group", owls.id, MONDAY_9)

    (outcome,) = await scheduler.run_due(MONDAY_9)

    assert outcome.skipped == "off"
    assert posts(simcord_env, channel) == []


async def test_group_post_never_pings(simcord_env, store, scheduler, guild, channel, admin):
    name = "@everyone @here study"
    created = await admin.slash(channel, "group create", name=name, role=BACKEND, channel=channel)
    assert "@\u200beveryone" in message_of(created).content  # escaped in the reply

    (outcome,) = await scheduler.run_due(MONDAY_9)
    await simcord_env.settle()

    assert outcome.sent
    (post,) = posts(simcord_env, channel)
    assert not post.mention_everyone and not post.mentions and not post.role_mentions
    assert sent_to(simcord_env, channel)[-1]["allowed_mentions"] == {"parse": []}


async def test_deleted_channel_pauses_the_group(simcord_env, store, scheduler, guild, channel, admin, owls):
    study = guild.create_text_channel("study-room")
    await admin.slash(channel, "group create", name="Early Birds", role=BACKEND, channel=study)
    early = await store.get_group_by_name(guild.id, "Early Birds")
    # A moderator deletes #study-room (the bot does it here: SimCord's handles have no "delete channel").
    await simcord_env.bot.get_channel(study.id).delete()
    await simcord_env.settle()

    outcomes = {o.target.target_id: o for o in await scheduler.run_due(MONDAY_9)}
    await simcord_env.settle()

    assert outcomes[early.id].skipped == "channel gone"
    assert outcomes[owls.id].sent  # one gone channel does not stop the others
    assert (await store.get_group(early.id)).paused
    assert await store.get_plan("group", early.id) is None
    assert embed(await admin.slash(channel, "group board", name="Early Birds")).footer.text == "Paused"
    assert len(posts(simcord_env, channel)) == 1


async def test_channel_the_bot_cannot_post_in_pauses_the_group(simcord_env, store, scheduler, channel, owls):
    simcord_env.inject_error(
        "POST", f"/channels/{channel.id}/messages", status=403, code=50013, message="Missing Permissions"
    )

    (outcome,) = await scheduler.run_due(MONDAY_9)

    assert outcome.skipped == "channel gone"
    assert (await store.get_group(owls.id)).paused
