"""A line of marks alone under a phase heading ('--' between an author's tables, '***' typed as a divider) says
nothing of the phase: it is no objective, and the phase's first sentence of words still is."""

from __future__ import annotations

from tests.content.helpers import parse_body


def test_a_line_of_dashes_is_no_objective() -> None:
    role, _ = parse_body("## Week 1: Basics\n\n--\n\n- shell\n\n## Week 2: More\n\n--\n\nLearn to script.\n\n- bash\n")
    assert [p.objective for p in role.phases] == [None, "Learn to script."]


def test_a_sentence_with_words_stays_the_objective() -> None:
    role, _ = parse_body("## Week 1: Basics\n\nGet comfortable -- slowly.\n\n- shell\n")
    assert role.phases[0].objective == "Get comfortable -- slowly."
