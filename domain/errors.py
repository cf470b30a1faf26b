"""Errors a use case raises for the user: the message is shown as it is."""

from __future__ import annotations


class OpError(Exception):
    """A user action cannot be done; ``str(exc)`` says why in the user's words."""


class NotFound(OpError):
    pass


class Conflict(OpError):
    """Someone else changed the row since it was read (optimistic locking)."""


class Invalid(OpError):
    """The input breaks a rule; ``field`` names the field, for inline messages."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class Busy(OpError):
    """The database stayed locked by another writer for longer than the program waits."""


class ReadOnly(OpError):
    """The database cannot be written (a read-only file or a read-only connection)."""
