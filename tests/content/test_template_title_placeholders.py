"""A week of a template not filled in ('## Week 2 - [Topic]', '## Week 3 ([Your Topic Here])') is untitled: /phase
names it by its week as written ('Week 2'), as a template's place for dates ('## Week 1: [Date Range]') is no title
either. A title that uses such words among others ('Subject matter experts') is kept."""

from __future__ import annotations

from tests.content.helpers import parse_body, phase_spans


def test_a_template_place_for_a_title_is_no_title():
    role, problems = parse_body(
        "# Plan\n\n## Week 1 - Kitchen knives\n- a\n\n## Week 2 - [Topic]\n- b\n\n## Week 3 ([Your Topic Here])\n- c\n"
        "\n## Week 4: Subject matter experts\n- d\n\n## Week 5 - [Knife sharpening]\n- e\n"
    )
    assert phase_spans(role) == [
        (1, "Kitchen knives", (1, 1)),
        (2, "Week 2", (2, 2)),
        (3, "Week 3", (3, 3)),
        (4, "Subject matter experts", (4, 4)),
        (5, "Knife sharpening", (5, 5)),
    ]
    assert not [p for p in problems if p.severity == "error"]


def test_words_that_say_where_to_write_need_a_word_of_what_to_be_a_placeholder():
    role, _ = parse_body(
        "# Plan\n\n## Week 1 (Start Here)\n- a\n\n## Week 2 [Insert Topic]\n- b\n\n## Week 3 (Your Turn)\n- c\n"
    )
    assert [p.title for p in role.phases] == ["Start Here", "Week 2", "Your Turn"]
