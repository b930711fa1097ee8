"""The last phase ends where the plan does: a closing section after it (thanks, license, contributing, a Notion
export's footer) is no part of it, while parts written at the phase's own level stay its parts."""

from __future__ import annotations

import pytest

from bot.handlers.learning import phase_body
from tests.content.helpers import parse_body, section_titled

parse = parse_body


entry = section_titled


def test_a_section_after_an_empty_last_phase_at_its_level_is_no_part_of_it():
    body = (
        "# T\n\n## Phase 1: Basics (Weeks 1-4)\n- Python\n\n## Phase 2: Capstone (Weeks 5-8)\n\n"
        "## Contributing\nPRs welcome.\n"
    )
    role, _ = parse(body)
    assert role.phases[1].subsections == ()
    assert phase_body(role.phases[1]) == ""
    assert entry(role, "Contributing").phase is None


def test_a_section_after_the_last_phase_whose_parts_are_deeper_ends_it_whatever_its_name():
    body = (
        "# T\n\n## Plan\n### Phase 1: Basics (Weeks 1-4)\n#### Read\n- Python\n"
        "### Phase 2: Capstone (Weeks 5-8)\n### Where to go from here\nKeep building.\n"
    )
    role, _ = parse(body)
    assert role.phases[1].subsections == ()
    assert entry(role, "Where to go from here").phase is None


FLAT = (
    "# T\n\n### PHASE 1: HTML (Weeks 1-4)\n### Learning Objectives\n- semantic HTML\n"
    "### PHASE 2: JavaScript (Weeks 5-8)\n### Learning Objectives\n- closures\n"
)


@pytest.mark.parametrize(
    "title",
    [
        "Thank you",
        "🙏 Thanks!",
        "Contributing",
        "License",
        "Acknowledgements",
        "Credits",
        "Support",
        "About the Author",
        "Star History",
    ],
)
def test_a_closing_section_after_the_last_phase_of_parts_at_its_level_is_no_part_of_it(title):
    role, _ = parse(FLAT + f"### {title}\nSee you.\n")
    assert [s.label for s in role.phases[1].subsections] == ["Learning Objectives"]
    assert entry(role, title).phase is None
    assert "See you" not in phase_body(role.phases[1])


def test_parts_at_the_phase_level_after_the_last_phase_heading_stay_its_parts():
    role, _ = parse(FLAT + "### Projects\n- a todo app\n")
    assert [s.label for s in role.phases[1].subsections] == ["Learning Objectives", "Projects"]
    assert entry(role, "Projects").phase == 2


def test_a_single_phase_keeps_its_parts_at_its_own_level():
    body = "# T\n\n### PHASE 1: HTML (Weeks 1-4)\n### Learning Objectives\n- semantic HTML\n### Projects\n- a site\n"
    role, _ = parse(body)
    assert [s.label for s in role.phases[0].subsections] == ["Learning Objectives", "Projects"]


def test_a_closing_word_before_a_later_phase_is_a_part_of_its_phase():
    body = (
        "# T\n\n### PHASE 1: HTML (Weeks 1-4)\n### Support\n- where to ask\n"
        "### PHASE 2: JavaScript (Weeks 5-8)\n### Learning Objectives\n- closures\n"
    )
    role, _ = parse(body)
    assert [s.label for s in role.phases[0].subsections] == ["Support"]


def test_a_notion_footer_after_the_last_thematic_break_is_no_part_of_the_last_phase():
    body = (
        "# Roadmap\n\n## Phase 1: Basics (Weeks 1-4)\n- Python\n\n---\n\n## Phase 2: Capstone (Weeks 5-8)\n"
        "- Build an app\n\n---\n\nCreated with Notion\n"
    )
    role, _ = parse(body)
    assert phase_body(role.phases[1]) == "- Build an app"
    assert "Notion" not in entry(role, "Phase 2: Capstone (Weeks 5-8)").text
    assert entry(role, "Roadmap").text == "Created with Notion"


def test_a_list_after_the_last_thematic_break_of_the_last_phase_stays_in_it():
    body = "# T\n\n## Phase 1: Basics (Weeks 1-4)\n- Python\n\n---\n\n**Project:**\n- [ ] Build a CLI\n"
    role, _ = parse(body)
    assert phase_body(role.phases[0], role.checklist, None) == "- Python\n\n**Project:**\n- Build a CLI"
    assert role.checklist[0].phase == 1


def test_prose_after_a_thematic_break_right_under_the_last_phase_heading_is_the_phase():
    body = (
        "# T\n\n## Phase 1: Basics (Weeks 1-4)\n- Python\n\n## Phase 2: Capstone (Weeks 5-8)\n\n---\n\nShip one app.\n"
    )
    role, _ = parse(body)
    assert phase_body(role.phases[1]) == "**Objective:** Ship one app."


RULED = (
    "# Log\n\n## Day 1 - 10: Basics\n- [ ] Install Python\n\n## Day 11 - 20: Web\n- [ ] Build a Flask app\n\n---\n\n"
    "### Links I keep coming back to\n\n- [Real Python](https://realpython.com/)\n\n*Log started: 2026-01-05*\n"
)


def test_a_sub_heading_right_after_the_last_rule_closes_a_last_phase_that_has_no_sub_headings():
    role, _ = parse(RULED)
    assert "Real Python" not in phase_body(role.phases[-1])
    links = entry(role, "Links I keep coming back to")
    assert (links.phase, links.path) == (None, ("Log", "Links I keep coming back to"))
    assert [(c.text, c.phase) for c in role.checklist] == [("Install Python", 1), ("Build a Flask app", 2)]


@pytest.mark.parametrize(
    "body",
    [
        # the last phase's parts are headings: a rule between two of them parts them, it ends nothing
        "# T\n\n## Phase 1: A (Weeks 1-2)\n- a\n\n## Phase 2: B (Weeks 3-4)\n### Read\n- b\n\n---\n\n### Build\n- c\n",
        # text between the rule and the heading: the heading is no closing one
        "# T\n\n## Phase 1: A (Weeks 1-2)\n- a\n\n## Phase 2: B (Weeks 3-4)\n- b\n\n---\n\nMore:\n\n### Build\n- c\n",
    ],
)
def test_a_sub_heading_after_a_rule_stays_in_a_last_phase_in_other_shapes(body: str):
    role, _ = parse(body)
    assert "- c" in phase_body(role.phases[-1])


@pytest.mark.parametrize(
    "plan",
    [
        "**Week 1 — HTML**\n\n- [ ] A page\n\n---\n\n**Week 2 — CSS**\n\n- [ ] Style it\n",
        "1. **Foundations (Weeks 1-4)**\n   - HTML\n2. **Styling (Weeks 5-8)**\n   - CSS\n",
    ],
)
def test_a_heading_right_after_the_last_rule_closes_a_plan_of_bold_lines_or_list_items(plan: str):
    body = f"# Path\n\n{plan}\n---\n\n### Where to go next\n\n- TypeScript\n"
    role, _ = parse(body)
    assert len(role.phases) == 2
    assert "TypeScript" not in phase_body(role.phases[-1])
    after = entry(role, "Where to go next")
    assert (after.phase, after.path) == (None, ("Path", "Where to go next"))
