"""Slash commands for the path: /start-learning, /today, /skill-deep-dive, /roles, /phase, /stop-learning, /help."""

from __future__ import annotations

from discord.ext import commands

from bot.cogs.common import AreaCog


class LearningCog(AreaCog):
    """Enroll, explore the path, and leave it."""

    area = "learning"


async def setup(bot: commands.Bot) -> None:
    """Add the cog."""
    await bot.add_cog(LearningCog(bot))
