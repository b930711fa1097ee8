"""A part's table written after a label with words of its own ('**When to start:** after the backend', then a blank
line and the table) is the part's: /today shows its rows with the part, in the week the part falls in, not with the
label that happens to stand above them."""

from __future__ import annotations

from bot.domain.today import phase_slices
from tests.content.helpers import written_role

SPRINT = """
## Weeks 1-2: React

### Components

**When to start:** once the backend answers

| Topic | Link |
|-------|------|
| JSX | [JSX guide](https://example.org/jsx) |
| State | [State guide](https://example.org/state) |

> **Note:** plain JavaScript is enough for now.
"""


def test_a_parts_rows_after_a_fact_label_show_with_the_part() -> None:
    phase = written_role("sprint", SPRINT).phases[0]
    first, second = phase_slices(phase, 2)
    shown = [[piece.md for unit in week.units for piece in unit.pieces] for week in (first, second)]
    assert [md for md in shown[0] if md.startswith(("JSX", "State"))] == [
        "JSX — Link: [JSX guide](https://example.org/jsx)",
        "State — Link: [State guide](https://example.org/state)",
    ]
    assert not any(md.startswith(("JSX", "State")) for md in shown[1])
