"""Pages that docs sites and course sites publish as learning paths (a GitBook or mdBook table of contents, a Jekyll
course page that fills its headings from its front-matter), as a learner sees them: they load, their weeks are the
ones the author meant, and their titles are clean."""

from __future__ import annotations

import pytest

from bot.content.loader import parse_bytes
from bot.handlers.learning import phase_body
from tests.content.helpers import errors, parse_body, phase_spans, role_file, warnings

# A GitBook SUMMARY.md: the course's weeks listed once under the lessons, then again under the practice and the
# answers, each list a link per week's page.
CONTENTS = """
# Table of contents

* [Welcome](README.md)

## Lessons

* [Week 1](lessons/week-1.md)
* [Week 2](lessons/week-2/README.md)
  * [Bonus reading](lessons/week-2/bonus.md)
* [Week 3](lessons/week-3.md)

## Practice

* [Week 1](practice/week-1.md)
* [Week 2](practice/week-2.md)

## Answers

* [Week 2](answers/week-2.md)
"""

# The same contents written as plain week items with titles.
TITLED_CONTENTS = """
# Course map

## Lessons

* Week 1: Printing and variables
* Week 2: Loops
* Week 3: Functions

## Practice

* Week 1: A greeting card
* Week 2: Times tables

## Answers

* Week 2: Times tables, worked
"""


@pytest.mark.parametrize("body", [CONTENTS, TITLED_CONTENTS], ids=["links", "titled"])
def test_weeks_listed_again_under_a_later_heading_are_no_phases_of_their_own(body: str) -> None:
    role, problems = parse_body(body)
    assert errors(problems) == []
    assert [weeks for *_, weeks in phase_spans(role)] == [(1, 1), (2, 2), (3, 3)]
    assert not [w for w in warnings(problems) if "word for word" in w or "twice" in w]
    practice = next(s for s in role.sections if s.title == "Practice")
    assert "Week 1" in practice.text and "Week 2" in practice.text


# A Jekyll course site's page for one week: its heading and first line say the week its front-matter gives, and its
# lab days are front-matter fields of their own.
WEEK_PAGE = """
## Welcome to Week {{ page.week }}!

Welcome to week {{ page.week }} of the mapping course!

Labs meet on {{ page.day1 }} and {{ page.day2 }}.

### Day 1: Reading satellite bands

* Band math with `rasterio`
"""
WEEK_FIELDS = 'week: 4\nday1: "Monday (Mar 3)"\nday2: "Wednesday (Mar 5)"\n'


def test_a_page_variable_shows_the_value_its_front_matter_field_gives() -> None:
    role, problems = parse_bytes(role_file(body=WEEK_PAGE, extra=WEEK_FIELDS).encode(), "week.md")
    assert role is not None, problems
    shown = "\n".join(f"{s.title}\n{s.text}" for s in role.sections)
    assert "{{" not in shown
    assert "Welcome to week 4 of the mapping course!" in shown
    assert "Monday (Mar 3)" in shown and "Wednesday (Mar 5)" in shown
    assert any(s.title.startswith("Welcome to Week 4") for s in role.sections)


def test_a_front_matter_field_the_page_shows_gets_no_warning_and_others_still_do() -> None:
    role, problems = parse_bytes(role_file(body=WEEK_PAGE, extra=WEEK_FIELDS + "colour: blue\n").encode(), "w.md")
    assert role is not None, problems
    said = " ".join(warnings(problems))
    assert "'colour'" in said
    assert "'week'" not in said and "'day1'" not in said and "template tags" not in said


# A course page's week: a goal label over a list of goals, then another label over the days' tasks.
GOALS_OVER_A_LIST = """
## Phase 1: Tooling (Weeks 1-2)
**Goals:**
- Install the editor and the compiler
- Compile a first program

**Daily Tasks:**
- **Day 1:** Install everything
- **Day 2:** Print a greeting

## Phase 2: Syntax (Weeks 3-4)

### Week 3: Values
**Learning goals:**
- Name the kinds of values

**Exercises:**
1. Convert a temperature
"""


def test_a_goal_label_over_a_list_shows_its_list_and_the_next_label_is_no_objective() -> None:
    role, _ = parse_body(GOALS_OVER_A_LIST)
    for phase in role.phases:
        assert "**" not in (phase.objective or ""), phase.objective
    first, second = (phase_body(phase) for phase in role.phases)
    assert "Goals" in first and "Install the editor and the compiler" in first
    assert "Daily Tasks" in first and "Print a greeting" in first
    assert first.index("Compile a first program") < first.index("Daily Tasks")
    assert "Learning goals" in second and "Name the kinds of values" in second
    assert "Exercises" in second and "Convert a temperature" in second


# Untitled notes whose text opens with a list, in the syntax of three docs sites.
NOTES_OF_LISTS = """
## Week 1: Name resolution

:::note

- Records and their types
- Time to live

:::

- Resolvers

## Week 2: Caching

!!! tip
    1. Warm the cache
    2. Watch the hit rate

- Eviction
"""


def test_an_untitled_note_that_opens_with_a_list_shows_its_mark_apart_and_its_items_as_items() -> None:
    role, _ = parse_body(NOTES_OF_LISTS)
    first, second = (phase_body(phase) for phase in role.phases)
    assert "- Records and their types" in first and "- Time to live" in first
    assert "ℹ️ -" not in first
    assert "Warm the cache" in second and "💡 1." not in second


# A diary's steps, each a numbered item whose code is fenced inside the item, indented under it.
STEPS_WITH_CODE = """
## Week 1: Templates

1. **Base layout**
   - Write the layout:
     ```html
     <title>{{ .Site.Title }}</title>
     {{ block "main" . }}{{ end }}
     ```
   - Print the page's week there: {{ page.week }}
2. **Partials**
   - Call one with `{{ partial "head.html" . }}`
"""


def test_code_fenced_inside_a_list_item_is_code_to_every_reading_of_the_page() -> None:
    role, problems = parse_bytes(role_file(body=STEPS_WITH_CODE, extra="week: 1\n").encode(), "steps.md")
    assert role is not None, problems
    assert not [w for w in warnings(problems) if "template tags" in w]
    body = phase_body(role.phases[0])
    assert '{{ block "main" . }}{{ end }}' in body
    assert "Print the page's week there: 1" in body
