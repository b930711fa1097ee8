"""What tests read or write beside the store's API: the delivery log, connection settings, raw statements.

The bot itself never needs these (so the store does not offer them); they run through the store's own
database object, as units of work, on either backend.
"""

from __future__ import annotations

from typing import Any

from bot.store import Store, rows
from bot.store.models import Delivery, DeliveryState, TargetKind
from bot.store.sql import Row, Work, run
from bot.store.sql import rows as all_rows


def _pending() -> Work[list[Delivery]]:
    found = yield all_rows(
        "SELECT * FROM deliveries WHERE state = 'sending' ORDER BY updated_at, target_kind, target_id, slot"
    )
    return [rows.delivery(row) for row in found]


def _query(sql: str, params: tuple[Any, ...]) -> Work[list[Row]]:
    return (yield all_rows(sql, *params))


def _execute(sql: str, params: tuple[Any, ...]) -> Work[int]:
    return (yield run(sql, *params))


async def pending_deliveries(store: Store) -> list[Delivery]:
    """The deliveries still 'sending' (interrupted by a crash), oldest attempt first."""
    return await store.database.read(_pending)


async def get_delivery(store: Store, kind: TargetKind, target_id: int, slot: str) -> Delivery | None:
    """The delivery of a target's reminder for `slot`, or None if never begun."""
    return await store.get_delivery(kind, target_id, slot)


async def delivery_state(store: Store, kind: TargetKind, target_id: int, slot: str) -> DeliveryState | None:
    """'sending', 'sent' or 'failed' for a target's reminder for `slot`, or None."""
    found = await get_delivery(store, kind, target_id, slot)
    return None if found is None else found.state


async def query(store: Store, sql: str, *params: Any) -> list[Row]:
    """Every row of a query."""
    return await store.database.read(_query, sql, params)


async def execute(store: Store, sql: str, *params: Any) -> int:
    """Run one statement in its own write transaction; return the rows it changed."""
    return await store.database.write(_execute, sql, params)


async def pragma(store: Store, name: str) -> Any:
    """The value of a SQLite PRAGMA on the store's writing connection."""
    [row] = await store.database.read(_query, f"PRAGMA {name}", (), snapshot=True)
    return row[0]
