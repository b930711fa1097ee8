"""Slash commands for moderators: /content reload, /content status, /content validate."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.common import services_of
from bot.discord_io import caller_of, run_handler
from bot.handlers import content_admin
from bot.handlers.context import Caller


def _is_moderator(interaction: discord.Interaction) -> bool:
    """Check at run time too: default permissions can be changed by server admins."""
    if not caller_of(interaction, getattr(interaction.client, "settings", None)).is_moderator:
        raise app_commands.MissingPermissions(["manage_guild"])
    return True


@app_commands.default_permissions(manage_guild=True)
@app_commands.guild_only()
class ContentAdminCog(commands.GroupCog, group_name="content", group_description="Moderators: manage role files"):
    """Check and reload the role files without a restart."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        super().__init__()

    def _caller(self, interaction: discord.Interaction) -> Caller:
        return caller_of(interaction, getattr(self.bot, "settings", None))

    @app_commands.command(name="reload", description="Validate the role files and swap them in")
    @app_commands.checks.cooldown(1, 10.0, key=lambda i: i.user.id)
    @app_commands.check(_is_moderator)  # innermost runs first: denied members use no cooldown
    async def reload(self, interaction: discord.Interaction) -> None:
        caller = self._caller(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        await run_handler(interaction, lambda: content_admin.reload(services_of(interaction), caller))

    @app_commands.command(name="status", description="What content is loaded, and its problems")
    @app_commands.check(_is_moderator)
    async def status(self, interaction: discord.Interaction) -> None:
        caller = self._caller(interaction)
        await run_handler(interaction, lambda: content_admin.status(services_of(interaction), caller))

    @app_commands.command(name="validate", description="Check the role files and show what a reload would change")
    @app_commands.checks.cooldown(1, 10.0, key=lambda i: i.user.id)
    @app_commands.check(_is_moderator)  # innermost runs first: denied members use no cooldown
    async def validate(self, interaction: discord.Interaction) -> None:
        caller = self._caller(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        await run_handler(interaction, lambda: content_admin.validate(services_of(interaction), caller))


async def setup(bot: commands.Bot) -> None:
    """Add the cog."""
    await bot.add_cog(ContentAdminCog(bot))
