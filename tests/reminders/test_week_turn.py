"""A weekly reminder that lands late in a plan week announces the week after it (review defect D7).

Ann's path starts on Wednesday 2026-12-02, so each plan week runs Wednesday to Tuesday; her reminders come on
Mondays at 09:00, the second-to-last day of a week. Backend Engineer's phase 1 runs weeks 1-4 (one or two
topics a week, two checklist items), phase 2 starts with week 5.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.reminders.compose import compose_group, compose_user
from bot.reminders.scheduler import Scheduler
from bot.render import Reply
from bot.services import Services
from tests.reminders.conftest import (
    ANN,
    Clock,
    RecordingSender,
    group,
    learner,
    text,
    travel,
    weeks,
)

WEDNESDAY = datetime(2026, 12, 2, 10, tzinfo=UTC)
MONDAY = datetime(2026, 12, 7, 9, tzinfo=UTC)  # week 1's Monday: week 1 ends on Tuesday 2026-12-08
WEEK_TOPICS = {
    1: ("Internet fundamentals", "Operating system concepts"),
    2: ("Git/GitHub workflows", "Command-line mastery"),
    3: ("Data structures & algorithms",),
    4: ("Complexity analysis",),
}


async def reminder(svc: Services, now: datetime) -> str:
    composed = await compose_user(svc, ANN, now)
    assert isinstance(composed.reply, Reply)
    return text(composed.reply)


def topics(shown: str) -> set[str]:
    return {topic for found in WEEK_TOPICS.values() for topic in found if f"- {topic}" in shown}


async def test_the_monday_reminder_of_a_wednesday_start_is_about_the_week_that_starts_on_wednesday(
    svc: Services,
) -> None:
    await learner(svc, now=WEDNESDAY, day="monday", time="09:00", tz="UTC")
    shown = await reminder(svc, MONDAY + weeks(2))  # week 3's Monday
    assert shown.startswith("Week 4 of 36 · Phase 1 (weeks 1-4) · Backend Engineer")
    assert "**Week 3 ends on Tuesday; week 4 starts on Wednesday.**" in shown
    assert "Part 4 of 4 of this phase" in shown
    assert topics(shown) == set(WEEK_TOPICS[4])


async def test_a_new_phase_next_week_keeps_this_phases_items_due_by_the_end_of_this_week(svc: Services) -> None:
    await learner(svc, now=WEDNESDAY, day="monday", time="09:00", tz="UTC")
    shown = await reminder(svc, MONDAY + weeks(3))  # week 4's Monday: phase 1's last days
    assert shown.startswith("Week 5 of 36 · Phase 2 (weeks 5-12)")
    assert "**Week 4 ends on Tuesday; week 5 starts on Wednesday.**" in shown
    assert "🚩 **A new phase starts with week 5.**" in shown
    assert "A new phase starts this week" not in shown
    # Phase 1's items are due by Tuesday, not overdue yet; the next step is still the first of them.
    assert "Due by the end of week 4:\n  ⬜ Understand HTTP and web protocols\n  ⬜ Use git professionally" in shown
    assert "Overdue" not in shown
    assert "Next step: Work on **Understand HTTP and web protocols**" in shown


async def test_on_the_last_day_of_a_week_it_ends_today(svc: Services) -> None:
    await learner(svc, now=WEDNESDAY, day="tuesday", time="09:00", tz="UTC")
    shown = await reminder(svc, MONDAY + timedelta(days=1))  # week 1's Tuesday, its last day
    assert shown.startswith("Week 2 of 36")
    assert "**Week 1 ends today; week 2 starts tomorrow.**" in shown
    assert topics(shown) == set(WEEK_TOPICS[2])


async def test_with_three_days_left_the_reminder_is_about_the_current_week(svc: Services) -> None:
    await learner(svc, now=WEDNESDAY, day="sunday", time="09:00", tz="UTC")
    shown = await reminder(svc, MONDAY + weeks(1) - timedelta(days=1))  # week 2's Sunday: Sunday to Tuesday left
    assert shown.startswith("Week 2 of 36")
    assert " ends " not in shown
    assert topics(shown) == set(WEEK_TOPICS[2])


async def test_the_days_are_the_learners_local_ones(svc: Services) -> None:
    # Monday 23:30 in Los Angeles is Tuesday 07:30 in UTC: still the second-to-last day of her week there.
    await learner(svc, now=WEDNESDAY + timedelta(hours=10), day="monday", time="23:30", tz="America/Los_Angeles")
    shown = await reminder(svc, datetime(2026, 12, 15, 7, 30, tzinfo=UTC))
    assert "**Week 2 ends on Tuesday; week 3 starts on Wednesday.**" in shown


async def test_across_the_end_of_daylight_saving_time(svc: Services) -> None:
    # New York leaves EDT (UTC-4) for EST (UTC-5) on Sunday 2026-11-01; Ann started on Wednesday 2026-10-28.
    await learner(svc, now=datetime(2026, 10, 28, 14, tzinfo=UTC), day="monday", time="09:00", tz="America/New_York")
    shown = await reminder(svc, datetime(2026, 11, 2, 14, tzinfo=UTC))  # Monday 09:00 EST
    assert shown.startswith("Week 2 of 36")
    assert "**Week 1 ends on Tuesday; week 2 starts on Wednesday.**" in shown


async def test_the_last_week_of_the_path_says_so(svc: Services) -> None:
    await learner(svc, now=WEDNESDAY, day="monday", time="09:00", tz="UTC")
    shown = await reminder(svc, MONDAY + weeks(35))  # week 36's Monday
    assert shown.startswith("Week 36 of 36")
    assert "**Week 36, the path's last, ends on Tuesday.**" in shown


async def test_every_week_is_announced_once_and_each_slot_gets_one_reminder(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    clock.now = WEDNESDAY
    await learner(svc, now=WEDNESDAY, day="monday", time="09:00", tz="UTC")
    await travel(scheduler, clock, MONDAY + weeks(5) + timedelta(hours=1))
    sent = sender.to("user", ANN)
    assert [dm.due for dm in sent] == [MONDAY + weeks(n) for n in range(6)]
    assert [dm.text.split(" of 36", 1)[0] for dm in sent] == [f"Week {n}" for n in range(2, 8)]
    for n, dm in enumerate(sent, start=1):
        assert f"**Week {n} ends on Tuesday; week {n + 1} starts on Wednesday.**" in dm.text


async def test_a_group_post_late_in_the_groups_week_announces_the_next(svc: Services) -> None:
    group_id = await group(svc, now=WEDNESDAY, day="monday", time="09:00", tz="UTC")
    found = await svc.store.get_group(group_id)
    assert found is not None
    composed = await compose_group(svc, found, MONDAY + weeks(2))
    assert isinstance(composed.reply, Reply)
    shown = text(composed.reply)
    assert shown.startswith("Study · Week 4 of 36 · Backend Engineer")
    assert "**Week 3 ends on Tuesday; week 4 starts on Wednesday.**" in shown
    assert topics(shown) == set(WEEK_TOPICS[4])
