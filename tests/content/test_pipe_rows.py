"""Lines of '|' cells that make no table (a delimiter row of more cells than its header's, or no delimiter row at all:
GitHub draws no table there either) show as their cells' words, not as pipes: a learner reads '1 · Read', not
'| 1 | Read |'."""

from __future__ import annotations

from bot.content.models import Phase
from tests.content.helpers import parse_body


def shown(phase: Phase) -> list[str]:
    return [p.md for p in phase.body]


def test_pipe_rows_that_make_no_table_show_as_their_cells_words():
    role, _ = parse_body(
        "## Week 1: Data\n\n| Topic | Link |\n|---|---|---|\n| Pandas | [docs](https://pandas.pydata.org) |\n\n"
        "| Day | Task |\n| 1 | Read |\n|  | Code |\n\nA pipe | inside a sentence.\n\n| Think out loud.\n"
    )
    assert shown(role.phases[0]) == [
        "Topic · Link",
        "Pandas · [docs](https://pandas.pydata.org)",
        "Day · Task",
        "1 · Read",
        "Code",
        "A pipe | inside a sentence.",
        "Think out loud.",
    ]
    # a row is no sentence: the week's objective is its first line of prose
    assert role.phases[0].objective == "A pipe | inside a sentence."


def test_a_table_and_code_in_a_pipe_row_stay_as_they_are():
    role, _ = parse_body("## Week 1: Data\n\n| Topic | Link |\n|---|---|\n| Pandas | docs |\n\n| `a|b` | or |\n")
    body = shown(role.phases[0])
    assert "Pandas — Link: docs" in body or any("Pandas" in line and "|" not in line for line in body)
    assert body[-1] == "| `a|b` | or |"
