"""A week table whose column of titles says whose titles they are ('Session Topic', 'Lecture Title', 'Main topic'):
its rows are titled by that column, not by the first one with words ('Session Type': 'Guest Lecture' every week)."""

from __future__ import annotations

from tests.content.helpers import parse_body

COHORT = """
# Cohort sessions

| Week | Session Type | Date | Host | Session Topic | Recording |
|------|--------------|------|------|---------------|-----------|
| Week 1 | Kickoff | 4th March 2026 - 17:00 UTC | Organisers | Welcome and how the cohort works | TBD |
| Week 2 | Guest Lecture | 11th March 2026 - 17:00 UTC | Amara | How blocks reach consensus | TBD |
| Week 3 | Guest Lecture | 18th March 2026 - 17:00 UTC | TBD | Reading a client's networking code | TBD |
"""


def test_a_column_of_session_topics_titles_the_weeks() -> None:
    role, _ = parse_body(COHORT)
    assert [p.title for p in role.phases] == [
        "Welcome and how the cohort works",
        "How blocks reach consensus",
        "Reading a client's networking code",
    ]


def test_a_qualified_title_column_is_read_in_other_languages_and_a_type_column_is_no_title() -> None:
    body = COHORT.replace("Session Topic", "Thema der Sitzung").replace("Session Type", "Art der Sitzung")
    role, _ = parse_body(body)
    assert role.phases[1].title == "How blocks reach consensus"
    body = COHORT.replace("Session Topic", "Main topic")
    role, _ = parse_body(body)
    assert role.phases[1].title == "How blocks reach consensus"


def test_a_column_of_the_title_word_alone_comes_before_a_qualified_one() -> None:
    body = COHORT.replace("Session Type", "Reading title").replace("Session Topic", "Topic")
    role, _ = parse_body(body)
    assert role.phases[2].title == "Reading a client's networking code"


def test_a_column_of_a_deliverables_titles_does_not_title_the_weeks() -> None:
    body = """
# Course

| Week | Lecture | Assignment title |
|------|---------|------------------|
| 1 | Sets and maps | Problem set one |
| 2 | Proof by induction | Problem set two |
"""
    role, _ = parse_body(body)
    assert [p.title for p in role.phases] == ["Sets and maps", "Proof by induction"]
