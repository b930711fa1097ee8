"""A table written without its outer pipes right under a line of text (a bold label, a sentence): GitHub shows the
line, then the table, so each row is a topic of its phase, as a table after a blank line is."""

from __future__ import annotations

import pytest

from bot.content.search import SearchIndex
from tests.content.helpers import errors, finishes_in_a_minute, parse_body

PLAN = """
# Kitchen Basics

## Phase 1: Knife Work (Weeks 1-2)
**Goal:** Cut an onion without tears

**Drills:**
{head}
{rule}
Julienne | thin matchsticks of carrot
`Brunoise` | tiny cubes, from the julienne
**Chiffonade** | basil rolled and sliced

## Phase 2: Heat (Weeks 3-4)
- searing a steak
"""


@pytest.mark.parametrize(
    ("head", "rule"),
    [
        ("Cut | What it looks like", "--- | ---"),
        ("Cut | What it looks like", ":--- | ---:"),
        ("Cut | What it looks like |", "--- | --- |"),
        ("Cut | What it looks like", "|---|---|"),
    ],
)
def test_a_table_without_outer_pipes_under_a_label_gives_its_rows(head: str, rule: str) -> None:
    role, problems = parse_body(PLAN.format(head=head, rule=rule))
    assert errors(problems) == []
    phase = role.phases[0]
    assert [(s.label, [t.title for t in s.topics]) for s in phase.subsections] == [
        ("Drills", ["Julienne", "Brunoise", "Chiffonade"])
    ]
    assert [piece.md for piece in phase.body if piece.kind == "row"] == [
        "Julienne — What it looks like: thin matchsticks of carrot",
        "`Brunoise` — What it looks like: tiny cubes, from the julienne",
        "**Chiffonade** — What it looks like: basil rolled and sliced",
    ]
    (hit, *_) = SearchIndex([role]).search("brunoise", role=role.name)
    assert hit.section.title == "Brunoise"


def test_a_table_without_outer_pipes_under_a_sentence_leaves_the_sentence_the_objective() -> None:
    body = (
        "## Phase 1: Knife Work (Weeks 1-2)\nPractise every day.\nCut | Time\n--- | ---\nDice | 5 min\nMince | 3 min\n"
    )
    role, _ = parse_body(body)
    phase = role.phases[0]
    assert phase.objective == "Practise every day."
    assert [t.title for t in phase.topics] == ["Dice", "Mince"]


def test_a_line_of_pipes_without_a_rule_under_it_stays_text() -> None:
    body = "## Phase 1: Knife Work (Weeks 1-2)\nPractise every day.\nleft | right hand\n\n- dicing\n"
    role, _ = parse_body(body)
    assert [piece.md for piece in role.phases[0].body] == ["Practise every day. left | right hand", "dicing"]


def test_rows_that_do_not_match_the_rule_stay_text() -> None:
    body = "## Phase 1: Knife Work (Weeks 1-2)\n**Drills:**\nCut | Time\n--- | --- | ---\nDice | 5 min\n"
    role, _ = parse_body(body)
    assert [t.title for t in role.phases[0].topics] == []


def test_a_table_in_a_code_block_stays_code() -> None:
    body = "## Phase 1: Knife Work (Weeks 1-2)\n```\nnote\nCut | Time\n--- | ---\nDice | 5 min\n```\n"
    role, _ = parse_body(body)
    assert [piece.kind for piece in role.phases[0].body] == ["code"]


def test_a_long_line_of_pipes_under_text_reads_in_linear_time() -> None:
    finishes_in_a_minute(
        "from bot.content.loader import parse_bytes\n"
        "from tests.content.helpers import role_file\n"
        "body = 'Some text.\\n' + 'a |' * 200000 + '\\n' + '-' * 1000 + ' x\\n'\n"
        "parse_bytes(role_file(body=body).encode(), 'x.md')\n",
        "a long line of pipes under a paragraph",
    )
