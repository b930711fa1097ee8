"""Sections numbered as Chinese numbers an outline ('一、', '1、') read as sections numbered '1. ' do."""

from __future__ import annotations

from bot.content.phases import read_phase_heading
from tests.content.helpers import finishes_in_a_minute, parse_body

STAGES = """
# C 语言学习大纲

从语法到系统编程，分阶段写出每一步要掌握的内容。

### **一、基础阶段：语法与思维（2-3个月）**

#### 1. 开发环境

- 编译器：GCC、Clang

### **二、进阶阶段：指针与内存（3-4个月）**

#### 1. 指针

- 多级指针、函数指针

### **三、高级阶段：系统编程（6-8个月）**

- 进程、线程、信号

### **四、资深阶段：性能与架构（持续学习）**

- 缓存友好的数据结构

### **五、学习原则**

- 每个知识点至少写两个小项目
"""


def test_sections_numbered_with_the_enumeration_comma_and_a_length_are_the_plan():
    role, problems = parse_body(STAGES)
    assert [(p.number, p.title, (p.first_week, p.last_week)) for p in role.phases] == [
        (1, "基础阶段: 语法与思维", (1, 10)),
        (2, "进阶阶段: 指针与内存", (11, 24)),
        (3, "高级阶段: 系统编程", (25, 52)),
    ]
    assert [p.severity for p in problems if p.severity == "error"] == []


def test_an_arabic_or_chinese_number_before_the_enumeration_comma_is_the_section_number():
    assert read_phase_heading("一、基础（2周）")[:3] == (1, None, None)
    assert read_phase_heading("十二、复习（1周）")[0] == 12
    assert read_phase_heading("3、进阶（第5-8周）")[:3] == (3, 5, 8)
    assert read_phase_heading("🚀 二、实战（3周）")[0] == 2
    assert read_phase_heading("一、环境准备") is None  # no length or weeks: a section, as '1. Setup' is


def test_numbers_listed_with_the_enumeration_comma_are_no_section_number():
    assert read_phase_heading("1、2周复习") is None  # 'weeks 1 and 2, review': no section 1


def test_a_long_heading_of_enumeration_marks_is_read_in_time():
    script = (
        "from bot.content.phases import read_phase_heading\n"
        "read_phase_heading('🚀' * 100_000 + '一、x（2周）')\n"
        "read_phase_heading(' ' * 100_000 + '、' * 100_000)\n"
    )
    finishes_in_a_minute(script, "a heading of 100,000 marks before the enumeration comma")


EMBEDDED = """
# 嵌入式学习路线

核心思路：**系统 → 硬件 → 协议 → 驱动 → 项目**。

## 一、入门阶段（1-2周：系统+硬件入门）

目标：会用 Linux 命令行，点亮一颗 LED

### 必读书籍

- 《树莓派使用指南》：装系统、SSH、GPIO

## 二、进阶阶段（2-4周：外设+协议）

### 视频课程

- 串口通信：接线、收发、校验

## 三、高级阶段（4周+：驱动+项目）

1. 环境监测站：温湿度采集并上报

## 四、学习建议（少走弯路）

1. 先模仿，再修改
"""


def test_a_length_and_a_note_in_one_bracket_give_the_length_and_keep_the_note():
    role, problems = parse_body(EMBEDDED)
    assert [(p.number, p.title, (p.first_week, p.last_week)) for p in role.phases] == [
        (1, "入门阶段 (系统+硬件入门)", (1, 2)),
        (2, "进阶阶段 (外设+协议)", (3, 5)),
        (3, "高级阶段 (驱动+项目)", (6, 9)),
    ]
    assert [p.severity for p in problems if p.severity == "error"] == []
    assert read_phase_heading("Phase 1: Basics (1-2 weeks: setup and tools)")[:4] == (
        1,
        None,
        None,
        "Basics (setup and tools)",
    )
    assert read_phase_heading("Phase 1: Basics (1-2 weeks: setup and tools)").length == 2
    assert read_phase_heading("2. Databases (3 weeks, part time)").length == 3
    assert read_phase_heading("二、进阶（2周，每天一小时）").length == 2
    assert read_phase_heading("Phase 1: Basics (2 weeks of practice)").length is None  # words, no note after a mark


def test_a_chinese_length_with_a_plus_or_at_least_after_its_unit_is_a_length():
    assert read_phase_heading("三、高级（4周+）").length == 4
    assert read_phase_heading("三、高级（4周以上）")[3:5] == ("高级", "")
    assert read_phase_heading("三、高级（4周以上）").length == 4


def test_a_numbered_stage_without_a_length_between_timed_ones_is_a_phase_planned_without_weeks():
    role, problems = parse_body(
        "### 一、基础阶段(2-4周)\n\n- 语法\n\n### 二、中级阶段(3-5周)\n\n- 面向对象\n\n### 三、数据结构与算法(4-6周)\n\n- 排序\n\n"
        "### 四、专项领域突破(选择1-2个方向)\n\n- Web开发\n\n### 五、工程化实践(2-3周)\n\n- 单元测试\n\n### 六、持续进阶\n\n- 设计模式\n"
    )
    assert [(p.number, p.title, p.planned) for p in role.phases] == [
        (1, "基础阶段", False),
        (2, "中级阶段", False),
        (3, "数据结构与算法", False),
        (4, "专项领域突破(选择1-2个方向)", True),
        (5, "工程化实践", False),
    ]
    assert [(p.first_week, p.last_week) for p in role.phases] == [(1, 3), (4, 7), (8, 12), (13, 16), (17, 19)]
    assert not [p for p in problems if "is missing" in p.message or p.severity == "error"]
    # between phases that give their weeks no week is free for it: a section, as before
    role, _ = parse_body("## 1. A (Weeks 1-2)\n- a\n## 2. B\n- b\n## 3. C (Weeks 3-4)\n- c\n")
    assert [p.number for p in role.phases] == [1, 3]
