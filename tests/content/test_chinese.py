"""Chinese roadmaps: words found inside runs of characters that no blanks split, items picked by them."""

from __future__ import annotations

import pytest

from bot.content.answers import answer
from bot.content.loader import parse_bytes
from bot.content.pick import best, rank
from bot.content.questions import read_question
from bot.content.search import SearchIndex, tokenize
from tests.content.helpers import parse_body, role_file

PLAN = """
# 后端学习路线

## 第一阶段：计算机基础（第1-4周）

- 操作系统：进程、线程、内存
- 计算机网络：TCP/IP、HTTP
- [ ] 读完《深入理解计算机系统》前三章

## 第二阶段：数据库（第5-8周）

- MySQL：索引、事务、锁
- [ ] 刷完 100 道算法题
- [ ] 为图书 API 加上 Redis 缓存

## 面试准备

- [ ] 准备项目介绍
"""


def index() -> SearchIndex:
    role, problems = parse_bytes(role_file("zh-backend", body=PLAN).encode(), "zh-backend.md")
    assert problems == []
    return SearchIndex([role])


def titles(found: SearchIndex, query: str) -> list[str]:
    return [h.section.title for h in found.search(query, limit=5)]


def test_a_word_inside_a_run_of_characters_is_found():
    found = index()
    assert titles(found, "算法") == ["刷完 100 道算法题"]
    assert titles(found, "面试") == ["面试准备"]
    assert titles(found, "深入理解")[0] == "读完《深入理解计算机系统》前三章"
    assert {"计算机网络", "读完《深入理解计算机系统》前三章"} <= set(titles(found, "计算机"))


def test_a_whole_title_typed_ranks_first_and_latin_words_beside_chinese_count():
    found = index()
    assert titles(found, "计算机网络")[0] == "计算机网络"
    assert titles(found, "redis缓存")[0] == "为图书 API 加上 Redis 缓存"
    assert titles(found, "数据库")[0] == "第二阶段：数据库（第5-8周）"  # the phase, by its heading as written


def test_chinese_is_split_into_pairs_of_characters_and_other_words_stay_whole():
    assert tokenize("计算机基础 and Python3") == ["计算", "算机", "机基", "基础", "and", "python3"]
    assert tokenize("锁") == ["锁"]
    assert tokenize("API加上Redis") == ["api", "加上", "redis"]


def test_done_picks_the_item_a_chinese_word_is_in():
    items = ["刷完 100 道算法题", "为图书 API 加上 Redis 缓存", "准备项目介绍"]
    assert [items[f.index] for f in best(rank("算法", items))] == ["刷完 100 道算法题"]
    assert [items[f.index] for f in best(rank("redis 缓存", items))] == ["为图书 API 加上 Redis 缓存"]


@pytest.mark.parametrize(
    ("query", "kind", "weeks", "phase", "relative", "topic"),
    [
        ("第14周学什么", "week", (14, 14), None, None, None),
        ("第2-3周的内容", "week", (2, 3), None, None, None),
        ("第三阶段讲什么", "phase", None, 3, None, None),
        ("数据库之后学什么", "after", None, None, None, "数据库"),
        ("Docker 之前要学什么？", "before", None, None, None, "docker"),
        ("本周学什么", "week", None, None, 0, None),
        ("下周", "week", None, None, 1, None),
        ("接下来学什么", "after", None, None, 0, None),
        ("学习 Redis 缓存", "topic", None, None, None, "学习 Redis 缓存"),
    ],
)
def test_chinese_questions_read_as_their_english_words(query, kind, weeks, phase, relative, topic):
    asked = read_question(query)
    assert (asked.kind, asked.weeks, asked.phase, asked.relative) == (kind, weeks, phase, relative)
    assert asked.text == query
    if topic is not None:
        assert asked.topic == topic


def test_a_chinese_question_is_answered_with_the_phase_it_asks_for():
    found = index()
    week = answer(found, "第6周学什么")
    assert week.note == "Week 6 of Zh Backend is in Phase 2: 数据库 (weeks 5-8)."
    after = answer(found, "计算机基础之后学什么")
    assert [h.section.title for h in after.hits][:1] == ["第二阶段：数据库（第5-8周）"]


def test_a_bullet_of_a_name_a_full_width_colon_and_a_bare_url_is_titled_by_the_name() -> None:
    role, _ = parse_body(
        "# 资料\n\n## 课程\n\n- 课程网站：https://example.edu/course.html\n- 课程视频：https://example.com/v/1\n"
    )
    titles = [s.title for s in role.sections if s.kind == "topic"]
    assert titles == ["课程网站", "课程视频"]
    assert "https://example.edu/course.html" in next(s.text for s in role.sections if s.title == "课程网站")
