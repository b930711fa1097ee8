"""The seam between handlers and discord.py: who is calling, a Reply as embeds, files and views, components.

The only place a `Reply` becomes discord.py objects (`bot.render` knows nothing of discord.py), and where
the component actions of `bot.components` become `DynamicItem`s, one per action, so a click on a message
sent before a restart still reaches its handler.
"""

from __future__ import annotations

import io
import re
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot import components, i18n
from bot.components import Action
from bot.i18n import N_, _, cmd
from bot.log import get_logger
from bot.render import Reply, Select, fit_choices
from bot.render.reply import Button, Card
from bot.services import Caller, Response, Services, UserError, utc_now

if TYPE_CHECKING:
    from bot.settings import Settings

log = get_logger(__name__)
NO_MENTIONS = discord.AllowedMentions.none()
STYLES = {
    "primary": discord.ButtonStyle.primary,
    "secondary": discord.ButtonStyle.secondary,
    "success": discord.ButtonStyle.success,
    "danger": discord.ButtonStyle.danger,
    "link": discord.ButtonStyle.link,
}


NAME_CONTEXTS = {
    app_commands.TranslationContextLocation.command_name: "command",
    app_commands.TranslationContextLocation.group_name: "command",
    app_commands.TranslationContextLocation.parameter_name: "option",
    app_commands.TranslationContextLocation.choice_name: "choice",
}
"""The catalog context of each kind of name Discord shows (`bot.i18n_tools`); descriptions have none."""


class Translator(app_commands.Translator):
    """Give Discord the command, option and choice names and descriptions in every language the bot speaks."""

    async def translate(
        self, string: app_commands.locale_str, locale: discord.Locale, context: app_commands.TranslationContext
    ) -> str | None:
        language = i18n.normalize(locale.value)
        if language == i18n.DEFAULT:
            return None  # English is the declarations' own text
        return i18n.translate_in(language, string.message, NAME_CONTEXTS.get(context.location))


class CommandTree(app_commands.CommandTree):
    """The bot's command tree: each command, its autocomplete and its errors are served in the user's language."""

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        i18n.set_locale(str(interaction.locale))  # the interaction's own task, so no other request sees it
        return True


def caller_of(interaction: discord.Interaction, settings: Settings | None = None) -> Caller:
    """Describe the user behind an interaction, with moderator rights worked out."""
    user = interaction.user
    is_mod = False
    if isinstance(user, discord.Member):
        is_mod = user.guild_permissions.manage_guild or (
            settings is not None
            and settings.moderator_role_id is not None
            and any(r.id == settings.moderator_role_id for r in user.roles)
        )
    locale = i18n.normalize(str(interaction.locale))
    guild_locale = guild_locale_of(interaction)
    return Caller(user.id, user.display_name, utc_now(), interaction.guild_id, is_mod, locale, guild_locale)


def guild_locale_of(interaction: discord.Interaction) -> str | None:
    """Return the language the interaction's server chose (`bot.i18n`), or None: not in a server, or none chosen.

    Only a Community server chooses one: every other server's preferred locale is Discord's default, en-US, which
    says nothing of its members' language.
    """
    if interaction.guild_id is None or interaction.guild_locale is None:
        return None
    guild = interaction.guild
    if guild is not None and "COMMUNITY" not in guild.features:
        return None
    return i18n.normalize(str(interaction.guild_locale))


def to_embed(card: Card) -> discord.Embed:
    """Return one card as an embed: title, url, description, color, fields (in order) and footer."""
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
    """Return the reply's cards as embeds, in order."""
    return [to_embed(card) for card in reply.cards]


def to_files(reply: Reply) -> list[discord.File]:
    """Return the reply's attachments as fresh `discord.File`s (a File can be sent only once)."""
    return [discord.File(io.BytesIO(f.data), filename=f.filename) for f in reply.files]


def to_choices(pairs: Iterable[tuple[str, str]] | Mapping[str, str]) -> list[app_commands.Choice[str]]:
    """Return autocomplete choices from `(name, value)` pairs, fitted as `bot.render.fit_choices` says."""
    return [app_commands.Choice(name=name, value=value) for name, value in fit_choices(pairs)]


def to_view(reply: Reply) -> discord.ui.View | None:
    """Build a view of persistent (dynamic) items for a reply's rows."""
    if not reply.rows:
        return None
    view = discord.ui.View(timeout=None)
    for n, row in enumerate(reply.rows):
        if isinstance(row, Select):
            select = discord.ui.Select(
                custom_id=row.custom_id,
                placeholder=row.placeholder,
                min_values=row.min_values,
                max_values=row.max_values,
                options=[
                    discord.SelectOption(label=o.label, value=o.value, description=o.description, default=o.default)
                    for o in row.options
                ],
            )
            view.add_item(_dynamic(select, row.custom_id, n))
            continue
        for b in row:
            view.add_item(_button(b, n))
    return view


def _button(b: Button, row: int) -> discord.ui.Item:
    if b.url is not None:
        return discord.ui.Button(label=b.label, url=b.url, emoji=b.emoji, disabled=b.disabled, row=row)
    button = discord.ui.Button(
        label=b.label, custom_id=b.custom_id, style=STYLES[b.style], emoji=b.emoji, disabled=b.disabled
    )
    return _dynamic(button, b.custom_id or "", row)


def _dynamic(item: discord.ui.Button | discord.ui.Select, custom_id: str, row: int) -> discord.ui.Item:
    """Wrap a component in the dynamic item of its action, so its clicks go where a restart's would."""
    parsed = components.parse(custom_id)
    if parsed is None:
        raise ValueError(f"not the custom ID of an action: {custom_id!r}")
    action, arguments = parsed
    return ITEMS[action.name](item, arguments, row=row)


def _shared(interaction: discord.Interaction) -> bool:
    """Whether the clicked message is one everyone in a server channel sees (a study group's post)."""
    message = interaction.message
    return message is not None and interaction.guild_id is not None and not message.flags.ephemeral


async def send_reply(interaction: discord.Interaction, reply: Reply, *, update: bool = False) -> None:
    """Answer an interaction with a reply: edit the clicked message, respond, or follow up.

    A reply never takes the place of a message the whole channel sees: a click on a group post (its
    checklist button, say) gets a new message instead, so one member's answer is not shown to all.
    """
    embeds = to_embeds(reply)
    view = to_view(reply)
    files = to_files(reply)
    content = reply.content or None
    if (
        update
        and interaction.type is discord.InteractionType.component
        and not interaction.response.is_done()
        and not _shared(interaction)
    ):
        await interaction.response.edit_message(
            content=content, embeds=embeds, view=view, attachments=files, allowed_mentions=NO_MENTIONS
        )
        return
    kwargs: dict[str, Any] = {"embeds": embeds, "files": files, "allowed_mentions": NO_MENTIONS}
    if view is not None:
        kwargs["view"] = view
    if content:
        kwargs["content"] = content
    if interaction.response.is_done():
        await interaction.followup.send(ephemeral=reply.ephemeral, **kwargs)
    else:
        await interaction.response.send_message(ephemeral=reply.ephemeral, **kwargs)


def error_reply(message: str) -> Reply:
    """Return the ephemeral reply that says something could not be done."""
    return Reply(content=f"❌ {message}"[:2000], ephemeral=True)


async def report_unexpected(interaction: discord.Interaction, error: BaseException) -> None:
    """Log an unexpected error with an ID and tell the user that ID, never the traceback."""
    error_id = uuid.uuid4().hex[:8]
    name = getattr(interaction.command, "qualified_name", None) or (interaction.data or {}).get("custom_id")
    log.error("Unexpected error %s in %s", error_id, name, exc_info=error)
    message = _(
        "Something went wrong on my side (error ID `{error_id}`). Please try again; "
        "if it keeps happening, give a moderator that ID.",
        error_id=error_id,
    )
    try:
        await send_reply(interaction, error_reply(message))
    except discord.HTTPException:
        log.warning("Could not tell the user about error %s", error_id)


async def run_handler(
    interaction: discord.Interaction, call: Callable[[], Awaitable[Reply | Response]], *, update: bool = False
) -> None:
    """Run a handler and send what it returns; user errors become friendly ephemeral replies."""
    try:
        result = await call()
    except UserError as exc:
        await send_reply(interaction, error_reply(str(exc)))
        return
    except Exception as exc:  # reported with an ID, never shown raw
        await report_unexpected(interaction, exc)
        return
    if isinstance(result, Response):
        await send_reply(interaction, result.reply, update=result.update)
    else:
        await send_reply(interaction, result, update=update)
    await _tell_if_dms_closed(interaction)


DMS_CLOSED = N_(
    "📭 I couldn't DM you your weekly reminder: your DMs are closed to me. Allow direct messages from server "
    "members (Privacy settings), then use {remind_on}. Until then, your study group's channel gets it if you're "
    "in a group."
)
"""Told once to a learner whose reminder DMs bounce: `dms_closed_notice()` says it in their language."""
DMS_CLOSED_NOTICE = DMS_CLOSED.format(remind_on="`/remind on`")
"""The notice as English readers get it."""


def dms_closed_notice() -> str:
    """Return the notice that reminder DMs bounce, in the current language, naming `/remind on` as the user sees it."""
    return _(DMS_CLOSED, remind_on=cmd("remind on"))


async def _tell_if_dms_closed(interaction: discord.Interaction) -> None:
    """Tell a learner, once, at their next command that their reminder DMs bounce."""
    services = getattr(interaction.client, "services", None)
    if services is None:
        return
    try:
        learner = await services.store.get_learner(interaction.user.id)
        key = f"told_dms_closed:{interaction.user.id}"
        if learner is None or not learner.dm_undeliverable or await services.store.get_meta(key):
            return
        await interaction.followup.send(dms_closed_notice(), ephemeral=True, allowed_mentions=NO_MENTIONS)
        await services.store.set_meta(key, "1")
    except discord.HTTPException:
        log.warning("Could not tell %s that their DMs are closed", interaction.user.id)


async def _component(interaction: discord.Interaction, action: Action | None, arguments: dict[str, object]) -> None:
    """Answer a click: run its action's handler, or say the button is stale when it has no current action."""
    client = interaction.client
    services: Services = client.services  # type: ignore[attr-defined]
    i18n.set_locale(str(interaction.locale))  # this click's own task: the reply speaks the clicker's language
    caller = caller_of(interaction, getattr(client, "settings", None))
    values = list((interaction.data or {}).get("values", ()))  # type: ignore[union-attr]
    if action is None:
        await run_handler(interaction, lambda: _stale())
    else:
        await run_handler(interaction, lambda: action.run(services, caller, arguments, values))
    await services.remember_locale(caller)  # after the reply: their reminders speak the language they click in


async def _stale() -> Response:
    raise UserError(_(components.STALE))


def _item_class(action: Action | None, template: str) -> type[discord.ui.DynamicItem]:
    """Return a `DynamicItem` class for one action (None: Waymark IDs no current action matches)."""
    base = (
        discord.ui.DynamicItem[discord.ui.Select]
        if action is not None and action.kind == "select"
        else discord.ui.DynamicItem[discord.ui.Button]
    )

    class Item(base, template=template):  # type: ignore[valid-type, misc]
        def __init__(self, item: discord.ui.Item, arguments: dict[str, object], *, row: int | None = None) -> None:
            super().__init__(item, row=row)
            self.arguments = arguments

        @classmethod
        async def from_custom_id(
            cls, interaction: discord.Interaction, item: discord.ui.Item, match: re.Match[str], /
        ) -> discord.ui.DynamicItem:
            return cls(item, action.arguments(match) if action is not None else {})

        async def callback(self, interaction: discord.Interaction) -> None:
            await _component(interaction, action, self.arguments)

    name = "".join(part.title() for part in (action.name if action else "stale").split("_")) + "Item"
    Item.__name__ = Item.__qualname__ = name
    return Item


ITEMS: dict[str, type[discord.ui.DynamicItem]] = {a.name: _item_class(a, a.template) for a in components.ACTIONS}
DYNAMIC_ITEMS: tuple[type[discord.ui.DynamicItem], ...] = (
    *ITEMS.values(),
    _item_class(None, components.STALE_TEMPLATE),
)
"""What the bot registers with `add_dynamic_items`: one item per action, and one for stale Waymark IDs."""
