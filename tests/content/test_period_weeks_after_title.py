"""A month heading that gives its weeks in brackets after its title: those weeks are the phase's."""

from bot.content.phases import read_phase_heading
from bot.handlers.learning import phase_body
from tests.content.helpers import parse_body, warnings


def test_a_month_whose_last_weeks_are_fewer_keeps_its_weeks():
    # a ten-week plan in three months: the third month is two weeks long
    body = (
        "# Stats before models\n\n"
        "## 📅 MONTH 1 – Groundwork (Weeks 1–4)\n\n### Week 1: Sets\n- Set notation\n\n"
        "## 📅 MONTH 2 – Core (Weeks 5–8)\n\n### Week 5: Sampling\n- Draw samples\n\n"
        "## 📅 MONTH 3 – Capstone & Review (Weeks 9–10)\n\n### Week 9: Case study\n- Fit a line by hand\n\n"
        "### Week 10: Recap\n- Explain each step\n"
    )
    role, problems = parse_body(body)
    assert [(p.title, p.weeks) for p in role.phases] == [
        ("Groundwork", (1, 4)),
        ("Core", (5, 8)),
        ("Capstone & Review", (9, 10)),
    ]
    assert "Fit a line by hand" in phase_body(role.phases[2])
    assert warnings(problems) == []


def test_weeks_outside_the_month_are_still_a_second_span():
    found = read_phase_heading("Month 2: Core (Weeks 3-4)")
    assert found is not None and found.title == "Core (Weeks 3-4)"
    role, problems = parse_body("# T\n\n## Month 1: A\n- a\n\n## Month 2: B (Weeks 3-4)\n- b\n")
    assert [p.title for p in role.phases] == ["A"]
    assert any("two spans" in w for w in warnings(problems))
