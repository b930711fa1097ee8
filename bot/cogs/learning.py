"""Slash commands for the path: /start-learning, /today, /skill-deep-dive, /roles, /phase, /stop-learning, /help."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.common import pace_autocomplete, role_autocomplete, services_of, topic_autocomplete
from bot.discord_io import caller_of, run_handler
from bot.handlers import learning
from bot.handlers import today as today_handler


class LearningCog(commands.Cog):
    """Enroll, explore the path, and leave it."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command(name="start-learning", description="Enroll in a learning path, or resume it")
    @app_commands.describe(
        role="The path to follow", pace="How fast (the path's paces)", start="Start date, YYYY-MM-DD (default today)"
    )
    @app_commands.autocomplete(role=role_autocomplete, pace=pace_autocomplete)
    async def start_learning(
        self, interaction: discord.Interaction, role: str, pace: str | None = None, start: str | None = None
    ) -> None:
        caller = caller_of(interaction)
        await run_handler(
            interaction, lambda: learning.start_learning(services_of(interaction), caller, role, pace, start)
        )

    @app_commands.command(name="today", description="This week's topics, links and next step on your path")
    @app_commands.describe(role="The path (default: your latest)")
    @app_commands.autocomplete(role=role_autocomplete)
    async def today(self, interaction: discord.Interaction, role: str | None = None) -> None:
        caller = caller_of(interaction)
        await run_handler(interaction, lambda: today_handler.today(services_of(interaction), caller, role))

    @app_commands.command(name="skill-deep-dive", description="Find the part of a path about any topic")
    @app_commands.describe(topic="What you want to learn about (typos are fine)", role="Only search this path")
    @app_commands.autocomplete(topic=topic_autocomplete, role=role_autocomplete)
    @app_commands.checks.cooldown(5, 10.0, key=lambda i: i.user.id)
    async def skill_deep_dive(self, interaction: discord.Interaction, topic: str, role: str | None = None) -> None:
        caller = caller_of(interaction)
        await run_handler(interaction, lambda: learning.skill_deep_dive(services_of(interaction), caller, topic, role))

    @app_commands.command(name="roles", description="Every learning path, its timeline and salary range")
    async def roles(self, interaction: discord.Interaction) -> None:
        caller = caller_of(interaction)
        await run_handler(interaction, lambda: learning.roles_list(services_of(interaction), caller))

    @app_commands.command(name="phase", description="One phase of a path in full (your current one by default)")
    @app_commands.describe(number="Phase number", role="The path (default: your latest)")
    @app_commands.autocomplete(role=role_autocomplete)
    async def phase(
        self,
        interaction: discord.Interaction,
        number: app_commands.Range[int, 1, 99] | None = None,
        role: str | None = None,
    ) -> None:
        caller = caller_of(interaction)
        await run_handler(interaction, lambda: learning.phase_view(services_of(interaction), caller, number, role))

    @app_commands.command(name="stop-learning", description="Leave a path (your progress is kept)")
    @app_commands.describe(role="The path to leave", forget="Also forget your checklist progress on it")
    @app_commands.autocomplete(role=role_autocomplete)
    async def stop_learning(self, interaction: discord.Interaction, role: str, forget: bool = False) -> None:
        caller = caller_of(interaction)
        await run_handler(interaction, lambda: learning.stop_learning(services_of(interaction), caller, role, forget))

    @app_commands.command(name="help", description="What Waymark can do")
    async def help(self, interaction: discord.Interaction) -> None:
        caller = caller_of(interaction)
        await run_handler(interaction, lambda: learning.help_reply(services_of(interaction), caller))


async def setup(bot: commands.Bot) -> None:
    """Add the cog."""
    await bot.add_cog(LearningCog(bot))
