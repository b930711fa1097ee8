"""Handlers for the learning path: enroll, look around the path, deep-dive into a topic, leave."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace
from datetime import time

from bot import components
from bot.content.answers import SHOWN, Answer, Asker, answer, stands_alone
from bot.content.holder import section_key
from bot.content.markdown import escape
from bot.content.models import ChecklistItem, Phase, Piece, Role, Section
from bot.content.parse import months_text
from bot.content.questions import Question
from bot.content.search import Hit
from bot.domain.reminders import next_open_items
from bot.domain.shapes import PieceLike
from bot.domain.today import SliceUnit, TodayView, build_today, heads_parts, named_days, phase_slices
from bot.domain.weeks import PhaseLike, ScheduledPhase
from bot.handlers.inputs import parse_start_date, read_pace
from bot.i18n import _, _n, _p, cmd, command_text, format_date
from bot.present import (
    COLOR,
    MAX_TODAY_ITEMS,
    body_lines,
    confirm,
    gap_text,
    indent,
    item_entries,
    items_text,
    label_text,
    not_shown,
    open_items_text,
    pace_label,
    plan_change_text,
    self_paced_hint,
    span_text,
    title_only,
    today_lines,
    units_without_objective,
    week_status,
    without_objective,
    zone_note,
)
from bot.reminders.planning import replan_user
from bot.render import (
    Button,
    Card,
    Field,
    Reply,
    Row,
    Select,
    SelectOption,
    clip,
    escape_user_text,
    fit_lines,
    paginate,
)
from bot.render.limits import (
    MAX_EMBED_DESCRIPTION,
    MAX_EMBED_TITLE,
    MAX_EMBED_TOTAL,
    MAX_FIELD_NAME,
    MAX_FIELD_VALUE,
    MAX_OPTION_DESCRIPTION,
    MAX_OPTION_LABEL,
)
from bot.services import Caller, Plan, Response, Services, UserError, no_live_path, plan_for
from bot.store.models import FOLLOWED

DEEP_DIVE_PAGE = 1800
MAX_FOCUS_UNITS = 6  # topics (and parts without any) of this week named in /start-learning's focus
MAX_FOCUS_LINE = 300  # a topic written longer is named in the focus by its title
UNSURE_SCORE = 80.0
NEEDS_ROLE_NAMES = 6  # paths named when a week question needs one


def phase_body(phase: Phase, items: Sequence[ChecklistItem] = (), done: Collection[str] | None = ()) -> str:
    """Return a phase as markdown: its objective, then everything written under its heading in the file's order
    (prose, parts, bullets, numbered items, table rows, code blocks).

    `items` are the checklist items written in the phase: each shows where it is written (✅ when its ID is in
    `done`, a plain bullet when `done` is None), so a phase written as task lists shows them and their links."""
    objective = phase.objective
    pieces = without_objective(phase.body, objective)
    at_line = _items_by_line(items)

    def task(piece: Piece) -> str | None:  # indented by `body_lines`, as written
        item = _take_item(at_line, piece.line)
        if item is None:
            return None
        return f"{_item_box(item, done)} {piece.rest}" if piece.rest else _item_box(item, done)

    lines = body_lines(pieces, task)
    if at_line:  # items the phase's text does not place: after the rest
        left = [item for on_line in at_line.values() for item in on_line]
        lines += ([""] if lines else []) + [_item_line(item, done) for item in left]
    head = [_("**Objective:** {objective}", objective=objective)] if objective else []
    return "\n\n".join(x for x in ("\n".join(head), "\n".join(lines).strip("\n")) if x)


def _items_by_line(items: Sequence[ChecklistItem]) -> dict[int, list[ChecklistItem]]:
    """Return checklist items by the line they are written on, in order: a table row can hold several ('**SQL**<br>☐
    SQLBolt<br>☐ SELECT')."""
    at_line: dict[int, list[ChecklistItem]] = {}
    for item in items:
        at_line.setdefault(item.line, []).append(item)
    return at_line


def _take_item(at_line: dict[int, list[ChecklistItem]], line: int) -> ChecklistItem | None:
    """Remove and return the next item written on `line` (see `_items_by_line`); None when none is left."""
    on_line = at_line.get(line)
    if not on_line:
        return None
    item = on_line.pop(0)
    if not on_line:
        del at_line[line]
    return item


def _item_line(item: ChecklistItem, done: Collection[str] | None) -> str:
    """Show a checklist item where it is written: its box (✅ when ticked), nested under the items it is under; a
    plain bullet when `done` is None (a reader who does not follow the path has no ticks to show)."""
    return f"{indent(item)}{_item_box(item, done)}"


def _item_box(item: ChecklistItem, done: Collection[str] | None) -> str:
    """Show a checklist item with its box (✅ when ticked, a plain bullet when `done` is None), without its indent."""
    box = "-" if done is None else "✅" if item.id in done else "⬜"
    return f"{box} {item.md or escape(item.text)}"


# A task item as a section's text writes it: '- ☐ Closures', '  1. ☑ Deploy' (the author's box, not the reader's).
_WRITTEN_TASK = re.compile(r"^(?P<indent>\s*)(?P<marker>[-*+]|\d+[.)]) [☐☑] (?P<md>.*)$", re.MULTILINE)


def _reader_ticks(role: Role, text: str, done: Collection[str] | None) -> str:
    """Return a section's text with each task item showing the reader's tick (neutral bullets when `done` is None),
    never the author's `[x]`."""
    by_md: dict[str, ChecklistItem] = {}
    for item in role.checklist:
        by_md.setdefault(item.md or escape(item.text), item)

    def shown(match: re.Match[str]) -> str:
        item = by_md.get(match["md"])
        if done is None or item is None:
            return f"{match['indent']}{match['marker']} {match['md']}"
        return f"{match['indent']}{'✅' if item.id in done else '⬜'} {match['md']}"

    return _WRITTEN_TASK.sub(shown, text)


def focus_text(plan: Plan, phase: Phase, done: Collection[str] = (), limit: int = MAX_FIELD_VALUE) -> str:
    """Return what to work on this week, as `/today` has it: the phase's objective and this week's parts and topics,
    or, when the phase writes none out, its open checklist items; short enough for one field."""
    lines = [phase.objective] if phase.objective else []
    at, week = plan.position.phase, plan.position.week
    view = build_today(phase, at, week, plan.role.checklist, done) if at is not None and week in at else None
    # the objective, which the first line says, not again as a unit's prose
    units = units_without_objective(view.slice.units, phase.objective) if view is not None else []
    if view is not None and units:
        open_md = frozenset(item.md or item.text for item in view.open_items)
        lines += focus_lines(units, open_md)
    elif view is not None and view.open_items:
        lines += [line for line, _item in item_entries(view.open_items[:MAX_TODAY_ITEMS])]
    if not lines and not phase.body:
        lines = [title_only()]
    elif not lines:
        lines = [_("This phase has no topics written out: {phase} shows it in full.", phase=cmd("phase"))]
    return fit_lines(lines, limit)


def focus_lines(units: Sequence[SliceUnit], open_md: Collection[str], limit: int = MAX_FOCUS_UNITS) -> list[str]:
    """Name this week's work, at most `limit` lines: the topics written in it, not the labels of the parts that hold
    them ('Readings' and 'Lab' say nothing of what to read or do). Each unit names its first topic, then each its
    next in turn while there is room, in the file's order; a part without bullets is named by its open task items
    (their markdown is in `open_md`), else by its label, but for a sub-heading that only heads the parts after it
    ('### Week 1: Git' over '**Readings**'), whose topics name it."""
    named: list[list[str]] = []
    every = [_unit_names(unit, open_md) for unit in units]
    work = any(every)
    for at, unit in enumerate(units):
        names = every[at]
        if not names and work and _fact_line(unit):
            continue  # '**Status:** Not started' under a card whose tasks name the work: no work of its own
        if names or not heads_parts(units, at):
            # a part's label and a topic's title are clean text; a week's prose is markdown already
            heading = escape(unit.heading) if unit.label or unit.topics else unit.heading
            named.append(names or [f"• {heading}"])
    taken = [0] * len(named)
    left = limit
    for rank in range(max((len(names) for names in named), default=0)):
        for i, names in enumerate(named):
            if left and rank < len(names):
                taken[i] += 1
                left -= 1
        if not left:
            break
    return [line for names, n in zip(named, taken, strict=True) for line in names[:n]]


def _fact_line(unit: SliceUnit) -> bool:
    """Return True for a part that is a bold label with its words on its line and nothing under it ('**Status:** Not
    started', '**Due:** May 6', as task trackers write them under each card): a fact about the work, not work."""
    return (
        bool(unit.label)
        and bool(unit.pieces)
        and unit.pieces[0].kind == "label"
        and not unit.pieces[0].heading
        and bool(unit.pieces[0].rest)
        and all(piece.kind in ("label", "text") for piece in unit.pieces)
    )


def _unit_names(unit: SliceUnit, open_md: Collection[str]) -> list[str]:
    """Return the lines that name a unit's work: its top-level topics as written (their links and details kept, as
    `/today` shows them; by their title where that is too long for a line), else a part's outermost task items that
    are still open."""
    if unit.topics:
        return [
            f"• {t.text}" if len(t.text) <= MAX_FOCUS_LINE or not t.title else f"• {escape(t.title)}"
            for t in unit.topics
        ]
    tasks = [piece for piece in unit.pieces if piece.kind == "task"]
    top = min((piece.depth for piece in tasks), default=0)
    return [f"• {clip(piece.md, MAX_FOCUS_LINE)}" for piece in tasks if piece.depth == top and piece.md in open_md]


def _plan_lines(plan: Plan) -> str:
    lines = []
    before = 0  # the last week of the phase before
    week = plan.position.week if plan.position.status == "active" else 0
    for sp in plan.phases:
        if (
            sp.first_week > before + 1
        ):  # weeks no phase covers: shown where they fall, marked when the learner is in them
            marker = "▶" if before < week < sp.first_week else "·"
            lines.append(f"{marker} " + _("*No phase* · {span}", span=span_text((before + 1, sp.first_week - 1))))
        before = sp.last_week
        phase = plan.role.phase(sp.number)
        marker = "▶" if plan.position.phase and plan.position.phase.number == sp.number else "·"
        title = escape(phase.title) if phase else ""  # clean text, shown in bold: its '*' shows as written
        lines.append(
            f"{marker} " + _("**Phase {number}: {title}** · {span}", number=sp.number, title=title, span=span_text(sp))
        )
    return "\n".join(lines)


def _all_ticked(count: int) -> str:
    return _n("The only item is ticked.", "All {n} items are ticked.", count)


def path_buttons(
    role: str, reminders_on: bool | None = None, *, weekly: bool = True, checklist: bool = True
) -> tuple[Button, ...]:
    """Return the next-step buttons shown under a path (no "This week" on a path without a weekly plan)."""
    buttons = []
    if weekly:
        buttons.append(Button(_("This week"), custom_id=components.WEEK.id(role), style="primary"))
    if checklist:
        buttons.append(Button(_("Checklist"), custom_id=components.CHECKLIST.id(role, 0)))
    if reminders_on is not None:
        # Labelled by what a click does, not by the state: "Turn reminders off" while they are on.
        label = _("Turn reminders off") if reminders_on else _("Turn reminders on")
        buttons.append(Button(label, custom_id=components.REMINDERS.id(role)))
    return tuple(buttons)


def plan_buttons(plan: Plan, reminders_on: bool | None = None) -> tuple[Button, ...]:
    """Return the buttons shown under a learner's path card, fitting the path."""
    return path_buttons(plan.role.name, reminders_on, weekly=not plan.self_paced, checklist=bool(plan.role.checklist))


async def start_learning(
    svc: Services, caller: Caller, role: str, pace: str | None = None, start: str | None = None
) -> Reply:
    """Enroll the caller in a path (or resume it) and show the path at a glance."""
    found = svc.role(role)
    if pace is not None and pace.strip():
        pace = pace.strip()
        if found.self_paced:
            raise UserError(
                _(
                    "{path} is self-paced: it has no weekly plan, so there is no pace to pick. "
                    "Start it without one: {start}.",
                    path=found.display_name,
                    start=cmd("start-learning", role=found.name),
                )
            )
        pace = read_pace(pace, found.timeline_months, found.display_name)
    else:
        pace = None
    learner = await svc.store.ensure_learner(caller.user_id, caller.now)
    existing = await svc.store.get_enrollment(caller.user_id, found.name)
    start_date = parse_start_date(start, caller.now, learner.timezone) if (start or not existing) else None
    if existing is not None and pace is None:
        pace = existing.pace
    before = plan_for(found, existing, caller.now, learner.timezone) if existing is not None else None
    enrollment, created = await svc.store.enroll(caller.user_id, found.name, pace, start_date, caller.now)
    plan = plan_for(found, enrollment, caller.now, learner.timezone)
    settings = await svc.store.get_reminder_settings(caller.user_id)
    if settings is None:  # reminders are on after enrolling: Monday 09:00 in the learner's zone
        settings = await svc.store.set_reminder_settings(
            caller.user_id, enabled=True, weekday=0, local_time=time(9, 0), now=caller.now
        )
    await replan_user(svc, caller.user_id, caller.now)
    svc.plans_changed()
    changed = plan_change_text(before, plan) if before is not None else ""
    if created:
        headline = _("Welcome aboard!")
    elif start_date is not None and existing is not None and start_date != existing.start_date:
        headline = _("Your path now starts on {date}; your ticked items are kept.", date=format_date(start_date))
    elif changed:
        headline = _("New pace; your ticked items are kept.")
    else:
        headline = _("Welcome back, your progress is where you left it.")
    done = await svc.store.get_progress(caller.user_id, found.name)
    card = path_card(plan, headline, done)
    # Weeks count in UTC when the learner's stored zone can't be used.
    content = "\n".join(x for x in (changed, zone_note(learner.timezone)) if x)
    return Reply(content=content, cards=(card,), rows=(plan_buttons(plan, settings.enabled),), ephemeral=True)


def _self_paced_fields(plan: Plan, done: Collection[str]) -> list[Field]:
    """Where a learner is on a path without phases: no weekly plan, and the next open items of its checklist."""
    found = plan.role
    fields = [
        Field(_("Where you are"), week_status(plan)),
        Field(
            _("No weekly plan"),
            _(
                "{path} is self-paced: it has no phases and no weekly plan. {hint}",
                path=found.display_name,
                hint=self_paced_hint(found),
            ),
        ),
    ]
    if found.checklist:
        upcoming = next_open_items(found.checklist, done)
        left = len({item.id for item in found.checklist}.difference(done))
        weekly = _("Your weekly reminder lists the next open items.")
        text = (
            open_items_text(upcoming, MAX_FIELD_VALUE - len(weekly) - 1, total=left) + "\n" + weekly
            if upcoming
            else _(
                "{ticked} {progress} shows what you did.",
                ticked=_all_ticked(len(found.checklist)),
                progress=cmd("progress"),
            )
        )
        fields.append(Field(_("Next on your checklist"), clip(text, MAX_FIELD_VALUE)))
    return fields


def path_card(plan: Plan, headline: str, done: Collection[str] = ()) -> Card:
    """The path at a glance: where the learner is, every phase at their pace, and this week's focus.

    A self-paced path has no phases to show: its next open checklist items instead (`done` holds the
    ticked item IDs, which this week's focus leaves out too).
    """
    found, enrollment = plan.role, plan.enrollment
    if plan.self_paced:
        fields = _self_paced_fields(plan, done)
    else:
        if enrollment.pace:
            name = _n(
                "The path · {n} week at {pace} pace",
                "The path · {n} weeks at {pace} pace",
                plan.total_weeks,
                pace=pace_label(enrollment.pace),
            )
        else:
            name = _n("The path · {n} week as written", "The path · {n} weeks as written", plan.total_weeks)
        fields = [
            Field(_("Where you are"), week_status(plan)),
            Field(clip(name, MAX_FIELD_NAME), clip(_plan_lines(plan), MAX_FIELD_VALUE)),
        ]
    current = plan.position.phase
    if current is not None:
        phase = found.phase(current.number)
        if phase is not None:
            focus = _("This week's focus · Phase {number}: {title}", number=phase.number, title=phase.title)
            name = clip(focus, MAX_FIELD_NAME)
            fields.append(Field(name, focus_text(plan, phase, done)))
    elif plan.position.between_phases:
        fields.append(Field(_("This week · no phase"), gap_text(plan)))
    title = clip(f"{found.display_name} · {headline}", MAX_EMBED_TITLE)
    start_on = format_date(enrollment.start_date)
    commands = {"progress": command_text("progress"), "help": command_text("help")}
    if plan.position.status == "not_started":
        footer = _("Starts {date} · {progress} to follow along · {help} for more", date=start_on, **commands)
    else:
        footer = _("Started {date} · {progress} to follow along · {help} for more", date=start_on, **commands)
    # A long description gives way to the path itself: the whole card must stay within 6,000 characters.
    room = MAX_EMBED_TOTAL - len(title) - len(footer) - sum(f.length for f in fields)
    return Card(
        title=title,
        description=clip(found.description, min(MAX_EMBED_DESCRIPTION, room)),
        fields=tuple(fields),
        footer=footer,
        color=COLOR,
    )


async def enrolled_plan(svc: Services, caller: Caller, role: str | None) -> Plan:
    """Return the caller's plan for a role, or the path they followed last when no role is given (one whose weeks
    are over too)."""
    learner = await svc.store.ensure_learner(caller.user_id, caller.now)
    if role:
        found = svc.role(role)
        enrollment = await svc.store.get_enrollment(caller.user_id, found.name)
        if enrollment is None or enrollment.status not in FOLLOWED:
            raise UserError(
                _(
                    "You aren't following {path}. Start with {start}.",
                    path=found.display_name,
                    start=cmd("start-learning", role=found.name),
                )
            )
        return plan_for(found, enrollment, caller.now, learner.timezone)
    active = await svc.store.list_enrollments(caller.user_id, FOLLOWED)
    live = [e for e in active if e.role in svc.content.index.roles]
    if not live:
        raise no_live_path(active)
    latest = max(live, key=lambda e: e.updated_at)
    return plan_for(svc.content.index.roles[latest.role], latest, caller.now, learner.timezone)


async def phase_view(
    svc: Services, caller: Caller, number: int | None = None, role: str | None = None, page: int = 0
) -> Reply:
    """Show one phase in full, at the caller's pace when enrolled; by default their current phase."""
    plan: Plan | None = None
    try:
        plan = await enrolled_plan(svc, caller, role)
    except UserError:
        if role is None:
            raise
    found = plan.role if plan else svc.role(role)
    if found.self_paced:
        if role is None:
            raise UserError(
                _(
                    "{path} is self-paced: it has no phases. {hint} To see another path's phases, name it: {phase}.",
                    path=found.display_name,
                    hint=self_paced_hint(found),
                    phase=cmd("phase", role="…"),
                )
            )
        raise UserError(
            _("{path} is self-paced: it has no phases. {hint}", path=found.display_name, hint=self_paced_hint(found))
        )
    if number is None:  # the current phase; between phases, the one that comes next
        current = (plan.position.phase or plan.position.next_phase) if plan else None
        number = current.number if current else found.phases[0].number
    phase = found.phase(number)
    if phase is None:
        numbers = ", ".join(str(p.number) for p in found.phases)
        raise UserError(
            _(
                "{path} has no phase {number}. Its phases are {numbers}.",
                path=found.display_name,
                number=number,
                numbers=numbers,
            )
        )
    scheduled = plan.phase_of(number) if plan else None
    span = span_text(scheduled or phase)
    title = _("Phase {number}: {title} ({span})", number=phase.number, title=phase.title, span=span)
    if scheduled:
        footer = _("{path} · at your pace", path=found.display_name)
    else:
        footer = _("{path} · as written", path=found.display_name)
    items = [item for item in found.checklist if item.phase == phase.number]
    done = await svc.store.get_progress(caller.user_id, found.name) if plan and items else {}
    cards = paginate(
        clip(title, 256),
        phase_body(phase, items, done),
        footer=footer,
        color=COLOR,
        body_limit=DEEP_DIVE_PAGE,
    )
    return _paged(_labels_go_on(cards), page, lambda p: components.PHASE.id(found.name, number, p))


# A part's label alone on its line, as `label_text` shows it ('**Problems:**'), and a line of a list
_LABEL_LINE = re.compile(r"\*\*(.+):\*\*")
_LIST_LINE = re.compile(r"(?:- |\d+\. )")


def _labels_go_on(cards: list[Card]) -> list[Card]:
    """Return the pages of a phase with each list that goes on from the page before headed by its label marked
    continued ('**Problems (continued):**'): a page that opens with bullets says what they are."""
    shown = list(cards)
    for at in range(1, len(shown)):
        before, page = shown[at - 1].description or "", shown[at].description or ""
        if _LIST_LINE.match(page) is None:
            continue
        block = before.rsplit("\n\n", 1)[-1].split("\n")
        label = _LABEL_LINE.fullmatch(block[0])
        if label is None or len(block) < 2 or not all(_LIST_LINE.match(line.lstrip()) for line in block[1:]):
            continue
        marked = f" ({_('continued')})"
        name = label.group(1).removesuffix(marked)  # the page before opened with the list, marked already
        head = f"**{name}{marked}:**"
        shown[at] = replace(shown[at], description=f"{head}\n{page}")
    return shown


def _paged(cards: list[Card], page: int, make_id: Callable[[int], str], extra_rows: Sequence[Row] = ()) -> Reply:
    """Show one card of several with Previous/Next buttons."""
    page = max(0, min(page, len(cards) - 1))
    rows = list(extra_rows)
    if len(cards) > 1:
        rows.append(
            (
                Button(_("◀ Previous"), custom_id=make_id(page - 1), disabled=page == 0),
                Button(_("Next ▶"), custom_id=make_id(page + 1), disabled=page == len(cards) - 1),
            )
        )
    return Reply(cards=(cards[page],), rows=tuple(rows), ephemeral=True)


@components.PHASE.handles
async def phase_page(svc: Services, caller: Caller, role: str, number: int, page: int) -> Response:
    """Turn a page of a phase view."""
    return Response(await phase_view(svc, caller, number, role, page), update=True)


def _place(role: Role, hit_phase: int | None, scheduled: Sequence[PhaseLike] = ()) -> str:
    """Say where a section sits: its path, phase and that phase's weeks (at the asker's pace when they follow it)."""
    if hit_phase is None:
        return role.display_name
    phase = role.phase(hit_phase)
    if phase is None:
        return _("{path} · Phase {number}", path=role.display_name, number=hit_phase)
    at_pace = next((p for p in scheduled if p.number == hit_phase), None)
    span = span_text(at_pace or phase)
    return _("{path} · Phase {number} · {span}", path=role.display_name, number=hit_phase, span=span)


# What ends a section's name at the start of its text: a colon or a dash, the bold run it closes ('**Lab:** …',
# '**Service mesh** — …') and blanks; what it says of itself follows.
# The blanks before a dash start no match of their own (a run of them would be scanned again from each).
_AFTER_NAME = re.compile(r"(?::(?:\*\*|__)?|(?:\*\*|__)?(?<!\s)\s*+[-–—|])\s+(?=\S)")
_MARKS = re.compile(r"(?<!\\)(?:\*\*|__|~~|[*_`])")
_LINK_MD = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]\([^()\s]*\)")
_BACKSLASHED = re.compile(r"\\(.)")


def _plain(md: str) -> str:
    """Return a line of Discord markdown as the words it shows."""
    return _BACKSLASHED.sub(r"\1", _MARKS.sub("", _LINK_MD.sub(r"\1", md))).strip()


def _without_title(title: str, text: str) -> str:
    """Return a section's text without its title where its first line says it again, as a card's title says it
    already: the whole line ('Week 8 — Window functions & CTEs' over its bullets), or the name before what the line
    says of it ('**Service mesh** — Istio vs Linkerd' shows 'Istio vs Linkerd'). A line whose name is a link keeps
    it: the card's title has no link."""
    first, newline, rest = text.partition("\n")
    if not title:
        return text
    if "](" not in first and _plain(first) == title:
        return rest.lstrip("\n")
    for after in _AFTER_NAME.finditer(first):
        head = first[: after.start()]
        if "](" in head:
            break
        said = first[after.end() :]
        # the name ends outside any bold run or code: '**Phase 1: SQL** (weeks 1-2)' is not 'Phase 1' and 'SQL**'
        if _plain(head) == title and said.count("**") % 2 == 0 and said.count("`") % 2 == 0:
            return said + newline + rest
    return text


def deep_dive_cards(
    role: Role,
    section_title: str,
    path: tuple[str, ...],
    text: str,
    phase: int | None,
    note: str = "",
    scheduled: Sequence[PhaseLike] = (),
) -> list[Card]:
    """Lay a section out on pages, with its place in the path (and how a question was read, first).

    `scheduled` are the asker's phases of that path at their pace, when they follow it.
    """
    places = role.trail(path)  # the footer names the path
    # A breadcrumb of the card's own title alone says it twice ('## Day 7' at the top of a file): none is shown.
    trail = "" if places == (section_title,) else " › ".join(places)
    text = _without_title(section_title, text) if len(section_title) <= MAX_EMBED_TITLE else text
    body = "\n\n".join(part for part in (f"*{clip(trail, 300)}*" if trail else "", text) if part)
    if note:
        body = f"{escape_user_text(note)}\n\n{body}"
    return paginate(
        clip(section_title, MAX_EMBED_TITLE),
        body or _("(This section has no text of its own.)"),
        footer=_place(role, phase, scheduled),
        color=COLOR,
        body_limit=DEEP_DIVE_PAGE,
    )


def _section_text(role: Role, section: Section, done: Collection[str] | None = None) -> str:
    """Return what a deep-dive shows of a section: a phase as `/phase` shows it (its objective, parts, bullets and
    items), any other section its text; task items show the reader's ticks (`done`, None when they do not follow
    the path: plain bullets)."""
    phase = role.phase(section.phase) if section.kind == "phase" and section.phase is not None else None
    if phase is not None and phase.section_id == section.id:
        return phase_body(phase, [item for item in role.checklist if item.phase == phase.number], done)
    part = _part_pieces(role, section)
    if part:  # a sub-heading of a phase: its pieces, as `/phase` shows them (a quoted label keeps its bullets)
        return _part_text(role, part, done)
    own = _reader_ticks(role, section.text, done)
    if section.kind != "section" or section.path == (role.title,):
        return own
    # A heading outside the phases shows the headings under it too ('## Getting Started' over '### Books'), each
    # labelled by its title, in file order: it would show nothing when it only holds them. The file's title shows
    # its own text only: under it is the whole file.
    sections = role.sections
    pieces = [own] if own else []
    shown = [section.path]  # a heading under one shown above it is labelled from there
    depth = len(section.path)
    whole: tuple[str, ...] | None = None  # a phase shown whole, as /phase shows it: its parts are in it
    for part in sections[sections.index(section) + 1 :]:  # headings come in file order, before the finer entries
        if part.kind not in ("section", "phase") or len(part.path) <= depth or part.path[:depth] != section.path:
            break
        if whole is not None and part.path[: len(whole)] == whole:
            continue
        above = max((p for p in shown if part.path[: len(p)] == p), key=len, default=())
        trail = part.path[len(above) :] if above else (part.title,)
        shown.append(part.path)
        label = label_text(" › ".join(trail) or part.title)
        inner = role.phase(part.phase) if part.kind == "phase" and part.phase is not None else None
        if inner is not None and inner.section_id == part.id:
            whole = part.path
            text = phase_body(inner, [item for item in role.checklist if item.phase == inner.number], done)
        else:
            text = _reader_ticks(role, part.text, done)
        pieces.append(f"{label}\n{text}" if text else label)
    return "\n\n".join(pieces)


def _week_part(
    role: Role, section: Section, question: Question, asker: Asker, done: Collection[str] = ()
) -> list[str] | None:
    """Return the week a question asks about, as /today shows it: that week's part of the phase at the asker's pace,
    then the phase's open items that week's text does not list (`done` holds the asker's ticks); None when the
    question asks for no single week of this phase."""
    weeks = question.weeks
    if question.kind != "week" or weeks is None or weeks[0] != weeks[1] or section.kind != "phase":
        return None
    phase = role.phase(section.phase) if section.phase is not None else None
    scheduled = next((p for p in asker.paths.get(role.name) or role.phases if phase and p.number == phase.number), None)
    if phase is None or scheduled is None:
        return None
    week = weeks[0]
    days = question.days
    if phase.days is not None and days is not None and phase.days[0] <= days[0] <= phase.days[1]:
        # a phase its days date ('### Day 11' … '### Day 20'): the day's week of it, seven days a week
        week = min(scheduled.first_week + (days[0] - phase.days[0]) // 7, scheduled.last_week)
    if not scheduled.first_week <= week <= scheduled.last_week:
        return None
    placed = ScheduledPhase(scheduled.number, scheduled.first_week, scheduled.last_week)
    view = build_today(phase, placed, week, role.checklist, done)
    on_day = _days_of(phase, placed, question.days, role.checklist, done) if question.days is not None else None
    lines = today_lines(on_day or view)
    # Those the week's parts list are not listed again; a day's answer is that day's alone.
    listed = [] if on_day is not None else not_shown(view.open_items, "\n".join(lines))
    if listed:
        lines += ["", label_text(_("Open items in this phase")), items_text(listed)]
    return lines


def _days_of(
    phase: Phase,
    placed: ScheduledPhase,
    days: tuple[int, int],
    checklist: Sequence[ChecklistItem],
    done: Collection[str],
) -> TodayView | None:
    """Return the week of a phase written as days ('**Day 17:** Decorators') that holds the days asked for, as /today
    shows it but with those days' topics and items alone; None when no topic or item of the phase names them."""
    for piece in phase_slices(phase, placed.weeks):
        units = tuple(
            unit
            for unit in piece.units
            if (named := named_days(unit.label, unit.topics[0].text if unit.topics else None)) is not None
            and named[0] <= days[1]
            and named[1] >= days[0]
        )
        if units and not piece.practice:
            view = build_today(phase, placed, placed.first_week + piece.week - 1, checklist, done)
            return replace(view, slice=replace(view.slice, units=units, lead=()))
    return None


def _alternatives(hits: list[Hit], roles: Mapping[str, Role]) -> Select | None:
    if len(hits) < 2:
        return None
    options = tuple(
        SelectOption(
            label=clip(h.section.title, MAX_OPTION_LABEL),
            value=section_key(h.role, h.section.id),
            description=clip(h.where(roles[h.role]), MAX_OPTION_DESCRIPTION),
        )
        for h in hits[1:25]
    )
    return Select(components.DEEP_DIVE_PICK.id(), options, placeholder=_("Not it? Other matches"))


async def skill_deep_dive(svc: Services, caller: Caller, topic: str, role: str | None = None) -> Reply:
    """Show the best section for a topic or a question ("week 14", "after databases"); other matches when unsure."""
    if not any(c.isalnum() for c in topic):  # blank, or marks alone ('???', '🐳'): nothing to search for
        raise UserError(_("Tell me a topic, e.g. {example}.", example=cmd("skill-deep-dive", topic="postgres")))
    role_name = svc.role(role).name if role else None
    index = svc.content.index
    asker = await _asker_of(svc, caller)
    if topic.startswith("key:"):
        found = svc.content.section_by_key(topic[4:])
        if found is not None:
            r, s = found
            text = _section_text(r, s, await _ticks_of(svc, caller, r.name, asker))
            cards = deep_dive_cards(r, s.title, s.path, text, s.phase, scheduled=asker.paths.get(r.name, ()))
            return _paged(cards, 0, lambda p: components.DEEP_DIVE.id(topic[4:], p))
    result = answer(index.search, topic, role=role_name, limit=SHOWN, asker=asker)
    if result.problem:
        raise UserError(_problem_text(svc, result))
    hits = result.hits
    if not hits:
        shown = escape_user_text(topic.strip(), 80)
        asked = result.question
        if asked.kind in ("after", "before") and asked.topic and asked.weeks is None and asked.phase is None:
            # 'what comes after kafka' where no part is about kafka: there is nothing to count from
            about = escape_user_text(asked.topic, 80)
            example = cmd("skill-deep-dive", topic="week 3")
            if role_name:
                raise UserError(
                    _(
                        "Nothing in {path} is about '{topic}' to count from. Ask about a topic it has, or a week: "
                        "{example}.",
                        path=index.roles[role_name].display_name,
                        topic=about,
                        example=example,
                    )
                )
            raise UserError(
                _(
                    "No path has anything about '{topic}' to count from. Ask about a topic one has, or a week: "
                    "{example}.",
                    topic=about,
                    example=example,
                )
            )
        if role_name:
            raise UserError(
                _(
                    "Nothing found for '{topic}' in {path}. Try a shorter or different word.",
                    topic=shown,
                    path=index.roles[role_name].display_name,
                )
            )
        raise UserError(_("Nothing found for '{topic}'. Try a shorter or different word.", topic=shown))
    best = hits[0]
    r = index.roles[best.role]
    key = section_key(best.role, best.section.id)
    s = best.section
    scheduled = asker.paths.get(r.name, ())
    unsure = best.score < UNSURE_SCORE or not stands_alone(hits, asker)
    if not unsure and role_name is None and asker.paths and r.name not in asker.paths:
        # an answer from a path the asker does not follow offers the matches of their own paths beside it
        unsure = any(h.role in asker.paths for h in hits[1:])
    select = _alternatives(hits, index.roles) if unsure else None
    extra: tuple[Row, ...] = (select,) if select else ()
    done = await svc.store.get_progress(caller.user_id, r.name) if r.name in asker.paths else {}
    note = result.note
    if asker.paths and r.name not in asker.paths and role_name is None:  # the footer alone would not say it
        other = _("From {path}, a path you don't follow: none of yours has a closer match.", path=r.display_name)
        note = f"{other} {note}" if note else other
    week = _week_part(r, s, result.question, asker, done)
    if week is not None:  # one card, as /today's; the whole phase is a click away
        room = DEEP_DIVE_PAGE - len(escape_user_text(note)) - 2
        cards = deep_dive_cards(r, s.title, (), fit_lines(week, room), s.phase, note, scheduled)
        whole = (Button(_("Whole phase"), custom_id=components.PHASE.id(r.name, s.phase or 0, 0)),)
        return Reply(cards=(cards[0],), rows=(*extra, whole), ephemeral=True)
    text = _section_text(r, s, await _ticks_of(svc, caller, r.name, asker))
    cards = deep_dive_cards(r, s.title, s.path, text, s.phase, note, scheduled)
    return _paged(cards, 0, lambda p: components.DEEP_DIVE.id(key, p), extra)


def _part_pieces(role: Role, section: Section) -> list[Piece]:
    """Return the pieces of a phase written under a sub-heading (`section`), from its heading to the next heading
    as deep or deeper in the path; [] for any other section."""
    phase = role.phase(section.phase) if section.kind == "section" and section.phase is not None else None
    if phase is None or section.line is None:
        return []
    sections = role.sections
    depth = len(section.path)
    later = [s for s in sections[sections.index(section) + 1 :] if s.line and s.kind in ("phase", "section")]
    end = next((s.line for s in later if s.phase != section.phase or len(s.path) <= depth), None)
    # a part folded in a '<details>' block ends with it: what follows is the phase's (see `Subsection.end`)
    folded = next((sub.end for sub in phase.subsections if sub.line == section.line and sub.end is not None), None)
    if folded is not None:
        end = folded if end is None else min(end, folded)
    return [p for p in phase.body if p.line > section.line and (end is None or p.line < end)]


def _part_text(role: Role, pieces: Sequence[Piece], done: Collection[str] | None) -> str:
    """Return a part's pieces as markdown, its task items with the reader's ticks (plain bullets when `done` is
    None)."""
    at_line = _items_by_line(role.checklist)

    def task(piece: PieceLike) -> str | None:  # indented by `body_lines`, as written
        item = _take_item(at_line, piece.line)
        return None if item is None else _item_box(item, done)

    return "\n".join(body_lines(pieces, task)).strip("\n")


async def _ticks_of(svc: Services, caller: Caller, role: str, asker: Asker) -> set[str] | None:
    """Return the caller's ticks on a path they follow; None when they do not follow it."""
    return set(await svc.store.get_progress(caller.user_id, role)) if role in asker.paths else None


async def _asker_of(svc: Services, caller: Caller) -> Asker:
    """Return the caller's paths as answering needs them: the current one, and each one's phases at their pace."""
    roles = svc.content.index.roles
    live = [e for e in await svc.store.list_enrollments(caller.user_id, FOLLOWED) if e.role in roles]
    if not live:
        return Asker()
    learner = await svc.store.get_learner(caller.user_id)
    paths: dict[str, Sequence[PhaseLike]] = {}
    weeks: dict[str, int] = {}
    for e in live:
        try:
            plan = plan_for(roles[e.role], e, caller.now, learner.timezone if learner else "UTC")
        except ValueError:  # a pace the role file no longer has: its weeks as written, and still the learner's
            paths[e.role] = roles[e.role].phases
            continue
        paths[e.role] = plan.phases
        if plan.position.status != "not_started":
            weeks[e.role] = plan.position.week
    return Asker(max(live, key=lambda e: e.updated_at).role, paths, weeks)


def _problem_text(svc: Services, result: Answer) -> str:
    """Say why a question has no answer and, when it needs a path, how to name one."""
    if not result.needs_role:
        return result.problem
    roles = svc.content.index.roles
    names = [f"**{roles[n].display_name}** (`{n}`)" for n in result.needs_role[:NEEDS_ROLE_NAMES]]
    more = len(result.needs_role) - len(names)
    listed = ", ".join(names)
    if more > 0:
        listed = _n("{names} and {n} more", "{names} and {n} more", more, names=listed)
    role_option = _p("option", "role")
    option = f"`{role_option}:`"
    return _(
        "{problem} Add {option} to pick one: {paths}. Once you follow a path, it is the default.",
        problem=result.problem,
        option=option,
        paths=listed,
    )


@components.DEEP_DIVE.handles
async def deep_dive_page(svc: Services, caller: Caller, key: str, page: int) -> Response:
    """Turn a page of a deep-dive, or show a match picked from the menu."""
    found = svc.content.section_by_key(key)
    if found is None:
        raise UserError(
            _(
                "That section is gone after a content update. Search again with {command}.",
                command=cmd("skill-deep-dive"),
            )
        )
    r, s = found
    asker = await _asker_of(svc, caller)
    text = _section_text(r, s, await _ticks_of(svc, caller, r.name, asker))
    cards = deep_dive_cards(r, s.title, s.path, text, s.phase, scheduled=asker.paths.get(r.name, ()))
    return Response(_paged(cards, page, lambda p: components.DEEP_DIVE.id(key, p)), update=True)


async def roles_list(svc: Services, caller: Caller, page: int = 0) -> Reply:
    """List every role with its description, timeline and salary range."""
    roles = sorted(svc.content.index.roles.values(), key=lambda r: r.display_name.lower())
    if not roles:
        raise UserError(
            _("No paths are loaded right now. A moderator can check {status}.", status=cmd("content status"))
        )
    fields = []
    for r in roles:
        timeline = ", ".join(
            _("{pace} {months} mo", pace=pace_label(p), months=months_text(a, b))
            for p, (a, b) in r.timeline_months.items()
        )
        salary = ", ".join(f"{lvl} {rng}" for lvl, rng in r.salary_range.items())
        if r.self_paced:
            weeks = _("**Self-paced:** no phases or weekly plan")
        elif timeline:
            weeks = _("**Weeks:** {weeks} · **Timeline:** {timeline}", weeks=r.total_weeks, timeline=timeline)
        else:
            weeks = _("**Weeks:** {weeks}", weeks=r.total_weeks)
        value = "\n".join(
            x
            for x in (
                clip(r.description, 400),
                weeks,
                _("**Salary:** {salary}", salary=salary) if salary else "",
                cmd("start-learning", role=r.name),
            )
            if x
        )
        fields.append(Field(clip(r.display_name, 256), clip(value, MAX_FIELD_VALUE)))
    cards = paginate(_("Learning paths ({count})", count=len(roles)), "", fields, per_page=6, color=COLOR)
    return _paged(cards, page, components.ROLES.id)


@components.DEEP_DIVE_PICK.handles
async def deep_dive_pick(svc: Services, caller: Caller, values: Sequence[str]) -> Response:
    """Show the match picked from the "Not it? Other matches" menu."""
    if not values:
        raise UserError(_("Pick one of the matches."))
    return await deep_dive_page(svc, caller, values[0], 0)


@components.ROLES.handles
async def roles_page(svc: Services, caller: Caller, page: int) -> Response:
    """Turn a page of the role list."""
    return Response(await roles_list(svc, caller, page), update=True)


async def stop_learning(svc: Services, caller: Caller, role: str, forget: bool = False) -> Reply:
    """Leave a path; progress is kept unless the learner confirms they want it forgotten."""
    found_name = role.strip()
    role_obj = svc.content.index.role(found_name)
    name = role_obj.name if role_obj else found_name
    enrollment = await svc.store.get_enrollment(caller.user_id, name)
    if enrollment is None:
        if role_obj is None:
            svc.role(role)  # raises with suggestions
        raise UserError(_("You aren't enrolled in {path}.", path=role_obj.display_name if role_obj else name))
    display = role_obj.display_name if role_obj else name
    if forget:
        return confirm(
            _("Stop **{path}** and forget your checklist progress on it? This cannot be undone.", path=display),
            _("Stop and forget"),
            components.FORGET.id(name),
        )
    await svc.store.stop_enrollment(caller.user_id, name, caller.now)
    await replan_user(svc, caller.user_id, caller.now)  # no active path left: no more reminders
    return Reply(
        content=_(
            "You've left **{path}**. Your progress is kept: {start} picks it up again.",
            path=display,
            start=cmd("start-learning", role=name),
        ),
        ephemeral=True,
    )


@components.FORGET.handles
async def confirm_forget(svc: Services, caller: Caller, role: str) -> Response:
    """Stop a path and forget its progress, after the learner confirmed."""
    result = await svc.store.stop_enrollment(caller.user_id, role, caller.now, forget=True)
    await replan_user(svc, caller.user_id, caller.now)
    found = svc.content.index.roles.get(role)
    name = f"**{found.display_name}**" if found else f"`{role}`"  # a path not loaded right now has only its slug
    forgotten = result.items_forgotten
    text = _n(
        "Done: you've left {path} and {n} ticked item was forgotten.",
        "Done: you've left {path} and {n} ticked items were forgotten.",
        forgotten,
        path=name,
    )
    return Response(Reply(content=text, ephemeral=True), update=True)


@components.CANCEL.handles
async def cancel(svc: Services, caller: Caller) -> Reply:
    """Answer a confirmation's Cancel button."""
    return Reply(content=_("Cancelled: nothing changed."), ephemeral=True)
