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
