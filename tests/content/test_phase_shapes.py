"""Phases in the shapes people write them, as the README's table lists them."""

from __future__ import annotations

import pytest

from bot.content.loader import parse_bytes
from bot.content.phases import PhaseHeading, phase_hint, read_phase_heading, read_series_heading
from tests.content.helpers import parse_body, role_file


@pytest.mark.parametrize(
    ("heading", "number", "weeks", "title"),
    [
        ("Phase 2: Databases (Weeks 5-12)", 2, (5, 12), "Databases"),
        ("Phase 2 - Databases (Week 5)", 2, (5, 5), "Databases"),
        ("Phase 2 – Databases (weeks 5 to 12)", 2, (5, 12), "Databases"),
        ("🚀 Phase 2 — Databases 🗄️ (Weeks 5–12) ✨", 2, (5, 12), "Databases"),
        ("1️⃣ Phase 2: 🐍 Databases 🐍 (Weeks 5-12)", 2, (5, 12), "Databases"),
        ("PHASE 2 (Weeks 5–12): Databases", 2, (5, 12), "Databases"),
        ("Phase 2: Databases (Weeks 5-12) (Beginner Level)", 2, (5, 12), "Databases (Beginner Level)"),
        ("Phase 3: Web APIs (week 3 of 12)", 3, (3, 3), "Web APIs"),
        ("Phase 1: Basics (Weeks 1-4, 10 h/week)", 1, (1, 4), "Basics (10 h/week)"),
        ("Phase 2: Databases [Weeks 5-12; evenings]", 2, (5, 12), "Databases (evenings)"),
        ("Month 2 (Weeks 5-9, part time): Back End", None, (5, 9), "Back End (part time)"),
        ("Phase 2 Databases (Weeks 5-12)", 2, (5, 12), "Databases"),
        ("Phase 2 of 4: Databases (Weeks 5-12)", 2, (5, 12), "Databases"),
        ("Fase 2 de 4: Bases de datos", 2, None, "Bases de datos"),
        ("Phase 1: Core Java (Weeks 1–2 & 3–4)", 1, (1, 4), "Core Java"),
        ("Phase 2: Spring (Weeks 5-6, 7-8)", 2, (5, 8), "Spring"),
        ("Phase 3: Testing (Weeks 9 + 10)", 3, (9, 10), "Testing"),
        ("Phase 1: Basics (Weeks 3-4, 1-2)", 1, (3, 4), "Basics (1-2)"),
        ("Week 1 (Jan 6 – Jan 12): Swift basics", None, (1, 1), "Swift basics (Jan 6 – Jan 12)"),
        ("Weeks 3–4 (Jan 20 – Feb 2) — Networking", None, (3, 4), "Networking (Jan 20 – Feb 2)"),
        ("Phase Two: Databases", 2, None, "Databases"),
        ("Stage 2: Databases", 2, None, "Databases"),
        ("Stage 3 ― Containers (Weeks 7–9)", 3, (7, 9), "Containers"),
        ("Phase 2 − Databases", 2, None, "Databases"),
        ("Phase 2: Databases (Beginner Level)", 2, None, "Databases (Beginner Level)"),
        ("Week 3: Arrays", None, (3, 3), "Arrays"),
        ("Week 3 — Arrays", None, (3, 3), "Arrays"),
        ("Wk 3: Arrays", None, (3, 3), "Arrays"),
        ("Weeks 4-6: Trees", None, (4, 6), "Trees"),
        ("(Weeks 4-6) Trees", None, (4, 6), "Trees"),
        ("(Weeks 4-6, part time) Trees", None, (4, 6), "Trees (part time)"),
        ("🌳 [Weeks 4-6; evenings] Trees", None, (4, 6), "Trees (evenings)"),
        ("(Months 1-2, evenings) Basics", None, (1, 8), "Basics (evenings)"),
        ("Month 2: Back End", None, (5, 8), "Back End"),
        ("Months 1-3: Basics", None, (1, 12), "Basics"),
        ("Days 31-60: Security Basics", None, (5, 9), "Security Basics"),
        ("1. Foundations (Weeks 1–4)", 1, (1, 4), "Foundations"),
        ("3) Persistence (Weeks 9-12)", 3, (9, 12), "Persistence"),
        ("2. Back End (Month 2)", 2, (5, 8), "Back End"),
        ("4. Phase 2: Databases (Weeks 5-12)", 2, (5, 12), "Databases"),
        ("5. Week 3: Arrays", None, (3, 3), "Arrays"),
        ("Phase 1: Basics (Week 1 - Week 4)", 1, (1, 4), "Basics"),
        ("Phase 2: Databases (Week 5 to Week 8)", 2, (5, 8), "Databases"),
        ("Week 3 – Week 4: Trees", None, (3, 4), "Trees"),
        ("Week 1 - Day 3: Loops", None, (1, 1), "Day 3: Loops"),  # a day of week 1, not weeks 1-3
        ("Month 1 - Week 2: Setup", None, (1, 4), "Week 2: Setup"),
        ("2. Setup (Days 1-7)", 2, (1, 1), "Setup"),
        ("Phase 1: Basics [Weeks 1-4]", 1, (1, 4), "Basics"),
        ("Phase II: Databases (Weeks 5-12)", 2, (5, 12), "Databases"),
        ("Phase IV - Deploy", 4, None, "Deploy"),
        ("Stage III: Containers", 3, None, "Containers"),
        ("Month 1 (Weeks 1-4): Basics", None, (1, 4), "Basics"),
        ("Month 2 (Weeks 5–9) — Back End", None, (5, 9), "Back End"),
        ("Q1: Math & Python (Jan–Mar)", None, (1, 12), "Math & Python (Jan–Mar)"),
        ("Quarter 3 — Deep Learning", None, (25, 36), "Deep Learning"),
        ("Q1 (Weeks 1-13): Math", None, (1, 13), "Math"),  # the weeks it gives, as for a month
        # the same weeks twice: the span said again is no part of the title
        ("Week 1: HTML (Week 1)", None, (1, 1), "HTML"),
        ("Phase 3: JS (Weeks 3-4) (Weeks 3-4)", 3, (3, 4), "JS"),
        ("Weeks 8-9: React (Weeks 8-9, part time)", None, (8, 9), "React (part time)"),
        ("Month 1: Basics (Weeks 1-4)", None, (1, 4), "Basics"),
        # Chinese: the same words, full-width brackets and colons
        ("第一阶段：计算机基础（第1-4周）", 1, (1, 4), "计算机基础"),
        ("第二阶段 - 后端开发（第5～10周）", 2, (5, 10), "后端开发"),
        ("阶段三：数据库 (第11至14周)", 3, (11, 14), "数据库"),
        ("第十二阶段：面试冲刺（第45-48周）", 12, (45, 48), "面试冲刺"),
        ("🚀 第 2 阶段：进阶", 2, None, "进阶"),
        ("第3周：Git 与 GitHub", None, (3, 3), "Git 与 GitHub"),
        ("第一周 — HTML 基础", None, (1, 1), "HTML 基础"),
        ("第5-6周：CSS 布局", None, (5, 6), "CSS 布局"),
        ("第2个月：JavaScript", None, (5, 8), "JavaScript"),
        ("第1-30天：Python 入门", None, (1, 5), "Python 入门"),
        # Traditional characters as the simplified ones
        ("第一階段：基礎（第1-4週）", 1, (1, 4), "基礎"),
        ("階段二 - 進階", 2, None, "進階"),
        ("第兩階段：資料庫", 2, None, "資料庫"),
        ("第2個月：JavaScript", None, (5, 8), "JavaScript"),
        # Russian: its phase and unit words in any case and number, 'до' and 'по' between numbers
        ("Этап 1: Основы (Недели 1-4)", 1, (1, 4), "Основы"),
        ("Этап 2 – Базы данных (недели 5–8)", 2, (5, 8), "Базы данных"),
        ("ФАЗА 2 (Недели 5 до 12): Бэкенд", 2, (5, 12), "Бэкенд"),
        ("Этап 3: Docker (Недели 9 по 12)", 3, (9, 12), "Docker"),
        ("Этап 4: Проект (неделя 13)", 4, (13, 13), "Проект"),
        ("🚀 Этап II — Фреймворки", 2, None, "Фреймворки"),
        ("2-й этап: Алгоритмы", 2, None, "Алгоритмы"),
        ("Этап 1 из 4: Основы", 1, None, "Основы"),
        ("Неделя 3: Git", None, (3, 3), "Git"),
        ("Недели 5–6: CSS", None, (5, 6), "CSS"),
        ("3-я неделя: Git", None, (3, 3), "Git"),
        ("Месяц 2: JavaScript", None, (5, 8), "JavaScript"),
        ("Дни 1-30: Python", None, (1, 5), "Python"),
        # Japanese: full-width brackets and colons, '〜' between numbers, 第 or 目 for the nth week
        ("フェーズ1：基礎（第1〜4週）", 1, (1, 4), "基礎"),
        ("フェーズ２ - Web開発（第5週〜第8週）", 2, (5, 8), "Web開発"),
        ("第3段階：データベース（第9～12週）", 3, (9, 12), "データベース"),
        ("ステージ2：応用", 2, None, "応用"),
        ("第3週：Git", None, (3, 3), "Git"),
        ("3週目：Gitの基本", None, (3, 3), "Gitの基本"),
        ("第5〜6週：CSS", None, (5, 6), "CSS"),
        ("第2ヶ月：JavaScript", None, (5, 8), "JavaScript"),
        ("2ヶ月目：React", None, (5, 8), "React"),
        ("1〜30日目：Python入門", None, (1, 5), "Python入門"),
        # Korean: the number before its word ('1단계', '3주차')
        ("1단계: 기초 (1-4주차)", 1, (1, 4), "기초"),
        ("2단계 - 백엔드 (5~8주차)", 2, (5, 8), "백엔드"),
        ("3단계: 데이터베이스 (9주차~12주차)", 3, (9, 12), "데이터베이스"),
        ("4단계: 배포", 4, None, "배포"),
        ("3주차: Git", None, (3, 3), "Git"),
        ("5-6주차: CSS 레이아웃", None, (5, 6), "CSS 레이아웃"),
        ("1개월차: 파이썬 기초", None, (1, 4), "파이썬 기초"),
        ("1-30일차: 파이썬", None, (1, 5), "파이썬"),
        # open-ended: the '+' is the span's
        ("Week 9+ — Portfolio and interviews", None, (9, 9), "Portfolio and interviews"),
        ("Weeks 9+ (ongoing): Jobs", None, (9, 9), "Jobs (ongoing)"),
        ("Phase 5: Portfolio (Weeks 20+)", 5, (20, 20), "Portfolio"),
        ("Weeks 10-12+: Capstone", None, (10, 12), "Capstone"),
        ("Month 6+: Job hunt", None, (21, 24), "Job hunt"),
        ("Week 3+4: Forms", None, (3, 4), "Forms"),
        ("Phase 2: C++ (Weeks 5-8)", 2, (5, 8), "C++"),
    ],
)
def test_phase_headings_people_write(heading, number, weeks, title):
    found = read_phase_heading(heading)
    assert found is not None
    assert found.number == number
    assert ((found.first, found.last) if found.first is not None else None) == weeks
    assert found.title == title


@pytest.mark.parametrize(
    "heading",
    [
        "Phases of learning",
        "Weekly schedule",
        "Databases (Weeks 13-18)",
        "What Phase 1 covers",
        "Day 1: Setup",  # one day is not a phase
        "Stack overview",
        "Data pipelines",
        "Monthly review",
        "1. Introduction",  # a numbered section without weeks
        "2.1 Setup (Weeks 1-2)",
        "2024 Goals (Weeks 1-4)",
        "3. Setup (Day 1)",
        "Phase Investigation",
        "Phases in review",
        "Stage directions",
        "Q&A",
        "Quarterly review",
        "Quick wins",
        "Q5 stretch goals",
        "Phase X-ray imaging",  # a word, not a Roman numeral
        "Stage I/O tuning",
        "Phase I'm proud of",
        "Этапы обучения",
        "Недельный план",
        "Неделя программиста",
        "День 1: Установка",  # one day
        "Дневник",
        "Полезные ресурсы",
        "Фазы Луны",
        "学習リソース",
        "3月の目標",  # March
        "1日目：変数",  # one day
        "週末の復習",
        "毎日の習慣",
        "2024年4月1日から",
        "학습 자료",
        "주요 개념",
        "1일차: 변수",  # one day
        "주간 회고",
        "3월 목표",  # March
        "자주 묻는 질문",
        "1주일 계획",
    ],
)
def test_headings_that_are_not_phases(heading):
    assert read_phase_heading(heading) is None


@pytest.mark.parametrize(
    ("heading", "length", "title"),
    [
        ("Phase 1: Fundamentals (4 weeks)", 4, "Fundamentals"),
        ("Phase 2: A Cloud Provider (2-3 months)", 10, "A Cloud Provider"),
        ("Phase 3: Terraform — 3 weeks", 3, "Terraform"),
        ("Phase 4: Kubernetes (~6 weeks)", 6, "Kubernetes"),
        ("Phase 5: Capstone [10 days]", 2, "Capstone"),
        ("1. Foundations (2 weeks)", 2, "Foundations"),
        ("Phase 6: Learn 3 weeks of Python", None, "Learn 3 weeks of Python"),  # words of the title, not a length
        ("Phase 7: Practice for 6-8 weeks", None, "Practice for 6-8 weeks"),  # a range's dash is no separator
        ("Phase 8: Build projects 1–2 months", None, "Build projects 1–2 months"),
        ("Phase 9: Python, 2-3 weeks", 3, "Python"),
        # time boxes: a unit of a letter or two, in brackets only
        ("1. Go fundamentals [3w]", 3, "Go fundamentals"),
        ("Phase 1: Tooling [3d]", 1, "Tooling"),
        ("Phase 2: Data [2 wks]", 2, "Data"),
        ("Phase 3: HTTP (~3w)", 3, "HTTP"),
        ("Phase 4: Capstone [1m]", 4, "Capstone"),
        ("Phase 5: Jobs [2 mo]", 8, "Jobs"),
        ("Phase 6: 3w tips", None, "3w tips"),  # no brackets: words of the title
        ("Phase 7: Notes [3 words]", None, "Notes [3 words]"),
        ("Этап 1: Основы (4 недели)", 4, "Основы"),
        ("Этап 2: Фреймворки (1-2 месяца)", 6, "Фреймворки"),
        ("Этап 3: Docker — 10 дней", 2, "Docker"),
        ("Этап 4: Практика 3 недели подряд", None, "Практика 3 недели подряд"),  # the title's words, as written
        ("フェーズ1：基礎（4週間）", 4, "基礎"),
        ("フェーズ2：応用（1〜2ヶ月）", 6, "応用"),
        ("フェーズ3：仕上げ（10日間）", 2, "仕上げ"),
        ("1단계: 기초 (4주)", 4, "기초"),
        ("2단계: 프레임워크 (1~2개월)", 6, "프레임워크"),
        ("3단계: 배포 (2주간)", 2, "배포"),
        ("4단계: 3주 동안 프로젝트", None, "3주 동안 프로젝트"),
        ("第二阶段：学习3周的内容", None, "学习3周的内容"),
    ],
)
def test_a_phase_may_give_its_length_instead_of_its_weeks(heading, length, title):
    found = read_phase_heading(heading)
    assert (found.first, found.length, found.title) == (None, length, title)


@pytest.mark.parametrize(
    ("heading", "hinted"),
    [
        ("Week: Intro", True),
        ("Phase ?: API Testing", True),
        ("Weeks ? - ?: UI Automation", True),
        ("Phase", True),
        ("Phases of learning", False),
        ("Weekly schedule", False),
        ("Week in review", False),
        ("Неделя: Введение", True),
        ("Этап ?: Тестирование", True),
        ("Этапы обучения", False),
        ("Недельный план", False),
        ("フェーズ：基礎", True),
        ("フェーズごとの学習", False),
    ],
)
def test_a_heading_that_starts_like_a_phase_gets_a_hint(heading, hinted):
    assert (phase_hint(heading) is not None) is hinted


@pytest.mark.parametrize(
    ("heading", "said"),
    [
        (
            "🐳 Stgae 4: Contaners with Docker (Weeks 8-10)",
            "'Stgae' reads like 'Stage': write 'Stage 4' to make it a phase",
        ),
        ("Phsae 2 - Databases (Week 5)", "'Phsae' reads like 'Phase': write 'Phase 2' to make it a phase"),
        ("Weeek 3: Git (Week 3)", "'Weeek' reads like 'Week': write 'Week 3' to make it a phase"),
        ("Wekes 4-5: CSS (Weeks 4-5)", "'Wekes' reads like 'Weeks': write 'Weeks 4' to make it a phase"),
    ],
)
def test_a_misspelt_phase_word_is_named_with_its_line(heading, said):
    assert read_phase_heading(heading) is None
    assert phase_hint(heading) == said
    body = f"## Basics\n- a\n\n## {heading}\n- b\n"  # no phase read: no place in a plan that it could fill
    _, problems, text = parse(body)
    hinted = [p for p in problems if said in p.message]
    assert [p.line for p in hinted] == [text.splitlines().index(f"## {heading}") + 1]  # the heading's own line


@pytest.mark.parametrize(
    "heading", ["Stake 4: Holders", "Stages 3 of grief", "Place 2: Zurich (Weeks 1-2) notes", "Wheel 5 (Week 2)"]
)
def test_a_word_that_only_looks_like_a_phase_word_gets_no_hint(heading):
    assert phase_hint(heading) is None


def parse(body: str, extra: str = ""):
    text = role_file(body=body, extra=extra)
    role, problems = parse_bytes(text.encode(), "x.md")
    assert role is not None, problems
    return role, problems, text


def test_a_bold_line_is_a_one_week_phase():
    role, problems, _ = parse("# T\n\n## Plan\n\n**Week 1: Setup**\n\n- install\n\n**Week 2: Basics**\n\n- learn\n")
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [(1, "Setup", (1, 1)), (2, "Basics", (2, 2))]
    assert [t.text for t in role.phases[1].topics] == ["learn"]
    assert problems == []


def test_a_heading_that_gives_its_weeks_twice_is_that_phase():
    role, problems, _ = parse("# T\n\n## Week 1: HTML (Week 1)\n- Tags\n\n## Week 2: CSS (Week 2)\n- Grid\n")
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [(1, "HTML", (1, 1)), (2, "CSS", (2, 2))]
    assert problems == []


@pytest.mark.parametrize(
    ("heading", "message"),
    [
        ("Week 2: CSS (Week 3)", "it gives two spans, 'Week 2' and '(Week 3)'; keep one"),
        ("Phase 2 (Weeks 5-8): Databases (Week 5)", "it gives two spans, '(Weeks 5-8)' and '(Week 5)'; keep one"),
        (
            "Phase 2: Spring (Weeks 5-6, 7-8) (Weeks 5-9)",
            "it gives two spans, '(Weeks 5-6, 7-8)' and '(Weeks 5-9)'; keep one",
        ),
        ("Month 2: Back End (Weeks 5-9)", "it gives two spans, 'Month 2' and '(Weeks 5-9)'; keep one"),
        ("Week 4: Tests (Weeks TBD)", "its week span is not readable; write it as '(Weeks 5-8)' or '(Week 3)'"),
        ("Неделя 2: CSS (Неделя 3)", "it gives two spans, 'Неделя 2' and '(Неделя 3)'; keep one"),
        ("2주차: CSS (3주차)", "it gives two spans, '2주차' and '(3주차)'; keep one"),
    ],
)
def test_a_heading_whose_second_span_differs_or_cannot_be_read_is_pointed_at(heading, message):
    _, problems, text = parse(f"# T\n\n## {heading}\n- a\n\n## Week 6: Next\n- b\n")
    line = text.split("\n").index(f"## {heading}") + 1
    assert f"x.md:{line}: warning: '{heading}' is not read as a phase: {message}" in [str(p) for p in problems]


def test_a_quarter_that_also_gives_other_weeks_is_pointed_at():
    _, problems, _ = parse("# T\n\n## Q1: Math (Weeks 1-4)\n- a\n\n## Q2: Stats\n- b\n")
    assert "'Q1: Math (Weeks 1-4)' is not read as a phase: it gives two spans, 'Q1' and '(Weeks 1-4)'; keep one" in [
        p.message for p in problems
    ]


def test_weeks_inside_a_phase_are_its_parts_and_date_it():
    body = (
        "# T\n\n## Phase 1: Foundations\n\n### Week 1: Tools\n- git\n\n### Week 2: Shell\n- bash\n\n"
        "## Phase 2: Practice\n\n### Weeks 3-5: Project\n- build\n"
    )
    role, problems, _ = parse(body)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [(1, "Foundations", (1, 2)), (2, "Practice", (3, 5))]
    assert [s.label for s in role.phases[0].subsections] == ["Week 1: Tools", "Week 2: Shell"]
    assert problems == []


def test_a_file_keeps_to_the_unit_of_its_first_phase():
    body = (
        "# T\n\n## Phase 1: A (Weeks 1-2)\n- a\n\n## Phase 2: B (Weeks 3-4)\n- b\n\n"
        "## Checklist\n\n### Month 1-3\n- [ ] Finish A\n\n### Month 4-6\n- [ ] Finish B\n"
    )
    role, problems, _ = parse(body)
    assert [p.number for p in role.phases] == [1, 2]
    assert [i.group for i in role.checklist] == ["Month 1-3", "Month 4-6"]
    assert problems == []


def test_phases_without_weeks_are_planned_from_the_first_pace():
    body = "# T\n\n## Phase 1: A\n- a\n\n## Phase 2: B\n- b\n\n## Phase 3: C\n- c\n"
    role, problems, text = parse(body)  # timelineMonths: steady: 6-9 -> about 33 weeks
    assert [p.weeks for p in role.phases] == [(1, 11), (12, 22), (23, 33)]
    assert all(p.planned for p in role.phases)
    (warning,) = problems
    assert warning.severity == "warning"
    assert "planned from timelineMonths (steady: 6-9 months, about 33 weeks)" in warning.message
    assert "Phase 1 weeks 1-11, Phase 2 weeks 12-22, Phase 3 weeks 23-33" in warning.message
    assert warning.line == text.split("\n").index("## Phase 1: A") + 1


def test_phases_planned_from_a_pace_of_one_number_of_months_say_it_once():
    body = "# T\n\n## Phase 1: A\n- a\n\n## Phase 2: B\n- b\n"
    text = role_file(body=body).replace("timelineMonths:\n  steady: 6-9\n", "timelineMonths: {steady: 6}\n")
    role, problems = parse_bytes(text.encode(), "x.md")
    assert [p.weeks for p in role.phases] == [(1, 13), (14, 26)]
    (warning,) = problems
    assert "planned from timelineMonths (steady: 6 months, about 26 weeks)" in warning.message


def test_phases_that_give_their_length_follow_each_other_without_a_warning():
    body = "# T\n\n## Phase 1: A (2 weeks)\n- a\n\n## Phase 2: B (1-2 months)\n- b\n\n## Phase 3: C (10 days)\n- c\n"
    role, problems, _ = parse(body)
    assert [(p.title, p.weeks, p.planned) for p in role.phases] == [
        ("A", (1, 2), False),
        ("B", (3, 8), False),
        ("C", (9, 10), False),
    ]
    assert problems == []


@pytest.mark.parametrize(
    "written",
    [
        "## Phase {n}: {title} (W{a}-W{b})",
        "## Phase {n}: {title} (Wk{a}-Wk{b})",
        "## Phase {n}: {title} (Week {a} → {b})",
        "## Phase {n}: {title} (Weeks {a}->{b})",
        "## [Phase {n}] {title} (Weeks {a}-{b})",
        "## (Phase {n}) {title} (Weeks {a}-{b})",
        "## Phase {n}: {title} (Weeks {a}-{b}, 4 weeks)",
        "## Phase {n}: {title} (Weeks {a}-{b} · ~1 month)",
    ],
)
def test_a_span_with_its_unit_twice_an_arrow_or_a_bracketed_phase_word(written: str):
    heads = [written.format(n=n, title=title, a=a, b=b) for n, title, a, b in [(1, "A", 1, 4), (2, "B", 5, 8)]]
    role, problems, _ = parse(f"# T\n\n{heads[0]}\n- a\n\n{heads[1]}\n- b\n")
    assert [(p.title, p.weeks, p.planned) for p in role.phases] == [("A", (1, 4), False), ("B", (5, 8), False)]
    assert problems == []


@pytest.mark.parametrize(
    "written",
    [
        "## Phase {n}: {title} ⏱️ {weeks} weeks",
        "## Phase {n}: {title} (⏱️ {weeks} weeks)",
        "## Phase {n}: {title} · {weeks} weeks",
        "## Phase {n}: {title} • ⏳ {weeks} weeks",
        "## Phase {n}: {title} 🗓 {weeks} weeks",
    ],
)
def test_a_length_after_a_clock_or_a_dot_is_the_phase_s_length(written: str):
    heads = [written.format(n=n, title=title, weeks=weeks) for n, title, weeks in [(1, "A", 4), (2, "B", 2)]]
    role, problems, _ = parse(f"# T\n\n{heads[0]}\n- a\n\n{heads[1]}\n- b\n")
    assert [(p.title, p.weeks, p.planned) for p in role.phases] == [("A", (1, 4), False), ("B", (5, 6), False)]
    assert problems == []


def test_a_phase_without_a_length_among_phases_with_one_is_planned_and_told():
    role, problems, _ = parse("# T\n\n## Phase 1: A (3 weeks)\n- a\n\n## Phase 2: B\n- b\n")
    assert [(p.weeks, p.planned) for p in role.phases] == [((1, 3), False), ((4, 7), True)]
    (warning,) = problems
    assert "1 phase has no weeks" in warning.message and "Phase 2 weeks 4-7" in warning.message


def test_a_phase_without_weeks_among_dated_ones_takes_four_weeks_after_the_last():
    role, problems, _ = parse("# T\n\n## Phase 1: A (Weeks 1-3)\n- a\n\n## Phase 2: B\n- b\n")
    assert [p.weeks for p in role.phases] == [(1, 3), (4, 7)]
    assert [p.planned for p in role.phases] == [False, True]
    assert "Phase 2 weeks 4-7" in problems[0].message


def test_day_ranges_that_share_a_week_move_on():
    body = "# T\n\n## Days 1-30: A\n- a\n\n## Days 31-60: B\n- b\n\n## Days 61-90: C\n- c\n"
    role, problems, _ = parse(body)
    assert [p.weeks for p in role.phases] == [(1, 5), (6, 9), (10, 13)]
    assert problems == []


def test_the_objective_comes_from_a_label_or_the_first_sentence():
    body = (
        "# T\n\n## Phase 1: A (Weeks 1-2)\n**🎯 Goal:** Ship it.\n\n## Phase 2: B (Weeks 3-4)\n"
        "Learn the basics first. Then more.\n\n- x\n\n## Phase 3: C (Week 5)\n**Outcome:**\nA working app\n"
    )
    role, problems, _ = parse(body)
    assert [p.objective for p in role.phases] == ["Ship it.", "Learn the basics first.", "A working app"]
    assert problems == []  # no warning per phase without an '**Objective:**' line


def test_a_learning_objectives_label_is_the_objective():
    body = (
        "# T\n\n## Phase 1: Cloud Concepts (Weeks 1-2)\n\n**Learning outcomes:** explain IaaS, PaaS and SaaS.\n\n"
        "1) What is cloud computing?\n\n## Phase 2: Compute (Weeks 3-4)\n**Learning Objectives:**\nLaunch and size VMs\n"
    )
    role, problems, _ = parse(body)
    assert [p.objective for p in role.phases] == ["explain IaaS, PaaS and SaaS.", "Launch and size VMs"]
    assert [p.subsections for p in role.phases] == [(), ()]
    assert problems == []


def test_a_first_sentence_that_opens_with_an_objective_label_is_the_objective_without_it():
    body = (
        "# T\n\n## Stage 1: IAM (Weeks 1-3)\n\nFocus: get comfortable with one cloud. Then more.\n\n- x\n\n"
        "## Stage 2: Logs (Weeks 4-5)\n\nZiel: Logs lesen.\n\n## Stage 3: Notes (Week 6)\n\nNote: read slowly.\n"
    )
    role, _, _ = parse(body)
    assert [p.objective for p in role.phases] == [
        "get comfortable with one cloud.",
        "Logs lesen.",
        "Note: read slowly.",  # no objective label: the sentence as written
    ]


@pytest.mark.parametrize("label", ["Sprint goal", "Week goal", "Milestone goal"])
def test_a_sprint_or_week_goal_is_the_objective(label):
    body = f"# T\n\n## Phase 1: Dart (Weeks 1-2)\n\nSome words first.\n\n**{label}:** Write plain Dart.\n\n- x\n"
    role, _, _ = parse(body)
    assert [(p.objective, p.subsections) for p in role.phases] == [("Write plain Dart.", ())]


def test_a_heading_naming_the_phase_it_is_in_is_a_part_of_it():
    body = (
        "# T\n\n## Phase 1: Basics (Weeks 1-2)\n- a\n\n### Phase 1 Resources\n- [docs](https://docs.python.org/3/)\n\n"
        "## Phase 2: More (Weeks 3-4)\n- b\n\n### Phase 2 Project\n- build it\n"
    )
    role, problems, _ = parse(body)
    assert [(p.number, p.title) for p in role.phases] == [(1, "Basics"), (2, "More")]
    assert [s.label for s in role.phases[0].subsections] == ["Phase 1 Resources"]
    assert [s.label for s in role.phases[1].subsections] == ["Phase 2 Project"]
    assert problems == []


def test_a_paragraph_under_a_bullet_stays_with_it_in_a_part_and_out_of_it():
    """A link written as a paragraph of its own under a topic joins that topic, under a bold label or not."""
    body = (
        "# T\n\n## Phase 1: Basics (Weeks 1-2)\n**Objective:** Learn it.\n\n"
        "- Git: branching, merging\n\n  📖 [Pro Git](https://git-scm.com/book/en/v2)\n- Shell\n\n"
        "**SQL Deep Dive:**\n- PostgreSQL: transactions, indexing\n\n"
        "  📖 [PostgreSQL Tutorial](https://www.postgresql.org/docs/current/tutorial.html)\n"
        "- Query optimization\n\nProse after the list is the phase's again.\n"
    )
    role, problems, _ = parse(body)
    phase = role.phases[0]
    assert [(t.title, t.text) for t in phase.topics] == [
        ("Git", "Git: branching, merging 📖 [Pro Git](https://git-scm.com/book/en/v2)"),
        ("Shell", "Shell"),
    ]
    [part] = phase.subsections
    assert part.label == "SQL Deep Dive"
    assert [(t.title, t.text) for t in part.topics] == [
        (
            "PostgreSQL",
            "PostgreSQL: transactions, indexing 📖 [PostgreSQL Tutorial](https://www.postgresql.org/docs/current/tutorial.html)",
        ),
        ("Query optimization", "Query optimization"),
    ]
    assert part.text == ""
    assert phase.text == "Prose after the list is the phase's again."
    assert problems == []


def test_one_timed_section_of_a_numbered_outline_does_not_make_it_a_plan():
    body = (
        "# T\n\n## 1. Introduction\nHello.\n\n## 2. Prerequisites (2 hours)\n- Python\n\n"
        "## 3. Practice project (2 weeks)\n- Build a dashboard\n\n## 4. Resources\n- A book\n"
    )
    role, problems, _ = parse(body)
    assert role.self_paced
    assert [s.title for s in role.sections if s.kind == "section"][-2:] == [
        "3. Practice project (2 weeks)",
        "4. Resources",
    ]
    assert [p.message.split(":")[0] for p in problems] == ["no phases found"]


def test_numbered_sections_inside_a_numbered_plan_are_parts_of_its_phases():
    body = (
        "# T\n\n## 1. Foundations (Weeks 1-4)\n\n### 1. Syntax (Week 1)\n- a\n\n### 2. Types (Weeks 2-4)\n- b\n\n"
        "## 2. HTTP (Weeks 5-8)\n\n### 1. Handlers (2 weeks)\n- c\n"
    )
    role, problems, _ = parse(body)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [(1, "Foundations", (1, 4)), (2, "HTTP", (5, 8))]
    assert [s.label for s in role.phases[0].subsections] == ["1. Syntax (Week 1)", "2. Types (Weeks 2-4)"]
    assert problems == []


def test_one_quarter_heading_does_not_make_a_file_a_plan():
    role, problems, _ = parse(
        "# T\n\n## Overview\nText.\n\n## Q1 2027 objectives\n- Ship it\n\n## Resources\n- A book\n"
    )
    assert role.self_paced
    assert "Q1 2027 objectives" in [s.title for s in role.sections]
    assert [p.message.split(":")[0] for p in problems] == ["no phases found"]


def test_numbered_questions_inside_a_phase_are_parts_of_it():
    body = (
        "# T\n\n## Phase 1: Basics\n- a\n\n## Phase 2: Interview prep\n\n"
        "### Q1: Tell me about yourself\nText.\n\n### Q2: Why this company\nText.\n"
    )
    role, problems, _ = parse(body)
    assert [(p.number, p.title) for p in role.phases] == [(1, "Basics"), (2, "Interview prep")]
    assert [s.label for s in role.phases[1].subsections] == ["Q1: Tell me about yourself", "Q2: Why this company"]
    assert [p.severity for p in problems] == ["warning"]  # the planned weeks


def test_bold_numbered_questions_are_not_quarters():
    role, _, _ = parse("# T\n\n## JavaScript\n\n**Q1: Closures**\n\nScope.\n\n**Q2: Event loop**\n\nTasks.\n")
    assert role.self_paced
    assert [s.title for s in role.sections if s.kind == "subsection"] == ["Q1: Closures", "Q2: Event loop"]


def test_a_step_keeps_the_range_in_its_title():
    assert read_series_heading("Step 3: Wait 2-3 days") == ("step", PhaseHeading(3, None, None, "Wait 2-3 days", ""))


def test_days_of_a_week_under_a_phase_date_it_by_their_week():
    body = (
        "# T\n\n## Phase 1: Basics\n\n### Week 1 - Day 1: Setup\n- a\n\n### Week 1 - Day 5: Review\n- b\n\n"
        "## Phase 2: More\n\n### Week 2 - Day 1: Functions\n- c\n"
    )
    role, problems, _ = parse(body)
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2)]
    assert problems == []


# ---------------------------------------------------------------- plans written in Chinese


def test_a_chinese_phase_that_gives_its_length_is_laid_out_by_it():
    found = read_phase_heading("第一阶段：基础（4周）")
    assert (found.number, found.length, found.title) == (1, 4, "基础")
    assert read_phase_heading("第二阶段：框架（1-2个月）").length == 6


@pytest.mark.parametrize(
    "heading",
    ["学习资源", "第3天：变量", "每周复习", "2024年3月计划", "常见问题", "三个月后的目标", "今天学什么"],
)
def test_chinese_headings_that_are_not_phases(heading):
    assert read_phase_heading(heading) is None


CHINESE_PLAN = """
# 前端学习路线

## 第一阶段：基础（第1-4周）

**目标：** 会写静态页面。

- HTML 语义化标签
- 布局：Flexbox、Grid
- [ ] 做一个个人主页

## 第二阶段：JavaScript（第5-8周）

- DOM 与事件
- [ ] 做一个待办事项应用
"""


def test_a_plan_written_in_chinese_loads_with_its_phases_and_no_warning():
    role, problems = parse_bytes(role_file("zh-frontend", body=CHINESE_PLAN).encode(), "zh-frontend.md")
    assert problems == []
    assert [(p.number, p.title, p.first_week, p.last_week) for p in role.phases] == [
        (1, "基础", 1, 4),
        (2, "JavaScript", 5, 8),
    ]
    assert role.phases[0].objective == "会写静态页面。"
    assert [t.title for t in role.phases[0].topics] == ["HTML 语义化标签", "布局"]  # '：' then details


GAP_PLAN = """# Gap Path

## Phase 1: Basics (Weeks 1-3)
- Shell

## Phase 2: Git (Weeks 4-7)
- Branching

## {heading}
- Images
- [ ] Build an image

## Phase 4: Kubernetes (Weeks 11-14)
- Pods
"""


@pytest.mark.parametrize(
    ("heading", "meant"),
    [("Stgae 3: Docker (Weeks 8-10)", "Stage 3"), ("🐳 Phsae 3 - Docker (Weeks 8-10)", "Phase 3")],
)
def test_a_misspelt_phase_heading_among_phases_is_read_as_the_phase_it_was_meant_to_be(heading, meant):
    role, problems, text = parse(GAP_PLAN.format(heading=heading))
    line = text.splitlines().index(f"## {heading}") + 1
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "Basics", (1, 3)),
        (2, "Git", (4, 7)),
        (3, "Docker", (8, 10)),
        (4, "Kubernetes", (11, 14)),
    ]
    assert [t.text for t in role.phases[2].topics] == ["Images"]
    word = heading.removeprefix("🐳 ").split()[0]
    assert [(p.severity, p.line) for p in problems] == [("warning", line)]  # the heading's own line, and no gap
    assert f"is read as '{meant}'" in problems[0].message
    assert f"'{word}'" in problems[0].message


@pytest.mark.parametrize(
    "heading",
    [
        "Stgae 2: Docker (Weeks 8-10)",  # Phase 2 is taken: a second one would be no typo of the missing one
        "Wekes 8-10: Docker (Weeks 8-10)",  # weeks, in a file of numbered phases
    ],
)
def test_a_misspelt_heading_that_fits_no_place_in_the_plan_stays_a_section_with_a_hint(heading):
    role, problems, text = parse(GAP_PLAN.format(heading=heading))
    line = text.splitlines().index(f"## {heading}") + 1
    assert [p.number for p in role.phases] == [1, 2, 4]
    assert any(p.line == line and "to make it a phase" in p.message for p in problems)


@pytest.mark.parametrize("objective", ["**Objective:** Be fluent.", "**Goal:**\nBe fluent."])
def test_an_objective_line_keeps_the_parts_written_at_the_phase_level_in_the_phase(objective):
    body = (
        "# T\n\n### Phase 1 - Linux (Weeks 1-4)\n\n"
        f"{objective}\n\n### Shell\n\n- Bash scripting\n\n- [ ] Write a script\n\n"
        "### Phase 2 - Cloud (Weeks 5-8)\n\n- IAM\n"
    )
    role, problems, _ = parse(body)
    first = role.phases[0]
    assert first.objective == "Be fluent."
    assert [(s.label, [t.text for t in s.topics]) for s in first.subsections] == [("Shell", ["Bash scripting"])]
    assert [i.text for i in role.checklist] == ["Write a script"]
    assert role.checklist[0].phase == 1
    assert problems == []


def test_keycap_numbered_sections_with_lengths_are_the_plan_as_numbered_ones_are():
    body = (
        "# Cloud\n\n## 1️⃣ Foundations — 3 weeks\n- Linux\n\n## 2️⃣ Version Control — 1 week\n- Git\n\n"
        "## 3️⃣ Networking & Security (Weeks 5-6)\n- TLS\n\n## 4️⃣ Capstone — 2 weeks\n- Ship it\n\n## 📚 Resources\n- Books\n"
    )
    role, problems, _ = parse(body)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "Foundations", (1, 3)),
        (2, "Version Control", (4, 4)),
        (3, "Networking & Security", (5, 6)),
        (4, "Capstone", (7, 8)),
    ]
    assert [p.severity for p in problems if p.severity == "error"] == []
    assert read_phase_heading("🔟 Capstone (Weeks 20-22)")[:3] == (10, 20, 22)


def test_a_keycap_before_a_phase_word_keeps_the_phase_number():
    role, _, _ = parse("# T\n\n## 1️⃣ Phase 1: Basics (Weeks 1-2)\n- a\n\n## 2️⃣ Phase 2: More (Weeks 3-4)\n- b\n")
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [(1, "Basics", (1, 2)), (2, "More", (3, 4))]


def test_a_goal_line_in_a_section_outside_the_plan_is_its_text_not_a_part_holding_its_bullets():
    body = "# T\n\n## Swift Foundations\n\n**Goal:** Read and write idiomatic Swift.\n\n- Optionals and guard\n"
    role, _, _ = parse(body)
    section = next(s for s in role.sections if s.title == "Swift Foundations")
    assert "Read and write idiomatic Swift." in section.text
    assert not [s for s in role.sections if s.title == "Goal"]
    topic = next(s for s in role.sections if s.title == "Optionals and guard")
    assert role.trail(topic.path)[-1] == "Swift Foundations"


def test_sections_that_give_their_weeks_after_their_title_are_the_plan_of_a_file_without_phase_headings():
    body = (
        "# Web\n\n## The plan\nOne line per week.\n\n## Details\n\n### HTML and CSS (weeks 1-3)\n- Forms\n"
        "- [ ] Build a page\n\n### JavaScript (Weeks 4–6)\n- Promises\n\n### Back end (Weeks 7-12)\n- Express\n\n"
        "### Capstone (3 weeks)\n- Ship it\n\n## Resources\n- MDN\n"
    )
    role, problems, _ = parse(body)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "HTML and CSS", (1, 3)),
        (2, "JavaScript", (4, 6)),
        (3, "Back end", (7, 12)),
    ]
    assert [t.text for t in role.phases[0].topics] == ["Forms"]
    assert role.checklist[0].phase == 1
    assert not [p for p in problems if "self-paced" in p.message]


def test_one_section_that_gives_its_weeks_in_a_guide_is_no_plan():
    role, problems, _ = parse("# Guide\n\n## Setup\n- a\n\n## Practice project (weeks 1-2)\n- b\n\n## FAQ\n- c\n")
    assert role.phases == ()
    assert any("self-paced" in p.message for p in problems)


@pytest.mark.parametrize(
    ("span", "week"), [("Weeks 6-8", "Week"), ("Tygodnie 6–8", "Tydzień"), ("Semanas 6-8", "Semana")]
)
def test_week_headings_inside_a_phase_of_several_weeks_are_its_parts_dated_by_their_weeks(span, week):
    body = (
        f"# T\n\n## {week} 5: Git\n- a\n\n## {span}: JavaScript\n\n### {week} 6: Syntax\n- s\n\n"
        f"### {week} 7: DOM\n- d\n\n### {week} 8: Async\n- f\n\n## {week} 9: React\n- r\n"
    )
    role, problems, _ = parse(body)
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Git", (5, 5)),
        ("JavaScript", (6, 8)),
        ("React", (9, 9)),
    ]
    labels = [(piece.md, piece.weeks) for piece in role.phases[1].body if piece.kind == "label"]
    assert labels == [(f"{week} 6: Syntax", (6, 6)), (f"{week} 7: DOM", (7, 7)), (f"{week} 8: Async", (8, 8))]
    assert [p.severity for p in problems if p.severity == "error"] == []


def test_a_span_that_goes_on_in_unread_words_is_pointed_at_with_the_weeks_it_leaves_out():
    body = (
        "# T\n\n## Phase 1: Basics (Week 1 bis zur 4)\n- a\n\n## Phase 2: More (Weeks 5-8)\n- b\n\n"
        "## Phase 3: End (Weeks 9 to be decided)\n- c\n"
    )
    role, problems, _ = parse(body)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "Basics (bis zur 4)", (1, 1)),
        (2, "More", (5, 8)),
        (3, "End (to be decided)", (9, 9)),
    ]
    assert sorted(str(p) for p in problems) == [
        "x.md:10: warning: 'Phase 1: Basics (Week 1 bis zur 4)' is read as week 1: 'bis zur 4' after its span is not "
        "read; write its weeks as '(Weeks 5-8)' or '(Week 3)'",
        "x.md:13: warning: weeks 2-4 belong to no phase (between Phase 1 and Phase 2); Phase 1's heading (line 10) may "
        "say more weeks: 'bis zur 4' after its span is not read; widen 'Phase 1: Basics (Week 1 bis zur 4)' to '(Weeks "
        "1-4)' or add a phase for weeks 2-4",
        "x.md:16: warning: 'Phase 3: End (Weeks 9 to be decided)' is read as week 9: 'to be decided' after its span is "
        "not read; write its weeks as '(Weeks 5-8)' or '(Week 3)'",
    ]


@pytest.mark.parametrize(
    "heading", ["Phase 1: Basics (Weeks 1-4, 10 h/week)", "Phase 1: Basics (week 1 of 12)", "Phase 1: Go (Week 1)"]
)
def test_a_span_with_a_note_or_a_count_is_not_pointed_at(heading):
    _, problems, _ = parse(f"# T\n\n## {heading}\n- a\n\n## Phase 2: More\n- b\n")
    assert not [p for p in problems if "after its span" in p.message]


def test_sections_that_give_their_time_boxes_are_phases_of_that_length():
    role, problems, _ = parse("# T\n\n## 1. Go fundamentals [3w]\n- Tour\n\n## 2. HTTP services [3w]\n- net/http\n")
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "Go fundamentals", (1, 3)),
        (2, "HTTP services", (4, 6)),
    ]
    assert problems == []


def test_a_list_of_time_boxes_is_told_how_to_be_a_plan():
    body = "# T\n\n1. Go fundamentals [3w]\n   1.1 Tooling [3d]\n2. HTTP services [3w]\n3. Data [4w]\n"
    role, problems, _ = parse(body)
    assert role.phases == ()
    (warning,) = [p.message for p in problems if "no phases found" in p.message]
    assert warning.endswith(
        "its time boxes ('Go fundamentals [3w]', 'HTTP services [3w]', 'Data [4w]') give lengths, but only a "
        "heading's length makes a phase: for a weekly plan write each as a heading, '## 1. Go fundamentals (3 weeks)'"
    )


def test_a_time_box_with_a_note_in_its_brackets_is_quoted_whole():
    body = "# T\n\n1. Docker basics (1 week, hands-on labs)\n2. Kubernetes (2 weeks, with a cluster)\n3. Helm\n"
    role, problems, _ = parse(body)
    assert role.phases == ()
    (warning,) = [p.message for p in problems if "no phases found" in p.message]
    assert "('Docker basics (1 week, hands-on labs)', 'Kubernetes (2 weeks, with a cluster)')" in warning


def test_a_keycap_after_the_week_word_is_its_number():
    # a plan pasted from a social post: 'Week 1️⃣' lines, each over its topics ('🔟' is ten)
    role, problems = parse_body(
        "# 8-week plan\n\nWeek 1️⃣\n\nTopics: Scalability, Caching\n\nWeek 2️⃣\n\nTopics: Sharding\n\n"
        "Week 3⃣: Networking\n\nTopics: DNS\n"
    )
    assert [(p.title, p.first_week) for p in role.phases] == [("Week 1", 1), ("Week 2", 2), ("Networking", 3)]
    assert not [p for p in problems if p.severity == "error"]
    found = read_phase_heading("Week 🔟 - Capstone")
    assert found is not None and (found.first, found.title) == (10, "Capstone")


def test_a_keycap_that_leads_a_heading_still_numbers_it_as_before():
    found = read_phase_heading("1️⃣ Python")
    assert found is None or found.first is None
