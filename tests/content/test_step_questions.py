"""'step 4', 'stage 4', 'part 4' ask for phase 4 of a path whose phases are numbered (keycaps, section numbers, a phase
word, or that word); a heading that holds '4 weeks' gives a length and answers none of them."""

from __future__ import annotations

import pytest

from bot.content.answers import Asker, answer
from bot.content.questions import read_question
from bot.content.search import SearchIndex
from tests.content.helpers import roadmap, written_role

KEYCAPS = "keycap-lengths"  # '## 4️⃣ Containers (Docker) — 3 weeks', '## 5️⃣ Kubernetes — 4 weeks'
DURATIONS = "phase-durations"  # '## Phase 1: Linux & Networking (4 weeks)', ..., '## Phase 4: Kubernetes (~6 weeks)'
BOOK = "book-parts"  # '# Part II — Distributed Data' over '## Chapter 5: Replication': the chapters are the phases
# Phases whose parts are steps of their own, numbered across the plan.
STEPS = (
    "## Phase 1: Setup (Weeks 1-2)\n### Step 1: Install Python\n- pyenv\n### Step 2: Configure an editor\n- VS Code\n"
    "## Phase 2: Build (Weeks 3-4)\n### Step 3: Write a CLI\n- argparse\n### Step 4: Deploy\n- Fly.io\n"
)
# A self-paced guide whose sections give their lengths.
LENGTHS = "## Linux — 2 weeks\n- Shell\n## Kubernetes — 4 weeks\n- Pods\n## Cloud — 3 weeks\n- IAM\n"


INDEX = SearchIndex(
    [
        roadmap(KEYCAPS),
        roadmap(DURATIONS),
        roadmap(BOOK),
        written_role("steps", STEPS),
        written_role("lengths", LENGTHS),
    ]
)


def shown(query: str, role: str | None = None, asker: Asker | None = None) -> list[str]:
    return [h.section.title for h in answer(INDEX, query, role=role, asker=asker).hits]


@pytest.mark.parametrize(
    "query", ["step 4", "phase 4", "stage 4", "part 4", "the fourth step", "what's in step #4", "paso 4", "Teil 4"]
)
def test_a_step_of_a_path_numbered_by_keycaps_is_that_phase(query):
    result = answer(INDEX, query, role=KEYCAPS)
    assert [h.section.title for h in result.hits] == ["4️⃣ Containers (Docker) — 3 weeks"]
    assert result.note == "Phase 4: Containers (Docker) (weeks 7-9) of DevOps Engineer (Keycap Steps)."


def test_a_step_on_the_learners_own_path_is_its_phase_without_a_role_given():
    assert shown("step 4", asker=Asker(current=KEYCAPS)) == ["4️⃣ Containers (Docker) — 3 weeks"]


@pytest.mark.parametrize(
    ("query", "heading"),
    [
        ("step 4", "Phase 4: Kubernetes (~6 weeks)"),
        ("stage 4", "Phase 4: Kubernetes (~6 weeks)"),
        ("part 4", "Phase 4: Kubernetes (~6 weeks)"),
        ("step 1", "Phase 1: Linux & Networking (4 weeks)"),
    ],
)
def test_a_phase_that_lasts_n_weeks_is_no_answer_to_step_n(query, heading):
    assert shown(query, role=DURATIONS) == [heading]


def test_a_heading_labelled_as_the_step_asked_for_is_the_answer():
    assert shown("step 2", role="steps")[0] == "Step 2: Configure an editor"
    assert shown("step 4", role="steps")[0] == "Step 4: Deploy"


def test_a_part_is_no_chapter():
    # The phases are chapters: 'part 2' is searched, never answered with Chapter 2.
    result = answer(INDEX, "part 2", role=BOOK)
    assert (result.question.kind, result.note) == ("topic", "")
    assert "Chapter 2: Data Models and Query Languages" not in [h.section.title for h in result.hits[:1]]


def test_a_length_is_no_step_on_a_path_without_phases():
    assert "Kubernetes — 4 weeks" not in shown("step 4", role="lengths")


def test_step_questions_are_read_with_their_word_and_number():
    assert (read_question("the fourth step").phase, read_question("the fourth step").step) == (4, "step 4")
    assert (read_question("Paso 4").kind, read_question("Paso 4").step) == ("phase", "paso 4")
    assert read_question("stepper 4").kind == "topic"
