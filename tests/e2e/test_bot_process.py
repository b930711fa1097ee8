"""The real bot process (`python -m bot run`) against a fake Discord on 127.0.0.1.

One process serves the whole module (tests that stop it leave the next test to start it again); the
fake records every request. After each test, no request may have broken a rule (unknown route,
over a limit, rejected by Discord's OpenAPI spec, late or double acknowledgement) and the bot must
not have logged a traceback or an error.
"""

from __future__ import annotations

import asyncio
import json
import re
import signal

import pytest

from tests.e2e import discord_rules
from tests.e2e.conftest import TOKEN, BotProcess, assert_private
from tests.e2e.discord_rules import Spec
from tests.e2e.fake_discord import (
    AUTOCOMPLETE_RESULT,
    CHANNEL_MESSAGE,
    DEFERRED_MESSAGE,
    GUILDS_INTENT,
    MANAGE_GUILD,
    UPDATE_MESSAGE,
    FakeDiscord,
)

pytestmark = pytest.mark.asyncio(loop_scope="module")

BACKEND = "backend-engineer"
GIT_ITEM = "Use git professionally"
ROLE_NAMES = (
    "Application/Cloud Security Engineer",
    "Backend Engineer",
    "Data Engineer",
    "DevOps / Site Reliability Engineer",
    "Frontend Engineer",
    "Machine Learning Engineer",
)
COMMANDS = {
    "start-learning",
    "skill-deep-dive",
    "roles",
    "phase",
    "stop-learning",
    "help",
    "progress",
    "checklist",
    "done",
    "my-data",
    "content",
}
BROKEN_ROLE = """---
name: broken-role
displayName: Broken Role
timelineMonths:
  part_time: 6-9
  fast: [oops
---

# Broken Role
"""


@pytest.fixture(autouse=True)
def _rules_kept(rules_kept: None) -> None:
    """Every test here must keep Discord's rules and log no error (see conftest)."""


# --------------------------------------------------------------------------- login and sync


async def test_login_identify_and_command_sync(fake: FakeDiscord, bot: BotProcess):
    first = bot.boots[0]
    routes = [r.route for r in fake.requests_of(first.login)]
    assert routes[:3] == ["get_me", "get_application", "put_commands"], routes
    assert not fake.unauthorized

    (sync,) = fake.requests_of(first.login, "PUT", "put_commands")
    assert sync.path == f"/applications/{fake.app_id}/guilds/{fake.guild_id}/commands"  # the dev guild, at once
    assert {c["name"] for c in sync.body} >= COMMANDS  # others may be added; all are checked below
    assert discord_rules.command_problems(sync.body) == []
    content = next(c for c in sync.body if c["name"] == "content")
    assert int(content["default_member_permissions"]) == MANAGE_GUILD
    assert {o["name"] for o in content["options"]} == {"reload", "status", "validate"}
    today = next(c for c in sync.body if c["name"] == "today")  # German and Spanish members see their names
    assert today["name_localizations"]["de"] == "heute"
    assert today["name_localizations"]["es-ES"] == today["name_localizations"]["es-419"] == "hoy"
    assert today["description_localizations"]["de"] != today["description"]

    identify = fake.sessions[first.session - 1].identify
    assert identify is not None
    assert identify["token"] == TOKEN
    assert identify["intents"] == GUILDS_INTENT  # no privileged intents
    assert fake.sessions[first.session - 1].heartbeats >= 1  # and it heartbeats (the fake ACKs)


# --------------------------------------------------------------------------- every command once


async def test_help_and_roles(fake: FakeDiscord, bot: BotProcess):
    await bot.ensure_running()
    shown = await fake.slash("alice", "help")
    assert_private(shown)
    assert shown.title == "Waymark · learning paths, one week at a time"

    roles = await fake.slash("alice", "roles")
    assert_private(roles)
    assert roles.title == "Learning paths (6)"
    for name in ROLE_NAMES:
        assert name in roles.text


async def test_learning_path_commands(fake: FakeDiscord, bot: BotProcess):
    await bot.ensure_running()
    start = await fake.slash("alice", "start-learning", role=BACKEND)
    assert_private(start)
    assert start.title == "Backend Engineer · Welcome aboard!"
    assert list(start.buttons) == ["This week", "Checklist", "Turn reminders off"]

    phase = await fake.slash("alice", "phase")
    assert_private(phase)
    assert phase.title == "Phase 1: Foundations (weeks 1-4)"

    progress = await fake.slash("alice", "progress")
    assert_private(progress)
    assert progress.title == "alice · Backend Engineer"
    assert "Week 1 of 36" in progress.text
    hidden = await fake.slash("bob", "progress", member="alice")  # a user option, resolved as a member
    assert hidden.content == "❌ alice hasn't made their progress visible."

    checklist = await fake.slash("alice", "checklist")
    assert_private(checklist)
    assert checklist.title == "Backend Engineer · checklist"

    done = await fake.slash("alice", "done", item=GIT_ITEM)
    assert_private(done)
    assert done.content.startswith(f"Ticked: **{GIT_ITEM}** (Backend Engineer › Phase 1: Foundations)")

    export = await fake.slash("alice", "my-data export")
    assert_private(export)
    (attachment,) = export.attachments
    assert attachment["filename"] == f"waymark-data-{fake.users['alice']['id']}.json"
    exported = json.loads(fake.files[int(attachment["id"])])
    assert BACKEND in json.dumps(exported)

    stop = await fake.slash("alice", "stop-learning", role=BACKEND)
    assert_private(stop)
    assert stop.content.startswith("You've left **Backend Engineer**")


async def test_skill_deep_dive_with_a_typo(fake: FakeDiscord, bot: BotProcess):
    await bot.ensure_running()
    shown = await fake.slash("bob", "skill-deep-dive", topic="postgress")
    assert_private(shown)
    assert shown.title == "PostgreSQL/MySQL"
    assert "Backend Engineer · Phase 3" in shown.text


async def test_content_status_for_a_member_with_manage_server(fake: FakeDiscord, bot: BotProcess):
    await bot.ensure_running()
    with pytest.raises(PermissionError):
        await fake.slash("alice", "content status")  # Discord hides it from members without Manage Server
    shown = await fake.slash("mod", "content status")
    assert_private(shown)
    assert shown.title == "Content status"
    assert str(bot.content) in shown.text


# --------------------------------------------------------------------------- autocomplete and components


async def test_autocomplete_role_and_topic(fake: FakeDiscord, bot: BotProcess):
    await bot.ensure_running()
    roles = await fake.autocomplete("bob", "start-learning", focused="role", role="back")
    assert {"name": "Backend Engineer (backend-engineer)", "value": BACKEND} in roles

    topics = await fake.autocomplete("bob", "skill-deep-dive", focused="topic", topic="postg")
    assert topics, "no topic suggested for 'postg'"
    assert all(c["value"].startswith("key:") for c in topics)
    picked = next(c for c in topics if "PostgreSQL" in c["name"])
    assert fake.interactions  # the answers were autocomplete results
    assert all(
        i.callbacks[0]["type"] == AUTOCOMPLETE_RESULT for i in fake.interactions.values() if i.choices is not None
    )

    shown = await fake.slash("bob", "skill-deep-dive", topic=picked["value"])
    assert_private(shown)
    assert "PostgreSQL" in shown.title


async def test_button_click_and_select_choice(fake: FakeDiscord, bot: BotProcess):
    await bot.ensure_running()
    start = await fake.slash("carol", "start-learning", role=BACKEND)
    week = await fake.click("carol", start.message, label="This week")
    assert week.interaction.payload["message"]["id"] == start.message["id"]  # the click carries that message
    assert_private(week)
    assert week.title == "Today · Backend Engineer · week 1 of 36"

    dive = await fake.slash("carol", "skill-deep-dive", topic="postgress")
    (menu,) = dive.selects
    value = next(o["value"] for o in menu["options"] if o["label"] == "PostgreSQL hands-on")
    picked = await fake.select("carol", dive.message, [value])
    assert picked.interaction.payload["message"]["id"] == dive.message["id"]
    assert_private(picked, UPDATE_MESSAGE)  # the reply updates in place
    assert picked.message["id"] == dive.message["id"]
    assert picked.title == "PostgreSQL hands-on"

    checklist = await fake.slash("carol", "checklist")
    (tick_menu,) = [s for s in checklist.selects if GIT_ITEM in {o["label"] for o in s["options"]}]
    git = next(o["value"] for o in tick_menu["options"] if o["label"] == GIT_ITEM)
    ticked = await fake.select("carol", checklist.message, [git], custom_id=tick_menu["custom_id"])
    assert_private(ticked, UPDATE_MESSAGE)
    assert f"✅ {GIT_ITEM}" in ticked.text
    assert "1/15" in ticked.text


# --------------------------------------------------------------------------- content reload


async def test_content_reload_with_a_broken_file_keeps_the_old_index(fake: FakeDiscord, bot: BotProcess):
    await bot.ensure_running()
    broken = bot.content / "broken-role.md"
    broken.write_text(BROKEN_ROLE, encoding="utf-8")
    try:
        reloaded = await fake.slash("mod", "content reload")
        assert reloaded.interaction.callbacks[0]["type"] == DEFERRED_MESSAGE  # "thinking", then a followup
        assert_private(reloaded, DEFERRED_MESSAGE)
        assert reloaded.title == "Reload refused"
        assert re.search(r"`broken-role\.md:\d+` invalid YAML", reloaded.text), reloaded.text

        roles = await fake.slash("alice", "roles")
        assert roles.title == "Learning paths (6)"
        for name in ROLE_NAMES:
            assert name in roles.text
        assert "Broken Role" not in roles.text
    finally:
        broken.unlink(missing_ok=True)


# --------------------------------------------------------------------------- faults


@pytest.mark.parametrize(
    ("kind", "status", "user", "command"),
    [
        ("callback", 429, "dave", "help"),
        ("callback", 500, "dave", "roles"),
        ("followup", 429, "mod2", "content validate"),
        ("followup", 500, "mod3", "content validate"),
    ],
)
async def test_rate_limit_and_server_error_are_retried(fake, bot, kind, status, user, command):
    await bot.ensure_running()
    fault = fake.fail_next(kind, status, retry_after=0.25)

    shown = await fake.slash(user, command)

    assert fault.served == 1
    assert_private(shown, CHANNEL_MESSAGE if kind == "callback" else DEFERRED_MESSAGE)
    sent = [r for r in fake.requests if shown.interaction.token in r.path and r.route == kind]
    assert [r.status for r in sent] == [status, 200]  # retried once, then answered
    assert bot.running
    assert (await fake.slash(user, "help")).title.startswith("Waymark")  # and it keeps serving


# --------------------------------------------------------------------------- restart and shutdown


async def test_restart_keeps_buttons_working_and_does_not_sync_again(fake: FakeDiscord, bot: BotProcess):
    await bot.ensure_running()
    start = await fake.slash("erin", "start-learning", role=BACKEND)
    old = bot.boot

    stopped = await bot.stop()
    assert stopped.returncode == 0
    assert fake.sessions[old.session - 1].closed.is_set()
    new = await bot.start()

    assert new.login > old.login
    assert fake.requests_of(new.login, "PUT", "put_commands") == []  # unchanged commands: no sync
    assert "Slash commands unchanged; not syncing" in new.output()
    week = await fake.click("erin", start.message, label="This week")
    assert_private(week)
    assert week.title == "Today · Backend Engineer · week 1 of 36"


async def test_sigterm_exits_cleanly_and_quickly(fake: FakeDiscord, bot: BotProcess):
    boot = await bot.ensure_running()
    stopped = await bot.stop(signal.SIGTERM)
    assert stopped.returncode == 0
    assert stopped.stop_seconds is not None
    assert stopped.stop_seconds < 5.0
    output = boot.output()
    assert "Received SIGTERM; shutting down" in output
    assert output.rstrip().endswith("Stopped"), output[-500:]
    assert fake.sessions[boot.session - 1].closed.is_set()


async def test_wrong_token_is_refused_with_exit_2(fake: FakeDiscord, bot: BotProcess):
    wrong = "MTQ0MjAwMDAwMDAwMDAwMDAw.WrOnG1.this-token-is-refused-by-the-fake-0123456"
    if bot.running:
        await bot.stop()
    proc, boot = await bot.spawn(token=wrong)
    try:
        code = await asyncio.wait_for(proc.wait(), 15)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    assert code == 2
    output = boot.output()
    assert "Discord rejected DISCORD_TOKEN" in output
    assert wrong not in output
    assert "Traceback" not in output
    assert fake.unauthorized and all(r.route == "get_me" for r in fake.unauthorized)
    fake.unauthorized.clear()


async def test_token_never_appears_in_logs_or_request_bodies(fake: FakeDiscord, bot: BotProcess):
    output = bot.output()
    assert output, "no bot output was captured"
    assert TOKEN not in output
    for record in fake.requests:
        assert TOKEN not in json.dumps(record.body)
        assert TOKEN not in record.path + json.dumps(record.query)
        if record.status != 401:  # the wrong-token run's refused login
            assert record.headers.get("Authorization") in (None, f"Bot {TOKEN}")


async def test_requests_match_discord_openapi_spec(fake: FakeDiscord, bot: BotProcess, discord_spec: Spec):
    """Every request was validated against Discord's spec as it was served (see `fake.problems`)."""
    if not discord_spec.available:
        pytest.skip(f"OpenAPI layer skipped (limits, routes and everything else still ran): {discord_spec.reason}")
    assert discord_spec.validated >= len([r for r in fake.requests if r.status != 401])
    assert not [p for p in fake.problems if p.startswith("OpenAPI")]
