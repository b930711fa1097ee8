"""Plans that count weeks first, then months, at one level ('## Week 1: Meet the team', '## Week 2: First ticket', '##
Second Month: Own a feature'), as 30-60-90 onboarding plans do: one plan, its months counted in weeks."""

from __future__ import annotations

from tests.content.helpers import errors, parse_body, phase_spans, warnings

THIRTY_SIXTY_NINETY = """
# Onboarding as a new engineer

## Week 1: Meet the team
- Meet your manager and your buddy
- [ ] Set up your laptop

## Week 2: First ticket
- [ ] Fix a small bug

## Second Month: Own a feature
- [ ] Ship a feature behind a flag

## Third Month: Lead
- [ ] Run a design review
"""


def test_weeks_then_months_at_one_level_are_one_plan_counted_in_weeks() -> None:
    role, problems = parse_body(THIRTY_SIXTY_NINETY)
    assert errors(problems) == []
    assert phase_spans(role) == [
        (1, "Meet the team", (1, 1)),
        (2, "First ticket", (2, 2)),
        (3, "Own a feature", (5, 8)),
        (4, "Lead", (9, 12)),
    ]
    assert [(item.text, item.phase) for item in role.checklist][2:] == [
        ("Ship a feature behind a flag", 3),
        ("Run a design review", 4),
    ]
    # the rest of the first month is no phase's: the author is told so
    assert [w for w in warnings(problems) if "weeks 3-4" in w]


def test_a_month_that_comes_back_to_weeks_already_planned_stays_a_section() -> None:
    body = "# Log\n\n## Week 1: A\n- a\n\n## Week 2: B\n- b\n\n## Month 1 review\n- c\n"
    role, problems = parse_body(body)
    assert errors(problems) == []
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2)]
    assert "Month 1 review" in [s.title for s in role.sections]


def test_days_then_weeks_at_one_level_are_one_plan_counted_in_weeks() -> None:
    body = (
        "# Onboarding\n\n## Days 1-7: Foundation\n- [ ] Security training\n\n## Weeks 2-4: Immersion\n"
        "- [ ] Review five pull requests\n\n## Days 31-60: Contribution\n- [ ] Own a small feature\n\n"
        "## Days 61-90: Integration\n- [ ] Lead a small project\n"
    )
    role, problems = parse_body(body)
    assert problems == []
    # days 61-90 start in the week days 31-60 end in: they start the week after, as days do in a plan of days
    assert phase_spans(role) == [
        (1, "Foundation", (1, 1)),
        (2, "Immersion", (2, 4)),
        (3, "Contribution", (5, 9)),
        (4, "Integration", (10, 13)),
    ]


def test_a_roadmap_of_a_week_some_weeks_then_months_is_one_plan() -> None:
    body = (
        "# Review\n\n## Next steps\n\n### Week 1 - Clean up\n\n1. Fix the totals.\n\n### Weeks 2-4 - Grow\n\n"
        "1. Add pages.\n\n### Months 2-3 - Earn\n\n1. Join programs.\n\n## Appendix\n\nNotes.\n"
    )
    role, problems = parse_body(body)
    assert errors(problems) == []
    assert phase_spans(role) == [(1, "Clean up", (1, 1)), (2, "Grow", (2, 4)), (3, "Earn", (5, 12))]
    assert "Notes." not in [s.text for s in role.sections if s.phase == 3]
