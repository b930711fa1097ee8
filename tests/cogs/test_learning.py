"""/start-learning, /skill-deep-dive, /roles, /phase, /stop-learning and /help, as a member uses them."""

from __future__ import annotations

import pytest
from simcord import SetupError

from tests.cogs.helpers import (
    BACKEND,
    GIT_ITEM,
    assert_error,
    brewing_role,
    buttons,
    embed,
    fields,
    option_values,
    selects,
    text,
)

# --------------------------------------------------------------------------- /start-learning


async def test_start_learning_shows_the_path_privately(channel, alice):
    result = await alice.slash(channel, "start-learning", role=BACKEND)

    assert result.ephemeral
    card = embed(result)
    assert card.title == "Backend Engineer · Welcome aboard!"
    shown = fields(result)
    assert shown["Where you are"] == "Week 1 of 36 · Phase 1 (weeks 1-4)"
    path = shown["The path · 36 weeks as written"]
    assert path.count("Phase ") == 6
    assert "▶ **Phase 1: Foundations** · weeks 1-4" in path
    assert "· **Phase 3: Databases** · weeks 13-18" in path
    assert "· **Phase 6: Advanced Patterns & Systems** · weeks 29-36" in path
    assert "This week's focus · Phase 1: Foundations" in shown
    assert card.footer.text.startswith("Started 2026-11-27")
    assert list(buttons(result)) == ["This week", "Checklist", "Turn reminders off"]


async def test_start_learning_with_pace_and_start_date(channel, alice):
    result = await alice.slash(
        channel, "start-learning", role=BACKEND, pace="full_time_accelerated", start="2026-12-01"
    )

    shown = fields(result)
    assert shown["Where you are"].startswith("Starts in 4 day")
    assert shown["Where you are"].endswith("on 2026-12-01")
    (path_name,) = [name for name in shown if name.startswith("The path")]
    assert "full time accelerated pace" in path_name
    assert "2026-12-01" in embed(result).footer.text


async def test_start_learning_again_resumes(channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND)
    await alice.slash(channel, "done", item=GIT_ITEM)
    await alice.slash(channel, "stop-learning", role=BACKEND)

    result = await alice.slash(channel, "start-learning", role=BACKEND)

    assert embed(result).title == "Backend Engineer · Welcome back, your progress is where you left it."
    checklist = await alice.slash(channel, "checklist")
    assert "1/15" in fields(checklist)["Done"]


async def test_start_learning_bad_pace(channel, alice):
    result = await alice.slash(channel, "start-learning", role=BACKEND, pace="turbo")

    assert_error(result, "'turbo' is not a pace of Backend Engineer", "**full time accelerated**")


@pytest.mark.parametrize("start", ["next week", "2026-13-45", "2031-01-01"])
async def test_start_learning_bad_date(channel, alice, start):
    result = await alice.slash(channel, "start-learning", role=BACKEND, start=start)

    message = assert_error(result)
    assert "start date" in message


async def test_unknown_role_suggests_the_closest(channel, alice):
    result = await alice.slash(channel, "start-learning", role="bakend")

    assert_error(result, "No role called 'bakend'", "Did you mean **Backend Engineer** (`backend-engineer`)?")


async def test_role_by_alias_and_unique_prefix(channel, alice):
    by_alias = await alice.slash(channel, "start-learning", role="sre")
    by_prefix = await alice.slash(channel, "start-learning", role="front")

    assert embed(by_alias).title.startswith("DevOps / Site Reliability Engineer")
    assert embed(by_prefix).title.startswith("Frontend Engineer")


async def test_path_buttons(channel, alice):
    start = await alice.slash(channel, "start-learning", role=BACKEND)

    week = await alice.click(start.response, label="This week")
    assert week.ephemeral
    assert embed(week).title == "Today · Backend Engineer · week 1 of 36"
    assert "Internet fundamentals" in embed(week).description

    reminders = await alice.click(start.response, label="Turn reminders off")
    assert reminders.response.content == "Weekly reminders are off."

    checklist = await alice.click(start.response, label="Checklist")
    assert embed(checklist).title == "Backend Engineer · checklist"


async def test_reminders_button_shows_the_new_state(channel, alice):
    start = await alice.slash(channel, "start-learning", role=BACKEND)

    clicked = await alice.click(start.response, label="Turn reminders off")

    assert "Turn reminders on" in buttons(clicked)


async def test_personal_commands_work_in_dms(simcord_env):
    dora = simcord_env.create_user("dora")
    assert not any(name.startswith("content") for name in dora.available_commands())

    start = await dora.slash("start-learning", role=BACKEND)
    week = await dora.click(start.response, label="This week")
    progress = await dora.slash("progress")

    assert embed(start).title == "Backend Engineer · Welcome aboard!"
    assert embed(week).title == "Today · Backend Engineer · week 1 of 36"
    assert embed(progress).title == "dora · Backend Engineer"


# --------------------------------------------------------------------------- /skill-deep-dive


async def test_deep_dive_typo_finds_postgres(channel, alice):
    result = await alice.slash(channel, "skill-deep-dive", topic="postgesql")

    assert result.ephemeral
    card = embed(result)
    assert card.title == "PostgreSQL/MySQL"
    assert "transactions, ACID properties, indexing" in card.description
    assert "Phase 3" in card.footer.text
    assert card.footer.text == "Backend Engineer · Phase 3 · weeks 13-18"


async def test_deep_dive_unsure_offers_alternatives_and_picking_one_updates(channel, alice):
    result = await alice.slash(channel, "skill-deep-dive", topic="postgesql")

    (menu,) = selects(result)
    assert menu["placeholder"] == "Not it? Other matches"
    options = option_values(menu)
    assert "PostgreSQL hands-on" in options

    picked = await alice.select(result.response, [options["PostgreSQL hands-on"]])

    assert picked.response.id == result.response.id  # the same message, updated in place
    assert embed(picked).title == "PostgreSQL hands-on"
    assert embed(picked).footer.text.startswith("Data Engineer · Phase 1")


async def test_deep_dive_sure_match_has_no_menu(channel, alice):
    result = await alice.slash(channel, "skill-deep-dive", topic="postgesql", role=BACKEND)

    assert embed(result).title == "PostgreSQL/MySQL"
    assert not selects(result)


async def test_deep_dive_autocomplete_value_opens_that_section(channel, alice):
    choices = await alice.autocomplete(channel, "skill-deep-dive", "topic", "postgres")
    hands_on = next(c for c in choices if c["name"].startswith("PostgreSQL hands-on"))

    result = await alice.slash(channel, "skill-deep-dive", topic=hands_on["value"])

    assert embed(result).title == "PostgreSQL hands-on"
    assert not selects(result)


async def test_deep_dive_nothing_found(channel, alice):
    result = await alice.slash(channel, "skill-deep-dive", topic="qqqqzzzzxxxx")

    assert_error(result, "Nothing found for 'qqqqzzzzxxxx'")


async def test_deep_dive_answers_a_week_question(channel, alice):
    result = await alice.slash(channel, "skill-deep-dive", topic="what's on in week 14", role=BACKEND)

    card = embed(result)
    assert card.title == "Phase 3: Databases (Weeks 13-18)"
    assert card.description.startswith("Week 14 of Backend Engineer is in Phase 3: Databases (weeks 13-18).")
    assert card.footer.text == "Backend Engineer · Phase 3 · weeks 13-18"


async def test_deep_dive_week_question_follows_the_members_path(channel, alice):
    asked = await alice.slash(channel, "skill-deep-dive", topic="wk 12 topics")
    assert_error(asked, "Which path? Week 12 is in 6 paths.")

    await alice.slash(channel, "start-learning", role=BACKEND)
    result = await alice.slash(channel, "skill-deep-dive", topic="wk 12 topics")

    assert embed(result).title == "Phase 2: Programming Language Mastery (Weeks 5-12)"


async def test_deep_dive_what_comes_after_databases(channel, alice):
    result = await alice.slash(channel, "skill-deep-dive", topic="what comes after databases")

    assert embed(result).title == "Phase 4: API Development (Weeks 19-24)"
    assert embed(result).footer.text.startswith("Backend Engineer · Phase 4")


class TestLongContent:
    """A tmp content folder with a seventh role whose first phase needs several pages."""

    @pytest.fixture
    def content_path(self, tmp_content):
        (tmp_content / "brewing-engineer.md").write_text(brewing_role(), encoding="utf-8")
        return tmp_content

    async def test_long_section_pages_with_next_and_previous(self, channel, alice):
        result = await alice.slash(channel, "skill-deep-dive", topic="Zymurgy Basics", role="brewing-engineer")
        first = embed(result)
        assert first.title == "Phase 1: Zymurgy Basics (Weeks 1-4)"
        assert "1/3" in first.footer.text
        assert buttons(result)["◀ Previous"]["disabled"]
        assert not buttons(result)["Next ▶"]["disabled"]

        second = await alice.click(result.response, label="Next ▶")
        assert second.response.id == result.response.id
        assert "2/3" in embed(second).footer.text
        assert embed(second).description != first.description

        third = await alice.click(second.response, label="Next ▶")
        assert "3/3" in embed(third).footer.text
        assert buttons(third)["Next ▶"]["disabled"]
        with pytest.raises(SetupError, match="disabled"):
            await alice.click(third.response, label="Next ▶")

        back = await alice.click(third.response, label="◀ Previous")
        assert embed(back).description == embed(second).description

    async def test_roles_pages(self, channel, alice):
        result = await alice.slash(channel, "roles")

        assert result.ephemeral
        first = embed(result)
        assert first.title == "Learning paths (7)"
        assert len(first.fields) == 6
        assert buttons(result)["◀ Previous"]["disabled"]

        second = await alice.click(result.response, label="Next ▶")
        names = [f.name for f in embed(second).fields]
        assert names == ["Machine Learning Engineer"]
        assert buttons(second)["Next ▶"]["disabled"]

    async def test_long_phase_pages(self, channel, alice):
        result = await alice.slash(channel, "phase", number=1, role="brewing-engineer")

        assert embed(result).title.startswith("Phase 1: Zymurgy Basics")
        assert embed(result).footer.text.startswith("Brewing Engineer · as written")
        second = await alice.click(result.response, label="Next ▶")
        assert "Zymurgy step" in embed(second).description


# --------------------------------------------------------------------------- /roles


async def test_roles_lists_every_path(channel, alice):
    result = await alice.slash(channel, "roles")

    card = embed(result)
    assert card.title == "Learning paths (6)"
    backend = fields(result)["Backend Engineer"]
    assert "**Weeks:** 36" in backend
    assert "entry $70K-$95K" in backend
    assert f"`/start-learning role:{BACKEND}`" in backend
    assert not buttons(result)  # one page: no paging buttons


# --------------------------------------------------------------------------- /phase


async def test_phase_defaults_to_current_phase(channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND, start="2026-09-01")  # week 13: phase 3

    result = await alice.slash(channel, "phase")

    card = embed(result)
    assert card.title == "Phase 3: Databases (weeks 13-18)"
    assert card.footer.text == "Backend Engineer · at your pace"
    assert "PostgreSQL/MySQL" in card.description


async def test_phase_by_number_and_role(channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND)

    own = await alice.slash(channel, "phase", number=2)
    other = await alice.slash(channel, "phase", number=2, role="data-engineer")

    assert embed(own).title.startswith("Phase 2: Programming Language Mastery")
    assert embed(other).footer.text == "Data Engineer · as written"


async def test_phase_errors(channel, alice):
    assert_error(await alice.slash(channel, "phase"), "You aren't following any path yet")
    assert_error(await alice.slash(channel, "phase", number=9, role=BACKEND), "has no phase 9", "1, 2, 3, 4, 5, 6")
    # Discord lets a member ask for phase 0 (a path may start at 'Phase 0: Prerequisites'); this one has none.
    assert_error(await alice.slash(channel, "phase", number=0, role=BACKEND), "has no phase 0", "1, 2, 3, 4, 5, 6")


# --------------------------------------------------------------------------- /stop-learning


async def test_stop_learning_keeps_progress(simcord_env, channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND)
    await alice.slash(channel, "done", item=GIT_ITEM)

    result = await alice.slash(channel, "stop-learning", role=BACKEND)

    assert result.ephemeral
    assert "You've left **Backend Engineer**. Your progress is kept" in result.response.content
    assert_error(await alice.slash(channel, "checklist"), "You aren't following any path yet")
    store = simcord_env.bot.services.store
    assert len(await store.get_progress(alice.id, BACKEND)) == 1


async def test_stop_learning_forget_asks_first(simcord_env, channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND)
    await alice.slash(channel, "done", item=GIT_ITEM)
    store = simcord_env.bot.services.store

    asked = await alice.slash(channel, "stop-learning", role=BACKEND, forget=True)
    assert "forget your checklist progress" in asked.response.content
    assert set(buttons(asked)) == {"Stop and forget", "Cancel"}

    cancelled = await alice.click(asked.response, label="Cancel")
    assert cancelled.response.content == "Cancelled: nothing changed."
    assert len(await store.get_progress(alice.id, BACKEND)) == 1

    asked = await alice.slash(channel, "stop-learning", role=BACKEND, forget=True)
    done = await alice.click(asked.response, label="Stop and forget")
    assert done.response.id == asked.response.id
    assert "1 ticked item was forgotten" in done.response.content
    assert not buttons(done)
    assert await store.get_progress(alice.id, BACKEND) == {}
    assert await store.get_enrollment(alice.id, BACKEND) is None


async def test_stop_learning_not_enrolled(channel, alice):
    assert_error(await alice.slash(channel, "stop-learning", role=BACKEND), "You aren't enrolled in Backend Engineer")
    assert_error(await alice.slash(channel, "stop-learning", role="bakend"), "Did you mean **Backend Engineer**")


# --------------------------------------------------------------------------- /help


async def test_help_lists_every_command(simcord_env, channel, alice):
    result = await alice.slash(channel, "help")

    assert result.ephemeral
    shown = text(result)
    assert "6 paths loaded" in shown
    for command in alice.available_commands(channel):
        if command != "help":
            assert f"/{command.split()[0]}" in shown


# --------------------------------------------------------------------------- /today


async def test_today_shows_this_weeks_part_of_the_phase(channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND, start="2026-11-13")  # today is in week 3

    result = await alice.slash(channel, "today")

    assert result.ephemeral
    card = embed(result)
    assert card.title == "Today · Backend Engineer · week 3 of 36"
    assert "Part 3 of 4 of this phase" in card.description
    assert "Data structures & algorithms" in card.description
    assert "Internet fundamentals" not in card.description
    assert (
        fields(result)["Open items in this phase"] == "⬜ Understand HTTP and web protocols\n⬜ Use git professionally"
    )
    assert fields(result)["Next step"] == "Work on **Understand HTTP and web protocols**, then tick it with `/done`."
    assert list(buttons(result)) == ["Whole phase", "Checklist", "I worked on this"]
    phase = await alice.click(result.response, label="Whole phase")
    assert "Internet fundamentals" in embed(phase).description


async def test_today_for_a_named_path_not_followed(channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND)
    assert_error(await alice.slash(channel, "today", role="data-engineer"), "You aren't following Data Engineer")


async def test_help_fits_who_asks(channel, alice, admin):
    member = embed(await alice.slash(channel, "help"))
    names = [f.name for f in member.fields]
    assert not any(n.startswith("/content") for n in names)
    assert "/group join|leave|board" in names
    assert any(f.value.endswith("`/today`") for f in member.fields)  # an example under each command
    moderator = [f.name for f in embed(await admin.slash(channel, "help")).fields]
    assert "/content reload|status|validate" in moderator

    detail = embed(await alice.slash(channel, "help", command="done"))
    assert detail.title == "/done"
    assert "**Usage:** `/done item [proof]`" in detail.description
