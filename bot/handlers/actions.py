"""Route a button or select click, by its custom ID, to the handler it stands for."""

from __future__ import annotations

from collections.abc import Sequence

from bot.handlers import ids, learning, progress, reminders
from bot.handlers.context import Caller, Response, Services, UserError
from bot.render import Reply


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise UserError("This button is from an older version of the bot. Run the command again.") from None


async def handle_component(svc: Services, caller: Caller, custom_id: str, values: Sequence[str] = ()) -> Response:
    """Run the handler a component stands for and return its response."""
    parsed = ids.parse(custom_id)
    if parsed is None:
        raise UserError("This button is not Waymark's.")
    action, args = parsed
    match action, args:
        case "week", [role]:
            return Response(await learning.this_week(svc, caller, role))
        case "cl", [role, page]:
            return Response(await progress.checklist_view(svc, caller, role, _int(page)), update=True)
        case "tick", [role, page, select, shown, digest]:
            return await progress.tick_selected(svc, caller, role, _int(page), _int(select), shown, digest, values)
        case "rem", [role]:
            return await progress.toggle_reminders(svc, caller, role)
        case "dd", [key, page]:
            return await learning.deep_dive_page(svc, caller, key, _int(page))
        case "ddpick", []:
            if not values:
                raise UserError("Pick one of the matches.")
            return await learning.deep_dive_page(svc, caller, values[0], 0)
        case "roles", [page]:
            return await learning.roles_page(svc, caller, _int(page))
        case "phase", [role, number, page]:
            return await learning.phase_page(svc, caller, role, _int(number), _int(page))
        case "vis", [flag]:
            return await progress.set_visibility(svc, caller, flag == "1")
        case "forget", [role]:
            return await learning.confirm_forget(svc, caller, role)
        case "erase", [owner]:
            return await progress.confirm_delete(svc, caller, _int(owner))
        case "rtick", [role]:
            return await reminders.reminder_tick(svc, caller, role, values)
        case "snooze", []:
            return await reminders.snooze_day(svc, caller)
        case "behind", [role]:  # a button from before its week was part of it: it says it is stale
            return await reminders.behind(svc, caller, role)
        case "behind", [role, slot]:
            return await reminders.behind(svc, caller, role, slot)
        case "rpause", []:
            return await reminders.pause_week(svc, caller)
        case "cancel", []:
            return Response(Reply(content="Cancelled: nothing changed.", ephemeral=True), update=True)
    raise UserError("This button is from an older version of the bot. Run the command again.")
