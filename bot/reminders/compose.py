"""What a weekly reminder says: to a learner (one card per active path) or to a study group.

A learner's card opens with this week's slice of their phase, as `/today` shows it (topics, links, open
items, one next step), then their progress, finish date, pace and streak. Sent on one of a week's last days
(`bot.domain.weeks.week_turn`), it says when this week ends and is about the week after it: that week's slice,
with the ending phase's open items due by the end of this week rather than overdue. Behind by two weeks or more,
the reminder offers "I'm behind" and the path's next slower pace. The last reminder of a path cheers
only when every checklist item is ticked; otherwise it says time is up and what is left.

Finished items due for review (at most 3, `bot.domain.review`) follow on a card of their own, with
"Still got it" / "Review again" buttons.

A self-paced path (no phases) has no phase or objective to tell: its reminder lists the next open
items of its checklist, under their groups.

A study group's post says the group's week and slice, who ticked what since its last post (members
who keep their progress hidden are counted, never named), a small board of the past week's items, and a
button that opens the clicker's own checklist.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot import components
from bot.content.models import Role
from bot.domain.pace import slower_pace
from bot.domain.reminders import (
    GroupActivity,
    OpenItem,
    ReminderView,
    build_reminder_view,
    group_activity,
    next_open_items,
    slot_key,
)
from bot.domain.standing import Standing, standing
from bot.domain.streaks import streak_status
from bot.domain.today import TodayView, build_today
from bot.domain.weeks import (
    Position,
    ScheduledPhase,
    WeekTurn,
    local_today,
    pace_weeks,
    position,
    schedule,
    week_turn,
)
from bot.domain.zones import zone_or_utc
from bot.i18n import _, _n, cmd, command_text, format_date
from bot.present import (
    COLOR,
    check_in_button,
    gap_text,
    items_text,
    open_items_text,
    pace_label,
    pace_text,
    resources_text,
    streak_text,
    tick_menu,
    today_fields,
    today_lines,
    unseen,
    week_status,
    weekday_name,
    zone_note,
)
from bot.reminders.planning import current_slot, on_schedule
from bot.reminders.review import review_extras
from bot.render import Button, Card, Field, Reply, Select, clip, escape_user_text, fit_lines, progress_bar
from bot.render.limits import MAX_EMBED_DESCRIPTION, MAX_EMBED_TOTAL, MAX_FIELD_VALUE
from bot.services import Plan, Services, plan_for
from bot.store.models import GroupMember, GroupRoster, ItemProgress, StudyGroup

MAX_PATHS = 4  # one select per path, plus a row of buttons
MAX_LOOK_BACK = 52
"""Weekly slots a group post looks back through for the last one sent (after a long outage: a year)."""
Tick = tuple[str, datetime]
"""A tick on a path: the item's ID and when it was ticked."""
NAME_KEY = "console:name:{}"
"""Meta key of a member's name as the console stores it (`bot.console`); on Discord a member is a mention."""


@dataclass(frozen=True)
class Composed:
    """A reminder to send, and whether the target's path is over (no more reminders after it).

    `completed` names the paths whose last reminder this is: the scheduler marks them completed once
    it is delivered (composing has no side effects, so a preview or a failed send never swallows
    that last message).

    `reason` says why there is no reply (recorded as the failed delivery's error), such as
    `PATH_NOT_LOADED`: the target's path is missing from the content right now (a broken role file),
    which is never the end of its reminders, since a reload brings the path back.
    """

    reply: Reply | None
    finished: bool
    completed: tuple[str, ...] = ()
    reason: str | None = None


PATH_NOT_LOADED = "path not loaded"


def reminder_footer() -> str:
    """The footer of a learner's reminder: how to change it or stop it."""
    return _(
        "Weekly reminder · {set} to change the day and time · {off} to stop",
        set=command_text("remind set"),
        off=command_text("remind off"),
    )


def group_footer() -> str:
    """The footer of a study group's post: where everyone's progress is, and how to take part."""
    return _(
        "Study group · {board} for everyone's progress · {join} to take part",
        board=command_text("group board"),
        join=command_text("group join"),
    )


def missed_line(missed: int, *, group: bool = False) -> str:
    """Say that this message comes late because the bot was offline (never that the reader was away)."""
    if group:
        return _n(
            "*This comes late: I was offline and missed {n} weekly post. Nothing is lost: here is where the group "
            "is now.*",
            "*This comes late: I was offline and missed {n} weekly posts. Nothing is lost: here is where the group "
            "is now.*",
            missed,
        )
    return _n(
        "*This comes late: I was offline and missed {n} weekly reminder. Nothing is lost: here is where you are now.*",
        "*This comes late: I was offline and missed {n} weekly reminders. Nothing is lost: here is where you are now.*",
        missed,
    )


def turn_line(turn: WeekTurn) -> str:
    """Say that the current week ends within days and which starts after it (what a weekly message late in a week
    is about), or that it is the path's last."""
    if turn.next_week is None:
        if turn.days_left == 1:
            return _("**Week {week}, the path's last, ends today.**", week=turn.week)
        day = weekday_name(turn.last_day.weekday())
        return _("**Week {week}, the path's last, ends on {day}.**", week=turn.week, day=day)
    if turn.days_left == 1:
        return _(
            "**Week {week} ends today; week {next} starts tomorrow.**",
            week=turn.week,
            next=turn.next_week,
        )
    return _(
        "**Week {week} ends on {day}; week {next} starts on {next_day}.**",
        week=turn.week,
        day=weekday_name(turn.last_day.weekday()),
        next=turn.next_week,
        next_day=weekday_name(turn.next_start.weekday()),
    )


def new_phase_line(turn: WeekTurn | None, *, bold: bool = True) -> str:
    """Say that a new phase starts in the week the message is about: this one, or the one after a turn."""
    if turn is not None and turn.next_week is not None:
        return _("🚩 **A new phase starts with week {week}.**", week=turn.next_week)
    return _("🚩 **A new phase starts this week.**") if bold else _("🚩 A new phase starts this week.")


def starts_in_line(days: int) -> str:
    """Say when a path that has not started yet starts, before a look at its first week."""
    return _n(
        "Your path starts in {n} day. A look at what comes first:",
        "Your path starts in {n} days. A look at what comes first:",
        days,
    )


# --------------------------------------------------------------------------- a learner's reminder


@dataclass(frozen=True)
class PathWeek:
    """Everything one path's card says this week.

    `today` is this week's slice (week 1's before the start; None on a self-paced path and after the
    end). `items` are the open items the card lists and its menu ticks: the phase's own, else those of
    the checklist group for this stretch of the path (`view.open_items`). `slower` is the path's next
    slower pace and `slower_weeks` its length, when the learner is far enough behind to be offered it.

    Late in a week (`turn`, see `bot.domain.weeks.week_turn`) the card is about the week after it: `announced`
    is the plan as it stands on that week's first day, and `view` and `today` are that week's. `due_now` are
    the open items of the ending week's phase when the next week starts another: due by the end of this week,
    not overdue yet.
    """

    plan: Plan
    done: frozenset[str]
    view: ReminderView
    today: TodayView | None
    standing: Standing
    items: tuple[OpenItem, ...]
    slower: str | None = None
    slower_weeks: int = 0
    turn: WeekTurn | None = None
    announced: Plan | None = None
    due_now: tuple[OpenItem, ...] = ()

    @property
    def finished(self) -> bool:
        return self.view.status == "finished"

    @property
    def shown(self) -> Plan:
        """The plan as the card tells it: the week after a turn, else this week."""
        return self.announced or self.plan


def _today(plan: Plan, done: set[str]) -> TodayView | None:
    """Return this week's slice of the phase, or week 1's as a preview before the start."""
    pos = plan.position
    if plan.self_paced or pos.status == "finished":
        return None
    scheduled = pos.phase if pos.status == "active" else (plan.phases[0] if plan.phases else None)
    phase = plan.role.phase(scheduled.number) if scheduled is not None else None
    if scheduled is None or phase is None:
        return None
    week = pos.week if pos.status == "active" else scheduled.first_week
    if week not in scheduled:
        return None
    return build_today(phase, scheduled, week, plan.role.checklist, done)


def path_week(
    plan: Plan,
    progress: dict[str, ItemProgress],
    now: datetime,
    tz: str,
    missed: int = 0,
    checked_in: Sequence[datetime] = (),
) -> PathWeek:
    """Work out what a path's card says at `now` for a learner in zone `tz` with these ticks and check-ins."""
    done = set(progress)
    enrollment = plan.enrollment
    turn = week_turn(plan.position, enrollment.start_date, local_today(now, tz), enrollment.week_shift)
    announced = None
    if turn is not None and turn.next_week is not None:
        ahead = position(plan.phases, plan.total_weeks, enrollment.start_date, turn.next_start, enrollment.week_shift)
        announced = replace(plan, position=ahead)
    shown = announced or plan
    view = build_reminder_view(plan.role.phases, plan.phases, shown.position, plan.role.checklist, done, missed)
    today = _today(shown, done)
    due_now: tuple[OpenItem, ...] = ()
    if announced is not None and today is not None:
        # The next week's phase counts every earlier phase's open items as overdue; those of the ending
        # week's phase are not overdue until it ends.
        current = _today(plan, done)
        late = set(current.overdue_items) if current is not None else set()
        due_now = tuple(item for item in today.overdue_items if item not in late)
        today = replace(today, overdue_items=tuple(item for item in today.overdue_items if item in late))
    where = standing(
        start=plan.enrollment.start_date,
        total_weeks=plan.total_weeks,
        shift_weeks=plan.enrollment.week_shift,
        done=view.done,
        items=view.total,
        done_at=(p.done_at for p in progress.values()),
        now=now,
        tz=tz,
        checked_in=checked_in,
        due=plan.due_weeks(),
    )
    own = (*today.overdue_items, *due_now, *today.open_items) if today is not None else ()
    items = own or view.open_items
    role = plan.role
    slower = slower_pace(role.timeline_months, plan.total_weeks, len(role.phases)) if where.nudge else None
    weeks = pace_weeks(role.timeline_months, slower, role.total_weeks, phase_count=len(role.phases)) if slower else 0
    return PathWeek(plan, frozenset(done), view, today, where, items, slower, weeks, turn, announced, due_now)


def _finish_text(week: PathWeek) -> str | None:
    """Return the expected finish date in the learner's zone and the pace: "2027-08-01 · behind by 3 weeks"."""
    found = week.standing
    if found.finish is None:
        return None
    if found.pace is None or found.pace.state in ("not_started", "no_checklist"):
        return format_date(found.finish)
    return f"{format_date(found.finish)} · {pace_text(found.pace)}"


def _nudge_line(week: PathWeek, behind_button: bool, slower_button: bool) -> str:
    """Say how far behind the learner is, and what the buttons this card's path has do."""
    pace = week.standing.pace
    assert pace is not None  # only a dated plan is nudged
    line = _(
        "⏳ {behind}: {ticked}, {elapsed}.",
        behind=_n("**Behind by {n} week**", "**Behind by {n} weeks**", pace.weeks),
        ticked=_n(
            "{done} of {n} checklist item ticked", "{done} of {n} checklist items ticked", pace.items, done=pace.done
        ),
        elapsed=_n(
            "{elapsed} of the plan's {n} week over",
            "{elapsed} of the plan's {n} weeks over",
            pace.total_weeks,
            elapsed=pace.elapsed_weeks,
        ),
    )
    offers = []
    if behind_button:
        offers.append(_("**I'm behind** moves your plan back a week"))
    if slower_button and week.slower:
        offers.append(
            _(
                "**Slower pace** switches to {pace} ({weeks} weeks in all)",
                pace=pace_label(week.slower),
                weeks=week.slower_weeks,
            )
        )
    return line + (f" {'; '.join(offers)}." if offers else "")


def _room(fields: Sequence[Field], *texts: str) -> int:
    return sum(f.length for f in fields) + sum(len(t) for t in texts)


def _fit(lines: Sequence[str], space: int) -> str:
    """Join whole lines within `space` characters; when some do not fit, say where the rest is."""
    whole = "\n".join(lines).strip()
    if len(whole) <= space:
        return whole
    more = _("…the rest of this week is in {today}.", today=cmd("today"))
    shown: list[str] = []
    used = len(more)
    for line in lines:
        if used + len(line) + 1 > space:
            break
        shown.append(line)
        used += len(line) + 1
    if not "".join(shown).strip():
        return clip(lines[0], space) if lines and space > 0 else ""
    return "\n".join([*shown, more]).strip()


def _card(title: str, lines: Sequence[str], fields: Sequence[Field], room: int, footer: str | None = None) -> Card:
    """Lay a card out within `room` characters: the description gives way to the fields (whole lines only)."""
    footer = footer if footer is not None else reminder_footer()
    title = clip(title, 256)
    space = min(MAX_EMBED_DESCRIPTION, room - _room(fields, title, footer))
    description = _fit(lines, space) if space > 0 else ""
    return Card(title=title, description=description or None, fields=tuple(fields), footer=footer, color=COLOR)


def _finished_card(week: PathWeek, room: int) -> Card:
    """The last reminder of a path: a cheer only when every item is ticked, else time is up and what is left."""
    plan, view = week.plan, week.view
    role = plan.role
    over = _n(
        "the {n} week of {role} are over", "the {n} weeks of {role} are over", plan.total_weeks, role=role.display_name
    )
    if view.total and view.done == view.total:
        lines = [
            _(
                "🎉 You've reached the end of the {role} path with every checklist item ticked. Congratulations!",
                role=role.display_name,
            ),
            _(
                "This is your last weekly reminder for it. {progress} shows what you achieved.",
                progress=cmd("progress"),
            ),
        ]
    elif not view.total:
        lines = [
            _("Time is up: {over}.", over=over),
            _("This is your last weekly reminder for it. {phase} shows any phase again.", phase=cmd("phase")),
        ]
    else:
        lines = [
            _n(
                "⏳ Time is up: {over}, with {left} of {n} checklist item still open.",
                "⏳ Time is up: {over}, with {left} of {n} checklist items still open.",
                view.total,
                over=over,
                left=view.total - view.done,
            ),
            _(
                "This is your last weekly reminder for it. {checklist} has what is left; {progress} shows where you "
                "stand.",
                checklist=cmd("checklist"),
                progress=cmd("progress"),
            ),
        ]
    if view.missed:
        lines.insert(0, missed_line(view.missed))
    limit = min(MAX_FIELD_VALUE, room // 4)
    fields = []
    if view.total and view.done < view.total:
        left = next_open_items(role.checklist, week.done, limit=view.total)
        fields.append(Field(_("Still open"), items_text([item for _g, items in left for item in items], limit)))
    if view.total:
        fields.append(Field(_("Progress"), progress_bar(view.done, view.total)))
    fields.append(Field(_("Streak"), streak_text(week.standing.streak)))
    return _card(f"{week_status(plan)} · {role.display_name}", lines, fields, room)


def _self_paced_card(week: PathWeek, room: int) -> Card:
    """Lay out the reminder of a path without phases: the next open items instead of a phase and objective."""
    plan, view = week.plan, week.view
    role = plan.role
    lines = []
    if view.missed:
        lines.append(missed_line(view.missed))
    if view.status == "not_started":
        lines.append(starts_in_line(view.days_until_start))
    elif not view.total:
        lines.append(
            _(
                "{role} is self-paced and has no checklist: look up its topics with {deep_dive}.",
                role=role.display_name,
                deep_dive=cmd("skill-deep-dive", topic="…", role=role.name),
            )
        )
    elif not view.open_items:
        lines.append(
            _(
                "Every item on the checklist is ticked. {progress} shows what you did; {stop} ends these reminders "
                "when you're done with the path.",
                progress=cmd("progress"),
                stop=cmd("stop-learning", role=role.name),
            )
        )
    else:
        lines.append(
            _(
                "Self-paced: no phase this week, just the next items on your checklist. Tick what you've done in the "
                "menu or with {done}.",
                done=cmd("done"),
            )
        )
    limit = min(MAX_FIELD_VALUE, room // 3)
    fields = []
    if view.open_by_group:
        left = max(view.total - view.done, 0)
        fields.append(Field(_("Next open items"), open_items_text(view.open_by_group, limit, total=left)))
    if view.total:
        fields.append(Field(_("Progress"), progress_bar(view.done, view.total)))
    fields.append(Field(_("Streak"), streak_text(week.standing.streak)))
    return _card(f"{week_status(plan)} · {role.display_name}", lines, fields, room)


def reminder_card(
    week: PathWeek, room: int = MAX_EMBED_TOTAL, *, behind_button: bool = False, slower_button: bool = False
) -> Card:
    """Lay one path's reminder out as a card of at most `room` characters.

    `behind_button` and `slower_button` say the reminder's "I'm behind" and "Slower pace" buttons are for
    this card's path (the card says what they do).
    """
    if week.plan.self_paced:
        return _self_paced_card(week, room)
    if week.finished:
        return _finished_card(week, room)
    plan, view, today = week.plan, week.view, week.today
    lines = []
    if view.missed:
        lines.append(missed_line(view.missed))
    if week.turn is not None:
        lines.append(turn_line(week.turn))
    if view.status == "phase_change":
        lines.append(new_phase_line(week.turn))
    elif view.status == "not_started":
        lines.append(starts_in_line(view.days_until_start))
    elif week.shown.position.between_phases:
        lines.append(gap_text(week.shown))
    if week.standing.nudge:
        lines.append(_nudge_line(week, behind_button, slower_button))
    if lines:
        lines.append("")
    # A big field gets at most a sixth of the card (several paths share one message's 6,000 characters).
    limit = min(MAX_FIELD_VALUE, room // 6)
    fields: list[Field] = []
    if today is not None:
        lines.extend(today_lines(today, prose_limit=room // 8))
        fields = today_fields(today, limit, shown="\n".join(lines))
    if week.due_now and week.turn is not None:  # after the overdue ones, before the next week's own
        due = Field(_("Due by the end of week {week}", week=week.turn.week), items_text(week.due_now, limit))
        fields.insert(1 if today is not None and today.overdue_items else 0, due)
    if week.items and (today is None or not (today.open_items or today.overdue_items)):
        # The phase has no items of its own: those of the checklist group for this stretch of the path.
        shown = Field(clip(_("Open items · {group}", group=view.items_group), 256), items_text(week.items, limit))
        fields.insert(len(fields) - 1 if today is not None else 0, shown)
    if view.total:
        fields.append(Field(_("Progress"), progress_bar(view.done, view.total)))
    finish = _finish_text(week)
    if finish:
        fields.append(Field(_("Finish"), finish))
    fields.append(Field(_("Streak"), streak_text(week.standing.streak)))
    return _card(f"{week_status(week.shown)} · {plan.role.display_name}", lines, fields, room)


def _tick_menu(week: PathWeek) -> Select | None:
    """The menu that ticks the open items a card lists, overdue ones first (the first `MAX_TODAY_ITEMS`;
    `/checklist` has all)."""
    overdue = week.today.overdue_items if week.today is not None else ()
    role = week.plan.role
    return tick_menu(role.name, role.display_name, week.items, overdue, by_group=week.plan.self_paced)


def _may_move_back(week: PathWeek, slot: str) -> bool:
    """Whether "I'm behind" may move this path's plan back: far behind, from week 2 on, once a week."""
    plan = week.plan
    return (
        week.standing.nudge and not plan.self_paced and plan.position.week > 1 and plan.enrollment.behind_slot != slot
    )


async def compose_user(svc: Services, user_id: int, now: datetime, missed: int = 0) -> Composed:
    """Build a learner's weekly reminder over their active paths; None when there is nothing to say."""
    learner = await svc.store.get_learner(user_id)
    if learner is None:
        return Composed(None, True)
    active = await svc.store.list_enrollments(user_id)
    enrollments = [e for e in active if e.role in svc.content.index.roles]
    slot = await current_slot(svc, user_id, now)  # this week's reminder: what its "I'm behind" button may move
    tz = zone_or_utc(learner.timezone)  # a stored zone unusable here counts in UTC (the reply says so)
    weeks: list[PathWeek] = []
    for e in enrollments[:MAX_PATHS]:
        role = svc.content.index.roles[e.role]
        plan = plan_for(role, e, now, learner.timezone)
        progress = await svc.store.get_progress(user_id, role.name)
        checked_in = await svc.store.list_checkins(user_id, role.name)
        weeks.append(path_week(plan, progress, now, tz, missed, checked_in))
    if not weeks:
        # Active paths that are all missing from the content (a broken or removed role file): skip this
        # week, but keep the reminders going; they come back with the path after a reload.
        return Composed(None, True) if not active else Composed(None, False, reason=PATH_NOT_LOADED)
    # The nudge buttons are for one path: the first one far enough behind.
    nudged = next((w for w in weeks if not w.finished and w.standing.nudge), None)
    behind = nudged is not None and _may_move_back(nudged, slot)
    slower = nudged is not None and nudged.slower is not None
    roles = [w.plan.role for w in weeks]
    due = await review_extras(svc, user_id, now, roles, with_path=len(roles) > 1)  # finished items to review
    room = (MAX_EMBED_TOTAL - (due.room if due else 0)) // len(weeks)
    cards = [
        reminder_card(w, room, behind_button=behind and w is nudged, slower_button=slower and w is nudged)
        for w in weeks
    ]
    rows: list[Select | tuple[Button, ...]] = []
    for week in weeks:
        menu = None if week.finished else _tick_menu(week)
        if menu is not None:
            rows.append(menu)
    buttons = [Button(_("Snooze a day"), custom_id=components.SNOOZE.id())]
    if nudged is not None and behind:
        buttons.append(Button(_("I'm behind"), custom_id=components.BEHIND.id(nudged.plan.role.name, slot)))
    if nudged is not None and nudged.slower:
        label = clip(_("Slower pace: {pace}", pace=pace_label(nudged.slower)), 80)
        buttons.append(Button(label, custom_id=components.SLOWER_PACE.id(nudged.plan.role.name, nudged.slower)))
    buttons.append(Button(_("Pause a week"), custom_id=components.PAUSE_WEEK.id()))
    going = [w for w in weeks if not w.finished and w.plan.position.status != "not_started"]
    if going:  # one check-in button, for the first path still going (a row holds five buttons)
        role_name = going[0].plan.role.display_name
        label = _("I worked on this") if len(weeks) == 1 else clip(_("I worked on {role}", role=role_name), 80)
        buttons.append(check_in_button(going[0].plan.role.name, label))
    if any(not w.finished for w in weeks):
        rows.append(tuple(buttons))  # at most four buttons: a row has room for one more
    if due is not None:  # a card of their own, and a row of answer buttons each while rows are free
        due = due.within(5 - len(rows))
        cards.append(due.card())
        rows.extend(due.rows)
    completed = tuple(w.plan.role.name for w in weeks if w.finished)
    settings = await svc.store.get_reminder_settings(user_id)
    note = zone_note(settings.timezone if settings else None, learner.timezone)
    reply = Reply(content=note, cards=tuple(cards), rows=tuple(rows[:5]))
    # Over only when this message completes every active path: not while one is missing from the
    # content right now, nor while one is beyond the MAX_PATHS shown.
    return Composed(reply, finished=len(completed) == len(active), completed=completed)


# --------------------------------------------------------------------------- a study group's post


@dataclass(frozen=True)
class GroupStanding:
    """Where a study group is on its path, and how many of this stretch's items each member has done.

    On a self-paced path the stretch is the whole checklist, and the view's open items are the next ones
    not every member has ticked yet. `progress` holds each member's ticks on the group's path, in
    joining order; `complete` counts the members who have ticked the whole checklist. `roster` is what the
    store read of the members, at once (`Store.group_roster`).
    """

    view: ReminderView
    position: Position
    total_weeks: int
    phases: tuple[ScheduledPhase, ...]
    items: frozenset[str]
    done: dict[int, int]
    progress: dict[int, dict[str, ItemProgress]]
    complete: int
    roster: GroupRoster


async def group_standing(svc: Services, group: StudyGroup, role: Role, now: datetime, missed: int = 0) -> GroupStanding:
    """Work out a group's week (its path starts the day it was created) and its members' progress."""
    total = pace_weeks(role.timeline_months, None, role.total_weeks, phase_count=len(role.phases))
    phases = schedule(role.phases, total)
    zone = zone_or_utc(group.timezone)  # a zone unusable here counts in UTC (the board says so)
    start = local_today(group.created_at, zone)
    pos = position(phases, total, start, local_today(now, zone))
    roster = await svc.store.group_roster(group.id)
    progress = roster.progress
    ticked = {user_id: set(mine) for user_id, mine in progress.items()}
    everyone = set.intersection(*ticked.values()) if pos.self_paced and ticked else set()
    view = build_reminder_view(role.phases, phases, pos, role.checklist, everyone, missed)
    items = frozenset(i.id for i in role.checklist if pos.self_paced or i.group == view.items_group)
    done = {user_id: len(mine & items) for user_id, mine in ticked.items()}
    whole = {i.id for i in role.checklist}
    complete = sum(1 for mine in ticked.values() if whole and whole <= mine)
    return GroupStanding(view, pos, total, phases, items, done, progress, complete, roster)


def _group_today(role: Role, pos: Position, phases: Sequence[ScheduledPhase]) -> TodayView | None:
    """The slice of the phase for the group's week at `pos` (week 1's before the group starts)."""
    if pos.self_paced or pos.status == "finished" or not phases:
        return None
    scheduled = pos.phase if pos.status == "active" and pos.phase is not None else phases[0]
    week = pos.week if pos.status == "active" else scheduled.first_week
    phase = role.phase(scheduled.number)
    if phase is None or week not in scheduled:
        return None
    return build_today(phase, scheduled, week, role.checklist, ())


async def _ticks_since(
    svc: Services, group: StudyGroup, members: Iterable[GroupMember], since: datetime
) -> dict[int, list[Tick]]:
    """Return each member's ticks on the group's path after `since`, as (item ID, done_at); one query."""
    ticks: dict[int, list[Tick]] = {member.user_id: [] for member in members}
    for user_id, item_id, done_at in await svc.store.group_ticks_since(group.id, since):
        if done_at > since and user_id in ticks:  # the store's bound is inclusive; a post counts what came after it
            ticks[user_id].append((item_id, done_at))
    return ticks


LAST_POST, GROUP_STARTED = "the last post", "the group started"
"""How a group post names the moment it counts ticks from (`LastPost.name`; worded by `_since_heading`)."""


@dataclass(frozen=True)
class LastPost:
    """Since when a group post counts ticks, and how to name that moment (`LAST_POST`, `GROUP_STARTED`, or "")."""

    since: datetime
    week_start: datetime
    name: str


async def last_post(svc: Services, group: StudyGroup, now: datetime, missed: int = 0) -> LastPost:
    """Find the group's last post in the delivery log: the latest sent slot among the `missed + 1` before now's
    (at most `MAX_LOOK_BACK` + 1).

    None sent (the group is new, or was paused): the scheduled time of the earliest of those slots, never
    before the group was created. `week_start` is the scheduled time of the slot before now's: the board
    counts the past week's ticks from there.
    """
    tz = zone_or_utc(group.timezone)
    due = on_schedule(now, group.weekday, group.local_time, tz)  # this post's own slot
    week_start = None
    for _slot in range(min(missed, MAX_LOOK_BACK) + 1):
        due = on_schedule(due - timedelta(seconds=1), group.weekday, group.local_time, tz)
        week_start = week_start or due
        if due < group.created_at:
            break
        delivery = await svc.store.get_delivery("group", group.id, slot_key(due, tz))
        if delivery is not None and delivery.state == "sent":
            return LastPost(delivery.updated_at, max(week_start, group.created_at), LAST_POST)
    assert week_start is not None  # the loop runs at least once
    if due <= group.created_at:
        return LastPost(group.created_at, max(week_start, group.created_at), GROUP_STARTED)
    return LastPost(due, week_start, "")


async def member_names(svc: Services, user_ids: Iterable[int]) -> dict[int, str]:
    """Name members as shown to others: the name the console stored, in bold, else a mention (Discord shows
    the member's display name, and the bot's messages never ping)."""
    wanted = list(user_ids)
    stored = await svc.store.get_metas(NAME_KEY.format(user_id) for user_id in wanted)
    names = {}
    for user_id in wanted:
        name = stored.get(NAME_KEY.format(user_id))
        names[user_id] = f"**{escape_user_text(name, 60)}**" if name else f"<@{user_id}>"
    return names


def _local_date(instant: datetime, tz: str) -> str:
    return format_date(instant.astimezone(ZoneInfo(tz)).date())


async def _streaks(
    svc: Services, group: StudyGroup, role: Role, standing: GroupStanding, now: datetime
) -> dict[int, int]:
    """Each member's current streak on the group's path, in their own zone from their own start."""
    group_start = local_today(group.created_at, zone_or_utc(group.timezone))
    found = {}
    roster = standing.roster
    for user_id, progress in standing.progress.items():
        learner = roster.learners.get(user_id)
        enrollment = roster.enrollments.get(user_id)
        tz = zone_or_utc(learner.timezone if learner else None)
        start = enrollment.start_date if enrollment is not None else group_start
        checked_in = roster.checkins.get(user_id, [])
        streak = streak_status(
            (p.done_at for p in progress.values()), start, local_today(now, tz), tz, checked_in=checked_in
        )
        found[user_id] = streak.current
    return found


async def _activity(
    svc: Services, group: StudyGroup, role: Role, standing: GroupStanding, now: datetime, missed: int
) -> tuple[GroupActivity, LastPost, dict[int, str]]:
    """Who ticked what since the group's last post, this week's board, and the names to show."""
    last = await last_post(svc, group, now, missed)
    earliest = min(last.since, last.week_start)
    ticks = await _ticks_since(svc, group, standing.roster.members, earliest)
    visible = {user_id for user_id in standing.progress if member_visible(standing.roster, user_id)}
    activity = group_activity(
        list(standing.progress),
        ticks,
        visible,
        await _streaks(svc, group, role, standing, now),
        since=last.since,
        week_start=last.week_start,
        now=now,
    )
    shown = {m.user_id for m in activity.named} | {row.user_id for row in activity.board}
    return activity, last, await member_names(svc, sorted(shown))


def member_visible(roster: GroupRoster, user_id: int) -> bool:
    """Whether a member lets the group see their progress (`/group join` asks; `/progress` changes it)."""
    learner = roster.learners.get(user_id)
    return learner is not None and learner.progress_visible


def _items(count: int) -> str:
    return _n("{n} item", "{n} items", count)


def _streak(weeks: int) -> str:
    return _n("{n}-week streak", "{n}-week streak", weeks)


def _since_heading(last: LastPost, when: str) -> str:
    """Name the moment a group post counts ticks from: "Since the last post (2026-11-30)"."""
    if last.name == LAST_POST:
        return _("Since the last post ({date})", date=when)
    if last.name == GROUP_STARTED:
        return _("Since the group started ({date})", date=when)
    return _("Since {date}", date=when)


def _board_line(standing: GroupStanding, self_paced: bool) -> str | None:
    """Say how many members finished the stretch the board counts ("6 of 9 members ticked all of this week's
    items"), if any."""
    total = len(standing.items)
    if not standing.done or not total:
        return None
    finished = sum(1 for count in standing.done.values() if count >= total)
    members = len(standing.done)
    if self_paced:
        return _n(
            "{finished} of {n} member ticked the whole checklist",
            "{finished} of {n} members ticked the whole checklist",
            members,
            finished=finished,
        )
    return _n(
        "{finished} of {n} member ticked all of this week's items",
        "{finished} of {n} members ticked all of this week's items",
        members,
        finished=finished,
    )


def _activity_fields(
    role: Role,
    group: StudyGroup,
    standing: GroupStanding,
    activity: GroupActivity,
    last: LastPost,
    names: dict[int, str],
    self_paced: bool,
) -> list[Field]:
    """The fields of a group post about its members: who ticked what since the last post, and the board."""
    if not standing.progress:
        return [Field(_("Board"), _("No members yet: {join}", join=cmd("group join")))]
    if not role.checklist:  # nothing to tick, and no [My checklist] to open: no word of ticked items
        return []
    tz = zone_or_utc(group.timezone)
    heading = _since_heading(last, _local_date(last.since, tz))
    texts = {item.id: item.text for item in role.checklist}
    lines = [f"{names[m.user_id]}: {', '.join(texts.get(i, i) for i in m.items)}" for m in activity.named]
    if activity.hidden_members:
        lines.append(
            _n(
                "{n} member who keeps their progress hidden: {items}",
                "{n} members who keep their progress hidden: {items}",
                activity.hidden_members,
                items=_items(activity.hidden_items),
            )
        )
    if activity.items:
        summary = _n(
            "{n} member ticked {items}.", "{n} members ticked {items}.", activity.members, items=_items(activity.items)
        )
        since = fit_lines([summary, *lines], MAX_FIELD_VALUE)
    else:
        since = _("No items ticked. **My checklist** below opens yours.")
    board_lines = [
        f"{rank}. {names[row.user_id]} · {_items(row.items)}" + (f" · {_streak(row.streak)}" if row.streak else "")
        for rank, row in enumerate(activity.board, start=1)
    ]
    if not board_lines:
        board_lines = [_("Nobody who shows their progress ticked an item in the past week.")]
    summary_line = _board_line(standing, self_paced)
    if summary_line:
        board_lines.append(summary_line)
    return [
        Field(clip(heading, 256), since),
        Field(_("Board · the past week"), fit_lines(board_lines, MAX_FIELD_VALUE)),
    ]


def _group_rows(role: Role) -> tuple[tuple[Button, ...], ...]:
    """The post's buttons, each for whoever clicks: their own checklist, and a check-in on the group's path."""
    buttons = [Button(_("My checklist"), custom_id=components.CHECKLIST.id(role.name, 0))] if role.checklist else []
    buttons.append(check_in_button(role.name))
    return (tuple(buttons),)


async def compose_group(svc: Services, group: StudyGroup, now: datetime, missed: int = 0) -> Composed:
    """Build a study group's weekly post: its week and slice, who ticked what, the board and a checklist button."""
    role = svc.content.index.roles.get(group.role)
    if role is None:
        return Composed(None, False, reason=PATH_NOT_LOADED)  # the role may come back with a reload
    standing = await group_standing(svc, group, role, now, missed)
    activity, last, names = await _activity(svc, group, role, standing, now, missed)
    note = zone_note(group.timezone, whose="This group's")
    if standing.position.self_paced:
        fields = _activity_fields(role, group, standing, activity, last, names, self_paced=True)
        card = _self_paced_group_card(group, role, standing, fields)
        return Composed(Reply(content=note, cards=(card,), rows=_group_rows(role)), finished=False)
    view, total = standing.view, standing.total_weeks
    turn, shown = _group_turn(group, standing, now)
    lines = []
    if view.missed:
        lines.append(missed_line(view.missed, group=True))
    if turn is not None:
        lines.append(turn_line(turn))
    fields: list[Field] = []
    finished = view.status == "finished"
    if finished:
        members = len(standing.progress)
        if role.checklist and members and standing.complete == members:
            lines.append(
                _(
                    "🎉 The group has reached the end of the {role} path. Well done, everyone!",
                    role=role.display_name,
                )
            )
        elif role.checklist and members:
            ticked = _n(
                "{complete} of {n} member ticked every item",
                "{complete} of {n} members ticked every item",
                members,
                complete=standing.complete,
            )
            lines.append(
                _n(
                    "The group's {n} week of {role} are over: {ticked}. This is the group's last weekly post.",
                    "The group's {n} weeks of {role} are over: {ticked}. This is the group's last weekly post.",
                    total,
                    role=role.display_name,
                    ticked=ticked,
                )
            )
        else:
            lines.append(
                _n(
                    "The group's {n} week of {role} are over. This is the group's last weekly post.",
                    "The group's {n} weeks of {role} are over. This is the group's last weekly post.",
                    total,
                    role=role.display_name,
                )
            )
    else:
        if shown.is_phase_start and shown.week > 1:
            lines.append(new_phase_line(turn, bold=False))
        today = _group_today(role, shown, standing.phases)
        if today is not None:
            lines.extend(today_lines(today))
            extra = unseen(today.resources, "\n".join(lines))
            if extra:
                fields.append(Field(_("Resources"), resources_text(extra, MAX_FIELD_VALUE // 2)))
    fields += _activity_fields(role, group, standing, activity, last, names, self_paced=False)
    week = _("Finished") if finished else _("Week {week} of {total}", week=shown.week, total=total)
    title = f"{escape_user_text(group.name)} · {week} · {role.display_name}"
    card = _card(title, lines, fields, MAX_EMBED_TOTAL, group_footer())
    rows = () if finished else _group_rows(role)
    return Composed(Reply(content=note, cards=(card,), rows=rows), finished=finished)


def _group_turn(group: StudyGroup, standing: GroupStanding, now: datetime) -> tuple[WeekTurn | None, Position]:
    """The turn a group's post at `now` announces (`bot.domain.weeks.week_turn`), and the position it is about:
    the week after a turn, else the group's current one."""
    zone = zone_or_utc(group.timezone)
    start = local_today(group.created_at, zone)
    pos = standing.position
    turn = week_turn(pos, start, local_today(now, zone))
    if turn is None or turn.next_week is None:
        return turn, pos
    return turn, position(standing.phases, standing.total_weeks, start, turn.next_start)


def group_week(pos: Position) -> str:
    """Say where a study group on a self-paced path is: the week since it started, or when it starts."""
    if pos.status == "not_started":
        return _n("starts in {n} day", "starts in {n} days", pos.days_until_start)
    return _("week {week} since the group started", week=pos.week)


def _self_paced_group_card(group: StudyGroup, role: Role, standing: GroupStanding, fields: list[Field]) -> Card:
    """Lay out a self-paced group's weekly post: the next items not everyone has ticked, and its members."""
    view = standing.view
    lines = []
    if view.missed:
        lines.append(missed_line(view.missed, group=True))
    if not view.total:
        lines.append(
            _(
                "Self-paced, with no checklist: look up its topics with {deep_dive}.",
                deep_dive=cmd("skill-deep-dive", topic="…", role=role.name),
            )
        )
    elif view.open_items:
        lines.append(_("Self-paced: no phase this week. Next on the checklist, items not everyone has ticked yet:"))
    else:
        lines.append(_("Every member has ticked every item on the checklist. Well done, everyone!"))
    head: list[Field] = []
    if view.open_by_group:  # the first few, and how many more not every member has ticked
        left = max(view.total - view.done, 0)
        head.append(Field(_("Next open items"), open_items_text(view.open_by_group, total=left)))
    title = f"{escape_user_text(group.name)} · {group_week(standing.position)} · {role.display_name}"
    return _card(title, lines, [*head, *fields], MAX_EMBED_TOTAL, group_footer())
