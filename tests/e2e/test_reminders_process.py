"""Reminders in the real bot process (`python -m bot run`) against the fake Discord on 127.0.0.1.

The process runs its own scheduler on the real clock. To make a reminder due now, a test writes the
target's `reminder_plan` row into the bot's SQLite file (as a plan made a week ago would be) and then
runs a command that wakes the scheduler (`/remind on` by another member calls `plans_changed`).
Every request the bot makes is checked by the fake (limits, routes, Discord's OpenAPI spec); after
each test none may have broken a rule and the bot must not have logged an error.
"""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta

import pytest

from bot.discord_io import DMS_CLOSED_NOTICE
from bot.store.codec import decode_datetime, encode_datetime
from tests.e2e import discord_rules
from tests.e2e.conftest import BotProcess, assert_private
from tests.e2e.discord_rules import Spec
from tests.e2e.fake_discord import DEFERRED_MESSAGE, EPHEMERAL, UPDATE_MESSAGE, FakeDiscord, Recorded

pytestmark = pytest.mark.asyncio(loop_scope="module")

BACKEND = "backend-engineer"
WEEK_1 = "Week 1 of 36 · Phase 1 (weeks 1-4) · Backend Engineer"
DELIVERY_TIMEOUT = 5.0


@pytest.fixture(autouse=True)
def _rules_kept(rules_kept: None) -> None:
    """Every test here must keep Discord's rules and log no error (see conftest)."""


# --------------------------------------------------------------------------- the bot's database


def query(bot: BotProcess, sql: str, params: tuple = ()) -> list[tuple]:
    with closing(sqlite3.connect(bot.db_path, timeout=5.0)) as db, db:
        return db.execute(sql, params).fetchall()


def make_due(bot: BotProcess, kind: str, target_id: int) -> None:
    """Plan the target's reminder for a second ago, as the scheduler would find a plan made last week."""
    due = encode_datetime(datetime.now(UTC) - timedelta(seconds=1))
    query(
        bot,
        "INSERT INTO reminder_plan (target_kind, target_id, next_due) VALUES (?, ?, ?)"
        " ON CONFLICT (target_kind, target_id) DO UPDATE SET next_due = excluded.next_due",
        (kind, target_id, due),
    )


def plan_of(bot: BotProcess, kind: str, target_id: int) -> datetime | None:
    rows = query(bot, "SELECT next_due FROM reminder_plan WHERE target_kind = ? AND target_id = ?", (kind, target_id))
    return decode_datetime(rows[0][0]) if rows else None


def dms_flagged(bot: BotProcess, user_id: int) -> bool:
    rows = query(bot, "SELECT dm_undeliverable FROM learners WHERE user_id = ?", (user_id,))
    return bool(rows and rows[0][0])


async def wake_scheduler(fake: FakeDiscord) -> None:
    """Run a command that calls `plans_changed` (erin has no path, so her own plan stays empty)."""
    shown = await fake.slash("erin", "remind on")
    assert_private(shown)


def uid(fake: FakeDiscord, name: str) -> int:
    return int(fake.users[name]["id"])


def sent_since(fake: FakeDiscord, start: int, route: str) -> list[Recorded]:
    return [r for r in fake.requests[start:] if r.route == route]


def posted(fake: FakeDiscord, start: int, channel_id: int | str, status: int = 200) -> Recorded | None:
    """The first message POST to the channel since request number `start` that got `status`."""
    path = f"/channels/{channel_id}/messages"
    return next((r for r in fake.requests[start:] if r.path == path and r.status == status), None)


# --------------------------------------------------------------------------- /remind preview


async def test_preview_is_a_dm_with_the_reminder(fake: FakeDiscord, bot: BotProcess, discord_spec: Spec):
    await bot.ensure_running()
    assert_private(await fake.slash("alice", "start-learning", role=BACKEND))
    start, validated = len(fake.requests), discord_spec.validated

    shown = await fake.slash("alice", "remind preview")

    assert_private(shown, DEFERRED_MESSAGE)  # "thinking" at once, then the DM, then the answer
    assert shown.content == "Sent you this week's reminder by DM. 📬"
    routes = [r.route for r in fake.requests[start:] if r.route != "get_user"]  # (the user may be cached)
    assert routes == ["callback", "create_dm", "post_channel_message", "followup"], routes
    (opened,) = sent_since(fake, start, "create_dm")
    assert opened.method == "POST" and opened.path == "/users/@me/channels"
    assert int(opened.body["recipient_id"]) == uid(fake, "alice")
    dm = fake.dm_channel_of("alice")
    assert dm is not None
    message = posted(fake, start, dm["id"])
    assert message is not None, [str(r) for r in fake.requests[start:]]
    assert fake.requests.index(opened) < fake.requests.index(message)
    body = message.body
    assert body["allowed_mentions"] == {"parse": []}
    (card,) = body["embeds"]
    assert card["title"] == WEEK_1
    assert "**Objective:**" in card["description"]
    assert discord_rules.message_problems(body) == []
    rows = [c for row in body["components"] for c in row["components"]]
    assert [c["custom_id"] for c in rows] == [
        "wm:rtick:backend-engineer",
        "wm:snooze",
        "wm:rpause",  # week 1: no "I'm behind", there is no earlier week to move back to
        "wm:checkin:backend-engineer",
    ]
    if discord_spec.available:
        assert discord_spec.validated >= validated + 4  # the answer, the DM, the message and the followup


async def test_a_german_member_is_answered_and_reminded_in_german(fake: FakeDiscord, bot: BotProcess):
    await bot.ensure_running()
    assert fake.locales["greta"] == "de"  # her Discord is in German: every interaction of hers says so
    start = await fake.slash("greta", "start-learning", role=BACKEND)
    assert start.title == "Backend Engineer · Willkommen an Bord!"
    assert list(start.buttons) == ["Diese Woche", "Checkliste", "Erinnerungen ausschalten"]
    begin = len(fake.requests)

    shown = await fake.slash("greta", "remind preview")

    assert shown.content == "Ich habe dir die Erinnerung dieser Woche per DM geschickt. 📬"
    message = posted(fake, begin, fake.dm_channel_of("greta")["id"])
    assert message is not None
    (card,) = message.body["embeds"]
    assert card["title"] == "Woche 1 von 36 · Phase 1 (Wochen 1-4) · Backend Engineer"
    assert "**Ziel:**" in card["description"]
    labels = [c["label"] for row in message.body["components"] for c in row["components"] if "label" in c]
    assert "Ich habe daran gearbeitet" in labels
    assert discord_rules.message_problems(message.body) == []
    # Her language is stored for the reminders the scheduler sends her, with no interaction to go by.
    with closing(sqlite3.connect(bot.db_path)) as db:
        (stored,) = db.execute("SELECT locale FROM learners WHERE user_id = ?", (uid(fake, "greta"),)).fetchone()
    assert stored == "de"


async def test_dm_reminder_components_work_in_the_dm(fake: FakeDiscord, bot: BotProcess):
    await bot.ensure_running()
    await fake.slash("alice", "start-learning", role=BACKEND)  # resumes if the test before enrolled her
    start = len(fake.requests)
    assert_private(await fake.slash("alice", "remind preview"), DEFERRED_MESSAGE)
    dm = fake.dm_channel_of("alice")
    sent = posted(fake, start, dm["id"])
    assert sent is not None
    reminder = next(m for m in reversed(fake.messages.values()) if m["channel_id"] == dm["id"])

    menu = next(c for row in reminder["components"] for c in row["components"] if c["type"] == 3)
    git = next(o["value"] for o in menu["options"] if o["label"] == "Use git professionally")
    ticked = await fake.select("alice", reminder, [git], custom_id=menu["custom_id"])
    assert_private(ticked)
    assert ticked.content == "Ticked on Backend Engineer:\n✅ Use git professionally"
    assert ticked.message["channel_id"] == dm["id"]

    snoozed = await fake.click("alice", reminder, label="Snooze a day")
    assert_private(snoozed)
    assert snoozed.content.startswith("Snoozed: I'll remind you again at ")
    due = plan_of(bot, "user", uid(fake, "alice"))
    assert due is not None and timedelta(hours=23) < due - datetime.now(UTC) <= timedelta(days=1)

    paused = await fake.click("alice", reminder, label="Pause a week")
    assert_private(paused)
    assert paused.content == "Reminders paused for a week. `/remind on` resumes them now."
    with pytest.raises(PermissionError):  # bob cannot click in alice's DMs
        await fake.click("bob", reminder, label="Snooze a day")


async def test_preview_with_closed_dms_is_shown_in_the_channel(fake: FakeDiscord, bot: BotProcess):
    await bot.ensure_running()
    assert_private(await fake.slash("dave", "start-learning", role=BACKEND))
    fake.close_dms("dave")
    try:
        start = len(fake.requests)
        shown = await fake.slash("dave", "remind preview")
    finally:
        fake.open_dms("dave")

    assert_private(shown, DEFERRED_MESSAGE)
    assert shown.content.startswith("I can't DM you (your DMs are closed to me).")
    assert shown.title == WEEK_1
    assert posted(fake, start, fake.dm_channel_of("dave")["id"], status=403) is not None
    assert not dms_flagged(bot, uid(fake, "dave"))  # a preview alone flags nothing


async def test_preview_when_discord_fails_the_dm(fake: FakeDiscord, bot: BotProcess):
    await bot.ensure_running()
    assert_private(await fake.slash("mod3", "start-learning", role=BACKEND))
    fake.close_dms("mod3", (503, 0, "503: Service Unavailable"))
    try:
        shown = await fake.slash("mod3", "remind preview")
    finally:
        fake.open_dms("mod3")

    assert_private(shown, DEFERRED_MESSAGE)  # answered at once ("thinking"), then the DM was tried
    assert shown.content.startswith("I couldn't DM you just now")
    assert shown.title == WEEK_1
    assert bot.running


# --------------------------------------------------------------------------- the scheduler


async def test_due_group_post_arrives_in_the_channel(fake: FakeDiscord, bot: BotProcess):
    await bot.ensure_running()
    created = await fake.slash("mod", "group create", name="Night Owls", role=BACKEND, channel="learning")
    assert_private(created)
    assert created.content.startswith("Study group **Night Owls** follows Backend Engineer.")
    assert f"<#{fake.channel_id}>" in created.content
    joined = await fake.slash("bob", "group join", name="Night Owls")
    assert_private(joined)
    assert joined.content.startswith(
        "You joined **Night Owls**. You're now following **Backend Engineer** too: `/progress` shows where you are."
        "\n\n**May the group see your progress?**"
    )
    shared = await fake.click("bob", joined.message, label="Show my progress to the group")
    assert shared.callback_type == UPDATE_MESSAGE and shared.ephemeral  # the question, answered in place
    assert shared.content.startswith("Your progress shows to **Night Owls**")
    assert not shared.components
    assert_private(await fake.slash("bob", "done", item="Use git professionally"))
    ((group_id,),) = query(bot, "SELECT id FROM study_groups WHERE name = 'Night Owls'")
    planned = plan_of(bot, "group", group_id)
    assert planned is not None and planned > datetime.now(UTC)  # Monday 09:00 UTC, the default
    make_due(bot, "group", group_id)
    start = len(fake.requests)

    await wake_scheduler(fake)
    post = await fake.wait_for(lambda: posted(fake, start, fake.channel_id), DELIVERY_TIMEOUT, "the group post")

    body = post.body
    assert body["allowed_mentions"] == {"parse": []}
    assert 1 <= len(str(body["nonce"])) <= 25 and body.get("enforce_nonce") is True
    (card,) = body["embeds"]
    assert card["title"] == "Night Owls · Week 1 of 36 · Backend Engineer"
    assert "**Phase 1: Foundations**" in card["description"]
    assert "Part 1 of 4 of this phase" in card["description"]
    bob = uid(fake, "bob")
    since, board = card["fields"]
    assert since["name"].startswith("Since the group started (")
    assert since["value"] == f"1 member ticked 1 item.\n<@{bob}>: Use git professionally"  # a mention never pings
    assert board == {
        "name": "Board · the past week",
        "value": f"1. <@{bob}> · 1 item · 1-week streak\n0 of 1 member ticked all of this week's items",
        "inline": False,
    }
    buttons = [c for row in body["components"] for c in row["components"]]
    assert [(b["label"], b["custom_id"]) for b in buttons] == [
        ("My checklist", "wm:cl:backend-engineer:0"),
        ("I worked on this", "wm:checkin:backend-engineer"),
    ]
    replanned = await fake.wait_for(
        lambda: (p := plan_of(bot, "group", group_id)) and p > datetime.now(UTC) and p, 2.0, "the next plan"
    )
    assert replanned.weekday() == 0 and (replanned.hour, replanned.minute) == (9, 0)
    await asyncio.sleep(0.2)
    assert len([r for r in fake.requests[start:] if r.path == post.path]) == 1  # sent once

    # Each member who presses "My checklist" sees their own, privately; the post stays as it was.
    message = next(m for m in reversed(fake.messages.values()) if str(m["channel_id"]) == str(fake.channel_id))
    before = dict(fake.current(message))
    mine = await fake.click("bob", message, label="My checklist")
    assert_private(mine)
    assert mine.title == "Backend Engineer · checklist"
    assert "✅ Use git professionally" in mine.embeds[0]["description"]
    assert fake.current(message) == before


async def test_a_reminder_far_behind_offers_im_behind_and_a_slower_pace(fake: FakeDiscord, bot: BotProcess):
    await bot.ensure_running()
    # Week 5, nothing ticked: phase 1's first item fell due after 2 of its 4 weeks, 2 weeks ago
    start = (datetime.now(UTC).date() - timedelta(days=29)).isoformat()
    assert_private(await fake.slash("mod2", "start-learning", role=BACKEND, start=start))
    first = len(fake.requests)
    assert_private(await fake.slash("mod2", "remind preview"), DEFERRED_MESSAGE)
    dm = fake.dm_channel_of("mod2")
    sent = posted(fake, first, dm["id"])
    assert sent is not None
    (card,) = sent.body["embeds"]
    assert card["title"] == "Week 5 of 36 · Phase 2 (weeks 5-12) · Backend Engineer"
    assert card["description"].startswith(
        "🚩 **A new phase starts this week.**\n⏳ **Behind by 2 weeks**: 0 of 15 checklist items ticked"
    )
    assert "Part 1 of 8 of this phase" in card["description"]
    fields = {f["name"]: f["value"] for f in card["fields"]}
    assert fields["Finish"].endswith(" · behind by 2 weeks")
    assert fields["Streak"] == "No streak yet"
    assert discord_rules.message_problems(sent.body) == []
    rows = [c for row in sent.body["components"] for c in row["components"]]
    assert [c.get("label") for c in rows if c["type"] == discord_rules.BUTTON] == [
        "Snooze a day",
        "I'm behind",
        "Slower pace: complete beginner",
        "Pause a week",
        "I worked on this",
    ]
    reminder = next(m for m in reversed(fake.messages.values()) if m["channel_id"] == dm["id"])

    slower = await fake.click("mod2", reminder, label="Slower pace: complete beginner")

    assert_private(slower)
    assert slower.content.startswith("**Pace: as written → complete beginner** · 36 → 46 weeks · finish ")
    assert "Where you are now: Week 5 of 46 · Phase 1 (weeks 1-5)." in slower.content
    assert query(bot, "SELECT pace FROM enrollments WHERE user_id = ?", (uid(fake, "mod2"),)) == [
        ("complete_beginner",)
    ]
    again = await fake.click("mod2", reminder, label="Slower pace: complete beginner")
    assert again.content.startswith("❌ You're already at that pace: 46 weeks")
    behind = await fake.click("mod2", reminder, label="I'm behind")
    assert_private(behind)
    assert behind.content.startswith("No problem: your plan moved back a week, to week 4 of 46")
    worked = await fake.click("mod2", reminder, label="I worked on this")
    assert_private(worked)
    assert worked.content.startswith("✅ Week 5 of Backend Engineer counts for your streak. Streak: 1 week in a row")


async def test_closed_dms_are_told_at_the_next_command(fake: FakeDiscord, bot: BotProcess):
    await bot.ensure_running()
    carol = uid(fake, "carol")
    assert_private(await fake.slash("carol", "start-learning", role=BACKEND))
    fake.close_dms("carol")
    make_due(bot, "user", carol)
    start = len(fake.requests)

    await wake_scheduler(fake)
    await fake.wait_for(lambda: dms_flagged(bot, carol), DELIVERY_TIMEOUT, "carol flagged")

    dm = fake.dm_channel_of("carol")
    assert dm is not None
    assert posted(fake, start, dm["id"], status=403) is not None
    assert plan_of(bot, "user", carol) is None  # no more tries until she opens her DMs
    progress = await fake.slash("carol", "progress")
    assert_private(progress)
    assert progress.title == "carol · Backend Engineer"
    interaction = progress.interaction
    await fake.wait_for(lambda: len(interaction.message_ids) == 2, DELIVERY_TIMEOUT, "the closed-DMs notice")
    notice = fake.messages[interaction.message_ids[1]]
    assert notice["content"] == DMS_CLOSED_NOTICE
    assert int(notice["flags"]) & EPHEMERAL

    again = await fake.slash("carol", "help")  # told once only
    await asyncio.sleep(0.3)
    assert len(again.interaction.message_ids) == 1
    assert bot.running

    fake.open_dms("carol")
    back = await fake.slash("carol", "remind on")
    assert_private(back)
    assert "Next one:" in back.content
    assert not dms_flagged(bot, carol)


async def test_server_error_on_a_dm_is_retried_later(fake: FakeDiscord, bot: BotProcess):
    await bot.ensure_running()
    await fake.slash("dave", "start-learning", role=BACKEND)  # (he may be on it already)
    fake.close_dms("dave", (503, 0, "503: Service Unavailable"))
    dave = uid(fake, "dave")
    make_due(bot, "user", dave)
    start = len(fake.requests)
    try:
        await wake_scheduler(fake)
        await fake.wait_for(
            lambda: (dm := fake.dm_channel_of("dave")) and posted(fake, start, dm["id"], status=503),
            DELIVERY_TIMEOUT,
            "the try",
        )
        retry = await fake.wait_for(
            lambda: (p := plan_of(bot, "user", dave)) and p > datetime.now(UTC) and p, 2.0, "the retry plan"
        )
    finally:
        fake.open_dms("dave")

    assert timedelta(minutes=4) < retry - datetime.now(UTC) <= timedelta(minutes=5)
    assert not dms_flagged(bot, dave)
    assert "will be retried" in bot.output()
    assert (await fake.slash("dave", "help")).title.startswith("Waymark")  # and it keeps serving
