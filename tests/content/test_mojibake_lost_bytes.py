"""Mojibake that lost a byte: UTF-8 read as cp1252 by a decoder that drops cp1252's five undefined bytes (0x81, 0x8D,
0x8F, 0x90, 0x9D), so '🗺️' shows as 'ðŸ—ºï¸' without the 0x8F of its emoji presentation selector. Where the lost byte is
all but certain it is put back; elsewhere the text is shown as written, and the warning says so."""

from __future__ import annotations

import pytest

from bot.content.loader import parse_bytes
from bot.content.search import SearchIndex
from tests.content.helpers import finishes_in_a_minute, role_file


def damaged(text: str) -> str:
    """Read UTF-8 as cp1252, dropping the bytes cp1252 leaves undefined, and turning no-break spaces into spaces, as
    a copy from a web page does."""
    return text.encode().decode("cp1252", errors="ignore").replace("\u00a0", " ")


def load(body: str):
    role, problems = parse_bytes(role_file(body=body).encode(), "x.md")
    assert role is not None, problems
    return role, problems


def headings(role) -> list[str]:
    """The titles of the sections written as '## ' headings in these bodies (no overview, no bullets)."""
    return [s.title for s in role.sections if s.title.split()[-1] in HEADS]


HEADS = {"Roadmap", "Tooling", "mistakes", "when", "sessions", "work", "Contributing", "Extras"}


def encoding_warnings(problems) -> list[str]:
    return [p.message for p in problems if "wrong encoding" in p.message]


@pytest.mark.parametrize(
    "title",
    ["🗺️ Roadmap", "🛠️ Tooling", "⚠️ Common mistakes", "✔️ Done when", "👨‍💻 Pair sessions", "“Deep” work"],
)
def test_a_heading_whose_mojibake_lost_a_byte_is_repaired_in_sections_and_search(title: str):
    body = damaged(f"# 🚀 Kubernetes in a month\n\n## {title}\n\n- kubectl basics\n\n## Extras\n\n- helm\n")
    assert "\u008f" not in body and "\u009d" not in body and "\u008d" not in body  # the bytes were dropped
    role, problems = load(body)
    assert headings(role) == [title, "Extras"]
    hits = SearchIndex([role]).search(title.split()[-1].strip("“”"))
    assert hits and hits[0].section.title == title
    assert len(encoding_warnings(problems)) == 1
    assert "was repaired" in encoding_warnings(problems)[0]


def test_mojibake_whose_lost_byte_is_not_known_is_not_claimed_repaired():
    # '🤝' ends in 0x9D: with it lost, '🤁', '🤍', '🤏', '🤐' and '🤝' are all as likely
    body = damaged("# 🚀 Kubernetes in a month\n\n## 🗺️ Roadmap\n\n- kubectl\n\n## 🤝 Contributing\n\n- fork\n")
    role, problems = load(body)
    assert headings(role) == ["🗺️ Roadmap", "ðŸ¤ Contributing"]
    messages = encoding_warnings(problems)
    assert len(messages) == 2
    assert any("was repaired where it could be" in m for m in messages)
    (lost,) = [p for p in problems if "could not be repaired" in p.message]
    assert lost.line == 1 + role_file(body=body).splitlines().index("## ðŸ¤ Contributing")
    assert lost.message.startswith("'ðŸ¤' (the only such place) is damaged by a wrong encoding")


def test_damage_that_nothing_repairs_is_still_named():
    body = damaged("# Kubernetes in a month\n\n## 🤝 Contributing\n\n- fork\n")
    _, problems = load(body)
    assert [m.split(" (")[0] for m in encoding_warnings(problems)] == ["'ðŸ¤'"]
    assert not any("was repaired" in m for m in encoding_warnings(problems))


@pytest.mark.parametrize("text", ["IRMÃ E IRMÃO", "Café — naïve Ünïcode 🚀 ✅ Ã", "Ã ï", "“Deep” work 🛠️"])
def test_correct_text_is_neither_repaired_nor_called_damaged(text: str):
    role, problems = load(f"# {text}\n\n## Tools\n\n- helm\n")
    assert role.title == text
    assert encoding_warnings(problems) == []


def test_damage_is_found_in_time_linear_in_the_length_of_a_run_of_text_without_spaces():
    """Chinese text has no spaces: a paragraph is one run of non-ASCII text, which the search for damage must not
    try from every character (a 160,000-character paragraph took minutes)."""
    script = (
        "from tests.content.helpers import parse_body\n"
        "body = '# Café\\n\\n' + '学习数据库' * 32_000 + '\\n\\n## ðŸ¤ Team\\n\\n- fork\\n'\n"
        "_, problems = parse_body(body)\n"
        "assert any('could not be repaired' in p.message for p in problems)\n"
    )
    finishes_in_a_minute(script, "looking for damage in a long run of Chinese text")
