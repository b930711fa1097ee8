"""Outline pages (Logseq's, or any plan written as nested bullets): headings in list items, what is written under
them, Logseq's tasks and syntax, and list items that hold only a quote or a table."""

from __future__ import annotations

from bot.content.ids import checklist_item_id
from bot.handlers.learning import phase_body
from tests.content.helpers import finishes_in_a_minute, parse_messages, phase_spans, section_titled

OUTLINE = (
    "- ## Phase 1: Shell (Weeks 1-2)\n"
    "  goal:: Feel at home on a fresh server.\n"
    "  - pipes and redirection\n"
    "- ## Phase 2: Images (Weeks 3-4)\n"
    "  Build any app into a small image.\n"
    "  - layers and the build cache\n"
    "- ## Phase 3: Pipelines (Weeks 5-6)\n"
    "  **Goal:** Every commit is built and tested.\n"
    "  - ### Runners\n"
    "    - hosted or self-hosted\n"
    "- ## Further reading\n"
    "  - [The Twelve-Factor App](https://12factor.net/)\n"
    "- ## Monthly retro\n"
    "  - What slowed me down?\n"
)


def test_what_is_written_under_a_heading_in_a_list_item_is_the_phases_objective():
    role, _ = parse_messages(OUTLINE)
    assert [p.objective for p in role.phases] == [
        "Feel at home on a fresh server.",
        "Build any app into a small image.",
        "Every commit is built and tested.",
    ]
    assert phase_body(role.phases[0]).split("\n") == [
        "**Objective:** Feel at home on a fresh server.",
        "",
        "- pipes and redirection",
    ]


def test_a_heading_item_beside_the_phase_items_ends_the_last_phase():
    role, _ = parse_messages(OUTLINE)
    assert phase_spans(role) == [(1, "Shell", (1, 2)), (2, "Images", (3, 4)), (3, "Pipelines", (5, 6))]
    assert phase_body(role.phases[2]).split("\n") == [
        "**Objective:** Every commit is built and tested.",
        "",
        "- Runners",
        "  - hosted or self-hosted",
    ]
    assert section_titled(role, "Further reading").text == "- [The Twelve-Factor App](https://12factor.net/)"
    assert section_titled(role, "Monthly retro").text == "- What slowed me down?"
    assert role.phases[2].last_week == 6


LOGSEQ_TASKS = (
    "## Phase 1: Shell (Weeks 1-2)\n"
    "- TODO Install Debian in a VM\n"
    "  SCHEDULED: <2026-12-09 Wed>\n"
    "- DOING Read the bash manual\n"
    "  DEADLINE: <2026-12-20 Sun>\n"
    "- NOW Write a backup script\n"
    "- LATER [#B] Try fish\n"
    "- DONE Solve the first ten wargame levels\n"
    "  :LOGBOOK:\n"
    "  CLOCK: [2026-12-03 Thu 19:02:11]--[2026-12-03 Thu 21:40:06] =>  02:37:55\n"
    "  :END:\n"
    "- Fix every TODO the linter finds\n"
    "- todo: pick an editor\n"
)


def test_logseq_task_markers_make_checklist_items_without_their_marker_or_metadata():
    role, _ = parse_messages(LOGSEQ_TASKS)
    assert [i.text for i in role.checklist] == [
        "Install Debian in a VM",
        "Read the bash manual",
        "Write a backup script",
        "Try fish",
        "Solve the first ten wargame levels",
    ]
    shown = phase_body(role.phases[0], role.checklist, done=set())
    for junk in ("TODO Install", "SCHEDULED", "DEADLINE", "LOGBOOK", "CLOCK", ":END:", "[#B]"):
        assert junk not in shown
    text = section_titled(role, "Phase 1: Shell (Weeks 1-2)").text
    assert "- ☑ Solve the first ten wargame levels" in text
    assert "- ☐ Install Debian in a VM" in text
    assert "- Fix every TODO the linter finds" in text  # prose, no task
    assert "- todo: pick an editor" in text


def test_a_bullet_of_only_a_quote_or_a_table_stands_in_its_own_place():
    body = (
        "## Phase 1: Networking (Weeks 1-2)\n"
        "- Subnets and CIDR\n"
        "- > Learn what each layer breaks, not its name.\n"
        "- | Tool | Verdict |\n"
        "  |---|---|\n"
        "  | tcpdump | must learn |\n"
        "- Firewalls\n"
    )
    role, _ = parse_messages(body)
    assert phase_body(role.phases[0]).split("\n") == [
        "- Subnets and CIDR",
        "",
        "> Learn what each layer breaks, not its name.",
        "",
        "- tcpdump — Verdict: must learn",
        "- Firewalls",
    ]


def test_a_quote_or_a_table_item_in_an_outline_phase_is_no_part_of_the_bullet_before_it():
    body = (
        "- ## Phase 1: Networking (Weeks 1-2)\n"
        "\t- Subnets and CIDR\n"
        "\t- > Learn what each layer breaks, not its name.\n"
        "\t- | Tool | Verdict |\n"
        "\t  |---|---|\n"
        "\t  | tcpdump | must learn |\n"
        "- ## Phase 2: DNS (Weeks 3-4)\n"
        "\t- resolvers\n"
    )
    role, _ = parse_messages(body)
    assert phase_body(role.phases[0]).split("\n") == [
        "- Subnets and CIDR",
        "",
        "> Learn what each layer breaks, not its name.",
        "",
        "- tcpdump — Verdict: must learn",
    ]
    assert [t.text for t in role.phases[0].topics] == ["Subnets and CIDR", "tcpdump — Verdict: must learn"]


def test_logseq_properties_references_tags_and_macros_show_as_what_they_mean():
    body = (
        "title:: Containers plan\n"
        "alias:: docker plan\n"
        "tags:: roadmap, #learning\n"
        "\n"
        "- Outline of my container year.\n"
        "- ## Phase 1: Docker (Weeks 1-2)\n"
        "  id:: 6571f0a2-1c2b-4d5e-9f01-aa11bb22cc01\n"
        "  collapsed:: true\n"
        "  goal:: Ship a small image.\n"
        "\t- multi-stage builds\n"
        "\t- {{video https://www.youtube.com/watch?v=pg19Z8LL06w}}\n"
        "\t- #[[Docker Compose]] cheatsheet\n"
        "\t- TODO Draw the build ((6571f0a2-1c2b-4d5e-9f01-aa11bb22cc01))\n"
        "- ## Phase 2: Compose (Weeks 3-4)\n"
        "\t- {{embed [[Reading list]]}}\n"
        "\t- {{query (todo TODO NOW)}}\n"
        "\t- volumes\n"
    )
    role, messages = parse_messages(body)
    assert [s.title for s in role.sections if s.path[0] == "Introduction"] == [
        "Introduction",
        "Outline of my container year.",
    ]
    intro = section_titled(role, "Introduction").text
    assert "title" not in intro and "alias" not in intro
    assert role.phases[0].objective == "Ship a small image."
    first = phase_body(role.phases[0], role.checklist, done=set())
    assert "<https://www.youtube.com/watch?v=pg19Z8LL06w>" in first
    assert "- Docker Compose cheatsheet" in first
    assert "id:" not in first and "collapsed" not in first and "((" not in first
    assert [i.text for i in role.checklist] == ["Draw the build"]
    assert phase_body(role.phases[1]).split("\n") == ["- Reading list", "- volumes"]
    assert not [m for m in messages if "template" in m]


def test_a_logseq_macro_left_as_written_is_named_as_logseqs():
    _, messages = parse_messages("## Phase 1: Docker (Weeks 1-2)\n- {{cloze layers}} are cached\n")
    (warning,) = [m for m in messages if "template" in m]
    assert "the bot does not run Logseq, Jekyll, Hugo or GitBook" in warning


def test_a_phase_item_after_a_heading_item_that_is_no_phase_is_beside_it_not_under_it():
    body = (
        "- ## Phase 1: Shell (Weeks 1-2)\n"
        "  - pipes\n"
        "- ## Notes on the break\n"
        "  - rest\n"
        "- ## Phase 2: Images (Weeks 3-4)\n"
        "  - layers\n"
    )
    role, _ = parse_messages(body)
    assert phase_spans(role) == [(1, "Shell", (1, 2)), (2, "Images", (3, 4))]
    assert section_titled(role, "Phase 2: Images (Weeks 3-4)").path == ("Phase 2: Images (Weeks 3-4)",)
    assert section_titled(role, "Notes on the break").text == "- rest"
    assert phase_body(role.phases[0]).split("\n") == ["- pipes"]


def test_a_task_marker_word_in_a_file_that_is_no_logseq_page_is_its_words():
    body = (
        "# Frontend path\n"
        "\n"
        "## Phase 1: Browser apps (Weeks 1-4)\n"
        "- TODO list app with local storage\n"
        "- [ ] Finish lab 3. DONE when the tests are green\n"
        "- [ ] Skim chapter 4. NOW write the parser\n"
    )
    role, _ = parse_messages(body)
    written = ["Finish lab 3. DONE when the tests are green", "Skim chapter 4. NOW write the parser"]
    assert [i.text for i in role.checklist] == written
    assert [i.id for i in role.checklist] == [checklist_item_id(text) for text in written]
    assert [t.text for t in role.phases[0].topics] == ["TODO list app with local storage"]
    assert "- TODO list app with local storage" in phase_body(role.phases[0], role.checklist, done=set())


def test_a_task_marker_in_a_page_of_nested_bullets_is_a_task_without_other_logseq_syntax():
    body = "- ## Phase 1: Shell (Weeks 1-2)\n\t- pipes\n\t- TODO Install Debian\n\t- DONE Read the bash manual\n"
    role, _ = parse_messages(body)
    assert [(i.text, i.id) for i in role.checklist] == [
        ("Install Debian", checklist_item_id("Install Debian")),
        ("Read the bash manual", checklist_item_id("Read the bash manual")),
    ]


def test_logseq_metadata_under_a_task_written_with_its_box_keeps_the_tasks_words_and_id():
    ref = "((6571f0a2-1c2b-4d5e-9f01-aa11bb22cc01))"
    body = (
        "## Phase 1: Linux (Weeks 1-2)\n"
        "- [ ] Install Debian\n"
        "  id:: 6571f0a2-1c2b-4d5e-9f01-aa11bb22cc01\n"
        "- [ ] Learn tmux\n"
        "  SCHEDULED: <2026-12-09 Wed>\n"
        f"- [ ] Compare {ref} with the man page\n"
        "- Shell basics\n"
        "  collapsed:: true\n"
        "- TODO Pick an editor\n"
        "  DEADLINE: <2026-12-20 Sun>\n"
    )
    role, _ = parse_messages(body)
    written = [
        "Install Debian id: 6571f0a2-1c2b-4d5e-9f01-aa11bb22cc01",
        "Learn tmux SCHEDULED: <2026-12-09 Wed>",
        f"Compare {ref} with the man page",
    ]
    assert [i.id for i in role.checklist] == [*map(checklist_item_id, written), checklist_item_id("Pick an editor")]
    shown = phase_body(role.phases[0], role.checklist, done=set())
    assert "collapsed" not in shown and "DEADLINE" not in shown  # other lines' metadata still shows nowhere
    assert "- Shell basics" in shown


def test_logseq_lines_of_50000_characters_are_read_in_time_linear_in_their_size():
    """An unclosed macro, a bullet or a block reference before a long blank run would take minutes to read with a
    pattern gone quadratic or worse: the page is read in a subprocess, with a limit."""
    script = (
        "from bot.content.loader import parse_bytes\n"
        "head = '---\\nname: lq\\ndisplayName: LQ\\ndescription: d\\n---\\n'\n"
        "page = '- ## Phase 1: Shell (Weeks 1-2)\\n  id:: 6571f0a2-1c2b-4d5e-9f01-aa11bb22cc01\\n\\t- TODO x\\n'\n"
        "blanks = ' ' * 50_000\n"
        "for line in ('- {{x' + blanks + 'y', '- a' + blanks + 'b', '- TODO' + blanks,\n"
        "             '- a ((6571f0a2-1c2b-4d5e-9f01-aa11bb22cc01))' + blanks + '((b', '- a' + ' ((' * 16_000):\n"
        "    role, _ = parse_bytes((head + page + '\\t' + line + '\\n').encode(), 'lq.md')\n"
        "    assert role is not None and role.checklist[0].text == 'x'\n"
    )
    finishes_in_a_minute(script, "reading a Logseq page's long lines")


def test_the_line_under_a_heading_in_a_list_item_is_its_text_not_words_of_its_title():
    body = (
        "## Phase 1: Algorithms (Weeks 1-4)\n"
        "- ### Arrays\n"
        "  practise two pointers first\n"
        "  - [ ] Two Sum\n"
        "- ### Graphs\n"
        "  **Focus:** breadth-first search\n"
        "- [ ] Write a solver\n"
    )
    role, _ = parse_messages(body)
    topics = role.phases[0].topics
    assert [t.text for t in topics] == ["Arrays", "Graphs"]
    assert topics[0].detail.split("\n") == ["practise two pointers first", "- ☐ Two Sum"]
    shown = phase_body(role.phases[0]).split("\n")
    assert shown[:2] == ["- Arrays", "practise two pointers first"]
    assert "**Focus:** breadth-first search" in shown


def test_a_table_under_a_heading_in_a_list_item_keeps_what_follows_it_the_items():
    body = (
        "## Phase 1: SQL (Weeks 1-2)\n"
        "- ### Joins\n"
        "\n"
        "  > Start from the smaller table.\n"
        "\n"
        "  | Join | Keeps |\n"
        "  | --- | --- |\n"
        "  | INNER | matching rows |\n"
        "\n"
        "  - LEFT keeps every row of the left table\n"
        "\n"
        "  Practise each join on the sample schema.\n"
        "  - #### Self Joins\n"
        "\n"
        "    ```sql\n"
        "    SELECT * FROM staff a JOIN staff b ON a.boss = b.id;\n"
        "    ```\n"
    )
    role, messages = parse_messages(body)
    assert messages == []
    shown = phase_body(role.phases[0]).split("\n")
    # the paragraph after the bullets is the heading item's, shown on its own, no words of the bullet above it
    assert "  - LEFT keeps every row of the left table" in shown
    assert "Practise each join on the sample schema." in shown
    assert section_titled(role, "Joins").text.split("\n") == [
        "Joins",
        "> Start from the smaller table.",
        "- INNER — Keeps: matching rows",
        "- LEFT keeps every row of the left table",
        "Practise each join on the sample schema.",
        "- Self Joins",
        "```sql",
        "SELECT * FROM staff a JOIN staff b ON a.boss = b.id;",
        "```",
    ]
    assert section_titled(role, "Self Joins").text.split("\n")[1:] == [
        "```sql",
        "SELECT * FROM staff a JOIN staff b ON a.boss = b.id;",
        "```",
    ]


def test_a_heading_in_a_list_item_after_a_bold_labels_bullets_is_no_bullet_of_the_label():
    body = (
        "## Data Structures\n"
        "- ### Linked Lists\n"
        "  Nodes that point to the next one.\n"
        "\n"
        "**Cost of each operation on a list:**\n"
        "  - Insert at the head - O(1)\n"
        "\n"
        "---\n"
        "\n"
        "- ### Stacks\n"
        "  - Push - O(1)\n"
    )
    role, messages = parse_messages(body)
    assert [m for m in messages if "no phases found" not in m] == []
    stacks = section_titled(role, "Stacks")
    assert stacks.path[-1] == "Data Structures"
    assert stacks.text.split("\n") == ["Stacks", "- Push - O(1)"]
    assert section_titled(role, "Cost of each operation on a list").text.split("\n") == ["- Insert at the head - O(1)"]
