"""A text field written in brackets with one too many at its end ('description: [Draft]]', 'displayName: [Knots]]')
is text: read as written with a warning on its line, never a list that fails the file. A list or a map with a
bracket too many is read without it."""

from __future__ import annotations

import pytest

from tests.content.test_front_matter_mistakes import front, loads_with_one_warning


@pytest.mark.parametrize(
    ("line", "key", "text"),
    [
        ("description: [Draft]]", "description", "[Draft]]"),
        ("displayName: [Knots, ropes]]", "display_name", "[Knots, ropes]]"),
        ("description: {Work in progress}}", "description", "{Work in progress}}"),
    ],
)
def test_a_text_field_with_a_bracket_too_many_is_read_as_its_text(line: str, key: str, text: str):
    role, message = loads_with_one_warning(front(line), line)
    assert getattr(role, key) == text
    field = line.split(":")[0]
    assert message.startswith(f"'{field}' is read as the text '{text}'")


def test_a_list_with_a_bracket_too_many_still_drops_it():
    role, message = loads_with_one_warning(front("aliases: [knots, ropes]]"), "aliases: [knots, ropes]]")
    assert role.aliases == ("knots", "ropes")
    assert message.startswith("'aliases' ends with one ']' too many")
