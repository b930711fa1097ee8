"""Weekly reminders: when they are due, which weekly slot a send belongs to, and what they say.

Everything here is pure: no I/O, no clock, only `zoneinfo`. The scheduler passes the current
instant in as an aware `datetime`, keeps each target's next due time (UTC) in the store, and
records each send under its `slot_key` so that a slot is never delivered twice.

A *target* is a learner (weekly DM) or a study group (weekly channel post). Its settings are a
weekday (0 = Monday), a local wall time and an IANA time zone.

Due times and DST
-----------------
`next_due` returns the first instant strictly after a given one at which it is the chosen
weekday and wall time in the target's zone, as an aware UTC datetime.

* The *local* time is what stays put: a Monday 09:00 reminder in Europe/Berlin is 08:00 UTC in
  winter and 07:00 UTC in summer.
* A wall time that does not exist on a day (the spring-forward gap) moves forward to the next
  valid local time, which is the moment the clocks jump: 02:30 in Berlin's 02:00->03:00 gap is
  sent at 03:00 local; with Australia/Lord_Howe's half-hour shift (02:00->02:30), 02:15 is sent
  at 02:30. A gap is detected by round-tripping the wall time through UTC (it comes back
  different), and the jump is then found by bisecting the UTC seconds around it.
* A wall time that happens twice (the fall-back overlap) is sent at its first occurrence
  (``fold=0``, the daylight-saving one).

Slots
-----
`slot_key` names the weekly slot a due time belongs to: the ISO week of its *local* date, such
as ``"2026-W48"``. It is the delivery key, so there is at most one reminder per target per ISO
week. It does not depend on UTC offsets, so it is stable across restarts and DST changes, and
moving the weekday within a week that was already served does not send a second reminder.

Catching up after downtime
--------------------------
`plan_after_downtime` is called when a target's stored `next_due` is at or before `now` (the
bot was down, or the reminder is simply due). The *due times* are the stored `next_due` itself
plus every time `next_due` produces after it, up to and including `now`. Then:

* exactly **one** message is sent, for the *current* slot: that of the latest due time that is
  at or before `now`. Older slots are never sent, so a week-long outage does not flood anyone;
* ``missed`` is the number of due times in ``[next_due, now]`` minus one: the slots that passed
  without a message. Being down for three weekly slots therefore sends one message with
  ``missed == 2``; a reminder handled on time has ``missed == 0``;
* ``is_catchup`` is true when ``missed > 0`` or the current slot's due time is more than
  `CATCHUP_AFTER` (6 hours) before `now`, so the message can say it comes late;
* ``next_due`` is the first due time strictly after `now`, so one call per wake-up is all that
  is ever needed (the result is never due again at the same `now`).

The scheduler should still check its delivery records for the returned ``slot`` before sending
(a crash between sending and storing ``next_due`` would otherwise repeat it), and should skip
sending while `is_paused` (moving ``next_due`` on with `next_due(now, ...)` instead).

Message content
---------------
`build_reminder_view` turns a role's phases, a learner's schedule and position (see
`bot.domain.weeks`) and their checklist progress into a `ReminderView`. A checklist written
inside the phases (every item has its `phase`) follows them: a week starts from the first group
of its phase (or of the next phase that has items). A checklist grouped by time instead
("Foundations (1-2 months)", "Intermediate (3-6 months)", ...), or partly outside the phases,
has the group for a week chosen proportionally (see `group_for_week`). A self-paced path (no
phases, see `bot.domain.weeks`) has no week to map: its reminder lists the next few open items
in checklist order instead, under their groups (`next_open_items`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from bot.domain.shapes import ChecklistLike, PhaseContent
from bot.domain.weeks import Position, ScheduledPhase, require_aware, resolve_zone

__all__ = [
    "BOARD_SIZE",
    "CATCHUP_AFTER",
    "MAX_FOCUS_TOPICS",
    "MAX_NEXT_ITEMS",
    "MAX_OPEN_ITEMS",
    "BoardRow",
    "Catchup",
    "GroupActivity",
    "MemberActivity",
    "OpenItem",
    "ReminderStatus",
    "ReminderView",
    "build_reminder_view",
    "checklist_groups",
    "group_activity",
    "group_for_week",
    "is_paused",
    "next_due",
    "next_open_items",
    "open_item",
    "plan_after_downtime",
    "slot_key",
]

CATCHUP_AFTER = timedelta(hours=6)
"""A send this much later than its slot's due time is a catch-up even if no slot was missed."""

MAX_FOCUS_TOPICS = 5
"""At most this many of the phase's topics are shown as this week's focus."""

MAX_OPEN_ITEMS = 10
"""At most this many open checklist items are listed."""

MAX_NEXT_ITEMS = 5
"""On a self-paced path, at most this many open items (the next ones in checklist order) are listed."""

ReminderStatus = Literal["active", "phase_change", "finished", "not_started"]


# --------------------------------------------------------------------------- validation


def _check_weekday(weekday: int) -> None:
    if isinstance(weekday, bool) or not isinstance(weekday, int) or not 0 <= weekday <= 6:
        raise ValueError(f"weekday must be an int from 0 (Monday) to 6 (Sunday), got {weekday!r}")


def _check_time(at: time) -> None:
    if not isinstance(at, time):
        raise TypeError(f"at must be a datetime.time, got {type(at).__name__}")
    if at.tzinfo is not None:
        raise ValueError("at must be a naive local wall time; the zone is passed separately as tz")


# --------------------------------------------------------------------------- due times


def _first_with_offset(lo: int, hi: int, zone: ZoneInfo, offset: timedelta) -> datetime:
    """Return the first UTC second in (lo, hi] whose offset in `zone` is `offset`.

    `lo` and `hi` are POSIX seconds; the offset must differ at `lo` and be `offset` at `hi`.
    """
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if datetime.fromtimestamp(mid, zone).utcoffset() == offset:
            hi = mid
        else:
            lo = mid
    return datetime.fromtimestamp(hi, UTC)


def _resolve_wall(day: date, at: time, zone: ZoneInfo) -> datetime:
    """Return the UTC instant of wall time `at` on `day` in `zone`, following the DST rules."""
    wall = datetime.combine(day, at.replace(fold=0), tzinfo=zone)
    utc = wall.astimezone(UTC)
    back = utc.astimezone(zone)
    if back.replace(tzinfo=None) == wall.replace(tzinfo=None):
        return utc  # exists (and, if ambiguous, fold=0 is the first occurrence)
    # In a gap. `utc` used the offset from before the jump, so it lies after the jump; reading
    # the wall time with the offset from after the jump gives an instant before it.
    after_offset = back.utcoffset()
    assert after_offset is not None  # zoneinfo always gives an offset
    before_jump = wall.replace(tzinfo=UTC) - after_offset
    return _first_with_offset(int(before_jump.timestamp()), int(utc.timestamp()), zone, after_offset)


def next_due(after: datetime, weekday: int, at: time, tz: str | ZoneInfo) -> datetime:
    """Return the first instant strictly after `after` that is `weekday` at `at` in `tz`, in UTC.

    `after` must be aware. `weekday` is 0 (Monday) to 6 (Sunday); `at` is a naive local wall
    time. A wall time in a spring-forward gap moves to the first valid time after the gap, an
    ambiguous one takes its first occurrence (see the module docstring). Raises ValueError for a
    naive `after`, a bad weekday or an unknown zone.
    """
    require_aware(after, "after")
    _check_weekday(weekday)
    _check_time(at)
    zone = resolve_zone(tz)
    # Start a day early: a gap that spans midnight could push yesterday's slot past `after`.
    day = after.astimezone(zone).date() - timedelta(days=1)
    day += timedelta(days=(weekday - day.weekday()) % 7)
    while True:
        due = _resolve_wall(day, at, zone)
        if due > after:
            return due
        day += timedelta(days=7)


def slot_key(due_utc: datetime, tz: str | ZoneInfo) -> str:
    """Return the delivery key of the weekly slot `due_utc` belongs to, such as ``"2026-W48"``.

    It is the ISO week (ISO year and week number) of the due time's local date in `tz`.
    """
    require_aware(due_utc, "due_utc")
    iso = due_utc.astimezone(resolve_zone(tz)).date().isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


@dataclass(frozen=True, slots=True)
class Catchup:
    """What to do for a target that is due: send one message for `slot`, then wait for `next_due`.

    `missed` counts the slots skipped without a message; `is_catchup` says the message is late
    (some slot was missed, or it goes out more than `CATCHUP_AFTER` after its due time).
    """

    slot: str
    missed: int
    next_due: datetime
    is_catchup: bool


def plan_after_downtime(
    next_due: datetime,
    now: datetime,
    weekday: int,
    at: time,
    tz: str | ZoneInfo,
) -> Catchup:
    """Plan the single send for a target whose stored `next_due` is at or before `now`.

    The due times are `next_due` itself and every later one (from `weekday`, `at`, `tz`) up to
    and including `now`. The message is for the latest of them; `missed` is their number minus
    one; the returned `next_due` is the first due time strictly after `now`. Raises ValueError
    if `next_due` is after `now` (nothing is due yet) or either is naive.
    """
    require_aware(next_due, "next_due")
    require_aware(now, "now")
    if next_due > now:
        raise ValueError(f"nothing is due yet: next_due {next_due.isoformat()} is after now {now.isoformat()}")
    zone = resolve_zone(tz)
    first = _next(next_due, weekday, at, zone)
    if first > now:
        latest, missed = next_due.astimezone(UTC), 0
    else:
        # Every scheduled time in [first, latest] passed without a message. They are a week
        # apart in local time, so their UTC distance is whole weeks give or take an offset
        # change of at most a day: rounding counts them exactly, however long the outage.
        latest = _last_at_or_before(now, weekday, at, zone)
        missed = 1 + round((latest - first) / _WEEK)
    return Catchup(
        slot=slot_key(latest, zone),
        missed=missed,
        next_due=_next(now, weekday, at, zone),
        is_catchup=missed > 0 or now - latest > CATCHUP_AFTER,
    )


_WEEK = timedelta(days=7)


def _next(after: datetime, weekday: int, at: time, zone: ZoneInfo) -> datetime:
    return next_due(after, weekday, at, zone)


def _last_at_or_before(now: datetime, weekday: int, at: time, zone: ZoneInfo) -> datetime:
    """Return the latest scheduled time at or before `now` (there is one in the 9 days before it)."""
    latest = _next(now - timedelta(days=9), weekday, at, zone)
    while (following := _next(latest, weekday, at, zone)) <= now:
        latest = following
    return latest


def is_paused(paused_until: datetime | None, now: datetime) -> bool:
    """Return whether reminders paused until `paused_until` are still paused at `now`.

    None means not paused. The pause ends at `paused_until` itself (that instant is not paused).
    """
    require_aware(now, "now")
    if paused_until is None:
        return False
    require_aware(paused_until, "paused_until")
    return now < paused_until


# --------------------------------------------------------------------------- message content


@dataclass(frozen=True, slots=True)
class OpenItem:
    """A checklist item not yet done, with the ID its tick button needs.

    `text` is clean text (for menus, which show no markdown); `md` the item as Discord markdown, its links kept
    (empty: show `text`); `note` what is written under it (`ChecklistItem.note`). `group`, `parent` and `depth`
    say where it is written (`ChecklistItem`'s), so a list or menu of a few items can show what each is under;
    they follow from the item, so two items are the same by the rest."""

    id: str
    text: str
    md: str = ""
    note: str = ""
    group: str = field(default="", compare=False)
    parent: str = field(default="", compare=False)
    depth: int = field(default=0, compare=False)
    note_after: int = field(default=0, compare=False)  # `ChecklistItem.note_after`


def open_item(item: ChecklistLike) -> OpenItem:
    """Return a checklist item as an open item, with where it is written."""
    return OpenItem(item.id, item.text, item.md, item.note, item.group, item.parent, item.depth, item.note_after)


@dataclass(frozen=True, slots=True)
class ReminderView:
    """Everything a weekly reminder says, as plain data for the renderer.

    `phase_*`, `objective` and `focus` describe the current phase (the first phase, as a
    preview, before the start; the last one once finished); they are None/empty when the role
    has no matching phase. `phase_span` is the learner's scheduled span ("weeks 13-18").
    `open_items` are at most `MAX_OPEN_ITEMS` undone items of `items_group`; `done`/`total`
    count the whole checklist. `missed` is the number of skipped slots, for a catch-up line.

    On a self-paced path (`self_paced`, `total_weeks` 0) there is no phase and no `items_group`:
    `open_items` are the next `MAX_NEXT_ITEMS` undone items in checklist order, across groups.
    `open_by_group` holds the same `open_items` under their group names, in order.
    """

    week: int
    total_weeks: int
    status: ReminderStatus
    phase_number: int | None
    phase_title: str | None
    phase_span: str | None
    objective: str | None
    focus: tuple[str, ...]
    items_group: str | None
    open_items: tuple[OpenItem, ...]
    done: int
    total: int
    missed: int = 0
    days_until_start: int = 0
    weeks_left_in_phase: int = 0
    open_by_group: tuple[tuple[str, tuple[OpenItem, ...]], ...] = ()

    @property
    def self_paced(self) -> bool:
        """Whether the path has no weekly plan (no phases): the reminder lists the next items instead."""
        return self.total_weeks == 0


def checklist_groups(checklist: Sequence[ChecklistLike]) -> tuple[str, ...]:
    """Return the checklist's group names in the order they first appear."""
    return tuple(dict.fromkeys(item.group for item in checklist))


def group_for_week(week: int, total_weeks: int, group_count: int) -> int:
    """Return the index of the checklist group for path `week` of `total_weeks`.

    Progress through the path is mapped proportionally onto the groups:
    ``min(G - 1, floor((week - 1) * G / total_weeks))``, with the week clamped to
    1..`total_weeks`. With three groups and 36 weeks, weeks 1-12 get group 0, 13-24 group 1,
    25-36 group 2. Raises ValueError if there are no groups or no weeks.
    """
    if group_count < 1:
        raise ValueError(f"group_count must be at least 1, got {group_count}")
    if total_weeks < 1:
        raise ValueError(f"total_weeks must be at least 1, got {total_weeks}")
    week = min(max(week, 1), total_weeks)
    return min(group_count - 1, (week - 1) * group_count // total_weeks)


def _start_group(
    groups: Sequence[str], items: Sequence[ChecklistLike], phase: int | None, week: int, total_weeks: int
) -> int:
    """Return the index of the group a week's open items start from (see "Message content" above)."""
    if phase is not None and items:
        first_phase: dict[str, int] = {}  # group -> the phase it is written in
        for item in items:
            if item.phase is None:
                break  # an item outside the phases: the groups are not the phases'
            first_phase.setdefault(item.group, item.phase)
        else:
            return next((k for k, group in enumerate(groups) if first_phase[group] >= phase), len(groups) - 1)
    return group_for_week(max(week, 1), total_weeks, len(groups))


def next_open_items(
    checklist: Sequence[ChecklistLike], done_ids: Collection[str], limit: int = MAX_NEXT_ITEMS
) -> tuple[tuple[str, tuple[OpenItem, ...]], ...]:
    """Return the first `limit` undone items, group by group in checklist order, as (group, items) pairs.

    Groups come in the order they first appear; an item listed twice (same ID) counts once.
    """
    done = set(done_ids)
    unique: dict[str, ChecklistLike] = {}
    for item in checklist:
        unique.setdefault(item.id, item)
    result: list[tuple[str, tuple[OpenItem, ...]]] = []
    left = limit
    for group, items in _by_group(unique.values()).items():
        if left <= 0:
            break
        pending = [open_item(i) for i in items if i.id not in done]
        if pending:
            result.append((group, tuple(pending[:left])))
            left -= len(result[-1][1])
    return tuple(result)


def _by_group(items: Iterable[ChecklistLike]) -> dict[str, list[ChecklistLike]]:
    """Return the items of each group, groups in the order they first appear (one pass, not one per group)."""
    found: dict[str, list[ChecklistLike]] = {}
    for item in items:
        found.setdefault(item.group, []).append(item)
    return found


def _status(pos: Position) -> ReminderStatus:
    if pos.status == "not_started":
        return "not_started"
    if pos.status == "finished":
        return "finished"
    if pos.is_phase_start and pos.week > 1:
        return "phase_change"
    return "active"


def build_reminder_view(
    phases: Sequence[PhaseContent],
    plan: Sequence[ScheduledPhase],
    pos: Position,
    checklist: Sequence[ChecklistLike],
    done_ids: Collection[str],
    missed: int = 0,
) -> ReminderView:
    """Build the content of a weekly reminder.

    `phases` are the role's phases as written; `plan` and `pos` come from `weeks.schedule` and
    `weeks.position`; `done_ids` holds the IDs of ticked items (IDs no longer in the checklist
    are ignored); `missed` comes from `plan_after_downtime`.

    Status: "not_started" before the start, "finished" after the last week, "phase_change" on
    the first week of any phase but the first, otherwise "active".

    Open items: the undone items of the group for the current week (its phase's first group when
    every item is written in a phase, else `group_for_week`); if that group is all done, those of
    the next group that has any left (never an earlier one). On a
    self-paced path (`pos.self_paced`): the next few undone items (`next_open_items`).
    """
    if missed < 0:
        raise ValueError(f"missed must not be negative, got {missed}")
    status = _status(pos)
    scheduled = pos.phase
    if scheduled is None and status == "not_started" and plan:
        scheduled = plan[0]
    content = None
    if scheduled is not None:
        content = next((p for p in phases if p.number == scheduled.number), None)

    done = set(done_ids)
    unique: dict[str, ChecklistLike] = {}
    for item in checklist:
        unique.setdefault(item.id, item)
    groups = checklist_groups(tuple(unique.values()))
    items_group: str | None = None
    open_items: tuple[OpenItem, ...] = ()
    open_by_group: tuple[tuple[str, tuple[OpenItem, ...]], ...] = ()
    if pos.self_paced:
        open_by_group = next_open_items(tuple(unique.values()), done)
        open_items = tuple(item for _, items in open_by_group for item in items)
    elif groups:
        phase = scheduled.number if scheduled is not None else None
        start = _start_group(groups, tuple(unique.values()), phase, pos.week, pos.total_weeks)
        by_group = _by_group(unique.values())
        for group in groups[start:]:
            pending = [open_item(i) for i in by_group.get(group, ()) if i.id not in done]
            if pending:
                items_group = group
                open_items = tuple(pending[:MAX_OPEN_ITEMS])
                break
        else:
            items_group = groups[start]
        if items_group is not None and open_items:
            open_by_group = ((items_group, open_items),)

    return ReminderView(
        week=pos.week,
        total_weeks=pos.total_weeks,
        status=status,
        phase_number=scheduled.number if scheduled is not None else None,
        phase_title=content.title if content is not None else None,
        phase_span=scheduled.span if scheduled is not None else None,
        objective=content.objective if content is not None else None,
        focus=tuple(t.text for t in content.topics[:MAX_FOCUS_TOPICS]) if content is not None else (),
        items_group=items_group,
        open_items=open_items,
        done=sum(1 for item_id in unique if item_id in done),
        total=len(unique),
        missed=missed,
        days_until_start=pos.days_until_start,
        weeks_left_in_phase=pos.weeks_left_in_phase,
        open_by_group=open_by_group,
    )


# --------------------------------------------------------------------------- a study group's week

BOARD_SIZE = 5
"""A group post's board names at most this many members."""


@dataclass(frozen=True, slots=True)
class MemberActivity:
    """A member who ticked items since the group's last post: the item IDs, oldest tick first."""

    user_id: int
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BoardRow:
    """A member on a group's board: items ticked this week and their current streak in weeks."""

    user_id: int
    items: int
    streak: int


@dataclass(frozen=True, slots=True)
class GroupActivity:
    """Who in a study group did what, for its weekly post (see `group_activity`).

    `named` are the members who let others see their progress and ticked something since the last
    post, most items first. Members who keep their progress hidden are only counted, in
    `hidden_members` and `hidden_items`. `board` ranks the visible members by this week's items.
    """

    named: tuple[MemberActivity, ...]
    hidden_members: int
    hidden_items: int
    board: tuple[BoardRow, ...]

    @property
    def members(self) -> int:
        """How many members ticked anything since the last post, named or not."""
        return len(self.named) + self.hidden_members

    @property
    def items(self) -> int:
        """How many items were ticked since the last post, by everyone."""
        return sum(len(m.items) for m in self.named) + self.hidden_items


def _window(ticks: Iterable[tuple[str, datetime]], after: datetime, until: datetime) -> tuple[str, ...]:
    """Return the item IDs ticked in (after, until], oldest first, each once."""
    picked = sorted((done_at, item) for item, done_at in ticks if after < done_at <= until)
    return tuple(dict.fromkeys(item for _, item in picked))


def group_activity(
    members: Sequence[int],
    ticks: Mapping[int, Iterable[tuple[str, datetime]]],
    visible: Collection[int],
    streaks: Mapping[int, int],
    *,
    since: datetime,
    week_start: datetime,
    now: datetime,
    board_size: int = BOARD_SIZE,
) -> GroupActivity:
    """Work out who ticked what for a group's post at `now`.

    `members` are the group's members in joining order; `ticks[user]` their (item ID, done_at) ticks
    on the group's path (a member missing from it ticked nothing); `visible` the members who let
    others see their progress; `streaks[user]` their current streak in weeks (missing: 0).

    * Since the last post: ticks after `since` and not after `now`. Visible members who have some
      are `named`, most items first, then in joining order; the others are counted, never named.
    * The board: visible members ranked by the items they ticked after `week_start` (and not after
      `now`), ties broken by the longer current streak, then by joining order; at most
      `board_size`, and a member with no item this week and no streak is left off.

    An item ticked twice (it cannot be, in the store) counts once. All instants must be aware.
    """
    for instant, name in ((since, "since"), (week_start, "week_start"), (now, "now")):
        require_aware(instant, name)
    seen = set(visible)
    named: list[tuple[int, int, MemberActivity]] = []
    hidden_members = hidden_items = 0
    ranked: list[tuple[int, int, int, BoardRow]] = []
    for order, user_id in enumerate(dict.fromkeys(members)):
        mine = tuple(ticks.get(user_id, ()))
        recent = _window(mine, since, now)
        if user_id not in seen:
            if recent:
                hidden_members += 1
                hidden_items += len(recent)
            continue
        if recent:
            named.append((-len(recent), order, MemberActivity(user_id, recent)))
        this_week = len(_window(mine, week_start, now))
        streak = max(streaks.get(user_id, 0), 0)
        if this_week or streak:
            ranked.append((-this_week, -streak, order, BoardRow(user_id, this_week, streak)))
    named.sort(key=lambda entry: entry[:2])
    ranked.sort(key=lambda entry: entry[:3])
    return GroupActivity(
        named=tuple(entry[-1] for entry in named),
        hidden_members=hidden_members,
        hidden_items=hidden_items,
        board=tuple(entry[-1] for entry in ranked[: max(board_size, 0)]),
    )
