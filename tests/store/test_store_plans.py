"""The query plans of the hot units of work on SQLite: index searches, never a table scan, with or without statistics.

Each unit runs on a file of a few thousand learners, through the same driver the store uses, and every
statement it sends is checked with EXPLAIN QUERY PLAN first. Without statistics (`sqlite_stat1` empty: a
file no process has analyzed) and with them (ANALYZE on data where most enrollments are active, which
made the status index look attractive), the plans must search by key.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.store import Store, enrollments, groups, learners, meta, reminders, reviews
from bot.store import sqlite as sqlite_module
from bot.store.migrations import migrate
from bot.store.sql import Op, Work, drive, text_of
from bot.store.sqlite import statistics_missing

pytestmark = pytest.mark.sqlite_only

NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)
NOW_S = NOW.isoformat(timespec="microseconds")
LEARNERS = 3000
TABLES = (
    "learners",
    "enrollments",
    "checklist_progress",
    "checkins",
    "reminder_settings",
    "reminder_plan",
    "deliveries",
    "study_groups",
    "group_members",
    "meta",
    "reviews",
    "review_settings",
)


def build(path: Path) -> None:
    """A file shaped like a busy bot's: every learner active on one path, ticks, plans, a few groups."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn)
    conn.execute("BEGIN")
    stamp = NOW_S
    conn.executemany(
        "INSERT INTO learners (user_id, timezone, created_at) VALUES (?, 'UTC', ?)",
        [(u, stamp) for u in range(LEARNERS)],
    )
    conn.executemany(
        "INSERT INTO enrollments (user_id, role, start_date, status, created_at, updated_at)"
        " VALUES (?, ?, '2026-01-05', ?, ?, ?)",
        [(u, f"role-{u % 6}", "active" if u % 10 else "stopped", stamp, stamp) for u in range(LEARNERS)],
    )
    conn.executemany(
        "INSERT INTO checklist_progress (user_id, role, item_id, done_at) VALUES (?, ?, ?, ?)",
        [(u, f"role-{u % 6}", f"item-{i}", stamp) for u in range(LEARNERS) for i in range(8)],
    )
    conn.executemany(
        "INSERT INTO reviews (user_id, role, item_id, box, due_at) VALUES (?, ?, ?, ?, ?)",
        [(u, f"role-{u % 6}", f"item-{i}", 1 + i % 4, stamp) for u in range(LEARNERS) for i in range(8)],
    )
    conn.executemany(
        "INSERT INTO review_settings (user_id, enabled, updated_at) VALUES (?, 0, ?)",
        [(u, stamp) for u in range(0, LEARNERS, 7)],
    )
    conn.executemany(
        "INSERT INTO reminder_settings (user_id, weekday, local_time, updated_at) VALUES (?, 0, '09:00', ?)",
        [(u, stamp) for u in range(LEARNERS)],
    )
    conn.executemany(
        "INSERT INTO reminder_plan (target_kind, target_id, next_due) VALUES ('user', ?, ?)",
        [(u, stamp) for u in range(LEARNERS)],
    )
    conn.executemany(
        "INSERT INTO study_groups (guild_id, name, role, channel_id, weekday, local_time, timezone, created_at)"
        " VALUES (1, ?, 'role-0', 1, 0, '09:00', 'UTC', ?)",
        [(f"group {g}", stamp) for g in range(30)],
    )
    conn.executemany(
        "INSERT INTO group_members (group_id, user_id, joined_at) VALUES (?, ?, ?)",
        [(1 + u % 30, u, stamp) for u in range(0, LEARNERS, 6)],
    )
    conn.execute("COMMIT")
    conn.close()


# The units behind /progress, /start-learning, /done, /today, /skill-deep-dive and the reminder loop.
HOT: dict[str, Callable[[], Work[Any]]] = {
    "get_learner": lambda: learners.get_learner(42),
    "insert_learner": lambda: learners.insert_learner(42, NOW_S, None),
    "list_enrollments": lambda: enrollments.list_enrollments(42, ("active",)),
    "list_all_enrollments": lambda: enrollments.list_enrollments(42, None),
    "get_enrollment": lambda: enrollments.get_enrollment(42, "role-0"),
    "get_progress": lambda: enrollments.get_progress(42, "role-0"),
    "tick": lambda: enrollments._tick(42, "role-0", "item-new", NOW_S, None, NOW_S),
    "untick": lambda: enrollments._untick(42, "role-0", "item-1"),
    "reviews": lambda: reviews._list(42, None),
    "reviews_of_a_path": lambda: reviews._list(42, "role-0"),
    "review": lambda: reviews._get(42, "role-0", "item-1"),
    "answer_review": lambda: reviews._answer(42, "role-0", "item-1", 2, 3, NOW_S, NOW_S),
    "reviews_enabled": lambda: reviews._enabled(42),
    "checkins": lambda: enrollments._list_checkins(42, "role-0"),
    "reminder_settings": lambda: reminders.get_settings(42),
    "plan": lambda: reminders._plan_text("user", 42),
    "set_plan": lambda: reminders.set_plan("user", 42, NOW_S),
    "due_targets": lambda: reminders._due_targets(NOW_S, 500),
    "earliest_due": lambda: reminders._earliest_due(),
    "user_groups": lambda: groups._user_groups(42),
    "group_ticks_since": lambda: groups._ticks_since(1, (NOW - timedelta(days=7)).isoformat(timespec="microseconds")),
    "group_members": lambda: groups._members(1),
    "meta": lambda: meta.get_meta("snooze:user:42"),
}


def plans(conn: sqlite3.Connection, work: Work[Any]) -> list[tuple[str, str]]:
    """Run a unit of work on `conn`, returning (statement, its query plan) for each statement it sent."""
    seen: list[tuple[str, str]] = []

    def execute(op: Op) -> Any:
        sql = text_of(op.statement, "sqlite")
        plan = " | ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", op.params))
        seen.append((sql, plan))
        cursor = conn.execute(sql, op.params)
        return {"one": cursor.fetchone, "rows": cursor.fetchall}.get(op.kind, lambda: cursor.rowcount)()

    conn.execute("BEGIN")
    try:
        drive(work, execute, lambda exc: None)
    finally:
        conn.execute("ROLLBACK")
    return seen


@pytest.fixture(scope="module")
def busy_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plans") / "busy.sqlite3"
    build(path)
    return path


@pytest.fixture(params=["without statistics", "with statistics"])
def conn(request: pytest.FixtureRequest, busy_file: Path, tmp_path: Path) -> sqlite3.Connection:
    copy = tmp_path / "copy.sqlite3"
    source = sqlite3.connect(busy_file)
    target = sqlite3.connect(copy, isolation_level=None)
    source.backup(target)
    source.close()
    target.row_factory = sqlite3.Row
    if request.param == "with statistics":
        target.execute("ANALYZE")
        assert not statistics_missing(target)
    else:
        assert statistics_missing(target)
    return target


@pytest.mark.parametrize("name", HOT)
def test_hot_units_search_by_key(conn: sqlite3.Connection, name: str) -> None:
    for sql, plan in plans(conn, HOT[name]()):
        steps = plan.split(" | ")
        scans = [s for s in steps if s.startswith("SCAN ") and any(f"SCAN {t}" in s for t in TABLES)]
        assert not scans, f"{name}: {sql}\n  plan: {plan}"


def test_active_enrollments_use_the_primary_key_not_the_status_index(conn: sqlite3.Connection) -> None:
    [(sql, plan)] = plans(conn, HOT["list_enrollments"]())
    assert "USING INDEX sqlite_autoindex_enrollments_1 (user_id=?)" in plan, plan
    assert "enrollments_by_status" not in plan, plan


def test_group_ticks_search_each_members_ticks_by_time(conn: sqlite3.Connection) -> None:
    [(sql, plan)] = plans(conn, HOT["group_ticks_since"]())
    assert "checklist_progress_by_time (user_id=? AND role=? AND done_at>?)" in plan, plan


async def test_open_analyzes_a_file_that_has_no_statistics(busy_file: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(busy_file, copy)
    with contextlib.closing(sqlite3.connect(copy)) as conn:
        assert statistics_missing(conn)
    async with await Store.open(copy):
        pass
    with contextlib.closing(sqlite3.connect(copy)) as conn:
        assert not statistics_missing(conn)
        [(stat,)] = conn.execute("SELECT stat FROM sqlite_stat1 WHERE idx = 'enrollments_by_status'").fetchall()
        # The planner knows about how many enrollments there are (ANALYZE samples: analysis_limit).
        assert 0.8 * LEARNERS <= int(stat.split()[0]) <= 1.2 * LEARNERS


async def test_statistics_are_refreshed_an_hour_after_the_last_time(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, now: datetime
) -> None:
    optimized: list[Path] = []
    monkeypatch.setattr(sqlite_module, "_optimize", lambda conn, path: optimized.append(path))
    clock = [1000.0]
    monkeypatch.setattr(sqlite_module, "monotonic", lambda: clock[0])  # the store's clock only, not asyncio's
    async with await Store.open(db_path) as store:
        await store.ensure_learner(1, now)
        assert optimized == []
        clock[0] += sqlite_module.OPTIMIZE_INTERVAL_S
        await store.ensure_learner(2, now)
        assert optimized == [db_path]
        await store.ensure_learner(3, now)
        assert optimized == [db_path]
    assert optimized == [db_path, db_path]  # and once more at close
