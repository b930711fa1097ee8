"""A Jupyter Book (MyST) page's grid of cards ('::::{grid} 1 1 2 2' holding ':::{grid-item-card}' blocks with
':link:' and ':class-header:' options, a header above '^^^' and a footer below '+++') shows its cards' words:
each header as a bold label over its bullets, without the directives' options, separators or fences, also for a
card the grid's fence closes, and for a bare fence left over in the page."""

from __future__ import annotations

from tests.content.helpers import parse_body

PAGE = """
# Before you start

## What you need

:::

::::{grid} 1 1 2 2
:gutter: 2

:::{grid-item-card}
:link: setup/shell
:link-type: doc
:class-header: bg-light

Shell basics 🐚
^^^

- moving around the file tree
- pipes and redirection

+++
About an evening
:::

:::{grid-item-card}
:class-header: bg-light

Editor ✍️
^^^

- one editor you know well
- its search and replace

::::

## Next steps

- Read the first chapter
"""


def text_of(title: str) -> str:
    role, _ = parse_body(PAGE)
    return next(s.text for s in role.sections if s.title == title)


def test_a_grid_of_cards_shows_each_cards_header_and_bullets() -> None:
    lines = text_of("What you need").splitlines()
    assert [ln for ln in lines if ln.strip()] == [
        "**Shell basics 🐚**",
        "- moving around the file tree",
        "- pipes and redirection",
        "About an evening",
        "**Editor ✍️**",
        "- one editor you know well",
        "- its search and replace",
    ]


def test_no_option_separator_or_fence_is_shown() -> None:
    text = text_of("What you need")
    assert ":link" not in text and ":class-header" not in text and ":gutter" not in text
    assert "^^^" not in text and "+++" not in text and ":::" not in text


def test_many_cards_left_open_one_after_another_load_and_keep_their_words() -> None:
    body = "".join(f":::{{grid-item-card}} Card {n}\n- step {n}\n" for n in range(600))
    role, problems = parse_body("# Cards\n\n" + body)
    assert not [p for p in problems if p.severity == "error"]
    shown = " ".join(s.text for s in role.sections)
    assert "step 0" in shown and "step 599" in shown
    assert ":::" not in shown
