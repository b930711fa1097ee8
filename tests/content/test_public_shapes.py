"""Shapes found in public roadmaps (course tables, interview checklists, step guides), written small."""

from __future__ import annotations

import pytest

from bot.content.loader import parse_bytes
from bot.content.search import SearchIndex
from tests.content.helpers import role_file


def parse(body: str, extra: str = ""):
    text = role_file(body=body, extra=extra)
    role, problems = parse_bytes(text.encode(), "x.md")
    assert role is not None, problems
    return role, problems, text


def topic_titles(role) -> list[str]:
    return [s.title for s in role.sections if s.kind == "topic"]


def test_a_bullet_is_titled_by_its_head_only_when_details_follow():
    body = (
        "# T\n\n## Notes\n\n- Internet fundamentals: HTTP, DNS, TCP/IP\n- Step 2: Get comfortable with Linux\n"
        "- [6.006: Dynamic Programming I](https://ocw.mit.edu/)\n- Data Structures: Treaps explained\n- Skiena:\n"
    )
    role, _, _ = parse(body)
    assert topic_titles(role) == [
        "Internet fundamentals",
        "Step 2: Get comfortable with Linux",
        "6.006: Dynamic Programming I",
        "Data Structures: Treaps explained",
        "Skiena",
    ]


def test_the_same_task_with_other_links_under_one_heading_is_two_items():
    body = (
        "# T\n\n## Binary search\n- [ ] [Binary Search (video)](https://www.youtube.com/watch?v=a)\n"
        "- [ ] [Binary Search (video)](https://www.khanacademy.org/b)\n"
    )
    role, problems, _ = parse(body)
    assert len(role.checklist) == 2
    assert len({i.id for i in role.checklist}) == 2
    assert [p for p in problems if p.severity == "error"] == []


def test_a_value_with_a_colon_in_front_matter_is_read_whole_and_says_to_quote_it():
    text = "---\nname: fe\ndisplayName: Front-End: Beginner to Pro\ndescription: x\n---\n# T\n"
    role, problems = parse_bytes(text.encode(), "x.md")
    assert role is not None
    assert role.display_name == "Front-End: Beginner to Pro"
    (warning,) = [p for p in problems if "read as the text" in p.message]
    assert warning.line == 3
    assert warning.message.endswith('quotes to say so and silence this: displayName: "Front-End: Beginner to Pro"')


def test_parts_written_at_the_phase_headings_own_level_belong_to_it():
    body = (
        "# Plan\n\n### PHASE 1: HTML (Month 1)\n### Learning Objectives\n- Master semantic HTML\n"
        "### Week 1-2: Basics\n- tags and attributes\n### PHASE 2: JavaScript (Month 2)\n### Week 1-2: Core\n- closures\n"
    )
    role, problems, _ = parse(body)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [(1, "HTML", (1, 4)), (2, "JavaScript", (5, 8))]
    assert [s.label for s in role.phases[0].subsections] == ["Learning Objectives", "Week 1-2: Basics"]
    assert [t.text for t in role.phases[1].subsections[0].topics] == ["closures"]
    assert problems == []


def test_a_phase_with_content_ends_at_the_next_heading_of_its_level():
    body = "# Plan\n\n## Phase 1: A (Weeks 1-2)\n- a\n\n## Resources\n- a book\n"
    role, _, _ = parse(body)
    assert role.phases[0].subsections == ()
    assert next(s for s in role.sections if s.title == "Resources").phase is None


def test_a_heading_in_a_list_item_keeps_what_is_nested_under_it():
    body = (
        "# T\n\n## Data Structures\n- ### Linked Lists\n    - [ ] [Singly Linked Lists](https://example.com/sll)\n"
        "    - Implement push_front and pop_front\n- ### Arrays\n    - [ ] Implement a vector\n"
    )
    role, _, _ = parse(body)
    linked = next(s for s in role.sections if s.title == "Linked Lists")
    assert "- ☐ [Singly Linked Lists](https://example.com/sll)" in linked.text
    assert "- Implement push_front and pop_front" in linked.text
    # its task items are grouped under it, not under the heading above
    assert [(i.group, i.text) for i in role.checklist] == [
        ("Linked Lists", "Singly Linked Lists"),
        ("Arrays", "Implement a vector"),
    ]


@pytest.mark.parametrize("word", ["Step", "Module", "Unit", "Level", "Sprint", "Milestone"])
def test_three_or_more_numbered_steps_are_phases_with_planned_weeks(word: str):
    steps = "".join(f"## {word} {n}: Part {n}\n- topic {n}\n\n" for n in range(1, 4))
    role, problems, _ = parse("# Guide\n\n" + steps)
    assert [(p.number, p.title) for p in role.phases] == [(1, "Part 1"), (2, "Part 2"), (3, "Part 3")]
    assert all(p.planned for p in role.phases)
    assert any("no weeks; planned" in p.message for p in problems)


def test_numbered_steps_with_weeks_keep_them():
    levels = "".join(f"## Level {n} (Weeks {2 * n - 1}-{2 * n}): Stage {n}\n- topic {n}\n\n" for n in range(1, 4))
    role, problems, _ = parse("# Guide\n\n" + levels)
    assert [(p.number, p.title, p.weeks, p.planned) for p in role.phases] == [
        (1, "Stage 1", (1, 2), False),
        (2, "Stage 2", (3, 4), False),
        (3, "Stage 3", (5, 6), False),
    ]
    assert problems == []


def test_two_steps_in_a_how_to_are_not_phases():
    role, _, _ = parse("# Guide\n\n## Setup\n### Step 1: Install\n- pip\n### Step 2: Run\n- go\n")
    assert role.self_paced


def test_a_table_row_is_titled_by_its_first_cell_with_words():
    body = "# T\n\n## Plan\n\n| Phase | Days | Focus |\n|---|---|---|\n| 5 | 41–50 | Networking |\n"
    role, _, _ = parse(body)
    assert "Networking" in topic_titles(role)
    (row,) = [s for s in role.sections if s.title == "Networking"]
    assert row.text == "Networking — Phase: 5 · Days: 41–50"


def test_text_before_the_first_heading_is_a_section():
    role, _, _ = parse("DevOps is one of the highest-paying roles.\n\n## Step 1: Learn a language\n- Go\n")
    intro = next(s for s in role.sections if s.title == "Introduction")
    assert intro.text == "DevOps is one of the highest-paying roles."


def test_an_html_list_of_boxes_is_a_checklist_with_no_warning():
    body = "# T\n\n## Milestones\n\n<ul>\n<li>☐ HTML basics</li>\n<li>☐ CSS basics</li>\n</ul>\n"
    role, problems, _ = parse(body)
    assert [(i.group, i.text) for i in role.checklist] == [("Milestones", "HTML basics"), ("Milestones", "CSS basics")]
    assert not [p for p in problems if "HTML" in p.message]


def test_a_body_of_html_with_nothing_but_headings_gets_a_warning_that_says_so():
    body = '<h1>Frontend</h1>\n<div align="center"><img src="roadmap.png" alt="the roadmap"></div>\n'
    _, problems, text = parse(body)
    (warning,) = [p for p in problems if "HTML" in p.message]
    assert "which the bot does not read" in warning.message
    assert warning.line is not None


def test_a_link_without_text_shows_its_file_name():
    role, _, _ = parse("# T\n\n## Days\n- [ ] 🌐 21 > [](Days/day21.md)\n")
    assert [i.text for i in role.checklist] == ["🌐 21 > day21"]


def test_boxes_in_a_list_are_a_checklist_and_ticks_too_where_there_is_no_other():
    role, _, _ = parse("# T\n\n## Milestones\n- ✅ 3-5 responsive websites\n- ☐ A portfolio site\n")
    assert [(i.group, i.text) for i in role.checklist] == [
        ("Milestones", "3-5 responsive websites"),
        ("Milestones", "A portfolio site"),
    ]
    # Where the file has '- [ ]' items, a tick is decoration: only those and open boxes are the checklist.
    role, _, _ = parse("# T\n\n## Why\n- ✅ You like systems\n\n## Tasks\n- [ ] Ship it\n- ☐ Write it up\n")
    assert [i.text for i in role.checklist] == ["Ship it", "Write it up"]
    assert "✅ You like systems" in [s.title for s in role.sections if s.kind == "topic"]


def test_a_checked_box_as_pandoc_and_word_write_it_is_an_item_as_an_open_box_is():
    # Pandoc exports org's '[X]' and '[ ]' (and Word its boxes) as '☒' and '☐'.
    role, _, _ = parse(
        "# T\n\n## Setup\n-   ☒ Install the database\n-   ☐ Load the sample data\n-   ✓ Read the intro\n"
    )
    assert [(i.text, i.md) for i in role.checklist] == [
        ("Install the database", "Install the database"),
        ("Load the sample data", "Load the sample data"),
        ("Read the intro", "Read the intro"),
    ]
    assert not [s for s in role.sections if "☒" in s.title]


def test_a_cross_is_an_open_item_in_a_checklist_of_emoji_and_a_mistake_elsewhere():
    body = "# T\n\n## Phase 1: Networking (Weeks 1-4)\n- ✅ OSI model\n- ❌ Subnetting\n- 🔲 Wireshark captures\n"
    role, _, _ = parse(body)
    assert [i.text for i in role.checklist] == ["OSI model", "Subnetting", "Wireshark captures"]
    # Alone, or in a file with '- [ ]' items, crosses mark mistakes: topics, not tasks.
    role, _, _ = parse("# T\n\n## Common mistakes\n- ❌ Skipping the basics\n- ❌ Tutorial hell\n")
    assert role.checklist == ()
    assert "❌ Tutorial hell" in [s.title for s in role.sections if s.kind == "topic"]
    role, _, _ = parse("# T\n\n## Don'ts\n- ❌ Copy code blindly\n- ✅ Read it\n\n## Tasks\n- [ ] Ship it\n")
    assert [i.text for i in role.checklist] == ["Ship it"]


def test_a_course_table_after_a_labels_prose_is_the_headings():
    body = (
        "# T\n\n## Core theory\n**Topics covered**:\n`divide and conquer`\n`dynamic programming`\n\n"
        "Courses | Duration\n:-- | :--:\n[Greedy Algorithms](https://example.com/greedy) | 4 weeks\n"
    )
    role, _, _ = parse(body)
    (row,) = [s for s in role.sections if s.title == "Greedy Algorithms"]
    assert row.path == ("T", "Core theory")


def test_a_bold_sentence_is_prose_not_a_part():
    body = "# T\n\n## System Design\n**You can expect design questions after 4+ years.**\n\n- Scalability\n"
    role, _, _ = parse(body)
    assert [s.title for s in role.sections if s.kind == "subsection"] == []
    assert "Scalability" in [s.title for s in role.sections if s.kind == "topic"]


def test_a_quoted_book_title_is_the_bullets_title():
    role, _, _ = parse('# T\n\n## Books\n- "Threat Modeling: Designing for Security" by Adam Shostack\n')
    assert topic_titles(role) == ["Threat Modeling: Designing for Security"]


def test_headings_inside_a_block_quote_end_with_the_quote():
    body = (
        "# Plan\n\nA plan from a forum post:\n\n"
        "> ## Phase 1: Shell (Weeks 1-3)\n> - permissions\n>\n> ## Phase 2: Services (Weeks 4-6)\n> - systemd\n\n"
        "My own additions:\n\n- Learn Ansible\n\n"
        "## Phase 3: Automation (Weeks 7-9)\n\n> ### Tip\n> - ad-hoc commands\n\n- Playbooks\n"
    )
    role, problems, _ = parse(body)
    one, two, three = role.phases
    assert [t.text for t in two.topics] == ["systemd"]
    assert two.objective is None and two.text == ""
    assert [t.text for t in three.topics] == ["Playbooks"]
    assert [(s.label, [t.text for t in s.topics]) for s in three.subsections] == [("Tip", ["ad-hoc commands"])]
    ansible = next(s for s in role.sections if s.title == "Learn Ansible")
    assert ansible.phase is None and ansible.path == ("Plan",)
    assert problems == []


def test_a_heading_right_after_a_quoted_phase_is_not_in_that_phase():
    body = (
        "# Plan\n\n> ## Phase 1: Shell (Weeks 1-3)\n> - permissions\n\n### My notes\n- Learn Ansible\n\n"
        "## Phase 2: Services (Weeks 4-6)\n- systemd\n"
    )
    role, problems, _ = parse(body)
    assert role.phases[0].subsections == ()
    notes = next(s for s in role.sections if s.title == "My notes")
    assert notes.phase is None and notes.path == ("Plan", "My notes")
    assert problems == []


def test_a_table_of_weeks_is_the_plan_of_a_file_without_phase_headings():
    body = (
        "# SQL\n\n| Week | Topic | Resources |\n|---|---|---|\n| 1 | SELECT | [SQLBolt](https://sqlbolt.com/) |\n"
        "| 2-3 | JOINs | [Visual JOINs](https://joins.spathon.com/) |\n\nRest a day between weeks.\n\n"
        "## Notes\n- practise daily\n"
    )
    role, problems, _ = parse(body)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [(1, "SELECT", (1, 1)), (2, "JOINs", (2, 3))]
    assert [t.text for t in role.phases[0].topics] == ["Resources: [SQLBolt](https://sqlbolt.com/)"]
    assert role.phases[1].text == ""  # the prose after the table is not the last week's
    sql = next(s for s in role.sections if s.title == "SQL")
    assert "Rest a day between weeks." in sql.text
    assert problems == []


def test_a_table_of_weeks_in_a_file_with_phase_headings_stays_a_table():
    body = "# T\n\n## Phase 1: A (Weeks 1-2)\n\n| Week | Topic |\n|---|---|\n| 1 | SELECT |\n| 2 | JOINs |\n"
    role, _, _ = parse(body)
    assert [p.number for p in role.phases] == [1]
    assert [t.title for t in role.phases[0].topics] == ["SELECT", "JOINs"]


def test_a_table_that_gives_one_week_several_rows_stays_a_table():
    body = "# T\n\n## Log\n\n| Week | Task |\n|---|---|\n| 1 | Install Python |\n| 1 | Hello world |\n| 2 | Loops |\n"
    role, problems, _ = parse(body)
    assert role.self_paced
    assert topic_titles(role) == ["Install Python", "Hello world", "Loops"]
    assert [p.severity for p in problems] == ["warning"]  # no phases found


def test_a_second_table_of_the_same_weeks_stays_a_table():
    body = (
        "# T\n\n## Full time\n\n| Week | Topic |\n|---|---|\n| 1 | Python |\n| 2 | SQL |\n\n"
        "## Part time\n\n| Week | Topic |\n|---|---|\n| 1-2 | Python |\n| 3-4 | SQL |\n"
    )
    role, problems, _ = parse(body)
    assert [(p.title, p.weeks) for p in role.phases] == [("Python", (1, 1)), ("SQL", (2, 2))]
    part_time = [s.title for s in role.sections if s.kind == "topic" and s.path[-1] == "Part time"]
    assert part_time == ["Python", "SQL"]
    assert problems == []


def test_phases_of_bold_lines_or_list_items_are_side_by_side_not_nested():
    role, _, _ = parse("# Plan\n\n**Week 1**\nInstall Python.\n\n**Week 2**\nLoops.\n\n**Week 3**\nFunctions.\n")
    assert [p.path for p in role.sections if p.kind == "phase"] == [
        ("Plan", "Week 1"),
        ("Plan", "Week 2"),
        ("Plan", "Week 3"),
    ]
    body = "Intro.\n\n- Week 1: Setup\n  - Install\n- Week 2: Loops\n  - for, while\n"
    role, _, _ = parse(body)
    assert [(p.title, p.weeks, [t.title for t in p.topics]) for p in role.phases] == [
        ("Setup", (1, 1), ["Install"]),
        ("Loops", (2, 2), ["for, while"]),
    ]
    assert [p.path for p in role.sections if p.kind == "phase"] == [("Week 1: Setup",), ("Week 2: Loops",)]


def test_a_list_is_the_plan_only_in_a_file_without_phase_headings():
    body = "# T\n\n## Overview\n- Phase 1: Basics (Weeks 1-2)\n- Phase 2: More (Weeks 3-4)\n\n## Phase 1: Basics (Weeks 1-2)\n"
    role, _, _ = parse(body + "## Phase 2: More (Weeks 3-4)\n")
    assert [s.title for s in role.sections if s.kind == "phase"] == [
        "Phase 1: Basics (Weeks 1-2)",
        "Phase 2: More (Weeks 3-4)",
    ]
    assert "Phase 2: More (Weeks 3-4)" in [s.title for s in role.sections if s.kind == "topic"]
    role, _, _ = parse("# T\n\n## Questions\n- Q1: Why Go?\n- Q2: Why Rust?\n")
    assert role.self_paced


NESTED = (
    "## Phase 1: Linux (Weeks 1-4)\n"
    "- Text processing: grep, sed, awk\n"
    "  - [The Linux Command Line](https://linuxcommand.org/tlcl.php)\n"
    "  - Practice on real log files\n\n"
    "    Look for the 500s first.\n"
    "    - [ ] Parse an nginx log\n"
    "- [ ] Implement a vector (mutable array with automatic resizing):\n"
    "    - [ ] size() - number of items\n"
    "    - [ ] resize(new_capacity) // private function\n"
    "        - when you reach capacity, resize to double the size\n\n"
    "      Halve it at a quarter full.\n"
)


def test_a_topic_entry_holds_what_is_nested_under_it_and_nested_topics_stay_entries():
    role, problems, _ = parse(NESTED)
    topics = {s.title: s for s in role.sections if s.kind == "topic"}
    assert topics["Text processing"].text == (
        "Text processing: grep, sed, awk\n"
        "- [The Linux Command Line](https://linuxcommand.org/tlcl.php)\n"
        "- Practice on real log files\n"
        "  Look for the 500s first.\n"
        "  - ☐ Parse an nginx log"
    )
    assert topics["Practice on real log files"].text == (
        "Practice on real log files Look for the 500s first.\n- ☐ Parse an nginx log"
    )
    assert topics["The Linux Command Line"].text == "[The Linux Command Line](https://linuxcommand.org/tlcl.php)"
    assert [p for p in problems if p.severity == "error"] == []


def test_a_checklist_items_entry_holds_the_tasks_and_notes_nested_under_it():
    role, _, _ = parse(NESTED)
    items = {s.title: s for s in role.sections if s.kind == "checklist"}
    assert items["Implement a vector (mutable array with automatic resizing)"].text == (
        "Implement a vector (mutable array with automatic resizing):\n"
        "- ☐ size() - number of items\n"
        "- ☐ resize(new_capacity) // private function\n"
        "  - when you reach capacity, resize to double the size\n"
        "  Halve it at a quarter full."
    )
    # a note under a task is the task's, not glued to the bullet before it
    assert items["resize(new_capacity) // private function"].text.endswith("\nHalve it at a quarter full.")
    # what is written under a task, but its own tasks, is its note, not a topic of the phase
    notes = {i.text: i.note for i in role.checklist}
    assert notes["resize(new_capacity) // private function"] == (
        "- when you reach capacity, resize to double the size\nHalve it at a quarter full."
    )
    assert notes["Implement a vector (mutable array with automatic resizing):"] == ""
    assert not any(s.title.startswith("when you reach") for s in role.sections if s.kind == "topic")
    assert [t.title for t in role.phases[0].topics] == ["Text processing"]


def test_a_nested_entry_is_found_on_its_own_before_the_topic_that_holds_it():
    role, _, _ = parse(NESTED)
    index = SearchIndex([role])
    assert index.search("practice on real log files")[0].section.title == "Practice on real log files"
    assert index.search("linux command line")[0].section.title == "The Linux Command Line"
    # the words nested under a topic are not its own: it is found by its own words
    assert "Text processing" not in [h.section.title for h in index.search("nginx log")]
    # a checklist item's note is its own words: the item is found by them, not the item that holds it
    hits = [h.section.title for h in index.search("double the size when you reach capacity")]
    assert hits[0] == "resize(new_capacity) // private function"
    assert "Implement a vector (mutable array with automatic resizing)" not in hits


def test_a_bullets_entry_holds_the_code_block_written_under_it():
    body = (
        "## Phase 1: Shell (Weeks 1-2)\n"
        "1. Silence one warning with a comment that says why:\n"
        "\n"
        "   ```bash\n"
        "   # shellcheck disable=SC2086\n"
        "   ```\n"
        "2. Queries\n"
        "   - GROUP BY folds rows into groups\n"
        "     ```sql\n"
        "     SELECT team, COUNT(*) FROM players GROUP BY team;\n"
        "     ```\n"
    )
    role, problems, _ = parse(body)
    assert [p for p in problems if p.severity == "error"] == []
    topics = {s.title: s for s in role.sections if s.kind == "topic"}
    assert topics["Silence one warning with a comment that says why"].text.split("\n") == [
        "Silence one warning with a comment that says why:",
        "```bash",
        "# shellcheck disable=SC2086",
        "```",
    ]
    query = ["```sql", "SELECT team, COUNT(*) FROM players GROUP BY team;", "```"]
    assert topics["GROUP BY folds rows into groups"].text.split("\n")[1:] == query
    # the bullet over it shows it too, after the bullet it is under, as it shows that bullet's own nested bullets
    assert topics["Queries"].text.split("\n") == ["Queries", "- GROUP BY folds rows into groups", *query]
