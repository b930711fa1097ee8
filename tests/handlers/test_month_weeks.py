"""A '## Month' phase written as '### Week' parts, each with bold labels ('**Readings**', '**Lab**',
'**Deliverable**'): /checklist and /done keep each week's deliverables apart, /phase and /today show each week as a
heading over its labels."""

from __future__ import annotations

import pytest

from bot.handlers import learning, progress, today
from bot.services import Services, UserError
from tests.handlers.conftest import Load, body, caller, selects, text

ROLE = "bootcamp"
MONTH = (
    "# Bootcamp\n\n## Month 1 — Foundations\n\n### Week 1: Git\n\n**Deliverable**\n"
    "- [ ] Push your lab to the cohort repo\n\n### Week 2: HTML\n\n**Deliverable**\n"
    "- [ ] Push your lab to the cohort repo\n"
)


async def _started(load: Load, body: str) -> Services:
    svc = load({ROLE: body})
    await learning.start_learning(svc, caller(), ROLE)
    return svc


async def test_checklist_shows_each_weeks_deliverable_under_its_week(load: Load) -> None:
    svc = await _started(load, MONTH)
    reply = await progress.checklist_view(svc, caller())
    shown = text(reply)
    assert "**Week 1: Git › Deliverable**\n⬜ Push your lab to the cohort repo" in shown
    assert "**Week 2: HTML › Deliverable**\n⬜ Push your lab to the cohort repo" in shown
    # One menu for the phase: each option says its week.
    assert [(o.label, o.description) for menu in selects(reply) for o in menu.options] == [
        ("Push your lab to the cohort repo", "Week 1: Git › Deliverable"),
        ("Push your lab to the cohort repo", "Week 2: HTML › Deliverable"),
    ]


async def test_done_names_the_week_of_each_item_it_cannot_choose_between(load: Load) -> None:
    svc = await _started(load, MONTH)
    with pytest.raises(UserError) as refused:
        await progress.done(svc, caller(), "push your lab")
    message = str(refused.value)
    assert "(Bootcamp › Week 1: Git › Deliverable)" in message
    assert "(Bootcamp › Week 2: HTML › Deliverable)" in message


async def test_done_lists_each_weeks_item_by_its_week_and_ticks_the_one_whose_week_is_typed(load: Load) -> None:
    svc = await _started(load, MONTH)
    role = svc.content.index.roles[ROLE]
    assert [label for label, _ in progress.item_choices([role], "push your lab")] == [
        "Week 1: Git › Deliverable › Push your lab to the cohort repo",
        "Week 2: HTML › Deliverable › Push your lab to the cohort repo",
    ]
    await progress.done(svc, caller(), "html push your lab")
    assert set(await svc.store.get_progress(caller().user_id, ROLE)) == {role.checklist[1].id}


WEEK = (
    "# Bootcamp\n\n## Month 1 — Foundations\n\n**Goal:** Be comfortable with Git and the shell.\n\n"
    "### Week 1: Git & CLI\n\n**Readings**\n- [Pro Git, chapters 1–3](https://git-scm.com/book/en/v2)\n\n"
    "**Lab**\n- Branch, merge and resolve a conflict\n"
)


async def test_phase_shows_a_week_sub_heading_as_a_heading_over_its_labels(load: Load) -> None:
    svc = await _started(load, WEEK)
    assert body(await learning.phase_view(svc, caller(), 1)) == (
        "**Objective:** Be comfortable with Git and the shell.\n\n"
        "__**Week 1: Git & CLI**__\n\n"
        "**Readings:**\n- [Pro Git, chapters 1–3](https://git-scm.com/book/en/v2)\n\n"
        "**Lab:**\n- Branch, merge and resolve a conflict"
    )


async def test_today_shows_the_week_sub_heading_as_a_heading_over_its_labels(load: Load) -> None:
    svc = await _started(load, WEEK)
    shown = body(await today.today(svc, caller()))
    assert "__**Week 1: Git & CLI**__\n\n**Readings:**\n- [Pro Git, chapters 1–3]" in shown
    assert "Week 1: Git & CLI:" not in shown
