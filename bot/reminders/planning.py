"""Plan each target's next reminder from its settings (the scheduler sends; this only decides when)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from bot.domain.reminders import next_due, slot_key
from bot.domain.zones import zone_or_utc
from bot.services import Services
from bot.store.models import TargetKind

SNOOZE_DELAY = timedelta(days=1)
DEFAULT_DAY, DEFAULT_TIME = 0, time(9, 0)
DEFER_RECHECK = timedelta(minutes=30)
"""How long a reminder whose path is not loaded waits before the scheduler looks again. A content reload
or a restart looks at once (`resume_deferred`); this is only the fallback."""
RESUME_SCAN_LIMIT = 5000


def snooze_meta_key(kind: str, target_id: int) -> str:
    """Return the meta key that marks a planned due time as a snoozed repeat of this week's reminder."""
    return f"snooze:{kind}:{target_id}"


def on_schedule(due: datetime, weekday: int, at: time, tz: str) -> datetime:
    """Return the latest weekly due time at or before `due` (`due` itself when it is one)."""
    latest = next_due(due - timedelta(days=9), weekday, at, tz)
    while (following := next_due(latest, weekday, at, tz)) <= due:
        latest = following
    return latest


def weekly_slot(when: datetime, weekday: int, at: time, tz: str) -> str:
    """Return the slot of the latest weekly reminder due at or before `when` (the one a button click repeats)."""
    return slot_key(on_schedule(when, weekday, at, tz), tz)


@dataclass(frozen=True)
class Snooze:
    """A snoozed repeat of a weekly reminder: when it is due, and the weekly slot of the reminder it repeats."""

    at: datetime
    slot: str

    def encode(self) -> str:
        return f"{self.at.isoformat()}|{self.slot}"


def read_snooze(stored: str | None, weekday: int, at: time, tz: str) -> Snooze | None:
    """Read a snooze kept in meta ("ISO-time|slot"); None when there is none, or it is unreadable.

    A value from before the slot was stored (only the time) repeats the weekly reminder due at or
    before the moment it was asked for, a day before its time.
    """
    if stored is None:
        return None
    when, sep, slot = stored.partition("|")
    try:
        value = datetime.fromisoformat(when)
    except ValueError:
        return None
    if value.tzinfo is None:
        return None
    if not sep or not slot:
        slot = weekly_slot(value - SNOOZE_DELAY, weekday, at, tz)
    return Snooze(value, slot)


async def reminder_zone(svc: Services, user_id: int) -> str:
    """Return the time zone of a learner's reminders (their reminder setting, else their own zone; UTC if unusable)."""
    settings = await svc.store.get_reminder_settings(user_id)
    if settings is not None and settings.timezone:
        return zone_or_utc(settings.timezone)
    learner = await svc.store.get_learner(user_id)
    return zone_or_utc(learner.timezone if learner is not None else None)


async def current_slot(svc: Services, user_id: int, now: datetime) -> str:
    """Return the weekly slot of the learner's latest reminder due at or before `now` (this week's reminder).

    A learner without reminder settings is counted on the default schedule (Mondays 09:00).
    """
    settings = await svc.store.get_reminder_settings(user_id)
    weekday, at = (settings.weekday, settings.local_time) if settings else (DEFAULT_DAY, DEFAULT_TIME)
    return weekly_slot(now, weekday, at, await reminder_zone(svc, user_id))


async def snooze(svc: Services, user_id: int, now: datetime, delay: timedelta = SNOOZE_DELAY) -> datetime:
    """Plan this week's reminder again after `delay` (even when that is in the next week)."""
    due = now + delay
    settings = await svc.store.get_reminder_settings(user_id)
    if settings is None:
        value = due.isoformat()  # no weekly reminder to repeat: the scheduler works the week out
    else:
        tz = await reminder_zone(svc, user_id)
        value = Snooze(due, weekly_slot(now, settings.weekday, settings.local_time, tz)).encode()
    await svc.store.set_meta(snooze_meta_key("user", user_id), value)
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
    tz = zone_or_utc(settings.timezone or learner.timezone)
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
    due = next_due(now, group.weekday, group.local_time, zone_or_utc(group.timezone))
    await svc.store.set_plan("group", group_id, due)
    return due


async def replan_unplanned(svc: Services, now: datetime) -> int:
    """Plan the reminders of learners who lost theirs (say, while their path was missing from the content).

    Return how many got a plan; `replan_user` decides (DMs closed with no group, a pause, ...).
    """
    planned = 0
    for user_id in await svc.store.unplanned_learners():
        if await replan_user(svc, user_id, now) is not None:
            planned += 1
    return planned


def deferred_meta_key(kind: str, target_id: int) -> str:
    """Return the meta key of a reminder held back until its path is loaded again."""
    return f"deferred:{kind}:{target_id}"


@dataclass(frozen=True)
class Deferral:
    """A reminder held back while its path is not loaded: the due time it stands for, and when it is looked at again.

    It applies while the target's plan is still the one the deferral made (or an earlier one, after
    `resume_deferred`): a plan made since (a pause, new settings) replaces it.
    """

    since: datetime
    until: datetime

    def encode(self) -> str:
        return f"{self.since.isoformat()}|{self.until.isoformat()}"

    def applies(self, planned: datetime) -> bool:
        return planned <= self.until


def read_deferral(stored: str | None) -> Deferral | None:
    """Read a deferral kept in meta ("ISO-since|ISO-until"); None when there is none, or it is unreadable."""
    if stored is None:
        return None
    since, _, until = stored.partition("|")
    try:
        values = datetime.fromisoformat(since), datetime.fromisoformat(until)
    except ValueError:
        return None
    if any(v.tzinfo is None for v in values):
        return None
    return Deferral(*values)


async def defer(
    svc: Services, kind: TargetKind, target_id: int, scheduled: datetime, now: datetime, recheck: timedelta
) -> Deferral:
    """Hold a reminder back while its path is not loaded, without recording a delivery, and plan a look again.

    `scheduled` is the due time it stands for: the first one deferred, when it is deferred again, so that once
    the path is back the reminder goes out as a catch-up of every week it waited, like after downtime.
    """
    deferral = Deferral(scheduled, now + recheck)
    await svc.store.set_meta(deferred_meta_key(kind, target_id), deferral.encode())
    await svc.store.set_plan(kind, target_id, deferral.until)
    return deferral


async def resume_deferred(svc: Services, now: datetime, horizon: timedelta = DEFER_RECHECK) -> int:
    """Make every deferred reminder due now (the content changed, or the process started: its path may be back).

    A deferred reminder is planned at most `horizon` ahead, so only those plans are looked at. Return how many
    were made due.
    """
    resumed = 0
    for target in await svc.store.due_targets(now + horizon, RESUME_SCAN_LIMIT):
        if target.next_due <= now:
            continue  # due anyway
        deferral = read_deferral(await svc.store.get_meta(deferred_meta_key(target.kind, target.target_id)))
        if deferral is not None and deferral.applies(target.next_due):
            await svc.store.set_plan(target.kind, target.target_id, now)
            resumed += 1
    return resumed
