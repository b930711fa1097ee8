"""A '## Month' phase written as '### Week' parts, each with bold labels ('**Readings**', '**Lab**',
'**Deliverable**'): /checklist and /done keep each week's deliverables apart, /phase and /today show each week as a
heading over its labels, and /start-learning's focus names the week's topics, not its labels."""

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


def focus(reply) -> str:
    (found,) = [f for f in reply.cards[0].fields if f.name.startswith("This week's focus")]
    return found.value


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


async def test_start_learning_focus_names_the_topics_under_the_weeks_labels(load: Load) -> None:
    svc = load({ROLE: WEEK})
    assert focus(await learning.start_learning(svc, caller(), ROLE)) == (
        "Be comfortable with Git and the shell.\n"
        "• [Pro Git, chapters 1–3](https://git-scm.com/book/en/v2)\n"
        "• Branch, merge and resolve a conflict"
    )


async def test_focus_names_each_parts_first_topic_then_more_in_turn_while_there_is_room(load: Load) -> None:
    week = (
        "## Week 1: Web\n\n**Readings**\n- Read A\n- Read B\n- Read C\n\n**Lab**\n- Lab A\n- Lab B\n- Lab C\n\n"
        "**Quiz**\n- Quiz A\n\n**Stretch**\n- Stretch A\n- Stretch B\n"
    )
    svc = load({ROLE: week})
    assert focus(await learning.start_learning(svc, caller(), ROLE)).splitlines() == [
        "• Read A",
        "• Read B",
        "• Lab A",
        "• Lab B",
        "• Quiz A",
        "• Stretch A",
    ]


async def test_focus_names_a_part_without_bullets_by_its_label(load: Load) -> None:
    week = "## Week 1: Web\n\n**Capstone kickoff:** meet your team and pick a project.\n"
    svc = load({ROLE: week})
    assert focus(await learning.start_learning(svc, caller(), ROLE)) == "• Capstone kickoff"


async def test_focus_names_a_part_without_bullets_by_its_open_tasks(load: Load) -> None:
    week = "## Week 1: Git\n\n**Deliverable**\n- [ ] Dotfiles repository\n- [ ] Pull request merged\n"
    svc = await _started(load, week)
    assert focus(await learning.start_learning(svc, caller(), ROLE)) == "• Dotfiles repository\n• Pull request merged"
    await progress.done(svc, caller(), "dotfiles repository")
    assert focus(await learning.start_learning(svc, caller(), ROLE)) == "• Pull request merged"


async def test_todays_next_step_starts_with_the_weeks_first_part_not_the_sub_heading_over_it(load: Load) -> None:
    svc = await _started(load, WEEK)
    shown = text(await today.today(svc, caller()))
    assert "Start with **Readings**." in shown
    assert "Start with **Week 1: Git & CLI**" not in shown


async def test_focus_leaves_out_a_trackers_fact_lines_where_its_cards_name_the_work(load: Load) -> None:
    # A task tracker (as Notion exports one) writes a status, an owner and a due date under each card's tasks.
    week = (
        "## Week 1: Setup\n\n**Dates:** May 5 - May 11\n\n### Day 1-2: Tools\n\n**Editor**\n- [ ] Install the editor\n\n"
        "**Status:** Not started\n**Owner:** _you_\n**Due:** May 6\n"
    )
    svc = await _started(load, week)
    assert focus(await learning.start_learning(svc, caller(), ROLE)) == "• Install the editor"
