"""Role files in Hindi, and tasks that only their words in scripts such as Devanagari, Thai or Greek tell apart:
Hindi week and phase headings read as the English ones (Devanagari digits as digits), and such tasks load as two
items, with no item that loaded before changing its ID."""

from __future__ import annotations

import pytest

from bot.content.answers import answer
from bot.content.ids import checklist_item_id
from bot.content.loader import parse_bytes
from bot.content.phases import read_phase_heading
from bot.content.questions import read_question
from bot.content.search import SearchIndex
from tests.content.helpers import parse_body, phase_spans, role_file, written_role


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("5 पन्ने पढ़ें", "5 सवाल हल करें"),  # Hindi
        ("อ่านหนังสือ 5 หน้า", "เขียนโค้ด 5 บรรทัด"),  # Thai
        ("Διάβασε 5 σελίδες", "Γράψε 5 γραμμές"),  # Greek
        ("Docker: לבנות", "Docker: להריץ"),  # Hebrew beside a Latin word
    ],
)
def test_tasks_told_apart_only_by_words_in_another_script_are_two_items(one: str, other: str) -> None:
    body = f"# T\n\n## Week 1: Practice\n- [ ] {one}\n- [ ] {other}\n"
    role, problems = parse_body(body)
    assert [p for p in problems if p.severity == "error"] == []
    assert [i.text for i in role.checklist] == [one, other]
    ids = [i.id for i in role.checklist]
    assert len(set(ids)) == 2
    # Neither keeps the ID of the words they share, whichever is written first: reordering them moves no tick.
    swapped, _ = parse_body(f"# T\n\n## Week 1: Practice\n- [ ] {other}\n- [ ] {one}\n")
    assert {i.text: i.id for i in swapped.checklist} == {i.text: i.id for i in role.checklist}


def test_a_third_task_alike_in_its_latin_words_takes_its_own_id_too() -> None:
    items = ["5 पन्ने पढ़ें", "5 सवाल हल करें", "5 वीडियो देखें"]
    found = []
    for order in (items, items[::-1], [items[1], items[2], items[0]]):
        role, problems = parse_body("# T\n\n## Tasks\n" + "".join(f"- [ ] {t}\n" for t in order))
        assert [p for p in problems if p.severity == "error"] == []
        found.append({i.text: i.id for i in role.checklist})
    assert found[0] == found[1] == found[2]
    assert len(set(found[0].values())) == 3
    assert checklist_item_id("5") not in found[0].values()


def test_a_task_in_latin_letters_keeps_its_id_beside_one_alike_in_another_script() -> None:
    for body in ("- [ ] 5 सवाल हल करें\n- [ ] 5\n", "- [ ] 5\n- [ ] 5 सवाल हल करें\n"):
        role, problems = parse_body(f"# T\n\n## Tasks\n{body}")
        assert [p for p in problems if p.severity == "error"] == []
        assert {i.text: i.id for i in role.checklist} == {
            "5": checklist_item_id("5"),
            "5 सवाल हल करें": checklist_item_id("5 सवाल हल करें", every_letter=True),
        }


def test_the_same_task_twice_in_another_script_is_still_an_error() -> None:
    role, problems = parse_bytes(role_file(body="## Tasks\n- [ ] 5 सवाल हल करें\n- [ ] 5 सवाल हल करें\n").encode(), "x.md")
    assert role is None
    assert [(p.line, "same ID" in p.message) for p in problems if p.severity == "error"] == [(10, True)]


def test_a_lone_task_in_another_script_keeps_the_id_of_its_latin_words() -> None:
    """Ticks are stored under it: an item that clashes with none keeps the ID it always had."""
    role, _ = parse_body("# T\n\n## Tasks\n- [ ] 5 सवाल हल करें\n- [ ] Docker सीखें\n")
    assert [i.id for i in role.checklist] == [checklist_item_id("5"), checklist_item_id("Docker")]


@pytest.mark.parametrize(
    ("heading", "number", "weeks", "title"),
    [
        ("सप्ताह 1-2: Python की बुनियाद", None, (1, 2), "Python की बुनियाद"),
        ("हफ़्ता 3: Git", None, (3, 3), "Git"),
        ("हफ्ते 3-4: Git", None, (3, 4), "Git"),
        ("चरण 1: बुनियाद (सप्ताह 1-4)", 1, (1, 4), "बुनियाद"),
        ("चरण २: डेटाबेस (सप्ताह ५-८)", 2, (5, 8), "डेटाबेस"),
        ("सप्ताह 5 से 8 तक: API", None, (5, 8), "API"),
        ("📅 सप्ताह ३ और ४: टेस्टिंग", None, (3, 4), "टेस्टिंग"),
        ("महीना 2: SQL", None, (5, 8), "SQL"),
    ],
)
def test_a_hindi_phase_heading_reads_as_an_english_one(heading, number, weeks, title) -> None:
    found = read_phase_heading(heading)
    assert found is not None
    assert (found.number, (found.first, found.last), found.title) == (number, weeks, title)


def test_a_hindi_phase_that_gives_its_length() -> None:
    found = read_phase_heading("चरण 3: वेब (4 सप्ताह)")
    assert found is not None
    assert (found.number, found.first, found.length, found.title) == (3, None, 4, "वेब")


@pytest.mark.parametrize("heading", ["दिनांक 5: परीक्षा", "5 दिनांक"])  # 'date', not 'day'
def test_a_hindi_word_that_opens_with_a_unit_word_is_no_span(heading: str) -> None:
    assert read_phase_heading(heading) is None


HINDI_PLAN = """# बैकएंड रोडमैप

## सप्ताह 1-2: Python की बुनियाद

**लक्ष्य:** छोटे प्रोग्राम लिखना।

- वेरिएबल और लूप
- [ ] 5 पन्ने पढ़ें
- [ ] 5 सवाल हल करें

## सप्ताह ३-४: डेटाबेस

- मॉडल और माइग्रेशन
- [ ] पहला मॉडल बनाएँ
"""


def test_a_hindi_plan_is_a_weekly_plan_with_its_objectives_and_items() -> None:
    role = written_role("hindi-plan", HINDI_PLAN)
    assert not role.self_paced
    assert phase_spans(role) == [(1, "Python की बुनियाद", (1, 2)), (2, "डेटाबेस", (3, 4))]
    assert role.phases[0].objective == "छोटे प्रोग्राम लिखना।"
    assert [(i.text, i.phase) for i in role.checklist] == [
        ("5 पन्ने पढ़ें", 1),
        ("5 सवाल हल करें", 1),
        ("पहला मॉडल बनाएँ", 2),
    ]


@pytest.mark.parametrize(("query", "weeks"), [("सप्ताह 4", (4, 4)), ("हफ़्ता ३", (3, 3))])
def test_a_week_asked_in_hindi(query: str, weeks: tuple[int, int]) -> None:
    question = read_question(query)
    assert (question.kind, question.weeks) == ("week", weeks)
    role = written_role("hindi-plan", HINDI_PLAN)
    assert answer(SearchIndex([role]), query).hits[0].section.title == "सप्ताह ३-४: डेटाबेस"
