"""Search over the shipped content, as a learner typing into /skill-deep-dive sees it."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from bot.content.ids import slugify
from bot.content.loader import ContentIndex, load_content, parse_bytes
from bot.content.models import Role
from bot.content.search import ROLE_SCAN, SHORTLIST_FLOOR, SearchIndex, _top, tokenize, word_sets
from tests.conftest import CONTENT_DIR
from tests.content.helpers import role_file

INDEX: ContentIndex = load_content(CONTENT_DIR)
SEARCH: SearchIndex = INDEX.search
ALL_SECTIONS = [(role.name, s) for role in INDEX.roles.values() for s in role.sections]
ALL_TITLES = sorted({s.title for _, s in ALL_SECTIONS})
FILE_LINES = {r.name: (CONTENT_DIR / r.file).read_text(encoding="utf-8").split("\n") for r in INDEX.roles.values()}


def titles(hits) -> list[str]:
    return [h.section.title for h in hits]


def assert_best_first(hits) -> None:
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True), scores


def test_shipped_content_loaded():
    assert INDEX.problems == ()
    assert len(INDEX.roles) == len(list(CONTENT_DIR.glob("*.md")))


# --- typos -------------------------------------------------------------------------------------


def test_postgress_finds_postgresql_in_backend_engineer():
    hits = SEARCH.search("postgress", limit=5)
    assert "PostgreSQL" in hits[0].section.title
    assert any(h.role == "backend-engineer" and "PostgreSQL" in h.section.title for h in hits[:3]), titles(hits)
    best = SEARCH.search("postgress", role="backend-engineer", limit=3)[0]
    assert best.section.kind == "topic"
    assert best.section.title.startswith("PostgreSQL")
    assert best.section.phase == 3


def test_kuberntes_finds_kubernetes():
    hits = SEARCH.search("kuberntes", limit=5)
    assert len(hits) == 5
    assert all("kubernetes" in (h.section.title + h.section.text).lower() for h in hits), titles(hits)
    assert "Kubernetes" in hits[0].section.title


def test_authentification_finds_authentication():
    hits = SEARCH.search("authentification", limit=5)
    assert hits
    assert all("authentication" in h.section.title.lower() for h in hits), titles(hits)
    assert any(h.role == "backend-engineer" for h in hits)


def test_senior_salary_finds_the_salary_facts_with_the_senior_range():
    hits = SEARCH.search("senior salary", limit=5)
    assert hits[0].section.title == "Salary range"
    for h in hits:
        if h.section.title == "Salary range":
            assert INDEX.roles[h.role].salary_range["senior"] in h.snippet
            assert "senior" in h.snippet
    best = SEARCH.search("senior salary", role="backend-engineer", limit=1)[0]
    assert best.section.title == "Salary range"
    assert "$135K-$180K" in best.snippet


def phase_index(markdown: str) -> SearchIndex:
    """Return the search index of one role file whose only phase holds this markdown."""
    body = f"# Test\n\n## Learning Path\n\n### Phase 1: Tools (Weeks 1-2)\n\n{markdown}"
    role, problems = parse_bytes(role_file(body=body).encode(), "test-role.md")
    assert role is not None and not [p for p in problems if p.severity == "error"], problems
    return SearchIndex([role])


TITLE_WORDS = sorted({w for _, s in ALL_SECTIONS for w in tokenize(s.title) if len(w) >= 7 and w.isalpha()})


def test_one_typo_in_any_long_title_word_still_finds_that_title():
    missed = []
    for word in TITLE_WORDS:
        mid = len(word) // 2
        dropped, swapped, replaced = (
            word[:mid] + word[mid + 1 :],
            word[:mid] + word[mid + 1] + word[mid] + word[mid + 2 :],
            word[:mid] + ("x" if word[mid] != "x" else "z") + word[mid + 1 :],
        )
        # A typo that is a word the content uses ('tracing' of 'tracking') means that word (see below).
        for typo in {dropped, swapped, replaced} - {word} - SEARCH._vocab.keys():
            if not any(word in tokenize(h.section.title) for h in SEARCH.search(typo, limit=10)):
                missed.append((word, typo))
    assert len(TITLE_WORDS) > 300
    assert missed == []


SHORT_TITLE_WORDS = sorted({w for _, s in ALL_SECTIONS for w in tokenize(s.title) if 4 <= len(w) <= 6 and w.isalpha()})


def test_two_swapped_letters_in_a_short_title_word_still_find_that_title():
    # fuzz.ratio counts a swap as two edits (a 4-letter word falls under the cutoff); a typist makes it in one.
    typos = [
        (word, word[:i] + word[i + 1] + word[i] + word[i + 2 :])
        for word in SHORT_TITLE_WORDS
        for i in range(len(word) - 1)
        if word[i] != word[i + 1]
    ]
    typos = [(word, typo) for word, typo in typos if typo not in SEARCH._vocab]
    missed = [
        (word, typo)
        for word, typo in typos
        if not any(word in tokenize(h.section.title) for h in SEARCH.search(typo, limit=10))
    ]
    assert len(typos) > 1000
    # A few are honestly ambiguous ("pacth": patch or path?); before swaps counted as one slip, 25% were lost.
    assert len(missed) <= len(typos) // 200, missed


def test_a_swap_is_as_close_as_a_missing_letter():
    # "setps" is one slip from "steps" (swap) and from "setups" (missing letter): both are found.
    index = phase_index("- Multi-account setups\n- Next steps\n- Rust ownership\n")
    assert {"Multi-account setups", "Next steps"} <= {h.section.title for h in index.search("setps", limit=20)}
    assert [h.section.title for h in index.search("rsut", limit=1)] == ["Rust ownership"]


def test_a_three_letter_word_finds_its_plural():
    # too short for look-alikes ('pbq' is one letter from many words), but 'PBQs' is its plural
    index = phase_index("- Flag the PBQs and do them last\n- Kubernetes pods\n- Read the docs\n")
    assert [h.section.title for h in index.search("pbq", limit=5)] == ["Flag the PBQs and do them last"]
    assert [h.section.title for h in index.search("pod", limit=5)] == ["Kubernetes pods"]


def test_a_word_the_content_uses_is_not_read_as_a_swap_of_another():
    # "salt" is a word here, so it is not "slat" mistyped: the title "Slat bed frames" must not beat it.
    index = phase_index("- Slat bed frames\n\n### Kitchen basics\n\nSeason with salt and pepper.\n")
    assert [h.section.title for h in index.search("salt", limit=5)] == ["Kitchen basics"]


def test_a_word_the_content_uses_ranks_above_its_look_alikes_even_in_a_code_block():
    # "groupby" is only in a code block; "groups" in a title is one slip from it, but not what was typed.
    index = phase_index(
        "- Users and groups\n\n### Pandas\n\nSplit, apply, combine:\n\n```python\ndf.groupby('region').sum()\n```\n"
    )
    assert [h.section.title for h in index.search("groupby", limit=2)] == ["Pandas", "Users and groups"]
    # its plural or singular is no look-alike: it is the same word
    assert [h.section.title for h in index.search("group", limit=1)] == ["Users and groups"]


@st.composite
def misspelt_words(draw: st.DrawFn) -> str:
    """Draw a vocabulary word with up to three random edits."""
    word = draw(st.sampled_from(SEARCH._words))
    for _ in range(draw(st.integers(0, 3))):
        i = draw(st.integers(0, len(word)))
        edit = draw(st.sampled_from(["drop", "insert", "replace"]))
        letter = draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789"))
        word = word[:i] + ("" if edit == "drop" else letter) + word[i + (edit != "insert") :]
    return word


@settings(max_examples=400, deadline=None)
@given(word=misspelt_words(), cutoff=st.sampled_from([75, 80]))
def test_fuzzy_candidates_include_every_word_that_can_reach_the_cutoff(word, cutoff):
    # Candidates are cut to a length band; the band must never lose a word fuzz.ratio would accept.
    if len(word) < 2:
        return
    letters = set(word[:2])
    near = {w for w in SEARCH._words if w[0] in letters or w[1:2] in letters}
    reachable = {w for w in near if fuzz.ratio(word, w) >= cutoff}
    assert reachable <= set(SEARCH._fuzzy_candidates(word, cutoff))


def test_a_typo_equally_close_to_many_words_expands_to_the_most_used_ones():
    # "mongx" is as close to each of monga ... mongl (fuzz.ratio 80); it expands to 8 of them: the word used
    # most first, then in ABC order. "mongl" comes last in the file and in the alphabet.
    rare = "".join(f"- Mong{c} basics\n" for c in "abcdefghijk")
    hits = phase_index(f"{rare}- Mongl setup\n- Mongl tuning\n").search("mongx", limit=20)
    found = {h.section.title for h in hits}
    assert {"Mongl setup", "Mongl tuning"} <= found
    assert {f"Mong{c} basics" for c in "abcdefg"} <= found
    assert not {f"Mong{c} basics" for c in "hijk"} & found


@settings(max_examples=300, deadline=None)
@given(
    scores=st.dictionaries(st.integers(0, 400), st.sampled_from([0.1, 0.25, 0.5, 0.75, 1.0]), max_size=60),
    n=st.integers(0, 70),
)
def test_the_shortlist_keeps_the_n_best_and_on_a_tie_the_more_specific(scores, n):
    expected = dict(sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[: max(n, 0)])
    assert _top(scores, n) == expected


def test_a_word_expands_to_its_closest_look_alikes_only():
    # "traces" (fuzz.ratio 91) is what "trace" means; "trade" (80) only passes the cutoff.
    index = phase_index("- Traces in Grafana\n- Trade-offs of caching\n")
    found = {h.section.title for h in index.search("trace", limit=20)}
    assert "Traces in Grafana" in found
    assert "Trade-offs of caching" not in found


def test_typo_and_exact_spelling_agree_on_the_best_hit():
    for typo, word in [
        ("postgress", "postgresql"),
        ("kuberntes", "kubernetes"),
        ("authentification", "authentication"),
    ]:
        exact = SEARCH.search(word, limit=5)
        fuzzy = SEARCH.search(typo, limit=5)
        assert fuzzy[0].section.title.lower().startswith(word[:6]), (typo, titles(fuzzy))
        assert fuzzy[0].score <= exact[0].score  # a typo never scores above the real word


# --- ranking -----------------------------------------------------------------------------------


def test_the_most_specific_place_wins_over_the_phase_that_holds_it():
    hits = SEARCH.search("SQL Deep Dive", limit=10)
    best = hits[0]
    assert (best.role, best.section.title, best.section.kind) == ("backend-engineer", "SQL Deep Dive", "subsection")
    phase = next(i for i, h in enumerate(hits) if h.section.title.startswith("Phase 3: Databases"))
    assert phase > 0
    assert hits[phase].score < best.score


def test_results_are_best_first_and_within_the_limit():
    for query in ["sql", "docker kubernetes", "security", "senior salary", "api design", "monitoring"]:
        for limit in (1, 3, 10):
            hits = SEARCH.search(query, limit=limit)
            assert 0 < len(hits) <= limit
            assert_best_first(hits)
        assert SEARCH.search(query, limit=3) == SEARCH.search(query, limit=10)[:3]


@pytest.mark.parametrize("limit", [0, -1, -25])
def test_a_limit_below_one_gives_nothing(limit):
    assert SEARCH.search("postgres", limit=limit) == []
    assert SEARCH.titles("postgres", limit=limit) == []
    assert SEARCH.find_roles("backend", limit=limit) == []
    assert SEARCH.find_roles("", limit=limit) == []


def test_a_smaller_limit_gives_the_start_of_the_longer_list():
    # Whatever the limit, a query ranks the same: the bot (20 results) and `waymark search` (5) agree.
    differ = []
    for title in ALL_TITLES:
        words = title.split()
        for query in {" ".join(words[:2]), " ".join(words[-2:]), title}:
            longest = SEARCH.search(query, limit=SHORTLIST_FLOOR)
            differ += [(query, n) for n in (1, 3, 5, 10) if SEARCH.search(query, limit=n) != longest[:n]]
    assert differ == []


@pytest.mark.parametrize("query", ["window functions", "jwt", "kubernetes", "senior salary", "indexes"])
def test_a_hits_snippet_is_the_line_of_its_section_that_shows_the_query(query):
    stem = query.split()[0][:4]
    for hit in SEARCH.search(query, limit=10):
        lines = [ln.strip() for ln in hit.section.text.split("\n") if ln.strip()]
        assert len(hit.snippet) <= 160
        assert any(ln == hit.snippet or ln.startswith(hit.snippet.removesuffix("…")) for ln in lines), hit.snippet
        if any(stem in ln.lower() for ln in lines):
            assert stem in hit.snippet.lower(), (hit.section.title, hit.snippet)


def test_role_filter_restricts_results():
    everywhere = SEARCH.search("kubernetes", limit=50)
    assert len({h.role for h in everywhere}) > 1
    for role in INDEX.roles:
        hits = SEARCH.search("kubernetes", role=role, limit=10)
        assert all(h.role == role for h in hits)
        assert_best_first(hits)
    only = SEARCH.search("kubernetes", role="devops-sre-engineer", limit=5)
    assert only
    assert SEARCH.search("kubernetes", role="no-such-role", limit=5) == []


@pytest.mark.parametrize("query", ["xyzzyqwert", "qqqqqqqqqq", "zzgrbl flarp", "ꙮꙮꙮ"])
def test_unknown_words_give_nothing_or_weak_hits(query):
    hits = SEARCH.search(query, limit=5)
    assert all(h.score < 50 for h in hits), [(h.section.title, h.score) for h in hits]


def test_a_known_word_with_junk_still_finds_it_but_scores_lower():
    clean = SEARCH.search("kubernetes", limit=3)
    noisy = SEARCH.search("kubernetes xyzzyqwert", limit=3)
    assert noisy
    assert "Kubernetes" in noisy[0].section.title
    assert noisy[0].score < clean[0].score


@pytest.mark.parametrize("query", ["", " ", "\t\n  ", "?!.", "--- *** ...", "()[]{}", "🙂"])
def test_empty_or_punctuation_only_queries_return_nothing(query):
    assert SEARCH.search(query) == []
    assert SEARCH.search(query, prefix=True) == []
    assert SEARCH.titles(query) == []


# --- autocomplete ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "start", "expect"), [("kubernetes", 4, "Kubernetes"), ("postgresql", 5, "PostgreSQL")]
)
def test_prefix_autocomplete_finds_the_word_while_typing(word, start, expect):
    for end in range(start, len(word) + 1):
        typed = word[:end]
        for hits in (SEARCH.search(typed, prefix=True, limit=5), SEARCH.titles(typed, limit=5)):
            assert any(expect in t for t in titles(hits)[:3]), (typed, titles(hits))


def test_prefix_only_completes_the_last_word():
    hits = SEARCH.titles("sql deep d", limit=5)
    assert hits[0].section.title == "SQL Deep Dive"


def test_titles_are_distinct_per_role():
    hits = SEARCH.titles("python", limit=25)
    keys = [(h.role, h.section.title.lower()) for h in hits]
    assert len(keys) == len(set(keys))
    assert 0 < len(hits) <= 25


# --- roles -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "role"),
    [
        ("backend-engineer", "backend-engineer"),  # name
        ("sre", "devops-sre-engineer"),  # alias
        ("mlops", "ml-engineer"),
        ("Machine Learning Engineer", "ml-engineer"),  # display name
        ("application/cloud security engineer", "security-engineer"),
        ("fron", "frontend-engineer"),  # prefix
        ("Data Eng", "data-engineer"),
        ("bakend", "backend-engineer"),  # typo
        ("fronted engineer", "frontend-engineer"),
        ("bakend engineer", "backend-engineer"),
        ("secruity", "security-engineer"),
    ],
)
def test_find_roles(query, role):
    matches = SEARCH.find_roles(query, limit=3)
    assert matches, query
    assert matches[0].name == role
    assert matches[0].display_name == INDEX.roles[role].display_name
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


def test_exact_name_beats_prefix_and_fuzzy_matches():
    exact = SEARCH.find_roles("security", limit=5)[0]
    prefix = SEARCH.find_roles("secur", limit=5)[0]
    typo = SEARCH.find_roles("securty", limit=5)[0]
    assert exact.name == prefix.name == typo.name == "security-engineer"
    assert exact.score > prefix.score > typo.score


def test_empty_role_query_lists_roles_alphabetically_within_the_limit():
    every = SEARCH.find_roles("", limit=100)
    names = [m.display_name for m in every]
    assert names == sorted(names, key=str.lower)
    assert {m.name for m in every} == set(INDEX.roles)
    assert [m.name for m in SEARCH.find_roles("   ", limit=2)] == [m.name for m in every[:2]]
    assert len(SEARCH.find_roles("engineer", limit=3)) <= 3


def test_nonsense_role_query_finds_nothing():
    assert SEARCH.find_roles("zzqxv") == []


def many_roles() -> SearchIndex:
    """Return an index of 216 roles ("Payments Platform Engineer", ...), each with a short alias: 648 texts."""
    roles = []
    for domain in ("Payments", "Streaming", "Robotics", "Healthcare", "Compiler", "Accessibility"):
        for focus in ("Platform", "Automation", "Reliability", "Security", "Research", "Tooling"):
            for title in ("Engineer", "Architect", "Analyst", "Consultant", "Specialist", "Developer"):
                display = f"{domain} {focus} {title}"
                initials = "".join(w[0] for w in display.split()).lower()
                roles.append(Role(slugify(display, 64), display, "", f"{slugify(display, 64)}.md", aliases=(initials,)))
    return SearchIndex(roles)


@pytest.mark.parametrize(
    ("query", "role"),
    [
        ("payments platfrom engineer", "payments-platform-engineer"),
        ("robotcs automation architect", "robotics-automation-architect"),
        ("healthcare reliabilty analyst", "healthcare-reliability-analyst"),
        ("compiler tooling develper", "compiler-tooling-developer"),
        ("accesibility research consultant", "accessibility-research-consultant"),
        ("streamng security specialist", "streaming-security-specialist"),
    ],
)
def test_a_misspelt_role_among_hundreds_is_found_first(query, role):
    index = many_roles()
    assert len(index._role_texts) > ROLE_SCAN  # only the texts that share enough letter pairs are scored
    assert [m.name for m in index.find_roles(query, limit=3)][:1] == [role]


@pytest.mark.parametrize(
    ("query", "start"),
    [
        ("compiler reserch", "compiler-research-"),
        ("streaming relability", "streaming-reliability-"),
        ("healthcare secruity", "healthcare-security-"),
    ],
)
def test_a_misspelt_role_prefers_the_names_closest_as_a_whole(query, start):
    # WRatio scores every name holding "compiler" in full alike: the whole name's closeness breaks the tie.
    found = many_roles().find_roles(query, limit=3)
    assert len(found) == 3 and all(m.name.startswith(start) for m in found), found


def test_role_substring_matches_come_in_display_order_within_the_limit():
    index = many_roles()
    found = index.find_roles("security", limit=7)
    assert len(found) == 7
    assert [m.display_name for m in found] == sorted(
        (r.display_name for r in index._roles.values() if "Security" in r.display_name), key=str.lower
    )[:7]
    assert {m.score for m in found} == {85.0}


def test_role_by_key_ignores_case_and_punctuation():
    assert SEARCH.role_by_key("Backend Engineer").name == "backend-engineer"
    assert SEARCH.role_by_key("DEVOPS").name == "devops-sre-engineer"
    assert SEARCH.role_by_key("front-end developer").name == "frontend-engineer"
    assert SEARCH.role_by_key("bakend") is None


# --- where a hit points ------------------------------------------------------------------------


def _plain(line: str) -> str:
    return re.sub(r"\*\*|__|`", "", line)


@pytest.mark.parametrize("query", ["SQL Deep Dive", "postgresql", "kubernetes", "jwt", "window functions", "docker"])
def test_hits_carry_their_line_and_phase(query):
    hits = SEARCH.search(query, limit=10)
    assert hits
    for h in hits:
        role = INDEX.roles[h.role]
        if h.section.kind == "facts":
            assert h.section.line is None
            continue
        assert h.section.line is not None
        line = _plain(FILE_LINES[h.role][h.section.line - 1])
        assert h.section.title.strip("\"'“”‘’") in line, (h.section.title, line)
        if h.section.phase is not None:
            phase = role.phase(h.section.phase)
            later = [p.line for p in role.phases if p.line > phase.line]
            assert phase.line <= h.section.line < min(later, default=10**9)
    deep = SEARCH.search("SQL Deep Dive", limit=1)[0]
    assert FILE_LINES["backend-engineer"][deep.section.line - 1] == "**SQL Deep Dive:**"
    assert deep.section.phase == 3


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.sampled_from(ALL_TITLES))
def test_searching_a_sections_exact_title_finds_it_in_the_top_five(title):
    hits = SEARCH.search(title, limit=5)
    assert title in titles(hits), (title, [(h.section.title, h.score) for h in hits])


def test_every_sections_exact_title_finds_it_in_the_top_five():
    missed = {}
    for title in ALL_TITLES:
        hits = SEARCH.search(title, limit=5)
        if title not in titles(hits):
            missed[title] = [(h.section.title, h.score) for h in hits]
    assert missed == {}


WORDS = sorted({w for _, s in ALL_SECTIONS for w in re.findall(r"\w+", s.title.lower())})


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), min_size=0, max_size=4),
    role=st.one_of(st.none(), st.sampled_from(sorted(INDEX.roles))),
    limit=st.integers(1, 12),
    prefix=st.booleans(),
)
def test_any_query_gives_sorted_bounded_results(words, role, limit, prefix):
    hits = SEARCH.search(" ".join(words), role=role, limit=limit, prefix=prefix)
    assert len(hits) <= limit
    assert_best_first(hits)
    assert all(0 <= h.score <= 100 for h in hits)
    if role is not None:
        assert all(h.role == role for h in hits)
    assert all(h.snippet and len(h.snippet) <= 160 for h in hits)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="aZ9 _-+#.\x1féÉ🚀ﬁ\n", max_size=12), max_size=12))
def test_word_sets_finds_the_words_tokenize_finds(texts):
    assert word_sets(texts) == [set(tokenize(t)) for t in texts]


def test_an_index_deferred_to_its_first_search_answers_as_one_built_at_once():
    deferred = SearchIndex(INDEX.roles.values(), defer=True)
    # Roles are found by name before any search, and that indexes no entry.
    assert deferred.role_by_key("Backend Engineer") is INDEX.roles["backend-engineer"]
    assert deferred.find_roles("backend", limit=3) == SEARCH.find_roles("backend", limit=3)
    assert deferred._unindexed is not None
    for query in ("postgress", "kubernetes networking", "week", "version control", "sql join"):
        assert deferred.search(query, limit=20) == SEARCH.search(query, limit=20), query
        assert deferred.titles(query, role="backend-engineer") == SEARCH.titles(query, role="backend-engineer")
    assert (len(deferred), deferred.vocabulary_size) == (len(SEARCH), SEARCH.vocabulary_size)


def test_a_snippet_shows_a_line_of_prose_before_code_that_matches_no_better():
    text = "### Timeline\n\n```mermaid\ngantt\n    section Domains\n    Domain 1 :a1, 2026-01-05, 7d\n```\n\nThe exam domains by week.\n"
    (hit,) = phase_index(text).search("timeline", limit=1)
    assert hit.snippet == "The exam domains by week."
    (hit,) = phase_index(text).search("gantt", limit=1)  # a code line that holds the query still shows it
    assert hit.snippet == "gantt"
