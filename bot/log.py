"""Logging set-up shared by every front end."""

import logging

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def get_logger(name: str) -> logging.Logger:
    """Return the logger for a module."""
    return logging.getLogger(name)


def setup_logging(level: str = "INFO") -> None:
    """Configure the root logger once, for the CLI."""
    logging.basicConfig(level=level.upper(), format=LOG_FORMAT)
    logging.getLogger("discord").setLevel(max(logging.INFO, logging.getLevelName(level.upper())))
