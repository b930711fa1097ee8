"""The language of each learner and each study group: stored, English by default, kept by migrations and copies."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from bot.store import LATEST_VERSION, Store
from bot.store.copy import copy_rows
from bot.store.postgres import migrate_postgres
from bot.store.sql import Work, run
from tests.store.conftest import postgres_database
from tests.store.test_store_migrations import SEEDS, check_seeded_data

GROUP: dict[str, Any] = {
    "guild_id": 5,
    "role": "backend-engineer",
    "channel_id": 9,
    "weekday": 2,
    "local_time": time(21, 0),
    "timezone": "UTC",
}


async def test_a_learner_speaks_english_until_a_command_says_otherwise(store: Store, now: datetime) -> None:
    assert (await store.ensure_learner(1, now)).locale == "en"
    assert await store.set_learner_locale(1, "de") is True
    assert await store.set_learner_locale(1, "de") is False  # unchanged: nothing written
    learner = await store.get_learner(1)
    assert learner is not None
    assert learner.locale == "de"
    await store.set_timezone(1, "Europe/Berlin", now)  # other writes to the row keep it
    assert (await store.ensure_learner(1, now)).locale == "de"
    assert await store.set_learner_locale(1, "es") is True
    assert (await store.ensure_learner(1, now)).locale == "es"


async def test_only_a_learner_gets_a_language_stored(store: Store, now: datetime) -> None:
    assert await store.set_learner_locale(2, "de") is False
    assert await store.get_learner(2) is None  # nobody is created for it
    export = await store.export_user(2)
    assert (export["locale"], export["learner"]) == (None, None)


async def test_remembering_a_language_writes_only_a_change(store: Store, now: datetime) -> None:
    assert await store.remember_locale(1, "de") is False  # not a learner: nothing stored
    assert await store.get_learner(1) is None
    await store.ensure_learner(1, now)
    assert await store.remember_locale(1, "de") is True
    assert await store.remember_locale(1, "de") is False
    assert await store.remember_locale(1, "es") is True
    learner = await store.get_learner(1)
    assert learner is not None
    assert learner.locale == "es"


async def test_a_learner_deleted_and_made_anew_gets_their_language_again(store: Store, now: datetime) -> None:
    await store.ensure_learner(1, now)
    assert await store.remember_locale(1, "de") is True
    await store.delete_user(1)
    learner = await store.ensure_learner(1, now)  # as their next /start-learning does
    assert learner.locale == "en"
    assert await store.remember_locale(1, "de") is True  # not taken from before the deletion
    learner = await store.get_learner(1)
    assert learner is not None
    assert learner.locale == "de"


@pytest.mark.parametrize("bad", ["", "d", "x" * 11, None, 7])
async def test_a_language_is_a_short_tag(store: Store, now: datetime, bad: object) -> None:
    await store.ensure_learner(1, now)
    with pytest.raises(ValueError, match="locale must be"):
        await store.set_learner_locale(1, bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="locale must be"):
        await store.remember_locale(1, bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="locale must be"):
        await store.create_group(name="Owls", created_by=1, now=now, locale=bad, **GROUP)  # type: ignore[arg-type]


def _raw_locale(table: str, value: str) -> Work[int]:
    return (yield run(f"UPDATE {table} SET locale = ?", value))  # a table name of this test


@pytest.mark.parametrize("table", ["learners", "study_groups"])
async def test_the_schema_refuses_a_language_that_is_no_tag(store: Store, now: datetime, table: str) -> None:
    await store.ensure_learner(1, now)
    await store.create_group(name="Owls", created_by=1, now=now, **GROUP)
    with pytest.raises(Exception, match=r"(?i)check constraint"):
        await store.database.write(_raw_locale, table, "")
    assert await store.database.write(_raw_locale, table, "es-419") == 1


async def test_a_group_keeps_the_language_it_was_created_in(store: Store, now: datetime) -> None:
    plain = await store.create_group(name="Plain", created_by=1, now=now, **GROUP)
    owls = await store.create_group(name="Owls", created_by=1, now=now, locale="de", **GROUP)
    assert (plain.locale, owls.locale) == ("en", "de")
    await store.join_group(owls.id, 1, now)
    found = await store.get_group(owls.id)
    assert found is not None
    assert found.locale == "de"
    assert [(g.name, g.locale) for g in await store.list_groups(5)] == [("Owls", "de"), ("Plain", "en")]
    assert [g.locale for g in await store.user_groups(1)] == ["de"]
    by_name = await store.get_group_by_name(5, "owls")
    assert by_name is not None
    assert by_name.locale == "de"


async def test_the_export_says_which_language_the_bot_writes_in(store: Store, now: datetime) -> None:
    await store.set_timezone(1, "Europe/Madrid", now)
    await store.set_learner_locale(1, "es")
    await store.create_group(name="Owls", created_by=1, now=now, locale="de", **GROUP)
    export = await store.export_user(1)
    assert export["locale"] == "es"
    assert "locale" not in export["learner"]  # said once, at the top; the learner's fields are as they were
    assert export["learner"]["timezone"] == "Europe/Madrid"
    assert [g["locale"] for g in export["groups_created"]] == ["de"]


async def test_a_copy_keeps_every_language(tmp_path: Path, target: str | Path, now: datetime) -> None:
    async with await Store.open(tmp_path / "source.sqlite3") as source:
        await source.ensure_learner(1, now)
        await source.ensure_learner(2, now)
        await source.set_learner_locale(1, "de")
        owls = await source.create_group(name="Owls", created_by=1, now=now, locale="es", **GROUP)
        async with await Store.open(target) as dest:
            await copy_rows(source.database, dest.database)
            learners = [await dest.get_learner(user) for user in (1, 2)]
            assert [learner.locale for learner in learners if learner is not None] == ["de", "en"]
            copied = await dest.get_group(owls.id)
            assert copied is not None
            assert copied.locale == "es"


async def test_postgres_from_version_7_keeps_data_and_speaks_english(now: datetime) -> None:
    """The migration to version 8 on PostgreSQL: the rows of version 7 are kept, everyone's language is English."""
    async with postgres_database() as url:
        conn = await asyncpg.connect(url)
        try:
            assert await migrate_postgres(conn, "test", target=7) == 7
            await conn.execute(SEEDS[7])  # the same rows as on SQLite: they are plain SQL
        finally:
            await conn.close()
        async with await Store.open(url) as store:
            assert await store.schema_version() == LATEST_VERSION
            await check_seeded_data(store, 7)
            learners = [await store.get_learner(user) for user in (111, 222)]
            assert [learner.locale for learner in learners if learner is not None] == ["en", "en"]
            group = await store.get_group(7)
            assert group is not None
            assert group.locale == "en"
            assert await store.set_learner_locale(111, "de") is True
            made = await store.create_group(name="Neu", created_by=111, now=now, locale="de", **GROUP)
            assert made.locale == "de"
