"""Two real bot processes on one PostgreSQL database, each running one of two shards, against the fake Discord.

Process "zero" runs shard 0 of 2 and process "one" shard 1; the fake has a server on each shard. Each process
gets the servers of its shard and answers their interactions; only shard 0's process syncs the commands; the
weekly reminders due go out once between them (each claimed by one process), a study group's post from the
process of its server's shard; each serves `/metrics` and `/healthz` on a loopback port of its own.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import aiohttp
import asyncpg
import pytest
import pytest_asyncio

from bot.store.codec import encode_datetime
from tests.e2e.conftest import CONTENT_DIR, TRACEBACK, BotProcess, assert_private
from tests.e2e.fake_discord import FakeDiscord
from tests.store.conftest import postgres_database

pytestmark = pytest.mark.asyncio(loop_scope="module")

BACKEND = "backend-engineer"
WAIT = 10.0
"""Seconds a reminder may take to arrive: a scheduler wakes at once on a command, else within 30 s (its poll)."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Cluster:
    """The two processes, the servers on their shards, and the database they share."""

    url: str
    zero: BotProcess
    one: BotProcess
    guild: dict[int, int]
    """shard id -> the id of a server on that shard"""
    port: dict[int, int]
    """shard id -> the process's metrics port"""
    outage: bool = False
    """The test took the database away: errors logged meanwhile are expected."""

    async def sql(self, statement: str, *args: object) -> list[asyncpg.Record]:
        conn = await asyncpg.connect(self.url)
        try:
            return await conn.fetch(statement, *args)
        finally:
            await conn.close()

    def output(self) -> str:
        return self.zero.output() + self.one.output()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def cluster(fake: FakeDiscord, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Cluster]:
    async with postgres_database() as url:
        home_shard = (fake.guild_id >> 22) % 2
        guild = {home_shard: fake.guild_id, 1 - home_shard: fake.add_guild(1 - home_shard, 2)}
        port = {0: free_port(), 1: free_port()}
        processes = []
        for shard in (0, 1):
            workdir = tmp_path_factory.mktemp(f"shard-{shard}")
            content = workdir / "content"
            shutil.copytree(CONTENT_DIR, content)
            env = {
                "WAYMARK_DATABASE_URL": url,
                "WAYMARK_SHARD_COUNT": "2",
                "WAYMARK_SHARD_IDS": str(shard),
                "WAYMARK_METRICS_PORT": str(port[shard]),
                "WAYMARK_DEV_GUILD_ID": "",  # commands sync globally: the same in both servers
            }
            processes.append(BotProcess(fake, workdir, content, env))
        found = Cluster(url, processes[0], processes[1], guild, port)
        try:
            await found.zero.start()  # first: it syncs the commands the other's servers use
            await found.one.start()
            yield found
        finally:
            for process in processes:
                if process.running:
                    await process.stop()


@pytest.fixture(autouse=True)
def rules_kept(fake: FakeDiscord, cluster: Cluster):
    """No request broke a rule and neither process logged an error while the test ran."""
    problems, logged = len(fake.problems), (len(cluster.zero.output()), len(cluster.one.output()))
    yield
    assert fake.problems[problems:] == []
    if cluster.outage:
        cluster.outage = False
        return
    errors = [
        line
        for process, start in zip((cluster.zero, cluster.one), logged, strict=True)
        for line in process.output()[start:].splitlines()
        if TRACEBACK.search(line)
    ]
    assert errors == [], "\n".join(errors)


def dm_reminders(fake: FakeDiscord, name: str) -> list[dict]:
    channel = fake.dm_channel_of(name)
    return fake.reminders_in(channel["id"]) if channel else []


async def make_due(cluster: Cluster, kind: str, target_id: int) -> None:
    """Plan the target's reminder for a second ago, as both schedulers find a plan made last week."""
    await cluster.sql(
        "INSERT INTO reminder_plan (target_kind, target_id, next_due) VALUES ($1, $2, $3)"
        " ON CONFLICT (target_kind, target_id) DO UPDATE SET next_due = excluded.next_due",
        kind,
        target_id,
        encode_datetime(datetime.now(UTC) - timedelta(seconds=1)),
    )


async def wake(fake: FakeDiscord, cluster: Cluster, *shards: int) -> None:
    """A command in a server of each shard: wakes that process's scheduler (erin follows no path)."""
    for shard in shards:
        assert_private(await fake.slash("erin", "remind on", in_guild=cluster.guild[shard]))


async def get(port: int, path: str) -> tuple[int, str, str]:
    async with aiohttp.ClientSession() as http, http.get(f"http://127.0.0.1:{port}{path}") as response:
        return response.status, response.headers.get("Content-Type", ""), await response.text()


def sample(text: str, name: str, **labels: str) -> float:
    """The value of one series in a Prometheus text exposition (0 when it is not there)."""
    wanted = ",".join(f'{k}="{v}"' for k, v in labels.items())
    pattern = rf"^{re.escape(name)}{re.escape('{' + wanted + '}') if wanted else ''} (\S+)$"
    found = re.search(pattern, text, flags=re.MULTILINE)
    return float(found[1]) if found else 0.0


# --------------------------------------------------------------------------- the servers, split by shard


async def test_each_process_identifies_with_its_shard_and_gets_its_servers(fake: FakeDiscord, cluster: Cluster):
    sessions = [fake.sessions[cluster.zero.boot.session - 1], fake.sessions[cluster.one.boot.session - 1]]
    assert [s.identify["shard"] for s in sessions] == [[0, 2], [1, 2]]
    assert [s.guilds for s in sessions] == [[cluster.guild[0]], [cluster.guild[1]]]
    # The commands are the application's: only shard 0's process put them.
    puts = [r for r in fake.requests if r.method == "PUT" and r.route == "put_commands"]
    assert len(puts) == 1
    assert "Slash commands are synced by the process that runs shard 0" in cluster.one.output()


async def test_each_server_is_answered_by_the_process_of_its_shard(fake: FakeDiscord, cluster: Cluster):
    for shard, name in ((0, "alice"), (1, "bob")):
        shown = await fake.slash(name, "start-learning", in_guild=cluster.guild[shard], role=BACKEND)
        assert_private(shown)
        assert "Backend Engineer" in shown.text
    # Alice's enrollment, made through shard 0's process, is read by shard 1's: one database.
    shown = await fake.slash("alice", "progress", in_guild=cluster.guild[1])
    assert_private(shown)
    assert "Backend Engineer" in shown.text


# --------------------------------------------------------------------------- reminders, once between them


async def test_each_weekly_reminder_is_sent_once_by_one_of_the_processes(fake: FakeDiscord, cluster: Cluster):
    names = ("alice", "bob", "carol", "dave")
    for n, name in enumerate(names):
        assert_private(await fake.slash(name, "start-learning", in_guild=cluster.guild[n % 2], role=BACKEND))
    before = {name: len(dm_reminders(fake, name)) for name in names}
    fake.fail_next("message", 429, retry_after=0.05)  # one 429 on the way: waited out, counted in /metrics
    for name in names:
        await make_due(cluster, "user", int(fake.users[name]["id"]))
    await wake(fake, cluster, 0, 1)  # both schedulers look at once: they race for the same four

    def delivered() -> bool:
        return all(len(dm_reminders(fake, n)) > before[n] for n in names)

    await fake.wait_for(delivered, WAIT, "every reminder")
    await asyncio.sleep(1.0)  # a second copy would show up now
    assert {name: len(dm_reminders(fake, name)) - before[name] for name in names} == dict.fromkeys(names, 1)
    rows = await cluster.sql("SELECT state, count(*) FROM deliveries WHERE target_kind = 'user' GROUP BY state")
    assert {r["state"]: r["count"] for r in rows} == {"sent": 4}
    assert await cluster.sql("SELECT 1 FROM reminder_plan WHERE claimed_by IS NOT NULL") == []


async def test_a_group_post_goes_out_from_the_process_of_its_servers_shard(fake: FakeDiscord, cluster: Cluster):
    shown = await fake.slash(
        "mod", "group create", in_guild=cluster.guild[1], name="Owls", role=BACKEND, channel="learning"
    )
    assert_private(shown)
    (group_id,) = [r["id"] for r in await cluster.sql("SELECT id FROM study_groups WHERE name = 'Owls'")]
    channel = fake.guild_channels[cluster.guild[1]]

    await cluster.one.stop()  # shard 1's process is down: nobody may post in its servers
    await make_due(cluster, "group", group_id)
    await wake(fake, cluster, 0)
    await asyncio.sleep(2.0)
    assert fake.reminders_in(channel) == []  # shard 0's process left it alone
    assert await cluster.sql("SELECT 1 FROM deliveries WHERE target_kind = 'group'") == []

    await cluster.one.start()  # back: its scheduler sends what is due at once
    await fake.wait_for(lambda: fake.reminders_in(channel), WAIT, "the group's post")
    await asyncio.sleep(1.0)
    (post,) = fake.reminders_in(channel)
    assert "Owls" in json.dumps(post)


# --------------------------------------------------------------------------- /metrics and /healthz


async def test_metrics_count_commands_reminders_and_429s(fake: FakeDiscord, cluster: Cluster):
    texts = {}
    for shard in (0, 1):
        status, content_type, texts[shard] = await get(cluster.port[shard], "/metrics")
        assert status == 200
        assert content_type.startswith("text/plain; version=0.0.4")
    zero, one = texts[0], texts[1]
    assert sample(zero, "waymark_commands_total", command="start-learning", outcome="ok") >= 1
    assert sample(zero, "waymark_command_seconds_count", command="start-learning") >= 1
    assert sample(zero, "waymark_command_seconds_bucket", command="start-learning", le="+Inf") >= 1
    assert 'waymark_command_seconds_bucket{command="start-learning",le="0.005"}' in zero
    assert sample(zero, "waymark_roles_loaded") == 6
    assert sample(zero, "waymark_gateway_latency_seconds", shard="0") > 0
    assert sample(one, "waymark_gateway_latency_seconds", shard="1") > 0
    assert sample(zero, "waymark_reminders_due") == 0  # everything due went out
    # Shard 0's process sent some of the four DMs (or none), shard 1's restarted process the group post at least.
    assert sample(one, "waymark_reminders_total", outcome="sent") >= 1
    assert sample(zero, "waymark_reminders_total", outcome="failed") == 0
    assert 'waymark_reminders_total{outcome="deferred"} 0.0' in zero
    limited = sample(zero, "waymark_discord_rate_limited_total") + sample(one, "waymark_discord_rate_limited_total")
    assert limited >= 1 or cluster.one.boot.number > 1  # the 429 hit either process (shard 1's restarted since)
    for process, shard in ((cluster.zero, 0), (cluster.one, 1)):
        assert f"Serving /metrics and /healthz on http://127.0.0.1:{cluster.port[shard]}" in process.output()


async def test_healthz_says_ok_when_the_gateway_and_the_database_are(cluster: Cluster):
    for shard in (0, 1):
        status, _, body = await get(cluster.port[shard], "/healthz")
        assert (status, json.loads(body)) == (200, {"gateway": "connected", "database": "ok"})


async def test_healthz_says_503_while_the_database_refuses_connections(fake: FakeDiscord, cluster: Cluster):
    name = cluster.url.rsplit("/", 1)[1]
    admin_url = cluster.url.rsplit("/", 1)[0] + "/postgres"
    admin = await asyncpg.connect(admin_url)
    try:
        await admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        await admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", name)
        status, _, body = await get(cluster.port[0], "/healthz")
        assert status == 503
        report = json.loads(body)
        assert report["gateway"] == "connected"
        assert report["database"] != "ok"
    finally:
        await admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        await admin.close()
    status, _, body = await get(cluster.port[0], "/healthz")
    assert (status, json.loads(body)["database"]) == (200, "ok")  # the pool connects again by itself
    cluster.outage = True  # the processes may have logged the lost connections: what this test does to them
