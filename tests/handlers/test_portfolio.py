"""/portfolio: the files a learner gets, which path they show, and what it says when there is nothing to show."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from bot.content.holder import ContentHolder
from bot.handlers import learning, portfolio, progress, reminders
from bot.render import Reply
from bot.services import Services, UserError
from bot.store import Store
from tests.handlers.conftest import ANN, NOW, caller
from tests.handlers.roles import NO_CHECKLIST, SELF_PACED, self_paced_content
from tests.portfolio_pages import read_page

ROLE = "backend-engineer"
GIT = "Use git professionally"
HTTP = "Understand HTTP and web protocols"
SCHEMAS = "Design normalized database schemas"
FILES = ["portfolio-backend-engineer.md", "portfolio-backend-engineer.html"]


def files_of(reply: Reply) -> dict[str, str]:
    return {f.filename: f.data.decode() for f in reply.files}


async def test_the_files_list_each_finished_item_with_its_day_and_proof_under_its_group(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    await reminders.remind_set(svc, caller(), timezone="Europe/Berlin")
    late = caller(days=0.56)  # 2026-11-27 23:26 UTC: already the 28th in Berlin
    await progress.done(svc, late, GIT, "https://github.com/ann/dotfiles")
    await progress.done(svc, caller(days=1), HTTP)
    await progress.done(svc, caller(days=2), SCHEMAS, "https://example.com/schema?v=1&x=2")

    reply = await portfolio.portfolio(svc, caller(days=3))

    assert reply.ephemeral
    assert reply.content.startswith(
        "Your portfolio of Backend Engineer: 3 of 15 items finished (20%), started 2026-11-27."
    )
    assert [f.filename for f in reply.files] == FILES
    page = read_page(files_of(reply)[FILES[1]])
    assert page.by_tag["h1"] == ["Backend Engineer"]
    facts = dict(zip(page.by_tag["dt"], page.by_tag["dd"], strict=True))
    assert facts == {
        "Learner": "ann",
        "Started": "2026-11-27",
        "Progress": "in progress, 3 of 15 items",
        "Generated": "2026-11-30",
        "Dates": "days in Europe/Berlin",
    }
    # In checklist order under the checklist's groups, not in the order they were ticked.
    assert page.by_tag["h2"] == ["Phase 1: Foundations 2 of 2", "Phase 3: Databases 1 of 2"]
    assert page.texts("item") == [HTTP, GIT, SCHEMAS]
    assert page.texts("meta") == [
        "ticked 2026-11-28",
        "ticked 2026-11-28 · proof: https://github.com/ann/dotfiles",
        "ticked 2026-11-29 · proof: https://example.com/schema?v=1&x=2",
    ]
    assert [href for href, _ in page.links] == ["https://github.com/ann/dotfiles", "https://example.com/schema?v=1&x=2"]
    markdown = files_of(reply)[FILES[0]]
    assert "## Phase 1: Foundations (2 of 2)\n\n- Understand HTTP and web protocols · ticked 2026-11-28\n" in markdown
    assert "- Use git professionally · ticked 2026-11-28 · proof: <https://github.com/ann/dotfiles>\n" in markdown
    assert "**3 of 15 items finished (20%).**" in markdown


async def test_share_posts_a_short_summary_with_the_files(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    await progress.done(svc, caller(), GIT, "https://github.com/ann/dotfiles")
    name = "**ann** @everyone"

    reply = await portfolio.portfolio(svc, caller(name=name), share=True)

    assert not reply.ephemeral
    assert reply.content == (
        "**\\*\\*ann\\*\\* @\u200beveryone**'s portfolio · Backend Engineer: 1 of 15 items finished (7%), "
        "started 2026-11-27."
    )
    assert [f.filename for f in reply.files] == FILES
    assert read_page(files_of(reply)[FILES[1]]).by_tag["dd"][0] == name  # the page shows the name as it is


async def test_nothing_ticked_says_how_to_fill_it_and_never_posts(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    for share in (False, True):
        reply = await portfolio.portfolio(svc, caller(), share=share)
        assert reply.ephemeral
        assert reply.files == ()
        assert reply.content.startswith("Nothing is ticked on Backend Engineer yet, so your portfolio would be empty.")
        assert "`/done item:… proof:https://…`" in reply.content


async def test_no_path_and_a_path_whose_file_is_gone(svc: Services) -> None:
    with pytest.raises(UserError, match=r"You aren't following any path yet\. Pick one with `/start-learning`"):
        await portfolio.portfolio(svc, caller())
    await learning.start_learning(svc, caller(), ROLE)
    await progress.done(svc, caller(), GIT)
    svc.content.swap(svc.content.index.__class__(roles={}), NOW)  # the role file is gone from the content
    with pytest.raises(UserError, match=r"`backend-engineer` is not in the content any more.*progress is kept"):
        await portfolio.portfolio(svc, caller())


async def test_the_latest_path_by_default_and_role_picks_another(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    await progress.done(svc, caller(), GIT)
    await learning.start_learning(svc, caller(days=1), "data-engineer")
    data = svc.content.index.roles["data-engineer"].checklist[0]
    await progress.done(svc, caller(days=1), f"data-engineer:{data.id}")

    latest = await portfolio.portfolio(svc, caller(days=2))
    assert [f.filename for f in latest.files] == ["portfolio-data-engineer.md", "portfolio-data-engineer.html"]
    assert read_page(files_of(latest)["portfolio-data-engineer.html"]).texts("item") == [data.text]

    picked = await portfolio.portfolio(svc, caller(days=2), role="backend")
    assert [f.filename for f in picked.files] == FILES
    assert read_page(files_of(picked)[FILES[1]]).texts("item") == [GIT]

    with pytest.raises(UserError, match="You aren't following Frontend Engineer"):
        await portfolio.portfolio(svc, caller(days=2), role="frontend-engineer")


async def test_a_finished_path_says_when(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    items = svc.content.index.roles[ROLE].checklist
    for n, item in enumerate(items):
        await svc.store.set_item_done(ANN, ROLE, item.id, NOW + timedelta(days=n))
    await svc.store.set_item_done(ANN, ROLE, "an-item-the-file-no-longer-has", NOW)  # not counted

    reply = await portfolio.portfolio(svc, caller(days=30))

    finished = (NOW + timedelta(days=len(items) - 1)).date().isoformat()
    assert f"15 of 15 items finished (100%), finished on {finished}." in reply.content
    page = read_page(files_of(reply)[FILES[1]])
    assert dict(zip(page.by_tag["dt"], page.by_tag["dd"], strict=True))["Finished"] == finished
    assert len(page.texts("item")) == 15


async def test_a_portfolio_too_big_for_discord_says_so(svc: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    await progress.done(svc, caller(), GIT)
    monkeypatch.setattr(portfolio, "MAX_UPLOAD_BYTES", 1024 * 1024 // 2)  # the real files are a few kB
    monkeypatch.setattr("bot.render.portfolio.portfolio_html", lambda p: "x" * (1024 * 1024))

    with pytest.raises(
        UserError,
        match=r"Your portfolio of Backend Engineer is 1\.0 MB, more than Discord takes in one message \(0\.5 MB\)",
    ):
        await portfolio.portfolio(svc, caller())


@pytest.fixture
async def self_paced(tmp_path: Path) -> AsyncIterator[Services]:
    holder = ContentHolder.load(self_paced_content(tmp_path / "content"), NOW)
    async with await Store.open(tmp_path / "db.sqlite3") as store:
        yield Services(holder, store)


async def test_a_self_paced_path_has_a_portfolio_and_one_without_a_checklist_says_so(self_paced: Services) -> None:
    await learning.start_learning(self_paced, caller(), SELF_PACED)
    first = self_paced.content.index.roles[SELF_PACED].checklist[0]
    await progress.done(self_paced, caller(), f"{SELF_PACED}:{first.id}", "https://leetcode.com/u/ann")
    reply = await portfolio.portfolio(self_paced, caller())
    page = read_page(files_of(reply)[f"portfolio-{SELF_PACED}.html"])
    assert page.by_tag["h2"][0].startswith(first.group)
    assert page.texts("item") == [first.text]
    assert page.links == [("https://leetcode.com/u/ann", "https://leetcode.com/u/ann")]

    await learning.start_learning(self_paced, caller(days=1), NO_CHECKLIST)
    empty = await portfolio.portfolio(self_paced, caller(days=1), role=NO_CHECKLIST)
    assert empty.files == ()
    assert empty.content == "Self-Taught Computer Science has no checklist, so there is nothing to put in a portfolio."


async def test_a_path_name_with_markup_shows_as_written(svc: Services) -> None:
    await learning.start_learning(svc, caller(), ROLE)
    await progress.done(svc, caller(), GIT)
    marked = replace(svc.content.index.roles[ROLE], display_name="**Back**end @everyone")
    svc.content.swap(svc.content.index.__class__(roles={ROLE: marked}), NOW)

    reply = await portfolio.portfolio(svc, caller(), share=True)

    assert "portfolio · \\*\\*Back\\*\\*end @\u200beveryone: 1 of 15 items" in reply.content
    assert read_page(files_of(reply)[FILES[1]]).by_tag["h1"] == ["**Back**end @everyone"]
