"""Buttons and menus: every action a click can stand for, declared once.

A component's custom ID is ``wm:<action>:<arg>:<arg>…``, so a click still means the same after a restart.
Each `Action` below names its arguments and their types; from it come the ID builder (`WEEK.id(role)`),
the parser (`parse`), and the regex template with named groups that discord.py's `DynamicItem` matches
(`Action.template`). The handler that serves an action binds itself with `@WEEK.handles` where it is
defined (`bot.handlers`); the binding checks that the handler takes exactly the declared arguments.

Arguments are slugs, numbers, flags or hex digests, so none contains ``:``. An argument marked optional
may be missing at the end of an ID: buttons sent before it existed keep working.

This module is neutral ground: reminders build IDs with it as handlers do, and it imports neither.
"""

from __future__ import annotations

import functools
import inspect
import itertools
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from bot.i18n import N_, _
from bot.render import Reply
from bot.services import Caller, Response, Services, UserError

PREFIX = "wm"
MAX_CUSTOM_ID = 100
Kind = Literal["button", "select"]
Handler = Callable[..., Awaitable[Reply | Response]]
H = TypeVar("H", bound=Handler)
STALE = N_("This button is from an older version of the bot. Run the command again.")
"""What a click on a button of an older version gets (translated where it is shown: `_(STALE)`)."""
FOREIGN = N_("This button is not Waymark's.")

_PATTERNS: dict[type, str] = {str: r"[^:]+", int: r"-?[0-9]+", bool: r"[01]"}


@dataclass(frozen=True)
class Arg:
    """One argument of an action: its name (the handler's parameter) and type."""

    name: str
    type: type = str
    optional: bool = False


class Action:
    """What a button or menu does: its name in IDs, its typed arguments, and the handler that serves it.

    `update` says the handler's reply takes the place of the clicked message (paging, confirming)
    rather than arriving as a new one; a handler that returns a `Response` says so itself.
    A select's handler gets the picked values as its last parameter, `values`.
    """

    def __init__(self, name: str, *args: Arg, kind: Kind = "button", update: bool = False) -> None:
        for before, after in itertools.pairwise(args):
            if before.optional and not after.optional:
                raise ValueError(f"{name}: optional arguments must come last")
        self.name = name
        self.args = args
        self.kind: Kind = kind
        self.update = update
        self.handler: Handler | None = None
        groups = "".join(
            f"(?::(?P<{a.name}>{_PATTERNS[a.type]}))?" if a.optional else f":(?P<{a.name}>{_PATTERNS[a.type]})"
            for a in args
        )
        self.template = f"{PREFIX}:{re.escape(name)}{groups}"

    def __repr__(self) -> str:
        return f"Action({self.name!r})"

    @functools.cached_property
    def _pattern(self) -> re.Pattern[str]:
        """The compiled `template`, made on first use: a session uses few of the actions."""
        return re.compile(self.template)

    def id(self, *values: object) -> str:
        """Return the custom ID of this action with these arguments."""
        required = sum(not a.optional for a in self.args)
        if not required <= len(values) <= len(self.args):
            raise TypeError(f"{self.name} takes {len(self.args)} arguments, got {len(values)}")
        parts = [PREFIX, self.name]
        for arg, value in zip(self.args, values, strict=False):
            if not isinstance(value, arg.type):
                raise TypeError(f"{self.name}: {arg.name} must be {arg.type.__name__}, got {value!r}")
            parts.append(str(int(value)) if arg.type is bool else str(value))
        custom_id = ":".join(parts)
        if not self._pattern.fullmatch(custom_id):
            raise ValueError(f"{self.name}: an argument has a ':' or is empty: {custom_id!r}")
        if len(custom_id) > MAX_CUSTOM_ID:
            raise ValueError(f"custom_id over {MAX_CUSTOM_ID} characters: {custom_id!r}")
        return custom_id

    def arguments(self, match: re.Match[str]) -> dict[str, object]:
        """Return the typed arguments of a custom ID that matched `template` (optional ones missing are left out)."""
        out: dict[str, object] = {}
        for arg in self.args:
            text = match.group(arg.name)
            if text is not None:
                out[arg.name] = text == "1" if arg.type is bool else arg.type(text)
        return out

    def handles(self, handler: H) -> H:
        """Bind `handler` to this action (a decorator); its parameters must be the declared arguments."""
        params = list(inspect.signature(handler).parameters)[2:]  # after (svc, caller)
        wanted = [a.name for a in self.args] + (["values"] if self.kind == "select" else [])
        if params != wanted:
            raise TypeError(f"{handler.__qualname__} takes {params}; action {self.name!r} passes {wanted}")
        if self.handler is not None and self.handler is not handler:
            raise ValueError(f"action {self.name!r} is already handled by {self.handler.__qualname__}")
        self.handler = handler
        return handler

    async def run(self, svc: Services, caller: Caller, arguments: dict[str, object], values: Sequence[str]) -> Response:
        """Call the bound handler and return its response."""
        if self.handler is None:
            raise RuntimeError(f"no handler is bound to action {self.name!r}")
        if self.kind == "select":
            arguments = {**arguments, "values": list(values)}
        result = await self.handler(svc, caller, **arguments)
        return result if isinstance(result, Response) else Response(result, update=self.update)


WEEK = Action("week", Arg("role"))
CHECKLIST = Action("cl", Arg("role"), Arg("page", int), update=True)
TICK = Action("tick", Arg("role"), Arg("page", int), Arg("select", int), Arg("shown_hex"), Arg("digest"), kind="select")
REMINDERS = Action("rem", Arg("role"))
DEEP_DIVE = Action("dd", Arg("key"), Arg("page", int))
DEEP_DIVE_PICK = Action("ddpick", kind="select")
ROLES = Action("roles", Arg("page", int))
PHASE = Action("phase", Arg("role"), Arg("number", int), Arg("page", int))
VISIBILITY = Action("vis", Arg("visible", bool))
FORGET = Action("forget", Arg("role"))
ERASE = Action("erase", Arg("owner_id", int))
CANCEL = Action("cancel", update=True)
REMINDER_TICK = Action("rtick", Arg("role"), kind="select")
SNOOZE = Action("snooze")
BEHIND = Action("behind", Arg("role"), Arg("slot", optional=True))
"""The "I'm behind" button of the reminder of weekly `slot` ("2026-W48"): it moves the plan back once."""
PAUSE_WEEK = Action("rpause")
CHECK_IN = Action("checkin", Arg("role"))
"""'I worked on this': the week counts for the streak though no item was ticked."""
SLOWER_PACE = Action("slower", Arg("role"), Arg("pace"))
"""The "Slower pace" button of a reminder: switch `role` to `pace`, the next slower pace when it was sent."""
GROUP_SHARE = Action("gshare", Arg("group_id", int), Arg("visible", bool), update=True)
"""The answer to "may the group see your progress?" asked on joining group `group_id`."""
GROUP_DELETE = Action("gdelete", Arg("group_id", int), update=True)
"""The Confirm button of `/group delete`."""
REVIEW = Action("review", Arg("role"), Arg("item"), Arg("answer"))
"""A due review's "Still got it" (`answer` "got") or "Review again" ("again") for checklist `item` of `role`
(its ID, or a digest of it where the ID would make the custom ID too long: `bot.present.review_item_key`)."""

ACTIONS: tuple[Action, ...] = (
    WEEK,
    CHECKLIST,
    TICK,
    REMINDERS,
    DEEP_DIVE,
    DEEP_DIVE_PICK,
    ROLES,
    PHASE,
    VISIBILITY,
    FORGET,
    ERASE,
    CANCEL,
    REMINDER_TICK,
    SNOOZE,
    BEHIND,
    PAUSE_WEEK,
    CHECK_IN,
    SLOWER_PACE,
    GROUP_SHARE,
    GROUP_DELETE,
    REVIEW,
)
_BY_NAME = {a.name: a for a in ACTIONS}
if len(_BY_NAME) != len(ACTIONS):
    raise ValueError("two actions share a name")

_UNNAMED = [re.sub(r"\(\?P<\w+>", "(?:", a.template) for a in ACTIONS]  # one regex can't name a group twice
STALE_TEMPLATE = f"(?!(?:{'|'.join(_UNNAMED)})$){PREFIX}:.*"
"""Every Waymark ID that no action matches (a button from an older version): it gets a clear answer."""


def parse(custom_id: str) -> tuple[Action, dict[str, object]] | None:
    """Return the action a custom ID stands for and its typed arguments; None when it is not a current one."""
    name = custom_id.split(":", 2)[1] if custom_id.startswith(PREFIX + ":") else None
    action = _BY_NAME.get(name or "")
    match = action._pattern.fullmatch(custom_id) if action is not None else None
    if action is None or match is None:
        return None
    return action, action.arguments(match)


async def handle(svc: Services, caller: Caller, custom_id: str, values: Sequence[str] = ()) -> Response:
    """Run the handler a component's custom ID stands for; a stale or foreign ID gets a clear `UserError`."""
    parsed = parse(custom_id)
    if parsed is None:
        raise UserError(_(STALE) if custom_id.startswith(PREFIX + ":") else _(FOREIGN))
    action, arguments = parsed
    return await action.run(svc, caller, arguments, values)
