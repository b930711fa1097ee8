"""What /metrics counts and when /healthz says the gateway is down, without a bot process (see tests/e2e too)."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

from bot.health import gateway_problem
from bot.metrics import Metrics, reminder_outcome
from bot.reminders.scheduler import CLAIMED_ELSEWHERE, DEFERRED, NOT_THE_SENDER, RETRY, Outcome
from bot.store.models import DueTarget

TARGET = DueTarget("user", 1, datetime(2026, 12, 7, 9, tzinfo=UTC))


def test_reminder_outcomes_are_sent_failed_deferred_or_not_counted() -> None:
    assert reminder_outcome(Outcome(TARGET, sent=True)) == "sent"
    assert reminder_outcome(Outcome(TARGET, skipped=DEFERRED)) == "deferred"
    assert reminder_outcome(Outcome(TARGET, skipped=RETRY)) == "deferred"  # it goes out later
    for failed in ("error", "gave up", "dms closed", "channel gone"):
        assert reminder_outcome(Outcome(TARGET, skipped=failed)) == "failed"
    for nothing_due in ("off", "paused", "already sent", NOT_THE_SENDER, CLAIMED_ELSEWHERE):
        assert reminder_outcome(Outcome(TARGET, skipped=nothing_due)) is None


def test_the_exposition_has_every_series_a_dashboard_needs() -> None:
    metrics = Metrics()
    metrics.observe_command("done", 0.02, ok=True)
    metrics.observe_command("done", 3.5, ok=False)
    metrics.observe_reminder(Outcome(TARGET, sent=True))
    text = metrics.render().decode()
    assert 'waymark_commands_total{command="done",outcome="ok"} 1.0' in text
    assert 'waymark_commands_total{command="done",outcome="error"} 1.0' in text
    assert 'waymark_command_seconds_bucket{command="done",le="0.025"} 1.0' in text
    assert 'waymark_command_seconds_bucket{command="done",le="5.0"} 2.0' in text
    assert 'waymark_reminders_total{outcome="sent"} 1.0' in text
    assert 'waymark_reminders_total{outcome="failed"} 0.0' in text
    for name in ("waymark_reminders_due", "waymark_discord_rate_limited_total", "waymark_roles_loaded"):
        assert f"# TYPE {name.removesuffix('_total')}" in text


def shard(closed: bool) -> SimpleNamespace:
    return SimpleNamespace(is_closed=lambda: closed)


def client(*, ready: bool = True, closed: bool = False, shards: dict | None = None) -> SimpleNamespace:
    return SimpleNamespace(is_ready=lambda: ready, is_closed=lambda: closed, shards=shards or {0: shard(False)})


def test_healthz_names_what_is_down_in_the_gateway() -> None:
    assert gateway_problem(client()) is None
    assert gateway_problem(client(ready=False)) == "not connected yet"
    assert gateway_problem(client(closed=True)) == "the bot is shutting down"
    down = client(shards={0: shard(False), 1: shard(True), 3: shard(True)})
    assert gateway_problem(down) == "shard 1, 3 disconnected"
