"""Time zone names: the canonical ones a learner may choose, and stored ones that can't be used here."""

from __future__ import annotations

from zoneinfo import ZoneInfo, available_timezones

import pytest

from bot.domain.zones import UTC_NAME, ZoneChoice, canonical_zones, read_zone, usable_zone, zone_or_utc


def test_canonical_names_are_places_and_utc() -> None:
    zones = canonical_zones()
    for name in ("Europe/Berlin", "America/New_York", "America/Argentina/Buenos_Aires", "Asia/Kolkata", "UTC"):
        assert name in zones
    assert "Etc/UTC" in zones
    assert "Europe/Oslo" in zones  # a link in the database, but the name zone.tab gives Norway
    for name in ("US/Pacific", "Asia/Calcutta", "Europe/Kiev", "GMT", "CET", "EST5EDT", "Etc/GMT+2", "Zulu"):
        assert name not in zones
    for name in ("localtime", "posixrules", "Factory", "right/UTC", "posix/Europe/Berlin"):
        assert name not in zones


def test_every_canonical_name_is_available_and_loads() -> None:
    zones = canonical_zones()
    assert len(zones) > 300
    assert zones <= available_timezones() | {"UTC", "Etc/UTC"}
    for name in zones:
        ZoneInfo(name)
    assert all(name in ("UTC", "Etc/UTC") or "/" in name for name in zones)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Europe/Berlin", ZoneChoice(name="Europe/Berlin")),
        ("  europe/berlin ", ZoneChoice(name="Europe/Berlin")),  # case and spaces forgiven
        ("America/New York", ZoneChoice(name="America/New_York")),
        ("UTC", ZoneChoice(name="UTC")),
        ("utc", ZoneChoice(name="UTC")),
        ("Etc/UTC", ZoneChoice(name="Etc/UTC")),
        ("Europe/Oslo", ZoneChoice(name="Europe/Oslo")),
        ("US/Pacific", ZoneChoice(problem="alias", suggestion="America/Los_Angeles")),
        ("Canada/Eastern", ZoneChoice(problem="alias", suggestion="America/Toronto")),
        ("Asia/Calcutta", ZoneChoice(problem="alias", suggestion="Asia/Kolkata")),
        ("Europe/Kiev", ZoneChoice(problem="alias", suggestion="Europe/Kyiv")),
        ("America/Buenos_Aires", ZoneChoice(problem="alias", suggestion="America/Argentina/Buenos_Aires")),
        ("Japan", ZoneChoice(problem="alias", suggestion="Asia/Tokyo")),
        ("GMT", ZoneChoice(problem="alias", suggestion="UTC")),
        ("Zulu", ZoneChoice(problem="alias", suggestion="UTC")),
        ("Etc/Universal", ZoneChoice(problem="alias", suggestion="UTC")),
        ("CET", ZoneChoice(problem="abbreviation")),
        ("EST", ZoneChoice(problem="abbreviation")),
        ("PST8PDT", ZoneChoice(problem="abbreviation")),
        ("Etc/GMT+2", ZoneChoice(problem="fixed_offset")),
        ("UTC+2", ZoneChoice(problem="fixed_offset")),
        ("GMT-05:30", ZoneChoice(problem="fixed_offset")),
        ("localtime", ZoneChoice(problem="host")),
        ("posixrules", ZoneChoice(problem="host")),
        ("Factory", ZoneChoice(problem="host")),
        ("right/UTC", ZoneChoice(problem="host", suggestion="UTC")),
        ("posix/Europe/Berlin", ZoneChoice(problem="host", suggestion="Europe/Berlin")),
        ("Berlin", ZoneChoice(problem="not_found", suggestion="Europe/Berlin")),
        ("Mars/Olympus_Mons", ZoneChoice(problem="not_found")),
        ("../etc/passwd", ZoneChoice(problem="not_found")),
        ("Europe", ZoneChoice(problem="not_found")),
        ("", ZoneChoice(problem="not_found")),
        ("Europe/Berlin\x00", ZoneChoice(problem="not_found")),
    ],
)
def test_read_zone(typed: str, expected: ZoneChoice) -> None:
    assert read_zone(typed) == expected


@pytest.mark.parametrize("name", ["Europe/Berlin", "UTC", "Etc/UTC", "US/Pacific", "Asia/Calcutta", "CET", "Etc/GMT+2"])
def test_a_stored_name_the_database_defines_is_usable(name: str) -> None:
    """Names accepted before only canonical ones were: they still mean their place, on every host."""
    assert usable_zone(name) == name
    assert zone_or_utc(name) == name


@pytest.mark.parametrize(
    "name",
    ["localtime", "posixrules", "Factory", "right/UTC", "posix/Europe/Berlin", "Mars/Olympus_Mons", "", "../etc/x"],
)
def test_a_stored_name_this_host_alone_has_or_nobody_has_counts_in_utc(name: str) -> None:
    assert usable_zone(name) is None
    assert zone_or_utc(name) == UTC_NAME


def test_no_stored_name_is_utc() -> None:
    assert usable_zone(None) is None
    assert zone_or_utc(None) == "UTC"
