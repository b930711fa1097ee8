"""A heading labelled with a Roman numeral ('### Stage III. Cloud Fundamentals', '#### IV.1 Terraform', '# Part II —
Distributed Data') is found by its label typed alone, with its word or without it, as 'stage 2' and '1.2' are; the
same number in digits finds it too. A lone 'I', 'V' or 'X' is a word as well: it labels only beside its word or as a
heading's whole label."""

from __future__ import annotations

import pytest

from bot.content.answers import answer
from bot.content.questions import read_question
from bot.content.search import SearchIndex, label_keys
from tests.content.helpers import roadmap, written_role

STAGES = "roman-stages"
BOOK = "book-parts"  # '# Part II — Distributed Data' over '## Chapter 5: Replication': the chapters are the phases
# Roman labels that are no phases: a self-paced guide in parts, and headings that open with a word 'I' or 'X'.
GUIDE = (
    "## Part I: Basics\n- Variables\n## Part II: Functions\n- Closures\n## III. Classes\n- Inheritance\n"
    "## I think you should start here\n- Why\n## X-ray of a request\n- Headers\n## I. Preface\n- Thanks\n"
)


INDEX = SearchIndex([roadmap(STAGES), roadmap(BOOK), written_role("guide", GUIDE)])


def first(query: str, role: str) -> str:
    return answer(INDEX, query, role=role).hits[0].section.title


@pytest.mark.parametrize(
    ("heading", "keys"),
    [
        ("Stage III. Cloud Fundamentals — 3 weeks", ("stage 3", "iii")),
        ("Stage I — Linux & Networking (Weeks 1–3)", ("stage 1",)),
        ("Stage V: Capstone", ("stage 5",)),
        ("Part IV: The end", ("part 4", "iv")),
        ("Chapter XII (optional)", ("chapter 12", "xii")),
        ("Étape II : Bases", ("etape 2", "ii")),
        ("IV.1 Terraform", ("iv.1",)),
        ("III. Classes", ("iii",)),
        ("I. Preface", ("i",)),
        ("Stage 2 — Databases", ("stage 2",)),
        ("1.2 A first language", ("1.2",)),
        # words, no labels
        ("I think you should start here", ()),
        ("X-ray of a request", ()),
        ("Introduction", ()),
        ("Stage I/O tuning", ()),
        ("Stage III's site", ()),
        ("I.e. the short version", ()),
    ],
)
def test_a_headings_roman_label_is_read_as_its_number_beside_its_word(heading, keys):
    assert label_keys(heading) == keys


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("stage III", "Stage III. Cloud Fundamentals — 3 weeks"),
        ("Stage iii", "Stage III. Cloud Fundamentals — 3 weeks"),
        ("stage 3", "Stage III. Cloud Fundamentals — 3 weeks"),
        ("III", "Stage III. Cloud Fundamentals — 3 weeks"),
        ("stage I", "Stage I — Linux & Networking (Weeks 1–3)"),
        ("stage iv", "Stage IV – Infrastructure as Code (~3 weeks)"),
        ("stage V", "Stage V: Capstone"),
        ("IV.1", "IV.1 Terraform"),
    ],
)
def test_a_stage_typed_with_its_roman_numeral_is_its_heading(query, title):
    assert first(query, STAGES) == title


def test_a_stage_asked_in_roman_numerals_is_answered_as_in_digits():
    roman, digits = answer(INDEX, "stage III", role=STAGES), answer(INDEX, "stage 3", role=STAGES)
    assert [h.section.title for h in roman.hits] == [h.section.title for h in digits.hits]
    assert roman.note == digits.note == "Phase 3: Cloud Fundamentals (weeks 6-8) of Cloud Engineer (Stages I–V)."


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("part ii", "Part II — Distributed Data"),
        ("part 2", "Part II — Distributed Data"),
        ("Part III", "Part III — Derived Data"),
        ("part i", "Part I — Foundations of Data Systems"),
    ],
)
def test_a_part_of_a_book_is_its_heading_not_its_chapter(query, title):
    assert first(query, BOOK) == title


@pytest.mark.parametrize(
    ("query", "title"),
    [("part ii", "Part II: Functions"), ("part 1", "Part I: Basics"), ("iii", "III. Classes"), ("I", "I. Preface")],
)
def test_a_roman_label_of_a_guide_without_phases_is_its_heading(query, title):
    assert first(query, "guide") == title


def test_a_lone_i_or_x_that_is_a_word_labels_nothing():
    assert [s.title for s in INDEX.labelled("i", role="guide")] == ["I. Preface"]
    assert INDEX.labelled("x", role="guide") == []


@pytest.mark.parametrize(
    ("query", "phase", "step"),
    [("stage III", 3, "stage 3"), ("phase ii", 2, ""), ("part iv", 4, "part 4"), ("after stage I?", 1, "stage 1")],
)
def test_a_phase_or_step_is_asked_for_in_roman_numerals(query, phase, step):
    question = read_question(query)
    assert (question.phase, question.step) == (phase, step)


@pytest.mark.parametrize("query", ["which stage i should start with", "phase x-ray", "phases i need", "stage mix"])
def test_a_word_i_or_x_after_a_phase_word_is_no_number(query):
    assert read_question(query).kind == "topic"
