"""Reading a query: a week, a phase, what comes after or before something, or a plain topic."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.content.answers import answer
from bot.content.questions import FILLER, read_question
from bot.content.search import SearchIndex
from tests.content.helpers import parse_body


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
        ("what comes after big o", "after", "big o"),
        ("what comes after Big O?", "after", "big o"),
        ("what comes after the big o phase", "after", "big o"),
        # framing words alone are the subject when nothing else is: a phase may be titled by one ('## Phase 1: Learn')
        ("what comes after learn", "after", "learn"),
        ("what comes after the study phase", "after", "study"),
        ("what comes before learning?", "before", "learning"),
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


@pytest.mark.parametrize(
    ("query", "topic"),
    [
        ("when do I learn kubernetes", "kubernetes"),
        ("When will we get to Docker?", "docker"),
        ("when should i start learning system design?", "system design"),
        ("which week is sql", "sql"),
        ("what week do we cover docker", "docker"),
        ("in which phase do I learn react", "react"),
        ("at what stage do we cover testing", "testing"),
        ("wann lerne ich docker", "docker"),
        ("in welcher Woche kommt SQL", "sql"),
        ("¿cuándo aprendo docker?", "docker"),
        ("en qué semana veo sql", "sql"),
        ("quando estudo docker", "docker"),
        ("kapan belajar docker", "docker"),
        ("which weeks cover sql", "sql"),
        ("which part of the plan has docker", "docker"),
    ],
)
def test_when_a_topic_is_taught(query, topic):
    question = read_question(query)
    assert (question.kind, question.topic) == ("when", topic)


@pytest.mark.parametrize(
    "query",
    [
        "when is the best time to learn go",  # advice, not a place in the plan
        "when is it a good idea to use redis",
        "when",
        "which week",
        "whenever you like",
        "what weekly habits help",
        "when I get stuck on recursion what do I do",  # a clause: a question of when turns round ("when do I")
        "when we're done with python, what next",
        "what parts of python matter",  # what a topic holds, not where it is in the plan
        "what steps to take to learn docker",
        "when to use nosql",  # advice on using it (a section's title, 'When to use NoSQL'), not where it is taught
        "when should I use redis",
        "when do we choose kafka over rabbitmq",
    ],
)
def test_a_when_without_a_topic_or_asking_advice_is_searched_as_typed(query):
    question = read_question(query)
    assert (question.kind, question.topic) == ("topic", query)


@pytest.mark.parametrize(
    ("query", "kind", "topic"),
    [
        ("what comes after machine learning", "after", "machine learning"),
        ("when do I learn deep learning?", "when", "deep learning"),
        ("what's before linked list", "before", "linked list"),
        ("which week is the internet of things", "when", "internet of things"),
        ("what comes after learning", "after", "learning"),
        ("when do I learn docker please", "when", "docker"),
    ],
)
def test_a_topic_whose_name_ends_in_a_word_of_framing_keeps_it(query, kind, topic):
    question = read_question(query)
    assert (question.kind, question.topic) == (kind, topic)


@pytest.mark.parametrize(
    ("query", "phase"),
    [
        ("how long is phase 3", 3),
        ("How many weeks is phase 2?", 2),
        ("how long does phase 4 take", 4),
        ("how much time does the second phase take", 2),
        ("wie lange dauert Phase 2", 2),
        ("¿cuánto dura la fase 3?", 3),
    ],
)
def test_how_long_a_phase_takes_asks_for_the_phase(query, phase):
    question = read_question(query)
    assert (question.kind, question.phase, question.rest) == ("phase", phase, "")


@pytest.mark.parametrize(
    ("query", "topic"),
    [
        ("how long is the databases phase", "databases"),
        ("how many weeks do we spend on docker", "docker"),
        ("how long does it take to learn sql", "sql"),
        ("how long to learn machine learning", "machine learning"),
        ("how long does docker take?", "docker"),
        ("wie lange dauert docker", "docker"),
        ("¿cuánto tiempo toma aprender sql?", "sql"),
    ],
)
def test_how_long_a_topic_takes_asks_where_it_is_taught(query, topic):
    question = read_question(query)
    assert (question.kind, question.topic) == ("when", topic)


@pytest.mark.parametrize(
    "query",
    [
        "how long",
        "how long does it take",
        "how many weeks",
        "how long is week 3",
        "How much time does this really take?",  # a heading's title, searched as typed
        "how long is this whole thing",
    ],
)
def test_how_long_without_a_phase_or_a_topic_is_not_asked_where_a_topic_is(query):
    assert read_question(query).kind in ("topic", "week")


@pytest.mark.parametrize(
    "query",
    [
        "how long is the frontend roadmap",
        "how many weeks is the data engineer path",
        "how long will it take me to become a backend engineer",
        "how long until I'm job-ready",
        "how long should I study each day",
        "how much time per week do I need",
        "how much time should I spend on sql per day",
        "how long is each phase",
        "wie lange dauert der Kurs für Frontend",
        "¿cuánto tiempo por día necesito para docker?",
    ],
)
def test_how_long_the_path_or_a_day_takes_is_searched_as_typed(query):
    # the length of the whole path, or of a learner's day or week, is no topic the plan teaches in one phase
    assert read_question(query).kind == "topic"


@pytest.mark.parametrize(
    ("query", "topic"),
    [
        ("how long until I get to kubernetes", "kubernetes"),
        ("how long-term support releases work", "how long-term support releases work"),
    ],
)
def test_how_long_reads_its_own_words_only(query, topic):
    # "until" frames the question; "long-term" is a word of the topic, no "how long" question
    assert read_question(query).topic == topic


def test_when_with_a_week_asks_for_the_week():
    question = read_question("when is week 3")
    assert (question.kind, question.weeks) == ("week", (3, 3))


# --- German and Spanish: read by the same tables, whatever the asker's language ------------------------------


@pytest.mark.parametrize(
    ("query", "weeks"),
    [
        ("woche 14", (14, 14)),
        ("Woche 14", (14, 14)),
        ("Was steht in Woche 14 an?", (14, 14)),
        ("was lerne ich in der 14. Woche", (14, 14)),
        ("Woche Nr. 7", (7, 7)),
        ("wochen 3-4", (3, 4)),
        ("Wochen 3 bis 4", (3, 4)),
        ("von Woche 3 bis Woche 5", (3, 5)),
        ("Wochen 12 und 13", (12, 13)),
        ("semana 14", (14, 14)),
        ("¿Qué toca en la semana 14?", (14, 14)),
        ("qué hay en la 3ª semana", (3, 3)),
        ("semana número 7", (7, 7)),
        ("semanas 3 a 4", (3, 4)),
        ("semanas 3-4", (3, 4)),
        ("semanas 11 al 16", (11, 16)),
        ("de la semana 3 a la 5", (3, 5)),
        ("semanas 12 y 13", (12, 13)),
    ],
)
def test_a_week_in_german_or_spanish(query, weeks):
    question = read_question(query)
    assert (question.kind, question.weeks, question.rest) == ("week", weeks, "")


@pytest.mark.parametrize(
    ("query", "phase"),
    [("phase 3", 3), ("Was ist in Phase 3?", 3), ("die 3. Phase", 3), ("fase 3", 3), ("¿Qué hay en la fase 2?", 2)],
)
def test_a_phase_by_number_in_german_or_spanish(query, phase):
    question = read_question(query)
    assert (question.kind, question.phase, question.rest) == ("phase", phase, "")


@pytest.mark.parametrize(
    ("query", "rest"),
    [("woche 14 von backend engineer", "backend engineer"), ("semana 3 de data engineer", "data engineer")],
)
def test_the_words_beside_a_german_or_spanish_week_may_name_a_path(query, rest):
    assert read_question(query).rest == rest


@pytest.mark.parametrize(
    ("query", "kind", "topic"),
    [
        ("was kommt nach datenbanken", "after", "datenbanken"),
        ("Was kommt nach Datenbanken?", "after", "datenbanken"),
        ("nach Docker", "after", "docker"),
        ("was lerne ich nach den Datenbanken", "after", "datenbanken"),
        ("vor Kubernetes", "before", "kubernetes"),
        ("Was sollte ich vor Kubernetes lernen?", "before", "kubernetes"),
        ("qué viene después de bases de datos", "after", "bases de datos"),
        ("¿Qué viene después de bases de datos?", "after", "bases de datos"),
        ("que viene despues de bases de datos", "after", "bases de datos"),
        ("después de SQL", "after", "sql"),
        ("qué sigue después del módulo de React", "after", "módulo de react"),
        ("antes de Docker", "before", "docker"),
        ("¿Qué debo aprender antes de Kubernetes?", "before", "kubernetes"),
    ],
)
def test_what_comes_after_or_before_a_topic_in_german_or_spanish(query, kind, topic):
    question = read_question(query)
    assert (question.kind, question.topic, question.weeks, question.phase) == (kind, topic, None, None)


def test_what_comes_after_a_german_or_spanish_week_or_phase():
    assert (read_question("was kommt nach woche 12").kind, read_question("was kommt nach woche 12").weeks) == (
        "after",
        (12, 12),
    )
    before = read_question("antes de la fase 2")
    assert (before.kind, before.phase, before.rest) == ("before", 2, "")
    after = read_question("qué viene después de esta semana")
    assert (after.kind, after.relative) == ("after", 0)


@pytest.mark.parametrize(
    ("query", "kind", "relative"),
    [
        ("diese Woche", "week", 0),
        ("Was steht diese Woche an?", "week", 0),
        ("in dieser Woche", "week", 0),
        ("nächste Woche", "week", 1),
        ("naechste woche", "week", 1),
        ("Was kommt in der nächsten Woche?", "week", 1),
        ("was kommt als nächstes", "after", 0),
        ("Was kommt als Nächstes?", "after", 0),
        ("was kommt als naechstes", "after", 0),
        ("was kommt danach", "after", 0),
        ("die nächste Phase", "after", 0),
        ("esta semana", "week", 0),
        ("¿Qué toca esta semana?", "week", 0),
        ("la semana actual", "week", 0),
        ("la próxima semana", "week", 1),
        ("la proxima semana", "week", 1),
        ("la semana que viene", "week", 1),
        ("qué sigue", "after", 0),
        ("¿Qué sigue?", "after", 0),
        ("¿qué viene después?", "after", 0),
        ("la siguiente fase", "after", 0),
    ],
)
def test_german_and_spanish_weeks_counted_from_the_askers_own(query, kind, relative):
    question = read_question(query)
    assert (question.kind, question.relative, question.weeks, question.rest) == (kind, relative, None, "")


@pytest.mark.parametrize(
    "query",
    [
        "vor",
        "nach",
        "antes",
        "antes de",
        "Suche nach Fehlern",  # "nach" in a topic, not after a question's opening words
        "Vor- und Nachteile von NoSQL",
        "fin de semana",
        "Wochenplan",
        "Lernpfad in 24 Wochen",  # a number before "Wochen" is a length, as in English
        "semanario de arquitectura",
        "antesala",
        "kw 12",  # a calendar week is not a week of the path
        "Datenbanken",
        "bases de datos",
    ],
)
def test_a_german_or_spanish_topic_is_searched_as_typed(query):
    question = read_question(query)
    assert (question.kind, question.topic) == ("topic", query)


_ASKING = re.compile(r"we|wk|woch|seman|phas|fase|nex|after|befor|nach|vor|ante|despu|follow|prior|preced|com|curr|th")
# Words that are neither filler nor part of a question's wording ("week", "nach", "esta" ...): a topic.
_TOPIC_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüßéñ", min_size=2, max_size=10).filter(
    lambda w: w not in FILLER and not _ASKING.search(w)
)


@given(st.integers(1, 999), st.sampled_from(["woche {n}", "Woche {n}", "semana {n}", "Semana {n}", "{n}. Woche"]))
def test_any_german_or_spanish_week_reads_as_the_english_one(n, form):
    english = read_question(f"week {n}")
    question = read_question(form.format(n=n))
    assert (question.kind, question.weeks, question.rest) == (english.kind, english.weeks, english.rest)


@given(st.integers(1, 999), st.integers(1, 999), st.sampled_from(["wochen {a} bis {b}", "semanas {a} a {b}"]))
def test_any_german_or_spanish_span_reads_as_the_english_one(a, b, form):
    english = read_question(f"weeks {a}-{b}")
    question = read_question(form.format(a=a, b=b))
    assert (question.kind, question.weeks, question.rest) == (english.kind, english.weeks, english.rest)


@given(
    st.lists(_TOPIC_WORD, min_size=1, max_size=3).map(" ".join),
    st.sampled_from(
        [
            ("after", "what comes after {t}", "was kommt nach {t}", "qué viene después de {t}"),
            ("before", "what comes before {t}", "was kommt vor {t}", "qué va antes de {t}"),
        ]
    ),
)
def test_after_or_before_any_topic_reads_as_the_english_question(topic, forms):
    kind, *phrasings = forms
    for phrasing in phrasings:
        question = read_question(phrasing.format(t=topic))
        assert (question.kind, question.topic) == (kind, topic), phrasing


@pytest.mark.parametrize(
    ("query", "days", "weeks"),
    [
        ("day 45", (45, 45), (7, 7)),
        ("what's on day 45?", (45, 45), (7, 7)),
        ("45th day", (45, 45), (7, 7)),
        ("day 7", (7, 7), (1, 1)),
        ("day 8", (8, 8), (2, 2)),
        ("days 31-60", (31, 60), (5, 9)),
        ("tag 45", (45, 45), (7, 7)),
        ("día 45", (45, 45), (7, 7)),
        ("dia 45", (45, 45), (7, 7)),
    ],
)
def test_a_day_asks_for_the_week_it_falls_in(query, days, weeks):
    question = read_question(query)
    assert (question.kind, question.days, question.weeks, question.rest) == ("week", days, weeks, "")


def test_a_day_in_a_title_or_a_weekday_is_no_day_number():
    assert read_question("today's tasks").kind == "topic"
    assert read_question("day one of docker").days == (1, 1)
    assert read_question("holiday 3").kind == "topic"


def test_what_comes_after_a_phase_titled_by_a_framing_word_is_the_next_phase() -> None:
    body = "# P\n\n## Phase 1: Learn (Weeks 1-2)\n- Syntax\n\n## Phase 2: Study (Weeks 3-4)\n- Types\n\n"
    body += "## Phase 3: Ship (Weeks 5-6)\n- Release\n"
    role, _ = parse_body(body)
    index = SearchIndex([role])
    for query, title in (("what comes after learn", "Phase 2: Study"), ("what comes after study", "Phase 3: Ship")):
        result = answer(index, query)
        assert not result.problem, query
        assert result.hits[0].section.title.startswith(title), (query, result.hits[0].section.title)


@pytest.mark.parametrize(
    "query", ["what comes after that", "what comes after it?", "what comes after all of this", "after everything"]
)
def test_what_comes_after_a_word_that_names_nothing_asks_nothing(query):
    assert read_question(query).kind == "topic"
