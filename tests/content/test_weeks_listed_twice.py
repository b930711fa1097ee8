"""Two lists of weeks, each counting from week 1 under a heading of its own with other titles ('## Track A' over
'* Week 1: HTML', then '## Track B' over '* Week 1: Python'), are two plans: the first is the weekly plan and the
second is kept as text, with a warning that says so and how to follow it. A list that names the same weeks again
(a table of contents listing the lessons' weeks, then the exercises') needs no warning."""

from __future__ import annotations

from tests.content.helpers import parse_body, phase_spans, role_file

TRACKS = """
# Two tracks

## Track A: Frontend

* Week 1: HTML
* Week 2: CSS
* Week 3: JavaScript

## Track B: Backend

* Week 1: Python
* Week 2: Flask
* Week 3: SQL
"""

CONTENTS = """
# Course

## Lessons

* Week 1: HTML
* Week 2: CSS
* Week 3: JavaScript

## Exercises

* Week 1: HTML
* Week 2: CSS
* Week 3: JavaScript
"""


def test_a_second_list_of_weeks_with_other_titles_is_kept_as_text_with_a_warning() -> None:
    role, problems = parse_body(TRACKS)
    assert [title for _, title, _ in phase_spans(role)] == ["HTML", "CSS", "JavaScript"]
    lines = role_file(body=TRACKS).split("\n")
    first, second, python = (
        lines.index(line) + 1 for line in ("## Track A: Frontend", "## Track B: Backend", "* Week 1: Python")
    )
    (warning,) = [p for p in problems if "lists of weeks" in p.message]
    assert (warning.severity, warning.line) == ("warning", python)
    assert warning.message == (
        f"this file holds two lists of weeks, each counting from week 1: the first, under 'Track A: Frontend' (line "
        f"{first}), is the weekly plan; the one under 'Track B: Backend' (line {second}) is kept as text (searchable, "
        "not in the weekly plan): to follow it week by week, put it in a role file of its own"
    )
    track = next(s for s in role.sections if s.title == "Track B: Backend")
    assert "Python" in track.text


def test_weeks_listed_again_with_the_same_titles_need_no_warning() -> None:
    role, problems = parse_body(CONTENTS)
    assert [title for _, title, _ in phase_spans(role)] == ["HTML", "CSS", "JavaScript"]
    assert not [p for p in problems if "lists of weeks" in p.message]


def test_one_week_listed_again_with_another_title_is_a_note_on_it_with_no_warning() -> None:
    practice = CONTENTS.split("## Exercises")[0] + "## Practice\n\n* Week 1: A greeting page\n"
    role, problems = parse_body(practice)
    assert [title for _, title, _ in phase_spans(role)] == ["HTML", "CSS", "JavaScript"]
    assert not [p for p in problems if "lists of weeks" in p.message]
    assert "A greeting page" in next(s for s in role.sections if s.title == "Practice").text
