"""The checklist, /done, /progress: ticking, proof links, streaks, and who may see what."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from bot import components
from bot.content.holder import ContentHolder
from bot.content.loader import ContentIndex
from bot.content.models import ChecklistItem
from bot.handlers import learning, progress
from bot.render.limits import MAX_EMBED_TOTAL
from bot.services import Member, Services, UserError
from tests.handlers.conftest import ANN, BOB, NOW, Load, body, caller, choose, option_value, press, selects, text

ROLE = "backend-engineer"
GIT = "Use git professionally"
HTTP = "Understand HTTP and web protocols"


def item_id(svc: Services, label: str, role: str = ROLE) -> str:
    return next(i.id for i in svc.content.index.roles[role].checklist if i.text == label)


async def ticked(svc: Services, user: int = ANN, role: str = ROLE) -> set[str]:
    return set(await svc.store.get_progress(user, role))


# ---------------------------------------------------------------- checklist menus


async def test_checklist_shows_groups_and_a_menu_per_group(svc: Services) -> None:
    welcome = await learning.start_learning(svc, caller(), ROLE)
    reply = (await press(svc, caller(), welcome, "Checklist")).reply
    shown = text(reply)
    # The shipped path writes each item in its phase: a group per phase, four on the first page.
    assert "**Phase 1: Foundations**\n⬜ Understand HTTP and web protocols\n⬜ Use git" in shown
    assert "**Phase 4: API Development**\n⬜ Build basic API endpoints" in shown
    assert "Phase 5" not in shown
    assert "Done: ▱▱▱▱▱▱▱▱▱▱ 0/15 (0%)" in shown
    menus = selects(reply)
    assert [m.custom_id.rsplit(":", 2)[0] for m in menus] == [f"wm:tick:{ROLE}:0:{n}" for n in range(4)]
    assert [len(m.options) for m in menus] == [2, 2, 2, 2]
    assert all(m.min_values == 0 and m.max_values == 2 for m in menus)


async def test_tick_and_untick_through_the_menu(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    menu = selects(await progress.checklist_view(svc, caller()))[0]
    git, http = option_value(menu, GIT), option_value(menu, HTTP)

    response = await choose(svc, caller(), menu, [git, http])
    assert response.update
    shown = text(response)
    assert f"✅ {GIT}" in shown
    assert f"✅ {HTTP}" in shown
    assert "2/15 (13%)" in shown
    assert await ticked(svc) == {git, http}
    menu = selects(response.reply)[0]
    assert {o.value for o in menu.options if o.default} == {git, http}

    # Unpicking HTTP in the same menu unticks it; git stays.
    response = await choose(svc, caller(), menu, [git])
    assert f"⬜ {HTTP}" in text(response)
    assert await ticked(svc) == {git}

    # An empty submit unticks everything the menu showed ticked.
    await choose(svc, caller(), selects(response.reply)[0], [])
    assert await ticked(svc) == set()


async def test_a_menu_only_changes_its_own_items(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    menus = selects(await progress.checklist_view(svc, caller()))
    advanced = menus[2].options[0].value
    await choose(svc, caller(), menus[2], [advanced])
    # Submitting the first menu (with a value of another menu smuggled in) leaves the third alone.
    await choose(svc, caller(), menus[0], [menus[0].options[0].value, menus[1].options[0].value])
    assert await ticked(svc) == {advanced, menus[0].options[0].value}


async def test_ticking_is_kept_per_learner(svc: Services) -> None:
    for who in (caller(ANN, "ann"), caller(BOB, "bob")):
        await learning.start_learning(svc, who, ROLE)
    menu = selects(await progress.checklist_view(svc, caller()))[0]
    await choose(svc, caller(), menu, [option_value(menu, GIT)])
    assert await ticked(svc, ANN) == {item_id(svc, GIT)}
    assert await ticked(svc, BOB) == set()
    assert "0/15" in text(await progress.checklist_view(svc, caller(BOB, "bob")))


async def test_stale_menu_is_refused(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    with pytest.raises(UserError, match="This checklist changed"):
        await components.handle(svc, caller(), f"wm:tick:{ROLE}:0:7:0:000000", ["x"])
    with pytest.raises(UserError, match="This checklist changed"):
        await components.handle(svc, caller(), f"wm:tick:{ROLE}:3:0:0:000000", ["x"])
    with pytest.raises(UserError, match="This checklist changed"):  # same place, other items
        await components.handle(svc, caller(), f"wm:tick:{ROLE}:0:0:0:000000", ["x"])
    with pytest.raises(UserError, match="older version"):
        await components.handle(svc, caller(), f"wm:tick:{ROLE}:0:0", ["x"])


async def test_checklist_of_a_path_not_followed(svc: Services) -> None:
    with pytest.raises(UserError, match="You aren't following Backend Engineer"):
        await progress.checklist_view(svc, caller(), ROLE)
    with pytest.raises(UserError, match="You aren't following Backend Engineer"):
        await components.handle(svc, caller(), f"wm:tick:{ROLE}:0:0:0:000000", [])


async def test_an_old_menu_never_unticks_what_was_ticked_since(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    old_menu = selects(await progress.checklist_view(svc, caller()))[0]
    git, http = option_value(old_menu, GIT), option_value(old_menu, HTTP)
    await progress.done(svc, caller(), GIT, "https://example.com/repo")  # ticked elsewhere, with a proof

    await choose(svc, caller(), old_menu, [http])  # the old menu still shows git unticked

    assert await ticked(svc) == {git, http}
    progress_now = await svc.store.get_progress(ANN, ROLE)
    assert progress_now[git].proof == "https://example.com/repo"


# ---------------------------------------------------------------- /done


async def test_a_checklist_of_fifteen_thousand_groups_pages_to_its_end(svc: Services) -> None:
    role = svc.content.index.roles[ROLE]
    items = tuple(ChecklistItem(f"item-{g:05d}", f"Group {g}", f"Practise skill {g}", 1) for g in range(15_000))
    roles = {**svc.content.index.roles, ROLE: replace(role, checklist=items)}
    svc.content.swap(ContentIndex(roles=roles), NOW)
    await learning.start_learning(svc, caller(), ROLE)

    first = await progress.checklist_view(svc, caller())
    assert "Page 1/3750" in text(first)
    assert [m.options[0].label for m in selects(first)] == [f"Practise skill {g}" for g in range(4)]

    # Four groups to a page, one menu each: the last page holds the last four groups.
    last = (await components.handle(svc, caller(), components.CHECKLIST.id(ROLE, 3749))).reply
    assert "Page 3750/3750" in text(last)
    menus = selects(last)
    assert [m.options[0].value for m in menus] == [f"item-{g:05d}" for g in range(14_996, 15_000)]
    response = await choose(svc, caller(), menus[-1], ["item-14999"])
    assert "✅ Practise skill 14999" in text(response)
    assert "Page 3750/3750" in text(response)
    assert await ticked(svc) == {"item-14999"}


async def test_a_checklists_pages_are_laid_out_once_per_loaded_content(
    svc: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sizing the pages lays out every item's line: each view and each tick asks for them, the layout is done once."""
    laid_out = []
    real = progress.checklist_pages
    monkeypatch.setattr(progress, "checklist_pages", lambda role: laid_out.append(role.name) or real(role))
    svc.content.swap(ContentIndex(roles=dict(svc.content.index.roles)), NOW)  # an index no other test has used
    await learning.start_learning(svc, caller(), ROLE)
    first = await progress.checklist_view(svc, caller())
    await choose(svc, caller(), selects(first)[0], [selects(first)[0].options[0].value])
    await progress.checklist_view(svc, caller(), page=1)
    assert laid_out == [ROLE]
    svc.content.swap(ContentIndex(roles=dict(svc.content.index.roles)), NOW)  # a reload: laid out anew, once
    await progress.checklist_view(svc, caller())
    await progress.checklist_view(svc, caller())
    assert laid_out == [ROLE, ROLE]


async def test_done_finds_the_item_despite_typos(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    reply = await progress.done(svc, caller(), "git profesionaly")
    assert "Ticked: **Use git professionally** (Backend Engineer › Phase 1: Foundations)" in text(reply)
    assert "1/15" in text(reply)
    assert reply.ephemeral
    again = await progress.done(svc, caller(), "use git professionally")
    assert "Already ticked" in text(again)
    assert await ticked(svc) == {item_id(svc, GIT)}


async def test_done_by_autocomplete_value(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    await learning.start_learning(svc, caller(), "data-engineer")
    [(label, value)] = progress.item_choices([svc.content.index.roles[ROLE]], "comprehensive tests", 1)
    assert label == "Write comprehensive tests"
    await progress.done(svc, caller(), value)
    assert await ticked(svc) == {item_id(svc, "Write comprehensive tests")}
    assert await ticked(svc, role="data-engineer") == set()


async def test_done_searches_every_active_path(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    await learning.start_learning(svc, caller(), "data-engineer")
    reply = await progress.done(svc, caller(), "window functions and CTEs")
    assert "(Data Engineer › Phase 1: SQL & Relational Foundations)" in text(reply)


async def test_done_with_nothing_like_it(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    with pytest.raises(UserError, match="No checklist item like 'qqzzxx qqzz'"):
        await progress.done(svc, caller(), "qqzzxx qqzz")


async def test_done_without_a_path(svc: Services) -> None:
    with pytest.raises(UserError, match="You aren't following any path yet"):
        await progress.done(svc, caller(), GIT)


@pytest.mark.parametrize("proof", ["https://github.com/ann/api", "http://ann.dev/post?id=1:2#x"])
async def test_done_with_a_proof_link(svc: Services, proof: str) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    reply = await progress.done(svc, caller(), GIT, proof=f"  {proof} ")
    assert f"Proof: <{proof}>" in text(reply)
    assert (await svc.store.get_progress(ANN, ROLE))[item_id(svc, GIT)].proof == proof


@pytest.mark.parametrize(
    ("proof", "stored"),
    [
        ("https://en.wikipedia.org/wiki/Go_(language)", "https://en.wikipedia.org/wiki/Go_%28language%29"),
        ("https://example.com/<@123>", "https://example.com/%3C@123%3E"),
        (
            "https://example.com/a)[FreeNitro](https://evil.example",
            "https://example.com/a%29%5BFreeNitro%5D%28https://evil.example",
        ),
    ],
)
async def test_proof_markup_is_percent_encoded(svc: Services, proof: str, stored: str) -> None:
    """A proof can't end its `<link>` or `[text](link)` early to add a mention or a second link."""
    await learning.start_learning(svc, caller(), ROLE)
    reply = await progress.done(svc, caller(), GIT, proof=proof)
    assert f"Proof: <{stored}>" in text(reply)
    card = (await progress.progress(svc, caller())).cards[0]
    assert next(f.value for f in card.fields if f.name == "Proof") == f"[{GIT}]({stored})"


@pytest.mark.parametrize(
    "proof",
    [
        "ftp://files.example/x",
        "javascript:alert(1)",
        "github.com/ann/api",
        "https://",
        "https://exa mple.com/x",
        "https://example.com/a\nb",
        "https://example.com/a\tb",
        "https://example.com/" + "a" * 500,
        "mailto:ann@example.com",
        "javascript://example.com/%0Aalert(1)",
        "https://@everyone",
        "https://user:secret@example.com/x",
        "https://example.com/\u202egnp.exe",
        "https://example.com/\u2066x\u2069",
        "https://exa\u200dmple.com/x",
        "https://example.com/\ufeff",
        "https://example.com/\u180e",
        "http://localhost",
        "http://LOCALHOST./x",
        "http://app.localhost/x",
        "http://[::1]:8000/",
        "http://10.0.0.7/",
        "https://a..b.com/",
        "https://-bad-.com/",
        "https://example.123/",
        "https://example.com:99999/",
    ],
)
async def test_done_refuses_a_proof_that_is_not_a_web_link(svc: Services, proof: str) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    with pytest.raises(UserError, match=r"^That proof link .* Use the https:// link of your work"):
        await progress.done(svc, caller(), GIT, proof=proof)
    assert await ticked(svc) == set()


async def test_new_proof_replaces_the_old_one(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    await progress.done(svc, caller(), GIT, proof="https://a.example/1")
    reply = await progress.done(svc, caller(days=1), GIT, proof="https://a.example/2")
    assert "Ticked" in text(reply)
    assert (await svc.store.get_progress(ANN, ROLE))[item_id(svc, GIT)].proof == "https://a.example/2"


# ---------------------------------------------------------------- /progress


async def test_progress_shows_week_phase_checklist_streak_and_proofs(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    await progress.done(svc, caller(days=1), GIT, proof="https://github.com/ann/dotfiles")
    await progress.done(svc, caller(days=8), HTTP)
    await progress.done(svc, caller(days=15), "Build basic API endpoints")
    reply = await progress.progress(svc, caller(days=29))
    shown = text(reply)
    assert reply.cards[0].title == "ann · Backend Engineer"
    assert "Where: Week 5 of 36 · Phase 2: Programming Language Mastery (weeks 5-12)" in shown
    assert shown.count("weeks 5-12") == 1  # the phase is said once
    assert "Checklist: ▰▰▱▱▱▱▱▱▱▱ 3/15 (20%)" in shown
    # Weeks 1, 2 and 3 ticked; week 5 (this week) not yet; week 4, missed, is a grace week.
    assert "Streak: 3 weeks in a row · longest 3 weeks" in shown
    assert "Proof: [Use git professionally](https://github.com/ann/dotfiles)" in shown
    assert reply.ephemeral


# Day 28 is in week 5: week 4 without a tick is a grace week, so the streak holds; day 35 ends it.
@pytest.mark.parametrize(("days", "streak"), [(15, 3), (22, 3), (21, 3), (28, 3), (35, 0), (16, 3)])
async def test_streak_counts_weeks_in_a_row_up_to_last_week(svc: Services, days: int, streak: int) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    for day, label in ((0, GIT), (8, HTTP), (14, "Build basic API endpoints")):
        await progress.done(svc, caller(days=day), label)
    shown = text(await progress.progress(svc, caller(days=days)))
    weeks = "week" if streak == 1 else "weeks"
    expected = f"Streak: {streak} {weeks} in a row" if streak else "Streak: No streak now · longest 3"
    assert expected in shown


async def test_finish_date_and_behind_with_nothing_ticked_in_week_ten(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    shown = text(await progress.progress(svc, caller(days=63)))
    assert "Where: Week 10 of 36" in shown
    assert "Finish: 2027-08-05" in shown  # the last day of week 36, counted from 2026-11-27
    # 9 weeks over, nothing ticked: the first of phase 1's two items fell due after 2 of its 4 weeks
    assert "Pace: behind by 7 weeks" in shown
    assert "Streak: No streak yet" in shown


@pytest.mark.parametrize(
    ("days", "ticks", "pace"),
    [(0, 0, "on track"), (14, 3, "ahead by 5 weeks"), (36 * 7 + 30, 11, "time is up: 4 items left")],
)
async def test_pace_in_words(svc: Services, days: int, ticks: int, pace: str) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    for item in svc.content.index.roles[ROLE].checklist[:ticks]:
        await progress.done(svc, caller(), f"{ROLE}:{item.id}")
    assert f"Pace: {pace}" in text(await progress.progress(svc, caller(days=days)))


# Phase 1 runs weeks 1-4 and has two items: the first falls due by the end of week 2, the second of week 4.
# Ann starts on Friday 2026-11-27: week 2 is days 7-13, week 4 days 21-27.
@pytest.mark.parametrize("day", range(7))
async def test_items_ticked_in_the_week_they_are_due_are_on_track(svc: Services, day: int) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    await progress.done(svc, caller(days=7 + day), HTTP)
    assert "Pace: on track" in text(await progress.progress(svc, caller(days=7 + day)))
    await progress.done(svc, caller(days=7 + day), GIT)  # week 4's item, two weeks early
    assert "Pace: ahead by 2 weeks" in text(await progress.progress(svc, caller(days=7 + day)))


async def test_no_cheer_at_the_end_with_nothing_ticked(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    shown = text(await progress.progress(svc, caller(days=36 * 7)))
    assert "Where: All 36 weeks are over" in shown
    assert "🎉" not in shown


async def test_others_cannot_see_progress_until_it_is_made_visible(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    await progress.done(svc, caller(), GIT)
    bob = caller(BOB, "bob")
    with pytest.raises(UserError, match="ann hasn't made their progress visible"):
        await progress.progress(svc, bob, Member(ANN, "ann"))

    own = await progress.progress(svc, caller())
    response = await press(svc, caller(), own, "Let others see my progress")
    assert response.update
    assert [b.label for b in response.reply.buttons] == ["Hide my progress from others"]

    seen = await progress.progress(svc, bob, Member(ANN, "ann"))
    assert seen.cards[0].title == "ann · Backend Engineer"
    assert "1/15" in text(seen)
    assert not seen.buttons  # bob can't change ann's visibility

    await press(svc, caller(), response.reply, "Hide my progress from others")
    with pytest.raises(UserError, match="hasn't made their progress visible"):
        await progress.progress(svc, bob, Member(ANN, "ann"))


async def test_unknown_member_is_refused_like_a_hidden_one(svc: Services) -> None:
    with pytest.raises(UserError, match="carol hasn't made their progress visible"):
        await progress.progress(svc, caller(), Member(999, "carol"))
    assert await svc.store.get_learner(999) is None


async def test_visible_member_without_a_path(svc: Services) -> None:
    await svc.store.set_progress_visible(BOB, True, caller().now)
    with pytest.raises(UserError, match="bob isn't following any path"):
        await progress.progress(svc, caller(), Member(BOB, "bob"))


async def test_member_name_is_escaped(svc: Services) -> None:
    with pytest.raises(UserError) as err:
        await progress.progress(svc, caller(), Member(999, "@everyone **x**"))
    assert "@everyone" not in str(err.value)
    assert "**x**" not in str(err.value)


async def test_shared_progress_is_public_and_has_no_buttons(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    reply = await progress.progress(svc, caller(), share=True)
    assert not reply.ephemeral
    assert not reply.rows


async def test_progress_has_a_card_per_active_path(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    await learning.start_learning(svc, caller(), "data-engineer", pace="full_time_accelerated")
    await learning.start_learning(svc, caller(), "frontend-engineer")
    await learning.stop_learning(svc, caller(), "frontend-engineer")
    reply = await progress.progress(svc, caller())
    assert [c.title for c in reply.cards] == ["ann · Backend Engineer", "ann · Data Engineer"]


async def test_every_path_shows_even_with_many_proofs(svc: Services, content_copy: Path) -> None:
    seed = (content_copy / "backend-engineer.md").read_text(encoding="utf-8")
    for n in range(1, 4):  # nine paths in all
        twin = seed.replace("name: backend-engineer", f"name: backend-twin-{n}").replace(
            "displayName: Backend Engineer", f"displayName: Backend Twin {n}"
        )
        (content_copy / f"backend-twin-{n}.md").write_text(twin, encoding="utf-8")
    svc = Services(ContentHolder.load(content_copy, NOW), svc.store)
    roles = list(svc.content.index.roles.values())
    assert len(roles) == 9
    for role in roles:
        await learning.start_learning(svc, caller(), role.name)
        for n, item in enumerate(role.checklist):
            await svc.store.set_item_done(
                ANN, role.name, item.id, caller().now, f"https://example.com/{n}/" + "p" * 300
            )
    reply = await progress.progress(svc, caller())
    assert reply.embed_length <= MAX_EMBED_TOTAL
    assert sorted(c.title for c in reply.cards) == sorted(f"ann · {r.display_name}" for r in roles)
    for card in reply.cards:
        proofs = next(f.value for f in card.fields if f.name == "Proof").split("\n")
        # Whole links only, then how many more there are.
        assert re.fullmatch(r"…and \d+ more", proofs[-1])
        assert all(re.fullmatch(r"\[[^\]]+\]\(https://example\.com/\d+/p+\)", line) for line in proofs[:-1])


async def test_long_proof_lists_end_with_how_many_more(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    for n, item in enumerate(svc.content.index.roles[ROLE].checklist):
        await progress.done(svc, caller(), f"{ROLE}:{item.id}", f"https://example.com/{n}/" + "p" * 100)
    card = (await progress.progress(svc, caller())).cards[0]
    proofs = next(f.value for f in card.fields if f.name == "Proof").split("\n")
    assert len(proofs) > 3
    assert re.fullmatch(r"…and \d+ more", proofs[-1])
    assert len(proofs) - 1 + int(proofs[-1].split()[1]) == 15


async def test_progress_without_a_path(svc: Services) -> None:
    with pytest.raises(UserError, match="You aren't following any path yet"):
        await progress.progress(svc, caller())


async def test_weekly_reminder_button_updates_the_path_card(svc: Services) -> None:
    welcome = await learning.start_learning(svc, caller(), ROLE)
    off = await press(svc, caller(), welcome, "Turn reminders off")
    assert off.update  # the card with the button is redrawn, not answered with a new message
    assert off.reply.content == "Weekly reminders are off."
    assert off.reply.cards[0].title == "Backend Engineer · Weekly reminders off"
    assert "Week 1 of 36" in text(off)
    assert [b.label for b in off.reply.buttons] == ["This week", "Checklist", "Turn reminders on"]
    settings = await svc.store.get_reminder_settings(ANN)
    assert settings is not None
    assert not settings.enabled
    on = await press(svc, caller(), off.reply, "Turn reminders on")
    assert "Turn reminders off" in [b.label for b in on.reply.buttons]
    settings = await svc.store.get_reminder_settings(ANN)
    assert settings is not None
    assert settings.enabled


async def test_reminder_button_after_leaving_the_path_still_toggles(svc: Services) -> None:
    welcome = await learning.start_learning(svc, caller(), ROLE)
    await learning.stop_learning(svc, caller(), ROLE)
    response = await press(svc, caller(), welcome, "Turn reminders off")
    assert text(response) == "(only you)\n\nWeekly reminders are off."
    assert not response.update


# ---------------------------------------------------------------- review fixes


@pytest.mark.parametrize(
    ("typed", "expected"), [("GIT", GIT), ("http", HTTP), ("HTTP", HTTP), ("git profesionaly", GIT)]
)
async def test_done_forgives_case_and_finds_a_word_of_a_long_item(svc: Services, typed: str, expected: str) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    reply = await progress.done(svc, caller(), typed)
    assert f"Ticked: **{expected}**" in reply.content


async def test_done_with_a_word_several_items_share_asks_for_more(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    with pytest.raises(UserError, match="fits several items"):
        await progress.done(svc, caller(), "design")


async def test_a_path_whose_file_is_missing_says_so_everywhere(svc: Services, store) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    svc.content.swap(svc.content.index.__class__(roles={}), NOW)  # the role file is gone from the content
    for attempt in (
        progress.progress(svc, caller()),
        progress.done(svc, caller(), GIT),
        progress.checklist_view(svc, caller()),
    ):
        with pytest.raises(UserError, match=r"not in the content any more.*progress is kept"):
            await attempt


async def test_pausing_reminders_that_are_off_keeps_them_off(svc: Services) -> None:
    from bot.handlers import reminders

    await learning.start_learning(svc, caller(), ROLE)
    await reminders.remind_off(svc, caller())
    reply = await reminders.remind_pause(svc, caller(), "2026-12-20")
    assert "Reminders are off" in reply.content
    assert not (await svc.store.get_reminder_settings(ANN)).enabled
    assert await svc.store.get_plan("user", ANN) is None


async def test_resuming_with_a_new_start_date_says_so(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    reply = await learning.start_learning(svc, caller(), ROLE, start="2026-12-01")
    assert "now starts on 2026-12-01" in reply.cards[0].title


async def test_deep_dive_prefers_the_learners_own_path_in_a_near_tie(svc: Services) -> None:
    anyone = await learning.skill_deep_dive(svc, caller(BOB, "bob"), "kubernetes")
    assert anyone.cards[0].title == "Kubernetes"  # the title that is the query: Backend Engineer's stack list
    assert anyone.cards[0].footer.startswith("Backend Engineer")
    await learning.start_learning(svc, caller(), "security-engineer")  # ann follows the security path
    mine = await learning.skill_deep_dive(svc, caller(), "kubernetes")
    assert mine.cards[0].title == "Kubernetes security"
    assert mine.cards[0].footer.startswith("Application/Cloud Security Engineer")


# ---------------------------------------------------------------- the same words in several places

TWICE = """
# Data Structures

## Stacks
- [ ] Implement:
  - [ ] with an array
  - [ ] Test it
- [ ] Read the chapter

## Queues
- [ ] Implement:
  - [ ] with an array
  - [ ] Test it
- [ ] Read about deques

## Practice
- [ ] Arrays
  - [ ] Write tests
- [ ] Lists
  - [ ] Write tests
"""


@pytest.fixture
def twice(load: Load) -> Services:
    return load({"ds": TWICE})


async def test_items_with_the_same_words_are_told_apart_when_typed_and_in_menus(twice: Services) -> None:
    await learning.start_learning(twice, caller(), "ds")
    labels = [label for label, _ in progress.item_choices([twice.content.index.roles["ds"]], "implement")]
    assert labels[:2] == ["Stacks › Implement:", "Queues › Implement:"]
    # Nested under items of the same words: what tells them apart is the group.
    labels = [label for label, _ in progress.item_choices([twice.content.index.roles["ds"]], "test it")]
    assert set(labels[:2]) == {"Stacks › Test it", "Queues › Test it"}
    unique = [label for label, _ in progress.item_choices([twice.content.index.roles["ds"]], "deques")]
    assert unique[0] == "Read about deques"

    with pytest.raises(
        UserError, match=r"\n• \*\*Implement:\*\* \(Ds › Stacks\)\n• \*\*Implement:\*\* \(Ds › Queues\)\n"
    ):
        await progress.done(twice, caller(), "Implement:")
    reply = await progress.done(twice, caller(), "queues implement")
    assert "Ticked: **Implement:** (Ds › Queues)" in reply.content
    queues = next(i for i in twice.content.index.roles["ds"].checklist if i.group == "Queues")
    assert queues.text == "Implement:"
    assert await ticked(twice, role="ds") == {queues.id}

    shown = text(await progress.checklist_view(twice, caller()))
    # Under its group's heading, the group says which one it is.
    # Nested items sit under the item they are written in.
    assert "**Stacks**\n⬜ Implement:\n\u2003⬜ with an array\n\u2003⬜ Test it\n⬜ Read the chapter" in shown
    assert "**Queues**\n✅ Implement:\n" in shown
    # In one group, under items of other words: the item they are under tells them apart.
    assert "**Practice**\n⬜ Arrays\n\u2003⬜ Arrays › Write tests\n⬜ Lists\n\u2003⬜ Lists › Write tests" in shown
    menu = next(m for m in selects(await progress.checklist_view(twice, caller())) if "Practice" in m.placeholder)
    assert [(o.label, o.description) for o in menu.options] == [
        ("Arrays", None),
        ("Write tests", "Arrays"),
        ("Lists", None),
        ("Write tests", "Lists"),
    ]


THREE_INSERTS = """
# Data Structures

## Arrays
- [ ] insert(index, item) - inserts at index

## Trees
- [ ] insert // insert value into tree

## Heap
- [ ] insert
"""


async def test_done_ticks_the_item_holding_every_typed_word_and_says_where_it_is(load: Load) -> None:
    svc = load({"ds": THREE_INSERTS})
    await learning.start_learning(svc, caller(), "ds")
    items = {i.group: i.id for i in svc.content.index.roles["ds"].checklist}
    typing = progress.item_choices([svc.content.index.roles["ds"]], "insert into tre")
    assert typing[0][0] == "insert // insert value into tree"  # what is typed so far, its last word half done

    reply = await progress.done(svc, caller(), "insert into tree")
    assert reply.content.startswith("Ticked: **insert // insert value into tree** (Ds › Trees)")
    reply = await progress.done(svc, caller(), "insert")
    assert reply.content.startswith("Ticked: **insert** (Ds › Heap)")
    reply = await progress.done(svc, caller(), "inserts")  # a word only one item holds as typed
    assert reply.content.startswith("Ticked: **insert(index, item) - inserts at index** (Ds › Arrays)")
    assert await ticked(svc, role="ds") == set(items.values())


DAYS = """
# Bootcamp

## Week 1: HTML
### Day 1: Tags
- [ ] Build a page
### Day 2: Forms
- [ ] Build a form
### Day 3: Review
- [ ] Build a page

## Week 2: CSS
### Day 4: Selectors
- [ ] Style the page
"""


async def test_small_groups_of_one_phase_share_a_menu(load: Load) -> None:
    svc = load({"days": DAYS})
    await learning.start_learning(svc, caller(), "days")
    reply = await progress.checklist_view(svc, caller())
    shown = text(reply)
    assert "**Day 1: Tags**\n⬜ Build a page\n**Day 2: Forms**\n⬜ Build a form\n**Day 3: Review**\n⬜ Build" in shown
    week_1, week_2 = selects(reply)
    assert week_1.placeholder == "Phase 1: HTML: tick what you've done"
    # In a menu of several days, each item says its day: the same words are told apart.
    assert [(o.label, o.description) for o in week_1.options] == [
        ("Build a page", "Day 1: Tags"),
        ("Build a form", "Day 2: Forms"),
        ("Build a page", "Day 3: Review"),
    ]
    assert week_2.placeholder == "Day 4: Selectors: tick what you've done"
    response = await choose(svc, caller(), week_1, [option_value(week_1, "Build a form")])
    assert "✅ Build a form" in text(response)


async def test_done_with_nothing_typed_says_what_to_type(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    with pytest.raises(UserError, match=r"Say which item to tick: type a few of its words after `/done item:`"):
        await progress.done(svc, caller(), "   ")


TWO_WEEKS = """
# Git course

## Week 1: Git
- [ ] Make three commits

## Week 2: Branches
- [ ] Open a pull request
"""


async def test_a_two_week_path_says_both_weeks_are_over(load: Load) -> None:
    svc = load({"git": TWO_WEEKS})
    await learning.start_learning(svc, caller(), "git")
    assert "Where: Both weeks are over" in text(await progress.progress(svc, caller(days=15)))


# ---------------------------------------------------------------- /done with words several items hold

INSERTS = """
# Data Structures

## Learning Path

### Phase 1: Trees (Weeks 1-2)
**Objective:** Trees and heaps

- [ ] Implement insert for a BST
- [ ] Insert into a heap

### Phase 2: Lists and SQL (Weeks 3-4)
**Objective:** Lists and databases

- Linked lists
  - [ ] Insert at head of a linked list
- [ ] Write an INSERT statement
"""

SQL = """
# SQL

## Checklist

### Basics
- [ ] Write an INSERT statement
"""


async def _asked(svc: Services, typed: str) -> str:
    with pytest.raises(UserError) as asked:
        await progress.done(svc, caller(), typed)
    return str(asked.value)


async def test_done_with_a_word_four_items_hold_ticks_none_and_says_where_each_is(load: Load) -> None:
    svc = load({"ds": INSERTS})
    await learning.start_learning(svc, caller(), "ds")
    said = await _asked(svc, "insert")
    assert said.startswith("'insert' fits several items, so none is ticked:\n")
    lines = said.split("\n")[1:-1]
    assert sorted(lines) == [
        "• **Implement insert for a BST** (Ds › Phase 1: Trees)",
        "• **Insert at head of a linked list** (Ds › Phase 2: Lists and SQL › Linked lists)",
        "• **Insert into a heap** (Ds › Phase 1: Trees)",
        "• **Write an INSERT statement** (Ds › Phase 2: Lists and SQL)",
    ]
    assert said.endswith("Pick one in the list `/done item:` shows as you type, or type more of its words.")
    assert await ticked(svc, role="ds") == set()

    # Autocomplete names the item by its ID: the words it shares with others do not matter.
    [(label, value)] = progress.item_choices([svc.content.index.roles["ds"]], "insert heap", 1)
    assert label == "Insert into a heap"
    assert (await progress.done(svc, caller(), value)).content.startswith("Ticked: **Insert into a heap**")


async def test_done_ticks_an_items_whole_title_or_the_one_clear_best_at_once(load: Load) -> None:
    svc = load({"ds": INSERTS})
    await learning.start_learning(svc, caller(), "ds")
    reply = await progress.done(svc, caller(), "write an insert statement")
    assert reply.content.startswith("Ticked: **Write an INSERT statement** (Ds › Phase 2: Lists and SQL)")
    reply = await progress.done(svc, caller(), "insert linked list")
    assert reply.content.startswith(
        "Ticked: **Insert at head of a linked list** (Ds › Phase 2: Lists and SQL › Linked lists)"
    )


async def test_done_with_a_title_two_paths_hold_asks_which(load: Load) -> None:
    svc = load({"ds": INSERTS, "sql": SQL})
    await learning.start_learning(svc, caller(), "ds")
    await learning.start_learning(svc, caller(), "sql")
    said = await _asked(svc, "Write an INSERT statement")
    assert said.split("\n")[1:-1] == [
        "• **Write an INSERT statement** (Ds › Phase 2: Lists and SQL)",
        "• **Write an INSERT statement** (Sql › Basics)",
    ]
    assert await ticked(svc, role="ds") == set()
    assert await ticked(svc, role="sql") == set()


async def test_done_lists_five_of_many_candidates_and_how_many_more(load: Load) -> None:
    many = "# Many\n\n## Checklist\n\n### Drills\n" + "".join(f"- [ ] Drill {n}\n" for n in range(1, 9))
    svc = load({"many": many})
    await learning.start_learning(svc, caller(), "many")
    lines = (await _asked(svc, "drill")).split("\n")
    assert len([line for line in lines if line.startswith("• **Drill ")]) == 5
    assert "…and 3 more" in lines


# ---------------------------------------------------------------- /checklist: what an item is under, long groups

UNDER_BULLETS = """
# Data Structures

## Learning Path

### Phase 1: Trees (Weeks 1-2)
**Objective:** Trees and heaps

- Trees
  - [ ] Implement insert
  - [ ] Implement delete
- Heaps
  - [ ] Implement insert
    - [ ] Test it
- [ ] Compare them
"""


async def test_checklist_shows_the_bullet_each_item_is_written_under(load: Load) -> None:
    svc = load({"ds": UNDER_BULLETS})
    await learning.start_learning(svc, caller(), "ds")
    reply = await progress.checklist_view(svc, caller())
    assert body(reply) == (
        "**Phase 1: Trees**\n"
        "*Trees*\n"
        "\u2003⬜ Implement insert\n"
        "\u2003⬜ Implement delete\n"
        "*Heaps*\n"
        "\u2003⬜ Implement insert\n"
        "\u2003\u2003⬜ Test it\n"
        "⬜ Compare them"
    )
    [menu] = selects(reply)
    assert [(o.label, o.description) for o in menu.options] == [
        ("Implement insert", "Trees"),
        ("Implement delete", "Trees"),
        ("Implement insert", "Heaps"),
        ("Test it", "Implement insert"),
        ("Compare them", None),
    ]
    heaps = menu.options[2].value
    response = await choose(svc, caller(), menu, [heaps])
    assert "*Heaps*\n\u2003✅ Implement insert" in text(response)
    assert await ticked(svc, role="ds") == {heaps}


def _long_group(items: int, *, under: int = 0) -> str:
    """A path whose one phase holds `items` items: the last `under` of them under a bullet 'Heaps'."""
    lines = ["# Drills", "", "## Learning Path", "", "### Phase 1: Drills (Weeks 1-2)", "**Objective:** Drill", ""]
    lines += [f"- [ ] Drill {n}" for n in range(1, items - under + 1)]
    if under:
        lines += ["- Heaps"] + [f"  - [ ] Drill {n}" for n in range(items - under + 1, items + 1)]
    return "\n".join(lines) + "\n"


async def test_a_group_of_more_than_25_items_has_menus_named_by_the_items_they_hold(load: Load) -> None:
    svc = load({"drills": _long_group(40, under=20)})
    await learning.start_learning(svc, caller(), "drills")
    reply = await progress.checklist_view(svc, caller())
    first, second = selects(reply)
    assert first.placeholder == "Phase 1: Drills (1–25): tick what you've done"
    assert second.placeholder == "Phase 1: Drills (26–40): tick what you've done"
    assert [len(first.options), len(second.options)] == [25, 15]
    shown = body(reply)
    assert shown.startswith("**Phase 1: Drills (1–25)**\n⬜ Drill 1\n")
    # The second menu's items are under the bullet the first one's last items are under: it is said again.
    assert "\u2003⬜ Drill 25\n**Phase 1: Drills (26–40)**\n*Heaps*\n\u2003⬜ Drill 26\n" in shown
    assert (second.options[0].label, second.options[0].description) == ("Drill 26", "Heaps")


async def test_a_long_groups_menu_names_keep_the_items_they_hold_when_clipped(load: Load) -> None:
    svc = load({"drills": _long_group(30).replace("Drills (Weeks", "Drills " + "x" * 150 + " (Weeks")})
    await learning.start_learning(svc, caller(), "drills")
    placeholders = [menu.placeholder for menu in selects(await progress.checklist_view(svc, caller()))]
    assert [p[p.index("…") :] for p in placeholders] == [
        "… (1–25): tick what you've done",
        "… (26–30): tick what you've done",
    ]
    assert all(len(p) <= 150 for p in placeholders)


async def test_a_phase_of_many_small_groups_has_menus_named_by_the_items_they_hold(load: Load) -> None:
    days = "# Bootcamp\n\n## Week 1: HTML\n" + "".join(f"### Day {d}\n- [ ] Build page {d}\n" for d in range(1, 31))
    svc = load({"days": days})
    await learning.start_learning(svc, caller(), "days")
    reply = await progress.checklist_view(svc, caller())
    assert [m.placeholder for m in selects(reply)] == [
        "Phase 1: HTML (1–25): tick what you've done",
        "Phase 1: HTML (26–30): tick what you've done",
    ]
    assert [(o.label, o.description) for o in selects(reply)[1].options][:1] == [("Build page 26", "Day 26")]


LESSONS = """
# Course

## Lesson 1: Setup (Week 1)
- [ ] Watch the video

## Lesson 2: Arrays (Week 2)
- [ ] Watch the video

## Lesson 3: Maps (Week 3)
- [ ] Watch the video

## Lesson 4: Trees (Week 4)
- [ ] Watch the video

## Lesson 5: Graphs (Week 5)
- [ ] Watch the video

## Lesson 6: Heaps (Week 6)
- [ ] Watch the video

## Lesson 7: Sorting (Week 7)
- [ ] Watch the video
"""


async def test_done_lists_the_items_it_cannot_tell_apart_this_weeks_first_then_in_the_files_order(
    load: Load,
) -> None:
    svc = load({"course": LESSONS})
    await learning.start_learning(svc, caller(), "course")
    said = await _asked(svc, "Watch the video")  # week 1: Lesson 1 is the one at hand
    assert [line.split("› ")[-1] for line in said.split("\n")[1:6]] == [
        "Lesson 1: Setup)",
        "Lesson 2: Arrays)",
        "Lesson 3: Maps)",
        "Lesson 4: Trees)",
        "Lesson 5: Graphs)",
    ]
    assert said.split("\n")[6] == "…and 2 more"
    with pytest.raises(UserError) as asked:  # in week 4, Lesson 4 comes first; the rest in the file's order
        await progress.done(svc, caller(days=22), "Watch the video")
    assert [line.split("› ")[-1] for line in str(asked.value).split("\n")[1:6]] == [
        "Lesson 4: Trees)",
        "Lesson 1: Setup)",
        "Lesson 2: Arrays)",
        "Lesson 3: Maps)",
        "Lesson 5: Graphs)",
    ]
