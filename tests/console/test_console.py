"""The offline console driven in-process: commands, options, clicks, users, the clock, errors."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from bot import console as console_module
from bot.console import Console, parse_options, run_console, user_id_for
from bot.content.holder import ContentHolder
from bot.services import Services, UserError
from tests.console.conftest import CONTENT_DIR, NOW, Session
from tests.handlers.roles import long_role

ONLY_YOU = "(only you)"


# ---------------------------------------------------------------- commands and options


async def test_start_learning_prints_the_welcome(run: Session) -> None:
    out = await run("/start-learning role:backend-engineer")
    assert out.startswith(f"{ONLY_YOU}\n\nBackend Engineer · Welcome aboard!\n")
    assert "Where you are: Week 1 of 36 · Phase 1 (weeks 1-4)" in out
    assert out.rstrip().endswith("[This week] [Checklist] [Turn reminders off]")


async def test_option_values_may_have_spaces(run: Session) -> None:
    out = await run("/start-learning role:Backend Engineer pace:full_time_accelerated start:today")
    assert "Backend Engineer · Welcome aboard!" in out
    assert "Week 1 of 22" in out


async def test_options_in_any_order(run: Session) -> None:
    out = await run("/start-learning pace:complete_beginner role:backend-engineer")
    assert "Week 1 of 46" in out


async def test_proof_link_with_colons_is_one_value(run: Session) -> None:
    await run("/start-learning role:backend-engineer")
    out = await run("/done item:Use git professionally proof:https://github.com/me/repo?a=b:c#L1")
    assert "Ticked: **Use git professionally** (Backend Engineer › Phase 1: Foundations)" in out
    assert "Proof: <https://github.com/me/repo?a=b:c#L1>" in out


def test_parse_options_splits_at_known_names_only() -> None:
    names = ("item", "proof")
    assert parse_options("item:Build a REST API: auth proof:https://x.org/a:b", names) == {
        "item": "Build a REST API: auth",
        "proof": "https://x.org/a:b",
    }
    assert parse_options("  ", names) == {}
    assert parse_options("item:  spaced out  ", names) == {"item": "spaced out"}
    assert parse_options("item:see std::vector, 1:2", names) == {"item": "see std::vector, 1:2"}
    with pytest.raises(UserError, match="Unknown option 'colour'"):
        parse_options("item:x colour:blue", names)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "/start-learning role:backend-engineer colour:blue",
            "Unknown option 'colour'; this command takes role, pace, start.",
        ),
        ("/start-learning rol:backend-engineer", "Unknown option 'rol'; this command takes role, pace, start."),
        ("/start-learning backend-engineer", "Options are written name:value; this command takes role, pace, start."),
        ("/roles me", "This command takes no options (got 'me')."),
        ("/frobnicate", "Unknown command '/frobnicate'. Try /help."),
        ("/content", "/content needs one of: reload, status, validate."),
        ("/content frob", "/content needs one of: reload, status, validate."),
        ("/my-data", "/my-data needs one of: export, delete."),
        ("/phase number:three", "number must be a whole number, got 'three'."),
        ("/phase number:-1", "number must be between 0 and 99, got -1."),
        ("/phase number:0 role:backend-engineer", "Backend Engineer has no phase 0. Its phases are 1, 2, 3, 4, 5, 6."),
        ("/progress share:maybe", "share must be true or false, got 'maybe'."),
        ("hello there", "Unknown input 'hello there'. Commands start with /"),
        (":user", "Say who: `:user NAME`."),
        ("/start-learning", "/start-learning needs role:…."),
        ("/start-learning pace:complete_beginner", "/start-learning needs role:…."),
        ("/skill-deep-dive role:backend-engineer", "/skill-deep-dive needs topic:…."),
        ("/done proof:https://x.org", "/done needs item:…."),
        ("/start-learning role:", "Which path? Name a role"),
        ("/progress member:@", "member needs a name, e.g. member:alice."),
    ],
)
async def test_mistakes_get_a_clear_message(run: Session, line: str, message: str) -> None:
    out = await run(line)
    assert out.startswith(f"{ONLY_YOU}\n\n❌ ")
    assert message in out


async def test_user_errors_from_handlers_are_shown(run: Session) -> None:
    out = await run("/start-learning role:bakend")
    assert "❌ No role called 'bakend'. Did you mean **Backend Engineer**" in out


async def test_group_subcommands(run: Session) -> None:
    await run("/start-learning role:backend-engineer")
    out = await run("/my-data export")
    assert "Here is everything Waymark stores about you." in out
    assert f"(file: waymark-data-{user_id_for('learner')}.json," in out
    assert "Content status" in await run("/content status")
    assert "Content check" in await run("/content validate")
    assert "Content reloaded" in await run("/content reload")


async def test_blank_and_comment_lines_print_nothing(run: Session) -> None:
    assert await run("") == ""
    assert await run("   ") == ""
    assert await run("# a note") == ""


# ---------------------------------------------------------------- click and select


async def test_click_a_button_by_label_or_prefix(run: Session) -> None:
    await run("/start-learning role:backend-engineer")
    out = await run("click checklist")
    assert "Backend Engineer · checklist" in out
    await run("/start-learning role:backend-engineer")
    out = await run("click This")
    assert out.startswith(f"{ONLY_YOU}\n\nToday · Backend Engineer · week 1 of 36")


async def test_select_ticks_and_selecting_again_unticks(run: Session) -> None:
    await run("/start-learning role:backend-engineer", "/checklist")
    out = await run("select Use git professionally")
    assert "✅ Use git professionally" in out
    assert "2. Use git professionally (selected)" in out
    out = await run("select Understand HTTP")  # by prefix, in the same menu
    assert "2/15" in out
    out = await run("select Use git professionally")
    assert "⬜ Use git professionally" in out
    assert "1/15" in out


async def test_select_takes_the_number_an_option_is_printed_with_in_a_lone_menu(run: Session) -> None:
    out = await run("/skill-deep-dive topic:docker")
    second = out.split("\n  2. ", 1)[1].split(" - ", 1)[0]
    assert (await run("select 2")).split("\n")[2] == second  # the card's title
    out = await run("/start-learning role:backend-engineer", "/checklist")  # four menus: a number names none
    first = out.split("\n  1. ", 1)[1].split("\n", 1)[0].removesuffix(" (selected)")
    assert (
        f"❌ The last reply has 4 menus, so a number does not say which: select an option by its words, like select "
        f"{first}." in await run("select 1")
    )


async def test_missing_label_lists_the_buttons(run: Session) -> None:
    await run("/start-learning role:backend-engineer")
    out = await run("click Frobnicate")
    assert (
        "❌ No button 'Frobnicate' on the last reply. Buttons: [This week], [Checklist], [Turn reminders off]." in out
    )
    assert "❌ No menu option 'Nope' on the last reply." in await run("select Nope")


async def test_click_without_a_last_reply(run: Session) -> None:
    assert "❌ The last reply has no buttons or menus." in await run("click Checklist")
    await run("/help")
    assert "❌ The last reply has no buttons or menus." in await run("select anything")


async def test_disabled_button_is_not_pressed(services: Services, tmp_path: Path) -> None:
    folder = tmp_path / "long"
    folder.mkdir()
    (folder / "long-role.md").write_text(long_role(), encoding="utf-8")
    console = Console(Services(ContentHolder.load(folder, NOW), services.store), "learner", NOW)
    first = await console.handle_line("/skill-deep-dive topic:Field Notes")
    assert "[◀ Previous (disabled)] [Next ▶]" in first
    assert "❌ [◀ Previous] is disabled." in await console.handle_line("click ◀ Previous")
    second = await console.handle_line("click Next")
    assert "· Page 2/" in second


async def test_forget_needs_the_confirm_button(run: Session) -> None:
    await run("/start-learning role:backend-engineer", "/done item:Use git professionally")
    out = await run("/stop-learning role:backend-engineer forget:yes")
    assert "[Stop and forget] [Cancel]" in out
    assert "Cancelled: nothing changed." in await run("click Cancel")
    assert "1/15" in await run("/progress")
    await run("/stop-learning role:backend-engineer forget:true")
    assert "1 ticked item was forgotten" in await run("click Stop and forget")


# ---------------------------------------------------------------- users and the clock


async def test_user_switching_keeps_progress_apart(run: Session) -> None:
    assert await run(":user alice") == "(you are now alice)"
    await run("/start-learning role:backend-engineer", "/done item:Use git professionally")
    await run(":user bob")
    out = await run("/start-learning role:backend-engineer")
    assert "Welcome aboard!" in out
    assert "0/15" in await run("/progress")
    assert "❌ alice hasn't made their progress visible." in await run("/progress member:@alice")
    await run(":user alice")
    mine = await run("/progress")
    assert "alice · Backend Engineer" in mine
    assert "1/15" in mine
    await run("click Let others see my progress")
    await run(":user bob")
    theirs = await run("/progress member:alice")
    assert "alice · Backend Engineer" in theirs
    assert "1/15" in theirs


async def test_delete_button_of_another_user_is_refused(run: Session) -> None:
    await run(":user alice", "/start-learning role:backend-engineer", "/my-data delete", ":user mallory")
    assert "❌ This button belongs to someone else." in await run("click Delete everything")
    await run(":user alice")
    assert "Deleted:" in await run("click Delete everything")


def test_user_ids_are_stable_and_case_insensitive() -> None:
    assert user_id_for("Alice") == user_id_for("alice") != user_id_for("bob")
    assert 0 < user_id_for("alice") < 2**63


@pytest.mark.parametrize(("days", "week"), [(0, "Week 1 of 36"), (28, "Week 5 of 36"), (84, "Week 13 of 36")])
async def test_the_clock_sets_the_week(services: Services, days: int, week: str) -> None:
    start = Console(services, "learner", NOW)
    await start.handle_line("/start-learning role:backend-engineer")
    later = Console(services, "learner", NOW + timedelta(days=days))
    assert week in await later.handle_line("/progress")


async def test_today_and_progress_a_week_apart(services: Services) -> None:
    await Console(services, "learner", NOW).handle_line("/start-learning role:backend-engineer")
    later = Console(services, "learner", NOW + timedelta(days=14))
    out = await later.handle_line("/today")
    assert out.startswith(f"{ONLY_YOU}\n\nToday · Backend Engineer · week 3 of 36\n")
    assert "Part 3 of 4 of this phase\n\n- Data structures & algorithms" in out
    assert "Open items in this phase:\n  ⬜ Understand HTTP and web protocols\n  ⬜ Use git professionally\n" in out
    assert "Next step: Work on **Understand HTTP and web protocols**, then tick it with `/done`." in out
    assert out.endswith("[Whole phase] [Checklist] [I worked on this]")
    assert "Internet fundamentals" in await later.handle_line("click Whole phase")
    out = await later.handle_line("/progress")
    # Phase 1's first item fell due at the end of week 2: less than a week ago, nothing is a week overdue yet
    assert "Finish: 2027-08-05\nPace: on track\n" in out
    assert "Pace: behind by 1 week\n" in await Console(services, "learner", NOW + timedelta(days=21)).handle_line(
        "/progress"
    )


async def test_only_you_marks_ephemeral_replies(run: Session) -> None:
    await run("/start-learning role:backend-engineer")
    assert (await run("/progress")).startswith(ONLY_YOU)
    shared = await run("/progress share:true")
    assert ONLY_YOU not in shared
    assert shared.startswith("learner · Backend Engineer")


# ---------------------------------------------------------------- failures and the run loop


async def test_unexpected_exception_prints_an_error_id_and_carries_on(
    run: Session, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(svc: Services, caller: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setitem(console_module.COMMANDS, "help", replace(console_module.COMMANDS["help"], handler=broken))
    out = await run("/help")
    assert out.startswith(f"{ONLY_YOU}\n\nSomething went wrong (error ID ")
    error_id = out.split("error ID ")[1].split(")")[0]
    assert len(error_id) == 8
    assert "boom" not in out
    assert error_id in caplog.text  # the log has the details under the same ID
    assert "Welcome aboard!" in await run("/start-learning role:backend-engineer")


async def test_unexpected_exception_in_a_click(run: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    await run("/start-learning role:backend-engineer")

    async def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("gone")

    monkeypatch.setattr(console_module, "components", broken)
    assert "Something went wrong (error ID " in await run("click Checklist")


async def test_run_console_echoes_each_line_and_exits_0(tmp_path: Path) -> None:
    stdin = io.StringIO("/start-learning role:backend-engineer\n\n# comment\n/frobnicate\n/progress\n")
    stdout = io.StringIO()
    code = await run_console(CONTENT_DIR, tmp_path / "db.sqlite3", "learner", NOW, stdin, stdout)
    assert code == 0
    out = stdout.getvalue()
    assert out.startswith("> /start-learning role:backend-engineer\n(only you)\n\nBackend Engineer · Welcome aboard!")
    assert "> /frobnicate\n(only you)\n\n❌ Unknown command" in out
    assert "> /progress\n(only you)\n\nlearner · Backend Engineer" in out
    assert "# comment" not in out
    assert out.endswith("\n\n")


async def test_run_console_on_empty_input(tmp_path: Path) -> None:
    stdout = io.StringIO()
    assert await run_console(CONTENT_DIR, tmp_path / "db.sqlite3", "x", NOW, io.StringIO(""), stdout) == 0
    assert stdout.getvalue() == ""


async def test_a_deep_dive_gives_a_phase_weeks_at_the_learner_pace(run):
    """The footer's weeks agree with the note's: both at the learner's pace, not as the role file writes them."""
    await run("/start-learning role:backend-engineer pace:full time")
    week = await run("/skill-deep-dive topic:week 14")
    assert "Week 14 of Backend Engineer at your pace is in Phase 4: API Development (weeks 12-15)." in week
    assert "[Backend Engineer · Phase 4 · weeks 12-15]" in week
    topic = await run("/skill-deep-dive topic:graphql role:backend-engineer")
    assert "[Backend Engineer · Phase 4 · weeks 12-15]" in topic
    written = await run(":user newcomer", "/skill-deep-dive topic:graphql role:backend-engineer")
    assert "[Backend Engineer · Phase 4 · weeks 19-24]" in written  # someone not on the path: weeks as written
