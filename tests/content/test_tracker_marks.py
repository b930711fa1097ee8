"""A progress tracker's status marks (✅ done · 🔄 in progress · ⬜ todo · ❌ dropped): its checklist, and what is out
of the work."""

from __future__ import annotations

import pytest

from tests.content.helpers import parse_body

TRACKER = """
# Cloud Security

**Legend:** ✅ done · 🔄 in progress · ⬜ not started · ❌ dropped

## Stage 1: Cloud & IAM (Weeks 1-3)

- ✅ ~~AWS Cloud Practitioner~~
- {mark} Policy evaluation logic
- ⬜ flAWS.cloud levels 1–6
- ❌ ~~Azure AZ-900~~

## Dropped

- ❌ Azure track — one cloud first
"""


@pytest.mark.parametrize("mark", ["🔄", "⏳", "🚧", "▶️", "🟡", "🕐"])
def test_every_status_mark_of_a_tracker_is_a_checklist_item_but_a_dropped_one(mark: str) -> None:
    role, _ = parse_body(TRACKER.format(mark=mark))
    assert [i.text for i in role.checklist] == [
        "AWS Cloud Practitioner",
        "Policy evaluation logic",
        "flAWS.cloud levels 1–6",
    ]
    (phase,) = role.phases
    # The author's tick is no learner's: the item shows as written, to tick, without its strikethrough.
    assert [(p.kind, p.md) for p in phase.body] == [
        ("task", "AWS Cloud Practitioner"),
        ("task", "Policy evaluation logic"),
        ("task", "flAWS.cloud levels 1–6"),
    ]
    assert phase.topics == ()
    stage = next(s for s in role.sections if s.title.startswith("Stage 1"))
    assert "- ❌ ~~Azure AZ-900~~" in stage.text  # kept in the section's text, as written
    dropped = next(s for s in role.sections if s.title == "Dropped")
    assert dropped.text == "- ❌ Azure track — one cloud first"


def test_a_struck_cross_is_dropped_without_a_legend_and_a_plain_cross_stays_open() -> None:
    body = "# T\n\n## Phase 1: Networking (Weeks 1-4)\n- ✅ OSI model\n- ❌ Subnetting\n- ❌ ~~IPv6 deep dive~~\n"
    role, _ = parse_body(body)
    assert [i.text for i in role.checklist] == ["OSI model", "Subnetting"]
    assert [p.md for p in role.phases[0].body] == ["OSI model", "Subnetting"]
