"""What a learner reads of task items nested in lists, of checklist groups with generic names, and of bullets that
open with a bold name: /phase, /checklist and /skill-deep-dive."""

from __future__ import annotations

from bot.handlers import learning, progress
from tests.handlers.conftest import Load, body, caller

# ---------------------------------------------------------------- a task item keeps its nesting

WEEKS_LIST = """
## Phase 1: Spreadsheets (Weeks 1-2)

1. Week 1 — Pivot tables
   - Slicers and calculated fields
   - [ ] Build a sales dashboard
2. Week 2 — Statistics
   - [ ] Analyse a mock A/B test
     - [ ] Write a one-paragraph recommendation

- [ ] Share the dashboard

### Lab

- Spreadsheet shortcuts
  - [ ] Rebuild the dashboard with shortcuts only
"""


async def test_phase_shows_a_task_nested_in_a_list_at_its_depth(load: Load) -> None:
    svc = load({"analyst": WEEKS_LIST})
    await learning.start_learning(svc, caller(), "analyst")
    shown = body(await learning.phase_view(svc, caller(), 1, role="analyst"))
    assert (
        "1. Week 1 — Pivot tables\n"
        "  - Slicers and calculated fields\n"
        "\u2003⬜ Build a sales dashboard\n"
        "2. Week 2 — Statistics\n"
        "\u2003⬜ Analyse a mock A/B test\n"
        "\u2003\u2003⬜ Write a one-paragraph recommendation\n"
        "⬜ Share the dashboard"
    ) in shown
    assert "- Spreadsheet shortcuts\n\u2003⬜ Rebuild the dashboard with shortcuts only" in shown


async def test_a_parts_deep_dive_shows_a_task_nested_in_a_list_at_its_depth(load: Load) -> None:
    svc = load({"analyst": WEEKS_LIST})
    shown = body(await learning.skill_deep_dive(svc, caller(), "lab", role="analyst"))
    assert "- Spreadsheet shortcuts\n\u2003- Rebuild the dashboard with shortcuts only" in shown


async def test_checklist_names_a_generic_sub_heading_with_its_phase(load: Load) -> None:
    svc = load({"analyst": WEEKS_LIST})
    await learning.start_learning(svc, caller(), "analyst")
    shown = body(await progress.checklist_view(svc, caller()))
    assert "**Phase 1: Spreadsheets › Lab**\n*Spreadsheet shortcuts*\n\u2003⬜ Rebuild the dashboard" in shown
