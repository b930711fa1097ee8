"""Fixtures: Discord's spec (once per session), the fake Discord and the real bot process (once per module).

The bot runs as `python -m bot run` in a tmp folder (no `.env` there) with a dummy token, a tmp SQLite
file and a tmp copy of the content, pointed at the fake on 127.0.0.1. Every wait has a timeout, and
the process and the fake are always shut down, even when a test fails half-way.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio

from tests.e2e.discord_rules import Spec, load_spec
from tests.e2e.fake_discord import CHANNEL_MESSAGE, FakeDiscord, Shown

ROOT = Path(__file__).resolve().parents[2]
CONTENT_DIR = ROOT / "content"
TOKEN = "MTQ0MjAwMDAwMDAwMDAwMDAw.GfAkE2.e2e-dummy-token-not-a-secret-XyZ0123456789"
"""Shaped like a bot token so a log line that printed it would be noticed; it opens nothing."""
START_TIMEOUT = 20.0
STOP_TIMEOUT = 10.0


@pytest.fixture(scope="session")
def discord_spec() -> Spec:
    """Discord's OpenAPI spec, built once per session (or the reason it is missing)."""
    return load_spec()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    spec = load_spec.cache_info().currsize and load_spec()
    if not spec:
        return
    if spec.available:
        terminalreporter.write_line(
            f"e2e: OpenAPI spec built in {spec.load_seconds:.2f}s; {spec.validated} request(s) validated "
            f"in {spec.validate_seconds:.2f}s"
        )
    else:
        terminalreporter.write_line(f"e2e: OpenAPI layer skipped: {spec.reason}")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def fake(discord_spec: Spec):
    server = FakeDiscord(TOKEN, discord_spec if discord_spec.available else None)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


def _die_with_parent() -> None:
    """Linux: kill the bot if the test run itself dies, so no orphan keeps reconnecting."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


@dataclass
class Boot:
    """One run of the bot process."""

    number: int
    stdout: Path
    stderr: Path
    session: int = 0
    login: int = 0
    """The fake's login count (`Recorded.boot`) for this run's requests."""
    returncode: int | None = None
    stop_seconds: float | None = None

    def output(self) -> str:
        return "".join(
            p.read_text(encoding="utf-8", errors="replace") for p in (self.stdout, self.stderr) if p.exists()
        )


class BotProcess:
    """Starts, stops and restarts `python -m bot run` against the fake."""

    def __init__(
        self, fake: FakeDiscord, workdir: Path, content: Path, extra_env: dict[str, str] | None = None
    ) -> None:
        self.fake = fake
        self.workdir = workdir
        self.content = content
        self.extra_env = dict(extra_env or {})
        """Settings on top of the defaults below (small retry windows, another content folder, ...)."""
        self.db_path = workdir / "data" / "waymark.sqlite3"
        self.proc: asyncio.subprocess.Process | None = None
        self.boots: list[Boot] = []

    def env(self, token: str = TOKEN) -> dict[str, str]:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DISCORD_", "WAYMARK_")) and not k.lower().endswith("_proxy")
        }
        env |= {
            "PYTHONPATH": str(ROOT),
            "PYTHONUNBUFFERED": "1",
            "NO_PROXY": "127.0.0.1",
            "DISCORD_TOKEN": token,
            "DISCORD_API_BASE": self.fake.api_base,
            "DISCORD_GATEWAY_URL": self.fake.gateway_url,
            "WAYMARK_DB_PATH": str(self.db_path),
            "WAYMARK_CONTENT_DIR": str(self.content),
            "WAYMARK_DEV_GUILD_ID": str(self.fake.guild_id),
            "WAYMARK_LOG_LEVEL": "INFO",
        }
        return env | self.extra_env

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.returncode is None

    @property
    def boot(self) -> Boot:
        return self.boots[-1]

    async def spawn(self, token: str = TOKEN) -> tuple[asyncio.subprocess.Process, Boot]:
        n = len(self.boots) + 1
        boot = Boot(n, self.workdir / f"bot-{n}.stdout.log", self.workdir / f"bot-{n}.stderr.log")
        self.boots.append(boot)
        with boot.stdout.open("wb") as out, boot.stderr.open("wb") as err:
            proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "run",
                cwd=self.workdir,
                env=self.env(token),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                preexec_fn=_die_with_parent,
            )
        return proc, boot

    async def start(self) -> Boot:
        """Start the bot and wait until it has logged in, synced (or not) and got READY + GUILD_CREATE."""
        assert not self.running, "the bot is already running"
        sessions = len(self.fake.sessions)
        self.proc, boot = await self.spawn()
        ready = asyncio.ensure_future(self.fake.wait_session(sessions + 1, START_TIMEOUT))
        exited = asyncio.ensure_future(self.proc.wait())
        try:
            await asyncio.wait({ready, exited}, timeout=START_TIMEOUT, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (ready, exited):
                if not task.done():
                    task.cancel()
        if not ready.done() or ready.cancelled() or ready.exception() is not None:
            await self.kill()
            pytest.fail(f"the bot did not connect within {START_TIMEOUT}s:\n{boot.output()[-4000:]}")
        boot.session = sessions + 1
        boot.login = self.fake.boots
        return boot

    async def stop(self, sig: int = signal.SIGTERM) -> Boot:
        """Signal the bot and wait for it to exit; record its exit code and how long it took."""
        assert self.proc is not None
        boot = self.boot
        started = time.monotonic()
        if self.proc.returncode is None:
            self.proc.send_signal(sig)
        try:
            boot.returncode = await asyncio.wait_for(self.proc.wait(), STOP_TIMEOUT)
        except TimeoutError:
            await self.kill()
            pytest.fail(f"the bot did not exit within {STOP_TIMEOUT}s of {signal.Signals(sig).name}")
        boot.stop_seconds = time.monotonic() - started
        return boot

    async def kill(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.kill()
            await asyncio.wait_for(self.proc.wait(), STOP_TIMEOUT)

    async def ensure_running(self) -> Boot:
        return self.boot if self.running else await self.start()

    def output(self) -> str:
        return "".join(b.output() for b in self.boots)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(fake: FakeDiscord, tmp_path_factory: pytest.TempPathFactory):
    """The real bot process, started once per module; tests may stop and restart it."""
    workdir = tmp_path_factory.mktemp("e2e-bot")
    content = workdir / "content"
    shutil.copytree(CONTENT_DIR, content)
    process = BotProcess(fake, workdir, content)
    try:
        await process.start()
        yield process
    finally:
        if process.running:
            try:
                await process.stop()
            except BaseException:
                await process.kill()
                raise


TRACEBACK = re.compile(r"Traceback|Ignoring exception| ERROR ")


@pytest.fixture
def rules_kept(fake: FakeDiscord, bot: BotProcess):
    """Fail the test when a request broke a rule or the bot logged an error while it ran."""
    problems, logged = len(fake.problems), len(bot.output())
    yield
    new = fake.problems[problems:]
    assert not new, "the bot sent requests Discord would reject:\n- " + "\n- ".join(new)
    errors = [line for line in bot.output()[logged:].splitlines() if TRACEBACK.search(line)]
    assert not errors, "the bot logged errors:\n" + "\n".join(errors)


def assert_private(shown: Shown, callback_type: int = CHANNEL_MESSAGE) -> None:
    """The reply is the private message the member asked for, not an error."""
    assert shown.callback_type == callback_type, shown.interaction.callbacks
    assert shown.ephemeral, f"expected a reply only the member sees: {shown.message}"
    assert not shown.content.startswith("❌"), shown.content
