"""Custom IDs of buttons and selects: what a click means, encoded so it survives a restart.

Every ID starts with `wm:`, then an action and its arguments separated by `:`. Role names are slugs and
section keys are hex, so neither contains `:`. `parse` is the inverse of the builders.
"""

from __future__ import annotations

PREFIX = "wm"


def _make(action: str, *args: object) -> str:
    custom_id = ":".join((PREFIX, action, *(str(a) for a in args)))
    if len(custom_id) > 100:
        raise ValueError(f"custom_id over 100 characters: {custom_id!r}")
    return custom_id


def week(role: str) -> str:
    return _make("week", role)


def checklist(role: str, page: int) -> str:
    return _make("cl", role, page)


def tick(role: str, page: int, select: int, shown: str, digest: str) -> str:
    return _make("tick", role, page, select, shown, digest)


def reminders(role: str) -> str:
    return _make("rem", role)


def deep_dive(key: str, page: int) -> str:
    return _make("dd", key, page)


def deep_dive_pick() -> str:
    return _make("ddpick")


def roles(page: int) -> str:
    return _make("roles", page)


def phase(role: str, number: int, page: int) -> str:
    return _make("phase", role, number, page)


def visibility(visible: bool) -> str:
    return _make("vis", int(visible))


def forget(role: str) -> str:
    return _make("forget", role)


def erase(user_id: int) -> str:
    return _make("erase", user_id)


def cancel() -> str:
    return _make("cancel")


def reminder_tick(role: str) -> str:
    return _make("rtick", role)


def snooze() -> str:
    return _make("snooze")


def behind(role: str, slot: str) -> str:
    """The "I'm behind" button of the reminder of weekly `slot` ("2026-W48"): it moves the plan back once."""
    return _make("behind", role, slot)


def pause_week() -> str:
    return _make("rpause")


def parse(custom_id: str) -> tuple[str, list[str]] | None:
    """Split a custom ID into its action and arguments, or None when it is not ours."""
    parts = custom_id.split(":")
    if len(parts) < 2 or parts[0] != PREFIX:
        return None
    return parts[1], parts[2:]
