"""What a learner reads of a phase written in public roadmap shapes: /phase, /today and /start-learning's focus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.content.holder import ContentHolder
from bot.handlers import learning, today
from bot.services import Services
from bot.store import Store
from tests.content.helpers import role_file
from tests.handlers.conftest import NOW, caller, text

Load = Callable[..., Services]


@pytest.fixture
def load(tmp_path: Path, store: Store) -> Load:
    """Load role files given as {name: body} (and front-matter lines) into a fresh content folder."""

    def make(bodies: dict[str, str], extra: str = "") -> Services:
        folder = tmp_path / "content"
        folder.mkdir(exist_ok=True)
        for name, body in bodies.items():
            (folder / f"{name}.md").write_text(role_file(name, body=body, extra=extra), encoding="utf-8")
        holder = ContentHolder.load(folder, NOW)
        assert not holder.index.has_errors, [str(p) for p in holder.index.problems]
        return Services(holder, store)

    return make


def body(reply) -> str:
    return "\n".join(card.description or "" for card in reply.cards)


# ---------------------------------------------------------------- placeholder table cells

SCHEDULE = """
| Week | Topic | Lecture | Assignment |
|------|-------|---------|------------|
| 1 | Intro | [Lecture 1](https://example.com/l1) | HW1 |
| 2 | Midterm | — | Exam |
| 3 | Trees | n/a | - |
| 4 | Graphs | – | N/A |

## Notes
| Tool | Notes | Link |
|---|---|---|
| Git | – | [docs](https://git-scm.com/doc) |
"""


async def test_placeholder_cells_are_not_shown_as_details(load: Load) -> None:
    svc = load({"course": SCHEDULE})
    midterm = body(await learning.phase_view(svc, caller(), 2, role="course"))
    assert "Assignment: Exam" in midterm
    assert "Lecture" not in midterm and "—" not in midterm
    trees = body(await learning.phase_view(svc, caller(), 3, role="course"))
    assert "n/a" not in trees and "Assignment" not in trees and "Lecture" not in trees
    graphs = body(await learning.phase_view(svc, caller(), 4, role="course"))
    assert "N/A" not in graphs and "–" not in graphs
    notes = text(await learning.skill_deep_dive(svc, caller(), "git", role="course"))
    assert "Git — Link: [docs](https://git-scm.com/doc)" in notes
    assert "Notes: –" not in notes
