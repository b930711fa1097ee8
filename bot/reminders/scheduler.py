"""The reminder scheduler: one loop that sleeps until the earliest planned reminder and sends what is due.

Plans live in SQLite (`reminder_plan`: each target's next due time in UTC). The loop asks the store for the
due targets (an indexed query), sends each one through a `Sender` with bounded concurrency and a rate limit,
and records the delivery and the next due time in one transaction. The store wakes it after every plan change.

Guarantee (with the store's delivery log and Discord's message nonce): a slot (target, ISO week) is never
skipped, since the plan only advances in the transaction that records the send; and it is sent at most once,
except when the process dies after Discord accepted the message but before the log recorded it *and* the
restart comes later than Discord's nonce window (a few minutes): then that one message can repeat.

A reminder whose path is not loaded right now (a role file missing or broken) is deferred, never skipped:
nothing is recorded for its week, the plan looks again later, and once the path is back (a reload, a
restart) it goes out as a catch-up of every week it waited.

With a `SenderLease`, the scheduler sends only while this process holds its database's reminder lease: a
second process on the same file sends nothing (see `bot.reminders.lease`). With a `Claimer` (PostgreSQL) due
targets are claimed, not just read (`bot.reminders.claims`): any number of processes run a scheduler each, and
each week's message goes out from exactly one of them.
"""

from __future__ import annotations

import asyncio
import contextlib
import time as _time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import NamedTuple, Protocol

from bot import i18n
from bot.content.loader import ContentIndex
from bot.domain.reminders import is_paused, next_due, plan_after_downtime
from bot.domain.zones import zone_or_utc
from bot.i18n import _
from bot.log import get_logger
from bot.reminders.claims import SHARED_POLL_S, Claimer
from bot.reminders.compose import PATH_NOT_LOADED, Composed, compose_group, compose_user
from bot.reminders.lease import SenderLease
from bot.reminders.planning import (
    DEFER_RECHECK,
    defer,
    deferred_meta_key,
    in_a_live_group,
    on_schedule,
    read_deferral,
    read_snooze,
    resume_deferred,
    snooze_meta_key,
)
from bot.render import Reply
from bot.services import Services
from bot.store import Store
from bot.store.errors import ClaimLostError
from bot.store.models import DueTarget
from bot.wording import plural

log = get_logger(__name__)
DEFAULT_DAY, DEFAULT_TIME = 0, time(9, 0)
MAX_ATTEMPTS = 5
MAX_SLEEP = 3600.0
MIN_IDLE_S = 0.5
"""The least a pass that claimed nothing waits before the next: targets another process is claiming right now
look due but cannot be taken."""
DEFERRED = "deferred"
NOT_THE_SENDER = "another process sends"
CLAIMED_ELSEWHERE = "another process claimed it"
RETRY = "retry"


class DMClosedError(Exception):
    """The learner does not accept DMs from the bot (Discord error 50007)."""


class ChannelGoneError(Exception):
    """The group's channel was deleted, or the bot may no longer post there."""


class RetryLaterError(Exception):
    """A passing failure (5xx, timeout): try the same delivery again later."""


class Sender(Protocol):
    """Where reminders go: Discord DMs and channels, or the console."""

    async def send_user(self, user_id: int, reply: Reply, nonce: str, due: datetime) -> None: ...

    async def send_channel(self, channel_id: int, label: str, reply: Reply, nonce: str, due: datetime) -> None: ...


class RateLimiter:
    """Space calls out to at most `rate` per second (Discord's global limit is 50/s)."""

    def __init__(self, rate: float, clock: Callable[[], float] = _time.monotonic) -> None:
        self.rate = rate
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.clock = clock
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        async with self._lock:
            now = self.clock()
            delay = self._next - now
            self._next = max(now, self._next) + self.interval
        if delay > 0:
            await asyncio.sleep(delay)


class SharedRateLimiter:
    """Space calls out to at most `rate` per second over every process on one database (`Store.reserve_rate_slot`).

    Each call takes the next free slot from the database and waits for it, so the processes together stay under
    Discord's global limit, which counts every request of the bot, whichever process sends it. A process killed
    with slots in hand loses them (a fraction of a second), never gives one out twice.
    """

    def __init__(self, store: Store, name: str, rate: float) -> None:
        if not rate > 0:
            raise ValueError(f"rate must be positive, got {rate!r}")
        self.store = store
        self.name = name
        self.rate = rate

    async def wait(self) -> None:
        delay = await self.store.reserve_rate_slot(self.name, 1.0 / self.rate)
        if delay > 0:
            await asyncio.sleep(delay)


@dataclass
class Outcome:
    """What processing one target did, for logs and the console."""

    target: DueTarget
    sent: bool = False
    skipped: str | None = None
    missing: tuple[str, ...] = ()
    """Deferred: the paths not loaded. Empty on a look again at a reminder already deferred."""


class Schedule(NamedTuple):
    """When a target's reminder is due (its weekday and local time in `zone`, unless paused) and its language."""

    weekday: int
    at: time
    zone: str
    paused_until: datetime | None
    locale: str


class Scheduler:
    """Send due reminders; `run()` is the long-lived loop, `run_due(now)` one pass (for tests and the console)."""

    def __init__(
        self,
        svc: Services,
        sender: Sender,
        clock: Callable[[], datetime],
        *,
        concurrency: int = 8,
        rate: float = 45.0,
        retry_after: timedelta = timedelta(minutes=5),
        defer_recheck: timedelta = DEFER_RECHECK,
        lease: SenderLease | None = None,
        claimer: Claimer | None = None,
        observe: Callable[[Outcome], None] | None = None,
    ) -> None:
        self.svc = svc
        self.sender = sender
        self.clock = clock
        self.limiter = RateLimiter(rate)
        self.semaphore = asyncio.Semaphore(concurrency)
        self.retry_after = retry_after
        self.defer_recheck = defer_recheck
        self.lease = lease
        """None sends unconditionally (tests, a console on its own file); else only while the lease is held."""
        self.claimer = claimer
        """Several processes send from this database (PostgreSQL): due targets are claimed as this one. None: this
        process sends alone (SQLite, under the lease) and reads the due targets."""
        self.observe = observe
        """Told every outcome (the bot's metrics count them)."""
        self._wake = asyncio.Event()
        self._stopped = False
        # A weak reference: a strong one would keep a swapped-out index from being freed (see ContentHolder).
        self._content_seen: weakref.ref[ContentIndex] | None = None

    def wake(self) -> None:
        """Plans changed: look again at the earliest due time."""
        self._wake.set()

    def stop(self) -> None:
        self._stopped = True
        self._wake.set()

    async def may_send(self) -> bool:
        """Whether this process may send reminders now: it holds the lease (renewed here when due), or has none."""
        return self.lease is None or await self.lease.hold()

    async def run(self) -> None:
        """Sleep until the earliest due time (or a wake-up), send what is due, repeat; renew the lease meanwhile.

        While it runs, the store wakes it after every plan change, whoever made it.
        """
        unregister = self.svc.store.on_plans_changed(self.wake)
        try:
            await self._loop()
        finally:
            unregister()
            await self._release_claims()

    async def _release_claims(self) -> None:
        """Stopping: give up the claims of a pass cut short, so other processes need not wait for them to lapse."""
        if self.claimer is None or self.svc.store.database.closed:
            return
        try:
            await self.svc.store.release_claims(self.claimer.holder)
        except Exception:  # the claims lapse by themselves; stopping goes on
            log.warning("Could not give up this process's reminder claims; they lapse in %s", self.claimer.ttl)

    async def _loop(self) -> None:
        while not self._stopped:
            self._wake.clear()
            try:
                if not await self.may_send():
                    outcomes, delay = [], MAX_SLEEP  # another process sends: look again at the next renewal
                else:
                    outcomes = await self.run_due(self.clock())
                    if outcomes:
                        continue  # there may be more due than one batch
                    earliest = await self.earliest()
                    delay = MAX_SLEEP if earliest is None else (earliest - self.clock()).total_seconds()
                    if self.claimer is not None:
                        # Due but not claimed: another process is claiming it right now. And a plan another
                        # process made is only seen by looking.
                        delay = min(max(delay, MIN_IDLE_S), SHARED_POLL_S)
            except Exception:
                log.exception("Reminder pass failed; trying again in a minute")
                outcomes, delay = [], 60.0
            if self.lease is not None:
                delay = min(max(delay, 0.0), self.lease.next_renewal())  # wake up for the heartbeat
            if delay > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=min(delay, MAX_SLEEP))

    async def earliest(self) -> datetime | None:
        """The earliest due time this process may send at: of any target, or of those it may claim."""
        claimer = self.claimer
        if claimer is None:
            return await self.svc.store.earliest_due()
        return await self.svc.store.earliest_claimable(
            claimer.holder, real_now=claimer.clock(), shards=claimer.shards.as_filter()
        )

    async def _take_due(self, now: datetime, limit: int) -> list[DueTarget]:
        """The targets due at `now` this pass sends: all of them alone, those it claimed when processes share."""
        claimer = self.claimer
        if claimer is None:
            return await self.svc.store.due_targets(now, limit)
        return await self.svc.store.claim_due(
            now,
            claimer.holder,
            real_now=claimer.clock(),
            ttl=claimer.ttl,
            limit=claimer.batch(limit),
            shards=claimer.shards.as_filter(),
        )

    async def run_due(self, now: datetime, limit: int = 500) -> list[Outcome]:
        """Process every target due at `now` (one batch); one failing target never stalls the others.

        Nothing is sent without the lease. After a start or a content change, deferred reminders are due
        again first: their path may be back.
        """
        if not await self.may_send():
            return []
        index = self.svc.content.index
        if self._content_seen is None or self._content_seen() is not index:
            self._content_seen = weakref.ref(index)
            resumed = await resume_deferred(self.svc, now, self.defer_recheck)
            if resumed:
                log.info("%s due again: the content was loaded anew", plural(resumed, "deferred reminder"))
        due = await self._take_due(now, limit)
        if not due:
            return []
        results = await asyncio.gather(*(self._guarded(t, now) for t in due), return_exceptions=True)
        outcomes = []
        for target, result in zip(due, results, strict=True):
            if isinstance(result, BaseException):
                log.error("Reminder to %s %s failed", target.kind, target.target_id, exc_info=result)
                # Never spin on a broken target: look again after the retry delay.
                await self.svc.store.set_plan(target.kind, target.target_id, now + self.retry_after)
                outcomes.append(Outcome(target, skipped="error"))
            else:
                outcomes.append(result)
        self._log_deferred(outcomes)
        if self.observe is not None:
            for outcome in outcomes:
                self.observe(outcome)
        return outcomes

    def _log_deferred(self, outcomes: list[Outcome]) -> None:
        """Say once per pass which reminders were newly deferred, and why (a broken file can defer thousands)."""
        new = [o for o in outcomes if o.skipped == DEFERRED and o.missing]
        if not new:
            return
        roles = sorted({role for o in new for role in o.missing})
        targets = ", ".join(f"{o.target.kind} {o.target.target_id}" for o in new[:5]) + (
            ", ..." if len(new) > 5 else ""
        )
        log.warning(
            "%s deferred (%s): path %s not loaded. Each goes out once its path is back (after a content "
            "reload or a restart; looked at again every %d min meanwhile)",
            plural(len(new), "reminder"),
            targets,
            ", ".join(roles),
            self.defer_recheck.total_seconds() // 60,
        )

    async def _guarded(self, target: DueTarget, now: datetime) -> Outcome:
        async with self.semaphore:
            found = await self._settings(target)
            # No interaction says the language here: it is the learner's latest, or the study group's.
            with i18n.using(found.locale if found is not None else None):
                return await self._process(target, now, found)

    async def _settings(self, target: DueTarget) -> Schedule | None:
        """Return when and in which language a target gets its reminder; None when it gets none."""
        store = self.svc.store
        if target.kind == "user":
            settings = await store.get_reminder_settings(target.target_id)
            learner = await store.get_learner(target.target_id)
            if settings is None or learner is None or not settings.enabled:
                return None
            if learner.dm_undeliverable and not await in_a_live_group(self.svc, target.target_id):
                return None  # nowhere to send it
            zone = zone_or_utc(settings.timezone or learner.timezone)  # a zone unusable here counts in UTC
            return Schedule(settings.weekday, settings.local_time, zone, settings.paused_until, learner.locale)
        group = await store.get_group(target.target_id)
        if group is None or group.paused:
            return None
        return Schedule(group.weekday, group.local_time, zone_or_utc(group.timezone), None, group.locale)

    async def _process(self, target: DueTarget, now: datetime, found: Schedule | None) -> Outcome:
        store = self.svc.store
        if not await self.may_send():  # the lease went to another process during this batch
            return Outcome(target, skipped=NOT_THE_SENDER)
        deferred_key = deferred_meta_key(target.kind, target.target_id)
        deferred = await store.get_meta(deferred_key)
        if found is None:
            await store.clear_plan(target.kind, target.target_id)
            await self._forget(deferred_key, deferred)
            return Outcome(target, skipped="off")
        weekday, at, tz, paused_until, _locale = found
        if is_paused(paused_until, now):
            await store.set_plan(target.kind, target.target_id, next_due(paused_until, weekday, at, tz))
            await self._forget(deferred_key, deferred)  # the learner chose to skip those weeks
            return Outcome(target, skipped="paused")
        # A retry, a snooze or a deferral is planned off the weekly schedule: count from the scheduled time it
        # stands for, so a retry that runs past midnight into the next ISO week keeps its slot (and so its
        # nonce), and a reminder deferred for weeks goes out as a catch-up of all of them.
        deferral = read_deferral(deferred)
        still_deferred = deferral is not None and deferral.applies(target.next_due)
        base = deferral.since if deferral is not None and still_deferred else target.next_due
        scheduled = on_schedule(min(base, target.next_due, now), weekday, at, tz)
        catchup = plan_after_downtime(scheduled, now, weekday, at, tz)
        slot = catchup.slot
        snooze_key = snooze_meta_key(target.kind, target.target_id)
        snoozed = await store.get_meta(snooze_key)
        snooze = read_snooze(snoozed, weekday, at, tz)
        # A snooze is a second reminder of the week of the reminder it repeats, even when it falls in the
        # next ISO week (a Sunday reminder snoozed to Monday); a retry of it comes later but is still that
        # snooze. Once the weekly slot has moved past the snooze's week, the newer weekly reminder is due (or
        # was sent): it replaces the snooze, which is dropped once that reminder is done with.
        if snooze is not None and snooze.slot == slot and target.next_due >= snooze.at:
            slot = f"{slot}-snooze-{snooze.at.astimezone(UTC):%Y%m%dT%H%M}"
        elif snoozed is not None and snooze is None:
            await store.delete_meta(snooze_key)  # unreadable
            snoozed = None
        # Composed before the delivery is begun: a reminder whose path is not loaded leaves no trace of its week.
        composed = await self._compose(target, now, catchup.missed)
        if composed.reason == PATH_NOT_LOADED:
            await defer(self.svc, target.kind, target.target_id, scheduled, now, self.defer_recheck)
            # Named once per deferral (see `_log_deferred`); each later look again finds the path still missing.
            missing = () if still_deferred else tuple(await self._missing_roles(target)) or ("?",)
            return Outcome(target, skipped=DEFERRED, missing=missing)
        claimer = self.claimer
        try:
            delivery = await store.begin_delivery(
                target.kind,
                target.target_id,
                slot,
                now,
                holder=claimer.holder if claimer else None,
                claim_until=claimer.until() if claimer else None,
            )
        except ClaimLostError:  # this process's claim lapsed and another process took the target: it sends
            log.warning("Reminder to %s %s left to the process that claimed it since", target.kind, target.target_id)
            return Outcome(target, skipped=CLAIMED_ELSEWHERE)
        if delivery is None:  # already sent for this slot
            await store.set_plan(target.kind, target.target_id, catchup.next_due)
            await self._forget(snooze_key, snoozed, deferred_key, deferred)
            return Outcome(target, skipped="already sent")
        follow = None if composed.finished else catchup.next_due
        if composed.reply is None:
            reason = composed.reason or "nothing to say"
            await store.fail_delivery(target.kind, target.target_id, slot, now, reason, follow)
            await self._forget(snooze_key, snoozed, deferred_key, deferred)
            if composed.reason:
                log.warning("Reminder to %s %s skipped this week: %s", target.kind, target.target_id, reason)
            return Outcome(target, skipped=reason)
        if delivery.attempts > MAX_ATTEMPTS:
            await store.fail_delivery(target.kind, target.target_id, slot, now, "too many attempts", follow)
            await self._forget(snooze_key, snoozed, deferred_key, deferred)
            return Outcome(target, skipped="gave up")
        await self.limiter.wait()
        try:
            if target.kind == "user":
                learner = await store.get_learner(target.target_id)
                if learner is not None and learner.dm_undeliverable:  # known closed: straight to the group
                    raise DMClosedError("DMs flagged closed")
                await self.sender.send_user(target.target_id, composed.reply, delivery.nonce, target.next_due)
            else:
                group = await store.get_group(target.target_id)
                label = group.name if group else str(target.target_id)
                channel = group.channel_id if group else 0
                await self.sender.send_channel(channel, label, composed.reply, delivery.nonce, target.next_due)
        except DMClosedError:
            if await self._post_in_group(target, composed.reply, delivery.nonce):
                await store.finish_delivery(target.kind, target.target_id, slot, now, follow)
                await self._mark_completed(target, composed, now)
                await self._forget(snooze_key, snoozed, deferred_key, deferred)
                await store.set_dm_undeliverable(target.target_id, True)
                log.info("DMs closed for %s: reminder posted in their study group", target.target_id)
                return Outcome(target, sent=True)
            await store.mark_dm_undeliverable(target.target_id, now)
            await self._forget(deferred_key, deferred)
            log.info("DMs closed for %s: reminders marked undeliverable", target.target_id)
            return Outcome(target, skipped="dms closed")
        except ChannelGoneError:
            await store.pause_group_for_missing_channel(target.target_id, now)
            await self._forget(deferred_key, deferred)
            log.info("Channel of group %s is gone: group paused", target.target_id)
            return Outcome(target, skipped="channel gone")
        except RetryLaterError as exc:
            backoff = self.retry_after * min(2 ** (delivery.attempts - 1), 12)
            await store.set_plan(target.kind, target.target_id, now + backoff)
            log.warning("Reminder to %s %s will be retried: %s", target.kind, target.target_id, exc)
            return Outcome(target, skipped=RETRY)
        await store.finish_delivery(target.kind, target.target_id, slot, now, follow)
        await self._mark_completed(target, composed, now)
        await self._forget(snooze_key, snoozed, deferred_key, deferred)
        return Outcome(target, sent=True)

    async def _forget(self, *keys_and_values: str | None) -> None:
        """Delete each (key, value) pair's meta key that had a value: a snooze or a deferral, done with.

        A snooze is done with once its delivery is (sent, or given up on): it was either the snooze itself, or
        the weekly reminder of a newer week, which replaces it. A deferral is done with once its reminder is.
        """
        for key, value in zip(keys_and_values[::2], keys_and_values[1::2], strict=True):
            if key is not None and value is not None:
                await self.svc.store.delete_meta(key)

    async def _missing_roles(self, target: DueTarget) -> list[str]:
        """Name the paths of a target that are not in the content right now (for the deferral's log line)."""
        roles = self.svc.content.index.roles
        if target.kind == "group":
            group = await self.svc.store.get_group(target.target_id)
            return [group.role] if group is not None and group.role not in roles else []
        return [e.role for e in await self.svc.store.list_enrollments(target.target_id) if e.role not in roles]

    async def _mark_completed(self, target: DueTarget, composed: Composed, now: datetime) -> None:
        """The learner got the completion message of these paths: mark them completed (no more reminders)."""
        for role in composed.completed:
            await self.svc.store.set_enrollment_status(target.target_id, role, "completed", now)

    async def _post_in_group(self, target: DueTarget, reply: Reply, nonce: str) -> bool:
        """Post a learner's reminder in one of their study groups' channels (their DMs are closed)."""
        for group in await self.svc.store.user_groups(target.target_id):
            if group.paused:
                continue
            mention = f"<@{target.target_id}>"
            note = _("{mention}, your weekly reminder (I can't DM you: open DMs to get it privately).", mention=mention)
            try:
                await self.sender.send_channel(
                    group.channel_id, group.name, Reply(content=note, cards=reply.cards), nonce, target.next_due
                )
            except (ChannelGoneError, RetryLaterError):
                continue
            return True
        return False

    async def _compose(self, target: DueTarget, now: datetime, missed: int) -> Composed:
        if target.kind == "user":
            return await compose_user(self.svc, target.target_id, now, missed)
        group = await self.svc.store.get_group(target.target_id)
        if group is None:
            return Composed(None, True)
        return await compose_group(self.svc, group, now, missed)
