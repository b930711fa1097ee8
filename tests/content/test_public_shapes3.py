"""More shapes found in public roadmaps (roadmap.sh exports, syllabi, HTML READMEs, bare links), written small."""

from __future__ import annotations

import pytest

from bot.content.loader import parse_bytes
from bot.content.search import SearchIndex
from bot.handlers.learning import phase_body
from tests.content.helpers import role_file


def parse(body: str, extra: str = ""):
    text = role_file(body=body, extra=extra)
    role, problems = parse_bytes(text.encode(), "x.md")
    assert role is not None, problems
    return role, problems, text


def titles(role, kind: str = "topic") -> list[str]:
    return [s.title for s in role.sections if s.kind == kind]


def section(role, title: str):
    (found,) = [s for s in role.sections if s.title == title]
    return found


def test_a_paragraph_under_a_task_is_the_tasks_not_the_topic_before_it():
    body = (
        "# T\n\n## Phase 1: A (Weeks 1-2)\n- Topic A\n- [ ] Read the book\n\n"
        "  📖 [Pro Git](https://git-scm.com/book/en/v2)\n- Topic C\n"
    )
    role, _, _ = parse(body)
    assert [t.text for t in role.phases[0].topics] == ["Topic A", "Topic C"]
    (item,) = role.checklist
    assert item.text == "Read the book"
    # /phase shows the note with its task, and the task's entry holds it
    assert phase_body(role.phases[0], role.checklist) == (
        "- Topic A\n\n⬜ Read the book 📖 [Pro Git](https://git-scm.com/book/en/v2)\n- Topic C"
    )
    assert section(role, "Read the book").text == "Read the book\n📖 [Pro Git](https://git-scm.com/book/en/v2)"


def test_a_table_after_a_bold_label_alone_is_the_labels():
    body = (
        "# T\n\n## Phase 1: Cloud (Weeks 1-4)\n- EC2\n\n**Certifications**\n\n"
        "| Cert | Level |\n| --- | --- |\n| Cloud Practitioner | Entry |\n"
    )
    role, _, _ = parse(body)
    phase = role.phases[0]
    assert [t.text for t in phase.topics] == ["EC2"]
    (part,) = phase.subsections
    assert part.label == "Certifications"
    assert [t.title for t in part.topics] == ["Cloud Practitioner"]


def test_a_label_with_text_of_its_own_still_ends_at_a_blank_line():
    body = "# T\n\n## Phase 1: A (Weeks 1-2)\n**SQL:** joins and indexes\n\nSome prose for the phase.\n"
    role, _, _ = parse(body)
    (part,) = role.phases[0].subsections
    assert part.text == "joins and indexes"
    assert "Some prose for the phase." in role.phases[0].text


def test_closing_hashes_after_a_tab_are_not_the_title():
    role, _, _ = parse("# T\n\n##\tTools\t##\n- curl\n\n## C\\# basics\n- types\n")
    assert titles(role, "section")[1:] == ["Tools", "C# basics"]


def test_a_bullet_of_a_name_and_a_bare_url_is_titled_by_the_name():
    body = (
        "# T\n\n## Links\n- Hash tables: https://en.wikipedia.org/wiki/Hash_table\n"
        "- Beej's guide to network programming https://beej.us/guide/bgnet/\n"
        "- https://teachyourselfcs.com/\n"
    )
    role, _, _ = parse(body)
    assert titles(role) == ["Hash tables", "Beej's guide to network programming", "teachyourselfcs.com"]


def test_what_is_nested_under_a_bullet_shows_with_it_and_stays_an_entry_of_its_own():
    body = (
        "# Security\n\n- **Offensive security**\n  - Web attacks\n    - [OWASP Top 10](https://owasp.org/)\n"
        "  - [ ] Root 10 easy machines\n- Defensive security\n"
    )
    role, _, _ = parse(body)
    assert section(role, "Offensive security").text == (
        "**Offensive security**\n- Web attacks\n  - [OWASP Top 10](https://owasp.org/)\n- ☐ Root 10 easy machines"
    )
    assert section(role, "Web attacks").text == "Web attacks\n- [OWASP Top 10](https://owasp.org/)"
    # Searching a nested bullet finds it first, not the bullets it is nested under.
    hits = SearchIndex([role]).search("owasp")
    assert [h.section.title for h in hits] == ["OWASP Top 10"]


def test_bare_urls_stay_whole_clickable_links():
    body = (
        "# T\n\n## Links\n- Python: https://en.wikipedia.org/wiki/Python_(programming_language).\n"
        "- Init: https://docs.python.org/3/reference/datamodel.html#object.__init__ explained\n"
        "- Start at www.learn-c.org, it is quick\n"
        "- **Playlist:** https://www.youtube.com/watch?v=zu&list=PL_some_id_\n"
        "- [Named](https://example.com/a_b) and `https://in.code/span_` stay as they are\n"
    )
    role, _, text = parse(body)
    assert [t.text for t in role.sections if t.kind == "topic"] == [
        "Python: <https://en.wikipedia.org/wiki/Python_(programming_language)>.",
        "Init: <https://docs.python.org/3/reference/datamodel.html#object.__init__> explained",
        "Start at [www.learn-c.org](http://www.learn-c.org), it is quick",
        "**Playlist:** <https://www.youtube.com/watch?v=zu&list=PL_some_id>\\_",
        "[Named](https://example.com/a_b) and `https://in.code/span_` stay as they are",
    ]
    assert titles(role)[:2] == [
        "Python",
        "Init: https://docs.python.org/3/reference/datamodel.html#object.__init__ explained",
    ]


def test_a_bare_url_in_a_task_is_a_link_of_the_task():
    role, _, _ = parse("# T\n\n## Practice\n- [ ] Solve 20 problems on https://leetcode.com/problemset/?page=1\n")
    (item,) = role.checklist
    assert item.text == "Solve 20 problems on https://leetcode.com/problemset/?page=1"
    assert item.md == "Solve 20 problems on <https://leetcode.com/problemset/?page=1>"


def test_a_bare_url_in_emphasis_keeps_the_emphasis_marks_outside_it():
    role, _, _ = parse("# T\n\n## Links\n- _https://x.com/a_ and **see https://a.b/c_d** now\n")
    assert titles(role) == ["https://x.com/a and see https://a.b/c_d now"]
    assert section(role, titles(role)[0]).text == "*<https://x.com/a>* and **see <https://a.b/c_d>** now"


def test_github_emoji_shortcodes_are_emoji():
    body = (
        "# :iphone: Android\n\n## :one: Phase 1: Kotlin (Weeks 1-3)\n- :white_check_mark: Null safety\n"
        "- Ratio 16:9 and 10:30:45 stay, :not_an_emoji: too\n\n## :two: Phase 2: Compose (Weeks 4-6)\n"
        "- [ ] :heavy_check_mark: Build a notes app :tada:\n"
    )
    role, _, _ = parse(body)
    assert role.title == "📱 Android"
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [(1, "Kotlin", (1, 3)), (2, "Compose", (4, 6))]
    assert [t.text for t in role.phases[0].topics] == [
        "✅ Null safety",
        "Ratio 16:9 and 10:30:45 stay, :not_an_emoji: too",
    ]
    assert [i.text for i in role.checklist] == ["✔️ Build a notes app 🎉"]


@pytest.mark.parametrize(
    ("heading", "weeks", "title"),
    [
        ("## Semaine 1 : Les bases du HTML", (1, 1), "Les bases du HTML"),
        ("## Semaines 4 à 7 : JavaScript", (4, 7), "JavaScript"),
        ("## Fase 3: Machine Learning (Settimane 9-14)", (9, 14), "Machine Learning"),
        ("## Mese 2: Statistica", (5, 8), "Statistica"),
        ("## Mois 2 : Le back-end", (5, 8), "Le back-end"),
        ("## Etapa 2: Node.js (Semanas 4 até 7)", (4, 7), "Node.js"),
        ("## Mês 3: Deploy", (9, 12), "Deploy"),
        ("## Jours 1-14 : Installation", (1, 2), "Installation"),
        ("## Giorni 1-14: Installazione", (1, 2), "Installazione"),
    ],
)
def test_french_italian_and_portuguese_units_read_as_english_ones(heading: str, weeks: tuple[int, int], title: str):
    role, problems, _ = parse(f"# Plan\n\n{heading}\n- a topic\n")
    assert [(p.weeks, p.title) for p in role.phases] == [(weeks, title)], problems


def test_objective_labels_in_french_italian_and_portuguese():
    for label in ("Objectif", "Obiettivo", "Objetivos"):
        role, _, _ = parse(f"# Plan\n\n## Phase 1: A (Weeks 1-2)\n\n**{label} :** Do it.\n- a topic\n")
        assert role.phases[0].objective == "Do it.", label
        assert role.phases[0].subsections == ()


def test_html_shown_and_details_summaries_are_headings():
    body = (
        '<p align="center"><img src="https://example.com/banner.png" alt="banner"></p>\n\n'
        '<h1 align="center">Frontend in 8 Weeks</h1>\n\n## The plan\n\n'
        "<details>\n<summary><b>Week 1 &mdash; HTML</b></summary>\n\n- Forms and inputs\n- [ ] Build a bio page\n\n"
        "</details>\n\n<details>\n<summary>Weeks 2-3 — CSS</summary>\n<br>\n\n- Flexbox\n\n</details>\n\n"
        '## Contributing\n\n<a href="https://github.com/x/y/blob/main/CONTRIBUTING.md">Read the guide</a> first.\n'
    )
    role, _, _ = parse(body)
    assert role.title == "Frontend in 8 Weeks"
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [(1, "HTML", (1, 1)), (2, "CSS", (2, 3))]
    assert [t.text for t in role.phases[0].topics] == ["Forms and inputs"]
    assert [(i.group, i.phase) for i in role.checklist] == [("Week 1 — HTML", 1)]
    assert section(role, "Contributing").text == (
        "[Read the guide](https://github.com/x/y/blob/main/CONTRIBUTING.md) first."
    )


def test_a_body_of_html_with_a_heading_and_a_list_is_read_with_no_warning():
    role, problems, _ = parse("<h2>Plan</h2>\n<ul>\n<li>HTML basics</li>\n</ul>\n")
    assert section(role, "Plan").text == "- HTML basics"
    assert not any("which the bot does not read" in p.message for p in problems)


def test_phase_shows_tasks_where_they_are_written_with_their_notes_and_subtasks():
    body = (
        "# T\n\n## Phase 1: Python (Weeks 1-4)\n- Built-in types\n"
        "- [ ] Write functions with default arguments\n   - note: avoid mutable defaults\n"
        "- [ ] Build a REST API\n    - [ ] Path parameters\n    - [ ] Request bodies\n- Decorators\n"
    )
    role, _, _ = parse(body)
    phase = role.phases[0]
    items = [i for i in role.checklist if i.phase == 1]
    assert phase_body(phase, items) == (
        "- Built-in types\n\n"
        "⬜ Write functions with default arguments\n"
        "  - note: avoid mutable defaults\n\n"
        "⬜ Build a REST API\n"
        "\u2003⬜ Path parameters\n"
        "\u2003⬜ Request bodies\n"
        "- Decorators"
    )


def test_a_syllabus_line_is_titled_by_what_it_is_about_not_by_its_kind():
    body = (
        "# T\n\n## Module 1\n- Video: Gradient descent, step by step (15 min)\n"
        "- Reading: Course resources, FAQ and help (10 min)\n- Tools: git, make, docker\n"
    )
    role, _, _ = parse(body)
    assert titles(role) == [
        "Video: Gradient descent, step by step (15 min)",
        "Reading: Course resources, FAQ and help (10 min)",
        "Tools",
    ]


def test_a_title_keeps_its_quotes_and_code_spans_whole():
    body = (
        '# T\n\n## Git\n- Find the commit you "lost"\n- `git config --global user.name "Your Name"`\n'
        '- Null safety, `?.` and `?:`\n- "Clean Code"\n'
    )
    role, _, _ = parse(body)
    assert titles(role) == [
        'Find the commit you "lost"',
        'git config --global user.name "Your Name"',
        "Null safety, ?. and ?:",
        "Clean Code",
    ]


def test_beginner_intermediate_advanced_sections_are_the_phases_of_a_file_without_any():
    body = (
        "# Skills\n\n## 🌱 Beginner\nGet comfortable.\n- Spreadsheets\n\n## Intermediate (2-3 months)\n- JOINs\n\n"
        "## Advanced: Own the analysis\n- [ ] Design an A/B test\n\n## Resources\n- Kaggle\n"
    )
    role, problems, _ = parse(body)
    assert [(p.number, p.title, p.weeks, p.planned) for p in role.phases] == [
        (1, "Beginner", (1, 4), True),
        (2, "Intermediate", (5, 14), False),
        (3, "Advanced: Own the analysis", (15, 18), True),
    ]
    assert role.phases[0].objective == "Get comfortable."
    assert next(s for s in role.sections if s.title == "Resources").phase is None
    assert [i.phase for i in role.checklist] == [3]
    # Fewer than three, out of order, or in a file that has phases: sections.
    for other in (
        "# S\n\n## Beginner\n- a\n## Advanced\n- b\n",
        "# S\n\n## Advanced\n- a\n## Beginner\n- b\n## Intermediate\n- c\n",
        "# S\n\n## Phase 1: A (Weeks 1-2)\n### Beginner\n- a\n### Intermediate\n- b\n### Advanced\n- c\n",
    ):
        role, _, _ = parse(other)
        assert [p.title for p in role.phases] in ([], ["A"]), other


def test_ticks_that_mark_some_items_of_a_list_are_picks_not_tasks():
    body = (
        "# Backend\n\n- Pick a Language\n  - ✔️ Go — Recommended\n    - [A Tour of Go](https://go.dev/tour/)\n"
        "  - ✔️ Python\n  - Java\n- Caching\n  - ✅ Redis\n  - ✅ Memcached\n"
    )
    role, _, _ = parse(body)
    # Go and Python are picked among the languages; every cache is ticked: those are a checklist.
    assert [i.text for i in role.checklist] == ["Redis", "Memcached"]
    assert section(role, "✔️ Go — Recommended").text == ("✔️ Go — Recommended\n- [A Tour of Go](https://go.dev/tour/)")


def test_front_matter_that_blogs_and_site_generators_add_is_kept_without_a_warning():
    text = (
        "---\nname: \"sre\"\ndisplayName: 'Site Reliability'\ndescription: >\n  Two lines\n  of text.\n"
        'title: "SRE: a roadmap"\nauthor:\n  name: Jamie\ndate: 2024-03-18\ntags: [sre, "ops: basics"]\n'
        "draft: false\ndifficulty: hard\n---\n# SRE\n\n## Phase 1: Linux (Weeks 1-2)\n- shells\n"
    )
    role, problems = parse_bytes(text.encode(), "sre.md")
    assert role is not None and role.description == "Two lines of text."
    assert [p.message for p in problems] == [
        "unknown front-matter field 'difficulty' (kept, but the bot does not use it)"
    ]
    assert role.extra["tags"] == ["sre", "ops: basics"] and role.extra["author"] == {"name": "Jamie"}


def test_a_bold_italic_line_is_a_label():
    body = "# T\n\n## Phase 1: Kotlin (Weeks 1-3)\n- Null safety\n\n___Tools you need:___\n- Android Studio\n"
    role, _, _ = parse(body)
    (part,) = role.phases[0].subsections
    assert (part.label, [t.text for t in part.topics]) == ("Tools you need", ["Android Studio"])
    assert [t.text for t in role.phases[0].topics] == ["Null safety"]


def test_html_shown_in_a_comment_or_a_pre_block_are_not_headings():
    body = (
        "# T\n\n<!--\n<h2>Phase 9: Commented out (Weeks 1-2)</h2>\n-->\n\n"
        "<pre>\n<h2>Phase 8: An example (Weeks 3-4)</h2>\n</pre>\n\n<div>\n<!-- <summary>Week 1</summary> -->\n</div>\n\n"
        "<h2>Resources</h2>\n\n- a book\n"
    )
    role, _, _ = parse(body)
    assert role.self_paced
    assert [(s.title, s.line) for s in role.sections if s.kind == "section"] == [("T", 8), ("Resources", 22)]
