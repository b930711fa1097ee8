"""Spaced review as learners meet it: /today's due items, /review, the answer buttons, /remind reviews."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot import components
from bot.content.holder import ContentHolder
from bot.handlers import learning, progress, review, today
from bot.present import review_item_key
from bot.reminders.compose import compose_user
from bot.render import Reply
from bot.services import Services, UserError
from bot.store import Store
from tests.handlers.conftest import BOB, NOW, caller, choose, press, selects, text

ROLE = "backend-engineer"
GIT, HTTP = "Use git professionally", "Understand HTTP and web protocols"
# NOW is Friday 2026-11-27 10:00 UTC: an item ticked then is due from Friday 2026-12-04 00:00 UTC.


def answers(reply: Reply) -> list[str]:
    return [b.label for b in reply.buttons if b.custom_id and b.custom_id.startswith("wm:review:")]


async def ticked(svc: Services, *items: str, days: float = 0, user: int = 101) -> None:
    await learning.start_learning(svc, caller(user), ROLE)
    for item in items:
        await progress.done(svc, caller(user, days=days), item)


# --------------------------------------------------------------------------- /today


async def test_today_shows_a_ticked_item_a_week_later_with_its_section_and_buttons(svc: Services) -> None:
    await ticked(svc, GIT)
    assert "Time to review" not in text(await today.today(svc, caller(days=6)))
    reply = await today.today(svc, caller(days=7))
    shown = text(reply)
    assert (
        "🔁 Time to review · still got it?:\n"
        "  **1. Use git professionally**\n"
        "  From Phase 1: Foundations · `/phase number:1 role:backend-engineer` · review 1 of 4"
    ) in shown
    assert "\n[Whole phase] [Checklist]" in shown
    assert shown.rstrip().endswith("]\n[1 · Still got it] [1 · Review again]")  # the review rows come last
    assert answers(reply) == ["1 · Still got it", "1 · Review again"]


async def test_today_shows_at_most_three_oldest_first(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    items = ["Write comprehensive tests", GIT, HTTP, "Design normalized database schemas", "Optimize database queries"]
    for n, item in enumerate(items):
        await progress.done(svc, caller(days=n / 10), item)  # ticked in this order, a few hours apart
    reply = await today.today(svc, caller(days=30))
    shown = text(reply)
    assert [n for n, item in enumerate(items) if f". {item}**" in shown] == [0, 1, 2]
    assert answers(reply)[::2] == ["1 · Still got it", "2 · Still got it", "3 · Still got it"]


async def test_today_shows_reviews_after_the_end_of_the_path_too(svc: Services) -> None:
    await ticked(svc, GIT)
    shown = text(await today.today(svc, caller(days=40 * 7)))
    assert "The 36 weeks of Backend Engineer are over" in shown
    assert "**1. Use git professionally**" in shown


# --------------------------------------------------------------------------- answering


async def test_still_got_it_moves_the_item_up_and_says_when_it_comes_back(svc: Services) -> None:
    await ticked(svc, GIT)
    shown = await today.today(svc, caller(days=7))
    answered = await press(svc, caller(days=7), shown, "1 · Still got it")
    assert text(answered) == (
        "(only you)\n\n✅ **Use git professionally**: next review in 3 weeks, on Friday 2026-12-25 (review 2 of 4)."
    )
    assert "Time to review" not in text(await today.today(svc, caller(days=7)))
    assert "Nothing to review right now.\nNext: **Use git professionally** on Friday 2026-12-25." in text(
        await review.review(svc, caller(days=7))
    )
    # The same button again, or the other one: already answered.
    with pytest.raises(UserError, match=r"Already answered: \*\*Use git professionally\*\* comes back on Friday 2026"):
        await press(svc, caller(days=7), shown, "1 · Review again")
    assert "**1. Use git professionally**" in text(await today.today(svc, caller(days=28)))


async def test_review_again_brings_it_back_next_week_and_points_to_its_section(svc: Services) -> None:
    await ticked(svc, GIT)
    answered = await press(svc, caller(days=9), await review.review(svc, caller(days=9)), "1 · Review again")
    assert text(answered) == (
        "(only you)\n\n🔁 **Use git professionally** comes back next week, on Sunday 2026-12-13. Go over it "
        "meanwhile: Phase 1: Foundations · `/phase number:1 role:backend-engineer`."
    )
    assert "Time to review" not in text(await today.today(svc, caller(days=15)))
    assert "review 1 of 4" in text(await today.today(svc, caller(days=16)))


async def test_the_review_dates_follow_1_3_8_21_weeks_then_retire(svc: Services) -> None:
    await ticked(svc, GIT)
    seen, said = [], ""
    for day in range(400):
        reply = await review.review(svc, caller(days=day))
        if answers(reply):
            seen.append(day)
            said = text(await press(svc, caller(days=day), reply, "1 · Still got it"))
    assert seen == [7, 7 + 21, 7 + 21 + 56, 7 + 21 + 56 + 147]
    assert "🎓 **Use git professionally** is retired: you knew it at all 4 reviews, so it won't come back." in said
    shown = text(await review.review(svc, caller(days=500)))
    assert "Every item you ticked is retired: you knew each at all 4 reviews." in shown
    assert "In review: 0 items · 1 retired" in shown


async def test_an_unticked_item_leaves_review_and_starts_over_when_ticked_again(svc: Services) -> None:
    await ticked(svc, GIT)
    due = await today.today(svc, caller(days=7))
    checklist = await progress.checklist_view(svc, caller(days=7))
    [menu, *_] = selects(checklist)
    kept = [o.value for o in menu.options if o.default and o.label != GIT]
    await choose(svc, caller(days=7), menu, kept)  # unpick it: unticked
    assert "Nothing in review yet" in text(await review.review(svc, caller(days=7)))
    with pytest.raises(UserError, match=r"\*\*Use git professionally\*\* isn't ticked any more"):
        await press(svc, caller(days=7), due, "1 · Still got it")
    await progress.done(svc, caller(days=8), GIT)
    assert "Time to review" not in text(await today.today(svc, caller(days=14)))
    assert "review 1 of 4" in text(await today.today(svc, caller(days=15)))


async def test_ticking_from_a_reminder_schedules_a_review_too(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    composed = await compose_user(svc, 101, NOW)
    assert composed.reply is not None
    [menu] = selects(composed.reply)
    await choose(svc, caller(), menu, [o.value for o in menu.options if o.label == HTTP])
    assert "**1. Understand HTTP and web protocols**" in text(await review.review(svc, caller(days=7)))


# --------------------------------------------------------------------------- /review


async def test_review_lists_everything_due_with_five_rows_of_buttons(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    await learning.start_learning(svc, caller(), "data-engineer")
    backend = [GIT, HTTP, "Write comprehensive tests", "Design normalized database schemas"]
    for item in backend:
        await progress.done(svc, caller(), item)
    data = "data-engineer"
    first_data_item = svc.content.index.roles[data].checklist[0]
    await progress.done(svc, caller(days=1), f"{data}:{first_data_item.id}")
    await progress.done(svc, caller(days=2), f"{data}:{svc.content.index.roles[data].checklist[1].id}")

    reply = await review.review(svc, caller(days=10))
    shown = text(reply)
    assert "6 items due for review. Still got it? These 5 waited longest; answer them and the others follow." in shown
    assert f"**1. {HTTP}** (Backend Engineer)" in shown  # ticked at the same moment: checklist order
    assert f"**5. {first_data_item.text}** (Data Engineer)" in shown
    assert len(reply.rows) == 5
    one_path = text(await review.review(svc, caller(days=10), role="data-engineer"))
    assert one_path.startswith("(only you)\n\nReview · Data Engineer\n")
    assert "2 items due for review. Still got it?\n" in one_path
    assert "(Data Engineer)" not in one_path  # one path: not named on every line


async def test_review_without_paths_or_on_a_path_not_followed(svc: Services) -> None:
    with pytest.raises(UserError, match="You aren't following any path yet"):
        await review.review(svc, caller())
    await learning.start_learning(svc, caller(), ROLE)
    with pytest.raises(UserError, match="You aren't following Data Engineer"):
        await review.review(svc, caller(), role="data-engineer")
    shown = text(await review.review(svc, caller()))
    assert "Nothing in review yet: an item you tick comes back for review 1 week later, then 3, 8 and 21" in shown


async def test_reviews_of_a_stopped_path_wait_until_it_is_resumed(svc: Services) -> None:
    await ticked(svc, GIT)
    await learning.start_learning(svc, caller(), "data-engineer")
    await learning.stop_learning(svc, caller(), ROLE)
    assert "Nothing in review yet" in text(await review.review(svc, caller(days=8)))
    await learning.start_learning(svc, caller(days=8), ROLE)
    assert "**1. Use git professionally**" in text(await review.review(svc, caller(days=8)))


# --------------------------------------------------------------------------- /remind reviews


async def test_turning_reviews_off_hides_them_from_today_and_reminders_not_from_review(svc: Services) -> None:
    await ticked(svc, GIT)
    said = text(await review.remind_reviews(svc, caller(), "off"))
    assert "Spaced review is off: finished items no longer come back in your weekly reminder or `/today`." in said
    assert "Time to review" not in text(await today.today(svc, caller(days=7)))
    composed = await compose_user(svc, 101, NOW + timedelta(days=7))
    assert composed.reply is not None
    assert "Time to review" not in text(composed.reply)
    shown = text(await review.review(svc, caller(days=7)))
    assert "**1. Use git professionally**" in shown
    assert "Reviews are off in your weekly reminder and `/today` (`/remind reviews state:on` brings them back)" in shown
    assert text(await review.remind_reviews(svc, caller())) == (
        "(only you)\n\nSpaced review is off. `/remind reviews state:on` changes it."
    )
    said = text(await review.remind_reviews(svc, caller(), " ON "))
    assert "Spaced review is on: an item you tick comes back for review 1 week later" in said
    assert "**1. Use git professionally**" in text(await today.today(svc, caller(days=7)))
    with pytest.raises(UserError, match="'sometimes' is neither on nor off"):
        await review.remind_reviews(svc, caller(), "sometimes")
    assert await svc.store.reviews_enabled(BOB) is True  # one learner's choice


async def test_my_data_export_holds_the_reviews(svc: Services) -> None:
    await ticked(svc, GIT)
    await review.remind_reviews(svc, caller(), "off")
    exported = await progress.export_data(svc, caller())
    [file] = exported.files
    assert b'"reviews_enabled": false' in file.data
    assert b'"box": 1' in file.data


# --------------------------------------------------------------------------- buttons that outlive their item


LONG_ROLE = "a" * 64
LONG_ITEM = "b" * 64


def long_ids_content(folder: Path) -> Path:
    folder.mkdir()
    (folder / f"{LONG_ROLE}.md").write_text(
        f"---\nname: {LONG_ROLE}\ndisplayName: Long\ndescription: Long names.\n---\n# Long\n\n"
        "## Phase 1: Basics (Weeks 1-2)\n- A topic\n\n## Checklist\n### Basics\n"
        f"- [ ] Know the basics {{#{LONG_ITEM}}}\n- [ ] Another item\n",
        encoding="utf-8",
    )
    return folder


async def test_a_long_role_and_item_id_still_make_a_button_that_works(store: Store, tmp_path: Path) -> None:
    svc = Services(ContentHolder.load(long_ids_content(tmp_path / "content"), NOW), store)
    await learning.start_learning(svc, caller(), LONG_ROLE)
    await progress.done(svc, caller(), "Know the basics")
    reply = await review.review(svc, caller(days=7))
    ids = [b.custom_id for b in reply.buttons if b.custom_id]
    assert ids and all(len(i) <= components.MAX_CUSTOM_ID for i in ids)
    assert review_item_key(LONG_ROLE, LONG_ITEM) != LONG_ITEM  # too long for the ID: a digest stands in
    assert review_item_key(LONG_ROLE, "item-0123456789") == "item-0123456789"
    assert "From Basics · `/checklist role:" in text(reply)  # written outside the phases: its checklist group
    said = text(await press(svc, caller(days=7), reply, "1 · Still got it"))
    assert said.startswith("(only you)\n\n✅ **Know the basics**: next review in 3 weeks")


async def test_a_button_for_an_item_gone_from_the_content(svc: Services) -> None:
    await ticked(svc, GIT)
    gone = components.REVIEW.id(ROLE, "item-gone", "got")
    with pytest.raises(UserError, match="That item is no longer on the Backend Engineer checklist"):
        await components.handle(svc, caller(days=7), gone, ())
    with pytest.raises(UserError, match="is not in the content right now"):
        await components.handle(svc, caller(days=7), components.REVIEW.id("no-such-role", "x", "got"), ())
    with pytest.raises(UserError, match="older version of the bot"):
        await components.handle(svc, caller(days=7), components.REVIEW.id(ROLE, "x", "perhaps"), ())


async def test_review_keeps_asking_about_a_finished_path(svc: Services) -> None:
    await ticked(svc, GIT)
    await svc.store.set_enrollment_status(101, ROLE, "completed", NOW + timedelta(weeks=36))
    # No weekly plan any more: the path is over, and still the learner's
    assert "The 36 weeks of Backend Engineer are over" in text(await today.today(svc, caller(days=40 * 7)))
    shown = text(await review.review(svc, caller(days=40 * 7)))
    assert "**1. Use git professionally**" in shown
