"""Text members type, shown back as they typed it: markdown, mentions and backticks stay text on every path.

`NASTY` is a name and a value at once: a mention of everyone, a role mention, bold, a code span and a
spoiler. Wherever a reply quotes it, none of those may work: `@everyone` carries a zero-width space, the
role mention's `<` too, and each markdown character its backslash. Names that hide or turn text around
are refused outright.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.cogs.reminders import DiscordSender
from bot.reminders.scheduler import Scheduler
from tests.cogs.helpers import BACKEND, GIT_ITEM, assert_error, message_of, text

MONDAY_9 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
NASTY = "@everyone <@&123456789012345678> **x** `y` ||z||"
ESCAPED = "@\u200beveryone <\u200b@\u200b&123456789012345678> \\*\\*x\\*\\* \\`y\\` \\|\\|z\\|\\|"


def assert_neutral(shown: str) -> None:
    """No piece of NASTY works as markdown or a mention in `shown`."""
    for raw in ("@everyone", "<@&", "**x**", "`y`", "||z||"):
        assert raw not in shown, f"{raw!r} shown raw in {shown!r}"


def assert_quoted(shown: str) -> None:
    """NASTY is quoted whole, escaped."""
    assert_neutral(shown)
    assert ESCAPED in shown, shown


@pytest.fixture
async def nasty(store, guild, channel, admin):
    """A study group named NASTY, and what creating it answered."""
    result = await admin.slash(channel, "group create", name=NASTY, role=BACKEND, channel=channel)
    assert await store.get_group_by_name(guild.id, NASTY) is not None, message_of(result).content
    return result


@pytest.fixture
def store(simcord_env):
    return simcord_env.bot.services.store


async def test_a_group_name_is_escaped_on_every_path(channel, admin, alice, nasty):
    created = message_of(nasty).content
    assert_quoted(created)
    assert "`/group join` (pick the name from the list)" in created  # no code span a backtick could break

    for result in [
        await admin.slash(channel, "group create", name=NASTY, role=BACKEND, channel=channel),  # taken
        await alice.slash(channel, "group join", name=NASTY),
        await alice.slash(channel, "group join", name=NASTY),  # already in
        await alice.slash(channel, "group board", name=NASTY),
        await admin.slash(channel, "group pause", name=NASTY),
        await admin.slash(channel, "group resume", name=NASTY),
        await alice.slash(channel, "group leave", name=NASTY),
        await alice.slash(channel, "group leave", name=NASTY),  # not in it any more
        await alice.slash(channel, "group join", name="nope"),  # lists the groups here
    ]:
        shown = text(result)
        assert_neutral(shown)
        assert "\\*\\*x\\*\\*" in shown, shown

    deleted = await admin.slash(channel, "group delete", name=NASTY)
    assert_quoted(message_of(deleted).content)


async def test_several_groups_are_listed_escaped(channel, admin, alice, nasty):
    await admin.slash(channel, "group create", name="Owls", role=BACKEND, channel=channel)
    await alice.slash(channel, "group join", name=NASTY)
    await alice.slash(channel, "group join", name="Owls")

    shown = assert_error(await alice.slash(channel, "group leave"), "You're in several groups")

    assert_quoted(shown)


async def test_the_board_title_is_escaped(channel, alice, nasty):
    await alice.slash(channel, "group join", name=NASTY)

    board = await alice.slash(channel, "group board", name=NASTY)

    assert message_of(board).embeds[0].title.startswith(ESCAPED)


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("remind pause", {"until": NASTY}),
        ("remind set", {"timezone": NASTY}),
        ("remind set", {"time": NASTY}),
        ("done", {"item": NASTY}),
        ("done", {"item": GIT_ITEM, "proof": f"https://{NASTY}"}),
        ("done", {"item": GIT_ITEM, "proof": "https://**x**.`y`/"}),
        ("start-learning", {"role": NASTY}),
        ("start-learning", {"role": BACKEND, "pace": NASTY}),
        ("start-learning", {"role": BACKEND, "start": NASTY}),
        ("skill-deep-dive", {"topic": NASTY}),
        ("phase", {"role": NASTY}),
        ("checklist", {"role": NASTY}),
        ("stop-learning", {"role": NASTY}),
    ],
)
async def test_a_value_quoted_back_is_escaped(channel, alice, command, options):
    await alice.slash(channel, "start-learning", role=BACKEND)

    result = await alice.slash(channel, command, **options)

    assert_neutral(text(result))


async def test_a_group_created_with_a_bad_zone_quotes_it_escaped(channel, admin):
    shown = assert_error(
        await admin.slash(channel, "group create", name="Owls", role=BACKEND, channel=channel, timezone=NASTY),
        "is not a time zone",
    )
    assert_neutral(shown)


HIDDEN = [
    ("Owls\x00", "a control character (U+0000)"),
    ("\u202eslwO", "a character that changes the text's direction (U+202E)"),
    ("Owls\u2066", "a character that changes the text's direction (U+2066)"),
    ("Ow\u200fls", "a character that changes the text's direction (U+200F)"),
    ("\u200b", "an invisible character (U+200B)"),
    ("\u200b\u200c\u200d", "an invisible character (U+200B)"),
    ("Owls\ufeff", "an invisible character (U+FEFF)"),
    ("\u180e", "an invisible character (U+180E)"),
]


@pytest.mark.parametrize(("name", "problem"), HIDDEN)
async def test_a_group_name_that_hides_or_turns_text_around_is_refused(store, guild, channel, admin, name, problem):
    result = await admin.slash(channel, "group create", name=name, role=BACKEND, channel=channel)

    assert_error(result, f"A group name can't contain {problem}.", "Type it again without it")
    assert await store.list_groups(guild.id) == []


async def test_the_weekly_post_title_is_escaped(simcord_env, channel, alice, nasty):
    await alice.slash(channel, "group join", name=NASTY)
    bot = simcord_env.bot
    scheduler = Scheduler(bot.services, DiscordSender(bot), lambda: MONDAY_9, rate=1000.0)

    await scheduler.run_due(MONDAY_9)
    await simcord_env.settle()

    [post] = [m for m in channel.history() if m.author.id == bot.user.id and m.interaction_metadata is None]
    assert post.embeds[0].title.startswith(ESCAPED)


async def test_markdown_in_a_proof_link_stays_in_the_link(channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND)

    done = await alice.slash(channel, "done", item=GIT_ITEM, proof="https://example.com/**x**/@everyone/`y`||z||")
    shown = await alice.slash(channel, "progress")

    assert "Proof: <https://example.com/%2A%2Ax%2A%2A/%40everyone/%60y%60%7C%7Cz%7C%7C>" in text(done)
    for result in (done, shown):
        assert_neutral(text(result))
