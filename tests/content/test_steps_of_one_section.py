"""Numbered steps that give no time, written inside one section of a long page of reference ('### Step 1: Ask what
it must do' under '## How to answer a design question', among many other sections of the same depth), are the steps
of that procedure, not the weeks of a plan: the page stays a self-paced path and the steps stay its sections. Steps
that make up most of a page are its plan, as before."""

from __future__ import annotations

from tests.content.helpers import parse_messages, phase_spans, section_titled

STEPS = """
### Step 1: Ask what it must do

- Who uses it?
- How often?

### Step 2: Sketch the parts

- Boxes and arrows

### Step 3: Go deep on one part

- Storage layout

### Step 4: Find the bottlenecks

- Queues and caches
"""


def reference_page(steps: str = STEPS) -> str:
    cases = "".join(
        f"### Case {n}: A ferry booking site, take {n}\n\n[Notes](https://example.com/{n})\n\n" for n in range(8)
    )
    return (
        "# Design Interview Notes\n\n## Topics\n\n- [Caching](#caching)\n\n"
        f"## How to answer a design question\n\nLead the talk.\n{steps}\n### Quick sums\n\n- Powers of two\n\n"
        f"## Worked cases\n\n{cases}## Caching\n\nKeep hot data near.\n"
    )


def test_untimed_steps_in_one_section_of_a_long_reference_page_are_no_plan():
    role, messages = parse_messages(reference_page())
    assert role.phases == ()
    assert [m for m in messages if "no phases found" in m]
    assert "Who uses it?" in section_titled(role, "Step 1: Ask what it must do").text


def test_steps_that_give_their_weeks_stay_a_plan():
    timed = STEPS.replace("must do", "must do (Weeks 1-2)").replace("the parts", "the parts (Weeks 3-4)")
    timed = timed.replace("one part", "one part (Weeks 5-6)").replace("bottlenecks", "bottlenecks (Weeks 7-8)")
    role, _ = parse_messages(reference_page(timed))
    assert [p.weeks for p in role.phases] == [(1, 2), (3, 4), (5, 6), (7, 8)]


def test_steps_that_are_most_of_a_page_stay_its_plan():
    body = "# Ferry Sites\n\n## Roadmap\n" + STEPS + "\n## Resources\n\n### Books\n\n- One\n\n### Videos\n\n- Two\n"
    role, _ = parse_messages(body)
    assert [title for _, title, _ in phase_spans(role)] == [
        "Ask what it must do",
        "Sketch the parts",
        "Go deep on one part",
        "Find the bottlenecks",
    ]
