"""Weekly reminders on Discord: the /remind commands, and the scheduler that DMs learners and posts to groups."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import datetime

import aiohttp
import discord
from discord.ext import commands

from bot.cogs.common import AreaCog, Runner
from bot.commands import Command
from bot.discord_io import NO_MENTIONS, run_handler, to_embeds, to_view
from bot.i18n import _, cmd
from bot.log import get_logger
from bot.reminders.scheduler import ChannelGoneError, DMClosedError, RateLimiter, RetryLaterError, Scheduler
from bot.render import Reply
from bot.services import Caller, Services, utc_now

log = get_logger(__name__)
DM_CLOSED = 50007
TOO_MANY_REQUESTS = 429
INVALID_RECIPIENT = 50033  # what opening a DM with an unknown user answers
REQUEST_RATE = 49.0
"""REST requests per second the sender allows itself: just under Discord's global limit (50 per second), which
counts requests, not reminders. discord.py's 429 handling covers a rare overshoot."""


def message_kwargs(reply: Reply) -> dict:
    """Return `Messageable.send` keyword arguments for a reply (not an interaction response)."""
    kwargs: dict = {"embeds": to_embeds(reply), "allowed_mentions": NO_MENTIONS}
    view = to_view(reply)
    if view is not None:
        kwargs["view"] = view
    if reply.content:
        kwargs["content"] = reply.content
    return kwargs


class DiscordSender:
    """Send reminders as DMs and channel posts, mapping Discord's errors onto the scheduler's.

    Every REST request it makes first waits for its own `RateLimiter`, so a fan-out runs at `rate` requests per
    second whatever one reminder costs (a message, plus opening the DM channel the first time): build the
    `Scheduler` over it with `rate=0`. A DM channel is opened straight from the user id (no user fetch) and its
    id is kept, so each learner's is opened once per process.
    """

    def __init__(self, bot: commands.Bot, rate: float = REQUEST_RATE) -> None:
        self.bot = bot
        self.limiter = RateLimiter(rate)
        self._dm_ids: dict[int, int] = {}  # user id -> DM channel id (it never changes)

    async def send_user(self, user_id: int, reply: Reply, nonce: str | None, due: datetime) -> None:
        try:
            channel = await self._dm_channel(user_id)
            await self.limiter.wait()
            await channel.send(nonce=nonce, **message_kwargs(reply))
        except discord.Forbidden as exc:
            raise DMClosedError(f"{exc.code}: {exc.text}") from exc
        except discord.NotFound as exc:
            raise DMClosedError("unknown user") from exc
        except (discord.DiscordServerError, aiohttp.ClientError, TimeoutError) as exc:
            raise RetryLaterError(str(exc)) from exc
        except discord.HTTPException as exc:
            if exc.code in (DM_CLOSED, INVALID_RECIPIENT):
                raise DMClosedError(f"{exc.code}: {exc.text}") from exc
            if exc.status == TOO_MANY_REQUESTS:  # still limited after discord.py's own retries
                raise RetryLaterError(f"rate limited: {exc.text}") from exc
            raise

    async def _dm_channel(self, user_id: int) -> discord.abc.Messageable:
        user = self.bot.get_user(user_id)
        if user is not None and user.dm_channel is not None:
            return user.dm_channel
        if user_id in self._dm_ids:
            return self.bot.get_partial_messageable(self._dm_ids[user_id], type=discord.ChannelType.private)
        await self.limiter.wait()
        channel = await self.bot.create_dm(user or discord.Object(user_id))
        self._dm_ids[user_id] = channel.id
        return channel

    async def send_channel(self, channel_id: int, label: str, reply: Reply, nonce: str, due: datetime) -> None:
        try:
            channel = self.bot.get_channel(channel_id)
            if channel is None:
                await self.limiter.wait()
                channel = await self.bot.fetch_channel(channel_id)
            if not isinstance(channel, discord.abc.Messageable):
                raise ChannelGoneError(f"channel {channel_id} cannot hold messages")
            await self.limiter.wait()
            await channel.send(nonce=nonce, **message_kwargs(reply))
        except (discord.NotFound, discord.Forbidden) as exc:
            raise ChannelGoneError(f"{exc.status} {exc.code}: {exc.text}") from exc
        except (discord.DiscordServerError, aiohttp.ClientError, TimeoutError) as exc:
            raise RetryLaterError(str(exc)) from exc
        except discord.HTTPException as exc:
            if exc.status == TOO_MANY_REQUESTS:
                raise RetryLaterError(f"rate limited: {exc.text}") from exc
            raise


class RemindersCog(AreaCog):
    """The /remind commands, and the scheduler task."""

    area = "reminders"

    def __init__(self, bot: commands.Bot) -> None:
        super().__init__(bot)
        self.sender = DiscordSender(bot)
        # rate=0: the sender paces each request (Discord's limit counts requests, not reminders).
        self.scheduler = Scheduler(services_of_bot(bot), self.sender, utc_now, rate=0)
        self.task: asyncio.Task | None = None

    def runners(self) -> dict[str, Runner]:
        return {"remind preview": self._preview}

    async def cog_load(self) -> None:
        await super().cog_load()
        if getattr(self.bot, "run_scheduler", True):
            self.task = asyncio.create_task(self._run(), name="reminder-scheduler")

    async def cog_unload(self) -> None:
        self.scheduler.stop()
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task
        await super().cog_unload()

    async def _run(self) -> None:
        await self.bot.wait_until_ready()
        log.info("Reminder scheduler started")
        await self.scheduler.run()

    async def _preview(
        self, interaction: discord.Interaction, spec: Command, caller: Caller, options: dict[str, object]
    ) -> None:
        """Send the reply of `/remind preview` by DM; show it here when the DM can't be sent."""
        svc = services_of_bot(self.bot)

        async def dm_it() -> Reply:
            reply = await spec.handler(svc, caller, **options)
            try:
                await self.sender.send_user(caller.user_id, reply, None, caller.now)
            except DMClosedError:
                return Reply(
                    content=_(
                        "I can't DM you (your DMs are closed to me). Here is the preview instead; allow DMs "
                        "from server members to get it weekly."
                    ),
                    cards=reply.cards,
                    ephemeral=True,
                )
            except RetryLaterError:
                return Reply(
                    content=_(
                        "I couldn't DM you just now (Discord did not take the message). Here is the preview "
                        "instead; try {preview} again in a minute.",
                        preview=cmd("remind preview"),
                    ),
                    cards=reply.cards,
                    ephemeral=True,
                )
            return Reply(content=_("Sent you this week's reminder by DM. 📬"), ephemeral=True)

        await run_handler(interaction, dm_it)


def services_of_bot(bot: commands.Bot) -> Services:
    """Return the services the bot opened in its setup hook."""
    return bot.services  # type: ignore[attr-defined]


async def setup(bot: commands.Bot) -> None:
    """Add the cog."""
    await bot.add_cog(RemindersCog(bot))
