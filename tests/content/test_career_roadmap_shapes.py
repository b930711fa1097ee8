"""Shapes of public career roadmaps (levels by day, tables of phases, fact lines of module ranges): each must load
with sensible phases and read to a learner as its author wrote it."""

from __future__ import annotations

from bot.content.loader import parse_bytes
from bot.content.search import SearchIndex
from bot.domain.today import build_today
from bot.domain.weeks import ScheduledPhase
from bot.present import phase_heading, today_lines
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


# Phases that say which of a course's modules they cover, on a label line of numbers at their top.
MODULE_RANGES = """
# Rust in six months

## Phase 1: Basics (Weeks 1–2)

**Modules:** 01–06

| Module | Topic |
|--------|-------|
| 01 | Ownership |
| 02 | Borrowing |

## Phase 2: Systems (Weeks 3–4)

**Chapters:** 7–9, 12

- Threads and channels
- Async runtimes
"""


def _week(role, number: int, week: int) -> str:
    phase = next(p for p in role.phases if p.number == number)
    scheduled = ScheduledPhase(number, phase.first_week, phase.last_week)
    return "\n".join(today_lines(build_today(phase, scheduled, week, role.checklist, ())))


def test_a_label_line_of_numbers_at_a_phase_top_is_a_fact_no_weeks_work():
    role, _ = parse_body(MODULE_RANGES)
    basics, systems = role.phases
    assert [s.label for s in basics.subsections] == [] and [s.label for s in systems.subsections] == []
    first = _week(role, 1, 1)
    assert "**Modules:** 01–06" in first and "Ownership" in first
    assert "- Modules" not in first and "• Modules" not in first
    assert "**Chapters:** 7–9, 12" in _week(role, 2, 4)
    (hit, *_) = SearchIndex([role]).search("async runtimes")
    assert role.trail(hit.path) == ("Phase 2: Systems (Weeks 3–4)",)


def test_a_label_line_of_words_still_heads_its_list():
    role, _ = parse_body(MODULE_RANGES.replace("**Chapters:** 7–9, 12", "**Projects:** two small ones"))
    systems = role.phases[1]
    assert [s.label for s in systems.subsections] == ["Projects"]


# A learning log that keeps its current month on top: its months written newest first.
NEWEST_FIRST = """
# Cloud log

## Progress

### Month 3 — Kubernetes (in progress)

- Pods and deployments
- [ ] Deploy the demo app to a cluster

### Month 2 — Containers (done)

- Dockerfiles and images
- [x] Ship the API in a container

### Month 1 — Linux (done)

- Shell and permissions
- [x] Write a backup script
"""


def test_months_written_newest_first_are_walked_from_week_one():
    role, problems = parse_body(NEWEST_FIRST)
    assert [p.message for p in problems if p.severity == "error"] == []
    assert phase_spans(role) == [
        (1, "Linux", (1, 4)),  # the author's '(done)' is no part of a learner's phase
        (2, "Containers", (5, 8)),
        (3, "Kubernetes", (9, 12)),
    ]
    assert [(item.text, item.phase) for item in role.checklist] == [
        ("Deploy the demo app to a cluster", 3),
        ("Ship the API in a container", 2),
        ("Write a backup script", 1),
    ]
    assert "Shell and permissions" in _week(role, 1, 1)
    (hit, *_) = SearchIndex([role]).search("pods and deployments")
    assert hit.section.phase == 3


def test_months_out_of_order_otherwise_still_fail():
    body = NEWEST_FIRST.replace("Month 1 — Linux", "Month 4 — Linux")
    role, problems = parse_bytes(role_file(body=body).encode(), "x.md")
    assert role is None
    assert any("overlaps" in p.message for p in problems)


def test_numbered_phases_written_newest_first_keep_their_numbers():
    body = NEWEST_FIRST.replace("Month 3 —", "Phase 3 (Weeks 9-12):").replace("Month 2 —", "Phase 2 (Weeks 5-8):")
    role, _ = parse_body(body.replace("Month 1 —", "Phase 1 (Weeks 1-4):"))
    assert [(p.number, p.weeks) for p in role.phases] == [(1, (1, 4)), (2, (5, 8)), (3, (9, 12))]
    assert role.phases[0].title == "Linux"


def test_a_phase_between_two_in_a_phase_table_keeps_its_number_in_its_title():
    role, _ = parse_body(
        "## Plan\n\n| Phase | Weeks |\n|---|---|\n| Phase 1 — Setup | 1–2 |\n| Phase 1.5 — Bridge | 3 |\n"
        "| Phase 2 — Web | 4–6 |\n"
    )
    assert [p.title for p in role.phases] == ["Setup", "Phase 1.5 — Bridge", "Web"]
