"""This week's slice of a phase: which of its topics a learner works on in one week, with links and a next step.

Pure: no I/O and no clock. The caller passes the phase as written (`bot.content.models.Phase`), where
it falls on the learner's schedule (`bot.domain.weeks.ScheduledPhase`) and the path week
(`bot.domain.weeks.position`).

Rules
-----
Units
    A phase's work is its top-level topics and its parts (a sub-heading or bold label with its prose
    and topics), in the order they are written. Slicing counts *atoms*: each top-level topic, each
    topic of a part, and a part that has prose but no topics, is one atom. A phase with neither
    topics nor parts but with prose of its own has that prose as its single atom; a phase with
    nothing at all has no atoms, and every week's slice is empty (its checklist items still give a
    next step).

Regular weeks
    With N atoms over W weeks, the first ``k = min(N, W)`` weeks share the atoms: every atom goes to
    exactly one of them, in order, and none of them is empty. A part *fits a week* when it has at
    most ``C = ceil(N / k)`` atoms. Of all the ways to cut the atoms, in order, into k non-empty
    weeks, the one taken

    1. cuts the fewest parts that fit a week (so such a part is kept whole whenever that is possible);
    2. then has the smallest busiest week;
    3. then cuts the parts that do not fit a week the fewest times;
    4. then is the most even (the smallest sum of squared week sizes);
    5. then has the larger weeks first (the lexicographically largest sequence of week sizes).

    A phase of plain topics therefore gets ``N // W`` or ``N // W + 1`` topics a week, the larger
    weeks first (13 over 4 weeks: 4, 3, 3, 3). A part cut over several weeks appears as one unit in
    each, marked `continued`/`continues`, its prose with its first piece.

Practice weeks
    With fewer atoms than weeks (N < W), weeks 1..N take one atom each and weeks N+1..W are
    *practice* weeks that go over the phase again from the start: with P = W - N practice weeks
    and P <= N, the atoms are cut over them by the rules above (each atom revisited once); with
    P > N, practice week j (from 1) revisits atom ((j - 1) mod N) + 1.

Reference parts
    A part labelled as a list to look things up in ('Resources', 'Links', 'Further reading', 'Ressourcen',
    'Recursos'; see `is_reference`) is the phase's `references`, shown for every week of it; one written in a part of
    the phase (a bold label under '### Month 1', or one of several sub-headings '#### Resources', each under its
    part) for every week whose units are in that part. Where the phase has
    at least as many other atoms as weeks, it is no week's work: its atoms are left out of the slicing (with the
    pieces they own). Else it is sliced as written: its reading is some weeks' work, and leaving it out would make
    practice weeks of them.

Scheduled weeks
    A phase is sliced over the weeks it has on the learner's schedule at their pace
    (`ScheduledPhase.weeks`), not over its nominal span: path week 15, in a phase that runs
    weeks 13-18 on the learner's calendar, gets slice 3 of 6.

Weeks as written
    A phase that says which week its rows, parts or items are for (a week table, '| 3 | JOINs |'; sub-headings that
    name weeks, '#### Week 6: Cleaning'; items that open with them, '1. Week 6 — Cleaning') is sliced by those weeks
    instead (see `_row_weeks`): week N as written is what names week N, and a slower pace takes the weeks as written
    that fall in each of its weeks.

Days as written
    A phase whose topics, or whose outermost task items where it has no parts, open with the day they are for
    ('- [ ] **Day 8:** Files'; see `day_label`), or whose rows and parts name them (a day table's '| 12 | Joins |', a
    sub-heading '#### Day 3 · Python'; see `named_days`), is sliced by those days, seven a week (see `_day_weeks`):
    week 2 of a phase of days 1-10 is days 8-10. Its task items are then its topics, and a week's open items start
    with its own.

Pieces
    A phase's body (`PhaseContent.body`: every block written under its heading, in file order) is shared out
    with the atoms: a piece goes to the atom that starts last at or above its line (a part's first atom starts
    at its label, any other atom at its topic's bullet; a phase's own prose owns them all), so the prose,
    nested bullets and code written after a topic come with it; a line that leads in to a list ('Topics:')
    goes with the atom after it, and pieces above every atom are the phase's lead, which the first week shows
    before its units; the labels that open the lead and head no part are the phase's facts ('**Prerequisites:**
    Phase 1'), which every week shows, as it does the objective. A unit's `pieces` are its atoms'.

Resources, items and the next step
    `resources` are the links in the slice's units: markdown links ``[text](https://...)`` and
    autolinks ``<https://...>`` (http and https only) in the part prose, the topic texts and
    details and their nested topics, in order of appearance, each URL once (the first text
    wins; an autolink's text is its URL). `open_items` are the phase's checklist items
    (`ChecklistItem.phase`) not yet done, in checklist order, each ID once; `overdue_items` those of earlier
    phases. The next step is the first overdue item, else the first open item, else the first unit of the
    slice, else none.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from bot.domain.reminders import OpenItem, open_item
from bot.domain.shapes import ChecklistLike, PhaseContent, PieceLike, TopicLike
from bot.domain.weeks import ScheduledPhase

__all__ = [
    "NextStep",
    "PhaseSlice",
    "Reference",
    "Resource",
    "SliceUnit",
    "TodayView",
    "build_today",
    "day_label",
    "extract_links",
    "heads_parts",
    "is_reference",
    "named_days",
    "phase_references",
    "phase_slices",
    "slice_resources",
    "week_slice",
]


@dataclass(frozen=True, slots=True)
class SliceUnit:
    """One unit of a week's work: a top-level topic, or a part (or the piece of it that falls in this week).

    `label` is the part's label, None for a top-level topic or a phase's own prose. `text` is the
    part's (or phase's) prose, given with the piece that starts the part and empty on later pieces.
    `continued` says an earlier week had the start of this part; `continues` that a later week has more.
    `pieces` are the blocks of the phase's body (`PhaseContent.body`) that fall in this unit, in file order: from
    the line its first atom starts on (a part's label, a topic's bullet) up to the next atom's, so prose, nested
    bullets and code written after a topic come with it.
    """

    label: str | None
    text: str
    topics: tuple[TopicLike, ...]
    continued: bool = False
    continues: bool = False
    pieces: tuple[PieceLike, ...] = ()
    line: int = 0  # the line its part's label or its topic is written on (0: a phase's own prose)

    @property
    def heading(self) -> str:
        """A short clean name for the unit: the part's label, else its first topic's title, else its prose."""
        if self.label:
            return self.label
        if self.topics:
            first = self.topics[0]
            return first.title or first.text
        return self.text


@dataclass(frozen=True, slots=True)
class PhaseSlice:
    """What week `week` (from 1) of a phase lasting `weeks` weeks covers.

    `practice` marks a week past the phase's new material, which revisits earlier units. `lead` is what the phase
    says before its first topic or part (a warning, an introduction): the first week's, given before its units; in
    the others, the facts of the phase that open it ('**Prerequisites:** Phase 1').
    """

    phase: int
    week: int
    weeks: int
    units: tuple[SliceUnit, ...]
    practice: bool = False
    lead: tuple[PieceLike, ...] = ()

    @property
    def topics(self) -> tuple[TopicLike, ...]:
        """Every topic in the slice, in order."""
        return tuple(topic for unit in self.units for topic in unit.topics)


@dataclass(frozen=True, slots=True)
class Resource:
    """A link found in a slice: its markdown text (the URL itself for an autolink) and its URL."""

    text: str
    url: str


@dataclass(frozen=True, slots=True)
class Reference:
    """A part of a phase to look things up in ('Resources'): its label and its links, for every week of the phase or,
    written in a part of it (`part`, its label: '**Resources**' under '### Month 1'), for every week in that part.

    `line` is the line its label is written on; `within` the lines of the part it is written in, its sub-heading's
    to the next sub-heading's (0, 0 for the whole phase)."""

    label: str
    resources: tuple[Resource, ...]
    part: str = ""
    line: int = field(default=0, compare=False)
    within: tuple[int, int] = field(default=(0, 0), compare=False)

    def shown_with(self, lines: Collection[int]) -> bool:
        """Whether a week whose units start on `lines` (`SliceUnit.line`) shows it beside them: not when one of them
        is its own part (it is shown there), and for a part's own when one of them is in that part."""
        if self.line in lines:
            return False
        first, end = self.within
        return not self.part or any(first <= line < end for line in lines)


@dataclass(frozen=True, slots=True)
class NextStep:
    """One suggested next step: an open checklist item to tick (`item_id`), or a unit to start with (`unit`).

    `text` is clean text: the item's text or the unit's heading.
    """

    text: str
    item_id: str | None = None
    unit: SliceUnit | None = None

    @property
    def is_item(self) -> bool:
        """Whether the step is a checklist item (its tick button needs `item_id`)."""
        return self.item_id is not None


@dataclass(frozen=True, slots=True)
class TodayView:
    """Everything `/today` says about a learner's week, as plain data for the renderer.

    `week` is the path week, `phase_span` the phase's span on the learner's schedule (``"weeks 13-18"``) and
    `phase_weeks` its first and last week (13, 18); `slice` is that week's part of the phase (see the module
    docstring). `overdue_items` are the open items of earlier phases, whose weeks are over. `references` are the
    phase's parts to look things up in, for every week of it (see the module docstring).
    """

    week: int
    phase_number: int
    phase_title: str
    phase_span: str
    phase_weeks: tuple[int, int]
    objective: str | None
    slice: PhaseSlice
    resources: tuple[Resource, ...]
    open_items: tuple[OpenItem, ...]
    next_step: NextStep | None
    overdue_items: tuple[OpenItem, ...] = ()
    references: tuple[Reference, ...] = ()
    written: bool = True  # the phase's file writes something under its heading (False: its title is all there is)


# --------------------------------------------------------------------------- atoms and cuts


@dataclass(frozen=True, slots=True)
class _Block:
    """A top-level topic, a part or a phase's own prose, in reading order, and the line it starts on."""

    label: str | None
    text: str
    topics: tuple[TopicLike, ...]
    line: int = 0

    @property
    def size(self) -> int:
        return max(len(self.topics), 1)


@dataclass(frozen=True, slots=True)
class _Atom:
    block: int  # index into the phase's blocks
    index: int  # which of the block's atoms it is


def _blocks(phase: PhaseContent) -> tuple[_Block, ...]:
    # Sort topics and parts by their line: a file may write loose topics after its parts.
    lined: list[tuple[int, int, _Block]] = [
        (topic.line, 0, _Block(None, "", (topic,), topic.line)) for topic in phase.topics
    ]
    lined += [
        (part.line, 1, _Block(part.label, part.text, tuple(part.topics), part.line)) for part in phase.subsections
    ]
    days = () if phase.subsections else _day_tasks(phase)  # a plan of days written as task items
    lined += [(block.line, 0, block) for block in days]
    lined.sort(key=lambda entry: (entry[0], entry[1]))
    blocks = tuple(block for _, _, block in lined)
    if not blocks and phase.text.strip():
        return (_Block(None, phase.text, ()),)
    return blocks


@dataclass(frozen=True, slots=True)
class _Task:
    """A task item of a phase written as its days' checklist ('- [ ] **Day 8:** Files'), as a topic of the phase."""

    text: str
    title: str
    line: int
    detail: str = ""
    children: tuple[TopicLike, ...] = ()


_MARKUP = re.compile(r"\[((?:\\.|[^\\\[\]])*)\]\([^)\s]*\)|[*_`~]+")  # a link's text holds no bare '[' (escaped)


def _day_tasks(phase: PhaseContent) -> tuple[_Block, ...]:
    """Return a block per outermost task item of a phase, when most of those items open with the day they are for
    ('- [x] **Day 8:** Files'): the days are its plan, each day a topic (see `_day_weeks`); () otherwise, and when
    they are nested under its bullets (those topics hold them)."""
    tasks = [piece for piece in phase.body if piece.kind == "task" and not piece.quote]
    if len(tasks) < 2:
        return ()
    top = min(piece.depth for piece in tasks)
    if phase.topics and top > min((piece.depth for piece in phase.body if piece.kind in ("item", "row")), default=top):
        return ()
    tasks = [piece for piece in tasks if piece.depth == top]
    if 2 * sum(1 for piece in tasks if day_label(piece.md) is not None) < len(tasks):
        return ()
    return tuple(_Block(None, "", (_task(piece),), piece.line) for piece in tasks)


def _task(piece: PieceLike) -> _Task:
    """Return a task item as a topic: its markdown, its words without markup as its title, its note as its detail."""
    return _Task(piece.md, " ".join(_MARKUP.sub(_link_text, piece.md).split()), piece.line, piece.rest)


def _link_text(found: re.Match[str]) -> str:
    return found.group(1) or ""


def _atoms(blocks: Sequence[_Block]) -> tuple[_Atom, ...]:
    return tuple(_Atom(b, i) for b, block in enumerate(blocks) for i in range(block.size))


def _pieces_of(
    phase: PhaseContent, atoms: Sequence[_Atom], blocks: Sequence[_Block]
) -> tuple[dict[_Atom, list[PieceLike]], tuple[PieceLike, ...]]:
    """Give each piece of the phase's body to the atom that starts last at or above its line (a part's first atom
    starts at its label, a topic's at its bullet; a phase's own prose owns all); pieces above every atom are the
    phase's lead, returned beside.

    A line that leads in to what follows ('Topics:' before a list) goes with the atom that starts after it."""
    starts = sorted(
        (
            blocks[a.block].line
            if a.index == 0 or not blocks[a.block].topics
            else blocks[a.block].topics[a.index].line,
            k,
        )
        for k, a in enumerate(atoms)
    )
    pieces = phase.body
    # The line of each atom's topic: a part's first topic written after another part's label ('**When:** after the
    # backend' between '### React' and its table) is still its atom's, with what is nested under it.
    topic_at = {
        blocks[atoms[k].block].topics[atoms[k].index].line: at
        for at, (_, k) in enumerate(starts)
        if blocks[atoms[k].block].topics
    }
    # Walk the pieces and the atoms' starts together: a piece on the line an atom starts on starts that atom, one
    # atom a piece where several start on one line (a table row made a phase: its cells are its topics).
    owners: list[int] = []
    owner, ahead = -1, 0
    for piece in pieces:
        while ahead < len(starts) and starts[ahead][0] < piece.line:
            owner, ahead = ahead, ahead + 1
        if ahead < len(starts) and starts[ahead][0] == piece.line:
            owner, ahead = ahead, ahead + 1
        elif piece.kind in ("item", "row", "task") and piece.line in topic_at:
            owner = topic_at[piece.line]
        owners.append(owner)
    for i in range(len(pieces) - 2, -1, -1):  # from the end, so lead-ins one after another all move on
        piece = pieces[i]
        if piece.kind == "text" and not piece.quote and piece.md.rstrip().endswith(":") and owners[i + 1] > owners[i]:
            owners[i] = owners[i + 1]
    owned: dict[_Atom, list[PieceLike]] = {atom: [] for atom in atoms}
    lead: list[PieceLike] = []
    for piece, at in zip(pieces, owners, strict=True):
        if at >= 0:
            owned[atoms[starts[at][1]]].append(piece)
        else:
            lead.append(piece)
    return owned, tuple(lead)


_Cost = tuple[int, int, int]  # (fitting parts cut, other parts cut, sum of squared week sizes)


def _cheapest_cut(boundary: Sequence[tuple[int, int]], groups: int, bound: int) -> tuple[_Cost, tuple[int, ...]] | None:
    """Return the cost and week sizes of the cheapest cut into `groups` weeks of at most `bound` atoms.

    `boundary[j]` is the (fitting, other) part cuts a week boundary just before atom j makes;
    there are ``len(boundary) - 1`` atoms. Costs compare as tuples (rules 1, 3 and 4); on a tie
    the larger first week wins (rule 5). None when no such cut exists.
    """
    n = len(boundary) - 1
    # best[g][i]: (cost, end of the first week) of the cheapest cut of atoms i.. into g weeks.
    best: list[list[tuple[_Cost, int] | None]] = [[None] * (n + 1) for _ in range(groups + 1)]
    best[0][n] = ((0, 0, 0), n)
    for g in range(1, groups + 1):
        for i in range(n - g, -1, -1):
            chosen: tuple[_Cost, int] | None = None
            for j in range(min(n - (g - 1), i + bound), i, -1):  # larger first weeks first
                rest = best[g - 1][j]
                if rest is None:
                    continue
                fit_cut, other_cut = boundary[j] if j < n else (0, 0)
                size = j - i
                cost = (rest[0][0] + fit_cut, rest[0][1] + other_cut, rest[0][2] + size * size)
                if chosen is None or cost < chosen[0]:
                    chosen = (cost, j)
            best[g][i] = chosen
    top = best[groups][0]
    if top is None:
        return None
    sizes: list[int] = []
    i = 0
    for g in range(groups, 0, -1):
        step = best[g][i]
        assert step is not None  # every step of a found cut was stored on the way
        sizes.append(step[1] - i)
        i = step[1]
    return top[0], tuple(sizes)


def _partition(atoms: Sequence[_Atom], blocks: Sequence[_Block], groups: int) -> tuple[int, ...]:
    """Return the week sizes that cut `atoms` into `groups` non-empty weeks by the rules in the module docstring."""
    n = len(atoms)
    if not 1 <= groups <= n:
        raise ValueError(f"cannot cut {n} atoms into {groups} non-empty weeks")
    capacity = -(-n // groups)
    boundary: list[tuple[int, int]] = [(0, 0)] * (n + 1)
    for j in range(1, n):
        before, after = atoms[j - 1], atoms[j]
        if before.block == after.block:
            boundary[j] = (1, 0) if blocks[before.block].size <= capacity else (0, 1)

    # Rule 1: any groups - 1 distinct boundaries make that many non-empty weeks, so the fewest
    # fitting parts cut is how many boundaries are still needed once every other one is taken.
    free = sum(1 for j in range(1, n) if boundary[j][0] == 0)
    fewest_fit_cuts = max(0, groups - 1 - free)

    def meets(bound: int) -> tuple[int, ...] | None:
        found = _cheapest_cut(boundary, groups, bound)
        return found[1] if found is not None and found[0][0] == fewest_fit_cuts else None

    # Rule 2: the smallest busiest week that still keeps rule 1. A larger bound allows every cut
    # a smaller one does, so search up from `capacity` with doubling steps, then bisect the last
    # step (for real phases the answer is `capacity` or close to it).
    failed, bound, step = capacity - 1, capacity, 1
    sizes = meets(bound)
    while sizes is None:
        failed, bound, step = bound, min(bound + step, n), step * 2
        sizes = meets(bound)
    while bound - failed > 1:
        middle = (failed + bound) // 2
        found = meets(middle)
        if found is None:
            failed = middle
        else:
            bound, sizes = middle, found
    return sizes


def _units(
    atoms: Sequence[_Atom], blocks: Sequence[_Block], owned: dict[_Atom, list[PieceLike]]
) -> tuple[SliceUnit, ...]:
    """Group consecutive atoms of one block into one unit, with the pieces they own."""
    units: list[SliceUnit] = []
    run: list[_Atom] = []

    def flush() -> None:
        if not run:
            return
        block = blocks[run[0].block]
        first, last = run[0].index, run[-1].index
        topics = tuple(block.topics[first : last + 1]) if block.topics else ()
        units.append(
            SliceUnit(
                label=block.label,
                text=block.text if first == 0 else "",
                topics=topics,
                continued=first > 0,
                continues=last < block.size - 1,
                pieces=tuple(piece for atom in run for piece in owned[atom]),
                line=block.line,
            )
        )
        run.clear()

    for atom in atoms:
        if run and (atom.block != run[-1].block or atom.index != run[-1].index + 1):
            flush()
        run.append(atom)
    flush()
    return tuple(units)


def _cut(atoms: Sequence[_Atom], sizes: Iterable[int]) -> list[tuple[_Atom, ...]]:
    weeks: list[tuple[_Atom, ...]] = []
    start = 0
    for size in sizes:
        weeks.append(tuple(atoms[start : start + size]))
        start += size
    return weeks


def _row_weeks(phase: PhaseContent, atoms: Sequence[_Atom], blocks: Sequence[_Block]) -> list[tuple[int, int]] | None:
    """Return each atom's weeks of the phase (from 1, as written) when the phase holds a week table ('| Week | Topic
    |'), items that open with their weeks ('1. Week 6 — Cleaning') or parts headed by weeks ('#### Week 6: Cleaning'
    under '### Month 2' under '## Q1'); None when it holds none, or their weeks fit neither the phase's weeks nor its
    own count of weeks.

    A row gives its atom the weeks its week cell names, an item the weeks it opens with, a part its atoms the weeks
    its heading or bold label names: a part before parts with weeks within its own ('### Month 2' over '#### Week 5')
    only its first week, and the topics of a part share its weeks out in order (two topics of 'Month 3', weeks 9-12:
    weeks 9-10 and 11-12), but for an item whose own weeks lie within its part's. Weeks counted within the phase may
    run one week past it, as a month's fifth week does ('**Week 5: Catch up**' in a month of four weeks): that week
    is its last. A span of the whole phase ('**Month 1 Checkpoint**: a quiz' in Month 1) names no week of it. Any
    other atom takes the last week of the atom before it; before every one of them, the weeks before the first named
    (the first named week when that is week 1)."""
    cells = {
        piece.line: piece.weeks for piece in phase.body if piece.kind in ("row", "item") and piece.weeks is not None
    }
    labels = {piece.line: piece.weeks for piece in phase.body if piece.kind == "label" and piece.weeks is not None}
    later = sorted(labels.items())
    for k, (line, (first, last)) in enumerate(later):
        if any(first <= a and b <= last for _, (a, b) in later[k + 1 :]):
            labels[line] = (first, first)  # '### Month 2' over '#### Week 5': it starts its first week
    keyed: list[tuple[int, int] | None] = []
    for atom in atoms:
        block = blocks[atom.block]
        topic = block.topics[atom.index] if block.topics else None
        span = cells.get(topic.line) if topic is not None else None
        part = labels.get(block.line) if block.label is not None else None
        if part is not None and (span is None or not part[0] <= span[0] <= span[1] <= part[1]):
            span = _share(part, atom.index, block.size)
        keyed.append(span)
    named = [span for span in keyed if span is not None]
    if not named:
        return None
    length = phase.last_week - phase.first_week + 1
    lowest, highest = min(a for a, _ in named), max(b for _, b in named)
    if phase.first_week <= lowest and highest <= phase.last_week:
        offset = phase.first_week - 1  # weeks of the path ('| 5 |' in a phase of weeks 5-8)
    elif highest <= length + 1:
        offset = 0  # weeks of the phase itself, perhaps with a fifth week of a month
    else:
        return None
    spans = [None if span is None else (min(span[0] - offset, length), min(span[1] - offset, length)) for span in keyed]
    if length > 1:
        spans = [None if span == (1, length) else span for span in spans]  # the whole phase: no week of it
    if all(span is None for span in spans):
        return None
    return _filled(spans)


def _filled(keyed: Sequence[tuple[int, int] | None]) -> list[tuple[int, int]]:
    """Return each atom's weeks of the phase: those named (at least one is), and for any other atom the last week of
    the atom before it; before every named one, the weeks before the first named (the first named week when that is
    week 1)."""
    first = next(span for span in keyed if span is not None)[0]
    lead = (1, first - 1) if first > 1 else (first, first)  # what comes before week 3's part is weeks 1-2's
    spans: list[tuple[int, int]] = []
    last: int | None = None  # the last week of the named atom before
    for span in keyed:
        if span is None:
            spans.append(lead if last is None else (last, last))
        else:
            spans.append(span)
            last = span[1]
    return spans


# A topic or task item that opens with the day or days it is for: '**Day 8:** Files', 'Days 3-4 - Loops', '📅 Tag 5:
# Klassen', 'Día 2 a 3'.
_DAY_WORD = r"(?:days?|tage?|d[ií]as?)"
_DAY_LABEL = re.compile(
    rf"[\W_]*{_DAY_WORD}\s*(\d{{1,4}})(?:\s*(?:-|–|—|to|bis|al?)\s*(?:{_DAY_WORD}\s*)?(\d{{1,4}}))?(?!\w)",
    re.IGNORECASE,
)


def day_label(text: str) -> tuple[int, int] | None:
    """Return the days a topic or task item opens with ('**Day 8:** Files' is (8, 8), 'Days 3-4: Loops' (3, 4)),
    first and last; None when it opens with none."""
    found = _DAY_LABEL.match(text)
    if found is None:
        return None
    first = int(found.group(1))
    last = int(found.group(2)) if found.group(2) else first
    return (first, last) if first <= last else None


# A row of a table of days as a phase shows it, its day cell among its details ('Joins — Day: 12 · Lab: SQLBolt').
_ROW_DAY = re.compile(rf" — {_DAY_WORD}: (\d{{1,4}})(?: · |$)", re.IGNORECASE)


def named_days(label: str | None, topic: str | None) -> tuple[int, int] | None:
    """Return the days a unit of a phase is for: those its topic opens with ('**Day 8:** Files'), or names in its
    day cell ('Joins — Day: 12 · …'), else those its part's label opens with ('#### Day 3 (Wed) · Python', its
    topics that day's); None when it names none."""
    if topic:
        span = day_label(topic)
        if span is not None:
            return span
        if " — " in topic and (row := _ROW_DAY.search(topic)) is not None:
            return int(row.group(1)), int(row.group(1))
    return day_label(label) if label else None


def _day_weeks(phase: PhaseContent, atoms: Sequence[_Atom], blocks: Sequence[_Block]) -> list[tuple[int, int]] | None:
    """Return each atom's weeks of the phase (from 1, as written) when most of its topics open with the day they are
    for ('**Day 8:** Files'); None otherwise.

    Days count seven a week: from day 1 of the path when every day named falls in the phase's weeks (days 8-14 are
    the second week of a phase of weeks 1-2), else from the first day named (a phase of days 21-30 in weeks 4-5);
    days that need more weeks than the phase has are shared out over its weeks. Any other atom goes as in
    `_filled`."""
    keyed: list[tuple[int, int] | None] = []
    for atom in atoms:
        block = blocks[atom.block]
        keyed.append(named_days(block.label, block.topics[atom.index].text if block.topics else None))
    named = [span for span in keyed if span is not None]
    if len(named) < 2 or 2 * len(named) < len(keyed):
        return None
    length = phase.last_week - phase.first_week + 1
    lowest, highest = min(a for a, _ in named), max(b for _, b in named)
    start = 7 * (phase.first_week - 1) + 1  # the phase's first day of the path
    if not (start <= lowest and highest < start + 7 * length):
        start = lowest
    days = highest - start + 1

    def week(day: int) -> int:
        return (day - start) // 7 + 1 if days <= 7 * length else (day - start) * length // days + 1

    return _filled([None if span is None else (week(span[0]), week(span[1])) for span in keyed])


def _share(weeks: tuple[int, int], index: int, count: int) -> tuple[int, int]:
    """Return the weeks of the `index`-th of `count` atoms that share `weeks` out in order, as evenly as can be."""
    first, last = weeks
    length = last - first + 1
    if count <= 1:
        return weeks
    start = first + index * length // count
    return start, max(start, first + (index + 1) * length // count - 1)


def _keyed_slices(
    phase: PhaseContent,
    weeks: int,
    atoms: Sequence[_Atom],
    blocks: Sequence[_Block],
    spans: Sequence[tuple[int, int]],
    owned: dict[_Atom, list[PieceLike]],
    lead: tuple[PieceLike, ...],
) -> tuple[PhaseSlice, ...]:
    """Slice a phase by the weeks its rows and parts name (see `_row_weeks`): week N as written is what names week N;
    at another pace each scheduled week takes the weeks as written that fall in it. A week no row names, or one a
    slower pace repeats, is a practice week over the last week before it that has rows."""
    length = phase.last_week - phase.first_week + 1
    slices: list[PhaseSlice] = []
    covered = 0  # the last week as written a slice has taken
    last: tuple[_Atom, ...] = ()
    for w in range(1, weeks + 1):
        low = (w - 1) * length // weeks + 1
        high = max(low, w * length // weeks)
        fresh = low > covered
        taken = tuple(a for a, (first, end) in zip(atoms, spans, strict=True) if first <= high and end >= low)
        covered = max(covered, high)
        if taken and fresh:
            last = taken
            shown = lead if w == 1 else _facts(lead)
            slices.append(PhaseSlice(phase.number, w, weeks, _units(taken, blocks, owned), lead=shown))
        else:
            again = (
                last
                or taken
                or next(
                    (tuple(a for a, s in zip(atoms, spans, strict=True) if s[0] == first) for first, _ in spans), ()
                )
            )
            slices.append(
                PhaseSlice(phase.number, w, weeks, _units(again, blocks, owned), practice=True, lead=_facts(lead))
            )
    return tuple(slices)


def _facts(lead: tuple[PieceLike, ...]) -> tuple[PieceLike, ...]:
    """Return the labels that open a phase's lead: lines of facts of the whole phase ('**Prerequisites:** Phase 1',
    '**Level:** beginner'), which head no part (a part's label starts an atom, after the lead)."""
    n = 0
    while n < len(lead) and lead[n].kind == "label" and not lead[n].heading and lead[n].rest:
        n += 1
    return lead[:n]


def phase_slices(phase: PhaseContent, weeks: int) -> tuple[PhaseSlice, ...]:
    """Return the slices of `phase` for each of its `weeks` weeks (see the module docstring)."""
    if weeks < 1:
        raise ValueError(f"a phase needs at least one week, got {weeks}")
    blocks = _blocks(phase)
    written = _atoms(blocks)
    # Every atom owns its pieces, a reference part's too: left out with it, they go to no other week.
    owned, lead = _pieces_of(phase, written, blocks)
    atoms = _work(written, blocks, weeks)
    n = len(atoms)
    if n == 0:
        return tuple(PhaseSlice(phase.number, w, weeks, ()) for w in range(1, weeks + 1))
    spans = _row_weeks(phase, atoms, blocks)
    if spans is None:
        spans = _day_weeks(phase, atoms, blocks)
    if spans is not None:
        return _keyed_slices(phase, weeks, atoms, blocks, spans, owned, lead)
    regular = _cut(atoms, _partition(atoms, blocks, min(n, weeks)))
    practice_weeks = weeks - len(regular)
    if practice_weeks == 0:
        practice: list[tuple[_Atom, ...]] = []
    elif practice_weeks <= n:
        practice = _cut(atoms, _partition(atoms, blocks, practice_weeks))
    else:
        practice = [(atoms[j % n],) for j in range(practice_weeks)]
    return tuple(
        PhaseSlice(
            phase.number,
            w,
            weeks,
            _units(week_atoms, blocks, owned),
            practice=w > len(regular),
            lead=lead if w == 1 else _facts(lead),
        )
        for w, week_atoms in enumerate([*regular, *practice], start=1)
    )


# A label that names a list to look things up in, in the languages role files are written in; words before it
# ('Learning resources', 'Further reading') and after it ('Resources for this phase') are allowed.
_REFERENCE = re.compile(
    r"(?:^|\s)(?:resources?|links|references|further reading|reading list|materials|"
    r"ressourcen|materialien|literatur|weiterführende links|recursos|enlaces|referencias|materiales|"
    r"lecturas recomendadas)(?:$|\s)",
    re.IGNORECASE,
)


def is_reference(label: str | None) -> bool:
    """Whether a part's label names a list to look things up in ('Resources', '📚 Further reading:',
    'Recursos'), not a week's work."""
    if not label:
        return False
    words = " ".join(re.sub(r"[^\w\s]", " ", label).split())
    return bool(words) and len(words.split()) <= 4 and _REFERENCE.search(words) is not None


def _work(atoms: Sequence[_Atom], blocks: Sequence[_Block], weeks: int) -> tuple[_Atom, ...]:
    """Return the atoms that are a week's work: all but a reference part's, unless that leaves fewer than the phase
    has weeks (its reading is then some weeks' work, and leaving it out would make practice weeks of them)."""
    work = tuple(a for a in atoms if not is_reference(blocks[a.block].label))
    return work if len(work) >= weeks else tuple(atoms)


_PHASE_END = 1 << 30  # the line a part that runs to the phase's end ends at: past any line of a file


def phase_references(phase: PhaseContent) -> tuple[Reference, ...]:
    """Return the parts of `phase` to look things up in, each for the whole phase or for the part it is written in
    (see the module docstring)."""
    blocks = _blocks(phase)
    kept = [block for block in blocks if block.label is not None and is_reference(block.label)]
    if not kept:
        return ()
    headings = [p.line for p in phase.body if p.kind == "label" and p.heading]
    heads = set(headings)
    kept_lines = {block.line for block in kept}
    # Sub-headings to look things up in that all come after the phase's last other sub-heading ('### Week 3: JS',
    # then '### Resources' and '### Further reading') close the phase: they are the whole phase's.
    last_part = max((line for line in headings if line not in kept_lines), default=0)
    closing = all(line > last_part for line in kept_lines & heads)
    found: list[Reference] = []
    for block in kept:
        texts = [block.text, *(text for topic in block.topics for text in _topic_texts(topic))]
        links = _unique(r for text in texts if text for r in extract_links(text))
        # The sub-heading it is written under, no list to look things up in itself; a reference that is a sub-heading
        # is one of that sub-heading's where the phase has several ('#### Resources' under each '### Month N'), as
        # levels are not told apart.
        owner = next(
            (b for b in reversed(blocks) if b.line < block.line and b.line in heads and not is_reference(b.label)), None
        )
        if owner is None or (block.line in heads and (len(kept) == 1 or closing)):
            found.append(Reference(block.label or "", links, line=block.line))
            continue
        end = next((line for line in headings if line > block.line and line not in kept_lines), None)
        found.append(
            Reference(block.label or "", links, owner.label or "", block.line, (owner.line, end or _PHASE_END))
        )
    return tuple(found)


def heads_parts(units: Sequence[SliceUnit], at: int) -> bool:
    """Return True for a unit that heads the parts after it: a sub-heading ('### Week 1: Git') whose next unit is a
    part of a bold label ('**Readings**'), which holds what the week is about."""
    unit = units[at]
    return bool(unit.pieces) and unit.pieces[0].heading and at + 1 < len(units) and bool(units[at + 1].label)


def week_slice(phase: PhaseContent, weeks: int, week: int) -> PhaseSlice:
    """Return the slice for week `week` (from 1) of `phase` lasting `weeks` weeks."""
    if not 1 <= week <= weeks:
        raise ValueError(f"week {week} is outside the phase's weeks 1-{weeks}")
    return phase_slices(phase, weeks)[week - 1]


# --------------------------------------------------------------------------- links

# `[text](https://...)`: the text may hold escaped brackets; the content engine writes `)` in a
# URL as %29, so a URL ends at the first `)` or space.
_MARKDOWN_LINK = re.compile(r"\[((?:\\.|[^\\\[\]])*)\]\((https?://[^\s)]+)\)")  # no bare '[' in a link's text
_AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>")


def extract_links(text: str) -> tuple[Resource, ...]:
    """Return the http(s) links in Discord markdown `text`, in order of appearance, each URL once."""
    found: list[tuple[int, Resource]] = []
    for match in _MARKDOWN_LINK.finditer(text):
        found.append((match.start(), Resource(match.group(1).strip() or match.group(2), match.group(2))))
    for match in _AUTOLINK.finditer(text):
        found.append((match.start(), Resource(match.group(1), match.group(1))))
    found.sort(key=lambda entry: entry[0])
    return _unique(resource for _, resource in found)


def _unique(resources: Iterable[Resource]) -> tuple[Resource, ...]:
    seen: dict[str, Resource] = {}
    for resource in resources:
        seen.setdefault(resource.url, resource)
    return tuple(seen.values())


def _topic_texts(topic: TopicLike) -> Iterable[str]:
    yield topic.text
    yield topic.detail
    for child in topic.children:
        yield from _topic_texts(child)


def slice_resources(piece: PhaseSlice) -> tuple[Resource, ...]:
    """Return the links in a slice's prose, topics, details and nested topics, in order, each URL once."""
    texts: list[str] = []
    for unit in piece.units:
        texts.append(unit.text)
        for topic in unit.topics:
            texts.extend(_topic_texts(topic))
    return _unique(resource for text in texts if text for resource in extract_links(text))


# --------------------------------------------------------------------------- the week's view


def _week_first(items: Sequence[OpenItem], piece: PhaseSlice) -> tuple[OpenItem, ...]:
    """Return a phase's open items with those written in the week's slice first ('**Day 8:**' in week 2 of a phase of
    days 1-10), each group in checklist order: the week's next step is its own work."""
    written = {p.md for unit in piece.units for p in unit.pieces if p.kind == "task"}
    if not written:
        return tuple(items)
    ours = [item for item in items if (item.md or item.text) in written]
    return (*ours, *(item for item in items if (item.md or item.text) not in written))


def _names_no_work(title: str, text: str) -> bool:
    """Return True for a table cell shown under its column's name that names no work: a value titled with its
    column ('Domains: 1.1, 1.3'), or one link ('Resources: [Linux Journey](…)')."""
    column, colon, value = text.partition(": ")
    if not colon or not column or "[" in column or "`" in column:
        return False
    if title == text:  # titled with its column: a value of no words ('1.1, 1.3'), not a day's ('Day 1: Introduction')
        return _WORD.search(value) is None
    return value.startswith(f"[{title}](") and value.endswith(")") and value.count("](") == 1


_WORD = re.compile(r"[^\W\d_]{3}")  # three letters in a row


def build_today(
    phase: PhaseContent,
    scheduled: ScheduledPhase,
    week: int,
    checklist: Sequence[ChecklistLike],
    done_ids: Collection[str],
) -> TodayView:
    """Build what `/today` shows for path week `week`, which must fall in `scheduled` (the phase's weeks).

    `phase` is the phase as written and `scheduled` its place on the learner's schedule; before
    the start or after the end the caller picks the week to show (week 1, the last week).
    Raises ValueError when the numbers of `phase` and `scheduled` differ or `week` is outside it.
    """
    if phase.number != scheduled.number:
        raise ValueError(f"phase {phase.number} is not scheduled phase {scheduled.number}")
    if week not in scheduled:
        raise ValueError(f"week {week} is not in phase {scheduled.number} ({scheduled.span})")
    piece = week_slice(phase, scheduled.weeks, week - scheduled.first_week + 1)
    done = set(done_ids)
    open_items: dict[str, OpenItem] = {}
    overdue: dict[str, OpenItem] = {}
    for item in checklist:
        if item.phase is None or item.id in done:
            continue
        if item.phase == phase.number:
            open_items.setdefault(item.id, open_item(item))
        elif item.phase < phase.number:
            overdue.setdefault(item.id, open_item(item))
    items = _week_first(tuple(open_items.values()), piece)
    late = tuple(overdue.values())
    next_step: NextStep | None = None
    if late or items:
        first = (late or items)[0]
        next_step = NextStep(first.text, item_id=first.id)
    elif piece.units:
        units = piece.units
        first = next((u for at, u in enumerate(units) if u.topics or not heads_parts(units, at)), units[0])
        # A cell of the table row that is the phase ('| 1 | IAM basics | 1.1, 1.3 |') that names no work, only its
        # column and a value ('Domains: 1.1, 1.3') or a link to use ('Resources: [Linux Journey](…)'), says something
        # of the phase's title, which names the work. The words after a plan line's title ('1. [Week 1 — The
        # Shell](…): pipes, redirection', 'Week 7 | Git | branches') are its first step, as written.
        topic = first.topics[0] if first.topics and first.label is None else None
        own_line = (
            topic is not None
            and bool(phase.title)
            and any(p.line == phase.line and p.quote for p in first.pieces[:1])  # a table's row is read as a quote
            and _names_no_work(topic.title, topic.text)
        )
        heading = phase.title if own_line else first.heading
        if first.label is None and not first.topics and phase.objective and heading.startswith(phase.objective):
            # A week of prose alone (a blog post's '**Week 1**' over paragraphs): its first sentence, which the
            # objective is, names where to start; all its paragraphs would be the step.
            heading = phase.objective
        next_step = NextStep(heading, unit=first)
    return TodayView(
        week=week,
        phase_number=phase.number,
        phase_title=phase.title,
        phase_span=scheduled.span,
        phase_weeks=(scheduled.first_week, scheduled.last_week),
        objective=phase.objective,
        slice=piece,
        resources=slice_resources(piece),
        open_items=items,
        next_step=next_step,
        overdue_items=late,
        references=tuple(r for r in phase_references(phase) if r.shown_with({u.line for u in piece.units})),
        written=bool(phase.body or phase.objective),
    )
