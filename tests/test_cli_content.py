"""The `waymark content check` and `waymark search` commands, as a content author runs them."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.content.answers import MIN_SCORE, SHOWN
from bot.content.holder import ContentHolder
from bot.handlers import learning
from bot.render.reply import Select
from bot.services import Caller, Services
from tests.conftest import CONTENT_DIR, ROOT
from tests.content.helpers import role_file

SHIPPED = sorted(CONTENT_DIR.glob("*.md"))
OVERLAP = "# T\n### Phase 1: A (Weeks 1-4)\n**Objective:** o\n### Phase 2: B (Weeks 3-6)\n**Objective:** o\n"
ROLE_KEYS = {"name", "display_name", "file", "total_weeks", "phases", "checklist", "sections"}
PHASE_KEYS = {"number", "title", "weeks", "objective", "topics"}
RESULT_KEYS = {"role", "section", "path", "score", "snippet"}


@pytest.fixture(autouse=True)
def _no_ambient_settings(monkeypatch, tmp_path):
    """Run from an empty folder with no WAYMARK_CONTENT_DIR, so no .env or shell setting leaks in."""
    monkeypatch.delenv("WAYMARK_CONTENT_DIR", raising=False)
    monkeypatch.chdir(tmp_path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv: str) -> tuple[int, dict]:
    code, out, _ = run(capsys, *argv, "--json")
    return code, json.loads(out)


@pytest.fixture
def broken_folder(tmp_path: Path) -> tuple[Path, int, str]:
    """Two shipped roles and one file whose Phase 2 overlaps Phase 1; returns (folder, bad line, its text)."""
    folder = tmp_path / "roles"
    folder.mkdir()
    for name in ("backend-engineer.md", "data-engineer.md"):
        shutil.copy(CONTENT_DIR / name, folder / name)
    text = role_file("broken", body=OVERLAP)
    (folder / "broken.md").write_text(text, encoding="utf-8")
    line = text.split("\n").index("### Phase 2: B (Weeks 3-6)") + 1
    return folder, line, text


# --- content check -----------------------------------------------------------------------------


def test_check_shipped_content_exits_0_with_a_summary(capsys):
    code, out, err = run(capsys, "content", "check", str(CONTENT_DIR))
    assert code == 0
    lines = out.strip().split("\n")
    assert len(lines) == 1  # no problems, only the summary
    assert f"{len(SHIPPED)} roles loaded, 0 errors, 0 warnings" in lines[0]
    assert err == ""


def test_check_json_has_the_documented_shape_and_the_seeds_six_phases(capsys):
    code, payload = run_json(capsys, "content", "check", str(CONTENT_DIR))
    assert code == 0
    assert set(payload) == {"roles", "problems"}
    assert payload["problems"] == []
    roles = {r["name"]: r for r in payload["roles"]}
    assert set(roles) == {p.stem for p in SHIPPED}
    for role in roles.values():
        assert set(role) >= ROLE_KEYS
        assert all(set(p) >= PHASE_KEYS for p in role["phases"])
        assert all(set(i) >= {"id", "group", "text"} for i in role["checklist"])
        assert all(set(s) >= {"id", "title", "path", "line"} for s in role["sections"])
        assert role["total_weeks"] == role["phases"][-1]["weeks"][1]
    seed = roles["backend-engineer"]
    assert (seed["display_name"], seed["file"], seed["total_weeks"]) == ("Backend Engineer", "backend-engineer.md", 36)
    assert [(p["number"], p["title"], p["weeks"]) for p in seed["phases"]] == [
        (1, "Foundations", [1, 4]),
        (2, "Programming Language Mastery", [5, 12]),
        (3, "Databases", [13, 18]),
        (4, "API Development", [19, 24]),
        (5, "Security & Authentication", [25, 28]),
        (6, "Advanced Patterns & Systems", [29, 36]),
    ]
    assert seed["phases"][2]["objective"] == "Master SQL and NoSQL databases"
    assert "Data migrations and versioning" in seed["phases"][2]["topics"]
    assert len(seed["checklist"]) == 15
    assert {"Use git professionally"} <= {i["text"] for i in seed["checklist"]}
    deep = next(s for s in seed["sections"] if s["title"] == "SQL Deep Dive")
    assert deep["path"][-1] == "SQL Deep Dive"
    seed_lines = (CONTENT_DIR / "backend-engineer.md").read_text(encoding="utf-8").split("\n")
    assert seed_lines[deep["line"] - 1] == "**SQL Deep Dive:**"


def test_check_broken_file_exits_1_naming_file_line_and_error(capsys, broken_folder):
    folder, line, _ = broken_folder
    code, out, _ = run(capsys, "content", "check", str(folder))
    assert code == 1
    lines = out.strip().split("\n")
    errors = [ln for ln in lines if ": error: " in ln]
    assert len(errors) == 1, out
    assert errors[0].startswith(f"broken.md:{line}: error: ")
    assert "overlaps Phase 1" in errors[0]
    assert "2 roles loaded, 1 error," in lines[-1]


def test_check_json_still_lists_the_good_roles(capsys, broken_folder):
    folder, line, _ = broken_folder
    code, payload = run_json(capsys, "content", "check", str(folder))
    assert code == 1
    assert sorted(r["name"] for r in payload["roles"]) == ["backend-engineer", "data-engineer"]
    [problem] = payload["problems"]
    assert problem["file"] == "broken.md"
    assert problem["line"] == line
    assert problem["severity"] == "error"
    assert "overlaps" in problem["message"]


def test_check_warnings_alone_exit_0(capsys, tmp_path):
    (tmp_path / "odd.md").write_text(role_file("odd", extra="difficulty: hard\n"), encoding="utf-8")
    code, out, _ = run(capsys, "content", "check", str(tmp_path))
    assert code == 0
    assert "odd.md:7: warning: unknown front-matter field 'difficulty'" in out
    assert "1 role loaded, 0 errors, 1 warning" in out


@pytest.mark.parametrize("json_flag", [(), ("--json",)])
def test_check_of_a_missing_folder_exits_2_with_one_line_on_stderr(capsys, tmp_path, json_flag):
    """A folder that is not there is a mistake in the command (2), not an error in a role file (1)."""
    code, out, err = run(capsys, "content", "check", str(tmp_path / "nope"), *json_flag)
    assert (code, out) == (2, "")
    assert err == (
        f"waymark content check: the content folder {tmp_path / 'nope'} does not exist; give the folder of role "
        "files with --content or WAYMARK_CONTENT_DIR (the repository's is ./content)\n"
    )


def test_check_of_a_file_or_a_relative_missing_folder_names_it(capsys, tmp_path):
    (tmp_path / "notes.md").write_text("# not a folder\n", encoding="utf-8")
    code, out, err = run(capsys, "content", "check", "notes.md")
    assert (code, out) == (2, "")
    assert err == (
        f"waymark content check: the content folder notes.md (that is {tmp_path / 'notes.md'}) is a file, not a "
        "folder; give the folder of role files with --content or WAYMARK_CONTENT_DIR\n"
    )
    code, _, err = run(capsys, "content", "check")  # the default, ./content, is not in this folder
    assert code == 2
    assert f"the content folder content (that is {tmp_path / 'content'}) does not exist" in err


def test_search_in_a_missing_folder_exits_2_instead_of_finding_nothing(capsys, tmp_path):
    code, out, err = run(capsys, "search", "kubernetes", "--content", str(tmp_path / "nope"))
    assert (code, out) == (2, "")
    assert err.startswith(f"waymark search: the content folder {tmp_path / 'nope'} does not exist;")


def test_check_names_the_line_of_a_byte_that_is_not_utf8(capsys, tmp_path):
    (tmp_path / "good.md").write_text(role_file("good"), encoding="utf-8")
    (tmp_path / "pasted.md").write_bytes(role_file("pasted").encode() + b"\n- caf\x81\n")
    line = role_file("pasted").count("\n") + 2
    code, out, _ = run(capsys, "content", "check", str(tmp_path))
    assert code == 1
    assert f"pasted.md:{line}: error: the file is not UTF-8 text (byte 0x81 at column 6 is not valid UTF-8); " in out
    _, payload = run_json(capsys, "content", "check", str(tmp_path))
    assert [(p["file"], p["line"]) for p in payload["problems"]] == [("pasted.md", line)]


def test_check_names_a_utf16_file_and_an_unreadable_folder(capsys, tmp_path, monkeypatch):
    (tmp_path / "good.md").write_text(role_file("good"), encoding="utf-8")
    (tmp_path / "wide.md").write_bytes(role_file("wide").encode("utf-16"))
    (tmp_path / "locked").mkdir()
    real = os.scandir

    def scandir(path):  # as without read permission, which root (running the suite) always has
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, _ = run(capsys, "content", "check", str(tmp_path))
    assert code == 1
    assert out.split("\n")[:2] == [
        "locked/: error: cannot read this folder (Permission denied), so no role file in it was loaded; "
        "check its permissions",
        "wide.md: error: the file is UTF-16 (little-endian), not UTF-8; save it as UTF-8 "
        "(in most editors: Save As or Save with Encoding, then UTF-8)",
    ]
    assert "1 role loaded, 2 errors" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["content", "check", "--bogus"],
        ["content"],
        ["content", "frobnicate"],
        ["search"],
        ["search", "x", "--limit", "many"],
    ],
)
def test_usage_errors_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "usage: waymark" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "usage"),
    [
        (["content", "check", "--bogus"], "usage: waymark content check "),
        (["console", "--bogus"], "usage: waymark console "),
        (["search", "x", "--bogus"], "usage: waymark search "),
        (["db", "backup", "out.db", "--bogus"], "usage: waymark db backup "),
    ],
)
def test_an_option_a_command_does_not_know_is_told_with_that_commands_usage(capsys, argv, usage):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(usage)
    assert f"waymark {usage.removeprefix('usage: waymark ').strip()}: error: unrecognized arguments: --bogus" in err


# --- search ------------------------------------------------------------------------------------


def test_search_json_is_best_first_with_the_documented_keys(capsys):
    code, payload = run_json(capsys, "search", "postgress", "--content", str(CONTENT_DIR), "--limit", "5")
    assert code == 0
    assert payload["query"] == "postgress"
    results = payload["results"]
    assert 0 < len(results) <= 5
    assert all(set(r) >= RESULT_KEYS for r in results)
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)
    assert "PostgreSQL" in results[0]["section"]
    assert results[0]["role"] in {"backend-engineer", "data-engineer"}
    assert all(r["path"] and isinstance(r["path"], list) for r in results)


def test_search_text_output_numbers_the_hits(capsys):
    code, out, _ = run(capsys, "search", "SQL Deep Dive", "--content", str(CONTENT_DIR), "--limit", "2")
    assert code == 0
    assert out.startswith("1. SQL Deep Dive  [Backend Engineer · ")
    assert "\n2. " in out
    assert "\n3. " not in out


def test_search_with_nothing_found_says_so(capsys):
    code, out, _ = run(capsys, "search", "xyzzyqwert", "--content", str(CONTENT_DIR))
    assert code == 0
    assert "Nothing found for 'xyzzyqwert'" in out
    code, payload = run_json(capsys, "search", "xyzzyqwert", "--content", str(CONTENT_DIR))
    assert (code, payload["results"]) == (0, [])


@pytest.mark.parametrize("role", ["devops-sre-engineer", "sre", "DevOps / Site Reliability Engineer"])
def test_search_role_by_name_alias_or_display_name(capsys, role):
    code, payload = run_json(capsys, "search", "kubernetes", "--role", role, "--content", str(CONTENT_DIR))
    assert code == 0
    assert payload["results"]
    assert {r["role"] for r in payload["results"]} == {"devops-sre-engineer"}


def test_search_unknown_role_exits_2_with_a_hint(capsys):
    code, out, err = run(capsys, "search", "sql", "--role", "bakend", "--content", str(CONTENT_DIR))
    assert code == 2
    assert out == ""
    assert "no role called 'bakend'" in err
    assert "Did you mean: backend-engineer" in err


def test_search_hopeless_role_lists_the_known_roles(capsys):
    code, _, err = run(capsys, "search", "sql", "--role", "zzqxv", "--content", str(CONTENT_DIR))
    assert code == 2
    assert "Known roles:" in err
    assert "backend-engineer" in err


@pytest.mark.parametrize("limit", ["0", "-3"])
def test_search_limit_below_one_is_a_usage_error(capsys, limit):
    code, out, err = run(capsys, "search", "sql", "--limit", limit, "--content", str(CONTENT_DIR))
    assert code == 2
    assert out == ""
    assert "--limit must be at least 1" in err


def test_search_limit_is_honoured(capsys):
    for limit in (1, 7):
        _, payload = run_json(capsys, "search", "security", "--limit", str(limit), "--content", str(CONTENT_DIR))
        assert len(payload["results"]) == limit


def test_search_default_limit_is_what_the_bot_shows(capsys):
    _, payload = run_json(capsys, "search", "security", "--content", str(CONTENT_DIR))
    assert len(payload["results"]) == SHOWN


def test_search_hides_hits_below_the_bots_minimum_score(capsys):
    # The index finds "kubernetes" here, too weakly for /skill-deep-dive to show: the CLI shows nothing either.
    code, out, _ = run(capsys, "search", "flarp kubernetes", "--content", str(CONTENT_DIR))
    assert (code, out.strip()) == (0, "Nothing found for 'flarp kubernetes'. Try fewer or other words.")
    _, payload = run_json(capsys, "search", "caching", "--content", str(CONTENT_DIR))
    assert payload["results"] and min(r["score"] for r in payload["results"]) >= MIN_SCORE


@pytest.mark.parametrize("query", ["???", "🐳", "  "])
def test_search_of_marks_alone_says_what_to_type(capsys, query):
    code, out, _ = run(capsys, "search", query, "--content", str(CONTENT_DIR))
    assert (code, out.strip()) == (
        0,
        "Nothing to search for: give a topic or a question, e.g. 'postgres', 'week 3', 'after databases'.",
    )


def test_search_answers_a_week_question_with_that_weeks_phase(capsys):
    argv = ("search", "what's on in week 14", "--role", "backend-engineer", "--content", str(CONTENT_DIR))
    code, out, _ = run(capsys, *argv)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Week 14 of Backend Engineer is in Phase 3: Databases (weeks 13-18)."
    assert lines[1].startswith("1. Phase 3: Databases (Weeks 13-18)  [Backend Engineer · ")
    assert "\n2. " not in out
    _, payload = run_json(capsys, *argv)
    assert payload["note"] == lines[0]
    assert payload["problem"] == ""
    assert [(r["section"], r["phase"]) for r in payload["results"]] == [("Phase 3: Databases (Weeks 13-18)", 3)]


def test_search_week_question_without_a_role_names_the_paths_as_an_unanswered_question_does(capsys):
    code, out, err = run(capsys, "search", "wk 12 topics", "--content", str(CONTENT_DIR))
    assert (code, err) == (0, "")
    assert out.startswith("Which path? Week 12 is in 6 paths. Add --role NAME: backend-engineer, ")
    # as JSON too, with the same exit code as a question past a path's end
    code, payload = run_json(capsys, "search", "wk 12 topics", "--content", str(CONTENT_DIR))
    assert code == 0
    assert (payload["results"], payload["problem"]) == ([], "Which path? Week 12 is in 6 paths.")
    assert payload["needs_role"][:1] == ["backend-engineer"] and len(payload["needs_role"]) == 6
    past, _ = run_json(capsys, "search", "week 40", "--role", "backend-engineer", "--content", str(CONTENT_DIR))
    assert past == code


def test_search_week_past_the_end_of_the_path_says_so(capsys):
    code, out, _ = run(capsys, "search", "week 40", "--role", "backend-engineer", "--content", str(CONTENT_DIR))
    assert (code, out.strip()) == (0, "Backend Engineer has 36 weeks; week 40 is past its end.")
    _, payload = run_json(capsys, "search", "week 40", "--role", "backend-engineer", "--content", str(CONTENT_DIR))
    assert (payload["results"], payload["problem"]) == ([], "Backend Engineer has 36 weeks; week 40 is past its end.")


def test_search_what_comes_after_databases(capsys):
    code, out, _ = run(capsys, "search", "what comes after databases", "--content", str(CONTENT_DIR))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "'databases' is in Phase 3: Databases (weeks 13-18) of Backend Engineer. Next comes:"
    assert lines[1].startswith("1. Phase 4: API Development (Weeks 19-24)  [Backend Engineer · ")


def test_search_a_day_past_every_path_names_the_day_paths_end_in_days(capsys, tmp_path):
    folder = tmp_path / "roles"
    folder.mkdir()
    days = "# 60 Days to SOC\n\n## Days 1-30: Networking\n- The OSI model\n\n## Days 31-60: Security\n- Phishing\n"
    weeks = "## Phase 1: HTML (Weeks 1-6)\n- Tags\n\n## Phase 2: JavaScript (Weeks 7-12)\n- Closures\n"
    (folder / "soc.md").write_text(role_file("soc", display="SOC Analyst", body=days), encoding="utf-8")
    (folder / "web.md").write_text(role_file("web", display="Web Developer", body=weeks), encoding="utf-8")
    code, out, _ = run(capsys, "search", "day 90", "--content", str(folder))
    assert (code, out) == (
        0,
        "No path has a day 90; SOC Analyst has 60 days and Web Developer has 12 weeks (84 days).\n",
    )
    _, out, _ = run(capsys, "search", "day 90", "--role", "web", "--content", str(folder))
    assert out == "Web Developer has 12 weeks (84 days); day 90 is past its end.\n"


NO_TITLE = (
    "## Learning Path\n\n### Phase 1: Containers (Weeks 1-4)\n- Learn Docker: images, volumes\n\n"
    "#### Docker in production\n- Image scanning\n"
)


@pytest.mark.parametrize("title", ["", "# Ops Roadmap\n\n"])
def test_search_lists_where_a_hit_is_keeping_a_first_heading_that_is_no_file_title(capsys, tmp_path, title):
    folder = tmp_path / "roles"
    folder.mkdir()
    (folder / "ops.md").write_text(role_file("ops", display="Ops Path", body=title + NO_TITLE), encoding="utf-8")
    code, out, _ = run(capsys, "search", "docker", "--content", str(folder))
    assert code == 0
    # 'Learning Path' is an H2, not the file's title: it stays; a heading is not listed as its own place
    assert [line.split("  score ")[0] for line in out.splitlines()[::2]] == [
        "1. Learn Docker  [Ops Path · Learning Path › Phase 1: Containers (Weeks 1-4)]",
        "2. Docker in production  [Ops Path · Learning Path › Phase 1: Containers (Weeks 1-4)]",
    ]
    _, out, _ = run(capsys, "search", "timeline", "--content", str(folder))
    assert out.startswith("1. Timeline  [Ops Path · Timeline by pace]  score ")


async def test_search_lists_each_hits_place_as_the_bots_menu_of_other_matches_does(capsys, shipped_index, store):
    now = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
    svc = Services(ContentHolder(CONTENT_DIR, shipped_index, now), store)
    reply = await learning.skill_deep_dive(svc, Caller(1, "ann", now, guild_id=1), "salary range")
    [menu] = [row for row in reply.rows if isinstance(row, Select)]
    _, out, _ = run(capsys, "search", "salary range", "--content", str(CONTENT_DIR))
    listed = [line.split("  [", 1)[1].split("]  score ")[0] for line in out.splitlines() if line[:1].isdigit()]
    assert listed[1:] == [o.description for o in menu.options]
    assert listed[:2] == ["Backend Engineer · Salary range", "Data Engineer · Salary range"]


# --- WAYMARK_CONTENT_DIR -----------------------------------------------------------------------


def test_content_dir_env_is_the_default_and_flags_win(capsys, monkeypatch, tmp_path):
    folder = tmp_path / "my-content"
    folder.mkdir()
    (folder / "solo-path.md").write_text(role_file("solo-path"), encoding="utf-8")
    monkeypatch.setenv("WAYMARK_CONTENT_DIR", str(folder))

    code, out, _ = run(capsys, "content", "check")
    assert code == 0
    assert out.strip() == f"{folder}: 1 role loaded, 0 errors, 0 warnings"

    code, payload = run_json(capsys, "search", "deep topic")
    assert code == 0
    assert payload["results"]
    assert {r["role"] for r in payload["results"]} == {"solo-path"}

    # --content and a folder argument both win over the environment.
    _, payload = run_json(capsys, "search", "postgresql", "--content", str(CONTENT_DIR))
    assert "solo-path" not in {r["role"] for r in payload["results"]}
    code, out, _ = run(capsys, "content", "check", "--content", str(CONTENT_DIR))
    assert f"{len(SHIPPED)} roles loaded" in out
    code, out, _ = run(capsys, "content", "check", str(CONTENT_DIR))
    assert f"{len(SHIPPED)} roles loaded" in out


def test_without_settings_the_default_is_content_in_the_working_directory(capsys, tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "here.md").write_text(role_file("here"), encoding="utf-8")
    code, out, _ = run(capsys, "content", "check")
    assert code == 0
    assert "1 role loaded" in out


# --- as a real process -------------------------------------------------------------------------


def process_env(env_dir: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "WAYMARK_CONTENT_DIR"}
    if env_dir is not None:
        env["WAYMARK_CONTENT_DIR"] = str(env_dir)
    env["PYTHONPATH"] = str(ROOT)
    return env


def waymark(*argv: str, env_dir: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=ROOT,
        env=process_env(env_dir),
        check=False,
    )


def test_subprocess_exit_codes(broken_folder):
    folder, line, _ = broken_folder
    good = waymark("content", "check", env_dir=CONTENT_DIR)
    assert good.returncode == 0, good.stderr
    assert f"{len(SHIPPED)} roles loaded" in good.stdout
    bad = waymark("content", "check", str(folder))
    assert bad.returncode == 1, bad.stderr
    assert f"broken.md:{line}: error: " in bad.stdout
    usage = waymark("search", "sql", "--limit", "0", env_dir=CONTENT_DIR)
    assert usage.returncode == 2
    assert "--limit must be at least 1" in usage.stderr
    missing = waymark("content", "check", str(folder / "nope"))
    assert (missing.returncode, missing.stdout) == (2, "")
    assert missing.stderr.startswith("waymark content check: the content folder ")


def test_subprocess_search_answers_a_week_question():
    found = waymark("search", "what's on in week 14", "--role", "backend-engineer", env_dir=CONTENT_DIR)
    assert found.returncode == 0, found.stderr
    assert found.stdout.splitlines()[1].startswith("1. Phase 3: Databases (Weeks 13-18)")


def test_subprocess_search_json_is_utf8(tmp_path):
    found = waymark("search", "career progression", "--json", "--limit", "3", env_dir=CONTENT_DIR)
    assert found.returncode == 0, found.stderr
    payload = json.loads(found.stdout)
    assert payload["results"][0]["section"] == "📈 Career Progression"


@pytest.fixture
def noisy_folder(tmp_path: Path) -> Path:
    """A folder whose check prints far more than a pipe holds (64 KiB): 1,500 files that are not UTF-8."""
    folder = tmp_path / "noisy"
    folder.mkdir()
    for n in range(1500):
        (folder / f"bad-{n:04}.md").write_bytes(b"---\nname: x\n---\nab\x81\n")
    return folder


def read_first_line_and_leave(*argv: str) -> tuple[bytes, bytes, int]:
    """Run waymark into a real pipe, read one line and close the pipe as `| head -1` does."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=process_env(),
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    return first, err, proc.wait(timeout=60)


@pytest.mark.parametrize("flags", [[], ["--json"]], ids=["text", "json"])
def test_a_reader_that_stops_early_ends_the_check_quietly_with_the_usual_code(noisy_folder, flags):
    first, err, code = read_first_line_and_leave("content", "check", str(noisy_folder), *flags)
    assert first.startswith(b"{\n" if flags else b"bad-0000.md:4: error: the file is not UTF-8 text (byte 0x81 ")
    assert err == b""
    assert code == 1  # the folder has errors, whoever reads the output


def test_check_json_into_head_of_the_shipped_content_exits_0_quietly():
    first, err, code = read_first_line_and_leave("content", "check", "--json", str(CONTENT_DIR))
    assert (first, err, code) == (b"{\n", b"", 0)


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("head") is None, reason="needs bash and head")
@pytest.mark.parametrize("flags", ["", "--json"], ids=["text", "json"])
def test_check_piped_into_head_prints_no_traceback(noisy_folder, flags):
    command = f"{shlex.quote(sys.executable)} -m bot content check {flags} {shlex.quote(str(noisy_folder))} | head -1"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=process_env(),
        check=False,
    )
    assert done.stderr == ""
    assert done.stdout.count("\n") == 1
    assert done.returncode == 1  # waymark's own code (pipefail), not a crash's


def test_check_json_tells_self_paced_paths_and_planned_weeks(capsys):
    roadmaps = Path(__file__).parent / "fixtures" / "roadmaps"
    code, payload = run_json(capsys, "content", "check", str(roadmaps))
    assert code == 0
    roles = {r["name"]: r for r in payload["roles"]}
    assert roles["interview-checklist"]["self_paced"] is True
    assert roles["interview-checklist"]["phases"] == []
    assert roles["phase-colon-dash"]["self_paced"] is False
    assert {p["weeks_planned"] for p in roles["numbered-phases-no-timeline"]["phases"]} == {True}
    assert {p["weeks_planned"] for p in roles["phase-colon-dash"]["phases"]} == {False}
    items = roles["phase-checklists"]["checklist"]
    assert {i["phase"] for i in items} - {None}  # items written inside a phase say which
