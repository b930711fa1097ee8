"""Read and act on replies as a user would: shared by the handler, reminder and console tests."""

from __future__ import annotations

from collections.abc import Sequence

from bot import components
from bot.render import Button, Reply, Select, render_text
from bot.services import Caller, Response, Services


def text(reply: Reply | Response) -> str:
    """What the user sees, as the console prints it."""
    return render_text(reply.reply if isinstance(reply, Response) else reply)


def button(reply: Reply, label: str) -> Button:
    found = [b for b in reply.buttons if b.label == label]
    assert found, f"no button {label!r} in {[b.label for b in reply.buttons]}"
    return found[0]


def selects(reply: Reply) -> list[Select]:
    return [row for row in reply.rows if isinstance(row, Select)]


async def press(svc: Services, who: Caller, reply: Reply, label: str) -> Response:
    """Click a button of a reply, as Discord would send it."""
    target = button(reply, label)
    assert not target.disabled, f"{label!r} is disabled"
    assert target.custom_id is not None
    return await components.handle(svc, who, target.custom_id, ())


async def choose(svc: Services, who: Caller, select: Select, values: Sequence[str]) -> Response:
    """Submit a select menu with these values."""
    return await components.handle(svc, who, select.custom_id, list(values))


def option_value(select: Select, label: str) -> str:
    found = [o.value for o in select.options if o.label == label]
    assert found, f"no option {label!r} in {[o.label for o in select.options]}"
    return found[0]
