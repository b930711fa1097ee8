"""The catalogs cover what the code says: every marked string and every command name, translated, with its fields."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from bot import i18n, i18n_tools

BOT = Path(i18n.__file__).parent
LANGUAGES = i18n_tools.languages()


@pytest.fixture(scope="module")
def template():
    return i18n_tools.extract_template()


def test_the_bot_speaks_german_and_spanish():
    assert {"de", "es"} <= set(LANGUAGES)
    assert set(i18n.available()) == {"en", *LANGUAGES}


@pytest.mark.parametrize("locale", LANGUAGES)
def test_catalog_translates_every_string_the_code_uses(locale, template):
    problems = i18n_tools.check(locale, template)
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(map(str, problems[:40]))


def test_the_template_holds_every_declared_command_and_option():
    from bot.commands import COMMANDS

    template = i18n_tools.extract_template()
    for command in COMMANDS:
        assert template.get(command.leaf, context="command") is not None
        assert template.get(command.description) is not None
        for option in command.options:
            assert template.get(option.name, context="option") is not None


def test_check_reports_a_missing_string_and_a_lost_field(tmp_path, monkeypatch):
    folder = tmp_path / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "waymark.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Week {week} of {total}"\nmsgstr "Woche {week}"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n_tools, "LOCALES_DIR", tmp_path)
    from babel.messages.catalog import Catalog

    wanted = Catalog()
    wanted.add("Week {week} of {total}")
    wanted.add("Your streak")
    problems = {(p.message, p.what.split(":")[0]) for p in i18n_tools.check("xx", wanted)}
    assert problems == {("Week {week} of {total}", "fields differ"), ("Your streak", "missing")}


def _calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "_n", "_p", "N_"):
            yield node


def test_translated_text_is_written_whole_where_it_is_marked():
    """An f-string or a concatenation inside `_()` cannot be in a catalog: the fields must be named instead."""
    wrong = []
    for path in sorted(BOT.rglob("*.py")):
        for call in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            texts = call.args[:2] if call.func.id in ("_n", "_p") else call.args[:1]
            for arg in texts:
                ok = (isinstance(arg, ast.Constant) and isinstance(arg.value, str)) or (
                    call.func.id == "_" and isinstance(arg, ast.Name | ast.Attribute | ast.Subscript)
                )
                if not ok:
                    wrong.append(f"{path.relative_to(BOT.parent)}:{call.lineno}: {ast.unparse(call)[:80]}")
    assert not wrong, "\n".join(wrong)


def test_waymark_i18n_check_says_the_catalogs_are_complete(capsys):
    from bot.__main__ import main

    assert main(["i18n", "check"]) == 0
    assert capsys.readouterr().out.strip().startswith("de: 0 problems; es: 0 problems (of ")


@pytest.mark.parametrize("command", ["extract", "update", "check"])
def test_the_i18n_tools_refuse_an_installed_copy(command, tmp_path, monkeypatch, capsys):
    """Installed with `pip install .`, they would write into site-packages and never see the checkout's catalogs."""
    from bot.__main__ import main

    installed = tmp_path / "site-packages" / "bot"
    installed.mkdir(parents=True)
    monkeypatch.setattr(i18n_tools, "PACKAGE", installed)
    monkeypatch.setattr(i18n_tools, "write_template", lambda *a: pytest.fail("wrote a template"))
    assert main(["i18n", command]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"waymark i18n: {installed} is an installed copy of Waymark, not its source; install the checkout editable "
        "(`.venv/bin/pip install -e '.[test]'`, as the README's test command does) and run this again\n"
    )
    assert i18n_tools.source_problem(BOT) is None  # this checkout is a source


def test_extracting_again_leaves_an_unchanged_template_alone(tmp_path):
    path = tmp_path / "waymark.pot"
    i18n_tools.write_template(path)
    stamped = path.read_text(encoding="utf-8")
    old = stamped.replace(stamped.split('"POT-Creation-Date: ', 1)[1].split("\\n", 1)[0], "2020-01-01 00:00+0000")
    path.write_text(old, encoding="utf-8")

    i18n_tools.write_template(path)  # the same strings: no new date, no diff
    assert path.read_text(encoding="utf-8") == old

    path.write_text(old.replace('msgid "Cancel"', 'msgid "Abort"'), encoding="utf-8")
    i18n_tools.write_template(path)  # a string differs: written again
    assert 'msgid "Cancel"' in path.read_text(encoding="utf-8")


def test_update_says_which_files_it_wrote_and_which_were_up_to_date(tmp_path, monkeypatch, capsys):
    from bot.__main__ import main

    locales = tmp_path / "locales"
    shutil.copytree(i18n_tools.LOCALES_DIR, locales)
    monkeypatch.setattr(i18n_tools, "LOCALES_DIR", locales)
    monkeypatch.setattr(i18n_tools, "TEMPLATE", locales / "waymark.pot")
    monkeypatch.chdir(tmp_path)
    german = locales / "de" / "LC_MESSAGES" / "waymark.po"
    german.write_text(german.read_text(encoding="utf-8").replace('msgid "Cancel"', 'msgid "Abort"'), encoding="utf-8")

    assert main(["i18n", "update"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("locales/waymark.pot is up to date: ")
    assert out[1:] == ["updated locales/de/LC_MESSAGES/waymark.po", "locales/es/LC_MESSAGES/waymark.po is up to date"]
    assert main(["i18n", "update"]) == 0
    assert "updated" not in capsys.readouterr().out
