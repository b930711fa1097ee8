"""The warning about weeks between phases points at a heading between them that names those weeks but is not read
as a phase ('## 📌 04 — Week 4: HTML & CSS' between weeks 3 and 5), with the line to write instead, rather than
only saying to widen the phase before it."""

from __future__ import annotations

from tests.content.helpers import parse_messages

BODY = """
## Week 3: JavaScript
- DOM

## 📌 04 — Week 4: HTML & CSS
- Flexbox

## Week 5: React
- Components
"""


def test_the_gap_warning_names_the_heading_that_names_the_week():
    _role, messages = parse_messages(BODY)
    (gap,) = [m for m in messages if "no phase" in m]
    assert "week 4 belongs to no phase" in gap
    assert "'📌 04 — Week 4: HTML & CSS' (line 12) names week 4 but is not read as a phase" in gap
    assert "write it '## Week 4: HTML & CSS'" in gap


def test_a_gap_without_such_a_heading_says_what_it_said():
    _role, messages = parse_messages(BODY.replace("## 📌 04 — Week 4: HTML & CSS", "## Styling notes"))
    (gap,) = [m for m in messages if "no phase" in m]
    assert "widen" in gap and "is not read as a phase" not in gap
