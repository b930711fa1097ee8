"""Split raw HTML into its tags and text with the standard library's parser, for `bot.content.markdown` to read.

Imported only when a file has an HTML block: the parser's import costs a file without HTML nothing.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import NamedTuple


class Token(NamedTuple):
    """A start tag, an end tag or a run of text, and the line (from 1) of the HTML it starts on.

    kind: "start", "end" or "text"; value: the tag's name (lower case) or the text (entities unescaped);
    href: a start tag's `href` attribute (unescaped), or an '<img>' tag's `src`, or None; alt: an '<img>' tag's `alt`
    attribute, or None; attrs: the other attributes the reader reads of a start tag (`_READ`), by name, a name alone
    ('checked') with None."""

    kind: str
    value: str
    href: str | None
    line: int
    alt: str | None = None
    attrs: dict[str, str | None] | None = None


# Attributes the reader reads beyond `href`: a cell's 'colspan', a checkbox's 'type' and 'checked', a list's 'start'.
_READ = frozenset({"colspan", "type", "checked", "start"})


class _Tokens(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[Token] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            found = dict(attrs)
            self.tokens.append(Token("start", tag, found.get("src"), self.getpos()[0], found.get("alt")))
            return
        href = next((value for name, value in attrs if name == "href"), None)
        read = {name: value for name, value in attrs if name in _READ} or None
        self.tokens.append(Token("start", tag, href, self.getpos()[0], attrs=read))

    def handle_endtag(self, tag: str) -> None:
        self.tokens.append(Token("end", tag, None, self.getpos()[0]))

    def handle_data(self, data: str) -> None:
        self.tokens.append(Token("text", data, None, self.getpos()[0]))


def html_tokens(text: str) -> list[Token]:
    """Return the tags and text of a piece of HTML in order (comments, declarations and the like are left out)."""
    parser = _Tokens()
    parser.feed(text)
    parser.close()
    return parser.tokens
