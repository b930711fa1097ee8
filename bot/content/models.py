"""Plain data the content engine produces: roles, phases, checklists, sections and problems.

The records a role holds by the ten thousand (sections, topics, checklist items) are named tuples: as
immutable as a frozen dataclass, and several times cheaper to create, which a 1,000-file load notices.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a role file, told so a content author can fix it."""

    file: str
    line: int | None
    severity: Severity
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.severity}: {self.message}"


class Topic(NamedTuple):
    """One bullet or table row of a phase (`text` is Discord markdown), with the bullets nested under it."""

    text: str
    line: int
    children: tuple[Topic, ...] = ()
    title: str = ""  # clean text: the part before a ':', a table row's first cell, a heading in an item
    detail: str = ""  # what is nested under it, as markdown lines (shown with it: its entry's body)


class Subsection(NamedTuple):
    """A part of a phase: a bold-label block (`**SQL Deep Dive:**`) or a sub-heading, with its text and bullets."""

    label: str
    line: int
    text: str = ""
    topics: tuple[Topic, ...] = ()
    end: int | None = None  # a part folded in a '<details>' block: the line of what follows the block, no part of it


PieceKind = Literal["label", "text", "item", "task", "row", "code"]


class Piece(NamedTuple):
    """One block written under a phase heading, in file order: what `/phase` shows, and `/today` a week's share of.

    kind: "label" (a sub-heading or a bold label: `md` is the label as clean text, `rest` what follows it on its
    line), "text" (a line of prose), "item" (a bullet or numbered item), "task" (a task item: `rest` is the note
    written under it), "row" (a table row, shown as a bullet) or "code" (a fenced code block).
    """

    kind: PieceKind
    line: int
    md: str  # Discord markdown
    depth: int = 0  # list nesting
    number: int | None = None  # an item of a numbered list: its number
    quote: bool = False  # written inside a block quote
    rest: str = ""  # a label: what follows it on its line; a row of a week table: its week cell ('Week: 1')
    # a row of a week table inside a phase: the weeks its week cell names; a sub-heading that names weeks ('### Week 6'
    # inside a phase): those
    weeks: tuple[int, int] | None = None
    heading: bool = False  # a label that is a sub-heading ('### Week 1: Git'), not a bold label ('**Lab**')


@dataclass(frozen=True, slots=True)
class Phase:
    """A numbered phase of the path, spanning weeks `first_week`..`last_week` at the nominal pace."""

    number: int
    title: str
    first_week: int
    last_week: int
    line: int
    section_id: str
    objective: str | None = None
    topics: tuple[Topic, ...] = ()
    subsections: tuple[Subsection, ...] = ()
    text: str = ""  # the phase's own prose (Discord markdown), besides its objective
    planned: bool = False  # the file gave no weeks: the engine planned them
    body: tuple[Piece, ...] = ()  # everything written under its heading, in order, but its objective line
    # The days it holds where its parts name them and so give it its weeks ('### Day 11' … '### Day 20' under
    # '## Module 2'): what a day question asks it by; None otherwise
    days: tuple[int, int] | None = None

    @property
    def weeks(self) -> tuple[int, int]:
        return (self.first_week, self.last_week)

    @property
    def heading(self) -> str:
        return f"Phase {self.number}: {self.title}" if self.title else f"Phase {self.number}"

    @property
    def week_span(self) -> str:
        if self.first_week == self.last_week:
            return f"week {self.first_week}"
        return f"weeks {self.first_week}-{self.last_week}"


class ChecklistItem(NamedTuple):
    """A checklist item; learners' progress is keyed on `id` (see `bot.content.ids`); `text` is clean text."""

    id: str
    group: str
    text: str
    line: int
    phase: int | None = None  # the phase it is written in
    parent: str = ""  # the item it is nested under, if any (clean text)
    md: str = ""  # the item as Discord markdown (its links kept), for showing it where it is written
    depth: int = 0  # how many checklist items it is nested under
    note: str = ""  # what is written under it that is no checklist item ('- [Lecture (video)](…)'), markdown lines
    note_after: int = 0  # how many of the note's last lines are written after an item nested under it


# A task item as nested lines write it: '- ☐ Insert', '  1. ☑ Deploy'.
_NESTED_TASK = re.compile(r" *(?:[-*+]|\d+[.)]) [☐☑] ")


def item_note(lines: Iterable[str]) -> str:
    """Return the lines nested under a checklist item that are no checklist item themselves, nor under one (those
    are items of their own): its note, as written under it."""
    return note_parts(lines)[0]


def note_parts(lines: Iterable[str]) -> tuple[str, int]:
    """Return a checklist item's note (`item_note`) and how many of its last lines are written after a checklist
    item nested under it (shown after that item, as written: '- [ ] Git' / '  - [ ] rebase' / '  - 📖 Pro Git')."""
    kept: list[str] = []
    skip_deeper: int | None = None  # the indent of a nested task: what is deeper is that task's
    first_after: int | None = None  # where the lines after the first nested task start in `kept`
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        if skip_deeper is not None and indent > skip_deeper:
            continue
        if _NESTED_TASK.match(line):
            skip_deeper = indent
            if first_after is None:
                first_after = len(kept)
            continue
        skip_deeper = None
        kept.append(line)
    return "\n".join(kept), len(kept) - first_after if first_after is not None else 0


SectionKind = Literal["section", "phase", "subsection", "topic", "checklist", "facts"]


class Section(NamedTuple):
    """A searchable piece of a role: a heading and its text, a phase part, a topic or a fact."""

    id: str
    title: str
    path: tuple[str, ...]
    text: str
    line: int | None
    kind: SectionKind = "section"
    phase: int | None = None

    @property
    def written_title(self) -> str:
        """Return its heading or its bold label as written: a label or a sub-heading written under several headings
        is titled with its heading ('Phase 2: JavaScript › Learn', `bot.content.parse`), and is the last of its path
        ('Learn')."""
        return self.path[-1] if self.kind in ("subsection", "section") and self.path else self.title


@dataclass(frozen=True, slots=True)
class Role:
    """One career path, parsed from one role file."""

    name: str
    display_name: str
    description: str
    file: str
    expertise: tuple[str, ...] = ()
    salary_range: dict[str, str] = field(default_factory=dict)
    timeline_months: dict[str, tuple[int, int]] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    extra: dict[str, object] = field(default_factory=dict)
    title: str = ""
    phases: tuple[Phase, ...] = ()
    checklist: tuple[ChecklistItem, ...] = ()
    sections: tuple[Section, ...] = ()

    @property
    def self_paced(self) -> bool:
        """A path without phases: a checklist and sections to search, no weekly plan."""
        return not self.phases

    @property
    def total_weeks(self) -> int:
        return max((p.last_week for p in self.phases), default=0)

    def phase(self, number: int) -> Phase | None:
        return next((p for p in self.phases if p.number == number), None)

    def trail(self, path: tuple[str, ...]) -> tuple[str, ...]:
        """Return the headings of a place below the path's own name: the file's title (its H1, else the display
        name, which also heads the front-matter facts) is left out, as what shows the trail names the path; a
        first heading of another name (an H2 in a file without an H1) is a place and stays."""
        return path[1:] if path and path[0] in (self.title, self.display_name) else path

    def phase_for_week(self, week: int) -> Phase | None:
        """Return the phase that covers nominal `week`, or the last one before it."""
        found = None
        for p in self.phases:
            if p.first_week <= week:
                found = p
        return found

    def checklist_item(self, item_id: str) -> ChecklistItem | None:
        return next((i for i in self.checklist if i.id == item_id), None)

    @property
    def checklist_groups(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i.group for i in self.checklist))
