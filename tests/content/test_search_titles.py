"""A section's or phase's own title, typed exactly or nearly (a plural), ranks above a bullet holding the words."""

from __future__ import annotations

import pytest

from bot.content.loader import parse_bytes
from bot.content.search import SearchIndex
from tests.content.helpers import role_file


def index(*bodies: str) -> SearchIndex:
    roles = []
    for n, body in enumerate(bodies):
        role, problems = parse_bytes(role_file(f"role-{n}", body=body).encode(), f"role-{n}.md")
        assert role is not None, problems
        roles.append(role)
    return SearchIndex(roles)


def titles(found: SearchIndex, query: str) -> list[str]:
    return [h.section.title for h in found.search(query)]


LISTS = "# Prep\n\n## Linked Lists\n- [ ] [Singly Linked Lists (video)](https://example.com/sll)\n- [ ] Doubly-linked List\n"
GRID = (
    "## Week 1: HTML\n- Tags\n\n## Week 2: CSS Grid\n- Named areas\n"
    "- 🎮 [Grid Garden](https://cssgridgarden.com/) · 📖 [CSS Grid guide](https://css-tricks.com/grid/)\n"
)
DOCKER = (
    "## Phase 3: Containers (Weeks 8-11)\n### Learn Docker\n- Images and layers\n\n"
    "| Tool | Use it for |\n|---|---|\n| Docker | Building and running containers |\n| Podman | Daemonless |\n"
)


def test_a_sections_title_in_the_plural_ranks_above_an_item_that_holds_the_words():
    assert titles(index(LISTS), "linked list")[:2] == ["Linked Lists", "Doubly-linked List"]


def test_a_phases_own_title_ranks_above_a_bullet_that_holds_the_words():
    found = index(GRID)
    assert titles(found, "css grid")[0] == "Week 2: CSS Grid"
    # the words of its week are no part of its own title: 'grid' is half of it, no exact title, but the phase is
    # still more about grid than a bullet of links that mentions it among other words
    best = found.search("grid")[0]
    assert (best.section.title, best.exact) == ("Week 2: CSS Grid", False)
    assert best.score < found.search("css grid")[0].score


def test_a_title_typed_word_for_word_ranks_above_one_that_only_shares_its_topic_words():
    found = index(DOCKER)
    assert titles(found, "learn docker")[:2] == ["Learn Docker", "Docker"]
    assert titles(found, "docker")[0] == "Docker"


STAGES = (
    "## Stage 1 — Foundations (Weeks 1-6)\n### 1.1 How the Internet works\n- DNS\n### 1.2 A first language\n"
    "- Python\n#### ✅ Stage 1 project\n- [ ] Build a CLI\n\n"
    "## Stage 2 — Databases (Weeks 7-12)\n### 2.1 Relational databases\n- SQL joins, 1NF to 3NF\n### 2.2 NoSQL\n"
    "- Redis\n#### ✅ Stage 2 project\n- [ ] Design a schema\n"
)


def test_a_headings_label_typed_alone_finds_that_heading_first():
    found = index(STAGES)
    assert titles(found, "stage 2")[0] == "Stage 2 — Databases (Weeks 7-12)"
    assert titles(found, "Stage 1")[0] == "Stage 1 — Foundations (Weeks 1-6)"
    assert titles(found, "1.2")[0] == "1.2 A first language"
    assert titles(found, "2.1")[0] == "2.1 Relational databases"
    # words beside the label are searched as usual
    assert titles(found, "stage 2 project")[0] == "✅ Stage 2 project"


KUBERNETES = (
    "## Phase 5: Kubernetes & Terraform (Weeks 15-20)\n### Learn Kubernetes\n"
    "- [Kubernetes the Hard Way](https://example.com/k8s)\n- Pods and deployments\n\n"
    "## Phase 6: Cloud (Weeks 21-24)\n- Add dashboards and alerts to your Kubernetes app\n"
)


def test_a_typo_of_a_titles_only_word_finds_that_title_before_longer_ones_holding_it():
    found = index(KUBERNETES)
    assert titles(found, "kuberntes")[0] == "Learn Kubernetes"
    assert titles(found, "kubernets")[0] == "Learn Kubernetes"
    # a typo is no exact title: it does not get the certain score a title typed as written gets
    assert found.search("kuberntes")[0].score < found.search("kubernetes")[0].score


def test_a_typo_of_a_phases_own_title_finds_the_phase():
    found = index("## Week 1: Kubernetes\n- Pods in practice\n- Kubernetes the hard way\n\n## Week 2: Cloud\n- VPCs\n")
    assert titles(found, "kuberntes")[0] == "Week 1: Kubernetes"


def test_a_table_of_contents_whose_links_are_dropped_is_no_entry():
    toc = (
        "# Roadmap\n\n## 📑 Table of Contents\n\n- [Stage 1](#stage-1)\n- [Stage 2](#stage-2)\n\n"
        "## Stage 1 — Basics (Weeks 1-2)\n- Contents of a page\n\n## Stage 2 — More (Weeks 3-4)\n"
        "### Tables\n\n## Glossary\n"
    )
    found = index(toc)
    assert "📑 Table of Contents" not in titles(found, "table of contents")
    assert titles(found, "table of contents")[0] == "Contents of a page"
    # an empty heading that holds others is still a place to go to, and an empty phase still a phase
    role = found.roles["role-0"]
    assert {"Stage 2 — More (Weeks 3-4)", "Tables", "Glossary"} <= {s.title for s in role.sections}


def test_a_bullets_title_leaves_out_a_link_after_a_dash_and_an_items_title_its_final_colon():
    body = (
        "## Phase 1: APIs (Weeks 1-2)\n- OAuth 2.0 and OpenID Connect — [OAuth 2.0 simplified](https://www.oauth.com/)\n"
        "- Lecture: useEffect — [reading](https://react.dev/reference/react/useEffect)\n"
        "- Caching - [MDN](https://developer.mozilla.org/) · [RFC 9111](https://example.com/rfc)\n"
        "- Rate limiting — token buckets and [a post](https://example.com/post)\n"
        "- [ ] Implement a vector (mutable array with automatic resizing):\n  - [ ] size()\n"
    )
    found = index(body)
    role = found.roles["role-0"]
    shown = {s.title for s in role.sections if s.kind in ("topic", "checklist")}
    assert {
        "OAuth 2.0 and OpenID Connect",
        "Lecture: useEffect",
        "Caching",
        "Rate limiting — token buckets and a post",  # a note with a link in it is part of the title
        "Implement a vector (mutable array with automatic resizing)",
    } <= shown
    # the item itself is as written: its ID and the checklist keep the text
    assert role.checklist[0].text == "Implement a vector (mutable array with automatic resizing):"
    # the link's words are still found
    assert titles(found, "oauth simplified")[0] == "OAuth 2.0 and OpenID Connect"


# A self-paced path (no weeks: nothing in it is "on the path") beside a bootcamp whose bullets mention its titles.
CS = (
    "# CS\n\n## Trees\nA tree is a graph without cycles.\n\n- [ ] Binary search trees: BSTs\n\n"
    "## Sorting\nKnow the best and worst case of each sort.\n\n- Merge sort\n\n## Linked Lists\n"
    "- Later, go back and do another 2 or 3 linked list problems.\n- [ ] Doubly-linked List\n"
    "  - [Description (video)](https://example.com/dll)\n  - No need to implement\n"
)
BOOTCAMP = (
    "## Week 2: NumPy and pandas\n- Selecting, filtering, sorting\n\n"
    "## Week 7: Classification\n### Day 3 — Forests\n- Decision trees\n"
)


def test_a_heading_titled_by_the_query_ranks_above_bullets_of_other_paths_that_mention_it():
    found = index(CS, BOOTCAMP)
    assert titles(found, "trees")[:2] == ["Trees", "Decision trees"]
    assert titles(found, "sorting")[0] == "Sorting"


def test_a_long_sentence_that_mentions_the_words_ranks_below_a_short_title_of_them():
    found = index(CS)
    assert titles(found, "linked list")[:3] == [
        "Linked Lists",
        "Doubly-linked List",
        "Later, go back and do another 2 or 3 linked list problems.",
    ]


def test_a_typo_in_one_word_of_a_title_keeps_it_above_titles_that_only_mention_the_words():
    found = index(CS)
    assert titles(found, "linkd list")[:2] == ["Linked Lists", "Doubly-linked List"]
    # the typo is still no title typed as written
    assert found.search("linkd list")[0].score < found.search("linked lists")[0].score


SUMMARY = (
    "# OSSU\n\n## Summary\n- *Final Project*: a project for students to validate, consolidate, and display "
    "their knowledge\n- [Trees](https://example.com/trees)\n\n## Curriculum\n### Final project\n"
    "OSSU CS's final project is a way for you to validate your knowledge.\n\n### Trees\nA tree is a graph.\n"
)


def test_a_heading_titled_by_the_query_ranks_above_a_bullet_of_the_same_title():
    found = index(SUMMARY)
    assert [(h.section.title, h.section.kind) for h in found.search("final project")][:2] == [
        ("Final project", "section"),
        ("Final Project", "topic"),
    ]
    assert [h.section.kind for h in found.search("trees")][:2] == ["section", "topic"]


STAGES_MISSPELT = (
    "## Stage 4: Contaners with Docker (Week 8-10)\n> 💡 **Tip:** Don't jump to Kubernetes before you understand "
    "Docker!\n\n- Dockerfile\n- Docker containers vs virtual machines\n\n## Stage 8 : Kubernets (Week 21-25)\n"
    "This is the big one.\n\n- Pods, Deployments\n\n**📚 Resources :**\n\n"
    "- 📖 [Kubernetes official tutorials](https://kubernetes.io/docs/tutorials/)\n"
    "- 🎮 [Killercoda Kubernetes playground](https://killercoda.com/playgrounds)\n\n"
    "## Stage 9 : Monitoring and Loging (Week 26-28)\n- Prometheus and Grafana\n- Centralized logging with Loki\n"
    "- [ ] Container basics\n- [ ] containerd\n"
)


def test_a_title_the_author_misspelt_is_found_first_by_the_word_spelt_right():
    found = index(STAGES_MISSPELT)
    assert titles(found, "kubernetes")[0] == "Stage 8 : Kubernets (Week 21-25)"
    assert titles(found, "containers with docker")[0] == "Stage 4: Contaners with Docker (Week 8-10)"
    assert titles(found, "monitoring and logging")[0] == "Stage 9 : Monitoring and Loging (Week 26-28)"
    # a word built on the one typed is another word, not a slip: 'containerd' is no misspelt 'container'
    assert titles(found, "container")[0] == "Container basics"


NAMES = (
    "# CIU\n\n## Algorithmic complexity / Big-O / Asymptotic analysis\nNothing to implement here.\n\n"
    "- [ ] [UC Berkeley Big O (video)](https://example.com/bigo)\n"
    "- Coming up with time and space complexity for your solutions (see Big-O below)\n\n"
    "## Trees\n### Heap / Priority Queue / Binary Heap\n- [ ] Implement a max-heap\n"
    "- [ ] Binary heap vs priority queue (video)\n"
)


def test_a_title_that_names_its_topic_several_ways_is_titled_by_each_name():
    found = index(NAMES)
    heading = "Algorithmic complexity / Big-O / Asymptotic analysis"
    for query in ("big o", "Big-O", "asymptotic analysis", "algorithmic complexity"):
        assert titles(found, query)[0] == heading, query
    for query in ("priority queue", "binary heap", "heaps"):
        assert titles(found, query)[0] == "Heap / Priority Queue / Binary Heap", query
    # a name is the query nearly, not as written
    assert found.search("big o")[0].score < found.search("algorithmic complexity big o asymptotic analysis")[0].score


COURSES = (
    "# OSSU\n\n## Core systems\n\nTopics covered: `operating systems` `networking`\n\n"
    "Courses | Duration | Effort | Prerequisites\n:-- | :--: | :--: | :--:\n"
    "[Operating Systems: Three Easy Pieces](https://pages.cs.wisc.edu/~remzi/OSTEP/) | 10-12 weeks | "
    "6-10 hours/week | Nand to Tetris Part II\n\n## Tracking my progress\n\n- [ ] Operating Systems: Three Easy Pieces\n"
)


def test_a_course_with_its_link_and_details_ranks_above_a_bare_checklist_line_of_its_title():
    found = index(COURSES)
    hits = found.search("operating systems")
    assert [(h.section.title, h.section.kind) for h in hits][:2] == [
        ("Operating Systems: Three Easy Pieces", "topic"),
        ("Operating Systems: Three Easy Pieces", "checklist"),
    ]
    assert "https://pages.cs.wisc.edu/~remzi/OSTEP/" in hits[0].section.text


NAND = (
    "# OSSU\n\n## Core systems\n\nCourses | Duration | Prerequisites\n:-- | :--: | :--:\n"
    "[Build a Modern Computer from First Principles: From Nand to Tetris](https://www.coursera.org/learn/build-a-computer)"
    " ([alternative](https://www.nand2tetris.org/)) | 6 weeks | C-like programming language\n\n"
    "## Advanced systems\n\nCourses | Duration | Prerequisites\n:-- | :--: | :--:\n"
    "[Computation Structures 1: Digital Circuits](https://learning.edx.org/course/6-004) | 10 weeks | "
    "[Nand2Tetris II](https://www.coursera.org/learn/nand2tetris2)\n"
)


def test_a_name_written_with_a_number_between_its_words_finds_the_title_that_spells_them_out():
    found = index(NAND)
    assert titles(found, "nand2tetris")[0].startswith(
        "Build a Modern Computer from First Principles: From Nand to Tetris"
    )
    # the course that only lists it as a prerequisite still comes
    assert titles(found, "nand2tetris")[1] == "Computation Structures 1: Digital Circuits"


TOOLS = (
    "# Frontend\n\n## How to use it\nYou should use git to follow along, and star the repo you use.\n\n"
    "## Why use it?\nIt should help you, whatever you use.\n\n## Build Tools\n### Module Bundlers\n- Vite\n- esbuild\n"
    "- [Module Bundlers Explained](https://example.com/bundlers)\n\n## Use cases\n- Single-page apps\n"
)


@pytest.mark.parametrize(
    "query", ["which bundler should i use", "What bundler should I use?", "which bundlers can you recommend"]
)
def test_the_words_a_question_is_asked_in_count_for_little(query):
    found = index(TOOLS)
    assert titles(found, query)[:2] == ["Module Bundlers", "Module Bundlers Explained"]
    # alone, they are what is searched, and a title that holds them is still the query typed as written
    assert titles(found, "how to use it")[0] == "How to use it"
    assert [(h.section.title, h.exact) for h in found.search("use cases")][:1] == [("Use cases", True)]


FRAMEWORKS = (
    "# Frontend\n\n## Version Control\n\n- Git\n    - Hooks: pre-commit, pre-push\n\n## Pick a Framework\n\n"
    "- ✔️ React — Recommended\n    - Components, JSX, props and state\n"
    "    - Hooks: useState, useEffect, useMemo, useRef, custom hooks\n"
    "    - [React docs (react.dev)](https://react.dev/learn)\n- Vue.js\n\n"
    "## Keep Learning\n\n### Projects to build along the way\n\n- [ ] Rebuild the weather app in React with hooks\n"
)


@pytest.mark.parametrize("query", ["react hooks", "how do I learn react hooks"])
def test_a_nested_topic_is_found_by_the_words_of_the_topic_it_is_nested_under(query):
    found = index(FRAMEWORKS)
    hits = found.search(query)
    assert [h.section.title for h in hits][:3] == ["Rebuild the weather app in React with hooks", "Hooks", "Hooks"]
    assert "useState" in hits[1].section.text  # React's hooks, above Git's
    assert hits[1].score > hits[2].score


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("- [Python Tutorial](https://docs.python.org/3/tutorial/) -- type: tutorial, time: 1h", "Python Tutorial"),
        ("- **Replit** -- type: tool, time: 15m", "Replit"),
    ],
)
def test_a_link_or_bold_name_then_two_hyphens_as_a_dash_is_titled_by_the_name(line: str, title: str):
    found = index(f"# Node\nIntro.\n\n## Resources\n{line}\n- Node.js docs\n")
    query = title.split()[0]
    assert titles(found, query)[0] == title


def test_two_hyphens_of_a_command_stay_in_its_bullets_title():
    found = index("# Git\n\n## Undo\n- Run `git checkout -- notes.txt` to drop a change\n")
    assert titles(found, "checkout")[0] == "Run git checkout -- notes.txt to drop a change"
