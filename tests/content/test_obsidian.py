"""Obsidian's own syntax in a vault's note: comments, callouts, block ids, task tags and embeds."""

from __future__ import annotations

from tests.content.helpers import parse_body, parse_messages, phase_spans, section_titled


def test_comments_show_nowhere_and_lines_stay_exact():
    body = (
        "# Notes\n\n"  # line 8
        "%% Dataview query, do not edit:\n"
        "TABLE status FROM #learning\n"
        "- [ ] not a task, it is inside a comment\n"
        "%%\n\n"
        "## Tasks\n"  # line 15
        "- [ ] Read the docs %% add a link later %% today\n"
        "- [ ] Keep `printf '%%d'` as code\n"
    )
    role, problems = parse_messages(body)
    assert [(i.text, i.line) for i in role.checklist] == [
        ("Read the docs today", 16),
        ("Keep printf '%%d' as code", 17),
    ]
    assert "Dataview" not in section_titled(role, "Notes").text
    assert not [p for p in problems if "%%" in p]


def test_an_unclosed_comment_mark_is_text():
    role, _ = parse_messages("# Notes\n\n## Tasks\n- [ ] Grow coverage by 5%% this week\n")
    assert [i.text for i in role.checklist] == ["Grow coverage by 5%% this week"]


def test_a_titled_callout_is_a_quote_headed_by_its_title_and_no_marker_shows():
    body = (
        "# Kubernetes\n\n"
        "## Why\n"
        "> [!abstract] Why I learn it\n"
        "> Pass the **CKA** by March.\n\n"
        "> [!tip]- Folded tip\n"
        "> Use `kubectl explain`.\n\n"
        "> [!todo]\n"
        "> Untitled, of a kind GitHub does not know.\n\n"
        "> [!WARNING]\n"
        "> A GitHub alert.\n"
    )
    role, _ = parse_messages(body)
    text = section_titled(role, "Why").text
    assert "[!" not in text
    assert "**💡 Why I learn it:**" in text
    assert "**💡 Folded tip:**" in text
    assert "Untitled, of a kind GitHub does not know." in text
    assert "A GitHub alert." in text


def test_callouts_titled_as_weeks_are_the_phases():
    body = (
        "# Kubernetes → CKA\n\n"
        "## Block 1 — Cluster basics\n\n"
        "> [!todo] Week 1 — Architecture\n"
        "> - [ ] Draw the control plane\n\n"
        "> [!todo]- Week 2 — Pods\n"
        "> - [ ] Run a pod\n\n"
        "## Block 2 — Exam\n\n"
        "> [!todo] Weeks 3–5 — Mock exams\n"
        "> - [ ] killer.sh session 1\n\n"
        "> [!tip] Bookmarks\n"
        "> - [kubectl reference](https://kubernetes.io/docs/reference/kubectl/)\n"
    )
    role, problems = parse_messages(body)
    assert phase_spans(role) == [(1, "Architecture", (1, 1)), (2, "Pods", (2, 2)), (3, "Mock exams", (3, 5))]
    assert [(i.text, i.phase) for i in role.checklist] == [
        ("Draw the control plane", 1),
        ("Run a pod", 2),
        ("killer.sh session 1", 3),
    ]
    assert not [p for p in problems if "self-paced" in p or "no phases" in p]


def test_a_callout_in_a_list_or_another_quote_names_no_phase():
    body = "# T\n\n## Plan\n> > [!note] Week 1 — Setup\n> > Install tools.\n"
    role, _ = parse_messages(body)
    assert role.phases == ()
    assert "**ℹ️ Week 1 — Setup:**" in section_titled(role, "Plan").text


def test_block_ids_and_trailing_tags_are_no_part_of_a_task():
    body = (
        "# Lab\n\n## Tasks\n"
        "- [ ] Draw the control plane from memory ^draw-cp\n"
        "- [ ] Create a 3-node cluster #lab #k8s/networking\n"
        "- [ ] Learn C#\n"
        "- [ ] Close issue #1\n"
        "- [ ] #lab\n"
        "- Log: cluster up #lab ^log-1\n"
    )
    role, _ = parse_messages(body)
    assert [i.text for i in role.checklist] == [
        "Draw the control plane from memory",
        "Create a 3-node cluster",
        "Learn C#",
        "Close issue #1",
        "#lab",
    ]
    text = section_titled(role, "Tasks").text
    assert "^log-1" not in text and "cluster up #lab" in text


def test_an_embed_shows_as_its_name_or_nothing_and_asks_for_no_base_url():
    body = "# Notes\n\n![[k8s-architecture.png]]\n\nSee ![[Docker notes]] first.\n"
    role, problems = parse_messages(body)
    text = section_titled(role, "Notes").text
    assert "k8s-architecture" not in text
    assert "See Docker notes first." in text
    assert not [p for p in problems if "baseUrl" in p]


def test_dataview_fields_show_as_labels_and_text_with_double_colons_stays():
    body = (
        "# Note\n\nstatus:: in-progress\n\n## Block 1 — Basics\nweeks:: 1-3\ngoal:: Deploy an app.\n\n"
        "- Use `std::vector` and Foo::bar in C++\n\nWeek 1 :: HTML basics\n"
    )
    role, _ = parse_body(body)
    (block,) = [s for s in role.sections if s.title == "Block 1 — Basics"]
    assert block.text.splitlines()[:2] == ["**weeks:** 1-3", "**goal:** Deploy an app."]
    assert section_titled(role, "Note").text == "**status:** in-progress"
    assert section_titled(role, "Use std::vector and Foo::bar in C++").kind == "topic"  # no field: words of text
    assert "Week 1 :: HTML basics" in section_titled(role, "Block 1 — Basics").text  # a blank before '::': no field
