"""A badge that links to a lesson's notebook ('Open in Colab' after a lesson of a Jupyter course's README) is the
lesson's way to its notebook: /phase shows it as its alt text, linked. Status badges stay hidden."""

from __future__ import annotations

from bot.content.models import Phase
from bot.content.search import SearchIndex
from tests.content.helpers import finishes_in_a_minute, parse_body, warnings

COLAB = "[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]"


def shown(phase: Phase) -> str:
    """What /phase shows of a phase: its objective and everything written under its heading."""
    return "\n".join([phase.objective or "", *(piece.md for piece in phase.body)])


def test_a_lessons_notebook_badge_shows_as_a_link_to_its_notebook():
    role, _ = parse_body(
        "# Course\n\n## Week 1: Arrays\n\n"
        f"1. 🧪Slicing arrays{COLAB}(https://colab.research.google.com/github/u/course/blob/main/w1/slicing.ipynb)\n"
        f"2. Broadcasting {COLAB}(https://colab.research.google.com/drive/1AbCdEf)\n\n"
        "## Week 2: Plots\n\n- Histograms [![Binder](https://mybinder.org/badge_logo.svg)]"
        "(https://mybinder.org/v2/gh/u/course/HEAD)\n"
    )
    first = shown(role.phases[0])
    assert (
        "🧪Slicing arrays [Open In Colab](https://colab.research.google.com/github/u/course/blob/main/w1/slicing.ipynb)"
        in first
    )
    assert "Broadcasting [Open In Colab](https://colab.research.google.com/drive/1AbCdEf)" in first
    assert "Histograms [Binder](https://mybinder.org/v2/gh/u/course/HEAD)" in shown(role.phases[1])
    # search titles and the words of the lesson stay its own
    assert next(hit.section.title for hit in SearchIndex([role]).search("slicing arrays")) == "🧪Slicing arrays"


def test_a_task_with_a_notebook_badge_keeps_its_name_and_id():
    with_badge, _ = parse_body(
        f"# Week 1: Arrays\n\n- [ ] Lab 1: indexing {COLAB}(https://colab.research.google.com/github/u/c/blob/main/lab1.ipynb)\n"
    )
    without, _ = parse_body("# Week 1: Arrays\n\n- [ ] Lab 1: indexing\n")
    item, plain = with_badge.checklist[0], without.checklist[0]
    assert (item.id, item.text) == (plain.id, plain.text)
    assert item.md.endswith("[Open In Colab](https://colab.research.google.com/github/u/c/blob/main/lab1.ipynb)")


def test_status_badges_and_a_headings_badge_stay_hidden():
    role, problems = parse_body(
        "# Course [![Build](https://ci.example.org/u/c.svg)](https://ci.example.org/u/c)\n\n"
        "[![Build Status](https://ci.example.org/badge.svg)](https://ci.example.org/u/c) "
        "[![License: MIT](https://img.shields.io/badge/License-MIT-yellow.svg)](https://opensource.org/licenses/MIT)\n\n"
        "## Week 1: Arrays\n\n- Slicing [![tests](https://img.shields.io/badge/tests-passing-green.svg)]"
        "(https://ci.example.org/u/c)\n"
        f"- Reading {COLAB}(notebooks/reading.ipynb)\n"
    )
    text = shown(role.phases[0])
    assert "tests" not in text
    assert "Open In Colab" not in text  # a relative notebook without `baseUrl` has nowhere to go
    assert not any("relative link" in w for w in warnings(problems))
    assert "Build" not in "\n".join(section.text for section in role.sections)


def test_a_long_badge_link_reads_in_linear_time():
    finishes_in_a_minute(
        "from tests.content.helpers import parse_body\n"
        "parse_body('# Week 1: A\\n\\n- Lab [![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]"
        "(https://colab.research.google.com/' + 'ipynb.' * 40000 + ')\\n')\n",
        "a long notebook link",
    )


def badge_cell(path: str) -> str:
    return f"{COLAB}(https://colab.research.google.com/github/u/c/blob/main/{path})"


def test_a_table_of_weeks_shows_each_weeks_notebook_badge():
    role, problems = parse_body(
        "# Course\n\n| Week | Topic | Notebook |\n|---|---|---|\n"
        f"| 1 | Arrays | {badge_cell('w1.ipynb')} |\n| 2 | Plots | {badge_cell('w2.ipynb')} |\n"
    )
    assert not warnings(problems)
    assert [phase.title for phase in role.phases] == ["Arrays", "Plots"]
    assert shown(role.phases[1]).strip() == (
        "Notebook: [Open In Colab](https://colab.research.google.com/github/u/c/blob/main/w2.ipynb)"
    )


def test_a_tables_rows_keep_their_words_and_add_their_notebook():
    role, _ = parse_body(
        f"# Week 1: Setup\n\n| Lesson | Notebook |\n|---|---|\n| Numpy tour | {badge_cell('np.ipynb')} |\n"
        "| Pandas tour | [![build](https://ci.example.org/b.svg)](https://ci.example.org/b) |\n"
    )
    rows = [piece for piece in role.phases[0].body if piece.md.startswith(("Numpy", "Pandas"))]
    assert [row.md for row in rows] == [
        "Numpy tour — Notebook: [Open In Colab](https://colab.research.google.com/github/u/c/blob/main/np.ipynb)",
        "Pandas tour",
    ]


KAGGLE = "[![Open in Kaggle](https://kaggle.com/static/images/open-in-kaggle.svg)]"


def test_an_open_in_kaggle_badge_is_a_notebook_badge_wherever_it_links_on_kaggle():
    role, _ = parse_body(
        "# Course\n\n## Week 1: Arrays\n\n"
        f"- Slicing {KAGGLE}(https://kaggle.com/kernels/welcome?src=https://github.com/u/c/blob/main/slicing.ipynb)\n"
        f"- Broadcasting {KAGGLE}(https://kaggle.com/code/someone/broadcasting)\n"
        f"- Masks {KAGGLE}(https://www.kaggle.com/code/someone/masks)\n"
        "- Status [![Kaggle score](https://img.shields.io/badge/kaggle-top%205%25-blue)](https://kaggle.com/someone)\n"
    )
    text = shown(role.phases[0])
    assert "Broadcasting [Open in Kaggle](https://kaggle.com/code/someone/broadcasting)" in text
    assert "Masks [Open in Kaggle](https://www.kaggle.com/code/someone/masks)" in text
    assert "Slicing [Open in Kaggle](https://kaggle.com/kernels/welcome?src=" in text
    assert "Kaggle score" not in text  # a profile's badge is a status, no notebook


def test_an_open_in_kaggle_badge_to_a_notebook_at_its_authors_address_is_a_notebook_badge():
    """Kaggle's older notebook addresses name the author and the notebook ('kaggle.com/someone/titanic-eda'); its
    datasets' and competitions' pages are no notebooks."""
    role, _ = parse_body(
        "# Course\n\n## Week 1: Arrays\n\n"
        f"- Titanic {KAGGLE}(https://www.kaggle.com/someone/titanic-eda)\n"
        "- Prices [![Kaggle](https://img.shields.io/badge/Kaggle-data-blue)](https://www.kaggle.com/datasets/someone/prices)\n"
        "- Contest [![Kaggle](https://img.shields.io/badge/Kaggle-contest-blue)](https://www.kaggle.com/c/titanic)\n"
    )
    text = shown(role.phases[0])
    assert "Titanic [Open in Kaggle](https://www.kaggle.com/someone/titanic-eda)" in text
    assert "Kaggle](" not in text.replace("[Open in Kaggle](", "")
