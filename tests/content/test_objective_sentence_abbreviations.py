"""A phase's objective taken from its first sentence ends at that sentence's end, not at the point of an
abbreviation inside it ('ch. 3', 'etc. before', 'the U.S. market')."""

from __future__ import annotations

import pytest

from tests.content.helpers import parse_body

PLAN = "## Phase 1: Bread (Weeks 1-2)\n\n{prose}\n\n- kneading\n\n## Phase 2: Pastry (Weeks 3-4)\n\n- lamination\n"


@pytest.mark.parametrize(
    ("prose", "objective"),
    [
        ("Read ch. 3 of the baking book first. Then bake.", "Read ch. 3 of the baking book first."),
        ("Work through pp. 10-40 slowly. Then bake.", "Work through pp. 10-40 slowly."),
        (
            "Buy flour, yeast, salt etc. before the first class. Then bake.",
            "Buy flour, yeast, salt etc. before the first class.",
        ),
        ("Learn the U.S. cup measures by heart. Then bake.", "Learn the U.S. cup measures by heart."),
        ("Proof the dough for approx. 2 hours. Then bake.", "Proof the dough for approx. 2 hours."),
        ("Bake a loaf every day. Then rest.", "Bake a loaf every day."),
        ("Learn Node.js basics. Then bake.", "Learn Node.js basics."),
        ("Buy flour, yeast, salt etc. Then bake.", "Buy flour, yeast, salt etc."),
        ("Knead by hand, e.g. ten minutes. Then bake.", "Knead by hand, e.g. ten minutes."),
    ],
)
def test_the_objective_is_the_first_sentence_whole(prose: str, objective: str) -> None:
    role, _ = parse_body(PLAN.format(prose=prose))
    assert role.phases[0].objective == objective
    assert role.phases[0].body[0].md == prose
