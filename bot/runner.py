"""Run the bot: check what start-up needs, reach Discord (retrying a while), serve until told to stop, close cleanly.

Start-up checks come before any request to Discord and raise `StartupError` with a one-line message (exit 2):
a content folder that is missing, a file or unreadable; no role loaded while learners follow paths; another
process sending the reminders of the same SQLite file (its lease, see `bot.reminders.lease`; on PostgreSQL any
number of processes share the reminders by claiming them, see `bot.reminders.claims`); a metrics port that cannot
be listened on. Then the login and
the first gateway connection are tried again with backoff while Discord cannot be reached, for
`WAYMARK_CONNECT_RETRY_S`, after which `DiscordUnreachableError` says so (exit 3). SIGTERM/SIGINT at any point
stops cleanly (exit 0).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import aiohttp
import discord
import yarl
from discord.utils import MISSING

from bot.bot import WaymarkBot
from bot.content.holder import ContentHolder, one_malloc_arena
from bot.content.loader import folder_problem, role_files, shown_folder
from bot.health import HealthServer
from bot.log import get_logger
from bot.metrics import METRICS
from bot.reminders.lease import SenderLease, held_message
from bot.services import Services, utc_now
from bot.settings import Settings
from bot.store import Store, StoreError
from bot.store.errors import DatabaseOpenError
from bot.wording import agree, plural

log = get_logger(__name__)
SETUP_HELP = (
    "Create an application at https://discord.com/developers/applications, open Bot, press Reset Token, "
    "and put DISCORD_TOKEN=<token> in .env or the environment (see .env.example)."
)
FIRST_RETRY_S = 1.0
MAX_RETRY_S = 30.0
MIN_ATTEMPT_S = 10.0
"""The least time one attempt (a login, a first gateway connection) gets, however little of the window is left:
a host that accepts connections but never answers still ends the start-up this long after the window."""
UNREACHABLE = (OSError, aiohttp.ClientError, TimeoutError, discord.HTTPException)
"""What an attempt raises when Discord cannot be reached or is down (not a refused token); of the HTTP errors,
only 429 (still limited after discord.py's own waits) and 5xx count (see `_unreachable`): any other is a bug."""


class StartupError(Exception):
    """A start-up problem the user must fix (exit 2); the message says what is wrong and what to do, in one line."""


class DiscordUnreachableError(Exception):
    """Discord could not be reached for the whole retry window (exit 3)."""


def point_at(settings: Settings) -> None:
    """Use another REST base and gateway (tests only: a fake Discord on loopback)."""
    if settings.api_base:
        discord.http.Route.BASE = settings.api_base.rstrip("/")
        log.warning("Using Discord REST base %s (tests only)", settings.api_base)
    if settings.gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)
        log.warning("Using Discord gateway %s (tests only)", settings.gateway_url)


def content_folder_problem(directory: Path) -> str | None:
    """Say why `directory` cannot be the content folder, or return None."""
    return folder_problem(directory, "set WAYMARK_CONTENT_DIR to the folder of role files")


def _followers(followed: dict[str, int]) -> str:
    total = sum(followed.values())
    names = ", ".join(sorted(followed)[:5]) + (", ..." if len(followed) > 5 else "")
    who = plural(total, "learner or study group", "learners or study groups")
    return f"{who} {agree(total, 'follows', 'follow')} {names}"


async def check_content(holder: ContentHolder, store: Store) -> None:
    """Refuse a content folder that loaded no role while someone follows a path (all their reminders would wait)."""
    index, directory = holder.index, holder.directory
    unreadable = next((p for p in index.problems if p.file == str(directory) and p.severity == "error"), None)
    if unreadable is not None and not index.roles:
        raise StartupError(f"cannot load the content folder {shown_folder(directory)}: {unreadable.message}")
    if index.roles:
        return
    followed = await store.followed_roles()
    if not followed:
        log.warning("No role loaded from %s: /roles stays empty until role files are added and reloaded", directory)
        return
    files = len(await asyncio.to_thread(role_files, directory))
    if not files:
        found = "has no role files (*.md; README.md and names starting with . or _ are not role files)"
        fix = "check WAYMARK_CONTENT_DIR: it names the folder of role files"
    else:
        found = f"has {plural(files, 'role file')}, none of which loads"
        fix = f"fix the files (`waymark content check {directory}` lists the errors), or check WAYMARK_CONTENT_DIR"
    raise StartupError(
        f"the content folder {shown_folder(directory)} {found}, but {_followers(followed)}: "
        f"their reminders would all wait. Nothing was started; {fix}"
    )


@contextlib.contextmanager
def quiet_start() -> Iterator[None]:
    """Log only warnings during the start-up checks, so a refusal prints its one line and nothing else."""
    root = logging.getLogger()
    level = root.level
    root.setLevel(max(level, logging.WARNING))
    try:
        yield
    finally:
        root.setLevel(level)


@dataclass
class Prepared:
    """What the start-up checks opened: the content and store (as services), and the reminder lease (SQLite)."""

    services: Services
    lease: SenderLease | None
    """None on PostgreSQL: every process sends reminders, claiming them one by one."""


async def prepare(settings: Settings, *, freeze_gc: bool = False) -> Prepared:
    """Run the start-up checks in order, before any request to Discord; raise StartupError on the first problem.

    `freeze_gc` is for the bot's own process: the index is then frozen out of the cyclic GC (see ContentHolder).
    """
    problem = content_folder_problem(settings.content_dir)
    if problem is not None:
        raise StartupError(problem)
    if freeze_gc:
        one_malloc_arena()  # before the load's worker thread takes an arena of its own
    holder = await asyncio.to_thread(partial(ContentHolder.load, settings.content_dir, utc_now(), freeze_gc=freeze_gc))
    try:
        store = await Store.open(settings.database)
    except DatabaseOpenError as exc:  # says which file and why (`waymark run` checked it once already)
        raise StartupError(str(exc)) from None
    except (StoreError, sqlite3.Error, OSError) as exc:
        raise StartupError(
            f"cannot open database {settings.database_label}: {exc}; check {settings.database_setting}"
        ) from None
    try:
        await check_content(holder, store)
        if store.database.dialect == "postgres":
            return Prepared(Services(holder, store), None)
        lease = SenderLease(store)
        current = await lease.acquire()
        if not lease.mine:
            who = held_message(current, settings.database_label, utc_now())
            raise StartupError(
                f"another Waymark is running on this database: {who}. "
                f"Stop that one first, or point {settings.database_setting} at another "
                + ("database" if settings.database_url else "file")
            )
    except BaseException:
        await store.close()
        raise
    return Prepared(Services(holder, store), lease)


def _reason(exc: BaseException) -> str:
    """Say in a few words why a login attempt failed."""
    if isinstance(exc, TimeoutError):
        return "no answer in time"
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


async def _reset_http(bot: WaymarkBot) -> None:
    """Close the failed attempt's HTTP session, so the next attempt opens a fresh one (and nothing leaks)."""
    await bot.http.close()
    bot.http.connector = MISSING  # the closed session closed its connector too


class RetryWindow:
    """The time start-up has to reach Discord (WAYMARK_CONNECT_RETRY_S), shared by the login and the gateway."""

    def __init__(self, seconds: float, lease: SenderLease | None) -> None:
        self.seconds = seconds
        self.lease = lease
        self.started = asyncio.get_running_loop().time()
        self.deadline = self.started + seconds
        self.delay = FIRST_RETRY_S
        self.attempts = 0

    def left(self) -> float:
        return self.deadline - asyncio.get_running_loop().time()

    def attempt_limit(self) -> float:
        """How long one attempt may take: not on past the window (a host that drops packets), but a while at least."""
        return max(self.left(), MIN_ATTEMPT_S)

    def gave_up(self, where: str, reason: str) -> DiscordUnreachableError:
        return DiscordUnreachableError(
            f"cannot reach Discord at {where} ({reason}); gave up after {plural(self.attempts, 'attempt')} in "
            f"{asyncio.get_running_loop().time() - self.started:.0f}s (WAYMARK_CONNECT_RETRY_S={self.seconds:g}). "
            "Check the network, a proxy or firewall, and https://discordstatus.com, then start again"
        )

    async def wait_or_give_up(self, where: str, reason: str) -> None:
        """Wait before the next attempt (1 s, doubling up to 30 s), or raise when the window is over."""
        left = self.left()
        if left <= 0:
            raise self.gave_up(where, reason)
        wait = min(self.delay, left)
        log.warning(
            "Cannot reach Discord at %s (%s); trying again in %.1fs (giving up in %.0fs)", where, reason, wait, left
        )
        if self.lease is not None:
            await self.lease.hold()  # still starting: keep the reminder lease alive meanwhile
        await asyncio.sleep(wait)
        self.delay = min(self.delay * 2, MAX_RETRY_S)


def _unreachable(exc: BaseException) -> BaseException | None:
    """Return the error in `exc`'s chain that says Discord could not be reached (or is down), or None."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, discord.HTTPException):
            if seen.status == 429 or seen.status >= 500:
                return seen
        elif isinstance(seen, UNREACHABLE):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


async def login(bot: WaymarkBot, token: str, window: RetryWindow) -> None:
    """Log in over REST, trying again with backoff while Discord cannot be reached."""
    where = discord.http.Route.BASE
    while True:
        window.attempts += 1
        try:
            await asyncio.wait_for(bot.login(token), window.attempt_limit())
            return
        except UNREACHABLE as exc:
            cause = _unreachable(exc)
            if cause is None:
                raise
            reason = _reason(cause)
        await _reset_http(bot)
        await window.wait_or_give_up(where, reason)


class _QuietFirstConnect(logging.Filter):
    """Drop discord.py's traceback for a failed first gateway connection: the runner says it in one line."""

    def __init__(self, bot: WaymarkBot) -> None:
        super().__init__()
        self.bot = bot

    def filter(self, record: logging.LogRecord) -> bool:
        return self.bot.is_ready() or not record.getMessage().startswith("Attempting a reconnect")


async def connect(bot: WaymarkBot, window: RetryWindow) -> None:
    """Connect to the gateway and stay connected; the first connection is retried within the window like the login.

    Once READY, discord.py reconnects by itself after any later drop.
    """
    where = str(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
    quiet = _QuietFirstConnect(bot)
    client_log = logging.getLogger("discord.client")
    client_log.addFilter(quiet)
    try:
        while True:
            window.attempts += 1
            session = asyncio.create_task(bot.connect(reconnect=True))
            ready = asyncio.create_task(bot.wait_until_ready())
            done, _ = await asyncio.wait(
                {session, ready}, timeout=window.attempt_limit(), return_when=asyncio.FIRST_COMPLETED
            )
            ready.cancel()
            if ready in done:
                break
            if session not in done:  # still trying by itself past the window
                session.cancel()
                await asyncio.gather(session, return_exceptions=True)
                raise window.gave_up(where, "no session within the window")
            error = session.exception()
            if error is None:
                return  # closed before it was ready (a stop signal)
            cause = _unreachable(error)
            if cause is None:
                raise error
            await window.wait_or_give_up(where, _reason(cause))
    finally:
        client_log.removeFilter(quiet)
    await session


async def serve(bot: WaymarkBot, settings: Settings, lease: SenderLease | None) -> None:
    """Log in and connect (retrying while Discord cannot be reached), then stay connected until closed."""
    assert settings.token is not None
    window = RetryWindow(settings.connect_retry_s, lease)
    await login(bot, settings.token, window)
    await connect(bot, window)


async def run_bot(settings: Settings) -> int:
    """Check, connect and serve; return the process exit code (StartupError and friends propagate)."""
    assert settings.token is not None
    with quiet_start():
        prepared = await prepare(settings, freeze_gc=True)
    point_at(settings)
    services, lease = prepared.services, prepared.lease
    store = services.store
    log.info("Opened %s at schema version %d", store.location, await store.schema_version())
    for problem in services.content.index.problems:
        log.warning("content: %s", problem)
    if lease is not None:
        log.info("This process sends the reminders of %s (it holds their lease)", store.location)
    bot = WaymarkBot(settings, services, lease=lease)
    health = None
    if settings.metrics_port is not None:
        health = HealthServer(bot, services, METRICS, settings.metrics_host, settings.metrics_port)
        try:
            await health.start()
        except OSError as exc:
            if lease is not None:
                await lease.release()
            await store.close()
            raise StartupError(
                f"cannot serve metrics on {settings.metrics_host}:{settings.metrics_port} "
                f"({exc.strerror or exc}); set WAYMARK_METRICS_PORT to a free port, or leave it empty"
            ) from None
    loop = asyncio.get_running_loop()
    stopping = asyncio.Event()

    def stop(signame: str) -> None:
        log.info("Received %s; shutting down", signame)
        stopping.set()

    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop, sig.name)
    runner = asyncio.create_task(serve(bot, settings, lease))
    waiter = asyncio.create_task(stopping.wait())
    try:
        done, _ = await asyncio.wait({runner, waiter}, return_when=asyncio.FIRST_COMPLETED)
        if runner in done:
            runner.result()  # raises LoginFailure, DiscordUnreachableError and friends
        return 0
    finally:
        await bot.close()
        for task in (runner, waiter):
            task.cancel()
        await asyncio.gather(runner, waiter, return_exceptions=True)
        if health is not None:
            await health.stop()
        if lease is not None:
            await lease.release()  # the scheduler has stopped: the next process need not wait for the lease
        await store.close()
        log.info("Stopped")
