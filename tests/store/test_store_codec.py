"""Encoding of times and dates for storage."""

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.store import codec

aware = st.datetimes(
    min_value=datetime(1900, 1, 2),  # noqa: DTZ001 - hypothesis bounds are naive by design
    max_value=datetime(9999, 12, 30),  # noqa: DTZ001
    timezones=st.builds(timezone, st.timedeltas(min_value=timedelta(hours=-23), max_value=timedelta(hours=23))),
)


@given(aware)
def test_aware_datetimes_roundtrip_to_the_same_instant_in_utc(value: datetime) -> None:
    text = codec.encode_datetime(value)
    back = codec.decode_datetime(text)
    assert back == value
    assert back.tzinfo is UTC


@given(aware, aware)
def test_encoded_datetimes_sort_like_instants(a: datetime, b: datetime) -> None:
    assert (codec.encode_datetime(a) < codec.encode_datetime(b)) == (a < b)


def test_naive_datetime_rejected() -> None:
    with pytest.raises(ValueError, match="naive"):
        codec.encode_datetime(datetime(2025, 1, 1))  # noqa: DTZ001
    with pytest.raises(TypeError):
        codec.encode_datetime(date(2025, 1, 1))  # type: ignore[arg-type]


def test_dates_and_times() -> None:
    assert codec.encode_date(date(2025, 1, 6)) == "2025-01-06"
    assert codec.decode_date("2025-01-06") == date(2025, 1, 6)
    with pytest.raises(TypeError):
        codec.encode_date(datetime(2025, 1, 6, tzinfo=UTC))
    assert codec.encode_local_time(time(7, 5)) == "07:05"
    assert codec.decode_local_time("07:05") == time(7, 5)
    with pytest.raises(ValueError, match="whole minute"):
        codec.encode_local_time(time(7, 5, 1))
    for bad in (-1, 7, True, 1.0):
        with pytest.raises(ValueError, match="weekday"):
            codec.check_weekday(bad)  # type: ignore[arg-type]
