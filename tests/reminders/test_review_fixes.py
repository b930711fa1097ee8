"""Review fixes: a role file missing at send time, a snooze that lands in the next ISO week, and the
group board respecting "let others see my progress"."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.content.holder import ContentHolder
from bot.content.loader import ContentIndex
from bot.handlers import content_admin, groups, learning, reminders
from bot.reminders.planning import deferred_meta_key, read_deferral, snooze_meta_key
from bot.reminders.scheduler import DEFERRED, RetryLaterError, Scheduler
from bot.services import Services
from bot.store import Store
from tests import peek
from tests.reminders.conftest import (
    ANN,
    BOB,
    CAT,
    CHANNEL,
    CONTENT_DIR,
    MOD,
    NOW,
    ROLE,
    Clock,
    RecordingSender,
    caller,
    group,
    learner,
    press,
    text,
    travel,
    weeks,
)

FIRST = datetime(2026, 11, 30, 9, tzinfo=UTC)  # the first Monday 09:00 UTC after NOW
DATA = "data-engineer"
SUNDAY = datetime(2026, 11, 29, 23, 50, tzinfo=UTC)  # the last minutes of ISO week 2026-W48


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


@pytest.fixture
def live(content_copy: Path, store: Store) -> Services:
    """Services over a private copy of the content, which tests break and fix before reloading."""
    return Services(ContentHolder.load(content_copy, NOW), store)


def break_role(folder: Path, name: str = DATA) -> str:
    """Make a role file unreadable (invalid front matter); return its text to put back."""
    path = folder / f"{name}.md"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace(f"name: {name}", f"name: [{name}", 1), encoding="utf-8")
    return good


# ---------------------------------------------------------------- B: a role file missing at send time: deferred


async def test_a_path_missing_at_send_time_is_deferred_and_goes_out_after_a_reload(
    live: Services, content_copy: Path, store: Store
) -> None:
    clock = Clock()
    sender = RecordingSender(clock)
    scheduler = Scheduler(live, sender, clock, rate=0)
    await learning.start_learning(live, caller(ANN), DATA)
    good = break_role(content_copy)
    # A restart with the broken file: the role is left out of the content.
    live.content.swap(ContentHolder.load(content_copy, NOW).index, NOW)
    assert DATA not in live.content.index.roles

    outcomes = await scheduler.run_due(FIRST)
    assert [o.skipped for o in outcomes] == [DEFERRED]
    assert sender.sent == []
    assert await peek.get_delivery(store, "user", ANN, "2026-W49") is None  # not failed: nothing is recorded
    assert await store.get_plan("user", ANN) == FIRST + timedelta(minutes=30)  # looked at again soon

    await travel(scheduler, clock, FIRST + weeks(1) + timedelta(hours=1))
    assert sender.sent == []
    assert await peek.get_delivery(store, "user", ANN, "2026-W50") is None
    deferral = read_deferral(await store.get_meta(deferred_meta_key("user", ANN)))
    assert deferral is not None and deferral.since == FIRST  # the week it waits for, however often deferred

    (content_copy / f"{DATA}.md").write_text(good, encoding="utf-8")
    reply = await content_admin.reload(live, caller(MOD, clock.now, moderator=True))
    assert "Reloaded: 6 roles are live." in text(reply)
    [outcome] = await scheduler.run_due(clock.now)  # the reload changed the content: deferred ones are due
    assert outcome.sent
    [catchup] = sender.sent
    assert catchup.text.startswith("Week 2 of")
    assert (
        "This comes late: I was offline and missed 1 weekly reminder." in catchup.text
    )  # weeks 1 and 2 in one message, as after downtime
    assert await peek.delivery_state(store, "user", ANN, "2026-W50") == "sent"
    assert await store.get_meta(deferred_meta_key("user", ANN)) is None
    await travel(scheduler, clock, FIRST + weeks(3) + timedelta(hours=1))
    assert [s.due for s in sender.to("user", ANN)[1:]] == [FIRST + weeks(2), FIRST + weeks(3)]


async def test_a_path_back_within_its_week_sends_that_weeks_reminder(
    live: Services, content_copy: Path, store: Store
) -> None:
    clock = Clock()
    sender = RecordingSender(clock)
    scheduler = Scheduler(live, sender, clock, rate=0)
    await learning.start_learning(live, caller(ANN), DATA)
    good = break_role(content_copy)
    live.content.swap(ContentHolder.load(content_copy, NOW).index, NOW)
    await scheduler.run_due(FIRST)

    (content_copy / f"{DATA}.md").write_text(good, encoding="utf-8")
    fixed = FIRST + timedelta(hours=3)
    await content_admin.reload(live, caller(MOD, fixed, moderator=True))
    clock.now = fixed
    [outcome] = await scheduler.run_due(fixed)
    assert outcome.sent
    assert sender.sent[0].text.startswith("Week 1 of")
    assert "This comes late" not in sender.sent[0].text
    assert await peek.delivery_state(store, "user", ANN, "2026-W49") == "sent"
    assert await store.get_plan("user", ANN) == FIRST + weeks(1)


async def test_a_restart_with_the_path_back_sends_the_deferred_reminder_at_once(
    live: Services, content_copy: Path, store: Store, shipped_index: ContentIndex
) -> None:
    clock = Clock()
    scheduler = Scheduler(live, RecordingSender(clock), clock, rate=0)
    await learning.start_learning(live, caller(ANN), DATA)
    break_role(content_copy)
    live.content.swap(ContentHolder.load(content_copy, NOW).index, NOW)
    await scheduler.run_due(FIRST)
    assert await store.get_plan("user", ANN) == FIRST + timedelta(minutes=30)

    # A new process on the same database, with the content fixed: its first pass sends it, not 30 minutes on.
    restarted = Services(ContentHolder(CONTENT_DIR, shipped_index, NOW), store)
    sender = RecordingSender(clock)
    clock.now = FIRST + timedelta(minutes=5)
    [outcome] = await Scheduler(restarted, sender, clock, rate=0).run_due(clock.now)
    assert outcome.sent
    assert [s.target for s in sender.sent] == [ANN]


async def test_a_deferred_group_post_goes_out_after_a_reload(live: Services, content_copy: Path, store: Store) -> None:
    clock = Clock()
    sender = RecordingSender(clock)
    scheduler = Scheduler(live, sender, clock, rate=0)
    await groups.create(live, caller(MOD), "Pipes", DATA, CHANNEL)
    good = break_role(content_copy)
    live.content.swap(ContentHolder.load(content_copy, NOW).index, NOW)
    [outcome] = await scheduler.run_due(FIRST)
    assert outcome.skipped == DEFERRED
    (content_copy / f"{DATA}.md").write_text(good, encoding="utf-8")
    await content_admin.reload(live, caller(MOD, FIRST, moderator=True))
    [outcome] = await scheduler.run_due(FIRST + timedelta(minutes=1))
    assert outcome.sent
    assert [s.label for s in sender.sent] == ["Pipes"]


async def test_a_pause_replaces_a_deferral(live: Services, content_copy: Path, store: Store) -> None:
    clock = Clock()
    sender = RecordingSender(clock)
    scheduler = Scheduler(live, sender, clock, rate=0)
    await learning.start_learning(live, caller(ANN), DATA)
    good = break_role(content_copy)
    live.content.swap(ContentHolder.load(content_copy, NOW).index, NOW)
    await scheduler.run_due(FIRST)
    await reminders.remind_pause(live, caller(ANN, FIRST), "2026-12-20")  # the learner skips those weeks
    (content_copy / f"{DATA}.md").write_text(good, encoding="utf-8")
    await content_admin.reload(live, caller(MOD, FIRST, moderator=True))

    await travel(scheduler, clock, FIRST + weeks(3) + timedelta(hours=1))
    [after_pause] = sender.sent
    assert after_pause.due == FIRST + weeks(3)
    assert "You were away" not in after_pause.text  # the paused weeks are not caught up
    assert await store.get_meta(deferred_meta_key("user", ANN)) is None


async def test_a_finished_path_beside_a_missing_one_does_not_end_the_reminders(
    svc: Services, scheduler: Scheduler, sender: RecordingSender
) -> None:
    await learner(svc, start=(NOW - weeks(40)).date().isoformat())  # finished: this is its last reminder
    await svc.store.enroll(ANN, "ghost-role", None, None, NOW)  # active, but not in the content now
    [outcome] = await scheduler.run_due(FIRST)
    assert outcome.sent
    assert "Time is up: the 36 weeks of Backend Engineer are over" in sender.sent[0].text
    assert await svc.store.get_plan("user", ANN) == FIRST + weeks(1)
    [outcome] = await scheduler.run_due(FIRST + weeks(1))
    assert outcome.skipped == DEFERRED
    assert await svc.store.get_plan("user", ANN) == FIRST + weeks(1) + timedelta(minutes=30)


async def test_reload_replans_learners_with_reminders_on_but_no_plan(live: Services, store: Store) -> None:
    woken: list[bool] = []
    live.store.on_plans_changed(lambda: woken.append(True))
    for user in (ANN, BOB, CAT):
        await learning.start_learning(live, caller(user), ROLE)
    # As a bot before this fix left them: ANN's plan cleared while her path was missing.
    await store.clear_plan("user", ANN)
    await reminders.remind_off(live, caller(BOB))  # BOB turned reminders off: he stays without a plan
    await store.set_plan("user", CAT, FIRST + weeks(2))  # CAT's plan is left alone
    assert await live.store.unplanned_learners() == [ANN]
    woken.clear()

    later = caller(MOD, NOW + timedelta(days=4), moderator=True)  # Tuesday
    await content_admin.reload(live, later)
    assert await store.get_plan("user", ANN) == FIRST + weeks(1)
    assert await store.get_plan("user", BOB) is None
    assert await store.get_plan("user", CAT) == FIRST + weeks(2)
    assert woken
    assert await live.store.unplanned_learners() == []


async def test_a_refused_reload_replans_nothing(live: Services, content_copy: Path, store: Store) -> None:
    await learning.start_learning(live, caller(ANN), ROLE)
    await store.clear_plan("user", ANN)
    break_role(content_copy)
    reply = await content_admin.reload(live, caller(MOD, moderator=True))
    assert "Reload refused" in text(reply)
    assert await store.get_plan("user", ANN) is None


# ---------------------------------------------------------------- D: a snooze into the next ISO week


async def sunday_reminder(svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock) -> None:
    await learner(svc, day="sunday", time="23:50")
    await travel(scheduler, clock, SUNDAY + timedelta(minutes=2))
    assert [s.due for s in sender.sent] == [SUNDAY]


async def test_a_sunday_reminder_snoozed_to_monday_is_sent(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await sunday_reminder(svc, scheduler, sender, clock)
    await press(svc, caller(now=clock.now), sender.sent[0].reply, "Snooze a day")
    stored = await svc.store.get_meta(snooze_meta_key("user", ANN))
    assert stored == f"{(SUNDAY + timedelta(days=1, minutes=2)).isoformat()}|2026-W48"
    await travel(scheduler, clock, SUNDAY + weeks(1) + timedelta(hours=1))
    first, snoozed, weekly = sender.sent
    assert snoozed.at == SUNDAY + timedelta(days=1, minutes=2)  # Monday, in ISO week 2026-W49
    assert snoozed.text.startswith("Week 1 of 36")
    assert snoozed.nonce not in (first.nonce, weekly.nonce)
    assert weekly.due == SUNDAY + weeks(1)
    assert await svc.store.get_meta(snooze_meta_key("user", ANN)) is None


async def test_a_snooze_kept_before_its_week_was_stored_is_still_sent(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await sunday_reminder(svc, scheduler, sender, clock)
    due = SUNDAY + timedelta(days=1, minutes=2)
    await svc.store.set_meta(snooze_meta_key("user", ANN), due.isoformat())  # the older format: time only
    await svc.store.set_plan("user", ANN, due)
    await travel(scheduler, clock, SUNDAY + weeks(1) + timedelta(hours=1))
    assert [s.at for s in sender.sent] == [SUNDAY, due, SUNDAY + weeks(1)]


async def test_a_snooze_into_the_next_week_survives_a_passing_failure(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await sunday_reminder(svc, scheduler, sender, clock)
    await press(svc, caller(now=clock.now), sender.sent[0].reply, "Snooze a day")
    sender.errors[("user", ANN)] = [("after", RetryLaterError("timeout"))]
    await travel(scheduler, clock, SUNDAY + timedelta(days=2))
    _, snoozed, retried = sender.sent
    assert retried.nonce == snoozed.nonce  # the same snooze again, not a new message
    assert await svc.store.get_meta(snooze_meta_key("user", ANN)) is None


async def test_a_snooze_is_replaced_by_a_newer_weekly_reminder(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await learner(svc)
    await travel(scheduler, clock, FIRST + timedelta(minutes=5))
    # Snoozed on Sunday: the repeat would land after next Monday's own reminder, which replaces it.
    await press(svc, caller(now=FIRST + timedelta(days=6, hours=1)), sender.sent[0].reply, "Snooze a day")
    await travel(scheduler, clock, FIRST + weeks(2) + timedelta(hours=1))
    assert [s.at for s in sender.sent] == [FIRST, FIRST + weeks(1) + timedelta(hours=1), FIRST + weeks(2)]
    assert await peek.delivery_state(svc.store, "user", ANN, "2026-W50") == "sent"
    assert await svc.store.get_meta(snooze_meta_key("user", ANN)) is None


# ---------------------------------------------------------------- G: the board and "let others see my progress"


async def test_the_board_hides_the_progress_of_members_who_keep_it_private(svc: Services) -> None:
    await group(svc, members=(ANN, BOB, CAT))
    phase_1 = [i.id for i in svc.content.index.roles[ROLE].checklist if i.phase == 1]  # week 1's items
    for item in phase_1:
        await svc.store.set_item_done(BOB, ROLE, item, NOW)
    await svc.store.set_item_done(CAT, ROLE, phase_1[0], NOW)
    await svc.store.set_progress_visible(BOB, True, NOW)

    [card] = (await groups.board(svc, caller(ANN))).cards
    assert card.description == (f"<@{BOB}> ▰▰▰▰▰▰▰▰ 2/2 (100%)\n<@{ANN}> ▱▱▱▱▱▱▱▱ 0/2 (0%)\n<@{CAT}> (progress hidden)")
    [card] = (await groups.board(svc, caller(CAT))).cards  # members always see their own
    assert card.description == (
        f"<@{BOB}> ▰▰▰▰▰▰▰▰ 2/2 (100%)\n<@{CAT}> ▰▰▰▰▱▱▱▱ 1/2 (50%)\n<@{ANN}> (progress hidden)"
    )


async def test_the_weekly_post_still_counts_hidden_members(
    svc: Services, scheduler: Scheduler, sender: RecordingSender, clock: Clock
) -> None:
    await group(svc, members=(ANN, BOB))
    for item in [i.id for i in svc.content.index.roles[ROLE].checklist][:5]:
        await svc.store.set_item_done(BOB, ROLE, item, NOW + timedelta(hours=1))
    await travel(scheduler, clock, FIRST)
    [post] = sender.to("channel", 5555)
    assert "1 member ticked 5 items.\n  1 member who keeps their progress hidden: 5 items" in post.text
    assert "1 of 2 members ticked all of this week's items" in post.text
    assert f"<@{BOB}>" not in post.text


async def test_deferrals_are_logged_once_per_pass_not_per_look(
    live: Services, content_copy: Path, store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock()
    scheduler = Scheduler(live, RecordingSender(clock), clock, rate=0)
    for user in (ANN, BOB, CAT):
        await learning.start_learning(live, caller(user), DATA)
    break_role(content_copy)
    live.content.swap(ContentHolder.load(content_copy, NOW).index, NOW)
    with caplog.at_level("WARNING"):
        await scheduler.run_due(FIRST)
        await travel(scheduler, clock, FIRST + timedelta(hours=3))  # six more looks each: nothing more said
    [line] = [r.getMessage() for r in caplog.records if "deferred" in r.getMessage()]
    assert line == (
        f"3 reminders deferred (user {ANN}, user {BOB}, user {CAT}): path {DATA} not loaded. Each goes out once "
        "its path is back (after a content reload or a restart; looked at again every 30 min meanwhile)"
    )


async def test_the_scheduler_does_not_keep_a_swapped_out_index_alive(
    live: Services, content_copy: Path, store: Store
) -> None:
    """It notices a reload by the index's identity, through a weak reference: the old index can be freed."""
    import weakref

    clock = Clock(FIRST)
    scheduler = Scheduler(live, RecordingSender(clock), clock, rate=0)
    await scheduler.run_due(FIRST)
    old = weakref.ref(live.content.index)
    edited = content_copy / f"{DATA}.md"  # named, not globbed: no blocking directory walk in a coroutine
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    await content_admin.reload(live, caller(MOD, FIRST, moderator=True))
    assert live.content.index is not old()
    await live.content.release()
    assert old() is None


async def test_a_deferral_replaced_by_a_pause_is_not_counted_again(
    live: Services, content_copy: Path, store: Store
) -> None:
    clock = Clock()
    sender = RecordingSender(clock)
    scheduler = Scheduler(live, sender, clock, rate=0)
    await learning.start_learning(live, caller(ANN), DATA)
    good = break_role(content_copy)
    live.content.swap(ContentHolder.load(content_copy, NOW).index, NOW)
    await scheduler.run_due(FIRST)  # deferred since FIRST
    await reminders.remind_pause(live, caller(ANN, FIRST), "2026-12-20")
    await travel(scheduler, clock, FIRST + weeks(3) + timedelta(hours=1))  # still broken: deferred again
    deferral = read_deferral(await store.get_meta(deferred_meta_key("user", ANN)))
    assert deferral is not None and deferral.since == FIRST + weeks(3)  # the paused weeks are not waited for

    (content_copy / f"{DATA}.md").write_text(good, encoding="utf-8")
    await content_admin.reload(live, caller(MOD, clock.now, moderator=True))
    await scheduler.run_due(clock.now)
    [sent] = sender.sent
    assert "You were away" not in sent.text
