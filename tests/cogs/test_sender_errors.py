"""The Discord sender maps Discord's answers onto what the scheduler does next."""

from datetime import UTC, datetime

import discord
import pytest

from bot.cogs.reminders import DiscordSender
from bot.reminders.scheduler import ChannelGoneError, DMClosedError, RetryLaterError
from bot.render import Reply

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


class FakeResponse:
    def __init__(self, status: int) -> None:
        self.status = status
        self.reason = "test"


def http_error(kind: type[discord.HTTPException], status: int, code: int = 0) -> discord.HTTPException:
    return kind(FakeResponse(status), {"message": "no", "code": code})


class Channel(discord.abc.Messageable):
    """A channel whose every send fails with `error` (a real Messageable, so the type check passes)."""

    def __init__(self, error: BaseException) -> None:
        self.error = error

    async def _get_channel(self):
        return self

    async def send(self, **_kwargs) -> None:
        raise self.error


class FakeBot:
    def __init__(self, error: BaseException) -> None:
        self.channel = Channel(error)

    def get_user(self, _user_id):
        return None

    async def create_dm(self, _user):
        self.channel.id = 55
        return self.channel

    def get_channel(self, _channel_id):
        return self.channel


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (http_error(discord.Forbidden, 403, 50007), DMClosedError),
        (http_error(discord.HTTPException, 400, 50007), DMClosedError),
        (http_error(discord.DiscordServerError, 503), RetryLaterError),
        (http_error(discord.HTTPException, 429), RetryLaterError),
        (TimeoutError(), RetryLaterError),
    ],
)
async def test_dm_failures_become_scheduler_outcomes(error, expected):
    sender = DiscordSender(FakeBot(error), rate=0)
    with pytest.raises(expected):
        await sender.send_user(1, Reply(content="hi"), "nonce", NOW)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (http_error(discord.NotFound, 404, 10003), ChannelGoneError),
        (http_error(discord.Forbidden, 403, 50013), ChannelGoneError),
        (http_error(discord.HTTPException, 429), RetryLaterError),
    ],
)
async def test_channel_failures_become_scheduler_outcomes(error, expected):
    sender = DiscordSender(FakeBot(error), rate=0)
    with pytest.raises(expected):
        await sender.send_channel(7, "group", Reply(content="hi"), "nonce", NOW)
