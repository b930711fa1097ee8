"""What a learner sees of roadmaps exported from other tools: kramdown attribute lines, Jupyter prompts, LaTeX
maths, images and Confluence tables and macros."""

from __future__ import annotations

import pytest

from bot.content.models import Phase
from bot.content.search import SearchIndex
from bot.handlers.learning import phase_body
from tests.content.helpers import finishes_in_a_minute, parse_body, role_file


def shown(phase: Phase) -> str:
    """What /phase shows of a phase: its objective and everything written under its heading."""
    return "\n".join([phase.objective or "", *(piece.md for piece in phase.body)])


def test_an_attribute_line_after_a_task_item_is_no_part_of_its_name():
    role, _ = parse_body(
        "## Phase 1: CI (Weeks 1-3)\n\n- Git branching\n\n### Checklist\n\n"
        "- [ ] Add a status badge to the README\n{: .checklist }\n"
    )
    assert [item.text for item in role.checklist] == ["Add a status badge to the README"]
    assert [item.md for item in role.checklist] == ["Add a status badge to the README"]


def test_an_attribute_line_after_an_item_or_a_paragraph_line_is_not_shown():
    role, _ = parse_body(
        "## Phase 1: CI (Weeks 1-3)\n\n- Git branching\n{:.topic}\n\nRead the docs first.\n{: #intro .lead }\n"
    )
    assert "{:" not in shown(role.phases[0])
    assert "Git branching" in shown(role.phases[0])
    assert "Read the docs first." in shown(role.phases[0])


def test_an_attribute_line_with_words_after_it_on_its_line_stays():
    role, _ = parse_body("## Phase 1: CI (Weeks 1-3)\n\n- Write `{: .x }` then text {: .y } here\n")
    assert "{: .y } here" in shown(role.phases[0])


def test_jupyter_prompts_are_not_shown():
    role, _ = parse_body(
        "# Week 1\n\n## NumPy foundations\n\nIn [1]:\n\n```python\nx.mean()\n```\n\nOut[1]:\n\n"
        "Out[12]: 3.5\n\nIn [ ]:\n"
    )
    text = "\n".join(shown(phase) for phase in role.phases)
    assert "x.mean()" in text
    assert "In [1]:" not in text
    assert "In [ ]:" not in text
    assert "Out[1]:" not in text.replace("Out[12]:", "")
    assert "Out[12]: 3.5" in text  # an output with a value is what the notebook printed


def test_latex_maths_is_kept_as_written():
    role, _ = parse_body(
        "# Week 1\n\n- Variance\n\n$$\ns^2 = \\frac{1}{n-1} \\sum_{i=1}^{n} (x_i - \\bar{x})^2\n$$\n\n"
        "Loss: $$ L(\\beta) = \\| y - X\\beta \\|^2 $$ and $\\hat{y}_i$ for each row; it costs $5 and $10, or $5-$10.\n"
    )
    text = shown(role.phases[0])
    assert "`s^2 = \\frac{1}{n-1} \\sum_{i=1}^{n} (x_i - \\bar{x})^2`" in text
    assert "`L(\\beta) = \\| y - X\\beta \\|^2`" in text
    assert "`\\hat{y}_i`" in text
    assert "costs $5 and $10, or $5-$10." in text
    assert "\\\\" not in text
    assert "$$" not in text


def test_dollar_signs_that_rate_a_price_are_shown_as_written():
    role, _ = parse_body(
        "## Phase 1: Hosting (Weeks 1-2)\n\n| Option | Cost |\n|---|---|\n| Shared | $$ |\n| Dedicated | $$$$ |\n\n"
        "- Budget: $$$$\n- Managed tier: $$$$ (the priciest)\n- Spread: $$ to $$$$, or $$–$$$\n"
        "- Error: $$ e = y - \\hat{y} $$\n"
    )
    assert [topic.text for topic in role.phases[0].topics] == [
        "Shared — Cost: $$",
        "Dedicated — Cost: $$$$",
        "Budget: $$$$",
        "Managed tier: $$$$ (the priciest)",
        "Spread: $$ to $$$$, or $$–$$$",
        "Error: `e = y - \\hat{y}`",
    ]


def test_shell_variables_in_prose_are_shown_as_written_and_maths_stays_code():
    role, _ = parse_body(
        "# Week 1\n\n- Add `~/bin` to $HOME/bin:$PATH and $HOME/.bashrc\n- Copy it to ${HOME}/$USER/notes\n\n"
        "Each $x_i$ counts; the mean is $$ \\bar{x} = \\frac{1}{n} \\sum x_i $$ and $N$ is the count.\n"
    )
    assert [topic.text for topic in role.phases[0].topics] == [
        "Add `~/bin` to $HOME/bin:$PATH and $HOME/.bashrc",
        "Copy it to ${HOME}/$USER/notes",
    ]
    text = shown(role.phases[0])
    assert "Each `x_i` counts; the mean is `\\bar{x} = \\frac{1}{n} \\sum x_i` and `N` is the count." in text
    assert [hit.section.title for hit in SearchIndex([role]).search("bashrc")] == [
        "Add ~/bin to $HOME/bin:$PATH and $HOME/.bashrc"
    ]


def test_an_image_keeps_its_alt_text():
    role, _ = parse_body(
        "# Week 1\n\n- Pandas\n\n![histogram of ages](images/hist.png)\n\n"
        "Compare with ![box plot](https://example.org/box.png).\n"
    )
    text = shown(role.phases[0])
    assert "histogram of ages" in text
    assert "[box plot](https://example.org/box.png)" in text
    assert [hit.section.title for hit in SearchIndex([role]).search("histogram")]


def test_a_badge_stays_hidden():
    role, _ = parse_body(
        "# Week 1\n\n- Pandas\n\nSee [![build passing](https://img.shields.io/x.svg)](https://ci.example.org) now.\n"
    )
    assert "build passing" not in shown(role.phases[0])


def test_a_badge_outside_a_link_stays_hidden():
    role, _ = parse_body("# Week 1\n\n- Pandas\n\nPandas ![stars](https://img.shields.io/x.svg) is fast.\n")
    assert "stars" not in shown(role.phases[0])


def test_a_confluence_table_is_read_as_a_markdown_table_is():
    confluence, _ = parse_body(
        "## Week 1-2: Fundamentals\n\n- Test pyramid\n\n|| Topic || Time ||\n| Test design | 4h |\n"
        "| [Bug reports](https://example.org/bugs) | 1h |\n\nWrite one report a day.\n"
    )
    markdown, _ = parse_body(
        "## Week 1-2: Fundamentals\n\n- Test pyramid\n\n| Topic | Time |\n|---|---|\n| Test design | 4h |\n"
        "| [Bug reports](https://example.org/bugs) | 1h |\n\nWrite one report a day.\n"
    )
    assert shown(confluence.phases[0]) == shown(markdown.phases[0])
    assert "Test design" in shown(confluence.phases[0])
    assert "||" not in shown(confluence.phases[0])


def test_confluence_macros_are_unwrapped():
    role, _ = parse_body(
        "## Week 1-2: Automation\n\n- Page object model\n\n"
        '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[def test_login(page): ...]]>'
        "</ac:plain-text-body></ac:structured-macro>\n\n"
        '<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">python</ac:parameter>'
        "<ac:plain-text-body><![CDATA[def test_logout(page):\n    page.click('#out')]]></ac:plain-text-body>"
        "</ac:structured-macro>\n\n"
        '<ac:structured-macro ac:name="warning"><ac:rich-text-body><p>Never load-test production.</p>'
        "</ac:rich-text-body></ac:structured-macro>\n"
    )
    text = shown(role.phases[0])
    assert "`def test_login(page): ...`" in text
    assert "```python\ndef test_logout(page):\n    page.click('#out')\n```" in text
    assert "Never load-test production." in text
    assert "ac:" not in text


COMPACT_MACRO = (
    '<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">python</ac:parameter>'
    "<ac:plain-text-body><![CDATA[def test_logout(page):\n    page.click('#out')\n    assert page.url]]>"
    "</ac:plain-text-body></ac:structured-macro>"
)
STORAGE_MACRO = (
    '<ac:structured-macro ac:name="code">\n  <ac:parameter ac:name="language">python</ac:parameter>\n'
    "  <ac:plain-text-body><![CDATA[def test_logout(page):\n    page.click('#out')]]></ac:plain-text-body>\n"
    "</ac:structured-macro>"
)


@pytest.mark.parametrize("macro", [COMPACT_MACRO, STORAGE_MACRO], ids=["compact", "storage"])
def test_lines_after_a_confluence_code_macro_keep_their_numbers(macro: str):
    body = (
        f"## Phase 1: Automation (Weeks 1-2)\n\n- Page object model\n\n{macro}\n\n- [ ] Automate the logout test\n\n"
        "## Phase 2: Load testing (Weeks 5-6)\n\n- k6\n"
    )
    role, problems = parse_body(body)
    lines = role_file(body=body).split("\n")
    (item,) = role.checklist
    assert lines[item.line - 1] == "- [ ] Automate the logout test"
    (gap,) = [p for p in problems if "belong to no phase" in p.message]
    assert lines[gap.line - 1] == "## Phase 2: Load testing (Weeks 5-6)"
    assert "```python\ndef test_logout(page):\n    page.click('#out')" in shown(role.phases[0])


def test_a_code_macro_with_no_blank_lines_around_it_is_code_on_its_lines():
    body = (
        f"## Phase 1: Automation (Weeks 1-2)\n\nLog out:\n{COMPACT_MACRO}\n- [ ] Automate the logout test\n"
        "- [ ] Automate the login test\n"
    )
    role, _ = parse_body(body)
    lines = role_file(body=body).split("\n")
    assert [lines[item.line - 1] for item in role.checklist] == [
        "- [ ] Automate the logout test",
        "- [ ] Automate the login test",
    ]
    assert "`def test_logout(page): page.click('#out') assert page.url`" in shown(role.phases[0])


def test_lines_after_a_confluence_panel_or_a_macro_in_a_sentence_keep_their_numbers():
    body = (
        "## Phase 1: Automation (Weeks 1-2)\n\n"
        '<ac:structured-macro ac:name="warning">\n<ac:rich-text-body>\n<p>Never load-test production.</p>\n\n'
        "</ac:rich-text-body>\n</ac:structured-macro>\n\n"
        'Run <ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[pytest\n  -x]]>'
        "</ac:plain-text-body></ac:structured-macro> first.\n\n- [ ] Automate the logout test\n"
    )
    role, _ = parse_body(body)
    lines = role_file(body=body).split("\n")
    (item,) = role.checklist
    assert lines[item.line - 1] == "- [ ] Automate the logout test"
    text = shown(role.phases[0])
    assert "⚠️ Never load-test production." in text
    assert "Run `pytest -x` first." in text


PANDOC = (
    "# Study plan\n\n[]{#_Toc51230077 .anchor}Exported 2025-02-01\n\n"
    "## Phase 1: Shell (Weeks 1--3) {#phase-1-shell-weeks-1--3 .phase}\n\n"
    "-   Pipes and redirection --- the part everyone skips\n-   **Permissions** --- `chmod` and `umask`\n"
    "-   Run `rm` with --interactive until it--er--sticks\n\n"
    "## Habits\n\n| Commit early.\n| Read the error message twice.\n\n"
    "| Day | Focus |\n|---|---|\n| 1 | Files |\n"
)


def test_pandoc_dashes_show_as_dashes_and_a_headings_id_is_as_written() -> None:
    role, _ = parse_body(PANDOC)
    assert [topic.text for topic in role.phases[0].topics] == [
        "Pipes and redirection — the part everyone skips",
        "**Permissions** — `chmod` and `umask`",
        "Run `rm` with --interactive until it--er--sticks",  # an option, and two dashes between words, stay
    ]
    phase = next(s for s in role.sections if s.kind == "phase")
    assert phase.title == "Phase 1: Shell (Weeks 1–3)"
    assert phase.id == "phase-1-shell"
    assert role.phases[0].weeks == (1, 3)
    # A heading with no phase keeps the ID its words as written give.
    dashed, _ = parse_body("# T\n\n## Extras -- optional\n\n- Vim\n")
    assert [(s.title, s.id) for s in dashed.sections if s.title.startswith("Extras")] == [
        ("Extras – optional", "extras-optional")
    ]
    unchanged, _ = parse_body("# T\n\n## Track 2--3\n\n- Vim\n")
    assert [s.id for s in unchanged.sections if s.title.startswith("Track")] == ["track-2-3"]


def test_a_pandoc_line_block_is_lines_and_a_bookmark_span_shows_nothing() -> None:
    role, _ = parse_body(PANDOC)
    habits = next(s for s in role.sections if s.title == "Habits")
    assert habits.text.split("\n")[:2] == ["Commit early.", "Read the error message twice."]
    intro = next(s for s in role.sections if s.title == "Study plan")
    assert intro.text == "Exported 2025-02-01"


PANDOC_TABLES = """
## Phase 1: Data (Weeks 1-3)

  Skill          Course                     Hours
  -------------- ------------------------ -------
  Regex          RegexOne                       3
  Shell          The Missing Semester           5

  : Tools for week 1

+-----------------+-------------------+
| Course          | Price             |
+=================+===================+
| [Pandas         | free              |
| tutorial](https |                   |
| ://pandas.org)  |                   |
+-----------------+-------------------+
| Tidy Data paper | free, 20 pages    |
+-----------------+-------------------+

- Joins
"""


def test_pandoc_simple_and_grid_tables_are_rows_as_pipe_tables_are() -> None:
    role, problems = parse_body(PANDOC_TABLES)
    body = phase_body(role.phases[0])
    assert body.split("\n") == [
        "**Tools for week 1:**",  # its caption
        "- Regex — Course: RegexOne · Hours: 3",
        "- Shell — Course: The Missing Semester · Hours: 5",
        "- [Pandas tutorial](https://pandas.org) — Price: free",  # a link wrapped over the cell's lines
        "- Tidy Data paper — Price: free, 20 pages",
        "",
        "- Joins",
    ]
    assert not problems


def test_a_grid_table_whose_cells_span_columns_is_named_in_a_warning() -> None:
    body = (
        "## Phase 1: Data (Weeks 1-3)\n\n- Joins\n\n+------+------+\n| Topic       |\n+------+------+\n"
        "| SQL  | 3 h  |\n+------+------+\n"
    )
    role, problems = parse_body(body)
    assert [(p.severity, p.message.split(":")[0]) for p in problems] == [
        ("warning", "a Pandoc grid table whose cells span columns is shown as written")
    ]
    assert problems[0].line == 12  # its top border


def test_maths_with_no_operator_is_maths_and_only_a_run_of_prices_is_dollars() -> None:
    # ML roadmaps write a function or a name as maths; a price band is dollars and the words that join them.
    role, _ = parse_body(
        "## Phase 1: Models (Weeks 1-2)\n\n- Sorting takes $$ O(n log n) $$ comparisons\n"
        "- Derive $$ tanh(x) $$ on paper\n- Track $$ RMSE $$ on the held-out split\n"
        "- Cloud bill: $$ to $$$$, or $$–$$$\n\nThe activation:\n\n$$\nsigmoid(x)\n$$\n"
    )
    assert [topic.text for topic in role.phases[0].topics] == [
        "Sorting takes `O(n log n)` comparisons",
        "Derive `tanh(x)` on paper",
        "Track `RMSE` on the held-out split",
        "Cloud bill: $$ to $$$$, or $$–$$$",
    ]
    assert "`sigmoid(x)`" in shown(role.phases[0])


def test_a_shells_double_dash_in_text_stays_as_written() -> None:
    # '--' between blanks ends a command's options; only a heading or a label is Pandoc's en dash there.
    role, _ = parse_body(
        "## Phase 1 -- Git (Weeks 1-2)\n\n- Run git checkout -- notes.txt to drop your edits\n"
        "- Watch the tests: npm test -- --watch\n- Read chapters 3--5\n- Compare A---B tests\n"
        "- Pass --dry-run first --- always\n\n**Stretch -- rebase:** squash the last three commits\n"
    )
    assert [topic.text for topic in role.phases[0].topics] == [
        "Run git checkout -- notes.txt to drop your edits",
        "Watch the tests: npm test -- --watch",
        "Read chapters 3–5",
        "Compare A—B tests",
        "Pass --dry-run first --- always",  # a line that names an option keeps its dashes
    ]
    assert role.phases[0].title == "Git"
    assert "**Stretch – rebase:** squash the last three commits" in phase_body(role.phases[0])


def test_a_headings_id_gives_back_only_the_dashes_pandoc_made() -> None:
    # The en dashes typed as such stay in the ID as they were ('5–8' is '58'); the '--' Pandoc writes is '5-8'.
    role, _ = parse_body("# T\n\n## Parts 5–8 -- recap\n\n- Vim\n\n## Years 2019–2020 and 2021--2022\n\n- Emacs\n")
    assert [(s.title, s.id) for s in role.sections if s.kind == "section"][1:] == [
        ("Parts 5–8 – recap", "parts-58-recap"),
        ("Years 2019–2020 and 2021–2022", "years-20192020-and-2021-2022"),
    ]


def test_a_confluence_rows_topic_with_pandoc_dashes_keeps_its_id() -> None:
    role, _ = parse_body("# Plan\n\n|| Week || Reading ||\n| 1 | Parts 1--2 |\n| 2 | Parts 3--4 |\n")
    assert [p.title for p in role.phases] == ["Parts 1–2", "Parts 3–4"]
    assert [s.id for s in role.sections if s.kind == "phase"] == ["week-1-parts-1-2", "week-2-parts-3-4"]


def test_a_pandoc_tables_rows_keep_their_lines_and_a_rule_may_part_its_runs_by_blanks() -> None:
    body = (
        "## Phase 1: Data (Weeks 1-3)\n\nTool    Price\n----    -----\nPandas  free\nPolars  free\n\n"
        "+-----------------+-------------------+\n| Course          | Price             |\n"
        "+=================+===================+\n| Tidy Data paper | free, 20 pages    |\n"
        "| by Wickham      |                   |\n+-----------------+-------------------+\n"
        "| SQLBolt         | free              |\n+-----------------+-------------------+\n"
    )
    role, _ = parse_body(body)
    lines = role_file(body=body).split("\n")
    rows = [piece for piece in role.phases[0].body if piece.kind == "row"]
    assert [(piece.md, lines[piece.line - 1].split()[0]) for piece in rows] == [
        ("Pandas — Price: free", "Pandas"),
        ("Polars — Price: free", "Polars"),
        ("Tidy Data paper by Wickham — Price: free, 20 pages", "|"),
        ("SQLBolt — Price: free", "|"),
    ]
    assert [lines[piece.line - 1].split("|")[1].strip() for piece in rows[2:]] == ["Tidy Data paper", "SQLBolt"]


def test_a_long_line_of_many_dashes_and_code_spans_reads_in_time_linear_in_its_size():
    # Each text with '---' asks whether its line names a command's option: once per line, not once per text.
    script = (
        "from bot.content.loader import parse_bytes\n"
        "line = 'a --- b `c` ' * 30_000\n"
        "text = '---\\nname: t\\ndisplayName: T\\ndescription: d\\n---\\n# T\\n\\n## Phase 1: Notes (Weeks 1-2)\\n\\n'\n"
        "role, _ = parse_bytes((text + line + '\\n').encode(), 't.md')\n"
        "assert role is not None and role.phases\n"
    )
    finishes_in_a_minute(script, "reading a long line of dashes and code spans")


def test_a_copied_code_blocks_language_and_copy_button_are_not_shown():
    # a plan pasted from a chat assistant: each code block left its language and its button's words behind
    role, _ = parse_body(
        "## Month 1 – Basics (Weeks 1–4)\n\n### Week 1: Vectors\n- Dot product\n\n📁 Folder:\nvectors/\n\n"
        "yaml\nCopy code\n\n✅ Output:\n- Add two vectors\n\n### Week 2: Matrices\n- Inverse\n\n"
        "python\nCopy\nEdit\n\nThen print it.\n\nCopy code\n"
    )
    text = shown(role.phases[0])
    for leftover in ("yaml", "Copy code", "python", "Copy", "Edit"):
        assert leftover not in text.split("\n")
    assert "vectors/" in text and "Add two vectors" in text and "Then print it." in text


def test_a_language_word_without_a_copy_button_stays():
    role, _ = parse_body("## Phase 1: Tools (Weeks 1-2)\n\nInstall one of:\n\npython\n\nCopy the repo, then Edit it.\n")
    text = shown(role.phases[0])
    assert "python" in text.split("\n") and "Copy the repo, then Edit it." in text
