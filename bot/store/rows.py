"""Rows to models, and the checks on values the store accepts; shared by every repository."""

from __future__ import annotations

import dataclasses
import logging
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.store import codec
from bot.store.models import (
    DELIVERY_STATES,
    ENROLLMENT_STATUSES,
    TARGET_KINDS,
    Delivery,
    DeliveryState,
    Enrollment,
    EnrollmentStatus,
    GroupMember,
    ItemProgress,
    Learner,
    Lease,
    ReminderSettings,
    Review,
    StudyGroup,
    TargetKind,
)
from bot.store.sql import Row

log = logging.getLogger(__name__)

NONCE_LENGTH = 25  # Discord's maximum message nonce length
MAX_SLOT_LENGTH = 64
MAX_ERROR_LENGTH = 1000
MIN_LOCALE_LENGTH, MAX_LOCALE_LENGTH = 2, 10  # as the schema's CHECK on `learners.locale` and `study_groups.locale`


def check_status(status: str) -> EnrollmentStatus:
    """Return `status` if it is a known enrollment status, else raise ValueError."""
    for known in ENROLLMENT_STATUSES:
        if status == known:
            return known
    raise ValueError(f"unknown enrollment status {status!r}; expected one of {ENROLLMENT_STATUSES}")


def check_kind(kind: str) -> TargetKind:
    """Return `kind` if it is a reminder target kind, else raise ValueError."""
    for known in TARGET_KINDS:
        if kind == known:
            return known
    raise ValueError(f"unknown reminder target kind {kind!r}; expected one of {TARGET_KINDS}")


def check_state(state: str) -> DeliveryState:
    """Return `state` if it is a delivery state, else raise ValueError."""
    for known in DELIVERY_STATES:
        if state == known:
            return known
    raise ValueError(f"unknown delivery state {state!r}; expected one of {DELIVERY_STATES}")


def check_slot(slot: str) -> str:
    """Return `slot` if it is a non-empty string of at most MAX_SLOT_LENGTH characters."""
    if not isinstance(slot, str) or not 1 <= len(slot) <= MAX_SLOT_LENGTH:
        raise ValueError(f"slot must be a string of 1 to {MAX_SLOT_LENGTH} characters, got {slot!r}")
    return slot


def check_error(error: str) -> str:
    """Return a delivery error message, cut to MAX_ERROR_LENGTH characters."""
    if not isinstance(error, str):
        raise TypeError(f"error must be a string, got {type(error).__name__}")
    return error[:MAX_ERROR_LENGTH]


def check_locale(locale: str) -> str:
    """Return `locale` if it is a language tag of MIN_LOCALE_LENGTH to MAX_LOCALE_LENGTH characters ("de", "es")."""
    if not isinstance(locale, str) or not MIN_LOCALE_LENGTH <= len(locale) <= MAX_LOCALE_LENGTH:
        raise ValueError(
            f"locale must be a string of {MIN_LOCALE_LENGTH} to {MAX_LOCALE_LENGTH} characters, got {locale!r}"
        )
    return locale


def check_role(role: str) -> str:
    """Return `role` if it is a non-empty string (a role's slug)."""
    if not isinstance(role, str) or not role:
        raise ValueError(f"role must be a non-empty string, got {role!r}")
    return role


def new_nonce() -> str:
    """Return a fresh Discord message nonce: 25 hex digits of a uuid4 (Discord allows 25 characters)."""
    import uuid  # here: only a reminder's delivery needs it, and it is slow to import (it loads `platform`)

    return uuid.uuid4().hex[:NONCE_LENGTH]


def local_today(tz_name: str, now: datetime) -> date:
    """Return the calendar date at `now` in the named timezone (UTC if the name is unknown)."""
    try:
        zone: Any = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("unknown timezone %r; using UTC for today's date", tz_name)
        zone = UTC
    return now.astimezone(zone).date()


def learner(row: Row) -> Learner:
    """Build a Learner from its row."""
    return Learner(
        user_id=row["user_id"],
        timezone=row["timezone"],
        progress_visible=bool(row["progress_visible"]),
        dm_undeliverable=bool(row["dm_undeliverable"]),
        created_at=codec.decode_datetime(row["created_at"]),
        locale=row["locale"],
    )


def enrollment(row: Row) -> Enrollment:
    """Build an Enrollment from its row."""
    return Enrollment(
        user_id=row["user_id"],
        role=row["role"],
        pace=row["pace"],
        start_date=codec.decode_date(row["start_date"]),
        status=check_status(row["status"]),
        week_shift=row["week_shift"],
        created_at=codec.decode_datetime(row["created_at"]),
        updated_at=codec.decode_datetime(row["updated_at"]),
        behind_slot=row["behind_slot"],
    )


def item(row: Row) -> ItemProgress:
    """Build an ItemProgress from its row."""
    return ItemProgress(item_id=row["item_id"], done_at=codec.decode_datetime(row["done_at"]), proof=row["proof"])


def reminder(row: Row) -> ReminderSettings:
    """Build ReminderSettings from their row."""
    return ReminderSettings(
        user_id=row["user_id"],
        enabled=bool(row["enabled"]),
        weekday=row["weekday"],
        local_time=codec.decode_local_time(row["local_time"]),
        timezone=row["timezone"],
        paused_until=codec.decode_optional_datetime(row["paused_until"]),
        updated_at=codec.decode_datetime(row["updated_at"]),
    )


def group(row: Row) -> StudyGroup:
    """Build a StudyGroup from its row."""
    return StudyGroup(
        id=row["id"],
        guild_id=row["guild_id"],
        name=row["name"],
        role=row["role"],
        channel_id=row["channel_id"],
        weekday=row["weekday"],
        local_time=codec.decode_local_time(row["local_time"]),
        timezone=row["timezone"],
        paused=bool(row["paused"]),
        created_by=row["created_by"],
        created_at=codec.decode_datetime(row["created_at"]),
        locale=row["locale"],
    )


def member(row: Row) -> GroupMember:
    """Build a GroupMember from its row."""
    return GroupMember(
        group_id=row["group_id"], user_id=row["user_id"], joined_at=codec.decode_datetime(row["joined_at"])
    )


def delivery(row: Row) -> Delivery:
    """Build a Delivery from its row."""
    return Delivery(
        kind=check_kind(row["target_kind"]),
        target_id=row["target_id"],
        slot=row["slot"],
        nonce=row["nonce"],
        state=check_state(row["state"]),
        attempts=row["attempts"],
        error=row["error"],
        created_at=codec.decode_datetime(row["created_at"]),
        updated_at=codec.decode_datetime(row["updated_at"]),
    )


def lease(row: Row) -> Lease:
    """Build a Lease from its row."""
    return Lease(
        name=row["name"],
        holder=row["holder"],
        acquired_at=codec.decode_datetime(row["acquired_at"]),
        heartbeat_at=codec.decode_datetime(row["heartbeat_at"]),
        expires_at=codec.decode_datetime(row["expires_at"]),
    )


def review(row: Row) -> Review:
    """Build a Review from its row."""
    return Review(
        role=row["role"],
        item_id=row["item_id"],
        box=row["box"],
        due_at=codec.decode_optional_datetime(row["due_at"]),
        last_answer_at=codec.decode_optional_datetime(row["last_answer_at"]),
    )


def jsonable(obj: Any) -> dict[str, Any]:
    """Turn a row dataclass into a dict of JSON-friendly values (ISO strings for times)."""
    out: dict[str, Any] = {}
    for key, value in dataclasses.asdict(obj).items():
        if isinstance(value, datetime | date):
            out[key] = value.isoformat()
        elif isinstance(value, time):
            out[key] = value.strftime("%H:%M")
        else:
            out[key] = value
    return out
