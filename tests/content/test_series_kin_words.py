"""Series words of plans in other languages ('## Módulo 1 — Basics', '## Nivel 2: Practice', '## Stufe 3 - Projects')
make phases as their English kin do ('## Module 1 — Basics'), titled by the words after the number, where the file
was read as having no phases at all."""

from __future__ import annotations

import pytest

from tests.content.helpers import parse_body


@pytest.mark.parametrize("word", ["Módulo", "Niveau", "Stufe", "Livello", "Poziom", "Nível", "Unidad", "Kapitel"])
def test_series_words_of_other_languages_make_phases_titled_without_them(word: str) -> None:
    role, _ = parse_body(
        f"""
        # Plan

        ## {word} 1 — Basics

        - A topic

        ## {word} 2: Practice

        - Another topic

        ## {word} 3 - Projects

        - A project
        """
    )
    assert [(p.number, p.title) for p in role.phases] == [(1, "Basics"), (2, "Practice"), (3, "Projects")]
