"""Plans written as a block per week, each opened by a line of its weeks ('**Week 1** — Topic: HTML', its 'Read:'
lines, tasks and a '---' after it): their phases, what each holds, and the self-paced warning of lines that are none."""

from __future__ import annotations

import pytest

from bot.content.answers import answer
from bot.content.loader import build_index
from bot.content.phases import read_phase_heading
from bot.handlers.learning import phase_body
from tests.content.helpers import parse_body, phase_spans


def parse(body: str):
    role, problems = parse_body(body)
    return role, [(p.line, p.message) for p in problems]


phases = phase_spans


BLOCKS = """
# Frontend Developer

A twelve-week path. Every week has a topic, what to read and what to build.

---

{w1} How the web works

Read: [How the web works](https://developer.mozilla.org/a)
Build: a single-page "about me".

- [ ] Page validates

---

{w2} CSS fundamentals

Read: [Pro Git ch. 1–3](https://git-scm.com/book), [CSS basics](https://developer.mozilla.org/b)
Build: style your week 1 page.

---

{w34} JavaScript fundamentals

Key ideas: closures, `this`.

- [ ] Todo list saves to `localStorage`

---

### Where to go next

- TypeScript handbook
"""

SHAPES = [
    ("**Week 1** — Topic:", "**Week 2** — Topic:", "**Weeks 3–4** — Topic:"),
    ("**Week 1:**", "**Week 2:**", "**Weeks 3–4:**"),
    ("Week 1 —", "Week 2 —", "Weeks 3–4 —"),
    ("**Week 1**", "**Week 2**", "**Weeks 3–4**"),
    ("Week 1.", "Week 2.", "Weeks 3–4."),
]


@pytest.mark.parametrize(("w1", "w2", "w34"), SHAPES)
def test_lines_of_weeks_that_head_blocks_are_the_plan(w1, w2, w34):
    role, problems = parse(BLOCKS.format(w1=w1, w2=w2, w34=w34))
    assert phases(role) == [
        (1, "How the web works", (1, 1)),
        (2, "CSS fundamentals", (2, 2)),
        (3, "JavaScript fundamentals", (3, 4)),
    ]
    assert not [m for _, m in problems if "no phases found" in m]
    # the paragraphs and tasks after a week's line are its phase's, through the '---' rules between them
    assert "Build: a single-page" in phase_body(role.phases[0])
    assert [(c.text, c.phase) for c in role.checklist] == [
        ("Page validates", 1),
        ("Todo list saves to localStorage", 3),
    ]
    # its first sentence is its objective, the line of what to read no aim
    assert role.phases[1].objective == "Build: style your week 1 page."
    # a heading after the last week is no part of it, nor under it
    (after,) = [s for s in role.sections if s.title == "Where to go next"]
    assert after.phase is None and after.path == ("Frontend Developer", "Where to go next")
    assert "TypeScript" not in phase_body(role.phases[2])


def test_a_week_question_answers_with_the_phase_of_a_week_block():
    role, _ = parse(BLOCKS.format(w1="**Week 1** — Topic:", w2="**Week 2** — Topic:", w34="**Weeks 3–4** — Topic:"))
    found = answer(build_index([role], []).search, "week 4", role=role.name)
    assert found.problem == ""
    assert found.note == "Week 4 of Test Role is in Phase 3: JavaScript fundamentals (weeks 3-4)."


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("## Week 1 — Topic: HTML basics", "HTML basics"),
        ("## Woche 1 – Thema: HTML", "HTML"),
        ("## Semana 1 — Tema: HTML", "HTML"),
        ("## Semaine 1 — Sujet : HTML", "HTML"),
        ("## Week 1: Topic modelling", "Topic modelling"),
    ],
)
def test_a_word_that_labels_the_title_is_no_part_of_it(heading, title):
    found = read_phase_heading(heading.lstrip("# "))
    assert found is not None and found.title == title


@pytest.mark.parametrize(
    "body",
    [
        # weeks mentioned in sentences
        "# Notes\n\nWeek 1 is when we set up.\n\nSome text.\n\nWeek 2 is when we build.\n\n- a\n",
        "# Notes\n\nWe start React in Week 3.\n\nSome text.\n\nWe finish in Week 5.\n",
    ],
)
def test_weeks_in_sentences_are_no_plan(body):
    role, problems = parse(body)
    assert role.phases == ()
    assert not [m for _, m in problems if "read like weeks" in m]


@pytest.mark.parametrize(
    ("body", "named"),
    [
        # one block alone
        ("# Plan\n\n**Week 1** — Topic: HTML\n\nRead: MDN.\n\n- [ ] a page\n", "'Week 1 — Topic: HTML'"),
        # blocks whose weeks go back
        (
            "# Plan\n\nWeek 3 — CSS\n\nRead: MDN.\n\nWeek 1 — HTML\n\nRead: more.\n",
            "'Week 3 — CSS', 'Week 1 — HTML'",
        ),
    ],
)
def test_lines_of_weeks_that_are_no_plan_are_named_by_the_self_paced_warning(body, named):
    role, problems = parse(body)
    assert role.phases == ()
    (warning,) = [(line, m) for line, m in problems if "no phases found" in m]
    assert f"its lines {named} read like weeks, but only two or more such lines" in warning[1]


def test_a_first_sentence_ends_outside_a_links_text():
    body = (
        "# T\n\n## Phase 1: Git (Weeks 1-2)\n\nStart with [Pro Git ch. 1–3](https://git-scm.com/book) now. Then push.\n"
    )
    role, _ = parse_body(body)
    assert role.phases[0].objective == "Start with [Pro Git ch. 1–3](https://git-scm.com/book) now."
