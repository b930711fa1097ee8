"""Handlers for a learner's progress: the checklist, ticking items, the progress card, their data."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import datetime, time
from typing import NamedTuple, NoReturn, TypeVar

from bot import components
from bot.content import pick
from bot.content.markdown import escape
from bot.content.models import ChecklistItem, Role
from bot.domain.pace import finish_date, pace_status
from bot.domain.streaks import streak_status
from bot.domain.weeks import local_today, week_number
from bot.domain.zones import zone_or_utc
from bot.handlers.inputs import check_proof
from bot.handlers.learning import enrolled_plan, path_card, plan_buttons
from bot.i18n import _, _n, cmd, format_date
from bot.present import (
    COLOR,
    confirm,
    item_names,
    lead_in,
    note_lines,
    note_parts,
    option_context,
    pace_text,
    phase_heading,
    sited_names,
    streak_text,
    tree_entries,
    week_status,
    zone_note,
)
from bot.reminders.planning import replan_user
from bot.reminders.review import first_review_due
from bot.render import (
    Attachment,
    Button,
    Card,
    Field,
    Reply,
    Select,
    SelectOption,
    clip,
    escape_user_text,
    fit_lines,
    fit_message,
)
from bot.render import progress_bar as bar
from bot.render.limits import (
    MAX_EMBED_DESCRIPTION,
    MAX_EMBED_TOTAL,
    MAX_FIELD_VALUE,
    MAX_OPTION_LABEL,
    MAX_SELECT_OPTIONS,
)
from bot.services import Caller, Member, Plan, Response, Services, UserError, no_live_path, plan_for
from bot.store.models import FOLLOWED, Enrollment

SELECTS_PER_PAGE = 4  # a fifth row holds the page buttons
DEFAULT_REMINDER_DAY = 0  # Monday
DEFAULT_REMINDER_TIME = time(9, 0)
MENU_NAME = 100  # a menu's name is clipped to this before the items it holds are added: they tell menus apart
T = TypeVar("T")


class Places(NamedTuple):
    """Where each item of a checklist is in its group and in its phase, as `/checklist` lists them (from 1)."""

    in_group: dict[str, int]  # item ID -> its place in its group
    in_phase: dict[str, int]  # item ID -> its place among its phase's items
    group_size: dict[str, int]
    phase_size: dict[int, int]


def _places(groups: Iterable[Sequence[ChecklistItem]]) -> Places:
    places = Places({}, {}, {}, {})
    for items in groups:
        places.group_size[items[0].group] = len(items)
        for n, item in enumerate(items, start=1):
            places.in_group[item.id] = n
            if item.phase is not None:
                places.phase_size[item.phase] = places.in_phase[item.id] = places.phase_size.get(item.phase, 0) + 1
    return places


def _groups(role: Role) -> dict[str, list[ChecklistItem]]:
    """Return a checklist's items by group, groups in the order first written."""
    # One pass over the items, not one per group: a checklist may have thousands of groups.
    groups: dict[str, list[ChecklistItem]] = {}
    for item in role.checklist:
        groups.setdefault(item.group, []).append(item)
    return groups


def _span(first: int, last: int, size: int) -> str:
    """Return ' (26–40)' for a menu or heading that holds items 26 to 40 of a longer list, nothing for all of it."""
    return "" if first == 1 and last == size else f" ({first}–{last})"


def checklist_pages(role: Role) -> list[list[list[ChecklistItem]]]:
    """Chunk a checklist into pages of up to four selects of up to 25 items, keeping groups together, and no more
    selects to a page than its items' lines fit in (links and notes included: `_chunk_lines`).

    Groups written in one phase share a select while they fit: a syllabus's `Day N` headings of an item or two
    each would otherwise take a select apiece, and pages of them."""
    groups = _groups(role)
    places = _places(groups.values())
    chunks: list[list[ChecklistItem]] = []
    for items in groups.values():
        for start in range(0, len(items), MAX_SELECT_OPTIONS):
            piece = items[start : start + MAX_SELECT_OPTIONS]
            last = chunks[-1] if chunks else None
            if (
                last is not None
                and start == 0
                and piece[0].phase is not None
                and last[-1].phase == piece[0].phase
                and len(last) + len(piece) <= MAX_SELECT_OPTIONS
            ):
                last.extend(piece)
            else:
                chunks.append(list(piece))
    pages: list[list[list[ChecklistItem]]] = []
    size = 0
    for chunk in chunks:
        need = len("\n".join(_chunk_lines(chunk, (), places, markdown=True, notes=True))) + 1  # ticks: same size
        if not pages or len(pages[-1]) == SELECTS_PER_PAGE or size + need > MAX_EMBED_DESCRIPTION + 1:
            pages.append([])
            size = 0
        pages[-1].append(chunk)
        size += need
    return pages or [[]]


def _derived(svc: Services, role: Role, what: str, make: Callable[[Role], T]) -> T:
    """Return `make(role)`, worked out once per loaded index."""
    index = svc.content.index
    if index.roles.get(role.name) is not role:  # read before a reload: worked out, not kept with the new index
        return make(role)
    return index.search.derived((what, role.name), lambda: make(role))


def _pages_of(svc: Services, role: Role) -> list[list[list[ChecklistItem]]]:
    """Return `checklist_pages(role)`, worked out once per loaded index: sizing the pages lays out every item's line
    (46 ms at 15,000 items), and each page view and each tick asks for them."""
    return _derived(svc, role, "checklist pages", checklist_pages)


def _places_of(svc: Services, role: Role) -> Places:
    return _derived(svc, role, "checklist places", lambda r: _places(_groups(r).values()))


def _chunk_lines(
    chunk: Sequence[ChecklistItem], done: Collection[str], places: Places, *, markdown: bool, notes: bool
) -> list[str]:
    """Return a select's items as `/checklist` lists them, under their group's line (with which of its items they
    are, where the group has more than this select): under the bullet they are written under (no checklist item
    itself: 'Trees'), if any, their box, their name (with its links when `markdown`) and their note under it when
    `notes` (an item and its note are one line to `fit_lines`, never parted)."""
    lines = []
    names = item_names(chunk, groups_shown=True, parents_shown=True, markdown=markdown)

    def line(n: int, gap: str) -> str:
        i = chunk[n]
        shown = f"{gap}{'✅' if i.id in done else '⬜'} {names[n]}"
        note = note_parts(i)[0]
        return "\n".join([shown, *note_lines(note, indent=gap)]) if notes and note else shown

    def after(n: int, gap: str) -> str:  # the part of its note written after the items nested under it
        tail = note_parts(chunk[n])[1]
        return "\n".join(note_lines(tail, indent=gap)) if notes and tail else ""

    start = 0
    while start < len(chunk):  # a select may hold several small groups of one phase
        first = chunk[start]
        end = start
        while end + 1 < len(chunk) and chunk[end + 1].group == first.group:
            end += 1
        span = _span(places.in_group[first.id], places.in_group[chunk[end].id], places.group_size[first.group])
        lines.append(f"**{escape(first.group)}{span}**")
        run = tree_entries(
            chunk[start : end + 1],
            lambda n, gap, at=start: line(at + n, gap),
            lambda n, gap, at=start: after(at + n, gap),
        )
        lines.extend(text for text, _item in run)
        start = end + 1
    return lines


def _menu_name(role: Role, chunk: Sequence[ChecklistItem], places: Places) -> str:
    """Name a checklist select: its group, or the phase of the groups it holds, and which of their items it holds
    where they are more than it holds ('Week 3 (26–40)')."""
    first, last = chunk[0], chunk[-1]
    group = lead_in(first.group)  # the menu's name is followed by a colon of its own
    if all(item.group == first.group for item in chunk):
        span = _span(places.in_group[first.id], places.in_group[last.id], places.group_size[first.group])
        return clip(group, MENU_NAME) + span
    if first.phase is None:
        return clip(group, MENU_NAME)
    phase = role.phase(first.phase)
    span = _span(places.in_phase[first.id], places.in_phase[last.id], places.phase_size[first.phase])
    return clip(phase_heading(first.phase, phase.title if phase is not None else ""), MENU_NAME) + span


async def _done_ids(svc: Services, caller: Caller, role: str) -> dict:
    return await svc.store.get_progress(caller.user_id, role)


@components.CHECKLIST.handles
async def checklist_view(svc: Services, caller: Caller, role: str | None = None, page: int = 0) -> Reply:
    """Show a path's checklist with menus to tick and untick items."""
    plan = await enrolled_plan(svc, caller, role)
    r = plan.role
    if not r.checklist:
        raise UserError(_("{path} has no checklist.", path=r.display_name))
    pages = _pages_of(svc, r)
    page = max(0, min(page, len(pages) - 1))
    done = await _done_ids(svc, caller, r.name)
    count = sum(1 for i in r.checklist if i.id in done)
    places = _places_of(svc, r)

    def lines_of(markdown: bool, notes: bool = False) -> list[str]:
        return [
            line for chunk in pages[page] for line in _chunk_lines(chunk, done, places, markdown=markdown, notes=notes)
        ]

    # The items with their links and notes; where one select's items would not fit so (pages are cut to fit them,
    # but a select is never cut), without the notes, then every item in its plain words, and the footer says so.
    lines = lines_of(markdown=True, notes=True)
    left_out = ""
    if len("\n".join(lines)) > MAX_EMBED_DESCRIPTION and (shorter := lines_of(markdown=True)) != lines:
        lines = shorter
        left_out = _("Notes under items are left out to fit: {phase} shows them.", phase=cmd("phase"))
    if len("\n".join(lines)) > MAX_EMBED_DESCRIPTION and (shorter := lines_of(markdown=False)) != lines:
        lines = shorter
        left_out = _("Links and notes are left out to fit: {phase} shows them.", phase=cmd("phase"))
    if len(pages) > 1:
        footer = _(
            "Pick items in a menu to tick them; unpick to untick. · Page {page}/{pages}",
            page=page + 1,
            pages=len(pages),
        )
    else:
        footer = _("Pick items in a menu to tick them; unpick to untick.")
    if left_out:
        footer = f"{left_out} {footer}"
    card = Card(
        title=clip(_("{path} · checklist", path=r.display_name), 256),
        description=fit_lines(lines, MAX_EMBED_DESCRIPTION),
        fields=(Field(_("Done"), bar(count, len(r.checklist))),),
        footer=footer,
        color=COLOR,
    )
    rows: list = []
    for n, chunk in enumerate(pages[page]):
        several = len({i.group for i in chunk}) > 1  # the menu's name is their phase: each item says its group
        options = tuple(
            SelectOption(clip(name, MAX_OPTION_LABEL), i.id, option_context(i, several), default=i.id in done)
            for i, name in zip(chunk, sited_names(chunk), strict=True)
        )
        rows.append(
            Select(
                tick_menu_id(r.name, page, n, chunk, done),
                options,
                placeholder=clip(_("{group}: tick what you've done", group=_menu_name(r, chunk, places)), 150),
                min_values=0,
                max_values=len(options),
            )
        )
    if len(pages) > 1:
        rows.append(
            (
                Button(_("◀ Previous"), custom_id=components.CHECKLIST.id(r.name, page - 1), disabled=page == 0),
                Button(
                    _("Next ▶"), custom_id=components.CHECKLIST.id(r.name, page + 1), disabled=page == len(pages) - 1
                ),
            )
        )
    return Reply(cards=(card,), rows=tuple(rows), ephemeral=True)


def _chunk_digest(chunk: Sequence[ChecklistItem]) -> str:
    return hashlib.blake2s("\n".join(i.id for i in chunk).encode(), digest_size=3).hexdigest()


def tick_menu_id(role: str, page: int, select: int, chunk: Sequence[ChecklistItem], done: Collection[str]) -> str:
    """Return a checklist menu's custom ID: where it is, which items it showed ticked, and which items it held.

    The menu's answer only names the picked options, so what changed is worked out against what the menu
    *showed*: an item ticked elsewhere since (with /done, or in another copy of the menu) is left alone.
    """
    shown = sum(1 << n for n, item in enumerate(chunk) if item.id in done)
    return components.TICK.id(role, page, select, f"{shown:x}", _chunk_digest(chunk))


@components.TICK.handles
async def tick_selected(
    svc: Services,
    caller: Caller,
    role: str,
    page: int,
    select: int,
    shown_hex: str,
    digest: str,
    values: Sequence[str],
) -> Response:
    """Apply a checklist menu: tick what was picked and untick what was unpicked, relative to what it showed."""
    plan = await enrolled_plan(svc, caller, role)
    pages = _pages_of(svc, plan.role)
    if page >= len(pages) or select >= len(pages[page]) or _chunk_digest(pages[page][select]) != digest:
        raise UserError(
            _("This checklist changed since it was shown. Open it again with {checklist}.", checklist=cmd("checklist"))
        )
    chunk = pages[page][select]
    try:
        shown_bits = int(shown_hex, 16)
    except ValueError:
        raise UserError(
            _("This checklist menu is damaged. Open it again with {checklist}.", checklist=cmd("checklist"))
        ) from None
    was_ticked = {item.id for n, item in enumerate(chunk) if shown_bits >> n & 1}
    picked = set(values) & {item.id for item in chunk}
    review_due = await first_review_due(svc, caller.user_id, caller.now)
    for item in chunk:
        if item.id in picked and item.id not in was_ticked:
            await svc.store.set_item_done(caller.user_id, plan.role.name, item.id, caller.now, review_due=review_due)
        elif item.id in was_ticked and item.id not in picked:
            await svc.store.set_item_undone(caller.user_id, plan.role.name, item.id)
    return Response(await checklist_view(svc, caller, plan.role.name, page), update=True)


def item_choices(roles: Sequence[Role], query: str, limit: int = 25) -> list[tuple[str, str]]:
    """Return (label, value) pairs of checklist items matching what the user typed, for autocomplete."""
    items = [(r, i) for r in roles for i in r.checklist]
    if not items:
        return []
    many = len(roles) > 1
    names = [name for r in roles for name in item_names(r.checklist)]
    labels = [f"{name} ({r.display_name})" if many else name for (r, _i), name in zip(items, names, strict=True)]
    if query.strip():
        picks = [fit.index for fit in pick.rank(query, names)[:limit]]
    else:
        picks = list(range(min(limit, len(items))))
    return [(clip(labels[k], 100), f"{items[k][0].name}:{items[k][1].id}") for k in picks]


MIN_FOUND = 0.5  # an item must hold half the words typed (typos forgiven) to be ticked by them
MAX_CANDIDATES = 5  # the items an ambiguous /done lists; the rest are counted


def _where(role: Role, item: ChecklistItem) -> str:
    """Return where an item is written, as `/checklist` shows it: its path, its group and the bullet it is under
    ('Backend Engineer › Phase 2: Data › Linked lists')."""
    return " › ".join(part for part in (role.display_name, item.group, item.parent) if part)


def _matching(query: str, pairs: Sequence[tuple[Role, ChecklistItem]], names: Sequence[str]) -> list[pick.Fit]:
    """Find the items a learner named: the one whose title they typed, else those holding the most typed words
    (typos and case forgiven); one of them is the item meant, several fit alike (see `_refuse`)."""
    fits = [fit for fit in pick.rank(query, names) if fit.found >= MIN_FOUND]
    if not fits:
        raise UserError(
            _(
                "No checklist item like '{item}' in your paths. See them all with {checklist}.",
                item=escape_user_text(query, 80),
                checklist=cmd("checklist"),
            )
        )
    # A name or title typed whole is meant, unless several items have it (two paths may both hold it).
    typed = pick.words(query)
    whole = [f for f in fits if f.found == 1 and (f.exact or pick.words(pairs[f.index][1].text) == typed)]
    return whole or pick.best(fits)


def _refuse(
    query: str, pairs: Sequence[tuple[Role, ChecklistItem]], top: Sequence[pick.Fit], current: Mapping[str, int]
) -> NoReturn:
    """Say that several items fit what was typed, so none is ticked, and list them with where each is: those of the
    phase each path is in (`current`: its number by role name) first, then in the file's order; the rest counted."""
    top = sorted(top, key=lambda f: (pairs[f.index][1].phase != current.get(pairs[f.index][0].name, -1), f.index))
    lines = [
        f"• **{escape_user_text(pairs[f.index][1].text, 60)}** ({escape_user_text(_where(*pairs[f.index]), 120)})"
        for f in top[:MAX_CANDIDATES]
    ]
    if len(top) > MAX_CANDIDATES:
        more = len(top) - MAX_CANDIDATES
        lines.append(_n("…and {n} more", "…and {n} more", more, n=str(more)))
    raise UserError(
        _(
            "'{item}' fits several items, so none is ticked:\n{options}\nPick one in the list {done} shows as you "
            "type, or type more of its words.",
            item=escape_user_text(query, 80),
            options="\n".join(lines),
            done=cmd("done", item=""),
        )
    )


async def _current_phases(svc: Services, caller: Caller, enrollments: Sequence[Enrollment]) -> dict[str, int]:
    """Return the number of the phase the learner is in on each of these paths (a self-paced one, or one not begun
    or between phases, has none)."""
    learner = await svc.store.get_learner(caller.user_id)
    tz = learner.timezone if learner is not None else "UTC"
    current: dict[str, int] = {}
    for e in enrollments:
        at = plan_for(svc.content.index.roles[e.role], e, caller.now, tz).position.phase
        if at is not None:
            current[e.role] = at.number
    return current


async def done(svc: Services, caller: Caller, item: str, proof: str | None = None) -> Reply:
    """Tick one checklist item, found by autocomplete value or by (fuzzy) name."""
    if not item.strip():
        raise UserError(
            _(
                "Say which item to tick: type a few of its words after {done} (autocomplete lists them), or tick "
                "it in {checklist}.",
                done=cmd("done", item=""),
                checklist=cmd("checklist"),
            )
        )
    proof = check_proof(proof)
    enrollments = await svc.store.list_enrollments(caller.user_id, FOLLOWED)
    roles = [svc.content.index.roles[e.role] for e in enrollments if e.role in svc.content.index.roles]
    if not roles:
        raise no_live_path(enrollments)
    target: tuple[Role, ChecklistItem] | None = None
    role_name, _colon, item_id = item.partition(":")
    for r in roles:
        if r.name == role_name and r.checklist_item(item_id):
            target = (r, r.checklist_item(item_id))
    names = {(r.name, i.id): name for r in roles for i, name in zip(r.checklist, item_names(r.checklist), strict=True)}
    if target is None:
        pairs = [(r, i) for r in roles for i in r.checklist]
        if not pairs:
            raise UserError(
                _n(
                    "{paths} has no checklist, so there is nothing to tick.",
                    "{paths} have no checklist, so there is nothing to tick.",
                    len(roles),
                    paths=", ".join(r.display_name for r in roles),
                )
            )
        top = _matching(item, pairs, [names[r.name, i.id] for r, i in pairs])
        if len(top) > 1:
            live = [e for e in enrollments if e.role in svc.content.index.roles]
            _refuse(item, pairs, top, await _current_phases(svc, caller, live))
        target = pairs[top[0].index]
    r, it = target
    review_due = await first_review_due(svc, caller.user_id, caller.now)
    changed = await svc.store.set_item_done(caller.user_id, r.name, it.id, caller.now, proof, review_due)
    progress = await svc.store.get_progress(caller.user_id, r.name)
    count = sum(1 for i in r.checklist if i.id in progress)
    # Where the item is written, as the learner's /checklist groups it: 'insert' is under Heap, not Trees
    shown = {"item": escape_user_text(it.text), "path": escape(_where(r, it))}
    ticked = _("Ticked: **{item}** ({path})", **shown) if changed else _("Already ticked: **{item}** ({path})", **shown)
    text = f"{ticked}\n{bar(count, len(r.checklist))}"
    if proof:
        text += "\n" + _("Proof: <{proof}>", proof=proof)
    return Reply(content=clip(text, 2000), ephemeral=True)


async def _progress_card(
    svc: Services,
    user_id: int,
    name: str,
    plan: Plan,
    tz: str,
    now: datetime,
    proof_room: int = MAX_FIELD_VALUE,
) -> Card:
    r = plan.role
    progress = await svc.store.get_progress(user_id, r.name)
    done_items = [i for i in r.checklist if i.id in progress]
    tz = zone_or_utc(tz)  # a stored zone unusable here counts in UTC (the reply says so)
    today = local_today(now, tz)
    start, shift = plan.enrollment.start_date, plan.enrollment.week_shift
    checked_in = await svc.store.list_checkins(user_id, r.name)
    streak = streak_status((p.done_at for p in progress.values()), start, today, tz, checked_in=checked_in)
    fields = [Field(_("Where"), clip(week_status(plan, titled=True), MAX_FIELD_VALUE))]
    if not plan.self_paced:
        fields.append(Field(_("Finish"), format_date(finish_date(start, plan.total_weeks, shift))))
        pace = pace_status(len(done_items), len(r.checklist), start, today, plan.total_weeks, shift, plan.due_weeks())
        fields.append(Field(_("Pace"), pace_text(pace)))
    if r.checklist:  # a path without one has no bar to fill
        fields.append(Field(_("Checklist"), bar(len(done_items), len(r.checklist))))
    fields.append(Field(_("Streak"), streak_text(streak)))
    proofs = [(i, progress[i.id].proof) for i in done_items if progress[i.id].proof]
    if proofs and proof_room >= 40:
        lines = [f"[{escape_user_text(i.text, 60)}]({url})" for i, url in proofs]
        fields.append(Field(_("Proof"), fit_lines(lines, min(proof_room, MAX_FIELD_VALUE))))
    return Card(title=clip(f"{name} · {r.display_name}", 256), fields=tuple(fields), color=COLOR)


async def progress(svc: Services, caller: Caller, member: Member | None = None, share: bool = False) -> Reply:
    """Show a learner's progress on each active path; another member's only if they made it visible."""
    user_id = member.user_id if member is not None else caller.user_id
    name = member.name if member is not None else caller.name
    learner = await svc.store.get_learner(user_id)
    own = user_id == caller.user_id
    if not own and (learner is None or not learner.progress_visible):
        raise UserError(_("{name} hasn't made their progress visible.", name=escape_user_text(name)))
    if learner is None:
        learner = await svc.store.ensure_learner(user_id, caller.now)
    active = await svc.store.list_enrollments(user_id, FOLLOWED)
    enrollments = [e for e in active if e.role in svc.content.index.roles]
    if not enrollments:
        if own:
            raise no_live_path(active)
        raise UserError(_("{name} isn't following any path.", name=escape_user_text(name)))
    plans = [plan_for(svc.content.index.roles[e.role], e, caller.now, learner.timezone) for e in enrollments[:10]]
    shown = escape_user_text(name)
    cards = [await _progress_card(svc, user_id, shown, p, learner.timezone, caller.now) for p in plans]
    if sum(c.length for c in cards) > MAX_EMBED_TOTAL:  # many paths and proofs: share out the room for proofs
        bare = [await _progress_card(svc, user_id, shown, p, learner.timezone, caller.now, 0) for p in plans]
        room = (MAX_EMBED_TOTAL - sum(c.length for c in bare)) // len(bare) - len(_("Proof"))
        cards = [await _progress_card(svc, user_id, shown, p, learner.timezone, caller.now, room) for p in plans]
    rows = ()
    if own and not share:
        visible = learner.progress_visible
        label = _("Hide my progress from others") if visible else _("Let others see my progress")
        rows = ((Button(label, custom_id=components.VISIBILITY.id(not visible)),),)
    note = zone_note(learner.timezone) if own else ""  # another member's zone is theirs to know
    return Reply(content=note, cards=fit_message(cards)[0], rows=rows, ephemeral=not share)


@components.VISIBILITY.handles
async def set_visibility(svc: Services, caller: Caller, visible: bool) -> Response:
    """Let other members see the caller's progress, or not."""
    await svc.store.ensure_learner(caller.user_id, caller.now)
    await svc.store.set_progress_visible(caller.user_id, visible, caller.now)
    return Response(await progress(svc, caller), update=True)


@components.REMINDERS.handles
async def toggle_reminders(svc: Services, caller: Caller, role: str) -> Response:
    """Turn the caller's weekly reminders on or off."""
    current = await svc.store.get_reminder_settings(caller.user_id)
    enabled = not (current.enabled if current else True)
    await svc.store.set_reminder_settings(
        caller.user_id,
        enabled=enabled,
        weekday=current.weekday if current else DEFAULT_REMINDER_DAY,
        local_time=current.local_time if current else DEFAULT_REMINDER_TIME,
        timezone=current.timezone if current else None,
        paused_until=current.paused_until if current else None,
        now=caller.now,
    )
    await replan_user(svc, caller.user_id, caller.now)
    svc.plans_changed()
    said = _("Weekly reminders are on.") if enabled else _("Weekly reminders are off.")
    try:
        plan = await enrolled_plan(svc, caller, role)
    except UserError:  # the path was left since: just say what changed
        return Response(Reply(content=said, ephemeral=True))
    # The button is on the path card: show that card again, its button offering the opposite now.
    done = await svc.store.get_progress(caller.user_id, plan.role.name)
    headline = _("Weekly reminders on") if enabled else _("Weekly reminders off")
    return Response(
        Reply(
            content=said,
            cards=(path_card(plan, headline, done),),
            rows=(plan_buttons(plan, enabled),),
            ephemeral=True,
        ),
        update=True,
    )


async def export_data(svc: Services, caller: Caller) -> Reply:
    """Send everything stored about the caller as a JSON file."""
    data = await svc.store.export_user(caller.user_id)
    payload = json.dumps(data, indent=2, ensure_ascii=False, default=str).encode()
    return Reply(
        content=_("Here is everything Waymark stores about you."),
        files=(Attachment(f"waymark-data-{caller.user_id}.json", payload),),
        ephemeral=True,
    )


async def delete_data(svc: Services, caller: Caller) -> Reply:
    """Ask the caller to confirm deleting everything stored about them."""
    return confirm(
        _(
            "Delete **everything** Waymark stores about you: paths, progress, reminders, groups? "
            "This cannot be undone. ({export} first if you want a copy.)",
            export=cmd("my-data export"),
        ),
        _("Delete everything"),
        components.ERASE.id(caller.user_id),
    )


@components.ERASE.handles
async def confirm_delete(svc: Services, caller: Caller, owner_id: int) -> Response:
    """Delete everything about the caller, after they confirmed."""
    if owner_id != caller.user_id:
        raise UserError(_("This button belongs to someone else."))
    removed = await svc.store.delete_user(caller.user_id)
    gone = _n("Deleted: {n} record about you is gone.", "Deleted: {n} records about you are gone.", removed)
    return Response(Reply(content=gone, ephemeral=True), update=True)


@components.CHECK_IN.handles
async def check_in(svc: Services, caller: Caller, role: str) -> Reply:
    """Count this week of the path for the streak: the learner worked on it, whether or not they ticked an item.

    One check-in a path week is kept; a second says the week already counts.
    """
    plan = await enrolled_plan(svc, caller, role)
    if plan.position.status == "not_started":
        start = format_date(plan.enrollment.start_date)
        raise UserError(
            _(
                "Your {path} path starts on {date}: check in once it has begun.",
                path=plan.role.display_name,
                date=start,
            )
        )
    learner = await svc.store.ensure_learner(caller.user_id, caller.now)
    tz = zone_or_utc(learner.timezone)
    today = local_today(caller.now, tz)
    start = plan.enrollment.start_date
    week = week_number(start, today)
    checked_in = await svc.store.list_checkins(caller.user_id, plan.role.name)
    already = any(week_number(start, local_today(at, tz)) == week for at in checked_in)
    if not already:
        await svc.store.add_checkin(caller.user_id, plan.role.name, caller.now)
        checked_in = [*checked_in, caller.now]
    progress = await svc.store.get_progress(caller.user_id, plan.role.name)
    streak = streak_status((p.done_at for p in progress.values()), start, today, tz, checked_in=checked_in)
    fields = {"week": week, "path": plan.role.display_name, "streak": streak_text(streak)}
    if already:
        text = _("✅ Week {week} of {path} already counts for your streak. Streak: {streak}.", **fields)
    else:
        text = _("✅ Week {week} of {path} counts for your streak. Streak: {streak}.", **fields)
    return Reply(content=text, ephemeral=True)
