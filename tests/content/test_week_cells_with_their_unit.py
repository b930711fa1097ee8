"""A week column headed in Korean, Chinese or Japanese whose cells repeat the week word after their numbers ('| 주차 |'
over '3~4주', '| 周 |' over '1-2周') names those weeks, as '3~4' under it does: no length to lay out."""

from __future__ import annotations

from tests.content.helpers import parse_messages, phase_spans

KOREAN = """
# 백엔드 스터디

| 단계 | 주차 | 핵심 내용 |
|------|------|-----------|
| **기초** | 1~2주 | 언어와 웹 |
| **데이터** | 3~4주 | DB와 트랜잭션 |
| **테스트** | 5주 | 단위 테스트 |
| **운영** | 6~8주 | 배포와 모니터링 |
"""


def test_korean_week_cells_with_their_word_are_those_weeks() -> None:
    role, messages = parse_messages(KOREAN)
    assert phase_spans(role) == [(1, "기초", (1, 2)), (2, "데이터", (3, 4)), (3, "테스트", (5, 5)), (4, "운영", (6, 8))]
    assert messages == []


def test_chinese_week_cells_with_their_word_are_those_weeks() -> None:
    body = """
    | 周 | 内容 |
    |----|------|
    | 1-2周 | 基础语法 |
    | 3周 | 数据结构 |
    | 4-6周 | 项目实战 |
    """
    role, messages = parse_messages(body)
    assert [p.weeks for p in role.phases] == [(1, 2), (3, 3), (4, 6)]
    assert messages == []
