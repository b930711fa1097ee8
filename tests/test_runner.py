"""The runner's parts, without a process: content checks, the login's retries, the connect-retry setting."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import aiohttp
import discord
import pytest

from bot import runner
from bot.content.holder import ContentHolder
from bot.reminders.lease import SenderLease
from bot.runner import (
    DiscordUnreachableError,
    RetryWindow,
    StartupError,
    check_content,
    connect,
    content_folder_problem,
    login,
    prepare,
)
from bot.settings import DEFAULT_CONNECT_RETRY_S, Settings, SettingsError
from bot.store import Store
from tests.conftest import CONTENT_DIR

NOW = datetime(2026, 11, 27, 10, tzinfo=UTC)


# --------------------------------------------------------------------------- settings


def test_connect_retry_defaults_to_a_minute_and_reads_seconds() -> None:
    assert Settings.load({}, env_file=None).connect_retry_s == DEFAULT_CONNECT_RETRY_S == 60
    assert Settings.load({"WAYMARK_CONNECT_RETRY_S": "0.5"}, env_file=None).connect_retry_s == 0.5
    assert Settings.load({"WAYMARK_CONNECT_RETRY_S": " "}, env_file=None).connect_retry_s == 60


@pytest.mark.parametrize("value", ["a minute", "-1", "inf", "nan", "86401"])
def test_connect_retry_must_be_seconds(value: str) -> None:
    with pytest.raises(SettingsError, match="WAYMARK_CONNECT_RETRY_S must be a number of seconds from 0 to 86400"):
        Settings.load({"WAYMARK_CONNECT_RETRY_S": value}, env_file=None)


# --------------------------------------------------------------------------- the content folder


def test_content_folder_problems_name_the_folder_and_the_setting(tmp_path: Path) -> None:
    assert content_folder_problem(CONTENT_DIR) is None
    missing = content_folder_problem(tmp_path / "contnet")
    assert missing is not None and "does not exist" in missing and str(tmp_path / "contnet") in missing
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert "is a file, not a folder" in (content_folder_problem(tmp_path / "file") or "")
    assert "`~` is not expanded there" in (content_folder_problem(Path("~/waymark/content")) or "")
    relative = content_folder_problem(Path("no-such-folder-here"))
    assert relative is not None and f"(that is {Path('no-such-folder-here').absolute()})" in relative


async def test_no_role_is_fine_until_someone_follows_a_path(tmp_path: Path, store: Store) -> None:
    (tmp_path / "empty").mkdir()
    holder = ContentHolder.load(tmp_path / "empty", NOW)
    await check_content(holder, store)  # a new install: nothing to hold back
    await store.enroll(1, "backend-engineer", None, None, NOW)
    with pytest.raises(StartupError, match=r"has no role files \(\*\.md; .*\), but 1 learner or study group follows"):
        await check_content(holder, store)


async def test_some_roles_missing_is_not_refused(tmp_path: Path, store: Store) -> None:
    """One broken file among good ones never stops the bot: those reminders are deferred instead."""
    await store.enroll(1, "ghost-role", None, None, NOW)
    await check_content(ContentHolder.load(CONTENT_DIR, NOW), store)


async def test_prepare_takes_the_lease_and_refuses_a_held_database(tmp_path: Path) -> None:
    settings = Settings(token="t", db_path=tmp_path / "db.sqlite3", content_dir=CONTENT_DIR)
    first = await prepare(settings)
    try:
        assert first.lease.mine
        with pytest.raises(StartupError, match=r"another Waymark is running on this database: process \d+ on host"):
            await prepare(settings)
    finally:
        await first.lease.release()
        await first.services.store.close()
    second = await prepare(settings)  # released: the next one takes it at once
    assert second.lease.mine
    await second.services.store.close()


async def test_on_postgresql_prepare_takes_no_lease_so_several_processes_start() -> None:
    from tests.store.conftest import postgres_database

    async with postgres_database() as url:
        settings = Settings(token="t", database_url=url, content_dir=CONTENT_DIR)
        first, second = await prepare(settings), await prepare(settings)
        try:
            assert first.lease is None and second.lease is None  # they claim the reminders instead
        finally:
            await first.services.store.close()
            await second.services.store.close()


async def test_a_metrics_port_in_use_stops_the_start_with_exit_2(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        settings = Settings(token="t", db_path=tmp_path / "db.sqlite3", content_dir=CONTENT_DIR, metrics_port=port)
        with pytest.raises(
            StartupError, match=rf"cannot serve metrics on 127.0.0.1:{port} \(.*\); set WAYMARK_METRICS_PORT"
        ):
            await runner.run_bot(settings)
    again = await prepare(Settings(token="t", db_path=tmp_path / "db.sqlite3", content_dir=CONTENT_DIR))
    assert again.lease is not None and again.lease.mine  # the refused start gave the lease back
    await again.lease.release()
    await again.services.store.close()


async def test_prepare_names_a_database_it_cannot_open(tmp_path: Path) -> None:
    (tmp_path / "db").mkdir()  # a folder where the file should be
    settings = Settings(token="t", db_path=tmp_path / "db", content_dir=CONTENT_DIR)
    with pytest.raises(StartupError, match=r"cannot open database .*db: it is a folder"):
        await prepare(settings)


# --------------------------------------------------------------------------- the login's retries


class StubBot:
    """Stands in for WaymarkBot.login: fails with the queued errors, then succeeds."""

    def __init__(self, *errors: BaseException) -> None:
        self.errors = list(errors)
        self.logins = 0
        self.closed = 0
        self.http = SimpleNamespace(close=self._close, connector=object())

    async def _close(self) -> None:
        self.closed += 1

    async def login(self, token: str) -> None:
        self.logins += 1
        if self.errors:
            raise self.errors.pop(0)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the backoff instead of waiting it out."""
    waited: list[float] = []
    real_sleep = asyncio.sleep

    async def fake_sleep(seconds: float) -> None:
        waited.append(seconds)
        await real_sleep(0)

    monkeypatch.setattr(runner.asyncio, "sleep", fake_sleep)
    return waited


def refused() -> OSError:
    return aiohttp.ClientConnectorError(SimpleNamespace(ssl=None, host="127.0.0.1", port=9), OSError(111, "refused"))


async def test_login_retries_with_doubling_waits_until_it_gets_through(store: Store, sleeps: list[float]) -> None:
    bot = StubBot(refused(), refused(), TimeoutError(), refused())
    await login(bot, "t", RetryWindow(60, SenderLease(store)))  # type: ignore[arg-type]
    assert bot.logins == 5
    assert sleeps == [1.0, 2.0, 4.0, 8.0]
    assert bot.closed == 4  # each failed attempt's session closed: nothing leaks


async def test_login_gives_up_after_the_window(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "FIRST_RETRY_S", 0.05)
    bot = StubBot(*(refused() for _ in range(100)))
    with pytest.raises(DiscordUnreachableError) as info:
        await login(bot, "t", RetryWindow(0.3, SenderLease(store)))  # type: ignore[arg-type]
    assert "cannot reach Discord at" in str(info.value)
    assert "(WAYMARK_CONNECT_RETRY_S=0.3)" in str(info.value)
    assert 3 <= bot.logins <= 6  # 0.05, 0.1, 0.15 (the rest): a few tries, not a spin


async def test_a_refused_token_is_not_retried(store: Store, sleeps: list[float]) -> None:
    bot = StubBot(discord.LoginFailure("Improper token has been passed."))
    with pytest.raises(discord.LoginFailure):
        await login(bot, "t", RetryWindow(60, SenderLease(store)))  # type: ignore[arg-type]
    assert bot.logins == 1 and sleeps == []


async def test_no_retry_window_means_one_attempt(store: Store, sleeps: list[float]) -> None:
    bot = StubBot(refused())
    with pytest.raises(DiscordUnreachableError, match=r"gave up after 1 attempt in 0s \(WAYMARK_CONNECT_RETRY_S=0\)"):
        await login(bot, "t", RetryWindow(0, SenderLease(store)))  # type: ignore[arg-type]
    assert sleeps == []


class FakeResponse:
    """What discord.HTTPException reads from a response."""

    def __init__(self, status: int) -> None:
        self.status = status
        self.reason = "Reason"


async def test_discord_down_is_retried_but_another_answer_is_not(store: Store, sleeps: list[float]) -> None:
    bot = StubBot(discord.DiscordServerError(FakeResponse(503), "down"))
    await login(bot, "t", RetryWindow(60, SenderLease(store)))  # type: ignore[arg-type]
    assert bot.logins == 2
    bot = StubBot(discord.HTTPException(FakeResponse(404), "Not Found"))
    with pytest.raises(discord.HTTPException):
        await login(bot, "t", RetryWindow(60, SenderLease(store)))  # type: ignore[arg-type]
    assert bot.logins == 1


class StubGateway:
    """Stands in for WaymarkBot's gateway: the first connections fail as discord.py fails them, then READY."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.connects = 0
        self.ready = asyncio.Event()
        self.closed = asyncio.Event()

    def is_ready(self) -> bool:
        return self.ready.is_set()

    async def wait_until_ready(self) -> None:
        await self.ready.wait()

    async def connect(self, *, reconnect: bool) -> None:
        self.connects += 1
        if self.connects <= self.failures:
            try:
                raise refused()
            except OSError:
                logging.getLogger("discord.client").exception("Attempting a reconnect in 1.00s")
                raise AttributeError("'NoneType' object has no attribute 'sequence'") from None
        self.ready.set()
        await self.closed.wait()


async def test_the_first_gateway_connection_is_retried_quietly(
    store: Store, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    gateway = StubGateway(failures=2)
    window = RetryWindow(60, SenderLease(store))
    with caplog.at_level(logging.INFO):
        serving = asyncio.create_task(connect(gateway, window))  # type: ignore[arg-type]
        await asyncio.wait_for(gateway.ready.wait(), 5)
        gateway.closed.set()
        await asyncio.wait_for(serving, 5)
    assert gateway.connects == 3 and sleeps == [1.0, 2.0]
    assert "Attempting a reconnect" not in caplog.text  # discord.py's traceback, said in one line instead
    assert caplog.text.count("Cannot reach Discord at ") == 2


async def test_a_gateway_never_reachable_gives_up(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "FIRST_RETRY_S", 0.05)
    with pytest.raises(DiscordUnreachableError, match=r"cannot reach Discord at .*\(WAYMARK_CONNECT_RETRY_S=0.2\)"):
        await connect(StubGateway(failures=1000), RetryWindow(0.2, SenderLease(store)))  # type: ignore[arg-type]


async def test_a_host_that_never_answers_ends_with_the_window(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A port that accepts connections and never answers: one attempt is cut at the window's end (at least
    MIN_ATTEMPT_S), then exit 3 says there was no answer."""
    monkeypatch.setattr(runner, "MIN_ATTEMPT_S", 0.2)

    class Silent(StubBot):
        async def login(self, token: str) -> None:
            self.logins += 1
            await asyncio.sleep(30)

    bot = Silent()
    with pytest.raises(DiscordUnreachableError, match=r"\(no answer in time\); gave up after 1 attempt in 0s"):
        await asyncio.wait_for(login(bot, "t", RetryWindow(0.1, SenderLease(store))), 5)  # type: ignore[arg-type]
    assert bot.logins == 1
