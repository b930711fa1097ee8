"""Persistence layer: Waymark's database (a SQLite file, or PostgreSQL) behind the async `Store` API.

Open it with `store = await Store.open(path_or_url)` (or `async with await Store.open(path) as store:`).
"""

from bot.store.errors import (
    BackupError,
    DatabaseOpenError,
    GroupNameTakenError,
    GroupNotFoundError,
    MigrationError,
    SchemaTooNewError,
    StoreClosedError,
    StoreError,
)
from bot.store.migrations import LATEST_VERSION, MIGRATIONS
from bot.store.models import (
    DELIVERY_STATES,
    ENROLLMENT_STATUSES,
    TARGET_KINDS,
    Delivery,
    DeliveryState,
    DueTarget,
    Enrollment,
    EnrollmentStatus,
    GroupMember,
    ItemProgress,
    Learner,
    ReminderSettings,
    Review,
    StopResult,
    StudyGroup,
    TargetKind,
)
from bot.store.store import Store

__all__ = [
    "DELIVERY_STATES",
    "ENROLLMENT_STATUSES",
    "LATEST_VERSION",
    "MIGRATIONS",
    "TARGET_KINDS",
    "BackupError",
    "DatabaseOpenError",
    "Delivery",
    "DeliveryState",
    "DueTarget",
    "Enrollment",
    "EnrollmentStatus",
    "GroupMember",
    "GroupNameTakenError",
    "GroupNotFoundError",
    "ItemProgress",
    "Learner",
    "MigrationError",
    "ReminderSettings",
    "Review",
    "SchemaTooNewError",
    "StopResult",
    "Store",
    "StoreClosedError",
    "StoreError",
    "StudyGroup",
    "TargetKind",
]
