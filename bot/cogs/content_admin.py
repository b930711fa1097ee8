"""Slash commands for moderators: /content reload, /content status, /content validate."""

from __future__ import annotations

from discord.ext import commands

from bot.cogs.common import AreaCog


class ContentAdminCog(AreaCog):
    """Check and reload the role files without a restart."""

    area = "content"


async def setup(bot: commands.Bot) -> None:
    """Add the cog."""
    await bot.add_cog(ContentAdminCog(bot))
