"""Broad words a path teaches under another name: the synonym table and what it finds in the shipped content."""

from __future__ import annotations

import pytest

from bot.content.answers import MIN_SCORE
from bot.content.loader import ContentIndex, load_content, parse_bytes
from bot.content.search import MAX_KEY_WORDS, STOPWORDS, SYNONYM_SIMILARITY, SearchIndex, tokenize
from bot.content.synonyms import SYNONYMS
from tests.conftest import CONTENT_DIR
from tests.content.helpers import role_file

INDEX: ContentIndex = load_content(CONTENT_DIR)
SEARCH = INDEX.search


def titles(hits) -> list[str]:
    return [h.section.title for h in hits]


# --- the table ---------------------------------------------------------------------------------


def test_the_table_is_small_enough_to_review_by_hand():
    assert 50 <= len(SYNONYMS) <= 220


@pytest.mark.parametrize("key", sorted(SYNONYMS))
def test_each_entry_is_lower_case_words_the_index_can_match(key):
    words = [w for w in tokenize(key) if w not in STOPWORDS]
    assert key == key.lower().strip()
    assert 1 <= len(words) <= MAX_KEY_WORDS, key
    values = SYNONYMS[key]
    assert values and len(values) == len(set(values)), key
    for value in values:
        if " " in value:  # a phrase the key abbreviates: written out as the index splits text, meant as a whole
            assert " ".join(tokenize(value)) == value, (key, value)
            assert len([w for w in tokenize(value) if w not in STOPWORDS]) >= 2, (key, value)
            continue
        # One word as the index splits text.
        assert tokenize(value) == [value], (key, value)
        assert value not in STOPWORDS, (key, value)
        # A phrase may list one of its words ("chaos" alone is chaos engineering); a word never lists itself.
        assert [value] != words, key


# --- what it finds -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "role", "expected"),
    [
        ("containers", "backend-engineer", {"Docker containerization", "Kubernetes orchestration"}),
        ("container", "backend-engineer", {"Docker containerization", "Kubernetes orchestration"}),
        ("version control", "backend-engineer", {"Git/GitHub workflows", "Use git professionally"}),
        ("source control", "frontend-engineer", {"Git/GitHub workflows"}),
        ("databases", "data-engineer", {"PostgreSQL hands-on", "Core SQL", "Advanced SQL"}),
        ("testing", "backend-engineer", {"Write comprehensive tests"}),
        ("k8s", "devops-sre-engineer", {"Kubernetes Deep Dive"}),
        # German and Spanish words find what an English path teaches
        ("datenbanken", "data-engineer", {"PostgreSQL hands-on", "Core SQL", "Advanced SQL"}),
        ("bases de datos", "data-engineer", {"PostgreSQL hands-on", "Core SQL", "Advanced SQL"}),
        ("contenedores", "backend-engineer", {"Docker containerization", "Kubernetes orchestration"}),
        ("versionskontrolle", "backend-engineer", {"Git/GitHub workflows", "Use git professionally"}),
        ("pruebas", "backend-engineer", {"Write comprehensive tests"}),
    ],
)
def test_a_broad_word_finds_what_the_path_calls_it(query, role, expected):
    hits = SEARCH.search(query, role=role, limit=8)
    assert expected <= set(titles(hits)), titles(hits)
    assert hits[0].score >= 60  # above the bot's minimum score, with room to spare


def test_the_word_itself_still_ranks_above_its_other_names():
    # devops-sre-engineer says "Containers"; backend-engineer only says Docker and Kubernetes.
    hits = SEARCH.search("containers", limit=10)
    assert hits[0].section.title == "Containers"
    said = [h.score for h in hits if "container" in (h.section.title + h.section.text).lower()]
    other = [h.score for h in hits if "container" not in (h.section.title + h.section.text).lower()]
    assert said and other and min(said[:5]) > max(other)
    backend = SEARCH.search("databases", role="backend-engineer", limit=3)
    assert all("database" in h.section.title.lower() for h in backend), titles(backend)


def test_a_synonym_hit_scores_below_a_hit_on_the_word():
    by_word = SEARCH.search("docker", role="backend-engineer", limit=1)[0]
    by_synonym = SEARCH.search("containers", role="backend-engineer", limit=1)[0]
    assert by_synonym.score < by_word.score
    assert by_synonym.score <= 100 * SYNONYM_SIMILARITY


def test_a_phrase_key_counts_only_as_a_whole():
    # "control" alone is no key: "access control" does not turn into Git.
    hits = SEARCH.search("access control", limit=5)
    assert all("git" not in h.section.title.lower() for h in hits), titles(hits)


# --- abbreviations -----------------------------------------------------------------------------

ML = (
    "| Week | Topic | Lecture |\n|---|---|---|\n| 1 | Linear regression | [Lecture 1](https://example.com/1) |\n"
    "| 5 | Support vector machines & kernels | [Lecture 5](https://example.com/5) |\n"
    "| 6 | Customer support tickets | [Lecture 6](https://example.com/6) |\n"
    "| 7 | Vector databases | [Lecture 7](https://example.com/7) |\n"
)


def ml_index() -> SearchIndex:
    role, problems = parse_bytes(role_file("ml", body=ML).encode(), "ml.md")
    assert role is not None, problems
    return SearchIndex([role])


def test_an_abbreviation_finds_the_phrase_it_stands_for_and_not_one_of_its_words():
    found = ml_index()
    hits = found.search("svm")
    assert titles(hits)[:1] == ["Week 5: Support vector machines & kernels"]
    assert hits[0].score >= 60  # above the bot's minimum score, with room to spare
    shown = titles(h for h in hits if h.score >= MIN_SCORE)  # what the bot shows
    assert shown == ["Week 5: Support vector machines & kernels"]
    # below the phrase written out, and it works inside a longer query
    assert hits[0].score < found.search("support vector machines")[0].score
    assert titles(found.search("svm kernels"))[:1] == ["Week 5: Support vector machines & kernels"]
