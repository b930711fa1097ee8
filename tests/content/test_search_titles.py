"""A section's or phase's own title, typed exactly or nearly (a plural), ranks above a bullet holding the words."""

from __future__ import annotations

from bot.content.loader import parse_bytes
from bot.content.search import SearchIndex
from tests.content.helpers import role_file


def index(*bodies: str) -> SearchIndex:
    roles = []
    for n, body in enumerate(bodies):
        role, problems = parse_bytes(role_file(f"role-{n}", body=body).encode(), f"role-{n}.md")
        assert role is not None, problems
        roles.append(role)
    return SearchIndex(roles)


def titles(found: SearchIndex, query: str) -> list[str]:
    return [h.section.title for h in found.search(query)]


LISTS = "# Prep\n\n## Linked Lists\n- [ ] [Singly Linked Lists (video)](https://example.com/sll)\n- [ ] Doubly-linked List\n"
GRID = (
    "## Week 1: HTML\n- Tags\n\n## Week 2: CSS Grid\n- Named areas\n"
    "- 🎮 [Grid Garden](https://cssgridgarden.com/) · 📖 [CSS Grid guide](https://css-tricks.com/grid/)\n"
)
DOCKER = (
    "## Phase 3: Containers (Weeks 8-11)\n### Learn Docker\n- Images and layers\n\n"
    "| Tool | Use it for |\n|---|---|\n| Docker | Building and running containers |\n| Podman | Daemonless |\n"
)


def test_a_sections_title_in_the_plural_ranks_above_an_item_that_holds_the_words():
    assert titles(index(LISTS), "linked list")[:2] == ["Linked Lists", "Doubly-linked List"]


def test_a_phases_own_title_ranks_above_a_bullet_that_holds_the_words():
    found = index(GRID)
    assert titles(found, "css grid")[0] == "Week 2: CSS Grid"
    # the words of its week are no part of its own title
    assert titles(found, "grid")[0] != "Week 2: CSS Grid"


def test_a_title_typed_word_for_word_ranks_above_one_that_only_shares_its_topic_words():
    found = index(DOCKER)
    assert titles(found, "learn docker")[:2] == ["Learn Docker", "Docker"]
    assert titles(found, "docker")[0] == "Docker"
