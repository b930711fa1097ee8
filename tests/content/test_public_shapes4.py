"""Shapes of community roadmaps not covered before (awesome lists, MkDocs and Notion exports, footnotes, heading
anchors, tab-indented lists, ...), written small."""

from __future__ import annotations

import pytest

from bot.content.loader import parse_bytes
from bot.handlers.learning import phase_body
from tests.content.helpers import role_file


def parse(body: str, extra: str = ""):
    text = role_file(body=body, extra=extra)
    role, problems = parse_bytes(text.encode(), "x.md")
    assert role is not None, problems
    return role, problems, text


def section(role, title: str):
    (found,) = [s for s in role.sections if s.title == title]
    return found


def test_a_bullet_nested_by_a_tab_shows_under_its_parent_once_and_not_under_itself():
    body = "# T\n\n## Tools\n* Build tools\n\t* `gcc`, `make`\n\t* Reading a `.map` file\n\t\t* Symbols\n"
    role, _, text = parse(body)
    lines = text.splitlines()
    assert section(role, "Build tools").text == ("Build tools\n- `gcc`, `make`\n- Reading a `.map` file\n  - Symbols")
    assert section(role, "gcc, make").text == "`gcc`, `make`"
    # each entry is on the line it is written on
    assert [lines[s.line - 1].strip() for s in role.sections if s.kind == "topic"] == [
        "* Build tools",
        "* `gcc`, `make`",
        "* Reading a `.map` file",
        "* Symbols",
    ]


def test_heading_attributes_and_kramdown_attribute_lines_are_no_text():
    body = (
        "# Network Engineer {#top}\n{: .no_toc }\n\nStable anchors.\n\n"
        "## Phase 1: Basics (Weeks 1-4) {#phase-1}\n### Subnetting {#subnetting .important}\n- CIDR\n"
        "## Phase 2: Automation (Weeks 5-8) {: #phase-2 }\n- Python\n## Sets {a, b} and `{#x}`\n- union\n"
    )
    role, _, _ = parse(body)
    assert role.title == "Network Engineer"
    assert [(p.title, p.weeks) for p in role.phases] == [("Basics", (1, 4)), ("Automation", (5, 8))]
    assert [s.label for s in role.phases[0].subsections] == ["Subnetting"]
    assert section(role, "Network Engineer").text == "Stable anchors."
    # braces that hold no '#id' or '.class' are the author's words
    assert "Sets {a, b} and {#x}" in [s.title for s in role.sections]


def test_links_back_to_the_top_and_tables_of_contents_with_separators_are_not_shown():
    body = (
        "# Games\n\n- [Phase 1](#phase-1) · [Phase 2](#phase-2) | [FAQ](#faq)\n\n"
        "## Phase 1: Basics (Weeks 1-4)\n\n**Goal:** Write small programs.\n\n- Variables\n\n"
        "**[⬆ back to top](#games)**\n\n---\n\n## Phase 2: A game (Weeks 5-8)\n\n- Input\n\n[Back to top ↑](#games)\n\n"
        "## FAQ\n\nSee [Phase 1](#phase-1) first, then ask.\n\n→ ←\n"
    )
    role, _, _ = parse(body)
    assert phase_body(role.phases[0]) == "**Objective:** Write small programs.\n\n- Variables"
    assert role.phases[0].subsections == ()
    assert phase_body(role.phases[1]) == "- Input"
    assert [s.title for s in role.sections if s.kind == "topic"] == ["Variables", "Input"]
    # in-page links among other words are text, and so is a line of symbols
    assert section(role, "FAQ").text == "See Phase 1 first, then ask.\n\n→ ←"


@pytest.mark.parametrize(
    ("heading", "weeks", "title"),
    [
        ("## Week #4: Databases", (4, 4), "Databases"),
        ("## Phase #2 - Routing (Weeks 3-5)", (3, 5), "Routing"),
        ("## W5 — Auth", (5, 5), "Auth"),
        ("## w6: Testing", (6, 6), "Testing"),
        ("## wk7 / Deploy", (7, 7), "Deploy"),
        ("## WEEK 8 -- Review", (8, 8), "Review"),
    ],
)
def test_week_headings_typed_in_a_hurry_are_weeks(heading: str, weeks: tuple[int, int], title: str):
    role, problems, _ = parse(f"# Plan\n\n{heading}\n- a topic\n")
    assert [(p.weeks, p.title) for p in role.phases] == [(weeks, title)], problems


def test_a_w_before_a_number_is_a_week_only_right_before_it():
    role, _, _ = parse("# Plan\n\n## W3C standards\n- HTML\n\n## W 3: spaced\n- CSS\n")
    assert role.self_paced


def test_a_slash_in_a_word_at_a_titles_edge_stays():
    role, _, _ = parse("# Plan\n\n## Week 1: /etc and /proc\n- files\n\n## Week 2: CI/CD /\n- pipelines\n")
    assert [p.title for p in role.phases] == ["/etc and /proc", "CI/CD"]


def test_a_resource_marked_after_its_link_is_titled_by_the_link():
    body = (
        "# Awesome Rust\n\n## Books\n"
        "- [Programming Rust](https://www.oreilly.com/x) 💰 - Deeper than the Book.\n"
        "- [Rust for Rustaceans](https://rust-for-rustaceans.com/) 💰 ⭐ – For when the Book feels easy.\n"
        "- [Rustlings](https://github.com/rust-lang/rustlings) ![stars](https://img.shields.io/x.svg) - Exercises.\n"
        "- [Zero To Production](https://www.zero2prod.com/) (paid) - A backend, test-first.\n"
    )
    role, _, _ = parse(body)
    assert [s.title for s in role.sections if s.kind == "topic"] == [
        "Programming Rust",
        "Rust for Rustaceans",
        "Rustlings",
        "Zero To Production",
    ]
    assert section(role, "Programming Rust").text == (
        "[Programming Rust](https://www.oreilly.com/x) 💰 - Deeper than the Book."
    )


def test_a_utf8_file_with_smart_quotes_pasted_from_word_keeps_its_emoji_and_its_quotes():
    body = "# ✍️ Writing 🚀\n\n## Phase 1: Basics (Weeks 1-3)\n\n- Know your reader: “who is this for?” – first\n"
    text = role_file(body=body)
    line = text.split("\n").index("- Know your reader: “who is this for?” – first") + 1
    data = text.encode().replace("“".encode(), b"\x93").replace("”".encode(), b"\x94").replace("–".encode(), b"\x96")
    role, problems = parse_bytes(data, "x.md")
    assert role is not None, problems
    assert role.title == "✍️ Writing 🚀"
    assert [t.text for t in role.phases[0].topics] == ["Know your reader: “who is this for?” – first"]
    assert [(p.severity, p.line, p.message) for p in problems] == [
        (
            "warning",
            line,
            "3 bytes are not valid UTF-8 (the first, 0x93 at column 21) and were read as Windows-1252 (cp1252), as "
            "“ here; type those characters again (quotes and dashes pasted from Word, most often) to silence this",
        )
    ]


def test_a_byte_that_is_not_utf8_nor_windows_1252_in_a_utf8_file_is_still_an_error():
    data = role_file(body="# Café ✅\n\n## Tools\n- a\n").encode() + b"- b\x81\n"
    role, problems = parse_bytes(data, "x.md")
    assert role is None
    assert "is not valid UTF-8" in problems[0].message


def test_a_table_of_phases_with_a_weeks_column_is_the_plan():
    body = (
        "| Phase | Weeks | Topics | Resources |\n|---|---|---|---|\n"
        "| 1. Cloud basics | 1-3 | IAM, VPCs | [AWS Skill Builder](https://skillbuilder.aws/) |\n"
        "| 2. Identity | 4–6 | Least privilege, SSO | — |\n"
        "| 3 | 7-10 | Detection | [Flaws.cloud](http://flaws.cloud/) |\n"
    )
    role, problems, _ = parse(body)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "Cloud basics", (1, 3)),
        (2, "Identity", (4, 6)),
        (3, "Detection", (7, 10)),
    ], problems
    assert phase_body(role.phases[0]) == (
        "- Topics: IAM, VPCs\n- Resources: [AWS Skill Builder](https://skillbuilder.aws/)"
    )
    assert phase_body(role.phases[2]) == "- Resources: [Flaws.cloud](http://flaws.cloud/)"


def test_a_table_of_courses_and_their_lengths_in_weeks_is_no_plan():
    body = (
        "# Courses\n\n| Course | Weeks | Link |\n|---|---|---|\n| CS50 | 12 | [cs50](https://cs50.harvard.edu/x/) |\n"
        "| MIT 6.006 | 14 | [ocw](https://ocw.mit.edu/) |\n"
    )
    role, _, _ = parse(body)
    assert role.self_paced


def test_a_notion_callout_in_an_aside_is_shown_as_a_quote():
    body = (
        "# PM Plan\n\n## Phase 1: Discovery (Weeks 1-4)\n\n- Opportunity trees\n\n<aside>\n"
        "⚠️ Do **not** pitch your idea in an interview. Read [The Mom Test](https://www.momtestbook.com/).\n\n"
        "</aside>\n\n- Assumption mapping\n"
    )
    role, _, text = parse(body)
    # as a quote written '> ⚠️ Do **not** …' shows
    assert phase_body(role.phases[0]) == (
        "- Opportunity trees\n\n"
        "> ⚠️ Do **not** pitch your idea in an interview. Read [The Mom Test](https://www.momtestbook.com/).\n\n"
        "- Assumption mapping"
    )
    lines = text.splitlines()
    (piece,) = [p for p in role.phases[0].body if p.quote]
    assert lines[piece.line - 1].startswith("⚠️ Do **not**")


def test_a_footnotes_links_show_where_its_mark_is():
    body = (
        "# Security\n\nMost breaches start with known mistakes.[^dbir]\n\n## Phase 1: Web (Weeks 1-4)\n\n"
        "- Cookies and sessions[^mdn]\n- CORS\n\n## Notes\n\n"
        "[^dbir]: The yearly [Verizon DBIR](https://www.verizon.com/dbir/)\n    has said so for years.\n\n"
        "    And it still does.\n[^mdn]: See [Using HTTP cookies](https://developer.mozilla.org/cookies) on MDN.\n"
    )
    role, _, _ = parse(body)
    assert phase_body(role.phases[0]) == (
        "- Cookies and sessions (See [Using HTTP cookies](https://developer.mozilla.org/cookies) on MDN.)\n- CORS"
    )
    assert section(role, "Security").text == (
        "Most breaches start with known mistakes. (The yearly [Verizon DBIR](https://www.verizon.com/dbir/) has said "
        "so for years. And it still does.)"
    )
    assert [s.title for s in role.sections if s.kind == "topic"] == ["Cookies and sessions", "CORS"]


MKDOCS = (
    "# K8s\n\n## Week 1: Pods\n\n**Goal:** Run a pod.\n\n"
    "Pod\n:   The smallest thing Kubernetes schedules.\n\n"
    "- `kubectl get`\n\n"
    "!!! tip\n    Run `kubectl explain pod.spec` when you forget a field.\n\n"
    '!!! warning "Common mistake"\n\n    A Service selects pods by **label**.\n    Check the [endpoints](https://kubernetes.io/docs/).\n\n'
    '??? example "Lab"\n    1. Deploy nginx.\n    2. Roll back.\n\n'
    '=== "ConfigMap"\n\n    ```yaml\n    kind: ConfigMap\n    ```\n\n'
    "```md\n!!! note\n    stays code\n```\n"
)


def test_mkdocs_admonitions_are_quotes_and_their_titles_labels():
    role, _, text = parse(MKDOCS)
    phase = role.phases[0]
    assert phase_body(phase) == (
        "**Objective:** Run a pod.\n\n"
        "**Pod** — The smallest thing Kubernetes schedules.\n\n"
        "- `kubectl get`\n\n"
        "> 💡 Run `kubectl explain pod.spec` when you forget a field.\n\n"
        "**⚠️ Common mistake:**\n"
        "> A Service selects pods by **label**.\n"
        "> Check the [endpoints](https://kubernetes.io/docs/).\n\n"
        "**🧪 Lab:**\n"
        "1. Deploy nginx.\n"
        "2. Roll back.\n\n"
        "**ConfigMap:**\n"
        "```yaml\nkind: ConfigMap\n```\n\n"
        "```md\n!!! note\n    stays code\n```"
    )
    assert [s.label for s in phase.subsections] == ["⚠️ Common mistake", "🧪 Lab", "ConfigMap"]
    assert [s.title for s in role.sections if s.kind == "topic"] == ["kubectl get", "Deploy nginx.", "Roll back."]
    lines = text.splitlines()
    (part,) = [s for s in phase.subsections if s.label == "🧪 Lab"]
    assert lines[part.line - 1] == '??? example "Lab"'


def test_an_abbreviation_line_of_mkdocs_is_no_text():
    role, _, _ = parse("# K8s\n\nStudy for the CKAD.\n\n*[CKAD]: Certified Kubernetes Application Developer\n")
    assert section(role, "K8s").text == "Study for the CKAD."


def test_a_quoted_labels_lines_stay_lines_in_its_entry():
    body = (
        "# K8s\n\n> 💡 **Who this is for:**\n> You can use a terminal.\n> You need no cloud account.\n\n## More\n- x\n"
    )
    role, _, _ = parse(body)
    assert section(role, "💡 Who this is for").text == "> You can use a terminal.\n> You need no cloud account."


def test_a_quote_that_opens_with_a_bold_label_stays_a_quote_in_its_phase():
    body = (
        "# Mentoring\n\n## Week 1 – Kick-off\n\n**Agenda**\n1. Intros\n\n"
        "> **For the mentor:** Listen more than you talk.\n\n> Plain advice.\n"
    )
    role, _, _ = parse(body)
    assert phase_body(role.phases[0]) == (
        "**Agenda:**\n1. Intros\n\n> **For the mentor:** Listen more than you talk.\n\n> Plain advice."
    )


def test_a_quoted_label_over_a_quoted_list_shows_with_its_list_as_one_block():
    body = (
        "# Ops\n\n## Week 1 – Shell\n\n- pipes\n\n> **Tip:** keep notes of every command you look up:\n"
        "> - `ss -tulpn` to see who listens\n> - `dig +trace` to follow a lookup\n"
    )
    role, _, _ = parse(body)
    assert phase_body(role.phases[0]).split("\n")[2:] == [
        "**Tip:** keep notes of every command you look up:",
        "- `ss -tulpn` to see who listens",
        "- `dig +trace` to follow a lookup",
    ]


def test_a_bullet_that_says_what_to_do_with_a_resource_is_titled_by_all_of_it():
    body = (
        "# UX\n\n## Reading\n- Read: [The Design of Everyday Things](https://example.com/doet), chapters 1-2\n"
        "- Watch: [Juice it or lose it](https://example.com/juice), then try it\n- Tools: Figma, FigJam\n"
    )
    role, _, _ = parse(body)
    assert [s.title for s in role.sections if s.kind == "topic"] == [
        "Read: The Design of Everyday Things, chapters 1-2",
        "Watch: Juice it or lose it, then try it",
        "Tools",
    ]
