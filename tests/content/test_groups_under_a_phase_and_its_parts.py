"""A sub-heading written right under a phase's heading and again under a part of it ('### Drills' in '## Phase 1:
Wood (Weeks 1-4)', and '#### Drills' under its '### Project') is two groups in /checklist: the phase's own, named
by the phase as shown ('Phase 1: Wood › Drills', never the heading as written with its weeks), and the part's."""

from __future__ import annotations

from tests.content.helpers import parse_messages

PLAN = """# Workshop

## Phase 1: Wood (Weeks 1-4)

### Drills

- [ ] Saw a board

### Project

#### Drills

- [ ] Glue a box

## Phase 2: Metal (Weeks 5-8)

### Drills

- [ ] File a bar
"""


def test_a_group_under_a_phase_and_under_its_part_is_named_by_each():
    role, _ = parse_messages(PLAN)
    assert [(i.group, i.text) for i in role.checklist] == [
        ("Phase 1: Wood › Drills", "Saw a board"),
        ("Phase 1: Wood › Project › Drills", "Glue a box"),
        ("Phase 2: Metal › Drills", "File a bar"),
    ]
