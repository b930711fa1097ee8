"""A file that holds two or more plans one after the other, each numbering its phases from 1 again (a plan per
track: '## Frontend' over '### Phase 1', '### Phase 2', then '## Python' over '### Phase 1'): the first is the
weekly plan, the others stay searchable sections, and one warning says how to follow them. Phases out of order in
one plan keep their error."""

from __future__ import annotations

from bot.content.loader import parse_bytes
from bot.content.search import SearchIndex
from bot.handlers.learning import phase_body
from tests.content.helpers import errors, parse_body, role_file, warnings

TWO_TRACKS = (
    "## 1. Frontend\n### Phase 1: HTML (1-2 months)\n- Semantic tags\n- Forms\n### Phase 2: CSS (2-3 months)\n"
    "- Flexbox\n## 2. Python\n### Phase 1: Basics (2-3 months)\n- Variables\n- Loops\n"
    "### Phase 2: Web (1-2 months)\n- Django views\n- Flask routes\n"
)


def parse(body: str):
    role, problems = parse_bytes(role_file(body=body).encode(), "x.md")
    return role, problems


def titles(role, query: str) -> list[str]:
    return [h.section.title for h in SearchIndex([role]).search(query)]


def test_two_plans_under_numbered_track_headings_load_with_the_first_as_the_weekly_plan():
    role, problems = parse_body(TWO_TRACKS)
    assert [(p.number, p.title) for p in role.phases] == [(1, "HTML"), (2, "CSS")]
    assert phase_body(role.phases[0]) == "- Semantic tags\n- Forms"
    assert errors(problems) == []
    (said,) = [w for w in warnings(problems) if "plans" in w]
    assert said == (
        "this file holds 2 plans, each numbering its phases from 1: the first, '1. Frontend' (line 8), is the "
        "weekly plan; '2. Python' (line 14) is kept as sections (searchable, not in the weekly plan): to follow one "
        "week by week, put it in a role file of its own"
    )
    # the second plan's phases are sections, with what is written under them, found by search
    assert titles(role, "basics")[0] == "Phase 1: Basics (2-3 months)"
    (web,) = [s for s in role.sections if s.title == "Phase 2: Web (1-2 months)"]
    assert web.path == ("2. Python", "Phase 2: Web (1-2 months)")
    assert "Flask routes" in titles(role, "flask routes")
    # no phase hint is given for the headings kept as sections
    assert not [w for w in warnings(problems) if "is not read as a phase" in w]


def test_three_plans_under_h1_tracks_each_counting_stages_from_1_name_every_later_track_once():
    body = (
        "# Beginner roadmap\nWhere everyone starts.\n## Stage 1: Tools (Weeks 1-2)\n- Editor\n"
        "## Stage 2: Language (Weeks 3-6)\n- Syntax\n# Intermediate roadmap\n## Stage 1: APIs (Weeks 1-3)\n- REST\n"
        "## Stage 2: Databases (Weeks 4-6)\n- SQL joins\n## Stage 3: Deploying (Weeks 7-8)\n- Containers\n"
        "# Advanced roadmap\n## Stage 1: Scaling (Weeks 1-4)\n- Caching\n"
    )
    role, problems = parse_body(body)
    assert [(p.title, p.weeks) for p in role.phases] == [("Tools", (1, 2)), ("Language", (3, 6))]
    (said,) = [w for w in warnings(problems) if "plans" in w]
    assert said.startswith("this file holds 3 plans, each numbering its phases from 1: the first, 'Beginner roadmap'")
    assert "'Intermediate roadmap' (line 14) and 'Advanced roadmap' (line 21) are kept as sections" in said
    assert errors(problems) == []
    assert titles(role, "sql joins")[0] == "SQL joins"


def test_plans_of_step_headings_that_count_from_1_again_under_each_track_load():
    body = (
        "## Frontend\n### Step 1: HTML\n- Tags\n### Step 2: CSS\n- Grid\n"
        "## Backend\n### Step 1: Python\n- Loops\n### Step 2: Django\n- Views\n"
    )
    role, problems = parse_body(body)
    assert [p.title for p in role.phases] == ["HTML", "CSS"]
    assert errors(problems) == []
    assert "'Backend' (line 13) is kept as sections" in " ".join(warnings(problems))
    assert titles(role, "django")[0] == "Step 2: Django"


def test_plans_written_as_lists_of_stages_under_track_headings_load():
    body = (
        "# Learning stages by track\n## Frontend\n- **Stage 1** (Weeks 1-4): HTML and CSS\n"
        "- **Stage 2** (Weeks 5-8): A framework\n## Backend\n- **Stage 1** (Weeks 1-6): A server language\n"
        "- **Stage 2** (Weeks 7-10): HTTP and routing\n## Data\n- **Stage 1** (Months 1-2): SQL\n"
        "- **Stage 2** (Months 3-4): Pipelines\n"
    )
    role, problems = parse_body(body)
    assert [(p.title, p.weeks) for p in role.phases] == [("HTML and CSS", (1, 4)), ("A framework", (5, 8))]
    assert errors(problems) == []
    (said,) = [w for w in warnings(problems) if "plans" in w]
    assert "the first, 'Frontend' (line 9), is the weekly plan; 'Backend' (line 12) and 'Data' (line 15)" in said
    assert titles(role, "http routing")[0] == "Stage 2 (Weeks 7-10): HTTP and routing"


def test_plans_as_lists_under_sub_headings_of_two_levels_are_told_apart_by_the_h1_tracks_over_them():
    body = (
        "# Web Developer Roadmap\n## Phases\n1. Phase 1: Basics (1-2 Months)\n2. Phase 2: Frameworks (2-3 Months)\n"
        "# Node.js Roadmap\n### Phases\n1. Phase 1: Runtime (1 Month)\n2. Phase 2: Express and APIs (2 Months)\n"
    )
    role, problems = parse_body(body)
    assert [p.title for p in role.phases] == ["Basics", "Frameworks"]
    assert errors(problems) == []
    (said,) = [w for w in warnings(problems) if "plans" in w]
    assert (
        "the first, 'Web Developer Roadmap' (line 8), is the weekly plan; 'Node.js Roadmap' (line 12) is kept" in said
    )
    assert titles(role, "express apis")[0] == "Phase 2: Express and APIs (2 Months)"


def test_plans_of_bold_phase_lines_under_track_headings_load():
    body = (
        "## Frontend\n**Phase 1: HTML (Weeks 1-2)**\n- Tags\n\n**Phase 2: CSS (Weeks 3-4)**\n- Grid\n\n"
        "## Backend\n**Phase 1: Python (Weeks 1-2)**\n- Loops\n\n**Phase 2: Django (Weeks 3-4)**\n- Views\n"
    )
    role, problems = parse_body(body)
    assert [(p.title, p.weeks) for p in role.phases] == [("HTML", (1, 2)), ("CSS", (3, 4))]
    assert phase_body(role.phases[1]) == "- Grid"
    assert errors(problems) == []
    assert "'Backend' (line 15) is kept as sections" in " ".join(warnings(problems))
    assert titles(role, "django")[0] == "Phase 2: Django (Weeks 3-4)"


def test_a_later_tracks_stage_that_lists_its_topics_is_titled_by_all_its_words():
    body = (
        "## Frontend\n- **Stage 1** (Weeks 1-4): HTML and CSS\n- **Stage 2** (Weeks 5-8): A framework\n"
        "## Embedded\n- **Stage 1** (Weeks 1-6): C, pointers and memory maps\n"
        "- **Phase 2** (Months 2-3): GPIO, timers and interrupts\n"
    )
    role, _ = parse_body(body)
    # not cut at its colon as 'Topic: a, b and c' is: 'Stage 1 (Weeks 1-6)' alone names nothing to learn
    assert titles(role, "pointers")[0] == "Stage 1 (Weeks 1-6): C, pointers and memory maps"
    assert titles(role, "timers")[0] == "Phase 2 (Months 2-3): GPIO, timers and interrupts"


def test_phases_out_of_order_in_one_list_keep_their_error():
    role, problems = parse("## Phase 2: CSS\n- Grid\n## Phase 1: HTML\n- Tags\n")
    assert role is None
    assert errors(problems) == ["phases out of order: Phase 1 comes after Phase 2 (line 8); number them 1, 2, 3, ..."]


def test_a_phase_counted_from_1_again_under_the_same_heading_keeps_its_error():
    body = "## Plan\n### Phase 1: HTML\n- Tags\n### Phase 2: CSS\n- Grid\n### Phase 1: JavaScript\n- DOM\n"
    role, problems = parse(body)
    assert role is None
    assert "phases out of order: Phase 1 comes after Phase 2 (line 11); number them 1, 2, 3, ..." in errors(problems)
    assert not [w for w in warnings(problems) if "plans" in w]


def test_a_later_track_that_does_not_count_from_the_first_tracks_start_keeps_its_error():
    body = (
        "## Frontend\n### Phase 1: HTML\n- Tags\n### Phase 2: CSS\n- Grid\n"
        "## Backend\n### Phase 2: Python\n- Loops\n### Phase 3: Django\n- Views\n"
    )
    role, problems = parse(body)
    assert role is None
    assert "phases out of order: Phase 2 comes after Phase 2 (line 11); number them 1, 2, 3, ..." in errors(problems)


def test_the_first_plans_chained_ranges_read_as_they_do_in_a_file_of_its_own():
    first = "## Web\n### Phase 1: Markup (1-3 weeks)\n- Forms\n### Phase 2: Scripting (4-7 weeks)\n- Events\n"
    later = "## Mobile\n### Phase 1: Kotlin (1-2 weeks)\n- Nullability\n### Phase 2: Compose (3-5 weeks)\n- State\n"
    alone, _ = parse_body(first)
    role, problems = parse_body(first + later)
    assert [(p.title, p.weeks) for p in alone.phases] == [("Markup", (1, 3)), ("Scripting", (4, 7))]
    assert [(p.title, p.weeks) for p in role.phases] == [("Markup", (1, 3)), ("Scripting", (4, 7))]
    assert "'Mobile' (line 13) is kept as sections" in " ".join(warnings(problems))


def test_the_first_plans_capstone_stays_its_last_phase_where_a_later_plan_follows():
    first = (
        "## Web\n### Phase 1: Markup (Weeks 1-2)\n- [ ] Forms\n### Phase 2: Scripting (Weeks 3-4)\n- [ ] Events\n"
        "### Capstone (Week 5)\n- [ ] Ship a site\n"
    )
    later = (
        "## Mobile\n### Phase 1: Kotlin (Weeks 1-2)\n- [ ] Nullability\n### Phase 2: Compose (Weeks 3-4)\n"
        "- [ ] State\n### Capstone (Week 5)\n- [ ] Ship an app\n"
    )
    role, problems = parse_body(first + later)
    assert [(p.number, p.title, p.weeks) for p in role.phases] == [
        (1, "Markup", (1, 2)),
        (2, "Scripting", (3, 4)),
        (3, "Capstone", (5, 5)),
    ]
    assert [(c.text, c.phase) for c in role.checklist if c.text.startswith("Ship")] == [
        ("Ship a site", 3),
        ("Ship an app", None),
    ]
    assert errors(problems) == []
