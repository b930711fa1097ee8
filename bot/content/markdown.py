"""Read a markdown body with a CommonMark parser into a flat list of the blocks that shape a role file.

The parser is pulldown-cmark (through pyromark): CommonMark with GFM tables, task lists, strikethrough and
footnotes, as a stream of events with source ranges. One pass over the stream turns it into `Block`s in document
order: headings, paragraph lines, list items (with their depth), table rows and code blocks, each with its line
number and its inline content twice: as Discord markdown (`md`: links stay clickable, emphasis stays) and as
clean text (`plain`: for titles, IDs and search). An image shows as its alt text (a link when its URL is absolute),
LaTeX maths as code. What Discord cannot show is dropped: badges and images in links, raw HTML (but for
its headings, a `<details>` block's `<summary>` as one, the lines of a `<p>`, the rows of a `<table>` as a markdown
table's, its `<a href>` links, and the text of an `<aside>` as a quote), the marker of a `> [!TIP]` alert; a
footnote shows in brackets after its mark (read first, in a pass of its own), not where it is written; a
`[[wikilink]]` and an `==highlight==` (Obsidian, Notion, wikis) show as their text, and a GitHub emoji shortcode
(`:rocket:`) as its emoji; an Obsidian callout (`> [!todo] Week 1`) as a quote headed by its title, or as a heading
where its title names a phase, and an Obsidian comment (`%% … %%`), block id (`^id`), embed (`![[a.png]]`) and a
task's trailing tags (`#lab`) not at all. Links are kept when absolute, and a bare URL in the text becomes one (as
GitHub links it); a relative link is resolved against `base_url` or becomes its text; an in-page `#anchor` link (a
table of contents) becomes its text, and a block made of nothing but one is marked `anchor_only`, so it is not taken
for a topic.
"""

from __future__ import annotations

import html
import itertools
import re
import textwrap
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import unquote, urljoin, urlsplit

import pyromark

from bot.content.ids import meaning_words
from bot.content.phases import (
    code_cell,
    only_day,
    outline_heading,
    read_phase_heading,
    status_cell,
    table_row_heading,
    title_cell,
    titles_column_cell,
    uncounted,
    without_trailing_url,
)

if TYPE_CHECKING:
    from bot.content.html_tokens import Token

OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_TASKLISTS
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_FOOTNOTES  # `[^1]` marks and `[^1]: ...` notes: each note is shown after its marks
    | pyromark.Options.ENABLE_WIKILINKS  # `[[Page]]`, `[[Page|shown text]]` (Obsidian, wikis): shown as their text
    | pyromark.Options.ENABLE_GFM  # `> [!NOTE]`, `> [!TIP]` alerts: the marker is read as such, and left out
    | pyromark.Options.ENABLE_MATH  # `$x_i$`, `$$ … $$` (LaTeX): shown as code, as written (see `_Reader._math`)
    # A Hugo page's own '+++' (TOML) block, left under the role's front-matter: its site's settings, hidden
    | pyromark.Options.ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
)
# What is written between the '$'s of shell variables that CommonMark with maths reads as inline maths: a variable's
# name (upper case, as environment variables are: '$HOME/bin:$PATH' is no formula), then a path's characters.
_SHELL_VARIABLES = re.compile(r"\{?[A-Z][A-Z0-9_]++\}?[\w/.:~@ -]*+")  # possessive: no backtracking
# An Obsidian highlight, '==text==' (not the '==' of 'a == b' or 'a==b'): shown as its text.
# A run of bold in literal text ('**《C++ Primer》**'): what CommonMark leaves as asterisks where a run's closing
# marks follow punctuation and a letter follows them, as Chinese and Japanese write bold against their brackets.
_BOLD_RUN = re.compile(r"(?<!\*)\*\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*\*(?!\*)")
# Chinese, Japanese and Korean letters and punctuation (full-width forms too), against which such a run is bold.
_CJK_MARK = re.compile("[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uffef]")


def _cjk_bold_runs(text: str) -> list[tuple[int, int]]:
    """Return the spans of the bold runs CommonMark left as asterisks in literal text that touch Chinese, Japanese
    or Korean text or punctuation on an edge ('看**《C++ Primer》**了', '**Effective C++**这本书'); no others
    ('2 ** 3')."""
    runs = []
    for found in _BOLD_RUN.finditer(text):
        start, end = found.span()
        edges = text[start - 1 : start] + found.group(1)[:1] + found.group(1)[-1:] + text[end : end + 1]
        if _CJK_MARK.search(edges):
            runs.append((start, end))
    return runs


# The text an editor gives a pasted picture, which names nothing: VS Code's 'alt text', Typora's
# 'image-20240301101530123', Obsidian's 'Pasted image 20230914101010', a camera's 'IMG_1234', a bare 'image' or
# 'screenshot' (in a few languages), perhaps with a number, a date or a file's extension.
_PASTED_PICTURE = re.compile(
    r"(?:alt(?:[ _-]?text)?|image|img|pic|picture|photo|screenshot|screen ?shot|pasted image|untitled|undefined"
    r"|图片|截图|截屏|画像|スクリーンショット|이미지)(?:[ _-]*[\d][\d _.:-]*)?(?:\.(?:png|jpe?g|gif|webp|svg|bmp))?",
    re.IGNORECASE,
)
# roadmap.sh's exports open a resource link's text with its kind ('[@official@React docs](…)', '@article@', '@video@').
_RESOURCE_KIND = re.compile(r"@(?:official|article|video|course|podcast|feed|opensource|book|roadmap)@\s*")
_HIGHLIGHT = re.compile(r"(?<![\w=])==(?=[^\s=])(.+?)(?<=[^\s=])==(?![\w=])")
# What Discord would read as markdown in literal text: `*`, `` ` ``, a backslash, `_` at a word's edge, `||`, `~~`.
# Underscores escape as a run where a letter or digit is not on both sides of it ('__init__', a '______' blank to
# fill in): Discord would read a run left half escaped as emphasis or underline.
_ESCAPE = re.compile(r"[\\*`]|(?<!\w)_+|_+(?!\w)|\|\||~~")
_SPACES = re.compile(r"[ \t]+")
_WORD = re.compile(r"[^\W_]")
# A bare URL, as GitHub's autolink extension finds one in text: 'https://…', 'http://…' or 'www.…', up to a blank
# or '<'; the punctuation after it is no part of it (see `_url_end`).
_BARE_URL = re.compile(r"(?<![\w/.@:+\-])(?:https?://|www\.)[^\s<>]+", re.IGNORECASE)
# A GitHub emoji shortcode (':rocket:', ':+1:'), not a time or a ratio ('10:30:45'): shown as its emoji; with the
# attribute list MkDocs Material may give it (':smile:{ .heart }'), which is styling.
_SHORTCODE = re.compile(r"(?<![\w:]):([a-z0-9_+\-]{1,40}):(?![\w:])(\{:?[ \t]*[.#][^{}\n]*\})?")
# The icon sets MkDocs Material names in shortcodes (':material-rocket-launch:', ':octicons-book-24:',
# ':fontawesome-brands-github:', ':simple-python:'): an icon Discord cannot show, no words of the text.
_ICON_SETS = ("material-", "octicons-", "fontawesome-", "simple-")
# An attribute list that kramdown and Python-Markdown's attr_list give the link, image, code or emphasis it is written
# right after ('[Start](…){ .md-button }', '![Map](…){ width="420" }', '[x](…){:target="_blank"}'): styling, no
# words. Only ids, classes and key=value pairs: '{a, b}' or '{{ x }}' are text.
_ATTRIBUTE_PART = r"""(?:[.#][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s{}"']+))"""
_INLINE_ATTRIBUTES = re.compile(rf"\{{:?[ \t]*{_ATTRIBUTE_PART}(?:[ \t]+{_ATTRIBUTE_PART})*[ \t]*\}}")
_MORE_URL = re.compile(rb"[^\s<>]+")  # how a bare URL goes on in the source past the end of its text
_URL_TRAILING = "?!.,:*_~'\";"
_ABSOLUTE = ("http://", "https://", "mailto:")
_HIDDEN = frozenset({"HtmlBlock", "FootnoteDefinition", "MetadataBlock"})
# In raw HTML, what reads as a heading: '<h2>…</h2>', and the '<summary>' of a '<details>' block (a README's
# collapsible 'Week 1' sections); its tags inside are dropped, a '<br>' is a blank.
_HTML_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "summary"})
# A '<summary>' that only says how to open its block ('📂 Click to expand', 'Show more', 'Details ▼', 'Mehr anzeigen'):
# no heading, since it names nothing of what the block holds.
_SUMMARY_PROMPT = re.compile(
    r"[\W_]*(?:(?:click|tap)(?:\s+(?:here|me))?(?:\s+to\s+(?:expand|open|show|see|view|reveal)(?:\s+(?:it|this|more|all))?)?"
    r"|(?:show|see|view|read)\s+(?:more|details|all|contents?)|expand(?:\s+(?:me|all|this|it))?|details|more|toggle"
    r"|mehr\s+anzeigen|aufklappen|zum\s+aufklappen\s+klicken|ver\s+m[aá]s|(?:haz\s+)?clic\s+para\s+(?:expandir|ver))"
    r"[\W_]*",
    re.IGNORECASE,
)
# A heading's word and number at its start ('Sprint 0: Setup', 'Level 2 – Web'), which a file's plan may make a phase.
_WORD_AND_NUMBER = re.compile(r"[\W_]*[^\W\d_]+[ \t]*\d")
# Tags of a block of their own: one ends an open '<p>' (as HTML closes a paragraph there), and parts the text of a
# table cell with a blank ('<td>Two Sum<br>3Sum</td>', '<td><ul><li>a</li><li>b</li></ul></td>').
_HTML_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "div", "dl", "dt"),
        *("fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "li", "main", "nav", "ol"),
        *("section", "ul", "br", "p", "pre", "table"),
        *_HTML_HEADINGS,
    }
)
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")  # an HTML tag's name, opening or closing ('<li>', '</ul>')
# The names of HTML's other elements, besides `_HTML_BLOCK_TAGS`: a tag of none of these names, alone and without
# attributes ('<context>' in 'Given <context>, when <action>'), is a placeholder a template asks to fill in, not HTML.
_HTML_INLINE_TAGS = frozenset(
    {
        *("a", "abbr", "audio", "b", "bdi", "bdo", "big", "body", "button", "canvas", "caption", "cite", "code"),
        *("col", "colgroup", "data", "del", "dfn", "em", "embed", "font", "head", "html", "i", "iframe", "img"),
        *("input", "ins", "kbd", "label", "link", "mark", "meta", "nobr", "noscript", "object", "option", "picture"),
        *("q", "s", "samp", "script", "select", "small", "source", "span", "strike", "strong", "style", "sub"),
        *("summary", "sup", "svg", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title"),
        *("tr", "tt", "u", "var", "video", "wbr"),
    }
)
_PLACEHOLDER_TAG = re.compile(r"<([a-z][a-z0-9-]*|[A-Z][A-Z0-9]*)>")  # '<context>', '<TITLE>'; not '<Tabs>'
# What holds no heading or text of the page: a comment, an example or a script ("<pre><h2>…</h2></pre>"), closed
# or not.
_HTML_NOT_SHOWN = re.compile(
    r"<!--.*?(?:-->|$)|<(pre|script|style|textarea)\b.*?(?:</\1\s*>|$)", re.IGNORECASE | re.DOTALL
)
# A Notion callout, exported as '<aside>💡 text</aside>': its text (markdown, up to the blank line that ends the HTML
# block, or to the closing tag) is shown as a quote.
_ASIDE = re.compile(r"\s*<aside\b[^>]*>(.*?)(?:</aside\s*>\s*)?$", re.IGNORECASE | re.DOTALL)
# A block tag whose text is markdown, as kramdown, Python-Markdown's md_in_html and MkDocs read it ('<div
# class="lesson-content__panel" markdown="1">', '<div class="grid cards" markdown>'): its text up to the blank line
# that ends the HTML block, or to its closing tag, is read as markdown (a lesson's steps as a list).
_MARKDOWN_BLOCK = re.compile(r"\s*<(div|section|article)\b([^>]*)>(.*?)(?:</\1\s*>\s*)?$", re.IGNORECASE | re.DOTALL)
# The attribute that marks such a tag's text as markdown, among the tag's attributes with their quoted values blanked
# ('class="note markdown"' names a class, no such attribute). Looked for apart from the tag: one pattern for both
# would try every 'markdown' of a tag that never closes from every place, in quadratic time.
_MARKDOWN_ATTRIBUTE = re.compile(r"(?<=\s)markdown(?:\s*=\s*[\"']?(?:1|block|true)[\"']?)?(?=[\s/]|$)", re.IGNORECASE)
_QUOTED_VALUE = re.compile(r"=\s*(\"[^\"]*\"|'[^']*')")


def _blank_value(value: re.Match[str]) -> str:
    """Blank a quoted attribute value (`_QUOTED_VALUE`) but one that could be markdown's ('1', 'block', 'true')."""
    return value.group(0) if value.group(1)[1:-1].casefold() in ("1", "block", "true") else "=''"


# A heading's attributes, as Pandoc, kramdown and MkDocs write them after its text ('## Setup {#setup .wide}',
# '{: #setup }'): an anchor for the page, no words of the title. Braces without an id or class ('{a, b}') stay.
_HEADING_ATTRIBUTES = re.compile(r"\s*\{:?\s*\\?[#.][^{}]*\}$")
# A line that only gives the block before it attributes, as kramdown writes it ('{: .no_toc }', '{:toc}').
_ATTRIBUTE_LINE = re.compile(r"\{:[^{}]*\}")
# A Jupyter export's prompt alone on its line ('In [1]:', 'Out[1]:', 'In [ ]:'): it numbers a cell, no words of it.
_PROMPT_LINE = re.compile(r"(?:In|Out) ?\[[\d ]*\]:")
# A badge's image URL (shields.io, badgen, '…/badge.svg', '…/badges/…'): a project's status, no words of the page.
_BADGE = re.compile(r"shields\.io|badgen\.net|badge", re.IGNORECASE)
# A notebook's link: its file ('…/lab1.ipynb') or a notebook service's page of it (Colab, Binder, nbviewer, and
# Kaggle's notebooks, with or without 'www.': 'kaggle.com/code/…', '…/kernels/welcome?src=…', and the older address
# of its author and its name, 'kaggle.com/someone/titanic-eda'; a profile's, a dataset's or a competition's page, or a
# profile's tab, 'kaggle.com/someone/code', is no notebook).
_KAGGLE_PAGES = r"datasets|c|competitions|learn|discussions?|models?|docs|static|account|settings|search|organizations"
_KAGGLE_TABS = r"code|datasets|competitions|discussion|followers|following|models"
_NOTEBOOK_LINK = re.compile(
    r"\.ipynb|//(?:colab\.research\.google\.com/|mybinder\.org/|nbviewer\.(?:org|jupyter\.org)/"
    r"|(?:www\.)?kaggle\.com/(?:code|kernels|notebooks?)/"
    rf"|(?:www\.)?kaggle\.com/(?!(?:{_KAGGLE_PAGES})/)[\w.-]+/(?!(?:{_KAGGLE_TABS})(?:[/?#]|$))[\w.-]+/?(?:[?#]|$))",
    re.IGNORECASE,
)
_HTML_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
# What a table cell holds to say it holds nothing ('| 2 | Midterm | — | Exam |'): such a cell is left out, as an
# empty one is.
_PLACEHOLDER_CELLS = frozenset({"-", "--", "–", "—", "n/a"})
# A line that is one bold run and nothing else ('**Assignment 5:**', '__Assignment 5__:'): a label, as a reader sees
# it, even where CommonMark reads it as a lazy line of the list item above (see `_Reader.line_break`).
_LABEL_LINE = re.compile(r"(\*\*|__)(?=[^\s*_])(?:(?!\1).){1,60}?(?<=[^\s*_])\1[:：]?")
# A line that opens with a bold label ending in a colon and goes on with its text ('**Homework:** a script that …',
# '**Homework**: …'): as much a line of its own as a label alone is.
_LABEL_LEAD = re.compile(r"(\*\*|__)(?=[^\s*_])(?:(?!\1).){1,60}?(?:[:：]\1|(?<=[^\s*_])\1[:：])[ \t]+\S")


# A line that opens as an entry of its own, not as the rest of a sentence: a number that counts ('2. Docker',
# '3) SQL') or a short label ending in a colon ('Goal: …', 'Week 2 - Day 1: …', 'https://…').
_OWN_LINE = re.compile(r"\d+[.)](?:\s|$)|[^\s:：]++(?: [^\s:：]++){0,3}[:：](?:\s|/|$)")
# The last word of a line that leaves its sentence open: an article, a preposition or a conjunction ('… against a'
# then 'Postgres database.').
_OPEN_ENDING_WORDS = (
    "a an the of to in on at by for from with into onto via and or but nor than as about over under between through "
    "using like your our their its this that these those"
)
OPEN_ENDINGS = frozenset(_OPEN_ENDING_WORDS.split())
# How long a line an editor fills runs (Pandoc wraps at 72 columns, Emacs at 70): a line of prose with no room left
# for the next line's first word was wrapped there, one shorter ended where its author ended it.
_FILLED = 70
# The first words of a line that opens a sentence of its own ('Build three small tools.', 'The Odin Project'),
# where a name ('Postgres database.') goes on with the sentence of the line before.
_SENTENCE_OPENING_WORDS = (
    "a an the this that these those it its you your we our they their i then also next now finally first after "
    "before when if once use build install learn read write create make set add run try start practice review "
    "complete finish deploy study watch take pick choose follow go do see check work implement understand explore "
    "get keep configure"
)
_SENTENCE_OPENINGS = frozenset(_SENTENCE_OPENING_WORDS.split())


def names_object(text: str, at: int) -> bool:
    """Return True when the word before position `at` of `text` leaves its sentence open ('request in', 'post to'):
    what comes at `at` ('#access-requests', '`#writeups`') is its object, words of the sentence, not a tag."""
    words = text[:at].rsplit(None, 1)
    return bool(words) and words[-1].lower() in OPEN_ENDINGS


# A column header's numbering mark before its word: '| # Day |' names the column 'Day'.
_HEADER_MARK = re.compile(r"#\s*(?=[^\W\d_])")


# What an Obsidian embed of a file rather than of a note names: its extension.
_EMBEDDED_FILE = re.compile(r"\.(?:png|jpe?g|gif|webp|svg|bmp|avif|pdf|mp3|mp4|webm|ogg|wav|m4a|mov)$", re.IGNORECASE)


def _embedded_file(url: str) -> bool:
    return _EMBEDDED_FILE.search(url.split("#", 1)[0].split("|", 1)[0].strip()) is not None


def _header_name(header: str) -> str:
    """Return a table column's name without a '#' before its word ('# Day' is 'Day'; '#' alone stays)."""
    return _HEADER_MARK.sub("", header, count=1) if header[:1] == "#" else header


class Block(NamedTuple):
    """One block that shapes a role file.

    kind: "heading" (level 1-6), "line" (one line of a paragraph, or a sentence wrapped over several; `depth` > 0
    when it continues a list item),
    "item" (a list item's own text; `depth` 0 at the top; `task` None, False or True), "row" (a table row:
    `cells` of (header, md, plain)), "code" (`md` is the fenced block).
    """

    kind: str
    line: int
    md: str
    plain: str
    level: int = 0  # a heading's level, also of one in a list item (`- ## Resources`: 2)
    depth: int = 0  # list nesting: an item's depth, or the depth of the item a line continues (+1)
    task: bool | None = None
    label: str = ""  # a line or item that starts with bold text: that text (clean)
    rest_md: str = ""  # ... and what follows it
    anchor_only: bool = False
    in_item_heading: bool = False  # an item that is a heading (`- ### Arrays`)
    cells: tuple[tuple[str, str, str], ...] = ()
    quote: int = 0  # how many block quotes hold it
    number: int | None = None  # an item of a numbered list: its number ('3. Find data' is 3)


# Makes a Block from a tuple of all its fields, without the named tuple's Python-level __new__ (a block is
# made for nearly every line of every file).
_new_block = tuple.__new__


class _Note(NamedTuple):
    """A footnote: its text as one line of Discord markdown, the URLs it keeps, and the relative links it drops (and
    the line of the first)."""

    md: str
    urls: tuple[str, ...]
    dropped: int
    first_dropped: int | None


# What LaTeX maths is written with: a pair of '$$' that holds none of it is no maths but prices, as plans rate cost
# ('Cost: $$$$', a tier of four dollars; '$$ to $$$', '$$–$$$, or $$$$'): its words and the dollars stay as written.
# A function's brackets ('$$ O(n log n) $$', '$$ softmax(z) $$') are maths.
_MATHS_MARKS = re.compile(r"[\\^_={}+*<>|0-9()\[\]/]")
# The words that join prices ('$$ to $$$$', '$$ or $$$'): a span of them alone is no maths.
_PRICE_WORDS = frozenset({"to", "or", "and", "per", "vs", "-", "–", "—"})


def _no_display_maths(value: str) -> bool:
    """Return True when a display maths span ('$$ … $$') of `value` is text: nothing, marks only ('–'), words that
    join prices ('to'), or words of prose, two or more with two letters or more and no mark of maths (see
    `_MATHS_MARKS`; one letter, '$$ x $$', is a variable, one name, '$$ MSE $$', a quantity). Maths on lines of
    its own ('$$', 'sigmoid(x)', '$$') is maths."""
    words = value.split()
    if not words or not any(c.isalnum() for c in value):
        return True
    if all(w.strip(",;:.").lower() in _PRICE_WORDS for w in words):
        return True
    if value.lstrip(" \t")[:1] == "\n" or value.rstrip(" \t")[-1:] == "\n" or len(words) < 2:
        return False
    return any(len(w.strip(",;:.")) > 1 for w in words) and _MATHS_MARKS.search(value) is None


# Pandoc's dashes ('--' an en dash, '---' an em dash, as its smart punctuation writes them): between blanks, an en
# dash between numbers ('Weeks 5--8') and an em dash between words ('it---the'). An option ('--force') stays. In a
# heading or a bold label all of them (`_TITLE_DASHES`); in other text '--' only between numbers, as a shell's
# '--' ('git checkout -- file.txt', 'npm test -- --watch') is written between blanks, and '---' only on a line with
# no option (`_OPTION`).
_TITLE_DASHES = re.compile(r"(?<=\s)---?(?=\s)|(?<=\d)--(?=\d)|(?<=[^\W\d_])---(?=[^\W\d_])")
_TEXT_DASHES = re.compile(r"(?<=\s)---(?=\s)|(?<=\d)--(?=\d)|(?<=[^\W\d_])---(?=[^\W\d_])")
_NUMBER_DASHES = re.compile(r"(?<=\d)--(?=\d)")
_OPTION = re.compile(r"(?<![^\s`(\[\"'])--\w")
# A Pandoc span with attributes ('[]{#_Toc74120031 .anchor}', a Word bookmark; '[text]{.smallcaps}'): its text.
_ATTRIBUTE_SPAN = re.compile(r"\[([^\[\]]*)\]\{[#.][^{}]*\}")


def _dash(found: re.Match[str]) -> str:
    return "—" if len(found.group()) == 3 else "–"


class Links(NamedTuple):
    """What else the reader noticed: relative links made plain (and the first one's line), kept URLs, and
    the line of a code fence that is never closed."""

    relative_dropped: int
    first_dropped_line: int | None
    urls: tuple[str, ...]
    unclosed_fence: int | None = None
    html_blocks: int = 0  # raw HTML blocks (their headings, text, lists and tables are read)
    html_shown: int = 0  # the headings read from them, and their images alone on a line (a banner, a picture)
    last_rule: int | None = None  # the line of the last thematic break ('---') outside lists and quotes
    # The lines of blocks read from raw HTML that go on from the block before them, in the same HTML block: no blank
    # line is between them, however many lines apart they start (a '<tr>' per five lines); so are the rows of a
    # Pandoc or Confluence table, a grid table's row over several lines.
    html_joined: frozenset[int] = frozenset()
    relative_images: int = 0  # images with a relative URL and no `base_url`: shown as their alt text, unlinked
    first_image_line: int | None = None
    templates: int = 0  # tags, shortcodes and variables of a site generator left in the text as written
    first_template_line: int | None = None
    first_template: str = ""  # ... and the first one, as written
    # The tags kept at the end of a task's line because its words name them as a place ('request in
    # #access-requests'), by line: no words of its ID, which was made without them (see `_obsidian`).
    kept_tags: tuple[tuple[int, str], ...] = ()
    # Where Pandoc's '--' and '---' show as dashes between letters or digits, by line: (the words as shown, as
    # written), e.g. ('5–8', '5--8'), so that a heading's ID is made of it as written.
    dashed: tuple[tuple[int, str, str], ...] = ()
    unread_tables: tuple[int, ...] = ()  # the lines of Pandoc grid tables too irregular to read as rows
    # The lines of the rows of tables of contents that say more of each entry ('| 04 | [Streaming
    # replication](#lab-04) | 1 h |'): nearly every row of the table is titled by a link to a heading of the file
    # (see `_contents_rows`). Outside a phase such a row is no entry of its own: the section it links to is.
    contents_rows: frozenset[int] = frozenset()
    # Where a '<details>' block whose '<summary>' reads as a heading ends with more of the section after it: (the
    # summary heading's line, the line of the first block after '</details>'). What follows is no longer under it.
    details_ends: tuple[tuple[int, int], ...] = ()


def escape(text: str) -> str:
    """Escape literal text so Discord shows it as written (`*`, `_`, `` ` ``, `||`, `~~`, a backslash)."""
    # The usual case: none of the characters that may need a backslash (`_literal`, inlined: a call per text).
    if not ("*" in text or "_" in text or "`" in text or "\\" in text or "|" in text or "~" in text):
        return text
    return _ESCAPE.sub(_backslash, text)


def emoji_shortcodes(text: str) -> str:
    """Return text with GitHub's emoji shortcodes (':white_check_mark:') as the emoji they name (Discord shows a
    shortcode in a bot's message as text); an unknown one stays as written."""
    if text.count(":") < 2:
        return text
    return _SHORTCODE.sub(_shortcode, text)


def _shortcode(match: re.Match[str]) -> str:
    name = match.group(1)
    if name.startswith(_ICON_SETS):
        return ""
    return _emoji_named(name) or match.group()


@cache
def _emoji_named(name: str) -> str | None:
    """Return the emoji a GitHub shortcode names (':one:' is 1️⃣), or None."""
    import emoji  # imported on a file's first shortcode: most files have none

    shortcode = f":{name}:"
    found = emoji.emojize(shortcode, language="alias")
    return None if found == shortcode else found


def _url_end(url: str) -> str:
    """Return a bare URL without what follows it as GFM reads it: a trailing '.', ',', '?', '!', ':', '*', '_',
    '~', quote or ';' (but the underscores of a name like '__init__'), and a ')' that closes no '(' of the URL
    ('(see https://a.b/c).')."""
    while url:
        if url[-1] == "_" and _dunder(url):
            break
        if url[-1] in _URL_TRAILING or (url[-1] == ")" and url.count("(") < url.count(")")):
            url = url[:-1]
        else:
            break
    return url


def _dunder(url: str) -> bool:
    """Return True when a URL ends in a name between underscores ('…#object.__init__'), which is the URL's."""
    name = re.split(r"[/#.?=&]", url)[-1]
    run = len(name) - len(name.rstrip("_"))
    return len(name) > 2 * run and name.startswith("_" * run) and not name.startswith("_" * (run + 1))


def _file_name(url: str) -> str:
    """Return the name of the file a URL points to, without its extension ('Days/day21.md' is 'day21'), or the URL."""
    try:
        return PurePosixPath(urlsplit(url).path).stem or url
    except ValueError:  # no URL at all ('//[x')
        return url


def _without_attributes(md: str, plain: str) -> tuple[str, str]:
    """Return a heading's markdown and clean text without the attributes after its text ('{#setup}')."""
    found = _HEADING_ATTRIBUTES.search(plain)
    in_md = _HEADING_ATTRIBUTES.search(md)  # none in code: '## Syntax `{#x}`' is the author's words
    if found is None or in_md is None or found.start() == 0:
        return md, plain
    return md[: in_md.start()], plain[: found.start()]


# What a chat assistant's page leaves of a code block's header when its text is copied: the block's language on a
# line of its own, then its copy button's words ('yaml', then 'Copy code'; 'python', then 'Copy' and 'Edit').
_COPY_BUTTON = frozenset(("Copy code", "CopyEdit", "Copy", "Edit"))
_CODE_LANGUAGE = re.compile(r"[a-z][a-z0-9+#-]{0,15}")


def _no_words(plain: str) -> bool:
    """Return True for a paragraph line that holds no words to show: a kramdown attribute line ('{: .note }') or a
    Jupyter prompt ('In [1]:')."""
    if plain[:2] == "{:":
        return _ATTRIBUTE_LINE.fullmatch(plain) is not None
    return plain[:1] in "IO" and plain[-1:] == ":" and _PROMPT_LINE.fullmatch(plain) is not None


def _contents_label(ink: _Inline, text: str) -> bool:
    """Return True for the words of a label that opens a block, bold or before its first link ('**Contents:**',
    'Jump to:'): a label over in-page links alone leaves them a table of contents."""
    if ink.bold_at_start:  # inside the bold run that opens the block, not yet closed
        return True
    return not ink.plain and ink.links is None and len(text) <= 40 and text.rstrip()[-1:] in (":", "：")


def _worded(text: str) -> bool:
    """Return True when text holds a letter or digit: what only parts in-page links or marks them ('·', '|', '⬆')
    leaves them a table of contents or a link back to the top."""
    return _WORD.search(text) is not None


def _blank_lines(match: re.Match[str]) -> str:
    return "\n" * match.group().count("\n")


def _literal(text: str) -> bool:
    """Return True when `text` holds none of the characters `escape` may escape.

    Six substring tests: each is a fast C scan, several times quicker than a set's `isdisjoint`, which
    looks every character up."""
    return not ("*" in text or "_" in text or "`" in text or "\\" in text or "|" in text or "~" in text)


def _is(event: tuple[Any, dict] | None, key: str, value: str | None = None) -> bool:
    """Return True for an event (as read from the stream, or None past its end) of this key (and this value)."""
    if event is None or type(event[0]) is not dict or key not in event[0]:
        return False
    return value is None or event[0][key] == value


def _backslash(match: re.Match[str]) -> str:
    return "".join("\\" + c for c in match.group())


# Parts a table cell's lines ('**SQL basics**<br>☐ SQLBolt lessons'), in its md and clean text: see `cell_lines`.
CELL_BREAK = "\n"


def _cell_text(text: str) -> str:
    """Return a table cell's text with each of its lines squashed, and without empty ones."""
    return CELL_BREAK.join(filter(None, map(_squash, text.split(CELL_BREAK))))


def cell_lines(text: str) -> list[str]:
    """Return the lines of a table cell's md or clean text, as '<br>' parts them ('**Title**<br>☐ task')."""
    return text.split(CELL_BREAK)


def flat_cell(text: str) -> str:
    """Return a table cell's md or clean text on one line, its lines parted by a blank."""
    return text.replace(CELL_BREAK, " ") if CELL_BREAK in text else text


def _squash(text: str) -> str:
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


class _Inline:
    """The inline content being read: markdown and plain text side by side, with open links."""

    __slots__ = (
        "anchors",
        "badge_alt",
        "bold_at_start",
        "html_links",
        "images",
        "images_seen",
        "label_end",
        "lead_picture",
        "link_end",
        "links",
        "marks",
        "md",
        "pictures",
        "plain",
        "sup_closed",
        "sup_notes",
    )

    def __init__(self) -> None:
        self.md: list[str] = []
        self.plain: list[str] = []
        # Made when first needed: most blocks have neither.
        # (url, None for a wikilink; md start; images before it; an in-page anchor)
        self.links: list[tuple[str | None, int, int, bool]] | None = None
        self.marks: list[str] | None = None  # open emphasis marks, to close them in md
        self.label_end: tuple[int, int] | None = None  # (md, plain) end of a leading bold run
        self.bold_at_start = False
        self.images = 0  # open images in links (badges): their alt text is not shown
        # open images of the text: (URL, md start, plain start) of each
        self.pictures: list[tuple[str | None, int, int]] | None = None
        self.lead_picture = 0  # where in `plain` a picture that opens a heading ends (its icon), else 0
        self.images_seen = 0
        self.badge_alt: list[str] | None = None  # the alt text of the badges in the open link
        self.html_links = 0  # open '<a href>' tags
        # where the open '<sup>' and '<sub>' tags set apart from the words before them put their '(' (md, plain), and
        # the '(' and ')' of the one closed last while nothing came after it: see `_inline_html`
        self.sup_notes: list[tuple[int, int]] | None = None
        self.sup_closed: tuple[int, int, int, int] | None = None
        self.anchors = 0  # links to places in the page ('[Phase 1](#phase-1)')
        self.link_end = -1  # how many pieces `md` held when a link last ended: what follows it goes on from it

    def empty(self) -> bool:
        return not self.md and not self.plain


# What may follow a note's closing bracket: a word after it with no blank between joins the note (`_join_note`).
_AFTER_NOTE = frozenset(",.;:!?)]")


def _join_note(ink: _Inline, text: str) -> None:
    """Take the brackets off the note closed right before `text` where `text` goes on from it with no blank
    ('<sup>new</sup>er', 'x <sup>2</sup>+1'): the tags mark a part of a word or a formula, which reads as written
    (and keeps its checklist item's words)."""
    md_open, plain_open, md_close, plain_close = ink.sup_closed  # type: ignore[misc]
    ink.sup_closed = None
    if not text or text[0].isspace() or text[0] in _AFTER_NOTE:
        return
    if md_close != len(ink.md) - 1 or plain_close != len(ink.plain) - 1:  # more came after the note: set apart
        return
    ink.md[md_open] = ink.md[md_close] = ink.plain[plain_open] = ink.plain[plain_close] = ""


# A link whose text is in brackets ('[Learning From Data](…) [[caltech]](http://…)', as course lists point to a
# mirror), which wikilinks would read as the page 'caltech' followed by the URL in brackets: the URL must look like
# one (a scheme, a path or an anchor), so that code indexing twice ('df[[0]](x)') is left alone.
_BRACKETED_LINK_TEXT = re.compile(
    r"\[\[([^\[\]\n|]+)\]\]\(((?:https?://|mailto:|[./#])[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)"
)


def _bracketed_link_texts(body: str) -> str:
    """Write each link whose text is in brackets ('[[mirror]](https://…)') as the link in brackets
    ('[[mirror](https://…)]'): shown as GitHub shows it, '[mirror]' linked, in as many characters, so every offset
    and line of the body stays where it was."""
    return _BRACKETED_LINK_TEXT.sub(r"[[\1](\2)]", body)


class _Reader:
    """Turn one body's event stream into blocks."""

    def __init__(self, body: str, first_line: int, base_url: str | None) -> None:
        if "]](" in body:
            body = _bracketed_link_texts(body)
        self.body = body
        self.data = body.encode("utf-8")
        self.first_line = first_line
        self.base_url = base_url
        self.dash_open = "[-]" in body and DASH_BOX_OPEN.search(body) is not None  # '[-]' is an open box here
        self.blocks: list[Block] = []
        self.inline: _Inline | None = None
        self.block_start = 0  # byte offset where the current inline block starts
        self.items: list[list] = []  # open items: [depth, start, task, text done, heading, number]
        self.list_depth = 0
        # The depths of the open lists that an item of nothing else opens ('- - a'), read at that item's depth: a
        # bare item shows nothing, and its list nested under it would read as parts of the item before it.
        self.in_place: list[int] = []
        self.numbers: list[int | None] = []  # of each open list: its next item's number (None: a bullet list)
        self.quote = 0
        self.in_para = False
        self.copied = -1  # the line of a copied code block's 'Copy' just dropped (see `copy_button`)
        self.last_rule: int | None = None
        self.lazy_depth: int | None = None  # a label line read as a lazy line of an item: the depth it is shown at
        self.code: list[str] | None = None
        self.code_lang: str | None = ""  # None: an indented block
        self.unclosed_fence: int | None = None  # the line of a fence that never closes
        self.code_start = 0
        self.html = 0
        self.html_blocks = 0
        self.html_text: list[str] | None = None  # the text of the HTML block being read (see `_html_block`)
        self.html_start = 0
        self.html_lead: list | None = None  # the list item whose text the HTML block being read is (see `_HtmlBlock`)
        self.html_shown = 0
        self.outer_level = 1  # the level of the last heading (not a '<summary>'): a summary sits one under it
        self.outer_title = ""  # ... and its clean text
        self.in_summary = False  # an HTML block just read leaves a '<summary>' open: the next heading is its text
        self.phase_summary_level: int | None = None  # of the summaries that name phases (see `_summary_level`)
        # The open '<details>' blocks, outermost first: the level of each one's summary heading where it names a
        # phase or sits in a phase's block, 0 where it does neither, None while it has no summary, so a summary
        # nested in a phase's block, or in a block inside one, sits under that block's (see `_nested`)
        self.details: list[int | None] = []
        # ... and the line of each open block's summary heading (None while it has none), and the blocks closed after
        # one: (that line, how many blocks were read when the block closed), see `Links.details_ends`
        self.details_heads: list[int | None] = []
        self.details_closed: list[tuple[int, int]] = []
        self.heading_chain: list[tuple[int, str]] = []  # the open headings: (level, clean text), outermost first
        self.callout_phases: frozenset[int] = frozenset()  # lines of callout titles naming phases (`_obsidian`)
        self.dashed: dict[int, list[tuple[str, str]]] = {}  # see `Links.dashed` and `_dashes`
        self.option_line: tuple[int, bool] = (-1, False)  # a line's start and whether it names an option
        self.in_heading = False  # the text read is a heading's
        self.html_table: _HtmlTable | None = None  # the HTML '<table>' being read, which blank lines may part
        self.html_joined: set[int] = set()  # see `Links.html_joined`
        self.table_head: list[tuple[str, str]] | None = None
        self.cells: list[tuple[str, str]] = []
        self.cell_anchors: list[bool] = []  # whether each of the row's cells is in-page links alone
        self.cell_targets: list[str] = []  # ... and the place the first link of such a cell is to ('lab-04')
        # The rows of the table being read titled by a link into the page, as (line, place), and how many rows it has
        self.linked_rows: list[tuple[int, str]] = []
        self.table_rows = 0
        # The tables nearly all of whose rows are so titled: (how many rows it has, its linked rows)
        self.contents_tables: list[tuple[int, list[tuple[int, str]]]] = []
        self.in_head = False
        self.row_start = 0
        self.dropped = 0
        self.first_dropped: int | None = None
        self.images_dropped = 0  # relative images, shown as their alt text without a link (see `_target`)
        self.first_image_dropped: int | None = None
        self.urls: list[str] = []
        self.url_skip: tuple[int, int] | None = None  # source bytes of a bare URL read past its text's end
        self.whole_url_text: str | None = None  # the text of the last `linked`, when its URL went on past it
        self._count_at = 0
        self._count_line = first_line
        self.only_anchor = True
        self.notes: dict[str, _Note] | None = None  # the footnotes, by label, to show after their marks
        self.collecting: dict[str, _Note] | None = None  # reading the footnotes (see `_footnotes`)
        self.note_at: tuple[str, int, int, int] | None = None  # (label, blocks, URLs, dropped) where a footnote starts
        self.notes_used: set[str] = set()

    def line_at(self, offset: int) -> int:
        """Return the line number of a byte offset (offsets come in nearly increasing order)."""
        if offset >= self._count_at:
            self._count_line += self.data.count(b"\n", self._count_at, offset)
        else:
            self._count_line -= self.data.count(b"\n", offset, self._count_at)
        self._count_at = offset
        return self._count_line

    def item_line(self, offset: int) -> int:
        """Return the line of a list item that starts at byte `offset`: pulldown-cmark starts an item indented by a
        tab at the line break before it, which is the line above."""
        return self.line_at(offset + 1 if offset < len(self.data) and self.data[offset] == 10 else offset)  # b"\n"

    # --- inline --------------------------------------------------------------------------------

    def start_inline(self, offset: int) -> None:
        self.inline = _Inline()
        self.block_start = offset
        self.only_anchor = True

    def text(self, text: str) -> None:
        ink = self.inline
        if ink is None or ink.images:
            return
        if "**" in text and (runs := _cjk_bold_runs(text)):
            # bold that CommonMark left as asterisks against Chinese or Japanese punctuation: bold as written
            at = 0
            for start, end in runs:
                if start > at:
                    self.text(text[at:start])
                self.mark("**", True)
                self.text(text[start + 2 : end - 2])
                self.mark("**", False)
                at = end
            if at < len(text):
                self.text(text[at:])
            return
        if self.only_anchor and not (ink.links and ink.links[-1][3]) and _worded(text):
            self.only_anchor = False
        if "==" in text:
            text = _HIGHLIGHT.sub(r"\1", text)
        if text.count(":") > 1:
            text = _SHORTCODE.sub(_shortcode, text)
        ink.md.append(self.linked(text) if ("://" in text or "www." in text) and not ink.links else escape(text))
        ink.plain.append(text)

    def linked(self, text: str, span: dict | None = None) -> str:
        """Return literal text as Discord markdown, its bare URLs as links ('<https://…>') and the rest escaped.

        Given the text's `span`, a URL that runs to the end of the text goes on as the source does: CommonMark
        reads the '__init__' of 'https://…#object.__init__' as bold, which the URL takes as written (the events
        inside it are skipped, see `url_skip`)."""
        out: list[str] = []
        at = 0
        self.whole_url_text = None
        for found in _BARE_URL.finditer(text):
            url = _url_end(found.group())
            if found.end() == len(text) and span is not None:
                url = self._url_past(text, found.start(), span) or url
            if len(url) <= (8 if url[:1] in "hH" else 4) or found.start() < at:
                continue
            out.append(escape(text[at : found.start()]))
            target = url if "://" in url[:8] else f"http://{url}"
            self.urls.append(target)
            out.append(f"<{target}>" if target == url else f"[{escape(url)}]({target.replace(')', '%29')})")
            at = found.start() + len(url)
        if not out:
            return escape(text)
        if at < len(text):  # else the URL went on past this text (see `_url_past`)
            out.append(escape(text[at:]))
        return "".join(out)

    def _url_past(self, text: str, start: int, span: dict) -> str | None:
        """Return the whole bare URL that starts at text[start:] and goes on in the source past the text's end (as
        the source writes it), and mark the source bytes after the text that it takes (`url_skip`); else None."""
        end = span["end"]
        if self.data[span["start"] : end] != text.encode("utf-8"):  # escapes or entities: the source differs
            return None
        more = _MORE_URL.match(self.data, end)
        if more is None:
            return None
        url = _url_end(text[start:] + more.group().decode("utf-8", "replace"))
        taken = len(url.encode("utf-8")) - len(text[start:].encode("utf-8"))
        if taken <= 0:
            return None
        self.url_skip = (end, end + taken)
        self.whole_url_text = text[:start] + url
        return url

    def _after_url(self, value: str, span: dict) -> str:
        """Return what of a text comes after the bare URL read past the text before it (see `linked`)."""
        first, last = self.url_skip or (0, 0)
        if span["start"] >= last:
            self.url_skip = None
            return value
        if span["start"] < first:
            return value
        source = self.data[span["start"] : span["end"]]
        if span["end"] <= last or source != value.encode("utf-8"):
            return ""
        return source[last - span["start"] :].decode("utf-8")

    def without_break_mark(self, text: str, end: int) -> str:
        """Return a text that ends its block with a backslash at its line's end ('1. Set up nginx\\' before '2. …')
        without it: CommonMark reads a hard line break there only inside a paragraph, and keeps the backslash
        as text where the block ends; the author meant the break, which the block's end makes. An escaped one
        ('C:\\\\' in the source) is the author's text and stays. `end` is the text's end in the source.

        A text of no Latin words keeps it: a task of such words ('学习数据库\\') is keyed by its whole text
        (`checklist_item_id`), and its ID, which learners' ticks are stored under, was made with it."""
        data = self.data
        if end < len(data) and data[end] not in b"\r\n":
            return text
        run = 0
        while run < end and data[end - run - 1] == 92:  # b"\\": the backslashes that end the line
            run += 1
        return text[:-1] if run % 2 and meaning_words(text[:-1]) else text

    def take(self) -> tuple[str, str, str, str, bool]:
        """Finish the current inline run: (md, plain, label, rest md, anchor only)."""
        ink = self.inline
        self.inline = None
        if ink is None:
            return "", "", "", "", False
        md, plain = "".join(ink.md), "".join(ink.plain)
        label = rest = ""
        if ink.label_end is not None:
            md_end, plain_end = ink.label_end
            label = _squash(plain[:plain_end])
            rest = md[md_end:].strip()
        # _squash, inlined: this runs once per block
        plain = _SPACES.sub(" ", plain).strip() if "  " in plain or "\t" in plain else plain.strip()
        md = _SPACES.sub(" ", md).strip() if "  " in md or "\t" in md else md.strip()
        return md, plain, label, rest, self.only_anchor and bool(plain) and ink.anchors > 0

    def start_link(self, info: dict, image: bool) -> None:
        ink = self.inline
        if ink is None:
            return
        url = info.get("dest_url", "")
        # In a link (a badge, or a logo that is the link's: see `end_link`), or a badge of its own ('![stars](https://
        # img.shields.io/…)'): not shown.
        if image and (ink.images or ink.links or _BADGE.search(url) is not None):
            ink.images += 1
            ink.images_seen += 1
            return
        if image and type(info.get("link_type")) is dict:  # an Obsidian embed ('![[k8s-architecture.png]]')
            if _embedded_file(url):  # a picture, a PDF: not shown
                ink.images += 1
                ink.images_seen += 1
                return
            url = None  # a note embedded in the page: its name is shown, as a wikilink's
        if image:  # an image of the text ('![histogram of ages](hist.png)'): its alt text is shown in its place
            if ink.pictures is None:
                ink.pictures = []
            ink.pictures.append((url, len(ink.md), len(ink.plain)))
            return
        if ink.links is None:
            ink.links = []
        if type(info.get("link_type")) is dict:  # a wikilink names a page of a wiki or a vault, not a URL
            url = None
        anchor = url is not None and url.startswith("#")
        ink.links.append((url, len(ink.md), ink.images_seen, anchor))
        ink.anchors += anchor

    def end_link(self, image: bool, offset: int) -> None:
        ink = self.inline
        if ink is None:
            return
        if image and (ink.images or not ink.pictures):
            ink.images = max(ink.images - 1, 0)
            return
        if image and ink.pictures:
            url, md_start, plain_start = ink.pictures.pop()
            if not "".join(ink.plain[:plain_start]).strip() and (
                self.in_heading or ((item := self.open_item_text()) is not None and item[2] is None)
            ):  # an icon before a heading's or a bullet's words (a task's words are its ID: they keep theirs)
                ink.lead_picture = len(ink.plain)
            text_md = "".join(ink.md[md_start:]).strip()
            del ink.md[md_start:]
            target = self._target(url, offset, image=True) if url is not None else None
            if target is None and _PASTED_PICTURE.fullmatch(_squash("".join(ink.plain[plain_start:]))):
                del ink.plain[plain_start:]  # what an editor names a pasted picture ('alt text'): no words of the line
                return
            if text_md and target is not None:
                self.urls.append(target)
                ink.md.append(f"[{text_md}]({target})")
            elif text_md:
                ink.md.append(text_md)
            return
        if not ink.links:
            return
        url, md_start, images_before, anchor = ink.links.pop()
        text_md = "".join(ink.md[md_start:]).strip()
        del ink.md[md_start:]
        alt, ink.badge_alt = ink.badge_alt, None
        if not text_md:
            if ink.images_seen > images_before:  # a badge: an image in a link
                self._badge_link(url, alt, offset)
                return
            if url is None:
                return
            text_md = escape(_file_name(url))  # '[](Days/day21.md)': 'day21'
            ink.plain.append(text_md)
        target = self._target(url, offset) if not anchor and url is not None else None
        if target is None:
            ink.md.append(text_md)
        else:
            self.urls.append(target)
            ink.md.append(f"[{text_md}]({target})" if text_md != escape(target) else f"<{target}>")
        ink.link_end = len(ink.md)

    def _badge_link(self, url: str | None, alt: list[str] | None, offset: int) -> None:
        """Show a link to a notebook made of nothing but a badge ('[![Open In Colab](…badge.svg)](…/lab1.ipynb)'
        after a lesson) as the badge's alt text, linked, in markdown only: it is the way to the lesson's notebook.
        Its plain text (titles, IDs, search) stays without it, and a heading's or another link's badge (a build's
        status) stays hidden, as does a block of nothing but badges."""
        if self.in_heading or not alt or url is None or _NOTEBOOK_LINK.search(url) is None:
            return
        words = _squash("".join(alt))
        # a relative one without `base_url` has nowhere to go: not shown, nor counted as shown as text
        target = self._target(url, offset) if words and (self.base_url or url.startswith(_ABSOLUTE)) else None
        if target is None:
            return
        self.urls.append(target)
        md = self.inline.md  # type: ignore[union-attr]
        md.append(f"{' ' if md and md[-1] and not md[-1][-1].isspace() else ''}[{escape(words)}]({target})")

    def _target(self, url: str, offset: int, image: bool = False) -> str | None:
        """Return the URL a link (or an image's alt text) links to: its own when absolute, else resolved against
        `base_url`; without one, a relative one is counted (it is shown as plain text) and has none, and so has one
        of another scheme (javascript:, ftp:, an image's 'data:') or an image's in-page one."""
        url = url.strip().replace(" ", "%20").replace(")", "%29")
        if url.startswith(_ABSOLUTE):
            return url
        try:
            if urlsplit(url).scheme or (image and (not url or url[0] == "#")):
                return None
            if self.base_url:
                return urljoin(self.base_url, url)
        except ValueError:  # no URL at all ('//[x': an unclosed IPv6 host): shown as text
            return None
        if image:
            self.images_dropped += 1
            if self.first_image_dropped is None:
                self.first_image_dropped = self.line_at(offset)
        else:
            self.dropped += 1
            if self.first_dropped is None:
                self.first_dropped = self.line_at(offset)
        return None

    def mark(self, mark: str, opening: bool, at: int = -1) -> None:
        ink = self.inline
        if ink is None or ink.images:
            return
        if self.url_skip is not None and self.url_skip[0] <= at < self.url_skip[1]:
            return  # emphasis marks inside a bare URL ('#object.__init__'): the URL took them as they are
        if opening:
            if mark == "**" and not ink.plain:  # no text yet: only marks ('***Label:***' opens '*' first)
                ink.bold_at_start = True
            ink.md.append(mark)
            if ink.marks is None:
                ink.marks = []
            ink.marks.append(mark)
        else:
            if ink.md and ink.md[-1] == mark:  # an empty run: drop both marks
                ink.md.pop()
            else:
                # Discord needs no blank inside the marks: move trailing blanks out.
                last = ink.md[-1] if ink.md else ""
                stripped = last.rstrip()
                if stripped != last:
                    ink.md[-1] = stripped
                    ink.md.append(mark + last[len(stripped) :])
                else:
                    ink.md.append(mark)
            if ink.marks:
                ink.marks.pop()
            if ink.bold_at_start and not ink.marks and ink.label_end is None:  # the run around the bold closes
                ink.label_end = (len("".join(ink.md)), len("".join(ink.plain)))
                ink.bold_at_start = False

    # --- blocks --------------------------------------------------------------------------------

    def copy_button(self, plain: str, line: int) -> bool:
        """Return True for a line of a copied code block's header (`_COPY_BUTTON`), no words of the page: 'Copy code'
        anywhere, 'Copy' right under the block's language, 'Edit' right under that 'Copy'. The language's line
        before it goes too ('yaml'), as does a paragraph that the two alone made."""
        blocks = self.blocks
        if plain == "Edit":
            return self.copied == line - 1
        before = blocks[-1] if blocks else None
        language = (
            before is not None
            and before.kind == "line"
            and before.line == line - 1
            and _CODE_LANGUAGE.fullmatch(before.plain) is not None
        )
        if plain == "Copy" and not language:
            return False
        if language:
            blocks.pop()
        self.copied = line
        return True

    def emit_line(self, depth: int) -> None:
        md, plain, label, rest, anchor = self.take()
        if plain and not _no_words(plain):
            line = self.line_at(self.block_start)
            if plain[:4] in ("Copy", "Edit") and plain in _COPY_BUTTON and self.copy_button(plain, line):
                return
            if not depth and not self.items and self.blocks and self.blocks[-1].in_item_heading:
                depth = self._under_item_heading(line)
            self.blocks.append(
                _new_block(
                    Block, ("line", line, md, plain, 0, depth, None, label, rest, anchor, False, (), self.quote, None)
                )
            )

    def _under_item_heading(self, line: int) -> int:
        """Return the depth of a line outside any list, just after a heading in a list item: under that heading
        where it is on the heading's next line ('- ### Ranking Rows' then 'ROW_NUMBER …', not indented, which
        CommonMark reads as the list's end, as no line goes on a heading, though the author wrote the heading's
        text under it), else 0."""
        last = self.blocks[-1]
        return last.depth + 1 if last.line + 1 == line and last.quote == self.quote else 0

    def emit_item(self, item: list) -> None:
        ink = self.inline
        if item[2] is None and ink is not None and ink.lead_picture and "".join(ink.plain[ink.lead_picture :]).strip():
            del ink.plain[: ink.lead_picture]  # '- ![Python](python.svg) Python': the icon is no word of its title
        md, plain, label, rest, anchor = self.take()
        item[3] = True
        if item[2] is None and plain[:1] == "[":
            item[2], plain, md = _ticked_box(item[2], plain, md, self.dash_open)
        if plain:
            line = self.item_line(item[1])
            level = item[4]  # a heading's level ('- ## Resources' is 2), False for any other item
            block = (
                "item",
                line,
                md,
                plain,
                int(level),
                item[0],
                item[2],
                label,
                rest,
                anchor,
                level > 0,
                (),
                self.quote,
            )
            self.blocks.append(_new_block(Block, (*block, item[5])))

    def open_item_text(self) -> list | None:
        """Return the innermost item whose own text is still being read."""
        if self.items and not self.items[-1][3]:
            return self.items[-1]
        return None

    def _close_item_for_block(self) -> None:
        """End the item's own text as a quote or a table starts in it. An item of nothing but the quote or the
        table ('- > Don't memorise the OSI model.', '- | Tool | Verdict |') is that block, in the item's place: its
        lines and rows are read at the item's depth, not nested under it, where they would read as the words or
        the rows of the item before it."""
        item = self.open_item_text()
        bare = item is not None and item[2] is None and (self.inline is None or self.inline.empty())
        self.close_item_text()
        if bare and item is not None:
            item[0] -= 1

    def close_item_text(self) -> None:
        """A nested block starts: the item's own text (if any) ends here."""
        self.end_lazy_line()
        item = self.open_item_text()
        if item is not None:
            self.emit_item(item)

    def read(self) -> list[Block]:
        """Walk the event stream once into blocks.

        Most blocks of most files are one piece of text, perhaps after a task marker or a bold label
        (`- Git basics`, `- [ ] Ship it`, `## Tools`, `**Objective:** Learn SQL`, `- **Python:** lists`): such a
        block is recognised by looking a few events ahead and made at once, and a list's start or end only
        moves the depth. Every other event goes through `_event`, which handles any event in any state. Both
        give the same blocks: the short way only skips the bookkeeping that these blocks do not need."""
        events = pyromark.events_with_range(self.body, options=OPTIONS, merge_text=True)
        event_at = self._event
        items = self.items
        blocks = self.blocks
        for event, span in events:
            if type(event) is str or self.html or self.lazy_depth is not None:
                event_at(event, span)
                continue
            start = event.get("Start")
            if start is None or (items and not items[-1][3]):  # not a block's start, or an item's text is open
                if "End" in event and type(event["End"]) is dict and "List" in event["End"]:
                    # _end_list, without the dispatch: every list ends so
                    if self.in_place and self.in_place[-1] == self.list_depth:
                        self.in_place.pop()
                    else:
                        self.list_depth -= 1
                    self.numbers.pop()
                    continue
                event_at(event, span)
                continue
            if type(start) is dict and "List" in start:
                self.list_depth += 1  # _start_list, without the dispatch (no item's text is open to close)
                self.numbers.append(start["List"])
                continue
            kind = "Item" if start == "Item" else "Paragraph" if start == "Paragraph" else None
            if kind is None and type(start) is dict and "Heading" in start:
                kind = "Heading"
            if kind is None or (kind == "Paragraph" and self.table_head is not None):
                event_at(event, span)
                continue
            # Look ahead: [a task marker,] one text, the block's end.
            first = next(events, None)
            second = next(events, None) if first is not None and type(first[0]) is dict else None
            task = None
            if kind == "Item" and second is not None and "TaskListMarker" in first[0]:
                task = first[0]["TaskListMarker"]
                ahead = (first, second, next(events, None))
                text_event, end_event = second, ahead[2]
            else:
                ahead = (first, second)
                text_event, end_event = first, second
            end = end_event[0].get("End") if end_event is not None and type(end_event[0]) is dict else None
            text = text_event[0].get("Text") if text_event is not None and type(text_event[0]) is dict else None
            if (
                text is None
                or end is None
                or not (end == kind or (type(end) is dict and kind in end))
                or ("**" in text and _cjk_bold_runs(text))  # bold left as asterisks: read as bold (`text`)
            ):
                more: list[tuple[Any, dict]] = []
                # [a task marker,] a bold run of one text: `_bold_block` reads on
                if kind != "Heading" and _is(text_event, "Start", "Strong") and _is(end_event, "Text"):
                    more = self._bold_block(events, kind, span["start"], task, end_event[0]["Text"])
                    if not more:
                        continue
                event_at(event, span)
                for later in (*ahead, *more):
                    if later is not None:
                        event_at(*later)
                continue
            if text[-1:] == "\\" and kind != "Heading":  # a heading's is its text (it holds no line break)
                text = self.without_break_mark(text, text_event[1]["end"])
            offset = span["start"]
            self.block_start, self.only_anchor, self.inline = offset, text.isspace(), None
            if "==" in text:
                text = _HIGHLIGHT.sub(r"\1", text)
            if "--" in text and "://" not in text and "www." not in text:
                text = self._dashes(text, text_event[1]["start"], kind == "Heading")
            if text[:2] == "| " and kind == "Paragraph" and self._line_block(text_event[1]["start"]):
                text = text[2:]
            if "]{" in text:
                text = _ATTRIBUTE_SPAN.sub(r"\1", text)
            special = ":" in text or "www." in text  # a shortcode or a bare URL may be in it
            if special and text.count(":") > 1:  # a shortcode takes two ('Topic: details' has one)
                text = _SHORTCODE.sub(_shortcode, text)
            plain = _squash(text)
            if not plain:
                if kind == "Paragraph":
                    self.in_para = False
                continue
            if special and ("://" in text or "www." in text):
                md = _squash(self.linked(text))
            else:
                md = plain if _literal(text) else _squash(escape(text))  # literal text is its own markdown
            number = None
            if kind == "Item":
                numbers = self.numbers  # take_number, inlined: a call per item
                number = numbers[-1] if numbers else None
                if number is not None:
                    numbers[-1] = number + 1
                # item_line, inlined: a call per item
                line = self.line_at(offset + 1 if self.data[offset] == 10 else offset)  # 10: b"\n"
                if task is None and plain[:1] == "[":
                    task, plain, md = _ticked_box(task, plain, md, self.dash_open)
                block = ("item", line, md, plain, 0, self.list_depth - 1, task, "", "", False, False)
            elif kind == "Paragraph":
                self.in_para = False
                if _no_words(plain):
                    continue
                line = self.line_at(offset)
                if plain[:4] in ("Copy", "Edit") and plain in _COPY_BUTTON and self.copy_button(plain, line):
                    continue
                if items:
                    depth = items[-1][0] + 1
                else:
                    depth = self._under_item_heading(line) if blocks and blocks[-1].in_item_heading else 0
                block = ("line", line, md, plain, 0, depth, None, "", "", False, False)
            else:
                if plain[-1] == "#":
                    md, plain = self._without_closing_hashes(md, plain, end_event[1]["start"], end_event[1]["end"])
                if plain[-1] == "}":
                    md, plain = _without_attributes(md, plain)
                plain = without_trailing_url(plain)  # as `_end_heading` does
                line = self.line_at(end_event[1]["start"])
                level = self._heading_level(int(end["Heading"][1]), plain, line)
                block = ("heading", line, md, plain, level, 0, None, "", "", False, False)
            blocks.append(_new_block(Block, (*block, (), self.quote, number)))
        return blocks

    def _bold_block(
        self, events: Iterator[tuple[Any, dict]], kind: str, offset: int, task: bool | None, label_text: str
    ) -> list[tuple[Any, dict] | None]:
        """Finish an item or paragraph line that `read` saw start with a bold run of one text (`**Objective:** ...`).

        Reads on to the block's end: when the bold run closes and at most one text follows it, makes the block
        as `_event` would and returns []; else returns the events it read, for `read` to hand on to `_event`."""
        more = [next(events, None)]
        if _is(more[0], "End", "Strong"):
            more.append(next(events, None))
            text = None
            if _is(more[-1], "Text"):
                text = more[-1][0]["Text"]
                if text[-1:] == "\\":
                    text = self.without_break_mark(text, more[-1][1]["end"])
                more.append(next(events, None))
            end = more[-1][0].get("End") if _is(more[-1], "End") else None
            if end is not None and (end == kind or (type(end) is dict and kind in end)):
                self._make_bold_block(kind, offset, task, label_text, text)
                return []
        return more

    def _make_bold_block(self, kind: str, offset: int, task: bool | None, label_text: str, text: str | None) -> None:
        """Make an item or line of a bold label and the text after it (None: none), as `_event` and `mark` would."""
        self.block_start, self.inline = offset, None
        self.only_anchor = label_text.isspace() and (text is None or text.isspace())
        if kind == "Paragraph":
            self.in_para = False
        text = text or ""
        if "--" in text and "://" not in text and "www." not in text:
            text = self._dashes(text, offset)
        if "--" in label_text and "://" not in label_text and "www." not in label_text:
            label_text = self._dashes(label_text, offset, True)
        if label_text.count(":") > 1 or text.count(":") > 1:  # '**Objective:** …' has one
            label_text, text = emoji_shortcodes(label_text), emoji_shortcodes(text)
        plain = _squash(label_text + text)
        if not plain:
            return
        # As `mark` closes the bold run: Discord needs no blank inside the marks, so they move out.
        inside = self.linked(label_text) if "://" in label_text or "www." in label_text else escape(label_text)
        bold = inside.rstrip()
        after = self.linked(text) if "://" in text or "www." in text else escape(text)
        md = _squash(f"**{bold}**{inside[len(bold) :]}{after}")
        label, rest, anchor = _squash(label_text), after.strip(), self.only_anchor
        number = None
        if kind == "Item":
            number = self.take_number()
            line = self.item_line(offset)
            block = ("item", line, md, plain, 0, self.list_depth - 1, task, label, rest, anchor, False)
        else:
            line = self.line_at(offset)
            if self.items:
                depth = self.items[-1][0] + 1
            else:
                depth = self._under_item_heading(line) if self.blocks and self.blocks[-1].in_item_heading else 0
            block = ("line", line, md, plain, 0, depth, None, label, rest, anchor, False)
        self.blocks.append(_new_block(Block, (*block, (), self.quote, number)))

    def _event(self, event: Any, span: dict) -> None:
        """Handle one event, whatever it is and whatever the reader's state."""
        if type(event) is str:  # SoftBreak, HardBreak, Rule
            if event != "Rule":
                self.line_break(span["end"], event == "SoftBreak")
            elif not (self.items or self.quote or self.html):
                self.last_rule = self.line_at(span["start"])
            return
        key, value = event.popitem()  # each event is a fresh one-key dict
        if self.inline is None and self.items and self.items[-1][3] and key in _INLINE_EVENTS:
            self._loose_text(key, value, span["start"])
        if key == "Text":
            ink = self.inline
            if self.code is not None:
                self.code.append(value)
            elif (value[:2] == "{:" and self._attribute_line(value, span)) or (
                value[:1] == "{" and not (value := self._without_attributes(value, span["start"]))
            ):
                return  # an attribute line of its own, or an attribute list that was the whole text
            elif ink is not None and ink.images and ink.links and not self.html:
                # a badge's alt text: the words of a link that has none of its own (see `_badge_link`)
                ink.badge_alt = [*(ink.badge_alt or ()), value]
            elif ink is not None and not ink.images and not self.html:
                if ink.sup_closed is not None:
                    _join_note(ink, value)
                if self.url_skip is not None:
                    value = self._after_url(value, span)
                if value[-1:] == "\\":
                    value = self.without_break_mark(value, span["end"])
                if "--" in value and "://" not in value and "www." not in value:
                    value = self._dashes(value, span["start"], self.in_heading or ink.bold_at_start)
                if value[:2] == "| " and self.in_para and self._line_block(span["start"]):
                    value = value[2:]
                if "]{" in value:
                    value = _ATTRIBUTE_SPAN.sub(r"\1", value)
                if value[:1] == "@" and ink.links and len(ink.md) == ink.links[-1][1]:
                    value = _RESOURCE_KIND.sub("", value, count=1)  # '[@video@Intro](…)': roadmap.sh's kind of link
                if (
                    self.only_anchor
                    and not (ink.links and ink.links[-1][3])
                    and _worded(value)
                    and not _contents_label(ink, value)
                ):
                    self.only_anchor = False
                if "==" in value:
                    value = _HIGHLIGHT.sub(r"\1", value)
                if "**" in value and _cjk_bold_runs(value):
                    self.text(value)  # bold left as asterisks against Chinese or Japanese punctuation: bold
                    return
                if ink.links and value.count(":") > 1:  # a shortcode in a link's text ('[:rocket: Launch](…)')
                    value = _SHORTCODE.sub(_shortcode, value)
                if (":" in value or "www." in value) and not ink.links:  # a shortcode or a bare URL may be in it
                    if value.count(":") > 1:
                        value = _SHORTCODE.sub(_shortcode, value)
                    md = self.linked(value, span) if "://" in value or "www." in value else escape(value)
                    if self.whole_url_text is not None:  # its URL goes on past it, as the source writes it
                        value, self.whole_url_text = self.whole_url_text, None
                    ink.md.append(md)
                else:
                    ink.md.append(escape(value))
                ink.plain.append(value)
        elif key == "Start":
            if type(value) is str:
                name, info = value, None
            else:
                name, info = value.popitem()
            if self.html:  # inside raw HTML, a footnote or a metadata block: nothing is shown
                if name in _HIDDEN:
                    self.html += 1
                return
            handler = _STARTS.get(name)
            if handler is not None:
                handler(self, info, span["start"])
        elif key == "End":
            name = value if type(value) is str else next(iter(value))
            if self.html:
                if name in _HIDDEN:
                    self.html -= 1
                    if not self.html and self.html_text is not None:
                        self._html_block()
                return
            handler = _ENDS.get(name)
            if handler is not None:
                handler(self, value, span["start"], span["end"])
        else:
            if (key == "InlineMath" and self._not_maths(value, span["end"])) or (
                key == "DisplayMath" and _no_display_maths(value)
            ):
                self._event({"Text": self.data[span["start"] : span["end"]].decode("utf-8")}, span)
                return
            handler = _OTHERS.get(key)
            if handler is not None:
                handler(self, value)

    def _loose_text(self, key: str, value: Any, offset: int) -> None:
        """Start a line of the text that goes on in a tight list item after a block of its own: CommonMark gives
        no paragraph to the lines after a heading in an item ('- ## Phase 1' then '  goal:: Be at home in a
        terminal.'), or after its code block or quote, so they would be lost. The line is shown under the item,
        as a paragraph under it is, until the item or its text ends (see `end_lazy_line`)."""
        if key == "Start" and (value if type(value) is str else next(iter(value))) not in _INLINE_STARTS:
            return
        if self.code is not None or self.html or self.table_head is not None or self.collecting is not None:
            return
        self.in_para, self.lazy_depth = True, self.items[-1][0] + 1
        self.start_inline(offset)

    def _not_maths(self, value: str, end: int) -> bool:
        """Return True when an inline maths span (`value`, ending at byte `end`) is text: money ('$5-$10', as Pandoc
        reads it: no '$' before a digit) or shell variables ('$HOME/bin:$PATH': a variable's name, then no maths,
        up to the '$' of the next variable's name)."""
        after = self.data[end : end + 1]
        return after.isdigit() or (
            (after.isalpha() or after in (b"_", b"{")) and _SHELL_VARIABLES.fullmatch(value) is not None
        )

    def _dashes(self, text: str, start: int, title: bool = False) -> str:
        """Return a text at byte `start` with Pandoc's dashes as it shows them ('Weeks 5--8', 'slicers --- the
        classic': '–' and '—'; see `_TITLE_DASHES`), those of a heading or a bold label (`title`) or of other text,
        noting the words with a dash between letters or digits (`dashed`)."""
        if title:
            dashes = _TITLE_DASHES
        elif "---" in text and not self._option_on_line(start):
            dashes = _TEXT_DASHES
        else:
            dashes = _NUMBER_DASHES
        shown = dashes.sub(_dash, text)
        if shown == text:
            return text
        end = 0
        for found in dashes.finditer(text):
            at = found.start()
            if at < end or text[at - 1].isspace():
                continue  # a dash between blanks is no part of a word: a slug drops it, written or shown
            end = found.end()
            while at and (text[at - 1].isalnum() or text[at - 1] == "-"):
                at -= 1
            while end < len(text) and (text[end].isalnum() or text[end] == "-"):
                end += 1
            written = text[at:end]
            self.dashed.setdefault(self.item_line(start), []).append((dashes.sub(_dash, written), written))
        return shown

    def _option_on_line(self, start: int) -> bool:
        """Return True when the line of byte `start` names a command's option ('--watch'): its dashes are a
        command's, as written."""
        data = self.data
        begin = data.rfind(b"\n", 0, start) + 1
        if self.option_line[0] == begin:  # a line of many texts with dashes is looked at once
            return self.option_line[1]
        end = data.find(b"\n", start)
        line = data[begin : len(data) if end < 0 else end]
        found = b"--" in line and _OPTION.search(line.decode("utf-8", "replace")) is not None
        self.option_line = (begin, found)
        return found

    def _without_attributes(self, value: str, start: int) -> str:
        """Return a text without the attribute list it opens when it comes right after a link, image, code span or
        emphasis ('{ .md-button }' after '[Start](…)', see `_INLINE_ATTRIBUTES`); else the text as it is. `start`
        is the text's place in the source."""
        if not start or self.data[start - 1] not in b")]`*_" or (found := _INLINE_ATTRIBUTES.match(value)) is None:
            return value
        return value[found.end() :]

    def _line_block(self, start: int) -> bool:
        """Return True when a text at byte `start` that opens with '| ' opens a line of a Pandoc line block ('| Think
        out loud.', a line of a poem or an address kept as written): at the start of its line, which ends in no '|'
        as a table's row would."""
        data = self.data
        if data[data.rfind(b"\n", 0, start) + 1 : start].strip(b" \t>"):
            return False
        end = data.find(b"\n", start)
        return not data[start : len(data) if end < 0 else end].rstrip().endswith(b"|")

    def _attribute_line(self, value: str, span: dict) -> bool:
        """Return True when a text is a kramdown attribute line of its own ('{: .checklist }' on the line after a
        task item, which CommonMark reads on as the item's text): it gives the block attributes, no words."""
        data = self.data
        start, end = span["start"], span["end"]
        return (
            _ATTRIBUTE_LINE.fullmatch(value.strip()) is not None
            and not data[data.rfind(b"\n", 0, start) + 1 : start].strip(b" \t>")
            and not data[end : len(data) if (stop := data.find(b"\n", end)) < 0 else stop].strip()
        )

    def line_break(self, next_start: int, soft: bool = False) -> None:
        """End a paragraph's line: each line of a paragraph is a block (authors put one label per line), but for a
        sentence wrapped over two lines (see `_wrapped`), which reads on as one line."""
        ink = self.inline
        if ink is None:
            return
        if soft and self.in_para and self._wrapped(next_start):
            self.text(" ")
            return
        item = self.open_item_text()
        if item is not None and not (ink.links or ink.images or ink.marks):
            depth = self._lazy_label(item, next_start)
            if depth is not None:  # the item's text ends here; the label is a line of its own
                self.emit_item(item)
                self.in_para, self.lazy_depth = True, depth
                self.start_inline(next_start)
                return
        if not self.in_para or item is not None or ink.links or ink.images:
            self.text(" ")  # inside an item's text, or a link: one line
            return
        marks = list(ink.marks or ())
        ink.md.extend(reversed(marks))  # close what is open; the next line opens it again
        self.emit_line(self._line_depth())
        self.start_inline(next_start)
        if marks and self.inline is not None:
            self.inline.md.extend(marks)
            self.inline.marks = marks

    def _wrapped(self, next_start: int) -> bool:
        """Return True when the soft line break before byte `next_start` wraps a sentence: the line before it ends in
        a comma, or the next line goes on in lower case ('Details in' then 'the Day 2 file.'), or an editor filled the
        paragraph and the sentence goes on with a capital, a digit or a bold word ('… against a' then 'Postgres
        database.'; see `_wrapped_at_capital`). A line that names a phase ('week 2: CSS'), or that opens with a label
        ('**Duration:** 2 weeks', 'Goal: …') or a number ('2. Docker'), is a line of its own, as authors write one
        thing per line."""
        data = self.data
        end = data.find(b"\n", next_start)
        following = data[next_start : len(data) if end < 0 else end].decode("utf-8", "replace").strip().lstrip("> ")
        before = data[data.rfind(b"\n", 0, next_start - 1) + 1 : next_start].decode("utf-8", "replace").rstrip()
        if not following:
            return False
        bold = following[:2] in ("**", "__")
        if bold and (_LABEL_LINE.fullmatch(following) is not None or _LABEL_LEAD.match(following) is not None):
            return False
        if not bold and before.endswith(","):
            return True
        first = following.lstrip("[(*_`\"'“‘«")[:1]
        if first.islower() and not bold:
            return read_phase_heading(following) is None
        if not first.isalnum() or _OWN_LINE.match(following.lstrip("*_")) is not None:
            return False
        return self._wrapped_at_capital(before.lstrip(" \t>"), following, end)

    def _wrapped_at_capital(self, before: str, following: str, end: int) -> bool:
        """Return True when a line of prose (`before`) breaks a sentence that goes on in the line after it
        (`following`, which opens with a capital, a digit or a bold word; it ends at byte `end`) and ends there
        ('Postgres database.') or goes on past it in lower case: the line before ends in a word that leaves its
        sentence open ('the', 'of', 'with'), or it is as long as an editor fills a line (see `_FILLED`) and the next
        line goes on with a name, not a word that opens a sentence ('Build', 'The'). A bold label ('**Project: …**'),
        a phase's line ('Week 1 — Python basics', '__Week 2__ - CSS') or a line that ends in a colon stands alone,
        as do lines that each say one thing ('Install Python' then 'Set up VS Code', '**Objective:** Learn Python'
        then 'Build a tool.')."""
        words = before.rstrip("*_`").split()
        if not words or not words[-1][-1:].isalnum():
            return False  # it ends in a mark: a sentence's end, a colon, a label's bold run
        if before[:2] in ("**", "__") and (before[-2:] == before[:2] or _LABEL_LINE.fullmatch(before) is not None):
            return False  # a bold line: a label over what follows
        plain = before.replace("**", "").replace("__", "") if "**" in before or "__" in before else before
        open_ended = words[-1].lower() in OPEN_ENDINGS
        if not open_ended and (len(words) < 5 or len(before) + 1 + len(following.split(None, 1)[0]) <= _FILLED):
            return False  # a line its author ended ('**Objective:** Learn Python', then 'Build a tool.')
        next_plain = (
            following.replace("**", "").replace("__", "") if "*" in following or "_" in following else following
        )
        if not open_ended and next_plain.split(None, 1)[0].strip("\"'“‘«(").lower() in _SENTENCE_OPENINGS:
            return False
        if read_phase_heading(plain) is not None or read_phase_heading(next_plain) is not None:
            return False
        tail = following.rstrip(" *_`)\"'”’»")
        if tail[-1:] in (".", "!", "?", "…") or ". " in following:
            return True
        if not tail[-1:].isalnum() and tail[-1:] != ",":
            return False
        data = self.data
        if end < 0:
            return False
        stop = data.find(b"\n", end + 1)
        after = data[end + 1 : len(data) if stop < 0 else stop].decode("utf-8", "replace").strip().lstrip("> ")
        return after[:1].islower()

    def _line_depth(self) -> int:
        if self.lazy_depth is not None:
            return self.lazy_depth
        return self.items[-1][0] + 1 if self.items else 0

    def _lazy_label(self, item: list, next_start: int) -> int | None:
        """Return the depth to show the next line at when it is a bold label alone on its line, or one ending in a
        colon that opens its line ('**Homework:** a script …'), indented no deeper than the item's marker ('- [ ]
        Write tests' then '**Assignment 5:**'), else None. CommonMark reads such a line as a lazy continuation of the
        item's text; a reader sees the label of the tasks that follow it, or a labelled line of its own. The depth is
        that of the items whose markers stand left of the label (0 at the left margin)."""
        data = self.data
        start = data.rfind(b"\n", 0, next_start) + 1
        end = data.find(b"\n", next_start)
        source = data[start : len(data) if end < 0 else end]
        text = source.lstrip(b" \t")
        if text[:2] not in (b"**", b"__"):
            return None
        line = text.rstrip().decode("utf-8", "replace")
        if _LABEL_LINE.fullmatch(line) is None and _LABEL_LEAD.match(line) is None:
            return None
        indent = len(source) - len(text)
        depth = 0
        for open_item in self.items:
            at = open_item[1] + 1 if data[open_item[1] : open_item[1] + 1] == b"\n" else open_item[1]
            column = at - (data.rfind(b"\n", 0, at) + 1)
            if open_item is item and indent > column:
                return None  # indented under the item's marker: its own continuation line
            if column < indent:
                depth += 1
        return depth

    def end_lazy_line(self) -> None:
        """Emit the label line read lazily after an item's text (see `line_break`): the block that holds it ends."""
        if self.lazy_depth is not None:
            if self.in_para:
                self.emit_line(self.lazy_depth)
                self.in_para = False
            self.lazy_depth = None

    # --- event handlers, by event name ----------------------------------------------------------

    def _start_paragraph(self, _info: object, offset: int) -> None:
        self.end_lazy_line()
        if self.open_item_text() is not None and self.inline is not None:
            return  # a loose list item's first paragraph is its own text
        self.close_item_text()
        self.in_para = True
        if self.table_head is None:
            self.start_inline(offset)

    def _end_paragraph(self, _value: object, _start: int, _end: int) -> None:
        self.end_lazy_line()
        item = self.open_item_text()
        if item is not None:
            self.emit_item(item)
        elif self.in_para:
            self.emit_line(self._line_depth())
        self.in_para = False

    def _start_item(self, _info: object, offset: int) -> None:
        self.end_lazy_line()
        items = self.items
        if items and not items[-1][3]:
            self.emit_item(items[-1])
        items.append([self.list_depth - 1, offset, None, False, False, self.take_number()])
        self.inline = _Inline()
        self.block_start = offset
        self.only_anchor = True

    def _end_item(self, _value: object, _start: int, _end: int) -> None:
        self.end_lazy_line()
        item = self.items.pop()
        if not item[3]:
            self.emit_item(item)
        self.inline = None

    def _start_list(self, info: int | None, _offset: int) -> None:
        item = self.open_item_text()
        bare = item is not None and item[2] is None and (self.inline is None or self.inline.empty())
        self.close_item_text()
        if bare:  # '- - a', '1. - [ ] a': the item is this list, read in its place
            self.in_place.append(self.list_depth)
        else:
            self.list_depth += 1
        self.numbers.append(info)

    def _end_list(self, _value: object, _start: int, _end: int) -> None:
        if self.in_place and self.in_place[-1] == self.list_depth:
            self.in_place.pop()
        else:
            self.list_depth -= 1
        self.numbers.pop()

    def take_number(self) -> int | None:
        """Return the number of an item that starts now (None in a bullet list); the list counts on from it."""
        number = self.numbers[-1] if self.numbers else None
        if number is not None:
            self.numbers[-1] = number + 1
        return number

    def _start_heading(self, info: dict, offset: int) -> None:
        self.in_heading = True
        item = self.open_item_text()
        if item is not None and self.inline is not None and self.inline.empty():
            item[4] = int(info["level"][1])  # `- ### Arrays`: the heading is the item's text, of level 3
            return
        self.close_item_text()
        self.start_inline(offset)

    def _end_heading(self, value: dict, start: int, end: int) -> None:
        self.in_heading = False
        item = self.open_item_text()
        if item is not None and item[4]:
            self.emit_item(item)
            return
        ink = self.inline
        if ink is not None and ink.lead_picture and "".join(ink.plain[ink.lead_picture :]).strip():
            # an icon before the heading's words ('## ![rocket](…) Phase 1: Basics'): no word of its title
            del ink.plain[: ink.lead_picture]
        md, plain, *_ = self.take()
        if plain[-1:] == "#":
            md, plain = self._without_closing_hashes(md, plain, start, end)
        if plain[-1:] == "}":
            md, plain = _without_attributes(md, plain)
        plain = without_trailing_url(plain)  # its link stays in `md`, which its section's text keeps
        if plain:
            line = self.line_at(start)
            level = self._heading_level(int(value["Heading"][1]), plain, line)
            self.blocks.append(
                _new_block(
                    Block, ("heading", line, md, plain, level, 0, None, "", "", False, False, (), self.quote, None)
                )
            )

    def _heading_level(self, written: int, plain: str, line: int = 0) -> int:
        """Return the level of a heading just read: as written, or, written inside a '<summary>' (`<summary>`, a blank
        line, '### Phase 4: …', '</summary>') or as an Obsidian callout's title that names a phase ('> [!todo] Week 1
        — Architecture', a folding block as a '<details>' one is), that of a summary."""
        if self.in_summary:
            self.in_summary = False
            return self._nested(plain, written)
        if self.callout_phases and line in self.callout_phases:
            return self._summary_level(plain)
        self.outer_level, self.outer_title = written, plain
        return self._placed(written, plain)

    def _nested(self, plain: str, written: int = 0) -> int:
        """Return the level of the summary of the '<details>' block just opened (see `_summary_level`), and note it
        as that block's.

        A block nested in a phase's block ('<summary>Phase 1 · Basics — weeks 1–4</summary>' over
        '<details><summary>Week 1 — Tensors</summary>') is a part of that phase: its summary sits one under the
        phase's (or at the level it wraps, where that is deeper), as the nesting shows it; placed by the heading
        above both, each would be at one level, a week's block ending its phase. A block nested in one whose summary
        names no phase ('<summary><h2>🌱 Junior</h2></summary>' over Phase 2's) is placed as any summary is."""
        blocks = self.details
        outer = next((level for level in reversed(blocks[:-1]) if level is not None), None)
        level = self._placed(min(max(written, outer + 1), 6), plain) if outer else self._summary_level(plain, written)
        if blocks and blocks[-1] is None:
            blocks[-1] = level if outer or read_phase_heading(plain) is not None else 0
        return level

    def _summary_level(self, plain: str, written: int = 0) -> int:
        """Return the level of a '<details>' block's summary: one under the heading above it ('## Resources' then
        '<summary>Extra reading</summary>').

        A summary that names a phase ('Phase 1 – Linux (Weeks 1-4)') sits beside that heading instead, as a phase
        heading of its level would: the phases of a README are its plan, not parts of the section written before
        them ('## How to use this plan'), and no phase is a part of the sub-headings inside the phase before it
        ('### Terraform' in Phase 3's block): it is no deeper than that phase. Under a phase heading ('## Phase 2'
        then '<summary>Week 3</summary>') or the file's title it is one under, a part of that phase or of the file.

        A summary that wraps a heading of a level (`written`: '<summary><h2>🌱 Junior</h2></summary>') is a heading of
        that level, so a README's levels sit beside one another, unless that would end a phase it is written in
        ('<summary><h2>Resources</h2></summary>' inside '## Phase 1', for the size of its font): there it is placed
        as a summary with none is."""
        level = min(self.outer_level + 1, 6)
        if read_phase_heading(plain) is None:
            if written and not self._ends_phase(written):
                level = written
            return self._placed(level, plain)
        if self.outer_level > 1 and read_phase_heading(self.outer_title) is None:
            level = self.outer_level
        self.phase_summary_level = min(level, self.phase_summary_level or level)
        return self._placed(self.phase_summary_level, plain)

    def _placed(self, level: int, plain: str) -> int:
        """Note a heading of `level` just read among the open headings (`heading_chain`) and return its level."""
        chain = self.heading_chain
        while chain and chain[-1][0] >= level:
            chain.pop()
        chain.append((level, plain))
        return level

    def _ends_phase(self, level: int) -> bool:
        """Return whether a heading of `level` ends an open heading that names a phase or may ('Phase 2: SQL', a
        numbered '1️⃣ Python' or 'Sprint 0: Setup', which the file's plan may make phases)."""
        for at, title in self.heading_chain:
            if at >= level and (
                read_phase_heading(title) is not None
                or outline_heading(title) is not None
                or _WORD_AND_NUMBER.match(title) is not None
            ):
                return True
        return False

    def _without_closing_hashes(self, md: str, plain: str, start: int, end: int) -> tuple[str, str]:
        """Drop a heading's closing '##' that a tab parts from its text ('##\tTools\t##'), which pulldown-cmark
        keeps as text (CommonMark takes a tab as it takes a space there); an escaped '\\#' stays."""
        source = self.data[start:end].rstrip()
        hashes = len(source) - len(source.rstrip(b"#"))
        if b"\t" not in source[-hashes - 2 : -hashes] or source[:-hashes].rstrip(b" \t").endswith(b"\\"):
            return md, plain
        return md[:-hashes].rstrip(), plain[:-hashes].rstrip()

    def _start_quote(self, _info: object, _offset: int) -> None:
        self._close_item_for_block()
        self.quote += 1

    def _end_quote(self, _value: object, _start: int, _end: int) -> None:
        self.quote -= 1

    def _start_code(self, info: object, offset: int) -> None:
        self.close_item_text()
        self.code = []
        self.code_lang = info.get("Fenced", "") if isinstance(info, dict) else None
        self.code_start = offset

    def _end_code(self, _value: object, start: int, end: int) -> None:
        code = "".join(self.code or ())
        self.code = None
        if self.code_lang is not None and self.unclosed_fence is None and not self._closed(start, end):
            self.unclosed_fence = self.line_at(self.code_start)
        if code.strip():
            fence = "````" if "```" in code else "```"
            md = f"{fence}{self.code_lang or ''}\n{code.rstrip()}\n{fence}"
            line = self.line_at(self.code_start)
            self.blocks.append(
                Block("code", line, md, "", 0, self._line_depth(), None, "", "", False, False, (), self.quote)
            )

    def _start_hidden(self, info: object, offset: int) -> None:
        lead = self._html_lead(info)
        if lead is None:
            self.close_item_text()
        if info is None and not self.html:  # an HTML block: read what it shows (see `_html_block`)
            self.html_text, self.html_start, self.in_summary, self.html_lead = [], offset, False, lead
        self.html += 1
        if info is None:  # an HTML block; a footnote definition or a metadata block comes with a value
            self.html_blocks += 1

    def _html_lead(self, info: object) -> list | None:
        """Return the list item an HTML block starts ('- <div>Install Git</div>'), whose text it then is; else None."""
        item = self.open_item_text() if info is None and not self.html and self.lazy_depth is None else None
        if item is None or (self.inline is not None and not self.inline.empty()):
            return None
        return item

    def _start_note(self, label: str, offset: int) -> None:
        if self.collecting is None:  # a footnote is shown after its mark (see `_note_mark`), not where it is written
            self._start_hidden(label, offset)
            return
        self.close_item_text()
        self.note_at = (label, len(self.blocks), len(self.urls), self.dropped)

    def _end_note(self, _value: object, _start: int, _end: int) -> None:
        if self.note_at is None or self.collecting is None:
            return
        label, start, urls, dropped = self.note_at
        text = " ".join(b.md for b in self.blocks[start:] if b.kind != "code")
        first = self.first_dropped if self.dropped > dropped else None
        self.collecting[label.casefold()] = _Note(text, tuple(self.urls[urls:]), self.dropped - dropped, first)
        del self.blocks[start:]
        self.note_at = None

    def _note_mark(self, label: str) -> None:
        """Show a footnote after its mark ('cookies[^mdn]'), in brackets: its text and links where they are read."""
        ink = self.inline
        note = self.notes.get(label.casefold()) if self.notes else None
        if note is None or not note.md or ink is None or ink.images:
            return
        ink.md.append(f" ({note.md})")
        if label.casefold() not in self.notes_used:  # its links are counted once, as they are written once
            self.notes_used.add(label.casefold())
            self.urls += note.urls
            self.dropped += note.dropped
            self.first_dropped = self.first_dropped or note.first_dropped

    def _html(self, value: str) -> None:
        if self.html_text is not None:
            self.html_text.append(value)

    def _html_block(self) -> None:
        """Read the HTML block just read as GitHub shows it: a heading of each '<h1>'-'<h6>' and '<summary>', a line
        of each line of a '<p>' (or of text outside one), an item of each '<li>', a row of each row of a '<table>'
        (see `_HtmlBlock`), and the text of an '<aside>' (a Notion callout) as a quote."""
        text = "".join(self.html_text or ())
        self.html_text = None
        if "<" not in text:
            return
        text = _HTML_NOT_SHOWN.sub(_blank_lines, text)  # line breaks kept: the lines stay right
        folded = text.casefold()
        # '<details>\n<summary>' then a blank line: the summary's text is the markdown heading after this block
        self.in_summary = folded.rfind("<summary") > folded.rfind("</summary") and not self.items
        first_line = self.line_at(self.html_start)
        aside = _ASIDE.match(text)
        if aside is not None:
            self._quoted(aside.group(1), first_line + text.count("\n", 0, aside.start(1)))
            return
        inner = _MARKDOWN_BLOCK.match(text) if not self.items and "markdown" in folded else None
        if (
            inner is not None
            and inner.group(3).strip()
            and not inner.group(3).lstrip().startswith("<")
            and _MARKDOWN_ATTRIBUTE.search(_QUOTED_VALUE.sub(_blank_value, inner.group(2))) is not None
        ):
            # the block's text is read as markdown where it is, no quote: it is the page's own text
            self._quoted(textwrap.dedent(inner.group(3)), first_line + text.count("\n", 0, inner.start(3)), deeper=0)
            return
        from bot.content.html_tokens import html_tokens  # imported on a file's first HTML block: most have none

        _HtmlBlock(self, first_line).read(html_tokens(text))

    def _quoted(self, text: str, first_line: int, deeper: int = 1) -> None:
        """Read markdown written inside raw HTML (`text`, from line `first_line`) into blocks `deeper` quotes deeper."""
        reader = _Reader(text, first_line, self.base_url)
        for block in reader.read():
            self.blocks.append(block._replace(quote=block.quote + self.quote + deeper))
        self.urls += reader.urls
        if reader.dropped:
            self.dropped += reader.dropped
            self.first_dropped = self.first_dropped or reader.first_dropped
        self._count_images(reader)

    def _count_images(self, reader: _Reader) -> None:
        """Count the relative images another reader (of a quote, a cell) found as this one's."""
        if reader.images_dropped:
            self.images_dropped += reader.images_dropped
            self.first_image_dropped = self.first_image_dropped or reader.first_image_dropped

    def _start_table(self, _info: object, _offset: int) -> None:
        self._close_item_for_block()
        self.table_head = []

    def _end_table(self, _value: object, _start: int, _end: int) -> None:
        self.table_head = None
        if self.linked_rows and len(self.linked_rows) * 5 >= self.table_rows * 4:
            self.contents_tables.append((self.table_rows, self.linked_rows))
        self.linked_rows, self.table_rows = [], 0

    def _start_table_head(self, _info: object, _offset: int) -> None:
        self.in_head = True

    def _end_table_head(self, _value: object, _start: int, _end: int) -> None:
        self.in_head = False

    def _start_row(self, _info: object, offset: int) -> None:
        self.cells, self.cell_anchors, self.cell_targets = [], [], []
        self.row_start = offset

    def _end_cell(self, _value: object, start: int, end: int) -> None:
        md, plain, _, _, anchor = self.take()
        if CELL_BREAK in plain:
            md, plain = _cell_text(md), _cell_text(plain)
        if self.in_head and self.table_head is not None:
            self.table_head.append((plain, md))
        else:
            self.cells.append((plain, md))
            self.cell_anchors.append(anchor)
            place = _IN_PAGE_LINK.search(self.data[start:end].decode("utf-8", "replace")) if anchor else None
            self.cell_targets.append(place.group(1) if place is not None else "")

    def _code_span(self, value: str) -> None:
        ink = self.inline
        if ink is not None and not ink.images:
            # Code in an in-page link's text ('[Build your own `Shell`](#…)') is the link's, as its plain words are.
            if not (ink.links and ink.links[-1][3]):
                self.only_anchor = False
            ink.md.append(f"`{value}`" if "`" not in value else f"`` {value} ``")
            ink.plain.append(value)

    def _math(self, value: str) -> None:
        """Show LaTeX maths ('$x_i$', '$$ … $$') as a code span of what is written between its dollars: Discord
        shows no maths, and as code its backslashes, '_' and '|' stay as written."""
        maths = _squash(value.replace("\n", " "))
        if maths:
            self._code_span(maths)

    def _task_marker(self, value: bool) -> None:
        if self.items:
            self.items[-1][2] = value

    def _inline_html(self, value: str) -> None:
        tag = value[:3].lower()
        if tag == "<br" and self.table_head is not None:
            self.cell_break()
        elif self.table_head is not None and (name := _TAG_NAME.match(value)) and name[1].lower() in _HTML_BLOCK_TAGS:
            # GitBook writes a cell's list and paragraphs as HTML ('<ul><li>Sprints</li><li>Roles</li></ul>'): each
            # is a line of the cell, as in an HTML table (see `_HtmlTable`), no word glued to the next
            self.cell_break()
        elif tag == "<br":
            self.text(" ")
        elif (
            (name := _PLACEHOLDER_TAG.fullmatch(value))
            and (low := name[1].lower()) not in _HTML_INLINE_TAGS
            and (low not in _HTML_BLOCK_TAGS)
        ):
            self.text(value)  # 'Given <context>, when <action>': what a template asks to fill in, as written
        elif tag == "<a " and (href := _HTML_HREF.search(value)) is not None and self.inline is not None:
            url = html.unescape(next(filter(None, href.groups()), ""))
            self.start_link({"dest_url": url}, False)  # '<a href="…">text</a>' is a link as '[text](…)' is
            self.inline.html_links += 1
        elif tag == "</a" and self.inline is not None and self.inline.html_links:
            self.inline.html_links -= 1
            self.end_link(False, self.block_start)
        elif (
            tag == "<im"
            and value[:5].lower() == "<img "
            and self.inline is not None
            and self.inline.links
            and ((item := self.open_item_text()) is None or item[2] is None)
        ):
            # a picture in a link ('<a href="…/00.png"><img src="…/00.png" /></a>' after a step, a screenshot to
            # open in full): the link is the picture's, as a badge's is, no words of the line (see `end_link`); a
            # task's words are its ID, and keep the file's name the link is shown by
            self.inline.images_seen += 1
        elif (
            tag == "<su"
            and value[4:5] == ">"
            and (ink := self.inline) is not None
            and not ink.images
            and ink.md
            and (ink.md[-1][-1:] == " " or ink.link_end == len(ink.md))
        ):
            # A note set apart from the words before it ('[Pro Git](…) <sup>FREE</sup>') reads '(FREE)', as written
            # without HTML, and so does one right after a link ('[Lecture Videos](…)<sup>video</sup>': no word of
            # the link's text); a superscript of the word before it ('x<sup>2</sup>', a footnote's number) as it is,
            # and so is one the words after it join ('<sup>new</sup>er': see `_join_note`).
            if ink.sup_notes is None:
                ink.sup_notes = []
            ink.sup_notes.append((len(ink.md), len(ink.plain)))
            self.text("(" if ink.md[-1][-1:] == " " else " (")
        elif tag == "</s" and value[5:6] == ">" and (ink := self.inline) is not None and ink.sup_notes:
            md_open, plain_open = ink.sup_notes.pop()
            self.text(")")
            if ink.plain[plain_open] == " (" and not any(c.isalpha() for c in "".join(ink.plain[plain_open:])):
                # no word right after a link's text ('[E = mc](…)<sup>2</sup>'): a power or a footnote's number of
                # its last word, as written
                ink.md[md_open] = ink.md[-1] = ink.plain[plain_open] = ink.plain[-1] = ""
                return
            ink.sup_closed = (md_open, plain_open, len(ink.md) - 1, len(ink.plain) - 1)

    def cell_break(self) -> None:
        """Start a line of its own in the table cell being read ('**SQL basics**<br>☐ SQLBolt'): see `cell_lines`."""
        ink = self.inline
        if ink is not None and not ink.images:
            ink.md.append(CELL_BREAK)
            ink.plain.append(CELL_BREAK)

    def _closed(self, start: int, end: int) -> bool:
        """Return True when the fenced block at data[start:end] ends with a closing fence line, or ends before the
        body does. A fence in a block quote or a list item is closed by its own closing line, written after the
        quote's '>' marks ('> ```') and the item's indent; one never closed there ends with its quote or item, as
        CommonMark reads it, and what follows is read as written: only a fence that runs to the end of the body
        makes everything after it code."""
        lines = self.data[start:end].rstrip().split(b"\n")
        opening = lines[0].lstrip()
        mark = opening[:1] * (len(opening) - len(opening.lstrip(opening[:1])))
        closing = lines[-1]
        for _ in range(self.quote):  # the '>' of each quote the fence is in, each after optional blanks
            closing = closing.lstrip(b" \t")
            closing = closing[1:] if closing[:1] == b">" else closing
        closing = closing.strip()
        if len(lines) > 1 and closing.startswith(mark) and not closing.strip(mark[:1]):
            return True
        return bool(self.data[end:].strip(b" \t\r\n>"))

    def _emit_row(self) -> None:
        line = self.line_at(self.row_start)
        self.table_rows += 1
        copies = side_by_side(self.table_head or [])
        if copies is not None:  # '| Day | Task |   | Day | Task |': each copy of the columns is a row of its own
            head = self.table_head or []
            for columns in copies:
                at = [i for i in columns if i < len(self.cells)]
                if at:
                    cells, anchors = [self.cells[i] for i in at], [self.cell_anchors[i] for i in at]
                    self.add_row([head[i] for i in at], cells, line, anchors)
            return
        self.add_row(self.table_head or [], self.cells, line, self.cell_anchors)
        if self.blocks and self.blocks[-1].line == line and any(self.cell_anchors):
            row = self.blocks[-1]
            if not row.anchor_only and _contents_row(self.table_head or [], self.cells, self.cell_anchors, row.label):
                cells = zip(self.cells, self.cell_targets, strict=True)
                self.linked_rows.append((line, next((to for (plain, _), to in cells if plain == row.label), "")))

    def add_row(
        self, head: list[tuple[str, str]], row: list[tuple[str, str]], line: int, anchors: list[bool] | None = None
    ) -> None:
        """Make a table row's block of its cells' (clean text, markdown), under the header cells `head` (the same).
        `anchors`: whether each cell is in-page links alone; a row whose cells with words all are ('| 1 | [Day
        0](#day-0) · [Day 1](#day-1) |') is a row of a table of contents, marked `anchor_only` as such a list item
        is."""
        anchor_only = anchors is not None and any(anchors)
        if anchor_only and anchors is not None:
            anchor_only = all(a or not any(c.isalpha() for c in p) for (p, _), a in zip(row, anchors, strict=True))
        # a cell of a notebook's badge alone has links but no words (see `_badge_link`): one of the row's details
        cells = tuple(
            (_header_name(head[i][0]) if i < len(head) else "", md, plain)
            for i, (plain, md) in enumerate(row)
            if (plain and plain.casefold() not in _PLACEHOLDER_CELLS) or (not plain and md)
        )
        if not any(plain for _, _, plain in cells):
            return
        # The title is the cell under a column of titles or problems ('| 1 | Array | Two Sum |' under '| Number | Type
        # | Title |' is about Two Sum), else the first cell with words but dates: '| 5 | 41-50 | Networking |' is about
        # Networking, '| 8 | Mar 2–6 | Midterm |' about the Midterm. A cell that only numbers the row ('| 1 | Arrays |'
        # under '| # | Topic |') is neither its title nor one of its details.
        shown = uncounted(cells)
        first = titles_column_cell(shown)
        if first is None:
            first = title_cell(shown) or 0
        _, title_md, title_plain = shown[first]
        if CELL_BREAK in title_md:  # its first line titles the row; its other lines are the row's (see `cell_lines`)
            title_md, title_plain = cell_lines(title_md)[0], cell_lines(title_plain)[0]
        others = shown[:first] + shown[first + 1 :]
        # A course keyed by a code ('| PC3 | Object Oriented Programming in Java |' under '| ID | Course |') is
        # titled by its course, its code after it, as a prerequisite names it ('Requirements: PC3')
        code = next((plain for head, _, plain in shown[:first] if code_cell(head, plain)), "")
        details = [f"{h}: {flat_cell(md)}" if h else flat_cell(md) for h, md, _ in others]
        md = title_md + (" — " + " · ".join(details) if details else "")
        if first and only_day(shown[0][2]):
            # A schedule's row shows its day first, as written ('Tue — Topic: Hash maps · Problems: …'), though
            # its title is what is done that day ('Hash maps'); the author's status of the day ('| Status |' of
            # 'Complete') is no detail
            details.insert(first, f"{shown[first][0]}: {title_md}" if shown[first][0] else title_md)
            # `details` holds a detail for each cell of `shown`, in its order
            kept = [d for i, d in enumerate(details[1:], 1) if not status_cell(shown[i][0], shown[i][2])]
            md = f"{flat_cell(shown[0][1])} — {' · '.join(kept)}"
        plain = " — ".join([title_plain, *(flat_cell(p) for _, _, p in others if p)])
        self.blocks.append(
            Block(
                "row",
                line,
                md,
                plain,
                depth=self.items[-1][0] + 1 if self.items else 0,
                label=f"{title_plain} ({code.strip()})" if code else title_plain,
                anchor_only=anchor_only,
                cells=cells,
                quote=self.quote,
            )
        )


def side_by_side(head: Sequence[tuple[str, str]]) -> list[list[int]] | None:
    """Return the columns of each copy of a table's columns laid side by side to fit a page ('| Day | Task |   | Day |
    Task |', blank columns between the copies or none), by index; None for any other table."""
    named = [i for i, (plain, _) in enumerate(head) if plain.strip()]
    words = [head[i][0].strip().casefold() for i in named]
    for width in range(2, len(named) // 2 + 1):
        if len(named) % width or any(words[i] != words[i % width] for i in range(width, len(named))):
            continue
        copies = [named[at : at + width] for at in range(0, len(named), width)]
        # a blank column only between copies: one inside a copy is a column of its own
        if all(cols[-1] - cols[0] == width - 1 for cols in copies):
            return copies
    return None


# The place an in-page link in a cell's source goes to ('[Setup](#lab-1-setup)': 'lab-1-setup').
_IN_PAGE_LINK = re.compile(r"\]\(\s*<?#([^\s)>]*)")


def _contents_row(head: list[tuple[str, str]], row: list[tuple[str, str]], anchors: list[bool], title: str) -> bool:
    """Return True for a row of a table of contents that says more of each entry ('| 04 | [Streaming
    replication](#lab-04) | 1 h |'): its title is a link into the page, whose section is the entry. A row that counts
    weeks or months ('| 1 | [Setup](#setup) |' under '| Week | Topic |') may be a plan, and stays a row."""
    if not any(a and plain == title for (plain, _), a in zip(row, anchors, strict=True)):
        return False
    return not any(table_row_heading(head[i][0], plain) for i, (plain, _) in enumerate(row) if i < len(head))


# The events that may open a text (see `_Reader._loose_text`): inline ones, and the starts of inline marks.
_INLINE_EVENTS = frozenset({"Text", "Code", "InlineMath", "InlineHtml", "FootnoteReference", "Start"})
_INLINE_STARTS = frozenset({"Strong", "Emphasis", "Strikethrough", "Link", "Image"})
# The reader's event handlers, by event name, called as handler(reader, ...): made once, not per file.
_STARTS: dict[str, Callable[[_Reader, Any, int], None]] = {
    "Paragraph": _Reader._start_paragraph,
    "Item": _Reader._start_item,
    "List": _Reader._start_list,
    "Heading": _Reader._start_heading,
    "Strong": lambda reader, _info, offset: reader.mark("**", True, offset),
    "Emphasis": lambda reader, _info, offset: reader.mark("*", True, offset),
    "Strikethrough": lambda reader, _info, offset: reader.mark("~~", True, offset),
    "Link": lambda reader, info, _offset: reader.start_link(info, False),
    "Image": lambda reader, info, _offset: reader.start_link(info, True),
    "BlockQuote": _Reader._start_quote,
    "CodeBlock": _Reader._start_code,
    "Table": _Reader._start_table,
    "TableHead": _Reader._start_table_head,
    "TableRow": _Reader._start_row,
    "TableCell": lambda reader, _info, offset: reader.start_inline(offset),
    **dict.fromkeys(_HIDDEN, _Reader._start_hidden),
    "FootnoteDefinition": _Reader._start_note,
}
_ENDS: dict[str, Callable[[_Reader, Any, int, int], None]] = {
    "Paragraph": _Reader._end_paragraph,
    "Item": _Reader._end_item,
    "List": _Reader._end_list,
    "Heading": _Reader._end_heading,
    "Strong": lambda reader, _value, start, _end: reader.mark("**", False, start),
    "Emphasis": lambda reader, _value, start, _end: reader.mark("*", False, start),
    "Strikethrough": lambda reader, _value, start, _end: reader.mark("~~", False, start),
    "Link": lambda reader, _value, start, _end: reader.end_link(False, start),
    "Image": lambda reader, _value, start, _end: reader.end_link(True, start),
    "BlockQuote": _Reader._end_quote,
    "CodeBlock": _Reader._end_code,
    "TableCell": _Reader._end_cell,
    "TableHead": _Reader._end_table_head,
    "TableRow": lambda reader, _value, _start, _end: reader._emit_row(),
    "Table": _Reader._end_table,
    "FootnoteDefinition": _Reader._end_note,  # while reading the footnotes; else a footnote is hidden
}
_OTHERS: dict[str, Callable[[_Reader, Any], None]] = {
    "Code": _Reader._code_span,
    "TaskListMarker": _Reader._task_marker,
    "InlineHtml": _Reader._inline_html,
    "FootnoteReference": _Reader._note_mark,
    "Html": _Reader._html,
    "InlineMath": _Reader._math,
    "DisplayMath": _Reader._math,
}


class _HtmlTable:
    """An HTML '<table>' being read: its header cells, and whether a data row came yet. It outlives the HTML block
    it opens in, as a blank line between two '<tr>'s parts the table into blocks."""

    __slots__ = ("head", "in_head", "nested", "rows")

    def __init__(self) -> None:
        self.head: list[tuple[str, str]] | None = None  # (clean text, markdown) of each header cell
        self.in_head = False  # inside '<thead>'
        self.rows = 0  # data rows read
        self.nested = 0  # tables open inside a cell of this one: their cells are that cell's text


class _HtmlBlock:
    """Read the tags and text of one raw HTML block (a `bot.content.html_tokens` stream) into the reader's blocks.

    What GitHub shows as text is read, as its markdown counterpart is: a '<p>' is a paragraph (a line per '<br>'), and
    so is text outside one (in a '<div>', a '<details>' block), up to the next block tag; a '<table>' a table (a row
    whose cells are all '<th>', or rows of a '<thead>', its header; a row block per other row; a cell spans the
    columns its 'colspan' gives); an '<li>' of a '<ul>' or '<ol>' a list item (nested lists deeper; a checkbox or
    '[ ]' before its text makes it a task); '<h1>'-'<h6>' and '<summary>' headings. The text goes through the
    reader's own inline handling, so links ('<a href>' as '[text](url)'), in-page anchors, bare URLs and escapes
    come out as in markdown, an '<img>' as its alt text as a markdown image is (see `image`); other tags are dropped.

    In a markdown list item ('- Git' then '  <ul><li>branches</li></ul>') the block's items and lines are one level
    under the item, and its headings are lines; the text of a block that starts an item ('- <div>Git</div>') is the
    item's own text."""

    def __init__(self, reader: _Reader, first_line: int) -> None:
        self.reader = reader
        self.first_line = first_line
        self.base = reader.items[-1][0] + 1 if reader.items else 0  # the depth of its outermost items and lines
        self.lead, reader.html_lead = reader.html_lead, None  # the markdown item whose text its first line is
        if self.lead is not None:
            reader.inline = None  # the item's text starts as a paragraph would (see `end_paragraph`)
        self.lists: list[int | None] = []  # of each open '<ul>' or '<ol>': its next item's number (None: a '<ul>')
        self.open_items: list[int] = []  # the depths of the open '<li>'s
        self.item: list | None = None  # the '<li>' whose own text is being read: [depth, line, task, number]
        self.heading: list[str] | None = None  # the text of an open heading
        self.heading_tag = ""
        self.heading_line = 0
        self.heading_written = 0  # the level of an '<h1>'-'<h6>' inside the open '<summary>' (0: none)
        self.paragraph = False  # a '<p>' is open: its text is the reader's inline run
        self.line: int | None = None  # the line of the paragraph's text being read
        # An open row: (clean text, markdown, a '<th>', a picture in a link, the columns it spans) per cell
        self.row: list[tuple[str, str, bool, bool, int]] | None = None
        self.row_line = 0
        self.cell: bool | None = None  # an open cell: True for a '<th>'
        self.span = 1  # the columns the open cell spans
        self.pictured = False  # the open cell holds an image in a link (an avatar, a logo)
        self.links: list[bool] = []  # of each open '<a>': whether it opened a link (it has an href)

    def read(self, tokens: list[Token]) -> None:
        reader = self.reader
        made = len(reader.blocks)
        for kind, value, href, line, alt, attrs in tokens:
            if kind == "text":
                self.text(value, self.first_line + line - 1)
            elif kind == "start" and value == "img":
                self.image(href, alt, self.first_line + line - 1)
            elif kind == "start":
                self.start(value, href, self.first_line + line - 1, attrs)
            else:
                self.end(value)
        # The block ends at a blank line: what is open ends with it (but for a table, see `_HtmlTable`).
        self.heading = None  # an unclosed '<summary>' heads the markdown after the block (see `_html_block`)
        self.end_paragraph()
        self.end_row()
        reader.inline = None
        # Its blocks go on from one another, and from the block before it when no blank line is before it.
        joined = made if made and not self.after_blank() else made + 1
        reader.html_joined.update(block.line for block in reader.blocks[joined:])

    def after_blank(self) -> bool:
        """Return True when a blank line (or a quote's '>' alone) is before the HTML block's first line."""
        data, start = self.reader.data, self.reader.html_start
        end = data.rfind(b"\n", 0, start)
        return end < 0 or not data[data.rfind(b"\n", 0, end) + 1 : end].strip(b" \t\r>")

    def text(self, value: str, line: int) -> None:
        if self.heading is not None:
            self.heading.append(value)
            return
        if self.reader.inline is None and not self.start_bare(value):
            return
        if self.line is None and not value.isspace():
            self.line = line + value[: len(value) - len(value.lstrip())].count("\n")
        self.reader.text(value.replace("\n", " "))

    def start_bare(self, value: str) -> bool:
        """Start a paragraph of text outside any ('<div>Install Git</div>'), but for blanks and text in a table
        outside its cells (which no cell shows); return whether one started."""
        if value.isspace() or self.reader.html_table is not None:
            return False
        self.paragraph, self.line = True, None
        self.reader.start_inline(self.reader.html_start)
        return True

    def start(self, tag: str, href: str | None, line: int, attrs: dict[str, str | None] | None = None) -> None:
        reader = self.reader
        if tag == "details":
            reader.details.append(None)
            reader.details_heads.append(None)
        if self.heading is not None:
            if tag == "br":
                self.heading.append(" ")
            elif tag[0] == "h" and tag in _HTML_HEADINGS and self.heading_tag == "summary":
                self.heading_written = self.heading_written or int(tag[1])
            return
        table = reader.html_table
        nested = table is not None and table.nested > 0
        if tag in _HTML_HEADINGS and self.base:  # a heading in a list item reads as a line of the item
            self.end_paragraph()
        elif tag in _HTML_HEADINGS:
            self.end_paragraph()
            self.heading, self.heading_tag, self.heading_line, self.heading_written = [], tag, line, 0
        elif tag == "table" and self.cell is not None:
            if table is not None:
                table.nested += 1
            reader.text(" ")
        elif tag == "table":
            self.end_paragraph()
            self.end_row()
            reader.html_table = _HtmlTable()
        elif tag in ("tr", "td", "th") and nested:
            reader.text(" ")
        elif tag in ("tr", "td", "th"):
            if table is None:  # its '<table>' tag is in a block not read (inside a list, say)
                reader.html_table = _HtmlTable()
            if tag == "tr":
                self.end_row()
                self.row, self.row_line = [], line
                return
            self.end_cell()
            self.end_paragraph()
            if self.row is None:
                self.row, self.row_line = [], line
            self.cell, self.pictured, self.line = tag == "th", False, None
            self.span = _colspan(attrs)
            reader.start_inline(reader.html_start)
        elif tag == "thead" and table is not None and not nested:
            table.in_head = True
        elif tag == "a":
            if reader.inline is None and self.cell is None:
                self.start_bare("a")  # the link starts a paragraph ('<div><a href="…">Docs</a></div>')
            if href is not None:
                reader.start_link({"dest_url": href}, False)  # '<a href="…">text</a>' is a link as '[text](…)' is
            self.links.append(href is not None)
        elif self.cell is not None:
            if tag == "br" and not nested:  # a line of its own in the cell, as in a markdown table's
                reader.cell_break()
            elif tag in _HTML_BLOCK_TAGS:
                reader.text(" ")
        elif tag in ("ul", "ol"):
            self.end_paragraph()
            self.lists.append(_list_start(attrs) if tag == "ol" else None)
        elif tag == "li":
            self.start_item(line)
        elif tag == "input" and self.item is not None and attrs and (attrs.get("type") or "").casefold() == "checkbox":
            self.item[2] = "checked" in attrs
        elif tag == "br" and self.item is not None:
            reader.text(" ")
        elif tag == "p" and self.item is not None and reader.inline is not None and reader.inline.empty():
            pass  # the item's own text is in a '<p>' ('<li><p>Git</p></li>', a loose list)
        elif tag == "p":
            self.end_paragraph()
            self.paragraph, self.line = True, None
            reader.start_inline(reader.html_start)
        elif tag == "br" and self.paragraph:  # a line of its own, as markdown's hard line break makes one
            self.end_paragraph()
            self.paragraph = True
            reader.start_inline(reader.html_start)
        elif tag in _HTML_BLOCK_TAGS:
            self.end_paragraph()

    def image(self, src: str | None, alt: str | None, line: int) -> None:
        """Show an '<img>' as a markdown image is shown: its alt text (a link when its URL is absolute) where it is,
        or on a line of its own outside a paragraph and a cell; none in a link (a badge, a logo) or of a badge."""
        reader = self.reader
        if self.heading is not None:
            return
        alone = reader.inline is None
        if alone:
            if not alt or not alt.strip() or any(self.links):  # in a link: a logo, not shown
                return
            self.paragraph, self.line = True, line
            reader.start_inline(reader.html_start)
        elif self.line is None and alt and alt.strip():
            self.line = line
        first = reader.first_image_dropped
        reader.start_link({"dest_url": src or ""}, True)  # a link around it only is a badge (see `end_link`)
        if alt:
            reader.text(alt.replace("\n", " "))
        reader.end_link(True, reader.html_start)
        if first is None and reader.first_image_dropped is not None:
            reader.first_image_dropped = line  # the line of the image, not of the block it is in
        self.pictured = self.pictured or (self.cell is not None and any(self.links))
        if alone:
            made = len(reader.blocks)
            self.end_paragraph()
            reader.html_shown += len(reader.blocks) - made  # a picture, no text of the page's to read

    def end(self, tag: str) -> None:
        reader = self.reader
        if tag == "details" and reader.details:
            reader.details.pop()
            head = reader.details_heads.pop() if reader.details_heads else None
            if head is not None:
                reader.details_closed.append((head, len(reader.blocks)))
        if self.heading is not None:
            if tag == self.heading_tag:
                self.end_heading()
            return
        table = reader.html_table
        if table is not None and table.nested:
            if tag == "table":
                table.nested -= 1
            if tag in ("table", "tr", "td", "th"):
                reader.text(" ")
                return
        if tag == "a":
            if self.links and self.links.pop():
                dropped = reader.first_dropped
                reader.end_link(False, reader.html_start)
                if dropped is None and reader.first_dropped is not None and self.line is not None:
                    reader.first_dropped = self.line  # the line of the link, not of the block it is in
        elif tag in ("td", "th"):
            self.end_cell()
        elif tag == "tr":
            self.end_row()
        elif tag in ("thead", "tbody", "tfoot"):
            self.end_row()
            if table is not None:
                table.in_head = False
        elif tag == "table":
            self.end_row()
            reader.html_table = None
        elif self.cell is not None and tag in _HTML_BLOCK_TAGS:
            reader.text(" ")
        elif tag == "li":
            self.end_paragraph()
            if self.open_items:
                self.open_items.pop()
        elif tag in ("ul", "ol"):
            self.end_paragraph()
            if self.lists:
                self.lists.pop()
            self.close_items(self.base + len(self.lists))
        elif tag in _HTML_BLOCK_TAGS:  # '</p>', '</div>': the text after it is a paragraph of its own
            self.end_paragraph()

    def end_heading(self) -> None:
        reader = self.reader
        text, tag = "".join(self.heading or ()), self.heading_tag
        self.heading = None
        plain = _squash(emoji_shortcodes(text).replace("\n", " "))
        if not plain:
            return
        if tag == "summary" and _SUMMARY_PROMPT.fullmatch(plain) is not None:
            return  # '📂 Click to expand': what to do with the block, which names nothing in it
        if tag == "summary" and plain[-1] in ")]":  # 'Portfolio checklist (click to expand)': the prompt names nothing
            at = plain.rfind("(" if plain[-1] == ")" else "[")
            if at > 0 and _SUMMARY_PROMPT.fullmatch(plain[at + 1 : -1]) is not None:
                plain = plain[:at].rstrip()
        if tag[0] == "h":
            level = reader._heading_level(int(tag[1]), plain)
        else:
            level = reader._nested(plain, self.heading_written)
        line, quote = self.heading_line, reader.quote
        if tag == "summary" and reader.details_heads and reader.details_heads[-1] is None:
            reader.details_heads[-1] = line
        block = ("heading", line, escape(plain), plain, level, 0, None, "", "", False, False, (), quote, None)
        reader.blocks.append(_new_block(Block, block))
        reader.html_shown += 1

    def start_item(self, line: int) -> None:
        """Start an '<li>': an item one level under the open list's parent item (a '<li>' of no list is an outermost
        one), numbered on from the one before it in an '<ol>'."""
        self.end_paragraph()
        lists = self.lists
        depth = self.base + max(len(lists) - 1, 0)
        self.close_items(depth)  # an '<li>' whose '</li>' is left out ends at the next one
        self.open_items.append(depth)
        number = lists[-1] if lists else None
        if number is not None:
            lists[-1] = number + 1
        self.item = [depth, line, None, number]
        self.reader.start_inline(self.reader.html_start)

    def close_items(self, depth: int) -> None:
        """Close the open '<li>'s at `depth` or deeper."""
        while self.open_items and self.open_items[-1] >= depth:
            self.open_items.pop()

    def end_item(self) -> None:
        """End the own text of the open '<li>': an item block, a task when a checkbox or '[ ]' starts it."""
        depth, line, task, number = self.item or (0, 0, None, None)
        self.item = None
        reader = self.reader
        md, plain, label, rest, anchor = reader.take()
        box = TEXT_BOX.match(plain) if task is None else None
        in_md = TEXT_BOX.match(md) if box is not None else None
        if box is not None and in_md is not None:  # '<li>[ ] Ship it</li>': GitHub shows the box, a reader a task
            task, plain, md = box[1] != " ", plain[box.end() :], md[in_md.end() :]
        if plain:
            block = ("item", line, md, plain, 0, depth, task, label, rest, anchor, False, (), reader.quote, number)
            reader.blocks.append(_new_block(Block, block))

    def end_paragraph(self) -> None:
        """End the open paragraph's line (a line of its section, as a markdown paragraph's line is), or the open
        '<li>''s own text."""
        if self.item is not None:
            self.end_item()
            return
        if not self.paragraph:
            return
        reader = self.reader
        self.paragraph = False
        if self.lead is not None:  # '- <div>Install Git</div>': the item's own text
            lead, self.lead = self.lead, None
            reader.emit_item(lead)
            return
        md, plain, label, rest, anchor = reader.take()
        depth = self.open_items[-1] + 1 if self.open_items else self.base  # under the item it is in
        if plain and self.line is not None:
            block = ("line", self.line, md, plain, 0, depth, None, label, rest, anchor, False, (), reader.quote, None)
            reader.blocks.append(_new_block(Block, block))

    def end_cell(self) -> None:
        if self.cell is None or self.row is None:
            return
        md, plain, *_ = self.reader.take()
        if CELL_BREAK in plain:
            md, plain = _cell_text(md), _cell_text(plain)
        self.row.append((plain, md, self.cell, self.pictured, self.span))
        self.cell = None

    def end_row(self) -> None:
        """End the open row: the table's header (see `_HtmlBlock`), or a row block as a markdown table's row is."""
        self.end_cell()
        row, self.row = self.row, None
        if not row:
            return
        reader = self.reader
        table = reader.html_table or _HtmlTable()
        if table.in_head or (table.head is None and not table.rows and all(th for _, _, th, _, _ in row)):
            # A header that spans columns names each of them ('<th colspan="2">Resources</th>').
            table.head = [(plain, md) for plain, md, _, _, span in row for _ in range(span)]
            return
        table.rows += 1
        # A row of pictures in links, each with a caption at most (contributors' avatars, sponsors' logos), credits
        # people: it is no topic of the path.
        if all(pictured for plain, _, _, pictured, _ in row if plain):
            return
        # A cell that spans columns leaves them empty, so the cells after it stay under their headers.
        cells = [cell for plain, md, _, _, span in row for cell in [(plain, md), *[("", "")] * (span - 1)]]
        reader.add_row(table.head or [], cells, self.row_line)


# A task box written as text at the start of an HTML list item ('<li>[ ] Ship it</li>', '[x]'): the item is a task.
TEXT_BOX = re.compile(r"\[([ xX])\]\s+")  # a task's box written as text: '[ ] Ship it', '[x] Basics'
# A task's box ticked with a check mark instead of an 'x' ('- [✓] Two Sum', '- [✔️] Ship it', '- [√] Basics'), which
# GitHub shows as text: the author's tick, as '[x]' is.
TICKED_BOX = re.compile(r"\[(?:✓|✔\ufe0f?|√|☑\ufe0f?)\][ \t]+")


# A task's box that says the author is on it, which GitHub shows as text: '[/]' (Obsidian's and many trackers' "in
# progress"), and '[-]' where the file's legend says so (`DASH_BOX_OPEN`; elsewhere it is Obsidian's "cancelled"): an
# open task, as '[ ]' is, for a learner who is not on it yet.
OPEN_BOX = re.compile(r"\[/\][ \t]+")
DASH_BOX = re.compile(r"\[-\][ \t]+")
# A legend line that names '[-]' a state of work under way ('- `[-]` → Need revision / In progress', '[-] = doing').
DASH_BOX_OPEN = re.compile(
    r"\[-\]`?[ \t]*(?:→|->|=>|=|:|–|—|-)[^\n]*?\b(?:in[ \t]+progress|doing|revision|revisit|review|started|partial)",
    re.IGNORECASE,
)


def _ticked_box(task: bool | None, plain: str, md: str, dash_open: bool = False) -> tuple[bool | None, str, str]:
    """Return an item's task state, clean text and markdown read with a box ticked with a check mark that opens it
    ('[✓] Two Sum' is a ticked task 'Two Sum'), or a box of work under way (`OPEN_BOX`, and `DASH_BOX` where
    `dash_open`: '[/] Docker' is an open task 'Docker'); as they are without one."""
    boxes = (
        ((TICKED_BOX, True), (OPEN_BOX, False), (DASH_BOX, False))
        if dash_open
        else ((TICKED_BOX, True), (OPEN_BOX, False))
    )
    for pattern, state in boxes:
        box = pattern.match(plain)
        if box is None:
            continue
        in_md = pattern.match(md)
        if in_md is None or not plain[box.end() :].strip():
            return task, plain, md
        return state, plain[box.end() :], md[in_md.end() :]
    return task, plain, md


_MAX_COLSPAN = 50  # more columns than any table of a role file has: a larger 'colspan' spans the rest of the row


def _colspan(attrs: dict[str, str | None] | None) -> int:
    """Return the columns a cell spans: its 'colspan' (1 when missing or not a number)."""
    value = ((attrs or {}).get("colspan") or "").strip()
    # ASCII digits only ('²' is a digit int() cannot read), and few of them
    return min(int(value), _MAX_COLSPAN) if value.isascii() and value.isdigit() and 0 < len(value) <= 4 else 1


def _list_start(attrs: dict[str, str | None] | None) -> int:
    """Return the number of an '<ol>''s first item: its 'start' (1 when missing or not a number)."""
    value = ((attrs or {}).get("start") or "").strip()
    digits = value.removeprefix("-")
    return int(value) if digits.isascii() and digits.isdigit() and len(digits) <= 6 else 1


# A line an editor replaces with something of its own: a table of contents (HackMD's and Typora's '[TOC]', GitLab's
# '[[_TOC_]]', VuePress's '[[toc]]', '${toc}') or HackMD's tag line ('###### tags: `devops` `study-group`'). No words
# of the page: shown, they would be a line of the introduction or a heading of their own.
_EDITOR_MACRO_LINE = re.compile(r"[ \t]*(?:\[toc\]|\[\[_?toc_?\]\]|\$\{toc\}|#{6}[ \t]+tags:.*)[ \t]*", re.IGNORECASE)


def _editor_macros(body: str) -> bool:
    """Return True when a body may hold a line of `_EDITOR_MACRO_LINE`."""
    return any(
        mark in body for mark in ("[TOC]", "[toc]", "TOC_]]", "[[toc]]", "${toc}", "###### tags:", "###### Tags:")
    )


def _without_editor_macros(body: str) -> str:
    """Return a body with its editor macro lines (see `_EDITOR_MACRO_LINE`) blank, but in code; lines stay lines."""
    lines = body.split("\n")
    for i, in_code in enumerate(code_lines(lines)):
        if not in_code and _EDITOR_MACRO_LINE.fullmatch(lines[i]) is not None:
            lines[i] = ""
    return "\n".join(lines)


# A table's rule row (GitHub's delimiter row) without the pipe before its first cell, of two or more cells: '--- | ---',
# ':--|--:|'. A row written with that pipe ('|---|---|') is one too.
_TABLE_RULE = re.compile(r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*")


def _light_table_under_text(body: str) -> bool:
    """Return True when a body may hold a table whose head row, written without a pipe before its first cell, comes
    right under a line of text (see `_light_tables_under_text`)."""
    return "|" in body and "-" in body and _LIGHT_RULE_AFTER.search(body) is not None


# A head row without a pipe before it, then a rule row (`_TABLE_RULE`'s first cell, as a search can find it fast)
_LIGHT_RULE_AFTER = re.compile(r"\n {0,3}[^|\s>][^|\n]*\|[^\n]*\n {0,3}\|?[ \t]*:?-+:?[ \t]*\|")


def _light_tables_under_text(body: str) -> str:
    """Return a body whose tables written without their outer pipes right under a paragraph's line ('**Drills:**',
    then 'Cut | Time', '--- | ---') open their head row with a pipe: GitHub shows such a table under the paragraph,
    where the parser reads its rows as more lines of the paragraph unless the head row opens with one. Only a
    paragraph outside any list or quote, and a head row of as many cells as the rule row; lines stay lines."""
    lines = body.split("\n")
    code = code_lines(lines)
    start: int | None = None  # where the paragraph the line before is in starts, None out of one
    for i, line in enumerate(lines):
        if code[i] or not line.strip() or _HEADING_LINE.match(line) is not None:
            start = None  # a heading is no paragraph: a table right under it is read as one
            continue
        if start is None:
            start = i
            continue
        if (
            i + 1 < len(lines)
            and "|" in line
            and not code[i + 1]
            and _TABLE_RULE.fullmatch(lines[i + 1]) is not None
            and line[:1] not in " \t|>"
            and not any(ln[:1] in " \t" or _BLOCK_OPENING.match(ln) is not None for ln in lines[start:i])
            and _cells(line) == _cells(lines[i + 1])
        ):
            lines[i] = "| " + line
            start = None
    return "\n".join(lines)


_HEADING_LINE = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")


def _cells(row: str) -> int:
    """Return how many cells a table row holds, its outer pipes left out (a pipe escaped or in code counts too: a
    head row of such cells makes no table either way)."""
    inner = row.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return inner.count("|") - inner.count("\\|") + 1


# A hyphen other than the keyboard's between two numbers ('Weeks 1‑4': a non-breaking hyphen, as word processors and
# chat assistants write one; the Unicode hyphen, a figure dash, a minus sign): shown alike, read as '1-4' is.
_OTHER_HYPHEN = re.compile(r"(?<=\d)([ \t\u00a0\u202f]?)[\u2010\u2011\u2012\u2212](?=[ \t\u00a0\u202f]?\d)")
_HYPHENS = "\u2010\u2011\u2012\u2212"  # those hyphens, looked for first: a scan for each is quicker than the pattern's


def _plain_number_hyphens(body: str) -> str:
    """Return a body whose numbers joined by another hyphen (`_OTHER_HYPHEN`) are joined by '-', but in code blocks."""
    lines = body.split("\n")
    for i, in_code in enumerate(code_lines(lines)):
        if not in_code:
            lines[i] = _OTHER_HYPHEN.sub(r"\1-", lines[i])
    return "\n".join(lines)


def read_blocks(
    body: str, first_line: int = 1, base_url: str | None = None, page: Mapping[str, object] | None = None
) -> tuple[list[Block], Links]:
    """Return the blocks of a markdown body in order, and what became of its links; `page` is the file's front-matter
    (the values of its Liquid variables, '{{ page.description }}')."""
    if page and "{{" in body and "page." in body:
        body = _page_variables(body, page)
    if not body.isascii() and any(h in body for h in _HYPHENS) and _OTHER_HYPHEN.search(body) is not None:
        body = _plain_number_hyphens(body)
    if _editor_macros(body):
        body = _without_editor_macros(body)
    if "\\" in body and _google_docs(body):
        body = _without_google_docs_escapes(body)
    if _logseq_marks(body):
        body = _logseq(body)
    templates: tuple[int, int | None, str] = (0, None, "")
    if _site_marks(body):
        body = _site_generators(body)
        if "{{" in body or "{%" in body:
            templates = _templates_left(body)
    if "!!!" in body or "???" in body or "===" in body or "\n:" in body or "*[" in body:
        body = _mkdocs(body)
    if "<ac:structured-macro" in body:
        body = _confluence_macros(body)
    tables: list[_Table] = []
    if "||" in body:
        body, tables = _confluence_tables(body)
    unread_tables: list[int] = []
    if ("--" in body and _SIMPLE_RULE_GAP.search(body) is not None) or "+--" in body:
        body = _pandoc_tables(body, tables, unread_tables)
    callout_phases: frozenset[int] = frozenset()
    kept_tags: dict[int, str] = {}
    if _obsidian_marks(body):
        body, callout_phases = _obsidian(body, kept_tags)
    if _light_table_under_text(body):
        body = _light_tables_under_text(body)
    if "@Metadata" in body or "@Options" in body or "<doc:" in body:
        body = _docc(body)
    if "├" in body or "└" in body:
        body = _code_trees(body)
    if _STEP_OR_WIDE_BULLET.search(body):
        body = _nested_under_steps(body)
    reader = _Reader(body, first_line, base_url)
    reader.callout_phases = frozenset(first_line + i for i in callout_phases)
    if "[^" in body:
        reader.notes = _footnotes(body, first_line, base_url)
    blocks = reader.read()
    # A '<details>' block closed with more of its section after it (before the next heading): see `Links.details_ends`
    closed = reader.details_closed
    after = [(head, blocks[at]) for head, at in closed if at < len(blocks)]
    details_ends = tuple((head, block.line) for head, block in after if block.kind != "heading")
    for line, head, rows, row_lines in tables:
        _add_table(reader, first_line + line, head, rows, [first_line + at for at in row_lines])
    return blocks, Links(
        reader.dropped,
        reader.first_dropped,
        tuple(reader.urls),
        reader.unclosed_fence,
        reader.html_blocks,
        reader.html_shown,
        reader.last_rule,
        frozenset(reader.html_joined),
        reader.images_dropped,
        reader.first_image_dropped,
        templates[0],
        None if templates[1] is None else first_line + templates[1],
        templates[2],
        tuple((first_line + i, tags) for i, tags in kept_tags.items()),
        tuple((line, shown, written) for line, words in reader.dashed.items() for shown, written in words),
        tuple(first_line + line for line in unread_tables),
        _contents_rows(reader.contents_tables, blocks) if reader.contents_tables else frozenset(),
        details_ends,
    )


def _contents_rows(tables: list[tuple[int, list[tuple[int, str]]]], blocks: list[Block]) -> frozenset[int]:
    """Return the lines of the rows of tables of contents: of tables whose rows (nearly all: see `_end_table`) are
    titled by links into the page, those whose links go to headings of the file ('#lab-04--streaming-replication' to
    '## Lab 04 — Streaming replication'), where nearly all of the table's rows do."""
    headings = {_place_key(block.plain) for block in blocks if block.kind == "heading"}
    rows: set[int] = set()
    for count, linked in tables:
        found = [line for line, place in linked if place and _place_key(unquote(place)) in headings]
        if len(found) * 5 >= count * 4:
            rows.update(found)
    return frozenset(rows)


def _place_key(text: str) -> str:
    """Return the letters and digits of a heading or a link to it, which the ways of making anchors keep."""
    return "".join(c for c in text.casefold() if c.isalnum())


# A Confluence macro left in an export ('<ac:structured-macro ac:name="code">…</ac:structured-macro>'): its code (in
# CDATA), its language and its rich text, which CommonMark would show as raw tags with the code lost.
_MACRO = re.compile(
    r"<ac:structured-macro\b[^>]*?\bac:name=\"([\w-]+)\"[^>]*>(.*?)</ac:structured-macro\s*>", re.DOTALL
)
_MACRO_CODE = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_MACRO_LANGUAGE = re.compile(r'<ac:parameter\s+ac:name="language"\s*>\s*([\w+#.-]+)\s*</ac:parameter>')
_MACRO_TEXT = re.compile(r"<ac:rich-text-body\s*>(.*?)</ac:rich-text-body\s*>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def _confluence_macros(body: str) -> str:
    """Return a body with its Confluence macros unwrapped: a code macro's code as a fenced block (more lines, when the
    macro has its lines to itself, see `_code_macro_block`) or a code span, a panel's rich text as a quote with its
    kind's mark ('warning': ⚠️), and other macros (a table of contents) dropped. What a macro becomes takes as many
    lines as it does, so line numbers hold: the lines it is short of are blank lines at the end of its last line."""
    out: list[str] = []
    at = 0  # the body before `at` is read
    short = 0  # the lines the text read is short of the body's: they end the next line
    for found in _MACRO.finditer(body):
        block = _code_macro_block(body, found, at)
        start, end, text = block if block is not None else (*found.span(), _unwrapped_macro(body, found))
        between = body[at:start]
        if short and "\n" in between:
            between, short = between.replace("\n", "\n" * (short + 1), 1), 0
        out += (between, text)
        short += body.count("\n", start, end) - text.count("\n")
        at = end
    rest = body[at:]
    if short:
        rest = rest.replace("\n", "\n" * (short + 1), 1) if "\n" in rest else rest + "\n" * short
    out.append(rest)
    return "".join(out)


def _line_end(body: str, at: int) -> int:
    """Return where the line holding body[at] ends (its line break, or the body's end)."""
    end = body.find("\n", at)
    return len(body) if end < 0 else end


def _code_macro_block(body: str, found: re.Match[str], at: int) -> tuple[int, int, str] | None:
    """Return the fenced code block that a code macro of more than one line of code becomes when the macro has its
    lines to itself, as (start, end, text): the part of the body it takes, which has as many lines as the block. A
    macro with fewer lines than its code and fences takes the blank lines before and after it (a fence needs none
    around it); one that cannot is no block (None). `at`: where the body not yet read starts."""
    inner = found.group(2)
    code = _MACRO_CODE.search(inner)
    if code is None or "\n" not in (text := code.group(1).strip("\n")):
        return None
    start, end = body.rfind("\n", 0, found.start()) + 1, _line_end(body, found.end())
    indent = body[start : found.start()]
    if indent.strip() or body[found.end() : end].strip():
        return None
    language = _MACRO_LANGUAGE.search(inner)
    fence = "````" if "```" in text else "```"
    lines = [f"{fence}{language.group(1) if language else ''}", *text.split("\n"), fence]
    room = body.count("\n", start, end) + 1
    if len(lines) > room and start > at:
        before = body.rfind("\n", 0, start - 1) + 1
        if before >= at and not body[before : start - 1].strip():
            start, room = before, room + 1
    if len(lines) > room and end < len(body) and not body[end + 1 : (after := _line_end(body, end + 1))].strip():
        end, room = after, room + 1
    if len(lines) > room:
        return None
    return start, end, "\n".join(indent + line if line else line for line in lines) + "\n" * (room - len(lines))


def _unwrapped_macro(body: str, found: re.Match[str]) -> str:
    """Return what a Confluence macro that is no fenced block shows, on one line or on no more lines than it takes:
    its code as a code span, its rich text as a quote (as a sentence's words when the macro is in a sentence), or
    nothing."""
    at_line_start = not body[body.rfind("\n", 0, found.start()) + 1 : found.start()].strip()
    name, inner = found.group(1).casefold(), found.group(2)
    code = _MACRO_CODE.search(inner)
    if code is not None:
        text = _squash(code.group(1).strip("\n").replace("\n", " "))
        return f"`{text}`" if "`" not in text else f"`` {text} ``"
    rich = _MACRO_TEXT.search(inner)
    if rich is None:
        return ""
    lines = [html.unescape(_TAG.sub("", line)).strip() for line in rich.group(1).split("\n")]
    lines = [line for line in lines if line]
    mark = _ADMONITION_MARKS.get(name, "")
    if lines and mark:
        lines[0] = f"{mark} {lines[0]}"
    if not at_line_start:
        return " ".join(lines)
    return "\n".join(f"> {line}" for line in lines)


# A Confluence wiki table's header row ('|| Topic || Time ||'), which CommonMark reads as a paragraph: the rows after
# it ('| Test design | 4h |') make a table with it, as a markdown table's rows do under its header.
_CONFLUENCE_HEAD = re.compile(r" {0,3}\|\|(.*)\|\|[ \t]*")
_CONFLUENCE_ROW = re.compile(r" {0,3}\|(?!\|)(.*?)\|?[ \t]*")


def code_lines(lines: list[str]) -> list[bool]:
    """Return, for each line, whether it is a line of a fenced code block, its fences included: the passes over a
    body's source leave those as they are. A fence in a list item stands indented to the item's text."""
    if not any("```" in line or "~~~" in line for line in lines):  # most bodies: no fence at all
        return [False] * len(lines)
    code: list[bool] = []
    fence: str | None = None
    base = 0  # the column the open fence's container starts at: 0, or the text of the list item it is in
    items: list[int] = []  # the columns the text of the list items a line may be in starts at, outermost first
    for line in lines:
        text = line.lstrip(" ")
        indent = len(line) - len(text)
        found = _FENCE_AT.match(line) if text[:1] in "`~" else None
        if fence is not None:
            if not base or not line.strip() or indent >= base:
                if found is not None and indent - base <= 3 and _closes(found.group(2), fence):
                    fence = None
                code.append(True)
                continue
            fence = None  # a line left of the item's text ends the item, and the code in it
        if not text.strip():
            code.append(False)
            continue
        while items and items[-1] > indent:
            items.pop()
        container = items[-1] if items else 0
        if found is not None and indent - container <= 3:
            fence, base = found.group(2), container
            code.append(True)
            continue
        item = _ITEM_START.match(line) if text[:1] in _ITEM_MARKS else None
        if item is not None and indent - container <= 3:
            spaces, rest = len(item.group(3)), line[item.end() :].strip()
            items.append(indent + len(item.group(2)) + (spaces if 1 <= spaces <= 4 and rest else 1))
        code.append(False)
    return code


def _closes(found: str, fence: str) -> bool:
    """Return whether a fence's run of backticks or tildes closes the open fence `fence`."""
    return found[0] == fence[0] and len(found) >= len(fence)


# A table read from lines CommonMark shows as text (see `_confluence_tables`, `_pandoc_tables`): its line (from 0),
# header cells, rows of cells and the line each row starts on.
_Table = tuple[int, list[str], list[list[str]], list[int]]


def _confluence_tables(body: str) -> tuple[str, list[_Table]]:
    """Return a body without its Confluence tables (blank lines in their place, so line numbers hold), and each
    table's line (from 0), header cells and rows of cells, as written; nothing in a fenced code block is one."""
    lines = body.split("\n")
    tables: list[_Table] = []
    code = code_lines(lines)
    i = 0
    while i < len(lines):
        head = _CONFLUENCE_HEAD.fullmatch(lines[i]) if not code[i] else None
        rows: list[list[str]] = []
        end = i + 1
        while head is not None and end < len(lines) and (row := _CONFLUENCE_ROW.fullmatch(lines[end])) is not None:
            rows.append([cell.strip() for cell in row.group(1).split("|")])
            end += 1
        if head is None or not rows:
            i += 1
            continue
        tables.append((i, [cell.strip() for cell in head.group(1).split("||")], rows, list(range(i + 1, end))))
        lines[i:end] = [""] * (end - i)
        i = end
    return "\n".join(lines), tables


def _add_table(reader: _Reader, line: int, head: list[str], rows: list[list[str]], row_lines: list[int]) -> None:
    """Make a Confluence or Pandoc table's row blocks (see `_confluence_tables`, `_pandoc_tables`), each cell's
    markdown read as a markdown table's cell is, each row on the line it starts on, and put them where the table is
    written."""
    blocks = reader.blocks
    made = len(blocks)
    cells = [_cell(reader, cell, line) for cell in head]
    for row, at in zip(rows, row_lines, strict=True):
        reader.add_row(cells, [_cell(reader, cell, at) for cell in row], at)
    rows_made = blocks[made:]
    del blocks[made:]
    at = next((k for k, block in enumerate(blocks) if block.line > line), len(blocks))
    blocks[at:at] = rows_made
    # Its rows go on one from another, as a markdown table's do, and from its caption (a label on its first line).
    reader.html_joined.update(row_lines if at and blocks[at - 1].line == line else row_lines[1:])


def _cell(reader: _Reader, text: str, line: int) -> tuple[str, str]:
    """Return a table cell's (clean text, markdown), read as markdown by a reader of its own."""
    cell = _Reader(text.replace("\\|", "|"), line, reader.base_url)
    found = next(iter(cell.read()), None)
    reader.urls += cell.urls
    reader.dropped += cell.dropped
    reader.first_dropped = reader.first_dropped or cell.first_dropped
    for at, words in cell.dashed.items():
        reader.dashed.setdefault(at, []).extend(words)
    reader._count_images(cell)
    return (found.plain, found.md) if found is not None else ("", "")


# Pandoc's own tables, which CommonMark shows as text: a simple table (a header line over a rule of dashes, a run per
# column, then a row per line up to a blank line), and a grid table (each cell boxed in '+---+' borders and '|'
# sides, a header ended by '+===+', a cell's text wrapped over several lines). A caption after either (': Week 1
# resources', 'Table: …') is a line of text.
_SIMPLE_RULE = re.compile(r" {0,3}-{2,}(?: +-{2,})+ *")
_SIMPLE_RULE_GAP = re.compile(r"-- +--")  # where a simple table's rule may be
_GRID_BORDER = re.compile(r" {0,3}\+(?:[-=:]+\+)+ *")
_CAPTION = re.compile(r" {0,3}(?:Table)?:[ \t]+(?=\S)")


def _pandoc_tables(body: str, tables: list[_Table], unread: list[int]) -> str:
    """Return a body without its Pandoc simple and grid tables (blank lines in their place, so the lines after them
    hold), adding each to `tables` as (line from 0, header cells, rows of cells) as `_confluence_tables` does; the
    line of a grid table too irregular to read (cells spanning columns) goes to `unread`. Nothing in a fenced code
    block is one."""
    lines = body.split("\n")
    code = code_lines(lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        end = None
        if code[i] or line[:4].lstrip()[:2] not in ("--", "+-"):
            i += 1
            continue
        if line.lstrip()[:1] == "-" and _SIMPLE_RULE.fullmatch(line) and i and lines[i - 1].strip():
            if i < 2 or not lines[i - 2].strip():
                end = _simple_table(lines, i, tables)
        elif _GRID_BORDER.fullmatch(line) and i + 1 < len(lines) and lines[i + 1].lstrip()[:1] == "|":
            end = _grid_table(lines, i, tables)
            if end is None:
                unread.append(i)
                i += 1
                while i < len(lines) and lines[i].lstrip()[:1] in ("|", "+"):  # the rest of it
                    i += 1
                continue
        if end is None:
            i += 1
            continue
        start = tables[-1][0]
        lines[start:end] = [""] * (end - start)
        k = end + 1 if end < len(lines) and not lines[end].strip() else end
        if k < len(lines) and not code[k] and (caption := _CAPTION.match(lines[k])) is not None:
            # its caption ('Table: Week 1 resources' under it) is a label over its rows, on its first line
            lines[start], lines[k] = f"**{lines[k][caption.end() :].strip()}**", ""
        i = end
    return "\n".join(lines)


def _simple_table(lines: list[str], rule: int, tables: list[_Table]) -> int | None:
    """Read the simple table whose rule of dashes is line `rule` into `tables`; return the line after it, or None
    when the lines are no such table (a cell's text crosses into the next column, or it has no rows)."""
    starts = [found.start() for found in re.finditer(r"-+", lines[rule])]

    def cells(text: str) -> list[str] | None:
        if any(0 < at <= len(text) and not text[at - 1].isspace() for at in starts[1:]):
            return None
        bounds = [0, *starts[1:], len(text)]
        return [text[a:b].strip() for a, b in itertools.pairwise(bounds)]

    head = cells(lines[rule - 1])
    rows: list[list[str]] = []
    end = rule + 1
    while end < len(lines) and lines[end].strip() and not _SIMPLE_RULE.fullmatch(lines[end]):
        row = cells(lines[end])
        if row is None:
            return None
        rows.append(row)
        end += 1
    if head is None or not rows or sum(1 for cell in head if cell) < 2:
        return None
    if end < len(lines) and _SIMPLE_RULE.fullmatch(lines[end]):
        end += 1  # a closing rule
    tables.append((rule - 1, head, rows, list(range(rule + 1, rule + 1 + len(rows)))))
    return end


def _grid_table(lines: list[str], top: int, tables: list[_Table]) -> int | None:
    """Read the grid table whose top border is line `top` into `tables`; return the line after it, or None when
    its lines are not boxed in the top border's columns (a cell that spans columns, a ragged line)."""
    border = lines[top].rstrip()
    bars = [k for k, c in enumerate(border) if c == "+"]
    head: list[str] | None = None
    rows: list[list[str]] = []
    row_lines: list[int] = []  # the line each row starts on
    parts: list[list[str]] = [[] for _ in bars[1:]]
    end = start = top + 1
    while end < len(lines):
        text = lines[end].rstrip()
        if text[: bars[0] + 1].lstrip()[:1] == "+" and _GRID_BORDER.fullmatch(text):
            if [k for k, c in enumerate(text) if c == "+"] != bars:
                return None
            row = [_joined(cell) for cell in parts]
            if "=" in text and head is None and not rows:
                head = row
            else:
                rows.append(row)
                row_lines.append(start)
            parts = [[] for _ in bars[1:]]
            end = start = end + 1
            if end >= len(lines) or lines[end].lstrip()[:1] != "|":
                break
            continue
        if len(text) != len(border) or any(text[k] != "|" for k in bars):
            return None
        for cell, (a, b) in zip(parts, itertools.pairwise(bars), strict=True):
            if piece := text[a + 1 : b].strip():
                cell.append(piece)
        end += 1
    else:
        return None
    if not rows:
        return None
    tables.append((top, head if head is not None else [""] * len(rows[0]), rows, row_lines))
    return end


def _joined(pieces: list[str]) -> str:
    """Return a grid table cell's text from its lines: a blank between them, but where a link's URL goes on
    ('[SQLBolt](https:' then '//sqlbolt.com)'), as a pipe table's cell, its bars escaped."""
    text = ""
    for piece in pieces:
        if text and not (text.rfind("](") > text.rfind(")") or piece[:2] == "//"):
            text += " "
        text += piece
    return text.replace("|", "\\|")


# A DocC article's block of page settings ('@Metadata {', '@Options {'), a directive inside one ('@PageColor(green)',
# '@TitleHeading("…") {'), and its link to another article ('<doc:drill-01-sliding-window>').
_DOCC_SETTINGS = re.compile(r"@(?:Metadata|Options)[ \t]*\{[ \t]*")
_DOCC_OPENS = re.compile(r"[ \t]*@[A-Z]\w*(?:\(.*\))?[ \t]*\{[ \t]*")
_DOCC_LINK = re.compile(r"<doc:(?:/?[\w.-]+/)*([\w.-]+)(?:#[\w.-]*)?>")


def _docc(body: str) -> str:
    """Return a DocC article's body without its blocks of page settings (blank lines in their place) and with its
    links to other articles as their names ('drill-01-sliding-window'): fenced code is left as written."""
    lines = body.split("\n")
    fence = ""
    depth = 0
    for i, line in enumerate(lines):
        fenced = _FENCE.match(line)
        if fence:
            if fenced is not None and fenced.group(1)[:1] == fence[:1] and len(fenced.group(1)) >= len(fence):
                fence = ""
            continue
        if depth:
            depth += 1 if _DOCC_OPENS.fullmatch(line) else -1 if line.strip() == "}" else 0
            lines[i] = ""
        elif fenced is not None:
            fence = fenced.group(1)
        elif _DOCC_SETTINGS.fullmatch(line):
            depth, lines[i] = 1, ""
        elif "<doc:" in line:
            lines[i] = _DOCC_LINK.sub(r"\1", line)
    return "\n".join(lines)


# A branch of a tree drawn in a code block, as `tree` prints one ('│   ├── Forms', '└── APIs'): the rails before it
# give its depth. A line of rails alone ('│') parts the branches.
_TREE_BRANCH = re.compile(r"(?P<rails>[│|┃ \t]*)(?:├──|└──|├─|└─|┣━|┗━)[─━ ]*(?P<text>\S.*?)[ \t]*")
_TREE_RAILS = re.compile(r"[│|┃ \t]*")
# A file's or folder's name ('src/', 'main.py', 'README.md'): a tree of them is a project's layout, which stays code.
_FILE_NAME = re.compile(r"[^\s/]*(?:/|\.[A-Za-z0-9]{1,5})(?:[ \t]+#.*)?")
_TREE_LANGUAGES = frozenset({"", "text", "txt", "plain", "plaintext", "tree"})


def _code_trees(body: str) -> str:
    """Return the body with each code block that draws a tree of topics ('Backend Roadmap:' then '├── Internet',
    '│   ├── How DNS works', …, as READMEs copy `tree`'s output) as the nested list it draws, its first line without
    a branch the list's title; a block in a language, or a tree of files ('├── src/'), stays code."""
    lines = body.split("\n")
    i = 0
    while i < len(lines):
        fenced = _FENCE.match(lines[i])
        if fenced is None:
            i += 1
            continue
        fence = fenced.group(1)
        end = next(
            (
                k
                for k in range(i + 1, len(lines))
                if (f := _FENCE.match(lines[k]))
                and f.group(1)[0] == fence[0]
                and len(f.group(1)) >= len(fence)
                and not lines[k][f.end() :].strip()
            ),
            None,
        )
        if end is None:
            break
        if lines[i][fenced.end() :].strip().casefold() in _TREE_LANGUAGES:
            tree = _tree_list(lines[i + 1 : end])
            if tree is not None:
                lines[i : end + 1] = ["", *tree, ""]
        i = end + 1
    return "\n".join(lines)


def _tree_list(inner: list[str]) -> list[str] | None:
    """Return the lines of a code block that draws a tree of topics as markdown lines, one for each (a bullet per
    branch, nested by its rails; a title line above the branches as a line of text; a line of rails alone blank);
    None when the block is no such tree."""
    branches = [(k, found) for k, ln in enumerate(inner) if (found := _TREE_BRANCH.fullmatch(ln)) is not None]
    if len(branches) < 3:
        return None
    texts = [found.group("text") for _, found in branches]
    if sum(1 for t in texts if _FILE_NAME.fullmatch(t)) * 2 >= len(texts):
        return None  # a project's files and folders
    widths = sorted({len(found.group("rails").expandtabs(4)) for _, found in branches})
    out = ["" if not ln.strip() or _TREE_RAILS.fullmatch(ln) else None for ln in inner]
    for k, found in branches:
        depth = widths.index(len(found.group("rails").expandtabs(4)))
        out[k] = "  " * depth + "- " + _CODE_TEXT.sub(r"\\\g<0>", found.group("text"))
    first = branches[0][0]
    for k, ln in enumerate(inner):
        if out[k] is None:
            if k > first:
                return None  # words between the branches that are no branch: no tree of topics alone
            out[k] = _CODE_TEXT.sub(r"\\\g<0>", ln.strip())
    return [ln for ln in out if ln is not None]


_CODE_TEXT = re.compile(r"[\\`*_\[\]<>]")  # what markdown would read in a tree's text as written


# A numbered step ('1. ', '2) ') or a bullet with blanks after its marker ('*  Effective Go'): the list items whose
# text starts further in than two blanks, under which an author may write bullets two blanks in.
_STEP_OR_WIDE_BULLET = re.compile(r"^ *(?:\d{1,9}[.)] |[-*+]  )", re.MULTILINE)
_THEMATIC_BREAK = re.compile(r" {0,3}([-*_])(?: *\1){2,} *$")


def _nested_under_steps(body: str) -> str:
    """Return the body with the bullets written two blanks or more in under a list item's marker, but short of its
    text ('1. **Learn scripting**' then '  - bash'; '*  Effective Go' then '  * idioms'), moved in to its text, with
    what is written under them: CommonMark starts a list of their own there, which ends the step's list, where the
    author nested them, as GitHub's editor and Typora show them. Bullets no further in than two blanks past the
    marker ('- Git' then ' - GitHub') stay as written, and so does any line in a fenced block or after a tab."""
    lines = body.split("\n")
    items: list[tuple[int, int]] = []  # (marker's column, text's column) of the open list items, as moved
    shifts: list[tuple[int, int]] = []  # (indent as written from which lines move, blanks they move by)
    fence = ""
    after_blank = False
    for i, line in enumerate(lines):
        rest = line.lstrip(" ")
        if not rest.strip():
            after_blank = True
            continue
        if rest[:1] == "\t":
            break  # an indent with a tab: the rest is left as written
        written = len(line) - len(rest)
        while shifts and written < shifts[-1][0]:
            shifts.pop()
        at = written + sum(blanks for _, blanks in shifts)
        fenced = _FENCE_AT.match(line)
        if fence:
            if fenced is not None and fenced.group(2)[:1] == fence[:1] and len(fenced.group(2)) >= len(fence):
                fence = ""
        elif fenced is not None:
            fence = fenced.group(2)
        elif (item := _ITEM_START.match(line)) is not None and not _THEMATIC_BREAK.match(line):
            while items and at < items[-1][1] and at < items[-1][0] + 2:
                items.pop()
            if items and at < items[-1][1]:  # two blanks or more past its parent's marker, short of its text
                shifts.append((written, items[-1][1] - at))
                at = items[-1][1]
            spaces = len(item.group(3))
            items.append((at, at + len(item.group(2)) + (spaces if 1 <= spaces <= 4 else 1)))
        elif after_blank or rest[:1] in "#>|<":  # a paragraph, heading, quote or table no list item holds
            while items and at < items[-1][1]:
                items.pop()
        after_blank = False
        if at > written:
            lines[i] = " " * (at - written) + line
    return "\n".join(lines)


def _footnotes(body: str, first_line: int, base_url: str | None) -> dict[str, _Note]:
    """Return the footnotes of a body ('[^mdn]: See [cookies](https://…) on MDN.'), by label (case folded): each as
    one line of markdown, with the links it holds."""
    reader = _Reader(body, first_line, base_url)
    reader.collecting = {}
    reader.read()
    return reader.collecting


# What MkDocs (Material) and Python-Markdown add to markdown, which CommonMark reads as a paragraph and an indented
# code block: an admonition ('!!! tip "Title"', '??? example' collapsed, '???+ note' open), a content tab
# ('=== "macOS"'), each with its text indented by four under it, a definition ('Pod' then ':   The smallest …'), and
# an abbreviation's meaning ('*[CKAD]: Certified Kubernetes Application Developer').
_ADMONITION = re.compile(
    r"(?P<indent> {0,3})(?:(?P<mark>!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?:[ \t]+[\w-]+)*|(?P<tab>===!?))"
    r'(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$'
)
_DEFINITION = re.compile(r" {0,3}:[ \t]+(?=\S)")
_ABBREVIATION = re.compile(r"\*\[[^\]]+\]:")  # an abbreviation's meaning, shown on hover: '*[HTML]: Hyper Text …'
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
# A fence at any indent (`code_lines` tells those in list items), and a list item's marker with the blanks after it.
_FENCE_AT = re.compile(r"( *)(`{3,}|~{3,})")
_ITEM_START = re.compile(r"( *)([-*+]|\d{1,9}[.)])( +|$)")
_ITEM_MARKS = frozenset("-*+0123456789")
# The mark an admonition's kind is shown with, as MkDocs Material draws its icon.
_ADMONITION_MARKS = {
    **dict.fromkeys(("note", "info", "todo", "seealso"), "ℹ️"),
    **dict.fromkeys(("tip", "hint", "important", "abstract", "summary", "tldr"), "💡"),
    **dict.fromkeys(("warning", "caution", "attention"), "⚠️"),
    **dict.fromkeys(("danger", "error", "failure", "fail", "missing", "bug"), "❗"),
    **dict.fromkeys(("success", "check", "done"), "✅"),
    **dict.fromkeys(("question", "help", "faq"), "❓"),
    "example": "🧪",
    **dict.fromkeys(("quote", "cite"), "💬"),
}


def _mkdocs(body: str) -> str:
    """Return a body with MkDocs' admonitions as block quotes (their title a bold label, '> **⚠️ Common mistake:**';
    untitled, their mark before their first line), content tabs as a bold label over their text, and definitions
    as a line of a bold term and its definition ('**Pod** — The smallest …': prose, not a label whose part would
    take the bullets after it), and drop abbreviations' meanings. Each line stays on its line, so line
    numbers hold; nothing in a fenced code block changes."""
    lines = body.split("\n")
    out: list[str] = []
    code = code_lines(lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        if code[i]:
            out.append(line)
            i += 1
            continue
        if line[:2] == "*[" and _ABBREVIATION.match(line):  # '*[CKAD]: Certified …' explains a word, shows nothing
            out.append("")
            i += 1
            continue
        found = _ADMONITION.match(line) if line[:1] in " !?=" else None
        if found is not None and (found.group("mark") or found.group("title") is not None):  # a tab has a title
            end = i + 1
            indent = found.group("indent") + "    "
            while end < len(lines) and (
                lines[end].startswith((indent, found.group("indent") + "\t")) or not lines[end].strip()
            ):
                end += 1
            while end > i + 1 and not lines[end - 1].strip():  # the blank lines after it are the page's
                end -= 1
            inner = [
                ln[len(indent) :] if ln.startswith(indent) else ln.replace("\t", "", 1) if ln.strip() else ""
                for ln in lines[i + 1 : end]
            ]
            out += _admonition(found, _mkdocs("\n".join(inner)).split("\n"))
            i = end
            continue
        if (
            i + 1 < len(lines)
            and lines[i + 1].lstrip(" ")[:1] == ":"  # one cheap look first: most lines are followed by no definition
            and line.strip()
            and _DEFINITION.match(lines[i + 1])
            and not _BLOCK_START.match(line)
        ):
            out.append(f"**{line.strip()}** — {_DEFINITION.sub('', lines[i + 1], count=1)}")
            out.append("")
            i += 2
            while i < len(lines) and _DEFINITION.match(lines[i]):  # more definitions of the term: lines of their own
                out.append(_DEFINITION.sub("", lines[i], count=1))
                i += 1
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


# A line that starts a block of its own (a heading, a list item, a quote, a table row, a label), not a term.
_BLOCK_START = re.compile(r" {0,3}(?:#|[-*+] |\d{1,9}[.)] |>|\||\*\*|<)")


# A line that opens a block other than a paragraph: a list item, heading, table row, code fence or quote.
_BLOCK_OPENING = re.compile(r"[ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#{1,6}[ \t]|\||`{3}|~{3}|>)")


def _marked_first(inner: list[str], icon: str) -> tuple[str, list[str]]:
    """Return the mark an untitled note's opening line takes and the note's lines: its kind's mark before the first
    line where that opens a paragraph, else on the opening line, so that a list, table or code block there stays one
    and every line stays on its line."""
    first = next((k for k, ln in enumerate(inner) if ln.strip()), None)
    if first is None or not icon:
        return "", inner
    if _BLOCK_OPENING.match(inner[first]):
        return icon, inner
    return "", [*inner[:first], f"{icon} {inner[first]}", *inner[first + 1 :]]


def _admonition(found: re.Match[str], inner: list[str]) -> list[str]:
    """Return an admonition's lines (its marker's, then its text's) as a block quote, or a content tab's as a label
    and its text."""
    indent, kind, title = found.group("indent"), found.group("kind"), found.group("title")
    if found.group("tab"):  # a content tab: its title over its text, not a quote
        return [f"{indent}**{title.strip()}:**" if title and title.strip() else "", *(indent + ln for ln in inner)]
    icon = _ADMONITION_MARKS.get((kind or "").casefold(), "")
    quote = f"{indent}> "
    if title is None:  # no title given: MkDocs shows the kind's name; its mark before the first line says as much
        mark, inner = _marked_first(inner, icon)
        head = f"> {mark}" if mark else ">"
    elif not title.strip():  # '!!! note ""': no title at all
        head = ">"
    else:
        head = f"**{icon} {title.strip()}:**" if icon else f"**{title.strip()}:**"
        head = f"> {head}"
    return [f"{indent}{head}", *(f"{quote}{ln}".rstrip() if ln.strip() else f"{indent}>" for ln in inner)]


# Obsidian's own syntax in a vault's note: a comment ('%% … %%', on a line or over several: shown nowhere), a callout
# ('> [!todo] Week 1 — Architecture', '> [!tip]- Folded'; GitHub's alerts are its untitled kind), a block's id at
# the end of its line ('… from memory ^draw-cp') and tags at the end of a task ('… a 3-node cluster #lab').
_CALLOUT = re.compile(r"(?P<quote>[ \t]*>[ \t>]*?)\[!(?P<kind>[A-Za-z][\w-]*)\][+-]?(?:[ \t]+(?P<title>.*?))?[ \t]*$")
_TOP_CALLOUT = re.compile(r" {0,3}>[ \t]?$")  # a callout of its own, not one in a list or in another quote
_BLOCK_ID = re.compile(r"(?:^|(?<=[ \t>]))\^(?=[\w-]*[A-Za-z])[A-Za-z0-9-]+[ \t]*$")
_TASK_LINE = re.compile(r"[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\][ \t]+\S")
_TRAILING_TAGS = re.compile(r"(?:[ \t]+#(?=[\w/-]*[^\W\d_])[\w/-]+)+[ \t]*$")  # '#lab', '#k8s/net'; not '#1', 'C#'
# The five alert kinds GitHub (and pulldown-cmark) read, untitled: the parser leaves their marker out itself.
_GFM_ALERTS = frozenset({"note", "tip", "important", "warning", "caution"})


# A Dataview field on its own line ('goal:: Pass the CKA', 'weeks:: 1-3'): shown as a bold label and its value. No
# blank comes before its '::' ('Week 1 :: HTML' is a line of a plan).
_FIELD = re.compile(r"^([ \t]*)([^\W\d_](?:[\w -]{0,29}[\w-])?)::[ \t]+(?=\S)")


def _field_label(found: re.Match[str]) -> str:
    return f"{found.group(1)}**{found.group(2).strip()}:** "


def _obsidian_marks(body: str) -> bool:
    """Return True when a body may hold Obsidian's comments, callouts, block ids, fields or task tags."""
    if "%%" in body or ">[!" in body or "> [!" in body or " ^" in body or "\n^" in body or ":: " in body:
        return True
    return " #" in body and ("[ ]" in body or "[x]" in body or "[X]" in body)


def _obsidian(body: str, kept_tags: dict[int, str]) -> tuple[str, frozenset[int]]:
    """Return a body without Obsidian's comments, block ids and the tags that end a task (those that the task's words
    name as a place stay, put in `kept_tags` by line from 0: 'request in #access-requests'), its callouts read as
    MkDocs' admonitions are (see `_note`: a quote headed by its title as a bold label, the marker never shown), and
    the lines (from 0) of the callouts whose title names a phase ('> [!todo] Week 1 — Architecture'): such a title
    is written as a heading there, for the reader to place as it places a '<summary>' that names a phase. Each line
    stays on its line; nothing in a fenced code block or a code span changes."""
    lines = body.split("\n")
    code = code_lines(lines)
    left = body.count("%%")
    in_comment = False
    phases: set[int] = set()
    for i, line in enumerate(lines):
        if "%%" in line and (in_comment or not code[i]):
            line, in_comment, left = _without_comment(line, in_comment, left)
        elif in_comment:
            line = ""
        if code[i] or not line:
            lines[i] = line
            continue
        if "::" in line:
            line = _FIELD.sub(_field_label, line, count=1)
        if "[!" in line:
            line = _callout(line, i, phases)
        if "^" in line:
            line = _BLOCK_ID.sub("", line).rstrip() if _BLOCK_ID.search(line) is not None else line
        if " #" in line and _TASK_LINE.match(line) is not None:
            tags = _TRAILING_TAGS.search(line)
            # A task of nothing but tags keeps them, and so does one whose last words name the place ('request in
            # #access-requests').
            if tags is not None and _TASK_LINE.match(line[: tags.start()]):
                if names_object(line, tags.start()):
                    kept_tags[i] = tags.group().strip()
                else:
                    line = line[: tags.start()]
        lines[i] = line
    return "\n".join(lines), frozenset(phases)


def _without_comment(line: str, in_comment: bool, left: int) -> tuple[str, bool, int]:
    """Return a line without the parts of Obsidian comments in it, whether a comment is open at its end, and how many
    '%%' the body has after it. A '%%' in a code span, or one that no other closes, is text."""
    out: list[str] = []
    at = 0
    while (found := line.find("%%", at)) >= 0:
        left -= 1
        if in_comment:
            in_comment, at = False, found + 2
        elif left > 0 and line.count("`", 0, found) % 2 == 0:
            out.append(line[at:found])
            in_comment, at = True, found + 2
        else:
            out.append(line[at : found + 2])
            at = found + 2
    if not in_comment:
        out.append(line[at:])
    return "".join(out).rstrip(), in_comment, left


def _callout(line: str, index: int, phases: set[int]) -> str:
    """Return a callout's opening line as `_note` writes an admonition's, or as a heading when it stands on its own
    and its title names a phase (its line is added to `phases`); any other line as it is."""
    found = _CALLOUT.match(line)
    if found is None:
        return line
    quote, kind, title = found.group("quote").rstrip(), found.group("kind"), (found.group("title") or "").strip()
    if not title:
        if kind.casefold() in _GFM_ALERTS and line.rstrip().endswith("]"):
            return line  # GitHub's alert: pulldown-cmark reads it
        return quote
    if _TOP_CALLOUT.match(quote) is not None and read_phase_heading(title) is not None:
        phases.add(index)
        return f"###### {title}"
    icon = _ADMONITION_MARKS.get(kind.casefold(), "")
    label = f"{icon} {title}" if icon else title
    return f"{quote} **{label}{'' if title[-1] in '?!:' else ':'}**"


# What Logseq (and org-mode before it) writes into an outline page, which CommonMark shows as text:
# - a task's marker at the start of a list item's text ('- TODO Install Ubuntu', '- DONE Bandit levels 0-10', and
#   'DOING', 'NOW', 'LATER', 'WAITING'), upper case exactly, with a priority after it ('TODO [#A] …'): a task item
#   in a Logseq page; in a README's '- TODO app with local storage' it is a word of a topic;
# - its planning and clock lines under it ('SCHEDULED: <2026-12-09 Wed>', ':LOGBOOK:' … ':END:'), its built-in
#   properties ('id:: 6571f0a2-…', 'collapsed:: true', 'template:: weekly-review') and the page's properties at the
#   top ('title::', 'alias::', 'tags::'): metadata, no words of the page;
# - block references ('((6571f0a2-…))'), tags of several words ('#[[Docker Compose]]') and macros ('{{video URL}}',
#   '{{embed [[Reading list]]}}', '{{query …}}').
# A task's marker opens a list item's text, and is read only there, matched at the line's indent: '- TODO [#A] …'.
_LOGSEQ_TASK = re.compile(
    r"(?P<lead>(?:[-*+]|\d{1,9}[.)])[ \t]+)(?P<marker>TODO|DOING|NOW|LATER|WAITING|DONE)[ \t]+"
    r"(?:\[#[A-C]\][ \t]+)?(?=\S)"
)
_TASK_WORD = re.compile(r"\b(?:TODO|DOING|NOW|LATER|WAITING|DONE) ")
# A line that opens a list item (in a quote too), with its task box if it has one ('- [ ] Learn vim').
_ITEM_OPEN = re.compile(r"[ \t>]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(?P<box>\[[ xX]\](?:[ \t]|$))?|$)")
_PLANNING = re.compile(r"[ \t]*(?:(?:SCHEDULED|DEADLINE):[ \t]*<[^<>\n]*>[ \t]*)+")
_DRAWER = re.compile(r"[ \t]*:(?:LOGBOOK|PROPERTIES):[ \t]*")
_DRAWER_END = re.compile(r"[ \t]*:END:[ \t]*")
_DRAWER_LINES = 200  # how far a drawer's ':END:' is looked for: one that has none is one line
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_LOGSEQ_PROPERTY = re.compile(
    rf"[ \t]*(?:id::[ \t]+{_UUID}|collapsed::[ \t]+(?:true|false)|heading::[ \t]+(?:true|[1-6])"
    r"|(?:template|template-including-parent|background-color|query-table|query-properties|query-sort-by"
    r"|query-sort-desc)::[ \t].*)[ \t]*"
)
_PAGE_PROPERTIES = frozenset({"title", "alias", "tags"})  # one of them among the lines at the top: a page's
_BLOCK_REF = re.compile(rf"\(\({_UUID}\)\)")  # the blanks before it go by hand: a '[ \t]*' here reads a run per blank
# A macro, its arguments up to its '}}' (stripped after): no blank run before a lazy group, which a long unclosed
# '{{x      …' would make the search try at every split of the run.
_LOGSEQ_MACRO_CALL = re.compile(r"\{\{(?P<name>[a-z][\w-]*)(?:[ \t](?P<args>[^{}\n]*))?\}\}")
_MACRO_LINKS = frozenset({"video", "youtube", "vimeo", "bilibili", "tweet", "twitter", "pdf"})
_MACROS_DROPPED = frozenset({"query", "renderer", "function", "namespace"})
# What stands for a line of metadata: a kramdown attribute line, which the reader reads as no words (see
# `_Reader._attribute_line`). A blank line would part the list the line is in, which then reads as a loose one.
_NO_LINE = "{: }"
# What a body holds if `_logseq` has anything to read, in one search: Logseq's own syntax, or a task's marker in a
# body that opens with a bullet (a page of bullets, with none of the rest).
_LOGSEQ_SIGN = re.compile(r"::|\(\(|\{\{|#\[\[|SCHEDULED|DEADLINE|:LOGBOOK:|:PROPERTIES:")
_BULLET_FIRST = re.compile(r"\s*[-*+][ \t]")


def _logseq_marks(body: str) -> bool:
    """Return True when a body may hold Logseq's syntax (see `_logseq`)."""
    if _LOGSEQ_SIGN.search(body) is not None:
        return True
    return _BULLET_FIRST.match(body) is not None and _TASK_WORD.search(body) is not None


def _logseq(body: str) -> str:
    """Return a body with Logseq's syntax read: its metadata lines as no lines (`_NO_LINE`), its block references
    dropped, a tag of several words as the page it names ('[[Docker Compose]]'), a video or a tweet embedded as its
    link, an embedded page as the page's name and a query as nothing; and, in a Logseq page (one where any of that
    was read, or a page of nested bullets), its task markers as task boxes ('- [ ] Install Ubuntu', DONE as '- [x]').
    A 'TODO app' bullet of any other file is its words. Each line stays on its line; nothing in a fenced code block
    or a code span changes, nor any line of a task item written with its box ('- [ ] Learn vim' and the lines of its
    text under it): its ID is made of those words, and its ticks are stored under it."""
    lines = body.split("\n")
    code = code_lines(lines)
    read = False  # some of Logseq's syntax was read: the body is a Logseq page
    tasks: dict[int, str] = {}  # the lines of items a task marker opens, as task items
    boxed = False  # in a task item written with its box: its line and its text's lines after it
    drawer_end = -1  # the ':END:' line of the drawer being read
    top = True  # no line of the page's text read yet: properties here are the page's
    page: list[int] = []
    for i, line in enumerate(lines):
        if code[i]:
            top = boxed = False
            continue
        if i <= drawer_end:
            lines[i] = _no_line(line)
            continue
        indent = len(line) - len(line.lstrip(" \t"))
        lead = line[indent : indent + 1]
        item = _ITEM_OPEN.match(line) if lead and lead in "-*+>0123456789" else None
        if item is not None:
            boxed = item.group("box") is not None
        elif not lead:
            boxed = False  # a blank line ends the task's text
        if boxed:
            top = False
            continue
        if top and lead:
            field = _FIELD.match(line) if "::" in line else None
            if field is not None and not field.group(1):
                page.append(i)
                continue
            top = False
        if lead == ":" and _DRAWER.fullmatch(line) is not None:  # ':LOGBOOK:', up to its ':END:' (if it has one)
            drawer_end = next(
                (k for k in range(i + 1, min(i + _DRAWER_LINES, len(lines))) if _DRAWER_END.fullmatch(lines[k])), i
            )
            lines[i] = _no_line(line)
            read = True
            continue
        if ":" in line and (
            (("SCHEDULED" in line or "DEADLINE" in line) and _PLANNING.fullmatch(line) is not None)
            or ("::" in line and _LOGSEQ_PROPERTY.fullmatch(line) is not None)
        ):
            lines[i] = _no_line(line)
            read = True
            continue
        if "((" in line or "{{" in line or "#[[" in line:
            parts = line.split("`")
            parts[::2] = [_logseq_inline(part) for part in parts[::2]]
            cleaned = "`".join(parts)
            if cleaned != line:
                lines[i], line, read = cleaned, cleaned, True
        if item is not None and lead != ">":
            found = _LOGSEQ_TASK.match(line, indent)
            if found is not None:
                tasks[i] = f"{line[: found.start()]}{_logseq_task(found)}{line[found.end() :]}"
    if any(_FIELD.match(lines[i]).group(2).casefold() in _PAGE_PROPERTIES for i in page):  # type: ignore[union-attr]
        read = True
        for i in page:
            lines[i] = _NO_LINE
    if tasks and (read or _outline(lines, code)):
        for i, line in tasks.items():
            lines[i] = line
    elif not read:
        return body
    return "\n".join(lines)


def _outline(lines: list[str], code: list[bool]) -> bool:
    """Return True when every line of a body's text is in a list item, and some item is nested in another: a page of
    nested bullets, as Logseq writes one."""
    nested = False
    for line, in_code in zip(lines, code, strict=True):
        if in_code or not line.strip():
            continue
        if line[0] not in " \t":
            if _ITEM_OPEN.match(line) is None or line[0] == ">":
                return False
        elif not nested:
            nested = line.lstrip(" \t")[:1] in "-*+0123456789" and _ITEM_OPEN.match(line) is not None
    return nested


def _no_line(line: str) -> str:
    """Return what stands for a line of metadata (`_NO_LINE`), at its indent: it stays in the list item it is in."""
    return line[: len(line) - len(line.lstrip(" \t"))] + _NO_LINE


def _logseq_task(found: re.Match[str]) -> str:
    return f"{found.group('lead')}[{'x' if found.group('marker') == 'DONE' else ' '}] "


def _logseq_inline(text: str) -> str:
    """Return text (no code span) with Logseq's block references, tags of several words and macros read."""
    if "((" in text:
        pieces = _BLOCK_REF.split(text)
        if len(pieces) > 1:  # each reference goes with the blanks before it
            text = "".join([*(piece.rstrip(" \t") for piece in pieces[:-1]), pieces[-1]])
    if "#[[" in text:
        text = text.replace("#[[", "[[")
    if "{{" in text:
        if "{{[[" in text:  # Roam's forms: '{{[[TODO]]}} Read', '{{[[video]]: URL}}'
            text = _ROAM_MACRO.sub(_roam_macro, text)
        text = _LOGSEQ_MACRO_CALL.sub(_logseq_macro, text)
    return text


# A macro as Roam writes it, its name a page link ('{{[[video]]: URL}}', '{{[[embed]]: ((uid))}}'), or a task's
# marker ('{{[[TODO]]}}', '{{[[DONE]]}}', which open a task as Logseq's 'TODO' does).
_ROAM_MACRO = re.compile(r"\{\{\[\[(?:(?P<task>TODO|DONE)\]\]\}\}|(?P<name>[a-z][\w-]*)\]\]:?)")


def _roam_macro(found: re.Match[str]) -> str:
    """Return a Roam macro's opening as Logseq writes it ('{{video '), for `_logseq_macro` to read; a task's marker
    as the word alone, which `_LOGSEQ_TASK` reads at an item's start; any other as written."""
    if found.group("task"):
        return found.group("task")
    name = found.group("name")
    if name in _MACRO_LINKS or name in _MACROS_DROPPED or name == "embed":
        return "{{" + name + " "
    return found.group()


def _logseq_macro(found: re.Match[str]) -> str:
    """Return what a Logseq macro shows: a video's or a tweet's link, an embedded page's name (a block's: nothing),
    nothing for a query; any other as written."""
    name, args = found.group("name"), (found.group("args") or "").strip()
    if name in _MACRO_LINKS:
        if args.startswith(("http://", "https://")):
            return args
        if name in ("video", "youtube") and re.fullmatch(r"[\w-]{11}", args):
            return _VIDEO_URLS["youtube"].format(args)
        return ""
    if name == "embed":
        return args if args.startswith("[[") else ""
    return "" if name in _MACROS_DROPPED else found.group()


# Google Docs' 'Download as Markdown' escapes every character markdown might read, its list markers and task boxes
# too ('\- \[ \] Install a Linux VM', '1\. Reading logs'), so its lists would come out as paragraphs with
# backslashes; its newer export keeps '* ' bullets and escapes only their boxes ('* \[ \] Install a Linux VM').
# Two lines led by an escaped list marker or box mark a file as such an export; one alone is taken as an author's
# deliberate escape.
_GDOCS_MARKER = re.compile(r"^[ \t]*(?:\\[-*+]|\d{1,9}\\[.)]|[-*+][ \t]\\\[[ xX]\\\])[ \t]", re.M)
_GDOCS_LEAD = re.compile(
    r"(?P<indent>[ \t]*)(?:\\(?P<bullet>[-*+])|(?P<number>\d{1,9})\\(?P<dot>[.)])"
    r"|(?P<plain>[-*+])(?=[ \t]\\\[))(?=[ \t])"
)
_GDOCS_BOX = re.compile(r"[ \t]+\\\[(?P<mark>[ xX])\\\](?=[ \t])")
# The escapes the export adds that markdown reads as the character itself, or as the emphasis the author typed
# ('\_learning log\_'), anywhere but a line's start; code spans keep theirs. Escaped brackets, pipes, angle
# brackets and backticks stay: unescaped they could make a link, a table, a tag or code of plain text.
_GDOCS_ESCAPE = re.compile(r"(?P<code>(`+).*?(?<!`)\2(?!`))|\\(?P<char>[-.!#()_*'+=:;,\"?/@$%&{}])")


def _google_docs(body: str) -> bool:
    """Return True when a body reads as Google Docs' markdown export: two lines led by an escaped list marker, or by
    escaped boxes in a file that types none of its boxes plain (the export escapes them all: beside '- [ ] Quiz',
    '* \\[ \\] not started' is a legend's text)."""
    first = _GDOCS_MARKER.search(body)
    if first is None:
        return False
    second = _GDOCS_MARKER.search(body, first.end())
    if second is None:
        return False
    return "\\[" not in first.group() or "\\[" not in second.group() or _PLAIN_BOX.search(body) is None


# A task box typed as markdown writes it ('- [ ] Quiz', '1. [x] Read'), as no export writes one.
_PLAIN_BOX = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]\[[ xX]\][ \t]", re.M)


def _without_google_docs_escapes(body: str) -> str:
    """Return a Google Docs export with its list markers, task boxes and inline escapes as the author wrote them
    ('- [ ] Install a Linux VM'). Each line stays on its line, so line numbers hold; nothing in a fenced code block
    or a code span changes, and an escape that starts a line but is no list marker ('\\# 1') stays."""
    lines = body.split("\n")
    for i, (line, in_code) in enumerate(zip(lines, code_lines(lines), strict=True)):
        if in_code:
            continue
        lead = _GDOCS_LEAD.match(line)
        if lead is not None:
            marker = lead.group("bullet") or lead.group("plain") or lead.group("number") + lead.group("dot")
            head, rest = lead.group("indent") + marker, line[lead.end() :]
            box = _GDOCS_BOX.match(rest)
            if box is not None:
                head, rest = f"{head} [{box.group('mark')}]", rest[box.end() :]
        else:
            stripped = line.lstrip(" \t")
            head = line[: len(line) - len(stripped) + (2 if stripped[:1] == "\\" else 0)]
            rest = line[len(head) :]
        lines[i] = head + _GDOCS_ESCAPE.sub(lambda m: m.group("code") or m.group("char"), rest)
    return "\n".join(lines)


# What GitBook, Hugo/Jekyll and Docusaurus/MDX add to markdown, each on lines of its own, which CommonMark shows as
# text: a GitBook or Liquid tag ('{% hint style="info" %}', '{% include toc.html %}'), a Hugo shortcode
# ('{{< youtube ID >}}', '{{% notice tip %}}'), a Liquid variable ('{{ page.title }}'), a Docusaurus admonition
# (':::tip Title' … ':::'), an MDX comment ('{/* … */}'), tab ('<TabItem label="Linux">') or import at the top; an
# MkDocs snippet include ('--8<-- "notes.md"', or '--8<--' lines around a list of files), which the bot cannot follow.
_SITE_MARKS = (
    "{%",
    "{{",
    ":::",
    "{/*",
    "<Tab",
    "</Tab",
    "```{",
    "~~~{",
    "<YouTube",
    "<Youtube",
    "<LiteYouTube",
    "<Vimeo",
    "<ReactPlayer",
    "8<-",
)
_SITE_MARK = re.compile("|".join(map(re.escape, _SITE_MARKS)))  # one pass over a body, not one per mark
_LIQUID_TAG = re.compile(r"(?P<indent>[ \t]*)\{%-?[ \t]*(?P<name>[\w-]+)(?P<args>.*?)-?%\}[ \t]*$")
_SHORTCODE_LINE = re.compile(
    r"(?P<indent>[ \t]*)\{\{(?:<[ \t]*(?P<close>/)?[ \t]*(?P<name>[\w-]+)(?P<args>(?:(?!\}\}).)*?)>|"
    r"%[ \t]*(?P<close2>/)?[ \t]*(?P<name2>[\w-]+)(?P<args2>(?:(?!\}\}).)*?)%)\}\}[ \t]*$"
)
_DIRECTIVE = re.compile(
    r"(?P<indent> {0,3})(?P<colons>:{3,})[ \t]*(?P<kind>[A-Za-z][\w-]*)?(?:\[(?P<bracketed>[^\]]*)\]|"
    r"[ \t]+(?P<title>\S(?:.*\S)?))?[ \t]*$"
)
# A fenced div's opening line with attributes, as Pandoc writes it ('::: {.warning}', '::: {#preamble .abstract}',
# Quarto's '::: {.callout-tip title="Try it"}'), or a MyST directive in a colon fence (':::{note} Title').
_DIV_ATTRIBUTES = re.compile(
    r"(?P<indent> {0,3})(?P<colons>:{3,})[ \t]*\{(?P<attrs>[^{}]*)\}[ \t]*(?P<rest>(?:\S(?:.*\S)?)?)[ \t]*$"
)
_CLASS = re.compile(r"(?<![\w-])\.([A-Za-z][\w-]*)")
# A heading at the top of a Quarto callout, its title ('## Why start here?'; closing hashes and attributes left out).
_CALLOUT_HEADING = re.compile(r" {0,3}#{1,6}[ \t]+(\S(?:.*?\S)?)(?:[ \t]+\{[^{}]*\})?(?:[ \t]+#+)?[ \t]*")
# A MyST directive in a code fence ('```{note}', '```{admonition} Recommended'), as Jupyter Book writes a note, and
# the option lines at the top of its text (':class: tip', ':name: setup').
_MYST_FENCE = re.compile(
    r"(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})[ \t]*\{(?P<name>[\w-]+)\}[ \t]*(?P<title>(?:\S(?:.*\S)?)?)[ \t]*$"
)
_MYST_OPTION = re.compile(r"[ \t]*:(?P<key>[\w-]+):[ \t]*(?P<value>(?:\S(?:.*\S)?)?)[ \t]*$")
# An MDX component that embeds a video ('<YouTube id="qz0aGYrrlhU" />', '<ReactPlayer url="https://…" />'): its link.
_VIDEO_COMPONENT = re.compile(
    r"(?P<indent>[ \t]*)<(?P<name>YouTube|Youtube|LiteYouTubeEmbed|Vimeo|ReactPlayer)\b(?P<attrs>[^<>]*?)/?>[ \t]*"
)
# A line of pymdownx.snippets: an include ('--8<-- "includes/setup.md"'), one written off (';--8<-- "x.md"'), or the
# bare scissors that open and close a block of file names, one a line.
_SNIPPET = re.compile(r"""[ \t]*;?-+8<-+(?P<file>[ \t]+(?:"[^"]*"|'[^']*'|\S+))?[ \t]*""")
# A Hugo shortcode opened and closed on one line around its text ('{{< tab >}}**JSON**: braces{{< /tab >}}', as the
# Hextra theme writes tabs; '{{< callout type="info" >}}Bring a laptop.{{< /callout >}}'): a text with no shortcode of
# its own ('{{< mark >}}a{{< /mark >}} and {{< mark >}}b{{< /mark >}}' is a line of text, whose shortcodes are read
# where they stand).
_PAIRED_SHORTCODE = re.compile(
    r"(?P<indent>[ \t]*)\{\{[<%][ \t]*(?P<name>[\w-]+)(?P<args>[^{}\n]*?)[ \t]*[>%]\}\}"
    r"(?P<text>(?:(?!\{\{[<%]).)*?)\{\{[<%][ \t]*/[ \t]*(?P=name)[ \t]*[>%]\}\}[ \t]*"
)
_TAB_ITEM = re.compile(r"[ \t]*<TabItem\b(?P<attrs>[^<>]*)>[ \t]*$")
_TAB_TAGS = re.compile(r"[ \t]*(?:<Tabs\b[^<>]*>|</Tabs>|</TabItem>)[ \t]*$")
_ATTR = re.compile(r"""(?P<key>[\w-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>]+))""")
_QUOTED_ARG = re.compile(r"""^\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=]+)(?=\s|$))""")
# (No blank run before it: the blanks it leaves say nothing of whether a line is empty, and a '[ \t]*' there would
# read a long run of blanks again at each of them.)
_LIQUID_VARIABLE = re.compile(
    r"(?<![$\w])\{\{-?[ \t]*(?:page|site|layout|include|content|paginator|jekyll)\b[^{}`]*?-?\}\}"
)
_PAGE_VARIABLE = re.compile(r"(?<![$\w])\{\{-?[ \t]*page\.(?P<key>\w+)[ \t]*-?\}\}")
# A Liquid output or tag that reads a field of the page ('{{ page.week }}', '{% include x.html text=page.day1 %}').
_PAGE_FIELD = re.compile(r"\{[{%][^{}\n]*?(?<![\w.])page\.(\w+)")
# An inline shortcode or tag (a Hugo one, '{{< ref "setup" >}}', '{{% relref "x" %}}'; a Liquid one, '{% link x %}'),
# as a link's target too ('[the setup]({{< ref "setup" >}})').
_INLINE_TAG = re.compile(
    r"(?P<target>\]\([ \t]*)?(?:\{\{<[ \t]*(?P<hugo>[\w-]+)(?P<args>[^<>{}]*?)[ \t/]*>\}\}"
    r"|\{\{%[ \t]*(?P<hugo2>[\w-]+)(?P<args2>[^%{}]*?)[ \t/]*%\}\}"
    r"|\{%-?[ \t]*(?P<liquid>[\w-]+)(?P<args3>[^%{}]*?)-?%\})"
)
# A link's target that Jekyll makes an address of the site: the site's address before a path ('[Policies]({{
# site.baseurl }}/policies/)', '{{ site.url }}{{ site.baseurl }}/x.pdf', or before a '{% link … %}' tag) or a path
# through the 'relative_url'/'absolute_url' filter or the site's address prepended ('[Lab]({{ "/labs/one/" |
# relative_url }})', '{{ "/x/" | prepend: site.baseurl }}'): the path alone, which the file's baseUrl makes an address
# as it does any path of the site.
_SITE_URL_TARGET = re.compile(
    r"""(?P<target>\]\([ \t]*)(?:(?:\{\{-?[ \t]*site\.(?:url|baseurl)[ \t]*-?\}\})+(?=/|\{%)"""
    r"""|\{\{-?[ \t]*(?P<quote>["'])(?P<path>[^"'{}\n]*)(?P=quote)[ \t]*\|[ \t]*"""
    r"""(?:relative_url|absolute_url|prepend:[ \t]*site\.(?:url|baseurl))[ \t]*-?\}\})"""
)
# The inline tags and shortcodes that give the address of another page of the site.
_PAGE_LINKS = frozenset({"ref", "relref", "link", "post_url"})
# An MDX import or export statement ('import Tabs from "@theme/Tabs";', 'export const meta = …'), not a shell line that
# opens with the same word ('export PATH=$HOME/bin:$PATH').
_ESM = re.compile(
    r"(?:import\s*(?:[\"'{*]|[\w$]+\s*(?:,|from\b))|export\s*(?:[{*]|(?:const|let|var|function|default|class|async)\b))"
)
# An MDX import on a line of its own ('import Courses from '../_courses/Courses.md';', 'import {Tabs} from …').
_IMPORT_LINE = re.compile(
    r"import\s+(?:[\w$]+|\{[^}]*\}|\*\s+as\s+[\w$]+)(?:\s*,\s*(?:\{[^}]*\}|[\w$]+))?\s+from\s+(['\"])[^'\"]+\1;?"
)
_EMPTY_HEADING = re.compile(r" {0,3}#{1,6}[ \t]*$")
# The '<head>' a Docusaurus page opens with, before its imports ('<head>' … '<meta property="og:image" …/>' …
# '</head>', then 'import InDocAd from …;'): metadata of the page, which is no text before them.
_MDX_HEAD = re.compile(r"<head\b", re.IGNORECASE)
# The paired tags and shortcodes that hold a note (GitBook's hint, the Hugo themes' notice): shown as a quote.
_NOTE_TAGS = frozenset({"hint", "notice", "alert", "callout", "admonition", "note", "tip", "warning", "info", "danger"})
# Videos a Hugo shortcode embeds, as the link to watch them.
_VIDEO_URLS = {"youtube": "https://www.youtube.com/watch?v={}", "vimeo": "https://vimeo.com/{}"}


def _site_marks(body: str) -> bool:
    """Return True when a body may hold syntax of GitBook, Hugo/Jekyll or Docusaurus/MDX (see `_site_generators`)."""
    top = body.lstrip()
    return (
        _SITE_MARK.search(body) is not None
        or top[:7] in ("import ", "export ")
        or (_MDX_HEAD.match(top) is not None and ("\nimport " in body or "\nexport " in body))
    )


def _site_generators(body: str) -> str:
    """Return a body with the syntax of GitBook, Hugo/Jekyll and Docusaurus/MDX as markdown: notes (GitBook hints,
    Hugo notices, Docusaurus admonitions) as block quotes like MkDocs' admonitions, embeds and videos as links, a
    tab's title as a bold label over its text, code highlight tags as fences, inline links to other pages as links
    (see `_inline_site_syntax`); their other tag lines, comments, lines of nothing but Liquid variables and the
    imports at the top of an MDX file are dropped. Each line stays on its line, so line numbers hold; nothing in a
    fenced code block changes."""
    return "\n".join(_site_lines(body.split("\n"), top=True))


def _tag(line: str) -> tuple[str, str, str, bool] | None:
    """Return a line's tag or shortcode as (indent, name, arguments, closing), or None when it is no such line."""
    if "{%" in line and (found := _LIQUID_TAG.match(line)) is not None:
        name = found.group("name")
        closing = name.startswith("end") and name not in ("embed",)
        return found.group("indent"), name[3:] if closing else name, found.group("args"), closing
    if "{{" in line and (found := _SHORTCODE_LINE.match(line)) is not None:
        name = found.group("name") or found.group("name2")
        args = found.group("args") if found.group("name") else found.group("args2")
        return (
            found.group("indent"),
            name,
            (args or "").rstrip("/ \t"),
            bool(found.group("close") or found.group("close2")),
        )
    return None


def _attrs(args: str) -> dict[str, str]:
    """Return the key="value" arguments of a tag."""
    return {
        m.group("key").casefold(): next(v for v in m.group("dq", "sq", "bare") if v is not None)
        for m in _ATTR.finditer(args)
    }


def _first_arg(args: str) -> str | None:
    """Return a tag's first positional argument ('tip' of '{{% notice tip %}}'), or None."""
    found = _QUOTED_ARG.match(args)
    return None if found is None else next((v for v in found.groups() if v is not None), None)


def _closer(lines: list[str], start: int, test: Callable[[str], int]) -> int | None:
    """Return the index of the line that closes the block opened at `start`, or None: `test` says of a line 1 when
    it opens another block of its kind, -1 when it closes one, else 0."""
    depth = 1
    for k in range(start + 1, len(lines)):
        depth += test(lines[k])
        if depth == 0:
            return k
    return None


def _div_test(colons: int) -> Callable[[str], int]:
    """Return the `_closer` test of a fenced div or admonition opened with `colons` colons: a div opened inside it
    ('::::note' holding ':::danger', Docusaurus's way to nest them) is closed by the next bare fence, the div itself
    by a fence of as many colons or more."""
    inner: list[int] = []

    def test(ln: str) -> int:
        d = _DIRECTIVE.fullmatch(ln) if ":::" in ln else None
        if d is None:
            return 0
        if d.group("kind") or (d.group("title") or "")[:1] == "{":
            inner.append(len(d.group("colons")))
            return 1
        if inner:
            inner.pop()
            return -1
        return -1 if len(d.group("colons")) >= colons else 0

    return test


def _div(found: re.Match[str], inner: list[str]) -> list[str]:
    """Return the lines of a fenced div with attributes (see `_DIV_ATTRIBUTES`; not its closing fence): a note when
    its class or MyST directive names one ('{.warning}', '{.callout-tip}', '{note}'), else its text as written, the
    fence left out ('::: {#preamble .abstract}' holds the file's introduction)."""
    attrs, rest = found.group("attrs").strip(), found.group("rest").strip(":").strip()
    classes = _CLASS.findall(attrs)
    if classes:
        kind = classes[0].casefold().removeprefix("callout-")
        title = _attrs(attrs).get("title") or rest
        if kind == "abstract":  # a document's abstract (LaTeX's, org's '#+begin_abstract'), not MkDocs' note
            kind = ""
    else:
        kind, title = attrs.casefold(), rest  # ':::{note} Title'
    indent = found.group("indent")
    if kind in _ADMONITION_MARKS or kind in _NOTE_TAGS or kind == "admonition":
        options, inner, kind = _myst_options(inner, kind) if not classes else (0, inner, kind)
        if classes and not title:
            # Quarto titles a callout by a heading at its top ('::: {.callout-note}' then '## Why start here?'):
            # the title goes on the heading's line, the fence's line is left blank.
            top = next((k for k, ln in enumerate(inner) if ln.strip()), None)
            heading = _CALLOUT_HEADING.fullmatch(inner[top]) if top is not None and "#" in inner[top] else None
            if top is not None and heading is not None:
                return [""] * (options + top + 1) + _note(indent, kind, heading.group(1), inner[top + 1 :])
        return [""] * options + _note(indent, kind, title or None, inner)  # the note's text stays on its lines
    options = 0
    if not classes and _MYST_NAME.fullmatch(attrs):  # a MyST directive ('::::{grid} 1 1 2 2'): no word of its options
        options, inner, _ = _myst_options(inner, kind)
        if "card" in kind:  # '{grid-item-card}', '{card}': a header above '^^^', a footer below '+++'
            inner = _card_lines(inner)
    return ["", *[""] * options, *_site_lines([ln[len(indent) :] if ln.startswith(indent) else ln for ln in inner])]


_MYST_NAME = re.compile(r"[A-Za-z][\w-]*")  # a MyST directive's name in its fence's braces ('{grid-item-card}')


def _opens_directive(line: str) -> bool:
    """Return True for a line that opens a fenced div or directive (':::note', ':::{grid-item-card}')."""
    if ":::" not in line:
        return False
    found = _DIRECTIVE.fullmatch(line)
    return (found is not None and bool(found.group("kind"))) or (
        "{" in line and _DIV_ATTRIBUTES.fullmatch(line) is not None
    )


def _card_lines(inner: list[str]) -> list[str]:
    """Return a MyST card's lines with its header, the line above a '^^^' line, as a bold label, and the '^^^' and
    '+++' lines that part its header, body and footer blank."""
    out = list(inner)
    for k, line in enumerate(out):
        if line.strip() not in ("^^^", "+++"):
            continue
        if line.strip() == "^^^" and (top := next((j for j in range(k - 1, -1, -1) if out[j].strip()), None)):
            header = out[top].strip()
            if header[:2] != "**" and _ITEM_START.match(header) is None:
                out[top] = f"**{header}**"
        out[k] = ""
    return out


def _myst_options(inner: list[str], kind: str) -> tuple[int, list[str], str]:
    """Return how many option lines a MyST directive's text opens with, its text after them and its kind, as a
    ':class:' option names it (':class: tip')."""
    k = 0
    while k < len(inner):
        option = _MYST_OPTION.fullmatch(inner[k]) if inner[k][:1] in ": \t" else None
        if option is None:
            break
        if option.group("key") == "class" and option.group("value"):
            kind = option.group("value").split()[0].casefold()
        k += 1
    return k, inner[k:], kind


def _myst_note(lines: list[str], i: int, out: list[str]) -> int:
    """Read a MyST admonition written in a code fence at line `i` ('```{note}', '```{admonition} Recommended' with
    ':class: tip') into `out` as a note; return how many lines it took (0 for any other fence: '```{r}' is code)."""
    found = _MYST_FENCE.fullmatch(lines[i])
    if found is None:
        return 0
    kind = found.group("name").casefold()
    if kind not in _ADMONITION_MARKS and kind not in _NOTE_TAGS and kind != "admonition":
        return 0
    fence = found.group("fence")
    for end in range(i + 1, len(lines)):
        closing = _FENCE.match(lines[end])
        if closing is not None and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence):
            if lines[end][closing.end() :].strip():
                continue  # a fence with an info string opens a block inside
            options, inner, kind = _myst_options(lines[i + 1 : end], kind)
            out += [""] * options  # the note's text stays on its lines
            out += _note(found.group("indent"), kind, found.group("title") or None, inner)
            out.append("")
            return end + 1 - i
    return 0


def _tag_test(name: str) -> Callable[[str], int]:
    def test(line: str) -> int:
        tag = _tag(line) if "{" in line else None
        return 0 if tag is None or tag[1] != name else -1 if tag[3] else 1

    return test


def _site_lines(lines: list[str], top: bool = False) -> list[str]:
    """Return `lines` read as `_site_generators` says; `top` when they begin the file (where MDX imports are)."""
    out: list[str] = []
    fence: str | None = None
    esm = top  # imports and exports are read only before the file's first text
    comment = False  # in an MDX comment '{/* … */}' over several lines
    loops = 0  # Liquid '{% for … %}' blocks open: what they repeat is a page's template, its values the site's data
    i = 0
    while i < len(lines):
        line = lines[i]
        opening = _FENCE.match(line)
        if fence is not None:
            if opening is not None and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            out.append(line)
            i += 1
            continue
        if comment:
            end = line.find("*/}")
            comment = end < 0
            out.append("" if comment else line[end + 3 :])
            i += 1
            continue
        if opening is not None:
            taken = _myst_note(lines, i, out) if "{" in line else 0
            if taken:
                i += taken
                continue
            fence = opening.group(1)
            out.append(line)
            i += 1
            continue
        if esm and line.strip():
            closing = _head_end(lines, i) if _MDX_HEAD.match(line.lstrip()) else None
            if closing is not None:  # the page's '<head>', its imports after it: kept as written
                out.extend(lines[i : closing + 1])
                i = closing + 1
                continue
            if _ESM.match(line):  # an ESM block of MDX: it ends at a blank line
                while i < len(lines) and lines[i].strip():
                    out.append("")
                    i += 1
                continue
            esm = line.lstrip().startswith("{/*")
        if (
            line[:7] == "import "
            and _IMPORT_LINE.fullmatch(line.rstrip()) is not None
            and (i == 0 or not lines[i - 1].strip())
            and (i + 1 == len(lines) or not lines[i + 1].strip())
        ):
            out.append("")  # an MDX import between blocks, where the page uses what it imports: no words of it
            i += 1
            continue
        if "{/*" in line:
            start = line.find("{/*")
            if line.count("`", 0, start) % 2 == 0:
                end = line.find("*/}", start)
                if end < 0:
                    comment = True
                    line = line[:start].rstrip()
                else:
                    line = (line[:start] + line[end + 3 :]).rstrip()
                if not line.strip():
                    out.append("")
                    i += 1
                    continue
        if _SITE_MARK.search(line) is None:
            out.append(line)
            i += 1
            continue
        if "{%" in line and (loop := _LOOP_TAG.fullmatch(line)) is not None:
            loops = loops + 1 if loop.group(1) == "for" else max(loops - 1, 0)
        taken = _site_block(lines, i, out)
        if taken:
            i += taken
            continue
        if "{{" in line or "{%" in line:
            line = _inline_site_syntax(line)
            if loops and _only_values(line):  # '### {{ week.title }}' in a loop: a value of data the file lacks
                line = ""
        out.append(line)
        i += 1
    return out


# A line that opens or closes a Liquid loop ('{% for week in site.data.schedule %}', '{%- endfor -%}').
_LOOP_TAG = re.compile(r"[ \t]*\{%-?[ \t]*(for|endfor)\b[^{}]*?-?%\}[ \t]*")
# What of a line is no words of its own: a link's target, an HTML tag.
_TARGET_OR_TAG = re.compile(r"\]\([^()]*\)|<[^<>]*>")


def _only_values(line: str) -> bool:
    """Return True for a line whose words are all values of a template ('### {{ week.title }}', '- [{{ t.title }}](./{{
    t.url }})'): without its tags, variables, links' targets and HTML tags, no letter or digit is left."""
    bare = _TARGET_OR_TAG.sub("", _TEMPLATE.sub("", line))
    return not any(c.isalnum() for c in bare)


def _bare_scissors(line: str) -> bool:
    """Return True for a snippet line that names no file ('--8<--'): one that opens or closes a block of them."""
    return "8<-" in line and (found := _SNIPPET.fullmatch(line)) is not None and found.group("file") is None


def _head_end(lines: list[str], start: int) -> int | None:
    """Return the index of the line that closes the '<head>' opened at line `start` ('</head>'), or None when no
    line closes it (then it is no page's '<head>')."""
    return next((j for j in range(start, len(lines)) if "</head" in lines[j].casefold()), None)


def _site_block(lines: list[str], i: int, out: list[str]) -> int:
    """Read the construct of a site generator that starts at line `i` into `out`; return how many lines it took
    (0 when the line starts none)."""
    line = lines[i]
    if "8<-" in line and (snippet := _SNIPPET.fullmatch(line)) is not None:
        if snippet.group("file") is None:  # a block of file names, up to the next bare scissors, else this line
            end = next((k for k in range(i + 1, len(lines)) if _bare_scissors(lines[k])), i)
            if any(not lines[k].strip() for k in range(i + 1, end)):
                end = i  # no file list: a blank line would end it
            out += [""] * (end + 1 - i)
            return end + 1 - i
        out.append("")
        return 1
    if ":::" in line and (found := _DIRECTIVE.fullmatch(line)) is not None and found.group("kind"):
        end = _closer(lines, i, _div_test(len(found.group("colons"))))
        if end is not None:
            title = found.group("bracketed") if found.group("bracketed") is not None else found.group("title")
            out += _note(found.group("indent"), found.group("kind"), title, lines[i + 1 : end])
            out.append("")
            return end + 1 - i
        return 0
    if ":::" in line and "{" in line and (div := _DIV_ATTRIBUTES.fullmatch(line)) is not None:
        end = _closer(lines, i, _div_test(len(div.group("colons"))))
        if end is not None:
            out += _div(div, lines[i + 1 : end])
            out.append("")
            return end + 1 - i
        kind = div.group("attrs").strip().casefold()
        if _MYST_NAME.fullmatch(kind) and kind not in _ADMONITION_MARKS and kind not in _NOTE_TAGS:
            # a MyST directive of no note that the fence of the one around it closes (a grid's last card): it
            # holds the rest of that one's lines up to the next directive, read without its fence and options (a
            # directive opened after it is read as the lines after it are, not nested: unclosed fences one after
            # another nest no deeper)
            end = next((k for k in range(i + 1, len(lines)) if _opens_directive(lines[k])), len(lines))
            out += _div(div, lines[i + 1 : end])
            return end - i
        return 0
    if line.strip()[:3] == ":::" and not line.strip().strip(":"):
        out.append("")  # a fence that closes nothing opened: no words of the page
        return 1
    if "<" in line and (video := _VIDEO_COMPONENT.fullmatch(line)) is not None:
        attrs = _attrs(video.group("attrs"))
        name = video.group("name").casefold()
        url = attrs.get("url") or attrs.get("src")
        if url is None and (key := attrs.get("id") or attrs.get("videoid")):
            url = _VIDEO_URLS["vimeo" if name == "vimeo" else "youtube"].format(key)
        out.append(video.group("indent") + url if url and "://" in url else "")
        return 1
    if "<Tab" in line or "</Tab" in line:
        if (item := _TAB_ITEM.match(line)) is not None:
            attrs = _attrs(item.group("attrs"))
            label = attrs.get("label") or attrs.get("value")
            out.append(f"**{label.strip()}:**" if label and label.strip() else "")
            return 1
        if _TAB_TAGS.match(line):
            out.append("")
            return 1
        return 0
    pair = _PAIRED_SHORTCODE.fullmatch(line) if "{{" in line else None
    if pair is not None and not pair.group("text").strip():
        line = line[: pair.start("text")]  # '{{< youtube ID >}}{{< /youtube >}}': the shortcode, as on its own line
    elif pair is not None:
        indent, name, text = pair.group("indent"), pair.group("name").casefold(), pair.group("text").strip()
        attrs = _attrs(pair.group("args"))
        if name in _NOTE_TAGS and text:
            kind = attrs.get("type") or attrs.get("style") or _first_arg(pair.group("args")) or name
            icon = _ADMONITION_MARKS.get(kind.casefold(), "")
            text = f"> {icon} {text}" if icon else f"> {text}"
        elif name == "tab" and text and (title := (attrs.get("title") or attrs.get("name") or "").strip()):
            text = f"**{title}:** {text}"
        out.append(indent + _inline_site_syntax(text) if "{" in text else indent + text)
        return 1
    tag = _tag(line)
    if tag is None:
        return 0
    indent, name, args, closing = tag
    name = name.casefold()
    if closing:
        out.append("")
        return 1
    attrs = _attrs(args)
    if name in _NOTE_TAGS:
        end = _closer(lines, i, _tag_test(name))
        if end is not None:
            kind = attrs.get("style") or attrs.get("type") or _first_arg(args) or name
            title = attrs.get("title")
            out += _note(indent, kind, title, lines[i + 1 : end])
            out.append("")
            return end + 1 - i
    if name in ("comment", "highlight"):
        end = _closer(lines, i, _tag_test(name))
        if end is not None:
            inner = lines[i + 1 : end]
            if name == "comment":
                out += [""] * (len(inner) + 2)
            else:
                out += [f"{indent}```{_first_arg(args) or ''}", *inner, f"{indent}```"]
            return end + 1 - i
    if name == "embed" and (url := attrs.get("url")):
        end = _closer(lines, i, _tag_test(name))
        caption = [ln.strip() for ln in lines[i + 1 : end] if ln.strip()] if end is not None else []
        if end is not None and len(caption) == 1 and "](" not in caption[0]:
            out += [f"{indent}[{caption[0]}]({url})", *[""] * (end - i)]
            return end + 1 - i
        out.append(f"{indent}{url}")
        return 1
    if name in _VIDEO_URLS and (video := attrs.get("id") or _first_arg(args)):
        out.append(indent + _VIDEO_URLS[name].format(video))
        return 1
    # (its URL is taken whole: a '?v=' in it is no key="value" argument)
    if name == "video" and (src := attrs.get("src") or next(iter(args.split()), "").strip("\"'")) and "://" in src:
        out.append(indent + src)  # Quarto's '{{< video https://… >}}': a video on a site, as its link
        return 1
    if name == "card" and (title := _squash(attrs.get("title") or "")):
        # a Hugo theme's card ('{{< card link="week-01" title="Week 1: HTML" subtitle="Forms" >}}'), one of a grid
        # that lists a site's pages: an item of its title, linked to its page, and its subtitle
        link = attrs.get("link") or attrs.get("href")
        about = _squash(attrs.get("subtitle") or attrs.get("description") or "")
        # (the subtitle after the link, or after the title in bold: the words after a linked or bold lead are what
        # the item says of it, its title is the lead; a page of the site, 'week-01', is the bold title: its path is
        # no address, and shown as text it would run the title on into the subtitle)
        absolute = link and "://" in link and not any(c in link for c in "<>\n")
        shown = f"[{title}](<{link}>)" if absolute else f"**{title}**"
        out.append(f"{indent}- {shown}" + (f": {about}" if about else ""))
        return 1
    if name == "tab":
        title = attrs.get("title") or attrs.get("name") or _first_arg(args)
        label = f"{indent}**{title.strip()}:**" if title and title.strip() and "*" not in title else ""
        if label and out and not out[-1].strip() and _own_line(out[-2:-1]) and _table_at(lines, i + 1):
            # Hugo renders a tab's text on its own: a table right under its line is a table, not the label's
            # paragraph going on. The label takes the blank line above, this one is left blank; not where that
            # would join it to the paragraph, item or table row above the blank (tabs written one after another)
            out[-1], label = label, ""
        out.append(label)
        return 1
    out.append("")  # any other tag line ('{% include … %}', '{% raw %}', '{{< figure … >}}') shows nothing
    return 1


def _own_line(before: list[str]) -> bool:
    """Return True when a line put after `before` (the line above it, if any) starts a paragraph of its own: after
    nothing, a blank line or a heading."""
    return not before or not before[0].strip() or before[0].lstrip().startswith("#")


def _table_at(lines: list[str], i: int) -> bool:
    """Return True when a table starts at line `i`: a line with a '|' over a delimiter row ('--|--', '|:---|')."""
    if i + 1 >= len(lines) or "|" not in lines[i]:
        return False
    row = lines[i + 1].strip()
    return "-" in row and "|" in row and not row.strip("|:- \t")


def _note(indent: str, kind: str, title: str | None, inner: list[str]) -> list[str]:
    """Return the opening line and the text of a note as a block quote, as `_admonition` shows MkDocs' admonitions:
    a title as a bold label (no colon after one ending in a question or an exclamation), else the kind's mark before
    the first line."""
    inner = _site_lines([ln[len(indent) :] if ln.startswith(indent) else ln for ln in inner])
    icon = _ADMONITION_MARKS.get(kind.casefold(), "")
    title = (title or "").strip()
    if title:
        label = f"{icon} {title}" if icon else title
        head = f"{indent}> **{label}{'' if title[-1] in '?!:' else ':'}**"
    else:
        mark, inner = _marked_first(inner, icon)
        head = f"{indent}> {mark}" if mark else f"{indent}>"
    return [head, *(f"{indent}> {ln}".rstrip() if ln.strip() else f"{indent}>" for ln in inner)]


# A tag, shortcode or variable of a site generator as written ('{% include x %}', '{{< kbd Ctrl >}}',
# '{{ site.title }}'), not GitHub Actions' '${{ … }}'.
# A tag ends before the next brace: an unclosed '{{' is never scanned to the end of its line again and again.
_TEMPLATE = re.compile(r"(?<!\$)\{\{[^{}\n]*\}\}|\{%[^{}\n]*%\}")
_HTML_COMMENT = re.compile(r"<!--.*?-->")


def _templates_left(body: str) -> tuple[int, int | None, str]:
    """Return how many tags, shortcodes and variables of a site generator a body read by `_site_generators` still
    shows as written, the line (from 0) of the first and the first; none in code or in a comment on its line."""
    count, first_line, first = 0, None, ""
    lines = body.split("\n")
    for i, (line, in_code) in enumerate(zip(lines, code_lines(lines), strict=True)):
        if in_code or not ("{{" in line or "{%" in line):
            continue
        for part in line.split("`")[::2]:
            found = _TEMPLATE.findall(_HTML_COMMENT.sub("", part) if "<!--" in part else part)
            if found and first_line is None:
                first_line, first = i, found[0]
            count += len(found)
    return count, first_line, first


def _inline_site_syntax(line: str) -> str:
    """Return a line with its inline links to pages ('{{< ref "setup" >}}', '{% link setup.md %}') and videos as
    markdown (see `_inline_tag`), but in code spans; a line of nothing but Liquid variables ('# {{ page.title }}')
    is no line, and a variable in a sentence stays as written: its value is the site's, which the file does not
    hold ('Welcome to {{ site.title }}.')."""
    parts = line.split("`")
    parts[::2] = [_inline_site_part(part) if "{" in part else part for part in parts[::2]]
    text = "`".join(parts)
    if "{{" not in text:
        return text
    bare = "".join(_LIQUID_VARIABLE.sub("", part) for part in parts[::2])
    return "" if _EMPTY_HEADING.match(bare) or not bare.strip() else text


# A Hugo shortcode around words in a line ('Read {{< mark >}}this{{< /mark >}} first', '{{< kbd >}}Ctrl{{< /kbd >}}'):
# a style of its words, which are shown; a comment's are not.
_INLINE_PAIR = re.compile(
    r"\{\{[<%][ \t]*(?P<name>[\w-]+)[^{}\n]*?[>%]\}\}(?P<text>(?:(?!\{\{[<%]).)*?)"
    r"\{\{[<%][ \t]*/[ \t]*(?P=name)[ \t]*[>%]\}\}"
)


def _inline_site_part(part: str) -> str:
    """Return a part of a line outside code spans with its site syntax read (see `_inline_site_syntax`)."""
    if "{{" in part and "/" in part:
        part = _INLINE_PAIR.sub(_pair_text, part)
    if "](" in part:
        part = _SITE_URL_TARGET.sub(_site_path, part)
    return _INLINE_TAG.sub(_inline_tag, part)


def _pair_text(found: re.Match[str]) -> str:
    """Return the words a shortcode pair styles (`_INLINE_PAIR`): none of a comment."""
    return "" if found.group("name").casefold() == "comment" else found.group("text")


def _site_path(found: re.Match[str]) -> str:
    """Return a link target's opening with the site's address left out, or its filtered path (`_SITE_URL_TARGET`)."""
    return found.group("target") + (found.group("path") or "")


def _inline_tag(found: re.Match[str]) -> str:
    """Return an inline tag or shortcode as markdown: a link to another page of the site as a link to its path (its
    name shown, as for '[](setup.md)'; the path alone as a link's target), a video as the link to watch it; any other
    stays as written."""
    name = (found.group("hugo") or found.group("hugo2") or found.group("liquid")).casefold()
    args = found.group("args") or found.group("args2") or found.group("args3") or ""
    target = found.group("target") or ""
    if name in _PAGE_LINKS:
        path = _attrs(args).get("path") or _first_arg(args)
        if path and not any(c in path for c in "<>[]"):
            return f"{target}<{path}>" if target else f"[](<{path}>)"
    elif (
        name in _VIDEO_URLS and found.group("liquid") is None and (video := _attrs(args).get("id") or _first_arg(args))
    ):
        return target + _VIDEO_URLS[name].format(video)
    return found.group()


def page_fields(text: str) -> frozenset[str]:
    """Return the names of the front-matter fields a file's Liquid reads ('week' of '{{ page.week }}')."""
    return frozenset(_PAGE_FIELD.findall(text)) if "page." in text else frozenset()


def _page_variables(body: str, page: Mapping[str, object]) -> str:
    """Return a body with its Liquid variables of the page ('{{ page.description }}') as the values its front-matter
    gives them ('page.title' is its 'title', else its 'displayName'), but in code; others stay."""

    def value(found: re.Match[str]) -> str:
        key = found.group("key")
        given = page.get(key) if key != "title" else page.get("title") or page.get("displayName")
        if isinstance(given, bool) or not isinstance(given, str | int | float):
            return found.group()
        return _squash(str(given).replace("\n", " "))

    lines = body.split("\n")
    for i, (line, in_code) in enumerate(zip(lines, code_lines(lines), strict=True)):
        if not in_code and "{{" in line:
            parts = line.split("`")
            parts[::2] = [_PAGE_VARIABLE.sub(value, part) for part in parts[::2]]
            lines[i] = "`".join(parts)
    return "\n".join(lines)
