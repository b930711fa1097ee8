"""A fake Discord on 127.0.0.1: the REST routes the bot uses and a JSON websocket gateway.

The real bot process (`python -m bot run` with `DISCORD_API_BASE`/`DISCORD_GATEWAY_URL` pointing here)
logs in, syncs its commands and connects; the test then acts as members: it pushes INTERACTION_CREATE
events (`slash`, `autocomplete`, `click`, `select`) and awaits what a member would see (`Shown`).

Every request is recorded and checked: a route the fake does not know, a wrong token, a callback
after Discord's 3 s window, a second acknowledgement, a payload over Discord's limits, or (when the
spec file is present) a request the OpenAPI spec rejects all land in `problems`, which the tests
assert empty. `fail_next` makes the next interaction callback, followup or channel message answer 429 or 5xx
once (a message may be stored first, as when Discord took it but the answer got lost); `hold_next_message`
stores the next channel message and keeps its answer back until released (for a `kill -9` mid-send);
`close_dms` makes messages to a member's DM channel fail (403 50007 by default). A click on a message
the bot DMed arrives as a DM interaction (no guild, `user` instead of `member`). `start(port)` can listen
on a port chosen in advance: a bot started before the fake finds Discord unreachable until then.

Shards: a bot that identifies with `shard: [id, count]` gets READY and GUILD_CREATE for the guilds of that shard
only (`(guild_id >> 22) % count == id`, as Discord routes them). `add_guild(shard, count)` makes another server
on a chosen shard (with a #learning channel of its own); `slash(..., in_guild=id)` acts there, and an interaction
goes to the connection that holds its guild's shard (a DM's to shard 0's).
"""

from __future__ import annotations

import asyncio
import contextlib
import email.parser
import email.policy
import itertools
import json
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

from tests.e2e import discord_rules
from tests.e2e.discord_rules import Spec

API_PREFIX = "/api/v10"
DISCORD_EPOCH_MS = 1_420_070_400_000
ANSWER_WINDOW = 3.0
"""Seconds Discord gives a bot to acknowledge an interaction before its token stops working."""
TOKEN_LIFETIME = 15 * 60.0
REPLY_TIMEOUT = 10.0
HOLD_LIMIT = 15.0
"""The longest a held message answer waits for `release()`: a forgotten hold never hangs the suite."""

# Permission bits
MANAGE_GUILD = 1 << 5
MEMBER_PERMISSIONS = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16) | (1 << 31)
PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15)
GUILDS_INTENT = 1 << 0

# Interaction and callback types
PING, APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE = 1, 2, 3, 4
CHANNEL_MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE, AUTOCOMPLETE_RESULT, MODAL = 4, 5, 6, 7, 8, 9
EPHEMERAL, LOADING = 1 << 6, 1 << 7
OPTION_TYPES = {
    "SUB_COMMAND": 1,
    "SUB_COMMAND_GROUP": 2,
    "STRING": 3,
    "INTEGER": 4,
    "BOOLEAN": 5,
    "USER": 6,
    "CHANNEL": 7,
}
DM_CLOSED = (403, 50007, "Cannot send messages to this user")


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


class Snowflakes:
    """Discord-shaped IDs: milliseconds since 2015 in the high bits, a counter in the low ones."""

    def __init__(self) -> None:
        self._counter = itertools.count(1)

    def __call__(self) -> int:
        return ((int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22) | (next(self._counter) & 0x3FFFFF)


@dataclass
class Recorded:
    """One REST request the bot sent, as the fake saw it."""

    boot: int
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any
    files: list[tuple[str, bytes]]
    status: int = 0
    route: str = ""

    def __str__(self) -> str:
        return f"{self.method} {self.path} -> {self.status}"


@dataclass
class Interaction:
    """An interaction the fake dispatched, and every answer the bot gave to it."""

    id: int
    token: str
    type: int
    user: str
    payload: dict
    sent_at: float
    callbacks: list[dict] = field(default_factory=list)
    attempts: int = 0
    original_id: int | None = None
    message_ids: list[int] = field(default_factory=list)
    choices: list[dict] | None = None
    shown: asyncio.Future | None = None


@dataclass
class Shown:
    """What the member sees after an interaction: the message (new or updated) or the choices."""

    interaction: Interaction
    callback_type: int
    message: dict | None = None
    choices: list[dict] | None = None

    @property
    def ephemeral(self) -> bool:
        return bool(self.message and int(self.message.get("flags", 0)) & EPHEMERAL)

    @property
    def content(self) -> str:
        return (self.message or {}).get("content") or ""

    @property
    def embeds(self) -> list[dict]:
        return (self.message or {}).get("embeds") or []

    @property
    def title(self) -> str:
        return self.embeds[0].get("title", "") if self.embeds else ""

    @property
    def text(self) -> str:
        """Every piece of text a member reads: content, then each embed top to bottom."""
        parts = [self.content]
        for e in self.embeds:
            parts += [e.get("title") or "", e.get("description") or ""]
            for f in e.get("fields") or []:
                parts += [f["name"], f["value"]]
            parts.append((e.get("footer") or {}).get("text") or "")
        return "\n".join(p for p in parts if p)

    @property
    def components(self) -> list[dict]:
        return [c for row in (self.message or {}).get("components") or [] for c in row.get("components", [])]

    @property
    def buttons(self) -> dict[str, dict]:
        return {c.get("label"): c for c in self.components if c["type"] == discord_rules.BUTTON}

    @property
    def selects(self) -> list[dict]:
        return [c for c in self.components if c["type"] == discord_rules.STRING_SELECT]

    @property
    def attachments(self) -> list[dict]:
        return (self.message or {}).get("attachments") or []


@dataclass
class Fault:
    kind: str  # "callback", "followup" or "message" (a channel or DM message)
    status: int
    retry_after: float
    served: int = 0
    accept: bool = False
    """For "message": store the message (and its nonce) before answering the error, as Discord sometimes does."""


@dataclass
class Hold:
    """The next channel message: stored, then its answer kept back until `release()` (or `HOLD_LIMIT`)."""

    received: asyncio.Event = field(default_factory=asyncio.Event)
    released: asyncio.Event = field(default_factory=asyncio.Event)
    message: dict | None = None

    def release(self) -> None:
        self.released.set()


class GatewaySession:
    """One websocket connection from the bot."""

    def __init__(self, number: int, ws: web.WebSocketResponse) -> None:
        self.number = number
        self.ws = ws
        self.seq = 0
        self.identify: dict | None = None
        self.shard: tuple[int, int] | None = None
        """(shard id, shard count) from IDENTIFY; None: the bot did not shard (it gets every guild)."""
        self.guilds: list[int] = []
        """The guilds sent to this connection (GUILD_CREATE)."""
        self.ready = asyncio.Event()
        self.closed = asyncio.Event()
        self.heartbeats = 0

    def holds(self, guild_id: int | None) -> bool:
        """Whether this connection gets the events of `guild_id` (None: DMs, on shard 0)."""
        if self.shard is None:
            return True
        shard_id, count = self.shard
        return shard_id == (0 if guild_id is None else (guild_id >> 22) % count)

    async def dispatch(self, event: str, data: dict) -> None:
        self.seq += 1
        await self.ws.send_str(json.dumps({"op": 0, "t": event, "s": self.seq, "d": data}))


def _as_spec_types(body: Any) -> Any:
    """`body` with one more liberty Discord takes that its spec does not describe (see `discord_rules.lenient`).

    discord.py opens a DM with `{"recipient_id": <int>}`, as it always has and Discord accepts; the spec
    types `recipient_id` as a snowflake string. Only that key is changed; everything else is validated as sent.
    """
    if (
        isinstance(body, dict)
        and isinstance(body.get("recipient_id"), int)
        and not isinstance(body["recipient_id"], bool)
    ):
        return {**body, "recipient_id": str(body["recipient_id"])}
    return body


RouteHandler = Callable[[web.Request, Recorded, re.Match], Awaitable[web.StreamResponse]]


class FakeDiscord:
    """The fake: `await start()`, point the bot at `api_base`/`gateway_url`, act, `await stop()`."""

    def __init__(self, token: str, spec: Spec | None = None) -> None:
        self.token = token
        self.spec = spec
        self.snowflake = Snowflakes()
        self.app_id = self.snowflake()
        self.guild_id = self.snowflake()
        self.channel_id = self.snowflake()
        self.guild_channels: dict[int, int] = {self.guild_id: self.channel_id}
        """Every server the bot is in, with its one text channel (#learning)."""
        self.mod_role_id = self.snowflake()
        self.bot_user = self._user(self.app_id, "Waymark", bot=True)
        self.users: dict[str, dict] = {}
        self.member_roles: dict[str, list[int]] = {}
        members = ("owner", "alice", "bob", "carol", "dave", "erin", "greta", "mod", "mod2", "mod3")
        for name in members:
            roles = [self.mod_role_id] if name.startswith("mod") else []
            self.users[name] = self._user(self.snowflake(), name)
            self.member_roles[name] = roles
        self.locales: dict[str, str] = {"greta": "de"}
        """Each member's Discord language where it is not "en-US" (it comes with every interaction)."""
        self.commands: dict[int | None, dict[str, dict]] = {}
        self.messages: dict[int, dict] = {}
        self.dm_channels: dict[int, dict] = {}
        self.dm_errors: dict[str, tuple[int, int, str]] = {}
        """Members whose DMs refuse the bot's messages, with the (status, code, message) Discord answers."""
        self.nonces: dict[tuple[str, str], dict] = {}
        """Messages sent with `enforce_nonce`, by (channel, nonce): Discord answers a repeat with the first."""
        self.files: dict[int, bytes] = {}
        """Uploaded file contents by attachment ID (Discord would serve them from its CDN)."""
        self.interactions: dict[str, Interaction] = {}
        self.requests: list[Recorded] = []
        self.problems: list[str] = []
        self.unauthorized: list[Recorded] = []
        self.faults: list[Fault] = []
        self.holds: list[Hold] = []
        self.sessions: list[GatewaySession] = []
        self.boots = 0
        self._new_session = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._routes: list[tuple[str, re.Pattern[str], RouteHandler]] = [
            ("GET", re.compile(r"/users/@me"), self._get_me),
            ("GET", re.compile(r"/oauth2/applications/@me"), self._get_application),
            ("GET", re.compile(r"/gateway(/bot)?"), self._get_gateway),
            ("GET", re.compile(r"/applications/(?P<app>\d+)(/guilds/(?P<guild>\d+))?/commands"), self._get_commands),
            ("PUT", re.compile(r"/applications/(?P<app>\d+)(/guilds/(?P<guild>\d+))?/commands"), self._put_commands),
            ("POST", re.compile(r"/interactions/(?P<id>\d+)/(?P<token>[^/]+)/callback"), self._callback),
            ("POST", re.compile(r"/webhooks/(?P<app>\d+)/(?P<token>[^/]+)"), self._followup),
            (
                "GET",
                re.compile(r"/webhooks/(?P<app>\d+)/(?P<token>[^/]+)/messages/(?P<mid>@original|\d+)"),
                self._get_wh,
            ),
            (
                "PATCH",
                re.compile(r"/webhooks/(?P<app>\d+)/(?P<token>[^/]+)/messages/(?P<mid>@original|\d+)"),
                self._edit_wh,
            ),
            (
                "DELETE",
                re.compile(r"/webhooks/(?P<app>\d+)/(?P<token>[^/]+)/messages/(?P<mid>@original|\d+)"),
                self._del_wh,
            ),
            ("POST", re.compile(r"/channels/(?P<cid>\d+)/messages"), self._post_channel_message),
            ("GET", re.compile(r"/channels/(?P<cid>\d+)/messages/(?P<mid>\d+)"), self._get_channel_message),
            ("PATCH", re.compile(r"/channels/(?P<cid>\d+)/messages/(?P<mid>\d+)"), self._edit_channel_message),
            ("POST", re.compile(r"/users/@me/channels"), self._create_dm),
            ("GET", re.compile(r"/users/(?P<uid>\d+)"), self._get_user),
            ("GET", re.compile(r"/channels/(?P<cid>\d+)"), self._get_channel),
        ]

    # ------------------------------------------------------------------ lifecycle

    async def start(self, port: int = 0) -> None:
        app = web.Application(client_max_size=32 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest)
        app.router.add_route("*", "/{tail:.*}", self._outside_api)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        for session in self.sessions:
            if not session.ws.closed:
                await session.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    async def wait_session(self, number: int, within: float = 15.0) -> GatewaySession:
        """Wait until gateway connection `number` (1-based) has identified and got READY + GUILD_CREATE."""

        async def wait() -> GatewaySession:
            async with self._new_session:
                await self._new_session.wait_for(lambda: len(self.sessions) >= number)
            session = self.sessions[number - 1]
            await session.ready.wait()
            return session

        return await asyncio.wait_for(wait(), within)

    @property
    def session(self) -> GatewaySession:
        live = [s for s in self.sessions if s.ready.is_set() and not s.ws.closed]
        if not live:
            raise RuntimeError("no bot is connected to the fake gateway")
        return live[-1]

    def session_for(self, guild_id: int | None) -> GatewaySession:
        """The live connection Discord sends a guild's events on (None: a DM's, which go to shard 0)."""
        live = [s for s in self.sessions if s.ready.is_set() and not s.ws.closed and s.holds(guild_id)]
        if not live:
            raise RuntimeError(f"no bot connection holds the shard of guild {guild_id}")
        return live[-1]

    def add_guild(self, shard: int = 0, count: int = 1) -> int:
        """Add a server on shard `shard` of `count` (with a #learning channel); return its id."""
        base = self.snowflake()
        high = base >> 22
        high += (shard - high) % count  # the next millisecond stamp on that shard
        guild_id = (high << 22) | (base & 0x3FFFFF)
        self.guild_channels[guild_id] = self.snowflake()
        return guild_id

    def guild_of_channel(self, channel_id: int | str) -> int | None:
        return next((g for g, c in self.guild_channels.items() if c == int(channel_id)), None)

    def fail_next(self, kind: str, status: int, retry_after: float = 0.25, *, accept: bool = False) -> Fault:
        """Answer the next interaction `callback`, `followup` or channel `message` with `status` (429 or 5xx) once.

        Faults queue up: calling this n times fails the next n requests of that kind (a storm).
        """
        fault = Fault(kind, status, retry_after, accept=accept)
        self.faults.append(fault)
        return fault

    def hold_next_message(self) -> Hold:
        """Store the next channel message, then keep its answer back until `release()`."""
        hold = Hold()
        self.holds.append(hold)
        return hold

    def reminders_in(self, channel_id: int | str) -> list[dict]:
        """The distinct messages the bot sent to a channel with an enforced nonce (reminders), oldest first."""
        return [m for (cid, _), m in self.nonces.items() if cid == str(channel_id)]

    def close_dms(self, user: str, error: tuple[int, int, str] = DM_CLOSED) -> None:
        """From now on, a message to `user`'s DM channel fails (default: 403 50007, DMs closed)."""
        self.dm_errors[user] = error

    def open_dms(self, user: str) -> None:
        self.dm_errors.pop(user, None)

    def dm_channel_of(self, user: str) -> dict | None:
        """The DM channel the bot opened with `user`, if it did."""
        uid = self.users[user]["id"]
        return next((c for c in self.dm_channels.values() if c["recipients"][0]["id"] == uid), None)

    async def wait_for(self, check: Callable[[], Any], within: float = 5.0, what: str = "condition") -> Any:
        """Poll `check()` until it returns something truthy (and return that), or fail after `within` s."""
        deadline = time.monotonic() + within
        while True:
            found = check()
            if found:
                return found
            if time.monotonic() > deadline:
                raise TimeoutError(f"{what}: not within {within}s")
            await asyncio.sleep(0.02)

    def requests_of(self, boot: int, method: str | None = None, route: str | None = None) -> list[Recorded]:
        return [
            r
            for r in self.requests
            if r.boot == boot and (method is None or r.method == method) and (route is None or r.route == route)
        ]

    # ------------------------------------------------------------------ payloads

    def _user(self, user_id: int, name: str, *, bot: bool = False) -> dict:
        return {
            "id": str(user_id),
            "username": name,
            "discriminator": "0",
            "global_name": name,
            "avatar": None,
            "bot": bot,
            "system": False,
            "public_flags": 0,
            "flags": 0,
            "banner": None,
            "accent_color": None,
            "avatar_decoration_data": None,
            "collectibles": None,
            "primary_guild": None,
        }

    def permissions_of(self, name: str) -> int:
        if name == "owner":
            return (1 << 41) - 1
        perms = MEMBER_PERMISSIONS
        if self.mod_role_id in self.member_roles[name]:
            perms |= MANAGE_GUILD
        return perms

    def member(self, name: str, *, with_permissions: bool = False) -> dict:
        member = {
            "user": self.users[name],
            "nick": None,
            "avatar": None,
            "banner": None,
            "roles": [str(r) for r in self.member_roles[name]],
            "joined_at": "2026-01-05T09:00:00+00:00",
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "communication_disabled_until": None,
            "avatar_decoration_data": None,
        }
        if with_permissions:
            member["permissions"] = str(self.permissions_of(name))
        return member

    def channel(self, channel_id: int | None = None) -> dict:
        channel_id = channel_id or self.channel_id
        return {
            "id": str(channel_id),
            "type": 0,
            "guild_id": str(self.guild_of_channel(channel_id)),
            "name": "learning",
            "position": 0,
            "permission_overwrites": [],
            "topic": None,
            "nsfw": False,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "parent_id": None,
            "flags": 0,
        }

    def guild(self, guild_id: int | None = None) -> dict:
        guild_id = guild_id or self.guild_id
        everyone = {"id": str(guild_id), "name": "@everyone", "permissions": str(MEMBER_PERMISSIONS)}
        mods = {"id": str(self.mod_role_id), "name": "Moderators", "permissions": str(MANAGE_GUILD)}
        roles = []
        for position, role in enumerate((everyone, mods)):
            roles.append(
                {
                    **role,
                    "position": position,
                    "color": 0,
                    "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
                    "hoist": False,
                    "icon": None,
                    "unicode_emoji": None,
                    "managed": False,
                    "mentionable": False,
                    "flags": 0,
                }
            )
        members = [self.member(name) for name in self.users]
        members.append({**self.member("owner"), "user": self.bot_user, "roles": []})
        return {
            "id": str(guild_id),
            "name": "Waymark Test Server" if guild_id == self.guild_id else f"Server {guild_id}",
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": self.users["owner"]["id"],
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "vanity_url_code": None,
            "max_members": 500000,
            "max_video_channel_users": 25,
            "application_id": None,
            "features": [],
            "roles": roles,
            "emojis": [],
            "stickers": [],
            "channels": [self.channel(self.guild_channels[guild_id])],
            "threads": [],
            "members": members,
            "member_count": len(members),
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "large": False,
            "unavailable": False,
            "joined_at": "2026-01-05T09:00:00+00:00",
            "lazy": True,
            "premium_progress_bar_enabled": False,
        }

    def application(self) -> dict:
        return {
            "id": str(self.app_id),
            "name": "Waymark",
            "icon": None,
            "description": "Career learning paths",
            "summary": "",
            "type": None,
            "bot": self.bot_user,
            "bot_public": False,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "flags": 0,
            "owner": self.users["owner"],
            "team": None,
            "hook": True,
            "redirect_uris": [],
            "interactions_endpoint_url": None,
            "role_connections_verification_url": None,
            "approximate_guild_count": 1,
            "tags": [],
            "install_params": None,
            "integration_types_config": {},
            "custom_install_url": None,
        }

    # ------------------------------------------------------------------ gateway

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        session = GatewaySession(len(self.sessions) + 1, ws)
        if request.query.get("v") != "10" or request.query.get("encoding") != "json":
            self.problems.append(f"gateway: connected with query {dict(request.query)}, expected v=10 encoding=json")
        async with self._new_session:
            self.sessions.append(session)
            self._new_session.notify_all()
        await ws.send_str(json.dumps({"op": 10, "s": None, "t": None, "d": {"heartbeat_interval": 41250}}))
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    self.problems.append(f"gateway: unexpected {msg.type.name} frame")
                    continue
                await self._gateway_op(session, json.loads(msg.data))
        finally:
            session.closed.set()
        return ws

    async def _gateway_op(self, session: GatewaySession, frame: dict) -> None:
        op, data = frame.get("op"), frame.get("d")
        if op == 1:
            session.heartbeats += 1
            await session.ws.send_str(json.dumps({"op": 11, "s": None, "t": None, "d": None}))
        elif op == 2:
            if session.identify is not None:
                self.problems.append("gateway: IDENTIFY sent twice on one connection")
            session.identify = data
            missing = {"token", "properties", "intents"} - set(data or {})
            if missing:
                self.problems.append(f"gateway: IDENTIFY without {sorted(missing)}")
                return
            if data.get("token") != self.token:
                await session.ws.close(code=4004, message=b"Authentication failed.")
                return
            intents = int(data.get("intents", 0))
            if intents & PRIVILEGED_INTENTS:
                self.problems.append(f"gateway: privileged intents requested ({intents:#x})")
            shard = data.get("shard")
            if shard is not None:
                if not (isinstance(shard, list) and len(shard) == 2 and 0 <= shard[0] < shard[1]):
                    self.problems.append(f"gateway: IDENTIFY with shard {shard!r}, not [shard_id, shard_count]")
                    return
                session.shard = (int(shard[0]), int(shard[1]))
            await session.dispatch("READY", self._ready(session))
            for guild_id in self.guild_channels:
                if session.holds(guild_id):
                    session.guilds.append(guild_id)
                    await session.dispatch("GUILD_CREATE", self.guild(guild_id))
            session.ready.set()
        elif op == 3:
            pass  # presence update
        else:
            self.problems.append(f"gateway: unexpected op {op}: {str(data)[:200]}")

    def _ready(self, session: GatewaySession) -> dict:
        return {
            "v": 10,
            "user": {**self.bot_user, "verified": True, "mfa_enabled": False, "email": None},
            "guilds": [{"id": str(g), "unavailable": True} for g in self.guild_channels if session.holds(g)],
            "session_id": f"fake-session-{session.number}",
            "resume_gateway_url": self.gateway_url,
            "shard": list(session.shard or (0, 1)),
            "application": {"id": str(self.app_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
            "auth": {},
            "session_type": "normal",
        }

    # ------------------------------------------------------------------ acting as members

    def command(self, name: str) -> dict:
        for scope in (self.guild_id, None):
            found = self.commands.get(scope, {}).get(name)
            if found is not None:
                return found
        raise LookupError(f"/{name} is not registered with the fake (registered: {self._registered_names()})")

    def _registered_names(self) -> list[str]:
        return sorted({n for scope in self.commands.values() for n in scope})

    def _command_data(
        self, user: str, path: str, options: dict[str, Any], focused: str | None, guild: int | None = None
    ) -> dict:
        guild = guild or self.guild_id
        channel_id = self.guild_channels[guild]
        top, *subs = path.split()
        command = self.command(top)
        required = command.get("default_member_permissions")
        if required is not None and self.permissions_of(user) & int(required) != int(required):
            raise PermissionError(f"Discord does not show /{top} to {user} (needs permissions {required})")
        defs = command.get("options") or []
        data: dict[str, Any] = {"id": command["id"], "name": top, "type": 1, "guild_id": str(guild)}
        holder = data
        for sub in subs:
            sub_def = next((o for o in defs if o["name"] == sub and o["type"] in (1, 2)), None)
            if sub_def is None:
                raise LookupError(f"/{top} has no subcommand {sub!r}")
            entry: dict[str, Any] = {"name": sub, "type": sub_def["type"], "options": []}
            holder.setdefault("options", []).append(entry)
            holder, defs = entry, sub_def.get("options") or []
        values = holder.setdefault("options", [])
        resolved: dict[str, dict] = {}
        for name, value in options.items():
            opt = next((o for o in defs if o["name"] == name), None)
            if opt is None:
                raise LookupError(f"/{path} has no option {name!r} (has {[o['name'] for o in defs]})")
            entry = {"name": name, "type": opt["type"], "value": value}
            if opt["type"] == OPTION_TYPES["CHANNEL"]:
                if value not in ("learning", str(channel_id)):
                    raise LookupError(f"the fake's servers have one channel each, #learning; not {value!r}")
                entry["value"] = str(channel_id)
                partial = {k: self.channel(channel_id)[k] for k in ("id", "name", "type", "parent_id", "flags")}
                resolved.setdefault("channels", {})[str(channel_id)] = {
                    **partial,
                    "permissions": str(self.permissions_of(user)),
                }
            if opt["type"] == OPTION_TYPES["USER"]:
                entry["value"] = self.users[value]["id"]
                resolved.setdefault("users", {})[self.users[value]["id"]] = self.users[value]
                member = {k: v for k, v in self.member(value, with_permissions=True).items() if k != "user"}
                resolved.setdefault("members", {})[self.users[value]["id"]] = member
            if name == focused:
                entry["focused"] = True
                entry["value"] = str(value)
            values.append(entry)
        missing = [o["name"] for o in defs if o.get("required") and o["name"] not in options]
        if missing and focused is None:
            raise LookupError(f"/{path} needs {missing}: Discord would not send it without them")
        if resolved:
            data["resolved"] = resolved
        return data

    def _interaction_payload(
        self, kind: int, user: str, data: dict, message: dict | None = None, guild: int | None = None
    ) -> dict:
        if message is not None and int(message["channel_id"]) in self.dm_channels:
            return self._dm_interaction_payload(kind, user, data, message)
        if message is not None:
            guild = self.guild_of_channel(message["channel_id"])
        guild = guild or self.guild_id
        channel_id = self.guild_channels[guild]
        payload = {
            "id": str(self.snowflake()),
            "application_id": str(self.app_id),
            "type": kind,
            "data": data,
            "guild_id": str(guild),
            "guild": {"id": str(guild), "locale": "en-US", "features": []},
            "channel_id": str(channel_id),
            "channel": {**self.channel(channel_id), "permissions": str(self.permissions_of(user))},
            "member": self.member(user, with_permissions=True),
            "token": f"itok-{self.snowflake()}-{'x' * 40}",
            "version": 1,
            "app_permissions": str(MEMBER_PERMISSIONS),
            "locale": self.locales.get(user, "en-US"),
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(guild)},
            "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if message is not None:
            payload["message"] = message
        return payload

    def _dm_interaction_payload(self, kind: int, user: str, data: dict, message: dict) -> dict:
        """An interaction in the bot's DM with `user` (a click on a message the bot DMed them)."""
        channel = self.dm_channels[int(message["channel_id"])]
        if channel["recipients"][0]["id"] != self.users[user]["id"]:
            raise PermissionError(f"{user} cannot see a message in another member's DMs")
        return {
            "id": str(self.snowflake()),
            "application_id": str(self.app_id),
            "type": kind,
            "data": data,
            "channel_id": channel["id"],
            "channel": channel,
            "user": self.users[user],
            "token": f"itok-{self.snowflake()}-{'x' * 40}",
            "version": 1,
            "app_permissions": str(MEMBER_PERMISSIONS),
            "locale": self.locales.get(user, "en-US"),
            "entitlements": [],
            "authorizing_integration_owners": {"0": "0"},
            "context": 1,  # BOT_DM
            "attachment_size_limit": 10 * 1024 * 1024,
            "message": message,
        }

    async def _push(
        self, kind: int, user: str, data: dict, message: dict | None = None, guild: int | None = None
    ) -> Interaction:
        payload = self._interaction_payload(kind, user, data, message, guild)
        interaction = Interaction(
            id=int(payload["id"]),
            token=payload["token"],
            type=kind,
            user=user,
            payload=payload,
            sent_at=time.monotonic(),
            shown=asyncio.get_running_loop().create_future(),
        )
        self.interactions[interaction.token] = interaction
        in_guild = int(payload["guild_id"]) if "guild_id" in payload else None
        await self.session_for(in_guild).dispatch("INTERACTION_CREATE", payload)
        return interaction

    async def _shown(self, interaction: Interaction, within: float = REPLY_TIMEOUT) -> Shown:
        assert interaction.shown is not None
        try:
            return await asyncio.wait_for(asyncio.shield(interaction.shown), within)
        except TimeoutError:
            got = [c.get("type") for c in interaction.callbacks]
            raise TimeoutError(
                f"no answer within {within}s to interaction {interaction.id} "
                f"({interaction.payload['data'].get('name') or interaction.payload['data'].get('custom_id')}); "
                f"callbacks so far: {got}"
            ) from None

    async def slash(self, user: str, command: str, *, in_guild: int | None = None, **options: Any) -> Shown:
        """Run `/command` (subcommands: "my-data export") as `user` and return what they see.

        `in_guild`: in another server than the first (see `add_guild`).
        """
        data = self._command_data(user, command, options, None, in_guild)
        interaction = await self._push(APPLICATION_COMMAND, user, data, guild=in_guild)
        return await self._shown(interaction)

    async def autocomplete(self, user: str, command: str, focused: str, **options: Any) -> list[dict]:
        """Type into option `focused` of `/command`; return the choices the bot suggests."""
        data = self._command_data(user, command, options, focused)
        interaction = await self._push(AUTOCOMPLETE, user, data)
        shown = await self._shown(interaction)
        assert shown.choices is not None
        return shown.choices

    def _find(self, message: dict, label: str | None, custom_id: str | None, kind: int) -> dict:
        items = [c for row in message.get("components") or [] for c in row.get("components", [])]
        found = [
            c
            for c in items
            if c["type"] == kind
            and (label is None or c.get("label") == label)
            and (custom_id is None or c.get("custom_id") == custom_id)
        ]
        if len(found) != 1:
            shown = [(c.get("label"), c.get("custom_id")) for c in items]
            raise LookupError(f"{len(found)} component(s) match label={label!r} custom_id={custom_id!r} in {shown}")
        if found[0].get("disabled"):
            raise PermissionError(f"{found[0].get('label')!r} is disabled: Discord would not send the click")
        return found[0]

    def current(self, message: dict) -> dict:
        """The message as Discord holds it now (edits applied)."""
        return self.messages[int(message["id"])]

    async def click(self, user: str, message: dict, *, label: str | None = None, custom_id: str | None = None) -> Shown:
        """Press a button of a message the bot sent; the interaction carries that message."""
        message = self.current(message)
        button = self._find(message, label, custom_id, discord_rules.BUTTON)
        data = {"custom_id": button["custom_id"], "component_type": discord_rules.BUTTON, "id": button.get("id")}
        interaction = await self._push(MESSAGE_COMPONENT, user, data, message)
        return await self._shown(interaction)

    async def select(self, user: str, message: dict, values: list[str], *, custom_id: str | None = None) -> Shown:
        """Choose `values` in a select menu of a message the bot sent."""
        message = self.current(message)
        menu = self._find(message, None, custom_id, discord_rules.STRING_SELECT)
        offered = {o["value"] for o in menu["options"]}
        if not set(values) <= offered or not menu.get("min_values", 1) <= len(values) <= menu.get("max_values", 1):
            raise ValueError(f"Discord would not let a member choose {values} in {menu['custom_id']}")
        data = {"custom_id": menu["custom_id"], "component_type": discord_rules.STRING_SELECT, "values": values}
        interaction = await self._push(MESSAGE_COMPONENT, user, data, message)
        return await self._shown(interaction)

    # ------------------------------------------------------------------ REST plumbing

    def _json(self, data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
        # Exactly "application/json": discord.py ignores bodies whose Content-Type carries a charset.
        reset_after = 1.0
        all_headers = {
            "Content-Type": "application/json",
            "X-RateLimit-Limit": "50",
            "X-RateLimit-Remaining": "49",
            "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
            "X-RateLimit-Reset-After": f"{reset_after:.3f}",
            "X-RateLimit-Bucket": "fakebucket",
            "Via": "1.1 google",
            **(headers or {}),
        }
        return web.Response(body=json.dumps(data).encode(), status=status, headers=all_headers)

    def _empty(self) -> web.Response:
        return web.Response(status=204)

    def _error(self, status: int, code: int, message: str) -> web.Response:
        return self._json({"message": message, "code": code}, status=status)

    async def _outside_api(self, request: web.Request) -> web.StreamResponse:
        self.problems.append(f"request outside {API_PREFIX}: {request.method} {request.path}")
        return self._error(404, 0, "404: Not Found")

    async def _read(self, request: web.Request) -> tuple[Any, list[tuple[str, bytes]]]:
        raw = await request.read()
        if not raw:
            return None, []
        content_type = request.headers.get("Content-Type", "")
        if content_type.startswith("multipart/form-data"):
            parser = email.parser.BytesParser(policy=email.policy.HTTP)
            parsed = parser.parsebytes(b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw)
            body, files = None, []
            for part in parsed.iter_parts():
                name = part.get_param("name", header="content-disposition")
                data = part.get_payload(decode=True) or b""
                if name == "payload_json":
                    body = json.loads(data)
                else:
                    files.append((str(part.get_filename() or name), data))
            return body, files
        if content_type != "application/json":
            self.problems.append(f"{request.method} {request.path}: body with Content-Type {content_type!r}")
        return json.loads(raw), []

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body, files = await self._read(request)
        record = Recorded(
            boot=self.boots,
            method=request.method,
            path=path,
            query=dict(request.query),
            headers=dict(request.headers),
            body=body,
            files=files,
        )
        self.requests.append(record)
        for method, pattern, handler in self._routes:
            match = pattern.fullmatch(path)
            if match and method == request.method:
                record.route = handler.__name__.lstrip("_")
                break
        else:
            self.problems.append(f"unknown route: {request.method} {path}")
            record.status = 404
            return self._error(404, 0, "404: Not Found")
        webhook = record.route in {"callback", "followup", "get_wh", "edit_wh", "del_wh"}
        if not webhook and not request.headers.get("User-Agent", "").startswith("DiscordBot ("):
            # Bot-token requests only: discord.py sends interaction webhooks with aiohttp's default agent.
            self.problems.append(f"{request.method} {path}: User-Agent must be 'DiscordBot (url, version)'")
        if not webhook and request.headers.get("Authorization") != f"Bot {self.token}":
            self.unauthorized.append(record)
            record.status = 401
            return self._error(401, 0, "401: Unauthorized")
        if self.spec is not None:
            headers = {k: v for k, v in request.headers.items() if k.lower() != "content-type"}
            self.problems += self.spec.check(request.method, path, dict(request.query), headers, _as_spec_types(body))
        response = await handler(request, record, match)
        record.status = response.status
        return response

    def _next_fault(self, kind: str) -> Fault | None:
        for fault in self.faults:
            if fault.kind == kind and not fault.served:
                fault.served += 1
                return fault
        return None

    def _fault_response(self, fault: Fault) -> web.Response:
        if fault.status == 429:
            headers = {
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset-After": f"{fault.retry_after:.3f}",
                "X-RateLimit-Reset": f"{time.time() + fault.retry_after:.3f}",
                "X-RateLimit-Scope": "user",
                "Retry-After": str(max(1, round(fault.retry_after))),
            }
            body = {"message": "You are being rate limited.", "retry_after": fault.retry_after, "global": False}
            return self._json(body, status=429, headers=headers)
        return self._error(fault.status, 0, f"{fault.status}: Server Error")

    def _fault(self, kind: str) -> web.Response | None:
        fault = self._next_fault(kind)
        return None if fault is None else self._fault_response(fault)

    # ------------------------------------------------------------------ login and commands

    async def _get_me(self, request: web.Request, record: Recorded, match: re.Match) -> web.Response:
        self.boots += 1
        record.boot = self.boots
        return self._json({**self.bot_user, "verified": True, "mfa_enabled": False, "email": None, "locale": "en-US"})

    async def _get_application(self, request: web.Request, record: Recorded, match: re.Match) -> web.Response:
        return self._json(self.application())

    async def _get_gateway(self, request: web.Request, record: Recorded, match: re.Match) -> web.Response:
        data: dict[str, Any] = {"url": f"ws://127.0.0.1:{self.port}/gateway"}
        if match.group(1):
            data |= {"shards": 1, "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0}}
            data["session_start_limit"]["max_concurrency"] = 1
        return self._json(data)

    def _scope(self, match: re.Match) -> int | None:
        if int(match["app"]) != self.app_id:
            self.problems.append(f"commands for application {match['app']}, not {self.app_id}")
        return int(match["guild"]) if match["guild"] else None

    async def _get_commands(self, request: web.Request, record: Recorded, match: re.Match) -> web.Response:
        return self._json(list(self.commands.get(self._scope(match), {}).values()))

    async def _put_commands(self, request: web.Request, record: Recorded, match: re.Match) -> web.Response:
        scope = self._scope(match)
        problems = discord_rules.command_problems(record.body)
        if problems:
            self.problems += [f"PUT {record.path}: {p}" for p in problems]
            return self._error(400, 50035, "Invalid Form Body")
        old = self.commands.get(scope, {})
        registered: dict[str, dict] = {}
        for command in record.body:
            previous = old.get(command["name"])
            registered[command["name"]] = {
                "type": 1,
                "options": [],
                "default_member_permissions": None,
                "nsfw": False,
                **command,
                "id": previous["id"] if previous else str(self.snowflake()),
                "application_id": str(self.app_id),
                "version": str(self.snowflake()),
                **({"guild_id": str(scope)} if scope else {}),
            }
        self.commands[scope] = registered
        return self._json(list(registered.values()))

    # ------------------------------------------------------------------ interactions and messages

    def _message(self, payload: dict, files: list[tuple[str, bytes]], interaction: Interaction, flags: int) -> dict:
        mid = self.snowflake()
        message = {
            "id": str(mid),
            "type": 20 if interaction.type == APPLICATION_COMMAND else 0,
            "channel_id": interaction.payload.get("channel_id", str(self.channel_id)),
            "author": self.bot_user,
            "content": "",
            "timestamp": now_iso(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "components": [],
            "pinned": False,
            "flags": flags,
            "webhook_id": str(self.app_id),
            "application_id": str(self.app_id),
            "interaction_metadata": {
                "id": str(interaction.id),
                "type": interaction.type,
                "user": self.users[interaction.user],
                "authorizing_integration_owners": {"0": str(self.guild_id)},
            },
        }
        self._apply(message, payload, files)
        self.messages[mid] = message
        interaction.message_ids.append(mid)
        return message

    def _apply(self, message: dict, payload: dict, files: list[tuple[str, bytes]]) -> None:
        """Apply a create/edit payload to a stored message the way Discord renders it."""
        if "content" in payload:
            message["content"] = payload["content"] or ""
        if "embeds" in payload:
            message["embeds"] = [{"type": "rich", **e} for e in payload["embeds"] or []]
        if "components" in payload:
            counter = itertools.count(1)
            rows = []
            for row in payload["components"] or []:
                items = [{**c, "id": next(counter)} for c in row.get("components", [])]
                rows.append({"type": row.get("type"), "id": next(counter), "components": items})
            message["components"] = rows
        if "attachments" in payload or files:
            kept = [
                a
                for a in message["attachments"]
                if any(str(p.get("id")) == a["id"] for p in payload.get("attachments") or [])
            ]
            for filename, data in files:
                aid = self.snowflake()
                kept.append(
                    {
                        "id": str(aid),
                        "filename": filename,
                        "size": len(data),
                        "url": f"https://cdn.example.invalid/attachments/{aid}/{filename}",
                        "proxy_url": f"https://media.example.invalid/attachments/{aid}/{filename}",
                        "content_type": "application/json" if filename.endswith(".json") else None,
                    }
                )
                self.files[aid] = data
            message["attachments"] = kept
        if "flags" in payload and payload["flags"] is not None:
            message["flags"] = (int(message.get("flags", 0)) & (EPHEMERAL | LOADING)) | int(payload["flags"])

    def _check_message(self, where: str, payload: dict, files: list, *, new: bool) -> None:
        self.problems += [f"{where}: {p}" for p in discord_rules.message_problems(payload, len(files), new=new)]
        mentions = payload.get("allowed_mentions")
        if new and (mentions is None or mentions.get("parse")):
            self.problems.append(f"{where}: may ping (allowed_mentions={mentions!r}); Waymark sends none")

    def _resolve(self, interaction: Interaction, shown: Shown) -> None:
        if interaction.shown is not None and not interaction.shown.done():
            interaction.shown.set_result(shown)

    async def _callback(self, request: web.Request, record: Recorded, match: re.Match) -> web.Response:
        interaction = self.interactions.get(match["token"])
        if interaction is None or interaction.id != int(match["id"]):
            self.problems.append(f"callback for an unknown interaction {match['id']}")
            return self._error(404, 10062, "Unknown interaction")
        interaction.attempts += 1
        if fault := self._fault("callback"):
            return fault
        late = time.monotonic() - interaction.sent_at
        if late > ANSWER_WINDOW:
            self.problems.append(f"callback {late:.1f}s after interaction {interaction.id}: over Discord's 3 s")
            return self._error(404, 10062, "Unknown interaction")
        if interaction.callbacks:
            self.problems.append(f"interaction {interaction.id} acknowledged twice")
            return self._error(400, 40060, "Interaction has already been acknowledged.")
        body = record.body or {}
        kind, data = body.get("type"), body.get("data") or {}
        interaction.callbacks.append(body)
        where = f"callback {kind} to {interaction.payload['data'].get('name') or interaction.payload['data'].get('custom_id')}"
        message: dict | None = None
        if kind == AUTOCOMPLETE_RESULT:
            if interaction.type != AUTOCOMPLETE:
                self.problems.append(f"{where}: autocomplete result to a non-autocomplete interaction")
            interaction.choices = data.get("choices") or []
            self.problems += [f"{where}: {p}" for p in discord_rules.choice_problems("choices", interaction.choices)]
            self._resolve(interaction, Shown(interaction, kind, choices=interaction.choices))
        elif kind in (CHANNEL_MESSAGE, DEFERRED_MESSAGE):
            if interaction.type not in (APPLICATION_COMMAND, MESSAGE_COMPONENT):
                self.problems.append(f"{where}: not allowed for interaction type {interaction.type}")
            flags = int(data.get("flags") or 0) & EPHEMERAL
            if kind == CHANNEL_MESSAGE:
                self._check_message(where, data, record.files, new=True)
                message = self._message(data, record.files, interaction, flags)
            else:
                message = self._message({}, [], interaction, flags | LOADING)
            interaction.original_id = int(message["id"])
            if kind == CHANNEL_MESSAGE:
                self._resolve(interaction, Shown(interaction, kind, message=message))
        elif kind in (UPDATE_MESSAGE, DEFERRED_UPDATE):
            if interaction.type != MESSAGE_COMPONENT:
                self.problems.append(f"{where}: only component interactions can update a message")
                return self._error(400, 40004, "Interaction callback type not allowed")
            message = self.messages[int(interaction.payload["message"]["id"])]
            interaction.original_id = int(message["id"])
            if kind == UPDATE_MESSAGE:
                self._check_message(where, data, record.files, new=False)
                self._apply(message, data, record.files)
                message["edited_timestamp"] = now_iso()
                self._resolve(interaction, Shown(interaction, kind, message=message))
        else:
            self.problems.append(f"{where}: unexpected callback type {kind}")
            return self._error(400, 50035, "Invalid Form Body")
        if request.query.get("with_response") not in ("1", "true", "True"):
            return self._empty()
        result: dict[str, Any] = {
            "interaction": {
                "id": str(interaction.id),
                "type": interaction.type,
                "response_message_id": message["id"] if message else None,
                "response_message_loading": kind == DEFERRED_MESSAGE,
                "response_message_ephemeral": bool(message and int(message["flags"]) & EPHEMERAL),
            },
            "resource": {"type": kind},
        }
        if message is not None:
            result["resource"]["message"] = message
        return self._json(result)

    def _interaction_for_webhook(self, match: re.Match) -> Interaction | None:
        interaction = self.interactions.get(match["token"])
        if int(match["app"]) != self.app_id:
            self.problems.append(f"webhook id {match['app']} is not the application id {self.app_id}")
        if interaction is None:
            self.problems.append(f"webhook token of an unknown interaction: {match['token'][:12]}...")
        elif not interaction.callbacks:
            self.problems.append(f"followup before interaction {interaction.id} was acknowledged")
        elif time.monotonic() - interaction.sent_at > TOKEN_LIFETIME:
            self.problems.append(f"interaction {interaction.id}: token used after 15 minutes")
        return interaction

    async def _followup(self, request: web.Request, record: Recorded, match: re.Match) -> web.Response:
        interaction = self._interaction_for_webhook(match)
        if interaction is None:
            return self._error(404, 10015, "Unknown Webhook")
        if fault := self._fault("followup"):
            return fault
        body = record.body or {}
        where = f"followup to {interaction.payload['data'].get('name') or interaction.payload['data'].get('custom_id')}"
        self._check_message(where, body, record.files, new=True)
        original = self.messages.get(interaction.original_id or 0)
        if original is not None and int(original["flags"]) & LOADING:
            # The first followup after a deferred ("thinking") answer replaces the loading message.
            self._apply(original, {k: v for k, v in body.items() if k != "flags"}, record.files)
            original["flags"] = int(original["flags"]) & ~LOADING
            message = original
        else:
            message = self._message(body, record.files, interaction, int(body.get("flags") or 0) & EPHEMERAL)
        self._resolve(interaction, Shown(interaction, DEFERRED_MESSAGE, message=message))
        if request.query.get("wait") in ("1", "true", "True"):
            return self._json(message)
        return self._empty()

    def _webhook_message(self, interaction: Interaction, mid: str) -> dict | None:
        if mid == "@original":
            return self.messages.get(interaction.original_id or 0)
        return self.messages.get(int(mid)) if int(mid) in interaction.message_ids else None

    async def _get_wh(self, request: web.Request, record: Recorded, match: re.Match) -> web.Response:
        interaction = self._interaction_for_webhook(match)
        message = interaction and self._webhook_message(interaction, match["mid"])
        return self._json(message) if message else self._error(404, 10008, "Unknown Message")

    async def _edit_wh(self, request: web.Request, record: Recorded, match: re.Match) -> web.Response:
        interaction = self._interaction_for_webhook(match)
        if interaction is None:
            return self._error(404, 10015, "Unknown Webhook")
        if fault := self._fault("followup"):
            return fault
        message = self._webhook_message(interaction, match["mid"])
        if message is None:
            return self._error(404, 10008, "Unknown Message")
        body = record.body or {}
        self._check_message(f"edit of {match['mid']}", body, record.files, new=False)
        self._apply(message, body, record.files)
        message["flags"] = int(message["flags"]) & ~LOADING
        message["edited_timestamp"] = now_iso()
        self._resolve(interaction, Shown(interaction, UPDATE_MESSAGE, message=message))
        return self._json(message)

    async def _del_wh(self, request: web.Request, record: Recorded, match: re.Match) -> web.Response:
        interaction = self._interaction_for_webhook(match)
        message = interaction and self._webhook_message(interaction, match["mid"])
        if not message:
            return self._error(404, 10008, "Unknown Message")
        self.messages.pop(int(message["id"]), None)
        return self._empty()

    def _known_channel(self, cid: str) -> dict | None:
        if self.guild_of_channel(cid) is not None:
            return self.channel(int(cid))
        return self.dm_channels.get(int(cid))

    async def _post_channel_message(self, request: web.Request, record: Recorded, match: re.Match) -> web.Response:
        body = record.body or {}
        channel = self._known_channel(match["cid"])
        if channel is None:
            return self._error(404, 10003, "Unknown Channel")
        if channel["type"] == 1:
            recipient = next(n for n, u in self.users.items() if u["id"] == channel["recipients"][0]["id"])
            if recipient in self.dm_errors:
                return self._error(*self.dm_errors[recipient])
        self._check_message(f"message to channel {match['cid']}", body, record.files, new=True)
        nonce = body.get("nonce")
        if nonce is not None and len(str(nonce)) > 25:
            self.problems.append(f"message to channel {match['cid']}: nonce {nonce!r} is over 25 characters")
        fault = self._next_fault("message")
        if fault is not None and not fault.accept:
            return self._fault_response(fault)
        if nonce is not None and body.get("enforce_nonce") and (match["cid"], str(nonce)) in self.nonces:
            message = self.nonces[match["cid"], str(nonce)]
        else:
            message = self._store_channel_message(match["cid"], body, record)
        if fault is not None:
            return self._fault_response(fault)  # stored, but the answer says it failed
        if self.holds:
            hold = self.holds.pop(0)
            hold.message = message
            hold.received.set()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(hold.released.wait(), HOLD_LIMIT)
        return self._json(message)

    def _store_channel_message(self, cid: str, body: dict, record: Recorded) -> dict:
        nonce = body.get("nonce")
        mid = self.snowflake()
        message = {
            "id": str(mid),
            "type": 0,
            "channel_id": cid,
            "author": self.bot_user,
            "content": "",
            "timestamp": now_iso(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "components": [],
            "pinned": False,
            "flags": 0,
        }
        self._apply(message, body, record.files)
        self.messages[mid] = message
        if nonce is not None and body.get("enforce_nonce"):
            self.nonces[cid, str(nonce)] = message
        return message

    async def _get_channel_message(self, request: web.Request, record: Recorded, match: re.Match) -> web.Response:
        message = self.messages.get(int(match["mid"]))
        return self._json(message) if message else self._error(404, 10008, "Unknown Message")

    async def _edit_channel_message(self, request: web.Request, record: Recorded, match: re.Match) -> web.Response:
        message = self.messages.get(int(match["mid"]))
        if message is None:
            return self._error(404, 10008, "Unknown Message")
        self._check_message(f"edit of message {match['mid']}", record.body or {}, record.files, new=False)
        self._apply(message, record.body or {}, record.files)
        message["edited_timestamp"] = now_iso()
        return self._json(message)

    async def _create_dm(self, request: web.Request, record: Recorded, match: re.Match) -> web.Response:
        recipient = str((record.body or {}).get("recipient_id"))
        user = next((u for u in self.users.values() if u["id"] == recipient), None)
        if user is None:
            return self._error(400, 50007, "Cannot send messages to this user")
        existing = next((c for c in self.dm_channels.values() if c["recipients"][0]["id"] == recipient), None)
        if existing is None:
            existing = {
                "id": str(self.snowflake()),
                "type": 1,
                "recipients": [user],
                "last_message_id": None,
                "flags": 0,
            }
            self.dm_channels[int(existing["id"])] = existing
        return self._json(existing)

    async def _get_user(self, request: web.Request, record: Recorded, match: re.Match) -> web.Response:
        user = next((u for u in [*self.users.values(), self.bot_user] if u["id"] == match["uid"]), None)
        return self._json(user) if user else self._error(404, 10013, "Unknown User")

    async def _get_channel(self, request: web.Request, record: Recorded, match: re.Match) -> web.Response:
        channel = self._known_channel(match["cid"])
        return self._json(channel) if channel else self._error(404, 10003, "Unknown Channel")
