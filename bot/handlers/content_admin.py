"""Handlers for moderators: content status, validate, reload (validate, diff, swap atomically).

The replies are in the moderator's language; the problems found in role files (`bot.content`) are English,
as `waymark content check` prints them, and so are titles and items quoted from the files.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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


async def _orphans(svc: Services, diff: ContentDiff) -> list[Orphan]:
    """Count learners whose ticked items the new index no longer has (their progress is kept)."""
    by_role: dict[str, list[ChecklistItem]] = {}
    for role, item in diff.items_removed:
        by_role.setdefault(role, []).append(item)
    if not by_role:
        return []
    ticked = await svc.store.roles_with_progress()
    found: list[Orphan] = []
    for role, items in by_role.items():
        if role in ticked:
            counts = await svc.store.progress_counts(role)
            found.extend((role, item, counts[item.id]) for item in items if counts.get(item.id))
    return found


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


def _diff_fields(diff: ContentDiff, orphans: list[Orphan]) -> list[Field]:
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
        fields.append(Field(_("Checklist items reworded"), _listing(diff.renamed, _rename_line)))
    added = [(r, i) for r, i in diff.items_added if (r, i.id) not in renamed_new]
    removed = [(r, i) for r, i in diff.items_removed if (r, i.id) not in renamed_old]
    if added:
        fields.append(Field(_("Checklist items added"), _listing(added, _item_line)))
    if removed:
        fields.append(Field(_("Checklist items removed"), _listing(removed, _item_line)))
    if orphans:
        fields.append(
            Field(
                _("Progress that would be orphaned (kept, and back if the item returns)"),
                _listing(orphans, _orphan_line),
            )
        )
    if not fields:
        fields.append(Field(_("Changes"), _("No roles, phases or checklist items change.")))
    return fields


def _orphan_line(orphan: Orphan) -> str:
    role, item, learners = orphan
    return f"`{role}` · {clip(item.text, 80)}: " + _n("{n} learner", "{n} learners", learners)


def _rename_line(x: Rename) -> str:
    return _(
        "`{role}` {old} → {new} (keep progress: end it with `{{#{id}}}`)",
        role=x.role,
        old=clip(x.old.text, 60),
        new=clip(x.new.text, 60),
        id=x.old.id,
    )


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


def _report(title: str, checked: Checked, orphans: list[Orphan], verdict: str) -> Reply:
    errors = _problems(checked.problems, "error")
    warnings = _problems(checked.problems, "warning")
    fields = _diff_fields(checked.diff, orphans)
    if errors:
        fields.insert(0, Field(_("Errors ({count})", count=len(errors)), _listing(errors, _problem_line)))
    if warnings:
        fields.append(Field(_("Warnings ({count})", count=len(warnings)), _listing(warnings, _problem_line)))
    # Everything on one card: a second one would not fit the message (6,000 characters) and be lost.
    share = (MAX_EMBED_TOTAL - len(title) - len(verdict) - 100) // len(fields)
    fields = [f if f.length <= share else Field(f.name, _shorten(f.value, share - len(f.name))) for f in fields]
    cards = paginate(title, verdict, fields, color=BAD_COLOR if errors else OK_COLOR)
    return Reply(cards=fit_message(cards)[0], ephemeral=True)


async def validate(svc: Services, caller: Caller) -> Reply:
    """Check the content folder and show what a reload would change, without changing anything."""
    _require_moderator(caller)
    checked = await svc.content.check()
    verdict = (
        _("A reload would be refused: fix the errors below first.")
        if checked.has_errors
        else _n("A reload would load {n} role.", "A reload would load {n} roles.", checked.role_count)
    )
    return _report(_("Content check"), checked, await _orphans(svc, checked.diff), verdict)


async def reload(svc: Services, caller: Caller) -> Reply:
    """Validate the content folder and, when it has no errors, swap the new index in atomically."""
    _require_moderator(caller)
    async with svc.content.lock:
        # Loading, comparing and keying the new index happen in a worker thread; the swap is assignments.
        checked = await svc.content.check(to_swap=True)
        if checked.has_errors:
            verdict = _("Nothing changed: the bot keeps the content it had. Fix the errors below and reload again.")
            return _report(_("Reload refused"), checked, await _orphans(svc, checked.diff), verdict)
        svc.content.swap(checked, caller.now)
    await svc.content.release()
    orphans = await _orphans(svc, checked.diff)
    # Learners whose reminders stopped while their path was missing from the content get them back.
    await replan_unplanned(svc, caller.now)
    svc.plans_changed()
    live = checked.role_count
    verdict = _n(
        "Reloaded: {n} role is live. No progress was deleted.",
        "Reloaded: {n} roles are live. No progress was deleted.",
        live,
    )
    return _report(_("Content reloaded"), checked, orphans, verdict)
