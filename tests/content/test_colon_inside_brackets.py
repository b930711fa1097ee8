"""A bullet's colon inside brackets is no label's colon: 'postorder (DFS: left, right, self)', as interview notes
write a traversal's order, is titled by the whole bullet, never cut inside its brackets ('postorder (DFS')."""

from __future__ import annotations

import pytest

from tests.content.helpers import parse_body

NOTES = (
    "## Trees\n\n- Traversals:\n"
    "    - postorder (DFS: left, right, self)\n"
    "    - level order (BFS, a queue: one level at a time)\n"
    "    - Deque （双端队列：两头进出）\n"
    "- Heaps: sift up (a child: swapped with its parent), sift down\n"
)


@pytest.mark.parametrize(
    "title",
    [
        "postorder (DFS: left, right, self)",
        "level order (BFS, a queue: one level at a time)",
        "Deque （双端队列：两头进出）",
    ],
)
def test_a_colon_inside_brackets_keeps_the_bullet_whole(title: str) -> None:
    role, _ = parse_body(NOTES)
    assert title in [s.title for s in role.sections]


def test_a_label_before_the_brackets_still_titles_its_details() -> None:
    role, _ = parse_body(NOTES)
    titles = [s.title for s in role.sections]
    assert "Traversals" in titles
    assert "Heaps" in titles
    assert not [t for t in titles if t.count("(") != t.count(")") or t.count("（") != t.count("）")]
