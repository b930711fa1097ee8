"""What the bot counts for Prometheus: commands and their latency, reminders, Discord's 429s, the gateway.

One `Metrics` per process (`METRICS`), on a registry of its own. Counters and the histogram are updated where
things happen (the command callback in `bot.cogs.common`, the scheduler's outcomes, discord.py's HTTP trace);
the gauges that describe a state (gateway latency, roles loaded, reminders due) are read when `/metrics` is
scraped (`bot.health`), so they are never stale.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from bot.reminders.scheduler import DEFERRED, RETRY, Outcome

COMMAND_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
"""Seconds: Discord wants an answer within 3 s, so the buckets are fine below that."""
REMINDER_OUTCOMES = ("sent", "failed", "deferred")
FAILED = frozenset({"error", "gave up", "dms closed", "channel gone"})
"""Scheduler outcomes that end a week's reminder without it reaching the learner or group."""


def reminder_outcome(outcome: Outcome) -> str | None:
    """Name what happened to a reminder for the counter: sent, failed, deferred (it goes out later), or None.

    None: nothing was due to go out (reminders off, paused, already sent, another process's).
    """
    if outcome.sent:
        return "sent"
    if outcome.skipped in (DEFERRED, RETRY):
        return "deferred"
    if outcome.skipped in FAILED:
        return "failed"
    return None


class Metrics:
    """The process's metrics; `render()` is the Prometheus text exposition."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.commands = Counter(
            "waymark_commands",
            "Slash commands served, by command and outcome (ok, error)",
            ["command", "outcome"],
            registry=r,
        )
        self.command_seconds = Histogram(
            "waymark_command_seconds",
            "Time from receiving a slash command to its answer, by command",
            ["command"],
            buckets=COMMAND_BUCKETS,
            registry=r,
        )
        self.reminders = Counter(
            "waymark_reminders",
            "Weekly reminders and group posts: sent, failed (given up for this week), deferred (to go out later)",
            ["outcome"],
            registry=r,
        )
        self.reminders_due = Gauge(
            "waymark_reminders_due", "Reminder targets due now and not sent yet (all processes)", registry=r
        )
        self.rate_limited = Counter(
            "waymark_discord_rate_limited",
            "429 answers from Discord's REST API (discord.py waits and retries)",
            registry=r,
        )
        self.gateway_latency = Gauge(
            "waymark_gateway_latency_seconds", "Heartbeat round trip of each gateway shard", ["shard"], registry=r
        )
        self.roles_loaded = Gauge("waymark_roles_loaded", "Learning paths loaded from the content folder", registry=r)
        for outcome in REMINDER_OUTCOMES:
            self.reminders.labels(outcome)  # every series exists from the start, at 0

    def observe_command(self, command: str, seconds: float, *, ok: bool) -> None:
        self.commands.labels(command, "ok" if ok else "error").inc()
        self.command_seconds.labels(command).observe(seconds)

    def observe_reminder(self, outcome: Outcome) -> None:
        name = reminder_outcome(outcome)
        if name is not None:
            self.reminders.labels(name).inc()

    def render(self) -> bytes:
        return generate_latest(self.registry)


METRICS = Metrics()
