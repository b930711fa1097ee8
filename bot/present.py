"""How handlers and reminders both say things: the colour of cards, where a learner is, open items, zone notes,
this week's slice of a phase (`/today` and the top of each reminder), pace and streak, and due reviews.

The one presentation module shared by the use cases (`bot.handlers`) and the reminders (`bot.reminders`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from bot import components
from bot.content.markdown import escape
from bot.content.models import ChecklistItem, Role
from bot.domain.pace import PaceStatus, pace_change
from bot.domain.reminders import OpenItem
from bot.domain.review import ANSWERS, LAST_BOX, Answer
from bot.domain.shapes import TopicLike
from bot.domain.streaks import Streak
from bot.domain.today import NextStep, Resource, SliceUnit, TodayView
from bot.domain.zones import usable_zone
from bot.render import Button, Card, Field, Reply, clip, escape_user_text, fit_lines
from bot.render.limits import MAX_FIELD_VALUE
from bot.services import Plan
from bot.wording import plural

COLOR = 0x5865F2
MAX_TODAY_ITEMS = 5
"""Open checklist items listed under this week's slice; the rest are counted."""


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


def pace_label(pace: str | None) -> str:
    """Name a pace as people write it: "complete beginner"; no pace is the path "as written"."""
    return pace.replace("_", " ") if pace else "as written"


def plan_change_text(before: Plan, after: Plan) -> str:
    """Say what a change of pace or start date did to a plan: "Pace: as written → complete beginner ·
    36 → 46 weeks · finish 2027-08-05 → 2027-10-14"; "" when neither changed or the path is self-paced."""
    old, new = before.enrollment, after.enrollment
    if after.self_paced or (old.pace == new.pace and old.start_date == new.start_date):
        return ""
    parts = []
    if old.pace != new.pace:
        parts.append(f"Pace: {pace_label(old.pace)} → {pace_label(new.pace)}")
    if old.start_date != new.start_date:
        parts.append(f"start {old.start_date.isoformat()} → {new.start_date.isoformat()}")
    change = pace_change(
        old.start_date,
        before.total_weeks,
        after.total_weeks,
        old.week_shift,
        new_shift_weeks=new.week_shift,
        new_start=new.start_date,
    )
    same = change.old_weeks == change.new_weeks
    weeks = plural(change.new_weeks, "week") if same else f"{change.old_weeks} → {change.new_weeks} weeks"
    finish = (
        change.new_finish.isoformat()
        if change.old_finish == change.new_finish
        else f"{change.old_finish.isoformat()} → {change.new_finish.isoformat()}"
    )
    return f"**{' · '.join(parts)}** · {weeks} · finish {finish}"


def confirm(question: str, label: str, custom_id: str) -> Reply:
    """Ask before something that cannot be undone: the question, a red button that does it, and Cancel."""
    buttons = (Button(label, custom_id=custom_id, style="danger"), Button("Cancel", custom_id=components.CANCEL.id()))
    return Reply(content=question, rows=(buttons,), ephemeral=True)


def check_in_button(role: str, label: str = "I worked on this") -> Button:
    """The check-in button of a path: the clicker's week counts for their streak without a tick."""
    return Button(label, custom_id=components.CHECK_IN.id(role), style="success")


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


# --------------------------------------------------------------------------- this week's slice (/today, reminders)


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


def today_lines(view: TodayView, prose_limit: int | None = None) -> list[str]:
    """Return this week's slice as lines: the phase and its objective, which part of it, then its units.

    `prose_limit` shortens the phase title and objective to that many characters each, to leave room
    for the topics where several paths share one message.
    """
    piece = view.slice
    title, objective = view.phase_title, view.objective
    if prose_limit is not None:
        title, objective = clip(title, prose_limit), objective and clip(objective, prose_limit)
    heading = f"**Phase {view.phase_number}: {escape(title)}** ({view.phase_span})"
    if objective:
        heading += f"\n**Objective:** {objective}"
    where = f"Part {piece.week} of {piece.weeks} of this phase"
    if piece.practice:
        where += " · a practice week: go over these again"
    lines = [heading, where, ""]
    for unit in piece.units:
        lines.extend(_unit_lines(unit))
    if not piece.units:
        lines.append("This phase has no topics written out: `/phase` shows it in full.")
    return lines


def resources_text(resources: Sequence[Resource], limit: int = MAX_FIELD_VALUE) -> str:
    """Return links as markdown lines, whole links only, within `limit` characters."""
    return fit_lines([f"[{r.text}]({r.url})" for r in resources], limit)


def items_text(items: Sequence[OpenItem], limit: int = MAX_FIELD_VALUE) -> str:
    """Return the first `MAX_TODAY_ITEMS` open items and how many more `/checklist` has."""
    lines = [f"⬜ {item.text}" for item in items[:MAX_TODAY_ITEMS]]
    if len(items) > MAX_TODAY_ITEMS:
        lines.append(f"…and {len(items) - MAX_TODAY_ITEMS} more in `/checklist`")
    return clip("\n".join(lines), limit)


def step_text(step: NextStep | None, limit: int = MAX_FIELD_VALUE) -> str:
    """Say the one suggested next step: an item to finish and tick, a unit to start with, or going over the phase."""
    if step is None:
        return "Nothing new this week: go over the phase again with `/phase`."
    if step.is_item:
        return clip(f"Work on **{step.text}**, then tick it with `/done`.", limit)
    return clip(f"Start with **{escape(step.text)}**.", limit)


def unseen(resources: Sequence[Resource], shown: str) -> list[Resource]:
    """Return the resources whose link is not in `shown` already (a link beside its topic is not repeated)."""
    return [r for r in resources if f"]({r.url})" not in shown]


def today_fields(view: TodayView, limit: int = MAX_FIELD_VALUE, shown: str = "") -> list[Field]:
    """Return the fields under this week's slice: its links, the phase's open items and the next step.

    `shown` is the text above the fields: a link already there, beside its topic, is not listed again.
    """
    fields: list[Field] = []
    extra = unseen(view.resources, shown)
    if extra:
        fields.append(Field("Resources", resources_text(extra, limit)))
    if view.open_items:
        fields.append(Field("Open items in this phase", items_text(view.open_items, limit)))
    fields.append(Field("Next step", step_text(view.next_step, limit)))
    return fields


# --------------------------------------------------------------------------- pace and streak (/progress, reminders)


def pace_text(pace: PaceStatus) -> str:
    """Say how the checklist compares with the plan: "on track", "behind by 3 weeks", "time is up: 4 items left"."""
    match pace.state:
        case "not_started":
            return "not started yet"
        case "complete":
            return "every item ticked"
        case "time_up":
            return f"time is up: {plural(pace.items_left, 'item')} left"
        case "behind":
            return f"behind by {plural(pace.weeks, 'week')}"
        case "ahead":
            return f"ahead by {plural(pace.weeks, 'week')}"
        case "on_track":
            return "on track"
        case "no_checklist":
            return "no checklist to measure it by"


def streak_text(streak: Streak) -> str:
    """Say the current and longest streak of weeks worked (a ticked item or an "I worked on this" each)."""
    longest = f"longest {plural(streak.longest, 'week')}"
    if streak.current:
        risk = " · tick an item or check in this week to keep it" if streak.at_risk else ""
        return f"{plural(streak.current, 'week')} in a row · {longest}{risk}"
    return f"No streak now · {longest}" if streak.longest else "No streak yet"


# --------------------------------------------------------------------------- spaced review (/today, /review, reminders)

REVIEW_LABELS: dict[Answer, str] = {"got": "Still got it", "again": "Review again"}
REVIEW_TITLE = "🔁 Time to review · still got it?"


@dataclass(frozen=True)
class ReviewPrompt:
    """A due review to show: the path, its checklist item, the item's box (1-4) and since when it is due."""

    role: Role
    item: ChecklistItem
    box: int
    due_at: datetime


def review_place(role: Role, item: ChecklistItem) -> str:
    """Name the section a checklist item comes from and how to open it: its phase and `/phase number:N`, or
    (an item written outside the phases) its checklist group and `/checklist`."""
    phase = role.phase(item.phase) if item.phase is not None else None
    if phase is not None:
        return f"{escape(phase.heading)} · `/phase number:{phase.number} role:{role.name}`"
    return f"{escape(item.group)} · `/checklist role:{role.name}`"


def review_text(prompts: Sequence[ReviewPrompt], *, with_path: bool = True, limit: int = MAX_FIELD_VALUE) -> str:
    """List due reviews, numbered as their buttons are, each with the section it comes from."""
    lines = []
    for n, prompt in enumerate(prompts, start=1):
        path = f" ({prompt.role.display_name})" if with_path else ""
        lines.append(
            f"**{n}. {prompt.item.text}**{path}\n"
            f"From {review_place(prompt.role, prompt.item)} · review {prompt.box} of {LAST_BOX}"
        )
    return fit_lines(lines, limit)


def review_item_key(role: str, item_id: str) -> str:
    """Return how a review button names its item: the item's ID, or a digest where the ID would make the custom ID
    too long (a long role name and a long explicit `{#id}`); `review_item` reads both."""
    longest = components.REVIEW.id(role, "x", max(ANSWERS, key=len))
    if len(longest) - 1 + len(item_id) <= components.MAX_CUSTOM_ID:
        return item_id
    return "h-" + hashlib.blake2s(item_id.encode(), digest_size=6).hexdigest()


def review_item(role: Role, key: str) -> ChecklistItem | None:
    """Return the checklist item a review button names (by ID, or by the digest `review_item_key` made)."""
    found = role.checklist_item(key)
    if found is None and key.startswith("h-"):
        found = next((i for i in role.checklist if review_item_key(role.name, i.id) == key), None)
    return found


def review_rows(prompts: Sequence[ReviewPrompt]) -> tuple[tuple[Button, ...], ...]:
    """One row of buttons per due review, numbered as `review_text` lists them: [N · Still got it] [N · Review
    again]."""
    rows = []
    for n, prompt in enumerate(prompts, start=1):
        key = review_item_key(prompt.role.name, prompt.item.id)
        rows.append(
            tuple(
                Button(
                    f"{n} · {REVIEW_LABELS[answer]}",
                    custom_id=components.REVIEW.id(prompt.role.name, key, answer),
                    style="success" if answer == "got" else "secondary",
                )
                for answer in ANSWERS
            )
        )
    return tuple(rows)


REVIEW_REST = "Answer the other {rest} with `/review`."
REVIEW_ALL = "Answer them with `/review`."


@dataclass(frozen=True)
class ReviewBlock:
    """Due reviews laid out for a reply: their list, and a row of answer buttons for each of the first
    `answerable` (a reply without room for every row says to answer the rest in `/review`)."""

    prompts: tuple[ReviewPrompt, ...]
    text: str
    answerable: int

    @property
    def rows(self) -> tuple[tuple[Button, ...], ...]:
        return review_rows(self.prompts[: self.answerable])

    @property
    def note(self) -> str:
        rest = len(self.prompts) - self.answerable
        if not rest:
            return ""
        return REVIEW_REST.format(rest=rest) if self.answerable else REVIEW_ALL

    @property
    def room(self) -> int:
        """The most characters `card()` takes, whatever rows are free (what a reminder keeps for it)."""
        return len(REVIEW_TITLE) + len(self.text) + len(REVIEW_REST.format(rest=len(self.prompts)))

    def within(self, free_rows: int) -> ReviewBlock:
        """The same reviews with buttons in at most `free_rows` rows."""
        return replace(self, answerable=min(len(self.prompts), max(0, free_rows)))

    def field(self) -> Field:
        """The list as a field, under a card's own content (`/today`)."""
        return Field(REVIEW_TITLE, f"{self.text}\n{self.note}" if self.note else self.text)

    def card(self) -> Card:
        """The list as a card of its own (the weekly reminder, beside one card per path)."""
        return Card(title=REVIEW_TITLE, description=self.text, footer=self.note or None, color=COLOR)


def review_block(prompts: Sequence[ReviewPrompt], *, with_path: bool = True, free_rows: int = 5) -> ReviewBlock:
    """Lay due reviews out with buttons in at most `free_rows` rows (one per review)."""
    room = MAX_FIELD_VALUE - len(REVIEW_REST.format(rest=len(prompts))) - 1
    block = ReviewBlock(tuple(prompts), review_text(prompts, with_path=with_path, limit=room), len(prompts))
    return block.within(free_rows)
