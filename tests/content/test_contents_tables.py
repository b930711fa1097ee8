"""A table whose cells are in-page links ('| 1 | [Day 0](#day-0) · [Day 1](#day-1) |') is a table of contents: no
plan, and not shown, as a list of such links is not."""

from __future__ import annotations

from bot.content.answers import answer
from bot.content.search import SearchIndex
from tests.content.helpers import parse_body

LOG = """
# 100 Days Of ML Code

| Week | Days |
| --- | --- |
| 1 | [Day 0](#day-0--january-8-2024) · [Day 1](#day-1--january-9-2024) |
| 2 | [Day 7](#day-7--january-15-2024) · [Day 8](#day-8--january-16-2024) |

## Day 0 : January 8 , 2024

**Today's Progress** : Set up conda.

## Day 1 : January 9 , 2024

**Today's Progress** : Preprocessing.

## Day 7 : January 15 , 2024

**Today's Progress** : Logistic regression.

## Day 8 : January 16 , 2024

**Today's Progress** : K-nearest neighbours.
"""


def test_a_week_table_of_in_page_links_is_a_table_of_contents_not_a_plan() -> None:
    role, problems = parse_body(LOG)
    assert role.phases == ()
    assert [p.message.split(";")[0] for p in problems] == [
        "no phases found: this is a self-paced path (its checklist and sections, no weekly plan)"
    ]
    assert not any("Day 0 ·" in s.text or "Day 0 ·" in s.title for s in role.sections)  # its rows are not shown
    assert [s.title for s in role.sections if s.kind == "section"] == [
        "Day 0 : January 8 , 2024",
        "Day 1 : January 9 , 2024",
        "Day 7 : January 15 , 2024",
        "Day 8 : January 16 , 2024",
    ]


def test_a_day_of_a_log_whose_contents_table_names_weeks_answers_with_its_entry() -> None:
    role, _ = parse_body(LOG)
    result = answer(SearchIndex([role]), "day 7")
    assert not result.problem
    assert result.hits[0].section.title == "Day 7 : January 15 , 2024"
    assert "Logistic regression" in result.hits[0].section.text


def test_a_week_table_with_a_link_into_the_page_among_its_titles_is_still_a_plan() -> None:
    body = "| Week | Topic |\n| --- | --- |\n| 1 | HTML basics |\n| 2 | [Capstone](#capstone) |\n\n## Capstone\n- a\n"
    role, _ = parse_body(body)
    assert [(p.title, p.weeks) for p in role.phases] == [("HTML basics", (1, 1)), ("Capstone", (2, 2))]


LABS = """
# Postgres by hand

## Labs

| # | Lab | Time |
|---|-----|------|
| 04 | [Streaming replication](#lab-04--streaming-replication) | 1 h |
| 05 | [Backups with pgBackRest](#lab-05--backups-with-pgbackrest) | 1 h |

## Lab 04 — Streaming replication

Clone the primary with `pg_basebackup`.

## Lab 05 — Backups with pgBackRest

Take a full backup of the primary.
"""


def test_a_contents_table_that_times_its_entries_defers_to_the_sections_it_links_to() -> None:
    role, _ = parse_body(LABS)
    index = SearchIndex([role])
    for words, title in (
        ("replication", "Lab 04 — Streaming replication"),
        ("backups", "Lab 05 — Backups with pgBackRest"),
    ):
        result = answer(index, words)
        assert not result.problem
        assert result.hits[0].section.title == title
        assert not [h for h in result.hits if "Time: 1 h" in h.section.text], [h.section.title for h in result.hits]


def test_a_table_of_weeks_titled_by_links_into_the_page_stays_a_plan() -> None:
    body = "| Week | Topic | Time |\n| --- | --- | --- |\n| 1 | [Setup](#setup) | 3 h |\n| 2 | [Queries](#queries) | 5 h |\n"
    role, _ = parse_body(body + "\n## Setup\n- a\n\n## Queries\n- b\n")
    assert [(p.title, p.weeks) for p in role.phases] == [("Setup", (1, 1)), ("Queries", (2, 2))]


def test_a_table_in_a_phase_whose_titles_link_into_the_page_shows_its_rows() -> None:
    """A phase's own table keeps its rows, whatever its titles link to: they are its work, and the notes and times
    beside them are shown nowhere else."""
    body = (
        "## Phase 1: Storage (Weeks 1-3)\n\n"
        "| Step | Exercise | Effort |\n|---|---|---|\n"
        "| 1 | [Install](#install-the-server) | 2 h |\n| 2 | [Load data](#load-data) | 3 h |\n\n"
        "| Topic | Notes |\n|---|---|\n| [Indexes](#indexes) | b-tree, hash |\n\n"
        "### Install the server\n\nUse the package manager.\n\n"
        "### Load data\n\nImport the sample CSV.\n\n"
        "### Indexes\n\nRead the planner's output.\n"
    )
    role, _ = parse_body(body)
    phase = role.phases[0]
    assert [t.text for t in phase.topics] == [
        "Install — Step: 1 · Effort: 2 h",
        "Load data — Step: 2 · Effort: 3 h",
        "Indexes — Notes: b-tree, hash",
    ]


def test_a_table_outside_the_plan_is_contents_only_where_its_links_go_to_headings() -> None:
    linked = "| Lab | Time |\n|---|---|\n| [Setup](#setup) | 1 h |\n| [Queries](#queries) | 2 h |\n"
    role, _ = parse_body(f"# Labs\n\n{linked}\n## Setup\n\nInstall.\n\n## Queries\n\nSelect.\n")
    assert not [s.title for s in role.sections if "1 h" in s.text]
    # links to places the file has no heading for (another page's anchors, a renamed heading): rows of their own
    role, _ = parse_body(f"# Labs\n\n{linked}\n## Other things\n\nInstall.\n")
    assert [s.title for s in role.sections if "Setup — Time: 1 h" in s.text][:1] == ["Labs"]
