"""The /today handler: this week's slice of the learner's current phase, its links, open items and a next step."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from bot import components
from bot.domain.reminders import next_open_items
from bot.domain.today import TodayView, build_today
from bot.handlers.learning import enrolled_plan
from bot.present import COLOR, check_in_button, open_items_text, self_paced_hint, today_fields, today_lines
from bot.reminders.review import review_extras
from bot.render import Button, Card, Field, Reply, clip, fit_lines
from bot.render.limits import MAX_EMBED_DESCRIPTION, MAX_EMBED_TITLE, MAX_EMBED_TOTAL
from bot.services import Caller, Plan, Services
from bot.wording import plural


def today_card(plan: Plan, view: TodayView, extra: Sequence[Field] = ()) -> Card:
    """Lay out a week's view on one card, `extra` fields (due reviews) last; the slice gives way first so the card
    always fits."""
    title = clip(f"Today · {plan.role.display_name} · week {view.week} of {plan.total_weeks}", MAX_EMBED_TITLE)
    lines = today_lines(view)
    fields = [*today_fields(view, shown="\n".join(lines)), *extra]
    footer = "/phase for the whole phase · /checklist to tick items · /progress to see your pace"
    room = MAX_EMBED_TOTAL - len(title) - len(footer) - sum(f.length for f in fields)
    return Card(
        title=title,
        description=fit_lines(lines, min(MAX_EMBED_DESCRIPTION, room)),
        fields=tuple(fields),
        footer=footer,
        color=COLOR,
    )


def _note(plan: Plan, text: str, fields: Sequence[Field] = ()) -> Card:
    title = clip(f"Today · {plan.role.display_name}", MAX_EMBED_TITLE)
    return Card(title=title, description=text, fields=tuple(fields), color=COLOR)


def _self_paced_card(plan: Plan, done: Collection[str]) -> Card:
    """No weekly slice on a path without phases: its next open checklist items instead."""
    role = plan.role
    text = f"{role.display_name} is self-paced: there is no weekly plan. {self_paced_hint(role)}"
    upcoming = next_open_items(role.checklist, done)
    fields = [Field("Next on your checklist", open_items_text(upcoming))] if upcoming else []
    if role.checklist and not upcoming:
        text += " Every item is ticked: `/progress` shows what you did."
    return _note(plan, text, fields)


def _finished_card(plan: Plan, done: Collection[str]) -> Card:
    """After the last week: what is left, never a cheer for a checklist with nothing ticked."""
    role = plan.role
    items = {item.id for item in role.checklist}
    left = len(items - set(done))
    weeks = f"The {plural(plan.total_weeks, 'week')} of {role.display_name} are over."
    if not items:
        return _note(plan, f"{weeks} `/phase` shows any phase again.")
    if left == 0:
        return _note(plan, f"{weeks} Every checklist item is ticked: well done! 🎉")
    return _note(plan, f"{weeks} {plural(left, 'checklist item')} still open: `/checklist` has them.")


@components.WEEK.handles
async def today(svc: Services, caller: Caller, role: str | None = None) -> Reply:
    """Show this week's part of the caller's current phase: its topics, links, open items and a next step."""
    plan = await enrolled_plan(svc, caller, role)
    done = await svc.store.get_progress(caller.user_id, plan.role.name)
    pos = plan.position
    due = await review_extras(svc, caller.user_id, caller.now, [plan.role], with_path=False)  # finished items to review
    reviews = (due.field(),) if due else ()
    rows: tuple[tuple[Button, ...], ...] = ()
    check_in = check_in_button(plan.role.name)
    if plan.self_paced:
        card = _self_paced_card(plan, done)
        rows = ((check_in,),)
    elif pos.status == "not_started":
        first = plan.phases[0].number if plan.phases else 1
        when = f"in {plural(pos.days_until_start, 'day')}, on {plan.enrollment.start_date.isoformat()}"
        card = _note(plan, f"Your path starts {when}. Until then, `/phase number:{first}` shows what comes first.")
    elif pos.status == "finished" or pos.phase is None:
        card = _finished_card(plan, done)
    else:
        phase = plan.role.phase(pos.phase.number)
        if phase is None:  # a schedule comes from the role's own phases, so this is a content bug
            raise LookupError(f"{plan.role.name} has no phase {pos.phase.number}")
        view = build_today(phase, pos.phase, pos.week, plan.role.checklist, done)
        card = today_card(plan, view, reviews)
        buttons = [Button("Whole phase", custom_id=components.PHASE.id(plan.role.name, phase.number, 0))]
        if plan.role.checklist:
            buttons.append(Button("Checklist", custom_id=components.CHECKLIST.id(plan.role.name, 0)))
        rows = ((*buttons, check_in),)
    if reviews and reviews[0] not in card.fields:  # the notes before the start, after the end, on a self-paced path
        card = replace(card, fields=(*card.fields, *reviews))
    return Reply(cards=(card,), rows=(*rows, *(due.rows if due else ())), ephemeral=True)
