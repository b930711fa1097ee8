"""Tests for bot.domain.today: a phase's weekly slices, their links, open items and next step."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content.loader import load_content
from bot.content.models import ChecklistItem, Phase, Piece, Subsection, Topic
from bot.domain.reminders import OpenItem
from bot.domain.today import (
    NextStep,
    PhaseSlice,
    Reference,
    Resource,
    build_today,
    extract_links,
    is_reference,
    phase_references,
    phase_slices,
    slice_resources,
    week_slice,
)
from bot.domain.weeks import ScheduledPhase, pace_weeks, schedule
from tests.conftest import CONTENT_DIR


def topic(text: str, line: int = 0, *, detail: str = "", children: tuple[Topic, ...] = ()) -> Topic:
    return Topic(text, line, children, text.split(":")[0], detail)


def part(label: str, line: int, *topics: str, text: str = "") -> Subsection:
    return Subsection(label, line, text, tuple(topic(t, line + 1 + i) for i, t in enumerate(topics)))


def phase(
    topics: tuple[Topic, ...] = (),
    parts: tuple[Subsection, ...] = (),
    *,
    number: int = 1,
    text: str = "",
    weeks: tuple[int, int] = (1, 4),
) -> Phase:
    return Phase(
        number=number,
        title=f"Phase {number} title",
        first_week=weeks[0],
        last_week=weeks[1],
        line=1,
        section_id=f"phase-{number}",
        objective="Learn things",
        topics=topics,
        subsections=parts,
        text=text,
    )


def plain(count: int) -> Phase:
    return phase(tuple(topic(f"t{i}", i) for i in range(count)))


def sizes(slices: tuple[PhaseSlice, ...]) -> list[int]:
    return [len(s.topics) for s in slices]


def shape(piece: PhaseSlice) -> list[tuple[str | None, int, bool, bool]]:
    return [(u.label, len(u.topics), u.continued, u.continues) for u in piece.units]


def atom_keys(piece: PhaseSlice) -> list[str]:
    """The atoms of a slice, by name: a topic's text, or a prose-only part's label."""
    keys: list[str] = []
    for unit in piece.units:
        if unit.topics:
            keys.extend(t.text for t in unit.topics)
        else:
            keys.append(f"[{unit.label}]")
    return keys


# --- slicing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "weeks", "expected"),
    [
        (6, 4, [2, 2, 1, 1]),
        (13, 4, [4, 3, 3, 3]),
        (8, 4, [2, 2, 2, 2]),
        (3, 1, [3]),
        (5, 5, [1, 1, 1, 1, 1]),
    ],
)
def test_plain_topics_spread_evenly_larger_weeks_first(count, weeks, expected):
    assert sizes(phase_slices(plain(count), weeks)) == expected


def test_week_three_of_four_gets_the_third_part_not_the_whole_list():
    parts = tuple(part(f"Part {n}", n * 10, f"p{n}a", f"p{n}b") for n in range(1, 5))
    slices = phase_slices(phase(parts=parts), 4)
    assert [u.label for s in slices for u in s.units] == ["Part 1", "Part 2", "Part 3", "Part 4"]
    assert week_slice(phase(parts=parts), 4, 3).units[0].label == "Part 3"
    assert not any(s.practice for s in slices)


def test_a_part_that_fits_a_week_stays_whole():
    # 6 atoms over 3 weeks: 2 a week. The part of 2 could be cut (t1 + a | b + t2), but is not.
    p = phase((topic("t1", 1), topic("t2", 2), topic("t3", 20), topic("t4", 21)), (part("Both", 10, "a", "b"),))
    slices = phase_slices(p, 3)
    assert [atom_keys(s) for s in slices] == [["t1", "t2"], ["a", "b"], ["t3", "t4"]]
    assert shape(slices[1]) == [("Both", 2, False, False)]


def test_a_fitting_part_stays_whole_even_if_a_week_gets_heavier():
    # Cutting the part would give 2 + 2; keeping it whole costs a week of 3.
    p = phase((topic("t1", 1), topic("t2", 20)), (part("Pair", 10, "a", "b"),))
    assert [atom_keys(s) for s in phase_slices(p, 2)] == [["t1", "a", "b"], ["t2"]]


def test_a_fitting_part_is_cut_only_when_there_are_not_enough_other_boundaries():
    # Two parts of 2 over 3 weeks: one boundary between them, two needed.
    p = phase(parts=(part("A", 10, "a1", "a2"), part("B", 20, "b1", "b2")))
    slices = phase_slices(p, 3)
    assert [atom_keys(s) for s in slices] == [["a1", "a2"], ["b1"], ["b2"]]
    assert [shape(s) for s in slices] == [
        [("A", 2, False, False)],
        [("B", 1, False, True)],
        [("B", 1, True, False)],
    ]


def test_a_big_part_is_split_with_its_prose_on_the_first_piece():
    p = phase(
        parts=(part("SQL Deep Dive", 10, "a", "b", "c", "d", "e", text="Start with [docs](https://sql.example)"),)
    )
    slices = phase_slices(p, 3)
    assert sizes(slices) == [2, 2, 1]
    assert [shape(s) for s in slices] == [
        [("SQL Deep Dive", 2, False, True)],
        [("SQL Deep Dive", 2, True, True)],
        [("SQL Deep Dive", 1, True, False)],
    ]
    assert slices[0].units[0].text.startswith("Start with")
    assert slices[1].units[0].text == slices[2].units[0].text == ""


def test_two_big_parts_are_not_mixed_in_a_week_when_the_boundary_helps():
    # The backend's Databases phase: 5 + 4 topics over 6 weeks.
    p = phase(parts=(part("SQL", 10, *"abcde"), part("NoSQL", 20, *"fghi")))
    slices = phase_slices(p, 6)
    assert [atom_keys(s) for s in slices] == [["a", "b"], ["c", "d"], ["e"], ["f", "g"], ["h"], ["i"]]


def test_topics_and_parts_keep_the_order_they_are_written_in():
    p = phase((topic("before", 5), topic("after", 30)), (part("Middle", 10, "m1"),))
    slices = phase_slices(p, 3)
    assert [atom_keys(s) for s in slices] == [["before"], ["m1"], ["after"]]


def test_fewer_units_than_weeks_ends_with_practice_weeks_over_the_whole_phase():
    p = phase(parts=(part("Paths", 10, "py", "node", "java", "go"), part("For all", 20, text="Patterns, testing")))
    slices = phase_slices(p, 8)
    assert [s.practice for s in slices] == [False] * 5 + [True] * 3
    assert [atom_keys(s) for s in slices] == [
        ["py"],
        ["node"],
        ["java"],
        ["go"],
        ["[For all]"],
        ["py", "node"],
        ["java", "go"],
        ["[For all]"],
    ]
    assert slices[4].units[0].text == "Patterns, testing"


def test_more_practice_weeks_than_units_cycle_one_unit_a_week():
    slices = phase_slices(plain(2), 7)
    assert [atom_keys(s) for s in slices] == [["t0"], ["t1"], ["t0"], ["t1"], ["t0"], ["t1"], ["t0"]]
    assert [s.practice for s in slices] == [False, False, True, True, True, True, True]


def test_phase_with_only_prose_is_one_unit_and_an_empty_phase_has_empty_slices():
    prose = phase(text="Read the [SRE book](https://sre.google/books/) cover to cover.")
    slices = phase_slices(prose, 2)
    assert slices[0].units[0].label is None
    assert slices[0].units[0].heading.startswith("Read the")
    assert slices[1].practice
    empty = phase_slices(phase(), 3)
    assert [s.units for s in empty] == [(), (), ()]
    assert [s.week for s in empty] == [1, 2, 3]


def test_slices_number_their_weeks():
    slices = phase_slices(plain(5), 3)
    assert [(s.phase, s.week, s.weeks) for s in slices] == [(1, 1, 3), (1, 2, 3), (1, 3, 3)]


def test_bad_weeks_are_rejected():
    with pytest.raises(ValueError, match="at least one week"):
        phase_slices(plain(3), 0)
    with pytest.raises(ValueError, match="outside"):
        week_slice(plain(3), 3, 4)
    with pytest.raises(ValueError, match="outside"):
        week_slice(plain(3), 3, 0)


def test_slices_are_frozen():
    piece = phase_slices(plain(2), 1)[0]
    with pytest.raises(FrozenInstanceError):
        piece.week = 2  # type: ignore[misc]


def test_unit_heading_prefers_label_then_topic_title():
    p = phase((topic("Git: branching, merging", 1),), (part("APIs", 10, "REST"),))
    units = [u for s in phase_slices(p, 2) for u in s.units]
    assert [u.heading for u in units] == ["Git", "APIs"]


# --- properties ---------------------------------------------------------------------------


@st.composite
def phases(draw: st.DrawFn) -> Phase:
    """A phase of loose topics and parts (some prose-only) in any order, every atom named uniquely."""
    blocks = draw(
        st.lists(
            st.one_of(st.just(0), st.integers(min_value=1, max_value=7), st.just(-1)),
            max_size=10,
        )
    )
    topics: list[Topic] = []
    parts: list[Subsection] = []
    for n, kind in enumerate(blocks):
        line = (n + 1) * 100
        if kind == 0:
            topics.append(topic(f"loose{n}", line))
        elif kind == -1:
            parts.append(part(f"prose{n}", line, text=f"prose of {n}"))
        else:
            parts.append(part(f"part{n}", line, *(f"p{n}.{i}" for i in range(kind))))
    return phase(tuple(topics), tuple(parts))


def all_atoms(p: Phase) -> list[str]:
    return [key for s in phase_slices(p, 1) for key in atom_keys(s)]


def block_of(key: str) -> str:
    """The block an atom key belongs to: "p3.1" is in "part3", the others are blocks of their own."""
    if key.startswith("p") and "." in key:
        return "part" + key[1:].split(".")[0]
    return key


def regular_and_practice(slices: tuple[PhaseSlice, ...]) -> tuple[list[PhaseSlice], list[PhaseSlice]]:
    regular = [s for s in slices if not s.practice]
    practice = [s for s in slices if s.practice]
    assert slices[: len(regular)] == tuple(regular)  # practice weeks only at the end
    return regular, practice


@settings(max_examples=300)
@given(p=phases(), weeks=st.integers(min_value=1, max_value=20))
def test_every_unit_in_exactly_one_week_in_order(p, weeks):
    slices = phase_slices(p, weeks)
    atoms = all_atoms(p)
    assert len(slices) == weeks
    assert [s.week for s in slices] == list(range(1, weeks + 1))
    regular, practice = regular_and_practice(slices)
    covered = [key for s in regular for key in atom_keys(s)]
    assert covered == atoms  # each once, in order
    if atoms:
        assert len(regular) == min(len(atoms), weeks)
        assert all(s.units for s in slices)  # no empty week while units remain
    else:
        assert not practice
        assert all(not s.units for s in slices)


@settings(max_examples=300)
@given(p=phases(), weeks=st.integers(min_value=1, max_value=20))
def test_practice_weeks_go_over_the_phase_again(p, weeks):
    atoms = all_atoms(p)
    _, practice = regular_and_practice(phase_slices(p, weeks))
    revisited = [key for s in practice for key in atom_keys(s)]
    if len(practice) <= len(atoms):
        assert revisited == (atoms if practice else [])
    else:
        assert revisited == [atoms[j % len(atoms)] for j in range(len(practice))]


@settings(max_examples=300)
@given(p=phases(), weeks=st.integers(min_value=1, max_value=20))
def test_fitting_parts_are_cut_only_when_unavoidable(p, weeks):
    atoms = all_atoms(p)
    if not atoms:
        return
    regular, _ = regular_and_practice(phase_slices(p, weeks))
    k = len(regular)
    capacity = -(-len(atoms) // k)
    part_sizes = {s.label: len(s.topics) for s in p.subsections}
    blocks = [block_of(key) for key in atoms]
    # Boundaries that cut no fitting part: between blocks, and inside parts too big for a week.
    free = sum(1 for a, b in pairwise(blocks) if a != b or part_sizes[a] > capacity)
    if free >= k - 1:
        for label, size in part_sizes.items():
            if 0 < size <= capacity:
                assert sum(1 for s in regular for u in s.units if u.label == label) == 1, label


@given(count=st.integers(min_value=1, max_value=60), weeks=st.integers(min_value=1, max_value=30))
def test_plain_topics_weeks_differ_by_at_most_one(count, weeks):
    got = sizes(phase_slices(plain(count), weeks))
    regular = got[: min(count, weeks)]
    assert max(regular) - min(regular) <= 1
    assert regular == sorted(regular, reverse=True)


@given(p=phases(), weeks=st.integers(min_value=1, max_value=20))
def test_slicing_is_deterministic(p, weeks):
    assert phase_slices(p, weeks) == phase_slices(p, weeks)


# --- links --------------------------------------------------------------------------------


def test_extract_links_inline_and_autolinks_in_order_once_each():
    text = (
        "See [Pro Git](https://git-scm.com/book), then <https://docs.python.org/3/> and "
        "[the book again](https://git-scm.com/book); also [mail](mailto:a@b.c) and [local](#phase-1)."
    )
    assert extract_links(text) == (
        Resource("Pro Git", "https://git-scm.com/book"),
        Resource("https://docs.python.org/3/", "https://docs.python.org/3/"),
    )


def test_extract_links_with_escaped_brackets_and_encoded_parentheses():
    text = r"[C\[\] arrays](https://en.wikipedia.org/wiki/Array_%28data_structure%29) and [plain](http://example.org/x)"
    assert extract_links(text) == (
        Resource(r"C\[\] arrays", "https://en.wikipedia.org/wiki/Array_%28data_structure%29"),
        Resource("plain", "http://example.org/x"),
    )


def test_extract_links_none():
    assert extract_links("no links, `<button>` and [brackets] (here)") == ()


def test_slice_resources_come_from_prose_topics_details_and_children_of_that_week_only():
    nested = topic("Nested: [A again](https://a.example)", 2, children=(topic("[child](https://child.example)", 3),))
    detailed = topic("Detailed", 4, detail="- [detail](https://detail.example)\n- [week one's](https://a.example)")
    p = phase(
        (topic("[A](https://a.example) first", 1), nested, detailed, topic("[later](https://later.example)", 50)),
        (),
    )
    slices = phase_slices(p, 2)
    assert slice_resources(slices[0]) == (  # each URL once, with its first text
        Resource("A", "https://a.example"),
        Resource("child", "https://child.example"),
    )
    assert slice_resources(slices[1]) == (  # a URL of another week is listed again in this one
        Resource("detail", "https://detail.example"),
        Resource("week one's", "https://a.example"),
        Resource("later", "https://later.example"),
    )


def test_slice_resources_include_part_prose_on_its_first_piece():
    p = phase(parts=(part("P", 10, "a", "b", text="Guide: <https://guide.example>"),))
    first, second = phase_slices(p, 2)
    assert slice_resources(first) == (Resource("https://guide.example", "https://guide.example"),)
    assert slice_resources(second) == ()


# --- build_today --------------------------------------------------------------------------

CHECKLIST = (
    ChecklistItem("general", "Foundations", "A general item", 1),
    ChecklistItem("install", "Phase 2", "Install the tools", 2, phase=2),
    ChecklistItem("deploy", "Phase 2", "Deploy something", 3, phase=2),
    ChecklistItem("install", "Phase 2", "Install the tools", 4, phase=2),  # the same ID twice
    ChecklistItem("later", "Phase 3", "A later item", 5, phase=3),
)


def test_build_today_slices_over_the_scheduled_weeks():
    p2 = phase(tuple(topic(f"[t{i}](https://t{i}.example)", i) for i in range(6)), number=2, weeks=(5, 8))
    scheduled = ScheduledPhase(2, 7, 9)  # 3 weeks at this learner's pace, not the nominal 4
    view = build_today(p2, scheduled, 8, CHECKLIST, done_ids={"install"})
    assert view.week == 8
    assert (view.phase_number, view.phase_title, view.phase_span) == (2, "Phase 2 title", "weeks 7-9")
    assert view.objective == "Learn things"
    assert (view.slice.week, view.slice.weeks) == (2, 3)
    assert [t.text for t in view.slice.topics] == ["[t2](https://t2.example)", "[t3](https://t3.example)"]
    assert view.resources == (Resource("t2", "https://t2.example"), Resource("t3", "https://t3.example"))
    assert view.open_items == (OpenItem("deploy", "Deploy something"),)
    assert view.next_step == NextStep("Deploy something", item_id="deploy")
    assert view.next_step.is_item


def test_build_today_open_items_once_each_in_checklist_order():
    p2 = phase((topic("t", 1),), number=2)
    view = build_today(p2, ScheduledPhase(2, 1, 2), 1, CHECKLIST, done_ids=set())
    assert [i.id for i in view.open_items] == ["install", "deploy"]


def test_next_step_is_the_first_unit_when_the_phase_items_are_done():
    p2 = phase((topic("Git: branching", 1), topic("Shell", 2)), number=2)
    view = build_today(p2, ScheduledPhase(2, 1, 1), 1, CHECKLIST, done_ids={"install", "deploy"})
    assert view.open_items == ()
    assert view.next_step is not None
    assert view.next_step.text == "Git"
    assert view.next_step.unit == view.slice.units[0]
    assert not view.next_step.is_item


def test_no_next_step_for_an_empty_phase_without_items():
    every = {item.id for item in CHECKLIST}  # nothing left of earlier phases either
    view = build_today(phase(number=4), ScheduledPhase(4, 1, 2), 2, CHECKLIST, done_ids=every)
    assert view.slice.units == ()
    assert view.next_step is None
    assert view.resources == ()


def test_open_items_of_earlier_phases_are_overdue_and_the_next_step():
    p3 = phase((topic("t", 1),), number=3)
    view = build_today(p3, ScheduledPhase(3, 9, 12), 10, CHECKLIST, done_ids={"deploy"})
    assert [i.id for i in view.overdue_items] == ["install"]  # once; done and phase-less items are not overdue
    assert [i.id for i in view.open_items] == ["later"]
    assert view.next_step is not None and view.next_step.item_id == "install"


def test_build_today_rejects_a_week_outside_the_phase_or_another_phase():
    p2 = phase((topic("t", 1),), number=2)
    with pytest.raises(ValueError, match="not in phase 2"):
        build_today(p2, ScheduledPhase(2, 5, 8), 9, CHECKLIST, done_ids=())
    with pytest.raises(ValueError, match="not scheduled phase 3"):
        build_today(p2, ScheduledPhase(3, 5, 8), 5, CHECKLIST, done_ids=())


# --- shipped content ----------------------------------------------------------------------


def test_backend_engineer_every_week_of_every_phase_has_a_slice_at_every_pace():
    role = load_content(CONTENT_DIR).roles["backend-engineer"]
    assert role.phases
    paces: list[str | None] = [None, *role.timeline_months]
    for pace in paces:
        total = pace_weeks(role.timeline_months, pace, role.total_weeks, phase_count=len(role.phases))
        plan = schedule(role.phases, total)
        for content, scheduled in zip(role.phases, plan, strict=True):
            for week in range(scheduled.first_week, scheduled.last_week + 1):
                view = build_today(content, scheduled, week, role.checklist, done_ids=())
                assert view.slice.units, (pace, content.number, week)
                assert view.next_step is not None
            covered = [t for s in phase_slices(content, scheduled.weeks) if not s.practice for t in s.topics]
            written = [*content.topics, *(t for part in content.subsections for t in part.topics)]
            assert sorted(covered, key=lambda t: t.line) == sorted(written, key=lambda t: t.line)


def test_every_shipped_role_has_a_slice_for_every_week(shipped_index):
    for role in shipped_index.roles.values():
        for pace in [None, *role.timeline_months]:
            total = pace_weeks(role.timeline_months, pace, role.total_weeks, phase_count=len(role.phases))
            for content, scheduled in zip(role.phases, schedule(role.phases, total), strict=True):
                slices = phase_slices(content, scheduled.weeks)
                assert all(s.units for s in slices), (role.name, pace, content.number)


def test_each_week_gets_the_pieces_written_from_its_units_start_to_the_next_units() -> None:
    written = (
        Piece("text", 2, "Why this phase matters."),
        Piece("item", 3, "Move semantics"),
        Piece("code", 4, "```rust\nlet b = a;\n```"),
        Piece("text", 7, "Borrowing:"),
        Piece("label", 8, "Borrowing"),
        Piece("item", 9, "References"),
        Piece("item", 10, "Lifetimes"),
        Piece("item", 11, "Explicit lifetimes", depth=1),
    )
    shared = replace(
        phase((topic("Move semantics", 3),), (part("Borrowing", 8, "References", "Lifetimes"),)), body=written
    )
    first, second, third = phase_slices(shared, 3)
    # The prose above every unit goes to none; the code after a topic goes with it.
    assert [p.line for u in first.units for p in u.pieces] == [3, 4]
    # A lead-in goes with the part it leads in to; a part cut over weeks shares its pieces out by topic.
    assert [p.line for u in second.units for p in u.pieces] == [7, 8, 9]
    assert [p.line for u in third.units for p in u.pieces] == [10, 11]
    assert third.units[0].continued


@pytest.mark.parametrize(
    ("label", "reference"),
    [
        ("Resources", True),
        ("📚 Further reading:", True),
        ("Learning resources", True),
        ("Useful links", True),
        ("Ressourcen", True),
        ("Recursos", True),
        ("Project", False),
        ("Read the resources chapter and build a parser for them", False),  # a task, not a list's name
        ("Linked lists", False),
        (None, False),
    ],
)
def test_a_reference_part_is_named_as_one(label: str | None, reference: bool) -> None:
    assert is_reference(label) is reference


def test_a_reference_part_is_no_weeks_work_but_the_phases_for_every_week() -> None:
    links = ("[MML](https://mml-book.github.io/)", "[NumPy](https://numpy.org/)")
    written = phase(parts=(part("Project", 1, "p1", "p2", "p3", "p4"), part("Resources", 10, *links)))
    slices = phase_slices(written, 4)
    assert [atom_keys(s) for s in slices] == [["p1"], ["p2"], ["p3"], ["p4"]]  # no week has the links
    assert phase_references(written) == (
        Reference(
            "Resources", (Resource("MML", "https://mml-book.github.io/"), Resource("NumPy", "https://numpy.org/"))
        ),
    )
    view = build_today(written, ScheduledPhase(1, 1, 4), 3, (), ())
    assert view.references == phase_references(written)


def test_a_phase_of_nothing_but_resources_is_sliced_as_written() -> None:
    written = phase(parts=(part("Resources", 1, "[A](https://a.example/)", "[B](https://b.example/)"),))
    assert [atom_keys(s) for s in phase_slices(written, 2)] == [
        ["[A](https://a.example/)"],
        ["[B](https://b.example/)"],
    ]
    # Each week shows its piece of the list, and not the list again beside it.
    assert build_today(written, ScheduledPhase(1, 1, 2), 1, (), ()).references == ()


def test_reading_is_some_weeks_work_where_the_other_parts_are_fewer_than_the_weeks() -> None:
    links = ("[MML](https://mml-book.github.io/)", "[NumPy](https://numpy.org/)")
    written = phase(parts=(part("Resources", 1, *links), part("Project", 10, "p1"), part("Checkpoint", 20, "c1")))
    slices = phase_slices(written, 4)
    assert [atom_keys(s) for s in slices] == [[links[0]], [links[1]], ["p1"], ["c1"]]  # no weeks of practice first
    assert build_today(written, ScheduledPhase(1, 1, 4), 1, (), ()).references == ()  # its own week shows it
    assert [r.label for r in build_today(written, ScheduledPhase(1, 1, 4), 3, (), ()).references] == ["Resources"]
