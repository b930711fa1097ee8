"""A checklist group named by a phase heading that writes its length between its number and its title ('Sprint 0
(1 week) — Setup') drops the length, as one written after the title does."""

from __future__ import annotations

from tests.content.helpers import parse_body

SPRINTS = """
## Sprint 0 (1 week) — Tooling
- [ ] Install the compiler

## Sprint 1 (2 weeks) — Ownership
- [ ] Borrow a string
"""


def test_a_length_before_the_title_is_not_in_the_group_name():
    role = parse_body(SPRINTS)[0]
    assert [item.group for item in role.checklist] == ["Sprint 0 — Tooling", "Sprint 1 — Ownership"]
