"""Replies shaped to fit Discord's limits by construction, and shown as text for the console.

Handlers return a `Reply` (plain data). `bot.discord_io` turns it into discord.py objects, `text` into
console text, and `paging` is how long content is made to fit first. Nothing here imports discord.py.
"""

from bot.render import limits
from bot.render.escape import escape_user_text
from bot.render.paging import (
    ELLIPSIS,
    MIN_SPLIT_LIMIT,
    clip,
    fit_choices,
    fit_lines,
    fit_message,
    paginate,
    progress_bar,
    split_text,
)
from bot.render.reply import (
    Attachment,
    Button,
    ButtonStyle,
    Card,
    Field,
    LimitError,
    Reply,
    Row,
    Select,
    SelectOption,
)
from bot.render.text import render_text

__all__ = [
    "ELLIPSIS",
    "MIN_SPLIT_LIMIT",
    "Attachment",
    "Button",
    "ButtonStyle",
    "Card",
    "Field",
    "LimitError",
    "Reply",
    "Row",
    "Select",
    "SelectOption",
    "clip",
    "escape_user_text",
    "fit_choices",
    "fit_lines",
    "fit_message",
    "limits",
    "paginate",
    "progress_bar",
    "render_text",
    "split_text",
]
