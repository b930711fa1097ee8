"""Paging makes long things fit and never cuts silently."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.render.limits import (
    MAX_EMBED_DESCRIPTION,
    MAX_EMBED_TOTAL,
    MAX_EMBEDS,
    MAX_FIELD_NAME,
    MAX_FIELD_VALUE,
)
from bot.render.paging import (
    ELLIPSIS,
    MIN_SPLIT_LIMIT,
    clip,
    fit_message,
    paginate,
    progress_bar,
    split_text,
)
from bot.render.reply import Card, Field, Reply
from tests.content.helpers import finishes_in_a_minute

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEWER = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FENCE_RE = re.compile("```")


def nonws(text: str) -> str:
    return "".join(text.split())


def fence_count(text: str) -> int:
    return len(FENCE_RE.findall(text))


def is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


# --- strategies -----------------------------------------------------------------------------------

words = st.one_of(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzé漢🙂*_#>-.,", min_size=1, max_size=12),
    st.text(alphabet="xyz", min_size=30, max_size=400),  # long words force hard cuts
)
separators = st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", "\n   \n", "\t", "\n    "])
prose_tokens = st.one_of(words, separators)
code_tokens = st.one_of(
    words,
    separators,
    st.sampled_from(["```", "```python\n", "\n```\n", "```sql\n", "`", "``", "````"]),
    st.sampled_from(["\n> ", "\n> ```python\n> ", "\n> ```\n", "\n>> ```\n>> "]),  # code in a quote
)
QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]*)+", re.MULTILINE)


def _joined(tokens: st.SearchStrategy[str], max_size: int) -> st.SearchStrategy[str]:
    return st.lists(tokens, max_size=max_size).map("".join)


prose = _joined(prose_tokens, 400)
with_code = _joined(code_tokens, 400)
limits_ = st.integers(min_value=MIN_SPLIT_LIMIT, max_value=400)


# --- split_text -----------------------------------------------------------------------------------


@FAST
@given(text=prose, limit=limits_)
def test_split_prose_keeps_every_character_and_every_piece_fits(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert all(len(piece) <= limit for piece in pieces)
    assert all(piece.strip() for piece in pieces)
    assert nonws("".join(pieces)) == nonws(text)
    assert "```" not in "".join(pieces) or "```" in text


@FAST
@given(text=with_code, limit=limits_)
def test_split_with_code_fences_fits_loses_nothing_and_balances_blocks(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert all(len(piece) <= limit for piece in pieces)
    joined = nonws("".join(pieces)).replace("`", "")
    original = nonws(text).replace("`", "")
    # Only the language of a reopened block, and the quote's marks around a block in a quote, are ever added;
    # nothing is lost.
    assert is_subsequence(original, joined)
    marks = max((len(nonws(m)) for m in QUOTE_MARKS.findall(text)), default=0)
    assert len(joined) - len(original) <= (16 + 2 * marks) * max(len(pieces) - 1, 0)
    if fence_count(text) % 2 == 0:
        assert all(fence_count(piece) % 2 == 0 for piece in pieces), pieces


@FEWER
@given(text=with_code)
def test_split_at_discord_sizes(text: str) -> None:
    big = text * 12
    for limit in (1024, 2000, 4096):
        pieces = split_text(big, limit)
        assert all(len(piece) <= limit for piece in pieces)
        assert is_subsequence(nonws(big).replace("`", ""), nonws("".join(pieces)).replace("`", ""))


def test_split_prefers_paragraphs_then_lines_then_spaces_then_hard() -> None:
    a, b = "A" * 50, "B" * 50
    assert split_text(f"{a}\n\n{b}", 80) == [a, b]
    assert split_text(f"{a}\n{b}", 80) == [a, b]
    assert split_text(f"{a} {b}", 80) == [a, b]
    assert split_text("x" * 100, 40) == ["x" * 40, "x" * 40, "x" * 20]
    # A paragraph break wins over a later line break...
    text = "p" * 30 + "\n\n" + "q" * 20 + "\n" + "r" * 40
    assert split_text(text, 60)[0] == "p" * 30
    # ...but not when it would leave a tiny piece.
    text = "p" * 5 + "\n\n" + "q" * 50 + "\n" + "r" * 40
    assert split_text(text, 60)[0] == "p" * 5 + "\n\n" + "q" * 50


def test_split_returns_fitting_text_unchanged_and_blank_as_nothing() -> None:
    assert split_text("  hello\n", 100) == ["  hello\n"]
    assert split_text(" \n\n ", 100) == []
    assert split_text("", 100) == []


def test_split_rejects_tiny_limits() -> None:
    with pytest.raises(ValueError, match="at least"):
        split_text("hello world", MIN_SPLIT_LIMIT - 1)


def test_a_long_code_block_is_closed_and_reopened_with_its_language() -> None:
    code = "\n".join(f"    total += {i}  # step {i}" for i in range(60))
    text = f"Here is the loop:\n\n```python\n{code}\n```\n\nThat is all."
    pieces = split_text(text, 300)
    assert len(pieces) > 2
    assert pieces[0].startswith("Here is the loop:")
    for piece in pieces[:-1]:
        assert piece.endswith("\n```")
    for piece in pieces[1:]:
        assert piece.startswith("```python\n    total")  # indentation kept
    assert pieces[-1].endswith("```\n\nThat is all.")
    assert all(fence_count(piece) == 2 for piece in pieces)
    body_lines = [line for piece in pieces for line in piece.split("\n") if line.startswith("    total")]
    assert body_lines == code.split("\n")


def test_a_long_code_block_in_a_quote_is_closed_and_reopened_inside_the_quote() -> None:
    code = "\n".join(f"> print('line {i} of an example')" for i in range(60))
    text = f"> Try this:\n> ```python\n{code}\n> ```\n\nAfter the quote."
    pieces = split_text(text, 300)
    assert len(pieces) > 2
    for piece in pieces[:-1]:
        assert piece.endswith("\n> ```")
    for piece in pieces[1:]:
        assert piece.startswith("> ```python\n> print(")
    assert pieces[-1].endswith("> ```\n\nAfter the quote.")
    assert all(fence_count(piece) == 2 for piece in pieces)
    assert all(len(piece) <= 300 for piece in pieces)
    shown = [line for piece in pieces for line in piece.split("\n") if line.startswith("> print(")]
    assert shown == code.split("\n")


def test_a_code_block_that_fits_moves_whole_to_the_next_piece() -> None:
    intro = "Some words here. " * 8
    block = "```sql\nSELECT name\nFROM learners\nWHERE week = 3;\n```"
    pieces = split_text(f"{intro}\n{block}", len(intro) + 20)
    assert pieces[-1] == block
    assert all(fence_count(piece) in (0, 2) for piece in pieces)


def test_a_cut_just_before_a_blocks_closer_uses_that_closer() -> None:
    text = "```\n" + "a" * 30 + " " * 10 + "\n```\nafter"
    assert split_text(text, 45) == ["```\n" + "a" * 30 + "\n```", "after"]


# --- clip -----------------------------------------------------------------------------------------


def test_clip() -> None:
    assert clip("Week 1", 10) == "Week 1"
    assert clip("Learn the fundamentals of distributed systems", 30) == "Learn the fundamentals of…"
    assert clip("x" * 50, 10) == "x" * 9 + ELLIPSIS
    assert clip("Hello, world and more", 8) == "Hello…"  # trailing comma dropped too
    assert clip("abc", 1) == "abc"[:0] + ELLIPSIS
    with pytest.raises(ValueError, match="at least 1"):
        clip("abc", 0)


@FAST
@given(text=st.text(max_size=400), limit=st.integers(min_value=1, max_value=300))
def test_clip_fits_and_marks_shortening(text: str, limit: int) -> None:
    clipped = clip(text, limit)
    assert len(clipped) <= limit
    if len(text) <= limit:
        assert clipped == text
    else:
        assert clipped.endswith(ELLIPSIS)
        assert text.startswith(clipped[:-1])


# --- paginate / fit_message -----------------------------------------------------------------------

field_names = st.one_of(st.text(max_size=20), st.text(alphabet="nm ", max_size=300))
field_values = _joined(prose_tokens, 120)
fields_ = st.lists(st.builds(Field, field_names, field_values, st.booleans()), max_size=40)


@FEWER
@given(
    title=st.one_of(st.none(), st.text(max_size=300)),
    body=_joined(prose_tokens, 1200),
    fields=fields_,
    footer=st.one_of(st.none(), st.text(min_size=1, max_size=60), st.just("f" * 2100)),
    per_page=st.integers(min_value=1, max_value=25),
)
def test_paginate_fits_every_limit_and_keeps_everything(
    title: str | None, body: str, fields: list[Field], footer: str | None, per_page: int
) -> None:
    cards = paginate(title, body, fields, footer=footer, per_page=per_page)
    for card in cards:  # each card was constructed, so the Card limits hold; check the page ones
        assert len(card.description or "") <= MAX_EMBED_DESCRIPTION
        assert len(card.fields) <= per_page
        assert card.length <= MAX_EMBED_TOTAL
    assert nonws("".join(card.description or "" for card in cards)) == nonws(body)

    out_fields = [field for card in cards for field in card.fields]
    at = 0
    for original in fields:
        parts = max(len(split_text(original.value, MAX_FIELD_VALUE)), 1)
        group, at = out_fields[at : at + parts], at + parts
        if original.name.strip():
            assert all(f.name.endswith(" (cont.)") for f in group[1:])
        assert nonws("".join(f.value for f in group)).replace("\u200b", "") == nonws(original.value)
        assert all(f.inline == original.inline for f in group)
        if original.name.strip() and len(original.name) <= MAX_FIELD_NAME:
            assert group[0].name == original.name
    assert at == len(out_fields)

    if len(cards) > 1:
        for number, card in enumerate(cards, start=1):
            assert card.footer is not None
            assert card.footer.endswith(f"Page {number}/{len(cards)}")
    if footer and footer.strip() and cards:
        assert cards[0].footer is not None
        assert cards[0].footer.startswith(footer[:100].rstrip()[:10])

    messages = fit_message(cards)
    assert [card for message in messages for card in message] == cards
    for message in messages:
        Reply(cards=message)  # within 10 embeds and 6,000 characters


def test_paginate_long_body_and_long_field() -> None:
    body = "\n\n".join(f"Paragraph {i}. " + "word " * 150 for i in range(20))
    long_value = "\n".join(f"- item {i} " + "detail " * 10 for i in range(60))
    cards = paginate("Week 4: SQL", body, [Field("Checklist", long_value)], footer="Backend path")
    assert len(cards) > 3
    assert all(card.title == "Week 4: SQL" for card in cards)
    assert cards[0].footer == f"Backend path · Page 1/{len(cards)}"
    names = [field.name for card in cards for field in card.fields]
    assert names[0] == "Checklist"
    assert set(names[1:]) == {"Checklist (cont.)"}
    assert all(len(f.value) <= MAX_FIELD_VALUE for card in cards for f in card.fields)


def test_paginate_single_page_keeps_footer_without_page_number() -> None:
    [card] = paginate("Hi", "short body", [("a", "b")], footer="note")
    assert card.footer == "note"
    assert card.fields == (Field("a", "b"),)


def test_paginate_respects_per_page_and_handles_nothing() -> None:
    cards = paginate("List", "", [Field(str(i), "v") for i in range(12)], per_page=5)
    assert [len(card.fields) for card in cards] == [5, 5, 2]
    assert [card.footer for card in cards] == ["Page 1/3", "Page 2/3", "Page 3/3"]
    assert paginate(None, "") == []
    assert paginate("Only a title") == [Card(title="Only a title")]
    with pytest.raises(ValueError, match="per_page"):
        paginate("x", "y", per_page=0)


def test_fit_message_groups_by_count_and_size() -> None:
    small = [Card(title=str(i)) for i in range(23)]
    assert [len(m) for m in fit_message(small)] == [10, 10, 3]
    big = [Card(description="x" * 2500) for _ in range(5)]
    assert [len(m) for m in fit_message(big)] == [2, 2, 1]
    assert fit_message([]) == []


@FEWER
@given(sizes=st.lists(st.integers(min_value=1, max_value=MAX_EMBED_DESCRIPTION), max_size=40))
def test_fit_message_every_group_is_a_valid_reply(sizes: list[int]) -> None:
    cards = [Card(description="d" * size) for size in sizes]
    messages = fit_message(cards)
    assert [c for m in messages for c in m] == cards
    for message in messages:
        assert len(message) <= MAX_EMBEDS
        Reply(cards=message)


# --- progress_bar ---------------------------------------------------------------------------------


def test_progress_bar() -> None:
    assert progress_bar(3, 10) == "▰▰▰▱▱▱▱▱▱▱ 3/10 (30%)"
    assert progress_bar(0, 0) == "▱▱▱▱▱▱▱▱▱▱ 0/0 (0%)"
    assert progress_bar(99, 100) == "▰▰▰▰▰▰▰▰▰▱ 99/100 (99%)"
    assert progress_bar(10, 10) == "▰▰▰▰▰▰▰▰▰▰ 10/10 (100%)"
    assert progress_bar(2, 4, width=4) == "▰▰▱▱ 2/4 (50%)"
    assert progress_bar(12, 10).startswith("▰" * 10 + " 12/10 (100%)")
    assert progress_bar(-1, 10).startswith("▱" * 10)
    with pytest.raises(ValueError, match="width"):
        progress_bar(1, 2, width=0)


def test_progress_bar_rounds_the_percentage_half_up() -> None:
    assert progress_bar(1, 6).endswith("1/6 (17%)")
    assert progress_bar(1, 8).endswith("1/8 (13%)")  # 12.5% rounds up
    assert progress_bar(5, 6).endswith("5/6 (83%)")


def test_progress_bar_never_says_100_percent_before_all_is_done_nor_0_percent_after_a_tick() -> None:
    assert progress_bar(999, 1000).endswith("999/1000 (99%)")
    assert progress_bar(1, 1000).endswith("1/1000 (1%)")
    assert progress_bar(1000, 1000).endswith("1000/1000 (100%)")
    assert progress_bar(0, 1000).endswith("0/1000 (0%)")


def test_progress_bar_shows_a_cell_once_anything_is_done_and_is_full_only_when_all_is() -> None:
    assert progress_bar(3, 31).startswith("▰▱▱▱▱▱▱▱▱▱ 3/31")
    assert progress_bar(1, 1000).startswith("▰▱▱▱▱▱▱▱▱▱ ")
    assert progress_bar(0, 31).startswith("▱" * 10)
    assert progress_bar(30, 31).startswith("▰" * 9 + "▱")


def test_a_code_block_under_many_quote_marks_is_cut_in_time_at_the_smallest_limit() -> None:
    # marks longer than the room a piece has left to close and reopen the block in: it is closed bare
    text = "> > >>   > ```python\n> code\n> " + "x" * 50 + "\n> > ```\n\nAfter."
    script = (
        "from bot.render.paging import split_text\n"
        f"pieces = split_text({text!r}, 34)\n"
        "assert all(len(piece) <= 34 for piece in pieces), pieces\n"
    )
    finishes_in_a_minute(script, "a code block under many quote marks")


def test_a_block_in_a_deeper_quote_than_the_one_first_found_still_fits() -> None:
    # the cut first falls in a block under '>> ', then in one under '> > ' further back: the room to close it
    # must be that of the block the piece ends in
    text = (
        "```python\n\n> > ```python\n>> ```\n```\n> ```python\ntext line\n> code\n"
        + "x" * 50
        + "\n\n```js\n"
        + "x" * 50
        + "\n"
    )
    for limit in range(MIN_SPLIT_LIMIT, 80):
        assert all(len(piece) <= limit for piece in split_text(text, limit)), limit


def test_a_closing_fence_under_other_quote_marks_than_its_block_keeps_them() -> None:
    text = "\n> ```\n>>>>>>>>" + "x" * 36 + "\n>> ```\n>> "
    pieces = split_text(text, 33)
    assert all(len(piece) <= 33 for piece in pieces)
    assert is_subsequence(nonws(text).replace("`", ""), nonws("".join(pieces)).replace("`", ""))
