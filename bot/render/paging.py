"""Making long things fit Discord, without ever cutting silently.

* `split_text` splits prose or code into pieces that each fit; nothing but whitespace is dropped
  (and the only thing added is the ``` that closes and reopens a code block split across pieces).
* `clip` is the one allowed shortening, for single-line labels and titles; it ends with "…".
* `paginate` and `fit_message` turn long bodies and many fields into cards and messages.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence

from bot import i18n
from bot.i18n import N_, _, _n
from bot.render.limits import (
    MAX_CHOICE_NAME,
    MAX_CHOICE_VALUE,
    MAX_CHOICES,
    MAX_EMBED_DESCRIPTION,
    MAX_EMBED_FIELDS,
    MAX_EMBED_FOOTER,
    MAX_EMBED_TITLE,
    MAX_EMBED_TOTAL,
    MAX_EMBEDS,
    MAX_FIELD_NAME,
    MAX_FIELD_VALUE,
)
from bot.render.reply import Card, Field

ELLIPSIS = "…"
ZWSP = "\u200b"
"""Zero-width space: stands in for an empty field name or value, which Discord rejects."""
CONTINUED = N_("{name} (cont.)")
"""The name of a field that goes on from the one before (translated where it is used)."""
FENCE = "```"
MIN_SPLIT_LIMIT = 32
"""Smallest `limit` `split_text` accepts: room to close and reopen a code block and still progress."""

_CLOSE = "\n" + FENCE
_QUOTE_LEAD = re.compile(r"[ \t]*(?:>[ \t]*)+")  # a block quote's marks before a line ('> ', '>> ', '> > ')
_MAX_LEAD = 3  # the longest quote marks a block is closed and reopened after: twice them, the close, the reopened
# fence and its language leave a piece of `MIN_SPLIT_LIMIT` room to progress
_MAX_LANG = 16
_LANG = re.compile(rf"[A-Za-z0-9_+\-.#]{{1,{_MAX_LANG}}}(?=\n)")
_BLOCK_HEAD = re.compile(r"[A-Za-z0-9_+\-.#]*\s*")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_WHITESPACE = re.compile(r"\s*")
_SKIP_AFTER_CUT = re.compile(r"[ \t]*(?:\n(?:[ \t]*\n)*)?")
_MIN_BREAK_FRACTION = 4
"""Paragraph and line breaks closer than budget/4 to a piece's start are passed over for later ones."""
# A markdown link ('[RFC 791](https://…)'): a piece ends between links, not inside one (see `_blank_outside_links`)
_LINK_SPAN = re.compile(r"\[[^\[\]\n]*\]\([^()\s]*\)")
_LINK_REACH = 2048  # how far past a piece's end a link cut by it is looked for


def split_text(text: str, limit: int) -> list[str]:
    """Split `text` into pieces of at most `limit` characters.

    Cuts at the last paragraph break that fits, else line break, else space, else anywhere (but
    never inside a ```). A fenced code block that must be cut is closed at the end of one piece
    and reopened (with its language) at the start of the next; a block that fits in one piece is
    moved whole to the next piece rather than cut. Whitespace at a cut is dropped; every other
    character is kept in order. Blank text gives `[]`; text that fits is returned unchanged.
    """
    if limit < MIN_SPLIT_LIMIT:
        raise ValueError(f"split_text limit must be at least {MIN_SPLIT_LIMIT}, got {limit}")
    if not text.strip():
        return []
    if len(text) <= limit:
        return [text]

    fences = _fence_positions(text)
    pieces: list[str] = []
    start = 0
    prefix = ""  # reopens a code block cut at the end of the previous piece
    while True:
        budget = limit - len(prefix)
        if len(text) - start <= budget:
            if text[start:].strip():
                pieces.append(prefix + text[start:])
            return pieces
        cut, opener, end, room = _cut_with_room(text, start, start + budget, fences, 0)
        if opener is not None:
            # First character of the block's code, after ``` and its language.
            code_at = _BLOCK_HEAD.match(text, opener + len(FENCE)).end()
            if opener > start and text[start:opener].strip():
                closer = _next_fence(fences, opener)
                block_end = len(text) if closer is None else closer + len(FENCE)
                if cut <= code_at or block_end - opener <= limit:
                    cut, opener = opener, None  # move the whole block to the next piece
            elif cut <= code_at < end:
                # The block opens this piece: cut into its code rather than leave it empty.
                cut, opener, end, room = _cut_with_room(text, start, end, fences, room, lowest=code_at + 1)

        content = text[start:cut].rstrip()
        next_start = _SKIP_AFTER_CUT.match(text, cut).end()
        if opener is None:
            if content.strip():
                pieces.append(prefix + content)
            start, prefix = next_start, ""
            continue
        # A block in a quote ('> ```python') is closed and reopened inside it, after the same marks: a bare ``` would
        # end the quote, and the code would show outside it.
        lead = _quote_lead(text, opener)
        ahead = _WHITESPACE.match(text, next_start).end()
        if (
            lead
            and (marks := _QUOTE_LEAD.match(text, ahead)) is not None
            and marks.group().count(">") == lead.count(">")
        ):
            ahead = marks.end()  # a closer under other marks is kept as written, after the block reopened
        closer_next = _is_fence(fences, ahead)
        if closer_next:
            # The block's own closer comes next: the ``` closing this piece stands for it.
            next_start, next_prefix = _SKIP_AFTER_CUT.match(text, ahead + len(FENCE)).end(), ""
        else:
            lang = _LANG.match(text, opener + len(FENCE))
            next_prefix = lead + FENCE + (lang.group() if lang else "") + "\n"
        if content.strip():
            pieces.append(prefix + content + "\n" + lead + FENCE)
        elif not closer_next:
            next_prefix = prefix  # nothing but whitespace inside the reopened block: keep it open
        start, prefix = next_start, next_prefix


def _cut_with_room(
    text: str, start: int, end: int, fences: list[int], room: int, lowest: int = 0
) -> tuple[int, int | None, int, int]:
    """Return where to end a piece (see `_find_cut`), the ``` of the code block it ends in (or None), and the end
    and the room kept to close that block: where the cut falls in a block, room to close it (in its quote) is
    left and the cut looked for again, until the block the cut falls in (one under more quote marks, further
    back) needs no more room than is left."""
    cut = _find_cut(text, start, end, fences, lowest=lowest)
    opener = _open_block(fences, cut)
    while opener is not None and (need := len(_CLOSE) + len(_quote_lead(text, opener))) > room:
        end -= need - room
        room = need
        cut = _find_cut(text, start, end, fences, lowest=lowest)
        opener = _open_block(fences, cut)
    return cut, opener, end, room


def _quote_lead(text: str, opener: int) -> str:
    """Return the block quote marks before the ``` at `opener` on its line ('> ' of '> ```python'), or '' (also for
    marks longer than `_MAX_LEAD`, for which a piece of the smallest limit has no room)."""
    line_start = text.rfind("\n", 0, opener) + 1
    if opener - line_start > _MAX_LEAD:
        return ""
    marks = _QUOTE_LEAD.fullmatch(text, line_start, opener)
    return marks.group() if marks is not None else ""


def _fence_positions(text: str) -> list[int]:
    """Where each ``` starts, scanning left to right without overlap, as Discord's parser does."""
    positions = []
    at = text.find(FENCE)
    while at != -1:
        positions.append(at)
        at = text.find(FENCE, at + len(FENCE))
    return positions


def _is_fence(fences: list[int], at: int) -> bool:
    i = bisect_left(fences, at)
    return i < len(fences) and fences[i] == at


def _open_block(fences: list[int], cut: int) -> int | None:
    """The ``` that opened the code block `cut` falls inside, or None when it is outside one."""
    before = bisect_left(fences, cut)
    return fences[before - 1] if before % 2 else None


def _next_fence(fences: list[int], at: int) -> int | None:
    i = bisect_left(fences, at + 1)
    return fences[i] if i < len(fences) else None


def _find_cut(text: str, start: int, end: int, fences: list[int], lowest: int = 0) -> int:
    """Where to end a piece that starts at `start` and may not reach past `end` (exclusive).

    Nothing before `lowest` is considered but a hard cut at `end`; paragraph and line breaks in the
    first quarter are passed over too, so no piece is needlessly short.
    """
    lowest = max(lowest, start + 1)
    breaks_from = max(lowest, start + (end - start) // _MIN_BREAK_FRACTION)
    window = text[start : end + 1]  # a break at `end` itself still leaves text[start:end]
    paragraph = None
    for paragraph in _PARAGRAPH.finditer(window):  # noqa: B007 - the last one is wanted
        pass
    if paragraph is not None and start + paragraph.start() >= breaks_from:
        return start + paragraph.start()
    line = window.rfind("\n")
    if line != -1 and start + line >= breaks_from:
        return start + line
    space = max(window.rfind(" "), window.rfind("\t"))
    if space != -1 and start + space >= lowest:
        return _blank_outside_links(text, start + space, lowest, end)
    cut = end
    before = bisect_left(fences, cut) - 1
    if before >= 0 and cut < fences[before] + len(FENCE):
        cut = fences[before]  # never inside a ```
        if cut <= start:
            cut = fences[before] + len(FENCE)
    return cut


def _blank_outside_links(text: str, blank: int, lowest: int, end: int) -> int:
    """Return the last blank at or before `blank` that is outside a markdown link ('[text](url)'), so a line of
    links is cut between two of them and each page shows whole links; `blank` itself where a link reaches back
    past `lowest` (one longer than a page is cut as any text is)."""
    if "](" not in text[lowest:end]:
        return blank
    spans = [m.span() for m in _LINK_SPAN.finditer(text, lowest, min(len(text), end + _LINK_REACH))]
    at = blank
    while at >= lowest:
        inside = next((s for s, e in spans if s < at < e), None)
        if inside is None:
            return at
        at = max(text.rfind(" ", lowest, inside), text.rfind("\t", lowest, inside))
    return blank


def clip(text: str, limit: int) -> str:
    """Shorten a single-line label or title to `limit` characters, ending it with "…".

    Text that fits is returned unchanged. Otherwise it is cut at the last word boundary (unless
    that would lose more than half) and "…" shows it was shortened.
    """
    if limit < 1:
        raise ValueError(f"clip limit must be at least 1, got {limit}")
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if not text[limit - 1].isspace():
        boundary = max((m.start() for m in re.finditer(r"\s", head)), default=-1)
        if boundary >= (limit - 1) // 2:
            head = head[:boundary]
    return head.rstrip().rstrip(",;:") + ELLIPSIS


def fit_lines(lines: Sequence[str], room: int) -> str:
    """Join whole lines up to `room` characters, ending with how many more there are (no line, no link, is cut).

    A code block cut there is closed first (inside its block quote, as it was opened), so that what follows it is
    not shown as code."""
    shown: list[str] = []
    used = 0
    fence: str | None = None  # while a code block is open, the quote marks before its opening ``` ('' outside one)
    for k, line in enumerate(lines):
        rest = len(lines) - k - 1
        after = _fence_after(fence, line)
        tail = len("\n" + _more(rest)) + (len(f"\n{after}{FENCE}") if after is not None else 0) if rest else 0
        if used + len(line) + 1 + tail > room:
            if not shown:
                return clip(line, room)
            close = [f"{fence}{FENCE}"] if fence is not None else []
            return "\n".join([*shown, *close, _more(len(lines) - k)])
        shown.append(line)
        used += len(line) + 1
        fence = after
    return "\n".join(shown)


def _fence_after(fence: str | None, line: str) -> str | None:
    """Return whether a code block is open after `line` (the quote marks of its opening line) or None, given
    `fence`, as it was before it."""
    if line.count(FENCE) % 2 == 0:  # none, or a block that opens and closes on the line ('```ls -la```')
        return fence
    if fence is not None:
        return None
    marks = _QUOTE_LEAD.match(line)
    return marks.group() if marks is not None else ""


def _more(count: int) -> str:
    """Say how many lines were left out: "…and 3 more" (the count as written, never grouped)."""
    return _n("…and {n} more", "…and {n} more", count, n=str(count))


def paginate(
    title: str | None,
    body: str = "",
    fields: Iterable[Field | tuple[str, str] | tuple[str, str, bool]] = (),
    footer: str | None = None,
    per_page: int = MAX_EMBED_FIELDS,
    *,
    body_limit: int = MAX_EMBED_DESCRIPTION,
    url: str | None = None,
    color: int | None = None,
) -> list[Card]:
    """Lay a long body and any number of fields out on as many cards as they need.

    The body is split with `split_text` into descriptions of at most `body_limit` characters, one
    per card; fields follow, at most `per_page` to a card. A field value over 1,024 characters
    continues in fields named "<name> (cont.)". Every card repeats the title (clipped to 256) and
    stays within all embed limits. With more than one card, each footer ends "Page i/n" (after the
    given footer, which is clipped only if it would not otherwise fit). Nothing at all gives `[]`.
    """
    if not 1 <= per_page <= MAX_EMBED_FIELDS:
        raise ValueError(f"per_page must be between 1 and {MAX_EMBED_FIELDS}, got {per_page}")
    title = clip(title, MAX_EMBED_TITLE) if title and title.strip() else None
    footer = footer if footer and footer.strip() else None
    expanded = [item for field in fields for item in _split_field(_as_field(field))]
    digits = 0  # footer room reserved for "Page i/n" with this many digits in n
    while True:
        footer_room = _page_footer(footer, "9" * digits, "9" * digits) if digits else footer or ""
        budget = MAX_EMBED_TOTAL - len(title or "") - len(footer_room)
        pages = _pack(body, expanded, per_page, min(body_limit, MAX_EMBED_DESCRIPTION, budget), budget)
        if len(pages) <= 1 or len(str(len(pages))) <= digits:
            break
        digits = len(str(len(pages)))

    if not pages:
        if title or footer:
            return [Card(title=title, footer=clip(footer, MAX_EMBED_FOOTER) if footer else None, url=url)]
        return []
    total = len(pages)
    cards = []
    for number, (description, page_fields) in enumerate(pages, start=1):
        if total > 1:
            page_footer = _page_footer(footer, str(number), str(total))
        else:
            page_footer = clip(footer, MAX_EMBED_FOOTER) if footer else None
        cards.append(
            Card(
                title=title,
                description=description,
                fields=tuple(page_fields),
                footer=page_footer,
                url=url,
                color=color,
            )
        )
    return cards


def _as_field(field: Field | tuple[str, str] | tuple[str, str, bool]) -> Field:
    return field if isinstance(field, Field) else Field(*field)


def _split_field(field: Field) -> list[Field]:
    name = clip(field.name, MAX_FIELD_NAME) if field.name.strip() else ZWSP
    values = split_text(field.value, MAX_FIELD_VALUE) or [ZWSP]
    room = MAX_FIELD_NAME - len(_(CONTINUED, name=""))
    cont = _(CONTINUED, name=clip(field.name, room)) if field.name.strip() else ZWSP
    return [Field(name if i == 0 else cont, value, field.inline) for i, value in enumerate(values)]


def _page_footer(footer: str | None, number: str, total: str) -> str:
    page = _("Page {number}/{total}", number=number, total=total)
    if not footer:
        return page
    return clip(footer, MAX_EMBED_FOOTER - len(page) - 3) + " · " + page


def _pack(
    body: str, fields: list[Field], per_page: int, body_limit: int, budget: int
) -> list[tuple[str | None, list[Field]]]:
    """Descriptions one per page, then fields greedily, each page within `budget` characters."""
    pages: list[tuple[str | None, list[Field]]] = [(chunk, []) for chunk in split_text(body, body_limit)]
    used = len(pages[-1][0] or "") if pages else 0
    for field in fields:
        if not pages or len(pages[-1][1]) >= per_page or used + field.length > budget:
            pages.append((None, []))
            used = 0
        pages[-1][1].append(field)
        used += field.length
    return pages


def fit_message(cards: Sequence[Card]) -> list[tuple[Card, ...]]:
    """Group cards, in order, into messages of at most 10 embeds and 6,000 characters in all."""
    messages: list[tuple[Card, ...]] = []
    current: list[Card] = []
    used = 0
    for card in cards:
        if current and (len(current) >= MAX_EMBEDS or used + card.length > MAX_EMBED_TOTAL):
            messages.append(tuple(current))
            current, used = [], 0
        current.append(card)
        used += card.length
    if current:
        messages.append(tuple(current))
    return messages


def share_percent(done: int, total: int) -> int:
    """Return done/total as a whole percentage, rounded half up (1/6 is 17), but 100 only when all is done and 0
    only when nothing is (999/1000 is 99, 1/1000 is 1)."""
    if total <= 0:
        return 0
    share = min(max(done, 0), total)
    percent = (share * 200 + total) // (2 * total)  # half up, in integers: no float rounding at .5
    return min(max(percent, 1), 99) if 0 < share < total else percent


def progress_bar(done: int, total: int, width: int = 10) -> str:
    """`▰▰▰▱▱▱▱▱▱▱ 3/10 (30%)`. The bar rounds down, so it is full only when all is done, but shows a cell as soon
    as anything is (3/31 is not an empty bar); the percentage rounds half up (1/6 is 17%), but says 100% only when
    all is done and 0% only when nothing is."""
    if width < 1:
        raise ValueError(f"progress bar width must be at least 1, got {width}")
    if total > 0:
        share = min(max(done, 0), total)
        filled = max(share * width // total, 1 if share else 0)
    else:
        filled = 0
    percent = share_percent(done, total)
    return f"{'▰' * filled}{'▱' * (width - filled)} {done}/{total} ({i18n.percent(percent / 100)})"


def fit_choices(pairs: Iterable[tuple[str, str]] | Mapping[str, str]) -> list[tuple[str, str]]:
    """Return autocomplete choices from `(name, value)` pairs, in order, at most 25, as Discord takes them.

    Names are clipped to 100 characters (an empty name shows the value). A value is never
    clipped, since the command would receive a wrong value: a pair whose value is over 100
    characters is dropped instead.
    """
    items = pairs.items() if isinstance(pairs, Mapping) else pairs
    choices: list[tuple[str, str]] = []
    for name, value in items:
        if len(value) > MAX_CHOICE_VALUE:
            continue
        shown = name if name.strip() else value
        if not shown.strip():
            continue
        choices.append((clip(shown, MAX_CHOICE_NAME), value))
        if len(choices) == MAX_CHOICES:
            break
    return choices
