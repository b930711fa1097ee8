"""A table of phases whose later column counts each phase's days by their numbers alone ('| Stage | Days | Tasks |'
over '| 1. Basics | 1–3 | … |'; a Chinese plan's '| 阶段 | 天数 |') is the weekly plan, as '## Days 1-3: Basics'
headings would be; a first row of day 0 is a day of setup before it."""

from __future__ import annotations

from tests.content.helpers import parse_messages

SPRINT = """
# A 40-day sprint to a first job

| Stage | Days | Tasks | Proof |
|-------|------|-------|-------|
| 0. Tools | 0 | Install an editor and git | first commit |
| 1. Page basics | 1–3 | Tags, forms and flexbox | a static page |
| 2. Browser scripting | 4–6 | Events and closures | a to-do list |
| 3. A framework | 7–15 | Components and state | a film finder |
| 4. Applying | 16–40 | Three applications a day | an offer |
"""

CHINESE = """
# 四十天冲刺

| 阶段 | 天数 | 任务 |
|------|------|------|
| 1. 页面基础 | 1–3 | 标签、表单、弹性布局 |
| 2. 浏览器脚本 | 4–6 | 事件与闭包 |
| 3. 框架入门 | 7–15 | 组件与状态 |
"""


def test_a_table_of_stages_counted_in_days_is_the_weekly_plan() -> None:
    role, messages = parse_messages(SPRINT)
    assert [(p.number, p.title) for p in role.phases] == [
        (1, "Page basics"),
        (2, "Browser scripting"),
        (3, "A framework"),
        (4, "Applying"),
    ]
    # as '## Days 1–3' … '## Days 16–40' headings are: a week each, the last from the week after the one before
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2), (3, 3), (4, 6)]
    assert messages == []
    first = role.phases[0]
    assert [piece.md for piece in first.body if piece.kind == "item"] == [
        "Tasks: Tags, forms and flexbox",
        "Proof: a static page",
    ]


def test_its_day_of_setup_stays_searchable_before_the_plan() -> None:
    role, _ = parse_messages(SPRINT)
    assert any("Install an editor" in s.text for s in role.sections if s.phase is None)


def test_a_chinese_table_of_stages_and_their_days_is_read_the_same() -> None:
    role, messages = parse_messages(CHINESE)
    assert [p.title for p in role.phases] == ["页面基础", "浏览器脚本", "框架入门"]
    assert messages == []


def test_days_that_skip_or_go_back_are_no_plan() -> None:
    role, messages = parse_messages(SPRINT.replace("| 4–6 |", "| 5–6 |"))
    assert role.phases == ()
    assert any("no phases found" in m for m in messages)


def test_a_column_of_days_after_a_column_of_topics_is_no_table_of_phases() -> None:
    role, _ = parse_messages(SPRINT.replace("| Stage |", "| Topic |"))
    assert role.phases == ()
