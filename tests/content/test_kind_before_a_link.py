"""A bullet that names the kind of resource before its link ('Video - [CS50](…)', 'Course — [Intro to ML](…)',
'📺 Talk - [Simple Made Easy](…)') is titled by the link's text: the kind names nothing to search for. A topic before
its link ('Pandas - [10 minutes to pandas](…)') stays the title, as before."""

from __future__ import annotations

from tests.content.helpers import parse_body

LINKS = (
    "## Watch and read\n\n"
    "- Video - [CS50](https://cs50.harvard.edu/x/)\n"
    "- Course — [Intro to ML](https://example.org/ml)\n"
    "- 📺 Talk - [Simple Made Easy](https://example.org/talk)\n"
    "- Book – [Crafting Interpreters](https://craftinginterpreters.com/) | [PDF](https://example.org/ci.pdf)\n"
    "- Pandas - [10 minutes to pandas](https://example.org/pandas)\n"
)


def test_a_kind_before_a_link_is_no_title() -> None:
    role, _ = parse_body(LINKS)
    assert [s.title for s in role.sections][3:] == [
        "CS50",
        "Intro to ML",
        "Simple Made Easy",
        "Crafting Interpreters",
        "Pandas",
    ]


def test_the_bullet_still_shows_its_kind() -> None:
    role, _ = parse_body(LINKS)
    shown = {s.title: s.text for s in role.sections}
    assert shown["CS50"] == "Video - [CS50](https://cs50.harvard.edu/x/)"


def test_a_kind_in_brackets_before_a_link_is_no_title() -> None:
    body = (
        "## Reading\n\n"
        "- [Book] [Refactoring](https://example.org/refactoring)\n"
        "- **[Book]** [Clean Code](https://example.org/clean-code)\n"
        "- (Video) [React in 100 seconds](https://example.org/react)\n"
        "- [Draft] [My notes](https://example.org/notes)\n"
    )
    role, _ = parse_body(body)
    assert [s.title for s in role.sections][3:] == [
        "Refactoring",
        "Clean Code",
        "React in 100 seconds",
        "[Draft] My notes",
    ]
