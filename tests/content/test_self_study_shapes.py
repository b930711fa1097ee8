"""Shapes of self-study plans, exam plans and learn-in-public logs (teach-yourself reading plans, GitBook module
pages, exam countdowns), written small in our own words."""

from __future__ import annotations

from bot.handlers.learning import phase_body
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
