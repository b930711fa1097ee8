"""A phase's objective taken from its prose: said once, never cut inside emphasis, taken from the prose before its
lists (not a line of links or of facts about the phase), and a label over in-page links that is no search entry."""

from __future__ import annotations

from bot.content.loader import build_index
from bot.domain.today import build_today
from bot.domain.weeks import ScheduledPhase
from bot.handlers.learning import phase_body
from bot.present import today_lines
from tests.content.helpers import parse_body, roadmap


def test_an_objective_from_an_unbolded_goal_line_is_said_once():
    role, _ = parse_body(
        "# Plan\n\n## Phase 1: Sheets (Weeks 1-2)\n\nGoal: be quicker in a sheet than on paper.\n\n- Pivot tables\n\n"
        "## Phase 2: SQL (Weeks 3-4)\n\nFocus: joins first. Then window functions.\n\n- Joins\n"
    )
    assert phase_body(role.phases[0]) == "**Objective:** be quicker in a sheet than on paper.\n\n- Pivot tables"
    # the rest of the line stays, without its label and the sentence the objective says
    assert phase_body(role.phases[1]) == "**Objective:** joins first.\n\nThen window functions.\n\n- Joins"


def test_the_lines_around_an_objective_said_once_stay_one_block():
    role, _ = parse_body(
        "# Plan\n\n**Week 1** — Topic: CSS fundamentals\n\nRead: [CSS basics](https://example.com/css)\n"
        "Key ideas: the cascade, specificity, the box model.\nBuild: style your week 1 page.\n\n"
        "- [ ] Explain specificity to a friend\n\n**Week 2** — Topic: Layout\n\nBuild: a landing page.\n"
    )
    objective = role.phases[0].objective
    assert objective is not None and objective.startswith("Key ideas")
    assert phase_body(role.phases[0]).split("\n")[:4] == [
        f"**Objective:** {objective}",
        "",
        "Read: [CSS basics](https://example.com/css)",
        "Build: style your week 1 page.",
    ]


def test_the_shipped_tracker_says_its_focus_lines_once():
    phase = roadmap("cloud-security-tracker").phases[0]
    shown = phase_body(phase)
    assert shown.startswith(f"**Objective:** {phase.objective}")
    assert "Focus:" not in shown and shown.count("get comfortable with one cloud") == 1


def test_a_first_sentence_in_italics_is_closed_and_the_rest_keeps_its_italics():
    role, _ = parse_body(
        "# Plan\n\n## Phase 1: Python (Weeks 1-2)\n\n*A long one, it took me a month. Keep going.*\n\n- pandas\n\n"
        "## Phase 2: Stats (Weeks 3-4)\n\nRead **two chapters. Slowly** and take notes.\n\n- p-values\n"
    )
    assert [p.objective for p in role.phases] == ["*A long one, it took me a month.*", "Read **two chapters.**"]
    assert phase_body(role.phases[0]) == (
        "**Objective:** *A long one, it took me a month.*\n\n*Keep going.*\n\n- pandas"
    )
    assert "**Slowly** and take notes." in phase_body(role.phases[1])


def test_emphasis_closed_in_the_sentence_or_escaped_is_left_as_it_is():
    role, _ = parse_body(
        "# Plan\n\n## Phase 1: A (Weeks 1-2)\n\nLearn *the* basics. More.\n\n- a\n\n"
        "## Phase 2: B (Weeks 3-4)\n\nCompute 2 \\* 3 in `a*b` now. More.\n\n- b\n"
    )
    assert [p.objective for p in role.phases] == ["Learn *the* basics.", "Compute 2 \\* 3 in `a*b` now."]


def test_prose_after_a_phases_lists_is_no_objective_and_stays_where_it_is():
    role, _ = parse_body(
        "# Plan\n\n## Month 1: Linux\n\n- **Week 1:** the shell\n- **Week 2:** permissions\n\n"
        "📚 [The book](https://example.org/book) (free) · [Wargames](https://example.org/games)\n\n"
        "## Month 2: Cloud\n\n| Week | Topic |\n|---|---|\n| 1 | IAM |\n| 2 | EC2 |\n\n"
        "🛠 *Project:* put the app on a VM.\n\n"
        "## Month 3: Containers\n\n- [ ] Build an image\n\nShip something small.\n"
    )
    assert [p.objective for p in role.phases] == [None, None, None]
    shown = phase_body(role.phases[0])
    assert shown.startswith("- **Week 1:** the shell") and shown.endswith("· [Wargames](https://example.org/games)")
    assert phase_body(role.phases[1]).endswith("🛠 *Project:* put the app on a VM.")


def test_a_line_of_links_or_of_facts_is_no_objective_the_prose_after_it_is():
    role, _ = parse_body(
        "# Plan\n\n## Module 1: Intro (Week 1)\n\n▶️ [Video: Welcome](https://example.org/v1) (18:40)\n"
        "📓 Notebook: `01-intro.ipynb`\n\n- [ ] Watch the video\n\n"
        "## Module 2: SQL (Weeks 2-3)\n\n*Days 11–20 · lead: Marco*\n\nModel a shop's data. Then query it.\n\n- joins\n\n"
        "## Module 3: Spark (Weeks 4-5)\n\n_Duration: 2 weeks · Room: 2.14_\n\n- RDDs\n\n"
        "## Module 4: Kafka (Weeks 6-7)\n\nLead: Jonas\n\n- topics\n"
    )
    assert [p.objective for p in role.phases] == [None, "Model a shop's data.", None, "Lead: Jonas"]
    shown = phase_body(role.phases[1])
    assert shown.startswith("**Objective:** Model a shop's data.\n\n*Days 11–20 · lead: Marco*\n\nThen query it.")


def test_a_labelled_line_of_in_page_links_is_no_entry():
    role, _ = parse_body(
        "# Bootcamp\n\nTwelve weeks of data work.\n\n**Contents:** [Setup](#setup) · [Git](#git)\n\n"
        "Jump to: [Setup](#setup) · [Git](#git)\n\n## Setup\n- a\n\n## Git\n- b\n"
    )
    assert [(s.title, s.text) for s in role.sections if s.title in ("Bootcamp", "Contents", "Jump to")] == [
        ("Bootcamp", "Twelve weeks of data work.")
    ]
    assert [h.title for h in build_index([role], []).search.search("contents")] == []
    # a bold label over words and in-page links is still a part: its words say something
    role, _ = parse_body("# B\n\n**Read first:** the [setup notes](#setup) twice\n\n## Setup\n- a\n")
    assert "Read first" in [s.title for s in role.sections]


def _today(role, number: int) -> str:
    phase = role.phases[number - 1]
    view = build_today(phase, ScheduledPhase(number, phase.first_week, phase.last_week), phase.first_week, (), ())
    return "\n".join(today_lines(view))


def test_a_later_paragraph_that_opens_with_the_objectives_words_keeps_them():
    # the objective line gives 'Ship a static site'; prose further down opens with those words (and with
    # 'Ship a static site' inside 'Ship a static sitemap'), and is not the objective's line
    role, _ = parse_body(
        "# Plan\n\n## Phase 1: Web (Weeks 1-2)\n\n**Objective:** Ship a static site\n\n"
        "Hosting is cheap these days.\n\nShip a static site with two pages, then add a form.\n\n- HTML\n\n"
        "## Phase 2: SEO (Weeks 3-4)\n\n**Goal:** Ship a static site\n\nShip a static sitemap too.\n\n- robots.txt\n"
    )
    shown = phase_body(role.phases[0])
    assert "\n\nShip a static site with two pages, then add a form.\n\n" in shown
    assert "Ship a static site with two pages" in _today(role, 1)
    assert "\n\nShip a static sitemap too.\n\n" in phase_body(role.phases[1])
    assert "Ship a static sitemap too." in _today(role, 2)


def test_only_an_objective_label_is_left_out_before_the_objective():
    # 'Note:' is no objective label: the line says more than the objective and is shown whole
    role, _ = parse_body(
        "# Plan\n\n## Phase 1: Git (Weeks 1-2)\n\n**Objective:** Commit every day.\n\n"
        "Note: Commit every day. Small commits are fine.\n\n- branches\n\n"
        "## Phase 2: CI (Weeks 3-4)\n\nFocus: Run the tests on each push. Start with one job.\n\n- workflows\n"
    )
    assert "\n\nNote: Commit every day. Small commits are fine.\n\n" in phase_body(role.phases[0])
    assert role.phases[1].objective == "Run the tests on each push."
    assert phase_body(role.phases[1]) == (
        "**Objective:** Run the tests on each push.\n\nStart with one job.\n\n- workflows"
    )
    assert "Focus:" not in _today(role, 2) and _today(role, 2).count("Run the tests on each push.") == 1


def test_an_unbolded_goal_line_written_with_a_full_width_colon_gives_the_objective_without_its_label():
    role, _ = parse_body(
        "# 计划\n\n## 第一阶段：基础（第1-2周）\n\n目标：会用 Linux 命令行，点亮一颗 LED\n\n- GPIO\n\n"
        "## 第二阶段：协议（第3-4周）\n\n学习目标： 读懂串口报文。再写一个解析器。\n\n- UART\n"
    )
    assert [p.objective for p in role.phases] == ["会用 Linux 命令行，点亮一颗 LED", "读懂串口报文。"]
    assert phase_body(role.phases[0]).startswith("**Objective:** 会用 Linux 命令行，点亮一颗 LED\n")


def test_a_sentence_ended_by_a_chinese_full_stop_or_a_danda_is_the_objective_the_rest_stays_text():
    role, _ = parse_body(
        "# 计划\n\n## 第1-6周：课程一\n\n每周学习四到六小时。一次只看一节课，记下术语。\n\n- 笔记\n\n"
        "## सप्ताह 7 से 14: पाठ्यक्रम 2\n\nहर सप्ताह 4 से 6 घंटे रखें। एक बार में एक व्याख्यान देखें।\n\n- नोट्स\n"
    )
    assert [p.objective for p in role.phases] == ["每周学习四到六小时。", "हर सप्ताह 4 से 6 घंटे रखें।"]
    assert phase_body(role.phases[0]) == "**Objective:** 每周学习四到六小时。\n\n一次只看一节课，记下术语。\n\n- 笔记"


def test_a_definition_a_lead_in_introduces_is_no_objective():
    # 'Keys:' leads in to definitions ('Primary key: …'); they are the week's notes, not its aim, and stay in its text
    role, _ = parse_body(
        "## Week 1\n- REST\n\n## Week 2\n\nKeys, indexes:\n\n"
        "Primary key: the column that names each row. No two rows share it.\n"
        "Index: a lookup structure that speeds up reads.\n"
    )
    week = role.phases[1]
    assert week.objective is None
    assert "Primary key: the column that names each row." in "\n".join(piece.md for piece in week.body)


def test_prose_after_a_lead_in_line_is_still_the_objective():
    role, _ = parse_body("## Week 1\n\nWhat you need:\n\nBuild a small CLI that parses logs. Then ship it.\n")
    assert role.phases[0].objective == "Build a small CLI that parses logs."


def test_a_definition_an_objective_label_leads_in_to_is_the_objective():
    # 'Goal:' alone on its line says the next line is the week's aim, a label of its own or not
    role, _ = parse_body(
        "## Week 1\n\nGoal:\nPython: learn the syntax and write small scripts.\n\n- variables\n\n"
        "## Week 2\n\n🎯 Focus:\nSQL: joins and indexes.\n\n- joins\n"
    )
    assert [p.objective for p in role.phases] == [
        "Python: learn the syntax and write small scripts.",
        "SQL: joins and indexes.",
    ]
