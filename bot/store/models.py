"""Immutable rows the store returns. Datetimes are aware UTC; ids are Discord snowflakes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Literal

EnrollmentStatus = Literal["active", "stopped", "completed"]
ENROLLMENT_STATUSES: tuple[EnrollmentStatus, ...] = ("active", "stopped", "completed")
FOLLOWED: tuple[EnrollmentStatus, ...] = ("active", "completed")
"""The paths a learner follows: those with reminders to come, and those whose weeks are over (their last reminder
went out; the learner still sees and ticks them, and /start-learning takes them up again)."""

TargetKind = Literal["user", "group"]
"""Who a weekly reminder goes to: a learner (by DM, `target_id` is the user id) or a study group
(posted in its channel, `target_id` is the group id)."""
TARGET_KINDS: tuple[TargetKind, ...] = ("user", "group")

ShardFilter = tuple[int, tuple[int, ...]]
"""(shard count, the shard ids a process holds): whose study groups' posts it sends (see `claim_due`)."""

DeliveryState = Literal["sending", "sent", "failed"]
DELIVERY_STATES: tuple[DeliveryState, ...] = ("sending", "sent", "failed")


@dataclass(frozen=True, slots=True)
class Learner:
    """Someone the bot has stored anything about.

    `locale` is the language of their latest command or click (`bot.i18n`: "en", "de", "es"): their reminders
    are written in it.
    """

    user_id: int
    timezone: str
    progress_visible: bool
    dm_undeliverable: bool
    created_at: datetime
    locale: str = "en"


@dataclass(frozen=True, slots=True)
class Enrollment:
    """A learner's run through one role's path.

    Week n of the plan starts on `start_date + 7 * (n - 1 + week_shift)` days. `behind_slot` is the
    weekly reminder slot ("2026-W48") whose "I'm behind" last moved the plan back (None: never).
    """

    user_id: int
    role: str
    pace: str | None
    start_date: date
    status: EnrollmentStatus
    week_shift: int
    created_at: datetime
    updated_at: datetime
    behind_slot: str | None = None


@dataclass(frozen=True, slots=True)
class ItemProgress:
    """A ticked checklist item."""

    item_id: str
    done_at: datetime
    proof: str | None


@dataclass(frozen=True, slots=True)
class StopResult:
    """What `Store.stop_enrollment` did: the status before (None: not enrolled) and items forgotten."""

    previous_status: EnrollmentStatus | None
    items_forgotten: int


@dataclass(frozen=True, slots=True)
class ReminderSettings:
    """When a learner wants their weekly DM; `timezone` None means the learner's own timezone."""

    user_id: int
    enabled: bool
    weekday: int
    local_time: time
    timezone: str | None
    paused_until: datetime | None
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class StudyGroup:
    """A named group in a guild that meets weekly on one role's path; its posts are written in `locale`."""

    id: int
    guild_id: int
    name: str
    role: str
    channel_id: int
    weekday: int
    local_time: time
    timezone: str
    paused: bool
    created_by: int | None
    created_at: datetime
    locale: str = "en"


@dataclass(frozen=True, slots=True)
class GroupMember:
    """A learner's membership of a study group."""

    group_id: int
    user_id: int
    joined_at: datetime


@dataclass(frozen=True, slots=True)
class GroupRoster:
    """A study group's members and what its board and weekly post show of them, read at one moment.

    `progress`, `enrollments` and `checkins` are on the group's path; `progress` and `checkins` hold every
    member (empty when none), `learners` and `enrollments` the members that have one.
    """

    members: tuple[GroupMember, ...]  # in joining order
    learners: dict[int, Learner]
    progress: dict[int, dict[str, ItemProgress]]  # by item ID, in the order ticked
    enrollments: dict[int, Enrollment]
    checkins: dict[int, list[datetime]]  # oldest first


@dataclass(frozen=True, slots=True)
class DueTarget:
    """A reminder target whose planned next reminder is due (`next_due` is aware UTC)."""

    kind: TargetKind
    target_id: int
    next_due: datetime


@dataclass(frozen=True, slots=True)
class Delivery:
    """One reminder for one target and one slot (such as the ISO week `2026-W48`).

    `nonce` (at most 25 characters) is sent as the Discord message nonce with `enforce_nonce`, and
    is the same for every attempt at this (target, slot). `attempts` counts `begin_delivery` calls;
    `updated_at` is when the latest attempt began or when the delivery was finished.
    """

    kind: TargetKind
    target_id: int
    slot: str
    nonce: str
    state: DeliveryState
    attempts: int
    error: str | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Lease:
    """A named lease and the process holding it (`holder`) until `expires_at`, unless renewed before.

    `acquired_at` is when this holder took it; `heartbeat_at` when it last renewed it.
    """

    name: str
    holder: str
    acquired_at: datetime
    heartbeat_at: datetime
    expires_at: datetime

    def expired(self, now: datetime) -> bool:
        """Return whether the lease has lapsed at `now` (then anyone may take it over)."""
        return self.expires_at <= now


@dataclass(frozen=True, slots=True)
class Review:
    """A ticked item's place in spaced review (`bot.domain.review`): its Leitner box (1-4) and when it is due.

    `due_at` None: retired, it never comes back. `last_answer_at` None: not answered yet.
    """

    role: str
    item_id: str
    box: int
    due_at: datetime | None
    last_answer_at: datetime | None
