"""Roles written in other tools and exported as markdown, as a learner sees them: a Google Docs 'Download as
Markdown' file escapes its list markers and task boxes ('\\- \\[ \\] Install a Linux VM'), and a phase's objective
is never made up from a list item, a table row or another tool's syntax."""

from __future__ import annotations

import pytest

from bot.content.models import Role
from bot.content.search import SearchIndex, own_text
from tests.content.helpers import finishes_in_a_minute, parse_body

GDOCS = (
    "**Phase 1 \\- Foundations (Weeks 1\\-4)**\n\n"
    "\\- Linux basics\n\n"
    "**Checklist**\n\n"
    "\\- \\[ \\] Install a Linux VM\n"
    "\\- \\[ \\] Write a bash script\n"
)
FINAL_PROJECT = (
    "## Phase 1: Cloud (Weeks 1-4)\n\n- EC2\n\n**Final project**\n\n"
    "Build a small three\\-tier app\\.\n\n"
    "\\- \\[ \\] Write a runbook\n"
    "\\- \\[ \\] Record a demo\n"
)
TIPS = (
    "## Phase 1: Cloud (Weeks 1-4)\n\n- EC2\n\n**Tips**\n\n"
    "\\* Study a little every day\\.\n"
    "\\* Keep a \\_learning log\\_\\.\n"
)


def search_text(role: Role, query: str) -> list[str]:
    return [own_text(hit.section) for hit in SearchIndex([role]).search(query, role=role.name)]


def test_google_docs_escaped_task_items_are_the_roles_checklist():
    role, _ = parse_body(GDOCS)
    assert [i.text for i in role.checklist] == ["Install a Linux VM", "Write a bash script"]
    phase = role.phases[0]
    assert phase.title == "Foundations"
    assert [t.text for t in phase.topics] == ["Linux basics"]
    assert "\\" not in (phase.objective or "") and "[ ]" not in (phase.objective or "")


def test_google_docs_escaped_task_items_after_a_paragraph_can_be_found_and_ticked():
    role, _ = parse_body(FINAL_PROJECT)
    assert [i.text for i in role.checklist] == ["Write a runbook", "Record a demo"]
    assert role.phases[0].objective != "- [ ] Write a runbook"
    found = search_text(role, "runbook")
    assert found and all("\\" not in text for text in found)


def test_google_docs_escaped_star_bullets_are_list_items_without_backslashes():
    role, _ = parse_body(TIPS)
    found = search_text(role, "learning log")
    assert found
    assert all("\\" not in text and "_learning" not in text for text in found)
    tips = next(s for s in role.phases[0].subsections if s.label == "Tips")
    assert [t.text for t in tips.topics] == ["Study a little every day.", "Keep a *learning log*."]


def test_google_docs_numbered_lines_and_inline_escapes_read_as_written():
    role, _ = parse_body(
        "## Phase 1: Support (Weeks 1-4)\n\n"
        "**Objective:** Practise the support workflow end to end\\.\n\n"
        "1\\. Reading logs with CloudWatch\n"
        "2\\. Ticket triage \\- and escalation \\(with \\#tags\\)\n\n"
        "\\- \\[ \\] Triage 10 practice tickets\n"
        "\\- \\[ \\] Keep a file\\_permissions log\n"
    )
    phase = role.phases[0]
    assert phase.objective == "Practise the support workflow end to end."
    assert [t.text for t in phase.topics] == [
        "Reading logs with CloudWatch",
        "Ticket triage - and escalation (with #tags)",
    ]
    assert [i.text for i in role.checklist] == ["Triage 10 practice tickets", "Keep a file_permissions log"]


def test_a_deliberate_escape_in_an_ordinary_file_still_shows_its_character():
    role, _ = parse_body(
        "## Phase 1: Python (Weeks 1-4)\n\n"
        "\\- is not a bullet here; \\*args collects the rest\\.\n\n"
        "- [ ] Write a function with \\*args\n"
    )
    phase = role.phases[0]
    assert phase.topics == ()
    assert "\\*args" in phase.text or "*args" in phase.text
    assert [i.text for i in role.checklist] == ["Write a function with *args"]


def test_an_escape_inside_code_in_a_google_docs_file_is_kept():
    role, _ = parse_body(
        "## Phase 1: Shell (Weeks 1-4)\n\n"
        "\\- Quote a path: `echo \\-n`\n"
        "\\- Lists in Docs\n\n"
        "```\nprintf '\\-\\-'\n```\n"
    )
    phase = role.phases[0]
    assert [t.text for t in phase.topics][:1] == ["Quote a path: `echo \\-n`"]
    assert "printf '\\-\\-'" in "\n".join(p.md for p in phase.body)


@pytest.mark.parametrize(
    "line",
    [
        "- [ ] Write a runbook",
        '{% hint style="warning" %}',
        "{{< youtube R8_veQiYBjI >}}",
        ":::note",
        "|| Topic || Time ||",
        "$$ s^2 = x $$",
        '<ac:structured-macro ac:name="code">',
        "{: .checklist }",
    ],
)
def test_an_objective_is_never_made_up_from_a_list_item_table_row_or_tool_syntax(line: str):
    role, _ = parse_body(f"## Phase 1: The Web (Weeks 1-3)\n\n- Semantic HTML\n\n{line}\n\nLearn the DOM first.\n")
    assert role.phases[0].objective in (None, "Learn the DOM first.")


def test_an_objective_is_still_the_first_sentence_of_prose():
    role, _ = parse_body("## Phase 1: The Web (Weeks 1-3)\n\nBuild pages that work. Then style them.\n\n- HTML\n")
    assert role.phases[0].objective == "Build pages that work."


def test_a_link_alone_on_its_line_is_no_phases_objective():
    body = (
        "# T\n\n## Phase 1: CI (Weeks 1-3)\n\n[Watch the talk](https://www.youtube.com/watch?v=R8_veQiYBjI)\n\n"
        "Automate every build.\n\n- GitHub Actions\n"
    )
    role, _ = parse_body(body)
    assert role.phases[0].objective == "Automate every build."


def test_a_formula_alone_on_its_line_is_no_phases_objective():
    body = "# T\n\n## Week 1: Statistics\n\n$$\ns^2 = \\frac{1}{n-1} \\sum (x_i - \\bar{x})^2\n$$\n\nMeasure spread.\n"
    role, _ = parse_body(body)
    assert role.phases[0].objective == "Measure spread."


@pytest.mark.parametrize(
    "line",
    [
        "Read: [How the web works](https://developer.mozilla.org/), [HTML basics](https://developer.mozilla.org/)",
        "Watch: [CS50 week 0](https://cs50.harvard.edu/x/) — the first hour",
        "Further reading: [Pro Git](https://git-scm.com/book)",
    ],
)
def test_a_line_of_what_to_read_is_no_phases_objective(line: str):
    body = (
        f"# T\n\n**Week 1** — Topic: HTML\n\n{line}\nBuild: a page about you.\n\n**Week 2** — Topic: CSS\n\nStyle it.\n"
    )
    role, _ = parse_body(body)
    assert role.phases[0].objective == "Build: a page about you."


EDITOR_MACROS = """
# Study notes

[TOC]

We meet on Tuesdays.

[[_TOC_]]

## Week 1: Basics

[[toc]]

${toc}

- Vectors

```markdown
[TOC]
```

###### tags: `devops` `study-group`

###### Tags: `linux`
"""


def test_an_editors_table_of_contents_and_tag_lines_are_no_words_of_the_page() -> None:
    """HackMD's and Typora's '[TOC]', GitLab's '[[_TOC_]]', VuePress's '[[toc]]' and HackMD's '###### tags:' line
    are drawn or read by the editor: no line of the introduction, no topic, no search entry; in code they stay."""
    role, problems = parse_body(EDITOR_MACROS)
    assert problems == []
    texts = [(s.title, s.text) for s in role.sections if s.kind != "facts"]
    assert texts[0] == ("Study notes", "We meet on Tuesdays.")
    assert [title for title, _ in texts] == ["Study notes", "Week 1: Basics", "Vectors"]
    week = texts[1][1]
    assert "```markdown\n[TOC]\n```" in week and "toc" not in week.replace("[TOC]", "").casefold()
    assert SearchIndex([role]).search("tags", limit=5) == []
    assert SearchIndex([role]).search("linux", limit=5) == []


def test_hackmds_tag_line_written_with_a_capital_is_no_words_either() -> None:
    role, _ = parse_body("## Week 1: Basics\n\n- Vectors\n\n###### Tags: `linux` `study-group`\n")
    assert [s.title for s in role.sections if s.kind != "facts"] == ["Week 1: Basics", "Vectors"]


# Google Docs' newer export keeps its bullets ('* ') and escapes only the task boxes, ending each line with two spaces.
GDOCS_STAR_BOXES = (
    "## **Week 1 \\- Basics**\n\n"
    "* \\[ \\] Install Python  \n"
    "* \\[x\\] Set up an editor  \n"
    "  * \\[ \\] Add the linter  \n"
    "* Read the first chapter\n\n"
    "## **Week 2 \\- Functions**\n\n"
    "* \\[ \\] Write five small functions\n"
)


def test_google_docs_star_bullets_with_escaped_boxes_are_task_items():
    role, _ = parse_body(GDOCS_STAR_BOXES)
    assert [(i.text, i.phase) for i in role.checklist] == [
        ("Install Python", 1),
        ("Set up an editor", 1),
        ("Add the linter", 1),
        ("Write five small functions", 2),
    ]
    assert [p.title for p in role.phases] == ["Basics", "Functions"]


def test_one_escaped_box_in_an_ordinary_file_stays_text():
    role, _ = parse_body("## Week 1: Basics\n\n* \\[ \\] is how you write an empty box\n* Read the guide\n")
    assert role.checklist == ()
    assert "[ ] is how you write an empty box" in role.phases[0].topics[0].text


def test_a_long_line_of_escaped_boxes_is_read_quickly():
    finishes_in_a_minute(
        "from tests.content.helpers import parse_body\n"
        "parse_body('## Week 1: A\\n\\n' + ('* ' + '\\\\\\\\[ ' * 20000 + '\\\\n') * 3)\n",
        "escaped boxes",
    )


def test_a_legend_of_escaped_boxes_in_a_file_of_typed_boxes_stays_text():
    # an export escapes every box: a file that types its own boxes shows the escaped ones as what they are, text
    body = (
        "Legend:\n\n* \\[ \\] not started\n* \\[x\\] done\n\n"
        "## Week 1: Basics\n\n- [ ] Install the tools\n- Keep snake\\_case names\n\n"
        "## Week 2: More\n\n- [ ] Take the quiz\n"
    )
    role, _ = parse_body(body)
    assert [i.text for i in role.checklist] == ["Install the tools", "Take the quiz"]


def test_a_long_file_of_blank_led_lines_after_escaped_boxes_is_read_quickly():
    finishes_in_a_minute(
        "from tests.content.helpers import parse_body\n"
        "box = '* ' + chr(92) + '[ ' + chr(92) + '] task '\n"
        "parse_body(box + 'a' + chr(10) + box + 'b' + chr(10) + (' ' + chr(9)) * 20000 + chr(10) + ((' ' + chr(9)) * 20000 + '-' + chr(10)) * 20)\n",
        "blank-led lines after escaped boxes",
    )
