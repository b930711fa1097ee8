"""The portfolio files: what the Markdown and the HTML page show, and that nothing in them can run or mislead."""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import date
from urllib.parse import unquote

import pyromark
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.render.portfolio import (
    CSP,
    FinishedItem,
    ItemGroup,
    Portfolio,
    file_names,
    link_target,
    md_text,
    portfolio_html,
    portfolio_markdown,
)
from tests.portfolio_pages import read_page

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MARKDOWN = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH | pyromark.Options.ENABLE_TASKLISTS

GIT = FinishedItem("Use git professionally", date(2026, 11, 28), "https://github.com/ann/dotfiles")
HTTP = FinishedItem("Understand HTTP and web protocols", date(2026, 11, 27))
SQL = FinishedItem("Design normalized database schemas", date(2027, 1, 4), "https://example.com/a?b=1&c=%3Cx%3E")
SAMPLE = Portfolio(
    path="Backend Engineer",
    learner="ann",
    started=date(2026, 11, 27),
    generated=date(2027, 1, 5),
    zone="Europe/Berlin",
    total=15,
    groups=(
        ItemGroup("Phase 1: Foundations (Weeks 1-4)", (HTTP, GIT), 2),
        ItemGroup("Phase 3: Databases (Weeks 13-18)", (SQL,), 2),
    ),
)

NASTY = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(document.cookie)",
    " JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    'https://ok.example/x" onmouseover="alert(1)',
    "https://ok.example/x'><script>alert(1)</script>",
    "https://ok.example/<b>",
    "[click](javascript:alert(1))",
    "<https://evil.example>",
    "![img](https://evil.example/x.png)",
    "**bold** _em_ `code` ~~s~~ | a | b |",
    "# heading",
    "- bullet",
    "1. numbered",
    "3) numbered",
    "> quote",
    "&amp; &lt;b&gt; &#60;",
    "back\\slash\\",
    "line\nbreak\r\nand\ttab",
    "\u202eevil\u202c",
    "@everyone <@123456789012345678>",
    "",
    "---",
    "===",
    "<!-- comment -->",
    "https://example.com/a_b_c",
]
texts = st.one_of(st.sampled_from(NASTY), st.text(max_size=60))
proofs = st.one_of(
    st.none(),
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.builds(lambda s, rest: f"{s}://{rest}", st.sampled_from(["http", "https", "HTTPS", "javascript", "ftp"]), texts),
)


def shown(text: str) -> str:
    """Text as a page shows it: on one line, spaces collapsed, control characters gone, direction changes as "�"."""
    out = []
    for ch in text:
        if ch.isspace():  # line breaks, tabs, no-break and other spaces
            out.append(" ")
        elif ch in "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
            out.append("\ufffd")
        elif ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0:
            continue
        else:
            out.append(ch)
    return " ".join("".join(out).split())


def portfolio_of(item_text: str, proof: str | None, group: str = "Basics", learner: str = "ann") -> Portfolio:
    item = FinishedItem(item_text, date(2026, 12, 1), proof)
    return Portfolio(
        learner + " path", learner, date(2026, 11, 27), date(2026, 12, 2), "UTC", 3, (ItemGroup(group, (item,), 3),)
    )


def is_http_link(href: str | None) -> bool:
    return bool(href) and re.match(r"https?://", href, re.IGNORECASE) is not None


# ---------------------------------------------------------------- what the page shows


def test_the_page_shows_the_path_learner_dates_and_each_item_under_its_group() -> None:
    page = read_page(portfolio_html(SAMPLE))
    assert page.by_tag["h1"] == ["Backend Engineer"]
    assert page.by_tag["title"] == ["Backend Engineer · ann · portfolio"]
    assert page.by_tag["dt"] == ["Learner", "Started", "Progress", "Generated", "Dates"]
    assert page.by_tag["dd"] == [
        "ann",
        "2026-11-27",
        "in progress, 3 of 15 items",
        "2027-01-05",
        "days in Europe/Berlin",
    ]
    assert page.texts("summary") == ["3 of 15 items finished (20%)"]
    assert page.by_tag["h2"] == ["Phase 1: Foundations (Weeks 1-4) 2 of 2", "Phase 3: Databases (Weeks 13-18) 1 of 2"]
    assert page.texts("item") == [HTTP.text, GIT.text, SQL.text]
    assert page.texts("meta") == [
        "ticked 2026-11-27",
        "ticked 2026-11-28 · proof: https://github.com/ann/dotfiles",
        "ticked 2027-01-04 · proof: https://example.com/a?b=1&c=%3Cx%3E",
    ]
    assert page.links == [
        ("https://github.com/ann/dotfiles", "https://github.com/ann/dotfiles"),
        ("https://example.com/a?b=1&c=%3Cx%3E", "https://example.com/a?b=1&c=%3Cx%3E"),
    ]
    progress = next(attrs for name, attrs in page.tags if name == "progress")
    assert (progress["value"], progress["max"]) == ("3", "15")


def test_a_finished_path_says_when_it_was_finished() -> None:
    done = Portfolio("Tiny", "ann", date(2026, 1, 1), date(2026, 3, 1), "UTC", 2, (ItemGroup("All", (HTTP, SQL), 2),))
    assert done.finished_on == date(2027, 1, 4)  # the last tick
    page = read_page(portfolio_html(done))
    assert dict(zip(page.by_tag["dt"], page.by_tag["dd"], strict=True))["Finished"] == "2027-01-04"
    assert page.texts("summary") == ["2 of 2 items finished (100%)"]
    assert "- Finished: 2027-01-04" in portfolio_markdown(done)


def test_the_markdown_shows_the_same() -> None:
    assert portfolio_markdown(SAMPLE) == (
        "# Portfolio: Backend Engineer\n"
        "\n"
        "- Learner: ann\n"
        "- Started: 2026-11-27\n"
        "- Progress: in progress, 3 of 15 items\n"
        "- Generated: 2027-01-05\n"
        "- Dates are days in Europe/Berlin\n"
        "\n"
        "**3 of 15 items finished (20%).**\n"
        "\n"
        "## Phase 1: Foundations (Weeks 1-4) (2 of 2)\n"
        "\n"
        "- Understand HTTP and web protocols · ticked 2026-11-27\n"
        "- Use git professionally · ticked 2026-11-28 · proof: <https://github.com/ann/dotfiles>\n"
        "\n"
        "## Phase 3: Databases (Weeks 13-18) (1 of 2)\n"
        "\n"
        "- Design normalized database schemas · ticked 2027-01-04 · proof: <https://example.com/a?b=1&c=%3Cx%3E>\n"
        "\n"
        "Made with Waymark.\n"
    )


def test_a_group_without_a_title_is_called_checklist() -> None:
    untitled = Portfolio("P", "ann", date(2026, 1, 1), date(2026, 1, 2), "UTC", 1, (ItemGroup("", (HTTP,), 1),))
    assert read_page(portfolio_html(untitled)).by_tag["h2"] == ["Checklist 1 of 1"]
    assert "## Checklist (1 of 1)" in portfolio_markdown(untitled)


def test_file_names_follow_the_path() -> None:
    assert file_names("backend-engineer") == ("portfolio-backend-engineer.md", "portfolio-backend-engineer.html")
    assert file_names("../../etc/Passwd") == ("portfolio-etc-passwd.md", "portfolio-etc-passwd.html")
    assert file_names("///") == ("portfolio-path.md", "portfolio-path.html")


# ---------------------------------------------------------------- the page loads nothing


def test_the_page_allows_only_its_own_style_sheet() -> None:
    markup = portfolio_html(SAMPLE)
    (style,) = re.findall(r"<style>(.*?)</style>", markup, re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in CSP  # else a browser would refuse the page's own styles
    assert CSP.startswith("default-src 'none';")
    page = read_page(markup)
    csp = [a["content"] for name, a in page.tags if name == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp == [CSP]
    assert not page.tag_names & {"script", "link", "img", "iframe", "object", "embed", "form", "base"}
    assert not any(key == "style" or key.startswith("on") for _, attrs in page.tags for key in attrs)
    assert "//" not in re.sub(r"https://(github|example)\.com[^\"<]*", "", style + markup.split("</head>")[1])


# ---------------------------------------------------------------- proof links


@pytest.mark.parametrize(
    ("proof", "link"),
    [
        ("https://github.com/ann/x", "https://github.com/ann/x"),
        ("http://example.com", "http://example.com"),
        ("HTTPS://EXAMPLE.COM/A", "HTTPS://EXAMPLE.COM/A"),
        ("javascript:alert(1)", None),
        ("JavaScript://example.com/%0aalert(1)", None),
        ("data:text/html,x", None),
        ("ftp://example.com/x", None),
        ("https://", None),
        ("https:///path", None),
        ("//example.com/x", None),
        (" https://example.com", None),
        ("https://example.com/a b", None),
        ("https://example.com/<b>", None),
        ("https://example.com/\u202egnp.exe", None),
        ("https://example.com/\u200bx", None),
        ("https://example.com/\nx", None),
        ("", None),
        (None, None),
    ],
)
def test_only_http_and_https_links_are_links(proof: str | None, link: str | None) -> None:
    assert link_target(proof) == link


def test_a_proof_that_is_no_link_is_shown_as_text() -> None:
    page = read_page(portfolio_html(portfolio_of("Item", "javascript:alert(1)")))
    assert page.links == []
    assert page.texts("proof-text") == ["javascript:alert(1)"]
    markdown = portfolio_markdown(portfolio_of("Item", "javascript:alert(1)"))
    assert "- Item · ticked 2026-12-01 · proof: javascript:alert(1)\n" in markdown
    assert "href" not in pyromark.html(markdown, options=MARKDOWN)


@FAST
@given(text=texts, proof=proofs, group=texts, learner=texts)
def test_the_page_shows_any_text_as_text_and_links_only_http(
    text: str, proof: str | None, group: str, learner: str
) -> None:
    markup = portfolio_html(portfolio_of(text, proof, group, learner))
    markup.encode()  # a page that can be written as UTF-8
    page = read_page(markup)
    assert page.tag_names <= {
        "html", "head", "meta", "title", "style", "body", "main", "header", "p", "h1", "dl", "dt", "dd", "time",
        "progress", "section", "h2", "span", "ol", "li", "a", "footer",
    }  # fmt: skip
    assert not any(key == "style" or key.startswith("on") for _, attrs in page.tags for key in attrs)
    assert page.texts("item") == [shown(text)]
    assert page.by_tag["h1"] == [shown(learner + " path")]
    assert page.by_tag["h2"] == [f"{shown(group) or 'Checklist'} 1 of 3"]
    assert page.by_tag["dd"][0] == shown(learner)
    for name, attrs in page.tags:
        if name == "a":
            assert set(attrs) == {"href", "rel"}
    if link_target(proof) is not None:
        assert page.links == [(proof, proof)]
        assert is_http_link(proof)
    else:
        assert page.links == []
        assert page.texts("proof-text") == ([shown(proof)] if proof else [])


@FAST
@given(text=texts, proof=proofs, group=texts, learner=texts)
def test_the_markdown_shows_any_text_as_text_and_links_only_http(
    text: str, proof: str | None, group: str, learner: str
) -> None:
    markdown = portfolio_markdown(portfolio_of(text, proof, group, learner))
    markdown.encode()
    page = read_page(pyromark.html(markdown, options=MARKDOWN))  # as CommonMark (and GitHub) renders it
    assert page.tag_names <= {"h1", "h2", "ul", "li", "p", "strong", "a"}
    assert page.by_tag["h1"] == [f"Portfolio: {shown(learner + ' path')}"]
    assert page.by_tag["h2"] == [f"{shown(group) or 'Checklist'} (1 of 3)"]
    items = page.by_tag["li"]
    assert items[0] == f"Learner: {shown(learner)}".strip()
    expected = f"{shown(text)} · ticked 2026-12-01"
    if proof:
        expected += f" · proof: {shown(proof)}"
    assert items[-1] == expected.strip()
    if link_target(proof) is not None:
        ((href, label),) = page.links
        assert label == proof
        assert is_http_link(href)
        assert unquote(href) == unquote(proof)  # Markdown renderers percent-encode what a URL may not hold as is
    else:
        assert page.links == []


@pytest.mark.parametrize("text", NASTY)
def test_md_text_reads_back_as_written(text: str) -> None:
    rendered = read_page(pyromark.html(f"- {md_text(text)}", options=MARKDOWN))
    assert rendered.by_tag.get("li", [""]) == [shown(text)] or (not shown(text) and rendered.tag_names <= {"ul", "li"})
