"""Spans and phase words as more languages write them: Indonesian ranges ('Minggu ke-3 sampai ke-4', 'Minggu 5 s.d.
6'), an ordinal before the word ('2º Mês', '2nd Month', '2. Woche'), a Chinese phase's checklist group without its
full-width span, and 'what comes after X' asked in Portuguese, French or Indonesian."""

from __future__ import annotations

import pytest

from bot.content.answers import answer
from bot.content.phases import read_phase_heading
from bot.content.search import SearchIndex
from tests.content.helpers import parse_body, parse_messages, phase_spans, written_role

# --- Indonesian ranges -------------------------------------------------------------------------


def test_indonesian_ranges_with_ke_again_or_s_d_cover_both_weeks() -> None:
    role, messages = parse_messages(
        "# Jalur Go\n\n"
        "## Minggu 1 s/d 2: Pengenalan Go\n\n- sintaks\n\n"
        "## Minggu ke-3 sampai ke-4: Layanan web\n\n- router\n\n"
        "## Minggu 5 s.d. 6: Penyimpanan\n\n- SQL\n\n"
        "## Minggu ke-7 – ke-8: Pengujian\n\n- tabel uji\n\n"
        "## Minggu 9 sampai dengan minggu ke-10: Rilis\n\n- kontainer\n"
    )
    assert phase_spans(role) == [
        (1, "Pengenalan Go", (1, 2)),
        (2, "Layanan web", (3, 4)),
        (3, "Penyimpanan", (5, 6)),
        (4, "Pengujian", (7, 8)),
        (5, "Rilis", (9, 10)),
    ]
    assert not [m for m in messages if "belong" in m]


def test_indonesian_ranges_in_brackets_after_the_title_cover_both_weeks() -> None:
    role, messages = parse_messages(
        "# Jalur Go\n\n"
        "## Pengenalan Go (Minggu 1 s/d 2)\n\n- sintaks\n\n"
        "## Layanan web (Minggu ke-3 sampai ke-4)\n\n- router\n\n"
        "## Penyimpanan (Minggu 5 s.d. 6)\n\n- SQL\n\n"
        "## Pengujian (Minggu 7 - 8)\n\n- tabel uji\n"
    )
    assert phase_spans(role) == [
        (1, "Pengenalan Go", (1, 2)),
        (2, "Layanan web", (3, 4)),
        (3, "Penyimpanan", (5, 6)),
        (4, "Pengujian", (7, 8)),
    ]
    assert not [m for m in messages if "belong" in m]


def test_a_phase_word_with_an_indonesian_range_in_brackets() -> None:
    role, _ = parse_messages(
        "## Tahap 1: Dasar (Minggu 1 s.d. 3)\n\n- variabel\n\n## Tahap 2: Lanjut (Minggu ke-4 hingga ke-6)\n\n- goroutine\n"
    )
    assert phase_spans(role) == [(1, "Dasar", (1, 3)), (2, "Lanjut", (4, 6))]


# --- an ordinal before the word ----------------------------------------------------------------


def test_a_portuguese_ordinal_month_is_that_month() -> None:
    role, messages = parse_messages(
        "# Plano\n\n"
        "## Mês 1 (Semanas 1 a 4) — Layout\n\n- caixas\n\n"
        "## 2º Mês: Scripts no navegador\n\n- eventos\n\n"
        "## 3.º Mês — Componentes\n\n- estado\n"
    )
    assert phase_spans(role) == [
        (1, "Layout", (1, 4)),
        (2, "Scripts no navegador", (5, 8)),
        (3, "Componentes", (9, 12)),
    ]
    assert not [m for m in messages if "belong" in m]


@pytest.mark.parametrize(
    ("first", "second", "weeks"),
    [
        ("1st Month: Tooling", "2nd Month: Shipping", [(1, 4), (5, 8)]),
        ("1st Week: Tooling", "2nd Week: Shipping", [(1, 1), (2, 2)]),
        ("1. Woche: Tooling", "2. Woche: Shipping", [(1, 1), (2, 2)]),
        ("1er mes: Tooling", "2do mes: Shipping", [(1, 4), (5, 8)]),
        ("1ª semana: Tooling", "2ª semana: Shipping", [(1, 1), (2, 2)]),
        ("1re semaine : Tooling", "2e semaine : Shipping", [(1, 1), (2, 2)]),
        ("1° mese: Tooling", "2° mese: Shipping", [(1, 4), (5, 8)]),
        ("1e maand: Tooling", "2e maand: Shipping", [(1, 4), (5, 8)]),
    ],
)
def test_an_ordinal_before_the_week_or_month_word_is_that_week_or_month(first, second, weeks) -> None:
    role, _ = parse_messages(f"# Plan\n\n## {first}\n\n- editor\n\n## {second}\n\n- deploy\n")
    assert phase_spans(role) == [(1, "Tooling", weeks[0]), (2, "Shipping", weeks[1])]


def test_an_ordinal_phase_word_is_that_phase() -> None:
    role, _ = parse_messages(
        "## 1. Phase: Grundlagen (Wochen 1-3)\n\n- Git\n\n## 2. Phase: Vertiefung (Wochen 4-6)\n\n- CI\n"
    )
    assert phase_spans(role) == [(1, "Grundlagen", (1, 3)), (2, "Vertiefung", (4, 6))]


def test_a_numbered_section_whose_words_give_a_week_keeps_that_week() -> None:
    # The number before 'Week 3' is the section's, not an ordinal: the week is the one after the word.
    role, _ = parse_messages("## 1. Week 3: Arrays\n\n- slices\n\n## 2. Week 4: Maps\n\n- hashing\n")
    assert phase_spans(role) == [(1, "Arrays", (3, 3)), (2, "Maps", (4, 4))]


def test_an_ordinal_month_alone_is_named_by_its_month() -> None:
    role, _ = parse_messages("## 1º Mês\n\n- caixas\n\n## 2º Mês\n\n- eventos\n")
    assert [(p.number, p.weeks) for p in role.phases] == [(1, (1, 4)), (2, (5, 8))]
    assert [p.title for p in role.phases] == ["Mês 1", "Mês 2"]


# --- a Chinese phase's checklist group ---------------------------------------------------------


def test_a_chinese_phases_group_is_its_heading_without_its_full_width_span() -> None:
    role, _ = parse_messages(
        "## 第一阶段：编程基础（第1-4周）\n\n- [ ] 写一个小脚本\n\n"
        "## 第二阶段 数据分析（第5至8周）\n\n- [ ] 清洗一份表格\n\n"
        "## 第三阶段：项目（2周）\n\n- [ ] 发布作品集\n"
    )
    assert [i.group for i in role.checklist] == ["第一阶段：编程基础", "第二阶段 数据分析", "第三阶段：项目"]


# --- what comes after or before, in more languages ----------------------------------------------


PLAN = """
## Phase 1: Shell (Weeks 1-2)

- pipes and redirection

## Phase 2: Containers (Weeks 3-4)

- images and layers

## Phase 3: Pipelines (Weeks 5-6)

- build, test, deploy
"""


@pytest.mark.parametrize(
    ("query", "english"),
    [
        ("o que vem depois de containers", "what comes after containers"),
        ("O que devo estudar antes dos containers?", "what comes before containers"),
        ("após containers", "after containers"),
        ("qu'est-ce qui vient après containers", "what comes after containers"),
        ("que dois-je apprendre avant containers", "what comes before containers"),
        ("apa setelah containers", "what comes after containers"),
        ("apa yang harus saya pelajari sebelum containers?", "what comes before containers"),
        ("sesudah containers", "after containers"),
    ],
)
def test_what_comes_after_or_before_in_portuguese_french_or_indonesian(query, english) -> None:
    index = SearchIndex([written_role("ops", PLAN)])
    expected = [h.section.title for h in answer(index, english).hits]
    assert expected in (["Phase 3: Pipelines (Weeks 5-6)"], ["Phase 1: Shell (Weeks 1-2)"])
    found = answer(index, query)
    assert [h.section.title for h in found.hits] == expected
    assert found.question.kind == answer(index, english).question.kind


def test_a_week_column_headed_with_an_ordinal_mark_counts_the_weeks() -> None:
    # 'Minggu ke-' is 'week no.' in Indonesian ('Minggu ke-3': the third week), 'Tuần thứ' in Vietnamese
    table = "| {} | Topik Utama | Target |\n| --- | --- | --- |\n| 1 | Setup Python | Git |\n| 2 | NumPy | Array |\n"
    for header in ("Minggu Ke-", "Minggu ke", "Tuần thứ"):
        role, problems = parse_body("# ML-Journey\n\n## Roadmap\n\n" + table.format(header))
        assert [(p.title, p.first_week) for p in role.phases] == [("Setup Python", 1), ("NumPy", 2)], header
        assert not [p for p in problems if p.severity == "error"]


def test_a_column_of_another_word_with_an_ordinal_mark_counts_no_weeks() -> None:
    role, _ = parse_body("## Log\n\n| Kegiatan ke- | Topik |\n| --- | --- |\n| 1 | Setup |\n| 2 | NumPy |\n")
    assert not role.phases


@pytest.mark.parametrize(
    ("heading", "weeks"),
    [
        ("First month", (1, 4)),
        ("Second Month: Bigger tasks", (5, 8)),
        ("Third week", (3, 3)),
        ("TWELFTH WEEK", (12, 12)),
    ],
)
def test_an_english_ordinal_in_words_before_the_week_or_month_word_is_that_week_or_month(heading, weeks) -> None:
    found = read_phase_heading(heading)
    assert found is not None and (found.first, found.last) == weeks


@pytest.mark.parametrize("heading", ["First weeks are hard", "Second month of the course", "The first month", "First"])
def test_a_sentence_that_opens_with_an_ordinal_is_no_phase_heading(heading) -> None:
    assert read_phase_heading(heading) is None


def test_a_plan_of_first_second_and_third_months_is_three_month_phases() -> None:
    role, problems = parse_body(
        "## First month\n- Set up\n\n## Second month\n- Bigger tasks\n\n## Third month\n- Own it\n"
    )
    assert [(p.first_week, p.last_week) for p in role.phases] == [(1, 4), (5, 8), (9, 12)]
    assert not [p for p in problems if p.severity == "error"]


def test_a_long_run_of_blanks_after_an_ordinal_reads_in_linear_time() -> None:
    from tests.content.helpers import finishes_in_a_minute

    finishes_in_a_minute(
        "from bot.content.phases import read_phase_heading\n"
        "read_phase_heading('First' + ' ' * 200000 + 'month' + ' ' * 200000 + 'x')\n",
        "an ordinal heading",
    )


def test_a_month_of_an_ordinal_in_words_is_titled_as_a_month_heading_is() -> None:
    # 'First month' is titled 'Month 1', as '## Month 1' is: the ordinal's capital goes to the month word
    role, _ = parse_body("## First month\n- Set up\n\n## Second month\n- Bigger tasks\n\n## THIRD MONTH\n- c\n")
    assert [p.title for p in role.phases] == ["Month 1", "Month 2", "MONTH 3"]
