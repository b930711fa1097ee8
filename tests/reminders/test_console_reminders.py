"""The console's clock: `:tick`, its output, bad input, and the catch-up when it starts on an older database."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.console import Console, run_console
from bot.content.loader import ContentIndex
from bot.services import Services
from tests.reminders.conftest import CONTENT_DIR, NOW, ROOT

SETUP = (
    "/start-learning role:backend-engineer",
    "/remind set day:monday time:09:00 timezone:Europe/Berlin",
)


@pytest.fixture
def console(svc: Services) -> Console:
    return Console(svc, "alice", NOW)


async def lines(console: Console, *inputs: str) -> list[str]:
    return [await console.handle_line(line) for line in inputs]


async def test_tick_prints_each_reminder_headed_with_its_local_time(console: Console) -> None:
    *_, out = await lines(console, *SETUP, ":tick 7d")
    assert out.startswith("reminder to alice at 2026-11-30T09:00:00+01:00\nWeek 1 of 36 · Phase 1 (weeks 1-4)")
    assert out.endswith("\n\n(it is now 2026-12-04T10:00:00+00:00)")
    assert out.count("reminder to ") == 1
    # Several at once, in order; summer time in Berlin from March on.
    out = await console.handle_line(":tick 126d")
    heads = [line for line in out.splitlines() if line.startswith("reminder to ")]
    assert heads[0] == "reminder to alice at 2026-12-07T09:00:00+01:00"
    assert "reminder to alice at 2027-03-22T09:00:00+01:00" in heads
    assert "reminder to alice at 2027-03-29T09:00:00+02:00" in heads
    assert len(heads) == 18
    assert out.endswith("(it is now 2027-04-09T10:00:00+00:00)")


async def test_tick_units_add_up(console: Console) -> None:
    await lines(console, *SETUP)
    assert await console.handle_line(":tick 1d12h30m") == "(it is now 2026-11-28T22:30:00+00:00)"
    out = await console.handle_line(":tick 36h")
    assert out.startswith("reminder to alice at 2026-11-30T09:00:00+01:00\n")
    assert out.endswith("(it is now 2026-11-30T10:30:00+00:00)")
    assert console.fixed_now == datetime(2026, 11, 30, 10, 30, tzinfo=UTC)
    assert await console.handle_line(":tick 90m") == "(it is now 2026-11-30T12:00:00+00:00)"


async def test_group_posts_are_headed_with_the_group_name(console: Console) -> None:
    *_, out = await lines(
        console,
        "/group create name:Night Owls role:backend-engineer channel:#study time:21:00 timezone:America/New_York",
        "/group join name:Night Owls",
        ":tick 4d",
    )
    assert "reminder to Night Owls at 2026-11-30T21:00:00-05:00\nNight Owls · Week 1 of 36" in out
    assert (
        "Board · the past week:\n  Nobody who shows their progress ticked an item in the past week.\n  0 of 1 member ticked all"
        in out
    )
    # alice enrolled by joining: her own reminder comes too (Monday 09:00 UTC).
    assert "reminder to alice at 2026-11-30T09:00:00+00:00" in out


@pytest.mark.parametrize("bad", [":tick", ":tick soon", ":tick 7", ":tick 7d soon", ":tick -1d", ":tick 2w"])
async def test_bad_tick_input(console: Console, bad: str) -> None:
    out = await console.handle_line(bad)
    assert out == "(only you)\n\n❌ Say how long, e.g. `:tick 7d`, `:tick 36h` or `:tick 90m`."
    assert console.fixed_now == NOW


async def test_a_tick_too_far_is_refused_politely(console: Console) -> None:
    out = await console.handle_line(":tick 9999999999d")
    assert out.startswith("(only you)\n\n❌ ")
    assert "Something went wrong" not in out
    assert console.fixed_now == NOW


async def test_buttons_of_a_ticked_reminder_can_be_clicked(console: Console) -> None:
    await lines(console, *SETUP, ":tick 3d")
    out = await console.handle_line("click Snooze a day")
    assert out == "(only you)\n\nSnoozed: I'll remind you again at 2026-12-01 11:00 (Europe/Berlin)."
    out = await console.handle_line(":tick 1d")
    assert out.startswith("reminder to alice at 2026-12-01T11:00:00+01:00\nWeek 1 of 36")


async def test_a_quiet_tick_keeps_the_last_reply_clickable(console: Console) -> None:
    await lines(console, *SETUP, ":tick 3d", "/start-learning role:backend-engineer")
    assert await console.handle_line(":tick 1h") == "(it is now 2026-11-30T11:00:00+00:00)"
    out = await console.handle_line("click Checklist")
    assert "No button" not in out
    assert "Use git professionally" in out


async def test_starting_on_an_older_database_sends_one_catch_up_per_target(
    shipped_index: ContentIndex, db_path: Path
) -> None:
    first = io.StringIO(
        "\n".join(
            [
                *SETUP,
                "/group create name:G role:backend-engineer channel:#study",
                "/group join name:G",
                ":user bob",
                "/start-learning role:backend-engineer",
                ":tick 4d",
            ]
        )
        + "\n"
    )
    out = io.StringIO()
    assert await run_console(CONTENT_DIR, db_path, "alice", NOW, first, out) == 0
    assert out.getvalue().count("reminder to ") == 3

    later = NOW + timedelta(weeks=3, days=1)  # Saturday 2026-12-19: the slots of Dec 7 and 14 passed
    out = io.StringIO()
    assert await run_console(CONTENT_DIR, db_path, "alice", later, io.StringIO("click Snooze a day\n"), out) == 0
    text = out.getvalue()
    caught_up, _, rest = text.partition("> click Snooze a day")
    heads = [line for line in caught_up.splitlines() if line.startswith("reminder to ")]
    # By due time (alice's 09:00 is Berlin's), then by whom they go to: not the order the sends finished in.
    assert [h.split(" at ")[0] for h in heads] == ["reminder to alice", "reminder to bob", "reminder to G"]
    # Each is headed with when it goes out (the console's clock, in its reader's zone), not the first slot missed.
    assert [h.split(" at ")[1] for h in heads] == [
        "2026-12-19T11:00:00+01:00",
        "2026-12-19T10:00:00+00:00",
        "2026-12-19T10:00:00+00:00",
    ]
    assert (
        caught_up.count(
            "*This comes late: I was offline and missed 1 weekly reminder. Nothing is lost: here is where you are now.*"
        )
        == 2
    )
    assert (
        caught_up.count(
            "*This comes late: I was offline and missed 1 weekly post. Nothing is lost: here is where the group is now.*"
        )
        == 1
    )
    assert "Week 4 of 36" in caught_up
    # The reader's own reminder can be clicked, as after :tick, though another is printed after it.
    assert "Snoozed: I'll remind you again at 2026-12-20" in rest

    # Started again at the same time: nothing more to catch up.
    out = io.StringIO()
    await run_console(CONTENT_DIR, db_path, "alice", later, io.StringIO(""), out)
    assert out.getvalue() == ""


def test_console_cli_catches_up_in_a_subprocess(tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def run(now: str, stdin: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "bot", "console", "--db", str(db), "--content", str(CONTENT_DIR), "--now", now],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
            cwd=ROOT,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    out = run("2026-11-27T10:00:00+00:00", "\n".join([*SETUP, ":tick 7d"]) + "\n")
    assert "reminder to learner at 2026-11-30T09:00:00+01:00" in out
    out = run("2027-01-01T12:00:00+00:00", "")
    assert out.startswith("reminder to learner at ")
    assert out.count("reminder to ") == 1
    assert (
        "*This comes late: I was offline and missed 3 weekly reminders. Nothing is lost: here is where you are now.*"
        in out
    )


async def test_two_groups_in_one_channel_each_get_their_own_offset(console: Console) -> None:
    *_, out = await lines(
        console,
        "/group create name:East role:backend-engineer channel:#study timezone:Asia/Tokyo",
        "/group create name:West role:backend-engineer channel:#study timezone:America/Los_Angeles",
        ":tick 4d",
    )
    assert "reminder to East at 2026-11-30T09:00:00+09:00" in out
    assert "reminder to West at 2026-11-30T09:00:00-08:00" in out
