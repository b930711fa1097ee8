"""/content status|validate|reload: moderators only; a broken file never replaces good content;
progress on removed or reworded checklist items is reported and kept."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot import components
from bot.content.holder import ContentHolder, PhaseChange, PhaseFacts
from bot.handlers import content_admin, learning, progress
from bot.render import Reply
from bot.render.limits import MAX_EMBED_TOTAL
from bot.services import Services, UserError
from bot.store import Store
from tests.handlers.conftest import ANN, BOB, NOW, caller, selects, text

ROLE = "backend-engineer"
GIT = "Use git professionally"
MOD = caller(999, "mod", moderator=True, days=1)


@pytest.fixture
def live(content_copy: Path, store: Store) -> Services:
    """Services over a private copy of the content, which tests edit before reloading."""
    return Services(ContentHolder.load(content_copy, NOW), store)


def edit(folder: Path, old: str, new: str, name: str = f"{ROLE}.md") -> None:
    path = folder / name
    before = path.read_text(encoding="utf-8")
    assert before.count(old) == 1, old
    path.write_text(before.replace(old, new), encoding="utf-8")


def fields_of(reply: Reply) -> dict[str, str]:
    return {f.name: f.value for card in reply.cards for f in card.fields}


def line_of(folder: Path, needle: str, name: str = f"{ROLE}.md") -> int:
    lines = (folder / name).read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if needle in line)


async def tick(svc: Services, user: int, label: str) -> str:
    item = next(i for i in svc.content.index.roles[ROLE].checklist if i.text == label)
    await learning.start_learning(svc, caller(user, f"u{user}"), ROLE)
    await svc.store.set_item_done(user, ROLE, item.id, NOW)
    return item.id


@pytest.mark.parametrize("handler", [content_admin.reload, content_admin.status, content_admin.validate])
async def test_only_moderators_manage_content(live: Services, handler) -> None:
    before = live.content.index
    with pytest.raises(UserError, match="Only moderators"):
        await handler(live, caller())
    assert live.content.index is before


async def test_status_lists_what_is_loaded(live: Services) -> None:
    shown = text(await content_admin.status(live, MOD))
    assert "Content status" in shown
    for name in live.content.index.roles:
        assert name in shown
    assert "Loaded: 2026-11-27T10:00:00+00:00" in shown


async def test_reload_without_changes(live: Services) -> None:
    reply = await content_admin.reload(live, MOD)
    shown = text(reply)
    assert "Content reloaded" in shown
    assert "Reloaded: 6 roles are live. No progress was deleted." in shown
    assert "Changes: No roles, phases or checklist items change." in shown
    assert live.content.loaded_at == MOD.now


async def test_broken_file_is_refused_and_the_old_content_kept(live: Services, content_copy: Path) -> None:
    await tick(live, ANN, GIT)
    before = live.content.index
    edit(content_copy, "### Phase 3: Databases (Weeks 13-18)", "### Phase 3: Databases (Weeks 10-18)")
    line = line_of(content_copy, "### Phase 3: Databases (Weeks 10-18)")

    reply = await content_admin.reload(live, MOD)

    shown = text(reply)
    assert reply.cards[0].title == "Reload refused"
    assert "Nothing changed: the bot keeps the content it had." in shown
    assert f"`backend-engineer.md:{line}` Phase 3 (weeks 10-18) overlaps Phase 2" in shown
    assert live.content.index is before
    assert ROLE in live.content.index.roles
    # Learners carry on as before.
    assert "Week 1 of 36" in text(await learning.start_learning(live, caller(), ROLE))
    assert "1/15" in text(await progress.checklist_view(live, caller()))
    # /content status says the folder is broken, until a reload goes through.
    status = text(await content_admin.status(live, MOD))
    assert (
        "Last reload refused:\n  2026-11-28T10:00:00+00:00: the folder has 1 error, so the content here stays live. "
        "`/content validate` shows it." in status
    )
    edit(content_copy, "### Phase 3: Databases (Weeks 10-18)", "### Phase 3: Databases (Weeks 13-18)")
    await content_admin.reload(live, MOD)
    assert "Last reload refused" not in text(await content_admin.status(live, MOD))


async def test_broken_front_matter_names_file_and_line(live: Services, content_copy: Path) -> None:
    edit(content_copy, "  full_time_accelerated: 4-6", "  full_time_accelerated: [4-6")
    reply = await content_admin.validate(live, MOD)
    shown = text(reply)
    assert "A reload would be refused: fix the errors below first." in shown
    assert "`backend-engineer.md:" in shown
    assert "invalid YAML" in shown


async def test_validate_shows_the_change_without_making_it(live: Services, content_copy: Path) -> None:
    await tick(live, ANN, GIT)
    edit(content_copy, f"- [ ] {GIT}\n", "")
    reply = await content_admin.validate(live, MOD)
    shown = text(reply)
    assert "A reload would load 6 roles." in shown
    assert f"`backend-engineer` {GIT}" in shown
    assert GIT in [i.text for i in live.content.index.roles[ROLE].checklist]


async def test_removed_item_orphans_progress_which_comes_back_with_the_item(live: Services, content_copy: Path) -> None:
    git = await tick(live, ANN, GIT)
    await tick(live, BOB, GIT)
    original = (content_copy / f"{ROLE}.md").read_text(encoding="utf-8")
    edit(content_copy, f"- [ ] {GIT}\n", "")

    reply = await content_admin.reload(live, MOD)

    shown = text(reply)
    assert "Content reloaded" in shown
    assert f"Checklist items removed: `backend-engineer` {GIT}" in shown
    assert "Progress orphaned (kept, and back if the item returns)" in shown  # it is done: no 'would be'
    assert f"`backend-engineer` · {GIT}: 2 learners" in shown
    # Kept in the store, though the checklist no longer shows it.
    assert git in await live.store.get_progress(ANN, ROLE)
    checklist = await progress.checklist_view(live, caller())
    assert "0/14" in text(checklist)
    assert GIT not in text(checklist)

    (content_copy / f"{ROLE}.md").write_text(original, encoding="utf-8")
    back = await content_admin.reload(live, MOD)
    assert f"Checklist items added: `backend-engineer` {GIT}" in text(back)
    assert f"Progress back (the ticks of items that returned):\n  `backend-engineer` · {GIT}: 2 learners" in text(back)
    checklist = await progress.checklist_view(live, caller())
    assert f"✅ {GIT}" in text(checklist)
    assert "1/15" in text(checklist)
    assert git in {o.value for o in selects(checklist)[0].options if o.default}


async def test_reworded_item_is_reported_with_the_id_to_keep(live: Services, content_copy: Path) -> None:
    git = await tick(live, ANN, GIT)
    edit(content_copy, f"- [ ] {GIT}\n", "- [ ] Use git and GitHub professionally\n")

    reply = await content_admin.reload(live, MOD)

    shown = text(reply)
    assert "Checklist items reworded" in shown
    assert f"{GIT} → Use git and GitHub professionally (keep progress: end it with `{{#{git}}}`)" in shown
    assert "`backend-engineer` · Use git professionally: 1 learner" in shown
    # Reworded, it is neither listed as removed nor as added.
    assert "Checklist items removed" not in shown
    assert "Checklist items added" not in shown
    assert "0/15" in text(await progress.checklist_view(live, caller()))

    # Following the hint brings the progress back.
    edit(
        content_copy,
        "- [ ] Use git and GitHub professionally\n",
        f"- [ ] Use git and GitHub professionally {{#{git}}}\n",
    )
    again = text(await content_admin.reload(live, MOD))
    assert "orphaned" not in again
    # The same words, the ID given back: no other ID is suggested, and the tick is said to be back.
    assert "keep progress" not in again
    assert "Progress back (the ticks of items that returned):\n  `backend-engineer` · Use git and GitHub" in again
    checklist = text(await progress.checklist_view(live, caller()))
    assert "✅ Use git and GitHub professionally" in checklist
    assert "1/15" in checklist


async def test_small_rewording_keeps_the_id(live: Services, content_copy: Path) -> None:
    await tick(live, ANN, GIT)
    edit(content_copy, f"- [ ] {GIT}\n", "- [ ] Use Git, professionally.\n")
    shown = text(await content_admin.reload(live, MOD))
    assert "Changes: No roles, phases or checklist items change." in shown
    assert "✅ Use Git, professionally." in text(await progress.checklist_view(live, caller()))


async def test_removed_role_is_reported_and_its_learners_told(live: Services, content_copy: Path) -> None:
    await tick(live, ANN, GIT)
    (content_copy / f"{ROLE}.md").unlink()
    shown = text(await content_admin.reload(live, MOD))
    assert "Roles removed: backend-engineer" in shown
    assert f"`backend-engineer` · {GIT}: 1 learner" in shown
    assert "Reloaded: 5 roles are live." in shown
    with pytest.raises(UserError, match="is not in the content any more"):
        await progress.checklist_view(live, caller())
    assert len(await live.store.get_progress(ANN, ROLE)) == 1


async def test_added_role_is_live_after_reload(live: Services, content_copy: Path) -> None:
    twin = (content_copy / f"{ROLE}.md").read_text(encoding="utf-8")
    twin = twin.replace("name: backend-engineer", "name: api-engineer").replace(
        "displayName: Backend Engineer", "displayName: API Engineer"
    )
    (content_copy / "api-engineer.md").write_text(twin, encoding="utf-8")
    with pytest.raises(UserError):
        await learning.start_learning(live, caller(), "api-engineer")
    assert "Roles added: api-engineer" in text(await content_admin.reload(live, MOD))
    assert "API Engineer · Welcome aboard!" in text(await learning.start_learning(live, caller(), "api-engineer"))


async def test_a_menu_pick_of_a_removed_role_says_it_is_gone(live: Services, content_copy: Path) -> None:
    reply = await learning.skill_deep_dive(live, caller(), "postgress")
    menu = selects(reply)[0]
    option = next(o for o in menu.options if o.description and o.description.startswith("Data Engineer ·"))
    (content_copy / "data-engineer.md").unlink()
    await content_admin.reload(live, MOD)
    with pytest.raises(UserError, match="That section is gone after a content update"):
        await components.handle(live, caller(), menu.custom_id, [option.value])
    # A pick in a role still there works.
    kept = next(o for o in menu.options if o.description and o.description.startswith("Backend Engineer ·"))
    response = await components.handle(live, caller(), menu.custom_id, [kept.value])
    assert response.reply.cards[0].title == kept.label


async def test_missing_content_folder_is_refused(live: Services, content_copy: Path) -> None:
    shutil.rmtree(content_copy)
    reply = await content_admin.reload(live, MOD)
    assert reply.cards[0].title == "Reload refused"
    assert "does not exist" in text(reply)
    assert len(live.content.index.roles) == 6


def change_everything(folder: Path) -> None:
    for n, path in enumerate(sorted(folder.glob("*.md"))):
        body = path.read_text(encoding="utf-8")
        if n in (0, 2):  # broken: every phase numbered 1
            body = re.sub(r"### Phase (\d+): ", "### Phase 1: ", body)
        elif n % 2:  # every item reworded, and unknown front-matter fields
            body = re.sub(r"^- \[ \] (.*)$", r"- [ ] \1 thoroughly and carefully", body, flags=re.M)
            body = body.replace("---\n", "---\nfoo: 1\nbar: 2\nbaz: 3\nqux: 4\n", 1)
        else:  # every item replaced
            body = re.sub(r"^- \[ \] (.*)$", lambda m: f"- [ ] Brand new zebra {m.group(1)[::-1]}", body, flags=re.M)
        path.write_text(body, encoding="utf-8")


async def test_a_report_of_many_changes_keeps_every_part(live: Services, content_copy: Path) -> None:
    for role in live.content.index.roles.values():
        for item in role.checklist:
            await live.store.set_item_done(ANN, role.name, item.id, NOW)
    change_everything(content_copy)

    reply = await content_admin.validate(live, MOD)

    [card] = reply.cards
    assert reply.embed_length <= MAX_EMBED_TOTAL
    names = [f.name.split(" (")[0] for f in card.fields]
    assert names == [
        "Errors",
        "Roles removed",
        "Checklist items reworded",
        "Checklist items added",
        "Checklist items removed",
        "Progress that would be orphaned",
        "New warnings",
    ]
    shortened = [f for f in card.fields if f.value.endswith("…(shortened: run `waymark content check` for all)")]
    assert shortened


async def test_two_items_merged_into_one_give_one_rename_hint(live: Services, content_copy: Path) -> None:
    git = await tick(live, ANN, GIT)
    edit(content_copy, f"- [ ] {GIT}\n", "")
    edit(
        content_copy,
        "- [ ] Optimize database queries\n",
        "- [ ] Use git professionally and optimize database queries\n",
    )

    shown = text(await content_admin.validate(live, MOD))

    # The closest old item is the one reworded; the other is removed, and neither is both.
    assert (
        f"{GIT} → Use git professionally and optimize database queries (keep progress: end it with `{{#{git}}}`)"
        in shown
    )
    assert "Optimize database queries →" not in shown
    assert "Checklist items removed: `backend-engineer` Optimize database queries" in shown
    assert "Checklist items added" not in shown


async def test_phase_changes_are_shown_before_and_after_a_reload(live: Services, content_copy: Path) -> None:
    edit(content_copy, "### Phase 3: Databases (Weeks 13-18)", "### Phase 3: Data Stores (Weeks 13-18)")
    edit(content_copy, "**Objective:** Master SQL and NoSQL databases", "**Objective:** Model data in SQL and NoSQL")
    edit(
        content_copy,
        "### Phase 6: Advanced Patterns & Systems (Weeks 29-36)",
        "### Phase 6: Advanced Patterns & Systems (Weeks 29-40)",
    )
    expected = (
        "`backend-engineer` Phase 3 Databases: title → Data Stores · objective → Model data in SQL and NoSQL\n"
        "`backend-engineer` Phase 6 Advanced Patterns & Systems: weeks 29-36 → weeks 29-40"
    )

    checked = await content_admin.validate(live, MOD)
    assert fields_of(checked) == {"Phases changed": expected}
    assert live.content.index.roles[ROLE].phase(3).title == "Databases"

    reloaded = await content_admin.reload(live, MOD)
    assert "Reloaded: 6 roles are live." in text(reloaded)
    assert fields_of(reloaded) == {"Phases changed": expected}
    assert live.content.index.roles[ROLE].phase(3).title == "Data Stores"
    assert "Week 1 of 40" in text(await learning.start_learning(live, caller(), ROLE))


async def test_a_phase_removed_and_one_added_are_both_shown(live: Services, content_copy: Path) -> None:
    body = (content_copy / f"{ROLE}.md").read_text(encoding="utf-8")
    body = body.replace("### Phase 6: Advanced Patterns & Systems (Weeks 29-36)", "### Phase 7: Capstone (Weeks 29-36)")
    (content_copy / f"{ROLE}.md").write_text(body, encoding="utf-8")

    shown = fields_of(await content_admin.validate(live, MOD))

    assert shown["Phases changed"] == (
        "`backend-engineer` Phase 6 removed: Advanced Patterns & Systems (weeks 29-36)\n"
        "`backend-engineer` Phase 7 added: Capstone (weeks 29-36)"
    )


def add_practice_and_rename_phases(folder: Path) -> None:
    """Every role gets 600 new checklist items and new phase titles."""
    for path in sorted(folder.glob("*.md")):
        body = path.read_text(encoding="utf-8")
        body = re.sub(r"### Phase (\d+): ", r"### Phase \1: Renamed ", body)
        extra = "".join(f"- [ ] Practise topic number {n} of {path.stem}\n" for n in range(600))
        path.write_text(body + "\n### More practice\n" + extra, encoding="utf-8")


async def test_a_report_of_thousands_of_changes_fits_one_message(live: Services, content_copy: Path) -> None:
    add_practice_and_rename_phases(content_copy)

    reply = await content_admin.validate(live, MOD)

    assert len(reply.cards) == 1
    assert reply.embed_length <= MAX_EMBED_TOTAL
    # Each list shows its first lines and how many more there are.
    fields = fields_of(reply)
    assert fields["Checklist items added"].endswith("\n…and 3585 more (run `waymark content check`)")
    # Phase lines are longer: as many whole lines as fit, then how many more.
    phases = fields["Phases changed"].split("\n")
    assert phases[-1].startswith("…and ") and phases[-1].endswith(" more (run `waymark content check`)")
    assert all(line.startswith("`") and "…" not in line for line in phases[:-1])
    every_phase = sum(len(r.phases) for r in live.content.index.roles.values())
    assert len(phases[:-1]) + int(phases[-1].split()[1]) == every_phase


def test_a_phase_without_a_title_is_named_by_its_number() -> None:
    untitled, titled = PhaseFacts(2, "", 5, 8, None), PhaseFacts(2, "Databases", 5, 9, "Learn SQL")
    lines = [
        content_admin._phase_line(PhaseChange(ROLE, 2, None, untitled)),
        content_admin._phase_line(PhaseChange(ROLE, 2, untitled, None)),
        content_admin._phase_line(PhaseChange(ROLE, 2, untitled, titled)),
        content_admin._phase_line(PhaseChange(ROLE, 2, titled, untitled)),
    ]
    assert lines == [
        "`backend-engineer` Phase 2 added (weeks 5-8)",
        "`backend-engineer` Phase 2 removed (weeks 5-8)",
        "`backend-engineer` Phase 2: weeks 5-8 → weeks 5-9 · title → Databases · objective → Learn SQL",
        "`backend-engineer` Phase 2 Databases: weeks 5-9 → weeks 5-8 · title removed · objective removed",
    ]


SELF_PACED = "---\nname: reading-list\ndisplayName: Reading List\ndescription: Books\n---\n# Books\n\n- [ ] Read SICP\n"


async def test_a_reload_lists_new_warnings_and_counts_the_ones_the_live_content_has(
    live: Services, content_copy: Path
) -> None:
    (content_copy / "reading-list.md").write_text(SELF_PACED, encoding="utf-8")
    first = fields_of(await content_admin.reload(live, MOD))
    assert "self-paced path" in first["New warnings (1)"]
    assert not any(name.startswith("Warnings as before") for name in first)

    again = fields_of(await content_admin.reload(live, MOD))
    assert not any(name.startswith("New warnings") for name in again)
    assert again["Warnings as before (1)"] == "In `reading-list.md`: `/content status` lists them."

    # A new problem in another file is listed; the known one is still only counted, whatever line it moved to.
    edit(
        content_copy,
        "## 🎯 Who Should Choose This Path",
        "## 🎯 Who Should Choose This Path\n\n[a page](docs/page.md)\n",
    )
    (content_copy / "reading-list.md").write_text(SELF_PACED.replace("# Books", "# Books\n\nIntro."), encoding="utf-8")
    checked = fields_of(await content_admin.validate(live, MOD))
    assert "relative link" in checked["New warnings (1)"]
    assert checked["Warnings as before (1)"] == "In `reading-list.md`: `/content status` lists them."
    status = fields_of(await content_admin.status(live, MOD))
    assert "self-paced path" in status["Warnings (1)"]
