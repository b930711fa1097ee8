"""Plans written in other languages, in shapes their writers use: what a learner and a moderator see of them."""

from __future__ import annotations

import pytest

from bot.content.loader import parse_bytes
from bot.domain.today import week_slice
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


@pytest.mark.parametrize(
    ("spans", "capstone", "weeks"),
    [
        (["(1-4 weeks)", "(5-9 weeks)", "(10-12 weeks)"], "Capstone project (2 weeks)", (13, 14)),
        (["(1-4 weeks)", "(5-9 weeks)"], "Capstone project (2 weeks)", (10, 11)),
        (["(1-4 weeks)", "(5-9 weeks)"], "Capstone project (Weeks 10-12)", (10, 12)),
    ],
)
def test_a_capstone_after_counted_on_ranges_goes_on_after_them(spans, capstone, weeks):
    role, problems = parse(plan(spans) + f"\n## {capstone}\n\n- [ ] Deploy\n")
    assert [p.weeks for p in role.phases][-1] == weeks
    assert role.phases[-1].title == "Capstone project"
    assert [item.phase for item in role.checklist] == [len(spans) + 1]
    assert not [p for p in problems if p.severity == "error"]


MODULES_WEEKS_FROM_ONE = """
# Roteiro de estudos

## Visão geral

Seis meses, um módulo depois do outro.

## Módulos

### M01 - Web básica

#### Semana 1-2
- Marcação e estilos
- Layout com grid

#### Semana 3
- Um site de uma página

### M02 - Java

#### Semana 1-2
- Sintaxe e tipos
- Coleções

#### Semana 3-4
- Exceções
- Um jogo da forca no terminal

## Avaliação

### Critérios
- Projetos entregues
"""


def test_week_headings_that_count_from_one_under_each_module_make_the_modules_phases():
    role, problems = parse(MODULES_WEEKS_FROM_ONE)
    assert not [p for p in problems if p.severity == "error"], problems
    assert weeks(role) == [("M01 - Web básica", 1, 3), ("M02 - Java", 4, 7)]
    second = role.phases[1]
    assert [s.label for s in second.subsections] == ["Semana 1-2", "Semana 3-4"]


@pytest.mark.parametrize(
    ("parent", "titles"),
    [
        ("Module {n} - Topic {n}", ["Topic 1", "Topic 2"]),  # a series word: titled as its phase would be
        ("Topic {n}", ["Topic 1", "Topic 2"]),
    ],
)
def test_english_week_headings_counting_from_one_under_parents_read_alike(parent, titles):
    body = "# Plan\n\n" + "\n".join(
        f"## {parent.format(n=n)}\n\n### Week 1-2\n- item {n} a\n\n### Week 3\n- item {n} b\n" for n in (1, 2)
    )
    role, problems = parse(body)
    assert not [p for p in problems if p.severity == "error"], problems
    assert [(p.title, p.weeks) for p in role.phases] == list(zip(titles, [(1, 3), (4, 6)], strict=True))


def test_week_headings_that_go_on_across_modules_stay_the_phases():
    body = "# Plan\n\n## Web\n\n### Week 1-2\n- a\n\n### Week 3\n- b\n\n## Java\n\n### Week 4-5\n- c\n"
    role, _ = parse(body)
    assert [p.weeks for p in role.phases] == [(1, 2), (3, 3), (4, 5)]


@pytest.mark.parametrize("word", ["Hafta", "Tuần", "Minggu"])
def test_a_quarter_that_gives_its_weeks_in_turkish_vietnamese_or_indonesian_words_is_those_weeks(word):
    body = (
        f"# Yıllık plan\n\n### Q1 ({word} 1–13)\n- Kurulum\n- Ağ temelleri\n\n"
        f"### Q2 ({word} 14–26)\n- Betik yazma\n\n### Q3 ({word} 27–39)\n- Veri yapıları\n"
    )
    role, problems = parse(body)
    assert [(p.title, p.weeks) for p in role.phases] == [("Q1", (1, 13)), ("Q2", (14, 26)), ("Q3", (27, 39))]
    assert not role.self_paced
    assert not [p for p in problems if "two spans" in p.message]


def test_week_headings_from_one_under_a_phase_after_one_that_gives_its_length_are_counted_from_its_start():
    body = """
# Plan

## Phase 0: Setup (2 weeks)

- Tools

## Phase 1: Backend (3-4 weeks)

### Week 1: Basics
- Routing

### Week 2: Data
- Schemas

### Week 3: Auth
- Tokens

## Phase 2: DevOps (1 week)

- Docker
"""
    role, problems = parse(body)
    assert not [p for p in problems if p.severity == "error"], problems
    assert [(p.number, p.weeks) for p in role.phases] == [(0, (1, 2)), (1, (3, 5)), (2, (6, 6))]


def test_week_headings_after_a_phase_that_gives_its_length_keep_weeks_past_it():
    body = "# Plan\n\n## Phase 1: Setup (2 weeks)\n\n- Tools\n\n## Phase 2: Backend\n\n### Week 3\n- a\n\n### Week 4\n- b\n"
    role, _ = parse(body)
    assert [p.weeks for p in role.phases] == [(1, 2), (3, 4)]


ARABIC_WORDED_LENGTHS = """
# خطة التعلم

## المرحلة 1: التأسيس (أسبوعان)

- أدوات العمل

## المرحلة 2: الخادم (3-4 أسابيع)

- المسارات

## المرحلة 3: النشر (أسبوع واحد)

- الحاويات

## المرحلة 4: قواعد البيانات (شهرين)

- الجداول
"""


def test_arabic_lengths_said_in_words_are_those_lengths():
    role, problems = parse(ARABIC_WORDED_LENGTHS)
    assert weeks(role) == [("التأسيس", 1, 2), ("الخادم", 3, 6), ("النشر", 7, 7), ("قواعد البيانات", 8, 15)]
    assert not [p for p in problems if "no weeks" in p.message]


WEEK_TABLE = """
# Plan

| {header} | Topic | Lab |
|---|---|---|
| 1 | Git basics | Install git |
| 2 | Branching | Merge conflicts |
| 3 | Testing | pytest kata |
"""


@pytest.mark.parametrize(
    ("header", "label"),
    [
        ("주차", "2주차"),
        ("周", "第2周"),
        ("週", "第2週"),
        ("Неделя", "Неделя 2"),
        ("Тиждень", "Тиждень 2"),
        ("Hafta", "Hafta 2"),
        ("Tuần", "Tuần 2"),
        ("Minggu", "Minggu 2"),
        ("الأسبوع", "الأسبوع 2"),
    ],
)
def test_a_week_column_headed_by_the_week_word_of_another_language_makes_a_weekly_plan(header, label):
    role, problems = parse(WEEK_TABLE.format(header=header))
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "Git basics", (1, 1)),
        (2, "Branching", (2, 2)),
        (3, "Testing", (3, 3)),
    ]
    assert not [p for p in problems if "no phases found" in p.message]
    assert f"{label}: Branching" in [s.title for s in role.sections]  # its search title, in the file's words


def test_a_korean_week_column_in_a_phase_gives_each_week_its_row_without_the_week_shown_as_a_detail():
    role, _ = parse(
        "# 계획\n\n## Phase 1: 버전 관리 (1-2주차)\n\n"
        "| 주차 | 주제 | 목표 |\n|---|---|---|\n| 1 | 커밋과 기록 | 로그 읽기 |\n| 2 | 브랜치와 병합 | 충돌 해결 |\n"
    )
    phase = role.phases[0]
    shown = [[p.md for unit in week_slice(phase, 2, week).units for p in unit.pieces] for week in (1, 2)]
    assert shown == [["커밋과 기록 — 목표: 로그 읽기"], ["브랜치와 병합 — 목표: 충돌 해결"]]
