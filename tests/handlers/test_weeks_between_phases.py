"""What a learner is told in a week no phase of the plan covers (Phase 1 weeks 1-4, Phase 2 weeks 7-10): that the
week is in no phase, which phase comes next and when, and what is still open to catch up on."""

from __future__ import annotations

from bot import components
from bot.handlers import learning, today
from bot.render.limits import MAX_EMBED_TOTAL
from tests.handlers.conftest import Load, caller, text
from tests.replies import button

GAPPED = """
# Gapped Path

## Phase 1: Git (Weeks 1-4)
- Commits and branches
- [ ] Open a pull request

## Phase 2: Docker (Weeks 7-10)
- Images and containers
- [ ] Ship an image
"""


async def test_today_in_a_gap_week_says_it_is_in_no_phase_and_names_the_next_one(load: Load) -> None:
    svc = load({"gapped": GAPPED})
    await learning.start_learning(svc, caller(), "gapped")
    reply = await today.today(svc, caller(days=4 * 7 + 2))  # week 5
    shown = text(reply)
    assert reply.cards[0].title == "Today · Gapped · week 5 of 10"
    assert (
        "Weeks 5-6 are not part of any phase of the plan: catch up on what is still open, or get ahead on "
        "Phase 2: Docker, which starts in week 7 (2027-01-08)." in shown
    )
    assert "Open a pull request" in shown  # Phase 1's open item, to catch up on
    assert "Images and containers" not in shown and "Ship an image" not in shown  # Phase 2 has not started
    assert button(reply, "Next phase").custom_id == components.PHASE.id("gapped", 2, 0)
    assert sum(len(card.description or "") for card in reply.cards) < MAX_EMBED_TOTAL


async def test_today_in_the_next_phases_first_week_shows_that_phase(load: Load) -> None:
    svc = load({"gapped": GAPPED})
    await learning.start_learning(svc, caller(), "gapped")
    shown = text(await today.today(svc, caller(days=6 * 7)))  # week 7
    assert "Phase 2: Docker" in shown and "Images and containers" in shown
    assert "not part of any phase" not in shown


async def test_the_path_card_shows_the_gap_where_it_falls_and_phase_shows_the_next_phase(load: Load) -> None:
    svc = load({"gapped": GAPPED})
    await learning.start_learning(svc, caller(), "gapped")
    card = text(await learning.start_learning(svc, caller(days=5 * 7), "gapped"))  # week 6
    assert "Week 6 of 10 · no phase (Phase 2 starts in week 7)" in card
    assert "· **Phase 1: Git** · weeks 1-4\n  ▶ *No phase* · weeks 5-6\n  · **Phase 2: Docker** · weeks 7-10" in card
    assert "Weeks 5-6 are not part of any phase of the plan" in card
    phase = text(await learning.phase_view(svc, caller(days=5 * 7)))
    assert "Phase 2: Docker (weeks 7-10)" in phase
