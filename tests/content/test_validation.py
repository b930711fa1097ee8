"""Broken role files get specific problems with lines, and never take the other files down."""

import re
from pathlib import Path

import pytest

from bot.content.loader import MAX_FILE_BYTES, load_content, parse_bytes
from tests.content.helpers import role_file


def problems_of(text: str | bytes, name: str = "x.md"):
    data = text.encode() if isinstance(text, str) else text
    role, problems = parse_bytes(data, name)
    return role, problems


def only_error(problems):
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1, problems
    return errors[0]


def test_valid_small_file_has_phases_topics_and_checklist():
    role, problems = problems_of(role_file())
    assert problems == []
    assert [p.weeks for p in role.phases] == [(1, 2), (3, 5)]
    assert role.phases[0].topics[0].children[0].text == "Nested detail"
    assert role.phases[1].subsections[0].label == "Deep Dive"
    assert [i.text for i in role.checklist] == ["Do the first thing", "Do the second thing"]


def test_no_front_matter():
    role, problems = problems_of("# Just markdown\n\n### Phase 1: A (Weeks 1-2)\n")
    assert role is None
    error = only_error(problems)
    assert error.line == 1
    assert "no front-matter" in error.message


def test_invalid_yaml_reports_yamls_own_line():
    text = "---\nname: x\ndisplayName: X\ndescription: [unclosed\ntimelineMonths: {}\n---\n# T\n"
    role, problems = problems_of(text)
    assert role is None
    error = only_error(problems)
    assert "invalid YAML" in error.message
    assert error.line in (4, 5)  # the line of the unclosed flow sequence, as YAML reports it


def test_yaml_tab_indentation_error_line():
    text = "---\nname: x\ndisplayName: X\ndescription: d\nexpertise:\n\t- a\n---\n"
    _, problems = problems_of(text)
    assert only_error(problems).line == 6


@pytest.mark.parametrize(
    ("extra_front", "field", "fragment"),
    [
        ("name: ok\ndescription: d\n", "displayName", "required field 'displayName' is missing"),
        ("name: ok\ndisplayName: [a, b]\ndescription: d\n", "displayName", "must be non-empty text, got a list"),
        ("name: 前端\ndisplayName: X\ndescription: d\n", "name", "must be a slug"),
        ("name: ok\ndisplayName: X\ndescription: d\nexpertise: {a: b}\n", "expertise", "must be a list"),
        ("name: ok\ndisplayName: X\ndescription: d\nsalaryRange: [1, 2]\n", "salaryRange", "must map names"),
        ("name: ok\ndisplayName: X\ndescription: d\ntimelineMonths:\n  fast: soon\n", "  fast:", "range"),
        ("name: ok\ndisplayName: X\ndescription: d\ntimelineMonths:\n  fast: 9-3\n", "  fast:", "possible"),
    ],
)
def test_required_fields_and_types(extra_front, field, fragment):
    text = f"---\n{extra_front}---\n# T\n### Phase 1: A (Weeks 1-2)\n**Objective:** o\n"
    role, problems = problems_of(text)
    assert role is None
    error = only_error(problems)
    assert fragment in error.message
    lines = text.split("\n")
    # The field's own line (a pace's, for a pace's months), or the front-matter's first line when it is missing.
    field_line = next((i for i, ln in enumerate(lines, 1) if ln.startswith(field)), 1)
    assert error.line == field_line


def test_unknown_key_is_a_warning_and_kept():
    role, problems = problems_of(role_file(extra="difficulty: hard\n"))
    assert role is not None
    assert role.extra == {"difficulty": "hard"}
    [warning] = problems
    assert warning.severity == "warning"
    assert "difficulty" in warning.message
    assert warning.line == 7


PHASE_BODY = """
# T
### Phase 1: A (Weeks 1-4)
**Objective:** o
{second}
**Objective:** o
"""


@pytest.mark.parametrize(
    ("second", "fragment"),
    [
        ("### Phase 2: B (Weeks 3-6)", "overlaps Phase 1"),
        ("### Phase 1: B (Weeks 5-6)", "out of order"),
        ("### Phase 2: B (Weeks 9-5)", "impossible weeks 9-5"),
        ("### Phase 2: B (Weeks 0-5)", "impossible weeks 0-5"),
    ],
)
def test_phase_errors_point_at_the_phase_line(second, fragment):
    text = role_file(body=PHASE_BODY.format(second=second))
    role, problems = problems_of(text)
    assert role is None
    errors = [p for p in problems if p.severity == "error"]
    assert any(fragment in e.message for e in errors), errors
    assert all(text.split("\n")[e.line - 1] == second for e in errors)


def test_phase_heading_variants():
    body = """
    ## Phase 1 - Start (Week 1)
    **Objective:** a
    #### **Phase 2 – Middle (Weeks 2–4)**
    **Objective:** b
    # Phase 3 — End (weeks 5 - 9)
    **Objective:** c
    """
    role, problems = problems_of(role_file(body=body))
    assert problems == []
    assert [(p.title, p.weeks) for p in role.phases] == [("Start", (1, 1)), ("Middle", (2, 4)), ("End", (5, 9))]


def test_phase_words_are_matched_ignoring_case_as_the_pattern_does():
    role, _ = problems_of(role_file(body="# T\n\n### PHAſE 1: Start (WEEKS 1-2)\n**Objective:** o\n"))
    assert [(p.number, p.title) for p in role.phases] == [(1, "Start")]  # 'ſ' (long s) is an 's' to IGNORECASE


def test_phase_heading_without_a_title_is_named_by_its_weeks():
    body = "# T\n\n### Phase 1: Basics (Weeks 1-2)\n**Objective:** o\n\n### Phase 2:   (Weeks 3-4)\n"
    role, problems = problems_of(role_file(body=body))
    assert problems == []
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [(1, "Basics", (1, 2)), (2, "Weeks 3-4", (3, 4))]


def test_no_phases_is_a_self_paced_path_with_a_warning():
    role, problems = problems_of(role_file(body="# T\n\nJust text.\n\n## Tasks\n- [ ] Do one thing\n"))
    assert role is not None
    assert role.self_paced
    assert [i.text for i in role.checklist] == ["Do one thing"]
    (warning,) = problems
    assert warning.severity == "warning"
    assert "no phases found: this is a self-paced path" in warning.message
    assert warning.line == role_file(body="").count("\n") + 1  # the body's first line: '# T'


def test_a_file_of_days_is_told_how_to_make_them_weeks():
    days = "".join(f"## Day {n} - Topic {n}\n- learn {n}\n\n" for n in range(1, 5))
    role, problems = problems_of(role_file(body="# 30 Days of Python\n\n" + days))
    assert role is not None and role.self_paced
    (warning,) = problems
    assert "its 4 'Day N' headings are days, not phases" in warning.message
    assert "'## Days 1-7: Setup'" in warning.message


def test_duplicate_checklist_item_is_an_error_with_both_lines():
    body = "# T\n### Phase 1: A (Weeks 1-2)\n**Objective:** o\n## C\n- [ ] Ship the API\n- [ ] Ship the APIs.\n"
    text = role_file(body=body)
    role, problems = problems_of(text)
    error = only_error(problems)
    lines = text.split("\n")
    assert lines[error.line - 1] == "- [ ] Ship the APIs."
    assert f"line {lines.index('- [ ] Ship the API') + 1}" in error.message


def test_not_text_and_oversize_files_are_errors(tmp_path: Path):
    (tmp_path / "good.md").write_text(role_file("good"), encoding="utf-8")
    (tmp_path / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "huge.md").write_text(role_file("huge") + "x" * MAX_FILE_BYTES, encoding="utf-8")
    index = load_content(tmp_path)
    assert list(index.roles) == ["good"]
    by_file = {p.file: p for p in index.problems}
    assert "not text" in by_file["binary.md"].message
    assert "at most" in by_file["huge.md"].message
    assert all(p.severity == "error" for p in by_file.values())


def test_name_or_alias_claimed_twice_leaves_the_second_file_out(tmp_path: Path):
    (tmp_path / "a.md").write_text(role_file("alpha", extra="aliases: [first]\n"), encoding="utf-8")
    (tmp_path / "b.md").write_text(role_file("alpha", display="Other"), encoding="utf-8")
    (tmp_path / "c.md").write_text(role_file("gamma", extra="aliases: [First]\n"), encoding="utf-8")
    (tmp_path / "d.md").write_text(role_file("delta"), encoding="utf-8")
    index = load_content(tmp_path)
    assert set(index.roles) == {"alpha", "delta"}
    errors = {p.file: p.message for p in index.problems if p.severity == "error"}
    assert "name 'alpha' is already the name of a.md" in errors["b.md"]
    assert "alias 'First' is already the alias of a.md" in errors["c.md"]


def test_a_broken_file_never_takes_the_others_down(tmp_path: Path, content_dir: Path):
    for f in content_dir.glob("*.md"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "zz-broken.md").write_text("---\nname: [\n---\n", encoding="utf-8")
    index = load_content(tmp_path)
    assert len(index.roles) == len(list(content_dir.glob("*.md")))
    assert [p.file for p in index.problems] == ["zz-broken.md"]


def test_a_parser_bug_costs_one_file_not_the_load(tmp_path: Path, monkeypatch, caplog):
    import bot.content.loader as loader

    (tmp_path / "good-role.md").write_text(role_file("good-role"), encoding="utf-8")
    (tmp_path / "odd-role.md").write_text(role_file("odd-role"), encoding="utf-8")
    real = loader.parse_role

    def parse_role(text: str, file: str):
        if file == "odd-role.md":
            raise IndexError("a bug")
        return real(text, file)

    monkeypatch.setattr(loader, "parse_role", parse_role)
    index = load_content(tmp_path)
    assert list(index.roles) == ["good-role"]
    error = only_error(index.problems)
    assert (error.file, error.line) == ("odd-role.md", None)
    assert "could not be parsed" in error.message
    assert "parsing odd-role.md failed" in caplog.text
    assert "IndexError: a bug" in caplog.text  # the traceback is logged for whoever reports it


def test_legacy_cp1252_file_is_read_with_a_warning():
    text = role_file(body="# Café path\n### Phase 1: Basics (Weeks 1-2)\n**Objective:** naïve\n")
    role, problems = problems_of(text.encode("cp1252"))
    assert role.title == "Café path"
    assert [p.severity for p in problems] == ["warning"]


def test_correct_text_is_never_repaired():
    body = "# Café — naïve Ünïcode 🚀 ✅ Ã\n### Phase 1: Basics (Weeks 1-2)\n**Objective:** ‚ quotes\n"
    role, problems = problems_of(role_file(body=body))
    assert problems == []
    assert role.title == "Café — naïve Ünïcode 🚀 ✅ Ã"


def test_binary_bytes_without_nul_are_not_text_not_a_repair():
    junk = bytes(range(0xA0, 0x100)) * 20 + b"\xff\xfe\xfd" * 50  # all defined in cp1252
    role, problems = problems_of(junk)
    assert role is None
    assert [p.severity for p in problems] == ["error"]
    assert "not text" in problems[0].message
    assert "repaired" not in problems[0].message


def with_line(line: str) -> str:
    """Return a valid role file with its front-matter line of the same key replaced by `line`."""
    key = line.split(":")[0]
    return re.sub(rf"^{key}:.*$", line.replace("\\", "\\\\"), role_file(), count=1, flags=re.MULTILINE)


@pytest.mark.parametrize(
    ("line", "read_as"),
    [
        ("description: My #100DaysOfCode log, day by day", "My"),
        ("displayName: Backend Path #2", "Backend Path"),
    ],
)
def test_a_value_cut_short_by_a_yaml_comment_gets_a_warning_on_its_line_with_the_quoted_fix(line: str, read_as: str):
    text = with_line(line)
    role, problems = parse_bytes(text.encode(), "x.md")
    assert role is not None
    (warning,) = [p for p in problems if "YAML takes ' #'" in p.message]
    assert warning.line == 1 + text.splitlines().index(line)
    key, value = line.split(": ", 1)
    assert warning.message.startswith(f"'{key}' is read as '{read_as}'")
    assert warning.message.endswith(f'{key}: "{value}"')


@pytest.mark.parametrize(
    "line",
    ["description: A path  # shown on the welcome", 'description: "My #100DaysOfCode log"', "displayName: C# Path"],
)
def test_a_comment_written_as_one_or_a_quoted_or_inner_hash_gets_no_warning(line: str):
    _, problems = parse_bytes(with_line(line).encode(), "x.md")
    assert not any("YAML takes" in p.message for p in problems)


@pytest.mark.parametrize(
    "body",
    [
        '<table><tr><th>A</th></tr><tr><td colspan="²">a</td></tr></table>\n',
        '<table><tr><td colspan="' + "9" * 5000 + '">a</td></tr></table>\n',
        '<ol start="--3"><li>x</li></ol>\n\n<ol start="¹"><li>y</li></ol>\n',
        '- ![pic](//[x/a.png)\n\n<img src="//[x" alt="p">\n\n[link](//[x/a) and [](//[x/b)\n',
        "## Week 1 +" + "\u00a0" * 3000 + "x\n\n## Weeks 2-3 " + "\u3000" * 3000 + "y\n",
    ],
)
def test_odd_html_attributes_urls_and_long_blank_runs_still_load(body: str):
    role, problems = problems_of(role_file(body="# T\n\n## Phase 1: A (Weeks 1-2)\n\n- a\n\n" + body))
    assert role is not None, problems
    assert not [p for p in problems if p.severity == "error"]


def test_a_long_line_of_open_brackets_in_a_phase_loads():
    # the first sentence of a phase is its objective: finding it must not rescan the line from every '['
    role, problems = problems_of(role_file(body="# T\n\n## Phase 1: A (Weeks 1-2)\n\n" + "[" * 20000 + "\n\n- a\n"))
    assert role is not None, problems
