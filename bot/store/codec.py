"""Conversions between Python values and the text SQLite stores for them.

Timestamps are stored as fixed-width ISO-8601 UTC text (`2025-01-31T09:30:00.000000+00:00`) so they
sort correctly as text; dates as `YYYY-MM-DD`; wall-clock times as `HH:MM`.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time

log = logging.getLogger(__name__)


def encode_datetime(value: datetime) -> str:
    """Encode an aware datetime as ISO-8601 UTC text; reject naive ones."""
    if not isinstance(value, datetime):
        raise TypeError(f"expected a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"naive datetime {value.isoformat()} rejected: pass a timezone-aware datetime")
    try:
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    except OverflowError as exc:
        raise ValueError(f"datetime {value!r} is out of range in UTC") from exc


def decode_datetime(text: str) -> datetime:
    """Decode stored ISO-8601 text into an aware UTC datetime."""
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:  # never written by this code; treat as UTC rather than crash
        log.warning("naive timestamp %r found in the database; reading it as UTC", text)
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def decode_optional_datetime(text: str | None) -> datetime | None:
    """Decode a nullable timestamp column."""
    return None if text is None else decode_datetime(text)


def encode_optional_datetime(value: datetime | None) -> str | None:
    """Encode a nullable timestamp column."""
    return None if value is None else encode_datetime(value)


def encode_date(value: date) -> str:
    """Encode a calendar date (not a datetime) as `YYYY-MM-DD`."""
    if isinstance(value, datetime) or not isinstance(value, date):
        raise TypeError(f"expected a date (not a datetime), got {type(value).__name__}")
    return value.isoformat()


def decode_date(text: str) -> date:
    """Decode a stored `YYYY-MM-DD` date."""
    return date.fromisoformat(text)


def encode_local_time(value: time) -> str:
    """Encode a naive wall-clock time with whole minutes as `HH:MM`."""
    if not isinstance(value, time):
        raise TypeError(f"expected a time, got {type(value).__name__}")
    if value.tzinfo is not None:
        raise ValueError("local time must be naive: the timezone is stored separately")
    if value.second or value.microsecond:
        raise ValueError(f"local time {value.isoformat()} must be a whole minute")
    return value.strftime("%H:%M")


def decode_local_time(text: str) -> time:
    """Decode a stored `HH:MM` wall-clock time."""
    return time.fromisoformat(text)


def check_weekday(weekday: int) -> int:
    """Return `weekday` if it is 0 (Monday) .. 6 (Sunday), else raise ValueError."""
    if isinstance(weekday, bool) or not isinstance(weekday, int) or not 0 <= weekday <= 6:
        raise ValueError(f"weekday must be an int from 0 (Monday) to 6 (Sunday), got {weekday!r}")
    return weekday
