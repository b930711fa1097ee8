"""Shapes that note and task tools write when they export a plan (a Notion task tracker with a daily log after
its weeks, ...): each loads, with the plan its headings give."""

from __future__ import annotations

from tests.content.helpers import parse_body, phase_spans

_TRACKER = (
    "# Exam prep tracker\n\n"
    "## 🎯 **WEEK 1: Foundations**\n**Dates:** March 3 - March 9\n\n"
    "### **📅 Day 1-2: Setup** (Mar 3-4)\n\n#### **✅ Tools**\n- [ ] Install the editor\n\n"
    "**Status:** ⬜ Not Started\n\n---\n\n"
    "## 🎯 **WEEK 2: Practice**\n**Dates:** March 10 - March 16\n\n"
    "### **📅 Day 1-3: Drills** (Mar 10-12)\n- [ ] Solve ten drills\n\n---\n\n"
    "## 📊 **DAILY LOG**\n\n### **Monday, March 3**\n**Focus:** Setup\n\n- [ ] Log the day\n\n"
    "**Week 1 Review:**\n- [ ] All tasks done\n- [ ] Ready for week 2\n"
)


def test_a_bold_week_review_line_in_a_log_after_the_plan_is_a_label_not_a_phase() -> None:
    role, problems = parse_body(_TRACKER)
    assert [p.message for p in problems if p.severity == "error"] == []
    assert phase_spans(role) == [(1, "Foundations", (1, 1)), (2, "Practice", (2, 2))]
    titles = [item.text for item in role.checklist]
    assert "All tasks done" in titles and "Install the editor" in titles


_NUMBERED_SECTIONS = (
    "# Roadmap\n\n## Structure\n\n"
    "### 1. Before you start\n- An editor\n- A terminal\n\n"
    "### 2. Basics (Week 1-2)\n**Goal**: read and write small programs\n\n- Values\n- Loops\n\n"
    "### 3. Projects (Week 3-5)\n**Goal**: build things\n\n- A quiz game\n\n"
    "### 4. Mastery (Ongoing)\n- Teach others\n\n"
    "### 5. Milestones\n- [ ] Week 2: a first program\n"
)


def test_numbered_sections_after_an_untimed_first_section_are_phases_from_one() -> None:
    role, problems = parse_body(_NUMBERED_SECTIONS)
    assert phase_spans(role) == [(1, "Basics", (1, 2)), (2, "Projects", (3, 5))]
    assert not [p.message for p in problems if "first phase is Phase" in p.message]


def test_angle_bracket_placeholders_of_a_copy_template_stay_in_its_items() -> None:
    # Jira and issue templates write what to fill in as '<context>'; a real inline tag ('<kbd>') is still dropped.
    role, _ = parse_body(
        "## Acceptance criteria\n\n- [ ] Given <context>, when <action>, then <result>\n"
        "- [ ] Press <kbd>Ctrl</kbd>+<kbd>S</kbd> to save\n"
    )
    assert [item.text for item in role.checklist] == [
        "Given <context>, when <action>, then <result>",
        "Press Ctrl+S to save",
    ]


def test_a_roam_pages_task_markers_and_video_embed_read_as_task_items_and_a_link() -> None:
    # Roam writes a task as '{{[[TODO]]}} …' and a video as '{{[[video]]: URL}}', in a page of nested bullets.
    role, problems = parse_body(
        "- Reading\n    - {{[[TODO]]}} Read the first chapter\n    - {{[[DONE]]}} Set up the notebook\n"
        "- Watching\n    - {{[[video]]: https://www.youtube.com/watch?v=abcdefghijk}}\n"
    )
    assert [item.text for item in role.checklist] == ["Read the first chapter", "Set up the notebook"]
    assert not [p.message for p in problems if "template tag" in p.message]
    shown = "\n".join(section.text for section in role.sections)
    assert "https://www.youtube.com/watch?v=abcdefghijk" in shown and "{{" not in shown
