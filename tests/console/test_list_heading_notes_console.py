"""Study notes whose topics are headings written inside list items ('- ### Grouping Rows'), as a learner meets them
in the console: what is written under such a heading shows in its /skill-deep-dive entry, as under any heading, and
the tasks under one are grouped by it once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.console.conftest import Session, fixture_session

ROLE = "list-heading-notes"


@pytest.fixture
async def run(tmp_path: Path) -> AsyncIterator[Session]:
    async with fixture_session(tmp_path, ROLE) as session:
        yield session


async def test_the_deep_dive_shows_every_block_under_a_heading_in_a_list_item(run: Session) -> None:
    out = await run("/skill-deep-dive topic:Grouping Rows")
    assert out.startswith("(only you)\n\nGrouping Rows\n=============\n\n*Querying Data*\n\n")
    assert (
        "Summary functions fold many rows into one value per group.\n"
        "```sql\n"
        "SELECT team, COUNT(*) FROM players GROUP BY team;\n"
        "```\n"
        "> Filter groups with HAVING; WHERE runs before grouping.\n"
        "- MIN — Gives back: the smallest value\n"
        "- MAX — Gives back: the largest value\n"
        "- **COUNT**: how many rows a group holds\n"
        "- **AVG**: the mean of a column\n"
        "Rows whose value is NULL are skipped by every function but COUNT(\\*).\n"
    ) in out


async def test_the_deep_dive_of_a_heading_in_a_numbered_item_shows_its_text_and_indented_code(run: Session) -> None:
    out = await run("/skill-deep-dive topic:Ranking Rows")
    assert (
        "A ranking function numbers the rows of each window.\n"
        "```\n"
        "SELECT name, RANK() OVER (ORDER BY score DESC) FROM players;\n"
        "```\n"
        "- RANK leaves gaps after ties\n"
        "- DENSE_RANK does not\n"
    ) in out


async def test_the_checklist_names_the_group_of_a_heading_in_a_list_item_once(run: Session) -> None:
    out = await run(f"/start-learning role:{ROLE}")
    assert (
        "Next on your checklist:\n"
        "  **Stack**\n"
        "  ⬜ Write push and pop on top of an array\n"
        "  ⬜ Check balanced brackets with a stack\n"
        "  **Queue**\n"
        "  ⬜ Build a queue from two stacks\n"
        "  **Binary Heap**\n"
        "  ⬜ Sift an element down after removing the root\n"
        "  *Priority queues*\n"
        "  \u2003⬜ Merge k sorted lists with a heap\n"
    ) in out
    out = await run("/checklist")
    assert (
        "**Stack**\n"
        "⬜ Write push and pop on top of an array\n"
        "⬜ Check balanced brackets with a stack\n"
        "**Queue**\n"
        "⬜ Build a queue from two stacks\n"
        "**Binary Heap**\n"
        "⬜ Sift an element down after removing the root\n"
        "*Priority queues*\n"
    ) in out
    assert "\n*Stack*\n" not in out and "\n*Queue*\n" not in out and "\n*Binary Heap*\n" not in out
    # a menu option says the bullet an item is under, never the group its menu is named by
    assert "  1. Write push and pop on top of an array\n" in out
    assert out.endswith("  2. Merge k sorted lists with a heap - Priority queues")
