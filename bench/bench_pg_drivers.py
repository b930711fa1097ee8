"""asyncpg against psycopg 3 (async) over loopback: the measurement behind the store's choice of asyncpg.

A one-row-set read by key and a read-then-insert transaction, each `--n` times on one connection with prepared
statements, in a database of its own (created and dropped). psycopg is not a dependency: install it to compare
(`.venv/bin/pip install 'psycopg[binary]'`); without it only asyncpg is measured.

    .venv/bin/python bench/bench_pg_drivers.py [--url postgresql://postgres@127.0.0.1:5432/postgres] [--n 3000]
"""

from __future__ import annotations

import argparse
import asyncio
import time
import uuid
from urllib.parse import urlsplit, urlunsplit

import asyncpg


def pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[int(p * (len(ordered) - 1))] * 1000


async def with_asyncpg(url: str, n: int) -> tuple[list[float], list[float]]:
    conn = await asyncpg.connect(url)
    reads, writes = [], []
    try:
        for k in range(n):
            started = time.perf_counter()
            await conn.fetch("SELECT item, done_at FROM t WHERE user_id = $1 AND role = $2", k % 2000, "r")
            reads.append(time.perf_counter() - started)
        for k in range(n):
            started = time.perf_counter()
            async with conn.transaction():
                await conn.fetchrow("SELECT 1 FROM t WHERE user_id = $1 AND role = $2 AND item = $3", k, "r", "a")
                await conn.execute("INSERT INTO t VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", k, "r", "a", "y")
            writes.append(time.perf_counter() - started)
    finally:
        await conn.close()
    return reads, writes


async def with_psycopg(url: str, n: int) -> tuple[list[float], list[float]] | None:
    try:
        import psycopg
    except ImportError:
        return None
    reads, writes = [], []
    async with await psycopg.AsyncConnection.connect(url) as conn:
        for k in range(n):
            started = time.perf_counter()
            cur = await conn.execute(
                "SELECT item, done_at FROM t WHERE user_id = %s AND role = %s", (k % 2000, "r"), prepare=True
            )
            await cur.fetchall()
            reads.append(time.perf_counter() - started)
        for k in range(n):
            started = time.perf_counter()
            async with conn.transaction():
                cur = await conn.execute(
                    "SELECT 1 FROM t WHERE user_id = %s AND role = %s AND item = %s", (k, "r", "b"), prepare=True
                )
                await cur.fetchone()
                await conn.execute(
                    "INSERT INTO t VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING", (k, "r", "b", "y"), prepare=True
                )
            writes.append(time.perf_counter() - started)
    return reads, writes


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="postgresql://postgres@127.0.0.1:5432/postgres", help="an admin URL")
    parser.add_argument("--n", type=int, default=3000)
    args = parser.parse_args()
    name = f"waymark_drivers_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(args.url)
    await admin.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(args.url)
    url = urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))
    try:
        conn = await asyncpg.connect(url)
        await conn.execute(
            "CREATE TABLE t (user_id BIGINT, role TEXT, item TEXT, done_at TEXT, PRIMARY KEY (user_id, role, item))"
        )
        await conn.executemany(
            "INSERT INTO t VALUES ($1, $2, $3, $4)", [(i, "r", f"i{j}", "x") for i in range(2000) for j in range(5)]
        )
        await conn.close()
        for label, run in (("asyncpg", with_asyncpg), ("psycopg", with_psycopg)):
            measured = await run(url, args.n)
            if measured is None:
                print(f"{label:8} not installed")
                continue
            reads, writes = measured
            print(
                f"{label:8} read p50 {pct(reads, 0.5):.3f} ms p99 {pct(reads, 0.99):.3f} ms | "
                f"read-then-insert transaction p50 {pct(writes, 0.5):.3f} ms p99 {pct(writes, 0.99):.3f} ms"
            )
    finally:
        await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        await admin.close()


if __name__ == "__main__":
    asyncio.run(main())
