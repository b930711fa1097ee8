"""Finding the checklist item a learner means from the words they typed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.content.pick import best, rank

ITEMS = [
    "insert(index, item) - inserts at index",
    "insert // insert value into tree",
    "insert",
    "Complete Kaggle Learn: Pandas",
    "Enter the Kaggle Titanic competition",
    "Use git professionally",
]


def meant(query: str) -> list[str]:
    return [ITEMS[fit.index] for fit in best(rank(query, ITEMS))]


def test_the_item_holding_every_typed_word_wins_over_a_shorter_one():
    assert meant("insert into tree") == ["insert // insert value into tree"]
    assert meant("Kaggle Learn Pandas") == ["Complete Kaggle Learn: Pandas"]


def test_an_item_typed_whole_is_meant_and_a_shared_word_is_a_tie():
    assert meant("INSERT") == ["insert"]
    assert meant("kaggle") == ["Complete Kaggle Learn: Pandas", "Enter the Kaggle Titanic competition"]


def test_typos_and_a_half_typed_last_word_count():
    assert meant("git profesionaly") == ["Use git professionally"]
    assert meant("kaggle titan") == ["Enter the Kaggle Titanic competition"]


def test_nothing_typed_or_nothing_shared_finds_nothing():
    assert rank("", ITEMS) == []
    assert rank("?!", ITEMS) == []
    assert rank("zzzz qqqq", ITEMS) == []


words = st.text(alphabet="abcdefghij", min_size=3, max_size=8)


@given(st.lists(st.lists(words, min_size=1, max_size=5).map(" ".join), min_size=1, max_size=8), st.data())
def test_an_item_typed_whole_is_always_the_one_meant(texts, data):
    typed = data.draw(st.sampled_from(texts))
    top = best(rank(typed, texts))
    assert [texts[fit.index] for fit in top] == [typed]
    assert top[0].found == 1.0
