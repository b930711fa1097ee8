"""Parse one role file (front-matter + markdown) into a `Role` and the problems found in it.

The front-matter is read by python-frontmatter and PyYAML (libyaml's safe loader); the body by a CommonMark
parser (`bot.content.markdown`), whose blocks are then given their place: headings are sections, phase
headings (in the shapes `bot.content.phases` reads) open phases, and everything under a phase (sub-headings,
bold labels, bullets, table rows, quoted lists, paragraphs) belongs to it. Task items anywhere make the
checklist. A file without phase headings may give its plan as a table of weeks (a phase per row) or of days (a
phase per week of them), as a list whose items are phases (their nested bullets their topics), or as lines of
weeks in its text ('Week 1 :: HTML basics', a phase per line); a file without phases is a self-paced path; phases
without weeks get weeks planned for them.
"""

from __future__ import annotations

import math
import re
import textwrap
import tomllib
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from difflib import get_close_matches
from itertools import groupby, pairwise, repeat, takewhile
from operator import is_not, itemgetter
from typing import NamedTuple
from urllib.parse import urlsplit

import frontmatter
import yaml

from bot.content.ids import checklist_item_id, slugify, split_explicit_id
from bot.content.markdown import (
    CELL_BREAK,
    TEXT_BOX,
    Block,
    Links,
    cell_lines,
    code_lines,
    escape,
    flat_cell,
    names_object,
    page_fields,
    read_blocks,
)
from bot.content.models import (
    ChecklistItem,
    Phase,
    Piece,
    Problem,
    Role,
    Section,
    Severity,
    Subsection,
    Topic,
    note_parts,
)
from bot.content.phases import (
    DAY_WORDS,
    WEEK_WORDS,
    PhaseHeading,
    chained_lengths,
    counter_cell,
    cut_short,
    dated_hint,
    dated_line,
    dated_phases,
    day_after_topic,
    day_count_phases,
    day_hint,
    day_named_last,
    days_said,
    dotted_days,
    heading_day,
    heading_span,
    item_weeks,
    keycap_cell,
    keycap_numbers,
    labelled_title,
    length_alone,
    level_series,
    may_name_weeks,
    only_dates,
    only_day,
    outline_heading,
    outline_numbered,
    part_weeks,
    period_lengths,
    period_range,
    phase_hint,
    quoted_few,
    read_duration,
    read_level_heading,
    read_phase_heading,
    read_phase_headings,
    read_series_heading,
    read_span_line,
    read_titled_item,
    respan,
    respell_phases,
    series_before,
    series_last,
    series_word,
    span_line,
    spans_after_phases,
    status_alone,
    status_cell,
    status_first,
    steps_of_one_section,
    table_row_heading,
    table_row_weeks,
    time_box,
    time_of_day,
    timeline_weeks,
    title_cell,
    titled_spans,
    uncounted,
    unreadable_span,
    week_parts,
    weeks_again,
    weeks_in_parts,
    when_alone,
    without_current,
    without_dates,
    without_day,
    without_hours,
    without_number_first,
    without_opening_status,
    without_progress_marks,
    without_span,
    without_status,
    without_task_keyword,
    without_trailing_url,
)

try:  # libyaml's loader is several times faster; the pure one gives the same result.
    _YamlLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _YamlLoader = yaml.SafeLoader

_FM = frontmatter.YAMLHandler()
# Makes a named tuple (Section, Topic, ChecklistItem) from a tuple of all its fields, without the named tuple's
# Python-level __new__: a 1,000-file load makes some 80,000 of them.
_new = tuple.__new__
_TASK = itemgetter(6)  # of a Block
Complain = Callable[..., None]  # (field, message, severity="error") -> None
KNOWN_KEYS = (
    "name",
    "displayName",
    "description",
    "expertise",
    "salaryRange",
    "timelineMonths",
    "aliases",
    "baseUrl",
)
REQUIRED_TEXT_KEYS = ("name", "displayName", "description")
# What blogs, wikis and static site generators (Jekyll, Hugo, Docusaurus, Obsidian) put in front-matter: kept in
# `Role.extra` without a warning, which stays for any other field (a typo of a known one, say).
PUBLISHING_KEYS = frozenset(
    {
        *("title", "subtitle", "author", "authors", "date", "lastmod", "updated", "created", "modified"),
        *("tags", "categories", "keywords", "series", "draft", "weight", "toc", "cover", "image", "thumbnail"),
        *("slug", "summary", "excerpt", "layout", "permalink", "lang", "language", "id", "sidebar_position"),
        *("category", "hidden", "published", "nav_order", "parent", "grand_parent", "has_children", "nav_exclude"),
        *("sidebar_label", "hide", "icon", "order", "redirect_from", "last_modified_at", "comments", "math"),
        # Obsidian's, and its plugins' (Publish, Digital Garden, Banners, Force note view mode)
        *("cssclass", "cssclasses", "publish", "dg-publish", "obsidianUIMode", "creation date", "date created"),
        *("creation-time", "status"),
        *("date modified", "banner", "banner_x", "banner_y", "banner_icon", "banner_lock"),
        *("jupytext", "kernelspec"),  # a Jupyter Book (MyST) page's
        # a Docusaurus page's
        *("toc_min_heading_level", "toc_max_heading_level", "hide_table_of_contents", "hide_title"),
        *("pagination_next", "pagination_prev", "pagination_label", "custom_edit_url", "sidebar_class_name"),
        *("displayed_sidebar", "sidebar_custom_props", "last_update", "unlisted"),
    }
)
MAX_WEEKS = 520
MAX_TOPIC_DEPTH = 8  # bullets nested deeper are kept, at this depth
INTRO_TITLE = "Introduction"  # the section of text before a file's first heading
MOST_MONTHS = 120  # the longest path timelineMonths may give
DEFAULT_PHASE_WEEKS = 4  # a phase without weeks, in a file without timelineMonths
WEEKS_PER_MONTH = 4.345
# The labels of a phase's objective line ('**Objective:**'), in English, German, Spanish, French, Italian,
# Portuguese, Chinese, Russian, Ukrainian, Arabic, Hindi, Japanese, Korean, Turkish, Polish, Indonesian, Vietnamese
# and Dutch.
OBJECTIVE_LABELS = frozenset(
    {
        *("objective", "objectives", "goal", "goals", "focus", "outcome", "outcomes"),
        *("learning objective", "learning objectives", "learning goal", "learning goals"),
        *("learning outcome", "learning outcomes"),
        *("sprint goal", "sprint goals", "week goal", "weekly goal", "milestone goal", "phase goal", "stage goal"),
        # what a month or week is for, as exam plans and weekly logs head them ('**Theme:** Core subjects')
        *("theme", "weekly theme", "week theme", "monthly theme", "month theme", "focus theme", "main theme"),
        *("ziel", "ziele", "lernziel", "lernziele", "fokus", "schwerpunkt"),
        *("objetivo", "objetivos", "meta", "metas", "enfoque"),
        *("objectif", "objectifs", "obiettivo", "obiettivi", "foco"),
        *("目标", "学习目标", "核心目标", "阶段目标", "主要目标", "目的", "重点", "成果", "学习成果"),
        *("цель", "цели", "цель этапа", "результат"),
        *("мета", "мета етапу", "ціль", "цілі"),  # Ukrainian
        *("الهدف", "الأهداف", "هدف", "أهداف", "الهدف من المرحلة"),  # Arabic
        *("लक्ष्य", "उद्देश्य", "सीखने का लक्ष्य"),  # Hindi
        *("目標", "学習目標", "到達目標", "ゴール", "ねらい"),
        *("목표", "학습 목표", "학습목표", "목적"),
        *("hedef", "hedefler", "amaç", "amaçlar", "odak"),  # Turkish
        *("cel", "cele", "cel tygodnia", "efekt", "efekty"),  # Polish
        *("tujuan", "target", "fokus"),  # Indonesian
        *("mục tiêu", "trọng tâm", "kết quả"),  # Vietnamese
        *("doel", "doelen", "leerdoel", "leerdoelen", "focus"),  # Dutch
    }
)
# The labels of a phase's facts, written at its top with their value on the line ('**Prerequisites:** Phase 1',
# '**Time:** 3 weeks', '**Difficulty:** medium'): what to know of the whole phase, as its objective is, no work of
# any week, and no part that would hold the list after them.
HEADER_LABELS = frozenset(
    {
        *("prerequisite", "prerequisites", "prereq", "prereqs", "pre-requisite", "pre-requisites", "requires"),
        *("time", "duration", "estimated time", "time needed", "time commitment", "effort", "hours", "pace"),
        *("level", "difficulty", "difficulty level"),
        *("voraussetzung", "voraussetzungen", "dauer", "zeitaufwand", "schwierigkeit", "niveau"),  # German
        *("prerrequisitos", "requisitos", "requisitos previos", "duración", "dificultad", "nivel"),  # Spanish
        *("prérequis", "pré-requis", "durée", "difficulté"),  # French
        *("prerequisiti", "durata", "difficoltà", "pré-requisitos", "duração", "dificuldade"),  # Italian, Portuguese
    }
)
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_MONTHS = re.compile(r"^\s*(\d+)\s*(?:[-–—]|to|bis|a)\s*(\d+)\s*$")  # "6-9", "6 to 9", "6 bis 9", "6 a 9"
_QUOTED = re.compile(r"^[\"“]([^\"”]+)[\"”]\s*\S")
_DIGIT = re.compile(r"\d")
_MONTH_WORD = re.compile(r"(?<=\d)\s*(?:months?|mo)\.?\s*$", re.I)
_HASHTAG = re.compile(r"[ \t]#[^\s#]")  # ' #100DaysOfCode' in a YAML value: where YAML starts a comment
_NUMBERING = re.compile(
    r"^(?:[\d.]+|(?:step|part|day|week|module|lesson|chapter|unit|lecture|tag|woche|d[ií]a|semana)s?\s*\d+"
    r"(?:\s*(?:[-–—&/+]|and|to)\s*\d+)?"  # a span too: 'Week 1-2', 'Weeks 3 & 4'
    # a stage and its span, as a list of stages that is no plan writes it ('Stage 2 (Weeks 7-14)': another track's)
    r"|(?:stage|phase)\s*\d+\s*\((?:weeks?|months?)\s*\d+(?:\s*[-–—]\s*\d+)?\+?\))$",
    re.I,
)
# What a course syllabus says a line is ('Video: Gradient descent, step by step (15 min)'), or what to do with what
# follows ('Read: …'): no title of its own.
_MATERIAL = frozenset(
    {
        *("video", "reading", "quiz", "practice quiz", "graded quiz", "lab", "ungraded lab"),
        *("programming assignment", "peer-graded assignment", "discussion prompt"),
        *("read", "watch", "listen", "see", "try"),  # 'Read: [The Design of Everyday Things](…), chapters 1-2'
    }
)
_URL = re.compile(r"\]\((https?://[^)\s]+)\)|<(https?://[^>\s]+)>")
_LINK = re.compile(r"\[(?:[^\[\]\\]|\\.)*\]\(https?://[^)\s]+\)|<https?://[^>\s]+>")  # a link, as Discord markdown
_LEADING_MARKS = re.compile(r"^[\W_]+")
# A bullet's markdown that opens with a link (as `bot.content.markdown` writes one: no blank or bare bracket in its
# URL), then a separator and a description: '[Pro Git](https://git-scm.com/book) — the free book'.
_LEADING_LINK = re.compile(r"\[(?:[^\[\]\\]|\\.)+\]\([^()\s]+\)")
# Marks may stand between the link and the separator: emoji ('💰', '⭐') and a short note in brackets ('(paid)'), as
# awesome lists write them. A dash may be typed as two hyphens between blanks ('[Python Tutorial](…) -- type:
# tutorial'), as where no dash is at hand; an option ('--force') has no blank after them.
_AFTER_LINK = re.compile(
    r"(?:\s*+[^\w\s\[\](){}<>:|\-–—.,;!?'\"`*_~\\]++|\s*+\([^()]{1,20}\))*+\s*(?::|\s(?:--|[-–—|]))\s+(?=\S)"
)
# Other links in brackets right after a course's link: where else to take it ('[From Nand to Tetris](…)
# ([alternative](…))', '([mirror](…), [PDF](…))', a problem list's '[Two Sum](…) [[🚀](…)]', several such brackets one
# after another, '([Notes](…)) ([YouTube](…))', as video course lists write them), no part of its name.
# (Possessive: the blanks between two links are the first one's, so a bracket left open after many links fails at
# once instead of trying every way to share the blanks out.)
_OTHER_LINKS = r"(?:\s*+\[(?:[^\[\]\\]|\\.)++\]\([^()\s]++\)\s*+[,;/|·]?)++\s*+"
_ALTERNATIVES = re.compile(rf"(?:\s*+(?:\({_OTHER_LINKS}\)|\[{_OTHER_LINKS}\]))++")
_LINK_TEXT = re.compile(r"\[((?:[^\[\]\\]|\\.)+)\]\([^()\s]+\)")
# Links alone after a dash at the end of a bullet ('OAuth 2.0 — [OAuth 2.0 simplified](https://…)'): what to read
# about the topic, not part of its name.
_TRAILING_LINKS = re.compile(r"\s([-–—|])\s+(?:\[(?:[^\[\]\\]|\\.)+\]\([^()\s]+\)[\s·|,/&]*)+$")
# A sentence: up to its end, which no link's text holds ('[Pro Git ch. 1–3](…)' is one link); a Chinese or Japanese
# full stop ('。'), its full-width marks and a Devanagari danda ('।') end one without a blank after them.
_SENTENCE = re.compile(  # '[' ends a look: linear
    r"^((?:\[[^\][]*\]\([^)\s]*\)|(?!\[[^\][]*\]\().)+?(?:(?<!\b[eE]\.g)(?<!\b[iI]\.e)(?<!\bvs)(?<!\bcf)(?<!\bz\.B)"
    r"(?!(?:(?<=\betc)|(?<=\bapprox)|(?<=\bincl)|(?<=\besp)|(?<=\b[cC]h)|(?<=\bp)|(?<=\bpp)|(?<=\b[nN]o)|(?<=\b[vV]ol)"
    r"|(?<=\b[fF]ig)|(?<=\b[sS]ec)|(?<=\b[A-Z]\.[A-Z]))\.\s+[a-z0-9])"
    r"[.!?](?=\s|$)|[。！？।]))\s?"  # (an abbreviation's point ends no sentence: 'e.g. Flask', 'SQL vs. NoSQL'; nor
)  # does one that a word in small letters or a number follows: 'ch. 3', 'etc. before', 'the U.S. market')
# A bare URL that ends a bullet, after its name: 'Hash tables: https://…', 'Beej's guide https://…'.
# A line that opens with emoji and then bold text ('📝 **Common mistakes:**', as quoted call-outs write it): a
# label, as '**📝 Common mistakes:**' is. The bold text is plain words (no link, code or other emphasis).
_MARKED_LABEL = re.compile(r"^(\S{1,8}?)\s*\*\*((?:[^*`\[\]\\]|\\.)+)\*\*(.*)$")
_UNESCAPE = re.compile(r"\\(.)")
# The title of a section that closes a file, after its plan: thanks, license, how to contribute, credits, support,
# the author (in English, German and Spanish). After the last phase, at its level, such a heading ends it even in a
# file that writes its phases' parts at their own level.
_CLOSING = re.compile(
    r"(?:thanks?(?: you)?(?: for \w.*)?|thank you \w.*|licen[cs]e|contributing|contributors?|how to contribute"
    r"|credits?|acknowledge?ments?|support(?: (?:me|us|the project|this project))?|sponsors?"
    r"|about (?:the )?authors?|about me|star history|stargazers(?: over time)?"
    r"|danke|danksagungen?|lizenz|mitwirken|gracias|agradecimientos|licencia|cr[eé]ditos|contribuir)",
    re.IGNORECASE,
)
_TRAILING_MARKS = re.compile(r"[\W_]+$")
# The heading of a file's checklist section ('## ✅ Checklist', '## Success Checklist', '## Final check-list').
_CHECKLIST_SECTION = re.compile(r"(?:\w+\s+){0,2}check[\s-]?list", re.IGNORECASE)
_LOGSEQ_MACRO = re.compile(r"\{\{[a-z][\w-]*(?:[ \t]|\}\})")  # '{{cloze …}}': Logseq's, no '{{ page.title }}'
# A footer after a file's last thematic break ('---' then 'Created with Notion'): at most this many lines of prose.
FOOTER_LINES = 3
_EMOJI_PARTS = frozenset({"So", "Sk", "Mn", "Cf"})  # symbols, and the selectors and joiners that build emoji


# A title that is one bracketed note ('(January)', '[Fall 2024]'): a note on the span before it, no title of its own.
_BRACKETED_ALONE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


class _Problems:
    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Problem] = []
        # What the body holds that reads like phases but is no plan (list items: see `_list_hint`), for the
        # self-paced warning to say.
        self.plan_hint: str | None = None

    def add(self, severity: Severity, line: int | None, message: str) -> None:
        self.items.append(Problem(self.file, line, severity, message))

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.items)


def parse_role(text: str, file: str) -> tuple[Role | None, list[Problem]]:
    """Parse a role file's decoded text; return the role (None when it has errors) and its problems."""
    problems = _Problems(file)
    split = _split_front_matter(text, problems)
    if split is None:  # still read the body, so its problems are told too
        _parse_body(_body_after_front_matter(text), 1, problems, None)
        return None, problems.items
    meta, fm_line, body, body_line = split
    facts = _read_front_matter(meta, fm_line, problems, text)
    title, phases, checklist, sections = _parse_body(body, body_line, problems, facts)
    if not phases and facts is not None:
        first_text = body_line + body.count("\n", 0, len(body) - len(body.lstrip()))
        # Days, not headings: '📔 Day 1' and '💻 Day 1: Exercises' are one day
        days = len({d for s in sections if s.kind == "section" and (d := heading_day(s.title)) is not None})
        dated = dated_hint([(0, s.title) for s in sections if s.kind == "section"])
        how = (
            f"its {days} 'Day N' headings are days, not phases: for a weekly plan put them under headings like "
            "'## Week 1: Setup', or head each week '## Days 1-7: Setup'"
            if days >= 3
            else dated
            or problems.plan_hint
            or day_hint([(0, s.title) for s in sections if s.kind == "section"])
            or "for a weekly plan add headings like '## Phase 1: Foundations (Weeks 1-4)' or '## Week 1: Setup'"
        )
        problems.add(
            "warning",
            first_text,
            f"no phases found: this is a self-paced path (its checklist and sections, no weekly plan); {how}",
        )
    if problems.has_errors or facts is None:
        return None, problems.items
    role = Role(
        name=facts["name"],
        display_name=facts["displayName"],
        description=facts["description"],
        file=file,
        expertise=facts["expertise"],
        salary_range=facts["salaryRange"],
        timeline_months=facts["timelineMonths"],
        aliases=facts["aliases"],
        extra=facts["extra"],
        title=title or facts["displayName"],
        phases=phases,
        checklist=checklist,
        sections=(*_fact_sections(facts), *sections),
    )
    return role, problems.items


def _body_after_front_matter(text: str) -> str:
    """Return the text with a broken front-matter block blanked out (its lines kept, so numbers stay right)."""
    start = _front_matter_start(text)
    if not text.startswith("---", start):
        return text
    end = text.find("\n---", start + 3)
    cut = len(text) if end < 0 else text.find("\n", end + 4)
    cut = len(text) if cut < 0 else cut
    return "\n" * text.count("\n", 0, cut) + text[cut:]


# --- front-matter -------------------------------------------------------------------------------


def _split_front_matter(text: str, problems: _Problems) -> tuple[dict, int, str, int] | None:
    start = _front_matter_start(text)
    if not _FM.detect(text[start:]):
        if text.startswith("+++", start):  # Hugo's and Zola's TOML front-matter
            return _split_toml(text, start, problems)
        problems.add(
            "error",
            1,
            "no front-matter: a role file starts with a '---' line, YAML fields (name, displayName, "
            "description, ...), and another '---' line",
        )
        return None
    if start:
        n = text.count("\n", 0, start)
        problems.add(
            "warning",
            1,
            f"{'a blank line comes' if n == 1 else f'{n} blank lines come'} before the opening '---': the front-matter "
            "is read, but GitHub and site generators only see front-matter that starts on the first line; delete "
            f"{'it' if n == 1 else 'them'} to silence this",
        )
    try:
        fm, body = _FM.split(text[start:])
    except ValueError:
        problems.add("error", 1, "front-matter is not closed: add a '---' line after the YAML fields")
        return None
    fm_offset = text.find(fm, start + 3) if fm else start + 3
    fm_line = text.count("\n", 0, fm_offset) + 1
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    meta = _load_front_matter(fm, fm_line, problems)
    if meta is None:
        return None
    if not isinstance(meta, dict):
        problems.add("error", fm_line, "front-matter must be YAML key: value fields, not a list or a value")
        return None
    return meta, fm_line, body, body_line


def _split_toml(text: str, start: int, problems: _Problems) -> tuple[dict, int, str, int] | None:
    """Split front-matter written in TOML between '+++' lines (as Hugo and Zola pages write it) from the body."""
    lines = text[start:].split("\n")
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "+++"), None)
    first = text.count("\n", 0, start) + 1  # the opening '+++' line
    if close is None:
        problems.add("error", first, "front-matter is not closed: add a '+++' line after the TOML fields")
        return None
    try:
        meta = tomllib.loads("\n".join(lines[1:close]))
    except tomllib.TOMLDecodeError as exc:
        at = _TOML_AT.search(str(exc))
        line = first + int(at.group(1)) if at else first
        reason = str(exc)[: at.start()].rstrip() if at else str(exc)
        written = _TOML_TEXT.fullmatch(lines[line - first]) if at and line - first < close else None
        if written is not None:  # 'displayName = Rust path': text goes in quotes in TOML
            reason += f"; TOML puts text in quotes: {written['key']} = {_double_quoted(written['value'])}"
        problems.add("error", line, f"invalid TOML in front-matter: {reason}")
        return None
    body_line = first + close + 1
    return meta, first + 1, "\n".join(lines[close + 1 :]), body_line


_TOML_AT = re.compile(r"\s*\(at line (\d+), column \d+\)")
# A TOML 'key = value' line whose value is words, unquoted: no TOML value
_TOML_TEXT = re.compile(r"(?P<key>[\w-]+)\s*=\s*(?P<value>[^\s\"'\[{\d][^\"'=]*?)\s*")


def _front_matter_start(text: str) -> int:
    """Return where the line after any blank lines at the start of the text begins: blank lines before the opening
    '---' hide the front-matter from GitHub and site generators, not what the author meant."""
    if text[:1] not in ("\n", "\r", " ", "\t"):
        return 0
    return text.rfind("\n", 0, len(text) - len(text.lstrip("\n\r \t"))) + 1


# A mapping's 'key: value' line; its value ends before a comment written as one (' # ...').
_KEY_VALUE = re.compile(
    r"^(?P<head>(?P<indent>[ ]*)(?P<key>\w[^:#]*?)[ \t]*:[ \t]+)(?P<value>\S.*?)(?:[ \t]+#(?:[ \t].*)?)?[ \t]*$"
)
# What YAML makes of a character at the start of a value, as the author is told it.
_VALUE_SYNTAX = {
    "[": "YAML reads '[' at the start of a value as the start of a list",
    "{": "YAML reads '{' at the start of a value as the start of a mapping",
    "*": "YAML reads '*' at the start of a value as a reference to an anchor ('*name')",
    "&": "YAML reads '&' at the start of a value as an anchor ('&name')",
    "!": "YAML reads '!' at the start of a value as a tag ('!name')",
    "|": "YAML reads '|' at the start of a value as the start of a block of lines",
    ">": "YAML reads '>' at the start of a value as the start of a block of lines",
    "-": "YAML reads '- ' at the start of a value as a list item",
    "?": "YAML reads '? ' at the start of a value as a mapping key",
    "@": "YAML reserves '@' at the start of a value",
    "`": "YAML reserves '`' at the start of a value",
    "%": "YAML reads '%' at the start of a value as a directive",
    '"': "YAML reads a value starting with '\"' as quoted text, which here ends before the line does",
    "'": 'YAML reads a value starting with "\'" as quoted text, which here ends before the line does',
}
MAX_YAML_REPAIRS = 20  # lines read again as text in one file's front-matter; each costs one more parse


def _load_front_matter(fm: str, fm_line: int, problems: _Problems) -> object:
    """Return the front-matter's data, or None (with an error added) when it is not YAML.

    Valid YAML is read once. On an error on a 'key: value' line whose value YAML cannot read as the text it plainly
    is (one holding ': ', or one starting with a character YAML reserves: '[WIP] A roadmap'), that value is quoted
    and the whole read again, with a warning on its line saying how it was read."""
    twice: list[tuple[str, int, int]] = []
    try:
        meta = _load_yaml(fm, twice)
    except yaml.YAMLError as exc:
        error = exc
    else:
        _tell_twice(twice, fm_line, problems)
        return {} if meta is None else meta
    lines = fm.split("\n")
    read_as: dict[int, tuple[str, str, str, yaml.YAMLError]] = {}  # line index -> key, value, why, the error
    while True:
        repair = _text_repair(lines, error)
        if repair is None or repair[0] in read_as or len(read_as) == MAX_YAML_REPAIRS:
            break
        index, last, message, line = repair
        read_as[index] = (message, error)
        lines[index : last + 1] = line
        del twice[:]  # of an earlier read that failed
        try:
            meta = _load_yaml("\n".join(lines), twice)
        except yaml.YAMLError as exc:
            error = exc
            continue
        _tell_twice(twice, fm_line, problems)
        for at, (message, _) in read_as.items():
            problems.add("warning", fm_line + at, message)
        return {} if meta is None else meta
    mark = getattr(error, "problem_mark", None)
    if mark is not None and mark.line in read_as:  # quoting that line did not help: tell what was wrong with it
        error = read_as[mark.line][1]
    _yaml_error(error, fm, fm_line, problems)
    return None


def _tell_twice(twice: list[tuple[str, int, int]], fm_line: int, problems: _Problems) -> None:
    for key, first, last in twice:
        problems.add(
            "warning",
            fm_line + first,
            f"'{key}' is given again on line {fm_line + last}, and YAML keeps only that one; delete one of them to "
            "silence this",
        )


def _text_repair(lines: list[str], error: yaml.YAMLError) -> tuple[int, int, str, list[str]] | None:
    """Return how to read the value YAML stopped at: its first and last line index, the warning that says how it
    is read, and its lines as read (quoted, or a list without a bracket too many); or None when the error is no
    such value's."""
    mark = getattr(error, "problem_mark", None)
    if mark is None or mark.line >= len(lines):
        return None
    index = mark.line
    match = _KEY_VALUE.match(lines[index])
    if match is None or mark.column < match.end("head"):  # a key without its value, or no key's line
        return None
    value = match["value"]
    problem = getattr(error, "problem", None) or ""
    if problem.startswith("mapping values are not allowed"):
        if ": " not in value + " ":
            return None
        why = "YAML reads ': ' in a value as the start of another field"
    elif (
        value[0] in "[{" and match["key"] not in REQUIRED_TEXT_KEYS and (closed := _without_extra_closers(value))
    ):  # a text field's brackets are its text ('description: [Draft]]'), read as such below
        key, surplus = match["key"], value[len(closed) :]
        extra = f"one '{surplus}'" if len(surplus) == 1 else f"'{surplus}'"
        message = (
            f"'{key}' ends with {extra} too many, and is read as {closed}; delete the extra to silence this: "
            f"{key}: {closed}"
        )
        return index, index, message, [match["head"] + closed]
    elif value[0] in _VALUE_SYNTAX and (value[0] not in "-?" or value[1:2] in ("", " ")):
        why = _VALUE_SYNTAX[value[0]]
    else:
        return None
    if value[0] in "\"'" and len(value) > 2 and value[-1] == value[0]:
        # 'description: "He said "hi" to me"' quotes the whole value, and quotes within it
        why = f"YAML ends a value quoted with {value[0]} at the next {value[0]}"
        value = value[1:-1]
    # The lines after it indented deeper continue a plain value ('description: Learn: the basics' over two lines).
    last = index
    if match.end("value") == len(lines[index].rstrip()):
        indent = len(match["indent"])
        for after in lines[index + 1 :]:
            stripped = after.strip()
            if not stripped or stripped.startswith("#") or len(after) - len(after.lstrip(" ")) <= indent:
                break
            if re.search(r"[ \t]#", after):
                break
            last += 1
    parts = [value, *(lines[i].strip() for i in range(index + 1, last + 1))]
    quoted = [_escaped(part) for part in parts]
    quoted[0] = match["head"] + '"' + quoted[0]
    quoted[-1] += '"'
    key, text = match["key"], " ".join(parts)
    message = (
        f"'{key}' is read as the text '{text}' ({why}); put the value in quotes to say so and silence this: "
        f"{key}: {_double_quoted(text)}"
    )
    return index, last, message, quoted


def _without_extra_closers(value: str) -> str | None:
    """Return a list or a mapping written with brackets too many at its end ('[a, b]]') without them, or None."""
    closers = len(value) - len(value.rstrip("]}"))
    for extra in range(1, min(closers, len(value) - 1)):
        try:
            read = _load_yaml(value[:-extra])
        except yaml.YAMLError:
            continue
        return value[:-extra] if isinstance(read, (list, dict)) else None
    return None


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _double_quoted(text: str) -> str:
    """Return `text` as a YAML double-quoted value, which reads back as `text`."""
    return '"' + _escaped(text) + '"'


def _yaml_error(exc: yaml.YAMLError, fm: str, fm_line: int, problems: _Problems) -> None:
    """Add the error of front-matter that is not YAML, on the line to fix, with how to fix it when that is known."""
    # PyYAML's problem mark is where it noticed; for an unclosed bracket or a key without ':' that
    # is the next line, while the context mark points at the line the author must fix.
    context = getattr(exc, "context", None) or ""
    use_context = context.startswith(("while scanning", "while parsing a flow"))
    mark = getattr(exc, "context_mark" if use_context else "problem_mark", None) or getattr(exc, "problem_mark", None)
    index = mark.line if mark is not None else 0
    reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    detail = f"{reason} ({context})" if context else reason
    lines = fm.split("\n")
    problem_mark = getattr(exc, "problem_mark", None)
    problem_line = lines[problem_mark.line] if problem_mark is not None and problem_mark.line < len(lines) else ""
    # A value whose quote is not closed on its line reads on into the next ones, to the end or to a later quote.
    swallowed = context == "while scanning a quoted scalar" or reason.startswith("did not find expected key")
    at = problem_mark.line if problem_mark is not None else len(lines)
    opened = _unclosed_quote(lines, at) if swallowed else None
    if "mapping values are not allowed" in reason:
        detail += "; a value holding ': ' must be quoted, like displayName: \"Front-End: Beginner to Pro\""
    elif "\t" in problem_line[: len(problem_line) - len(problem_line.lstrip())]:
        index = problem_mark.line
        detail += "; this line is indented with a tab, and YAML indents with spaces only: indent it with spaces"
    elif context.startswith("while parsing a flow") and (closer := _unclosed_bracket(lines, index)) is not None:
        what = "list" if closer[-1] == "]" else "map"  # the outermost
        detail = (
            f"the {what} that opens on this line is not closed: end it with {closer} (or, if the value is text, put it "
            "in quotes)"
        )
    elif opened is not None:
        index, quote = opened
        detail = (
            f"the {quote} that opens this line's value is not closed on its line, so YAML reads on into the next "
            f"lines ({detail}): end the value with {quote}"
        )
    problems.add("error", fm_line + index, f"invalid YAML in front-matter: {detail}")


def _unclosed_bracket(lines: list[str], index: int) -> str | None:
    """Return the brackets that close the flow lists and maps opened on a line and not closed on it, innermost first
    ('aliases: [a, b' needs ']', 'timelineMonths: {steady: [6, 9' needs ']}'), else None."""
    line = lines[index] if index < len(lines) else ""
    opened: list[str] = []
    for char in line:
        if char in "[{":
            opened.append("]" if char == "[" else "}")
        elif char in "]}" and opened and opened[-1] == char:
            opened.pop()
    return "".join(reversed(opened)) or None


def _unclosed_quote(lines: list[str], before: int) -> tuple[int, str] | None:
    """Return the index and quote of the last 'key: "value' line before line `before` whose quote stays open at the
    line's end, or None."""
    for index in range(min(before, len(lines) - 1), -1, -1):
        match = _KEY_VALUE.match(lines[index])
        if match is not None and match["value"][0] in "\"'":
            quote = match["value"][0]
            return None if _CLOSED_QUOTE[quote].match(lines[index], match.start("value")) else (index, quote)
    return None


# A value in quotes, closed on its line (with whatever follows the closing quote).
_CLOSED_QUOTE = {'"': re.compile(r'"(?:[^"\\]|\\.)*"'), "'": re.compile(r"'(?:[^']|'')*'")}


_STR_TAG, _SEQ_TAG, _MAP_TAG = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class _NotPlainError(Exception):
    """A YAML node that `_plain_data` leaves to PyYAML's own constructor."""


def _load_yaml(text: str, twice: list[tuple[str, int, int]] | None = None) -> object:
    """Return `yaml.load(text, Loader=_YamlLoader)`, and add to `twice` each key a mapping gives more than once (of
    which YAML keeps the last): the key, and the line indexes of its first and last.

    PyYAML builds its nodes in C but turns them into Python data in Python, one generic call per node, about
    half of its time on a role file's front-matter. Front-matter is nearly always text, lists of text and
    mappings of text: those are made directly here, to the same result; anything else (numbers, dates, merge
    keys, a list or mapping written once and used twice through an alias) goes to PyYAML's constructor."""
    loader = _YamlLoader(text)
    twice = [] if twice is None else twice
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        try:
            return _plain_data(node, set(), twice)
        except _NotPlainError:
            del twice[:]
            _keys_twice(node, set(), twice)
            return loader.construct_document(node)
    finally:
        loader.dispose()


def _keys_twice(node: yaml.Node, seen: set[int], twice: list[tuple[str, int, int]]) -> None:
    """Add to `twice` the keys of each mapping in `node` that it gives more than once."""
    if id(node) in seen:
        return
    seen.add(id(node))
    if type(node) is yaml.MappingNode:
        _note_twice(node, twice)
        for _, value in node.value:
            _keys_twice(value, seen, twice)
    elif type(node) is yaml.SequenceNode:
        for item in node.value:
            _keys_twice(item, seen, twice)


def _note_twice(node: yaml.MappingNode, twice: list[tuple[str, int, int]]) -> None:
    lines: dict[object, list[int]] = {}
    for key, _ in node.value:
        if type(key) is yaml.ScalarNode:
            lines.setdefault(key.value, []).append(key.start_mark.line)
    twice.extend((str(key), at[0], at[-1]) for key, at in lines.items() if len(at) > 1)


def _plain_data(node: yaml.Node, seen: set[int], twice: list[tuple[str, int, int]]) -> object:
    """Make what PyYAML's safe constructor makes of a tree of text, lists and mappings, or raise _NotPlainError."""
    tag = node.tag
    if tag == _STR_TAG and type(node) is yaml.ScalarNode:
        return node.value
    if id(node) in seen:  # an alias: PyYAML gives the very same list or mapping again
        raise _NotPlainError
    seen.add(id(node))
    if tag == _MAP_TAG and type(node) is yaml.MappingNode:
        out = {}
        for key, value in node.value:
            if key.tag != _STR_TAG or type(key) is not yaml.ScalarNode:  # a number, a merge key ('<<') ...
                raise _NotPlainError
            out[key.value] = _plain_data(value, seen, twice)
        if len(out) < len(node.value):
            _note_twice(node, twice)
        return out
    if tag == _SEQ_TAG and type(node) is yaml.SequenceNode:
        return [_plain_data(item, seen, twice) for item in node.value]
    raise _NotPlainError


def _key_line(text: str, key: str) -> int | None:
    """Return the line of a top-level key (YAML's 'key:', TOML's 'key ='), or of 'key.sub' (the sub-key indented
    under it, else the key's)."""
    top, _, sub = key.partition(".")
    match = re.search(rf"^{re.escape(top)}\s*[:=]", text, re.MULTILINE)
    if match is None:
        return None
    if sub:
        # the sub-key's line before the next top-level key
        block = re.compile(rf"^(?:(?P<sub>[ \t]+['\"]?{re.escape(sub)}['\"]?[ \t]*:)|[^\s#])", re.MULTILINE)
        inner = block.search(text, match.end())
        if inner is not None and inner.group("sub"):
            match = inner
    return text.count("\n", 0, match.start()) + 1


def _comment_cut(text: str, key: str) -> str | None:
    """Return the whole value written on a top-level key's line when an unquoted ' #' in it starts a YAML comment
    that reads as words of the value, a hashtag or a number ('description: My #100DaysOfCode log' is read as 'My'),
    else None; '# ' opens a comment as authors write one."""
    line = re.search(rf"^{re.escape(key)}[ \t]*:[ \t]*(.*)$", text, re.MULTILINE)
    value = line.group(1).rstrip() if line else ""
    if value[:1] in ("", "'", '"', "|", ">", "#") or _HASHTAG.search(value) is None:
        return None
    return value.replace('"', '\\"')


def _read_front_matter(meta: dict, fm_line: int, problems: _Problems, text: str) -> dict | None:
    out: dict = {"extra": {}}
    ok = True

    def bad(key: str, message: str, severity: Severity = "error") -> None:
        nonlocal ok
        problems.add(severity, _key_line(text, key) or fm_line, message)
        ok = ok and severity != "error"

    # The front-matter's lines: what an unquoted ' #' can cut short is there (in YAML; TOML has no such slips).
    start = _front_matter_start(text)
    head = "" if text.startswith("+++", start) else text[: text.find("\n---", start + 3)]
    hashes = "#" in head
    swallowed = _swallowed_keys(meta, head.split("\n")[fm_line - 1 :])
    for line, key, quote, lost in swallowed:
        problems.add(
            "error",
            fm_line + line,
            f"the {quote} that opens '{key}' is not closed on its line, so YAML reads the lines after it into the "
            f"value, {', '.join(repr(k) for k in lost)} too: end the value with {quote}",
        )
        ok = False
    lost_keys = {k for *_, lost in swallowed for k in lost}
    # an unknown field that is a slip of a known one ('dispalyName', 'alias', 'timelinemonths'), by the known one
    slips = {
        str(key): known
        for key in meta
        if key not in KNOWN_KEYS and key not in PUBLISHING_KEYS and (known := _known_key(str(key))) is not None
    }
    for key in REQUIRED_TEXT_KEYS:
        value = meta.get(key)
        if value is None:
            if (slip := next((k for k, known in slips.items() if known == key), None)) is not None:
                # said on the slip's line, which needs no warning of its own
                problems.add(
                    "error",
                    _key_line(text, slip) or fm_line,
                    f"required field '{key}' is missing: did you mean '{key}' where '{slip}' is written?",
                )
                ok = False
            elif key not in lost_keys:
                bad(key, f"required field '{key}' is missing")
        elif isinstance(value, (bool, int, float, date)) and (raw := _raw_value(head, key)):
            # 'displayName: 2024' or 'displayName: Yes' is text as written, which YAML reads as a number or true
            out[key] = raw
            bad(
                key,
                f"'{key}' is read as the text '{raw}' (YAML reads it as {_type_name(value)}); put the value in quotes "
                f"to say so and silence this: {key}: {_double_quoted(raw)}",
                "warning",
            )
        elif not isinstance(value, str) or not value.strip():
            bad(key, f"'{key}' must be non-empty text, got {_type_name(value)}")
        else:
            out[key] = value.strip()
            if not hashes or "#" in value:  # what YAML left out after an unquoted ' #' is a comment
                continue
            raw = _comment_cut(head, key)
            if raw is not None:
                bad(
                    key,
                    f"'{key}' is read as '{value.strip()}': YAML takes ' #' and what follows it for a comment; put the "
                    f'value in quotes to keep it all: {key}: "{raw}"',
                    "warning",
                )
    if "name" in out and not SLUG.match(out["name"]):
        slug = slugify(out["name"], 64)
        if SLUG.match(slug) and (slug != "section" or out["name"].lower() == "section"):
            # 'name: Frontend Dev' means the slug it makes, which is the file's name as the bot knows it
            bad(
                "name",
                f"'name' is read as '{slug}' (a name is a slug: lower-case letters, digits, dashes); write "
                f"name: {slug} to silence this",
                "warning",
            )
            out["name"] = slug
        else:
            bad("name", f"'name' must be a slug (lower-case letters, digits, dashes), got '{out['name']}'")

    base = meta.get("baseUrl")
    out["baseUrl"] = None
    if base is not None:
        if isinstance(base, str) and urlsplit(base.strip()).scheme in ("http", "https") and urlsplit(base).netloc:
            out["baseUrl"] = base.strip() if base.strip().endswith("/") else base.strip() + "/"
        else:
            bad(
                "baseUrl",
                f"'baseUrl' must be an http(s) URL such as https://github.com/you/repo/blob/main/, got {base!r}",
            )
    out["expertise"] = _str_list(meta.get("expertise"), "expertise", bad)
    out["aliases"] = _str_list(meta.get("aliases"), "aliases", bad)
    out["salaryRange"] = _str_map(meta.get("salaryRange"), "salaryRange", bad)
    out["timelineMonths"] = {}
    months = meta.get("timelineMonths")
    # 'timelineMonths: 6-9' gives the path's months, with no pace to pick between: one pace
    one = _month_span(str(months)) if isinstance(months, (str, int)) and not isinstance(months, bool) else None
    if one is not None and _possible_months(one):
        written = f"{{steady: {months_text(*one)}}}"
        bad(
            "timelineMonths",
            f"'timelineMonths' is read as one pace, steady; write it so to silence this: timelineMonths: {written} "
            "(or name the paces a learner may pick, like {steady: 6-9, fast: 4-6})",
            "warning",
        )
        months = {"steady": "-".join(map(str, one))}
    elif one is not None:  # months no path takes ('0', '9-6'): paces would not mend them
        shown = _without_months(str(months))
        bad("timelineMonths", f'timelineMonths is not a possible month range: "{shown}" ({_months_fix(one)})')
        months = None
    elif months is not None and not isinstance(months, dict):
        bad(
            "timelineMonths",
            "'timelineMonths' maps each pace a learner may pick to its months, like timelineMonths: {steady: 6-9, "
            f"fast: 4-6}}, got {_type_name(months) if isinstance(months, list) else repr(str(months))}",
        )
        months = None
    for pace, span in _str_map(months, "timelineMonths", bad).items():
        shown, read = _without_months(span), _month_span(span)
        if read is None:
            bad(f"timelineMonths.{pace}", f'timelineMonths.{pace} must be a month range like "6-9", got "{shown}"')
        elif not _possible_months(read):
            bad(
                f"timelineMonths.{pace}",
                f'timelineMonths.{pace} is not a possible month range: "{shown}" ({_months_fix(read)})',
            )
        else:
            out["timelineMonths"][pace] = read
    shown: frozenset[str] | None = None  # the fields the body's Liquid reads ('{{ page.week }}'): used, no warning
    for key, value in meta.items():
        if key not in KNOWN_KEYS:
            out["extra"][str(key)] = value
            if key not in PUBLISHING_KEYS:
                shown = page_fields(text) if shown is None else shown
                known = slips.get(str(key))
                if key in shown or (known in REQUIRED_TEXT_KEYS and meta.get(known) is None):
                    continue  # read by the page ('{{ page.week }}'), or named by the missing field's error
                also = ""
                if known is not None:
                    also = f": did you mean '{known}'?" if meta.get(known) is None else f": '{known}' is given too"
                message = f"unknown front-matter field '{key}' (kept, but the bot does not use it){also}"
                bad(str(key), message, "warning")
    return out if ok else None


def _known_key(key: str) -> str | None:
    """Return the known field an unknown one is a slip of ('dispalyName', 'Description', 'alias'), else None."""
    folded = {k.casefold(): k for k in KNOWN_KEYS}
    close = get_close_matches(key.casefold(), folded, n=1, cutoff=0.8)
    return folded[close[0]] if close else None


def _without_months(span: str) -> str:
    """Return a month span without the word the field's name says ('6-9 months' is '6-9')."""
    return _MONTH_WORD.sub("", span)


def _month_span(span: str) -> tuple[int, int] | None:
    """Return the months of a span written '6-9', '6 to 9' or '6' (a word 'months' after it is the field's own),
    else None."""
    span = _without_months(span)
    match = _MONTHS.match(span)
    if match:
        return int(match.group(1)), int(match.group(2))
    return (int(span), int(span)) if span.strip().isdigit() else None


def months_text(low: int, high: int) -> str:
    """Write months as a span, '6-9', or as one number where the span is one, '6'."""
    return str(low) if low == high else f"{low}-{high}"


def _possible_months(span: tuple[int, int]) -> bool:
    """Return whether a path may take these months (more than none, at most ten years)."""
    return 0 < span[0] <= span[1] <= MOST_MONTHS


def _months_fix(span: tuple[int, int]) -> str:
    """Say why a path cannot take these months, and what to write instead."""
    low, high = span
    if low > high:
        return f'it runs backwards: write "{high}-{low}"'
    if low == 0:
        return 'a path takes at least 1 month: write the months it takes, like "6-9"'
    return f'a path takes at most {MOST_MONTHS} months (ten years): write the months it takes, like "6-9"'


def _type_name(value: object) -> str:
    kinds = {list: "a list", dict: "a mapping", int: "a number", float: "a number", bool: "true/false", date: "a date"}
    return kinds.get(type(value), "nothing" if value is None else type(value).__name__)


def _str_list(value: object, key: str, bad: Complain) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):  # 'aliases: fe, frontend' lists them as one line of text
        items = tuple(item.strip() for item in value.split(",") if item.strip())
        if not items:  # 'aliases: ""' lists none
            return ()
        listed = f"[{', '.join(map(_flow_item, items))}]"
        bad(key, f"'{key}' is read as the list {listed}; write it so to silence this: {key}: {listed}", "warning")
        return items
    if not isinstance(value, list):
        bad(key, f"'{key}' must be a list of text items, got {_type_name(value)}")
        return ()
    odd = next((n for n, v in enumerate(value, 1) if not isinstance(v, (str, int, float))), None)
    if odd is not None:
        bad(key, f"'{key}' must be a list of text items, but its item {odd} is {_type_name(value[odd - 1])}")
        return ()
    return tuple(str(v).strip() for v in value if str(v).strip())


def _flow_item(text: str) -> str:
    """Return `text` as an item of a YAML flow list, quoted when YAML would read it otherwise."""
    plain = text[0] not in _VALUE_SYNTAX and not any(c in text for c in ":#[]{},") and text == text.strip()
    return text if plain else _double_quoted(text)


def _raw_value(head: str, key: str) -> str | None:
    """Return the value written on a top-level key's line as it stands, without a comment, or None if it is quoted,
    a list, a mapping or none."""
    line = re.search(rf"^{re.escape(key)}[ \t]*:[ \t]*(.*?)(?:[ \t]+#.*)?$", head, re.MULTILINE)
    raw = line.group(1).strip() if line else ""
    return raw if raw and raw[0] not in _VALUE_SYNTAX else None


def _swallowed_keys(meta: dict, lines: list[str]) -> list[tuple[int, str, str, list[str]]]:
    """Return the top-level lines whose quoted value is not closed on its line and reads on over lines of other
    keys ('displayName: "Frontend' then 'description: x"'): each line's index in the front-matter, its key, its
    quote and the keys read into it."""
    if not any(type(v) is str and ": " in v for v in meta.values()):  # a key read into a value leaves its ': '
        return []
    found = []
    for index, line in enumerate(lines):
        match = _KEY_VALUE.match(line)
        if match is None or match["indent"] or match["key"] not in meta or not isinstance(meta[match["key"]], str):
            continue
        opened = _unclosed_quote([line], 0)
        if opened is None:
            continue
        # A key YAML read as its own was not read into the value, whatever the value says ('user.name: you')
        lost = [
            m["key"]
            for after in lines[index + 1 :]
            if (m := _KEY_VALUE.match(after)) is not None
            and not m["indent"]
            and m["key"] not in meta
            and f"{m['key']}: " in meta[match["key"]]
        ]
        if lost:
            found.append((index, match["key"], opened[1], lost))
    return found


def _str_map(value: object, key: str, bad: Complain) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value.values()
    ):
        bad(key, f"'{key}' must map names to text (like `senior: \"$135K-$180K\"`), got {_type_name(value)}")
        return {}
    return {str(k): str(v).strip() for k, v in value.items()}


def _fact_sections(facts: dict) -> list[Section]:
    """Turn front-matter facts into searchable sections ("senior salary" finds the salary range)."""
    name = facts["displayName"]
    out = [
        Section(
            id="overview",
            title=f"{name}: overview",
            path=(name, "Overview"),
            text=facts["description"],
            line=None,
            kind="facts",
        )
    ]
    if facts["expertise"]:
        text = "\n".join(f"- {e}" for e in facts["expertise"])
        out.append(Section("expertise", "Expertise", (name, "Expertise"), text, None, "facts"))
    if facts["salaryRange"]:
        text = "\n".join(f"- {level.replace('_', ' ')}: {r}" for level, r in facts["salaryRange"].items())
        out.append(Section("salary-range", "Salary range", (name, "Salary range"), text, None, "facts"))
    if facts["timelineMonths"]:
        text = "\n".join(
            f"- {pace.replace('_', ' ')}: {a}-{b} months" for pace, (a, b) in facts["timelineMonths"].items()
        )
        out.append(Section("timeline", "Timeline", (name, "Timeline by pace"), text, None, "facts"))
    return out


# --- markdown body ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Sub:
    """A bold-label block or a sub-heading, with its text and bullets."""

    label: str
    line: int
    text: list[str] = field(default_factory=list)
    topics: list[list] = field(default_factory=list)  # [depth, md, line, title]
    quote: int = 0  # a label inside a block quote ends with the quote
    own: bool = False  # a bold label with words of its own after it ('**Project:** a URL shortener')
    first_item: int = 0  # the line of the first list item under it
    lines: list[str] = field(default_factory=list)  # its list items, as its heading's text shows them
    tasks: bool = False  # task items are grouped under it
    bullets: bool = False  # a top-level bullet that is no task is read under it
    done: bool = False  # it groups no more tasks: they follow its bullets after a blank line
    end: int | None = None  # the line its '<details>' block ends before: what follows is no longer its


@dataclass(slots=True)
class _PhaseBuilder:
    number: int | None  # None: numbered by its place (week, month and day headings)
    title: str
    first: int | None  # None: weeks to plan
    last: int | None
    unit: str
    line: int
    level: float
    section_id: str
    objective: str | None = None
    wants_objective: bool = False  # an '**Objective:**' line whose text is on the next line
    goal_label: tuple[str, int, int] | None = None  # that line's label, line and quote depth
    # Its objective read from a goal line in one of its parts ('### Monday' then '**Goal:** …'): where its body would
    # show that line, and the line as a label; and the parts that have a goal line ('### Tuesday' too), by line. Where
    # several do, each goal is its part's, and the objective is the phase's own (see `_part_goals_stay`).
    part_goal: tuple[int, Piece] | None = None
    goal_parts: set[int] = field(default_factory=set)
    intro: list[str] = field(default_factory=list)
    lead: int | None = None  # how many lines of its intro come before its first list, table, task or part
    topics: list[list] = field(default_factory=list)
    parts: list[_Sub] = field(default_factory=list)  # its sub-headings and bold labels, in order
    # week spans of phase headings inside it, and of its week table's rows where its heading gives no weeks
    inner: list[tuple[int, int]] = field(default_factory=list)
    # The days its parts name ('### Day 11: Joins', '1. **Day 31** — Spark', a '| Day |' column's '| 12 |'): they date
    # a phase that gives no weeks, seven days a week, as a '## Days 11-20' heading would, where the file's phases are
    # laid out in days (`_laid_out_in_days`)
    days: list[int] = field(default_factory=list)
    day_span: tuple[int, int] | None = None  # the days it holds, where they dated it
    final: int | None = None  # its number once numbered (0 is a number: 'Level 0', 'Phase 0: Prerequisites')
    flat: bool = False  # its parts are headings at its own level
    empty: bool = True  # nothing but its heading read so far
    length: int | None = None  # weeks, when its heading gives a length instead of a span ('(4 weeks)')
    crowded: bool = False  # it has no weeks, and those given around it leave none free for it (an error says so)
    links: str = ""  # the links in its heading ('## [Phase 1: Linux](https://…) (Weeks 1-4)'), shown after its text
    body: list[Piece] = field(default_factory=list)  # what is written under its heading, in order (but its objective)
    part: tuple[int, int] | None = None  # the weeks its heading takes only part of ('Week 4 + half of Week 5': 5-5)
    cut: str | None = None  # unread words after its heading's span that may end it ('(week 1 t/m 4)'): see `cut_short`
    # The title its checklist items' IDs are told apart by, where the same task is in several phases: its heading's
    # own words ('' for '## Q1', which is named 'Q1'), so naming a phase never changes the IDs progress is kept by.
    id_title: str = ""
    heading: str = ""  # its heading's clean text, which names the group of the tasks written right under it
    item: bool = False  # a list item of a list plan opened it: the items nested under it are its bullets
    nested: bool = False  # it holds list items nested under a list item of its own (see `_Body._holds_items`)
    # A task item of a list plan opened it ('- [ ] Week 1: Setup'), or any item of a plan that its task items make
    # one: the group its tasks' IDs are told apart by, that of the heading over the list, so reading the list as a
    # plan changes no ID progress is kept by.
    id_group: str | None = None
    # ... and the phase its tasks were in where the list was no plan, which tells their IDs apart from those of other
    # phases (None: none, in a plan of task items alone).
    outer: _PhaseBuilder | None = None


@dataclass(slots=True)
class _Heading:
    level: float  # a bold line that opens a phase sits half a level below the heading around it
    title: str
    line: int
    section_id: str
    phase: _PhaseBuilder | None
    is_phase: bool
    lines: list[str] = field(default_factory=list)  # its own text, as Discord markdown
    topics: list[list] = field(default_factory=list)  # [depth, md, line, title]
    subsections: list[_Sub] = field(default_factory=list)  # bold-label blocks: entries of their own
    last_line: int = 0
    quote: int = 0  # how many block quotes hold it: it ends where they do
    part: _Sub | None = None  # the part of a phase it opened
    contents: bool = False  # it holds a table of contents (dropped: links to places in the page)
    ended: bool = False  # a plan line's phase that a heading or a paragraph ended: no heading after it is under it
    item_level: int = 0  # opened by a heading in a top-level list item ('- ## Phase 1: …'): that heading's level


class _RawItem(NamedTuple):
    group: str
    text: str
    line: int
    phase: _PhaseBuilder | None
    context: tuple[str, ...]  # the items it is nested under
    md: str
    depth: int  # the task items it is nested under
    # The group its ID is told apart by: the heading it is under, also where a bold label groups it (`group`), so
    # the IDs of items under labels are those they had before labels grouped tasks.
    id_group: str
    # The text its ID is made of: its text as written ('⭐ React Router `#react` (due: 2024-04-12)'), where its title
    # (`text`) leaves out what a board's card marks beside it (`_task_title`); "": `text`. Learners' ticks are stored
    # under the IDs the whole text gave before titles left anything out.
    id_text: str
    # The titles of the headings its heading is under, outermost first: a task written under two same-named
    # headings of no phase ('### Sign-off' under '## L1' and '## L2') is told apart by them, as a phase's title
    # tells apart one in two phases.
    above: tuple[str, ...]
    # The group its ID is told apart by from others of its heading's: its `group`, but in a phase an item of a task
    # list of weeks opened, the group it had where the list was no plan: the bold label over the list ('**Tasks:**'),
    # or `id_group`.
    id_label: str
    # The item it shows nested under: the last of `context`, but none where that is a heading in a list item ('- ###
    # Stack' over '- [ ] Learn push'), which is its group already and would show twice.
    parent: str


def _within(found: PhaseHeading, phase: _PhaseBuilder) -> bool:
    """Return True when a week heading names weeks inside a phase's own, but not all of them ('Week 6' in weeks
    6-8)."""
    if found.number is not None or found.first is None or phase.first is None or phase.last is None:
        return False
    last = found.last if found.last is not None else found.first
    return phase.first <= found.first <= last <= phase.last and (found.first, last) != (phase.first, phase.last)


def _as_written(text: str, words: list[tuple[str, str]]) -> str:
    """Return a heading's text with the words where Pandoc's dashes show as dashes (`Links.dashed`: ('5–8',
    '5--8')) as written, each in the first place it stands as a word of its own: a dash its author typed
    ('Chapters 5–8 -- review') stays."""
    for shown, written in words:
        at = text.find(shown)
        while at >= 0:
            end = at + len(shown)
            if not (at and (text[at - 1].isalnum() or text[at - 1] == "-")) and not (
                end < len(text) and (text[end].isalnum() or text[end] == "-")
            ):
                text = f"{text[:at]}{written}{text[end:]}"
                break
            at = text.find(shown, at + 1)
    return text


def _kind(found: PhaseHeading) -> str:
    """Return what a phase heading counts in: numbered phases, or weeks, months, days; a file keeps to one."""
    return "phase" if found.number is not None else found.unit


OPEN_BOXES = frozenset("☐⬜🔲□")
TICKS = frozenset("✅☑☒✔✓")  # '☒': a checked box as pandoc and Word write it
CROSSES = frozenset("❌✗✘✖")  # 'not done yet' in a checklist of emoji, else a mistake or a "don't"
BOXES = OPEN_BOXES | TICKS | CROSSES
# 'In progress' in a tracker's legend ('✅ done · 🔄 in progress · ⬜ todo'): an open item where crosses are (see
# `_boxed`), and no unmarked item that would make its list's ticks picks (see `_picks`).
PROGRESS = frozenset("🔄⏳🚧▶🟡🕐")
STATUS = BOXES | PROGRESS  # what opens an item of a tracker's list
MARKS = TICKS | CROSSES | PROGRESS  # on some items of a list only, they mark picks, not tasks (see `_picks`)
# A legend that says a cross drops an item ('❌ dropped', '✖ = skipped'): such items are no work of the path.
_CROSS_DROPS = re.compile(
    r"[❌✗✘✖]\ufe0f?\s*(?:[:=–—-]\s*)?(?:dropped|skipped|cancell?ed|abandoned|parked|removed|won['’]?t\s+do"
    r"|not\s+doing|gestrichen|verworfen|abgebrochen|descartad[oa]|abandonad[oa]|cancelad[oa])",
    re.IGNORECASE,
)
# A tracker's legend line, which names its marks ('Legend: ✅ done · ⏳ in progress · ❌ not started · 💤 paused'):
# each mark and the words after it. A mark it names beside one the reader knows, by words of a status, is that
# status (see `_legend_marks`).
_LEGEND_ENTRY = re.compile(r"([^\w\s])\ufe0f?[ \t]*(?:[:=–—-][ \t]*)?([^\W\d_]+(?:[ \t'’-]+[^\W\d_]+)*)")
# The words of a status, the whole of an entry's words ('learning resources' or 'next steps' name no status), maybe
# with a word of when ('learning now', 'currently doing', 'not started yet').
_LEGEND_STATUS = (  # the known mark each status stands for: a drop is read as a dropped cross
    (
        "❌",
        r"dropped|skip(?:ped|ping)?|cancell?ed|abandoned|parked|paused|on\s+hold|removed|won['’]?t\s+do|not\s+doing",
    ),
    ("✅", r"done|completed?|finished|learned|mastered"),
    (
        "⏳",
        r"in\s+progress|learning|doing|started|ongoing|wip|working|not\s+(?:started|yet)|to[\s-]*do|planned|pending"
        r"|up\s+next|next|queued",
    ),
)
_LEGEND_WORDS = tuple(
    (known, re.compile(rf"(?:(?:currently|now|still|already)\s+)?(?:{said})(?:\s+(?:now|yet|already))?", re.IGNORECASE))
    for known, said in _LEGEND_STATUS
)
_STATUS_CHAR = re.compile(f"[{re.escape(''.join(sorted(STATUS)))}]")  # a known mark, for a line that may be a legend


def _legend_marks(blocks: list[Block]) -> dict[str, str]:
    """Return the marks a line of the file's text names as statuses beside marks the reader knows (`STATUS`), each
    as the known mark of its status: 'Legend: ✅ done · ⏳ in progress · 💤 paused' makes '💤' a dropped cross, and
    '🟢 done · 🟡 learning · ⚪ not started' makes '🟢' a tick and '⚪' an open mark. Without it, one unknown mark
    in a tracker's list made every mark in it a pick (see `_picks`): none of its items was a task. A line names
    them where it names two marks by whole words of a status, one of them a mark the reader knows ('✅ = completed
    · 📚 = learning resources' names none: '📚' is no status)."""
    found: dict[str, str] = {}
    for b in blocks:  # a Block's kind and plain text
        if b[0] != "line" or b[3].isascii() or _STATUS_CHAR.search(b[3]) is None:
            continue
        named = {}
        for mark, words in _LEGEND_ENTRY.findall(b[3]):
            status = next((known for known, said in _LEGEND_WORDS if said.fullmatch(words)), None)
            if status is not None and unicodedata.category(mark) == "So":
                named[mark] = status
        if len(named) > 1 and any(mark in STATUS for mark in named):
            found.update((mark, status) for mark, status in named.items() if mark not in STATUS)
    return found


def _boxed(block: Block, ticks_as_tasks: bool, crosses_as_tasks: bool, box: str = "") -> Block:
    """Read '- ☐ Build a site' as a task item (and '- ✅ ...' too, in a file that has no '- [ ]' items; '- ❌ ...'
    and '- 🔄 ...' as open ones where such a file also has '- ✅' or '- ☐' items). `box`: the known mark the item's
    own one stands for, where the file's legend names it (see `_legend_marks`)."""
    box = box or block.md[0]
    if (box in TICKS and not ticks_as_tasks) or ((box in CROSSES or box in PROGRESS) and not crosses_as_tasks):
        return block
    plain = block.plain[1:].lstrip("\ufe0f").strip()
    md = block.md[1:].lstrip("\ufe0f").strip()
    if not plain:
        return block
    if md[:2] == "~~" and md[-2:] == "~~" and md.count("~~") == 2:  # '✅ ~~Done~~': struck as done, the learner's
        md = md[2:-2]  # to tick
    return block._replace(plain=plain, md=md, task=box in TICKS)


_ZH_DETAILS = re.compile("[、，；]")
_WORD = re.compile(r"[^\W\d_]{2}")  # a word: two letters in a row ('4.x' has none)
# A bullet that opens with a bold name, then a dash and what it says of it ('**Service mesh** — Istio vs Linkerd'),
# as kanban boards and idea lists write them; the dash may be two hyphens ('**Replit** -- an online IDE'), and the
# name's links in brackets may stand before it, or before a colon ('**Django** ([docs](…)): the web framework').
_BOLD_NAME = re.compile(
    r"\*\*((?:[^*\\]|\\.)+)\*\*"
    r"(?:\s*\((?:\[[^\[\]]*\]\([^()\s]*\)(?:,\s*)?)+\)\s*(?:--|[-–—:])|\s*(?:--|[-–—]))\s+(?=\S)"
)


def _bold_name(text: str, md: str) -> str | None:
    """Return the bold name that opens a bullet before a dash ('Service mesh' of '**Service mesh** — Istio vs
    Linkerd'; the link's text of '**[Pro Git](…)** — the free book'); None for any other bullet, and for a bold
    numbering or kind of material ('**Week 1** — HTML', '**Read** — […](…)'), which names nothing."""
    found = _BOLD_NAME.match(md)
    if found is None:
        return None
    name = _UNESCAPE.sub(r"\1", _LINK_TEXT.sub(r"\1", found.group(1))).strip()
    if not name or not text.startswith(name) or _NUMBERING.match(name) or name.casefold() in _MATERIAL:
        return None
    if any(c.isdigit() for c in name) and (only_dates(name) or only_dates(_CLOCK_AFTER.sub("", name))):
        return None  # a timeline's date ('**Mar 16 – 18:00 UTC** — Applications open'): when, not what
    return name


# A time of day after a date ('Jan 19 – 18:00 UTC', 'Mar 31, 6pm', 'May 2 @ 9:30am CET').
_CLOCK_AFTER = re.compile(r"\s*[-–—,@]?\s*\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?\s*$", re.IGNORECASE)


# The bold words that open an aside, not a part: a note, tip or warning told in the sentence after it.
_ASIDE_LABELS = frozenset(
    ("note", "notes", "nb", "n.b.", "tip", "hint", "warning", "caution", "important", "reminder", "heads up")
)


# A short note after a resource's link, in brackets or code, perhaps in emphasis ('[Pro Git](…) (free)', '[Go by
# Example](…) [free]', '… `free`', '… *(book)*'; an HTML '<sup>FREE</sup>' reads '(FREE)': `bot.content.markdown`),
# whose words only say what the resource is or costs (`_NOTE_WORDS`): no part of its name. A note that names
# something ('[The Missing Semester](…) (MIT)', '(Coursera)', which tells two courses of one name apart) is the
# title's.
_NOTE_AFTER_LINK = re.compile(
    r"\s+(?:[*_]{1,2})?(?:\(([^()\[\]]{1,30})\)|\\?\[([^\[\]()]{1,30})\\?\]|`([^`]{1,30})`)(?:[*_]{1,2})?\s*"
)
_NOTE_WORDS = frozenset(
    {
        *("free", "paid", "freemium", "cost", "costs", "$", "and", "or", "with", "a", "an", "the", "&", "+", "/"),
        *("book", "books", "ebook", "e-book", "pdf", "course", "courses", "mooc", "video", "videos", "playlist"),
        *("article", "articles", "blog", "post", "tutorial", "tutorials", "docs", "documentation", "guide"),
        *("podcast", "series", "cheatsheet", "cheat", "sheet", "reference", "website", "site", "interactive"),
        *("optional", "recommended", "must", "read", "watch", "excellent", "great", "best", "classic", "official"),
        *("beginner", "beginners", "intermediate", "advanced", "short", "long", "new", "old", "online", "printed"),
        *("learning", "path", "trial", "tier"),
    }
)


def _topic_title(text: str, md: str = "") -> str:
    """Return a bullet's title: 'Topic' of 'Topic: a, list, of details', the link's text of a link and what it
    is ('[Pro Git](https://…) — the free book', as resource lists write them), a bold name and what it is
    ('**Service mesh** — Istio vs Linkerd'), the name before a bare URL ('Hash tables: https://…'), else the whole
    text."""
    if (icon := _icon_before_link(md)) and text.startswith(icon):
        # '📖 [Pro Git](…) - the free book': the icon says what kind of resource the link is, no word of its name
        return _topic_title(text[len(icon) :], md[len(icon) :])
    if (
        md[:1] in "[(*"
        and (tag := _KIND_TAG.match(md))
        and (said := _KIND_TAG_TEXT.match(text))
        and said.group("kind") == tag.group("kind")
        and _kind_alone(tag.group("kind"))
    ):
        return _topic_title(text[said.end() :], md[tag.end() :])  # '[Book] [Refactoring](…)': 'Refactoring'
    if md[:2] == "**" and (name := _bold_name(text, md)) is not None:
        return name
    if (
        md[:3] == "**["
        and (link := _LEADING_LINK.match(md, 2)) is not None
        and md[link.end() : link.end() + 3] == "** "
        and (name := _link_text(text, link)) is not None
        and _is_sentence(text[len(name) :])
    ):
        return name  # '**[Direct Preference Optimization](…)** Directly optimizes the policy …'
    if _CODE_AT_END.search(md) is None:  # a command's URL ('`git clone https://…`') is the command's, no link
        text = without_trailing_url(text)
    if text[:4] in ("http", "www.") and (address := _BARE_ADDRESS.fullmatch(text.strip())):
        # a bullet of a bare URL alone ('https://painlessdocker.com/'): titled by its address; its line keeps the link
        return address.group(1).rstrip("/")
    if md[:1] == "[" and (link := _LEADING_LINK.match(md)):
        if (name := _before_alternatives(text, md, link.end())) is not None:
            return name
        if (
            (note := _NOTE_AFTER_LINK.fullmatch(md, link.end()))
            and _only_note_words(note)
            and (name := _link_text(text, link))
        ):
            return name
        if sep := _AFTER_LINK.match(md, link.end()):
            head = text.partition(sep.group().rstrip())[0].strip()
            if head and len(head) < len(text.strip()):
                return head
        if (name := _link_before_sentence(text, md, link)) is not None:
            return name
    if "](" in md and (links := _TRAILING_LINKS.search(md)) and (cut := text.rfind(f" {links.group(1)} ")) > 0:
        if _kind_alone(text[:cut]) and (link := _LEADING_LINK.match(md, md.index("[", links.start()))):
            # 'Video - [CS50](…)': the kind of resource names nothing; the link's text is the title
            return _link_text(text[cut + 3 :].lstrip(), link) or text
        text = text[:cut].rstrip()
    colon = ":" if ":" in text else "：" if "：" in text else ""  # Chinese writes a full-width one
    if not colon and text[:1] not in "\"'“‘" and text[-1:] not in "\"'”’":
        return text
    # '"Threat Modeling: Designing for Security" by Adam Shostack' (the pattern needs a quote first)
    quoted = _QUOTED.match(text) if text[:1] in '"“' else None
    if quoted:
        return quoted.group(1).strip()
    head, sep, rest = text.partition(colon) if colon else (text, "", "")
    head = head.strip()
    md_head = md.partition(colon)[0] if colon else md
    # The commas of a link's own text are its title's ('**Go**: [Build Your Own Database: Persistence, Indexing]
    # (…)'), no list of details; those between links are ('**Tools**: [SQLite](…), [DuckDB](…)').
    listed = _LINK.sub("[]", md).partition(colon)[2] if sep and "](" in md else rest
    if (
        sep
        and 0 < len(head) <= 80
        # details, not a subtitle ('Data Structures: Treaps'); Chinese lists them with '、', '，' or '；'
        and (
            "," in listed
            or ";" in listed
            or not rest.strip()
            or (colon == "：" and _ZH_DETAILS.search(listed) is not None)
        )
        # numbers alone are no details the head names ('Domains: 1.1, 1.3', 'Chapters: 3, 4, 8'): they are the title's
        and (not rest.strip() or _WORD.search(rest) is not None)
        and not _NUMBERING.match(head)  # 'Step 2: ...', '6.006: ...'
        and head.casefold() not in _MATERIAL  # 'Video: Gradient descent, step by step (15 min)'
        and md_head.count("[") <= md_head.count("]")  # not a colon inside a link's text
        and md_head.count("`") % 2 == 0  # nor inside code ('Null safety, `?.` and `?:`')
        # nor inside brackets ('postorder (DFS: left, right, self)'): a note of the title, no label of it
        and head.count("(") <= head.count(")")
        and head.count("（") <= head.count("）")
        and not _sentence(listed)  # 'Tip: Always test first, and keep each test small.' is no list under 'Tip'
    ):
        text = head
    text = text.strip()
    if text[:1] in "\"'“‘" and text[-1:] in "\"'”’":  # a title in quotes ('"Clean Code"'), not 'you "lost"'
        text = text.strip("\"'“”‘’").strip() or text
    return text


# Code that ends a bullet and holds an address ('`git clone https://github.com/you/repo.git`').
_CODE_AT_END = re.compile(r"`[^`]*(?:://|www\.)[^`]*`\s*$")

_SENTENCE_WORDS = 5  # words from which what follows a resource's link is a sentence about it, not its title's


def _is_sentence(rest: str) -> bool:
    """Say whether `rest` is a sentence about what comes before it: it opens with a capital, perhaps after an icon,
    has five words or more and ends as a sentence does."""
    rest = rest.strip()
    start = 0
    while start < len(rest) and (unicodedata.category(rest[start]) in _EMOJI_PARTS or rest[start].isspace()):
        start += 1
    sentence = rest[start:]
    if not sentence[:1].isupper() or len(sentence.split()) < _SENTENCE_WORDS:
        return False
    return sentence.rstrip("\"'”’)").endswith((".", "!", "?"))


def _link_before_sentence(text: str, md: str, link: re.Match[str]) -> str | None:
    """Return the text of the link that opens a bullet where a sentence about the resource follows it, on its line or
    the next ('[Rust Playground](…)' then 'Try snippets in the browser without installing anything.', as awesome
    lists describe what they link), perhaps after a full stop ('[Kmeans](…). Try to implement it from scratch.'):
    it opens with a capital, perhaps after an icon, has five words or more and ends as a sentence does. Words that go
    on from the link ('[Read](…) the first chapter', '[Part 1](…) Setup') are its title's: None."""
    after = link.end() + (md[link.end() : link.end() + 1] == ".")  # '[Kmeans](…). Try to implement it …'
    if not md[after : after + 1].isspace() or (name := _link_text(text, link)) is None:
        return None
    rest = text[len(name) :].removeprefix(".") if after > link.end() else text[len(name) :]
    return name if _is_sentence(rest) else None


# The kinds of resource a bullet may name before its link ('Video - [CS50](…)'): no words of what it is about.
_KINDS = frozenset(
    {
        *_MATERIAL,
        *("book", "books", "ebook", "course", "courses", "article", "articles", "tutorial", "tutorials", "docs"),
        *("documentation", "podcast", "blog", "blog post", "post", "paper", "slides", "playlist", "talk", "talks"),
        *("lecture", "lectures", "guide", "cheatsheet", "cheat sheet", "exercise", "exercises", "website", "site"),
        *("videos", "link", "links", "resource", "resources", "mooc", "interactive tutorial", "video course"),
    }
)


# A kind of resource in brackets before a bullet's link ('[Book] [Refactoring](…)', '**[Book]** …', '(Video) …'), in
# its markdown and in its text.
_KIND_TAG = re.compile(r"(?:\*\*)?[\[(](?P<kind>[^\[\]()]{1,24})[\])](?:\*\*)?[ \t]+(?=\[|\*\*\[)")
_KIND_TAG_TEXT = re.compile(r"[\[(](?P<kind>[^\[\]()]{1,24})[\])][ \t]+")


def _kind_alone(head: str) -> bool:
    """Return True for words that only name a kind of resource ('Video', '📺 Talk', 'Book'), perhaps after an icon."""
    return _without_emoji(head).strip().casefold() in _KINDS


# A URL alone, and its address without the scheme, 'www.' and a closing slash ('docs.python.org/3/tutorial')
_BARE_ADDRESS = re.compile(r"(?:https?://)?(?:www\.)?([^\s/]+\.[^\s/]+(?:/\S*)?)", re.IGNORECASE)


def _icon_before_link(md: str) -> str:
    """Return the emoji and blanks that open a bullet before its link or bold link ('📖 ' of '📖 [Pro Git](…)',
    '🌐 ' of '🌐 **[Awesome Certificates](…)**'); '' for any other bullet."""
    if md[:1].isascii():  # the cheap check first: an emoji is no ASCII
        return ""
    end = 0
    while end < len(md) and unicodedata.category(md[end]) in _EMOJI_PARTS:
        end += 1
    after = md[end:].lstrip(" ")
    if not end or len(after) == len(md) - end or not after.startswith(("[", "**[")):
        return ""
    return md[: len(md) - len(after)]


_CLAUSE_WORDS = 6  # words of a part between commas from which it is a clause of a sentence, not a detail listed


def _sentence(listed: str) -> bool:
    """Return whether what follows a label's colon is a sentence ('Always write the test first, and keep each test
    small.'), not details listed ('window functions, CTEs, recursive queries'): it ends as a sentence does and some
    part of it between commas or semicolons is a clause of several words; of three parts or more, one before the
    last, as a list's last detail may be long ('Git, GitHub, and a code editor such as VS Code or Vim.')."""
    rest = listed.rstrip()
    if rest[-1:] not in ".!?":
        return False
    parts = re.split(r"[,;]", rest)
    if len(parts) > 2:
        parts.pop()
    return any(len(part.split()) >= _CLAUSE_WORDS for part in parts)


def _before_alternatives(text: str, md: str, link_end: int) -> str | None:
    """Return the text of a link that opens `md` (ending at `link_end`) where only other links in brackets follow it,
    then nothing or a description ('[From Nand to Tetris](…) ([alternative](…)) — 6 weeks'); else None."""
    others = _ALTERNATIVES.match(md, link_end)
    if others is None or (others.end() < len(md) and _AFTER_LINK.match(md, others.end()) is None):
        return None
    shown = _UNESCAPE.sub(r"\1", _LINK_TEXT.sub(r"\1", others.group())).strip()  # as the plain text has them
    head, found, _ = text.partition(shown)
    return head.strip() if found and head.strip() else None


def _only_note_words(note: re.Match[str]) -> bool:
    """Say whether a note after a link (`_NOTE_AFTER_LINK`) only says what the resource is or costs."""
    words = (note.group(1) or note.group(2) or note.group(3) or "").casefold().replace(",", " ").split()
    return bool(words) and all(w in _NOTE_WORDS for w in words)


# Emphasis in a link's text ('[**C++**: _Ray Tracing in One Weekend_](…)', as build-your-own lists write a
# language before a title): its marks, written around words, never inside one ('snake_case').
_EMPHASIS = re.compile(r"(?<![\w\\*])(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![\w*])")


def _link_text(text: str, link: re.Match[str]) -> str | None:
    """Return the clean text of the link that opens `md` (`link`), as `text` starts with it, its emphasis marks
    left out; else None (other marks in the link's text)."""
    shown = _LINK_TEXT.sub(r"\1", link.group())
    if "*" in shown or "_" in shown:
        shown = _EMPHASIS.sub(r"\2", _EMPHASIS.sub(r"\2", shown))
    shown = _UNESCAPE.sub(r"\1", shown).strip()
    return shown if shown and text.startswith(shown) else None


def _linked_plan_title(block: Block, link_end: int, found: PhaseHeading) -> tuple[str | None, tuple[str, str] | None]:
    """Return the title of a plan's phase whose line opens with a link to its page and goes on after it
    ('[Week 5 — Networking Basics](…): IP, DNS, `ss`' is 'Networking Basics'), and the words after the link (md and
    clean text), its first bullet; (None, None) where the link's text alone is not that phase."""
    md, plain = block.md, block.plain
    after = _AFTER_LINK.match(md, link_end)
    if after is None:
        return None, None
    shown = _UNESCAPE.sub(r"\1", _LINK_TEXT.sub(r"\1", md[:link_end])).strip()
    if not plain.startswith(shown):  # marks in the link's text: its clean words are not told apart
        return None, None
    own = read_phase_heading(shown)
    if own is None or not own.title or (own.number, own.first, own.last) != (found.number, found.first, found.last):
        return None, None
    rest_plain = plain[len(shown) :].lstrip(" :：-–—|").strip()
    rest_md = md[after.end() :].strip()
    return own.title, (rest_md, rest_plain) if rest_plain and rest_md else None


_SAID_AFTER = ":：-–—|"  # the marks after a bold phase that open the words said of it


# How long a plan line's title may run before it is the week's work said in full, not a title (see
# `_short_plan_title`), and how long the title that starts it is.
_LONG_PLAN_TITLE = 80
_SHORT_PLAN_TITLE = 64


def _short_plan_title(title: str) -> str | None:
    """Return the title a plan line's long title or sentences start with ('write the status email' of 'write the
    status email. Keep it short.'; a long sentence up to a word before `_SHORT_PLAN_TITLE` characters, with '…'),
    or None for a title that is one short sentence."""
    first, rest = first_sentence(title)
    if not rest and len(title) <= _LONG_PLAN_TITLE:
        return None
    first = first.rstrip(" .;:,")
    if len(first) > _SHORT_PLAN_TITLE:
        cut = first.rfind(" ", 0, _SHORT_PLAN_TITLE - 1)
        first = first[: cut if cut > 0 else _SHORT_PLAN_TITLE - 1].rstrip(" ,;:-–—") + "…"
    return first or None


def _bold_plan_title(block: Block, found: PhaseHeading) -> tuple[str | None, tuple[str, str] | None]:
    """Return the title of a plan's phase whose item opens with its phase in bold and goes on after it ('1.
    **Baseline (Weeks 1-4):** Measure the current workflow.' is 'Baseline', '- **Week 1: JS** — Add behaviour.'
    'JS'), and the words after the bold (md and clean text), its text; (None, None) where the bold alone is not
    that phase."""
    label = block.label.rstrip(" :：")
    if not block.rest_md or not block.plain.startswith(block.label):
        return None, None
    after = block.plain[len(block.label) :].lstrip()
    # words said after a colon or a dash: a note in brackets ('**Week 1: Basics** (Jan 6-12)') or a mark ('🎯') after
    # the bold is of its title
    if label == block.label.rstrip() and after[:1] not in _SAID_AFTER:
        return None, None
    own = read_phase_heading(label)
    if own is None and block.kind == "item":
        own = read_titled_item(label, block.number)
    if own is None or not own.title or (own.first, own.last) != (found.first, found.last):
        return None, None
    if own.number is not None and found.number is not None and own.number != found.number:
        return None, None
    rest_plain = block.plain[len(block.label) :].lstrip(" :：-–—|").strip()
    rest_md = block.rest_md.lstrip(" :：-–—|").strip()
    if status_alone(rest_plain):  # '**Phase 2: Backend (Weeks 5-8)** (done) ✅': the author's progress, no text
        return own.title, None
    return own.title, (rest_md, rest_plain) if rest_plain and rest_md else None


class _Body:
    """Give each block of a body its place: sections, phases, topics, subsections, checklist items."""

    def __init__(self, problems: _Problems) -> None:
        self.problems = problems
        self.stack: list[_Heading] = []  # open headings, outermost first
        self.headings: list[_Heading] = []
        self.phases: list[_PhaseBuilder] = []
        self.phase: _PhaseBuilder | None = None
        self.kind: str | None = None  # what the file's first phase heading counts in
        self.series: str | None = None  # 'step' when 'Step N' headings are the phases
        # The days the line under a phase heading gives it ('*Days 1–8 · taught by Ana*'), by the heading's line
        self.said_days: dict[int, tuple[int, int]] = {}
        self.series_phases: list[PhaseHeading | None] = []  # then, by heading, the phase each of the series is
        # the title and line of the line under a phase heading that gives no title, which titles its phase, by the
        # heading's line (see `_title_lines`)
        self.title_lines: dict[int, tuple[str, int]] = {}
        self.levels_at: int | None = None  # the heading level of skill levels that are the phases ('## Beginner')
        self.levels = 0  # how many of those are read so far
        self.week_parts = False  # dated headings of one week are one phase, the first's (`week_parts`)
        self.bullet_weeks = False  # the phases are numbered sections their bullets' weeks date (`_numbered_sections`)
        self.heading_phases: Iterator[PhaseHeading | None] = iter(())  # read_phase_heading of each heading, in order
        self.ticks_as_tasks = False  # a file without '- [ ]' items: '- ✅ ...' items are its checklist
        # A file without phase headings whose plan is a list ('1. Phase 1: HTML (Weeks 1-4)'): its items' phases,
        # by line.
        self.list_plan: dict[int, PhaseHeading] = {}
        self.tasks_only = False  # ... made by its task items alone: no item of it opens a phase without them
        # The bold label over such a list ('**Tasks:**'), which its tasks were grouped under where the list was no
        # plan: it still tells their IDs apart (`_RawItem.id_label`), in each phase its items open.
        self.task_label: _Sub | None = None
        self.line_plan: frozenset[int] = frozenset()  # the lines of a plan of paragraph lines ('Week 1 :: HTML')
        self.line_blocks = False  # ... each heading a block of what follows it ('**Week 1** — Topic: HTML')
        self.crosses_as_tasks = False  # ... and it has '- ✅' or '- ☐' items: '- ❌ ...' are its open items
        self.crosses_drop = False  # ... unless its legend says a cross drops an item ('❌ dropped')
        self.picks: frozenset[int] = frozenset()  # lines of ticks and crosses in lists with unmarked items
        self.legend: dict[str, str] = {}  # ... and marks its legend names, as the known ones (`_legend_marks`)
        # Words where Pandoc's dashes show as dashes, by line: (as shown, as written) (`Links.dashed`)
        self.dashed: dict[int, list[tuple[str, str]]] = {}
        self.contents_rows: frozenset[int] = frozenset()  # rows of tables of contents (`Links.contents_rows`)
        # bold rows that head the rows under them in their table, by line, with the table's last line (`_unit_rows`)
        self.unit_rows: dict[int, int] = {}
        self.unit_end: int | None = None  # the last line of the table whose unit row opened the part being read
        # the lines of a table of phases' goals ('| Goal |'): shown as the objective lines they are, not as quoted
        self.goal_rows: frozenset[int] = frozenset()
        # the lines of the weeks made of day headings (`_day_heading_plan`)
        self.made_weeks: frozenset[int] = frozenset()
        self.kept_tags: dict[int, str] = {}  # tags a task's words name as a place, by line (`Links.kept_tags`)
        # The text as written of tasks shown without the Tasks plugin's fields that end them, by line: their IDs
        # are made of it (see `_without_task_fields`); and that text as shown, by the text as written, for the items
        # nested under them to name them by
        self.task_fields: dict[int, str] = {}
        self.fields_shown: dict[str, str] = {}
        self._above: tuple[tuple[int, int, int], tuple[str, ...]] = ((-1, 0, 0), ())  # see `_task`
        self.sub: _Sub | None = None  # the part the next blocks go to
        self.part: _Sub | None = None  # the part a sub-heading opened (a label's part ends back in it)
        self.raw_items: list[_RawItem] = []
        self.used_ids: dict[str, int] = {}
        self.title = ""
        self.ancestors: list[str] = []  # the clean text of the items that hold the current one, by depth
        self.holders: list[list | int | None] = []  # the topics among them (a task: its line; None: a gap)
        self.last_topic: list | None = None
        self.item_text = False  # the line just read is the text under a heading in a list item (see `_line`)
        # a label line of no part just read, a phase's fact or a part's goal: (line, label, its text)
        self.header: tuple[int, str, str] | None = None
        self.nested: dict[int, list[str]] = {}  # the lines nested under an item (a topic or a task), by its line
        self.gap = False  # a blank line is before the block being read
        self.joined: frozenset[int] = frozenset()  # lines that no blank line parts from the block before them
        self.details_ends: dict[int, int] = {}  # see `Links.details_ends`, by the summary heading's line
        self.headings_read = 0
        self.plan_end: int | None = None  # how many headings there are up to the file's last phase heading
        self.phase_levels: frozenset[float] = frozenset()  # the levels of the file's phase headings
        self.footer_at: int | None = None  # the line of a thematic break with only a footer after it
        self.closing_at: int | None = None  # the line of a sub-heading that closes the plan (`_closing_heading`)
        # The lines of headings that read like phases but are none: struck through ('~~Session 5~~ — cancelled'), or
        # notes after the plan (`series_before`); no hint says how to write them.
        self.set_aside: frozenset[int] = frozenset()
        # The number each phase line (a list item, a bold line) of a plan written in parts is read as, by line
        # (`_plans_read`).
        self.renumbered: dict[int, int] = {}

    def new_id(self, text: str, line: int = 0) -> str:
        if line in self.dashed:  # 'Weeks 5--8' shows as 'Weeks 5–8': its ID is the one made of it as written
            text = _as_written(text, self.dashed[line])
        base = slugify(text)
        n = self.used_ids.get(base, 0) + 1
        self.used_ids[base] = n
        return base if n == 1 else f"{base}-{n}"

    def open_heading(
        self,
        level: float,
        title: str,
        line: int,
        found: PhaseHeading | None,
        quote: int = 0,
        after_plan: bool = False,
        name: str | None = None,
    ) -> None:
        """Open a heading; a phase heading outside any phase opens a phase, inside one it is a part of it.
        `after_plan`: it comes after the file's last phase heading. `name`: the title a phase it opens shows, where
        that is shorter than the one `found` gives, which still makes its IDs."""
        if self.stack and self.stack[-1].quote > quote:  # the headings of a quote that has ended end with it
            self.leave_quote(quote)
        if self.line_plan:
            self._end_line_phase(at_heading=True)
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        phase = self.phase
        # '### Lecture 2 (Sep 26)' after '### Lecture 1 (Sep 24)': a later day of the week the phase is
        same_week = (
            self.week_parts
            and found is not None
            and phase is not None
            and level == phase.level
            and found.number is None
            and (found.first, found.last) == (phase.first, phase.last)
        )
        if phase is not None and level <= phase.level and not same_week:
            # Some authors write a phase's parts at the phase heading's own level ('### PHASE 1' then
            # '### Learning Objectives'): a heading right under an empty phase, at its level, says so.
            other_unit = found is not None and self.kind is not None and _kind(found) != self.kind
            flat = level == phase.level and (found is None or other_unit) and (phase.flat or phase.empty)
            if flat and after_plan and found is None and self._closes_plan(title, level):
                flat = False
            if flat:
                phase.flat = True
            else:
                self.phase = None
        if level == 1 and not self.title:
            self.title = title
        self.sub = self.part = self.task_label = None
        self.ancestors, self.holders, self.last_topic = [], [], None
        unreadable = unreadable_span(title, found) if found is not None else None
        if unreadable is not None:
            self.problems.add("warning", line, f"'{title}' is not read as a phase: {unreadable}")
            found = None
        elif found is None and line not in self.set_aside:
            hint = phase_hint(title)
            # a heading read as a phase alone that the file's plan sets aside ('Week 1 Lessons Learned' after the
            # plan's weeks) is no phase written wrong
            if hint is not None and read_phase_heading(title) is None:
                self.problems.add("warning", line, f"'{title}' is not read as a phase: {hint}")
        if found is not None and self.kind is not None and _kind(found) != self.kind:
            # Another unit than the file's phases ('Week 3' in a file of 'Phase N', 'Month 1-3' over checklist
            # items): a part of the phase it is in (its weeks may date that phase), else a plain section.
            if self.phase is None:
                found = None
        elif found is not None and self.phase is not None:
            current = self.phase
            if same_week or (
                level > current.level
                and (
                    (found.number is not None and found.number == current.number)
                    or (found.number is None and (found.first, found.last) == (current.first, current.last))
                    or _within(found, current)
                )
            ):
                # '### Phase 1 Resources' under '## Phase 1: Basics', '### Week 6: Syntax' under '## Weeks 6-8:
                # JavaScript': a part of it (its weeks date the part: see `add`)
                found = None
            else:
                self.phase = None  # 'Phase 2' after 'Phase 1', whatever their heading levels
        if found is not None and self.phase is None:
            self.kind = _kind(found)
            sid = self.new_id(f"phase-{found.number}-{found.title}" if found.number is not None else title, line)
            # A phase its heading gives no title is named by the words its heading names it by ('## Q1').
            # a week titled by the author's progress alone ('## Week 1 (done) ✅') is named by its week
            spanned = found.number is None and found.first is not None
            title_said = "" if spanned and found.title and status_alone(found.title) else found.title
            if spanned and _BRACKETED_ALONE.fullmatch(title_said):  # '## Month 1 (January)': a note on its span
                title_said = f"{heading_span(title) or ''} {title_said}".strip()
            name = name or title_said or heading_span(title) or ""
            # The author's progress in it ('Linux (done)') is no part of the name a learner's phase shows; its IDs
            # (section, repeated tasks) are made of the heading as written, and stay as they were.
            name = without_opening_status(without_current(without_status(name), title))
            self.phase = _PhaseBuilder(
                found.number,
                name,
                found.first,
                found.last,
                found.unit,
                line,
                level,
                sid,
                length=found.length,
                id_title=labelled_title(title, found.title if found.id_title is None else found.id_title),
                heading=title,
            )
            if found.unit == "day":  # days a line under it gives: the days a day question finds it by
                self.phase.day_span = self.said_days.get(line)
            if found.first is not None and found.last != found.first:
                self.phase.part = part_weeks(title)
            if found.first is not None:
                self._cut_short(title, line, found)
            if line in self.made_weeks:  # a week of day headings: its tasks keep the IDs they had as no plan's
                self.phase.id_group, self.phase.outer = title, None
            self.phases.append(self.phase)
            heading = _Heading(level, title, line, sid, self.phase, True, topics=self.phase.topics)
        else:
            heading = _Heading(level, title, line, self.new_id(title, line), self.phase, False)
            if self.phase is not None:
                if found is not None and found.first is not None and found.last is not None:
                    self.phase.inner.append((found.first, found.last))
                elif found is None and (day := heading_day(title)) is not None:  # '#### Day 3 (Wed) · Python'
                    self.phase.days.append(day)
                # one list: section's and part's; titled as /phase shows it, without a box before it ('☐ Semana 1')
                self.sub = self.part = _Sub(_without_box(title), line, topics=heading.topics)
                self.phase.parts.append(self.sub)
                heading.part = self.sub
        heading.last_line = line
        heading.quote = quote
        self.stack.append(heading)
        self.headings.append(heading)

    def _cut_short(self, title: str, line: int, found: PhaseHeading) -> None:
        """Warn about a phase heading whose span may go on in words that are not read ('(Weeks 1 to be decided)'),
        and keep them for the warning about the weeks the phase may leave out."""
        cut = cut_short(title)
        if cut is None or self.phase is None:
            return
        self.phase.cut = cut
        weeks = f"week {found.first}" if found.first == found.last else f"weeks {found.first}-{found.last}"
        self.problems.add(
            "warning",
            line,
            f"'{title}' is read as {weeks}: '{cut}' after its span is not read; "
            "write its weeks as '(Weeks 5-8)' or '(Week 3)'",
        )

    def _part_label(self, line: int, title: str, quote: int, found: PhaseHeading | None) -> None:
        """Show the heading just opened over what it holds in its phase's body when it is a part of the phase."""
        part = self.stack[-1].part
        if part is None or self.phase is None:
            return
        # A week or month heading that is a part of a phase ('#### Week 6' under '### Month 2' under '## Q1')
        # says which of the phase's weeks it is for.
        weeks = None
        if found is not None and found.number is None and found.first is not None:
            weeks = (found.first, found.last or found.first)
        # shown as search shows its title: without the author's progress ('### Heaps (current) ✅', '### [DONE] Tries')
        # or an org export's task keyword ('### TODO Learn Docker'); a day before its name stays, it says when it is
        label = _without_box(_part_title(title))
        self.phase.body.append(
            _new(Piece, ("label", line, label, 0, None, bool(quote), " ".join(part.text), weeks, True))
        )

    def _closes_plan(self, title: str, level: float) -> bool:
        """Return True when a heading after the last phase, at its level, is no part of it: a closing section
        ('## License', '### Thank you'), or any heading where the file's phases are all at that level and keep their
        parts deeper (the last phase is empty, not one of parts at its own level)."""
        words = _TRAILING_MARKS.sub("", _without_leading_marks(title))
        if _CLOSING.fullmatch(words) is not None:
            return True
        if _CHECKLIST_SECTION.fullmatch(words) is not None and not any(p.flat for p in self.phases):
            return True  # '## ✅ Checklist' after a phase of no parts at its level: the file's checklist, no part
        return self.phase_levels == {level} and len(self.phases) > 1 and not any(p.flat for p in self.phases)

    def end_plan(self) -> None:
        """End the open phase before a footer (see `_footer_rule`): the footer is the text of the heading around the
        phase's, or, where there is none, of the phase's heading, but no part of the phase."""
        phase, self.phase, self.footer_at = self.phase, None, None
        while len(self.stack) > 1 and self.stack[-1].phase is phase:
            self.stack.pop()
        self.sub = self.part = self.task_label = None
        self.ancestors, self.holders, self.last_topic = [], [], None

    def leave_details(self, line: int) -> None:
        """Close the sub-heading a '<details>' block's summary opened (and those under it) where the block has ended
        before `line` ('<summary>Stretch goals</summary>' … '</details>', then the phase's tasks): what follows
        belongs to the heading the block is written in. A summary that opened a phase is left open."""
        ends = self.details_ends
        at = next(
            (
                i
                for i, h in enumerate(self.stack)
                if i and not h.is_phase and (end := ends.get(h.line)) is not None and end <= line
            ),
            None,
        )
        if at is None:
            return
        for h in self.stack[at:]:
            if h.part is not None and h.part.end is None:
                h.part.end = line
        del self.stack[at:]
        self.sub = self.part = self.stack[-1].part
        self.task_label = None
        self.ancestors, self.holders, self.last_topic = [], [], None

    def leave_quote(self, quote: int) -> None:
        """Close the headings written inside block quotes that have ended (a plan quoted from a post, then the
        author's own words): what follows belongs to the heading around the quote, and a quoted phase ends."""
        while self.stack and self.stack[-1].quote > quote:
            heading = self.stack.pop()
            if heading.is_phase and heading.phase is self.phase:
                self.phase = None
        self.sub = self.part = self.stack[-1].part if self.stack else None
        self.task_label = None
        self.ancestors, self.holders, self.last_topic = [], [], None

    def add(self, block: Block) -> None:
        # The block's fields, unpacked once (a named tuple's fields are read one attribute lookup at a time).
        kind, line, md, plain, level, depth, task, label, rest_md, anchor_only, _, _, quote, _ = block
        if kind not in ("line", "item") and self.phase is not None and self.phase.goal_label is not None:
            self.phase.goal_label = None  # '**Goals:**' over a heading, a table or code: no label of a later list
        footer = self.footer_at is not None and line > self.footer_at and kind != "heading"
        if footer and self.phase is not None and not self.phase.empty:  # a footer after the last phase's content
            self.end_plan()
        if kind == "heading":
            if (
                line == self.closing_at
                and self.phase is not None
                # a phase a bold line or an item opened: only where it has no heading of its own
                and not (self.phase.level % 1 and any(h.phase is self.phase and not h.is_phase for h in self.stack))
            ):  # beside the last phase, not under it
                level = next((h.level for h in self.stack if h.is_phase and h.phase is self.phase), level)
                self.end_plan()
            if self._holds_items() and level <= self._list_level():
                # a heading after a list of parts, at the level of the heading over the list or above, ends the
                # list, and so its last part; a deeper one ('### Final project' under '# Plan') is the last part's
                self.end_plan()
            elif self.phase is not None and self.phase.item and level <= self._item_heading_level():
                # '## Notes' after a plan of '- ### Week N' items: a heading no deeper than the items' own is
                # beside them, no part of the last week
                self.end_plan()
            self.headings_read += 1
            found = next(self.heading_phases)
            if line in self.set_aside:
                pass  # struck through, or a note after the plan: no phase of a series or a level either
            elif found is None and self.series is not None:
                found = self.series_phases[self.headings_read - 1]
            elif found is None and level == self.levels_at and (skill := read_level_heading(plain)) is not None:
                self.levels += 1
                found = skill[1]._replace(number=self.levels)  # 'Beginner', 'Intermediate': Phase 1, Phase 2
            after = self.plan_end is not None and self.headings_read > self.plan_end
            named = self.title_lines.get(line)
            self.open_heading(level, plain, line, found, quote, after, named[0] if named else None)
            if named is not None and self.phase is not None and self.stack[-1].is_phase:
                # the line that titles its phase is no text of the phase, but stays its section's: search finds the
                # phase by it ('First users' under '## Phase 2 (Weeks 3-4)')
                self.stack[-1].lines.append(named[0])
            if "](" in md or "<http" in md:
                self._heading_links(md)
            self._part_label(line, plain, quote, found)
            return
        if self.stack and quote < self.stack[-1].quote:
            self.leave_quote(quote)
        if self.details_ends and self.stack:
            self.leave_details(line)
        if kind == "line" and label and not rest_md and not depth and not quote:
            found = read_phase_heading(label)
            if (
                found is not None
                and (self.kind is None or _kind(found) == self.kind)
                and not outline_numbered(label)  # '**2. Functions (1 week)**': a numbered part, as its heading is
                and (found.unit != "quarter" or self.kind == "quarter")  # '**Q1: Closures**': a question
                and line not in self.set_aside  # a later plan's (`_plans_read`)
                and not self._planned_already(found)
            ):
                if line in self.renumbered:  # a phase of a plan written in parts, numbered on
                    found = found._replace(number=self.renumbered[line])
                # '**Week 3: Title**' alone on a line acts as a heading, half a level under the one around it
                self.open_heading(self._line_phase_level(), plain, line, found)
                self._part_label(line, label.rstrip(" :："), quote, found)  # '**Week 1 Notes:**' over its notes
                return
        if quote and not depth and self.list_plan and self._holds_items() and quote > self._plan_quote():
            self.end_plan()  # '> If you only get through week 6, …' after the plan's last part: of the whole plan
        if kind == "item" and self.list_plan and not depth and not quote and not anchor_only:
            found = self.list_plan.get(line)
            if found is not None and (self.kind is None or _kind(found) == self.kind):
                # '1. Phase 1: HTML (Weeks 1-4)' or '1. **HTML (Weeks 1-4)**' with its bullets under it, in a file
                # whose plan is such a list; '- [ ] Week 1: Setup' too, which stays a checklist item
                self._open_plan_line(block, found)
                if block.in_item_heading and self.stack:
                    self.stack[-1].item_level = level
                return
            if task is None and self._holds_items():  # '- [Glossary](…)' after the last part's chapters: the
                self.end_plan()  # list's, not the part's
        if kind == "item" and level and not depth and not quote and self.stack and level <= self.stack[-1].item_level:
            # '- ## Resources' after the plan's '- ## Phase 6: …' items: a section beside the last phase, as a
            # heading of that level would be; an item holds what is nested in it, so it is no part of the phase.
            opened_at = self.stack[-1].level
            self.phase = None
            self.open_heading(opened_at, plain, line, None)
            self.stack[-1].item_level = level
            return
        # (the words after a bold phase on its line, '**Week 1: Git** — Learn commits.', are that phase's text)
        said = self.phase is not None and self.phase.line == line
        if kind == "line" and self.line_plan and not depth and not quote and not said:
            if line in self.line_plan:
                self._open_plan_line(block)  # 'Week 1 :: HTML basics', a line of a file whose plan such lines are
                return
            self._end_line_phase()
        if not self.stack:
            if kind == "item" and task is not None:
                self._task(block, "Checklist", "Checklist")
                return
            # Text before the first heading (an intro under the front-matter) is a section too.
            self.open_heading(7, INTRO_TITLE, line, None)
        heading = self.stack[-1]
        was_empty = self.phase is not None and self.phase.empty
        if self.phase is not None:
            self.phase.empty = False
        sub = self.sub
        if sub is not None and quote < sub.quote:
            sub = self.sub = self.part  # the quote that held the label is over
            self.last_topic = None
        if self.unit_end is not None and line > self.unit_end:
            if sub is not None and sub.line in self.unit_rows:
                sub = self.sub = self.part  # a unit row's part ends with its table: what follows is the heading's
                self.ancestors, self.holders, self.last_topic = [], [], None
            self.unit_end = None
        if (anchor_only and kind in ("item", "line", "row")) or (
            kind == "row" and self.phase is None and line in self.contents_rows
        ):
            # a row of a table of contents outside the plan: the section it links to is the entry; a table inside
            # a phase ('| [Joins](#joins) | inner, outer |') is its work, shown as its rows
            heading.contents = True
            return  # a table of contents or a link back to the top: links to places in the page, not topics
        gap = self.gap = line > heading.last_line + 1 and line not in self.joined
        if gap and heading.lines:
            heading.lines.append("")  # a blank line in the file: keep the paragraphs apart
        heading.last_line = line
        if (
            gap
            and kind in ("line", "row")
            and depth == 0
            and sub is not None
            and sub is not self.part
            and (sub.text or sub.topics)
        ):
            # A bold label's part is its line and the lists after it: prose or a table after a blank line is
            # the heading's again ('**Topics covered**:' then a paragraph, then a table of courses). A label alone
            # on its line keeps what comes after the blank line under it ('**Certifications**', then a table). A
            # paragraph inside a list item (indented under a bullet) is still that bullet's, so still the part's.
            self.sub, self.ancestors, self.holders, self.last_topic = self.part, [], [], None
        elif (
            kind == "item"
            and block.in_item_heading
            and not depth
            and sub is not None
            and sub is not self.part
            and any(not topic[0] and not topic[5] for topic in sub.topics)  # the label holds bullets of its own
        ):
            # '- ### Stacks' after a bold label's own bullets ('**Efficiency on lists:**' over '- Insert: O(1)'): a
            # heading, at which the label's part ends as at any heading; the heading is no bullet of it. A label over
            # headings in list items alone ('**Practice:**' over '- ### Sorting') names them: they stay its part.
            self.sub, self.ancestors, self.holders, self.last_topic = self.part, [], [], None
        over = self.task_label
        if gap and kind in ("line", "row") and depth == 0 and over is not None and (over.text or over.topics):
            self.task_label = None  # as that label would end where the list is no plan
        if kind == "row" and line in self.unit_rows:
            self._unit_row(heading, block)
        elif kind == "line":
            if not label and (marked := _marked_label(md)) is not None:
                label, rest_md = marked
            sub, goal = self.sub, (self.phase.objective, self.phase.wants_objective) if self.phase else None
            self._line(heading, md, line, depth, label, rest_md, quote)
            self._line_piece(block, sub, goal)
            if was_empty and self.phase is not None and (self.phase.objective, self.phase.wants_objective) != goal:
                self.phase.empty = True  # its objective line: the parts it has at its own level may still follow
        elif kind == "item":
            self._item(heading, block)
        elif kind == "row":
            self._row(heading, block)
        else:  # code; a quoted one is quoted line by line, fences and all, as Discord ends a quote with its line
            heading.lines.append("\n".join(f"> {code}" for code in md.split("\n")) if quote else md)
            if depth:
                self._under_item_headings(depth, md, of_any_item=True)
            if self.phase is not None:
                self.phase.body.append(_new(Piece, ("code", line, md, depth, None, bool(quote), "", None, False)))

    def _goal_list(self, heading: _Heading, phase: _PhaseBuilder) -> None:
        """Read a goal label alone over a list ('**Goals:**' then '- Set up Git') as the list's label, a part as other
        labels are: the goals are its bullets, and no line after the list is taken for the objective."""
        assert phase.goal_label is not None
        label, line, quote = phase.goal_label
        phase.wants_objective, phase.goal_label, phase.part_goal = False, None, None
        self.sub, self.task_label = _Sub(label, line, quote=quote), None
        heading.subsections.append(self.sub)
        phase.parts.append(self.sub)
        phase.body.append(Piece("label", line, label, quote=bool(quote)))
        self.ancestors, self.holders, self.last_topic = [], [], None

    def _unit_row(self, heading: _Heading, block: Block) -> None:
        """Read a table's bold row that heads the rows under it ('| **Unit 1: Basics** | | |' over its lectures) as a
        bold label alone on its line: a part that holds those rows, up to the next such row or the table's end."""
        _, md, plain = block.cells[0]
        line = Block("line", block.line, md.strip(), plain, label=plain.strip(), quote=block.quote)
        sub, goal = self.sub, (self.phase.objective, self.phase.wants_objective) if self.phase else None
        self._line(heading, line.md, line.line, 0, line.label, "", line.quote)
        self._line_piece(line, sub, goal)
        self.unit_end = self.unit_rows[block.line]

    def _row(self, heading: _Heading, block: Block) -> None:
        _, line, md, _, _, depth, _, label, _, _, _, _, quote, _ = block
        heading.lines.append(f"{'  ' * depth}- {md}")
        in_heading = depth > 0 and self._under_item_headings(depth, f"- {md}", indent=True)
        # A row is titled by its first cell with words, without the alternatives linked after a course's link.
        cell = next((cell_md for _, cell_md, cell in block.cells if cell_lines(cell)[0] == label), "")
        more = cell_lines(cell)[1:]  # its other lines ('**Git**<br>branches<br>rebase'): bullets under the row
        cell = cell_lines(cell)[0]
        link = _LEADING_LINK.match(cell) if cell[:1] == "[" else None
        title = _before_alternatives(label, cell, link.end()) if link is not None else None
        title = title or label
        if not title.isascii():  # '| 1 | Two Sum ✓ |', '| 🟩 | Two Sum 🟢 |': the marks are no words of the title
            title = _without_marks(title) or title
        topic = self._topic(heading, depth, md, line, title)
        heading.lines.extend(f"{'  ' * (depth + 1)}- {text}" for text in more)
        topic[4].extend(f"- {text}" for text in more)
        if in_heading:  # a table under a heading in a list item: the item still holds what follows it
            del self.ancestors[depth:], self.holders[depth:]
        else:
            self.ancestors, self.holders = [], []
        if self.phase is not None:
            if block.cells and _DAY_COLUMN.fullmatch(block.cells[0][0].strip()):  # '| Day | Topic |': '| 12 | Joins |'
                day = _DAY_CELL.fullmatch(block.cells[0][2].strip())
                if day is not None:
                    self.phase.days.append(int(day.group("day")))
            week = _row_week(block)
            if week is None:
                self.phase.body.append(_new(Piece, ("row", line, md, depth, None, bool(quote), "", None, False)))
            else:  # a week table in the phase: the row's week cell says which week it is for
                short, cell, weeks = week
                self.phase.body.append(Piece("row", line, short, depth, quote=bool(quote), rest=cell, weeks=weeks))
                if self.phase.first is None and not self.phase.length:  # they date a phase that gives no weeks
                    self.phase.inner.append(weeks)
            for text in more:
                self.phase.body.append(Piece("item", line, text, depth + 1, quote=bool(quote)))
            if more and line != self.phase.line:
                self.phase.nested = True

    def _line_piece(self, block: Block, sub: _Sub | None, goal: tuple[str | None, bool] | None) -> None:
        """Add a paragraph line just read to its phase's body: as a label when it opened a part (`sub` was the part
        before it), not at all when it gave the objective (`goal` was the objective before it), joined to the bullet
        it continues."""
        item_text, self.item_text = self.item_text, False
        phase = self.phase
        if phase is None or (phase.objective, phase.wants_objective) != goal:
            return
        body = phase.body
        if (
            block.depth > 0
            and not item_text
            and body
            and body[-1].kind in ("item", "task")
            and not (block.quote and block.depth <= body[-1].depth)
        ):
            if body[-1].kind == "item":
                body[-1] = body[-1]._replace(md=f"{body[-1].md} {block.md}")
            else:  # a task item shows as its checklist item does, and its note after it ('📖 [Pro Git](…)')
                body[-1] = body[-1]._replace(rest=f"{body[-1].rest} {block.md}".lstrip())
            return
        if self.sub is not sub and self.sub is not None and self.sub.line == block.line:
            body.append(
                Piece(
                    "label",
                    block.line,
                    self.sub.label,
                    quote=bool(block.quote),
                    rest=" ".join(self.sub.text),
                    weeks=_label_weeks(self.sub.label),
                )
            )
        elif self.header is not None and self.header[0] == block.line:  # a fact of the phase, a part's goal
            body.append(Piece("label", block.line, self.header[1], quote=bool(block.quote), rest=self.header[2]))
        else:
            md = _pipe_row_text(block.md) if block.md[:1] == "|" else block.md
            if md:
                body.append(
                    _new(Piece, ("text", block.line, md, block.depth, None, bool(block.quote), "", None, False))
                )

    def _heading_links(self, md: str) -> None:
        """Keep the links of the heading just opened, which its clean title leaves out: in its section's text,
        and first in the part of a phase it opens ('### [kubectl cheat sheet](https://…)') or last in the
        phase's text (not its objective)."""
        links = " · ".join(_LINK.findall(md))
        if not links:
            return
        heading = self.stack[-1]
        heading.lines.append(links)
        if heading.part is not None:
            heading.part.text.insert(0, links)
        elif heading.is_phase and heading.phase is not None:
            heading.phase.links = links

    def _open_plan_line(self, block: Block, found: PhaseHeading | None = None) -> None:
        """Open the phase a list item or paragraph line of a plan gives: 'Week 7 | Git | branches, rebase' is the
        phase 'Week 7: Git', the cells after its title a bullet each. `found`: the phase a list item was read as,
        for one whose words alone are no phase heading ('SQL (Weeks 5-8)', item 2 of a numbered list)."""
        task = block.task is not None
        # The IDs of the tasks of a phase a task item opens, or any item of a plan its task items make one, are told
        # apart as they were where the list was no plan: by the group of the heading over the list, the phase
        # around it (`_PhaseBuilder.outer`) and the bold label over it (`task_label`).
        kept = task or self.tasks_only
        id_group = self._id_group(self.stack[-1]) if self.stack else "Checklist"
        outer = self.phase.outer if self.phase is not None and self.phase.id_group is not None else self.phase
        label = (self.sub if self.sub is not self.part else None) or self.task_label
        text, details = _pipe_cells(block.md, block.plain)
        if task and "{#" in text:  # '- [ ] Week 1: Setup {#week-1}': the ID is the item's, no words of the phase
            text = split_explicit_id(text)[0]
        if task and not text.isascii() and (cut := _task_fields_at(text)) is not None:
            # '- [ ] Week 1: Setup ⏫ 📅 2027-01-04' is the phase 'Setup': the Tasks plugin's fields are the item's
            text = text[:cut]
        shown = without_trailing_url(text)  # '**Week 1:** Go (https://…)': the line's link, no words of its title
        text, url_cut = shown, shown != text
        read = read_phase_heading(text)
        if read is not None and block.line in self.renumbered:  # a phase of a plan written in parts, numbered on
            read = read._replace(number=self.renumbered[block.line])
        found = read if read is not None else found
        lead = _LINK.match(block.md) if block.md[:1] == "[" and not details else None
        name, rest = (None, None) if lead is None or found is None else _linked_plan_title(block, lead.end(), found)
        said = None  # the words after a bold phase ('1. **HTML (Weeks 1-4):** Build pages'): its text
        if block.label and lead is None and not details and found is not None and not task:
            name, said = _bold_plan_title(block, found)
        # '1. Week 2 - write the status email, book two co-working sessions, …': the week's work in a sentence or
        # more, titled by its start and shown whole
        if (
            name is None
            and said is None
            and not details
            and not task
            and found is not None
            and found.title
            and (short := _short_plan_title(found.title)) is not None
        ):
            name, said = short, (escape(found.title), found.title)
        self.open_heading(self._line_phase_level(), text, block.line, found, name=name)
        if block.kind == "item" and self.phase is not None:
            self.phase.item = True
            if kept:
                self.phase.id_group, self.phase.outer, self.task_label = id_group, outer, label
            if kept and not task:  # the tasks nested under it are told apart by it, as under the item it was
                self.ancestors, self.holders = [block.plain], [None]
        if lead is not None:  # '1. [Week 1 — The Shell](https://…/week-01/)': the week's own page, as a heading's
            self._heading_links(lead.group())
        elif url_cut:
            self._heading_links(block.md)
        if task and self.phase is not None:
            # '- [ ] Week 1: Setup': the phase's heading, and its first checklist item, grouped under the phase
            self.phase.empty = False
            self._item(self.stack[-1], block)
        depth = 1 if block.kind == "item" else 0
        if rest is not None:  # '[Week 5 — Networking](…): IP, DNS, `ss`': the words after the link
            details.insert(0, rest)
        if said is not None:
            self.add(Block("line", block.line, *said, depth=depth))
        for md, plain in details:
            self.add(Block("item", block.line, md, plain, depth=depth))

    def _end_line_phase(self, at_heading: bool = False) -> None:
        """End a phase that a plan's paragraph line opened: a paragraph of other words after a run of the plan's
        lines ('Notes for weeks 1-6: …') is the text around the plan, not the last line's phase. Where each line
        heads a block, the paragraphs after it are its phase's, up to the next line or a heading (`at_heading`):
        any heading, as one ends a paragraph's own block ('### Where to go next' after the last week)."""
        phase = self.phase
        if phase is None or phase.line not in self.line_plan or (self.line_blocks and not at_heading):
            return
        self.phase = None
        while self.stack and self.stack[-1].phase is phase:
            self.stack.pop().ended = True
        self.sub = self.part = None
        self.ancestors, self.holders, self.last_topic = [], [], None

    def _holds_items(self) -> bool:
        """Return True when the open phase is a list item of a list plan with items nested under it ('- **Part 2:
        ML** (weeks 5-9)' over its chapters): a top-level item that is no part, or a heading, is no part of it. A
        plan whose items hold nothing nested ('- **Month 2 (Weeks 5-8)**', then '- JavaScript') keeps what follows."""
        phase = self.phase
        return phase is not None and phase.item and phase.nested

    def _plan_quote(self) -> int:
        """Return how many block quotes hold the open phase's list item (a plan quoted from a post is read as one)."""
        phase = self.phase
        return next((h.quote for h in reversed(self.stack) if h.phase is phase), 0)

    def _item_heading_level(self) -> int:
        """Return the level of the heading the open phase's list item is written as ('- ### Week 1: Setup': 3), 0
        where its item is no heading."""
        phase = self.phase
        return next((h.item_level for h in reversed(self.stack) if h.phase is phase and h.is_phase), 0)

    def _list_level(self) -> float:
        """Return the level of the heading the open phase's list is under: 7 (any heading) for a list before the
        file's first heading."""
        phase = self.phase
        return next((h.level for h in reversed(self.stack) if h.phase is not phase), 7)

    def _planned_already(self, found: PhaseHeading) -> bool:
        """Return True when a bold week line outside any phase names weeks a phase heading before it already
        takes ('**Week 1 Review:**' in a daily log after the plan's '## Week 1: Setup'): a label over its list, as
        trackers write it, not a second phase of those weeks."""
        if self.phase is not None or found.first is None or found.last is None:
            return False
        return any(
            not p.level % 1
            and p.first is not None
            and p.last is not None
            and p.first <= found.first <= found.last <= p.last
            for p in self.phases
        )

    def _line_phase_level(self) -> float:
        """Return the level of a phase that a bold line or a list item opens: half a level under the heading
        around it, the level of the phase such a line opened before (the next week is no part of the last)."""
        phase = self.phase
        if phase is not None and phase.level % 1:
            return phase.level
        top = self.stack[-1] if self.stack else None
        if top is None or (top.level == 7 and top.title == INTRO_TITLE):  # the text before the first heading
            return 0.5
        if top.item_level:  # '- ## Notes' between the plan's '- ## Phase N' items: one of them
            return top.level
        return top.level + 0.5

    def _line(self, heading: _Heading, md: str, line: int, depth: int, raw: str, rest_md: str, quote: int) -> None:
        """Read a paragraph line (`raw`: its leading bold text, `rest_md` what follows it)."""
        own = f"> {md}" if quote and line not in self.goal_rows else md
        heading.lines.append(own)
        if depth > 0 and len(self.holders) >= depth and self.ancestors[depth - 1]:  # a note of the item above
            holder = self.holders[depth - 1]
            if type(holder) is list and holder[5]:
                # a line under a heading in a list item ('- ### Arrays' over 'practice two pointers') is its text, as
                # under a heading: shown under it (in its entry too, quoted as written), no words of its title
                self._nest(depth, own)
                holder[4].append(own)
                self.item_text = True
                return
            # a topic's own text takes its note; a task's note is nested under it, as it is under those above
            self._nest(depth, md, depth - 1 if type(holder) is list else depth)
            if type(holder) is list:
                holder[1] += " " + md
            return
        # A paragraph that continues a list item; a quote at the item's own depth is an item of its own ('- > Don't
        # memorise …' after '- Shell basics'), no words of the one before it.
        if depth > 0 and self.last_topic is not None and (not quote or depth > self.last_topic[0]):
            self.last_topic[1] += " " + md
            return
        phase = self.phase
        if phase is not None and phase.wants_objective:
            phase.objective, phase.wants_objective, phase.goal_label = md, False, None
            if phase.part_goal is not None:  # '**Goal:**' then its text on the next line, in a part
                at, piece = phase.part_goal
                phase.part_goal = (at, piece._replace(rest=md))
            return
        # A label ends in ':' (full-width in Chinese: '：') or stands alone, short; a bold sentence ('**You can
        # expect ....**') is prose.
        alone = not rest_md and len(raw) <= 60 and raw[-1:] not in ".!?。！？" and _COUNTS.fullmatch(raw) is None
        if not raw or not (raw[-1] in ":：" or alone or rest_md[:1] in (":", "：")):
            if self.sub is not None:
                self.sub.text.append(own)
            elif phase is not None and heading.is_phase:
                if phase.lead is None and _listed(phase):
                    phase.lead = len(phase.intro)
                phase.intro.append(own)
            return
        label = raw.rstrip(":：").strip()
        rest = rest_md.lstrip(":：").strip()
        # '**Objective:**', '**🎯 Goal:**' ...: the phase's objective, once
        objective = _without_leading_marks(label).casefold() in OBJECTIVE_LABELS
        if not objective and label[-1:] in ")]" and _spanned_objective(label) is not None:  # 'Goal (Weeks 1-3)'
            objective = True
        part = self.sub if self.sub is not None else None if heading.is_phase else heading
        if objective and phase is not None and part is not None:
            phase.goal_parts.add(part.line)
        sub = self.sub
        if objective and phase is not None and rest and sub is not None and _part_goal(phase, sub):
            # a goal line in a part that does not open the phase ('### Tuesday' then '**Goal:** …', or one after the
            # phase's own words or objective): the part's own goal, shown under it; the bullets after it stay the
            # part's work, in no part named 'Goal'
            self.header = (line, label, rest)
            return
        if objective and phase is not None and phase.objective is None:
            phase.objective, phase.wants_objective = rest or None, not rest
            phase.goal_label = None if rest else (label, line, quote)
            if part is not None:
                phase.part_goal = (len(phase.body), Piece("label", line, label, quote=bool(quote), rest=rest))
            return
        if objective and phase is None and rest:
            return  # a section's goal, in its text: no part of its own that would hold the bullets after it
        aside = rest and not quote and rest[-1:] not in ":："
        if aside and _without_leading_marks(label).casefold() in _ASIDE_LABELS:
            # '**Note:** most of these assume a Linux box.': an aside of the part it is in, shown where it is; the
            # list after it stays that part's work, in no part named 'Note' ('**Tip:** keep a log of these:' is
            # the list's, as is a list in the quote of a quoted tip)
            self.header = (line, label, rest)
            return
        if not rest and _status_label(label):
            # '**Done**', '**To do:**' over a tracker's list: where the author stood, shown where it is; the list
            # after it is the heading's work (or the part's it is written in), in no group named 'Done'
            self.header = (line, label, rest)
            self.sub, self.ancestors, self.holders, self.last_topic = self.part, [], [], None
            self.task_label = None
            return
        fact = rest and phase is not None and heading.is_phase  # '**Prerequisites:** Phase 1' at its top
        # a second goal line at its top ('**Goal:** …' then '**Outcome:** …') says of the phase as a fact line does
        known = objective or _without_leading_marks(label).casefold() in HEADER_LABELS
        if fact and (known or _numbers_only(rest)) and _at_phase_top(phase):
            # an entry of its own still (its section ID kept), but no part of the phase's work: what follows is the
            # phase's
            self.header = (line, label, rest)
            heading.subsections.append(_Sub(label, line, quote=quote, own=True, text=[rest]))
            self.sub, self.ancestors, self.holders, self.last_topic = None, [], [], None
            self.task_label = None
            return
        self.sub, self.task_label = _Sub(label, line, quote=quote, own=bool(rest)), None
        if rest:
            self.sub.text.append(rest)
        heading.subsections.append(self.sub)
        if phase is not None:
            phase.parts.append(self.sub)
        self.ancestors, self.holders, self.last_topic = [], [], None

    def _objective_item(self, heading: _Heading, block: Block) -> bool:
        """Read a bullet that opens a phase with its objective's label ('- **Goal:** Commit often.', beside its fact
        bullets such as '- **Duration:** 2 weeks') as the phase's objective, as that line alone would be; return
        True when it was."""
        phase = self.phase
        if (
            phase is None
            or block.depth
            or block.task is not None
            or block.quote
            or not block.label
            or not heading.is_phase
            or self.sub is not None
            or phase.objective is not None
            or phase.wants_objective
            or not _at_phase_top(phase)
        ):
            return False
        label, rest = block.label.strip(), block.rest_md.strip()
        if label[-1:] not in ":：" and rest[:1] not in ":：":
            return False
        rest = rest.lstrip(":：").strip()
        if not rest or _without_leading_marks(label.rstrip(":：").strip()).casefold() not in OBJECTIVE_LABELS:
            return False
        phase.objective = rest
        return True

    def _item(self, heading: _Heading, block: Block) -> None:
        if self.phase is not None and self.phase.goal_label is not None and not block.depth:
            self._goal_list(heading, self.phase)
        mark = block.md[:1]
        if block.task is None and (mark in STATUS or mark in self.legend):  # a box that opens the item
            box = self.legend.get(mark, mark)  # a mark its legend names: the known one of its status
            if box in CROSSES and (self.crosses_drop or _struck(block.md) or box != mark):
                self._dropped(heading, block)
                return
            picked = block.line in self.picks  # a tick on some items of a list marks picks, not tasks
            block = _boxed(block, self.ticks_as_tasks and not picked, self.crosses_as_tasks and not picked, box)
        as_written = block.plain  # what an item nested under it is told apart by, where its ID needs a place
        if block.task is not None and not as_written.isascii():  # the fields' marks are not ASCII
            block = self._without_task_fields(block)
        _, line_no, md, plain, _, depth, task, _, _, _, in_item_heading, _, _, number = block
        ancestors, holders = self.ancestors, self.holders
        if len(ancestors) > depth:
            del ancestors[depth:]
            del holders[depth:]
        elif len(ancestors) < depth:
            ancestors.extend([""] * (depth - len(ancestors)))
            holders.extend([None] * (depth - len(holders)))
        # A task shows as a box on a bullet; a bullet line is a finer entry, not its heading's own words.
        marker = "- " if number is None else f"{number}. "
        line = f"{'  ' * depth}{marker}{'☑ ' if task else '☐ ' if task is not None else ''}{md}"
        heading.lines.append(line)
        if self._objective_item(heading, block):
            return
        if self.phase is not None:
            shown = split_explicit_id(md)[0] if task is not None else md
            kind = "item" if task is None else "task"
            weeks = None
            phase = self.phase
            if not depth and task is None:
                weeks = _item_weeks(block)
                if weeks is None and self.bullet_weeks:  # 'NumPy arrays (weeks 2-3)': the bullets date the phase
                    weeks = item_weeks(plain)
            elif depth == 1 and task is None and phase.item and line_no != phase.line:
                # '- **Part 2: ML** (weeks 5-9)' over '- [7. Trees](…) — weeks 7-8': the part's bullets say their
                # weeks of it, at its start or end
                weeks = _item_weeks(block) or item_weeks(_without_trailing_emoji(plain))
                if weeks is not None and phase.first is not None and phase.last is not None:
                    weeks = weeks if phase.first <= weeks[0] and weeks[1] <= phase.last else None
            if weeks is not None:  # '1. Week 5 — SELECT basics': that week's work, and a week of the phase
                phase.inner.append(weeks)
            elif not depth and (day := heading_day(plain)) is not None:  # '1. **Day 31** — Spark': that day's work
                phase.days.append(day)
            phase.body.append(_new(Piece, (kind, line_no, shown, depth, number, bool(block.quote), "", weeks, False)))
            if depth and line_no != phase.line:
                phase.nested = True
        for holder in holders:  # what is nested under a heading in a list item ('- ### Arrays') is its body
            if type(holder) is list and holder[5]:
                holder[4].append(line[2 * (holder[0] + 1) :])
        if depth:
            self._nest(depth, line[2 * depth :])
        sub = self.sub if self.sub is not self.part else None  # a bold label's part
        # In a phase an item of a task list of weeks opened, the label over the list (see `task_label`)
        over = self.task_label if sub is None and self._kept(heading) else None
        for label in (sub, over):
            if label is not None:
                label.first_item = label.first_item or line_no
                if not depth and task is None:
                    label.bullets = True
                elif not depth and label.bullets and self.gap:
                    label.done = True
        if sub is not None:
            sub.lines.append(line)
        topic = None
        if task is None:
            if in_item_heading:
                title = plain
            elif plain.isascii():  # most bullets: no marks, which are not ASCII
                title = _topic_title(plain, md)
            else:  # '🟩 [Two Sum](…) [[🚀](…)]', '[4A - Watermelon](…) ✔': the marks are no words of the title
                title = _without_marks(_topic_title(*_without_lead_marks(plain, md)))
            if not in_item_heading:  # 'Two Sum | easy 🟢', as a task's
                title = _without_difficulty(title)
            topic = self._topic(heading, depth, md, line_no, title)
        else:
            default = "Checklist" if heading.title == INTRO_TITLE and heading.level == 7 else heading.title
            id_default = self._id_group(heading)
            group = next((h[3] for h in reversed(holders) if type(h) is list and h[5]), None) if holders else None
            # A bold label alone on its line ('**Assignment 4:**'), or right above its list, is the group of the
            # tasks under it, as a sub-heading is. One with words of its own and a blank line before the list
            # ('**For all:** Design patterns, testing') says something of the heading's tasks, and so do tasks after
            # a blank line that ends the label's bullets ('**NoSQL Exploration:**', its topics, then the phase's
            # tasks).
            if group is None and sub is not None and _groups_tasks(sub):
                sub.tasks = True
                self._task(block, sub.label, id_default)
            elif group is None and over is not None and _groups_tasks(over):
                self._task(block, default, id_default, over.label)  # grouped by its phase, its ID by the label
            else:
                # in a phase a task list of weeks opened, told apart as where the list was no plan: by its heading's
                id_label = group or (id_default if self._kept(heading) else "")
                self._task(block, group or default, group or id_default, id_label)
        ancestors.append(as_written)
        holders.append(topic if topic is not None else line_no)
        if topic is not None and in_item_heading:
            topic[5] = True

    @staticmethod
    def _kept(heading: _Heading) -> bool:
        """Return True for the heading of a phase whose tasks keep the IDs they had where its list was no plan (see
        `_PhaseBuilder.id_group`)."""
        return heading.is_phase and heading.phase is not None and heading.phase.id_group is not None

    @staticmethod
    def _id_group(heading: _Heading) -> str:
        """Return the group the IDs of the tasks under a heading are told apart by: the heading's title ('Checklist'
        for the text before the first heading), but for a phase a task item of a list plan opened, whose tasks keep
        the group of the heading over the list, as they had where the list was no plan."""
        if heading.is_phase and heading.phase is not None and heading.phase.id_group is not None:
            return heading.phase.id_group
        return "Checklist" if heading.title == INTRO_TITLE and heading.level == 7 else heading.title

    def _without_task_fields(self, block: Block) -> Block:
        """Return a task without the fields Obsidian's Tasks plugin writes after its text ('Set a billing alarm ⏫
        📅 2027-01-04' is 'Set a billing alarm'), in every place it shows; its ID stays that of its text as written
        (kept in `task_fields`). A task without them is returned as it is."""
        plain, md, explicit = block.plain, block.md, ""
        if "{#" in plain:  # 'Rotate keys ⏫ 📅 2027-01-04 {#rotate}': the fields before the item's own ID
            plain, found = split_explicit_id(plain)
            md = split_explicit_id(md)[0]
            explicit = f" {{#{found}}}" if found else ""
        cut = _task_fields_at(plain)
        if cut is None:
            return block
        md_cut = _task_fields_at(md)
        if md_cut is None:
            return block
        self.task_fields[block.line] = block.plain
        shown = plain[:cut] + explicit
        self.fields_shown[block.plain] = split_explicit_id(shown)[0] if explicit else shown
        fields = md[md_cut:]
        rest_md = block.rest_md
        if rest_md.endswith(fields + explicit):
            rest_md = rest_md[: len(rest_md) - len(fields + explicit)] + explicit
        return block._replace(md=md[:md_cut] + explicit, plain=shown, rest_md=rest_md)

    def _dropped(self, heading: _Heading, block: Block) -> None:
        """Keep an item the author dropped ('- ❌ ~~Azure AZ-900~~') in its section's text, as written, but out of
        its phase's work, checklist and topics."""
        depth = block.depth
        heading.lines.append(f"{'  ' * depth}- {block.md}")
        del self.ancestors[depth:], self.holders[depth:]
        self.ancestors.extend([""] * (depth - len(self.ancestors)))
        self.holders.extend([None] * (depth - len(self.holders)))
        self.ancestors.append(block.plain)
        self.holders.append(None)

    def _topic(self, heading: _Heading, depth: int, md: str, line: int, title: str) -> list:
        """Make a bullet's topic ([depth, md, line, title, nested lines, a heading in an item]). A bullet under a
        checklist item is that item's note (`ChecklistItem.note`), not a topic of the phase: alone, a week's focus
        would show '- [Lecture (video)](…)' without the item it is for."""
        topic = [depth, md, line, title, [], False]
        if not (depth > 0 and self._tasks_above(depth) > 0):
            (self.sub.topics if self.sub is not None else heading.topics).append(topic)
        self.last_topic = topic
        return topic

    def _under_item_headings(self, depth: int, md: str, indent: bool = False, of_any_item: bool = False) -> bool:
        """Add a block written at `depth` (a code block, a table row) to the text of the headings in list items that
        hold it ('- ### Aggregate Functions' over a query), as a block under a heading is its section's: their entries
        show it. A row is indented as it stands under each (`indent`); a code block is not, as Discord shows a fence
        only at a line's start. `of_any_item`: the bullets that hold it show it too ('2. Disable a warning:' over
        the comment that does it), as they show the bullets nested under them; a task's note is left as it is.
        Return whether any heading in a list item holds it."""
        held = False
        for d, holder in enumerate(self.holders[:depth]):
            if type(holder) is list and (holder[5] or of_any_item):
                shown = "  " * (depth - d - 1) + md if indent else md
                self.nested.setdefault(holder[2], []).append(shown)
                if holder[5]:
                    holder[4].append(shown)
                    held = True
        return held

    def _nest(self, depth: int, line: str, holding: int | None = None) -> None:
        """Add a line written at `depth` (a nested item, or a note) to what the items holding it (the first
        `holding` of them, default all) have nested under them, indented as it stands under each: their entries
        show it."""
        nested = self.nested
        for d, holder in enumerate(self.holders[: depth if holding is None else holding]):
            at = holder if type(holder) is int else holder[2] if holder is not None else None
            if at is not None:
                indented = "  " * (depth - d - 1) + line
                found = nested.get(at)
                if found is None:
                    nested[at] = [indented]
                else:
                    found.append(indented)

    def _task(self, block: Block, group: str, id_group: str, id_label: str = "") -> None:
        """Read a task item: shown in `group`, its ID told apart by `id_group` and `id_label` (see `_RawItem`; "":
        `group`)."""
        depth = block.depth
        context = tuple([a for a in self.ancestors[:depth] if a]) if depth else ()
        text = _task_title(block.plain, block.md)
        if not text.isascii():  # the marks are not ASCII: most titles need no look
            text = _without_marks(text)
        text = _without_difficulty(text)
        md = block.md
        if not depth and group != "Checklist" and status_alone(text) and any(map(str.isalpha, text)):
            # '- [ ] In progress' under '## The Rust Book': the author's progress on the heading's work, which is
            # the item ('The Rust Book'); its ID stays that of its words as written. A mark alone ('- [ ] ✅') says
            # no progress in words: it is the item, as written
            text, md = group, escape(group)
        written = block.plain if text != block.plain else ""
        if self.kept_tags and (tags := self.kept_tags.get(block.line)) is not None and f" {tags}" in block.plain:
            written = block.plain.replace(f" {tags}", "", 1)  # its ID was made without them: see `Links.kept_tags`
        if self.task_fields and (as_written := self.task_fields.get(block.line)) is not None:
            written = as_written  # shown without the Tasks plugin's fields, its ID made with them
        stack = self.stack
        key = (len(stack), id(stack[-1]) if stack else 0, len(self.headings))
        if self._above[0] != key:  # the headings over this task's: the same for all the tasks under one heading
            # but those of phases whose tasks keep their IDs, which were no headings where the list was no plan
            if stack and self._kept(stack[-1]):
                over = [h.title for h in stack if not self._kept(h)][:-1]
            else:
                over = [h.title for h in stack[:-1] if not self._kept(h)]
            self._above = (key, tuple(over))
        above = self._above[1]
        raw = (
            group,
            text,
            block.line,
            self.phase,
            context,
            md,
            self._tasks_above(depth),
            id_group,
            written,
            above,
            id_label or group,
            self._parent(depth, context),
        )
        self.raw_items.append(_new(_RawItem, raw))
        self.last_topic = None  # a paragraph under the task is the task's (see `_line`), not the topic's before it

    def _parent(self, depth: int, context: tuple[str, ...]) -> str:
        """Return the item a task at `depth` shows nested under (see `_RawItem.parent`)."""
        if not context:
            return ""
        for ancestor, holder in zip(reversed(self.ancestors[:depth]), reversed(self.holders[:depth]), strict=False):
            if ancestor:
                return "" if type(holder) is list and holder[5] else context[-1]
        return context[-1]

    def _tasks_above(self, depth: int) -> int:
        """Return how many task items hold an item at this depth (a topic holder is a list; a task's is its line)."""
        if not depth:
            return 0
        return sum(
            1 for a, h in zip(self.ancestors[:depth], self.holders[:depth], strict=False) if a and type(h) is int
        )


# What a board's card marks beside its title: its priority before it ('⭐', '🔥', '⏫', '🔴'), and after it its tags
# ('`#react`', '#react', as the Obsidian pass drops a bare one that ends a task's line: `bot.content.markdown`) and
# when it is due ('(due: 2024-04-12)', '📅 2024-04-12'). A tag in the text ('C#', '#1', 'the `#id` selector') stays.
PRIORITY_MARKS = "⭐🌟❗❕‼⚡🔥⏫🔼🔽⏬🔺🔴🟠🟡🟢🔵\ufe0f"
_CARD_MAX = 300  # characters: a board's card is a line of a few words
_PRIORITY_LEAD = re.compile(rf"[{PRIORITY_MARKS}][{PRIORITY_MARKS} \t]*")
_CARD_TAIL = re.compile(
    r"[ \t]+(?:#(?=[\w/-]*[^\W\d_])[\w/-]+|\((?:due|deadline)\b[^()]{0,30}\)|📅[ \t]*\d{4}-\d{2}-\d{2})[ \t]*$",
    re.IGNORECASE,
)
_CARD_TAGS = re.compile(r"(?:[ \t]+#(?=[\w/-]*[^\W\d_])[\w/-]+)+(?=[ \t]+[—–(]|[ \t]+-[ \t])")


def _task_title(plain: str, md: str) -> str:
    """Return a task's title without what a board's card marks beside it (`_CARD_TAIL`): '⭐ React Router v6 `#react`
    (due: 2024-04-12)' is 'React Router v6', 'CSS Grid `#css` — via Grid Garden' 'CSS Grid — via Grid Garden'. Its
    text as shown keeps them all. A title of nothing else keeps them. A task longer than a card's (`_CARD_MAX`) is read
    as written: the patterns search from every blank of a long run, which costs the square of its length."""
    if not plain or (plain[0] not in PRIORITY_MARKS and "#" not in plain and "(" not in plain and "📅" not in plain):
        return plain
    if len(plain) > _CARD_MAX:
        return plain
    text, explicit = split_explicit_id(plain)
    if text[:1] in PRIORITY_MARKS:
        text = _PRIORITY_LEAD.sub("", text, count=1)
    for _ in range(8):  # a few tags and a date, at most
        found = _CARD_TAIL.search(text)
        if found is None or (found.group().lstrip()[:1] == "#" and names_object(text, found.start())):
            break  # 'request in #access-requests': the words name the place, no tag
        text = text[: found.start()]
    if "#" in text and "`#" in md:  # tags before a note ('`#css` — via Grid Garden'), in code spans only
        text = _CARD_TAGS.sub(
            lambda tags: tags.group() if _bare_tags(tags.group(), md) or names_object(text, tags.start()) else "", text
        )
    text = text.strip()
    if not any(c.isalnum() for c in text):
        return plain
    return f"{text} {{#{explicit}}}" if explicit else text


# The fields Obsidian's Tasks plugin writes after a task's text, each behind its emoji: a priority ('⏫', '🔼', '🔽',
# '🔺', '⏬'), a date ('📅 2027-01-04' due, '⏳' scheduled, '🛫' start, '➕' created, '✅' done, '❌' cancelled), a
# recurrence ('🔁 every week on Monday'), an ID and the IDs it waits on ('🆔 abc123', '⛔ abc123,def456'), and what
# to do on completion ('🏁 delete'). A date mark without a date ('Deploy ✅') is a status of the author's, no field.
_TASK_FIELD_MARKS = "⏫🔼🔽🔺⏬📅📆🗓⏳🛫➕✅❌🔁🆔⛔🏁"
_TASK_FIELD_START = re.compile(rf"[ \t]+(?=[{_TASK_FIELD_MARKS}])")
_TASK_FIELDS = re.compile(
    r"(?:[ \t]+(?:"
    r"[⏫🔼🔽🔺⏬]\ufe0f?"
    r"|[📅📆🗓⏳🛫➕✅❌]\ufe0f?[ \t]*\d{4}-\d{2}-\d{2}"
    rf"|🔁\ufe0f?[ \t]*every\b[^{_TASK_FIELD_MARKS}]*?"
    r"|🆔[ \t]*(?:\\?[\w-])+"
    r"|⛔\ufe0f?[ \t]*(?:\\?[\w-])+(?:[ \t]*,[ \t]*(?:\\?[\w-])+)*"
    r"|🏁[ \t]*(?:delete|keep)"
    r"))+[ \t]*",
    re.IGNORECASE,
)
_TASK_FIELDS_MAX = 240  # characters: a priority, six dates, a recurrence and IDs fit in far fewer


def _task_fields_at(text: str) -> int | None:
    """Return where the Tasks plugin's fields that end a task's text start (see `_TASK_FIELDS`), or None when it
    ends in none or has no words before them. Only the line's last `_TASK_FIELDS_MAX` characters are looked at: the
    fields are short, and each look from an earlier blank would cost the length of all that follows it."""
    for start in _TASK_FIELD_START.finditer(text, max(0, len(text) - _TASK_FIELDS_MAX)):
        if _TASK_FIELDS.fullmatch(text, start.start()) is not None:
            at = start.start()
            return at if any(c.isalnum() for c in text[:at]) else None
    return None


# Coloured dots a tracker or a problem list marks its items with: a status ('🟡 Docker', '⭐ 🟢 Python') or a
# difficulty ('Group Anagrams 🟡'), no words of a title. A task's ID stays that of its text as written (`id_text`).
DOTS = "⚪⚫🔴🟠🟡🟢🔵🟣🟤🟥🟧🟨🟩🟦🟪🟫"  # and the coloured squares of a problem list's difficulty ('🟩 Two Sum')
# A rating is a run of two or more stars ('Git ⭐⭐⭐⭐⭐', '⭐⭐⭐☆☆ Docker', 'Mentoring ★★★☆☆'), no words of a title
# either; one star alone ('Docker ⭐', a pick) stays, but for one before a status dot.
_STARS = "⭐🌟★☆"
_TITLE_MARKS = DOTS + _STARS + "\ufe0f \t"  # what `_without_dots` may cut from either end of a title


def _without_dots(title: str) -> str:
    """Return a title without the coloured dots or the star rating that open or end it ('⭐ 🟡 Docker', 'Two Sum 🟢',
    'Git ⭐⭐⭐⭐☆' are 'Docker', 'Two Sum' and 'Git'); a title of marks alone keeps them."""
    if title[:1] not in _TITLE_MARKS and title[-1:] not in _TITLE_MARKS:  # most titles: neither end is a mark
        return title
    rest = title.lstrip(_TITLE_MARKS)
    if rest and _marks(title[: len(title) - len(rest)]):
        title = rest
    rest = title.rstrip(_TITLE_MARKS)
    if rest and _marks(title[len(rest) :]):
        title = rest
    return title


# A problem's difficulty after a bar that ends a task ('Two Sum | easy 🟢', 'Two Sum | 🔴 Hard'), with or without
# its coloured mark: how hard it is, no word of what to do. A task's ID stays that of its text as written (`id_text`).
_DIFFICULTY_AFTER = re.compile(
    rf"[ \t]*\|[ \t]*(?:[{DOTS}]\ufe0f?[ \t]*)?(?:easy|medium|hard)(?:[ \t]*[{DOTS}]\ufe0f?)?[ \t]*$", re.IGNORECASE
)


def _without_difficulty(title: str) -> str:
    """Return a task's title without the difficulty after a bar that ends it ('Two Sum | easy 🟢' is 'Two Sum'); a
    title of nothing else keeps it."""
    if "|" not in title:  # most titles
        return title
    found = _DIFFICULTY_AFTER.search(title, max(0, len(title) - 24))  # a difficulty is a few characters
    kept = title[: found.start()].rstrip() if found is not None else ""
    return kept if any(c.isalnum() for c in kept) else title


def _without_marks(title: str) -> str:
    """Return a bullet's or a task's title without the coloured dots, the rating (`_without_dots`) or the author's
    ticks ('4A - Watermelon ✔', 'Two Sum (LC #1) ✓': see `without_progress_marks`) at its ends."""
    return without_progress_marks(_without_dots(title))


def _without_lead_marks(plain: str, md: str) -> tuple[str, str]:
    """Return a bullet's clean text and markdown without the coloured dots or squares that open them ('🟩 [Two
    Sum](…)' is '[Two Sum](…)'), so that its title is read from what follows them: a link's text."""
    rest = plain.lstrip(_TITLE_MARKS)
    cut = plain[: len(plain) - len(rest)]
    if not cut or not rest or not _marks(cut) or not md.startswith(cut):
        return plain, md
    return rest, md[len(cut) :]


def _marks(cut: str) -> bool:
    """Return True when what `_without_dots` would cut from a title's end is marks, no word: a coloured dot, or a
    rating of two or more stars."""
    return any(c in DOTS for c in cut) or sum(c in _STARS for c in cut) >= 2


def _bare_tags(tags: str, md: str) -> bool:
    """Return True when any of a run of tags in a task's text is not written in a code span ('`#css`')."""
    return any(f"`{tag}`" not in md for tag in tags.split())


# The lines git leaves in a file whose merge it could not finish: '<<<<<<< HEAD', '=======', '>>>>>>> branch'.
_CONFLICT_OPEN, _CONFLICT_SPLIT, _CONFLICT_CLOSE = "<<<<<<<", "=======", ">>>>>>>"


def _first_version(body: str) -> tuple[str, int | None]:
    """Return the body as the first version of each unfinished git merge it holds ('<<<<<<< HEAD' … '=======' …
    '>>>>>>> main'): the other version's lines and the markers blanked (line numbers stay right), those in code
    blocks kept (a git lesson's example); and the line of the first marker (from the body's start, 0), else None."""
    if _CONFLICT_OPEN not in body:  # most files
        return body, None
    lines = body.split("\n")
    open_merges: list[bool] = []  # the merges open around a line: True while in a version that is not the first
    first = None
    for i, (line, in_code) in enumerate(zip(lines, code_lines(lines), strict=True)):
        marker = None if in_code else _conflict_marker(line, bool(open_merges))
        if marker is None:
            if any(open_merges):
                lines[i] = ""
            continue
        first = i if first is None else first
        if marker == _CONFLICT_OPEN:
            open_merges.append(False)
        elif marker == _CONFLICT_SPLIT:
            open_merges[-1] = True
        else:
            open_merges.pop()
        lines[i] = ""
    return "\n".join(lines), first


def _conflict_marker(line: str, in_merge: bool) -> str | None:
    """Return the git merge marker a line is, else None: '=======' and '>>>>>>>' only inside a merge ('=======' alone
    is also a title's underline)."""
    head, rest = line[:7], line[7:8]
    if rest not in ("", " ", "\r"):
        return None
    if head == _CONFLICT_OPEN or (in_merge and head == _CONFLICT_CLOSE):
        return head
    return _CONFLICT_SPLIT if in_merge and line.rstrip() == _CONFLICT_SPLIT else None


def _parse_body(
    body: str, first_line: int, problems: _Problems, facts: dict | None
) -> tuple[str, tuple[Phase, ...], tuple[ChecklistItem, ...], list[Section]]:
    """Read the markdown body into its title, phases, checklist and sections."""
    body, merge = _first_version(body)
    if merge is not None:
        problems.add(
            "warning",
            first_line + merge,
            "the file holds an unfinished git merge (a '<<<<<<<' line): read as its first version, up to each "
            "'=======' line; resolve the merge to choose otherwise",
        )
    base_url = facts.get("baseUrl") if facts else None
    # '{{ page.week }}' shows any field of the front-matter, those the bot does not use too
    page = {**facts["extra"], **facts} if facts else None
    blocks, links = read_blocks(body, first_line, base_url, page)
    if "|" in body:
        blocks = _tracker_tables(blocks)
    _relative_warning(links, problems)
    if links.templates:
        n = links.templates
        # '{{cloze …}}': a macro of Logseq's, whose macros have their name right after the braces
        logseq = _LOGSEQ_MACRO.match(links.first_template) is not None
        tools = "Logseq, Jekyll, Hugo or GitBook" if logseq else "Jekyll, Hugo or GitBook"
        problems.add(
            "warning",
            links.first_template_line,
            f"{n} template tag{'s are' if n > 1 else ' is'} shown as written (the first: '{links.first_template}'): "
            f"the bot does not run {tools}; write the text "
            f"{'they stand' if n > 1 else 'it stands'} for instead",
        )
    if links.unclosed_fence is not None:
        problems.add(
            "warning",
            links.unclosed_fence,
            "a ``` code block is never closed; everything after it is code (close it with a line of ```)",
        )
    for line in links.unread_tables:
        problems.add(
            "warning",
            line,
            "a Pandoc grid table whose cells span columns is shown as written: write it as a pipe table "
            "('| Topic | Hours |' over '|---|---|'), or export it with 'pandoc -t gfm'",
        )
    reader = _Body(problems)
    reader.joined = links.html_joined
    reader.details_ends = dict(links.details_ends)
    heading_blocks = [b for b in blocks if b[0] == "heading"]
    headings = [(b[4], b[3]) for b in heading_blocks]  # (level, plain) of a Block
    numbered_h1s = _numbered_h1s([text for level, text in headings if level == 1])
    struck = {i for i, b in enumerate(heading_blocks) if "~~" in b[2] and _struck_heading(b[2])}
    called_off = _called_off(heading_blocks, headings, struck) if struck else struck
    if called_off:  # '### ~~Session 5~~ — cancelled': a section, read as no phase of any kind
        reader.set_aside = frozenset(heading_blocks[i][1] for i in called_off)
        headings = [(level, "" if i in called_off else text) for i, (level, text) in enumerate(headings)]
    timed, durations = _timed_headings(blocks, headings)
    reader.said_days = {
        heading_blocks[i][1]: days
        for i, ((_, said), (_, text)) in enumerate(zip(timed, headings, strict=True))
        if said != text and (days := days_said(said[len(text) :])) is not None
    }
    # Each heading is read once, here: whether the file has phase headings at all decides how the others read.
    heading_phases = read_phase_headings(timed)
    respelt = respell_phases(timed, heading_phases)
    if respelt:
        lines = [b[1] for b in blocks if b[0] == "heading"]
        for i, typo in respelt.items():
            problems.add(
                "warning",
                lines[i],
                f"'{headings[i][1]}' is read as '{typo.meant} {typo.number}', taking '{typo.said}' for "
                f"'{typo.meant}': correct its spelling to silence this",
            )
    shared = _topics_sharing_weeks(headings, heading_phases) if any(heading_phases) else []
    if shared:  # '## 1. Arrays — Week 1', '## 2. Two Pointers — Week 1', '## 3. Sliding Window — Week 1-2': topics
        lines = [b[1] for b in blocks if b[0] == "heading"]
        reader.set_aside |= {lines[i] for i in shared}
        problems.plan_hint = (
            f"its headings {quoted_few([headings[i][1] for i in shared])} give their weeks, but they share weeks, "
            "so they are topics, not phases: for a weekly plan give each block of weeks a heading ('## Weeks 1-2: "
            "Arrays and pointers') over its topics"
        )
        heading_phases = [None] * len(heading_phases)
    if any(heading_phases) and series_before(timed, heading_phases):
        # '### Milestone 1: SQL (Weeks 1-3)' ... then '## Journal' over '#### Week 8 — Sat 22 Feb': the milestones
        # are the plan, the weeks its notes (no phases to hint at how to write)
        lines = [b[1] for b in blocks if b[0] == "heading"]
        reader.set_aside |= {line for line, f in zip(lines, heading_phases, strict=True) if f is not None}
        heading_phases = [None] * len(heading_phases)
    if any(heading_phases):
        heading_phases = list(heading_phases)
        cut = _later_plans(heading_blocks, heading_phases, reader, problems, blocks)
        if cut is not None:  # the first plan reads as it does in a file of its own: the later ones set no weeks
            alone = read_phase_headings([(level, "" if i >= cut else text) for i, (level, text) in enumerate(timed)])
            if sum(f is not None for f in alone[:cut]) >= sum(f is not None for f in heading_phases[:cut]):
                # a plan of one '### 1. HTML (Weeks 1-4)' reads as no phase alone: it keeps its reading in the file
                heading_phases = [*alone[:cut], *[None] * (len(alone) - cut)]
    if not any(heading_phases):
        # each heading read once, for all that follows; with the weeks its first lines give ('**Duration:** Weeks 1-3')
        series = [read_series_heading(text) for _, text in timed]
        reader.series = series_word(headings, series)  # 'Step 1', 'Step 2', 'Step 3': the file's phases
        if reader.series is not None and steps_of_one_section(headings, series, reader.series):
            reader.series = None  # the steps of one section's procedure in a long page of reference
        if reader.series is None and any(series):
            problems.plan_hint = _agenda_hint(headings, series)
        if reader.series is not None:  # '## 🏁 Capstone (week 12)' after them: the plan's last phase
            found = [s[1] if s is not None and s[0] == reader.series else None for s in series]
            # '## Step 1 · Shell (1-3 weeks)', '## Step 2 · Git (4-8 weeks)': weeks 1-3 and 4-8, as phases read them
            chained = chained_lengths(timed, found)
            _later_plans(heading_blocks, found, reader, problems, blocks)
            reader.series_phases = found
            heading_phases = list(heading_phases)
            for i, more in spans_after_phases(timed, found, chained).items():
                heading_phases[i] = more
        dated_series = _dated_series(headings, series, reader.series)
        if dated_series is not None:  # '## Sprint 1 (Jan 5 – Jan 16): Dart': the same, its dates its weeks
            heading_phases, reader.series = dated_series, None
            reader.week_parts = week_parts(dated_series)  # '### Lecture 2 (Sep 26)': a part of week 1's phase
        elif reader.series is None:
            reader.levels_at = level_series(headings)  # 'Beginner', 'Intermediate', 'Advanced': the same
        plain_file = reader.series is None and reader.levels_at is None and dated_series is None
        titled = titled_spans(timed) if plain_file else None
        if titled is not None:  # '### HTML and CSS (weeks 1-3)': a phase per such section
            heading_phases, plain_file = titled, False
        counted = day_count_phases(headings) if plain_file else None
        if counted is not None:  # '## 30 days: Learn', '## 60 days: Contribute': a phase per such section
            heading_phases, plain_file = counted, False
        dated = dated_phases(headings) if plain_file else None
        if dated is not None:  # '## Jan 6 – Jan 19: Swift': a phase per such section, in calendar order
            heading_phases, plain_file = dated, False
        # '## Day 1 | Linear regression' … '## Day 10': a phase per week; '## Soldering basics | Day 1': the same,
        # its day after its topic. Those headings hold the days' work: a table of the days above them is their index.
        by_days, made = _day_heading_plan(blocks) if plain_file else (None, frozenset())
        if by_days is None and plain_file:
            by_days, made = _day_heading_plan(blocks, day_after_topic)
        planned = _table_plan(blocks, _SourceLines(body, first_line)) if plain_file and by_days is None else None
        if planned is None and plain_file:
            planned, reader.made_weeks = by_days, made
            if planned is None:  # '- Day 1 - Wedging' … '- Day 10 - Glazing': the same
                planned, reader.made_weeks = _day_item_plan(blocks)
        if planned is not None:  # '| Week | Topic |': a phase per row
            blocks = planned
            headings = [(b[4], b[3]) for b in blocks if b[0] == "heading"]
            heading_phases = read_phase_headings(headings)
            durations = {}  # the table's rows are the headings here: the lines under the file's own stay its text
            rows = {b[1] for b in blocks if b[0] == "heading"}
            reader.goal_rows = frozenset(b[1] for b in blocks if b[0] == "line" and b[1] in rows)
        if planned is None and plain_file:
            list_plan, unread, topics, tasks_only, retold = _list_plan(blocks)
            if retold and list_plan:  # '* Week 1: Python' under '## Track B', after '* Week 1: HTML'
                _warn_weeks_again(heading_blocks, min(list_plan), retold[0], problems)
            # '## 1. Fundamentals' over '- NumPy arrays (weeks 2-3)': a phase per section, where the bullets are
            # no plan of their own (nor task items alone, which are that section's work)
            numbered = None if list_plan and not tasks_only else _numbered_sections(blocks, headings)
            if numbered is not None:
                heading_phases, plain_file, reader.bullet_weeks = numbered, False, True
            else:
                if tasks_only and _line_plan(blocks).lines:  # 'Week 1 :: HTML' lines: the plan, the tasks its work
                    list_plan = {}
                numbered = [(line, f.number, UNDER_HEADINGS) for line, f in list_plan.items() if f.number is not None]
                read = _plans_read(numbered, heading_blocks, list_plan, problems, blocks)
                if read is not None:  # '### Backend' over '- **Stage 1** (Weeks 1-6): …' after a first track
                    for line in read.later:
                        del list_plan[line]
                    for line, number in read.renumbered.items():
                        list_plan[line] = list_plan[line]._replace(number=number)
                    reader.renumbered = read.renumbered
                reader.list_plan = list_plan
                problems.plan_hint = problems.plan_hint or _list_hint(unread, topics)
                reader.tasks_only = tasks_only and bool(list_plan)
        if planned is None and plain_file and not reader.list_plan:
            lines = _line_plan(blocks)  # 'Week 1 :: HTML basics': a phase per such line
            reader.line_plan, reader.line_blocks = lines.lines, lines.blocks
            problems.plan_hint = problems.plan_hint or _line_hint(lines.unread) or _time_box_hint(blocks)
        if planned is None and plain_file and not reader.list_plan and not reader.line_plan:
            # '**Phase 1: HTML**' alone on a line under '## Frontend', then again under '## Backend'
            bold = _bold_phases(blocks)
            numbered = [(line, f.number, UNDER_HEADINGS) for line, f in bold.items() if f.number is not None]
            read = _plans_read(numbered, heading_blocks, bold, problems, blocks)
            if read is not None:
                reader.set_aside |= read.later
                reader.renumbered = read.renumbered
    if durations:  # a line that gave its phase its weeks is said by the phase's weeks: no text of it
        read = reader.series_phases if reader.series is not None else heading_phases
        taken = {line for i, line in durations.items() if heading_phases[i] is not None or read[i] is not None}
        blocks = [b for b in blocks if b[1] not in taken or b[0] == "heading"]
    # '## Week 1: Lab' after '## Week 1: Lecture', '## 4. Graphs — Week 3' after '## 3. Trees — Week 3'
    if not reader.week_parts and (in_parts := weeks_in_parts(headings, heading_phases)) is not None:
        reader.week_parts, heading_phases = True, in_parts
    # '## Phase 1 (Days 1-10)' over '**Groundwork**': the phase's title, no text of it
    reader.title_lines = _title_lines(blocks, reader.series_phases if reader.series is not None else heading_phases)
    if reader.title_lines:
        lines = {line for _, line in reader.title_lines.values()}
        blocks = [b for b in blocks if b[1] not in lines or b[0] == "heading"]
    reader.heading_phases = iter(heading_phases)
    if reader.series is None and reader.levels_at is None:
        reader.plan_end, reader.phase_levels = _plan_headings(headings, heading_phases)
    reader.footer_at = _footer_rule(blocks, links.last_rule)
    if links.kept_tags:
        reader.kept_tags = dict(links.kept_tags)
    reader.contents_rows = links.contents_rows
    reader.unit_rows = _unit_rows(blocks) if "|" in body else {}
    for line, shown, written in links.dashed:
        reader.dashed.setdefault(line, []).append((shown, written))
    if links.last_rule is not None and reader.footer_at is None:
        reader.closing_at = _closing_heading(blocks, heading_phases, links.last_rule)
    reader.ticks_as_tasks = not any(map(is_not, map(_TASK, blocks), repeat(None)))  # no block's task is set
    legend = reader.legend = _legend_marks(blocks) if reader.ticks_as_tasks else {}
    reader.crosses_as_tasks = reader.ticks_as_tasks and any(
        b[0] == "item" and (box := legend.get(b[2][:1], b[2][:1])) in BOXES and box not in CROSSES
        for b in blocks  # (kind, md) of a Block
    )
    if reader.ticks_as_tasks and any(b[0] == "item" and (b[2][:1] in MARKS or b[2][:1] in legend) for b in blocks):
        reader.picks = _picks(blocks, legend)
        reader.crosses_drop = _crosses_drop(blocks)
    for block in blocks:
        reader.add(block)
    if links.html_blocks and sum(b.kind != "code" for b in blocks) == links.html_shown:
        problems.add(
            "warning",
            first_line,
            f"the body is HTML ({links.html_blocks} block{'s' if links.html_blocks > 1 else ''}), which the bot "
            "does not read: write headings, lists and checklists in markdown",
        )
    too_deep: list[int] = []
    built: dict[int, tuple[Topic, ...]] = {}  # a heading's bullets are a phase's too: nest them once

    def topics_of(entries: list[list]) -> tuple[Topic, ...]:
        found = built.get(id(entries))
        if found is None:
            found = built[id(entries)] = _topics(entries, too_deep)
        return found

    months = facts["timelineMonths"] if facts else {}
    others = [(h.line, int(h.level), h.title) for h in reader.headings if not h.is_phase and h.level == int(h.level)]
    built_phases = _build_phases(reader.phases, problems, months, topics_of, others)
    parts_of = {(id(h.phase), h.title) for h in reader.headings if h.phase is not None and not h.is_phase}
    as_written = _clashing_plain_headings(reader.headings)
    checklist, named_groups = _build_checklist(
        reader.raw_items, problems, reader.nested, parts_of, reader.fields_shown, as_written
    )
    for heading in reader.headings:
        if (
            heading.level == 7
            and heading.title == INTRO_TITLE
            and any(h.title == INTRO_TITLE and h.level < 7 for h in reader.headings)
        ):  # the text before the first heading, in a file that has a heading of that name: named by its path
            heading.title = f"{facts['displayName'] if facts else 'Text'}: {INTRO_TITLE.lower()}"
    sections = _build_sections(reader.headings, checklist, topics_of, named_groups, reader.nested, as_written)
    if too_deep:
        problems.add(
            "warning",
            min(too_deep),
            f"{len(too_deep)} bullet{'s are' if len(too_deep) > 1 else ' is'} nested more than {MAX_TOPIC_DEPTH} "
            f"levels deep; {'they are' if len(too_deep) > 1 else 'it is'} kept {MAX_TOPIC_DEPTH} levels deep",
        )
    # '# Day 1', '# Day 2', '# Day 3': the file's H1s are its sections, the first no title of the file (as a title,
    # what it holds would be shown as the whole file's, and a deep-dive on it would show no text)
    return ("" if numbered_h1s else reader.title), built_phases, checklist, sections


# A heading that opens with a label word and its number ('Day 1', '📔 Day 2: Strings', 'Chapter 3 — Loops', 'No. #4').
_LABEL_NUMBER = re.compile(r"^[\W_]*([^\W\d_]+)\.?\s*(?:#\s*)?(\d{1,4})(?!\d)")


def _later_plans(
    heading_blocks: list[Block],
    found: list[PhaseHeading | None],
    reader: _Body,
    problems: _Problems,
    blocks: list[Block],
) -> int | None:
    """Keep the first of two or more plans of phase headings one file holds as its plan, the others as sections
    (see `_plans_read`). `found` (the phase each heading is, by heading) loses the later plans' phases, or has its
    phases numbered on where the plans are the parts of one.

    Returns the place (in `heading_blocks`) of the heading over the second plan where the later plans are set
    aside as tracks of their own, else None: the caller reads the first plan's headings again without them, as the
    whole-file passes of `read_phase_headings` (chained ranges, a capstone after the phases) read them together."""
    phases = {b.line: f for b, f in zip(heading_blocks, found, strict=True) if f is not None}
    numbered = [
        (b.line, f.number, b.level)
        for b, f in zip(heading_blocks, found, strict=True)
        if f is not None and f.number is not None
    ]
    read = _plans_read(numbered, heading_blocks, phases, problems, blocks)
    if read is None:
        return None
    for i, b in enumerate(heading_blocks):
        phase = found[i]
        if b.line in read.later:
            found[i] = None
        elif b.line in read.renumbered and phase is not None:
            found[i] = phase._replace(number=read.renumbered[b.line])
    reader.set_aside |= read.later  # no hint says how to write them as phases
    if read.second is None:
        return None
    return next(i for i, b in enumerate(heading_blocks) if b.line == read.second)


def _numbered_on(first: int, last: int) -> str:
    """Say which phases a plan in parts numbers on: 'Phase 3 to Phase 5', or 'as Phase 3' for one."""
    return f"Phase {first} to Phase {last}" if last > first else f"as Phase {first}"


class _PlansRead(NamedTuple):
    """How `_plans_read` reads a file's plans that each number their phases from 1 again."""

    later: frozenset[int]  # the lines of the phases kept as sections, no phases
    renumbered: dict[int, int]  # the number each phase of a plan in parts is read as, by line
    second: int | None  # the line of the heading over the second plan, where the later plans are tracks


def _plans_read(
    numbered: list[tuple[int, int, int]],
    heading_blocks: list[Block],
    phases: dict[int, PhaseHeading],
    problems: _Problems,
    blocks: list[Block],
) -> _PlansRead | None:
    """Read two or more plans one file holds one after the other, each numbering its phases from 1 again (see
    `_split_plans`; `phases`: each phase by line): None where there are none.

    Two such shapes are one plan, not several: a plan written in parts (see `_one_plan_in_parts`: '## Module 1'
    over '### Lesson 1', '### Lesson 2', then '## Module 2' over '### Lesson 1'; parts whose weeks go on), whose
    phases are numbered on, in file order, as if written so; and an overview of bare phases that the detailed plan
    repeats (see `_overview_plans`), where the plan is the one with something written under it (a learner's week
    shows that, not a title alone). Otherwise the first plan is the weekly plan, the others tracks kept as
    sections, with one warning that says how to follow them."""
    split = _split_plans(numbered, heading_blocks, phases)
    if split is None:
        return None
    plans, tracks, start = split
    spans = [[phases[numbered[at][0]] for at in plan] for plan in plans]
    told = _one_plan_in_parts(spans, tracks)
    if told is not None:
        lines = [numbered[at][0] for plan in plans for at in plan]
        if told == "weeks":  # 'Phase 1' again under '## Intermediate', in weeks 7-9: say what it is read as
            numbers = _numbered_on(start + len(plans[0]), start + len(lines) - 1)
            problems.add(
                "warning",
                tracks[1].line,
                f"the phases under {_named_heads(tracks[1:])} number from {start} again, but their weeks go on "
                f"from the ones before: read as one plan, numbered on ({numbers}); number them so to silence this",
            )
        return _PlansRead(frozenset(), dict(zip(lines, range(start, start + len(lines)), strict=True)), None)
    overview = _overview_plans(plans, numbered, phases, blocks)
    if overview:
        return _PlansRead(overview, {}, None)
    return _PlansRead(_warn_plans(plans, tracks, start, numbered, problems), {}, tracks[1].line)


def _one_plan_in_parts(spans: list[list[PhaseHeading]], tracks: list[Block]) -> str | None:
    """Return what tells that plans each numbering their phases from 1 again (`spans`: each plan's phases) are the parts
    of one plan: the headings over them (`tracks`) count on in one series word ('Module 1', 'Module 2'; 'Part 1',
    'Part 2'), or rise in skill level ('## Beginner', '## Intermediate') over phases that give no weeks, or every
    plan's first phase gives weeks that start after every week given before it (weeks 1-6 under '## Beginner',
    then 7-15 under '## Intermediate'). Tracks named by a number alone ('## 1. Frontend', '## 2. Python') are tracks
    side by side, as are parts whose weeks each start at 1 again (a timeline of each part's own, whatever the
    headings over them say). Returns "headings" (the headings over the parts order them) or "weeks"; None where
    the plans are several."""
    if all(f.first is None for plan in spans for f in plan):  # no weeks: the headings alone can tell
        titles = [[f.title.casefold() for f in plan] for plan in spans]
        if any(t == titles[0] for t in titles[1:]):  # 'Part 2' over the first part's 'Basics', 'Frameworks': a track
            return None
        if DEFAULT_PHASE_WEEKS * sum(map(len, spans)) > MAX_WEEKS:  # 27 units of 5 lessons: no plan of 540 weeks
            return None
        return "headings" if _counted_heads(tracks) or _rising_levels(tracks) else None
    if any(plan[0].first is None for plan in spans):
        return None
    end = max(f.last or f.first or 0 for f in spans[0])
    # every phase of a later part runs on, not its first alone: '### Phase 2: Portfolio (Weeks 1-10)' under
    # '## Intermediate' runs alongside the parts before, so the parts are plans of their own
    for f in (f for plan in spans[1:] for f in plan):
        if f.first is not None:
            if f.first <= end:
                return None
            end = f.last or f.first
    return "headings" if _counted_heads(tracks) else "weeks"


def _rising_levels(tracks: list[Block]) -> bool:
    """Return whether headings name skill levels, each higher than the one before ('Beginner', 'Intermediate')."""
    ranks = [read_level_heading(head.plain) for head in tracks]
    return all(r is not None for r in ranks) and all(
        a[0] < b[0] for a, b in pairwise(ranks) if a is not None and b is not None
    )


# A part named by a letter after its word ('Unit A: Foundations', 'Part B — Frameworks', 'Section C'): the letters
# count on as numbers do. Words that name alternatives ('Option A', 'Track B', 'Plan A') are not among them.
_LETTERED_PART = re.compile(
    r"[^\w]*(?P<word>unit|part|section|module|block|stage|level|semester|term|quarter|chapter|course|step|sprint)"
    r"\s+(?P<letter>(?-i:[A-Z]))(?![\w'’&.-])",
    re.IGNORECASE,
)


def _counted_heads(tracks: list[Block]) -> bool:
    """Return whether headings count on in one series word from their first ('Module 1', 'Module 2'; 'Unit A',
    'Unit B')."""
    letters = [_LETTERED_PART.match(head.plain) for head in tracks]
    if all(letters):
        words = {m.group("word").casefold() for m in letters if m is not None}
        codes = [ord(m.group("letter").upper()) for m in letters if m is not None]
        return len(words) == 1 and all(b == a + 1 for a, b in pairwise(codes))
    read = [read_series_heading(head.plain) for head in tracks]
    if any(r is None or r[1].number is None for r in read):
        return False
    words = {r[0] for r in read if r is not None}
    numbers = [r[1].number for r in read if r is not None]
    return len(words) == 1 and all(b == a + 1 for a, b in pairwise(numbers) if a is not None and b is not None)


def _overview_plans(
    plans: list[list[int]],
    numbered: list[tuple[int, int, int]],
    phases: dict[int, PhaseHeading],
    blocks: list[Block],
) -> frozenset[int]:
    """Return the lines of the phases of an overview the detailed plan repeats ('## At a glance' over bare '###
    Phase 1: HTML', '### Phase 2: CSS', then '## Detailed plan' over the same phases and their work): every plan
    (`plans`, by place in `numbered`; `phases`: each phase, by line) gives the same titles in order, or the same
    weeks (an overview says 'HTML', the plan 'HTML and semantics'), and only one of them has anything written
    under a phase (before the next phase or heading), which is the plan. Empty where the plans are no such
    overview and plan."""
    read = [[phases[numbered[at][0]] for at in plan] for plan in plans]
    said = [[f.title.casefold() for f in plan] for plan in read]
    weeks = [[(f.first, f.last) for f in plan] for plan in read]
    if any(t != said[0] for t in said) and (
        any(w != weeks[0] for w in weeks) or any(f.first is None for plan in read for f in plan)
    ):
        return frozenset()
    marks = {line: level for line, _, level in numbered}
    filled: set[int] = set()
    phase: int | None = None  # the phase line read last, until the next phase or a heading at its level or above
    for b in blocks:
        if b[1] in marks:
            phase = b[1]
        elif b[0] == "heading" and (phase is None or b[4] <= marks[phase]):
            phase = None
        elif phase is not None:  # its text, or a sub-heading ('#### Tasks') over its work
            filled.add(phase)
    with_text = [any(numbered[at][0] in filled for at in plan) for plan in plans]
    if with_text.count(True) != 1:
        return frozenset()
    kept = with_text.index(True)
    return frozenset(numbered[at][0] for k, plan in enumerate(plans) if k != kept for at in plan)


def _named_heads(heads: Sequence[Block]) -> str:
    """Name headings for a warning: "'Web' (line 14)", "'A' (line 3), 'B' (line 9) and 'C' (line 20)"."""
    named = [f"'{head.plain}' (line {head.line})" for head in heads]
    return f"{', '.join(named[:-1])} and {named[-1]}" if len(named) > 1 else named[0]


def _warn_weeks_again(heading_blocks: list[Block], first: int, again_at: int, problems: _Problems) -> None:
    """Warn that a second list of weeks, counted from week 1 again under a heading of its own (`again_at`: its first
    item's line), is kept as text; `first`: the plan's first item's line."""
    over = [head for head in heading_blocks if head.line < again_at]
    first_over = [head for head in heading_blocks if head.line < first]
    tracks = [*first_over[-1:], *over[-1:]] if first_over and over and first_over[-1] is not over[-1] else []
    where = (
        f"the first, under {_named_heads(tracks[:1])}, is the weekly plan; the one under {_named_heads(tracks[1:])} is "
        if tracks
        else "the first is the weekly plan; the other is "
    )
    problems.add(
        "warning",
        again_at,
        f"this file holds two lists of weeks, each counting from week 1: {where}kept as text "
        "(searchable, not in the weekly plan): to follow it week by week, put it in a role file of its own",
    )


def _warn_plans(
    plans: list[list[int]],
    tracks: list[Block],
    start: int,
    numbered: list[tuple[int, int, int]],
    problems: _Problems,
) -> frozenset[int]:
    """Warn once that the first plan is the weekly plan and the others sections; return the others' lines."""
    problems.add(
        "warning",
        tracks[1].line,
        f"this file holds {len(plans)} plans, each numbering its phases from {start}: the first, "
        f"{_named_heads(tracks[:1])}, is the weekly plan; {_named_heads(tracks[1:])} "
        f"{'are' if len(tracks) > 2 else 'is'} kept as sections (searchable, not in the weekly plan): to follow one "
        "week by week, put it in a role file of its own",
    )
    return frozenset(numbered[at][0] for plan in plans[1:] for at in plan)


UNDER_HEADINGS = 7  # the level of a phase read from a list item or a bold line: under any heading, of any level


def _split_plans(
    numbered: list[tuple[int, int, int]],
    heading_blocks: list[Block],
    phase_lines: Iterable[int],
) -> tuple[list[list[int]], list[Block], int] | None:
    """Return the plans a file holds one after the other, each numbering its phases from 1 again (each plan's
    phases, by their place in `numbered`), the heading each is under, and the number they start at; None where
    there are none.

    Notes often hold a plan per track ('## 1. Frontend' over '### Phase 1: HTML' and '### Phase 2: CSS', then '## 2.
    Python' over '### Phase 1: Basics'; '### Backend' over '- **Stage 1** (Weeks 1-6): …'). Read as one plan their
    phases are out of order, an error that would leave the whole file out; a learner follows one track at a time,
    so the first is walked week by week and the others stay searchable sections. `numbered`: (line, number, level)
    of each numbered phase, a heading's level, or `UNDER_HEADINGS` for a list item or a bold line. Only where
    each plan is under a heading of its own (no phase: `phase_lines`), those headings at one level, the phases at
    one level, each plan counting from the number the first starts at (1, or 0): 'Phase 2' then 'Phase 1' under one
    heading stays out of order."""
    if len(numbered) < 2:  # most files
        return None
    plans: list[list[int]] = []  # each plan's phases, by their place in `numbered`
    for at, (_, number, _) in enumerate(numbered):
        if not plans or number <= numbered[plans[-1][-1]][1]:  # counted from the start again: another plan
            plans.append([at])
        else:
            plans[-1].append(at)
    start = numbered[0][1]
    levels = {level for _, _, level in numbered}
    if len(plans) < 2 or len(levels) != 1 or start > 1 or any(numbered[plan[0]][1] != start for plan in plans):
        return None
    level = levels.pop()
    skip = set(phase_lines)
    tracks = next(
        filter(None, (_track_heads(plans, numbered, heading_blocks, at, skip) for at in range(level - 1, 0, -1))), None
    )
    if tracks is None:
        return None
    return plans, tracks, start


def _track_heads(
    plans: list[list[int]],
    numbered: list[tuple[int, int, int]],
    heading_blocks: list[Block],
    level: int,
    skip: set[int],
) -> list[Block] | None:
    """Return the heading each plan (its phases, by their place in `numbered`) is under, the nearest above it at
    `level` or higher ('# Node.js Roadmap' over '### Phases' over its list); None unless each plan has one of its
    own, the same for all its phases, none of them a phase (`skip`), all at one level."""
    above = [b for b in heading_blocks if b.level <= level]

    starts = [b.line for b in above]  # in file order

    def over(line: int) -> Block | None:  # the heading a phase is under: the last one above its line
        at = bisect_left(starts, line)
        return above[at - 1] if at else None

    heads = [over(numbered[plan[0]][0]) for plan in plans]
    tracks = [head for head in heads if head is not None and head.line not in skip]
    if len(tracks) != len(heads) or len({head.line for head in tracks}) != len(tracks):
        return None
    if len({head.level for head in tracks}) != 1:
        return None
    if any(over(numbered[at][0]) is not head for plan, head in zip(plans, tracks, strict=True) for at in plan):
        return None  # a plan's phases under two headings: no plan per heading
    return tracks


def _numbered_h1s(h1s: Sequence[str]) -> bool:
    """Return whether a file's first H1 opens a series of H1s ('# Day 1' before '# Day 2'): a later one has the
    same label word and the next number, or two later ones have that word and other numbers. Such a file has no H1
    of its own name: its H1s are its parts. ('# Python 3 Roadmap' before '# Python 2 to 3 notes' is a title and a
    note.)"""
    first = _LABEL_NUMBER.match(h1s[0]) if len(h1s) > 1 else None
    if first is None:
        return False
    word, number = first.group(1).casefold(), int(first.group(2))
    others = {
        int(found.group(2))
        for found in map(_LABEL_NUMBER.match, h1s[1:])
        if found is not None and found.group(1).casefold() == word
    }
    # the next number ('# Day 1', '# Day 2'), or two others (a log written newest first: '# Day 3', '# Day 2', '# Day
    # 1'; a series that skips: '# Week 1', '# Week 3', '# Week 5')
    return number + 1 in others or len(others - {number}) >= 2


DURATION_LINES = 3  # how many blocks under a heading may give its weeks or length ('**Duration:** 2 weeks')


def _dated_series(
    headings: list[tuple[int, str]], series: list[tuple[str, PhaseHeading] | None], word: str | None
) -> list[PhaseHeading | None] | None:
    """Return the phases of a series of headings (`word`: 'sprint'; `series`: each heading as
    `read_series_heading` reads it) that give the dates they run ('## Sprint 1 (Jan 5 – Jan 16): Dart'), weeks
    counted from the first date as `dated_phases` counts them; None when the dated headings are not that series'."""
    if word is None:
        return None
    dated = dated_phases(headings)
    if dated is None:
        return None
    for read, found in zip(series, dated, strict=True):
        if found is not None and (read is None or read[0] != word):
            return None
    return dated


def _numbered_sections(blocks: list[Block], headings: list[tuple[int, str]]) -> list[PhaseHeading | None] | None:
    """Return the phases of numbered sections whose bullets give the weeks ('## 1. Fundamentals' over '- NumPy
    arrays (weeks 2-3)' and '- Linear regression — week 10'), by heading: each runs from the first week its
    bullets name to the last, its bullets its topics; one whose bullets name no week is planned, but for those after
    the last one they date, which are no phases ('## 5. FAQ'). None unless the
    file numbers two or more sections at one level in order (1, 2, 3), two or more of which have such bullets,
    each section's weeks after those of the one before: then the bullets are topics of the sections they are in.
    Only tried where the bullets are no plan of their own (`_list_plan`) and no table is (`_table_plan`)."""
    numbered = {i: found for i, (_, text) in enumerate(headings) if (found := outline_heading(text)) is not None}
    if len(numbered) < 2:  # most files
        return None
    levels = Counter(headings[i][0] for i in numbered)
    level = min((lv for lv, n in levels.items() if n >= 2), default=None)
    series = [i for i in numbered if headings[i][0] == level]
    if any(numbered[b][0] != numbered[a][0] + 1 for a, b in pairwise(series)):
        return None
    weeks: dict[int, list[tuple[int, int]]] = {}
    at, index = None, -1  # the series heading whose section the blocks are in, and the current heading
    for b in blocks:
        # A Block's fields: kind, line, md, plain, level, depth, task, label, rest, anchor only, ..., quote
        if b[0] == "heading":
            index += 1
            if index in numbered and headings[index][0] == level:
                at = index
            elif at is not None and b[4] <= headings[at][0]:
                at = None
        elif at is not None and b[0] == "item" and not b[5] and b[6] is None and not b[12]:
            given = item_weeks(b[3])
            if given is not None:
                weeks.setdefault(at, []).append(given)
    if len(weeks) < 2:
        return None
    spans = {i: (min(a for a, _ in given), max(z for _, z in given)) for i, given in weeks.items()}
    if any(spans[a][1] >= spans[b][0] for a, b in pairwise(sorted(spans))):
        return None
    found: list[PhaseHeading | None] = [None] * len(headings)
    last_dated = max(spans)
    for i in series:
        if i > last_dated:  # after the last section its bullets date: the plan's end ('## 5. FAQ', '## 6. Resources')
            break
        first, last = spans.get(i, (None, None))
        number, title = numbered[i]
        found[i] = PhaseHeading(number, first, last, title, "week" if first is not None else "")
    return found


TITLE_LINE_WORDS = 6  # the most words a plain line under an untitled phase heading that titles it has


def _title_lines(blocks: list[Block], found: Sequence[PhaseHeading | None]) -> dict[int, tuple[str, int]]:
    """Return the titles the lines right under phase headings that give no title give their phases ('## Phase 1
    (Days 1-10)' over '**Groundwork**'), with those lines, by the heading's line: where two or more phase headings
    give none and each has one such line first, each its own (not '**Topics**' under each). A title line is bold
    alone, or a few words without a sentence's end ('Groundwork'), and gives no weeks, date, length or weekday; a
    sentence stays the phase's objective."""
    if sum(f is not None and not f.title for f in found) < 2:  # most files: their phases are titled
        return {}
    heads = [b for b in blocks if b[0] == "heading"]
    if len(heads) != len(found):
        return {}
    untitled = {
        b[1]
        for b, f, inside in zip(heads, found, _in_phases(heads, found), strict=True)
        if f is not None and not f.title and not inside
    }
    titles: dict[int, tuple[str, int]] = {}
    for b, after in pairwise(blocks):
        if b[1] not in untitled or b[0] != "heading":
            continue
        # A Block's fields: kind, line, md, plain, level, depth, task, label, rest_md, anchor_only, in_item_heading,
        # cells, quote
        if after[0] != "line" or after[5] or after[12] != b[12]:
            return {}
        text = after[3].strip()
        bold = after[7] == text and not after[8] and not text.endswith(":")
        plain = (
            after[2] in (text, f"*{text}*", f"_{text}_")  # as written, or in italics
            and len(text.split()) <= TITLE_LINE_WORDS
            and text[-1:] not in ".!?;:。！？"
            and ":" not in text
        )
        if not (bold or plain) or read_phase_heading(text) is not None or span_line(text) or dated_line(text):
            return {}
        if _only_facts(text) or only_day(text):  # '~8 hours', '2 weeks', 'Monday': when or how long, no title
            return {}
        titles[b[1]] = (text, after[1])
    names = [title for title, _ in titles.values()]
    return titles if len(titles) == len(untitled) and len(set(names)) == len(names) else {}


def _in_phases(heads: Sequence[Block], found: Sequence[PhaseHeading | None]) -> list[bool]:
    """Return, for each heading, whether it is written under a phase heading of a higher level ('#### Week 1:' under
    '## Weeks 1-2: Data Structures'): a part of that phase, whose bold line after it ('**Arrays (10 problems)**')
    names a group of its work, no title of a phase."""
    inside: list[bool] = []
    open_levels: list[tuple[int, bool]] = []  # the headings still open: (level, a phase heading)
    for b, f in zip(heads, found, strict=True):
        while open_levels and open_levels[-1][0] >= b[4]:
            open_levels.pop()
        inside.append(any(phase for _, phase in open_levels))
        open_levels.append((b[4], f is not None))
    return inside


def _agenda_hint(headings: list[tuple[int, str]], series: list[tuple[str, PhaseHeading] | None]) -> str | None:
    """Return why a file whose series headings give times of day ('Block 1: Deep work (9:00-11:00)') has no phases:
    they are a day's agenda (see `series_word`); None for any other file."""
    clocked = [text for (_, text), read in zip(headings, series, strict=True) if read is not None and time_of_day(text)]
    if len(clocked) < 2:
        return None
    return (
        f"its headings {quoted_few(clocked)} give times of day, so they are a day's agenda, read as sections; for a "
        "weekly plan give each part its weeks ('## Block 1: Deep work (Weeks 1-2)')"
    )


def _bold_spans_after(blocks: list[Block], start: int, end: int) -> bool:
    """Return True when a bold line that gives a span is among `blocks[start:end]` (up to the next heading)."""
    return any(
        b[0] == "line" and b[2].startswith("**") and read_span_line(b[2], b[3]) is not None for b in blocks[start:end]
    )


def _timed_headings(
    blocks: list[Block], headings: list[tuple[int, str]]
) -> tuple[list[tuple[int, str]], dict[int, int]]:
    """Return the headings as phases are read from them: one without weeks or a length whose first lines give them
    ('## Fase 4: Estatística' over '**Duração:** Semanas 8 até 10', '## 1. Getting Started' over 'Duration: 2
    weeks') with them after its text, in brackets, as if its heading gave them; and the line that gave them, by the
    heading's index."""
    durations: dict[int, tuple[int, str]] = {}
    periods: dict[int, tuple[int, int]] = {}  # the bare ranges after a period label ('周期：2-3'), in order
    kept: set[int] = set()  # the headings whose line that gave them is also text of theirs
    at = [i for i, block in enumerate(blocks) if block[0] == "heading"]
    ends = [*at[1:], len(blocks)] if at else []  # where the lines under each heading end
    for index, (start, end) in enumerate(zip(at, ends, strict=True)):
        first_lines = blocks[start + 1 : min(end, start + 1 + DURATION_LINES)]
        for place, block in enumerate(first_lines, start + 1):  # the first lines under it
            kind = block[0]
            if block[5] or kind not in ("line", "item") or (kind == "item" and block[6] is not None):  # a task
                continue
            said = read_duration(block[3], labelled_only=kind == "item")
            if said is None and kind == "line":
                said = read_span_line(block[2], block[3])
                if said is not None and block[2].startswith("**") and _bold_spans_after(blocks, place + 1, end):
                    break  # '**Weeks 1-2 · 10 h/week**' then '**Weeks 3-4 · 10 h/week**': the phase's parts
            if said is None and kind == "line" and (said := _objective_span(block[3])) is not None:
                kept.add(index)  # '**Goal (Weeks 1-3):** …': the phase's objective still
            if said is not None:
                durations[index] = (block[1], said)
                if (period := period_range(block[3])) is not None:
                    periods[index] = period
                break
    if not durations:
        return headings, {}
    if periods and period_lengths(list(periods.values())):  # '周期：2-3' then '周期：3-4': lengths, as '2-3周' is
        for i, (first, last) in periods.items():
            durations[i] = (durations[i][0], f"{first}-{last}周")
    timed = list(headings)
    lines: dict[int, int] = {}
    for i, (line, said) in durations.items():
        level, text = headings[i]
        found = read_phase_heading(text)
        if found is None and (series := read_series_heading(text)) is not None:  # 'Module 2: SQL (Weeks 2-3)'
            found = series[1]
        if found is None or (found.first is None and found.length is None):
            timed[i] = (level, f"{text} ({said})")
            if i not in kept:
                lines[i] = line
    return timed, lines


# An objective's label with the phase's weeks in brackets after it ('Goal (Weeks 1-3): …', 'Objective [2 weeks]:')
_SPANNED_LABEL = re.compile(r"(?P<label>[^()\[\]:：]{1,30}?)\s*[(\[](?P<span>[^()\[\]]{1,40})[)\]]\s*$")


def _spanned_objective(label: str) -> str | None:
    """Return the span or length an objective's label gives in brackets after its words ('Goal (Weeks 1-3)' gives
    'Weeks 1-3'), else None."""
    found = _SPANNED_LABEL.fullmatch(label) if _DIGIT.search(label) is not None else None
    if found is None or _without_leading_marks(found.group("label")).casefold() not in OBJECTIVE_LABELS:
        return None
    return read_duration(f"({found.group('span').strip()})")


def _objective_span(text: str) -> str | None:
    """Return the span or length a line that opens with an objective's label gives in brackets after the label
    ('Goal (Weeks 1-3): Be able to …' gives 'Weeks 1-3'), else None: the weeks of the phase it opens."""
    label, colon, _ = text.partition(":")
    if not colon:
        label, colon, _ = text.partition("：")
    return _spanned_objective(label.strip()) if colon else None


def _plan_headings(
    headings: list[tuple[int, str]], found: list[PhaseHeading | None]
) -> tuple[int | None, frozenset[float]]:
    """Return how many headings there are up to the last phase heading of the file's kind (that of its first), and
    the levels of those phase headings; (None, empty) in a file without phase headings."""
    kinds = [(i, level, _kind(f)) for i, ((level, _), f) in enumerate(zip(headings, found, strict=True)) if f]
    if not kinds:
        return None, frozenset()
    kind = kinds[0][2]
    ours = [(i, level) for i, level, k in kinds if k == kind]
    return ours[-1][0] + 1, frozenset(level for _, level in ours)


def _footer_rule(blocks: list[Block], last_rule: int | None) -> int | None:
    """Return the line of the file's last thematic break when only a few lines of prose follow it, outside lists and
    quotes: a footer ('---' then 'Created with Notion', 'Happy learning!'), no part of the phase it follows."""
    if last_rule is None:
        return None
    after = 0
    for block in reversed(blocks):
        if block.line < last_rule:
            break
        if block.kind != "line" or block.depth or block.quote or after == FOOTER_LINES:
            return None
        after += 1
    return last_rule if after else None


def _closing_heading(blocks: list[Block], found: list[PhaseHeading | None], last_rule: int) -> int | None:
    """Return the line of a heading that closes a file's plan after its last thematic break: right after the rule,
    deeper than the last phase heading, in a last phase with no sub-heading before the rule ('## Day 91-100:
    Capstone', its tasks, '---', '### Links I keep coming back to'); else None. A phase whose parts are headings
    keeps a part after a rule ('### Week 9', '---', '### Week 10'). Where bold lines or list items open the phases
    (`**Week 12 — Capstone**`), the heading right after the rule, which closes a last phase that has no heading of
    its own (see `_Body.add`)."""
    heads = [b for b in blocks if b[0] == "heading"]  # in the order of `found`
    last = max((i for i, f in enumerate(found) if f is not None), default=None)
    if last is None:  # phases that bold lines or list items open, if any: a heading right after the rule
        first = next((b for b in blocks if b[1] > last_rule), None)
        return first[1] if first is not None and first[0] == "heading" else None
    if len(found) != len(heads) or heads[last][1] > last_rule:
        return None
    after = next((i for i in range(last + 1, len(heads)) if heads[i][1] > last_rule), None)
    if after is None or after != last + 1 or found[after] is not None or heads[after][4] <= heads[last][4]:
        return None
    first = next(b for b in blocks if b[1] > last_rule)
    return first[1] if first is heads[after] else None


def _picks(blocks: list[Block], legend: dict[str, str]) -> frozenset[int]:
    """Return the lines of the ticks and crosses in lists where some items have no mark: a roadmap's '✔️ Go —
    Recommended' beside '- Java' picks Go among the languages; a checklist of emoji marks every item, its legend's
    own marks too (`legend`, see `_legend_marks`)."""
    lists: dict[tuple[int, int, int], list[tuple[int, str]]] = {}  # (run, parent item, depth) -> (line, mark)
    run = 0
    last_at: list[int] = []  # the index of the latest item at each depth
    for i, b in enumerate(blocks):
        # A Block's fields: kind, line, md, plain, level, depth, task, ...
        if b[0] != "item":
            if not b[5]:  # a heading, or a paragraph, table or code block outside any list: a new list starts
                run, last_at = run + 1, []
            continue
        depth = b[5]
        del last_at[depth:]
        parent = last_at[depth - 1] if 0 < depth <= len(last_at) else -1
        last_at.extend([-1] * (depth - len(last_at)))
        last_at.append(i)
        mark = b[2][:1]
        lists.setdefault((run, parent, depth), []).append((b[1], legend.get(mark, mark) if b[6] is None else "☐"))
    return frozenset(
        line
        for items in lists.values()
        if any(mark not in STATUS for _, mark in items)
        for line, mark in items
        if mark in MARKS
    )


def _crosses_drop(blocks: list[Block]) -> bool:
    """Return True when a file that opens items with crosses says in a line of its text that a cross drops an item
    ('**Legend:** ✅ done · ❌ dropped')."""
    return any(b[0] == "item" and b[2][:1] in CROSSES for b in blocks) and any(
        b[0] == "line" and _CROSS_DROPS.search(b[3]) is not None for b in blocks
    )


def _struck(md: str) -> bool:
    """Return True for an item's markdown whose words, after its mark, open struck through ('❌ ~~Azure AZ-900~~ —
    one cloud at a time')."""
    return md[1:].lstrip("\ufe0f ").startswith("~~")


def _struck_heading(md: str) -> bool:
    """Return True for a heading's markdown whose words open struck through, after its emoji ('~~📅 Session 5~~ —
    cancelled', '📅 ~~Week 2: Docker~~ (skipped)', '~~Week 1: HTML basics~~ ✅'): a part of the plan called off, or
    one a tracker strikes as done (see `_called_off`)."""
    at = md.find("~~")
    return not any(c.isalnum() for c in md[:at]) and md.find("~~", at + 3) > at


# Words that call a struck-through part of a plan off ('~~Session 5~~ — cancelled', '~~Week 2~~ (skipped)').
_CALLED_OFF = re.compile(
    r"\b(?:cancell?ed|called off|postponed|skipped|dropped|abgesagt|entf[äa]llt|ausgefallen|cancelad[oa]|"
    r"annul[ée]e?|annullat[oa]|pospuest[oa]|rinviat[oa]|adiad[oa])\b",
    re.IGNORECASE,
)


def _heading_numbers(level: int, text: str) -> set[tuple]:
    """Return what numbers a heading among the others of its series, at its level: its phase number, its span
    ('week', 2, 2 for 'Week 2: Docker') and its series number ('session', 5 for 'Session 5')."""
    found = read_phase_heading(text)
    keys: set[tuple] = set()
    if found is not None:
        keys.add((level, "phase", found.number) if found.number is not None else (level, found.unit, found.first))
    series = read_series_heading(text)
    if series is not None and series[1].number is not None:
        keys.add((level, series[0], series[1].number))
    return keys


def _called_off(heading_blocks: list[Block], headings: list[tuple[int, str]], struck: set[int]) -> set[int]:
    """Return which struck-through headings (`struck`, by index) are parts of the plan called off, no phase: those
    that say so ('~~Week 2: Docker~~ (skipped)') and those whose number another heading of their series at their
    level has ('~~Session 5~~' before the 'Session 5' held a week later). A tracker strikes the weeks it has done ('##
    ~~Week 1: HTML basics~~ ✅'): those stay its phases."""
    off = {i for i in struck if _CALLED_OFF.search(heading_blocks[i][2]) is not None}
    rest = {i: keys for i in struck - off if (keys := _heading_numbers(*headings[i]))}
    if rest:
        numbered = {key for j, heading in enumerate(headings) if j not in struck for key in _heading_numbers(*heading)}
        off |= {i for i, keys in rest.items() if keys & numbered}
    return off


def _marked_label(md: str) -> tuple[str, str] | None:
    """Return the label and the rest of a line that opens with emoji and then bold text ('📝 **Common mistakes:**'
    is '📝 Common mistakes:' and ''), else None."""
    found = _MARKED_LABEL.match(md) if md[:1] not in "*\\" and "**" in md else None
    if found is None or not all(unicodedata.category(c) in _EMOJI_PARTS for c in found.group(1)):
        return None
    words = _UNESCAPE.sub(r"\1", found.group(2)).strip()
    return f"{found.group(1)} {words}", found.group(3).strip()


def _without_trailing_emoji(text: str) -> str:
    """Return `text` without the emoji that end it ('NumPy — week 2 🧪' is 'NumPy — week 2')."""
    end = len(text)
    while end and (text[end - 1].isspace() or unicodedata.category(text[end - 1]) in _EMOJI_PARTS):
        end -= 1
    return text[:end]


# The statuses `status_alone` reads that name the work left to do: a label of them ('**To do:**', '**À faire :**')
# is the list of a part's tasks, a group of its own (see `generic_group`).
_TO_DO_LABEL = re.compile(
    r"to[\s-]*do|todo|[àa]\s+faire|da\s+fare|pending|pendiente|pendente|upcoming|offen", re.IGNORECASE
)


def _status_label(label: str) -> bool:
    """Return True for a bold label that says the author's progress and nothing else ('Done', 'In progress', '✅
    Completed'): no name of the work under it."""
    return status_alone(label) and _TO_DO_LABEL.search(label) is None


def _groups_tasks(label: _Sub) -> bool:
    """Return True when the tasks read now are grouped under a bold label: one alone on its line, or right above its
    list, until a blank line ends the bullets under it (see `_Body._item`)."""
    return not label.done and (not label.own or label.first_item == label.line + 1)


def _plan_item(plain: str, found: PhaseHeading) -> bool:
    """Return True for a list item that can be a phase of a list plan: not a quarter ('Q1: ...' may ask) nor a
    number and a length alone ('2. Functions (1 week)' numbers the parts of something)."""
    return found.unit != "quarter" and not outline_numbered(plain)


def _list_plan(blocks: list[Block]) -> tuple[dict[int, PhaseHeading], list[str], bool, bool, list[int]]:
    """Return the phases of a file whose plan is a list, by the line of their item, the clean text of the
    top-level items that read like phases but are none (for `_list_hint`), whether those are topics that give
    their weeks (see below), whether the plan is one of task items alone (see `_task_plan`), and the lines of a
    second plan of weeks kept as text (see `_other_weeks`).

    The plan is the top-level list items (not quoted, not a table of contents) that read as phases of
    one kind, two or more, each item a phase and its nested bullets its topics: those that say so ('1. Phase 1:
    HTML (Weeks 1-4)', wherever they are), else those of lists holding two or more items that read as phases,
    by a phase word or by their weeks after their title ('1. **HTML (Weeks 1-4)**', `read_titled_item`): one
    such item alone is some list's timed entry. A list whose items give a week again, or an earlier one ('- Python
    syntax (week 1)', '- Jupyter notebooks (week 1)'), is topics that say when to study them, as a table that gives a
    week several rows is (`_table_plan`): then no list of the file is its plan. Task items are read apart: those
    that read as phases join a plan, or are one, as `_task_plan` says."""
    said: dict[int, PhaseHeading] = {}  # 'Phase 1: HTML (Weeks 1-4)'
    runs: list[dict[int, PhaseHeading]] = [{}]  # each list's items that read as phases, either way
    boxed: list[dict[int, PhaseHeading]] = [{}]  # each list's task items that read as phases (see `_task_plan`)
    tops: list[list[int]] = [[]]  # the lines of each list's top-level items
    any_boxed = False
    texts: dict[int, str] = {}
    items_of: list[dict[int, str]] = [{}]  # each list's top-level items, by line, for `_time_box_plan`
    for b in blocks:
        # A Block's fields: kind, line, md, plain, level, depth, task, label, rest, anchor only, ..., quote, number
        if b[0] != "item":
            if not b[5] and items_of[-1]:
                items_of.append({})
            if not b[5] and (runs[-1] or boxed[-1]):  # a heading, or a paragraph, table or code block outside any
                runs.append({})  # list: a new list
                boxed.append({})
                tops.append([])
            elif not b[5]:
                tops[-1] = []
            continue
        if b[5] or b[9] or b[12]:
            continue
        tops[-1].append(b[1])
        items_of[-1][b[1]] = b[3] if b[6] is None else ""
        if b[6] is not None:
            if may_name_weeks(b[3]) and (found := _task_phase(b)) is not None:  # most tasks: one quick look
                boxed[-1][b[1]] = found
                any_boxed = True
            continue
        found = read_phase_heading(b[3])
        if found is not None and _plan_item(b[3], found):
            said[b[1]] = runs[-1][b[1]] = found
        elif (found is None or outline_numbered(b[3])) and (titled := read_titled_item(b[3], b[13])) is not None:
            runs[-1][b[1]] = titled
        else:
            continue
        texts[b[1]] = b[3]
    lists, runs = runs, [run for run in runs if len(run) >= 2]
    topics = not _one_kind(said) and any(not _steps_on(run) for run in runs)
    plan = said if _one_kind(said) else {} if topics else {line: f for run in runs for line, f in run.items()}
    if not _one_kind(plan):
        plan = {}
    retold: list[int] = []
    if len(plan) > 2:  # '* [Week 1](practice/week-1.md)' under '## Practice', after the lessons' weeks: no phase
        lines = sorted(plan)
        again: list[PhaseHeading | None] = [plan[line] for line in lines]
        weeks_again(again)
        retold = _other_weeks(plan, [line for line, f in zip(lines, again, strict=True) if f is None])
        plan = {line: f for line, f in zip(lines, again, strict=True) if f is not None}
    if not plan and not topics and not said:
        plan = _time_box_plan(items_of)
    tasks_only = False
    if any_boxed and not topics:  # a file with task items that read as phases, and no list of topics that give weeks
        with_tasks = _task_plan(plan, lists, boxed, tops)
        # '**Weeks 1-4: Basics**' alone on a line opens a phase (see `_Body.add`): its week tasks are its work
        if with_tasks is not plan and (plan or not _bold_phase_line(blocks)):
            plan, tasks_only = with_tasks, not plan
    return plan, [text for line, text in texts.items() if line not in plan], topics, tasks_only, retold


def _time_box_plan(lists: list[dict[int, str]]) -> dict[int, PhaseHeading]:
    """Return the phases of the lists of three or more top-level items that each end with their length and nothing
    else ('* Data ingestion (1 week)', '1. Go fundamentals [3w]'), each item a phase of that length and its nested
    bullets its topics, in the file's order (a list under '## Strings', then one under '## Keys'); {} when no list
    is one."""
    plan: dict[int, PhaseHeading] = {}
    for items in lists:
        if len(items) < 3:
            continue
        boxes: dict[int, PhaseHeading] = {}
        for line, text in items.items():
            box = time_box(text) if text else None
            if box is None or box[0] != text or not box[1]:
                break
            boxes[line] = PhaseHeading(None, None, None, box[1], "", box[2])
        else:
            plan.update(boxes)
    return plan


def _other_weeks(plan: dict[int, PhaseHeading], again: list[int]) -> list[int]:
    """Return the lines of the week items counted from the plan's first week again (`again`) that give other titles
    than the plan's own weeks ('* Week 1: Python' under '## Track B', after '* Week 1: HTML'): a second plan, not a
    table of contents listing the lessons' weeks again."""
    again_at = set(again)
    titles = {f.first: f.title.casefold() for line, f in plan.items() if line not in again_at}
    other = [line for line in again if plan[line].title and plan[line].title.casefold() != titles.get(plan[line].first)]
    return other if len(other) > 1 else []  # one week's practice ('* Week 1: Greeting') is a note on that week


def _bold_phase_reads(blocks: list[Block]) -> Iterator[tuple[int, PhaseHeading]]:
    """Yield the line and the phase of each bold line alone that reads as a phase ('**Weeks 1-4: Basics**'), as
    `_Body.add` opens one."""
    for b in blocks:
        if b.kind == "line" and b.label and not b.rest_md and not b.depth and not b.quote:
            found = read_phase_heading(b.label)
            if found is not None and not outline_numbered(b.label) and found.unit != "quarter":
                yield b.line, found


def _bold_phases(blocks: list[Block]) -> dict[int, PhaseHeading]:
    """Return the phase of each bold line alone that `_Body.add` opens a numbered phase at ('**Phase 1: HTML
    (Weeks 1-2)**'), by line, for `_plans_read`; none where one of them is a phase of another kind ('**Week 3**')."""
    found = list(_bold_phase_reads(blocks))
    if any(f.number is None for _, f in found):
        return {}
    return dict(found)


def _bold_phase_line(blocks: list[Block]) -> bool:
    """Return True when a bold line alone reads as a phase ('**Weeks 1-4: Basics**'), as `_Body.add` opens one."""
    return next(_bold_phase_reads(blocks), None) is not None


def _task_phase(block: Block) -> PhaseHeading | None:
    """Return the phase a top-level task item opens with, as a list plan's item would ('- [ ] Week 1: Setup', '- [x]
    **Weeks 3-4** — Traits', '- [ ] Month 2 — Back End'); None for one whose span is words of a sentence ('- [ ]
    Week 1 retro'), for one that names no weeks or months ('- [ ] Phase 1: Learn HTML', '- [ ] Stage 2 — Build': steps
    of a checklist), and for any other task ('- [ ] Review week 3's notes'). The Tasks plugin's fields after its text
    ('- [ ] Week 1: Setup ⏫ 📅 2027-01-04') are no words of the phase."""
    plain = split_explicit_id(block.plain)[0] if "{#" in block.plain else block.plain
    if not plain.isascii() and (cut := _task_fields_at(plain)) is not None:
        plain = plain[:cut]
    found = read_phase_heading(plain)
    if (
        found is None
        or found.first is None
        or not _plan_item(plain, found)
        or not _span_apart(block._replace(plain=plain), found)
    ):
        return None
    return found


def _task_plan(
    plan: dict[int, PhaseHeading],
    runs: list[dict[int, PhaseHeading]],
    boxed: list[dict[int, PhaseHeading]],
    tops: list[list[int]],
) -> dict[int, PhaseHeading]:
    """Return a list plan with the task items of its lists that read as phases ('- [ ] **Week 1** — Ch. 1-3'), each
    a phase of its own as an item without its box would be, and still a checklist item. `runs` and `boxed` hold,
    list by list, the items and the task items that read as phases; `tops` the lines of its top-level items.

    Task items join a list whose items are the plan already (`plan`), where with them its phases still step on one
    after another. In a file without a plan, a list is a plan of weeks when it opens with such a task and its items
    that read as phases, two or more of one kind stepping on, are half its top-level items or more: the plan is
    then those of all such lists, when they step on too. Anything else keeps its reading: tasks that merely name a
    week ('- [ ] Week 1: retro' alone among other tasks, or two weeks among the chores of a checklist that opens
    with '- [ ] Set up laptop'), or a second list of week tasks beside a plan ('## Checklist' over '- [ ] Week 1:
    quiz', '- [ ] Week 2: quiz')."""
    taken: dict[int, PhaseHeading] = {}
    for run, tasks, top in zip(runs, boxed, tops, strict=True):
        if not tasks:
            continue
        own = {line: found for line, found in run.items() if line in plan} if plan else run
        if plan and not own:
            continue
        merged = dict(sorted({**own, **tasks}.items()))
        if not plan and (not top or top[0] not in tasks or 2 * len(merged) < len(top)):
            continue  # a checklist whose tasks name weeks here and there: no plan
        if _one_kind(merged) and _steps_on(merged):
            taken.update(merged)
    if not taken:
        return plan
    joined = dict(sorted({**plan, **taken}.items()))
    if not _one_kind(joined) or (not plan and not _steps_on(joined)):
        return plan
    return joined


def _steps_on(run: dict[int, PhaseHeading]) -> bool:
    """Return True for the phases of a list each of which starts after the one before it starts (an overlap of
    phases that do is an author's slip, which an error tells)."""
    starts = [found.first for found in run.values() if found.first is not None]
    return all(a < b for a, b in pairwise(starts))


def _one_kind(plan: dict[int, PhaseHeading]) -> bool:
    """Return True for two or more phases that count in one kind (see `_kind`)."""
    return len(plan) >= 2 and len({_kind(found) for found in plan.values()}) == 1


def _list_hint(unread: list[str], topics: bool) -> str | None:
    """Return what the self-paced warning says of list items that read like phases but are no plan (see
    `_list_plan`; `topics`: they give a week again), naming them; None when there are none."""
    if not unread:
        return None
    named = quoted_few(unread)
    if topics:
        return (
            f"its list items {named} give their weeks, but they share weeks, so they are topics, not phases: for a "
            "weekly plan give each block of weeks a heading ('## Weeks 1-4: Fundamentals'), or number the headings "
            "over them ('## 1. Fundamentals'), each one's bullets naming weeks after those of the one before"
        )
    return (
        f"its list items {named} read like phases, but only two or more such items of one kind in one list are a "
        "plan ('1. **Foundations (Weeks 1-4)**', then '2. **SQL (Weeks 5-8)**'); or add headings like "
        "'## Phase 1: Foundations (Weeks 1-4)'"
    )


class _LinePlan(NamedTuple):
    """The paragraph lines that are a file's plan (see `_line_plan`)."""

    lines: frozenset[int]  # their line numbers, one phase each
    blocks: bool  # each heads a block: what follows it, up to the next one or a heading, is its phase's
    unread: list[str]  # the clean text of lines of weeks that are no plan, for the self-paced warning


def _topics_sharing_weeks(headings: Sequence[tuple[int, str]], found: Sequence[PhaseHeading | None]) -> list[int]:
    """Return the headings (by index) of a file whose phase headings are all numbered topics that share weeks: in
    order, each starting in or after the weeks of the one before, at least two of them in weeks of the one before
    and two giving the very same weeks ('## 1. Arrays — Week 1', '## 2. Two Pointers — Week 1', '## 3. Sliding
    Window — Week 1-2'), several topics a week. As phases they overlap, an error that leaves the file out; an
    overlap here and there stays that error. Topics that share only whole spans, each the very weeks of the one
    before, are those weeks written in parts where `weeks_in_parts` reads them so: none is returned."""
    read = [(i, f) for i, f in enumerate(found) if f is not None]
    if len(read) < 3 or any(f.number is None or f.first is None or f.last is None for _, f in read):
        return []
    pairs = list(pairwise(f for _, f in read))
    if any(b.number <= a.number or b.first < a.first for a, b in pairs):  # type: ignore[operator]
        return []
    shared = [(a.first, a.last) == (b.first, b.last) for a, b in pairs if b.first <= a.last]  # type: ignore[operator]
    if len(shared) < 2 or not any(shared):
        return []
    if all(shared) and weeks_in_parts(headings, found) is not None:  # '## 4. Graphs — Week 3' after '## 3. Trees — …'
        return []
    return [i for i, _ in read]


def _line_plan(blocks: list[Block]) -> _LinePlan:
    """Return the paragraph lines that are a file's plan, one phase each ('Week 1 :: HTML basics', 'Week 7 | Git in
    depth | branches', 'Weeks 13-15 — React', '**Week 3** — Topic: CSS'), all counting in one unit, each naming weeks
    after those of the line before:
    - runs of two or more, one after the other (soft-broken lines of one paragraph, or paragraphs of one line);
    - else, in a file without such runs, two or more lines that head blocks ('**Week 1** — Topic: HTML', then its
      'Read:' lines, tasks and a '---'), whose span stands apart from their title (a separator, or the bold
      around the span): 'Week 3 is when we start' is a sentence;
    - else, lines that open with their phase in bold among bold phase lines alone, which `_Body.add` opens ('**Week
      1: Git** — commits.', then '**Week 2: CI**'), stepping on with them.
    A line alone is a sentence of the text; lines of weeks that are no plan are named by the self-paced warning."""
    runs: list[list[tuple[int, PhaseHeading]]] = []
    run: list[tuple[int, PhaseHeading]] = []
    heads: list[tuple[int, PhaseHeading]] = []  # lines that may head blocks
    bold_heads: set[int] = set()  # those that open with their phase in bold ('**Week 3** — Topic: CSS')
    texts: dict[int, str] = {}
    for b in blocks:
        found = None
        if b.kind == "line" and not b.depth and not b.quote and (not b.label or b.rest_md):
            found = read_phase_heading(_pipe_cells(b.md, b.plain)[0])
        if found is not None and found.first is not None and found.last is not None and _plan_item(b.plain, found):
            run.append((b.line, found))
            if _span_apart(b, found):
                heads.append((b.line, found))
                texts[b.line] = b.plain
                if b.label:
                    bold_heads.add(b.line)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = []
    if len(run) >= 2:
        runs.append(run)
    taken = _weeks_under_months([item for r in runs for item in r] or (heads if len(heads) >= 2 else []))
    if not taken and heads and (alone := list(_bold_phase_reads(blocks))):
        # a bold phase with words after it among bold phases alone ('**Week 1: Git** — commits.', '**Week 2: CI**'),
        # which `_Body.add` opens: a plan's line too, where they step on together
        bold = [(line, found) for line, found in heads if line in bold_heads]
        if bold and _forward(sorted(bold + alone)):
            taken = bold
    if not _forward(taken):
        return _LinePlan(frozenset(), False, list(texts.values()))
    return _LinePlan(frozenset(line for line, _ in taken), not runs, [])


def _label_weeks(label: str) -> tuple[int, int] | None:
    """Return the weeks a bold label of a phase opens with ('**Week 1-2: The shell**', '**Month 2:**'), as a
    sub-heading of the phase names them ('#### Week 1-2: The shell'); None for any other label."""
    if label.isascii() and (_DIGIT.search(label) is None or not may_name_weeks(label)):  # most labels
        return None
    found = read_phase_heading(label)
    if found is None or found.number is not None or found.first is None or found.last is None:
        return None
    return (found.first, found.last) if found.unit in ("week", "month") else None


def _item_weeks(block: Block) -> tuple[int, int] | None:
    """Return the weeks a list item of a phase opens with ('1. Week 5 — SELECT basics', '- Weeks 6-7: Joins', '-
    Month 2: Back End'), as a sub-heading of the phase names them ('### Week 5'); None for any other item, and for one
    whose span is words of a sentence ('- Week 1 is for setup')."""
    plain = block.plain
    if plain.isascii() and (_DIGIT.search(plain) is None or not may_name_weeks(plain)):  # most items
        return None
    found = read_phase_heading(plain)
    if found is None or found.number is not None or found.first is None or found.last is None:
        return None
    if found.unit not in ("week", "month") or not _span_apart(block, found):
        return None
    return found.first, found.last


def _span_apart(block: Block, found: PhaseHeading) -> bool:
    """Return True when a paragraph line's span stands apart from its title, as a block's heading line writes it
    ('Week 3 — CSS', 'Week 3: CSS', 'Week 3. CSS', '**Week 3** CSS', 'Week 3'), not as a sentence does ('Week 3 is
    when …')."""
    at = block.plain.find(found.title) if found.title else -1
    if at <= 0:  # no title, or one the reading wrote anew ('Basics (Jan 6-12)')
        return True
    before = block.plain[:at].rstrip()
    # an emoji that opens the title is no word of a sentence ('Week 3: 🛠 pipeline project')
    while before and (before[-1] in " \t" or unicodedata.category(before[-1]) in _EMOJI_PARTS):
        before = before[:-1]
    return before[-1:] in ":：|—–-/.)]" or (bool(block.label) and len(block.label) >= len(before))


def _weeks_under_months(taken: list[tuple[int, PhaseHeading]]) -> list[tuple[int, PhaseHeading]]:
    """Return a plan's lines without the lines of months that each head lines of weeks ('Month 1-2: Clay:', then
    'Week 1-2: Wedge.', 'Week 3-4: Center.'): the weeks are the plan, the months group them. Lines that mix months
    and weeks otherwise are returned as they are."""
    kinds = [_kind(found) for _, found in taken]
    if set(kinds) != {"month", "week"} or kinds[-1] == "month" or any(a == b == "month" for a, b in pairwise(kinds)):
        return taken
    return [item for item, kind in zip(taken, kinds, strict=True) if kind == "week"]


def _forward(taken: list[tuple[int, PhaseHeading]]) -> bool:
    """Return True for phases of one kind, each naming weeks after those of the one before; phases given in days
    may start in the week the one before ends ('Days 1-10', then 'Days 11-25': weeks 1-2, then 2-4)."""
    if not taken or len({_kind(found) for _, found in taken}) != 1:
        return False
    last = 0
    for _, found in taken:
        if found.first is None or found.last is None or found.first < last:
            return False
        if found.first == last and (found.unit != "day" or found.last == last):
            return False
        last = found.last
    return True


def _line_hint(unread: list[str]) -> str | None:
    """Return what the self-paced warning says of lines of weeks that are no plan (see `_line_plan`), naming them;
    None when there are none."""
    if not unread:
        return None
    return (
        f"its lines {quoted_few(unread)} read like weeks, but only two or more such lines, each after the weeks of "
        "the one before, are a plan ('Week 1 — HTML basics', then 'Week 2 — CSS'); or add headings like "
        "'## Week 1: HTML basics'"
    )


def _time_box_hint(blocks: list[Block]) -> str | None:
    """Return what the self-paced warning says of top-level list items that give their length in brackets ('1. Go
    fundamentals [3w]'), which are no phases: how to write the first as a phase heading; None when there are none."""
    boxed = [box for b in blocks if b[0] == "item" and not b[5] and (box := time_box(b[3])) is not None]
    if not boxed:
        return None
    _, title, weeks = boxed[0]
    length = f"{weeks} week{'s' if weeks > 1 else ''}"
    return (
        f"its time boxes ({quoted_few([text for text, _, _ in boxed])}) give lengths, but only a heading's length "
        f"makes a phase: for a weekly plan write each as a heading, '## 1. {title} ({length})'"
    )


_PIPE = re.compile(r"\s*(?<!\\)\|\s*")


def _pipe_cells(md: str, plain: str) -> tuple[str, list[tuple[str, str]]]:
    """Split a plan line whose span stands alone before a pipe ('Week 7 | Git in depth | branches, rebase') into
    its phase ('Week 7: Git in depth') and the cells after that ([('branches, rebase', 'branches, rebase')], md
    and clean text); any other line is its phase alone."""
    cells = _PIPE.split(plain)
    if len(cells) < 3 or not cells[1]:
        return plain, []
    first = read_phase_heading(cells[0])
    if first is None or first.title:  # 'Weeks 1-2: Git (a | b | c)': the pipes are the title's
        return plain, []
    md_cells = _PIPE.split(md)
    if len(md_cells) != len(cells):  # a pipe inside a link or code: the details as clean text
        md_cells = [escape(c) for c in cells]
    return f"{cells[0]}: {cells[1]}", [(m, p) for m, p in zip(md_cells[2:], cells[2:], strict=True) if p]


class _SourceLines:
    """The lines of a body as written, split when first asked for (few files need them)."""

    __slots__ = ("body", "first_line", "lines")

    def __init__(self, body: str, first_line: int) -> None:
        self.body, self.first_line = body, first_line
        self.lines: list[str] | None = None

    def line(self, number: int) -> str:
        """Return the file's line `number` ('' outside the body)."""
        if self.lines is None:
            self.lines = self.body.split("\n")
        at = number - self.first_line
        return self.lines[at] if 0 <= at < len(self.lines) else ""


def _table_plan(blocks: list[Block], source: _SourceLines) -> list[Block] | None:
    """Return the blocks with each table whose first column counts weeks or months ('| Week | Topic | Resources |',
    rows '| 3-4 | JOINs | ... |'), or a later column does in a table of phases ('| Phase | Weeks | Topics |'), made
    into a phase heading per row ('Week 3-4: JOINs') and a bullet per other cell ('Resources: ...'); None when there
    is no such table. The new blocks count as one quote deeper than the table,
    so what follows the table ends its phases, as the end of a quote does.

    Only rows that go forward in time are a plan, each after the row and the tables taken before it: a table that
    gives a week several rows ('| 1 | Install |', '| 1 | Hello world |'), or a second schedule of the same weeks
    (full time, then part time), is a table about weeks, and stays a table."""
    out: list[Block] = []
    level, i, changed, last_week = 1, 0, False, 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "heading":
            level = block.level
        if block.kind != "row" or block.depth:
            out.append(block)
            i += 1
            continue
        end = _table_end(blocks, i)
        if all(row.anchor_only for row in blocks[i:end]):  # a table of contents ('| 1 | [Day 0](#day-0) |'): no plan
            out.extend(blocks[i:end])
            i = end
            continue
        made = _rows_as_phases(blocks[i:end], min(level + 1, 6), last_week, source)
        if made is None:  # '| # Day | Topics |': a phase per week of days
            made = _day_rows_as_phases(blocks[i:end], min(level + 1, 6), last_week)
        if made is None:
            out.extend(blocks[i:end])
        else:
            out.extend(made[0])
            changed, last_week = True, made[1]
        i = end
    return out if changed else None


def _rows_as_phases(rows: list[Block], level: int, after: int, source: _SourceLines) -> tuple[list[Block], int] | None:
    """Make the rows of one table phase headings and their bullets (see `_table_plan`), with the last week they
    reach; None unless every row counts weeks or months, each after the one before and after week `after`."""
    if len(rows) < 2:
        return None
    rows = _year_end_rows(rows)
    spans = _spans_column(rows)
    if spans is None:  # '| Phase | Focus | Duration |' of '4 weeks', '6 weeks': the weeks they take in turn
        laid = _lengths_laid_out(rows, after)
        if laid is not None:
            spans, rows = laid
    rows, ticks = _sheet_rows(rows, source, spans)
    out: list[Block] = []
    # The header of the column that counts the weeks, whether it is the first, and how many rows it counted.
    column, first_column, numbered = None, True, 0
    last_day: int | None = None  # the last day of the row before, in a table of phases of days
    for row, done in zip(rows, ticks, strict=True):
        # The first column counts the weeks ('| Week | Topic |'), or a later one does in a table of phases ('| Phase |
        # Weeks | Topics |'), whose rows must then run on from week 1 without a gap: lengths ('| CS50 | 12 |') are no
        # plan.
        at, heading = next(
            ((i, made) for i, (header, _, cell) in enumerate(row.cells) if (made := _row_heading(header, cell, spans))),
            (0, None),
        )
        if heading is None and column is not None and _no_week(row, column):
            # '| — | Mar 9–13 | Spring break |' after week 8: no week of its own, a row of the week before it
            if done is None:
                out.append(_break_row(row, first_column))
            else:  # '|  | Bash scripting | … | FALSE |' in a tracker: a checklist item of the week before it
                cells = uncounted(_flat_cells(row.cells))
                at = title_cell(cells, first_column)
                if at is None:
                    out.append(_break_row(row, first_column))
                else:
                    out.extend(_row_task(cells[at], cells[:at] + cells[at + 1 :], done, row.line, row.quote + 1))
            continue
        found = read_phase_heading(heading) if heading is not None else None
        days = days_said(heading) if found is not None and found.unit == "day" and heading is not None else None
        if heading == "Day 0" and spans is not None and last_day is None and not numbered:
            # '| 0. Setup | 0 |' before '| 1. Basics | 1–3 |': a day of setup before the plan, a section of its own,
            # as a '## Day 0: Setup' heading before '## Days 1-3: Basics' is
            last_day, column, first_column = 0, row.cells[at][0], not at
        elif found is None or found.first is None or found.last is None:
            return None
        elif days is not None:
            # phases of days ('| 1. Basics | 1–3 |', '| 2. DOM | 4–6 |'), several in a week: each runs on from the
            # day after the one before
            if days[0] != (last_day or 0) + 1:
                return None
            last_day = days[1]
            after, column, first_column, numbered = max(after, found.last), row.cells[at][0], not at, numbered + 1
        else:
            # A plan's first row may be its week 0 of setup ('| Phase 0 | Week 0 | Setup |'), as a '## Week 0' heading
            # is
            setup = not numbered and after == found.first == found.last == 0
            # a column read as weeks by its cells alone, not its header ('| Due |' of 'Week 2', 'Week 4'), is the
            # plan's only where its rows run on from week 1 without a gap, as a later column's must
            guessed = table_row_heading(row.cells[at][0], row.cells[at][2]) is None
            if (found.first <= after or ((at or guessed) and found.first != after + 1)) and not setup:
                return None
            after, column, first_column, numbered = found.last, row.cells[at][0], not at, numbered + 1
        others = [
            cell if _PHASE_COLUMN.fullmatch(cell[0].strip()) is None else (cell[0], *_unnumbered(cell[1], cell[2]))
            for cell in row.cells[:at] + row.cells[at + 1 :]
        ]
        # '| 3 |' under 'Phase': its number, which its place gives; a notebook's badge alone has a link, no words
        others = [cell for cell in others if cell[2] or cell[1]]
        # the rows are the author's phases or weeks, their status the author's progress: no title, topic or work
        others = [cell for cell in others if not status_cell(cell[0], cell[2])]
        # '| Week | Dates | Topic |': the topic, not the dates; '| Phase | Weeks | Topics |': the phase's name
        titled = title_cell(others, by_header=not at)
        md = plain = heading
        quote = row.quote + 1
        lines: list[Block] = []
        if titled is not None:
            # '**SQL basics**<br>☐ SQLBolt<br>☐ SELECT': its first line titles the phase, the others are its bullets
            _, title_md, title_plain = others[titled]
            if CELL_BREAK in title_md:
                first, *lines = _cell_items(title_md, title_plain, row.line, quote)
                title_md, title_plain = first.md, first.plain
            md, plain = f"{heading}: {title_md}", f"{heading}: {title_plain}"
            others = others[:titled] + others[titled + 1 :]
        # '| Phase | Goal | Weeks | Status |': the goal is the phase's objective, the author's status no topic
        goal = next((i for i, (head, _, _) in enumerate(others) if _objective_column(head)), None)
        goal_line = None
        if goal is not None:
            head, goal_md, goal_plain = others[goal]
            # read as an objective line is ('**Goal:** …'), under a label the reader knows ('Aim' is a goal)
            head = head if _without_leading_marks(head).casefold() in OBJECTIVE_LABELS else "Goal"
            goal_line = Block(
                "line",
                row.line,
                f"**{head}:** {flat_cell(goal_md)}",
                f"{head}: {flat_cell(goal_plain)}",
                label=f"{head}:",
                rest_md=flat_cell(goal_md),
                quote=quote,
            )
            others = others[:goal] + others[goal + 1 :]
        others.sort(key=lambda cell: only_dates(cell[2]))  # the week's work first, then when it is ('Mar 2–6')
        out.append(Block("heading", row.line, md, plain, level=level, quote=quote))
        if goal_line is not None:
            out.append(goal_line)
        if done is not None and titled is not None:  # a tracker's row: its topic a checklist item, its cells under it
            out.extend(_row_task(("", title_md, title_plain), _flat_cells(tuple(others)), done, row.line, quote))
            out.extend(lines)
            continue
        out.extend(lines)
        for head, cell_md, cell_plain in others:
            first_md, *more = cell_lines(cell_md)
            first_plain = cell_lines(cell_plain)[0]
            more_items = _cell_items(cell_md, cell_plain, row.line, quote)[1:] if more else []
            if more and not more_items:  # a '<br>' inside a link or code: the cell on one line
                first_md, first_plain = flat_cell(cell_md), flat_cell(cell_plain)
            elif head and more_items and all(item.task is None and item.md[:1] not in BOXES for item in more_items):
                # '[Pro Git](…)<br>[The Missing Semester](…)' under 'Readings': one bullet of its column, its lines
                # parted as they are in a row's details; lines with a box ('⬜ Read MDN') are tasks, as in a list
                first_md = " · ".join(cell_lines(cell_md))
                more_items = []
            # Shown with its column's name ('Resources: [SQLBolt](...)'), titled by its own words ('SQLBolt')
            item_md = f"{head}: {first_md}" if head else first_md
            # a cell of numbers or of one or two characters ('1.1, 1.3', '4.x', 'C') is titled with its column
            # ('Domains: 4.x'); a word is its own title ('Git', 'all', 'C++')
            named = len(first_plain) > 2 and (_WORD.search(first_plain) is not None or first_plain[:1].isalpha())
            item_plain = first_plain if not head or named else f"{head}: {first_plain}"
            out.append(Block("item", row.line, item_md, item_plain, quote=quote))
            out.extend(more_items)  # a cell's later lines ('<br>') that are tasks, or under no column's name
    return (out, after) if numbered >= 2 else None


# The headers of a column of goals that aren't labels of an objective line ('| Aim |').
_GOAL_COLUMNS = frozenset({"aim", "aims", "goal of the phase"})


def _objective_column(header: str) -> bool:
    """Return True for the header of a table of phases' column of what each phase is for ('| Goal |', '| Objective
    |', '| Ziel |'), as an objective line's label says it."""
    label = _without_leading_marks(header.strip(" *_:")).casefold()
    return label in OBJECTIVE_LABELS or label in _GOAL_COLUMNS


# The header of a tracker's column of checkboxes ('Done', 'Completed', '✓'), as a spreadsheet exports them, in the
# languages role files are written in.
_DONE_COLUMN = re.compile(
    r"done\??|completed?\??|finished\??|checked|check|status|progress|[✓✔☑✅]\ufe0f?"
    r"|erledigt|fertig|hecho|completado|terminado|fait|termin[ée]|feito|conclu[íi]do|fatto|gedaan|klaar|selesai"
    r"|tamamland[ıi]|zrobione|выполнено|готово|виконано|完成|済",
    re.IGNORECASE,
)
# Headers of such a column that may as well head a column of words ('| Status |' of 'In progress', 'Done'): such a
# column is one of checkboxes only where its cells are marks, never words ('done').
_WORDY_DONE_COLUMN = frozenset({"status", "progress", "check"})
# What a checkbox cell of such a column says: ticked (a Sheets checkbox exports TRUE), or not.
_TICKED_CELLS = frozenset({"true", "x", "yes", "y", "done", "✓", "✔", "✔️", "✅", "☑", "☑️", "[x]"})
_OPEN_CELLS = frozenset({"false", "no", "n", "☐", "⬜", "🔲", "[ ]", "❌", "✗", "✘"})
# The label of a spreadsheet's row of totals ('**Total**', 'Sum', 'Gesamt'), in the languages role files are written
# in, and a cell it totals with: a number ('16', '16 h') or a formula ('=SUM(D3:D27)').
_TOTAL_LABEL = re.compile(
    r"(?:grand\s+)?totals?(?:\s+hours)?|sum|summe|gesamt|insgesamt|totaal|somme|suma|soma|razem|toplam|jumlah"
    r"|итого|всего|разом|合计|总计|合計",
    re.IGNORECASE,
)
_TOTAL_CELL = re.compile(r"=.*|[~≈]?\s*\d[\d.,]*\s*(?:h|hrs?|hours?|min|%)?", re.IGNORECASE)


def _row_heading(header: str, cell: str, spans: str | None) -> str | None:
    """Return the phase heading a table row's cell makes (see `table_row_heading`), or the cell itself under the
    table's column of spans (see `_spans_column`) where it gives a number."""
    made = table_row_heading(header, cell)
    if made is None and spans is not None and header == spans and any(c.isdigit() for c in cell):
        cell = cell.strip()
        # '1–3' under '| Days |' of a table of phases: those days, as a heading names them
        if _DAYS_HEADER.fullmatch(header.strip()) is None or _BARE_DAYS.fullmatch(cell) is None:
            return cell
        return "Day 0" if cell.strip("0") == "" else f"Days {cell}"
    return made


# The header of a table of phases' column that counts each phase's days by their numbers alone ('| Stage | Days |
# Tasks |' over '| 1. Basics | 1–3 | … |'; '| 阶段 | 天数 |', the number of days, over '1–3'), and such a cell.
_DAYS_HEADER = re.compile(rf"(?:{DAY_WORDS})(?:\(s\))?|天数|天數|天|日数|日程|일수|일차|дни|дней", re.IGNORECASE)
_BARE_DAYS = re.compile(r"\d{1,3}(?:\s*[-–—~～]\s*\d{1,3})?")


# A calendar week's number ('34', '51-52'), perhaps after its week word ('Week 34', 'KW 34', 'W34')
_CALENDAR_WEEK_CELL = re.compile(r"(?P<word>[^\W\d_]{1,12}\.?\s*)?(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?")
YEAR_END_WEEK = 48  # a year's last weeks, from this one: a school year's table runs on from them to week 1


def _year_end_rows(rows: list[Block]) -> list[Block]:
    """Return the rows of a week table that numbers calendar weeks across a year's end ('| 34 |' ... '| 52 |', '| 1
    |' ... '| 27 |', a school year's) with its weeks counted in row order from the first row's, which is week 1
    (week 34 is week 1, week 1 week 20); any other table's rows as they are. Only a table whose first column
    numbers each row's weeks ('36', 'Week 36', 'KW 36'), up into the year's last weeks, then from its first weeks up
    again short of the first row's, is one; a row of no week between ('| — | Winter break |') stays as it is."""
    header = rows[0].cells[0][0] if rows[0].cells else ""
    if len(rows) < 3 or table_row_weeks(header, "1") is None:  # no week column first: most tables
        return rows
    numbered = [i for i, row in enumerate(rows) if not _no_week(row, header)]
    weeks: list[tuple[int, int]] = []
    words: list[str] = []  # the week word before each row's number, as written
    for row in (rows[i] for i in numbered):
        found = _CALENDAR_WEEK_CELL.fullmatch(row.cells[0][2].strip()) if row.cells[0][0] == header else None
        if found is None:
            return rows
        first = int(found.group(2))
        weeks.append((first, int(found.group(3) or first)))
        words.append(found.group("word") or "")
    wraps = [i for i in range(1, len(weeks)) if weeks[i][0] <= weeks[i - 1][1]]  # a row not after the one before
    if len(wraps) != 1 or any(first > last for first, last in weeks):
        return rows
    at = wraps[0]
    year_end = weeks[at - 1][1]
    if year_end < YEAR_END_WEEK or year_end > 53 or weeks[-1][1] >= weeks[0][0]:  # the weeks meet: no year's end
        return rows
    year = 53 if year_end == 53 else 52  # a year of 53 weeks numbers its last
    start = weeks[0][0] - 1
    out = list(rows)
    for n, (i, word, (first, last)) in enumerate(zip(numbered, words, weeks, strict=True)):
        shift = year - start if n >= at else -start
        a, b = first + shift, last + shift
        cell = word + (str(a) if a == b else f"{a}-{b}")
        cells = list(rows[i].cells)
        cells[0] = (header, cell, cell)
        out[i] = rows[i]._replace(cells=tuple(cells))
    return out


_ROW_NUMBER_HEADERS = frozenset({"#", "no", "no.", "nr", "nr."})  # what `_PHASE_COLUMN` reads that numbers any row


def _lengths_laid_out(rows: list[Block], after: int) -> tuple[str, list[Block]] | None:
    """Return the header of the column of a table of phases ('| Phase | Focus | Duration |') whose every cell is a
    length ('4 weeks', '2-3 weeks'), and the rows with those cells made the weeks they take one after the other from
    week `after` + 1 ('Weeks 1-4', 'Weeks 5-10'), as lengths after phase headings are laid out; None for any other
    table. A table of lengths without a column of phases ('| Course | Duration |') lists what takes how long."""
    headers = [header for header, _, _ in rows[0].cells]
    # a phase's word ('Phase', 'Stage', '阶段'), not a row's number ('#', 'No.'), which any list may have
    words = (h.strip(" *_") for h in headers)
    if not any(_PHASE_COLUMN.fullmatch(w) and w.casefold() not in _ROW_NUMBER_HEADERS for w in words):
        return None
    for at, header in enumerate(headers):
        if headers.count(header) != 1:
            continue
        if all(at < len(row.cells) and table_row_heading(header, row.cells[at][2]) for row in rows):
            continue  # '3~4주' under '주차' (week number): the weeks it names, no length
        cells = [row.cells[at][2] if at < len(row.cells) and row.cells[at][0] == header else "" for row in rows]
        timeline = timeline_weeks(cells) if after == 0 else None
        if timeline is not None:  # '0-3 months', '3-6 months', '12+ months': months 1-3, 4-6 and 13
            laid = []
            for row, (first, last, _) in zip(rows, timeline, strict=True):
                span = f"Week {first}" if first == last else f"Weeks {first}-{last}"
                cells_of = list(row.cells)
                cells_of[at] = (header, span, span)
                laid.append(row._replace(cells=tuple(cells_of)))
            return header, laid
        weeks = [
            length_alone(row.cells[at][2]) if at < len(row.cells) and row.cells[at][0] == header else None
            for row in rows
        ]
        if None in weeks:
            continue
        laid, first = [], after + 1
        for row, length in zip(rows, weeks, strict=True):
            last = first + (length or 1) - 1
            span = f"Week {first}" if first == last else f"Weeks {first}-{last}"
            cells = list(row.cells)
            cells[at] = (header, span, span)
            laid.append(row._replace(cells=tuple(cells)))
            first = last + 1
        return header, laid
    return None


def _spans_column(rows: list[Block]) -> str | None:
    """Return the header of the column of a table whose every cell reads alone as weeks, months or days of a plan
    ('第 1-4 周', 'Weeks 1-4', 'W1'), whatever its header says ('| 周期 |', '| Timeline |', '| Week |'): that column
    counts the plan's weeks as a column headed 'Weeks' does. None when no column does, or its header names another
    column too."""
    if len(rows) < 2:
        return None
    headers = [header for header, _, _ in rows[0].cells]
    for at, header in enumerate(headers):
        if headers.count(header) == 1 and all(
            at < len(row.cells) and row.cells[at][0] == header and _span_cell(header, row.cells[at][2]) for row in rows
        ):
            return header
    if headers and _PHASE_COLUMN.fullmatch(headers[0].strip()) is not None:
        # a table of phases whose later column counts their days by their numbers alone ('| Stage | Days |' over
        # '1–3', '4–6'): the days of each phase
        for at, header in enumerate(headers[1:], start=1):
            if (
                _DAYS_HEADER.fullmatch(header.strip()) is not None
                and headers.count(header) == 1
                and all(
                    at < len(row.cells)
                    and row.cells[at][0] == header
                    and _BARE_DAYS.fullmatch(row.cells[at][2].strip()) is not None
                    for row in rows
                )
            ):
                return header
    return None


# A cell that gives a week by its letter alone ('W3'), which may as well be an ID ('| ID |' over 'W1', a warning's).
_WEEK_INITIAL = re.compile(r"\s*w\d", re.IGNORECASE)


def _span_cell(header: str, plain: str) -> bool:
    """Return True for a table cell that reads alone as a span of weeks, months or days ('第 1-4 周', 'Week 0'), no
    title after it; a quarter ('Q1') may be a question's number, a phase's number ('Phase 2') is none, and a week's
    letter ('W3') is one only under a header of weeks ('| 周 |')."""
    if _WEEK_INITIAL.match(plain) is not None and table_row_weeks(header, "1") is None:
        return False
    found = read_phase_heading(plain.strip())
    return (
        found is not None
        and found.number is None
        and found.first is not None
        and found.last is not None
        and not found.title
        and found.unit in ("week", "month", "day")
    )


def _sheet_rows(
    rows: list[Block], source: _SourceLines, spans: str | None = None
) -> tuple[list[Block], list[bool | None]]:
    """Return a week table's rows read as a spreadsheet exports them, and whether each is ticked in its column of
    checkboxes ('| Done |': TRUE, FALSE, ✅; None for every row of a table without one, whose rows stay rows): that
    column's cells dropped; a row of totals ('| **Total** | | =SUM(D3:D27) |') dropped, as it is no topic; a row of
    no title but words whose first cell is empty ('|  |  | *(redo the quiz)* |', a merged cell's note) joined to
    the row above, cell by cell. A row whose first cell is a dash ('| — | | Spring break |') is a row of no week,
    which stays a row of its own."""
    column = next((h for h, _, plain in rows[0].cells if _row_heading(h, plain, spans)), None)
    if column is None:  # not a week table the plan reads: left as it is
        return rows, [None] * len(rows)
    done = _done_column(rows)
    kept: list[Block] = []
    ticks: list[bool | None] = []
    title = None  # the header of the cells that title the rows
    for row in rows:
        tick = next((p.casefold() in _TICKED_CELLS for h, _, p in row.cells if h == done), False)
        cells = tuple(c for c in row.cells if c[0] != done) if done is not None else row.cells
        week = not _no_week(row, column)
        if not week and _total_row(cells):
            continue
        note = title is not None and not any(h == title for h, _, _ in cells)  # no week, no topic, but words
        if (
            not week
            and kept
            and note
            and any(_WORD.search(p) and not only_dates(p) for _, _, p in cells)
            and _empty_first_cell(source.line(row.line))
        ):
            kept[-1] = kept[-1]._replace(cells=_joined_cells(kept[-1].cells, cells))
            continue
        others = uncounted(tuple(c for c in cells if c[0] != column))
        at = title_cell(others, by_header=True)
        title = others[at][0] if at is not None and others[at][0] else title
        kept.append(row._replace(cells=cells) if done is not None else row)
        ticks.append(tick if done is not None else None)
    return kept, ticks


def _done_column(rows: list[Block]) -> str | None:
    """Return the header of a table's column of checkboxes (see `_DONE_COLUMN`), whose every cell says ticked or not
    ('TRUE', 'FALSE', '✅', 'x'), two or more of them; None when it has none."""
    headers = {h for row in rows for h, _, _ in row.cells if h and _DONE_COLUMN.fullmatch(h.strip()) is not None}
    for header in headers:
        values = [p.casefold() for row in rows for h, _, p in row.cells if h == header]
        if header.strip().casefold() in _WORDY_DONE_COLUMN and "done" in values:
            continue  # '| Status |' of 'done': a column of words
        if len(values) >= 2 and all(v in _TICKED_CELLS or v in _OPEN_CELLS for v in values):
            return header
    return None


# The cells of a column of checkboxes typed as markdown writes a task's box.
_BOX_CELLS = frozenset({"[ ]", "[x]", "[X]"})


def _tracker_tables(blocks: list[Block]) -> list[Block]:
    """Return the blocks with each table of work that has a column of markdown's boxes ('| Done | Title | Difficulty
    |' of '[ ]' and '[x]' cells, a problem list's) as the task items it tracks (see `_row_task`); a table of weeks is
    left to the plan's reading of it (see `_sheet_rows`), a column of statuses ('✅', '⬜') stays the author's."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        end = _table_end(blocks, i) if blocks[i].kind == "row" and not blocks[i].depth else i
        if end == i:
            out.append(blocks[i])
            i += 1
            continue
        rows = blocks[i:end]
        out.extend(_tracked_rows(rows) or rows)
        i = end
    return out


# A table cell all in bold ('**Unit 1: Basics**')
_BOLD_CELL = re.compile(r"\*\*[^*]+\*\*|__[^_]+__")


def _unit_rows(blocks: list[Block]) -> dict[int, int]:
    """Return the lines of the bold rows that head the rows under them in a table (a course's '| **Unit 1: Basics** |
    | |' over its lectures' rows), each with its table's last line: rows of one cell, all in bold, at least two in
    the table, each over a row of more cells than it."""
    found: dict[int, int] = {}
    i = 0
    while i < len(blocks):
        if blocks[i].kind != "row" or blocks[i].depth:
            i += 1
            continue
        end = _table_end(blocks, i)
        rows = blocks[i:end]
        heads = [
            k for k, row in enumerate(rows) if len(row.cells) == 1 and _BOLD_CELL.fullmatch(row.cells[0][1].strip())
        ]
        if len(heads) >= 2 and all(k + 1 < len(rows) and len(rows[k + 1].cells) > 1 for k in heads):
            found.update((rows[k].line, rows[-1].line) for k in heads)
        i = end
    return found


def _table_end(blocks: list[Block], i: int) -> int:
    """Return the index after the last row of the table whose row `blocks[i]` is (see `_one_table`)."""
    end = i + 1
    while (
        end < len(blocks)
        and blocks[end].kind == "row"
        and not blocks[end].depth
        and _one_table(blocks[end - 1], blocks[end])
    ):
        end += 1
    return end


def _one_table(previous: Block, row: Block) -> bool:
    """Whether a table row goes on the table of the row before it: on the next line, or with headers among the
    other's (a row leaves its empty cells out); a table right after another, a blank line and its header between
    them, has headers of its own."""
    if row.line == previous.line + 1:
        return True
    a, b = {h for h, _, _ in previous.cells}, {h for h, _, _ in row.cells}
    return a <= b or b <= a


def _tracked_rows(rows: list[Block]) -> list[Block] | None:
    """Return a table's rows as task items where it is a tracker's table of work (see `_tracker_tables`), else None."""
    if len(rows) < 2 or any(row.anchor_only for row in rows):
        return None
    done = _done_column(rows)
    if done is None or any(h == done and p not in _BOX_CELLS for row in rows for h, _, p in row.cells):
        return None  # the author's statuses ('✅', '⬜', 'TRUE'): their progress, no boxes for the learner
    spans = _spans_column(rows)
    if any(_row_heading(h, p, spans) or _DAY_COLUMN.fullmatch(h.strip()) for h, _, p in rows[0].cells):
        return None  # a table of weeks or days: a plan's
    out: list[Block] = []
    for row in rows:
        tick = any(h == done and p.casefold() in _TICKED_CELLS for h, _, p in row.cells)
        cells = uncounted(_flat_cells(tuple(c for c in row.cells if c[0] != done)))
        at = title_cell(cells, by_header=True)
        if at is None:
            return None
        out.extend(_row_task(cells[at], cells[:at] + cells[at + 1 :], tick, row.line, row.quote))
    return out


def _total_row(cells: tuple[tuple[str, str, str], ...]) -> bool:
    """Return True for a spreadsheet's row of totals: a total's label ('**Total**') and numbers or formulas
    ('=SUM(D3:D27)') only."""
    labels = [p for _, _, p in cells if _TOTAL_CELL.fullmatch(p.strip()) is None]
    return len(labels) == 1 and _TOTAL_LABEL.fullmatch(labels[0].strip(" :*")) is not None


def _joined_cells(
    cells: tuple[tuple[str, str, str], ...], more: tuple[tuple[str, str, str], ...]
) -> tuple[tuple[str, str, str], ...]:
    """Return a row's cells with those of the row that continues it (`more`) after them, column by column, parted as
    a cell's lines are in a row's details ('[MDN](…) · [freeCodeCamp](…)')."""
    added = {h: (md, p) for h, md, p in more}
    joined = [(h, f"{md} · {added[h][0]}", f"{p} · {added[h][1]}") if h in added else (h, md, p) for h, md, p in cells]
    have = {h for h, _, _ in cells}
    return tuple(joined + [c for c in more if c[0] not in have])


def _empty_first_cell(line: str) -> bool:
    """Return True for a table row written with nothing in its first cell ('|  |  | *(redo the quiz)* |'), not even
    a dash ('| — |')."""
    row = line.lstrip(" \t>")
    return row[:1] == "|" and not row[1:].split("|", 1)[0].strip()


def _row_task(
    title: tuple[str, str, str], others: tuple[tuple[str, str, str], ...], done: bool, line: int, quote: int
) -> list[Block]:
    """Return a tracker's row as a task item of its title cell ('Bash scripting'), ticked as its column of
    checkboxes says, with a bullet under it per other cell ('Hours: 4'), as a list would write it."""
    out = [Block("item", line, title[1], title[2], task=done, quote=quote)]
    for head, md, plain in others:
        out.append(Block("item", line, f"{head}: {md}" if head else md, plain, depth=1, quote=quote))
    return out


# A line of a table cell that is a task ('[ ] Clean the sheet', '[x] Install uv'), as a list item's would be.
_CELL_TASK = re.compile(r"\\?\[([ xX])\\?\]\s+(?=\S)")


def _cell_items(md: str, plain: str, line: int, quote: int) -> list[Block]:
    """Return the lines of a table cell ('**SQL basics**<br>☐ SQLBolt<br>[ ] SELECT') as list items, a '[ ]' one a
    task and a '☐' one with its box (read as a task as a list's is)."""
    out: list[Block] = []
    mds, plains = cell_lines(md), cell_lines(plain)
    if len(mds) != len(plains):  # a '<br>' inside a link or code: one line
        mds, plains = [flat_cell(md)], [flat_cell(plain)]
    for line_md, line_plain in zip(mds, plains, strict=True):
        found, task = _CELL_TASK.match(line_md), None
        if found is not None and (in_plain := _CELL_TASK.match(line_plain)) is not None:
            task = found.group(1) != " "
            line_md, line_plain = line_md[found.end() :], line_plain[in_plain.end() :]
        out.append(Block("item", line, line_md, line_plain, task=task, quote=quote))
    return out


def _flat_cells(cells: tuple[tuple[str, str, str], ...]) -> tuple[tuple[str, str, str], ...]:
    """Return table cells (header, md, clean text) each on one line (see `flat_cell`)."""
    if not any(CELL_BREAK in md for _, md, _ in cells):
        return cells
    return tuple((header, flat_cell(md), flat_cell(plain)) for header, md, plain in cells)


def _break_row(row: Block, by_header: bool) -> Block:
    """Return a table row of no week as a row of the phase before it, titled as the plan's rows are (see
    `title_cell`): '*Spring break* — Dates: Mar 9–13'."""
    cells = uncounted(_flat_cells(row.cells))
    at = title_cell(cells, by_header)
    if at is None:
        return row._replace(quote=row.quote + 1)
    others = cells[:at] + cells[at + 1 :]
    details = [f"{h}: {md}" if h else md for h, md, _ in others]
    md = cells[at][1] + (" — " + " · ".join(details) if details else "")
    plain = " — ".join([cells[at][2], *(p for _, _, p in others)])
    return row._replace(md=md, plain=plain, label=cells[at][2], quote=row.quote + 1)


def _no_week(row: Block, column: str) -> bool:
    """Return True for a table row that gives no number under its table's column of weeks (an empty cell, '—',
    'Break')."""
    return not any(header == column and any(c.isdigit() for c in plain) for header, _, plain in row.cells)


DAY_WEEK_TITLE = 100  # the longest title of a week of a day table's topics, joined; a longer one is cut short
# The header of a table's column of days ('Day', '# Day', 'Days', 'Tag'), whose cells count them ('01', '18').
_DAY_COLUMN = re.compile(rf"#?\s*(?P<word>{DAY_WORDS})\.?", re.IGNORECASE)
# A cell of such a column: its day, alone or after the column's word ('18', '#18', 'Day 01', 'Tag 3').
_DAY_CELL = re.compile(rf"(?:(?:{DAY_WORDS})\.?\s*)?#?\s*(?P<day>\d{{1,3}})", re.IGNORECASE)
# A cell that is one link, to the day's lesson ('[01](./01_Day_Setup/README.md)', '[Day 01](https://…)').
_ONE_LINK = re.compile(r"\[(?:[^\[\]\\]|\\.)+\]\((?P<url>[^()\s]+)\)")
# A day's topic that names its day again before its words ('Day 01 - Clock', '[Day 1: Clock](…)'), as its row's day
# column does: the day, and the separator after it.
_TOPIC_DAY = re.compile(rf"(?:{DAY_WORDS})\.?\s*#?\s*(?P<day>\d{{1,3}})(?:\s*[-–—:.)|]\s*|\s+)(?=\S)", re.IGNORECASE)
_ELLIPSIS = re.compile(r"\.{2,}|…+|⋮")  # a cell that leaves out what is between: '...', '…', '⋮'
_DAY_MARKS = " \t\ufe0f\u200d"  # blanks and the selector and joiner that build emoji, around a topic's own emoji


def _without_emoji(text: str) -> str:
    """Return a topic's words without the emoji before and after them ('🛠 Mini project' is 'Mini project'), as a
    heading's title leaves them out."""
    start, end = 0, len(text)
    while start < end and (text[start] in _DAY_MARKS or unicodedata.category(text[start]) == "So"):
        start += 1
    while end > start and (text[end - 1] in _DAY_MARKS or unicodedata.category(text[end - 1]) == "So"):
        end -= 1
    return text[start:end]


def _parted_cells(cells: tuple[tuple[str, str, str], ...]) -> tuple[tuple[str, str, str], ...]:
    """Return table cells (header, md, clean text) each on one line, a cell's lines parted by ' · ' as a row's
    details are ('[Introduction](#introduction) · [Setup](#setup)'); a '<br>' inside a link or code by a blank."""
    if not any(CELL_BREAK in md for _, md, _ in cells):
        return cells
    out: list[tuple[str, str, str]] = []
    for header, md, plain in cells:
        mds, plains = cell_lines(md), cell_lines(plain)
        if len(mds) == 1:
            out.append((header, md, plain))
        elif len(mds) != len(plains):
            out.append((header, flat_cell(md), flat_cell(plain)))
        else:
            out.append((header, " · ".join(m.strip() for m in mds), " · ".join(p.strip() for p in plains)))
    return tuple(out)


MIN_DAY_HEADINGS = 8  # day headings that are a plan of weeks: more than one week's


def _day_heading_plan(
    blocks: list[Block], day_of: Callable[[str], int | None] = heading_day
) -> tuple[list[Block] | None, frozenset[int]]:
    """Return the blocks with a file's day headings ('## Day 1 | Linear regression', '## Day 2: Joins' …) grouped
    into a phase heading per week of them (days 1-7 week 1, 8-14 week 2), as a table of days is (see
    `_day_rows_as_phases`): headed 'Days 8-14' and titled by its days' topics, one level above the days, which become
    its parts with what they hold; and the lines of the week headings made. None unless there are `MIN_DAY_HEADINGS`
    or more, at one level, each after the day before, from day 0 or 1, with no other heading at their level or above
    between them ('📔 Day 1' and '💻 Day 1: Exercises' are one day's lesson and exercises, no plan). `day_of` reads
    the day a heading is for."""
    days = [
        (i, b, day)
        for i, b in enumerate(blocks)
        if b.kind == "heading" and not b.depth and (day := day_of(b.plain)) is not None
    ]
    if len(days) < MIN_DAY_HEADINGS:
        return None, frozenset()
    level = days[0][1].level
    first_at, last_at = days[0][0], days[-1][0]
    if (
        level == 6
        or any(b.level != level for _, b, _ in days)
        or days[0][2] > 1
        or not _days_on(day for _, _, day in days)
        or any(b.kind == "heading" and b.level <= level and day_of(b.plain) is None for b in blocks[first_at:last_at])
    ):
        return None, frozenset()
    end = next(
        (j for j in range(last_at + 1, len(blocks)) if blocks[j].kind == "heading" and blocks[j].level <= level),
        len(blocks),
    )
    weeks = _week_headings(days, level)
    out = blocks[:first_at]
    for j in range(first_at, end):
        if j in weeks:
            out.append(weeks[j])
        b = blocks[j]
        out.append(b._replace(level=min(b.level + 1, 6)) if b.kind == "heading" and not b.depth else b)
    out.extend(blocks[end:])
    return out, frozenset(b.line for b in weeks.values())


def _days_on(days: Iterable[int]) -> bool:
    """Return True for days that go on, each after the one before, but for a day written twice here and there (a log's
    'Day 17' again: one in ten at most); days written twice each ('📔 Day 1', '💻 Day 1: Exercises') are no plan."""
    steps = [b - a for a, b in pairwise(days)]
    again = steps.count(0)
    return all(step >= 0 for step in steps) and again <= len(steps) // 10


def _week_headings(days: list[tuple[int, Block, int]], level: int, deeper: int = 0) -> dict[int, Block]:
    """Return a phase heading per week of days ((index, block, day) each, in order; days 1-7 week 1, a day 0 of set-up
    week 1's too), headed 'Days 8-14' and titled by their topics, at `level` and `deeper` quotes below its first day,
    by the index of that day's block, which it goes before."""
    weeks: dict[int, Block] = {}
    for _, week in groupby(days, key=lambda found: max(1, (found[2] + 6) // 7)):
        group = list(week)
        titled = _week_title([_day_topic(b.plain, day) for _, b, day in group])
        first_day = max(1, group[0][2])
        heading = f"Days {first_day}-{max(first_day, group[-1][2])}" + (f": {titled}" if titled else "")
        first = group[0][1]
        weeks[group[0][0]] = Block(
            "heading", first.line, escape(heading), heading, level=level, quote=first.quote + deeper
        )
    return weeks


def _week_title(topics: list[str]) -> str:
    """Return the title of a week of days: their topics, each once ('Review' of two days), '' for none; a long list
    by its first and last."""
    named = list(dict.fromkeys(topic for topic in topics if topic))
    titled = " · ".join(named)
    return f"{named[0]} … {named[-1]}" if len(titled) > DAY_WEEK_TITLE and len(named) > 2 else titled


def _day_item_plan(blocks: list[Block]) -> tuple[list[Block] | None, frozenset[int]]:
    """Return the blocks with a list of days ('- Day 1 - Wedging', '- **Day 2**: Centering' …) grouped into a phase
    heading per week of them (days 1-7 week 1, 8-14 week 2), as day headings are (see `_day_heading_plan`): headed
    'Days 8-14', titled by its days' topics, one level below the section that holds the list, each day an item of it;
    the headings and the list one quote deeper, so what follows the list ends the last week, as after a table of
    days; and the lines of the week headings made. None unless one list at the top has `MIN_DAY_HEADINGS` or more
    items, every one of them a day after the day before, from day 0 or 1, and none a link to the file's own day alone
    (a table of contents)."""
    found: tuple[int, int, int, list[tuple[int, Block, int]]] | None = None  # level, start, end, days
    level, i = 0, 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind == "heading" and not b.depth:
            level = b.level
        if b.kind != "item" or b.depth:
            i += 1
            continue
        start, days, plan = i, [], True
        while i < len(blocks) and (blocks[i].depth or blocks[i].kind == "item"):
            item = blocks[i]
            if item.kind == "item" and not item.depth:
                day = None if item.anchor_only else heading_day(item.plain)
                plan = plan and day is not None and (not days or day > days[-1][2])
                days.append((i, item, day or 0))
            elif item.kind == "heading":
                break
            i += 1
        if plan and len(days) >= MIN_DAY_HEADINGS and days[0][2] <= 1:
            if found is not None:  # two lists of days: which is the plan is not said
                return None, frozenset()
            found = (min(level + 1, 6), start, i, days)
    if found is None:
        return None, frozenset()
    level, start, end, days = found
    weeks = _week_headings(days, level, deeper=1)
    out = blocks[:start]
    for j in range(start, end):
        if j in weeks:
            out.append(weeks[j])
        out.append(blocks[j]._replace(quote=blocks[j].quote + 1))
    out.extend(blocks[end:])
    return out, frozenset(b.line for b in weeks.values())


def _day_topic(plain: str, day: int) -> str:
    """Return what a day's heading says it is about ('Linear regression' of 'Day 3 | Linear regression', '' of
    '📔 Day 3', and of a log's 'Day 3: March 5, 2025', whose date says when the day was, not what it was about)."""
    words = _without_emoji(keycap_numbers(plain))
    last = day_named_last(words) if heading_day(words) is None else None
    if last is not None and last[1] == day:  # 'Soldering basics | Day 1'
        return last[0]
    rest = _without_own_day(words, words, day)[1]
    if rest == words and heading_day(words) == day:
        return ""
    topic = without_dates(_without_emoji(rest))  # 'Twill (March 3)' is 'Twill'
    if (when := _WHEN_FIRST.match(topic)) is not None and when_alone(when.group("when")):
        topic = topic[when.end() :]  # '(Tue): Twill' is 'Twill'
    return "" if when_alone(topic) else topic  # 'March 3, Tuesday' says when the day was, not what it was about


# A note in brackets that opens a day's topic, and the separator after it: '(Tue): ' of '(Tue): Twill'
_WHEN_FIRST = re.compile(r"(?P<when>[(\[][^()\[\]]+[)\]])\s*(?:[-–—:|·,]\s*)?(?=\S)")


def _without_own_day(md: str, plain: str, day: int) -> tuple[str, str]:
    """Return a day's topic without its day named again before its words ('Day 01 - Clock' on day 1 is 'Clock'),
    which the bullet's 'Day 1:' says; a topic that names another day keeps it."""
    named = _TOPIC_DAY.match(plain)
    if named is None or int(named["day"]) != day:
        return md, plain
    lead = _CELL_LEAD.match(md)
    at = lead.end() if lead is not None else 0
    in_md = _TOPIC_DAY.match(md, at)
    return (md[:at] + md[in_md.end() :] if in_md else md), plain[named.end() :]


def _elided(row: Block) -> bool:
    """Return True for a table row that leaves rows out ('| ... | ... |'): an ellipsis first, then ellipses, dashes,
    blanks or the author's status of the rows left out ('⏳ Pending')."""
    first, *rest = row.cells
    return _ELLIPSIS.fullmatch(first[2].strip()) is not None and all(
        _ELLIPSIS.fullmatch(plain.strip()) or plain.strip() in "-–—" or status_cell(header, plain)
        for header, _, plain in rest
    )


def _day_rows_as_phases(rows: list[Block], level: int, after: int) -> tuple[list[Block], int] | None:
    """Make the rows of a table whose first column counts days ('| # Day | Topics |', rows '| 18 | Promises |') a
    phase per week of them (days 1-7 week 1, 8-14 week 2), headed 'Day 15-21' and titled by its days' topics, and a
    bullet per row ('Day 18: Promises', its other cells after it), with the last week they reach; None unless every
    row counts one day, each after the one before, from a week after week `after`. A row of ellipses ('| ... | ... |',
    the days between left out, perhaps with their status, '| ... | ... | ⏳ Pending |') is no day."""
    rows = [row for row in rows if not _elided(row)]
    if len(rows) < 2:
        return None
    days: list[int] = []
    for row in rows:
        column = _DAY_COLUMN.fullmatch(row.cells[0][0].strip())
        cell = _DAY_CELL.fullmatch(keycap_cell(keycap_numbers(row.cells[0][2])).strip()) if column is not None else None
        if cell is None:
            return None
        days.append(int(cell.group("day")))
    word = _DAY_COLUMN.fullmatch(rows[0].cells[0][0].strip()).group("word")  # type: ignore[union-attr]
    one = word.rstrip("sS") if word.casefold() == "days" else word  # 'Day 18' under 'Days'
    # Its first row may be a day 0 of setup ('| 00 | [Introduction](#introduction) |'), a week 0 of its own as a
    # '## Week 0' heading is
    setup = days[0] == 0 and after == 0 and len(days) > 2
    if any(a >= b for a, b in pairwise(days)) or (not setup and (days[0] < 1 or (days[0] + 6) // 7 <= after)):
        return None
    out: list[Block] = []
    for _, week in groupby(zip(days, rows, strict=True), key=lambda pair: (pair[0] + 6) // 7):
        group = list(week)
        items: list[Block] = []
        topics: list[str] = []
        for day, row in group:
            others = _parted_cells(row.cells[1:])
            titled = next((i for i, (_, _, plain) in enumerate(others) if any(c.isalpha() for c in plain)), None)
            title_md, title_plain = (others[titled][1], others[titled][2]) if titled is not None else ("", "")
            title_md, title_plain = _without_own_day(title_md, title_plain, day)
            # the author's status of the day ('| Status |' of 'Completed') is no detail of it
            details = [
                f"{h}: {md}" if h else md
                for i, (h, md, p) in enumerate(others)
                if i != titled and not status_cell(h, p)
            ]
            if title_plain and (topic := _without_emoji(title_plain)):
                topics.append(topic)
            # The day's cell as a link to its lesson ('[01](./01_Day_Setup/README.md)'): the link is the day's,
            # on its topic where the topic has no link of its own, else on the day
            link = _ONE_LINK.fullmatch(row.cells[0][1].strip())
            lead = f"{one} {day}"
            if link is not None and title_md and "](" not in title_md:
                title_md = f"[{title_md}]({link.group('url')})"
            elif link is not None:
                lead = f"[{lead}]({link.group('url')})"
            md = f"{lead}: {title_md}".rstrip(": ") + (" — " + " · ".join(details) if details else "")
            plain = f"{one} {day}: {title_plain}".rstrip(": ")
            items.append(Block("item", row.line, md, plain, quote=row.quote + 1))
        first, last = group[0][0], group[-1][0]
        # A day range even for one day: a single day's heading is no phase ('Day 29' is a day of the plan).
        titled = _week_title(topics)
        heading = f"{one} {first}-{last}" + (f": {titled}" if titled else "")
        out.append(
            Block("heading", group[0][1].line, escape(heading), heading, level=level, quote=group[0][1].quote + 1)
        )
        out.extend(items)
    return out, (days[-1] + 6) // 7


# The header of a table's column of phases ('| Phase | Weeks | Topics |'), whose cells number them ('1. Basics', '3').
_PHASE_COLUMN = re.compile(
    r"phases?|stages?|steps?|fases?|etapas?|étapes?|phasen?|stufen?|этапы?|фазы?|етапи?|aşama|giai\s+đoạn|tahap"
    r"|阶段|階段|단계|フェーズ|#|no\.?|nr\.?",
    re.IGNORECASE,
)
_CELL_NUMBER = re.compile(r"\d{1,3}[.):]?(?:\s+|$)")
# A phase column's cell that names its phase by the column's word before its title ('Phase 1 — Foundation', '[Stage
# 2: Scale](…)'): the word and number, which the phase's own number says, and the separator after them; or that
# word and number alone ('| Phase 1 | Foundation |'), whose title is in another column.
_CELL_PHASE = re.compile(
    r"(?:phase|stage|step|fase|etapa)\s*\d{1,3}(?![.,]\d)(?:\s*(?:[-–—:.)|]\s*|\s)(?=\S)|\s*$)", re.IGNORECASE
)  # not 'Phase 1.5 — Bridge', a phase between two, whose number is no phase's
_CELL_LEAD = re.compile(r"[\[*_]*")  # the marks a cell's words may open with: a link's bracket, bold, italics


def _unnumbered(md: str, plain: str) -> tuple[str, str]:
    """Return a phase column's cell without the phase's number ('1. Cloud basics' is 'Cloud basics', '3' nothing,
    'Phase 1 — Cloud basics' and its link '[Phase 1 — Cloud basics](…)' are 'Cloud basics' and its link)."""
    named = _CELL_PHASE.match(plain)
    if named is not None and named.end() == len(plain):  # '**Phase 1**': its number and nothing else
        return "", ""
    if named is not None:
        lead = _CELL_LEAD.match(md)
        at = lead.end() if lead is not None else 0
        in_md = _CELL_PHASE.match(md, at)
        return (md[:at] + md[in_md.end() :] if in_md else md), plain[named.end() :]
    found = _CELL_NUMBER.match(plain)
    if found is None:
        return md, plain
    if found.end() == len(plain):  # '3', '**3**': its number and nothing else
        return "", ""
    in_md = _CELL_NUMBER.match(md)
    return (md[in_md.end() :] if in_md else md), plain[found.end() :]


def _row_week(block: Block) -> tuple[str, str, tuple[int, int]] | None:
    """Return a table row without its week cell, that cell ('Week: 1') and the weeks it names, when the row has a
    week cell besides its title ('| 1 | Formulas |' under '| Week | Topic |'); None otherwise."""
    cells = _flat_cells(block.cells)
    found = next(
        ((i, weeks) for i, (header, _md, plain) in enumerate(cells) if (weeks := table_row_weeks(header, plain))),
        None,
    )
    # the title is the first cell of words besides the week's ('| W3 | Coverage |': 'Coverage') but a date ('| 01 |
    # Mon 08/24 | Intro |': 'Intro'), as a row without a week cell is titled; a weekday alone still leads its row
    week = found[0] if found is not None else -1
    worded = [i for i, (_, _, plain) in enumerate(cells) if i != week and any(c.isalpha() for c in plain)]
    title = next(
        (i for i in worded if only_day(cells[i][2]) or not only_dates(cells[i][2])), worded[0] if worded else 0
    )
    if found is None or found[0] == title:
        return None
    at, weeks = found
    details = [
        f"{h}: {md}" if h else md
        for i, (h, md, plain) in enumerate(cells)
        if i not in (at, title) and not counter_cell(h, plain)  # '| 3 |' under '#': the row's number, no detail
    ]
    title_md, title_plain = block.cells[title][1:]
    # The row's title cell shows its first line: its others are bullets under the row (see `_Body._row`)
    title_md = cell_lines(title_md)[0] if cell_lines(title_plain)[0] == block.label else cells[title][1]
    short = title_md + (" — " + " · ".join(details) if details else "")
    return short, f"{cells[at][0]}: {cells[at][1]}", weeks


def _topics(entries: list[list], too_deep: list[int]) -> tuple[Topic, ...]:
    """Nest bullets by depth; the lines of bullets deeper than MAX_TOPIC_DEPTH go to `too_deep`."""
    if not entries:
        return ()
    depths = {e[0] for e in entries}
    if len(depths) == 1:  # a flat list, the usual case
        return tuple(
            [_new(Topic, (md, line, (), title, "\n".join(nested))) for _, md, line, title, nested, *_ in entries]
        )
    roots: list[tuple[int, list, list]] = []
    stack: list[tuple[int, list, list]] = []
    for entry in entries:
        node = (entry[0], entry, [])
        while stack and stack[-1][0] >= entry[0]:
            stack.pop()
        if len(stack) == MAX_TOPIC_DEPTH:  # one level up, beside the deepest
            stack.pop()
            too_deep.append(entry[2])
        (stack[-1][2] if stack else roots).append(node)
        stack.append(node)
    return tuple(_nested_topic(n) for n in roots)


def _nested_topic(node: tuple[int, list, list]) -> Topic:
    """Make a bullet's topic with its children's (a module function: a nested one that calls itself is a cycle)."""
    _, md, line, title, nested, *_ = node[1]
    return Topic(md, line, tuple(_nested_topic(c) for c in node[2]), title, "\n".join(nested))


def _joined(lines: list[str]) -> str:
    """Return a part's text: its lines as one paragraph, but for quoted lines ('> …'), which stay lines of the quote."""
    out = ""
    for line in lines:
        if line:
            sep = "\n" if line[:1] == ">" else " "
            out = out + sep + line if out else line
    return out


def _without_leading_marks(label: str) -> str:
    """Return the label without the symbols and emoji before its first word ('🎯 Goal' is 'Goal')."""
    marks = _LEADING_MARKS.match(label)
    return label[marks.end() :] if marks else label


# The words before a colon that opens a line, few enough to be a label ('Focus:', '🎯 Goal:', 'Sprint goal:'); a
# full-width colon needs no blank after it ('目标：掌握语法').
_PLAIN_LABEL = re.compile(r"([^:：\n]{1,30}?)\s*(?::\s+|：\s*)(?=\S)")


# A line that counts what a course or section holds, two counts or more set apart as a tracker's figures are ('21
# Lessons | 2 Projects', '9 lessons · 4 projects · 1 exam', '5 videos, 2 quizzes'): a fact of it, as a tracker writes
# one under its heading, no name of the list after it. One count alone ('3 Projects') may name the list it counts,
# and so may counts joined in words ('10 Tools & 5 Tips', '3 Books and 2 Courses').
_ONE_COUNT = r"\d{1,4}\+?\s+[^\W\d_]+(?:\s+[^\W\d_]+)?"
_COUNTS = re.compile(rf"\s*{_ONE_COUNT}(?:\s*[|·•,/]\s*{_ONE_COUNT})+\s*")


def _counts_line(md: str) -> bool:
    """Return True for a line that only counts what its course holds, bold or not ('**21 Lessons | 2 Projects**')."""
    return _COUNTS.fullmatch(md.strip("*_")) is not None


def _numbers_only(value: str) -> bool:
    """Return True for a label's value of numbers alone ('01–12', '65–70, 83'): which of a course's modules or
    chapters a phase covers, a fact of it as '**Duration:** 4 weeks' is, never the title of a list of its work."""
    return any(c.isdigit() for c in value) and not any(c.isalpha() for c in value)


def _at_phase_top(phase: _PhaseBuilder) -> bool:
    """Return True when nothing but its objective and its fact lines ('**Prerequisites:** …') is written under a
    phase's heading so far."""
    return not phase.parts and not phase.topics and all(piece.kind == "label" for piece in phase.body)


def _listed(phase: _PhaseBuilder) -> bool:
    """Return True when a phase has a list, table, task or part written under it so far: prose after it is no lead-in
    that says the phase's aim ('📚 [TLCL](…) · [Bandit](…)' or '🛠 *Project:* …' after the weeks' bullets)."""
    if phase.topics or phase.parts:
        return True
    for piece in reversed(phase.body):  # what came since its last line of prose (each piece is looked at once)
        if piece.kind == "text":
            return False
        if piece.kind in _LISTED:
            return True
    return False


_LISTED = frozenset(("item", "task", "row", "label"))


# A delimiter row's cell ('---', ':--:'), and a cell's edge that is no escaped pipe.
_DELIMITER_CELL = re.compile(r"\s*:?-+:?\s*")
_CELL_EDGE = re.compile(r"(?<!\\)\|")


def _pipe_row_text(md: str) -> str:
    """Return a line of a paragraph written as a table's row that makes no table ('| Day | Task |' then '| 1 | Read |'
    with no delimiter row, or one of more cells than the header's: GitHub draws no table either) as its cells'
    words joined by ' · ' ('1 · Read'), and a delimiter row as nothing: /phase shows words, not pipes. Any other line,
    and one with code in it (a pipe in code is no cell's edge), is returned as it is. Its phase's objective is still
    taken from no such line: a row is no sentence (see `_NOT_PROSE`)."""
    line = md.rstrip()
    if line[:1] != "|" or line[-1:] != "|" or line.count("|") < 3 or "`" in line:
        return md
    cells = [cell.strip() for cell in _CELL_EDGE.split(line[1:-1])]
    if all(_DELIMITER_CELL.fullmatch(cell) for cell in cells):
        return ""
    return " · ".join(cell for cell in cells if cell)


def _first_sentence(lines: list[str]) -> str | None:
    """Return the first sentence of a phase's prose, its objective when it has no objective line; a line that leads
    in to a list ('Topics:', 'Key functions to master:') says nothing of the phase's aim, nor one that says when it
    runs ('*Days 1–10 · lead: Priya*'); one that counts what the phase holds ('**21 Lessons | 2 Projects**') is a
    fact of it, passed over. A sentence that ends inside emphasis ('*This one is big. Don't panic.*') is closed with its
    marks, so Discord shows no stray '*'."""
    text = next((ln for ln in lines if ln and not ln.endswith(":") and _prose(ln) and not _counts_line(ln)), "")
    if not text or span_line(text) or dated_line(text) or _introduced_definition(lines, text):
        return None
    return first_sentence(text)[0]


def _introduced_definition(lines: list[str], text: str) -> bool:
    """Return True for a line that a lead-in before it introduces and that defines a term of its own ('Primary key:
    the column …' after 'Keys, indexes:'): one of the notes listed, not the phase's aim. After an objective label
    alone ('Goal:'), the line is the aim, whatever its shape."""
    at = lines.index(text)
    lead = next((ln for ln in reversed(lines[:at]) if ln.endswith(":")), None)
    if lead is None or _without_leading_marks(lead[:-1].strip()).casefold() in OBJECTIVE_LABELS:
        return False
    label = _PLAIN_LABEL.match(text) if ":" in text or "：" in text else None
    return label is not None and _without_leading_marks(label.group(1)).casefold() not in OBJECTIVE_LABELS


# An objective's label that opens a line of prose, in italics or bold or not, before a colon or a dash: 'Focus: …',
# '*Focus:* …', '_Goal_: …', 'Outcome - …', '🎯 Goal (Weeks 1-3): …' (see `_objective_lead`)
_PROSE_LABEL = re.compile(
    r"(?P<open>\*{1,2}|_{1,2})?(?P<label>[^:：*_\n]{1,40}?)\s*(?P<shut>\*{1,2}|_{1,2})?"
    r"(?:[:：]\s*(?P<after>\*{1,2}|_{1,2})?|\s[-–—])(?:\s+|(?<=：))(?=\S)"
)


def _objective_lead(line: str) -> int:
    """Return where the text after an objective's label that opens a line of prose starts ('Focus: get comfortable
    with AWS', '*Focus:* …', 'Outcome - …'), else 0: the line has no such label."""
    found = _PROSE_LABEL.match(line) if ":" in line or "：" in line or " " in line else None
    if found is None:
        return 0
    opened, shut = found.group("open") or "", found.group("shut") or found.group("after") or ""
    if opened != shut or (found.group("shut") and found.group("after")):
        return 0
    label = found.group("label").strip()
    known = _without_leading_marks(label).casefold() in OBJECTIVE_LABELS or _spanned_objective(label) is not None
    return found.end() if known else 0


def first_sentence(line: str) -> tuple[str, str]:
    """Split a line of prose into its first sentence, the objective it says, and the rest of the line. An objective
    label before it is left out ('Focus: get comfortable with AWS', an objective line without bold), no other label
    ('Lead: Jonas' is all one sentence). Emphasis the sentence leaves open is closed on it and opened again on the
    rest ('*Big one. Don't panic.*' gives '*Big one.*' and '*Don't panic.*')."""
    line = line[_objective_lead(line) :]
    match = _SENTENCE.match(line)
    if match is None:
        return line, ""
    sentence, rest = match.group(1), line[match.end() :].strip()
    if "*" in sentence or "~~" in sentence:
        opened = "".join(_open_marks(sentence))
        sentence += opened[::-1]
        rest = opened + rest if rest else rest
    return sentence, rest


def _open_marks(md: str) -> list[str]:
    """Return the emphasis marks ('*', '**', '***', '~~') that `md` opens and does not close, innermost last; escaped
    marks and those in code or a link's URL are no emphasis."""
    marks: list[str] = []
    i, end = 0, len(md)
    while i < end:
        char = md[i]
        if char == "\\":
            i += 2
            continue
        if char == "`":  # a code span: up to its closing backtick
            close = md.find("`", i + 1)
            i = end if close < 0 else close + 1
            continue
        if char == "]" and md.startswith("](", i):  # a link's URL
            close = md.find(")", i + 2)
            i = end if close < 0 else close + 1
            continue
        if char == "*" or (char == "~" and md.startswith("~~", i)):
            run = i + 1
            while run < end and md[run] == char:
                run += 1
            mark = md[i:run]
            if marks and marks[-1] == mark:
                marks.pop()
            elif mark == "***" and marks[-2:] in (["*", "**"], ["**", "*"]):
                del marks[-2:]
            else:
                marks.append(mark)
            i = run
            continue
        i += 1
    return marks


# What a line of a phase's text starts with when it is no prose to take an aim from (as Discord markdown, its
# escapes dropped): code or a quote, a list or task item or a table row, and the syntax other tools leave in their
# exports (GitBook and Liquid '{% hint %}', Hugo '{{< youtube >}}', Docusaurus ':::note', Confluence '|| a ||' and
# '<ac:…>' macros, LaTeX '$$', kramdown '{: .class }', an HTML tag).
_NOT_PROSE = re.compile(r"```|>|[-*+•] |\d{1,9}[.)] |\[[ xX]\] |\||\{[%{:/]|:::|\$\$|<[A-Za-z/!]")


# '[Watch the talk](https://…)' or '`s^2 = …`' alone on a line: a link or a formula, no sentence
_ONLY_LINK = re.compile(r"(?:\[[^\]]*\]\([^)]*\)|`[^`]+`)\s*")
# 'Read: [Pro Git ch. 1–3](https://…), …' or 'Watch: [The talk](…) — part 1': what to read, no aim of the phase's
_LABELLED_LINK = re.compile(r"[^\W\d_][\w ]{0,20}:\s*\[[^\]]*\]\(")


# A link, code, and a note in brackets ('(free book)', '(18:40)'): what is left of a line of links without them is marks
_LINK_CODE_OR_NOTE = re.compile(r"\[[^\][]*\]\([^)\s]*\)|`[^`]+`|\([^()]*\)")
# The name a line of links may open with, after marks: 'Notebook:', '**Quiz 2** →'
_LINKS_NAME = re.compile(r"[^\w\s*`\[(]{0,8}\s*(?:\*\*[^*]{1,40}\*\*\s*[:→|–—-]?|[^\W\d_][\w ]{0,20}:)\s*")
# What parts the fields of a line of facts ('*Days 1–10 · lead: Priya*'): a middle dot, a bullet, a bar, a semicolon,
# a dash between blanks
_FIELD_BREAK = re.compile(r"\s*(?:[·•|;]|\s[-–—]\s)\s*")
# A field that says how long: '~6 weeks', '2-3 days', '45 min', '10h'
_LENGTH_FIELD = re.compile(
    r"[~≈]?\d{1,4}(?:\s*[-–]\s*\d{1,4})?\+?\s*(?:weeks?|wks?|days?|months?|hours?|hrs?|h|minutes?|mins?)\.?",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# A field 'who or what: its value' ('lead: Priya', 'Room: 2.14', 'Due: Fri 23 Jan')
_FACT = re.compile(r"[^\W\d_][\w .'-]{0,20}:\s*(\S.{0,39})")


def _prose(line: str) -> bool:
    """Return True when a line of a phase's text (Discord markdown) is prose, not code, a list item, a link alone or
    tool syntax, a line of links or a line of facts."""
    plain = re.sub(r"\\(?=[^\w\s])", "", line)
    return (
        any(c.isalnum() for c in plain)  # '--' or '***' alone: marks, no words
        and _NOT_PROSE.match(plain) is None
        and _ONLY_LINK.fullmatch(plain) is None
        and _LABELLED_LINK.match(plain) is None
        and not _only_links(plain)
        and not _only_facts(plain)
    )


def _only_links(line: str) -> bool:
    """Return True for a line of links or code and nothing more but marks, notes in brackets and a name before them
    ('📚 [TLCL](…) (free book) · [Bandit](…)', '▶️ [Video](…) (18:40)', '📓 Notebook: `01-intro.ipynb`', '❓ **Quiz 2** →
    [take the quiz](…)'): what to read, watch or open, no sentence."""
    if "](" not in line and "`" not in line:
        return False
    name = _LINKS_NAME.match(line)
    rest = line[name.end() :] if name is not None else line
    left = _LINK_CODE_OR_NOTE.sub(" ", rest)
    return ("](" in rest or "`" in rest) and not any(c.isalpha() for c in left)


def _only_facts(line: str) -> bool:
    """Return True for a line of facts about a phase: its days or weeks, dates, length, and short fields 'who or
    what: value' ('*Days 1–10 · lead: Priya*', 'Duration: 2 weeks · Room: 2.14'). At least one field says when or how
    long, and every other is such a short field ('Weeks 9–12 · meet in room 2' is prose)."""
    if _DIGIT.search(line) is None:
        return False
    plain = line.strip().strip("*_~").strip()
    marks = _LEADING_MARKS.match(plain)
    if marks is not None:
        plain = plain[marks.end() :]
    when = False
    for part in _FIELD_BREAK.split(plain):
        fact = _FACT.fullmatch(part)
        value = fact.group(1).rstrip(".") if fact is not None else part
        timed = _when(value)
        if not timed and (fact is None or _SENTENCE_END.search(value) is not None or len(value.split()) > 4):
            return False
        when = when or timed
    return when


def _when(text: str) -> bool:
    """Return True when a text says only when or how long: a span ('Days 1–10', 'Week 3'), dates or a length."""
    if not text or _DIGIT.search(text) is None:
        return False
    if _LENGTH_FIELD.fullmatch(text) is not None or only_dates(text):
        return True
    span = read_phase_heading(text)
    return span is not None and not span.title and span.number is None


def _share_part_weeks(builders: list[_PhaseBuilder], problems: _Problems) -> None:
    """Give the week a phase takes only part of ('## Week 4 + half of Week 5: …') to the phase after it where that one
    starts in it ('## Weeks 5-6: …'), with a warning naming both: phases share no week, and the one that takes the
    week whole keeps it."""
    for b, after in pairwise(builders):
        if b.part is None or b.first is None or b.last is None or after.first is None:
            continue
        if not (b.part[0] <= after.first <= b.last and b.first < after.first):
            continue
        shared = _weeks_said(after.first, b.last)
        b.last = after.first - 1
        own = _weeks_said(b.first, b.last)
        problems.add(
            "warning",
            b.line,
            f"{_phase_name(b)} takes part of {shared}, where {_phase_name(after)} "
            f"({_weeks_said(after.first, after.last)}, line {after.line}) starts: {shared} is shown with the later "
            "phase, and the earlier runs "
            f"{own}; give each phase whole weeks to choose otherwise",
        )


def _copies_left_out(builders: list[_PhaseBuilder], problems: _Problems) -> list[_PhaseBuilder]:
    """Return the phases without those written twice where the second time would put them out of order: a phase
    heading with nothing under it right before the same heading ('## Part 1: Fundamentals' twice, one left empty),
    and a run of phases that gives an earlier run's phases again word for word, in order (a plan pasted twice),
    which the learner has read already; each with a warning. Such a file loads, its plan read once."""
    kept = list(builders)
    i = 1
    while i < len(kept):
        previous, b = kept[i - 1], kept[i]
        if not _goes_back(previous, b):
            i += 1
            continue
        if previous.empty and _phase_key(previous) == _phase_key(b):
            problems.add(
                "warning",
                b.line,
                f"{_phase_name(b)} is written twice (lines {previous.line} and {b.line}), the first time with "
                "nothing under it: read once; remove the empty heading to silence this",
            )
            del kept[i - 1]
            continue
        copied = _copied_run(kept, i)
        if copied is None:
            i += 1
            continue
        start, length = copied
        copy, first = kept[i : i + length], kept[start : start + length]
        if length == 1:
            said = f"{_phase_name(b)} (line {b.line}) gives the phase of line {first[0].line}"
        else:
            said = (
                f"{_phase_name(copy[0])} to {_phase_name(copy[-1])} (lines {copy[0].line}-{copy[-1].line}) give the "
                f"phases of lines {first[0].line}-{first[-1].line}"
            )
        problems.add("warning", b.line, f"{said} again, word for word: read once; remove the copy to silence this")
        del kept[i : i + length]
    return kept


def _goes_back(previous: _PhaseBuilder, b: _PhaseBuilder) -> bool:
    """Whether a phase comes before the one before it: its number or its weeks go back."""
    if b.number is not None and previous.number is not None:
        return b.number <= previous.number
    return b.first is not None and previous.last is not None and b.first <= previous.last


def _phase_key(b: _PhaseBuilder) -> tuple[int | None, int | None, int | None, str, str]:
    """What a phase heading says: its number, weeks, unit and title (two headings alike are one phase written twice)."""
    return b.number, b.first, b.last, b.unit, b.title.casefold()


def _copied_run(builders: list[_PhaseBuilder], at: int) -> tuple[int, int] | None:
    """Return where the earlier phases start that the phases from `at` copy, in order, and how many they copy; None
    when the phase at `at` copies none. A copy says what its phase says and holds what it holds: phases of the same
    numbers and titles with other work under them (a second track) are no copy."""
    start = next((j for j in range(at) if _copies(builders[at], builders[j])), None)
    if start is None:
        return None
    length = 1
    while (
        at + length < len(builders) and start + length < at and _copies(builders[at + length], builders[start + length])
    ):
        length += 1
    return start, length


def _copies(b: _PhaseBuilder, earlier: _PhaseBuilder) -> bool:
    """Whether a phase is a copy of an earlier one: its heading and what is written under it the same."""
    return (
        _phase_key(b) == _phase_key(earlier)
        and b.objective == earlier.objective
        and [(p.kind, p.md, p.depth) for p in b.body] == [(p.kind, p.md, p.depth) for p in earlier.body]
    )


def _repeated_week_moves_on(builders: list[_PhaseBuilder], problems: _Problems) -> None:
    """Read a one-week phase that gives the week of the one-week phase right before it again ('### Week 16' twice,
    the second dated a week later) as the week after it, and the weeks its author counted on from it one later, with
    a warning: two phases share no week, and a count that runs on from a number written twice is one off from there."""
    for i, (previous, b) in enumerate(pairwise(builders)):
        if not _repeats_its_week(previous, b):
            continue
        run = [b]
        for after in builders[i + 2 :]:  # the weeks counted on from the repeat, one a phase
            if not (after.unit == "week" and after.first == after.last == run[-1].last + 1):  # type: ignore[operator]
                break
            run.append(after)
        week = b.first
        for moved in run:
            moved.first, moved.last = moved.first + 1, moved.last + 1  # type: ignore[operator]
        later = (
            f", and {_weeks_said(run[1].first - 1, run[-1].last - 1)} as {_weeks_said(run[1].first, run[-1].last)}"
            if len(run) > 1
            else ""
        )
        problems.add(
            "warning",
            b.line,
            f"{_phase_name(b)} gives week {week} of {_phase_name(previous)} (line {previous.line}) twice: it is read "
            f"as week {b.first}{later}; number the weeks 1, 2, 3, … to choose otherwise",
        )


# A heading that opens with its week ('Week 16 - August 2-8 - The DOM'), after its marks.
_WEEK_FIRST = re.compile(rf"[\W_]*(?:{WEEK_WORDS})(?![^\W\d_])", re.IGNORECASE)


def _repeats_its_week(previous: _PhaseBuilder, b: _PhaseBuilder) -> bool:
    """Whether a phase gives the one week the phase right before it gives, both headings that open with their week
    at one level, no number of their own counting them: topics that share a week ('## 2. Two pointers — Week 1'
    after '## 1. Arrays — Week 1', '## Stack (Week 2)' after '## Queue (Week 2)') are no week written twice."""
    return (
        previous.unit == b.unit == "week"
        and previous.number is None
        and b.number is None
        and _WEEK_FIRST.match(previous.heading) is not None
        and _WEEK_FIRST.match(b.heading) is not None
        and previous.level == b.level
        and b.first is not None
        and previous.first == previous.last == b.first == b.last
        and not (b.crowded or previous.crowded)
    )


def _days_end_with_their_weeks(b: _PhaseBuilder) -> None:
    """End a phase given in days ('## Days 1-30') where its own week headings end ('### Week 1' … '### Week 4': weeks
    1-4, not the fifth week days 29-30 reach into), where they start at its first week and end in its last or the
    week before; weeks counted from 1 again under each block of days are no weeks of the path."""
    if b.unit != "day" or not b.inner or b.first is None or b.last is None:
        return
    first, last = min(a for a, _ in b.inner), max(z for _, z in b.inner)
    if first == b.first and b.last - 1 <= last <= b.last:
        b.last = last


def _overview_weeks(builders: list[_PhaseBuilder]) -> None:
    """Take from a phase without weeks the weeks inside it (its week table's rows, its week headings) that run past
    the start of the next phase that gives its weeks: they are the whole plan's ('## Phase 0: Overview' over a table
    of weeks 1-4, then '## Phase 1: Basics (Weeks 1-2)'), none of its own."""
    start = math.inf  # the first week of the next phase that gives its weeks
    for b in reversed(builders):
        if b.first is not None:
            start = b.first
        elif b.inner and max(z for _, z in b.inner) > start:
            b.inner = []


def _relative_warning(links: Links, problems: _Problems) -> None:
    """Say once what of the file's relative links and images is shown unlinked: the one fix, baseUrl, links both."""
    n, images = links.relative_dropped, links.relative_images
    if not n and not images:
        return
    lines = [line for count, line in ((n, links.first_dropped_line), (images, links.first_image_line)) if count]
    first = min((line for line in lines if line is not None), default=None)
    if n and images:
        said = (
            f"{n} relative link{'s are' if n > 1 else ' is'} shown as plain text and {images} relative "
            f"image{'s' if images > 1 else ''} as {'their' if images > 1 else 'its'} alt text: add "
            "'baseUrl: https://…' to the front-matter to make them clickable, or use full URLs"
        )
    elif n:
        said = (
            f"{n} relative link{'s are' if n > 1 else ' is'} shown as plain text: add 'baseUrl: https://…' "
            f"to the front-matter to make {'them' if n > 1 else 'it'} clickable, or use full URLs"
        )
    else:
        said = (
            f"{images} relative image{'s are' if images > 1 else ' is'} shown as {'their' if images > 1 else 'its'} "
            f"alt text, unlinked: add 'baseUrl: https://…' to the front-matter to link "
            f"{'them' if images > 1 else 'it'}, or use full URLs"
        )
    problems.add("warning", first, said)


def _plan_weeks(builders: list[_PhaseBuilder], months: dict[str, tuple[int, int]], problems: _Problems) -> None:
    """Give weeks to phases that have none: from phase headings or week table rows inside them, from the days their
    parts name where the file's phases are laid out in days, else from timelineMonths."""
    end = 0
    last_day = 0  # the last day the parts of the phases so far name
    sized = 0  # the weeks of the phases so far that give only their length, laid out after `end` below
    in_days = _laid_out_in_days(builders)
    for b in builders:
        # Days its parts name after those of the phases before it are its days (a heading's own, '## Days 1-30',
        # say them already); days counted again from 1 under each phase are no days of the path
        if in_days and b.days and b.unit != "day" and min(b.days) > last_day:
            b.day_span = (min(b.days), max(b.days))
            last_day = b.day_span[1]
        elif b.day_span is not None:  # the days the line under its heading gives
            last_day = max(last_day, b.day_span[1])
        if b.first is None and b.inner:
            first, last = min(a for a, _ in b.inner), max(z for _, z in b.inner)
            if first > end + sized:
                b.first, b.last = first, last
            elif first == end and not sized and last > end:
                # its first week is the last of the phase before ('| 08 | Mon | Exam 1 |' ending Phase I, '| 08 | Wed
                # | Charts |' opening Phase II): the week is that phase's, this one runs the weeks after it
                b.first, b.last = end + 1, last
            else:  # weeks counted from each phase's start ('Week 1' again under the next phase, or under the
                # first after '## Phase 0: Setup (2 weeks)', whose weeks come first): its length
                b.length = last - first + 1
        elif in_days and b.first is None and b.days and not b.length:  # '### Day 11' … '### Day 20': their weeks
            first, last = _weeks_of_days(min(b.days), max(b.days))
            if b.day_span is not None:
                b.first, b.last, b.unit = first, last, "day"
            else:  # days counted from each phase's start ('Day 1' again under the next phase): its length
                b.length = last - first + 1
        if b.first is not None:
            sized = 0
        elif b.length:
            sized += b.length
        end = max(end, b.last or 0)
    # Days become weeks with an overlap at each boundary (days 1-30, 31-60): the later phase moves on, where its own
    # week headings do not end the one before it first.
    previous: _PhaseBuilder | None = None
    for b in builders:
        _days_end_with_their_weeks(b)
        if (
            b.unit == "day"
            and previous is not None
            and previous.last is not None
            and b.first is not None
            and b.first <= previous.last
        ):
            b.first = previous.last + 1
            b.last = max(b.last or b.first, b.first)
        previous = b
    # A phase that gives its length ('(4 weeks)') is laid out after the one before it; the others are planned.
    missing = [b for b in builders if b.first is None and not b.length]
    sized = any(b.first is None and b.length for b in builders)
    if not missing and not sized:
        return
    given = [b for b in builders if b.first is not None or b.length]
    if not given and months:
        pace, (low, high) = next(iter(months.items()))
        total = max(len(builders), round((low + high) / 2 * WEEKS_PER_MONTH))
        said = f"{pace.replace('_', ' ')}: {months_text(low, high)} months"
        source = f"from timelineMonths ({said}, about {total} weeks)"
    else:
        total = DEFAULT_PHASE_WEEKS * len(builders) if not given else 0
        source = f"{DEFAULT_PHASE_WEEKS} weeks each"
    if total:
        share, extra = divmod(total, len(builders))
        lengths = [share + (1 if i < extra else 0) for i in range(len(builders))]
    else:
        lengths = [DEFAULT_PHASE_WEEKS] * len(builders)
    end = 0
    between: dict[int, str] = {}  # the phases planned into the weeks free before a phase with weeks, by id
    for i, (b, length) in enumerate(zip(builders, lengths, strict=True)):
        if b.first is None and b.length:
            b.first, b.last, b.unit = end + 1, end + b.length, "week"
        elif b.first is None:
            free = _free_weeks(builders, i, end)
            if free is not None:  # never into the weeks of the phase after it: what is free before them
                weeks, sharing, after = free
                if weeks < sharing:  # the weeks given around them leave too few
                    if i == 0 or not builders[i - 1].crowded:  # once for those that share the weeks
                        _no_free_weeks(builders, i, end, weeks, after, problems)
                    b.crowded, length = True, 1
                else:
                    length = -(-weeks // sharing)  # the first of them takes the odd week
                if not b.crowded:
                    between[id(b)] = _between(builders, i, after)
            b.first, b.last, b.unit = end + 1, end + length, "planned"
        end = max(end, b.last or 0)
    missing = [b for b in missing if not b.crowded]  # those have their error
    if not missing:
        return
    spans = ", ".join(
        f"{_phase_name(b)} {_weeks_said(b.first, b.last)}{f' ({between[id(b)]})' if id(b) in between else ''}"
        for b in missing
    )
    sources = [source] if len(between) < len(missing) else []
    if between:
        sources.append(f"in the weeks free between the phases around {'them' if len(missing) > 1 else 'it'}")
    problems.add(
        "warning",
        missing[0].line,
        f"{len(missing)} phase{'s have' if len(missing) > 1 else ' has'} no weeks; planned {', or '.join(sources)}: "
        f"{spans}. Add '(Weeks a-b)' to a phase heading to choose its weeks",
    )


def _laid_out_in_days(builders: list[_PhaseBuilder]) -> bool:
    """Return whether a file's phases are laid out in the days their parts name ('### Day 11', a '| Day |' table's
    rows, '1. **Day 31** — Spark'), so that those days date them and answer day questions: every phase its heading
    does not date in days names days, several of them or days that run on from the phase before or into the next
    (a bootcamp's). A day named here and there ('### Day 1: Set up your environment' in one phase, '- Day 1 of the
    sprint: kickoff' in another) is a line of that phase's work: the plan stays in weeks."""
    named = [b.days for b in builders if b.unit != "day"]
    if not any(named) or not all(named):  # most files name no days; one phase without days: no plan in days
        return False
    for i, days in enumerate(named):
        if len(set(days)) > 1:
            continue
        before = i > 0 and min(days) > max(named[i - 1])
        after = i + 1 < len(named) and min(named[i + 1]) > max(days)
        if not before and not after:  # one day alone, counted from 1 again or out of turn
            return False
    return True


def _weeks_of_days(first: int, last: int) -> tuple[int, int]:
    """Return the weeks days `first` to `last` fall in, seven days a week (days 8-14: week 2)."""
    return (max(first, 1) + 6) // 7, (max(last, 1) + 6) // 7


def _last_number(b: _PhaseBuilder) -> int:
    """Return the last number a phase covers: its own, or the last of those its heading numbers ('## Les 2-4' covers
    lessons 2 to 4, so lesson 5 comes next)."""
    number = b.number or 0
    last = series_last(b.heading) if b.heading else None
    return last if last is not None and last > number else number


def _phase_name(b: _PhaseBuilder) -> str:
    """Return how a message names a phase, as its file does: 'Phase 4' where it is numbered ('## Phase 4: …', '## 4.
    Containers'), else by its title ('Linear regression', 'Week 3' for '## Week 3'), not by a place the author never
    numbered."""
    if b.number is not None:
        return f"Phase {b.number}"
    if b.title or b.first is None:
        return repr(b.title or f"the phase at line {b.line}")
    return repr(_weeks_said(b.first, b.last).capitalize())


def _weeks_said(first: int | None, last: int | None) -> str:
    """Return weeks as a message says them: 'week 3', 'weeks 3-5'."""
    return f"week {first}" if last is None or first == last else f"weeks {first}-{last}"


def _between(builders: list[_PhaseBuilder], start: int, after: _PhaseBuilder) -> str:
    """Return where the weeks free for a phase without weeks are: 'between Phase 3 and Phase 5' (the phases around
    those without weeks it is among), 'before Phase 2'."""
    before = next((b for b in reversed(builders[:start]) if b.unit != "planned"), None)
    return f"between {_phase_name(before)} and {_phase_name(after)}" if before else f"before {_phase_name(after)}"


def _free_weeks(builders: list[_PhaseBuilder], start: int, end: int) -> tuple[int, int, _PhaseBuilder] | None:
    """Return the weeks free between week `end` and the next phase with weeks from `builders[start]` on, less the
    lengths given before it ('(2 weeks)'), how many phases without weeks share them, and that next phase; None when
    no phase after it has weeks."""
    sharing, sized = 0, 0
    for b in builders[start:]:
        if b.first is not None:
            return b.first - end - 1 - sized, sharing, b
        if b.length:
            sized += b.length
        else:
            sharing += 1
    return None


def _no_free_weeks(
    builders: list[_PhaseBuilder], start: int, end: int, weeks: int, nxt: _PhaseBuilder, problems: _Problems
) -> None:
    """Tell that the phases without weeks from `builders[start]` on have too few free before the next phase with
    weeks, `nxt`: the weeks given around them leave no room."""
    run = takewhile(lambda b: b is not nxt, builders[start:])
    names = [_phase_name(b) for b in run if not b.length]
    said = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    free = f"only {weeks} week{'s are' if weeks > 1 else ' is'}" if weeks > 0 else "no week is"
    before = f"week {end}" if end else "the start"
    problems.add(
        "error",
        builders[start].line,
        f"{said} {'have' if len(names) > 1 else 'has'} no weeks, and {free} free between {before} and "
        f"{_phase_name(nxt)} ({_weeks_said(nxt.first, nxt.last)}, line {nxt.line}): give "
        f"{'each' if len(names) > 1 else 'it'} weeks in its heading ('(Weeks a-b)') and move the phases after",
    )


def _newest_last(builders: list[_PhaseBuilder]) -> None:
    """Put a plan written newest first ('### Month 03', then '### Month 02', then '### Month 01', as a learning log
    keeps its current month on top) in the order a learner walks it: each phase's weeks end the week before those of
    the phase written above it, down to week 1. A plan in any other order is left as written (its overlaps are
    errors)."""
    spans = [(b.first, b.last) for b in builders]
    numbers = [b.number for b in builders]
    if len(builders) < 2 or spans[-1][0] != 1:
        return
    if any(a[0] is None or b[1] is None or a[0] != b[1] + 1 for a, b in pairwise(spans)):
        return
    numbered = [n for n in numbers if n is not None]
    if numbered and (len(numbered) < len(numbers) or any(a <= b for a, b in pairwise(numbered))):
        return  # numbers that do not count down ('Phase 1', 'Phase 2' over weeks that do) are no log's
    builders.reverse()
    for b in builders:  # 'Phase 3' over 'Phase 2' over 'Phase 1': numbered by their place in the order walked
        b.number = None


def _shared_title(builders: list[_PhaseBuilder]) -> bool:
    """Return True where two or more phases numbered by their place all share one title ('## 1주차 모임' … '## 5주차
    모임': 'meeting'; '## Week 2 Recap'): a word that says what every week is, no week's topic, so that each phase is
    titled by its heading as written ('1주차 모임') and the learner can tell them apart."""
    if len(builders) < 2 or any(b.number is not None or not b.heading for b in builders):
        return False
    first = builders[0].title.casefold()
    return bool(first) and all(b.title.casefold() == first for b in builders)


def _heading_as_title(b: _PhaseBuilder) -> str:
    """Return a phase's heading as the title it shows where the plan's phases share one title (`_shared_title`):
    up to the end of that title, so that the words after it ('**Week 1: Review** — Read chapter one.': the bold
    week's text) and the author's progress ('Week 1 — Review ✅') are left out."""
    heading = _LEADING_MARKS.sub("", b.heading)
    at = heading.rfind(b.title)
    if at > 0:
        heading = heading[: at + len(b.title)]
    return without_status(heading)


def _setup_week_zero(builders: list[_PhaseBuilder]) -> None:
    """Give a first 'Phase 0' without weeks week 0 where the phase after it starts in week 1 ('## Phase 0: Setup'
    over '## Phase 1: Basics (Weeks 1-3)'), as '## Week 0: Setup' has it: a week of setup before the others, which
    `_count_weeks_from_one` then moves on with them. No week is free for it before week 1 otherwise."""
    if len(builders) < 2:
        return
    zero, after = builders[0], builders[1]
    if zero.number != 0 or zero.first is not None or zero.length or zero.inner or zero.days:
        return
    start = after.first if after.first is not None else min((a for a, _ in after.inner), default=None)
    if start == 1:
        zero.first, zero.last, zero.unit = 0, 0, "week"


def _count_weeks_from_one(builders: list[_PhaseBuilder]) -> bool:
    """Move a plan whose first phase starts before week 1 ('## Week 0: Setup', '## Month 0: Tools') on until it
    starts at week 1, every phase as far: a learner's weeks count from 1. Say whether it did so."""
    first = builders[0]
    start = first.first if first.first is not None else min((a for a, _ in first.inner), default=None)
    if start is None or start >= 1:
        return False
    shift = 1 - start
    for b in builders:
        b.first = None if b.first is None else b.first + shift
        b.last = None if b.last is None else b.last + shift
        b.inner = [(a + shift, z + shift) for a, z in b.inner]
        # its parts that name weeks ('### Week 0' under '## Setup', a week table's rows) count as the file does
        b.body = [p if p.weeks is None else p._replace(weeks=(p.weeks[0] + shift, p.weeks[1] + shift)) for p in b.body]
    return True


_WEEKS_SAID = re.compile(rf"(?<![^\W\d_])(?:{WEEK_WORDS})(?![^\W\d_])", re.IGNORECASE)


def _months_run_on(builders: list[_PhaseBuilder]) -> None:
    """End a month whose own week headings run past its four weeks where they end: '## Month 7' (weeks 25-28) over
    '### Weeks 25-26' … '### Weeks 28-30' runs weeks 25-30, its author's last weeks, not 25-28. Only where its weeks
    start inside the month and no phase after it starts by then (a month over weeks counted from 1 again, or one
    whose last week is the next month's first, keeps its four weeks), and where its heading gives no weeks of its own
    ('## Month 2 (Weeks 5-9)' ends at week 9)."""
    for i, b in enumerate(builders):
        if b.unit != "month" or not b.inner or b.first is None or b.last is None:
            continue
        if b.first % 4 != 1 or b.last % 4:  # not a month's four weeks: weeks its heading gives ('(Weeks 5-9)')
            continue
        if _WEEKS_SAID.search(b.heading) is not None:  # '## Month 2 (Weeks 5-8)': its weeks are the heading's
            continue
        first, last = min(a for a, _ in b.inner), max(z for _, z in b.inner)
        if not b.first <= first <= b.last < last:
            continue
        later = [n.first for n in builders[i + 1 :] if n.first is not None]
        if all(start > last for start in later):
            b.last = last


def _part_goal(phase: _PhaseBuilder, sub: _Sub) -> bool:
    """Return True when a goal line in the part `sub` is that part's own, not the phase's objective: the phase has
    its objective or words of its own already, or the part does not open it."""
    return bool(
        phase.objective is not None or phase.intro or phase.topics or not phase.parts or phase.parts[0] is not sub
    )


def _part_goals_stay(builders: list[_PhaseBuilder]) -> None:
    """Give a goal line read as a phase's objective back to its part where several of the phase's parts have one
    ('### Monday' then '**Goal:** …', '### Tuesday' then '**Goal:** …'): each is its day's, shown under it, and the
    phase's objective is its first sentence, as where it has no goal line."""
    for b in builders:
        if b.part_goal is not None and len(b.goal_parts) > 1:
            at, piece = b.part_goal
            b.body.insert(at, piece)
            b.objective, b.part_goal = None, None


def _objective_parts(builders: list[_PhaseBuilder]) -> None:
    """Read as a phase's objective the text of a sub-heading named for it that opens the phase ('### Objective' over
    'Read and write Python.'), as an '**Objective:**' line is: said with every week, no part of any week's work (a
    week's next step is never 'Objective'). Its first paragraph is the objective; more paragraphs under it are the
    phase's own text, as written after an '**Objective:**' line. One that holds a list or tasks stays a part. One
    whose goal line gave the objective ('### Objective' over '**Goal:** Learn the shell.') is no part either: the
    paragraphs after that line are the phase's own text, not a second objective."""
    for b in builders:
        if (b.objective is not None and b.part_goal is None) or not b.parts or not b.body or b.intro or b.topics:
            continue
        part, first = b.parts[0], b.body[0]
        if not (first.kind == "label" and first.heading and first.line == part.line):
            continue
        if not (part.text or b.objective) or part.topics or part.tasks or part.lines:
            continue
        if _without_leading_marks(part.label.rstrip(":：").strip()).casefold() not in OBJECTIVE_LABELS:
            continue
        end = 1
        while end < len(b.body) and b.body[end].kind == "text":
            end += 1
        if end < len(b.body) and b.body[end].kind != "label":  # more of it than its text: a part
            continue
        paragraphs = [line for line in part.text if line]
        if b.objective is not None:  # its goal line's: the paragraphs after that line are the phase's text
            b.intro, b.part_goal = paragraphs, None
            del b.parts[0], b.body[0]
        elif end > 2 and len(paragraphs) == end - 1:  # its first paragraph; the rest show as the phase's text
            b.objective, b.intro, end = paragraphs[0], paragraphs[1:], 2
            del b.parts[0], b.body[:end]
        else:
            b.objective = " ".join(part.text)
            del b.parts[0], b.body[:end]


def _build_phases(
    builders: list[_PhaseBuilder],
    problems: _Problems,
    months: dict[str, tuple[int, int]],
    topics_of: Callable[[list[list]], tuple[Topic, ...]],
    others: Sequence[tuple[int, int, str]] = (),
) -> tuple[Phase, ...]:
    """Return the phases built, numbered and given their weeks, with the problems of their numbers and weeks;
    `others` are the file's headings that are no phase, as (line, level, title), which a gap warning may point at."""
    if not builders:
        return ()
    _part_goals_stay(builders)
    _objective_parts(builders)
    _newest_last(builders)
    builders[:] = _copies_left_out(builders, problems)
    _share_part_weeks(builders, problems)  # before weeks from 0 move on: its warning names the weeks as written
    _overview_weeks(builders)
    _setup_week_zero(builders)
    shared = _shared_title(builders)  # before the place numbers below
    place = 0 if _count_weeks_from_one(builders) else 1  # the number of a first phase numbered by its place
    _months_run_on(builders)
    _plan_weeks(builders, months, problems)
    _repeated_week_moves_on(builders, problems)
    names = {id(b): _phase_name(b) for b in builders}  # before the place numbers below, which no file wrote
    # weeks between phases: (line, first, last, between which, how to fill them)
    gaps: list[tuple[int, int, int, str, str]] = []
    phases: list[Phase] = []
    previous: _PhaseBuilder | None = None
    p_impossible = False  # the previous phase's weeks are impossible (an error says so)
    for b in builders:
        name = names[id(b)]
        if b.number is None:  # week, month and day headings are numbered by their place
            b.number = previous.number + 1 if previous is not None and previous.number is not None else place
        first = 1 if b.first is None else b.first
        last = first if b.last is None else b.last
        impossible = first < 1 or last < first or last > MAX_WEEKS
        if impossible:
            problems.add(
                "error",
                b.line,
                f"{name} has impossible weeks {first}-{last}: weeks count from 1 "
                f"and the last week must not come before the first (at most {MAX_WEEKS})",
            )
        if previous is None:
            if b.number > 1:  # 'Phase 0: Prerequisites', 'Level 0' start a plan as 'Phase 1' does
                problems.add("warning", b.line, f"the first phase is Phase {b.number}; phases usually start at 1")
            if first > 1 and not impossible:
                fix = _late_start_fix(b, last)
                problems.add("warning", b.line, f"{name} starts at week {first}, not week 1; {fix}")
        else:
            # Resolved below on the previous round: 'or 0' only satisfies the type checker.
            p_first, p_last, p_number = previous.first or 0, previous.last or 0, previous.number or 0
            p_name = names[id(previous)]
            if b.number <= p_number:
                problems.add(
                    "error",
                    b.line,
                    f"phases out of order: {name} comes after {p_name} "
                    f"(line {previous.line}); number them 1, 2, 3, ...",
                )
            elif b.number != p_number + 1 and b.number != (p_until := _last_number(previous)) + 1:
                p_until = p_until if b.number > p_until else p_number
                problems.add("warning", b.line, f"Phase {p_until + 1} is missing between {p_until} and {b.number}")
            if impossible or p_impossible:
                pass  # its error says what is wrong with its weeks: no gap or overlap is measured from them
            elif first <= p_last and not (b.crowded or previous.crowded):  # a crowded phase has its error
                problems.add(
                    "error",
                    b.line,
                    f"{name} ({_weeks_said(first, last)}) overlaps {p_name} "
                    f"({_weeks_said(p_first, p_last)}, line {previous.line}); "
                    f"{_overlap_fix(previous, p_first, p_last, b, first, last, (p_name, name))}",
                )
            elif first > p_last + 1:
                cut = previous.cut
                whose = f"the heading {p_name}" if p_name[:1] == "'" else f"{p_name}'s heading"
                unread = (
                    f"; {whose} (line {previous.line}) may say more weeks: '{cut}' after its span is not read"
                    if cut is not None and _DIGIT.search(cut) is not None
                    else ""
                )
                fix = _unread_week_fix(others, previous.line, b.line, p_last + 1, first - 1) or _gap_fix(
                    previous, b, p_last + 1, first - 1
                )
                days = _day_gap(previous, b)
                if days is not None:
                    gaps.append((b.line, p_last + 1, first - 1, *days))
                elif unread:
                    problems.add(
                        "warning",
                        b.line,
                        f"{_weeks_said(p_last + 1, first - 1)} {'belongs' if first - 1 == p_last + 1 else 'belong'} "
                        f"to no phase (between {p_name} and {name}){unread}; {fix}",
                    )
                else:
                    gaps.append((b.line, p_last + 1, first - 1, f"between {p_name} and {name}", fix))
        b.final, b.first, b.last = b.number, first, last
        p_impossible = impossible
        objective = b.objective or _first_sentence(b.intro[: b.lead] if b.lead is not None else b.intro)
        phases.append(
            Phase(
                number=b.number,
                title=_heading_as_title(b)
                if shared
                else b.title or (f"Weeks {first}-{last}" if first != last else f"Week {first}"),
                first_week=first,
                last_week=last,
                line=b.line,
                section_id=b.section_id,
                objective=objective,
                topics=topics_of(b.topics),
                subsections=tuple(
                    Subsection(s.label, s.line, _joined(s.text), topics_of(s.topics), s.end) for s in b.parts
                ),
                text="\n".join([*b.intro, b.links] if b.links else b.intro),
                planned=b.unit == "planned",
                days=b.day_span,
                body=(*b.body, Piece("text", b.line, b.links)) if b.links else tuple(b.body),
            )
        )
        previous = b
    _gaps_warning(gaps, problems)
    return tuple(phases)


def _gaps_warning(gaps: list[tuple[int, int, int, str, str]], problems: _Problems) -> None:
    """Warn about the weeks between phases ((line, first, last, between which phases, how to fill them)): one warning
    a gap, or one naming them all where there are several (a group that meets every other week leaves a week
    between each two meetings)."""
    if len(gaps) == 1:
        line, first, last, between, fix = gaps[0]
        verb = "belongs" if first == last else "belong"
        problems.add("warning", line, f"{_weeks_said(first, last)} {verb} to no phase ({between}); {fix}")
    elif gaps:
        weeks = [str(first) if first == last else f"{first}-{last}" for _, first, last, _, _ in gaps]
        after = _weeks_said(gaps[1][1], gaps[1][2]) if len(gaps) == 2 else f"the {len(gaps) - 1} gaps after it"
        problems.add(
            "warning",
            gaps[0][0],
            f"{len(gaps)} gaps between phases: weeks {', '.join(weeks[:-1])} and {weeks[-1]} belong to no phase "
            f"(the first {gaps[0][3]}); {gaps[0][4]}, and likewise for {after}",
        )


def _respan_said(b: _PhaseBuilder, first: int, last: int) -> str | None:
    """Return how a message says to give a phase weeks `first` to `last` in its heading: "'Phase 1: Basics (Week
    1)' to '(Weeks 1-2)'"; None where its heading does not give its weeks as a week span (dates, months, planned
    weeks: see `respan`)."""
    if not b.heading or b.first is None:
        return None
    span = respan(b.heading, (b.first, b.first if b.last is None else b.last), first, last)
    return None if span is None else f"'{b.heading}' to '{span}'"


# A week named in a heading's words ('📌 04 — Week 4: HTML & CSS'), from its word on
_NAMED_WEEK = re.compile(r"\bweek\s*#?\s*0*(\d{1,3})\b", re.IGNORECASE)


def _unread_week_fix(others: Sequence[tuple[int, int, str]], after: int, before: int, first: int, last: int) -> str:
    """Return how to fill weeks `first` to `last` where a heading between the lines `after` and `before` names one
    of them but is read as no phase ('## 📌 04 — Week 4: HTML & CSS'): write it from its week on ('## Week 4: HTML &
    CSS'); "" where none does."""
    for line, level, title in others:
        if not after < line < before or not 1 <= level <= 6:
            continue
        named = _NAMED_WEEK.search(title)
        if named is None or not first <= int(named.group(1)) <= last or named.start() == 0:
            continue
        shown = f"{'#' * level} {title[named.start() :]}"
        if read_phase_heading(shown[level + 1 :]) is None:
            continue
        week = named.group(1)
        return f"the heading '{title}' (line {line}) names week {week} but is not read as a phase: write it '{shown}'"
    return ""


def _gap_fix(before: _PhaseBuilder, after: _PhaseBuilder, first: int, last: int) -> str:
    """Return how to give weeks `first` to `last`, between the phases `before` and `after`, a phase: widen the one
    before (else the one after) to them, or add one."""
    weeks = _weeks_said(first, last)
    widen = _respan_said(before, before.first or first, last) or _respan_said(after, first, after.last or last)
    return f"widen {widen} or add a phase for {weeks}" if widen else f"add a phase for {weeks}"


def _day_gap(before: _PhaseBuilder, after: _PhaseBuilder) -> tuple[str, str] | None:
    """Return where the weeks between two phases are missing and how to fill them, by their days, where the phases
    are weeks of days ('## Day 10' then '## Day 22'): ('between Day 10 and Day 22', 'add days 11-21, or number the
    days after Day 10 from 11'); None for other phases."""
    if before.unit != "day" or after.unit != "day" or not before.heading or not after.heading:
        return None
    before_days, after_days = days_said(before.heading), days_said(after.heading)
    if before_days is None or after_days is None:
        return None
    end, start = before_days[1], after_days[0]
    return (
        f"between Day {end} and Day {start}",
        f"add {_days_named(end + 1, start - 1)}, or number the days after Day {end} from {end + 1}",
    )


def _days_named(first: int, last: int) -> str:
    """Return days as a message says them: 'day 11', 'days 11-21'."""
    return f"day {first}" if first == last else f"days {first}-{last}"


def _overlap_fix(
    before: _PhaseBuilder, p_first: int, p_last: int, b: _PhaseBuilder, first: int, last: int, names: tuple[str, str]
) -> str:
    """Return how to end the overlap of phase `b` (weeks `first` to `last`) with the phase before it (`p_first` to
    `p_last`): shorten the one before to end before `b` starts, or `b` to start after it ends, where a heading's week
    span can say so; else what weeks to move, naming the phases by `names` (the one before's, then `b`'s), as the
    rest of the message does."""
    options = [
        said
        for said in (
            _respan_said(before, p_first, first - 1) if first - 1 >= p_first else None,
            _respan_said(b, p_last + 1, last) if p_last + 1 <= last else None,
        )
        if said is not None
    ]
    if options:
        return f"shorten {' or '.join(options)}"
    return f"give {names[1]} weeks after week {p_last}, or end {names[0]} before week {first}"


def _late_start_fix(b: _PhaseBuilder, last: int) -> str:
    """Return how to fill the weeks before a plan's first phase (`b`, which ends at week `last`): add a phase for
    them, or count the weeks from 1."""
    first = b.first or 1
    weeks = _weeks_said(1, first - 1)
    moved = _respan_said(b, 1, last - first + 1)
    renumber = f"count the weeks from 1 ({moved}, and the phases after it alike)" if moved else "count the weeks from 1"
    return f"add a phase for {weeks}, or {renumber}"


def _build_checklist(
    raw: list[_RawItem],
    problems: _Problems,
    nested: dict[int, list[str]],
    parts_of: set[tuple[int, str]],
    fields_shown: dict[str, str] | None = None,
    as_written: frozenset[str] = frozenset(),
) -> tuple[tuple[ChecklistItem, ...], dict[str, tuple[int, str]]]:
    """Give each task item its ID: from its words; the same words in another place take that place's words too.

    A group heading written in several phases ('### Checklist' in each), or one whose name says nothing of where
    it is ('### Lab', '**À faire :**'), is named with its phase, so each phase's items stay apart in `/checklist`
    and say which phase they are of; those names map to (phase, heading) in the second result. `parts_of` holds
    the sub-headings of each phase, as (id of its builder, title); `fields_shown` the text as shown of tasks shown
    without the Tasks plugin's fields, by their text as written, which names them as the parent of the items under
    them; `as_written` the headings of no phase shown as written (see `_clashing_plain_headings`)."""
    items: list[ChecklistItem] = []
    shown_groups = _groups_by_parent(raw, _label_groups_by_heading(raw, parts_of))
    phases_of: dict[str, set[int]] = {}
    for r, shown_group in zip(raw, shown_groups, strict=True):
        if r.phase is not None:
            phases_of.setdefault(shown_group, set()).add(id(r.phase))
    repeated = {g for g, found in phases_of.items() if len(found) > 1}
    named: dict[str, tuple[int, str]] = {}
    plain_names = _phase_groups(raw, shown_groups)
    # ID -> (line, place, phase, headings above)
    seen: dict[str, tuple[int, tuple[str, ...], _PhaseBuilder | None, tuple[str, ...]]] = {}
    # (text, explicit ID, place), the text its ID is made of
    derived = [(*split_explicit_id(r.id_text or r.text), (r.id_group, *r.context)) for r in raw]
    ids = [explicit or (checklist_item_id(_without_variables(text)) if text else "") for text, explicit, _ in derived]
    by_all_words = _told_apart_by_other_scripts(derived, ids)
    # The items that took an ID of all their letters, by the ID they clashed on: (index in `items`, ID text)
    by_letters: dict[str, tuple[int, str]] = {}
    moved: set[str] = set()  # the IDs such items left: another item in those scripts takes its letters' ID too
    # The text shown of the tasks shown otherwise than written ('🟡 Explain sessions' is 'Explain sessions'), by the
    # text as written, which names them as the parent of the tasks nested under them
    shown_of: dict[str, str] = {}
    for (group, title, line, phase, context, md, depth, id_group, written, above, id_label, parent), (
        text,
        explicit,
        place,
    ), item_id, shown_group in zip(raw, derived, ids, shown_groups, strict=True):
        if not text:
            problems.add("error", line, "empty checklist item")
            continue
        if (item_id, place) in by_all_words and not text.isascii():
            item_id = checklist_item_id(text, every_script=True)
        if item_id in seen and not explicit and seen[item_id][1] != place:
            item_id = checklist_item_id(" ".join((*place, text)))  # 'Implement:' under Trees and under Heaps
        urls = [a or b for a, b in _URL.findall(md)] if item_id in seen and not explicit else []
        if urls:  # '[Binary Search (video)](https://a)' and '(https://b)': the links tell them apart
            item_id = checklist_item_id(" ".join((*place, text, *urls)))
        # The phase that tells its ID apart: for one a task list of weeks opened, the phase it was in where the list
        # was no plan (None in a plan of tasks alone), so its ID stays the one it had there
        id_phase = phase.outer if phase is not None and phase.id_group is not None else phase
        if item_id in seen and not explicit and id_phase is not None and seen[item_id][2] is not id_phase:
            # '- [ ] Watch the lecture' under a '### Checklist' in every phase: the phase's title tells them apart
            item_id = checklist_item_id(" ".join((id_phase.id_title or f"Phase {id_phase.final}", *place, text)))
        if item_id in seen and not explicit and id_label != id_group:
            item_id = checklist_item_id(" ".join((id_label, *context, text)))  # 'Write tests' under two labels
        if not explicit and (item_id in seen or item_id in moved) and (not text.isascii() or item_id in by_letters):
            item_id = _by_every_letter(item_id, text, seen, moved, by_letters, items)
        if item_id in seen and not explicit and seen[item_id][3] != above:
            # '- [ ] Manager approval' under '### Sign-off' in '## L1' and in '## L2' of a file of no phases: the
            # headings above tell them apart. Only items that clash come here (they were an error): no ID changes.
            item_id = checklist_item_id(" ".join((*above, *place, text)))
        if item_id in seen:
            problems.add(
                "error",
                line,
                f"checklist item '{text}' has the same ID ({item_id}) as the item on line {seen[item_id][0]}: "
                "reword one of them, or give it its own '{#some-id}' at the end",
            )
            continue
        seen[item_id] = (line, place, id_phase, above)
        if not explicit and not text.isascii():
            by_letters.setdefault(item_id, (len(items), text))
        number = phase.final if phase is not None else None
        group = shown_group
        if phase is not None and (group in repeated or generic_group(group)):
            shown = f"{_phase_part_name(phase)} › {group}"
            named[shown] = (phase.final, group)
            group = shown
        elif phase is not None and (shown := plain_names.get(group)) is not None:
            named[shown] = (phase.final, group)
            group = shown
        elif phase is None and group not in as_written:  # as search shows its heading: '## (1) Soil (300 hours)'
            group = _plain_heading(group)
        elif group[:1] == "[":  # '### [x] Basics': shown without the author's box
            group = _without_box(group)
        if group[-1:] in ":：" and (plain := group.rstrip(":：").rstrip()):
            # '### Month 2 and Beyond:' names its group as its section is titled, as a bold label's is
            if group in named:
                named[plain] = named.pop(group)
            group = plain
        if explicit:
            md = split_explicit_id(md)[0]
        if fields_shown and parent in fields_shown:  # a task under one shown without the Tasks plugin's fields
            parent = fields_shown[parent]
        elif parent in shown_of:
            parent = shown_of[parent]
        under = nested.get(line)
        note, note_after = note_parts(under) if under is not None else ("", 0)
        if written:  # shown by its title, without what a board's card marks beside it
            text = split_explicit_id(title)[0]
            shown_of.setdefault(written, text)
        items.append(
            _new(
                ChecklistItem, (item_id, group, text, line, number, parent, md or escape(text), depth, note, note_after)
            )
        )
    return tuple(items), named


# A site generator's variable or tag left in a task's text ('Read the {{ site.title }} guide'): no words of its ID,
# which it was not when such text was dropped.
_VARIABLE = re.compile(r"\{\{[^{}\n]*\}\}|\{%[^{}\n]*%\}")


def _phase_part_name(phase: _PhaseBuilder) -> str:
    """Return how a phase is named before a part of it that its name tells apart: 'Phase 2: JavaScript', 'Phase 2';
    one titled by its own weeks alone ('## Week 1' over '### Monday') by them: 'Week 1', not 'Phase 1: Week 1'."""
    if not phase.title:
        return f"Phase {phase.final}"
    weeks = _WEEKS_TITLE.fullmatch(phase.title)
    if weeks is not None and int(weeks.group(1)) == phase.first:  # its own weeks, not weeks counted in a month
        return phase.title
    return f"Phase {phase.final}: {phase.title}"


# A phase's title that is weeks alone ('Week 1', 'Weeks 3-4')
_WEEKS_TITLE = re.compile(r"weeks?\s+(\d+)(?:\s*[-–]\s*\d+)?", re.IGNORECASE)


def _without_variables(text: str) -> str:
    return _VARIABLE.sub(" ", text) if "{{" in text or "{%" in text else text


def _phase_groups(raw: list[_RawItem], shown_groups: list[str]) -> dict[str, str]:
    """Return the groups named by their phase's heading that show without the span or length written after the
    phase's title ('Stage III. Cloud Fundamentals — 3 weeks' shows as 'Stage III. Cloud Fundamentals', 'Phase 2:
    SQL (Weeks 5-8)' as 'Phase 2: SQL', 'Month 1 — Linux (done)' as 'Month 1 — Linux'), and the groups of a phase's
    parts that show as their titles show in search ('### TODO Learn Docker ✅' as 'Learn Docker', '### 12.03 Linked
    lists' as 'Linked lists': see `_shown_title`), by the heading; one that would show as another group's name keeps
    it."""
    plain: dict[str, str] = {}
    dotted = dotted_days(g for r, g in zip(raw, shown_groups, strict=True) if r.phase is not None and g[:1].isdigit())
    for r, shown in zip(raw, shown_groups, strict=True):
        phase = r.phase
        if phase is not None and shown == phase.heading and shown not in plain:
            kept = without_status(shown)  # 'Month 1 — Linux (done)': the author's progress, as in its title
            name = without_span(kept, phase.title)
            if name == kept and ")" in kept:
                name = _without_length_before(kept, phase.title)
            keycap = _KEYCAP_LEAD.match(name) if phase.number is not None else None
            if keycap is not None and name[keycap.end() :]:  # '6️⃣ MLOps': named as its phase is, 'Phase 6: MLOps'
                name = f"Phase {phase.number}: {name[keycap.end() :]}"
            plain[shown] = name
        elif phase is not None and shown not in plain:
            name = _part_title(shown)
            plain[shown] = without_day(name, (name,) if shown in dotted else ())
    taken = Counter([*plain.values(), *(g for g in set(shown_groups) if g not in plain)])
    return {group: name for group, name in plain.items() if name != group and taken[name] == 1}


# Keycap emoji that number a phase heading ('6️⃣ MLOps & shipping', '🔟 Capstone'), with what parts them from its title.
_KEYCAP_LEAD = re.compile(r"(?:\d\ufe0f?\u20e3|\U0001f51f)+[ \t]*[.:)\-–—]?[ \t]*")


def _without_length_before(heading: str, title: str) -> str:
    """Return a phase heading without a length or span in brackets between its number and its `title` ('Sprint 0 (1
    week) — Setup' is 'Sprint 0 — Setup'), else as it is."""
    at = heading.rfind(title) if title else -1
    close = heading.rfind(")", 0, at)
    start = heading.rfind("(", 0, close)
    if (
        at < 0
        or start < 0
        or heading[close + 1 : at].strip(" :—–-")
        or read_duration(heading[start + 1 : close]) is None
    ):
        return heading
    return f"{heading[:start].rstrip()}{heading[close + 1 :]}"


def _label_groups_by_heading(raw: list[_RawItem], parts_of: set[tuple[int, str]]) -> list[str]:
    """Return the group each item shows under: a bold label written under several headings of one phase (or of no
    phase) is named with the heading it is under ('Week 1: Git › Deliverable' and 'Week 2: HTML › Deliverable' in
    '## Month 1'), so the weeks' items stay apart, and so is a generic one under a sub-heading of a phase ('Week 1:
    Git › Lab', see `generic_group`; `parts_of` holds those sub-headings as (id of the phase's builder, title));
    any other item's group is its own. Only the name shown changes: IDs are told apart by `_RawItem.id_group`."""
    headings_of: dict[tuple[int | None, str], set[str]] = {}
    for r in raw:
        if r.group != r.id_group:  # a bold label's group; its heading is the `id_group`
            headings_of.setdefault((id(r.phase) if r.phase is not None else None, r.group), set()).add(r.id_group)
    return [
        f"{r.id_group} › {r.group}"
        if r.group != r.id_group
        and (
            len(headings_of[(id(r.phase) if r.phase is not None else None, r.group)]) > 1
            or ((id(r.phase), r.id_group) in parts_of and generic_group(r.group))
        )
        else r.group
        for r in raw
    ]


def _groups_by_parent(raw: list[_RawItem], shown_groups: list[str]) -> list[str]:
    """Return the groups items show under, where a sub-heading written under several headings of no phase ('###
    Sign-off' under '## L1 — Orientation' and '## L2 — Shadow' of a ladder), or under several parts of one phase
    ('#### Exercises' under '### Week 1: Git' and '### Week 2: HTML' in '## Month 1'), is named with the heading it
    is under ('L2 — Shadow › Sign-off', 'Week 2: HTML › Exercises'), as a phase names one written in several
    phases: each one's items stay apart in `/checklist` and say where they are. One right under its phase's heading
    keeps its name, which the phase's goes before ('Phase 1: Git › Exercises'). Only the name shown changes (see
    `_RawItem.above` for their IDs)."""
    parents: dict[tuple[int, str], set[str]] = {}
    for r, shown in zip(raw, shown_groups, strict=True):
        if shown == r.id_group and r.above:
            parents.setdefault((id(r.phase), shown), set()).add(r.above[-1])
    repeated = {key for key, found in parents.items() if len(found) > 1}
    if not repeated:
        return shown_groups
    return [
        f"{r.above[-1]} › {shown}"
        if (id(r.phase), shown) in repeated
        and shown == r.id_group
        and r.above
        and (r.phase is None or r.above[-1] != r.phase.heading)  # right under its phase: named by the phase
        else shown
        for r, shown in zip(raw, shown_groups, strict=True)
    ]


# The words of a checklist group's name that say what its items are, not where they are ('Lab', 'To do', 'Mini
# project', 'À faire', 'Übungen'), in English, French, German, Spanish, Italian and Portuguese.
GENERIC_GROUP_WORDS = frozenset(
    {
        *("lab", "labs", "hands", "on", "practice", "practical", "exercise", "exercises", "task", "tasks", "to"),
        *("do", "todo", "todos", "checklist", "checklists", "check", "list", "project", "projects", "mini"),
        *("homework", "assignment", "assignments", "deliverable", "deliverables", "challenge", "challenges"),
        *("milestone", "milestones", "action", "actions", "item", "items", "activity", "activities", "drill"),
        *("drills", "kata", "katas", "quiz", "quizzes", "problem", "problems", "set", "sets", "workshop", "build"),
        *("your", "my", "the", "this", "weekly", "final", "next", "steps", "review", "self"),
        *("à", "a", "faire", "tâche", "tâches", "exercice", "exercices", "projet", "projets", "pratique"),
        *("pratiques", "travaux", "tp", "liste", "de", "contrôle", "livrable", "livrables", "défi", "défis"),
        *("atelier", "ateliers", "mon", "ma", "mes", "récapitulatif"),
        *("aufgabe", "aufgaben", "übung", "übungen", "projekt", "projekte", "praxis", "checkliste", "zu"),
        *("erledigen", "labor", "mein", "meine"),
        *("tarea", "tareas", "ejercicio", "ejercicios", "proyecto", "proyectos", "práctica", "prácticas"),
        *("verificación", "pendientes", "por", "hacer", "entregable", "entregables", "laboratorio", "mis"),
        *("esercizi", "compiti", "progetto", "tarefas", "exercícios", "projeto", "prática"),
    }
)
_GROUP_WORDS = re.compile(r"[^\W\d_]+")


def generic_group(name: str) -> bool:
    """Return True for a checklist group's name that says nothing of where it is: words that say what its items are
    ('Lab', 'To-do', '✅ À faire'), no number, no title ('Week 3: Trees', 'Semaine 4 — Projet', 'Graph theory')."""
    if any(c.isdigit() for c in name):
        return False
    words = _GROUP_WORDS.findall(name.casefold())
    return bool(words) and all(w in GENERIC_GROUP_WORDS for w in words)


def _by_every_letter(
    item_id: str,
    text: str,
    seen: dict[str, tuple[int, tuple[str, ...], _PhaseBuilder | None, tuple[str, ...]]],
    moved: set[str],
    by_letters: dict[str, tuple[int, str]],
    items: list[ChecklistItem],
) -> str:
    """Return the ID of an item whose ID is taken, that only its words in a script no other ID reads tell apart
    ('10 अभ्यास करें' after '10 सवाल हल करें': both '10' to their Latin, Cyrillic and CJK words; Thai, Greek):
    the ID of all its letters (`checklist_item_id(every_letter=True)`). The item it clashes with moves to the ID
    of its own letters too, and the ID they clashed on is `moved`, so no such item keeps it whichever is written
    first, and reordering them moves no tick; an item in ASCII keeps the ID of its words, and the one in another
    script it clashes with moves. Such items were an error, their file not loaded: no file that loaded comes here,
    so no ID a tick is stored under changes. Returns `item_id` when even their letters are alike (the same task
    written twice), which stays an error."""
    own = item_id if text.isascii() else checklist_item_id(text, every_letter=True)
    if own != item_id and own in seen:
        return own  # the same letters as an item before it: an error, whichever ID is named
    first = by_letters.get(item_id) if item_id in seen else None
    if first is not None:  # not when an item in ASCII or of an explicit ID holds it: that one keeps it
        at, first_text = first
        first_own = checklist_item_id(first_text, every_letter=True)
        if first_own == own or first_own in seen:
            return item_id
        items[at] = items[at]._replace(id=first_own)
        seen[first_own] = seen.pop(item_id)
        by_letters[first_own] = by_letters.pop(item_id)
        moved.add(item_id)
    return own


def _told_apart_by_other_scripts(
    derived: list[tuple[str, str | None, tuple[str, ...]]], ids: list[str]
) -> set[tuple[str, tuple[str, ...]]]:
    """Return the (ID, place) of items in one place whose Latin words are alike but whose words in other scripts are
    not ('Изучить Docker' and 'Собрать образ Docker' under one heading): they take IDs of all their words. Such items
    were one ID, an error, before; every other item keeps the ID of its Latin words, so no tick is orphaned."""
    mixed = {
        (item_id, place)
        for (text, explicit, place), item_id in zip(derived, ids, strict=True)
        if text and not explicit and not text.isascii()
    }
    if not mixed:
        return set()
    alike: dict[tuple[str, tuple[str, ...]], set[str]] = {}
    for (text, explicit, place), item_id in zip(derived, ids, strict=True):
        if not explicit and (item_id, place) in mixed:
            own = item_id if text.isascii() else checklist_item_id(text, every_script=True)
            alike.setdefault((item_id, place), set()).add(own)
    return {key for key, found in alike.items() if len(found) > 1}


def _add_topics(
    out: list[Section],
    topics: tuple[Topic, ...],
    prefix: str,
    path: tuple[str, ...],
    phase: int | None,
    nested: dict[int, list[str]],
) -> None:
    """Add a section for each topic, holding what is nested under it (`nested`, by line), and after it its nested
    topics, which are entries of their own."""
    for i, (text, line, children, title, detail) in enumerate(topics, 1):  # a Topic's fields
        tid = f"{prefix}.{i}"
        under = nested.get(line)
        if under is not None:
            text = text + "\n" + "\n".join(under)
        elif detail:
            text = f"{text}\n{detail}"
        out.append(_new(Section, (tid, title, path, text, line, "topic", phase)))
        if children:
            _add_topics(out, children, tid, path, phase, nested)


def _heading_name(h: _Heading) -> str:
    """Return how a heading is named before a part of it written under other headings too: a phase's own heading
    as the phase ('Phase 2: JavaScript'), any other by its title."""
    own = h.phase is not None and h.is_phase and h.phase.final is not None
    return _phase_part_name(h.phase) if own and h.phase is not None else h.title


def _repeated_label_titles(headings: list[_Heading]) -> dict[tuple[int, int], str]:
    """Return the title of each bold-label block whose label is written under several headings ('**Learn:**' under
    every week, '**Thoughts** :' under every day), by the places of its heading and of the block under it: the label
    named with the heading it is under, a phase's own heading as the phase ('Phase 2: JavaScript › Learn', 'Day 7 ›
    Thoughts'), as checklist groups are named (`_label_groups_by_heading`); where that name repeats too ('Resources ›
    Videos' under every phase), with its phase before it. A menu of matches then tells them apart. Every other block
    is titled by its label; its section ID is its place, whatever its title."""
    under: dict[str, set[int]] = {}
    for hi, h in enumerate(headings):
        for sub in h.subsections:
            under.setdefault(sub.label.casefold(), set()).add(hi)
    repeated = {label for label, found in under.items() if len(found) > 1}
    if not repeated:
        return {}
    titles: dict[tuple[int, int], str] = {}
    for hi, h in enumerate(headings):
        name = _heading_name(h)
        for si, sub in enumerate(h.subsections, 1):  # numbered as their section IDs are
            if sub.label.casefold() in repeated:
                titles[hi, si] = f"{name} › {sub.label}"
    counts = Counter(titles.values())
    for (hi, si), title in titles.items():
        phase = headings[hi].phase
        if counts[title] > 1 and phase is not None and not headings[hi].is_phase and phase.final is not None:
            titles[hi, si] = f"{_phase_part_name(phase)} › {title}"
    return titles


def _shown_title(heading: _Heading, dotted: Collection[str] = (), as_written: Collection[str] = ()) -> str:
    """Return a heading's title as search and its trail show it: without a colon that ends it ('## Operators:'),
    nor the author's progress ('## Month 1 — Linux (done)', '### Arrays ✅'): a learner's part is no more done than
    the author's was. The file's own title (its H1) stays as written: it is the role's title, which a trail leaves
    out by it. A heading's title goes without an org-mode export's task keyword ('### TODO Learn Docker'), and a
    phase's part's without the day before its name ('### 12.03 Linked lists'), which /phase shows with the part, as
    written; outside phases such days name the author's sessions, and the self-paced warning reads them."""
    title = without_progress_marks(without_status(heading.title))
    if heading.is_phase:  # '# Semana 1:' is 'Semana 1', as its phase is titled
        return title.rstrip(":：").rstrip() or title
    title = without_task_keyword(title)
    if heading.phase is None:  # '## (1) Soil (300 hours)' in a list of courses is 'Soil'; a plan's parts keep hours
        return _without_colon(title if heading.title in as_written else _plain_heading(title))
    return _without_colon(without_day(title, (title,) if heading.title in dotted else ()))


def _plain_heading(title: str) -> str:
    """Return a heading's title without a task's box that opens it ('[x] Basics'), a number in brackets that opens
    it ('(1) Garden Planning') or the hours it takes after it ('Garden Planning (300 hours)'): no words of what it
    holds."""
    return without_hours(without_number_first(_without_box(title)))


def _clashing_plain_headings(headings: list[_Heading]) -> frozenset[str]:
    """Return the titles of the headings of no phase that would show the same as another without their number in
    brackets or their hours ('## Soil (100 hours)', '## Soil (200 hours)'): they show as written, told apart."""
    written: dict[str, set[str]] = {}
    for h in headings:
        if h.phase is None and not h.is_phase:
            written.setdefault(_plain_heading(h.title).casefold(), set()).add(h.title)
    return frozenset(title for titles in written.values() if len(titles) > 1 for title in titles)


def _part_title(title: str) -> str:
    """Return a part's heading as /phase and its checklist group show it: without the author's progress ('### Heaps
    (current) ✅', '### ☐ Semana 1: Arrays') or an org export's task keyword ('### TODO Learn Docker'), as search
    shows it (`_shown_title`)."""
    return without_task_keyword(without_status(_without_box(title)))


def _without_colon(title: str) -> str:
    """Return a heading's title without a colon that ends it ('Operators:'), nor a task's box that opens it, as
    search and trails show it."""
    title = _without_box(title)
    return title.rstrip(":：").rstrip() or title


# A box drawn as a character that opens a heading ('☐ Semana 1: Arrays', '☑ Week 2'), as a task's '[ ]' would.
_BOX_CHARS = OPEN_BOXES | frozenset("☑☒")


def _without_box(title: str) -> str:
    """Return a heading's title without a task's box that opens it ('[x] Basics', '[DONE] Basics', '☐ Basics': the
    author's progress, no word of what it holds)."""
    if (
        title[:1] in _BOX_CHARS
        and (rest := title[1:].lstrip("\ufe0f "))
        and rest != title[1:]
        and any(c.isalnum() for c in rest)
    ):
        return rest
    if title[:1] != "[":
        return title
    box = TEXT_BOX.match(title) or status_first(title)
    return title[box.end() :] if box is not None and box.end() < len(title) else title


def _build_sections(
    headings: list[_Heading],
    checklist: tuple[ChecklistItem, ...],
    topics_of: Callable[[list[list]], tuple[Topic, ...]],
    named_groups: dict[str, tuple[int, str]],
    nested: dict[int, list[str]],
    as_written: frozenset[str] = frozenset(),
) -> list[Section]:
    """Every heading is a section; its bold-label blocks and bullets are finer-grained entries under it (`as_written`:
    see `_clashing_plain_headings`)."""
    label_titles = _repeated_label_titles(headings)
    # parts titled by their days ('### 12.03 Linked lists'), not by a section's numbers ('### 11.12 Rollback')
    dotted = dotted_days(h.title for h in headings if h.phase is not None and not h.is_phase and h.title[:1].isdigit())
    # A day's sub-heading written under several headings ('#### Friday' under every '### Week N') is titled with
    # the heading it is under, as such a bold label is ('Phase 2: Go types › Friday'): its own title says when, not
    # what. Another sub-heading keeps its own title ('Resources' under every phase): it says what it holds.
    written = Counter(h.title.casefold() for h in headings if not h.is_phase and only_day(h.title))
    repeated = {title for title, n in written.items() if n > 1}
    sections: list[Section] = []
    paths: dict[str, tuple[str, ...]] = {}
    in_phase: dict[tuple[int, str], tuple[str, ...]] = {}  # (phase, title) -> path, for `named_groups`
    finer: list[Section] = []
    labels: list[tuple[int | None, str, tuple[str, ...]]] = []  # bold labels that group tasks: (phase, label, path)
    shown_as: list[tuple[str, tuple[str, ...]]] = []  # headings shown otherwise than written: (title shown, path)
    open_path: list[_Heading] = []
    for hi, h in enumerate(headings):
        while open_path and (open_path[-1].level >= h.level or open_path[-1].quote > h.quote or open_path[-1].ended):
            open_path.pop()  # see leave_quote, _end_line_phase
        while h.is_phase and open_path and open_path[-1].phase is not None and open_path[-1].phase is not h.phase:
            open_path.pop()  # '### Month 8' after '## Month 7': a phase of its own, under none before it
        open_path.append(h)
        path = tuple(
            [_shown_title(x, dotted, as_written) if x is not open_path[0] or x.is_phase else x.title for x in open_path]
        )
        paths.setdefault(h.title, path)
        if len(open_path) > 1 and h.phase is None:  # see `_groups_by_parent`
            paths.setdefault(f"{open_path[-2].title} › {h.title}", path)
        phase = h.phase.final if h.phase is not None else None
        if named_groups and phase is not None:
            in_phase.setdefault((phase, h.title), path)
        text = "\n".join(h.lines).strip("\n")
        if h.item_level and not h.is_phase:  # '- ## Resources': its bullets, nested in the item, from the margin
            text = textwrap.dedent(text)
        kind = "phase" if h.is_phase else "section"
        if h.contents and not (text or h.topics or h.subsections or h.is_phase):
            continue  # a table of contents and nothing else: no entry that would show nothing
        title = _shown_title(h, dotted, as_written)
        if title != h.title:
            shown_as.append((title, path))
        if repeated and kind == "section" and len(open_path) > 1 and h.title.casefold() in repeated:
            title = f"{_heading_name(open_path[-2])} › {title}"
        sections.append(_new(Section, (h.section_id, title, path, text, h.line, kind, phase)))
        if h.topics:
            _add_topics(finer, topics_of(h.topics), f"{h.section_id}~t", path, phase, nested)
        for si, sub in enumerate(h.subsections, 1):
            sid = f"{h.section_id}~s{si}"
            sub_path = (*path, _without_colon(sub.label))
            topics = topics_of(sub.topics)
            own = _joined(sub.text)
            if sub.tasks:  # its tasks and bullets, as a sub-heading's entry shows them
                body_text = "\n".join([own, *sub.lines]).strip()
                labels.append((phase, sub.label, sub_path))
                labels.append((phase, f"{h.title} › {sub.label}", sub_path))  # see `_label_groups_by_heading`
            else:
                body_text = "\n".join([own, *(f"- {t.text}" for t in topics)]).strip()
            title = label_titles.get((hi, si), sub.label)
            title = _without_colon(title)  # '### Operators:' inside a phase, as a section's
            finer.append(_new(Section, (sid, title, sub_path, body_text, sub.line, "subsection", phase)))
            _add_topics(finer, topics, f"{sid}~t", sub_path, phase, nested)
    for title, path in shown_as:  # a group named as its heading is shown ('Soil' of '## (1) Soil (300 hours)')
        paths.setdefault(title, path)
    for phase, label, sub_path in labels:  # after the headings: a heading of the same name keeps its items
        paths.setdefault(label, sub_path)
        if named_groups and phase is not None:
            in_phase.setdefault((phase, label), sub_path)
    for item_id, group, text, line, phase, _, md, _, _, _ in checklist:  # a ChecklistItem's fields
        path = in_phase.get(named_groups[group], (group,)) if group in named_groups else paths.get(group, (group,))
        under = nested.get(line)  # the tasks and notes nested under it
        if under is not None:
            md = md + "\n" + "\n".join(under)
        title = text.rstrip(":").rstrip() or text  # 'Implement a vector:' opens the items nested under it
        finer.append(_new(Section, (item_id, title, path, md, line, "checklist", phase)))
    return sections + finer
