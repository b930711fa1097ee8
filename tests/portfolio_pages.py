"""Reading a portfolio page (or Markdown rendered to HTML) the way a person sees it, for the portfolio tests.

`read_page` parses HTML with the standard library's parser, as a browser would read the markup: which tags
and attributes it holds, the links, and the text of each part the portfolio marks with a class.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Page:
    """What a parsed page holds."""

    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    links: list[tuple[str | None, str]] = field(default_factory=list)  # (href, text)
    by_class: dict[str, list[str]] = field(default_factory=dict)  # class -> texts of those elements
    by_tag: dict[str, list[str]] = field(default_factory=dict)  # tag -> texts of those elements

    @property
    def tag_names(self) -> set[str]:
        return {name for name, _ in self.tags}

    def texts(self, cls: str) -> list[str]:
        return self.by_class.get(cls, [])


_VOID = {"meta", "br", "img", "hr", "input", "link"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.open: list[tuple[str, str | None, list[str]]] = []  # tag, class, text parts

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.page.tags.append((tag, attributes))
        if tag not in _VOID:
            self.open.append((tag, attributes.get("class"), []))
            if tag == "a":
                self.page.links.append((attributes.get("href"), ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            name, cls, parts = self.open.pop()
            text = "".join(parts)
            self.page.by_tag.setdefault(name, []).append(text)
            if cls:
                self.page.by_class.setdefault(cls, []).append(text)
            if name == "a" and self.page.links:
                href, _ = self.page.links[-1]
                self.page.links[-1] = (href, text)
            if self.open:
                self.open[-1][2].append(text)
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.open:
            self.open[-1][2].append(data)


def read_page(markup: str) -> Page:
    """Parse HTML into the tags, links and texts a reader of the page sees."""
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    while reader.open:  # elements the markup left open (html, body) end with the document
        reader.handle_endtag(reader.open[0][0])
    return reader.page
