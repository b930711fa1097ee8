"""The console on a PostgreSQL URL behaves as on a SQLite file: the same journey prints the same replies."""

from __future__ import annotations

import io
import re
from pathlib import Path

from bot.console import run_console
from tests.console.conftest import CONTENT_DIR, NOW
from tests.store.conftest import postgres_database

# A learner's first weeks, a second learner, weekly reminders sent as the clock moves, a study group.
JOURNEY = """
/start-learning role:backend-engineer
/done item:Use git professionally proof:https://github.com/me/repo
/progress
/today
:tick 7d
/checklist
:user bob
/start-learning role:data-engineer pace:full_time_accelerated
/remind set day:wednesday time:18:30
/group create name:Night Owls role:backend-engineer channel:42
/group join name:night owls
:tick 10d
/progress
:user alice
/group join name:Night Owls
/progress
:tick 7d
/my-data export
"""


def normalized(text: str) -> list[tuple[str, list[str]]]:
    """Each input line with what it printed; reminders due at the same instant in sorted order.

    Reminders due at once go out concurrently, so their order may differ from run to run; random nonces are
    blanked out.
    """
    text = re.sub(r"\b[0-9a-f]{25}\b", "<nonce>", text)
    steps: list[tuple[str, list[str]]] = []
    for chunk in re.split(r"^(?=> )", text, flags=re.MULTILINE):
        command, _, printed = chunk.partition("\n")
        # The clock line closes a tick's output, after whichever reminder happened to go out last.
        blocks = re.split(r"^(?=reminder to |\(it is now )", printed, flags=re.MULTILINE)
        blocks = [block.rstrip("\n") for block in blocks]
        steps.append((command, sorted(blocks)))
    return steps


async def journey(target: Path | str) -> list[tuple[str, list[str]]]:
    stdout = io.StringIO()
    assert await run_console(CONTENT_DIR, target, "alice", NOW, io.StringIO(JOURNEY), stdout) == 0
    return normalized(stdout.getvalue())


async def test_the_journey_reads_the_same_on_postgres_as_on_sqlite(tmp_path: Path) -> None:
    on_sqlite = await journey(tmp_path / "console.sqlite3")
    async with postgres_database() as url:
        on_postgres = await journey(url)
    printed = str(on_sqlite)
    assert "Welcome aboard!" in printed
    assert "Something went wrong" not in printed
    assert "❌" not in printed
    assert printed.count("reminder to alice") >= 3
    assert "reminder to bob" in printed
    assert "reminder to Night Owls" in printed
    assert on_postgres == on_sqlite
