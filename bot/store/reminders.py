"""Weekly reminders: each learner's settings, the plan of every target's next reminder, and the delivery log.

`reminder_plan` holds, for each target (`'user'`: a learner's DM; `'group'`: a study group's channel
post) that currently gets reminders, its next due time in UTC. The scheduler sleeps until `earliest_due()`
(or until a listener registered with `Store.on_plans_changed` wakes it: every committed plan change
calls them), then works through `due_targets(now)`. For each due target it computes the slot (e.g.
`2026-W48`) and follows the delivery protocol:

1. `d = begin_delivery(kind, id, slot, now)`. None: that slot was already sent; don't send, just
   move the plan on with `set_plan`/`clear_plan`.
2. Send the message with `nonce=d.nonce, enforce_nonce=True`.
3. On success `finish_delivery(..., next_due)`; on a definitive error `fail_delivery(..., error,
   next_due)` (or `mark_dm_undeliverable` / `pause_group_for_missing_channel`). Each records the
   outcome and advances the plan (None clears it) in one transaction.

Exact guarantee, for a `kill -9` (or power loss: WAL with synchronous=FULL; PostgreSQL's commit) at any point:

* Before `begin_delivery` commits: no delivery row and the plan still says due, so after the
  restart the target is due again and the reminder is sent then. Sent once.
* After `begin_delivery` commits, before Discord received the message: the row stays 'sending' and
  the plan still says due; after the restart `begin_delivery` returns the same row (same nonce,
  `attempts + 1`) and it is sent. Sent once.
* After Discord received the message, before `finish_delivery` commits: likewise resent with the
  same nonce. Discord returns the original message instead of posting a new one if the resend
  comes within its nonce window (a few minutes after the first send): delivered once. A restart
  later than that window repeats exactly that message: the one reminder of that (target, slot)
  still 'sending' at the kill — one duplicate per such row, never another slot's.
* After `finish_delivery`/`fail_delivery` commits: the slot is 'sent'/'failed' and the plan points
  past it, atomically; `begin_delivery` returns None for a sent slot. Never repeated.

Claims (several processes on one database): a process takes due targets with `claim_due`, which marks each
row `claimed_by` it until `claim_until` (PostgreSQL skips the rows another process is claiming at that moment:
`FOR UPDATE SKIP LOCKED`), and `begin_delivery(..., holder=...)` renews the claim in the transaction that
begins the delivery, or raises ClaimLostError when another process claimed the target since. So two processes
never begin the same target's delivery while both hold a claim; a claim lapses after its TTL (a killed process),
and every plan change clears it. The delivery log above stays the guard of what was sent.

Nothing is ever skipped: the plan only moves past a slot in the same transaction that records
that slot as 'sent' or 'failed' (or by an explicit `set_plan`/`clear_plan`/pause/delete), and no
(target, slot) is ever recorded twice (it is the deliveries' primary key).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from bot.store import codec, rows
from bot.store.errors import ClaimLostError
from bot.store.learners import insert_learner
from bot.store.models import Delivery, DeliveryState, DueTarget, ReminderSettings, ShardFilter, TargetKind
from bot.store.repository import Repository
from bot.store.sql import Sql, Work, in_list, many, one, run
from bot.store.sql import rows as all_rows

DUE_TARGETS_LIMIT = 500

_SELECT_SETTINGS = "SELECT * FROM reminder_settings WHERE user_id = ?"
DUE_TARGETS_SQL = (
    "SELECT target_kind, target_id, next_due FROM reminder_plan WHERE next_due <= ?"
    " ORDER BY next_due, target_kind, target_id LIMIT ?"
)
_SELECT_DELIVERY = "SELECT * FROM deliveries WHERE target_kind = ? AND target_id = ? AND slot = ?"


def get_settings(user_id: int) -> Work[ReminderSettings | None]:
    """Return a learner's reminder settings, or None."""
    row = yield one(_SELECT_SETTINGS, user_id)
    return None if row is None else rows.reminder(row)


def set_plan(kind: TargetKind, target_id: int, due_s: str) -> Work[None]:
    """Insert or replace a target's plan."""
    yield run(
        "INSERT INTO reminder_plan (target_kind, target_id, next_due) VALUES (?, ?, ?)"
        " ON CONFLICT (target_kind, target_id) DO UPDATE SET next_due = excluded.next_due,"
        " claimed_by = NULL, claim_until = NULL",
        kind,
        target_id,
        due_s,
    )


def clear_plan(kind: TargetKind, target_id: int) -> Work[int]:
    """Delete a target's plan; return how many rows went (0 or 1)."""
    return (yield run("DELETE FROM reminder_plan WHERE target_kind = ? AND target_id = ?", kind, target_id))


def _set_settings(values: tuple[object, ...]) -> Work[ReminderSettings]:
    user_id, now_s = values[0], values[-1]
    assert isinstance(user_id, int)
    assert isinstance(now_s, str)
    yield from insert_learner(user_id, now_s, None)
    yield run(
        "INSERT INTO reminder_settings (user_id, enabled, weekday, local_time, timezone,"
        " paused_until, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (user_id) DO UPDATE SET enabled = excluded.enabled,"
        " weekday = excluded.weekday, local_time = excluded.local_time,"
        " timezone = excluded.timezone, paused_until = excluded.paused_until,"
        " updated_at = excluded.updated_at",
        *values,
    )
    saved = yield from get_settings(user_id)
    assert saved is not None
    return saved


def _plan_text(kind: TargetKind, target_id: int) -> Work[str | None]:
    row = yield one("SELECT next_due FROM reminder_plan WHERE target_kind = ? AND target_id = ?", kind, target_id)
    return None if row is None else row[0]


def _get_plan(kind: TargetKind, target_id: int) -> Work[datetime | None]:
    text = yield from _plan_text(kind, target_id)
    return None if text is None else codec.decode_datetime(text)


def _unplanned_learners() -> Work[list[int]]:
    found = yield all_rows(
        "SELECT DISTINCT s.user_id FROM reminder_settings AS s"
        " JOIN enrollments AS e ON e.user_id = s.user_id AND e.status = 'active'"
        " WHERE s.enabled = 1 AND NOT EXISTS (SELECT 1 FROM reminder_plan AS p"
        " WHERE p.target_kind = 'user' AND p.target_id = s.user_id)"
        " ORDER BY s.user_id"
    )
    return [row[0] for row in found]


def _earliest_due() -> Work[datetime | None]:
    row = yield one("SELECT MIN(next_due) AS due FROM reminder_plan")
    return None if row is None or row[0] is None else codec.decode_datetime(row[0])


def _due_targets(now_s: str, limit: int) -> Work[list[DueTarget]]:
    found = yield all_rows(DUE_TARGETS_SQL, now_s, limit)
    return [DueTarget(rows.check_kind(row[0]), row[1], codec.decode_datetime(row[2])) for row in found]


def get_delivery(kind: TargetKind, target_id: int, slot: str) -> Work[Delivery | None]:
    """Return the delivery of a target's reminder for `slot`, or None if it was never begun."""
    row = yield one(
        "SELECT * FROM deliveries WHERE target_kind = ? AND target_id = ? AND slot = ?", kind, target_id, slot
    )
    return None if row is None else rows.delivery(row)


def _renew_claim(kind: TargetKind, target_id: int, holder: str, until_s: str) -> Work[None]:
    renewed = yield run(
        "UPDATE reminder_plan SET claim_until = ? WHERE target_kind = ? AND target_id = ? AND claimed_by = ?",
        until_s,
        kind,
        target_id,
        holder,
    )
    if not renewed:
        raise ClaimLostError(f"the reminder to {kind} {target_id} is no longer claimed by {holder}")


def _begin_delivery(
    kind: TargetKind, target_id: int, slot: str, now_s: str, holder: str | None = None, until_s: str | None = None
) -> Work[Delivery | None]:
    if holder is not None and until_s is not None:
        yield from _renew_claim(kind, target_id, holder, until_s)
    row = yield one(
        "SELECT state FROM deliveries WHERE target_kind = ? AND target_id = ? AND slot = ?", kind, target_id, slot
    )
    if row is None:
        yield run(
            "INSERT INTO deliveries (target_kind, target_id, slot, nonce, state, attempts, error,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, 'sending', 1, NULL, ?, ?)",
            kind,
            target_id,
            slot,
            rows.new_nonce(),
            now_s,
            now_s,
        )
    elif row[0] == "sent":
        return None
    else:
        yield run(
            "UPDATE deliveries SET state = 'sending', attempts = attempts + 1, updated_at = ?"
            " WHERE target_kind = ? AND target_id = ? AND slot = ?",
            now_s,
            kind,
            target_id,
            slot,
        )
    found = yield one(_SELECT_DELIVERY, kind, target_id, slot)
    return rows.delivery(found)


def _end_delivery(
    kind: TargetKind, target_id: int, slot: str, now_s: str, state: DeliveryState, error: str | None, due_s: str | None
) -> Work[bool]:
    changed = yield run(
        "UPDATE deliveries SET state = ?, error = ?, updated_at = ?"
        " WHERE target_kind = ? AND target_id = ? AND slot = ? AND state = 'sending'",
        state,
        error,
        now_s,
        kind,
        target_id,
        slot,
    )
    if not changed:
        return False
    if due_s is None:
        yield from clear_plan(kind, target_id)
    else:
        yield from set_plan(kind, target_id, due_s)
    return True


def stop_target(kind: TargetKind, target_id: int, now_s: str, error: str) -> Work[None]:
    """Clear a target's plan and fail its deliveries in flight (it can no longer be reached)."""
    yield from clear_plan(kind, target_id)
    yield run(
        "UPDATE deliveries SET state = 'failed', error = ?, updated_at = ?"
        " WHERE target_kind = ? AND target_id = ? AND state = 'sending'",
        error,
        now_s,
        kind,
        target_id,
    )


def _mark_dm_undeliverable(user_id: int, now_s: str, error: str) -> Work[bool]:
    found = yield run("UPDATE learners SET dm_undeliverable = 1 WHERE user_id = ?", user_id)
    yield from stop_target("user", user_id, now_s, error)
    return found > 0


def _pause_group(group_id: int, now_s: str, error: str) -> Work[bool]:
    found = yield run("UPDATE study_groups SET paused = 1 WHERE id = ?", group_id)
    yield from stop_target("group", group_id, now_s, error)
    return found > 0


def _shard_clause(shards: ShardFilter | None) -> tuple[str, tuple[int, ...]]:
    """A condition on `reminder_plan AS p`: a group's target only when this process holds its guild's shard.

    A group whose row is gone stays claimable (the scheduler then clears its plan).
    """
    if shards is None:
        return "", ()
    count, held = shards
    return (
        " AND (p.target_kind = 'user' OR NOT EXISTS (SELECT 1 FROM study_groups AS g"  # noqa: S608 - placeholders
        f" WHERE g.id = p.target_id AND (g.guild_id >> 22) % ? NOT IN ({in_list(len(held))})))",
        (count, *held),
    )


_CLAIMABLE = "(p.claim_until IS NULL OR p.claim_until <= ? OR p.claimed_by = ?)"


def claim_statement(shards: ShardFilter | None) -> Sql:
    """The statement `claim_due` runs: up to LIMIT due, unclaimed targets, earliest first, marked as claimed."""
    where, _ = _shard_clause(shards)
    pick = (
        "SELECT p.target_kind, p.target_id FROM reminder_plan AS p"  # noqa: S608 - constants and placeholders
        f" WHERE p.next_due <= ? AND {_CLAIMABLE}{where}"
        " ORDER BY p.next_due, p.target_kind, p.target_id LIMIT ?"
    )
    claim = (
        " UPDATE reminder_plan SET claimed_by = ?, claim_until = ? FROM picked"
        " WHERE reminder_plan.target_kind = picked.target_kind AND reminder_plan.target_id = picked.target_id"
        " RETURNING reminder_plan.target_kind, reminder_plan.target_id, reminder_plan.next_due"
    )
    return Sql(
        f"WITH picked AS MATERIALIZED ({pick}){claim}",
        # Rows another process is claiming right now are skipped, not waited for.
        f"WITH picked AS MATERIALIZED ({pick} FOR UPDATE OF p SKIP LOCKED){claim}",
    )


def _claim_due(
    now_s: str, holder: str, real_now_s: str, until_s: str, limit: int, shards: ShardFilter | None
) -> Work[list[DueTarget]]:
    _, shard_params = _shard_clause(shards)
    found = yield all_rows(claim_statement(shards), now_s, real_now_s, holder, *shard_params, limit, holder, until_s)
    due = [DueTarget(rows.check_kind(row[0]), row[1], codec.decode_datetime(row[2])) for row in found]
    return sorted(due, key=lambda t: (t.next_due, t.kind, t.target_id))


def _earliest_claimable(holder: str, real_now_s: str, shards: ShardFilter | None) -> Work[datetime | None]:
    where, shard_params = _shard_clause(shards)
    row = yield one(
        f"SELECT p.next_due FROM reminder_plan AS p WHERE {_CLAIMABLE}{where} ORDER BY p.next_due LIMIT 1",  # noqa: S608
        real_now_s,
        holder,
        *shard_params,
    )
    return None if row is None else codec.decode_datetime(row[0])


def _release_claims(holder: str, keys: tuple[tuple[str, int], ...] | None) -> Work[None]:
    if keys is None:
        yield run("UPDATE reminder_plan SET claimed_by = NULL, claim_until = NULL WHERE claimed_by = ?", holder)
        return
    yield many(
        "UPDATE reminder_plan SET claimed_by = NULL, claim_until = NULL"
        " WHERE target_kind = ? AND target_id = ? AND claimed_by = ?",
        [(kind, target_id, holder) for kind, target_id in keys],
    )


def _count_due(now_s: str, cap: int) -> Work[int]:
    row = yield one("SELECT COUNT(*) FROM (SELECT 1 FROM reminder_plan WHERE next_due <= ? LIMIT ?) AS due", now_s, cap)
    return int(row[0])


class ReminderRepository(Repository):
    """The `Reminders` protocol (settings, plan, deliveries) over the store's database."""

    async def get_reminder_settings(self, user_id: int) -> ReminderSettings | None:
        """Return the learner's reminder settings, or None if never set."""
        return await self._db.read(get_settings, user_id)

    async def set_reminder_settings(
        self,
        user_id: int,
        *,
        enabled: bool,
        weekday: int,
        local_time: time,
        now: datetime,
        timezone: str | None = None,
        paused_until: datetime | None = None,
    ) -> ReminderSettings:
        """Replace the learner's reminder settings (`timezone` None follows the learner's)."""
        values = (
            user_id,
            int(bool(enabled)),
            codec.check_weekday(weekday),
            codec.encode_local_time(local_time),
            timezone,
            codec.encode_optional_datetime(paused_until),
            codec.encode_datetime(now),
        )
        return await self._db.write(_set_settings, values)

    async def set_plan(self, kind: TargetKind, target_id: int, next_due: datetime) -> None:
        """Plan the target's next reminder at `next_due` (replacing any earlier plan).

        A plan that already says so is left alone: no write transaction, no wake-up (a resumed path or
        a settings change that moves nothing replans to the same instant).
        """
        kind = rows.check_kind(kind)
        due_s = codec.encode_datetime(next_due)
        if await self._db.read(_plan_text, kind, target_id) == due_s:
            return
        await self._db.write(set_plan, kind, target_id, due_s)
        self.notify_plans_changed()

    async def clear_plan(self, kind: TargetKind, target_id: int) -> bool:
        """Stop planning reminders for the target; return whether it had a plan (no write when it had none)."""
        kind = rows.check_kind(kind)
        if await self._db.read(_plan_text, kind, target_id) is None:
            return False
        removed = await self._db.write(clear_plan, kind, target_id)
        if removed:
            self.notify_plans_changed()
        return removed > 0

    async def get_plan(self, kind: TargetKind, target_id: int) -> datetime | None:
        """Return the target's next due time, or None if no reminder is planned."""
        return await self._db.read(_get_plan, rows.check_kind(kind), target_id)

    async def unplanned_learners(self) -> list[int]:
        """Return learners with reminders on and an active path but no reminder planned (e.g. after a bad file)."""
        return await self._db.read(_unplanned_learners, many_rows=True)

    async def earliest_due(self) -> datetime | None:
        """Return the earliest planned due time over all targets, or None if nothing is planned."""
        return await self._db.read(_earliest_due)

    async def due_targets(self, now: datetime, limit: int = DUE_TARGETS_LIMIT) -> list[DueTarget]:
        """Return up to `limit` targets due at or before `now`, earliest first (ties by kind, id)."""
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ValueError(f"limit must be a positive int, got {limit!r}")
        return await self._db.read(_due_targets, codec.encode_datetime(now), limit)

    async def get_delivery(self, kind: TargetKind, target_id: int, slot: str) -> Delivery | None:
        """Return the delivery of a target's reminder for `slot` (a group post looks up its last one), or None."""
        return await self._db.read(get_delivery, kind, target_id, slot)

    async def begin_delivery(
        self,
        kind: TargetKind,
        target_id: int,
        slot: str,
        now: datetime,
        *,
        holder: str | None = None,
        claim_until: datetime | None = None,
    ) -> Delivery | None:
        """Record an attempt to send the target's reminder for `slot`; None means don't send.

        None: the slot was already sent. A 'sending' row (a crash interrupted an earlier attempt)
        or a 'failed' one (a retry) is returned with its existing nonce and one more attempt, so
        Discord can dedupe the resend. Otherwise a 'sending' row with a fresh nonce is created.

        With `holder` (a process that took the target with `claim_due`), the same transaction renews its claim
        until `claim_until`, or raises ClaimLostError, recording nothing, when the target is no longer its own.
        """
        kind = rows.check_kind(kind)
        slot = rows.check_slot(slot)
        until_s = None if claim_until is None else codec.encode_datetime(claim_until)
        return await self._db.write(_begin_delivery, kind, target_id, slot, codec.encode_datetime(now), holder, until_s)

    async def claim_due(
        self,
        now: datetime,
        holder: str,
        *,
        real_now: datetime,
        ttl: timedelta,
        limit: int = DUE_TARGETS_LIMIT,
        shards: ShardFilter | None = None,
    ) -> list[DueTarget]:
        """Claim up to `limit` targets due at `now` for `holder` until `real_now + ttl`; return them, earliest first.

        A target is claimable when nobody claims it, its claim lapsed at `real_now`, or `holder` claims it
        already. `now` is the schedule's time (a console's pretend clock), `real_now` the wall clock the claims
        of every process are measured by. `shards` (count, held ids): a group's post only from the process that
        holds its guild's shard; None takes every group.
        """
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ValueError(f"limit must be a positive int, got {limit!r}")
        if ttl <= timedelta(0):
            raise ValueError(f"a claim must last a while, got ttl={ttl}")
        return await self._db.write(
            _claim_due,
            codec.encode_datetime(now),
            holder,
            codec.encode_datetime(real_now),
            codec.encode_datetime(real_now + ttl),
            limit,
            shards,
            read_committed=True,
        )

    async def earliest_claimable(
        self, holder: str, *, real_now: datetime, shards: ShardFilter | None = None
    ) -> datetime | None:
        """Return the earliest due time among the targets `holder` may claim (see `claim_due`), or None."""
        return await self._db.read(_earliest_claimable, holder, codec.encode_datetime(real_now), shards)

    async def release_claims(self, holder: str, targets: list[DueTarget] | None = None) -> None:
        """Give up `holder`'s claims on `targets` (None: all of them): it will not send those, and another process
        need not wait for the claims to lapse (a scheduler that stops)."""
        if targets is None:
            await self._db.write(_release_claims, holder, None)
        elif targets:
            await self._db.write(_release_claims, holder, tuple((t.kind, t.target_id) for t in targets))

    async def count_due(self, now: datetime, cap: int = 100_000) -> int:
        """Return how many targets are due at `now` (counted up to `cap`): the reminders waiting to go out."""
        return await self._db.read(_count_due, codec.encode_datetime(now), cap, many_rows=True)

    async def finish_delivery(
        self, kind: TargetKind, target_id: int, slot: str, now: datetime, next_due: datetime | None
    ) -> bool:
        """Mark a 'sending' delivery 'sent' and plan the next reminder (None: clear the plan) atomically.

        Return False, changing nothing, if the delivery is not 'sending' (already finished, or its
        target was deleted meanwhile).
        """
        return await self._end(kind, target_id, slot, now, "sent", None, next_due)

    async def fail_delivery(
        self,
        kind: TargetKind,
        target_id: int,
        slot: str,
        now: datetime,
        error: str,
        next_due: datetime | None,
    ) -> bool:
        """Mark a 'sending' delivery 'failed' with `error` and plan the next reminder, atomically.

        `next_due` None clears the plan. Return False, changing nothing, if the delivery is not
        'sending'.
        """
        return await self._end(kind, target_id, slot, now, "failed", rows.check_error(error), next_due)

    async def _end(
        self,
        kind: TargetKind,
        target_id: int,
        slot: str,
        now: datetime,
        state: DeliveryState,
        error: str | None,
        next_due: datetime | None,
    ) -> bool:
        ended = await self._db.write(
            _end_delivery,
            rows.check_kind(kind),
            target_id,
            rows.check_slot(slot),
            codec.encode_datetime(now),
            state,
            error,
            codec.encode_optional_datetime(next_due),
        )
        if ended:
            self.notify_plans_changed()
        return ended

    async def mark_dm_undeliverable(self, user_id: int, now: datetime, error: str = "DMs closed") -> bool:
        """The learner's DMs are closed: flag them, stop planning their reminders, fail any in flight.

        One transaction; return whether the learner exists. Planning again is up to the scheduler
        once the learner can be reached (after `set_dm_undeliverable(user_id, False)`).
        """
        found = await self._db.write(
            _mark_dm_undeliverable, user_id, codec.encode_datetime(now), rows.check_error(error)
        )
        self.notify_plans_changed()
        return found

    async def pause_group_for_missing_channel(
        self, group_id: int, now: datetime, error: str = "channel missing"
    ) -> bool:
        """The group's channel is gone: pause the group, clear its plan, fail any delivery in flight.

        One transaction; return whether the group exists.
        """
        found = await self._db.write(_pause_group, group_id, codec.encode_datetime(now), rows.check_error(error))
        self.notify_plans_changed()
        return found
