"""A table's column that only numbers its rows ('| # | Topic | Practice |', 'No.', 'Nr', 'S.No'): its numbers are
no detail of a row, nor ever its title, in `/phase` or in a topic's entry."""

from __future__ import annotations

import pytest

from bot.handlers.learning import phase_body
from tests.content.helpers import parse_body, section_titled

TRACKER = """
## 📅 Month 1 — Arrays & Strings (Weeks 1-4)

| # | Topic | Practice | Status |
| --- | --- | --- | :---: |
| 1 | Arrays | [Two Sum](https://leetcode.com/problems/two-sum/) | ✅ |
| 2 | Two pointers | [Valid Palindrome](https://leetcode.com/problems/valid-palindrome/) | 🟡 |
"""


def test_a_row_number_column_is_no_detail_of_the_row_in_phase() -> None:
    role, _ = parse_body(TRACKER)
    assert phase_body(role.phases[0]) == (
        "- Arrays — Practice: [Two Sum](https://leetcode.com/problems/two-sum/) · Status: ✅\n"
        "- Two pointers — Practice: [Valid Palindrome](https://leetcode.com/problems/valid-palindrome/) · Status: 🟡"
    )


def test_a_row_number_column_is_no_part_of_the_rows_topic() -> None:
    role, _ = parse_body(TRACKER)
    assert section_titled(role, "Arrays").text == (
        "Arrays — Practice: [Two Sum](https://leetcode.com/problems/two-sum/) · Status: ✅"
    )


@pytest.mark.parametrize("header", ["#", "No.", "Nr", "S.No", "Sr. No.", "№"])
def test_a_row_number_is_never_a_rows_title(header: str) -> None:
    role, _ = parse_body(
        f"## Phase 1: Trees (Weeks 1-4)\n\n| {header} | Topic | Status |\n|---|---|---|\n"
        "| 1. | Heaps | ✅ |\n| 2. | | ⬜ |\n"
    )
    assert phase_body(role.phases[0]) == "- Heaps — Status: ✅\n- ⬜"


def test_a_number_column_of_words_and_a_week_tables_numbers() -> None:
    role, _ = parse_body(
        "## Phase 1: Basics (Weeks 1-4)\n\n"
        "| # | Week | Topic |\n|---|---|---|\n| 1 | 1 | Arrays |\n| 2 | 2 | Strings |\n\n"
        "| # | Topic |\n|---|---|\n| A1 | Graphs |\n"
    )
    # a week table's row shows its week, not its number; a '#' cell of words is the author's, a detail of the row
    # its column of topics titles
    assert phase_body(role.phases[0]) == "- Arrays — Week: 1\n- Strings — Week: 2\n- Graphs — #: A1"
