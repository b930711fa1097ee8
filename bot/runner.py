"""Run the bot until Discord disconnects or SIGTERM/SIGINT asks it to stop, then close cleanly."""

from __future__ import annotations

import asyncio
import signal

import discord
import yarl

from bot.bot import WaymarkBot
from bot.log import get_logger
from bot.settings import Settings

log = get_logger(__name__)
SETUP_HELP = (
    "Create an application at https://discord.com/developers/applications, open Bot, press Reset Token, "
    "and put DISCORD_TOKEN=<token> in .env or the environment (see .env.example)."
)


def point_at(settings: Settings) -> None:
    """Use another REST base and gateway (tests only: a fake Discord on loopback)."""
    if settings.api_base:
        discord.http.Route.BASE = settings.api_base.rstrip("/")
        log.warning("Using Discord REST base %s (tests only)", settings.api_base)
    if settings.gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)
        log.warning("Using Discord gateway %s (tests only)", settings.gateway_url)


async def run_bot(settings: Settings) -> int:
    """Log in and serve; return the process exit code."""
    assert settings.token is not None
    point_at(settings)
    bot = WaymarkBot(settings)
    loop = asyncio.get_running_loop()
    stopping = asyncio.Event()

    def stop(signame: str) -> None:
        log.info("Received %s; shutting down", signame)
        stopping.set()

    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop, sig.name)
    runner = asyncio.create_task(bot.start(settings.token))
    waiter = asyncio.create_task(stopping.wait())
    try:
        done, _ = await asyncio.wait({runner, waiter}, return_when=asyncio.FIRST_COMPLETED)
        if runner in done:
            runner.result()  # raises LoginFailure and friends
            return 0
        return 0
    finally:
        await bot.close()
        for task in (runner, waiter):
            task.cancel()
        await asyncio.gather(runner, waiter, return_exceptions=True)
        log.info("Stopped")
