"""Resource lists as awesome lists and curated READMEs write them: a bullet's link, then what the resource is in a
sentence of its own, on the same line ('[Query Notes](…) These notes walk through …') or on the next ('[Rust
Playground](…)' then '  Try snippets in the browser …'); a link whose text is in brackets ('[Signals](…)
[[mirror]](…)'); a note in superscript written right after a link ('[Lecture Videos](…)<sup>video</sup>').
Search and /phase title each bullet by the link's text, and show the rest as written, linked."""

from __future__ import annotations

import pytest

from bot.handlers.learning import phase_body
from tests.content.helpers import errors, parse_body

DESCRIBED = (
    "## Tools\n\n"
    "- [Rust Playground](https://play.example.org)\n"
    "  Try snippets in the browser without installing anything.\n"
    "- 🎬 [Type Theory Talk](https://talks.example.org/types)  \n"
    "  A gentle hour on types for working programmers.\n"
    "- [Query Tuning Notes](https://notes.example.org) These notes walk through slow queries one by one.\n"
    "- [Falsehoods About Time](https://time.example.org)\n"
    "  🕰 Curated list of wrong beliefs about clocks. Check yours before shipping.\n"
    "- [Kmeans Notes](https://km.example.org). Try to implement it from scratch within an hour.\n"
)


@pytest.mark.parametrize(
    "title", ["Rust Playground", "Type Theory Talk", "Query Tuning Notes", "Falsehoods About Time", "Kmeans Notes"]
)
def test_a_link_before_a_sentence_about_it_titles_the_bullet(title: str) -> None:
    role, problems = parse_body(DESCRIBED)
    assert errors(problems) == []
    assert title in [s.title for s in role.sections]


def test_the_sentence_stays_in_what_the_bullet_shows() -> None:
    role, _ = parse_body(DESCRIBED)
    shown = {s.title: s.text for s in role.sections}
    assert "Try snippets in the browser without installing anything." in shown["Rust Playground"]
    assert "[Query Tuning Notes](https://notes.example.org)" in shown["Query Tuning Notes"]


def test_words_that_go_on_from_a_link_stay_in_its_title() -> None:
    body = (
        "## Steps\n\n"
        "- [Read](https://book.example.org/ch1) the first chapter twice\n"
        "- [Part 1](https://series.example.org/1) Setup\n"
        "- [Go](https://go.example.org) Tour and its exercises\n"
        "- [Docker](https://docs.example.org/docker).Compose files for three services.\n"
    )
    role, _ = parse_body(body)
    titles = [s.title for s in role.sections]
    assert "Read the first chapter twice" in titles
    assert "Part 1 Setup" in titles
    assert "Go Tour and its exercises" in titles
    assert "Docker.Compose files for three services." in titles


def test_a_phase_topic_is_titled_by_its_link_too() -> None:
    body = (
        "## Phase 1: Databases (Weeks 1-2)\n\n"
        "- [Index Primer](https://db.example.org/index) Learn how a B-tree finds a row quickly.\n"
        "- Write three queries\n"
    )
    role, _ = parse_body(body)
    assert role.phases[0].topics[0].title == "Index Primer"
    assert "Learn how a B-tree finds a row quickly." in phase_body(role.phases[0], role.checklist)


def test_a_checklist_item_keeps_its_words() -> None:
    body = "## Checklist\n\n- [ ] [Rust Playground](https://play.example.org)\n  Try three snippets there today.\n"
    role, _ = parse_body(body)
    assert [i.text for i in role.checklist] == ["Rust Playground Try three snippets there today."]


BRACKETED = (
    "## Courses\n\n"
    "- [Signals and Systems](https://course.example.org/signals)    [[mirror]](https://mirror.example.org/signals)\n"
    "- [[Wiki Page]] and more\n\n"
    "### Table\n\n"
    "Course | Length\n"
    ":-- | :--:\n"
    "[Learning From Examples](https://course.example.org/lfe) [[lectures]](https://videos.example.org/lfe) | 10 weeks\n"
)


def test_a_link_whose_text_is_in_brackets_is_a_link() -> None:
    role, problems = parse_body(BRACKETED)
    assert errors(problems) == []
    shown = {s.title: s.text for s in role.sections}
    assert "[mirror](https://mirror.example.org/signals)" in shown["Signals and Systems"]
    assert "[lectures](https://videos.example.org/lfe)" in shown["Learning From Examples"]
    assert not [s.title for s in role.sections if "(http" in s.title or "(<http" in s.text]


def test_a_wikilink_stays_its_text() -> None:
    role, _ = parse_body(BRACKETED)
    assert "Wiki Page and more" in [s.title for s in role.sections]


def test_a_note_in_superscript_right_after_a_link_is_set_apart() -> None:
    body = (
        "## Networking\n\n"
        "- [Networking Basics](https://book.example.org/net) <sup>book</sup> "
        "[Lecture Videos](https://videos.example.org/net)<sup>video</sup>\n"
        "- Energy is mc<sup>2</sup> and x<sup>2</sup>+1\n"
    )
    role, _ = parse_body(body)
    titles = [s.title for s in role.sections]
    assert "Networking Basics (book) Lecture Videos (video)" in titles
    assert "Energy is mc2 and x2+1" in titles


def test_a_screenshot_linked_after_a_step_adds_no_words_to_it() -> None:
    body = (
        "## Steps\n\n"
        "1. Open the settings page shown in the picture below.\n"
        '  <a href="https://cdn.example.org/shots/07.png"><img class="shot" src="https://cdn.example.org/shots/07.png"'
        ' title="Settings page" /></a>\n'
        "2. Read [](notes/day21.md) again.\n"
    )
    role, _ = parse_body(body)
    titles = [s.title for s in role.sections]
    assert "Open the settings page shown in the picture below." in titles
    assert "Read day21 again." in titles


def test_a_task_keeps_the_words_its_progress_is_kept_under() -> None:
    body = (
        "## Checklist\n\n"
        '- [ ] Push the branch <a href="https://cdn.example.org/shots/14.png"><img src="https://cdn.example.org/'
        'shots/14.png" /></a>\n'
    )
    role, _ = parse_body(body)
    assert [i.text for i in role.checklist] == ["Push the branch 14"]


def test_a_note_after_a_link_of_emphasised_words_is_no_part_of_its_title() -> None:
    body = (
        "## Build your own\n\n"
        "* [**C++**: _Ray Tracing in One Weekend_](https://rt.example.org) [video]\n"
        "* [**Go**: *A Tiny Database*](https://db.example.org) (free)\n"
        "* [snake_case **rules**](https://style.example.org) [book]\n"
    )
    role, _ = parse_body(body)
    titles = [s.title for s in role.sections]
    assert "C++: Ray Tracing in One Weekend" in titles
    assert "Go: A Tiny Database" in titles
    assert "snake_case rules" in titles


def test_several_brackets_of_other_links_after_a_course_are_no_part_of_its_title() -> None:
    body = (
        "## Algorithms\n\n"
        "- [CS 400 Algorithms, Some University, Fall 2019](https://a.example.org) ([Notes - Jane Roe](https://n.example.org))"
        " ([Videos](https://v.example.org))\n"
    )
    role, _ = parse_body(body)
    shown = {s.title: s.text for s in role.sections}
    assert "[Videos](https://v.example.org)" in shown["CS 400 Algorithms, Some University, Fall 2019"]


def test_a_command_that_ends_a_bullet_keeps_its_address() -> None:
    body = (
        "## Cheatsheet\n\n"
        "* `git clone git@example.org:you/repo.git` or `git clone https://example.org/you/repo.git`\n"
        "* Hash tables: https://en.example.org/wiki/Hash_table\n"
    )
    role, _ = parse_body(body)
    titles = [s.title for s in role.sections]
    assert "git clone git@example.org:you/repo.git or git clone https://example.org/you/repo.git" in titles
    assert "Hash tables" in titles


def test_a_bold_label_before_a_colon_and_a_sentence_keeps_its_line() -> None:
    # '**Mini Project**: …' and '**Friday**: …' label what the sentence says: the sentence is the entry's title too
    body = (
        "## Week 1\n\n"
        "- **Mini Project**: Build a small pipeline with a database and a bucket.\n"
        "- **Friday**: Pair with a senior engineer on a real ticket.\n"
    )
    role, _ = parse_body(body)
    titles = [s.title for s in role.sections]
    assert "Mini Project: Build a small pipeline with a database and a bucket." in titles
    assert "Friday: Pair with a senior engineer on a real ticket." in titles


def test_a_bold_link_before_a_sentence_titles_the_bullet() -> None:
    body = "## Alignment\n\n- **[Preference Tuning](https://pt.example.org)** Directly tunes a model on pairs of answers.\n"
    role, _ = parse_body(body)
    assert "Preference Tuning" in [s.title for s in role.sections]


def test_a_bracket_of_links_left_open_reads_at_once() -> None:
    # Thirty links with blanks between them in a bracket never closed: each way of sharing the blanks out was tried
    # (4**30 of them) before the bracket was found open.
    mirrors = "[mirror](https://mirror.example.org)   " * 30
    role, problems = parse_body(f"## Courses\n\n- [Signals](https://course.example.org) ({mirrors}\n")
    assert errors(problems) == []
    assert "Signals" in next(s.title for s in role.sections if s.kind == "topic")
