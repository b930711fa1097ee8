"""A week's share of a phase as /today, the reminder and a day question show it: a plan written in days takes its
weeks from its day labels, a part's resources show in that part's weeks, and an objective is said once."""

from __future__ import annotations

from datetime import timedelta

from bot.handlers import learning, today
from bot.reminders.compose import compose_user
from tests.handlers.conftest import NOW, Load, caller, selects, text

DAYS = "days-log"
DAYS_BODY = """
# 100 Days of Code

## Day 1 - 10: Python Basics

Getting set up and learning the core syntax.

- [x] **Day 1:** Installed Python
- [x] **Day 2:** Variables and strings
- [x] **Day 3:** Lists and tuples
- [x] **Day 4:** Loops
- [x] **Day 5:** Dictionaries
- [x] **Day 6:** Functions
- [x] **Day 7:** FizzBuzz three ways
- [x] **Day 8:** Reading and writing files
- [x] **Day 9:** Exceptions
- [x] **Day 10:** Number guessing game

## Days 11–20: Going Deeper

- [ ] **Day 11:** Comprehensions
- [ ] **Day 12:** Modules
- [ ] **Day 13:** Virtual environments
- [ ] **Day 14:** Classes
- [ ] **Day 15:** Inheritance
- [ ] **Day 16:** Generators
- [ ] **Day 17:** Decorators
- [ ] **Day 18:** datetime and pathlib
- [ ] **Day 19:** Regular expressions
- [ ] **Day 20:** A todo app
"""


def _week_of(shown: str) -> str:
    """The week's part of a /today or reminder text: from the phase heading to the fields under it."""
    week = shown.split("**Phase", 1)[1]
    return min((week.split(field, 1)[0] for field in ("\nOpen items in this phase", "\nNext step")), key=len)


async def test_a_plan_of_days_shows_each_week_its_own_days(load: Load) -> None:
    svc = load({DAYS: DAYS_BODY})
    await learning.start_learning(svc, caller(), DAYS)
    first = _week_of(text(await today.today(svc, caller())))
    assert "⬜ **Day 1:** Installed Python" in first and "⬜ **Day 7:** FizzBuzz three ways" in first
    assert "Day 8:" not in first
    reply = await today.today(svc, caller(days=7))
    second = _week_of(text(reply))
    assert "Part 2 of 2 of this phase\n" in second and "practice week" not in second
    assert "⬜ **Day 8:** Reading and writing files" in second and "⬜ **Day 10:** Number guessing game" in second
    assert "Day 1:" not in second and "Day 7:" not in second
    # The week's own days come first in its next step and its tick menu; the earlier ones still open follow.
    assert "Work on **Day 8: Reading and writing files**" in text(reply)
    assert [o.label for o in selects(reply)[0].options][:3] == [
        "Day 8: Reading and writing files",
        "Day 9: Exceptions",
        "Day 10: Number guessing game",
    ]


async def test_a_plan_of_days_as_bullets_follows_its_days_too(load: Load) -> None:
    body = """
# Days

## Days 1-10: Basics

- Day 1: Install Python
- Day 2: Variables
- Day 3: Lists
- Day 4: Loops
- Day 5: Dictionaries
- Day 6: Functions
- Day 7: FizzBuzz
- Day 8: Files
- Day 9: Exceptions
- Day 10: A game
"""
    svc = load({DAYS: body})
    await learning.start_learning(svc, caller(), DAYS)
    first = _week_of(text(await today.today(svc, caller())))
    assert "- Day 7: FizzBuzz" in first and "Day 8" not in first
    second = _week_of(text(await today.today(svc, caller(days=7))))
    assert "- Day 8: Files" in second and "- Day 10: A game" in second and "Day 7" not in second


async def test_the_reminder_gives_the_weeks_own_days(load: Load) -> None:
    svc = load({DAYS: DAYS_BODY})
    await learning.start_learning(svc, caller(), DAYS)
    composed = await compose_user(svc, caller().user_id, NOW + timedelta(days=7 + 3))
    assert composed.reply is not None
    shown = _week_of(text(composed.reply))
    assert "Day 9:** Exceptions" in shown and "Day 2:" not in shown


async def test_a_day_question_shows_that_days_items(load: Load) -> None:
    svc = load({DAYS: DAYS_BODY})
    await learning.start_learning(svc, caller(), DAYS)
    shown = text(await learning.skill_deep_dive(svc, caller(), "day 17"))
    assert "Day 17 of Days Log at your pace is in Phase 2: Going Deeper" in shown
    assert "⬜ **Day 17:** Decorators" in shown
    assert "Day 11:" not in shown and "Day 16:" not in shown and "more in" not in shown
    shown = text(await learning.skill_deep_dive(svc, caller(), "day 9"))
    assert "⬜ **Day 9:** Exceptions" in shown and "Day 8:" not in shown and "Day 10:" not in shown


async def test_a_plan_of_tasks_without_days_is_its_checklist_still(load: Load) -> None:
    body = """
# Tasks

## Phase 1: Tasks (Weeks 1-2)

- [ ] Build a CLI
- [ ] Write its tests
- [ ] Day 3 of the course: a README
"""
    svc = load({DAYS: body})
    await learning.start_learning(svc, caller(), DAYS)
    shown = text(await today.today(svc, caller(days=7)))
    assert "This phase is its checklist: work on its open items." in shown
    assert "Work on **Build a CLI**" in shown
