"""Reminders speak the language of whom they go to: a learner's latest command or click, a study group's server.

No interaction says the language of a reminder, so it is stored: `Services.remember_locale` records it after each
command and click, at most one write per change. The reminder is composed (and sent) in it: the composers are
wrapped here to see the language they run in, whatever their strings say in this checkout's catalogs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest

from bot import i18n
from bot.console import Console, user_id_for
from bot.handlers import groups, learning, progress
from bot.reminders import scheduler as scheduler_module
from bot.reminders.scheduler import Scheduler
from bot.render import Reply
from bot.services import Caller, Services
from bot.store import Store
from bot.store import learners as learners_module
from bot.store.models import StudyGroup
from tests.reminders.conftest import ANN, CHANNEL, MOD, NOW, ROLE, Clock, RecordingSender, caller, travel

SETUP = (
    "/start-learning role:backend-engineer",
    "/remind set day:monday time:09:00 timezone:Europe/Berlin",
)
MONDAY_9 = datetime(2026, 11, 30, 9, 0, tzinfo=NOW.tzinfo)


@pytest.fixture
def composed_in(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int, str]]:
    """Every reminder the scheduler composes, as (kind, target id, the language it was composed in)."""
    seen: list[tuple[str, int, str]] = []
    real_user, real_group = scheduler_module.compose_user, scheduler_module.compose_group

    async def compose_user(svc: Services, user_id: int, now: datetime, missed: int = 0) -> Any:
        seen.append(("user", user_id, i18n.current()))
        return await real_user(svc, user_id, now, missed)

    async def compose_group(svc: Services, group: StudyGroup, now: datetime, missed: int = 0) -> Any:
        seen.append(("group", group.id, i18n.current()))
        return await real_group(svc, group, now, missed)

    monkeypatch.setattr(scheduler_module, "compose_user", compose_user)
    monkeypatch.setattr(scheduler_module, "compose_group", compose_group)
    return seen


class LanguageSender(RecordingSender):
    """A recording sender that also notes the language each reminder is sent in: (kind, target, language)."""

    def __init__(self, clock: Callable[[], datetime]) -> None:
        super().__init__(clock)
        self.languages: list[tuple[str, int, str]] = []

    async def send_user(self, user_id: int, reply: Reply, nonce: str, due: datetime) -> None:
        self.languages.append(("user", user_id, i18n.current()))
        await super().send_user(user_id, reply, nonce, due)

    async def send_channel(self, channel_id: int, label: str, reply: Reply, nonce: str, due: datetime) -> None:
        self.languages.append(("channel", channel_id, i18n.current()))
        await super().send_channel(channel_id, label, reply, nonce, due)


@pytest.fixture
def counted(svc: Services, monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often the store was asked for a learner and told a learner's language (spies on the store's methods)."""
    calls: Counter[str] = Counter()
    for name in ("get_learner", "set_learner_locale"):
        real = getattr(svc.store, name)

        def spy(*args: Any, _real: Any = real, _name: str = name) -> Any:
            calls[_name] += 1
            return _real(*args)

        monkeypatch.setattr(svc.store, name, spy)
    return calls


def speaking(locale: str, user_id: int = ANN, guild_locale: str | None = None) -> Caller:
    base = caller(user_id)
    return Caller(base.user_id, base.name, base.now, base.guild_id, base.is_moderator, locale, guild_locale)


# --------------------------------------------------------------------------- the console


async def test_a_learner_who_uses_the_console_in_german_gets_their_reminder_in_german(
    svc: Services, composed_in: list[tuple[str, int, str]]
) -> None:
    alice = Console(svc, "alice", NOW, locale="de")
    for line in SETUP:
        await alice.handle_line(line)
    learner = await svc.store.get_learner(user_id_for("alice"))
    assert learner is not None
    assert learner.locale == "de"
    # bob uses it in English, on the same database: each reminder of one pass speaks its learner's language.
    bob = Console(svc, "bob", NOW)
    for line in SETUP:
        await bob.handle_line(line)
    out = await alice.handle_line(":tick 4d")
    assert out.count("reminder to ") == 2
    assert sorted(composed_in) == sorted([("user", user_id_for("alice"), "de"), ("user", user_id_for("bob"), "en")])


async def test_the_console_catch_up_at_start_speaks_each_learner_language(
    svc: Services, composed_in: list[tuple[str, int, str]]
) -> None:
    alice = Console(svc, "alice", NOW, locale="es")
    for line in SETUP:
        await alice.handle_line(line)
    later = Console(svc, "alice", NOW + timedelta(days=4))  # started in English; its catch-up runs before any line
    assert "reminder to alice" in await later.send_due()
    assert composed_in == [("user", user_id_for("alice"), "es")]


async def test_a_learner_who_switches_to_spanish_gets_spanish_from_then_on(
    svc: Services, composed_in: list[tuple[str, int, str]], counted: Counter[str]
) -> None:
    console = Console(svc, "alice", NOW, locale="de")
    for line in SETUP:
        await console.handle_line(line)
    await console.handle_line(":tick 4d")
    console.locale = "es"  # as a later `waymark console --locale es` on the same database
    await console.handle_line("/today")
    await console.handle_line(":tick 7d")
    alice = user_id_for("alice")
    assert composed_in == [("user", alice, "de"), ("user", alice, "es")]
    # /start-learning made her a learner ("en") and recorded "de"; /today recorded "es": two writes in all.
    assert counted["set_learner_locale"] == 2


async def test_clicks_record_the_language_too(svc: Services, counted: Counter[str]) -> None:
    console = Console(svc, "alice", NOW, locale="de")
    await console.handle_line(SETUP[0])
    console.locale = "es"
    await console.handle_line("click Checklist")
    learner = await svc.store.get_learner(user_id_for("alice"))
    assert learner is not None
    assert learner.locale == "es"
    assert counted["set_learner_locale"] == 2


# --------------------------------------------------------------------------- the handlers and the scheduler


async def test_a_study_group_posts_in_its_server_language(
    svc: Services, composed_in: list[tuple[str, int, str]]
) -> None:
    clock = Clock()
    sender = LanguageSender(clock)
    scheduler = Scheduler(svc, sender, clock, rate=0)
    await groups.create(svc, speaking("en", MOD, guild_locale="de"), name="Eulen", role=ROLE, channel=CHANNEL)
    await groups.create(svc, speaking("es", MOD), name="Búhos", role=ROLE, channel=CHANNEL + 1)  # no server language
    eulen = await svc.store.get_group_by_name(1, "Eulen")
    buhos = await svc.store.get_group_by_name(1, "Búhos")
    assert eulen is not None
    assert buhos is not None
    assert (eulen.locale, buhos.locale) == ("de", "es")  # the server's; else the creator's
    await travel(scheduler, clock, MONDAY_9)
    assert sorted(composed_in) == sorted([("group", eulen.id, "de"), ("group", buhos.id, "es")])
    assert sorted(sender.languages) == sorted([("channel", CHANNEL, "de"), ("channel", CHANNEL + 1, "es")])


async def test_a_learner_dm_is_composed_and_sent_in_their_language(
    svc: Services, composed_in: list[tuple[str, int, str]]
) -> None:
    clock = Clock()
    sender = LanguageSender(clock)
    scheduler = Scheduler(svc, sender, clock, rate=0)
    ann = speaking("de")
    await learning.start_learning(svc, ann, role=ROLE)
    await svc.remember_locale(ann)
    await travel(scheduler, clock, MONDAY_9)
    assert composed_in == [("user", ANN, "de")]
    assert sender.languages == [("user", ANN, "de")]
    assert i18n.current() == "en"  # the pass leaves the caller's language as it was


# --------------------------------------------------------------------------- remembering it cheaply


async def test_the_language_is_written_once_per_change_and_read_once(svc: Services, counted: Counter[str]) -> None:
    await svc.remember_locale(speaking("de"))  # not a learner: nothing stored, and asked again next time
    await svc.remember_locale(speaking("de"))
    assert counted == Counter(get_learner=2)
    await svc.store.ensure_learner(ANN, NOW)
    counted.clear()
    for _ in range(20):  # twenty commands in German: one read, one write
        await svc.remember_locale(speaking("de"))
    assert counted == Counter(get_learner=1, set_learner_locale=1)
    for _ in range(5):
        await svc.remember_locale(speaking("es"))
    await svc.remember_locale(speaking("en"))
    assert counted == Counter(get_learner=3, set_learner_locale=3)
    learner = await svc.store.get_learner(ANN)
    assert learner is not None
    assert learner.locale == "en"


async def test_a_done_in_the_same_language_costs_no_query(svc: Services, counted: Counter[str]) -> None:
    ann = speaking("de")
    await learning.start_learning(svc, ann, role=ROLE)
    await svc.remember_locale(ann)
    counted.clear()
    await progress.done(svc, ann, item="Use git professionally")
    reads_by_done = counted["get_learner"]
    await svc.remember_locale(ann)
    assert counted == Counter(get_learner=reads_by_done)  # what /done itself reads, nothing more


async def test_after_a_while_it_looks_again_without_writing(
    svc: Services, counted: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process (a shard) may have stored another language meanwhile: what this one saw is believed a while."""
    await svc.store.ensure_learner(ANN, NOW)
    await svc.remember_locale(speaking("de"))
    async with await Store.open(svc.store.path) as other_process:
        assert await other_process.remember_locale(ANN, "es") is True
    await svc.remember_locale(speaking("de"))  # believed: still "de" as far as this process knows
    learner = await svc.store.get_learner(ANN)
    assert learner is not None
    assert learner.locale == "es"
    monkeypatch.setattr(learners_module, "LOCALE_RECHECK_S", 0.0)
    counted.clear()
    await svc.remember_locale(speaking("de"))
    await svc.remember_locale(speaking("de"))
    assert counted == Counter(get_learner=2, set_learner_locale=1)  # looked twice, corrected once
    learner = await svc.store.get_learner(ANN)
    assert learner is not None
    assert learner.locale == "de"


async def test_a_store_that_fails_never_fails_the_command(
    svc: Services, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    await svc.store.ensure_learner(ANN, NOW)

    async def broken(user_id: int, locale: str) -> bool:
        raise OSError("disk full")

    monkeypatch.setattr(svc.store, "set_learner_locale", broken)
    await svc.remember_locale(speaking("de"))
    assert "Could not record the language" in caplog.text
    monkeypatch.undo()
    await svc.remember_locale(speaking("de"))  # not taken as stored: tried again
    learner = await svc.store.get_learner(ANN)
    assert learner is not None
    assert learner.locale == "de"
