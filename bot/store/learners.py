"""Learners: who the bot stores anything about, with their timezone, visibility and language."""

from __future__ import annotations

import time
from datetime import datetime

from bot.store import codec, rows
from bot.store.models import Learner
from bot.store.repository import Repository
from bot.store.sql import Work, one, run

INSERT_LEARNER = (
    "INSERT INTO learners (user_id, timezone, created_at) VALUES (?, COALESCE(?, 'UTC'), ?)"
    " ON CONFLICT (user_id) DO NOTHING"
)
SELECT_LEARNER = "SELECT * FROM learners WHERE user_id = ?"
LOCALE_RECHECK_S = 600.0
"""How long `remember_locale` believes the language it last saw stored for a learner without reading it again.
Another process (a shard) may store another one meanwhile: after this long, the learner's next command looks."""
MAX_REMEMBERED_LOCALES = 100_000
"""Learners whose stored language a process keeps in memory; past that, it forgets them all and reads again."""


def insert_learner(user_id: int, now_s: str, timezone: str | None) -> Work[int]:
    """Insert a learner row unless one exists; return 1 when it was inserted."""
    return (yield run(INSERT_LEARNER, user_id, timezone, now_s))


def get_learner(user_id: int) -> Work[Learner | None]:
    """Return the learner, or None."""
    row = yield one(SELECT_LEARNER, user_id)
    return None if row is None else rows.learner(row)


def existing_learner(user_id: int) -> Work[Learner]:
    """Return a learner known to exist."""
    found = yield from get_learner(user_id)
    assert found is not None
    return found


def _ensure(user_id: int, now_s: str, timezone: str | None) -> Work[Learner]:
    yield from insert_learner(user_id, now_s, timezone)
    return (yield from existing_learner(user_id))


def _upsert_column(user_id: int, column: str, value: object, now_s: str) -> Work[Learner]:
    sql = _UPSERTS[column]
    yield run(sql, user_id, value, now_s)
    return (yield from existing_learner(user_id))


_UPSERTS = {
    "timezone": "INSERT INTO learners (user_id, timezone, created_at) VALUES (?, ?, ?)"
    " ON CONFLICT (user_id) DO UPDATE SET timezone = excluded.timezone",
    "progress_visible": "INSERT INTO learners (user_id, progress_visible, created_at) VALUES (?, ?, ?)"
    " ON CONFLICT (user_id) DO UPDATE SET progress_visible = excluded.progress_visible",
}


def visibility_key(user_id: int) -> str:
    """The meta key that marks a learner who chose whether others see their progress."""
    return f"visibility_chosen:{user_id}"


def _set_visibility(user_id: int, visible: int, now_s: str) -> Work[Learner]:
    learner = yield from _upsert_column(user_id, "progress_visible", visible, now_s)
    yield run("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO NOTHING", visibility_key(user_id))
    return learner


def _visibility_chosen(user_id: int) -> Work[bool]:
    return (yield one("SELECT 1 FROM meta WHERE key = ?", visibility_key(user_id))) is not None


def _set_dm_flag(user_id: int, flag: int) -> Work[int]:
    return (
        yield run(
            "UPDATE learners SET dm_undeliverable = ? WHERE user_id = ? AND dm_undeliverable <> ?", flag, user_id, flag
        )
    )


def _set_locale(user_id: int, locale: str) -> Work[int]:
    return (yield run("UPDATE learners SET locale = ? WHERE user_id = ? AND locale <> ?", locale, user_id, locale))


class LearnerRepository(Repository):
    """The `Learners` protocol over the store's database."""

    async def ensure_learner(self, user_id: int, now: datetime, timezone: str | None = None) -> Learner:
        """Create the learner if missing (`timezone` only applies then) and return it.

        Reads first: a learner who exists (every command after the first) costs no write transaction.
        """
        now_s = codec.encode_datetime(now)  # a naive `now` is refused either way
        found = await self._db.read(get_learner, user_id)
        if found is not None:
            return found
        return await self._db.write(_ensure, user_id, now_s, timezone)

    async def get_learner(self, user_id: int) -> Learner | None:
        """Return the learner, or None if nothing is stored about them."""
        return await self._db.read(get_learner, user_id)

    async def set_timezone(self, user_id: int, tz: str, now: datetime) -> Learner:
        """Set the learner's IANA timezone name (creating the learner if needed)."""
        return await self._db.write(_upsert_column, user_id, "timezone", tz, codec.encode_datetime(now))

    async def set_progress_visible(self, user_id: int, visible: bool, now: datetime) -> Learner:
        """Set whether others may see the learner's progress (creating the learner if needed).

        It also records that the learner has chosen (`visibility_chosen`), whichever way.
        """
        return await self._db.write(_set_visibility, user_id, int(bool(visible)), codec.encode_datetime(now))

    async def visibility_chosen(self, user_id: int) -> bool:
        """Return whether the learner ever chose to show or hide their progress (else it is hidden by default)."""
        return await self._db.read(_visibility_chosen, user_id)

    async def set_learner_locale(self, user_id: int, locale: str) -> bool:
        """Record the language an existing learner uses (their reminders speak it); return whether it changed.

        Nobody is created: someone the bot stores nothing about gets no reminders to write.
        """
        changed = await self._db.write(_set_locale, user_id, rows.check_locale(locale)) > 0
        self._locales.pop(user_id, None)  # `remember_locale` looks again rather than trust what it saw before
        return changed

    async def remember_locale(self, user_id: int, locale: str) -> bool:
        """Record the language a learner uses now, querying only when it may have changed; return whether it changed.

        Called for every command and click: the language this process last saw stored for each learner is kept in
        memory, so the same language again costs no query (but a read every LOCALE_RECHECK_S), a new one a read and
        a write. Nobody is created (see `set_learner_locale`), nor remembered: someone who is not a learner yet is
        looked up again at their next command, which may be the one that makes them one.
        """
        locale = rows.check_locale(locale)
        now = time.monotonic()
        known = self._locales.get(user_id)
        if known is not None and known[0] == locale and now - known[1] < LOCALE_RECHECK_S:
            return False
        found = await self.get_learner(user_id)
        if found is None:
            return False
        written = found.locale != locale and await self.set_learner_locale(user_id, locale)
        if len(self._locales) >= MAX_REMEMBERED_LOCALES:
            self._locales.clear()
        self._locales[user_id] = (locale, now)
        return written

    async def set_dm_undeliverable(self, user_id: int, flag: bool) -> bool:
        """Record whether DMs to an existing learner fail; return whether the flag changed."""
        return await self._db.write(_set_dm_flag, user_id, int(bool(flag))) > 0
