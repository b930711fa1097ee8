"""What the domain reads of a role's content, as protocols: `bot.content.models` satisfies them structurally.

The domain stays free of the content package (its models, parser and search), so it can be tested with plain
stand-ins; each protocol names only attributes, all read-only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

__all__ = ["ChecklistLike", "PartLike", "PhaseContent", "PieceLike", "TopicLike"]


class TopicLike(Protocol):
    """A topic of a phase, like `bot.content.models.Topic`."""

    @property
    def text(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def line(self) -> int: ...

    @property
    def detail(self) -> str: ...

    @property
    def children(self) -> Sequence[TopicLike]: ...


class PartLike(Protocol):
    """A part of a phase (a sub-heading or a bold label), like `bot.content.models.Subsection`."""

    @property
    def label(self) -> str: ...

    @property
    def line(self) -> int: ...

    @property
    def text(self) -> str: ...

    @property
    def topics(self) -> Sequence[TopicLike]: ...


class PieceLike(Protocol):
    """One block written under a phase heading, like `bot.content.models.Piece`."""

    @property
    def kind(self) -> str: ...

    @property
    def line(self) -> int: ...

    @property
    def md(self) -> str: ...

    @property
    def depth(self) -> int: ...

    @property
    def note_after(self) -> int: ...

    @property
    def number(self) -> int | None: ...

    @property
    def quote(self) -> bool: ...

    @property
    def rest(self) -> str: ...

    @property
    def weeks(self) -> tuple[int, int] | None: ...

    @property
    def heading(self) -> bool: ...


class PhaseContent(Protocol):
    """A role's phase as written, like `bot.content.models.Phase`."""

    @property
    def number(self) -> int: ...

    @property
    def title(self) -> str: ...

    @property
    def objective(self) -> str | None: ...

    @property
    def text(self) -> str: ...

    @property
    def topics(self) -> Sequence[TopicLike]: ...

    @property
    def subsections(self) -> Sequence[PartLike]: ...

    @property
    def body(self) -> Sequence[PieceLike]: ...

    @property
    def first_week(self) -> int: ...

    @property
    def last_week(self) -> int: ...

    @property
    def line(self) -> int: ...


class ChecklistLike(Protocol):
    """A checklist item, like `bot.content.models.ChecklistItem`."""

    @property
    def id(self) -> str: ...

    @property
    def group(self) -> str: ...

    @property
    def text(self) -> str: ...

    @property
    def md(self) -> str: ...

    @property
    def note(self) -> str: ...

    @property
    def phase(self) -> int | None: ...

    @property
    def parent(self) -> str: ...

    @property
    def depth(self) -> int: ...
