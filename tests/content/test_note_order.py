"""What is written under a checklist item that is no task of its own (its note) shows where it is written: the
lines written after the tasks nested under the item show after them in /checklist and /today, as search has them."""

from __future__ import annotations

from bot.content.ids import checklist_item_id
from bot.content.models import Role
from bot.domain.reminders import open_item
from bot.handlers.progress import _chunk_lines, _groups, _places, checklist_pages
from bot.present import NOTE_INDENT, item_entries
from tests.content.helpers import written_role

BODY = (
    "## Phase 1: Tools\n\n"
    "- [ ] Version control\n"
    "  - Start with the basics.\n"
    "  - [ ] Branch and merge\n"
    "  - [ ] Rewrite history\n"
    "  - 📖 [The Git book](https://example.com/git)\n"
    "- [ ] Shell scripting\n"
)


def _checklist(role: Role) -> list[str]:
    places = _places(_groups(role).values())
    return [
        line
        for page in checklist_pages(role)
        for chunk in page
        for entry in _chunk_lines(chunk, (), places, markdown=True, notes=True)
        for line in entry.split("\n")
    ]


def test_a_note_written_after_an_items_tasks_shows_after_them_in_the_checklist():
    role = written_role("tools", BODY)
    gap = NOTE_INDENT
    assert _checklist(role) == [
        "**Phase 1: Tools**",
        "⬜ Version control",
        f"{gap}- Start with the basics.",
        f"{gap}⬜ Branch and merge",
        f"{gap}⬜ Rewrite history",
        f"{gap}- 📖 [The Git book](https://example.com/git)",
        "⬜ Shell scripting",
    ]
    # the note is the item's as before: its words, its ID
    item = role.checklist[0]
    assert item.note == "- Start with the basics.\n- 📖 [The Git book](https://example.com/git)"
    assert item.id == checklist_item_id("Version control")


def test_a_note_after_the_tasks_follows_the_item_where_its_tasks_are_not_listed():
    role = written_role("tools", BODY)
    open_items = [open_item(i) for i in role.checklist if i.text not in ("Branch and merge", "Rewrite history")]
    lines = [line for entry, _ in item_entries(open_items) for line in entry.split("\n")]
    assert lines == [
        "⬜ Version control",
        f"{NOTE_INDENT}- Start with the basics.",
        f"{NOTE_INDENT}- 📖 [The Git book](https://example.com/git)",
        "⬜ Shell scripting",
    ]
    every = [line for entry, _ in item_entries([open_item(i) for i in role.checklist]) for line in entry.split("\n")]
    assert every[-2:] == [f"{NOTE_INDENT}- 📖 [The Git book](https://example.com/git)", "⬜ Shell scripting"]
