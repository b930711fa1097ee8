"""What every use case gets: who is asking, when, and the services; a learner's plan; and how it says no.

Neutral ground: handlers, reminders, the console and the cogs all import it, and it imports none of them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from fractions import Fraction

from bot.content.holder import ContentHolder
from bot.content.models import Role
from bot.domain.pace import due_weeks
from bot.domain.weeks import Position, ScheduledPhase, local_today, pace_weeks, position, schedule
from bot.domain.zones import zone_or_utc
from bot.i18n import N_, _, cmd
from bot.render import Reply, escape_user_text
from bot.store import Store
from bot.store.models import Enrollment

log = logging.getLogger(__name__)


class UserError(Exception):
    """A request the bot cannot do, with a message that tells the user what to do instead."""


@dataclass(frozen=True)
class Caller:
    """The person behind a command or a click, at the moment they acted."""

    user_id: int
    name: str
    now: datetime
    guild_id: int | None = None
    is_moderator: bool = False
    locale: str = "en"  # the language they use Discord in (`bot.i18n`): replies and their reminders speak it
    guild_locale: str | None = None  # the language their server chose (`bot.i18n`), None: not in one, or it chose none

    def __post_init__(self) -> None:
        if self.now.tzinfo is None:
            raise ValueError("Caller.now must be timezone-aware")


@dataclass(frozen=True)
class Member:
    """Another member a command names (`/progress member:`): their ID and the name to show."""

    user_id: int
    name: str


@dataclass(frozen=True)
class Response:
    """A handler's answer to a click: a reply, shown in place of the clicked message or as a new one."""

    reply: Reply
    update: bool = False


@dataclass
class Services:
    """The long-lived things handlers use."""

    content: ContentHolder
    store: Store

    async def remember_locale(self, caller: Caller) -> None:
        """Store the caller's language as their learner row's, so their reminders speak it; never raise.

        Called after each command and click: the store reads and writes only when this process has not seen that
        language stored (`Store.remember_locale`), so a learner who keeps their language costs nothing here.
        """
        try:
            await self.store.remember_locale(caller.user_id, caller.locale)
        except Exception as exc:  # the command was served and its reply stands: only a reminder's language waits
            log.warning("Could not record the language of %s (next command tries again): %r", caller.user_id, exc)

    def plans_changed(self) -> None:
        """Wake the reminder scheduler (through the store, which also wakes it after every plan write)."""
        self.store.notify_plans_changed()

    def role(self, text: str) -> Role:
        """Find a role by name, alias or display name, or raise a UserError that suggests the closest."""
        if not text.strip():
            raise UserError(
                _("Which path? Name a role, e.g. `backend-engineer`; {roles} lists them all.", roles=cmd("roles"))
            )
        index = self.content.index
        role = index.role(text.strip())
        if role is not None:
            return role
        left_out = index.left_out(text.strip())
        if left_out is not None:
            raise UserError(
                _(
                    "'{name}' is not loaded: its file `{file}` has errors. A moderator can run {validate} to see them.",
                    name=escape_user_text(text.strip(), 80),
                    file=left_out,
                    validate=cmd("content validate"),
                )
            )
        matches = index.search.find_roles(text, limit=3)
        # A unique prefix ("back") is taken; a typo ("bakend") is suggested, not guessed.
        if matches and matches[0].score >= 90 and (len(matches) == 1 or matches[1].score < 90):
            return index.roles[matches[0].name]
        shown = escape_user_text(text.strip(), 80)
        if matches:
            hint = ", ".join(f"**{m.display_name}** (`{m.name}`)" for m in matches)
            raise UserError(_("No role called '{name}'. Did you mean {suggestions}?", name=shown, suggestions=hint))
        raise UserError(_("No role called '{name}'. Use {roles} to see every path.", name=shown, roles=cmd("roles")))


NOT_ENROLLED = N_("You aren't following any path yet. Pick one with {start} (see {roles}).")
"""Said to someone who follows no path; translate where shown: `not_enrolled()`."""


def not_enrolled() -> str:
    """Say that the caller follows no path yet, and how to start one."""
    return _(NOT_ENROLLED, start=cmd("start-learning"), roles=cmd("roles"))


def no_live_path(enrollments: list[Enrollment]) -> UserError:
    """Say why there is no path to show: none followed, or the followed ones are not loaded right now."""
    if enrollments:
        return UserError(
            _(
                "Your path `{role}` is not in the content any more; a moderator may be fixing it. "
                "Your progress is kept.",
                role=enrollments[0].role,
            )
        )
    return UserError(not_enrolled())


@dataclass(frozen=True)
class Plan:
    """An enrollment seen through its role: the stretched schedule and where the learner is today."""

    role: Role
    enrollment: Enrollment
    total_weeks: int
    phases: tuple[ScheduledPhase, ...]
    position: Position

    @property
    def self_paced(self) -> bool:
        """Whether the path has no phases: no weekly plan and no end, only its checklist and sections."""
        return self.position.self_paced

    def phase_of(self, number: int) -> ScheduledPhase | None:
        return next((p for p in self.phases if p.number == number), None)

    def due_weeks(self) -> tuple[Fraction, ...] | None:
        """Return when each checklist item falls due on this plan (`bot.domain.pace.due_weeks`); None when
        self-paced."""
        if self.self_paced:
            return None
        return due_weeks([item.phase for item in self.role.checklist], self.phases, self.total_weeks)


def plan_for(role: Role, enrollment: Enrollment, now: datetime, tz: str = "UTC") -> Plan:
    """Work out a learner's schedule at their pace and their position today (no schedule on a self-paced path).

    `tz` is the learner's stored zone; one that can't be used here counts in UTC (see `bot.domain.zones`).
    """
    total = pace_weeks(role.timeline_months, enrollment.pace, role.total_weeks, phase_count=len(role.phases))
    phases = schedule(role.phases, total)
    today = local_today(now, zone_or_utc(tz))
    where = position(phases, total, enrollment.start_date, today, enrollment.week_shift)
    return Plan(role, enrollment, total, phases, where)


def utc_now() -> datetime:
    """Return the current time, timezone-aware (only front ends call this; handlers get `Caller.now`)."""
    return datetime.now(UTC)
