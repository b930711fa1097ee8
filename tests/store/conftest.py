"""Fixtures for the store tests: a fresh database per test, on SQLite and on PostgreSQL, and a fixed clock."""

import asyncio
import contextlib
import os
import select
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from bot.store import Store

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def now() -> datetime:
    return NOW


def start_child(code: str, *args: object) -> subprocess.Popen[str]:
    """Run `python -c code args...` with the project importable; its stdout is a pipe of text lines."""
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def expect_line(proc: subprocess.Popen[str], expected: str, timeout: float = 20) -> str:
    """Wait for the child's next line and check it is `expected` (with its newline)."""
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, f"the child printed nothing within {timeout} s"
    line = proc.stdout.readline()
    assert line == expected, f"unexpected output {line!r}; stderr: {proc.stderr.read() if proc.poll() else ''}"
    return line


# ---------------------------------------------------------------------- both backends
#
# The store tests run on SQLite and on PostgreSQL: `store` (and `target`, what `Store.open` is given) is
# parametrised. Each PostgreSQL test gets a database of its own, created on the server at
# WAYMARK_TEST_POSTGRES_URL (default: the local server, user postgres) and dropped afterwards. Without a
# server there, those tests skip and say why, unless WAYMARK_REQUIRE_POSTGRES=1 (as in CI): then they fail.
# A test marked `sqlite_only` (it reads the file, or SQLite's own settings) runs on SQLite alone.

ADMIN_URL = os.environ.get("WAYMARK_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REQUIRE_POSTGRES = os.environ.get("WAYMARK_REQUIRE_POSTGRES", "") not in ("", "0")
BACKENDS = ("sqlite", "postgres")


async def _probe(url: str) -> str | None:
    """Say why no PostgreSQL server can be used at `url`, or None when one answers."""
    try:
        import asyncpg
    except ImportError as exc:
        return f"asyncpg is not installed ({exc})"
    try:
        conn = await asyncio.wait_for(asyncpg.connect(url), timeout=5)
    except Exception as exc:
        return f"no PostgreSQL server at {url}: {exc or type(exc).__name__}"
    await conn.close()
    return None


_PROBED: dict[str, str | None] = {}


async def postgres_problem() -> str | None:
    """Ask once per test run whether the PostgreSQL server answers."""
    if ADMIN_URL not in _PROBED:
        _PROBED[ADMIN_URL] = await _probe(ADMIN_URL)
    return _PROBED[ADMIN_URL]


async def need_postgres() -> None:
    """Skip (or, with WAYMARK_REQUIRE_POSTGRES=1, fail) the calling test when no PostgreSQL server answers."""
    problem = await postgres_problem()
    if problem is None:
        return
    reason = f"PostgreSQL tests need a server: {problem} (set WAYMARK_TEST_POSTGRES_URL)"
    if REQUIRE_POSTGRES:
        pytest.fail(f"{reason}; WAYMARK_REQUIRE_POSTGRES is set, so this is a failure", pytrace=False)
    pytest.skip(reason)


@contextlib.asynccontextmanager
async def postgres_database() -> AsyncIterator[str]:
    """Create a database with a unique name on the test server, yield its URL, then drop it."""
    import asyncpg

    await need_postgres()
    name = f"waymark_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(ADMIN_URL)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        parts = urlsplit(ADMIN_URL)
        yield urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


@pytest.fixture(params=BACKENDS)
async def target(request: pytest.FixtureRequest, db_path: Path) -> AsyncIterator[str | Path]:
    """What `Store.open` is given: a new SQLite file's path, or a new PostgreSQL database's URL."""
    if request.param == "sqlite":
        yield db_path
        return
    async with postgres_database() as url:
        yield url


@pytest.fixture
async def store(target: str | Path) -> AsyncIterator[Store]:
    """A fresh store per test, on each backend."""
    opened = await Store.open(target)
    try:
        yield opened
    finally:
        await opened.close()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the PostgreSQL runs of tests marked `sqlite_only`."""
    keep: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_postgres = callspec is not None and callspec.params.get("target") == "postgres"
        (dropped if on_postgres and item.get_closest_marker("sqlite_only") else keep).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep
