"""What every repository mixin shares: the database object, the wake-up of the reminder scheduler, and the languages
this process has seen stored (`LearnerRepository.remember_locale`)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.store.database import Database

log = logging.getLogger(__name__)

PlansListener = Callable[[], None]


class Repository:
    """Base of the store's repositories: they share one `Database` and one list of plan listeners."""

    _db: Database
    _plan_listeners: list[PlansListener]
    _locales: dict[int, tuple[str, float]]
    """User id -> (the language this process last saw stored for them, when: `time.monotonic()`)."""

    def on_plans_changed(self, listener: PlansListener) -> Callable[[], None]:
        """Call `listener` after every committed change to the reminder plan; return what unregisters it.

        The reminder scheduler registers its `wake`: then every write that may move a reminder wakes it, from
        whichever handler, cog or console made the change.
        """
        self._plan_listeners.append(listener)

        def remove() -> None:
            if listener in self._plan_listeners:
                self._plan_listeners.remove(listener)

        return remove

    def notify_plans_changed(self) -> None:
        """Tell the listeners to look at the plan again (the store calls it after its own plan writes)."""
        for listener in list(self._plan_listeners):
            try:
                listener()
            except Exception:
                log.exception("a reminder plan listener failed")
