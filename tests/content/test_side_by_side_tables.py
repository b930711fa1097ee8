"""A table laid out as the same columns side by side, to fit on a page ('| Day | Drill | | Day | Drill |', a blank
column between the copies), is one list read row by row: each copy of the columns in a row is an entry of its own,
in the order written."""

from __future__ import annotations

from tests.content.helpers import parse_messages, section_titled


def side_by_side(n: int, per_row: int = 2) -> str:
    """Return a table of `n` days of drills, `per_row` days to a row with a blank column between them."""
    head = " |   | ".join(["Day | Drill"] * per_row)
    rule = " |---| ".join(["---|---"] * per_row)
    rows = ""
    for first in range(1, n + 1, per_row):
        cells = [f"Day {d} | Drill {d}" for d in range(first, min(first + per_row, n + 1))]
        rows += "| " + " |   | ".join(cells) + " |\n"
    return f"# Drills\n\n## Schedule\n\n| {head} |\n| {rule} |\n{rows}"


def test_each_copy_of_the_columns_is_a_day_of_its_own():
    role, _ = parse_messages(side_by_side(10))
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2)]
    assert role.phases[0].title == "Drill 1 · Drill 2 · Drill 3 · Drill 4 · Drill 5 · Drill 6 · Drill 7"
    assert [t.title for t in role.phases[1].topics] == ["Day 8: Drill 8", "Day 9: Drill 9", "Day 10: Drill 10"]


def test_four_copies_to_a_row_read_in_the_order_written():
    role, _ = parse_messages(side_by_side(8, per_row=4))
    assert [t.title for t in role.phases[0].topics][:5] == [f"Day {d}: Drill {d}" for d in range(1, 6)]


def test_a_table_whose_columns_differ_stays_one_row_per_line():
    body = "# Kit\n\n## Parts\n\n| Part | Cost |   | Shop | Note |\n|---|---|---|---|---|\n| Wire | 2 |   | Corner | red |\n"
    role, _ = parse_messages(body)
    assert "Wire" in section_titled(role, "Parts").text
    assert "Corner" in section_titled(role, "Parts").text
