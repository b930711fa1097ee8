"""What a learner sees of raw HTML that GitHub shows as text: a `<table>` read as a markdown table is, and the text of
a `<p>` as a line of its section."""

from __future__ import annotations

from bot.content.markdown import read_blocks
from bot.content.search import SearchIndex
from tests.content.helpers import parse_body, role_file, section_titled

HTML_SCHEDULE = (
    "## Schedule\n\n<table>\n"
    "  <tr><th>Week</th><th>Topic</th><th>Reading</th></tr>\n"
    "  <tr><td>Week 1</td><td>Arrays &amp; Hashing</td>"
    '<td><a href="https://example.org/hashing">Hash tables explained</a></td></tr>\n'
    "  <tr><td>Week 2</td><td>Sliding Window</td>"
    '<td><a href="https://example.org/sw">Sliding window patterns</a></td></tr>\n'
    "</table>\n\n"
    '<p align="center"><i>Fall behind? Skip a problem, never the mock interview.</i></p>\n'
)
MARKDOWN_SCHEDULE = (
    "## Schedule\n\n| Week | Topic | Reading |\n|---|---|---|\n"
    "| Week 1 | Arrays &amp; Hashing | [Hash tables explained](https://example.org/hashing) |\n"
    "| Week 2 | Sliding Window | [Sliding window patterns](https://example.org/sw) |\n\n"
    "Fall behind? Skip a problem, never the mock interview.\n"
)


parse = parse_body


def seen(role) -> tuple[list, list]:
    """What /phase and /skill-deep-dive show: each phase's number, title, weeks and topics, and each entry."""
    phases = [(p.number, p.title, p.weeks, [t.text for t in p.topics]) for p in role.phases]
    return phases, [(s.kind, s.title, s.text) for s in role.sections]


section = section_titled


def rows(body: str) -> list[tuple]:
    blocks, _ = read_blocks(body)
    return [(b.md, b.plain, b.label, b.cells, b.depth, b.quote) for b in blocks if b.kind == "row"]


def test_an_html_table_schedule_is_a_weekly_plan_with_its_links():
    role, problems = parse(HTML_SCHEDULE)
    assert [(p.number, p.title, p.weeks, [t.text for t in p.topics]) for p in role.phases] == [
        (1, "Arrays & Hashing", (1, 1), ["Reading: [Hash tables explained](https://example.org/hashing)"]),
        (2, "Sliding Window", (2, 2), ["Reading: [Sliding window patterns](https://example.org/sw)"]),
    ]
    assert not role.self_paced
    assert not [p for p in problems if "no phases found" in p.message]
    assert [h.section.title for h in SearchIndex([role]).search("hash tables")][:1] == ["Hash tables explained"]


def test_an_html_table_is_read_as_the_same_markdown_table_is():
    assert rows(HTML_SCHEDULE) == rows(MARKDOWN_SCHEDULE)
    assert len(rows(HTML_SCHEDULE)) == 2
    assert seen(parse(HTML_SCHEDULE)[0]) == seen(parse(MARKDOWN_SCHEDULE)[0])


def test_an_html_table_of_topics_under_a_phase_gives_the_topics_a_markdown_table_gives():
    html_body = (
        "# T\n\n## Phase 1: Basics (Weeks 1-2)\n\n<table>\n<thead>\n<tr>\n<th>Tool</th>\n<th>Why</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td><code>git</code></td>\n<td>history &lt;and&gt; branches</td>\n</tr>\n"
        '<tr>\n<td><a href="https://docs.docker.com/">Docker</a></td>\n<td>one <b>image</b>,<br>many hosts</td>\n</tr>\n'
        "</tbody>\n</table>\n"
    )
    markdown_body = (
        "# T\n\n## Phase 1: Basics (Weeks 1-2)\n\n| Tool | Why |\n|---|---|\n| git | history &lt;and&gt; branches |\n"
        "| [Docker](https://docs.docker.com/) | one image,<br>many hosts |\n"
    )
    assert rows(html_body) == rows(markdown_body)
    role, _ = parse(html_body)
    assert seen(role) == seen(parse(markdown_body)[0])
    assert section(role, "Docker").text == "[Docker](https://docs.docker.com/) — Why: one image, many hosts"


def test_html_cell_text_is_shown_as_written_entities_unescaped_and_tags_dropped():
    body = (
        "## Notes\n\n<table>\n<tr><th>Topic</th><th>Notes</th></tr>\n"
        "<tr><td>C &amp; C++</td><td>a*b_c <em>pointer</em> &quot;math&quot; <img src='x.png' alt='diagram'></td></tr>\n"
        "</table>\n"
    )
    ((md, plain, label, cells, _, _),) = rows(body)
    assert cells == (
        ("Topic", "C & C++", "C & C++"),
        ("Notes", 'a\\*b_c pointer "math" diagram', 'a*b_c pointer "math" diagram'),
    )
    assert (md, plain, label) == (
        'C & C++ — Notes: a\\*b_c pointer "math" diagram',
        'C & C++ — a*b_c pointer "math" diagram',
        "C & C++",
    )


def test_an_html_table_with_blank_lines_between_its_rows_keeps_its_header():
    body = (
        "## Plan\n\n<table>\n<tr>\n<th>Week</th>\n<th>Topic</th>\n</tr>\n\n"
        "<tr>\n<td>1</td>\n<td>Git</td>\n</tr>\n\n<tr>\n<td>2</td>\n<td>SQL</td>\n</tr>\n\n</table>\n"
    )
    role, _ = parse(body)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [(1, "Git", (1, 1)), (2, "SQL", (2, 2))]


def test_what_an_html_table_does_not_show_is_no_row():
    body = (
        "## Plan\n\n<table>\n<tr><th>Week</th><th>Topic</th></tr>\n"
        "<!-- <tr><td>1</td><td>Hidden</td></tr> -->\n"
        '<tr><td><a href="https://github.com/alice"><img src="a.png"></a></td><td></td></tr>\n'
        "<tr><td>—</td><td><script>alert(1)</script></td></tr>\n"
        "<tr><td>1</td><td>Git</td></tr>\n"
        "</table>\n"
    )
    assert [cells for _, _, _, cells, _, _ in rows(body)] == [(("Week", "1", "1"), ("Topic", "Git", "Git"))]


def test_the_text_of_an_html_paragraph_is_a_line_of_its_section_with_its_links():
    body = (
        "# Primer\n\n## CAP theorem\n\n"
        '<p align="center">\n  <img src="images/cap.png">\n  <br/>\n'
        '  <i><a href="http://robertgreiner.com/cap-theorem-revisited/">Source: CAP theorem revisited</a></i>\n'
        "</p>\n\nYou can only support two of three guarantees.\n"
    )
    role, _ = parse(body)
    assert section(role, "CAP theorem").text == (
        "[Source: CAP theorem revisited](http://robertgreiner.com/cap-theorem-revisited/)\n\n"
        "You can only support two of three guarantees."
    )
    (hit, *_) = SearchIndex([role]).search("cap theorem revisited")
    assert "](http://robertgreiner.com/cap-theorem-revisited/)" in hit.snippet


def test_a_paragraph_after_an_html_table_is_found_by_search():
    role, _ = parse(HTML_SCHEDULE)
    assert section(role, "Schedule").text == "Fall behind? Skip a problem, never the mock interview."
    assert [h.section.title for h in SearchIndex([role]).search("fall behind")] == ["Schedule"]


def test_html_paragraphs_of_badges_or_in_page_links_show_nothing_and_an_image_its_alt_text():
    body = (
        "# T\n\n## About\n\n"
        '<p align="center"><img src="https://example.com/banner.png" alt="A banner"></p>\n\n'
        '<p align="center">\n  <a href="https://github.com/x/y/stargazers"><img src="https://img.shields.io/x.svg" '
        'alt="stars"></a>\n</p>\n\n'
        '<p align="right">(<a href="#readme-top">back to top</a>)</p>\n\n'
        "<!-- <p>An old note</p> -->\n\n<pre>\n<p>An example</p>\n</pre>\n\n<p>Welcome.</p>\n"
    )
    role, _ = parse(body)
    assert section(role, "About").text == "[A banner](https://example.com/banner.png)\n\nWelcome."


def test_a_break_in_an_html_paragraph_starts_a_line_and_a_relative_link_is_its_text():
    body = (
        '# T\n\n## About\n\n<p align="center">\n  <b>A free plan.</b><br>\n  <sub>Built by learners.</sub>\n'
        '  See <a href="docs/setup.md">the setup</a>.\n</p>\n'
    )
    role, problems = parse(body)
    assert section(role, "About").text == "A free plan.\nBuilt by learners. See the setup."
    assert any("relative link" in p.message for p in problems)


def test_a_row_of_avatars_in_links_credits_people_and_is_no_topic():
    body = (
        "# T\n\n## Contributing\n\nPRs welcome.\n\n<table>\n  <tr>\n"
        '    <td align="center"><a href="https://github.com/alice"><img src="https://avatars.example/1" width="80px;" '
        'alt=""/><br /><sub><b>Alice</b></sub></a></td>\n'
        '    <td align="center"><a href="https://github.com/bob"><img src="https://avatars.example/2"/><br />'
        "<sub><b>Bob</b></sub></a></td>\n  </tr>\n"
        '  <tr><td><a href="https://roadmap.sh">roadmap.sh</a></td><td>more paths</td></tr>\n</table>\n'
    )
    role, _ = parse(body)
    assert [s.title for s in role.sections if s.kind == "topic"] == ["roadmap.sh"]
    assert section(role, "Contributing").text == "PRs welcome.\n\n- [roadmap.sh](https://roadmap.sh) — more paths"


def test_headings_and_paragraphs_of_one_html_block_keep_their_order():
    body = (
        '<div align="center">\n  <h1>Frontend in 8 Weeks</h1>\n  <p>From zero to your first job.</p>\n'
        "  <h2>Week 1: HTML</h2>\n  <p>Forms &amp; inputs</p>\n</div>\n"
    )
    role, _ = parse(body)
    assert role.title == "Frontend in 8 Weeks"
    assert section(role, "Frontend in 8 Weeks").text == "From zero to your first job."
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [(1, "HTML", (1, 1))]
    assert section(role, "Week 1: HTML").text == "Forms & inputs"


def test_html_blocks_are_parted_from_the_text_before_them_only_by_a_blank_line():
    body = (
        "# T\n\n## About\n\nRead this first.\n<table>\n<tr>\n<td>Git</td>\n</tr>\n</table>\n\n"
        "> Quoted.\n>\n> <p>Also quoted</p>\n"
    )
    role, _ = parse(body)
    assert section(role, "About").text == "Read this first.\n- Git\n\n> Quoted.\n\n> Also quoted"


def test_an_html_image_shows_its_alt_text_as_a_markdown_image_does():
    html, _ = parse(
        "# T\n\n## About\n\n"
        '<p>Read the <img src="https://example.com/arch.png" alt="architecture diagram"> first.</p>\n\n'
        '<div align="center">\n  <img src="https://example.com/flow.png" alt="Request flow" width="600">\n</div>\n\n'
        '<p><a href="https://ci.example.com"><img src="https://img.shields.io/ci.svg" alt="build"></a> '
        '<img src="https://img.shields.io/x.svg" alt="stars"> Welcome.</p>\n'
    )
    markdown, _ = parse(
        "# T\n\n## About\n\nRead the ![architecture diagram](https://example.com/arch.png) first.\n\n"
        "![Request flow](https://example.com/flow.png)\n\n"
        "[![build](https://img.shields.io/ci.svg)](https://ci.example.com) ![stars](https://img.shields.io/x.svg) "
        "Welcome.\n"
    )
    assert section(html, "About").text == (
        "Read the [architecture diagram](https://example.com/arch.png) first.\n\n"
        "[Request flow](https://example.com/flow.png)\n\nWelcome."
    )
    assert section(html, "About").text == section(markdown, "About").text


def test_a_relative_html_image_is_its_alt_text_with_the_relative_image_warning_on_its_line():
    body = '# T\n\n## About\n\n<p align="center">\n  Our setup:\n  <img src="img/arch.png" alt="System architecture">\n</p>\n'
    role, problems = parse(body)
    assert section(role, "About").text == "Our setup: System architecture"
    (warning,) = [p for p in problems if "relative image" in p.message]
    assert warning.message.startswith("1 relative image is shown as its alt text, unlinked")
    lines = role_file(body=body).split("\n")
    assert lines[warning.line - 1] == '  <img src="img/arch.png" alt="System architecture">'


# ---------------------------------------------------------------- HTML lists, bare text, colspan

HTML_LIST_PHASE = (
    "# T\n\n## Phase 1: Containers (Weeks 1-2)\n\n<ul>\n"
    '  <li><a href="https://docs.docker.com/">Docker</a> basics\n'
    "    <ul>\n      <li>Images</li>\n      <li>Volumes</li>\n    </ul>\n  </li>\n"
    "  <li>Compose</li>\n</ul>\n"
)


def topics(phase) -> list[tuple[str, list[str]]]:
    return [(t.text, [c.text for c in t.children]) for t in phase.topics]


def test_the_items_of_an_html_list_are_a_phases_topics_nested_as_written():
    role, _ = parse(HTML_LIST_PHASE)
    assert topics(role.phases[0]) == [
        ("[Docker](https://docs.docker.com/) basics", ["Images", "Volumes"]),
        ("Compose", []),
    ]
    assert topics(role.phases[0]) == topics(
        parse(
            "# T\n\n## Phase 1: Containers (Weeks 1-2)\n\n- [Docker](https://docs.docker.com/) basics\n"
            "  - Images\n  - Volumes\n- Compose\n"
        )[0].phases[0]
    )


def test_an_html_ordered_list_and_items_without_closing_tags_are_read():
    body = "# T\n\n## Phase 1: SQL (Weeks 1-2)\n\n<ol>\n<li><p>Joins</p>\n<li>Indexes\n</ol>\n"
    role, _ = parse(body)
    assert topics(role.phases[0]) == [("Joins", []), ("Indexes", [])]


def test_html_list_items_with_a_checkbox_or_a_written_box_are_checklist_items():
    body = (
        "# T\n\n## Phase 1: Git (Weeks 1-2)\n\n<ul>\n"
        '  <li><input type="checkbox" disabled> Make a first commit</li>\n'
        '  <li><input type="checkbox" checked disabled> Install Git</li>\n'
        "  <li>[ ] Open a pull request\n    <ul><li>[x] Fork the repo</li></ul>\n  </li>\n"
        "  <li>Read about rebasing</li>\n</ul>\n"
    )
    role, _ = parse(body)
    assert [(i.text, i.phase, i.depth) for i in role.checklist] == [
        ("Make a first commit", 1, 0),
        ("Install Git", 1, 0),
        ("Open a pull request", 1, 0),
        ("Fork the repo", 1, 1),
    ]
    assert [t.text for t in role.phases[0].topics] == ["Read about rebasing"]


def test_text_directly_in_a_div_is_a_line_of_its_section_with_its_links():
    body = (
        '# T\n\n## About\n\n<div align="center">\n'
        '  <a href="https://github.com/x/y"><img src="https://img.shields.io/x.svg"></a>\n'
        "  A free plan for learners.\n"
        '  <a href="https://example.org/join">Join the chat</a> to ask questions.\n'
        "</div>\n\n<div>Updated weekly.</div>\n"
    )
    role, _ = parse(body)
    assert section(role, "About").text == (
        "A free plan for learners. [Join the chat](https://example.org/join) to ask questions.\n\nUpdated weekly."
    )


def test_html_inside_a_markdown_list_item_is_read_under_that_item():
    body = (
        "# T\n\n## Phase 1: Web (Weeks 1-2)\n\n- HTML\n  <ul>\n  <li>Forms</li>\n  <li>Tables</li>\n  </ul>\n"
        "- <div>CSS</div>\n- JavaScript\n  <p>Start with the DOM.</p>\n"
    )
    role, _ = parse(body)
    # A paragraph in an item goes on from its text, as the same markdown paragraph does.
    assert topics(role.phases[0]) == [
        ("HTML", ["Forms", "Tables"]),
        ("CSS", []),
        ("JavaScript Start with the DOM.", []),
    ]


def test_a_cell_that_spans_columns_keeps_the_cells_after_it_under_their_headers():
    body = (
        "## Plan\n\n<table>\n<tr><th>Week</th><th>Topic</th><th>Reading</th></tr>\n"
        "<tr><td>1</td><td>Git</td><td>Pro Git</td></tr>\n"
        '<tr><td colspan="2">Review week</td><td>Your notes</td></tr>\n'
        "</table>\n"
    )
    assert [cells for _, _, _, cells, _, _ in rows(body)] == [
        (("Week", "1", "1"), ("Topic", "Git", "Git"), ("Reading", "Pro Git", "Pro Git")),
        (("Week", "Review week", "Review week"), ("Reading", "Your notes", "Your notes")),
    ]


def test_a_header_that_spans_columns_names_each_of_them():
    body = (
        '## Plan\n\n<table>\n<tr><th>Topic</th><th colspan="2">Resources</th></tr>\n'
        "<tr><td>Git</td><td>Pro Git</td><td>Oh My Git</td></tr>\n</table>\n"
    )
    ((_, _, _, cells, _, _),) = rows(body)
    assert [header for header, _, _ in cells] == ["Topic", "Resources", "Resources"]
