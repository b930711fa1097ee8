"""/portfolio as a Discord member uses it: a private reply with two files, or a public post with share."""

from __future__ import annotations

from tests.cogs.helpers import BACKEND, GIT_ITEM, assert_error
from tests.portfolio_pages import read_page

FILES = ["portfolio-backend-engineer.md", "portfolio-backend-engineer.html"]


async def test_portfolio_is_a_private_reply_with_two_files(channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND)
    await alice.slash(channel, "done", item=GIT_ITEM, proof="https://github.com/alice/dotfiles")

    result = await alice.slash(channel, "portfolio")

    assert result.ephemeral
    assert result.response.content.startswith("Your portfolio of Backend Engineer: 1 of 15 items finished (7%)")
    assert [a.filename for a in result.response.attachments] == FILES
    markdown, page = [(await a.read()).decode() for a in result.response.attachments]
    assert f"- {GIT_ITEM} · ticked 2026-11-27 · proof: <https://github.com/alice/dotfiles>" in markdown
    shown = read_page(page)
    assert shown.by_tag["dd"][0] == "alice"
    assert shown.links == [("https://github.com/alice/dotfiles", "https://github.com/alice/dotfiles")]


async def test_share_posts_the_files_for_everyone(channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND)
    await alice.slash(channel, "done", item=GIT_ITEM)

    result = await alice.slash(channel, "portfolio", share=True)

    assert not result.ephemeral
    assert result.response.content.startswith("**alice**'s portfolio · Backend Engineer: 1 of 15 items finished (7%)")
    assert [a.filename for a in result.response.attachments] == FILES


async def test_portfolio_without_a_path_or_a_tick(channel, alice):
    assert_error(await alice.slash(channel, "portfolio"), "You aren't following any path yet")
    await alice.slash(channel, "start-learning", role=BACKEND)

    result = await alice.slash(channel, "portfolio", share=True)

    assert result.ephemeral
    assert result.response.content.startswith("Nothing is ticked on Backend Engineer yet")
    assert not result.response.attachments
