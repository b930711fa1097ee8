"""A sub-heading numbered as an outline numbers it ('### 2.2 Binary Search', '### 1.1. Variables') is found first by
its words, as an unnumbered one is: before a bullet of the same words elsewhere, which only mentions it."""

from __future__ import annotations

import pytest

from bot.content.search import SearchIndex
from tests.content.helpers import parse_body

PLAN = """
# Algorithms

## Phase 1: Basics (Weeks 1-2)

### Warm-up

- binary search
- two pointers

## Phase 2: Searching (Weeks 3-4)

### {heading}

- halve the range each step
"""


@pytest.mark.parametrize(
    "heading", ["2.2 Binary Search", "2.2. Binary Search", "2.1.3 Binary Search", "2) Binary Search", "Binary Search"]
)
def test_a_numbered_sub_heading_is_found_first_by_its_words(heading: str) -> None:
    role, _ = parse_body(PLAN.format(heading=heading))
    (first, *_) = SearchIndex([role]).search("binary search", role=role.name)
    assert (first.section.kind, first.section.title) == ("section", heading)


def test_a_title_that_opens_with_a_version_is_found_by_it() -> None:
    role, _ = parse_body(PLAN.format(heading="3.12 Release Notes") + "\n### Notes\n\n- release of 3.11\n")
    (first, *_) = SearchIndex([role]).search("3.12 release notes", role=role.name)
    assert first.section.title == "3.12 Release Notes"
