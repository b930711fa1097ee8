"""Shapes of public self-study curricula and lesson pages, as a learner meets them in /phase and search: a
'<details>' block per week nested in a phase's block, a course table keyed by course codes, a lesson's steps in a
'<div markdown="1">' panel, and MDX imports under a Docusaurus page's '<head>'."""

from __future__ import annotations

from bot.content.search import SearchIndex
from bot.handlers.learning import phase_body
from tests.content.helpers import parse_body

NESTED_WEEKS = """
## Course outline

<details>
<summary><b>Phase 1 · Foundations</b> — weeks 1–2</summary>

*Small programs first.*

<details>
<summary><b>Week 1 — Tooling</b></summary>

**Reading**
- Cargo workspaces

</details>

<details>
<summary><b>Week 2 — Borrowing</b></summary>

- Lifetimes in signatures

</details>

</details>

<details>
<summary><b>Phase 2 · Concurrency</b> — weeks 3–4</summary>

<details>
<summary><b>Week 3 — Threads</b></summary>

- Scoped threads

</details>

</details>
"""


def test_week_blocks_nested_in_a_phase_block_are_shown_in_that_phase():
    role, problems = parse_body(NESTED_WEEKS)
    assert not [p for p in problems if p.severity == "error"]
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "Foundations", (1, 2)),
        (2, "Concurrency", (3, 4)),
    ]
    first, second = phase_body(role.phases[0]), phase_body(role.phases[1])
    assert "__**Week 1 — Tooling**__" in first and "- Cargo workspaces" in first
    assert "Week 2 — Borrowing" in first and "- Lifetimes in signatures" in first
    assert "Week 3 — Threads" in second and "- Scoped threads" in second
    assert "Week 3" not in first
    (hit, *_) = SearchIndex([role]).search("scoped threads")
    assert role.trail(hit.path)[-2:] == ("Phase 2 · Concurrency — weeks 3–4", "Week 3 — Threads")


COURSE_CODES = """
## Core programming

ID | Course | School | Duration | Requirements
:-- | :--: | :--: | :--: | :--:
CP1 | [Intro to Haskell](https://example.org/haskell) | Utrecht | 6 weeks | None
CP2 | [Functional Data Structures](https://example.org/fds) | Utrecht | 4 weeks | CP1
CP3 | Type Systems in Practice | Delft | 5 weeks | CP2
"""


def test_a_course_keyed_by_a_code_is_titled_by_its_course_with_its_code():
    role, _ = parse_body(COURSE_CODES)
    index = SearchIndex([role])
    assert [hit.section.title for hit in index.search("haskell")][:1] == ["Intro to Haskell (CP1)"]
    assert [hit.section.title for hit in index.search("type systems")][:1] == ["Type Systems in Practice (CP3)"]
    # The course a prerequisite names comes first, before the courses that require it.
    assert [hit.section.title for hit in index.search("CP2")][:1] == ["Functional Data Structures (CP2)"]
    (hit, *_) = index.search("functional data structures")
    assert "ID: CP2" in hit.section.text and "Requirements: CP1" in hit.section.text


LESSON_PANEL = """
## Week 1: The shell

### Practice
Work through these in a terminal.

<div class="lesson-panel" markdown="1">
  1. Make a folder called `sandbox`.
  2. Create `notes.txt` inside it with `touch`.
  3. Remove the folder again.
</div>

<div class="grid cards" markdown>
- [ ] Time yourself renaming ten files
</div>

That is the whole exercise.
"""


def test_a_block_tag_marked_as_markdown_reads_its_text_as_markdown():
    role, _ = parse_body(LESSON_PANEL)
    body = phase_body(role.phases[0], list(role.checklist))
    assert "1. Make a folder called `sandbox`.\n2. Create `notes.txt` inside it with `touch`." in body
    assert "3. Remove the folder again." in body
    assert "\\\\`" not in body and "markdown=" not in body
    assert "⬜ Time yourself renaming ten files" in body
    assert [item.text for item in role.checklist] == ["Time yourself renaming ten files"]
    (hit, *_) = SearchIndex([role]).search("sandbox")
    assert hit.section.title == "Make a folder called sandbox."


DOCUSAURUS_PAGE = """
<head>
  <meta property="og:image" content="https://example.org/social/prep.png" />
</head>

import PromoBox from './\\_components/PromoBox';
import Tabs from '@theme/Tabs';

_How to prepare for a take-home exercise, step by step._

<PromoBox />

## Read the brief twice

Note every requirement before you write a line of code.
"""


def test_mdx_imports_after_a_pages_head_are_not_shown():
    role, _ = parse_body(DOCUSAURUS_PAGE)
    shown = "\n".join(f"{s.title}\n{s.text}" for s in role.sections)
    assert "import" not in shown and "PromoBox" not in shown and "@theme" not in shown
    (hit, *_) = SearchIndex([role]).search("take-home exercise")
    assert hit.section.text.startswith("*How to prepare for a take-home exercise, step by step.*")


# Phases in blocks nested in blocks of a level of seniority, each summary wrapping an <h2>.
LEVELS_OVER_PHASES = """
# Roadmap

<details>
<summary><h2>🌱 Junior</h2></summary>

<details>
<summary><h2>Phase 1: Linux (Weeks 1-4)</h2></summary>

- [ ] Shell

</details>

<details>
<summary><h2>Phase 2: Docker (Weeks 5-8)</h2></summary>

- [ ] Images

### Week 6 lab
- [ ] Compose

</details>

</details>

<details>
<summary><h2>🌳 Senior</h2></summary>

<details>
<summary><h2>Phase 3: Kubernetes (Weeks 9-12)</h2></summary>

- [ ] Pods

</details>
</details>

## Resources
- [ ] Read docs
"""


def test_a_phase_block_in_a_block_that_names_no_phase_keeps_its_sub_headings():
    role, problems = parse_body(LEVELS_OVER_PHASES)
    assert not [p for p in problems if p.severity == "error"]
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "Linux", (1, 4)),
        (2, "Docker", (5, 8)),
        (3, "Kubernetes", (9, 12)),
    ]
    assert {item.text: item.phase for item in role.checklist} == {
        "Shell": 1,
        "Images": 2,
        "Compose": 2,
        "Pods": 3,
        "Read docs": None,
    }
    (third,) = [s for s in role.sections if s.kind == "phase" and s.phase == 3]
    assert "Week 6 lab" not in third.path


def test_a_key_column_is_no_column_of_codes():
    role, _ = parse_body("## Vim keys\n\n| Key | Action |\n|---|---|\n| w | next word |\n| F5 | run the file |\n")
    titles = [s.title for s in role.sections if s.kind == "topic"]
    assert titles == ["w", "F5"]


def test_a_class_named_markdown_does_not_mark_a_block_as_markdown():
    role, _ = parse_body('## Notes\n\n<div class="note markdown tip">\n- [ ] Not a task\n</div>\n')
    assert role.checklist == ()
