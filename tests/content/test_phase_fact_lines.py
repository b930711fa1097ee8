"""The label lines that open a phase with a fact of it (`**Prerequisites:** Phase 1`, `**Level:** beginner`) are
said with every week of the phase, as its objective is: no week's work, and no part that holds the list after
them."""

from __future__ import annotations

from bot.content.search import SearchIndex
from bot.domain.today import build_today
from bot.domain.weeks import ScheduledPhase
from bot.present import today_lines
from tests.content.helpers import parse_body

FACTS = """
## 1. Shell basics

**Prerequisites:** none
**Duration:** 2 weeks
**Projects:**
- Write a backup script

Learn:
- Pipes and redirection
- Permissions

## 2. Networking

**Prerequisites:** Phase 1
**Level:** beginner
**Duration:** 3 weeks
- Subnetting by hand
- DNS lookups with dig
- Packet capture
"""


def _week(role, number: int, week: int) -> str:
    phase = next(p for p in role.phases if p.number == number)
    scheduled = ScheduledPhase(number, phase.first_week, phase.last_week)
    return "\n".join(today_lines(build_today(phase, scheduled, week, role.checklist, ())))


def test_fact_lines_are_said_every_week_and_are_no_weeks_work():
    role = parse_body(FACTS)[0]
    assert [(p.number, p.weeks) for p in role.phases] == [(1, (1, 2)), (2, (3, 5))]
    first, second = _week(role, 1, 1), _week(role, 1, 2)
    assert "**Prerequisites:** none" in first and "Write a backup script" in first
    assert "**Prerequisites:** none" in second and "Permissions" in second
    for week in (3, 4, 5):
        shown = _week(role, 2, week)
        assert "**Prerequisites:** Phase 1" in shown and "**Level:** beginner" in shown
    assert "Subnetting by hand" in _week(role, 2, 3)
    assert "Packet capture" in _week(role, 2, 5)


def test_a_list_after_fact_lines_is_the_phases_not_the_facts():
    role = parse_body(FACTS)[0]
    (hit, *_) = SearchIndex([role]).search("subnetting by hand")
    assert role.trail(hit.path) == ("2. Networking",)
    networking = next(p for p in role.phases if p.number == 2)
    assert [s.label for s in networking.subsections] == []


def test_a_fact_label_with_nothing_after_it_still_heads_its_list():
    role = parse_body(FACTS.replace("**Prerequisites:** none", "**Prerequisites:**\n- A terminal"))[0]
    shell = next(p for p in role.phases if p.number == 1)
    assert [s.label for s in shell.subsections] == ["Prerequisites", "Projects"]
