"""Immutable rows the store returns. Datetimes are aware UTC; ids are Discord snowflakes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Literal

EnrollmentStatus = Literal["active", "stopped", "completed"]
ENROLLMENT_STATUSES: tuple[EnrollmentStatus, ...] = ("active", "stopped", "completed")


@dataclass(frozen=True, slots=True)
class Learner:
    """Someone the bot has stored anything about."""

    user_id: int
    timezone: str
    progress_visible: bool
    dm_undeliverable: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Enrollment:
    """A learner's run through one role's path.

    Week n of the plan starts on `start_date + 7 * (n - 1 + week_shift)` days.
    """

    user_id: int
    role: str
    pace: str | None
    start_date: date
    status: EnrollmentStatus
    week_shift: int
    created_at: datetime
    updated_at: datetime


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
    """A named group in a guild that meets weekly on one role's path."""

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


@dataclass(frozen=True, slots=True)
class GroupMember:
    """A learner's membership of a study group."""

    group_id: int
    user_id: int
    joined_at: datetime
