"""Shapes of real learning plans reported to read wrong: each written here in its own words, the shape kept."""

from __future__ import annotations

import pytest

from bot.content.phases import read_phase_heading
from tests.content.helpers import errors, finishes_in_a_minute, parse_body, phase_spans, section_titled, warnings

# A learning log: a block per week's objectives under one heading, then a block per week's lessons under another,
# counting from week 1 again.
WEEKLY_LOG = """
# 100 Days of Practice

## Objective
A plan to keep me accountable for a hundred days.

## Calendar
<details><summary>Week 1 Objectives</summary>

1. Build the shopping cart.
2. Read the first chapter.
</details>

![](https://example.com/week1.jpg)

<details><summary>Week 2 Objectives</summary>

1. Plan the landing page.
</details>

<details><summary>Week 3 Objectives</summary>

1. JavaScript
2. React
</details>

## Lessons Learned

<details><summary>Week 1 Lessons Learned</summary>

Date: Jan 18<br>
What I did: set up the project.

<hr>

Date: Jan 19<br>
What I did: fixed a stylesheet path.
</details>

<details><summary>Week 2 Lessons Learned</summary>

What went well: the layout.
</details>
"""


def test_a_second_series_of_weeks_counted_from_one_again_is_notes_on_the_plan() -> None:
    role, problems = parse_body(WEEKLY_LOG)
    assert errors(problems) == []
    assert not [w for w in warnings(problems) if "Lessons" in w]  # no phase written wrong: notes
    # weeks that all share the title 'Objectives' are titled by their summaries as written
    assert phase_spans(role) == [
        (1, "Week 1 Objectives", (1, 1)),
        (2, "Week 2 Objectives", (2, 2)),
        (3, "Week 3 Objectives", (3, 3)),
    ]
    notes = [s for s in role.sections if s.title.startswith("Week 1 Lessons")]
    assert notes and "stylesheet path" in notes[0].text


# A project's changelog: each release's notes name the phases of its work, newest release first.
CHANGELOG = """
# Changelog

## [0.2.0] - 2024-02-01

### Added

#### Phase 2
- Settings page

#### Phase 3
- Export to CSV

## [0.1.0] - 2024-01-01

### Added

#### Phase 1
- Login screen

#### Phase 2
- Data model
"""


def test_phases_named_in_a_changelogs_release_notes_are_sections() -> None:
    role, problems = parse_body(CHANGELOG)
    assert errors(problems) == []
    assert role.phases == ()
    assert [s.path[-2:] for s in role.sections if s.title == "Phase 1"] == [("Added", "Phase 1")]


def test_one_phase_per_release_newest_first_is_release_notes_too() -> None:
    role, problems = parse_body(
        "# Changelog\n\n## v0.3.0\n\n#### Phase 3\n- Export\n\n## v0.2.0\n\n#### Phase 2\n- Settings\n\n"
        "## v0.1.0\n\n#### Phase 1\n- Login\n"
    )
    assert errors(problems) == []
    assert role.phases == ()


def test_a_span_heading_over_the_week_headings_at_its_own_level_groups_them() -> None:
    role, problems = parse_body(
        """
        # Rust in Two Months

        ## Week 0

        - Install the toolchain

        ## Weeks 1–8

        ## Week 1: Syntax
        - Variables and types

        ## Week 2: Ownership
        - Borrowing

        ## Weeks 3-8: Projects
        - Build a command-line tool
        """
    )
    assert errors(problems) == []
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Week 0", (1, 1)),
        ("Syntax", (2, 2)),
        ("Ownership", (3, 3)),
        ("Projects", (4, 9)),
    ]


def test_a_duration_labelled_in_a_phase_headings_brackets_is_its_length_not_its_title() -> None:
    role, problems = parse_body(
        """
        # Health Data Roadmap

        **Phase 1: Data Platform (Duration: 2 months)**

        1. Build the data lake.

        **Phase 2: Patient Apps (Duration: 6 weeks)**

        1. Ship reminders.

        **Phase 3: Responsible AI (Duration: Ongoing)**

        1. Form a review board.
        """
    )
    assert errors(problems) == []
    assert [(p.title, p.weeks) for p in role.phases][:2] == [("Data Platform", (1, 8)), ("Patient Apps", (9, 14))]
    assert role.phases[2].title == "Responsible AI"


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Phase 1: Data (Time: 10 hrs/week)", "Data (Time: 10 hrs/week)"),
        ("Phase 1: Data (When: after the bootcamp)", "Data (When: after the bootcamp)"),
        ("Phase 1: Data [Time: 2 hours a day]", "Data [Time: 2 hours a day]"),
        ("Phase 1: Data (Schedule: flexible)", "Data"),
    ],
)
def test_a_labelled_note_in_brackets_that_is_no_duration_stays_in_the_title(heading: str, title: str) -> None:
    found = read_phase_heading(heading)
    assert found is not None and found.title == title


def test_a_duration_label_in_brackets_takes_linear_time() -> None:
    finishes_in_a_minute(
        "from bot.content.phases import _without_duration_label as read\n"
        "read('Phase 1: A (Duration:' + ' ' * 50000 + 'x')\n"
        "read('Phase 1: A (Duration: x' + ' ' * 50000 + 'x')\n"
        "read('Phase 1: A' + '(' * 50000 + 'Duration: 1 week')\n"
        "read('Phase 1: A ' + '(Duration: 1' * 20000)\n",
        "a duration label in a phase heading",
    )


def test_a_chinese_core_goal_line_is_the_phases_objective() -> None:
    role, problems = parse_body(
        """
        # 数据分析路线

        ## 阶段0：环境准备

        核心目标：装好 Python 和笔记本

        - 安装发行版

        ## 阶段1：Python 基础

        **核心目标**：掌握基本语法

        - 变量与类型

        ## 阶段2：数据处理

        目标：会用数据框

        - 分组与聚合
        """
    )
    assert errors(problems) == []
    assert [(p.number, p.title, p.objective) for p in role.phases] == [
        (0, "环境准备", "装好 Python 和笔记本"),
        (1, "Python 基础", "掌握基本语法"),
        (2, "数据处理", "会用数据框"),
    ]


def test_bare_weeks_under_a_chinese_period_label_or_column_are_the_phases_weeks() -> None:
    role, problems = parse_body(
        """
        # 学习计划

        ## 第一阶段：基础

        周期：1-4

        - Python 语法

        ## 第二阶段：进阶

        周期：5-8

        - 数据结构
        """
    )
    assert errors(problems) == []
    assert [(p.title, p.weeks) for p in role.phases] == [("基础", (1, 4)), ("进阶", (5, 8))]
    table, problems = parse_body(
        """
        # 学习计划

        | 阶段 | 周期 | 内容 |
        |---|---|---|
        | 基础 | 1-4 | Python 语法 |
        | 进阶 | 5-8 | 数据结构 |
        | 项目 | 9-12 | 做一个爬虫 |
        """
    )
    assert errors(problems) == []
    assert [p.weeks for p in table.phases] == [(1, 4), (5, 8), (9, 12)]


def test_a_phase_cell_that_only_numbers_its_phase_leaves_the_focus_column_to_title_it() -> None:
    role, problems = parse_body(
        """
        # Build plan

        | Phase | Focus | Duration | Status |
        |-------|-------|----------|--------|
        | **Phase 1** | Foundation | Weeks 1-3 | ✅ **COMPLETE** |
        | Phase 2 | Storefront | Weeks 4-6 | 🔲 Not started |
        | Phase 3 | Stock keeping | Weeks 7-9 | 🔲 Not started |
        """
    )
    assert errors(problems) == []
    assert [(p.heading, p.weeks) for p in role.phases] == [
        ("Phase 1: Foundation", (1, 3)),
        ("Phase 2: Storefront", (4, 6)),
        ("Phase 3: Stock keeping", (7, 9)),
    ]


def test_russian_status_words_are_no_part_of_a_phase_title_nor_a_topic() -> None:
    role, problems = parse_body(
        """
        # План

        ## Этап 1: Основы (Недели 1-4) (Выполнено)
        - Синтаксис

        ## Этап 2: SQL (Недели 5-8) — В процессе
        - Запросы

        ## Этап 3: Практика (Недели 9-12) ⏳ Не начато
        - Проект
        """
    )
    assert errors(problems) == []
    assert [p.title for p in role.phases] == ["Основы", "SQL", "Практика"]
    table, problems = parse_body(
        """
        # План

        | Неделя | Тема | Статус |
        |---|---|---|
        | 1 | Git | ✅ Выполнено |
        | 2 | Docker | В работе |
        | 3 | Kubernetes | Не начато |
        """
    )
    assert errors(problems) == []
    assert [(p.title, [piece.md for piece in p.body]) for p in table.phases] == [
        ("Git", []),
        ("Docker", []),
        ("Kubernetes", []),
    ]


def test_a_week_titled_by_the_authors_progress_alone_is_named_by_its_week() -> None:
    role, problems = parse_body(
        """
        # Log

        ## Week 1 (done) ✅
        - [x] Install Git

        ## Week 2 (in progress)
        - [ ] Branching

        ## Week 3 ✅
        - [ ] Rebasing

        ## Week 4: Merging (done) ✅
        - [ ] Conflicts
        """
    )
    assert errors(problems) == []
    assert [p.heading for p in role.phases] == [
        "Phase 1: Week 1",
        "Phase 2: Week 2",
        "Phase 3: Week 3",
        "Phase 4: Merging",
    ]
    assert [s.title for s in role.sections if s.kind == "phase"] == ["Week 1", "Week 2", "Week 3", "Week 4: Merging"]


def test_a_box_written_in_a_checklist_group_heading_is_no_word_of_its_name() -> None:
    role, problems = parse_body(
        """
        # Checklist

        ### [x] Basics
        - [x] Variables
        - [x] Loops

        ### [ ] Advanced
        - [ ] Generics
        """
    )
    assert errors(problems) == []
    assert [item.group for item in role.checklist] == ["Basics", "Basics", "Advanced"]
    assert [s.title for s in role.sections if s.kind == "section"][1:] == ["Basics", "Advanced"]


def test_a_possessive_week_past_the_plans_weeks_is_prose_no_phase() -> None:
    role, problems = parse_body(
        """
        # Three weeks of Go

        ## Week 1: Syntax
        - Types

        ## Week 2: Concurrency
        - Goroutines

        ## Week 3: Tooling
        - go test

        ## Week 6's project is optional

        If you have time left, build a chat server.
        """
    )
    assert errors(problems) == []
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Syntax", (1, 1)),
        ("Concurrency", (2, 2)),
        ("Tooling", (3, 3)),
    ]
    assert "chat server" in section_titled(role, "Week 6's project is optional").text


def test_an_item_whose_first_block_is_a_list_is_that_list_in_its_place() -> None:
    role, problems = parse_body(
        """
        # Plan

        ## Phase 1: Basics (Weeks 1-2)

        - Functions

        1. - [ ] Write a loop
           - [ ] Write a function
        2. Review

        - - Variables
          - Loops
        """
    )
    assert errors(problems) == []
    (phase,) = role.phases
    assert [(t.title, [c.title for c in t.children]) for t in phase.topics] == [
        ("Functions", []),
        ("Review", []),
        ("Variables", []),
        ("Loops", []),
    ]
    # the tasks are no parts of 'Functions', written before their list
    assert [(item.text, item.parent) for item in role.checklist] == [("Write a loop", ""), ("Write a function", "")]


def test_a_paragraph_right_under_a_heading_in_a_list_item_is_that_headings_text() -> None:
    role, problems = parse_body(
        """
        # SQL Notes

        ## Window functions

        - ### Ranking Rows
        ROW_NUMBER numbers each row in its window.

        - ### Running Totals
        SUM over an ordered window adds up as it goes.

        A closing word on windows.
        """
    )
    assert errors(problems) == []
    topics = {s.title: s.text for s in role.sections if s.kind == "topic"}
    assert "ROW_NUMBER numbers each row" in topics["Ranking Rows"]
    assert "SUM over an ordered window" in topics["Running Totals"]
    assert "closing word" not in topics["Running Totals"]
    assert "closing word" in section_titled(role, "Window functions").text


def test_a_title_of_ticks_alone_stays_its_title() -> None:
    role, problems = parse_body("# Plan\n\n## Phase 1: ✅ ✅ (Weeks 1-2)\n- a\n\n## Phase 2: Git ✅ (Weeks 3-4)\n- b\n")
    assert [p.title for p in role.phases] == ["✅ ✅", "Git"]


def test_the_words_after_a_bold_phase_in_a_plans_item_are_its_text_not_its_title() -> None:
    role, problems = parse_body(
        """
        # Rollout

        **Deployment phases:**

        1. **Baseline (Weeks 1-4):** Measure the current workflow.
        2. **Shadow mode (Weeks 5-8):** Process every request but send nothing.
        3. **Full production (Weeks 9+):** Every team. Audits begin.
        """
    )
    assert errors(problems) == []
    assert [(p.title, p.objective) for p in role.phases] == [
        ("Baseline", "Measure the current workflow."),
        ("Shadow mode", "Process every request but send nothing."),
        ("Full production", "Every team."),
    ]
    role, problems = parse_body("# Web\n\n- **Week 1: JS** — Add behaviour.\n- **Week 2: React** — Components.\n")
    assert [(p.title, p.objective) for p in role.phases] == [("JS", "Add behaviour."), ("React", "Components.")]


def test_a_long_run_of_blanks_in_a_phase_heading_takes_linear_time() -> None:
    finishes_in_a_minute(
        "from bot.content.phases import read_phase_heading\n"
        "for text in ('Phase 1: A (' + ' ' * 50000 + 'x', 'Phase 1: A -' + ' ' * 50000 + 'x',\n"
        "             'Phase 1: A (Duration:' + ' ' * 50000 + 'x', 'Phase 1: A (3' + ' ' * 50000 + 'x'):\n"
        "    read_phase_heading(text)\n",
        "a phase heading with a long run of blanks",
    )


def test_each_week_given_twice_in_a_row_with_the_same_second_title_is_one_week_and_its_notes() -> None:
    role, problems = parse_body(
        """
        # 100 Days

        ## Week 1 Objectives
        - Build the cart

        ## Week 1 Lessons Learned
        The build step matters.

        ## Week 2 Objectives
        - Landing page

        ## Week 2 Lessons Learned
        Grids help.
        """
    )
    assert errors(problems) == []
    # every week is titled "Objectives": each is titled by its heading as written, as weeks of one title are
    assert phase_spans(role) == [(1, "Week 1 Objectives", (1, 1)), (2, "Week 2 Objectives", (2, 2))]
    assert "Grids help" in section_titled(role, "Week 2 Lessons Learned").text
    # one week given twice is a slip of the count, read as the next week
    role, problems = parse_body("# Log\n\n## Week 1: Git\n- a\n\n## Week 1: SQL\n- b\n\n## Week 3: Go\n- c\n")
    assert phase_spans(role) == [(1, "Git", (1, 1)), (2, "SQL", (2, 2)), (3, "Go", (3, 3))]


# A guide in numbered sections ('## 1.1 …'), each with its own phases counted from 1: no changelog.
NUMBERED_GUIDE = """
# Guide

## 1.1 Getting started

### Phase 1: Install
- Install the tools

### Phase 2: Configure
- Write the config

## 1.2 - Going further

### Phase 1: Advanced install
- Build from source

### Phase 2: Tuning
- Tune the cache
"""


def test_sections_numbered_as_an_outline_are_no_release_notes() -> None:
    role, problems = parse_body(NUMBERED_GUIDE)
    assert errors(problems) == []
    assert [p.title for p in role.phases] == ["Install", "Configure"]


def test_a_release_heading_with_its_date_or_alone_is_a_release() -> None:
    role, _ = parse_body(
        "# Changelog\n\n## 0.3.0 (2024-03-01)\n\n#### Phase 3\n- Export\n\n## 0.2.0 - 2024-02-01\n\n#### Phase 2\n"
        "- Settings\n\n## 0.1.0\n\n#### Phase 1\n- Login\n"
    )
    assert role.phases == ()


def test_long_release_like_headings_are_read_in_time() -> None:
    finishes_in_a_minute(
        "from bot.content.loader import parse_bytes\n"
        "from tests.content.helpers import role_file\n"
        "for heading in ('1.' * 40000, '[v1.2' + ' ' * 80000 + 'x', '1.2' + ' ' * 80000 + '-x'):\n"
        "    body = f'# Log\\n\\n## {heading}\\n\\n#### Phase 2\\n- a\\n\\n## 0.1.0\\n\\n#### Phase 1\\n- b\\n'\n"
        "    parse_bytes(role_file(body=body).encode(), 'x.md')\n",
        "reading release headings",
    )


@pytest.mark.parametrize(
    "header",
    ["| 阶段 | 周期 | 核心目标 |", "| Этап | Недели | Цель |", "| Phase | Weeks | Goal |"],
)
def test_a_phase_cell_that_only_numbers_its_phase_leaves_the_next_words_to_title_it(header: str) -> None:
    role, problems = parse_body(
        f"# Plan\n\n{header}\n| --- | --- | --- |\n| Phase 1 | Weeks 1-2 | Setup the tools |\n"
        "| Phase 2 | Weeks 3-6 | Batch pipelines |\n"
    )
    assert errors(problems) == []
    assert [(p.number, p.title) for p in role.phases] == [(1, "Setup the tools"), (2, "Batch pipelines")]


def test_a_bold_phase_cell_that_only_numbers_its_phase_shows_nothing_of_it() -> None:
    role, problems = parse_body(
        "# Plan\n\n| 阶段 | 周期 | 核心目标 | 关键产出 |\n| --- | --- | --- | --- |\n"
        "| **Phase 1** | 第 1-2 周 | 环境准备 | 仓库 |\n| **Phase 2** | 第 3-6 周 | 批处理 | DAG |\n"
    )
    assert errors(problems) == []
    assert [(p.number, p.title) for p in role.phases] == [(1, "环境准备"), (2, "批处理")]
    assert not [s for s in role.sections if s.kind == "topic" and "Phase" in s.text]


def test_a_bold_number_alone_in_a_phase_cell_shows_nothing_of_it() -> None:
    # '| **1** |' under 'Phase': its number, which its place gives, as a plain '| 1 |' is
    role, problems = parse_body(
        "# Plan\n\n| Phase | Weeks | Goal | Output |\n| --- | --- | --- | --- |\n"
        "| **1** | Weeks 1-2 | Setup | repo |\n| **2** | Weeks 3-6 | Batch | DAG |\n"
    )
    assert errors(problems) == []
    assert [(p.number, p.title) for p in role.phases] == [(1, "Setup"), (2, "Batch")]
    assert not [s for s in role.sections if s.kind == "topic" and "Phase" in s.text]
