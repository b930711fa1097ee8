"""A Docusaurus (MDX) page may import a component where it uses it, between two blocks ('import Courses from
'../\\_courses/Courses.md'' over '<Courses />', as a study guide's last section does), and its front-matter may say
how deep its table of contents goes: the import line is no words of its section, and the page's own fields
('toc_max_heading_level', 'hide_table_of_contents', 'pagination_next') load without a warning each."""

from __future__ import annotations

from bot.content.loader import parse_bytes
from tests.content.helpers import parse_body, warnings

PAGE = """
<head>
  <meta property="og:image" content="https://example.org/social/heaps.png" />
</head>

## Introduction

A heap is a tree kept in an array.

## Practice

- [Kth Largest Element](https://example.org/problems/kth-largest)

## Courses

import StudyCourses from '../\\_courses/StudyCourses.md'

<StudyCourses />

## Notes

The word import in a sentence stays: import the module first.
"""


def test_an_import_between_blocks_is_no_words_of_its_section() -> None:
    role, _ = parse_body(PAGE)
    shown = {s.title: s.text for s in role.sections}
    assert "import" not in shown["Courses"]
    assert shown["Notes"] == "The word import in a sentence stays: import the module first."


def test_a_docusaurus_pages_own_fields_load_quietly() -> None:
    text = (
        "---\nname: heaps\ndisplayName: Heaps\ndescription: A study guide.\nsidebar_label: Heaps\n"
        "toc_max_heading_level: 2\ntoc_min_heading_level: 2\nhide_table_of_contents: true\nhide_title: false\n"
        "pagination_next: tries\npagination_prev: null\ncustom_edit_url: null\n---\n" + PAGE
    )
    role, problems = parse_bytes(text.encode(), "heaps.md")
    assert role is not None
    assert [w for w in warnings(problems) if "front-matter" in w] == []
