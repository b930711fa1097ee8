"""A heading that ends in a colon ('### Month 2 and Beyond:', '## 练习：') names its checklist group without it, as
its section is titled and as a bold label's group is named; the items keep their IDs."""

from __future__ import annotations

from tests.content.helpers import parse_body

BODY = (
    "## Week 1: Git\n\n**Homework:**\n- [ ] Commit twice a day\n\n### Lab:\n- [ ] Branch and merge\n\n"
    "## Week 2 and Beyond:\n- [ ] Open a pull request\n\n"
    "## Reading list:\n- [ ] The Git book\n\n## 练习：\n- [ ] 每天提交一次\n"
)


def test_groups_named_by_headings_that_end_in_a_colon_show_without_it() -> None:
    role, problems = parse_body(BODY)
    assert [i.group for i in role.checklist] == [
        "Phase 1: Git › Homework",
        "Phase 1: Git › Lab",
        "Week 2 and Beyond",
        "Reading list",
        "练习",
    ]
    assert not [p for p in problems if p.severity == "error"]


def test_the_colon_changes_no_item_id() -> None:
    role, _ = parse_body(BODY)
    plain, _ = parse_body(BODY.replace(":\n", "\n").replace("：\n", "\n"))
    assert [i.id for i in role.checklist] == [i.id for i in plain.checklist]


def test_a_phase_heading_that_ends_in_a_colon_titles_its_search_hit_without_it() -> None:
    role, _ = parse_body("# Semana 1:\n\n- Variables y tipos\n\n# Semana 2:\n\n- Listas y tuplas\n")
    assert [p.title for p in role.phases] == ["Semana 1", "Semana 2"]
    phases = [s for s in role.sections if s.kind == "phase"]
    assert [s.title for s in phases] == ["Semana 1", "Semana 2"]
    assert [s.path for s in role.sections if s.title == "Listas y tuplas"] == [("Semana 2",)]
