"""/skill-deep-dive questions asked and answered in German and Spanish, through a console in that language.

The content is the German and the Spanish fixture path, so a reply's every sentence is the bot's own or the
role file's: the notes and problems of week and phase questions must be in the learner's language.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.console import Console
from bot.content.holder import ContentHolder
from bot.services import Services
from bot.store import Store
from tests.console.conftest import NOW

ROADMAPS = Path(__file__).resolve().parents[1] / "fixtures" / "roadmaps"

# The English sentences of answers to week and phase questions: none may be left in a German or Spanish reply.
ENGLISH = (
    "Week ",
    "week ",
    "Weeks",
    "weeks",
    " of ",
    " is in ",
    "Which path",
    " paths",
    "past its end",
    "Next comes",
    "Before it comes",
    "at your pace",
    "There is no week",
    "self-paced",
    "No path has",
    "Its phases",
    "count from",
)


@pytest.fixture
def services(store: Store, tmp_path: Path) -> Services:
    content = tmp_path / "content"
    content.mkdir()
    for name in ("german-backend.md", "spanish-frontend.md"):
        shutil.copy(ROADMAPS / name, content / name)
    return Services(ContentHolder.load(content, NOW), store)


@pytest.fixture
def de(services: Services) -> Console:
    return Console(services, "lena", NOW, locale="de")


@pytest.fixture
def es(services: Services) -> Console:
    return Console(services, "lucia", NOW, locale="es")


def assert_no_english(reply: str) -> None:
    """Assert that no English phrase of the answers is left in a reply."""
    left = [phrase for phrase in ENGLISH if phrase in reply]
    assert not left, f"English left in the reply: {left}\n{reply}"


async def test_a_week_and_what_comes_after_a_topic_in_german(de: Console) -> None:
    week = await de.handle_line("/skill-deep-dive topic:woche 14 role:german-backend")
    assert "Woche 14 von Backend-Entwickler:in liegt in Phase 3: Datenbanken (Wochen 11-16)." in week
    assert_no_english(week)

    after = await de.handle_line("/skill-deep-dive topic:was kommt nach datenbanken")
    assert (
        "„datenbanken“ steht in Phase 3: Datenbanken (Wochen 11-16) von Backend-Entwickler:in. Danach kommt:" in after
    )
    assert "Phase 4: APIs und Deployment" in after
    assert_no_english(after)


async def test_a_week_and_what_comes_after_a_topic_in_spanish(es: Console) -> None:
    week = await es.handle_line("/skill-deep-dive topic:semana 14 role:spanish-frontend")
    assert "La semana 14 de Desarrollador/a Frontend está en la Fase 3: React (semanas 11-16)." in week
    assert_no_english(week)

    after = await es.handle_line("/skill-deep-dive topic:¿qué viene después de React?")
    assert "«react» está en la Fase 3: React (semanas 11-16) de Desarrollador/a Frontend. Después viene:" in after
    assert "Fase 4: Proyecto final y despliegue" in after
    assert_no_english(after)


async def test_a_week_without_a_path_asks_which_one(de: Console, es: Console) -> None:
    german = await de.handle_line("/skill-deep-dive topic:woche 14")
    assert "Welcher Lernpfad? Woche 14 gibt es in 2 Lernpfaden. Gib `rolle:` an" in german
    assert "**Backend-Entwickler:in** (`german-backend`), **Desarrollador/a Frontend** (`spanish-frontend`)" in german
    assert_no_english(german)

    spanish = await es.handle_line("/skill-deep-dive topic:semanas 3 a 4")
    assert "¿Qué ruta? Las semanas 3-4 están en 2 rutas." in spanish
    assert_no_english(spanish)


async def test_a_week_past_the_end_says_so(de: Console, es: Console) -> None:
    german = await de.handle_line("/skill-deep-dive topic:woche 30 role:german-backend")
    assert "Backend-Entwickler:in hat 24 Wochen; Woche 30 liegt nach dem Ende." in german
    assert_no_english(german)
    nowhere = await de.handle_line("/skill-deep-dive topic:woche 90")
    assert "Kein Lernpfad hat eine Woche 90; der längste hat 24 Wochen." in nowhere
    assert_no_english(nowhere)

    spanish = await es.handle_line("/skill-deep-dive topic:semana 30 role:spanish-frontend")
    assert "Desarrollador/a Frontend tiene 20 semanas; la semana 30 queda después del final." in spanish
    assert_no_english(spanish)
    phase = await es.handle_line("/skill-deep-dive topic:fase 9")
    assert "Ninguna ruta tiene una fase 9; ninguna pasa de la fase 4." in phase
    assert_no_english(phase)


async def test_weeks_counted_from_the_learners_own_at_their_pace(de: Console, es: Console) -> None:
    assert_no_english(unstarted := await de.handle_line("/skill-deep-dive topic:diese Woche"))
    assert "Du bist gerade in keiner Woche, von der aus ich zählen könnte" in unstarted
    await de.handle_line("/start-learning role:german-backend")
    this = await de.handle_line("/skill-deep-dive topic:was steht diese Woche an?")
    assert "Woche 1 von Backend-Entwickler:in in deinem Tempo liegt in Phase 1: Grundlagen (Wochen 1-4)." in this
    following = await de.handle_line("/skill-deep-dive topic:was kommt als nächstes")
    assert "Phase 1: Grundlagen (Wochen 1-4). Danach kommt:" in following
    assert "Phase 2 – Programmieren mit Python" in following
    past = await de.handle_line("/skill-deep-dive topic:woche 30")
    assert "Backend-Entwickler:in in deinem Tempo hat 24 Wochen; Woche 30 liegt nach dem Ende." in past
    for reply in (this, following, past):
        assert_no_english(reply)

    await es.handle_line("/start-learning role:spanish-frontend")
    spanish = await es.handle_line("/skill-deep-dive topic:¿qué sigue?")
    assert "La semana 1 de Desarrollador/a Frontend a tu ritmo está en la Fase 1: Fundamentos (semanas 1-4)." in spanish
    assert "Después viene:" in spanish
    first = await es.handle_line("/skill-deep-dive topic:antes de la fase 1")
    assert "Fase 1: Fundamentos (semanas 1-4) es la primera fase de Desarrollador/a Frontend." in first
    for reply in (spanish, first):
        assert_no_english(reply)


async def test_a_question_is_read_in_any_language_and_answered_in_the_learners(de: Console) -> None:
    spanish_words = await de.handle_line("/skill-deep-dive topic:semana 14 role:german-backend")
    assert "Woche 14 von Backend-Entwickler:in liegt in Phase 3: Datenbanken (Wochen 11-16)." in spanish_words
    english_words = await de.handle_line("/skill-deep-dive topic:what comes after databases")
    assert "„databases“ steht in Phase 3: Datenbanken (Wochen 11-16) von Backend-Entwickler:in." in english_words


async def test_a_heading_that_starts_with_before_is_found_as_a_topic(de: Console, es: Console) -> None:
    """A checklist heading reads as "before ..."; no phase teaches what follows, so the heading is searched."""
    german = await de.handle_line("/skill-deep-dive topic:Vor der ersten Bewerbung")
    assert "Vor der ersten Bewerbung\n========================\n" in german
    assert "❌" not in german
    spanish = await es.handle_line("/skill-deep-dive topic:Antes de buscar trabajo")
    assert "Antes de buscar trabajo\n=======================\n" in spanish
    assert "❌" not in spanish
