"""Bold phase lines, some with words after the bold and some alone ('**Week 1: Knots** — tie them blind.', then
'**Week 2: Sails**'): each is a phase, as where all of them are written one way."""

from __future__ import annotations

from tests.content.helpers import errors, parse_body, phase_spans, warnings


def test_a_bold_week_with_words_after_it_among_bold_weeks_alone() -> None:
    role, problems = parse_body(
        """
## Sailing Plan

**Week 1: Knots** — tie them blind.

- Bowline
- Cleat hitch

**Week 2: Sails**

- Reefing

**Week 3: Docking**

- Springs
"""
    )
    assert errors(problems) == []
    assert warnings(problems) == []
    assert phase_spans(role) == [(1, "Knots", (1, 1)), (2, "Sails", (2, 2)), (3, "Docking", (3, 3))]
    assert role.phases[0].objective == "tie them blind."
    assert [t.title for t in role.phases[0].topics] == ["Bowline", "Cleat hitch"]
    assert [t.title for t in role.phases[1].topics] == ["Reefing"]


def test_a_later_bold_phase_with_words_after_it() -> None:
    role, problems = parse_body(
        """
**Phase 1: Hull (Weeks 1-2)**

- Osmosis checks

**Phase 2: Rigging (Weeks 3-4)**: stays and shrouds.

- Tension gauges
"""
    )
    assert errors(problems) == []
    assert phase_spans(role) == [(1, "Hull", (1, 2)), (2, "Rigging", (3, 4))]
    assert [t.title for t in role.phases[1].topics] == ["Tension gauges"]
