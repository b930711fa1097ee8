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


SYLLABUS = """
## Weekly schedule

<table>
  <thead><tr><th>Week</th><th>Topic</th><th>Readings</th><th>Lab</th></tr></thead>
  <tbody>
    <tr>
      <td>1</td>
      <td><b>Git & the command line</b></td>
      <td><a href="https://git-scm.com/book/en/v2">Pro Git, ch. 1–3</a><br><a href="https://missing.csail.mit.edu/">The Missing Semester</a></td>
      <td>Fork and clone the class repo</td>
    </tr>
    <tr><td>2</td><td><b>HTML & CSS</b></td><td><a href="https://developer.mozilla.org/">MDN</a></td><td>A landing page</td></tr>
  </tbody>
</table>
"""


async def test_phase_keeps_a_cells_lines_under_its_columns_name(load: Load) -> None:
    svc = load({"bootcamp": SYLLABUS})
    first = await learning.phase_view(svc, caller(), 1, role="bootcamp")
    assert first.cards[0].title == "Phase 1: Git & the command line (week 1)"
    assert body(first).splitlines() == [
        "- Readings: [Pro Git, ch. 1–3](https://git-scm.com/book/en/v2) · "
        "[The Missing Semester](https://missing.csail.mit.edu/)",
        "- Lab: Fork and clone the class repo",
    ]
