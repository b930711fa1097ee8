"""A task written under a phase's week sub-heading (`### Week 3: Caching` over `- [ ] …`) is that week's step: an
earlier week's next step is its own work, and the week that holds the task names it."""

from __future__ import annotations

from bot.domain.today import build_today
from bot.domain.weeks import ScheduledPhase
from bot.present import today_lines
from tests.content.helpers import parse_body

WEEKS = """
## Month 1 — Networking basics

### Week 1: Addresses
- IPv4 and subnet masks
- [ ] Split a /24 into four subnets

### Week 2: Names
- How DNS resolution works

### Week 3: Routing
- Static routes
- [ ] Trace a packet across two routers
"""


def _next_step(body: str, week: int) -> str:
    role = parse_body(body)[0]
    (phase,) = role.phases
    view = build_today(phase, ScheduledPhase(1, phase.first_week, phase.last_week), week, role.checklist, ())
    assert view.next_step is not None
    return view.next_step.text


def test_a_week_whose_part_holds_no_task_starts_with_its_own_work():
    later_only = WEEKS.replace("- [ ] Split a /24 into four subnets\n", "")
    assert _next_step(later_only, 1) == "Week 1: Addresses"
    assert _next_step(later_only, 2) == "Week 2: Names"
    # an earlier week's open task is still to do
    assert _next_step(WEEKS, 2) == "Split a /24 into four subnets"


def test_a_weeks_own_task_is_its_next_step_and_later_ones_come_last():
    assert _next_step(WEEKS, 1) == "Split a /24 into four subnets"
    assert _next_step(WEEKS, 3) == "Trace a packet across two routers"
    role = parse_body(WEEKS)[0]
    (phase,) = role.phases
    view = build_today(phase, ScheduledPhase(1, phase.first_week, phase.last_week), 2, role.checklist, ())
    shown = "\n".join(today_lines(view))
    assert "How DNS resolution works" in shown


def test_a_phase_that_names_no_weeks_still_steps_to_its_first_open_item():
    body = WEEKS.replace("### Week 1: Addresses", "### Addresses").replace("### Week 2: Names", "### Names")
    body = body.replace("### Week 3: Routing", "### Routing").replace("## Month 1 — Networking basics", "## Month 1")
    assert (
        _next_step(body.replace("- [ ] Split a /24 into four subnets\n", ""), 1) == "Trace a packet across two routers"
    )
