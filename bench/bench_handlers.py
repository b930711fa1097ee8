"""Handlers at 100,000 learners: p50/p99 of the hot commands on SQLite (with and without statistics) and PostgreSQL.

Builds a database of `--learners` learners (120k enrollments and 900k checklist ticks at the default 100k) on
the shipped content, in one bulk insert, then calls the handlers directly, as the Discord cogs do:
/progress, /start-learning (a resume), /done, /skill-deep-dive and /today, each `--calls` times for random
learners, and prints p50/p99 per command beside its goal. Then it measures checklist ticks through the store
(`Store.set_item_done`) against raw sqlite3 running the same statements in the same transactions on the
same file (WAL, synchronous=FULL), in alternating rounds.

    .venv/bin/python bench/bench_handlers.py                      # 100k learners, 1,000 calls per command
    .venv/bin/python bench/bench_handlers.py --learners 10000 --calls 300   # a quick run
    .venv/bin/python bench/bench_handlers.py --postgres postgresql://postgres@127.0.0.1:5432/postgres
    .venv/bin/python bench/bench_handlers.py --learners 10000 --only ticks --ticks 9000   # ticks alone

PostgreSQL: a database of its own is created on that server (default: the local one; `--postgres none` skips
it), filled with `waymark db copy`'s code from the SQLite file, ANALYZEd, and dropped at the end. `--only ticks`
skips the commands (and PostgreSQL) and measures only the ticks; `--ticks` sets how many per side. Timings
are reported, never asserted: this is a shared machine.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time as clock
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.content.holder import ContentHolder  # noqa: E402
from bot.content.loader import ContentIndex  # noqa: E402
from bot.domain.reminders import next_due  # noqa: E402
from bot.domain.zones import zone_or_utc  # noqa: E402
from bot.handlers import learning, progress, today  # noqa: E402
from bot.services import Caller, Services  # noqa: E402
from bot.store import Store  # noqa: E402
from bot.store import sqlite as sqlite_module  # noqa: E402
from bot.store.copy import copy_rows  # noqa: E402
from bot.store.enrollments import _TICK  # noqa: E402
from bot.store.learners import INSERT_LEARNER  # noqa: E402
from bot.store.migrations import migrate  # noqa: E402
from bot.store.sql import text_of  # noqa: E402

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
GOAL_SQLITE_MS, STRETCH_SQLITE_MS, GOAL_POSTGRES_MS = 3.0, 1.0, 6.0
TICK_GOAL = 0.5
TOPICS = ("postgres", "kubernets", "week 14", "what comes after databases", "docker", "oauth", "react hooks")


@dataclass
class Population:
    """Who is in the generated database: each learner's active roles, for picking callers."""

    active: dict[int, list[str]]
    items: dict[str, list[str]]


def stamp(when: datetime) -> str:
    return when.isoformat(timespec="microseconds")


def generate(path: Path, index: ContentIndex, learners: int, seed: int) -> Population:
    """Write the database in one transaction of bulk inserts; return who follows what."""
    rng = random.Random(seed)
    roles = sorted(index.roles)
    items = {name: [i.id for i in index.roles[name].checklist] for name in roles}
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN")
    created = stamp(NOW - timedelta(days=200))
    conn.executemany(
        "INSERT INTO learners (user_id, timezone, progress_visible, created_at) VALUES (?, ?, ?, ?)",
        (
            (u, rng.choice(("UTC", "Europe/Paris", "America/New_York", "Asia/Tokyo")), u % 2, created)
            for u in _users(learners)
        ),
    )
    enrollments: list[tuple[int, str, str | None, str, str, int, str, str]] = []
    active: dict[int, list[str]] = {}
    extra = learners // 5  # 120k enrollments for 100k learners
    for n, user in enumerate(_users(learners)):
        picked = rng.sample(roles, 2 if n < extra else 1)
        for role in picked:
            status = "active" if rng.random() < 0.85 else rng.choice(("stopped", "completed"))
            start = (NOW - timedelta(weeks=rng.randint(0, 30))).date() - timedelta(days=rng.randint(0, 6))
            pace = rng.choice((None, "complete_beginner", "programming_background", "full_time_accelerated"))
            enrollments.append(
                (user, role, pace, start.isoformat(), status, rng.choice((0, 0, 0, 1, 2)), created, created)
            )
            if status == "active":
                active.setdefault(user, []).append(role)
    conn.executemany(
        "INSERT INTO enrollments (user_id, role, pace, start_date, status, week_shift, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        enrollments,
    )
    ticks_per = 900_000 / 120_000  # the shape: 7.5 ticks per enrollment on average

    def ticks():
        for user, role, *_ in enrollments:
            count = min(len(items[role]), max(0, round(rng.gauss(ticks_per, 3))))
            for item in rng.sample(items[role], count):
                yield user, role, item, stamp(NOW - timedelta(minutes=rng.randint(1, 200 * 24 * 60))), None

    conn.executemany(
        "INSERT INTO checklist_progress (user_id, role, item_id, done_at, proof) VALUES (?, ?, ?, ?, ?)", ticks()
    )
    conn.executemany(
        "INSERT INTO reminder_settings (user_id, enabled, weekday, local_time, timezone, updated_at)"
        " VALUES (?, 1, ?, '09:00', NULL, ?)",
        ((u, u % 7, created) for u in _users(learners)),
    )
    # Each plan is what the bot computes (the next Monday-to-Sunday slot at 09:00 in the learner's zone), so a
    # resume that changes nothing finds its plan as it is.
    zones = dict(conn.execute("SELECT user_id, timezone FROM learners").fetchall())
    conn.executemany(
        "INSERT INTO reminder_plan (target_kind, target_id, next_due) VALUES ('user', ?, ?)",
        ((u, stamp(next_due(NOW, u % 7, time(9, 0), zone_or_utc(zones[u])))) for u in active),
    )
    conn.execute("COMMIT")
    conn.close()
    return Population(active, items)


def _users(learners: int) -> range:
    return range(1_000_000, 1_000_000 + learners)


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {
            t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("learners", "enrollments", "checklist_progress")
        }
    finally:
        conn.close()


def pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))] * 1000


@dataclass
class Result:
    label: str
    command: str
    p50: float
    p99: float


async def time_commands(
    label: str, store: Store, holder: ContentHolder, pop: Population, calls: int, seed: int
) -> list[Result]:
    """Call each hot handler `calls` times for random learners with an active path (after 10% warm-up)."""
    svc = Services(holder, store)
    rng = random.Random(seed)
    users = sorted(pop.active)

    def who() -> tuple[Caller, str]:
        user = rng.choice(users)
        return Caller(user, f"u{user}", NOW, guild_id=1), rng.choice(pop.active[user])

    commands: dict[str, Callable[[], Awaitable[object]]] = {}

    async def do_progress() -> object:
        caller, _ = who()
        return await progress.progress(svc, caller)

    async def do_resume() -> object:
        caller, role = who()
        return await learning.start_learning(svc, caller, role)

    async def do_done() -> object:
        caller, role = who()
        return await progress.done(svc, caller, f"{role}:{rng.choice(pop.items[role])}")

    async def do_deep_dive() -> object:
        caller, _ = who()
        return await learning.skill_deep_dive(svc, caller, rng.choice(TOPICS))

    async def do_today() -> object:
        caller, _ = who()
        return await today.today(svc, caller)

    commands = {
        "/progress": do_progress,
        "/start-learning (resume)": do_resume,
        "/done": do_done,
        "/skill-deep-dive": do_deep_dive,
        "/today": do_today,
    }
    results = []
    for name, call in commands.items():
        for _ in range(max(1, calls // 10)):
            await call()
        samples = []
        for _ in range(calls):
            started = clock.perf_counter()
            await call()
            samples.append(clock.perf_counter() - started)
        results.append(Result(label, name, pct(samples, 0.5), pct(samples, 0.99)))
        print(f"  {name:26} p50 {results[-1].p50:6.2f} ms   p99 {results[-1].p99:6.2f} ms", flush=True)
    return results


@dataclass
class Ticks:
    """Ticks through the store against raw sqlite3: rates, and each tick's latency (commit and fsync included)."""

    store_rate: float
    raw_rate: float
    store_ms: tuple[float, float]
    raw_ms: tuple[float, float]


async def tick_throughput(path: Path, rounds: int, per_round: int) -> Ticks:
    """Ticks per second through the store and through raw sqlite3 (same statements, same file), alternating."""
    user_base = 9_000_000
    tick_sql = text_of(_TICK, "sqlite")
    store_times: list[float] = []
    raw_times: list[float] = []
    async with await Store.open(path) as store:
        raw = sqlite3.connect(path, isolation_level=None)
        raw.execute("PRAGMA busy_timeout = 5000")
        raw.execute("PRAGMA synchronous = FULL")
        raw.execute("PRAGMA foreign_keys = ON")
        now_s = stamp(NOW)
        try:
            for r in range(rounds):
                for n in range(per_round):
                    started = clock.perf_counter()
                    await store.set_item_done(user_base + n, "backend-engineer", f"store-{r}", NOW)
                    store_times.append(clock.perf_counter() - started)
                for n in range(per_round):
                    user = user_base + 500_000 + n
                    started = clock.perf_counter()
                    raw.execute("BEGIN IMMEDIATE")
                    raw.execute(INSERT_LEARNER, (user, None, now_s))
                    raw.execute(tick_sql, (user, "backend-engineer", f"raw-{r}", now_s, None))
                    raw.execute("COMMIT")
                    raw_times.append(clock.perf_counter() - started)
        finally:
            raw.close()
    return Ticks(
        len(store_times) / sum(store_times),
        len(raw_times) / sum(raw_times),
        (pct(store_times, 0.5), pct(store_times, 0.99)),
        (pct(raw_times, 0.5), pct(raw_times, 0.99)),
    )


def noise_floor(samples: int) -> tuple[float, float]:
    """p50/p99 of a fixed CPU-only job of about 0.3 ms: what this machine's other load adds to any p99."""
    times = []
    for _ in range(samples):
        started = clock.perf_counter()
        total = 0
        for k in range(6000):
            total += k * k
        times.append(clock.perf_counter() - started)
    return pct(times, 0.5), pct(times, 0.99)


@contextlib.asynccontextmanager
async def postgres_database(admin_url: str) -> AsyncIterator[str]:
    import asyncpg

    name = f"waymark_bench_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(admin_url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        parts = urlsplit(admin_url)
        yield urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def sqlite_commands(
    work: Path, base: Path, analyzed: Path, holder: ContentHolder, pop: Population, args: argparse.Namespace
) -> list[Result]:
    """Time the commands on SQLite: statistics at start, none at start, none at all."""
    results: list[Result] = []
    # Statistics present at start (as after a clean close of an earlier run).
    print("SQLite, statistics at start:", flush=True)
    async with await Store.open(analyzed) as store:
        results += await time_commands("sqlite, statistics", store, holder, pop, args.calls, args.seed)

    # SQLite, no statistics at start: the store analyzes at open (timed here).
    bare = work / "bare.sqlite3"
    shutil.copyfile(base, bare)
    started = clock.perf_counter()
    async with await Store.open(bare) as store:
        opened = clock.perf_counter() - started
        print(f"SQLite, no statistics at start (open, with its ANALYZE, took {opened * 1000:.0f} ms):", flush=True)
        results += await time_commands("sqlite, none at start", store, holder, pop, args.calls, args.seed)

    # SQLite with no statistics at all (the open-time ANALYZE switched off): the plans alone.
    unanalyzed = work / "unanalyzed.sqlite3"
    shutil.copyfile(base, unanalyzed)
    real = sqlite_module.statistics_missing
    sqlite_module.statistics_missing = lambda conn: False  # type: ignore[assignment]
    try:
        print("SQLite, no statistics at all (ANALYZE at open switched off for this run):", flush=True)
        async with await Store.open(unanalyzed) as store:
            results += await time_commands("sqlite, never analyzed", store, holder, pop, args.calls, args.seed)
    finally:
        sqlite_module.statistics_missing = real
    return results


async def postgres_commands(
    analyzed: Path, holder: ContentHolder, pop: Population, args: argparse.Namespace
) -> list[Result]:
    """Time the commands on PostgreSQL, in a database of its own filled from the SQLite file."""
    results: list[Result] = []
    async with postgres_database(args.postgres) as url:
        started = clock.perf_counter()
        async with await Store.open(analyzed) as source, await Store.open(url) as dest:
            await copy_rows(source.database, dest.database, chunk=20_000)
        import asyncpg

        conn = await asyncpg.connect(url)
        await conn.execute("ANALYZE")
        await conn.close()
        took = clock.perf_counter() - started
        print(f"PostgreSQL (filled by db copy and ANALYZEd in {took:.1f} s):", flush=True)
        async with await Store.open(url) as store:
            results += await time_commands("postgres", store, holder, pop, args.calls, args.seed)
    return results


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--learners", type=int, default=100_000)
    parser.add_argument("--calls", type=int, default=1000, help="timed calls per command and backend")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ticks", type=int, default=3000, help="ticks per side in the throughput comparison")
    parser.add_argument(
        "--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres", help="admin URL, or 'none'"
    )
    parser.add_argument("--only", choices=("all", "ticks"), default="all", help="'ticks': measure only the ticks")
    args = parser.parse_args()
    commands = args.only == "all"
    # As the bot does: the content index is frozen out of the cyclic GC (see ContentHolder).
    holder = ContentHolder.load(ROOT / "content", NOW, freeze_gc=True)
    index = holder.index
    work = Path(tempfile.mkdtemp(prefix="waymark-bench-"))
    try:
        base = work / "base.sqlite3"
        started = clock.perf_counter()
        pop = generate(base, index, args.learners, args.seed)
        built = clock.perf_counter() - started
        print(f"generated {counts(base)} in {built:.1f} s ({base.stat().st_size / 1e6:.0f} MB)", flush=True)
        results: list[Result] = []

        # The files start with statistics (as after a clean close of an earlier run).
        analyzed = work / "analyzed.sqlite3"
        shutil.copyfile(base, analyzed)
        with contextlib.closing(sqlite3.connect(analyzed)) as conn:
            conn.execute("ANALYZE")
        if commands:
            results += await sqlite_commands(work, base, analyzed, holder, pop, args)
            if args.postgres != "none":
                results += await postgres_commands(analyzed, holder, pop, args)

        ticks = work / "ticks.sqlite3"
        shutil.copyfile(analyzed, ticks)
        per_round = max(100, args.ticks // 3)
        tick = await tick_throughput(ticks, 3, per_round)
        floor = noise_floor(args.calls * 5)

        if results:
            print()
            print(f"{'backend':24} {'command':26} {'p50 ms':>8} {'p99 ms':>8}   goal (p99)")
        for r in results:
            goal = GOAL_POSTGRES_MS if r.label == "postgres" else GOAL_SQLITE_MS
            verdict = "met" if r.p99 <= goal else "MISSED"
            extra = "" if r.label == "postgres" else (" (stretch 1 ms met)" if r.p99 <= STRETCH_SQLITE_MS else "")
            print(f"{r.label:24} {r.command:26} {r.p50:8.2f} {r.p99:8.2f}   <= {goal:g} ms {verdict}{extra}")
        ratio = tick.store_rate / tick.raw_rate
        print(
            f"\nticks: store {tick.store_rate:,.0f}/s, raw sqlite3 {tick.raw_rate:,.0f}/s "
            f"(same statements, same file): {ratio:.0%} of raw, "
            f"goal >= {TICK_GOAL:.0%}: {'met' if ratio >= TICK_GOAL else 'MISSED'}"
        )
        print(
            f"one tick (a commit with its fsync): store p50 {tick.store_ms[0]:.2f} ms p99 {tick.store_ms[1]:.2f} ms, "
            f"raw sqlite3 p50 {tick.raw_ms[0]:.2f} ms p99 {tick.raw_ms[1]:.2f} ms"
        )
        print(
            f"noise floor: a fixed CPU-only job timed in this run: p50 {floor[0]:.2f} ms p99 {floor[1]:.2f} ms "
            "(what other processes on this machine add to any p99 above)"
        )
        if results:
            worst = max((r.p99 for r in results if r.label != "postgres"), default=0.0)
            median_p50 = statistics.median(r.p50 for r in results)
            print(f"worst SQLite p99 {worst:.2f} ms; median of p50s {median_p50:.2f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
