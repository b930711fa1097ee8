"""Plans written in days, as 30-, 60- and 90-day challenges write them: a capstone that gives its days after a
series of modules that give theirs is the plan's last phase, though its first day falls in the week the module
before it ends in; sections that give their days after their title ('## 🟢 BASICS (Days 1–10)') are phases that
share no week, each from the week after the one before ends."""

from __future__ import annotations

from bot.content.answers import answer
from bot.content.search import SearchIndex
from bot.handlers.learning import phase_body
from tests.content.helpers import parse_messages, phase_spans, written_role

# Modules of ten days each, then a capstone whose days go on from the last module's: days 31-40 end in week 6,
# where days 41-45 start.
DAY_MODULES = """
# 45 Days of Cloud

## The plan

### Module 1: Linux (Days 1–10)
- [ ] Day 1 > Shell basics
- [ ] Day 10 > Write a backup script

### Module 2: Networking (Days 11–20)
- [ ] Day 11 > Subnets and routes

### Module 3: Containers (Days 21–30)
- [ ] Day 21 > Build an image

### Module 4: Kubernetes (Days 31–40)
- [ ] Day 31 > Run a local cluster

### Capstone (Days 41–45)
- [ ] Day 41 > Design the platform
- [ ] Day 45 > Demo the platform

## Licence

Share it as you like.
"""


def test_a_capstone_of_days_after_modules_of_days_is_the_last_phase() -> None:
    role, messages = parse_messages(DAY_MODULES)
    assert phase_spans(role) == [
        (1, "Linux", (1, 2)),
        (2, "Networking", (3, 3)),  # days 11-20 start in week 2, which Module 1 ends: each later phase moves on
        (3, "Containers", (4, 5)),
        (4, "Kubernetes", (6, 6)),
        (5, "Capstone", (7, 7)),
    ]
    assert "Demo the platform" in phase_body(role.phases[4], role.checklist)
    assert [item.phase for item in role.checklist if "platform" in item.text] == [5, 5]
    assert not [m for m in messages if "belong to no phase" in m or "overlap" in m]


def test_a_day_question_finds_the_capstone() -> None:
    role = written_role("cloud", DAY_MODULES)
    found = answer(SearchIndex([role]), "day 43", role="cloud")
    assert found.note == "Day 43 of Cloud is in Phase 5: Capstone (week 7)."


def test_a_summary_of_days_the_modules_already_take_stays_a_section() -> None:
    role, _ = parse_messages(DAY_MODULES.replace("### Capstone (Days 41–45)", "### Recap (Days 31–40)"))
    assert [title for _, title, _ in phase_spans(role)] == ["Linux", "Networking", "Containers", "Kubernetes"]


# Sections that give their days after their title, no phase word, each over a table of its days: days 1-10 end in
# week 2, where days 11-20 start.
DAY_SECTIONS = """
# 30 Days of SQL

## 🟢 BASICS (Days 1–10)
> *Reading data.*

| Day | Topic |
|:--:|:--|
| 1 | SELECT and WHERE |
| 10 | ORDER BY |

## 🟡 JOINS AND GROUPS (Days 11–20)

| Day | Topic |
|:--:|:--|
| 11 | Inner joins |
| 20 | HAVING |

## 🔴 TUNING (Days 21–30)

| Day | Topic |
|:--:|:--|
| 21 | Indexes |
| 30 | Query plans |
"""


def test_sections_that_give_their_days_are_phases_that_share_no_week() -> None:
    role, messages = parse_messages(DAY_SECTIONS)
    assert phase_spans(role) == [(1, "BASICS", (1, 2)), (2, "JOINS AND GROUPS", (3, 3)), (3, "TUNING", (4, 5))]
    assert not [m for m in messages if "overlap" in m]
    assert "Query plans" in phase_body(role.phases[2], role.checklist)
    found = answer(SearchIndex([written_role("sql", DAY_SECTIONS)]), "day 15", role="sql")
    assert found.note == "Day 15 of Sql is in Phase 2: JOINS AND GROUPS (week 3)."
