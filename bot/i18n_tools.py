"""Keep the catalogs in step with the code: extract every translatable string, merge, and check.

    waymark i18n extract     # write bot/locales/waymark.pot: every string the code marks, and every
                             # command, option and choice name and description declared in bot.commands
    waymark i18n update      # merge the template into each language's catalog (new strings untranslated)
    waymark i18n check       # list what a catalog misses or gets wrong; exit 1 if anything

Strings are found by Babel's extractor in calls to `_`, `_n`, `_p` and `N_` (see `bot.i18n`); command
declarations are data, so they are read from `bot.commands` with the context Discord's translator asks
for them in (`command`, `option`, `choice`; descriptions have none). A comment starting `i18n:` just
above a string reaches translators.
"""

from __future__ import annotations

import io
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract
from babel.messages.pofile import read_po, write_po

from bot.i18n import DEFAULT, DISCORD_NAME, DOMAIN, LOCALES_DIR

PACKAGE = Path(__file__).resolve().parent
KEYWORDS = {"_": None, "_n": (1, 2), "_p": ((1, "c"), 2), "N_": None}
TEMPLATE = LOCALES_DIR / f"{DOMAIN}.pot"

COMMAND, OPTION, CHOICE = "command", "option", "choice"
"""The contexts of declared names: a command or group, an option, an option's choice."""


def source_problem(package: Path | None = None) -> str | None:
    """Say why `package` is not a source checkout these tools can work on, or return None.

    The tools read the code and write the catalogs beside it. In a copy installed with `pip install .`
    (not `-e`) that would be the copy in site-packages: the checkout's catalogs would go unchecked and
    unchanged, and the installed ones would be overwritten.
    """
    package = package or PACKAGE
    if (package.parent / "pyproject.toml").is_file():
        return None
    return (
        f"{package} is an installed copy of Waymark, not its source; install the checkout editable "
        "(`.venv/bin/pip install -e '.[test]'`, as the README's test command does) and run this again"
    )


def _from_code() -> Iterator[tuple[str | tuple[str, str], str | None, str, int, list[str]]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        with path.open("rb") as source:
            found = extract("python", source, keywords=KEYWORDS, comment_tags=("i18n:",), strip_comment_tags=True)
            for lineno, message, comments, context in found:
                yield message, context, str(path.relative_to(PACKAGE.parent)), lineno, comments


def _declared() -> Iterator[tuple[str, str | None]]:
    """Yield (text, context) for every name and description Discord shows of the declared commands."""
    from bot.commands import COMMANDS, GROUPS

    for group in GROUPS:
        yield group.name, COMMAND
        yield group.description, None
    for command in COMMANDS:
        yield command.leaf, COMMAND
        yield command.description, None
        for option in command.options:
            yield option.name, OPTION
            yield option.description, None
            for choice in option.choices:
                yield choice.title(), CHOICE


def extract_template() -> Catalog:
    """Return a catalog of every string the code and the command declarations give users to read."""
    template = Catalog(project="Waymark", domain=DOMAIN, charset="utf-8", fuzzy=False)
    for message, context, where, lineno, comments in _from_code():
        template.add(message, locations=[(where, lineno)], auto_comments=comments, context=context)
    for text, context in _declared():
        if template.get(text, context=context) is None:
            template.add(text, locations=[("bot/commands.py", 0)], context=context)
    return template


def write_template(path: Path = TEMPLATE) -> tuple[Catalog, bool]:
    """Write the template (`waymark.pot`); return it, and whether the file changed."""
    template = extract_template()
    return template, _write_if_changed(path, template)


_DATES = re.compile(rb'^"(?:POT-Creation|PO-Revision)-Date: .*\n', re.MULTILINE)
"""Header lines Babel stamps with the time of writing: a file that differs only there is left as it is."""


def _write_if_changed(path: Path, catalog: Catalog) -> bool:
    """Write a catalog as a .po file, unless the file already says the same (no diff from a rerun); return
    whether it wrote."""
    out = io.BytesIO()
    write_po(out, catalog, width=120, sort_output=True, ignore_obsolete=True, include_lineno=False)
    text = out.getvalue()
    if path.exists() and _DATES.sub(b"", path.read_bytes()) == _DATES.sub(b"", text):
        return False
    path.write_bytes(text)
    return True


def catalog_path(locale: str) -> Path:
    """Return the path of a language's catalog."""
    return LOCALES_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(locale: str) -> Catalog:
    """Return one language's catalogs (every `.po` file of it) as one, with the first file's header."""
    merged: Catalog | None = None
    for path in sorted((LOCALES_DIR / locale / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as po:
            parsed = read_po(po, locale=locale)
        if merged is None:
            merged = parsed
            continue
        for message in parsed:
            if message.id and merged.get(message.id, context=message.context) is None:
                merged[message.id] = message
    return merged or Catalog(locale=locale, domain=DOMAIN, project="Waymark", charset="utf-8", fuzzy=False)


def update_catalogs(template: Catalog) -> list[tuple[str, bool]]:
    """Merge the template into each language's catalog (one file, `waymark.po`); return the languages, each with
    whether its file changed."""
    done = []
    for folder in sorted(p for p in LOCALES_DIR.iterdir() if (p / "LC_MESSAGES").is_dir()):
        locale = folder.name
        existing = read_catalog(locale)
        existing.update(template, no_fuzzy_matching=True, update_header_comment=False)
        existing.header_comment = (
            f"# The {existing.locale.english_name} catalog of Waymark. `waymark i18n update` merges the code's new"
            ' strings in (see README, "Add a language").'
        )
        folded = False
        for path in (folder / "LC_MESSAGES").glob("*.po"):
            if path != catalog_path(locale):  # folded into waymark.po
                path.unlink()
                folded = True
        done.append((locale, _write_if_changed(catalog_path(locale), existing) or folded))
    return done


def fields_of(text: str) -> set[str]:
    """Return the `{name}` fields a message fills in (`{{` is a literal brace)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@dataclass(frozen=True)
class Problem:
    """Something wrong in a catalog: which language, which string, what."""

    locale: str
    message: str
    context: str | None
    what: str

    def __str__(self) -> str:
        where = f" ({self.context})" if self.context else ""
        return f"{self.locale}: {self.message!r}{where}: {self.what}"


def _texts(message: Message) -> tuple[list[str], list[str]]:
    ids = list(message.id) if isinstance(message.id, tuple | list) else [message.id]
    strs = list(message.string) if isinstance(message.string, tuple | list) else [message.string or ""]
    return ids, strs


def check(locale: str, template: Catalog | None = None) -> list[Problem]:
    """Return what one language's catalog misses or gets wrong against the code."""
    template = template or extract_template()
    found = read_catalog(locale)
    problems: list[Problem] = []
    for wanted in template:
        if not wanted.id:
            continue
        key = wanted.id if isinstance(wanted.id, str) else wanted.id[0]
        have = found.get(wanted.id, context=wanted.context)
        if have is None or have.fuzzy:
            problems.append(Problem(locale, key, wanted.context, "missing" if have is None else "fuzzy"))
            continue
        ids, strs = _texts(have)
        if not any(s.strip() for s in strs):
            problems.append(Problem(locale, key, wanted.context, "not translated"))
            continue
        if not all(s.strip() for s in strs) or len(strs) < (found.num_plurals if len(ids) > 1 else 1):
            wanted_forms = found.num_plurals if len(ids) > 1 else 1
            what = f"a plural form is empty ({wanted_forms} wanted, see the header's Plural-Forms)"
            problems.append(Problem(locale, key, wanted.context, what))
            continue
        want_fields = set().union(*(fields_of(i) for i in ids))
        for text in strs:
            if fields_of(text) - want_fields:
                problems.append(Problem(locale, key, wanted.context, f"unknown field in {text!r}"))
            elif len(ids) == 1 and fields_of(text) != want_fields:
                problems.append(Problem(locale, key, wanted.context, f"fields differ: {text!r}"))
        if wanted.context in (COMMAND, OPTION) and not all(DISCORD_NAME.match(s) and s == s.lower() for s in strs):
            problems.append(Problem(locale, key, wanted.context, "not a Discord name (lowercase, no spaces, ≤ 32)"))
    return problems


def languages() -> list[str]:
    """Return the languages with catalogs (English, the code's own, has none)."""
    return sorted(p.name for p in LOCALES_DIR.iterdir() if (p / "LC_MESSAGES").is_dir() and p.name != DEFAULT)
