"""A week written as paragraphs only (a blog post's plan: '**Week 2**' over prose), as /today names its next step:
the week's first sentence, not every paragraph of it in bold."""

from __future__ import annotations

from bot.domain.today import build_today
from bot.domain.weeks import ScheduledPhase
from bot.present import step_text
from tests.content.helpers import parse_body

PROSE_WEEKS = """
Most apprenticeships run a summer. Here is how to spend it.

**Week 1**

Meet everyone you can in short calls, not just your own team. Ask what they work on and what is missing.

That context makes your first contribution count.

**Weeks 2&ndash;5**

Pick one goal with your mentor and work on it. Keep notes of what you finish.
"""


def step(number: int) -> str:
    role, _ = parse_body(PROSE_WEEKS)
    phase = role.phases[number - 1]
    view = build_today(phase, ScheduledPhase(number, phase.first_week, phase.last_week), phase.first_week, (), ())
    return step_text(view.next_step)


def test_a_week_of_prose_starts_with_its_first_sentence() -> None:
    assert step(1) == "Start with **Meet everyone you can in short calls, not just your own team**."
    assert step(2) == "Start with **Pick one goal with your mentor and work on it**."
