"""A `<details>` block's `<summary>` reads as a sub-heading, and what is written after its `</details>` is no longer
under it: the tasks and text that follow the block belong to the heading the block is written in, so `/checklist`
groups them under that heading and a search for the block's title shows only what the block holds."""

from __future__ import annotations

from tests.content.helpers import PHASE_WITH_A_FOLDED_PART, parse_body, section_titled


def test_tasks_after_a_folded_part_are_the_phases_own():
    role = parse_body(PHASE_WITH_A_FOLDED_PART)[0]
    groups = {item.text: item.group for item in role.checklist}
    assert groups["Survive a crash without losing acknowledged writes"] == "Phase 1: Storage engines"
    assert groups["Keep the disk use under twice the live data"] == "Phase 1: Storage engines"
    assert groups["Serve reads over TCP"] == "Phase 2: Networking"
    assert [item.phase for item in role.checklist] == [1, 1, 2]


def test_the_folded_part_holds_only_what_its_block_holds():
    role = parse_body(PHASE_WITH_A_FOLDED_PART)[0]
    extra = section_titled(role, "Extra credit")
    assert "B-tree" in extra.text
    assert "Survive a crash" not in extra.text
    (phase, _) = role.phases
    assert [sub.label for sub in phase.subsections] == ["Extra credit"]


def test_a_paragraph_after_the_block_is_the_sections_text():
    body = """
## Resources

- [The book](https://example.org/book)

<details>
<summary>Older editions</summary>

- [First edition](https://example.org/first)

</details>

Every link above is free to read online.
"""
    role = parse_body(body)[0]
    assert "free to read" not in section_titled(role, "Older editions").text
    assert "free to read" in section_titled(role, "Resources").text


def test_tasks_inside_the_block_stay_its_own():
    body = PHASE_WITH_A_FOLDED_PART.replace("- Add range scans", "- [ ] Add range scans")
    role = parse_body(body)[0]
    groups = {item.text: item.group for item in role.checklist}
    assert groups["Add range scans"] == "Extra credit"
    assert groups["Survive a crash without losing acknowledged writes"] == "Phase 1: Storage engines"
