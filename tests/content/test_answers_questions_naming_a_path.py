"""Questions that name their path after the topic ('after docker in devops', 'when do I learn sql for data
engineers') or name it apart ('week 3 of front end'): answered on that path."""

from __future__ import annotations

import pytest

from bot.content.answers import answer
from bot.content.loader import ContentIndex, load_content
from bot.content.search import SearchIndex
from tests.conftest import CONTENT_DIR

INDEX: ContentIndex = load_content(CONTENT_DIR)
SEARCH: SearchIndex = INDEX.search
DEVOPS = "devops-sre-engineer"


def shown(result) -> list[tuple[str, str]]:
    return [(h.role, h.section.title) for h in result.hits]


@pytest.mark.parametrize(
    ("query", "note", "first"),
    [
        (
            "what comes after docker in devops",
            "'docker' is in Phase 3: CI/CD & Containers (weeks 10-15) of DevOps / Site Reliability Engineer. Next comes:",
            (DEVOPS, "Phase 4: Kubernetes & Cloud Platforms (Weeks 16-23)"),
        ),
        (
            "before kubernetes on the devops path",
            "'kubernetes' is in Phase 4: Kubernetes & Cloud Platforms (weeks 16-23) of DevOps / Site Reliability "
            "Engineer. Before it comes:",
            (DEVOPS, "Phase 3: CI/CD & Containers (Weeks 10-15)"),
        ),
        (
            "when do I learn python for data engineers",
            "'python' is in Phase 2: Python for Data Engineering (weeks 6-10) of Data Engineer.",
            ("data-engineer", "Phase 2: Python for Data Engineering (Weeks 6-10)"),
        ),
        (
            "when do I learn testing in frontend",
            "'testing' is in Phase 5: State, Data Fetching & Testing (weeks 20-25) of Frontend Engineer.",
            ("frontend-engineer", "Phase 5: State, Data Fetching & Testing (Weeks 20-25)"),
        ),
    ],
)
def test_a_topic_on_a_named_path(query, note, first):
    result = answer(SEARCH, query)
    assert result.note == note
    assert shown(result)[0] == first


def test_words_after_the_topic_that_name_no_path_are_part_of_it():
    result = answer(SEARCH, "after security in kubernetes")
    assert result.note.startswith("'security in kubernetes' is in ")


def test_a_path_asked_for_wins_over_one_named_in_the_question():
    result = answer(SEARCH, "what comes after docker in devops", role="backend-engineer")
    assert {h.role for h in result.hits} <= {"backend-engineer"}


def test_a_path_named_in_two_words_that_it_writes_as_one():
    result = answer(SEARCH, "week 3 of front end")
    assert shown(result) == [("frontend-engineer", "Phase 1: Web Foundations & Semantic HTML (Weeks 1-3)")]
