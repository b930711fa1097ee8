"""The fault battery: the real `python -m bot run` through what goes wrong for self-hosters.

A missing or unusable content folder, a damaged, read-only or locked database, a path whose role file breaks,
Discord unreachable at start (then a fake Discord started late), 429 storms and 5xx answers on reminder sends,
`kill -9` in the middle of a send, a second process on the same database, and a lease left behind by a killed
process. Each case ends with the exit code and the message a self-hoster sees, no acknowledged write lost
(`Ledger`) and no reminder sent twice (`assert_each_reminder_once`), and no broken rule on the fake nor an error
in the bot's log.

Everything stays on 127.0.0.1; every wait has a timeout; retry windows are small (`WAYMARK_CONNECT_RETRY_S`).
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import pytest_asyncio

from bot.reminders.lease import SENDER_LEASE
from bot.store import Store
from bot.store.codec import decode_datetime, encode_datetime
from tests.broken_db import garble_middle, read_only_file, waymark_database
from tests.e2e.conftest import CONTENT_DIR, ROOT, TOKEN, TRACEBACK, BotProcess, assert_private
from tests.e2e.discord_rules import Spec
from tests.e2e.fake_discord import FakeDiscord, Recorded

pytestmark = pytest.mark.asyncio(loop_scope="module")

BACKEND, DATA = "backend-engineer", "data-engineer"
EXIT_TIMEOUT = 15.0
DELIVERY_TIMEOUT = 8.0
HOST = socket.gethostname()


# --------------------------------------------------------------------------- bookkeeping


def query(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with closing(sqlite3.connect(db, timeout=5.0)) as conn, conn:
        return conn.execute(sql, params).fetchall()


@dataclass
class Ledger:
    """Every write the bot acknowledged to a member (read back right after the reply): none may be lost."""

    db: Path
    rows: set[tuple[str, int, str, str]] = field(default_factory=set)

    def enrolled(self, user_id: int, role: str) -> None:
        assert query(self.db, "SELECT 1 FROM enrollments WHERE user_id = ? AND role = ?", (user_id, role))
        self.rows.add(("enrollment", user_id, role, ""))

    def ticked(self, user_id: int, role: str) -> None:
        items = query(self.db, "SELECT item_id FROM checklist_progress WHERE user_id = ? AND role = ?", (user_id, role))
        assert items
        self.rows |= {("tick", user_id, role, item) for (item,) in items}

    def assert_kept(self) -> None:
        enrollments = {("enrollment", u, r, "") for u, r in query(self.db, "SELECT user_id, role FROM enrollments")}
        ticks = {("tick", *row) for row in query(self.db, "SELECT user_id, role, item_id FROM checklist_progress")}
        lost = self.rows - enrollments - ticks
        assert not lost, f"acknowledged writes lost: {sorted(lost)}"


def uid(fake: FakeDiscord, name: str) -> int:
    return int(fake.users[name]["id"])


def dm_posts(fake: FakeDiscord, name: str) -> list[Recorded]:
    """Every reminder POST (with a nonce) the bot made to a member's DM channel, whatever the answer."""
    dm = fake.dm_channel_of(name)
    if dm is None:
        return []
    path = f"/channels/{dm['id']}/messages"
    return [r for r in fake.requests if r.path == path and r.method == "POST" and (r.body or {}).get("nonce")]


def reminders_of(fake: FakeDiscord, name: str) -> list[dict]:
    dm = fake.dm_channel_of(name)
    return [] if dm is None else fake.reminders_in(dm["id"])


def assert_each_reminder_once(fake: FakeDiscord, db: Path, *names: str) -> None:
    """Discord holds exactly one message per delivery the database recorded as sent: nothing twice, nothing lost."""
    for name in names:
        sent = query(
            db,
            "SELECT COUNT(*) FROM deliveries WHERE target_kind = 'user' AND target_id = ? AND state = 'sent'",
            (uid(fake, name),),
        )[0][0]
        assert len(reminders_of(fake, name)) == sent, (name, sent, [str(r) for r in dm_posts(fake, name)])


def make_due(db: Path, user_id: int) -> None:
    """Plan the learner's reminder for a second ago, as the scheduler finds a plan made last week."""
    due = encode_datetime(datetime.now(UTC) - timedelta(seconds=1))
    query(
        db,
        "INSERT INTO reminder_plan (target_kind, target_id, next_due) VALUES ('user', ?, ?)"
        " ON CONFLICT (target_kind, target_id) DO UPDATE SET next_due = excluded.next_due",
        (user_id, due),
    )


def plan_of(db: Path, user_id: int) -> datetime | None:
    rows = query(db, "SELECT next_due FROM reminder_plan WHERE target_kind = 'user' AND target_id = ?", (user_id,))
    return decode_datetime(rows[0][0]) if rows else None


def delivery(db: Path, user_id: int) -> tuple[str, int, str] | None:
    """(state, attempts, nonce) of the learner's latest delivery."""
    rows = query(
        db,
        "SELECT state, attempts, nonce FROM deliveries WHERE target_kind = 'user' AND target_id = ?"
        " ORDER BY created_at DESC LIMIT 1",
        (user_id,),
    )
    return rows[0] if rows else None


async def wake(fake: FakeDiscord) -> None:
    """A command that wakes the scheduler (the owner follows no path: their own plan stays empty)."""
    assert_private(await fake.slash("owner", "remind on"))


async def wait_exit(proc: asyncio.subprocess.Process) -> int:
    try:
        return await asyncio.wait_for(proc.wait(), EXIT_TIMEOUT)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


# --------------------------------------------------------------------------- fixtures


@dataclass
class World:
    """The module's main bot process (with its own content copy and database) and its ledger."""

    bot: BotProcess
    ledger: Ledger
    tmp: pytest.TempPathFactory

    @property
    def db(self) -> Path:
        return self.bot.db_path


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(fake: FakeDiscord, tmp_path_factory: pytest.TempPathFactory):
    workdir = tmp_path_factory.mktemp("battery")
    content = workdir / "content"
    shutil.copytree(CONTENT_DIR, content)
    process = BotProcess(fake, workdir, content)
    try:
        yield World(process, Ledger(process.db_path), tmp_path_factory)
    finally:
        if process.running:
            try:
                await process.stop()
            except BaseException:
                await process.kill()
                raise


@pytest.fixture(autouse=True)
def clean_run(fake: FakeDiscord, world: World) -> Iterator[None]:
    """After each case: no broken rule on the fake, no error in any bot log, no acknowledged write lost."""
    problems, boots = len(fake.problems), len(world.bot.boots)
    logged = [len(b.output()) for b in world.bot.boots]
    yield
    assert not fake.problems[problems:], "the bot sent requests Discord would reject:\n" + "\n".join(
        fake.problems[problems:]
    )
    outputs = [b.output()[(logged[i] if i < len(logged) else 0) :] for i, b in enumerate(world.bot.boots)]
    errors = [line for out in outputs for line in out.splitlines() if TRACEBACK.search(line)]
    assert not errors, "the bot logged errors:\n" + "\n".join(errors)
    assert len(world.bot.boots) >= boots
    if world.db.exists():
        world.ledger.assert_kept()


# --------------------------------------------------------------------------- row 2: the content folder


async def learners_db(db: Path, *roles: str) -> None:
    async with await Store.open(db) as store:
        for n, role in enumerate(roles, 1):
            await store.enroll(n, role, None, None, datetime.now(UTC))


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("missing", "does not exist; set WAYMARK_CONTENT_DIR to the folder of role files"),
        ("a file", "is a file, not a folder; set WAYMARK_CONTENT_DIR"),
        ("empty, learners enrolled", "are not role files), but 2 learners or study groups follow"),
        ("broken files only, learners enrolled", "has 2 role files, none of which loads, but 2 learners"),
    ],
)
async def test_unusable_content_folder_refuses_to_start(fake: FakeDiscord, world: World, case: str, message: str):
    workdir = world.tmp.mktemp("content-case")
    content = workdir / "content"
    if case == "a file":
        content.write_text("# a role file, not the folder\n", encoding="utf-8")
    elif case.startswith("empty"):
        content.mkdir()
    elif case.startswith("broken"):
        content.mkdir()
        (content / "backend-engineer.md").write_text("---\nname: [backend\n---\n# Backend\n", encoding="utf-8")
        (content / "data-engineer.md").write_text("# no front matter\n", encoding="utf-8")
    process = BotProcess(fake, workdir, content)
    if "learners" in case:
        await learners_db(process.db_path, BACKEND, DATA)
    logins = fake.boots

    proc, boot = await process.spawn()
    code = await wait_exit(proc)

    assert code == 2
    line = one_line(boot.stderr.read_text(encoding="utf-8"))
    assert line.startswith(f"waymark: the content folder {content}")
    assert message in line, line
    assert boot.stdout.read_text(encoding="utf-8") == ""
    assert fake.boots == logins  # refused before any request to Discord


async def test_a_path_whose_file_breaks_is_deferred_and_sent_once_it_is_back(fake: FakeDiscord, world: World):
    process, content = world.bot, world.bot.content
    learner = uid(fake, "mod3")
    await process.ensure_running()
    assert_private(await fake.slash("mod3", "start-learning", role=DATA))
    world.ledger.enrolled(learner, DATA)
    assert (await process.stop()).returncode == 0

    good = (content / f"{DATA}.md").read_text(encoding="utf-8")
    (content / f"{DATA}.md").write_text(good.replace(f"name: {DATA}", f"name: [{DATA}", 1), encoding="utf-8")
    try:
        broken = await process.start()  # one file broken: the bot starts, without that path
        make_due(world.db, learner)
        await wake(fake)
        await fake.wait_for(lambda: "deferred" in broken.output(), DELIVERY_TIMEOUT, "the deferral")
        assert f"1 reminder deferred (user {learner}): path {DATA} not loaded. Each goes out once" in (broken.output())
        assert reminders_of(fake, "mod3") == []
        assert delivery(world.db, learner) is None  # not marked failed: nothing recorded for the week
        wait = plan_of(world.db, learner) - datetime.now(UTC)
        assert timedelta(minutes=29) < wait <= timedelta(minutes=30)
        assert (await process.stop()).returncode == 0  # the self-hoster fixes the file and restarts
    finally:
        (content / f"{DATA}.md").write_text(good, encoding="utf-8")

    await process.start()
    await fake.wait_for(lambda: reminders_of(fake, "mod3"), DELIVERY_TIMEOUT, "the deferred reminder")
    [reminder] = reminders_of(fake, "mod3")
    title = reminder["embeds"][0]["title"]
    assert title.startswith("Week 1 of") and title.endswith("· Data Engineer"), title
    await fake.wait_for(lambda: (delivery(world.db, learner) or ("",))[0] == "sent", 2.0, "sent")
    # The next weekly slot (Monday 09:00 UTC, the default), which on a Sunday is less than a day away.
    next_due = plan_of(world.db, learner)
    assert next_due > datetime.now(UTC)
    assert (next_due.weekday(), next_due.hour, next_due.minute) == (0, 9, 0)
    assert_each_reminder_once(fake, world.db, "mod3")


# --------------------------------------------------------------------------- row 9: Discord unreachable


async def test_discord_unreachable_then_reachable(world: World, discord_spec: Spec):
    late = FakeDiscord(TOKEN, discord_spec if discord_spec.available else None)
    late.port = free_port()  # the bot is pointed here before anything listens
    workdir = world.tmp.mktemp("late")
    process = BotProcess(late, workdir, CONTENT_DIR, {"WAYMARK_CONNECT_RETRY_S": "20"})
    proc, boot = await process.spawn()
    process.proc = proc
    try:
        base = f"http://127.0.0.1:{late.port}/api/v10"
        await late.wait_for(lambda: f"Cannot reach Discord at {base}" in boot.output(), 10.0, "the first retry")
        assert proc.returncode is None
        await late.start(late.port)
        await late.wait_session(1, 15.0)  # the next try (waits of 1, 2, 4 s) got through

        assert (await late.slash("alice", "help")).title.startswith("Waymark")
        stopped = await process.stop()
        assert stopped.returncode == 0
        output = boot.output()
        assert "Traceback" not in output and " ERROR " not in output
        assert late.problems == []
    finally:
        await process.kill()
        await late.stop()


async def test_discord_never_reachable_exits_3(world: World):
    closed = free_port()
    workdir = world.tmp.mktemp("unreachable")
    nowhere = FakeDiscord(TOKEN)  # never started: only its URLs are used
    nowhere.port = closed
    process = BotProcess(nowhere, workdir, CONTENT_DIR, {"WAYMARK_CONNECT_RETRY_S": "1"})
    started = time.monotonic()
    proc, boot = await process.spawn()
    code = await wait_exit(proc)
    assert code == 3
    assert time.monotonic() - started < 10
    last = boot.stderr.read_text(encoding="utf-8").strip().splitlines()[-1]
    assert last.startswith(f"waymark: cannot reach Discord at http://127.0.0.1:{closed}/api/v10 (")
    assert "(WAYMARK_CONNECT_RETRY_S=1)" in last
    assert "Traceback" not in boot.output()
    assert query(process.db_path, "SELECT COUNT(*) FROM leases")[0][0] == 0  # given back on the way out


async def test_a_gateway_never_reachable_exits_3_without_a_traceback(fake: FakeDiscord, world: World):
    """REST answers, the websocket gateway does not (a firewall that lets only HTTPS through)."""
    closed = free_port()
    workdir = world.tmp.mktemp("no-gateway")
    gateway = f"ws://127.0.0.1:{closed}/gateway"
    process = BotProcess(fake, workdir, CONTENT_DIR, {"WAYMARK_CONNECT_RETRY_S": "1", "DISCORD_GATEWAY_URL": gateway})
    sessions = len(fake.sessions)
    proc, boot = await process.spawn()
    assert await wait_exit(proc) == 3
    output = boot.output()
    last = output.strip().splitlines()[-1]
    assert last.startswith(f"waymark: cannot reach Discord at {gateway} (Cannot connect to host 127.0.0.1:{closed}")
    assert "(WAYMARK_CONNECT_RETRY_S=1)" in last
    assert "Traceback" not in output and " ERROR " not in output
    assert len(fake.sessions) == sessions


# --------------------------------------------------------------------------- 429 storms and 5xx on sends


async def test_429_storms_on_reminder_sends_deliver_each_reminder_once(fake: FakeDiscord, world: World):
    await world.bot.ensure_running()
    names = ("alice", "bob", "carol")
    for name in names:
        assert_private(await fake.slash(name, "start-learning", role=BACKEND))
        world.ledger.enrolled(uid(fake, name), BACKEND)

    storm = [fake.fail_next("message", 429, retry_after=0.05) for _ in range(7)]
    for name in names:
        make_due(world.db, uid(fake, name))
    await wake(fake)

    def settled() -> bool:  # each one delivered, or planned again later by the scheduler
        later = datetime.now(UTC) + timedelta(minutes=1)
        return all(reminders_of(fake, n) or (plan_of(world.db, uid(fake, n)) or later) > later for n in names)

    await fake.wait_for(settled, DELIVERY_TIMEOUT, "the storm to pass")
    for name in names:  # a send still limited after discord.py's own retries waits for the scheduler's retry
        if not reminders_of(fake, name):
            make_due(world.db, uid(fake, name))
    await wake(fake)
    await fake.wait_for(lambda: all(reminders_of(fake, n) for n in names), DELIVERY_TIMEOUT, "every reminder")
    assert all(f.served for f in storm)
    await fake.wait_for(
        lambda: all((delivery(world.db, uid(fake, n)) or ("",))[0] == "sent" for n in names), 2.0, "all recorded"
    )
    for name in names:
        posts = dm_posts(fake, name)
        assert len({p.body["nonce"] for p in posts}) == 1  # every try of a reminder carries its one nonce
        assert [p.status for p in posts].count(200) == 1
    assert_each_reminder_once(fake, world.db, *names)

    # One send limited five times in a row: discord.py gives up, the scheduler plans it again in 5 minutes.
    assert_private(await fake.slash("erin", "start-learning", role=BACKEND))
    world.ledger.enrolled(uid(fake, "erin"), BACKEND)
    for _ in range(5):
        fake.fail_next("message", 429, retry_after=0.05)
    make_due(world.db, uid(fake, "erin"))
    await wake(fake)
    retry = await fake.wait_for(
        lambda: (p := plan_of(world.db, uid(fake, "erin"))) and p > datetime.now(UTC) and p, DELIVERY_TIMEOUT, "retry"
    )
    assert timedelta(minutes=4) < retry - datetime.now(UTC) <= timedelta(minutes=5)
    assert delivery(world.db, uid(fake, "erin"))[:2] == ("sending", 1)
    await fake.wait_for(lambda: "will be retried: rate limited" in world.bot.output(), 2.0, "the retry's log line")
    make_due(world.db, uid(fake, "erin"))  # five minutes later
    await wake(fake)
    await fake.wait_for(lambda: reminders_of(fake, "erin"), DELIVERY_TIMEOUT, "erin's reminder")
    await fake.wait_for(lambda: delivery(world.db, uid(fake, "erin"))[0] == "sent", 2.0, "recorded")
    assert [p.status for p in dm_posts(fake, "erin")] == [429] * 5 + [200]
    assert_each_reminder_once(fake, world.db, "erin")


async def test_5xx_after_discord_took_the_message_is_not_sent_twice(fake: FakeDiscord, world: World):
    await world.bot.ensure_running()
    for name in ("mod", "mod2"):
        assert_private(await fake.slash(name, "start-learning", role=BACKEND))
        world.ledger.enrolled(uid(fake, name), BACKEND)

    # 500 (retried by discord.py at once): the message was stored, the retry's nonce finds it.
    fake.fail_next("message", 500, accept=True)
    make_due(world.db, uid(fake, "mod"))
    await wake(fake)
    await fake.wait_for(lambda: (delivery(world.db, uid(fake, "mod")) or ("",))[0] == "sent", 5.0, "mod's reminder")
    posts = dm_posts(fake, "mod")
    assert [p.status for p in posts] == [500, 200]
    assert posts[0].body["nonce"] == posts[1].body["nonce"]

    # 503 (not retried by discord.py): the scheduler retries later with the same nonce.
    fake.fail_next("message", 503, accept=True)
    make_due(world.db, uid(fake, "mod2"))
    await wake(fake)
    await fake.wait_for(
        lambda: (p := plan_of(world.db, uid(fake, "mod2"))) and p > datetime.now(UTC), DELIVERY_TIMEOUT, "retry plan"
    )
    assert len(reminders_of(fake, "mod2")) == 1  # Discord has it already...
    assert delivery(world.db, uid(fake, "mod2"))[:2] == ("sending", 1)  # ...the bot does not know
    make_due(world.db, uid(fake, "mod2"))
    await wake(fake)
    await fake.wait_for(lambda: delivery(world.db, uid(fake, "mod2"))[0] == "sent", DELIVERY_TIMEOUT, "the retry")
    posts = dm_posts(fake, "mod2")
    assert [p.status for p in posts] == [503, 200]
    assert posts[0].body["nonce"] == posts[1].body["nonce"]
    assert_each_reminder_once(fake, world.db, "mod", "mod2")


# --------------------------------------------------------------------------- kill -9 during a send


async def test_kill_9_during_a_send_loses_no_write_and_sends_once(fake: FakeDiscord, world: World):
    await world.bot.ensure_running()
    dave = uid(fake, "dave")
    assert_private(await fake.slash("dave", "start-learning", role=BACKEND))
    world.ledger.enrolled(dave, BACKEND)
    ticked = await fake.slash("dave", "done", item="Use git professionally")
    assert_private(ticked)
    world.ledger.ticked(dave, BACKEND)

    hold = fake.hold_next_message()
    make_due(world.db, dave)
    await wake(fake)
    try:
        await asyncio.wait_for(hold.received.wait(), DELIVERY_TIMEOUT)  # Discord has it; the bot awaits the answer
        killed = world.bot.proc.pid
        await world.bot.stop(signal.SIGKILL)
        assert world.bot.boot.returncode == -signal.SIGKILL
    finally:
        hold.release()
    assert delivery(world.db, dave)[:2] == ("sending", 1)
    assert query(world.db, "SELECT holder FROM leases WHERE name = ?", (SENDER_LEASE,))[0][0].startswith(
        f"{HOST}:{killed}:"
    )  # left behind: a killed process releases nothing
    world.ledger.assert_kept()

    restarted = await world.bot.start()
    assert f"Took over the reminder lease from process {killed} on host {HOST}: that process is gone" in (
        restarted.output()
    )
    await fake.wait_for(lambda: delivery(world.db, dave)[0] == "sent", DELIVERY_TIMEOUT, "the resend")
    posts = dm_posts(fake, "dave")
    assert len(posts) == 2 and posts[0].body["nonce"] == posts[1].body["nonce"]  # resent with the same nonce
    assert len(reminders_of(fake, "dave")) == 1  # which Discord deduplicated
    assert_each_reminder_once(fake, world.db, "dave")


# --------------------------------------------------------------------------- row 10: one sender per database


async def test_a_second_process_on_the_same_database_is_refused(fake: FakeDiscord, world: World):
    boot = await world.bot.ensure_running()
    first = world.bot.proc.pid
    logins = fake.boots

    second, attempt = await world.bot.spawn()
    code = await wait_exit(second)

    assert code == 2
    line = one_line(attempt.stderr.read_text(encoding="utf-8"))
    assert line.startswith(
        f"waymark: another Waymark is running on this database: process {first} on host {HOST} sends the "
        f"reminders of {world.db} (last heartbeat "
    )
    assert "Stop that one first, or point WAYMARK_DB_PATH at another file" in line
    assert fake.boots == logins  # it never logged in: Discord saw one bot
    assert world.bot.running
    world.bot.boots.remove(attempt)  # (its log is checked above; `boot` is the running one again)
    assert (await fake.slash("alice", "help")).title.startswith("Waymark")  # the first one keeps serving
    assert boot.returncode is None

    console = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "console",
        "--db",
        str(world.db),
        "--content",
        str(world.bot.content),
        cwd=world.bot.workdir,
        env={**world.bot.env(), "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(console.communicate(b"/progress\n"), 30)
    assert console.returncode == 0, err.decode()
    printed = out.decode()
    assert printed.startswith(
        f"(reminders are not sent from the console: process {first} on host {HOST} sends the reminders of"
    )
    assert "reminder to" not in printed
    assert_each_reminder_once(fake, world.db, "alice", "bob", "carol", "dave", "erin", "mod", "mod2")


async def test_a_lease_left_by_a_killed_process_elsewhere_expires_and_is_taken_over(fake: FakeDiscord, world: World):
    if world.bot.running:
        assert (await world.bot.stop()).returncode == 0
    assert query(world.db, "SELECT COUNT(*) FROM leases")[0][0] == 0  # a clean stop gives it back
    # Far enough ahead that a bot slow to start on a loaded machine still finds the lease held.
    expires = datetime.now(UTC) + timedelta(seconds=60)
    query(
        world.db,
        "INSERT INTO leases (name, holder, acquired_at, heartbeat_at, expires_at) VALUES (?, ?, ?, ?, ?)",
        (
            SENDER_LEASE,
            "elsewhere:4242:0badcafe",
            encode_datetime(expires - timedelta(minutes=5)),
            encode_datetime(expires - timedelta(seconds=60)),
            encode_datetime(expires),
        ),
    )
    proc, attempt = await world.bot.spawn()
    assert await wait_exit(proc) == 2
    line = one_line(attempt.stderr.read_text(encoding="utf-8"))
    assert "process 4242 on host elsewhere sends the reminders of" in line
    assert f"its lease expires at {expires:%H:%M:%S} UTC" in line
    world.bot.boots.remove(attempt)

    # The other process never comes back: its lease runs out (moved into the past rather than waited for), its last
    # heartbeat a minute before that, as a lease that ran out has it.
    expired = datetime.now(UTC) - timedelta(seconds=1)
    query(
        world.db,
        "UPDATE leases SET heartbeat_at = ?, expires_at = ? WHERE name = ?",
        (encode_datetime(expired - timedelta(seconds=60)), encode_datetime(expired), SENDER_LEASE),
    )
    started = await world.bot.start()
    assert "Took over the reminder lease from process 4242 on host elsewhere: it expired at" in started.output()
    holder = query(world.db, "SELECT holder FROM leases WHERE name = ?", (SENDER_LEASE,))[0][0]
    assert holder.startswith(f"{HOST}:{world.bot.proc.pid}:")
    assert (await world.bot.stop()).returncode == 0
    assert query(world.db, "SELECT COUNT(*) FROM leases")[0][0] == 0


# --------------------------------------------------------------------------- rows 3 and 4: the database


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("damaged", "the file is damaged (SQLite"),
        ("read-only", "refuses to let anyone write it"),
        ("locked", "another program holds a lock on it"),
    ],
)
async def test_an_unusable_database_refuses_to_start_before_discord(
    fake: FakeDiscord, world: World, case: str, message: str
):
    workdir = world.tmp.mktemp("database-case")
    process = BotProcess(fake, workdir, CONTENT_DIR)
    waymark_database(process.db_path, learners=300)
    before = process.db_path.read_bytes()
    logins = fake.boots
    with contextlib.ExitStack() as stack:
        if case == "damaged":
            garble_middle(process.db_path)
            before = process.db_path.read_bytes()
        elif case == "read-only":
            stack.enter_context(read_only_file(process.db_path))
        else:
            holder = stack.enter_context(closing(sqlite3.connect(process.db_path, isolation_level=None)))
            holder.execute("BEGIN EXCLUSIVE")  # a sqlite3 shell, or another program, in the middle of a write

        proc, boot = await process.spawn()
        code = await wait_exit(proc)

    assert code == 2
    line = one_line(boot.stderr.read_text(encoding="utf-8"))
    assert line.startswith(f"waymark: cannot open database {process.db_path}"), line
    assert message in line, line
    assert TOKEN not in line
    assert fake.boots == logins  # it never reached Discord
    assert process.db_path.read_bytes() == before  # and changed nothing
