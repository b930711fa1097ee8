"""Role files built for tests: small ones to edit, and one with very long texts and many items."""

from __future__ import annotations

import shutil
from pathlib import Path

WORDS = (
    "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore "
    "magna aliqua ut enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo "
)


def prose(n: int, seed: int = 0) -> str:
    """`n` characters of words, different for each seed (so search and IDs tell them apart)."""
    out = []
    k = 0
    while sum(len(w) + 1 for w in out) < n:
        out.append(f"w{seed}x{k}" if k % 7 == 0 else WORDS.split()[k % len(WORDS.split())])
        k += 1
    return " ".join(out)[:n].rstrip()


def long_role(
    name: str = "long-role",
    *,
    description_len: int = 4000,
    phases: int = 12,
    items: int = 60,
    groups: int = 1,
    item_len: int = 150,
    notes_len: int = 9000,
) -> str:
    """A valid role file with texts as long as an author could make them."""
    display = ("Extraordinarily Long Display Name " * 4).strip()
    lines = [
        "---",
        f"name: {name}",
        f"displayName: {display}",
        f"description: {prose(description_len, 1)}",
        "timelineMonths:",
        "  slow: 20-24",
        "  fast: 1-2",
        "salaryRange:",
        '  entry: "$1-$2"',
        "---",
        "",
        "# Long Role",
        "",
        "## Learning Path",
        "",
    ]
    week = 1
    for p in range(1, phases + 1):
        lines.append(f"### Phase {p}: {f'Remarkably long phase title {p} ' * 9}(Weeks {week}-{week + 2})")
        lines.append(f"**Objective:** {prose(600, 100 + p)}")
        for t in range(12):
            lines.append(f"- Topic p{p}t{t}: {prose(350, 1000 + p * 20 + t)}")
            lines.append(f"  - Detail p{p}t{t}: {prose(150, 5000 + p * 20 + t)}")
        lines.append(f"**Deep Dive {p}:**")
        lines.append(f"- Deep p{p}: {prose(300, 9000 + p)}")
        lines.append("")
        week += 3
    lines += ["## Field Notes", ""]
    # Paragraphs, so the notes have to be split over pages.
    written = 0
    paragraph = 0
    while written < notes_len:
        chunk = prose(700, 20000 + paragraph)
        lines += [chunk, ""]
        written += len(chunk)
        paragraph += 1
    lines += ["## Checklist", ""]
    per_group = max(1, items // groups)
    n = 0
    for g in range(groups):
        lines.append(f"### Group {g} " + "g" * 150)
        for _ in range(per_group):
            lines.append(f"- [ ] Item i{n}q {prose(item_len, 30000 + n)}")
            n += 1
        lines.append("")
    return "\n".join(lines) + "\n"


ROADMAPS = Path(__file__).resolve().parents[1] / "fixtures" / "roadmaps"
SHIPPED = Path(__file__).resolve().parents[2] / "content"
SELF_PACED = "interview-checklist"
"""A self-paced path (no phase headings) with a 31-item checklist in eight groups."""
NO_CHECKLIST = "university-curriculum"
"""A self-paced path with neither phases nor a checklist: only sections to search."""
PACED_SELF_PACED = "paced-checklist"
"""A self-paced path whose front-matter still has `timelineMonths` (paces it cannot use)."""
PACED_SELF_PACED_TEXT = """---
name: paced-checklist
displayName: Paced Checklist
description: A checklist without phases whose author left paces in the front-matter.
timelineMonths: {complete_beginner: 6-9}
---
# Paced Checklist

## Basics

- [ ] Read the guide
- [ ] Write a first program
"""


def self_paced_content(folder: Path) -> Path:
    """Fill `folder` with self-paced paths (from the roadmap fixtures) and the shipped backend path."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in (SELF_PACED, NO_CHECKLIST):
        shutil.copy(ROADMAPS / f"{name}.md", folder / f"{name}.md")
    shutil.copy(SHIPPED / "backend-engineer.md", folder / "backend-engineer.md")
    (folder / f"{PACED_SELF_PACED}.md").write_text(PACED_SELF_PACED_TEXT, encoding="utf-8")
    return folder
