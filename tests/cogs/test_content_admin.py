"""/content reload|status|validate on a tmp copy of the content folder."""

from __future__ import annotations

import re

import pytest

from tests.cogs.helpers import BACKEND, GIT_ITEM, assert_error, brewing_role, embed, fields, text

BROKEN = """---
name: broken-role
displayName: Broken Role
description: Has a typo in its front matter.
timelineMonths:
  fast: [oops
---

# Broken Role
"""


@pytest.fixture
async def content_cmd(simcord_env):
    """The /content command as Discord registered it."""
    commands = await simcord_env.bot.tree.fetch_commands()
    return next(c for c in commands if c.name == "content")


@pytest.fixture
def moderator(simcord_env, guild, mod_role, content_cmd):
    """A member with the configured moderator role; the server lets that role use /content."""
    guild.set_command_permissions(content_cmd, {mod_role: True})
    return guild.add_member(simcord_env.create_user("mod"), roles=[mod_role])


SUBCOMMANDS = ("content reload", "content status", "content validate")


async def test_content_is_hidden_from_members_without_manage_server(channel, alice, admin):
    for name in SUBCOMMANDS:
        assert name not in alice.available_commands(channel)
        assert name in admin.available_commands(channel)


@pytest.mark.parametrize("name", SUBCOMMANDS)
async def test_member_without_manage_server_is_denied(guild, channel, alice, content_cmd, name):
    # A server admin opened /content to everyone in the server settings: the bot still checks.
    guild.set_command_permissions(content_cmd, {guild.default_role: True})

    result = await alice.slash(channel, name)

    assert_error(result, "Only moderators")


async def test_moderator_role_reloads(channel, moderator):
    result = await moderator.slash(channel, "content reload")

    assert result.ephemeral
    assert embed(result).title == "Content reloaded"
    assert embed(result).description == "Reloaded: 6 roles are live. No progress was deleted."
    assert fields(result) == {"Changes": "No roles, phases or checklist items change."}


class TestReload:
    """Reloads from a tmp copy of the content folder that the test edits."""

    @pytest.fixture
    def content_path(self, tmp_content):
        return tmp_content

    async def test_status_shows_what_is_loaded(self, channel, admin, tmp_content):
        result = await admin.slash(channel, "content status")

        assert result.ephemeral
        assert embed(result).title == "Content status"
        shown = fields(result)
        assert BACKEND in shown["Roles"]
        assert shown["Loaded"] == "2026-11-27T10:00:00+00:00"  # loaded by the bot at start-up
        assert str(tmp_content) in embed(result).description

    async def test_broken_file_is_reported_and_the_old_roles_stay(
        self, simcord_env, channel, alice, admin, tmp_content
    ):
        (tmp_content / "broken-role.md").write_text(BROKEN, encoding="utf-8")

        checked = await admin.slash(channel, "content validate")
        assert "A reload would be refused" in embed(checked).description
        (errors,) = [v for k, v in fields(checked).items() if k.startswith("Errors")]
        assert re.match(r"`broken-role\.md:\d+` invalid YAML", errors), errors

        reloaded = await admin.slash(channel, "content reload")
        assert embed(reloaded).title == "Reload refused"
        assert "the bot keeps the content it had" in embed(reloaded).description
        assert re.search(r"`broken-role\.md:\d+` invalid YAML", text(reloaded))

        roles = await alice.slash(channel, "roles")
        assert embed(roles).title == "Learning paths (6)"
        assert embed(await alice.slash(channel, "start-learning", role=BACKEND)).title.startswith("Backend Engineer")
        assert "broken-role" not in simcord_env.bot.services.content.index.roles

    async def test_fixed_file_reloads_and_adds_the_role(self, simcord_env, channel, alice, admin, tmp_content):
        (tmp_content / "broken-role.md").write_text(BROKEN, encoding="utf-8")
        await admin.slash(channel, "content reload")

        fixed = brewing_role().replace("brewing-engineer", "broken-role").replace("Brewing Engineer", "Broken Role")
        (tmp_content / "broken-role.md").write_text(fixed, encoding="utf-8")
        await simcord_env.advance_time(11)  # reload has a 10 s cooldown
        reloaded = await admin.slash(channel, "content reload")

        assert embed(reloaded).title == "Content reloaded"
        assert fields(reloaded)["Roles added"] == "broken-role"
        assert embed(await alice.slash(channel, "roles")).title == "Learning paths (7)"
        status = await admin.slash(channel, "content status")
        assert fields(status)["Loaded"] == "2026-11-27T10:00:00+00:00"

    async def test_removed_item_reports_orphaned_progress_and_keeps_it(
        self, simcord_env, channel, alice, admin, tmp_content
    ):
        await alice.slash(channel, "start-learning", role=BACKEND)
        await alice.slash(channel, "done", item=GIT_ITEM)
        role_file = tmp_content / f"{BACKEND}.md"
        original = role_file.read_text(encoding="utf-8")
        role_file.write_text(original.replace(f"- [ ] {GIT_ITEM}\n", ""), encoding="utf-8")
        store = simcord_env.bot.services.store

        checked = await admin.slash(channel, "content validate")
        assert embed(checked).description == "A reload would load 6 roles."
        assert f"`{BACKEND}` {GIT_ITEM}" in fields(checked)["Checklist items removed"]
        orphaned = next(v for k, v in fields(checked).items() if k.startswith("Progress that would be orphaned"))
        assert orphaned == f"`{BACKEND}` · {GIT_ITEM}: 1 learner"

        reloaded = await admin.slash(channel, "content reload")
        assert embed(reloaded).title == "Content reloaded"
        assert f"{GIT_ITEM}: 1 learner" in text(reloaded)
        assert len(await store.get_progress(alice.id, BACKEND)) == 1  # kept in the store

        checklist = await alice.slash(channel, "checklist")
        assert GIT_ITEM not in embed(checklist).description
        assert "0/14" in fields(checklist)["Done"]

        # The item comes back: so does the learner's tick.
        role_file.write_text(original, encoding="utf-8")
        await simcord_env.advance_time(11)
        await admin.slash(channel, "content reload")
        checklist = await alice.slash(channel, "checklist")
        assert f"✅ {GIT_ITEM}" in embed(checklist).description
        assert "1/15" in fields(checklist)["Done"]

    async def test_phase_changes_are_shown_by_validate_and_reload(self, simcord_env, channel, admin, tmp_content):
        role_file = tmp_content / f"{BACKEND}.md"
        body = role_file.read_text(encoding="utf-8")
        role_file.write_text(body.replace("### Phase 3: Databases (Weeks", "### Phase 3: Data Stores (Weeks"), "utf-8")
        expected = {"Phases changed": f"`{BACKEND}` Phase 3 Databases: title → Data Stores"}

        checked = await admin.slash(channel, "content validate")
        assert fields(checked) == expected
        reloaded = await admin.slash(channel, "content reload")
        assert embed(reloaded).title == "Content reloaded"
        assert fields(reloaded) == expected
        assert simcord_env.bot.services.content.index.roles[BACKEND].phase(3).title == "Data Stores"

    async def test_removed_role_keeps_its_learners_progress(self, simcord_env, channel, alice, admin, tmp_content):
        await alice.slash(channel, "start-learning", role=BACKEND)
        await alice.slash(channel, "done", item=GIT_ITEM)
        (tmp_content / f"{BACKEND}.md").unlink()

        reloaded = await admin.slash(channel, "content reload")

        assert fields(reloaded)["Roles removed"] == BACKEND
        assert_error(await alice.slash(channel, "checklist"), "not in the content any more", "Your progress is kept")
        assert len(await simcord_env.bot.services.store.get_progress(alice.id, BACKEND)) == 1

    async def test_yaml_error_points_at_the_broken_line(self, channel, admin, tmp_content):
        (tmp_content / "broken-role.md").write_text(BROKEN, encoding="utf-8")

        checked = await admin.slash(channel, "content validate")

        assert "`broken-role.md:6`" in text(checked)  # line 6 is `  fast: [oops`


class TestBrokenAtStartup:
    @pytest.fixture
    def content_path(self, tmp_content):
        (tmp_content / "broken-role.md").write_text(BROKEN, encoding="utf-8")
        return tmp_content

    async def test_status_lists_the_file_left_out(self, channel, admin):
        result = await admin.slash(channel, "content status")

        left_out = next(v for k, v in fields(result).items() if k.startswith("Files left out (1)"))
        assert re.match(r"`broken-role\.md:\d+` invalid YAML", left_out), left_out
        assert "broken-role" not in fields(result)["Roles"]
