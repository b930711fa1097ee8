"""Meta keys: `/my-data delete` removes a user's own keys, and the command-sync hash knows the application."""

from __future__ import annotations

from datetime import datetime
from unittest.mock import AsyncMock

from bot.bot import WaymarkBot
from bot.content.holder import ContentHolder
from bot.content.loader import ContentIndex
from bot.services import Services
from bot.settings import Settings
from bot.store import Store

ME, OTHER = 1, 12  # OTHER's keys start with ME's: only exact keys may go


def user_keys(user_id: int) -> list[str]:
    return [
        f"told_dms_closed:{user_id}",
        f"snooze:user:{user_id}",
        f"console:name:{user_id}",
        f"visibility_chosen:{user_id}",
    ]


async def test_delete_user_removes_their_meta_keys_and_no_others(store: Store, now: datetime) -> None:
    await store.ensure_learner(ME, now)
    for user_id in (ME, OTHER):
        for key in user_keys(user_id):
            await store.set_meta(key, "x")
    kept = ["commands_hash:global", f"snooze:group:{ME}", "console:owner", f"told_dms_closed:{ME}0"]
    for key in kept:
        await store.set_meta(key, "x")

    assert await store.delete_user(ME) == 1 + 4  # the learner row and their four meta keys

    assert [await store.get_meta(k) for k in user_keys(ME)] == [None] * 4
    assert [await store.get_meta(k) for k in user_keys(OTHER)] == ["x"] * 4
    assert [await store.get_meta(k) for k in kept] == ["x"] * len(kept)
    assert await store.delete_user(ME) == 0


async def test_commands_sync_again_for_another_application_on_the_same_database(
    store: Store, tmp_path, now: datetime
) -> None:
    services = Services(ContentHolder(tmp_path, ContentIndex({}), now), store)
    bot = WaymarkBot(Settings(db_path=tmp_path / "unused.sqlite3"), services, run_scheduler=False)
    sync = AsyncMock(return_value=[])
    bot.services = services  # what setup_hook does with given services
    bot.tree.sync = sync  # type: ignore[method-assign]

    bot._connection.application_id = 111
    assert await bot.sync_commands() is True
    assert await bot.sync_commands() is False  # same application, same commands: no sync
    bot._connection.application_id = 222
    assert await bot.sync_commands() is True  # another application has none of them yet
    assert sync.await_count == 2
    assert await bot.sync_commands() is False
