"""/start-learning: enrolling, resuming, paces, start dates, role names; and the week shown as time passes."""

from __future__ import annotations

import itertools
import re
from datetime import timedelta
from pathlib import Path

import pytest

from bot.content.holder import ContentHolder
from bot.content.loader import ContentIndex
from bot.content.models import Problem
from bot.handlers import learning, today
from bot.services import Services, UserError
from bot.store import Store
from tests.content.helpers import role_file
from tests.handlers.conftest import NOW, caller, press, text

ROLE = "backend-engineer"


def spans(reply_text: str) -> list[tuple[int, int, int]]:
    """(phase, first week, last week) of each line of the path field, as shown."""
    found = re.findall(r"Phase (\d+): [^*]+\*\* · weeks? (\d+)(?:-(\d+))?", reply_text)
    return [(int(p), int(a), int(b or a)) for p, a, b in found]


def total_weeks(reply_text: str) -> int:
    match = re.search(r"The path · (\d+) weeks", reply_text)
    assert match, reply_text
    return int(match.group(1))


async def test_new_learner_is_welcomed_at_week_one(svc: Services) -> None:
    reply = await learning.start_learning(svc, caller(), ROLE)
    shown = text(reply)
    assert "Backend Engineer · Welcome aboard!" in shown
    assert "Week 1 of 36 · Phase 1 (weeks 1-4)" in shown
    assert "This week's focus · Phase 1: Foundations" in shown
    assert reply.ephemeral
    assert [b.label for b in reply.buttons] == ["This week", "Checklist", "Turn reminders off"]
    enrollment = await svc.store.get_enrollment(101, ROLE)
    assert enrollment is not None
    assert enrollment.start_date == NOW.date()
    assert enrollment.status == "active"


async def test_starting_again_resumes_and_keeps_progress(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE, pace="programming_background")
    await svc.store.set_item_done(101, ROLE, "item-x", NOW)
    await learning.stop_learning(svc, caller(days=3), ROLE)

    reply = await learning.start_learning(svc, caller(days=10), ROLE)

    shown = text(reply)
    assert "Welcome back, your progress is where you left it." in shown
    assert "Week 2 of 33" in shown  # same start date and pace as before
    assert "programming background pace" in shown
    assert "item-x" in await svc.store.get_progress(101, ROLE)
    enrollment = await svc.store.get_enrollment(101, ROLE)
    assert enrollment is not None
    assert (enrollment.status, enrollment.start_date) == ("active", NOW.date())


async def test_resuming_with_a_new_pace_keeps_the_start_date(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    reply = await learning.start_learning(svc, caller(days=14), ROLE, pace="complete_beginner")
    assert "Week 3 of 46" in text(reply)


@pytest.mark.parametrize(
    ("pace", "weeks"),
    [(None, 36), ("full_time_accelerated", 22), ("programming_background", 33), ("complete_beginner", 46)],
)
async def test_pace_stretches_the_path_and_the_phases_still_tile(svc: Services, pace: str | None, weeks: int) -> None:
    shown = text(await learning.start_learning(svc, caller(), ROLE, pace=pace))
    assert total_weeks(shown) == weeks
    assert f"Week 1 of {weeks}" in shown
    phases = spans(shown)
    assert [p for p, _, _ in phases] == [1, 2, 3, 4, 5, 6]
    assert phases[0][1] == 1
    assert phases[-1][2] == weeks
    for (_, _, end), (_, start, _) in itertools.pairwise(phases):
        assert start == end + 1
    assert all(a <= b for _, a, b in phases)


async def test_accelerated_is_shorter_and_beginner_longer_than_as_written(svc: Services) -> None:
    fast = total_weeks(text(await learning.start_learning(svc, caller(1), ROLE, pace="full_time_accelerated")))
    plain = total_weeks(text(await learning.start_learning(svc, caller(2), ROLE)))
    slow = total_weeks(text(await learning.start_learning(svc, caller(3), ROLE, pace="complete_beginner")))
    assert fast < plain < slow


async def test_pace_is_trimmed(svc: Services) -> None:
    shown = text(await learning.start_learning(svc, caller(), ROLE, pace="  full_time_accelerated "))
    assert "Week 1 of 22" in shown


async def test_bad_pace_lists_the_valid_ones_and_enrolls_nobody(svc: Services) -> None:
    with pytest.raises(UserError) as err:
        await learning.start_learning(svc, caller(), ROLE, pace="turbo")
    message = str(err.value)
    assert "'turbo' is not a pace of Backend Engineer" in message
    for pace in ("complete beginner", "programming background", "full time accelerated"):
        assert f"**{pace}**" in message
    assert await svc.store.get_enrollment(101, ROLE) is None


async def test_future_start_date_says_when_it_starts(svc: Services) -> None:
    reply = await learning.start_learning(svc, caller(), ROLE, start="2026-12-04")
    shown = text(reply)
    assert "Starts in 7 days, on 2026-12-04" in shown
    assert "Week 1" not in shown
    assert "This week's focus" not in shown
    # Once the day comes, the path is at week 1.
    later = text(await learning.start_learning(svc, caller(days=7), ROLE))
    assert "Week 1 of 36" in later


async def test_start_tomorrow_is_one_day(svc: Services) -> None:
    shown = text(await learning.start_learning(svc, caller(), ROLE, start="tomorrow"))
    assert "Starts in 1 day, on 2026-11-28" in shown


async def test_start_date_in_the_past_counts_the_weeks_since(svc: Services) -> None:
    shown = text(await learning.start_learning(svc, caller(), ROLE, start="2026-08-28"))  # 91 days ago
    assert "Week 14 of 36 · Phase 3 (weeks 13-18)" in shown


@pytest.mark.parametrize("bad", ["next week", "27/11/2026", "2026-02-30", "yesterday-ish"])
async def test_bad_start_date_says_how_to_write_it(svc: Services, bad: str) -> None:
    with pytest.raises(UserError) as err:
        await learning.start_learning(svc, caller(), ROLE, start=bad)
    assert f"Couldn't read the start date '{bad}'" in str(err.value)
    assert "YYYY-MM-DD, e.g. 2026-11-27" in str(err.value)
    assert await svc.store.get_enrollment(101, ROLE) is None


async def test_start_date_more_than_a_year_away_is_refused(svc: Services) -> None:
    with pytest.raises(UserError, match="within a year"):
        await learning.start_learning(svc, caller(), ROLE, start="2028-01-01")


async def test_unknown_role_suggests_the_closest(svc: Services) -> None:
    with pytest.raises(UserError) as err:
        await learning.start_learning(svc, caller(), "bakend enginer")
    message = str(err.value)
    assert "No role called 'bakend enginer'" in message
    assert "Did you mean **Backend Engineer** (`backend-engineer`)" in message


@pytest.mark.parametrize("blank", ["", "   "])
async def test_blank_role_asks_which(svc: Services, blank: str) -> None:
    with pytest.raises(UserError, match="Which path\\? Name a role"):
        await learning.start_learning(svc, caller(), blank)


async def test_nothing_like_the_role_points_to_roles(svc: Services) -> None:
    with pytest.raises(UserError, match="Use `/roles` to see every path"):
        await learning.start_learning(svc, caller(), "zzqxj")


@pytest.mark.parametrize("name", ["Backend Engineer", "backend-engineer", "BACKEND-ENGINEER", "back"])
async def test_role_by_display_name_or_unique_prefix(svc: Services, name: str) -> None:
    shown = text(await learning.start_learning(svc, caller(), name))
    assert "Backend Engineer · Welcome aboard!" in shown


async def test_role_alias_finds_the_role(svc: Services) -> None:
    shown = text(await learning.start_learning(svc, caller(), "etl developer"))
    assert "Data Engineer · Welcome aboard!" in shown


async def test_enrolling_turns_weekly_reminders_on_once(svc: Services) -> None:
    reply = await learning.start_learning(svc, caller(), ROLE)
    settings = await svc.store.get_reminder_settings(101)
    assert settings is not None
    assert settings.enabled
    toggled = await press(svc, caller(), reply, "Turn reminders off")
    assert "Weekly reminders are off." in text(toggled)
    # Enrolling in another path does not turn them back on.
    again = await learning.start_learning(svc, caller(), "data-engineer")
    assert "Turn reminders on" in [b.label for b in again.buttons]


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (0, "Week 1 of 36 · Phase 1 (weeks 1-4)"),
        (6, "Week 1 of 36 · Phase 1 (weeks 1-4)"),
        (7, "Week 2 of 36 · Phase 1 (weeks 1-4)"),
        (28, "Week 5 of 36 · Phase 2 (weeks 5-12)"),
        (84, "Week 13 of 36 · Phase 3 (weeks 13-18)"),
        (35 * 7, "Week 36 of 36 · Phase 6 (weeks 29-36)"),
        (36 * 7, "All 36 weeks are over"),
    ],
)
async def test_week_and_phase_follow_the_clock(svc: Services, days: int, expected: str) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    shown = text(await learning.start_learning(svc, caller(days=days), ROLE))
    assert expected in shown
    assert "🎉" not in shown  # nothing is ticked: no cheer, whatever the week


async def test_week_changes_at_the_learners_midnight(svc: Services) -> None:
    await svc.store.set_timezone(101, "America/New_York", NOW)
    # 2026-11-27 10:00 UTC is 05:00 in New York: the path starts on the 27th there too.
    await learning.start_learning(svc, caller(), ROLE)
    # 2026-12-04 03:00 UTC is still the 3rd (22:00) in New York: week 1.
    late = NOW.replace(hour=3) + timedelta(days=7)
    assert "week 1 of 36" in text(await today.today(svc, caller(now=late), ROLE))
    assert "week 2 of 36" in text(await today.today(svc, caller(now=late + timedelta(hours=3)), ROLE))


async def test_accelerated_pace_moves_phases_earlier(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE, pace="full_time_accelerated")
    shown = text(await learning.start_learning(svc, caller(days=7 * 7), ROLE))
    # Week 8 of 22: Databases (nominally weeks 13-18) already.
    assert "Week 8 of 22 · Phase 3 (weeks 8-11)" in shown
    assert "▶ **Phase 3: Databases** · weeks 8-11" in shown


async def test_a_pace_typed_in_words_is_taken(svc: Services) -> None:
    shown = text(await learning.start_learning(svc, caller(), ROLE, pace="Complete Beginner"))
    assert "46 weeks at complete beginner pace" in shown


async def test_changing_pace_says_what_changed(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    shown = text(await learning.start_learning(svc, caller(), ROLE, pace="full time"))
    assert "Pace: as written → full time accelerated" in shown
    assert "36 → 22 weeks" in shown
    assert "finish 2027-08-05 → 2027-04-29" in shown  # started 2026-11-27: the last day of week 36, of week 22
    assert "Welcome back" not in shown
    again = text(await learning.start_learning(svc, caller(), ROLE, pace="full time"))
    assert "Welcome back" in again
    assert "Pace:" not in again


async def test_a_path_left_out_for_its_errors_is_named_as_not_loaded(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    broken = "## Phase 1: Basics (Weeks 1-4)\n- a\n\n## Phase 2: More (Weeks 3-6)\n- b\n"
    (folder / "data-scientist.md").write_text(role_file("data-scientist", body=broken), encoding="utf-8")
    (folder / "web-developer.md").write_text(role_file("web-developer"), encoding="utf-8")
    svc = Services(ContentHolder.load(folder, NOW), store)
    for asked in ("data-scientist", "Data-Scientist"):
        with pytest.raises(UserError) as err:
            await learning.start_learning(svc, caller(), asked)
        assert str(err.value) == (
            f"'{asked}' is not loaded: its file `data-scientist.md` has errors. A moderator can run "
            "`/content validate` to see them."
        )
    with pytest.raises(UserError, match="No role called 'data-engineer'"):
        await learning.start_learning(svc, caller(), "data-engineer")


def test_a_folder_with_errors_is_no_path_left_out() -> None:
    folder = Problem(
        "guides/data-engineer", None, "error", "cannot read this (Permission denied); check its permissions"
    )
    file = Problem("guides/web-developer.md", 3, "error", "Phase 2 (weeks 3-6) overlaps Phase 1")
    index = ContentIndex(roles={}, problems=(folder, file))
    assert index.left_out("data-engineer") is None  # a folder's name: no file of a path
    assert index.left_out("web-developer") == "guides/web-developer.md"


async def test_a_phase_its_file_gives_a_title_only_is_said_so_not_sent_to_phase(tmp_path: Path, store: Store) -> None:
    # A README whose plan is a list of relative links to a folder per week, with no baseUrl: the links cannot be
    # shown, so each week's phase is its title alone, and /phase would show nothing more.
    folder = tmp_path / "content"
    folder.mkdir()
    fixture = Path(__file__).parents[1] / "fixtures" / "roadmaps" / "week-files-index.md"
    (folder / fixture.name).write_bytes(fixture.read_bytes())
    svc = Services(ContentHolder.load(folder, NOW), store)
    await learning.start_learning(svc, caller(), "week-files-index")
    shown = text(await today.today(svc, caller(), "week-files-index"))
    assert "The path's file gives this phase its title only" in shown
    assert "shows it in full" not in shown
