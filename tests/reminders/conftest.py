"""Fixtures for the reminder tests: real SQLite in tmp_path, the shipped content, an injected clock.

Nothing here sleeps: `travel` moves the clock from one planned due time to the next and runs one
scheduler pass at each, as the console's `:tick` does, and `RecordingSender` keeps what was "sent".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.content.holder import ContentHolder
from bot.content.loader import ContentIndex
from bot.handlers import groups, learning, reminders
from bot.reminders.scheduler import Scheduler
from bot.render import Reply, render_text
from bot.services import Caller, Services, UserError
from bot.store import Store
from tests.replies import button, choose, press, selects, text  # noqa: F401 - used via this module

ROOT = Path(__file__).resolve().parents[2]
CONTENT_DIR = ROOT / "content"
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)  # a Friday
ROLE = "backend-engineer"
ANN, BOB, CAT, DAN = 101, 202, 303, 404
MOD = 999  # a member with Manage Server
GUILD = 1
CHANNEL = 5555


class Clock:
    """A settable clock for the scheduler: never the real time."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@dataclass(frozen=True)
class Sent:
    """One reminder as the sender got it, and the clock when it got it."""

    kind: str  # "user" or "channel"
    target: int
    reply: Reply
    nonce: str
    due: datetime
    at: datetime
    label: str | None = None

    @property
    def text(self) -> str:
        return render_text(self.reply)


@dataclass
class RecordingSender:
    """A fake Discord: records every send; `errors[(kind, id)]` queues exceptions to raise instead.

    An exception queued as `("after", exc)` is raised *after* the send was recorded: the message got
    out but the process failed before it could say so.
    """

    clock: Callable[[], datetime]
    sent: list[Sent] = field(default_factory=list)
    errors: dict[tuple[str, int], list[object]] = field(default_factory=dict)
    always: dict[tuple[str, int], BaseException] = field(default_factory=dict)

    def _fail(self, key: tuple[str, int], record: Callable[[], None]) -> None:
        if key in self.always:
            raise self.always[key]
        queued = self.errors.get(key)
        if queued:
            error = queued.pop(0)
            if isinstance(error, tuple):
                record()
                raise error[1]
            assert isinstance(error, BaseException)
            raise error
        record()

    async def send_user(self, user_id: int, reply: Reply, nonce: str, due: datetime) -> None:
        self._fail(
            ("user", user_id),
            lambda: self.sent.append(Sent("user", user_id, reply, nonce, due, self.clock())),
        )

    async def send_channel(self, channel_id: int, label: str, reply: Reply, nonce: str, due: datetime) -> None:
        self._fail(
            ("channel", channel_id),
            lambda: self.sent.append(Sent("channel", channel_id, reply, nonce, due, self.clock(), label)),
        )

    def to(self, kind: str, target: int) -> list[Sent]:
        return [s for s in self.sent if s.kind == kind and s.target == target]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def svc(shipped_index: ContentIndex, store: Store) -> Services:
    return Services(ContentHolder(CONTENT_DIR, shipped_index, NOW), store)


@pytest.fixture
def sender(clock: Clock) -> RecordingSender:
    return RecordingSender(clock)


@pytest.fixture
def scheduler(svc: Services, sender: RecordingSender, clock: Clock) -> Scheduler:
    return Scheduler(svc, sender, clock, rate=0)


def caller(user_id: int = ANN, now: datetime = NOW, *, moderator: bool = False, guild: int | None = GUILD) -> Caller:
    return Caller(user_id, f"user{user_id}", now, guild_id=guild, is_moderator=moderator or user_id == MOD)


def says(message: str) -> pytest.RaisesExc[UserError]:
    """Expect a UserError whose message contains `message` literally."""
    return pytest.raises(UserError, match=re.escape(message))


async def travel(scheduler: Scheduler, clock: Clock, until: datetime, max_passes: int = 2000) -> int:
    """Move the clock to `until`, running one pass at each planned due time on the way; return the passes."""
    passes = 0
    while passes < max_passes:
        earliest = await scheduler.svc.store.earliest_due()
        if earliest is None or earliest > until:
            break
        clock.now = max(clock.now, earliest)
        await scheduler.run_due(clock.now)
        passes += 1
    else:
        raise AssertionError(f"still due after {max_passes} passes")
    clock.now = until
    return passes


async def learner(
    svc: Services,
    user_id: int = ANN,
    now: datetime = NOW,
    *,
    tz: str | None = None,
    day: str | None = None,
    time: str | None = None,
    start: str | None = None,
    pace: str | None = None,
) -> None:
    """A learner on the backend path, with reminder settings from /remind set when given."""
    who = caller(user_id, now)
    await learning.start_learning(svc, who, ROLE, pace=pace, start=start)
    if tz or day or time:
        await reminders.remind_set(svc, who, day=day, time=time, timezone=tz)


async def group(
    svc: Services,
    name: str = "Study",
    now: datetime = NOW,
    *,
    members: Sequence[int] = (),
    channel: int = CHANNEL,
    day: str | None = None,
    time: str | None = None,
    tz: str | None = None,
) -> int:
    """A study group created by a moderator, with `members` joined; return its id."""
    await groups.create(svc, caller(MOD, now), name, ROLE, channel, day, time, tz)
    found = await svc.store.get_group_by_name(GUILD, name)
    assert found is not None
    for member in members:
        await groups.join(svc, caller(member, now), name)
    return found.id


def local(sent: Sent, tz: str) -> datetime:
    return sent.due.astimezone(ZoneInfo(tz))


def weeks(n: float) -> timedelta:
    return timedelta(weeks=n)
