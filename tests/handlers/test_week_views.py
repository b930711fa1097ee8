"""What a learner reads of a week: week tables in a phase, lead-ins, overdue items, checklist-only phases."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.content.holder import ContentHolder
from bot.handlers import learning, today
from bot.services import Services
from bot.store import Store
from tests.content.helpers import role_file
from tests.handlers.conftest import NOW, caller, text

Load = Callable[..., Services]


@pytest.fixture
def load(tmp_path: Path, store: Store) -> Load:
    """Load role files given as {name: body} into a fresh content folder."""

    def make(bodies: dict[str, str]) -> Services:
        folder = tmp_path / "content"
        folder.mkdir(exist_ok=True)
        for name, written in bodies.items():
            (folder / f"{name}.md").write_text(role_file(name, body=written), encoding="utf-8")
        holder = ContentHolder.load(folder, NOW)
        assert not holder.index.has_errors, [str(p) for p in holder.index.problems]
        return Services(holder, store)

    return make


def body(reply) -> str:
    return "\n".join(card.description or "" for card in reply.cards)


WEEKS_IN_PHASE = """
## Phase 1: Sheets (Weeks 1-3)

| Week | Topic |
|------|-------|
| 1 | Formulas |
| 2 | Lookups |
| 3 | Pivot tables |

> 💡 **Tip:** keep a learning log.

## Phase 2: Reports (Weeks 4-5)

| Week | Topic |
|------|-------|
| 4 | Charts |
| 5 | Dashboards |
"""


async def test_a_week_table_in_a_phase_gives_each_week_its_own_row(load: Load) -> None:
    svc = load({"sheets": WEEKS_IN_PHASE})
    await learning.start_learning(svc, caller(), "sheets")
    weeks = [body(await today.today(svc, caller(days=7 * w))) for w in range(5)]
    for shown, (topic, *others) in zip(
        weeks,
        [
            ("Formulas", "Lookups", "Pivot"),
            ("Lookups", "Formulas", "Pivot"),
            ("Pivot tables", "Formulas", "Lookups"),
            ("Charts", "Dashboards"),
            ("Dashboards", "Charts"),
        ],
        strict=True,
    ):
        assert f"- {topic}\n" in shown + "\n" and not [o for o in others if o in shown], shown
        assert "Week:" not in shown  # the week goes without saying
    assert "**💡 Tip:** keep a learning log." in weeks[2]
    whole = body(await learning.phase_view(svc, caller(), 1, role="sheets"))
    assert "- Formulas — Week: 1\n- Lookups — Week: 2" in whole  # the whole phase still says which week


async def test_a_week_question_answers_with_that_weeks_row(load: Load) -> None:
    svc = load({"sheets": WEEKS_IN_PHASE})
    await learning.start_learning(svc, caller(), "sheets")
    shown = text(await learning.skill_deep_dive(svc, caller(), "week 2"))
    assert "- Lookups" in shown and "Formulas" not in shown and "Pivot" not in shown
