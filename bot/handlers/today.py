"""The /today handler: this week's slice of the learner's current phase, its links, open items and a next step."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from bot import components
from bot.domain.reminders import next_open_items
from bot.domain.today import TodayView, build_today
from bot.handlers.learning import enrolled_plan
from bot.i18n import _, _n, cmd, command_text, format_date
from bot.present import (
    COLOR,
    check_in_button,
    gap_text,
    open_items_text,
    self_paced_hint,
    tick_menu,
    today_fields,
    today_lines,
)
from bot.reminders.review import review_extras
from bot.render import Button, Card, Field, Reply, Row, clip, fit_lines
from bot.render.limits import MAX_EMBED_DESCRIPTION, MAX_EMBED_TITLE, MAX_EMBED_TOTAL
from bot.services import Caller, Plan, Services


def today_card(plan: Plan, view: TodayView, extra: Sequence[Field] = ()) -> Card:
    """Lay out a week's view on one card, `extra` fields (due reviews) last; the slice gives way first so the card
    always fits."""
    title = _(
        "Today · {path} · week {week} of {total}", path=plan.role.display_name, week=view.week, total=plan.total_weeks
    )
    title = clip(title, MAX_EMBED_TITLE)
    lines = today_lines(view)
    fields = [*today_fields(view, shown="\n".join(lines)), *extra]
    footer = _(
        "{phase} for the whole phase · {checklist} to tick items · {progress} to see your pace",
        phase=command_text("phase"),
        checklist=command_text("checklist"),
        progress=command_text("progress"),
    )
    room = MAX_EMBED_TOTAL - len(title) - len(footer) - sum(f.length for f in fields)
    return Card(
        title=title,
        description=fit_lines(lines, min(MAX_EMBED_DESCRIPTION, room)),
        fields=tuple(fields),
        footer=footer,
        color=COLOR,
    )


def _note(plan: Plan, text: str, fields: Sequence[Field] = ()) -> Card:
    title = clip(_("Today · {path}", path=plan.role.display_name), MAX_EMBED_TITLE)
    return Card(title=title, description=text, fields=tuple(fields), color=COLOR)


def _self_paced_card(plan: Plan, done: Collection[str]) -> Card:
    """No weekly slice on a path without phases: its next open checklist items instead."""
    role = plan.role
    upcoming = next_open_items(role.checklist, done)
    left = len({item.id for item in role.checklist}.difference(done))
    fields = [Field(_("Next on your checklist"), open_items_text(upcoming, total=left))] if upcoming else []
    if role.checklist and not upcoming:
        text = _(
            "{path} is self-paced: there is no weekly plan. {hint} "
            "Every item is ticked: {progress} shows what you did.",
            path=role.display_name,
            hint=self_paced_hint(role),
            progress=cmd("progress"),
        )
    else:
        text = _(
            "{path} is self-paced: there is no weekly plan. {hint}", path=role.display_name, hint=self_paced_hint(role)
        )
    return _note(plan, text, fields)


def _gap_card(plan: Plan, done: Collection[str], fields: Sequence[Field] = ()) -> Card:
    """A week no phase covers: say so, name the phase that comes next and when, and list what is still open of the
    phases before it to catch up on; `fields` (due reviews) come last."""
    coming = plan.position.next_phase
    earlier = [i for i in plan.role.checklist if i.phase is not None and coming is not None and i.phase < coming.number]
    upcoming = next_open_items(earlier, done)
    left = len({item.id for item in earlier}.difference(done))
    catch_up = [Field(_("Still open from earlier phases"), open_items_text(upcoming, total=left))] if upcoming else []
    title = _(
        "Today · {path} · week {week} of {total}",
        path=plan.role.display_name,
        week=plan.position.week,
        total=plan.total_weeks,
    )
    return Card(
        title=clip(title, MAX_EMBED_TITLE), description=gap_text(plan), fields=(*catch_up, *fields), color=COLOR
    )


def _finished_card(plan: Plan, done: Collection[str]) -> Card:
    """After the last week: what is left, never a cheer for a checklist with nothing ticked."""
    role = plan.role
    items = {item.id for item in role.checklist}
    left = len(items - set(done))
    weeks = _n(
        "The {n} week of {path} are over.",
        "The {n} weeks of {path} are over.",
        plan.total_weeks,
        path=role.display_name,
    )
    if not items:
        return _note(plan, _("{weeks} {phase} shows any phase again.", weeks=weeks, phase=cmd("phase")))
    if left == 0:
        return _note(plan, _("{weeks} Every checklist item is ticked: well done! 🎉", weeks=weeks))
    open_left = _n(
        "{weeks} {n} checklist item still open: {checklist} has them.",
        "{weeks} {n} checklist items still open: {checklist} has them.",
        left,
        weeks=weeks,
        checklist=cmd("checklist"),
    )
    return _note(plan, open_left)


@components.WEEK.handles
async def today(svc: Services, caller: Caller, role: str | None = None) -> Reply:
    """Show this week's part of the caller's current phase: its topics, links, open items and a next step."""
    plan = await enrolled_plan(svc, caller, role)
    done = await svc.store.get_progress(caller.user_id, plan.role.name)
    pos = plan.position
    due = await review_extras(svc, caller.user_id, caller.now, [plan.role], with_path=False)  # finished items to review
    reviews = (due.field(),) if due else ()
    rows: tuple[Row, ...] = ()
    check_in = check_in_button(plan.role.name)
    if plan.self_paced:
        card = _self_paced_card(plan, done)
        rows = ((check_in,),)
        # the items it lists a pick away, under their groups' names, as in the weekly reminder
        listed = [item for _group, items in next_open_items(plan.role.checklist, done) for item in items]
        menu = tick_menu(plan.role.name, plan.role.display_name, listed, by_group=True)
        if menu is not None:
            rows = (menu, *rows)
    elif pos.status == "not_started":
        first = plan.phases[0].number if plan.phases else 1
        text = _n(
            "Your path starts in {n} day, on {date}. Until then, {phase} shows what comes first.",
            "Your path starts in {n} days, on {date}. Until then, {phase} shows what comes first.",
            pos.days_until_start,
            date=format_date(plan.enrollment.start_date),
            phase=cmd("phase", number=first),
        )
        card = _note(plan, text)
    elif pos.between_phases and pos.next_phase is not None:
        card = _gap_card(plan, done, reviews)
        ahead = Button(_("Next phase"), custom_id=components.PHASE.id(plan.role.name, pos.next_phase.number, 0))
        rows = ((ahead, check_in),)
    elif pos.status == "finished" or pos.phase is None:
        card = _finished_card(plan, done)
    else:
        phase = plan.role.phase(pos.phase.number)
        if phase is None:  # a schedule comes from the role's own phases, so this is a content bug
            raise LookupError(f"{plan.role.name} has no phase {pos.phase.number}")
        view = build_today(phase, pos.phase, pos.week, plan.role.checklist, done)
        card = today_card(plan, view, reviews)
        buttons = [Button(_("Whole phase"), custom_id=components.PHASE.id(plan.role.name, phase.number, 0))]
        if plan.role.checklist:
            buttons.append(Button(_("Checklist"), custom_id=components.CHECKLIST.id(plan.role.name, 0)))
        rows = ((*buttons, check_in),)
        menu = tick_menu(plan.role.name, plan.role.display_name, view.open_items, view.overdue_items)
        if menu is not None:  # the open items (overdue ones first) are a pick away, as in the reminder
            rows = (menu, *rows)
    if reviews and reviews[0] not in card.fields:  # the notes before the start, after the end, on a self-paced path
        card = replace(card, fields=(*card.fields, *reviews))
    return Reply(cards=(card,), rows=(*rows, *(due.rows if due else ())), ephemeral=True)
