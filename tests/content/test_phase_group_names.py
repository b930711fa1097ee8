"""The checklist group of the tasks written under a phase's own heading: named by the heading without the span or
length after its title ('Stage III. Cloud Fundamentals — 3 weeks' is 'Stage III. Cloud Fundamentals')."""

from __future__ import annotations

from bot.content.ids import checklist_item_id
from tests.content.helpers import parse_body

STAGES = """
## The roadmap

### Stage I — Linux & Networking (Weeks 1–3)

#### I.1 The shell

- Files and permissions

#### I.2 Networking

- DNS and HTTP

---

- [ ] Checkpoint: serve a static page over HTTPS

### Stage II: Scripting and Git (Weeks 4-5)

#### II.1 Git

- Branches and rebase

- [ ] Checkpoint: a backup script in a Git repo

### Stage III. Cloud Fundamentals — 3 weeks

- [ ] Checkpoint: a static site behind a CDN
"""


def test_a_phases_group_is_its_heading_without_its_span_or_length() -> None:
    role, _ = parse_body(STAGES)
    assert [(i.group, i.text) for i in role.checklist] == [
        # a task after a sub-section is the sub-section's, a thematic break between or not: a break that moved it to
        # the phase would change the ID of a task repeated in every phase ('Checkpoint quiz'), which is keyed on
        # its place
        ("I.2 Networking", "Checkpoint: serve a static page over HTTPS"),
        ("II.1 Git", "Checkpoint: a backup script in a Git repo"),
        ("Stage III. Cloud Fundamentals", "Checkpoint: a static site behind a CDN"),
    ]
    # the IDs are the items' words, as they were
    assert [i.id for i in role.checklist] == [checklist_item_id(i.text) for i in role.checklist]


def test_a_heading_named_by_its_span_and_headings_alike_but_for_it_keep_their_names() -> None:
    role, _ = parse_body(
        "## Week 1: Git\n\n- [ ] Make a repo\n\n"
        "## Basics (Weeks 2-3)\n\n- [ ] Read the book\n\n## Basics (Weeks 4-5)\n\n- [ ] Write the notes\n"
    )
    assert [i.group for i in role.checklist] == ["Week 1: Git", "Basics (Weeks 2-3)", "Basics (Weeks 4-5)"]


def test_a_heading_that_says_more_after_its_span_keeps_it() -> None:
    role, _ = parse_body("## Phase 1: Swift (Weeks 1-3) [25h]\n\n- [ ] Build an app\n")
    assert [i.group for i in role.checklist] == ["Phase 1: Swift (Weeks 1-3) [25h]"]


def test_a_phases_group_leaves_out_a_time_box_as_it_does_a_length() -> None:
    role, problems = parse_body(
        "## Phase 1: Basics (Weeks 1-2)\n\n- [ ] Set up\n\n## Phase 2: Deploy [2w]\n\n- [ ] Ship it\n\n"
        "## Phase 3: Tune [3d]\n\n- [ ] Profile it\n\n## Phase 4: Scale (~2 wks)\n\n- [ ] Shard it\n"
    )
    assert [p.weeks for p in role.phases] == [(1, 2), (3, 4), (5, 5), (6, 7)]
    assert [i.group for i in role.checklist] == [
        "Phase 1: Basics",
        "Phase 2: Deploy",
        "Phase 3: Tune",
        "Phase 4: Scale",
    ]
    assert [i.id for i in role.checklist] == [checklist_item_id(i.text) for i in role.checklist]
