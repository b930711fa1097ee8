"""Questions learners type about where a path starts or ends, about a month, about the week before theirs, and about
what a topic needs first: 'what should I learn first', 'the final phase', 'month 2', 'last week', 'prerequisites for
kubernetes'."""

from __future__ import annotations

import pytest

from bot.content.answers import Asker, answer
from bot.content.loader import ContentIndex, load_content, parse_bytes
from bot.content.questions import read_question
from bot.content.search import SearchIndex
from tests.conftest import CONTENT_DIR
from tests.content.helpers import finishes_in_a_minute, role_file

INDEX: ContentIndex = load_content(CONTENT_DIR)
SEARCH: SearchIndex = INDEX.search
BACKEND = "backend-engineer"
FIRST = "Phase 1: Foundations (Weeks 1-4)"
LAST = "Phase 6: Advanced Patterns & Systems (Weeks 29-36)"


def titles(result) -> list[str]:
    return [h.section.title for h in result.hits]


def index_of(name: str, body: str) -> SearchIndex:
    role, _ = parse_bytes(role_file(name, body=body).encode(), f"{name}.md")
    return SearchIndex([role])


# --- the first and the last phase -----------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["what should I learn first", "Where do I start?", "where should I begin", "where to start", "what comes first"],
)
def test_where_to_start_answers_with_the_first_phase(query):
    result = answer(SEARCH, query, role=BACKEND)
    assert titles(result) == [FIRST]
    assert result.note == "Phase 1: Foundations (weeks 1-4) of Backend Engineer."


@pytest.mark.parametrize(
    "query",
    ["final phase", "the last phase", "last stage", "final week", "last week of the path", "the end of the course"],
)
def test_the_end_of_a_path_answers_with_its_last_phase(query):
    result = answer(SEARCH, query, role=BACKEND)
    assert titles(result) == [LAST]
    assert result.note == "Phase 6: Advanced Patterns & Systems (weeks 29-36) of Backend Engineer."


def test_the_end_of_a_named_path():
    assert titles(answer(SEARCH, "last week of backend")) == [LAST]


def test_without_a_path_each_path_answers_with_its_own_end():
    result = answer(SEARCH, "final phase")
    assert [h.role for h in result.hits] == sorted(INDEX.roles)
    assert all(h.section.kind == "phase" for h in result.hits)
    assert titles(result)[0] == LAST
    # the asker's current path decides
    assert titles(answer(SEARCH, "where do I start", asker=Asker(current=BACKEND))) == [FIRST]


def test_a_plan_starting_at_phase_zero_starts_there():
    body = (
        "## Phase 0: Setup (Week 1)\n- Install tools\n\n## Phase 1: Basics (Weeks 2-3)\n- Loops\n\n"
        "## Phase 2: Projects (Weeks 4-5)\n- A small app\n"
    )
    index = index_of("zero", body)
    assert titles(answer(index, "what should I learn first")) == ["Phase 0: Setup (Week 1)"]
    assert titles(answer(index, "the final phase")) == ["Phase 2: Projects (Weeks 4-5)"]


def test_a_self_paced_path_says_it_has_no_phases():
    index = index_of("notes", "## Reading\n- A book\n\n## Practice\n- Katas\n")
    assert answer(index, "final phase", role="notes").problem == "Notes is self-paced: it has no weeks or phases."
    assert answer(index, "final phase").problem == "Every path here is self-paced: none has weeks or phases."


@pytest.mark.parametrize(
    "query", ["the end", "end to end testing", "final project", "first aid", "last mile delivery", "where is docker"]
)
def test_words_that_only_look_like_an_end_are_searched(query):
    result = answer(SEARCH, query, role=BACKEND)
    assert (result.note, result.problem) == ("", "")
    assert all(h.score < 100 for h in result.hits)


# --- months ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "weeks"),
    [("month 2", (5, 8)), ("2nd month", (5, 8)), ("month two", (5, 8)), ("months 2-3", (5, 12)), ("Monat 2", (5, 8))],
)
def test_a_month_is_read_as_its_four_weeks(query, weeks):
    question = read_question(query)
    assert (question.kind, question.weeks) == ("week", weeks)


def test_a_month_answers_with_the_phases_of_its_weeks():
    result = answer(SEARCH, "what's on in month 2", role=BACKEND)
    assert titles(result) == ["Phase 2: Programming Language Mastery (Weeks 5-12)"]
    assert result.note == (
        "Month 2 (weeks 5-8) of Backend Engineer is in Phase 2: Programming Language Mastery (weeks 5-12)."
    )
    span = answer(SEARCH, "months 2-4", role=BACKEND)
    assert span.note == (
        "Months 2-4 (weeks 5-16) of Backend Engineer span Phase 2: Programming Language Mastery (weeks 5-12) and "
        "Phase 3: Databases (weeks 13-18)."
    )
    assert answer(SEARCH, "month 10", role=BACKEND).problem == (
        "Backend Engineer has 36 weeks; weeks 37-40 are past its end."
    )


def test_a_phase_labelled_by_a_month_answers_for_it():
    index = index_of(
        "quarter", "## Month 1: Basics\n- Syntax\n\n## Month 2: Data\n- Tables\n\n## Month 3: Cloud\n- Buckets\n"
    )
    result = answer(index, "month 2")
    assert titles(result) == ["Month 2: Data"]
    assert result.note == "Phase 2: Data (weeks 5-8) of Quarter."


def test_a_month_heading_of_a_path_without_phases_is_found_by_its_title():
    index = index_of("loose", "## Month 1: Reading\n- A book\n\n## Month 2: Practice\n- Katas\n")
    assert titles(answer(index, "month 2")) == ["Month 2: Practice"]


# --- the week before ------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["last week", "what did I do last week?", "previous week", "la semana pasada"])
def test_last_week_is_the_week_before_the_askers(query):
    asker = Asker(current=BACKEND, paths={BACKEND: INDEX.roles[BACKEND].phases}, weeks={BACKEND: 13})
    result = answer(SEARCH, query, asker=asker)
    assert titles(result) == ["Phase 2: Programming Language Mastery (Weeks 5-12)"]
    assert result.note.startswith("Week 12 of Backend Engineer at your pace is in Phase 2")


def test_last_week_in_week_one_says_there_is_none():
    asker = Asker(current=BACKEND, paths={BACKEND: INDEX.roles[BACKEND].phases}, weeks={BACKEND: 1})
    result = answer(SEARCH, "last week", asker=asker)
    assert (result.hits, result.problem) == ([], "You are in week 1 of Backend Engineer: there is no week before it.")


def test_last_week_without_a_week_to_count_from_says_how_to_ask():
    assert answer(SEARCH, "last week", role=BACKEND).problem == (
        "There is no week you are in on Backend Engineer to count from: ask for a week number, e.g. 'week 3'."
    )


# --- prerequisites ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "prerequisites for kubernetes",
        "What are the prerequisites of Kubernetes?",
        "kubernetes prerequisites",
        "prereqs for kubernetes",
        "what do I need to know before kubernetes",
    ],
)
def test_prerequisites_are_what_comes_before(query):
    question = read_question(query)
    assert (question.kind, question.topic) == ("before", "kubernetes")
    result = answer(SEARCH, query, role=BACKEND)
    assert titles(result) == ["Phase 5: Security & Authentication (Weeks 25-28)"]
    assert result.note.endswith("Before it comes:")


def test_prerequisites_of_a_phase_are_the_phase_before_it():
    question = read_question("prerequisites for phase 3")
    assert (question.kind, question.phase) == ("before", 3)
    assert read_question("prerequisites").kind == "topic"


# --- next to an end, spans written short, other series words ---------------------------------------


@pytest.mark.parametrize(
    ("query", "note", "title"),
    [
        ("what comes after the first phase", "Phase 1: Foundations (weeks 1-4) of Backend Engineer. Next comes:", None),
        ("before the final phase", "Phase 6: Advanced Patterns & Systems (weeks 29-36) of Backend Engineer.", None),
    ],
)
def test_next_to_an_end_of_the_path(query, note, title):
    result = answer(SEARCH, query, role=BACKEND)
    assert result.note.startswith(note)
    assert len(result.hits) == 1


def test_nothing_comes_after_the_last_phase():
    result = answer(SEARCH, "what comes after the last phase", role=BACKEND)
    assert (result.hits, result.problem) == (
        [],
        "Phase 6: Advanced Patterns & Systems (weeks 29-36) is the last phase of Backend Engineer.",
    )


@pytest.mark.parametrize(
    ("query", "weeks"),
    [("week 3/4", (3, 4)), ("wk 3/4", (3, 4)), ("week 3/12", (3, 3)), ("w3-w4", (3, 4)), ("w3/w4", (3, 4))],
)
def test_spans_of_weeks_written_short(query, weeks):
    question = read_question(query)
    assert (question.kind, question.weeks) == ("week", weeks)


@pytest.mark.parametrize(("query", "number"), [("module 2", 2), ("chapter 3", 3), ("the second module", 2)])
def test_a_module_or_chapter_of_a_path_of_phases_is_that_phase(query, number):
    result = answer(SEARCH, query, role=BACKEND)
    assert [h.section.phase for h in result.hits] == [number]


def test_a_module_of_a_path_of_modules_is_its_module():
    body = "## Module 1: Syntax\n- Loops\n\n## Module 2: Data\n- Tables\n\n## Module 3: Web\n- Routes\n"
    index = index_of("modules", body)
    assert titles(answer(index, "module 2", role="modules")) == ["Module 2: Data"]
    assert titles(answer(index, "what comes after module 2", role="modules")) == ["Module 3: Web"]


def test_what_comes_after_a_phase_of_prerequisites_is_the_next_phase():
    body = "## Phase 0: Prerequisites (Weeks 1-2)\n- Python\n\n## Phase 1: Maths (Weeks 3-4)\n- Vectors\n"
    index = index_of("prep", body)
    question = read_question("what comes after prerequisites")
    assert (question.kind, question.topic) == ("after", "prerequisites")
    assert titles(answer(index, "what comes after prerequisites")) == ["Phase 1: Maths (Weeks 3-4)"]


@pytest.mark.parametrize(
    ("query", "end"),
    [
        ("die letzte Phase", "last"),
        ("das Ende des Kurses", "last"),
        ("la última fase", "last"),
        ("la fase final", "last"),
        ("el final del curso", "last"),
        ("wo fange ich an", "first"),
        ("was soll ich zuerst lernen", "first"),
        ("¿por dónde empiezo?", "first"),
        ("¿qué aprendo primero?", "first"),
    ],
)
def test_the_ends_of_a_path_asked_in_german_and_spanish(query, end):
    assert read_question(query).end == end
    assert titles(answer(SEARCH, query, role=BACKEND)) == [FIRST if end == "first" else LAST]


@pytest.mark.parametrize("query", ["letzte Woche", "la semana pasada"])
def test_last_week_in_german_and_spanish_is_the_week_before(query):
    assert read_question(query).relative == -1


# --- a number asked beside words no title holds ------------------------------------------------------

MONTHS = "## Month 1: Basics\n- Syntax\n\n## Month 2: Data\n- Tables\n\n## Month 3: Cloud\n- Buckets\n"


def test_a_stage_of_a_path_numbered_otherwise_is_that_phase_when_no_title_says_it():
    index = index_of("quarter", MONTHS)
    result = answer(index, "stage 2", role="quarter")
    assert titles(result) == ["Month 2: Data"]
    assert result.note == "Phase 2: Data (weeks 5-8) of Quarter."
    assert answer(index, "stage 9", role="quarter").problem == "Quarter has no phase 9. Its phases are 1, 2, 3."


def test_a_week_beside_words_no_title_holds_is_that_week():
    index = index_of("quarter", MONTHS)
    result = answer(index, "what's in week 6 of the flarp course", role="quarter")
    assert titles(result) == ["Month 2: Data"]
    assert result.note == "Week 6 of Quarter is in Phase 2: Data (weeks 5-8)."


def test_words_beside_an_end_that_no_title_holds_find_nothing():
    assert answer(index_of("quarter", MONTHS), "first aid", role="quarter").hits == []


# --- the asker's own phase ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("what is my current phase", "Phase 3: Databases (Weeks 13-18)"),
        ("where am I", "Phase 3: Databases (Weeks 13-18)"),
        ("this stage", "Phase 3: Databases (Weeks 13-18)"),
        ("the previous phase", "Phase 2: Programming Language Mastery (Weeks 5-12)"),
        ("the phase before", "Phase 2: Programming Language Mastery (Weeks 5-12)"),
        ("what comes after this phase", "Phase 4: API Development (Weeks 19-24)"),
        ("what comes before my current stage", "Phase 2: Programming Language Mastery (Weeks 5-12)"),
        ("the next stage", "Phase 4: API Development (Weeks 19-24)"),
    ],
)
def test_the_askers_own_phase_and_its_neighbours(query, title):
    asker = Asker(current=BACKEND, paths={BACKEND: INDEX.roles[BACKEND].phases}, weeks={BACKEND: 13})
    assert titles(answer(SEARCH, query, asker=asker)) == [title]


def test_the_askers_own_phase_without_a_week_to_count_from_says_how_to_ask():
    assert answer(SEARCH, "my current phase", role=BACKEND).problem == (
        "There is no week you are in on Backend Engineer to count from: ask for a week number, e.g. 'week 3'."
    )


# --- long and odd input ---------------------------------------------------------------------------------


def test_long_runs_of_blanks_read_in_time():
    script = (
        "from bot.content.questions import read_question\n"
        "read_question('x' + ' ' * 300000 + 'y')\n"
        "read_question('is' + ' ' * 300000 + 'covered')\n"
        "read_question('kafka' + ' \\t' * 100000 + 'prerequisites')\n"
    )
    finishes_in_a_minute(script, "a question of long runs of blanks")


def test_a_chinese_question_is_read_as_chinese_once():
    question = read_question("什么时候" * 2000)
    assert question.kind in ("when", "topic")
