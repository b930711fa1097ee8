"""Weekly reminders on Discord: the /remind commands, and the scheduler that DMs learners and posts to groups."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import datetime

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.common import services_of
from bot.discord_io import NO_MENTIONS, caller_of, run_handler, to_view
from bot.handlers import reminders
from bot.handlers.context import Services, utc_now
from bot.log import get_logger
from bot.reminders.scheduler import ChannelGoneError, DMClosedError, RateLimiter, RetryLaterError, Scheduler
from bot.render import Reply, to_embeds

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


class RemindersCog(commands.GroupCog, group_name="remind", group_description="Your weekly reminder"):
    """The /remind commands, and the scheduler task."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self.sender = DiscordSender(bot)
        # rate=0: the sender paces each request (Discord's limit counts requests, not reminders).
        self.scheduler = Scheduler(services_of_bot(bot), self.sender, utc_now, rate=0)
        self.task: asyncio.Task | None = None
        super().__init__()

    async def cog_load(self) -> None:
        if getattr(self.bot, "run_scheduler", True):
            self.task = asyncio.create_task(self._run(), name="reminder-scheduler")

    async def cog_unload(self) -> None:
        self.scheduler.stop()
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task

    async def _run(self) -> None:
        await self.bot.wait_until_ready()
        log.info("Reminder scheduler started")
        await self.scheduler.run()

    @app_commands.command(name="on", description="Turn your weekly reminder on")
    async def on(self, interaction: discord.Interaction) -> None:
        caller = caller_of(interaction)
        await run_handler(interaction, lambda: reminders.remind_on(services_of(interaction), caller))

    @app_commands.command(name="off", description="Turn your weekly reminder off")
    async def off(self, interaction: discord.Interaction) -> None:
        caller = caller_of(interaction)
        await run_handler(interaction, lambda: reminders.remind_off(services_of(interaction), caller))

    @app_commands.command(name="set", description="Choose the day, time and time zone of your weekly reminder")
    @app_commands.describe(
        day="Day of the week", time="24-hour time, HH:MM", timezone="Your time zone, e.g. Europe/Berlin"
    )
    @app_commands.choices(day=[app_commands.Choice(name=d.title(), value=d) for d in reminders.DAYS])
    async def set_(
        self,
        interaction: discord.Interaction,
        day: app_commands.Choice[str] | None = None,
        time: str | None = None,
        timezone: str | None = None,
    ) -> None:
        caller = caller_of(interaction)
        svc = services_of(interaction)
        await run_handler(
            interaction, lambda: reminders.remind_set(svc, caller, day.value if day else None, time, timezone)
        )

    @set_.autocomplete("timezone")
    async def timezone_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=z, value=z) for z in reminders.zone_choices(current)]

    @app_commands.command(name="pause", description="Pause your reminder until a date")
    @app_commands.describe(until="The date reminders resume, YYYY-MM-DD")
    async def pause(self, interaction: discord.Interaction, until: str) -> None:
        caller = caller_of(interaction)
        await run_handler(interaction, lambda: reminders.remind_pause(services_of(interaction), caller, until))

    @app_commands.command(name="preview", description="Get this week's reminder now, by DM")
    @app_commands.checks.cooldown(2, 60.0, key=lambda i: i.user.id)
    async def preview(self, interaction: discord.Interaction) -> None:
        caller = caller_of(interaction)
        svc = services_of(interaction)
        # Opening the DM and sending it are REST calls that rate limits or retries can slow past Discord's
        # 3 s answer window: answer ("thinking") first, then follow up.
        await interaction.response.defer(ephemeral=True, thinking=True)

        async def dm_it() -> Reply:
            reply = await reminders.remind_preview(svc, caller)
            try:
                await self.sender.send_user(caller.user_id, reply, None, caller.now)
            except DMClosedError:
                return Reply(
                    content="I can't DM you (your DMs are closed to me). Here is the preview instead; allow DMs "
                    "from server members to get it weekly.",
                    cards=reply.cards,
                    ephemeral=True,
                )
            except RetryLaterError:
                return Reply(
                    content="I couldn't DM you just now (Discord did not take the message). Here is the preview "
                    "instead; try `/remind preview` again in a minute.",
                    cards=reply.cards,
                    ephemeral=True,
                )
            return Reply(content="Sent you this week's reminder by DM. 📬", ephemeral=True)

        await run_handler(interaction, dm_it)


def services_of_bot(bot: commands.Bot) -> Services:
    """Return the services the bot opened in its setup hook."""
    return bot.services  # type: ignore[attr-defined]


async def setup(bot: commands.Bot) -> None:
    """Add the cog."""
    await bot.add_cog(RemindersCog(bot))
