"""A task box that says the author is on it ('- [/] Docker', as Obsidian and many trackers write it; '- [-] SQL' in a
file whose legend says '[-]' is in progress or needs revision) is an open task, as '- [ ]' is: it was left out of
the checklist, a bullet of the section's text. Elsewhere '[-]' is Obsidian's cancelled box: no task."""

from __future__ import annotations

from tests.content.helpers import parse_body

TRACKER = """# Backend tracker

{legend}

## Databases

- [x] 🟢 Indexes
- [-] 🔴 SQL basics: SELECT, INSERT, UPDATE
- [/] Query plans
- [ ] 🔴 Replication
"""

LEGEND = """> Checkbox states
>
> - `[x]` → Completed
> - `[ ]` → To-do / Not yet started
> - `[-]` → Need revision / In progress"""


def checklist(body: str) -> list[tuple[str, str]]:
    role, _ = parse_body(body)
    return [(i.group, i.text) for i in role.checklist]


def test_an_in_progress_box_is_an_open_task():
    assert checklist(TRACKER.format(legend=LEGEND)) == [
        ("Databases", "Indexes"),
        ("Databases", "SQL basics: SELECT, INSERT, UPDATE"),
        ("Databases", "Query plans"),
        ("Databases", "Replication"),
    ]


def test_a_dash_box_without_a_legend_that_opens_it_is_no_task():
    assert checklist(TRACKER.format(legend="Cancelled items are marked `[-]`.")) == [
        ("Databases", "Indexes"),
        ("Databases", "Query plans"),
        ("Databases", "Replication"),
    ]


def test_a_link_in_brackets_is_no_box():
    assert checklist("# Notes\n\n## Reading\n\n- [/](https://example.com) the root page\n- [ ] Read it\n") == [
        ("Reading", "Read it")
    ]
