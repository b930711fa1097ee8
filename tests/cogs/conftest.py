"""SimCord fixtures: a real WaymarkBot on a tmp SQLite store, a guild, a channel and some members.

`simcord_env` (SimCord's pytest plugin) starts the bot built by `simcord_bot` against a simulated
Discord: login, `setup_hook` (cogs, dynamic items, command sync) and READY all run for real. Tests
then act as members (`alice.slash`, `alice.click`, `alice.select`, `alice.autocomplete`) and assert
on what those members see. A module overrides `content_path` to run the bot on other content.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import discord
import pytest
from simcord import Env

from bot import bot as bot_module
from bot import discord_io
from bot.bot import WaymarkBot
from bot.content.holder import ContentHolder
from bot.content.loader import ContentIndex, load_content
from bot.services import Services
from bot.settings import Settings
from bot.store import Store

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
SETTLE_POLL = 0.002
"""Seconds SimCord sleeps between checks while it waits for the bot to go idle (its default: 0.05)."""


@pytest.fixture(scope="session", autouse=True)
def _fast_settle():
    """Poll faster while settling after each action: same semantics, a fraction of the wall time.

    SimCord waits for the bot's work in `Env._settle_internal`, sleeping `idle` seconds between
    checks; with its default every click or command costs at least 50 ms of pure waiting. This
    tunes that private default (if SimCord ever renames it, the tests only get slower).
    """
    defaults = getattr(Env._settle_internal, "__kwdefaults__", None) or {}
    if "idle" not in defaults:
        yield
        return
    saved = defaults["idle"]
    defaults["idle"] = SETTLE_POLL
    yield
    defaults["idle"] = saved


@pytest.fixture
def now(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """Freeze the time the bot reads for every interaction, so weeks and dates are stable."""
    monkeypatch.setattr(discord_io, "utc_now", lambda: NOW)
    monkeypatch.setattr(bot_module, "utc_now", lambda: NOW)
    return NOW


@pytest.fixture
def content_path() -> Path:
    """The content folder the bot loads; override in a module to use a tmp copy."""
    return CONTENT_DIR


@pytest.fixture
def tmp_content(tmp_path: Path) -> Path:
    """A writable copy of the shipped content."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


RAM_DIR = Path("/dev/shm")


@pytest.fixture
def db_path(tmp_path: Path) -> Iterator[Path]:
    """A fresh database file; in RAM where there is a tmpfs, since every commit of the store syncs to disk."""
    if not (RAM_DIR.is_dir() and os.access(RAM_DIR, os.W_OK)):
        yield tmp_path / "waymark.sqlite3"
        return
    folder = Path(tempfile.mkdtemp(prefix="waymark-test-", dir=RAM_DIR))
    try:
        yield folder / "waymark.sqlite3"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def settings(db_path: Path, content_path: Path) -> Settings:
    return Settings(token=None, db_path=db_path, content_dir=content_path)


@pytest.fixture(scope="session")
def shipped_index() -> ContentIndex:
    """The shipped content, parsed once: loading it is most of a bot's start-up time."""
    return load_content(CONTENT_DIR)


@pytest.fixture
async def simcord_bot(settings: Settings, now: datetime, shipped_index: ContentIndex):
    """A WaymarkBot on a fresh tmp store.

    With the shipped content it gets its services ready-made (the parsed index is shared, the holder
    and the store are its own), which keeps the suite fast; with any other content folder it opens
    the store and loads the folder itself in `setup_hook`, as in production.
    """
    if settings.content_dir == CONTENT_DIR:
        services = Services(ContentHolder(CONTENT_DIR, shipped_index), await Store.open(settings.db_path))
        bot = WaymarkBot(settings, services, run_scheduler=False)
    else:
        bot = WaymarkBot(settings, run_scheduler=False)
    yield bot
    await close_store(bot)


async def close_store(bot: WaymarkBot) -> None:
    """Close a bot's store (SimCord detaches the bot without calling `close()`)."""
    services = getattr(bot, "services", None)
    if services is not None and not services.store.database.closed:
        await services.store.close()


@pytest.fixture
def guild(simcord_env):
    """The test guild; when the test ends, every reply the bot sent is checked to be safe to show."""
    handle = simcord_env.create_guild("Waymark Learners")
    yield handle
    assert_safe_replies(simcord_env)


def sent_bodies(env) -> list[dict]:
    """The bodies of every message the bot sent or edited (interaction replies, follow-ups, edits)."""
    bodies = []
    for request in env.http_requests:
        body = request.json
        if not isinstance(body, dict):
            continue
        if request.path.startswith("/interactions/"):
            if body.get("type") in (4, 7):  # CHANNEL_MESSAGE_WITH_SOURCE, UPDATE_MESSAGE
                bodies.append(body.get("data") or {})
        elif request.path.startswith(("/webhooks/", "/channels/")) and request.method in ("POST", "PATCH"):
            bodies.append(body)
    return bodies


def assert_safe_replies(env) -> None:
    """No reply may ping anyone or show a traceback."""
    for body in sent_bodies(env):
        if "content" in body or "embeds" in body:
            assert body.get("allowed_mentions") == {"parse": []}, body
        shown = json.dumps(body, ensure_ascii=False)
        assert "Traceback" not in shown, shown
        assert 'File \\"' not in shown, shown
    for channel in env.guild.channels.values():
        for message in channel.history():
            if message.author.id == env.bot.user.id:
                assert not message.mentions, message.content
                assert not message.role_mentions, message.content
                assert not message.mention_everyone, message.content


@pytest.fixture
def channel(guild):
    return guild.create_text_channel("learning")


@pytest.fixture
def alice(simcord_env, guild):
    return guild.add_member(simcord_env.create_user("alice"))


@pytest.fixture
def bob(simcord_env, guild):
    return guild.add_member(simcord_env.create_user("bob"))


@pytest.fixture
def admin(simcord_env, guild):
    """A member with Manage Server."""
    role = guild.create_role("Admins", permissions=discord.Permissions(manage_guild=True))
    return guild.add_member(simcord_env.create_user("admin"), roles=[role])


@pytest.fixture
def mod_role(simcord_env, guild):
    """The configured moderator role (no Discord permissions of its own)."""
    role = guild.create_role("Waymark mods")
    bot = simcord_env.bot
    bot.settings = replace(bot.settings, moderator_role_id=role.id)
    return role
