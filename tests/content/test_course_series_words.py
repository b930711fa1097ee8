"""Course outlines numbered by their language's block, session, class and lesson words ('### Blok 1: …', 'Aula 2',
'Buổi 3', 'Pertemuan 4') read as a series of 'Module 1', 'Session 2' headings does: the file's phases."""

from __future__ import annotations

import pytest

from bot.content.phases import read_series_heading
from tests.content.helpers import parse_body


@pytest.mark.parametrize(
    ("heading", "word", "number", "title"),
    [
        ("Blok 1: Wprowadzenie", "block", 1, "Wprowadzenie"),
        ("Block 2: Data types", "block", 2, "Data types"),
        ("Bloque 3: Bucles", "block", 3, "Bucles"),
        ("Aula 4: Funções", "class", 4, "Funções"),
        ("Clase 5: Objetos", "class", 5, "Objetos"),
        ("Sesión 2: Git", "session", 2, "Git"),
        ("Séance 3 : Tests", "session", 3, "Tests"),
        ("Buổi 1: Giới thiệu", "session", 1, "Giới thiệu"),
        ("Pertemuan 4: Basis Data", "session", 4, "Basis Data"),
        ("Ders 2: Döngüler", "lesson", 2, "Döngüler"),
        ("Bài 3: Hàm", "lesson", 3, "Hàm"),
        ("Bölüm 5: Sınıflar", "chapter", 5, "Sınıflar"),
        ("Tema 1. Introducción", "unit", 1, "Introducción"),
    ],
)
def test_a_series_word_of_another_language_reads_as_its_english_kin(heading, word, number, title):
    found = read_series_heading(heading)
    assert found is not None
    assert (found[0], found[1].number, found[1].title) == (word, number, title)


def test_a_course_of_numbered_blocks_is_its_phases():
    role, problems = parse_body(
        "## Cele kursu\n- Poznanie składni\n\n## Proponowany harmonogram\n\n"
        "### Blok 1: Wprowadzenie\n**Tematy:**\n- Instalacja Pythona\n\n"
        "### Blok 2: Podstawy języka\n**Tematy:**\n- Zmienne i typy danych\n\n"
        "### Blok 3: Pętle\n**Tematy:**\n- Pętle `for` i `while`\n"
    )
    assert [(p.number, p.title) for p in role.phases] == [(1, "Wprowadzenie"), (2, "Podstawy języka"), (3, "Pętle")]
    assert [p for p in problems if p.severity == "error"] == []


def test_a_dutch_lesson_programme_is_its_phases():
    # 'Les N' is Dutch for 'Lesson N'; a heading may number several lessons ('Les 2-4 … (3 lessen)')
    role, problems = parse_body(
        "# Lesprogramma: Webontwikkeling\n\n"
        "## Les 1: Kennismaking met HTML (1 les)\n- **Doelen:**\n  - *Begrijpen:* Wat een tag is.\n\n"
        "## Les 2-3: CSS en opmaak (2 lessen)\n- **Inhoud:**\n  - Selectors en het boxmodel.\n\n"
        "## Les 4: JavaScript (1 les)\n- **Inhoud:**\n  - Variabelen en functies.\n\n"
        "## Les 5: Eindopdracht (1 les)\n- **Inhoud:**\n  - Een eigen website bouwen.\n"
    )
    # titled as English lessons are: the length in lessons kept, the heading's numbers not ('2-3: CSS …')
    assert [p.title for p in role.phases] == [
        "Kennismaking met HTML (1 les)",
        "CSS en opmaak (2 lessen)",
        "JavaScript (1 les)",
        "Eindopdracht (1 les)",
    ]
    assert [p for p in problems if p.severity == "error"] == []


def test_a_heading_of_several_lessons_is_titled_by_its_words_not_its_last_number():
    role, _ = parse_body(
        "## Lesson 1: Intro\n- a\n\n## Lesson 2-3: Styling pages\n- b\n\n## Lesson 4: Scripts\n- c\n"
        "\n## Lesson 5 - 3D graphics\n- d\n"
    )
    assert [p.title for p in role.phases] == ["Intro", "Styling pages", "Scripts", "3D graphics"]


def test_a_french_heading_of_les_and_a_number_alone_is_no_lesson():
    assert read_series_heading("Les bases du langage") is None
    role, _ = parse_body("## Les 3 piliers\n\n- Lire\n\n## Pourquoi apprendre\n\n- Curiosité\n")
    assert not role.phases


def test_a_count_after_a_series_number_and_a_dash_stays_in_the_title():
    # 'Step 1 - 3 ways to learn': one step, titled by a count of what it holds; no heading of several steps
    role, _ = parse_body(
        "## Step 1 - 3 ways to learn\n- a\n\n## Step 2 - 5 projects to build\n- b\n\n"
        "## Step 3 - 10 questions to expect\n- c\n"
    )
    assert [p.title for p in role.phases] == ["3 ways to learn", "5 projects to build", "10 questions to expect"]


def test_french_headings_of_les_and_a_count_are_no_lesson_programme():
    # 'Les 3 piliers', 'Les 5 étapes': French 'the 3 pillars', a count of what the section holds; a Dutch lesson's
    # number is followed by its title's mark ('Les 3: CSS', 'Les 2-4 - OOP')
    assert read_series_heading("Les 5 étapes clés") is None
    role, _ = parse_body(
        "## Les 3 piliers du DevOps\n- culture\n\n## Les 5 étapes clés\n- mesurer\n\n"
        "## Les 7 outils à connaître\n- docker\n\n## Les 10 erreurs à éviter\n- tests\n"
    )
    assert not role.phases
    assert read_series_heading("Les 3 - Formulieren")[1].title == "Formulieren"
    assert read_series_heading("Les 4")[1].number == 4


def test_long_runs_of_blanks_in_a_series_heading_read_in_linear_time():
    from tests.content.helpers import finishes_in_a_minute

    finishes_in_a_minute(
        "from bot.content.phases import read_series_heading\n"
        "n = 200000\n"
        "read_series_heading('Step 1 -' + ' ' * n + '3' + ' ' * n + 'x')\n"
        "read_series_heading('Les 3' + ' ' * n + '-' + ' ' * n + '4' + ' ' * n + '!')\n",
        "a series heading",
    )
