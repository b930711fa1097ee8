"""A reload parses only the files whose bytes changed; the result is the same as a fresh load."""

import shutil
from pathlib import Path

import pytest

from bot.__main__ import role_json
from bot.content.loader import MAX_FILE_BYTES, load_content
from tests.content.helpers import role_file


def test_unchanged_files_are_reused_and_changed_ones_parsed_again(tmp_path: Path, content_dir: Path):
    for f in content_dir.glob("*.md"):
        shutil.copy(f, tmp_path / f.name)
    first = load_content(tmp_path)
    edited = tmp_path / "frontend-engineer.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Semantic HTML", "Semantic HTML5"), encoding="utf-8")
    (tmp_path / "new-role.md").write_text(role_file("new-role"), encoding="utf-8")
    (tmp_path / "ml-engineer.md").unlink()

    again = load_content(tmp_path, first)

    assert again.roles["backend-engineer"] is first.roles["backend-engineer"]  # not parsed again
    assert again.roles["frontend-engineer"] is not first.roles["frontend-engineer"]
    assert "Semantic HTML5" in again.roles["frontend-engineer"].phases[0].title
    assert "new-role" in again.roles
    assert "ml-engineer" not in again.roles
    assert "ml-engineer.md" not in again.parsed
    fresh = load_content(tmp_path)
    assert [role_json(r) for r in again.roles.values()] == [role_json(r) for r in fresh.roles.values()]
    assert again.problems == fresh.problems


def test_a_file_that_broke_is_reported_again_not_reused(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text(role_file("a"), encoding="utf-8")
    first = load_content(tmp_path)
    path.write_text("---\nname: [\n---\n", encoding="utf-8")

    again = load_content(tmp_path, first)

    assert again.roles == {}
    assert [p.severity for p in again.problems] == ["error"]


def copy_content(content_dir: Path, target: Path) -> None:
    for f in content_dir.glob("*.md"):
        shutil.copy(f, target / f.name)


def test_a_reload_with_no_file_changed_keeps_the_index_it_has(tmp_path: Path, content_dir: Path):
    copy_content(content_dir, tmp_path)
    first = load_content(tmp_path)
    (tmp_path / "backend-engineer.md").touch()  # a newer time, the same bytes

    again = load_content(tmp_path, first)

    assert again is first
    assert again.search.search("postgres", limit=1)


@pytest.mark.parametrize(
    "change",
    ["edit", "add", "remove", "rename", "broken link", "unreadable file"],
)
def test_any_change_to_the_folder_makes_a_new_index(tmp_path: Path, content_dir: Path, change: str):
    copy_content(content_dir, tmp_path)
    first = load_content(tmp_path)
    backend = tmp_path / "backend-engineer.md"
    if change == "edit":
        backend.write_text(backend.read_text(encoding="utf-8") + "\n- one more line\n", encoding="utf-8")
    elif change == "add":
        (tmp_path / "new-role.md").write_text(role_file("new-role"), encoding="utf-8")
    elif change == "remove":
        backend.unlink()
    elif change == "rename":
        backend.rename(tmp_path / "backend.md")
    elif change == "broken link":
        (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    else:
        (tmp_path / "huge.md").write_bytes(b"x" * (MAX_FILE_BYTES + 1))

    again = load_content(tmp_path, first)

    assert again is not first
    fresh = load_content(tmp_path)
    assert [role_json(r) for r in again.roles.values()] == [role_json(r) for r in fresh.roles.values()]
    assert again.problems == fresh.problems


def test_a_folder_problem_that_goes_away_makes_a_new_index(tmp_path: Path, content_dir: Path):
    copy_content(content_dir, tmp_path)
    link = tmp_path / "gone.md"
    link.symlink_to(tmp_path / "nowhere.md")
    first = load_content(tmp_path)
    link.unlink()

    again = load_content(tmp_path, first)

    assert again is not first
    assert again.problems == load_content(tmp_path).problems
    assert not any("gone.md" in p.file for p in again.problems)


def test_a_content_folder_made_after_a_load_that_missed_it_makes_a_new_index(tmp_path: Path):
    folder = tmp_path / "content"
    first = load_content(folder)
    folder.mkdir()  # empty, as a missing folder's index: no files either way

    again = load_content(folder, first)

    assert again is not first
    assert not any("does not exist" in p.message for p in again.problems)
