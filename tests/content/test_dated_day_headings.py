"""A log of days whose headings give each day's date or weekday and no topic ('### Day 1: March 3, Tuesday') is a
plan of weeks named by their days ('Days 1-7'), not by a list of dates: a date says when, not what the week is
about. Each day's part keeps its date."""

from __future__ import annotations

import pytest

from tests.content.helpers import parse_messages, phase_spans


def log(heading: str, days: int = 9) -> str:
    """Return a file of `days` day headings written as `heading` (formatted with the day `d`), each with a task."""
    return "# A Season of Looms\n\n" + "".join(
        f"### {heading.format(d=d)}\n\n- [ ] Weave row {d}\n\n" for d in range(1, days + 1)
    )


@pytest.mark.parametrize(
    "heading",
    [
        "Day {d}: March {d}, Tuesday",  # a date, then its weekday
        "Day {d} - Tuesday, March {d}",  # a weekday, then the date
        "Day {d} (March {d})",
        "Day {d}: {d} March 2031",
        "Day {d} - Tuesday",  # a weekday alone
        "Day {d} (Tue)",  # a weekday in brackets, as short as it likes
    ],
)
def test_days_headed_by_their_dates_make_weeks_named_by_their_days(heading: str):
    role, _ = parse_messages(log(heading))
    assert phase_spans(role) == [(1, "Days 1-7", (1, 1)), (2, "Days 8-9", (2, 2))]
    assert [p.label for p in role.phases[1].subsections] == [heading.format(d=8), heading.format(d=9)]


def test_a_day_with_a_date_and_a_topic_titles_its_week_by_the_topic():
    role, _ = parse_messages(log("Day {d}: Twill {d} (March {d})"))
    assert role.phases[1].title == "Twill 8 · Twill 9"


def test_a_day_with_its_weekday_in_brackets_before_its_topic_is_titled_by_the_topic():
    role, _ = parse_messages(log("Day {d} (Tue): Twill {d}"))
    assert role.phases[1].title == "Twill 8 · Twill 9"
