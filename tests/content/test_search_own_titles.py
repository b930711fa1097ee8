"""A heading's own title is what is left once its number, span, length or dates are set aside: a heading whose own
title is the query ranks above bullets that only hold the words, in the role searched."""

from __future__ import annotations

import pytest

from bot.content.loader import parse_bytes
from bot.content.search import SearchIndex
from tests.content.helpers import role_file

ROLE = "role-0"


def index(body: str) -> SearchIndex:
    role, problems = parse_bytes(role_file(ROLE, body=body).encode(), f"{ROLE}.md")
    assert role is not None, problems
    return SearchIndex([role])


def titles(found: SearchIndex, query: str) -> list[str]:
    return [h.section.title for h in found.search(query, role=ROLE)]


# Parts of a phase, each headed by a keycap number and a length: no phases of their own.
KEYCAPS = """
## Phase 2: Operations (Weeks 5-16)
### 6️⃣ Kubernetes — 4 weeks
- Pods, Deployments, Services
### 7️⃣ Cloud — 3 weeks
- Managed Kubernetes (EKS)
- IAM roles
### 🔟 Capstone — 2 weeks
- Capstone project ideas
"""
# A self-paced plan whose sections are dated, as a study group posts them.
DATED = """
## Jan 6 – Jan 19: Swift Foundations
- Optionals and guard
## Jan 20 – Feb 2: SwiftUI Basics
- Views and modifiers
- [Apple SwiftUI basics tutorials](https://developer.apple.com/tutorials/swiftui)
## Week of March 3: Architecture
- MVVM in SwiftUI
- SwiftUI basics, revisited
## Testing and Debugging (March 10 – March 23)
- Unit tests with Swift Testing and XCTest
- Testing and debugging async code
## 2025-03-24 → 2025-04-13: Capstone
- Ship a capstone app
"""
# Week headings inside a phase of several weeks are its parts; a resources section after the plan.
POLISH = """
## Phase 2: Front end (Weeks 5-10)
### Tygodnie 6–8: JavaScript
- Zmienne i funkcje
### Tygodnie 9–10: React
- Komponenty
## Materiały dodatkowe
- [JavaScript.info (PL)](https://pl.javascript.info/)
- [You Don't Know JS](https://github.com/getify/You-Dont-Know-JS)
"""
# Numbered, timed parts of a phase ('### 3. Testing (2 weeks)'): an outline's numbers, no phases.
OUTLINE = """
## Phase 1: Python (Weeks 1-4)
### 1. Syntax (1 week)
- Testing your syntax with doctest
### 2. Functions (1 week)
- Pure functions and testing them
### 3. Testing (2 weeks)
- pytest and fixtures
## Resources
- [Testing in Python](https://example.com/testing)
"""


@pytest.mark.parametrize(
    ("body", "query", "heading"),
    [
        (KEYCAPS, "kubernetes", "6️⃣ Kubernetes — 4 weeks"),
        (KEYCAPS, "capstone", "🔟 Capstone — 2 weeks"),
        (DATED, "swiftui basics", "Jan 20 – Feb 2: SwiftUI Basics"),
        (DATED, "testing and debugging", "Testing and Debugging (March 10 – March 23)"),
        (DATED, "architecture", "Week of March 3: Architecture"),
        (DATED, "capstone", "2025-03-24 → 2025-04-13: Capstone"),
        (POLISH, "javascript", "Tygodnie 6–8: JavaScript"),
        (OUTLINE, "testing", "3. Testing (2 weeks)"),
    ],
)
def test_a_heading_whose_own_title_is_the_query_comes_first_and_is_exact(body, query, heading):
    found = index(body)
    hits = found.search(query, role=ROLE)
    assert (hits[0].section.title, hits[0].exact) == (heading, True)


def test_the_heading_ranks_above_every_bullet_that_holds_its_words():
    found = index(DATED)
    ranked = titles(found, "testing and debugging")
    assert ranked.index("Testing and Debugging (March 10 – March 23)") < ranked.index(
        "Testing and debugging async code"
    )
    ranked = titles(found, "swiftui basics")
    assert ranked[0] == "Jan 20 – Feb 2: SwiftUI Basics"
    assert ranked.index("SwiftUI basics, revisited") > 0


@pytest.mark.parametrize(
    ("body", "query", "heading"),
    [
        (KEYCAPS, "4", "6️⃣ Kubernetes — 4 weeks"),
        (KEYCAPS, "weeks", "6️⃣ Kubernetes — 4 weeks"),
        (DATED, "march", "Testing and Debugging (March 10 – March 23)"),
        (POLISH, "tygodnie", "Tygodnie 6–8: JavaScript"),
        (OUTLINE, "weeks", "3. Testing (2 weeks)"),
    ],
)
def test_the_words_set_aside_are_no_exact_title(body, query, heading):
    found = index(body)
    assert [h.section.title for h in found.search(query, role=ROLE) if h.exact and h.section.title == heading] == []


def test_a_heading_with_a_digit_in_its_own_title_keeps_it():
    found = index("## Web 3 basics\n- Wallets\n## Basics\n- Intro\n")
    hits = found.search("web 3 basics", role=ROLE)
    assert (hits[0].section.title, hits[0].exact) == ("Web 3 basics", True)


def test_a_word_a_heading_holds_only_beside_its_own_title_counts_as_its_text():
    found = index(DATED + "## Projects\n- A March Madness bracket\n")
    assert titles(found, "march")[0] == "A March Madness bracket"
    weeks = index(KEYCAPS + "## Reading\n- 4 rules of simple design\n")
    assert titles(weeks, "4")[0] == "4 rules of simple design"
