"""What a learner reads of a table whose cells hold several lines ('**SQL basics**<br>☐ SQLBolt<br>☐ SELECT')."""

from __future__ import annotations

from bot.handlers import learning
from tests.handlers.conftest import Load, body, caller

CONTRACT = """
## Weekly plan

| Week | Plan |
|------|------|
| 1 | **Spreadsheets refresher**<br>☐ Lookup functions: `XLOOKUP`<br>☐ Pivot tables ([guide](https://example.com/pivot))<br>☐ Clean the sheet |
| 2 | **SQL basics**<br>☐ [SQLBolt](https://sqlbolt.com/) lessons 1–12<br>[ ] `SELECT`, `WHERE` |
"""


async def test_phase_shows_every_task_of_a_rows_cell(load: Load) -> None:
    svc = load({"contract": CONTRACT})
    first = await learning.phase_view(svc, caller(), 1, role="contract")
    assert first.cards[0].title == "Phase 1: Spreadsheets refresher (week 1)"
    assert body(first).splitlines() == [
        "⬜ Lookup functions: `XLOOKUP`",
        "⬜ Pivot tables ([guide](https://example.com/pivot))",
        "⬜ Clean the sheet",
    ]
    second = body(await learning.phase_view(svc, caller(), 2, role="contract"))
    assert second.splitlines() == ["⬜ [SQLBolt](https://sqlbolt.com/) lessons 1–12", "⬜ `SELECT`, `WHERE`"]
