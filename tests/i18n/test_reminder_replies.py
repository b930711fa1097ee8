"""Reminders, study groups and the moderators' /content commands answer in the reader's language.

A learner's weekly reminder and a group's post are composed in the language that is active when they are
built (`i18n.using`); the console's `locale` serves its commands in German or Spanish. Titles, topics and
items come from the role files as written, and text another part of the bot words (`bot.present`) is not
asserted here.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from bot import i18n
from bot.console import Console
from bot.handlers.reminders import parse_day, schedule_text
from bot.reminders.compose import compose_group, compose_user
from bot.render import render_text
from bot.services import Services
from tests.reminders.conftest import ANN, BOB, group, learner, weeks
from tests.reminders.test_group_posts import name, show, tick

FIRST = datetime(2026, 11, 30, 9, tzinfo=UTC)  # the first Monday after NOW (Friday 2026-11-27)
WEEK_5 = FIRST + weeks(4) + timedelta(minutes=5)


def absent(english: tuple[str, ...], shown: str) -> list[str]:
    """Return the English phrases that still show."""
    return [phrase for phrase in english if phrase in shown]


# --------------------------------------------------------------------------- a learner's weekly reminder

REMINDER_EN = (
    "This comes late",
    "Behind by",
    "checklist items ticked",
    "of the plan's",
    "moves your plan back a week",
    "switches to",
    "weeks in all",
    "Progress:",
    "Finish:",
    "Streak:",
    "Weekly reminder ·",
    "to change the day and time",
    "tick what you've done",
)
REMINDER_BUTTONS_EN = ("Snooze a day", "I'm behind", "Pause a week", "I worked on this")
REMINDER = {
    "de": (
        (
            "*Diese Nachricht kommt spät: Ich war offline und habe 2 wöchentliche Erinnerungen verpasst.",
            "⏳ **2 Wochen im Rückstand**: 0 von 15 Punkten der Checkliste abgehakt, 4 von 36 Wochen des Plans "
            "vorbei. **Ich hänge hinterher** schiebt deinen Plan eine Woche zurück; **Langsameres Tempo** wechselt "
            "zu ",
            "(46 Wochen insgesamt).",
            "Fortschritt: ▱▱▱▱▱▱▱▱▱▱ 0/15",
            "Ende (voraussichtlich): 05.08.2027",
            "Serie: ",
            "[Wöchentliche Erinnerung · ",
            "Backend Engineer: hak ab, was du erledigt hast",
        ),
        ["Einen Tag verschieben", "Ich hänge hinterher", "Eine Woche pausieren", "Ich habe daran gearbeitet"],
        "Langsameres Tempo: ",
    ),
    "es": (
        (
            "*Esto llega tarde: estuve desconectado y me perdí 2 recordatorios semanales.",
            "⏳ **2 semanas de retraso**: 0 de 15 tareas de la lista marcadas, 4 de 36 semanas del plan "
            "pasadas. **Voy con retraso** retrasa tu plan una semana; **Ritmo más lento** cambia a ",
            "(46 semanas en total).",
            "Progreso: ▱▱▱▱▱▱▱▱▱▱ 0/15",
            "Fin (previsto): 5 ago 2027",
            "Racha: ",
            "[Recordatorio semanal · ",
            "Backend Engineer: marca lo que hayas hecho",
        ),
        ["Posponer un día", "Voy con retraso", "Pausar una semana", "He trabajado en esto"],
        "Ritmo más lento: ",
    ),
}


@pytest.mark.parametrize("locale", ["de", "es"])
async def test_a_weekly_reminder_far_behind_is_in_the_reader_language(services: Services, locale: str) -> None:
    await learner(services)  # nothing ticked: two weeks behind in week 5, so it nudges
    phrases, buttons, slower = REMINDER[locale]
    with i18n.using(locale):
        composed = await compose_user(services, ANN, WEEK_5, missed=2)
    assert composed.reply is not None
    shown = render_text(composed.reply)
    for phrase in phrases:
        assert phrase in shown, phrase
    labels = [b.label for b in composed.reply.buttons]
    assert [label for label in labels if not label.startswith(slower)] == buttons
    assert any(label.startswith(slower) for label in labels)
    assert absent(REMINDER_EN, shown) == []
    assert not set(REMINDER_BUTTONS_EN) & set(labels)


async def test_the_english_reminder_is_unchanged(services: Services) -> None:
    await learner(services)
    composed = await compose_user(services, ANN, WEEK_5, missed=2)
    assert composed.reply is not None
    shown = render_text(composed.reply)
    assert (
        "⏳ **Behind by 2 weeks**: 0 of 15 checklist items ticked, 4 of the plan's 36 weeks over. **I'm behind** "
        "moves your plan back a week; **Slower pace** switches to complete beginner (46 weeks in all)."
    ) in shown
    assert "Finish: 2027-08-05 · " in shown
    assert "[Weekly reminder · /remind set to change the day and time · /remind off to stop]" in shown


# --------------------------------------------------------------------------- a study group's post

GROUP_EN = (
    "Since ",
    "members ticked",
    "who keeps their progress hidden",
    "Board · the past week",
    "-week streak",
    "ticked all of this week's items",
    "Study group ·",
    "for everyone's progress",
    "to take part",
)
GROUP = {
    "de": (
        "Seit 30.11.2026:",
        "2 Mitglieder haben 2 Punkte abgehakt.",
        "**ann**: Use git professionally",  # who ticked what: the item as the role file words it
        "1 Mitglied, das seinen Fortschritt verbirgt: 1 Punkt",
        "Rangliste · vergangene Woche:",
        "1. **ann** · 1 Punkt · Serie von 1 Woche",
        "0 von 2 Mitgliedern haben alle Punkte dieser Woche abgehakt",
        "[Lerngruppe · ",
        " für den Fortschritt aller · ",
        " zum Mitmachen]",
    ),
    "es": (
        "Desde el 30 nov 2026:",
        "2 miembros marcaron 2 tareas.",
        "**ann**: Use git professionally",
        "1 miembro que oculta su progreso: 1 tarea",
        "Clasificación · la última semana:",
        "1. **ann** · 1 tarea · racha de 1 semana",
        "0 de 2 miembros marcaron todas las tareas de esta semana",
        "[Grupo de estudio · ",
        " para ver el progreso de todos · ",
        " para participar]",
    ),
}
MY_CHECKLIST = {"de": "Meine Checkliste", "es": "Mi lista de tareas"}


@pytest.mark.parametrize("locale", ["de", "es"])
async def test_a_group_post_is_in_the_reader_language(services: Services, locale: str) -> None:
    group_id = await group(services, members=(ANN, BOB))
    await name(services, ANN, "ann")
    await show(services, ANN)  # Bob keeps his progress hidden: counted, never named
    await tick(services, ANN, "Use git professionally", FIRST + timedelta(days=1))
    await tick(services, BOB, "Build basic API endpoints", FIRST + timedelta(days=1))
    found = await services.store.get_group(group_id)
    assert found is not None
    with i18n.using(locale):
        composed = await compose_group(services, found, FIRST + weeks(1))
    assert composed.reply is not None
    shown = render_text(composed.reply)
    for phrase in GROUP[locale]:
        assert phrase in shown, phrase
    assert MY_CHECKLIST[locale] in [b.label for b in composed.reply.buttons]
    assert absent(GROUP_EN, shown) == []
    assert "My checklist" not in [b.label for b in composed.reply.buttons]


async def test_a_late_group_post_says_so_in_german(services: Services) -> None:
    group_id = await group(services, members=(ANN,))
    found = await services.store.get_group(group_id)
    assert found is not None
    with i18n.using("de"):
        composed = await compose_group(services, found, FIRST + weeks(3), missed=2)
    assert composed.reply is not None
    shown = render_text(composed.reply)
    assert "Ich war offline und habe 2 wöchentliche Beiträge verpasst" in shown
    assert "Hier steht die Gruppe jetzt." in shown
    assert "weekly posts" not in shown


# --------------------------------------------------------------------------- commands, through the console


async def test_remind_set_answers_in_german_with_the_german_weekday(de: Console) -> None:
    await de.handle_line("/start-learning role:backend-engineer")
    shown = await de.handle_line("/remind set day:monday time:09:00 timezone:Europe/Berlin")
    assert "Erinnerungen: montags um 09:00 (Europe/Berlin)." in shown
    assert "Die nächste: Montag, 30.11.2026 um 09:00 (Europe/Berlin)." in shown
    assert absent(("Reminders:", "Mondays", "Monday", "Next one", " at 09:00"), shown) == []


async def test_remind_takes_a_day_named_in_the_reader_language(de: Console, es: Console) -> None:
    await de.handle_line("/start-learning role:backend-engineer")
    assert "dienstags um 18:30" in await de.handle_line("/remind set day:Dienstag time:18:30")
    # The same learner in Spanish, typing without the accent: the day changes, the time stays.
    assert "los miércoles a las 18:30" in await es.handle_line("/remind set day:miercoles")
    shown = await de.handle_line("/remind set day:someday")
    assert "'someday' ist kein Wochentag." in shown
    assert "is not a day" not in shown


async def test_remind_set_answers_in_spanish(es: Console) -> None:
    await es.handle_line("/start-learning role:backend-engineer")
    shown = await es.handle_line("/remind set day:monday time:09:00 timezone:Europe/Berlin")
    assert "Recordatorios: los lunes a las 09:00 (Europe/Berlin)." in shown
    assert "La próxima: lunes 30 nov 2026 a las 09:00 (Europe/Berlin)." in shown
    assert absent(("Reminders:", "Mondays", "Next one"), shown) == []


async def test_remind_off_and_pause_answer_in_german_with_german_dates(de: Console) -> None:
    await de.handle_line("/start-learning role:backend-engineer")
    paused = await de.handle_line("/remind pause until:2027-01-10")
    assert "Erinnerungen pausiert bis 10.01.2027. Die nächste: Montag, 11.01.2027 um 09:00 (UTC)." in paused
    off = await de.handle_line("/remind off")
    assert "Die wöchentlichen Erinnerungen sind aus." in off
    assert absent(("paused until", "2027-01-10", "Weekly reminders are off"), paused + off) == []


async def test_group_create_join_and_board_answer_in_german(de: Console) -> None:
    created = await de.handle_line("/group create name:Crew role:backend-engineer channel:#study")
    assert "Die Lerngruppe **Crew** folgt Backend Engineer. Wöchentliche Beiträge: montags um 09:00 (UTC) in <#" in (
        created
    )
    assert "Mitglieder treten mit " in created
    joined = await de.handle_line("/group join name:Crew")
    assert "Du bist **Crew** beigetreten. Du folgst jetzt auch **Backend Engineer**: " in joined
    assert "**Darf die Gruppe deinen Fortschritt sehen?**" in joined
    assert "[Meinen Fortschritt der Gruppe zeigen] [Verborgen lassen]" in joined
    board = await de.handle_line("/group board")
    assert "Crew · Backend Engineer · Woche 1 von 36" in board
    assert "Dieser Abschnitt: " in board
    assert "[Wöchentlicher Beitrag: montags um 09:00 (UTC)]" in board
    english = (
        "Study group",
        "Weekly posts",
        "Members join",
        "You joined",
        "You're now following",
        "May the group see",
        "Show my progress",
        "Keep it hidden",
        "This stretch",
        "Weekly post:",
        "week 1 of 36",
        "Mondays",
    )
    assert absent(english, created + joined + board) == []


async def test_group_replies_answer_in_spanish(es: Console) -> None:
    await es.handle_line("/group create name:Crew role:backend-engineer channel:#study day:friday time:18:00")
    joined = await es.handle_line("/group join name:Crew")
    assert "Te uniste a **Crew**." in joined
    board = await es.handle_line("/group board")
    assert "Este tramo: " in board
    assert "[Publicación semanal: los viernes a las 18:00 (UTC)]" in board
    deleted = await es.handle_line("/group delete name:Crew")
    assert "¿Borrar el grupo de estudio **Crew** (1 miembro)?" in deleted
    assert "[Borrar el grupo]" in deleted
    assert absent(("You joined", "This stretch", "Weekly post:", "Delete the"), joined + board + deleted) == []


async def test_content_status_and_validate_answer_in_german(de: Console) -> None:
    status = await de.handle_line("/content status")
    for phrase in ("Status der Inhalte", "Ordner `", "Rollen:", "Sucheinträge: ", "Geladen: "):
        assert phrase in status, phrase
    validated = await de.handle_line("/content validate")
    assert "Inhaltsprüfung" in validated
    assert "Ein Neuladen würde 6 Rollen laden." in validated
    assert "Änderungen: Keine Rollen, Phasen oder Punkte der Checkliste ändern sich." in validated
    english = ("Content status", "Folder", "Roles:", "Search entries", "Loaded:", "Content check", "reload would")
    assert absent(english, status + validated) == []


async def test_content_reload_answers_in_spanish(es: Console) -> None:
    shown = await es.handle_line("/content reload")
    assert "Contenido recargado" in shown
    assert "Recargado: 6 roles están activos. No se borró ningún progreso." in shown
    assert absent(("Content reloaded", "Reloaded:", "are live"), shown) == []


# --------------------------------------------------------------------------- days and schedules


def test_a_day_is_read_in_english_and_in_the_reader_language() -> None:
    assert parse_day("wed") == 2
    with i18n.using("de"):
        assert (parse_day("Sonntag"), parse_day("mittwoch"), parse_day("friday")) == (6, 2, 4)
    with i18n.using("es"):
        assert (parse_day("miércoles"), parse_day("Sábado"), parse_day("sab")) == (2, 5, 5)


def test_a_schedule_names_the_weekday_as_each_language_does() -> None:
    at = time(18, 30)
    assert schedule_text(0, at, "Europe/Berlin") == "Mondays at 18:30 (Europe/Berlin)"
    with i18n.using("de"):
        assert schedule_text(6, at, "UTC") == "sonntags um 18:30 (UTC)"
    with i18n.using("es"):
        assert schedule_text(2, at, "UTC") == "los miércoles a las 18:30 (UTC)"
