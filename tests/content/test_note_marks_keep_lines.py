"""An untitled note's mark, shown apart from a list or table that opens its text, leaves every line of the file where
it is: sections, checklist items and warnings further down name their own lines."""

from __future__ import annotations

import pytest

from bot.content.loader import parse_bytes
from bot.handlers.learning import phase_body
from tests.content.helpers import role_file

# Three kinds of untitled note, each opening with a block, over a week whose lines are counted.
NOTES = {
    "docusaurus": ":::note\n- Records\n- Time to live\n:::\n",
    "docusaurus, blank first": ":::tip\n\n| Kind | Use |\n|---|---|\n| A | an address |\n\n:::\n",
    "mkdocs": "!!! tip\n    1. Warm the cache\n    2. Watch the hit rate\n",
}


@pytest.mark.parametrize("note", NOTES.values(), ids=NOTES.keys())
def test_a_note_opening_with_a_block_keeps_the_lines_after_it(note: str) -> None:
    body = f"## Week 1: Names\n\n{note}\n- Resolvers\n\n## Week 2: Caching\n\nRead {{{{ site.title }}}} here.\n\n"
    body += "- [ ] Flush a cache\n"
    text = role_file(body=body)
    lines = text.split("\n")
    role, problems = parse_bytes(text.encode(), "x.md")
    assert role is not None, problems
    week2 = next(s for s in role.sections if s.title.startswith("Week 2"))
    assert lines[week2.line - 1] == "## Week 2: Caching"
    assert [lines[i.line - 1] for i in role.checklist] == ["- [ ] Flush a cache"]
    tag = next(p for p in problems if "template tag" in p.message)
    assert "{{ site.title }}" in lines[tag.line - 1]
    first = phase_body(role.phases[0])
    assert "ℹ️ -" not in first and "💡 |" not in first and "💡 1." not in first
