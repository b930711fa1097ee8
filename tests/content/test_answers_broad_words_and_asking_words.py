"""Topics as learners type them: a compound written apart or together ('front end', 'frontend'), the words a
request is framed in ('best resources for docker', 'docker tutorial'), and broad words a path teaches under other
names ('soft skills', 'devops', 'security')."""

from __future__ import annotations

import pytest

from bot.content.answers import MIN_SCORE, answer
from bot.content.loader import ContentIndex, load_content, parse_bytes
from bot.content.search import SearchIndex
from tests.conftest import CONTENT_DIR
from tests.content.helpers import role_file

INDEX: ContentIndex = load_content(CONTENT_DIR)
SEARCH: SearchIndex = INDEX.search


def titles(result) -> list[str]:
    return [h.section.title for h in result.hits]


def index_of(name: str, body: str) -> SearchIndex:
    role, _ = parse_bytes(role_file(name, body=body).encode(), f"{name}.md")
    return SearchIndex([role])


PLAN = (
    "## Week 1: Shell and Git\n- Terminal basics\n- Branches on GitHub\n\n"
    "## Week 2: Front-end basics\n- Semantic markup\n- Layout with flexbox\n\n"
    "## Week 3: Full Stack app\n- Wire a form to a REST endpoint\n- Realtime updates over WebSockets\n\n"
    "## Week 4: DevOps\n- Containers with Docker\n- A pipeline that deploys on merge\n\n"
    "## Week 5: Career\n- Practise behavioural questions\n- Team communication and presenting to stakeholders\n"
)


# --- compounds ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("frontend", "Week 2: Front-end basics"),
        ("front end", "Week 2: Front-end basics"),
        ("fullstack", "Week 3: Full Stack app"),
        ("dev ops", "Week 4: DevOps"),
        ("git hub", "Branches on GitHub"),
        ("web sockets", "Realtime updates over WebSockets"),
        ("real time", "Realtime updates over WebSockets"),
    ],
)
def test_a_compound_is_found_however_it_is_spaced(query, title):
    result = answer(index_of("plan", PLAN), query)
    assert titles(result)[0] == title


def test_the_shipped_paths_find_front_end_and_dev_ops():
    assert answer(SEARCH, "front end").hits[0].role == "frontend-engineer"
    assert answer(SEARCH, "front-end developer").hits[0].role == "frontend-engineer"
    assert "DevOps" in titles(answer(SEARCH, "dev ops"))[0]


def test_two_words_that_make_no_word_are_searched_as_typed():
    # 'data' and 'flow' are words of the plan, 'dataflow' is not one: nothing is made up
    index = index_of("flow", "## Week 1: Data\n- Tables\n\n## Week 2: Flow\n- Control flow\n")
    assert titles(answer(index, "control flow")) == ["Control flow"]


# --- words a request is framed in -------------------------------------------------------------------


@pytest.mark.parametrize("query", ["best resources for docker", "docker tutorial", "docker tutorials", "docker guide"])
def test_framing_words_weigh_little_beside_the_topic(query):
    result = answer(SEARCH, query, role="backend-engineer")
    assert titles(result)[:2] == ["Docker containerization", "Docker & Docker Compose"]
    assert all(h.score >= MIN_SCORE for h in result.hits)


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("getting started with kubernetes", "Kubernetes"),
        ("teach me sql", "SQL"),
        ("sql please", "SQL"),
        ("docker for beginners", "Docker containerization"),
    ],
)
def test_a_request_finds_its_topic(query, title):
    assert titles(answer(SEARCH, query, role="backend-engineer"))[0] == title


def test_a_request_word_that_names_a_part_still_finds_it():
    assert titles(answer(SEARCH, "python path", role="backend-engineer"))[0] == "Python Path"
    assert titles(answer(SEARCH, "choose one path", role="backend-engineer"))[0] == "Choose one path"


def test_interview_prep_finds_the_interview_steps():
    assert titles(answer(SEARCH, "interview prep", role="backend-engineer"))[0] == "Interview for backend roles"


def test_a_framing_word_alone_is_searched_as_it_is():
    assert titles(answer(SEARCH, "resources", role="backend-engineer"))[0] == "🔗 Key Resources"


# --- broad words --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("soft skills", "Team communication and presenting to stakeholders"),
        ("interview", "Practise behavioural questions"),
        ("security", None),
    ],
)
def test_broad_words_find_what_a_plan_names_otherwise(query, title):
    result = answer(index_of("plan", PLAN), query)
    if title is None:  # the plan teaches none of it: nothing is made up
        assert result.hits == []
    else:
        assert titles(result)[0] == title


def test_devops_finds_docker_and_pipelines_on_a_path_that_never_says_devops():
    body = "## Week 1: Shipping\n- Containers with Docker\n- Kubernetes basics\n\n## Week 2: Pages\n- Routing\n"
    assert set(titles(answer(index_of("ship", body), "devops"))) == {"Containers with Docker", "Kubernetes basics"}


def test_security_finds_owasp_and_authentication():
    body = "## Week 1: Web apps\n- OWASP Top 10\n- Authentication with sessions\n\n## Week 2: Pages\n- Routing\n"
    assert set(titles(answer(index_of("safe", body), "security"))) == {"OWASP Top 10", "Authentication with sessions"}


@pytest.mark.parametrize("query", ["network", "networks"])
def test_network_finds_what_networking_does(query):
    assert (
        titles(answer(SEARCH, query, role="backend-engineer"))[:2]
        == titles(answer(SEARCH, "networking", role="backend-engineer"))[:2]
    )


@pytest.mark.parametrize(("query", "title"), [("neural nets", "Neural networks from scratch"), ("stats", "Statistics")])
def test_short_names_find_what_they_stand_for(query, title):
    body = "## Week 1: Maths\n- Statistics\n- Vectors\n\n## Week 2: Models\n- Neural networks from scratch\n"
    assert titles(answer(index_of("short", body), query))[0] == title
