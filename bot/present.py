"""How handlers and reminders both say things: the colour of cards, where a learner is, open items, zone notes.

The one presentation module shared by the use cases (`bot.handlers`) and the reminders (`bot.reminders`).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.content.models import Role
from bot.domain.reminders import OpenItem
from bot.domain.zones import usable_zone
from bot.render import clip, escape_user_text
from bot.render.limits import MAX_FIELD_VALUE
from bot.services import Plan
from bot.wording import plural

COLOR = 0x5865F2


def week_status(plan: Plan, *, titled: bool = False) -> str:
    """Return one line saying where the learner is, e.g. 'Week 5 of 46 · Phase 2 (weeks 6-15)'.

    `titled` names the phase too: 'Week 5 of 46 · Phase 2: Python (weeks 6-15)'.
    """
    pos = plan.position
    if pos.status == "not_started":
        days = pos.days_until_start
        return f"Starts in {plural(days, 'day')}, on {plan.enrollment.start_date.isoformat()}"
    if plan.self_paced:
        return f"Self-paced · week {pos.week} since you started"
    if pos.status == "finished":  # time is up: whether the work is done is the checklist's to say, not a cheer here
        return "The only week is over" if plan.total_weeks == 1 else f"All {plan.total_weeks} weeks are over"
    phase = pos.phase
    if phase is None:
        return f"Week {pos.week} of {plan.total_weeks}"
    written = plan.role.phase(phase.number) if titled else None
    title = f": {written.title}" if written is not None else ""
    return f"Week {pos.week} of {plan.total_weeks} · Phase {phase.number}{title} ({phase.span})"


def self_paced_hint(role: Role) -> str:
    """Say how to follow a path without phases: its checklist, or its topics when it has none."""
    if role.checklist:
        return f"Work through its checklist at your own pace: `/checklist role:{role.name}`."
    return f"It has no checklist either: look up its topics with `/skill-deep-dive topic:… role:{role.name}`."


def open_items_text(by_group: Sequence[tuple[str, Sequence[OpenItem]]], limit: int = MAX_FIELD_VALUE) -> str:
    """Return open checklist items under their group names, short enough for one field."""
    lines = []
    for group, items in by_group:
        lines.append(f"**{group}**")
        lines.extend(f"⬜ {item.text}" for item in items)
    return clip("\n".join(lines), limit)


def zone_note(*stored: str | None, whose: str = "Your") -> str:
    """Say that a stored zone can't be used and UTC stands in, for the first such name given; "" when all are fine.

    None means "not set" (a reminder that follows the learner's own zone) and is never a problem.
    """
    for name in stored:
        if name is not None and usable_zone(name) is None:
            shown = escape_user_text(name, 40)
            fix = "Set yours with `/remind set timezone:` (e.g. Europe/Berlin)." if whose == "Your" else ""
            return (
                f"⚠️ {whose} time zone '{shown}' isn't one this server can use, so times and weeks follow UTC. {fix}"
            ).strip()
    return ""
