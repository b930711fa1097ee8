"""Settings from the environment or a `.env` file, as one typed object."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.store.database import describe_target, is_postgres_url

DEFAULT_DB_PATH = "./data/waymark.sqlite3"
DEFAULT_CONTENT_DIR = "./content"
DEFAULT_CONNECT_RETRY_S = 60.0
MAX_CONNECT_RETRY_S = 24 * 3600.0
MAX_SHARD_COUNT = 10_000
DEFAULT_METRICS_HOST = "127.0.0.1"


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
    shard_count: int = 1
    """How many shards the bot's gateway connection is split into, over every process (WAYMARK_SHARD_COUNT)."""
    shard_ids: tuple[int, ...] = (0,)
    """The shards this process runs (WAYMARK_SHARD_IDS; default: all of them), ascending."""
    metrics_port: int | None = None
    """Serve `/metrics` and `/healthz` on this port (WAYMARK_METRICS_PORT); None: not at all."""
    metrics_host: str = DEFAULT_METRICS_HOST
    """The address they listen on (WAYMARK_METRICS_HOST): loopback unless set."""

    @property
    def all_shards(self) -> bool:
        """Whether this process runs every shard (then it answers every server)."""
        return len(self.shard_ids) == self.shard_count

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
            from dotenv import dotenv_values  # here: most starts have no `.env`, and the import costs ~4 ms

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

        def port(key: str) -> int | None:
            value = text(key)
            if value is None:
                return None
            if not value.isdigit() or not 1 <= int(value) <= 65535:
                raise SettingsError(f"{key} must be a TCP port from 1 to 65535, got {value!r}")
            return int(value)

        url = text("WAYMARK_DATABASE_URL")
        if url is not None and not is_postgres_url(url):
            raise SettingsError(
                f"WAYMARK_DATABASE_URL must be a PostgreSQL URL (postgresql://USER:PASSWORD@HOST:PORT/DATABASE), "
                f"got {describe_target(url)!r}; leave it unset to use the SQLite file WAYMARK_DB_PATH"
            )
        level = (text("WAYMARK_LOG_LEVEL") or "INFO").upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise SettingsError(f"WAYMARK_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {level!r}")
        count, shard_ids = shards(text("WAYMARK_SHARD_COUNT"), text("WAYMARK_SHARD_IDS"))
        if len(shard_ids) < count and url is None:
            raise SettingsError(
                f"WAYMARK_SHARD_IDS={text('WAYMARK_SHARD_IDS')} runs {len(shard_ids)} of {count} shards, so other "
                "processes must run the rest, and they need one database: set WAYMARK_DATABASE_URL (PostgreSQL). "
                "A SQLite file (WAYMARK_DB_PATH) serves one process: leave WAYMARK_SHARD_IDS unset there"
            )
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
            shard_count=count,
            shard_ids=shard_ids,
            metrics_port=port("WAYMARK_METRICS_PORT"),
            metrics_host=text("WAYMARK_METRICS_HOST") or DEFAULT_METRICS_HOST,
        )


def shards(count_text: str | None, ids_text: str | None) -> tuple[int, tuple[int, ...]]:
    """Read WAYMARK_SHARD_COUNT and WAYMARK_SHARD_IDS (`0-3`, `0,2`, `4-7,9`): the count, and the ids ascending.

    No count is one shard; no ids are all of them. Raise SettingsError saying what is wrong.
    """
    count = 1
    if count_text is not None:
        if not count_text.isdigit() or not 1 <= int(count_text) <= MAX_SHARD_COUNT:
            raise SettingsError(
                f"WAYMARK_SHARD_COUNT must be a whole number from 1 to {MAX_SHARD_COUNT} (the shards of the bot "
                f"over all its processes), got {count_text!r}"
            )
        count = int(count_text)
    if ids_text is None:
        return count, tuple(range(count))
    if count_text is None:
        raise SettingsError(
            f"WAYMARK_SHARD_IDS={ids_text} needs WAYMARK_SHARD_COUNT: how many shards there are over all processes"
        )
    found: set[int] = set()
    for part in ids_text.replace(" ", "").split(","):
        low, dash, high = part.partition("-")
        if not low.isdigit() or (dash and not high.isdigit()):
            raise SettingsError(
                f"WAYMARK_SHARD_IDS must list shard ids and ranges such as 0-3 or 0,2,5-7; got {ids_text!r}"
            )
        first, last = int(low), int(high) if dash else int(low)
        if first > last:
            raise SettingsError(f"WAYMARK_SHARD_IDS: the range {part} runs backwards; write {last}-{first}")
        if last >= count:
            raise SettingsError(
                f"WAYMARK_SHARD_IDS={ids_text} names shard {last}, but WAYMARK_SHARD_COUNT={count} has shards "
                f"0 to {count - 1}"
            )
        found.update(range(first, last + 1))
    return count, tuple(sorted(found))
