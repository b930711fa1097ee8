"""`waymark run` as a self-hoster meets it: start-up problems (no token, a database or content folder that cannot
be used, a database another process sends from) are one line and exit 2, an unreachable Discord is retried and
then exit 3. Never a traceback.

Every run here points DISCORD_API_BASE and DISCORD_GATEWAY_URL at a closed port on 127.0.0.1: whatever the code
does, nothing leaves the machine, and a login attempt fails at once.
"""

import asyncio
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.reminders.lease import SENDER_LEASE
from bot.store import Store
from tests.broken_db import (
    BROKEN_FILES,
    REASONS,
    TOKEN,
    Tripwire,
    broken_database,
    garble_middle,
    is_damaged,
    read_only_file,
    read_only_folder,
    waymark_database,
)
from tests.conftest import CONTENT_DIR, ROOT

TTL = timedelta(seconds=60)


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then closed): connecting to it is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_bot(env_extra: dict[str, str], tmp_path: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "WAYMARK_"))}
    port = closed_port()
    env.update(
        {
            "DISCORD_API_BASE": f"http://127.0.0.1:{port}/api/v10",
            "DISCORD_GATEWAY_URL": f"ws://127.0.0.1:{port}/gateway",
            "NO_PROXY": "127.0.0.1",
        }
    )
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,  # no .env there
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def assert_one_line(result: subprocess.CompletedProcess, *fragments: str) -> str:
    """The run printed exactly one line, to stderr, holding every fragment; return it."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert result.stdout == ""
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def env_for(tmp_path: Path, content: Path | str, **extra: str) -> dict[str, str]:
    return {
        "DISCORD_TOKEN": "x.y.z",
        "WAYMARK_DB_PATH": str(tmp_path / "data" / "waymark.sqlite3"),
        "WAYMARK_CONTENT_DIR": str(content),
        "WAYMARK_CONNECT_RETRY_S": "0",
        **extra,
    }


def enroll_learners(db: Path, roles: tuple[str, ...] = ("backend-engineer", "data-engineer")) -> None:
    async def go() -> None:
        async with await Store.open(db) as store:
            for n, role in enumerate(roles, 1):
                await store.enroll(n, role, None, None, datetime.now(UTC))

    asyncio.run(go())


def hold_lease(db: Path, holder: str, expires_in: timedelta) -> None:
    """Write the lease as another process would have: its last heartbeat a minute before it expires."""

    async def go() -> None:
        async with await Store.open(db) as store:
            beat = datetime.now(UTC) + expires_in - TTL
            await store.acquire_lease(SENDER_LEASE, holder, beat, TTL)

    asyncio.run(go())


def lease_holder(db: Path) -> str | None:
    async def go() -> str | None:
        async with await Store.open(db) as store:
            lease = await store.get_lease(SENDER_LEASE)
            return None if lease is None else lease.holder

    return asyncio.run(go())


# --------------------------------------------------------------------------- settings and the token


def test_run_without_token_names_the_setting_and_exits_2(tmp_path):
    result = run_bot({}, tmp_path)
    assert result.returncode == 2
    assert "DISCORD_TOKEN" in result.stderr
    assert "developers/applications" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_bad_setting_is_a_clear_message(tmp_path):
    result = run_bot({"DISCORD_TOKEN": "x", "WAYMARK_DEV_GUILD_ID": "my-server"}, tmp_path)
    assert result.returncode == 2
    assert "WAYMARK_DEV_GUILD_ID must be a Discord ID" in result.stderr
    assert "Traceback" not in result.stderr


def test_token_from_dotenv_file_is_used_and_never_echoed(tmp_path):
    secret = "not.a.real-token-xyz"
    (tmp_path / ".env").write_text(f"DISCORD_TOKEN={secret}\nWAYMARK_DEV_GUILD_ID=oops\n", encoding="utf-8")
    result = run_bot({}, tmp_path)
    assert result.returncode == 2  # the .env was read: the bad guild ID stops it before any login
    assert "WAYMARK_DEV_GUILD_ID" in result.stderr
    assert secret not in result.stderr + result.stdout


@pytest.mark.parametrize("value", ["soon", "-5", "nan", "1e9"])
def test_a_bad_connect_retry_is_a_clear_message(tmp_path, value):
    result = run_bot(env_for(tmp_path, CONTENT_DIR, WAYMARK_CONNECT_RETRY_S=value), tmp_path)
    assert result.returncode == 2
    assert_one_line(result, "WAYMARK_CONNECT_RETRY_S must be a number of seconds from 0 to 86400", repr(value))


# --------------------------------------------------------------------------- the database

# The database is opened and checked before Discord is contacted: a file that cannot be used is one line and exit 2.


@pytest.fixture
def tripwire() -> Iterator[Tripwire]:
    wire = Tripwire()
    try:
        yield wire
    finally:
        wire.close()


def run_on(db: Path, tmp_path: Path, wire: Tripwire, prefix: Sequence[str] = ()) -> subprocess.CompletedProcess[str]:
    """`waymark run` with a fake token, the database at `db`, and Discord pointed at the tripwire."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "WAYMARK_"))}
    env.update(wire.env, DISCORD_TOKEN=TOKEN, WAYMARK_DB_PATH=str(db), WAYMARK_CONTENT_DIR=str(CONTENT_DIR))
    return subprocess.run(
        [*prefix, sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def refused_before_discord(result: subprocess.CompletedProcess[str], db: Path, wire: Tripwire, reason: str) -> str:
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output
    assert TOKEN not in output
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"waymark: cannot open database {db}: {reason}"), result.stderr
    assert wire.connections == 0  # never reached for Discord
    return result.stderr.strip()


@pytest.mark.parametrize("kind", [*BROKEN_FILES, "folder", "symlink-to-folder"])
def test_run_refuses_a_broken_database_before_discord(kind: str, tmp_path: Path, tripwire: Tripwire) -> None:
    db = broken_database(kind, tmp_path / "data" / "waymark.sqlite3")
    before = None if db.is_dir() else db.read_bytes()
    refused_before_discord(run_on(db, tmp_path, tripwire), db, tripwire, REASONS[kind])
    if before is not None:
        assert db.read_bytes() == before


def test_run_names_recovery_for_a_damaged_database(tmp_path: Path, tripwire: Tripwire) -> None:
    db = waymark_database(tmp_path / "waymark.sqlite3")
    garble_middle(db)
    assert is_damaged(db)
    line = refused_before_discord(run_on(db, tmp_path, tripwire), db, tripwire, "the file is damaged (SQLite")
    assert "restore your latest backup (made by `waymark db backup`)" in line
    assert "sqlite3's .recover" in line


def test_run_refuses_a_read_only_database_at_open(tmp_path: Path, tripwire: Tripwire) -> None:
    db = waymark_database(tmp_path / "waymark.sqlite3", learners=3)
    with read_only_file(db):
        result = run_on(db, tmp_path, tripwire)
    refused_before_discord(result, db, tripwire, "")
    assert re.search(r"read-only for user|refuses to let anyone write it", result.stderr)


def test_run_refuses_a_database_in_a_folder_it_cannot_write(tmp_path: Path, tripwire: Tripwire) -> None:
    folder = tmp_path / "data"
    db = waymark_database(folder / "waymark.sqlite3", learners=3)
    with read_only_folder(folder) as prefix:
        result = run_on(db, tmp_path, tripwire, prefix)
        refused_before_discord(result, db, tripwire, "")
        assert re.search(r"read-only disk|not writable by", result.stderr)
        result = run_on(folder / "new.sqlite3", tmp_path, tripwire, prefix)
        refused_before_discord(result, folder / "new.sqlite3", tripwire, "its folder")


def test_run_with_a_good_database_goes_on_to_discord(tmp_path: Path, tripwire: Tripwire) -> None:
    """The other side of the tests above: past the database check, the tripwire is reached."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "WAYMARK_"))}
    env.update(tripwire.env, DISCORD_TOKEN=TOKEN, WAYMARK_DB_PATH=str(tmp_path / "new" / "waymark.sqlite3"))
    env.update(WAYMARK_CONTENT_DIR=str(CONTENT_DIR), PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert tripwire.contacted.wait(timeout=30)
    finally:
        proc.kill()
        proc.wait(timeout=10)
    assert (tmp_path / "new" / "waymark.sqlite3").is_file()


# --------------------------------------------------------------------------- row 2: the content folder


def test_a_missing_content_folder_is_one_line_and_exit_2(tmp_path):
    result = run_bot(env_for(tmp_path, "./contnet"), tmp_path)
    assert result.returncode == 2
    assert_one_line(
        result, "waymark: the content folder contnet", f"(that is {tmp_path / 'contnet'})", "does not exist"
    )
    assert "WAYMARK_CONTENT_DIR" in result.stderr


def test_a_content_folder_that_is_a_file_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "content.md").write_text("# not a folder\n", encoding="utf-8")
    result = run_bot(env_for(tmp_path, tmp_path / "content.md"), tmp_path)
    assert result.returncode == 2
    assert_one_line(result, "is a file, not a folder", "WAYMARK_CONTENT_DIR")


def test_an_empty_content_folder_while_learners_are_enrolled_is_refused(tmp_path):
    db = tmp_path / "data" / "waymark.sqlite3"
    enroll_learners(db)
    (tmp_path / "empty").mkdir()
    result = run_bot(env_for(tmp_path, tmp_path / "empty"), tmp_path)
    assert result.returncode == 2
    assert_one_line(
        result,
        "has no role files (*.md; README.md and names starting with . or _ are not role files)",
        "2 learners or study groups follow backend-engineer, data-engineer",
        "their reminders would all wait",
        "check WAYMARK_CONTENT_DIR",
    )
    assert lease_holder(db) is None  # nothing was taken


def test_a_content_folder_of_broken_files_while_learners_are_enrolled_is_refused(tmp_path):
    db = tmp_path / "data" / "waymark.sqlite3"
    enroll_learners(db, ("backend-engineer",))
    broken = tmp_path / "roles"
    broken.mkdir()
    (broken / "backend-engineer.md").write_text("---\nname: [backend-engineer\n---\n# Backend\n", encoding="utf-8")
    (broken / "notes.md").write_text("no front matter at all\n", encoding="utf-8")
    result = run_bot(env_for(tmp_path, broken), tmp_path)
    assert result.returncode == 2
    assert_one_line(result, "has 2 role files, none of which loads", f"`waymark content check {broken}`")


def test_an_empty_content_folder_on_a_new_database_starts(tmp_path):
    """Nobody follows a path yet: nothing to hold back, so it goes on to Discord (unreachable here: exit 3)."""
    (tmp_path / "empty").mkdir()
    result = run_bot(env_for(tmp_path, tmp_path / "empty"), tmp_path)
    assert result.returncode == 3, result.stderr
    assert "No role loaded from" in result.stderr


# --------------------------------------------------------------------------- row 9: Discord unreachable


def test_unreachable_discord_is_retried_with_backoff_then_exit_3(tmp_path):
    started = time.monotonic()
    result = run_bot(env_for(tmp_path, CONTENT_DIR, WAYMARK_CONNECT_RETRY_S="2.5"), tmp_path)
    took = time.monotonic() - started
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    retries = [line for line in result.stderr.splitlines() if "Cannot reach Discord at http://127.0.0.1:" in line]
    assert len(retries) >= 2, result.stderr  # 1 s, then 1.5 s (the rest of the window)
    assert "trying again in 1.0s" in retries[0]
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("waymark: cannot reach Discord at http://127.0.0.1:"), last
    assert re.search(r"; gave up after [23] attempts in [23]s \(WAYMARK_CONNECT_RETRY_S=2\.5\)\. Check", last), last
    assert 2.5 <= took < 20
    assert len(result.stderr.splitlines()) < 20  # a few clear lines, not 82 of traceback
    assert lease_holder(tmp_path / "data" / "waymark.sqlite3") is None  # given back on the way out


# --------------------------------------------------------------------------- row 10: one sender per database


def test_a_database_another_process_sends_from_is_refused_naming_it(tmp_path):
    db = tmp_path / "data" / "waymark.sqlite3"
    hold_lease(db, "web-1:4242:0badcafe", timedelta(seconds=45))
    result = run_bot(env_for(tmp_path, CONTENT_DIR), tmp_path)
    assert result.returncode == 2
    assert_one_line(
        result,
        "waymark: another Waymark is running on this database: process 4242 on host web-1 sends the reminders of",
        "if it was killed, its lease expires at",
        "Stop that one first, or point WAYMARK_DB_PATH at another file",
    )
    assert lease_holder(db) == "web-1:4242:0badcafe"


def test_an_expired_lease_is_taken_over(tmp_path):
    db = tmp_path / "data" / "waymark.sqlite3"
    hold_lease(db, "web-1:4242:0badcafe", timedelta(seconds=-1))  # killed a while ago on another machine
    result = run_bot(env_for(tmp_path, CONTENT_DIR), tmp_path)
    assert result.returncode == 3, result.stderr  # it got past the lease, to Discord
    assert "Took over the reminder lease from process 4242 on host web-1: it expired at" in result.stderr
    assert lease_holder(db) is None  # and released it when it stopped


def test_a_lease_left_by_a_killed_process_on_this_host_is_taken_at_once(tmp_path):
    db = tmp_path / "data" / "waymark.sqlite3"
    victim = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    victim.kill()
    victim.wait(10)
    hold_lease(db, f"{socket.gethostname()}:{victim.pid}:deadbeef", TTL)  # fresh, but its process is gone
    result = run_bot(env_for(tmp_path, CONTENT_DIR), tmp_path)
    assert result.returncode == 3, result.stderr
    assert f"Took over the reminder lease from process {victim.pid} on host" in result.stderr
    assert "that process is gone" in result.stderr
