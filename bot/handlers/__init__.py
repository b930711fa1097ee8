"""The use cases: one function per command or click, given `Services` and a `Caller`, returning a reply.

Importing the package imports every handler module, so each component action has its handler bound
(see `bot.components`) whichever handler module a caller imports first.
"""

from bot.handlers import content_admin, groups, learning, progress, reminders, review, today

__all__ = ["content_admin", "groups", "learning", "progress", "reminders", "review", "today"]
