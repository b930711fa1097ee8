"""A learner's portfolio as two files: Markdown to paste anywhere, and a self-contained HTML page to open or host.

Pure: it takes a `Portfolio` (plain data a handler gathers) and returns text. Everything it prints comes from
a role file or a learner, so every piece is escaped for where it lands: backslash escapes in Markdown, HTML
escapes (`html.escape`) in the page. A proof becomes a link only when it is an `http://` or `https://` URL
(`link_target`); anything else (`javascript:…`, a damaged value from an old database) is shown as text.

The page loads nothing: no scripts, fonts or images, and one inline style sheet that its
Content-Security-Policy allows by hash, so a browser refuses anything else that could get into it.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from bot import i18n
from bot.i18n import _, _n, format_date, number, percent
from bot.render.escape import BIDI_CONTROLS, REPLACEMENT
from bot.render.paging import share_percent

__all__ = [
    "CSP",
    "FinishedItem",
    "ItemGroup",
    "Portfolio",
    "file_names",
    "link_target",
    "portfolio_html",
    "portfolio_markdown",
    "summary_text",
]


@dataclass(frozen=True, slots=True)
class FinishedItem:
    """A ticked checklist item: its text, the day it was ticked (in the learner's zone) and its proof, if any."""

    text: str
    ticked_on: date
    proof: str | None = None


@dataclass(frozen=True, slots=True)
class ItemGroup:
    """A checklist group (a heading of the checklist, often a phase) with its finished items, in checklist order.

    `total` counts every item of the group, finished or not.
    """

    title: str
    items: tuple[FinishedItem, ...]
    total: int


@dataclass(frozen=True, slots=True)
class Portfolio:
    """What a portfolio shows: the path, who, when, and the finished items under their groups.

    `groups` holds the groups with at least one finished item, in checklist order; `total` counts every
    item of the path's checklist. Dates are in the learner's zone, named by `zone`.
    """

    path: str
    learner: str
    started: date
    generated: date
    zone: str
    total: int
    groups: tuple[ItemGroup, ...]

    @property
    def done(self) -> int:
        """How many checklist items are finished."""
        return sum(len(g.items) for g in self.groups)

    @property
    def finished_on(self) -> date | None:
        """The day the last item was ticked, when every item is; otherwise None."""
        if self.total == 0 or self.done < self.total:
            return None
        return max(i.ticked_on for g in self.groups for i in g.items)

    @property
    def percent(self) -> int:
        """The share of items finished, rounded half up (100 only when every item is, 0 only when none is)."""
        return share_percent(self.done, self.total)


def file_names(slug: str) -> tuple[str, str]:
    """Return the Markdown and HTML file names for a path: `portfolio-backend-engineer.md` / `.html`."""
    safe = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-") or "path"
    return f"portfolio-{safe}.md", f"portfolio-{safe}.html"


# ------------------------------------------------------------------------------------------------ text

_LINK = re.compile(r"https?://[^/?#\s<>]+[^\s<>]*", re.IGNORECASE)


def _one_line(text: str) -> str:
    """Put text on one line, as plain text.

    Line breaks and tabs become spaces and runs of spaces shrink; other control characters go, and characters
    that turn the direction of the text after them show as "�" (as `escape_user_text` does in replies).
    """
    out = []
    for ch in text:
        if ch.isspace():
            out.append(" ")
        elif ch in BIDI_CONTROLS:
            out.append(REPLACEMENT)
        elif unicodedata.category(ch) not in ("Cc", "Cs"):
            out.append(ch)
    return " ".join("".join(out).split())


def link_target(proof: str | None) -> str | None:
    """Return the proof as a URL to link to when it is an http(s) link with a host, else None (show it as text).

    A link must be one run of visible characters: no spaces, no `<` or `>`, and no control, format or
    separator characters (a right-to-left override in a link would disguise where it goes).
    """
    if not proof or not _LINK.fullmatch(proof):
        return None
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zs", "Zl", "Zp", "Co", "Cn") for ch in proof):
        return None
    return proof


def _group_title(group: ItemGroup) -> str:
    """A group's title on one line; items written before any heading of the checklist are under "Checklist"."""
    return _one_line(group.title) or _("Checklist")


def summary_text(p: Portfolio) -> str:
    """Say how much of the path is finished: "3 of 12 items finished (25%)"."""
    return _n(
        "{done} of {n} item finished ({percent})",
        "{done} of {n} items finished ({percent})",
        p.total,
        done=number(p.done),
        percent=percent(p.percent / 100),
    )


def _status(p: Portfolio) -> tuple[str, str]:
    """Return the label and value of the line that says how far the path is: finished on a day, or in progress."""
    finished = p.finished_on
    if finished is not None:
        return _("Finished"), format_date(finished)
    return _("Progress"), _n(
        "in progress, {done} of {n} item", "in progress, {done} of {n} items", p.total, done=number(p.done)
    )


def _count(group: ItemGroup) -> str:
    """Say how many of a group's items are finished: "2 of 5"."""
    return _("{done} of {total}", done=number(len(group.items)), total=number(group.total))


# ------------------------------------------------------------------------------------------------ Markdown

_MD_ANYWHERE = re.compile(r"([\\`*_\[\]<>&|~#!])")
"""Characters Markdown may read as markup anywhere on a line (emphasis, code, links, HTML, tables, headings)."""
_MD_LINE_START = re.compile(r"^(?:([-+=>])|(\d+)([.)]))")
"""What starts a block at the start of a line or a list item: a bullet, a quote, a numbered item, an underline."""


def md_text(text: str) -> str:
    """Return text to put in Markdown so that it shows exactly as written, on one line, with no markup.

    Backslash escapes work on any ASCII punctuation in CommonMark and GitHub's Markdown, so the characters
    that could start markup are escaped wherever they stand, and block markers (`-`, `1.`) where a block
    could start.
    """
    escaped = _MD_ANYWHERE.sub(r"\\\1", _one_line(text))
    return _MD_LINE_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), escaped)


def _md_proof(proof: str) -> str:
    target = link_target(proof)
    return f"<{target}>" if target is not None else md_text(proof)


def portfolio_markdown(p: Portfolio) -> str:
    """Return the portfolio as Markdown (CommonMark, as GitHub shows it)."""
    label, value = _status(p)
    lines = [
        "# " + _("Portfolio: {path}", path=md_text(p.path)),
        "",
        "- " + _("Learner: {learner}", learner=md_text(p.learner)),
        "- " + _("Started: {date}", date=format_date(p.started)),
        f"- {label}: {value}",
        "- " + _("Generated: {date}", date=format_date(p.generated)),
        "- " + _("Dates are days in {zone}", zone=md_text(p.zone)),
        "",
        f"**{summary_text(p)}.**",
    ]
    for group in p.groups:
        lines += ["", f"## {md_text(_group_title(group))} ({_count(group)})", ""]
        for item in group.items:
            fields = {"item": md_text(item.text), "date": format_date(item.ticked_on)}
            if item.proof:
                line = _("{item} · ticked {date} · proof: {proof}", proof=_md_proof(item.proof), **fields)
            else:
                line = _("{item} · ticked {date}", **fields)
            lines.append(f"- {line}")
    lines += ["", _("Made with Waymark."), ""]
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------ HTML

STYLE = """
:root { color-scheme: light dark; --ink: #1d1f23; --muted: #5b6270; --line: #d8dce3; --accent: #5865f2;
  --paper: #ffffff; --band: #f4f5f8; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e8eaee; --muted: #a3aab8; --line: #3a3f4a; --accent: #8f98ff; --paper: #16181d; --band: #1f232a; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--band); color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 46rem; margin: 2rem auto; padding: 2rem; background: var(--paper);
  border: 1px solid var(--line); border-radius: 12px; }
.kicker { margin: 0; color: var(--accent); font-weight: 600; letter-spacing: .04em; text-transform: uppercase;
  font-size: .8rem; }
h1 { margin: .2rem 0 1rem; font-size: 1.9rem; line-height: 1.2; overflow-wrap: anywhere; }
h2 { margin: 2rem 0 .5rem; font-size: 1.15rem; overflow-wrap: anywhere; }
h2 .count { color: var(--muted); font-weight: 400; font-size: .95rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1.2rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.summary { margin: 0 0 .4rem; font-weight: 600; }
progress { width: 100%; height: .7rem; accent-color: var(--accent); }
ol.items { margin: 0; padding-left: 1.4rem; }
ol.items li { margin: 0 0 .7rem; }
.item { display: block; overflow-wrap: anywhere; }
.meta { display: block; color: var(--muted); font-size: .9rem; overflow-wrap: anywhere; }
.meta a { color: var(--accent); }
.empty { color: var(--muted); }
footer { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid var(--line); color: var(--muted);
  font-size: .85rem; }
@media print { body { background: none; } main { border: 0; margin: 0; max-width: none; } }
"""

CSP = (
    "default-src 'none'; "
    f"style-src 'sha256-{base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()}'; "
    "base-uri 'none'; form-action 'none'"
)
"""The page's Content-Security-Policy: nothing may load or run but its own style sheet (allowed by its hash)."""


def _h(text: str) -> str:
    return html.escape(_one_line(text), quote=True)


def _t(text: str) -> str:
    """Escape the bot's own text (a label, a translation) for the page: `&`, `<` and `>`; quotes stay as written."""
    return html.escape(text, quote=False)


def _time(day: date) -> str:
    return f'<time datetime="{day.isoformat()}">{html.escape(format_date(day))}</time>'


def _html_proof(proof: str) -> str:
    target = link_target(proof)
    if target is None:
        link = f'<span class="proof-text">{_h(proof)}</span>'
    else:
        href = html.escape(target, quote=True)
        link = f'<a href="{href}" rel="nofollow noopener noreferrer">{href}</a>'
    return _("proof: {link}", link=link)


def portfolio_html(p: Portfolio) -> str:
    """Return the portfolio as one HTML page that needs nothing else: no scripts, no remote fonts or images.

    The page is in the current language (`bot.i18n`), which its `lang` says; what a role file or the learner
    wrote is shown as written.
    """
    label, value = _status(p)
    finished = p.finished_on
    status = _time(finished) if finished is not None else html.escape(value)
    # The page's own words, escaped as text (Babel reads no call inside an f-string, so none is made there).
    title = _("{path} · {learner} · portfolio", path=_h(p.path), learner=_h(p.learner))
    words = {
        "kicker": _t(_("Portfolio")),
        "learner": _t(_("Learner")),
        "started": _t(_("Started")),
        "status": _t(label),
        "generated": _t(_("Generated")),
        "dates": _t(_("Dates")),
        "zone": _("days in {zone}", zone=_h(p.zone)),
        "percent": _t(percent(p.percent / 100)),
        "empty": _t(_("Nothing is ticked yet.")),
        "footer": _t(_("Made with Waymark.")),
    }
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{i18n.current()}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(CSP, quote=True)}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="Waymark">',
        f"<title>{title}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<header>",
        f'<p class="kicker">{words["kicker"]}</p>',
        f'<h1 id="path">{_h(p.path)}</h1>',
        '<dl class="facts">',
        f'<dt>{words["learner"]}</dt><dd id="learner">{_h(p.learner)}</dd>',
        f"<dt>{words['started']}</dt><dd>{_time(p.started)}</dd>",
        f'<dt>{words["status"]}</dt><dd id="status">{status}</dd>',
        f"<dt>{words['generated']}</dt><dd>{_time(p.generated)}</dd>",
        f"<dt>{words['dates']}</dt><dd>{words['zone']}</dd>",
        "</dl>",
        f'<p class="summary" id="summary">{html.escape(summary_text(p))}</p>',
        f'<progress value="{min(p.done, p.total)}" max="{max(p.total, 1)}">{words["percent"]}</progress>',
        "</header>",
    ]
    if not p.groups:
        parts.append(f'<p class="empty">{words["empty"]}</p>')
    for group in p.groups:
        parts += [
            '<section class="group">',
            f'<h2>{_h(_group_title(group))} <span class="count">{_t(_count(group))}</span></h2>',
            '<ol class="items">',
        ]
        for item in group.items:
            meta = _("ticked {date}", date=_time(item.ticked_on))
            if item.proof:
                meta += f" · {_html_proof(item.proof)}"
            parts.append(f'<li><span class="item">{_h(item.text)}</span><span class="meta">{meta}</span></li>')
        parts += ["</ol>", "</section>"]
    parts += [f"<footer>{words['footer']}</footer>", "</main>", "</body>", "</html>", ""]
    return "\n".join(parts)
