"""Handlers for moderators: content status, validate, reload (validate, diff, swap atomically)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from bot.content.holder import Checked, ContentDiff, PhaseChange, PhaseFacts, Rename
from bot.content.models import ChecklistItem, Problem
from bot.reminders.planning import replan_unplanned
from bot.render import Card, Field, Reply, clip, fit_message, paginate
from bot.render.limits import MAX_EMBED_TOTAL, MAX_FIELD_VALUE
from bot.services import Caller, Services, UserError
from bot.wording import agree, plural

OK_COLOR, BAD_COLOR = 0x57F287, 0xED4245
MAX_LISTED = 15
T = TypeVar("T")


def _require_moderator(caller: Caller) -> None:
    if not caller.is_moderator:
        raise UserError("Only moderators (Manage Server, or the moderator role) can manage content.")


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
    return f"\n…and {count} more (run `waymark content check`)"


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
        return f"week {phase.first_week}"
    return f"weeks {phase.first_week}-{phase.last_week}"


def _phase_line(change: PhaseChange) -> str:
    head = f"`{change.role}` Phase {change.number}"
    old, new = change.old, change.new
    if old is None:
        assert new is not None
        return f"{head} added{':' + _named(new) if new.title else ''} ({_weeks(new)})"
    if new is None:
        return f"{head} removed{':' + _named(old) if old.title else ''} ({_weeks(old)})"
    parts = []
    changed = change.changed
    if "weeks" in changed:
        parts.append(f"{_weeks(old)} → {_weeks(new)}")
    if "title" in changed:
        parts.append(f"title → {clip(new.title, 60)}" if new.title else "title removed")
    if "objective" in changed:
        parts.append(f"objective → {clip(new.objective, 80)}" if new.objective else "objective removed")
    return f"{head}{_named(old)}: " + " · ".join(parts)


def _named(phase: PhaseFacts) -> str:
    return f" {clip(phase.title, 60)}" if phase.title else ""


def _diff_fields(diff: ContentDiff, orphans: list[Orphan]) -> list[Field]:
    fields = []
    if diff.roles_added:
        fields.append(Field("Roles added", clip(", ".join(diff.roles_added[:200]), 1024)))
    if diff.roles_removed:
        fields.append(Field("Roles removed", clip(", ".join(diff.roles_removed[:200]), 1024)))
    if diff.phases:
        fields.append(Field("Phases changed", _listing(diff.phases, _phase_line)))
    renamed_old = {(x.role, x.old.id) for x in diff.renamed}
    renamed_new = {(x.role, x.new.id) for x in diff.renamed}
    if diff.renamed:
        fields.append(Field("Checklist items reworded", _listing(diff.renamed, _rename_line)))
    added = [(r, i) for r, i in diff.items_added if (r, i.id) not in renamed_new]
    removed = [(r, i) for r, i in diff.items_removed if (r, i.id) not in renamed_old]
    if added:
        fields.append(Field("Checklist items added", _listing(added, _item_line)))
    if removed:
        fields.append(Field("Checklist items removed", _listing(removed, _item_line)))
    if orphans:
        fields.append(
            Field(
                "Progress that would be orphaned (kept, and back if the item returns)",
                _listing(orphans, lambda o: f"`{o[0]}` · {clip(o[1].text, 80)}: {plural(o[2], 'learner')}"),
            )
        )
    if not fields:
        fields.append(Field("Changes", "No roles, phases or checklist items change."))
    return fields


def _rename_line(x: Rename) -> str:
    return f"`{x.role}` {clip(x.old.text, 60)} → {clip(x.new.text, 60)} (keep progress: end it with `{{#{x.old.id}}}`)"


def _item_line(entry: tuple[str, ChecklistItem]) -> str:
    return f"`{entry[0]}` {clip(entry[1].text, 80)}"


async def status(svc: Services, caller: Caller) -> Reply:
    """Show what is loaded and what is wrong with it."""
    _require_moderator(caller)
    index = svc.content.index
    loaded = svc.content.loaded_at.isoformat(timespec="seconds") if svc.content.loaded_at else "at start-up"
    warnings = _problems(index.problems, "warning")
    fields = [
        Field("Roles", clip(", ".join(index.roles) or "none", 1024)),
        Field("Search entries", str(len(index.search))),
        Field("Loaded", loaded),
    ]
    if warnings:
        fields.append(Field(f"Warnings ({len(warnings)})", _listing(warnings, _problem_line)))
    errors = _problems(index.problems, "error")
    if errors:
        fields.append(Field(f"Files left out ({len(errors)})", _listing(errors, _problem_line)))
    card = Card(title="Content status", description=f"Folder `{svc.content.directory}`", fields=tuple(fields))
    return Reply(cards=(card,), ephemeral=True)


def _shorten(text: str, limit: int) -> str:
    """Whole lines of `text` within `limit` characters, and a note when some were left out."""
    if len(text) <= limit:
        return text
    note = "\n…(shortened: run `waymark content check` for all)"
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
        fields.insert(0, Field(f"Errors ({len(errors)})", _listing(errors, _problem_line)))
    if warnings:
        fields.append(Field(f"Warnings ({len(warnings)})", _listing(warnings, _problem_line)))
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
        "A reload would be refused: fix the errors below first."
        if checked.has_errors
        else f"A reload would load {plural(checked.role_count, 'role')}."
    )
    return _report("Content check", checked, await _orphans(svc, checked.diff), verdict)


async def reload(svc: Services, caller: Caller) -> Reply:
    """Validate the content folder and, when it has no errors, swap the new index in atomically."""
    _require_moderator(caller)
    async with svc.content.lock:
        # Loading, comparing and keying the new index happen in a worker thread; the swap is assignments.
        checked = await svc.content.check(to_swap=True)
        if checked.has_errors:
            verdict = "Nothing changed: the bot keeps the content it had. Fix the errors below and reload again."
            return _report("Reload refused", checked, await _orphans(svc, checked.diff), verdict)
        svc.content.swap(checked, caller.now)
    await svc.content.release()
    orphans = await _orphans(svc, checked.diff)
    # Learners whose reminders stopped while their path was missing from the content get them back.
    await replan_unplanned(svc, caller.now)
    svc.plans_changed()
    live = checked.role_count
    verdict = f"Reloaded: {plural(live, 'role')} {agree(live, 'is')} live. No progress was deleted."
    return _report("Content reloaded", checked, orphans, verdict)
