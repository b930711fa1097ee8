"""A week of day headings whose topics are too long to list is titled by its first and last topic; a day with no
topic of its own ('## Day 8') gives none, so the title never opens or ends with an empty topic ('… Warp')."""

from __future__ import annotations

from tests.content.helpers import parse_messages

LONG = "a long afternoon of setting up the loom and threading every heddle by hand"


def test_a_long_week_is_titled_by_its_first_and_last_topics_of_words():
    body = "# Looms\n\n" + "".join(
        f"## Day {d}\n\n- [ ] Step {d}\n\n" if d in (1, 7, 8) else f"## Day {d}: Part {d}, {LONG}\n\n- [ ] Step {d}\n\n"
        for d in range(1, 10)
    )
    role, _ = parse_messages(body)
    assert [p.title for p in role.phases] == [
        f"Part 2, {LONG} … Part 6, {LONG}",
        f"Part 9, {LONG}",
    ]
