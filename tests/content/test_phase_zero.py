"""Plans that count from 0 ('## Level 0', '## Phase 0: Prerequisites'): Phase 0 is a phase like any other."""

from __future__ import annotations

from bot.content.answers import answer
from bot.content.loader import parse_bytes
from bot.content.search import SearchIndex
from tests.content.helpers import parse_body, role_file, section_titled

LADDER = """
# The Rust Skill Ladder

## Level 0 — Never written Rust

You know another language and want to try Rust.

- Install with rustup

**Checklist**
- [ ] Installed the toolchain
- [ ] Ran clippy on it

## Level 1 — Syntax tourist

- Structs and enums

**Checklist**
- [ ] Finished the guessing game

## Level 2 — Borrow checker survivor

- Ownership and borrowing

**Checklist**
- [ ] Explained a lifetime error
"""


def test_a_ladder_from_level_zero_has_a_phase_zero_with_its_items() -> None:
    role, problems = parse_body(LADDER)
    assert [(p.number, p.title) for p in role.phases] == [
        (0, "Never written Rust"),
        (1, "Syntax tourist"),
        (2, "Borrow checker survivor"),
    ]
    assert [(item.text, item.phase) for item in role.checklist] == [
        ("Installed the toolchain", 0),
        ("Ran clippy on it", 0),
        ("Finished the guessing game", 1),
        ("Explained a lifetime error", 2),
    ]
    level = section_titled(role, "Level 0 — Never written Rust")
    assert (level.kind, level.phase) == ("phase", 0)
    assert not [p for p in problems if "start at 1" in p.message]


def test_phase_zero_prerequisites_then_one_two_read_without_a_warning() -> None:
    role, problems = parse_body(
        """
        ## Phase 0: Prerequisites (Week 1)
        - [ ] Install Python

        ## Phase 1: Basics (Weeks 2-3)
        ### Exercises
        - [ ] Write a loop

        ## Phase 2: More (Weeks 4-5)
        - [ ] Write a class
        """
    )
    assert [(p.number, p.first_week, p.last_week) for p in role.phases] == [(0, 1, 1), (1, 2, 3), (2, 4, 5)]
    assert [item.phase for item in role.checklist] == [0, 1, 2]
    assert problems == []


def test_a_plan_from_phase_two_or_skipping_phase_one_is_still_told() -> None:
    from_two = role_file(body="## Phase 2: Basics (Weeks 1-2)\n- Loops\n## Phase 3: More (Weeks 3-4)\n- Classes\n")
    _, problems = parse_bytes(from_two.encode(), "x.md")
    assert [(p.line, p.message) for p in problems] == [(8, "the first phase is Phase 2; phases usually start at 1")]
    skipping = role_file(body="## Phase 0: Setup (Week 1)\n- Install\n## Phase 2: More (Weeks 2-3)\n- Classes\n")
    _, problems = parse_bytes(skipping.encode(), "x.md")
    assert [(p.line, p.message) for p in problems] == [(10, "Phase 1 is missing between 0 and 2")]


def test_a_phase_no_path_has_is_told_by_the_last_phase_number() -> None:
    role, _ = parse_body(LADDER)
    index = SearchIndex([role])
    assert answer(index, "phase 3").problem == "No path has a phase 3; none goes past Phase 2."
    assert [(h.section.title, h.section.phase) for h in answer(index, "phase 0").hits] == [
        ("Level 0 — Never written Rust", 0)
    ]


def test_a_plan_from_week_zero_starts_at_the_learners_week_one() -> None:
    role, problems = parse_body(
        """
        ## Week 0: Setup
        - [ ] Install the editor

        ## Week 1: Variables
        - [ ] Write a script

        ## Week 2: Loops
        - [ ] Write a loop
        """
    )
    assert [(p.number, p.title, p.first_week, p.last_week) for p in role.phases] == [
        (0, "Setup", 1, 1),
        (1, "Variables", 2, 2),
        (2, "Loops", 3, 3),
    ]
    assert [item.phase for item in role.checklist] == [0, 1, 2]
    assert problems == []
    months, problems = parse_body("## Month 0: Tools\n- Git\n## Month 1: Basics\n- Loops\n")
    assert [(p.number, p.first_week, p.last_week) for p in months.phases] == [(0, 1, 4), (1, 5, 8)]
    assert problems == []


def test_week_zero_inside_a_phase_moves_its_parts_on_with_it() -> None:
    role, problems = parse_body(
        """
        ## Phase 1: Setup
        ### Week 0: Tools
        - Install git
        ### Week 1: Git
        - Commit and push

        ## Phase 2: Code (Weeks 2-3)
        - Loops
        """
    )
    assert [(p.number, p.first_week, p.last_week) for p in role.phases] == [(1, 1, 2), (2, 3, 4)]
    assert [(p.md, p.weeks) for p in role.phases[0].body if p.kind == "label"] == [
        ("Week 0: Tools", (1, 1)),
        ("Week 1: Git", (2, 2)),
    ]
    assert problems == []


def test_a_phase_zero_without_weeks_before_a_plan_from_week_one_is_its_week_zero() -> None:
    role, problems = parse_body(
        """
        ## 🎯 PHASE 0: SETUP

        ### Tools
        - [ ] Install Python

        ## 📚 PHASE 1: FUNDAMENTALS (Weeks 1-3)

        ### Week 1: Syntax
        - [ ] Write a script

        ## 🚀 PHASE 2: INTERMEDIATE (Weeks 4-6)
        - [ ] Write a class
        """
    )
    assert [(p.number, p.title, p.first_week, p.last_week) for p in role.phases] == [
        (0, "SETUP", 1, 1),
        (1, "FUNDAMENTALS", 2, 4),
        (2, "INTERMEDIATE", 5, 7),
    ]
    assert [item.phase for item in role.checklist] == [0, 1, 2]
    assert [p for p in problems if p.severity == "error"] == []
    # its weeks given by the weeks written under the phase after it, as '### Week 1' under '## Phase 1' gives them
    role, problems = parse_body(
        "## Phase 0: Setup\n- Git\n## Phase 1: Basics\n### Week 1\n- Loops\n### Week 2\n- Lists\n"
    )
    assert [(p.number, p.first_week, p.last_week) for p in role.phases] == [(0, 1, 1), (1, 2, 3)]
    assert [p for p in problems if p.severity == "error"] == []


def test_a_phase_zero_without_weeks_before_a_plan_from_week_three_takes_the_weeks_free() -> None:
    role, problems = parse_body("## Phase 0: Setup\n- Git\n## Phase 1: Basics (Weeks 3-4)\n- Loops\n")
    assert [(p.number, p.first_week, p.last_week) for p in role.phases] == [(0, 1, 2), (1, 3, 4)]
