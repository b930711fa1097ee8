"""/skill-deep-dive's answer from a path the learner does not follow offers their own path's match beside it: a day
of their plan about the topic is a click away, even when another path's card names the topic in its title."""

from __future__ import annotations

from bot.handlers import learning
from tests.content.test_schedule_and_card_titles import BOARD, DAYS
from tests.handlers.conftest import Load, caller, selects


async def test_another_paths_answer_offers_the_learners_own_match(load: Load) -> None:
    svc = load({"go": DAYS, "board": BOARD})
    await learning.start_learning(svc, caller(), "go")
    reply = await learning.skill_deep_dive(svc, caller(), "generics")
    assert reply.cards[0].title == "TypeScript generics"
    [menu] = selects(reply)
    assert [o.label for o in menu.options] == ["Phase 2: Week 2 (Jan 15 - Jan 21) › Friday"]


async def test_someone_on_no_path_gets_the_best_match_alone(load: Load) -> None:
    svc = load({"go": DAYS, "board": BOARD})
    reply = await learning.skill_deep_dive(svc, caller(user_id=77), "generics")
    assert reply.cards[0].title == "TypeScript generics"
    assert selects(reply) == []
