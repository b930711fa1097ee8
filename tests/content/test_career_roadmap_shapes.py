"""Shapes of public career roadmaps (levels by day, tables of phases, fact lines of module ranges): each must load
with sensible phases and read to a learner as its author wrote it."""

from __future__ import annotations

from bot.content.loader import parse_bytes
from bot.present import phase_heading
from tests.content.helpers import parse_body, phase_spans, role_file

# Levels titled with the days they run, in brackets, the days not at a week's end ('Days 8–15', then 'Days 16–24').
DAY_LEVELS = """
# Frontend in a month

## Basics (Days 1–7)

- Components and templates
- Event binding

## Core (Days 8–15)

- Routing and guards
- HTTP client

## Advanced (Days 16–24)

- Server rendering
- Unit tests
"""


def test_titled_day_spans_that_share_a_week_load_one_after_another():
    role, problems = parse_body(DAY_LEVELS)
    assert [p.message for p in problems if p.severity == "error"] == []
    assert phase_spans(role) == [(1, "Basics", (1, 1)), (2, "Core", (2, 3)), (3, "Advanced", (4, 4))]


def test_titled_day_spans_in_another_language_load_too():
    body = DAY_LEVELS.replace("Days", "Días")
    role, problems = parse_bytes(role_file(body=body).encode(), "x.md")
    assert role is not None, [p.message for p in problems]
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 3), (4, 4)]


def test_titled_week_spans_that_overlap_still_fail():
    body = DAY_LEVELS.replace("Days 1–7", "Weeks 1–2").replace("Days 8–15", "Weeks 2–3")
    body = body.replace("Days 16–24", "Weeks 4–5")
    role, problems = parse_bytes(role_file(body=body).encode(), "x.md")
    assert role is None
    assert any("overlaps" in p.message for p in problems)


# A table of phases whose phase column names each phase by its word and number before its title, some linked.
PHASE_TABLE = """
# Data engineering

## Roadmap progress

| Phase | Goal | Weeks | Status |
|-------|------|-------|--------|
| [Phase 1 — Setup](./phase1/) | SQL, Python, a warehouse account | 1–2 | done |
| Phase 2: Pipelines | Batch jobs with an orchestrator | 3–6 | doing |
| **Stage 3 - Streaming** | Kafka topics and consumers | 7–9 | next |
"""


def test_a_phase_column_that_names_its_phase_gives_the_title_once():
    role, _ = parse_body(PHASE_TABLE)
    assert phase_spans(role) == [(1, "Setup", (1, 2)), (2, "Pipelines", (3, 6)), (3, "Streaming", (7, 9))]
    shown = [phase_heading(p.number, p.title) for p in role.phases]
    assert shown == ["Phase 1: Setup", "Phase 2: Pipelines", "Phase 3: Streaming"]
