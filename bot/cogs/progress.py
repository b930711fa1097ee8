"""Slash commands for progress: /progress, /checklist, /done, /my-data."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.common import item_autocomplete, role_autocomplete, services_of
from bot.discord_io import caller_of, run_handler
from bot.handlers import progress


class ProgressCog(commands.Cog):
    """Follow and record progress; see or delete your data."""

    my_data = app_commands.Group(name="my-data", description="Everything Waymark stores about you")

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command(name="progress", description="Week N of M, your phase, checklist and streak")
    @app_commands.describe(member="Someone else's progress (if they made it visible)", share="Post it for everyone")
    async def progress(
        self, interaction: discord.Interaction, member: discord.Member | None = None, share: bool = False
    ) -> None:
        caller = caller_of(interaction)
        svc = services_of(interaction)
        if member is None:
            await run_handler(interaction, lambda: progress.progress(svc, caller, share=share))
        else:
            await run_handler(
                interaction, lambda: progress.progress(svc, caller, member.id, member.display_name, share)
            )

    @app_commands.command(name="checklist", description="Tick and untick your path's checklist")
    @app_commands.describe(role="The path (default: your latest)")
    @app_commands.autocomplete(role=role_autocomplete)
    async def checklist(self, interaction: discord.Interaction, role: str | None = None) -> None:
        caller = caller_of(interaction)
        await run_handler(interaction, lambda: progress.checklist_view(services_of(interaction), caller, role))

    @app_commands.command(name="done", description="Tick a checklist item by name")
    @app_commands.describe(item="The item (start typing)", proof="A link that shows it, e.g. a repository")
    @app_commands.autocomplete(item=item_autocomplete)
    async def done(self, interaction: discord.Interaction, item: str, proof: str | None = None) -> None:
        caller = caller_of(interaction)
        await run_handler(interaction, lambda: progress.done(services_of(interaction), caller, item, proof))

    @my_data.command(name="export", description="Get everything stored about you as a JSON file")
    @app_commands.checks.cooldown(1, 30.0, key=lambda i: i.user.id)
    async def export(self, interaction: discord.Interaction) -> None:
        caller = caller_of(interaction)
        await run_handler(interaction, lambda: progress.export_data(services_of(interaction), caller))

    @my_data.command(name="delete", description="Delete everything stored about you (asks first)")
    async def delete(self, interaction: discord.Interaction) -> None:
        caller = caller_of(interaction)
        await run_handler(interaction, lambda: progress.delete_data(services_of(interaction), caller))


async def setup(bot: commands.Bot) -> None:
    """Add the cog."""
    await bot.add_cog(ProgressCog(bot))
