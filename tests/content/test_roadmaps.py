"""Roadmaps in the shapes people write them (tests/fixtures/roadmaps): each parses to what its manifest says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.content.loader import load_content, parse_bytes
from bot.content.models import Role
from bot.domain.today import week_slice
from bot.handlers.learning import phase_body

FIXTURES = Path(__file__).parents[1] / "fixtures" / "roadmaps"
MANIFEST: dict[str, dict] = yaml.safe_load((FIXTURES / "manifest.yaml").read_text(encoding="utf-8"))
CASES = sorted(MANIFEST)
BOLD = re.compile(r"\*\*[^*\s][^*]*\*\*")  # markdown left in a title: '**Python**'
HEADING_MARK = re.compile(r"#{1,6}(?:\s|$)")  # '### Arrays', not '#100DaysOfCode'


def parsed(name: str):
    return parse_bytes((FIXTURES / name).read_bytes(), name)


def every_text(role: Role) -> str:
    """Everything the bot can show of a role: section titles and texts, phases, topics, items."""
    parts = [f"{s.title}\n{s.text}" for s in role.sections]
    for phase in role.phases:
        parts += [phase.title, phase.objective or "", phase.text]
        parts += [f"{s.label} {s.text}" for s in phase.subsections]
    return "\n".join(parts)


@pytest.mark.parametrize("name", CASES)
def test_roadmap_loads_with_the_errors_its_manifest_says(name: str):
    role, problems = parsed(name)
    expected = MANIFEST[name]
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == expected.get("errors", 0), errors
    if not errors:
        assert role is not None
        if "self_paced" in expected:
            assert role.self_paced is expected["self_paced"]


@pytest.mark.parametrize("name", [n for n in CASES if "phases" in MANIFEST[n]])
def test_roadmap_phases_numbers_titles_weeks_and_objectives(name: str):
    role, problems = parsed(name)
    assert role is not None, problems
    expected = MANIFEST[name]["phases"]
    assert [p.number for p in role.phases] == [e["number"] for e in expected]
    for phase, want in zip(role.phases, expected, strict=True):
        if "title" in want:
            assert phase.title == want["title"]
        if "title_starts" in want:
            assert phase.title.startswith(want["title_starts"])
        if "weeks" in want:
            assert list(phase.weeks) == want["weeks"]
        if "objective_starts" in want:
            assert phase.objective is not None, f"Phase {phase.number} has no objective"
            plain = phase.objective.replace("**", "").replace("*", "")
            assert plain.startswith(want["objective_starts"]), phase.objective
    # Every phase has weeks, one after the other.
    for before, after in zip(role.phases, role.phases[1:], strict=False):
        assert after.first_week > before.last_week


@pytest.mark.parametrize("name", [n for n in CASES if MANIFEST[n].get("planned_weeks")])
def test_phases_without_weeks_are_planned_and_the_plan_is_told(name: str):
    role, problems = parsed(name)
    assert role is not None, problems
    assert all(p.planned for p in role.phases)
    assert role.phases[0].first_week == 1
    (warning,) = [p for p in problems if "no weeks; planned" in p.message]
    assert warning.line == role.phases[0].line
    for phase in role.phases:
        assert f"weeks {phase.first_week}-{phase.last_week}" in warning.message
    if role.timeline_months:
        low, high = next(iter(role.timeline_months.values()))
        assert round(low * 4.3) <= role.total_weeks <= round(high * 4.4)
    else:
        assert role.total_weeks == 4 * len(role.phases)


@pytest.mark.parametrize("name", [n for n in CASES if "checklist_count" in MANIFEST[n]])
def test_roadmap_checklist_counts_every_task_item(name: str):
    role, problems = parsed(name)
    assert role is not None, problems
    assert len(role.checklist) == MANIFEST[name]["checklist_count"]
    # Clean text: no markdown left in what /done and /checklist show.
    for item in role.checklist:
        assert BOLD.search(item.text) is None, item.text  # '**kwargs' alone is the author's text
        assert "](" not in item.text
        assert not item.text.startswith("[")


@pytest.mark.parametrize("name", [n for n in CASES if "search_titles" in MANIFEST[n]])
def test_roadmap_titles_are_clean_search_entries(name: str):
    role, problems = parsed(name)
    assert role is not None, problems
    titles = {s.title for s in role.sections}
    for title in MANIFEST[name]["search_titles"]:
        assert title in titles, f"{title!r} is not an entry; entries: {sorted(titles)[:40]}"
    for s in role.sections:
        assert "](" not in s.title and BOLD.search(s.title) is None and HEADING_MARK.match(s.title) is None, s.title


@pytest.mark.parametrize("name", [n for n in CASES if "links" in MANIFEST[n]])
def test_roadmap_links_stay_clickable(name: str):
    role, problems = parsed(name)
    assert role is not None, problems
    shown = every_text(role)
    for url in MANIFEST[name]["links"]:
        assert f"]({url})" in shown or f"<{url}>" in shown, url


@pytest.mark.parametrize("name", [n for n in CASES if "phase_subsections" in MANIFEST[n]])
def test_everything_under_a_phase_belongs_to_it(name: str):
    role, problems = parsed(name)
    assert role is not None, problems
    for number, labels in MANIFEST[name]["phase_subsections"].items():
        phase = role.phase(int(number))
        assert phase is not None
        assert [s.label for s in phase.subsections] == labels


@pytest.mark.parametrize("name", [n for n in CASES if "table_rows" in MANIFEST[n]])
def test_table_rows_in_a_phase_are_its_topics(name: str):
    role, problems = parsed(name)
    assert role is not None, problems
    for number, rows in MANIFEST[name]["table_rows"].items():
        phase = role.phase(int(number))
        assert phase is not None
        titles = [t.title for t in phase.topics] + [t.title for s in phase.subsections for t in s.topics]
        assert [t for t in titles if t in rows] == rows


@pytest.mark.parametrize("name", [n for n in CASES if "section_table_rows" in MANIFEST[n]])
def test_table_rows_outside_phases_are_topics_of_their_section(name: str):
    role, problems = parsed(name)
    assert role is not None, problems
    for heading, rows in MANIFEST[name]["section_table_rows"].items():
        (section,) = [s for s in role.sections if s.title == heading and s.kind in ("section", "phase")]
        topics = [s.title for s in role.sections if s.kind == "topic" and s.path[-1] == heading]
        assert [t for t in topics if t in rows] == rows, (section.title, topics)


@pytest.mark.parametrize("name", [n for n in CASES if "must_not_find" in MANIFEST[n]])
def test_code_and_comments_are_never_structure(name: str):
    role, problems = parsed(name)
    assert role is not None, problems
    for text in MANIFEST[name]["must_not_find"]:
        assert not [s for s in role.sections if text in s.title], text
        assert not [i for i in role.checklist if text in i.text], text
        assert not [p for p in role.phases if text in p.title], text


@pytest.mark.parametrize("name", [n for n in CASES if "duplicate_tasks" in MANIFEST[n]])
def test_the_same_task_under_two_headings_is_two_items(name: str):
    role, problems = parsed(name)
    assert role is not None, problems
    for text, headings in MANIFEST[name]["duplicate_tasks"].items():
        found = [i for i in role.checklist if i.text == text]
        assert sorted(i.group for i in found) == sorted(headings)
        assert len({i.id for i in found}) == len(found)


@pytest.mark.parametrize("name", [n for n in CASES if "phase_shows" in MANIFEST[n]])
def test_phase_shows_what_is_written_under_the_phase(name: str):
    role, problems = parsed(name)
    assert role is not None, problems
    for number, pieces in MANIFEST[name]["phase_shows"].items():
        phase = role.phase(int(number))
        assert phase is not None
        shown = phase_body(phase, [item for item in role.checklist if item.phase == phase.number])
        for piece in pieces:
            assert piece in shown, shown


@pytest.mark.parametrize("name", [n for n in CASES if "week_shows" in MANIFEST[n]])
def test_each_week_shows_its_own_part_of_the_phase(name: str):
    role, problems = parsed(name)
    assert role is not None, problems
    for week, headings in MANIFEST[name]["week_shows"].items():
        (phase,) = [p for p in role.phases if p.first_week <= int(week) <= p.last_week]
        weeks = phase.last_week - phase.first_week + 1
        shown = week_slice(phase, weeks, int(week) - phase.first_week + 1)
        assert [unit.heading for unit in shown.units] == headings, week


@pytest.mark.parametrize("name", [n for n in CASES if "hint_lines" in MANIFEST[n]])
def test_headings_that_look_like_phases_get_a_hint_on_their_line(name: str):
    _, problems = parsed(name)
    hinted = {p.line for p in problems if "is not read as a phase" in p.message}
    assert set(MANIFEST[name]["hint_lines"]) <= hinted, problems


def test_the_whole_folder_loads_and_its_checklists_keep_their_ids(tmp_path: Path):
    index = load_content(FIXTURES)
    assert not index.has_errors or {p.file for p in index.problems if p.severity == "error"} <= {
        n for n in CASES if MANIFEST[n].get("errors", 0)
    }
    again = load_content(FIXTURES)
    for name, role in index.roles.items():
        assert [i.id for i in again.roles[name].checklist] == [i.id for i in role.checklist]


def test_every_fixture_is_described_in_the_manifest_and_the_readme():
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    files = sorted(p.name for p in FIXTURES.glob("*.md") if p.name != "README.md")
    assert [f for f in files if f not in MANIFEST] == []
    assert [f for f in files if f"| `{f}` |" not in readme] == []
    assert [n for n in CASES if not (FIXTURES / n).is_file()] == []
