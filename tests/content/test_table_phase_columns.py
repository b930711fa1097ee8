"""What the columns of a plan's tables are to a learner: in a table of phases ('| Phase | Goal | Weeks | Status |')
the goal is the phase's objective and the author's status is no topic; a day table's status column ('| Day | Topic |
Status |') is the author's, no detail of the day; a row of one week under a plural header ('| Semaines |' of '6') is
'Semaine 6', as a heading names it."""

from __future__ import annotations

import pytest

from bot.content.search import SearchIndex
from bot.handlers.learning import phase_body
from tests.content.helpers import parse_body

PHASE_TABLE = """
# Agents roadmap

| Phase | {goal} | Weeks | Status |
|---|---|---|---|
| Foundation | Python and a virtual env | 1–2 | ✅ Complete |
| Agents | Build a tool-using agent | 3–5 | 🚧 In progress |
| Deploy | Ship the agent to a server | 6–8 | ⏳ Not started |
"""


@pytest.mark.parametrize("goal", ["Goal", "Objective", "Outcome", "Focus", "Aim", "**Goal**", "🎯 Goal"])
def test_a_goal_column_of_a_table_of_phases_is_each_phases_objective(goal: str) -> None:
    role, problems = parse_body(PHASE_TABLE.format(goal=goal))
    assert not [p for p in problems if p.level == "error"]
    assert [(p.title, p.weeks) for p in role.phases] == [("Foundation", (1, 2)), ("Agents", (3, 5)), ("Deploy", (6, 8))]
    assert [p.objective for p in role.phases] == [
        "Python and a virtual env",
        "Build a tool-using agent",
        "Ship the agent to a server",
    ]
    # neither the goal nor the author's status is a topic of the phase
    assert [p.topics for p in role.phases] == [(), (), ()]
    shown = phase_body(role.phases[1])
    assert "Build a tool-using agent" in shown
    assert "Status" not in shown and "progress" not in shown


def test_a_phases_search_entry_shows_its_goal_as_an_objective_line_not_a_quote() -> None:
    role, _ = parse_body(PHASE_TABLE.format(goal="Goal"))
    (hit, *_) = SearchIndex([role]).search("tool-using agent")
    assert hit.section.title == "Weeks 3–5: Agents"
    assert hit.snippet == "**Goal:** Build a tool-using agent"


def test_a_goal_column_in_other_languages_is_the_objective_too() -> None:
    body = (
        "| Fase | Objetivo | Semanas | Estado |\n|---|---|---|---|\n"
        "| Fundamentos | Instalar Python | 1-2 | ✅ Completado |\n| Agentes | Un agente con herramientas | 3-4 | En curso |\n"
    )
    role, _ = parse_body(body)
    assert [(p.title, p.objective) for p in role.phases] == [
        ("Fundamentos", "Instalar Python"),
        ("Agentes", "Un agente con herramientas"),
    ]
    assert "Estado" not in phase_body(role.phases[1])


def test_a_week_tables_goal_beside_its_topic_is_the_objective() -> None:
    body = "| Week | Topic | Goal |\n|---|---|---|\n| 1 | Shell | Move around without a mouse |\n| 2 | Git | Branch |\n"
    role, _ = parse_body(body)
    assert [(p.title, p.objective) for p in role.phases] == [
        ("Shell", "Move around without a mouse"),
        ("Git", "Branch"),
    ]


def test_a_status_written_with_a_tasks_box_is_the_authors_too() -> None:
    body = (
        "| Phase | Focus | Weeks | Status |\n|---|---|---|---|\n"
        "| Setup | Extract and profile | 1 | [x] Completed |\n| Load | Stage and clean | 2-3 | [/] In Progress |\n"
        "| Index | Chunk and index | 4 | [ ] Not Started |\n"
    )
    role, _ = parse_body(body)
    assert [p.objective for p in role.phases] == ["Extract and profile", "Stage and clean", "Chunk and index"]
    assert [phase_body(p) for p in role.phases] == [f"**Objective:** {p.objective}" for p in role.phases]
    assert role.checklist == ()


def test_a_status_column_of_other_words_stays_a_topic() -> None:
    """A column headed 'Status' whose cells say something else than a status is the author's words, kept."""
    body = "| Phase | Weeks | Status |\n|---|---|---|\n| Basics | 1-2 | Learn SQL |\n| Joins | 3-4 | Practise joins |\n"
    role, _ = parse_body(body)
    assert "Status: Learn SQL" in phase_body(role.phases[0])


DAY_TABLES = """
## Week 1 — AI

| Day | Topic | Status | Notes |
|---|---|---|---|
| Day 1 | LLM Foundations | ✅ Complete | tokens and context |
| Day 2 | Prompt engineering | In progress | |

## Week 2 — Agents

| Day | Topic | Status |
|---|---|---|
| Mon | Tool calling | ⏳ Pending |
| Tue | Memory | Done |
"""


def test_a_day_tables_status_is_no_detail_of_the_day() -> None:
    role, _ = parse_body(DAY_TABLES)
    assert [p.title for p in role.phases] == ["AI", "Agents"]
    assert phase_body(role.phases[0]) == (
        "- Day 1 — Topic: LLM Foundations · Notes: tokens and context\n- Day 2 — Topic: Prompt engineering"
    )
    assert phase_body(role.phases[1]) == "- Mon — Topic: Tool calling\n- Tue — Topic: Memory"


def test_a_day_plans_status_is_no_detail_of_its_days() -> None:
    """A file whose plan is one table of days ('| Day | Topic | Status |', rows '| 01 | … | Completed |'): a phase per
    week of days, each day a bullet without the author's status."""
    rows = "".join(
        f"| {n:02} | {topic} | {status} |\n"
        for n, (topic, status) in enumerate(
            [("Setup", "Completed ✅"), ("Types", "Completed"), ("Loops", "✅"), ("Files", "In progress")], start=1
        )
    )
    role, _ = parse_body("| Day | Topic | Status |\n|---|---|---|\n" + rows)
    assert phase_body(role.phases[0]) == "- Day 1: Setup\n- Day 2: Types\n- Day 3: Loops\n- Day 4: Files"


@pytest.mark.parametrize(
    ("header", "titles"),
    [
        ("Semaines", ["Semaines 1-5: Introduction", "Semaine 6: Activités du module 3", "Semaines 7-8: Projet final"]),
        ("Weeks", ["Weeks 1-5: Introduction", "Week 6: Activités du module 3", "Weeks 7-8: Projet final"]),
        ("Semanas", ["Semanas 1-5: Introduction", "Semana 6: Activités du module 3", "Semanas 7-8: Projet final"]),
        ("Week", ["Week 1-5: Introduction", "Week 6: Activités du module 3", "Week 7-8: Projet final"]),
    ],
)
def test_one_week_under_a_plural_header_is_named_in_the_singular(header: str, titles: list[str]) -> None:
    body = f"| {header} | Activités |\n|---|---|\n| 1-5 | Introduction |\n| 6 | Activités du module 3 |\n| 7-8 | Projet final |\n"
    role, _ = parse_body(body)
    assert [p.weeks for p in role.phases] == [(1, 5), (6, 6), (7, 8)]
    assert [s.title for s in role.sections if s.kind == "phase"] == titles
