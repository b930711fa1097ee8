"""Which numbered series is a file's plan when one holds another: '## Module 1 (Weeks 1-3)' over '### Lesson 1.1'
parts, '## Unit 1 (Weeks 1-2)' over '### Lesson N', '## Sprint 1' over '### Day N'."""

from __future__ import annotations

from tests.content.helpers import parse_body


def parse(body: str):
    """Parse a body that must load; return the role and its problems as (severity, line, message)."""
    role, problems = parse_body(body)
    return role, [(p.severity, p.line, p.message) for p in problems]


def phases(role) -> list[tuple[int, str, tuple[int, int], bool]]:
    return [(p.number, p.title, p.weeks, p.planned) for p in role.phases]


def parts(role) -> list[list[str]]:
    return [[s.label for s in p.subsections] for p in role.phases]


def syllabus(module: str, lesson: str, weeks: bool = True) -> str:
    """Three modules of two or three lessons each; `lesson` is formatted with the module's number m and the
    lesson's own, k (within the module) and n (across the file)."""
    out, n = ["# Bootcamp\n"], 0
    for m, count in ((1, 3), (2, 3), (3, 2)):
        span = f" (Weeks {3 * m - 2}–{3 * m})" if weeks else ""
        out.append(f"## {module} {m}: Topic {m}{span}\n\n**Learning outcomes:** ship part {m}.\n")
        for k in range(1, count + 1):
            n += 1
            out.append(f"### {lesson.format(m=m, k=k, n=n)} — Lesson title {n}\n\n- point {n}\n")
        out.append(f"#### Lab {m}: Build it\n\n- [ ] Build lab {m}\n")
    return "\n".join(out)


def test_modules_that_give_weeks_are_the_phases_over_more_lessons_that_give_none() -> None:
    role, problems = parse(syllabus("Module", "Lesson {n}"))
    assert phases(role) == [(1, "Topic 1", (1, 3), False), (2, "Topic 2", (4, 6), False), (3, "Topic 3", (7, 9), False)]
    assert parts(role)[0] == [
        "Lesson 1 — Lesson title 1",
        "Lesson 2 — Lesson title 2",
        "Lesson 3 — Lesson title 3",
        "Lab 1: Build it",
    ]
    assert [(c.text, c.phase) for c in role.checklist] == [("Build lab 1", 1), ("Build lab 2", 2), ("Build lab 3", 3)]
    assert problems == []


def test_a_dotted_lesson_number_is_a_part_of_its_module_never_a_phase() -> None:
    role, problems = parse(syllabus("Module", "Lesson {m}.{k}"))
    assert phases(role) == [(1, "Topic 1", (1, 3), False), (2, "Topic 2", (4, 6), False), (3, "Topic 3", (7, 9), False)]
    assert parts(role)[1][:3] == [
        "Lesson 2.1 — Lesson title 4",
        "Lesson 2.2 — Lesson title 5",
        "Lesson 2.3 — Lesson title 6",
    ]
    assert problems == []


def test_modules_without_weeks_over_dotted_lessons_are_the_phases_with_weeks_planned() -> None:
    role, problems = parse(syllabus("Module", "Lesson {m}.{k}", weeks=False))
    assert [(p.number, p.title) for p in role.phases] == [(1, "Topic 1"), (2, "Topic 2"), (3, "Topic 3")]
    assert all(p.planned for p in role.phases)
    assert not [p for p in problems if p[0] == "error"], problems


def test_units_that_give_weeks_hold_their_lessons() -> None:
    role, problems = parse(syllabus("Unit", "Lesson {n}"))
    assert phases(role) == [(1, "Topic 1", (1, 3), False), (2, "Topic 2", (4, 6), False), (3, "Topic 3", (7, 9), False)]
    assert parts(role)[2] == ["Lesson 7 — Lesson title 7", "Lesson 8 — Lesson title 8", "Lab 3: Build it"]
    assert problems == []


def test_more_lessons_still_outnumber_modules_when_neither_gives_weeks() -> None:
    role, _ = parse(syllabus("Module", "Lesson {n}", weeks=False))
    assert [p.title for p in role.phases] == [f"Lesson title {n}" for n in range(1, 9)]


def test_sprints_hold_their_days() -> None:
    body = "# Sprints\n\n" + "".join(
        f"## Sprint {s}: Goal {s}\n\n### Day {2 * s - 1}\n- a\n\n### Day {2 * s}\n- b\n\n" for s in range(1, 4)
    )
    role, _ = parse(body)
    assert [(p.number, p.title) for p in role.phases] == [(1, "Goal 1"), (2, "Goal 2"), (3, "Goal 3")]
    assert parts(role)[1] == ["Day 3", "Day 4"]


def test_modules_under_phases_are_their_parts() -> None:
    body = "".join(
        f"## Phase {p}: Part {p} (Weeks {4 * p - 3}-{4 * p})\n\n### Module {p}.1 — Intro\n- a\n\n### Module {p}.2 — More\n"
        "- b\n\n"
        for p in range(1, 3)
    )
    role, problems = parse(body)
    assert phases(role) == [(1, "Part 1", (1, 4), False), (2, "Part 2", (5, 8), False)]
    assert parts(role)[1] == ["Module 2.1 — Intro", "Module 2.2 — More"]
    assert problems == []
