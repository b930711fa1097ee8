"""Handlers for a learner's weekly reminder: /remind on|off|set|pause|preview and the reminder's buttons."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot import components
from bot.domain.weeks import local_today, pace_weeks, week_number
from bot.domain.zones import canonical_zones, zone_or_utc
from bot.handlers.inputs import parse_zone
from bot.present import pace_label, plan_change_text, week_status, zone_note
from bot.reminders.compose import compose_user
from bot.reminders.planning import current_slot, reminder_zone, replan_user, snooze
from bot.reminders.review import first_review_due
from bot.render import Reply, escape_user_text
from bot.services import Caller, Response, Services, UserError, no_live_path, plan_for
from bot.store.models import ReminderSettings
from bot.wording import plural

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DEFAULT_DAY, DEFAULT_TIME = 0, time(9, 0)
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.h]([0-5]\d)$")


def parse_day(text: str) -> int:
    """Read a weekday name (or its first three letters)."""
    value = text.strip().lower()
    for n, day in enumerate(DAYS):
        if value == day or (len(value) >= 3 and day.startswith(value)):
            return n
    raise UserError(f"'{escape_user_text(text, 20)}' is not a day. Use monday, tuesday, … or sunday.")


def parse_time(text: str) -> time:
    """Read a 24-hour HH:MM time."""
    match = _TIME.match(text.strip().lower())
    if match is None:
        raise UserError(f"'{escape_user_text(text, 20)}' is not a time. Use 24-hour HH:MM, e.g. 09:00 or 18:30.")
    return time(int(match.group(1)), int(match.group(2)))


def zone_choices(query: str, limit: int = 25) -> list[str]:
    """Suggest canonical IANA zone names (the only ones `/remind set` takes) containing what was typed."""
    q = query.strip().lower().replace(" ", "_")
    zones = sorted(canonical_zones())
    starts = [z for z in zones if z.lower().startswith(q) or z.lower().split("/")[-1].startswith(q)]
    contains = [z for z in zones if q in z.lower() and z not in starts]
    return (starts + contains)[:limit]


def _describe(settings: ReminderSettings, tz: str) -> str:
    """Say when the reminder comes, in the zone it is computed in (UTC for a stored zone unusable here)."""
    day = DAYS[settings.weekday].title()
    return f"{day}s at {settings.local_time:%H:%M} ({zone_or_utc(settings.timezone or tz)})"


async def _settings(svc: Services, caller: Caller) -> tuple[ReminderSettings | None, str]:
    """Return the caller's reminder settings and their own stored zone (as stored: see `_note`)."""
    learner = await svc.store.ensure_learner(caller.user_id, caller.now)
    return await svc.store.get_reminder_settings(caller.user_id), learner.timezone


async def _note(svc: Services, caller: Caller) -> str:
    """Say, on a line of its own, when a stored zone of the caller's can't be used here ("" when all is well)."""
    settings = await svc.store.get_reminder_settings(caller.user_id)
    learner = await svc.store.get_learner(caller.user_id)
    note = zone_note(settings.timezone if settings else None, learner.timezone if learner else None)
    return f"\n{note}" if note else ""


async def _save(
    svc: Services,
    caller: Caller,
    current: ReminderSettings | None,
    *,
    enabled: bool | None = None,
    weekday: int | None = None,
    at: time | None = None,
    timezone: str | None = None,
    paused_until: datetime | bool | None = False,
) -> ReminderSettings:
    saved = await svc.store.set_reminder_settings(
        caller.user_id,
        enabled=enabled if enabled is not None else (current.enabled if current else True),
        weekday=weekday if weekday is not None else (current.weekday if current else DEFAULT_DAY),
        local_time=at or (current.local_time if current else DEFAULT_TIME),
        timezone=timezone or (current.timezone if current else None),
        paused_until=(current.paused_until if current else None) if paused_until is False else paused_until,
        now=caller.now,
    )
    await replan_user(svc, caller.user_id, caller.now)
    svc.plans_changed()
    return saved


def _next_line(due: datetime | None, tz: str, dms_closed: bool = False) -> str:
    if due is None and dms_closed:
        return (
            "Nothing is planned: your DMs are closed to me. Allow direct messages from server members, "
            "then use `/remind on`."
        )
    if due is None:
        return "Nothing is planned: enroll in a path with `/start-learning` first."
    tz = zone_or_utc(tz)
    local = due.astimezone(ZoneInfo(tz))
    where = " in your study group's channel (your DMs are closed to me)" if dms_closed else ""
    return f"Next one: {local:%A %Y-%m-%d %H:%M} ({tz}){where}."


async def _dms_closed(svc: Services, user_id: int) -> bool:
    learner = await svc.store.get_learner(user_id)
    return learner is not None and learner.dm_undeliverable


async def remind_on(svc: Services, caller: Caller) -> Reply:
    """Turn weekly reminders on."""
    current, tz = await _settings(svc, caller)
    if (await svc.store.get_learner(caller.user_id)).dm_undeliverable:
        await svc.store.set_dm_undeliverable(caller.user_id, False)
        await svc.store.delete_meta(f"told_dms_closed:{caller.user_id}")
    saved = await _save(svc, caller, current, enabled=True, paused_until=None)
    due = await svc.store.get_plan("user", caller.user_id)
    text = f"Weekly reminders are on: {_describe(saved, tz)}. {_next_line(due, saved.timezone or tz)}"
    return Reply(content=text + await _note(svc, caller), ephemeral=True)


async def remind_off(svc: Services, caller: Caller) -> Reply:
    """Turn weekly reminders off."""
    current, _ = await _settings(svc, caller)
    await _save(svc, caller, current, enabled=False)
    return Reply(content="Weekly reminders are off. `/remind on` brings them back.", ephemeral=True)


async def remind_set(
    svc: Services, caller: Caller, day: str | None = None, time: str | None = None, timezone: str | None = None
) -> Reply:
    """Set the day, time and time zone of the weekly reminder."""
    if not (day or time or timezone):
        raise UserError("Give at least one of day, time or timezone, e.g. `/remind set day:friday time:18:00`.")
    weekday = parse_day(day) if day else None
    at = parse_time(time) if time else None
    zone = parse_zone(timezone) if timezone else None
    current, tz = await _settings(svc, caller)
    if zone:
        await svc.store.set_timezone(caller.user_id, zone, caller.now)  # the learner's weeks follow it too
        tz = zone
    saved = await _save(svc, caller, current, enabled=True, weekday=weekday, at=at, timezone=zone)
    due = await svc.store.get_plan("user", caller.user_id)
    closed = await _dms_closed(svc, caller.user_id)
    line = f"Reminders: {_describe(saved, tz)}. {_next_line(due, saved.timezone or tz, closed)}"
    return Reply(content=line + await _note(svc, caller), ephemeral=True)


async def remind_pause(svc: Services, caller: Caller, until: str) -> Reply:
    """Pause reminders until a date (in the learner's time zone)."""
    current, tz = await _settings(svc, caller)
    zone = zone_or_utc(current.timezone if current and current.timezone else tz)
    today = local_today(caller.now, zone)
    try:
        day = date.fromisoformat(until.strip())
    except ValueError:
        example = (today + timedelta(days=7)).isoformat()
        raise UserError(f"'{escape_user_text(until, 20)}' is not a date. Use YYYY-MM-DD, e.g. {example}.") from None
    if day <= today:
        raise UserError(f"Pick a date after today ({today.isoformat()}).")
    if (day - today).days > 366:
        raise UserError("Pause for at most a year; `/remind off` stops reminders for good.")
    resume = datetime.combine(day, time(0), ZoneInfo(zone))
    if current is not None and not current.enabled:  # a pause does not turn reminders back on
        return Reply(
            content="Reminders are off, so there is nothing to pause. `/remind on` turns them on again.",
            ephemeral=True,
        )
    await _save(svc, caller, current, enabled=True, paused_until=resume)
    due = await svc.store.get_plan("user", caller.user_id)
    closed = await _dms_closed(svc, caller.user_id)
    line = f"Reminders paused until {day.isoformat()}. {_next_line(due, zone, closed)}"
    return Reply(content=line + await _note(svc, caller), ephemeral=True)


async def remind_preview(svc: Services, caller: Caller) -> Reply:
    """Return this week's reminder as the learner will get it."""
    await svc.store.ensure_learner(caller.user_id, caller.now)
    composed = await compose_user(svc, caller.user_id, caller.now)
    if composed.reply is None:
        raise no_live_path(await svc.store.list_enrollments(caller.user_id))
    return composed.reply  # says itself when a stored zone can't be used


@components.REMINDER_TICK.handles
async def reminder_tick(svc: Services, caller: Caller, role: str, values: Sequence[str]) -> Response:
    """Tick the items picked in a reminder's menu."""
    found = svc.content.index.roles.get(role)
    if found is None:
        raise UserError("That path is not in the content any more. Your progress is kept.")
    known = {i.id: i for i in found.checklist}
    ticked = [known[v].text for v in values if v in known]
    review_due = await first_review_due(svc, caller.user_id, caller.now)
    for value in values:
        if value in known:
            await svc.store.set_item_done(caller.user_id, role, value, caller.now, review_due=review_due)
    if not ticked:
        raise UserError("Those items changed since this reminder was sent; see `/checklist`.")
    lines = "\n".join(f"✅ {escape_user_text(t)}" for t in ticked)
    return Response(Reply(content=f"Ticked on {found.display_name}:\n{lines}"[:2000], ephemeral=True))


@components.SNOOZE.handles
async def snooze_day(svc: Services, caller: Caller) -> Response:
    """Send this week's reminder again tomorrow."""
    due = await snooze(svc, caller.user_id, caller.now)
    svc.plans_changed()
    tz = await reminder_zone(svc, caller.user_id)
    local = due.astimezone(ZoneInfo(tz))
    return Response(Reply(content=f"Snoozed: I'll remind you again at {local:%Y-%m-%d %H:%M} ({tz}).", ephemeral=True))


def _week_of(slot: str) -> str:
    """Name a weekly slot ("2026-W48") by its Monday: "the week of 2026-11-23"."""
    year, _, week = slot.partition("-W")
    try:
        return f"the week of {date.fromisocalendar(int(year), int(week), 1).isoformat()}"
    except ValueError:
        return "an earlier week"


FRESH_BUTTON = "`/remind preview` sends you this week's reminder with a fresh button."


@components.BEHIND.handles
async def behind(svc: Services, caller: Caller, role: str, slot: str | None = None) -> Response:
    """Push the plan back a week ("I'm behind"): from this week's reminder, once a week, never before week 1.

    `slot` is the weekly slot of the reminder the button is on (None: a button from before it was kept).
    """
    found = svc.content.index.roles.get(role)
    if found is not None and found.self_paced:  # a button sent before the path lost its phases
        return Response(
            Reply(
                content=f"{found.display_name} is self-paced: there is no weekly plan to move back, so you can't "
                "fall behind. Take the checklist at your own pace; `/remind pause` gives you a break from reminders.",
                ephemeral=True,
            )
        )
    enrollment = await svc.store.get_enrollment(caller.user_id, role)
    if enrollment is None or enrollment.status != "active":
        raise UserError("You aren't following that path any more.")
    current = await current_slot(svc, caller.user_id, caller.now)
    if slot != current:
        sent = f"on the reminder of {_week_of(slot)}" if slot else "on an older reminder"
        raise UserError(f"This button is {sent}: your plan moves back only from this week's. {FRESH_BUTTON}")
    if found is None:
        raise UserError(
            f"Your path `{role}` is not in the content right now; a moderator may be fixing it. Your progress is kept."
        )
    learner = await svc.store.get_learner(caller.user_id)
    tz = zone_or_utc(learner.timezone if learner else None)
    if enrollment.behind_slot == current:
        raise UserError(
            f"Your plan already moved back a week with this reminder ({plural(enrollment.week_shift, 'week')} back "
            "in all): it moves back at most once a week. Need a break instead? `/remind pause` or "
            "[Pause a week] on the reminder."
        )
    pos = plan_for(found, enrollment, caller.now, tz).position
    if pos.status == "not_started" or pos.week <= 1:
        raise UserError(
            f"You're in week 1 of {found.display_name}: there is no earlier week to move back to. Take the time "
            "you need; next week's reminder has the button again."
        )
    since_start = week_number(enrollment.start_date, local_today(caller.now, tz))  # unshifted
    moved, changed = await svc.store.move_back_once(caller.user_id, role, current, since_start - 1, caller.now)
    if moved is None or not changed:  # another click got there first
        raise UserError("Your plan already moved back a week with this reminder: it moves back at most once a week.")
    now_at = plan_for(found, moved, caller.now, tz)
    return Response(
        Reply(
            content=f"No problem: your plan moved back a week, to week {now_at.position.week} of "
            f"{now_at.total_weeks} ({plural(moved.week_shift, 'week')} back in all). Keep going at your pace.",
            ephemeral=True,
        )
    )


@components.PAUSE_WEEK.handles
async def pause_week(svc: Services, caller: Caller) -> Response:
    """Pause reminders for a week."""
    current, _ = await _settings(svc, caller)
    await _save(svc, caller, current, enabled=True, paused_until=caller.now + timedelta(days=7))
    return Response(Reply(content="Reminders paused for a week. `/remind on` resumes them now.", ephemeral=True))


@components.SLOWER_PACE.handles
async def slower_pace(svc: Services, caller: Caller, role: str, pace: str) -> Response:
    """Switch a path to the slower pace a reminder offered, and say what changed (weeks, finish date).

    Only to a pace that gives more time than the plan has now: a button pressed twice, or after another
    change of pace, says so and changes nothing.
    """
    found = svc.content.index.roles.get(role)
    if found is None:
        raise UserError(
            f"Your path `{role}` is not in the content right now; a moderator may be fixing it. Your progress is kept."
        )
    if found.self_paced:
        raise UserError(f"{found.display_name} is self-paced: it has no weekly plan, so there is no pace to change.")
    enrollment = await svc.store.get_enrollment(caller.user_id, role)
    if enrollment is None or enrollment.status != "active":
        raise UserError("You aren't following that path any more.")
    if pace not in found.timeline_months:
        paces = ", ".join(f"`{p}`" for p in found.timeline_months) or "none"
        raise UserError(
            f"{found.display_name} has no pace '{escape_user_text(pace, 40)}' any more. Its paces: {paces}; "
            f"`/start-learning role:{found.name} pace:…` switches."
        )
    learner = await svc.store.get_learner(caller.user_id)
    tz = learner.timezone if learner else "UTC"
    before = plan_for(found, enrollment, caller.now, tz)
    weeks = pace_weeks(found.timeline_months, pace, found.total_weeks, phase_count=len(found.phases))
    if weeks <= before.total_weeks:
        if enrollment.pace == pace:
            now_at = "already at that pace"
        else:
            now_at = f"at {pace_label(enrollment.pace)} pace" if enrollment.pace else "on the path as written"
        raise UserError(
            f"You're {now_at}: {plural(before.total_weeks, 'week')}, and {pace_label(pace)} has "
            f"{plural(weeks, 'week')}, so it gives you no more time. Nothing changed."
        )
    # Enrolling again with a pace changes only the pace: start date, week shift and progress stay.
    moved, _ = await svc.store.enroll(caller.user_id, role, pace, None, caller.now)
    after = plan_for(found, moved, caller.now, tz)
    content = f"{plan_change_text(before, after)}\nWhere you are now: {week_status(after)}."
    return Response(Reply(content=content, ephemeral=True))
