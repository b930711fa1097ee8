"""Study groups on Discord: /group create|join|leave|board|pause|resume|delete."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.common import role_autocomplete, services_of
from bot.discord_io import caller_of, run_handler
from bot.handlers import groups
from bot.handlers.context import Caller
from bot.handlers.reminders import DAYS, zone_choices


async def group_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Suggest the server's study groups."""
    names = await groups.group_names(services_of(interaction), interaction.guild_id, current)
    return [app_commands.Choice(name=n[:100], value=n[:100]) for n in names]


async def zone_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=z, value=z) for z in zone_choices(current)]


@app_commands.guild_only()
class GroupsCog(commands.GroupCog, group_name="group", group_description="Study groups that learn a path together"):
    """Create and follow study groups."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        super().__init__()

    def _caller(self, interaction: discord.Interaction) -> Caller:
        return caller_of(interaction, getattr(self.bot, "settings", None))

    @app_commands.command(name="create", description="Create a study group with a weekly post (Manage Server)")
    @app_commands.describe(
        name="Group name",
        role="The path the group follows",
        channel="Where the weekly post goes",
        day="Day of the weekly post",
        time="24-hour time, HH:MM",
        timezone="The group's time zone",
    )
    @app_commands.choices(day=[app_commands.Choice(name=d.title(), value=d) for d in DAYS])
    @app_commands.autocomplete(role=role_autocomplete, timezone=zone_autocomplete)
    async def create(
        self,
        interaction: discord.Interaction,
        name: app_commands.Range[str, 1, 50],
        role: str,
        channel: discord.TextChannel,
        day: app_commands.Choice[str] | None = None,
        time: str | None = None,
        timezone: str | None = None,
    ) -> None:
        caller = self._caller(interaction)
        svc = services_of(interaction)
        await run_handler(
            interaction,
            lambda: groups.create(svc, caller, name, role, channel.id, day.value if day else None, time, timezone),
        )

    @app_commands.command(name="join", description="Join a study group")
    @app_commands.autocomplete(name=group_autocomplete)
    async def join(self, interaction: discord.Interaction, name: str) -> None:
        caller = self._caller(interaction)
        await run_handler(interaction, lambda: groups.join(services_of(interaction), caller, name))

    @app_commands.command(name="leave", description="Leave a study group (your progress stays)")
    @app_commands.autocomplete(name=group_autocomplete)
    async def leave(self, interaction: discord.Interaction, name: str | None = None) -> None:
        caller = self._caller(interaction)
        await run_handler(interaction, lambda: groups.leave(services_of(interaction), caller, name))

    @app_commands.command(name="board", description="Members' progress in the group's current phase")
    @app_commands.autocomplete(name=group_autocomplete)
    async def board(self, interaction: discord.Interaction, name: str | None = None) -> None:
        caller = self._caller(interaction)
        await run_handler(interaction, lambda: groups.board(services_of(interaction), caller, name))

    @app_commands.command(name="pause", description="Pause a group's weekly post (Manage Server)")
    @app_commands.autocomplete(name=group_autocomplete)
    async def pause(self, interaction: discord.Interaction, name: str | None = None) -> None:
        caller = self._caller(interaction)
        await run_handler(interaction, lambda: groups.set_paused(services_of(interaction), caller, True, name))

    @app_commands.command(name="resume", description="Resume a group's weekly post (Manage Server)")
    @app_commands.autocomplete(name=group_autocomplete)
    async def resume(self, interaction: discord.Interaction, name: str | None = None) -> None:
        caller = self._caller(interaction)
        await run_handler(interaction, lambda: groups.set_paused(services_of(interaction), caller, False, name))

    @app_commands.command(name="delete", description="Delete a study group (Manage Server)")
    @app_commands.autocomplete(name=group_autocomplete)
    async def delete(self, interaction: discord.Interaction, name: str) -> None:
        caller = self._caller(interaction)
        await run_handler(interaction, lambda: groups.delete(services_of(interaction), caller, name))


async def setup(bot: commands.Bot) -> None:
    """Add the cog."""
    await bot.add_cog(GroupsCog(bot))
