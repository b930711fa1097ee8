"""A book's contents list whose bold items are the parts of the plan ('- **Part 2: ML** (weeks 3-5)') over links to
its chapters, each saying its own week ('- [3. Regression](…) — week 3'): a week shows the chapter written for it,
and what follows the list (back-matter links, a heading) is no part of the last part."""

from __future__ import annotations

from bot.domain.today import week_slice
from tests.content.helpers import finishes_in_a_minute, parse_body

BOOK = """
# Study group book

- [Welcome](https://example.org/intro)
- **Part 1: Basics** (weeks 1-2)
  - [1. Python](https://example.org/p1) — week 1
  - [2. NumPy](https://example.org/p2) — week 2 🧪
- **Part 2: Models** (weeks 3-6)
  - [3. Regression](https://example.org/p3) — week 3
  - [4. Trees](https://example.org/p4) — weeks 4-5 🧪
    - [4.1 Boosting lab](https://example.org/p4a)
  - [5. Evaluation](https://example.org/p5) — week 6
- [Index](https://example.org/index)

## Exercises

- [ ] Regression notebook
"""


def shown(role, number: int, week: int) -> list[str]:
    """The first lines of the pieces that week `week` of the path (in phase `number`) shows."""
    phase = role.phases[number - 1]
    part = week_slice(phase, phase.last_week - phase.first_week + 1, week - phase.first_week + 1)
    return [unit.pieces[0].md for unit in part.units]


def test_each_chapter_is_shown_in_the_weeks_its_item_names() -> None:
    role, _ = parse_body(BOOK)
    assert [(p.title, p.weeks) for p in role.phases] == [("Part 1: Basics", (1, 2)), ("Part 2: Models", (3, 6))]
    assert shown(role, 1, 2) == ["[2. NumPy](https://example.org/p2) — week 2 🧪"]
    assert shown(role, 2, 3) == ["[3. Regression](https://example.org/p3) — week 3"]
    # a chapter of two weeks is both weeks' work, not a chapter a week then a practice week
    for week in (4, 5):
        phase = role.phases[1]
        part = week_slice(phase, 4, week - 2)
        assert not part.practice
        assert [u.pieces[0].md for u in part.units] == ["[4. Trees](https://example.org/p4) — weeks 4-5 🧪"]
    assert shown(role, 2, 6) == ["[5. Evaluation](https://example.org/p5) — week 6"]


def test_links_and_a_heading_after_the_last_part_are_not_its_work() -> None:
    role, _ = parse_body(BOOK)
    last = role.phases[-1]
    assert "Index" not in " ".join(p.md for p in last.body)
    assert [p.kind for p in last.body if p.kind in ("label", "task")] == []
    assert shown(role, 2, 6) == ["[5. Evaluation](https://example.org/p5) — week 6"]
    assert [(c.text, c.phase, c.group) for c in role.checklist] == [("Regression notebook", None, "Exercises")]


def test_parts_whose_items_hold_nothing_keep_the_items_after_them() -> None:
    body = "# Plan\n\n- **Basics (Weeks 1-2)**\n- Syntax\n- **Projects (Weeks 3-4)**\n- A CLI\n"
    role, _ = parse_body(body)
    assert [(p.title, [t.title for t in p.topics]) for p in role.phases] == [
        ("Basics", ["Syntax"]),
        ("Projects", ["A CLI"]),
    ]


def test_a_deeper_heading_after_a_list_of_parts_is_a_part_of_the_last_one() -> None:
    """Only a heading at the level of the one over the list, or above, ends the list; a deeper one ('### Capstone'
    under '# Plan') is a part of the last phase, and the tasks under it are that phase's."""
    body = (
        "# Plan\n\n"
        "1. **Foundations (Weeks 1-4)**\n   - Markup\n   - Styles\n"
        "2. **Frameworks (Weeks 5-8)**\n   - Components\n\n"
        "### Capstone\n\n- [ ] Ship a small web app\n\n"
        "# After the plan\n\n- [ ] Write a retrospective\n"
    )
    role, _ = parse_body(body)
    assert [(c.text, c.phase) for c in role.checklist] == [
        ("Ship a small web app", 2),
        ("Write a retrospective", None),
    ]
    assert "Capstone" in [p.md for p in role.phases[1].body if p.kind == "label"]


def test_a_long_list_after_parts_that_hold_nothing_reads_in_time_linear_in_its_size() -> None:
    """Each item after the plan's parts asks whether the open part holds nested items: asked of all the part's body
    each time, 60,000 items took minutes."""
    script = (
        "from tests.content.helpers import parse_body\n"
        "body = '# Plan\\n\\n- **Month 1 (Weeks 1-4)**\\n- HTML\\n- **Month 2 (Weeks 5-8)**\\n'\n"
        "body += ''.join(f'- topic {i}\\n' for i in range(60_000))\n"
        "role, _ = parse_body(body)\n"
        "assert len(role.phases[1].topics) == 60_000\n"
    )
    finishes_in_a_minute(script, "reading a long list after a list of parts")


def test_a_quote_after_a_list_plan_is_said_of_the_plan_not_of_its_last_part():
    plan = (
        "# Rust in 4 weeks\n\n## The plan\n\n"
        "1. **Week 1 — Basics**\n   - ownership\n"
        "2. **Week 2 — Traits**\n   - generics\n"
        "3. **Weeks 3-4 — A web service**\n   - axum\n{inside}\n"
        "> If you only get through week 2, that's still a win.\n\n## FAQ\n\n- Why Rust? Because.\n"
    )
    role, _ = parse_body(plan.format(inside=""))
    assert [p.title for p in role.phases] == ["Basics", "Traits", "A web service"]
    assert "still a win" not in phase_text(role.phases[2])
    assert "still a win" in next(s.text for s in role.sections if s.title == "The plan")
    # a quote written inside the last part (indented under it) stays the part's
    role, _ = parse_body(plan.format(inside="\n   > Deploy it only once the tests pass."))
    assert "Deploy it only once" in phase_text(role.phases[2])


def phase_text(phase) -> str:
    return "\n".join(piece.md for piece in phase.body)
