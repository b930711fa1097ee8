"""Plan each target's next reminder from its settings (the scheduler sends; this only decides when)."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.domain.reminders import next_due
from bot.handlers.context import Services


def snooze_meta_key(kind: str, target_id: int) -> str:
    """Return the meta key that marks a planned due time as a snoozed repeat of this week's reminder."""
    return f"snooze:{kind}:{target_id}"


async def snooze(svc: Services, user_id: int, now: datetime, delay: timedelta = timedelta(days=1)) -> datetime:
    """Plan this week's reminder again after `delay`."""
    due = now + delay
    await svc.store.set_meta(snooze_meta_key("user", user_id), due.isoformat())
    await svc.store.set_plan("user", user_id, due)
    return due


async def in_a_live_group(svc: Services, user_id: int) -> bool:
    """Whether the learner is in a study group that still posts (where their reminder goes if DMs are closed)."""
    return any(not group.paused for group in await svc.store.user_groups(user_id))


async def replan_user(svc: Services, user_id: int, now: datetime) -> datetime | None:
    """Plan a learner's next reminder from their settings (None: no reminders planned).

    With DMs closed, the reminder is still planned while the learner is in a live study group: it goes to
    the group's channel instead.
    """
    settings = await svc.store.get_reminder_settings(user_id)
    learner = await svc.store.get_learner(user_id)
    active = await svc.store.list_enrollments(user_id) if learner else []
    unreachable = learner is not None and learner.dm_undeliverable and not await in_a_live_group(svc, user_id)
    if settings is None or not settings.enabled or learner is None or unreachable or not active:
        await svc.store.clear_plan("user", user_id)
        return None
    tz = settings.timezone or learner.timezone
    after = max(now, settings.paused_until) if settings.paused_until else now
    due = next_due(after, settings.weekday, settings.local_time, tz)
    await svc.store.set_plan("user", user_id, due)
    return due


async def replan_group(svc: Services, group_id: int, now: datetime) -> datetime | None:
    """Plan a study group's next post (None when paused or gone)."""
    group = await svc.store.get_group(group_id)
    if group is None or group.paused:
        await svc.store.clear_plan("group", group_id)
        return None
    due = next_due(now, group.weekday, group.local_time, group.timezone)
    await svc.store.set_plan("group", group_id, due)
    return due
