"""Slash commands for progress: /progress, /checklist, /done, /my-data."""

from __future__ import annotations

from discord.ext import commands

from bot.cogs.common import AreaCog


class ProgressCog(AreaCog):
    """Follow and record progress; see or delete your data."""

    area = "progress"


async def setup(bot: commands.Bot) -> None:
    """Add the cog."""
    await bot.add_cog(ProgressCog(bot))
