"""Every reply fits Discord's limits (checked when a Reply is built), even for a role with very long texts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot import commands as declared
from bot import components
from bot.content.holder import ContentHolder
from bot.handlers import content_admin, learning, progress, today
from bot.render import Button, Reply, Select
from bot.render.limits import MAX_EMBED_TOTAL
from bot.services import Caller, Response, Services
from bot.store import Store
from tests.handlers.conftest import NOW, caller, selects, text
from tests.handlers.roles import long_role

ROLE = "long-role"


async def _long_services(tmp_path: Path, **shape: int) -> AsyncIterator[Services]:
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / f"{ROLE}.md").write_text(long_role(ROLE, **shape), encoding="utf-8")
    holder = ContentHolder.load(folder, NOW)
    assert not holder.index.has_errors, [str(p) for p in holder.index.problems]
    async with await Store.open(tmp_path / "db.sqlite3") as store:
        yield Services(holder, store)


@pytest.fixture
async def long_svc(tmp_path: Path) -> AsyncIterator[Services]:
    async for svc in _long_services(tmp_path):
        yield svc


@pytest.fixture
async def many_groups_svc(tmp_path: Path) -> AsyncIterator[Services]:
    """60 items in 30 groups: 30 menus, so the checklist needs eight pages."""
    async for svc in _long_services(tmp_path, items=60, groups=30):
        yield svc


def assert_fits(reply: Reply) -> None:
    assert reply.embed_length <= MAX_EMBED_TOTAL
    assert text(reply)


async def click_everything(svc: Services, who: Caller, reply: Reply, depth: int = 2) -> int:
    """Press every enabled button and submit every menu (first option) reachable from a reply."""
    pressed = 0
    if depth == 0:
        return pressed
    for row in reply.rows:
        targets: list[tuple[str, list[str]]]
        if isinstance(row, Select):
            targets = [(row.custom_id, [row.options[0].value])]
        else:
            targets = [(b.custom_id, []) for b in row if isinstance(b, Button) and b.custom_id and not b.disabled]
        for custom_id, values in targets:
            response = await components.handle(svc, who, custom_id, values)
            assert isinstance(response, Response)
            assert_fits(response.reply)
            pressed += 1 + await click_everything(svc, who, response.reply, depth - 1)
    return pressed


async def test_long_role_renders_everywhere(long_svc: Services) -> None:
    svc = long_svc
    who = caller(moderator=True)
    for pace, headline in ((None, "Welcome aboard"), ("slow", "New pace"), ("fast", "New pace")):
        reply = await learning.start_learning(svc, who, ROLE, pace=pace)
        assert_fits(reply)
        assert headline in reply.cards[0].title
    later = caller(days=20, moderator=True)
    replies = [
        await today.today(svc, later, ROLE),
        await learning.phase_view(svc, later),
        await learning.phase_view(svc, later, 12, ROLE),
        await learning.skill_deep_dive(svc, later, "Field Notes"),
        await learning.skill_deep_dive(svc, later, "Topic p3t4"),
        await learning.skill_deep_dive(svc, later, "lorem ipsum"),
        await learning.roles_list(svc, later),
        await declared.help_reply(svc, later),
        await declared.help_reply(svc, later, "group create"),
        await progress.checklist_view(svc, later),
        await progress.done(
            svc, later, f"{ROLE}:{svc.content.index.roles[ROLE].checklist[5].id}", "https://e.org/" + "p" * 480
        ),
        await progress.progress(svc, later),
        await progress.export_data(svc, later),
        await content_admin.status(svc, later),
        await content_admin.validate(svc, later),
        await learning.stop_learning(svc, later, ROLE, forget=True),
    ]
    for reply in replies:
        assert_fits(reply)
    for reply in replies[:9]:
        await click_everything(svc, later, reply)


async def test_long_description_is_shortened_to_fit_the_welcome(long_svc: Services) -> None:
    reply = await learning.start_learning(long_svc, caller(), ROLE)
    card = reply.cards[0]
    assert card.length <= MAX_EMBED_TOTAL
    assert card.description is not None
    assert card.description.endswith("…")
    assert [f.name.split(" · ")[0] for f in card.fields] == ["Where you are", "The path", "This week's focus"]


async def test_sixty_items_in_one_group_are_all_tickable(long_svc: Services) -> None:
    svc = long_svc
    await learning.start_learning(svc, caller(), ROLE)
    # 25 items of 150 characters fill a page's text: a menu a page
    pages = [await progress.checklist_view(svc, caller(), page=n) for n in range(3)]
    menus = [menu for reply in pages for menu in selects(reply)]
    assert [len(m.options) for m in menus] == [25, 25, 10]
    assert "left out" not in (pages[0].cards[0].footer or "")  # they have no links or notes to leave out
    items = svc.content.index.roles[ROLE].checklist
    assert [o.value for m in menus for o in m.options] == [i.id for i in items]
    # Tick all of the second menu at once.
    response = await components.handle(svc, caller(), menus[1].custom_id, [o.value for o in menus[1].options])
    assert "25/60" in text(response)
    assert len(await svc.store.get_progress(101, ROLE)) == 25


async def test_sixty_items_in_thirty_groups_page_through_the_checklist(many_groups_svc: Services) -> None:
    svc = many_groups_svc
    await learning.start_learning(svc, caller(), ROLE)
    reply = await progress.checklist_view(svc, caller())
    seen: list[str] = []
    pages = 0
    while True:
        pages += 1
        assert_fits(reply)
        menus = selects(reply)
        assert 1 <= len(menus) <= 4
        assert len(reply.rows) <= 5
        seen += [o.value for m in menus for o in m.options]
        nxt = next(b for b in reply.buttons if b.label == "Next ▶")
        if nxt.disabled:
            break
        reply = (await components.handle(svc, caller(), nxt.custom_id or "")).reply
    assert pages == 8
    assert seen == [i.id for i in svc.content.index.roles[ROLE].checklist]
    # A menu on the last page ticks its items, and the reply stays on that page.
    last = selects(reply)[-1]
    response = await components.handle(svc, caller(), last.custom_id, [last.options[0].value])
    assert "Page 8/8" in text(response)
    assert last.options[0].value in await svc.store.get_progress(101, ROLE)
