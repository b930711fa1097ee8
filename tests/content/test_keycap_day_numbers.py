"""Days numbered in keycap emoji of two digits ('Day 0️⃣9️⃣', 'Day 1️⃣0️⃣'), as an emoji-rich challenge README numbers
them, are days 9 and 10: a table or headings of such days are a plan of a phase per week, as with plain digits."""

from __future__ import annotations

from bot.content.phases import heading_day
from tests.content.helpers import parse_messages, phase_spans

TOPICS = ["Wedging", "Centering", "Opening", "Walls", "Trimming", "Handles", "Bisque", "Glazes", "Glazing", "Kiln"]


def keycaps(n: int) -> str:
    """Return `n` (0-99) in two keycap emoji ('0️⃣9️⃣')."""
    return "".join(f"{d}\ufe0f\u20e3" for d in f"{n:02d}")


def test_a_day_in_keycaps_is_its_whole_number():
    assert heading_day(f"Day {keycaps(10)}: Kiln") == 10
    assert heading_day(f"Day {keycaps(1)}") == 1


def test_a_table_of_keycap_days_is_a_phase_per_week():
    rows = "".join(f"| Day {keycaps(d)} | {t} | Make one |\n" for d, t in enumerate(TOPICS, 1))
    role, _ = parse_messages("# Pottery\n\n## Schedule\n\n| Day | Topic | Challenge |\n|---|---|---|\n" + rows)
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2)]
    assert role.phases[1].title == "Glazes · Glazing · Kiln"


def test_keycap_day_headings_are_a_phase_per_week():
    body = "# Pottery\n\n" + "".join(f"## Day {keycaps(d)}: {t}\n\nPractise {t}.\n\n" for d, t in enumerate(TOPICS, 1))
    role, _ = parse_messages(body)
    assert phase_spans(role)[1] == (2, "Glazes · Glazing · Kiln", (2, 2))


def test_a_day_column_of_keycaps_alone_counts_those_days():
    # a day table written as a social post writes it: the day cell a keycap alone ('1️⃣', '🔟'), no 'Day' before it
    cells = [f"{d}\ufe0f\u20e3" for d in range(1, 10)] + ["\U0001f51f"]
    rows = "".join(f"| {c} | {t} |\n" for c, t in zip(cells, TOPICS, strict=True))
    role, messages = parse_messages("# Pottery\n\n## Plan\n\n| Day | Topic |\n|---|---|\n" + rows)
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2)]
    assert role.phases[1].title == "Glazes · Glazing · Kiln"
    assert [piece.md for piece in role.phases[1].body if piece.kind == "item"] == [
        "Day 8: Glazes",
        "Day 9: Glazing",
        "Day 10: Kiln",
    ]
    assert messages == []


def test_a_keycap_after_a_titles_word_is_an_icon_not_a_number():
    role, _ = parse_messages(
        "## Phase 1: Basics (Weeks 1-2)\n- shells\n\n## Phase 2: Security 🔟 (Weeks 3-4)\n- threat models\n"
    )
    assert phase_spans(role) == [(1, "Basics", (1, 2)), (2, "Security", (3, 4))]
