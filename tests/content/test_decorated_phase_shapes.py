"""Phase headings in the issue's shapes with the decorations authors add: a series word's weeks written on the line
under it, an hours note inside the span's brackets, a span in the objective line, and the objective's labels."""

from __future__ import annotations

import pytest

from bot.content.answers import answer
from bot.content.search import SearchIndex
from tests.content.helpers import parse_body


@pytest.mark.parametrize("word", ["Part", "Module", "Step", "Level"])
@pytest.mark.parametrize("line", ["(Weeks {a}-{b})", "*Weeks {a}-{b}*", "**Duration:** Weeks {a}-{b}"])
def test_a_series_word_takes_the_weeks_its_first_line_gives(word: str, line: str) -> None:
    body = "# Plan\n\n"
    for n, (a, b) in enumerate([(1, 3), (4, 8), (9, 10)], start=1):
        body += f"## {word} {n}: Topic {n}\n{line.format(a=a, b=b)}\n\n- a bullet of part {n}\n\n"
    role, problems = parse_body(body)
    assert [(p.number, p.title, p.weeks, p.planned) for p in role.phases] == [
        (1, "Topic 1", (1, 3), False),
        (2, "Topic 2", (4, 8), False),
        (3, "Topic 3", (9, 10), False),
    ]
    assert not [p for p in problems if "no weeks" in p.message]
    assert [piece.md for piece in role.phases[1].body] == ["a bullet of part 2"]


@pytest.mark.parametrize("mark", ["·", "|", "•", ",", "—"])
def test_the_mark_between_a_span_and_its_hours_is_no_part_of_the_title(mark: str) -> None:
    role, _ = parse_body(
        f"## Phase 1: Shell (Weeks 1-3 {mark} 10 h/week)\n- pipes\n\n## Phase 2: Git (Weeks 4-6 {mark} 8 h/week)\n- commits\n"
    )
    assert [(p.title, p.weeks) for p in role.phases] == [("Shell (10 h/week)", (1, 3)), ("Git (8 h/week)", (4, 6))]


@pytest.mark.parametrize("word", ["Step", "Module", "Part", "Phase"])
def test_ranges_of_a_series_that_count_on_from_week_1_are_its_weeks(word: str) -> None:
    body = "".join(
        f"## {word} 0{n} · Topic {n} ({a}-{b} weeks) ##\n- a bullet of part {n}\n\n"
        for n, (a, b) in enumerate([(1, 3), (4, 8), (9, 12)], start=1)
    )
    role, _ = parse_body(body)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "Topic 1", (1, 3)),
        (2, "Topic 2", (4, 8)),
        (3, "Topic 3", (9, 12)),
    ]


def test_lengths_of_a_series_stay_lengths() -> None:
    body = "".join(
        f"## Step {n}: Topic {n} ({a}-{b} weeks)\n- bullet {n}\n\n"
        for n, (a, b) in enumerate([(1, 2), (2, 3), (1, 2)], 1)
    )
    role, _ = parse_body(body)
    assert [p.weeks for p in role.phases] == [(1, 2), (3, 5), (6, 7)]


def test_a_day_question_finds_the_series_phase_whose_line_gives_its_days() -> None:
    role, _ = parse_body(
        "## Module 1 — Shell\n*Days 1–8 · with Ana*\n\n- pipes\n\n"
        "## Module 2 — Sheets\n*Days 9–12 · with Bo*\n\n- formulas\n\n"
        "## Module 3 — Stats\n*Days 13–20*\n\n- means\n"
    )
    assert [(p.number, p.days) for p in role.phases] == [(1, (1, 8)), (2, (9, 12)), (3, (13, 20))]
    note = answer(SearchIndex([role]), "day 10", role=role.name).note
    assert note.startswith("Day 10 of Test Role is in Phase 2: Sheets")


@pytest.mark.parametrize(
    "line",
    [
        "**Goal (Weeks {a}-{b}):** Be able to {x}.",
        "**Objective [Weeks {a}–{b}]:** Be able to {x}.",
        "🎯 Goal (Weeks {a}-{b}): Be able to {x}.",
    ],
)
def test_a_span_in_the_objective_line_gives_the_phase_its_weeks_and_the_line_stays_its_objective(line: str) -> None:
    body = "# Plan\n\n"
    for n, (a, b, x) in enumerate([(1, 3, "script"), (4, 8, "branch"), (9, 10, "ship")], start=1):
        body += f"## Phase {n}: Topic {n}\n{line.format(a=a, b=b, x=x)}\n\n- a bullet of part {n}\n\n"
    role, problems = parse_body(body)
    assert [(p.title, p.weeks, p.planned, p.objective) for p in role.phases] == [
        ("Topic 1", (1, 3), False, "Be able to script."),
        ("Topic 2", (4, 8), False, "Be able to branch."),
        ("Topic 3", (9, 10), False, "Be able to ship."),
    ]
    assert not [p for p in problems if "no weeks" in p.message]


@pytest.mark.parametrize(
    ("line", "objective"),
    [
        ("*Focus:* Get fluent with pipes. Then move on.", "Get fluent with pipes."),
        ("_Goal_: Get fluent with pipes.", "Get fluent with pipes."),
        ("Outcome - Get fluent with pipes.", "Get fluent with pipes."),
        ("Outcome — Get fluent with pipes.", "Get fluent with pipes."),
        ("Focus: get fluent with pipes.", "get fluent with pipes."),
        ("Lead: Ana runs this phase.", "Lead: Ana runs this phase."),
        ("Pipes - the glue of the shell.", "Pipes - the glue of the shell."),
    ],
)
def test_an_objective_label_in_italics_or_before_a_dash_is_no_words_of_the_objective(line: str, objective: str) -> None:
    role, _ = parse_body(
        f"## Phase 1: Shell (Weeks 1-2)\n{line}\n\n- pipes\n\n## Phase 2: Git (Weeks 3-4)\n- commits\n"
    )
    assert role.phases[0].objective == objective


def test_an_objectives_label_over_a_list_is_a_part_that_holds_it() -> None:
    role, _ = parse_body(
        "## Phase 1: Python (Weeks 1-4)\n**Objectives**\n- Read and write Python\n- Use the standard library\n\n"
        "**Topics**\n- Syntax\n\n## Phase 2: Web (Weeks 5-8)\n**Objectives:**\n- Build a Flask app\n"
    )
    first, second = role.phases
    assert first.objective is None
    assert [(s.label, [t.title for t in s.topics]) for s in first.subsections] == [
        ("Objectives", ["Read and write Python", "Use the standard library"]),
        ("Topics", ["Syntax"]),
    ]
    assert [(p.kind, p.md) for p in first.body] == [
        ("label", "Objectives"),
        ("item", "Read and write Python"),
        ("item", "Use the standard library"),
        ("label", "Topics"),
        ("item", "Syntax"),
    ]
    assert [(s.label, [t.title for t in s.topics]) for s in second.subsections] == [
        ("Objectives", ["Build a Flask app"])
    ]


def test_an_objective_sub_heading_that_opens_a_phase_gives_its_objective() -> None:
    role, _ = parse_body(
        "## Phase 1: Python (Weeks 1-4)\n### 🎯 Objective\nRead and write Python.\n\n### Learn\n- Syntax\n\n"
        "## Phase 2: Web (Weeks 5-8)\n### Objectives\n- Build a Flask app\n\n### Learn\n- Flask\n\n"
        "## Phase 3: Ship (Weeks 9-10)\n### Goal\nShip it.\n- Docker\n"
    )
    first, second, third = role.phases
    assert first.objective == "Read and write Python."
    assert [s.label for s in first.subsections] == ["Learn"]
    assert [(p.kind, p.md) for p in first.body] == [("label", "Learn"), ("item", "Syntax")]
    # a list under it, or more than its text: a part as written
    assert second.objective is None and [s.label for s in second.subsections] == ["Objectives", "Learn"]
    assert third.objective is None and [s.label for s in third.subsections] == ["Goal"]
