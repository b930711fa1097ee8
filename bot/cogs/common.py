"""Discord app commands built from the declarations in `bot.commands`, and the autocompletes they use.

Each cog is an `AreaCog`: on load it adds the app commands of its area (`Command.area`) to the bot's
tree, on unload it takes them away. Nothing about a command is written here twice: its name, options,
descriptions, choices, checks and handler all come from its `Command`.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Awaitable, Callable
from typing import Any, ClassVar

import discord
from discord import app_commands
from discord.ext import commands

from bot import commands as declared
from bot.commands import Area, Command, Option
from bot.content.holder import section_key
from bot.content.parse import months_text
from bot.discord_io import caller_of, run_handler, to_choices
from bot.handlers import groups
from bot.handlers.progress import item_choices
from bot.handlers.reminders import zone_choices
from bot.i18n import _, command_text
from bot.metrics import METRICS
from bot.present import pace_label
from bot.render import clip
from bot.services import Caller, Member, Services, UserError
from bot.store.models import FOLLOWED

Choices = list[app_commands.Choice[str]]
Runner = Callable[[discord.Interaction, Command, Caller, dict[str, object]], Awaitable[None]]
"""How a cog runs a command whose answer is not a plain reply (`/remind preview` goes by DM)."""


def services_of(interaction: discord.Interaction) -> Services:
    return interaction.client.services  # type: ignore[attr-defined]


async def role_autocomplete(interaction: discord.Interaction, current: str) -> Choices:
    """Suggest roles by name, alias or display name."""
    matches = services_of(interaction).content.index.search.find_roles(current, limit=25)
    return to_choices([(f"{m.display_name} ({m.name})", m.name) for m in matches])


async def pace_autocomplete(interaction: discord.Interaction, current: str) -> Choices:
    """Suggest the paces of the role picked so far."""
    svc = services_of(interaction)
    role = svc.content.index.role(str(getattr(interaction.namespace, "role", "") or ""))
    if role is None or role.self_paced:  # a path without phases has no weekly plan to pace
        return []
    return to_choices(
        [
            (_("{pace} ({months} months)", pace=pace_label(pace), months=months_text(a, b)), pace)
            for pace, (a, b) in role.timeline_months.items()
            if current.lower() in pace_label(pace).lower() or current.lower() in pace.lower()
        ]
    )


async def topic_autocomplete(interaction: discord.Interaction, current: str) -> Choices:
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


async def item_autocomplete(interaction: discord.Interaction, current: str) -> Choices:
    """Suggest checklist items of the learner's active paths."""
    svc = services_of(interaction)
    enrollments = await svc.store.list_enrollments(interaction.user.id, FOLLOWED)
    roles = [svc.content.index.roles[e.role] for e in enrollments if e.role in svc.content.index.roles]
    return to_choices(item_choices(roles, current))


async def group_autocomplete(interaction: discord.Interaction, current: str) -> Choices:
    """Suggest the server's study groups."""
    names = await groups.group_names(services_of(interaction), interaction.guild_id, current)
    return to_choices([(n, n) for n in names])


async def zone_autocomplete(interaction: discord.Interaction, current: str) -> Choices:
    """Suggest time zones containing what was typed."""
    return to_choices([(z, z) for z in zone_choices(current)])


async def command_autocomplete(interaction: discord.Interaction, current: str) -> Choices:
    """Suggest commands for `/help command:` by the names the user sees; the value is the declared name."""
    return to_choices([(command_text(n), n) for n in declared.command_names(current)])


SUGGEST = {
    "role": role_autocomplete,
    "pace": pace_autocomplete,
    "topic": topic_autocomplete,
    "item": item_autocomplete,
    "group": group_autocomplete,
    "zone": zone_autocomplete,
    "command": command_autocomplete,
}
TYPES: dict[str, Any] = {
    "text": str,
    "integer": int,
    "boolean": bool,
    "member": discord.Member,
    "channel": discord.TextChannel,
}


def _annotation(option: Option) -> Any:
    if option.low is None and option.high is None:
        return TYPES[option.type]
    return app_commands.Range[TYPES[option.type], option.low, option.high]


def _value(option: Option, value: Any) -> object:
    """Turn what discord.py passes into what handlers take (see `bot.commands`)."""
    if option.type == "member":
        return Member(value.id, value.display_name)
    if option.type == "channel":
        return value.id
    return value


def is_moderator(interaction: discord.Interaction) -> bool:
    """Check at run time too: default permissions can be changed by server admins."""
    if not caller_of(interaction, getattr(interaction.client, "settings", None)).is_moderator:
        raise app_commands.MissingPermissions(["manage_guild"])
    return True


def app_command(spec: Command, parent: app_commands.Group | None = None, run: Runner | None = None) -> Any:
    """Build the discord.py app command a declaration describes."""

    async def answer(interaction: discord.Interaction, given: dict[str, object]) -> bool:
        """Answer the command; return False when its handler failed unexpectedly (the member got an error ID)."""
        options = {name: _value(spec.option(name), value) for name, value in given.items() if value is not None}
        caller = caller_of(interaction, getattr(interaction.client, "settings", None))
        try:
            return await serve(interaction, caller, options)
        finally:  # after the reply: their reminders speak the language they last used (a learner made now, too)
            await services_of(interaction).remember_locale(caller)

    async def serve(interaction: discord.Interaction, caller: Caller, options: dict[str, object]) -> bool:
        if spec.defer:
            await interaction.response.defer(ephemeral=True, thinking=True)
        if run is not None:
            await run(interaction, spec, caller, options)
            return True
        failed = False

        async def handle() -> Any:
            nonlocal failed
            try:
                return await spec.handler(services_of(interaction), caller, **options)
            except UserError:
                raise  # a reply that says what to change: the command was served
            except Exception:
                failed = True
                raise

        await run_handler(interaction, handle)
        return not failed

    async def callback(interaction: discord.Interaction, **given: object) -> None:
        # Every command is timed and counted here, once (`bot.metrics`): from its arrival to its answer.
        started = time.perf_counter()
        ok = False
        try:
            ok = await answer(interaction, given)
        finally:
            METRICS.observe_command(spec.name, time.perf_counter() - started, ok=ok)

    params = [inspect.Parameter("interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=discord.Interaction)]
    for o in spec.options:
        default = inspect.Parameter.empty if o.required else None
        params.append(
            inspect.Parameter(o.name, inspect.Parameter.KEYWORD_ONLY, annotation=_annotation(o), default=default)
        )
    callback.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    callback.__name__ = callback.__qualname__ = spec.leaf.replace("-", "_")
    callback.__discord_app_commands_param_description__ = {o.name: o.description for o in spec.options}  # type: ignore[attr-defined]
    command = app_commands.Command(name=spec.leaf, description=spec.description, callback=callback, parent=parent)
    for o in spec.options:
        if o.suggest is not None:
            command.autocomplete(o.name)(SUGGEST[o.suggest])
        if o.choices:
            # A choice added after the command is built is not made a locale_str for the translator: make it one.
            listed = [app_commands.Choice(name=app_commands.locale_str(c.title()), value=c) for c in o.choices]
            app_commands.choices(**{o.name: listed})(command)
    if parent is not None and getattr(parent, "moderator", False):
        command.add_check(is_moderator)  # runs before the cooldown: denied members use none of it
    if spec.cooldown is not None:
        uses, per = spec.cooldown
        app_commands.checks.cooldown(uses, per, key=lambda i: i.user.id)(command)
    return command


class _Group(app_commands.Group):
    """A declared group of subcommands; `moderator` groups check the caller at run time too."""

    moderator = False


def app_commands_of(area: Area, runners: dict[str, Runner] | None = None) -> list[Any]:
    """Build the app commands and groups of one area, in declaration order."""
    runners = runners or {}
    built: list[Any] = []
    made: dict[str, _Group] = {}
    for spec in declared.COMMANDS:
        if spec.area != area:
            continue
        parent = None
        if spec.group is not None:
            parent = made.get(spec.group)
            if parent is None:
                group = next(g for g in declared.GROUPS if g.name == spec.group)
                parent = _Group(
                    name=group.name,
                    description=group.description,
                    guild_only=group.guild_only,
                    default_permissions=discord.Permissions(manage_guild=True) if group.moderator else None,
                )
                parent.moderator = group.moderator
                made[spec.group] = parent
                built.append(parent)
        command = app_command(spec, parent, runners.get(spec.name))
        if parent is not None:
            parent.add_command(command)
        else:
            built.append(command)
    return built


class AreaCog(commands.Cog):
    """A cog whose slash commands are the declared commands of its `area`."""

    area: ClassVar[Area]

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self.built: list[Any] = []

    def runners(self) -> dict[str, Runner]:
        """Return the commands this cog answers in a way of its own, by name."""
        return {}

    async def cog_load(self) -> None:
        self.built = app_commands_of(self.area, self.runners())
        for command in self.built:
            self.bot.tree.add_command(command)

    async def cog_unload(self) -> None:
        for command in self.built:
            self.bot.tree.remove_command(command.name)
        self.built = []
