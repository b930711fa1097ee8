"""The Discord client: loads content and the store, adds the cogs, syncs commands when they change."""

from __future__ import annotations

import asyncio
import hashlib
import json
from types import SimpleNamespace

import aiohttp
import discord
import yarl
from discord import app_commands
from discord.ext import commands
from discord.gateway import DiscordWebSocket
from discord.shard import Shard

from bot import i18n
from bot.content.holder import ContentHolder
from bot.discord_io import (
    DYNAMIC_ITEMS,
    NO_MENTIONS,
    CommandTree,
    Translator,
    error_reply,
    report_unexpected,
    send_reply,
)
from bot.i18n import _
from bot.log import get_logger
from bot.metrics import METRICS
from bot.reminders.claims import Claimer, Shards
from bot.reminders.lease import SenderLease
from bot.reminders.scheduler import SharedRateLimiter
from bot.render import escape_user_text
from bot.services import Services, utc_now
from bot.settings import Settings
from bot.store import Store
from bot.wording import plural

log = get_logger(__name__)
COGS = (
    "bot.cogs.learning",
    "bot.cogs.progress",
    "bot.cogs.content_admin",
    "bot.cogs.reminders",
    "bot.cogs.groups",
)


DISCORD_RATE_LIMIT = "discord"
"""The name of the rate limit every process on a PostgreSQL database shares (`rate_slots`)."""


def count_rate_limits() -> aiohttp.TraceConfig:
    """An aiohttp trace that counts Discord's 429 answers (discord.py waits and retries them by itself)."""

    async def on_end(
        session: aiohttp.ClientSession, context: SimpleNamespace, params: aiohttp.TraceRequestEndParams
    ) -> None:
        if params.response.status == 429:
            METRICS.rate_limited.inc()

    trace = aiohttp.TraceConfig()
    trace.on_request_end.append(on_end)
    return trace


def wire_reminders(
    cog: commands.Cog, store: Store, lease: SenderLease | None, shard_count: int = 1, shard_ids: tuple[int, ...] = (0,)
) -> None:
    """Give the reminders cog's scheduler this process's part: the lease (SQLite), or on PostgreSQL claims (group
    posts of the shards it runs) and the request rate every process shares; and count its outcomes."""
    scheduler = cog.scheduler  # type: ignore[attr-defined]
    scheduler.lease = lease
    scheduler.observe = METRICS.observe_reminder
    if store.database.dialect != "postgres":
        return
    scheduler.claimer = Claimer(shared=True, shards=Shards(shard_count, frozenset(shard_ids)))
    sender = cog.sender  # type: ignore[attr-defined]
    sender.limiter = SharedRateLimiter(store, DISCORD_RATE_LIMIT, sender.limiter.rate)
    log.info(
        "Reminders: claimed from %s with the other processes; group posts of shard %s of %d",
        store.location,
        ", ".join(map(str, shard_ids)),
        shard_count,
    )


class WaymarkBot(commands.AutoShardedBot):
    """Waymark's bot: slash commands only, no privileged intents; the shards of `settings` (all by default).

    Several processes may each run some of the shards of one bot (WAYMARK_SHARD_COUNT, WAYMARK_SHARD_IDS) on one
    PostgreSQL database: each answers the servers of its shards, they share the reminders by claiming them, and
    the process that runs shard 0 syncs the commands.
    """

    def __init__(
        self,
        settings: Settings,
        services: Services | None = None,
        *,
        run_scheduler: bool = True,
        lease: SenderLease | None = None,
    ) -> None:
        intents = discord.Intents.none()
        intents.guilds = True
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            allowed_mentions=NO_MENTIONS,
            help_command=None,
            shard_count=settings.shard_count,
            shard_ids=list(settings.shard_ids),
            http_trace=count_rate_limits(),
            tree_cls=CommandTree,
        )
        self.settings = settings
        self.run_scheduler = run_scheduler  # tests that drive the scheduler themselves turn it off
        self._given_services = services
        self.lease = lease  # the reminder lease `run` took: the scheduler sends only while it is held
        self.services: Services

    async def setup_hook(self) -> None:
        """Open the store, load content and cogs, register persistent components, sync if needed.

        It runs again when a login is retried after a network failure: what is already set up is kept.
        """
        if self._given_services is not None:
            self.services = self._given_services
        elif getattr(self, "services", None) is not None:
            pass  # a retried login: opened the first time
        else:
            # The bot owns its process: the index may be frozen out of the cyclic GC (see ContentHolder).
            holder = ContentHolder.load(self.settings.content_dir, utc_now(), freeze_gc=True)
            for problem in holder.index.problems:
                log.warning("content: %s", problem)
            self.services = Services(holder, await Store.open(self.settings.database))
        log.info("Loaded %s from %s", plural(len(self.services.content.index.roles), "role"), self.settings.content_dir)
        for cog in COGS:
            if cog not in self.extensions:
                await self.load_extension(cog)
        reminders = self.get_cog("RemindersCog")
        if reminders is not None:
            self._wire_reminders(reminders)
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        for language in i18n.available():  # compiled now, not while the first German or Spanish member waits
            i18n.catalog(language)
        if self.tree.translator is None:
            await self.tree.set_translator(Translator())
        self.tree.on_error = self.on_app_command_error
        await self.sync_commands()

    async def launch_shard(self, gateway: yarl.URL, shard_id: int, *, initial: bool = False) -> None:
        """Connect one shard; until the bot was first ready, a failure is raised instead of retried here.

        discord.py retries a shard's connection every 5 s for ever and logs each failure with a traceback. At
        start-up the runner retries instead, within WAYMARK_CONNECT_RETRY_S, and says in one line why Discord
        could not be reached (exit 3); once the bot was ready, discord.py's own reconnects take over. The shard
        table is discord.py's (its name-mangled attribute, as discord.py 2.7 keeps it).
        """
        if self.is_ready():
            return await super().launch_shard(gateway, shard_id, initial=initial)
        shards: dict[int, Shard] = self._AutoShardedClient__shards  # type: ignore[attr-defined]
        if shard_id in shards and not shards[shard_id].ws.socket.closed:
            return None  # connected in an earlier attempt that another shard failed
        coro = DiscordWebSocket.from_client(self, initial=initial, gateway=gateway, shard_id=shard_id)
        ws = await asyncio.wait_for(coro, timeout=self.shard_connect_timeout)
        shards[shard_id] = shard = Shard(ws, self, self._AutoShardedClient__queue.put_nowait)  # type: ignore[attr-defined]
        shard.launch()
        return None

    def _wire_reminders(self, cog: commands.Cog) -> None:
        wire_reminders(cog, self.services.store, self.lease, self.settings.shard_count, self.settings.shard_ids)

    async def command_payload(self, guild: discord.abc.Snowflake | None) -> list[dict]:
        """Return the command definitions Discord would get, translations included, for hashing."""
        translator = self.tree.translator
        commands_ = self.tree.get_commands(guild=guild)
        if translator is None:
            return [c.to_dict(self.tree) for c in commands_]
        return [await c.get_translated_payload(self.tree, translator) for c in commands_]

    async def sync_commands(self) -> bool:
        """Sync slash commands only when their definitions changed since the last sync.

        Only the process that runs shard 0 syncs: the commands are the application's, not a shard's, and processes
        starting together would otherwise each send them.
        """
        guild = discord.Object(self.settings.dev_guild_id) if self.settings.dev_guild_id else None
        if guild is not None:
            self.tree.copy_global_to(guild=guild)
        if 0 not in self.settings.shard_ids:
            log.info("Slash commands are synced by the process that runs shard 0")
            return False
        # The application is part of what was synced: another bot application on this database must sync too.
        payload = json.dumps(
            {"application_id": self.application_id, "commands": await self.command_payload(guild)},
            sort_keys=True,
            default=str,
        )
        digest = hashlib.sha256(payload.encode()).hexdigest()
        key = f"commands_hash:{guild.id if guild else 'global'}"
        if await self.services.store.get_meta(key) == digest:
            log.info("Slash commands unchanged; not syncing")
            return False
        synced = await self.tree.sync(guild=guild)
        await self.services.store.set_meta(key, digest)
        log.info("Synced %s %s", plural(len(synced), "slash command"), f"to guild {guild.id}" if guild else "globally")
        return True

    async def on_app_command_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        """Turn command failures into friendly ephemeral replies; log the unexpected ones with an ID."""
        if isinstance(error, app_commands.CommandOnCooldown):
            seconds = round(error.retry_after)
            wait = _("Slow down a little: try again in {seconds}s.", seconds=seconds)
            await send_reply(interaction, error_reply(wait))
        elif isinstance(error, app_commands.MissingPermissions | app_commands.CheckFailure):
            await send_reply(
                interaction, error_reply(_("Only moderators (Manage Server, or the moderator role) can do that."))
            )
        elif isinstance(error, app_commands.TransformerError):
            shown = escape_user_text(str(error.value), 80)
            await send_reply(interaction, error_reply(_("I couldn't read '{value}' for that option.", value=shown)))
        else:
            await report_unexpected(interaction, getattr(error, "original", error))

    async def close(self) -> None:
        """Close the connection to Discord, then the database (writes in flight finish first)."""
        reminders = self.get_cog("RemindersCog")
        if reminders is not None:
            await reminders.cog_unload()  # stop the scheduler before the store goes away
        await super().close()
        services = getattr(self, "services", None)
        if services is not None and self._given_services is None:
            await services.store.close()
