"""An arrow typed between a phase's span and its title ('## Week 1 -> Shell', '## Month 1 --> Summary', '## Week 2
=> Networks', '## Week 3 → Python') parts them as a dash does: the title has no '>' or arrow left in it."""

from __future__ import annotations

import pytest

from tests.content.helpers import parse_messages, phase_spans


@pytest.mark.parametrize(
    ("heading", "then"),
    [
        ("## Week 1 -> Shell basics", "## Week 2: Wrap up"),
        ("## Week 1 --> Shell basics", "## Week 2: Wrap up"),
        ("## Week 1 => Shell basics", "## Week 2: Wrap up"),
        ("## Week 1 ==> Shell basics", "## Week 2: Wrap up"),
        ("## Week 1 → Shell basics", "## Week 2: Wrap up"),
        ("## Week 1 ➜ Shell basics", "## Week 2: Wrap up"),
        ("## Phase 1 -> Shell basics (Weeks 1-2)", "## Phase 2: Wrap up (Weeks 3-4)"),
        ("## Month 1 --> Shell basics (Days 1–28)", "## Month 2: Wrap up"),
    ],
)
def test_an_arrow_after_the_span_is_no_word_of_the_title(heading: str, then: str) -> None:
    body = f"""
    {heading}
    - pipes and redirects

    {then}
    - a last lab
    """
    role, messages = parse_messages(body)
    assert [p.title for p in role.phases] == ["Shell basics", "Wrap up"]
    assert messages == []


def test_an_arrow_inside_a_title_stays() -> None:
    role, _ = parse_messages(
        """
    ## Week 1: Bytes -> text
    - encodings
    ## Week 2: Text => tokens
    - lexers
    """
    )
    assert phase_spans(role) == [(1, "Bytes -> text", (1, 1)), (2, "Text => tokens", (2, 2))]
