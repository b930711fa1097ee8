"""Looking around a path: /skill-deep-dive, /phase, "This week", /roles, /help."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot import commands as declared
from bot import components
from bot.__main__ import main as cli_main
from bot.content.holder import ContentHolder
from bot.handlers import learning
from bot.render import Reply
from bot.services import Services, UserError
from bot.store import Store
from tests.handlers.conftest import CONTENT_DIR, NOW, caller, press, selects, text
from tests.handlers.roles import SELF_PACED, long_role, self_paced_content

ROLE = "backend-engineer"


def words(s: str) -> list[str]:
    return re.findall(r"\w+", s)


async def all_pages(svc: Services, reply: Reply) -> list[Reply]:
    """Follow "Next ▶" to the last page."""
    pages = [reply]
    while any(b.label == "Next ▶" and not b.disabled for b in pages[-1].buttons):
        response = await press(svc, caller(), pages[-1], "Next ▶")
        assert response.update
        pages.append(response.reply)
        assert len(pages) < 50
    return pages


@pytest.fixture
async def long_svc(tmp_path: Path) -> AsyncIterator[Services]:
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "long-role.md").write_text(long_role(), encoding="utf-8")
    async with await Store.open(tmp_path / "db.sqlite3") as store:
        yield Services(ContentHolder.load(folder, NOW), store)


# ---------------------------------------------------------------- /skill-deep-dive


async def test_typo_finds_the_right_section_and_its_place(svc: Services) -> None:
    reply = await learning.skill_deep_dive(svc, caller(), "postgress", role="backend")
    card = reply.cards[0]
    assert card.title == "PostgreSQL/MySQL"
    assert "transactions, ACID properties, indexing" in (card.description or "")
    assert card.footer == "Backend Engineer · Phase 3 · weeks 13-18"
    assert "Phase 3: Databases (Weeks 13-18) › SQL Deep Dive" in (card.description or "")


async def test_typo_without_a_role_searches_every_path(svc: Services) -> None:
    reply = await learning.skill_deep_dive(svc, caller(), "kubernets orchestraton")
    assert reply.cards[0].title == "Kubernetes orchestration"
    assert reply.cards[0].footer == "Backend Engineer · Phase 6 · weeks 29-36"


async def test_unsure_match_offers_the_alternatives_and_a_pick_shows_one(svc: Services) -> None:
    reply = await learning.skill_deep_dive(svc, caller(), "caching")
    [menu] = selects(reply)
    assert menu.placeholder == "Not it? Other matches"
    assert 2 <= len(menu.options) <= 25
    assert reply.cards[0].title not in [o.label for o in menu.options]
    picked = menu.options[2]
    response = await components.handle(svc, caller(), menu.custom_id, [picked.value])
    assert response.update
    assert response.reply.cards[0].title == picked.label
    assert response.reply.ephemeral


async def test_pick_with_no_value_asks_for_one(svc: Services) -> None:
    reply = await learning.skill_deep_dive(svc, caller(), "caching")
    with pytest.raises(UserError, match="Pick one"):
        await components.handle(svc, caller(), selects(reply)[0].custom_id, [])


async def test_autocomplete_key_opens_that_section(svc: Services) -> None:
    reply = await learning.skill_deep_dive(svc, caller(), "caching")
    value = selects(reply)[0].options[0].value
    direct = await learning.skill_deep_dive(svc, caller(), f"key:{value}")
    assert direct.cards[0].title == selects(reply)[0].options[0].label
    assert not selects(direct)


async def test_nothing_found_says_so(svc: Services) -> None:
    with pytest.raises(UserError, match="Nothing found for 'qqqzzxxyy' in Backend Engineer"):
        await learning.skill_deep_dive(svc, caller(), "qqqzzxxyy", role="backend-engineer")
    with pytest.raises(UserError, match="Tell me a topic"):
        await learning.skill_deep_dive(svc, caller(), "   ")


@pytest.mark.parametrize("topic", ["???", "...", "🐳", "#"])
async def test_marks_alone_ask_for_a_topic(svc: Services, topic: str) -> None:
    with pytest.raises(UserError, match=r"Tell me a topic, e\.g\. `/skill-deep-dive topic:postgres`"):
        await learning.skill_deep_dive(svc, caller(), topic)


async def test_long_section_pages_keep_all_its_text(long_svc: Services) -> None:
    svc = long_svc
    reply = await learning.skill_deep_dive(svc, caller(), "Field Notes")
    assert reply.cards[0].title == "Field Notes"
    pages = await all_pages(svc, reply)
    assert len(pages) >= 4
    for n, page in enumerate(pages, 1):
        assert (page.cards[0].footer or "").endswith(f"Page {n}/{len(pages)}")
        assert len(page.cards[0].description or "") <= learning.DEEP_DIVE_PAGE
    section = next(s for s in svc.content.index.roles["long-role"].sections if s.title == "Field Notes")
    shown = " ".join(p.cards[0].description or "" for p in pages)
    assert words(shown) == words(section.text)  # its title is the card's, said once
    # Previous goes back; the first page's Previous is disabled.
    back = await press(svc, caller(), pages[1], "◀ Previous")
    assert back.reply.cards[0].description == pages[0].cards[0].description
    assert next(b for b in pages[0].buttons if b.label == "◀ Previous").disabled


async def test_deep_dive_button_after_a_reload_without_the_section(svc: Services) -> None:
    with pytest.raises(UserError, match="That section is gone"):
        await components.handle(svc, caller(), "wm:dd:0123456789ab:1", ())


# ---------------------------------------------------------------- /skill-deep-dive: questions


async def test_a_week_question_shows_that_weeks_phase(svc: Services) -> None:
    for topic in ("what's on in week 14", "wk 14 topics", "14th week"):
        reply = await learning.skill_deep_dive(svc, caller(), topic, role="backend-engineer")
        card = reply.cards[0]
        assert card.title == "Phase 3: Databases (Weeks 13-18)"
        assert (card.description or "").startswith(
            "Week 14 of Backend Engineer is in Phase 3: Databases (weeks 13-18).\n\n"
        )
        assert "Part 2 of 6 of this phase" in (card.description or "")  # week 14's part, as /today shows it
        assert not selects(reply)


async def test_a_week_question_without_a_path_asks_which(svc: Services) -> None:
    with pytest.raises(UserError) as error:
        await learning.skill_deep_dive(svc, caller(), "what's on in week 14")
    message = str(error.value)
    assert message.startswith("Which path? Week 14 is in 6 paths. Add `role:` to pick one: ")
    assert "**Backend Engineer** (`backend-engineer`)" in message


async def test_a_week_question_is_about_the_learners_path_at_their_pace(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE, pace="complete_beginner")  # phase 3 is weeks 16-23
    reply = await learning.skill_deep_dive(svc, caller(), "what's on in week 16")
    assert reply.cards[0].title == "Phase 3: Databases (Weeks 13-18)"
    assert (reply.cards[0].description or "").startswith(
        "Week 16 of Backend Engineer at your pace is in Phase 3: Databases (weeks 16-23)."
    )
    # Another path named in the question is as written.
    other = await learning.skill_deep_dive(svc, caller(), "week 16 of the data engineer path")
    assert other.cards[0].title == "Phase 3: Data Modelling & Warehousing (Weeks 11-16)"


async def test_a_pace_the_path_no_longer_has_leaves_its_weeks_as_written(content_copy: Path, store: Store) -> None:
    before = Services(ContentHolder.load(content_copy, NOW), store)
    await learning.start_learning(before, caller(), ROLE, pace="complete_beginner")
    path = content_copy / "backend-engineer.md"
    path.write_text(path.read_text(encoding="utf-8").replace("  complete_beginner: 9-12\n", ""), encoding="utf-8")
    after = Services(ContentHolder.load(content_copy, NOW), store)
    assert "complete_beginner" not in after.content.index.roles[ROLE].timeline_months
    reply = await learning.skill_deep_dive(after, caller(), "week 14")
    assert reply.cards[0].title == "Phase 3: Databases (Weeks 13-18)"


async def test_whats_next_is_the_phase_after_the_learners_current_one(svc: Services) -> None:
    with pytest.raises(UserError, match="There is no week you are in to count from"):
        await learning.skill_deep_dive(svc, caller(), "what's next?")
    await learning.start_learning(svc, caller(), ROLE)
    reply = await learning.skill_deep_dive(svc, caller(days=84), "what's next?")  # week 13: phase 3
    assert reply.cards[0].title == "Phase 4: API Development (Weeks 19-24)"
    this_week = await learning.skill_deep_dive(svc, caller(days=84), "what's on this week")
    assert this_week.cards[0].title == "Phase 3: Databases (Weeks 13-18)"


async def test_on_a_self_paced_path_a_week_question_says_it_has_no_weeks(tmp_path: Path, store: Store) -> None:
    svc = Services(ContentHolder.load(self_paced_content(tmp_path / "content"), NOW), store)
    await learning.start_learning(svc, caller(), SELF_PACED)
    name = svc.content.index.roles[SELF_PACED].display_name
    for question in ("what's on this week", "what's next", "week 3"):
        with pytest.raises(UserError, match=f"{re.escape(name)} is self-paced: it has no weeks or phases"):
            await learning.skill_deep_dive(svc, caller(days=14), question)
    # A topic is still searched; a path with weeks can still be asked about.
    assert (await learning.skill_deep_dive(svc, caller(), "week 14", role=ROLE)).cards[0].title.startswith("Phase 3")


async def test_a_week_past_the_end_says_how_long_the_path_is(svc: Services) -> None:
    with pytest.raises(UserError, match="Backend Engineer has 36 weeks; week 40 is past its end"):
        await learning.skill_deep_dive(svc, caller(), "week 40", role="backend-engineer")


async def test_what_comes_after_databases_is_the_api_phase(svc: Services) -> None:
    reply = await learning.skill_deep_dive(svc, caller(), "what comes after databases?")
    card = reply.cards[0]
    assert card.title == "Phase 4: API Development (Weeks 19-24)"
    assert card.footer == "Backend Engineer · Phase 4 · weeks 19-24"
    assert (card.description or "").startswith(
        "'databases' is in Phase 3: Databases (weeks 13-18) of Backend Engineer. Next comes:"
    )


async def test_when_do_i_learn_databases_shows_the_phase_that_teaches_it_and_says_so(svc: Services) -> None:
    reply = await learning.skill_deep_dive(svc, caller(), "when do I learn databases?", role="backend-engineer")
    card = reply.cards[0]
    assert card.title == "Phase 3: Databases (Weeks 13-18)"
    assert (card.description or "").startswith(
        "'databases' is in Phase 3: Databases (weeks 13-18) of Backend Engineer."
    )


async def test_a_broad_word_finds_what_the_path_calls_it(svc: Services) -> None:
    reply = await learning.skill_deep_dive(svc, caller(), "containers", role="backend-engineer")
    assert reply.cards[0].title in {"Docker containerization", "Kubernetes orchestration"}
    reply = await learning.skill_deep_dive(svc, caller(), "version control", role="backend-engineer")
    assert reply.cards[0].title == "Git/GitHub workflows"


SAME_QUERIES = [
    ("postgress", None),
    ("caching", None),
    ("containers", "backend-engineer"),
    ("version control", None),
    ("what's on in week 14", "backend-engineer"),
    ("weeks 3-6", "backend-engineer"),
    ("what comes after databases", None),
    ("when do I learn kubernetes", None),
    ("flarp kubernetes", None),
    ("what should I learn first", "backend-engineer"),
    ("final phase", None),
    ("month 2", "backend-engineer"),
    ("prerequisites for kubernetes", "backend-engineer"),
    ("front end", None),
    ("best resources for docker", "backend-engineer"),
]


UNSURE = {"postgress", "caching", "containers", "version control", "weeks 3-6", "when do I learn kubernetes"}  # a menu
UNSURE |= {"final phase", "front end", "best resources for docker"}


@pytest.mark.parametrize(("query", "role"), SAME_QUERIES)
async def test_the_bot_and_waymark_search_give_the_same_hits(
    svc: Services, capsys: pytest.CaptureFixture[str], query: str, role: str | None
) -> None:
    argv = ["search", query, "--json", "--content", str(CONTENT_DIR)] + (["--role", role] if role else [])
    assert cli_main(argv) == 0
    results = json.loads(capsys.readouterr().out)["results"]
    cli = [(r["section"], r["role"]) for r in results]
    if not cli:  # both hide hits below the minimum score
        with pytest.raises(UserError, match="Nothing found"):
            await learning.skill_deep_dive(svc, caller(), query, role=role)
        return
    reply = await learning.skill_deep_dive(svc, caller(), query, role=role)
    menu = selects(reply)
    footer = reply.cards[0].footer or ""
    best_role = next(n for n, r in svc.content.index.roles.items() if footer.startswith(f"{r.display_name} ·"))
    bot = [(reply.cards[0].title, best_role)]
    if menu:  # the other matches: every one the CLI lists
        by_display = {r.display_name: n for n, r in svc.content.index.roles.items()}
        bot += [(o.label, by_display[(o.description or "").split(" · ")[0]]) for o in menu[0].options]
        assert bot == cli
    else:  # a sure match: the CLI lists the others too
        assert bot == cli[:1]
    assert bool(menu) == (query in UNSURE)


# ---------------------------------------------------------------- /phase and "This week"


async def test_phase_view_defaults_to_the_current_phase(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    reply = await learning.phase_view(svc, caller(days=84))
    card = reply.cards[0]
    assert card.title == "Phase 3: Databases (weeks 13-18)"
    assert "**SQL Deep Dive:**" in (card.description or "")
    assert "- MongoDB: document model, aggregation pipeline" in (card.description or "")
    assert card.footer == "Backend Engineer · at your pace"


async def test_phase_view_at_the_learners_pace(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE, pace="complete_beginner")
    reply = await learning.phase_view(svc, caller(), 3)
    assert reply.cards[0].title == "Phase 3: Databases (weeks 16-23)"


async def test_explicit_phase_of_a_path_not_followed_is_as_written(svc: Services) -> None:
    reply = await learning.phase_view(svc, caller(), 2, "backend-engineer")
    assert reply.cards[0].title == "Phase 2: Programming Language Mastery (weeks 5-12)"
    assert reply.cards[0].footer == "Backend Engineer · as written"
    first = await learning.phase_view(svc, caller(), None, "backend-engineer")
    assert first.cards[0].title.startswith("Phase 1: Foundations")


async def test_phase_view_without_a_path_or_role_says_how_to_start(svc: Services) -> None:
    with pytest.raises(UserError, match="You aren't following any path yet"):
        await learning.phase_view(svc, caller())


async def test_missing_phase_lists_the_phases(svc: Services) -> None:
    with pytest.raises(UserError, match=r"Backend Engineer has no phase 9\. Its phases are 1, 2, 3, 4, 5, 6\."):
        await learning.phase_view(svc, caller(), 9, ROLE)


async def test_this_week_button_shows_today(svc: Services) -> None:
    welcome = await learning.start_learning(svc, caller(), ROLE)
    response = await press(svc, caller(days=30), welcome, "This week")
    card = response.reply.cards[0]
    assert card.title == "Today · Backend Engineer · week 5 of 36"
    assert "**Phase 2: Programming Language Mastery** (weeks 5-12)" in (card.description or "")
    assert not response.update  # a new message: the path card stays as it was


async def test_this_week_before_the_start_says_when(svc: Services) -> None:
    welcome = await learning.start_learning(svc, caller(), ROLE, start="2026-12-01")
    shown = text((await press(svc, caller(), welcome, "This week")).reply)
    assert "Your path starts in 4 days, on 2026-12-01" in shown


async def test_long_phase_is_paged_not_cut(long_svc: Services) -> None:
    svc = long_svc
    await learning.start_learning(svc, caller(), "long-role")
    phase = svc.content.index.roles["long-role"].phase(1)
    assert phase is not None
    body = learning.phase_body(phase)
    pages = await all_pages(svc, await learning.phase_view(svc, caller()))
    assert len(pages) > 1
    shown = " ".join(p.cards[0].description or "" for p in pages)
    assert words(shown) == words(body)


# ---------------------------------------------------------------- /roles, /help


async def test_roles_lists_every_path_with_how_to_start(svc: Services) -> None:
    reply = await learning.roles_list(svc, caller())
    shown = text(reply)
    assert reply.cards[0].title == "Learning paths (6)"
    for name in svc.content.index.roles:
        assert f"`/start-learning role:{name}`" in shown
    assert "full time accelerated 4-6 mo" in shown
    assert "entry $70K-$95K" in shown


async def test_help_lists_the_commands_with_an_example_each(svc: Services) -> None:
    shown = text(await declared.help_reply(svc, caller(moderator=True)))
    for command in declared.COMMANDS:
        assert f"`{command.example}`" in shown or command.group is not None, command.name
    for command in ("/start-learning", "/skill-deep-dive", "/progress", "/done", "/my-data", "/content"):
        assert command in shown
    assert "6 paths loaded" in shown


async def test_help_shows_moderator_commands_only_to_moderators(svc: Services) -> None:
    member = text(await declared.help_reply(svc, caller()))
    assert "/content" not in member
    assert "/group join|leave|board" in member
    assert "create" not in member.split("/group ")[1].split(":")[0]
    moderator = text(await declared.help_reply(svc, caller(moderator=True)))
    assert "/content reload|status|validate" in moderator
    assert "/group create|join|leave|board|pause|resume|delete" in moderator


async def test_help_explains_one_command(svc: Services) -> None:
    shown = text(await declared.help_reply(svc, caller(), "/remind set"))
    assert shown.startswith("(only you)\n\n/remind set\n")
    assert "**Usage:** `/remind set [day] [time] [timezone]`" in shown
    assert "**Example:** `/remind set day:friday time:18:00 timezone:Europe/Berlin`" in shown
    assert "• `day`: Day of the week (one of monday, tuesday, wednesday" in shown
    moderated = text(await declared.help_reply(svc, caller(), "content reload"))
    assert "Moderators only" in moderated
    with pytest.raises(UserError, match=r"There is no command 'progres'\. Did you mean `/progress`"):
        await declared.help_reply(svc, caller(), "progres")


async def test_help_explains_a_group_of_commands(svc: Services) -> None:
    shown = text(await declared.help_reply(svc, caller(), "/remind"))
    assert shown.startswith("(only you)\n\n/remind\n")
    assert "\nYour weekly reminder.\n" in shown
    assert "• `/remind set [day] [time] [timezone]`: " in shown
    assert "• `/remind off`: " in shown
    assert "`/help command:remind on` explains one of them in full." in shown
    assert "Moderators only" not in shown
    member = text(await declared.help_reply(svc, caller(), "group"))
    assert "`/group join " in member
    assert "`/group create" not in member  # a member sees what they can use
    assert "`/group create" in text(await declared.help_reply(svc, caller(moderator=True), "group"))
    content = text(await declared.help_reply(svc, caller(), "content"))
    assert "`/content reload`" in content
    assert "Moderators only" in content


async def test_buttons_from_elsewhere_or_older_versions_are_refused(svc: Services) -> None:
    with pytest.raises(UserError, match="not Waymark's"):
        await components.handle(svc, caller(), "other:thing", ())
    with pytest.raises(UserError, match="older version"):
        await components.handle(svc, caller(), "wm:cl:backend-engineer:notanumber", ())
    with pytest.raises(UserError, match="older version"):
        await components.handle(svc, caller(), "wm:nosuch", ())
