"""Cards as discord.py embeds, attachments as files, and autocomplete choices. No Views here."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping

import discord
from discord import app_commands

from bot.render.limits import MAX_CHOICE_NAME, MAX_CHOICE_VALUE, MAX_CHOICES
from bot.render.paging import clip
from bot.render.reply import Card, Reply


def to_embed(card: Card) -> discord.Embed:
    """One card as an embed: title, url, description, color, fields (in order) and footer."""
    embed = discord.Embed(
        title=card.title or None,
        description=card.description or None,
        url=card.url,
        color=card.color,
    )
    for field in card.fields:
        embed.add_field(name=field.name, value=field.value, inline=field.inline)
    if card.footer:
        embed.set_footer(text=card.footer)
    return embed


def to_embeds(reply: Reply) -> list[discord.Embed]:
    """The reply's cards as embeds, in order."""
    return [to_embed(card) for card in reply.cards]


def to_files(reply: Reply) -> list[discord.File]:
    """The reply's attachments as fresh `discord.File`s (a File can be sent only once)."""
    return [discord.File(io.BytesIO(f.data), filename=f.filename) for f in reply.files]


def to_choices(
    pairs: Iterable[tuple[str, str]] | Mapping[str, str],
) -> list[app_commands.Choice[str]]:
    """Autocomplete choices from `(name, value)` pairs, in order, at most 25.

    Names are clipped to 100 characters (an empty name shows the value). A value is never
    clipped, since the command would receive a wrong value: a pair whose value is over 100
    characters is dropped instead.
    """
    items = pairs.items() if isinstance(pairs, Mapping) else pairs
    choices: list[app_commands.Choice[str]] = []
    for name, value in items:
        if len(value) > MAX_CHOICE_VALUE:
            continue
        shown = name if name.strip() else value
        if not shown.strip():
            continue
        choices.append(app_commands.Choice(name=clip(shown, MAX_CHOICE_NAME), value=value))
        if len(choices) == MAX_CHOICES:
            break
    return choices
