"""A phase's length given as a range on a line under it, a phase titled on the line under an untitled heading, a
heading over a range of numbered units, an agenda of times of day, and a table of phases that gives their lengths."""

from __future__ import annotations

import pytest

from tests.content.helpers import errors, parse_body, warnings

# ---------------------------------------------------------------- a range under a Chinese period label: a length


def chinese_plan(*periods: str) -> str:
    names = ("入门", "进阶", "实战")
    return "# 学习计划\n\n" + "".join(
        f"## 第{n}阶段：{name}\n\n{period}\n\n- 练习\n\n"
        for n, name, period in zip("一二三", names, periods, strict=False)
    )


@pytest.mark.parametrize(
    ("periods", "weeks"),
    [
        (("周期：2-3", "周期：3-4"), [(1, 3), (4, 7)]),  # as '(2-3 weeks)' after a title is
        (("周期：2-3", "周期：3-4", "周期：1-2"), [(1, 3), (4, 7), (8, 9)]),
        (("周期: 3-4周", "周期：2~3"), [(1, 4), (5, 7)]),
        (("时长：2-3 周", "时间：2~3周"), [(1, 3), (4, 6)]),
        (("周期：1-2", "周期：2-4"), [(1, 2), (3, 5)]),  # ranges that overlap are no weeks; '2-4' is 3 weeks
    ],
)
def test_a_range_under_a_chinese_period_label_that_is_no_run_of_weeks_is_a_length(periods, weeks):
    role, problems = parse_body(chinese_plan(*periods))
    assert [(p.title, p.weeks) for p in role.phases] == list(zip(("入门", "进阶", "实战"), weeks, strict=False))
    assert not any(p.planned for p in role.phases)
    assert problems == []


def test_ranges_under_a_chinese_period_label_that_run_on_from_week_one_are_weeks():
    role, problems = parse_body(chinese_plan("周期：1-3", "周期：4-6", "周期：7-10"))
    assert [p.weeks for p in role.phases] == [(1, 3), (4, 6), (7, 10)]
    assert problems == []


@pytest.mark.parametrize(
    "line",
    [
        "预计周期：2-3 周",
        "建议时长：3周",
        "所需时间：3 周",
        "耗时：3周",
        "Est. time: 3 weeks",
        "**Timebox:** 3 weeks",
        "Looptijd: 3 weken",
        "Duration — 3 weeks",
        "Duration: 3 weeks (10 h a week)",
        "अवधि: 3 सप्ताह",
    ],
)
def test_more_duration_labels_give_a_phase_its_length(line: str):
    role, problems = parse_body(f"# Plan\n\n## Phase 1: A (Weeks 1-2)\n\n- a\n\n## Phase 2: B\n\n{line}\n\n- b\n")
    assert [(p.weeks, p.planned) for p in role.phases] == [((1, 2), False), ((3, 5), False)]
    assert problems == []


def test_an_english_duration_range_under_a_phase_is_a_length():
    role, problems = parse_body(
        "# Plan\n\n## Phase 1: Basics\n\nDuration: 2-3 weeks\n\n- a\n\n## Phase 2: More\n\nDuration: 3-4 weeks\n\n- b\n"
    )
    assert [(p.title, p.weeks) for p in role.phases] == [("Basics", (1, 3)), ("More", (4, 7))]
    assert problems == []


# ---------------------------------------------------------------- the title on the line under an untitled heading

DAY_PHASES = """
# Launch plan

## Phase 1 (Days 1-10)

**Groundwork**

- Set up the repository

## Phase 2 (Days 11-20)

**First users**

- Invite ten testers
"""


def test_a_bold_line_under_a_phase_heading_that_gives_no_title_titles_the_phase():
    role, problems = parse_body(DAY_PHASES)
    assert [(p.number, p.title) for p in role.phases] == [(1, "Groundwork"), (2, "First users")]
    assert [p.objective for p in role.phases] == [None, None]
    assert [t.title for t in role.phases[0].topics] == ["Set up the repository"]
    assert errors(problems) == []


def test_short_plain_lines_under_every_untitled_phase_heading_title_them():
    role, _ = parse_body(
        "# Plan\n\n## Phase 1 (Weeks 1-2)\n\nGroundwork\n\n- a\n\n## Phase 2 (Weeks 3-4)\n\nFirst users\n\n- b\n"
    )
    assert [p.title for p in role.phases] == ["Groundwork", "First users"]
    assert [p.objective for p in role.phases] == [None, None]


def test_italic_lines_under_untitled_phase_headings_title_them_but_quoted_ones_do_not():
    body = (
        "# Plan\n\n## Phase 1 (Weeks 1-2)\n\n{0}Groundwork{1}\n\n- a\n\n## Phase 2 (Weeks 3-4)\n\n{0}Users{1}\n\n- b\n"
    )
    role, _ = parse_body(body.format("*", "*"))
    assert [p.title for p in role.phases] == ["Groundwork", "Users"]
    role, _ = parse_body(body.format("> ", ""))
    assert [p.title for p in role.phases] == ["Weeks 1-2", "Weeks 3-4"]


def test_a_sentence_under_an_untitled_phase_heading_stays_its_objective():
    role, _ = parse_body(
        "# Plan\n\n## Phase 1 (Weeks 1-2)\n\nWe set up the tools and learn git.\n\n- a\n\n"
        "## Phase 2 (Weeks 3-4)\n\nFirst users\n\n- b\n"
    )
    assert [p.title for p in role.phases] == ["Weeks 1-2", "Weeks 3-4"]
    assert role.phases[0].objective == "We set up the tools and learn git."


def test_the_same_bold_label_under_each_untitled_heading_is_no_title():
    role, _ = parse_body("# Plan\n\n## Week 1\n\n**Reading**\n\n- a\n\n## Week 2\n\n**Reading**\n\n- b\n")
    assert [p.title for p in role.phases] == ["Week 1", "Week 2"]
    assert [s.label for p in role.phases for s in p.subsections] == ["Reading", "Reading"]


def test_lessons_numbered_alone_are_titled_by_the_line_under_them():
    role, _ = parse_body(
        "# Cursus\n\n## Les 1\n\nKennismaken\n\n- a\n\n## Les 2\n\nVariabelen\n\n- b\n\n## Les 3\n\nLussen\n\n- c\n"
    )
    assert [p.title for p in role.phases] == ["Kennismaken", "Variabelen", "Lussen"]


def test_a_bold_line_under_a_titled_phase_heading_stays_a_label():
    role, _ = parse_body("# Plan\n\n## Phase 1: Basics (Weeks 1-2)\n\n**Groundwork**\n\n- a\n")
    assert role.phases[0].title == "Basics"


# ---------------------------------------------------------------- a heading over a range of numbered units


@pytest.mark.parametrize(
    ("one", "several"),
    [
        ("Les", "Les"),
        ("Lesson", "Lessons"),
        ("Lecture", "Lectures"),
        ("Chapter", "Chapters"),
        ("Hoofdstuk", "Hoofdstuk"),
    ],
)
def test_a_heading_over_a_range_of_units_covers_each_of_them(one: str, several: str):
    role, problems = parse_body(
        f"# Course\n\n## {one} 1: Intro\n\n- a\n\n## {several} 2-4: Middle\n\n- b\n\n"
        f"## {one} 5: End\n\n- c\n\n## {one} 6: Review\n\n- d\n"
    )
    assert [(p.number, p.title) for p in role.phases] == [(1, "Intro"), (2, "Middle"), (5, "End"), (6, "Review")]
    assert not any("missing" in w for w in warnings(problems))


def test_a_unit_left_out_after_a_range_is_still_missing():
    _, problems = parse_body(
        "# Course\n\n## Les 1: A\n\n- a\n\n## Les 2-3: B\n\n- b\n\n## Les 5: C\n\n- c\n\n## Les 6: D\n\n- d\n"
    )
    assert any("Phase 4 is missing between 3 and 5" in w for w in warnings(problems))


# ---------------------------------------------------------------- an agenda of times of day is no plan of weeks


@pytest.mark.parametrize(
    "headings",
    [
        ("Block 1: Deep work (9:00-11:00)", "Block 2: Meetings (11:00-12:00)", "Block 3: Reading (13:00-14:30)"),
        ("Session 1 (10:00-12:00)", "Session 2 (13:00-15:00)", "Session 3 (15:30-17:00)"),
        ("Session 1: Welcome (9am - 10am)", "Session 2: Hands-on (10:30am-12pm)", "Session 3: Q&A (2pm-3pm)"),
    ],
)
def test_headings_that_give_times_of_day_are_an_agenda_not_a_plan(headings):
    role, problems = parse_body("# Today\n\n" + "".join(f"## {h}\n\n- item\n\n" for h in headings))
    assert role.phases == ()
    assert role.self_paced
    assert not any("planned 4 weeks" in w for w in warnings(problems))
    assert any("give times of day, so they are a day's agenda" in w for w in warnings(problems))
    assert [s.title for s in role.sections if s.title in headings] == list(headings)


def test_a_series_of_blocks_without_times_stays_a_plan():
    role, _ = parse_body("# Plan\n\n" + "".join(f"## Block {n}: Topic {n}\n\n- item\n\n" for n in (1, 2, 3)))
    assert [p.title for p in role.phases] == ["Topic 1", "Topic 2", "Topic 3"]


# ---------------------------------------------------------------- a table of phases that gives their lengths


def test_a_table_of_phases_with_their_lengths_is_a_plan_one_after_the_other():
    role, problems = parse_body(
        """
        # Plan

        | Phase | Focus | Duration |
        |---|---|---|
        | 1 | Python basics | 4 weeks |
        | 2 | Data analysis | 6 weeks |
        | 3 | Machine learning | 2-3 weeks |
        """
    )
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "Python basics", (1, 4)),
        (2, "Data analysis", (5, 10)),
        (3, "Machine learning", (11, 13)),
    ]
    assert errors(problems) == []


def test_a_table_of_lengths_without_a_phase_column_stays_a_table():
    role, _ = parse_body(
        "# Courses\n\n| Course | Duration |\n|---|---|\n| CS50 | 12 weeks |\n| SQL basics | 3 weeks |\n"
    )
    assert role.phases == ()


# ---------------------------------------------------------------- a week table of a school year


def school_year(weeks: list[int]) -> str:
    return "# School year\n\n| Week | Topic |\n|---|---|\n" + "".join(f"| {w} | Unit {w} |\n" for w in weeks)


def test_a_week_table_across_the_year_end_is_a_plan_in_row_order():
    role, problems = parse_body(school_year([35, 36, 37, 52, 1, 2]))
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Unit 35", (1, 1)),
        ("Unit 36", (2, 2)),
        ("Unit 37", (3, 3)),
        ("Unit 52", (18, 18)),
        ("Unit 1", (19, 19)),
        ("Unit 2", (20, 20)),
    ]
    assert errors(problems) == []


@pytest.mark.parametrize(("header", "cell"), [("Week", "Week {w}"), ("Wk", "W{w}"), ("Week", "{w}")])
def test_calendar_weeks_named_in_their_cells_cross_the_year_end_alike(header: str, cell: str):
    rows = "".join(f"| {cell.format(w=w)} | Unit {w} |\n" for w in (50, 51, 52, 1))
    role, problems = parse_body(f"# School year\n\n| {header} | Topic |\n|---|---|\n{rows}")
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Unit 50", (1, 1)),
        ("Unit 51", (2, 2)),
        ("Unit 52", (3, 3)),
        ("Unit 1", (4, 4)),
    ]
    assert problems == []


@pytest.mark.parametrize(
    "weeks",
    [
        [35, 36, 37, 20, 21],  # back to the middle of the year: no year's end
        [35, 36, 52, 1, 2, 36],  # runs into its own weeks again
        [3, 4, 5, 1, 2],
    ],
)
def test_a_week_table_that_goes_back_otherwise_stays_a_table(weeks: list[int]):
    role, _ = parse_body(school_year(weeks))
    assert role.phases == ()
