"""The frame in German and Spanish: /help names commands and options as the reader's Discord does, errors,
stale buttons, paging and console chrome speak the console's language; English input still works."""

from __future__ import annotations

import pytest

from bot import commands as declared
from bot import components, i18n
from bot import console as console_module
from bot.console import Console
from bot.discord_io import DMS_CLOSED_NOTICE, dms_closed_notice
from bot.render import Button, Field, Reply, paginate, render_text
from bot.services import Caller, Services, UserError
from tests.console.conftest import NOW


@pytest.fixture
def german(services: Services) -> Console:
    return Console(services, "learner", NOW, locale="de")


@pytest.fixture
def spanish(services: Services) -> Console:
    return Console(services, "learner", NOW, locale="es")


# ---------------------------------------------------------------- /help


async def test_help_in_german_lists_commands_by_their_german_names_with_examples(german: Console) -> None:
    out = await german.handle_line("/hilfe")

    assert out.startswith("(nur für dich)\n\nWaymark · Lernpfade, eine Woche nach der anderen\n")
    assert "6 Lernpfade geladen. Fang mit `/rollen` an, dann `/lernen-starten`." in out
    assert "`/hilfe befehl:NAME` erklärt einen Befehl im Detail." in out
    assert "/lernen-starten rolle [tempo] [start]:\n  Einen Lernpfad starten oder fortsetzen.\n" in out
    assert "`/lernen-starten rolle:backend-engineer`" in out
    assert "`/thema-vertiefen thema:postgres`" in out
    assert "`/erledigt punkt:Use git professionally nachweis:https://github.com/you/project`" in out
    assert "/erinnerung an|aus|einstellen|pausieren|vorschau|wiederholungen:" in out
    assert "`/gruppe erstellen name:Backend Crew rolle:backend-engineer kanal:#study tag:Montag uhrzeit:18:00`" in out
    assert "`/hilfe befehl:heute`" in out
    for english in ("/start-learning", "/today", "role:", "paths loaded", "(only you)", "/remind"):
        assert english not in out, english


async def test_help_in_spanish_lists_commands_by_their_spanish_names_with_examples(spanish: Console) -> None:
    out = await spanish.handle_line("/ayuda")

    assert out.startswith("(solo tú)\n\nWaymark · rutas de aprendizaje, semana a semana\n")
    assert "6 rutas cargadas. Empieza con `/roles` y luego `/empezar-ruta`." in out
    assert "/empezar-ruta rol [ritmo] [inicio]:\n  Empieza una ruta de aprendizaje o retómala.\n" in out
    assert "`/empezar-ruta rol:backend-engineer`" in out
    assert "`/progreso compartir:true`" in out
    assert "/recordatorio activar|desactivar|configurar|pausar|vista-previa|repasos:" in out
    assert "`/ayuda comando:hoy`" in out
    for english in ("/start-learning", "/today", "role:", "paths loaded", "(only you)", "/remind"):
        assert english not in out, english


@pytest.mark.parametrize(
    "line", ["/hilfe befehl:heute", "/help command:today", "/hilfe befehl:/heute", "/hilfe befehl:HEUTE"]
)
async def test_help_finds_a_command_by_its_german_or_english_name(german: Console, line: str) -> None:
    out = await german.handle_line(line)

    assert out.startswith("(nur für dich)\n\n/heute\n======\n")
    assert "**Aufruf:** `/heute [rolle]`" in out
    assert "**Beispiel:** `/heute`" in out
    assert "• `rolle`: Der Lernpfad (Standard: dein neuester)" in out


async def test_help_explains_a_subcommand_with_its_choices_in_german(german: Console) -> None:
    out = await german.handle_line("/hilfe befehl:erinnerung einstellen")

    assert "**Aufruf:** `/erinnerung einstellen [tag] [uhrzeit] [zeitzone]`" in out
    assert "**Beispiel:** `/erinnerung einstellen tag:Freitag uhrzeit:18:00 zeitzone:Europe/Berlin`" in out
    assert "• `tag`: Wochentag (eins von Montag, Dienstag, Mittwoch, Donnerstag, Freitag, Samstag, Sonntag)" in out
    assert "Woche" not in declared.find_command("remind set").example  # declared English, whatever is served
    moderated = await german.handle_line("/hilfe befehl:inhalte neu-laden")
    assert "Nur für Moderatoren (Server verwalten oder die Moderator-Rolle)." in moderated
    assert "Die Antwort kommt per Direktnachricht." in await german.handle_line("/hilfe befehl:erinnerung vorschau")


async def test_help_in_spanish_finds_a_command_by_its_spanish_name(spanish: Console) -> None:
    out = await spanish.handle_line("/ayuda comando:hoy")

    assert "**Uso:** `/hoy [rol]`" in out
    mixed = await spanish.handle_line("/ayuda comando:recordatorio set")
    assert "**Ejemplo:** `/recordatorio configurar dia:viernes hora:18:00 zona-horaria:Europe/Berlin`" in mixed


async def test_a_german_example_runs_as_shown(german: Console) -> None:
    """The example names a weekday as Discord lists it in German; the console takes it as the choice's value."""
    out = await german.handle_line("/erinnerung einstellen tag:Freitag uhrzeit:18:00 zeitzone:Europe/Berlin")

    assert "❌" not in out
    assert "18:00" in out


async def test_help_for_a_group_in_german(german: Console) -> None:
    group = await german.handle_line("/hilfe befehl:erinnerung")
    assert "❌" not in group
    assert "Deine wöchentliche Erinnerung." in group
    assert "• `/erinnerung einstellen [tag] [uhrzeit] [zeitzone]`: " in group
    assert "`/hilfe befehl:erinnerung an` erklärt jeden davon ausführlich." in group


async def test_help_mistakes_in_german(german: Console) -> None:
    close = await german.handle_line("/hilfe befehl:fortschrit")
    assert "❌ Es gibt keinen Befehl 'fortschrit'. Meinst du `/fortschritt`?" in close
    english_typo = await german.handle_line("/hilfe befehl:progres")
    assert "Meinst du `/fortschritt`" in english_typo
    nothing = await german.handle_line("/hilfe befehl:zzzzzz")
    assert "❌ Es gibt keinen Befehl 'zzzzzz'. `/hilfe` listet alle auf." in nothing


def test_find_command_takes_a_name_in_any_language_the_bot_speaks() -> None:
    today = declared.find_command("today")
    assert declared.find_command("heute") is today
    assert declared.find_command("/hoy") is today
    assert declared.find_command("erinnerung einstellen") is declared.find_command("remind set")
    assert declared.find_command("recordatorio configurar") is declared.find_command("remind set")
    with pytest.raises(UserError, match=r"^/remind has subcommands: `/remind on`"):
        declared.find_command("erinnerung")  # an English reader is answered in English


def test_help_autocomplete_matches_localized_names_and_gives_the_declared_one() -> None:
    with i18n.using("de"):
        assert "today" in declared.command_names("heu")
        assert "remind set" in declared.command_names("einst")
    with i18n.using("es"):
        assert "start-learning" in declared.command_names("empezar")
    assert declared.command_names("heu") == []


def test_every_example_gives_options_its_command_has() -> None:
    for command in declared.COMMANDS:
        names = {o.name for o in command.options}
        assert set(command.sample) <= names, command.name
        assert command.example.startswith(f"/{command.name}"), command.name


# ---------------------------------------------------------------- mistakes and chrome


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("/frobnicate", "❌ Unbekannter Befehl '/frobnicate'. Probier /hilfe."),
        ("hallo", "❌ Unbekannte Eingabe 'hallo'. Befehle beginnen mit /, z. B. /hilfe; oder click"),
        ("/rollen ich", "❌ Dieser Befehl hat keine Optionen (bekommen: 'ich')."),
        ("/lernen-starten farbe:blau", "❌ Unbekannte Option 'farbe'; dieser Befehl nimmt rolle, tempo, start."),
        ("/lernen-starten", "❌ /lernen-starten braucht rolle:…."),
        ("/inhalte", "❌ /inhalte braucht eins von: neu-laden, status, prüfen."),
        ("/phase nummer:drei", "❌ nummer muss eine ganze Zahl sein, nicht 'drei'."),
        ("/phase nummer:100", "❌ nummer muss zwischen 0 und 99 liegen, nicht 100."),
        ("/fortschritt teilen:vielleicht", "❌ teilen muss true oder false sein, nicht 'vielleicht'."),
        (":user", "❌ Sag, wer: `:user NAME`."),
        (":tick bald", "❌ Sag, wie lange, z. B. `:tick 7d`"),
        ("click Weiter", "❌ Die letzte Antwort hat keine Buttons oder Menüs."),
    ],
)
async def test_an_unknown_command_and_other_mistakes_in_german(german: Console, line: str, message: str) -> None:
    out = await german.handle_line(line)

    assert out.startswith("(nur für dich)\n\n❌ ")
    assert message in out


async def test_console_chrome_in_german(german: Console) -> None:
    assert await german.handle_line(":user bob") == "(du bist jetzt bob)"
    assert await german.handle_line(":tick 1h") == "(jetzt ist es 2026-11-27T11:00:00+00:00)"


async def test_console_unknown_command_in_spanish(spanish: Console) -> None:
    out = await spanish.handle_line("/frobnicate")
    assert "❌ Comando desconocido '/frobnicate'. Prueba /ayuda." in out


async def test_the_stale_button_message_in_german(german: Console, services: Services) -> None:
    german.last = Reply(rows=((Button("Alt", custom_id="wm:gone:1"),),))

    out = await german.handle_line("click Alt")

    assert out == (
        "(nur für dich)\n\n❌ Dieser Button stammt aus einer älteren Version des Bots. Führ den Befehl noch mal aus."
    )
    caller = Caller(1, "ann", NOW, locale="de")
    with i18n.using("es"), pytest.raises(UserError, match=r"^Este botón es de una versión anterior del bot"):
        await components.handle(services, caller, "wm:cl:backend-engineer:notanumber", ())
    with i18n.using("de"), pytest.raises(UserError, match=r"^Dieser Button gehört nicht zu Waymark"):
        await components.handle(services, caller, "other:thing", ())


async def test_click_takes_the_english_label_in_a_german_console(german: Console, monkeypatch) -> None:
    """A German console shows German labels; typing the English one still presses the button."""
    german_labels = {"Checklist": "Checkliste"}
    original = i18n.translate_in
    monkeypatch.setattr(
        console_module.i18n,
        "translate_in",
        lambda locale, message, context=None: german_labels.get(message) or original(locale, message, context),
    )
    await german.handle_line("/lernen-starten rolle:backend-engineer")
    german.last = Reply(rows=((Button("Checkliste", custom_id=components.CHECKLIST.id("backend-engineer", 0)),),))

    out = await german.handle_line("click checklist")

    assert "❌" not in out
    assert "Use git professionally" in out


def test_the_closed_dms_notice_names_the_command_as_the_reader_sees_it() -> None:
    assert dms_closed_notice() == DMS_CLOSED_NOTICE
    with i18n.using("de"):
        german = dms_closed_notice()
    assert german.startswith("📭 Ich konnte dir deine wöchentliche Erinnerung nicht per DM schicken")
    assert "nutze dann `/erinnerung an`." in german


def test_paging_and_text_rendering_in_spanish() -> None:
    fields = [Field(f"Campo {n}", "x" * 900) for n in range(30)]
    with i18n.using("es"):
        cards = paginate("Lista", fields=fields)
        shown = render_text(Reply(content="hola", cards=(cards[0],), ephemeral=True))
        disabled = render_text(Reply(rows=((Button("Anterior", custom_id="wm:x", disabled=True),),)))
    assert cards[0].footer == f"Página 1/{len(cards)}"
    assert shown.startswith("(solo tú)\n\nhola\n")
    assert disabled == "[Anterior (desactivado)]"
