"""Mistakes people make writing front-matter by hand: each is read as meant with a warning on its line, or fails
with an error on its line that says what to fix; none loses a file silently or reads it silently wrong."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.content.loader import parse_bytes
from bot.content.models import Problem, Role

BODY = "# Frontend\n## Week 1: HTML\n- [ ] Learn tags\n"
FIELDS = ("name: a", "displayName: Frontend", "description: x")


def front(*lines: str, before: str = "") -> str:
    """Return a role file of these front-matter lines (the three required ones unless given) and a one-week body."""
    keys = {line.split(":")[0] for line in lines}
    fields = [f for f in FIELDS if f.split(":")[0] not in keys]
    return before + "---\n" + "".join(f"{line}\n" for line in (*fields, *lines)) + "---\n" + BODY


def parsed(text: str) -> tuple[Role | None, list[Problem]]:
    role, problems = parse_bytes(text.encode(), "a.md")
    return role, [p for p in problems if "self-paced" not in p.message]


def line_of(text: str, line: str) -> int:
    return text.split("\n").index(line) + 1


def loads_with_one_warning(text: str, on: str) -> tuple[Role, str]:
    """Parse `text`, which must load with one warning, on the line `on`; return the role and the warning's text."""
    role, problems = parsed(text)
    assert role is not None, problems
    (warning,) = problems
    assert (warning.severity, warning.line) == ("warning", line_of(text, on)), warning
    return role, warning.message


def fails_with_one_error(text: str, on: str) -> str:
    role, problems = parsed(text)
    assert role is None
    (error,) = [p for p in problems if p.severity == "error"]
    assert error.line == line_of(text, on), error
    return error.message


# --- a value holding ': ', or starting with what YAML reserves -----------------------------------------------------


@pytest.mark.parametrize(
    ("line", "key", "read_as", "quoted"),
    [
        ("displayName: Frontend: the path", "displayName", "Frontend: the path", '"Frontend: the path"'),
        ("description: Learn: HTML, CSS: and JS", "description", "Learn: HTML, CSS: and JS", None),
        ("displayName: Frontend:", "displayName", "Frontend:", None),
        ("description: Step 1: tags #1  # a comment", "description", "Step 1: tags #1", None),
        ("description: [WIP] A roadmap", "description", "[WIP] A roadmap", '"[WIP] A roadmap"'),
        ("description: {draft} A roadmap", "description", "{draft} A roadmap", None),
        ("description: *the* roadmap", "description", "*the* roadmap", None),
        ("description: & more", "description", "& more", None),
        ("description: @team's roadmap", "description", "@team's roadmap", None),
        ("description: `npm` and friends", "description", "`npm` and friends", None),
        ("description: % of the way", "description", "% of the way", None),
        ("description: !important stuff", "description", "!important stuff", None),
        ("description: | or &", "description", "| or &", None),
        ("description: > 5 years of work", "description", "> 5 years of work", None),
        ("description: - a list?", "description", "- a list?", None),
        ('displayName: "Frontend" path', "displayName", '"Frontend" path', r'"\"Frontend\" path"'),
        ('description: "He said "hi" to me"', "description", 'He said "hi" to me', r'"He said \"hi\" to me"'),
        ("description: 'It's mine'", "description", "It's mine", '"It\'s mine"'),
    ],
)
def test_a_value_yaml_cannot_read_as_text_is_read_whole_with_a_warning_on_its_line(
    line: str, key: str, read_as: str, quoted: str | None
):
    text = front(line)
    role, message = loads_with_one_warning(text, line)
    assert {"displayName": role.display_name, "description": role.description}[key] == read_as
    assert message.startswith(f"'{key}' is read as the text '{read_as}' (YAML ")
    quoted = quoted or f'"{read_as}"'
    assert message.endswith(f"put the value in quotes to say so and silence this: {key}: {quoted}")
    fixed = text.replace(line, message.rsplit("silence this: ", 1)[1])  # the line the warning says to write
    assert parsed(fixed)[1] == []
    assert getattr(parsed(fixed)[0], "display_name" if key == "displayName" else "description") == read_as


def test_a_value_holding_a_colon_over_two_lines_and_one_a_level_down_are_read_whole():
    text = front("description: Learn: the basics", "  and more: of them", "salaryRange:", "  senior: Lead: $150K")
    role, problems = parsed(text)
    assert role is not None, problems
    assert role.description == "Learn: the basics and more: of them"
    assert role.salary_range == {"senior": "Lead: $150K"}
    assert [(p.severity, p.line) for p in problems] == [
        ("warning", line_of(text, "description: Learn: the basics")),
        ("warning", line_of(text, "  senior: Lead: $150K")),
    ]
    assert problems[1].message.endswith('senior: "Lead: $150K"')


def test_a_value_read_whole_does_not_hide_an_error_further_down():
    text = front("displayName: Frontend: the path", "aliases: [fe, frontend")
    assert fails_with_one_error(text, "aliases: [fe, frontend") == UNCLOSED_LIST


UNCLOSED_LIST = (
    "invalid YAML in front-matter: the list that opens on this line is not closed: end it with ] (or, if the value "
    "is text, put it in quotes)"
)


def test_an_unclosed_list_is_still_an_error_on_its_line_that_says_how_to_close_it():
    text = front("description: [unclosed")
    assert fails_with_one_error(text, "description: [unclosed") == UNCLOSED_LIST


def test_a_list_unclosed_in_an_unclosed_map_says_to_close_both():
    text = front("timelineMonths: {steady: [6, 9")
    assert fails_with_one_error(text, "timelineMonths: {steady: [6, 9") == (
        "invalid YAML in front-matter: the map that opens on this line is not closed: end it with ]} (or, if the "
        "value is text, put it in quotes)"
    )


def test_an_unclosed_map_says_how_to_close_it():
    text = front("timelineMonths: {steady: 6-9")
    assert fails_with_one_error(text, "timelineMonths: {steady: 6-9") == (
        "invalid YAML in front-matter: the map that opens on this line is not closed: end it with } (or, if the value "
        "is text, put it in quotes)"
    )


@pytest.mark.parametrize(
    ("line", "closers", "read_as", "aliases"),
    [
        ("aliases: [fe, frontend]]", "one ']'", "[fe, frontend]", ("fe", "frontend")),
        ("aliases: [fe, frontend]]]", "']]'", "[fe, frontend]", ("fe", "frontend")),
        ("aliases: [fe, 'ui]']]", "one ']'", "[fe, 'ui]']", ("fe", "ui]")),
    ],
)
def test_a_list_with_a_bracket_too_many_is_read_as_the_list_with_one_warning_that_says_so(
    line: str, closers: str, read_as: str, aliases: tuple[str, ...]
):
    text = front(line)
    role, message = loads_with_one_warning(text, line)
    assert role.aliases == aliases
    assert message == (
        f"'aliases' ends with {closers} too many, and is read as {read_as}; delete the extra to silence this: "
        f"aliases: {read_as}"
    )
    assert parsed(text.replace(line, message.rsplit("silence this: ", 1)[1]))[1] == []


def test_a_map_with_a_brace_too_many_is_read_as_the_map():
    text = front("salaryRange: {junior: $60K, senior: $150K}}")
    role, message = loads_with_one_warning(text, "salaryRange: {junior: $60K, senior: $150K}}")
    assert role.salary_range == {"junior": "$60K", "senior": "$150K"}
    assert message.startswith("'salaryRange' ends with one '}' too many, and is read as {junior: $60K, senior: $150K}")


def test_a_list_of_text_holding_a_list_names_the_item_that_is_not_text():
    text = front("aliases: [fe, [ui, web]]")
    assert fails_with_one_error(text, "aliases: [fe, [ui, web]]") == (
        "'aliases' must be a list of text items, but its item 2 is a list"
    )


def test_content_check_and_the_console_show_the_value_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.chdir(tmp_path)
    for key in [k for k in os.environ if k.startswith(("WAYMARK_", "DISCORD_"))]:
        monkeypatch.delenv(key)
    folder = tmp_path / "roles"
    folder.mkdir()
    (folder / "a.md").write_text(front("displayName: Frontend: the path", "description: [WIP] A roadmap"))
    assert main(["content", "check", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "a.md:3: warning: 'displayName' is read as the text 'Frontend: the path'" in out
    assert "a.md:4: warning: 'description' is read as the text '[WIP] A roadmap'" in out
    assert "1 role loaded, 0 errors, 2 warnings" in out
    monkeypatch.setattr(sys, "stdin", io.StringIO("/start-learning role:a\n"))
    assert main(["console", "--content", str(folder), "--db", str(tmp_path / "x.sqlite3")]) == 0
    out = capsys.readouterr().out
    assert "Frontend: the path · Welcome aboard!" in out
    assert "[WIP] A roadmap" in out


# --- tabs and quotes ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lines", [("aliases:", "\t- fe"), ("salaryRange:", "  senior: $1", "\tmid: $2")])
def test_a_line_indented_with_a_tab_is_an_error_on_it_that_says_so(lines: tuple[str, ...]):
    text = front(*lines)
    message = fails_with_one_error(text, lines[-1])
    assert message.endswith(
        "this line is indented with a tab, and YAML indents with spaces only: indent it with spaces"
    )


@pytest.mark.parametrize("quote", ['"', "'"])
def test_an_unclosed_quote_is_an_error_on_its_line_that_says_so(quote: str):
    line = f"displayName: {quote}Frontend"
    text = front(line)
    message = fails_with_one_error(text, line)
    assert f"the {quote} that opens this line's value is not closed on its line" in message
    assert message.endswith(f"end the value with {quote}")


def test_an_unclosed_quote_that_reads_other_fields_into_its_value_is_an_error_on_its_line():
    # YAML reads 'Frontend description: x' as the display name, and no description
    text = front('displayName: "Frontend', 'description: x"', "aliases: [fe]")
    message = fails_with_one_error(text, 'displayName: "Frontend')
    assert message == (
        "the \" that opens 'displayName' is not closed on its line, so YAML reads the lines after it into the value, "
        "'description' too: end the value with \""
    )


def test_a_closed_quote_over_lines_that_mention_later_fields_loads_quietly():
    # valid YAML: 'user.name: ' and 'aliases: ' are words of the description, and both fields are read as their own
    text = front(
        'description: "Set your git config first,',
        "  for example user.name: your name. Then pick",
        '  a path with aliases: fe"',
        "name: a",
        "aliases: [fe2]",
    )
    role, problems = parsed(text)
    assert problems == []
    assert role is not None and role.aliases == ("fe2",)
    assert role.description.endswith("with aliases: fe")


def test_a_quoted_value_over_two_lines_still_loads_quietly():
    role, problems = parsed(front('displayName: "Frontend:', '  the path"'))
    assert (role.display_name if role else None, problems) == ("Frontend: the path", [])


# --- values of the wrong shape --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "items", "written"),
    [
        ("aliases: fe, frontend", ("fe", "frontend"), "aliases: [fe, frontend]"),
        ("aliases: fe", ("fe",), "aliases: [fe]"),
        ("expertise: HTML, CSS, C#", ("HTML", "CSS", "C#"), 'expertise: [HTML, CSS, "C#"]'),
    ],
)
def test_a_list_written_as_one_line_of_text_is_read_as_its_items_with_a_warning(
    line: str, items: tuple[str, ...], written: str
):
    text = front(line)
    role, message = loads_with_one_warning(text, line)
    assert (role.aliases if line.startswith("aliases") else role.expertise) == items
    key = line.split(":")[0]
    assert message == f"'{key}' is read as the list {written.split(': ', 1)[1]}; write it so to silence this: {written}"
    assert parsed(text.replace(line, written))[1] == []


@pytest.mark.parametrize(
    ("line", "months", "written"),
    [
        ("timelineMonths: 6", (6, 6), "{steady: 6}"),
        ("timelineMonths: 6 months", (6, 6), "{steady: 6}"),
        ('timelineMonths: "6"', (6, 6), "{steady: 6}"),
        ("timelineMonths: 6-9", (6, 9), "{steady: 6-9}"),
        ("timelineMonths: 4 to 6 months", (4, 6), "{steady: 4-6}"),
    ],
)
def test_a_timeline_without_paces_is_read_as_one_pace_with_a_warning(line: str, months: tuple[int, int], written: str):
    text = front(line)
    role, message = loads_with_one_warning(text, line)
    assert role.timeline_months == {"steady": months}
    assert message == (
        f"'timelineMonths' is read as one pace, steady; write it so to silence this: timelineMonths: {written} "
        "(or name the paces a learner may pick, like {steady: 6-9, fast: 4-6})"
    )
    assert parsed(text.replace(line, f"timelineMonths: {written}"))[1] == []


@pytest.mark.parametrize(
    ("line", "got"),
    [("timelineMonths: soon", "'soon'"), ("timelineMonths: [6, 9]", "a list")],
)
def test_a_timeline_that_is_no_months_is_an_error_that_shows_the_shape(line: str, got: str):
    message = fails_with_one_error(front(line), line)
    assert message == (
        "'timelineMonths' maps each pace a learner may pick to its months, like timelineMonths: {steady: 6-9, "
        f"fast: 4-6}}, got {got}"
    )


AT_LEAST_ONE = 'a path takes at least 1 month: write the months it takes, like "6-9"'
AT_MOST_120 = 'a path takes at most 120 months (ten years): write the months it takes, like "6-9"'


@pytest.mark.parametrize(
    ("months", "fix"),
    [
        ("0", AT_LEAST_ONE),
        ("0 months", AT_LEAST_ONE),
        ("0-3", AT_LEAST_ONE),
        ("200", AT_MOST_120),
        ("6-200", AT_MOST_120),
        ("9-6", 'it runs backwards: write "6-9"'),
    ],
)
def test_a_timeline_of_impossible_months_without_paces_says_so_and_what_to_write(months: str, fix: str):
    # paces would not help: the months are what is wrong
    line = f"timelineMonths: {months}"
    message = fails_with_one_error(front(line), line)
    assert message == f'timelineMonths is not a possible month range: "{months.removesuffix(" months")}" ({fix})'


def test_a_pace_of_impossible_months_says_what_to_write():
    message = fails_with_one_error(front("timelineMonths:", "  steady: 12-8", "  fast: 4-6"), "  steady: 12-8")
    assert message == 'timelineMonths.steady is not a possible month range: "12-8" (it runs backwards: write "8-12")'


def test_months_after_a_paces_range_are_read_as_the_fields_name_says():
    role, problems = parsed(front("timelineMonths:", "  steady: 6-9 months", "  fast: 4 mo"))
    assert problems == []
    assert role.timeline_months == {"steady": (6, 9), "fast": (4, 4)}


def test_a_name_with_capitals_and_spaces_is_read_as_its_slug_with_a_warning():
    text = front("name: Frontend Dev")
    role, message = loads_with_one_warning(text, "name: Frontend Dev")
    assert role.name == "frontend-dev"
    assert message == (
        "'name' is read as 'frontend-dev' (a name is a slug: lower-case letters, digits, dashes); write "
        "name: frontend-dev to silence this"
    )


def test_a_name_that_makes_no_slug_is_still_an_error():
    assert "must be a slug" in fails_with_one_error(front("name: 前端"), "name: 前端")


@pytest.mark.parametrize(
    ("line", "read_as", "kind"),
    [
        ("displayName: Yes", "Yes", "true/false"),
        ("displayName: 2048", "2048", "a number"),
        ("description: 1.10", "1.10", "a number"),
        ("description: 2024-01-01  # start", "2024-01-01", "a date"),
    ],
)
def test_a_text_field_yaml_reads_as_a_number_or_true_is_read_as_written_with_a_warning(
    line: str, read_as: str, kind: str
):
    text = front(line)
    role, message = loads_with_one_warning(text, line)
    key = line.split(":")[0]
    assert (role.display_name if key == "displayName" else role.description) == read_as
    assert message == (
        f"'{key}' is read as the text '{read_as}' (YAML reads it as {kind}); put the value in quotes to say so and "
        f'silence this: {key}: "{read_as}"'
    )


@pytest.mark.parametrize(
    ("lines", "key", "first", "last"),
    [
        (
            ("description: old", "aliases: [fe]", "description: new"),
            "description",
            "description: old",
            "description: new",
        ),
        (("salaryRange:", "  senior: $1", "  senior: $2"), "senior", "  senior: $1", "  senior: $2"),
        (
            ("expertise: [1, 2]", "description: y", "description: new"),
            "description",
            "description: y",
            "description: new",
        ),
    ],
)
def test_a_field_given_twice_warns_on_the_first_that_the_last_is_kept(
    lines: tuple[str, ...], key: str, first: str, last: str
):
    text = front(*lines)
    _, message = loads_with_one_warning(text, first)
    assert message == (
        f"'{key}' is given again on line {line_of(text, last)}, and YAML keeps only that one; delete one of them to "
        "silence this"
    )


# --- around the front-matter ----------------------------------------------------------------------------------------


def test_blank_lines_before_the_opening_dashes_are_read_past_with_a_warning_on_line_1():
    text = front("displayName: Frontend: the path", before="\n\n")
    role, problems = parsed(text)
    assert role is not None and role.display_name == "Frontend: the path"
    assert [(p.severity, p.line) for p in problems] == [("warning", 1), ("warning", 6)]
    assert text.split("\n")[5] == "displayName: Frontend: the path"
    assert problems[0].message.startswith("2 blank lines come before the opening '---': the front-matter is read")


def test_blank_lines_before_a_broken_front_matter_keep_its_error_on_its_line():
    text = front("description: [unclosed", before="\n")
    role, problems = parsed(text)
    assert role is None
    assert [(p.severity, p.line) for p in problems] == [("warning", 1), ("error", 5)]


def test_toml_front_matter_of_a_hugo_or_zola_page_is_read():
    text = (
        '+++\ntitle = "Notes"\nname = "a"\ndisplayName = "Frontend"\ndescription = "x"\ndate = 2024-01-02\n+++\n' + BODY
    )
    role, problems = parsed(text)
    assert problems == []
    assert (role.name, role.display_name, role.description) == ("a", "Frontend", "x")
    assert [(p.title, p.line) for p in role.phases] == [("HTML", line_of(text, "## Week 1: HTML"))]


def test_a_toml_field_misspelt_is_named_on_its_line():
    text = '+++\nname = "a"\ndisplayName = "Frontend"\ndescription = "x"\nalias = ["fe"]\n+++\n' + BODY
    role, message = loads_with_one_warning(text, 'alias = ["fe"]')
    assert message.endswith("did you mean 'aliases'?")


def test_toml_text_without_quotes_is_an_error_that_shows_the_line_to_write():
    text = '+++\nname = "a"\ndisplayName = Front End\ndescription = "x"\n+++\n' + BODY
    assert fails_with_one_error(text, "displayName = Front End") == (
        'invalid TOML in front-matter: Invalid value; TOML puts text in quotes: displayName = "Front End"'
    )


def test_toml_front_matter_not_closed_is_an_error():
    text = '+++\nname = "a"\ndisplayName = "Frontend"\n' + BODY
    assert fails_with_one_error(text, "+++") == "front-matter is not closed: add a '+++' line after the TOML fields"


def test_a_utf8_bom_before_the_front_matter_loads_quietly():
    role, problems = parse_bytes(b"\xef\xbb\xbf" + front().encode(), "a.md")
    assert role is not None and problems == [p for p in problems if "self-paced" in p.message]


def test_fields_of_jekyll_and_just_the_docs_pages_load_quietly():
    text = front("layout: default", "category: roadmap", "hidden: true", "nav_order: 2", "parent: Paths", "hide: [toc]")
    role, problems = parsed(text)
    assert role is not None
    assert problems == []
    assert role.extra["nav_order"] == 2


# --- a known field misspelt -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "known"),
    [("alias: [be]", "aliases"), ("timelinemonths: {steady: 6-9}", "timelineMonths"), ("baseURL: x", "baseUrl")],
)
def test_a_misspelt_field_is_named_with_the_field_it_looks_like(line: str, known: str):
    role, message = loads_with_one_warning(front(line), line)
    assert message == (
        f"unknown front-matter field '{line.partition(':')[0]}' (kept, but the bot does not use it): did you mean "
        f"'{known}'?"
    )


def test_a_misspelt_field_beside_the_one_it_looks_like_says_so():
    role, message = loads_with_one_warning(front("descripton: old words"), "descripton: old words")
    assert message.endswith("(kept, but the bot does not use it): 'description' is given too")


def test_a_required_field_misspelt_is_one_error_on_the_misspelt_line():
    text = front().replace("displayName:", "dispalyName:")
    message = fails_with_one_error(text, next(line for line in text.split("\n") if line.startswith("dispalyName:")))
    assert (
        message == "required field 'displayName' is missing: did you mean 'displayName' where 'dispalyName' is written?"
    )
    assert [p.severity for p in parsed(text)[1]] == ["error"]


def test_a_field_like_no_known_one_gets_no_guess():
    role, message = loads_with_one_warning(front("difficulty: hard"), "difficulty: hard")
    assert message == "unknown front-matter field 'difficulty' (kept, but the bot does not use it)"
