"""A file whose plan is one list of items that each end with their length ('* Data ingestion (1 week)', '1. Go
fundamentals [3w]'), their nested bullets the topics, is a weekly plan: each item a phase of its length, one after
the other. A list that is not all of such items stays text, with the self-paced warning's hint."""

from __future__ import annotations

from bot.handlers.learning import phase_body
from tests.content.helpers import parse_messages, phase_spans

CAMP = """# Woodworking Camp

material: pine boards

* Introduction & safety (1 week)
    * chisels
    * saws
* Joinery (1 week)
    * dovetails
* Finishing (2-3 weeks)
    * sanding
    * [oil and wax](https://example.com/oil)
* Project [2w]
"""


def test_a_list_of_items_each_ending_with_its_length_is_a_plan_of_those_lengths():
    role, problems = parse_messages(CAMP)
    assert phase_spans(role) == [
        (1, "Introduction & safety", (1, 1)),
        (2, "Joinery", (2, 2)),
        (3, "Finishing", (3, 5)),  # '2-3 weeks' plans three
        (4, "Project", (6, 7)),
    ]
    assert not [m for m in problems if "no phases found" in m]
    assert [t.title for t in role.phases[0].topics] == ["chisels", "saws"]
    assert "- [oil and wax](https://example.com/oil)" in phase_body(role.phases[2]).splitlines()
    assert role.total_weeks == 7


def test_a_numbered_list_of_time_boxes_is_one_too():
    role, _ = parse_messages("# Go\n\n1. Go fundamentals [3w]\n2. HTTP services [3w]\n3. Data (1 month)\n")
    assert phase_spans(role) == [(1, "Go fundamentals", (1, 3)), (2, "HTTP services", (4, 6)), (3, "Data", (7, 10))]


def test_a_list_not_all_of_time_boxes_is_no_plan():
    for body in (
        CAMP.replace("* Joinery (1 week)", "* Joinery"),  # an item without its length
        CAMP.replace("* Joinery (1 week)", "* Joinery (1 week) with a friend"),  # words after it: a sentence
        "# T\n\n* Introduction (1 week)\n* Joinery (1 week)\n",  # two are a note, not a plan
        "# T\n\n- [ ] Sand (1 week)\n- [ ] Oil (1 week)\n- [ ] Wax (1 week)\n",  # tasks with their effort
    ):
        role, problems = parse_messages(body)
        assert role.phases == (), body
        assert [m for m in problems if "no phases found" in m], body


def test_a_list_of_time_boxes_under_phase_headings_stays_their_topics():
    body = "# T\n\n## Phase 1: Wood (Weeks 1-2)\n\n* Saws (1 week)\n* Chisels (1 week)\n* Clamps (1 week)\n"
    role, _ = parse_messages(body)
    assert phase_spans(role) == [(1, "Wood", (1, 2))]
    assert [t.title.split(" (")[0] for t in role.phases[0].topics] == ["Saws", "Chisels", "Clamps"]
