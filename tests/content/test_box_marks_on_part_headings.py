"""A box that opens a part's heading ('### ☐ Semana 1: Primeros pasos', '### ☑ Semana 2: Listas') is the
author's progress, as '[ ]' there is: no word of the part's title in /phase, /checklist and search."""

from __future__ import annotations

from tests.content.helpers import written_role

TRACKER = """
# Un plan de tres meses

## Mes 1: Bases

### ☐ Semana 1: Primeros pasos
- [ ] **Día 1:** Instalar el editor
- [ ] **Día 2:** Escribir el primer programa

### ☑ Semana 2: Listas
- [x] **Día 1:** Ejercicios de listas

### ⬜ Semana 3: Funciones
- [ ] **Día 1:** Parámetros y retorno

## Mes 2: Web

### ☐ Semana 5: HTML
- [ ] **Día 1:** Etiquetas
"""


def test_a_box_that_opens_a_part_heading_is_no_word_of_its_title() -> None:
    role = written_role("tracker", TRACKER)
    assert [[piece.md for piece in p.body if piece.kind == "label"] for p in role.phases] == [
        ["Semana 1: Primeros pasos", "Semana 2: Listas", "Semana 3: Funciones"],
        ["Semana 5: HTML"],
    ]
    assert list(dict.fromkeys(item.group for item in role.checklist)) == [
        "Semana 1: Primeros pasos",
        "Semana 2: Listas",
        "Semana 3: Funciones",
        "Semana 5: HTML",
    ]


def test_the_items_under_a_boxed_heading_keep_their_ids() -> None:
    plain = written_role("tracker", TRACKER.replace("☐ ", "").replace("☑ ", "").replace("⬜ ", ""))
    boxed = written_role("tracker", TRACKER)
    assert [item.id for item in boxed.checklist] == [item.id for item in plain.checklist]


def test_search_titles_the_part_without_its_box() -> None:
    role = written_role("tracker", TRACKER)
    titles = [s.title for s in role.sections if s.kind == "section" and s.phase is not None]
    assert titles == ["Semana 1: Primeros pasos", "Semana 2: Listas", "Semana 3: Funciones", "Semana 5: HTML"]


def test_today_heads_the_weeks_part_without_its_box() -> None:
    role = written_role("tracker", TRACKER)
    assert [s.label for s in role.phases[0].subsections] == [
        "Semana 1: Primeros pasos",
        "Semana 2: Listas",
        "Semana 3: Funciones",
    ]
