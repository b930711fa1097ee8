"""/skill-deep-dive names a bold label written under every week or day by its week or day: the answer's title and the
menu of other matches tell them apart ('Phase 2: JavaScript › Learn', not five 'Learn')."""

from __future__ import annotations

from bot.handlers import learning
from tests.content.test_repeated_labels import LOG, WEEKS
from tests.handlers.conftest import Load, caller, selects


async def test_the_answer_names_the_day_its_label_is_under(load: Load) -> None:
    svc = load({"log": LOG})
    reply = await learning.skill_deep_dive(svc, caller(), "logistic regression")
    assert reply.cards[0].title == "Day 7: Jan 15 › Today's Progress"


async def test_the_menu_lists_each_weeks_label_once_by_its_week(load: Load) -> None:
    svc = load({"weeks": WEEKS})
    reply = await learning.skill_deep_dive(svc, caller(), "build")
    [menu] = selects(reply)
    shown = [reply.cards[0].title, *(o.label for o in menu.options)]
    assert {"Phase 1: HTML and CSS › Build", "Phase 2: JavaScript › Build"} <= set(shown)
    assert len(shown) == len(set(shown))
    # where it is: its heading, and not its label again
    assert {o.description for o in menu.options if o.label.endswith(" › Build")} <= {
        "Weeks · Week 1: HTML and CSS",
        "Weeks · Weeks 2-3: JavaScript",
    }
