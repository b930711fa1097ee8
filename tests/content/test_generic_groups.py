"""A checklist group whose name says nothing of where it is ('### Lab', '**À faire :**', '**To-do**') is named
with its phase in /checklist, as a group repeated in several phases is; its items keep the IDs of their words."""

from __future__ import annotations

from bot.content.ids import checklist_item_id
from tests.content.helpers import parse_body

PLAN = """
# Security+

## Week 1: Domain 1.0 — General Security Concepts

- [ ] Make flashcards for every control type

## Weeks 2-3: Domain 2.0 — Threats

- 2.1 Threat actors

### Lab

- [ ] Run an OWASP ZAP scan

## Week 4: Domain 3.0 — Architecture

### Graph theory

- [ ] Problem set 3

## Week 5: Domain 4.0 — Operations

**À faire :**
- [ ] Une to-do list avec sauvegarde

### ✅ To-do

- [ ] Write out the IR process

## Checklist

- [ ] Book the exam
"""


def test_a_generic_sub_heading_or_label_is_named_with_its_phase() -> None:
    role, problems = parse_body(PLAN)
    assert problems == []
    assert role.checklist_groups == (
        "Week 1: Domain 1.0 — General Security Concepts",
        "Phase 2: Domain 2.0 — Threats › Lab",
        "Graph theory",  # a title: it says what part of the phase it is
        "Phase 4: Domain 4.0 — Operations › À faire",
        "Phase 4: Domain 4.0 — Operations › ✅ To-do",
        "Checklist",  # in no phase: nothing to name it with
    )


def test_a_generic_groups_items_keep_the_ids_of_their_words_and_are_found_where_written() -> None:
    role, _ = parse_body(PLAN)
    assert [i.id for i in role.checklist] == [checklist_item_id(i.text) for i in role.checklist]
    (lab,) = [s for s in role.sections if s.kind == "checklist" and s.title == "Run an OWASP ZAP scan"]
    assert lab.path == ("Security+", "Weeks 2-3: Domain 2.0 — Threats", "Lab")
    (todo,) = [s for s in role.sections if s.kind == "checklist" and s.title == "Une to-do list avec sauvegarde"]
    assert todo.path == ("Security+", "Week 5: Domain 4.0 — Operations", "À faire")
