"""Course tables that number their units in Roman numerals under a '#' or 'No' column (an HTML table's '<td>III</td>'
beside a bold unit name, a markdown row '| IV | **Vision** |') and their extras with a letter ('X1'), as curricula
like a Microsoft 'for Beginners' course write them: the numeral only counts the row, so search titles the row by its
name ('Neural Networks'), not 'III'."""

from __future__ import annotations

from tests.content.helpers import errors, parse_body

HTML_LESSONS = """
# Lessons

<table>
<tr><th>No</th><th>Lesson</th><th>Intro</th><th>Lab</th></tr>
<tr><td>I</td><td colspan="2"><b>Getting Started</b></td><td></td></tr>
<tr><td>1</td><td>History of the field</td><td><a href="https://course.example.org/1">Text</a></td><td></td></tr>
<tr><td>III</td><td colspan="2"><b>Neural Networks</b></td><td></td></tr>
<tr><td>3</td><td>Perceptron</td><td><a href="https://course.example.org/3">Text</a></td><td>Lab</td></tr>
<tr><td>X1</td><td>Multi-modal models</td><td><a href="https://course.example.org/x1">Text</a></td><td></td></tr>
</table>
"""

MARKDOWN_LESSONS = """
# Lessons

| # | Lesson | Reading |
|---|--------|---------|
| IV | **Vision** | |
| 6 | Image filters | [Text](https://course.example.org/6) |
| VII | **Ethics** | |
| 24 | Responsible use | [Text](https://course.example.org/24) |
"""


def test_a_unit_numbered_in_roman_is_titled_by_its_name() -> None:
    role, problems = parse_body(HTML_LESSONS)
    assert errors(problems) == []
    titles = [s.title for s in role.sections]
    assert "Getting Started" in titles and "Neural Networks" in titles and "Multi-modal models" in titles
    assert not {"I", "III", "X1"} & set(titles)
    shown = {s.title: s.text for s in role.sections}
    assert "No: X1" in shown["Multi-modal models"]


def test_a_markdown_row_numbered_in_roman_is_titled_by_its_name() -> None:
    role, _ = parse_body(MARKDOWN_LESSONS)
    titles = [s.title for s in role.sections]
    assert "Vision" in titles and "Ethics" in titles and "Image filters" in titles
    assert not {"IV", "VII"} & set(titles)


def test_a_roman_numeral_under_another_column_stays() -> None:
    body = "# Kings\n\n| Name | Number |\n|---|---|\n| Louis | XIV |\n| Henry | VIII |\n"
    role, _ = parse_body(body)
    shown = {s.title: s.text for s in role.sections}
    assert "XIV" in shown["Louis"]
