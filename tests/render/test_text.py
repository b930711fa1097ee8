"""The console reads a Reply as plain text."""

import pytest

from bot.render.reply import Attachment, Button, Card, Field, Reply, Select, SelectOption
from bot.render.text import render_card, render_text

SAMPLE = Reply(
    content="Welcome back, **Ada**!",
    cards=(
        Card(
            title="Week 3: SQL joins",
            description="Practice `JOIN`s on the sample database.",
            fields=(
                Field("Progress", "▰▰▰▱▱▱▱▱▱▱ 3/10 (30%)"),
                Field("Checklist", "- [x] INNER JOIN\n- [ ] LEFT JOIN"),
            ),
            footer="Backend Engineer path",
            url="https://example.test/week/3",
        ),
    ),
    rows=(
        (
            Button("Done", "week:done", style="success", emoji="✅"),
            Button("Skip", "week:skip", disabled=True),
            Button("Guide", url="https://example.test/guide", style="link"),
        ),
        Select(
            "week:pick",
            (
                SelectOption("Week 3", "3", "SQL joins", default=True),
                SelectOption("Week 4", "4"),
            ),
            placeholder="Jump to a week",
        ),
    ),
    ephemeral=True,
    files=(Attachment("week3.md", b"# Week 3\n"),),
)


def test_sample_reply_reads_line_by_line() -> None:
    assert render_text(SAMPLE).split("\n") == [
        "(only you)",
        "",
        "Welcome back, **Ada**!",
        "",
        "Week 3: SQL joins",
        "=================",
        "<https://example.test/week/3>",
        "",
        "Practice `JOIN`s on the sample database.",
        "",
        "Progress: ▰▰▰▱▱▱▱▱▱▱ 3/10 (30%)",
        "Checklist:",
        "  - [x] INNER JOIN",
        "  - [ ] LEFT JOIN",
        "",
        "[Backend Engineer path]",
        "",
        "[✅ Done] [Skip (disabled)] [Guide -> https://example.test/guide]",
        "Select Jump to a week:",
        "  1. Week 3 - SQL joins (selected)",
        "  2. Week 4",
        "",
        "(file: week3.md, 9 bytes)",
    ]


def test_plain_reply_is_just_its_content() -> None:
    assert render_text(Reply("hi")) == "hi"
    assert render_text(Reply()) == ""


def test_deterministic_and_no_trailing_newline() -> None:
    assert render_text(SAMPLE) == render_text(SAMPLE)
    assert not render_text(SAMPLE).endswith("\n")


def test_cards_without_titles_and_multi_select() -> None:
    reply = Reply(
        cards=(Card(description="one"), Card(fields=(Field("\u200b", "only value"),))),
        rows=(
            Select(
                "pick",
                (SelectOption("a", "a"), SelectOption("b", "b")),
                min_values=0,
                max_values=2,
            ),
        ),
    )
    assert render_text(reply).split("\n") == [
        "one",
        "",
        "only value",
        "",
        "Select (choose 0-2):",
        "  1. a",
        "  2. b",
    ]


def test_long_single_line_field_goes_below_its_name() -> None:
    text = render_text(Reply(cards=(Card(fields=(Field("Notes", "n" * 120),)),)))
    assert text.split("\n") == ["Notes:", "  " + "n" * 120]


@pytest.mark.parametrize(
    ("title", "columns"),
    [("Backend Engineer", 16), ("后端工程师", 10), ("🚀 Путь", 7), ("フェーズ1：基礎", 15), ("Café", 4)],
)
def test_a_title_is_underlined_as_wide_as_a_terminal_shows_it(title: str, columns: int) -> None:
    assert render_card(Card(title=title)).split("\n")[1] == "=" * columns
