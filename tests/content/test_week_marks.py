"""Week headings as people write them in logs and plans: a tilde between two week numbers, the dates a week runs in
full-width brackets before its title, a week number that is a word of a sentence or a question, and a month whose
own week headings run past its four weeks."""

from __future__ import annotations

from bot.content.answers import answer
from bot.content.loader import parse_bytes
from bot.content.search import SearchIndex
from bot.handlers.learning import phase_body
from tests.content.helpers import role_file, warnings


def parse(body: str):
    role, problems = parse_bytes(role_file(name="marks", body=body).encode(), "marks.md")
    assert role is not None, problems
    return role, problems


# --- a tilde between two week numbers -----------------------------------------------------------------------------


def test_a_tilde_between_two_week_numbers_is_a_span_of_weeks():
    body = (
        "# Diary\n## WEEK 1: Setup\n- [x] install\n## WEEK 2~3: Exams\n- [x] revise\n"
        "## Week 4 ～ 5: Rest\n- [ ] sleep\n## Weeks 6〜7: Back\n- [ ] code\n"
    )
    role, problems = parse(body)
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Setup", (1, 1)),
        ("Exams", (2, 3)),
        ("Rest", (4, 5)),
        ("Back", (6, 7)),
    ]
    assert not [m for m in warnings(problems) if "no phase" in m]
    # a tilde that opens a number after a blank is 'about' that many, no span
    role, _ = parse("# Plan\n## Week 1 ~10h: Go basics\n- syntax\n## Week 2: Go tools\n- vet\n")
    assert [(p.title, p.weeks) for p in role.phases] == [("~10h: Go basics", (1, 1)), ("Go tools", (2, 2))]


# --- dates in full-width brackets after the week number ------------------------------------------------------------


def test_a_week_dated_in_full_width_brackets_is_titled_by_its_words_with_the_dates_after():
    body = (
        "# Log\n## WEEK 1（2021.3.1）：Interview\n- [x] talk\n"
        "## WEEK 2（2021.3.2-2021.3.8）：Reading the STL\n- [x] vectors\n"
        "## WEEK 3~4（2021.3.9-2021.3.22）：Exams\n- [x] pass\n"
    )
    role, problems = parse(body)
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Interview (2021.3.1)", (1, 1)),
        ("Reading the STL (2021.3.2-2021.3.8)", (2, 2)),
        ("Exams (2021.3.9-2021.3.22)", (3, 4)),
    ]
    assert not [m for m in warnings(problems) if "no phase" in m]


def test_a_week_dated_in_full_width_brackets_in_a_summary_reads_the_same():
    body = (
        "# Log\n<details>\n<summary>WEEK 1（2021.3.1）：Interview</summary>\n\n- talk\n</details>\n\n"
        "<details>\n<summary>WEEK 2（2021.3.2-2021.3.8）：Reading the STL</summary>\n\n- vectors\n</details>\n"
    )
    role, _ = parse(body)
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Interview (2021.3.1)", (1, 1)),
        ("Reading the STL (2021.3.2-2021.3.8)", (2, 2)),
    ]
    assert phase_body(role.phases[1]) == "- vectors"


def test_a_week_dated_alone_from_one_day_to_another_with_a_tilde_is_named_by_its_week_and_dates():
    body = (
        "# Schedule\n### Week 1（2026-06-23 ~ 2026-06-27）\n- first clip\n"
        "### Week 2 (2026-06-30 ～ 2026-07-04)\n- second clip\n"
    )
    role, _ = parse(body)
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Week 1 (2026-06-23 ~ 2026-06-27)", (1, 1)),
        ("Week 2 (2026-06-30 ～ 2026-07-04)", (2, 2)),
    ]


# --- a week number that is a word of a sentence --------------------------------------------------------------------


def test_a_week_number_with_a_suffix_after_an_apostrophe_is_no_phase():
    body = (
        "# Tasks\n## Hafta 1’de elinde ne olmalı?\n- Kart hazır\n## Hafta 2'de neler var\n- Sensör\n"
        "## Week 1's recap\n- notes\n## Kolay\n- [ ] LED yak\n"
    )
    role, problems = parse(body)
    assert role.phases == ()
    titles = [s.title for s in role.sections]
    assert {"Hafta 1’de elinde ne olmalı?", "Hafta 2'de neler var", "Week 1's recap"} <= set(titles)
    # no hint that these headings are phase headings gone wrong
    assert not [m for m in warnings(problems) if "is not read as a phase" in m]


def test_headings_that_name_their_weeks_in_the_possessive_one_after_another_are_a_plan_of_weeks():
    body = (
        "# Eight SQL puzzles\n## Week 1's Puzzle - The Corner Bakery\n### 1. Who spent the most?\n- sums\n"
        "## Week 2's Puzzle - Bike Couriers\n- joins\n"
    )
    role, _ = parse(body)
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Puzzle - The Corner Bakery", (1, 1)),
        ("Puzzle - Bike Couriers", (2, 2)),
    ]
    assert [s.label for s in role.phases[0].subsections] == ["1. Who spent the most?"]


def test_a_question_that_runs_on_from_its_week_number_is_no_phase_but_a_titled_one_is():
    body = (
        "# Plan\n## Week 1: Why SQL?\n- tables\n## Week 2 what comes after joins?\n- indexes\n"
        "## Week 2 — Joins\n- inner\n"
    )
    role, problems = parse(body)
    assert [(p.title, p.weeks) for p in role.phases] == [("Why SQL?", (1, 1)), ("Joins", (2, 2))]
    assert "Week 2 what comes after joins?" in [s.title for s in role.sections]
    assert not [m for m in warnings(problems) if "is not read as a phase" in m]


# --- a month whose week headings run past four weeks ---------------------------------------------------------------

MONTHS = (
    "# Plan\n## Month 1: Basics\n### Week 1-2: Syntax\n- loops\n### Week 3-4: Tools\n- git\n"
    "## Month 2 (Optional): Research\n### Weeks 5-6: Papers\n- read\n### Week 7: Replication\n- rerun\n"
    "### Weeks 8-10: Writing\n- draft\n"
)


def test_a_month_whose_week_headings_run_past_four_weeks_ends_where_they_end():
    role, problems = parse(MONTHS)
    assert [(p.title, p.weeks) for p in role.phases] == [("Basics", (1, 4)), ("Research (Optional)", (5, 10))]
    assert not [p for p in problems if p.severity == "error"]
    # a learner asking about week 9 finds the month that holds it, and the plan does not end before it
    found = answer(SearchIndex([role]), "week 9", role=role.name)
    assert found.problem == ""
    assert "Research (Optional) (weeks 5-10)" in found.note
    # weeks counted again from 1 under each month leave each month its four; so do weeks that run into the next
    # month's (the first month's here)
    restarted = MONTHS.replace("Weeks 5-6", "Weeks 1-2").replace("Week 7", "Week 3").replace("Weeks 8-10", "Weeks 4-6")
    into_next = MONTHS.replace("### Week 3-4: Tools", "### Week 3-5: Tools")
    assert [p.weeks for p in parse(restarted)[0].phases] == [(1, 4), (5, 8)]
    assert [p.weeks for p in parse(into_next)[0].phases] == [(1, 4), (5, 10)]
    # a month whose heading gives its weeks ends where its heading says
    given = MONTHS.replace("## Month 2 (Optional): Research", "## Month 2 (Weeks 5-9): Research")
    assert [p.weeks for p in parse(given)[0].phases] == [(1, 4), (5, 9)]
