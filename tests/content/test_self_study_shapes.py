"""Shapes of self-study plans, exam plans and learn-in-public logs (teach-yourself reading plans, GitBook module
pages, exam countdowns), written small in our own words."""

from __future__ import annotations

from types import SimpleNamespace

from bot.content.search import SearchIndex
from bot.domain.today import build_today
from bot.domain.weeks import ScheduledPhase
from bot.handlers.learning import focus_text, phase_body
from bot.present import today_lines
from tests.content.helpers import parse_body


def test_a_bare_url_after_a_phase_heading_title_is_a_link_not_title_words():
    body = """
# Reading plan

## Week 1: Programming (https://example.com/#programming)
- Read the first chapter

## Week 2: Architecture (<https://example.com/#arch>)
- Read the second chapter

## Week 3 — Networks: https://example.com/#net
- Read the third chapter

## Week 4: Databases https://example.com/#db
- Read the fourth chapter
"""
    role, problems = parse_body(body)
    assert [p.title for p in role.phases] == ["Programming", "Architecture", "Networks", "Databases"]
    titles = [s.title for s in role.sections]
    assert "Week 1: Programming" in titles and "Week 4: Databases" in titles
    assert not [t for t in titles if "example.com" in t]
    # the link is kept, in the phase's text
    assert "https://example.com/#programming" in phase_body(role.phases[0])
    assert "https://example.com/#db" in phase_body(role.phases[3])
    assert not [p for p in problems if p.severity == "error"]


def test_a_bare_url_after_a_bold_week_label_is_no_part_of_the_phase_title():
    body = """
**Study plan for systems:** (https://example.com)

**Week 1:** Programming (https://example.com/#programming)<br>
Best book: *Structure and Interpretation*<br>
<br>
**Week 2:** Architecture (https://example.com/#arch)<br>
Best book: *Computer Systems*<br>
<br>
**Week 3:** Operating Systems (https://example.com/#os)<br>
Best book: *Three Easy Pieces*<br>
"""
    role, _ = parse_body(body)
    assert [p.title for p in role.phases] == ["Programming", "Architecture", "Operating Systems"]
    assert not [s.title for s in role.sections if "example.com" in s.title]
    assert "https://example.com/#os" in phase_body(role.phases[2])


def test_a_heading_of_a_url_alone_keeps_it_as_its_title():
    role, _ = parse_body("# Links\n\n## https://example.com/guide\n- Read it\n")
    assert "https://example.com/guide" in [s.title for s in role.sections]


def test_html_lists_and_paragraphs_in_a_table_cell_part_its_lines():
    """GitBook writes a table cell's list as HTML ('<ul><li>a</li><li>b</li></ul>'): each item is a line of its
    own, no word glued to the next ('Approaches' and 'Sequential', not 'ApproachesSequential')."""
    body = """
# Module

## Project management

| Week / Date | Theory | Practice |
| --- | --- | --- |
| <p>WK 01<br>2025-08-18</p> | <ul><li><a href="theory/approaches.md">Approaches</a></li><li><a href="theory/sequential.md">Sequential vs iterative</a></li></ul> | <ul><li>Write stories</li><li>The apps</li></ul> |
| <p>WK 02<br>2025-08-25</p> | <ul><li>The sprint</li><li>Roles and daily</li></ul> | <ul><li>A case study</li></ul> |
"""
    role, _ = parse_body(body)
    texts = "\n".join(s.text for s in role.sections)
    assert "Approaches" in texts and "Sequential vs iterative" in texts
    for glued in ("ApproachesSequential", "storiesThe", "sprintRoles", "WK 012025"):
        assert glued not in texts, glued
    hits = SearchIndex([role]).search("iterative", role=role.name)
    assert hits and "Sequential vs iterative" in hits[0].section.text
    hits = SearchIndex([role]).search("roles and daily", role=role.name)
    assert hits and "Roles and daily" in hits[0].section.text


def test_a_theme_line_at_a_month_top_is_its_objective_not_a_part():
    """Exam plans head each month with its theme ('**Theme:** …'): what the month is for, as a goal line is."""
    body = """
# Exam plan

## Month 1 — March: Foundation

**Theme:** Build the basics of algorithms and discrete maths

### Goals
- [ ] Finish sorting
- [ ] Finish graphs

## Month 2 — April: Systems

**Weekly theme:** Operating systems and databases

### Goals
- [ ] Finish paging
"""
    role, _ = parse_body(body)
    assert [p.objective for p in role.phases] == [
        "Build the basics of algorithms and discrete maths",
        "Operating systems and databases",
    ]
    assert [s.label for s in role.phases[0].subsections] == ["Goals"]
    assert phase_body(role.phases[0]).startswith("**Objective:** Build the basics")


def test_a_hugo_toml_block_left_under_the_front_matter_is_no_text():
    """A Hugo page given a role's front-matter on top keeps its own '+++' block under it: the site's settings, no
    text of the path."""
    body = """+++
archetypes = "week"
title = 'Review of weeks 1 to 6'
weight = 70
+++

## Lesson goals

- Review what the first weeks covered.
"""
    role, problems = parse_body(body)
    texts = " ".join(s.text for s in role.sections) + " ".join(s.title for s in role.sections)
    assert "archetypes" not in texts and "+++" not in texts
    assert "Lesson goals" in [s.title for s in role.sections]
    assert not [p for p in problems if p.severity == "error"]


def test_a_week_of_one_sentence_says_it_once_in_today_and_in_its_focus():
    """A learn-in-public log's weeks are often one line each ('## Week 2' over 'Read the first chapter.'): the line
    is the week's objective, said once, not again as its work."""
    role, _ = parse_body(
        "# Log\n\n## Week 1 (Jan 3 - Jan 9)\n(Notes on what I learned, and what was hard)\n\n"
        "## Week 2 (Jan 10 - Jan 16)\nRead the *first* chapter of the book.\n"
    )
    for number, said in ((1, "(Notes on what I learned, and what was hard)"), (2, "Read the *first* chapter")):
        phase = role.phases[number - 1]
        view = build_today(phase, ScheduledPhase(number, phase.first_week, phase.last_week), phase.first_week, (), ())
        today = "\n".join(today_lines(view))
        assert today.count(said) == 1, today
        assert "no topics written out" not in today  # the line said it all
        at = ScheduledPhase(number, phase.first_week, phase.last_week)
        plan = SimpleNamespace(role=role, position=SimpleNamespace(phase=at, week=phase.first_week))
        focus = focus_text(plan, phase)  # type: ignore[arg-type]
        assert focus.count(said) == 1 and "\\*" not in focus, focus


def test_a_template_placeholder_in_brackets_is_no_phase_title():
    """Trackers and exam schedules are shared as templates: '### Week 1: [Date Range]', '## Week 1 (DATE - DATE)'
    leave the dates to fill in. The placeholder is no title: the week is named by its number."""
    role, _ = parse_body(
        "# Schedule\n\n### Week 1: [Date Range]\n- Algebra\n\n### Week 2 (DATE - DATE)\n- Mechanics\n\n"
        "### Week 3: [Start Date] – [End Date]\n- Optics\n\n### Week 4: [Revision] Mock tests\n- Mock test\n"
    )
    assert [p.title for p in role.phases] == ["Week 1", "Week 2", "Week 3", "Mock tests (Revision)"]


def test_a_weeks_prose_in_its_focus_keeps_its_emphasis_unescaped():
    """The focus names a week of prose by its prose, which is markdown already: '*first*' shows in italics, not as
    '\\*first\\*'."""
    role, _ = parse_body(
        "# Log\n\n## Week 1\nSet up the tools.\n\nThen read the *first* chapter of the book.\n\n## Week 2\n- Review\n"
    )
    phase = role.phases[0]
    at = ScheduledPhase(1, phase.first_week, phase.last_week)
    plan = SimpleNamespace(role=role, position=SimpleNamespace(phase=at, week=phase.first_week))
    focus = focus_text(plan, phase)  # type: ignore[arg-type]
    assert "*first*" in focus and "\\*" not in focus, focus


def test_a_url_the_title_leads_into_or_an_aside_in_brackets_holds_stays_in_the_title():
    body = """
# Plan

## Week 1: Deploy to https://pages.example.net
- Push the site

## Week 2: Databases (see https://example.com/#db)
- Read the chapter

## Week 3: Web (https://a.example.com, https://b.example.com)
- Read both

## Week 4: Lesen auf https://example.de/kurs
- Lies es
"""
    role, _ = parse_body(body)
    assert [p.title for p in role.phases] == [
        "Deploy to https://pages.example.net",
        "Databases (see https://example.com/#db)",
        "Web (https://a.example.com, https://b.example.com)",
        "Lesen auf https://example.de/kurs",
    ]
