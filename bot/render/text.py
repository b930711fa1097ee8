"""A Reply as plain text, for the offline console. Markdown is kept as written."""

from __future__ import annotations

import unicodedata

from bot.i18n import N_, _, _n, _p
from bot.render.paging import ZWSP
from bot.render.reply import Button, Card, Field, Reply, Select

ONLY_YOU = N_("(only you)")
"""What heads a reply only its caller sees (translated where it is shown)."""
INDENT = "  "
_INLINE_FIELD = 100
"""A one-line field whose name and value together are at most this long reads as `name: value`."""


def render_text(reply: Reply) -> str:
    """The whole reply as text: blocks separated by a blank line, no trailing newline.

    ``(only you)`` first when ephemeral; then the content; each card; the component rows; the files.
    """
    blocks: list[str] = []
    if reply.ephemeral:
        blocks.append(_(ONLY_YOU))
    if reply.content.strip():
        blocks.append(reply.content.strip("\n"))
    blocks.extend(render_card(card) for card in reply.cards)
    if reply.rows:
        blocks.append("\n".join(render_row(row) for row in reply.rows))
    if reply.files:
        blocks.append("\n".join(_file(f.filename, len(f.data)) for f in reply.files))
    return "\n\n".join(blocks)


def render_card(card: Card) -> str:
    """Title underlined with `=`, its link, description, fields, then `[footer]`."""
    parts: list[str] = []
    head: list[str] = []
    if card.title:
        head += [card.title, "=" * _width(card.title)]
    if card.url:
        head.append(f"<{card.url}>")
    if head:
        parts.append("\n".join(head))
    if card.description and card.description.strip():
        parts.append(card.description.strip("\n"))
    if card.fields:
        parts.append("\n".join(render_field(field) for field in card.fields))
    if card.footer:
        parts.append(f"[{card.footer}]")
    return "\n\n".join(parts)


def _width(text: str) -> int:
    """Return how many terminal columns text takes: Chinese, Japanese and Korean letters and emoji two, the marks and
    joiners that combine with the letter before them none."""
    if text.isascii():
        return len(text)
    return sum(
        0
        if unicodedata.category(c) in ("Mn", "Me", "Cf")
        else 2
        if unicodedata.east_asian_width(c) in ("W", "F")
        else 1
        for c in text
    )


def render_field(field: Field) -> str:
    """`name: value` when short and on one line; otherwise `name:` and the value indented below."""
    name = _visible(field.name)
    value = _visible(field.value).strip("\n")
    if not value:
        return name
    if "\n" not in value and len(name) + len(value) <= _INLINE_FIELD:
        return f"{name}: {value}" if name else value
    lines = [f"{name}:"] if name else []
    lines += [f"{INDENT}{line}" if line.strip() else "" for line in value.split("\n")]
    return "\n".join(lines)


def render_row(row: tuple[Button, ...] | Select) -> str:
    """Buttons as `[Label]` on one line; a select as `Select <placeholder>:` and numbered options."""
    if isinstance(row, Select):
        return render_select(row)
    return " ".join(render_button(button) for button in row)


def render_button(button: Button) -> str:
    """`[🔥 Label]`, `[Label (disabled)]`, `[Docs -> https://…]`."""
    text = " ".join(part for part in (button.emoji, button.label) if part)
    if button.url:
        text += f" -> {button.url}"
    if button.disabled:
        text = _("{button} (disabled)", button=text)
    return f"[{text}]"


def render_select(select: Select) -> str:
    header = _("Select {placeholder}", placeholder=select.placeholder) if select.placeholder else _p("menu", "Select")
    if select.max_values > 1:
        header = _("{menu} (choose {low}-{high})", menu=header, low=select.min_values, high=select.max_values)
    lines = [header + ":"]
    for number, option in enumerate(select.options, start=1):
        line = f"{INDENT}{number}. {option.label}"
        if option.description:
            line += f" - {option.description}"
        if option.default:
            line = _("{option} (selected)", option=line)
        lines.append(line)
    return "\n".join(lines)


def _file(name: str, size: int) -> str:
    """`(file: week3.md, 9 bytes)`."""
    return _n("(file: {name}, {n} byte)", "(file: {name}, {n} bytes)", size, name=name, n=str(size))


def _visible(text: str) -> str:
    return "" if text == ZWSP else text
