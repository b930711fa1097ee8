"""Role files in the core shapes of the format, written at random (seeded) from pieces whose reading is known: each
must load without errors and give the phases, weeks, titles, objectives, parts, topics, links and checklist items it
was written with; its item IDs must not move when a blank line is added, its prose reworded or its line ends made
CRLF; and searching a part's title must find that part first."""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import dataclass, field

import pytest

from bot.content.loader import parse_bytes
from bot.content.models import Role
from bot.content.search import SearchIndex
from bot.handlers.learning import phase_body

TITLES = [
    "Foundations", "Git and GitHub", "SQL & Databases", "Node.js Basics", "CI/CD Pipelines", "HTML, CSS and the DOM",
    "C# Fundamentals", "Python 3 Basics", "HTTP/2 and TLS", "Top 10 Interview Patterns", "OAuth 2.0 and OpenID",
    "Capstone Project", "Portfolio & Job Search", "Docker in Practice", "Machine Learning 101",
]  # fmt: skip
ESCAPED = {"C# Fundamentals": "C\\# Fundamentals", "SQL & Databases": "SQL \\& Databases"}
PARTS = [
    "Core Concepts", "Hands-on Practice", "Reading List", "Mini Project", "Common Pitfalls", "Lab Work",
    "Deep Dive: Indexes", "Resources", "Exercises", "What You'll Learn", "Top 5 Tools",
]  # fmt: skip
BULLETS = ["variables and types", "joins and group by", "unit tests with pytest", "HTTP status codes", "binary search"]
ROWS = ["Window Functions", "Load Balancers", "Binary Trees", "Promises", "Message Queues", "Regular Expressions"]
TASKS = [
    "Build a todo app", "Write a README for your project", "Deploy a static site", "Set up a CI workflow",
    "Benchmark two queries", "Containerise a small service", "Profile a slow endpoint", "Write three SQL views",
    "Add logging to the worker", "Rotate an API key safely", "Review a pull request", "Draw the schema of a shop",
]  # fmt: skip
SAME_TASK = "Push your work to GitHub"
GOALS = ["Be able to ship a small app end to end", "Read and write everyday queries with confidence"]
# First sentences, and the same reworded: the objective of a phase without an objective line is its first sentence.
PROSE = [
    ("Read ch. 2 of the guide before anything else.", "Read chapter 2 of the guide first."),
    ("Install Git, Python etc. before the first session.", "Set up your tools before the first session."),
    ("Learn Node.js basics with small scripts.", "Learn the basics of Node.js with scripts."),
    ("Take it slowly and write notes as you go.", "Go at your own pace and keep notes."),
]
EMOJI = ["🚀", "🎯", "📚", "⚙️", "🐍"]
LINKS = [
    ("[Pro Git](https://git-scm.com/book/en/v2)", "[Pro Git](https://git-scm.com/book/en/v2)"),
    ("<https://docs.python.org/3/>", "<https://docs.python.org/3/>"),
    ("[Graphs](https://en.wikipedia.org/wiki/Graph_(discrete_mathematics))", "[Graphs](https://en.wikipedia.org"),
    ("[MDN][mdn]\n\n[mdn]: https://developer.mozilla.org/", "[MDN](https://developer.mozilla.org/)"),
]
SHAPES = ["phase", "phase_first", "phase_level", "week", "bold_week", "weeks", "unspanned", "none"]
JUNK = re.compile(r"\*\*|(?:^|\s)#|\[|\]\(|\\|\u00a0|\b(?:Phase|Weeks?)\s*\d", re.IGNORECASE)
ICON = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\ufe0f]")
OUTLINE = re.compile(r"^\d+(?:\.\d+)?\.? ")  # a part's outline number: '2. ', '2.2 '


@dataclass
class Expected:
    title: str
    weeks: tuple[int, int] | None
    objective: str | None = None
    parts: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


@dataclass
class Written:
    text: str
    reworded: str
    blank_added: str
    shape: str
    phases: list[Expected]
    checklist: list[str]


def span(r: random.Random, a: int, b: int) -> str:
    if a == b:
        return r.choice([f"Week {a}", f"week {a}"])
    dash = r.choice(["-", "–", "\u2011"])
    return r.choice([f"Weeks {a}{dash}{b}", f"Weeks {a} {dash} {b}", f"Weeks {a} to {b}", f"weeks {a}{dash}{b}"])


def heading(r: random.Random, shape: str, n: int, title: str, a: int, b: int) -> str:
    sep = r.choice([":", " -", " –", " —"])
    weeks = span(r, a, b)
    if shape == "phase":
        core = r.choice([f"Phase {n}{sep} {title}", f"**Phase {n}{sep} {title}**", f"Phase {n}{sep} **{title}**"])
        lead = f"{r.choice(EMOJI)} " if r.random() < 0.3 else ""
        tail = f" {r.choice(EMOJI)}" if r.random() < 0.3 else ""
        return r.choice([f"{lead}{core} ({weeks}){tail}", f"{lead}Phase {n}{sep} {title} [{weeks}]{tail}"])
    if shape == "phase_first":
        return f"PHASE {n} ({weeks}): {title}"
    if shape == "phase_level":
        return f"Phase {n}: {title} ({weeks}) (Beginner Level)"
    if shape == "week":
        return r.choice([f"Week {a}: {title}", f"Week {a} — {title}", f"{r.choice(EMOJI)} Week {a} - {title}"])
    if shape == "weeks":
        return f"{weeks}{r.choice([':', ' —'])} {title}"
    return f"Phase {n}{sep} {title}"  # unspanned


def phase_lines(
    r: random.Random, exp: Expected, part_level: int | None, tasks: list[str], checklist: list[str]
) -> list[tuple[str, str]]:
    """Return the lines under a phase as written and reworded, filling in what they must read as."""
    lines: list[tuple[str, str]] = []

    def add(line: str, other: str | None = None) -> None:
        lines.append((line, line if other is None else other))

    if r.random() < 0.7:
        exp.objective = r.choice(GOALS)
        label = r.choice(["Objective", "Goal", "Focus", "Outcome"])
        add(
            r.choice(
                [f"**{label}:** {exp.objective}", f"**🎯 {label}:** {exp.objective}", f"**{label}**: {exp.objective}"]
            )
        )
        add("")
    else:
        (first, first_again), (second, second_again) = r.sample(PROSE, 2)
        exp.objective = first
        add(f"{first} {second}", f"{first_again} {second_again}")
        add("")
    for block in r.sample(["bullets", "table", "quote", "items", "tasks", "link"], r.randint(2, 4)):
        if r.random() < 0.6:
            part = r.choice([p for p in PARTS if p not in exp.parts])
            exp.parts.append(part)
            if part_level is None or r.random() < 0.25:
                add(f"**{part}:**")
            else:
                number = len(exp.parts)
                lead = r.choice(["", "", f"{r.choice(EMOJI)} ", f"{number}. ", f"{number}.{number} "])
                add(f"{'#' * part_level} {lead}{part}")
                add("")
        if block == "bullets":
            for bullet in r.sample(BULLETS, 2):
                add(r.choice([f"- {bullet}", f"* **{bullet}**", f"- ~~old~~ {bullet}"]))
        elif block == "table":
            piped = r.random() < 0.7
            add("| Topic | Why |\n| --- | --- |" if piped else "Topic | Why\n--- | ---")
            for row in r.sample(ROWS, 2):
                cell = r.choice([row, f"**{row}**", f"`{row}`", f"[{row}](https://example.com/{len(row)})"])
                add(f"| {cell} | {r.choice(BULLETS)} |" if piped else f"{cell} | {r.choice(BULLETS)}")
                exp.topics.append(row)
        elif block == "quote":
            for bullet in r.sample(BULLETS, 2):
                add(f"> - {bullet}")
                exp.topics.append(bullet)
        elif block == "items":
            for item in r.sample(["Arrays", "Recursion", "Sorting", "Heaps"], 2):
                add(f"- ### {item}")
                exp.topics.append(item)
        elif block == "tasks" and len(tasks) >= 4:
            outer, inner = tasks.pop(), tasks.pop()
            add(f"- [ ] {outer}\n  - [x] **{inner}**")
            checklist += [outer, inner]
            if r.random() < 0.5:  # the same task under the heading of each phase that has tasks
                add(f"- [ ] {SAME_TASK}")
                checklist.append(SAME_TASK)
        elif block == "link":
            written, kept = r.choice(LINKS)
            add(f"- Read {written}")
            exp.links.append(kept)
        add("")
    return lines


def write(seed: int) -> Written:
    """Write a role file of a shape, seeded: its text, reworded, with a blank line added, and what it must read as."""
    r = random.Random(seed)
    shape = SHAPES[seed % len(SHAPES)]
    level = r.choice([2, 3])
    timeline = r.random() < 0.5
    front = "---\nname: gen-role\ndisplayName: Gen Role\ndescription: One line.\n"
    front += "timelineMonths:\n  steady: 4-6\n---\n" if timeline else "---\n"
    lines: list[tuple[str, str]] = []
    if r.random() < 0.7:
        lines += [("# Backend Developer Roadmap", "# Backend Developer Roadmap"), ("", "")]
    (first, again), _ = r.sample(PROSE, 2)
    lines += [(first, again), ("", "")]
    blank_at = len(lines)
    if level == 3 and r.random() < 0.7:
        lines += [("## Learning Path", "## Learning Path"), ("", "")]
    tasks = r.sample(TASKS, len(TASKS))
    checklist: list[str] = []
    phases: list[Expected] = []
    week = 1
    for n, title in enumerate(r.sample(TITLES, r.randint(2, 4)), start=1):
        a = week
        b = a if shape in ("week", "bold_week") else a + r.randint(1 if shape == "phase_first" else 0, 3)
        week = b + 1
        exp = Expected(title, (a, b) if shape not in ("unspanned", "none") else None)
        exp.title += " (Beginner Level)" if shape == "phase_level" else ""
        written = ESCAPED.get(title, title) if r.random() < 0.5 else title
        if shape == "bold_week":
            lines += [(f"**Week {a}: {written}**",) * 2, ("", "")]
        elif shape == "none":
            lines += [(f"{'#' * level} {written}",) * 2, ("", "")]
        else:
            head = f"{'#' * level} {heading(r, shape, n, written, a, b)}"
            lines += [(head, head), ("", "")]
        part_level = None if shape == "bold_week" else level + 1
        lines += phase_lines(r, exp, part_level, tasks, checklist)
        phases.append(exp)
    top = "#" * (2 if level == 3 else level)
    if r.random() < 0.5:
        lines += [(f"{top} 📖 Resources",) * 2, ("", ""), ("- [Missing Semester](https://missing.csail.mit.edu/)",) * 2]
        lines += [("", "")]
    if r.random() < 0.5:
        lines += [(f"{top} ✅ Checklist",) * 2, ("", "")]
        for task in tasks[:2]:
            lines.append((f"- [ ] {task}",) * 2)
            checklist.append(task)
    elif shape not in ("none", "bold_week") and r.random() < 0.5:  # the checklist grouped by the plan's phases
        lines += [(f"{top} Progress Tracker",) * 2, ("", "")]
        for n, exp in enumerate(phases, start=1):
            group = f"Week {n}" if shape == "week" else r.choice([f"Phase {n}", f"Phase {n}: {exp.title}"])
            lines += [(f"{top}# {group}",) * 2, ("", ""), (f"- [ ] Review part {n}",) * 2, ("", "")]
            checklist.append(f"Review part {n}")
    text = front + "\n".join(line for line, _ in lines) + "\n"
    reworded = front + "\n".join(other for _, other in lines) + "\n"
    blank_added = front + "\n".join(
        [line for line, _ in lines[:blank_at]] + [""] + [line for line, _ in lines[blank_at:]]
    )
    return Written(text, reworded, blank_added + "\n", shape, [] if shape == "none" else phases, checklist)


def read(text: str) -> Role:
    role, problems = parse_bytes(text.encode(), "gen-role.md")
    assert role is not None, problems
    assert [p for p in problems if p.severity == "error"] == []
    return role


def bare(label: str) -> str:
    """Return a label without the icon or outline number written before it (labels keep them, as written)."""
    return OUTLINE.sub("", ICON.sub("", label).strip())


@pytest.mark.parametrize("seed", range(96))
def test_a_written_file_reads_as_written(seed: int) -> None:
    written = write(seed)
    role = read(written.text)
    assert len(role.phases) == len(written.phases), written.text
    for exp, phase in zip(written.phases, role.phases, strict=True):
        assert phase.title == exp.title, written.text
        assert not JUNK.search(phase.title) and not ICON.search(phase.title), phase.title
        if exp.weeks is not None:
            assert phase.weeks == exp.weeks, written.text
        assert phase.objective == exp.objective, written.text
        assert [p for p in exp.parts if p not in [bare(s.label) for s in phase.subsections]] == [], written.text
        titles = {t.title for t in phase.topics} | {t.title for s in phase.subsections for t in s.topics}
        assert [t for t in exp.topics if t not in titles] == [], written.text
        body = "\n".join(piece.md for piece in phase.body).replace("%28", "(").replace("%29", ")")
        assert [link for link in exp.links if link not in body] == [], written.text
        shown = phase_body(phase, [i for i in role.checklist if i.phase == phase.number], None)
        assert "### " not in shown and "\\#" not in shown
    if [exp for exp in written.phases if exp.weeks is None]:
        weeks = [p.weeks for p in role.phases]
        assert weeks[0][0] == 1 and all(b[0] == a[1] + 1 for a, b in itertools.pairwise(weeks))
    assert sorted(i.text for i in role.checklist) == sorted(written.checklist)
    assert len({i.id for i in role.checklist}) == len(role.checklist)


@pytest.mark.parametrize("seed", range(0, 96, 3))
def test_item_ids_stay_when_a_file_gets_a_blank_line_new_wording_or_crlf(seed: int) -> None:
    written = write(seed)
    ids = [i.id for i in read(written.text).checklist]
    for again in (written.reworded, written.blank_added, written.text.replace("\n", "\r\n")):
        assert [i.id for i in read(again).checklist] == ids


@pytest.mark.parametrize("seed", range(1, 96, 4))
def test_searching_a_parts_title_finds_that_part_first(seed: int) -> None:
    written = write(seed)
    role = read(written.text)
    index = SearchIndex([role])
    for part in [p for exp in written.phases for p in exp.parts]:
        (first, *_) = index.search(part, role=role.name, limit=3)
        assert bare(first.section.written_title) == part
