"""Which headings make a plan: day spans that detail a later phase ahead of it, a capstone after a plan's phases,
two sprints that give their lengths, onboarding plans that count days ('## 30 days', '## First 30 days'), milestone
headings of a board's export ('## Milestone: Week 1 (due Jan 6)'), and no hint for 'Week-by-week'."""

from __future__ import annotations

from bot.handlers.learning import phase_body
from tests.content.helpers import parse_messages, phase_spans

# --- day spans under a section before the phase that holds their days -------------------------


def test_day_spans_under_a_first_week_section_do_not_push_the_plan_on() -> None:
    role, messages = parse_messages(
        "# Joining the team\n\n"
        "## 🗓️ Your first week\n\n"
        "### Day 1 (Mon)\n- [ ] Pick up the laptop\n\n"
        "### Day 2–3\n- [ ] Build the service locally\n\n"
        "### Day 4–5\n- [ ] Pair on a small fix\n\n"
        "## Days 1–30: Learn\n- Read the design docs\n\n"
        "## Days 31–60: Contribute\n- Ship a feature\n\n"
        "## Days 61–90: Own\n- Run a retro\n"
    )
    assert phase_spans(role) == [(1, "Learn", (1, 5)), (2, "Contribute", (6, 9)), (3, "Own", (10, 13))]
    assert not [m for m in messages if "belong" in m or "overlap" in m]
    # the day headings stay parts of their section, not phases of a week each
    assert {item.text: item.phase for item in role.checklist} == {
        "Pick up the laptop": None,
        "Build the service locally": None,
        "Pair on a small fix": None,
    }


def test_day_spans_inside_a_phase_stay_its_parts() -> None:
    role, _ = parse_messages(
        "# Joining\n\n## Days 1–30: Learn\n\n### Days 1–3\n- [ ] Set up\n\n### Days 4–10\n- [ ] Read\n\n"
        "## Days 31–60: Contribute\n- [ ] Ship\n"
    )
    assert phase_spans(role) == [(1, "Learn", (1, 5)), (2, "Contribute", (6, 9))]


# --- a heading that gives its weeks after a plan's phases ---------------------------------------


def test_a_capstone_week_after_sprints_is_the_plans_last_phase() -> None:
    role, messages = parse_messages(
        "# Go in sprints\n\n"
        "## Sprint 1 (2 weeks) — Syntax\n- slices\n\n"
        "## Sprint 2 (2 weeks) — Interfaces\n- embedding\n\n"
        "## 🏁 Capstone (week 5)\n- [ ] Ship a CLI\n"
    )
    assert phase_spans(role) == [(1, "Syntax", (1, 2)), (2, "Interfaces", (3, 4)), (3, "Capstone", (5, 5))]
    assert role.checklist[0].phase == 3
    assert not [m for m in messages if "self-paced" in m]


def test_a_final_project_that_gives_its_length_after_sprints_of_lengths() -> None:
    role, _ = parse_messages(
        "# Go\n\n## Sprint 1 (2 weeks) — Syntax\n- a\n\n## Sprint 2 (2 weeks) — Interfaces\n- b\n\n"
        "## Final project (1 week)\n- [ ] Ship it\n"
    )
    assert phase_spans(role) == [(1, "Syntax", (1, 2)), (2, "Interfaces", (3, 4)), (3, "Final project", (5, 5))]


def test_a_capstone_after_numbered_phases_takes_the_next_number() -> None:
    role, _ = parse_messages(
        "# Rust\n\n## Phase 1: Syntax (Weeks 1-2)\n- a\n\n## Phase 2: Traits (Weeks 3-4)\n- b\n\n"
        "## Capstone (Weeks 5-6)\n- [ ] Build a server\n\n## Resources\n- The Book\n"
    )
    assert phase_spans(role) == [(1, "Syntax", (1, 2)), (2, "Traits", (3, 4)), (3, "Capstone", (5, 6))]
    assert "Build a server" in phase_body(role.phases[2], role.checklist)


def test_headings_whose_weeks_the_phases_already_take_stay_sections() -> None:
    role, _ = parse_messages(
        "# Rust\n\n## Phase 1: Syntax (Weeks 1-2)\n- a\n\n## Phase 2: Traits (Weeks 3-4)\n- b\n\n"
        "## Summary (weeks 1-4)\n- recap\n"
    )
    assert phase_spans(role) == [(1, "Syntax", (1, 2)), (2, "Traits", (3, 4))]
    role, _ = parse_messages(
        "# K8s\n\n## Week 1 — Pods\n- a\n\n## Block 2 (weeks 2-3)\n\n## Week 2 — Services\n- b\n\n"
        "## Week 3 — Storage\n- c\n"
    )
    assert phase_spans(role) == [(1, "Pods", (1, 1)), (2, "Services", (2, 2)), (3, "Storage", (3, 3))]


def test_two_sprints_that_give_their_lengths_are_a_plan() -> None:
    role, _ = parse_messages("# Go\n\n## Sprint 1 (2 weeks) — Syntax\n- a\n\n## Sprint 2 (3 weeks) — Web\n- b\n")
    assert phase_spans(role) == [(1, "Syntax", (1, 2)), (2, "Web", (3, 5))]
    _, messages = parse_messages("# Go\n\n## Sprint 1: Syntax\n- a\n\n## Sprint 2: Web\n- b\n")
    assert [m for m in messages if "self-paced" in m]  # two without weeks: no plan


def test_two_steps_that_take_days_are_a_guide_not_a_plan() -> None:
    role, messages = parse_messages(
        "# Getting set up\n\n## Step 1: Get your editor ready (1 day)\n- [ ] Install VS Code\n\n"
        "## Step 2: A first small app (2 days)\n- [ ] Write a todo app\n\n## Questions\nAsk in the channel.\n"
    )
    assert role.phases == ()
    assert [m for m in messages if "self-paced" in m]
    assert [item.phase for item in role.checklist] == [None, None]
    # two modules that give their months are still a plan
    role, _ = parse_messages("# ML\n\n## Module 1: Maths (1 month)\n- a\n\n## Module 2: Models (2 months)\n- b\n")
    assert phase_spans(role) == [(1, "Maths", (1, 4)), (2, "Models", (5, 12))]


# --- headings that count days -------------------------------------------------------------------


def test_a_30_60_90_plan_of_day_counts() -> None:
    role, messages = parse_messages(
        "# Onboarding\n\n## 30 days: Learn\n- codebase\n\n## 60 days: Contribute\n- features\n\n"
        "## 90 days: Own\n- a service\n"
    )
    assert phase_spans(role) == [(1, "Learn", (1, 5)), (2, "Contribute", (6, 9)), (3, "Own", (10, 13))]
    assert not [m for m in messages if "self-paced" in m]


def test_first_next_and_last_30_days() -> None:
    role, _ = parse_messages(
        "# Onboarding\n\n## First 30 days\n- a\n\n## Next 30 days\n- b\n\n## Last 30 days — Lead\n- c\n"
    )
    assert phase_spans(role) == [(1, "First 30 days", (1, 5)), (2, "Next 30 days", (6, 9)), (3, "Lead", (10, 13))]


def test_first_30_days_before_month_headings_is_the_plans_start() -> None:
    role, messages = parse_messages("# Onboarding\n\n## First 30 days\n- a\n\n## Month 2\n- b\n\n## Month 3\n- c\n")
    assert phase_spans(role) == [(1, "First 30 days", (1, 4)), (2, "Month 2", (5, 8)), (3, "Month 3", (9, 12))]
    assert not [m for m in messages if "starts at week" in m]


def test_challenge_names_that_start_with_a_count_of_days_are_no_plan() -> None:
    role, messages = parse_messages(
        "# Learning to code\n\n## Before you start\n- [ ] Set up Git\n\n## 30 Days of JavaScript\n"
        "- [ ] Do the daily kata\n\n## 100 Days of Code\n- [ ] Log each day publicly\n\n## Links\n- MDN\n"
    )
    assert role.phases == ()
    assert [m for m in messages if "self-paced" in m]
    assert [item.phase for item in role.checklist] == [None, None, None]
    # a count with a separator, a bracket or nothing after it still counts
    role, _ = parse_messages(
        "# Joining\n\n## 30 days (learn)\n- a\n\n## 60 days — Contribute\n- b\n\n## 90 days\n- c\n"
    )
    assert phase_spans(role) == [(1, "learn", (1, 5)), (2, "Contribute", (6, 9)), (3, "90 days", (10, 13))]


def test_a_30_60_90_title_is_no_count() -> None:
    _, messages = parse_messages("# Plan\n\n## The 30-60-90 plan\n- a\n\n## 90-day goals\n- b\n")
    assert [m for m in messages if "self-paced" in m]


# --- a board's milestones -----------------------------------------------------------------------


def test_milestone_week_headings_are_those_weeks() -> None:
    role, messages = parse_messages(
        "# DevOps cohort\n\n"
        "## Milestone: Week 1 (due Jan 6)\n- [ ] Set up a VM\n\n"
        "## Milestone: Weeks 2–3 (due Jan 20)\n- [ ] Write a bash script\n\n"
        "## Milestone: Week 4 — Cloud basics (due Jan 27)\n- [ ] Create an account\n\n"
        "## No milestone\n- [ ] Someday\n"
    )
    assert phase_spans(role) == [
        (1, "Week 1 (due Jan 6)", (1, 1)),
        (2, "Weeks 2–3 (due Jan 20)", (2, 3)),
        (3, "Cloud basics (due Jan 27)", (4, 4)),
    ]
    assert [(i.text, i.phase) for i in role.checklist][:3] == [
        ("Set up a VM", 1),
        ("Write a bash script", 2),
        ("Create an account", 3),
    ]
    assert not [m for m in messages if "self-paced" in m]


def test_a_due_date_alone_is_no_title() -> None:
    role, _ = parse_messages("# Plan\n\n## Week 1 (due Jan 6)\n- a\n\n## Week 2 (due: Jan 13)\n- b\n")
    assert phase_spans(role) == [(1, "Week 1 (due Jan 6)", (1, 1)), (2, "Week 2 (due: Jan 13)", (2, 2))]


# --- no hint for a hyphenated word --------------------------------------------------------------


def test_week_by_week_is_no_week_heading_to_fix() -> None:
    _, messages = parse_messages("# Book\n\n## Week-by-week checklist\n- [ ] Regression notebook\n")
    assert not [m for m in messages if "not read as a phase" in m]
    _, messages = parse_messages("# Book\n\n## Week: Intro\n- a\n")
    assert [m for m in messages if "not read as a phase" in m]
