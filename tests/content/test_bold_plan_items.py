"""A plan's line or item that opens with its phase in bold and goes on after it: the bold titles the phase, the words
after it are its text; the author's progress after the bold is neither."""

from __future__ import annotations

from tests.content.helpers import parse_body


def test_the_authors_progress_after_a_bold_phase_is_no_text_of_it():
    role, _ = parse_body(
        "# Plan\n\n1. **Phase 1: Basics (Weeks 1-4)**: Learn HTML and CSS.\n   - [ ] Build a page\n"
        "2. **Phase 2: Backend (Weeks 5-8)** (done) ✅\n   - [ ] Build an API\n"
    )
    backend = role.phases[1]
    assert backend.title == "Backend"
    assert backend.objective is None
    assert "done" not in backend.text


def test_the_words_after_a_bold_week_on_a_line_of_its_own_are_its_text():
    role, _ = parse_body(
        "# Plan\n\n**Week 1: Git** — Learn commits. Practice daily.\n\n**Week 2: SQL** — Learn joins.\n\n"
        "**Week 3: Indexes** — Learn B-trees.\n"
    )
    assert [p.title for p in role.phases] == ["Git", "SQL", "Indexes"]
    assert "Learn commits." in role.phases[0].text
    assert "Learn commits. Practice daily." not in [s.title for s in role.sections]


def test_a_note_in_brackets_or_a_mark_after_a_bold_week_stays_with_its_title():
    role, _ = parse_body(
        "# Plan\n\n- **Week 1: Basics** (Jan 6-12)\n  - Variables\n- **Week 2: Loops** (4 hrs)\n  - For\n"
        "- **Week 3: Review** 🎯\n  - All\n"
    )
    assert [p.title for p in role.phases] == ["Basics (Jan 6-12)", "Loops (4 hrs)", "Review"]
    assert [p.objective for p in role.phases] == [None, None, None]
    assert [p.text for p in role.phases] == ["", "", ""]
