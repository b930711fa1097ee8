"""What a learner reads of task items nested in lists, of checklist groups with generic names, and of bullets that
open with a bold name: /phase, /checklist and /skill-deep-dive."""

from __future__ import annotations

from bot.handlers import learning, progress
from tests.content.helpers import parse_body
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


# ---------------------------------------------------------------- a bullet that opens with a bold name

KANBAN = """
# Platform

## Later

- **Service mesh** — Istio vs Linkerd; probably [Linkerd](https://linkerd.io/) first because it's smaller
- **[Pro Git](https://git-scm.com/book)** — the free book
- **Week 1** — HTML basics
- 4.8 Incident response: preparation → detection → recovery

## Phase 1: SQL (Weeks 1-2)

1. Week 8 — Window functions & CTEs
   - `ROW_NUMBER`, `RANK`
"""


def test_a_bold_name_before_a_dash_titles_its_bullet() -> None:
    role, _ = parse_body(KANBAN)
    titles = [s.title for s in role.sections if s.kind == "topic"]
    assert "Service mesh" in titles
    assert "Pro Git" in titles  # the link's text, as '[Pro Git](…) — the free book' is titled
    assert "Week 1 — HTML basics" in titles  # a numbering names nothing


async def test_a_deep_dive_card_says_its_title_once(load: Load) -> None:
    svc = load({"platform": KANBAN})
    mesh = await learning.skill_deep_dive(svc, caller(), "service mesh", role="platform")
    assert mesh.cards[0].title == "Service mesh"
    assert body(mesh) == (
        "*Later*\n\nIstio vs Linkerd; probably [Linkerd](https://linkerd.io/) first because it's smaller"
    )
    window = await learning.skill_deep_dive(svc, caller(), "window functions", role="platform")
    assert window.cards[0].title == "Week 8 — Window functions & CTEs"
    assert body(window) == "*Phase 1: SQL (Weeks 1-2)*\n\n- `ROW_NUMBER`, `RANK`"
    incident = await learning.skill_deep_dive(svc, caller(), "incident response", role="platform")
    assert body(incident) == "*Later*"  # the whole line is its title
    book = await learning.skill_deep_dive(svc, caller(), "pro git", role="platform")
    assert body(book) == "*Later*\n\n**[Pro Git](https://git-scm.com/book)** — the free book"  # its link stays
