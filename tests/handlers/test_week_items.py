"""What /today shows of a phase that lists its weeks as items ('1. Week 4 — SELECT basics'): that week's item."""

from __future__ import annotations

from bot.handlers import learning, today
from tests.content.test_week_items import NUMBERED
from tests.handlers.conftest import Load, body, caller


async def test_each_week_shows_its_own_week_item(load: Load) -> None:
    svc = load({"analyst": NUMBERED})
    await learning.start_learning(svc, caller(), "analyst")
    weeks = [body(await today.today(svc, caller(days=7 * w))) for w in range(7)]
    titles = ["Spreadsheet fundamentals", "Pivot tables", "Statistics", "SELECT basics", "Aggregation", "Joins"]
    titles.append("Window functions")
    for w, shown in enumerate(weeks):
        assert f"Week {w + 1} — {titles[w]}" in shown, shown
        assert [t for t in titles if t != titles[w] and f"— {t}" in shown] == [], shown
    assert "**Phase 2: SQL** (weeks 4-7)" in weeks[3]
    assert "`WHERE`, `ORDER BY`" in weeks[3]


SPANS = """
## Phase 1: Sheets (Weeks 1-4)

- Week 1: Formulas
- Week 2: Lookups
- Weeks 3-4: Pivot tables
  - Slicers

## Phase 2: Reports (Weeks 5-6)

- Charts
"""


async def test_a_week_item_of_two_weeks_is_both_weeks_work(load: Load) -> None:
    svc = load({"sheets": SPANS})
    await learning.start_learning(svc, caller(), "sheets")
    shown = [body(await today.today(svc, caller(days=7 * w))) for w in range(4)]
    assert ["Formulas" in s for s in shown] == [True, False, False, False]
    assert ["Pivot tables" in s for s in shown] == [False, False, True, True]


RESTARTED = """
## Phase 1: Sheets

1. Week 1 — Formulas
2. Week 2 — Lookups

## Phase 2: SQL

1. Week 1 — SELECT basics
2. Week 2 — Joins
"""


async def test_week_items_counted_from_each_phases_start_follow_the_phase_before(load: Load) -> None:
    svc = load({"sheets": RESTARTED})
    await learning.start_learning(svc, caller(), "sheets")
    shown = [body(await today.today(svc, caller(days=7 * w))) for w in range(4)]
    assert "**Phase 2: SQL** (weeks 3-4)" in shown[2]
    assert ["Joins" in s for s in shown] == [False, False, False, True]
