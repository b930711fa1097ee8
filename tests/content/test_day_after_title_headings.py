"""A log of day headings that name their day after their topic ('## Soldering basics | Day 1' … '## Day 10'), more
than a week of them, is a plan of weeks as headings that open with their day are: a phase per seven days, titled by
the days' topics without the day named again."""

from __future__ import annotations

from bot.content.answers import answer
from bot.content.loader import build_index
from bot.handlers.learning import phase_body
from tests.content.helpers import parse_messages, phase_spans, written_role


def log(n: int, *, mark: str = "|", anchor: bool = True) -> str:
    """Return a log of `n` day headings, each naming its day after its topic, with a line of what was done."""
    body = "# Hundred Days of Circuits\n\nA circuit a day, written up as I go.\n\n"
    for d in range(1, n + 1):
        tail = f' <a name="{d}"></a>' if anchor else ""
        body += f"## Circuit {d} {mark} Day {d}{tail}\n\nWired circuit {d} on the breadboard.\n\n"
    return body


def test_headings_naming_their_day_after_a_bar_are_a_phase_per_week():
    role, problems = parse_messages(log(10))
    assert phase_spans(role) == [
        (1, "Circuit 1 · Circuit 2 · Circuit 3 · Circuit 4 · Circuit 5 · Circuit 6 · Circuit 7", (1, 1)),
        (2, "Circuit 8 · Circuit 9 · Circuit 10", (2, 2)),
    ]
    assert not [m for m in problems if "no phases found" in m]
    assert [s.label for s in role.phases[1].subsections][:1] == ["Circuit 8 | Day 8"]


def test_a_dash_before_the_day_reads_the_same():
    role, _ = parse_messages(log(9, mark="—", anchor=False))
    assert [p.weeks for p in role.phases] == [(1, 1), (2, 2)]
    assert role.phases[1].title == "Circuit 8 · Circuit 9"


def test_a_week_or_less_of_them_stays_a_self_paced_path():
    role, problems = parse_messages(log(7))
    assert role.phases == ()
    assert [m for m in problems if "no phases found" in m]


def test_a_topic_heading_that_names_a_day_inside_its_words_is_no_day():
    body = "# Notes\n\n" + "".join(f"## What Day {d} of the course covers\n\nText {d}.\n\n" for d in range(1, 10))
    role, _ = parse_messages(body)
    assert role.phases == ()


def test_a_table_of_the_days_above_their_headings_is_their_index():
    index = "| Day | Circuit |\n|---|---|\n" + "".join(f"| Day {d} | [Circuit {d}](#{d}) |\n" for d in range(1, 11))
    role, _ = parse_messages(log(10).replace("## Circuit 1 ", index + "\n## Circuit 1 ", 1))
    assert [p.title for p in role.phases][1] == "Circuit 8 · Circuit 9 · Circuit 10"
    assert "Wired circuit 9" in phase_body(role.phases[1])


def test_a_day_question_finds_that_days_heading():
    role = written_role("circuits", log(10))
    found = answer(build_index([role], []).search, "day 9", role=role.name)
    assert found.problem == ""
    assert found.hits[0].section.title.startswith("Circuit 9 | Day 9")
