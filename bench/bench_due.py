"""Benchmark picking the due reminder targets out of 1,000,000 planned ones.

    python bench/bench_due.py [--rows 1000000] [--runs 200] [--baseline-runs 20] [--strict]

Builds a throw-away database (the real schema, through `Store.open`) in a temporary directory with
`--rows` reminder_plan rows whose due times are spread over one week, then times, through the
`Store` API as the scheduler calls it:

* `due_targets(now, limit=500)` when the loop wakes on time (now = earliest due + 1 minute: ~100
  targets due) and after an outage (now = mid-week: half the rows due, 500 returned);
* `earliest_due()`.

Each is printed as p50/p99 beside the goal (<= 20 ms) and a baseline measured in the same run: the
same SQL on a copy of the table without the index (a full scan plus a top-N sort). Timings on a
shared machine are noisy, so the exit code is 0 unless --strict is given.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import sqlite3
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.store import Store
from bot.store.reminders import DUE_TARGETS_SQL as _DUE_TARGETS_SQL

GOAL_MS = 20.0
LIMIT = 500
WEEK_START = datetime(2026, 1, 5, tzinfo=UTC)
WEEK_SECONDS = 7 * 24 * 3600

# A deterministic spread of due times over the week (Knuth's multiplicative hash of the id), with
# microseconds so that the text has the store's fixed-width form; 1 target in 20 is a group.
_FILL = """
INSERT INTO reminder_plan (target_kind, target_id, next_due)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
SELECT CASE WHEN i % 20 = 0 THEN 'group' ELSE 'user' END,
       i,
       strftime('%Y-%m-%dT%H:%M:%S', ?, '+' || ((i * 2654435761) % ?) || ' seconds')
           || printf('.%06d+00:00', (i * 40503) % 1000000)
FROM n
"""
_BASELINE_TABLE = "plan_noindex"
_BASELINE_DUE_SQL = _DUE_TARGETS_SQL.replace("FROM reminder_plan", f"FROM {_BASELINE_TABLE}")
_INDEXED_MIN_SQL = "SELECT MIN(next_due) FROM reminder_plan"
_BASELINE_MIN_SQL = f"SELECT MIN(next_due) FROM {_BASELINE_TABLE}"


def pct(sorted_ms: list[float], p: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    if not sorted_ms:
        return math.nan
    return sorted_ms[max(1, math.ceil(p / 100 * len(sorted_ms))) - 1]


def fmt_ms(value: float) -> str:
    if math.isnan(value):
        return "n/a"
    return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"


def p50_p99(ms: list[float]) -> str:
    ms = sorted(ms)
    return f"{fmt_ms(pct(ms, 50))} / {fmt_ms(pct(ms, 99))}"


def files_mb(directory: Path) -> float:
    return sum(p.stat().st_size for p in directory.iterdir()) / 1e6


async def build(path: Path, rows: int) -> float:
    """Create the schema with the store, then fill reminder_plan and its unindexed copy; return seconds."""
    async with await Store.open(path):
        pass
    started = time.perf_counter()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -262144")  # 256 MB while building: index inserts stay in memory
        conn.execute("BEGIN")
        conn.execute(_FILL, (rows, WEEK_START.strftime("%Y-%m-%d %H:%M:%S"), WEEK_SECONDS))
        conn.execute(f"CREATE TABLE {_BASELINE_TABLE} AS SELECT * FROM reminder_plan")
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        count = conn.execute("SELECT COUNT(*) FROM reminder_plan").fetchone()[0]
        assert count == rows, (count, rows)
    finally:
        conn.close()
    return time.perf_counter() - started


async def time_async(fn: Callable[[], Awaitable[object]], runs: int, warmup: int = 5) -> list[float]:
    for _ in range(warmup):
        await fn()
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        await fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def time_sql(conn: sqlite3.Connection, sql: str, params: tuple[object, ...], runs: int) -> tuple[list[float], int]:
    conn.execute(sql, params).fetchall()  # warm the page cache
    out = []
    n = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        n = len(conn.execute(sql, params).fetchall())
        out.append((time.perf_counter() - t0) * 1000)
    return out, n


def plan_of(conn: sqlite3.Connection, sql: str, params: tuple[object, ...]) -> str:
    return "; ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))


async def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="waymark-bench-due-") as tmp:
        path = Path(tmp) / "waymark.sqlite3"
        build_s = await build(path, args.rows)
        size_mb = files_mb(Path(tmp))
        print(
            f"database {args.rows:,} reminder_plan rows due over one week (+ an unindexed copy), "
            f"{size_mb:.0f} MB, built in {build_s:.1f} s"
        )

        async with await Store.open(path) as store:
            earliest = await store.earliest_due()
            assert earliest is not None
            on_time = earliest + timedelta(minutes=1)
            backlog = WEEK_START + timedelta(days=3.5)
            scenarios = {
                "due_targets, loop on time": on_time,
                "due_targets, after an outage": backlog,
            }
            results: list[tuple[str, list[float], int, list[float], str]] = []
            conn = sqlite3.connect(path)
            try:
                for name, now in scenarios.items():
                    due = await store.due_targets(now, limit=LIMIT)
                    now_s = now.isoformat(timespec="microseconds")
                    total_due = conn.execute(
                        "SELECT COUNT(*) FROM reminder_plan WHERE next_due <= ?", (now_s,)
                    ).fetchone()[0]
                    api = await time_async(lambda now=now: store.due_targets(now, limit=LIMIT), args.runs)
                    base, n = time_sql(conn, _BASELINE_DUE_SQL, (now_s, LIMIT), args.baseline_runs)
                    assert n == len(due)
                    results.append((f"{name} ({total_due:,} due, {len(due)} returned)", api, n, base, now_s))
                api = await time_async(store.earliest_due, args.runs)
                base, _ = time_sql(conn, _BASELINE_MIN_SQL, (), args.baseline_runs)
                results.append(("earliest_due", api, 1, base, ""))
                indexed_plan = plan_of(conn, _DUE_TARGETS_SQL, ("x", LIMIT))
                baseline_plan = plan_of(conn, _BASELINE_DUE_SQL, ("x", LIMIT))
                min_plan = plan_of(conn, _INDEXED_MIN_SQL, ())
            finally:
                conn.close()

    print(f"plans    indexed: {indexed_plan}\n         earliest: {min_plan}\n         baseline: {baseline_plan}")
    print(
        f"timings  store API (rows decoded), {args.runs} runs after 5 warm-up; "
        f"baseline: the same SQL on the unindexed copy, raw sqlite3, {args.baseline_runs} runs\n"
    )
    rows = [("figure", "p50 / p99", "goal", "baseline p50 / p99 (no index)")]
    for name, api, _, base, _ in results:
        p50, p99 = pct(sorted(api), 50), pct(sorted(api), 99)
        speedup = pct(sorted(base), 50) / p50 if p50 > 0 else math.nan
        rows.append((name, p50_p99(api), f"p99 <= {GOAL_MS:g} ms", f"{p50_p99(base)}  ({speedup:,.0f}x slower)"))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[3])

    print()
    failed = False
    for name, api, _, _, _ in results:
        p99 = pct(sorted(api), 99)
        ok = p99 <= GOAL_MS
        failed |= not ok
        print(f"{'PASS' if ok else 'FAIL'}  {name}: p99 {fmt_ms(p99)} <= {GOAL_MS:g} ms")
    print(f"\ntotal {time.perf_counter() - started:.1f} s")
    return 1 if args.strict and failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="reminder_plan rows (default 1,000,000)")
    parser.add_argument("--runs", type=int, default=200, help="timed runs per figure (default 200)")
    parser.add_argument("--baseline-runs", type=int, default=20, help="timed runs of each baseline (default 20)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    args = parser.parse_args(argv)
    if args.rows < 1 or args.runs < 1 or args.baseline_runs < 1:
        parser.error("--rows, --runs and --baseline-runs must be positive")
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
