"""Spaced review in the real bot process: a reminder DM with due reviews and their buttons keeps Discord's rules
(limits, routes and the OpenAPI spec, checked by the fake on every request), and a button answers."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta

import pytest

from bot.store.codec import encode_datetime
from tests.e2e import discord_rules
from tests.e2e.conftest import BotProcess, assert_private
from tests.e2e.discord_rules import Spec
from tests.e2e.fake_discord import DEFERRED_MESSAGE, FakeDiscord

pytestmark = pytest.mark.asyncio(loop_scope="module")

BACKEND = "backend-engineer"
HTTP, GIT = "Understand HTTP and web protocols", "Use git professionally"


@pytest.fixture(autouse=True)
def _rules_kept(rules_kept: None) -> None:
    """Every test here must keep Discord's rules and log no error (see conftest)."""


def make_reviews_due(bot: BotProcess, user_id: int) -> int:
    """Move the learner's reviews to a second ago, as a week after the ticks; return how many moved."""
    due = encode_datetime(datetime.now(UTC) - timedelta(seconds=1))
    with closing(sqlite3.connect(bot.db_path, timeout=5.0)) as db, db:
        return db.execute("UPDATE reviews SET due_at = ? WHERE user_id = ?", (due, user_id)).rowcount


async def test_a_reminder_with_due_reviews_keeps_discords_rules(fake: FakeDiscord, bot: BotProcess, discord_spec: Spec):
    await bot.ensure_running()
    assert_private(await fake.slash("alice", "start-learning", role=BACKEND))
    for item in (GIT, HTTP):
        assert_private(await fake.slash("alice", "done", item=item))
    assert make_reviews_due(bot, int(fake.users["alice"]["id"])) == 2
    start, validated = len(fake.requests), discord_spec.validated

    shown = await fake.slash("alice", "remind preview")

    assert_private(shown, DEFERRED_MESSAGE)
    dm = fake.dm_channel_of("alice")
    assert dm is not None
    path = f"/channels/{dm['id']}/messages"
    sent = next(r for r in fake.requests[start:] if r.path == path and r.status == 200)
    body = sent.body
    assert discord_rules.message_problems(body) == []
    assert [e["title"] for e in body["embeds"]][1:] == ["🔁 Time to review · still got it?"]
    assert body["embeds"][1]["description"].startswith(f"**1. {HTTP}**\nFrom Phase 1: Foundations · `/phase number:1")
    buttons = [c for row in body["components"] for c in row["components"] if c["type"] == discord_rules.BUTTON]
    answers = [b for b in buttons if b["custom_id"].startswith("wm:review:")]
    assert [b["label"] for b in answers] == [
        "1 · Still got it",
        "1 · Review again",
        "2 · Still got it",
        "2 · Review again",
    ]
    assert all(b["custom_id"].startswith("wm:review:backend-engineer:item-") for b in answers)
    assert all(len(b["custom_id"]) <= 100 for b in answers)
    if discord_spec.available:
        assert discord_spec.validated >= validated + 4  # the answer, the DM, the message and the followup

    reminder = next(m for m in reversed(fake.messages.values()) if m["channel_id"] == dm["id"])
    answered = await fake.click("alice", reminder, label="1 · Still got it")
    assert_private(answered)
    assert answered.content.startswith(f"✅ **{HTTP}**: next review in 3 weeks, on ")
    again = await fake.click("alice", reminder, label="1 · Review again")
    assert again.content.startswith(f"❌ Already answered: **{HTTP}** comes back on ")
    if discord_spec.available:
        assert discord_spec.validated >= validated + 6
