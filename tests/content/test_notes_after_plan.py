"""Advice after a weekly plan whose sub-headings name weeks or months ('## Tips' over '### First week', '### Second
month'): sections of that advice, no phases of the plan."""

from __future__ import annotations

import pytest

from bot.handlers.learning import phase_body
from tests.content.helpers import errors, parse_body, phase_spans, section_titled, warnings

PLAN_THEN_ADVICE = """
# First steps in backend work

## Week 1: Setup
- Install the toolchain

## Week 2: Basics
- Write a small service

## Week 3: Projects
- Ship a side project

## {heading}

### {first}
Go slowly and ask many questions.

### {second}
Pick one area to go deep in.
"""


@pytest.mark.parametrize("heading", ["Tips", "FAQ", "Resources"])
@pytest.mark.parametrize(("first", "second"), [("First week", "Second month"), ("Week 1", "Month 2")])
def test_week_and_month_headings_under_a_section_after_the_plan_are_its_sections(
    heading: str, first: str, second: str
) -> None:
    role, problems = parse_body(PLAN_THEN_ADVICE.format(heading=heading, first=first, second=second))
    assert errors(problems) == [] and warnings(problems) == []
    assert phase_spans(role) == [(1, "Setup", (1, 1)), (2, "Basics", (2, 2)), (3, "Projects", (3, 3))]
    assert "Go slowly" in section_titled(role, first).text
    assert "go deep" in section_titled(role, second).text
    assert "go deep" not in phase_body(role.phases[2])


def test_a_plan_under_a_plain_heading_keeps_its_weeks_and_the_advice_after_it_stays_sections() -> None:
    body = PLAN_THEN_ADVICE.format(heading="Tips", first="First week", second="Second month")
    body = body.replace("## Week", "### Week").replace("# First steps in backend work\n", "# Path\n\n## Roadmap\n")
    role, problems = parse_body(body)
    assert errors(problems) == []
    assert phase_spans(role) == [(1, "Setup", (1, 1)), (2, "Basics", (2, 2)), (3, "Projects", (3, 3))]
    assert "go deep" in section_titled(role, "Second month").text


def test_weeks_that_go_on_under_a_plain_heading_after_the_plan_stay_phases() -> None:
    body = (
        "# Path\n\n## Week 1: Setup\n- a\n\n## Week 2: Basics\n- b\n\n## Going further\n\n### Week 3: Testing\n- c\n\n"
        "### Week 4: Deploying\n- d\n"
    )
    role, problems = parse_body(body)
    assert errors(problems) == []
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2), (3, 3), (4, 4)]


def test_a_page_titled_by_its_month_over_a_weekly_plan_under_a_heading_of_its_own_is_no_phase() -> None:
    # a handbook page on the first month: its heading names the month, its weekly plan sits under a later heading
    body = (
        "# Onboarding\n\n## First Month\n\n### Why this page\n\nWhat the first weeks hold.\n\n## Goals\n\n- Learn the"
        " tools\n\n## Week by week\n\n### Week 1: Orientation\n\n- Set up your machine\n\n### Week 2: Workflows\n\n"
        "- Follow a pull request\n\n### Week 3: First fix\n\n- Pick a starter issue\n\n### Week 4: On your own\n\n"
        "- Review a teammate's change\n\n## Checklist\n\n- [ ] Machine set up\n"
    )
    role, problems = parse_body(body)
    assert errors(problems) == []
    assert phase_spans(role) == [
        (1, "Orientation", (1, 1)),
        (2, "Workflows", (2, 2)),
        (3, "First fix", (3, 3)),
        (4, "On your own", (4, 4)),
    ]
    assert "What the first weeks hold" in section_titled(role, "Why this page").text


def test_resources_by_week_after_a_roadmap_of_titled_weeks_are_no_module_of_it() -> None:
    body = (
        "# Text model\n\n## Roadmap\n\n### Week 1: Python\n- **Goal**: the basics\n\n### Week 2: Text\n- **Goal**: "
        "vectors\n\n### Week 3: Similarity\n- **Goal**: measures\n\n## Resources\n\n### Week 1\n\n#### Reading\n"
        "- [A tutorial](https://example.org/python)\n\n### Assignment\n- Explore a dataset\n"
    )
    role, problems = parse_body(body)
    assert errors(problems) == []
    assert phase_spans(role) == [(1, "Python", (1, 1)), (2, "Text", (2, 2)), (3, "Similarity", (3, 3))]
    assert "Reading" in [s.title for s in role.sections]
    # a second module of a series with untitled weeks is a module still
    modules = "# P\n\n## Module 1\n\n### Week 1: A\n- a\n\n### Week 2: B\n- b\n\n## Module 2\n\n### Week 1\n- c\n\n### Week 2\n- d\n"
    role, _ = parse_body(modules)
    assert [(p.title, p.weeks) for p in role.phases] == [("Module 1", (1, 2)), ("Module 2", (3, 4))]


def test_a_later_heading_numbered_as_the_first_is_a_module_whatever_its_weeks_titles() -> None:
    # 'Year 2' is the next of 'Year 1', as 'Module 2' is of 'Module 1': its weeks, untitled yet, are its own
    body = (
        "# Two years\n\n## Year 1\n\n### Week 1: Python\n- Syntax\n\n### Week 2: Git\n- Commits\n\n## Year 2\n\n"
        "### Week 1\n- Deploy a service\n\n### Week 2\n- Tune a query\n"
    )
    role, problems = parse_body(body)
    assert errors(problems) == []
    assert [(p.title, p.weeks) for p in role.phases] == [("Year 1", (1, 2)), ("Year 2", (3, 4))]
    assert "Tune a query" in phase_body(role.phases[1])
