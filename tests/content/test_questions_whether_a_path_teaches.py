"""Whether a path teaches a topic ('does this path teach kafka', 'is kafka covered', 'do we cover graphql'): answered
as 'when do I learn kafka' is, with the phase that teaches it, or nothing found when none does."""

from __future__ import annotations

import pytest

from bot.content.answers import answer
from bot.content.loader import ContentIndex, load_content
from bot.content.questions import read_question
from bot.content.search import SearchIndex
from tests.conftest import CONTENT_DIR

INDEX: ContentIndex = load_content(CONTENT_DIR)
SEARCH: SearchIndex = INDEX.search
BACKEND = "backend-engineer"


@pytest.mark.parametrize(
    ("query", "topic"),
    [
        ("does this path teach kafka", "kafka"),
        ("Does the course cover Kafka?", "kafka"),
        ("do we cover graphql", "graphql"),
        ("will we learn docker", "docker"),
        ("is kafka covered", "kafka"),
        ("is kafka covered in this path?", "kafka"),
        ("are containers covered", "containers"),
        ("is sql part of the course", "sql"),
    ],
)
def test_whether_a_path_teaches_a_topic_is_where_it_does(query, topic):
    question = read_question(query)
    assert (question.kind, question.topic) == ("when", topic)


@pytest.mark.parametrize("query", ["do i need docker", "is docker hard", "is it worth learning rust"])
def test_other_yes_no_questions_are_searched_as_typed(query):
    assert read_question(query).kind == "topic"


def test_the_answer_is_the_phase_that_teaches_it():
    result = answer(SEARCH, "does this path teach graphql", role=BACKEND)
    assert result.note == "'graphql' is in Phase 4: API Development (weeks 19-24) of Backend Engineer."
    assert result.hits[0].section.title == "Phase 4: API Development (Weeks 19-24)"


def test_a_topic_no_phase_teaches_finds_nothing():
    result = answer(SEARCH, "does this path teach cobol", role=BACKEND)
    assert (result.hits, result.note) == ([], "")
