"""The /today handler: this week's slice of the learner's current phase, its links, open items and a next step."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from bot import components
from bot.content.markdown import escape
from bot.domain.reminders import OpenItem, next_open_items
from bot.domain.shapes import TopicLike
from bot.domain.today import NextStep, Resource, SliceUnit, TodayView, build_today
from bot.handlers.learning import enrolled_plan
from bot.present import COLOR, open_items_text, self_paced_hint
from bot.render import Button, Card, Field, Reply, clip, fit_lines
from bot.render.limits import MAX_EMBED_DESCRIPTION, MAX_EMBED_TITLE, MAX_EMBED_TOTAL, MAX_FIELD_VALUE
from bot.services import Caller, Plan, Services
from bot.wording import plural

MAX_OPEN_ITEMS = 5


def _topic_lines(topics: Sequence[TopicLike], depth: int = 0) -> list[str]:
    lines: list[str] = []
    for topic in topics:
        lines.append(f"{'  ' * depth}- {topic.text}")
        lines.extend(_topic_lines(topic.children, depth + 1))
    return lines


def _unit_lines(unit: SliceUnit) -> list[str]:
    """Return a unit as markdown: its part label in bold, marked when split over weeks, then its topics."""
    lines: list[str] = []
    if unit.label:
        marks = [m for m, on in (("continued", unit.continued), ("continues next week", unit.continues)) if on]
        head = f"**{escape(unit.label)}**" + (f" ({', '.join(marks)})" if marks else "")
        lines.append(f"{head} {unit.text}".rstrip() if unit.text else head)
    elif unit.text:  # a phase's own prose, when it has no topics or parts
        lines.append(unit.text)
    lines.extend(_topic_lines(unit.topics))
    return lines


def _resources_text(resources: Sequence[Resource]) -> str:
    return fit_lines([f"[{r.text}]({r.url})" for r in resources], MAX_FIELD_VALUE)


def _items_text(items: Sequence[OpenItem]) -> str:
    lines = [f"⬜ {item.text}" for item in items[:MAX_OPEN_ITEMS]]
    if len(items) > MAX_OPEN_ITEMS:
        lines.append(f"…and {len(items) - MAX_OPEN_ITEMS} more in `/checklist`")
    return clip("\n".join(lines), MAX_FIELD_VALUE)


def _step_text(step: NextStep | None) -> str:
    if step is None:
        return "Nothing new this week: go over the phase again with `/phase`."
    if step.is_item:
        return clip(f"Work on **{step.text}**, then tick it with `/done`.", MAX_FIELD_VALUE)
    return clip(f"Start with **{escape(step.text)}**.", MAX_FIELD_VALUE)


def today_card(plan: Plan, view: TodayView) -> Card:
    """Lay out a week's view on one card; the slice gives way first so the card always fits."""
    piece = view.slice
    title = clip(f"Today · {plan.role.display_name} · week {view.week} of {plan.total_weeks}", MAX_EMBED_TITLE)
    heading = f"**Phase {view.phase_number}: {escape(view.phase_title)}** ({view.phase_span})"
    if view.objective:
        heading += f"\n**Objective:** {view.objective}"
    where = f"Part {piece.week} of {piece.weeks} of this phase"
    if piece.practice:
        where += " · a practice week: go over these again"
    lines = [heading, where, ""]
    for unit in piece.units:
        lines.extend(_unit_lines(unit))
    if not piece.units:
        lines.append("This phase has no topics written out: `/phase` shows it in full.")
    fields: list[Field] = []
    shown = "\n".join(lines)
    extra = [r for r in view.resources if f"]({r.url})" not in shown]  # a link beside its topic is not repeated
    if extra:
        fields.append(Field("Resources", _resources_text(extra)))
    if view.open_items:
        fields.append(Field("Open items in this phase", _items_text(view.open_items)))
    fields.append(Field("Next step", _step_text(view.next_step)))
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
    rows: tuple[tuple[Button, ...], ...] = ()
    if plan.self_paced:
        card = _self_paced_card(plan, done)
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
        card = today_card(plan, view)
        buttons = [Button("Whole phase", custom_id=components.PHASE.id(plan.role.name, phase.number, 0))]
        if plan.role.checklist:
            buttons.append(Button("Checklist", custom_id=components.CHECKLIST.id(plan.role.name, 0)))
        rows = (tuple(buttons),)
    return Reply(cards=(card,), rows=rows, ephemeral=True)
