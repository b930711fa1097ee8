"""A reload parses only the files whose bytes changed; the result is the same as a fresh load."""

import shutil
from pathlib import Path

from bot.__main__ import role_json
from bot.content.loader import load_content
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
