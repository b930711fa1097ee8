"""Time zone names: which ones a learner may choose, and what a stored one is computed with.

Canonical names
---------------
A learner (or a study group) may choose only a *canonical* IANA name: a zone of the time zone database
named after a place (``Area/City``, such as ``Europe/Berlin`` or ``America/Argentina/Buenos_Aires``), a
name the database's ``zone.tab`` lists for a country (``Europe/Oslo``), or ``UTC`` / ``Etc/UTC``.
Everything else that ``zoneinfo`` would load is refused, with what to use instead:

* links kept for old spellings (``US/Pacific``, ``Asia/Calcutta``, ``Europe/Kiev``): their current name;
* legacy names with no place (``CET``, ``EST5EDT``, ``GMT``, ``Zulu``) and fixed offsets (``Etc/GMT+2``,
  which means UTC-2);
* names of the host's own set-up (``localtime``, ``posixrules``, ``Factory``, ``posix/…``, ``right/…``):
  they mean different things, or nothing, on another machine.

Case and spaces are forgiven: ``europe/berlin`` and ``America/New York`` are read as the canonical name.
The lists come from the ``tzdata`` package (a dependency, so the same on every host), else from the
system's zone folder.

Stored names
------------
A name stored before these rules (or written into the database by hand) is used as long as it is a name
the time zone database defines (an old alias still means its place). One it does not define, such as
``localtime`` or a typo, cannot be relied on: `usable_zone` says None and callers compute in UTC and tell
the learner, rather than fail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from zoneinfo import TZPATH, ZoneInfo, ZoneInfoNotFoundError, available_timezones

__all__ = [
    "UTC_NAME",
    "ZoneChoice",
    "canonical_zones",
    "read_zone",
    "usable_zone",
    "zone_or_utc",
]

UTC_NAME = "UTC"
_UTC_NAMES = frozenset({"UTC", "Etc/UTC"})
_AREAS = ("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific")
_HOST_NAMES = frozenset({"localtime", "posixrules", "factory"})
_HOST_FOLDERS = ("posix/", "right/")
_FIXED_OFFSET = re.compile(r"^(?:etc/)?(?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d\d)?$", re.IGNORECASE)
_ABBREVIATIONS = frozenset(
    {"CET", "CST6CDT", "EET", "EST", "EST5EDT", "HST", "MET", "MST", "MST7MDT", "PST8PDT", "WET"}
)
"""Legacy names that read as a time zone abbreviation: their rules are not those of the places using it."""


@dataclass(frozen=True, slots=True)
class _Database:
    zones: frozenset[str]  # every zone the database defines (not links)
    links: dict[str, str]  # link name -> the zone it stands for
    country: frozenset[str]  # names zone.tab lists, one or more per country


def _read_data(name: str) -> str | None:
    """Return a file of the time zone database: the tzdata package's, else the host's; None when neither has it."""
    from importlib import resources  # here: read once, for a zone a learner types; it imports tempfile and more

    try:
        return resources.files("tzdata").joinpath("zoneinfo", name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        pass
    for folder in TZPATH:
        path = Path(folder) / name
        if path.is_file():
            return path.read_text(encoding="utf-8", errors="replace")
    return None


@cache
def _database() -> _Database:
    """Read which names are zones and which are links (`tzdata.zi`), and the country zones (`zone.tab`)."""
    compiled = _read_data("tzdata.zi")
    table = _read_data("zone.tab") or ""
    country = frozenset(
        fields[2] for line in table.splitlines() if not line.startswith("#") and len(fields := line.split("\t")) >= 3
    )
    if compiled is None:  # no database sources anywhere: judge the names the host has by their shape
        names = {n for n in available_timezones() if n.split("/")[0] in _AREAS} | _UTC_NAMES
        return _Database(frozenset(names), {}, country)
    zones: set[str] = set()
    links: dict[str, str] = {}
    for line in compiled.splitlines():
        fields = line.split()
        if len(fields) >= 2 and fields[0] == "Z":
            zones.add(fields[1])
        elif len(fields) >= 3 and fields[0] == "L":
            links[fields[2]] = fields[1]
    return _Database(frozenset(zones), links, country)


@cache
def canonical_zones() -> frozenset[str]:
    """Return every name a learner may choose (see the module docstring)."""
    data = _database()
    places = {z for z in data.zones if z.split("/")[0] in _AREAS}
    return frozenset(places | data.country | _UTC_NAMES)


@cache
def _by_lower_name() -> dict[str, str]:
    """Every name the database knows, lowercased, to its spelling."""
    data = _database()
    return {name.lower(): name for name in (*data.zones, *data.links, *data.country)}


@cache
def _by_city() -> dict[str, tuple[str, ...]]:
    """Canonical names by their last part, lowercased ("berlin" -> ("Europe/Berlin",))."""
    cities: dict[str, list[str]] = {}
    for name in sorted(canonical_zones()):
        cities.setdefault(name.rsplit("/", 1)[-1].lower(), []).append(name)
    return {city: tuple(names) for city, names in cities.items()}


def _current_name(name: str) -> str | None:
    """Follow links to the zone a name stands for; the canonical name to suggest, or None."""
    data = _database()
    seen = set()
    while name in data.links and name not in seen:
        seen.add(name)
        name = data.links[name]
    if name in ("Etc/UTC", "Etc/GMT"):  # GMT, Zulu, Universal, Etc/GMT0, ...: UTC by another name
        return UTC_NAME
    return name if name in canonical_zones() else None


@dataclass(frozen=True, slots=True)
class ZoneChoice:
    """What a typed time zone name is: `name`, the canonical spelling, or `problem` and what to use instead.

    `problem` is one of "not_found", "alias", "abbreviation", "fixed_offset", "host"; `suggestion`
    is a canonical name to offer (for "alias" always, for "not_found" when the city matched one).
    """

    name: str | None = None
    problem: str | None = None
    suggestion: str | None = None


def read_zone(text: str) -> ZoneChoice:
    """Read a time zone a user typed: its canonical name, or why it is refused and what to use instead."""
    typed = "_".join(text.strip().split())
    lower = typed.lower()
    canonical = canonical_zones()
    known = _by_lower_name().get(lower)
    if known in canonical:
        return ZoneChoice(name=known)
    if lower in _HOST_NAMES:
        return ZoneChoice(problem="host")
    if lower.startswith(_HOST_FOLDERS):
        inner = read_zone(typed.split("/", 1)[1]) if "/" in typed else ZoneChoice(problem="not_found")
        return ZoneChoice(problem="host", suggestion=inner.name or inner.suggestion)
    current = _current_name(known) if known is not None else None
    if current == UTC_NAME:
        return ZoneChoice(problem="alias", suggestion=current)
    if _FIXED_OFFSET.match(lower):
        return ZoneChoice(problem="fixed_offset")
    if known is not None and known.upper() in _ABBREVIATIONS:
        return ZoneChoice(problem="abbreviation")
    if current is not None:
        return ZoneChoice(problem="alias", suggestion=current)
    cities = _by_city().get(lower.rsplit("/", 1)[-1], ())
    return ZoneChoice(problem="not_found", suggestion=cities[0] if len(cities) == 1 else None)


def _portable(name: str) -> bool:
    """Whether a name means the same zone on every host: one the time zone database itself defines."""
    data = _database()
    if not data.links:  # no database sources: only the names judged by shape
        return name in data.zones
    return (name in data.zones or name in data.links) and name.lower() not in _HOST_NAMES


@cache
def usable_zone(name: str | None) -> str | None:
    """Return a stored zone name if reminders and weeks can be computed with it, else None.

    A canonical name, or an old alias the database still defines (it loads the same everywhere).
    None for a name only some hosts have (``localtime``, ``right/UTC``), a placeholder (``Factory``),
    or one that does not load at all.
    """
    if not name or not _portable(name):
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    return name


def zone_or_utc(stored: str | None) -> str:
    """Return the zone to compute with for a stored name: itself when it can be used, else UTC."""
    return usable_zone(stored) or UTC_NAME
