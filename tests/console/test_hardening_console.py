"""The hardening rows as the offline console shows them: time zones, names and proof links, "I'm behind",
and wording (real plurals, display names, catch-ups that do not blame the learner)."""

from __future__ import annotations

from bot.console import Console, user_id_for
from tests.console.conftest import NOW, Session


async def test_a_time_zone_alias_is_refused_with_its_current_name(run: Session) -> None:
    await run("/start-learning role:backend-engineer")
    out = await run("/remind set timezone:US/Pacific")
    assert out == (
        "(only you)\n\n❌ 'US/Pacific' is an old name of America/Los_Angeles: use `timezone:America/Los_Angeles`."
    )
    assert "(America/Los_Angeles)" in await run("/remind set timezone:america/los angeles")


async def test_localtime_is_refused_and_a_stored_one_counts_in_utc(run: Session, console: Console) -> None:
    await run("/start-learning role:backend-engineer")
    assert "names a setting of the server's own clock" in await run("/remind set timezone:localtime")
    await console.services.store.set_timezone(user_id_for("learner"), "localtime", NOW)

    out = await run("/progress")

    assert out.startswith(
        "(only you)\n\n⚠️ Your time zone 'localtime' isn't one this server can use, so times and weeks follow UTC."
    )
    assert "Week 1 of 36" in out


async def test_a_name_with_an_rtl_override_is_refused(run: Session) -> None:
    out = await run("/group create name:Owls\u202eexe role:backend-engineer channel:study")
    assert "A group name can't contain a character that changes the text's direction (U+202E)" in out
    assert "❌" in await run("/group join name:Owls\u202eexe")


async def test_a_group_name_shows_escaped(run: Session) -> None:
    out = await run("/group create name:**Owls** @everyone role:backend-engineer channel:study")
    assert "Study group **\\*\\*Owls\\*\\* @\u200beveryone** follows Backend Engineer." in out
    joined = await run("/group join name:**Owls** @everyone")
    assert joined.startswith(
        "(only you)\n\nYou joined **\\*\\*Owls\\*\\* @\u200beveryone**. You're now following **Backend Engineer** "
        "too: `/progress` shows where you are.\n\n**May the group see your progress?**"
    )
    shared = await run("click Show my progress to the group")
    assert shared.startswith("(only you)\n\nYour progress shows to **\\*\\*Owls\\*\\* @\u200beveryone**:")


async def test_a_proof_must_lead_to_a_real_host(run: Session) -> None:
    await run("/start-learning role:backend-engineer")
    for proof, problem in [
        ("https://@everyone", "has a user name or an @ before its host"),
        ("javascript:alert(1)", "must start with https://"),
        ("http://localhost:8000", "points to this computer (localhost)"),
        ("https://example.com/\u202egnp.exe", "contains a character that changes the text's direction (U+202E)"),
    ]:
        assert f"That proof link {problem}" in await run(f"/done item:Use git professionally proof:{proof}")
    assert "Ticked" in await run("/done item:Use git professionally proof:https://github.com/me/dotfiles")


async def test_im_behind_moves_the_plan_back_once_a_week(run: Session) -> None:
    await run("/start-learning role:backend-engineer start:2026-10-30")  # week 5
    reminder = await run(":tick 3d")  # Monday's reminder: four weeks in, nothing ticked: two weeks behind
    assert "[Snooze a day] [I'm behind] [Slower pace: complete beginner] [Pause a week] [I worked on this]" in reminder
    moved = await run("click I'm behind")
    assert moved == (
        "(only you)\n\nNo problem: your plan moved back a week, to week 4 of 36 (1 week back in all). "
        "Keep going at your pace."
    )
    again = await run("/remind preview")  # this week's reminder again: its plan has moved back already
    assert again.startswith("Week 4 of 36")
    assert "I'm behind" not in again
    next_week = await run(":tick 7d")
    assert "Week 5 of 36" in next_week
    assert "[Snooze a day] [I'm behind] [Slower pace: complete beginner] [Pause a week] [I worked on this]" in next_week


async def test_wording_counts_and_names_paths(run: Session) -> None:
    await run("/start-learning role:backend-engineer")
    await run("/done item:Use git professionally")
    await run("/stop-learning role:backend-engineer forget:true")
    out = await run("click Stop and forget")
    assert "you've left **Backend Engineer** and 1 ticked item was forgotten." in out
    assert "(s)" not in out
    assert "6 paths loaded" in await run("/help")
