"""Titles and task names that hold characters Discord reads as markdown ('## Week 2: A\\* search', a task
'Write `__init__` for the graph class') show as written wherever they are set in bold: the path at a glance,
/checklist's group names, the next step, /done's answer and /progress. An unescaped '*' or '__' would turn the rest
of the line italic or underlined, or break the bold around it."""

from __future__ import annotations

from bot.handlers import learning, progress, today
from tests.handlers.conftest import Load, caller, text

STARS = """
## Week 1: BFS and DFS

- Queues and stacks
- [ ] Write `__init__` for the graph class
- [ ] Solve the maze with BFS

## Week 2: A\\* search

- Heuristics
- [ ] Implement A\\* on a grid

## Checklist

### A\\* extras
- [ ] Read the original A\\* paper
"""


async def test_a_titles_star_shows_as_a_star(load: Load) -> None:
    svc = load({"search": STARS})
    started = text(await learning.start_learning(svc, caller(), "search"))
    assert "**Phase 2: A\\* search**" in started
    shown = text(await progress.checklist_view(svc, caller()))
    assert "**Week 2: A\\* search**" in shown
    assert "**A\\* extras**" in shown
    ticked = text(await progress.done(svc, caller(), "implement a* on a grid"))
    assert "(Search › Week 2: A\\* search)" in ticked
    later = text(await progress.progress(svc, caller(days=7)))
    assert "Phase 2: A\\* search" in later


async def test_a_next_steps_underscores_show_as_written(load: Load) -> None:
    svc = load({"search": STARS})
    await learning.start_learning(svc, caller(), "search")
    shown = text(await today.today(svc, caller()))
    assert "Work on **Write \\_\\_init\\_\\_ for the graph class**" in shown
