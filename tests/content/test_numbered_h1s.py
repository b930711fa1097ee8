"""A file whose H1s are its parts ('# Day 1', '# Day 2', '# Day 3', as 30-day challenges write one file of days):
the first H1 is a day like the others, no title of the file, so a deep-dive on it shows what it holds and the
sections under it are placed under it."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from bot.console import run_console
from bot.content.search import SearchIndex
from tests.content.helpers import role_file, section_titled, written_role

DAYS = """
- [Day 1](#day-1)
- [Day 2](#day-2)
- [Day 3](#day-3)

# Day 1
## Welcome
Thirty days, an hour a day.
## Environment Setup
### Installing Go
Download the installer and run `go version`.

# Day 2
## Variables
Declare them with `var` or `:=`.

# Day 3
## Loops
Go has only `for`.
"""


async def test_a_deep_dive_on_the_first_day_shows_the_sections_under_it(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "go-days.md").write_text(role_file("go-days", body=DAYS), encoding="utf-8")
    out = io.StringIO()
    script = io.StringIO("/skill-deep-dive topic:day 1 role:go-days\n")
    now = datetime.fromisoformat("2026-11-27T10:00:00+00:00")

    code = await run_console(content, tmp_path / "db.sqlite3", "learner", now, script, out)

    shown = out.getvalue()
    assert code == 0
    assert "(This section has no text of its own.)" not in shown
    assert "Thirty days, an hour a day." in shown
    assert "Download the installer and run `go version`." in shown


def test_the_first_days_sections_are_placed_under_it_as_the_others_are() -> None:
    role = written_role("go-days", DAYS)
    assert role.trail(section_titled(role, "Installing Go").path) == ("Day 1", "Environment Setup", "Installing Go")
    assert role.trail(section_titled(role, "Loops").path) == ("Day 3", "Loops")
    hits = SearchIndex([role]).search("installing go")
    assert hits[0].section.title == "Installing Go"


def test_a_title_above_numbered_h1s_stays_the_files_title() -> None:
    role = written_role("go-days", "# 30 Days of Go\n" + DAYS)
    assert role.title == "30 Days of Go"
    assert role.trail(section_titled(role, "Loops").path) == ("Day 3", "Loops")


def test_a_title_with_a_number_keeps_it_beside_a_later_h1_of_another_number():
    role = written_role("py", "# Python 3 Developer Roadmap\n\nIntro.\n\n# Python 2 to 3 migration notes\n\n- print\n")
    assert role.title == "Python 3 Developer Roadmap"
