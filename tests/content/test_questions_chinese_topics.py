"""Chinese questions about a topic on a path written in English: '数据库之后学什么' (what comes after databases),
'什么时候学数据库' (when do I learn databases), '容器' (containers) find what the path teaches under its English name."""

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


def titles(result) -> list[str]:
    return [h.section.title for h in result.hits]


@pytest.mark.parametrize("query", ["什么时候学数据库", "数据库什么时候学", "哪一周学数据库", "哪个阶段学数据库？"])
def test_when_a_topic_is_taught(query):
    question = read_question(query)
    assert (question.kind, question.topic) == ("when", "数据库")
    result = answer(SEARCH, query, role=BACKEND)
    assert result.note == "'数据库' is in Phase 3: Databases (weeks 13-18) of Backend Engineer."
    assert titles(result)[0] == "Phase 3: Databases (Weeks 13-18)"


def test_what_comes_after_a_topic_named_in_chinese():
    result = answer(SEARCH, "数据库之后学什么", role=BACKEND)
    assert titles(result) == ["Phase 4: API Development (Weeks 19-24)"]


@pytest.mark.parametrize(
    ("query", "title"),
    [("容器", "Docker containerization"), ("测试", "Write comprehensive tests"), ("部署", "Deploy to cloud platform")],
)
def test_a_topic_named_in_chinese_finds_its_english_sections(query, title):
    assert title in titles(answer(SEARCH, query, role=BACKEND))
