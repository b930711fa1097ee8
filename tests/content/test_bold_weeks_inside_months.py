"""A month written as bold week lines counted within it ('**Week 1-2: The shell**', '**Week 3-4: Git**', each over
bullets of days counted within it) shows each part in the weeks its line names; an item that opens with its month
('**Month 1 Checkpoint**: a quiz') dates no week of the month."""

from __future__ import annotations

from bot.domain.today import phase_slices
from tests.content.helpers import written_role

MONTHS = """
# Ops in three months

## Month 1: Shell and Git (Jan 5 - Feb 4)

**Week 1-2: The shell (Jan 5 - Jan 18)**
- **Days 1-4: Moving around**
  - cd, ls and pwd
  - **Deadline**: Jan 8
- **Days 5-9: Pipes**
  - grep, sort and uniq
- **Days 10-14: Scripts**
  - loops in bash

**Week 3-4: Git (Jan 19 - Feb 1)**
- **Days 1-7: Commits**
  - add and commit
- **Days 8-14: Branches**
  - merge and rebase

**Week 5: Catch up (Feb 2 - Feb 4)**
- Redo the weakest lab
- **Month 1 Checkpoint**: a shell and Git quiz

## Month 2: Containers (Feb 5 - Mar 6)

**Week 1-2: Docker**
- **Days 1-7: Images**
- **Days 8-14: Compose**

**Week 3-4: Kubernetes**
- **Days 1-7: Pods**
- **Days 8-14: Services**
"""


def _weeks(body: str, phase: int = 0) -> list[list[str]]:
    """Return each week's units of a phase as /today shows them: a part's label, else its topic's first words."""
    role = written_role("months", body)
    p = role.phases[phase]
    return [
        [unit.label or unit.topics[0].text for unit in week.units]
        for week in phase_slices(p, p.last_week - p.first_week + 1)
    ]


def test_bold_week_lines_inside_a_month_give_their_parts_those_weeks_of_it() -> None:
    weeks = _weeks(MONTHS)
    assert weeks == [
        ["Week 1-2: The shell (Jan 5 - Jan 18)"],
        ["Week 1-2: The shell (Jan 5 - Jan 18)"],
        ["Week 3-4: Git (Jan 19 - Feb 1)"],
        ["Week 3-4: Git (Jan 19 - Feb 1)", "Week 5: Catch up (Feb 2 - Feb 4)"],
    ]
    role = written_role("months", MONTHS)
    first, second = phase_slices(role.phases[0], 4)[:2]
    assert [t.text for t in first.units[0].topics] == ["**Days 1-4: Moving around**", "**Days 5-9: Pipes**"]
    assert [t.text for t in second.units[0].topics] == ["**Days 10-14: Scripts**"]


def test_the_weeks_of_the_next_month_count_within_it_too() -> None:
    assert _weeks(MONTHS, 1) == [
        ["Week 1-2: Docker"],
        ["Week 1-2: Docker"],
        ["Week 3-4: Kubernetes"],
        ["Week 3-4: Kubernetes"],
    ]


def test_an_item_named_after_its_month_dates_no_week_of_it() -> None:
    body = """
    ## Month 1: Basics

    - Variables
    - Loops
    - Functions
    - **Month 1 Checkpoint**: a short quiz

    ## Month 2: More
    - Files
    """
    assert _weeks(body) == [["Variables"], ["Loops"], ["Functions"], ["**Month 1 Checkpoint**: a short quiz"]]
