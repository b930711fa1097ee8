"""A timeline's bullets that open with a bold date before a dash ('**Mar 16 – 18:00 UTC** — Applications open'): the
date names nothing on its own, so a search entry keeps what happens then."""

from __future__ import annotations

from tests.content.helpers import parse_body

TIMELINE = """
# Programme timeline

## Applications

- **Feb 2 – 18:00 UTC** — Mentor organisations apply
- **Feb 2 – Feb 17** — Organisations are reviewed
- **Mar 16** — Contributor applications open
- **Mar 31, 6pm** -- Contributor deadline
- **Kubernetes** — the cluster we deploy to
"""


def test_a_bold_date_before_a_dash_is_no_title_on_its_own() -> None:
    role, _ = parse_body(TIMELINE)
    titles = [s.title for s in role.sections if s.kind == "topic"]
    assert titles == [
        "Feb 2 – 18:00 UTC — Mentor organisations apply",
        "Feb 2 – Feb 17 — Organisations are reviewed",
        "Mar 16 — Contributor applications open",
        "Mar 31, 6pm -- Contributor deadline",
        "Kubernetes",
    ], titles
