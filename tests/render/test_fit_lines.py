"""fit_lines keeps whole lines and says how many are left out."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.render import fit_lines


def test_lines_that_fit_are_joined_whole():
    assert fit_lines(["a", "bb", "ccc"], 100) == "a\nbb\nccc"


def test_the_rest_is_counted_not_cut():
    out = fit_lines([f"line {n}" for n in range(10)], 40)
    assert out.endswith("more")
    kept = out.split("\n")[:-1]
    assert all(line.startswith("line ") for line in kept)
    assert out.split("\n")[-1] == f"…and {10 - len(kept)} more"


@given(st.lists(st.text(min_size=1, max_size=50).filter(lambda s: "\n" not in s), max_size=30), st.integers(20, 400))
def test_never_longer_than_its_room(lines, room):
    assert len(fit_lines(lines, room)) <= room


def test_a_code_block_cut_short_is_closed_before_the_count():
    lines = ["Intro", "```python", *[f"print({i})" for i in range(50)], "```", "After"]
    out = fit_lines(lines, 120).split("\n")
    assert out[-2:] == ["```", f"…and {len(lines) - (len(out) - 2)} more"]
    assert out[:3] == ["Intro", "```python", "print(0)"]


def test_a_code_block_in_a_quote_is_closed_inside_the_quote():
    lines = ["> Try this:", "> ```python", *[f"> print({i})" for i in range(50)], "> ```", "After"]
    out = fit_lines(lines, 120).split("\n")
    assert out[-2] == "> ```"
    assert out[-1].startswith("…and ")


def test_a_block_that_ends_before_the_cut_is_not_closed_again():
    lines = ["```", "x = 1", "```", *[f"line {n}" for n in range(30)]]
    out = fit_lines(lines, 60).split("\n")
    assert out.count("```") == 2


CODE_LINES = st.lists(
    st.one_of(
        st.text(alphabet="abc ()=", min_size=1, max_size=30),
        st.sampled_from(["```", "```python", "> ```", "> ```sql", "  ```", "> print(1)"]),
    ),
    max_size=40,
)


@given(CODE_LINES, st.integers(20, 400))
def test_fences_are_balanced_and_the_room_kept(lines, room):
    out = fit_lines(lines, room)
    assert len(out) <= room
    fences = sum(1 for line in lines if line.lstrip("> ").startswith("```"))
    if fences % 2 == 0 and out.endswith("more"):
        assert sum(1 for line in out.split("\n") if line.lstrip("> ").startswith("```")) % 2 == 0, out


def test_a_line_whose_code_opens_and_closes_on_it_leaves_no_block_open():
    # Discord shows '```ls -la```' as code that ends on its line: a fence added after it would open a block
    lines = ["Run:", "```ls -la```", *[f"then step {n}" for n in range(20)]]
    out = fit_lines(lines, 60)
    assert out.count("```") == 2
    assert out.split("\n")[-1].startswith("…and ")
