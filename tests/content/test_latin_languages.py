"""Role files written in Turkish, Polish, Indonesian, Vietnamese and Dutch: their phase, week, month and day
headings, lengths and objectives read as the English ones do, and a week asked in their words is that week."""

from __future__ import annotations

import pytest

from bot.content.answers import answer
from bot.content.phases import read_phase_heading
from bot.content.questions import read_question
from bot.content.search import SearchIndex
from tests.content.helpers import parse_body

parse = parse_body


@pytest.mark.parametrize(
    ("heading", "number", "weeks", "title"),
    [
        # Turkish
        ("Aşama 1: Python Temelleri (Hafta 1-4)", 1, (1, 4), "Python Temelleri"),
        ("ASAMA 2 - Veri Yapıları (Hafta 5-8)", 2, (5, 8), "Veri Yapıları"),
        ("Hafta 3: Git", None, (3, 3), "Git"),
        ("Hafta 5-8: Web", None, (5, 8), "Web"),
        ("3. Hafta: Fonksiyonlar", None, (3, 3), "Fonksiyonlar"),
        ("Evre 3: Proje (2 hafta)", 3, None, "Proje"),
        ("Ay 2: Veritabanları", None, (5, 8), "Veritabanları"),
        # Polish
        ("Tydzień 1: HTML od podstaw", None, (1, 1), "HTML od podstaw"),
        ("Tygodnie 3-4: Układy i responsywność", None, (3, 4), "Układy i responsywność"),
        ("Tygodnie 5 do 8: JavaScript", None, (5, 8), "JavaScript"),
        ("Etap 2: Bazy danych (Tygodnie 5-8)", 2, (5, 8), "Bazy danych"),
        ("Miesiąc 1: Podstawy", None, (1, 4), "Podstawy"),
        # Indonesian
        ("Minggu 1-2: Dasar HTML", None, (1, 2), "Dasar HTML"),
        ("Minggu ke-3: CSS", None, (3, 3), "CSS"),
        ("Tahap 1: Fondasi (Minggu 1 sampai 4)", 1, (1, 4), "Fondasi"),
        ("Bulan 2: Backend", None, (5, 8), "Backend"),
        # Vietnamese
        ("Giai đoạn 1: Nền tảng (Tuần 1-4)", 1, (1, 4), "Nền tảng"),
        ("Tuần 5: Git", None, (5, 5), "Git"),
        ("Tháng 2: Cơ sở dữ liệu", None, (5, 8), "Cơ sở dữ liệu"),
        # Dutch
        ("Fase 1: Basis (Weken 1-4)", 1, (1, 4), "Basis"),
        ("Weken 5-8: Databases", None, (5, 8), "Databases"),
        ("Maand 2: Projecten", None, (5, 8), "Projecten"),
        ("Fase 1: De basis van het web (week 1 t/m 4)", 1, (1, 4), "De basis van het web"),
        ("Fase 2: JavaScript (weken 5 t/m 9)", 2, (5, 9), "JavaScript"),
        ("Fase 2: JavaScript (weken 5 t/m. 9)", 2, (5, 9), "JavaScript"),
        ("Fase 4: Back-end (week 14 tot en met 16)", 4, (14, 16), "Back-end"),
        ("Fase 3: React (Weken 10 tm 13)", 3, (10, 13), "React"),
        ("Weken 3 en 4: CSS", None, (3, 4), "CSS"),
        ("Week 7 tot 8: Node", None, (7, 8), "Node"),
    ],
)
def test_a_heading_in_turkish_polish_indonesian_vietnamese_or_dutch_is_a_phase(heading, number, weeks, title):
    found = read_phase_heading(heading)
    assert found is not None
    assert found.number == number
    assert (found.first, found.last) == (weeks or (None, None))
    assert found.title == title


@pytest.mark.parametrize(
    "heading",
    [
        "Ay ışığı",  # 'moonlight': a Turkish word with no number after it
        "Hafta sonu projeleri",  # 'weekend projects'
        "Day 3: Loops",  # one day stays a section, in English as before
        "Tuan 3 mentors",  # a name before a number is no week without a Vietnamese mark on it
        "Pekan Raya 2024",
    ],
)
def test_words_that_only_look_like_units_are_no_phase(heading):
    assert read_phase_heading(heading) is None


def test_a_turkish_plan_has_its_phases_objectives_and_lengths():
    body = """
    # Veri Bilimi Yol Haritası

    ## Aşama 1: Python Temelleri (Hafta 1-4)
    **Hedef:** Basit Python programları yazabilmek.
    - Değişkenler
    - [ ] İlk programını yaz

    ## Aşama 2: Veri Analizi (Hafta 5-8)
    **Amaç:** Pandas ile veri temizlemek.
    - Pandas

    ## Aşama 3: İstatistik (3 hafta)
    - Olasılık
    """
    role, problems = parse(body)
    assert [(p.number, p.title, p.weeks, p.objective) for p in role.phases] == [
        (1, "Python Temelleri", (1, 4), "Basit Python programları yazabilmek."),
        (2, "Veri Analizi", (5, 8), "Pandas ile veri temizlemek."),
        (3, "İstatistik", (9, 11), None),
    ]
    assert [p for p in problems if p.severity == "error"] == []


def test_a_polish_plan_of_week_headings_has_its_objectives():
    body = """
    # Frontend

    ## Tydzień 1: HTML od podstaw
    **Cel:** Zbudować pierwszą stronę.
    - Semantyczny HTML

    ## Tygodnie 2-3: CSS
    **Cele:** Układy.
    - Flexbox
    """
    role, _ = parse(body)
    assert [(p.title, p.weeks, p.objective) for p in role.phases] == [
        ("HTML od podstaw", (1, 1), "Zbudować pierwszą stronę."),
        ("CSS", (2, 3), "Układy."),
    ]


@pytest.mark.parametrize(
    ("query", "weeks"),
    [
        *(("hafta 5", (5, 5)), ("tydzień 3", (3, 3)), ("tydzien 3", (3, 3)), ("minggu 4", (4, 4)), ("tuần 2", (2, 2))),
        *(("week 3 t/m 5", (3, 5)), ("weken 3 tot en met 5", (3, 5)), ("week 3 tm 5", (3, 5))),
    ],
)
def test_a_week_asked_in_these_languages_is_that_week(query, weeks):
    question = read_question(query)
    assert (question.kind, question.weeks) == ("week", weeks)


def test_a_turkish_capital_i_is_found_by_the_small_i_a_learner_types():
    body = """
    # Veri

    ## Aşama 1: Python (Hafta 1-4)
    - İstatistik için Python kütüphaneleri

    ## Aşama 2: İstatistik ve Olasılık (Hafta 5-8)
    - Tanımlayıcı istatistik: ortalama, medyan
    """
    role, _ = parse(body)
    index = SearchIndex([role])
    typed = [[(h.section.title, h.score) for h in answer(index, q).hits] for q in ("istatistik", "İstatistik")]
    assert typed[0] == typed[1]  # the same hits, scored the same, whichever 'i' is typed
    assert "Aşama 2: İstatistik ve Olasılık (Hafta 5-8)" in [title for title, _ in typed[0][:2]]


def test_a_dutch_plan_of_t_m_spans_leaves_no_week_out():
    body = """
    # Webontwikkelaar

    ## Fase 1: De basis van het web (week 1 t/m 4)
    ### Week 1: Hoe het web werkt
    - URL's
    ### Weken 3 en 4: CSS
    - Grid

    ## Fase 2: JavaScript (weken 5 t/m 9)
    - DOM
    """
    role, problems = parse(body)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "De basis van het web", (1, 4)),
        (2, "JavaScript", (5, 9)),
    ]
    assert problems == []
