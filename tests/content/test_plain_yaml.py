"""The front-matter fast path answers exactly as PyYAML does, or leaves the text to PyYAML."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.content.plain_yaml import read_plain_yaml

CONTENT = Path(__file__).resolve().parents[2] / "content"
TRICKY = [
    "x",
    "Backend Engineer",
    "$135K-$180K+",
    "6-9",
    "C#",
    "C++, Go",
    "a:b",
    "http://example.com/x",
    "Go [beta]",
    "yes",
    "No",
    "on",
    "null",
    "~",
    "1",
    "1.0",
    "-1",
    "0x1f",
    "1_000",
    "1:30",
    "2024-01-01",
    ".inf",
    "=",
    "<<",
    "a: b",
    "a #b",
    "a#b",
    "x:",
    "- x",
    "&anchor x",
    "*alias",
    "!tag x",
    "|",
    ">",
    "%x",
    "@x",
    "`x`",
    "? x",
    "'single'",
    '"double"',
    "'it''s'",
    "'bad'quote'",
    '"esc\\n"',
    '"un"closed',
    "[a, b]",
    "[a, 'b']",
    "[]",
    "[a,]",
    "[a: b]",
    "{a: b}",
    "\u00a0x",
    "x\u00a0",
    "caf\u00e9",
    "🚀 launch",
    "a\u2028b",
    "a\x85b",
    "a\x7fb",
    "a\tb",
]
KEYS = ["name", "displayName", "expertise", "salaryRange", "k", "x-y", "_k", "Key"] * 3 + ["yes", "null", "1", "a b"]
# Text the fast path takes, weighted up so that most generated files reach the comparison at all.
TAKEN = [v for v in TRICKY if read_plain_yaml(f"k: {v}") is not None]
SCALARS = (
    st.sampled_from(TAKEN)
    | st.sampled_from(TAKEN)
    | st.sampled_from(TRICKY)
    | st.text(alphabet="ab1 :#-'\"[]{},&*!|>%@`?\\.$\u00a0é", min_size=1, max_size=10)
)


@st.composite
def value(draw) -> str:
    """A scalar as an author may write it: plain, single-quoted or double-quoted."""
    text = draw(SCALARS)
    style = draw(st.sampled_from(["plain", "plain", "single", "double"]))
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    return f'"{text}"' if style == "double" else text


@st.composite
def front_matter(draw) -> str:
    """Front-matter of the plain shape, with tricky scalars and now and then a line out of place."""
    lines = []
    for key in draw(st.lists(st.sampled_from(KEYS), max_size=4)):
        shape = draw(st.sampled_from(["scalar", "scalar", "list", "map", "flow"]))
        indent = draw(st.sampled_from([" ", "  ", "    "]))
        count = draw(st.integers(0, 3))
        if shape == "scalar":
            lines.append(f"{key}: {draw(value())}")
        elif shape == "flow":
            lines.append(f"{key}: [{', '.join(draw(value()) for _ in range(count))}]")
        else:
            lines.append(f"{key}:")
            for _ in range(count):
                item_indent = draw(st.sampled_from([indent] * 6 + ["", "   "]))
                prefix = "- " if shape == "list" else f"{draw(st.sampled_from(KEYS))}: "
                lines.append(f"{item_indent}{prefix}{draw(value())}")
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(st.sampled_from(["", "# a comment", "  # indented comment", "   "])))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


def pyyaml(text: str) -> object:
    try:
        return yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError as exc:
        return exc


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter())
def test_the_fast_path_answers_as_pyyaml_or_not_at_all(text: str):
    fast = read_plain_yaml(text)
    if fast is not None:
        expected = pyyaml(text)
        assert not isinstance(expected, Exception), (text, fast, expected)
        assert repr(fast) == repr(expected), text  # repr: the types must match too ('1' is not 1)


@pytest.mark.parametrize("value", TRICKY)
def test_each_tricky_scalar(value: str):
    for text in (f"name: {value}\n", f"expertise:\n  - {value}\n", f"salaryRange:\n  entry: {value}\n"):
        fast = read_plain_yaml(text)
        if fast is not None:
            assert repr(fast) == repr(pyyaml(text)), text


@pytest.mark.parametrize("path", sorted(CONTENT.glob("*.md")), ids=lambda p: p.name)
def test_shipped_front_matter_takes_the_fast_path(path: Path):
    front = path.read_text(encoding="utf-8").split("---", 2)[1]
    fast = read_plain_yaml(front)
    assert fast is not None  # the fast path is worth having only if real files take it
    assert repr(fast) == repr(pyyaml(front))


def test_a_key_of_1024_characters_is_still_read():
    text = "k" * 1024 + ": a\n"
    assert read_plain_yaml(text) == pyyaml(text) == {"k" * 1024: "a"}


def test_shapes_it_leaves_to_pyyaml():
    for text in (
        "",  # empty: PyYAML says None
        "name:\n",  # a null value
        "name: x\nname: y\n",  # a repeated key
        "  name: x\n",  # an indented document
        "list:\n  - a\n   - b\n",  # uneven items
        "map:\n  a: x\n  - b\n",  # a map, then an item
        "name: a\n  more\n",  # a continued scalar
        "name: x # a comment\n",
        "map:\n  inner:\n    deep: x\n",  # nesting deeper than one level
        "k" * 1025 + ": a\n",  # libyaml refuses a key over 1,024 characters
        "m:\n  " + "k" * 1025 + ": a\n",
    ):
        assert read_plain_yaml(text) is None, text
