"""Words in a phase heading that are no part of the phase's title: the author's own progress after it ('## Month 1 —
Linux (done)'), a series word in another language before it ('## Nivel 1 — Fundamentos (Semanas 1–2)'), and a
colon that ends a heading ('### Operators:'). A learner's phase, path and search results show the title alone; the
IDs progress is kept by are made of the heading as written, and stay."""

from __future__ import annotations

import pytest

from bot.content.search import SearchIndex
from tests.content.helpers import parse_body, roadmap


def titles(role) -> list[tuple[int, str, tuple[int, int]]]:
    return [(p.number, p.title, p.weeks) for p in role.phases]


def test_the_authors_progress_after_a_phase_title_is_no_part_of_it() -> None:
    role = roadmap("progress-marked-phases")
    assert titles(role) == [
        (1, "Shell and Processes", (1, 2)),
        (2, "Networking Basics", (3, 4)),
        (3, "Containers", (5, 8)),
        (4, "Observability", (9, 12)),
        (5, "Incident Practice", (13, 16)),
        (6, "Reading Group", (17, 20)),
    ]
    # search shows the phase as its title, and no other entry names it with the mark
    (hit, *_) = SearchIndex([role]).search("observability")
    assert hit.section.title == "Phase 4: Observability"


def test_a_phase_marked_with_progress_keeps_the_ids_of_its_heading_as_written() -> None:
    role, _ = parse_body(
        """
        # Plan

        ## Phase 1: Linux (Weeks 1-2) (done)

        - [ ] Write up what you learned

        ## Phase 2: Docker (Weeks 3-4) ✅ Completed

        - [ ] Write up what you learned
        """
    )
    assert titles(role) == [(1, "Linux", (1, 2)), (2, "Docker", (3, 4))]
    # the same task in both phases: told apart by the phase's heading as written, as it was before
    assert [(c.id, c.phase) for c in role.checklist] == [("item-8aed2250f5", 1), ("item-aac198e6d2", 2)]
    assert [s.id for s in role.sections if s.kind == "phase"] == ["phase-1-linux-done", "phase-2-docker-completed"]


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("Linux (done)", "Linux"),
        ("Docker (in progress)", "Docker"),
        ("Kubernetes ✅ Completed", "Kubernetes"),
        ("Telemetry Agent ✅ (Complete)", "Telemetry Agent"),
        ("Hardening 🚧 (In Progress)", "Hardening"),
        ("Ansible (100% Completed ✅)", "Ansible"),
        ("Terraform (WIP)", "Terraform"),
        ("Git [x]", "Git"),
        ("Monitoring (ongoing)", "Monitoring"),
        ("Redes — Done", "Redes"),
        ("Fundamentos (concluído)", "Fundamentos"),
        ("أساسيات (مستمر)", "أساسيات"),
        ("Linux (done) (Beginner Level)", "Linux (Beginner Level)"),
        # no progress: kept as written
        ("Spreadsheet Fluency (Beginner Level)", "Spreadsheet Fluency (Beginner Level)"),
        ("Threats and Attacks (22%)", "Threats and Attacks (22%)"),  # an exam domain's weight
        ("Getting Things Done", "Getting Things Done"),
        ("Current Events", "Current Events"),
        ("(done)", "(done)"),  # a status alone names the phase still
    ],
)
def test_a_status_after_a_title_is_left_out(written: str, title: str) -> None:
    role, _ = parse_body(
        f"# Plan\n\n## Phase 1: {written} (Weeks 1-2)\n\n- A topic\n\n## Phase 2: Next (Weeks 3-4)\n\n- More\n"
    )
    assert role.phases[0].title == title


def test_a_spanish_level_word_before_the_title_is_read_as_level_is() -> None:
    role = roadmap("nivel-semanas")
    assert titles(role) == [
        (1, "Fundamentos", (1, 2)),
        (2, "Estructuras de datos", (3, 4)),
        (3, "Proyecto final", (5, 6)),
    ]


def test_a_heading_that_ends_in_a_colon_is_searched_without_it() -> None:
    role = roadmap("nivel-semanas")
    (hit, *_) = SearchIndex([role]).search("operadores")
    assert hit.section.title == "Operadores"
    role, _ = parse_body("# Notes\n\n## Operators:\n\n- plus and minus\n\n## Loops\n\n- for and while\n")
    (hit, *_) = SearchIndex([role]).search("operators")
    assert hit.section.title == "Operators"


def test_a_ticked_box_before_a_phase_heading_is_no_word_of_it() -> None:
    role, problems = parse_body(
        """
        # Plan

        ## [x] Phase 1: Linux (Weeks 1-2)

        - Shell basics

        ## [ ] Phase 2: Docker (Weeks 3-4)

        - Images
        """
    )
    assert titles(role) == [(1, "Linux", (1, 2)), (2, "Docker", (3, 4))]
    assert problems == []
    role, problems = parse_body("# Log\n\n## [x] Week 1: Git\n\n- Commits\n\n## [X] Week 2: SQL\n\n- Joins\n")
    assert titles(role) == [(1, "Git", (1, 1)), (2, "SQL", (2, 2))]


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("### Arrays ✅", "Arrays"),
        ("### Graphs 🔄", "Graphs"),
        ("### Heaps ⬜", "Heaps"),
        ("### Tries ✔️ ✅", "Tries"),
        ("### Learn SQL (in progress)", "Learn SQL"),
        ("### Docker — Done", "Docker"),
        ("### Two Sum 🟢", "Two Sum 🟢"),  # a coloured circle rates difficulty as often as progress
        ("### ✅", "✅"),  # marks alone stay
        ("### Getting Started", "Getting Started"),
        ("### Do ✅ / Don't ❌", "Do ✅ / Don't ❌"),  # marks that are the title's words
    ],
)
def test_the_authors_progress_after_a_part_is_not_searched_with_it(written: str, title: str) -> None:
    role, _ = parse_body(f"# Tracker\n\n## Phase 1: Basics (Weeks 1-2) ✅\n\n{written}\n\n- one thing to learn\n")
    titles = [s.title for s in role.sections if s.kind in ("phase", "section")]
    assert titles[-2:] == ["Phase 1: Basics (Weeks 1-2)", title]


@pytest.mark.parametrize(
    "status",
    [
        *("Done", "COMPLETED", "in progress", "Work in progress", "WiP", "not yet started", "Terminado", "en curso"),
        *("em andamento", "à faire", "a faire", "Erledigt", "in Arbeit", "in corso", "60% done", "Not Started"),
    ],
)
def test_a_status_after_a_separator_is_left_out_in_any_case(status: str) -> None:
    role, _ = parse_body(
        f"# Plan\n\n## Phase 1: Linux - {status} (Weeks 1-2)\n\n- shell\n\n### Git - {status}\n\n- x\n"
    )
    assert [s.title for s in role.sections if s.kind == "section"][-1] == "Git"
