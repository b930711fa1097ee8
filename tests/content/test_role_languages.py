"""Role files written in German and Spanish: their headings, objectives and spans read as the English ones do."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.__main__ import main
from bot.content.loader import load_content, parse_bytes
from bot.content.phases import PhaseHeading, phase_hint, read_phase_heading
from tests.content.helpers import role_file

ROADMAPS = Path(__file__).parents[1] / "fixtures" / "roadmaps"
GERMAN, SPANISH = "german-backend", "spanish-frontend"


def parse(body: str, front: str | None = None):
    """Parse a small role file (or one with its own front-matter); return the role and its problems."""
    text = role_file(body=body) if front is None else front + body
    role, problems = parse_bytes(text.encode(), "x.md")
    assert role is not None, problems
    return role, problems, text


# --- one heading ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "number", "weeks", "title"),
    [
        ("Phase 1: Grundlagen (Wochen 1-4)", 1, (1, 4), "Grundlagen"),
        ("Phase 2 – Datenbanken (Wochen 5–12)", 2, (5, 12), "Datenbanken"),
        ("Phase 3: Tests (Wochen 13 bis 16)", 3, (13, 16), "Tests"),
        ("Phase 4: APIs (Woche 17)", 4, (17, 17), "APIs"),
        ("PHASE 5 (WOCHEN 18–20): Deployment", 5, (18, 20), "Deployment"),
        ("Phase 6: Projekt (Wochen 21 und 22)", 6, (21, 22), "Projekt"),
        ("Fase 1: Fundamentos (Semanas 1-4)", 1, (1, 4), "Fundamentos"),
        ("Fase 2 – Bases de datos (semanas 5 a 12)", 2, (5, 12), "Bases de datos"),
        ("Fase 3: React (Semanas 13 al 16)", 3, (13, 16), "React"),
        ("Fase 4: Pruebas (Semana 17)", 4, (17, 17), "Pruebas"),
        ("🚀 FASE 5 — Despliegue 🌍 (Semanas 18 hasta 20)", 5, (18, 20), "Despliegue"),
        ("Fase 6: Proyecto (Semanas 21 y 22)", 6, (21, 22), "Proyecto"),
        ("Fase 2: Bases de datos", 2, None, "Bases de datos"),
        ("Etapa 2: Redes", 2, None, "Redes"),
        ("Woche 3: Arrays", None, (3, 3), "Arrays"),
        ("Woche 3 — Arrays", None, (3, 3), "Arrays"),
        ("Wochen 4-6: Bäume", None, (4, 6), "Bäume"),
        ("Wochen 4 bis 6: Bäume", None, (4, 6), "Bäume"),
        ("(Wochen 4–6) Bäume", None, (4, 6), "Bäume"),
        ("Semana 3: Arreglos", None, (3, 3), "Arreglos"),
        ("Semanas 4 a 6: Árboles", None, (4, 6), "Árboles"),
        ("Semanas 4 al 6: Árboles", None, (4, 6), "Árboles"),
        ("Monat 2: Backend", None, (5, 8), "Backend"),
        ("Monate 1 bis 3: Grundlagen", None, (1, 12), "Grundlagen"),
        ("Mes 2: Backend", None, (5, 8), "Backend"),
        ("Meses 1 a 3: Fundamentos", None, (1, 12), "Fundamentos"),
        ("Tage 31-60: Sicherheit", None, (5, 9), "Sicherheit"),
        ("Días 31 a 60: Seguridad", None, (5, 9), "Seguridad"),
        ("Dias 31-60: Seguridad", None, (5, 9), "Seguridad"),
        ("DÍAS 1–30: Bases", None, (1, 5), "Bases"),
    ],
)
def test_german_and_spanish_phase_headings(heading, number, weeks, title):
    found = read_phase_heading(heading)
    assert found is not None
    assert found.number == number
    assert ((found.first, found.last) if found.first is not None else None) == weeks
    assert found.title == title


@pytest.mark.parametrize(
    "heading",
    [
        "Tag 1: Einrichtung",  # one day is not a phase, as 'Day 1'
        "Día 1: Instalación",
        "Wochenplan",
        "Wöchentlicher Rückblick",
        "Semanal",
        "Meses de práctica",
        "Fases del proyecto",
        "Etapas del aprendizaje",
        "Messaging 1-3",
        "Diagrams 1-2",
        "Tagesablauf 1-2",
        "Setup",
    ],
)
def test_german_and_spanish_headings_that_are_not_phases(heading):
    assert read_phase_heading(heading) is None


def test_a_unit_word_inside_a_longer_word_is_no_span():
    """'Stage 2' ends in 'tage 2' and 'Games 3' in 'mes 3': neither is a span of days or months."""
    assert read_phase_heading("Phase 2: Stage 2 lighting") == PhaseHeading(2, None, None, "Stage 2 lighting", "")
    assert read_phase_heading("Phase 2: Games 3 and more") == PhaseHeading(2, None, None, "Games 3 and more", "")
    assert read_phase_heading("Phase 2: Games 3D (Weeks 5-8)") == PhaseHeading(2, 5, 8, "Games 3D", "week")


UNITS = {
    "week": (("Week", "Weeks"), ("Woche", "Wochen"), ("Semana", "Semanas")),
    "month": (("Month", "Months"), ("Monat", "Monate"), ("Mes", "Meses")),
    "day": (("Day", "Days"), ("Tag", "Tage"), ("Día", "Días")),
}
RANGE_WORDS = (("-", "–", "to"), ("-", "–", "bis"), ("-", "–", "a", "al"))
PHASE_WORDS = (("Phase",), ("Phase",), ("Fase", "Etapa"))
CASES = (str, str.lower, str.upper)


@settings(max_examples=300, deadline=None)
@given(
    unit=st.sampled_from(sorted(UNITS)),
    language=st.sampled_from([1, 2]),
    n=st.integers(1, 520),
    size=st.integers(0, 520),
    number=st.integers(1, 40),
    title=st.sampled_from(["Grundlagen", "Bases de datos", "Árboles", "APIs & Co."]),
    data=st.data(),
)
def test_any_german_or_spanish_span_gives_the_weeks_of_the_english_one(unit, language, n, size, number, title, data):
    m = n + size
    english_words, words = UNITS[unit][0], UNITS[unit][language]
    sep = data.draw(st.sampled_from(RANGE_WORDS[language]), label="range word")
    case = data.draw(st.sampled_from(CASES), label="case")
    phase = data.draw(st.sampled_from(PHASE_WORDS[language]), label="phase word")
    spaced = f" {sep} " if sep.isalpha() else sep
    english = read_phase_heading(f"Phase {number}: {title} ({english_words[1]} {n}-{m})")
    other = read_phase_heading(case(f"{phase} {number}: {title} ({words[1]} {n}{spaced}{m})"))
    assert english is not None and other is not None
    assert (other.number, other.first, other.last, other.unit) == (number, english.first, english.last, unit)
    assert other.title == case(english.title)
    # The span first, as its own heading: the same weeks as the English heading, one day alone not a phase.
    english = read_phase_heading(
        f"{english_words[n < m]} {n}-{m}: {title}" if n < m else f"{english_words[0]} {n}: {title}"
    )
    other = read_phase_heading(f"{words[n < m]} {n}{spaced}{m}: {title}" if n < m else f"{words[0]} {n}: {title}")
    assert other == english
    assert other is not None or (unit == "day" and n == m)


@pytest.mark.parametrize(
    ("heading", "example"),
    [
        ("Woche: Einführung", "'Woche 3: Title' or 'Wochen 3-4: Title'"),
        ("Wochen ? - ?: Oberfläche", "'Woche 3: Title' or 'Wochen 3-4: Title'"),
        ("Semana: Introducción", "'Semana 3: Title' or 'Semanas 3-4: Title'"),
        ("Monat: Praxis", "'Monat 3: Title' or 'Monate 3-4: Title'"),
        ("Meses ?: Práctica", "'Mes 3: Title' or 'Meses 3-4: Title'"),
        ("Fase ?: Pruebas", "'Fase 2: Bases de datos (Semanas 5-12)'"),
        ("Etapa", "'Fase 2: Bases de datos (Semanas 5-12)'"),
        ("Week: Intro", "'Week 3: Title' or 'Weeks 3-4: Title'"),
        ("Phase ?: API Testing", "'Phase 2: Databases (Weeks 5-12)'"),
    ],
)
def test_a_heading_that_starts_like_a_phase_gets_a_hint_in_its_own_words(heading, example):
    hint = phase_hint(heading)
    assert hint is not None
    assert hint.endswith(example)


@pytest.mark.parametrize("heading", ["Wochenplan", "Woche im Rückblick", "Semanal", "Semana en resumen"])
def test_a_heading_that_only_starts_with_a_unit_word_gets_no_hint(heading):
    assert phase_hint(heading) is None


# --- in a file -----------------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["Ziel", "Ziele", "Lernziel", "🎯 Lernziele", "Objetivo", "Objetivos", "Meta"])
def test_a_german_or_spanish_objective_line_is_the_phases_objective(label):
    body = (
        f"# T\n\n## Phase 1: Grundlagen (Wochen 1-2)\n**{label}:** Git sicher benutzen.\n\n- Git\n\n"
        f"## Phase 2: Praxis (Wochen 3-4)\n**{label}:**\nEine API bauen\n\n- REST\n"
    )
    role, problems, _ = parse(body)
    assert [p.objective for p in role.phases] == ["Git sicher benutzen.", "Eine API bauen"]
    assert [p.subsections for p in role.phases] == [(), ()]  # the objective line is no part of its own
    assert problems == []


def test_week_headings_inside_a_german_phase_date_it():
    body = (
        "# T\n\n## Phase 1: Grundlagen\n\n### Woche 1: Werkzeuge\n- git\n\n### Woche 2: Shell\n- bash\n\n"
        "## Phase 2: Praxis\n\n### Wochen 3-5: Projekt\n- bauen\n"
    )
    role, problems, _ = parse(body)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [(1, "Grundlagen", (1, 2)), (2, "Praxis", (3, 5))]
    assert [s.label for s in role.phases[0].subsections] == ["Woche 1: Werkzeuge", "Woche 2: Shell"]
    assert problems == []


def test_spanish_day_ranges_that_share_a_week_move_on():
    body = "# T\n\n## Días 1-30: A\n- a\n\n## Días 31 a 60: B\n- b\n\n## Dias 61-90: C\n- c\n"
    role, problems, _ = parse(body)
    assert [p.weeks for p in role.phases] == [(1, 5), (6, 9), (10, 13)]
    assert problems == []


def test_german_week_headings_are_numbered_by_their_place():
    body = "# T\n\n## Woche 1: Einrichtung\n- a\n\n## Wochen 2 bis 3: Grundlagen\n- b\n\n**Woche 4: Projekt**\n\n- c\n"
    role, problems, _ = parse(body)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "Einrichtung", (1, 1)),
        (2, "Grundlagen", (2, 3)),
        (3, "Projekt", (4, 4)),
    ]
    assert problems == []


@pytest.mark.parametrize("months", ["6-9", "6 bis 9", "6 a 9", "6 to 9"])
def test_timeline_months_in_german_or_spanish_plan_the_same_weeks(months):
    front = f"---\nname: x\ndisplayName: X\ndescription: d\ntimelineMonths:\n  steady: {months}\n---\n"
    role, problems, _ = parse("# T\n\n## Fase 1: A\n- a\n\n## Fase 2: B\n- b\n\n## Fase 3: C\n- c\n", front)
    assert role.timeline_months == {"steady": (6, 9)}
    assert [p.weeks for p in role.phases] == [(1, 11), (12, 22), (23, 33)]
    assert "planned from timelineMonths (steady: 6-9 months, about 33 weeks)" in problems[0].message


def test_a_numbered_german_or_spanish_bullet_keeps_its_whole_title():
    body = (
        "# T\n\n## Phase 1: A (Wochen 1-2)\n- Woche 2: Git, Branches\n- Semana 3: HTML, CSS\n- Git: Commits, Merges\n"
    )
    role, _, _ = parse(body)
    assert [t.title for t in role.phases[0].topics] == ["Woche 2: Git, Branches", "Semana 3: HTML, CSS", "Git"]


def test_a_german_heading_that_cannot_be_read_is_pointed_at():
    body = "# T\n\n## Woche: Einführung\n- a\n\n## Woche 1: Start\n- b\n"
    _, problems, text = parse(body)
    (hint,) = [p for p in problems if "is not read as a phase" in p.message]
    assert hint.line == text.split("\n").index("## Woche: Einführung") + 1
    assert "'Woche 3: Title' or 'Wochen 3-4: Title'" in hint.message


# --- the fixtures, through the loader and the CLI ------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A content folder holding the German and the Spanish roadmap fixtures."""
    content = tmp_path / "content"
    content.mkdir()
    for name in (GERMAN, SPANISH):
        shutil.copy(ROADMAPS / f"{name}.md", content)
    return content


def test_the_german_and_spanish_roadmaps_load_without_a_problem(folder: Path):
    index = load_content(folder)
    assert index.problems == ()
    german, spanish = index.roles[GERMAN], index.roles[SPANISH]
    assert [(p.number, p.title, p.weeks, p.planned) for p in german.phases] == [
        (1, "Grundlagen", (1, 4), False),
        (2, "Programmieren mit Python", (5, 10), False),
        (3, "Datenbanken", (11, 16), False),
        (4, "APIs und Deployment", (17, 24), False),
    ]
    assert [(p.number, p.title, p.weeks, p.planned) for p in spanish.phases] == [
        (1, "Fundamentos", (1, 4), False),
        (2, "JavaScript moderno", (5, 10), False),
        (3, "React", (11, 16), False),
        (4, "Proyecto final y despliegue", (17, 20), False),
    ]
    assert german.phases[2].objective is not None
    assert german.phases[2].objective.startswith("Ein Datenbankschema entwerfen")  # a '**🎯 Lernziele:**' line
    assert spanish.phases[2].objective == "Dividir una interfaz en componentes y manejar su estado con React."
    assert german.timeline_months == {"quereinsteiger": (6, 9), "mit_programmiererfahrung": (4, 6)}
    assert (german.total_weeks, spanish.total_weeks) == (24, 20)


def test_the_german_and_spanish_checklists_keep_their_phases_and_groups(folder: Path):
    index = load_content(folder)
    german, spanish = index.roles[GERMAN], index.roles[SPANISH]
    assert [i.phase for i in german.checklist] == [1, 1, 2, 3, 3, 4, 4, None, None]
    assert [i.phase for i in spanish.checklist] == [1, 1, 2, 2, 3, 4, None, None]
    assert {i.group for i in german.checklist if i.phase is None} == {"Vor der ersten Bewerbung"}
    assert {i.group for i in spanish.checklist if i.phase is None} == {"Antes de buscar trabajo"}
    assert german.checklist[0].text == "Ein eigenes Repository mit drei sinnvollen Commits angelegt"


def test_content_check_on_a_folder_with_the_german_roadmap_exits_0(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.delenv("WAYMARK_CONTENT_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "inhalt"
    content.mkdir()
    shutil.copy(ROADMAPS / f"{GERMAN}.md", content)

    code = main(["content", "check", str(content)])
    out = capsys.readouterr().out
    assert code == 0
    assert out.strip() == f"{content}: 1 role loaded, 0 errors, 0 warnings"

    code = main(["content", "check", str(content), "--json"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 0
    (role,) = payload["roles"]
    assert [(p["number"], p["weeks"], p["weeks_planned"]) for p in role["phases"]] == [
        (1, [1, 4], False),
        (2, [5, 10], False),
        (3, [11, 16], False),
        (4, [17, 24], False),
    ]
    assert role["phases"][0]["objective"].startswith("Verstehen, wie das Web funktioniert")
