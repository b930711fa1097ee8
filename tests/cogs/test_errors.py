"""Error paths and safety: no traceback reaches a user, nobody is mentioned, user text is escaped.

Every test here (and in the rest of tests/cogs) also passes `assert_safe_replies` when its guild
fixture ends: each message the bot sent had `allowed_mentions` none and no traceback in it.
"""

from __future__ import annotations

import logging
import re

import pytest

from bot import commands as declared
from bot import components
from bot.cogs import common
from tests.cogs.helpers import BACKEND, GIT_ITEM, assert_error, buttons, embed, message_of

ERROR_ID = re.compile(r"^❌ Something went wrong on my side \(error ID `([0-9a-f]{8})`\)\. Please try again")
SECRET = "password=hunter2 in /srv/waymark/secret.py"


def boom(*args, **kwargs):
    raise RuntimeError(SECRET)


async def aboom(*args, **kwargs):
    raise RuntimeError(SECRET)


def assert_error_id(result, caplog: pytest.LogCaptureFixture) -> str:
    """The user got only an error ID; the log has that ID with the traceback."""
    message = message_of(result)
    assert result.ephemeral
    match = ERROR_ID.match(message.content)
    assert match, message.content
    assert SECRET not in message.content
    assert "Traceback" not in message.content
    error_id = match.group(1)
    logged = [r for r in caplog.records if r.levelno == logging.ERROR and error_id in r.getMessage()]
    assert len(logged) == 1
    assert logged[0].exc_info is not None
    assert str(logged[0].exc_info[1]) == SECRET
    return error_id


async def test_unexpected_error_in_a_command(monkeypatch, caplog, channel, alice):
    monkeypatch.setattr(declared, "find_command", boom)

    result = await alice.slash(channel, "help", command="today")

    assert_error_id(result, caplog)


async def test_unexpected_error_in_a_button(monkeypatch, caplog, channel, alice):
    start = await alice.slash(channel, "start-learning", role=BACKEND)
    monkeypatch.setattr(components.REMINDERS, "handler", aboom)

    result = await alice.click(start.response, label="Turn reminders off")

    assert_error_id(result, caplog)
    assert result.response.id != start.response.id  # the path message is left as it was
    assert "Turn reminders off" in buttons(start)


def first_menu_id(bot) -> str:
    """The custom ID of the first checklist menu, as a learner with nothing ticked sees it."""
    from bot.handlers.progress import checklist_pages, tick_menu_id

    role = bot.services.content.index.roles[BACKEND]
    return tick_menu_id(BACKEND, 0, 0, checklist_pages(role)[0][0], set())


async def test_unexpected_error_in_a_select(simcord_env, monkeypatch, caplog, channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND)
    checklist = await alice.slash(channel, "checklist")
    monkeypatch.setattr(components.TICK, "handler", aboom)

    result = await alice.select(checklist.response, [], custom_id=first_menu_id(simcord_env.bot))

    assert_error_id(result, caplog)


async def test_unexpected_error_after_deferring(simcord_env, monkeypatch, caplog, channel, admin):
    monkeypatch.setattr(simcord_env.bot.services.content, "check", aboom)

    result = await admin.slash(channel, "content reload")

    assert_error_id(result, caplog)


async def test_unexpected_error_outside_the_handler(monkeypatch, caplog, channel, alice):
    monkeypatch.setattr(common, "caller_of", boom)  # fails before run_handler

    result = await alice.slash(channel, "roles")

    assert_error_id(result, caplog)


async def test_discord_failing_to_take_the_reply(simcord_env, caplog, channel, alice):
    simcord_env.inject_error("POST", "/interactions/*/callback", status=500)

    result = await alice.slash(channel, "help")

    message = message_of(result)
    assert ERROR_ID.match(message.content), message.content
    assert "500" not in message.content


async def test_discord_failing_twice_stays_quiet(simcord_env, caplog, channel, alice):
    simcord_env.inject_error("POST", "/interactions/*/callback", status=500, times=2)

    result = await alice.slash(channel, "help")

    assert result.response is None
    assert any("Could not tell the user about error" in r.getMessage() for r in caplog.records)
    assert simcord_env.errors == []  # handled, not crashed
    assert embed(await alice.slash(channel, "help")).title.startswith("Waymark")


async def test_failing_autocomplete_offers_nothing(monkeypatch, channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND)
    monkeypatch.setattr(common, "item_choices", boom)

    assert await alice.autocomplete(channel, "done", "item", "git") == []
    monkeypatch.undo()
    assert (await alice.autocomplete(channel, "done", "item", "git"))[0]["name"] == GIT_ITEM


async def test_denied_moderator_command_keeps_saying_why(guild, channel, alice, simcord_env):
    """A denied member is told why every time; denials do not use up the command's cooldown."""
    content = next(c for c in await simcord_env.bot.tree.fetch_commands() if c.name == "content")
    guild.set_command_permissions(content, {guild.default_role: True})

    for _ in range(2):
        assert_error(await alice.slash(channel, "content reload"), "Only moderators")
        assert_error(await alice.slash(channel, "content validate"), "Only moderators")


# --------------------------------------------------------------------------- escaping and mentions

NASTY = "**bold** __u__ `code` @everyone @here <@{bob}> <@&{role}> <#{channel}>"


@pytest.fixture
def nasty(guild, channel, bob):
    role = guild.create_role("Everyone who learns")
    return NASTY.format(bob=bob.id, role=role.id, channel=channel.id)


def assert_shown_escaped(result, raw: str) -> None:
    """The user's text came back as plain text: no markdown, no live mention syntax, no pings."""
    message = message_of(result).message
    shown = message.content + "".join((e.title or "") + (e.description or "") for e in message.embeds)
    assert raw not in shown
    assert "**bold**" not in shown
    assert "\\*\\*bold\\*\\*" in shown
    assert not re.search(r"(?<!\u200b)@(everyone|here)", shown)
    assert not re.search(r"<[@#]", shown)
    assert message.raw_mentions == []
    assert message.raw_role_mentions == []
    assert message.raw_channel_mentions == []
    assert not message.mention_everyone


async def test_unknown_role_text_is_escaped(channel, alice, nasty):
    result = await alice.slash(channel, "start-learning", role=nasty)

    assert_error(result, "No role called")
    assert_shown_escaped(result, nasty)


@pytest.mark.parametrize("option", ["pace", "start"])
async def test_bad_pace_and_date_text_is_escaped(channel, alice, nasty, option):
    result = await alice.slash(channel, "start-learning", role=BACKEND, **{option: nasty[:90]})

    assert_error(result)
    assert_shown_escaped(result, nasty[:90])


async def test_item_text_is_escaped(channel, alice, nasty):
    await alice.slash(channel, "start-learning", role=BACKEND)

    result = await alice.slash(channel, "done", item=nasty)

    assert_error(result, "No checklist item like")
    assert_shown_escaped(result, nasty)


async def test_topic_text_is_escaped(channel, alice):
    # Digits would match section titles, so this topic has markdown but no mention syntax.
    topic = "**bold** __qqqqzzzzxxxx__"

    result = await alice.slash(channel, "skill-deep-dive", topic=topic)

    assert_error(result, "Nothing found for '\\*\\*bold\\*\\* \\_\\_qqqqzzzzxxxx\\_\\_'")


async def test_display_names_are_escaped(simcord_env, guild, channel, bob):
    carol = guild.add_member(simcord_env.create_user("carol"), nick="**bold** @everyone")
    await carol.slash(channel, "start-learning", role=BACKEND)

    own = await carol.slash(channel, "progress", share=True)
    assert embed(own).title == "\\*\\*bold\\*\\* @\u200beveryone · Backend Engineer"
    hidden = await bob.slash(channel, "progress", member=carol)
    assert_error(hidden, "\\*\\*bold\\*\\* @\u200beveryone hasn't made their progress visible")


async def test_non_member_option_value_is_escaped(simcord_env, channel, alice):
    stranger = simcord_env.create_user("**bold** @everyone")  # not in the guild

    result = await alice.slash(channel, "progress", member=stranger)

    assert_error(result, "I couldn't read '\\*\\*bold\\*\\* @\u200beveryone' for that option.")


async def test_shared_replies_never_ping(channel, alice, bob):
    await alice.slash(channel, "start-learning", role=BACKEND)
    await alice.slash(channel, "progress", share=True)

    (posted,) = channel.history(viewer=bob)
    assert posted.mentions == []
    assert posted.role_mentions == []
    assert not posted.mention_everyone


async def test_proof_link_cannot_smuggle_a_mention(channel, alice, bob):
    await alice.slash(channel, "start-learning", role=BACKEND)

    result = await alice.slash(channel, "done", item=GIT_ITEM, proof=f"https://example.com/<@{bob.id}>")

    assert message_of(result).message.raw_mentions == []


async def test_proof_link_cannot_add_a_masked_link(channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND)
    await alice.slash(channel, "done", item=GIT_ITEM, proof="https://example.com/a)[FreeNitro](https://evil.example")

    card = await alice.slash(channel, "progress")

    assert "[FreeNitro]" not in embed(card).fields[-1].value
