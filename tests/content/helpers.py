"""Build small role files for tests."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.content.loader import parse_bytes
from bot.content.models import Problem, Role, Section

FRONT = """---
name: {name}
displayName: {display}
description: A test path.
timelineMonths:
  steady: 6-9
{extra}---
"""


def role_file(name: str = "test-role", display: str | None = None, body: str | None = None, extra: str = "") -> str:
    """Return a small valid role file, with its body replaceable."""
    display = display or name.replace("-", " ").title()
    body = body if body is not None else DEFAULT_BODY
    return FRONT.format(name=name, display=display, extra=extra) + textwrap.dedent(body)


DEFAULT_BODY = """
# Test Path

## Learning Path

### Phase 1: Basics (Weeks 1-2)
**Objective:** Learn the basics

- Topic one: details
  - Nested detail
- Topic two

### Phase 2: More (Weeks 3-5)
**Objective:** Learn more

**Deep Dive:**
- Deep topic

## Checklist

### Early
- [ ] Do the first thing
- [x] Do the second thing
"""


ROADMAPS = Path(__file__).parents[1] / "fixtures" / "roadmaps"


def roadmap(name: str) -> Role:
    """Parse the roadmap fixture `name` (tests/fixtures/roadmaps/NAME.md), which must load."""
    role, problems = parse_bytes((ROADMAPS / f"{name}.md").read_bytes(), f"{name}.md")
    assert role is not None, problems
    return role


def written_role(name: str, body: str) -> Role:
    """Parse a role file named `name` of `body` (see `role_file`), which must load."""
    role, problems = parse_bytes(role_file(name, body=body).encode(), f"{name}.md")
    assert role is not None, problems
    return role


def parse_body(body: str) -> tuple[Role, list[Problem]]:
    """Parse a role file of `body` (see `role_file`), which must load."""
    role, problems = parse_bytes(role_file(body=body).encode(), "x.md")
    assert role is not None, problems
    return role, problems


def warnings(problems: list[Problem]) -> list[str]:
    """Return the messages of the warnings among `problems`."""
    return [p.message for p in problems if p.severity == "warning"]


def errors(problems: list[Problem]) -> list[str]:
    """Return the messages of the errors among `problems`."""
    return [p.message for p in problems if p.severity == "error"]


def section_titled(role: Role, title: str) -> Section:
    """Return the one section of a role with this title."""
    (found,) = [s for s in role.sections if s.title == title]
    return found


def parse_messages(body: str) -> tuple[Role, list[str]]:
    """Parse a role file of `body`, which must load; return the role and its problems' messages."""
    role, problems = parse_body(body)
    return role, [p.message for p in problems]


def phase_spans(role: Role) -> list[tuple[int | None, str, tuple[int, int]]]:
    """Return each phase of a role as (number, title, weeks)."""
    return [(p.number, p.title, p.weeks) for p in role.phases]


# A plan written as one numbered list of bold titles with their weeks, no headings (see `read_titled_item`).
TITLED_LIST_PLAN = """
1. **Foundations (Weeks 1-4)**
   - Spreadsheets: formulas, pivot tables
   - [ ] Clean a messy CSV
2. **SQL (Weeks 5-8)**
   - Joins and window functions
   - [ ] Write a cohort retention query
"""


def finishes_in_a_minute(script: str, what: str) -> None:
    """Run `script` in a subprocess, failing the test if it takes a minute: a pattern gone quadratic on a long line
    would take hours, a linear one milliseconds, and a subprocess can be stopped where a regex search cannot."""
    try:
        subprocess.run([sys.executable, "-c", script], timeout=60, check=True)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{what} did not finish in a minute: a pattern has gone quadratic")


# A phase with a part folded in a `<details>` block, and tasks written after the block
PHASE_WITH_A_FOLDED_PART = """
## Phase 1: Storage engines (Weeks 1-3)

**Objective:** Keep data on disk safely.

- Append-only logs
- Compaction

<details>
<summary>Extra credit</summary>

- Write a B-tree of your own
- Add range scans

</details>

- [ ] Survive a crash without losing acknowledged writes
- [ ] Keep the disk use under twice the live data

## Phase 2: Networking (Weeks 4-5)

- Wire formats
- [ ] Serve reads over TCP
"""
