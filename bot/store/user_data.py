"""Everything stored about one user, as a whole: the export they can ask for, and its deletion."""

from __future__ import annotations

import logging
from typing import Any

from bot.store import codec, rows
from bot.store.learners import visibility_key
from bot.store.migrations import LATEST_VERSION
from bot.store.repository import Repository
from bot.store.sql import Work, one, run
from bot.store.sql import rows as all_rows

log = logging.getLogger(__name__)

EXPORT_FORMAT = "waymark-user-export"

# Every table holding rows about a user, children before `learners`.
_DELETE_USER = (
    "DELETE FROM checklist_progress WHERE user_id = ?",
    "DELETE FROM checkins WHERE user_id = ?",
    "DELETE FROM reviews WHERE user_id = ?",
    "DELETE FROM review_settings WHERE user_id = ?",
    "DELETE FROM enrollments WHERE user_id = ?",
    "DELETE FROM reminder_settings WHERE user_id = ?",
    "DELETE FROM group_members WHERE user_id = ?",
    "DELETE FROM reminder_plan WHERE target_kind = 'user' AND target_id = ?",
    "DELETE FROM deliveries WHERE target_kind = 'user' AND target_id = ?",
    "DELETE FROM learners WHERE user_id = ?",
)


def user_meta_keys(user_id: int) -> tuple[str, str, str, str]:
    """The meta keys that hold one user's data: DMs-closed notice, reminder snooze, console name, and whether
    they chose who sees their progress.

    Exact keys, never a LIKE pattern: `...:1` must not match `...:12`.
    """
    return (
        f"told_dms_closed:{user_id}",
        f"snooze:user:{user_id}",
        f"console:name:{user_id}",
        visibility_key(user_id),
    )


def _export(user_id: int) -> Work[dict[str, Any]]:
    learner = yield one("SELECT * FROM learners WHERE user_id = ?", user_id)
    enrollments = yield all_rows("SELECT * FROM enrollments WHERE user_id = ? ORDER BY created_at, role", user_id)
    progress = yield all_rows(
        "SELECT role, item_id, done_at, proof FROM checklist_progress WHERE user_id = ?"
        " ORDER BY role, done_at, item_id",
        user_id,
    )
    checkins = yield all_rows(
        "SELECT role, checked_at FROM checkins WHERE user_id = ? ORDER BY role, checked_at", user_id
    )
    reviews = yield all_rows(
        "SELECT role, item_id, box, due_at, last_answer_at FROM reviews WHERE user_id = ? ORDER BY role, item_id",
        user_id,
    )
    review_setting = yield one("SELECT enabled FROM review_settings WHERE user_id = ?", user_id)
    reminder = yield one("SELECT * FROM reminder_settings WHERE user_id = ?", user_id)
    memberships = yield all_rows(
        "SELECT m.group_id, g.guild_id, g.name, g.role, m.joined_at FROM group_members m"
        " JOIN study_groups g ON g.id = m.group_id WHERE m.user_id = ? ORDER BY m.joined_at, g.id",
        user_id,
    )
    created = yield all_rows("SELECT * FROM study_groups WHERE created_by = ? ORDER BY id", user_id)
    plan = yield one("SELECT next_due FROM reminder_plan WHERE target_kind = 'user' AND target_id = ?", user_id)
    deliveries = yield all_rows(
        "SELECT * FROM deliveries WHERE target_kind = 'user' AND target_id = ? ORDER BY created_at, slot", user_id
    )
    shown = None if learner is None else rows.jsonable(rows.learner(learner))
    # The language goes at the top, beside the user id: the learner's fields stay as exports always showed them.
    locale = None if shown is None else shown.pop("locale")
    return {
        "format": EXPORT_FORMAT,
        "schema_version": LATEST_VERSION,
        "user_id": user_id,
        "locale": locale,
        "learner": shown,
        "enrollments": [rows.jsonable(rows.enrollment(row)) for row in enrollments],
        "checklist_progress": [{"role": row["role"], **rows.jsonable(rows.item(row))} for row in progress],
        "checkins": [
            {"role": row["role"], "checked_at": codec.decode_datetime(row["checked_at"]).isoformat()}
            for row in checkins
        ],
        "reviews": [rows.jsonable(rows.review(row)) for row in reviews],
        "reviews_enabled": review_setting is None or bool(review_setting["enabled"]),
        "reminder_settings": None if reminder is None else rows.jsonable(rows.reminder(reminder)),
        "group_memberships": [
            {
                "group_id": row["group_id"],
                "guild_id": row["guild_id"],
                "group_name": row["name"],
                "role": row["role"],
                "joined_at": codec.decode_datetime(row["joined_at"]).isoformat(),
            }
            for row in memberships
        ],
        "groups_created": [rows.jsonable(rows.group(row)) for row in created],
        "reminder_next_due": None if plan is None else codec.decode_datetime(plan["next_due"]).isoformat(),
        "reminder_deliveries": [rows.jsonable(rows.delivery(row)) for row in deliveries],
    }


def _delete(user_id: int) -> Work[int]:
    deleted = 0
    for sql in _DELETE_USER:
        deleted += yield run(sql, user_id)
    deleted += yield run("DELETE FROM meta WHERE key IN (?, ?, ?, ?)", *user_meta_keys(user_id))
    yield run("UPDATE study_groups SET created_by = NULL WHERE created_by = ?", user_id)
    return deleted


class UserDataRepository(Repository):
    """The `UserData` protocol over the store's database."""

    async def export_user(self, user_id: int) -> dict[str, Any]:
        """Return everything stored about a user as JSON-serialisable data (read from one snapshot)."""
        return await self._db.read(_export, user_id, snapshot=True)

    async def delete_user(self, user_id: int) -> int:
        """Delete everything stored about a user in one transaction; return the rows deleted.

        That includes their check-ins and their per-user meta keys (DMs-closed notice, reminder snooze,
        console name). Study groups the user created are kept for their other members, with `created_by`
        cleared.
        """
        deleted = await self._db.write(_delete, user_id)
        self._locales.pop(user_id, None)  # a learner made anew starts in English: `remember_locale` must look again
        self.notify_plans_changed()
        log.info("deleted %d rows about user %d", deleted, user_id)
        return deleted
