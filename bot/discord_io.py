"""The seam between handlers and discord.py: who is calling, sending a Reply, persistent components."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import discord

from bot.handlers.actions import handle_component
from bot.handlers.context import Caller, Response, Services, UserError, utc_now
from bot.log import get_logger
from bot.render import Reply, Select, to_embeds, to_files
from bot.render.reply import Button

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
SELECT_IDS = r"wm:(?:tick(?::[^:]+)+|ddpick|rtick:[^:]+)"
BUTTON_IDS = r"wm:(?!tick:|ddpick$|rtick:)[a-z]+(?::[^:]+)*"


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
    return Caller(user.id, user.display_name, utc_now(), interaction.guild_id, is_mod)


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
            view.add_item(ActionSelect(select, row=n))
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
    return ActionButton(button, row=row)


async def send_reply(interaction: discord.Interaction, reply: Reply, *, update: bool = False) -> None:
    """Answer an interaction with a reply: edit the clicked message, respond, or follow up."""
    embeds = to_embeds(reply)
    view = to_view(reply)
    files = to_files(reply)
    content = reply.content or None
    if update and interaction.type is discord.InteractionType.component and not interaction.response.is_done():
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
    message = (
        f"Something went wrong on my side (error ID `{error_id}`). Please try again; "
        "if it keeps happening, give a moderator that ID."
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


DMS_CLOSED_NOTICE = (
    "📭 I couldn't DM you your weekly reminder: your DMs are closed to me. Allow direct messages from server "
    "members (Privacy settings), then use `/remind on`. Until then, your study group's channel gets it if you're "
    "in a group."
)


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
        await interaction.followup.send(DMS_CLOSED_NOTICE, ephemeral=True, allowed_mentions=NO_MENTIONS)
        await services.store.set_meta(key, "1")
    except discord.HTTPException:
        log.warning("Could not tell %s that their DMs are closed", interaction.user.id)


async def _component(interaction: discord.Interaction, custom_id: str, values: list[str]) -> None:
    client = interaction.client
    services: Services = client.services  # type: ignore[attr-defined]
    settings = getattr(client, "settings", None)
    caller = caller_of(interaction, settings)
    await run_handler(interaction, lambda: handle_component(services, caller, custom_id, values))


class ActionButton(discord.ui.DynamicItem[discord.ui.Button], template=BUTTON_IDS):
    """Any Waymark button; its custom ID says what it does, so it works after a restart."""

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: Any, /
    ) -> ActionButton:
        return cls(item)

    async def callback(self, interaction: discord.Interaction) -> None:
        await _component(interaction, self.item.custom_id or "", [])


class ActionSelect(discord.ui.DynamicItem[discord.ui.Select], template=SELECT_IDS):
    """Any Waymark select menu; it works after a restart, like the buttons."""

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Select, match: Any, /
    ) -> ActionSelect:
        return cls(item)

    async def callback(self, interaction: discord.Interaction) -> None:
        await _component(interaction, self.item.custom_id or "", list(self.item.values))
