"""A phase heading whose brackets hold a note and then its length ('## Phase 2 (3D, 2 weeks)', '## Phase 3 (Shaders,
3 weeks)') takes that length, as one whose length comes first does ('(2 weeks: setup)'); the note stays its title.
A number of dimensions is no length ('(1D, 2D Arrays)'), nor a count inside the title's words."""

from __future__ import annotations

from tests.content.helpers import parse_body, phase_spans


def test_a_length_after_a_note_in_brackets_is_read():
    role, _ = parse_body(
        "# Plan\n\n## Phase 1 (Sprites, 1 week)\n- a\n\n## Phase 2 (3D, 2 weeks)\n- b\n\n"
        "## Phase 3: Lighting (Shaders; 3 weeks)\n- c\n"
    )
    assert phase_spans(role) == [(1, "Sprites", (1, 1)), (2, "(3D)", (2, 3)), (3, "Lighting (Shaders)", (4, 6))]
    assert not any(p.planned for p in role.phases)


def test_dimensions_and_counts_in_words_are_no_length():
    role, _ = parse_body(
        "# Plan\n\n## Phase 1 (1D, 2D Arrays)\n- a\n\n## Phase 2 (Grids, then 2 weeks of review)\n- b\n\n"
        "## Phase 3 (3D, 2 weeks)\n- c\n"
    )
    assert [(p.title, p.planned) for p in role.phases][:2] == [
        ("(1D, 2D Arrays)", True),
        ("Grids, then 2 weeks of review", True),
    ]
    assert role.phases[2].weeks[1] - role.phases[2].weeks[0] == 1
