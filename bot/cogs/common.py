"""Autocomplete shared by the cogs."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.content.holder import section_key
from bot.handlers.context import Services
from bot.handlers.progress import item_choices
from bot.render import clip, to_choices


def services_of(interaction: discord.Interaction) -> Services:
    return interaction.client.services  # type: ignore[attr-defined]


async def role_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Suggest roles by name, alias or display name."""
    matches = services_of(interaction).content.index.search.find_roles(current, limit=25)
    return to_choices([(f"{m.display_name} ({m.name})", m.name) for m in matches])


async def pace_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Suggest the paces of the role picked so far."""
    svc = services_of(interaction)
    role = svc.content.index.role(str(getattr(interaction.namespace, "role", "") or ""))
    if role is None or role.self_paced:  # a path without phases has no weekly plan to pace
        return []
    return to_choices(
        [
            (f"{pace.replace('_', ' ')} ({a}-{b} months)", pace)
            for pace, (a, b) in role.timeline_months.items()
            if current.lower() in pace.lower().replace("_", " ") or current.lower() in pace.lower()
        ]
    )


async def topic_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Suggest sections while the user types a topic."""
    svc = services_of(interaction)
    if not current.strip():
        return []
    role = svc.content.index.role(str(getattr(interaction.namespace, "role", "") or ""))
    hits = svc.content.index.search.titles(current, role=role.name if role else None, limit=25)
    pairs = []
    for h in hits:
        display = svc.content.index.roles[h.role].display_name
        pairs.append((clip(f"{h.section.title} · {display}", 100), f"key:{section_key(h.role, h.section.id)}"))
    return to_choices(pairs)


async def item_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Suggest checklist items of the learner's active paths."""
    svc = services_of(interaction)
    enrollments = await svc.store.list_enrollments(interaction.user.id)
    roles = [svc.content.index.roles[e.role] for e in enrollments if e.role in svc.content.index.roles]
    return to_choices(item_choices(roles, current))
