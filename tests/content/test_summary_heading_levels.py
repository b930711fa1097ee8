"""A `<details>` block whose `<summary>` wraps a heading tag (`<summary><h2>Junior</h2></summary>`) is a heading of
the level written there, so a README's levels sit beside one another, each holding its own sections; but one written
inside a phase, whose level would end that phase, stays a part of it."""

from __future__ import annotations

from bot.content.search import SearchIndex
from tests.content.helpers import parse_body, section_titled

LEVELS = """
## Overview

How the levels below fit together.

<details>
<summary><h2>Beginner</h2></summary>

### Version control
- [ ] Branch and merge

### Shell
- Pipes and redirection

</details>

<details>
<summary><h2>Advanced</h2></summary>

### Distributed systems
- [ ] Explain consensus

</details>
"""


def test_a_summary_wrapping_an_h2_is_a_level_two_heading():
    role = parse_body(LEVELS)[0]
    assert role.trail(section_titled(role, "Beginner").path) == ("Beginner",)
    assert role.trail(section_titled(role, "Shell").path) == ("Beginner", "Shell")
    assert role.trail(section_titled(role, "Advanced").path) == ("Advanced",)
    assert role.trail(section_titled(role, "Distributed systems").path) == ("Advanced", "Distributed systems")
    (hit, *_) = SearchIndex([role]).search("advanced")
    assert role.trail(hit.path) == ("Advanced",)


def test_a_plain_summary_is_still_one_level_under_the_heading_above():
    role = parse_body(LEVELS.replace("<h2>", "").replace("</h2>", ""))[0]
    assert role.trail(section_titled(role, "Beginner").path) == ("Overview", "Beginner")


def test_a_summary_wrapping_an_h2_inside_a_phase_stays_in_that_phase():
    phases = (
        ("## Phase 1: Shell", "## Phase 2: Git"),
        ("## 1️⃣ Shell\n**Time:** 3 weeks", "## 2️⃣ Git\n**Time:** 3 weeks"),
        ("## Sprint 1: Shell (3 weeks)", "## Sprint 2: Git (3 weeks)"),
    )
    for first, second in phases:
        body = f"""
{first}

- Pipes

<details>
<summary><h2>Further reading</h2></summary>

- [ ] Read the bash manual

</details>

{second}

- [ ] Make a branch
"""
        role = parse_body(body)[0]
        reading = section_titled(role, "Further reading")
        assert len(role.trail(reading.path)) == 2, first
        (item, _) = role.checklist
        assert item.phase == 1, first
