"""`waymark run` without a usable token says what to do, with exit code 2 and no traceback."""

import os
import subprocess
import sys

from tests.conftest import ROOT


def run_bot(env_extra: dict[str, str], tmp_path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "WAYMARK_"))}
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,  # no .env there
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_run_without_token_names_the_setting_and_exits_2(tmp_path):
    result = run_bot({}, tmp_path)
    assert result.returncode == 2
    assert "DISCORD_TOKEN" in result.stderr
    assert "developers/applications" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_bad_setting_is_a_clear_message(tmp_path):
    result = run_bot({"DISCORD_TOKEN": "x", "WAYMARK_DEV_GUILD_ID": "my-server"}, tmp_path)
    assert result.returncode == 2
    assert "WAYMARK_DEV_GUILD_ID must be a Discord ID" in result.stderr
    assert "Traceback" not in result.stderr


def test_token_from_dotenv_file_is_used_and_never_echoed(tmp_path):
    secret = "not.a.real-token-xyz"
    (tmp_path / ".env").write_text(f"DISCORD_TOKEN={secret}\nWAYMARK_DEV_GUILD_ID=oops\n", encoding="utf-8")
    result = run_bot({}, tmp_path)
    assert result.returncode == 2  # the .env was read: the bad guild ID stops it before any login
    assert "WAYMARK_DEV_GUILD_ID" in result.stderr
    assert secret not in result.stderr + result.stdout
