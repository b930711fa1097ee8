"""What a weekly reminder says: to a learner (one card per active path) or to a study group.

A self-paced path (no phases) has no phase or objective to tell: its reminder lists the next open
items of its checklist, under their groups.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot import components
from bot.content.models import Role
from bot.domain.reminders import ReminderView, build_reminder_view, group_board
from bot.domain.weeks import Position, local_today, pace_weeks, position, schedule
from bot.domain.zones import zone_or_utc
from bot.present import COLOR, open_items_text, week_status, zone_note
from bot.reminders.planning import current_slot
from bot.render import Button, Card, Field, Reply, Select, SelectOption, clip, escape_user_text, progress_bar
from bot.render.limits import MAX_FIELD_VALUE, MAX_OPTION_LABEL
from bot.services import Plan, Services, plan_for
from bot.store.models import StudyGroup
from bot.wording import plural

MAX_PATHS = 4  # one select per path, plus a row of buttons
FOOTER = "Weekly reminder · /remind set to change the day and time · /remind off to stop"
GROUP_FOOTER = "Study group · /group board for everyone's progress · /group join to take part"


@dataclass(frozen=True)
class Composed:
    """A reminder to send, and whether the target's path is over (no more reminders after it).

    `completed` names the paths this reminder congratulates on finishing: the scheduler marks them
    completed once it is delivered (composing has no side effects, so a preview or a failed send
    never swallows the completion message).

    `reason` says why there is no reply (recorded as the failed delivery's error), such as
    `PATH_NOT_LOADED`: the target's path is missing from the content right now (a broken role file),
    which is never the end of its reminders, since a reload brings the path back.
    """

    reply: Reply | None
    finished: bool
    completed: tuple[str, ...] = ()
    reason: str | None = None


PATH_NOT_LOADED = "path not loaded"


def _view(plan: Plan, done_ids: set[str], missed: int) -> ReminderView:
    return build_reminder_view(plan.role.phases, plan.phases, plan.position, plan.role.checklist, done_ids, missed)


def missed_line(missed: int, what: str = "weekly reminder", whose: str = "here is where you are now") -> str:
    """Say that this message comes late because the bot was offline (never that the reader was away)."""
    return f"*This comes late: I was offline and missed {plural(missed, what)}. Nothing is lost: {whose}.*"


def _self_paced_card(role: Role, plan: Plan, view: ReminderView) -> Card:
    """Lay out the reminder of a path without phases: the next open items instead of a phase and objective."""
    lines = []
    if view.missed:
        lines.append(missed_line(view.missed))
    if view.status == "not_started":
        lines.append(f"Your path starts in {plural(view.days_until_start, 'day')}. A look at what comes first:")
    elif not view.total:
        lines.append(
            f"{role.display_name} is self-paced and has no checklist: look up its topics with "
            f"`/skill-deep-dive topic:… role:{role.name}`."
        )
    elif not view.open_items:
        lines.append(
            "Every item on the checklist is ticked. `/progress` shows what you did; "
            f"`/stop-learning role:{role.name}` ends these reminders when you're done with the path."
        )
    else:
        lines.append(
            "Self-paced: no phase this week, just the next items on your checklist. "
            "Tick what you've done in the menu or with `/done`."
        )
    fields = []
    if view.open_by_group:
        fields.append(Field("Next open items", open_items_text(view.open_by_group)))
    if view.total:
        fields.append(Field("Progress", progress_bar(view.done, view.total)))
    return Card(
        title=clip(f"{week_status(plan)} · {role.display_name}", 256),
        description=clip("\n\n".join(lines), 4096),
        fields=tuple(fields),
        footer=FOOTER,
        color=COLOR,
    )


def reminder_card(role: Role, plan: Plan, view: ReminderView) -> Card:
    """Lay one path's reminder out as a card."""
    if view.self_paced:
        return _self_paced_card(role, plan, view)
    lines = []
    if view.missed:
        lines.append(missed_line(view.missed))
    if view.status == "finished":
        lines.append(f"🎉 You've reached the end of the {role.display_name} path. Congratulations!")
        lines.append("This is your last weekly reminder for it. `/progress` shows what you achieved.")
    elif view.status == "phase_change":
        lines.append(f"🚩 **New phase this week:** Phase {view.phase_number}: {view.phase_title} ({view.phase_span})")
    elif view.status == "not_started":
        lines.append(f"Your path starts in {plural(view.days_until_start, 'day')}. A look at what comes first:")
    if view.objective and view.status != "finished":
        lines.append(f"**Objective:** {view.objective}")
    if view.focus and view.status != "finished":
        lines.append("**Focus this week:**\n" + "\n".join(f"• {t}" for t in view.focus))
    fields = []
    if view.open_items and view.status != "finished":
        items = "\n".join(f"⬜ {i.text}" for i in view.open_items)
        fields.append(Field(clip(f"Open items · {view.items_group}", 256), clip(items, MAX_FIELD_VALUE)))
    fields.append(Field("Progress", progress_bar(view.done, view.total)))
    phase_line = f"Phase {view.phase_number}: {view.phase_title} ({view.phase_span})" if view.phase_number else ""
    return Card(
        title=clip(f"{week_status(plan)} · {role.display_name}", 256),
        description=clip("\n\n".join([phase_line, *lines]).strip(), 4096) or None,
        fields=tuple(fields),
        footer=FOOTER,
        color=COLOR,
    )


async def compose_user(svc: Services, user_id: int, now: datetime, missed: int = 0) -> Composed:
    """Build a learner's weekly reminder over their active paths; None when there is nothing to say."""
    learner = await svc.store.get_learner(user_id)
    if learner is None:
        return Composed(None, True)
    active = await svc.store.list_enrollments(user_id)
    enrollments = [e for e in active if e.role in svc.content.index.roles]
    cards, rows, live, completed = [], [], 0, []
    first_live = None
    slot = await current_slot(svc, user_id, now)  # this week's reminder: what its "I'm behind" button may move
    for e in enrollments[:MAX_PATHS]:
        role = svc.content.index.roles[e.role]
        plan = plan_for(role, e, now, learner.timezone)
        done_ids = set(await svc.store.get_progress(user_id, role.name))
        view = _view(plan, done_ids, missed)
        cards.append(reminder_card(role, plan, view))
        if view.status != "finished":
            live += 1
            # "I'm behind" moves a weekly plan back (a self-paced path has none): once a week, never before week 1.
            if not plan.self_paced and plan.position.week > 1 and e.behind_slot != slot:
                first_live = first_live or e.role
            if view.open_items:
                options = tuple(SelectOption(clip(i.text, MAX_OPTION_LABEL), i.id) for i in view.open_items)
                rows.append(
                    Select(
                        components.REMINDER_TICK.id(role.name),
                        options,
                        placeholder=clip(f"{role.display_name}: tick what you've done", 150),
                        min_values=1,
                        max_values=len(options),
                    )
                )
        else:
            completed.append(role.name)
    if not cards:
        # Active paths that are all missing from the content (a broken or removed role file): skip this
        # week, but keep the reminders going; they come back with the path after a reload.
        return Composed(None, True) if not active else Composed(None, False, reason=PATH_NOT_LOADED)
    buttons = (
        Button("Snooze a day", custom_id=components.SNOOZE.id()),
        Button("I'm behind", custom_id=components.BEHIND.id(first_live, slot)) if first_live else None,
        Button("Pause a week", custom_id=components.PAUSE_WEEK.id()),
    )
    if live:
        rows.append(tuple(b for b in buttons if b is not None))
    settings = await svc.store.get_reminder_settings(user_id)
    note = zone_note(settings.timezone if settings else None, learner.timezone)
    reply = Reply(content=note, cards=tuple(cards[:MAX_PATHS]), rows=tuple(rows[:5]))
    # Over only when this message completes every active path: not while one is missing from the
    # content right now, nor while one is beyond the MAX_PATHS shown.
    return Composed(reply, finished=len(completed) == len(active), completed=tuple(completed))


@dataclass(frozen=True)
class GroupStanding:
    """Where a study group is on its path, and how many of this stretch's items each member has done.

    On a self-paced path the stretch is the whole checklist, and the view's open items are the next ones
    not every member has ticked yet.
    """

    view: ReminderView
    position: Position
    total_weeks: int
    items: frozenset[str]
    done: dict[int, int]


async def group_standing(svc: Services, group: StudyGroup, role: Role, now: datetime, missed: int = 0) -> GroupStanding:
    """Work out a group's week (its path starts the day it was created) and its members' progress."""
    total = pace_weeks(role.timeline_months, None, role.total_weeks, phase_count=len(role.phases))
    phases = schedule(role.phases, total)
    zone = zone_or_utc(group.timezone)  # a zone unusable here counts in UTC (the board says so)
    start = local_today(group.created_at, zone)
    pos = position(phases, total, start, local_today(now, zone))
    ticked: dict[int, set[str]] = {}
    for member in await svc.store.group_members(group.id):
        ticked[member.user_id] = set(await svc.store.get_progress(member.user_id, role.name))
    everyone = set.intersection(*ticked.values()) if pos.self_paced and ticked else set()
    view = build_reminder_view(role.phases, phases, pos, role.checklist, everyone, missed)
    items = frozenset(i.id for i in role.checklist if pos.self_paced or i.group == view.items_group)
    done = {user_id: len(mine & items) for user_id, mine in ticked.items()}
    return GroupStanding(view, pos, total, items, done)


async def compose_group(svc: Services, group: StudyGroup, now: datetime, missed: int = 0) -> Composed:
    """Build a study group's weekly post: its week and phase, and the board in brief."""
    role = svc.content.index.roles.get(group.role)
    if role is None:
        return Composed(None, False, reason=PATH_NOT_LOADED)  # the role may come back with a reload
    standing = await group_standing(svc, group, role, now, missed)
    if standing.position.self_paced:
        note = zone_note(group.timezone, whose="This group's")
        return Composed(Reply(content=note, cards=(_self_paced_group_card(group, role, standing),)), finished=False)
    view, pos, total = standing.view, standing.position, standing.total_weeks
    board = group_board(standing.done, len(standing.items))
    lines = []
    if view.status == "finished":
        lines.append(f"🎉 The group has reached the end of the {role.display_name} path. Well done, everyone!")
    else:
        if view.phase_number:
            lines.append(f"**Phase {view.phase_number}: {view.phase_title}** ({view.phase_span})")
        if view.status == "phase_change":
            lines.append("🚩 A new phase starts this week.")
        if view.objective:
            lines.append(f"**Objective:** {view.objective}")
        if view.focus:
            lines.append("**Focus this week:**\n" + "\n".join(f"• {t}" for t in view.focus))
    if view.missed:
        lines.insert(0, missed_line(view.missed, "weekly post", "here is where the group is now"))
    fields = [Field("Board", board or "No members yet: `/group join`")]
    week = "Finished" if view.status == "finished" else f"Week {pos.week} of {total}"
    card = Card(
        title=clip(f"{escape_user_text(group.name)} · {week} · {role.display_name}", 256),
        description=clip("\n\n".join(lines), 4096) or None,
        fields=tuple(fields),
        footer=GROUP_FOOTER,
        color=COLOR,
    )
    note = zone_note(group.timezone, whose="This group's")
    return Composed(Reply(content=note, cards=(card,)), finished=view.status == "finished")


def group_week(pos: Position) -> str:
    """Say where a study group on a self-paced path is: the week since it started, or when it starts."""
    if pos.status == "not_started":
        return f"starts in {plural(pos.days_until_start, 'day')}"
    return f"week {pos.week} since the group started"


def _self_paced_group_card(group: StudyGroup, role: Role, standing: GroupStanding) -> Card:
    """Lay out a self-paced group's weekly post: the next items not everyone has ticked, and the board."""
    view = standing.view
    lines = []
    if view.missed:
        lines.append(missed_line(view.missed, "weekly post", "here is where the group is now"))
    if not view.total:
        lines.append(
            f"Self-paced, with no checklist: look up its topics with `/skill-deep-dive topic:… role:{role.name}`."
        )
    elif view.open_items:
        lines.append("Self-paced: no phase this week. Next on the checklist, items not everyone has ticked yet:")
    else:
        lines.append("Every member has ticked every item on the checklist. Well done, everyone!")
    fields = []
    if view.open_by_group:
        fields.append(Field("Next open items", open_items_text(view.open_by_group)))
    board = group_board(standing.done, len(standing.items), "the whole checklist")
    fields.append(Field("Board", board or "No members yet: `/group join`"))
    return Card(
        title=clip(f"{escape_user_text(group.name)} · {group_week(standing.position)} · {role.display_name}", 256),
        description=clip("\n\n".join(lines), 4096),
        fields=tuple(fields),
        footer=GROUP_FOOTER,
        color=COLOR,
    )
