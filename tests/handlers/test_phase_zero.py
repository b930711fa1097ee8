"""A plan that starts at Phase 0 ('## Level 0', '## Phase 0: Prerequisites'): what /phase, /today, /progress,
/skill-deep-dive and the weekly reminder show of its first phase."""

from __future__ import annotations

import pytest

from bot.handlers import learning, progress, reminders, today
from bot.services import UserError
from tests.handlers.conftest import Load, body, caller, text

LADDER = """
# The Rust Skill Ladder

## Phase 0: Never written Rust (Weeks 1-4)

You know another language and want to try Rust.

- Install with rustup
- Editor setup: rust-analyzer
- `cargo new`, `cargo run`

**Checklist**
- [ ] Installed the toolchain and ran hello world
- [ ] Ran clippy and fmt on it

## Phase 1: Syntax tourist (Weeks 5-8)

You can read simple Rust.

- Structs and enums

**Checklist**
- [ ] Finished the guessing game
- [ ] Solved ten exercises
- [ ] Read chapter six
- [ ] Wrote a CLI tool
"""

ONE_BASED = """
## Phase 1: Basics (Weeks 1-2)
- [ ] Write a loop

## Phase 2: More (Weeks 3-4)
- [ ] Write a class
"""


async def test_phase_zero_shows_its_checklist(load: Load) -> None:
    svc = load({"rust": LADDER})
    await learning.start_learning(svc, caller(), "rust")
    for reply in (await learning.phase_view(svc, caller()), await learning.phase_view(svc, caller(), 0)):
        shown = body(reply)
        assert reply.cards[0].title == "Phase 0: Never written Rust (weeks 1-4)"
        assert "**Checklist:**\n⬜ Installed the toolchain and ran hello world\n⬜ Ran clippy and fmt on it" in shown
        assert "Finished the guessing game" not in shown


async def test_phase_zero_of_a_path_that_has_none_is_a_clear_error(load: Load) -> None:
    svc = load({"basics": ONE_BASED})
    with pytest.raises(UserError, match=r"Basics has no phase 0\. Its phases are 1, 2\."):
        await learning.phase_view(svc, caller(), 0, role="basics")


async def test_today_in_phase_zero_lists_its_open_items_and_a_tick_menu(load: Load) -> None:
    svc = load({"rust": LADDER})
    await learning.start_learning(svc, caller(), "rust")
    shown = text(await today.today(svc, caller()))
    assert "**Phase 0: Never written Rust** (weeks 1-4)" in shown
    assert "Open items in this phase:\n  ⬜ Installed the toolchain and ran hello world" in shown
    assert "Next step: Work on **Installed the toolchain and ran hello world**" in shown
    assert "tick what you've done (choose 1-2)" in shown
    preview = text(await reminders.remind_preview(svc, caller()))
    assert "⬜ Installed the toolchain and ran hello world" in preview
    assert "Finished the guessing game" not in preview


async def test_a_week_of_phase_zero_asked_for_shows_its_phase(load: Load) -> None:
    svc = load({"rust": LADDER})
    await learning.start_learning(svc, caller(), "rust")
    reply = await learning.skill_deep_dive(svc, caller(), "week 3")
    shown = text(reply)
    assert "Part 3 of 4 of this phase" in shown
    assert reply.cards[0].footer == "Rust · Phase 0 · weeks 1-4"
    assert "[Whole phase]" in shown
    asked = await learning.skill_deep_dive(svc, caller(), "phase 0")
    assert asked.cards[0].footer == "Rust · Phase 0 · weeks 1-4"
    assert "⬜ Ran clippy and fmt on it" in body(asked)


async def test_pace_counts_phase_zeros_items_in_its_own_weeks(load: Load) -> None:
    svc = load({"rust": LADDER})
    await learning.start_learning(svc, caller(), "rust")
    await progress.done(svc, caller(days=14), "Installed the toolchain")
    # Week 3: phase 0's first item fell due at week 2, its second is due at week 4.
    assert "Pace: on track" in text(await progress.progress(svc, caller(days=14)))


WEEK_ZERO = """
## Week 0: Setup
- Install the editor
- [ ] Installed the editor

## Week 1: Variables
- [ ] Wrote a script
"""


async def test_a_plan_from_week_zero_shows_it_in_the_learners_first_week(load: Load) -> None:
    svc = load({"py": WEEK_ZERO})
    await learning.start_learning(svc, caller(), "py")
    shown = text(await today.today(svc, caller()))
    assert "Today · Py · week 1 of 2" in shown
    assert "**Phase 0: Setup** (week 1)" in shown
    assert "⬜ Installed the editor" in shown
    assert "**Phase 1: Variables** (week 2)" in text(await today.today(svc, caller(days=7)))
