"""The learner's language: translated text, and dates and numbers written as that language writes them.

Every string a user reads is written in English in the code, wrapped where it is used::

    _("Week {week} of {total}", week=3, total=36)
    _n("{n} item left", "{n} items left", count)
    _p("command", "today")          # a word with a context: the command's name, not the day

and translated from gettext catalogs, `bot/locales/<lang>/LC_MESSAGES/*.po`, into the language of the
request being served (`using`, a context variable: each Discord interaction and each reminder runs in its
own). English is the code's own text and loads nothing. A catalog is compiled when its language is first
used (Babel reads the `.po`, the standard library's `gettext` answers from it); a string it lacks falls back
to English. `N_` only marks text that is translated later (module constants, declarations).

`waymark i18n extract` writes the template `bot/locales/waymark.pot` and `waymark i18n update` merges it
into each language's catalog (see `bot.i18n_tools`); `tests/i18n` fails when a catalog misses a string
the code uses.
"""

from __future__ import annotations

import gettext
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import cache
from pathlib import Path

LOCALES_DIR = Path(__file__).with_name("locales")
DOMAIN = "waymark"
DEFAULT = "en"

_current: ContextVar[str] = ContextVar("waymark_locale", default=DEFAULT)

DISCORD_NAME = re.compile(r"^[-_\w]{1,32}$")
"""What Discord takes as a command, option or group name in any language (and lowercase, no spaces)."""
NAME_CONTEXTS = ("command", "option")
"""The catalog contexts whose texts are names Discord shows: a name that breaks its rule stays English."""


@cache
def available() -> tuple[str, ...]:
    """Return the languages the bot speaks: English and each folder of catalogs in `bot/locales`."""
    found = sorted(p.parent.parent.name for p in LOCALES_DIR.glob("*/LC_MESSAGES/*.po"))
    return (DEFAULT, *dict.fromkeys(found))


def language_of(tag: str | None) -> str:
    """Return the language part of a locale tag: `es` for `es-419` or `es_ES`; "" for none."""
    return str(tag or "").replace("_", "-").split("-", 1)[0].casefold()


def normalize(tag: str | None) -> str:
    """Return the language the bot speaks closest to a locale tag (`de`, `es-ES`, `es-419`, `en-US`), else English."""
    base = language_of(tag)
    return base if base in available() else DEFAULT


def current() -> str:
    """Return the language of the request being served."""
    return _current.get()


@contextmanager
def using(locale: str | None) -> Iterator[str]:
    """Serve what runs inside in `locale` (normalised; English when the bot does not speak it)."""
    token = _current.set(normalize(locale))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def set_locale(locale: str | None) -> str:
    """Serve the rest of this task (or the console's session) in `locale`; return the language chosen."""
    _current.set(normalize(locale))
    return _current.get()


@cache
def catalog(locale: str) -> gettext.NullTranslations:
    """Return the compiled catalogs of one language (all its `.po` files); English has none."""
    if locale == DEFAULT:
        return gettext.NullTranslations()
    # Babel is imported only when a language other than English is used: English starts faster.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    merged: gettext.NullTranslations | None = None
    for path in sorted((LOCALES_DIR / locale / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as po:
            parsed = read_po(po, locale=locale.replace("-", "_"), domain=DOMAIN)
        for message in list(parsed):
            if message.fuzzy and message.id:
                parsed.delete(message.id, context=message.context)  # a fuzzy guess is not a translation
        compiled = io.BytesIO()
        write_mo(compiled, parsed)
        compiled.seek(0)
        translations = gettext.GNUTranslations(compiled)
        if merged is None:
            merged = translations
        else:
            merged.add_fallback(translations)
    return merged or gettext.NullTranslations()


def _fill(text: str, fields: dict[str, object]) -> str:
    return text.format(**fields) if fields else text


def _(message: str, /, **fields: object) -> str:
    """Return `message` in the current language, its `{name}` fields filled from `fields`."""
    return _fill(catalog(_current.get()).gettext(message), fields)


def _n(one: str, many: str, n: int, /, **fields: object) -> str:
    """Return the form of a counted message that goes with `n` ({n} is filled in, as `number(n)`)."""
    return _fill(catalog(_current.get()).ngettext(one, many, n), {"n": number(n), **fields})


def _p(context: str, message: str, /, **fields: object) -> str:
    """Return `message` as used in `context` ("command", "weekday", ...), in the current language."""
    return _fill(catalog(_current.get()).pgettext(context, message), fields)


def N_(message: str, /) -> str:  # noqa: N802 (gettext's own name for it)
    """Mark `message` for the catalogs without translating it: it is translated where it is shown."""
    return message


def command_text(name: str, /, **options: object) -> str:
    """Return a command as the user's Discord shows it: `/today` is `/heute` in German, options named alike.

    `command_text("start-learning", role="backend-engineer")` is "/lernen-starten rolle:backend-engineer".
    """
    found = catalog(_current.get())
    words = [_name(found, "command", word) for word in name.split(" ")]
    words += [f"{_name(found, 'option', key)}:{value}" for key, value in options.items()]
    return "/" + " ".join(words)


def _name(found: gettext.NullTranslations, context: str, name: str) -> str:
    """Return a command's or option's name from a catalog; English where the catalog's breaks Discord's rule."""
    text = found.pgettext(context, name)
    return text if text == text.lower() and DISCORD_NAME.match(text) else name


def choice_text(value: str) -> str:
    """Return a choice's value as the reader gives it: `off` in English, the choice as Discord lists it elsewhere
    (`desactivado` in Spanish): Discord filters a choice by the name it shows, not by its value."""
    locale = _current.get()
    if locale == DEFAULT:
        return value
    return translate_in(locale, value.title(), "choice") or value.title()


def cmd(name: str, /, **options: object) -> str:
    """Return `command_text` in backticks, as replies mention a command: "Pick one with `/start-learning`"."""
    return f"`{command_text(name, **options)}`"


def translate_in(locale: str, message: str, context: str | None = None) -> str | None:
    """Return `message` in `locale` when its catalog translates it, else None (for Discord's localizations)."""
    found = catalog(normalize(locale))
    if context in NAME_CONTEXTS:
        text = _name(found, context, message)  # Discord refuses a whole sync for one bad name
    else:
        text = found.pgettext(context, message) if context is not None else found.gettext(message)
    return None if text == message else text


def format_date(day: date) -> str:
    """Return a date as the current language writes it: `2027-08-05`, `05.08.2027`, `5 ago 2027`."""
    locale = _current.get()
    if locale == DEFAULT:
        return day.isoformat()  # unambiguous for every English reader, and what the bot has always shown
    from babel.dates import format_date as babel_date

    return babel_date(day, format="medium", locale=locale)


def number(n: float) -> str:
    """Return a number as the current language writes it (`1,234` / `1.234`)."""
    locale = _current.get()
    if locale == DEFAULT:
        return f"{n:,}"
    from babel.numbers import format_decimal

    return format_decimal(n, locale=locale)


def percent(fraction: float) -> str:
    """Return a fraction (0.4) as a whole percentage the way the current language writes it (`40%`, `40 %`)."""
    locale = _current.get()
    if locale == DEFAULT:
        return f"{round(fraction * 100)}%"
    from babel.numbers import format_percent

    return format_percent(fraction, locale=locale)
