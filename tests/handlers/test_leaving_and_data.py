"""/stop-learning (keeps progress; forgetting needs a confirmation) and /my-data export|delete."""

from __future__ import annotations

import json

import pytest

from bot import components
from bot.handlers import learning, progress
from bot.services import Services, UserError
from tests.handlers.conftest import ANN, BOB, caller, press, text

ROLE = "backend-engineer"
OTHER = "data-engineer"


async def enroll_and_tick(svc: Services, user: int = ANN, name: str = "ann") -> None:
    for role in (ROLE, OTHER):
        await learning.start_learning(svc, caller(user, name), role)
        for item in svc.content.index.roles[role].checklist[:2]:
            await svc.store.set_item_done(user, role, item.id, caller().now, "https://example.com/p")


async def test_stop_keeps_progress_and_start_picks_it_up(svc: Services) -> None:
    await enroll_and_tick(svc)
    reply = await learning.stop_learning(svc, caller(days=1), ROLE)
    assert "You've left **Backend Engineer**. Your progress is kept" in text(reply)
    assert "`/start-learning role:backend-engineer`" in text(reply)
    enrollment = await svc.store.get_enrollment(ANN, ROLE)
    assert enrollment is not None
    assert enrollment.status == "stopped"
    assert len(await svc.store.get_progress(ANN, ROLE)) == 2
    # The stopped path is out of /progress, the other one stays.
    assert [c.title for c in (await progress.progress(svc, caller())).cards] == ["ann · Data Engineer"]
    resumed = await learning.start_learning(svc, caller(days=2), ROLE)
    assert "Welcome back" in text(resumed)
    assert "2/15" in text(await progress.checklist_view(svc, caller(), ROLE))


async def test_stop_by_display_name(svc: Services) -> None:
    await enroll_and_tick(svc)
    await learning.stop_learning(svc, caller(), "Backend Engineer")
    enrollment = await svc.store.get_enrollment(ANN, ROLE)
    assert enrollment is not None
    assert enrollment.status == "stopped"


async def test_stop_a_path_not_followed(svc: Services) -> None:
    with pytest.raises(UserError, match="You aren't enrolled in Backend Engineer"):
        await learning.stop_learning(svc, caller(), ROLE)
    with pytest.raises(UserError, match="Did you mean \\*\\*Backend Engineer\\*\\*"):
        await learning.stop_learning(svc, caller(), "bakend")


async def test_forget_asks_first_and_cancel_changes_nothing(svc: Services) -> None:
    await enroll_and_tick(svc)
    ask = await learning.stop_learning(svc, caller(), ROLE, forget=True)
    assert "forget your checklist progress" in text(ask)
    assert [b.label for b in ask.buttons] == ["Stop and forget", "Cancel"]
    # Asking changes nothing yet.
    enrollment = await svc.store.get_enrollment(ANN, ROLE)
    assert enrollment is not None
    assert enrollment.status == "active"
    cancelled = await press(svc, caller(), ask, "Cancel")
    assert "Cancelled: nothing changed." in text(cancelled)
    assert len(await svc.store.get_progress(ANN, ROLE)) == 2


async def test_forget_after_confirming_forgets_only_that_path(svc: Services) -> None:
    await enroll_and_tick(svc)
    await enroll_and_tick(svc, BOB, "bob")
    ask = await learning.stop_learning(svc, caller(), ROLE, forget=True)
    done = await press(svc, caller(), ask, "Stop and forget")
    assert done.update
    assert "you've left **Backend Engineer** and 2 ticked items were forgotten" in text(done)
    assert await svc.store.get_enrollment(ANN, ROLE) is None
    assert await svc.store.get_progress(ANN, ROLE) == {}
    # The other path and the other learner are untouched.
    assert len(await svc.store.get_progress(ANN, OTHER)) == 2
    assert len(await svc.store.get_progress(BOB, ROLE)) == 2
    # Starting again is a fresh start.
    assert "Welcome aboard!" in text(await learning.start_learning(svc, caller(days=3), ROLE))


async def test_export_has_everything_as_json(svc: Services) -> None:
    await enroll_and_tick(svc)
    await enroll_and_tick(svc, BOB, "bob")
    await svc.store.set_progress_visible(ANN, True, caller().now)
    reply = await progress.export_data(svc, caller())
    assert reply.ephemeral
    [attachment] = reply.files
    assert attachment.filename == f"waymark-data-{ANN}.json"
    data = json.loads(attachment.data.decode("utf-8"))
    assert data["user_id"] == ANN
    assert data["learner"]["progress_visible"] is True
    assert {e["role"] for e in data["enrollments"]} == {ROLE, OTHER}
    assert all(e["start_date"] == "2026-11-27" for e in data["enrollments"])
    assert len(data["checklist_progress"]) == 4
    assert {p["proof"] for p in data["checklist_progress"]} == {"https://example.com/p"}
    assert data["reminder_settings"]["enabled"] is True
    assert {e["user_id"] for e in data["enrollments"]} == {ANN}  # nothing of anyone else
    assert "(file: waymark-data-101.json" in text(reply)


async def test_export_of_someone_unknown_is_empty_but_valid(svc: Services) -> None:
    data = json.loads((await progress.export_data(svc, caller())).files[0].data)
    assert data["learner"] is None
    assert data["enrollments"] == []


async def test_delete_asks_then_deletes_everything_of_the_owner_only(svc: Services) -> None:
    await enroll_and_tick(svc)
    await enroll_and_tick(svc, BOB, "bob")
    ask = await progress.delete_data(svc, caller())
    assert "Delete **everything**" in text(ask)
    assert [b.label for b in ask.buttons] == ["Delete everything", "Cancel"]
    assert await svc.store.get_learner(ANN) is not None

    # Someone else pressing the button (the custom id names the owner) is refused.
    with pytest.raises(UserError, match="This button belongs to someone else"):
        await press(svc, caller(BOB, "bob"), ask, "Delete everything")
    assert await svc.store.get_learner(ANN) is not None

    done = await press(svc, caller(), ask, "Delete everything")
    assert "Deleted:" in text(done)
    assert await svc.store.get_learner(ANN) is None
    assert await svc.store.list_enrollments(ANN, None) == []
    assert await svc.store.get_progress(ANN, ROLE) == {}
    assert await svc.store.get_reminder_settings(ANN) is None
    # Bob keeps everything.
    assert len(await svc.store.get_progress(BOB, ROLE)) == 2
    with pytest.raises(UserError, match="You aren't following any path yet"):
        await progress.progress(svc, caller())


async def test_delete_cancelled_keeps_everything(svc: Services) -> None:
    await enroll_and_tick(svc)
    ask = await progress.delete_data(svc, caller())
    await press(svc, caller(), ask, "Cancel")
    assert len(await svc.store.get_progress(ANN, ROLE)) == 2


async def test_erase_button_with_a_bad_owner_id(svc: Services) -> None:
    with pytest.raises(UserError, match="older version"):
        await components.handle(svc, caller(), "wm:erase:abc")
