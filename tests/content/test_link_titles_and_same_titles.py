"""Titles of bullets and rows made of links, as public "build your own X", system-design and course lists write them,
and what a learner finds first when a bullet repeats a section's title."""

from __future__ import annotations

from bot.content.loader import parse_bytes
from bot.content.models import Role, Section
from bot.content.search import SearchIndex
from tests.content.helpers import role_file

ROLE = "role-0"
BULLETS = ("topic", "checklist")


def load(body: str) -> Role:
    role, problems = parse_bytes(role_file(ROLE, body=body).encode(), f"{ROLE}.md")
    assert role is not None, problems
    return role


def hits(body: str, query: str) -> list[tuple[str, str]]:
    """(title, the heading a bullet is under, or '' for a heading) of each hit, best first."""
    found = SearchIndex([load(body)])
    return [(h.section.title, h.section.path[-1] if h.section.kind in BULLETS else "") for h in found.search(query)]


def topics(role: Role, heading: str) -> list[Section]:
    return [s for s in role.sections if s.kind == "topic" and s.path[-1] == heading]


# A table of contents whose link texts are formatted as their headings are (a code span, bold, emphasis).
FORMATTED_CONTENTS = """
## Contents

* [Build your own `Shell`](#build-your-own-shell)
* [Build your own **Git**](#build-your-own-git)
* [Build your own *Docker*](#build-your-own-docker) · [`Redis`](#build-your-own-redis)

## Build your own `Shell`

* **C**: [Write a Shell in C](https://example.org/1)

## Build your own Git

* **Python**: [Write yourself a Git](https://example.org/2)

## Build your own Docker

* **Go**: [Containers from scratch](https://example.org/3)

## Build your own Redis

* `redis-cli` basics, see [the Redis section](#build-your-own-redis)
"""


def test_a_bullet_of_only_in_page_links_is_no_topic_whatever_its_link_text_is_formatted_as():
    role = load(FORMATTED_CONTENTS)
    assert topics(role, "Contents") == []
    assert "Contents" not in {s.title for s in role.sections}
    # the section itself is what "shell" finds, once: its tutorial above it (a title that holds the word)
    assert hits(FORMATTED_CONTENTS, "shell") == [
        ("C: Write a Shell in C", "Build your own Shell"),
        ("Build your own Shell", ""),
    ]
    assert hits(FORMATTED_CONTENTS, "build your own docker")[0] == ("Build your own Docker", "")
    # a code span outside the links is words of the bullet's own: a topic, its link kept as text
    assert [s.title for s in topics(role, "Build your own Redis")] == ["redis-cli basics, see the Redis section"]


LANGUAGES = """
## Build your own Database

* **C**: [Let's Build a Simple Database](https://example.org/1)
* **Go**: [Build Your Own Database from Scratch: Persistence, Indexing, Concurrency](https://example.org/2)
* **Tools**: [SQLite](https://example.org/3), [DuckDB](https://example.org/4)
"""


def test_a_language_tagged_links_title_keeps_the_links_own_colon_and_commas():
    role = load(LANGUAGES)
    assert [s.title for s in topics(role, "Build your own Database")] == [
        "C: Let's Build a Simple Database",
        "Go: Build Your Own Database from Scratch: Persistence, Indexing, Concurrency",
        "Tools",  # a list of links after the colon is its details, as a list of words is
    ]
    assert hits(LANGUAGES, "database from scratch")[0] == (
        "Go: Build Your Own Database from Scratch: Persistence, Indexing, Concurrency",
        "Build your own Database",
    )


COURSES = """
## Core systems

Courses | Duration | Effort
:-- | :--: | :--:
[From Nand to Tetris](https://www.coursera.org/learn/build-a-computer) ([alternative](https://www.nand2tetris.org/)) | 6 weeks | 7-13 hours/week
[Calculus 1A](https://example.org/calc) ([alternative](https://ocw.mit.edu/18-01sc)) | 13 weeks | 6-10 hours/week

## Reading

- [Operating Systems: Three Easy Pieces](https://example.org/ostep) ([mirror](https://example.org/m), [PDF](https://example.org/p))
- [Crafting Interpreters](https://example.org/ci) ([alternative](https://example.org/alt)) — a free book
- [The Missing Semester](https://example.org/ms) (MIT)
"""


def test_a_second_link_in_brackets_after_a_courses_link_is_no_part_of_its_title():
    role = load(COURSES)
    rows = topics(role, "Core systems")
    assert [s.title for s in rows] == ["From Nand to Tetris", "Calculus 1A"]
    # the alternative is still there to follow
    assert "[alternative](https://www.nand2tetris.org/)" in rows[0].text
    assert [s.title for s in topics(role, "Reading")] == [
        "Operating Systems: Three Easy Pieces",
        "Crafting Interpreters",
        "The Missing Semester (MIT)",  # a note in brackets is no link: part of the title
    ]
    assert hits(COURSES, "nand to tetris")[0] == ("From Nand to Tetris", "Core systems")
    assert hits(COURSES, "calculus")[0] == ("Calculus 1A", "Core systems")


NEXT_STEPS = """
## Next steps

- **Availability** vs **consistency**
- Latency vs throughput
- [ ] Latency vs throughput

## Availability vs consistency

You can only pick two of three.

## Latency vs throughput

Latency is time; throughput is rate.
"""


def test_a_section_ranks_above_a_bullet_of_its_title_for_one_word_of_it_too():
    for query, section in [
        ("availability", "Availability vs consistency"),
        ("consistency", "Availability vs consistency"),
        ("availability vs consistency", "Availability vs consistency"),
        ("latency", "Latency vs throughput"),
        ("throughput", "Latency vs throughput"),
    ]:
        found = hits(NEXT_STEPS, query)
        assert found[0] == (section, ""), (query, found)
        assert (section, "Next steps") in found[1:], (query, found)  # the bullet is still found, below it


def test_a_bullet_on_the_path_ranks_as_before_beside_a_reference_section_of_its_title():
    # a phase's bullet is where the path teaches it; a section after the plan, of the same title, is reference
    body = (
        "## Phase 1: Foundations (Weeks 1-4)\n- Load balancing\n- Caching strategies\n\n"
        "## Phase 2: Scale (Weeks 5-8)\n- Sharding\n\n## Appendix\n\n### Load balancing\n\nRound robin and more.\n"
    )
    role = load(body)
    found = SearchIndex([role]).search("balancing")
    assert [(h.section.title, h.section.kind) for h in found][:2] == [
        ("Load balancing", "topic"),
        ("Load balancing", "section"),
    ]
