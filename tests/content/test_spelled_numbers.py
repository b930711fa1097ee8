"""Phase headings that spell their numbers out ('Week One', 'Weeks One to Four', 'First Month', 'Semana Uno', 'Erste
Woche') are read as their digits would be; words that only look like numbers ('One more thing', 'First steps') are
no phases, and a spelt number that cannot be read gets a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.__main__ import main
from tests.content.helpers import SPELT_WEEKS, parse_messages, phase_spans, roadmap, role_file


def test_content_check_reads_spelt_week_headings_as_a_weekly_plan(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("WAYMARK_CONTENT_DIR", raising=False)
    (tmp_path / "b.md").write_text(role_file("b", "B path", SPELT_WEEKS), encoding="utf-8")

    code = main(["content", "check", str(tmp_path)])

    out = capsys.readouterr().out
    assert code == 0
    assert "no phases found" not in out
    assert "1 role loaded, 0 errors, 0 warnings" in out


def test_spelt_week_headings_are_weeks_in_order() -> None:
    role, messages = parse_messages(SPELT_WEEKS)
    assert phase_spans(role) == [(1, "Setup", (1, 1)), (2, "HTML", (2, 2)), (3, "CSS", (3, 3))]
    assert not role.self_paced
    assert messages == []


@pytest.mark.parametrize(
    ("first", "second", "spans"),
    [
        ("Week Twelve: Setup", "Week Thirteen: Ship", [(12, 12), (13, 13)]),
        ("WEEK ONE: Setup", "week two: Ship", [(1, 1), (2, 2)]),
        ("Weeks One to Four: Setup", "Weeks Five through Eight: Ship", [(1, 4), (5, 8)]),
        ("Weeks One–Four: Setup", "Weeks Five-Six: Ship", [(1, 4), (5, 6)]),
        ("Week One and Two: Setup", "Week Three & Four: Ship", [(1, 2), (3, 4)]),
        ("Weeks Twenty-One to Twenty-Four: Setup", "Weeks Twenty Five - Thirty: Ship", [(21, 24), (25, 30)]),
        ("Month One: Setup", "Month Two: Ship", [(1, 4), (5, 8)]),
        ("Month 1: Setup", "Month Two: Ship", [(1, 4), (5, 8)]),
        ("First Month: Setup", "Second Month: Ship", [(1, 4), (5, 8)]),
        ("First Week: Setup", "Second Week: Ship", [(1, 1), (2, 2)]),
        ("Days One to Seven: Setup", "Days Eight to Fourteen: Ship", [(1, 1), (2, 2)]),
    ],
)
def test_a_spelt_number_where_a_digit_stands_is_that_number(first, second, spans) -> None:
    role, messages = parse_messages(f"# Plan\n\n## {first}\n\n- editor\n\n## {second}\n\n- deploy\n")
    assert phase_spans(role) == [(1, "Setup", spans[0]), (2, "Ship", spans[1])]
    assert not [m for m in messages if "is not read as a phase" in m or "no phases found" in m]


def test_spelt_phase_words_and_their_spans() -> None:
    role, _ = parse_messages(
        "## Phase One: Basics (Weeks One-Four)\n\n- a\n\n"
        "## Phase Two of Three — Data (Weeks Five to Eight)\n\n- b\n\n"
        "## Third Phase: Ship (two weeks)\n\n- c\n"
    )
    assert phase_spans(role) == [(1, "Basics", (1, 4)), (2, "Data", (5, 8)), (3, "Ship", (9, 10))]


def test_stage_and_phase_numbers_past_twenty() -> None:
    role, _ = parse_messages(
        "## Stage Four: Docker (Weeks 1-2)\n\n- a\n\n## Phase Twenty-One: Review (Week 3)\n\n- b\n"
    )
    assert phase_spans(role) == [(4, "Docker", (1, 2)), (21, "Review", (3, 3))]


def test_spelt_parts_are_a_series() -> None:
    role, _ = parse_messages("## Part One: Basics\n\n- a\n\n## Part Two: Data\n\n- b\n\n## Part Three: Ship\n\n- c\n")
    assert [(p.number, p.title) for p in role.phases] == [(1, "Basics"), (2, "Data"), (3, "Ship")]


def test_a_spelt_span_after_the_title_is_the_phases_weeks() -> None:
    role, _ = parse_messages("## HTML and CSS (Weeks One to Three)\n\n- a\n\n## JavaScript (Weeks Four-Six)\n\n- b\n")
    assert phase_spans(role) == [(1, "HTML and CSS", (1, 3)), (2, "JavaScript", (4, 6))]


@pytest.mark.parametrize(
    ("first", "second", "spans"),
    [
        ("Semana Uno: Setup", "Semanas Dos a Cuatro: Ship", [(1, 1), (2, 4)]),
        ("Primer Mes: Setup", "Segundo Mes: Ship", [(1, 4), (5, 8)]),
        ("Fase Uno: Setup (Semanas 1-2)", "Fase Dos: Ship (Semanas 3-4)", [(1, 2), (3, 4)]),
        ("Woche Eins: Setup", "Wochen Zwei bis Vier: Ship", [(1, 1), (2, 4)]),
        ("Erste Woche: Setup", "Zweite Woche: Ship", [(1, 1), (2, 2)]),
        ("Erster Monat: Setup", "Monat Zwei: Ship", [(1, 4), (5, 8)]),
    ],
)
def test_spanish_and_german_spelt_numbers(first, second, spans) -> None:
    role, _ = parse_messages(f"# Plan\n\n## {first}\n\n- editor\n\n## {second}\n\n- deploy\n")
    assert phase_spans(role) == [(1, "Setup", spans[0]), (2, "Ship", spans[1])]


def test_a_spelt_week_alone_is_named_as_written() -> None:
    role, _ = parse_messages("## Week One\n\n- a\n\n## Week Two\n\n- b\n\n## First Month\n\n- c\n")
    assert [p.title for p in role.phases][:2] == ["Week One", "Week Two"]
    role, _ = parse_messages("## First Month\n\n- a\n\n## Month Two\n\n- b\n")
    assert phase_spans(role) == [(1, "First Month", (1, 4)), (2, "Month Two", (5, 8))]


def test_a_spelt_phases_checklist_group_leaves_out_its_span() -> None:
    role, _ = parse_messages(
        "## Phase One: Basics (Weeks One-Four)\n\n- [ ] a\n\n## Phase Two: Data (Weeks 5-8)\n\n- [ ] b\n"
    )
    assert [i.group for i in role.checklist] == ["Phase One: Basics", "Phase Two: Data"]


# --- words that only look like numbers ---------------------------------------------------------


def test_words_that_are_no_phase_numbers_stay_sections() -> None:
    body = "## One more thing\n\n- x\n\n## First steps\n\n- y\n\n## First, install Node\n\n- z\n\n## Semana dos Testes\n\n- t\n"
    role, messages = parse_messages("# Guide\n\n" + body)
    assert role.self_paced
    assert not [m for m in messages if "is not read as a phase" in m]
    role, _ = parse_messages("## Week One: Setup\n\n- a\n\n" + body)
    assert phase_spans(role) == [(1, "Setup", (1, 1))]
    assert [s.title for s in role.sections if s.kind == "section"][-4:] == [
        "One more thing",
        "First steps",
        "First, install Node",
        "Semana dos Testes",
    ]


def test_a_spelt_week_recap_inside_a_phase_is_a_part_of_it() -> None:
    role, _ = parse_messages(
        "## Phase 1: Basics (Weeks 1-4)\n\n- a\n\n### Week one recap\n\n- r\n\n## Phase 2: More (Weeks 5-8)\n\n- b\n"
    )
    assert phase_spans(role) == [(1, "Basics", (1, 4)), (2, "More", (5, 8))]
    assert [s.label for s in role.phase(1).subsections] == ["Week one recap"]


def test_a_first_month_among_next_and_last_months_counts_on() -> None:
    role, _ = parse_messages(
        "## First month: Learn\n\n- a\n\n## Next month: Build\n\n- b\n\n## Last month: Ship\n\n- c\n"
    )
    assert [(p.number, p.title) for p in role.phases] == [(1, "Learn"), (2, "Build"), (3, "Ship")]


# --- hints -------------------------------------------------------------------------------------


def test_a_spelt_number_that_cannot_be_read_gets_a_hint() -> None:
    _, messages = parse_messages(
        "## Week One: HTML\n\n- a\n\n## Week One Hundred: Review\n\n- b\n\n## Week First: Setup\n\n- c\n"
    )
    assert [m for m in messages if "is not read as a phase" in m] == [
        "'Week One Hundred: Review' is not read as a phase: its weeks 'Week One Hundred' are not read: write 'Week 3: "
        "Title' or 'Weeks 3-4: Title'",
        "'Week First: Setup' is not read as a phase: its weeks 'Week First' are not read: write 'Week 3: Title' or "
        "'Weeks 3-4: Title'",
    ]


def test_two_spelt_spans_are_quoted_as_written() -> None:
    _, messages = parse_messages("## Week One: HTML\n\n- a\n\n## Week Two: CSS (Week Three)\n\n- b\n")
    assert messages == [
        "'Week Two: CSS (Week Three)' is not read as a phase: it gives two spans, 'Week Two' and '(Week Three)'; keep one"
    ]


def test_the_spelt_weeks_fixture_is_a_twelve_week_plan() -> None:
    role = roadmap("spelled-week-numbers")
    assert role.total_weeks == 12
    assert [i.group for i in role.checklist][3] == "Week Five: Web UI Testing"
