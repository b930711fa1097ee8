"""Study groups: named groups in a guild that meet weekly on one role's path, and their members."""

from __future__ import annotations

from datetime import datetime, time

from bot.store import codec, rows
from bot.store.errors import GroupNameTakenError, GroupNotFoundError
from bot.store.learners import insert_learner
from bot.store.models import GroupMember, GroupRoster, ItemProgress, StudyGroup
from bot.store.repository import Repository
from bot.store.sql import Sql, UniqueViolationError, Work, one, run
from bot.store.sql import rows as all_rows

# Group names compare case-insensitively: SQLite's NOCASE (the unique constraint's collation), and
# PostgreSQL's lower() (its unique index is on lower(name)).
_BY_NAME = Sql(
    "SELECT * FROM study_groups WHERE guild_id = ? AND name = ? COLLATE NOCASE",
    "SELECT * FROM study_groups WHERE guild_id = ? AND lower(name) = lower(?)",
)
_LIST = Sql(
    "SELECT * FROM study_groups WHERE guild_id = ? ORDER BY name COLLATE NOCASE, id",
    "SELECT * FROM study_groups WHERE guild_id = ? ORDER BY lower(name), id",
)
_SELECT = "SELECT * FROM study_groups WHERE id = ?"
# A group's members' ticks on the group's role since a time: group_members' primary key finds the members,
# checklist_progress_by_time (user_id, role, done_at) each member's ticks since then. CROSS JOIN fixes that
# order on SQLite, which without statistics would rather read every tick of the role by
# checklist_progress_by_item; PostgreSQL plans it as an inner join.
_TICKS_SINCE = (
    "SELECT p.user_id, p.item_id, p.done_at FROM group_members AS m"
    " CROSS JOIN study_groups AS g CROSS JOIN checklist_progress AS p"
    " WHERE m.group_id = ? AND g.id = m.group_id AND p.user_id = m.user_id AND p.role = g.role AND p.done_at >= ?"
    " ORDER BY p.done_at, p.user_id, p.item_id"
)


# What a group's board and post show of its members, each one statement for all of them: group_members' primary
# key finds the members; CROSS JOIN keeps SQLite on that order (as above), then each member's rows by the
# (user_id, role, ...) keys of the progress, enrollment and check-in tables.
_MEMBERS_OF = "FROM group_members AS m CROSS JOIN study_groups AS g"
_ROSTER_LEARNERS = (
    "SELECT l.* FROM group_members AS m CROSS JOIN learners AS l WHERE m.group_id = ? AND l.user_id = m.user_id"
)
_ROSTER_PROGRESS = (
    f"SELECT p.user_id, p.item_id, p.done_at, p.proof {_MEMBERS_OF} CROSS JOIN checklist_progress AS p"
    " WHERE m.group_id = ? AND g.id = m.group_id AND p.user_id = m.user_id AND p.role = g.role"
    " ORDER BY p.user_id, p.done_at, p.item_id"
)
_ROSTER_ENROLLMENTS = (
    f"SELECT e.* {_MEMBERS_OF} CROSS JOIN enrollments AS e"
    " WHERE m.group_id = ? AND g.id = m.group_id AND e.user_id = m.user_id AND e.role = g.role"
)
_ROSTER_CHECKINS = (
    f"SELECT c.user_id, c.checked_at {_MEMBERS_OF} CROSS JOIN checkins AS c"
    " WHERE m.group_id = ? AND g.id = m.group_id AND c.user_id = m.user_id AND c.role = g.role"
    " ORDER BY c.user_id, c.checked_at"
)


def get_group(group_id: int) -> Work[StudyGroup | None]:
    """Return a study group by id, or None."""
    row = yield one(_SELECT, group_id)
    return None if row is None else rows.group(row)


def _by_name(guild_id: int, name: str) -> Work[StudyGroup | None]:
    row = yield one(_BY_NAME, guild_id, name)
    return None if row is None else rows.group(row)


def _create(values: tuple[object, ...]) -> Work[StudyGroup]:
    guild_id, name = values[0], values[1]
    assert isinstance(guild_id, int)
    assert isinstance(name, str)
    if (yield from _by_name(guild_id, name)) is not None:
        raise GroupNameTakenError(guild_id, name)
    try:
        row = yield one(
            "INSERT INTO study_groups (guild_id, name, role, channel_id, weekday, local_time,"
            " timezone, paused, created_by, created_at, locale) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) RETURNING *",
            *values,
        )
    except UniqueViolationError as exc:
        raise GroupNameTakenError(guild_id, name) from exc
    return rows.group(row)


def _list(guild_id: int) -> Work[list[StudyGroup]]:
    found = yield all_rows(_LIST, guild_id)
    return [rows.group(row) for row in found]


def _user_groups(user_id: int) -> Work[list[StudyGroup]]:
    found = yield all_rows(
        "SELECT g.* FROM study_groups g JOIN group_members m ON m.group_id = g.id"
        " WHERE m.user_id = ? ORDER BY m.joined_at, g.id",
        user_id,
    )
    return [rows.group(row) for row in found]


def _join(group_id: int, user_id: int, now_s: str) -> Work[bool]:
    if (yield one("SELECT 1 FROM study_groups WHERE id = ?", group_id)) is None:
        raise GroupNotFoundError(group_id)
    yield from insert_learner(user_id, now_s, None)
    added = yield run(
        "INSERT INTO group_members (group_id, user_id, joined_at) VALUES (?, ?, ?)"
        " ON CONFLICT (group_id, user_id) DO NOTHING",
        group_id,
        user_id,
        now_s,
    )
    return added > 0


def _leave(group_id: int, user_id: int) -> Work[int]:
    return (yield run("DELETE FROM group_members WHERE group_id = ? AND user_id = ?", group_id, user_id))


_MEMBERS = "SELECT * FROM group_members WHERE group_id = ? ORDER BY joined_at, user_id"


def _members(group_id: int) -> Work[list[GroupMember]]:
    found = yield all_rows(_MEMBERS, group_id)
    return [rows.member(row) for row in found]


def _set_paused(group_id: int, paused: int) -> Work[int]:
    return (yield run("UPDATE study_groups SET paused = ? WHERE id = ? AND paused <> ?", paused, group_id, paused))


def _delete(group_id: int) -> Work[int]:
    deleted = yield run("DELETE FROM study_groups WHERE id = ?", group_id)
    yield run("DELETE FROM reminder_plan WHERE target_kind = 'group' AND target_id = ?", group_id)
    yield run("DELETE FROM deliveries WHERE target_kind = 'group' AND target_id = ?", group_id)
    return deleted


def _roster(group_id: int) -> Work[GroupRoster]:
    members = tuple(rows.member(row) for row in (yield all_rows(_MEMBERS, group_id)))
    learners = {row["user_id"]: rows.learner(row) for row in (yield all_rows(_ROSTER_LEARNERS, group_id))}
    progress: dict[int, dict[str, ItemProgress]] = {m.user_id: {} for m in members}
    for row in (yield all_rows(_ROSTER_PROGRESS, group_id)):
        progress[row["user_id"]][row["item_id"]] = rows.item(row)
    enrollments = {row["user_id"]: rows.enrollment(row) for row in (yield all_rows(_ROSTER_ENROLLMENTS, group_id))}
    checkins: dict[int, list[datetime]] = {m.user_id: [] for m in members}
    for row in (yield all_rows(_ROSTER_CHECKINS, group_id)):
        checkins[row["user_id"]].append(codec.decode_datetime(row["checked_at"]))
    return GroupRoster(members, learners, progress, enrollments, checkins)


def _ticks_since(group_id: int, since_s: str) -> Work[list[tuple[int, str, datetime]]]:
    found = yield all_rows(_TICKS_SINCE, group_id, since_s)
    return [(row[0], row[1], codec.decode_datetime(row[2])) for row in found]


class GroupRepository(Repository):
    """The `Groups` protocol over the store's database."""

    async def create_group(
        self,
        *,
        guild_id: int,
        name: str,
        role: str,
        channel_id: int,
        weekday: int,
        local_time: time,
        timezone: str,
        created_by: int | None,
        now: datetime,
        locale: str = "en",
    ) -> StudyGroup:
        """Create a study group posting in `locale`; raise GroupNameTakenError if the guild has one of that name."""
        values = (
            guild_id,
            name,
            role,
            channel_id,
            codec.check_weekday(weekday),
            codec.encode_local_time(local_time),
            timezone,
            created_by,
            codec.encode_datetime(now),
            rows.check_locale(locale),
        )
        return await self._db.write(_create, values)

    async def get_group(self, group_id: int) -> StudyGroup | None:
        """Return a study group by id."""
        return await self._db.read(get_group, group_id)

    async def get_group_by_name(self, guild_id: int, name: str) -> StudyGroup | None:
        """Return a guild's study group by name, compared case-insensitively."""
        return await self._db.read(_by_name, guild_id, name)

    async def list_groups(self, guild_id: int) -> list[StudyGroup]:
        """Return a guild's study groups by name."""
        return await self._db.read(_list, guild_id)

    async def user_groups(self, user_id: int) -> list[StudyGroup]:
        """Return the study groups a user belongs to, in the order joined."""
        return await self._db.read(_user_groups, user_id)

    async def join_group(self, group_id: int, user_id: int, now: datetime) -> bool:
        """Add a member; return False if already one, raise GroupNotFoundError if no such group."""
        return await self._db.write(_join, group_id, user_id, codec.encode_datetime(now))

    async def leave_group(self, group_id: int, user_id: int) -> bool:
        """Remove a member; return whether they were one."""
        return await self._db.write(_leave, group_id, user_id) > 0

    async def group_members(self, group_id: int) -> list[GroupMember]:
        """Return a group's members in the order they joined."""
        return await self._db.read(_members, group_id)

    async def group_roster(self, group_id: int) -> GroupRoster:
        """Return a group's members with their learner rows, progress, enrollments and check-ins on the group's path.

        Five statements for the whole group, whatever its size, read at one moment; an unknown group has no members.
        """
        return await self._db.read(_roster, group_id, snapshot=True)

    async def set_group_paused(self, group_id: int, paused: bool) -> bool:
        """Pause or unpause a group's meetings; return whether that changed anything."""
        return await self._db.write(_set_paused, group_id, int(bool(paused))) > 0

    async def delete_group(self, group_id: int) -> bool:
        """Delete a group, its memberships, its plan and its delivery log; return whether it existed."""
        deleted = await self._db.write(_delete, group_id)
        self.notify_plans_changed()
        return deleted > 0

    async def group_ticks_since(self, group_id: int, since: datetime) -> list[tuple[int, str, datetime]]:
        """Return (user_id, item_id, done_at) of the members' ticks on the group's role at or after `since`.

        Ordered by done_at (then user and item); an unknown group has none.
        """
        return await self._db.read(_ticks_since, group_id, codec.encode_datetime(since))
