"""The Dockerfile and compose.yaml say what the README promises (CI cannot build them: no registry to pull from)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))


def instructions(name: str) -> list[str]:
    return re.findall(rf"^{name}\s+(.+)$", DOCKERFILE, flags=re.MULTILINE)


def dockerfile_env() -> dict[str, str]:
    block = re.search(r"^ENV WAYMARK_DB_PATH=.*?(?=\n\S)", DOCKERFILE, flags=re.MULTILINE | re.DOTALL)
    assert block is not None
    return dict(re.findall(r"(\w+)=(\S+)", block.group(0)))


def test_the_image_is_slim_python_and_runs_the_bot_as_a_user_with_data_on_a_volume() -> None:
    assert instructions("FROM") == ["python:3.11-slim"]
    (user,) = instructions("USER")
    assert user not in ("root", "0")
    assert instructions("VOLUME") == ['["/data"]']
    assert instructions("CMD") == ['["waymark", "run"]']
    env = dockerfile_env()
    assert env["WAYMARK_DB_PATH"].startswith("/data/")
    settings = Settings.load(env, env_file=None)  # the image's settings are valid ones
    assert (settings.metrics_port, settings.metrics_host) == (9108, "0.0.0.0")
    assert f"127.0.0.1:{settings.metrics_port}/healthz" in DOCKERFILE
    assert instructions("EXPOSE") == [str(settings.metrics_port)]


def test_compose_runs_the_bot_on_its_postgresql_and_publishes_metrics_on_loopback_only() -> None:
    db, bot = COMPOSE["services"]["db"], COMPOSE["services"]["bot"]
    assert db["image"].startswith("postgres:")
    assert bot["build"] == "."
    env = bot["environment"]
    assert env["WAYMARK_DATABASE_URL"].startswith("postgresql://waymark:${POSTGRES_PASSWORD}@db:5432/")
    assert bot["depends_on"]["db"]["condition"] == "service_healthy"
    assert bot["volumes"] == ["bot-data:/data"]
    assert bot["ports"] == [f"127.0.0.1:{env['WAYMARK_METRICS_PORT']}:9108"]
    assert "${POSTGRES_PASSWORD:?" in db["environment"]["POSTGRES_PASSWORD"]  # never a default password
