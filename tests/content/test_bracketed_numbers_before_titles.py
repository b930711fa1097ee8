"""A number in brackets before a phase's title ('## Weeks 1-3: (1) Front-End', a syllabus row '| (2) Python | 4 - 6 |')
numbers the unit, as '1.' would: no note of its title ('Front-End', not 'Front-End (1)')."""

from __future__ import annotations

from tests.content.helpers import parse_messages, phase_spans


def test_a_bracketed_number_before_a_heading_title_is_no_part_of_it() -> None:
    role, messages = parse_messages(
        """
    ## Weeks 1-3: (1) Front-End basics
    - the DOM
    ## Weeks 4-6: (2) A second language
    - Flask
    ## Week 7 (2024) Review
    - mock interviews
    """
    )
    assert phase_spans(role) == [
        (1, "Front-End basics", (1, 3)),
        (2, "A second language", (4, 6)),
        (3, "Review (2024)", (7, 7)),
    ]
    assert messages == []


def test_a_syllabus_row_numbered_in_brackets_is_titled_without_its_number() -> None:
    role, messages = parse_messages(
        """
    | Unit | Tech | Weeks | Topics |
    | :--- | :--- | :--- | :--- |
    | (1) Front-End Web Development | HTML/CSS/JS | 1 - 3 | Version control, the DOM |
    | (2) Second Language | Python/Flask | 4 - 6 | Data structures |
    | (3) Front-End Framework | React | 7 - 9 | Components |
    """
    )
    assert [p.title for p in role.phases] == ["Front-End Web Development", "Second Language", "Front-End Framework"]
    assert messages == []
