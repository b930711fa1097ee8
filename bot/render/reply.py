"""What a command handler returns: plain, frozen data that fits Discord's limits by construction.

Every `__post_init__` checks its part against `bot.render.limits` and raises `LimitError` (a
`ValueError`) naming the limit, so an over-long reply is a programming error caught by tests, never
a 400 from Discord. `bot.render.paging` is the tested way to make long things fit first.

Lists are accepted wherever a tuple is declared and are stored as tuples, so replies stay hashable.

`Field` alone is not checked: it is also the input of `paging.paginate`, which splits long values.
A `Card` checks its fields.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, get_args

from bot.render.limits import (
    MAX_ACTION_ROWS,
    MAX_ATTACHMENTS,
    MAX_BUTTON_LABEL,
    MAX_BUTTONS_PER_ROW,
    MAX_CONTENT,
    MAX_CUSTOM_ID,
    MAX_EMBED_COLOR,
    MAX_EMBED_DESCRIPTION,
    MAX_EMBED_FIELDS,
    MAX_EMBED_FOOTER,
    MAX_EMBED_TITLE,
    MAX_EMBED_TOTAL,
    MAX_EMBEDS,
    MAX_FIELD_NAME,
    MAX_FIELD_VALUE,
    MAX_OPTION_DESCRIPTION,
    MAX_OPTION_LABEL,
    MAX_OPTION_VALUE,
    MAX_SELECT_OPTIONS,
    MAX_SELECT_PLACEHOLDER,
    MAX_UPLOAD_BYTES,
)

ButtonStyle = Literal["primary", "secondary", "success", "danger", "link"]
BUTTON_STYLES: frozenset[str] = frozenset(get_args(ButtonStyle))
LINK_SCHEMES = ("http://", "https://", "discord://")


class LimitError(ValueError):
    """A reply part is over one of Discord's limits (or otherwise one Discord would reject).

    `limit` is the name of the constant in `bot.render.limits` (or a short rule name),
    `maximum` its value and `actual` what was found, when those are numbers.
    """

    def __init__(self, what: str, limit: str, maximum: int | None = None, actual: int | None = None) -> None:
        if maximum is not None and actual is not None:
            message = f"{what} is {actual}, over Discord's limit {limit}={maximum}"
        else:
            message = f"{what} ({limit})"
        super().__init__(message)
        self.limit = limit
        self.maximum = maximum
        self.actual = actual


def _check_max(what: str, actual: int, limit: str, maximum: int) -> None:
    if actual > maximum:
        raise LimitError(what, limit, maximum, actual)


def _check_len(what: str, text: str | None, limit: str, maximum: int) -> None:
    if text is not None:
        if not isinstance(text, str):
            raise TypeError(f"{what} must be a str, not {type(text).__name__}")
        _check_max(f"{what} length", len(text), limit, maximum)


def _check_custom_id(what: str, custom_id: str) -> None:
    if not isinstance(custom_id, str) or not custom_id:
        raise LimitError(f"{what} custom_id must be a non-empty str", "MAX_CUSTOM_ID")
    _check_len(f"{what} custom_id", custom_id, "MAX_CUSTOM_ID", MAX_CUSTOM_ID)


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


def _as_tuple(obj: object, name: str, items: Iterable[object]) -> tuple:
    if isinstance(items, str | bytes):
        raise TypeError(f"{name} must be a tuple, not {type(items).__name__}")
    value = tuple(items)
    object.__setattr__(obj, name, value)
    return value


def _check_types(what: str, items: tuple, kind: type) -> None:
    for item in items:
        if not isinstance(item, kind):
            raise TypeError(f"{what} must hold {kind.__name__}, not {type(item).__name__}")


@dataclass(frozen=True, slots=True)
class Button:
    """A button. Link buttons (`style="link"`) take a `url` and no `custom_id`; others the reverse."""

    label: str
    custom_id: str | None = None
    url: str | None = None
    style: ButtonStyle = "secondary"
    disabled: bool = False
    emoji: str | None = None

    def __post_init__(self) -> None:
        if self.style not in BUTTON_STYLES:
            raise ValueError(f"button style {self.style!r} is not one of {sorted(BUTTON_STYLES)}")
        _check_len("button label", self.label, "MAX_BUTTON_LABEL", MAX_BUTTON_LABEL)
        if _blank(self.label) and _blank(self.emoji):
            raise LimitError("a button needs a label or an emoji", "button_label_or_emoji")
        if self.style == "link":
            if not self.url or not self.url.startswith(LINK_SCHEMES):
                raise LimitError(f"link button {self.label!r} needs an http(s) url", "link_button_url")
            if self.custom_id is not None:
                raise LimitError(f"link button {self.label!r} cannot have a custom_id", "link_button_url")
        else:
            if self.url is not None:
                raise LimitError(
                    f"button {self.label!r} has a url but style {self.style!r}; use style='link'",
                    "link_button_url",
                )
            _check_custom_id(f"button {self.label!r}", self.custom_id)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class SelectOption:
    """One choice of a `Select`."""

    label: str
    value: str
    description: str | None = None
    default: bool = False

    def __post_init__(self) -> None:
        if _blank(self.label):
            raise LimitError("select option label must not be empty", "MAX_OPTION_LABEL")
        if not isinstance(self.value, str) or not self.value:
            raise LimitError("select option value must be a non-empty str", "MAX_OPTION_VALUE")
        _check_len("select option label", self.label, "MAX_OPTION_LABEL", MAX_OPTION_LABEL)
        _check_len("select option value", self.value, "MAX_OPTION_VALUE", MAX_OPTION_VALUE)
        _check_len("select option description", self.description, "MAX_OPTION_DESCRIPTION", MAX_OPTION_DESCRIPTION)


@dataclass(frozen=True, slots=True)
class Select:
    """A string select menu; it takes a whole action row."""

    custom_id: str
    options: tuple[SelectOption, ...]
    placeholder: str | None = None
    min_values: int = 1
    max_values: int = 1

    def __post_init__(self) -> None:
        options = _as_tuple(self, "options", self.options)
        _check_types("select options", options, SelectOption)
        _check_custom_id("select", self.custom_id)
        if not options:
            raise LimitError("a select needs at least one option", "MAX_SELECT_OPTIONS")
        _check_max("select option count", len(options), "MAX_SELECT_OPTIONS", MAX_SELECT_OPTIONS)
        _check_len("select placeholder", self.placeholder, "MAX_SELECT_PLACEHOLDER", MAX_SELECT_PLACEHOLDER)
        if not 0 <= self.min_values <= self.max_values <= len(options) or self.max_values < 1:
            raise LimitError(
                f"select needs 0 <= min_values ({self.min_values}) <= max_values ({self.max_values})"
                f" <= options ({len(options)}) and max_values >= 1",
                "select_values",
            )
        values = [option.value for option in options]
        if len(set(values)) != len(values):
            raise LimitError(f"select {self.custom_id!r} has duplicate option values", "unique_option_values")
        defaults = sum(option.default for option in options)
        if defaults > self.max_values:
            raise LimitError("select default option count", "select_values", self.max_values, defaults)


Row = tuple[Button, ...] | Select
"""An action row: up to five buttons, or one select menu."""


@dataclass(frozen=True, slots=True)
class Field:
    """A name/value pair of a card. Checked by the `Card` that holds it, not on its own."""

    name: str
    value: str
    inline: bool = False

    @property
    def length(self) -> int:
        return len(self.name) + len(self.value)


@dataclass(frozen=True, slots=True)
class Card:
    """One embed."""

    title: str | None = None
    description: str | None = None
    fields: tuple[Field, ...] = ()
    footer: str | None = None
    url: str | None = None
    color: int | None = None

    def __post_init__(self) -> None:
        fields = _as_tuple(self, "fields", self.fields)
        _check_types("card fields", fields, Field)
        _check_len("card title", self.title, "MAX_EMBED_TITLE", MAX_EMBED_TITLE)
        _check_len("card description", self.description, "MAX_EMBED_DESCRIPTION", MAX_EMBED_DESCRIPTION)
        _check_len("card footer", self.footer, "MAX_EMBED_FOOTER", MAX_EMBED_FOOTER)
        _check_max("card field count", len(fields), "MAX_EMBED_FIELDS", MAX_EMBED_FIELDS)
        for field in fields:
            if _blank(field.name) or _blank(field.value):
                raise LimitError(
                    f"field name and value must not be empty (got {field.name!r}: {field.value!r})",
                    "MAX_FIELD_VALUE",
                )
            _check_len(f"field {field.name[:40]!r} name", field.name, "MAX_FIELD_NAME", MAX_FIELD_NAME)
            _check_len(f"field {field.name[:40]!r} value", field.value, "MAX_FIELD_VALUE", MAX_FIELD_VALUE)
        _check_max("card total characters", self.length, "MAX_EMBED_TOTAL", MAX_EMBED_TOTAL)
        if self.color is not None and not 0 <= self.color <= MAX_EMBED_COLOR:
            raise LimitError("card color", "MAX_EMBED_COLOR", MAX_EMBED_COLOR, self.color)
        if all(_blank(text) for text in (self.title, self.description, self.footer)) and not fields:
            raise LimitError("a card needs a title, description, field or footer", "empty_card")

    @property
    def length(self) -> int:
        """Characters Discord counts against MAX_EMBED_TOTAL."""
        return (
            len(self.title or "")
            + len(self.description or "")
            + sum(field.length for field in self.fields)
            + len(self.footer or "")
        )


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent with the reply."""

    filename: str
    data: bytes

    def __post_init__(self) -> None:
        if _blank(self.filename):
            raise LimitError("attachment filename must not be empty", "attachment_filename")
        if not isinstance(self.data, bytes):
            object.__setattr__(self, "data", bytes(self.data))


@dataclass(frozen=True, slots=True)
class Reply:
    """Everything one message shows: text, cards (embeds), component rows and files."""

    content: str = ""
    cards: tuple[Card, ...] = ()
    rows: tuple[Row, ...] = ()
    ephemeral: bool = False
    files: tuple[Attachment, ...] = ()

    def __post_init__(self) -> None:
        cards = _as_tuple(self, "cards", self.cards)
        files = _as_tuple(self, "files", self.files)
        rows = _as_tuple(
            self,
            "rows",
            (row if isinstance(row, Select) else _row_tuple(row) for row in self.rows),
        )
        _check_types("reply cards", cards, Card)
        _check_types("reply files", files, Attachment)
        _check_len("reply content", self.content, "MAX_CONTENT", MAX_CONTENT)
        _check_max("reply card count", len(cards), "MAX_EMBEDS", MAX_EMBEDS)
        _check_max("reply total embed characters", self.embed_length, "MAX_EMBED_TOTAL", MAX_EMBED_TOTAL)
        _check_max("reply action row count", len(rows), "MAX_ACTION_ROWS", MAX_ACTION_ROWS)
        custom_ids: list[str] = []
        for row in rows:
            if isinstance(row, Select):
                custom_ids.append(row.custom_id)
                continue
            if not row:
                raise LimitError("an action row needs at least one button", "MAX_BUTTONS_PER_ROW")
            _check_max("buttons in a row", len(row), "MAX_BUTTONS_PER_ROW", MAX_BUTTONS_PER_ROW)
            custom_ids.extend(button.custom_id for button in row if button.custom_id is not None)
        duplicates = sorted({cid for cid in custom_ids if custom_ids.count(cid) > 1})
        if duplicates:
            raise LimitError(f"custom_ids must be unique within a message: {duplicates}", "unique_custom_id")
        _check_max("reply attachment count", len(files), "MAX_ATTACHMENTS", MAX_ATTACHMENTS)
        _check_max("reply attachment bytes", sum(len(f.data) for f in files), "MAX_UPLOAD_BYTES", MAX_UPLOAD_BYTES)

    @property
    def embed_length(self) -> int:
        """Characters of all cards together, counted against MAX_EMBED_TOTAL."""
        return sum(card.length for card in self.cards)

    @property
    def buttons(self) -> tuple[Button, ...]:
        """Every button, row by row."""
        return tuple(button for row in self.rows if not isinstance(row, Select) for button in row)


def _row_tuple(row: object) -> tuple[Button, ...]:
    if isinstance(row, str | bytes) or not isinstance(row, Iterable):
        raise TypeError(f"a row must be a tuple of Buttons or a Select, not {type(row).__name__}")
    buttons = tuple(row)
    _check_types("a button row", buttons, Button)
    return buttons
