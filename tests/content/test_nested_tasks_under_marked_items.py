"""A task nested under a task that opens with a mark of its level or status ('- [ ] 🟡 Explain sessions', a
checklist's legend of coloured dots) names that task as its parent the way the task is shown, without the mark: the
checklist lists it right under its parent, never under an italic line that repeats the parent's words."""

from __future__ import annotations

from bot.present import tree_entries
from tests.content.helpers import parse_body

MARKED = """
## Foundations

**Legend:** 🟢 beginner · 🟡 intermediate · 🔴 advanced

- [ ] 🟢 Read a request with the browser's network tab
- [ ] 🟡 Compare sessions with signed tokens
  - [ ] forged signatures
  - [ ] revoking a token early
- [ ] 🔴 Break a weak token signature in a lab
"""


def test_a_nested_task_names_its_parent_as_shown():
    role = parse_body(MARKED)[0]
    by_text = {item.text: item for item in role.checklist}
    assert by_text["forged signatures"].parent == "Compare sessions with signed tokens"
    assert by_text["revoking a token early"].parent == "Compare sessions with signed tokens"
    assert by_text["Compare sessions with signed tokens"].text == "Compare sessions with signed tokens"


def test_the_checklist_shows_no_repeated_parent_line():
    role = parse_body(MARKED)[0]
    entries = tree_entries(role.checklist, lambda n, gap: f"{gap}{role.checklist[n].text}")
    shown = [line for line, _ in entries]
    assert not any(line.lstrip().startswith("*") for line in shown), shown
    assert len(shown) == len(role.checklist)
