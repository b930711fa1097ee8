"""Week headings that all share one word after their span ('## 1주차 모임' … '## 5주차 모임', '## Week 2 Meeting'):
the word names what every week is, no week's topic, so each phase is titled by its heading as written."""

from __future__ import annotations

from tests.content.helpers import parse_body


def test_weeks_that_share_one_title_are_titled_by_their_headings():
    role, problems = parse_body(
        "# 도커 스터디\n\n## 1주차 모임\n - 진도 : 1~5장\n\n## 2주차 모임\n - 진도 : 6~7장\n\n## 3주차 모임\n - 진도 : 8~9장\n"
    )
    assert [(p.title, p.first_week) for p in role.phases] == [("1주차 모임", 1), ("2주차 모임", 2), ("3주차 모임", 3)]
    assert [p for p in problems if p.severity == "error"] == []
    role, _ = parse_body("## 📅 Week 1 Meeting\n- Install Docker\n\n## 📅 Week 2 Meeting\n- Volumes\n")
    assert [p.title for p in role.phases] == ["Week 1 Meeting", "Week 2 Meeting"]


def test_weeks_with_titles_of_their_own_keep_them():
    role, _ = parse_body("## Week 1 Meeting\n- a\n\n## Week 2: Volumes\n- b\n")
    assert [p.title for p in role.phases] == ["Meeting", "Volumes"]
    role, _ = parse_body("## Phase 1: Basics (Weeks 1-2)\n- a\n\n## Phase 2: Basics (Weeks 3-4)\n- b\n")
    assert [p.title for p in role.phases][:1] == ["Basics"]  # numbered phases keep the titles their author gave


def test_weeks_that_share_a_title_show_no_progress_of_the_author():
    role, _ = parse_body(
        "# Plan\n\n## Week 1 — Review ✅\n\n- Variables\n\n## Week 2 — Review (done)\n\n- Loops\n\n"
        "## Week 3 — Review\n\n- Functions\n"
    )
    assert [p.title for p in role.phases] == ["Week 1 — Review", "Week 2 — Review", "Week 3 — Review"]


def test_bold_weeks_that_share_a_title_are_titled_by_the_bold_alone():
    role, _ = parse_body(
        "# Plan\n\n- **Week 1: Review** — Read chapter one.\n- **Week 2: Review** — Read chapter two.\n"
        "- **Week 3: Review** — Read chapter three.\n"
    )
    assert [p.title for p in role.phases] == ["Week 1: Review", "Week 2: Review", "Week 3: Review"]
    assert role.phases[0].objective == "Read chapter one."
