"""Settings from the environment or a `.env` file, as one typed object."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dotenv import dotenv_values

from bot.store.database import describe_target, is_postgres_url

DEFAULT_DB_PATH = "./data/waymark.sqlite3"
DEFAULT_CONTENT_DIR = "./content"
DEFAULT_CONNECT_RETRY_S = 60.0
MAX_CONNECT_RETRY_S = 24 * 3600.0


class SettingsError(ValueError):
    """A setting has a value the bot cannot use; the message says which and why."""


@dataclass(frozen=True)
class Settings:
    """Everything the bot reads from its environment (see `.env.example`)."""

    token: str | None = field(default=None, repr=False)
    db_path: Path = Path(DEFAULT_DB_PATH)
    database_url: str | None = field(default=None, repr=False)
    """A `postgresql://` URL: the bot's database is PostgreSQL's, and `db_path` is not used."""
    content_dir: Path = Path(DEFAULT_CONTENT_DIR)
    log_level: str = "INFO"
    dev_guild_id: int | None = None
    moderator_role_id: int | None = None
    api_base: str | None = None
    gateway_url: str | None = None
    connect_retry_s: float = DEFAULT_CONNECT_RETRY_S
    """How long `run` keeps trying to reach Discord at start-up before it gives up (exit 3)."""

    @property
    def database(self) -> str | Path:
        """What `Store.open` is given: WAYMARK_DATABASE_URL when set, else the SQLite file WAYMARK_DB_PATH."""
        return self.database_url or self.db_path

    @property
    def database_label(self) -> str:
        """The database, named for a message (a URL without its password)."""
        return describe_target(self.database)

    @property
    def database_setting(self) -> str:
        """The setting that chose the database, for a message that says what to change."""
        return "WAYMARK_DATABASE_URL" if self.database_url else "WAYMARK_DB_PATH"

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, env_file: str | Path | None = ".env") -> Settings:
        """Read settings: the process environment wins over the `.env` file."""
        values: dict[str, str] = {}
        if env_file is not None and Path(env_file).is_file():
            values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
        values.update(os.environ if env is None else env)

        def text(key: str) -> str | None:
            value = values.get(key, "").strip()
            return value or None

        def snowflake(key: str) -> int | None:
            value = text(key)
            if value is None:
                return None
            if not value.isdigit():
                raise SettingsError(f"{key} must be a Discord ID (digits only), got {value!r}")
            return int(value)

        def seconds(key: str, default: float) -> float:
            value = text(key)
            if value is None:
                return default
            try:
                number = float(value)
            except ValueError:
                number = -1.0
            if not 0 <= number <= MAX_CONNECT_RETRY_S:  # also rejects nan and inf
                raise SettingsError(
                    f"{key} must be a number of seconds from 0 to {MAX_CONNECT_RETRY_S:.0f}, got {value!r}"
                )
            return number

        url = text("WAYMARK_DATABASE_URL")
        if url is not None and not is_postgres_url(url):
            raise SettingsError(
                f"WAYMARK_DATABASE_URL must be a PostgreSQL URL (postgresql://USER:PASSWORD@HOST:PORT/DATABASE), "
                f"got {describe_target(url)!r}; leave it unset to use the SQLite file WAYMARK_DB_PATH"
            )
        level = (text("WAYMARK_LOG_LEVEL") or "INFO").upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise SettingsError(f"WAYMARK_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {level!r}")
        return cls(
            token=text("DISCORD_TOKEN"),
            db_path=Path(text("WAYMARK_DB_PATH") or DEFAULT_DB_PATH),
            database_url=url,
            content_dir=Path(text("WAYMARK_CONTENT_DIR") or DEFAULT_CONTENT_DIR),
            log_level=level,
            dev_guild_id=snowflake("WAYMARK_DEV_GUILD_ID"),
            moderator_role_id=snowflake("WAYMARK_MODERATOR_ROLE_ID"),
            api_base=text("DISCORD_API_BASE"),
            gateway_url=text("DISCORD_GATEWAY_URL"),
            connect_retry_s=seconds("WAYMARK_CONNECT_RETRY_S", DEFAULT_CONNECT_RETRY_S),
        )
