"""Construction enforces Discord's limits: over a limit raises LimitError naming it."""

from collections.abc import Callable

import pytest

from bot.render import limits
from bot.render.reply import (
    Attachment,
    Button,
    Card,
    Field,
    LimitError,
    Reply,
    Select,
    SelectOption,
)


def _options(n: int) -> tuple[SelectOption, ...]:
    return tuple(SelectOption(f"Option {i}", str(i)) for i in range(n))


def _buttons(n: int, prefix: str = "b") -> tuple[Button, ...]:
    return tuple(Button(f"B{i}", f"{prefix}{i}") for i in range(n))


OVER: dict[str, tuple[str, Callable[[], object]]] = {
    "card title": ("MAX_EMBED_TITLE", lambda: Card(title="t" * 257)),
    "card description": ("MAX_EMBED_DESCRIPTION", lambda: Card(description="d" * 4097)),
    "card footer": ("MAX_EMBED_FOOTER", lambda: Card(footer="f" * 2049)),
    "26 fields": ("MAX_EMBED_FIELDS", lambda: Card(fields=[Field(f"n{i}", "v") for i in range(26)])),
    "field name": ("MAX_FIELD_NAME", lambda: Card(fields=(Field("n" * 257, "v"),))),
    "field value": ("MAX_FIELD_VALUE", lambda: Card(fields=(Field("n", "v" * 1025),))),
    "card total": (
        "MAX_EMBED_TOTAL",
        lambda: Card(title="t" * 256, description="d" * 4096, fields=[Field("n", "v" * 1024)] * 2),
    ),
    "card color": ("MAX_EMBED_COLOR", lambda: Card(title="t", color=0x1000000)),
    "content": ("MAX_CONTENT", lambda: Reply(content="c" * 2001)),
    "11 cards": ("MAX_EMBEDS", lambda: Reply(cards=[Card(title=str(i)) for i in range(11)])),
    "reply total": (
        "MAX_EMBED_TOTAL",
        lambda: Reply(cards=(Card(description="a" * 3001), Card(description="b" * 3000))),
    ),
    "6 rows": ("MAX_ACTION_ROWS", lambda: Reply(rows=[_buttons(1, f"r{i}-") for i in range(6)])),
    "6 buttons": ("MAX_BUTTONS_PER_ROW", lambda: Reply(rows=(_buttons(6),))),
    "empty row": ("MAX_BUTTONS_PER_ROW", lambda: Reply(rows=((),))),
    "duplicate custom_id": (
        "unique_custom_id",
        lambda: Reply(rows=(_buttons(2), Select("b0", _options(2)))),
    ),
    "button label": ("MAX_BUTTON_LABEL", lambda: Button("l" * 81, "id")),
    "button custom_id": ("MAX_CUSTOM_ID", lambda: Button("ok", "i" * 101)),
    "button without custom_id": ("MAX_CUSTOM_ID", lambda: Button("ok")),
    "link button without url": ("link_button_url", lambda: Button("Docs", style="link")),
    "url on a non-link button": ("link_button_url", lambda: Button("Docs", url="https://x.test")),
    "link button with custom_id": (
        "link_button_url",
        lambda: Button("Docs", "id", url="https://x.test", style="link"),
    ),
    "26 options": ("MAX_SELECT_OPTIONS", lambda: Select("s", _options(26))),
    "no options": ("MAX_SELECT_OPTIONS", lambda: Select("s", ())),
    "select custom_id": ("MAX_CUSTOM_ID", lambda: Select("s" * 101, _options(1))),
    "placeholder": ("MAX_SELECT_PLACEHOLDER", lambda: Select("s", _options(1), placeholder="p" * 151)),
    "max_values over options": ("select_values", lambda: Select("s", _options(2), max_values=3)),
    "duplicate option values": (
        "unique_option_values",
        lambda: Select("s", (SelectOption("a", "1"), SelectOption("b", "1"))),
    ),
    "option label": ("MAX_OPTION_LABEL", lambda: SelectOption("l" * 101, "v")),
    "option value": ("MAX_OPTION_VALUE", lambda: SelectOption("l", "v" * 101)),
    "option description": ("MAX_OPTION_DESCRIPTION", lambda: SelectOption("l", "v", "d" * 101)),
    "11 files": ("MAX_ATTACHMENTS", lambda: Reply(files=[Attachment(f"{i}.txt", b"x") for i in range(11)])),
    "upload bytes": (
        "MAX_UPLOAD_BYTES",
        lambda: Reply(files=(Attachment("big.bin", bytes(limits.MAX_UPLOAD_BYTES + 1)),)),
    ),
    "empty card": ("empty_card", lambda: Card()),
    "blank field value": ("MAX_FIELD_VALUE", lambda: Card(fields=(Field("n", "  "),))),
}


@pytest.mark.parametrize("case", OVER.keys())
def test_over_a_limit_raises_naming_it(case: str) -> None:
    limit, build = OVER[case]
    with pytest.raises(LimitError, match=limit) as info:
        build()
    assert isinstance(info.value, ValueError)
    assert info.value.limit == limit


def test_exactly_at_the_limits_is_fine() -> None:
    card = Card(
        title="t" * 256,
        description="d" * (6000 - 256 - 2048 - 25 * 3 - 1),
        fields=[Field(f"{i:02}", "v") for i in range(25)],
        footer="f" * 2048,
    )
    assert card.length == 5999
    reply = Reply(
        content="c" * 2000,
        cards=(card,),
        rows=(
            *(_buttons(5, f"r{i}-") for i in range(4)),
            Select("s" * 100, _options(25), placeholder="p" * 150, max_values=25),
        ),
        files=[Attachment(f"{i}.txt", b"x") for i in range(10)],
    )
    assert len(reply.buttons) == 20
    Reply(cards=[Card(title=str(i)) for i in range(10)])
    Button("l" * 80, "i" * 100)
    SelectOption("l" * 100, "v" * 100, "d" * 100)


def test_limit_error_message_names_sizes() -> None:
    with pytest.raises(LimitError) as info:
        Card(title="t" * 300)
    assert info.value.maximum == 256
    assert info.value.actual == 300
    assert "256" in str(info.value)
    assert "300" in str(info.value)


def test_lists_become_tuples_and_replies_are_hashable() -> None:
    reply = Reply(
        cards=[Card(title="x", fields=[Field("a", "b")])],
        rows=[[Button("Go", "go")], Select("s", [SelectOption("a", "a")])],
    )
    assert isinstance(reply.cards, tuple)
    assert isinstance(reply.cards[0].fields, tuple)
    assert isinstance(reply.rows[0], tuple)
    assert isinstance(reply.rows[1].options, tuple)
    assert hash(reply) == hash(
        Reply(
            cards=(Card(title="x", fields=(Field("a", "b"),)),),
            rows=((Button("Go", "go"),), Select("s", (SelectOption("a", "a"),))),
        )
    )


def test_frozen() -> None:
    reply = Reply(content="hi")
    with pytest.raises(AttributeError):
        reply.content = "x"  # type: ignore[misc]


def test_wrong_types_are_rejected() -> None:
    with pytest.raises(TypeError):
        Reply(rows=(Button("Go", "go"),))  # a row must be a tuple of buttons
    with pytest.raises(TypeError):
        Reply(cards=("not a card",))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Card(fields="ab")  # type: ignore[arg-type]


def test_button_needs_label_or_emoji_and_a_known_style() -> None:
    Button("", "id", emoji="✅")
    with pytest.raises(LimitError):
        Button("", "id")
    with pytest.raises(ValueError, match="style"):
        Button("x", "id", style="blurple")  # type: ignore[arg-type]


def test_a_reply_may_be_just_text_and_counts_embed_length() -> None:
    assert Reply("hello").embed_length == 0
    assert Reply(cards=(Card(title="ab", footer="c"),)).embed_length == 3
