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


def test_a_keycap_phases_group_is_named_as_its_phase_is():
    role, _ = parse_body(
        "## 1️⃣ Foundations — 2 weeks\n- [ ] Install Linux\n\n## 2️⃣ Containers (3 weeks)\n- [ ] Build an image\n"
    )
    assert [p.number for p in role.phases] == [1, 2]
    assert [i.group for i in role.checklist] == ["Phase 1: Foundations", "Phase 2: Containers"]
