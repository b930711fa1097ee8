"""/skill-deep-dive on roadmaps as people write them: nested topics, sub-headings, week questions, menus."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import components
from bot.content.holder import ContentHolder
from bot.domain.today import week_slice
from bot.handlers import learning
from bot.services import Services, UserError
from bot.store import Store
from tests.handlers.conftest import NOW, button, caller, selects


def front(name: str) -> str:
    return f"---\nname: {name}\ndisplayName: {name.upper()} Path\ndescription: A roadmap.\n---\n"


def services(tmp_path: Path, store: Store, **bodies: str) -> Services:
    """A bot whose content folder holds one role file per body, named by its keyword."""
    folder = tmp_path / "content"
    folder.mkdir(exist_ok=True)
    for name, body in bodies.items():
        (folder / f"{name}.md").write_text(front(name) + body, encoding="utf-8")
    holder = ContentHolder.load(folder, NOW)
    assert not holder.index.has_errors, [str(p) for p in holder.index.problems]
    return Services(holder, store)


def description(reply) -> str:
    return reply.cards[0].description or ""


LINUX = (
    "## Phase 1: Linux (Weeks 1-4)\n"
    "- Text processing: grep, sed, awk\n"
    "  - [The Linux Command Line](https://linuxcommand.org/tlcl.php)\n"
    "  - Practice on real log files\n"
    "- [ ] Implement a vector (mutable array with automatic resizing):\n"
    "    - [ ] size() - number of items\n"
    "        - start with 16\n"
)


async def test_a_topic_shows_what_is_nested_under_it(tmp_path: Path, store: Store) -> None:
    svc = services(tmp_path, store, linux=LINUX)
    reply = await learning.skill_deep_dive(svc, caller(), "text processing")
    assert reply.cards[0].title == "Text processing"
    body = description(reply)
    assert "- [The Linux Command Line](https://linuxcommand.org/tlcl.php)\n- Practice on real log files" in body
    nested = await learning.skill_deep_dive(svc, caller(), "practice on real log files")
    assert nested.cards[0].title == "Practice on real log files"


async def test_a_checklist_item_shows_the_tasks_and_notes_nested_under_it(tmp_path: Path, store: Store) -> None:
    svc = services(tmp_path, store, linux=LINUX)
    reply = await learning.skill_deep_dive(svc, caller(), "implement a vector")
    assert reply.cards[0].title.startswith("Implement a vector")
    assert "- size() - number of items\n  - start with 16" in description(reply)


WEB = (
    '<p align="center"><b>Web Roadmap</b></p>\n\n> Charts of the paths you can take.\n\n'
    "## Introduction\n\n- Git\n\n## Tools\n\n### Editors\n\n- Introduction to VS Code\n"
)


async def test_menu_entries_name_their_place_without_a_dangling_separator(tmp_path: Path, store: Store) -> None:
    svc = services(tmp_path, store, web=WEB)
    reply = await learning.skill_deep_dive(svc, caller(), "introduction")
    assert reply.cards[0].title == "Introduction"
    [menu] = selects(reply)
    entries = [(o.label, o.description) for o in menu.options]
    # the text before the first heading of a file without a '#' title is no second "Introduction"
    assert ("WEB Path: introduction", "WEB Path") in entries
    assert ("Introduction to VS Code", "WEB Path · Tools › Editors") in entries
    assert len({label for label, _ in entries} | {reply.cards[0].title}) == len(entries) + 1
    assert not [d for _, d in entries if d.endswith(("·", "· ")) or "·  " in d]
    git = await learning.skill_deep_dive(svc, caller(), "git")
    assert git.cards[0].title == "Git"
    assert description(git).startswith("*Introduction*")


LISTS = "# Prep\n\n## Linked Lists\n- [ ] [Singly Linked Lists (video)](https://example.com/sll)\n- [ ] Doubly-linked List\n"


async def test_a_sections_own_title_comes_first_and_the_bullets_holding_the_words_are_offered(
    tmp_path: Path, store: Store
) -> None:
    svc = services(tmp_path, store, prep=LISTS)
    reply = await learning.skill_deep_dive(svc, caller(), "linked list")
    assert reply.cards[0].title == "Linked Lists"
    [menu] = selects(reply)
    assert [o.label for o in menu.options][:2] == ["Doubly-linked List", "Singly Linked Lists (video)"]


DATA = (
    "## Week 1-10: Basics\n- Pandas\n\n## Week 11-12: Capstone Project & Portfolio\n"
    "**Goal:** Publish one end-to-end project that you can talk about in an interview.\n\n"
    "Pick a question you care about, find the data, clean it, model it and write it up.\n\n"
    "- [ ] Publish the capstone on GitHub\n"
)
RUST = "## Weeks 1-8: Basics\n- Cargo\n\n## Weeks 9-10: Capstone — a Web Service\n- Axum\n"


async def test_the_learners_own_path_comes_first_and_close_matches_are_still_offered(
    tmp_path: Path, store: Store
) -> None:
    svc = services(tmp_path, store, data=DATA, rust=RUST)
    await learning.start_learning(svc, caller(), "data")
    reply = await learning.skill_deep_dive(svc, caller(), "capstone")
    assert reply.cards[0].title == "Publish the capstone on GitHub"  # on the learner's path
    [menu] = selects(reply)
    assert [o.label for o in menu.options] == [
        "Week 11-12: Capstone Project & Portfolio",
        "Weeks 9-10: Capstone — a Web Service",
    ]


OPS = "## Phase 1: Foundations (Weeks 1-4)\n### Learn Linux\n- File system hierarchy, permissions, users and groups\n"
PANDAS = (
    "## Week 1-2: Pandas\n**Goal:** Clean real data.\n\nKey functions to master:\n\n"
    '```python\ndf.groupby("region").sum()\n```\n\n## Week 3-4: Capstone\n1. Pick a question.\n'
)


async def test_a_word_only_in_a_code_block_of_the_learners_path_beats_a_look_alike_elsewhere(
    tmp_path: Path, store: Store
) -> None:
    svc = services(tmp_path, store, ops=OPS, ds=PANDAS)
    await learning.start_learning(svc, caller(), "ds")
    reply = await learning.skill_deep_dive(svc, caller(), "groupby")
    assert reply.cards[0].title == "Week 1-2: Pandas"


DAYS = (
    "# Log\n\n## Days 1-30: JavaScript\n- Closures\n\n## Days 31-60: React\n- Hooks\n\n## Days 61-90: Node\n- Express\n"
)
SYLLABUS = (
    "| Week | Topic | Lecture |\n|---|---|---|\n| 1 | Linear regression | [Lecture 1](https://example.com/1) |\n"
    "| 5 | Support vector machines & kernels | [Lecture 5](https://example.com/5) |\n"
)


async def test_a_day_finds_the_phase_of_those_days_and_an_abbreviation_its_phrase(tmp_path: Path, store: Store) -> None:
    svc = services(tmp_path, store, days=DAYS, ml=SYLLABUS)
    reply = await learning.skill_deep_dive(svc, caller(), "day 45", role="days")
    assert reply.cards[0].title == "Days 31-60: React"
    assert description(reply).startswith("Day 45 of DAYS Path is in Phase 2: React (weeks 6-9).")
    svm = await learning.skill_deep_dive(svc, caller(), "svm")
    assert svm.cards[0].title == "Week 5: Support vector machines & kernels"


CAMP = (
    "## Week 1: HTML & CSS\n### Day 1: HTML\n- Tags\n### Day 2: CSS\n- Selectors\n\n"
    "## Week 2: JavaScript\n### Day 3: Variables\n- let and const\n### Day 4: Functions\n- Closures\n"
)


async def test_a_day_shows_that_days_heading_and_says_which_week_it_is_in(tmp_path: Path, store: Store) -> None:
    svc = services(tmp_path, store, camp=CAMP)
    reply = await learning.skill_deep_dive(svc, caller(), "day 4")
    assert reply.cards[0].title == "Day 4: Functions"
    assert description(reply).startswith("Day 4 of CAMP Path is in Phase 2: JavaScript (week 2).")
    assert "Closures" in description(reply)
    await learning.start_learning(svc, caller(), "camp")
    with pytest.raises(UserError, match="CAMP Path at your pace has 4 days; day 5 is past its end"):
        await learning.skill_deep_dive(svc, caller(), "day 5")


async def test_a_day_past_every_path_is_told_in_days_beside_a_path_in_weeks(tmp_path: Path, store: Store) -> None:
    weeks = "## Phase 1: HTML (Weeks 1-6)\n- Tags\n\n## Phase 2: JavaScript (Weeks 7-12)\n- Closures\n"
    svc = services(tmp_path, store, camp=CAMP, web=weeks)
    with pytest.raises(UserError) as told:
        await learning.skill_deep_dive(svc, caller(), "day 90")
    assert str(told.value) == "No path has a day 90; CAMP Path has 4 days and WEB Path has 12 weeks (84 days)."


PARTS = (
    "## Phase 1: Foundations (Weeks 1-4)\n**Objective:** Work comfortably on a Linux server.\n\n"
    "### Learn Linux\n- Permissions\n- Processes\n\n### Learn Networking\n- DNS\n- TCP/IP\n\n"
    "### Practice daily\nUse the terminal for everything.\n\n### Project\n- Build a home server\n\n"
    "```sh\nsudo ufw enable\n```\n\n- [ ] Harden a VPS\n\n"
    "## Phase 2: Containers (Weeks 5-8)\n- Docker\n\n- [ ] Containerize an app\n"
)


async def test_a_week_question_shows_that_weeks_part_of_the_phase_as_today_does(tmp_path: Path, store: Store) -> None:
    svc = services(tmp_path, store, ops=PARTS)
    role = svc.content.index.roles["ops"]
    parts = week_slice(role.phases[0], 4, 3)
    others = {u.heading for w in (1, 2, 4) for u in week_slice(role.phases[0], 4, w).units} - {
        u.heading for u in parts.units
    }
    reply = await learning.skill_deep_dive(svc, caller(), "what's on in week 3", role="ops")
    body = description(reply)
    assert body.startswith("Week 3 of OPS Path is in Phase 1: Foundations (weeks 1-4).")
    assert "Part 3 of 4 of this phase" in body
    assert parts.units and all(f"**{u.heading}" in body for u in parts.units)
    assert others and not [h for h in others if h in body]
    assert button(reply, "Whole phase").custom_id == components.PHASE.id("ops", 1, 0)
    # the learner's own week, counted from their start, reads the same
    await learning.start_learning(svc, caller(), "ops")
    this_week = await learning.skill_deep_dive(svc, caller(days=14), "what's on this week")
    assert "Part 3 of 4 of this phase" in description(this_week)


async def test_a_phase_shows_all_its_parts_in_file_order(tmp_path: Path, store: Store) -> None:
    svc = services(tmp_path, store, ops=PARTS)
    for query in ("phase 1", "foundations", "what comes before containers"):
        reply = await learning.skill_deep_dive(svc, caller(), query, role="ops" if "phase" in query else None)
        body = description(reply)
        assert reply.cards[0].title == "Phase 1: Foundations (Weeks 1-4)", query
        assert "**Objective:** Work comfortably on a Linux server." in body, query
        order = [
            "**Learn Linux:**",
            "- Permissions",
            "**Learn Networking:**",
            "**Practice daily:**",
            "Use the terminal",
        ]
        order += ["**Project:**", "sudo ufw enable", "- Harden a VPS"]  # no tick of the author's: a plain bullet
        at = [body.find(piece) for piece in order]
        assert -1 not in at and at == sorted(at), (query, body)


CICD = "## Phase 1: Linux (Weeks 1-4)\n- Shell\n\n## Phase 2: Docker (Weeks 5-8)\n- Images\n\n## Phase 3: CI/CD (Weeks 9-12)\n- Pipelines\n"
SHIP = "## Phase 1: Python (Weeks 1-4)\n- Flask\n\n## Phase 2: Docker (Weeks 5-8)\n- Images and containers\n"


async def test_what_comes_after_answers_in_the_learners_own_path(tmp_path: Path, store: Store) -> None:
    svc = services(tmp_path, store, ops=CICD, ship=SHIP)
    await learning.start_learning(svc, caller(), "ship")
    with pytest.raises(
        UserError, match=r"^'docker' is in Phase 2: Docker \(weeks 5-8\) of SHIP Path, its last phase\.$"
    ):
        await learning.skill_deep_dive(svc, caller(), "what comes after docker")
    await learning.stop_learning(svc, caller(), "ship")
    await learning.start_learning(svc, caller(), "ops")
    reply = await learning.skill_deep_dive(svc, caller(), "what comes after docker")
    assert reply.cards[0].title == "Phase 3: CI/CD (Weeks 9-12)"


async def test_what_comes_after_a_topic_no_part_is_about_says_so(tmp_path: Path, store: Store) -> None:
    svc = services(tmp_path, store, ops=CICD, ship=SHIP)
    with pytest.raises(UserError, match=r"^Nothing in SHIP Path is about 'kafka' to count from\. Ask about a topic"):
        await learning.skill_deep_dive(svc, caller(), "what comes after kafka", role="ship")
    with pytest.raises(UserError, match=r"^No path has anything about 'kafka' to count from\. .*`/skill-deep-dive "):
        await learning.skill_deep_dive(svc, caller(), "before kafka")


NO_H1 = (
    "## Phase 1: Linux (Weeks 1-4)\n### Learn Linux\n- Permissions\n- Processes\n\n"
    "## Phase 2: Containers (Weeks 5-8)\n### Learn Docker\n- Images and layers\n- Volumes\n"
    "### Docker in production\n- Image scanning\n"
)
WITH_H1 = "# Ops Roadmap\n\n" + NO_H1


@pytest.mark.parametrize("body", [NO_H1, WITH_H1])
async def test_a_sections_breadcrumb_names_its_phase_with_or_without_a_file_title(
    tmp_path: Path, store: Store, body: str
) -> None:
    svc = services(tmp_path, store, ops=body)
    reply = await learning.skill_deep_dive(svc, caller(), "learn docker")
    assert reply.cards[0].title == "Learn Docker"
    assert description(reply).startswith("*Phase 2: Containers (Weeks 5-8) › Learn Docker*")


async def test_a_menu_entry_names_where_a_heading_is_without_repeating_its_own_title(
    tmp_path: Path, store: Store
) -> None:
    swarm = WITH_H1 + "\n## Phase 3: Docker Swarm (Weeks 9-10)\n- Services\n"
    svc = services(tmp_path, store, ops=swarm)
    reply = await learning.skill_deep_dive(svc, caller(), "docker")
    options = selects(reply)[0].options
    assert {o.label for o in options} >= {"Phase 3: Docker Swarm (Weeks 9-10)", "Docker in production"}
    assert all(not o.description.endswith((f"› {o.label}", f"· {o.label}")) for o in options), options
    where = {o.label: o.description for o in options}
    assert where["Phase 3: Docker Swarm (Weeks 9-10)"] == "OPS Path"
    assert where["Docker in production"] == "OPS Path · Phase 2: Containers (Weeks 5-8)"


STAGE = (
    "## Stage 3 — APIs (Weeks 1-6)\n### 3.1 REST\n- Status codes\n### 3.3 Authentication & security\n- OAuth 2.0\n"
    "#### ✅ Stage 3 project\n- [ ] Build a REST API with auth\n"
)


async def test_a_phases_deep_dive_labels_a_part_under_the_part_above_it_by_its_own_title(
    tmp_path: Path, store: Store
) -> None:
    svc = services(tmp_path, store, api=STAGE)
    reply = await learning.skill_deep_dive(svc, caller(), "stage 3", role="api")
    body = description(reply)
    assert "**3.3 Authentication & security:**" in body
    assert "**✅ Stage 3 project:**" in body
    assert "› ✅ Stage 3 project" not in body


AWESOME = (
    "# Awesome Rust\n\n> Resources that helped us.\n\n## Getting Started\n\n### Books\n"
    "- [The Book](https://doc.rust-lang.org/book/) - Read it first.\n\n### Interactive\n"
    "- [Rustlings](https://github.com/rust-lang/rustlings) - Small exercises.\n\n"
    "## Going Further\n\nPick one area.\n\n### Async\n- [Tokio tutorial](https://tokio.rs/tokio/tutorial)\n\n"
    "## License\n\nCC0.\n"
)


async def test_a_section_shows_the_sub_headings_under_it_with_their_text(tmp_path: Path, store: Store) -> None:
    svc = services(tmp_path, store, rust=AWESOME)
    reply = await learning.skill_deep_dive(svc, caller(), "getting started")
    assert reply.cards[0].title == "Getting Started"
    assert description(reply) == (  # its title once: a breadcrumb of itself alone would say it again
        "**Books:**\n- [The Book](https://doc.rust-lang.org/book/) - Read it first.\n\n"
        "**Interactive:**\n- [Rustlings](https://github.com/rust-lang/rustlings) - Small exercises."
    )
    further = description(await learning.skill_deep_dive(svc, caller(), "going further"))
    assert further == ("Pick one area.\n\n**Async:**\n- [Tokio tutorial](https://tokio.rs/tokio/tutorial)")
    title = description(await learning.skill_deep_dive(svc, caller(), "awesome rust"))
    assert title == "> Resources that helped us."  # the file's title: its own text, not the whole file


async def test_a_section_of_phases_shows_each_as_phase_shows_it(tmp_path: Path, store: Store) -> None:
    plan = (
        "# Ops\n\n## Learning Path\n\n### Phase 1: Linux (Weeks 1-2)\n**Objective:** Use a shell.\n\n#### Tools\n"
        "- grep\n- [ ] Write a script\n\n### Phase 2: Docker (Weeks 3-4)\n- Images\n\n## Resources\n- a book\n"
    )
    svc = services(tmp_path, store, ops=plan)
    shown = description(await learning.skill_deep_dive(svc, caller(), "learning path"))
    assert shown == (
        "**Phase 1: Linux (Weeks 1-2):**\n**Objective:** Use a shell.\n\n**Tools:**\n- grep\n"
        "- Write a script\n\n**Phase 2: Docker (Weeks 3-4):**\n- Images"
    )


async def test_a_topic_only_another_path_teaches_says_so_to_a_learner_on_a_path(tmp_path: Path, store: Store) -> None:
    svc = services(tmp_path, store, ops=OPS, rust=RUST)
    await learning.start_learning(svc, caller(), "rust")
    reply = await learning.skill_deep_dive(svc, caller(), "linux")
    assert reply.cards[0].title == "Learn Linux"
    assert description(reply).startswith("From OPS Path, a path you don't follow: none of yours has a closer match.")
    # On the learner's own path, or for someone on no path, nothing is said.
    own = await learning.skill_deep_dive(svc, caller(), "cargo")
    assert "a path you don't follow" not in description(own)
    nobody = await learning.skill_deep_dive(svc, caller(user_id=77), "linux")
    assert "a path you don't follow" not in description(nobody)


BOOTCAMP = (
    "## Module 1 — Terminal\n*Days 1–8 · taught by Ana*\n\n#### Day 1 (Mon) · Folders\n- cd, ls\n"
    "#### Day 8 (Tue) · Pipes\n- grep and sort\n\n"
    "## Module 2 — Spreadsheets\n\n| Day | Topic | Exercise |\n|---|---|---|\n| 9 | Formulas | budget sheet |\n"
    "| 10 | Lookups | price list |\n\n## Module 3 — Statistics\n\n1. **Day 13** — Means\n2. **Day 14** — Sampling\n"
)


async def test_a_day_of_a_modules_table_shows_that_days_row(tmp_path: Path, store: Store) -> None:
    svc = services(tmp_path, store, camp=BOOTCAMP)
    reply = await learning.skill_deep_dive(svc, caller(), "day 10")
    body = description(reply)
    assert body.startswith("Day 10 of CAMP Path is in Phase 2: Spreadsheets (week 3).")
    assert "- Lookups — Day: 10 · Exercise: price list" in body
    assert "Formulas" not in body
    heading = await learning.skill_deep_dive(svc, caller(), "day 8")
    assert "grep and sort" in description(heading)
