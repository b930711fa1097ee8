"""Role files written in Persian: their week, month, day and phase words read as the English ones do, as Arabic ones
are (Persian digits as digits)."""

from __future__ import annotations

import pytest

from bot.content.phases import read_phase_heading
from bot.content.questions import read_question
from tests.content.helpers import finishes_in_a_minute, parse_body


@pytest.mark.parametrize(
    ("heading", "number", "weeks", "title"),
    [
        ("هفته ۱ — GPU برای DevOps", None, (1, 1), "GPU برای DevOps"),
        ("هفته 3: داکر", None, (3, 3), "داکر"),
        ("هفته‌های ۵ تا ۶: سرویس مدل", None, (5, 6), "سرویس مدل"),
        ("هفته ۱–۲", None, (1, 2), ""),
        ("فاز ۲: پایگاه داده (هفته‌های ۵ تا ۸)", 2, (5, 8), "پایگاه داده"),
        ("مرحله ۱: مبانی (هفته ۱-۴)", 1, (1, 4), "مبانی"),
        ("ماه ۲: بک‌اند", None, (5, 8), "بک‌اند"),
        ("روزهای ۱ تا ۱۴: پایتون", None, (1, 2), "پایتون"),
        ("هفته اول: نصب ابزارها", None, (1, 1), "نصب ابزارها"),
        ("هفته سوم و چهارم: تمرین", None, (3, 4), "تمرین"),
    ],
)
def test_a_persian_phase_heading_reads_as_an_english_one(heading, number, weeks, title):
    found = read_phase_heading(heading)
    assert found is not None
    assert (found.number, None if found.first is None else (found.first, found.last), found.title) == (
        number,
        weeks,
        title,
    )


@pytest.mark.parametrize(("heading", "length"), [("فاز ۱: مبانی (۴ هفته)", 4), ("فاز ۲: پروژه (۲ ماه)", 8)])
def test_a_persian_phase_that_gives_its_length(heading, length):
    found = read_phase_heading(heading)
    assert found is not None
    assert (found.first, found.length) == (None, length)


def test_a_persian_eight_week_plan_is_its_weeks_with_their_objectives():
    role, problems = parse_body(
        "# نقشه راه ۸ هفته‌ای\n\n"
        "## هفته ۱ — مبانی GPU\n\n**هدف:** فهم تفاوت استقرار مدل با وب.\n\n- خواندن `nvidia-smi`\n\n"
        "## هفته ۲ — ایمیج داکر\n\n**هدف:** ساخت ایمیج تمیز.\n\n- کم کردن حجم ایمیج\n"
    )
    assert [(p.number, p.title, (p.first_week, p.last_week), p.objective) for p in role.phases] == [
        (1, "مبانی GPU", (1, 1), "فهم تفاوت استقرار مدل با وب."),
        (2, "ایمیج داکر", (2, 2), "ساخت ایمیج تمیز."),
    ]
    assert [p for p in problems if p.severity == "error"] == []


def test_a_week_asked_in_persian_is_that_week():
    assert read_question("هفته ۳").weeks == (3, 3)


def test_a_long_heading_of_persian_week_words_is_read_in_time():
    script = (
        "from bot.content.phases import read_phase_heading\n"
        "read_phase_heading('هفته ها ' * 20_000 + 'هفته اول')\n"
        "read_phase_heading('هفته' + ' ' * 100_000 + 'x')\n"
        "read_phase_heading('فاز ' * 30_000 + '۱')\n"
    )
    finishes_in_a_minute(script, "a heading of 20,000 Persian week words")
