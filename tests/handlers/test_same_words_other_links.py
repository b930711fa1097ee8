"""Items of the same words under one heading and one parent, told apart only by their links ('Implementation (C)'
linking to two sites under 'Quick sort code:'), show where each link goes in the places that show no links: the
`/checklist` menus, `/done`'s autocomplete and the reminder's menu ('Implementation (C) · cs.example.edu')."""

from __future__ import annotations

from bot.handlers import learning, progress
from tests.handlers.conftest import Load, caller, selects

SORTING = """
# Sorting

## Sorting

- [ ] Quick sort code:
    - [ ] [Implementation (C)](https://cs.example.edu/quick.c)
    - [ ] [Implementation (C)](https://github.com/someone/practice-c/quick_sort.c)
    - [ ] [Implementation (Python)](https://github.com/someone/practice-python/quick_sort.py)
- [ ] [Lecture](https://www.youtube.com/watch?v=a)
- [ ] [Lecture](https://www.youtube.com/watch?v=b)
"""


async def test_items_told_apart_by_their_links_say_where_each_goes(load: Load) -> None:
    svc = load({"sorting": SORTING})
    await learning.start_learning(svc, caller(), "sorting")

    [menu] = selects(await progress.checklist_view(svc, caller()))
    assert [o.label for o in menu.options] == [
        "Quick sort code:",
        "Implementation (C) · cs.example.edu",
        "Implementation (C) · github.com",
        "Implementation (Python)",
        "Lecture",  # both on one site: nothing to tell them apart by
        "Lecture",
    ]
    role = svc.content.index.roles["sorting"]
    typed = [label for label, _value in progress.item_choices([role], "implementation c")]
    assert sorted(typed[:2]) == ["Implementation (C) · cs.example.edu", "Implementation (C) · github.com"]
