"""Headings outside a plan show without a number in brackets before them or the hours after them ('## (1) Soil (300
hours)' is 'Soil'), unless two headings would then show the same ('## Soil (100 hours)' and '## Soil (200 hours)'):
those keep what tells them apart, in search and in /checklist."""

from __future__ import annotations

from tests.content.helpers import parse_messages

COURSES = """# Garden Courses

## Soil (100 hours)

- [ ] Dig a bed

## Soil (200 hours)

- [ ] Dig a deeper bed

## (1) Seeds

- [ ] Sow beans

## (2) Compost

- [ ] Turn the heap
"""


def test_headings_that_would_show_the_same_keep_what_tells_them_apart():
    role, _ = parse_messages(COURSES)
    assert [i.group for i in role.checklist] == ["Soil (100 hours)", "Soil (200 hours)", "Seeds", "Compost"]
    titles = [s.title for s in role.sections]
    assert "Soil (100 hours)" in titles and "Soil (200 hours)" in titles
    assert "Seeds" in titles and "Compost" in titles
