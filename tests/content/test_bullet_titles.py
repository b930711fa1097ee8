"""Titles of bullets as resource lists and notes write them: a resource's link followed by a short note of what it
is or costs ('[Pro Git](…) (free)', '<sup>FREE</sup>', as DevOps and awesome lists write them) is titled by the link's
text, the note staying in what it shows; a label over a sentence ('**Tip:** Always …, and …') titles nothing alone."""

from __future__ import annotations

import pytest

from bot.content.ids import checklist_item_id
from bot.content.models import Role
from tests.content.helpers import parse_body


def topics(role: Role) -> list[tuple[str, str]]:
    return [(s.title, s.text) for s in role.sections if s.kind == "topic"]


@pytest.mark.parametrize(
    ("bullet", "title", "shown"),
    [
        (
            "[Pro Git Book](https://git-scm.com/book/en/v2) <sup>FREE</sup>",
            "Pro Git Book",
            "[Pro Git Book](https://git-scm.com/book/en/v2) (FREE)",
        ),
        # a platform tells two courses of one name apart: it stays
        ("[Docker Mastery](https://example.com/d) <sup>Udemy course</sup>", "Docker Mastery (Udemy course)", None),
        ("[Machine Learning](https://example.com/ml) (Coursera)", "Machine Learning (Coursera)", None),
        ("[Learn Git Branching](https://example.com/b) (free)", "Learn Git Branching", None),
        ("[Go by Example](https://gobyexample.com/) [free]", "Go by Example", None),
        ("[The Rust Book](https://example.com/r) `free`", "The Rust Book", None),
        ("[Kubernetes Up and Running](https://example.com/k) *(book)*", "Kubernetes Up and Running", None),
        ("[PortSwigger Academy](https://example.com/p) (free, excellent)", "PortSwigger Academy", None),
        # words after the link may be its title's: they stay, and so does a note that names something
        ("[The Missing Semester](https://example.com/m) (MIT)", "The Missing Semester (MIT)", None),
        ("[SICP](https://example.com/s) by Abelson and Sussman", "SICP by Abelson and Sussman", None),
        ("[React](https://react.dev) hooks and state", "React hooks and state", None),
        # a superscript of the word before it is no note
        ("[E = mc](https://example.com/e)<sup>2</sup> explained", "E = mc2 explained", None),
    ],
)
def test_a_note_after_a_resources_link_is_no_part_of_its_title(bullet: str, title: str, shown: str | None) -> None:
    role, _ = parse_body(f"# Resources\n\n## Books\n\n- {bullet}\n")
    [(found_title, text)] = topics(role)
    assert found_title == title
    if shown is not None:
        assert text == shown


@pytest.mark.parametrize(
    ("bullet", "title"),
    [
        # a sentence after a label is the bullet's words, not details listed under the label
        (
            "**Tip:** Always write the test before the code, and keep each test small.",
            "Tip: Always write the test before the code, and keep each test small.",
        ),
        ("**Git:** branches, merges, rebase", "Git"),
        ("Databases: PostgreSQL, MySQL, and MongoDB.", "Databases"),
        ("Late days: 4 per quarter, at most 2 per assignment.", "Late days"),
        # a list whose last detail is long is still a list
        ("**Tools:** Git, GitHub, and a code editor such as VS Code or Vim.", "Tools"),
        ("Basics: variables, loops, and how to read the error messages of the interpreter.", "Basics"),
    ],
)
def test_a_label_over_a_sentence_titles_nothing_alone(bullet: str, title: str) -> None:
    role, _ = parse_body(f"# Notes\n\n## Habits\n\n- {bullet}\n")
    [(found_title, _)] = topics(role)
    assert found_title == title


@pytest.mark.parametrize(
    ("item", "text"),
    [
        ("Solve x <sup>2</sup>+1 = 0", "Solve x 2+1 = 0"),
        ("Read <sup>new</sup>er docs", "Read newer docs"),
        ("Read [Pro Git](https://git-scm.com/book) <sup>free</sup>, chapters 1-3", "Read Pro Git (free), chapters 1-3"),
    ],
)
def test_a_superscript_that_the_words_after_it_join_is_no_note(item: str, text: str) -> None:
    # the item keeps the words, and so the ID, it had before spaced notes were read
    role, _ = parse_body(f"# Plan\n\n## Tasks\n\n- [ ] {item}\n")
    [found] = role.checklist
    assert found.text == text
    assert found.id == checklist_item_id(text)


def test_a_bare_url_alone_is_titled_by_its_address_and_stays_a_link() -> None:
    role, _ = parse_body(
        "## Week 1: Containers\n\n- https://painless-containers.example.com/\n"
        "- http://www.shipping-guide.example.org/docs/intro.html\n"
    )
    assert [t.title for t in role.phases[0].topics] == [
        "painless-containers.example.com",
        "shipping-guide.example.org/docs/intro.html",
    ]
    assert [title for title, _ in topics(role)] == [t.title for t in role.phases[0].topics]
    assert "https://painless-containers.example.com/" in role.phases[0].topics[0].text
