"""What a content author reads about a file or folder that cannot be loaded: where it is, and what to do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.content.loader import load_content, parse_bytes
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


# --- the content folder -------------------------------------------------------------------------


def problems_in(folder: Path) -> list[str]:
    return [str(p) for p in load_content(folder).problems]


def test_a_missing_content_folder_is_named_with_where_it_was_looked_for(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    [message] = problems_in(Path("nope"))
    assert message == (
        f"nope: error: the content folder nope (that is {tmp_path / 'nope'}) does not exist; point "
        "WAYMARK_CONTENT_DIR (or the command's folder argument) at the folder of role files (the repository's is "
        "./content)"
    )


def test_a_file_given_as_the_content_folder_says_so(tmp_path):
    (tmp_path / "a.md").write_text(role_file("a"), encoding="utf-8")
    [message] = problems_in(tmp_path / "a.md")
    assert message.startswith(
        f"{tmp_path / 'a.md'}: error: the content folder {tmp_path / 'a.md'} is a file, not a folder; "
    )


@pytest.fixture
def deny(monkeypatch):
    """Make os.scandir refuse the given folders as it does without read permission (the suite runs as root)."""
    denied: set[Path] = set()
    real = os.scandir

    def scandir(path):
        if Path(path) in denied:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return denied


def test_an_unreadable_sub_folder_is_an_error_naming_it_and_the_rest_loads(tmp_path, deny):
    (tmp_path / "good.md").write_text(role_file("good"), encoding="utf-8")
    (tmp_path / "team" / "locked").mkdir(parents=True)
    (tmp_path / "team" / "locked" / "hidden-role.md").write_text(role_file("hidden-role"), encoding="utf-8")
    (tmp_path / "team" / "open-role.md").write_text(role_file("open-role"), encoding="utf-8")
    deny.add(tmp_path / "team" / "locked")
    index = load_content(tmp_path)
    assert sorted(index.roles) == ["good", "open-role"]
    assert [str(p) for p in index.problems] == [
        "team/locked/: error: cannot read this folder (Permission denied), so no role file in it was loaded; "
        "check its permissions"
    ]
    assert index.has_errors


def test_an_unreadable_content_folder_is_an_error_naming_it(tmp_path, deny):
    deny.add(tmp_path)
    assert problems_in(tmp_path) == [
        f"{tmp_path}: error: cannot read the content folder {tmp_path} (Permission denied); check its permissions"
    ]


def test_an_unreadable_folder_that_is_skipped_anyway_is_not_reported(tmp_path, deny):
    (tmp_path / "_drafts").mkdir()
    (tmp_path / ".git").mkdir()
    deny.update({tmp_path / "_drafts", tmp_path / ".git"})
    (tmp_path / "good.md").write_text(role_file("good"), encoding="utf-8")
    index = load_content(tmp_path)
    assert (list(index.roles), index.problems) == (["good"], ())


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any folder")
def test_a_sub_folder_without_read_permission_is_reported(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        assert problems_in(tmp_path) == [
            "locked/: error: cannot read this folder (Permission denied), so no role file in it was loaded; "
            "check its permissions"
        ]
    finally:
        locked.chmod(0o755)


def test_a_broken_link_to_a_role_file_is_an_error_naming_its_target(tmp_path):
    (tmp_path / "good.md").write_text(role_file("good"), encoding="utf-8")
    (tmp_path / "gone.md").symlink_to(tmp_path / "elsewhere" / "gone.md")
    (tmp_path / "loop.md").symlink_to("loop.md")
    (tmp_path / "stale-image.png").symlink_to(tmp_path / "nowhere.png")  # not a role file: none of our business
    index = load_content(tmp_path)
    assert list(index.roles) == ["good"]
    assert [str(p) for p in index.problems] == [
        f"gone.md: error: this is a link to {tmp_path / 'elsewhere' / 'gone.md'}, which does not exist; "
        "point the link at the role file or remove it",
        "loop.md: error: this is a link to loop.md, which cannot be read (Too many levels of symbolic links); "
        "point the link at the role file or remove it",
    ]


def test_a_link_to_a_role_file_loads(tmp_path):
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "_real.md").write_text(role_file("linked"), encoding="utf-8")
    (tmp_path / "linked.md").symlink_to(tmp_path / "store" / "_real.md")
    index = load_content(tmp_path)
    assert (list(index.roles), index.problems) == (["linked"], ())


def test_a_link_to_a_folder_is_not_followed_and_says_so(tmp_path):
    shared = tmp_path / "shared"
    (shared / "more").mkdir(parents=True)
    (shared / "more" / "far-role.md").write_text(role_file("far-role"), encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    (content / "more").symlink_to(shared / "more")
    (content / "back").symlink_to("..")  # would be a loop if followed
    index = load_content(content)
    assert index.roles == {}
    assert [str(p) for p in index.problems] == [
        "back/: warning: this is a link to the folder ..; links to folders are not followed, so no role file in "
        "it was loaded: move or copy the role files into the content folder",
        f"more/: warning: this is a link to the folder {shared / 'more'}; links to folders are not followed, so no "
        "role file in it was loaded: move or copy the role files into the content folder",
    ]
    assert not index.has_errors


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_called_md_is_skipped_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")  # reading it would wait forever
    (tmp_path / "good.md").write_text(role_file("good"), encoding="utf-8")
    assert list(load_content(tmp_path).roles) == ["good"]


def test_a_file_that_cannot_be_read_says_what_to_check(tmp_path, monkeypatch):
    (tmp_path / "secret.md").write_text(role_file("secret"), encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "secret.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert problems_in(tmp_path) == [
        "secret.md: error: cannot read the file (Permission denied); check that it exists and that Waymark may read it"
    ]


# --- parse_role's own messages -------------------------------------------------------------------


def test_a_missing_front_matter_does_not_hide_the_bodys_other_problems():
    text = "# Just markdown\n\n### Phase 1: A (Weeks 1-2)\n**Objective:** o\n### Phase 1: B (Weeks 3-4)\n"
    _, problems = parse_bytes(text.encode(), "x.md")
    errors = {p.line: p.message for p in problems if p.severity == "error"}
    assert "no front-matter" in errors[1]
    assert "out of order" in errors[5]


def test_no_phases_has_a_line():
    text = role_file(body="# T\n\nJust text.\n")
    _, problems = parse_bytes(text.encode(), "x.md")
    [error] = [p for p in problems if "no phases found" in p.message]
    assert error.line is not None
    assert 1 <= error.line <= text.count("\n") + 1


def test_an_unclosed_code_block_names_the_line_it_opens_on():
    text = role_file(body="# T\n### Phase 1: A (Weeks 1-2)\n**Objective:** o\n\n```\ncode\n")
    _, problems = parse_bytes(text.encode(), "x.md")
    [warning] = [p for p in problems if "never closed" in p.message]
    assert warning.line == text.split("\n").index("```") + 1


@pytest.mark.parametrize(
    "quoted",
    [
        "> ```python\n> d = {}\n> ```\n",
        "> - ### Hashing\n>   Buckets and probing.\n>\n>   ```python\n>   d = {}\n>   ```\n>   - open addressing\n",
        "> > ```\n> > nested\n> > ```\n",
    ],
)
def test_a_code_block_closed_inside_a_quote_is_no_unclosed_one(quoted: str):
    text = role_file(body=f"# T\n### Phase 1: A (Weeks 1-2)\n**Objective:** o\n\n{quoted}\n- after\n")
    _, problems = parse_bytes(text.encode(), "x.md")
    assert not [p for p in problems if "never closed" in p.message]


def test_a_code_block_left_open_inside_a_quote_still_warns():
    text = role_file(body="# T\n### Phase 1: A (Weeks 1-2)\n**Objective:** o\n\n> ```python\n> d = {}\n")
    _, problems = parse_bytes(text.encode(), "x.md")
    [warning] = [p for p in problems if "never closed" in p.message]
    assert warning.line == text.split("\n").index("> ```python") + 1
