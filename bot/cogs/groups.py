"""Study groups on Discord: /group create|join|leave|board|pause|resume|delete."""

from __future__ import annotations

from discord.ext import commands

from bot.cogs.common import AreaCog


class GroupsCog(AreaCog):
    """Create and follow study groups."""

    area = "groups"


async def setup(bot: commands.Bot) -> None:
    """Add the cog."""
    await bot.add_cog(GroupsCog(bot))
