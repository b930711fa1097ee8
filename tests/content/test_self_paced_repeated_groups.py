"""A self-paced file (no phases) whose top-level headings each hold a sub-heading of the same name ('### Sign-off'
under every level of a career ladder): the same task under two of them is two items, and each group is named with
the heading it is under, as a phased file names a group written in several phases."""

from __future__ import annotations

from bot.content.ids import checklist_item_id
from bot.content.search import SearchIndex
from tests.content.helpers import parse_messages

LADDER = """
# Support ladder

## Tier 1 — Triage

### Sign-off

- [ ] Closed ten tickets alone
- [ ] Lead's approval

## Tier 2 — Escalations

### Sign-off

- [ ] Owned a customer escalation
- [ ] Lead's approval
"""


def test_the_same_task_under_two_same_named_sub_headings_is_two_items() -> None:
    role, messages = parse_messages(LADDER)
    assert not [m for m in messages if "same ID" in m]
    assert [i.text for i in role.checklist] == [
        "Closed ten tickets alone",
        "Lead's approval",
        "Owned a customer escalation",
        "Lead's approval",
    ]
    ids = [i.id for i in role.checklist]
    assert len(set(ids)) == 4
    # the first of them, and every task no other one clashes with, keeps the ID of its words
    assert ids[:3] == [checklist_item_id(i.text) for i in role.checklist[:3]]


def test_each_levels_group_is_named_with_its_level() -> None:
    role, _ = parse_messages(LADDER)
    assert [i.group for i in role.checklist] == [
        "Tier 1 — Triage › Sign-off",
        "Tier 1 — Triage › Sign-off",
        "Tier 2 — Escalations › Sign-off",
        "Tier 2 — Escalations › Sign-off",
    ]


def test_a_task_found_by_search_names_its_own_level() -> None:
    role, _ = parse_messages(LADDER.replace("- [ ] Lead's approval\n", ""))
    index = SearchIndex([role])
    (hit, *_) = index.search("owned a customer escalation", role=role.name)
    assert hit.section.path == ("Support ladder", "Tier 2 — Escalations", "Sign-off")


def test_a_sub_heading_under_one_heading_keeps_its_name() -> None:
    role, _ = parse_messages("## Tier 1\n\n### Sign-off\n\n- [ ] Closed ten tickets\n\n## Tier 2\n\n- [ ] Owned one\n")
    assert [i.group for i in role.checklist] == ["Sign-off", "Tier 2"]
