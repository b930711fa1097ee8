"""The user's own role file, and the other shipped roles, as the bot reads them."""

from pathlib import Path

from bot.__main__ import role_json
from bot.content.loader import load_content, parse_bytes
from tests.conftest import FIXTURES


def test_seed_has_six_phases_with_their_weeks(seed_text):
    role, problems = parse_bytes(seed_text.encode(), "backend-engineer.md")
    assert problems == []
    assert [(p.number, p.first_week, p.last_week) for p in role.phases] == [
        (1, 1, 4),
        (2, 5, 12),
        (3, 13, 18),
        (4, 19, 24),
        (5, 25, 28),
        (6, 29, 36),
    ]
    assert role.total_weeks == 36
    assert role.phases[2].title == "Databases"
    assert role.phases[2].objective == "Master SQL and NoSQL databases"
    assert [s.label for s in role.phases[2].subsections] == ["SQL Deep Dive", "NoSQL Exploration"]
    assert role.phases[0].topics[0].text.startswith("Internet fundamentals")


def test_seed_checklist_has_fifteen_items_in_three_groups(seed_text):
    role, _ = parse_bytes(seed_text.encode(), "backend-engineer.md")
    assert len(role.checklist) == 15
    assert role.checklist_groups == ("Foundations (1-2 months)", "Intermediate (3-6 months)", "Advanced (6-12 months)")
    assert sum(i.group == "Intermediate (3-6 months)" for i in role.checklist) == 5
    assert len({i.id for i in role.checklist}) == 15


def test_seed_front_matter_facts(seed_text):
    role, _ = parse_bytes(seed_text.encode(), "backend-engineer.md")
    assert role.name == "backend-engineer"
    assert role.display_name == "Backend Engineer"
    assert role.salary_range["senior"] == "$135K-$180K"
    assert role.timeline_months == {
        "complete_beginner": (9, 12),
        "programming_background": (6, 9),
        "full_time_accelerated": (4, 6),
    }
    titles = {s.title for s in role.sections if s.kind == "facts"}
    assert {"Expertise", "Salary range", "Timeline"} <= titles


def test_every_heading_is_a_section_with_its_line(seed_text):
    role, _ = parse_bytes(seed_text.encode(), "backend-engineer.md")
    lines = seed_text.split("\n")
    headings = [s for s in role.sections if s.kind in ("section", "phase")]
    assert len(headings) == sum(1 for ln in lines if ln.startswith("#") and not ln.startswith("#!"))
    for s in headings:
        assert lines[s.line - 1].lstrip("#").strip() == s.title
    progression = next(s for s in headings if "Career Progression" in s.title)
    assert "Staff/Principal" in progression.text  # fenced code is kept as text, not parsed


def test_mojibake_copy_gives_the_same_index_with_a_warning(seed_text):
    broken = (FIXTURES / "backend-engineer.mojibake.md").read_bytes()
    assert "üöÄ".encode() in broken
    fixed_role, problems = parse_bytes(broken, "backend-engineer.md")
    good_role, _ = parse_bytes(seed_text.encode(), "backend-engineer.md")
    assert role_json(fixed_role) == role_json(good_role)
    assert fixed_role.title == "🚀 Backend Engineer - Complete Mastery Path"
    assert len(problems) == 1
    assert problems[0].severity == "warning"
    assert "Mac Roman" in problems[0].message or "mac_roman" in problems[0].message


def test_bom_and_crlf_give_the_same_index(seed_text):
    good, _ = parse_bytes(seed_text.encode(), "x.md")
    crlf, problems = parse_bytes(b"\xef\xbb\xbf" + seed_text.replace("\n", "\r\n").encode(), "x.md")
    assert problems == []
    assert role_json(crlf) == role_json(good)


def test_shipped_content_has_no_problem_at_all(content_dir: Path):
    index = load_content(content_dir)
    assert index.problems == ()
    assert len(index.roles) >= 5
    for role in index.roles.values():
        assert role.phases and role.checklist, role.name
        assert role.phases[0].first_week == 1
        assert all(p.objective for p in role.phases), role.name
        assert role.salary_range and role.timeline_months, role.name
    assert all(r.aliases for n, r in index.roles.items() if n != "backend-engineer")  # the seed has none
