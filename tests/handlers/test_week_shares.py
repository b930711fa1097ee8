"""A week's share of a phase as /today, the reminder and a day question show it: a plan written in days takes its
weeks from its day labels, a part's resources show in that part's weeks, and an objective is said once."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.today import Reference, Resource
from bot.handlers import learning, today
from bot.present import reference_line
from bot.reminders.compose import compose_user
from bot.services import Services
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


YEAR = "ml-year"
YEAR_BODY = """
# ML in a Year

## Q1

Foundations: Python, math and classic ML.

### Month 1: Python for Data Work

- NumPy arrays
- pandas DataFrames
- Plotting
- Jupyter notebooks

**Resources**
- [Python for Data Analysis](https://wesmckinney.com/book/)
- [Kaggle Learn: Pandas](https://www.kaggle.com/learn/pandas)

### Month 2: Math You Actually Need

- Linear algebra
- Calculus
- Probability

**Resources**
- [Essence of Linear Algebra](https://www.3blue1brown.com/topics/linear-algebra)

### Month 3: Classic Machine Learning

- Supervised learning
- Unsupervised learning
- Model evaluation
- Feature engineering

**Resources**
- [scikit-learn user guide](https://scikit-learn.org/stable/user_guide.html)

## Q2

Deep learning.

### Month 4: Neural Networks

- Backpropagation
"""


async def test_a_parts_resources_show_in_that_parts_weeks_only(load: Load) -> None:
    svc = load({YEAR: YEAR_BODY})
    await learning.start_learning(svc, caller(), YEAR)
    pandas = "[Python for Data Analysis](https://wesmckinney.com/book/)"
    algebra = "[Essence of Linear Algebra](https://www.3blue1brown.com/topics/linear-algebra)"
    sklearn = "[scikit-learn user guide](https://scikit-learn.org/stable/user_guide.html)"
    first = _week_of(text(await today.today(svc, caller())))
    assert first.count(pandas) == 1
    assert f"**Resources** for *Month 1: Python for Data Work*: {pandas}" in first
    assert algebra not in first and sklearn not in first and "for the whole phase" not in first
    fifth = _week_of(text(await today.today(svc, caller(days=28))))
    assert f"**Resources** for *Month 2: Math You Actually Need*: {algebra}" in fifth
    assert pandas not in fifth and sklearn not in fifth


async def test_resources_written_for_the_whole_phase_show_every_week(load: Load) -> None:
    body = YEAR_BODY.replace(
        "Foundations: Python, math and classic ML.", "**Resources**\n- [MML](https://mml-book.github.io/)"
    )
    svc = load({YEAR: body})
    await learning.start_learning(svc, caller(), YEAR)
    # Week 1 has it as its first part (the phase has fewer topics than weeks); every later week ends with it.
    assert "**Resources:**\n- [MML](https://mml-book.github.io/)" in _week_of(text(await today.today(svc, caller())))
    for days in (7, 35, 70):
        shown = _week_of(text(await today.today(svc, caller(days=days))))
        assert "**Resources** for the whole phase: [MML](https://mml-book.github.io/)" in shown, days


def test_a_parts_resources_line_names_the_part() -> None:
    line = reference_line(Reference("Resources", (Resource("MML", "https://mml-book.github.io/"),), "Month 2:"))
    assert line == "**Resources** for *Month 2*: [MML](https://mml-book.github.io/)"


async def test_resources_as_sub_headings_under_each_part_are_that_parts(load: Load) -> None:
    body = YEAR_BODY.replace("**Resources**", "#### Resources")
    svc = load({YEAR: body})
    await learning.start_learning(svc, caller(), YEAR)
    first = _week_of(text(await today.today(svc, caller())))
    assert "**Resources** for *Month 1: Python for Data Work*:" in first
    assert "3blue1brown" not in first and "scikit-learn" not in first


async def test_a_single_resources_sub_heading_after_the_parts_is_the_phases(load: Load) -> None:
    body = YEAR_BODY.replace("**Resources**\n- [Python", "- [Python").replace("**Resources**\n- [Essence", "- [Essence")
    body = body.replace("**Resources**\n- [scikit", "### Resources\n- [scikit")
    svc = load({YEAR: body})
    await learning.start_learning(svc, caller(), YEAR)
    first = _week_of(text(await today.today(svc, caller())))
    assert "**Resources** for the whole phase: [scikit-learn user guide]" in first


OBJECTIVE = "prose-plan"


async def test_an_objective_taken_from_the_phases_prose_is_said_once(load: Load) -> None:
    body = """
# Plan

## Phase 1: Basics (Weeks 1-2)

Getting set up and learning the core syntax. Take it slowly.

- [ ] Install Python
- [ ] Write hello world

## Phase 2: More (Weeks 3-4)

Only prose here. Nothing else.
"""
    svc = load({OBJECTIVE: body})
    await learning.start_learning(svc, caller(), OBJECTIVE)
    for days in (0, 7):
        shown = text(await today.today(svc, caller(days=days)))
        assert shown.count("Getting set up and learning the core syntax.") == 1, days
        assert "Take it slowly." in shown
    shown = text(await today.today(svc, caller(days=14)))
    assert shown.count("Only prose here.") == 1 and "Nothing else." in shown
    composed = await compose_user(svc, caller().user_id, NOW + timedelta(days=3))
    assert composed.reply is not None
    assert text(composed.reply).count("Getting set up and learning the core syntax.") == 1
    phase = text(await learning.phase_view(svc, caller(), 1))
    assert phase.count("Getting set up and learning the core syntax.") == 1


async def test_an_objective_that_is_all_the_prose_leaves_the_checklist(load: Load) -> None:
    body = """
# Plan

## Phase 1: Basics (Weeks 1-2)

Getting set up.

- [ ] Install Python
- [ ] Write hello world
"""
    svc: Services = load({OBJECTIVE: body})
    await learning.start_learning(svc, caller(), OBJECTIVE)
    shown = text(await today.today(svc, caller()))
    assert shown.count("Getting set up.") == 1
    assert "This phase is its checklist: work on its open items." in shown


async def test_reference_sub_headings_after_the_last_part_are_the_whole_phases(load: Load) -> None:
    body = """
# Web

## Phase 1: Web (Weeks 1-3)

### Week 1: HTML
- Tags

### Week 2: CSS
- Selectors

### Week 3: JS
- Functions

### Resources
- [MDN](https://developer.mozilla.org/)

### Further reading
- [Eloquent JS](https://eloquentjavascript.net/)
"""
    svc = load({YEAR: body})
    await learning.start_learning(svc, caller(), YEAR)
    for days in (0, 7, 14):
        shown = _week_of(text(await today.today(svc, caller(days=days))))
        assert "**Resources** for the whole phase: [MDN](https://developer.mozilla.org/)" in shown, days
        assert "**Further reading** for the whole phase: [Eloquent JS](https://eloquentjavascript.net/)" in shown, days
