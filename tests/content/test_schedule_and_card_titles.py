"""Titles that say what, not when or how urgent: a schedule table's row is titled by its topic, not its day ('| Tue |
Hash maps | Two Sum |' is about hash maps); a day's sub-heading written under every week ('#### Friday') is titled
with its week; a board's task card is titled without its priority mark, tags and due date ('⭐ React Router `#react`
(due: 2024-04-12)' is 'React Router'). What /phase shows keeps them all."""

from __future__ import annotations

import pytest

from bot.content.ids import checklist_item_id
from bot.content.phases import only_day
from bot.content.search import SearchIndex
from bot.handlers.learning import phase_body
from tests.content.helpers import finishes_in_a_minute, parse_body

SCHEDULE = """
## Week 1: Arrays & Hashing

| Day | Topic | Problems |
|-----|-------|----------|
| Mon | Hash sets | [Contains Duplicate](https://leetcode.com/problems/contains-duplicate/) |
| Tue | Hash maps | [Two Sum](https://leetcode.com/problems/two-sum/) |

## Week 2: Linked Lists

| Day | Topic | Problems |
|-----|-------|----------|
| Mon | Reversal | [Reverse Linked List](https://leetcode.com/problems/reverse-linked-list/) |
| Fri | Design | [LRU Cache](https://leetcode.com/problems/lru-cache/) |
"""

DAYS = """
## The Plan

### Week 1 (Jan 8 - Jan 14)

#### Monday

Install Go and run `go version`.

#### Friday

Slices and maps.

#### Resources

- [A Tour of Go](https://go.dev/tour/)

### Week 2 (Jan 15 - Jan 21)

#### Monday

Structs and struct embedding.

#### Friday

Generics (type parameters): just enough to read them.

#### Resources

- [Effective Go](https://go.dev/doc/effective_go)

- [ ] Refactor the word counter to take any io.Reader
"""

BOARD = """
## 📝 To Do

- [ ] ⭐ React Router v6 — nested routes `#react` (due: 2024-04-12)
  - [Tutorial](https://reactrouter.com/en/main/start/tutorial)
- [ ] TypeScript generics `#js` (due: 2024-04-19)
- [ ] CSS Grid layouts `#css` — working through [Grid Garden](https://cssgridgarden.com/)
- [ ] Learn C# and the `#include` guard
- [ ] Vitest + Testing Library #react (due: 2024-05-01)
- [ ] `#tooling`
"""


@pytest.mark.parametrize("cell", ["Mon", "Tuesday", "Sat–Sun", "Weekend", "Day 3", "Days 4-5", "Lun", "Freitag"])
def test_a_day_alone_is_when_a_row_is(cell: str) -> None:
    assert only_day(cell)


@pytest.mark.parametrize("cell", ["Monitoring", "Day", "Sunday brunch app", "Day 1: Setup", "Dom manipulation"])
def test_words_beside_a_day_are_what_a_row_is(cell: str) -> None:
    assert not only_day(cell)


def test_a_schedule_row_is_titled_by_its_topic_not_its_day() -> None:
    role, _ = parse_body(SCHEDULE)
    index = SearchIndex([role])
    assert index.search("two sum")[0].section.title == "Hash maps"
    assert index.search("lru cache")[0].section.title == "Design"
    assert sorted(h.section.title for h in index.search("mon")) == ["Hash sets", "Reversal"]  # its day is its text
    # /phase shows each row as written, its day first
    assert phase_body(role.phases[0]) == (
        "- Mon — Topic: Hash sets · Problems: [Contains Duplicate](https://leetcode.com/problems/contains-duplicate/)"
        "\n- Tue — Topic: Hash maps · Problems: [Two Sum](https://leetcode.com/problems/two-sum/)"
    )


def test_a_counted_day_is_no_rows_title_either() -> None:
    role, _ = parse_body("## Week 1: Basics\n\n| Day | Focus |\n|---|---|\n| Day 1 | Variables |\n| Day 2 | Loops |\n")
    assert [s.title for s in role.sections if s.kind == "topic"] == ["Variables", "Loops"]
    assert phase_body(role.phases[0]) == "- Day 1 — Focus: Variables\n- Day 2 — Focus: Loops"


def test_a_days_sub_heading_under_every_week_is_titled_with_its_week() -> None:
    role, _ = parse_body(DAYS)
    titles = [s.title for s in role.sections if s.kind == "section" and s.path[-2:-1] != ("The Plan",)]
    assert titles[1:3] == ["Phase 1: Week 1 (Jan 8 - Jan 14) › Monday", "Phase 1: Week 1 (Jan 8 - Jan 14) › Friday"]
    assert "Phase 2: Week 2 (Jan 15 - Jan 21) › Friday" in titles
    assert titles.count("Resources") == 2  # a sub-heading that says what it holds keeps its title
    friday = next(s for s in role.sections if s.title == "Phase 2: Week 2 (Jan 15 - Jan 21) › Friday")
    assert (friday.written_title, friday.id) == ("Friday", "friday-2")
    assert [i.id for i in role.checklist] == [checklist_item_id("Refactor the word counter to take any io.Reader")]


def test_search_finds_a_days_sub_heading_by_its_day_and_by_its_words() -> None:
    role, _ = parse_body(DAYS)
    index = SearchIndex([role])
    assert index.search("generics")[0].section.title == "Phase 2: Week 2 (Jan 15 - Jan 21) › Friday"
    assert [h.section.title for h in index.search("friday", limit=2)] == [
        "Phase 1: Week 1 (Jan 8 - Jan 14) › Friday",
        "Phase 2: Week 2 (Jan 15 - Jan 21) › Friday",
    ]
    assert all(h.exact for h in index.search("friday", limit=2))


def test_a_cards_title_is_without_its_priority_tags_and_due_date() -> None:
    role, _ = parse_body(BOARD)
    assert [i.text for i in role.checklist] == [
        "React Router v6 — nested routes",
        "TypeScript generics",
        "CSS Grid layouts — working through Grid Garden",
        "Learn C# and the #include guard",  # a tag inside the text is the author's words
        "Vitest + Testing Library",
        "#tooling",  # a card of nothing but a tag keeps it
    ]
    search = {s.title for s in role.sections if s.kind == "checklist"}
    assert {"React Router v6 — nested routes", "TypeScript generics"} <= search
    # what the card says is shown as written
    assert role.checklist[0].md == "⭐ React Router v6 — nested routes `#react` (due: 2024-04-12)"


def test_a_cards_id_is_made_of_its_whole_text_as_written() -> None:
    # Learners' ticks are stored under the IDs the whole text gave before titles left the card's marks out: a title
    # without them must not move them (a due date moved is a card reworded, as any other word).
    role, _ = parse_body(BOARD)
    card = role.checklist[1]
    assert card.text == "TypeScript generics"
    assert card.id == checklist_item_id("TypeScript generics #js (due: 2024-04-19)")


def test_a_note_in_brackets_that_gives_no_due_date_is_the_titles() -> None:
    role, _ = parse_body("## Reading\n\n- [ ] Refactoring (by Martin Fowler)\n- [ ] Ship it (deadline: May 3)\n")
    assert [i.text for i in role.checklist] == ["Refactoring (by Martin Fowler)", "Ship it"]


def test_a_long_task_line_is_read_in_time_linear_in_its_size() -> None:
    """A quadratic pattern would take minutes over these runs: the task is read in a subprocess, with a limit."""
    script = (
        "from bot.content.parse import _task_title\n"
        "assert _task_title('x' + ' \\t' * 100_000 + 'y (', 'x').startswith('x')\n"
        "assert _task_title('x' + ' #a' * 100_000 + ' !', '`#a`').startswith('x')\n"
    )
    finishes_in_a_minute(script, "reading a long task's title")


def test_a_channel_a_task_names_as_its_place_is_words_of_its_title_and_its_id_stays() -> None:
    body = (
        "## Week 1: Onboarding\n\n"
        "- [ ] Ask for a staging database account — post in #infra-requests\n"
        "- [ ] Share your first bug report in `#qa-triage` (any bug will do)\n"
        "- [ ] Pair on a ticket with the team in `#pairing`\n"
        "- [ ] Write the release notes `#docs`\n"
        "- [ ] Review a pull request #reviews\n"
    )
    role, _ = parse_body(body)
    assert [i.text for i in role.checklist] == [
        "Ask for a staging database account — post in #infra-requests",
        "Share your first bug report in #qa-triage (any bug will do)",
        "Pair on a ticket with the team in #pairing",
        "Write the release notes",  # a card's tag, after the title
        "Review a pull request",
    ]
    shown = phase_body(role.phases[0], role.checklist).split("\n")
    assert shown[0] == "⬜ Ask for a staging database account — post in #infra-requests"
    assert shown[1:3] == [
        "⬜ Share your first bug report in `#qa-triage` (any bug will do)",
        "⬜ Pair on a ticket with the team in `#pairing`",
    ]
    # The IDs are those the tasks had when the place was left out of their titles (learners' ticks are under them).
    assert role.checklist[0].id == checklist_item_id("Ask for a staging database account — post in")
    assert role.checklist[1].id == checklist_item_id("Share your first bug report in #qa-triage (any bug will do)")
    assert role.checklist[2].id == checklist_item_id("Pair on a ticket with the team in #pairing")
