"""Spaced review through the console: items ticked, weeks ticked by, and review prompts on the right weeks."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from bot.console import Console
from bot.services import Services

MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)  # 10:00 in Berlin
SETUP = (
    "/start-learning role:backend-engineer",
    "/remind set day:monday time:10:00 timezone:Europe/Berlin",
)
GIT, HTTP = "Use git professionally", "Understand HTTP and web protocols"
LISTED = re.compile(r"^ *\*\*\d+\. (.+?)\*\*", re.MULTILINE)  # indented under a field in /today and /review


def reviewed(printed: str) -> list[str]:
    """The items a reminder (or reply) lists for review, in order."""
    return LISTED.findall(printed)


async def weekly(console: Console, weeks: int, answer: str = "Still got it") -> dict[int, list[str]]:
    """Tick the clock a week at a time; answer every review that arrives; return the weeks that had any."""
    seen: dict[int, list[str]] = {}
    for week in range(1, weeks + 1):
        printed = await console.handle_line(":tick 7d")
        assert printed.count("reminder to learner") == 1, printed
        items = reviewed(printed)
        if items:
            seen[week] = items
        for _ in items:
            said = await console.handle_line(f"click 1 · {answer}")
            assert said.startswith("(only you)\n\n"), said
            await console.handle_line("/review")  # the next one, if any, is now first
    return seen


async def test_still_got_it_brings_an_item_back_1_then_3_8_and_21_weeks_later(services: Services) -> None:
    console = Console(services, "learner", MONDAY)
    for line in (*SETUP, f"/done item:{GIT}"):
        await console.handle_line(line)
    first = await console.handle_line(":tick 7d")
    assert first.startswith("reminder to learner at 2026-12-14T10:00:00+01:00\n")
    assert (
        "🔁 Time to review · still got it?\n"
        "=================================\n\n"
        "**1. Use git professionally**\n"
        "From Phase 1: Foundations · `/phase number:1 role:backend-engineer` · review 1 of 4"
    ) in first
    assert "[1 · Still got it] [1 · Review again]" in first
    said = await console.handle_line("click 1 · still got it")
    assert said == (
        "(only you)\n\n✅ **Use git professionally**: next review in 3 weeks, on Monday 2027-01-04 (review 2 of 4)."
    )
    seen = await weekly(console, 34)
    # Weeks after the tick: 1 (above), then 1 + 3, 4 + 8 and 12 + 21; the fourth "Still got it" retires it.
    assert {week + 1: items for week, items in seen.items()} == {4: [GIT], 12: [GIT], 33: [GIT]}
    out = await console.handle_line("/review")
    assert "Every item you ticked is retired: you knew each at all 4 reviews." in out


async def test_review_again_brings_it_back_the_next_week(services: Services) -> None:
    console = Console(services, "learner", MONDAY)
    for line in (*SETUP, f"/done item:{GIT}"):
        await console.handle_line(line)
    assert reviewed(await console.handle_line(":tick 7d")) == [GIT]
    assert await console.handle_line("click 1 · Review again") == (
        "(only you)\n\n🔁 **Use git professionally** comes back next week, on Monday 2026-12-21. Go over it meanwhile: "
        "Phase 1: Foundations · `/phase number:1 role:backend-engineer`."
    )
    await console.handle_line(f"/done item:{HTTP}")  # ticked on the first review's Monday
    assert reviewed(await console.handle_line(":tick 7d")) == [HTTP, GIT]  # both due since midnight: checklist order
    today = await console.handle_line("/today")
    assert reviewed(today) == [HTTP, GIT]
    assert today.rstrip().endswith("[1 · Still got it] [1 · Review again]\n[2 · Still got it] [2 · Review again]")
    await console.handle_line("click 2 · Still got it")
    assert reviewed(await console.handle_line("/today")) == [HTTP]
    assert reviewed(await console.handle_line(":tick 7d")) == [HTTP]  # unanswered: still there a week on


async def test_turning_reviews_off_and_on_in_the_console(services: Services) -> None:
    console = Console(services, "learner", MONDAY)
    for line in (*SETUP, f"/done item:{GIT}", "/remind reviews state:off"):
        await console.handle_line(line)
    assert reviewed(await console.handle_line(":tick 7d")) == []
    assert reviewed(await console.handle_line("/review")) == [GIT]
    assert "Spaced review is on" in await console.handle_line("/remind reviews state:on")
    assert reviewed(await console.handle_line(":tick 7d")) == [GIT]
    assert "**Usage:** `/remind reviews [state]`" in await console.handle_line("/help command:remind reviews")
