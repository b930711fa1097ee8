"""A picture pasted with the text an editor fills in for it ('![alt text](image.png)', as VS Code writes it;
'![image-20240301101530123](img.png)', as Typora does; '![Pasted image 20230914](…)') names nothing: where it
cannot be linked (a relative file and no baseUrl) it shows nothing, instead of 'alt text' in the middle of a line
and in its bullet's title. A picture whose text describes it, or that can be linked, shows as before."""

from __future__ import annotations

import pytest

from tests.content.helpers import parse_body

NOTES = (
    "## 计算机网络\n\n"
    "- B站-湖科大教书匠\n![alt text](image.png)\n**地址**：https://space.example.org/360996402\n"
    "- Typora notes ![image-20240301101530123](assets/image-20240301101530123.png) on TCP\n"
    "- Obsidian notes ![Pasted image 20230914101010](Pasted%20image%2020230914101010.png) on UDP\n"
    "- A ![histogram of ages](hist.png) to read\n"
    "- A ![alt text](https://example.org/diagram.png) online\n"
)


def titles() -> list[str]:
    role, _ = parse_body(NOTES)
    return [s.title for s in role.sections]


@pytest.mark.parametrize("title", ["Typora notes on TCP", "Obsidian notes on UDP"])
def test_a_pictures_placeholder_text_is_no_word_of_a_title(title: str) -> None:
    assert title in titles()


def test_a_placeholder_on_a_line_of_its_own_leaves_the_lines_around_it() -> None:
    role, _ = parse_body(NOTES)
    shown = next(s.text for s in role.sections if s.title.startswith("B站"))
    assert "alt text" not in shown
    assert "https://space.example.org/360996402" in shown


def test_a_described_or_linked_picture_shows_as_before() -> None:
    assert "A histogram of ages to read" in titles()
    role, _ = parse_body(NOTES)
    assert any("[alt text](https://example.org/diagram.png)" in s.text for s in role.sections)
