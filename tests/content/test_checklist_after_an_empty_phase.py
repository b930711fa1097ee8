"""A file's checklist section at its phases' level ('## ✅ Checklist', '## Success Checklist') after a phase that holds
no parts of its own level is the file's checklist, no part of that phase: its groups are named as written."""

from __future__ import annotations

from tests.content.helpers import parse_messages


def test_a_checklist_section_after_one_phase_of_an_objective_alone_is_the_files() -> None:
    role, messages = parse_messages(
        """
    ## Phase 1 - Basics (Weeks 1-2)
    **Objective:** Read a shell script

    ## ✅ Checklist

    ### Shell ✅
    - [ ] Write a loop

    ### Git
    - [ ] Make a commit
    """
    )
    assert [(p.title, p.weeks) for p in role.phases] == [("Basics", (1, 2))]
    assert [(item.group, item.phase) for item in role.checklist] == [("Shell ✅", None), ("Git", None)]
    assert messages == []


def test_a_phase_of_parts_at_its_own_level_keeps_them() -> None:
    role, _ = parse_messages(
        """
    ## Phase 1 - Basics (Weeks 1-2)
    ## Reading
    - the bash manual
    ## Checklist
    - [ ] Write a loop
    """
    )
    assert [(item.group, item.phase) for item in role.checklist] == [("Phase 1: Basics › Checklist", 1)]
