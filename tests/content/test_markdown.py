"""The markdown body as an author writes it: setext headings, code fences, bold-label blocks and line numbers."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from bot.content.loader import parse_bytes
from bot.content.parse import MAX_TOPIC_DEPTH
from tests.content.helpers import role_file

PHASES = """
### Phase 1: Basics (Weeks 1-2)
**Objective:** Learn the basics

- Topic one
"""


def parse(body: str, *, crlf: bool = False):
    text = role_file(body=body + PHASES)
    data = text.replace("\n", "\r\n").encode() if crlf else text.encode()
    role, problems = parse_bytes(data, "x.md")
    assert role is not None, problems
    return role, problems


def section(role, title: str):
    (found,) = [s for s in role.sections if s.title == title and s.kind in ("section", "phase")]
    return found


def titles(role, kind: str) -> list[str]:
    return [s.title for s in role.sections if s.kind == kind]


def line_of(text: str, needle: str) -> int:
    """Return the 1-based line of the first line of the whole file that contains `needle`."""
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


def test_setext_headings_are_headings():
    role, _ = parse("Overview\n========\n\nWhat this path is.\n\nTools\n-----\n\n- Git\n")
    assert role.title == "Overview"
    assert section(role, "Tools").path == ("Overview", "Tools")
    assert section(role, "Overview").text == "What this path is."
    assert "Git" in titles(role, "topic")


def test_setext_phase_heading_is_a_phase():
    body = "Phase 1: Basics (Weeks 1-2)\n---\n**Objective:** Start\n\n- First topic\n\n## Phase 2: Next (Week 3)\n"
    role, _ = parse_bytes(role_file(body=body).encode(), "x.md")
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [(1, "Basics", (1, 2)), (2, "Next", (3, 3))]
    assert role.phases[0].objective == "Start"
    assert [t.text for t in role.phases[0].topics] == ["First topic"]


def test_underlines_follow_commonmark():
    body = (
        "## Notes\n\n"
        "- a bullet\n---\n\n"  # a bullet with a line under it stays a bullet; the line is a rule
        "first line of a paragraph\nsecond line\n---\n\n"  # a paragraph's lines make one setext heading
        "---\n\nafter a rule\n"  # a rule on its own is no heading
    )
    role, _ = parse(body)
    assert titles(role, "section") == ["Notes", "first line of a paragraph second line"]
    assert "a bullet" in titles(role, "topic")
    assert section(role, "first line of a paragraph second line").text == "after a rule"


def test_nothing_inside_a_code_fence_is_structure():
    body = (
        "## Setup\n\n"
        "```bash\n"
        "# not a heading\n"
        "- [ ] not an item\n"
        "- not a topic\n"
        "**Not A Label:**\n"
        "Not a heading either\n"
        "===\n"
        "```\n\n"
        "- [ ] A real item\n"
    )
    role, problems = parse(body)
    assert problems == []
    assert titles(role, "section") == ["Setup"]
    assert [i.text for i in role.checklist] == ["A real item"]
    assert "# not a heading\n- [ ] not an item" in section(role, "Setup").text  # kept as the section's text
    assert not any("not a topic" in t for t in titles(role, "topic"))


def test_a_fence_closes_only_with_its_own_kind_and_length():
    body = "## Code\n\n````\n```\n- inside\n~~~\n````\n\n~~~\n```\n- still inside\n~~~\n\n- outside\n"
    role, problems = parse(body)
    assert problems == []
    topics = titles(role, "topic")
    assert "outside" in topics
    assert "inside" not in topics and "still inside" not in topics


def test_an_unclosed_fence_warns_and_swallows_the_rest():
    text = role_file(body=PHASES + "\n## Tail\n\n```\n### Phase 2: Lost (Weeks 3-4)\n- [ ] lost item\n")
    role, problems = parse_bytes(text.encode(), "x.md")
    assert role is not None
    assert [p.number for p in role.phases] == [1]
    assert role.checklist == ()
    assert [p.message for p in problems if p.severity == "warning"] == [
        "a ``` code block is never closed; everything after it is code (close it with a line of ```)"
    ]


@pytest.mark.parametrize(
    "quoted",
    [
        "> Output:\n> ```\n> R² = 0.72\n> ```\n> a. Read the score.\n",
        ">Output:\n>```\n>R² = 0.72\n>```\n",  # no blank after the '>'
        "> > ```\n> > R² = 0.72\n> > ```\n> > a. Read the score.\n",
        "> - Output:\n>\n>   ```\n>   R² = 0.72\n>   ```\n",  # in a list item in a quote
    ],
)
def test_a_fence_closed_in_a_quote_warns_of_nothing_and_the_phases_after_it_load(quoted: str):
    body = f"### Week 1: Correlation\n{quoted}\n### Week 2: Regression\n- Fit a line\n"
    text = role_file(body=body)
    role, problems = parse_bytes(text.encode(), "x.md")
    assert role is not None
    assert problems == []
    assert [p.title for p in role.phases] == ["Correlation", "Regression"]
    assert [t.text for t in role.phases[1].topics] == ["Fit a line"]


def test_a_fence_left_open_in_a_quote_ends_with_the_quote_and_warns_only_at_the_end_of_the_file():
    ends_quote = "### Week 1: A\n> ```\n> R² = 0.72\n\n### Week 2: B\n- Fit a line\n"
    role, problems = parse_bytes(role_file(body=ends_quote).encode(), "x.md")
    assert role is not None and problems == []
    assert [p.title for p in role.phases] == ["A", "B"]
    ends_file = "### Week 1: A\n- Fit a line\n\n> ```\n> R² = 0.72\n"
    role, problems = parse_bytes(role_file(body=ends_file).encode(), "x.md")
    assert role is not None
    assert [p.message for p in problems] == [
        "a ``` code block is never closed; everything after it is code (close it with a line of ```)"
    ]


def test_a_closing_fence_outdented_out_of_its_list_item_is_where_the_code_runs_on_from():
    body = "### Week 1: A\n- Setup\n  ```\n  pip install x\n```\n### Week 2: B\n- Fit a line\n"
    text = role_file(body=body)
    role, problems = parse_bytes(text.encode(), "x.md")
    assert role is not None
    fence = text.splitlines().index("```") + 1  # the outdented line opens a fence of its own, never closed
    assert [(p.line, p.message) for p in problems if "code block" in p.message] == [
        (fence, "a ``` code block is never closed; everything after it is code (close it with a line of ```)")
    ]


def test_bold_label_blocks_collect_their_text_and_bullets():
    body = "## Phase 1: Basics (Weeks 1-2)\n**Objective:** Start\n\n**Setup:**\n\n- git\n- a shell\n\n"
    text = role_file(body=body)
    role, _ = parse_bytes(text.encode(), "x.md")
    (setup,) = role.phases[0].subsections
    assert [t.text for t in setup.topics] == ["git", "a shell"]  # a list after a blank line is still the label's


def test_prose_after_a_blank_line_ends_a_bold_labels_part():
    body = (
        "## Phase 2: Data (Weeks 3-4)\n"
        "**Objective:** Model data\n\n"
        "**SQL Deep Dive:** joins first\n"
        "then window functions\n\n"
        "**Tip** read the plan\n"
        "- Indexes\n"
        "  - B-trees\n"
        "- Transactions\n"
    )
    text = role_file(body=PHASES + body)
    role, _ = parse_bytes(text.encode(), "x.md")
    phase = role.phases[1]
    assert phase.objective == "Model data"
    (deep,) = phase.subsections
    assert deep.label == "SQL Deep Dive"
    assert deep.text == "joins first then window functions"
    # Prose after a blank line is the phase's again, and so are the bullets after it.
    assert phase.text == "**Tip** read the plan"
    assert deep.topics == ()
    assert [(t.text, [c.text for c in t.children]) for t in phase.topics] == [
        ("Indexes", ["B-trees"]),
        ("Transactions", []),
    ]
    sub = next(s for s in role.sections if s.kind == "subsection")
    assert sub.path[-2:] == ("Phase 2: Data (Weeks 3-4)", "SQL Deep Dive")


def test_lines_are_right_after_fences_setext_headings_and_crlf():
    body = "Intro\n=====\n\n```\ncode\n```\n\nTools\n-----\n- [ ] Install git\n"
    text = role_file(body=body + PHASES)
    for crlf in (False, True):
        role, _ = parse(body, crlf=crlf)
        (item,) = role.checklist
        assert item.line == line_of(text, "Install git")
        assert section(role, "Tools").line == line_of(text, "Tools")
        assert role.phases[0].line == line_of(text, "Phase 1: Basics")
        assert role.phases[0].topics[0].line == line_of(text, "Topic one")


def test_checklist_items_before_any_heading_are_kept():
    role, _ = parse("- [ ] Read the README first\n\n## Later\n")
    assert [(i.group, i.text) for i in role.checklist] == [("Checklist", "Read the README first")]


def test_heading_text_runs_to_the_next_heading_of_any_level():
    role, _ = parse("## Outer\nouter words\n### Inner\ninner words\n## Next\n")
    assert section(role, "Outer").text == "outer words"
    assert section(role, "Inner").text == "inner words"
    assert section(role, "Inner").path == ("Outer", "Inner")


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("## Tools ##", "Tools"),
        ("## Tools #   ", "Tools"),
        ("## C# ##", "C#"),  # only the hashes after a blank close the heading
        ("## Tools#", "Tools#"),
        ("## a # #", "a #"),
    ],
)
def test_atx_closing_hashes_are_dropped(heading: str, title: str):
    role, _ = parse(f"{heading}\nwords\n")
    assert section(role, title).text == "words"


def test_bullets_nested_too_deep_are_kept_with_one_warning():
    levels = 1500  # deeper than Python's recursion limit: whatever walks the topics must never see that
    bullets = "".join(f"{'  ' * d}- level {d}\n" for d in range(levels))
    text = role_file(body=PHASES + "\n### Phase 2: Deep (Weeks 3-4)\n**Objective:** Go deep\n\n" + bullets)
    role, problems = parse_bytes(text.encode(), "x.md")
    assert role is not None, problems
    (warning,) = problems
    assert warning.severity == "warning"
    assert warning.line == line_of(text, f"- level {MAX_TOPIC_DEPTH}")
    assert f"{levels - MAX_TOPIC_DEPTH} bullets are nested more than {MAX_TOPIC_DEPTH} levels deep" in warning.message

    depth_of: dict[str, int] = {}
    todo = [(t, 1) for t in role.phases[1].topics]
    while todo:
        topic, depth = todo.pop()
        depth_of[topic.text] = depth
        todo.extend((c, depth + 1) for c in topic.children)
    assert sorted(depth_of) == sorted(f"level {d}" for d in range(levels))  # nothing is lost
    assert depth_of[f"level {MAX_TOPIC_DEPTH - 1}"] == MAX_TOPIC_DEPTH
    assert depth_of[f"level {levels - 1}"] == MAX_TOPIC_DEPTH
    assert sum(s.kind == "topic" and s.phase == 2 for s in role.sections) == levels


HOSTILE_LINES = {
    "an ATX heading with a long gap": "# a" + " " * 300_000 + "b",
    "a phase heading with a long gap": "### Phase 1: a" + " " * 300_000 + "b (",
    "a checklist item with an ID after a long gap": "- [ ] a" + " " * 300_000 + "{#a} x",
    "a line of blanks": " \t" * 300_000,
    "bold markers": "**" * 300_000,
    "a label that never closes": "**a" + " :" * 300_000,
}


def test_hostile_lines_cost_no_more_than_their_size():
    """Each line is ~600 KB: linear patterns read it in milliseconds, a quadratic one would take hours."""
    script = textwrap.dedent(
        """
        import sys
        from bot.content.loader import parse_bytes
        from tests.content.helpers import role_file
        from tests.content.test_markdown import HOSTILE_LINES, PHASES
        for name, line in HOSTILE_LINES.items():
            parse_bytes(role_file(body="## Notes\\n" + line + "\\n" + PHASES).encode(), "x.md")
            print(name, flush=True)
        """
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
        ).stdout.splitlines()
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        stuck = next(name for name in HOSTILE_LINES if name not in out.splitlines())
        pytest.fail(f"parsing {stuck} did not finish in 2 minutes: a pattern has gone quadratic")
    assert done == list(HOSTILE_LINES)


def test_numbered_items_keep_their_numbers_counting_from_the_lists_start() -> None:
    from bot.content.markdown import read_blocks

    body = "3. Clean\n4. **Explore:** plots\n   - a bullet\n   1) first\n   1) second\n5. [ ] Ship it\n\n- plain\n"
    blocks, _ = read_blocks(body)
    assert [(b.plain, b.number) for b in blocks if b.kind == "item"] == [
        ("Clean", 3),
        ("Explore: plots", 4),
        ("a bullet", None),
        ("first", 1),
        ("second", 2),
        ("Ship it", 5),
        ("plain", None),
    ]
