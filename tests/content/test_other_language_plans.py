"""Plans written in other languages, in shapes their writers use: what a learner and a moderator see of them."""

from __future__ import annotations

import pytest

from bot.content.loader import parse_bytes
from tests.content.helpers import role_file


def parse(body: str, name: str = "x"):
    role, problems = parse_bytes(role_file(name, body=body).encode(), f"{name}.md")
    assert role is not None, problems
    return role, problems


def weeks(role) -> list[tuple[str, int, int]]:
    return [(p.title, p.first_week, p.last_week) for p in role.phases]


KOREAN_RANGES = """
# 26주 학습 로드맵

## Phase 1: 파이썬 기초 (1-4주)

| 주차 | 주제 |
|:---:|:-----|
| 1 | 환경 세팅 |
| 2 | 넘파이 |

## Phase 2: 딥러닝 기초 (5-9주)

- 텐서 연산
- 역전파

## Phase 3: 자연어 처리 (10-14주)

- 토큰화
"""


def test_ranges_that_count_on_from_one_phase_to_the_next_are_its_weeks():
    role, problems = parse(KOREAN_RANGES)
    assert weeks(role) == [("파이썬 기초", 1, 4), ("딥러닝 기초", 5, 9), ("자연어 처리", 10, 14)]
    assert role.total_weeks == 14
    assert not [p for p in problems if p.severity == "error"]


def plan(spans: list[str]) -> str:
    return "# Plan\n\n" + "\n".join(
        f"## Phase {i}: Topic {i} {span}\n\n- item {i}\n" for i, span in enumerate(spans, 1)
    )


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        (["(1-4 weeks)", "(5-9 weeks)", "(10-14 weeks)"], [(1, 4), (5, 9), (10, 14)]),
        (["（1-4周）", "（5-9周）", "（10-14周）"], [(1, 4), (5, 9), (10, 14)]),
        (["（1〜4週間）", "（5〜9週間）", "（10〜14週間）"], [(1, 4), (5, 9), (10, 14)]),
        (["(1-4 недели)", "(5-9 недель)", "(10-14 недель)"], [(1, 4), (5, 9), (10, 14)]),
        (["(1-4 semanas)", "(5-9 semanas)", "(10-14 semanas)"], [(1, 4), (5, 9), (10, 14)]),
        (["(1-2 months)", "(3-4 months)", "(5-6 months)"], [(1, 8), (9, 16), (17, 24)]),
    ],
)
def test_counted_on_ranges_in_any_language_are_spans(spans, expected):
    role, _ = parse(plan(spans))
    assert [p.weeks for p in role.phases] == expected


@pytest.mark.parametrize(
    ("spans", "lengths"),
    [
        (["(1-2 months)", "(2-3 months)", "(3-4 months)"], [6, 10, 14]),  # each starts anew: lengths
        (["(2-3 weeks)", "(4-5 weeks)"], [3, 5]),  # not from 1
        (["(1-4 weeks)", "(2 weeks)"], [3, 2]),  # one number: a length, and so are the others
        (["(1-4 weeks)", "(5-8 months)"], [3, 26]),  # two units
    ],
)
def test_ranges_that_do_not_count_on_from_one_stay_lengths(spans, lengths):
    role, _ = parse(plan(spans))
    assert [p.last_week - p.first_week + 1 for p in role.phases] == lengths
