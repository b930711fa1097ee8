"""A phase whose list under a label is longer than a page ('**Problems:**' over 60 problems) goes on, on the next
page of /phase, under its label marked continued: no page is a run of bullets that says nothing of what they are."""

from __future__ import annotations

from bot.handlers import learning
from tests.handlers.conftest import Load, body, caller

PROBLEMS = "\n".join(
    f"- [Problem number {n} of the practice set](https://example.org/problems/{n}) — Medium" for n in range(60)
)
LONG = f"""
## Phase 1: Arrays (Weeks 1-5)

**Objective:** Solve array problems quickly.

**Problems:**
{PROBLEMS}

- [ ] Solve every problem above
"""


async def test_a_list_that_goes_on_over_pages_is_headed_by_its_label(load: Load) -> None:
    svc = load({"arrays": LONG})
    first = await learning.phase_view(svc, caller(), 1, role="arrays")
    pages = [body(first)]
    for page in range(1, 6):
        pages.append(body(await learning.phase_view(svc, caller(), 1, "arrays", page)))
    pages = list(dict.fromkeys(pages))  # past the last page, the last one again
    assert len(pages) > 2
    assert "**Problems:**\n- [Problem number 0 " in pages[0]
    for later in pages[1:]:
        if later.startswith("- "):
            raise AssertionError(f"a page of bare bullets: {later[:80]!r}")
    assert pages[1].startswith("**Problems (continued):**\n- [Problem number")
    assert sum(page.count("- [Problem number") for page in pages) == 60
