"""A code block written in a block quote ('> ```' ... '> ```'), as a learner sees it in the console's /phase: quoted
line by line, fences and all, as Discord shows a quote only on the lines that start with '> '."""

from __future__ import annotations

import io
from pathlib import Path

from bot.console import run_console
from tests.console.conftest import NOW
from tests.content.helpers import role_file

BODY = """
# Statistics

### Week 1: Correlation
> Output:
> ```
> r = 0.72
> ```
> a. Read the score.

### Week 2: Regression
- Fit a line
"""


async def test_a_quoted_code_block_shows_quoted_on_every_line(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "s.md").write_text(role_file("s", "Stats", BODY), encoding="utf-8")
    out = io.StringIO()

    code = await run_console(
        content, tmp_path / "db.sqlite3", "learner", NOW, io.StringIO("/start-learning role:s\n/phase\n"), out
    )

    shown = out.getvalue()
    assert code == 0
    assert "> ```\n> r = 0.72\n> ```" in shown
    assert "> a. Read the score." in shown


SECTION = """
# Kubernetes notes

## Write a manifest

Save it as pod.yaml.

> **Tip:** let kubectl write it for you:
> ```bash
> kubectl run hello --image=nginx --dry-run=client -o yaml
> ```
> and edit what it prints.
"""


async def test_a_deep_dive_shows_a_quoted_code_block_quoted_on_every_line(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "k.md").write_text(role_file("k", "Kube", SECTION), encoding="utf-8")
    out = io.StringIO()

    script = "/start-learning role:k\n/skill-deep-dive topic:manifest\n"
    code = await run_console(content, tmp_path / "db.sqlite3", "learner", NOW, io.StringIO(script), out)

    shown = out.getvalue()
    assert code == 0
    assert "> ```bash\n> kubectl run hello --image=nginx --dry-run=client -o yaml\n> ```" in shown
