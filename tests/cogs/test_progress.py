"""/progress, /checklist, /done and /my-data, as members use them."""

from __future__ import annotations

import json

import pytest
from simcord import SetupError

from bot import components
from bot.services import Caller, UserError
from tests.cogs.conftest import NOW
from tests.cogs.helpers import (
    BACKEND,
    GIT_ITEM,
    assert_error,
    buttons,
    embed,
    fields,
    option_values,
    select_with,
    selects,
    ticked,
)

# --------------------------------------------------------------------------- /progress


async def test_progress_own_is_private(channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND)
    await alice.slash(channel, "done", item=GIT_ITEM)

    result = await alice.slash(channel, "progress")

    assert result.ephemeral
    assert embed(result).title == "alice · Backend Engineer"
    shown = fields(result)
    assert shown["Where"] == "Week 1 of 36 · Phase 1: Foundations (weeks 1-4)"
    assert "1/15" in shown["Checklist"]
    assert shown["Streak"].startswith("1 week")
    assert list(buttons(result)) == ["Let others see my progress"]


async def test_progress_share_posts_for_everyone(channel, alice, bob):
    await alice.slash(channel, "start-learning", role=BACKEND)

    result = await alice.slash(channel, "progress", share=True)

    assert not result.ephemeral
    assert not buttons(result)
    seen_by_bob = channel.history(viewer=bob)
    assert [m.embeds[0].title for m in seen_by_bob] == ["alice · Backend Engineer"]


async def test_progress_without_a_path(channel, alice):
    assert_error(await alice.slash(channel, "progress"), "You aren't following any path yet")


async def test_someone_elses_progress_only_when_made_visible(channel, alice, bob):
    await alice.slash(channel, "start-learning", role=BACKEND)

    hidden = await bob.slash(channel, "progress", member=alice)
    assert_error(hidden, "alice hasn't made their progress visible.")

    own = await alice.slash(channel, "progress")
    made_visible = await alice.click(own.response, label="Let others see my progress")
    assert made_visible.response.id == own.response.id
    assert list(buttons(made_visible)) == ["Hide my progress from others"]

    seen = await bob.slash(channel, "progress", member=alice)
    assert seen.ephemeral
    assert embed(seen).title == "alice · Backend Engineer"
    assert not buttons(seen)  # bob cannot change alice's visibility

    await alice.click(made_visible.response, label="Hide my progress from others")
    assert_error(await bob.slash(channel, "progress", member=alice), "hasn't made their progress visible")


async def test_progress_of_a_visible_member_without_a_path(channel, alice, bob):
    await alice.slash(channel, "start-learning", role=BACKEND)
    own = await alice.slash(channel, "progress")
    await alice.click(own.response, label="Let others see my progress")
    await alice.slash(channel, "stop-learning", role=BACKEND)

    assert_error(await bob.slash(channel, "progress", member=alice), "alice isn't following any path.")


# --------------------------------------------------------------------------- /checklist


async def test_checklist_select_ticks_and_unticks(simcord_env, channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND)
    result = await alice.slash(channel, "checklist")

    assert result.ephemeral
    assert embed(result).title == "Backend Engineer · checklist"
    assert len(selects(result)) == 4  # one per group: a phase each, four on the first page
    menu = select_with(result, GIT_ITEM)
    assert menu["min_values"] == 0
    assert ticked(menu) == set()
    values = option_values(menu)

    after_tick = await alice.select(
        result.response, [values[GIT_ITEM], values["Understand HTTP and web protocols"]], custom_id=menu["custom_id"]
    )
    assert after_tick.response.id == result.response.id  # the reply updates in place
    assert "2/15" in fields(after_tick)["Done"]
    assert ticked(select_with(after_tick, GIT_ITEM)) == {GIT_ITEM, "Understand HTTP and web protocols"}
    assert f"✅ {GIT_ITEM}" in embed(after_tick).description

    # The menu's custom ID records what it shows ticked: use the one on the updated message.
    menu = select_with(after_tick, GIT_ITEM)
    after_untick = await alice.select(after_tick.response, [values[GIT_ITEM]], custom_id=menu["custom_id"])
    assert "1/15" in fields(after_untick)["Done"]
    assert ticked(select_with(after_untick, GIT_ITEM)) == {GIT_ITEM}
    assert "⬜ Understand HTTP and web protocols" in embed(after_untick).description

    menu = select_with(after_untick, GIT_ITEM)
    cleared = await alice.select(after_untick.response, [], custom_id=menu["custom_id"])
    assert "0/15" in fields(cleared)["Done"]
    assert await simcord_env.bot.services.store.get_progress(alice.id, BACKEND) == {}


async def test_checklist_menu_leaves_other_groups_alone(channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND)
    await alice.slash(channel, "done", item="Build basic API endpoints")
    result = await alice.slash(channel, "checklist")
    menu = select_with(result, GIT_ITEM)

    after = await alice.select(result.response, [option_values(menu)[GIT_ITEM]], custom_id=menu["custom_id"])

    assert "2/15" in fields(after)["Done"]
    assert ticked(select_with(after, "Build basic API endpoints")) == {"Build basic API endpoints"}


async def test_checklist_needs_a_path(channel, alice):
    assert_error(await alice.slash(channel, "checklist"), "You aren't following any path yet")
    assert_error(await alice.slash(channel, "checklist", role="data-engineer"), "You aren't following Data Engineer")


# --------------------------------------------------------------------------- /done


async def test_done_by_fuzzy_name_with_proof(simcord_env, channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND)

    result = await alice.slash(channel, "done", item="use git profesionaly", proof="https://github.com/alice/dotfiles")

    assert result.ephemeral
    assert result.response.content.startswith(f"Ticked: **{GIT_ITEM}** (Backend Engineer › Phase 1: Foundations)")
    assert "1/15" in result.response.content
    assert "Proof: <https://github.com/alice/dotfiles>" in result.response.content
    progress = await simcord_env.bot.services.store.get_progress(alice.id, BACKEND)
    assert [p.proof for p in progress.values()] == ["https://github.com/alice/dotfiles"]

    again = await alice.slash(channel, "done", item=GIT_ITEM)
    assert again.response.content.startswith("Already ticked")

    card = await alice.slash(channel, "progress")
    assert fields(card)["Proof"] == f"[{GIT_ITEM}](https://github.com/alice/dotfiles)"


async def test_done_with_autocomplete_value(channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND)
    choice = (await alice.autocomplete(channel, "done", "item", "caching"))[0]
    assert choice["name"] == "Implement caching layers"

    result = await alice.slash(channel, "done", item=choice["value"])

    assert result.response.content.startswith("Ticked: **Implement caching layers**")


@pytest.mark.parametrize(
    ("proof", "problem"),
    [
        ("not a link", "contains a space"),
        ("javascript:alert(1)", "must start with https://"),
        ("ftp://example.com/x", "must start with https://"),
        ("https://", "has no host after https://"),
        ("https://example.com/" + "a" * 600, "is 620 characters long; at most 500 fit"),
        ("https://@everyone", "has a user name or an @ before its host"),
        ("https://github.com@evil.example.com/x", "has a user name or an @ before its host"),
        ("https://example.com/\u202egnp.exe", "contains a character that changes the text's direction (U+202E)"),
        ("https://example.com/%E2%80%AEgnp.exe", "contains a character that changes the text's direction (U+202E)"),
        ("https://example.com/\u200bx", "contains an invisible character (U+200B)"),
        ("http://localhost", "points to this computer (localhost)"),
        ("http://localhost:3000/app", "points to this computer (localhost)"),
        ("http://127.0.0.1/x", "points to a private or local address"),
        ("http://192.168.1.20/x", "points to a private or local address"),
        ("https://printer.local/x", "points to a local or reserved name"),
        ("https://exa mple.com/x", "contains a space"),
        ("https://intranet/x", "has no real host name (like example.org) but 'intranet'"),
        ("https://example.com\\@evil.com", "contains a backslash"),
    ],
)
async def test_done_rejects_bad_proof(simcord_env, channel, alice, proof, problem):
    await alice.slash(channel, "start-learning", role=BACKEND)

    result = await alice.slash(channel, "done", item=GIT_ITEM, proof=proof)

    assert_error(result, f"That proof link {problem}", "Use the https:// link of your work")
    assert await simcord_env.bot.services.store.get_progress(alice.id, BACKEND) == {}


async def test_done_unknown_item_and_no_path(channel, alice):
    assert_error(await alice.slash(channel, "done", item=GIT_ITEM), "You aren't following any path yet")
    await alice.slash(channel, "start-learning", role=BACKEND)
    assert_error(await alice.slash(channel, "done", item="qqqq zzzz"), "No checklist item like 'qqqq zzzz'")


# --------------------------------------------------------------------------- /my-data


async def test_export_is_a_private_json_file(channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND)
    await alice.slash(channel, "done", item=GIT_ITEM, proof="https://example.com/git")

    result = await alice.slash(channel, "my-data export")

    assert result.ephemeral
    (attachment,) = result.response.attachments
    assert attachment.filename == f"waymark-data-{alice.id}.json"
    data = json.loads(await attachment.read())
    assert data["user_id"] == alice.id
    assert [e["role"] for e in data["enrollments"]] == [BACKEND]
    assert [p["proof"] for p in data["checklist_progress"]] == ["https://example.com/git"]


async def test_export_has_a_cooldown(simcord_env, channel, alice):
    await alice.slash(channel, "my-data export")

    too_soon = await alice.slash(channel, "my-data export")
    assert_error(too_soon, "Slow down a little")

    await simcord_env.advance_time(31)
    later = await alice.slash(channel, "my-data export")
    assert later.response.attachments


async def test_delete_asks_then_deletes(simcord_env, channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND)
    await alice.slash(channel, "done", item=GIT_ITEM)
    store = simcord_env.bot.services.store

    asked = await alice.slash(channel, "my-data delete")
    assert asked.ephemeral
    assert set(buttons(asked)) == {"Delete everything", "Cancel"}

    cancelled = await alice.click(asked.response, label="Cancel")
    assert cancelled.response.content == "Cancelled: nothing changed."
    assert await store.get_learner(alice.id) is not None

    asked = await alice.slash(channel, "my-data delete")
    deleted = await alice.click(asked.response, label="Delete everything")

    assert deleted.response.id == asked.response.id
    assert deleted.response.content.startswith("Deleted: ")
    assert not buttons(deleted)
    assert await store.get_learner(alice.id) is None
    assert await store.get_progress(alice.id, BACKEND) == {}
    assert_error(await alice.slash(channel, "progress"), "You aren't following any path yet")


async def test_only_the_owner_can_confirm_delete(simcord_env, channel, alice, bob):
    await alice.slash(channel, "start-learning", role=BACKEND)
    asked = await alice.slash(channel, "my-data delete")
    erase_id = buttons(asked)["Delete everything"]["custom_id"]

    # The question is ephemeral: bob cannot even see it, let alone click it.
    with pytest.raises(SetupError, match="not visible"):
        await bob.click(asked.response, label="Delete everything")

    # And should the button reach him anyway, the handler refuses: the custom_id names its owner.
    bob_caller = Caller(bob.id, "bob", NOW)
    with pytest.raises(UserError, match="belongs to someone else"):
        await components.handle(simcord_env.bot.services, bob_caller, erase_id)
    assert await simcord_env.bot.services.store.get_learner(alice.id) is not None


class TestItemsUnderBullets:
    """A path whose items share words and sit under plain bullets, in one group of more than 25 items."""

    @pytest.fixture
    def content_path(self, tmp_path):
        from tests.content.helpers import role_file

        drills = "".join(f"  - [ ] Drill {n}\n" for n in range(1, 26))
        body = (
            "# Data Structures\n\n## Learning Path\n\n### Phase 1: Trees (Weeks 1-2)\n**Objective:** Trees\n\n"
            "- Trees\n  - [ ] Implement insert\n- Heaps\n  - [ ] Implement insert\n- Drills\n" + drills
        )
        folder = tmp_path / "content"
        folder.mkdir()
        (folder / "ds.md").write_text(role_file("ds", body=body), encoding="utf-8")
        return folder

    async def test_done_with_shared_words_asks_which_and_the_menus_say_where(self, simcord_env, channel, alice):
        await alice.slash(channel, "start-learning", role="ds")
        said = assert_error(await alice.slash(channel, "done", item="implement insert"), "so none is ticked")
        assert "\n• **Implement insert** (Ds › Phase 1: Trees › Trees)\n" in said
        assert "\n• **Implement insert** (Ds › Phase 1: Trees › Heaps)\n" in said
        assert await simcord_env.bot.services.store.get_progress(alice.id, "ds") == {}

        first, second = selects(await alice.slash(channel, "checklist"))
        assert first["placeholder"] == "Phase 1: Trees (1–25): tick what you've done"
        assert second["placeholder"] == "Phase 1: Trees (26–27): tick what you've done"
        assert [(o["label"], o.get("description")) for o in first["options"][:3]] == [
            ("Implement insert", "Trees"),
            ("Implement insert", "Heaps"),
            ("Drill 1", "Drills"),
        ]
