"""The real `waymark console` process, input piped in as the README's try-it script does."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.__main__ import main
from tests.console.conftest import CONTENT_DIR, ROOT


def readme_script() -> str:
    """The lines the README's "Try it" pipes into `waymark console`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"printf '([^']*)' \| \S*waymark console", readme)
    assert found, "README.md has no `printf '...' | waymark console` try-it line"
    return found.group(1).replace("\\n", "\n")


def waymark_console(tmp_path: Path, stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WAYMARK_", "DISCORD_"))}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "console",
            "--db",
            str(tmp_path / "db.sqlite3"),
            "--content",
            str(CONTENT_DIR),
            *args,
        ],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=tmp_path,  # no .env of the project's
        env=env,
        check=False,
    )


def test_try_it_script_welcomes_and_shows_week_one(tmp_path: Path) -> None:
    script = readme_script()
    assert script.startswith("/start-learning role:backend-engineer\n/progress\n")
    lines = script + "/frobnicate\n:user bob\n/progress\n:user learner\n/progress\n"
    result = waymark_console(tmp_path, lines, "--now", "2026-12-25T10:00:00+00:00")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "> /start-learning role:backend-engineer\n(only you)\n\nBackend Engineer · Welcome aboard!" in out
    assert "Started 2026-12-25" in out
    assert "> /progress\n(only you)\n\nlearner · Backend Engineer" in out
    assert out.count("Week 1 of 36") == 3  # welcome, and /progress twice
    if "/skill-deep-dive topic:postgress" in script:
        assert "> /skill-deep-dive topic:postgress\n(only you)\n\nPostgreSQL" in out
    # A mistake is answered and the session carries on, with each user's own data.
    assert "❌ Unknown command '/frobnicate'" in out
    assert "(you are now bob)" in out
    assert "❌ You aren't following any path yet." in out
    assert (tmp_path / "db.sqlite3").is_file()


def test_now_option_sets_the_week_and_accepts_a_naive_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`waymark console` in-process (the same argument parsing as the process above, without its start-up)."""
    monkeypatch.chdir(tmp_path)
    for key in [k for k in os.environ if k.startswith(("WAYMARK_", "DISCORD_"))]:
        monkeypatch.delenv(key)
    db = str(tmp_path / "db.sqlite3")
    args = ["console", "--db", db, "--content", str(CONTENT_DIR), "--user", "ann"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("/start-learning role:backend-engineer\n"))
    assert main([*args, "--now", "2026-12-25T10:00:00+00:00"]) == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO("/progress\n"))
    assert main([*args, "--now", "2027-01-22T10:00:00"]) == 0  # naive: taken as UTC
    out = capsys.readouterr().out
    assert "Week 1 of 36" in out
    assert "ann · Backend Engineer" in out
    assert "Where: Week 5 of 36 · Phase 2: Programming Language Mastery (weeks 5-12)" in out


def test_bad_now_is_refused_with_exit_code_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["console", "--db", str(tmp_path / "db.sqlite3"), "--now", "next tuesday"])
    assert exc.value.code == 2
    assert capsys.readouterr().err == (
        "waymark: --now must be an ISO-8601 time like 2026-01-05T09:00:00+00:00, got 'next tuesday'\n"
    )
    assert not (tmp_path / "db.sqlite3").exists()


def test_a_content_folder_that_is_not_there_stops_the_console_with_exit_code_2(tmp_path: Path) -> None:
    result = waymark_console(tmp_path, "/roles\n", "--content", str(tmp_path / "contnet"))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"waymark: the content folder {tmp_path / 'contnet'} does not exist; give the folder of role files "
        "with --content or WAYMARK_CONTENT_DIR (the repository's is ./content)\n"
    )
    assert not (tmp_path / "db.sqlite3").exists()


def test_the_readme_language_example_answers_in_german(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"printf '([^']*)' \| \S*waymark console --locale (\w+)", readme)
    assert found, "README.md has no `printf '...' | waymark console --locale ..` example"
    result = waymark_console(tmp_path, found.group(1).replace("\\n", "\n"), "--locale", found.group(2))
    assert result.returncode == 0, result.stderr
    assert "Willkommen an Bord!" in result.stdout
    assert "Wo du stehst: Woche 1 von 36" in result.stdout
    assert "Week 1" not in result.stdout and result.stderr == ""


def test_a_language_without_a_catalog_is_answered_in_english_and_said(tmp_path: Path) -> None:
    result = waymark_console(tmp_path, "/roles\n", "--locale", "fr")
    assert result.returncode == 0
    assert "no catalog for --locale 'fr'; answering in English (it speaks en, de, es)" in result.stderr
    assert "(only you)" in result.stdout


def test_a_reader_that_stops_early_ends_the_session_quietly(tmp_path: Path) -> None:
    """`waymark console ... | head`: the replies after the reader left go nowhere, and no traceback is printed."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WAYMARK_", "DISCORD_"))}
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "console", "--db", str(tmp_path / "db.sqlite3"), "--content", str(CONTENT_DIR)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=env,
    )
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    proc.stdin.write(b"/roles\n")
    proc.stdin.flush()
    assert proc.stdout.readline() == b"> /roles\n"
    proc.stdout.close()  # as `head -1` does
    proc.stdin.write(b"/roles\n/help\n")
    proc.stdin.close()
    assert proc.stderr.read() == b""
    assert proc.wait(timeout=60) == 0
