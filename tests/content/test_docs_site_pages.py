"""Pages that docs sites and course sites publish as learning paths (a GitBook or mdBook table of contents, a Jekyll
course page that fills its headings from its front-matter), as a learner sees them: they load, their weeks are the
ones the author meant, and their titles are clean."""

from __future__ import annotations

import pytest

from tests.content.helpers import errors, parse_body, phase_spans, warnings

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
