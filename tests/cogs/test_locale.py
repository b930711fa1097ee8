"""Each interaction is answered in its user's Discord language, and Discord gets every name and description
in German and Spanish (`bot.discord_io.Translator`), as a member of a simulated server sees them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import discord
import pytest
import simcord.interactions

from bot.discord_io import Translator
from tests.cogs.helpers import BACKEND, assert_error, embed, text

DISCORD_NAME = re.compile(r"^[-_\w]{1,32}$")
"""Discord's rule for a command, option or group name in any language (`^[-_\\p{L}\\p{N}]{1,32}$`, lowercase)."""
SPANISH = ("es-ES", "es-419")


@pytest.fixture
def speaks(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Set the Discord language every following interaction arrives with (SimCord sends `en-US`)."""
    language = {"locale": "en-US"}
    build = simcord.interactions.base_payload

    def base_payload(*args, **kwargs):
        record, payload = build(*args, **kwargs)
        payload["locale"] = language["locale"]
        return record, payload

    monkeypatch.setattr(simcord.interactions, "base_payload", base_payload)
    return lambda locale: language.update(locale=locale)


# --------------------------------------------------------------------------- replies


async def test_a_german_user_gets_help_in_german(channel, alice, speaks):
    speaks("de")

    result = await alice.slash(channel, "help")

    assert result.ephemeral
    card = embed(result)
    assert card.title == "Waymark · Lernpfade, eine Woche nach der anderen"
    assert "6 Lernpfade geladen. Fang mit `/rollen` an, dann `/lernen-starten`." in card.description
    names = [f.name for f in card.fields]
    assert "/lernen-starten rolle [tempo] [start]" in names
    assert "`/lernen-starten rolle:backend-engineer`" in text(result)
    assert not any("/start-learning" in name for name in names)


@pytest.mark.parametrize("locale", SPANISH)
async def test_a_spanish_user_gets_help_in_spanish(channel, alice, speaks, locale):
    speaks(locale)

    result = await alice.slash(channel, "help")

    assert embed(result).title == "Waymark · rutas de aprendizaje, semana a semana"
    assert "/empezar-ruta rol [ritmo] [inicio]" in [f.name for f in embed(result).fields]


async def test_a_language_the_bot_does_not_speak_gets_english(channel, alice, speaks):
    speaks("fr")

    result = await alice.slash(channel, "help")

    assert embed(result).title == "Waymark · learning paths, one week at a time"
    assert "/start-learning role [pace] [start]" in [f.name for f in embed(result).fields]


async def test_languages_do_not_leak_between_users(channel, alice, bob, speaks):
    speaks("de")
    german = await alice.slash(channel, "help", command="today")
    speaks("en-GB")
    english = await bob.slash(channel, "help", command="today")

    assert embed(german).title == "/heute"
    assert embed(english).title == "/today"


async def test_help_finds_a_command_by_its_german_name(channel, alice, speaks):
    speaks("de")

    result = await alice.slash(channel, "help", command="heute")

    assert embed(result).title == "/heute"
    assert "**Aufruf:** `/heute [rolle]`" in embed(result).description


async def test_the_help_autocomplete_offers_german_names(channel, alice, speaks):
    speaks("de")

    choices = await alice.autocomplete(channel, "help", "command", "heu")

    assert {"name": "/heute", "value": "today"} in choices


async def test_the_pace_autocomplete_counts_months_in_spanish(channel, alice, speaks):
    speaks("es-ES")

    choices = await alice.autocomplete(channel, "start-learning", "pace", "", role=BACKEND)

    assert [c["value"] for c in choices] == ["complete_beginner", "programming_background", "full_time_accelerated"]
    assert choices[0]["name"].endswith(" (9-12 meses)")


async def test_an_unknown_command_is_answered_in_german(channel, alice, speaks):
    speaks("de")

    result = await alice.slash(channel, "help", command="frobnicate")

    assert_error(result, "Es gibt keinen Befehl 'frobnicate'. `/hilfe` listet alle auf.")


async def test_the_stale_button_message_in_german(simcord_env, channel, alice, speaks):
    view = discord.ui.View(timeout=None)
    view.add_item(discord.ui.Button(label="Alt", custom_id="wm:gone:1"))
    await simcord_env.bot.get_channel(channel.id).send("A message of an older version", view=view)
    await simcord_env.settle()
    speaks("de")

    result = await alice.click(channel.history()[-1], label="Alt")

    assert_error(result, "Dieser Button stammt aus einer älteren Version des Bots. Führ den Befehl noch mal aus.")


async def test_a_cooldown_is_explained_in_spanish(channel, alice, speaks):
    speaks("es-419")
    await alice.slash(channel, "start-learning", role=BACKEND)
    for _ in range(5):
        await alice.slash(channel, "skill-deep-dive", topic="postgres")

    result = await alice.slash(channel, "skill-deep-dive", topic="postgres")

    assert_error(result, "Más despacio: vuelve a intentarlo en")


# --------------------------------------------------------------------------- what Discord is given


async def _payloads(bot) -> list[dict]:
    return [await c.get_translated_payload(bot.tree, Translator()) for c in bot.tree.get_commands()]


def _named(payloads: list[dict]) -> list[dict]:
    """Every command, group, subcommand and option in the payloads, each once."""
    found = []

    def walk(node: dict) -> None:
        found.append(node)
        for option in node.get("options") or ():
            walk(option)

    for payload in payloads:
        walk(payload)
    return found


def _by_name(payloads: list[dict]) -> dict[str, dict]:
    return {p["name"]: p for p in payloads}


async def test_discord_gets_command_names_and_descriptions_in_german_and_spanish(simcord_env):
    commands = _by_name(await _payloads(simcord_env.bot))

    start = commands["start-learning"]
    assert start["name_localizations"]["de"] == "lernen-starten"
    assert {start["name_localizations"][locale] for locale in SPANISH} == {"empezar-ruta"}
    assert start["description_localizations"]["de"] == "Einen Lernpfad starten oder fortsetzen"
    assert start["description_localizations"]["es-ES"] == "Empieza una ruta de aprendizaje o retómala"
    assert "fr" not in start["name_localizations"]
    assert "en-US" not in start["name_localizations"]  # English is the declared name itself
    role = _by_name(start["options"])["role"]
    assert role["name_localizations"]["de"] == "rolle"
    assert role["name_localizations"]["es-419"] == "rol"
    assert role["description_localizations"]["de"] == "Der Lernpfad, dem du folgen willst"

    remind = commands["remind"]
    assert remind["name_localizations"]["de"] == "erinnerung"
    set_ = _by_name(remind["options"])["set"]
    assert set_["name_localizations"] == {"de": "einstellen", "es-419": "configurar", "es-ES": "configurar"}
    day = _by_name(set_["options"])["day"]
    assert day["name_localizations"]["es-ES"] == "dia"
    friday = next(c for c in day["choices"] if c["value"] == "friday")
    assert friday["name_localizations"]["de"] == "Freitag"
    assert friday["name_localizations"]["es-419"] == "viernes"
    reviews = _by_name(remind["options"])["reviews"]
    state = _by_name(reviews["options"])["state"]
    assert {c["value"]: c["name_localizations"]["de"] for c in state["choices"]} == {"on": "An", "off": "Aus"}


async def test_every_localized_name_is_one_discord_takes(simcord_env):
    for node in _named(await _payloads(simcord_env.bot)):
        for locale in ("de", *SPANISH):
            name = node.get("name_localizations", {}).get(locale, node["name"])
            assert DISCORD_NAME.match(name) and name == name.lower(), (node["name"], locale, name)
            description = node.get("description_localizations", {}).get(locale, node.get("description", ""))
            assert 1 <= len(description) <= 100, (node["name"], locale, description)


async def test_no_two_siblings_share_a_name_in_any_language(simcord_env):
    payloads = await _payloads(simcord_env.bot)
    levels = (
        [payloads]
        + [[o for o in node.get("options") or () if o.get("type") in (1, 2)] for node in _named(payloads)]
        + [[o for o in node.get("options") or () if o.get("type") not in (1, 2)] for node in _named(payloads)]
    )
    for siblings in levels:
        for locale in ("en-US", "de", *SPANISH):
            names = Counter(s.get("name_localizations", {}).get(locale, s["name"]) for s in siblings)
            assert all(n == 1 for n in names.values()), (locale, names)


async def test_every_declared_name_is_translated_for_discord(simcord_env):
    """Each description and each choice has a German and a Spanish text."""
    for node in _named(await _payloads(simcord_env.bot)):
        for locale in ("de", *SPANISH):
            assert locale in node["description_localizations"], (node["name"], locale)
            for choice in node.get("choices") or ():
                assert locale in choice["name_localizations"], (node["name"], choice["value"], locale)


async def test_the_sync_hash_covers_the_localizations(simcord_env, monkeypatch):
    bot = simcord_env.bot
    payload = _by_name(await bot.command_payload(None))
    assert payload["today"]["name_localizations"]["de"] == "heute"

    from bot import i18n

    monkeypatch.setattr(i18n, "translate_in", lambda locale, message, context=None: None)
    untranslated = _by_name(await bot.command_payload(None))
    assert untranslated["today"]["name_localizations"] == {}
