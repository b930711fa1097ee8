"""WAYMARK_DATABASE_URL: PostgreSQL when set, the SQLite file otherwise; its password never in a message."""

from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError
from bot.store.database import describe_target


def test_sqlite_file_by_default() -> None:
    settings = Settings.load({"WAYMARK_DB_PATH": "/srv/w.sqlite3", "WAYMARK_DATABASE_URL": " "}, env_file=None)
    assert settings.database == Path("/srv/w.sqlite3")
    assert settings.database_label == "/srv/w.sqlite3"
    assert settings.database_setting == "WAYMARK_DB_PATH"


def test_a_postgres_url_wins_and_its_password_stays_hidden() -> None:
    url = "postgresql://waymark:s3cret@db.internal:5433/waymark"
    settings = Settings.load({"WAYMARK_DB_PATH": "/srv/w.sqlite3", "WAYMARK_DATABASE_URL": url}, env_file=None)
    assert settings.database == url
    assert settings.database_label == "postgresql://waymark:***@db.internal:5433/waymark"
    assert settings.database_setting == "WAYMARK_DATABASE_URL"
    assert "s3cret" not in repr(settings)


@pytest.mark.parametrize(
    ("password", "label"),
    [
        ("pa/ss", "postgresql://waymark:***@db.internal:5433/waymark"),  # base64 passwords hold '/'
        ("pa#ss", "postgresql://waymark:***@db.internal:5433/waymark"),
        ("pa?ss", "postgresql://waymark:***@db.internal:5433/waymark"),
        ("pa@ss", "postgresql://waymark:***@db.internal:5433/waymark"),
        ("pa%2Fss", "postgresql://waymark:***@db.internal:5433/waymark"),
    ],
)
def test_a_password_a_url_parser_would_split_elsewhere_stays_hidden(password: str, label: str) -> None:
    url = f"postgresql://waymark:{password}@db.internal:5433/waymark"
    settings = Settings.load({"WAYMARK_DATABASE_URL": url}, env_file=None)
    assert settings.database_label == label
    assert "pa" not in settings.database_label.split("@")[0]


def test_a_url_with_a_bad_port_is_named_without_its_password() -> None:
    url = "postgresql://waymark:s3cret@db.internal:54x3/waymark"
    assert describe_target(url) == "postgresql://waymark:***@db.internal:54x3/waymark"
    assert describe_target("postgresql://db.internal/waymark") == "postgresql://db.internal/waymark"
    assert describe_target("postgresql://waymark@db.internal/waymark") == "postgresql://waymark@db.internal/waymark"


@pytest.mark.parametrize("url", ["mysql://u:pw@h/db", "/srv/waymark.sqlite3", "sqlite:///x.db"])
def test_anything_but_a_postgres_url_is_refused(url: str) -> None:
    with pytest.raises(SettingsError, match="WAYMARK_DATABASE_URL must be a PostgreSQL URL") as info:
        Settings.load({"WAYMARK_DATABASE_URL": url}, env_file=None)
    assert "pw" not in str(info.value)
