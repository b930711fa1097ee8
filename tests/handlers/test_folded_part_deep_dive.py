"""/skill-deep-dive on a part of a phase folded in a `<details>` block shows what the block holds, not the phase's
tasks written after its `</details>`, and /checklist groups those tasks under the phase."""

from __future__ import annotations

from bot.handlers import learning, progress
from tests.content.helpers import PHASE_WITH_A_FOLDED_PART as FOLDED
from tests.handlers.conftest import Load, body, caller


async def test_a_folded_parts_deep_dive_ends_with_its_block(load: Load) -> None:
    svc = load({"storage": FOLDED})
    shown = body(await learning.skill_deep_dive(svc, caller(), "extra credit", role="storage"))
    assert "- Write a B-tree of your own\n- Add range scans" in shown
    assert "Survive a crash" not in shown


async def test_the_tasks_after_the_block_are_the_phases(load: Load) -> None:
    svc = load({"storage": FOLDED})
    await learning.start_learning(svc, caller(), "storage")
    shown = body(await progress.checklist_view(svc, caller()))
    assert "**Phase 1: Storage engines**\n⬜ Survive a crash without losing acknowledged writes" in shown
    assert "Extra credit" not in shown
