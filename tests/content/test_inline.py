"""Inline markdown as Discord shows it, clean titles, and the blocks people put inside phases."""

from __future__ import annotations

from bot.content.loader import parse_bytes
from bot.content.markdown import escape, read_blocks
from bot.content.search import SearchIndex
from tests.content.helpers import role_file

PHASE = "# T\n\n## Phase 1: Basics (Weeks 1-2)\n**Objective:** Start\n\n"


def parse(body: str, extra: str = ""):
    text = role_file(body=body, extra=extra)
    role, problems = parse_bytes(text.encode(), "x.md")
    assert role is not None, problems
    return role, problems


def entries(role, kind: str | None = None) -> dict[str, object]:
    return {s.title: s for s in role.sections if kind is None or s.kind == kind}


def test_links_of_every_kind_stay_clickable():
    body = PHASE + (
        "- Read [the tutorial](https://docs.python.org/3/tutorial/)\n"
        "- Read [Pro Git][progit] and [MDN][]\n"
        "- See <https://git-scm.com/docs>\n\n"
        "[progit]: https://git-scm.com/book/en/v2\n"
        "[MDN]: https://developer.mozilla.org/\n"
    )
    role, problems = parse(body)
    topics = [t.text for t in role.phases[0].topics]
    assert topics == [
        "Read [the tutorial](https://docs.python.org/3/tutorial/)",
        "Read [Pro Git](https://git-scm.com/book/en/v2) and [MDN](https://developer.mozilla.org/)",
        "See <https://git-scm.com/docs>",
    ]
    assert problems == []
    # Titles are clean text.
    assert "Read Pro Git and MDN" in entries(role, "topic")


def test_relative_links_resolve_against_base_url():
    body = PHASE + "- [Git notes](./notes/git.md)\n- [Shell](shell.md)\n"
    role, problems = parse(body, extra="baseUrl: https://github.com/me/plan/blob/main/\n")
    assert [t.text for t in role.phases[0].topics] == [
        "[Git notes](https://github.com/me/plan/blob/main/notes/git.md)",
        "[Shell](https://github.com/me/plan/blob/main/shell.md)",
    ]
    assert problems == []


def test_relative_links_without_base_url_are_text_with_one_warning():
    body = PHASE + "- [Git notes](./notes/git.md)\n- [Shell](shell.md)\n"
    text = role_file(body=body)
    role, problems = parse_bytes(text.encode(), "x.md")
    assert [t.text for t in role.phases[0].topics] == ["Git notes", "Shell"]
    (warning,) = problems
    assert "2 relative links are shown as plain text" in warning.message
    assert "baseUrl" in warning.message
    assert warning.line == text.split("\n").index("- [Git notes](./notes/git.md)") + 1


def test_relative_images_without_base_url_are_their_alt_text_with_one_warning():
    body = PHASE + "- Overview\n\n![diagram](img/arch.png)\n\n- Flow: ![request flow](img/flow.png)\n"
    text = role_file(body=body)
    role, problems = parse_bytes(text.encode(), "x.md")
    assert "diagram" in [piece.md for piece in role.phases[0].body]
    assert [t.text for t in role.phases[0].topics] == ["Overview", "Flow: request flow"]
    (warning,) = problems
    assert warning.message == (
        "2 relative images are shown as their alt text, unlinked: add 'baseUrl: https://…' to the front-matter "
        "to link them, or use full URLs"
    )
    assert warning.line == text.split("\n").index("![diagram](img/arch.png)") + 1


def test_relative_images_resolve_against_base_url():
    body = PHASE + "- Flow: ![request flow](img/flow.png)\n"
    role, problems = parse(body, extra="baseUrl: https://github.com/me/plan/blob/main/\n")
    assert [t.text for t in role.phases[0].topics] == [
        "Flow: [request flow](https://github.com/me/plan/blob/main/img/flow.png)"
    ]
    assert problems == []


def test_a_bad_base_url_is_an_error_on_its_line():
    text = role_file(body=PHASE, extra="baseUrl: notes/\n")
    role, problems = parse_bytes(text.encode(), "x.md")
    assert role is None
    (error,) = problems
    assert "'baseUrl' must be an http(s) URL" in error.message
    assert error.line == text.split("\n").index("baseUrl: notes/") + 1


def test_a_table_of_contents_is_not_topics_and_anchors_are_text():
    body = (
        "# T\n\n## Contents\n\n- [Phase 1](#phase-1-basics)\n  - [Week 1](#week-1)\n- [Checklist](#checklist)\n\n"
        "## Phase 1: Basics (Weeks 1-2)\n\n- Go back to [the contents](#contents) any time\n"
    )
    role, _ = parse(body)
    titles = set(entries(role))
    assert not {"Phase 1", "Week 1", "Checklist"} & {s.title for s in role.sections if s.kind == "topic"}
    assert [t.text for t in role.phases[0].topics] == ["Go back to the contents any time"]
    assert "Contents" not in titles  # nothing of it is left to show: no entry


def test_titles_are_clean_and_literal_markdown_characters_are_escaped_once():
    body = PHASE + "- **Python**\n- Use `git rebase -i` to tidy\n- 5 \\* 3 and snake_case\n- ~~old~~ new\n"
    role, _ = parse(body)
    topics = role.phases[0].topics
    assert [t.title for t in topics] == ["Python", "Use git rebase -i to tidy", "5 * 3 and snake_case", "old new"]
    assert [t.text for t in topics] == [
        "**Python**",
        "Use `git rebase -i` to tidy",
        "5 \\* 3 and snake_case",
        "~~old~~ new",
    ]


def test_a_link_and_what_it_is_are_titled_by_the_link_and_keep_both():
    body = PHASE + (
        "- [Pro Git](https://git-scm.com/book) — the free book\n"
        "- [Go by Example](https://gobyexample.com): annotated programs, one a topic\n"
        "- [Docs](https://go.dev/doc) - official | reference\n"
        "- [Pro Git](https://git-scm.com/book)-style branching\n"
        "- Read [Effective Go](https://go.dev/doc/effective_go) - then practise\n"
        "- [Tour](https://go.dev/tour)\n"
    )
    role, _ = parse(body)
    topics = role.phases[0].topics
    assert [t.title for t in topics] == [
        "Pro Git",
        "Go by Example",
        "Docs",
        "Pro Git-style branching",  # no separator: the link is part of the words
        "Read Effective Go - then practise",  # the link is not first
        "Tour",
    ]
    assert topics[0].text == "[Pro Git](https://git-scm.com/book) — the free book"  # shown whole, link kept
    assert [h.section.title for h in SearchIndex([role]).search("free book", limit=1)] == ["Pro Git"]


def test_escape_leaves_plain_text_alone():
    assert escape("plain words, snake_case and C#") == "plain words, snake_case and C#"
    assert escape("a *star* and _under_ and `tick` and ||spoiler|| and ~~x~~") == (
        "a \\*star\\* and \\_under\\_ and \\`tick\\` and \\|\\|spoiler\\|\\| and \\~\\~x\\~\\~"
    )


def test_sub_headings_tables_quotes_and_headings_in_items_belong_to_the_phase():
    body = PHASE + (
        "Some words about the phase.\n\n"
        "### Learn Git\n\nGit keeps every version.\n\n- commit\n- branch\n\n"
        "### Courses\n\n| Course | Weeks | Link |\n|---|---|---|\n| **CS50** | 12 | [site](https://cs50.harvard.edu/x/) |\n"
        "| SICP | 10 | |\n\n"
        "> **Tip:** practise daily\n> - one kata a day\n\n"
        "- ### Arrays\n  - fixed size\n\n"
        "## Phase 2: Next (Week 3)\n"
    )
    role, problems = parse(body)
    phase = role.phases[0]
    assert phase.text == "Some words about the phase."
    assert [s.label for s in phase.subsections] == ["Learn Git", "Courses", "Tip"]
    git, courses, tip = phase.subsections
    assert git.text == "Git keeps every version."
    assert [t.text for t in git.topics] == ["commit", "branch"]
    # the heading inside an item after the quote is back under '### Courses', with its bullets
    assert [t.title for t in courses.topics] == ["CS50", "SICP", "Arrays"]
    assert [c.text for c in courses.topics[2].children] == ["fixed size"]
    assert courses.topics[0].text == "**CS50** — Weeks: 12 · Link: [site](https://cs50.harvard.edu/x/)"
    assert [t.text for t in tip.topics] == ["one kata a day"]
    assert tip.text == "practise daily"
    arrays = entries(role, "topic")["Arrays"]
    assert arrays.phase == 1
    assert problems == []


def test_lines_of_blocks_are_exact():
    body = "# T\n\n- a\n\n  more of a\n\n> - quoted\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n\nlast\n"
    blocks, _ = read_blocks(body, 10)
    assert [(b.kind, b.line) for b in blocks] == [
        ("heading", 10),
        ("item", 12),
        ("line", 14),
        ("item", 16),
        ("row", 20),
        ("code", 22),
        ("line", 26),
    ]


def test_the_same_task_under_two_headings_is_two_items_and_a_real_clash_is_an_error():
    body = PHASE + "## Trees\n- [ ] Implement:\n  - [ ] insert\n\n## Heaps\n- [ ] Implement:\n  - [ ] insert\n"
    role, problems = parse(body)
    items = [(i.group, i.text, i.parent) for i in role.checklist]
    assert items == [
        ("Trees", "Implement:", ""),
        ("Trees", "insert", "Implement:"),
        ("Heaps", "Implement:", ""),
        ("Heaps", "insert", "Implement:"),
    ]
    assert len({i.id for i in role.checklist}) == 4
    assert problems == []
    clash = PHASE + "## Trees\n- [ ] Implement a tree\n- [ ] implement the trees\n"
    _, problems = parse_bytes(role_file(body=clash).encode(), "x.md")
    assert [p.severity for p in problems] == ["error"]
    assert "same ID" in problems[0].message


def test_task_items_know_their_phase():
    body = PHASE + "- [ ] first task\n\n## Phase 2: Next (Week 3)\n- [ ] second task\n\n## Checklist\n- [ ] later\n"
    role, _ = parse(body)
    assert [(i.text, i.phase) for i in role.checklist] == [("first task", 1), ("second task", 2), ("later", None)]


def test_a_footnote_shows_in_brackets_after_its_mark_and_its_definition_is_no_text_of_its_own():
    body = PHASE + (
        "- HTTP in depth: methods, headers, cookies[^rfc]\n"
        "- Injection (SQL, command, template)[^1]\n\n"
        "## Practice\n\n- [ ] Write a threat model[^tm]\n\n"
        "[^rfc]: See RFC 9110 for HTTP semantics.\n"
        "[^1]: Still the most common class in bug bounty reports.\n"
        "[^tm]: STRIDE works well.\n"
    )
    role, problems = parse(body)
    assert [t.text for t in role.phases[0].topics] == [
        "HTTP in depth: methods, headers, cookies (See RFC 9110 for HTTP semantics.)",
        "Injection (SQL, command, template) (Still the most common class in bug bounty reports.)",
    ]
    assert [t.title for t in role.phases[0].topics] == ["HTTP in depth", "Injection (SQL, command, template)"]
    assert [(i.text, i.md) for i in role.checklist] == [
        ("Write a threat model", "Write a threat model (STRIDE works well.)")
    ]
    shown = "\n".join(f"{s.title}\n{s.text}" for s in role.sections)
    assert "[^" not in shown
    assert shown.count("RFC 9110") == 2  # the phase's text and the bullet's entry, not the definition again
    assert problems == []


def test_a_task_item_keeps_its_links_for_showing_and_its_clean_text_for_titles():
    body = (
        PHASE
        + "- [ ] Finish [Select Star SQL][s] {#select-star}\n* [x] Install `duckdb`\n\n[s]: https://selectstarsql.com/\n"
    )
    role, problems = parse(body)
    assert [(i.id, i.text, i.md) for i in role.checklist] == [
        ("select-star", "Finish Select Star SQL", "Finish [Select Star SQL](https://selectstarsql.com/)"),
        (role.checklist[1].id, "Install duckdb", "Install `duckdb`"),
    ]
    entry = entries(role, "checklist")["Finish Select Star SQL"]
    assert entry.text == "Finish [Select Star SQL](https://selectstarsql.com/)"
    assert problems == []


def test_wikilinks_highlights_and_callout_markers_show_as_their_text():
    body = PHASE + (
        "> [!TIP]\n> Start with ==pivot tables==.\n\n"
        "- [[Kaggle datasets]] and [[Window functions|window functions in depth]]\n"
        "- Compare `x == y`, a == b and a==b\n"
    )
    role, problems = parse(body)
    phase = role.phases[0]
    assert phase.text == "> Start with pivot tables."
    assert [t.title for t in phase.topics] == [
        "Kaggle datasets and window functions in depth",
        "Compare x == y, a == b and a==b",
    ]
    assert not [p for p in problems if "relative link" in p.message]  # a wikilink names a note, not a URL


def test_a_linked_heading_keeps_its_link_where_its_clean_title_cannot():
    body = (
        "# T\n\n## [Phase 1: Linux](https://linuxjourney.com/) (Weeks 1-2)\nLearn the shell.\n\n"
        "### [kubectl cheat sheet](https://kubernetes.io/k)\n- Pods\n"
    )
    role, _ = parse(body)
    phase = role.phases[0]
    assert (phase.title, phase.objective) == ("Linux", "Learn the shell.")
    assert phase.text == "Learn the shell.\n[Phase 1: Linux](https://linuxjourney.com/)"
    (part,) = phase.subsections
    assert (part.label, part.text) == ("kubectl cheat sheet", "[kubectl cheat sheet](https://kubernetes.io/k)")
    assert entries(role)["kubectl cheat sheet"].text.startswith("[kubectl cheat sheet](https://kubernetes.io/k)")


def test_roadmap_sh_resource_kinds_are_no_part_of_a_links_text():
    body = PHASE + (
        "- React\n"
        "  - [@official@React docs (react.dev)](https://react.dev/learn)\n"
        "  - [@video@React in 100 seconds](https://example.com/v)\n"
        "- Mail me @ [@bob@](https://example.com/bob) or bob@example.com\n"
    )
    role, _ = parse(body)
    assert "[React docs (react.dev)](https://react.dev/learn)" in entries(role)["React"].text
    assert {"React docs (react.dev)", "React in 100 seconds"} <= set(entries(role, "topic"))
    assert not any("@official@" in title or "@video@" in title for title in entries(role))
    # an '@' that names no kind of link stays
    assert "Mail me @ [@bob@](https://example.com/bob) or bob@example.com" in [t.text for t in role.phases[0].topics]
