"""Which language a request is served in, and how dates and numbers are written in it."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest

from bot import i18n


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("de", "de"), ("de-DE", "de"), ("es-ES", "es"), ("es-419", "es"), ("en-US", "en"), ("fr", "en"), (None, "en")],
)
def test_a_discord_locale_picks_the_language_the_bot_speaks(tag, expected):
    assert i18n.normalize(tag) == expected


def test_english_is_the_code_own_text_and_a_missing_string_falls_back_to_it():
    assert i18n._("No such text in any catalog {x}", x=1) == "No such text in any catalog 1"
    with i18n.using("de"):
        assert i18n._("No such text in any catalog {x}", x=1) == "No such text in any catalog 1"


async def test_each_task_keeps_its_own_language():
    seen = {}

    async def serve(name, locale):
        i18n.set_locale(locale)
        await asyncio.sleep(0)
        seen[name] = i18n.current()

    await asyncio.gather(asyncio.create_task(serve("a", "de")), asyncio.create_task(serve("b", "es-ES")))
    assert seen == {"a": "de", "b": "es"}
    assert i18n.current() == "en"


def test_dates_and_numbers_are_written_as_each_language_writes_them():
    day = date(2027, 8, 5)
    assert i18n.format_date(day) == "2027-08-05"
    assert i18n.percent(0.4) == "40%"
    with i18n.using("de"):
        assert i18n.format_date(day) == "05.08.2027"
        assert i18n.number(12345) == "12.345"
        assert i18n.percent(0.4).replace("\xa0", " ") == "40 %"
    with i18n.using("es"):
        assert i18n.format_date(day) == "5 ago 2027"
        assert i18n.percent(0.4).replace("\xa0", " ") == "40 %"


def test_a_catalog_name_discord_would_refuse_stays_english(tmp_path, monkeypatch):
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "waymark.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n\n'
        'msgctxt "command"\nmsgid "today"\nmsgstr "Aujourd hui"\n\n'
        'msgctxt "command"\nmsgid "help"\nmsgstr "aide"\n\n'
        'msgctxt "option"\nmsgid "role"\nmsgstr "rôle"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "LOCALES_DIR", tmp_path)
    i18n.available.cache_clear()
    i18n.catalog.cache_clear()
    try:
        assert i18n.translate_in("fr", "today", "command") is None  # a space and capitals: Discord refuses it
        assert i18n.translate_in("fr", "help", "command") == "aide"
        with i18n.using("fr"):
            assert i18n.command_text("today", role="backend-engineer") == "/today rôle:backend-engineer"
            assert i18n.command_text("help") == "/aide"
    finally:
        i18n.available.cache_clear()
        i18n.catalog.cache_clear()
