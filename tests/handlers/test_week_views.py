"""What a learner reads of a week: week tables in a phase, lead-ins, overdue items, checklist-only phases."""

from __future__ import annotations

from bot.handlers import learning, reminders, today
from tests.handlers.conftest import Load, body, caller, selects, text

WEEKS_IN_PHASE = """
## Phase 1: Sheets (Weeks 1-3)

| Week | Topic |
|------|-------|
| 1 | Formulas |
| 2 | Lookups |
| 3 | Pivot tables |

> 💡 **Tip:** keep a learning log.

## Phase 2: Reports (Weeks 4-5)

| Week | Topic |
|------|-------|
| 4 | Charts |
| 5 | Dashboards |
"""


async def test_a_week_table_in_a_phase_gives_each_week_its_own_row(load: Load) -> None:
    svc = load({"sheets": WEEKS_IN_PHASE})
    await learning.start_learning(svc, caller(), "sheets")
    weeks = [body(await today.today(svc, caller(days=7 * w))) for w in range(5)]
    for shown, (topic, *others) in zip(
        weeks,
        [
            ("Formulas", "Lookups", "Pivot"),
            ("Lookups", "Formulas", "Pivot"),
            ("Pivot tables", "Formulas", "Lookups"),
            ("Charts", "Dashboards"),
            ("Dashboards", "Charts"),
        ],
        strict=True,
    ):
        assert f"- {topic}\n" in shown + "\n" and not [o for o in others if o in shown], shown
        assert "Week:" not in shown  # the week goes without saying
    assert "**💡 Tip:** keep a learning log." in weeks[2]
    whole = body(await learning.phase_view(svc, caller(), 1, role="sheets"))
    assert "- Formulas — Week: 1\n- Lookups — Week: 2" in whole  # the whole phase still says which week


async def test_a_week_question_answers_with_that_weeks_row(load: Load) -> None:
    svc = load({"sheets": WEEKS_IN_PHASE})
    await learning.start_learning(svc, caller(), "sheets")
    shown = text(await learning.skill_deep_dive(svc, caller(), "week 2"))
    assert "- Lookups" in shown and "Formulas" not in shown and "Pivot" not in shown


OVERDUE = """
## Phase 1: Linux (Weeks 1-2)
- Permissions
- [ ] Harden a VPS

## Phase 2: Containers (Weeks 3-6)
- Docker
- [ ] Containerize an app
"""


async def test_overdue_items_of_earlier_phases_come_first_and_can_be_ticked(load: Load) -> None:
    svc = load({"ops": OVERDUE})
    await learning.start_learning(svc, caller(), "ops")
    reply = await today.today(svc, caller(days=28))
    shown = text(reply)
    assert "⏰ Overdue from earlier phases: ⬜ Harden a VPS" in shown
    assert shown.index("Harden a VPS") < shown.index("Containerize an app")
    assert "Next step: Work on **Harden a VPS**" in shown
    (menu,) = selects(reply)
    assert [(o.label, o.description) for o in menu.options] == [
        ("Harden a VPS", "overdue"),
        ("Containerize an app", None),
    ]
    reminder = text(await reminders.remind_preview(svc, caller(days=28)))
    assert "⏰ Overdue from earlier phases: ⬜ Harden a VPS" in reminder
    assert "1. Harden a VPS - overdue" in reminder


CHECKLIST_ONLY = """
## Days 1-30: JavaScript Foundations
- [ ] Finish freeCodeCamp JavaScript
- [ ] Build 5 small vanilla JS apps

## Days 31-60: React
- [ ] Complete the official React tutorial
"""


async def test_a_checklist_only_phase_shows_its_open_items_never_a_dead_end(load: Load) -> None:
    svc = load({"js": CHECKLIST_ONLY})
    await learning.start_learning(svc, caller(), "js")
    answer = text(await learning.skill_deep_dive(svc, caller(), "week 2"))
    assert "⬜ Finish freeCodeCamp JavaScript\n⬜ Build 5 small vanilla JS apps" in answer
    shown = text(await today.today(svc, caller(days=7)))
    assert "no topics written out" not in answer + shown
    assert "⬜ Finish freeCodeCamp JavaScript" in shown


LEAD_IN = """
## Week 1: Async JavaScript

> ⚠️ This is the week most students find hardest. Come to office hours.

### Day 1: Promises
- then / catch

### Day 2: async / await
- try / catch
"""


async def test_a_phases_text_before_its_first_part_shows_in_its_first_week(load: Load) -> None:
    svc = load({"js": LEAD_IN})
    await learning.start_learning(svc, caller(), "js")
    quote = "> ⚠️ This is the week most students find hardest. Come to office hours."
    for reply in (
        await today.today(svc, caller()),
        await reminders.remind_preview(svc, caller()),
        await learning.skill_deep_dive(svc, caller(), "week 1"),
    ):
        shown = text(reply)
        assert quote in shown
        assert "Part 1 of 1" not in shown  # one week: nothing to say
        assert "- then / catch\n\n**Day 2: async / await:**" in shown  # a part is set apart from the bullet above


EMPTY_LABEL = """
## Stage 1 — Foundations (Weeks 1-2)

### 1.1 Networking
- DNS

#### ✅ Stage 1 project
- [ ] Build a CLI to-do app
"""


async def test_a_label_over_items_only_shows_its_items_in_its_week(load: Load) -> None:
    svc = load({"be": EMPTY_LABEL})
    await learning.start_learning(svc, caller(), "be")
    shown = body(await today.today(svc, caller(days=7)))
    assert "**✅ Stage 1 project:**\n⬜ Build a CLI to-do app" in shown


TICKS = """
## Week 1: JavaScript
### Basics
- [ ] Closures
- [x] `==` vs `===`

> 📝 **Common mistakes:**
> - Comparing with ==
"""


async def test_a_deep_dive_shows_the_readers_ticks_never_the_authors(load: Load) -> None:
    svc = load({"js": TICKS})
    for topic in ("javascript", "basics"):
        shown = text(await learning.skill_deep_dive(svc, caller(), topic))
        assert "- Closures\n- `==` vs `===`" in shown and "☑" not in shown and "☐" not in shown
    await learning.start_learning(svc, caller(), "js")
    for topic in ("javascript", "basics"):
        shown = text(await learning.skill_deep_dive(svc, caller(), topic))
        assert "⬜ Closures\n⬜ `==` vs `===`" in shown
        assert "**📝 Common mistakes:**\n- Comparing with ==" in shown  # a quoted label keeps its bullets


QUARTERS = """
## Q1 — Python and Statistics

### Month 1: Python

#### Week 1: Setup
- Install Python

#### Week 2: Data structures
- Lists and dicts

#### Weeks 3-4: Functions
- Functions and modules

### Month 2: pandas

#### Week 5: DataFrames
- Selecting and filtering

#### Week 6: Cleaning
- Missing values

#### Weeks 7-8: Joins
- merge and groupby

### Month 3: Statistics
- Descriptive statistics
- Probability

## Q2 — Machine Learning

### Month 4: Supervised learning
- Regression
"""


async def test_a_week_written_under_a_month_under_a_quarter_is_shown_in_that_week(load: Load) -> None:
    svc = load({"year": QUARTERS})
    await learning.start_learning(svc, caller(), "year")
    weeks = [body(await today.today(svc, caller(days=7 * w))) for w in range(12)]
    assert "__**Month 1: Python**__" in weeks[0] and "- Install Python" in weeks[0] and "Lists" not in weeks[0]
    assert "**Week 2: Data structures:**" in weeks[1] and "Install" not in weeks[1] and "Month 1" not in weeks[1]
    assert "- Functions and modules" in weeks[2] and "- Functions and modules" in weeks[3]
    assert "__**Month 2: pandas**__" in weeks[4] and "- Selecting and filtering" in weeks[4]
    assert "**Week 6: Cleaning:**\n- Missing values" in weeks[5] and "Selecting" not in weeks[5]
    assert "- merge and groupby" in weeks[6] and "Missing" not in weeks[6]
    # a month without weeks of its own shares its weeks out as a phase does
    assert "- Descriptive statistics" in weeks[8] and "Probability" not in weeks[8]
    assert "- Probability" in weeks[10] and "Descriptive" not in weeks[10]


async def test_a_month_over_a_part_of_the_same_weeks_is_shown_once(load: Load) -> None:
    year = (
        "## Q1 — Portfolio\n\n### Month 1: Writing\n\n#### Weeks 1-4: Two case studies\n- Write them up\n\n"
        "### Month 2: Design\n- A site\n\n### Month 3: Jobs\n- Apply\n\n## Q2 — Work\n- Interviews\n"
    )
    svc = load({"folio": year})
    await learning.start_learning(svc, caller(), "folio")
    weeks = [body(await today.today(svc, caller(days=7 * w))) for w in range(4)]
    assert all("- Write them up" in week for week in weeks)
    assert "__**Month 1: Writing**__" in weeks[0] and not [w for w in weeks[1:] if "Month 1" in w]


CHECKPOINT = """
## Phase 1: Linux (Weeks 1-2)

### What to learn

- Permissions

### Checkpoint

- [ ] Nginx serves your site over HTTPS
"""


async def test_a_week_answer_lists_an_item_its_part_shows_once_as_today_does(load: Load) -> None:
    svc = load({"ops": CHECKPOINT})
    await learning.start_learning(svc, caller(), "ops")
    answer = body(await learning.skill_deep_dive(svc, caller(), "week 2"))
    assert "**Checkpoint:**\n⬜ Nginx serves your site over HTTPS" in answer
    assert answer.count("Nginx serves your site over HTTPS") == 1, answer
    assert "Open items in this phase" not in answer
    week = await today.today(svc, caller(days=7))
    assert (body(week) + "".join(f.value for f in week.cards[0].fields)).count("⬜ Nginx") == 1


async def test_a_week_answer_still_lists_the_phases_items_its_week_does_not_show(load: Load) -> None:
    svc = load({"ops": CHECKPOINT})
    await learning.start_learning(svc, caller(), "ops")
    answer = body(await learning.skill_deep_dive(svc, caller(), "week 1"))
    assert "- Permissions" in answer
    assert "**Open items in this phase:**\n⬜ Nginx serves your site over HTTPS" in answer


WEEK_BLOCKS = """
# Frontend

**Week 1** — Topic: HTML basics

Read: [HTML basics](https://developer.mozilla.org/html)
Build: an "about me" page.

- [ ] Page validates

---

**Weeks 2–3** — Topic: JavaScript

Read: [javascript.info](https://javascript.info/)
Build: a todo list.

- [ ] Todo list saves to `localStorage`

---

### Where to go next

- TypeScript handbook
"""


async def test_a_week_block_shows_its_lines_and_tasks_in_its_week(load: Load) -> None:
    svc = load({"frontend": WEEK_BLOCKS})
    await learning.start_learning(svc, caller(), "frontend")
    week2 = text(await today.today(svc, caller(days=7)))
    assert "**Phase 2: JavaScript** (weeks 2-3)" in week2
    assert "Build: a todo list." in week2 and "Todo list saves" in week2
    assert "about me" not in week2 and "TypeScript" not in week2
    whole = body(await learning.phase_view(svc, caller(), 1, role="frontend"))
    assert 'Build: an "about me" page.' in whole and "Page validates" in whole and "javascript.info" not in whole


SYLLABUS = """
## Schedule

| Week | Dates | Topic | Reading |
|:----:|-------|-------|---------|
| 1 | Jan 12–16 | Course intro | EJ Ch. 1 |
| 2 | Mar 2–6 | Midterm | review slides |
| — | Mar 9–13 | *Spring break — no class* | |
| 3 | Mar 16–20 | Async JS | EJ Ch. 11 |
"""


async def test_a_syllabus_week_shows_its_work_before_its_dates_and_a_break_after_it(load: Load) -> None:
    svc = load({"cs142": SYLLABUS})
    await learning.start_learning(svc, caller(), "cs142")
    week2 = text(await today.today(svc, caller(days=7)))
    assert "**Phase 2: Midterm** (week 2)" in week2
    assert "- Reading: review slides\n- Dates: Mar 2–6\n- *Spring break — no class* — Dates: Mar 9–13" in week2
    assert "Start with **review slides**." in week2
    week3 = text(await today.today(svc, caller(days=14)))
    assert "**Phase 3: Async JS** (week 3)" in week3 and "Spring break" not in week3
