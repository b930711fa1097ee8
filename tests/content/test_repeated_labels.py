"""A bold label written under several headings ('**Thoughts** :' under every day of a log, '**Learn:**' under every
week) is titled with the heading it is under, as checklist groups are ('Day 7: Jan 15 › Thoughts', 'Phase 2:
JavaScript › Learn'): search answers and menus tell them apart. Its own title is still the label, its ID its place."""

from __future__ import annotations

from bot.content.answers import answer
from bot.content.ids import checklist_item_id
from bot.content.search import SearchIndex
from tests.content.helpers import parse_body

LOG = """
## Day 1: Jan 9

**Today's Progress** : Data preprocessing with `SimpleImputer`.

**Thoughts** : Scale after the split.

## Day 7: Jan 15

**Today's Progress** : Logistic regression from scratch.

**Thoughts** : The sigmoid makes sense when you draw the log-odds.

**Link of Work:** [Day 7 notebook](https://example.com/day07.ipynb)
"""

WEEKS = """
## Week 1: HTML and CSS

**Learn:**
- Semantic HTML
- Flexbox and Grid

**Build:** a one-page portfolio.

- [ ] Pass an accessibility check

## Weeks 2-3: JavaScript

**Learn:**
- Closures
- Promises and fetch

**Build:** a weather app on a public API.

- [ ] Finish the first part of javascript.info
"""

NESTED = """
## Phase 1: Frontend (Weeks 1-2)

### Resources

**Videos:**
- CSS layout talks

## Phase 2: Backend (Weeks 3-4)

### Resources

**Videos:**
- Database talks

**Books:**
- Designing Data-Intensive Applications
"""


def subsections(body: str) -> list[tuple[str, str]]:
    role, _ = parse_body(body)
    return [(s.id, s.title) for s in role.sections if s.kind == "subsection"]


def test_a_label_under_every_day_is_titled_with_its_day():
    assert subsections(LOG) == [
        ("day-1-jan-9~s1", "Day 1: Jan 9 › Today's Progress"),
        ("day-1-jan-9~s2", "Day 1: Jan 9 › Thoughts"),
        ("day-7-jan-15~s1", "Day 7: Jan 15 › Today's Progress"),
        ("day-7-jan-15~s2", "Day 7: Jan 15 › Thoughts"),
        ("day-7-jan-15~s3", "Link of Work"),  # written once: its label
    ]


def test_a_label_under_every_phase_heading_is_titled_with_its_phase_as_checklist_groups_are():
    assert [title for _, title in subsections(WEEKS)] == [
        "Phase 1: HTML and CSS › Learn",
        "Phase 1: HTML and CSS › Build",
        "Phase 2: JavaScript › Learn",
        "Phase 2: JavaScript › Build",
    ]


def test_a_label_under_headings_of_one_name_is_titled_with_its_phase_too():
    assert [title for _, title in subsections(NESTED)] == [
        "Phase 1: Frontend › Resources › Videos",
        "Phase 2: Backend › Resources › Videos",
        "Books",
    ]


def test_the_checklist_and_its_ids_do_not_change_with_the_titles():
    role, _ = parse_body(WEEKS)
    assert [(i.id, i.group) for i in role.checklist] == [
        (checklist_item_id("Pass an accessibility check"), "Week 1: HTML and CSS"),
        (checklist_item_id("Finish the first part of javascript.info"), "Weeks 2-3: JavaScript"),
    ]


def test_search_answers_with_the_label_named_by_its_day():
    role, _ = parse_body(LOG)
    index = SearchIndex([role])
    assert index.search("logistic regression")[0].section.title == "Day 7: Jan 15 › Today's Progress"
    assert [h.section.title for h in index.titles("thoughts", limit=2)] == [
        "Day 1: Jan 9 › Thoughts",
        "Day 7: Jan 15 › Thoughts",
    ]
    # Its title typed as shown finds it; the label alone is still its own title, word for word.
    assert index.search("Day 7: Jan 15 › Thoughts")[0].section.title == "Day 7: Jan 15 › Thoughts"
    assert all(h.exact for h in index.search("thoughts", limit=2))


def test_the_heading_named_in_a_labels_title_is_where_it_is_not_what_it_is_about():
    role, _ = parse_body(WEEKS)
    index = SearchIndex([role])
    assert index.search("javascript")[0].section.title == "Weeks 2-3: JavaScript"
    hit = next(h for h in index.search("weather app") if h.section.kind == "subsection")
    assert hit.section.title == "Phase 2: JavaScript › Build"
    assert hit.where(role) == "Test Role · Weeks 2-3: JavaScript"  # the label is in its title: said once


def test_a_day_asked_for_is_its_heading_not_the_labels_named_by_it():
    role, _ = parse_body(LOG)
    index = SearchIndex([role])
    assert [h.section.title for h in answer(index, "day 7", role="test-role").hits][:1] == ["Day 7: Jan 15"]
    assert [s.title for s in index.labelled("day 7", role="test-role")] == ["Day 7: Jan 15"]
