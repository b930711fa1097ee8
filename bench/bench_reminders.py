"""Benchmark the reminder fan-out against a fake Discord that enforces a global request rate.

    python bench/bench_reminders.py [--reminders 10000] [--rate 50] [--client-rate R] [--strict]

A fake Discord REST API runs in a child process on 127.0.0.1 (ephemeral port). It serves the routes the bot
uses to log in and to DM a learner, enforces a global limit of `--rate` requests in any 1-second window over
every request (a 429 with `retry_after`, `global: true`, `Retry-After`, `X-RateLimit-Global` and `Via`, as
Discord answers, when over) and records every message with its nonce (a repeated nonce with `enforce_nonce`
returns the first message, as on Discord, and is counted).

The benchmark builds a throw-away store with `--reminders` learners enrolled in `backend-engineer`, all due
now, logs a `commands.Bot` in against the fake (no gateway) and runs the production wiring, the reminders
cog's `Scheduler` and `DiscordSender`, until every reminder is delivered. It prints the fake's accepted
request rate over the run (login excluded) beside the goal, 95% of `--rate`, and checks that every learner
got exactly one message, that no nonce was sent twice and that the store recorded each delivery as sent with
the nonce Discord received. The exit code is 0 unless `--strict` is given and a check failed.

Nothing leaves the machine; the fake exits when the benchmark closes its stdin (or dies) and after
`--timeout` plus a margin in any case.
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
import re
import sqlite3
import sys
import tempfile
import threading
import time
from collections import Counter, deque
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from tests import peek

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
                if stats["messages_created"] >= n and not await peek.pending_deliveries(store):
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
    parser.add_argument("--serve-fake", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_fake:
        asyncio.run(serve_fake(args.rate, args.timeout or 3600.0))
        return 0
    if args.reminders < 1 or args.rate < 1:
        parser.error("--reminders and --rate must be positive")
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
