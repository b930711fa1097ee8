"""Role files written in Ukrainian and Arabic: their phase headings, week parts, objectives and week questions read
as the English ones do (Arabic-Indic and Persian digits as digits)."""

from __future__ import annotations

import pytest

from bot.content.answers import answer
from bot.content.phases import phase_hint, read_phase_heading
from bot.content.questions import read_question
from bot.content.search import SearchIndex
from tests.content.helpers import parse_body, phase_spans, roadmap


@pytest.mark.parametrize(
    ("heading", "number", "weeks", "title"),
    [
        ("Етап 1: Основи мови (Тижні 1-4)", 1, (1, 4), "Основи мови"),
        ("Етап 4: Підготовка до роботи (Тижні 15 - 16)", 4, (15, 16), "Підготовка до роботи"),
        ("Етап 2: SQL (Тижні 5 до 8)", 2, (5, 8), "SQL"),
        ("Етап 5: Git (з 1 по 4 тиждень)", 5, (1, 4), "Git"),
        ("Тиждень 4: Файли та винятки", None, (4, 4), "Файли та винятки"),
        ("Тиждень 13–14: Автентифікація", None, (13, 14), "Автентифікація"),
        ("3-й тиждень: Git", None, (3, 3), "Git"),
        ("Місяць 2: SQL", None, (5, 8), "SQL"),
        ("📚 المرحلة 1: أساسيات الويب (الأسابيع 1-4)", 1, (1, 4), "أساسيات الويب"),
        ("المرحلة 2: جافاسكربت (الأسابيع ٥-٨)", 2, (5, 8), "جافاسكربت"),
        ("المرحلة 3: React (الأسابيع ۹–۱۲)", 3, (9, 12), "React"),  # Persian digits
        ("المرحلة 4: الواجهة الخلفية (الأسابيع 13 إلى 16)", 4, (13, 16), "الواجهة الخلفية"),
        ("الأسبوع الأول: HTML", None, (1, 1), "HTML"),
        ("الأسبوع الثالث والرابع: التخطيط", None, (3, 4), "التخطيط"),
        ("الشهر 2: قواعد البيانات", None, (5, 8), "قواعد البيانات"),
        ("المرحلة ٣ من ٤: تدريب ٥ مشاريع", 3, None, "تدريب ٥ مشاريع"),  # the title keeps its digits
    ],
)
def test_a_ukrainian_or_arabic_phase_heading_reads_as_an_english_one(heading, number, weeks, title):
    found = read_phase_heading(heading)
    assert found is not None
    assert (found.number, None if found.first is None else (found.first, found.last), found.title) == (
        number,
        weeks,
        title,
    )


@pytest.mark.parametrize(
    ("heading", "length"),
    [("Етап 3: Веброзробка (6 тижнів)", 6), ("Етап 2: Практика (2 місяці)", 8), ("المرحلة 2: Node (٤ أسابيع)", 4)],
)
def test_a_phase_that_gives_its_length_in_ukrainian_or_arabic(heading, length):
    found = read_phase_heading(heading)
    assert found is not None
    assert (found.first, found.length) == (None, length)


def test_arabic_most_famous_before_a_number_is_no_span_of_months():
    assert read_phase_heading("أشهر 5 مكتبات") is None  # 'the 5 most famous libraries'


@pytest.mark.parametrize(
    ("heading", "example"),
    [
        ("Тиждень: Вступ", "'Тиждень 3: Title' or 'Тижні 3-4: Title'"),
        ("Етап ?: Тестування", "'Етап 2: Бази даних (Тижні 5-12)'"),
    ],
)
def test_a_ukrainian_heading_that_starts_like_a_phase_gets_a_hint_in_its_own_words(heading, example):
    hint = phase_hint(heading)
    assert hint is not None
    assert hint.endswith(example)


@pytest.mark.parametrize("label", ["Мета", "Ціль", "الهدف", "الأهداف"])
def test_an_objective_line_in_ukrainian_or_arabic_is_the_phases_objective(label):
    role, problems = parse_body(
        f"# T\n\n## Phase 1: Git (Weeks 1-2)\n**{label}:** Git.\n\n- a\n\n"
        f"## Phase 2: API (Weeks 3-4)\n**{label}:**\nREST API\n\n- b\n"
    )
    assert [p.objective for p in role.phases] == ["Git.", "REST API"]
    assert [p.subsections for p in role.phases] == [(), ()]
    assert not [s for s in role.sections if s.title.endswith(label)]
    assert problems == []


@pytest.mark.parametrize(
    ("name", "phases"),
    [
        (
            "ukrainian-python",
            [
                (1, "Основи мови", (1, 4)),
                (2, "ООП і стандартна бібліотека", (5, 8)),
                (3, "Веброзробка", (9, 14)),
                (4, "Підготовка до роботи", (15, 16)),
            ],
        ),
        (
            "arabic-web-plan",
            [
                (1, "أساسيات الويب", (1, 4)),
                (2, "جافاسكربت", (5, 8)),
                (3, "React", (9, 12)),
                (4, "الواجهة الخلفية", (13, 16)),
            ],
        ),
    ],
)
def test_a_ukrainian_or_arabic_plan_is_a_weekly_plan_not_a_self_paced_path(name, phases):
    role = roadmap(name)
    assert not role.self_paced
    assert phase_spans(role) == phases


@pytest.mark.parametrize(
    ("query", "kind", "weeks", "phase"),
    [
        ("тиждень 5", "week", (5, 5), None),
        ("тижні 9-10", "week", (9, 10), None),
        ("етап 2", "phase", None, 2),
        ("الأسبوع 5", "week", (5, 5), None),
        ("الأسبوع ٥", "week", (5, 5), None),
        ("الأسبوع الأول", "week", (1, 1), None),
        ("المرحلة 2", "phase", None, 2),
    ],
)
def test_a_week_or_phase_asked_in_ukrainian_or_arabic(query, kind, weeks, phase):
    question = read_question(query)
    assert (question.kind, question.weeks, question.phase) == (kind, weeks, phase)


@pytest.mark.parametrize(
    ("name", "query", "title"),
    [
        ("ukrainian-python", "тиждень 13", "Етап 3: Веброзробка (6 тижнів)"),
        ("ukrainian-python", "етап 2", "Етап 2: ООП і стандартна бібліотека (Тижні 5–8)"),
        # not 'الأسبوع الأول: HTML' for its bullet 'اليوم 5-7'
        ("arabic-web-plan", "الأسبوع 5", "💻 المرحلة 2: جافاسكربت (الأسابيع ٥-٨)"),
        ("arabic-web-plan", "الأسبوع ١٤", "🗄️ المرحلة 4: الواجهة الخلفية (الأسابيع 13 إلى 16)"),
    ],
)
def test_skill_deep_dive_answers_a_week_or_phase_in_ukrainian_or_arabic(name, query, title):
    assert answer(SearchIndex([roadmap(name)]), query).hits[0].section.title == title
