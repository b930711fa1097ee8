"""`/metrics` (Prometheus text format) and `/healthz` over HTTP, on WAYMARK_METRICS_PORT (loopback by default).

`/healthz` answers 200 when every gateway shard of this process is connected and the database answers a query
within `DB_CHECK_S`, else 503; the body says which part is not well, as JSON. `/metrics` reads the state gauges
(gateway latency, roles loaded, reminders due) at each scrape, then renders `bot.metrics.METRICS`.
"""

from __future__ import annotations

import asyncio
import json
import math

import discord
from aiohttp import web

from bot.log import get_logger
from bot.metrics import Metrics
from bot.services import Services, utc_now

log = get_logger(__name__)
TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8"
"""Prometheus's text format as every Prometheus version reads it (what `generate_latest` writes for these names)."""
DB_CHECK_S = 2.0
"""How long the database may take to answer a health check (or a scrape's count) before it counts as down."""


def gateway_problem(bot: discord.Client) -> str | None:
    """Say why this process is not connected to Discord's gateway, or None when every shard is."""
    if bot.is_closed():
        return "the bot is shutting down"
    if not bot.is_ready():
        return "not connected yet"
    shards = getattr(bot, "shards", None)
    if shards is not None:
        down = sorted(shard_id for shard_id, info in shards.items() if info.is_closed())
        if down:
            return f"shard {', '.join(map(str, down))} disconnected"
    elif bot.ws is None or not bot.ws.open:
        return "disconnected"
    return None


class HealthServer:
    """The HTTP server of one bot process: `await start()`, `await stop()`."""

    def __init__(self, bot: discord.Client, services: Services, metrics: Metrics, host: str, port: int) -> None:
        self.bot = bot
        self.services = services
        self.metrics = metrics
        self.host = host
        self.port = port
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        """Listen on host:port (OSError when that cannot be: the port is taken, the address is not this host's)."""
        app = web.Application()
        app.router.add_get("/metrics", self._metrics)
        app.router.add_get("/healthz", self._healthz)
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        try:
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        log.info("Serving /metrics and /healthz on http://%s:%d", self.host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _database_problem(self) -> str | None:
        try:
            await asyncio.wait_for(self.services.store.schema_version(), DB_CHECK_S)
        except TimeoutError:
            return f"no answer within {DB_CHECK_S:g} s"
        except Exception as exc:  # any failure to answer is what the check is for
            return f"{type(exc).__name__}: {str(exc)[:200]}"
        return None

    async def _healthz(self, request: web.Request) -> web.Response:
        gateway = gateway_problem(self.bot)
        database = await self._database_problem()
        body = {"gateway": gateway or "connected", "database": database or "ok"}
        status = 200 if gateway is None and database is None else 503
        return web.Response(text=json.dumps(body), status=status, content_type="application/json")

    async def refresh(self) -> None:
        """Read the gauges that describe the process's state now."""
        m = self.metrics
        m.roles_loaded.set(len(self.services.content.index.roles))
        for shard_id, latency in getattr(self.bot, "latencies", [(0, self.bot.latency)]):
            if math.isfinite(latency):
                m.gateway_latency.labels(str(shard_id)).set(latency)
        try:
            due = await asyncio.wait_for(self.services.store.count_due(utc_now()), DB_CHECK_S)
        except Exception:  # a scrape still answers; /healthz says what is wrong with the database
            log.warning("metrics: could not count the reminders due", exc_info=True)
        else:
            m.reminders_due.set(due)

    async def _metrics(self, request: web.Request) -> web.Response:
        await self.refresh()
        return web.Response(body=self.metrics.render(), headers={"Content-Type": TEXT_FORMAT})
