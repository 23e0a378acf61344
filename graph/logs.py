"""Logging for the command-line entry points (``python -m graph``, ``python -m api``), set up in one place.

Library modules only call ``logging.getLogger(__name__)``; the entry point decides where records go:
one line each on standard error, ``WARNING: graph.extract.pipeline: ...``.
"""

from __future__ import annotations

import logging
import sys

__all__ = ["configure_logging", "FORMAT"]

FORMAT = "%(levelname)s: %(name)s: %(message)s"
_HANDLER_NAME = "conflictkg-stderr"


def configure_logging(level: int = logging.WARNING) -> None:
    """Send log records of ``level`` and above to standard error, one line each; calling again only resets the level."""
    root = logging.getLogger()
    if not any(h.get_name() == _HANDLER_NAME for h in root.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.set_name(_HANDLER_NAME)
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
    root.setLevel(level)
