"""A picture that opens a heading (an icon before its words) is no word of its title: the phase it names is read."""

from __future__ import annotations

from tests.content.helpers import errors, parse_body, phase_spans, section_titled, warnings

ICON_PHASES = """
# Kitchen Chemistry

## ![flask icon](https://example.org/icons/flask.png) Phase 1: Acids and Bases (Weeks 1-3)
**Objective:** Tell a lemon from a soap by taste alone.

- Litmus strips
- Neutralising a spill

## Phase 2: Emulsions (Weeks 4-5)

- Mayonnaise that holds

### ![whisk](https://example.org/icons/whisk.png) Week 6: Foams

- Egg whites
"""


def test_a_phase_heading_opened_by_an_icon_is_that_phase() -> None:
    role, problems = parse_body(ICON_PHASES)
    assert errors(problems) == []
    assert warnings(problems) == []
    assert phase_spans(role)[0] == (1, "Acids and Bases", (1, 3))
    assert role.phases[0].objective == "Tell a lemon from a soap by taste alone."
    assert [t.title for t in role.phases[0].topics] == ["Litmus strips", "Neutralising a spill"]


def test_an_icon_before_a_week_heading_under_a_phase_leaves_its_part_named_by_its_words() -> None:
    role, _ = parse_body(ICON_PHASES)
    assert [s.label for s in role.phases[1].subsections] == ["Week 6: Foams"]


def test_a_heading_of_a_picture_alone_keeps_its_words() -> None:
    role, _ = parse_body(
        """
## ![Map of the course](https://example.org/map.png)

Start at the top left.
"""
    )
    assert "Start at the top left." in section_titled(role, "Map of the course").text


def test_a_picture_after_a_headings_words_stays_in_its_title() -> None:
    role, _ = parse_body(
        """
## Reading the ![pH scale](https://example.org/ph.png) chart

Colours from red to purple.
"""
    )
    section_titled(role, "Reading the pH scale chart")


def test_a_picture_that_opens_a_bullet_is_no_word_of_its_title_but_a_task_keeps_its_id():
    body = (
        "# Stack\n\n## Phase 1: Tools (Weeks 1-2)\n\n"
        "- ![flask logo](https://example.org/flask.svg) Flask\n"
        "- ![only a picture](https://example.org/p.png)\n"
        "- Mix with ![a whisk](https://example.org/w.png) gently\n"
        "- [ ] ![tick](https://example.org/t.png) Ship the app\n"
    )
    role, problems = parse_body(body)
    assert errors(problems) == []
    assert [t.title for t in role.phases[0].topics] == ["Flask", "only a picture", "Mix with a whisk gently"]
    (task,) = role.checklist
    assert task.text == "tick Ship the app"  # a task's words are its ID, which progress is kept by
