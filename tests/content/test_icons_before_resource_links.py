"""An icon that marks what kind of resource a bullet's link is ('📖 [Pro Git](…) - the free book', '🌐 **[Awesome
Certificates](…)** - Dev Course Indexes', as awesome lists and link indexes write them) is no word of its title:
the bullet is titled as it is without the icon, by the link's text; what it shows keeps the icon."""

from __future__ import annotations

import re

import pytest

from tests.content.helpers import parse_body

LINKS = (
    "## Resources\n\n"
    "- 📖 [Pro Git](https://git-scm.com/book) - the free book\n"
    "- 🌐 **[Awesome Certificates](https://example.org/certs)** - Dev Course Indexes\n"
    "- ↪️ **[Coding Tutorials](https://example.org/tutorials)**\n"
    "- 🎥 [CS50](https://cs50.harvard.edu) (free)\n"
    "- ⭐ **[SQLBolt](https://sqlbolt.com/)** or [Select Star SQL](https://selectstarsql.com/) - SQL lessons\n"
)
WITHOUT_ICONS = re.sub(r"^- \S+ ", "- ", LINKS, flags=re.MULTILINE)


@pytest.mark.parametrize("title", ["Pro Git", "Awesome Certificates", "Coding Tutorials", "CS50"])
def test_a_resource_bullet_is_titled_without_the_icon_before_its_link(title: str) -> None:
    role, _ = parse_body(LINKS)
    assert title in [s.title for s in role.sections]


def test_each_bullet_is_titled_as_it_is_without_its_icon() -> None:
    role, _ = parse_body(LINKS)
    plain, _ = parse_body(WITHOUT_ICONS)
    assert [s.title for s in role.sections] == [s.title for s in plain.sections]


def test_the_icon_stays_in_what_the_bullet_shows() -> None:
    role, _ = parse_body(LINKS)
    shown = {s.title: s.text for s in role.sections}
    assert shown["Pro Git"] == "📖 [Pro Git](https://git-scm.com/book) - the free book"
    assert shown["Awesome Certificates"].startswith("🌐 **[Awesome Certificates](https://example.org/certs)**")


def test_an_icon_before_words_other_than_a_link_stays_in_the_title() -> None:
    role, _ = parse_body("## Notes\n\n- 🛠 Build a CLI\n- 📌 Pin your versions\n")
    assert [s.title for s in role.sections][-2:] == ["🛠 Build a CLI", "📌 Pin your versions"]
