"""WAYMARK_SHARD_COUNT, WAYMARK_SHARD_IDS and WAYMARK_METRICS_PORT: typed, checked, and refused with a reason."""

import pytest

from bot.settings import Settings, SettingsError

PG = {"WAYMARK_DATABASE_URL": "postgresql://waymark@127.0.0.1/waymark"}


def load(**env: str) -> Settings:
    return Settings.load(env, env_file=None)


def test_one_process_runs_one_shard_by_default_and_no_metrics() -> None:
    settings = load()
    assert (settings.shard_count, settings.shard_ids, settings.all_shards) == (1, (0,), True)
    assert settings.metrics_port is None
    assert settings.metrics_host == "127.0.0.1"


@pytest.mark.parametrize(
    ("count", "ids", "expected"),
    [
        ("4", "0-3", (0, 1, 2, 3)),
        ("4", "0,2", (0, 2)),
        ("8", " 6-7, 0 ,3-4", (0, 3, 4, 6, 7)),
        ("4", "2", (2,)),
        ("4", "1-1,1", (1,)),
    ],
)
def test_shard_ids_take_lists_and_ranges(count: str, ids: str, expected: tuple[int, ...]) -> None:
    settings = load(WAYMARK_SHARD_COUNT=count, WAYMARK_SHARD_IDS=ids, **PG)
    assert (settings.shard_count, settings.shard_ids) == (int(count), expected)


def test_a_count_alone_runs_every_shard_in_this_process_even_on_sqlite() -> None:
    settings = load(WAYMARK_SHARD_COUNT="3")
    assert settings.shard_ids == (0, 1, 2)
    assert settings.all_shards


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"WAYMARK_SHARD_COUNT": "0"}, "WAYMARK_SHARD_COUNT must be a whole number from 1 to 10000"),
        ({"WAYMARK_SHARD_COUNT": "two"}, "WAYMARK_SHARD_COUNT must be a whole number"),
        ({"WAYMARK_SHARD_IDS": "0-1"}, "WAYMARK_SHARD_IDS=0-1 needs WAYMARK_SHARD_COUNT"),
        ({"WAYMARK_SHARD_COUNT": "4", "WAYMARK_SHARD_IDS": "0-4"}, "names shard 4, but WAYMARK_SHARD_COUNT=4"),
        ({"WAYMARK_SHARD_COUNT": "4", "WAYMARK_SHARD_IDS": "3-1"}, "the range 3-1 runs backwards; write 1-3"),
        ({"WAYMARK_SHARD_COUNT": "4", "WAYMARK_SHARD_IDS": "a,b"}, "such as 0-3 or 0,2,5-7; got 'a,b'"),
        ({"WAYMARK_SHARD_COUNT": "4", "WAYMARK_SHARD_IDS": "-1"}, "such as 0-3"),
        ({"WAYMARK_METRICS_PORT": "0"}, "WAYMARK_METRICS_PORT must be a TCP port from 1 to 65535, got '0'"),
        ({"WAYMARK_METRICS_PORT": "http"}, "WAYMARK_METRICS_PORT must be a TCP port"),
        ({"WAYMARK_METRICS_PORT": "70000"}, "WAYMARK_METRICS_PORT must be a TCP port"),
    ],
)
def test_bad_values_are_refused_saying_why(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError) as info:
        load(**env, **PG)
    assert message in str(info.value)


def test_some_shards_need_postgresql() -> None:
    with pytest.raises(SettingsError, match=r"runs 2 of 4 shards.*set WAYMARK_DATABASE_URL") as info:
        load(WAYMARK_SHARD_COUNT="4", WAYMARK_SHARD_IDS="0-1")
    assert "WAYMARK_DB_PATH" in str(info.value)


def test_metrics_port_and_host() -> None:
    settings = load(WAYMARK_METRICS_PORT="9108", WAYMARK_METRICS_HOST="0.0.0.0")
    assert (settings.metrics_port, settings.metrics_host) == (9108, "0.0.0.0")
