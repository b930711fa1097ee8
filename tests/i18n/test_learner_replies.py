"""The learner's commands answer in German and Spanish: the bot's own words, dates and buttons, through the console.

The shipped role files are English, so only the bot's wording is compared: titles, field names, footers, button
labels and sentences. Command names in replies (`/today`) are the frame's to translate and are not asserted here.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from bot import i18n, i18n_tools
from bot.console import Console
from bot.domain.pace import finish_date
from bot.handlers.inputs import check_proof, parse_start_date, read_pace
from bot.present import pace_label, span_text
from bot.services import Services, UserError
from tests.portfolio_pages import read_page

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
LEARNER_FILES = (
    "bot/present.py",
    "bot/services.py",
    "bot/handlers/learning.py",
    "bot/handlers/today.py",
    "bot/handlers/progress.py",
    "bot/handlers/review.py",
    "bot/handlers/portfolio.py",
    "bot/handlers/inputs.py",
    "bot/handlers/ids.py",
    "bot/render/portfolio.py",
)
FRAME_CONTEXTS = ("command", "option", "choice")
"""Command, option and choice names: declared in `bot.commands`, translated with the frame's catalog."""


def assert_none_of(text: str, *english: str) -> None:
    """Assert that none of the English phrases is left in a translated reply."""
    left = [phrase for phrase in english if phrase in text]
    assert not left, f"English left in the reply: {left}\n{text}"


def spaced(text: str) -> str:
    """Return text with no-break spaces as plain spaces (Babel writes "6 %" with one)."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


# ---------------------------------------------------------------- the catalogs


def test_the_catalogs_translate_every_string_of_the_learner_commands() -> None:
    template = i18n_tools.extract_template()
    ours = {
        (m.id if isinstance(m.id, str) else m.id[0], m.context)
        for m in template
        if m.id and m.context not in FRAME_CONTEXTS and any(path in LEARNER_FILES for path, _ in m.locations)
    }
    assert len(ours) > 200
    for locale in ("de", "es"):
        problems = [p for p in i18n_tools.check(locale, template) if (p.message, p.context) in ours]
        assert not problems, "\n".join(map(str, problems))


# ---------------------------------------------------------------- /start-learning, /today, /progress


async def test_start_learning_today_and_progress_in_german(de: Console) -> None:
    start = await de.handle_line("/start-learning role:backend-engineer")
    assert "Backend Engineer · Willkommen an Bord!" in start
    assert "Wo du stehst: Woche 1 von 36 · Phase 1 (Wochen 1-4)" in start
    assert "Der Lernpfad · 36 Wochen im Standardtempo:" in start
    assert "▶ **Phase 1: Foundations** · Wochen 1-4" in start
    assert "Schwerpunkt dieser Woche · Phase 1: Foundations:" in start
    assert "[Gestartet am 27.11.2026 · " in start
    assert start.rstrip().endswith("[Diese Woche] [Checkliste] [Erinnerungen ausschalten]")
    assert_none_of(start, "Welcome", "Where you are", "Week ", "weeks", "as written", "This week", "Started", "Turn ")

    today = await de.handle_line("/today")
    assert "Heute · Backend Engineer · Woche 1 von 36" in today
    assert "**Phase 1: Foundations** (Wochen 1-4)\n**Ziel:** " in today
    assert "Teil 1 von 4 dieser Phase" in today
    assert "Offene Punkte in dieser Phase:" in today
    assert "Nächster Schritt: Arbeite an **Understand HTTP and web protocols** und hak es dann mit " in today
    assert "für die ganze Phase · " in today
    assert today.rstrip().endswith("[Ganze Phase] [Checkliste] [Ich habe daran gearbeitet]")
    assert_none_of(today, "Today", "week 1 of", "Objective", "Part 1", "Open items", "Next step", "I worked on this")

    progress = await de.handle_line("/progress")
    finish = finish_date(NOW.date(), 36, 0)
    assert f"Ende (voraussichtlich): {finish:%d.%m.%Y}" in progress
    assert finish.isoformat() not in progress
    assert "Wo du stehst: Woche 1 von 36 · Phase 1: Foundations (Wochen 1-4)" in progress
    assert "Tempo: im Plan" in progress
    assert "Checkliste: ▱" in progress
    assert "Serie: Noch keine Serie" in progress
    assert "[Andere meinen Fortschritt sehen lassen]" in progress
    assert_none_of(progress, "Finish", "Pace", "on track", "Streak", "streak", "Where", "Let others")


async def test_start_learning_today_and_progress_in_spanish(es: Console) -> None:
    start = await es.handle_line("/start-learning role:backend-engineer start:2026-12-10")
    assert "Backend Engineer · ¡Te damos la bienvenida!" in start
    assert "Dónde estás: Empieza en 13 días, el 10 dic 2026" in start
    assert "La ruta · 36 semanas a ritmo estándar:" in start
    assert "[Empieza el 10 dic 2026 · " in start
    assert start.rstrip().endswith("[Esta semana] [Lista de tareas] [Desactivar recordatorios]")
    assert_none_of(start, "Welcome", "Starts in", "days", "weeks", "as written", "This week", "Checklist", "Turn ")

    before = await es.handle_line("/today")
    assert "Hoy · Backend Engineer" in before
    assert "Tu ruta empieza en 13 días, el 10 dic 2026. Hasta entonces, " in before
    assert_none_of(before, "Today", "Your path starts", "Until then")

    moved = await es.handle_line("/start-learning role:backend-engineer start:today")
    assert "Tu ruta empieza ahora el 27 nov 2026; tus tareas marcadas se conservan." in moved
    assert "**inicio 10 dic 2026 → 27 nov 2026** · 36 semanas · fin " in moved

    today = await es.handle_line("/today")
    assert "Hoy · Backend Engineer · semana 1 de 36" in today
    assert "**Objetivo:** " in today
    assert "Parte 1 de 4 de esta fase" in today
    assert "Tareas pendientes de esta fase:" in today
    assert "Siguiente paso: Trabaja en **Understand HTTP and web protocols** y márcala luego con " in today
    assert today.rstrip().endswith("[Fase completa] [Lista de tareas] [He trabajado en esto]")
    assert_none_of(today, "Today", "Objective", "Part 1", "Open items", "Next step", "Whole phase", "I worked")

    progress = await es.handle_line("/progress")
    with i18n.using("es"):
        finish = i18n.format_date(finish_date(NOW.date(), 36, 0))
    assert f"Fin (previsto): {finish}" in progress
    assert "Ritmo: al día" in progress
    assert "Racha: Todavía sin racha" in progress
    assert "Dónde estás: Semana 1 de 36 · Fase 1: Foundations (semanas 1-4)" in progress
    assert_none_of(progress, "Finish", "Pace", "on track", "Streak", "streak", "Week")


async def test_a_pace_is_named_and_typed_in_the_learner_language(de: Console, es: Console) -> None:
    german = await de.handle_line("/start-learning role:backend-engineer pace:kompletter Neuling")
    assert "Woche 1 von 46" in german
    assert "Der Lernpfad · 46 Wochen im Tempo „kompletter Neuling“:" in german

    es.user = "ana"
    spanish = await es.handle_line("/start-learning role:backend-engineer pace:tiempo completo acelerado")
    assert "Semana 1 de 22" in spanish
    assert "La ruta · 22 semanas a ritmo «tiempo completo acelerado»:" in spanish
    changed = await es.handle_line("/start-learning role:backend-engineer pace:principiante")
    assert "**Ritmo: tiempo completo acelerado → principiante total** · 22 → 46 semanas · fin " in changed

    wrong = await de.handle_line("/start-learning role:backend-engineer pace:turbo")
    assert "„turbo“ ist kein Tempo von Backend Engineer. Tempos: **kompletter Neuling** (9-12 Monate)" in wrong


def test_read_pace_takes_the_keys_and_every_language_names() -> None:
    paces = {"complete_beginner": (9, 12), "programming_background": (6, 9), "full_time_accelerated": (4, 6)}
    assert read_pace("Complete-Beginner", paces, "Backend") == "complete_beginner"
    assert read_pace("complete beginer", paces, "Backend") == "complete_beginner"
    assert read_pace("Neuling", paces, "Backend") == "complete_beginner"
    assert read_pace("mit Programmiererfahrung", paces, "Backend") == "programming_background"
    assert read_pace("tiempo completo acelerado", paces, "Backend") == "full_time_accelerated"
    assert read_pace("Vollzeit", paces, "Backend") == "full_time_accelerated"
    with pytest.raises(UserError, match="'turbo' is not a pace of Backend"):
        read_pace("turbo", paces, "Backend")
    with i18n.using("de"):
        assert pace_label("complete_beginner") == "kompletter Neuling"
        assert pace_label(None) == "Standard"
        assert pace_label("my_own_pace") == "my own pace"  # a role file's own pace: its key, spaced out
    assert pace_label("complete_beginner") == "complete beginner"
    assert pace_label(None) == "as written"


def test_spans_start_dates_and_proof_errors_in_the_learner_language() -> None:
    with i18n.using("de"):
        assert span_text((6, 15)) == "Wochen 6-15"
        assert span_text((3, 3)) == "Woche 3"
        assert parse_start_date("morgen", NOW) == NOW.date() + timedelta(days=1)
        with pytest.raises(UserError, match=r"Der Nachweis-Link muss mit https:// \(oder http://\) beginnen\. Nimm"):
            check_proof("ftp://example.org/x")
    with i18n.using("es"):
        assert span_text((6, 15)) == "semanas 6-15"
        assert parse_start_date("mañana", NOW) == NOW.date() + timedelta(days=1)
    assert span_text((6, 15)) == "weeks 6-15"
    assert parse_start_date("today", NOW) == NOW.date()


# ---------------------------------------------------------------- /checklist, /done


async def test_checklist_and_done_in_german(de: Console) -> None:
    await de.handle_line("/start-learning role:backend-engineer")
    checklist = await de.handle_line("/checklist")
    assert "Backend Engineer · Checkliste" in checklist
    assert "Erledigt: ▱▱▱▱▱▱▱▱▱▱ 0/15 (0\u00a0%)" in checklist
    assert "[Wähl Punkte in einem Menü aus, um sie abzuhaken; wähl sie ab, um den Haken zu entfernen. · Seite 1/2]" in (
        checklist
    )
    assert ": Hak ab, was du erledigt hast" in checklist
    assert "[◀ Zurück (deaktiviert)] [Weiter ▶]" in checklist
    assert_none_of(checklist, "Done:", "Pick items", "Page 1", "tick what you've done", "Previous", "Next")

    done = await de.handle_line("/done item:Use git professionally proof:https://github.com/me/dotfiles")
    assert "Abgehakt: **Use git professionally** (Backend Engineer › Phase 1: Foundations)" in done
    assert "Nachweis: <https://github.com/me/dotfiles>" in done
    again = await de.handle_line("/done item:Use git professionally")
    assert "Schon abgehakt: **Use git professionally** (Backend Engineer › Phase 1: Foundations)" in again
    missing = await de.handle_line("/done item:zzzqqq")
    assert "❌ Kein Punkt wie „zzzqqq“ in deinen Lernpfaden." in missing
    assert_none_of(done + again + missing, "Ticked", "Proof", "Already", "No checklist item")


async def test_checklist_and_done_in_spanish(es: Console) -> None:
    await es.handle_line("/start-learning role:backend-engineer")
    checklist = await es.handle_line("/checklist")
    assert "Backend Engineer · lista de tareas" in checklist
    assert "Hecho: ▱" in checklist
    assert "Elige tareas en un menú para marcarlas; quítalas para desmarcarlas. · Página 1/2" in checklist
    assert "[◀ Anterior (desactivado)] [Siguiente ▶]" in checklist
    done = await es.handle_line("/done item:Use git professionally proof:https://github.com/me/dotfiles")
    assert "Marcada: **Use git professionally** (Backend Engineer › Phase 1: Foundations)" in done
    assert "Prueba: <https://github.com/me/dotfiles>" in done
    assert_none_of(checklist + done, "checklist", "Pick items", "Previous", "Next", "Ticked", "Proof")


# ---------------------------------------------------------------- /phase, /skill-deep-dive


async def test_phase_and_deep_dive_in_german(de: Console) -> None:
    written = await de.handle_line("/phase role:backend-engineer number:2")
    assert "Phase 2: Programming Language Mastery (Wochen 5-12)" in written
    assert "[Backend Engineer · Standardtempo]" in written
    await de.handle_line("/start-learning role:backend-engineer pace:complete_beginner")
    phase = await de.handle_line("/phase")
    assert "Phase 1: Foundations (Wochen 1-5)" in phase
    assert "**Ziel:** " in phase
    assert "[Backend Engineer · in deinem Tempo]" in phase
    missing = await de.handle_line("/phase number:9")
    assert "❌ Backend Engineer hat keine Phase 9. Seine Phasen sind 1, 2, 3, 4, 5, 6." in missing
    assert_none_of(written + phase + missing, "weeks", "Objective", "as written", "at your pace", "has no phase")

    dive = await de.handle_line("/skill-deep-dive topic:postgres")
    assert "[Backend Engineer · Phase 3 · Wochen 16-23]" in dive  # at the learner's pace, as /phase gives it
    assert "Auswahl Nicht das Richtige? Weitere Treffer:" in dive
    nothing = await de.handle_line("/skill-deep-dive topic:qqqzzzxxy")
    assert "❌ Nichts gefunden zu „qqqzzzxxy“. Versuch ein kürzeres oder anderes Wort." in nothing
    assert_none_of(dive + nothing, "weeks 16-23", "Not it?", "Nothing found")


async def test_phase_and_deep_dive_in_spanish(es: Console) -> None:
    await es.handle_line("/start-learning role:backend-engineer")
    phase = await es.handle_line("/phase number:3")
    assert "Fase 3: Databases (semanas 13-18)" in phase
    assert "[Backend Engineer · a tu ritmo]" in phase
    dive = await es.handle_line("/skill-deep-dive topic:postgres")
    assert "[Backend Engineer · Fase 3 · semanas 13-18]" in dive
    assert "¿No es esto? Otros resultados" in dive
    assert_none_of(phase, "Phase 3", "weeks", "at your pace")
    assert_none_of(dive, "weeks 13-18", "Not it?")  # the trail above the text is the role file's: "Phase 3: …"


# ---------------------------------------------------------------- /review


async def test_review_in_german(de: Console) -> None:
    await de.handle_line("/start-learning role:backend-engineer")
    await de.handle_line("/done item:Use git professionally")
    waiting = await de.handle_line("/review")
    assert "Wiederholung · Backend Engineer" in waiting
    assert "Gerade gibt es nichts zu wiederholen." in waiting
    assert re.search(r"Als Nächstes: \*\*Use git professionally\*\* am [A-Z][a-z]+tag, \d\d\.\d\d\.2026\.", waiting)
    assert "In Wiederholung: 1 Punkt · 0 abgeschlossen" in waiting

    de.fixed_now = NOW + timedelta(days=8)  # past the first review, without sending the reminders on the way
    due = await de.handle_line("/review")
    assert "1 Punkt ist zur Wiederholung fällig. Sitzt er noch?" in due
    assert "Jetzt fällig:" in due
    assert "Aus Phase 1: Foundations · " in due
    assert " · Wiederholung 1 von 4" in due
    assert due.rstrip().endswith("[1 · Sitzt noch] [1 · Nochmal wiederholen]")
    buttons = de.last
    assert_none_of(waiting + due, "Review ·", "Nothing to review", "Next:", "due for review", "From ", "Still got it")

    answered = await de.handle_line("click 1 · Sitzt noch")
    assert re.search(
        r"✅ \*\*Use git professionally\*\*: nächste Wiederholung in 3 Wochen, am [A-Z][a-z]+, \d\d\.\d\d\.20\d\d "
        r"\(Wiederholung 2 von 4\)\.",
        answered,
    ), answered
    de.last = buttons  # the same button again, as on an older message
    again = await de.handle_line("click 1 · Sitzt noch")
    assert "❌ Schon beantwortet: **Use git professionally** kommt am " in again


async def test_review_in_spanish(es: Console) -> None:
    await es.handle_line("/start-learning role:backend-engineer")
    empty = await es.handle_line("/review")
    assert "Todavía no hay nada en repaso: una tarea que marcas vuelve para repasarla 1 semana después" in empty
    await es.handle_line("/done item:Use git professionally")
    es.fixed_now = NOW + timedelta(days=8)
    due = await es.handle_line("/review")
    assert "Toca repasar 1 tarea. ¿La sigues sabiendo?" in due
    assert "Toca ahora:" in due
    assert due.rstrip().endswith("[1 · Lo sigo sabiendo] [1 · Repasar otra vez]")
    back = await es.handle_line("click 1 · Repasar otra vez")
    assert re.search(r"🔁 \*\*Use git professionally\*\* vuelve la semana que viene, el \w+, \d+ \w+ 20\d\d\.", back)
    assert "Mientras tanto, repásala: Fase 1: Foundations · " in back
    assert_none_of(
        empty + due + back, "Nothing in review", "due for review", "Still got it", "Review again", "comes back"
    )


async def test_turning_reviews_off_names_the_choice_as_the_reader_discord_lists_it(de: Console, es: Console) -> None:
    """Discord filters a choice by the name it shows: the hint must not say `state:on` to a Spanish reader."""
    await es.handle_line("/start-learning role:backend-engineer")
    off = await es.handle_line("/recordatorio repasos estado:desactivado")
    assert "`/recordatorio repasos estado:activado` los recupera" in off
    assert "estado:on" not in off
    assert "El repaso espaciado está activado" in await es.handle_line("/recordatorio repasos estado:activado")
    await de.handle_line("/start-learning role:backend-engineer")
    off = await de.handle_line("/erinnerung wiederholungen zustand:aus")
    assert "`/erinnerung wiederholungen zustand:An`" in off


# ---------------------------------------------------------------- /portfolio


async def test_portfolio_in_german_has_a_german_page(de: Console) -> None:
    await de.handle_line("/start-learning role:backend-engineer")
    empty = await de.handle_line("/portfolio")
    assert "Auf Backend Engineer ist noch nichts abgehakt, also wäre dein Portfolio leer." in empty
    await de.handle_line("/done item:Use git professionally proof:https://github.com/me/dotfiles")

    out = spaced(await de.handle_line("/portfolio"))
    assert "Dein Portfolio von Backend Engineer: 1 von 15 Punkten erledigt (7 %), begonnen am 27.11.2026." in out
    reply = de.last
    assert reply is not None
    markdown, html = (spaced(f.data.decode()) for f in reply.files)
    assert '<html lang="de">' in html
    page = read_page(html)
    assert page.texts("kicker") == ["Portfolio"]
    assert page.by_tag["dt"] == ["Lernende Person", "Begonnen", "Fortschritt", "Erstellt", "Daten"]
    assert page.texts("summary") == ["1 von 15 Punkten erledigt (7 %)"]
    assert page.texts("meta") == ["abgehakt am 27.11.2026 · Nachweis: https://github.com/me/dotfiles"]
    assert '<time datetime="2026-11-27">27.11.2026</time>' in html
    assert page.by_tag["footer"] == ["Erstellt mit Waymark."]
    assert "- Begonnen: 27.11.2026" in markdown
    assert "- Fortschritt: in Arbeit, 1 von 15 Punkten" in markdown
    assert "**1 von 15 Punkten erledigt (7 %).**" in markdown
    assert "- Use git professionally · abgehakt am 27.11.2026 · Nachweis: <https://github.com/me/dotfiles>" in markdown
    english = ("Learner", "Started", "Generated", "ticked", "proof:", "Made with", "items finished", 'lang="en"')
    assert_none_of(out + markdown + html, *english)


async def test_portfolio_in_spanish_has_a_spanish_page(es: Console) -> None:
    await es.handle_line("/start-learning role:backend-engineer")
    await es.handle_line("/done item:Use git professionally")
    shared = spaced(await es.handle_line("/portfolio share:true"))
    assert (
        "Portafolio de **learner** · Backend Engineer: 1 de 15 tareas terminadas (7 %), empezado el 27 nov 2026."
        in (shared)
    )
    reply = es.last
    assert reply is not None
    html = reply.files[1].data.decode()
    assert '<html lang="es">' in html
    assert read_page(html).by_tag["dt"] == ["Estudiante", "Empezado", "Progreso", "Generado", "Fechas"]
    assert "'s portfolio" not in shared


# ---------------------------------------------------------------- /stop-learning, no path


async def test_stop_learning_in_german_and_spanish(de: Console, es: Console) -> None:
    await de.handle_line("/start-learning role:backend-engineer")
    left = await de.handle_line("/stop-learning role:backend-engineer")
    assert "Du hast **Backend Engineer** verlassen. Dein Fortschritt bleibt erhalten: " in left
    nothing = await de.handle_line("/today")
    assert "❌ Du folgst noch keinem Lernpfad. Such dir einen mit " in nothing
    assert_none_of(left + nothing, "You've left", "Your progress is kept", "You aren't following")

    es.user = "ana"
    await es.handle_line("/start-learning role:backend-engineer")
    await es.handle_line("/done item:Use git professionally")
    ask = await es.handle_line("/stop-learning role:backend-engineer forget:true")
    assert "¿Dejar **Backend Engineer** y olvidar tu progreso en su lista de tareas? No se puede deshacer." in ask
    assert ask.rstrip().endswith("[Dejar y olvidar] [Cancelar]")
    forgotten = await es.handle_line("click Dejar y olvidar")
    assert "Hecho: has dejado **Backend Engineer** y se ha olvidado 1 tarea marcada." in forgotten
    assert_none_of(ask + forgotten, "Stop", "[Cancel]", "forgotten")


async def test_english_stays_as_it_was(services: Services) -> None:
    english = Console(services, "learner", NOW)
    start = await english.handle_line("/start-learning role:backend-engineer")
    assert "Where you are: Week 1 of 36 · Phase 1 (weeks 1-4)" in start
    assert "[Started 2026-11-27 · /progress to follow along · /help for more]" in start
    progress = await english.handle_line("/progress")
    assert f"Finish: {finish_date(NOW.date(), 36, 0).isoformat()}" in progress
    assert "Pace: on track" in progress
