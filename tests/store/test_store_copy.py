"""`waymark db copy`: a SQLite database into PostgreSQL and back, every learner the same, counts checked."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.__main__ import main
from bot.store import Store
from tests import peek
from tests.store.conftest import postgres_database

USERS = (11, 22, 33)


async def cli(*args: str) -> int:
    """Run `waymark ARGS` as a command would (it runs its own event loop, so in a thread of its own)."""
    return await asyncio.to_thread(main, list(args))


async def fill(store: Store, now: datetime) -> None:
    """Something of everything: enrollments, ticks, reviews, check-ins, settings, groups, plans, deliveries, meta."""
    for n, user in enumerate(USERS):
        await store.set_timezone(user, "Europe/Paris" if n else "UTC", now)
        await store.enroll(user, "backend-engineer", "full_time_accelerated" if n else None, date(2025, 1, 6), now)
        ticked = now + timedelta(hours=n)
        await store.set_item_done(
            user, "backend-engineer", f"item-{n}", ticked, f"p{n}", review_due=ticked + timedelta(days=7)
        )
        await store.add_checkin(user, "backend-engineer", now + timedelta(days=n))
        await store.set_reminder_settings(user, enabled=True, weekday=n, local_time=time(9, n), now=now)
        await store.set_plan("user", user, now + timedelta(days=7 + n))
    await store.answer_review(11, "backend-engineer", "item-0", 1, 2, now + timedelta(days=28), now + timedelta(days=7))
    await store.set_reviews_enabled(22, False, now)
    await store.enroll(11, "data-engineer", None, None, now)
    await store.stop_enrollment(11, "data-engineer", now)
    kept = await store.create_group(
        guild_id=5, name="Night Owls", role="backend-engineer", channel_id=9, weekday=2,
        local_time=time(21, 0), timezone="UTC", created_by=11, now=now,
    )  # fmt: skip
    gone = await store.create_group(
        guild_id=5, name="Gone", role="backend-engineer", channel_id=9, weekday=2,
        local_time=time(21, 0), timezone="UTC", created_by=22, now=now,
    )  # fmt: skip
    await store.delete_group(gone.id)  # its id must never come back
    for user in USERS:
        await store.join_group(kept.id, user, now)
    delivery = await store.begin_delivery("user", 22, "2025-W10", now)
    assert delivery is not None
    await store.finish_delivery("user", 22, "2025-W10", now, now + timedelta(days=7))
    await store.begin_delivery("group", kept.id, "2025-W10", now)
    await store.set_meta("commands_hash", "abc")


async def seen(store: Store, now: datetime) -> dict[str, Any]:
    """Everything a learner or a group shows, read through the store."""
    groups = await store.list_groups(5)
    return {
        "users": {user: await store.export_user(user) for user in USERS},
        "groups": groups,
        "members": {g.id: await store.group_members(g.id) for g in groups},
        "ticks": {g.id: await store.group_ticks_since(g.id, now - timedelta(days=1)) for g in groups},
        "due": await store.due_targets(now + timedelta(days=30)),
        "pending": await peek.pending_deliveries(store),
        "meta": await store.get_meta("commands_hash"),
        "followed": await store.followed_roles(),
    }


async def test_sqlite_to_postgres_and_back_shows_every_learner_the_same(
    tmp_path: Path, now: datetime, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bot.sqlite3"
    async with await Store.open(source) as store:
        await fill(store, now)
        before = await seen(store, now)
    back = tmp_path / "back.sqlite3"
    async with postgres_database() as url:
        assert await cli("db", "copy", str(source), url) == 0
        out = capsys.readouterr().out
        assert "the row counts of every table match" in out
        assert "checklist_progress: 3 rows" in out
        async with await Store.open(url) as copied:
            assert await seen(copied, now) == before
        assert await cli("db", "copy", url, str(back)) == 0
        async with await Store.open(url) as copied:  # a new group on PostgreSQL gets an id never used
            group = await copied.create_group(
                guild_id=5, name="New", role="r", channel_id=1, weekday=0,
                local_time=time(9, 0), timezone="UTC", created_by=None, now=now,
            )  # fmt: skip
            assert group.id == 3
    async with await Store.open(back) as store:
        assert await seen(store, now) == before
        group = await store.create_group(
            guild_id=5, name="New", role="r", channel_id=1, weekday=0,
            local_time=time(9, 0), timezone="UTC", created_by=None, now=now,
        )  # fmt: skip
        assert group.id == 3


async def test_copy_refuses_a_destination_that_holds_rows(
    tmp_path: Path, now: datetime, capsys: pytest.CaptureFixture[str]
) -> None:
    source, dest = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    for path in (source, dest):
        async with await Store.open(path) as store:
            await store.ensure_learner(1, now)
    assert await cli("db", "copy", str(source), str(dest)) == 1
    err = capsys.readouterr().err
    assert "already holds rows: learners (1)" in err
    assert "copy into a new, empty database" in err


def test_copy_from_a_missing_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "copy", str(tmp_path / "nope.sqlite3"), str(tmp_path / "b.sqlite3")]) == 2
    assert "there is no database at" in capsys.readouterr().err
    assert not (tmp_path / "b.sqlite3").exists()


async def test_backup_of_postgres_says_to_use_pg_dump(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    async with postgres_database() as url:
        assert await cli("db", "backup", "copy.sqlite3", "--db", url) == 2
        monkeypatch.setenv("WAYMARK_DATABASE_URL", url)
        assert await cli("db", "backup", "copy.sqlite3") == 2
    err = capsys.readouterr().err
    assert err.count("is a PostgreSQL database: back it up with PostgreSQL's own tools") == 2
    assert "pg_dump" in err
    assert not (tmp_path / "copy.sqlite3").exists()


def test_copied_sqlite_file_is_a_sound_database(tmp_path: Path, now: datetime) -> None:
    source, dest = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"

    async def make() -> None:
        async with await Store.open(source) as store:
            await fill(store, now)

    asyncio.run(make())
    assert main(["db", "copy", str(source), str(dest)]) == 0
    conn = sqlite3.connect(dest)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
