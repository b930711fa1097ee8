"""/today and the weekly reminder keep nested task lists nested, name a nested item's parent in their tick menus,
and give a phase's resources every week of it, not only in the week its slice reaches them."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.today import Reference, Resource
from bot.handlers import learning, progress, today
from bot.present import reference_line
from bot.reminders.compose import compose_user
from bot.render import Reply
from bot.render.limits import MAX_EMBED_TOTAL
from bot.services import Services
from tests.handlers.conftest import NOW, Load, caller, selects, text

ROLE = "ml-plan"
EM = "\u2003"
BODY = """
# ML Plan

## Phase 1: Math and Python (Weeks 1-4)

**Objective:** Be fluent with NumPy.

#### Resources

- [Mathematics for Machine Learning](https://mml-book.github.io/) — chapters 2-6
- [3Blue1Brown: Essence of linear algebra](https://www.3blue1brown.com/topics/linear-algebra)
- [NumPy user guide](https://numpy.org/doc/stable/user/)

#### Project

Implement linear regression from scratch with NumPy.

- [ ] Linear regression from scratch
  - [ ] Data
    - [ ] Load the California housing data
    - [ ] Standardise the features
  - [ ] Model
    - [ ] Closed-form solution
  - [ ] Compare with scikit-learn

#### Checkpoint

- [ ] I can explain eigenvectors without notes
- [ ] I can derive the gradient of mean squared error

## Phase 2: Classical ML (Weeks 5-8)

**Objective:** Train classical models.

#### Project

- [ ] Churn prediction
  - [ ] Exploration
  - [ ] Modelling

#### Checkpoint

- [ ] I can explain the bias-variance trade-off

#### Resources

- [An Introduction to Statistical Learning](https://www.statlearning.com/)
"""


def _services(load: Load) -> Services:
    return load({ROLE: BODY})


def _options(reply: Reply) -> list[tuple[str, str | None]]:
    return [(o.label, o.description) for menu in selects(reply) for o in menu.options]


async def _reminder(svc: Services, days: int) -> Reply:
    composed = await compose_user(svc, 101, NOW + timedelta(days=days))
    assert composed.reply is not None
    return composed.reply


def _week_of(shown: str) -> str:
    """The week's part of a /today or reminder text: from the phase heading to the fields under it."""
    return shown.split("**Phase", 1)[1]


async def test_today_keeps_a_task_tree_nested_where_the_week_shows_it(load: Load) -> None:
    svc = _services(load)
    await learning.start_learning(svc, caller(), ROLE)
    shown = text(await today.today(svc, caller(days=14)))  # week 3: the project, its tree as written
    tree = (
        "⬜ Linear regression from scratch\n"
        f"{EM}⬜ Data\n"
        f"{EM}{EM}⬜ Load the California housing data\n"
        f"{EM}{EM}⬜ Standardise the features\n"
        f"{EM}⬜ Model\n"
        f"{EM}{EM}⬜ Closed-form solution\n"
        f"{EM}⬜ Compare with scikit-learn"
    )
    assert tree in shown


async def test_open_items_list_keeps_nesting_and_names_a_parent_it_does_not_list(load: Load) -> None:
    svc = _services(load)
    await learning.start_learning(svc, caller(), ROLE)
    await progress.done(svc, caller(), "Linear regression from scratch")
    await progress.done(svc, caller(), "Load the California housing data")
    shown = text(await today.today(svc, caller(days=7)))  # week 2: the checkpoint, the project's items below
    listed = shown.split("Open items in this phase:\n", 1)[1]
    assert listed.startswith(
        "  *Linear regression from scratch*\n"
        f"  {EM}⬜ Data\n"
        f"  {EM}{EM}⬜ Standardise the features\n"
        f"  {EM}⬜ Model\n"
        f"  {EM}{EM}⬜ Closed-form solution\n"
        f"  {EM}⬜ Compare with scikit-learn\n"
    ), listed


async def test_today_menu_options_name_the_parent_of_a_nested_item(load: Load) -> None:
    svc = _services(load)
    await learning.start_learning(svc, caller(), ROLE)
    options = _options(await today.today(svc, caller()))
    assert options == [
        ("Linear regression from scratch", None),
        ("Data", "Linear regression from scratch"),
        ("Load the California housing data", "Data"),
        ("Standardise the features", "Data"),
        ("Model", "Linear regression from scratch"),
    ]


async def test_overdue_nested_items_say_both_in_the_menu(load: Load) -> None:
    svc = _services(load)
    await learning.start_learning(svc, caller(), ROLE)
    await progress.done(svc, caller(), "Linear regression from scratch")
    options = _options(await today.today(svc, caller(days=28)))  # phase 2: phase 1's items are overdue
    assert options[0] == ("Data", "overdue · Linear regression from scratch")
    assert options[1] == ("Load the California housing data", "overdue · Data")


async def test_the_reminder_keeps_nesting_and_menu_parents(load: Load) -> None:
    svc = _services(load)
    await learning.start_learning(svc, caller(), ROLE)
    reply = await _reminder(svc, 7 * 2 + 3)  # a Monday of week 3
    shown = text(reply)
    assert f"{EM}⬜ Data\n{EM}{EM}⬜ Load the California housing data" in shown
    assert ("Data", "Linear regression from scratch") in _options(reply)
    assert reply.cards[0].length <= MAX_EMBED_TOTAL


async def test_the_welcome_lists_nested_first_items_nested(load: Load) -> None:
    svc = load(
        {
            ROLE: """
# Tasks

## Phase 1: Tasks (Weeks 1-2)

- [ ] Build a CLI
  - [ ] Parse arguments
  - [ ] Print help
"""
        }
    )
    shown = text(await learning.start_learning(svc, caller(), ROLE))
    assert f"  ⬜ Build a CLI\n  {EM}⬜ Parse arguments\n  {EM}⬜ Print help" in shown


async def test_a_phases_resources_show_every_week_of_it(load: Load) -> None:
    svc = _services(load)
    await learning.start_learning(svc, caller(), ROLE)
    mml = "[Mathematics for Machine Learning](https://mml-book.github.io/)"
    numpy = "[NumPy user guide](https://numpy.org/doc/stable/user/)"
    weeks = [_week_of(text(await today.today(svc, caller(days=7 * (week - 1))))) for week in range(1, 5)]
    # Its project and checkpoint are fewer than its four weeks: the reading is the first weeks' work, and every
    # later week names the whole list once.
    assert mml in weeks[0] and "continues next week" in weeks[0]
    assert numpy in weeks[1]
    for week, shown in enumerate(weeks[2:], start=3):
        assert shown.count(mml) == 1 and numpy in shown, (week, shown)
        assert "for the whole phase" in shown, week
    # Phase 2 writes its resources last: they are there in its first week too.
    shown = _week_of(text(await today.today(svc, caller(days=28))))
    assert "[An Introduction to Statistical Learning](https://www.statlearning.com/)" in shown
    assert "Part 1 of 4 of this phase" in shown


async def test_a_reminder_gives_the_phases_resources(load: Load) -> None:
    svc = _services(load)
    await learning.start_learning(svc, caller(), ROLE)
    shown = text(await _reminder(svc, 7 * 2 + 3))
    assert "[Mathematics for Machine Learning](https://mml-book.github.io/)" in shown


def test_a_long_resources_list_gives_its_first_links_and_counts_the_rest() -> None:
    links = tuple(Resource(f"Book {n}", f"https://example.com/{n}") for n in range(1, 7))
    line = reference_line(Reference("Further reading:", links))
    assert line.startswith("**Further reading** for the whole phase: [Book 1](https://example.com/1) · ")
    assert line.endswith("[Book 4](https://example.com/4) · …and 2 more in `/phase`")
    assert reference_line(Reference("Resources", ())) == "**Resources** for the whole phase: in `/phase`"
