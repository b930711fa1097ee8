"""What a content author reads about a file that cannot be loaded: where it is, and what to do."""

from __future__ import annotations

import pytest

from bot.content.loader import parse_bytes
from tests.content.helpers import role_file

# A file whose line 5 holds, at column 3, a byte that neither UTF-8 nor cp1252 can read.
NOT_UTF8 = b"---\nname: x\n---\nok\nab\x81cd\n"


def messages(data: bytes, name: str = "x.md") -> list[str]:
    """Return the problems of one file as `waymark content check` prints them."""
    _, problems = parse_bytes(data, name)
    return [str(p) for p in problems]


def only(data: bytes) -> str:
    found = messages(data)
    assert len(found) == 1, found
    return found[0]


# --- invalid UTF-8 ------------------------------------------------------------------------------


def test_invalid_utf8_names_the_line_and_column_not_a_byte_offset():
    message = only(NOT_UTF8)
    assert message.startswith("x.md:5: error: the file is not UTF-8 text (byte 0x81 at column 3 is not valid UTF-8)")
    assert "save it as UTF-8" in message
    assert "offset" not in message


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [
        (b"\xef\xbb\xbfab\x81", 1, 3),  # the BOM is not a column
        (b"a\r\nb\r\ncd\x81", 3, 3),  # CRLF ends one line
        (b"a\rb\rcd\x81", 3, 3),  # so does a lone CR
        ("# Café ✅ ".encode() + b"\x81", 1, 10),  # columns count characters
    ],
)
def test_the_line_and_column_are_the_ones_an_editor_shows(data, line, column):
    assert only(data).startswith(f"x.md:{line}: error: the file is not UTF-8 text (byte 0x81 at column {column} ")


def test_legacy_cp1252_warning_names_the_line_of_the_first_byte_that_is_not_utf8():
    text = role_file(body="# Path\n### Phase 1: Basics (Weeks 1-2)\n**Objective:** naïve\n")
    line = text.split("\n").index("**Objective:** naïve") + 1
    [warning] = messages(text.encode("cp1252"))
    assert warning == (
        f"x.md:{line}: warning: the file is not UTF-8 (byte 0xEF at column 18 is the first that is not valid UTF-8) "
        "and was read as Windows-1252 (cp1252); save it as UTF-8 to silence this"
    )


def test_binary_bytes_are_not_text_and_say_what_to_do_with_a_file_that_is_no_role_file():
    junk = bytes(range(0xA0, 0x100)) * 20  # all defined in cp1252, and nothing like legacy text
    message = only(junk)
    assert message.startswith("x.md:1: error: the file is not text (byte 0xA0 at column 1 is not valid UTF-8")
    assert "move it out of the content folder or start its name with '_'" in message


def test_a_nul_byte_in_a_text_file_is_named_by_line():
    message = only(b"---\nname: x\n---\n\nab\x00cd\n")
    assert message.startswith("x.md:5: error: the file is not text: it holds a NUL byte at column 3; ")
    assert "delete that byte" in message


def test_a_control_character_is_named_by_line_and_code():
    message = only(b"---\nname: x\n---\nab\x1bcd\n")
    assert message.startswith("x.md:4: error: the file is not text: it holds the control character U+001B at column 3")
    assert "delete that character" in message


def test_a_png_is_not_called_utf16():
    message = only(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06")
    assert "not text" in message
    assert "UTF-16" not in message


# --- UTF-16 and UTF-32 --------------------------------------------------------------------------

BOMS = {
    "utf-16-le": b"\xff\xfe",
    "utf-16-be": b"\xfe\xff",
    "utf-32-le": b"\xff\xfe\x00\x00",
    "utf-32-be": b"\x00\x00\xfe\xff",
}


@pytest.mark.parametrize("bom", [True, False], ids=["with BOM", "no BOM"])
@pytest.mark.parametrize("codec", list(BOMS))
def test_utf16_and_utf32_files_are_named_with_what_to_do(codec, bom):
    text = role_file(body="# 🚀 Café path\n### Phase 1: Basics (Weeks 1-2)\n**Objective:** naïve\n")
    data = (BOMS[codec] if bom else b"") + text.encode(codec)
    name = codec[:6].upper()
    order = "little-endian" if codec.endswith("le") else "big-endian"
    message = only(data)
    assert message.startswith(f"x.md: error: the file is {name} ({order}), not UTF-8; save it as UTF-8")
    assert "NUL" not in message
