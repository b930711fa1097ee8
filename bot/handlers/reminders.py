"""Handlers for a learner's weekly reminder: /remind on|off|set|pause|preview and the reminder's buttons."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot import components
from bot.domain.weeks import local_today, pace_weeks, week_number
from bot.domain.zones import canonical_zones, zone_or_utc
from bot.handlers.inputs import parse_zone
from bot.i18n import _, _n, _p, cmd, format_date
from bot.present import pace_label, plan_change_text, week_status, weekday_name, zone_note
from bot.reminders.compose import compose_user
from bot.reminders.planning import current_slot, reminder_zone, replan_user, snooze
from bot.reminders.review import first_review_due
from bot.render import Reply, escape_user_text
from bot.services import Caller, Response, Services, UserError, no_live_path, plan_for
from bot.store.models import ReminderSettings

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DEFAULT_DAY, DEFAULT_TIME = 0, time(9, 0)
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.h]([0-5]\d)$")


def every_weekday(weekday: int) -> str:
    """Name a weekday as something that recurs (0 is Monday): "Mondays", "montags", "los lunes"."""
    names = (
        _p("weekday", "Mondays"),
        _p("weekday", "Tuesdays"),
        _p("weekday", "Wednesdays"),
        _p("weekday", "Thursdays"),
        _p("weekday", "Fridays"),
        _p("weekday", "Saturdays"),
        _p("weekday", "Sundays"),
    )
    return names[weekday]


def schedule_text(weekday: int, at: time, zone: str) -> str:
    """Say when a weekly message comes: "Mondays at 09:00 (Europe/Berlin)" (times stay 24-hour HH:MM)."""
    return _("{days} at {time} ({zone})", days=every_weekday(weekday), time=at.strftime("%H:%M"), zone=zone)


def _plain(word: str) -> str:
    """Fold a day name for matching: lowercase, without accents ("Miércoles" is "miercoles")."""
    decomposed = unicodedata.normalize("NFKD", word.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def parse_day(text: str) -> int:
    """Read a weekday name (or its first three letters), in English or the current language."""
    value = _plain(text)
    for n, day in enumerate(DAYS):
        for name in (day, _plain(weekday_name(n))):
            if value == name or (len(value) >= 3 and name.startswith(value)):
                return n
    raise UserError(_("'{text}' is not a day. Use monday, tuesday, … or sunday.", text=escape_user_text(text, 20)))


def parse_time(text: str) -> time:
    """Read a 24-hour HH:MM time."""
    match = _TIME.match(text.strip().lower())
    if match is None:
        raise UserError(
            _("'{text}' is not a time. Use 24-hour HH:MM, e.g. 09:00 or 18:30.", text=escape_user_text(text, 20))
        )
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
    return schedule_text(settings.weekday, settings.local_time, zone_or_utc(settings.timezone or tz))


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
        return _(
            "Nothing is planned: your DMs are closed to me. Allow direct messages from server members, then use {on}.",
            on=cmd("remind on"),
        )
    if due is None:
        return _("Nothing is planned: enroll in a path with {start} first.", start=cmd("start-learning"))
    tz = zone_or_utc(tz)
    local = due.astimezone(ZoneInfo(tz))
    when = {"day": weekday_name(local.weekday()), "date": format_date(local.date()), "time": f"{local:%H:%M}"}
    if dms_closed:
        return _(
            "Next one: {day} {date} {time} ({zone}) in your study group's channel (your DMs are closed to me).",
            zone=tz,
            **when,
        )
    return _("Next one: {day} {date} {time} ({zone}).", zone=tz, **when)


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
    text = _(
        "Weekly reminders are on: {schedule}. {next}",
        schedule=_describe(saved, tz),
        next=_next_line(due, saved.timezone or tz),
    )
    return Reply(content=text + await _note(svc, caller), ephemeral=True)


async def remind_off(svc: Services, caller: Caller) -> Reply:
    """Turn weekly reminders off."""
    current, _tz = await _settings(svc, caller)
    await _save(svc, caller, current, enabled=False)
    return Reply(content=_("Weekly reminders are off. {on} brings them back.", on=cmd("remind on")), ephemeral=True)


async def remind_set(
    svc: Services, caller: Caller, day: str | None = None, time: str | None = None, timezone: str | None = None
) -> Reply:
    """Set the day, time and time zone of the weekly reminder."""
    if not (day or time or timezone):
        example = cmd("remind set", day=_plain(weekday_name(4)), time="18:00")
        raise UserError(_("Give at least one of day, time or timezone, e.g. {example}.", example=example))
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
    line = _(
        "Reminders: {schedule}. {next}",
        schedule=_describe(saved, tz),
        next=_next_line(due, saved.timezone or tz, closed),
    )
    return Reply(content=line + await _note(svc, caller), ephemeral=True)


async def remind_pause(svc: Services, caller: Caller, until: str) -> Reply:
    """Pause reminders until a date (in the learner's time zone)."""
    current, tz = await _settings(svc, caller)
    zone = zone_or_utc(current.timezone if current and current.timezone else tz)
    today = local_today(caller.now, zone)
    try:
        day = date.fromisoformat(until.strip())
    except ValueError:
        example = (today + timedelta(days=7)).isoformat()  # as it is typed, whatever the language
        raise UserError(
            _(
                "'{text}' is not a date. Use YYYY-MM-DD, e.g. {example}.",
                text=escape_user_text(until, 20),
                example=example,
            )
        ) from None
    if day <= today:
        raise UserError(_("Pick a date after today ({today}).", today=format_date(today)))
    if (day - today).days > 366:
        raise UserError(_("Pause for at most a year; {off} stops reminders for good.", off=cmd("remind off")))
    resume = datetime.combine(day, time(0), ZoneInfo(zone))
    if current is not None and not current.enabled:  # a pause does not turn reminders back on
        return Reply(
            content=_(
                "Reminders are off, so there is nothing to pause. {on} turns them on again.", on=cmd("remind on")
            ),
            ephemeral=True,
        )
    await _save(svc, caller, current, enabled=True, paused_until=resume)
    due = await svc.store.get_plan("user", caller.user_id)
    closed = await _dms_closed(svc, caller.user_id)
    line = _("Reminders paused until {date}. {next}", date=format_date(day), next=_next_line(due, zone, closed))
    return Reply(content=line + await _note(svc, caller), ephemeral=True)


async def remind_preview(svc: Services, caller: Caller) -> Reply:
    """Return this week's reminder as the learner will get it."""
    await svc.store.ensure_learner(caller.user_id, caller.now)
    composed = await compose_user(svc, caller.user_id, caller.now)
    if composed.reply is None:
        over = await svc.store.list_enrollments(caller.user_id, ("completed",))
        if over:  # the last reminder of each went out
            latest = max(over, key=lambda e: e.updated_at)
            found = svc.content.index.roles.get(latest.role)
            raise UserError(
                _(
                    "The weeks of {path} are over, so it gets no more weekly reminders; {start} takes it up again "
                    "(your ticks are kept).",
                    path=found.display_name if found is not None else latest.role,
                    start=cmd("start-learning", role=latest.role),
                )
            )
        raise no_live_path(await svc.store.list_enrollments(caller.user_id))
    return composed.reply  # says itself when a stored zone can't be used


@components.REMINDER_TICK.handles
async def reminder_tick(svc: Services, caller: Caller, role: str, values: Sequence[str]) -> Response:
    """Tick the items picked in a reminder's menu."""
    found = svc.content.index.roles.get(role)
    if found is None:
        raise UserError(_("That path is not in the content any more. Your progress is kept."))
    known = {i.id: i for i in found.checklist}
    ticked = [known[v].text for v in values if v in known]
    review_due = await first_review_due(svc, caller.user_id, caller.now)
    for value in values:
        if value in known:
            await svc.store.set_item_done(caller.user_id, role, value, caller.now, review_due=review_due)
    if not ticked:
        raise UserError(
            _("Those items changed since this reminder was sent; see {checklist}.", checklist=cmd("checklist"))
        )
    lines = "\n".join(f"✅ {escape_user_text(t)}" for t in ticked)
    text = _("Ticked on {role}:\n{items}", role=found.display_name, items=lines)
    return Response(Reply(content=text[:2000], ephemeral=True))


@components.SNOOZE.handles
async def snooze_day(svc: Services, caller: Caller) -> Response:
    """Send this week's reminder again tomorrow."""
    due = await snooze(svc, caller.user_id, caller.now)
    svc.plans_changed()
    tz = await reminder_zone(svc, caller.user_id)
    local = due.astimezone(ZoneInfo(tz))
    text = _(
        "Snoozed: I'll remind you again at {date} {time} ({zone}).",
        date=format_date(local.date()),
        time=local.strftime("%H:%M"),
        zone=tz,
    )
    return Response(Reply(content=text, ephemeral=True))


def _monday_of(slot: str) -> date | None:
    """Return the Monday of a weekly slot ("2026-W48" is 2026-11-23); None when it can't be read."""
    year, _sep, week = slot.partition("-W")
    try:
        return date.fromisocalendar(int(year), int(week), 1)
    except ValueError:
        return None


def _old_button(slot: str | None) -> str:
    """Say that an "I'm behind" button is on an older reminder than this week's, and how to get a fresh one."""
    fresh = _("{preview} sends you this week's reminder with a fresh button.", preview=cmd("remind preview"))
    monday = _monday_of(slot) if slot else None
    if monday is not None:
        return _(
            "This button is on the reminder of the week of {date}: your plan moves back only from this week's. {fresh}",
            date=format_date(monday),
            fresh=fresh,
        )
    if slot:
        return _(
            "This button is on the reminder of an earlier week: your plan moves back only from this week's. {fresh}",
            fresh=fresh,
        )
    return _("This button is on an older reminder: your plan moves back only from this week's. {fresh}", fresh=fresh)


def _not_loaded(role: str) -> str:
    return _(
        "Your path `{role}` is not in the content right now; a moderator may be fixing it. Your progress is kept.",
        role=role,
    )


@components.BEHIND.handles
async def behind(svc: Services, caller: Caller, role: str, slot: str | None = None) -> Response:
    """Push the plan back a week ("I'm behind"): from this week's reminder, once a week, never before week 1.

    `slot` is the weekly slot of the reminder the button is on (None: a button from before it was kept).
    """
    found = svc.content.index.roles.get(role)
    if found is not None and found.self_paced:  # a button sent before the path lost its phases
        return Response(
            Reply(
                content=_(
                    "{role} is self-paced: there is no weekly plan to move back, so you can't fall behind. Take the "
                    "checklist at your own pace; {pause} gives you a break from reminders.",
                    role=found.display_name,
                    pause=cmd("remind pause"),
                ),
                ephemeral=True,
            )
        )
    enrollment = await svc.store.get_enrollment(caller.user_id, role)
    if enrollment is None or enrollment.status != "active":
        raise UserError(_("You aren't following that path any more."))
    current = await current_slot(svc, caller.user_id, caller.now)
    if slot != current:
        raise UserError(_old_button(slot))
    if found is None:
        raise UserError(_not_loaded(role))
    learner = await svc.store.get_learner(caller.user_id)
    tz = zone_or_utc(learner.timezone if learner else None)
    if enrollment.behind_slot == current:
        raise UserError(
            _n(
                "Your plan already moved back a week with this reminder ({n} week back in all): it moves back at "
                "most once a week. Need a break instead? {pause} or [{button}] on the reminder.",
                "Your plan already moved back a week with this reminder ({n} weeks back in all): it moves back at "
                "most once a week. Need a break instead? {pause} or [{button}] on the reminder.",
                enrollment.week_shift,
                pause=cmd("remind pause"),
                button=_("Pause a week"),
            )
        )
    pos = plan_for(found, enrollment, caller.now, tz).position
    if pos.status == "not_started" or pos.week <= 1:
        raise UserError(
            _(
                "You're in week 1 of {role}: there is no earlier week to move back to. Take the time you need; next "
                "week's reminder has the button again.",
                role=found.display_name,
            )
        )
    since_start = week_number(enrollment.start_date, local_today(caller.now, tz))  # unshifted
    moved, changed = await svc.store.move_back_once(caller.user_id, role, current, since_start - 1, caller.now)
    if moved is None or not changed:  # another click got there first
        raise UserError(_("Your plan already moved back a week with this reminder: it moves back at most once a week."))
    now_at = plan_for(found, moved, caller.now, tz)
    return Response(
        Reply(
            content=_n(
                "No problem: your plan moved back a week, to week {week} of {total} ({n} week back in all). Keep "
                "going at your pace.",
                "No problem: your plan moved back a week, to week {week} of {total} ({n} weeks back in all). Keep "
                "going at your pace.",
                moved.week_shift,
                week=now_at.position.week,
                total=now_at.total_weeks,
            ),
            ephemeral=True,
        )
    )


@components.PAUSE_WEEK.handles
async def pause_week(svc: Services, caller: Caller) -> Response:
    """Pause reminders for a week."""
    current, _tz = await _settings(svc, caller)
    await _save(svc, caller, current, enabled=True, paused_until=caller.now + timedelta(days=7))
    text = _("Reminders paused for a week. {on} resumes them now.", on=cmd("remind on"))
    return Response(Reply(content=text, ephemeral=True))


@components.SLOWER_PACE.handles
async def slower_pace(svc: Services, caller: Caller, role: str, pace: str) -> Response:
    """Switch a path to the slower pace a reminder offered, and say what changed (weeks, finish date).

    Only to a pace that gives more time than the plan has now: a button pressed twice, or after another
    change of pace, says so and changes nothing.
    """
    found = svc.content.index.roles.get(role)
    if found is None:
        raise UserError(_not_loaded(role))
    if found.self_paced:
        raise UserError(
            _("{role} is self-paced: it has no weekly plan, so there is no pace to change.", role=found.display_name)
        )
    enrollment = await svc.store.get_enrollment(caller.user_id, role)
    if enrollment is None or enrollment.status != "active":
        raise UserError(_("You aren't following that path any more."))
    if pace not in found.timeline_months:
        paces = ", ".join(f"`{p}`" for p in found.timeline_months) or _("none")
        raise UserError(
            _(
                "{role} has no pace '{pace}' any more. Its paces: {paces}; {start} switches.",
                role=found.display_name,
                pace=escape_user_text(pace, 40),
                paces=paces,
                start=cmd("start-learning", role=found.name, pace="…"),
            )
        )
    learner = await svc.store.get_learner(caller.user_id)
    tz = learner.timezone if learner else "UTC"
    before = plan_for(found, enrollment, caller.now, tz)
    weeks = pace_weeks(found.timeline_months, pace, found.total_weeks, phase_count=len(found.phases))
    if weeks <= before.total_weeks:
        if enrollment.pace == pace:
            now_at = _("You're already at that pace")
        elif enrollment.pace:
            now_at = _("You're at {pace} pace", pace=pace_label(enrollment.pace))
        else:
            now_at = _("You're on the path as written")
        raise UserError(
            _(
                "{now_at}: {weeks}, and {pace} has {new_weeks}, so it gives you no more time. Nothing changed.",
                now_at=now_at,
                weeks=_n("{n} week", "{n} weeks", before.total_weeks),
                pace=pace_label(pace),
                new_weeks=_n("{n} week", "{n} weeks", weeks),
            )
        )
    # Enrolling again with a pace changes only the pace: start date, week shift and progress stay.
    moved, _changed = await svc.store.enroll(caller.user_id, role, pace, None, caller.now)
    after = plan_for(found, moved, caller.now, tz)
    content = f"{plan_change_text(before, after)}\n" + _("Where you are now: {status}.", status=week_status(after))
    return Response(Reply(content=content, ephemeral=True))
