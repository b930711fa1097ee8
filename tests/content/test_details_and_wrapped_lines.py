"""Phases written in `<details>` blocks sit at the top of the path, not inside the section above them; a paragraph
written over several lines reads as one line in /phase and in search alike."""

from __future__ import annotations

from pathlib import Path

from bot.content.loader import parse_bytes
from bot.content.search import SearchIndex
from bot.handlers.learning import phase_body
from tests.content.helpers import parse_body, section_titled

DETAILS = (
    '<h1 align="center">Cloud Engineer Roadmap</h1>\n\n'
    "## How to use this plan\n\nOpen one phase at a time and work through it in order.\n\n"
    "<details>\n<summary>Phase 1 – Linux and Networking (Weeks 1-4)</summary>\n\n"
    "- Linux basics\n\n- [ ] Explain what happens when you type a URL\n\n</details>\n\n"
    "<details>\n<summary><b>Phase 2 – Cloud Fundamentals (Weeks 5-8)</b></summary>\n\n"
    "### Identity\n\n- IAM\n\n- [ ] Create a VPC\n\n</details>\n\n"
    "<details>\n<summary>\n\n### Phase 3: Containers and Kubernetes (Weeks 9-12)\n\n</summary>\n\n"
    "- Docker\n\n**Capstone project:**\nA three-tier app on a managed cluster, provisioned with Terraform,\n"
    "deployed by a pipeline.\n\n- [ ] Deploy the app with a Helm chart\n\n</details>\n\n"
    "## Resources\n\n- [Kubernetes docs](https://kubernetes.io/docs/home/)\n"
)


def parse(body: str):
    return parse_body(body)[0]


entry = section_titled


def test_phases_in_details_blocks_are_not_filed_under_the_heading_above_them():
    role = parse(DETAILS)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "Linux and Networking", (1, 4)),
        (2, "Cloud Fundamentals", (5, 8)),
        (3, "Containers and Kubernetes", (9, 12)),
    ]
    assert role.trail(entry(role, "Capstone project").path) == (
        "Phase 3: Containers and Kubernetes (Weeks 9-12)",
        "Capstone project",
    )
    assert role.trail(entry(role, "Linux basics").path) == ("Phase 1 – Linux and Networking (Weeks 1-4)",)
    # The section above keeps its own text, and no phase of it.
    assert entry(role, "How to use this plan").text == "Open one phase at a time and work through it in order."
    assert role.trail(entry(role, "Resources").path) == ("Resources",)
    (hit, *_) = SearchIndex([role]).search("cloud fundamentals")
    assert role.trail(hit.path) == ("Phase 2 – Cloud Fundamentals (Weeks 5-8)",)


def test_checklist_groups_of_details_phases_are_named_as_phase_headings_name_theirs():
    # The same plan with '##' phase headings in place of the details blocks.
    headings = (
        DETAILS.replace("<details>\n<summary>\n\n### ", "## ")
        .replace("\n\n</summary>", "")
        .replace("<details>\n<summary><b>", "## ")
        .replace("</b></summary>", "")
        .replace("<details>\n<summary>", "## ")
        .replace("</summary>", "")
        .replace("</details>\n\n", "")
    )
    assert "<" not in headings.replace("<h1", "").replace("</h1>", "")
    in_details = parse(DETAILS)
    as_headings = parse(headings)
    assert [(i.id, i.group, i.phase) for i in in_details.checklist] == [
        (i.id, i.group, i.phase) for i in as_headings.checklist
    ]
    assert in_details.checklist_groups == (
        "Phase 1 – Linux and Networking",
        "Identity",
        "Capstone project",
    )


def test_a_summary_that_is_no_phase_still_sits_under_the_heading_above_it():
    body = (
        "## Phase 1: Basics (Weeks 1-2)\n\n- Python\n\n<details>\n<summary>📚 Extra reading</summary>\n\n"
        "- The Python tutorial\n\n</details>\n\n"
        "## Phase 2: Web (Weeks 3-4)\n\n<details>\n<summary>Week 3: Flask</summary>\n\n- Routes\n\n</details>\n"
    )
    role = parse(body)
    assert [p.title for p in role.phases] == ["Basics", "Web"]
    assert role.trail(entry(role, "📚 Extra reading").path) == ("Phase 1: Basics (Weeks 1-2)", "📚 Extra reading")
    # A week inside a phase is a part of it, not a phase of its own.
    assert role.trail(entry(role, "Routes").path) == ("Phase 2: Web (Weeks 3-4)", "Week 3: Flask")


def test_a_paragraph_wrapped_mid_sentence_is_one_line_in_phase_and_in_search():
    role = parse(DETAILS)
    sentence = "A three-tier app on a managed cluster, provisioned with Terraform, deployed by a pipeline."
    assert phase_body(role.phases[2]).split("\n") == ["- Docker", "", f"**Capstone project:** {sentence}"]
    assert entry(role, "Capstone project").text.split("\n")[0] == sentence


def test_a_line_that_runs_on_in_lower_case_joins_the_line_above_it():
    body = "# T\n\n## Day 2\n\nDetails in\nthe Day 2 file.\n\n## Day 3\n\nMore\n"
    role = parse(body)
    assert entry(role, "Day 2").text == "Details in the Day 2 file."


def test_lines_that_each_say_one_thing_and_hard_breaks_stay_lines():
    body = (
        "# T\n\n## Phase 1: Basics (Weeks 1-2)\n\n**Objective:** Learn the basics\n**Duration:** two weeks\n"
        "Week 1 :: HTML basics\nWeek 2 :: CSS and the box model\n\n"
        "Read the first chapter,  \nthen the second one\\\nand the third.\n"
    )
    role = parse(body)
    assert role.phases[0].objective == "Learn the basics"
    assert phase_body(role.phases[0]).split("\n") == [
        "**Objective:** Learn the basics",
        "",
        "**Duration:** two weeks",
        "Week 1 :: HTML basics",
        "Week 2 :: CSS and the box model",
        "",
        "Read the first chapter,",
        "then the second one",
        "and the third.",
    ]


def test_the_weeks_of_a_readme_written_in_details_blocks_are_its_plan_not_parts_of_its_plan_heading():
    path = Path(__file__).parents[1] / "fixtures" / "roadmaps" / "html-readme.md"
    role, _ = parse_bytes(path.read_bytes(), "html-readme.md")
    assert role is not None
    week_one = next(s for s in role.sections if s.kind == "phase")
    assert role.trail(week_one.path) == ("Week 1 — HTML",)
    assert entry(role, "📅 The plan").text == "Click a week to open it."


def test_a_summary_that_only_says_how_to_open_its_block_is_no_heading():
    body = (
        "# Plan\n\n## Month 1 — Linux\n\n<details>\n<summary>📂 Click to expand</summary>\n\n### Topics\n\n- Permissions\n\n"
        "</details>\n\n## Month 2 — Git\n\n<details><summary>Show more ▼</summary>\n\n### Topics\n\n- Branches\n\n"
        "</details>\n"
    )
    role, _ = parse_body(body)
    assert [p.title for p in role.phases] == ["Linux", "Git"]
    assert [s.label for s in role.phases[0].subsections] == ["Topics"]
    assert phase_body(role.phases[0]) == "**Topics:**\n- Permissions"
    assert not [s for s in role.sections if "expand" in s.title.lower() or "show more" in s.title.lower()]


def test_a_summary_that_says_what_its_block_holds_stays_its_heading():
    role, _ = parse_body(
        "# P\n\n## Reading\n\n<details>\n<summary>More on Linux</summary>\n\n- Permissions\n\n</details>\n"
    )
    assert section_titled(role, "More on Linux").path == ("P", "Reading", "More on Linux")


def test_a_summary_names_its_group_without_the_prompt_to_open_it():
    body = (
        "## Phase 1: Basics (Weeks 1-2)\n\n<details>\n<summary>Portfolio checklist (click to expand)</summary>\n\n"
        "- [ ] Custom domain\n\n</details>\n\n<details>\n<summary>Stretch goals [expand]</summary>\n\n"
        "- [ ] Dark mode\n\n</details>\n"
    )
    role = parse(body)
    assert [(c.text, c.group) for c in role.checklist] == [
        ("Custom domain", "Portfolio checklist"),
        ("Dark mode", "Stretch goals"),
    ]


def test_a_sentence_an_editor_wrapped_before_a_capital_or_a_number_is_one_line():
    # Lines filled at a fixed width (pandoc, Emacs, `fill-paragraph`) break wherever a word falls, before a name too.
    body = (
        "# T\n\n## Phase 1: Databases (Weeks 1-4)\n\n"
        "**Objective:** Answer questions about a shop's sales with SQL against a real\nPostgres database.\n\n"
        "Each exercise runs its queries on a production-sized copy of real-world\nPostgres data, hosted on a managed "
        "database.\n\n"
        "Set aside an evening a week for the exercises, usually between\n3 and 4 hours, and keep notes.\n\n"
        "**Homework:** import the sample schema into the\n**local** instance.\n\n"
        "- Indexes\n\n## Phase 2: Services (Weeks 5-8)\n\n**Goal:** Read the handbook of\nDjango and ship an API.\n"
    )
    role = parse(body)
    objective = "Answer questions about a shop's sales with SQL against a real Postgres database."
    assert role.phases[0].objective == objective
    assert role.phases[1].objective == "Read the handbook of Django and ship an API."
    assert phase_body(role.phases[0]).split("\n") == [
        f"**Objective:** {objective}",
        "",
        "Each exercise runs its queries on a production-sized copy of real-world Postgres data, hosted on a managed "
        "database.",
        "",
        "Set aside an evening a week for the exercises, usually between 3 and 4 hours, and keep notes.",
        "",
        "**Homework:** import the sample schema into the **local** instance.",
        "",
        "- Indexes",
    ]


def test_a_label_or_a_line_of_its_own_is_not_joined_to_the_capital_line_under_it():
    # Authors write one thing per line: a bold label over its text, an objective over the next sentence, a title over
    # a name. None of them is a sentence an editor wrapped.
    body = (
        "# T\n\n## Phase 1: Web (Weeks 1-4)\n\n"
        "**Objective:** Learn the core syntax of the JavaScript language\nBuild three small browser games.\n\n"
        "**Project: Make a personal portfolio website**\nUse semantic HTML and plain CSS only.\n\n"
        "- [ ] Publish it\n\n"
        "Books to start with\nThe Eloquent JavaScript book\n\n"
        "Learn the basics of the JavaScript language this week\nWrite a small tip calculator.\n"
    )
    role = parse(body)
    assert role.phases[0].objective == "Learn the core syntax of the JavaScript language"
    assert phase_body(role.phases[0]).split("\n") == [
        "**Objective:** Learn the core syntax of the JavaScript language",
        "",
        "Build three small browser games.",
        "",
        "**Project: Make a personal portfolio website:** Use semantic HTML and plain CSS only.",
        "",
        "Books to start with",
        "The Eloquent JavaScript book",
        "",
        "Learn the basics of the JavaScript language this week",
        "Write a small tip calculator.",
    ]
    (item,) = role.checklist
    assert item.group == "Project: Make a personal portfolio website"


def test_a_week_line_of_a_plan_is_not_joined_to_the_capital_line_under_it():
    body = (
        "# Plan\n\n"
        "__Week 1__ - Forms and validation in the browser with plain JavaScript\n"
        "__Week 2__ - Fetch, promises and async code.\n\n"
        "Week 3 — Testing the front end with a real browser runner\nSet up Playwright and a CI job.\n"
    )
    role = parse(body)
    assert [(p.number, p.title) for p in role.phases] == [
        (1, "Forms and validation in the browser with plain JavaScript"),
        (2, "Fetch, promises and async code"),
        (3, "Testing the front end with a real browser runner"),
    ]
    assert [s.id for s in role.sections if s.kind == "phase"] == [
        "week-1-forms-and-validation-in-the-browser-with",
        "week-2-fetch-promises-and-async-code",
        "week-3-testing-the-front-end-with-a-real-browser",
    ]


def test_short_lines_labelled_lines_and_numbered_lines_that_start_with_a_capital_stay_lines():
    body = (
        "# T\n\n## Phase 1: Setup (Weeks 1-2)\n\n**Objective:** Set up the tools\n\n"
        "Install the editor and the language server\nConfigure the formatter\nRead the style guide\n\n"
        "Work through the official tutorial in the evenings\nGoal: a small CLI that parses its arguments\n"
        "Stretch: publish it as a package for others\n\n"
        "Pick one of the three projects from the list below\n2. Weather app\n"
    )
    role = parse(body)
    assert phase_body(role.phases[0]).split("\n") == [
        "**Objective:** Set up the tools",
        "",
        "Install the editor and the language server",
        "Configure the formatter",
        "Read the style guide",
        "",
        "Work through the official tutorial in the evenings",
        "Goal: a small CLI that parses its arguments",
        "Stretch: publish it as a package for others",
        "",
        "Pick one of the three projects from the list below",
        "2. Weather app",
    ]
