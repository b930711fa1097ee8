"""Days written inside a phase (day sub-headings, a day table's rows, items that open with their day) date a phase
that gives no weeks, and day questions find them; a file's own day table keeps each day's link."""

from __future__ import annotations

from bot.content.answers import answer
from bot.content.search import SearchIndex
from bot.domain.today import phase_slices
from tests.content.helpers import parse_messages, phase_spans, written_role

# A course of modules, each written in days three ways: day sub-headings, a table of days, numbered day items.
MODULES = """
## 🐚 Module 1 — Terminal basics
*Days 1–8 · taught by Ana*

#### Day 1 (Mon) · Navigating folders
- cd, ls, pwd
#### Day 2 (Tue) · Editing files
- nano and vim
#### Day 8 (Tue) · Pipes
- grep and sort

## 🧮 Module 2 — Spreadsheets
*Days 9–12 · taught by Bo*

| Day | Topic | Exercise |
|-----|-------|----------|
| 9 | Formulas | budget sheet |
| 10 | Lookups | price list |
| 12 | Charts | sales chart |

## 📈 Module 3 — Statistics

1. **Day 13** — Means and medians
2. **Day 20** — Sampling
"""


def test_the_days_written_in_modules_date_them_and_no_weeks_are_planned() -> None:
    role, messages = parse_messages(MODULES)
    assert phase_spans(role) == [
        (1, "Terminal basics", (1, 2)),
        (2, "Spreadsheets", (3, 3)),  # days 9-12 fall in week 2, which Module 1 ends: it moves on
        (3, "Statistics", (4, 4)),
    ]
    assert not any("have no weeks" in m for m in messages)
    # the line that says when a module runs is no aim of it
    assert [p.objective for p in role.phases] == [None, None, None]


def test_a_day_question_finds_the_module_whose_table_row_or_item_names_that_day() -> None:
    role = written_role("mods", MODULES)
    index = SearchIndex([role])
    row = answer(index, "day 10", role="mods")
    assert row.problem == ""
    assert row.note == "Day 10 of Mods is in Phase 2: Spreadsheets (week 3)."
    item = answer(index, "day 20", role="mods")
    assert item.note == "Day 20 of Mods is in Phase 3: Statistics (week 4)."
    assert answer(index, "day 21", role="mods").problem == "Mods has 20 days; day 21 is past its end."


def test_a_phase_written_in_day_sub_headings_shows_each_day_in_its_week() -> None:
    role = written_role("mods", MODULES)
    module = role.phases[0]
    first, second = phase_slices(module, module.last_week - module.first_week + 1)
    assert [u.label for u in first.units] == ["Day 1 (Mon) · Navigating folders", "Day 2 (Tue) · Editing files"]
    assert [u.label for u in second.units] == ["Day 8 (Tue) · Pipes"]
    assert not second.practice


def test_days_named_in_modules_with_weeks_find_their_module() -> None:
    role = written_role(
        "mods",
        """
## Module 1 — Shell (Weeks 1-2)
#### Day 1 (Mon) · Shell
- a
#### Day 2 (Tue) · Git
- b
## Module 2 — SQL (Weeks 3-4)
| Day | Topic |
|---|---|
| 11 | Joins |
| 12 | Window functions |
## Module 3 — Spark (Weeks 5-6)
1. **Day 21** — Spark architecture
""",
    )
    index = SearchIndex([role])
    assert answer(index, "day 12", role="mods").note == "Day 12 of Mods is in Phase 2: SQL (weeks 3-4)."
    # between the days named: the module of the last day before it
    assert answer(index, "day 15", role="mods").note == "Day 15 of Mods is in Phase 2: SQL (weeks 3-4)."


def test_days_counted_again_from_one_in_each_module_give_it_its_length() -> None:
    role = written_role(
        "mods",
        "## Phase 1: Shell\n### Day 1: ls\n- a\n### Day 10: git\n- b\n"
        "## Phase 2: SQL\n### Day 1: select\n- c\n### Day 5: joins\n- d\n",
    )
    assert phase_spans(role) == [(1, "Shell", (1, 2)), (2, "SQL", (3, 3))]
    assert [p.days for p in role.phases] == [(1, 10), None]  # Module 2's days are no days of the path


# A path of three phases without weeks, planned from timelineMonths (6-9 months: about 33 weeks), whose first phase
# names one day in passing: that day is a line of its work, and the plan stays as it was.
ONE_DAY_NAMED = """
## Phase 1: Foundations
{day}
- [ ] Write a hello-world program
### Control flow
- [ ] Finish 15 loop exercises
## Phase 2: Websites
- [ ] Ship a small blog
## Phase 3: Storage
- [ ] Model a library catalogue
"""


def test_one_day_named_in_a_phase_leaves_the_plan_from_timeline_months() -> None:
    for day in ("### Day 1: Install your editor", "- Day 1: install your editor"):
        role, messages = parse_messages(ONE_DAY_NAMED.format(day=day))
        assert phase_spans(role) == [
            (1, "Foundations", (1, 11)),
            (2, "Websites", (12, 22)),
            (3, "Storage", (23, 33)),
        ], day
        assert any("3 phases have no weeks; planned from timelineMonths" in m for m in messages), day
        assert [p.days for p in role.phases] == [None, None, None]


def test_day_one_named_again_in_every_phase_is_no_plan_in_days() -> None:
    role = written_role(
        "kick",
        "## Phase 1: Shell\n- Day 1: meet your mentor\n- [ ] a\n## Phase 2: SQL\n- Day 1: meet your mentor\n- [ ] b\n",
    )
    assert phase_spans(role) == [(1, "Shell", (1, 17)), (2, "SQL", (18, 33))]


def test_a_day_named_in_a_phase_with_weeks_leaves_day_questions_in_weeks() -> None:
    role = written_role(
        "apis",
        """
## Phase 1: Python (Weeks 1-4)
- [ ] Finish the exercises
## Phase 2: Web (Weeks 5-8)
- Day 1 of the sprint: pair with your mentor
- [ ] Build a small API
""",
    )
    index = SearchIndex([role])
    third = answer(index, "day 3", role="apis")
    assert third.problem == ""
    assert third.note == "Day 3 of Apis is in Phase 1: Python (weeks 1-4)."
    assert answer(index, "day 40", role="apis").note == "Day 40 of Apis is in Phase 2: Web (weeks 5-8)."


def test_a_last_module_of_one_day_running_on_from_the_others_is_dated_by_it() -> None:
    role = written_role(
        "camp",
        "## Module 1 — Shell\n### Day 1: ls\n- a\n### Day 6: pipes\n- b\n"
        "## Module 2 — SQL\n### Day 8: select\n- c\n### Day 12: joins\n- d\n"
        "## Module 3 — Demo\n### Day 15: demo day\n- e\n",
    )
    assert phase_spans(role) == [(1, "Shell", (1, 1)), (2, "SQL", (2, 2)), (3, "Demo", (3, 3))]
    assert [p.days for p in role.phases] == [(1, 6), (8, 12), (15, 15)]


# --- a file whose plan is a table of days ------------------------------------------------------


def _day_table(cell: str, topic: str = "Lesson {n:02}") -> str:
    rows = [f"| {cell.format(n=n)} | {topic.format(n=n)} |" for n in range(1, 15)]
    return "\n".join(["# 14 Days of Rust", "", "| Day | Topic |", "|---|---|", *rows, ""])


def test_day_cells_that_say_the_word_or_link_the_days_lesson_are_days() -> None:
    for cell in (
        "Day {n:02}",
        "[Day {n:02}](https://example.org/day{n:02}/)",
        "[{n:02}](https://example.org/day{n:02}/)",
    ):
        role = written_role("rust", _day_table(cell))
        assert [p.weeks for p in role.phases] == [(1, 1), (2, 2)], cell


def test_a_day_cells_link_is_kept_on_the_days_topic() -> None:
    role = written_role("rust", _day_table("[{n:02}](https://example.org/day{n:02}/)"))
    assert role.phases[0].topics[0].text == "Day 1: [Lesson 01](https://example.org/day01/)"
    assert role.phases[0].body[0].md == "Day 1: [Lesson 01](https://example.org/day01/)"
    # a topic that links elsewhere keeps its own link: the day's is on the day
    linked = written_role(
        "rust", _day_table("[{n:02}](https://example.org/day{n:02}/)", "[Lesson {n:02}](https://docs.example.org/)")
    )
    assert (
        linked.phases[0].topics[0].text == "[Day 1](https://example.org/day01/): [Lesson 01](https://docs.example.org/)"
    )


def test_emoji_of_the_day_tables_topics_are_left_out_of_every_weeks_title() -> None:
    body = _day_table("{n}", "L{n}").replace("L2 |", "🛠 Build |").replace("L7 |", "🎉 Quiz |")
    role = written_role("rust", _day_table("{n}", "L{n}").replace("L9 |", "Recap 🔁 |").replace("L14 |", "🛠 Ship |"))
    assert role.phases[1].title == "L8 · Recap · L10 · L11 · L12 · L13 · Ship"
    week = written_role("rust", body).phases[0]
    assert week.title == "L1 · Build · L3 · L4 · L5 · L6 · Quiz"
    assert week.topics[1].text == "Day 2: 🛠 Build"  # the day's own line keeps them, as written


def test_an_emoji_after_a_week_items_colon_keeps_that_item_in_its_own_week() -> None:
    role = written_role(
        "ops",
        "## Month 1 — Git\n- Week 1: branches\n- Week 2: workflows\n- Week 3: 🛠 pipeline project\n- Week 4: review\n\n"
        "## Month 2 — Python\n- **Week 1:** basics\n- **Week 2:** loops\n- **Week 3:** scripts\n"
        "- **Week 4:** 🛠 *Project:* a site checker\n",
    )
    for phase in role.phases:
        weeks = phase_slices(phase, 4)
        assert not any(week.practice for week in weeks)
        assert [len(week.units) for week in weeks] == [1, 1, 1, 1]
    assert phase_slices(role.phases[1], 4)[3].units[0].topics[0].text.startswith("**Week 4:** 🛠")


def test_a_week_span_item_of_listed_topics_is_titled_by_its_words_not_its_span() -> None:
    role = written_role(
        "net",
        "## Month 3 — Networking\n- **Week 1-2:** OSI model, subnets, CIDR\n- Weeks 3 & 4: firewalls, VPNs\n",
    )
    titles = [t.title for t in role.phases[0].topics]
    assert titles == ["Week 1-2: OSI model, subnets, CIDR", "Weeks 3 & 4: firewalls, VPNs"]
    assert [s.title for s in role.sections if s.kind == "topic"][:2] == titles
