"""The fake's own checks catch what they claim to: limits, unknown routes, wrong tokens, spec violations."""

from __future__ import annotations

import asyncio
import socket
import time

import aiohttp
import pytest

from tests.e2e import discord_rules
from tests.e2e.discord_rules import Spec
from tests.e2e.fake_discord import FakeDiscord, Interaction

UA = {"User-Agent": "DiscordBot (https://example.invalid, 1.0)"}
GOOD_COMMAND = {
    "name": "start-learning",
    "description": "Enroll",
    "type": 1,
    "options": [{"type": 3, "name": "role", "description": "The path", "required": True}],
}


def test_command_rules():
    assert discord_rules.command_problems([GOOD_COMMAND]) == []
    bad = [
        {**GOOD_COMMAND, "name": "Start_Learning"},
        {**GOOD_COMMAND, "name": "x" * 33},
        {**GOOD_COMMAND, "name": "long", "description": "d" * 101},
        {**GOOD_COMMAND, "name": "empty", "description": ""},
        {
            **GOOD_COMMAND,
            "name": "many",
            "options": [{"type": 3, "name": f"o{n}", "description": "d"} for n in range(26)],
        },
        {
            **GOOD_COMMAND,
            "name": "order",
            "options": [
                {"type": 3, "name": "a", "description": "d"},
                {"type": 3, "name": "b", "description": "d", "required": True},
            ],
        },
    ]
    problems = discord_rules.command_problems(bad)
    for snippet in ("Start_Learning", "'xxxxxxxx", "description must be 1-100", "26 options", "required option after"):
        assert any(snippet in p for p in problems), (snippet, problems)
    assert any("used twice" in p for p in discord_rules.command_problems([GOOD_COMMAND, GOOD_COMMAND]))


def test_message_rules():
    assert discord_rules.message_problems({"content": "hi"}) == []
    assert discord_rules.message_problems({"content": "x" * 2001}) == ["content is 2001 characters, over 2000"]
    assert discord_rules.message_problems({}) == ["empty message (Discord answers 50006 Cannot send an empty message)"]
    assert discord_rules.message_problems({}, new=False) == []
    big = {"title": "t" * 256, "description": "d" * 4096, "fields": [{"name": "n", "value": "v" * 1024}] * 2}
    problems = discord_rules.message_problems({"embeds": [big]})
    assert any("over 6000" in p for p in problems), problems
    assert discord_rules.message_problems({"embeds": [{"fields": [{"name": "n", "value": ""}]}]}) != []
    assert any("11 embeds" in p for p in discord_rules.message_problems({"embeds": [{"title": "t"}] * 11}))


def test_component_rules():
    button = {"type": 2, "style": 2, "label": "ok", "custom_id": "wm:x"}
    assert discord_rules.component_problems([{"type": 1, "components": [button]}]) == []
    rows = [{"type": 1, "components": [button]}] * 6
    assert any("6 action rows" in p for p in discord_rules.component_problems(rows))
    long_label = {**button, "label": "l" * 81}
    assert discord_rules.component_problems([{"type": 1, "components": [long_label]}])
    options = [{"label": f"o{n}", "value": f"v{n}"} for n in range(26)]
    select = {"type": 3, "custom_id": "wm:s", "options": options}
    assert any("26 options" in p for p in discord_rules.component_problems([{"type": 1, "components": [select]}]))


def test_spec_rejects_a_bad_callback_and_accepts_a_good_one(discord_spec: Spec):
    if not discord_spec.available:
        pytest.skip(discord_spec.reason)
    path = "/interactions/1234567890/tok/callback"
    good = {"type": 4, "data": {"content": "hi", "flags": 64, "allowed_mentions": {"parse": []}}}
    assert discord_spec.check("POST", path, {"with_response": "1"}, {}, good) == []
    (problem,) = discord_spec.check("POST", path, {}, {}, {"type": 4, "data": {"content": 5}})
    assert problem.startswith("OpenAPI: POST")
    too_long = {"type": 4, "data": {"content": "x" * 2001}}
    assert discord_spec.check("POST", path, {}, {}, too_long)


async def test_fake_flags_unknown_routes_wrong_tokens_and_bad_payloads():
    fake = FakeDiscord("right-token")  # no OpenAPI layer here: the fake's own rules
    await fake.start()
    try:
        async with aiohttp.ClientSession(headers=UA, timeout=aiohttp.ClientTimeout(total=5)) as http:
            async with http.get(f"{fake.api_base}/guilds/1/bans") as response:
                assert response.status == 404
            assert fake.problems == ["unknown route: GET /guilds/1/bans"]

            async with http.get(f"{fake.api_base}/users/@me", headers={"Authorization": "Bot wrong"}) as response:
                assert response.status == 401
            assert [r.path for r in fake.unauthorized] == ["/users/@me"]

            async with http.get(f"{fake.api_base}/users/@me", headers={"Authorization": "Bot right-token"}) as response:
                assert response.status == 200
                assert response.headers["Content-Type"] == "application/json"  # no charset: discord.py needs it

            bot = {"Authorization": "Bot right-token"}
            alice = fake.users["alice"]["id"]
            async with http.post(f"{fake.api_base}/users/@me/channels", json={"recipient_id": alice}, headers=bot) as r:
                dm = await r.json()
            async with http.post(f"{fake.api_base}/channels/{dm['id']}/messages", json={}, headers=bot) as response:
                assert response.status == 200
            assert any("empty message" in p for p in fake.problems)

            interaction = Interaction(1, "tok", 2, "alice", {"data": {"name": "help"}}, time.monotonic())
            fake.interactions["tok"] = interaction
            url = f"{fake.api_base}/interactions/1/tok/callback"
            async with http.post(url, json={"type": 4, "data": {"content": "x" * 2001}}) as response:
                assert response.status == 204  # no ?with_response: nothing to say
            assert any("over 2000" in p for p in fake.problems)
            assert any("may ping" in p for p in fake.problems)
            async with http.post(url, json={"type": 4, "data": {"content": "again"}}) as response:
                assert response.status == 400
            assert any("acknowledged twice" in p for p in fake.problems)
    finally:
        await fake.stop()


async def test_message_faults_holds_and_a_late_start():
    """Faults on messages (stored or not), a held answer, and a fake listening on a port chosen before it starts."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    fake = FakeDiscord("right-token")
    async with aiohttp.ClientSession(headers=UA, timeout=aiohttp.ClientTimeout(total=5)) as http:
        with pytest.raises(aiohttp.ClientConnectorError):  # not started yet: unreachable
            await http.get(f"http://127.0.0.1:{port}/api/v10/users/@me")
        await fake.start(port)
        try:
            assert fake.api_base == f"http://127.0.0.1:{port}/api/v10"
            bot = {"Authorization": "Bot right-token"}
            url = f"{fake.api_base}/channels/{fake.channel_id}/messages"
            post = {"content": "hi", "nonce": "n1", "enforce_nonce": True, "allowed_mentions": {"parse": []}}

            fake.fail_next("message", 429, retry_after=0.01)
            fake.fail_next("message", 503, accept=True)
            async with http.post(url, json=post, headers=bot) as response:
                assert response.status == 429 and (await response.json())["retry_after"] == 0.01
            assert fake.reminders_in(fake.channel_id) == []  # refused: not stored
            async with http.post(url, json=post, headers=bot) as response:
                assert response.status == 503
            [stored] = fake.reminders_in(fake.channel_id)  # taken, though the answer said it failed
            async with http.post(url, json=post, headers=bot) as response:  # the retry, same nonce
                assert (await response.json())["id"] == stored["id"]
            assert len(fake.reminders_in(fake.channel_id)) == 1

            hold = fake.hold_next_message()
            task = asyncio.ensure_future(http.post(url, json={**post, "nonce": "n2"}, headers=bot))
            await asyncio.wait_for(hold.received.wait(), 5)
            assert len(fake.reminders_in(fake.channel_id)) == 2 and not task.done()
            hold.release()
            async with await asyncio.wait_for(task, 5) as response:
                assert response.status == 200
            assert fake.problems == []
        finally:
            await fake.stop()
