"""What a heading holds besides its topic's name stays out of the titles search, /done and /phase show: an org-mode
export's task keyword ('TODO Learn Docker'), the author's own place in the plan ('Week 5 (Current Week)', 'Trees ←
you are here'), and a day's date before a part's name ('12.03 Linked lists'). A part's date stays where /phase shows
the part: it is when the part is, written as its heading writes it."""

from __future__ import annotations

from bot.content.models import Phase, Role
from bot.content.search import SearchIndex
from tests.content.helpers import parse_body


def section_titles(role: Role) -> list[str]:
    return [s.title for s in role.sections if s.kind in ("section", "phase")]


def found_title(role: Role, query: str) -> str:
    return next(iter(SearchIndex([role]).search(query))).section.title


def shown(phase: Phase) -> str:
    """What /phase shows of a phase: its objective and everything written under its heading."""
    return "\n".join([phase.objective or "", *(f"{p.md} {p.rest}".rstrip() for p in phase.body)])


ORG_EXPORT = """
# Study notes

## Phase 1: Tools (Weeks 1-2)

### TODO Get to know Podman
Images and containers.

### DONE Set up Mercurial
Version control.

### NEXT [#A] Read the Nomad guide
Schedulers.

### WAITING Ask about Vault access
Secrets.

### TODO list app
A small app of tasks.

### TODO List with React
Another app of tasks.

### TODO
Nothing but the word.

### DONE — three items off the list
A summary.

### DONE items are dated
Another.
"""


def test_an_org_exports_task_keyword_is_no_part_of_a_headings_title():
    role, _ = parse_body(ORG_EXPORT)
    titles = section_titles(role)
    for title in ("Get to know Podman", "Set up Mercurial", "Read the Nomad guide", "Ask about Vault access"):
        assert title in titles
    assert found_title(role, "podman") == "Get to know Podman"
    assert "Set up Mercurial" in [p.md for p in role.phases[0].body if p.kind == "label"]
    # a title that names a list of tasks, and a heading of the word alone, are titles
    assert "TODO list app" in titles
    assert "TODO List with React" in titles
    assert "TODO" in titles
    assert {"DONE — three items off the list", "DONE items are dated"} <= set(titles)
    # a phrase the keyword opens is the title's
    role, _ = parse_body("## Phase 1: Tools (Weeks 1-2)\n\n### NEXT Steps\nx\n\n### DONE Deal\ny\n\n### HOLD On\nz\n")
    assert {"NEXT Steps", "DONE Deal", "HOLD On"} <= set(section_titles(role))
    # in a sentence, or written in lower case, the word is the title's
    role, _ = parse_body("## Phase 1: Tools (Weeks 1-2)\n\n### Todo Build a planner\nx\n\n### Done means shipped\ny\n")
    assert {"Todo Build a planner", "Done means shipped"} <= set(section_titles(role))


PLACE_MARKS = """
## Week 1 (Current Week)
Start with the shell.

### Arrays (current)
Indexing.

### Trees ← you are here
Walking them.

### Graphs <- you are here
Searching them.

### Heaps (you are here)
Sifting.

### [DONE] Tries
Prefixes.

### [TODO] Bloom filters
Hashes.

## Week 2 ← You Are Here
Recursion.

## Week 3 🔄
Loops.

## Week 4 — Sorting ⬜
Merge sort.

## Week 5: Electricity (Current)
Ohm's law.

## Week 6 (Current) - Finish the parser
- [ ] Parse a file

## Week 7 (Current)
- [ ] Print a tree
"""


def test_the_authors_place_in_the_plan_is_no_part_of_a_title():
    role, _ = parse_body(PLACE_MARKS)
    titles = [p.title for p in role.phases]
    assert titles == ["Week 1", "Week 2", "Week 3", "Sorting", "Electricity (Current)", "Finish the parser", "Week 7"]
    assert [item.group for item in role.checklist] == ["Week 6 - Finish the parser", "Week 7"]
    titles = section_titles(role)
    for title in ("Arrays", "Trees", "Graphs", "Heaps", "Tries", "Bloom filters"):
        assert title in titles
    assert found_title(role, "trees") == "Trees"
    # /phase shows its parts so too
    labels = [p.md for p in role.phases[0].body if p.kind == "label"]
    assert labels[:4] == ["Arrays", "Trees", "Graphs", "Heaps"]


def test_a_week_titled_by_a_mark_of_progress_alone_is_named_by_its_week():
    role, _ = parse_body("## Week 1 ⏳\nx\n\n## Week 2 ❌\ny\n\n## Week 3 ✅\nz\n\n## Week 4 🔲\nw\n")
    assert [p.title for p in role.phases] == ["Week 1", "Week 2", "Week 3", "Week 4"]


DATED_PARTS = """
## Phase 1: Data structures (Weeks 1-2)

### 12.03 Linked lists
Nodes and pointers.

### 14.03 Stacks and queues
Push and pop.

### 19.03: Trees
Walking them.

### 1.2 Variables
Names for values.

### Python 3.12 news
What changed.

### 02.04.2024 — Review
Looking back.

## Phase 2: Design (Weeks 3-4)

### 11.11 Cutover plan
Switch over.

### 11.12 Rollback plan
Switch back.
"""


def test_a_days_date_before_a_parts_name_is_no_part_of_its_title():
    role, _ = parse_body(DATED_PARTS)
    titles = section_titles(role)
    assert {"Linked lists", "Stacks and queues", "Trees", "Review"} <= set(titles)
    # a section's number and a version are the title's own: '11.11', '11.12' number a chapter's sections
    assert {"1.2 Variables", "Python 3.12 news", "11.11 Cutover plan", "11.12 Rollback plan"} <= set(titles)
    assert found_title(role, "linked lists") == "Linked lists"
    # /phase shows the part as its heading writes it: its date says when it is
    assert "12.03 Linked lists" in shown(role.phases[0])


def test_a_days_date_stays_in_a_section_outside_phases():
    role, _ = parse_body(
        "## Week 1: Lists\n\n### 02.09.2024 First day\nx\n\n## 01.09.2024 — Kickoff\n\nMeet the team.\n"
    )
    titles = section_titles(role)
    assert "First day" in titles
    # outside the plan's phases, a day names the author's session, as the self-paced warning names it
    assert "01.09.2024 — Kickoff" in titles


def test_checklist_groups_are_named_as_their_headings_titles():
    role, _ = parse_body(
        "## Week 1: Tools\n\n### TODO Learn Docker\n- [ ] Build an image\n\n### 12.03.2024 Linked lists\n- [ ] Reverse one\n\n"
        "### Heaps (current)\n- [ ] Heapify\n\n### Tries ✅\n- [ ] Insert a word\n"
    )
    assert [item.group for item in role.checklist] == ["Learn Docker", "Linked lists", "Heaps", "Tries"]
    ids = [item.id for item in role.checklist]
    plain, _ = parse_body(
        "## Week 1: Tools\n\n### Learn Docker\n- [ ] Build an image\n\n### Linked lists\n- [ ] Reverse one\n\n"
        "### Heaps\n- [ ] Heapify\n\n### Tries\n- [ ] Insert a word\n"
    )
    assert ids == [item.id for item in plain.checklist]
    # where the heading's name is another group's too, it keeps its words
    role, _ = parse_body("## Week 1: Tools\n\n### Heaps ✅\n- [ ] Heapify\n\n### Heaps\n- [ ] Sift down\n")
    assert [item.group for item in role.checklist] == ["Heaps ✅", "Heaps"]


def test_a_phase_titled_by_emoji_alone_keeps_its_tick_but_a_word_loses_it():
    body = "# T\n\n## Phase 1: 🚀 🔐 ✅ (Weeks 1-2)\n- a\n\n## Phase 2: Arrays ✅ (Weeks 3-4)\n- b\n"
    role, _ = parse_body(body)
    assert [p.title for p in role.phases] == ["🚀 🔐 ✅", "Arrays"]


def test_current_after_a_version_number_is_the_releases_name():
    """'(Current)' after a week's or a phase's number is the author's place; after a version number it names the
    release line ('Node.js 21 (Current)' beside 'Node.js 20 (LTS)')."""
    role, _ = parse_body("## Phase 1: Node.js 21 (Current)\nx\n\n## Phase 2: Node.js 20 (LTS)\ny\n")
    assert [p.title for p in role.phases] == ["Node.js 21 (Current)", "Node.js 20 (LTS)"]
    assert "Phase 1: Node.js 21 (Current)" in section_titles(role)


def test_the_authors_progress_right_after_a_phases_number_is_no_part_of_its_title():
    role, _ = parse_body(
        "## Phase 1 (Current) - Build the API\n- [ ] Route a request\n\n## Phase 2 (done): Deploy\nx\n\n"
        "## Phase 3 ✅ Monitor\ny\n\n## Phase 4 (Current)\nz\n\n## Phase 5 [x] Scale\nw\n"
    )
    titles = [p.title for p in role.phases]
    assert titles[:3] == ["Build the API", "Deploy", "Monitor"]
    assert titles[4] == "Scale"
    assert titles[3] == "(Current)"  # a status alone names the phase still, as 'Phase 4: (done)' does


def test_a_day_alone_in_its_month_loses_its_date_as_its_neighbours_do():
    """Weekly sessions run over a month's end ('26.02', then '05.03' …): the month's only session is a day too."""
    role, _ = parse_body(
        "## Phase 1: Algorithms (Weeks 1-6)\n\n### 26.02 Sorting\na\n\n### 05.03 Searching\nb\n\n"
        "### 12.03 Hashing\nc\n\n### 19.03 Graphs\nd\n\n### 02.04 Review\ne\n\n"
        "## Phase 2: Ops (Weeks 7-8)\n\n### 11.12 Rollback plan\nf\n\n### 12.01 Restore drill\ng\n"
    )
    titles = section_titles(role)
    assert {"Sorting", "Searching", "Hashing", "Graphs", "Review"} <= set(titles)
    # a chapter's last section and the next chapter's first are no days a month apart
    assert {"11.12 Rollback plan", "12.01 Restore drill"} <= set(titles)


def test_phase_shows_a_part_without_the_authors_progress_that_opens_it():
    role, _ = parse_body(
        "## Week 1\n\n### [DONE] Tries\nPrefixes.\n\n### [x] Heaps\nSifting.\n\n### [Optional] Graphs\nx\n"
    )
    labels = [p.md for p in role.phases[0].body if p.kind == "label"]
    assert labels == ["Tries", "Heaps", "[Optional] Graphs"]
    assert {"Tries", "Heaps", "[Optional] Graphs"} <= set(section_titles(role))
