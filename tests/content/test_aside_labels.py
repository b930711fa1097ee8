"""A bold aside word that opens a sentence ('**Note:** most of these assume a Linux box.', '**Tip:** …') is a note of
the part it is written in, shown where it is: the list after it stays that part's work, in no part named 'Note'. A
bold label alone on its line ('**Note:**') still names the list after it."""

from __future__ import annotations

from bot.handlers.learning import phase_body
from tests.content.helpers import parse_messages, section_titled


def lesson(lead: str) -> str:
    return (
        "# Shell Lessons\n\n## Week 1: Shell\n\n### Assignment\n\n"
        f"{lead}\n\n1. Make a file with touch.\n2. Read the first chapter.\n\n## Week 2: Git\n\n- commits\n"
    )


def test_a_note_sentence_leaves_the_list_after_it_with_its_part():
    for lead in ("**Note**: Most of these assume a Linux box.", "**Tip:** Keep a terminal open."):
        role, _ = parse_messages(lesson(lead))
        parts = [(s.label, [t.title for t in s.topics]) for s in role.phases[0].subsections]
        assert parts == [("Assignment", ["Make a file with touch.", "Read the first chapter."])], lead
        body = phase_body(role.phases[0])
        assert lead.split("**")[-1].lstrip(":").strip() in body


def test_a_note_sentence_in_a_section_keeps_its_list_with_the_section():
    role, _ = parse_messages(
        "# Lesson\n\n## Exercise\n\n**Note**: Use a spare folder.\n\n1. Make a folder.\n2. Delete it.\n"
    )
    assert "Make a folder." in section_titled(role, "Exercise").text
    assert not [s for s in role.sections if s.title.endswith("Note")]


def test_a_note_label_alone_still_names_its_list():
    role, _ = parse_messages(lesson("**Notes:**"))
    assert [s.label for s in role.phases[0].subsections] == ["Assignment", "Notes"]


def test_a_note_sentence_that_ends_in_a_colon_names_the_list_after_it():
    role, _ = parse_messages(lesson("**Tip:** keep a log of the commands you look up:"))
    assert [s.label for s in role.phases[0].subsections] == ["Assignment", "Tip"]
