"""Answer a query the same way everywhere: `waymark search` and /skill-deep-dive both call `answer`.

A topic is searched; a week or phase question answers with that phase of a path, and so does a step, stage or part
("step 4") where the path's phase headings number it so and no other heading is labelled that (`_step_is_phase`);
"after X" or "before X" with the phase next to the one that teaches X, holds week X or is phase X (see
`bot.content.questions`); "when do I learn X" with the phase that teaches X, then X's own hits; "this week", "next
week" and "what's next" count from the week the asker is in; "the final phase" and "what should I learn first" with
the path's last or first phase (without a path, each path's); "month 2" with the phase a heading labels 'Month 2',
else its weeks' phases. A step or week asked beside words no title holds is answered as asked. Hits are cut at
MIN_SCORE, so both front ends show the same list. A week or phase needs a path: the role asked for (or a path named
in the question: "week 3 of backend", "after docker in devops"), else the asker's current path, else the only path
that has that week; otherwise `Answer.needs_role` lists the paths to choose from. Weeks are as written, or at the
asker's pace on a path they follow. Pure: the asker's paths are passed in.

Notes and problems are sentences in the language of the request being served (`bot.i18n`), written when the
answer is made; `waymark search` runs in English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from bot.content.models import Role, Section
from bot.content.phases import day_after_topic, is_day_heading, numbered_by
from bot.content.questions import STEP_WORDS, Question, read_days, read_question
from bot.content.search import Hit, SearchIndex
from bot.domain.weeks import PhaseLike
from bot.i18n import _, _n

SHOWN = 10  # hits /skill-deep-dive shows (the best, the others in its menu); also `waymark search`'s default
MIN_SCORE = 40.0  # below this a hit shares too little with the query to show
OWN_PATH_BONUS = 5.0  # score points: the asker's own path wins a near tie, not a clearly better match
SEARCH_LIMIT = 20  # hits asked of the index before the asker's paths are put first and the list is cut
ANSWER_SCORE = 100.0  # a week or phase asked for by number is certain
NAMED_ROLE_SCORE = 80.0  # a path named inside a question ("week 3 of data engineers") matches at least this well
CLOSE = 10.0  # score points: a match this close to the best one is offered beside it, not left out


@dataclass(frozen=True, slots=True)
class Asker:
    """Who asks, as far as answering goes: their current path, and each active path's phases at their pace."""

    current: str | None = None
    paths: Mapping[str, Sequence[PhaseLike]] = field(default_factory=dict)
    weeks: Mapping[str, int] = field(default_factory=dict)  # the week they are in, on each path they have started


@dataclass(frozen=True, slots=True)
class Answer:
    """Hits for a query, best first, and what a front end says besides them."""

    question: Question
    hits: list[Hit]
    note: str = ""  # how a question was read: "Week 14 of Backend Engineer is in Phase 3: Databases (weeks 13-18)."
    problem: str = ""  # why a question has no answer, as a sentence for the asker
    needs_role: tuple[str, ...] = ()  # a week or phase question without a path: the paths that have it


def answer(
    index: SearchIndex, query: str, *, role: str | None = None, limit: int = 10, asker: Asker | None = None
) -> Answer:
    """Answer a query (a topic or a question) with at most `limit` hits, none below MIN_SCORE."""
    asker = asker or Asker()
    question = read_question(query)
    if question.kind == "topic" or limit < 1:
        return Answer(question, _search(index, question.topic, role, limit, asker))
    named = _role_named(index, question.rest) if question.rest else None
    if question.kind in ("after", "before", "when") and question.weeks is None and question.phase is None:
        # 'after docker in devops', 'when do I learn sql for data engineers': the topic on the path named
        subject, on = _topic_on_a_path(index, question.topic)
        if on is not None and role in (None, on):
            question, role = replace(question, topic=subject), on
    if question.step and not _step_is_phase(index, question, role or named or asker.current):
        if question.kind != "phase":
            question = replace(question, phase=None)  # 'after step 3': after what teaches it
        # a title, say ('Step 4: Deploy' inside a phase): searched as one; found nowhere, it is phase N as asked
        elif hits := _search(index, question.topic, role, limit, asker):
            return Answer(replace(question, kind="topic", phase=None), hits)
    if question.relative is not None:  # "this week", "what's next": from the week the asker is in
        on = role or named or asker.current
        if on in index.roles and index.roles[on].self_paced:
            return Answer(question, [], problem=_self_paced(index.roles[on]))
        if on not in asker.weeks:
            if on in index.roles:
                problem = _(
                    "There is no week you are in on {path} to count from: ask for a week number, e.g. 'week 3'.",
                    path=index.roles[on].display_name,
                )
            else:
                problem = _("There is no week you are in to count from: ask for a week number, e.g. 'week 3'.")
            return Answer(question, [], problem=problem)
        week = asker.weeks[on] + question.relative
        if week < 1 and asker.weeks[on] == 1:  # "last week" in week 1
            problem = _("You are in week 1 of {path}: there is no week before it.", path=index.roles[on].display_name)
            return Answer(question, [], problem=problem)
        question, role, named = replace(question, weeks=(week, week), rest=""), on, None
    if question.kind in ("week", "phase"):
        # words beside the week that name no path: a title, say; found nowhere, the week or phase as asked (not an
        # end: 'first aid' is no first phase)
        if question.rest and named is None:
            hits = _search(index, question.topic, role, limit, asker)
            if hits or question.end:
                return Answer(question, hits)
        if question.end:
            return _at_an_end_of(index, question, role or named or asker.current, limit, asker)
        labelled = _month_headings(index, question, role or named or asker.current)
        if labelled:  # a heading is labelled that month ('## Month 2: SQL'): its phase, else it is searched as a title
            if len(labelled) > 1 or labelled[0][1].kind != "phase":
                return Answer(question, _search(index, question.topic, role, limit, asker))
            role, heading = labelled[0]
            question = replace(question, kind="phase", phase=heading.phase, weeks=None, months=None)
            named = None
        found = _by_number(index, question, role or named or asker.current, asker, limit)
        if question.days is not None:  # a day's own section ('### Day 3: Closures'), after its phase
            return _with_days(index, found, role or named or asker.current, limit, asker)
        return found
    if question.kind == "when":
        return _when_taught(index, question, role, limit, asker)
    if question.end and not (question.rest and named is None):  # 'after the final phase': next to the path's end
        found = _at_an_end_of(index, replace(question, kind="phase"), role or named or asker.current, limit, asker)
        if not found.hits:
            return replace(found, question=question)
        anchors = [(h.role, h.section.phase, h.score) for h in found.hits]
        return _next_to(index, question, anchors, limit, asker, found.note)
    if question.weeks is None and question.phase is None:
        return _next_to_topic(index, question, role, limit, asker)
    found = _by_number(index, question, role or named or asker.current, asker)
    if not found.hits:
        return found
    anchor = found.hits[-1 if question.kind == "after" else 0]  # of a span of weeks, the phase at that end
    return _next_to(index, question, [(anchor.role, anchor.section.phase, anchor.score)], limit, asker, found.note)


def standing(hit: Hit, asker: Asker) -> float:
    """Return how well a hit answers the asker: its score, and a little more on a path they follow."""
    return hit.score + (OWN_PATH_BONUS if hit.role in asker.paths else 0.0)


def stands_alone(hits: Sequence[Hit], asker: Asker | None = None) -> bool:
    """Say whether the best hit may be shown alone: no other one comes within CLOSE of it."""
    asker = asker or Asker()
    return len(hits) < 2 or max(standing(h, asker) for h in hits[1:]) < standing(hits[0], asker) - CLOSE


def _search(index: SearchIndex, topic: str, role: str | None, limit: int, asker: Asker) -> list[Hit]:
    """Search a topic; without a role, the asker's own paths first among matches about as good."""
    hits = index.search(topic, role=role, limit=max(limit, SEARCH_LIMIT))
    if role is None and asker.paths:
        hits.sort(key=lambda h: -standing(h, asker))
    return [h for h in hits[:limit] if h.score >= MIN_SCORE]


# A path's name is a few words: at most four after 'in', 'for', 'on' or 'of', so a long topic is no long search.
_ON_A_PATH = re.compile(r"^(.+?) (?:in|for|on|of) (?:the )?(\S+(?: \S+){0,3}?)(?: (?:path|track|roadmap|course))?$")


def _topic_on_a_path(index: SearchIndex, topic: str) -> tuple[str, str | None]:
    """Split a topic that names a path after it ('docker in devops', 'sql for the data engineer path') into the
    topic and that path; else the topic and None."""
    found = _ON_A_PATH.match(topic)
    if found is None:
        return topic, None
    return found.group(1), _role_named(index, found.group(2))


def _role_named(index: SearchIndex, words: str) -> str | None:
    """Return the path that the words beside a week name ("backend", "data engineers", "front end"), if they name
    one."""
    exact = index.role_by_key(words) or index.role_by_key(words.replace(" ", ""))
    if exact is not None:
        return exact.name
    matches = index.find_roles(words, limit=2)
    if matches and matches[0].score >= NAMED_ROLE_SCORE and (len(matches) == 1 or matches[1].score < 90):
        return matches[0].name
    return None


def _step_is_phase(index: SearchIndex, question: Question, role_name: str | None) -> bool:
    """Say whether a step, stage or part asked for by number ('step 4') is that phase of the path: the path has it,
    its heading numbers it so (a phase word or a section number, '4️⃣ Containers', '## 4. Containers', 'Phase 4',
    or the word asked: 'Step 4: Deploy', not 'Chapter 4'), and no other heading is labelled that ('### Step 4:
    Deploy' inside a phase). A heading that only holds the number ('Kubernetes — 4 weeks') is no step."""
    role = index.roles.get(role_name) if role_name is not None else None
    phase = role.phase(question.phase) if role is not None and question.phase is not None else None
    if role is None or phase is None:
        return False
    heading = next((s for s in role.sections if s.id == phase.section_id), None)
    numbered = numbered_by(heading.title) if heading is not None else None
    word = STEP_WORDS.get(question.step.split(" ", 1)[0], "")
    if numbered is None or numbered[1] != phase.number or numbered[0] not in ("phase", word):
        return False
    return all(s.id == phase.section_id for s in index.labelled(question.step, role=role.name))


def _schedule(role: Role, asker: Asker) -> Sequence[PhaseLike]:
    """Return a path's phases at the asker's pace when they follow it, else as written."""
    return asker.paths.get(role.name) or role.phases


def _span(phase: PhaseLike) -> str:
    """Return a phase's weeks: "weeks 13-18", "week 3"."""
    first, last = phase.first_week, phase.last_week
    return _("week {week}", week=first) if first == last else _("weeks {first}-{last}", first=first, last=last)


def _heading(role: Role, phase: PhaseLike) -> str:
    """Return "Phase 3: Databases (weeks 13-18)", with the weeks of the schedule given."""
    found = role.phase(phase.number)
    return _(
        "Phase {number}: {title} ({span})", number=phase.number, title=found.title if found else "", span=_span(phase)
    )


def _and(parts: Sequence[str]) -> str:
    """Join phrases with "and": "A and B and C"."""
    joined = parts[0] if parts else ""
    for part in parts[1:]:
        joined = _("{first} and {second}", first=joined, second=part)
    return joined


def _phase_hit(role: Role, phase: PhaseLike, score: float) -> Hit | None:
    """Return a hit on the section of a phase."""
    found = role.phase(phase.number)
    if found is None:
        return None
    section = next((s for s in role.sections if s.id == found.section_id), None)
    return Hit(role.name, section, score) if section is not None else None


def _has(index: SearchIndex, role: Role, schedule: Sequence[PhaseLike], question: Question) -> bool:
    """Say whether a path (as scheduled) has the phase or one of the weeks or days asked for."""
    if question.phase is not None:
        return any(p.number == question.phase for p in schedule)
    plan = _day_plan(index, role) if question.days is not None else ()
    if plan and question.days is not None:
        return question.days[1] >= 1 and question.days[0] <= max(last for _, last, _ in plan)
    first, last = question.weeks or (0, 0)
    return last >= 1 and first <= max((p.last_week for p in schedule), default=0)


def _self_paced(role: Role) -> str:
    return _("{path} is self-paced: it has no weeks or phases.", path=role.display_name)


def _nobody_has(index: SearchIndex, question: Question) -> str:
    """Say that no path has the week or phase asked for, and how far the paths go."""
    roles = index.roles.values()
    if all(r.self_paced for r in roles):
        return _("Every path here is self-paced: none has weeks or phases.")
    if question.phase is not None:
        # The highest number, not how many: a plan that starts at Phase 0 has one more phase than its last number.
        last = max(p.number for r in roles for p in r.phases)
        return _("No path has a phase {phase}; none goes past Phase {last}.", phase=question.phase, last=last)
    if question.days is not None:
        return _no_path_has_days(index, question.days)
    longest = max(r.total_weeks for r in roles)
    first, last = question.weeks or (0, 0)
    if first == last:
        return _n(
            "No path has a week {week}; the longest has {n} week.",
            "No path has a week {week}; the longest has {n} weeks.",
            longest,
            week=first,
        )
    return _n(
        "No path has weeks {first}-{last}; the longest has {n} week.",
        "No path has weeks {first}-{last}; the longest has {n} weeks.",
        longest,
        first=first,
        last=last,
    )


def _no_path_has_days(index: SearchIndex, days: tuple[int, int]) -> str:
    """Say that no path has the days asked for, and how far the paths go in days: a path that heads its days
    ('## Days 31-60') by its last day, one in weeks by its weeks and the days they hold (seven a week, as a day is
    read in it); the longest of each kind, named."""
    in_days: list[tuple[int, str]] = []
    in_weeks: list[tuple[int, str]] = []
    for role in sorted(index.roles.values(), key=lambda r: r.name):
        plan = _day_plan(index, role)
        if plan:
            in_days.append((max(last for _, last, _ in plan), role.display_name))
        elif not role.self_paced:
            in_weeks.append((role.total_weeks, role.display_name))
    reach = []
    if in_days:
        n, path = max(in_days, key=lambda d: d[0])  # the first by name of those as long
        if len(in_days) == 1:
            reach.append(_n("{path} has {n} day", "{path} has {n} days", n, path=path))
        else:
            reach.append(
                _n(
                    "the longest in days, {path}, has {n} day",
                    "the longest in days, {path}, has {n} days",
                    n,
                    path=path,
                )
            )
    if in_weeks:
        n, path = max(in_weeks, key=lambda w: w[0])
        if len(in_weeks) == 1:
            reach.append(
                _n("{path} has {n} week ({days} days)", "{path} has {n} weeks ({days} days)", n, path=path, days=7 * n)
            )
        else:
            reach.append(
                _n(
                    "the longest in weeks, {path}, has {n} week ({days} days)",
                    "the longest in weeks, {path}, has {n} weeks ({days} days)",
                    n,
                    path=path,
                    days=7 * n,
                )
            )
    if days[0] == days[1]:
        # i18n: {reach} says how far the paths go: "Camp has 10 days and Web has 12 weeks (84 days)".
        return _("No path has a day {day}; {reach}.", day=days[0], reach=_and(reach))
    # i18n: {reach} says how far the paths go: "Camp has 10 days and Web has 12 weeks (84 days)".
    return _("No path has days {first}-{last}; {reach}.", first=days[0], last=days[1], reach=_and(reach))


def _which_path(question: Question, paths: int) -> str:
    """Ask which path is meant: the week, weeks or phase asked for is in several."""
    if question.phase is not None:
        return _n(
            "Which path? Phase {phase} is in {n} path.",
            "Which path? Phase {phase} is in {n} paths.",
            paths,
            phase=question.phase,
        )
    first, last = question.weeks or (0, 0)
    if question.days is not None and question.days[0] == question.days[1]:
        return _n(
            "Which path? Day {day} is in {n} path.",
            "Which path? Day {day} is in {n} paths.",
            paths,
            day=question.days[0],
        )
    if question.days is not None:  # asked in days: answered in days, never as the weeks they fall in
        return _n(
            "Which path? Days {first}-{last} are in {n} path.",
            "Which path? Days {first}-{last} are in {n} paths.",
            paths,
            first=question.days[0],
            last=question.days[1],
        )
    if first == last:
        return _n(
            "Which path? Week {week} is in {n} path.", "Which path? Week {week} is in {n} paths.", paths, week=first
        )
    return _n(
        "Which path? Weeks {first}-{last} are in {n} path.",
        "Which path? Weeks {first}-{last} are in {n} paths.",
        paths,
        first=first,
        last=last,
    )


def _past_the_end(path: str, total: int, first: int, last: int) -> str:
    """Say that the weeks asked for start after a path's last week."""
    if first == last:
        return _n(
            "{path} has {n} week; week {week} is past its end.",
            "{path} has {n} weeks; week {week} is past its end.",
            total,
            path=path,
            week=first,
        )
    return _n(
        "{path} has {n} week; weeks {first}-{last} are past its end.",
        "{path} has {n} weeks; weeks {first}-{last} are past its end.",
        total,
        path=path,
        first=first,
        last=last,
    )


def _day_headings(index: SearchIndex, role: Role) -> tuple[tuple[int, int, Section], ...]:
    """Return a path's headings that name days, in file order, with their first and last day: a day's own ('### Day
    7: Functions', a log's '### Day 2: January 7') and a phase's ('## Days 31-60: React')."""

    def find() -> tuple[tuple[int, int, Section], ...]:
        found = []
        for section in role.sections:
            kind = section.kind
            title = section.written_title
            # a day's own heading, its day first or after its topic ('### Relays | Day 12')
            own = is_day_heading(title) or day_after_topic(title) is not None
            if kind == "phase" or (kind in ("section", "subsection") and own):
                days = read_days(section.written_title)
                if days is not None:
                    found.append((*days, section))
        return tuple(found)

    return index.derived(("day headings", role.name), find)


def _day_plan(index: SearchIndex, role: Role) -> tuple[tuple[int, int, Section], ...]:
    """Return the headings that name a path's days in its plan (a log's days beside the plan are no part of it),
    and the phases whose parts name their days (`Phase.days`: '### Day 11' … or a '| Day |' table's rows under '##
    Module 2') with those days."""
    plan = tuple(h for h in _day_headings(index, role) if h[2].phase is not None)
    dated = {p.section_id: p.days for p in role.phases if p.days is not None}
    if not dated:
        return plan
    return plan + tuple((*dated[s.id], s) for s in role.sections if s.kind == "phase" and s.id in dated)


def _phases_of_days(plan: Sequence[tuple[int, int, Section]], days: tuple[int, int]) -> set[int]:
    """Return the phases whose day headings hold some of `days`, else the phase of the nearest day heading before
    them (a plan may skip weekends); none when they come before every day heading."""
    numbers = {s.phase for first, last, s in plan if first <= days[1] and last >= days[0] and s.phase is not None}
    if not numbers:
        before = [(first, s.phase) for first, _, s in plan if first <= days[0] and s.phase is not None]
        numbers = {max(before)[1]} if before else set()
    return numbers


def _days_past_the_end(path: str, total: int, first: int, last: int) -> str:
    """Say that the days asked for start after a path's last day heading."""
    if first == last:
        return _n(
            "{path} has {n} day; day {day} is past its end.",
            "{path} has {n} days; day {day} is past its end.",
            total,
            path=path,
            day=first,
        )
    return _n(
        "{path} has {n} day; days {first}-{last} are past its end.",
        "{path} has {n} days; days {first}-{last} are past its end.",
        total,
        path=path,
        first=first,
        last=last,
    )


def _with_days(index: SearchIndex, found: Answer, role: str | None, limit: int, asker: Asker) -> Answer:
    """Put first in a day question's answer the sections headed by that day ('### Day 7: Functions', a log's '###
    Day 3: January 8'); they answer it alone where no path has that day in its weeks (a log without a plan)."""
    days = found.question.days
    on = found.hits[0].role if found.hits else role
    if on is not None and on in index.roles:
        headings = _day_headings(index, index.roles[on])
        own = [Hit(on, s, ANSWER_SCORE) for first, last, s in headings if (first, last) == days]
    else:  # no path chosen: the paths' logs are searched
        own = [
            h
            for h in _search(index, found.question.text, role, SEARCH_LIMIT, asker)
            if is_day_heading(h.section.written_title) and read_days(h.section.written_title) == days
        ]
    if not own:
        return found
    if found.problem:
        return Answer(found.question, own[:limit])
    ids = {h.section.id for h in own}
    return replace(found, hits=(own + [h for h in found.hits if h.section.id not in ids])[:limit])


def _days_note(path: str, first: int, last: int, headings: list[str]) -> str:
    """Say which phases the days asked for are in: "Day 45 of 100 Days Of Code is in Phase 2: React (weeks 6-9)."""
    if first == last:
        return _("Day {day} of {path} is in {phase}.", day=first, path=path, phase=_and(headings))
    if len(headings) == 1:
        return _("Days {first}-{last} of {path} are in {phase}.", first=first, last=last, path=path, phase=headings[0])
    return _("Days {first}-{last} of {path} span {phases}.", first=first, last=last, path=path, phases=_and(headings))


def _weeks_note(path: str, first: int, last: int, headings: list[str]) -> str:
    """Say which phases the weeks asked for are in: "Week 14 of Backend Engineer is in Phase 3: ... (weeks 13-18)."""
    if first == last:
        return _("Week {week} of {path} is in {phase}.", week=first, path=path, phase=_and(headings))
    if len(headings) == 1:
        return _("Weeks {first}-{last} of {path} are in {phase}.", first=first, last=last, path=path, phase=headings[0])
    return _("Weeks {first}-{last} of {path} span {phases}.", first=first, last=last, path=path, phases=_and(headings))


def _months_note(path: str, months: tuple[int, int], weeks: tuple[int, int], headings: list[str]) -> str:
    """Say which phases the months asked for are in, with the weeks they are read as: "Month 2 (weeks 5-8) of
    Backend Engineer is in Phase 2: ... (weeks 5-12)."""
    fields = {"path": path, "first": weeks[0], "last": weeks[1]}
    if months[0] == months[1]:
        if len(headings) == 1:
            return _(
                "Month {month} (weeks {first}-{last}) of {path} is in {phase}.",
                month=months[0],
                phase=headings[0],
                **fields,
            )
        return _(
            "Month {month} (weeks {first}-{last}) of {path} spans {phases}.",
            month=months[0],
            phases=_and(headings),
            **fields,
        )
    if len(headings) == 1:
        return _(
            "Months {a}-{b} (weeks {first}-{last}) of {path} are in {phase}.",
            a=months[0],
            b=months[1],
            phase=headings[0],
            **fields,
        )
    return _(
        "Months {a}-{b} (weeks {first}-{last}) of {path} span {phases}.",
        a=months[0],
        b=months[1],
        phases=_and(headings),
        **fields,
    )


def _by_number(
    index: SearchIndex, question: Question, role_name: str | None, asker: Asker, limit: int | None = None
) -> Answer:
    """Answer a week or phase question with the phase or phases it names (at most `limit`), in one path."""
    roles = index.roles
    if role_name is None:
        having = sorted(name for name, r in roles.items() if _has(index, r, _schedule(r, asker), question))
        if not having:
            return Answer(question, [], problem=_nobody_has(index, question))
        if len(having) > 1:
            return Answer(question, [], problem=_which_path(question, len(having)), needs_role=tuple(having))
        role_name = having[0]
    role = roles[role_name]
    if role.self_paced:
        return Answer(question, [], problem=_self_paced(role))
    scheduled = _schedule(role, asker)
    # i18n: a path followed at the learner's own pace, inside a sentence: "Week 16 of {path} at your pace is in ..."
    of = _("{path} at your pace", path=role.display_name) if role_name in asker.paths else role.display_name
    if question.phase is not None:
        phase = next((p for p in scheduled if p.number == question.phase), None)
        if phase is None:
            numbers = ", ".join(str(p.number) for p in scheduled)
            problem = _(
                "{path} has no phase {phase}. Its phases are {numbers}.", path=of, phase=question.phase, numbers=numbers
            )
            return Answer(question, [], problem=problem)
        hit = _phase_hit(role, phase, ANSWER_SCORE)
        return Answer(
            question, [hit] if hit else [], note=_("{phase} of {path}.", phase=_heading(role, phase), path=of)
        )
    first, last = question.weeks or (0, 0)
    total = max((p.last_week for p in scheduled), default=0)
    days = question.days
    if last < 1:
        return Answer(question, [], problem=_("Days count from 1.") if days else _("Weeks count from 1."))
    # A plan that heads its days ('### Day 7: Functions') says which phase holds a day: only without such headings
    # is a day counted in 7-day weeks.
    plan = _day_plan(index, role) if days is not None else ()
    if plan and days is not None:
        end = max(day for _, day, _ in plan)
        if days[0] > end:
            return Answer(question, [], problem=_days_past_the_end(of, end, *days))
        numbers = _phases_of_days(plan, days)
        if numbers:
            phases = [p for p in scheduled if p.number in numbers]
            hits = [hit for p in phases if (hit := _phase_hit(role, p, ANSWER_SCORE)) is not None]
            note = _days_note(of, *days, [_heading(role, p) for p in phases])
            return Answer(question, hits[:limit], note=note)
    if first > total:
        if days is None:
            problem = _past_the_end(of, total, first, last)
        elif days[0] == days[1]:  # days are told against the days the weeks hold, seven a week
            problem = _n(
                "{path} has {n} week ({days} days); day {day} is past its end.",
                "{path} has {n} weeks ({days} days); day {day} is past its end.",
                total,
                path=of,
                days=7 * total,
                day=days[0],
            )
        else:
            problem = _n(
                "{path} has {n} week ({days} days); days {first}-{last} are past its end.",
                "{path} has {n} weeks ({days} days); days {first}-{last} are past its end.",
                total,
                path=of,
                days=7 * total,
                first=days[0],
                last=days[1],
            )
        return Answer(question, [], problem=problem)
    phases = [p for p in scheduled if p.first_week <= last and p.last_week >= first]
    if not phases and (later := [p for p in scheduled if p.first_week > last]):  # weeks between phases
        upcoming = min(later, key=lambda p: p.first_week)
        hit = _phase_hit(role, upcoming, ANSWER_SCORE)
        return Answer(question, [hit] if hit else [], note=_gap_note(of, first, last, _heading(role, upcoming)))
    hits = [hit for p in phases if (hit := _phase_hit(role, p, ANSWER_SCORE)) is not None]
    headings = [_heading(role, p) for p in phases]
    if days is not None:
        note = _days_note(of, *days, headings)
    elif question.months is not None:
        note = _months_note(of, question.months, (first, last), headings)
    else:
        note = _weeks_note(of, first, last, headings)
    return Answer(question, hits[:limit], note=note)


def _month_headings(index: SearchIndex, question: Question, role_name: str | None) -> list[tuple[str, Section]]:
    """Return the headings a month asked for labels ('## Month 2: SQL' for 'month 2'), with their path's name, on the
    path asked about, else on any path; [] for a span of months, or a month no heading labels (it is read as its
    weeks)."""
    months = question.months
    if months is None or months[0] != months[1]:
        return []
    names = [role_name] if role_name is not None else sorted(index.roles)
    return [(name, s) for name in names for s in index.labelled(f"month {months[0]}", role=name)]


def _end_phase(schedule: Sequence[PhaseLike], end: str) -> PhaseLike | None:
    """Return a path's first or last phase (`end`), by its weeks: none for a path without phases."""
    if not schedule:
        return None
    if end == "first":
        return min(schedule, key=lambda p: (p.first_week, p.number))
    return max(schedule, key=lambda p: (p.last_week, p.number))


def _at_an_end_of(index: SearchIndex, question: Question, role_name: str | None, limit: int, asker: Asker) -> Answer:
    """Answer "what should I learn first" or "the final phase": the path's first or last phase; without a path, each
    path's (the asker's own first), as every path has one."""
    if role_name is not None:
        role = index.roles[role_name]
        phase = None if role.self_paced else _end_phase(_schedule(role, asker), question.end)
        if phase is None:
            return Answer(question, [], problem=_self_paced(role))
        return _by_number(index, replace(question, phase=phase.number), role_name, asker, limit)
    hits = []
    for role in sorted(index.roles.values(), key=lambda r: (r.name not in asker.paths, r.name)):
        phase = None if role.self_paced else _end_phase(_schedule(role, asker), question.end)
        hit = _phase_hit(role, phase, ANSWER_SCORE) if phase is not None else None
        if hit is not None:
            hits.append(hit)
    if len(hits) == 1:  # one path: said as a phase of it is
        return _at_an_end_of(index, question, hits[0].role, limit, asker)
    if not hits:
        return Answer(question, [], problem=_nobody_has(index, question))
    return Answer(question, hits[:limit])


def _gap_note(path: str, first: int, last: int, upcoming: str) -> str:
    """Say that the weeks asked for are in no phase of the plan, and which phase comes next."""
    if first == last:
        return _("Week {week} of {path} is in no phase; next comes {phase}:", week=first, path=path, phase=upcoming)
    return _(
        "Weeks {first}-{last} of {path} are in no phase; next comes {phase}:",
        first=first,
        last=last,
        path=path,
        phase=upcoming,
    )


def _next_to_topic(index: SearchIndex, question: Question, role: str | None, limit: int, asker: Asker) -> Answer:
    """Answer "after X" or "before X": in each path, the phase next to the one that teaches X best; in a path
    without phases, the section next to it."""
    ordered, best = _teaching_places(index, _search(index, question.topic, role, SEARCH_LIMIT, asker), asker)
    if not ordered:
        # Taught in no phase: the words may name a part outside the plan, as a title that starts with "before"
        # does ("Vor der ersten Bewerbung", "Antes de buscar trabajo"); they are searched as typed.
        return Answer(question, _search(index, question.text, role, limit, asker))
    return _next_to(index, question, [(name, at, best[name, at]) for name, at in ordered], limit, asker)


def _when_taught(index: SearchIndex, question: Question, role: str | None, limit: int, asker: Asker) -> Answer:
    """Answer "when do I learn X": the phase (in a path without phases, the section) that teaches X best, said and
    shown first, then X's own hits."""
    found = _search(index, question.topic, role, max(limit, SEARCH_LIMIT), asker)
    ordered, best = _teaching_places(index, found[:SEARCH_LIMIT], asker)
    found = found[:limit]
    if not ordered:  # taught in no phase: the topic's hits alone
        return Answer(question, found)
    name, at = ordered[0]
    taught = index.roles[name]
    fields: dict[str, str] = {"path": taught.display_name}
    first: Hit | None = None
    if isinstance(at, str):
        section = next((s for s in _sections_of(index, taught)[0] if s.id == at), None)
        if section is not None:
            fields["section"] = section.title
            first = Hit(name, section, best[name, at])
    else:
        phase = next((p for p in _schedule(taught, asker) if p.number == at), None)
        if phase is not None:
            fields["phase"] = _heading(taught, phase)
            first = _phase_hit(taught, phase, best[name, at])
    if first is None:  # a place the asker's schedule does not hold: the topic's hits alone
        return Answer(question, found)
    note = _where(question.topic, fields, bool(asker.paths) and name not in asker.paths)
    hits = [first, *(h for h in found if (h.role, h.section.id) != (first.role, first.section.id))]
    return Answer(question, hits[:limit], note=note)


def _teaching_places(index: SearchIndex, hits: list[Hit], asker: Asker) -> tuple[list[Place], dict[Place, float]]:
    """Return the places (a path's phase, or in a path without phases its section) that teach a topic, by its
    hits: one per path, the one the asker should hear of first first; and each place's best hit's score."""
    # The phase that teaches X is the one that teaches it most directly (`_teaching`: a part titled X, then a phase
    # whose heading names X), then the one whose parts match it most in all (one close topic or several), so a
    # single stray mention elsewhere does not move it ('Phase 2: JavaScript' over 'Phase 3: Back-end with Node.js',
    # whose 'js' is a look-alike); paths come in the same order, by their best match among equals.
    total: dict[Place, float] = {}
    best: dict[Place, float] = {}
    rank: dict[Place, int] = {}
    for hit in hits:
        key = _place(index, hit)
        if key is not None:
            total[key] = total.get(key, 0.0) + hit.score
            best.setdefault(key, hit.score)
            heads = hit.section.kind == "phase" or key[1] == hit.section.id  # the phase or section itself
            rank[key] = max(rank.get(key, 0), _teaching(hit, heads))
    anchors: dict[str, Place] = {}
    for key in sorted(total, key=lambda k: (-rank[k], -total[k])):
        anchors.setdefault(key[0], key)
    ordered = sorted(anchors.values(), key=lambda k: (-rank[k], -best[k]))
    # On the asker's own path, if one teaches it: what comes next there, or that nothing does, not what comes next
    # elsewhere; of two they follow, the one that teaches it more directly, else the one they are on now.
    own = sorted((k for k in ordered if k[0] in asker.paths), key=lambda k: (-rank[k], k[0] != asker.current))
    return own[:1] or ordered, best


Place = tuple[str, int | str]  # a path and its phase number, or in a path without phases its section's ID


def _place(index: SearchIndex, hit: Hit) -> Place | None:
    """Return the phase a hit is in, or in a path without phases the section (its heading) it is in or is."""
    if hit.section.phase is not None:
        return (hit.role, hit.section.phase)
    role = index.roles[hit.role]
    if not role.self_paced:
        return None  # a reference list beside the plan
    section = hit.section
    path = section.path[:-1] if section.kind == "subsection" else section.path
    heading = section if section.kind == "section" else _sections_of(index, role)[1].get(path)
    return (hit.role, heading.id) if heading is not None and role.trail(heading.path) else None


def _sections_of(index: SearchIndex, role: Role) -> tuple[tuple[Section, ...], dict[tuple[str, ...], Section]]:
    """Return a path's sections (its headings but the file's title) in file order, and each by its heading path."""

    def find() -> tuple[tuple[Section, ...], dict[tuple[str, ...], Section]]:
        headings = tuple(s for s in role.sections if s.kind == "section")
        by_path: dict[tuple[str, ...], Section] = {}
        for s in headings:
            by_path.setdefault(s.path, s)
        return tuple(s for s in headings if role.trail(s.path)), by_path

    return index.derived(("sections", role.name), find)


def _section_beside(sections: Sequence[Section], at: int, after: bool) -> Section | None:
    """Return the section after (or before) `sections[at]`: the next one at its level or above it (after the last
    sub-section of a section comes the section after that one), or the last one before it that holds no part of it."""
    here = sections[at].path
    if after:
        return next((s for s in sections[at + 1 :] if len(s.path) <= len(here)), None)
    return next(
        (s for s in reversed(sections[:at]) if len(s.path) <= len(here) and here[: len(s.path)] != s.path), None
    )


def _teaching(hit: Hit, heads: bool) -> int:
    """Say how directly a hit shows that its phase (or section) teaches what was asked: 3 for a heading titled by it
    (the phase or a part of it: 'Phase 2: JavaScript', '### Closures'), 2 for the phase's own heading naming it
    among other words ('Containers with Docker'; `heads`) or a topic titled by it, 1 for a part whose heading names
    it, else 0."""
    heading = hit.section.kind in ("phase", "section", "subsection")
    if hit.exact:
        return 3 if heading else 2
    if hit.titled and heading:
        return 2 if heads else 1
    return 0


def _next_to(
    index: SearchIndex,
    question: Question,
    anchors: list[tuple[str, int | str | None, float]],
    limit: int,
    asker: Asker,
    read: str = "",
) -> Answer:
    """Return the phase after (or before) each (role, phase number, score) anchor, in the anchors' order; for an
    anchor in a path without phases (a section's ID for its number), the section after (or before) it."""
    after = question.kind == "after"
    hits: list[Hit] = []
    note = problem = ""
    for role_name, number, score in anchors:
        role = index.roles[role_name]
        fields: dict[str, str] = {"path": role.display_name}
        if isinstance(number, str):
            sections = _sections_of(index, role)[0]
            at = next((i for i, s in enumerate(sections) if s.id == number), None)
            if at is None:
                continue
            fields["section"] = sections[at].title
            beside = _section_beside(sections, at, after)
            hit = Hit(role_name, beside, score) if beside is not None else None
        else:
            scheduled = list(_schedule(role, asker))
            at = next((i for i, p in enumerate(scheduled) if p.number == number), None)
            if at is None:
                continue
            fields["phase"] = _heading(role, scheduled[at])
            neighbour = at + 1 if after else at - 1
            if 0 <= neighbour < len(scheduled):
                hit = _phase_hit(role, scheduled[neighbour], score)
                if hit is None:
                    continue
            else:
                hit = None
        if hit is None:
            if not hits and not problem:  # what is said if no anchor has a neighbour: the best one's
                asked = question.topic if not read and question.weeks is None and question.phase is None else ""
                problem = _at_an_end(fields, after, asked)
            continue
        if not hits:
            if read:
                where = read
            elif question.weeks is not None or question.phase is not None:
                where = _("{phase} of {path}.", **fields)
            else:
                where = _where(question.topic, fields, bool(asker.paths) and role_name not in asker.paths)
            # i18n: {where} is a sentence saying where the asked-about topic, week or phase is; the phases follow.
            note = _("{where} Next comes:", where=where) if after else _("{where} Before it comes:", where=where)
        hits.append(hit)
        if len(hits) == limit:
            break
    return Answer(question, hits, note=note, problem="" if hits else problem)


def _where(topic: str, fields: dict[str, str], elsewhere: bool) -> str:
    """Say where a topic is: in a phase (`fields['phase']`) or a section of a path, one the asker may not follow."""
    if "section" in fields:
        if elsewhere:
            return _(
                "'{topic}' is in the section '{section}' of {path}, a path you don't follow.", topic=topic, **fields
            )
        return _("'{topic}' is in the section '{section}' of {path}.", topic=topic, **fields)
    if elsewhere:
        return _("'{topic}' is in {phase} of {path}, a path you don't follow.", topic=topic, **fields)
    return _("'{topic}' is in {phase} of {path}.", topic=topic, **fields)


def _at_an_end(fields: dict[str, str], after: bool, topic: str = "") -> str:
    """Say that a phase (`fields['phase']`) or a section is the last (or first) of its path; with the `topic` asked
    about, that the topic is there ('after docker' where Docker is taught last)."""
    if topic and "section" not in fields:
        if after:
            return _("'{topic}' is in {phase} of {path}, its last phase.", topic=topic, **fields)
        return _("'{topic}' is in {phase} of {path}, its first phase.", topic=topic, **fields)
    if "section" in fields:
        if after:
            return _("'{section}' is the last section of {path}.", **fields)
        return _("'{section}' is the first section of {path}.", **fields)
    if after:
        return _("{phase} is the last phase of {path}.", **fields)
    return _("{phase} is the first phase of {path}.", **fields)
