"""Relative links and relative images in a file without baseUrl: one warning for the file, which the one fix
(baseUrl) silences, on the line of the first of them."""

from __future__ import annotations

from bot.content.loader import parse_bytes
from tests.content.helpers import role_file

BODY = """
# Pottery

## Phase 1: Wedging (Weeks 1-2)

- [Clay types](notes/clay.md)
- ![a spiral wedge](img/spiral.png) Spiral wedging
- [Kiln log](../kiln.md)

## Checklist

- [ ] Wedge [a kilo](notes/kilo.md) of stoneware
"""


def test_relative_links_and_images_are_one_warning_on_the_first_line() -> None:
    text = role_file(body=BODY)
    role, problems = parse_bytes(text.encode(), "pottery.md")
    assert role is not None
    (warning,) = [p for p in problems if p.severity == "warning"]
    assert warning.message == (
        "3 relative links are shown as plain text and 1 relative image as its alt text: add 'baseUrl: https://…' "
        "to the front-matter to make them clickable, or use full URLs"
    )
    assert warning.line == text.split("\n").index("- [Clay types](notes/clay.md)") + 1
    assert [t.text for t in role.phases[0].topics] == ["Clay types", "a spiral wedge Spiral wedging", "Kiln log"]


def test_an_image_first_names_its_line() -> None:
    body = "\n## Phase 1: Glazes (Weeks 1-2)\n\n![test tiles](img/tiles.png)\n\n- [Recipes](glazes.md)\n"
    text = role_file(body=body)
    _, problems = parse_bytes(text.encode(), "glazes.md")
    (warning,) = problems
    assert warning.message.startswith("1 relative link is shown as plain text and 1 relative image as its alt text")
    assert warning.line == text.split("\n").index("![test tiles](img/tiles.png)") + 1


def test_a_base_url_links_them_all_without_a_warning() -> None:
    text = role_file(body=BODY, extra="baseUrl: https://example.org/pottery/\n")
    role, problems = parse_bytes(text.encode(), "pottery.md")
    assert role is not None
    assert problems == []
    assert role.phases[0].topics[0].text == "[Clay types](https://example.org/pottery/notes/clay.md)"


def test_one_relative_link_alone_is_said_in_the_singular() -> None:
    body = "\n## Phase 1: Glazes (Weeks 1-2)\n\n- [Recipes](glazes.md)\n"
    _, problems = parse_bytes(role_file(body=body).encode(), "glazes.md")
    (warning,) = problems
    assert warning.message == (
        "1 relative link is shown as plain text: add 'baseUrl: https://…' to the front-matter to make it clickable, "
        "or use full URLs"
    )
