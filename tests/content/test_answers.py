"""Answering a query over the shipped content: topics, weeks, phases, and what comes after or before."""

from __future__ import annotations

import pytest

from bot import i18n
from bot.content.answers import MIN_SCORE, Asker, answer
from bot.content.loader import ContentIndex, load_content, parse_bytes
from bot.content.search import SearchIndex
from bot.domain.weeks import pace_weeks, schedule
from tests.conftest import CONTENT_DIR
from tests.content.helpers import role_file

INDEX: ContentIndex = load_content(CONTENT_DIR)
SEARCH: SearchIndex = INDEX.search
BACKEND = "backend-engineer"


def shown(result) -> list[tuple[str, str]]:
    return [(h.role, h.section.title) for h in result.hits]


# --- weeks and phases --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["what's on in week 14", "wk 14 topics", "14th week", "What’s happening during week #14?", "w14"]
)
def test_a_week_answers_with_its_phase(query):
    result = answer(SEARCH, query, role=BACKEND)
    assert shown(result) == [(BACKEND, "Phase 3: Databases (Weeks 13-18)")]
    assert result.hits[0].section.kind == "phase"
    assert result.note == "Week 14 of Backend Engineer is in Phase 3: Databases (weeks 13-18)."
    assert result.problem == ""


def test_a_span_of_weeks_answers_with_every_phase_it_touches():
    result = answer(SEARCH, "weeks 3-6", role=BACKEND)
    assert [h.section.title for h in result.hits] == [
        "Phase 1: Foundations (Weeks 1-4)",
        "Phase 2: Programming Language Mastery (Weeks 5-12)",
    ]
    assert result.note.startswith("Weeks 3-6 of Backend Engineer span Phase 1: Foundations (weeks 1-4) and ")


def test_a_phase_by_number():
    result = answer(SEARCH, "what's in phase 4", role=BACKEND)
    assert shown(result) == [(BACKEND, "Phase 4: API Development (Weeks 19-24)")]
    missing = answer(SEARCH, "phase 9", role=BACKEND)
    assert (missing.hits, missing.problem) == ([], "Backend Engineer has no phase 9. Its phases are 1, 2, 3, 4, 5, 6.")


def test_a_week_outside_the_path_says_so():
    assert answer(SEARCH, "week 50", role=BACKEND).problem == "Backend Engineer has 36 weeks; week 50 is past its end."
    assert answer(SEARCH, "week 0", role=BACKEND).problem == "Weeks count from 1."
    assert answer(SEARCH, "week 90").problem == "No path has a week 90; the longest has 38 weeks."


def test_a_week_without_a_path_lists_the_paths_that_have_it():
    result = answer(SEARCH, "week 14")
    assert result.hits == []
    assert result.problem == "Which path? Week 14 is in 6 paths."
    assert result.needs_role == tuple(sorted(INDEX.roles))
    # Only the two 38-week paths have a week 37.
    assert answer(SEARCH, "week 37").needs_role == ("data-engineer", "ml-engineer")


def test_with_one_path_loaded_a_week_needs_no_role():
    alone = SearchIndex([INDEX.roles[BACKEND]])
    assert shown(answer(alone, "week 14")) == [(BACKEND, "Phase 3: Databases (Weeks 13-18)")]


@pytest.mark.parametrize(
    ("query", "role", "title"),
    [
        ("week 14 of backend", BACKEND, "Phase 3: Databases (Weeks 13-18)"),
        (
            "what's on in week 3 for data engineers",
            "data-engineer",
            "Phase 1: SQL & Relational Foundations (Weeks 1-5)",
        ),
        (
            "phase 2 of the frontend engineer path",
            "frontend-engineer",
            "Phase 2: CSS, Layout & Accessibility (Weeks 4-7)",
        ),
    ],
)
def test_a_path_named_in_the_question(query, role, title):
    assert shown(answer(SEARCH, query)) == [(role, title)]


def test_a_title_with_weeks_in_it_is_searched_as_a_topic():
    result = answer(SEARCH, "Phase 3: Databases (Weeks 13-18)")
    assert result.question.kind == "week"
    assert result.note == ""
    assert shown(result)[0] == (BACKEND, "Phase 3: Databases (Weeks 13-18)")
    assert len(result.hits) > 1


def test_without_a_role_a_week_is_about_the_askers_current_path():
    result = answer(SEARCH, "week 14", asker=Asker(current="data-engineer"))
    assert shown(result) == [("data-engineer", "Phase 3: Data Modelling & Warehousing (Weeks 11-16)")]
    # The role asked for wins over the current path.
    assert shown(answer(SEARCH, "week 14", role=BACKEND, asker=Asker(current="data-engineer")))[0][0] == BACKEND


def test_on_a_path_the_asker_follows_weeks_are_at_their_pace():
    role = INDEX.roles[BACKEND]
    slow = schedule(role.phases, pace_weeks(role.timeline_months, "complete_beginner", role.total_weeks, phase_count=6))
    asker = Asker(current=BACKEND, paths={BACKEND: slow})
    result = answer(SEARCH, "week 16", asker=asker)
    assert shown(result) == [(BACKEND, "Phase 3: Databases (Weeks 13-18)")]
    assert result.note == "Week 16 of Backend Engineer at your pace is in Phase 3: Databases (weeks 16-23)."
    assert answer(SEARCH, "week 16", role=BACKEND).hits[0].section.title.startswith("Phase 3")
    assert answer(SEARCH, "week 14", asker=asker).hits[0].section.title.startswith("Phase 2")


def test_this_week_and_whats_next_count_from_the_week_the_asker_is_in():
    asker = Asker(current=BACKEND, paths={BACKEND: INDEX.roles[BACKEND].phases}, weeks={BACKEND: 12})
    assert shown(answer(SEARCH, "what's on this week", asker=asker)) == [
        (BACKEND, "Phase 2: Programming Language Mastery (Weeks 5-12)")
    ]
    assert shown(answer(SEARCH, "next week", asker=asker)) == [(BACKEND, "Phase 3: Databases (Weeks 13-18)")]
    nxt = answer(SEARCH, "what's next?", asker=asker)
    assert shown(nxt) == [(BACKEND, "Phase 3: Databases (Weeks 13-18)")]
    assert nxt.note.endswith("is in Phase 2: Programming Language Mastery (weeks 5-12). Next comes:")
    # Without a week to count from (the CLI, or a path not started), it says how to ask instead.
    for asked in (answer(SEARCH, "this week"), answer(SEARCH, "what's next", role=BACKEND)):
        assert asked.hits == []
        assert asked.problem.startswith("There is no week you are in")


def test_a_self_paced_path_has_no_weeks_to_ask_about():
    body = "# Notes\n\n## Checklist\n\n- [ ] Learn git\n- [ ] Learn docker\n"
    role, _ = parse_bytes(role_file("self-paced", body=body).encode(), "self-paced.md")
    assert role is not None and role.self_paced
    alone = SearchIndex([role])
    assert answer(alone, "week 3", role="self-paced").problem == "Self Paced is self-paced: it has no weeks or phases."
    assert answer(alone, "phase 1").problem == "Every path here is self-paced: none has weeks or phases."
    asker = Asker(current="self-paced", paths={"self-paced": ()})
    assert answer(alone, "what's next", asker=asker).problem == "Self Paced is self-paced: it has no weeks or phases."
    mixed = SearchIndex([role, INDEX.roles[BACKEND]])
    assert shown(answer(mixed, "week 14")) == [(BACKEND, "Phase 3: Databases (Weeks 13-18)")]
    assert answer(SEARCH, "phase 9").problem == "No path has a phase 9; none goes past Phase 7."


# --- after and before --------------------------------------------------------------------------


def test_what_comes_after_databases_is_the_api_phase_of_backend_engineer():
    result = answer(SEARCH, "what comes after databases")
    assert shown(result)[0] == (BACKEND, "Phase 4: API Development (Weeks 19-24)")
    assert result.note == "'databases' is in Phase 3: Databases (weeks 13-18) of Backend Engineer. Next comes:"
    assert all(h.section.kind == "phase" for h in result.hits)
    assert len({h.role for h in result.hits}) == len(result.hits)  # one phase per path


def test_after_a_two_word_topic_ending_in_one_letter_is_after_the_phase_teaching_it():
    result = answer(SEARCH, "what comes after big o", role=BACKEND)
    assert shown(result) == [(BACKEND, "Phase 2: Programming Language Mastery (Weeks 5-12)")]
    assert result.note.startswith("'big o' is in Phase 1: Foundations (weeks 1-4)")


def test_what_comes_before_a_topic_in_one_path():
    result = answer(SEARCH, "what should I learn before databases", role=BACKEND)
    assert shown(result) == [(BACKEND, "Phase 2: Programming Language Mastery (Weeks 5-12)")]
    # In the data path, SQL (what "databases" means there) is taught in phase 1; phase 2 follows.
    data = answer(SEARCH, "after databases", role="data-engineer")
    assert shown(data) == [("data-engineer", "Phase 2: Python for Data Engineering (Weeks 6-10)")]


def test_what_comes_after_a_week_or_a_phase():
    assert shown(answer(SEARCH, "what comes after week 12", role=BACKEND)) == [
        (BACKEND, "Phase 3: Databases (Weeks 13-18)")
    ]
    assert shown(answer(SEARCH, "before phase 2", role=BACKEND)) == [(BACKEND, "Phase 1: Foundations (Weeks 1-4)")]
    last = answer(SEARCH, "after phase 6", role=BACKEND)
    assert last.problem == "Phase 6: Advanced Patterns & Systems (weeks 29-36) is the last phase of Backend Engineer."
    first = answer(SEARCH, "before week 2", role=BACKEND)
    assert first.problem == "Phase 1: Foundations (weeks 1-4) is the first phase of Backend Engineer."
    assert answer(SEARCH, "after week 12").needs_role == tuple(sorted(INDEX.roles))


def test_after_something_no_path_teaches_finds_nothing():
    result = answer(SEARCH, "what comes after qqqzzxxyy")
    assert (result.hits, result.problem) == ([], "")


# --- when a topic is taught ---------------------------------------------------------------------


def test_when_do_i_learn_a_topic_names_and_shows_the_phase_that_teaches_it_then_the_topic():
    result = answer(SEARCH, "when do I learn databases", role=BACKEND)
    assert result.note == "'databases' is in Phase 3: Databases (weeks 13-18) of Backend Engineer."
    assert shown(result)[0] == (BACKEND, "Phase 3: Databases (Weeks 13-18)")
    topic = answer(SEARCH, "databases", role=BACKEND)
    phase = result.hits[0].section
    assert result.hits[1:] == [h for h in topic.hits if h.section != phase][: len(result.hits) - 1]
    assert len(result.hits) > 1


def test_how_long_a_phase_takes_shows_the_phase_with_its_weeks():
    result = answer(SEARCH, "how long is phase 3", role=BACKEND)
    assert result.note == "Phase 3: Databases (weeks 13-18) of Backend Engineer."
    assert shown(result)[0] == (BACKEND, "Phase 3: Databases (Weeks 13-18)")


@pytest.mark.parametrize(
    ("query", "role"),
    [
        ("how long should I study each day", None),
        ("how long is each phase", None),
        ("how many weeks is the data engineer path", BACKEND),
    ],
)
def test_how_long_the_path_or_a_day_takes_names_no_phase_as_teaching_it(query, role):
    assert " is in Phase " not in answer(SEARCH, query, role=role).note


@pytest.mark.parametrize(
    "query",
    [
        "how long is phase 3 of frontend",
        "how long does phase 3 of frontend take",
        "wie lange dauert Phase 3 im Frontend",
    ],
)
def test_how_long_a_phase_of_a_named_path_takes_shows_that_paths_phase(query):
    result = answer(SEARCH, query)
    assert result.note == "Phase 3: JavaScript & TypeScript (weeks 8-13) of Frontend Engineer."


def test_how_long_a_topic_takes_names_the_phase_that_teaches_it():
    result = answer(SEARCH, "how many weeks do we spend on databases", role=BACKEND)
    assert result.note == "'databases' is in Phase 3: Databases (weeks 13-18) of Backend Engineer."


def test_when_is_said_at_the_askers_pace_on_their_own_path():
    role = INDEX.roles[BACKEND]
    slow = schedule(role.phases, pace_weeks(role.timeline_months, "complete_beginner", role.total_weeks, phase_count=6))
    result = answer(SEARCH, "which week is databases", asker=Asker(current=BACKEND, paths={BACKEND: slow}))
    assert result.note == "'databases' is in Phase 3: Databases (weeks 16-23) of Backend Engineer."


def test_when_in_a_path_without_phases_names_the_section():
    body = "# Notes\n\n## Containers\n\n- Docker basics\n- Compose files\n\n## Clusters\n\n- Kubernetes pods\n"
    role, _ = parse_bytes(role_file("notes", body=body).encode(), "notes.md")
    assert role is not None and role.self_paced
    result = answer(SearchIndex([role]), "when do i learn compose files")
    assert result.note == "'compose files' is in the section 'Containers' of Notes."
    assert shown(result)[:2] == [("notes", "Containers"), ("notes", "Compose files")]


def test_when_something_no_path_teaches_finds_nothing():
    result = answer(SEARCH, "when do I learn qqqzzxxyy")
    assert (result.hits, result.note, result.problem) == ([], "", "")


# --- topics ------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["postgress", "caching", "flarp kubernetes", "senior salary", "containers"])
def test_a_topic_is_searched_and_cut_at_the_minimum_score(query):
    result = answer(SEARCH, query, limit=10)
    raw = SEARCH.search(query, limit=10)
    assert result.hits == [h for h in raw if h.score >= MIN_SCORE]
    assert result.note == result.problem == ""


def test_a_weak_match_is_no_answer():
    assert SEARCH.search("flarp kubernetes", limit=5)  # the index finds something, below the minimum score
    assert answer(SEARCH, "flarp kubernetes").hits == []


def test_the_askers_own_paths_win_near_ties():
    plain = answer(SEARCH, "caching")
    mine = answer(SEARCH, "caching", asker=Asker(paths={"data-engineer": ()}))
    assert sorted(shown(plain)) == sorted(shown(mine))
    first_data = next(i for i, h in enumerate(plain.hits) if h.role == "data-engineer")
    assert next(i for i, h in enumerate(mine.hits) if h.role == "data-engineer") < first_data


def test_a_smaller_limit_gives_the_start_of_the_list():
    for query in ["caching", "weeks 1-36", "what comes after sql"]:
        longest = answer(SEARCH, query, role=None if "week" not in query else BACKEND, limit=10).hits
        for n in (1, 3, 5):
            assert answer(SEARCH, query, role=None if "week" not in query else BACKEND, limit=n).hits == longest[:n]


# --- the learner's language --------------------------------------------------------------------


def test_notes_and_problems_are_written_in_the_language_of_the_request():
    with i18n.using("de"):
        week = answer(SEARCH, "woche 14", role=BACKEND)
        which = answer(SEARCH, "week 14")
    with i18n.using("es"):
        after = answer(SEARCH, "qué viene después de databases")
        past = answer(SEARCH, "semana 50", role=BACKEND)
    assert week.note == "Woche 14 von Backend Engineer liegt in Phase 3: Databases (Wochen 13-18)."
    assert which.problem == "Welcher Lernpfad? Woche 14 gibt es in 6 Lernpfaden."
    assert after.note == "«databases» está en la Fase 3: Databases (semanas 13-18) de Backend Engineer. Después viene:"
    assert past.problem == "Backend Engineer tiene 36 semanas; la semana 50 queda después del final."
    # Translated when the answer is made: the same question outside a German or Spanish request is English.
    assert answer(SEARCH, "woche 14", role=BACKEND).note == (
        "Week 14 of Backend Engineer is in Phase 3: Databases (weeks 13-18)."
    )


@pytest.mark.parametrize(
    ("query", "english"),
    [
        ("weeks 3-6", "Weeks 3-6 of Backend Engineer span Phase 1: Foundations (weeks 1-4) and Phase 2: "),
        ("weeks 13-14", "Weeks 13-14 of Backend Engineer are in Phase 3: Databases (weeks 13-18)."),
        ("phase 4", "Phase 4: API Development (weeks 19-24) of Backend Engineer."),
    ],
)
def test_every_reading_of_a_week_is_english_outside_a_translated_request(query, english):
    assert answer(SEARCH, query, role=BACKEND).note.startswith(english)


def test_a_german_or_spanish_question_is_answered_as_the_english_one():
    for german, spanish, english in [
        ("woche 14", "semana 14", "week 14"),
        ("wochen 3 bis 6", "semanas 3 a 6", "weeks 3-6"),
        ("phase 4", "fase 4", "phase 4"),
        ("was kommt nach woche 12", "qué viene después de la semana 12", "what comes after week 12"),
        ("vor phase 2", "antes de la fase 2", "before phase 2"),
        ("nach databases", "después de databases", "after databases"),
    ]:
        expected = shown(answer(SEARCH, english, role=BACKEND))
        assert expected
        assert shown(answer(SEARCH, german, role=BACKEND)) == expected, german
        assert shown(answer(SEARCH, spanish, role=BACKEND)) == expected, spanish


def test_a_title_that_starts_with_before_is_searched_when_no_phase_teaches_it():
    body = (
        "## Phase 1: Grundlagen (Wochen 1-4)\n\n- Git\n\n## Phase 2: Datenbanken (Wochen 5-8)\n\n- SQL\n\n"
        "## Checkliste\n\n### Vor der ersten Bewerbung\n\n- [ ] Lebenslauf aktualisiert\n"
    )
    role, _ = parse_bytes(role_file("bewerbung", body=body).encode(), "bewerbung.md")
    assert role is not None
    alone = SearchIndex([role])
    found = answer(alone, "Vor der ersten Bewerbung")
    assert found.question.kind == "before"
    assert [h.section.title for h in found.hits][:1] == ["Vor der ersten Bewerbung"]
    assert found.note == found.problem == ""
    # What a phase teaches still answers with the phase next to it.
    assert [h.section.title for h in answer(alone, "vor datenbanken").hits] == ["Phase 1: Grundlagen (Wochen 1-4)"]
    with i18n.using("de"):
        last = answer(alone, "was kommt nach datenbanken")
    assert last.problem == "„datenbanken“ steht in Phase 2: Datenbanken (Wochen 5-8) von Bewerbung, der letzten Phase."


# --- days --------------------------------------------------------------------------------------


DAYS = (
    "# Log\n\n### Day 3: January 8, 2025\n**Today's Progress**: Todo app.\n\n"
    "## Days 1-30: JavaScript Foundations\n- [ ] Build 5 apps\n\n## Days 31-60: React\n- Hooks\n\n"
    "## Days 61-90: Node\n- Express\n"
)


def one_path(body: str, name: str = "days") -> SearchIndex:
    role, problems = parse_bytes(role_file(name, body=body).encode(), f"{name}.md")
    assert role is not None, problems
    return SearchIndex([role])


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("day 45", "Days 31-60: React"),
        ("what's on day 31", "Days 31-60: React"),
        ("day 30", "Days 1-30: JavaScript Foundations"),
        ("day 61", "Days 61-90: Node"),
    ],
)
def test_a_day_answers_with_the_phase_whose_days_hold_it(query, title):
    result = answer(one_path(DAYS), query)
    assert result.hits[0].section.title == title
    assert result.problem == ""


def test_a_days_own_heading_answers_first_and_the_note_says_which_phase_it_is_in():
    result = answer(one_path(DAYS), "day 3")
    assert [h.section.title for h in result.hits] == ["Day 3: January 8, 2025", "Days 1-30: JavaScript Foundations"]
    assert result.note == "Day 3 of Days is in Phase 1: JavaScript Foundations (weeks 1-5)."
    assert answer(one_path(DAYS), "day 45").note == "Day 45 of Days is in Phase 2: React (weeks 6-9)."
    # the learner's pace moves the weeks, not which day is which
    index = one_path(DAYS)
    slow = Asker(current="days", paths={"days": schedule(index.roles["days"].phases, 26)})
    at_pace = answer(index, "day 3", asker=slow)
    assert [h.section.title for h in at_pace.hits][:1] == ["Day 3: January 8, 2025"]
    assert at_pace.note.startswith("Day 3 of Days at your pace is in Phase 1: JavaScript Foundations")
    assert answer(one_path(DAYS), "day 200", role="days").problem == "Days has 90 days; day 200 is past its end."
    assert answer(one_path(DAYS), "day 200").problem == "No path has a day 200; Days has 90 days."
    assert answer(SEARCH, "day 45").problem == "Which path? Day 45 is in 6 paths."
    # days asked for are answered in days, not as the weeks they fall in
    assert answer(SEARCH, "days 61-70").problem == "Which path? Days 61-70 are in 6 paths."
    assert answer(SEARCH, "weeks 3-4").problem == "Which path? Weeks 3-4 are in 6 paths."


BOOTCAMP = (
    "## Week 1: HTML & CSS\n### Day 1: HTML\n- Tags\n### Day 2: CSS\n- Selectors\n### Day 3: Flexbox\n- Axes\n"
    "### Day 4: Grid\n- Areas\n### Day 5: Review\n- Quiz\n\n"
    "## Week 2: JavaScript\n### Day 6: Variables\n- let and const\n### Day 7: Functions\n- Closures\n"
    "### Day 8: Arrays\n- map\n### Day 9: DOM\n- Events\n### Day 10: Demo day\n- Present\n"
)


def test_a_plan_of_day_headings_answers_a_day_with_its_heading_in_the_week_it_is_written_in():
    result = answer(one_path(BOOTCAMP, "camp"), "day 7")
    assert [h.section.title for h in result.hits] == ["Day 7: Functions", "Week 2: JavaScript"]
    assert result.note == "Day 7 of Camp is in Phase 2: JavaScript (week 2)."
    assert (
        answer(one_path(BOOTCAMP, "camp"), "what's on day 5").note
        == "Day 5 of Camp is in Phase 1: HTML & CSS (week 1)."
    )
    assert answer(one_path(BOOTCAMP, "camp"), "days 4-6").note == (
        "Days 4-6 of Camp span Phase 1: HTML & CSS (week 1) and Phase 2: JavaScript (week 2)."
    )


def test_a_day_past_the_last_day_heading_is_past_the_plans_end():
    result = answer(one_path(BOOTCAMP, "camp"), "day 11", role="camp")
    assert (result.hits, result.problem) == ([], "Camp has 10 days; day 11 is past its end.")
    span = answer(one_path(BOOTCAMP, "camp"), "days 11-12", role="camp")
    assert span.problem == "Camp has 10 days; days 11-12 are past its end."
    assert answer(one_path(BOOTCAMP, "camp"), "days 11-12").problem == "No path has days 11-12; Camp has 10 days."


SIXTY_DAYS = "## Days 1-30: Networking\n- The OSI model\n\n## Days 31-60: Security\n- Phishing\n"
TWELVE_WEEKS = "## Phase 1: HTML (Weeks 1-6)\n- Tags\n\n## Phase 2: JavaScript (Weeks 7-12)\n- Closures\n"


def test_a_day_past_every_path_names_each_paths_end_in_days():
    mixed = paths(**{"soc-analyst": SIXTY_DAYS, "web-developer": TWELVE_WEEKS})
    # a path that counts in weeks holds its days seven a week: day 61 is in week 9 of twelve
    assert answer(mixed, "day 61").note == "Day 61 of Web Developer is in Phase 2: JavaScript (weeks 7-12)."
    assert answer(mixed, "day 90").problem == (
        "No path has a day 90; Soc Analyst has 60 days and Web Developer has 12 weeks (84 days)."
    )
    assert answer(mixed, "days 85-100").problem == (
        "No path has days 85-100; Soc Analyst has 60 days and Web Developer has 12 weeks (84 days)."
    )
    # a week is asked in weeks, as every path has some
    assert answer(mixed, "week 13").problem == "No path has a week 13; the longest has 12 weeks."
    assert answer(mixed, "weeks 13-14").problem == "No path has weeks 13-14; the longest has 12 weeks."


def test_a_day_past_every_path_names_the_longest_of_several_in_its_unit():
    days = paths(soc=SIXTY_DAYS, days=DAYS)
    assert answer(days, "day 200").problem == "No path has a day 200; the longest in days, Days, has 90 days."
    weeks = answer(SEARCH, "day 300").problem
    assert weeks == "No path has a day 300; the longest in weeks, Data Engineer, has 38 weeks (266 days)."
    both = paths(soc=SIXTY_DAYS, days=DAYS, web=TWELVE_WEEKS, css=WEB)
    assert answer(both, "day 100").problem == (
        "No path has a day 100; the longest in days, Days, has 90 days "
        "and the longest in weeks, Web, has 12 weeks (84 days)."
    )


def test_a_day_past_the_end_of_a_path_in_weeks_says_how_many_days_it_has():
    web = paths(web=TWELVE_WEEKS)
    assert answer(web, "day 90", role="web").problem == "Web has 12 weeks (84 days); day 90 is past its end."
    assert answer(web, "days 85-100", role="web").problem == (
        "Web has 12 weeks (84 days); days 85-100 are past its end."
    )
    assert answer(web, "week 13", role="web").problem == "Web has 12 weeks; week 13 is past its end."


def test_a_day_in_a_gap_between_day_headings_is_in_the_phase_of_the_day_before_it():
    weekdays = BOOTCAMP.replace("### Day 6: Variables", "### Day 8: Variables").replace("### Day 7:", "### Day 9:")
    assert answer(one_path(weekdays, "camp"), "day 6").note == "Day 6 of Camp is in Phase 1: HTML & CSS (week 1)."


def test_german_and_spanish_day_headings_answer_their_day():
    tage = "## Woche 1: Grundlagen\n### Tag 1: Shell\n- ls\n### Tag 2: Git\n- commit\n\n## Woche 2: Web\n### Tag 3: HTTP\n- GET\n"
    assert [h.section.title for h in answer(one_path(tage, "tage"), "tag 3").hits][:1] == ["Tag 3: HTTP"]
    dias = "## Semana 1: Bases\n### Día 1: Shell\n- ls\n\n## Semana 2: Web\n### Día 2: HTTP\n- GET\n"
    assert [h.section.title for h in answer(one_path(dias, "dias"), "día 2").hits][:1] == ["Día 2: HTTP"]


def test_a_plan_of_weeks_counts_seven_days_a_week_whatever_a_log_beside_it_names():
    weeks = (
        "## Log\n### Day 1: January 6\nFixed CSS.\n\n## Week 1: HTML\n- Tags\n\n## Week 2: CSS\n- Grid\n\n"
        "## Week 3: JavaScript\n- Closures\n"
    )
    result = answer(one_path(weeks, "weeks"), "day 10")
    assert ([h.section.title for h in result.hits], result.problem) == (["Week 2: CSS"], "")
    assert [h.section.title for h in answer(one_path(weeks, "weeks"), "day 1").hits] == [
        "Day 1: January 6",
        "Week 1: HTML",
    ]


def test_on_a_path_without_weeks_a_day_finds_that_days_section():
    log = one_path("# Log\n\n### Day 1: January 6\nFixed CSS.\n\n### Day 2: January 7\nClosures.\n", "log")
    result = answer(log, "day 2")
    assert (result.problem, [h.section.title for h in result.hits][:1]) == ("", ["Day 2: January 7"])


# --- after and before, on the asker's own path ---------------------------------------------------

OPS = "## Phase 1: Linux (Weeks 1-4)\n- Shell\n\n## Phase 2: Docker (Weeks 5-8)\n- Images\n\n## Phase 3: CI/CD (Weeks 9-12)\n- Pipelines\n"
SHIP = "## Phase 1: Python (Weeks 1-4)\n- Flask\n\n## Phase 2: Docker (Weeks 5-8)\n- Images and containers\n"
WEB = "## Phase 1: HTML (Weeks 1-4)\n- Tags\n\n## Phase 2: CSS (Weeks 5-8)\n- Grid\n"


def paths(**bodies: str) -> SearchIndex:
    roles = []
    for name, body in bodies.items():
        role, problems = parse_bytes(role_file(name, body=body).encode(), f"{name}.md")
        assert role is not None, problems
        roles.append(role)
    return SearchIndex(roles)


def follower(index: SearchIndex, name: str) -> Asker:
    return Asker(current=name, paths={name: index.roles[name].phases})


NODE = (
    "## Phase 1: HTML (Weeks 1-4)\n- Tags\n\n## Phase 2: JavaScript (Weeks 5-8)\n- Variables, types, functions\n"
    "- The DOM and events\n\n## Phase 3: Back-end with Node.js (Weeks 9-12)\n1. Node.js and npm\n2. Express: routes\n\n"
    "## Phase 4: Final project (Weeks 13-16)\n- Deploy\n"
)


def test_after_a_phase_title_is_after_that_phase_not_after_one_holding_a_look_alike_of_it():
    index = paths(web=NODE)
    after = answer(index, "what comes after javascript")
    assert shown(after) == [("web", "Phase 3: Back-end with Node.js (Weeks 9-12)")]
    assert after.note == "'javascript' is in Phase 2: JavaScript (weeks 5-8) of Web. Next comes:"
    assert shown(answer(index, "what should I learn before javascript")) == [("web", "Phase 1: HTML (Weeks 1-4)")]


def test_after_a_topics_exact_title_is_after_its_phase_whatever_mentions_it_elsewhere():
    body = (
        "## Phase 1: Basics (Weeks 1-2)\n### Closures\n- Scope\n\n## Phase 2: Patterns (Weeks 3-4)\n"
        "- Closures in loops\n- Closures and memory\n- Closures as modules\n\n## Phase 3: Async (Weeks 5-6)\n- Promises\n"
    )
    assert shown(answer(paths(js=body), "what comes after closures")) == [("js", "Phase 2: Patterns (Weeks 3-4)")]


def test_after_a_topic_in_the_last_phase_of_the_askers_path_says_so():
    index = paths(ops=OPS, ship=SHIP)
    result = answer(index, "what comes after docker", asker=follower(index, "ship"))
    assert (result.hits, result.problem) == ([], "'docker' is in Phase 2: Docker (weeks 5-8) of Ship, its last phase.")
    # a learner of the other path gets its next phase
    assert shown(answer(index, "what comes after docker", asker=follower(index, "ops"))) == [
        ("ops", "Phase 3: CI/CD (Weeks 9-12)")
    ]
    # following both, the answer is in the one they are on now
    both = {name: index.roles[name].phases for name in ("ops", "ship")}
    for current, title in (("ship", None), ("ops", "Phase 3: CI/CD (Weeks 9-12)")):
        result = answer(index, "what comes after docker", asker=Asker(current=current, paths=both))
        assert ([h.section.title for h in result.hits][:1] or [None])[0] == title, current


def test_after_a_topic_the_askers_path_does_not_teach_names_the_path_it_comes_from():
    index = paths(ops=OPS, web=WEB)
    result = answer(index, "what comes after docker", asker=follower(index, "web"))
    assert shown(result) == [("ops", "Phase 3: CI/CD (Weeks 9-12)")]
    assert result.note == "'docker' is in Phase 2: Docker (weeks 5-8) of Ops, a path you don't follow. Next comes:"


DS = (
    "## Week 3: EDA\n- Plots\n\n## Week 4: SQL for Analysts\n### Day 1 — SELECT basics\n"
    "- Setting up PostgreSQL with Docker\n\n```bash\ndocker run --name pg -d postgres:16\n```\n\n"
    "## Week 5: Statistics\n- Distributions\n"
)
DEVOPS = (
    "## Stage 1: Linux (Weeks 1-4)\n- Shell\n\n## Stage 2: Contaners with Docker (Weeks 5-8)\n- Images\n"
    "- Docker Compose for multi-container apps\n\n## Stage 3: CI/CD (Weeks 9-12)\n- Pipelines\n"
)


def test_following_two_paths_after_a_topic_is_in_the_one_whose_phase_is_titled_by_it():
    index = paths(ops=DEVOPS, ds=DS)
    both = {name: index.roles[name].phases for name in ("ops", "ds")}
    for current in ("ds", "ops"):
        result = answer(index, "what comes after docker", asker=Asker(current=current, paths=both))
        assert shown(result) == [("ops", "Stage 3: CI/CD (Weeks 9-12)")], current
        assert result.note == "'docker' is in Phase 2: Contaners with Docker (weeks 5-8) of Ops. Next comes:"


CIU = (
    "# CIU\n\n## Linked Lists\n- [ ] Singly linked lists\n\n## Trees\nA tree is a graph without cycles.\n\n"
    "### Trees - Intro\n- [ ] Binary trees\n\n### Heap\n- [ ] Implement a heap\n\n## Sorting\n- [ ] Merge sort\n\n"
    "## Additional Detail\n- [ ] [Trees](https://example.com/trees)\n"
)
CLASSES = (
    "## Week 6: Regression\n- Linear regression\n\n## Week 7: Classification\n### Day 3 — Trees and forests\n"
    "- Decision trees\n\n## Week 8: Clustering\n- K-means\n"
)
FRONTEND = (
    "# Frontend\n\n## HTML\n- Tags\n\n## CSS\n- Selectors\n\n## JavaScript\n- Variables\n\n## Pick a Framework\n"
    "- React\n\n**Writing CSS (after you pick a framework)**\n\n- Tailwind\n"
)


def test_in_a_path_without_phases_after_a_topic_is_the_section_after_the_one_titled_by_it():
    index = paths(ciu=CIU, boot=CLASSES)
    mine = follower(index, "ciu")
    after = answer(index, "what comes after trees", asker=mine)
    assert shown(after) == [("ciu", "Sorting")]
    assert after.note == "'trees' is in the section 'Trees' of Ciu. Next comes:"
    assert shown(answer(index, "what comes before trees", asker=mine)) == [("ciu", "Linked Lists")]
    # a sub-section's neighbours are its own level's, and the last one's is the next section above it
    assert shown(answer(index, "what comes after trees intro", asker=mine)) == [("ciu", "Heap")]
    assert shown(answer(index, "what comes after heap", asker=mine)) == [("ciu", "Sorting")]
    last = answer(index, "what comes after additional detail", asker=mine)
    assert (last.hits, last.problem) == ([], "'Additional Detail' is the last section of Ciu.")
    first = answer(index, "what comes before linked lists", asker=mine)
    assert (first.hits, first.problem) == ([], "'Linked Lists' is the first section of Ciu.")
    # asked by someone on neither path, the section titled by it comes first, then the phase that mentions it
    anyone = answer(index, "what comes after trees")
    assert shown(anyone) == [("ciu", "Sorting"), ("boot", "Week 8: Clustering")]
    # a learner of the bootcamp is answered on their own path
    assert shown(answer(index, "what comes after trees", asker=follower(index, "boot"))) == [
        ("boot", "Week 8: Clustering")
    ]


def test_after_a_topic_of_a_path_without_phases_that_the_asker_does_not_follow_names_it():
    index = paths(frontend=FRONTEND, boot=CLASSES)
    result = answer(index, "what comes after css", asker=follower(index, "boot"))
    assert shown(result) == [("frontend", "JavaScript")]
    assert result.note == "'css' is in the section 'CSS' of Frontend, a path you don't follow. Next comes:"
    with i18n.using("de"):
        german = answer(index, "was kommt nach css", asker=follower(index, "boot"))
    assert (
        german.note == "„css“ steht im Abschnitt „CSS“ von Frontend, einem Lernpfad, dem du nicht folgst. Danach kommt:"
    )
    with i18n.using("es"):
        last = answer(index, "qué viene después de pick a framework")
    assert last.problem == "«Pick a Framework» es la última sección de Frontend."


def test_weeks_between_phases_are_in_no_phase_and_the_answer_is_the_next_one():
    body = "# Gap\n\n## Phase 1: Linux (Weeks 1-4)\n- Shell\n\n## Phase 2: Docker (Weeks 7-10)\n- Images\n"
    role, _ = parse_bytes(role_file("gap", body=body).encode(), "gap.md")
    index = SearchIndex([role])
    week = answer(index, "week 5", role="gap")
    assert week.note == "Week 5 of Gap is in no phase; next comes Phase 2: Docker (weeks 7-10):"
    assert shown(week) == [("gap", "Phase 2: Docker (Weeks 7-10)")]
    weeks = answer(index, "weeks 5-6", role="gap")
    assert weeks.note.startswith("Weeks 5-6 of Gap are in no phase; next comes Phase 2")
    assert shown(answer(index, "weeks 4-6", role="gap")) == [("gap", "Phase 1: Linux (Weeks 1-4)")]


def test_when_with_a_schedule_that_lacks_the_phase_gives_the_topics_hits():
    role = INDEX.roles[BACKEND]
    asker = Asker(current=BACKEND, paths={BACKEND: role.phases[:2]})  # a schedule made before a reload, say
    result = answer(SEARCH, "when do I learn kubernetes", role=BACKEND, asker=asker)
    assert result.note == ""
    assert result.hits == answer(SEARCH, "kubernetes", role=BACKEND, asker=asker).hits


def test_before_a_topic_in_the_first_phase_says_where_it_is():
    result = answer(SEARCH, "what comes before git", role=BACKEND)
    assert result.hits == []
    assert result.problem.startswith("'git' is in Phase 1: Foundations (weeks 1-4) of Backend Engineer")
    assert result.problem.endswith(", its first phase.")
