"""Schema migrations: from an empty file, from every earlier version, refusal of newer ones."""

import contextlib
import sqlite3
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from bot.store import LATEST_VERSION, MIGRATIONS, MigrationError, SchemaTooNewError, Store
from bot.store import migrations as migrations_module
from bot.store.migrations import STEPS, Step, migrate, split_statements
from tests import peek

pytestmark = pytest.mark.sqlite_only  # reads the file or SQLite's own settings

# Representative rows, written in the schema *of that version*. The same logical data at every
# version, so one check (through the Store API, at the latest version) covers all of them.
# When you add schema version N, add SEEDS[N] written against the version-N schema.
SEEDS: dict[int, str] = {
    1: """
        INSERT INTO learners (user_id, timezone, progress_visible, dm_undeliverable, created_at)
        VALUES (111, 'Europe/Paris', 1, 0, '2024-01-02T03:04:05.000006+00:00'),
               (222, 'UTC', 0, 1, '2024-02-01T00:00:00.000000+00:00');
        INSERT INTO enrollments (user_id, role, pace, start_date, status, week_shift, created_at, updated_at)
        VALUES (111, 'data-analyst', 'relaxed', '2024-01-08', 'active', 2,
                '2024-01-02T03:04:05.000006+00:00', '2024-01-20T00:00:00.000000+00:00'),
               (111, 'backend-engineer', NULL, '2023-11-06', 'stopped', 0,
                '2023-11-01T00:00:00.000000+00:00', '2023-12-01T00:00:00.000000+00:00');
        INSERT INTO checklist_progress (user_id, role, item_id, done_at, proof)
        VALUES (111, 'data-analyst', 'w1-sql', '2024-01-09T10:00:00.000000+00:00', 'https://example.com/p'),
               (111, 'backend-engineer', 'w1-http', '2023-11-07T10:00:00.000000+00:00', NULL),
               (222, 'data-analyst', 'w1-sql', '2024-02-02T10:00:00.000000+00:00', NULL);
        INSERT INTO reminder_settings (user_id, enabled, weekday, local_time, timezone, paused_until, updated_at)
        VALUES (111, 1, 0, '09:30', NULL, '2024-03-01T00:00:00.000000+00:00',
                '2024-01-02T03:04:05.000006+00:00');
        INSERT INTO study_groups (id, guild_id, name, role, channel_id, weekday, local_time, timezone,
                                  paused, created_by, created_at)
        VALUES (7, 999, 'Night Owls', 'data-analyst', 555, 3, '21:00', 'America/New_York', 0, 111,
                '2024-01-03T00:00:00.000000+00:00');
        INSERT INTO group_members (group_id, user_id, joined_at)
        VALUES (7, 111, '2024-01-03T00:00:00.000000+00:00'), (7, 222, '2024-02-03T00:00:00.000000+00:00');
        INSERT INTO meta (key, value) VALUES ('commands_hash', 'abc123');
    """,
}
# Version 2 added the reminder plan and the delivery log: the same data plus some of those.
SEEDS[2] = (
    SEEDS[1]
    + """
        INSERT INTO reminder_plan (target_kind, target_id, next_due)
        VALUES ('user', 111, '2024-03-04T08:30:00.000000+00:00'),
               ('group', 7, '2024-03-08T02:00:00.000000+00:00');
        INSERT INTO deliveries (target_kind, target_id, slot, nonce, state, attempts, error, created_at, updated_at)
        VALUES ('user', 111, '2024-W09', 'abcdef0123456789abcdef012', 'sent', 1, NULL,
                '2024-02-26T08:30:00.000000+00:00', '2024-02-26T08:30:01.000000+00:00'),
               ('group', 7, '2024-W09', '0123456789abcdef012345678', 'sending', 2, NULL,
                '2024-03-01T02:00:00.000000+00:00', '2024-03-01T02:05:00.000000+00:00');
    """
)
# Version 3 added leases (one reminder sender per database): the same data plus a lapsed lease.
SEEDS[3] = (
    SEEDS[2]
    + """
        INSERT INTO leases (name, holder, acquired_at, heartbeat_at, expires_at)
        VALUES ('reminder-sender', 'old-host:77:0badcafe', '2024-03-01T00:00:00.000000+00:00',
                '2024-03-01T02:05:00.000000+00:00', '2024-03-01T02:06:00.000000+00:00');
    """
)
# Version 4 remembers the reminder whose "I'm behind" last moved a plan.
SEEDS[4] = (
    SEEDS[3]
    + """
        UPDATE enrollments SET behind_slot = '2024-W03' WHERE user_id = 111 AND role = 'data-analyst';
    """
)
# Version 5 added check-ins (and an index on ticks by time).
SEEDS[5] = (
    SEEDS[4]
    + """
        INSERT INTO checkins (user_id, role, checked_at)
        VALUES (111, 'data-analyst', '2024-01-10T08:00:00.000000+00:00');
    """
)

# Version 6 added spaced review: an item in box 2, a retired one, and a learner who turned reviews off.
SEEDS[6] = (
    SEEDS[5]
    + """
        INSERT INTO reviews (user_id, role, item_id, box, due_at, last_answer_at)
        VALUES (111, 'data-analyst', 'w1-sql', 2, '2024-02-05T23:00:00.000000+00:00',
                '2024-01-16T08:00:00.000000+00:00'),
               (111, 'backend-engineer', 'w1-http', 4, NULL, '2024-06-01T08:00:00.000000+00:00');
        INSERT INTO review_settings (user_id, enabled, updated_at)
        VALUES (222, 0, '2024-02-03T00:00:00.000000+00:00');
    """
)
# Version 7 added claims on due reminders (several processes on one database) and the shared rate limit.
SEEDS[7] = (
    SEEDS[6]
    + """
        UPDATE reminder_plan SET claimed_by = 'old-host:77:0badcafe', claim_until = '2024-03-04T08:31:00.000000+00:00'
        WHERE target_kind = 'user' AND target_id = 111;
        INSERT INTO rate_slots (name, next_at) VALUES ('discord', 1709541060.25);
    """
)

# Version 8 remembers the language of each learner and study group: one learner writes in German, the group posts
# in Spanish.
SEEDS[8] = (
    SEEDS[7]
    + """
        UPDATE learners SET locale = 'de' WHERE user_id = 111;
        UPDATE study_groups SET locale = 'es' WHERE id = 7;
    """
)


async def check_seeded_data(store: Store, version: int = LATEST_VERSION) -> None:
    """Assert the data in SEEDS[version] reads back intact through the current API."""
    learner = await store.get_learner(111)
    assert learner is not None
    assert learner.timezone == "Europe/Paris"
    assert learner.progress_visible is True
    assert learner.dm_undeliverable is False
    assert learner.created_at == datetime(2024, 1, 2, 3, 4, 5, 6, tzinfo=UTC)
    other = await store.get_learner(222)
    assert other is not None
    assert other.dm_undeliverable is True
    # Before version 8 nobody's language was known: everyone gets English, as before.
    assert (learner.locale, other.locale) == ("de" if version >= 8 else "en", "en")

    active = await store.list_enrollments(111)
    assert [(e.role, e.pace, e.start_date, e.week_shift) for e in active] == [
        ("data-analyst", "relaxed", date(2024, 1, 8), 2)
    ]
    stopped = await store.get_enrollment(111, "backend-engineer")
    assert stopped is not None
    assert stopped.status == "stopped"
    assert stopped.pace is None
    assert active[0].behind_slot == ("2024-W03" if version >= 4 else None)  # none before version 4
    assert stopped.behind_slot is None

    progress = await store.get_progress(111, "data-analyst")
    assert list(progress) == ["w1-sql"]
    assert progress["w1-sql"].proof == "https://example.com/p"
    assert progress["w1-sql"].done_at == datetime(2024, 1, 9, 10, tzinfo=UTC)
    assert await store.progress_counts("data-analyst") == {"w1-sql": 2}
    assert await store.roles_with_progress() == {"data-analyst", "backend-engineer"}

    reminder = await store.get_reminder_settings(111)
    assert reminder is not None
    assert (reminder.enabled, reminder.weekday, reminder.local_time, reminder.timezone) == (
        True,
        0,
        time(9, 30),
        None,
    )
    assert reminder.paused_until == datetime(2024, 3, 1, tzinfo=UTC)

    group = await store.get_group_by_name(999, "night owls")
    assert group is not None
    assert (group.id, group.role, group.channel_id, group.created_by) == (7, "data-analyst", 555, 111)
    assert group.locale == ("es" if version >= 8 else "en")
    assert [m.user_id for m in await store.group_members(7)] == [111, 222]
    assert await store.get_meta("commands_hash") == "abc123"

    if version < 2:  # the reminder tables arrive empty and usable
        assert await store.earliest_due() is None
        assert await peek.pending_deliveries(store) == []
        assert await store.begin_delivery("user", 111, "2024-W09", datetime(2024, 3, 4, tzinfo=UTC)) is not None
        return
    assert await store.get_plan("user", 111) == datetime(2024, 3, 4, 8, 30, tzinfo=UTC)
    assert await store.earliest_due() == datetime(2024, 3, 4, 8, 30, tzinfo=UTC)
    due = await store.due_targets(datetime(2024, 3, 10, tzinfo=UTC))
    assert [(t.kind, t.target_id) for t in due] == [("user", 111), ("group", 7)]
    assert await peek.delivery_state(store, "user", 111, "2024-W09") == "sent"
    [pending] = await peek.pending_deliveries(store)
    assert (pending.kind, pending.target_id, pending.nonce, pending.attempts) == (
        "group",
        7,
        "0123456789abcdef012345678",
        2,
    )
    assert pending.updated_at == datetime(2024, 3, 1, 2, 5, tzinfo=UTC)

    lease = await store.get_lease("reminder-sender")
    if version < 3:  # the lease table arrives empty and usable
        assert lease is None
        return
    assert lease is not None
    assert (lease.holder, lease.expires_at) == ("old-host:77:0badcafe", datetime(2024, 3, 1, 2, 6, tzinfo=UTC))

    # The group's ticks since a date read the progress every version kept.
    ticks = await store.group_ticks_since(7, datetime(2024, 1, 1, tzinfo=UTC))
    assert ticks == [
        (111, "w1-sql", datetime(2024, 1, 9, 10, tzinfo=UTC)),
        (222, "w1-sql", datetime(2024, 2, 2, 10, tzinfo=UTC)),
    ]
    checkins = await store.list_checkins(111, "data-analyst")
    if version < 5:  # the check-ins table arrives empty and usable
        assert checkins == []
        return
    assert checkins == [datetime(2024, 1, 10, 8, tzinfo=UTC)]

    reviews = await store.get_reviews(111)
    if version < 6:  # the review tables arrive empty and usable: nobody is in review, everybody has it on
        assert reviews == []
        assert await store.reviews_enabled(222) is True
        return
    assert [(r.role, r.item_id, r.box, r.due_at) for r in reviews] == [
        ("backend-engineer", "w1-http", 4, None),
        ("data-analyst", "w1-sql", 2, datetime(2024, 2, 5, 23, tzinfo=UTC)),
    ]
    assert await store.reviews_enabled(111) is True
    assert await store.reviews_enabled(222) is False


async def build_database(path: Path, version: int) -> None:
    """Create a database at exactly `version` (applying only the first scripts) and seed it."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        assert migrate(db, target=version) == version
        if version:
            db.executescript(SEEDS[version])
    finally:
        db.close()


def schema_shape(path: Path) -> dict[str, object]:
    """Describe tables, columns, indexes and foreign keys, independent of how they were created."""
    conn = sqlite3.connect(path)
    try:
        shape: dict[str, object] = {}
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        for table in tables:
            shape[table] = {
                "columns": conn.execute(f"PRAGMA table_info({table})").fetchall(),
                "indexes": sorted(
                    (r[1], r[2], tuple(c[2] for c in conn.execute(f"PRAGMA index_info({r[1]})")))
                    for r in conn.execute(f"PRAGMA index_list({table})")
                ),
                "foreign_keys": sorted(conn.execute(f"PRAGMA foreign_key_list({table})").fetchall()),
            }
        return shape
    finally:
        conn.close()


def test_every_version_has_a_seed() -> None:
    assert len(MIGRATIONS) == LATEST_VERSION
    missing = set(range(1, LATEST_VERSION + 1)) - set(SEEDS)
    assert not missing, f"add SEEDS entries for schema versions {sorted(missing)}"


async def test_open_creates_latest_schema_from_nothing(tmp_path: Path) -> None:
    path = tmp_path / "new" / "nested" / "waymark.db"
    async with await Store.open(path) as store:
        assert await store.schema_version() == LATEST_VERSION
        assert await store.get_learner(1) is None
    assert path.is_file()


@pytest.mark.parametrize("version", range(LATEST_VERSION + 1))
async def test_upgrade_from_every_version_keeps_data(tmp_path: Path, version: int) -> None:
    old = tmp_path / "old.db"
    await build_database(old, version)
    async with await Store.open(old) as store:
        assert await store.schema_version() == LATEST_VERSION
        if version:
            await check_seeded_data(store, version)
    fresh = tmp_path / "fresh.db"
    async with await Store.open(fresh):
        pass
    assert schema_shape(old) == schema_shape(fresh)


async def test_reopening_is_a_no_op(db_path: Path, now: datetime) -> None:
    async with await Store.open(db_path) as store:
        await store.set_item_done(1, "r", "i", now)
    async with await Store.open(db_path) as store:
        assert await store.schema_version() == LATEST_VERSION
        assert set(await store.get_progress(1, "r")) == {"i"}


async def test_too_new_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE from_the_future (x)")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(SchemaTooNewError, match=r"schema version \d+.*only knows versions up to") as info:
        await Store.open(path)
    assert info.value.found == LATEST_VERSION + 1
    assert info.value.known == LATEST_VERSION
    conn = sqlite3.connect(path)
    try:  # left untouched: still rollback-journal mode and the same version
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION + 1
    finally:
        conn.close()


async def test_failed_migration_rolls_back_to_previous_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "db.sqlite"
    await build_database(path, LATEST_VERSION)
    broken = "CREATE TABLE half_done (x INTEGER);\nINSERT INTO no_such_table VALUES (1);\n"
    monkeypatch.setattr(migrations_module, "STEPS", (*STEPS, Step(broken, broken)))
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        with pytest.raises(MigrationError, match=f"version {LATEST_VERSION + 1}"):
            migrate(db)
        assert not db.in_transaction
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half_done'").fetchone() is None
    finally:
        conn.close()


async def test_next_version_can_rebuild_a_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A future migration using the table-rebuild recipe keeps child rows (no cascade on DROP)."""
    path = tmp_path / "db.sqlite"
    await build_database(path, LATEST_VERSION)
    rebuild = """
        CREATE TABLE new_learners (
            user_id INTEGER PRIMARY KEY,
            timezone TEXT NOT NULL DEFAULT 'UTC',
            progress_visible INTEGER NOT NULL DEFAULT 0,
            dm_undeliverable INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            nickname TEXT
        );
        INSERT INTO new_learners (user_id, timezone, progress_visible, dm_undeliverable, created_at)
            SELECT user_id, timezone, progress_visible, dm_undeliverable, created_at FROM learners;
        DROP TABLE learners;
        ALTER TABLE new_learners RENAME TO learners;
    """
    monkeypatch.setattr(migrations_module, "STEPS", (*STEPS, Step(rebuild, rebuild)))
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        db.execute("PRAGMA foreign_keys = ON")
        assert migrate(db) == LATEST_VERSION + 1
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # restored after the run
        assert db.execute("SELECT COUNT(*) FROM checklist_progress").fetchone()[0] == 3


async def test_migration_leaving_dangling_foreign_keys_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.sqlite"
    await build_database(path, LATEST_VERSION)
    bad = "DELETE FROM learners WHERE user_id = 111;"
    monkeypatch.setattr(migrations_module, "STEPS", (*STEPS, Step(bad, bad)))
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        with pytest.raises(MigrationError, match="foreign-key violations"):
            migrate(db)
        assert db.execute("SELECT COUNT(*) FROM learners").fetchone()[0] == 2


def test_migrate_rejects_unknown_target(tmp_path: Path) -> None:
    with (
        contextlib.closing(sqlite3.connect(tmp_path / "db.sqlite", isolation_level=None)) as db,
        pytest.raises(ValueError, match="target version"),
    ):
        migrate(db, target=LATEST_VERSION + 1)


def test_split_statements_keeps_trigger_bodies_whole() -> None:
    script = """
        CREATE TABLE a (x); -- trailing comment
        CREATE TRIGGER t AFTER INSERT ON a BEGIN
            INSERT INTO a VALUES (1);
            SELECT ';';
        END;
        -- a closing comment
    """
    statements = split_statements(script)
    assert len(statements) == 2
    assert statements[1].startswith("-- trailing comment\n        CREATE TRIGGER")
    assert statements[1].endswith("END;")


def test_split_statements_rejects_unterminated_statement() -> None:
    with pytest.raises(ValueError, match="unterminated"):
        split_statements("CREATE TABLE a (x); CREATE TABLE b (y)")


@pytest.mark.parametrize("script", MIGRATIONS)
def test_shipped_scripts_manage_no_transactions_or_versions(script: str) -> None:
    for statement in split_statements(script):
        head = " ".join(line.split("--")[0] for line in statement.splitlines()).strip().upper()
        assert not head.startswith(("BEGIN", "COMMIT", "END", "ROLLBACK")), statement
        assert "USER_VERSION" not in head, statement
