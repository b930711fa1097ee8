"""Reading a query: a week, a phase, what comes after or before something, or a plain topic."""

from __future__ import annotations

import pytest

from bot.content.questions import read_question


@pytest.mark.parametrize(
    ("query", "weeks"),
    [
        ("week 14", (14, 14)),
        ("what's on in week 14", (14, 14)),
        ("What’s happening during week #14?", (14, 14)),
        ("wk 12 topics", (12, 12)),
        ("wk. 12", (12, 12)),
        ("WK12", (12, 12)),
        ("w12", (12, 12)),
        ("14th week", (14, 14)),
        ("what do I learn in the 3rd week", (3, 3)),
        ("first week", (1, 1)),
        ("week fourteen", (14, 14)),
        ("week seventeen", (17, 17)),
        ("seventeenth week", (17, 17)),
        ("week number 7", (7, 7)),
        ("weeks 3-4", (3, 4)),
        ("weeks 3–4", (3, 4)),
        ("week 3 to week 5", (3, 5)),
        ("weeks 12 and 13", (12, 13)),
        ("weeks 9 through 6", (6, 9)),
    ],
)
def test_a_week_in_any_phrasing(query, weeks):
    question = read_question(query)
    assert (question.kind, question.weeks, question.rest) == ("week", weeks, "")


@pytest.mark.parametrize(
    ("query", "phase"),
    [("phase 3", 3), ("what's in phase #3?", 3), ("third phase", 3), ("phase two", 2), ("the 2nd phase", 2)],
)
def test_a_phase_by_number(query, phase):
    question = read_question(query)
    assert (question.kind, question.phase, question.rest) == ("phase", phase, "")


@pytest.mark.parametrize(
    ("query", "rest"),
    [
        ("week 14 of backend engineer", "backend engineer"),
        ("what's on in week 3 for data engineers?", "data engineers"),
        ("Phase 3: Databases (Weeks 13-18)", "phase 3 databases"),
    ],
)
def test_the_words_beside_a_week_are_kept_to_name_a_path(query, rest):
    question = read_question(query)
    assert (question.kind, question.rest, question.topic) == ("week", rest, query)


@pytest.mark.parametrize(
    ("query", "kind", "topic"),
    [
        ("what comes after databases", "after", "databases"),
        ("What comes after databases?", "after", "databases"),
        ("after databases", "after", "databases"),
        ("next after databases", "after", "databases"),
        ("what's after the databases phase", "after", "databases"),
        ("what follows sql", "after", "sql"),
        ("after databases, what's next?", "after", "databases"),
        ("what comes before kubernetes", "before", "kubernetes"),
        ("what should I learn before kubernetes", "before", "kubernetes"),
        ("prior to docker", "before", "docker"),
        ("what precedes node.js", "before", "node.js"),
    ],
)
def test_what_comes_after_or_before_a_topic(query, kind, topic):
    question = read_question(query)
    assert (question.kind, question.topic, question.weeks, question.phase) == (kind, topic, None, None)


def test_what_comes_after_a_week_or_a_phase():
    assert read_question("what comes after week 12").weeks == (12, 12)
    assert read_question("what comes after week 12").kind == "after"
    after_phase = read_question("next after phase 3")
    assert (after_phase.kind, after_phase.phase) == ("after", 3)
    before = read_question("before weeks 5-6 of backend")
    assert (before.kind, before.weeks, before.rest) == ("before", (5, 6), "backend")


@pytest.mark.parametrize(
    ("query", "kind", "relative"),
    [
        ("this week", "week", 0),
        ("what's on this week?", "week", 0),
        ("current week", "week", 0),
        ("next week's topics", "week", 1),
        ("what's next", "after", 0),
        ("What comes next?", "after", 0),
        ("the next phase", "after", 0),
        ("what comes after this week", "after", 0),
    ],
)
def test_weeks_counted_from_the_askers_own(query, kind, relative):
    question = read_question(query)
    assert (question.kind, question.relative, question.weeks, question.rest) == (kind, relative, None, "")


@pytest.mark.parametrize(
    "query",
    [
        "postgres",
        "kubernetes orchestration",
        "retry after failure",  # "after" in a topic, not after a question's opening words
        "after-action review",
        "before_script in gitlab ci",
        "36-week learning path",  # a number before "week" is a length, not a week
        "weekly reminders",
        "w3c standards",
        "phases of the moon",
        "next steps",
        "next.js routing",
        "",
        "   ",
    ],
)
def test_anything_else_is_a_topic_searched_as_typed(query):
    question = read_question(query)
    assert (question.kind, question.topic) == ("topic", query)
