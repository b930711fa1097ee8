"""Waymark: a Discord bot that walks learners through career learning paths, one week at a time."""

__version__ = "0.1.0"
