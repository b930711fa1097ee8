"""Eleven weeks of one learner on their own and a study group of three, driven through the console.

What a learner meets each week: /today moving through a phase, a finish date, a nudge when far behind, a
streak kept through a grace week by check-ins, and group posts that name who ticked what (never a member who
keeps their progress hidden).
"""

from __future__ import annotations

import re

import pytest

from bot.console import Console
from bot.services import Services
from tests.console.conftest import NOW

ROLE = "backend-engineer"
WEEKS = 11
# One item ann ticks each week, in the order the path teaches them.
ANN_ITEMS = (
    "Understand HTTP and web protocols",
    "Use git professionally",
    "Write clean, well-documented code in chosen language",
    "Write comprehensive tests",
    "Design normalized database schemas",
    "Optimize database queries",
)


class Journey:
    """A console shared by several people; keeps every reminder and group post it printed."""

    def __init__(self, services: Services) -> None:
        self.console = Console(services, "mod", NOW)
        self.sent: list[str] = []

    async def run(self, user: str, *lines: str) -> list[str]:
        await self.console.handle_line(f":user {user}")
        return [await self.console.handle_line(line) for line in lines]

    async def week_passes(self) -> None:
        out = await self.console.handle_line(":tick 7d")
        self.sent += [part for part in re.split(r"\n\n(?=reminder to )", out) if part.startswith("reminder to ")]

    def to(self, name: str) -> list[str]:
        return [s for s in self.sent if s.startswith(f"reminder to {name} at ")]


@pytest.fixture
async def journey(services: Services) -> Journey:
    j = Journey(services)
    await j.run(
        "mod",
        "/group create name:Night Owls role:backend-engineer channel:#study day:monday time:09:00 timezone:UTC",
    )
    for name, choice in (("ann", "Show my progress"), ("bob", "Show my progress"), ("cat", "Keep it hidden")):
        asked = await j.run(name, f"/start-learning role:{ROLE}", "/group join name:Night Owls", f"click {choice}")
        assert "Show my progress to the group" in asked[1]  # joining asks once who may see their progress
    await j.run("sol", f"/start-learning role:{ROLE}")
    return j


async def test_eleven_weeks_of_a_learner_and_a_study_group(journey: Journey) -> None:
    todays = []
    for week in range(1, WEEKS + 1):
        if week <= len(ANN_ITEMS):
            await journey.run("ann", f"/done item:{ANN_ITEMS[week - 1]}")
        if week <= 4:
            [shown] = await journey.run("ann", "/today")
            todays.append(shown)
        if week in (2, 3):
            await journey.run("cat", f"/done item:{ANN_ITEMS[week - 2]}")
        if week != 4:  # bob works every week but ticks nothing; in week 4 he does not even check in
            [today, clicked] = await journey.run("bob", "/today", "click I worked on this")
            assert f"✅ Week {week} of Backend Engineer counts for your streak" in clicked, week
        await journey.week_passes()

    # /today moves through phase 1 (weeks 1-4), a different part each week.
    for week, shown in enumerate(todays, start=1):
        assert f"week {week} of 36" in shown
        assert f"Part {week} of 4 of this phase" in shown
    assert len({re.sub(r"Part \d of 4|week \d of 36", "", s) for s in todays}) == 4  # four different slices

    # A finish date, and on track while ann ticks an item a week.
    [progress] = await journey.run("ann", "/progress")
    assert "Finish: 2027-08-05" in progress  # the last day of week 36 from Friday 2026-11-27

    # sol ticks nothing: the reminders nudge once sol is two weeks behind, with the buttons to act on it.
    sol = journey.to("sol")
    assert len(sol) == WEEKS
    assert "Behind by" not in sol[0]
    nudged = [r for r in sol if "Behind by" in r]
    assert nudged, "no nudge in eleven weeks without a tick"
    assert "[I'm behind]" in nudged[0]
    assert "[Slower pace: complete beginner]" in nudged[0]
    assert "[I worked on this]" in nudged[0]

    # bob's check-ins keep his streak through week 4, the one week he skipped (a grace week).
    [bob] = await journey.run("bob", "/progress")
    assert f"Streak: {WEEKS - 1} weeks in a row" in bob

    # Group posts name who ticked what since the last post; cat, who keeps her progress hidden, is counted only.
    posts = journey.to("Night Owls")
    assert len(posts) == WEEKS
    # The post of Monday 2026-12-14: since the one of 12-07, ann ticked her third item and cat (hidden) one.
    assert "Since the last post (2026-12-07):\n  2 members ticked 2 items.\n  **ann**: Write clean" in posts[2]
    assert "1 member who keeps their progress hidden: 1 item" in posts[2]
    named_cat = [p for p in posts if "**cat**" in p or "cat:" in p]
    assert named_cat == []
    assert all("[I worked on this]" in p for p in posts)
