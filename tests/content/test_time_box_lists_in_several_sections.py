"""A plan written as lists of time boxes under several headings ('## Strings' then '## Keys', each '* Chords (2
weeks)' …) is read whole: every such list's items are phases, one after the other in the file's order, none left
out of the weeks."""

from __future__ import annotations

from tests.content.helpers import parse_messages, phase_spans

TWO = """# Music Year

## Strings

* Chords (2 weeks)
* Scales (2 weeks)
* Songs (4 weeks)

## Keys

* Posture (1 week)
* Arpeggios (2 weeks)
* Pieces (3 weeks)
"""


def test_every_list_of_time_boxes_is_part_of_the_plan():
    role, problems = parse_messages(TWO)
    assert phase_spans(role) == [
        (1, "Chords", (1, 2)),
        (2, "Scales", (3, 4)),
        (3, "Songs", (5, 8)),
        (4, "Posture", (9, 9)),
        (5, "Arpeggios", (10, 11)),
        (6, "Pieces", (12, 14)),
    ]
    assert not [m for m in problems if "no phases found" in m]


def test_a_short_list_of_time_boxes_beside_a_plan_list_stays_text():
    role, _ = parse_messages(TWO.replace("* Pieces (3 weeks)\n", ""))
    assert [p.title for p in role.phases] == ["Chords", "Scales", "Songs"]
