"""How handlers and reminders both say things: the colour of cards, where a learner is, open items, zone notes,
this week's slice of a phase (`/today` and the top of each reminder), pace and streak, and due reviews.

The one presentation module shared by the use cases (`bot.handlers`) and the reminders (`bot.reminders`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol
from urllib.parse import urlsplit

from bot import components
from bot.content.markdown import escape
from bot.content.models import ChecklistItem, Piece, Role
from bot.content.parse import first_sentence
from bot.domain.pace import PaceStatus, pace_change
from bot.domain.reminders import OpenItem
from bot.domain.review import ANSWERS, LAST_BOX, Answer
from bot.domain.shapes import PieceLike, TopicLike
from bot.domain.streaks import Streak
from bot.domain.today import NextStep, Reference, Resource, SliceUnit, TodayView
from bot.domain.weeks import PhaseLike, gap_weeks, week_start
from bot.domain.zones import usable_zone
from bot.i18n import N_, _, _n, _p, cmd, format_date
from bot.render import Button, Card, Field, Reply, Select, SelectOption, clip, escape_user_text, fit_lines
from bot.render.limits import MAX_FIELD_VALUE, MAX_OPTION_DESCRIPTION, MAX_OPTION_LABEL
from bot.services import Plan

COLOR = 0x5865F2
MAX_TODAY_ITEMS = 5
"""Open checklist items listed under this week's slice; the rest are counted."""
MAX_REFERENCE_LINKS = 4
"""Links of a phase's resources listed in a week of it; the rest are counted, for `/phase`."""
MAX_NOTE_LINES = 3  # of an item's note in a short list of items (/today, reminders); /checklist shows it all
NOTE_INDENT = "\u2003"  # an em space: no markdown reader takes it for syntax, so '- ' shows as written


def span_text(span: PhaseLike | tuple[int, int]) -> str:
    """Return a phase's weeks as the learner reads them: "weeks 6-15", "week 3" ("Wochen 6-15" in German).

    Takes a phase (anything with `first_week` and `last_week`) or its (first, last) weeks.
    """
    first, last = span if isinstance(span, tuple) else (span.first_week, span.last_week)
    if first == last:
        return _("week {week}", week=first)
    return _("weeks {first}-{last}", first=first, last=last)


def title_only() -> str:
    """Say that a phase's file writes nothing under its heading, where pointing to `/phase` would show nothing more."""
    return _("The path's file gives this phase its title only: nothing more is written under it.")


def phase_heading(number: int, title: str = "") -> str:
    """Name a phase: "Phase 2: Python", or "Phase 2" when it has no title."""
    return _("Phase {number}: {title}", number=number, title=title) if title else _("Phase {number}", number=number)


def weekday_name(weekday: int) -> str:
    """Name a weekday (0 is Monday) in the current language: "Monday", "Montag", "lunes"."""
    names = (
        _p("weekday", "Monday"),
        _p("weekday", "Tuesday"),
        _p("weekday", "Wednesday"),
        _p("weekday", "Thursday"),
        _p("weekday", "Friday"),
        _p("weekday", "Saturday"),
        _p("weekday", "Sunday"),
    )
    return names[weekday]


def week_status(plan: Plan, *, titled: bool = False) -> str:
    """Return one line saying where the learner is, e.g. 'Week 5 of 46 · Phase 2 (weeks 6-15)'.

    `titled` names the phase too: 'Week 5 of 46 · Phase 2: Python (weeks 6-15)'.
    """
    pos = plan.position
    if pos.status == "not_started":
        start = format_date(plan.enrollment.start_date)
        return _n("Starts in {n} day, on {date}", "Starts in {n} days, on {date}", pos.days_until_start, date=start)
    if plan.self_paced:
        return _("Self-paced · week {week} since you started", week=pos.week)
    if pos.status == "finished":  # time is up: whether the work is done is the checklist's to say, not a cheer here
        if plan.total_weeks == 2:
            return _("Both weeks are over")
        return _n("The only week is over", "All {n} weeks are over", plan.total_weeks)
    phase = pos.phase
    if phase is None and pos.next_phase is not None:
        return _(
            "Week {week} of {total} · no phase (Phase {phase} starts in week {first})",
            week=pos.week,
            total=plan.total_weeks,
            phase=pos.next_phase.number,
            first=pos.next_phase.first_week,
        )
    if phase is None:
        return _("Week {week} of {total}", week=pos.week, total=plan.total_weeks)
    written = plan.role.phase(phase.number) if titled else None
    fields = {"week": pos.week, "total": plan.total_weeks, "phase": phase.number, "span": span_text(phase)}
    if written is not None:
        return _("Week {week} of {total} · Phase {phase}: {title} ({span})", title=escape(written.title), **fields)
    return _("Week {week} of {total} · Phase {phase} ({span})", **fields)


def gap_text(plan: Plan) -> str:
    """Say that the learner's week is in no phase of the plan, and which phase starts when: catch up or get ahead.

    Only for a week between phases (`Position.between_phases`)."""
    pos = plan.position
    coming = pos.next_phase
    if coming is None:
        return ""
    first, last = gap_weeks(plan.phases, pos.week) or (pos.week, pos.week)
    written = plan.role.phase(coming.number)
    enrollment = plan.enrollment
    starts = week_start(enrollment.start_date, coming.first_week, enrollment.week_shift)
    fields = {
        "number": coming.number,
        "title": written.title if written is not None else "",
        "start": coming.first_week,
        "date": format_date(starts),
    }
    if first == last:
        return _(
            "Week {week} is not part of any phase of the plan: catch up on what is still open, or get ahead on "
            "Phase {number}: {title}, which starts in week {start} ({date}).",
            week=first,
            **fields,
        )
    return _(
        "Weeks {first}-{last} are not part of any phase of the plan: catch up on what is still open, or get ahead "
        "on Phase {number}: {title}, which starts in week {start} ({date}).",
        first=first,
        last=last,
        **fields,
    )


def pace_label(pace: str | None) -> str:
    """Name a pace as people write it: "complete beginner"; no pace is the path "as written".

    The paces the shipped paths use are named in the learner's language; any other is its key, spaced out.
    """
    match pace:
        case None | "":
            return _p("pace", "as written")
        case "complete_beginner":
            return _p("pace", "complete beginner")
        case "programming_background":
            return _p("pace", "programming background")
        case "full_time_accelerated":
            return _p("pace", "full time accelerated")
        case "full_time":
            return _p("pace", "full time")
        case "part_time":
            return _p("pace", "part time")
    return pace.replace("_", " ")


def plan_change_text(before: Plan, after: Plan) -> str:
    """Say what a change of pace or start date did to a plan: "Pace: as written → complete beginner ·
    36 → 46 weeks · finish 2027-08-05 → 2027-10-14"; "" when neither changed or the path is self-paced."""
    old, new = before.enrollment, after.enrollment
    if after.self_paced or (old.pace == new.pace and old.start_date == new.start_date):
        return ""
    parts = []
    if old.pace != new.pace:
        parts.append(_("Pace: {old} → {new}", old=pace_label(old.pace), new=pace_label(new.pace)))
    if old.start_date != new.start_date:
        parts.append(_("start {old} → {new}", old=format_date(old.start_date), new=format_date(new.start_date)))
    change = pace_change(
        old.start_date,
        before.total_weeks,
        after.total_weeks,
        old.week_shift,
        new_shift_weeks=new.week_shift,
        new_start=new.start_date,
    )
    if change.old_weeks == change.new_weeks:
        weeks = _n("{n} week", "{n} weeks", change.new_weeks)
    else:
        weeks = _("{old} → {new} weeks", old=change.old_weeks, new=change.new_weeks)
    if change.old_finish == change.new_finish:
        finish = _("finish {date}", date=format_date(change.new_finish))
    else:
        finish = _("finish {old} → {new}", old=format_date(change.old_finish), new=format_date(change.new_finish))
    return f"**{' · '.join(parts)}** · {weeks} · {finish}"


def confirm(question: str, label: str, custom_id: str) -> Reply:
    """Ask before something that cannot be undone: the question, a red button that does it, and Cancel."""
    buttons = (
        Button(label, custom_id=custom_id, style="danger"),
        Button(_("Cancel"), custom_id=components.CANCEL.id()),
    )
    return Reply(content=question, rows=(buttons,), ephemeral=True)


def check_in_button(role: str, label: str | None = None) -> Button:
    """The check-in button of a path: the clicker's week counts for their streak without a tick.

    Labelled "I worked on this" unless `label` says otherwise.
    """
    return Button(label or _("I worked on this"), custom_id=components.CHECK_IN.id(role), style="success")


def self_paced_hint(role: Role) -> str:
    """Say how to follow a path without phases: its checklist, or its topics when it has none."""
    if role.checklist:
        return _(
            "Work through its checklist at your own pace: {checklist}.", checklist=cmd("checklist", role=role.name)
        )
    return _(
        "It has no checklist either: look up its topics with {deep_dive}.",
        deep_dive=cmd("skill-deep-dive", topic="…", role=role.name),
    )


class Placed(Protocol):
    """A checklist item and where it is written: a `ChecklistItem`, or an `OpenItem` made from one."""

    @property
    def text(self) -> str: ...

    @property
    def md(self) -> str: ...

    @property
    def group(self) -> str: ...

    @property
    def parent(self) -> str: ...

    @property
    def depth(self) -> int: ...

    @property
    def note(self) -> str: ...

    @property
    def note_after(self) -> int: ...


def indent(item: Placed) -> str:
    """Return the gap before a checklist item nested under others: an em space a level, which no markdown
    reader takes for syntax."""
    return NOTE_INDENT * item.depth


def lead_in(name: str) -> str:
    """Return a group's or a parent's name without the colon that led into its list ('Habits:', '**IT Setup**:'):
    where a menu shows the name, the colon says nothing."""
    return name.rstrip(" :：")


def option_context(item: Placed, group: bool) -> str | None:
    """Return what a menu option says under an item's name: the bullet or item it is under, after its group where
    the menu holds several ('Day 3 › Trees'); None where there is nothing to say."""
    context = [lead_in(item.group)] if group else []
    if parent := lead_in(item.parent):
        context.append(parent)
    return clip(" › ".join(context), MAX_OPTION_DESCRIPTION) if context else None


_LINK_URL = re.compile(r"\]\((https?://[^)\s]+)")


def link_site(item: Placed) -> str:
    """Return the site an item's first link goes to ('cs.example.edu'), '' for an item without a link."""
    found = _LINK_URL.search(item.md)
    try:
        host = urlsplit(found.group(1)).hostname if found is not None else None
    except ValueError:  # a link no URL parser reads ('http://[broken'): no site to name
        return ""
    return host.removeprefix("www.") if host else ""


def sited_names(items: Sequence[Placed]) -> list[str]:
    """Return each item's text, with the site its link goes to where items of the same words, group and parent
    differ by their links alone ('Implementation (C) · cs.example.edu', 'Implementation (C) · github.com'): the
    only thing a menu, which shows no links, can tell them apart by."""
    alike: dict[tuple[str, str, str], list[Placed]] = {}
    for item in items:
        alike.setdefault((item.text, item.group, item.parent), []).append(item)
    names = []
    for item in items:
        same = alike[(item.text, item.group, item.parent)]
        if len(same) == 1:  # most items: no look at their links
            names.append(item.text)
            continue
        site = link_site(item)
        told = site and [link_site(i) for i in same].count(site) == 1
        names.append(f"{item.text} · {site}" if told else item.text)
    return names


def item_names(
    items: Sequence[Placed], groups_shown: bool = False, *, parents_shown: bool = False, markdown: bool = False
) -> list[str]:
    """Return each item's text, told apart where several share it: 'Stacks › Implement:', 'Queues › Implement:'.

    The same words may be written under several headings, bullets or parent items (their IDs differ); a name keeps
    the group and the parent that tell them apart (the group only where it is not shown beside it, the bullet an
    unnested item is under only where it is not shown above it: `parents_shown`). `markdown` gives each name as
    Discord markdown, the item's links kept (a menu shows clean text only)."""
    alike: dict[str, list[Placed]] = {}
    for item in items:
        alike.setdefault(item.text, []).append(item)
    names = []
    sited = sited_names(items) if not markdown else []  # markdown shows the links themselves
    for n, item in enumerate(items):
        own = (item.md or escape(item.text)) if markdown else sited[n]
        same = alike[item.text]
        if len(same) == 1:
            names.append(own)
            continue
        group = not groups_shown and len({i.group for i in same}) > 1
        parent = len({i.parent for i in same}) > 1
        context = [item.group] if group else []
        if parent and item.parent and not (parents_shown and item.depth == 0):
            context.append(item.parent)
        names.append(" › ".join([*(escape(c) if markdown else c for c in context), own]))
    return names


def tree_entries(
    items: Sequence[Placed], line: Callable[[int, str], str], after: Callable[[int, str], str] | None = None
) -> list[tuple[str, bool]]:
    """Return checklist items as their task lists nest them, as (line, whether it is an item) entries.

    `line(n, gap)` is the `n`-th item's line (its box, name and note) at `gap`, an em space for each level it is
    shown under. An item is shown under the item listed before it that it is nested in; where what it is under is
    not listed right above it (a bullet, or an item ticked already or on an earlier page), an italic line names that
    first, so a nested 'Data' never stands alone. `after(n, gap)`, if given, is what is shown after the items listed
    under the `n`-th (the part of its note written after them), joined to the last of them (one entry, never
    parted from it); empty for nothing."""
    entries: list[tuple[str, bool]] = []
    chain: list[tuple[int, str]] = []  # (depth, text) of the lines the next item may be under; a bullet's is -1
    pending: list[tuple[int, int, str]] = []  # (place in `chain`, n, gap) of the items whose `after` is to show

    def close(kept: int) -> None:  # the items at `kept` and deeper in the chain have nothing more listed under them
        while pending and pending[-1][0] >= kept:
            _place, at, gap = pending.pop()
            if shown := after(at, gap) if after is not None else "":
                entries[-1] = (f"{entries[-1][0]}\n{shown}", entries[-1][1])

    for n, item in enumerate(items):
        while chain and chain[-1][0] >= item.depth:
            chain.pop()
        under = (item.depth - 1, item.parent)
        if item.parent and chain[-1:] != [under]:
            while chain and chain[-1][0] >= under[0]:
                chain.pop()
            close(len(chain))
            entries.append((f"{NOTE_INDENT * len(chain)}*{escape(item.parent)}*", False))
            chain.append(under)
        elif not item.parent:
            chain.clear()
        close(len(chain))
        gap = NOTE_INDENT * len(chain)
        entries.append((line(n, gap), True))
        if after is not None:
            pending.append((len(chain), n, gap))
        chain.append((item.depth, item.text))
    close(0)
    return entries


def note_parts(item: Placed) -> tuple[str, str]:
    """Return an item's note as the part written before the items nested under it and the part written after
    them (`ChecklistItem.note_after`), to show each in its place."""
    if not item.note_after:
        return item.note, ""
    lines = item.note.split("\n")
    cut = len(lines) - item.note_after
    return "\n".join(lines[:cut]), "\n".join(lines[cut:])


def item_text(item: OpenItem, gap: str = "", name: str = "") -> str:
    """Return an open checklist item as markdown at `gap` (by `name`, where given), with its links and the first
    lines of its note under it: '⬜ [Singly Linked Lists](https://…)'."""
    shown = f"{gap}⬜ {name or item.md or escape(item.text)}"
    note = note_parts(item)[0]
    return "\n".join([shown, *note_lines(note, MAX_NOTE_LINES, gap)]) if note else shown


def item_after(item: OpenItem, gap: str = "") -> str:
    """Return the first lines of the part of an open item's note written after the items nested under it, at
    `gap` (its own), to show after them; empty if there is none."""
    head, tail = note_parts(item)
    room = max(1, MAX_NOTE_LINES - (head.count("\n") + 1 if head else 0))
    return "\n".join(note_lines(tail, room, gap)) if tail else ""


def item_entries(items: Sequence[OpenItem]) -> list[tuple[str, bool]]:
    """Return open items as (line, whether it is an item) entries, nested as written (`tree_entries`); items that
    share their words ('Push your code' at the end of every week) are named by where they are written, as their
    tick menu names them (`item_names`), never two lines alike."""
    names = item_names(items, parents_shown=True, markdown=True)
    return tree_entries(
        items, lambda n, gap: item_text(items[n], gap, names[n]), lambda n, gap: item_after(items[n], gap)
    )


def note_lines(note: str, limit: int | None = None, indent: str = "") -> list[str]:
    """Return an item's note as lines under it, each an em space deeper than `indent` (the item's own) as written
    under it (' - [Lecture (video)](https://…)'); past `limit` lines, how many more there are."""
    lines = note.split("\n")
    shown = lines if limit is None or len(lines) <= limit else lines[: limit - 1]
    out = []
    for line in shown:
        text = line.lstrip(" ")
        level = (len(line) - len(text)) // 2  # nested lines are indented two spaces a level
        out.append(f"{indent}{NOTE_INDENT * (level + 1)}{text}")
    if len(shown) < len(lines):
        more = _n("…and {n} more", "…and {n} more", len(lines) - len(shown), n=str(len(lines) - len(shown)))
        out.append(f"{indent}{NOTE_INDENT}{more}")
    return out


def open_items_text(
    by_group: Sequence[tuple[str, Sequence[OpenItem]]], limit: int = MAX_FIELD_VALUE, total: int | None = None
) -> str:
    """Return open checklist items under their group names, whole items only, short enough for one field, and how
    many more of the `total` open ones (default: those given) `/checklist` has."""
    entries: list[tuple[str, bool]] = []  # (line, whether it is an item)
    for group, items in by_group:
        entries.append((f"**{escape(group)}**", False))
        entries.extend(item_entries(items))
    return _fitted(entries, sum(is_item for _line, is_item in entries) if total is None else total, limit)


def _fitted(entries: Sequence[tuple[str, bool]], total: int, limit: int) -> str:
    """Join the first lines of `entries` (each a line and whether it is an item) that fit in `limit` beside how many
    of the `total` items are left for `/checklist`; whole items only, and a group's name never ends the list."""
    tail = ""
    for shown in range(len(entries), -1, -1):
        kept = list(entries[:shown])
        while kept and not kept[-1][1]:  # a group's name goes with its first item
            kept.pop()
        more = total - sum(is_item for _line, is_item in kept)
        tail = _n("…and {n} more in {checklist}", "…and {n} more in {checklist}", more, checklist=cmd("checklist"))
        text = "\n".join([line for line, _is_item in kept] + ([tail] if more > 0 else []))
        if len(text) <= limit:
            return text
    return clip(tail, limit)


def zone_note(*stored: str | None, whose: str = "Your") -> str:
    """Say that a stored zone can't be used and UTC stands in, for the first such name given; "" when all are fine.

    `whose` is "Your" (the learner's zone, with how to set it) or "This group's". None means "not set" (a reminder
    that follows the learner's own zone) and is never a problem.
    """
    for name in stored:
        if name is not None and usable_zone(name) is None:
            shown = escape_user_text(name, 40)
            if whose != "Your":
                return _(
                    "⚠️ This group's time zone '{zone}' isn't one this server can use, so times and weeks follow UTC.",
                    zone=shown,
                )
            return _(
                "⚠️ Your time zone '{zone}' isn't one this server can use, so times and weeks follow UTC. "
                "Set yours with {command} (e.g. Europe/Berlin).",
                zone=shown,
                command=cmd("remind set", timezone=""),
            )
    return ""


# --------------------------------------------------------------------------- a phase as written (/phase, /today)


def label_text(label: str) -> str:
    """Return a part's label in bold, with a colon unless it ends in punctuation of its own."""
    return f"**{escape(label)}**" if label[-1:] in "?!.:" else f"**{escape(label)}:**"


def heading_text(title: str) -> str:
    """Return a sub-heading that heads other parts ('### Week 1: Git' over '**Readings**' and '**Lab**') as a line
    of its own: bold and underlined, without the colon a label takes, so its labels read as under it."""
    return f"__**{escape(title)}**__"


_LISTED = frozenset({"item", "task", "row"})


def _last_line(piece: PieceLike) -> int:
    return piece.line + piece.md.count("\n") if piece.kind == "code" else piece.line


def _list_kind(piece: PieceLike) -> str:
    """Return what list a listed piece shows in: a table's rows, a numbered list or a bullet list."""
    return "row" if piece.kind == "row" else "bullet" if piece.number is None or piece.kind == "task" else "numbered"


def _apart(piece: PieceLike, previous: PieceLike, shown: str, base: int) -> bool:
    """Return True when a piece shown as `shown` is set apart from the piece before it by a blank line.

    A label, a code block and the start and end of a quote are; so is what a blank line in the file parts, but for
    what follows a label alone (it is the label's) and the items of one list. A list is set apart from a line after
    it that shows no list marker (a task's box, '⬜ Checkpoint: …'): Discord would show that line as the last item's.
    Two lists a blank line parts in the file stay apart where they are of different kinds (a table's rows, then a
    numbered list)."""
    kind, before = piece.kind, previous.kind
    if kind == "label" or piece.quote != previous.quote:
        return True
    if before == "code" or (kind == "code" and before != "label"):
        return True
    if kind == "task" and before in ("item", "row") and piece.depth <= base and shown[:2] != "- ":
        return True
    if piece.line <= _last_line(previous) + 1 or (before == "label" and not previous.rest):
        return False
    if kind in _LISTED and before in _LISTED:
        return piece.depth == previous.depth and _list_kind(piece) != _list_kind(previous)
    return True


def body_lines(
    pieces: Sequence[PieceLike],
    task: Callable[[PieceLike], str | None] = lambda _piece: None,
    *,
    week_cells: bool = True,
) -> list[str]:
    """Return what is written under a phase heading as markdown lines, in the file's order.

    Labels are bold with a colon, and prose right under a label without text of its own joins it
    (`**Learn Git:** Git records…`); a sub-heading with nothing of its own before the next label (or the end) heads
    the parts after it (`heading_text`); bullets and table rows are bullets, numbered items keep their numbers, code
    blocks are kept whole (one line each, for `fit_lines`), quoted prose stays quoted. A label, a code block, the
    start and end of a quote and a blank line in the file are set apart by a blank line, but for what follows a
    label (it is the label's) and items of one list. `task` shows a task item (None leaves it out). A row of a
    week table shows its week cell unless `week_cells` is False (a week's own view, where the week goes without
    saying). A task item is indented by its list nesting as written, an em space a level (`NOTE_INDENT`), so one
    written under a bullet or a numbered item reads as under it; `task` gives its line without that gap.
    """
    lines: list[str] = []
    previous: PieceLike | None = None
    joinable = False  # the line before is a label with no text of its own
    # Lists nested under what is not shown as one (a plan's item that is the phase) start at the margin.
    base = min((p.depth for p in pieces if p.kind in _LISTED), default=0)
    hidden: int | None = None  # the depth of a task item left out: what is nested under it (its note) goes too
    for at, piece in enumerate(pieces):
        kind = piece.kind
        if hidden is not None:
            if piece.depth > hidden:
                continue
            hidden = None
        if kind == "task":
            shown = task(piece)
            if shown is None:
                hidden = piece.depth
                continue
            shown = NOTE_INDENT * (piece.depth - base) + shown
        elif kind == "label":
            after = pieces[at + 1] if at + 1 < len(pieces) else None
            heads = piece.heading and (after is None or after.kind == "label")
            shown = (heading_text if heads else label_text)(piece.md) + (f" {piece.rest}" if piece.rest else "")
            if piece.quote and piece.rest and not (after is not None and after.quote and after.kind in _LISTED):
                # '> **Mentor notes:** Don't over-promise.': a quote still, its label first; a label over quoted
                # lines or a quoted list heads them, as an admonition's title, and they show as one block
                shown = f"> {shown}"
        elif kind in _LISTED:
            marker = "- " if piece.number is None else f"{piece.number}. "
            cell = f" — {piece.rest}" if kind == "row" and piece.rest and week_cells else ""
            shown = f"{'  ' * (piece.depth - base)}{marker}{piece.md}{cell}"
        elif piece.quote:
            # a quoted code block is quoted line by line, fences and all: Discord ends a quote with its line
            shown = "\n".join(f"> {line}" for line in piece.md.split("\n")) if kind == "code" else f"> {piece.md}"
        else:
            shown = piece.md
        if joinable and kind == "text" and not piece.quote:
            lines[-1] += f" {shown}"
        else:
            if previous is not None and _apart(piece, previous, shown, base):
                lines.append("")
            lines.append(shown)
        joinable = kind == "label" and not piece.rest
        previous = piece
    return lines


# --------------------------------------------------------------------------- this week's slice (/today, reminders)


def _topic_lines(topics: Sequence[TopicLike], depth: int = 0) -> list[str]:
    lines: list[str] = []
    for topic in topics:
        lines.append(f"{'  ' * depth}- {topic.text}")
        lines.extend(_topic_lines(topic.children, depth + 1))
    return lines


def without_objective(pieces: Sequence[PieceLike], objective: str | None) -> list[PieceLike]:
    """Return a phase's pieces without the objective where a paragraph of their prose before the first list or part
    is the objective's line (an objective taken from the phase's first sentence is not said twice)."""
    kept: list[PieceLike] = list(pieces)
    if not objective:
        return kept
    for i, piece in enumerate(kept):
        if piece.kind in _LISTED_OR_LABEL:
            break
        if piece.kind == "text" and not piece.quote:
            rest = after_objective(piece.md, objective)
            if rest is not None:
                kept[i : i + 1] = [Piece("text", piece.line, rest, piece.depth)] if rest else []
                after = kept[i] if not rest and 0 < i < len(kept) else None
                if after is not None and _last_line(kept[i - 1]) + 1 == piece.line == after.line - 1:
                    # the lines over and under it stay one block ('Read: …' and 'Build: …' around 'Goal: …')
                    kept[i] = Piece(
                        after.kind,  # type: ignore[arg-type]
                        piece.line,
                        after.md,
                        after.depth,
                        after.number,
                        after.quote,
                        after.rest,
                        after.weeks,
                        after.heading,
                    )
                break
    return kept


_LISTED_OR_LABEL = _LISTED | {"label"}


def after_objective(md: str, objective: str) -> str | None:
    """Return what a paragraph of prose says after the phase's objective where the paragraph is the objective's line
    ('' when that is all), else None. It is when the objective is the whole paragraph or its first sentence, an
    objective label before it left out ('Goal: be fast. Then faster.' gives 'Then faster.'); a paragraph that only
    opens with the objective's words ('Learn Docker by building images' for 'Learn Docker') is another one."""
    if md == objective:
        return ""
    sentence, rest = first_sentence(md)
    return rest if sentence == objective else None


def units_without_objective(units: Sequence[SliceUnit], objective: str | None) -> list[SliceUnit]:
    """Return a week's units without the objective where it is the first line of the phase's own prose (a week of
    prose, or a phase whose work is its checklist), so the objective the heading gives is not said twice; a unit
    that says nothing else ('## Week 2' over 'Read chapter one.') is left out."""
    kept = list(units)
    if not objective:
        return kept
    for at, unit in enumerate(kept):
        if unit.label or unit.topics:
            break
        pieces = tuple(without_objective(unit.pieces, objective)) if unit.pieces else ()
        lines = unit.text.split("\n")
        for n, line in enumerate(lines):  # its prose's lines: the one that is the objective's line
            if (rest := after_objective(line, objective)) is not None:
                lines[n : n + 1] = [rest] if rest else []
                break
        text = "\n".join(lines).strip("\n")
        if pieces or text:
            kept[at] = replace(unit, pieces=pieces, text=text)
        else:
            del kept[at]
        break
    return kept


def _objective_said(view: TodayView) -> tuple[list[PieceLike], list[SliceUnit]]:
    """Return a week's lead and units without the objective where it is their first prose: in the lead, or in the
    phase's own prose when that is a week's unit (see `units_without_objective`)."""
    lead, units = list(view.slice.lead), list(view.slice.units)
    objective = view.objective
    if not objective:
        return lead, units
    if any(p.kind == "label" or (p.kind == "text" and not p.quote) for p in lead):
        return without_objective(lead, objective), units
    return lead, units_without_objective(units, objective)


def _task_line(task: PieceLike, open_md: frozenset[str]) -> str:
    """Show a task item of a week's text with the learner's box: ⬜ while open (its markdown is in `open_md`)."""
    return f"{'⬜' if task.md in open_md else '✅'} {task.md}"


def _unit_lines(unit: SliceUnit, open_md: frozenset[str] = frozenset()) -> list[str]:
    """Return a unit as markdown: its part label in bold, marked when split over weeks, then what is written in
    it, in the file's order. Its task items are the open items' to show, but for a part that holds nothing else
    (a project label over its items): it shows them under its label, ⬜ while open (their markdown is in
    `open_md`), so a label is never a week's whole content."""
    label = unit.label
    if label:
        marks = [m for m, on in ((_("continued"), unit.continued), (_("continues next week"), unit.continues)) if on]
        label = f"{label} ({', '.join(marks)})" if marks else label
    if unit.pieces:
        pieces = list(unit.pieces)
        if label:
            first = pieces[0]
            if first.kind == "label" and not unit.continued:
                pieces[0] = Piece("label", first.line, label, quote=first.quote, rest=first.rest, heading=first.heading)
            else:
                pieces.insert(0, Piece("label", first.line, label, quote=first.quote))
        if not label and unit.topics and pieces[0].kind == "task":  # days written as task items: the week's work
            return body_lines(pieces, lambda task: _task_line(task, open_md), week_cells=False)
        lines = body_lines(pieces, week_cells=False)
        if label and (
            len([line for line in lines if line]) == 1
            # a part of nothing but words over its tasks ('### Monday', '**Goal:** Set up', then its tasks): the
            # tasks are its work, shown under it
            or all(piece.kind in ("label", "text", "task") for piece in pieces)
        ):
            lines = body_lines(pieces, lambda task: _task_line(task, open_md), week_cells=False)
        return lines
    lines: list[str] = []
    if label:
        head = label_text(label)
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
    span = span_text(view.phase_weeks)
    heading = _("**Phase {number}: {title}** ({span})", number=view.phase_number, title=escape(title), span=span)
    if objective:
        heading += "\n" + _("**Objective:** {objective}", objective=objective)
    if piece.practice:
        where = _(
            "Part {part} of {parts} of this phase · a practice week: go over these again",
            part=piece.week,
            parts=piece.weeks,
        )
    else:
        where = _("Part {part} of {parts} of this phase", part=piece.week, parts=piece.weeks)
    lines = [heading, where, ""] if piece.weeks > 1 or piece.practice else [heading, ""]  # no "Part 1 of 1"
    written, units = _objective_said(view)
    if written:
        lead = body_lines(written, week_cells=False)
        lines.extend([*lead, ""] if lead else [])
    open_md = frozenset(item.md or item.text for item in (*view.overdue_items, *view.open_items))
    said = False  # a unit showed something: the objective alone may be all of the phase's own prose
    for unit in units:
        shown = _unit_lines(unit, open_md)
        if unit.label and shown and lines[-1]:  # a part is set apart from the bullets above it
            lines.append("")
        lines.extend(shown)
        said = said or bool(shown)
    if not said and view.open_items:
        lines.append(_("This phase is its checklist: work on its open items."))
    elif not said and not view.written:
        lines.append(title_only())
    elif not said and len(units) == len(view.slice.units):  # else its prose was the objective, said above
        lines.append(_("This phase has no topics written out: {phase} shows it in full.", phase=cmd("phase")))
    if view.references:  # for every week of the phase, not only the one its slice would reach them in
        lines.extend(["", *(reference_line(reference) for reference in view.references)])
    return lines


def reference_line(reference: Reference) -> str:
    """Say a phase's part to look things up in on one line, for every week it is for: its label and its first
    `MAX_REFERENCE_LINKS` links, then how many more `/phase` has ('**Resources** for the whole phase: [MML](…) ·
    [NumPy](…)', '**Resources** for *Month 1: Python*: …' when written in a part of the phase)."""
    shown = [f"[{r.text}]({r.url})" for r in reference.resources[:MAX_REFERENCE_LINKS]]
    more = len(reference.resources) - len(shown)
    if more:
        shown.append(_n("…and {n} more in {phase}", "…and {n} more in {phase}", more, phase=cmd("phase")))
    label = f"**{escape(reference.label.rstrip(':'))}**"
    if reference.part:  # written in a part of the phase: for the weeks in that part
        part = f"*{escape(reference.part.rstrip(':'))}*"
        # i18n: {part} is the title of the part of the phase the list is written in ('Month 1: Python').
        if not shown:
            return _("{label} for {part}: in {phase}", label=label, part=part, phase=cmd("phase"))
        return _("{label} for {part}: {links}", label=label, part=part, links=" · ".join(shown))
    if not shown:
        return _("{label} for the whole phase: in {phase}", label=label, phase=cmd("phase"))
    return _("{label} for the whole phase: {links}", label=label, links=" · ".join(shown))


def resources_text(resources: Sequence[Resource], limit: int = MAX_FIELD_VALUE) -> str:
    """Return links as markdown lines, whole links only, within `limit` characters."""
    return fit_lines([f"[{r.text}]({r.url})" for r in resources], limit)


def items_text(items: Sequence[OpenItem], limit: int = MAX_FIELD_VALUE) -> str:
    """Return the first `MAX_TODAY_ITEMS` open items (as many as fit in `limit`, whole, links and all) and how many
    more `/checklist` has."""
    return _fitted(item_entries(items[:MAX_TODAY_ITEMS]), len(items), limit)


def tick_menu(
    role: str, display_name: str, items: Sequence[OpenItem], overdue: Sequence[OpenItem] = (), by_group: bool = False
) -> Select | None:
    """The menu that ticks open items: the overdue ones first, marked so, then `items`, the first `MAX_TODAY_ITEMS`
    in all (`/checklist` has every one); None when there is nothing to tick. `by_group`: the card above lists the
    items under their groups' names (a self-paced path's next ones)."""
    late = _("overdue")
    listed = [(item, late) for item in overdue] + [(item, None) for item in items if item not in overdue]
    listed = listed[:MAX_TODAY_ITEMS]
    # Items of several groups in one menu each say their group, which the card above shows as a heading and a menu
    # cannot: 'MIT (video)' alone says little.
    several = by_group and len({item.group for item, _note in listed}) > 1
    names = item_names([item for item, _note in listed], groups_shown=several)
    options: list[SelectOption] = []
    for (item, note), name in zip(listed, names, strict=True):
        # What a nested item is under goes below its name, as in /checklist's menus: 'Data' alone says little.
        said = " · ".join(part for part in (note, option_context(item, several)) if part)
        options.append(SelectOption(clip(name, MAX_OPTION_LABEL), item.id, clip(said, MAX_OPTION_DESCRIPTION) or None))
    if not options:
        return None
    return Select(
        components.REMINDER_TICK.id(role),
        tuple(options),
        placeholder=clip(_("{role}: tick what you've done", role=display_name), 150),
        min_values=1,
        max_values=len(options),
    )


def step_text(step: NextStep | None, limit: int = MAX_FIELD_VALUE) -> str:
    """Say the one suggested next step: an item to finish and tick, a unit to start with, or going over the phase."""
    if step is None:
        return _("Nothing new this week: go over the phase again with {phase}.", phase=cmd("phase"))
    if step.is_item:
        item = escape(step.text)
        return clip(_("Work on **{item}**, then tick it with {done}.", item=item, done=cmd("done")), limit)
    # A unit that is a sentence ends it ('Pick a question.'): no second full stop after it
    unit = step.text.rstrip(".") if step.text.endswith(".") and not step.text.endswith("..") else step.text
    return clip(_("Start with **{unit}**.", unit=escape(unit)), limit)


def unseen(resources: Sequence[Resource], shown: str) -> list[Resource]:
    """Return the resources whose link is not in `shown` already (a link beside its topic is not repeated)."""
    return [r for r in resources if f"]({r.url})" not in shown]


def not_shown(items: Sequence[OpenItem], shown: str) -> list[OpenItem]:
    """Return the open items that `shown` does not list already: a week's text lists a part's tasks under it
    ('**Assignment 1:**' over its tasks), and the phase's open items below it leave those out. Whole lines are
    compared: '⬜ Data' is not '⬜ Data set'."""
    above = {line.lstrip(NOTE_INDENT) for line in shown.split("\n")}
    return [item for item in items if f"⬜ {item.md or escape(item.text)}" not in above]


def today_fields(view: TodayView, limit: int = MAX_FIELD_VALUE, shown: str = "") -> list[Field]:
    """Return the fields under this week's slice: its links, the phase's open items and the next step.

    `shown` is the text above the fields: a link already there, beside its topic, is not listed again, nor is an
    open item the week's text lists under its part ('**Assignment 1:**' over its tasks).
    """
    fields: list[Field] = []
    if view.overdue_items:  # first: their weeks are over
        fields.append(Field(_("⏰ Overdue from earlier phases"), items_text(view.overdue_items, limit)))
    extra = unseen(view.resources, shown)
    if extra:
        fields.append(Field(_("Resources"), resources_text(extra, limit)))
    listed = not_shown(view.open_items, shown)
    if listed:
        fields.append(Field(_("Open items in this phase"), items_text(listed, limit)))
    fields.append(Field(_("Next step"), step_text(view.next_step, limit)))
    return fields


# --------------------------------------------------------------------------- pace and streak (/progress, reminders)


def pace_text(pace: PaceStatus) -> str:
    """Say how the checklist compares with the plan: "on track", "behind by 3 weeks", "time is up: 4 items left"."""
    match pace.state:
        case "not_started":
            return _("not started yet")
        case "complete":
            return _("every item ticked")
        case "time_up":
            return _n("time is up: {n} item left", "time is up: {n} items left", pace.items_left)
        case "behind":
            return _n("behind by {n} week", "behind by {n} weeks", pace.weeks)
        case "ahead":
            return _n("ahead by {n} week", "ahead by {n} weeks", pace.weeks)
        case "on_track":
            return _("on track")
        case "no_checklist":
            return _("no checklist to measure it by")


def streak_text(streak: Streak) -> str:
    """Say the current and longest streak of weeks worked (a ticked item or an "I worked on this" each)."""
    longest = _n("longest {n} week", "longest {n} weeks", streak.longest)
    if streak.current and streak.at_risk:
        return _n(
            "{n} week in a row · {longest} · tick an item or check in this week to keep it",
            "{n} weeks in a row · {longest} · tick an item or check in this week to keep it",
            streak.current,
            longest=longest,
        )
    if streak.current:
        return _n("{n} week in a row · {longest}", "{n} weeks in a row · {longest}", streak.current, longest=longest)
    return _("No streak now · {longest}", longest=longest) if streak.longest else _("No streak yet")


# --------------------------------------------------------------------------- spaced review (/today, /review, reminders)

REVIEW_LABELS: dict[Answer, str] = {"got": N_("Still got it"), "again": N_("Review again")}
"""The answer buttons' labels, in English: translate where shown, `_(REVIEW_LABELS[answer])`."""
REVIEW_TITLE = N_("🔁 Time to review · still got it?")


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
        heading = phase_heading(phase.number, phase.title)
        return f"{escape(heading)} · {cmd('phase', number=phase.number, role=role.name)}"
    return f"{escape(item.group)} · {cmd('checklist', role=role.name)}"


def review_text(prompts: Sequence[ReviewPrompt], *, with_path: bool = True, limit: int = MAX_FIELD_VALUE) -> str:
    """List due reviews, numbered as their buttons are, each with the section it comes from."""
    lines = []
    for n, prompt in enumerate(prompts, start=1):
        path = f" ({prompt.role.display_name})" if with_path else ""
        place = review_place(prompt.role, prompt.item)
        lines.append(
            f"**{n}. {escape(prompt.item.text)}**{path}\n"
            + _("From {place} · review {box} of {last}", place=place, box=prompt.box, last=LAST_BOX)
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
                    f"{n} · {_(REVIEW_LABELS[answer])}",
                    custom_id=components.REVIEW.id(prompt.role.name, key, answer),
                    style="success" if answer == "got" else "secondary",
                )
                for answer in ANSWERS
            )
        )
    return tuple(rows)


REVIEW_REST = N_("Answer the other {rest} with {review}.")
REVIEW_ALL = N_("Answer them with {review}.")


def _rest_note(rest: int) -> str:
    return _(REVIEW_REST, rest=rest, review=cmd("review"))


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
        return _rest_note(rest) if self.answerable else _(REVIEW_ALL, review=cmd("review"))

    @property
    def room(self) -> int:
        """The most characters `card()` takes, whatever rows are free (what a reminder keeps for it)."""
        return len(_(REVIEW_TITLE)) + len(self.text) + len(_rest_note(len(self.prompts)))

    def within(self, free_rows: int) -> ReviewBlock:
        """The same reviews with buttons in at most `free_rows` rows."""
        return replace(self, answerable=min(len(self.prompts), max(0, free_rows)))

    def field(self) -> Field:
        """The list as a field, under a card's own content (`/today`)."""
        return Field(_(REVIEW_TITLE), f"{self.text}\n{self.note}" if self.note else self.text)

    def card(self) -> Card:
        """The list as a card of its own (the weekly reminder, beside one card per path)."""
        return Card(title=_(REVIEW_TITLE), description=self.text, footer=self.note or None, color=COLOR)


def review_block(prompts: Sequence[ReviewPrompt], *, with_path: bool = True, free_rows: int = 5) -> ReviewBlock:
    """Lay due reviews out with buttons in at most `free_rows` rows (one per review)."""
    room = MAX_FIELD_VALUE - len(_rest_note(len(prompts))) - 1
    block = ReviewBlock(tuple(prompts), review_text(prompts, with_path=with_path, limit=room), len(prompts))
    return block.within(free_rows)
