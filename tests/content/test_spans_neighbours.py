"""Shapes next to the span rules that must keep their old reading: verse references and lengths in hours in series
headings are no times of day, and a length or a weekday under an untitled phase heading is no title."""

from __future__ import annotations

import pytest

from bot.content.search import SearchIndex
from bot.handlers.learning import phase_body
from tests.content.helpers import parse_body, warnings


@pytest.mark.parametrize(
    "headings",
    [
        ("Lesson 1: John 3:16-21", "Lesson 2: Romans 8:28-39", "Lesson 3: Matthew 5:13-16"),
        ("Lesson 1: Intro (1h30-2h)", "Lesson 2: Setup (1h-1h30)", "Lesson 3: Deploy (2h30-3h)"),
    ],
)
def test_verse_references_and_lengths_in_hours_are_no_times_of_day(headings):
    role, problems = parse_body("# Study\n\n" + "".join(f"## {h}\n\n- item\n\n" for h in headings))
    assert len(role.phases) == 3
    assert not any("times of day" in w for w in warnings(problems))


def test_french_clock_times_still_make_an_agenda():
    headings = ("Session 1 (9h00-10h30)", "Session 2 (11h00-12h30)", "Session 3 (14h00-15h30)")
    role, problems = parse_body("# Journée\n\n" + "".join(f"## {h}\n\n- item\n\n" for h in headings))
    assert role.phases == ()
    assert any("times of day" in w for w in warnings(problems))


@pytest.mark.parametrize(
    "lines",
    [
        ("*~8 hours*", "*~10 hours*"),
        ("2 weeks", "3 weeks"),
        ("Monday", "Tuesday"),
    ],
)
def test_a_length_or_a_weekday_under_untitled_phase_headings_titles_no_phase(lines):
    role, _ = parse_body(f"# Plan\n\n## Week 1\n\n{lines[0]}\n\n- [ ] a\n\n## Week 2\n\n{lines[1]}\n\n- [ ] b\n")
    assert [p.title for p in role.phases] == ["Week 1", "Week 2"]


def test_a_plural_unit_word_before_a_range_that_words_follow_is_a_sentence_no_unit_heading():
    role, _ = parse_body(
        "# Course\n\n## Lessons 1-3 cover the basics\n\n- [ ] a\n\n"
        + "".join(f"## Lesson {n}: Topic {n}\n\n- [ ] b\n\n" for n in (4, 5, 6))
    )
    assert [(p.number, p.title) for p in role.phases] == [(4, "Topic 4"), (5, "Topic 5"), (6, "Topic 6")]


def test_ranges_under_a_chinese_period_label_that_run_on_are_weeks_wherever_they_start():
    role, problems = parse_body(
        "# 学习计划\n\n## 第一阶段：基础\n\n周期：5-8\n\n- 练习\n\n## 第二阶段：进阶\n\n周期：9-12\n\n- 练习\n\n"
        "## 第三阶段：实战\n\n周期：13-16\n\n- 练习\n"
    )
    assert [(p.title, p.weeks) for p in role.phases] == [("基础", (5, 8)), ("进阶", (9, 12)), ("实战", (13, 16))]
    assert any("starts at week 5" in w for w in warnings(problems))


def test_a_phase_titled_by_the_line_under_its_heading_is_found_by_that_title():
    role, _ = parse_body(
        "# Plan\n\n## Phase 1 (Weeks 1-2)\n\n**Groundwork**\n\n- [ ] Set up the repo\n\n"
        "## Phase 2 (Weeks 3-4)\n\n*First users*\n\n- [ ] Invite testers\n"
    )
    assert [p.title for p in role.phases] == ["Groundwork", "First users"]
    hits = SearchIndex([role]).search("first users")
    assert [hit.section.title for hit in hits][:1] == ["Phase 2 (Weeks 3-4)"]
    assert "First users" not in phase_body(role.phases[1], list(role.checklist))


def test_a_break_row_of_no_week_in_a_school_year_table_keeps_it_a_plan_across_the_year_end():
    role, problems = parse_body(
        "# School year\n\n| Week | Topic |\n|---|---|\n| 50 | Unit A |\n| 51 | Unit B |\n| — | Winter break |\n"
        "| 1 | Unit C |\n| 2 | Unit D |\n"
    )
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Unit A", (1, 1)),
        ("Unit B", (2, 2)),
        ("Unit C", (4, 4)),
        ("Unit D", (5, 5)),
    ]
