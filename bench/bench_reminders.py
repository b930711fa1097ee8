"""Benchmark the reminder fan-out against a fake Discord that enforces a global request rate.

    python bench/bench_reminders.py [--processes 3] [--reminders 10000] [--scenario both|steady|kill] [--strict]
    python bench/bench_reminders.py --sqlite [--reminders 10000] [--client-rate R]   # one process on SQLite

A fake Discord REST API runs in a child process on 127.0.0.1 (ephemeral port). It serves the routes the bot
uses to log in and to DM a learner, enforces a global limit of `--rate` requests in any 1-second window over
every request (a 429 with `retry_after`, `global: true`, `Retry-After`, `X-RateLimit-Global` and `Via`, as
Discord answers, when over) and records every message with its nonce (a repeated nonce with `enforce_nonce`
returns the first message, as on Discord, and is counted).

By default (the issue's goal for several processes): a throw-away PostgreSQL database (created on the server at
WAYMARK_TEST_POSTGRES_URL, default the local one, and dropped afterwards) holds `--reminders` learners, all due
now; `--processes` worker processes (this script with `--worker`) each log a `commands.Bot` in against the fake
and run the production wiring on PostgreSQL (`bot.bot.wire_reminders`: the reminders cog's `Scheduler` claiming
due targets, its `DiscordSender` pacing requests through the rate limit the processes share in the database).
Scenario `steady` lets them run; `kill` sends SIGKILL to one worker once `--kill-at` of the reminders are out
(its claims lapse after a minute and the others take them over). `both` runs one, then the other.

Each run prints the fake's accepted request rate over the run (login excluded) beside the goal, 95% of `--rate`,
and checks that every learner got exactly one message (duplicates: a learner with two; lost: none), that the
store recorded each delivery as sent with the nonce Discord received, and that nothing is left due. A resend
after the kill that Discord answers from its nonce window is a repeat, not a duplicate, and is counted apart.
The exit code is 0 unless `--strict` is given and a check failed.

`--sqlite` runs the single-process benchmark on a SQLite file instead (one process, the lease).

Nothing leaves the machine; the fake and the workers exit when the benchmark closes their stdin (or dies), and
after `--timeout` plus a margin in any case.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import contextlib
import itertools
import json
import logging
import math
import os
import re
import signal
import sqlite3
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, deque
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import aiohttp
from aiohttp import web

API = "/api/v10"
SCRIPT = Path(__file__).resolve()
CONTENT_DIR = SCRIPT.parent.parent / "content"
ROLE = "backend-engineer"
TOKEN = "bench-token"
BOT_ID = 900_000_000_000_000_001
APP_ID = 900_000_000_000_000_002
FIRST_USER_ID = 300_000_000_000_000_000
GOAL_SHARE = 0.95
WINDOW = 1.0  # seconds: the fake allows `--rate` requests in any window this long


# --------------------------------------------------------------------------- the fake Discord (child process)


class FakeDiscord:
    """Discord's REST routes for login and DMs, with a global sliding-window rate limit over every request."""

    def __init__(self, rate: int) -> None:
        self.limit = rate
        self.recent: deque[float] = deque()  # accepted requests in the last WINDOW seconds
        self.accepted: list[tuple[float, str]] = []  # (monotonic time, route) of every accepted request
        self.limited: list[tuple[float, str]] = []  # the same for the 429s
        self.mark: float | None = None  # start of the measured run; earlier requests are set-up
        self.dm_of_user: dict[int, int] = {}
        self.user_of_dm: dict[int, int] = {}
        self.messages: dict[int, list[str]] = {}  # recipient user id -> nonces of the messages created
        self.by_nonce: dict[tuple[int, str], dict] = {}
        self.nonce_repeats = 0
        self.run_accepted = self.run_limited = self.messages_created = 0
        self.problems: list[str] = []
        self._ids = 0
        self.routes = [
            ("GET", re.compile(r"/users/@me"), "GET /users/@me", self.get_me),
            ("GET", re.compile(r"/oauth2/applications/@me"), "GET /oauth2/applications/@me", self.get_app),
            ("POST", re.compile(r"/users/@me/channels"), "POST /users/@me/channels", self.create_dm),
            ("GET", re.compile(r"/users/(\d+)"), "GET /users/{id}", self.get_user),
            ("POST", re.compile(r"/channels/(\d+)/messages"), "POST /channels/{id}/messages", self.post_message),
        ]

    def snowflake(self) -> int:
        self._ids += 1
        return ((int(time.time() * 1000) - 1_420_070_400_000) << 22) | (self._ids & 0x3FFFFF)

    def problem(self, text: str) -> None:
        if len(self.problems) < 50:
            self.problems.append(text)

    @staticmethod
    def json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
        # Exactly "application/json": discord.py reads a body as JSON only then. "Via" marks it as Discord's.
        return web.Response(
            body=json.dumps(data).encode(),
            status=status,
            headers={"Content-Type": "application/json", "Via": "1.1 google", **(headers or {})},
        )

    def error(self, status: int, code: int, message: str) -> web.Response:
        return self.json({"message": message, "code": code}, status=status)

    @staticmethod
    def user(user_id: int, *, bot: bool = False) -> dict:
        name = "waymark" if bot else f"learner{user_id % 1_000_000}"
        return {
            "id": str(user_id),
            "username": name,
            "global_name": None,
            "discriminator": "0",
            "avatar": None,
            "bot": bot,
            "public_flags": 0,
        }

    async def api(self, request: web.Request) -> web.Response:
        """Every request under /api/v10: rate-limit it, then route it."""
        now = time.monotonic()
        path = request.path[len(API) :]
        found = next(
            ((r, h, m) for meth, rx, r, h in self.routes if meth == request.method and (m := rx.fullmatch(path))), None
        )
        route = found[0] if found else f"{request.method} {path}"
        while self.recent and self.recent[0] <= now - WINDOW:
            self.recent.popleft()
        if len(self.recent) >= self.limit:
            retry_after = max(0.001, self.recent[0] + WINDOW - now)
            self.limited.append((now, route))
            if self.mark is not None:
                self.run_limited += 1
            headers = {
                "Retry-After": str(math.ceil(retry_after)),
                "X-RateLimit-Global": "true",
                "X-RateLimit-Scope": "global",
            }
            body = {"message": "You are being rate limited.", "retry_after": round(retry_after, 3), "global": True}
            return self.json(body, status=429, headers=headers)
        self.recent.append(now)
        self.accepted.append((now, route))
        if self.mark is not None:
            self.run_accepted += 1
        if request.headers.get("Authorization") != f"Bot {TOKEN}":
            self.problem(f"{route} without the bot's token")
            return self.error(401, 0, "401: Unauthorized")
        if found is None:
            self.problem(f"unknown route {route}")
            return self.error(404, 0, "404: Not Found")
        _, handler, match = found
        return await handler(request, match)

    async def get_me(self, request: web.Request, match: re.Match) -> web.Response:
        return self.json(self.user(BOT_ID, bot=True))

    async def get_app(self, request: web.Request, match: re.Match) -> web.Response:
        return self.json(
            {
                "id": str(APP_ID),
                "name": "Waymark",
                "icon": None,
                "description": "",
                "summary": "",
                "bot": self.user(BOT_ID, bot=True),
                "bot_public": False,
                "bot_require_code_grant": False,
                "verify_key": "0" * 64,
                "flags": 0,
                "owner": self.user(FIRST_USER_ID - 1),
                "team": None,
                "redirect_uris": [],
                "interactions_endpoint_url": None,
                "tags": [],
            }
        )

    async def get_user(self, request: web.Request, match: re.Match) -> web.Response:
        return self.json(self.user(int(match[1])))

    async def create_dm(self, request: web.Request, match: re.Match) -> web.Response:
        body = await request.json()
        try:
            user_id = int(body["recipient_id"])
        except (KeyError, TypeError, ValueError):
            self.problem(f"DM creation without a recipient_id: {body!r}"[:200])
            return self.error(400, 50035, "Invalid Form Body")
        channel_id = self.dm_of_user.get(user_id)
        if channel_id is None:  # Discord returns the existing DM channel when there is one
            channel_id = self.snowflake()
            self.dm_of_user[user_id] = channel_id
            self.user_of_dm[channel_id] = user_id
        data = {"id": str(channel_id), "type": 1, "last_message_id": None, "flags": 0}
        return self.json(data | {"recipients": [self.user(user_id)]})

    async def post_message(self, request: web.Request, match: re.Match) -> web.Response:
        channel_id = int(match[1])
        user_id = self.user_of_dm.get(channel_id)
        if user_id is None:
            self.problem(f"message to unknown channel {channel_id}")
            return self.error(404, 10003, "Unknown Channel")
        if not request.content_type.startswith("application/json"):
            self.problem(f"message to {channel_id} sent as {request.content_type}")
        body = await request.json()
        nonce = body.get("nonce")
        if nonce is None or not body.get("enforce_nonce") or len(str(nonce)) > 25:
            self.problem(f"message to {channel_id}: nonce {nonce!r}, enforce_nonce {body.get('enforce_nonce')!r}")
        if not body.get("embeds") or len(body["embeds"]) > 10:
            self.problem(f"message to {channel_id} with {len(body.get('embeds') or [])} embeds")
        key = (channel_id, str(nonce))
        if nonce is not None and body.get("enforce_nonce") and key in self.by_nonce:
            self.nonce_repeats += 1  # Discord answers with the message the nonce already created
            return self.json(self.by_nonce[key])
        message = {
            "id": str(self.snowflake()),
            "type": 0,
            "channel_id": str(channel_id),
            "author": self.user(BOT_ID, bot=True),
            "content": body.get("content") or "",
            "timestamp": datetime.now(UTC).isoformat(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": [{"type": "rich", **e} for e in body.get("embeds") or []],
            "components": body.get("components") or [],
            "pinned": False,
            "flags": 0,
            "nonce": nonce,
        }
        self.messages.setdefault(user_id, []).append(str(nonce))
        self.messages_created += 1
        if nonce is not None:
            self.by_nonce[key] = message
        return self.json(message)

    async def bench_mark(self, request: web.Request) -> web.Response:
        self.mark = time.monotonic()
        return web.json_response({"mark": self.mark})

    async def bench_stats(self, request: web.Request) -> web.Response:
        """Figures for the benchmark (outside /api/v10: never rate-limited, never counted).

        Without `full` only counters (cheap: polled while the run goes on); `full` adds what takes time.
        """
        stats: dict[str, Any] = {
            "run_accepted": self.run_accepted,
            "run_limited": self.run_limited,
            "messages_created": self.messages_created,
        }
        if not request.query.get("full"):
            return web.json_response(stats)
        mark = self.mark if self.mark is not None else math.inf
        run = [(t, r) for t, r in self.accepted if t >= mark]
        limited = [(t, r) for t, r in self.limited if t >= mark]
        stats |= {
            "limit": self.limit,
            "setup_requests": sum(1 for t, _ in self.accepted if t < mark),
            "run_seconds": (run[-1][0] - mark) if run else 0.0,
            "routes": Counter(r for _, r in run),
            "limited_routes": Counter(r for _, r in limited),
            "max_window": max_in_window([t for t, _ in self.accepted], WINDOW),
            "limited_at": [t - mark for t, _ in limited],
            "longest_gap": max((b[0] - a[0] for a, b in itertools.pairwise(run)), default=0.0),
            "nonce_repeats": self.nonce_repeats,
            "problems": self.problems,
            "messages": {str(u): nonces for u, nonces in self.messages.items()},
        }
        return web.json_response(stats)


def max_in_window(times: list[float], window: float) -> int:
    """The most timestamps (ascending) that fall in any half-open interval of length `window`."""
    best = 0
    for i, t in enumerate(times):
        best = max(best, bisect.bisect_left(times, t + window, lo=i) - i)
    return best


async def serve_fake(rate: int, max_seconds: float) -> None:
    """Run the fake until stdin closes (the benchmark is done or gone) or `max_seconds` pass."""
    fake = FakeDiscord(rate)
    app = web.Application(client_max_size=8 * 1024 * 1024)
    app.router.add_route("*", API + "/{tail:.*}", fake.api)
    app.router.add_post("/_bench/mark", fake.bench_mark)
    app.router.add_get("/_bench/stats", fake.bench_stats)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    print(f"PORT {port}", flush=True)
    loop = asyncio.get_running_loop()
    done = asyncio.Event()

    def wait_for_eof() -> None:
        sys.stdin.buffer.read()
        loop.call_soon_threadsafe(done.set)

    threading.Thread(target=wait_for_eof, daemon=True).start()
    try:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), timeout=max_seconds)
    finally:
        await runner.cleanup()


# --------------------------------------------------------------------------- the benchmark (parent process)


class LogCounter(logging.Handler):
    """Count warnings and errors by logger instead of printing them; keep the first few errors."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.counts: Counter[str] = Counter()
        self.first_errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.counts[f"{record.levelname} {record.name}"] += 1
        if record.levelno >= logging.ERROR and len(self.first_errors) < 5:
            self.first_errors.append(f"{record.name}: {record.getMessage()}"[:300])


def build_store(path: Path, count: int, now: datetime) -> None:
    """Fill a migrated store: `count` learners in ROLE, reminders on, each due a minute ago."""
    from bot.content.holder import ContentHolder
    from bot.domain.weeks import pace_weeks
    from bot.store import codec

    role = ContentHolder.load(CONTENT_DIR, now).index.roles[ROLE]
    total = pace_weeks(role.timeline_months, None, role.total_weeks, phase_count=len(role.phases))
    spread = max(1, min(26, total - 2))  # start dates 0..spread-1 weeks ago: mid-path, none finished
    due = now.replace(second=0, microsecond=0) - timedelta(minutes=1)
    now_s, due_s = codec.encode_datetime(now), codec.encode_datetime(due)
    weekday, at = due.weekday(), codec.encode_local_time(due.time().replace(tzinfo=None))
    ids = range(FIRST_USER_ID, FIRST_USER_ID + count)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO learners (user_id, timezone, created_at) VALUES (?, 'UTC', ?)", ((u, now_s) for u in ids)
        )
        conn.executemany(
            "INSERT INTO enrollments (user_id, role, pace, start_date, status, week_shift, created_at, updated_at)"
            " VALUES (?, ?, NULL, ?, 'active', 0, ?, ?)",
            (
                (u, ROLE, codec.encode_date((now - timedelta(weeks=(u - FIRST_USER_ID) % spread)).date()), now_s, now_s)
                for u in ids
            ),
        )
        conn.executemany(
            "INSERT INTO reminder_settings (user_id, enabled, weekday, local_time, updated_at) VALUES (?, 1, ?, ?, ?)",
            ((u, weekday, at, now_s) for u in ids),
        )
        conn.executemany(
            "INSERT INTO reminder_plan (target_kind, target_id, next_due) VALUES ('user', ?, ?)",
            ((u, due_s) for u in ids),
        )
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def sending(path: Path) -> int:
    """How many deliveries the SQLite file holds in flight (begun, not recorded as sent or failed)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM deliveries WHERE state = 'sending'").fetchone()[0]
    finally:
        conn.close()


async def start_fake(rate: int, max_seconds: float) -> tuple[asyncio.subprocess.Process, int]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        str(SCRIPT),
        "--serve-fake",
        "--rate",
        str(rate),
        "--timeout",
        str(max_seconds),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    assert proc.stdout is not None
    try:
        line = await asyncio.wait_for(proc.stdout.readline(), timeout=30)
    except TimeoutError:
        proc.kill()
        raise
    if not line.startswith(b"PORT "):
        proc.kill()
        raise RuntimeError(f"the fake Discord did not start: {line!r}")
    return proc, int(line.split()[1])


async def stop_fake(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is not None:
        return
    if proc.stdin is not None:
        proc.stdin.close()
    try:
        await asyncio.wait_for(proc.wait(), timeout=10)
    except TimeoutError:
        proc.kill()
        await proc.wait()


async def run(args: argparse.Namespace) -> int:
    import discord
    from discord.ext import commands

    from bot.cogs.reminders import REQUEST_RATE, RemindersCog
    from bot.content.holder import ContentHolder
    from bot.reminders.scheduler import RateLimiter
    from bot.services import Services, utc_now
    from bot.store import Store, codec

    counter = LogCounter()
    client_rate = args.client_rate if args.client_rate is not None else REQUEST_RATE
    n = args.reminders
    # Each reminder costs 2 requests (open the DM channel, send); allow twice the ideal time, plus a minute.
    timeout = args.timeout or 2 * (2 * n / min(args.rate, client_rate)) + 60
    proc, port = await start_fake(args.rate, timeout + 120)
    base = f"http://127.0.0.1:{port}"
    bench_http = aiohttp.ClientSession()
    bot: commands.Bot | None = None
    store: Store | None = None
    task: asyncio.Task | None = None
    try:
        with tempfile.TemporaryDirectory(prefix="waymark-bench-reminders-") as tmp:
            path = Path(tmp) / "waymark.sqlite3"
            now = utc_now()
            t0 = time.perf_counter()
            async with await Store.open(path):
                pass
            build_store(path, n, now)
            build_s = time.perf_counter() - t0
            store = await Store.open(path)
            due = await store.due_targets(utc_now(), limit=1)
            assert due, "nothing is due"

            discord.http.Route.BASE = f"{base}{API}"
            intents = discord.Intents.none()
            intents.guilds = True  # as WaymarkBot
            bot = commands.Bot(command_prefix=commands.when_mentioned, intents=intents)
            bot.services = Services(ContentHolder.load(CONTENT_DIR, now), store)  # type: ignore[attr-defined]
            await bot.login(TOKEN)
            logging.getLogger().addHandler(counter)  # from here on (not discord.py's start-up notes on voice)
            logging.getLogger().setLevel(logging.WARNING)
            cog = RemindersCog(bot)  # the production wiring: its DiscordSender and Scheduler
            if args.client_rate is not None:
                cog.sender.limiter = RateLimiter(client_rate)
            scheduler = cog.scheduler

            print(
                f"reminder fan-out: {n:,} learners in {ROLE}, all due now (store built in {build_s:.1f} s); "
                f"fake Discord on 127.0.0.1:{port}\n"
                f"fake limit: {args.rate} requests in any {WINDOW:.0f} s window, global over every request; "
                f"client: the reminders cog's DiscordSender, paced at {client_rate:g} requests/s, and Scheduler "
                f"(concurrency {scheduler.semaphore._value}, "
                f"{'no per-reminder limit' if not scheduler.limiter.interval else 'also limited per reminder'})",
                flush=True,
            )
            async with bench_http.post(f"{base}/_bench/mark") as resp:
                resp.raise_for_status()
            started = time.monotonic()
            task = asyncio.create_task(scheduler.run(), name="bench-scheduler")
            last_print = started
            finished = False
            while time.monotonic() - started < timeout and not task.done():
                await asyncio.sleep(0.5)
                async with bench_http.get(f"{base}/_bench/stats") as resp:
                    stats = await resp.json()
                if time.monotonic() - last_print >= args.progress:
                    last_print = time.monotonic()
                    el = last_print - started
                    print(
                        f"  [{el:5.0f} s] {stats['messages_created']:,}/{n:,} reminders, "
                        f"{stats['run_accepted'] / el:.1f} requests/s, {stats['run_limited']} x 429",
                        flush=True,
                    )
                if stats["messages_created"] >= n and not sending(path):
                    await asyncio.sleep(1.0)  # delivered and recorded; a stray repeat would show up now
                    finished = True
                    break
            wall = time.monotonic() - started
            scheduler.stop()
            try:
                await asyncio.wait_for(task, timeout=30)
            except TimeoutError:
                print("scheduler did not stop within 30 s: cancelled", flush=True)
            async with bench_http.get(f"{base}/_bench/stats", params={"full": "1"}) as resp:
                stats = await resp.json()
            await bot.close()
            bot = None
            await store.close()
            store = None
            conn = sqlite3.connect(path)
            try:
                deliveries = conn.execute(
                    "SELECT target_id, nonce, state FROM deliveries WHERE target_kind = 'user'"
                ).fetchall()
                still_due = conn.execute(
                    "SELECT COUNT(*) FROM reminder_plan WHERE next_due <= ?", (codec.encode_datetime(now),)
                ).fetchone()[0]
            finally:
                conn.close()
    finally:
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if bot is not None:
            await bot.close()
        if store is not None:
            await store.close()
        await bench_http.close()
        await stop_fake(proc)

    return report(args, n, client_rate, stats, deliveries, still_due, finished, wall, counter)


def report(
    args: argparse.Namespace,
    n: int,
    client_rate: float,
    stats: dict[str, Any],
    deliveries: list[tuple[int, str, str]],
    still_due: int,
    finished: bool,
    wall: float,
    counter: LogCounter,
) -> int:
    ids = {str(u) for u in range(FIRST_USER_ID, FIRST_USER_ID + n)}
    messages: dict[str, list[str]] = stats["messages"]
    got_one = sum(1 for u in ids if len(messages.get(u, [])) == 1)
    extra = sum(max(0, len(v) - 1) for v in messages.values()) + sum(
        len(v) for u, v in messages.items() if u not in ids
    )
    nonces = Counter(nonce for v in messages.values() for nonce in v)
    twice = sum(1 for c in nonces.values() if c > 1) + stats["nonce_repeats"]
    sent = {str(u): nonce for u, nonce, state in deliveries if state == "sent"}
    matching = sum(1 for u, nonce in sent.items() if messages.get(u) == [nonce])
    seconds = stats["run_seconds"]
    rate = stats["run_accepted"] / seconds if seconds else 0.0
    goal = GOAL_SHARE * args.rate
    routes = stats["routes"]
    checks = {
        "rate": finished and rate >= goal,
        "one each": got_one == n and extra == 0,
        "nonces": twice == 0,
        "store": len(sent) == n and matching == n and still_due == 0,
        "fake": not stats["problems"] and stats["max_window"] <= args.rate,
    }

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    print()
    print(f"run: {seconds:.1f} s from the start of the scheduler to the last accepted request ({wall:.1f} s wall)")
    print(f"  requests accepted          {stats['run_accepted']:>7,}   (login, excluded: {stats['setup_requests']})")
    for route, count in sorted(routes.items()):
        print(f"    {route:<30} {count:>7,}")
    print(f"  requests per reminder      {stats['run_accepted'] / max(1, n):>7.2f}")
    limited = ", ".join(f"{r}: {c}" for r, c in sorted(stats["limited_routes"].items())) or "none"
    print(f"  429 answers                {stats['run_limited']:>7,}   ({limited}; retried by discord.py)")
    if stats["limited_at"]:
        print(f"    in bursts at             {bursts(stats['limited_at'])}")
    print(f"  longest gap between accepted requests  {stats['longest_gap'] * 1000:.0f} ms")
    print(f"  busiest {WINDOW:.0f} s window          {stats['max_window']:>7,}   (the fake's limit: {args.rate})")
    print(f"  reminders per second       {n / seconds if seconds else 0.0:>7.1f}")
    print(
        f"  accepted request rate      {rate:>7.1f} requests/s   goal >= {goal:g} ({GOAL_SHARE:.0%} of {args.rate}), "
        f"{rate / args.rate:.1%} of the limit   {verdict(checks['rate'])}"
    )
    print(f"  learners with one message  {got_one:>7,} / {n:,}, extra messages {extra}   {verdict(checks['one each'])}")
    print(
        f"  nonces sent twice          {twice:>7,}   (repeats answered from Discord's nonce window: "
        f"{stats['nonce_repeats']})   {verdict(checks['nonces'])}"
    )
    print(
        f"  store                      {len(sent):>7,} deliveries sent, {matching:,} with the nonce Discord got, "
        f"{still_due} plans still due   {verdict(checks['store'])}"
    )
    print(f"  fake's own checks          {len(stats['problems']):>7,} problems   {verdict(checks['fake'])}")
    for problem in stats["problems"][:5]:
        print(f"    {problem}")
    logged = ", ".join(f"{k}: {v}" for k, v in sorted(counter.counts.items())) or "none"
    print(f"  warnings/errors logged     {logged}")
    for line in counter.first_errors:
        print(f"    {line}")
    if not finished:
        print(f"  not all reminders were delivered within the {args.timeout or 'default'} timeout")
    ok = all(checks.values())
    print(verdict(ok))
    return 1 if args.strict and not ok else 0


def bursts(times: list[float], gap: float = 0.5) -> str:
    """Group times (s) less than `gap` apart: "7.2 s (31), 12.0 s (6)"."""
    groups: list[list[float]] = []
    for t in sorted(times):
        if groups and t - groups[-1][-1] < gap:
            groups[-1].append(t)
        else:
            groups.append([t])
    shown = ", ".join(f"{g[0]:.1f} s ({len(g)})" for g in groups[:12])
    return shown + (f" and {len(groups) - 12} more" if len(groups) > 12 else "")


# --------------------------------------------------------------------------- several processes on PostgreSQL


def _die_with_parent() -> None:
    """Linux: a worker dies with the benchmark, so no orphan keeps sending."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


async def worker(url: str, port: int, limit_s: float) -> None:
    """One bot process: log in against the fake, wait for GO on stdin, send reminders until stdin closes."""
    import discord
    from discord.ext import commands

    from bot.bot import wire_reminders
    from bot.cogs.reminders import RemindersCog
    from bot.content.holder import ContentHolder
    from bot.services import Services, utc_now
    from bot.store import Store

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    discord.http.Route.BASE = f"http://127.0.0.1:{port}{API}"
    loop = asyncio.get_running_loop()
    lines: asyncio.Queue[bytes] = asyncio.Queue()

    def read_stdin() -> None:
        while True:
            line = sys.stdin.buffer.readline()
            loop.call_soon_threadsafe(lines.put_nowait, line)
            if not line:
                return

    threading.Thread(target=read_stdin, daemon=True).start()
    store = await Store.open(url)
    intents = discord.Intents.none()
    intents.guilds = True  # as WaymarkBot
    bot = commands.Bot(command_prefix=commands.when_mentioned, intents=intents)
    bot.services = Services(ContentHolder.load(CONTENT_DIR, utc_now()), store)  # type: ignore[attr-defined]
    try:
        await bot.login(TOKEN)
        cog = RemindersCog(bot)
        wire_reminders(cog, store, None)  # what WaymarkBot does on PostgreSQL
        sent = 0

        def count(outcome: Any) -> None:
            nonlocal sent
            sent += bool(outcome.sent)

        cog.scheduler.observe = count
        print("READY", flush=True)
        if (await asyncio.wait_for(lines.get(), limit_s)).strip() != b"GO":
            return
        task = asyncio.create_task(cog.scheduler.run(), name="bench-scheduler")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(lines.get(), limit_s)  # EOF (or any line): stop
        cog.scheduler.stop()
        try:
            await asyncio.wait_for(task, 30)
        except TimeoutError:
            task.cancel()
        print(f"SENT {sent}", flush=True)
    finally:
        await bot.close()
        await store.close()


async def create_database(admin_url: str) -> str:
    import asyncpg

    name = f"waymark_bench_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(admin_url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    parts = urlsplit(admin_url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


async def drop_database(admin_url: str, url: str) -> None:
    import asyncpg

    admin = await asyncpg.connect(admin_url)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{urlsplit(url).path.lstrip("/")}" WITH (FORCE)')
    finally:
        await admin.close()


async def build_postgres(url: str, count: int, now: datetime) -> None:
    """Fill a migrated PostgreSQL store as `build_store` fills a SQLite file (bulk copies)."""
    import asyncpg

    from bot.content.holder import ContentHolder
    from bot.domain.weeks import pace_weeks
    from bot.store import Store, codec

    async with await Store.open(url):
        pass  # creates the tables
    role = ContentHolder.load(CONTENT_DIR, now).index.roles[ROLE]
    total = pace_weeks(role.timeline_months, None, role.total_weeks, phase_count=len(role.phases))
    spread = max(1, min(26, total - 2))
    due = now.replace(second=0, microsecond=0) - timedelta(minutes=1)
    now_s, due_s = codec.encode_datetime(now), codec.encode_datetime(due)
    weekday, at = due.weekday(), codec.encode_local_time(due.time().replace(tzinfo=None))
    ids = range(FIRST_USER_ID, FIRST_USER_ID + count)
    conn = await asyncpg.connect(url)
    try:
        async with conn.transaction():
            await conn.copy_records_to_table(
                "learners", records=[(u, "UTC", now_s) for u in ids], columns=["user_id", "timezone", "created_at"]
            )
            start = {u: codec.encode_date((now - timedelta(weeks=(u - FIRST_USER_ID) % spread)).date()) for u in ids}
            await conn.copy_records_to_table(
                "enrollments",
                records=[(u, ROLE, start[u], "active", 0, now_s, now_s) for u in ids],
                columns=["user_id", "role", "start_date", "status", "week_shift", "created_at", "updated_at"],
            )
            await conn.copy_records_to_table(
                "reminder_settings",
                records=[(u, 1, weekday, at, now_s) for u in ids],
                columns=["user_id", "enabled", "weekday", "local_time", "updated_at"],
            )
            await conn.copy_records_to_table(
                "reminder_plan",
                records=[("user", u, due_s) for u in ids],
                columns=["target_kind", "target_id", "next_due"],
            )
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


@dataclass
class Worker:
    number: int
    proc: asyncio.subprocess.Process
    log: Path
    killed: bool = False
    sent: int | None = None


async def start_worker(number: int, url: str, port: int, limit_s: float, logs: Path) -> Worker:
    log = logs / f"worker-{number}.log"
    with log.open("wb") as err:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            str(SCRIPT),
            "--worker",
            url,
            "--fake-port",
            str(port),
            "--timeout",
            str(limit_s),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=err,
            preexec_fn=_die_with_parent,
        )
    assert proc.stdout is not None
    line = await asyncio.wait_for(proc.stdout.readline(), 60)
    if line.strip() != b"READY":
        proc.kill()
        raise RuntimeError(f"worker {number} did not start: {line!r}; see {log}: {log.read_text()[-2000:]}")
    return Worker(number, proc, log)


async def stop_worker(worker: Worker) -> None:
    proc = worker.proc
    if proc.returncode is None and proc.stdin is not None:
        proc.stdin.close()
    try:
        out = await asyncio.wait_for(proc.stdout.read() if proc.stdout else asyncio.sleep(0), 60)
        await asyncio.wait_for(proc.wait(), 30)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        return
    found = re.search(rb"SENT (\d+)", out or b"")
    worker.sent = int(found[1]) if found else None


async def run_cluster(args: argparse.Namespace, scenario: str) -> tuple[bool, list[str]]:
    """Run one scenario (`steady` or `kill`) on a fresh database; return whether every check passed, and figures."""
    import asyncpg

    from bot.cogs.reminders import REQUEST_RATE
    from bot.services import utc_now

    n, procs = args.reminders, args.processes
    timeout = args.timeout or 2 * (2 * n / min(args.rate, REQUEST_RATE)) + 120
    admin_url = os.environ.get("WAYMARK_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    url = await create_database(admin_url)
    proc, port = await start_fake(args.rate, timeout + 180)
    base = f"http://127.0.0.1:{port}"
    http = aiohttp.ClientSession()
    workers: list[Worker] = []
    try:
        with tempfile.TemporaryDirectory(prefix="waymark-bench-cluster-") as tmp:
            now = utc_now()
            t0 = time.perf_counter()
            await build_postgres(url, n, now)
            build_s = time.perf_counter() - t0
            workers = list(
                await asyncio.gather(*(start_worker(k, url, port, timeout, Path(tmp)) for k in range(procs)))
            )
            kill_after = math.ceil(args.kill_at * n) if scenario == "kill" else None
            print(
                f"\n== {scenario}: {n:,} learners due now, {procs} worker processes on one PostgreSQL "
                f"(built in {build_s:.1f} s); fake Discord on 127.0.0.1:{port}, {args.rate} requests in any "
                f"{WINDOW:.0f} s window; the workers share {REQUEST_RATE:g} requests/s through the database"
                + (f"; worker 0 gets SIGKILL after {kill_after:,} reminders" if kill_after else ""),
                flush=True,
            )
            async with http.post(f"{base}/_bench/mark") as resp:
                resp.raise_for_status()
            for w in workers:
                assert w.proc.stdin is not None
                w.proc.stdin.write(b"GO\n")
                await w.proc.stdin.drain()
            started = last_print = time.monotonic()
            killed_at: float | None = None
            finished = False
            db = await asyncpg.connect(url)
            try:
                while time.monotonic() - started < timeout:
                    await asyncio.sleep(0.5)
                    async with http.get(f"{base}/_bench/stats") as resp:
                        stats = await resp.json()
                    if kill_after is not None and killed_at is None and stats["messages_created"] >= kill_after:
                        workers[0].proc.send_signal(signal.SIGKILL)
                        workers[0].killed = True
                        killed_at = time.monotonic() - started
                        print(f"  [{killed_at:5.0f} s] SIGKILL to worker 0 (pid {workers[0].proc.pid})", flush=True)
                    if time.monotonic() - last_print >= args.progress:
                        last_print = time.monotonic()
                        el = last_print - started
                        print(
                            f"  [{el:5.0f} s] {stats['messages_created']:,}/{n:,} reminders, "
                            f"{stats['run_accepted'] / el:.1f} requests/s, {stats['run_limited']} x 429",
                            flush=True,
                        )
                    if stats["messages_created"] >= n:
                        pending = await db.fetchval("SELECT count(*) FROM deliveries WHERE state <> 'sent'")
                        due = await db.fetchval(
                            "SELECT count(*) FROM reminder_plan WHERE next_due <= $1", codec_now(now)
                        )
                        if pending == 0 and due == 0:
                            await asyncio.sleep(1.0)  # delivered and recorded; a stray repeat would show up now
                            finished = True
                            break
                wall = time.monotonic() - started
                await asyncio.gather(*(stop_worker(w) for w in workers if not w.killed))
                if workers[0].killed:
                    await workers[0].proc.wait()
                async with http.get(f"{base}/_bench/stats", params={"full": "1"}) as resp:
                    stats = await resp.json()
                deliveries = [
                    (r["target_id"], r["nonce"], r["state"])
                    for r in await db.fetch("SELECT target_id, nonce, state FROM deliveries WHERE target_kind = 'user'")
                ]
                still_due = await db.fetchval("SELECT count(*) FROM reminder_plan WHERE next_due <= $1", codec_now(now))
            finally:
                await db.close()
            logged = Counter()
            first_errors: list[str] = []
            for w in workers:
                for line in w.log.read_text(errors="replace").splitlines():
                    for level in ("WARNING", "ERROR"):
                        if f" {level} " in line:
                            logged[f"worker {w.number} {level}"] += 1
                            if level == "ERROR" and len(first_errors) < 5:
                                first_errors.append(line[:300])
    finally:
        for w in workers:
            if w.proc.returncode is None:
                w.proc.kill()
                await w.proc.wait()
        await http.close()
        await stop_fake(proc)
        await drop_database(admin_url, url)
    return cluster_report(
        args, scenario, n, stats, deliveries, still_due, finished, wall, workers, killed_at, logged, first_errors
    )


def codec_now(now: datetime) -> str:
    from bot.store import codec

    return codec.encode_datetime(now)


def cluster_report(
    args: argparse.Namespace,
    scenario: str,
    n: int,
    stats: dict[str, Any],
    deliveries: list[tuple[int, str, str]],
    still_due: int,
    finished: bool,
    wall: float,
    workers: list[Worker],
    killed_at: float | None,
    logged: Counter,
    first_errors: list[str],
) -> tuple[bool, list[str]]:
    ids = {str(u) for u in range(FIRST_USER_ID, FIRST_USER_ID + n)}
    messages: dict[str, list[str]] = stats["messages"]
    got_one = sum(1 for u in ids if len(messages.get(u, [])) == 1)
    duplicates = sum(max(0, len(v) - 1) for v in messages.values()) + sum(
        len(v) for u, v in messages.items() if u not in ids
    )
    lost = sum(1 for u in ids if not messages.get(u))
    sent = {str(u): nonce for u, nonce, state in deliveries if state == "sent"}
    matching = sum(1 for u, nonce in sent.items() if messages.get(u) == [nonce])
    seconds = stats["run_seconds"]
    rate = stats["run_accepted"] / seconds if seconds else 0.0
    goal = GOAL_SHARE * args.rate
    checks = {
        "rate": finished and rate >= goal,
        "duplicates": duplicates == 0,
        "lost": lost == 0 and got_one == n,
        "store": len(sent) == n and matching == n and still_due == 0,
        "fake": not stats["problems"] and stats["max_window"] <= args.rate,
    }

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    print(f"run: {seconds:.1f} s from GO to the last accepted request ({wall:.1f} s wall)")
    for w in workers:
        state = f"killed at {killed_at:.0f} s" if w.killed else f"sent {w.sent if w.sent is not None else '?'}"
        print(f"  worker {w.number}: {state}")
    print(f"  requests accepted          {stats['run_accepted']:>7,}   (login, excluded: {stats['setup_requests']})")
    for route, count in sorted(stats["routes"].items()):
        print(f"    {route:<30} {count:>7,}")
    limited = ", ".join(f"{r}: {c}" for r, c in sorted(stats["limited_routes"].items())) or "none"
    print(f"  429 answers                {stats['run_limited']:>7,}   ({limited}; retried by discord.py)")
    if stats["limited_at"]:
        print(f"    in bursts at             {bursts(stats['limited_at'])}")
    print(f"  longest gap between accepted requests  {stats['longest_gap'] * 1000:.0f} ms")
    print(f"  busiest {WINDOW:.0f} s window          {stats['max_window']:>7,}   (the fake's limit: {args.rate})")
    print(
        f"  accepted request rate      {rate:>7.1f} requests/s, {rate / args.rate:.1%} of the limit; "
        f"goal >= {goal:g} ({GOAL_SHARE:.0%})   {verdict(checks['rate'])}"
    )
    print(
        f"  duplicates                 {duplicates:>7,}   (learners with more than one message)   "
        f"{verdict(checks['duplicates'])}"
    )
    print(
        f"  lost                       {lost:>7,}   (learners with no message; {got_one:,}/{n:,} got one)   "
        f"{verdict(checks['lost'])}"
    )
    print(
        f"  repeats from the nonce     {stats['nonce_repeats']:>7,}   "
        "(resends after the kill that Discord answered with the first message)"
    )
    print(
        f"  store                      {len(sent):>7,} deliveries sent, {matching:,} with the nonce Discord got, "
        f"{still_due} plans still due   {verdict(checks['store'])}"
    )
    print(f"  fake's own checks          {len(stats['problems']):>7,} problems   {verdict(checks['fake'])}")
    for problem in stats["problems"][:5]:
        print(f"    {problem}")
    print(f"  warnings/errors logged     {', '.join(f'{k}: {v}' for k, v in sorted(logged.items())) or 'none'}")
    for line in first_errors:
        print(f"    {line}")
    if not finished:
        print("  not every reminder was delivered and recorded within the timeout")
    missed = [name for name, ok in checks.items() if not ok]
    summary = f"{scenario}: {rate:.1f} requests/s ({rate / args.rate:.1%}), {duplicates} duplicates, {lost} lost"
    print(f"{scenario}: " + ("every goal met" if not missed else f"goal MISSED: {', '.join(missed)}"))
    return not missed, [summary + ("" if not missed else f" - MISSED: {', '.join(missed)}")]


async def run_scenarios(args: argparse.Namespace) -> int:
    scenarios = ["steady", "kill"] if args.scenario == "both" else [args.scenario]
    results = [await run_cluster(args, scenario) for scenario in scenarios]
    print()
    for _, lines in results:
        for line in lines:
            print(line)
    ok = all(passed for passed, _ in results)
    print("every goal met" if ok else "a goal was MISSED (see above)")
    return 1 if args.strict and not ok else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reminders", type=int, default=10_000, help="learners due now (default 10000)")
    parser.add_argument("--rate", type=int, default=50, help="the fake's global limit, requests/s (default 50)")
    parser.add_argument(
        "--client-rate", type=float, default=None, help="pace DiscordSender at this rate (default: its own)"
    )
    parser.add_argument("--timeout", type=float, default=0.0, help="give up after this many seconds (0: derived)")
    parser.add_argument("--progress", type=float, default=30.0, help="seconds between progress lines")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a check fails")
    parser.add_argument("--processes", type=int, default=3, help="worker processes on PostgreSQL (default 3)")
    parser.add_argument(
        "--scenario", choices=("steady", "kill", "both"), default="both", help="kill: SIGKILL one worker mid-run"
    )
    parser.add_argument(
        "--kill-at", type=float, default=0.3, help="the share of reminders out when the kill comes (default 0.3)"
    )
    parser.add_argument("--sqlite", action="store_true", help="one process on a SQLite file instead")
    parser.add_argument("--serve-fake", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--worker", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--fake-port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_fake:
        asyncio.run(serve_fake(args.rate, args.timeout or 3600.0))
        return 0
    if args.worker:
        asyncio.run(worker(args.worker, args.fake_port, args.timeout or 3600.0))
        return 0
    if args.reminders < 1 or args.rate < 1 or args.processes < 1 or not 0 < args.kill_at < 1:
        parser.error("--reminders, --rate and --processes must be positive, --kill-at between 0 and 1")
    if args.sqlite:
        return asyncio.run(run(args))
    return asyncio.run(run_scenarios(args))


if __name__ == "__main__":
    sys.exit(main())
