"""Numbered sections whose bullets give the weeks ('## 1. Fundamentals' over '- NumPy arrays (weeks 2-3)'): a phase
per section, its weeks those its bullets name, its bullets its topics; and messages that name phases as their file
does."""

from __future__ import annotations

from bot.content.loader import parse_bytes
from tests.content.helpers import finishes_in_a_minute, parse_body, phase_spans, role_file

SECTIONS = """
# Data Science

## 1. Fundamentals

- Python syntax (week 1)
- Jupyter notebooks (week 1)
- NumPy arrays (weeks 2-3)
  - [NumPy guide](https://numpy.org/doc/)

## 2. Machine learning

- Linear regression — week 4
- Trees and boosting — weeks 5-6

- [ ] Enter a Kaggle competition

## 3. Communicating results

- Charts that make one point (week 7)
"""


def test_numbered_sections_are_the_phases_and_their_bullets_weeks_date_them() -> None:
    role, problems = parse_body(SECTIONS)
    assert phase_spans(role) == [
        (1, "Fundamentals", (1, 3)),
        (2, "Machine learning", (4, 6)),
        (3, "Communicating results", (7, 7)),
    ]
    assert [t.text for t in role.phases[0].topics] == [
        "Python syntax (week 1)",
        "Jupyter notebooks (week 1)",
        "NumPy arrays (weeks 2-3)",
    ]
    assert [t.text for t in role.phases[1].topics] == ["Linear regression — week 4", "Trees and boosting — weeks 5-6"]
    assert [(i.text, i.phase) for i in role.checklist] == [("Enter a Kaggle competition", 2)]
    assert problems == []


def test_a_numbered_section_whose_bullets_give_no_weeks_is_planned_in_the_weeks_free() -> None:
    body = SECTIONS.replace("## 3. Communicating results", "## 3. Interlude\n\n- Rest\n\n## 4. Communicating results")
    body = body.replace("(week 7)", "(week 8)")
    role, problems = parse_body(body)
    assert phase_spans(role) == [
        (1, "Fundamentals", (1, 3)),
        (2, "Machine learning", (4, 6)),
        (3, "Interlude", (7, 7)),
        (4, "Communicating results", (8, 8)),
    ]
    assert [p.severity for p in problems] == ["warning"]
    assert "Phase 3 week 7 (between Phase 2 and Phase 4)" in problems[0].message


def test_sections_whose_bullets_go_back_in_time_are_no_plan_and_their_bullets_are_topics() -> None:
    role, problems = parse_body(SECTIONS.replace("— week 4", "— week 2"))
    assert role.phases == ()
    assert "give their weeks, but they share weeks, so they are topics, not phases" in problems[0].message


def test_one_timed_section_among_numbered_ones_is_no_plan() -> None:
    body = SECTIONS.replace("— week 4", "").replace("— weeks 5-6", "").replace("(week 7)", "")
    role, _ = parse_body(body)
    assert role.phases == ()


def test_an_overlap_names_the_phases_by_their_titles_and_one_week_as_one() -> None:
    body = "# Plan\n\n- **HTML (weeks 1-2)**\n- **CSS (week 2)**\n- **JavaScript (weeks 3-5)**\n"
    role, problems = parse_bytes(role_file(body=body).encode(), "x.md")
    assert role is None
    assert [str(p) for p in problems if p.severity == "error"] == [
        "x.md:11: error: 'CSS' (week 2) overlaps 'HTML' (weeks 1-2, line 10); shorten 'HTML (weeks 1-2)' to '(week 1)'"
    ]


def test_bullets_that_give_a_week_again_are_topics_not_phases() -> None:
    body = "# Plan\n\n- Python syntax (week 1)\n- Jupyter notebooks (week 1)\n- NumPy arrays (weeks 2-3)\n"
    role, problems = parse_body(body)
    assert role.phases == ()
    assert [s.title for s in role.sections if s.kind == "topic"] == [
        "Python syntax (week 1)",
        "Jupyter notebooks (week 1)",
        "NumPy arrays (weeks 2-3)",
    ]
    assert [p.message for p in problems] == [
        "no phases found: this is a self-paced path (its checklist and sections, no weekly plan); its list items "
        "'Python syntax (week 1)', 'Jupyter notebooks (week 1)', 'NumPy arrays (weeks 2-3)' give their weeks, but "
        "they share weeks, so they are topics, not phases: for a weekly plan give each block of weeks a heading ('## "
        "Weeks 1-4: Fundamentals'), or number the headings over them ('## 1. Fundamentals'), each one's bullets naming "
        "weeks after those of the one before"
    ]


def test_a_gap_names_the_phases_around_it_by_their_titles() -> None:
    body = "## Week 1: HTML\n- a\n\n## Week 3: CSS\n- b\n"
    _, problems = parse_body(body)
    assert [p.message for p in problems] == [
        "week 2 belongs to no phase (between 'HTML' and 'CSS'); widen 'Week 1: HTML' to 'Weeks 1-2' or add a phase "
        "for week 2"
    ]


def test_a_bullet_of_a_long_blank_run_reads_in_time_linear_in_its_size():
    """A quadratic pattern would take hours over 300,000 blanks: the bullet is read in a subprocess, with a limit."""
    script = (
        "from bot.content.phases import item_weeks\n"
        "for blank in (' ', '\\u00a0'):\n"
        "    assert item_weeks('Trees - week 1' + blank * 300_000 + 'x') is None\n"
        "assert item_weeks('Trees - week 1' + ' ' * 300_000) == (1, 1)\n"
    )
    finishes_in_a_minute(script, "reading a bullet's weeks")


# Bullets whose weeks run on, one after another, under numbered sections: the bullets were the file's plan before
# the sections could be, and its tasks' IDs (told apart by their phase) are kept by keeping that plan.
RUNNING_ON = """
# Data science

## 1. Fundamentals

- NumPy arrays (weeks 1-2)
- Pandas (weeks 3-4)

### Project

- [ ] Finish the project

## 2. Modelling

- Linear regression (weeks 5-6)
- Trees (weeks 7-8)

### Project

- [ ] Finish the project
"""


def test_bullets_whose_weeks_run_on_stay_the_plan_under_numbered_sections():
    role, _ = parse_body(RUNNING_ON)
    assert phase_spans(role) == [
        (1, "NumPy arrays", (1, 2)),
        (2, "Pandas", (3, 4)),
        (3, "Linear regression", (5, 6)),
        (4, "Trees", (7, 8)),
    ]
    assert [i.group for i in role.checklist] == ["Phase 2: Pandas › Project", "Phase 4: Trees › Project"]


def test_numbered_sections_after_the_last_one_its_bullets_date_are_no_phases() -> None:
    role, problems = parse_body(SECTIONS + "\n## 4. FAQ\n\n- How long does it take?\n\n## 5. Resources\n\n- A book\n")
    assert [title for _, title, _ in phase_spans(role)] == ["Fundamentals", "Machine learning", "Communicating results"]
    faq = next(s for s in role.sections if s.title == "4. FAQ")
    assert (faq.kind, faq.phase) == ("section", None)
    assert problems == []
