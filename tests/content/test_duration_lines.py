"""A phase's weeks given on a line under its heading, weeks planned between phases that have them, and the title of
a phase whose heading gives none."""

from __future__ import annotations

import pytest

from bot.content.loader import parse_bytes
from bot.content.models import Problem, Role
from tests.content.helpers import role_file, section_titled


def parse(body: str) -> tuple[Role | None, list[Problem]]:
    return parse_bytes(role_file(body=body).encode(), "x.md")


def line_of(body: str, heading: str) -> int:
    """Return the line of a role file of `body` that `heading` is on."""
    return role_file(body=body).split("\n").index(heading) + 1


def loaded(body: str) -> tuple[Role, list[Problem]]:
    role, problems = parse(body)
    assert role is not None, problems
    return role, problems


# ---------------------------------------------------------------- a span or length on a line under the heading

PORTUGUESE = """
# Roteiro

## Fase 1 — Python (Semanas 1 a 7)

- pandas

## Fase 2: Estatística

**Duração:** Semanas 8 até 10

**Objetivo:** interpretar dados com rigor.

- Testes A/B

## Fase 3 — Visualização e BI (Semanas 11 a 13)

- Power BI
"""


def test_a_phase_takes_the_weeks_its_first_lines_give():
    role, problems = loaded(PORTUGUESE)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "Python", (1, 7)),
        (2, "Estatística", (8, 10)),
        (3, "Visualização e BI", (11, 13)),
    ]
    assert problems == []
    statistics = role.phases[1]
    assert statistics.objective == "interpretar dados com rigor."
    assert "Duração" not in statistics.text and all("Duração" not in s.label for s in statistics.subsections)


@pytest.mark.parametrize(
    ("line", "weeks"),
    [
        ("**Duração:** Semanas 8 até 10", (8, 10)),
        ("Duration: 3 weeks", (8, 10)),
        ("**Weeks:** 8-10", (8, 10)),
        ("Estimated time: 3 weeks", (8, 10)),
        ("Tempo: 2 semanas", (8, 9)),
        ("*Dauer: 3 Wochen*", (8, 10)),
        ("⏱️ 2-3 weeks", (8, 10)),
        ("(Weeks 8-9)", (8, 9)),
        ("- **Duration:** 2 weeks", (8, 9)),
        ("Длительность: 2 недели", (8, 9)),
        ("时长：2周", (8, 9)),
    ],
)
def test_the_lines_that_give_a_phase_its_weeks(line: str, weeks: tuple[int, int]):
    role, problems = loaded(f"## Phase 1: A (Weeks 1-7)\n\n- a\n\n## Phase 2: B\n\n{line}\n\n- b\n")
    assert [p.weeks for p in role.phases] == [(1, 7), weeks]
    assert not role.phases[1].planned and problems == []


@pytest.mark.parametrize(
    "line",
    [
        "Project: 2 weeks",  # no duration label
        "Duration: 2 weeks, then a review",  # more than a length
        "Time: 5 hours",
        "- Duration 2 weeks",  # a bullet without a label
        "- [ ] Duration: 2 weeks",  # a task
    ],
)
def test_lines_that_give_no_weeks_leave_the_phase_to_be_planned(line: str):
    role, problems = loaded(f"## Phase 1: A (Weeks 1-7)\n\n- a\n\n## Phase 2: B\n\n{line}\n\n- b\n")
    assert [(p.weeks, p.planned) for p in role.phases] == [((1, 7), False), ((8, 11), True)]
    (warning,) = problems
    assert "Phase 2 weeks 8-11" in warning.message


def test_a_duration_far_under_the_heading_is_not_the_phases():
    role, _ = loaded(
        "## Phase 1: A (Weeks 1-7)\n\n- a\n\n## Phase 2: B\n\nOne.\n\nTwo.\n\nThree.\n\nDuration: 2 weeks\n"
    )
    assert role.phases[1].planned


def test_a_week_heading_under_a_phase_is_no_duration_of_it():
    role, _ = loaded("## Phase 1: Basics\n\n**Week 1**\n\n- a\n\n**Week 2**\n\n- b\n\n## Phase 2: More (Weeks 5-8)\n")
    assert [(p.weeks, p.planned) for p in role.phases] == [((1, 4), True), ((5, 8), False)]


RUST = """
# Rust

## 1. Getting Started

Duration: 2 weeks

### 1.1 Installing the toolchain

Duration: 3 days

- rustup

### 1.2 Cargo

- cargo new

## 2. Ownership (~3 weeks)

- moves

## 3. Types and Traits

Estimated time: 3 weeks

### 3.1 Traits

- generics

## 4. Capstone (4 weeks)

- [ ] Ship it

## Appendix A. Reference

- std docs
"""


def test_numbered_sections_with_a_length_under_them_are_phases_as_with_it_in_their_heading():
    role, problems = loaded(RUST)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "Getting Started", (1, 2)),
        (2, "Ownership", (3, 5)),
        (3, "Types and Traits", (6, 8)),
        (4, "Capstone", (9, 12)),
    ]
    assert problems == []
    first = role.phases[0]
    assert [s.label for s in first.subsections] == ["1.1 Installing the toolchain", "1.2 Cargo"]
    assert first.objective is None and "Duration" not in first.text


def test_a_duration_under_a_heading_that_is_no_phase_stays_its_text():
    role, _ = loaded("# Guide\n\n## 3. Practice project\n\nDuration: 2 weeks\n\n- build a CLI\n")
    assert role.phases == ()
    assert "Duration: 2 weeks" in section_titled(role, "3. Practice project").text


def test_titled_sections_with_weeks_under_them_are_phases():
    role, _ = loaded("## HTML and CSS\n\n**Weeks:** 1-3\n\n- tags\n\n## JavaScript\n\n**Weeks:** 4-8\n\n- DOM\n")
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "HTML and CSS", (1, 3)),
        (2, "JavaScript", (4, 8)),
    ]


# ---------------------------------------------------------------- weeks planned between phases that have them


def test_a_phase_without_weeks_fills_the_weeks_free_before_the_next_one():
    plan = "## Phase 1: A (Weeks 1-7)\n- a\n\n## Phase 2: B\n- b\n\n## Phase 3: C (Weeks 11-13)\n- c\n"
    role, problems = loaded(plan)
    assert [(p.weeks, p.planned) for p in role.phases] == [((1, 7), False), ((8, 10), True), ((11, 13), False)]
    (warning,) = problems
    assert warning.severity == "warning" and warning.line == line_of(plan, "## Phase 2: B")
    assert warning.message == (
        "1 phase has no weeks; planned in the weeks free between the phases around it: Phase 2 weeks 8-10 (between "
        "Phase 1 and Phase 3). Add '(Weeks a-b)' to a phase heading to choose its weeks"
    )


def test_phases_without_weeks_share_the_free_weeks_and_those_after_the_last_take_four():
    role, problems = loaded(
        "## Phase 1: A (Weeks 1-4)\n\n## Phase 2: B\n\n## Phase 3: C\n\n## Phase 4: D (Weeks 10-12)\n\n## Phase 5: E\n"
    )
    assert [p.weeks for p in role.phases] == [(1, 4), (5, 7), (8, 9), (10, 12), (13, 16)]
    (warning,) = problems
    assert "planned 4 weeks each, or in the weeks free between the phases around them" in warning.message
    assert "Phase 3 weeks 8-9 (between Phase 1 and Phase 4), Phase 5 weeks 13-16." in warning.message


def test_a_first_phase_without_weeks_takes_those_before_the_second():
    role, _ = loaded("## Phase 1: A\n\n## Phase 2: B (Weeks 4-6)\n")
    assert [p.weeks for p in role.phases] == [(1, 3), (4, 6)]


def test_no_free_weeks_is_told_as_such_not_as_an_overlap():
    plan = "## Phase 1: A (Weeks 1-4)\n\n## Phase 2: B\n\n## Phase 3: C (Weeks 5-8)\n"
    role, problems = parse(plan)
    assert role is None
    assert [(p.severity, p.line, p.message) for p in problems] == [
        (
            "error",
            line_of(plan, "## Phase 2: B"),
            f"Phase 2 has no weeks, and no week is free between week 4 and Phase 3 (weeks 5-8, line "
            f"{line_of(plan, '## Phase 3: C (Weeks 5-8)')}): give it weeks in its heading ('(Weeks a-b)') and move "
            "the phases after",
        )
    ]


# ---------------------------------------------------------------- a phase its heading gives no title


@pytest.mark.parametrize(
    ("headings", "titles"),
    [
        (("Q1", "Q2"), ["Q1", "Q2"]),
        (("Quarter 1", "Quarter 2"), ["Quarter 1", "Quarter 2"]),
        (("Month 1", "Month 2"), ["Month 1", "Month 2"]),
        (("Week 1", "Weeks 2-3"), ["Week 1", "Weeks 2-3"]),
        (("Semana 1", "Semanas 2 a 3"), ["Semana 1", "Semanas 2 a 3"]),
        (("Неделя 1", "Неделя 2"), ["Неделя 1", "Неделя 2"]),
        (("第1周", "第2周"), ["第1周", "第2周"]),
        (("Days 1-30", "Days 31-60"), ["Days 1-30", "Days 31-60"]),
        (("Phase 1 (Weeks 1-3)", "Phase 2"), ["Weeks 1-3", "Weeks 4-7"]),  # a phase word names no weeks
    ],
)
def test_a_phase_without_a_title_is_named_as_its_heading_names_it(headings: tuple[str, str], titles: list[str]):
    role, _ = loaded("".join(f"## {h}\n\n- topic\n\n" for h in headings))
    assert [p.title for p in role.phases] == titles


@pytest.mark.parametrize(
    ("periods", "weeks"),
    [
        (("4", "3", "2"), [(1, 4), (5, 7), (8, 9)]),  # lengths: laid out one after the other
        (("1", "1", "2"), [(1, 1), (2, 2), (3, 4)]),
        (("1-4", "5-8", "9-12"), [(1, 4), (5, 8), (9, 12)]),  # ranges: the weeks
    ],
)
def test_one_number_under_a_chinese_period_label_is_its_length(periods, weeks):
    body = "# 学习计划\n\n" + "".join(
        f"## 第{n}阶段：主题{n}\n\n周期：{period}\n\n- 内容\n\n" for n, period in zip("一二三", periods, strict=True)
    )
    role, problems = parse_bytes(role_file(body=body).encode(), "x.md")
    assert role is not None, problems
    assert [p for p in problems if p.severity == "error"] == []
    assert [(p.first_week, p.last_week) for p in role.phases] == weeks


def test_a_course_load_line_gives_each_stage_its_months() -> None:
    # Brazilian and Spanish course outlines give a stage's length as its 'carga horária' (course load), its hours
    # in brackets after the months: the months are the stage's weeks, the hours how they are spent.
    body = """
    ## Etapa 1: Lógica
    **Carga horária:** 1 mês (30h)
    - algoritmos e variáveis

    ## Etapa 2: Web
    **Carga horária:** 1,5 mês (45h)
    - páginas com HTML

    ## Etapa 3: Git
    Carga horaria: 0,5 mes (15h)
    - commits
    """
    role, problems = loaded(body)
    assert [(p.title, p.weeks, p.planned) for p in role.phases] == [
        ("Lógica", (1, 4), False),
        ("Web", (5, 10), False),
        ("Git", (11, 12), False),
    ]
    assert all("Carga" not in piece.md for p in role.phases for piece in p.body)
    assert problems == []
