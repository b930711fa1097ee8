"""Handlers for moderators: content status, validate, reload (validate, diff, swap atomically).

The replies are in the moderator's language; the problems found in role files (`bot.content`) are English,
as `waymark content check` prints them, and so are titles and items quoted from the files.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from bot.content.holder import Checked, ContentDiff, PhaseChange, PhaseFacts, Rename
from bot.content.models import ChecklistItem, Problem
from bot.i18n import _, _n
from bot.reminders.planning import replan_unplanned
from bot.render import Card, Field, Reply, clip, fit_message, paginate
from bot.render.limits import MAX_EMBED_TOTAL, MAX_FIELD_VALUE
from bot.services import Caller, Services, UserError

OK_COLOR, BAD_COLOR = 0x57F287, 0xED4245
MAX_LISTED = 15
T = TypeVar("T")


def _require_moderator(caller: Caller) -> None:
    if not caller.is_moderator:
        raise UserError(_("Only moderators (Manage Server, or the moderator role) can manage content."))


def _problems(problems: Sequence[Problem], severity: str) -> list[Problem]:
    return [p for p in problems if p.severity == severity]


def _problem_line(p: Problem) -> str:
    return f"`{p.file}{f':{p.line}' if p.line else ''}` {p.message}"


def _listing(entries: Sequence[T], line: Callable[[T], str], limit: int = MAX_FIELD_VALUE) -> str:
    """Whole lines for the first entries within `limit` characters, and how many more there are.

    Only the lines shown are made: a diff may hold thousands of entries.
    """
    room = limit - len(_more(len(entries)))
    shown: list[str] = []
    used = 0
    for entry in entries[:MAX_LISTED]:
        text = line(entry)
        if used + len(text) > room:
            if not shown:
                shown.append(clip(text, room))
            break
        shown.append(text)
        used += len(text) + 1
    more = len(entries) - len(shown)
    return "\n".join(shown) + (_more(more) if more > 0 else "")


def _more(count: int) -> str:
    return "\n" + _("…and {count} more (run `waymark content check`)", count=count)


Orphan = tuple[str, ChecklistItem, int]


@dataclass(frozen=True)
class Ticks:
    """The learners' ticks a change of content touches: on items it removes (orphaned: kept, and back if the item
    returns) and on items it adds (ticks of an item that returns, back with it)."""

    orphaned: list[Orphan]
    back: list[Orphan]

    def on(self, role: str, item: ChecklistItem) -> int:
        """Return how many learners ticked this removed or added item."""
        return next((n for r, i, n in (*self.orphaned, *self.back) if r == role and i.id == item.id), 0)


async def _ticks(svc: Services, diff: ContentDiff) -> Ticks:
    """Count the learners who ticked the items a change of content removes or adds (their progress is kept)."""
    roles = {role for role, _item in (*diff.items_removed, *diff.items_added)}
    if not roles:
        return Ticks([], [])
    ticked = await svc.store.roles_with_progress()
    counts = {role: await svc.store.progress_counts(role) for role in sorted(roles & ticked)}

    def with_ticks(entries: Sequence[tuple[str, ChecklistItem]]) -> list[Orphan]:
        return [(r, i, counts[r][i.id]) for r, i in entries if r in counts and counts[r].get(i.id)]

    return Ticks(with_ticks(diff.items_removed), with_ticks(diff.items_added))


def _weeks(phase: PhaseFacts) -> str:
    if phase.first_week == phase.last_week:
        return _("week {week}", week=phase.first_week)
    return _("weeks {first}-{last}", first=phase.first_week, last=phase.last_week)


def _phase_line(change: PhaseChange) -> str:
    role, number = change.role, change.number
    old, new = change.old, change.new
    if old is None:
        assert new is not None
        if new.title:
            return _(
                "`{role}` Phase {number} added: {title} ({weeks})",
                role=role,
                number=number,
                title=_title(new),
                weeks=_weeks(new),
            )
        return _("`{role}` Phase {number} added ({weeks})", role=role, number=number, weeks=_weeks(new))
    if new is None:
        if old.title:
            return _(
                "`{role}` Phase {number} removed: {title} ({weeks})",
                role=role,
                number=number,
                title=_title(old),
                weeks=_weeks(old),
            )
        return _("`{role}` Phase {number} removed ({weeks})", role=role, number=number, weeks=_weeks(old))
    parts = []
    changed = change.changed
    if "weeks" in changed:
        parts.append(f"{_weeks(old)} → {_weeks(new)}")
    if "title" in changed:
        parts.append(_("title → {title}", title=clip(new.title, 60)) if new.title else _("title removed"))
    if "objective" in changed:
        if new.objective:
            parts.append(_("objective → {objective}", objective=clip(new.objective, 80)))
        else:
            parts.append(_("objective removed"))
    changes = " · ".join(parts)
    if old.title:
        return _(
            "`{role}` Phase {number} {title}: {changes}", role=role, number=number, title=_title(old), changes=changes
        )
    return _("`{role}` Phase {number}: {changes}", role=role, number=number, changes=changes)


def _title(phase: PhaseFacts) -> str:
    return clip(phase.title, 60)


def _diff_fields(diff: ContentDiff, ticks: Ticks, done: bool) -> list[Field]:
    """Say what a change of content changes (`done`: it was made, else it would be)."""
    fields = []
    if diff.roles_added:
        fields.append(Field(_("Roles added"), clip(", ".join(diff.roles_added[:200]), 1024)))
    if diff.roles_removed:
        fields.append(Field(_("Roles removed"), clip(", ".join(diff.roles_removed[:200]), 1024)))
    if diff.phases:
        fields.append(Field(_("Phases changed"), _listing(diff.phases, _phase_line)))
    renamed_old = {(x.role, x.old.id) for x in diff.renamed}
    renamed_new = {(x.role, x.new.id) for x in diff.renamed}
    if diff.renamed:
        fields.append(Field(_("Checklist items reworded"), _listing(diff.renamed, lambda x: _rename_line(x, ticks))))
    added = [(r, i) for r, i in diff.items_added if (r, i.id) not in renamed_new]
    removed = [(r, i) for r, i in diff.items_removed if (r, i.id) not in renamed_old]
    if added:
        fields.append(Field(_("Checklist items added"), _listing(added, _item_line)))
    if removed:
        fields.append(Field(_("Checklist items removed"), _listing(removed, _item_line)))
    if ticks.orphaned:
        name = (
            _("Progress orphaned (kept, and back if the item returns)")
            if done
            else _("Progress that would be orphaned (kept, and back if the item returns)")
        )
        fields.append(Field(name, _listing(ticks.orphaned, _orphan_line)))
    if ticks.back:
        name = _("Progress back (the ticks of items that returned)") if done else _("Progress that would come back")
        fields.append(Field(name, _listing(ticks.back, _orphan_line)))
    if not fields:
        fields.append(Field(_("Changes"), _("No roles, phases or checklist items change.")))
    return fields


def _orphan_line(orphan: Orphan) -> str:
    role, item, learners = orphan
    return f"`{role}` · {clip(item.text, 80)}: " + _n("{n} learner", "{n} learners", learners)


def _rename_line(x: Rename, ticks: Ticks) -> str:
    """Say an item looks reworded, and how to keep its ticks where the old words have some and the new ones none
    (an item whose new words already have ticks, an ID given back, keeps them as it is)."""
    old, new = clip(x.old.text, 60), clip(x.new.text, 60)
    if ticks.on(x.role, x.old) and not ticks.on(x.role, x.new):
        shown = {"role": x.role, "old": old, "new": new, "id": x.old.id}
        return _("`{role}` {old} → {new} (keep progress: end it with `{{#{id}}}`)", **shown)
    return f"`{x.role}` {old} → {new}"


def _item_line(entry: tuple[str, ChecklistItem]) -> str:
    return f"`{entry[0]}` {clip(entry[1].text, 80)}"


async def status(svc: Services, caller: Caller) -> Reply:
    """Show what is loaded and what is wrong with it."""
    _require_moderator(caller)
    index = svc.content.index
    # An exact timestamp for moderators, ISO in every language.
    loaded = svc.content.loaded_at.isoformat(timespec="seconds") if svc.content.loaded_at else _("at start-up")
    warnings = _problems(index.problems, "warning")
    fields = [
        Field(_("Roles"), clip(", ".join(index.roles) or _("none"), 1024)),
        Field(_("Search entries"), str(len(index.search))),
        Field(_("Loaded"), loaded),
    ]
    if warnings:
        fields.append(Field(_("Warnings ({count})", count=len(warnings)), _listing(warnings, _problem_line)))
    errors = _problems(index.problems, "error")
    if errors:
        fields.append(Field(_("Files left out ({count})", count=len(errors)), _listing(errors, _problem_line)))
    if svc.content.refused is not None:
        at, count = svc.content.refused
        fields.insert(
            0,
            Field(
                _("Last reload refused"),
                _n(
                    "{time}: the folder has {n} error, so the content here stays live. `/content validate` shows it.",
                    "{time}: the folder has {n} errors, so the content here stays live. `/content validate` shows "
                    "them.",
                    count,
                    time=at.isoformat(timespec="seconds"),
                ),
            ),
        )
    folder = _("Folder `{folder}`", folder=svc.content.directory)
    card = Card(title=_("Content status"), description=folder, fields=tuple(fields))
    return Reply(cards=(card,), ephemeral=True)


def _shorten(text: str, limit: int) -> str:
    """Whole lines of `text` within `limit` characters, and a note when some were left out."""
    if len(text) <= limit:
        return text
    note = "\n" + _("…(shortened: run `waymark content check` for all)")
    kept: list[str] = []
    used = len(note)
    for line in text.split("\n"):
        if used + len(line) + 1 > limit:
            break
        kept.append(line)
        used += len(line) + 1
    return "\n".join(kept) + note if kept else clip(text, limit)


def _known_apart(warnings: list[Problem], live: Sequence[Problem]) -> tuple[list[Problem], list[Problem]]:
    """Split warnings into the ones the live content does not have and the ones it has (same file, same words: an
    edit above a problem moves its line, not the problem)."""
    known = Counter((p.file, p.message) for p in live if p.severity == "warning")
    new: list[Problem] = []
    before: list[Problem] = []
    for p in warnings:
        key = (p.file, p.message)
        if known[key]:
            known[key] -= 1
            before.append(p)
        else:
            new.append(p)
    return new, before


def _report(
    title: str, checked: Checked, ticks: Ticks, verdict: str, live: Sequence[Problem], done: bool = False
) -> Reply:
    """Report a check against the live content: its errors, its changes, its new warnings in full and the warnings
    the live content has too as a count (`/content status` lists them), so each reload shows what it brought."""
    errors = _problems(checked.problems, "error")
    new, before = _known_apart(_problems(checked.problems, "warning"), live)
    fields = _diff_fields(checked.diff, ticks, done)
    if errors:
        fields.insert(0, Field(_("Errors ({count})", count=len(errors)), _listing(errors, _problem_line)))
    if new:
        fields.append(Field(_("New warnings ({count})", count=len(new)), _listing(new, _problem_line)))
    if before:
        files = ", ".join(f"`{name}`" for name in dict.fromkeys(p.file for p in before))
        value = _("In {files}: `/content status` lists them.", files=clip(files, MAX_FIELD_VALUE - 60))
        fields.append(Field(_("Warnings as before ({count})", count=len(before)), value))
    # Everything on one card: a second one would not fit the message (6,000 characters) and be lost.
    share = (MAX_EMBED_TOTAL - len(title) - len(verdict) - 100) // len(fields)
    fields = [f if f.length <= share else Field(f.name, _shorten(f.value, share - len(f.name))) for f in fields]
    cards = paginate(title, verdict, fields, color=BAD_COLOR if errors else OK_COLOR)
    return Reply(cards=fit_message(cards)[0], ephemeral=True)


async def validate(svc: Services, caller: Caller) -> Reply:
    """Check the content folder and show what a reload would change, without changing anything."""
    _require_moderator(caller)
    live = svc.content.index.problems
    checked = await svc.content.check()
    verdict = (
        _("A reload would be refused: fix the errors below first.")
        if checked.has_errors
        else _n("A reload would load {n} role.", "A reload would load {n} roles.", checked.role_count)
    )
    return _report(_("Content check"), checked, await _ticks(svc, checked.diff), verdict, live)


async def reload(svc: Services, caller: Caller) -> Reply:
    """Validate the content folder and, when it has no errors, swap the new index in atomically."""
    _require_moderator(caller)
    async with svc.content.lock:
        live = svc.content.index.problems
        # Loading, comparing and keying the new index happen in a worker thread; the swap is assignments.
        checked = await svc.content.check(to_swap=True)
        if checked.has_errors:
            svc.content.refused = (caller.now, len(_problems(checked.problems, "error")))
            verdict = _("Nothing changed: the bot keeps the content it had. Fix the errors below and reload again.")
            return _report(_("Reload refused"), checked, await _ticks(svc, checked.diff), verdict, live)
        svc.content.swap(checked, caller.now)
    await svc.content.release()
    ticks = await _ticks(svc, checked.diff)
    # Learners whose reminders stopped while their path was missing from the content get them back.
    await replan_unplanned(svc, caller.now)
    svc.plans_changed()
    verdict = _n(
        "Reloaded: {n} role is live. No progress was deleted.",
        "Reloaded: {n} roles are live. No progress was deleted.",
        checked.role_count,
    )
    return _report(_("Content reloaded"), checked, ticks, verdict, live, done=True)
