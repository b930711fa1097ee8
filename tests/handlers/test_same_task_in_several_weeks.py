"""The same task written in several weeks ('- [ ] Push your code' at the end of each week) shows in /today's and the
weekly reminder's lists of open items named by where it is written, as their tick menu names them: never two
lines alike that say nothing of which week each is."""

from __future__ import annotations

from bot.handlers import learning, reminders, today
from tests.handlers.conftest import Load, caller, selects, text

SAME_TASK = """
## Week 1: Tooling

- Install the compiler

- [ ] Write the temperature converter
- [ ] Push your code

## Week 2: Types

- Structs and methods

- [ ] Write the word counter
- [ ] Push your code

## Week 3: Generics

- Type parameters

- [ ] Write a generic set
"""


async def test_overdue_items_alike_say_where_each_is_written(load: Load) -> None:
    svc = load({"gopher": SAME_TASK})
    await learning.start_learning(svc, caller(), "gopher")
    reply = await today.today(svc, caller(days=14))
    shown = text(reply)
    assert "⬜ Week 1: Tooling › Push your code" in shown
    assert "⬜ Week 2: Types › Push your code" in shown
    assert "⬜ Push your code\n" not in shown + "\n"
    assert "⬜ Write the word counter" in shown  # an item of its own words is named by them alone
    (menu,) = selects(reply)
    assert "Week 1: Tooling › Push your code" in [o.label for o in menu.options]
    reminder = text(await reminders.remind_preview(svc, caller(days=14)))
    assert "⬜ Week 2: Types › Push your code" in reminder
