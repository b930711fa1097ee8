"""Which headings make a file's plan: a timed series over a journal of week notes, sessions that open with their
day, struck-through headings, weeks after a dash, weekday dates in a schedule table, and what the warnings say."""

from __future__ import annotations

from bot.content.loader import parse_bytes
from bot.content.search import SearchIndex
from tests.content.helpers import role_file


def parse(body: str, name: str = "plan") -> tuple:
    role, problems = parse_bytes(role_file(name, body=body).encode(), f"{name}.md")
    assert role is not None, problems
    return role, [p.message for p in problems]


def plan(role) -> list[tuple[int, str, tuple[int, int]]]:
    return [(p.number, p.title, p.weeks) for p in role.phases]


MILESTONES = """
# Switching to data

### Milestone 1: Sheets (Weeks 1-2)
- ✅ Lookups
### Milestone 2: Queries (Weeks 3-5)
- ⏳ Grouping
### Milestone 3: Notebooks (Weeks 6-8)
- ❌ Plotting

## Diary

{entries}
"""


def test_week_notes_in_a_diary_after_timed_milestones_leave_the_milestones_the_plan():
    newest_first = "#### Week 4 — Sun 2 Feb\nGrouping is hard.\n\n#### Week 2 — Sat 18 Jan\nLookups done.\n"
    oldest_first = "#### Week 1 — Mon 6 Jan\nStarted.\n\n#### Week 3 — Sat 25 Jan\nOn to queries.\n"
    for entries in (newest_first, oldest_first):
        role, messages = parse(MILESTONES.format(entries=entries))
        assert plan(role) == [(1, "Sheets", (1, 2)), (2, "Queries", (3, 5)), (3, "Notebooks", (6, 8))]
        assert messages == []  # no overlap, no gap, no hint on how to write the notes' weeks
        assert entries.split("\n")[0].removeprefix("#### ") in [s.title for s in role.sections]  # still a section


def test_week_headings_inside_a_timed_series_are_still_its_plan():
    body = """
    ## Module 1: Web (Weeks 1-2)
    ### Week 1: Tags
    - a
    ### Week 2: Styles
    - b
    ## Module 2: Data (Weeks 3-4)
    ### Week 3: Tables
    - c
    ### Week 4: Joins
    - d
    ## Module 3: Apps (Weeks 5-6)
    ### Week 5: Routes
    - e
    ### Week 6: Deploy
    - f
    """
    role, _ = parse(body)
    assert [p.title for p in role.phases] == ["Tags", "Styles", "Tables", "Joins", "Routes", "Deploy"]


SESSIONS = """
### 🗓️ Tue 13 Jan 2026 — Session 1: Warm-up
- read ch. 1
### 🗓️ Tue 27 Jan 2026 — Session 2: Encoding
- read ch. 2
### 🗓️ Tue 10 Feb 2026 — Session 3: Indexes
- read ch. 3
"""


def test_session_headings_that_open_with_their_day_are_a_plan_as_those_that_end_with_it():
    role, messages = parse(SESSIONS)
    assert plan(role) == [
        (1, "Warm-up (Tue 13 Jan 2026)", (1, 1)),
        (2, "Encoding (Tue 27 Jan 2026)", (3, 3)),
        (3, "Indexes (Tue 10 Feb 2026)", (5, 5)),
    ]
    # meeting every other week: the gaps are named in one warning
    assert messages == [
        "2 gaps between phases: weeks 2 and 4 belong to no phase (the first between Phase 1 and Phase 2); add a phase "
        "for week 2, and likewise for week 4"
    ]


def test_headings_that_open_with_one_day_and_no_series_word_are_named_by_the_self_paced_warning():
    body = "### 13 Jan 2026 — Warm-up\n- a\n### 27 Jan 2026 — Encoding\n- b\n### 10 Feb 2026 — Indexes\n- c\n"
    role, messages = parse(body)
    assert role.phases == ()
    (warning,) = messages
    assert "'13 Jan 2026 — Warm-up', '27 Jan 2026 — Encoding', '10 Feb 2026 — Indexes'" in warning
    assert "## Session 1: Kick-off (Jan 8)" in warning


def test_a_struck_through_session_is_a_section_and_not_a_second_session_of_its_number():
    body = SESSIONS + "### ~~🗓️ Tue 24 Feb 2026 — Session 4~~ — called off\nRoom closed.\n"
    body += "### 🗓️ Tue 3 Mar 2026 — Session 4: Streams\n- read ch. 4\n"
    role, messages = parse(body)
    assert [p.number for p in role.phases] == [1, 2, 3, 4]
    assert role.phases[3].title == "Streams (Tue 3 Mar 2026)"
    assert not any("out of order" in m for m in messages)
    assert any(s.title.startswith("🗓️ Tue 24 Feb 2026 — Session 4") and s.kind == "section" for s in role.sections)


def test_a_struck_through_week_heading_is_no_phase():
    body = "## Week 1: Setup\n- a\n## ~~Week 2: Docker~~ (skipped)\n- x\n## Week 2: Podman\n- b\n## Week 3: Helm\n- c\n"
    role, messages = parse(body)
    assert plan(role) == [(1, "Setup", (1, 1)), (2, "Podman", (2, 2)), (3, "Helm", (3, 3))]
    assert messages == []


def test_weeks_a_tracker_strikes_as_done_stay_its_phases():
    body = (
        "## ~~Week 1: Terminal basics~~ ✅\n- [x] Learn cd and ls\n## ~~Week 2: Git~~ ✅\n- [x] Make a commit\n"
        "## Week 3: Python\n- [ ] Write a script\n## Week 4: Testing\n- [ ] Add pytest\n"
    )
    role, messages = parse(body)
    assert plan(role) == [
        (1, "Terminal basics", (1, 1)),
        (2, "Git", (2, 2)),
        (3, "Python", (3, 3)),
        (4, "Testing", (4, 4)),
    ]
    assert [item.phase for item in role.checklist] == [1, 2, 3, 4]
    assert messages == []


def test_a_struck_session_whose_number_is_held_again_later_is_called_off_without_saying_so():
    body = SESSIONS + "### ~~🗓️ Tue 24 Feb 2026 — Session 4~~ 🚇\nTrains on strike.\n"
    body += "### 🗓️ Tue 3 Mar 2026 — Session 4: Streams\n- read ch. 4\n"
    role, messages = parse(body)
    assert [p.number for p in role.phases] == [1, 2, 3, 4]
    assert role.phases[3].title == "Streams (Tue 3 Mar 2026)"
    assert not any("out of order" in m for m in messages)


def test_sections_that_give_their_weeks_after_a_dash_are_phases_titled_by_their_words():
    body = """
    ## Overview
    | Part | Weeks |
    |---|---|
    | Bits | 1-2 |
    | Machine code | 3-5 |

    ## Bits — weeks 1-2
    - [ ] Data lab
    ## Machine code: weeks 3–5
    - [ ] Bomb lab
    ## Ch. 8 (weeks 6–7): Processes
    - [ ] Shell lab
    ## Slack — week 8
    - catch up
    """
    role, messages = parse(body)
    assert plan(role) == [
        (1, "Bits", (1, 2)),
        (2, "Machine code", (3, 5)),
        (3, "Ch. 8: Processes", (6, 7)),
        (4, "Slack", (8, 8)),
    ]
    assert [i.phase for i in role.checklist] == [1, 2, 3]
    assert messages == []


def test_chapters_read_several_to_a_heading_are_titled_by_them_and_numbered_by_their_place():
    body = "## Chapter 1–2 — weeks 1-2\n- a\n## Chapter 3 — weeks 3–5\n- b\n## Chapter 5 — weeks 6–7\n- c\n"
    role, messages = parse(body)
    assert plan(role) == [(1, "Chapter 1–2", (1, 2)), (2, "Chapter 3", (3, 5)), (3, "Chapter 5", (6, 7))]
    assert messages == []


def test_a_schedule_row_dated_by_weekday_and_numbers_is_titled_by_its_lecture():
    body = """
    | Week | Date | Lecture | Due |
    |---|---|---|---|
    | 1 | Mon 1/5 | Welcome | |
    |   | Wed 1/7 | Invariants | HW0 |
    | 2 | Mon 1/12 | Contracts | |
    | 3 | Mon 1/19 | Type bounds | HW1 |
    """
    role, _ = parse(body)
    assert plan(role) == [(1, "Welcome", (1, 1)), (2, "Contracts", (2, 2)), (3, "Type bounds", (3, 3))]
    hits = SearchIndex([role]).search("invariants", limit=3)
    assert hits[0].section.title == "Invariants"


def test_a_month_heading_a_level_deeper_is_not_shown_under_the_month_before_it():
    body = "# Plan\n## Month 7 — IaC\n- Terraform\n### Month 8 — Clusters\n- [ ] Run a pod\n## Month 9 — Last\n- x\n"
    role, _ = parse(body)
    assert [p.title for p in role.phases] == ["IaC", "Clusters", "Last"]
    hits = SearchIndex([role]).search("run a pod", limit=3)
    assert hits[0].section.path[-1] == "Month 8 — Clusters"
    assert "Month 7 — IaC" not in hits[0].section.path


def test_a_plan_meeting_every_other_week_gets_one_warning_naming_its_gaps():
    body = "### Class 1 — Intro (Feb 3)\n- a\n### Class 2 — Logs (Feb 17)\n- b\n### Class 3 — Ranges (Mar 3)\n- c\n"
    role, messages = parse(body)
    assert [p.weeks for p in role.phases] == [(1, 1), (3, 3), (5, 5)]
    assert messages == [
        "2 gaps between phases: weeks 2 and 4 belong to no phase (the first between Phase 1 and Phase 2); add a phase "
        "for week 2, and likewise for week 4"
    ]
