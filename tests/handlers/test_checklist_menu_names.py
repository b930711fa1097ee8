"""The names of a /checklist menu and of its options: their group as the learner reads it."""

from __future__ import annotations

from bot.handlers import learning, progress
from tests.handlers.conftest import Load, caller, text

COLON_HEADINGS = """
## Week 1: Tools (Week 1)

### Before you start:
- [ ] Install the editor
- [ ] Make a repository

## Week 2: Routine (Week 2)

### Habits：
- [ ] Commit each evening

### Reading:
- [ ] One chapter a day
"""


async def test_a_group_heading_that_ends_in_a_colon_names_its_menu_once(load: Load) -> None:
    svc = load({"tools": COLON_HEADINGS})
    await learning.start_learning(svc, caller(), "tools")
    shown = text(await progress.checklist_view(svc, caller()))
    assert "Select Before you start: tick what you've done" in shown
    assert "Commit each evening - Habits\n" in shown
    assert "One chapter a day - Reading" in shown
    assert ":: tick" not in shown and "：\n" not in shown
