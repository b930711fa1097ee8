"""What a learner reads of a phase written in public roadmap shapes: /phase, /today and /start-learning's focus."""

from __future__ import annotations

import pytest

from bot import commands
from bot.handlers import learning, progress, reminders, today
from bot.services import UserError
from tests.content.helpers import TITLED_LIST_PLAN
from tests.handlers.conftest import Load, body, caller, text

# ---------------------------------------------------------------- placeholder table cells

SCHEDULE = """
| Week | Topic | Lecture | Assignment |
|------|-------|---------|------------|
| 1 | Intro | [Lecture 1](https://example.com/l1) | HW1 |
| 2 | Midterm | — | Exam |
| 3 | Trees | n/a | - |
| 4 | Graphs | – | N/A |

## Notes
| Tool | Notes | Link |
|---|---|---|
| Git | – | [docs](https://git-scm.com/doc) |
"""


async def test_placeholder_cells_are_not_shown_as_details(load: Load) -> None:
    svc = load({"course": SCHEDULE})
    midterm = body(await learning.phase_view(svc, caller(), 2, role="course"))
    assert "Assignment: Exam" in midterm
    assert "Lecture" not in midterm and "—" not in midterm
    trees = body(await learning.phase_view(svc, caller(), 3, role="course"))
    assert "n/a" not in trees and "Assignment" not in trees and "Lecture" not in trees
    graphs = body(await learning.phase_view(svc, caller(), 4, role="course"))
    assert "N/A" not in graphs and "–" not in graphs
    notes = text(await learning.skill_deep_dive(svc, caller(), "git", role="course"))
    assert "*Notes*\n\nLink: [docs](https://git-scm.com/doc)" in notes  # under its title, 'Git', said once
    assert "Notes: –" not in notes


# ---------------------------------------------------------------- a phase in the file's order, with its code

PANDAS = """
## Week 1-2: Pandas
**Goal:** Clean real data.

| Resource | Link |
|---|---|
| Kaggle Learn | [pandas](https://www.kaggle.com/learn/pandas) |

Key functions to master:

```python
df.groupby("region").sum()
```

## Week 3-4: Capstone
1. Pick a question.
2. Find data.

> ⚠️ Don't use Titanic.

3. Tell its story.
"""


def in_order(shown: str, *parts: str) -> None:
    """Assert that each part is shown, each after the one before."""
    at = 0
    for part in parts:
        found = shown.find(part, at)
        assert found >= 0, f"{part!r} not shown after position {at} in:\n{shown}"
        at = found + len(part)


async def test_phase_keeps_the_files_order_and_its_code_blocks(load: Load) -> None:
    svc = load({"ds": PANDAS})
    shown = body(await learning.phase_view(svc, caller(), 1, role="ds"))
    in_order(
        shown,
        "**Objective:** Clean real data.",
        "- Kaggle Learn — Link: [pandas](https://www.kaggle.com/learn/pandas)",
        "Key functions to master:",
        '```python\ndf.groupby("region").sum()\n```',
    )
    capstone = body(await learning.phase_view(svc, caller(), 2, role="ds"))
    in_order(capstone, "1. Pick a question.\n2. Find data.", "> ⚠️ Don't use Titanic.", "3. Tell its story.")


async def test_numbered_lists_keep_their_numbers_in_skill_deep_dive(load: Load) -> None:
    svc = load({"ds": PANDAS})
    shown = body(await learning.skill_deep_dive(svc, caller(), "capstone", role="ds"))
    in_order(shown, "1. Pick a question.\n2. Find data.", "> ⚠️ Don't use Titanic.", "3. Tell its story.")
    assert "- Pick a question." not in shown


RUST = """
## Week 1: Getting Started

**Goal:** Write, build and test a small command-line program with Cargo.

- Cargo: `cargo new`, `cargo run`
- Functions, control flow

```rust
fn main() {
    println!("Hello!");
}
```

- [ ] Finish [Rustlings](https://github.com/rust-lang/rustlings) sections `variables` to `if`

## Weeks 2-3: Ownership

- Move semantics

```rust
let s2 = s1; // s1 is moved
```

- References: `&T` and `&mut T`

```rust
fn longest<'a>(x: &'a str, y: &'a str) -> &'a str { x }
```

> When the borrow checker complains, read the *whole* error.
"""


async def test_today_shows_the_weeks_code_blocks_in_the_files_order(load: Load) -> None:
    svc = load({"rust": RUST})
    await learning.start_learning(svc, caller(), "rust", start="2026-11-23")
    shown = body(await today.today(svc, caller()))
    in_order(
        shown,
        "- Cargo: `cargo new`, `cargo run`",
        "- Functions, control flow",
        '```rust\nfn main() {\n    println!("Hello!");\n}\n```',
    )
    phase = body(await learning.phase_view(svc, caller(), 1, role="rust"))
    in_order(phase, "- Functions, control flow", "```rust\nfn main()", "⬜ Finish [Rustlings]")
    # Week 2 is the first of phase 2's two weeks: its first topic and the code after it, nothing of the second's.
    later = body(await today.today(svc, caller(days=7)))
    in_order(later, "- Move semantics", "```rust\nlet s2 = s1; // s1 is moved\n```")
    assert "References" not in later and "fn longest" not in later
    last = body(await today.today(svc, caller(days=14)))
    in_order(last, "- References: `&T` and `&mut T`", "```rust\nfn longest", "> When the borrow checker complains")
    assert "Move semantics" not in last


# ---------------------------------------------------------------- a quoted label that starts with an emoji

DOCKER = """
## Phase 1: Containers (Weeks 1-4)
### Learn Docker
- Images and layers

> 📝 **Common mistakes:**
> - Running as root
> - `latest` tags in production

### Learn Compose
- Services and networks
"""


async def test_a_quoted_label_that_starts_with_an_emoji_is_a_label_of_its_own(load: Load) -> None:
    svc = load({"ops": DOCKER})
    shown = body(await learning.phase_view(svc, caller(), 1, role="ops"))
    in_order(
        shown,
        "**Learn Docker:**\n- Images and layers",
        "**📝 Common mistakes:**\n- Running as root\n- `latest` tags in production",
        "**Learn Compose:**\n- Services and networks",
    )
    assert "> " not in shown
    found = await learning.skill_deep_dive(svc, caller(), "common mistakes", role="ops")
    assert found.cards[0].title == "📝 Common mistakes"
    assert "Running as root" in body(found)


# ---------------------------------------------------------------- the objective, and this week's focus

STATS = """
## Week 1-2: Stats
| Resource | Link |
|---|---|
| Think Stats | [book](https://greenteapress.com/thinkstats2/) |

Topics:
- Bayes' theorem

## Week 3-4: Capstone
- Find data.
"""


async def test_a_lead_in_to_a_list_is_no_objective(load: Load) -> None:
    svc = load({"stats": STATS})
    shown = body(await learning.phase_view(svc, caller(), 1, role="stats"))
    assert "Objective" not in shown
    in_order(shown, "- Think Stats — Link: [book](https://greenteapress.com/thinkstats2/)", "Topics:\n- Bayes' theorem")


FOUNDATIONS = """
## Phase 1: Foundations (Weeks 1-4)

**Objective:** Work comfortably on a Linux server.

### Learn Linux

Most servers run Linux; you will spend your days in a terminal.

- Processes and signals: `ps`, `top`, `kill`

### Learn Networking

- DNS: records, resolution

### Learn SSH

- Keys, agents, config files

**Project:** set up a VPS and serve a static site with Nginx.

- [ ] Harden a VPS and serve a site over HTTPS

## Phase 2: JavaScript Foundations (Weeks 5-8)

- [ ] Finish freeCodeCamp JavaScript Algorithms and Data Structures
- [ ] Build 5 small vanilla JS apps
"""


def focus(reply) -> tuple[str, str]:
    (found,) = [f for f in reply.cards[0].fields if f.name.startswith("This week's focus")]
    return found.name, found.value


async def test_start_learning_shows_this_weeks_part_as_today_does(load: Load) -> None:
    svc = load({"ops": FOUNDATIONS})
    name, value = focus(await learning.start_learning(svc, caller(), "ops"))
    assert name == "This week's focus · Phase 1: Foundations"
    assert value == "Work comfortably on a Linux server.\n• Processes and signals: `ps`, `top`, `kill`"
    shown = body(await today.today(svc, caller()))
    assert "**Learn Linux:** Most servers run Linux; you will spend your days in a terminal." in shown
    assert "Learn Networking" not in shown
    # Three weeks on, the week's part is the phase's last: the project, named by its task.
    name, value = focus(await learning.start_learning(svc, caller(days=21), "ops"))
    assert value == "Work comfortably on a Linux server.\n• Harden a VPS and serve a site over HTTPS"


LINKED_TOPICS = """
# HTML
## Week 1: HTML
- Semantic tags: `<header>`, `<nav>`, `<main>`
- 📖 [MDN: Introduction to HTML](https://developer.mozilla.org/en-US/docs/Learn/HTML)
- [Lecture 1](https://www.youtube.com/watch?v=abc) — Reading: ESL ch. 1-2
"""


async def test_start_learning_focus_keeps_a_topics_links_and_details(load: Load) -> None:
    svc = load({"html": LINKED_TOPICS})
    _name, value = focus(await learning.start_learning(svc, caller(), "html"))
    assert value.splitlines() == [
        "• Semantic tags: `<header>`, `<nav>`, `<main>`",
        "• 📖 [MDN: Introduction to HTML](https://developer.mozilla.org/en-US/docs/Learn/HTML)",
        "• [Lecture 1](https://www.youtube.com/watch?v=abc) — Reading: ESL ch. 1-2",
    ]


async def test_start_learning_never_gives_the_phase_title_as_its_focus(load: Load) -> None:
    svc = load({"ops": FOUNDATIONS})
    await learning.start_learning(svc, caller(), "ops")
    name, value = focus(await learning.start_learning(svc, caller(days=35), "ops"))
    assert name == "This week's focus · Phase 2: JavaScript Foundations"
    assert "JavaScript Foundations" not in value
    assert value == (
        "⬜ Finish freeCodeCamp JavaScript Algorithms and Data Structures\n⬜ Build 5 small vanilla JS apps"
    )


# ---------------------------------------------------------------- checklist items keep their links

LINKED = """
## Week 1: Linked Lists
- Pointers and nodes

- [ ] [Singly Linked Lists (video)](https://example.com/sll)
- [ ] Implement a *doubly* linked list
"""

PREP = """
# Prep

## Linked Lists
- [ ] [Singly Linked Lists (video)](https://example.com/sll)
- [ ] Doubly-linked List
"""

SLL = "⬜ [Singly Linked Lists (video)](https://example.com/sll)"


def options(reply) -> list[str]:
    return [o.label for row in reply.rows if hasattr(row, "options") for o in row.options]


async def test_checklist_lines_keep_the_items_links_and_menus_their_plain_words(load: Load) -> None:
    svc = load({"prep": PREP})
    await learning.start_learning(svc, caller(), "prep")
    reply = await progress.checklist_view(svc, caller())
    assert f"**Linked Lists**\n{SLL}\n⬜ Doubly-linked List" in body(reply)
    assert options(reply) == ["Singly Linked Lists (video)", "Doubly-linked List"]


async def test_start_learning_on_a_self_paced_path_lists_the_items_with_their_links(load: Load) -> None:
    svc = load({"prep": PREP})
    shown = text(await learning.start_learning(svc, caller(), "prep"))
    assert f"**Linked Lists**\n  {SLL}" in shown


async def test_today_start_learning_and_the_reminder_keep_the_phases_items_links(load: Load) -> None:
    svc = load({"lists": LINKED})
    start = await learning.start_learning(svc, caller(), "lists")
    assert focus(start)[1] == "• Pointers and nodes"
    week = await today.today(svc, caller())
    (items,) = [f.value for f in week.cards[0].fields if f.name == "Open items in this phase"]
    assert items == f"{SLL}\n⬜ Implement a *doubly* linked list"
    preview = await reminders.remind_preview(svc, caller())
    assert SLL in text(preview)
    assert "Singly Linked Lists (video)" in options(preview)
    assert not any("](" in label for label in options(preview))


# ---------------------------------------------------------------- what is written under a checklist item

NOTED = """
## Week 1: Data Structures
- [ ] Linked Lists
    - [ ] Doubly-linked List
        - [Description (video)](https://example.com/dll)
        - No need to implement
    - [ ] Implement a vector:
        - [ ] size()
- [ ] Hash tables
    - [Video 1](https://example.com/h1)
    - [Video 2](https://example.com/h2)
    - [Video 3](https://example.com/h3)
    - [Video 4](https://example.com/h4)

## Week 2: Trees
- Binary trees
- [ ] Binary search trees
   - read [this](https://example.com/bst) first
- Heaps
"""

DLL_NOTE = "\u2003\u2003- [Description (video)](https://example.com/dll)\n\u2003\u2003- No need to implement"


async def test_checklist_shows_what_is_written_under_an_item_with_it(load: Load) -> None:
    svc = load({"prep": NOTED})
    await learning.start_learning(svc, caller(), "prep")
    shown = body(await progress.checklist_view(svc, caller()))
    assert f"\u2003⬜ Doubly-linked List\n{DLL_NOTE}\n\u2003⬜ Implement a vector:\n" in shown
    assert "⬜ Binary search trees\n\u2003- read [this](https://example.com/bst) first" in shown
    assert "size()\n\u2003" not in shown  # a nested checklist item is its own line, not a note


def crowded(groups: int, items: int, note_lines: int) -> str:
    """A checklist of `groups` headings of `items` items, each with `note_lines` links nested under it."""
    out = ["# Prep"]
    for g in range(groups):
        out.append(f"## Topic {g}")
        for i in range(items):
            out.append(f"- [ ] Study topic{g} part{i}")
            out += [
                f"  - [Lecture {n} on part {i} (video)](https://example.com/{g}/{i}/{n})" for n in range(note_lines)
            ]
    return "\n".join(out) + "\n"


async def test_a_crowded_checklist_takes_more_pages_to_keep_its_notes(load: Load) -> None:
    svc = load({"prep": crowded(groups=4, items=6, note_lines=3)})
    await learning.start_learning(svc, caller(), "prep")
    first = await progress.checklist_view(svc, caller())
    assert "Page 1/" in first.cards[0].footer and "left out" not in first.cards[0].footer
    shown = body(first)
    assert "⬜ Study topic0 part0\n\u2003- [Lecture 0 on part 0 (video)](https://example.com/0/0/0)" in shown
    assert len(shown) <= 4096
    pages = progress.checklist_pages(svc.role("prep"))
    assert len(pages) > 1 and all(len(page) < 4 for page in pages)  # four selects would not fit with the notes


async def test_a_select_too_long_for_its_notes_says_they_are_left_out(load: Load) -> None:
    svc = load({"prep": crowded(groups=1, items=25, note_lines=4)})
    await learning.start_learning(svc, caller(), "prep")
    card = (await progress.checklist_view(svc, caller())).cards[0]
    assert card.footer.startswith("Notes under items are left out to fit: `/phase` shows them. Pick items")
    assert "Lecture" not in card.description and "⬜ Study topic0 part24" in card.description


async def test_a_self_paced_today_counts_every_open_item_it_does_not_list(load: Load) -> None:
    svc = load({"prep": crowded(groups=3, items=4, note_lines=0)})
    await learning.start_learning(svc, caller(), "prep")
    await progress.done(svc, caller(), "Study topic2 part3")
    (listed,) = [f.value for f in (await today.today(svc, caller())).cards[0].fields]
    assert listed.count("⬜") == 5
    assert listed.endswith("\n…and 6 more in `/checklist`")  # 11 open, 5 listed


async def test_today_lists_an_open_items_note_under_it_and_never_alone(load: Load) -> None:
    svc = load({"prep": NOTED})
    await learning.start_learning(svc, caller(), "prep")
    week = await today.today(svc, caller())
    assert "This phase is its checklist" in body(week)  # its notes are no topics of the week
    assert "No need to implement" not in body(week)
    (items,) = [f.value for f in week.cards[0].fields if f.name == "Open items in this phase"]
    assert f"⬜ Linked Lists\n\u2003⬜ Doubly-linked List\n{DLL_NOTE}\n" in items  # nested as /checklist shows it
    # a long note shows its first lines and says how many more
    assert "⬜ Hash tables\n\u2003- [Video 1](https://example.com/h1)\n\u2003- [Video 2]" in items
    assert "\u2003…and 2 more" in items and "Video 3" not in items


async def test_a_tasks_note_stays_with_it_in_a_week_of_topics(load: Load) -> None:
    svc = load({"prep": NOTED})
    await learning.start_learning(svc, caller(), "prep", start="2026-11-16")  # week 2
    week = await today.today(svc, caller())
    assert "- Binary trees\n- Heaps" in body(week)  # the note under the task between them is not the topics'
    (items,) = [f.value for f in week.cards[0].fields if f.name == "Open items in this phase"]
    assert items == "⬜ Binary search trees\n\u2003- read [this](https://example.com/bst) first"
    _name, value = focus(await learning.start_learning(svc, caller(), "prep"))
    assert "read [this]" not in value


async def test_the_reminder_and_the_focus_show_an_items_note(load: Load) -> None:
    svc = load({"prep": NOTED})
    _name, value = focus(await learning.start_learning(svc, caller(), "prep"))
    assert f"⬜ Linked Lists\n\u2003⬜ Doubly-linked List\n{DLL_NOTE}" in value
    assert "[Description (video)](https://example.com/dll)" in text(await reminders.remind_preview(svc, caller()))


# ---------------------------------------------------------------- a path without a checklist

NO_CHECKLIST = """
## Week 1-2: Stats
- Bayes' theorem

## Week 3-4: Capstone
- Find data.
"""


async def test_progress_on_a_path_without_a_checklist_shows_no_empty_bar(load: Load) -> None:
    svc = load({"stats": NO_CHECKLIST})
    await learning.start_learning(svc, caller(), "stats")
    shown = text(await progress.progress(svc, caller()))
    assert "0/0" not in shown and "▱" not in shown
    assert "Pace: no checklist to measure it by" in shown


async def test_done_on_a_path_without_a_checklist_says_there_is_nothing_to_tick(load: Load) -> None:
    svc = load({"stats": NO_CHECKLIST})
    await learning.start_learning(svc, caller(), "stats")
    with pytest.raises(UserError) as raised:
        await progress.done(svc, caller(), "bayes")
    assert str(raised.value) == "Stats has no checklist, so there is nothing to tick."


# ---------------------------------------------------------------- /help's examples


async def test_help_examples_name_a_path_and_an_item_this_community_has(load: Load) -> None:
    svc = load({"prep": PREP, "stats": NO_CHECKLIST})
    shown = text(await commands.help_reply(svc, caller()))
    assert "backend-engineer" not in shown and "Use git professionally" not in shown
    assert "`/start-learning role:prep`" in shown
    assert "`/done item:[Singly Linked Lists (video)](https://example.com/sll)" not in shown
    assert "`/done item:Singly Linked Lists (video) proof:https://github.com/you/project`" in shown
    detail = text(await commands.help_reply(svc, caller(), "stop-learning"))
    assert "**Example:** `/stop-learning role:prep`" in detail
    # A learner's own path comes first.
    await learning.start_learning(svc, caller(), "stats")
    assert "`/start-learning role:stats`" in text(await commands.help_reply(svc, caller()))


async def test_help_examples_use_a_placeholder_where_the_content_has_nothing_to_name(load: Load) -> None:
    svc = load({"stats": NO_CHECKLIST})
    shown = text(await commands.help_reply(svc, caller()))
    assert "`/done item:ITEM proof:https://github.com/you/project`" in shown
    assert "`/start-learning role:stats`" in shown


async def test_today_gives_a_lead_in_to_the_week_of_the_list_it_leads_in_to(load: Load) -> None:
    svc = load({"stats": STATS})
    await learning.start_learning(svc, caller(), "stats")
    first = body(await today.today(svc, caller()))
    assert "Think Stats" in first and "Topics:" not in first
    second = body(await today.today(svc, caller(days=7)))
    assert "Topics:\n- Bayes' theorem" in second


LIST_PLAN = """
# Plan

1. Phase 1: HTML & CSS (Weeks 1-4)
   - Semantic HTML
     - Landmarks
   - Flexbox and Grid
2. Phase 2: JavaScript (Weeks 5-8)
   - The DOM
"""


async def test_a_phase_written_as_a_list_item_shows_its_bullets_from_the_margin(load: Load) -> None:
    svc = load({"web": LIST_PLAN})
    shown = body(await learning.phase_view(svc, caller(), 1, role="web"))
    assert shown == "- Semantic HTML\n  - Landmarks\n- Flexbox and Grid"


BOLD_LIST_PLAN = TITLED_LIST_PLAN


async def test_a_list_of_bold_titles_with_weeks_is_a_plan_of_phases(load: Load) -> None:
    svc = load({"data": BOLD_LIST_PLAN})
    welcome = text(await learning.start_learning(svc, caller(), "data"))
    assert "Week 1 of 8 · Phase 1 (weeks 1-4)" in welcome and "self-paced" not in welcome
    first = await learning.phase_view(svc, caller(), 1, role="data")
    assert first.cards[0].title == "Phase 1: Foundations (weeks 1-4)"
    # A task after a list is set apart from it: Discord would show it as the bullet's next line
    assert body(first) == "- Spreadsheets: formulas, pivot tables\n\n⬜ Clean a messy CSV"
    week = text(await learning.skill_deep_dive(svc, caller(), "week 6"))
    assert "**Phase 2: SQL** (weeks 5-8)" in week and "- Joins and window functions" in week
    assert "⬜ Write a cohort retention query" in week and "Foundations" not in week


async def test_today_keeps_a_quoted_labels_bullets_under_it(load: Load) -> None:
    svc = load({"ops": DOCKER})
    await learning.start_learning(svc, caller(), "ops", start="2026-11-16")  # week 2 of 4: the quoted part
    shown = body(await today.today(svc, caller()))
    assert "**📝 Common mistakes (continues next week):**\n- Running as root" in shown


WEEK_TABLE = """
| Week | Topic | Lecture | Reading |
|------|-------|---------|---------|
| 1-2 | Trees | [Lecture 1](https://example.com/l1) | CLRS ch. 12 |
| 3 | Graphs | [Lecture 3](https://example.com/l3) | CLRS ch. 22 |
"""


async def test_today_shares_a_table_rows_cells_out_over_its_weeks(load: Load) -> None:
    svc = load({"algo": WEEK_TABLE})
    await learning.start_learning(svc, caller(), "algo")
    first = body(await today.today(svc, caller()))
    assert "- Lecture: [Lecture 1](https://example.com/l1)" in first and "CLRS" not in first
    second = body(await today.today(svc, caller(days=7)))
    assert "- Reading: CLRS ch. 12" in second and "Lecture 1" not in second


ASSIGNED = """
## Week 1: Python for Data Work
- Lists and dicts

**Assignment 1:**
- [ ] Clean the taxi data set
- [ ] Plot trips by hour

## Week 2: SQL
- Joins
"""


async def test_an_item_the_weeks_text_lists_is_not_listed_again_below_it(load: Load) -> None:
    svc = load({"camp": ASSIGNED})
    await learning.start_learning(svc, caller(), "camp")
    week = await today.today(svc, caller())
    assert "**Assignment 1:**\n⬜ Clean the taxi data set\n⬜ Plot trips by hour" in body(week)
    assert "Open items in this phase" not in [f.name for f in week.cards[0].fields]
    assert "Clean the taxi data set" in next(f.value for f in week.cards[0].fields if f.name == "Next step")


DAYS_WITH_GOALS = """
## Week 1: Pottery basics

### Monday
**Goal:** Set up the wheel.

- [ ] Level the wheel head
- [ ] Wedge two balls of clay

### Tuesday
**Goal:** Centering.

- [ ] Center a kilo of clay

## Week 2: Pulling walls
- Cylinders
"""


async def test_a_days_goal_line_shows_with_its_tasks_under_it(load: Load) -> None:
    svc = load({"wheel": DAYS_WITH_GOALS})
    await learning.start_learning(svc, caller(), "wheel")
    week = await today.today(svc, caller())
    assert "**Goal:** Set up the wheel.\n\n⬜ Level the wheel head\n⬜ Wedge two balls of clay" in body(week)
    assert "**Goal:** Centering.\n\n⬜ Center a kilo of clay" in body(week)
    assert "Open items in this phase" not in [f.name for f in week.cards[0].fields]


# ---------------------------------------------------------------- quarters over months, a duration under a heading

QUARTERS = """
## Q1

Foundations: Python, math and classic ML.

### Month 1: Python for Data Work
- NumPy

### Month 2: Math
- Linear algebra

## Q2

Deep learning.

### Month 4: PyTorch
- Tensors
"""


async def test_a_quarter_without_a_title_is_shown_by_its_own_words(load: Load) -> None:
    svc = load({"ml": QUARTERS})
    welcome = text(await learning.start_learning(svc, caller(), "ml"))
    assert "**Phase 1: Q1** · weeks 1-12" in welcome and "**Phase 2: Q2** · weeks 13-24" in welcome
    first = await learning.phase_view(svc, caller(), 1, role="ml")
    assert first.cards[0].title == "Phase 1: Q1 (weeks 1-12)"


TIMED = """
## 1. Getting Started

Duration: 2 weeks

- rustup

## 2. Ownership (3 weeks)

- moves
"""


async def test_a_length_under_a_numbered_section_gives_its_weeks(load: Load) -> None:
    svc = load({"rust": TIMED})
    welcome = text(await learning.start_learning(svc, caller(), "rust"))
    assert "Week 1 of 5 · Phase 1 (weeks 1-2)" in welcome
    first = await learning.phase_view(svc, caller(), 1, role="rust")
    assert first.cards[0].title == "Phase 1: Getting Started (weeks 1-2)"
    assert body(first) == "- rustup"


# ---------------------------------------------------------------- a list, then what is no list item

LISTS_THEN_LINES = """
## Stage I: Shell (Weeks 1-2)

#### I.1 Git

- Branches, rebase, pull requests
- [Pro Git (Book)](https://git-scm.com/book/en/v2)

- [ ] Checkpoint: a script in a Git repo

## Stage II: Networking (Weeks 3-4)

| Topic | Resource |
| --- | --- |
| DNS | [howdns.works](https://howdns.works/) |

1. Set up nginx
2. Add a certificate

**Build:** a page that works on a phone.

- [ ] Pass the accessibility check
"""


async def test_a_task_after_a_list_is_set_apart_from_its_last_bullet(load: Load) -> None:
    svc = load({"cloud": LISTS_THEN_LINES})
    await learning.start_learning(svc, caller(), "cloud")
    first = body(await learning.phase_view(svc, caller(), 1, role="cloud"))
    # Discord would show a line right after a bullet as that bullet's
    assert first == (
        "**I.1 Git:**\n- Branches, rebase, pull requests\n- [Pro Git (Book)](https://git-scm.com/book/en/v2)\n\n"
        "⬜ Checkpoint: a script in a Git repo"
    )


async def test_a_table_a_numbered_list_and_a_labelled_line_stay_apart_as_written(load: Load) -> None:
    svc = load({"cloud": LISTS_THEN_LINES})
    await learning.start_learning(svc, caller(), "cloud")
    second = body(await learning.phase_view(svc, caller(), 2, role="cloud"))
    assert second == (
        "- DNS — Resource: [howdns.works](https://howdns.works/)\n\n"
        "1. Set up nginx\n2. Add a certificate\n\n"
        "**Build:** a page that works on a phone.\n\n"
        "⬜ Pass the accessibility check"
    )


async def test_a_task_nested_under_a_bullet_reads_as_under_it(load: Load) -> None:
    svc = load({"web": "## Phase 1: Web (Weeks 1-2)\n\n- HTML\n  - [ ] Write a page\n- CSS\n"})
    await learning.start_learning(svc, caller(), "web")
    assert body(await learning.phase_view(svc, caller(), 1, role="web")) == "- HTML\n\u2003⬜ Write a page\n- CSS"
