"""A hard line break written where a block ends ('1\\. Set up nginx\\' before '2\\. …' in a Google Docs export, a
quoted line before a quoted list): CommonMark keeps its backslash as text there, but the author meant the break, so
a learner never sees the backslash, in `/phase` or in a search entry's title."""

from __future__ import annotations

from bot.content.ids import checklist_item_id
from bot.content.search import SearchIndex
from bot.handlers.learning import phase_body
from tests.content.helpers import parse_body

# As Google Docs' 'Download as Markdown' writes a numbered list typed with Shift+Enter breaks, and a note in a quote.
GDOCS = (
    "## **Phase 1: Networking (Weeks 1\\-3)**\n\n"
    "* Filesystem hierarchy\n"
    "* Processes and services\n\n"
    "1\\. Set up nginx as a reverse proxy\\\n"
    "2\\. Add a certificate with certbot\n\n"
    "> **Note from mentor:** keep images small\\\n"
    "> \\- use slim bases\\\n"
    "> \\- pin versions\n\n"
    "**Deliverable:** a hardened VM\\.\\\n"
    "Mentor signs off in the weekly 1:1\\.\n"
)


def test_a_google_docs_break_before_a_list_item_shows_no_backslash() -> None:
    role, _ = parse_body(GDOCS)
    shown = phase_body(role.phases[0])
    assert "\\" not in shown
    assert "1. Set up nginx as a reverse proxy\n2. Add a certificate with certbot" in shown
    assert "keep images small\n- use slim bases\n- pin versions" in shown
    # a break inside a paragraph parts its lines, as it did
    assert "**Deliverable:** a hardened VM.\nMentor signs off in the weekly 1:1." in shown


def test_a_google_docs_break_before_a_list_item_leaves_no_backslash_in_a_search_title() -> None:
    role, _ = parse_body(GDOCS)
    titles = [s.title for s in role.sections]
    assert "Set up nginx as a reverse proxy" in titles
    assert not [t for t in titles if t.endswith("\\")]
    (hit, *_) = SearchIndex([role]).search("nginx reverse proxy", role=role.name)
    assert hit.section.title == "Set up nginx as a reverse proxy"


def test_a_break_mark_where_an_ordinary_block_ends_is_dropped_and_an_escaped_backslash_kept() -> None:
    role, _ = parse_body(
        "## Phase 1: Shell (Weeks 1-3)\n\n1. Install a shell\\\n2. Save it to C:\\\\\n3. Set the prompt\n"
    )
    shown = phase_body(role.phases[0])
    # Discord markdown: the author's backslash is escaped to show
    assert shown == "1. Install a shell\n2. Save it to C:\\\\\n3. Set the prompt"


def test_two_trailing_blanks_where_a_block_ends_show_nothing() -> None:
    role, _ = parse_body(
        "## Phase 1: Shell (Weeks 1-3)\n\n"
        "1. Install a shell  \n"
        "2. Set the prompt\n\n"
        "> keep it small  \n"
        "> - use slim bases  \n"
        "> - pin versions\n"
    )
    assert phase_body(role.phases[0]) == (
        "1. Install a shell\n2. Set the prompt\n\n> keep it small\n- use slim bases\n- pin versions"
    )


def test_a_task_of_no_latin_words_keeps_its_break_mark_and_so_its_id() -> None:
    # Such a task is keyed by its whole text, the mark in it: without the mark its ID, and its learners' ticks, would
    # move. A task of Latin words is keyed by its words alone, so it shows without the mark and keeps its ID.
    role, _ = parse_body("## 第一阶段\n\n- [ ] 学习数据库\\\n- [ ] Learn SQL\\\n- [ ] 学习网络\n")
    assert [(i.text, i.id) for i in role.checklist] == [
        ("学习数据库\\", checklist_item_id("学习数据库\\")),
        ("Learn SQL", checklist_item_id("Learn SQL\\")),
        ("学习网络", checklist_item_id("学习网络")),
    ]
