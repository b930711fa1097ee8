"""Parse one role file (front-matter + markdown) into a `Role` and the problems found in it.

The markdown is not run through a full CommonMark parser: role files use a small, regular subset (ATX and
setext headings, bullets, checklists, bold labels, fenced code). One multi-line regex finds the lines that
shape a file, the prose between them is sliced rather than looped over, and line numbers are counted between
matches; a 1,000-file corpus parses in a fraction of the time a token stream would take. Fenced code blocks
are respected: nothing inside one is a heading, a bullet or a checklist item. Every pattern is linear in the
length of a line, so a hostile file costs no more than its size.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import frontmatter
import yaml

from bot.content.ids import checklist_item_id, slugify, split_explicit_id
from bot.content.models import ChecklistItem, Phase, Problem, Role, Section, Severity, Subsection, Topic
from bot.content.plain_yaml import read_plain_yaml

try:  # libyaml's loader is several times faster; the pure one gives the same result.
    _YamlLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _YamlLoader = yaml.SafeLoader

_FM = frontmatter.YAMLHandler()
Complain = Callable[..., None]  # (field, message, severity="error") -> None
KNOWN_KEYS = ("name", "displayName", "description", "expertise", "salaryRange", "timelineMonths", "aliases")
REQUIRED_TEXT_KEYS = ("name", "displayName", "description")
MAX_WEEKS = 520
MAX_TOPIC_DEPTH = 8  # bullets nested deeper are kept, at this depth
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_MONTHS = re.compile(r"^\s*(\d+)\s*(?:[-–—]|to)\s*(\d+)\s*$")

# The lines that shape a role file, in the order they are told apart. A line of text with a '===' or '---'
# line under it is a setext heading (the parser rejects the look-alikes); the underline is only looked at.
# Bullets come before setext headings: a bullet is never one, and most lines that count are bullets.
_FENCE_LINE = r"(?P<fence>[ ]{0,3}(?P<fence_mark>`{3,}|~{3,}).*)"
_ATX_LINE = r"(?P<atx>[ ]{0,3}(?P<atx_level>\#{1,6})(?:[ \t]+(?P<atx_text>.*))?)$"  # closing #s: _atx_title
_SETEXT_LINES = r"(?P<setext>(?=.*?\S).*+)(?=\n[ ]{0,3}(?P<underline>=+|-+)[ \t]*$)"
_ITEM_LINES = r"""
    (?P<check>[ \t]*[-*+][ \t]+\[[ xX]\][ \t]+(?P<check_text>.*))$
  | (?P<bullet>(?P<indent>[ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+(?P<bullet_text>.*))$
"""
_LABEL_LINE = r"(?P<label>[^\S\n]*\*\*.*)$"
_LINE = re.compile(
    rf"^(?:{_FENCE_LINE}|{_ATX_LINE}|{_ITEM_LINES}|{_SETEXT_LINES}|{_LABEL_LINE})", re.MULTILINE | re.VERBOSE
)
_LABEL = re.compile(rf"^{_LABEL_LINE}", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)
_BOLD_LABEL = re.compile(r"^\*\*(.+?)\*\*[ \t]*(.*)$")
_PHASE = re.compile(
    # The title ends with a non-blank, so the blanks before '(' are read once: linear in the heading's length.
    r"^\W*phase\s+(\d+)\s*[:\-–—]\s*(.*?\S)\s*\(\s*weeks?\s+(\d+)\s*(?:(?:[-–—]|to)\s*(\d+)\s*)?\)\W*$",
    re.IGNORECASE,
)
_PHASE_LIKE = re.compile(r"^\W*phase\s+\d+\s*[:\-–—(]", re.IGNORECASE)
_EMPHASIS = re.compile(r"(\*\*|__|`)")


def _atx_title(text: str) -> str:
    """Drop an ATX heading's closing '#'s (a space or tab must come before them) and its trailing blanks."""
    text = text.rstrip(" \t")
    bare = text.rstrip("#")
    if bare != text and bare[-1:] in (" ", "\t"):
        return bare.rstrip(" \t")
    return text


def clean_inline(text: str) -> str:
    """Drop bold/code markers from a heading or label, keeping its words."""
    if "**" in text or "__" in text or "`" in text:
        text = _EMPHASIS.sub("", text)
    return text.strip()


@dataclass(slots=True)
class _Heading:
    level: int
    title: str
    line: int
    section_id: str
    phase: int | None
    is_phase: bool
    start: int  # its own text is body[start:end]
    end: int = -1
    topics: list[tuple[int, str, int]] = field(default_factory=list)  # (indent, text, line)
    subsections: list[_Sub] = field(default_factory=list)
    _topic_tree: tuple[Topic, ...] | None = None
    _subs: tuple[Subsection, ...] | None = None

    def topic_tree(self, too_deep: list[int]) -> tuple[Topic, ...]:
        if self._topic_tree is None:
            self._topic_tree = _topics(self.topics, too_deep)
        return self._topic_tree

    def built_subsections(self, too_deep: list[int]) -> tuple[Subsection, ...]:
        if self._subs is None:
            self._subs = tuple(
                Subsection(x.label, x.line, " ".join(x.text), _topics(x.topics, too_deep)) for x in self.subsections
            )
        return self._subs


@dataclass(slots=True)
class _Sub:
    label: str
    line: int
    text: list[str] = field(default_factory=list)
    topics: list[tuple[int, str, int]] = field(default_factory=list)


@dataclass(slots=True)
class _PhaseBuilder:
    number: int
    title: str
    first: int
    last: int
    line: int
    level: int
    section_id: str
    heading: _Heading | None = None
    objective: str | None = None


class _Problems:
    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Problem] = []

    def add(self, severity: Severity, line: int | None, message: str) -> None:
        self.items.append(Problem(self.file, line, severity, message))

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.items)


def parse_role(text: str, file: str) -> tuple[Role | None, list[Problem]]:
    """Parse a role file's decoded text; return the role (None when it has errors) and its problems."""
    problems = _Problems(file)
    split = _split_front_matter(text, problems)
    if split is None:
        return None, problems.items
    meta, fm_line, body, body_line = split
    facts = _read_front_matter(meta, fm_line, problems, text)
    body_parts = _parse_body(body, body_line, problems)
    if problems.has_errors or facts is None:
        return None, problems.items
    title, phases, checklist, sections = body_parts
    role = Role(
        name=facts["name"],
        display_name=facts["displayName"],
        description=facts["description"],
        file=file,
        expertise=facts["expertise"],
        salary_range=facts["salaryRange"],
        timeline_months=facts["timelineMonths"],
        aliases=facts["aliases"],
        extra=facts["extra"],
        title=title or facts["displayName"],
        phases=phases,
        checklist=checklist,
        sections=(*_fact_sections(facts), *sections),
    )
    return role, problems.items


# --- front-matter -------------------------------------------------------------------------------


def _split_front_matter(text: str, problems: _Problems) -> tuple[dict, int, str, int] | None:
    if not _FM.detect(text):
        problems.add(
            "error",
            1,
            "no front-matter: a role file starts with a '---' line, YAML fields (name, displayName, "
            "description, ...), and another '---' line",
        )
        return None
    try:
        fm, body = _FM.split(text)
    except ValueError:
        problems.add("error", 1, "front-matter is not closed: add a '---' line after the YAML fields")
        return None
    fm_offset = text.find(fm, 3) if fm else 3
    fm_line = text.count("\n", 0, fm_offset) + 1
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    meta = read_plain_yaml(fm)  # the usual front-matter, read without PyYAML's slow constructor
    try:
        if meta is None:
            meta = yaml.load(fm, Loader=_YamlLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        # PyYAML's problem mark is where it noticed; for an unclosed bracket or a key without ':' that
        # is the next line, while the context mark points at the line the author must fix.
        context = getattr(exc, "context", None) or ""
        use_context = context.startswith(("while scanning", "while parsing a flow"))
        mark = getattr(exc, "context_mark" if use_context else "problem_mark", None) or getattr(
            exc, "problem_mark", None
        )
        line = fm_line + mark.line if mark is not None else fm_line
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context", None)
        detail = f"{reason} ({context})" if context else reason
        problems.add("error", line, f"invalid YAML in front-matter: {detail}")
        return None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        problems.add("error", fm_line, "front-matter must be YAML key: value fields, not a list or a value")
        return None
    return meta, fm_line, body, body_line


def _key_line(text: str, key: str) -> int | None:
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _read_front_matter(meta: dict, fm_line: int, problems: _Problems, text: str) -> dict | None:
    out: dict = {"extra": {}}
    ok = True

    def bad(key: str, message: str, severity: Severity = "error") -> None:
        nonlocal ok
        problems.add(severity, _key_line(text, key) or fm_line, message)
        ok = ok and severity != "error"

    for key in REQUIRED_TEXT_KEYS:
        value = meta.get(key)
        if value is None:
            bad(key, f"required field '{key}' is missing")
        elif not isinstance(value, str) or not value.strip():
            bad(key, f"'{key}' must be non-empty text, got {_type_name(value)}")
        else:
            out[key] = value.strip()
    if "name" in out and not SLUG.match(out["name"]):
        bad("name", f"'name' must be a slug (lower-case letters, digits, dashes), got '{out['name']}'")

    out["expertise"] = _str_list(meta.get("expertise"), "expertise", bad)
    out["aliases"] = _str_list(meta.get("aliases"), "aliases", bad)
    out["salaryRange"] = _str_map(meta.get("salaryRange"), "salaryRange", bad)
    out["timelineMonths"] = {}
    for pace, span in _str_map(meta.get("timelineMonths"), "timelineMonths", bad).items():
        match = _MONTHS.match(span)
        if match:
            low, high = int(match.group(1)), int(match.group(2))
        elif span.strip().isdigit():
            low = high = int(span)
        else:
            bad("timelineMonths", f'timelineMonths.{pace} must be a month range like "6-9", got "{span}"')
            continue
        if not 0 < low <= high <= 120:
            bad("timelineMonths", f'timelineMonths.{pace} is not a possible month range: "{span}"')
            continue
        out["timelineMonths"][pace] = (low, high)
    for key, value in meta.items():
        if key not in KNOWN_KEYS:
            out["extra"][str(key)] = value
            bad(str(key), f"unknown front-matter field '{key}' (kept, but the bot does not use it)", "warning")
    return out if ok else None


def _type_name(value: object) -> str:
    return {list: "a list", dict: "a mapping", int: "a number", float: "a number", bool: "true/false"}.get(
        type(value), "nothing" if value is None else type(value).__name__
    )


def _str_list(value: object, key: str, bad: Complain) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        bad(key, f"'{key}' must be a list of text items, got {_type_name(value)}")
        return ()
    return tuple(str(v).strip() for v in value if str(v).strip())


def _str_map(value: object, key: str, bad: Complain) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value.values()
    ):
        bad(key, f"'{key}' must map names to text (like `senior: \"$135K-$180K\"`), got {_type_name(value)}")
        return {}
    return {str(k): str(v).strip() for k, v in value.items()}


def _fact_sections(facts: dict) -> list[Section]:
    """Turn front-matter facts into searchable sections ("senior salary" finds the salary range)."""
    name = facts["displayName"]
    out = [
        Section(
            id="overview",
            title=f"{name}: overview",
            path=(name, "Overview"),
            text=facts["description"],
            line=None,
            kind="facts",
        )
    ]
    if facts["expertise"]:
        text = "\n".join(f"- {e}" for e in facts["expertise"])
        out.append(Section("expertise", "Expertise", (name, "Expertise"), text, None, "facts"))
    if facts["salaryRange"]:
        text = "\n".join(f"- {level.replace('_', ' ')}: {r}" for level, r in facts["salaryRange"].items())
        out.append(Section("salary-range", "Salary range", (name, "Salary range"), text, None, "facts"))
    if facts["timelineMonths"]:
        text = "\n".join(
            f"- {pace.replace('_', ' ')}: {a}-{b} months" for pace, (a, b) in facts["timelineMonths"].items()
        )
        out.append(Section("timeline", "Timeline", (name, "Timeline by pace"), text, None, "facts"))
    return out


# --- markdown body ------------------------------------------------------------------------------


def _parse_body(
    body: str, first_line: int, problems: _Problems
) -> tuple[str, tuple[Phase, ...], tuple[ChecklistItem, ...], list[Section]]:
    """Read the markdown body: one regex pass finds the lines that shape it; prose is sliced, not looped over."""
    stack: list[_Heading] = []  # open headings, outermost first
    headings: list[_Heading] = []
    phases: list[_PhaseBuilder] = []
    current_phase: _PhaseBuilder | None = None
    sub: _Sub | None = None
    raw_items: list[tuple[str, str, int]] = []  # (group, text, line)
    used_ids: dict[str, int] = {}
    title = ""

    def new_id(text: str) -> str:
        base = slugify(text)
        n = used_ids.get(base, 0) + 1
        used_ids[base] = n
        return base if n == 1 else f"{base}-{n}"

    def open_heading(level: int, text: str, line_no: int, line_start: int, content_start: int) -> None:
        nonlocal current_phase, sub, title
        if headings:
            headings[-1].end = line_start
        while stack and stack[-1].level >= level:
            stack.pop()
        if current_phase is not None and level <= current_phase.level:
            current_phase, sub = None, None
        heading_text = clean_inline(text)
        if level == 1 and not title:
            title = heading_text
        maybe_phase = "phase" in heading_text.casefold()  # casefold: IGNORECASE also reads 'ſ' as 's'
        match = _PHASE.match(heading_text) if maybe_phase else None
        phase_no = current_phase.number if current_phase else None
        if match:
            number, first = int(match.group(1)), int(match.group(3))
            last = int(match.group(4)) if match.group(4) else first
            ph_title = match.group(2).strip()
            sid = new_id(f"phase-{number}-{ph_title}")
            current_phase = _PhaseBuilder(number, ph_title, first, last, line_no, level, sid)
            phases.append(current_phase)
            phase_no = number
        else:
            if maybe_phase and _PHASE_LIKE.match(heading_text):
                problems.add(
                    "error",
                    line_no,
                    f"phase heading '{heading_text}' needs a title and a week span, "
                    "like 'Phase 2: Databases (Weeks 5-12)' or '(Week 3)'",
                )
            sid = new_id(heading_text)
        sub = None
        heading = _Heading(level, heading_text, line_no, sid, phase_no, match is not None, content_start)
        if match:
            current_phase.heading = heading
        stack.append(heading)
        headings.append(heading)

    size = len(body)
    skip = 0  # lines before this offset are code, or the underline of a heading
    prose = 0  # where the lines not yet given to a subsection start
    line_no, counted = first_line, 0  # the line number of offset `counted`
    for m in _LINE.finditer(body):
        start = m.start()
        if start < skip:
            continue
        if sub is not None and prose < start:
            sub.text.extend(s for s in (ln.strip() for ln in body[prose:start].split("\n")) if s)
        line_no += body.count("\n", counted, start)
        counted = start
        kind, end = m.lastgroup, m.end()
        if kind == "underline":  # a line with a '===' or '---' line under it: a setext heading, mostly
            candidate = m.group("setext")
            before = body.rfind("\n", 0, max(start - 1, 0)) + 1 if start else -1
            if not (stack and start and before >= stack[-1].start and body[before : start - 1].strip()):
                skip = prose = body.find("\n", end + 1) + 1 or size + 1
                open_heading(1 if m.group("underline")[0] == "=" else 2, candidate.strip(), line_no, start, skip)
                continue
            m = _LABEL.match(body, start)
            if m is None:  # prose after all; its underline is read as a line of its own
                prose = start
                continue
            kind = m.lastgroup
        prose = end + 1
        if kind == "fence":
            mark = m.group("fence_mark")
            while True:
                close = _FENCE.search(body, prose)
                if close is None:
                    problems.add("warning", None, "a ``` code block is never closed; everything after it is code")
                    skip = prose = size + 1
                    break
                skip = prose = body.find("\n", close.end()) + 1 or size + 1
                found = close.group(1)
                if found[0] == mark[0] and len(found) >= len(mark):
                    break
        elif kind == "atx":
            open_heading(len(m.group("atx_level")), _atx_title(m.group("atx_text") or ""), line_no, start, end + 1)
        elif kind == "check":
            group = stack[-1].title if stack else "Checklist"
            raw_items.append((group, m.group("check_text").strip(), line_no))
        elif not stack:
            pass
        elif kind == "bullet":
            entry = (len(m.group("indent").expandtabs(4)), m.group("bullet_text").strip(), line_no)
            (sub.topics if sub is not None else stack[-1].topics).append(entry)
        else:  # a line starting with '**'
            stripped = m.group("label").strip()
            label = _BOLD_LABEL.match(stripped)
            if (
                label
                and current_phase is not None
                and stack[-1] is current_phase.heading
                and clean_inline(label.group(1)).rstrip(":").lower() == "objective"
            ):
                current_phase.objective = label.group(2).lstrip(":").strip() or current_phase.objective
            elif label and (label.group(1).endswith(":") or label.group(2).startswith(":")):
                sub = _Sub(clean_inline(label.group(1)).rstrip(":"), line_no)
                rest = label.group(2).lstrip(":").strip()
                if rest:
                    sub.text.append(rest)
                stack[-1].subsections.append(sub)
            elif sub is not None:
                sub.text.append(stripped)
    if sub is not None and prose < size:
        sub.text.extend(s for s in (ln.strip() for ln in body[prose:].split("\n")) if s)
    if headings:
        headings[-1].end = size

    too_deep: list[int] = []
    built_phases = _build_phases(phases, problems, too_deep)
    checklist = _build_checklist(raw_items, problems)
    sections = _build_sections(body, headings, checklist, too_deep)
    if too_deep:
        problems.add(
            "warning",
            min(too_deep),
            f"{len(too_deep)} bullet(s) are nested more than {MAX_TOPIC_DEPTH} levels deep; "
            f"they are kept {MAX_TOPIC_DEPTH} levels deep",
        )
    return title, built_phases, checklist, sections


def _topics(entries: list[tuple[int, str, int]], too_deep: list[int]) -> tuple[Topic, ...]:
    """Nest bullets by indentation; the lines of bullets deeper than MAX_TOPIC_DEPTH go to `too_deep`."""
    if not entries:
        return ()
    indent = entries[0][0]
    if all(e[0] == indent for e in entries):  # a flat list, the usual case
        return tuple([Topic(text, line) for _, text, line in entries])
    roots: list[tuple[int, str, int, list]] = []
    stack: list[tuple[int, str, int, list]] = []
    for indent, text, line in entries:
        node = (indent, text, line, [])
        while stack and stack[-1][0] >= indent:
            stack.pop()
        if len(stack) == MAX_TOPIC_DEPTH:  # one level up, beside the deepest
            stack.pop()
            too_deep.append(line)
        (stack[-1][3] if stack else roots).append(node)
        stack.append(node)

    def freeze(node: tuple[int, str, int, list]) -> Topic:
        return Topic(node[1], node[2], tuple(freeze(c) for c in node[3]))

    return tuple(freeze(n) for n in roots)


def _build_phases(builders: list[_PhaseBuilder], problems: _Problems, too_deep: list[int]) -> tuple[Phase, ...]:
    if not builders:
        problems.add(
            "error",
            None,
            "no phases found: add headings like '### Phase 1: Foundations (Weeks 1-4)' "
            "so the bot can walk learners through the path",
        )
        return ()
    phases: list[Phase] = []
    previous: _PhaseBuilder | None = None
    for b in builders:
        if b.first < 1 or b.last < b.first or b.last > MAX_WEEKS:
            problems.add(
                "error",
                b.line,
                f"Phase {b.number} has impossible weeks {b.first}-{b.last}: weeks count from 1 "
                f"and the last week must not come before the first (at most {MAX_WEEKS})",
            )
        if previous is None:
            if b.number != 1:
                problems.add("warning", b.line, f"the first phase is Phase {b.number}; phases usually start at 1")
            if b.first > 1:
                problems.add("warning", b.line, f"Phase {b.number} starts at week {b.first}, not week 1")
        else:
            if b.number <= previous.number:
                problems.add(
                    "error",
                    b.line,
                    f"phases out of order: Phase {b.number} comes after Phase {previous.number} "
                    f"(line {previous.line}); number them 1, 2, 3, ...",
                )
            elif b.number != previous.number + 1:
                problems.add(
                    "warning",
                    b.line,
                    f"Phase {previous.number + 1} is missing between {previous.number} and {b.number}",
                )
            if b.first <= previous.last:
                problems.add(
                    "error",
                    b.line,
                    f"Phase {b.number} (weeks {b.first}-{b.last}) overlaps Phase {previous.number} "
                    f"(weeks {previous.first}-{previous.last}, line {previous.line})",
                )
            elif b.first > previous.last + 1:
                problems.add(
                    "warning",
                    b.line,
                    f"weeks {previous.last + 1}-{b.first - 1} belong to no phase "
                    f"(between Phase {previous.number} and Phase {b.number})",
                )
        if b.objective is None:
            problems.add("warning", b.line, f"Phase {b.number} has no '**Objective:**' line")
        phases.append(
            Phase(
                number=b.number,
                title=b.title,
                first_week=b.first,
                last_week=b.last,
                line=b.line,
                section_id=b.section_id,
                objective=b.objective,
                topics=b.heading.topic_tree(too_deep) if b.heading else (),
                subsections=b.heading.built_subsections(too_deep) if b.heading else (),
            )
        )
        previous = b
    return tuple(phases)


def _build_checklist(raw: list[tuple[str, str, int]], problems: _Problems) -> tuple[ChecklistItem, ...]:
    items: list[ChecklistItem] = []
    seen: dict[str, int] = {}
    for group, text, line in raw:
        text, explicit = split_explicit_id(text)
        if not text:
            problems.add("error", line, "empty checklist item")
            continue
        item_id = explicit or checklist_item_id(text)
        if item_id in seen:
            problems.add(
                "error",
                line,
                f"checklist item '{text}' has the same ID ({item_id}) as the item on line {seen[item_id]}: "
                "reword one of them, or give it its own '{#some-id}' at the end",
            )
            continue
        seen[item_id] = line
        items.append(ChecklistItem(item_id, group, text, line))
    return tuple(items)


def _add_topics(
    out: list[Section], topics: tuple[Topic, ...], prefix: str, path: tuple[str, ...], phase: int | None
) -> None:
    """Add a section for each topic and, after it, its nested ones."""
    for i, topic in enumerate(topics, 1):
        tid = f"{prefix}.{i}"
        out.append(Section(tid, _topic_title(topic.text), path, topic.text, topic.line, "topic", phase))
        if topic.children:
            _add_topics(out, topic.children, tid, path, phase)


def _topic_title(text: str) -> str:
    plain = clean_inline(text)
    head, sep, _ = plain.partition(":")
    title = head if sep and 0 < len(head.strip()) <= 80 else plain
    return title.strip().strip("\"'“”‘’").strip() or plain


def _build_sections(
    body: str, headings: list[_Heading], checklist: tuple[ChecklistItem, ...], too_deep: list[int]
) -> list[Section]:
    """Every heading is a section; its bold-label blocks and bullets are finer-grained entries under it."""
    sections: list[Section] = []
    paths: dict[str, tuple[str, ...]] = {}
    finer: list[Section] = []
    open_path: list[_Heading] = []
    for h in headings:
        while open_path and open_path[-1].level >= h.level:
            open_path.pop()
        open_path.append(h)
        path = tuple([x.title for x in open_path])
        paths[h.title] = path
        text = body[h.start : h.end].strip("\n")
        sections.append(
            Section(h.section_id, h.title, path, text, h.line, "phase" if h.is_phase else "section", h.phase)
        )
        if h.topics:
            _add_topics(finer, h.topic_tree(too_deep), f"{h.section_id}~t", path, h.phase)
        if h.subsections:
            for si, sub in enumerate(h.built_subsections(too_deep), 1):
                sid = f"{h.section_id}~s{si}"
                sub_path = (*path, sub.label)
                body_text = "\n".join([sub.text, *(f"- {t.text}" for t in sub.topics)]).strip()
                finer.append(Section(sid, sub.label, sub_path, body_text, sub.line, "subsection", h.phase))
                _add_topics(finer, sub.topics, f"{sid}~t", sub_path, h.phase)
    for item in checklist:
        path = paths.get(item.group, (item.group,))
        finer.append(Section(item.id, item.text, path, item.text, item.line, "checklist"))
    return sections + finer
