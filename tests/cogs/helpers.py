"""What a Discord user sees of a bot message, as plain Python values to assert on."""

from __future__ import annotations

from typing import Any

import discord
from simcord import InteractionResult, ResponseMessage

BACKEND = "backend-engineer"
GIT_ITEM = "Use git professionally"


def message_of(shown: InteractionResult | ResponseMessage) -> ResponseMessage:
    """The message an interaction answered with (or the message itself)."""
    if isinstance(shown, InteractionResult):
        assert shown.response is not None, f"the bot did not answer: {shown!r}"
        return shown.response
    return shown


def embed(shown: InteractionResult | ResponseMessage, n: int = 0) -> discord.Embed:
    embeds = message_of(shown).embeds
    assert len(embeds) > n, f"expected at least {n + 1} embed(s), got {len(embeds)}"
    return embeds[n]


def fields(shown: InteractionResult | ResponseMessage, n: int = 0) -> dict[str, str]:
    return {f.name: f.value for f in embed(shown, n).fields}


def text(shown: InteractionResult | ResponseMessage) -> str:
    """Every piece of text a user reads in a message: content, then each embed top to bottom."""
    message = message_of(shown)
    parts = [message.content or ""]
    for e in message.embeds:
        parts += [e.title or "", e.description or ""]
        for f in e.fields:
            parts += [f.name, f.value]
        parts.append(e.footer.text or "")
    return "\n".join(p for p in parts if p)


def components(shown: InteractionResult | ResponseMessage) -> list[dict[str, Any]]:
    """Every button and select of a message, row by row."""
    return [c for row in message_of(shown).components for c in row.get("components", [])]


def buttons(shown: InteractionResult | ResponseMessage) -> dict[str, dict[str, Any]]:
    """The message's buttons by label."""
    return {c["label"]: c for c in components(shown) if c["type"] == 2}


def selects(shown: InteractionResult | ResponseMessage) -> list[dict[str, Any]]:
    return [c for c in components(shown) if c["type"] == 3]


def option_values(select: dict[str, Any]) -> dict[str, str]:
    """A select's options: label -> value."""
    return {o["label"]: o["value"] for o in select["options"]}


def ticked(select: dict[str, Any]) -> set[str]:
    """Labels of a select's options that show as chosen."""
    return {o["label"] for o in select["options"] if o.get("default")}


def select_with(shown: InteractionResult | ResponseMessage, label: str) -> dict[str, Any]:
    """The select that offers an option with this label."""
    found = [s for s in selects(shown) if label in option_values(s)]
    assert len(found) == 1, f"{label!r} is in {len(found)} select(s)"
    return found[0]


def assert_error(result: InteractionResult, *snippets: str) -> str:
    """The reply is a private "❌ ..." message containing every snippet; return its text."""
    assert result.ephemeral, "errors are shown only to the user who ran the command"
    message = message_of(result)
    assert message.content.startswith("❌ "), message.content
    assert not message.embeds
    for snippet in snippets:
        assert snippet in message.content, f"{snippet!r} not in {message.content!r}"
    return message.content


def brewing_role(long_lines: int = 60) -> str:
    """A small valid role file whose phase 1 is long enough to need several pages."""
    steps = "\n".join(
        f"- Zymurgy step {i}: ferment the wort carefully and measure the gravity every day" for i in range(long_lines)
    )
    return f"""---
name: brewing-engineer
displayName: Brewing Engineer
description: Brew reliable beer at scale.
salaryRange:
  entry: "$50K-$60K"
timelineMonths:
  part_time: 6-9
---

# Brewing Engineer

## 📚 Complete 8-Week Learning Path

### Phase 1: Zymurgy Basics (Weeks 1-4)
**Objective:** Learn zymurgy

{steps}

### Phase 2: Packaging (Weeks 5-8)
**Objective:** Bottle it

- Kegging and bottling

## ✅ Success Checklist

### Basics
- [ ] Brew a first batch
- [ ] Keg a batch
"""
